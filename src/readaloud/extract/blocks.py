"""The article element -> ordered :class:`Block`s, the only form later stages ever see.

Block-level elements become blocks of the matching kind: headings (with levels), paragraphs, list
items (nesting level, ordered or not, a group per list), block quotes, preformatted text, cells of data
tables (row, column, a group per table) and captions/credits (kept for display, ``spoken=False``).
Inline content is joined the way a browser lays it out: source whitespace collapses to one space,
``<br>`` is a line break, and block boundaries inside a block (two paragraphs in one list item) are line
breaks too. Loose text between blocks becomes a paragraph of its own. Short lines that
:mod:`.textrules` names as chrome ("Advertisement", "Share this story") are dropped and recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import count

from ..model import Block, BlockKind, Removal
from .content import is_data_table
from .dom import HtmlElement, class_and_id, css_path, is_element, remove_keeping_tail
from .rules import CAPTION_CLASSES, CREDIT_CLASSES, PHRASING_ELEMS, TRANSPARENT_PHRASING
from .textrules import classify_line, is_credit

# Inline elements: their text joins the surrounding text. Readability's phrasing set plus the inline
# elements it leaves out on purpose there (they are removed elsewhere) and old presentational tags.
INLINE_TAGS = PHRASING_ELEMS | TRANSPARENT_PHRASING | frozenset(
    {"font", "u", "s", "strike", "big", "tt", "acronym", "bdi", "nobr", "svg", "canvas", "video", "iframe",
     "picture", "source", "track", "map", "area", "rp", "rt", "rb"}
)
HEADING_LEVELS = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}  # h1 in the body is a section
PARAGRAPH_TAGS = frozenset({"p", "address", "dt", "dd", "summary", "legend"})
LIST_TAGS = frozenset({"ul", "ol", "menu"})
CAPTION_TAGS = frozenset({"figcaption", "caption"})
SKIPPED_TAGS = frozenset({"img", "hr", "br", "head", "title", "meta", "link", "template", "wbr", "col",
                          "colgroup", "area", "source", "track"})
# A caption-classed element longer than this is a content block that happens to carry the class.
CAPTION_MAX_CHARS = 400
_SPACES = re.compile(r"\s+")
_LINE_BREAKS = re.compile(r" *\n[ \n]*")
_BLOCK_MARK = "\n"


@dataclass
class BlockBuilder:
    """Walks one article element; collects blocks and the chrome lines it drops."""

    blocks: list[Block] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    _lists: count = field(default_factory=lambda: count(1))
    _tables: count = field(default_factory=lambda: count(1))

    # --- emitting ----------------------------------------------------------------------------------

    def add(self, kind: BlockKind, text: str, source: HtmlElement | None = None, **fields) -> None:
        text = text.strip()
        if not text:
            return
        if kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.HEADING):
            reason = classify_line(text)
            if reason is not None and reason != "photo credit":
                self.removed.append(Removal(reason, text[:200], css_path(source) if source is not None else ""))
                return
            if reason == "photo credit" or is_credit(text):
                kind, fields = BlockKind.CREDIT, {}
        spoken = kind not in (BlockKind.CAPTION, BlockKind.CREDIT)
        self.blocks.append(Block(id="", kind=kind, text=text, spoken=spoken, **fields))

    # --- walking -----------------------------------------------------------------------------------

    def container(self, el: HtmlElement, kind: BlockKind = BlockKind.PARAGRAPH) -> None:
        """Children of a container: inline runs become ``kind`` blocks, block children their own."""
        run: list[str] = []
        if el.text:
            run.append(el.text)
        for child in el:
            if is_inline(child):
                run.append(inline_text(child))
            else:
                self.add(kind, clean(run), el)
                run = []
                self.block(child, kind)
            if child.tail:
                run.append(child.tail)
        self.add(kind, clean(run), el)

    def block(self, el: HtmlElement, kind: BlockKind = BlockKind.PARAGRAPH) -> None:
        tag = el.tag
        if not isinstance(tag, str) or tag in SKIPPED_TAGS:
            return
        caption_kind = self._caption_kind(el)
        if caption_kind is not None:
            self.caption(el, caption_kind)
        elif tag in HEADING_LEVELS:
            self.add(BlockKind.HEADING, block_text(el), el, level=HEADING_LEVELS[tag])
        elif tag == "pre":
            self.add(BlockKind.PREFORMATTED, preformatted_text(el), el)
        elif tag == "blockquote":
            self.container(el, BlockKind.QUOTE)
        elif tag in LIST_TAGS:
            self.list_block(el, level=1)
        elif tag == "table":
            self.table_block(el, kind)
        elif tag in PARAGRAPH_TAGS and not has_block_child(el):
            self.add(kind, block_text(el), el)
        else:
            self.container(el, kind)

    def _caption_kind(self, el: HtmlElement) -> BlockKind | None:
        if el.tag in CAPTION_TAGS:
            return BlockKind.CAPTION
        names = class_and_id(el)
        if not names.strip():
            return None
        if CREDIT_CLASSES.search(names) or CAPTION_CLASSES.search(names):
            if len(block_text(el)) <= CAPTION_MAX_CHARS:
                return BlockKind.CREDIT if CREDIT_CLASSES.search(names) else BlockKind.CAPTION
        return None

    def caption(self, el: HtmlElement, kind: BlockKind) -> None:
        """A caption, with any credit inside it (a ``.credit`` span, "Photo: Reuters") split out."""
        credits = [d for d in el.iterdescendants() if is_element(d) and CREDIT_CLASSES.search(class_and_id(d))]
        credit_texts = [block_text(c) for c in credits]
        for credit in credits:
            if credit.getparent() is not None:
                remove_keeping_tail(credit)
        text = block_text(el)
        if kind == BlockKind.CAPTION and is_credit(text):
            kind = BlockKind.CREDIT
        self.blocks.extend(
            Block(id="", kind=k, text=t, spoken=False)
            for k, t in [(kind, text)] + [(BlockKind.CREDIT, c) for c in credit_texts]
            if t
        )

    def list_block(self, el: HtmlElement, level: int) -> None:
        group = f"l{next(self._lists)}"
        ordered = el.tag == "ol"
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag != "li":
                if child.tag in LIST_TAGS:
                    self.list_block(child, level + 1)
                else:
                    self.block(child)
                continue
            nested = [c for c in child if isinstance(c.tag, str) and c.tag in LIST_TAGS]
            text = block_text(child, skip=LIST_TAGS)
            self.add(BlockKind.LIST_ITEM, text, child, level=level, ordered=ordered, group=group)
            for sub in nested:
                self.list_block(sub, level + 1)

    def table_block(self, el: HtmlElement, kind: BlockKind) -> None:
        if not is_data_table(el):
            for cell in own_cells(el):
                self.container(cell, kind)
            for caption in el.iterchildren("caption"):
                self.caption(caption, BlockKind.CAPTION)
            return
        group = f"t{next(self._tables)}"
        for caption in el.iterchildren("caption"):
            self.caption(caption, BlockKind.CAPTION)
        for row_number, row in enumerate(own_rows(el), start=1):
            cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
            for column, cell in enumerate(cells, start=1):
                self.add(BlockKind.TABLE_CELL, block_text(cell), cell, row=row_number, column=column, group=group)


def element_to_blocks(content: HtmlElement) -> tuple[list[Block], list[Removal]]:
    """Blocks of the article element in document order (ids are assigned by the caller)."""
    builder = BlockBuilder()
    builder.block(content)
    return builder.blocks, builder.removed


# --- text ------------------------------------------------------------------------------------------


def is_inline(el: HtmlElement) -> bool:
    """Inline elements join the text around them, unless they wrap blocks (``<a><div>...</div></a>``)."""
    tag = el.tag
    if not isinstance(tag, str):
        return True
    return tag in INLINE_TAGS and not has_block_child(el)


def has_block_child(el: HtmlElement) -> bool:
    for descendant in el.iterdescendants():
        tag = descendant.tag
        if isinstance(tag, str) and tag not in INLINE_TAGS and tag not in SKIPPED_TAGS:
            return True
    return False


def inline_text(el: HtmlElement) -> str:
    """Text of an inline element: source whitespace as spaces, ``<br>`` as a line break."""
    parts: list[str] = []
    _collect(el, parts, skip=frozenset())
    return "".join(parts)


def block_text(el: HtmlElement, skip: frozenset[str] = frozenset()) -> str:
    """All text of a block, blocks inside it on lines of their own, ``skip`` tags left out."""
    parts: list[str] = []
    _collect(el, parts, skip)
    return clean(parts)


def _collect(el: HtmlElement, parts: list[str], skip: frozenset[str]) -> None:
    if el.text:
        parts.append(_SPACES.sub(" ", el.text))
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in skip:
            if tag == "br":
                parts.append(_BLOCK_MARK)
            elif tag in INLINE_TAGS:
                _collect(child, parts, skip)
            else:
                parts.append(_BLOCK_MARK)
                _collect(child, parts, skip)
                parts.append(_BLOCK_MARK)
        if child.tail:
            parts.append(_SPACES.sub(" ", child.tail))


def clean(parts: list[str]) -> str:
    """Join collected pieces: one space between words, single line breaks, nothing at the ends."""
    text = "".join(_SPACES.sub(" ", p) if p != _BLOCK_MARK else p for p in parts)
    return _LINE_BREAKS.sub("\n", text).strip()


def preformatted_text(el: HtmlElement) -> str:
    """Preformatted text keeps its lines; only trailing spaces and blank edges go."""
    parts: list[str] = []
    for piece in el.itertext():
        parts.append(piece)
    lines = [line.rstrip() for line in "".join(parts).replace("\r\n", "\n").split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def own_rows(table: HtmlElement) -> list[HtmlElement]:
    """The rows of this table, not of tables nested in its cells."""
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child if r.tag == "tr")
    return rows


def own_cells(table: HtmlElement) -> list[HtmlElement]:
    return [c for row in own_rows(table) for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
