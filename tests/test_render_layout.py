"""The one structure every output shows (render/layout.py): nested lists by level and group, ordered
lists, tables in rows and columns, single blocks in between, and the sentence pieces of a block."""

from __future__ import annotations

from readaloud.model import Block, BlockKind, Sentence
from readaloud.pipeline import extract_page, prepare
from readaloud.render.layout import ListNode, Piece, Single, Table, layout, sentence_pieces
from readaloud.render.text import render_markdown, render_text

NESTED_LIST_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Opening the New Library</title></head>
<body><main><article><h1>Opening the New Library</h1>
<p>The council listed the steps it will take before the spring opening date of the new library.</p>
<ol><li>Sign the building contract.</li><li>Order the shelving.<ul><li>Oak for the reading room.</li>
<li>Steel for the stacks.</li></ul></li><li>Open the doors.</li></ol>
<p>That is the whole plan for the year, the mayor told the reporters who had come to the hall.</p>
</article></main></body></html>
"""


def item(block_id: str, level: int = 1, group: str = "l1", ordered: bool = False) -> Block:
    return Block(block_id, BlockKind.LIST_ITEM, f"Item {block_id}", level=level, group=group, ordered=ordered)


def cell(block_id: str, row: int, column: int, group: str = "t1") -> Block:
    return Block(block_id, BlockKind.TABLE_CELL, block_id, row=row, column=column, group=group)


def para(block_id: str) -> Block:
    return Block(block_id, BlockKind.PARAGRAPH, "Some text.")


def shape(found: ListNode) -> list:
    """A list as [(id, [nested shapes...]), ...], ordered lists marked with 'ol'."""
    entries = [(entry.block.id, [shape(nested) for nested in entry.lists]) for entry in found.entries]
    return ["ol" if found.ordered else "ul", entries]


def test_deeper_items_nest_inside_the_item_before_them() -> None:
    blocks = [item("b1"), item("b2", 2), item("b3", 3), item("b4", 2), item("b5")]
    (found,) = layout(blocks)
    assert isinstance(found, ListNode)
    assert shape(found) == ["ul", [("b1", [["ul", [("b2", [["ul", [("b3", [])]]]), ("b4", [])]]]), ("b5", [])]]


def test_a_nested_list_with_its_own_group_still_nests_and_the_outer_list_goes_on() -> None:
    """What extract makes of <ol><li>A</li><li>B<ul><li>b</li></ul></li><li>C</li></ol>."""
    blocks = [item("b1", ordered=True), item("b2", ordered=True), item("b3", 2, "l2"), item("b4", ordered=True)]
    (found,) = layout(blocks)
    assert isinstance(found, ListNode)
    assert shape(found) == ["ol", [("b1", []), ("b2", [["ul", [("b3", [])]]]), ("b4", [])]]


def test_two_lists_one_after_the_other_stay_two_lists() -> None:
    first, second = layout([item("b1"), item("b2"), item("b3", group="l2", ordered=True)])
    assert isinstance(first, ListNode) and isinstance(second, ListNode)
    assert shape(first) == ["ul", [("b1", []), ("b2", [])]]
    assert shape(second) == ["ol", [("b3", [])]]


def test_an_item_with_two_nested_lists_keeps_both() -> None:
    (found,) = layout([item("b1"), item("b2", 2, "l2"), item("b3", 2, "l3", ordered=True)])
    assert isinstance(found, ListNode)
    assert shape(found) == ["ul", [("b1", [["ul", [("b2", [])]], ["ol", [("b3", [])]]])]]


def test_a_list_that_starts_deep_loses_no_item() -> None:
    (found,) = layout([item("b1", 2), item("b2", 1), item("b3", 2)])
    assert isinstance(found, ListNode)
    assert shape(found) == ["ul", [("b1", []), ("b2", [["ul", [("b3", [])]]])]]


def test_tables_are_rows_of_cells_by_row_and_column() -> None:
    blocks = [cell("b1", 1, 2), cell("b2", 1, 1), cell("b3", 2, 1), cell("b4", 2, 2), cell("b5", 1, 1, "t2")]
    first, second = layout(blocks)
    assert isinstance(first, Table) and isinstance(second, Table)
    assert [[c.id for c in row.cells] for row in first.rows] == [["b2", "b1"], ["b3", "b4"]]
    assert [[c.id for c in row.cells] for row in second.rows] == [["b5"]]


def test_mixed_blocks_keep_their_order_between_lists_and_tables() -> None:
    blocks = [para("b1"), item("b2"), item("b3", 2), para("b4"), cell("b5", 1, 1), cell("b6", 1, 2), item("b7"), para("b8")]
    parts = layout(blocks)
    assert [type(part).__name__ for part in parts] == ["Single", "ListNode", "Single", "Table", "ListNode", "Single"]
    assert [part.block.id for part in parts if isinstance(part, Single)] == ["b1", "b4", "b8"]
    assert layout([]) == []


def test_an_extracted_nested_list_nests() -> None:
    blocks = prepare(extract_page(NESTED_LIST_PAGE)).article.blocks
    (found,) = [part for part in layout(blocks) if isinstance(part, ListNode)]
    assert [entry.block.text for entry in found.entries] == ["Sign the building contract.", "Order the shelving.",
                                                              "Open the doors."]
    assert found.ordered
    (nested,) = found.entries[1].lists
    assert not nested.ordered
    assert [entry.block.text for entry in nested.entries] == ["Oak for the reading room.", "Steel for the stacks."]


def test_plain_text_and_markdown_write_an_extracted_nested_list_as_one_list() -> None:
    article = prepare(extract_page(NESTED_LIST_PAGE)).article
    lines = ("1. Sign the building contract.\n2. Order the shelving.\n   - Oak for the reading room.\n"
             "   - Steel for the stacks.\n3. Open the doors.")
    assert f"\n\n{lines}\n\n" in render_text(article)
    assert f"\n\n{lines}\n\n" in render_markdown(article)


def test_sentence_pieces_keep_the_text_between_sentences() -> None:
    block = Block("b1", BlockKind.PARAGRAPH, "One here.  Two there! Tail")
    block.sentences = [Sentence("b1.s1", "One here.", "One here.", 0, 9),
                       Sentence("b1.s2", "Two there!", "Two there!", 11, 21)]
    assert sentence_pieces(block) == [Piece("One here.", "b1.s1"), Piece("  "), Piece("Two there!", "b1.s2"),
                                      Piece(" Tail")]


def test_sentence_pieces_of_offsets_that_do_not_fit_lose_no_words() -> None:
    block = Block("b1", BlockKind.PARAGRAPH, "Short.")
    block.sentences = [Sentence("b1.s1", "Short.", "Short.", 0, 6), Sentence("b1.s2", "Lost?", "Lost?", 40, 45)]
    assert sentence_pieces(block) == [Piece("Short.", "b1.s1"), Piece(" "), Piece("Lost?", "b1.s2")]
    assert sentence_pieces(Block("b2", BlockKind.PARAGRAPH, "No sentences yet")) == [Piece("No sentences yet")]
