"""One row per source, written as items finish: ``report.json`` (with a summary) and ``report.csv``.

The rows are what a librarian checks the morning after: what was converted, what was left alone
because nothing changed, what failed and why (one sentence), plus warnings worth a look.
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from ..files import atomic_write_bytes
from .storage import REPORT_CSV_NAME, REPORT_JSON_NAME


class Status(str, Enum):
    CONVERTED = "converted"
    SKIPPED = "skipped-unchanged"
    FAILED = "failed"
    NOT_ATTEMPTED = "not-attempted"  # the batch stopped (a write failed) before this source's turn


@dataclass
class ItemResult:
    """What became of one source. The fields after ``error`` are bookkeeping for state and benchmarks."""

    source: str
    status: Status
    output: str = ""  # relative to OUTDIR once placed
    title: str = ""
    language: str = ""
    words: int = 0
    duration_ms: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    source_hash: str = ""
    article_hash: str = ""
    built: str = ""  # where the worker left the finished output, inside the run's temporary folder
    size: int = 0
    seconds: float = 0.0
    worker_rss_kb: int = 0
    worker_pid: int = 0
    # Set when this failure means no later source can succeed either (the output folder is full or
    # read-only): the coordinator stops the batch instead of failing every remaining row the same way.
    halt: bool = False

    @classmethod
    def failure(cls, source: str, error: str, halt: bool = False) -> ItemResult:
        return cls(source=source, status=Status.FAILED, error=error, halt=halt)

    def row(self) -> dict[str, Any]:
        """The report row: the fields a person reads, durations also as h:mm:ss."""
        return {
            "source": self.source,
            "status": self.status.value,
            "output": self.output,
            "title": self.title,
            "language": self.language,
            "words": self.words,
            "duration": format_duration(self.duration_ms),
            "duration_seconds": round(self.duration_ms / 1000, 3),
            "warnings": list(self.warnings),
            "error": self.error,
        }

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = self.status.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ItemResult:
        fields_ = dict(data)
        fields_["status"] = Status(fields_["status"])
        return cls(**fields_)


REPORT_COLUMNS = (
    "source", "status", "output", "title", "language", "words", "duration", "duration_seconds", "warnings", "error",
)
WARNING_SEPARATOR = "; "


def format_duration(ms: int) -> str:
    seconds = round(ms / 1000)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


@dataclass
class Summary:
    total: int
    converted: int = 0
    skipped: int = 0
    failed: int = 0
    not_attempted: int = 0
    listening_ms: int = 0
    started: float = field(default_factory=time.time)
    finished: float | None = None

    @property
    def done(self) -> int:
        return self.converted + self.skipped + self.failed

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": self.total,
            "done": self.done,
            "converted": self.converted,
            "skipped_unchanged": self.skipped,
            "failed": self.failed,
            "not_attempted": self.not_attempted,
            "complete": self.finished is not None and self.done == self.total,
            "listening_time": format_duration(self.listening_ms),
            "listening_seconds": round(self.listening_ms / 1000, 3),
            "started": _iso(self.started),
            "finished": _iso(self.finished) if self.finished else None,
        }

    def sentence(self) -> str:
        """The line printed at the end of a run."""
        not_attempted = f", {self.not_attempted} not attempted" if self.not_attempted else ""
        return (
            f"{self.converted} converted, {self.skipped} skipped (unchanged), {self.failed} failed{not_attempted} "
            f"of {self.total}; {format_duration(self.listening_ms)} of listening time."
        )


def _iso(timestamp: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timestamp))


class Report:
    """The rows of this run in source order, rewritten atomically each time an item finishes."""

    def __init__(self, outdir: Path, source_order: Iterable[str], settings: dict[str, Any]) -> None:
        self.outdir = outdir
        self.order = {identity: index for index, identity in enumerate(source_order)}
        self.settings = settings
        self.results: dict[str, ItemResult] = {}
        self.summary = Summary(total=len(self.order))

    def add(self, result: ItemResult) -> None:
        if result.source in self.results:
            raise ValueError(f"{result.source} was reported twice")
        self.results[result.source] = result
        counts = {
            Status.CONVERTED: "converted", Status.SKIPPED: "skipped", Status.FAILED: "failed",
            Status.NOT_ATTEMPTED: "not_attempted",
        }
        attribute = counts[result.status]
        setattr(self.summary, attribute, getattr(self.summary, attribute) + 1)
        if result.status in (Status.CONVERTED, Status.SKIPPED):
            self.summary.listening_ms += result.duration_ms

    def mark_not_attempted(self, reason: str) -> int:
        """Give every source without a row one saying it was not attempted and why; how many there were."""
        missing = [identity for identity in self.order if identity not in self.results]
        for identity in missing:
            self.add(ItemResult(identity, Status.NOT_ATTEMPTED, error=f"not attempted: {reason}"))
        return len(missing)

    def finish(self) -> None:
        self.summary.finished = time.time()

    @property
    def failures(self) -> list[ItemResult]:
        return [r for r in self.ordered() if r.status == Status.FAILED]

    def ordered(self) -> list[ItemResult]:
        return sorted(self.results.values(), key=lambda r: self.order.get(r.source, len(self.order)))

    def write(self) -> None:
        atomic_write_bytes(self.outdir / REPORT_JSON_NAME, self._json())
        atomic_write_bytes(self.outdir / REPORT_CSV_NAME, self._csv())

    def _json(self) -> bytes:
        document = {
            "summary": self.summary.to_dict(),
            "settings": self.settings,
            "items": [result.row() for result in self.ordered()],
        }
        return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    def _csv(self) -> bytes:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=REPORT_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        for result in self.ordered():
            row = result.row()
            row["warnings"] = WARNING_SEPARATOR.join(row["warnings"])
            writer.writerow(row)
        # A byte-order mark so Excel (what most libraries open a CSV with) reads accents correctly.
        return buffer.getvalue().encode("utf-8-sig")
