"""The text of a talking book as XHTML: every block an element with its id, every sentence a span.

Shared by the EPUB 3 content document and the DAISY 2.02 ``content.html`` (both XHTML, same
namespace): headings at their outline level, paragraphs, quotes, code, captions and credits as
classed paragraphs, list items gathered into ``ul``/``ol`` and table cells into a ``table`` so
reading systems announce the structure. Sentence spans (``<span id="b3.s1">``) are what the
SMIL files point at; a block in another language than the article carries ``lang``/``xml:lang``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ..model import Block, BlockKind
from .narrated import NarratedArticle, xml_text

XHTML_NS = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Block kind -> (element, class). Headings, list items and table cells are built separately.
SIMPLE_ELEMENTS: dict[BlockKind, tuple[str, str]] = {
    BlockKind.PARAGRAPH: ("p", ""),
    BlockKind.QUOTE: ("blockquote", ""),
    BlockKind.PREFORMATTED: ("pre", ""),
    BlockKind.CAPTION: ("p", "caption"),
    BlockKind.CREDIT: ("p", "credit"),
}
# The front blocks prepare adds, shown as the article's own title page.
FRONT_CLASSES = {"dek": "dek", "byline": "byline"}


def x(tag: str) -> str:
    return f"{{{XHTML_NS}}}{tag}"


def set_lang(element: etree._Element, lang: str) -> None:
    """Both attributes: XHTML 1.0 (DAISY) wants them together, EPUB 3 allows both if they agree."""
    element.set("lang", lang)
    element.set(XML_LANG, lang)


def body_elements(book: NarratedArticle) -> list[etree._Element]:
    """The article's blocks in reading order as XHTML elements."""
    return list(_elements(book.blocks, book))


def _elements(blocks: list[Block], book: NarratedArticle) -> Iterator[etree._Element]:
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind in (BlockKind.LIST_ITEM, BlockKind.TABLE_CELL):
            run = _run_of_group(blocks, index)
            yield _list(run, book) if block.kind == BlockKind.LIST_ITEM else _table(run, book)
            index += len(run)
        else:
            yield _block_element(block, book)
            index += 1


def _run_of_group(blocks: list[Block], start: int) -> list[Block]:
    """Consecutive blocks of the same kind and group (one list or one table)."""
    first = blocks[start]
    end = start + 1
    while end < len(blocks) and blocks[end].kind == first.kind and blocks[end].group == first.group:
        end += 1
    return blocks[start:end]


def _block_element(block: Block, book: NarratedArticle) -> etree._Element:
    if block.kind == BlockKind.HEADING:
        element = etree.Element(x(f"h{book.levels.get(block.id, 2)}"))
    else:
        tag, css_class = SIMPLE_ELEMENTS.get(block.kind, ("p", ""))
        css_class = FRONT_CLASSES.get(block.id, css_class)
        element = etree.Element(x(tag))
        if css_class:
            element.set("class", css_class)
    target = etree.SubElement(element, x("p")) if block.kind == BlockKind.QUOTE else element
    _fill(element, target, block, book)
    return element


def _list(items: list[Block], book: NarratedArticle) -> etree._Element:
    element = etree.Element(x("ol" if items[0].ordered else "ul"))
    for item in items:
        li = etree.SubElement(element, x("li"))
        _fill(li, li, item, book)
    return element


def _table(cells: list[Block], book: NarratedArticle) -> etree._Element:
    table = etree.Element(x("table"))
    rows: dict[int, etree._Element] = {}
    for cell in sorted(cells, key=lambda c: (c.row, c.column)):
        if cell.row not in rows:
            rows[cell.row] = etree.SubElement(table, x("tr"))
        td = etree.SubElement(rows[cell.row], x("td"))
        _fill(td, td, cell, book)
    return table


def _fill(element: etree._Element, target: etree._Element, block: Block, book: NarratedArticle) -> None:
    """Give ``element`` the block's id (and language) and put the text, sentence by sentence, in ``target``."""
    element.set("id", block.id)
    if block.lang and block.lang != book.article.lang:
        set_lang(element, block.lang)
    pieces = list(sentence_pieces(block))
    target.text = ""
    last: etree._Element | None = None
    for sentence_id, text in pieces:
        if sentence_id:
            last = etree.SubElement(target, x("span"), id=sentence_id)
            last.text = xml_text(text)
        elif last is None:
            target.text += xml_text(text)
        else:
            last.tail = (last.tail or "") + xml_text(text)


def sentence_pieces(block: Block) -> Iterator[tuple[str, str]]:
    """The block text cut into (sentence id, text) pieces, ``""`` for the text between sentences."""
    cursor = 0
    for sentence in sorted(block.sentences, key=lambda s: s.start):
        start, end = max(sentence.start, cursor), max(sentence.end, cursor)
        if start > cursor:
            yield "", block.text[cursor:start]
        text = block.text[start:end] or sentence.text  # offsets missing: show the sentence's own text
        yield sentence.id, text
        cursor = end
    if cursor < len(block.text):
        yield "", block.text[cursor:]
