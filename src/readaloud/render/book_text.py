"""The text of a talking book as XHTML: every block an element with its id, every sentence a span.

Shared by the EPUB 3 content document and the DAISY 2.02 ``content.html`` (both XHTML, same
namespace): headings at their outline level, paragraphs, quotes, code, captions and credits as
classed paragraphs, lists as ``ul``/``ol`` (a nested list inside its item's ``li``) and tables as
``table`` so reading systems announce the structure; which blocks form them is render/layout.py's
decision, the same as the player's. Sentence spans (``<span id="b3.s1">``) are what the
SMIL files point at; a block in another language than the article carries ``lang``/``xml:lang``.
"""

from __future__ import annotations

from lxml import etree

from ..model import Block, BlockKind
from .layout import ListNode, Part, Table, layout, sentence_pieces
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
    return [_part_element(part, book) for part in layout(book.blocks)]


def _part_element(part: Part, book: NarratedArticle) -> etree._Element:
    if isinstance(part, ListNode):
        return _list(part, book)
    if isinstance(part, Table):
        return _table(part, book)
    return _block_element(part.block, book)


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


def _list(found: ListNode, book: NarratedArticle) -> etree._Element:
    """``ul``/``ol``; a nested list goes inside its item's ``li``, after the item's own text."""
    element = etree.Element(x("ol" if found.ordered else "ul"))
    for entry in found.entries:
        li = etree.SubElement(element, x("li"))
        _fill(li, li, entry.block, book)
        li.extend(_list(nested, book) for nested in entry.lists)
    return element


def _table(found: Table, book: NarratedArticle) -> etree._Element:
    table = etree.Element(x("table"))
    for row in found.rows:
        tr = etree.SubElement(table, x("tr"))
        for cell in row.cells:
            td = etree.SubElement(tr, x("td"))
            _fill(td, td, cell, book)
    return table


def _fill(element: etree._Element, target: etree._Element, block: Block, book: NarratedArticle) -> None:
    """Give ``element`` the block's id (and language) and put the text, sentence by sentence, in ``target``."""
    element.set("id", block.id)
    if block.lang and block.lang != book.article.lang:
        set_lang(element, block.lang)
    target.text = ""
    last: etree._Element | None = None
    for piece in sentence_pieces(block):
        if piece.sentence_id:
            last = etree.SubElement(target, x("span"), id=piece.sentence_id)
            last.text = xml_text(piece.text)
        elif last is None:
            target.text += xml_text(piece.text)
        else:
            last.tail = (last.tail or "") + xml_text(piece.text)
