"""The local pool: a worker that crashes or hangs costs one article, never the batch."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import psutil
import pytest

from readaloud.batch.orchestrator import run_batch
from readaloud.batch.runner import LocalPool
from readaloud.batch.settings import BatchSettings
from readaloud.batch.sources import expand_sources


def spawned_workers() -> list[psutil.Process]:
    """This test process's batch workers (spawned interpreters), not multiprocessing's resource tracker."""
    children = psutil.Process().children()
    return [c for c in children if "spawn_main" in " ".join(c.cmdline()) and "resource_tracker" not in " ".join(c.cmdline())]


def crash_first_worker(signal_number: int) -> threading.Thread:
    """Send ``signal_number`` to the first worker as soon as it exists (it holds the first article)."""

    def crash() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            workers = spawned_workers()
            if workers:
                os.kill(workers[0].pid, signal_number)
                return
            time.sleep(0.01)

    thread = threading.Thread(target=crash, daemon=True)
    thread.start()
    return thread


@pytest.fixture()
def cache_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READALOUD_CACHE_DIR", str(tmp_path / "cache"))


def test_a_segfaulting_worker_fails_only_its_article(tmp_path: Path, samples_dir: Path, cache_env: None) -> None:
    sources = expand_sources([str(samples_dir / n) for n in
                              ("slate-trump-russia.html", "multilingual-quote.html", "de-stadtbibliothek.html")])
    crasher = crash_first_worker(signal.SIGSEGV)
    report = run_batch(sources, tmp_path / "out", BatchSettings(), LocalPool(workers=1, item_timeout=600))
    crasher.join()
    rows = {r.source.rsplit("/", 1)[-1]: r for r in report.ordered()}
    assert rows["slate-trump-russia.html"].status.value == "failed"
    assert "worker process crashed (killed by SIGSEGV)" in rows["slate-trump-russia.html"].error
    assert rows["multilingual-quote.html"].status.value == "converted"
    assert rows["de-stadtbibliothek.html"].status.value == "converted"
    assert (tmp_path / "out" / rows["de-stadtbibliothek.html"].output).stat().st_size > 10_000
    assert spawned_workers() == [], "the pool stops every worker it started, the replacement included"


def test_an_article_over_the_time_limit_is_stopped_and_reported(
    tmp_path: Path, samples_dir: Path, cache_env: None
) -> None:
    # Twenty copies of a long article: far more than one second of work for any machine.
    text = (samples_dir / "slate-trump-russia.txt").read_text(encoding="utf-8")
    long_article = tmp_path / "long.txt"
    long_article.write_text(text + "\n\n" + "\n\n".join(text.split("\n\n")[3:]) * 20, encoding="utf-8")
    sources = expand_sources([str(long_article)])
    started = time.monotonic()
    report = run_batch(sources, tmp_path / "out", BatchSettings(), LocalPool(workers=1, item_timeout=1))
    assert time.monotonic() - started < 30
    (row,) = report.ordered()
    assert row.status.value == "failed" and "longer than the 1-second limit" in row.error
    assert spawned_workers() == []
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        ".readaloud-batch.lock", "report.csv", "report.json"]


def test_the_longest_articles_are_dispatched_first(tmp_path: Path, samples_dir: Path, cache_env: None) -> None:
    """One worker converts in dispatch order: by source size, largest first; the report keeps the given order."""
    names = ("multilingual-quote.html", "slate-trump-russia.html", "de-stadtbibliothek.html")
    paths = [str(samples_dir / name) for name in names]
    finished: list[str] = []
    report = run_batch(expand_sources(paths), tmp_path / "out", BatchSettings(), LocalPool(1, 600),
                       on_result=lambda _report, result: finished.append(result.source))
    assert finished == sorted(paths, key=lambda path: os.path.getsize(path), reverse=True)
    assert [row.source for row in report.ordered()] == paths
