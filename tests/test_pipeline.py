"""One article's way through the stages, for each of the three front ends: every stage is entered once.

The stages' real functions are wrapped (they still run) so that each call is counted: reading the
page, extracting it, preparing each block. A second preparation of the title or of a paragraph is
what made a lexicon miss the byline in batch output, and what this file is here to stop.
"""

from __future__ import annotations

import signal
from collections import Counter
from pathlib import Path

import pytest
from book_support import STRUCTURED_PAGE

import readaloud.extract
import readaloud.pipeline
import readaloud.prepare


@pytest.fixture()
def calls(monkeypatch) -> Counter:
    """Counts of stage entries: 'read', 'extract', and one per prepared block id."""
    counts: Counter = Counter()

    def spy(module, name: str, key):
        real = getattr(module, name)

        def counted(*args, **kwargs):
            counts[key(*args, **kwargs)] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)

    spy(readaloud.pipeline, "read_source", lambda *a, **k: "read")
    spy(readaloud.extract, "extract_article", lambda *a, **k: "extract")
    spy(readaloud.prepare, "prepare_block", lambda block, *a, **k: f"prepare {block.id}")
    return counts


def assert_each_stage_once(counts: Counter, front: tuple[str, ...] = ("title", "byline")) -> None:
    assert counts["extract"] == 1
    prepared = {key.split(" ", 1)[1]: n for key, n in counts.items() if key.startswith("prepare ")}
    assert set(front) <= set(prepared), "the front matter is prepared with the body"
    assert all(n == 1 for n in prepared.values()), f"blocks prepared more than once: {prepared}"


@pytest.fixture()
def page(tmp_path: Path) -> Path:
    path = tmp_path / "library.html"
    path.write_text(STRUCTURED_PAGE, encoding="utf-8")
    return path


def test_the_command_line_reads_extracts_and_prepares_once_on_the_way_to_mp3(calls, page, tmp_path):
    from readaloud import cli

    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGPIPE, signal.SIGTERM)}
    try:
        assert cli.main([str(page), "-o", str(tmp_path / "out.mp3"), "-q"]) == 0
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    assert (tmp_path / "out.mp3").stat().st_size > 10_000
    assert calls["read"] == 1
    assert_each_stage_once(calls)


def test_a_batch_job_extracts_and_prepares_once_whatever_the_format(calls, page, tmp_path):
    from readaloud.batch.job import JobSpec, WorkerTools, run_job
    from readaloud.batch.report import Status
    from readaloud.batch.settings import BatchSettings
    from readaloud.batch.sources import Source

    settings = BatchSettings(format="epub3")
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    spec = JobSpec(Source(str(page)), settings, settings.fingerprint(), str(tmp_path), str(run_dir), None)
    result = run_job(spec, WorkerTools(str(tmp_path / "cache")))
    assert result.status == Status.CONVERTED, result.message
    assert_each_stage_once(calls)


def test_the_player_extracts_and_prepares_once_then_speaks_what_was_prepared(calls, page, tmp_path):
    from readaloud.web import create_app

    app = create_app({"READALOUD_PATHS": [page], "READALOUD_CACHE_DIR": str(tmp_path / "cache"), "TESTING": True})
    library = app.extensions["readaloud"].library
    (listing,) = library.entries()
    entry = library.open(listing.id)  # listing the folder prepared it already: opening reuses that
    block = next(b for b in entry.speech if b.id.startswith("b"))
    response = app.test_client().get(f"/articles/{entry.id}/blocks/{block.id}.wav")
    assert response.status_code == 200 and len(response.data) > 10_000
    assert_each_stage_once(calls)
