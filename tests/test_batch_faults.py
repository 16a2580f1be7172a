"""Write faults during a batch (full disk, unwritable folder): one sentence, exit 11, the sources not
attempted marked so in the report, nothing half-written, and a rerun that finishes the job.

Root can write anywhere, so a read-only folder cannot be made with chmod here. The faults are real OS
errors raised where the writes happen: ``os.replace``/``os.mkdir``/``os.open`` fail with ENOSPC in the
coordinating process (where the report, state and temporary folder are written) or in the job, and
a folder whose parent is a regular file.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from book_support import STRUCTURED_PAGE

from readaloud.batch.job import JobSpec, WorkerTools, run_job
from readaloud.batch.orchestrator import run_batch
from readaloud.batch.report import Status
from readaloud.batch.runner import LocalPool
from readaloud.batch.settings import BatchSettings
from readaloud.batch.sources import Source, expand_sources
from readaloud.errors import OutputError

ARTICLES = 4
BATCH_FILES = {".readaloud-batch.json", ".readaloud-batch.lock", "report.json", "report.csv"}


@pytest.fixture()
def library(tmp_path: Path) -> list[str]:
    """Four short distinct articles (the structured page with a different title each)."""
    folder = tmp_path / "library"
    folder.mkdir()
    paths = []
    for number in range(ARTICLES):
        page = STRUCTURED_PAGE.replace("How the Library Lends Talking Books", f"Talking Books, part {'ABCD'[number]}")
        path = folder / f"story-{number}.html"
        path.write_text(page, encoding="utf-8")
        paths.append(str(path))
    return paths


def fail_after(
    monkeypatch: pytest.MonkeyPatch, name: str, matches: Callable[[str], bool], allowed: int, failures: int = 10**9
) -> list[int]:
    """Make ``os.<name>`` raise ENOSPC for matching paths after ``allowed`` successful calls, ``failures`` times."""
    real = getattr(os, name)
    calls = [0]

    def faulty(*args, **kwargs):
        target = str(args[1] if name == "replace" else args[0])
        if matches(target):
            calls[0] += 1
            if allowed < calls[0] <= allowed + failures:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), target)
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, faulty)
    return calls


def report_rows(outdir: Path) -> dict[str, dict]:
    items = json.loads((outdir / "report.json").read_text(encoding="utf-8"))["items"]
    return {row["source"]: row for row in items}


def stopped_batch(library: list[str], outdir: Path) -> OutputError:
    with pytest.raises(OutputError) as caught:
        run_batch(expand_sources(library), outdir, BatchSettings(), LocalPool(1, 600))
    error = caught.value
    assert error.exit_code == 11
    assert "\n" not in str(error) and "rerun the same command to finish" in str(error)
    return error


def rerun_finishes(library: list[str], outdir: Path) -> None:
    report = run_batch(expand_sources(library), outdir, BatchSettings(), LocalPool(1, 600))
    assert report.summary.to_dict()["complete"] is True and report.summary.failed == 0
    outputs = sorted(p.name for p in outdir.iterdir() if p.name not in BATCH_FILES)
    assert len(outputs) == ARTICLES and not any(name.endswith("-2.mp3") for name in outputs), outputs
    assert not (outdir / ".readaloud-tmp").exists()


def test_report_that_cannot_be_written_stops_the_batch(library, tmp_path, monkeypatch) -> None:
    outdir = tmp_path / "out"
    # report.json is written after every item: the first item's report goes through, then the disk is
    # full for one write (the next write, which marks the rest not attempted, has room again).
    fail_after(monkeypatch, "replace", lambda path: path.endswith("report.json"), allowed=1, failures=1)
    error = stopped_batch(library, outdir)
    monkeypatch.undo()
    assert "the report could not be written (no space left on device)" in str(error)
    rows = report_rows(outdir)
    assert [row["status"] for row in rows.values()].count("not-attempted") >= ARTICLES - 2
    assert all("no space left" in row["error"] for row in rows.values() if row["status"] == "not-attempted")
    assert not (outdir / ".readaloud-tmp").exists()
    rerun_finishes(library, outdir)


def test_state_that_cannot_be_saved_stops_the_batch_and_leaves_no_unrecorded_output(library, tmp_path, monkeypatch) -> None:
    outdir = tmp_path / "out"
    fail_after(monkeypatch, "replace", lambda path: path.endswith(".readaloud-batch.json"), allowed=1)
    error = stopped_batch(library, outdir)
    assert "the batch state file could not be written" in str(error)
    recorded = json.loads((outdir / ".readaloud-batch.json").read_text(encoding="utf-8"))["items"]
    outputs = {p.name for p in outdir.iterdir() if p.name not in BATCH_FILES}
    assert outputs == {record["output"] for record in recorded.values()}, "every output under a final name is recorded"
    assert report_rows(outdir)
    monkeypatch.undo()
    rerun_finishes(library, outdir)


def test_temporary_folder_that_cannot_be_made_marks_every_source_not_attempted(library, tmp_path, monkeypatch) -> None:
    outdir = tmp_path / "out"
    fail_after(monkeypatch, "mkdir", lambda path: ".readaloud-tmp" in path, allowed=0)
    error = stopped_batch(library, outdir)
    assert "the temporary folder could not be written" in str(error) and f"{ARTICLES} of {ARTICLES}" in str(error)
    assert {row["status"] for row in report_rows(outdir).values()} == {"not-attempted"}
    monkeypatch.undo()
    rerun_finishes(library, outdir)


def test_a_job_whose_output_hits_a_full_disk_halts(tmp_path, monkeypatch) -> None:
    """In the worker: the encoder's temporary file cannot be created (ENOSPC) -> a halting failed row."""
    page = tmp_path / "story.html"
    page.write_text(STRUCTURED_PAGE, encoding="utf-8")
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    settings = BatchSettings()
    spec = JobSpec(Source(str(page)), settings, settings.fingerprint(), str(tmp_path), str(run_dir), None)
    fail_after(monkeypatch, "open", lambda path: path.startswith(str(run_dir)), allowed=0)
    result = run_job(spec, WorkerTools(str(tmp_path / "cache")))
    monkeypatch.undo()
    assert result.status == Status.FAILED and result.halt
    assert "no space left on device" in result.error
    assert list(run_dir.iterdir()) == []


