"""prepare: an extracted :class:`Article` -> sentences with the text a good human reader would say.

- :func:`prepare_article` returns a copy where every block has ``sentences`` (ids ``b3.s1``..., the text
  as displayed, the speech text, and offsets into the block text);
- :func:`front_matter` makes the title, dek and byline into prepared blocks of their own, read first;
  :func:`readaloud.pipeline.prepare` puts the two together into a :class:`PreparedArticle`;
- :func:`format_speech` is what ``readaloud extract --speech`` prints, so a user can see why something
  was said the way it was;
- :class:`Lexicon` is the user's pronunciation file (docs/lexicon.md).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import FRONT_MATTER_IDS, TITLE_ID, Article, Block, BlockKind, PreparedArticle, Sentence
from .lexicon import Lexicon, LexiconError
from .normalize import speech_text
from .sentences import sentence_spans, split_sentences

__all__ = [
    "Lexicon",
    "LexiconError",
    "format_speech",
    "front_matter",
    "prepare_article",
    "prepare_block",
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
    for number, (start, end) in enumerate(sentence_spans(block.text, lang), start=1):
        text = block.text[start:end]
        speech = speech_text(text, lang, lexicon)
        speech = text if speech == text else speech  # one string, not two equal copies, when nothing changed
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


def front_matter(article: Article, lexicon: Lexicon | None = None) -> tuple[Block, ...]:
    """Title, dek and byline as prepared blocks of their own, so they are spoken and addressed like the body."""
    title, dek, byline = FRONT_MATTER_IDS
    texts = ((title, article.title), (dek, article.dek), (byline, article.byline))
    blocks = [
        Block(id=block_id, kind=BlockKind.HEADING if block_id == TITLE_ID else BlockKind.PARAGRAPH,
              text=text.strip(), lang=article.lang, level=1 if block_id == TITLE_ID else 0)
        for block_id, text in texts
        if text.strip()
    ]
    return tuple(prepare_block(block, article.lang, lexicon) for block in blocks)


# Typography the engine does not say either way; a difference only in these is not worth showing.
_TYPOGRAPHY_ONLY = str.maketrans({"“": None, "”": None, "„": None, '"': None, "«": None, "»": None,
                                  "’": "'", "‘": "'", "\u00a0": " "})


def _differs(text: str, speech: str) -> bool:
    """Quotes become commas (a short pause) in speech; a difference only in those is not worth showing."""
    shown = " ".join(text.translate(_TYPOGRAPHY_ONLY).split())
    return shown != speech and shown.replace(",", "") != speech.replace(",", "")


def format_speech(prepared: PreparedArticle) -> str:
    """Sentence by sentence: the id, the displayed text and, when it differs, what is said instead."""
    lines: list[str] = []
    for block in prepared.spoken:
        for sentence in block.sentences:
            lines.append(f"{sentence.id:<9} {sentence.text}")
            if _differs(sentence.text, sentence.speech):
                lines.append(f"{'':<9} -> {sentence.speech or '(nothing is said)'}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n" if lines else ""
