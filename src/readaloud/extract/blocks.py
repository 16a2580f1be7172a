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

from dataclasses import dataclass, field
from itertools import count

from ..model import Block, BlockKind, Removal
from . import textrules
from .content import is_data_table
from .dom import (
    LINE_BREAK,
    HtmlElement,
    block_text,
    class_and_id,
    has_text,
    inline_text,
    join_text,
    remove_keeping_tail,
    source_position,
    text_length,
)
from .rules import (
    ARROW_LINK,
    ARROW_LINK_MAX_WORDS,
    BLOCK_TAGS,
    CAPTION_CLASSES,
    CREDIT_CLASSES,
    FIGURE_CLASSES,
    FIGURE_TEXT_MAX_CHARS,
    MAX_NESTING,
    NON_TEXT_TAGS,
    NOT_CAPTION_CLASSES,
    NOT_FIGURE_CONTENT,
    REASON_NAVIGATION,
    REASON_PHOTO_CREDIT,
)
from .textrules import COUNTER, classify_line, ends_in_credit, is_credit, is_source_line

# Chrome a list item can be too (a menu's "Skip to main content", a share row, a rating): phrases that
# never name a step or a thing. Navigation words and breadcrumbs ("Settings > Privacy") are left out:
# in a list they are often the instructions.
LIST_ITEM_CHROME = frozenset({
    textrules.SKIP_LINK, textrules.OUTDATED_BROWSER, textrules.SCRIPT_NOTICE, textrules.SHARE_BAR,
    textrules.NEWSLETTER, textrules.ADVERTISEMENT, textrules.COOKIE_NOTICE, textrules.SUBSCRIPTION,
    textrules.COUNTER, textrules.PICTURE_ADDRESS,
})
# Containers that only group: a chain of them around one element is walked through (see unwrap).
WRAPPER_TAGS = frozenset({"div", "section", "article", "main", "center", "header", "footer", "aside", "span"})
HEADING_LEVELS = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}  # h1 in the body is a section
PARAGRAPH_TAGS = frozenset({"p", "address", "dt", "dd", "summary", "legend"})
LIST_TAGS = frozenset({"ul", "ol", "menu"})
CAPTION_TAGS = frozenset({"figcaption", "caption"})
FIGURE_TAGS = ("figure", "figcaption")
# Elements that hold the text under a picture in a figure built of divs.
CAPTION_TEXT_TAGS = frozenset({"p", "span", "small", "em", "i", "div", "cite"})
# ...and the ones a credit set under the caption is printed in (fine print, the cited source).
CREDIT_TEXT_TAGS = frozenset({"small", "cite"})
# Elements that hold a "Source: ..." line under a picture.
SOURCE_LINE_TAGS = frozenset({"p", "div", "span", "small", "em", "i", "cite"})
# A source line is short: this much of an element's text tells whether it is one.
SOURCE_LINE_MAX_CHARS = 300
SKIPPED_TAGS = frozenset({"img", "hr", "br", "head", "title", "meta", "link", "template", "wbr", "col",
                          "colgroup", "area", "source", "track"})
# A caption-classed element longer than this is a content block that happens to carry the class.
CAPTION_MAX_CHARS = 400
# A paragraph is a caption when this much of its text is in caption-classed elements inside it (the
# rest: a letter between two spans, "ros<span>é</span>", or the spaces around them).
CAPTIONED_SHARE = 0.9
# A block this long found inside a caption is part of that caption (shorter ones, "Photo", may be anywhere).
CAPTION_MATCH_MIN_CHARS = 20
# ...and so is one holding headings, lists or several paragraphs' worth of structure.
CAPTION_CONTAINS_NOT = ("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote")
# Elements a picture is: the element that carries a caption reference or a caption attribute.
PICTURE_TAGS = ("img", "picture", "figure", "video", "svg")
# Attributes by which a picture names the element that describes it (WAI-ARIA): WordPress gives every
# captioned image ``aria-describedby="caption-attachment-N"``, the id of its caption paragraph;
# accessible themes and CMSs do the same for their figures built of divs.
DESCRIBED_BY = ("aria-describedby", "aria-labelledby")
# Attributes where a picture, its link or its wrapper keeps the words shown under it: lightbox and
# gallery scripts (Fancybox and PhotoSwipe ``data-caption``, WordPress galleries ``data-image-caption``,
# news CMSs ``data-credit``/``data-attrib``). Text under the picture that says the same is its caption,
# whatever its tag. Not ``alt`` or ``title``: on WCXB calibrate's shop and listing pages they hold the
# product's or card's name, which the card's title under the picture repeats (45 of 47 matches there).
PICTURE_TEXT_ATTRIBUTES = ("data-caption", "data-image-caption", "data-credit", "data-attrib", "data-photo-credit")
# A description this short ("photo", "image 3") could equal any short line: only longer ones are matched.
PICTURE_TEXT_MIN_WORDS = 3
# How far up from a picture its wrappers (a link, a span, a div that hold nothing but it) are followed to
# find the element after it.
PICTURE_WRAPPER_LEVELS = 3


