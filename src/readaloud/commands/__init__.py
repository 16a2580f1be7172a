"""One module per CLI sub-command: ``build_parser()`` and ``run(args) -> int``.

Also the one check every command (and the batch job) makes on an extracted article before doing
anything with it: that its body says something at all; and ``--lang``, which reads the article as
another language than the page says (speech text and voice alike).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import NoArticleError
from ..extract.language import normalise_tag, primary

if TYPE_CHECKING:
    from ..model import Article

SAYS_NOTHING = "the page's text says nothing: it holds only symbols or invisible characters, no words or numbers."


def says_something(text: str) -> bool:
    """A letter or a digit in any script: a row of dashes or zero-width spaces has neither."""
    return any(char.isalnum() for char in text)


def require_words(article: Article) -> Article:
    """The article, or :class:`NoArticleError` (exit 8) when no spoken block holds a word or number.

    Without it ``readaloud extract`` printed a row of dashes with exit 0, and a batch row or an audio
    file was made of silence.
    """
    if not any(says_something(block.text) for block in article.spoken_blocks):
        raise NoArticleError(SAYS_NOTHING)
    return article


def read_as(article: Article, lang: str | None) -> Article:
    """The article as if the page said ``lang``: its blocks in the page's language follow (a quotation
    in a third language keeps its own), so numbers, dates and abbreviations are said in ``lang`` too,
    not only voiced in it."""
    tag = normalise_tag(lang or "")
    if not tag:
        return article
    page = primary(article.lang)
    blocks = [
        replace(block, lang=tag) if not block.lang or primary(block.lang) == page else block
        for block in article.blocks
    ]
    return replace(article, lang=tag, blocks=blocks)
