"""kill -9 in the middle of a real batch, then rerun: nothing half-written, nothing redone, nothing left over."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import psutil
import pytest

# Real pages of the shared corpus (read in place), long enough that a run takes a while with one worker.
CORPUS_PAGES = ["aclu", "ars-1", "bbc-1", "guardian-1", "nytimes-1", "wikipedia", "medium-1", "lemonde-1"]
STATE_FILE = ".readaloud-batch.json"
BATCH_FILES = {STATE_FILE, ".readaloud-batch.lock", "report.json", "report.csv"}


def done_count(outdir: Path) -> int:
    try:
        return json.loads((outdir / "report.json").read_text(encoding="utf-8"))["summary"]["done"]
    except (OSError, ValueError, KeyError):
        return 0


def tree_size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


@pytest.mark.slow
def test_kill_9_mid_run_then_rerun_completes(readaloud_bin: Path, shared_dir: Path, tmp_path: Path) -> None:
    pages = [shared_dir / "corpora" / "readability-test-pages" / name / "source.html" for name in CORPUS_PAGES]
    sources = tmp_path / "tonight.list"
    sources.write_text("\n".join(map(str, pages)) + "\n", encoding="utf-8")
    outdir = tmp_path / "books"
    env = {**os.environ, "READALOUD_CACHE_DIR": str(tmp_path / "cache")}
    command = [str(readaloud_bin), "batch", f"@{sources}", "-o", str(outdir), "--format", "daisy202", "--jobs", "1"]

    run = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while done_count(outdir) < 2 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert run.poll() is None, "the batch finished before it could be interrupted"
    workers = psutil.Process(run.pid).children(recursive=True)
    assert workers, "a worker process is converting"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    _gone, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, "workers end when their coordinator is killed (they would write into OUTDIR)"

    # After the kill: every book under a final name is complete and recorded.
    state = json.loads((outdir / STATE_FILE).read_text(encoding="utf-8"))["items"]
    finished = {record["output"]: record for record in state.values()}
    assert 2 <= len(finished) < len(pages)
    for entry in outdir.iterdir():
        if entry.name in BATCH_FILES or entry.name == ".readaloud-tmp":
            continue
        assert entry.name in finished, f"{entry.name} sits under a final name but was never completed"
        assert tree_size(entry) == finished[entry.name]["size"]
        assert (entry / "ncc.html").is_file()

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads((outdir / "report.json").read_text(encoding="utf-8"))
    statuses = {row["output"]: row["status"] for row in report["items"]}
    assert all(statuses[name] == "skipped-unchanged" for name in finished)
    assert list(statuses.values()).count("converted") == len(pages) - len(finished)
    assert report["summary"]["complete"] is True
    leftovers = [p.name for p in outdir.rglob("*") if p.name.startswith(".") and p.name not in BATCH_FILES]
    assert leftovers == [], "no temporary folders or partial files are left"
    assert len([p for p in outdir.iterdir() if p.is_dir()]) == len(pages)


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_says_so(readaloud_bin: Path, shared_dir: Path, tmp_path: Path) -> None:
    pages = [shared_dir / "corpora" / "readability-test-pages" / name / "source.html" for name in CORPUS_PAGES]
    outdir = tmp_path / "books"
    env = {**os.environ, "READALOUD_CACHE_DIR": str(tmp_path / "cache")}
    command = [str(readaloud_bin), "batch", *map(str, pages), "-o", str(outdir), "--format", "epub3", "--jobs", "2"]
    # Its own process group, as a terminal's foreground job: Ctrl-C reaches the command and its workers.
    run = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    deadline = time.monotonic() + 300
    while done_count(outdir) < 1 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert run.poll() is None, "the batch finished before it could be interrupted"
    os.killpg(run.pid, signal.SIGINT)
    _stdout, stderr = run.communicate(timeout=60)
    assert run.returncode == 130
    assert "interrupted" in stderr and "Traceback" not in stderr
    report = json.loads((outdir / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["complete"] is False and report["summary"]["done"] >= 1
    assert not (outdir / ".readaloud-tmp").exists()
    assert all(p.suffix == ".epub" for p in outdir.iterdir() if p.name not in BATCH_FILES)