@dataclass
class BlockBuilder:
    """Walks one article element; collects blocks and the chrome lines it drops."""

    blocks: list[Block] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    _lists: count = field(default_factory=lambda: count(1))
    _tables: count = field(default_factory=lambda: count(1))
    _figure_depth: int = 0
    _depth: int = 0
    # Captions and credits found by how the page ties them to a picture (picture_captions), and their kind.
    tied: dict[HtmlElement, BlockKind] = field(default_factory=dict)

    # --- emitting ----------------------------------------------------------------------------------

    def add(self, kind: BlockKind, text: str, source: HtmlElement | None = None, **fields) -> None:
        text = text.strip()
        if not text:
            return
        if kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE) and "\n" in text and self._split_credit_lines(kind, text, source):
            return
        if kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.HEADING):
            reason = classify_line(text) or arrow_link_reason(text)
            if reason is not None and reason != REASON_PHOTO_CREDIT:
                self.removed.append(Removal(reason, text[:200], source_position(source) if source is not None else ""))
                return
            if reason == REASON_PHOTO_CREDIT:
                kind, fields = BlockKind.CREDIT, {}
            elif kind != BlockKind.HEADING and ends_in_credit(text):
                kind, fields = BlockKind.CAPTION, {}
            elif self._figure_depth and kind == BlockKind.PARAGRAPH and len(text) <= CAPTION_MAX_CHARS:
                # Text in a figure outside its caption ("Photo", a credit line) belongs to the picture.
                kind = BlockKind.CAPTION
        elif kind == BlockKind.LIST_ITEM and (line_reason := classify_line(text)) == REASON_PHOTO_CREDIT:
            kind, fields = BlockKind.CREDIT, {}  # a gallery's items: "Credit: The Spruce Eats" under each picture
        elif kind == BlockKind.LIST_ITEM and line_reason in LIST_ITEM_CHROME:
            self.removed.append(Removal(line_reason, text[:200], source_position(source) if source is not None else ""))
            return
        elif kind == BlockKind.LIST_ITEM and "\n" in text:
            text = self._credit_lines_out(text).strip()  # an accordion item holding a picture and its credit
            if not text:
                return
        spoken = kind not in (BlockKind.CAPTION, BlockKind.CREDIT)
        self.blocks.append(Block(id="", kind=kind, text=text, spoken=spoken, **fields))

    def _credit_lines_out(self, text: str) -> str:
        """The lines of ``text`` that are not credits or counters (a product card's "66 reviews with an
        average rating of 4.3 out of 5 stars"); a credit line becomes a credit block, a counter is
        recorded as removed."""
        kept = []
        for line in text.split("\n"):
            reason = classify_line(line)
            if reason == REASON_PHOTO_CREDIT:
                self.blocks.append(Block(id="", kind=BlockKind.CREDIT, text=line.strip(), spoken=False))
            elif reason == COUNTER:
                self.removed.append(Removal(reason, line.strip()[:200], ""))
            else:
                kept.append(line)
        return "\n".join(kept)

    def _split_credit_lines(self, kind: BlockKind, text: str, source: HtmlElement | None) -> bool:
        """A block whose lines include a credit ("Which EVs go furthest?<br>Photo: Hyundai") is the
        caption text and its credit run together: each credit line becomes a credit block of its own."""
        lines = text.split("\n")
        if not any(is_credit(line) for line in lines):
            return False
        pending: list[str] = []
        for line in lines:
            if is_credit(line):
                self.add(kind, "\n".join(pending), source)
                pending = []
                self.blocks.append(Block(id="", kind=BlockKind.CREDIT, text=line.strip(), spoken=False))
            else:
                pending.append(line)
        self.add(kind, "\n".join(pending), source)
        return True

    # --- walking -----------------------------------------------------------------------------------

    def container(self, el: HtmlElement, kind: BlockKind = BlockKind.PARAGRAPH) -> None:
        """Children of a container: inline runs become ``kind`` blocks, block children their own."""
        run: list[str] = []
        if el.text:
            run.append(el.text)
        for child in el:
            if child.tag == "br":
                run.append(LINE_BREAK)
            elif child.tag in NON_TEXT_TAGS:
                pass  # its tail, below, is still text
            elif is_inline(child):
                run.extend(inline_text(child))
            else:
                self.add(kind, join_text(run), el)
                run = []
                self.block(child, kind)
            if child.tail:
                run.append(child.tail)
        self.add(kind, join_text(run), el)

    def block(self, el: HtmlElement, kind: BlockKind = BlockKind.PARAGRAPH) -> None:
        tag = el.tag
        if not isinstance(tag, str) or tag in SKIPPED_TAGS or tag in NON_TEXT_TAGS:
            return
        el = unwrap(el)
        tag = el.tag
        if self._depth >= MAX_NESTING:
            self.add(kind, block_text(el), el)  # absurdly deep markup: its text as one block
            return
        self._depth += 1
        try:
            self._block(el, tag, kind)
        finally:
            self._depth -= 1

    def _block(self, el: HtmlElement, tag: str, kind: BlockKind) -> None:
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
            self.list_block(el, 1, kind)
        elif tag == "table":
            self.table_block(el, kind)
        elif tag == "figure" or is_figure_like(el):
            self._figure_depth += 1
            self.container(el, kind)
            self._figure_depth -= 1
        elif tag in PARAGRAPH_TAGS and not has_block_child(el):
            self.add(kind, block_text(el), el)
        else:
            self.container(el, kind)

    def _caption_kind(self, el: HtmlElement) -> BlockKind | None:
        if el in self.tied:
            return self.tied[el]
        if el.tag in CAPTION_TAGS:
            return BlockKind.CAPTION
        kind = caption_class_kind(el)
        if kind is None and el.tag in PARAGRAPH_TAGS:
            kind = captioned_paragraph_kind(el)
        if kind is None or next(el.iterdescendants(*CAPTION_CONTAINS_NOT), None) is not None:
            return None
        return kind if len(block_text(el)) <= CAPTION_MAX_CHARS else None

    def caption(self, el: HtmlElement, kind: BlockKind) -> None:
        """A caption, with any credit inside it (a ``.credit`` span, "Photo: Reuters") split out."""
        credits = [d for d in el.iterdescendants() if caption_class_kind(d) == BlockKind.CREDIT]
        credit_texts = [block_text(c) for c in credits]
        for credit in credits:
            remove_keeping_tail(credit)
        text = block_text(el)
        if kind == BlockKind.CAPTION and is_credit(text):
            kind = BlockKind.CREDIT
        pieces = [(kind, text)] + [(BlockKind.CREDIT, c) for c in credit_texts]
        self.blocks.extend(Block(id="", kind=k, text=t, spoken=False) for k, t in pieces if t)

    def list_block(self, el: HtmlElement, level: int, kind: BlockKind = BlockKind.PARAGRAPH) -> None:
        """List items with their nesting level; stray content in the list keeps the context's ``kind``."""
        group = f"l{next(self._lists)}"
        ordered = el.tag == "ol"
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag != "li":
                if child.tag in LIST_TAGS:
                    self.list_block(child, level + 1, kind)
                else:
                    self.block(child, kind)
                continue
            # A gallery item's or a step's picture and caption: the caption stays a caption, after the
            # item's own text, which stays a list item (a step of a how-to keeps its number).
            figures = self._own_figures(child)
            for figure in figures:
                remove_keeping_tail(figure)
            nested = [c for c in child if isinstance(c.tag, str) and c.tag in LIST_TAGS]
            text = block_text(child, skip=LIST_TAGS | NON_TEXT_TAGS)
            self.add(BlockKind.LIST_ITEM, text, child, level=level, ordered=ordered, group=group)
            for figure in figures:
                self.block(figure, kind)
            for sub in nested:
                self.list_block(sub, level + 1, kind)

    def _own_figures(self, item: HtmlElement) -> list[HtmlElement]:
        """The figures and captions of a list item, outermost first, in source order (not those of a
        list nested in it, which is walked as its own list): a figure or figcaption, a caption tied to
        its picture, a caption- or credit-classed block of a caption's size or a paragraph made of such
        spans (an inline one in a line of text, not tied to a picture, is a label: a slider's "__caption"
        before its value). Not a figure built of divs:
        in a list, a picture and a short text are a shop's or a menu's tile (category names, prices were
        18 of WCXB calibrate's matches)."""
        found = []
        pending = list(reversed(item))
        while pending:
            el = pending.pop()
            if not isinstance(el.tag, str) or el.tag in LIST_TAGS:
                continue
            if (
                el.tag in FIGURE_TAGS or el.tag in CAPTION_TAGS or el in self.tied
                or (caption_class_kind(el) is not None and not is_inline(el) and _is_caption_sized(el))
                or (el.tag in PARAGRAPH_TAGS and captioned_paragraph_kind(el) is not None)
            ):
                found.append(el)
            else:
                pending.extend(reversed(el))
        return found

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
    builder = BlockBuilder(tied=dict(picture_captions(content)))
    for caption in builder.tied:
        # Made a block-level caption: a <p> or list item holding it walks its children, and so finds it.
        caption.tag = "figcaption"
    builder.block(content)
    return builder.blocks, builder.removed


