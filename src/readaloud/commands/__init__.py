"""One module per CLI sub-command: ``build_parser()`` and ``run(args) -> int``.

Also the one check every command (and the batch job) makes on an extracted article before doing
anything with it: that its body says something at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import NoArticleError

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
