"""The HTML extractor on the whole Readability test corpus, scored with the field's metric.

The corpus lives outside the repository (``../shared/corpora/readability-test-pages``); without it
these tests skip. The floors sit just under what the extractor reaches today (F1 0.975, three real
pages under 0.9), so any regression, overall or on one page, fails.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from scoring import CorpusPage, PageScore, corpus_dir, load_corpus, score_page, summarise  # noqa: E402

from readaloud.extract.html import html_to_article  # noqa: E402
from readaloud.model import Article  # noqa: E402

CORPUS = corpus_dir(REPO)
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is not at {CORPUS}")

OVERALL_F1_FLOOR = 0.965
# A real page scoring under this is a failure of extraction, not a matter of taste.
REAL_PAGE_FLOOR = 0.6
# Real pages under 0.9 today: ehow-1 and nytimes-5 (their photo captions and credits, "Photo /
# CreditKevin Frayer/Getty Images" under each teaser, are in the truth; we do not read them),
# mozilla-2 (list items holding headings, ordered differently by the metric) and mathjax (the truth
# leaves out the prose between formulas, which we read). Any other real page under 0.9 is a regression.
GOOD_PAGE_F1 = 0.9
MAX_REAL_PAGES_UNDER_GOOD = 4


@dataclass
class Result:
    page: CorpusPage
    article: Article
    score: PageScore


@pytest.fixture(scope="module")
def results() -> list[Result]:
    found = []
    for page in load_corpus(CORPUS):
        article = html_to_article(page.source)
        spoken = "\n".join(block.text for block in article.blocks if block.spoken)
        found.append(Result(page, article, score_page(spoken, page.truth)))
    return found


def test_overall_f1_is_above_the_floor(results: list[Result]) -> None:
    summary = summarise([r.score for r in results])
    assert summary.f1 >= OVERALL_F1_FLOOR, f"F1 {summary.f1:.4f} (P {summary.precision:.4f}, R {summary.recall:.4f})"


def test_no_real_page_fails_or_regresses(results: list[Result]) -> None:
    real = [r for r in results if r.page.is_real]
    assert len(real) >= 90
    failed = [(r.page.name, round(r.score.f1, 3)) for r in real if r.score.f1 < REAL_PAGE_FLOOR]
    assert not failed, f"real pages under {REAL_PAGE_FLOOR}: {failed}"
    weak = sorted((round(r.score.f1, 3), r.page.name) for r in real if r.score.f1 < GOOD_PAGE_F1)
    assert len(weak) <= MAX_REAL_PAGES_UNDER_GOOD, f"real pages under {GOOD_PAGE_F1}: {weak}"


def test_titles_match_the_expected_metadata(results: list[Result]) -> None:
    with_title = [r for r in results if r.page.metadata.get("title")]
    wrong = [
        (r.page.name, r.article.title, r.page.metadata["title"])
        for r in with_title
        if r.article.title != " ".join(r.page.metadata["title"].split())
    ]
    assert len(wrong) <= 0.03 * len(with_title), wrong


def test_language_is_the_declared_one(results: list[Result]) -> None:
    declared = [r for r in results if r.page.metadata.get("lang")]
    assert len(declared) >= 70
    wrong = [(r.page.name, r.article.lang, r.page.metadata["lang"]) for r in declared if r.article.lang != r.page.metadata["lang"]]
    assert not wrong


def test_bylines_match_the_expected_metadata(results: list[Result]) -> None:
    with_byline = [r for r in results if r.page.metadata.get("byline")]
    right = [r for r in with_byline if r.article.byline == " ".join(r.page.metadata["byline"].split())]
    assert len(right) >= 0.9 * len(with_byline)


def test_no_body_block_repeats_the_title_dek_or_byline(results: list[Result]) -> None:
    for result in results:
        article = result.article
        leading = [b.text for b in article.spoken_blocks[:3]]
        for text in filter(None, (article.title, article.dek, article.byline)):
            assert text not in leading, (result.page.name, text)


def test_every_removal_has_a_reason_from_the_vocabulary(results: list[Result]) -> None:
    from readaloud.extract.rules import REMOVAL_REASONS

    for result in results:
        for removal in result.article.removed:
            assert removal.reason in REMOVAL_REASONS, (result.page.name, removal)
            assert removal.text and len(removal.text) <= 200