# --- text ------------------------------------------------------------------------------------------


def page_captions(root: HtmlElement) -> dict[str, BlockKind]:
    """The text of every caption and credit in a page (as the block walk would find them), whitespace
    collapsed: blocks built from another extractor's text, which has no classes, are matched to these."""
    found: dict[str, BlockKind] = {}
    for el, tied_kind in picture_captions(root):
        text = " ".join(block_text(el).split())
        if text:
            found.setdefault(text, tied_kind)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        kind = BlockKind.CAPTION if el.tag in CAPTION_TAGS else caption_class_kind(el)
        if kind is None:
            continue
        text = " ".join(block_text(el).split())
        if text and len(text) <= CAPTION_MAX_CHARS:
            found.setdefault(text, kind)
    return found


def mark_captions(blocks: list[Block], captions: dict[str, BlockKind]) -> None:
    """Spoken blocks whose text is one of the page's captions or credits (or a good part of one, as
    when a credit span sat inside the caption) become that caption or credit, unspoken."""
    for block in blocks:
        if not block.spoken or block.kind == BlockKind.HEADING:
            continue
        text = " ".join(block.text.split())
        kind = captions.get(text)
        if kind is None and len(text) >= CAPTION_MATCH_MIN_CHARS:
            kind = next((k for caption, k in captions.items() if text in caption), None)
        if kind is not None:
            block.kind, block.spoken = kind, False
            block.level = block.row = block.column = 0
            block.group, block.ordered = "", False