def test_an_output_folder_under_a_regular_file_is_exit_11(readaloud_bin, library, tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = subprocess.run([str(readaloud_bin), "batch", *library, "-o", str(blocker / "out")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 11, result.stderr
    assert result.stderr.startswith("readaloud: ") and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_report_that_stays_unwritable_is_said_so(library, tmp_path, monkeypatch) -> None:
    outdir = tmp_path / "out"
    fail_after(monkeypatch, "replace", lambda path: path.endswith("report.json"), allowed=1)
    error = stopped_batch(library, outdir)
    assert "the report could not be updated either" in str(error)
    assert not (outdir / ".readaloud-tmp").exists()
    monkeypatch.undo()
    rerun_finishes(library, outdir)


@contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """A real file system of ``size`` mounted at ``folder`` (tmpfs), for a disk that truly fills up."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True, timeout=30)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({mounted.stderr.decode().strip()})")
    try:
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True, timeout=30).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)


@pytest.mark.skipif(os.geteuid() != 0 or not Path("/bin/mount").exists(), reason="mounting a tmpfs needs root")
def test_a_disk_that_fills_up_during_the_batch(library, tmp_path) -> None:
    """Real ENOSPC in the worker (an MP3 is some 400 KB; the disk holds about one and a half), then room
    is made and the same batch finishes."""
    with small_disk(tmp_path / "disk", "700k") as disk:
        outdir = disk / "out"
        error = stopped_batch(library, outdir)
        assert "no space left on device" in str(error)
        rows = report_rows(outdir)
        statuses = [row["status"] for row in rows.values()]
        assert statuses.count("not-attempted") >= 1 and "converted" in statuses
        assert not (outdir / ".readaloud-tmp").exists()
        subprocess.run(["mount", "-o", "remount,size=20m", str(disk)], check=True, timeout=30)
        rerun_finishes(library, outdir)


def test_a_damaged_or_hostile_state_file_is_never_trusted(library, tmp_path) -> None:
    """Records of the wrong shape are dropped (that source is converted again), and a recorded output that
    points outside OUTDIR is never replaced or deleted when the title changes."""
    outdir = tmp_path / "out"
    outdir.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    escaping = {"source": library[0], "status": "converted", "source_hash": "a", "article_hash": "b",
                "output": "../victim.txt", "size": 7}
    items = {library[0]: escaping, library[1]: 5, library[2]: {"output": 3}, library[3]: {"source_hash": None}}
    (outdir / ".readaloud-batch.json").write_text(json.dumps({"version": 1, "items": items}), encoding="utf-8")
    report = run_batch(expand_sources(library), outdir, BatchSettings(), LocalPool(1, 600))
    assert report.summary.converted == ARTICLES
    assert victim.read_text(encoding="utf-8") == "keep me"
