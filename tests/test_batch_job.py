"""One job through the real pipeline: warnings a librarian needs, skips, unchanged detection, failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from book_support import STRUCTURED_PAGE

from readaloud.batch.job import JobSpec, WorkerTools, run_job, skip_kinds
from readaloud.batch.report import Status
from readaloud.batch.settings import BatchSettings
from readaloud.batch.sources import Source
from readaloud.batch.state import PreviousOutput
from readaloud.model import Article, Block, BlockKind

SHORT_PAGE = "<html lang='en'><body><article><h1>Closed today</h1><p>The branch is closed today for repairs.</p></article></body></html>"


@pytest.fixture(scope="module")
def tools(tmp_path_factory: pytest.TempPathFactory) -> WorkerTools:
    return WorkerTools(str(tmp_path_factory.mktemp("cache")))


def job(tmp_path: Path, source: Path, settings: BatchSettings | None = None, previous=None) -> JobSpec:
    settings = settings or BatchSettings()
    run_dir = tmp_path / "run"
    run_dir.mkdir(exist_ok=True)
    return JobSpec(Source(str(source)), settings, settings.fingerprint(), str(tmp_path), str(run_dir), previous)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_converted_result_describes_the_article(tmp_path: Path, tools: WorkerTools) -> None:
    result = run_job(job(tmp_path, write(tmp_path, "story.html", STRUCTURED_PAGE)), tools)
    assert result.status == Status.CONVERTED, result.error
    assert result.title == "How the Library Lends Talking Books" and result.language == "en"
    assert result.words > 100 and result.duration_ms > 40_000 and result.warnings == []
    built = Path(result.built)
    assert built.parent == tmp_path / "run" and built.suffix == ".mp3" and built.stat().st_size == result.size


def test_very_short_article_is_flagged(tmp_path: Path, tools: WorkerTools) -> None:
    result = run_job(job(tmp_path, write(tmp_path, "short.html", SHORT_PAGE)), tools)
    assert result.status == Status.CONVERTED
    assert any(w.startswith("very short:") and "word" in w for w in result.warnings)


def test_language_without_a_voice_is_flagged(tmp_path: Path, tools: WorkerTools) -> None:
    page = write(tmp_path, "story.html", STRUCTURED_PAGE.replace('lang="en"', 'lang="tlh"'))  # Klingon: no voice
    result = run_job(job(tmp_path, page), tools)
    assert result.status == Status.CONVERTED, result.error
    assert any("tlh" in w and "voice" in w for w in result.warnings)


def test_a_language_setting_reads_the_article_as_that_language(tmp_path: Path, tools: WorkerTools) -> None:
    """lang = "de" in the settings gives German speech text and the report says so, as 'readaloud FILE
    --lang de' does (it gave a German voice reading the page's English numbers)."""
    page = write(tmp_path, "short.html", SHORT_PAGE.replace("for repairs", "for 25 days of repairs"))
    result = run_job(job(tmp_path, page, BatchSettings(lang="de")), tools)
    assert result.status == Status.CONVERTED, result.error
    assert result.language == "de"


def test_lexicon_replacements_are_listed(tmp_path: Path, tools: WorkerTools) -> None:
    lexicon = write(tmp_path, "house.lexicon", "dyslexia = dis-lex-ia\nlibrarian = lie-brarian\nzebra = zeb-ra\n")
    result = run_job(job(tmp_path, write(tmp_path, "s.html", STRUCTURED_PAGE), BatchSettings(lexicon=str(lexicon))), tools)
    (warning,) = [w for w in result.warnings if "lexicon" in w]
    assert "2 words" in warning and "dyslexia" in warning and "librarian" in warning and "zebra" not in warning


def test_unchanged_source_with_complete_output_is_skipped_without_work(tmp_path: Path, tools: WorkerTools) -> None:
    page = write(tmp_path, "story.html", STRUCTURED_PAGE)
    first = run_job(job(tmp_path, page), tools)
    (tmp_path / "Story.mp3").write_bytes(Path(first.built).read_bytes())
    previous = PreviousOutput(first.source_hash, first.article_hash, "Story.mp3", first.size)
    again = run_job(job(tmp_path, page, previous=previous), tools)
    assert again.status == Status.SKIPPED and again.seconds < first.seconds
    # a page whose chrome changed but whose article did not is still unchanged
    write(tmp_path, "story.html", STRUCTURED_PAGE.replace("Copyright City News", "Copyright 2025 City News Ltd"))
    assert run_job(job(tmp_path, page, previous=previous), tools).status == Status.SKIPPED
    # an output that lost bytes is redone
    (tmp_path / "Story.mp3").write_bytes(b"truncated")
    assert run_job(job(tmp_path, page, previous=previous), tools).status == Status.CONVERTED
    # other settings are other output
    (tmp_path / "Story.mp3").write_bytes(Path(first.built).read_bytes())
    assert run_job(job(tmp_path, page, BatchSettings(rate=200), previous=previous), tools).status == Status.CONVERTED


def test_a_worker_that_cannot_see_the_output_folder_says_so(tmp_path: Path, tools: WorkerTools) -> None:
    spec = job(tmp_path, write(tmp_path, "story.html", STRUCTURED_PAGE))
    (tmp_path / "run").rmdir()
    result = run_job(spec, tools)
    assert result.status == Status.FAILED and "cannot see the output folder" in result.error


def test_skipping_every_body_kind_leaves_nothing_to_read(tmp_path: Path, tools: WorkerTools) -> None:
    page = write(tmp_path, "list.html", "<html><body><article><h1>Opening hours</h1><ul>" + "".join(
        f"<li>Branch number {n} opens at nine in the morning and closes at six in the evening.</li>" for n in range(12)
    ) + "</ul></article></body></html>")
    result = run_job(job(tmp_path, page, BatchSettings(skip=("lists",))), tools)
    assert result.status == Status.FAILED and "nothing but headings is left" in result.error
    assert list((tmp_path / "run").iterdir()) == []


def test_skip_kinds_reads_captions_only_when_not_skipped() -> None:
    article = Article(title="t", blocks=[
        Block("b1", BlockKind.PARAGRAPH, "Body."),
        Block("b2", BlockKind.CAPTION, "A caption.", spoken=False),
        Block("b3", BlockKind.PARAGRAPH, "An aside kept for display.", spoken=False),
        Block("b4", BlockKind.TABLE_CELL, "12"),
    ])
    default = skip_kinds(article, BatchSettings().skipped_kinds)
    assert [b.spoken for b in default.blocks] == [True, False, False, True]
    read_all = skip_kinds(article, BatchSettings(skip=()).skipped_kinds)
    assert [b.spoken for b in read_all.blocks] == [True, True, False, True]
    no_tables = skip_kinds(article, BatchSettings(skip=("tables",)).skipped_kinds)
    assert [b.spoken for b in no_tables.blocks] == [True, True, False, False]
    assert article.blocks[1].spoken is False, "the original article is left as it was"


@pytest.mark.parametrize("text", ["----------\n", "\u200b" * 200 + "\n"])
def test_a_page_that_says_nothing_is_a_failed_row_with_its_reason(tmp_path: Path, tools: WorkerTools, text: str) -> None:
    result = run_job(job(tmp_path, write(tmp_path, "silent.txt", text)), tools)
    assert result.status == Status.FAILED
    assert "says nothing" in result.error and "internal error" not in result.error
    assert not list((tmp_path / "run").iterdir())


@pytest.mark.timeout(30)
def test_a_fifo_source_fails_at_once(tmp_path: Path, tools: WorkerTools) -> None:
    import os

    fifo = tmp_path / "x.html"
    os.mkfifo(fifo)
    result = run_job(job(tmp_path, fifo), tools)
    assert result.status == Status.FAILED and "named pipe" in result.error and result.seconds < 5