# --- captions the markup ties to a picture, whatever their tag or class -----------------------------------


def picture_captions(root: HtmlElement) -> list[tuple[HtmlElement, BlockKind]]:
    """The elements under ``root`` that are a picture's caption or credit by how the page ties them to
    the picture, not by their own tag: the element a picture's ``aria-describedby`` names, a caption- or
    credit-classed inline element right after a picture (``<p><span><img></span><span class="caption">``,
    a picture then ``<span class="credit">`` in a list item), and the element right after a picture that
    repeats the picture's own caption attribute or alt text. Captions already marked (figcaption) are
    left to the walk."""
    found: dict[HtmlElement, BlockKind] = {}
    described = _described_ids(root)
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in CAPTION_TAGS or el.tag in NON_TEXT_TAGS:
            continue
        kind = None
        if described and (el.get("id") or "") in described:
            kind = BlockKind.CAPTION
        elif (class_kind := caption_class_kind(el)) is not None and _follows_picture(el) and is_inline(el):
            kind = class_kind
        elif el.tag in SOURCE_LINE_TAGS and _follows_picture(el, figures=True) and is_source_line(
            block_text(el, limit=SOURCE_LINE_MAX_CHARS)
        ):
            kind = BlockKind.CREDIT
        if kind is not None and _is_caption_sized(el):
            found.setdefault(el, kind)  # a caption that is all credit ("Photo: AP") is a credit (BlockBuilder.caption)
    for picture in root.iter("img"):
        caption = _repeated_description(picture)
        if caption is not None and caption not in found and caption.tag not in CAPTION_TAGS and _is_caption_sized(caption):
            found[caption] = BlockKind.CAPTION
    return list(found.items())


