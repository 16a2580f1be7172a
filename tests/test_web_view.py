"""How the player page model is built from an article: lists nest, tables keep rows, headings shift so
the title is the only h1, other languages carry lang and dir. (Where sentences are cut is
render/layout.py's sentence_pieces, tested in test_render_layout.py.)"""

from __future__ import annotations

from readaloud.langtags import direction
from readaloud.model import Article, Block, BlockKind
from readaloud.web.view import player_view


def block(block_id: str, kind: BlockKind = BlockKind.PARAGRAPH, text: str = "Some text.", **fields) -> Block:
    return Block(block_id, kind, text, lang=fields.pop("lang", "en"), **fields)


def test_lists_nest_by_level_and_tables_group_cells_into_rows():
    blocks = [
        block("b1", BlockKind.LIST_ITEM, "Fruit", level=1, group="l1"),
        block("b2", BlockKind.LIST_ITEM, "Apples", level=2, group="l1"),
        block("b3", BlockKind.LIST_ITEM, "Pears", level=2, group="l1"),
        block("b4", BlockKind.LIST_ITEM, "Bread", level=1, group="l1"),
        block("b5", BlockKind.TABLE_CELL, "Year", row=0, column=0, group="t1"),
        block("b6", BlockKind.TABLE_CELL, "Visitors", row=0, column=1, group="t1"),
        block("b7", BlockKind.TABLE_CELL, "2024", row=1, column=0, group="t1"),
        block("b8", BlockKind.TABLE_CELL, "12,000", row=1, column=1, group="t1"),
        block("b9", BlockKind.LIST_ITEM, "Another list", level=1, group="l2", ordered=True),
    ]
    article = Article(title="T", lang="en", blocks=blocks)
    view = player_view(article, [])
    first, table, second = view.body
    assert first.kind == "list" and not first.ordered
    assert [n.block.id for n in first.children] == ["b1", "b4"]
    nested = first.children[0].children[0]
    assert nested.kind == "list" and [n.block.id for n in nested.children] == ["b2", "b3"]
    assert table.kind == "table" and [[c.block.id for c in row.children] for row in table.children] == [["b5", "b6"], ["b7", "b8"]]
    assert second.ordered and [n.block.id for n in second.children] == ["b9"]


def test_body_headings_start_at_h2_whatever_level_the_page_used():
    blocks = [block("b1", BlockKind.HEADING, "Part", level=1), block("b2", BlockKind.HEADING, "Sub", level=2),
              block("b3", BlockKind.HEADING, "Deep", level=9)]
    view = player_view(Article(title="T", lang="en", blocks=blocks), [])
    assert [n.tag for n in view.body] == ["h2", "h3", "h6"]
    deeper = player_view(Article(title="T", lang="en", blocks=[block("b1", BlockKind.HEADING, level=3)]), [])
    assert deeper.body[0].tag == "h2"


def test_other_languages_carry_lang_and_direction_but_the_article_language_does_not():
    blocks = [block("b1", lang="en-GB"), block("b2", lang="fr"), block("b3", lang="he")]
    view = player_view(Article(title="T", lang="en", blocks=blocks), [])
    assert [(n.lang, n.dir) for n in view.body] == [("", ""), ("fr", "ltr"), ("he", "rtl")]
    arabic = player_view(Article(title="T", lang="ar", blocks=[block("b1", lang="ar")]), [])
    assert (arabic.lang, arabic.dir) == ("ar", "rtl")
    assert direction("ar", declared="ltr") == "ltr"  # the page's own dir wins


def test_spoken_blocks_are_numbered_in_speaking_order_and_unspoken_ones_are_not():
    title = block("title", BlockKind.HEADING, "T", level=1)
    body = [block("b1"), block("b2", BlockKind.CAPTION, spoken=False), block("b3")]
    view = player_view(Article(title="T", lang="en", blocks=body), [title, body[0], body[2]])
    assert [n.block.id for n in view.head] == ["title"] and view.head[0].tag == "h1"
    assert [(n.block.id, n.number) for n in view.body] == [("b1", 2), ("b2", 0), ("b3", 3)]
    assert view.spoken_count == 3 and view.heading_count == 1


def test_a_nested_list_with_its_own_group_nests_inside_its_item():
    """Extract gives a nested list its own group; the outer list goes on after it, numbered on."""
    blocks = [
        block("b1", BlockKind.LIST_ITEM, "Sign", level=1, group="l1", ordered=True),
        block("b2", BlockKind.LIST_ITEM, "Order", level=1, group="l1", ordered=True),
        block("b3", BlockKind.LIST_ITEM, "Oak", level=2, group="l2"),
        block("b4", BlockKind.LIST_ITEM, "Open", level=1, group="l1", ordered=True),
    ]
    (outer,) = player_view(Article(title="T", lang="en", blocks=blocks), []).body
    assert outer.kind == "list" and outer.ordered and [n.block.id for n in outer.children] == ["b1", "b2", "b4"]
    (nested,) = outer.children[1].children
    assert nested.kind == "list" and not nested.ordered and [n.block.id for n in nested.children] == ["b3"]
