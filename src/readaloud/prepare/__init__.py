"""prepare: an extracted :class:`Article` -> sentences with the text a good human reader would say.

- :func:`prepare_article` returns a copy where every block has ``sentences`` (ids ``b3.s1``..., the text
  as displayed, the speech text, and offsets into the block text);
- :func:`speech_blocks` lists the blocks in the order they are spoken (title, dek, byline, body);
- :func:`format_speech` is what ``readaloud extract --speech`` prints, so a user can see why something
  was said the way it was;
- :class:`Lexicon` is the user's pronunciation file (docs/lexicon.md).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Article, Block, BlockKind, Sentence
from .lexicon import Lexicon, LexiconError
from .normalize import speech_text
from .sentences import split_sentences

__all__ = [
    "Lexicon",
    "LexiconError",
    "format_speech",
    "prepare_article",
    "prepare_block",
    "speech_blocks",
    "speech_text",
    "split_sentences",
]


def block_language(block: Block, article_lang: str) -> str:
    """A block's own language tag wins over the article's (quotes in another language)."""
    return block.lang or article_lang or "en"


def prepare_block(block: Block, article_lang: str = "", lexicon: Lexicon | None = None,
                  list_number: int = 0) -> Block:
    """A copy of ``block`` with its sentences: ids, displayed text, speech text, offsets.

    ``list_number`` (an ordered list item's position) is said before the first sentence ("two. Stir"),
    as a reader does; the displayed text and offsets stay as they are.
    """
    lang = block_language(block, article_lang)
    sentences = []
    for number, (start, end) in enumerate(split_sentences(block.text, lang), start=1):
        text = block.text[start:end]
        speech = speech_text(text, lang, lexicon)
        if number == 1 and list_number and not _STARTS_NUMBERED.match(text):
            speech = f"{speech_text(str(list_number), lang)}. {speech}"
        sentences.append(Sentence(id=f"{block.id}.s{number}", text=text, speech=speech, start=start, end=end))
    return replace(block, sentences=sentences)


# An item that already carries its number ("1. Preheat", "2) Stir") is not numbered twice.
_STARTS_NUMBERED = re.compile(r"\s*(?:\d+|[a-zA-Z])[.)]\s")


def list_numbers(blocks: list[Block]) -> dict[str, int]:
    """Block id -> position of each ordered list item within its list (1, 2, 3...)."""
    counts: dict[str, int] = {}
    numbers: dict[str, int] = {}
    for block in blocks:
        if block.kind == BlockKind.LIST_ITEM and block.ordered:
            counts[block.group] = counts.get(block.group, 0) + 1
            numbers[block.id] = counts[block.group]
    return numbers


def prepare_article(article: Article, lexicon: Lexicon | None = None) -> Article:
    """A copy of ``article`` in which every block (spoken or not) has its sentences."""
    positions = list_numbers(article.blocks)
    blocks = [prepare_block(block, article.lang, lexicon, positions.get(block.id, 0)) for block in article.blocks]
    return replace(article, blocks=blocks, removed=list(article.removed))


def _metadata_blocks(article: Article) -> list[Block]:
    """Title, dek and byline as blocks of their own, so they are spoken and addressed like the body."""
    blocks = []
    if article.title.strip():
        blocks.append(Block(id="title", kind=BlockKind.HEADING, text=article.title.strip(), lang=article.lang,
                            level=1))
    if article.dek.strip():
        blocks.append(Block(id="dek", kind=BlockKind.PARAGRAPH, text=article.dek.strip(), lang=article.lang))
    if article.byline.strip():
        blocks.append(Block(id="byline", kind=BlockKind.PARAGRAPH, text=article.byline.strip(),
                            lang=article.lang))
    return blocks


def speech_blocks(article: Article, lexicon: Lexicon | None = None) -> list[Block]:
    """The blocks in the order they are read: title, dek, byline (when present), then the spoken body.

    Blocks already prepared keep their sentences; the others are prepared here (with ``lexicon``).
    """
    spoken = _metadata_blocks(article) + [block for block in article.blocks if block.spoken]
    positions = list_numbers(article.blocks)
    return [block if block.sentences else prepare_block(block, article.lang, lexicon, positions.get(block.id, 0))
            for block in spoken]


# Typography the engine does not say either way; a difference only in these is not worth showing.
_TYPOGRAPHY_ONLY = str.maketrans({"“": None, "”": None, "„": None, '"': None, "«": None, "»": None,
                                  "’": "'", "‘": "'", "\u00a0": " "})


def _differs(text: str, speech: str) -> bool:
    """Quotes become commas (a short pause) in speech; a difference only in those is not worth showing."""
    shown = " ".join(text.translate(_TYPOGRAPHY_ONLY).split())
    return shown != speech and shown.replace(",", "") != speech.replace(",", "")


def format_speech(article: Article, lexicon: Lexicon | None = None) -> str:
    """Sentence by sentence: the id, the displayed text and, when it differs, what is said instead."""
    lines: list[str] = []
    for block in speech_blocks(article, lexicon):
        for sentence in block.sentences:
            lines.append(f"{sentence.id:<9} {sentence.text}")
            if _differs(sentence.text, sentence.speech):
                lines.append(f"{'':<9} -> {sentence.speech or '(nothing is said)'}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n" if lines else ""
