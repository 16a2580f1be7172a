"""extract: a decoded page (HTML or a plain-text rendering of one) -> :class:`Article`.

HTML goes through :mod:`.html` (main-content detection, metadata, chrome removal, blocks); plain text
through :mod:`.plaintext` (chrome lines dropped by the same rule vocabulary). Both end in
:func:`.language.assign_languages`, so every block knows what language it is in.
"""

from __future__ import annotations

from ..errors import NoArticleError
from ..load import DEFAULT_MAX_BYTES, decode
from ..model import Article, BlockKind
from .textrules import reads_as_prose, word_count

NO_ARTICLE = "no article text was found in this page (is it a home page, a login wall or a list of links?)"
SAYS_NOTHING = "the page's text says nothing: it holds only symbols or invisible characters, no words or numbers."
# An HTML page is an article if one spoken block reads as prose (a sentence, or 14+ words), or if its
# paragraphs hold this many words without one (verse without punctuation). A home page (headline
# links in lists), a login wall ("Email address Password") or a test stub ("Test Case 1") has neither.
MIN_UNPUNCTUATED_PARAGRAPH_WORDS = 50
# A listing, product or category page reads as short items (names, prices, headline links) with no
# sentence among them; this many words in all its spoken blocks together is a page with something to
# read. A home page's handful of section links (tests/test_bad_input.py) stays well under it.
MIN_LISTING_WORDS = 80
PARAGRAPH_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.PREFORMATTED})


def extract_article(source: str | bytes, url: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    from .language import assign_languages

    document = decode(source, max_bytes=max_bytes)
    if document.is_html:
        from .html import html_to_article  # lazy: 35-57 ms, plain text does not need it

        article = html_to_article(document.text, url=url)
    else:
        from .plaintext import text_to_article  # lazy: 6-16 ms, HTML does not need it

        article = text_to_article(document.text)
    if url and not article.url:
        article.url = url
    if not article.spoken_blocks or (document.is_html and not reads_as_article(article)):
        raise NoArticleError(NO_ARTICLE)
    if not any(says_something(block.text) for block in article.spoken_blocks):
        # Without this, a row of dashes was printed with exit 0, and a batch row or an audio file
        # was made of silence.
        raise NoArticleError(SAYS_NOTHING)
    assign_languages(article)
    return article


def says_something(text: str) -> bool:
    """A letter or a digit in any script: a row of dashes or zero-width spaces has neither."""
    return any(char.isalnum() for char in text)


def reads_as_article(article: Article) -> bool:
    """Prose, or a listing's worth of items: see MIN_UNPUNCTUATED_PARAGRAPH_WORDS and MIN_LISTING_WORDS.

    Plain text is exempt: whoever hands readaloud a short note wants it read.
    """
    blocks = article.spoken_blocks
    if any(reads_as_prose(block.text) for block in blocks):
        return True
    paragraph_words = sum(word_count(block.text) for block in blocks if block.kind in PARAGRAPH_KINDS)
    if paragraph_words >= MIN_UNPUNCTUATED_PARAGRAPH_WORDS:
        return True
    return sum(word_count(block.text) for block in blocks) >= MIN_LISTING_WORDS
