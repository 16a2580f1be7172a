"""Article -> plain text or Markdown, and the record of what extraction removed.

Plain text is what a listener would hear, to read along or pipe on: title, dek, byline, then the spoken
blocks, one blank line between blocks (items of one list and rows of one table stay on adjacent lines).
Captions and credits are not spoken, so they are left out. Markdown is a document to keep: it keeps
captions and credits as italic lines, and rebuilds headings, lists, quotes, code and tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby

from ..model import Article, Block, BlockKind

EXPLAIN_TEXT_CHARS = 100
LIST_INDENT = "   "  # nested items: three spaces clears both "- " and "1. " markers in CommonMark  # removals are listed one per line; long ones are cut with an ellipsis


# --- plain text ------------------------------------------------------------------------------------


def render_text(article: Article) -> str:
    """Title, dek, byline and the spoken body as plain text."""
    parts = [part for part in (article.title, article.dek, article.byline) if part]
    parts.extend(_plain_runs(article.spoken_blocks))
    return "\n\n".join(parts) + "\n" if parts else ""


def _plain_runs(blocks: list[Block]) -> Iterator[str]:
    for _, run in _runs(blocks):
        run = list(run)
        if run[0].kind == BlockKind.LIST_ITEM:
            yield "\n".join(_list_lines(run, markdown=False))
        elif run[0].kind == BlockKind.TABLE_CELL:
            yield "\n".join(" | ".join(cell.text for cell in row) for row in _table_rows(run))
        else:
            yield from (block.text for block in run)


# --- Markdown --------------------------------------------------------------------------------------


def render_markdown(article: Article) -> str:
    """The article as CommonMark: '# title', italic dek and byline, then every block (credits in italics)."""
    parts: list[str] = []
    if article.title:
        parts.append(f"# {escape_markdown(article.title)}")
    parts.extend(f"*{escape_markdown(text)}*" for text in (article.dek, article.byline) if text)
    parts.extend(_markdown_runs(article.blocks))
    return "\n\n".join(parts) + "\n" if parts else ""


def _markdown_runs(blocks: list[Block]) -> Iterator[str]:
    for _, run in _runs(blocks):
        run = list(run)
        if run[0].kind == BlockKind.LIST_ITEM:
            yield "\n".join(_list_lines(run, markdown=True))
        elif run[0].kind == BlockKind.TABLE_CELL:
            yield _markdown_table(run)
        else:
            yield from (_markdown_block(block) for block in run)


def _markdown_block(block: Block) -> str:
    text = escape_markdown(block.text)
    if block.kind == BlockKind.HEADING:
        return f"{'#' * min(6, max(2, block.level or 2))} {text}"
    if block.kind == BlockKind.QUOTE:
        return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))
    if block.kind == BlockKind.PREFORMATTED:
        fence = _fence_for(block.text)
        return f"{fence}\n{block.text}\n{fence}"
    if not block.spoken:
        return f"*{text}*"
    return text


def _fence_for(code: str) -> str:
    """A backtick fence longer than any run of backticks inside the code."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    return "`" * max(3, longest + 1)


def _markdown_table(cells: list[Block]) -> str:
    rows = [[escape_markdown(cell.text).replace("|", "\\|").replace("\n", " ") for cell in row] for row in _table_rows(cells)]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    header, *body = rows
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * width]
    lines.extend("| " + " | ".join(row) + " |" for row in body)
    return "\n".join(lines)


MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<])")
LINE_START_SPECIALS = re.compile(r"^(\s*)([#>+\-]|\d+[.)])(?=\s|$)", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Escape what Markdown would read as markup, leaving ordinary punctuation alone."""
    text = MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return LINE_START_SPECIALS.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text)


def _escape_marker(marker: str) -> str:
    return marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker


# --- shared: lists and tables ----------------------------------------------------------------------


def _runs(blocks: list[Block]) -> Iterator[tuple[tuple, Iterator[Block]]]:
    """Group adjacent list items / table cells of one list or table; every other block stands alone."""

    def key(indexed: tuple[int, Block]) -> tuple:
        index, block = indexed
        if block.kind == BlockKind.LIST_ITEM:
            return ("list", block.group)
        if block.kind == BlockKind.TABLE_CELL:
            return ("table", block.group)
        return ("single", index)

    for group_key, run in groupby(enumerate(blocks), key=key):
        yield group_key, (block for _, block in run)


def _list_lines(items: list[Block], markdown: bool) -> list[str]:
    """'- item' / '1. item' lines, indented by nesting depth, numbered per depth."""
    counters: dict[int, int] = {}
    lines = []
    for item in items:
        depth = max(1, item.level)
        counters = {d: n for d, n in counters.items() if d <= depth}
        counters[depth] = counters.get(depth, 0) + 1
        marker = f"{counters[depth]}." if item.ordered else "-"
        text = escape_markdown(item.text) if markdown else item.text
        lines.append(f"{LIST_INDENT * (depth - 1)}{marker} {text}")
    return lines


def _table_rows(cells: list[Block]) -> list[list[Block]]:
    ordered = sorted(cells, key=lambda cell: (cell.row, cell.column))
    return [list(row) for _, row in groupby(ordered, key=lambda cell: cell.row)]


# --- removals --------------------------------------------------------------------------------------


def render_removals(article: Article) -> str:
    """One line per removed piece of chrome: reason, where it was, and (the start of) its text."""
    lines = [f"removed: {len(article.removed)} item{'s' if len(article.removed) != 1 else ''}"]
    for removal in article.removed:
        text = " ".join(removal.text.split())
        if len(text) > EXPLAIN_TEXT_CHARS:
            text = text[: EXPLAIN_TEXT_CHARS - 1].rstrip() + "…"
        where = f" ({removal.where})" if removal.where else ""
        lines.append(f"- {removal.reason}{where}: {text}")
    return "\n".join(lines) + "\n"