def _described_ids(root: HtmlElement) -> set[str]:
    """The ids that pictures name as their description (DESCRIBED_BY)."""
    ids: set[str] = set()
    for picture in root.iter(*PICTURE_TAGS):
        for name in DESCRIBED_BY:
            ids.update((picture.get(name) or "").split())
    return ids


def _is_caption_sized(el: HtmlElement) -> bool:
    """Short text and no headings, lists or tables: a caption, not a section that happens to follow."""
    length = text_length(el)
    return 0 < length <= CAPTION_MAX_CHARS and next(el.iterdescendants(*CAPTION_CONTAINS_NOT), None) is None


def _previous_element(el: HtmlElement) -> HtmlElement | None:
    """The element before ``el`` among its siblings, if only white space lies between them."""
    previous = el.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    if previous is None or (previous.tail or "").strip():
        return None
    return previous


def _follows_picture(el: HtmlElement, figures: bool = False) -> bool:
    """The element right before ``el`` is a picture (or a link, span or div holding only one); with
    ``figures``, also a paragraph holding only a picture (an editor's image line) or a whole figure."""
    previous = _previous_element(el)
    if previous is None:
        return False
    if not figures:
        return _is_picture(previous)
    return _is_picture_line(previous) or previous.tag == "figure" or is_figure_like(previous)


def _repeated_description(picture: HtmlElement) -> HtmlElement | None:
    """The element right after ``picture`` (or after the wrappers holding only it) whose text is the
    picture's caption attribute or alt text (PICTURE_TEXT_ATTRIBUTES), on the picture or its wrappers."""
    descriptions: set[str] = set()
    holder = picture
    for _level in range(PICTURE_WRAPPER_LEVELS + 1):
        descriptions.update(_descriptions(holder))
        following = holder.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()
        if following is not None and not (holder.tail or "").strip():
            if not descriptions:
                return None
            # A caption's worth of text is enough to compare: a long block after the picture is no caption.
            text = _comparable(block_text(following, limit=2 * max(map(len, descriptions)) + 100))
            return following if text in descriptions else None
        parent = holder.getparent()
        if parent is None or (holder.tail or "").strip() or has_text(parent) or parent.tag in ("body", "li", "td"):
            return None
        holder = parent
    return None


def _descriptions(el: HtmlElement) -> set[str]:
    texts = set()
    for name in PICTURE_TEXT_ATTRIBUTES:
        text = _comparable(el.get(name) or "")
        if len(text.split()) >= PICTURE_TEXT_MIN_WORDS:
            texts.add(text)
    return texts


def _comparable(text: str) -> str:
    """Case, spacing and the punctuation at the ends set aside ("The pier at dawn." = "the pier at dawn")."""
    return " ".join(text.split()).casefold().strip(" .,;:!?\"'“”‘’")


def unwrap(el: HtmlElement) -> HtmlElement:
    """The innermost of a chain of plain wrappers (``<div><div><section>...``) holding one element
    and no text: walked in a loop, so a wrapper chain costs no recursion however long it is."""
    while (
        el.tag in WRAPPER_TAGS
        and len(el) == 1
        and isinstance(el[0].tag, str)
        and not (el.text or "").strip()
        and not (el[0].tail or "").strip()
        and caption_class_kind(el) is None
    ):
        el = el[0]
    return el


def is_figure_like(el: HtmlElement) -> bool:
    """A wrapper built as a figure without the tag: a picture and a caption's worth of text, and either a
    class that names a figure (FIGURE_CLASSES) or the shape of one: a picture, then one text element."""
    if el.tag not in WRAPPER_TAGS and el.tag != "p":  # a div of inline content becomes a <p> (content.py)
        return False
    if not (_has_figure_class(el) or _picture_then_text(el)):
        return False
    if next(el.iterdescendants("img", "picture"), None) is None:
        return False
    if next(el.iterdescendants(*NOT_FIGURE_CONTENT), None) is not None:
        return False
    return 0 < text_length(el) <= FIGURE_TEXT_MAX_CHARS


def _has_figure_class(el: HtmlElement) -> bool:
    return any(FIGURE_CLASSES.search(token) for token in class_and_id(el).split())


