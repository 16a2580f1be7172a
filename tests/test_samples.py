"""The bundled samples extract to exactly the article: the seed's title, dek and body, nothing else."""

from __future__ import annotations

import pytest

import readaloud
from readaloud.extract.textrules import classify_line
from readaloud.model import Article, BlockKind

SEED_NAME = "seeds/000_764154b8051d886a.txt"


def seed_parts(text: str) -> tuple[str, str, str, list[str]]:
    """The seed's own layout, read independently of the extractor: blank-line separated parts are
    chrome, title, dek, credit, then the body paragraphs."""
    parts = text.split("\n\n")
    return parts[1], parts[2], parts[3], parts[4:]


@pytest.fixture(scope="module")
def seed_text(samples_dir) -> str:
    return (samples_dir / "slate-trump-russia.txt").read_text(encoding="utf-8")


def test_text_sample_is_the_shared_seed(samples_dir, shared_dir) -> None:
    assert (samples_dir / "slate-trump-russia.txt").read_bytes() == (shared_dir / SEED_NAME).read_bytes()


@pytest.mark.parametrize("sample", ["slate-trump-russia.html", "slate-trump-russia.txt"])
def test_both_forms_extract_to_exactly_the_article(samples_dir, seed_text: str, sample: str) -> None:
    title, dek, credit, body = seed_parts(seed_text)
    assert len(body) == 14
    article = readaloud.extract_page((samples_dir / sample).read_bytes())
    assert article.title == title
    assert article.dek == dek
    assert [block.text for block in article.spoken_blocks] == body
    assert all(block.kind == BlockKind.PARAGRAPH for block in article.spoken_blocks)
    assert article.lang == "en"


@pytest.mark.parametrize("sample", ["slate-trump-russia.html", "slate-trump-russia.txt"])
def test_credit_is_kept_but_not_spoken_and_no_chrome_survives(samples_dir, seed_text: str, sample: str) -> None:
    _, _, credit, _ = seed_parts(seed_text)
    article = readaloud.extract_page((samples_dir / sample).read_bytes())
    credits = [block for block in article.blocks if block.text == credit]
    assert credits and not any(block.spoken for block in credits)
    assert [block.text for block in article.blocks if classify_line(block.text) not in (None, "photo credit")] == []
    assert {"skip link", "outdated-browser notice"} <= {removal.reason for removal in article.removed}


def test_html_sample_metadata(samples_dir) -> None:
    article = readaloud.extract_page((samples_dir / "slate-trump-russia.html").read_bytes())
    assert article.byline == "Jordan Ellis"
    assert article.published.startswith("2017-07-06")
    assert article.site == "Slate"
    reasons = {removal.reason for removal in article.removed}
    assert {"share bar", "newsletter box", "related links", "footer"} <= reasons


def test_german_sample(samples_dir) -> None:
    article: Article = readaloud.extract_page((samples_dir / "de-stadtbibliothek.html").read_bytes())
    assert article.lang == "de"
    assert article.title == "Stadtbibliothek öffnet künftig auch sonntags"
    headings = [block.text for block in article.blocks if block.kind == BlockKind.HEADING]
    assert headings == ["Kritik von der Gewerkschaft"]
    paragraphs = [block for block in article.blocks if block.kind == BlockKind.PARAGRAPH]
    assert len(paragraphs) == 6
    assert {block.lang for block in article.blocks} == {"de"}
    assert not [block.text for block in article.blocks if classify_line(block.text)]


def test_french_quotation_is_french(samples_dir) -> None:
    article = readaloud.extract_page((samples_dir / "multilingual-quote.html").read_bytes())
    assert article.lang == "en"
    quotes = [block for block in article.blocks if block.kind == BlockKind.QUOTE]
    assert len(quotes) == 1 and quotes[0].text.startswith("Une librairie")
    assert quotes[0].lang == "fr"
    assert [block.lang for block in article.blocks if block.kind == BlockKind.PARAGRAPH] == ["en"] * 5
