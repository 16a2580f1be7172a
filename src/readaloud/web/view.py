"""From the prepared article to what the player page shows: nested lists, tables, sentence pieces.

The template stays dumb: it walks :class:`Node` trees and prints escaped text. Everything that needs
a decision is decided here or in render/layout.py (which blocks form one list or table, where a
sentence starts: shared with the text and book outputs), where it can be tested; here: which heading
level, which element, which blocks carry another language or direction, which number a block plays as.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..langtags import direction, primary
from ..model import Article, Block, BlockKind
from ..render.layout import ListNode, Part, Piece, Table, layout, sentence_pieces

UI_LANG = "en"  # the language of the player's own labels
TOP_BODY_HEADING = 2  # the title is the page's one h1; the topmost body heading becomes an h2
MAX_HEADING = 6


@dataclass
class Node:
    """One thing in the article body: a block, a list of items, or a table of rows of cells."""

    kind: str  # "block", "list", "table"
    block: Block | None = None
    children: list[Node] = field(default_factory=list)
    ordered: bool = False
    tag: str = ""  # the element a block renders as (p, h2, li, blockquote, pre, td)
    lang: str = ""  # set only where it differs from the article's language
    dir: str = ""
    number: int = 0  # the block's place among spoken blocks (1-based), for "Play from paragraph 12"
    pieces: list[Piece] = field(default_factory=list)


def heading_offset(blocks: list[Block]) -> int:
    """How much to add to body heading levels so the topmost becomes an h2 (the title is the h1)."""
    levels = [b.level or TOP_BODY_HEADING for b in blocks if b.kind == BlockKind.HEADING]
    return TOP_BODY_HEADING - min(levels) if levels else 0


class BodyBuilder:
    """Maps the layout (render/layout.py: lists, tables, single blocks) to nodes, numbering spoken blocks."""

    def __init__(self, article: Article, spoken_numbers: dict[str, int]) -> None:
        self.article_lang = primary(article.lang)
        self.offset = heading_offset(article.blocks)
        self.numbers = spoken_numbers

    def build(self, blocks: list[Block]) -> list[Node]:
        return [self._node(part) for part in layout(blocks)]

    def _node(self, part: Part) -> Node:
        if isinstance(part, ListNode):
            return self._list(part)
        if isinstance(part, Table):
            return self._table(part)
        return self.block_node(part.block)

    def _list(self, found: ListNode) -> Node:
        """A list; nested lists go inside the item they belong to, as the page had them."""
        items = []
        for entry in found.entries:
            item = self.block_node(entry.block)
            item.children = [self._list(nested) for nested in entry.lists]
            items.append(item)
        return Node("list", children=items, ordered=found.ordered)

    def _table(self, found: Table) -> Node:
        rows = [Node("row", children=[self.block_node(cell) for cell in row.cells]) for row in found.rows]
        return Node("table", children=rows)

    def block_node(self, block: Block) -> Node:
        lang = block.lang if block.lang and primary(block.lang) != self.article_lang else ""
        return Node(
            "block",
            block=block,
            tag=self.tag_for(block),
            lang=lang,
            dir=direction(lang) if lang else "",
            number=self.numbers.get(block.id, 0),
            pieces=sentence_pieces(block),
        )

    def head_node(self, block: Block) -> Node:
        """A title, dek or byline block: the title is the page's h1."""
        node = self.block_node(block)
        node.tag = HEAD_BLOCK_IDS[block.id]
        return node

    def tag_for(self, block: Block) -> str:
        if block.kind == BlockKind.HEADING:
            level = (block.level or TOP_BODY_HEADING) + self.offset
            return f"h{max(TOP_BODY_HEADING, min(MAX_HEADING, level))}"
        return BLOCK_TAGS.get(block.kind, "p")


# The element each kind of block becomes: the page's own semantics, so a screen reader's list,
# quote and table commands work on the clean article as they would on the original.
BLOCK_TAGS = {
    BlockKind.PARAGRAPH: "p",
    BlockKind.LIST_ITEM: "li",
    BlockKind.QUOTE: "blockquote",
    BlockKind.PREFORMATTED: "pre",
    BlockKind.TABLE_CELL: "td",
    BlockKind.CAPTION: "p",
    BlockKind.CREDIT: "p",
}


@dataclass
class PlayerView:
    """Everything the player template shows for one article."""

    article: Article
    lang: str
    dir: str
    head: list[Node]  # title, dek, byline as spoken blocks (the title renders as the h1)
    body: list[Node]
    spoken_count: int
    heading_count: int


def player_view(article: Article, speech: list[Block]) -> PlayerView:
    """Build the page model: the header blocks from ``speech``, the body from the article's blocks."""
    numbers = {block.id: number for number, block in enumerate(speech, start=1)}
    builder = BodyBuilder(article, numbers)
    spoken_by_id = {block.id: block for block in speech}
    # Body blocks as the prepared article has them (with sentences); unspoken ones (captions) as they are.
    body_blocks = [spoken_by_id.get(block.id, block) for block in article.blocks]
    head = [builder.head_node(block) for block in speech if block.id in HEAD_BLOCK_IDS]
    lang = article.lang or UI_LANG
    return PlayerView(
        article=article,
        lang=lang,
        dir=direction(lang, article.dir),
        head=head,
        body=builder.build(body_blocks),
        spoken_count=len(speech),
        heading_count=sum(1 for block in speech if block.kind == BlockKind.HEADING),
    )


# The article's own header, spoken before the body: the title is the page's h1.
HEAD_BLOCK_IDS = {"title": "h1", "dek": "p", "byline": "p"}

