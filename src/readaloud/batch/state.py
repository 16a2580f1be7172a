"""The batch's memory in OUTDIR: what each source was, under which settings, and what it became.

A rerun skips a source when its content and the settings hash the same as last time and its output
is still complete (present, with the recorded size). The file is rewritten atomically after every
item, so a kill -9 loses at most the items in flight. A lock stops two batches writing one folder.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import UsageError
from ..files import atomic_write_bytes
from .report import ItemResult
from .storage import LOCK_FILE_NAME, RESERVED_NAMES, STATE_FILE_NAME

STATE_VERSION = 1

try:  # POSIX advisory locks (also honoured by NFSv4); elsewhere the lock is skipped
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


@dataclass(frozen=True)
class PreviousOutput:
    """What a worker needs to decide "unchanged": the hashes and the output as last recorded."""

    source_hash: str
    article_hash: str
    output: str
    size: int


# The fields every record needs, with their types: a record without them (a hand edit, a damaged
# disk) is dropped, which only means that source is converted again.
RECORD_FIELDS: dict[str, type] = {"source_hash": str, "article_hash": str, "output": str, "size": int}


def valid_record(record: Any) -> bool:
    """A usable record whose output is a plain name inside OUTDIR: a state file saying
    ``"output": "../../etc/passwd"`` must never make a rerun replace or delete that file."""
    if not isinstance(record, dict):
        return False
    if not all(isinstance(record.get(key), kind) for key, kind in RECORD_FIELDS.items()):
        return False
    try:
        ItemResult.from_dict(record)
    except (TypeError, ValueError, KeyError):
        return False
    return is_plain_name(record["output"])


def is_plain_name(name: str) -> bool:
    """One path component, not hidden, not one of the batch's own files (no '/', '..', NUL)."""
    return (
        bool(name) and "/" not in name and "\\" not in name and "\0" not in name
        and not name.startswith(".") and name.lower() not in RESERVED_NAMES
    )


class BatchState:
    """Per-source records (keyed by identity) as last completed, loaded from and saved to OUTDIR."""

    def __init__(self, outdir: Path) -> None:
        self.path = outdir / STATE_FILE_NAME
        self.records: dict[str, dict[str, Any]] = self._load()

    def _load(self) -> dict[str, dict[str, Any]]:
        """Records from the file; an unreadable or foreign file means "nothing done yet" (safe: redo all)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            return {}
        records = data.get("items", {})
        if not isinstance(records, dict):
            return {}
        return {identity: record for identity, record in records.items() if valid_record(record)}

    def previous(self, identity: str) -> PreviousOutput | None:
        record = self.records.get(identity)
        if not record:
            return None
        return PreviousOutput(record["source_hash"], record["article_hash"], record["output"], record["size"])

    def last_result(self, identity: str) -> ItemResult | None:
        record = self.records.get(identity)
        return ItemResult.from_dict(record) if record else None

    def names_taken(self, outdir: Path, except_identity: str) -> set[str]:
        """Lower-cased names no new output for ``except_identity`` may take: everything in OUTDIR
        (the library's own files too) and every recorded output, except this source's own."""
        own = (self.records.get(except_identity) or {}).get("output", "").lower()
        existing = {entry.lower() for entry in os.listdir(outdir)}
        recorded = {r["output"].lower() for r in self.records.values()}
        return (existing | recorded | RESERVED_NAMES) - {own}

    def record(self, result: ItemResult) -> None:
        data = result.to_dict()
        data["built"] = ""
        self.records[result.source] = data

    def remember_hashes(self, result: ItemResult) -> None:
        """A skipped source whose bytes changed but whose article did not (a page's adverts, its date
        line) gets its new byte hash recorded, so the next run skips it without extracting it again."""
        record = self.records.get(result.source)
        if record and result.source_hash and record["source_hash"] != result.source_hash:
            record["source_hash"] = result.source_hash
            self.save()

    def save(self) -> None:
        document = {"version": STATE_VERSION, "items": self.records}
        atomic_write_bytes(self.path, json.dumps(document, indent=1, ensure_ascii=False).encode("utf-8"))


class OutdirLock:
    """Held for the whole run, so two batches never interleave renames and state in one folder."""

    def __init__(self, outdir: Path) -> None:
        self.path = outdir / LOCK_FILE_NAME
        self.handle: Any = None

    def __enter__(self) -> OutdirLock:
        self.handle = open(self.path, "a+b")  # noqa: SIM115 - held until __exit__
        if fcntl is not None:
            try:
                fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                self.handle.close()
                raise UsageError(f"another batch is already writing to {self.path.parent}.") from None
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        # The lock file stays: unlinking it would let a waiting batch lock a file nobody else sees.
        self.handle.close()
