"""The HTML extractor on the WCXB development split (1,497 real pages of 7 types), scored with WCXB's metric.

The corpus lives outside the repository (``../shared/corpora/wcxb-dev``); without it these tests skip.
Pages are extracted exactly as ``benchmarks/extraction.py --only readaloud`` does (same code, two
processes). The floors sit a little under the figures of the extractor when they were set, so a
regression, overall or on one kind of page, fails; the ceilings on refusals, near-empty pages and leaks
are that day's counts with a little room, to be lowered as extraction improves.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from extraction import PageResult, Task, run_tasks  # noqa: E402
from scoring import mean  # noqa: E402
from wcxb import PAGE_TYPES, load_wcxb, wcxb_dir  # noqa: E402

CORPUS = wcxb_dir(REPO)
# slow: about two minutes of CPU for 1,497 pages (make test runs it, make test-fast does not).
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the WCXB corpus is not at {CORPUS}")]

# Figures when set (2 Dec 2026, all pages; benchmarks/extraction.py prints the
# same per part). Mean bag-of-words F1 over the pages with a reviewed main text (1,476 of 1,497): 0.8470.
OVERALL_F1_FLOOR = 0.84
# Per type when set: article 0.952, service 0.787, product 0.631, collection 0.634, forum 0.744, listing
# 0.634, documentation 0.926. trafilatura 2.3 in one run: 0.938, 0.772, 0.662, 0.595, 0.690, 0.614, 0.917.
TYPE_F1_FLOORS = {
    "article": 0.945,
    "service": 0.77,
    "product": 0.62,  # raised from 0.60 on 2 Dec 2026: 0.641 over all pages after order-form tables were dropped
    "collection": 0.61,
    "forum": 0.71,
    "listing": 0.61,
    "documentation": 0.90,
}
WITH_SNIPPETS_FLOOR = 0.74  # share of the snippets a correct extraction contains (0.762 when set)
WITHOUT_SNIPPETS_CEILING = 0.075  # share of the boilerplate snippets it must not contain (0.064 when set)
# Ceilings at the counts when set. A refused page is one extract_article turns down with NoArticleError
# (or another ReadaloudError: a page over a size or nesting limit). None when set.
MAX_REFUSED = 0
# Pages under this F1 are pages where the listener hears nearly none of the main text (54 when set).
FAILED_PAGE_F1 = 0.2
MAX_FAILED_PAGES = 56
# Captions and credits the page marks up (figcaption, a "caption" or "credit" class word, ...: the rules in
# benchmarks/scoring.py) read aloud: 24 and 2 when set (80 and 13 under the former substring measure).
MAX_CAPTION_LEAKS = 27
MAX_CREDIT_LEAKS = 4
# Metadata against the reviewed title, author and date (WCXB's reviewers took the visible headline and
# the date the page shows): 0.764 of titles, 0.712 of authors, 0.656 of dates right when set.
TITLE_FLOOR = 0.74
BYLINE_FLOOR = 0.69
DATE_FLOOR = 0.63


@pytest.fixture(scope="module")
def results() -> Iterator[list[PageResult]]:
    pages = load_wcxb(CORPUS, with_source=False)
    tasks = [Task("wcxb", page.name, ("readaloud",), repeat=1, metadata=True) for page in pages]
    yield run_tasks(tasks, jobs=min(2, os.cpu_count() or 1))


def scored(results: list[PageResult]) -> list[PageResult]:
    return [r for r in results if r.has_truth]


def test_every_page_was_read(results: list[PageResult]) -> None:
    assert len(results) == 1497
    assert len(scored(results)) >= 1470


def test_overall_f1_is_above_the_floor(results: list[PageResult]) -> None:
    pages = scored(results)
    f1, precision, recall = (mean([getattr(r, k) for r in pages]) for k in ("f1", "precision", "recall"))
    assert f1 >= OVERALL_F1_FLOOR, f"F1 {f1:.4f} (P {precision:.4f}, R {recall:.4f})"


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_each_page_type_is_above_its_floor(results: list[PageResult], page_type: str) -> None:
    pages = [r for r in scored(results) if r.page_type == page_type]
    assert len(pages) >= 80
    f1 = mean([r.f1 for r in pages])
    assert f1 >= TYPE_F1_FLOORS[page_type], f"{page_type}: F1 {f1:.4f} over {len(pages)} pages"


def test_snippet_rates(results: list[PageResult]) -> None:
    with_rate = mean([r.with_rate for r in results])
    without_rate = mean([r.without_rate for r in results])
    assert with_rate >= WITH_SNIPPETS_FLOOR, f"'with' snippets found: {with_rate:.4f}"
    assert without_rate <= WITHOUT_SNIPPETS_CEILING, f"'without' snippets found: {without_rate:.4f}"


def test_refused_pages_do_not_increase(results: list[PageResult]) -> None:
    refused = sorted(f"{r.name} {r.page_type}" for r in scored(results) if r.refused)
    assert len(refused) <= MAX_REFUSED, f"{len(refused)} pages refused: {refused}"


def test_nearly_empty_pages_do_not_increase(results: list[PageResult]) -> None:
    failed = sorted((round(r.f1, 3), r.name) for r in scored(results) if r.f1 < FAILED_PAGE_F1)
    assert len(failed) <= MAX_FAILED_PAGES, f"{len(failed)} pages under F1 {FAILED_PAGE_F1}: {failed[:20]}"


def test_caption_and_credit_leaks_do_not_increase(results: list[PageResult]) -> None:
    captions = sum(r.caption_leaks for r in scored(results))
    credits = sum(r.credit_leaks for r in scored(results))
    assert captions <= MAX_CAPTION_LEAKS, f"{captions} marked-up captions read aloud"
    assert credits <= MAX_CREDIT_LEAKS, f"{credits} marked-up credits read aloud"


def _share(flags: list[bool | None]) -> float:
    judged = [flag for flag in flags if flag is not None]
    return sum(judged) / len(judged) if judged else 0.0


def test_titles_bylines_and_dates_are_above_their_floors(results: list[PageResult]) -> None:
    judged = [r.metadata for r in results if r.metadata is not None]
    assert len(judged) == len(results)
    title, byline, date = (_share([getattr(m, k) for m in judged]) for k in ("title", "byline", "date"))
    assert title >= TITLE_FLOOR, f"titles right: {title:.3f}"
    assert byline >= BYLINE_FLOOR, f"authors right: {byline:.3f}"
    assert date >= DATE_FLOOR, f"dates right: {date:.3f}"
