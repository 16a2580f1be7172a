"""pipeline.prepare / prepare_article / format_speech: ids, order, offsets, copies, real pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from readaloud.model import Article, Block, BlockKind
from readaloud.pipeline import extract_page, prepare
from readaloud.prepare import Lexicon, format_speech, prepare_article

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "readability-test-pages"


def _article() -> Article:
    return Article(
        title="The FBI and the 1990s",
        dek="A look back at 25 years.",
        byline="By Dr. Jane Smith",
        lang="en",
        blocks=[
            Block(id="b1", kind=BlockKind.HEADING, text="Part II: Dr. Smith's view", level=2),
            Block(id="b2", kind=BlockKind.PARAGRAPH, text="It cost $5 in 1999. Prices rose 5%. The U.S. agreed."),
            Block(id="b3", kind=BlockKind.CAPTION, text="Photo: Reuters/Getty Images", spoken=False),
            Block(id="b4", kind=BlockKind.QUOTE, text="Am 3. Oktober kamen 1.000 Menschen. Es war kalt.",
                  lang="de"),
            Block(id="b5", kind=BlockKind.LIST_ITEM, text="First item", level=1),
            Block(id="b6", kind=BlockKind.TABLE_CELL, text="42", row=1, column=2),
        ],
    )


def test_prepare_article_returns_a_copy_with_sentences_on_every_block() -> None:
    article = _article()
    prepared = prepare_article(article)
    assert prepared is not article
    assert all(not block.sentences for block in article.blocks)  # the input is untouched
    assert [len(block.sentences) for block in prepared.blocks] == [1, 3, 1, 2, 1, 1]
    assert [s.id for s in prepared.blocks[1].sentences] == ["b2.s1", "b2.s2", "b2.s3"]
    assert [s.speech for s in prepared.blocks[1].sentences] == [
        "It cost five dollars in nineteen ninety-nine.", "Prices rose five percent.", "The U.S agreed."]
    assert prepared.blocks[0].sentences[0].speech == "Part two: Doctor Smith's view"
    # a block's own language wins over the article's
    assert prepared.blocks[3].sentences[0].speech == "Am dritten Oktober kamen eintausend Menschen."
    assert prepared.blocks[5].sentences[0].speech == "forty-two"
    assert prepared.title == article.title and prepared.blocks[2].spoken is False


def test_prepared_articles_are_read_front_matter_first() -> None:
    blocks = prepare(_article()).spoken
    assert [b.id for b in blocks] == ["title", "dek", "byline", "b1", "b2", "b4", "b5", "b6"]
    title, dek, byline = blocks[:3]
    assert (title.kind, title.level, title.lang) == (BlockKind.HEADING, 1, "en")
    assert dek.kind == byline.kind == BlockKind.PARAGRAPH
    assert [s.id for s in title.sentences] == ["title.s1"]
    assert title.sentences[0].speech == "The F.B.I and the nineteen nineties"
    assert byline.sentences[0].speech == "By Doctor Jane Smith"
    assert dek.sentences[0].speech == "A look back at twenty-five years."
    assert all(block.sentences for block in blocks)


def test_missing_metadata_makes_no_front_matter() -> None:
    article = Article(lang="en", blocks=[Block(id="b1", kind=BlockKind.PARAGRAPH, text="Call me at 9 a.m.")])
    blocks = prepare(article).spoken
    assert [b.id for b in blocks] == ["b1"]
    assert blocks[0].sentences[0].speech == "Call me at nine A.M."


def test_the_lexicon_applies_to_front_matter_and_body_alike() -> None:
    lexicon = Lexicon.parse("Smith = Smythe\n")
    blocks = prepare(_article(), lexicon).spoken
    assert blocks[2].sentences[0].speech == "By Doctor Jane Smythe"
    assert blocks[3].sentences[0].speech == "Part two: Doctor Smythe's view"


def test_format_speech_shows_ids_text_and_spoken_text_only_when_different() -> None:
    output = format_speech(prepare(_article()))
    lines = output.splitlines()
    assert lines[0] == "title.s1  The FBI and the 1990s"
    assert lines[1] == "          -> The F.B.I and the nineteen nineties"
    assert "b5.s1     First item" in lines
    index = lines.index("b5.s1     First item")
    assert not lines[index + 1].strip().startswith("->")  # same text: no spoken line
    assert "b3.s1" not in output  # captions are not spoken
    assert "b4.s1     Am 3. Oktober kamen 1.000 Menschen." in lines


def test_format_speech_ignores_typography_only_differences() -> None:
    article = Article(lang="en", blocks=[Block(id="b1", kind=BlockKind.PARAGRAPH, text="He’d say “yes”.")])
    assert format_speech(prepare(article)) == "b1.s1     He’d say “yes”.\n"


def test_empty_article_formats_to_nothing() -> None:
    assert format_speech(prepare(Article())) == ""
    assert prepare(Article(title="  ")).spoken == []


def _corpus_pages() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir() if (p / "source.html").is_file())


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus ../shared/corpora not present")
def test_offsets_invariant_on_real_pages() -> None:
    """On every real page: text[start:end] is the sentence, trimmed, in order, and every id is unique."""
    from readaloud.errors import ReadaloudError

    checked = 0
    for page in _corpus_pages()[::4]:
        try:
            article = extract_page(page.joinpath("source.html").read_bytes())
        except ReadaloudError:
            continue
        prepared = prepare(article)
        ids = []
        for block in prepared.spoken + [b for b in prepared.article.blocks if not b.spoken]:
            previous_end = 0
            for sentence in block.sentences:
                assert block.text[sentence.start:sentence.end] == sentence.text, (page.name, sentence.id)
                assert sentence.text == sentence.text.strip() and sentence.text
                assert sentence.start >= previous_end
                previous_end = sentence.end
                ids.append(sentence.id)
            covered = "".join(s.text for s in block.sentences)
            assert "".join(covered.split()) == "".join(block.text.split()), (page.name, block.id)
        assert len(ids) == len(set(ids))
        checked += 1
    assert checked >= 20


def test_ordered_list_items_are_read_with_their_numbers_in_the_speech_only() -> None:
    steps = [Block(id=f"b{n}", kind=BlockKind.LIST_ITEM, text=text, ordered=True, group="l1", level=1)
             for n, text in enumerate(["Preheat the oven. Grease a tin.", "Stir in 2 eggs.", "3. Bake it."], 1)]
    bullets = [Block(id="b9", kind=BlockKind.LIST_ITEM, text="Salt", group="l2", level=1)]
    german = Block(id="b10", kind=BlockKind.LIST_ITEM, text="Ofen vorheizen.", ordered=True, group="l3", lang="de")
    prepared = prepare_article(Article(title="", lang="en", blocks=steps + bullets + [german]))
    first, second, third, salt, ofen = prepared.blocks
    assert [s.speech for s in first.sentences] == ["one. Preheat the oven.", "Grease a tin."]
    assert first.sentences[0].text == "Preheat the oven." and first.sentences[0].start == 0
    assert second.sentences[0].speech == "two. Stir in two eggs."
    assert third.sentences[0].speech.startswith("three") and "three. three" not in third.sentences[0].speech
    assert salt.sentences[0].speech == "Salt"  # an unordered list has no numbers
    assert ofen.sentences[0].speech == "eins. Ofen vorheizen."
    assert [b.sentences[0].speech for b in prepare(Article(title="", lang="en", blocks=steps)).spoken][:2] == [
        "one. Preheat the oven.", "two. Stir in two eggs."]
