"""The one place the stages are put together: every command, the player and the batch call these.

1. **load** (:mod:`readaloud.load`): a file, an http(s) URL or ``-`` (stdin) -> bytes and the final URL.
   The player and the batch bring bytes of their own (an upload, a paste, a fetch with their limits)
   and start at step 2.
2. **extract** (:mod:`readaloud.extract`): bytes -> :class:`~readaloud.model.Article`, or
   :class:`~readaloud.errors.NoArticleError` when the page holds no article or says nothing.
3. **read as**: a ``--lang`` override retags the page's blocks, so numbers and dates are said in that
   language, not only voiced in it.
4. **prepare** (:mod:`readaloud.prepare`): Article -> :class:`~readaloud.model.PreparedArticle`,
   sentences and speech text for the front matter and every block, with the listener's lexicon.
5. **speak and render** (:mod:`readaloud.speak`, :mod:`readaloud.render`, :mod:`readaloud.web`): a
   Narrator and one writer per output read the PreparedArticle; none of them prepares anything again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .langtags import normalise_tag, primary
from .load import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, read_source
from .model import Article, PreparedArticle

if TYPE_CHECKING:
    from .prepare import Lexicon


def read(source: str, *, lang: str | None = None, url: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
         fetch_timeout: float = DEFAULT_TIMEOUT) -> Article:
    """Steps 1-3 for a file name, URL or ``-``; ``url`` names a saved file's address (relative links)."""
    data, fetched_url = read_source(source, max_bytes=max_bytes, timeout=fetch_timeout)
    return extract_page(data, url=url or fetched_url, lang=lang, max_bytes=max_bytes)


def extract_page(data: str | bytes, *, url: str | None = None, lang: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Steps 2-3: a page's bytes (or text) -> the article, read as ``lang`` when one is given."""
    from .extract import extract_article

    return read_as(extract_article(data, url=url, max_bytes=max_bytes), lang)


def read_as(article: Article, lang: str | None) -> Article:
    """Step 3: the article as if the page said ``lang``. Its blocks in the page's language follow (a
    quotation in a third language keeps its own)."""
    tag = normalise_tag(lang or "")
    if not tag:
        return article
    page = primary(article.lang)
    blocks = [
        replace(block, lang=tag) if not block.lang or primary(block.lang) == page else block
        for block in article.blocks
    ]
    return replace(article, lang=tag, blocks=blocks)


def prepare(article: Article, lexicon: Lexicon | None = None) -> PreparedArticle:
    """Step 4: sentences and speech text for the front matter and every block, once."""
    from .prepare import front_matter, prepare_article

    return PreparedArticle(article=prepare_article(article, lexicon), front=front_matter(article, lexicon))
