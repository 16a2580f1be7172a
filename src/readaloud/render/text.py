"""Article -> plain text or Markdown, and the record of what extraction removed.

Plain text is what a listener would hear, to read along or pipe on: title, dek, byline, then the spoken
blocks, one blank line between blocks (items of one list and rows of one table stay on adjacent lines).
Captions and credits are not spoken, so they are left out. Markdown is a document to keep: it keeps
captions and credits as italic lines, and rebuilds headings, lists, quotes, code and tables. Which blocks
form a list (and how lists nest) or a table is render/layout.py's decision, shared with the player and
the books; this module only writes it as lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..model import Article, Block, BlockKind
from .layout import ListNode, Part, Table, layout

EXPLAIN_TEXT_CHARS = 100  # removals are listed one per line; long ones are cut with an ellipsis
LIST_INDENT = "   "  # nested items: three spaces clears both "- " and "1. " markers in CommonMark


# --- plain text ------------------------------------------------------------------------------------


def render_text(article: Article) -> str:
    """Title, dek, byline and the spoken body as plain text."""
    parts = [part for part in (article.title, article.dek, article.byline) if part]
    parts.extend(_plain_runs(article.spoken_blocks))
    return "\n\n".join(parts) + "\n" if parts else ""


def _plain_runs(blocks: list[Block]) -> Iterator[str]:
    for part in layout(blocks):
        if isinstance(part, ListNode):
            yield "\n".join(_list_lines(part, _as_is))
        elif isinstance(part, Table):
            yield "\n".join(" | ".join(cell.text for cell in row.cells) for row in part.rows)
        else:
            yield part.block.text


def _as_is(text: str) -> str:
    return text


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
    for part in layout(blocks):
        yield _markdown_part(part)


def _markdown_part(part: Part) -> str:
    if isinstance(part, ListNode):
        return "\n".join(_list_lines(part, escape_markdown))
    if isinstance(part, Table):
        return _markdown_table(part)
    return _markdown_block(part.block)


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


def _markdown_table(table: Table) -> str:
    rows = [[escape_markdown(cell.text).replace("|", "\\|").replace("\n", " ") for cell in row.cells] for row in table.rows]
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


# --- shared: lists ---------------------------------------------------------------------------------


def _list_lines(found: ListNode, escape: Callable[[str], str], depth: int = 0) -> list[str]:
    """'- item' / '1. item' lines, each nested list indented one step under its item and numbered anew."""
    lines = []
    for number, entry in enumerate(found.entries, start=1):
        marker = f"{number}." if found.ordered else "-"
        lines.append(f"{LIST_INDENT * depth}{marker} {escape(entry.block.text)}")
        for nested in entry.lists:
            lines.extend(_list_lines(nested, escape, depth + 1))
    return lines


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
