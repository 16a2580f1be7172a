"""Blocks -> structure: which blocks form one list (and how lists nest), which cells form one table.

The player page, plain text and Markdown, and the EPUB 3 and DAISY content documents all show the
same structure; deciding it once, here, keeps them from drifting (they once disagreed on nested
lists). Each output only maps these small dataclasses to its own markup. Also here: the one
:func:`sentence_pieces`, the block text cut at its sentences, which the player's and the books'
sentence spans are made of.

Lists: a run of consecutive list items is one region. Items at the region's shallowest level are
the entries of a list, a new list starting where the ``group`` changes (two lists one after the
other); deeper items belong to the entry before them, as its nested lists (extract gives a nested
list its own group, the player's tests one group for all: both nest). Tables: consecutive cells of
one ``group``, in rows by ``row``, each row's cells by ``column``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby

from ..model import Block, BlockKind


@dataclass(frozen=True)
class Piece:
    """A run of block text: a sentence (with its id) or the text between sentences."""

    text: str
    sentence_id: str = ""


@dataclass(frozen=True)
class Single:
    """A block that stands on its own: a heading, a paragraph, a quote, code, a caption or credit."""

    block: Block


@dataclass
class ListEntry:
    """One item of a list, with the lists nested inside it (deeper items right after it)."""

    block: Block
    lists: list[ListNode] = field(default_factory=list)


@dataclass
class ListNode:
    """One list: ordered (``<ol>``) or not, its entries in order."""

    ordered: bool
    entries: list[ListEntry] = field(default_factory=list)


@dataclass(frozen=True)
class Row:
    cells: tuple[Block, ...]


@dataclass(frozen=True)
class Table:
    """The cells of one table in rows, rows by ``row``, cells by ``column``."""

    rows: tuple[Row, ...]


Part = Single | ListNode | Table


def layout(blocks: Sequence[Block]) -> list[Part]:
    """The blocks in reading order, list items gathered into (nested) lists and cells into tables."""
    parts: list[Part] = []
    index = 0
    while index < len(blocks):
        end = _run_end(blocks, index)
        first = blocks[index]
        if first.kind == BlockKind.LIST_ITEM:
            parts.extend(lists(blocks[index:end]))
        elif first.kind == BlockKind.TABLE_CELL:
            parts.append(table(blocks[index:end]))
        else:
            parts.append(Single(first))
        index = end
    return parts


def _run_end(blocks: Sequence[Block], start: int) -> int:
    """Where the run that ``blocks[start]`` opens ends: all the consecutive list items (whatever their
    group: nested lists have their own), the consecutive cells of one table, or the block alone."""
    first = blocks[start]
    end = start + 1
    if first.kind not in (BlockKind.LIST_ITEM, BlockKind.TABLE_CELL):
        return end
    while end < len(blocks) and blocks[end].kind == first.kind:
        if first.kind == BlockKind.TABLE_CELL and blocks[end].group != first.group:
            break
        end += 1
    return end


def lists(items: Sequence[Block]) -> list[ListNode]:
    """Consecutive list items as lists: entries at the shallowest level, deeper items nested in the
    entry before them (the first item opens an entry whatever its level, so no item is lost)."""
    base = min(item.level for item in items)
    found: list[ListNode] = []
    group: str | None = None  # of the list being filled
    index = 0
    while index < len(items):
        item = items[index]
        if not found or (item.level <= base and item.group != group):
            found.append(ListNode(ordered=item.ordered))
            group = item.group
        end = index + 1
        while end < len(items) and items[end].level > base:
            end += 1
        nested = items[index + 1 : end]
        found[-1].entries.append(ListEntry(item, lists(nested) if nested else []))
        index = end
    return found


def table(cells: Sequence[Block]) -> Table:
    ordered = sorted(cells, key=lambda cell: (cell.row, cell.column))
    return Table(tuple(Row(tuple(row)) for _, row in groupby(ordered, key=lambda cell: cell.row)))


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
