"""Languages: the page's declaration first, detection otherwise; foreign blocks only when clearly foreign."""

from __future__ import annotations

import subprocess
import sys

import pytest

from readaloud.extract.language import LanguageDetector, assign_languages
from readaloud.langtags import normalise_tag
from readaloud.model import Article, Block, BlockKind

ENGLISH = [
    "The council met on Tuesday evening to discuss the new budget for the city's libraries.",
    "Members agreed that the opening hours should be extended during the summer holidays.",
    "A final decision is expected next month, after the finance office has published its figures.",
]
FRENCH_QUOTE = (
    "Une librairie, ce n’est pas un magasin comme les autres. Les gens viennent ici pour parler, "
    "pour se disputer, pour tomber amoureux d’un livre qu’ils ne cherchaient pas."
)
GERMAN = [
    "Die Zentralbibliothek am Marktplatz wird vom 3. März an auch sonntags geöffnet sein.",
    "Das hat der Kulturausschuss des Stadtrats am Donnerstagabend einstimmig beschlossen.",
    "Möglich wird das durch ein Selbstbedienungssystem, das die Bibliothek bereits seit dem Herbst testet.",
]
# Short English lines langdetect gets wrong with p > 0.999 (seen in the Readability test pages).
TRICKY_ENGLISH = [
    "Izuku blinked for a moment. “You’ll let me?”",
    "That’s $4k per ad, no? So more like $12–16k per episode.",
    "“I feel like we need more details,” said Alden.",
    "^ McKenzie, D. W. (1987). Heinemann New Zealand atlas. Heinemann Publishers. ISBN 0-7900-0187-X.",
]


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


def article_of(texts: list[str], lang: str = "", kind: BlockKind = BlockKind.PARAGRAPH) -> Article:
    blocks = [Block(id=f"b{n}", kind=kind, text=text) for n, text in enumerate(texts, start=1)]
    return Article(title="A title", lang=lang, blocks=blocks)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", "en"),
        ("EN-us", "en-us"),
        ("en_GB", "en-gb"),
        ("pt-BR", "pt-br"),
        ("zh-Hant-TW", "zh-tw"),
        ("sr-Latn", "sr"),
        ("de-DE-1996", "de-de"),
        ("es-419", "es-419"),
        ("und", ""),
        ("english", ""),
        ("{{lang}}", ""),
        ("", ""),
    ],
)
def test_normalise_tag(tag: str, expected: str) -> None:
    assert normalise_tag(tag) == expected


def test_page_language_is_kept_and_normalised(detector) -> None:
    article = assign_languages(article_of(ENGLISH, lang="en-GB"), detector)
    assert article.lang == "en-gb"
    assert {block.lang for block in article.blocks} == {"en-gb"}


def test_language_is_detected_when_the_page_gives_none(detector) -> None:
    assert assign_languages(article_of(GERMAN), detector).lang == "de"
    assert assign_languages(article_of(ENGLISH), detector).lang == "en"


def test_a_foreign_quotation_gets_its_own_language(detector) -> None:
    article = article_of(ENGLISH[:2] + [FRENCH_QUOTE] + ENGLISH[2:], lang="en")
    article.blocks[2].kind = BlockKind.QUOTE
    assign_languages(article, detector)
    assert [block.lang for block in article.blocks] == ["en", "en", "fr", "en"]


def test_short_or_misleading_english_lines_stay_english(detector) -> None:
    article = assign_languages(article_of(ENGLISH + TRICKY_ENGLISH, lang="en"), detector)
    assert {block.lang for block in article.blocks} == {"en"}


def test_explicit_block_language_from_the_page_is_kept(detector) -> None:
    article = article_of(ENGLISH, lang="en")
    article.blocks[0].lang = "la"  # <p lang="la">: the page knows best
    assign_languages(article, detector)
    assert [block.lang for block in article.blocks] == ["la", "en", "en"]


def test_a_change_of_script_is_recognised(detector) -> None:
    russian = "Президент заявил в пятницу, что встреча прошла в конструктивной и деловой атмосфере."
    article = assign_languages(article_of(ENGLISH + [russian], lang="en"), detector)
    assert article.blocks[-1].lang == "ru"


def test_unspoken_and_short_blocks_follow_the_article() -> None:
    article = article_of(["Photo: Reuters"], lang="de")
    article.blocks[0].kind, article.blocks[0].spoken = BlockKind.CREDIT, False
    assert assign_languages(article).blocks[0].lang == "de"


def test_detection_is_stable_across_processes() -> None:
    """langdetect is random unless seeded: two fresh processes must agree on a borderline text."""
    code = (
        "from readaloud.extract.language import LanguageDetector\n"
        "d = LanguageDetector()\n"
        "print(d.detect('Veni, vidi, vici. Alea iacta est.').lang, d.detect('ok so').lang)\n"
    )
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout for _ in range(3)}
    assert len(runs) == 1


GERMAN_STORY = GERMAN + [
    "Die Stadt rechnet mit zusätzlichen Kosten von rund 40.000 Euro im Jahr, die der Förderverein übernimmt.",
    "Ob das Angebot bleibt, soll nach einem Jahr anhand der Besucherzahlen entschieden werden.",
]


def test_a_body_in_another_language_than_declared_wins_and_is_explained(detector) -> None:
    """A template's lang="en" over a German story: the story's language is the article's, so the title
    and headings are read in German too, and the removal record says why."""
    article = article_of(GERMAN_STORY, lang="en")
    article.blocks.insert(0, Block(id="b0", kind=BlockKind.HEADING, text="Bibliothek öffnet sonntags", level=2))
    assign_languages(article, detector)
    assert article.lang == "de"
    assert {block.lang for block in article.blocks} == {"de"}
    notes = [r for r in article.removed if r.reason == "declared language"]
    assert len(notes) == 1 and 'lang="en"' in notes[0].text and '"de"' in notes[0].text
    from readaloud.extract.rules import REMOVAL_REASONS

    assert notes[0].reason in REMOVAL_REASONS  # one vocabulary for --explain


def test_a_foreign_minority_does_not_overrule_the_declaration(detector) -> None:
    article = article_of(ENGLISH + ENGLISH + [FRENCH_QUOTE], lang="en")
    assign_languages(article, detector)
    assert article.lang == "en"
    assert not article.removed


def test_a_page_declared_english_with_a_german_story_is_read_in_german_and_explained(tmp_path) -> None:
    """The whole path, from a real page file to `readaloud extract --explain` (issue 8): the title and the
    headings follow the story's language, not the template's lang="en", and the explanation says so."""
    from readaloud.extract import extract_article

    story = "".join(f"<p>{text}</p>" for text in GERMAN_STORY[:3]) + "<h2>Kosten für die Stadt</h2>" + "".join(
        f"<p>{text}</p>" for text in GERMAN_STORY[3:]
    )
    source = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bibliothek öffnet sonntags</title></head>'
        f"<body><main><article><h1>Bibliothek öffnet sonntags</h1>{story}</article></main></body></html>"
    )
    article = extract_article(source)
    assert article.lang == "de"
    headings = [block for block in article.blocks if block.kind == BlockKind.HEADING]
    assert headings and all(block.lang == "de" for block in headings)
    page_file = tmp_path / "seite.html"
    page_file.write_text(source, encoding="utf-8")
    explained = subprocess.run(
        [sys.executable, "-m", "readaloud", "extract", "--explain", str(page_file)],
        capture_output=True, text=True, check=True,
    ).stdout
    assert "declared language" in explained and 'lang="en"' in explained
