"""extract: a decoded page (HTML or a plain-text rendering of one) -> :class:`Article`.

HTML goes through :mod:`.html` (main-content detection, metadata, chrome removal, blocks); plain text
through :mod:`.plaintext` (chrome lines dropped by the same rule vocabulary). Both end in
:func:`.language.assign_languages`, so every block knows what language it is in.
"""

from __future__ import annotations

from ..errors import NoArticleError
from ..load import DEFAULT_MAX_BYTES, decode
from ..model import Article


def extract_article(source: str | bytes, url: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    from .html import html_to_article
    from .language import assign_languages
    from .plaintext import text_to_article

    document = decode(source, max_bytes=max_bytes)
    if document.is_html:
        article = html_to_article(document.text, url=url)
    else:
        article = text_to_article(document.text)
    if url and not article.url:
        article.url = url
    if not any(block.spoken for block in article.blocks):
        raise NoArticleError("no article text was found in this page (is it a home page, a login wall or a list of links?)")
    assign_languages(article)
    return article
