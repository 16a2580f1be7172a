"""The report (json + csv), the state file and the output-folder discipline, without any synthesis."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from readaloud.batch.report import ItemResult, Report, Status
from readaloud.batch.state import BatchState, OutdirLock
from readaloud.batch.storage import STATE_FILE_NAME, output_size
from readaloud.commands.batch import progress_for
from readaloud.errors import UsageError
from readaloud.files import atomic_write_bytes, replace_path


def converted(source: str, output: str, ms: int, warnings: list[str] | None = None) -> ItemResult:
    return ItemResult(source, Status.CONVERTED, output=output, title=f"Title of {source}", language="en",
                      words=300, duration_ms=ms, warnings=warnings or [], source_hash="h" + source,
                      article_hash="a" + source, size=1234)


def test_rows_follow_source_order_and_summary_adds_up(tmp_path: Path) -> None:
    report = Report(tmp_path, ["/a", "/b", "/c"], {"format": "mp3"})
    report.add(ItemResult.failure("/c", "the page holds no article."))
    report.add(converted("/b", "B.mp3", 61_000, ["very short: 20 seconds"]))
    report.add(ItemResult("/a", Status.SKIPPED, output="A.mp3", duration_ms=3_600_000))
    report.finish()
    report.write()
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [row["source"] for row in data["items"]] == ["/a", "/b", "/c"]
    assert data["summary"] == data["summary"] | {
        "sources": 3, "converted": 1, "skipped_unchanged": 1, "failed": 1, "complete": True,
        "listening_time": "1:01:01", "listening_seconds": 3661.0,
    }
    assert data["items"][2]["error"] == "the page holds no article."
    assert report.summary.sentence().startswith("1 converted, 1 skipped (unchanged), 1 failed of 3; 1:01:01")
    with open(tmp_path / "report.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["status"] for r in rows] == ["skipped-unchanged", "converted", "failed"]
    assert rows[1]["duration"] == "0:01:01" and rows[1]["warnings"] == "very short: 20 seconds"
    assert list(rows[0]) == ["source", "status", "output", "title", "language", "words", "duration",
                             "duration_seconds", "warnings", "error"]


def test_an_unfinished_run_says_so(tmp_path: Path) -> None:
    report = Report(tmp_path, ["/a", "/b"], {})
    report.add(converted("/a", "A.mp3", 1000))
    report.write()
    summary = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["summary"]
    assert summary["complete"] is False and summary["done"] == 1 and summary["finished"] is None


def test_state_round_trip(tmp_path: Path) -> None:
    (tmp_path / "A.mp3").write_bytes(b"x" * 1234)
    state = BatchState(tmp_path)
    state.record(converted("/a", "A.mp3", 1000))
    state.save()
    again = BatchState(tmp_path)
    previous = again.previous("/a")
    assert (previous.source_hash, previous.output, previous.size) == ("h/a", "A.mp3", 1234)
    assert again.last_result("/a").title == "Title of /a"


def test_names_taken_include_foreign_files_but_not_the_sources_own(tmp_path: Path) -> None:
    (tmp_path / "Librarians-Notes.mp3").write_bytes(b"")
    state = BatchState(tmp_path)
    state.record(converted("/a", "A.mp3", 1000))
    state.record(converted("/b", "B.mp3", 1000))
    taken = state.names_taken(tmp_path, "/a")
    assert {"librarians-notes.mp3", "b.mp3", "report.csv", STATE_FILE_NAME} <= taken
    assert "a.mp3" not in taken


@pytest.mark.parametrize("content", [b"{not json", b'{"version": 99, "items": {}}', b"[]"])
def test_a_damaged_or_foreign_state_file_means_start_afresh(tmp_path: Path, content: bytes) -> None:
    (tmp_path / STATE_FILE_NAME).write_bytes(content)
    assert BatchState(tmp_path).records == {}


def test_atomic_write_leaves_no_temporary_file_and_readable_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    atomic_write_bytes(target, b"one")
    atomic_write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_placing_a_folder_over_an_older_version(tmp_path: Path) -> None:
    old = tmp_path / "Book"
    old.mkdir()
    (old / "ncc.html").write_text("old", encoding="utf-8")
    (old / "stale.mp3").write_bytes(b"zz")
    built = tmp_path / "tmp" / "abc.daisy"
    built.mkdir(parents=True)
    (built / "ncc.html").write_text("new!", encoding="utf-8")
    replace_path(built, old)
    assert sorted(p.name for p in old.iterdir()) == ["ncc.html"]
    assert output_size(old) == 4 and not built.exists()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_two_batches_cannot_write_one_folder(tmp_path: Path) -> None:
    with OutdirLock(tmp_path):
        with pytest.raises(UsageError, match="another batch is already writing"):
            with OutdirLock(tmp_path):
                pass
    with OutdirLock(tmp_path):  # released when the first run ends
        pass


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_counts_articles_and_failures(tmp_path: Path) -> None:
    terminal = _Terminal()
    bar = progress_for(quiet=False, stream=terminal)
    report = Report(tmp_path, ["/a", "/b"], {})
    for result in (ItemResult.failure("/a", "no article."), converted("/b", "B.mp3", 1000)):
        report.add(result)
        bar.on_result(report, result)  # the last item is always drawn, whatever the redraw throttle
    line = terminal.getvalue().rsplit("\r", 1)[-1]
    assert "[" + "#" * 24 + "] 2/2 articles, 1 failed" in line and "left" in line
    bar.close()
    assert terminal.getvalue().endswith("\r")


def test_no_progress_bar_for_pipes_logs_or_quiet() -> None:
    assert progress_for(quiet=False, stream=io.StringIO()) is None
    assert progress_for(quiet=True, stream=_Terminal()) is None


def test_a_skipped_source_with_new_bytes_keeps_its_new_hash(tmp_path: Path) -> None:
    state = BatchState(tmp_path)
    state.record(converted("/a", "A.mp3", 1000))
    state.remember_hashes(ItemResult("/a", Status.SKIPPED, source_hash="new-bytes", article_hash="a/a"))
    assert BatchState(tmp_path).previous("/a").source_hash == "new-bytes"
