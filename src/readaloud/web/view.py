"""From the prepared article to what the player page shows: nested lists, tables, sentence pieces.

The template stays dumb: it walks :class:`Node` trees and prints escaped text. Everything that needs
a decision (which heading level, which blocks form one list, where a sentence starts, which blocks
carry another language or direction) is decided here, where it can be tested.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Article, Block, BlockKind

# Languages written right to left (ISO 639-1/-3 primary subtags), from CLDR's characterOrder data for
# the languages espeak-ng can speak or that readers are likely to open.
RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku-arab", "ps", "sd", "syr", "ug", "ur", "yi"})
UI_LANG = "en"  # the language of the player's own labels
TOP_BODY_HEADING = 2  # the title is the page's one h1; the topmost body heading becomes an h2
MAX_HEADING = 6


@dataclass(frozen=True)
class Piece:
    """A run of block text: a sentence (with its id) or the text between sentences."""

    text: str
    sentence_id: str = ""


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


def primary_subtag(lang: str) -> str:
    return lang.replace("_", "-").lower().split("-")[0]


def direction(lang: str, declared: str = "") -> str:
    """``rtl`` or ``ltr``: the page's own ``dir`` wins, else what the language is written in."""
    if declared in ("rtl", "ltr"):
        return declared
    return "rtl" if primary_subtag(lang) in RTL_LANGUAGES else "ltr"


def sentence_pieces(block: Block) -> list[Piece]:
    """The block text cut at its sentences' offsets; text outside any sentence stays as plain pieces.

    Offsets that do not fit the text (a stage bug) must not lose words: then each sentence's own
    displayed text is shown, separated by spaces.
    """
    text = block.text
    pieces: list[Piece] = []
    position = 0
    for sentence in block.sentences:
        if not (position <= sentence.start <= sentence.end <= len(text)):
            return _pieces_from_sentence_texts(block)
        if sentence.start > position:
            pieces.append(Piece(text[position : sentence.start]))
        pieces.append(Piece(text[sentence.start : sentence.end], sentence.id))
        position = sentence.end
    if position < len(text):
        pieces.append(Piece(text[position:]))
    return pieces


def _pieces_from_sentence_texts(block: Block) -> list[Piece]:
    pieces: list[Piece] = []
    for index, sentence in enumerate(block.sentences):
        if index:
            pieces.append(Piece(" "))
        pieces.append(Piece(sentence.text, sentence.id))
    return pieces


def heading_offset(blocks: list[Block]) -> int:
    """How much to add to body heading levels so the topmost becomes an h2 (the title is the h1)."""
    levels = [b.level or TOP_BODY_HEADING for b in blocks if b.kind == BlockKind.HEADING]
    return TOP_BODY_HEADING - min(levels) if levels else 0


class BodyBuilder:
    """Groups consecutive list items and table cells into lists and tables, numbering spoken blocks."""

    def __init__(self, article: Article, spoken_numbers: dict[str, int]) -> None:
        self.article_lang = primary_subtag(article.lang)
        self.offset = heading_offset(article.blocks)
        self.numbers = spoken_numbers

    def build(self, blocks: list[Block]) -> list[Node]:
        nodes: list[Node] = []
        index = 0
        while index < len(blocks):
            block = blocks[index]
            if block.kind == BlockKind.LIST_ITEM:
                run = self._run(blocks, index, BlockKind.LIST_ITEM)
                nodes.append(self._list(run, base_level=min(b.level for b in run)))
                index += len(run)
            elif block.kind == BlockKind.TABLE_CELL:
                run = self._run(blocks, index, BlockKind.TABLE_CELL)
                nodes.append(self._table(run))
                index += len(run)
            else:
                nodes.append(self.block_node(block))
                index += 1
        return nodes

    @staticmethod
    def _run(blocks: list[Block], start: int, kind: BlockKind) -> list[Block]:
        """Consecutive blocks of ``kind`` in the same group (one list, one table)."""
        group = blocks[start].group
        end = start
        while end < len(blocks) and blocks[end].kind == kind and blocks[end].group == group:
            end += 1
        return blocks[start:end]

    def _list(self, items: list[Block], base_level: int) -> Node:
        """A list; deeper items nest inside the item before them, as the page had them."""
        root = Node("list", ordered=items[0].ordered)
        index = 0
        while index < len(items):
            item = self.block_node(items[index])
            index += 1
            nested = []
            while index < len(items) and items[index].level > base_level:
                nested.append(items[index])
                index += 1
            if nested:
                item.children.append(self._list(nested, base_level=min(b.level for b in nested)))
            root.children.append(item)
        return root

    def _table(self, cells: list[Block]) -> Node:
        table = Node("table")
        rows: dict[int, Node] = {}
        for cell in cells:
            row = rows.setdefault(cell.row, Node("row"))
            row.children.append(self.block_node(cell))
        table.children = [rows[key] for key in sorted(rows)]
        return table

    def block_node(self, block: Block) -> Node:
        lang = block.lang if block.lang and primary_subtag(block.lang) != self.article_lang else ""
        return Node(
            "block",
            block=block,
            tag=self.tag_for(block),
            lang=lang,
            dir=direction(lang) if lang else "",
            number=self.numbers.get(block.id, 0),
            pieces=sentence_pieces(block),
        )

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
    head = [builder.block_node(block) for block in speech if block.id in HEAD_BLOCK_IDS]
    for node in head:
        node.tag = HEAD_BLOCK_IDS[node.block.id]
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

