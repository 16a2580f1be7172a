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


# Titles follow the page's own visible headline when it names the same article as the head (see
# readaloud.extract.metadata.page_title), and leave the site's name out; the expected titles here are
# Readability.js's, which keep it ("How to Build a Terrarium | eHow"). A title is right if it is the
# expected one or the expected one without its site-name part; otherwise it must be the page's <h1>
# (a headline worded differently from the head: 12 pages of 127 today).
MAX_HEADLINE_TITLES = 0.12
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _loose_title(text: str) -> str:
    return " ".join(text.translate(_TYPOGRAPHY).split())


def _is_expected_title(title: str, expected: str) -> bool:
    """The expected title, or one side of it at a separator ("Mozilla" for "Mozilla - Wikipedia")."""
    from readaloud.extract.metadata import SITE_NAME_BRACKETS, SITE_NAME_SEPARATOR

    title, expected = _loose_title(title), _loose_title(expected)
    if title == expected:
        return True
    sides = [expected[: m.start()] for m in SITE_NAME_SEPARATOR.finditer(expected)]
    sides += [expected[m.end() :] for m in SITE_NAME_SEPARATOR.finditer(expected)]
    sides += [SITE_NAME_BRACKETS.sub("", expected)]
    return any(title == side.strip() for side in sides)


def test_titles_match_the_expected_metadata_or_the_visible_headline(results: list[Result]) -> None:
    from readaloud.extract.dom import inner_text
    from readaloud.extract.html import parse_document

    with_title = [r for r in results if r.page.metadata.get("title")]
    other = [r for r in with_title if not _is_expected_title(r.article.title, r.page.metadata["title"])]
    for result in other:
        doc = parse_document(result.page.source)
        headlines = {_loose_title(inner_text(h1)) for h1 in doc.iter("h1")}
        assert _loose_title(result.article.title) in headlines, (result.page.name, result.article.title)
    assert len(other) <= MAX_HEADLINE_TITLES * len(with_title), [(r.page.name, r.article.title) for r in other]


def test_dates_match_the_expected_metadata(results: list[Result]) -> None:
    """The head's date, or the day the page shows when that is another (one page here shows its update)."""
    from scoring import same_date

    dated = [r for r in results if r.page.metadata.get("publishedTime")]
    wrong = [(r.page.name, r.article.published) for r in dated if not same_date(r.article.published, r.page.metadata["publishedTime"])]
    assert len(dated) >= 30
    assert len(wrong) <= 0.05 * len(dated), wrong


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


# --- the caption and credit leak measure (benchmarks/scoring.py), fair to every tool ------------------


def test_leak_measure_matches_class_words_not_substrings() -> None:
    from scoring import caption_and_credit_texts

    marks = caption_and_credit_texts(
        "<html><body><article><p>Body text of the story, long enough to be read.</p>"
        "<figure><img src=a.jpg><figcaption>The harbour at dawn, seen from the pier</figcaption></figure>"
        "<p class='wp-caption-text'>Boats waiting for the tide to turn</p>"
        "<span class='image__credit'>Photo by Ana Ruiz for Reuters</span>"
        "<div class='_title_1doy9 _titleNoCredit_1doy9'>Graphic design certificate at Noble Desktop</div>"
        "<div class='navFooterCopyright'>Conditions of use and privacy notice apply</div>"
        "</article></body></html>"
    )
    assert marks.captions == ("the harbour at dawn, seen from the pier", "boats waiting for the tide to turn")
    assert marks.credits == ("photo by ana ruiz for reuters",)


def test_leak_measure_skips_cards_and_captions_that_repeat_body_text() -> None:
    from scoring import caption_and_credit_texts

    marks = caption_and_credit_texts(
        "<html><body><article><p>There are various styles of wine, each with unique characteristics.</p>"
        "<figure><img src=w.jpg><figcaption>There are various styles of wine, each with unique characteristics."
        "</figcaption></figure>"
        "<div class='thumbnail'><img src=p.jpg><div class='caption'><h3>Optoma ZU820T laser projector</h3>"
        "<p>Price: $4,899.00, in stock</p><button>Add to cart</button></div></div>"
        "</article></body></html>"
    )
    assert marks.captions == ()