def _picture_then_text(el: HtmlElement) -> bool:
    """A picture (or a link or span around only a picture) and then the text under it; or a picture, its
    caption and its credit, the news figure's three parts (a ``small``/``cite`` element, or a line the
    credit rules name: "Jane Doe for the Town Crier", "Photo: AP")."""
    children = [child for child in el if isinstance(child.tag, str)]
    if len(children) not in (2, 3) or (el.text or "").strip() or any((child.tail or "").strip() for child in children):
        return False
    picture, text, *credit = children
    if not credit:
        return _is_picture(picture) and _is_caption_text(text)
    return _is_picture_line(picture) and _is_caption_text(text) and _is_caption_text(credit[0]) and _is_credit_element(credit[0])


def _is_caption_text(el: HtmlElement) -> bool:
    """Text that can sit under a picture: a caption tag with text and no link (a linked title is a card's)."""
    return el.tag in CAPTION_TEXT_TAGS and has_text(el) and next(el.iterdescendants("a"), None) is None


def _is_credit_element(el: HtmlElement) -> bool:
    """A credit under a caption: fine print (also as the only content of the <p> Readability wraps it
    in), a credit class, or a line the credit rules name."""
    only = el[0] if len(el) == 1 and isinstance(el[0].tag, str) and not (el.text or "").strip() and not (el[0].tail or "").strip() else None
    if el.tag in CREDIT_TEXT_TAGS or (only is not None and only.tag in CREDIT_TEXT_TAGS):
        return True
    return caption_class_kind(el) == BlockKind.CREDIT or is_credit(block_text(el))


def _is_picture(el: HtmlElement) -> bool:
    if el.tag in ("img", "picture"):
        return True
    return el.tag in ("a", "span", "div") and not has_text(el) and next(el.iterdescendants("img", "picture"), None) is not None


def _is_picture_line(el: HtmlElement) -> bool:
    """A picture, or a paragraph holding only one: an editor's image line, or the <p> Readability's
    div-to-paragraph step wraps a picture in. Not for the two-part figure: an icon's paragraph and a
    paragraph of text are how service pages and cards are built (a third of WCXB calibrate's matches)."""
    if _is_picture(el):
        return True
    return el.tag == "p" and not has_text(el) and next(el.iterdescendants("img", "picture"), None) is not None


def arrow_link_reason(text: str) -> str | None:
    """Navigation for a short label with an arrow; the arrow itself is not one of the label's words."""
    if ARROW_LINK.match(text) and len(text[:-1].split()) <= ARROW_LINK_MAX_WORDS:
        return REASON_NAVIGATION
    return None


def caption_class_kind(el: HtmlElement) -> BlockKind | None:
    """CAPTION or CREDIT when one of ``el``'s class/id tokens names one (credit wins), else None."""
    if not isinstance(el.tag, str):
        return None
    found = None
    for token in class_and_id(el).split():
        if NOT_CAPTION_CLASSES.search(token):
            continue
        if CREDIT_CLASSES.search(token):
            return BlockKind.CREDIT
        if CAPTION_CLASSES.search(token):
            found = BlockKind.CAPTION
    return found


def captioned_paragraph_kind(el: HtmlElement) -> BlockKind | None:
    """CAPTION (CREDIT if only credits) for a paragraph whose text is all, or nearly all
    (CAPTIONED_SHARE), in caption- or credit-classed inline elements: ``<p><span class="caption">``
    under a picture, the editor's way of marking a caption without a <figcaption>."""
    total = text_length(el)
    if not total or total > CAPTION_MAX_CHARS:
        return None
    captioned, kinds = 0, set()
    pending = list(el)
    while pending:
        child = pending.pop()
        kind = caption_class_kind(child)
        if kind is None:
            pending.extend(child)
            continue
        captioned += text_length(child)
        kinds.add(kind)
    if captioned < CAPTIONED_SHARE * total:
        return None
    return BlockKind.CREDIT if kinds == {BlockKind.CREDIT} else BlockKind.CAPTION


def is_inline(el: HtmlElement) -> bool:
    """Inline elements join the text around them, unless they wrap blocks (``<a><div>...</div></a>``)."""
    tag = el.tag
    if not isinstance(tag, str):
        return True
    return tag not in BLOCK_TAGS and not has_block_child(el)


def has_block_child(el: HtmlElement) -> bool:
    return next(el.iterdescendants(*BLOCK_TAGS), None) is not None


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
