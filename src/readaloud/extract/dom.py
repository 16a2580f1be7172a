"""Small DOM operations over lxml with the browser DOM's semantics, which the Readability port relies on.

lxml keeps the text that follows an element in that element's ``tail``, so ``parent.remove(el)`` also
drops the text after it and ``new_parent.append(el)`` carries it along. In a browser DOM that text is a
separate node that stays put. The helpers here restore the DOM behaviour where it matters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TypeAlias

from lxml import etree

from .rules import BLOCK_TAGS, NON_TEXT_TAGS, TOKENIZE

_STRING = etree.XPath("string()", smart_strings=False)  # a plain str: no second copy to drop the smart one
# Length of the text with whitespace runs collapsed, computed in C (XPath's normalize-space collapses
# ASCII whitespace only; a no-break space counts as a letter there, a difference the scores never feel).
_NORMALIZED_LENGTH = etree.XPath("string-length(normalize-space())")
_HAS_TEXT = etree.XPath("boolean(normalize-space())")
_SPACES = re.compile(r"\s+")
# Line breaks are collected as a control character the parser never lets through (html.py strips
# them), so that one regex pass can collapse source whitespace without touching them.
LINE_BREAK = "\x00"
_LINE_BREAKS = re.compile(r" ?\x00[ \x00]*")

# The parser gives plain etree elements (see html.parse_document); this name says they hold HTML.
HtmlElement: TypeAlias = etree._Element


def text_content(el: HtmlElement) -> str:
    """All descendant text, like the DOM's ``textContent`` (fast: one XPath call in C)."""
    return str(_STRING(el))


def inner_text(el: HtmlElement, normalize: bool = True) -> str:
    """Readability's ``_getInnerText``: trimmed text content with runs of whitespace collapsed.

    (Readability collapses runs of two or more; a lone tab or newline stays. Collapsing every run
    gives the same length, which is all the scores use, and ``split`` is several times faster.)"""
    text = text_content(el)
    return squash_spaces(text) if normalize else text.strip()


# ``" ".join(text.split())`` holds every word as its own string at once, ten times the text (and so does
# ``re.sub``, which joins a list of its pieces): a 50 MB one-paragraph page peaked near 900 MB in
# extraction. Longer texts are squashed a chunk at a time.
SQUASH_CHUNK_CHARS = 65_536


def squash_spaces(text: str) -> str:
    """Runs of whitespace as one space, trimmed, in memory proportional to the text."""
    if len(text) <= SQUASH_CHUNK_CHARS:
        return " ".join(text.split())
    if text.isprintable() and "  " not in text:
        return text.strip(" ")  # no whitespace but single spaces: nothing to squash, no copy
    squashed: list[str] = []
    carry = ""
    for start in range(0, len(text), SQUASH_CHUNK_CHARS):
        end = start + SQUASH_CHUNK_CHARS
        piece = carry + text[start:end]
        carry = ""
        if end < len(text) and not text[end].isspace() and not piece[-1].isspace():
            cut = max(piece.rfind(" "), piece.rfind("\n"), piece.rfind("\t"))  # a word may go on in the next chunk
            piece, carry = (piece[:cut], piece[cut:]) if cut >= 0 else ("", piece)
        if words := " ".join(piece.split()):
            squashed.append(words)
    if words := " ".join(carry.split()):
        squashed.append(words)
    return " ".join(squashed)


def text_length(el: HtmlElement) -> int:
    """``len(inner_text(el))`` without building the string: link and text densities need only this."""
    return int(_NORMALIZED_LENGTH(el))


def has_text(el: HtmlElement) -> bool:
    """Whether ``el`` holds any non-whitespace text."""
    return bool(_HAS_TEXT(el))


def inline_text(el: HtmlElement) -> list[str]:
    """Pieces of an inline element's text for :func:`join_text` (``<br>`` is a line break)."""
    parts: list[str] = []
    _collect(el, parts, NON_TEXT_TAGS, None)
    return parts


def block_text(el: HtmlElement, skip: frozenset[str] = NON_TEXT_TAGS, limit: int | None = None) -> str:
    """The text a browser shows for ``el``: words joined by single spaces, ``<br>`` and nested
    blocks on lines of their own, the ``skip`` tags (graphics, media fallbacks, form controls; nested
    lists too when a list item asks) left out. With a ``limit``,
    collecting stops once about that many characters are in (for records that show a prefix)."""
    parts: list[str] = []
    _collect(el, parts, skip, [limit] if limit is not None else None)
    return join_text(parts)


def _collect(el: HtmlElement, parts: list[str], skip: frozenset[str], remaining: list[int] | None) -> None:
    """Text pieces of ``el`` in document order, line breaks around blocks and at <br>. Iterative, so
    pathologically deep pages (thousands of nested spans) cannot exhaust Python's stack."""
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        tag = node.tag
        if event == "start":
            if node is not el:
                if not isinstance(tag, str) or tag in skip:
                    walker.skip_subtree()
                    continue
                if tag == "br" or tag in BLOCK_TAGS:
                    parts.append(LINE_BREAK)
            if node.text and _take(node.text, parts, remaining):
                return
        elif node is not el:
            if isinstance(tag, str) and tag in BLOCK_TAGS and tag not in skip:
                parts.append(LINE_BREAK)
            if node.tail and _take(node.tail, parts, remaining):
                return


def _take(text: str, parts: list[str], remaining: list[int] | None) -> bool:
    """Add ``text`` (with a limit, only what fits: a page-sized paragraph asked for a 300-character
    prefix was copied whole, and squashed, at 100 MB); True once the limit is reached."""
    if remaining is None:
        parts.append(text)
        return False
    parts.append(text[: remaining[0]])
    remaining[0] -= len(text)
    return remaining[0] <= 0


def join_text(parts: list[str]) -> str:
    """Join source text pieces and line breaks: whitespace in the source is one space, as in HTML."""
    text = squash_spaces("".join(parts))  # LINE_BREAK is not whitespace: it survives this
    if LINE_BREAK not in text:
        return text
    return _LINE_BREAKS.sub(LINE_BREAK, text).strip(" " + LINE_BREAK).replace(LINE_BREAK, "\n")


def element_children(el: HtmlElement) -> list[HtmlElement]:
    return [child for child in el if isinstance(child.tag, str)]


def class_and_id(el: HtmlElement) -> str:
    """Readability's ``matchString``: the class name and the id, space separated."""
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def remove_keeping_tail(el: HtmlElement) -> None:
    """Detach ``el`` but leave the text that followed it where it was, as a DOM removal does."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        el.tail = None
    parent.remove(el)


def detach_tail(el: HtmlElement) -> None:
    """Leave ``el``'s tail text behind in its current parent before ``el`` is moved elsewhere."""
    if el.tail and el.getparent() is not None:
        tail, el.tail = el.tail, None
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent = el.getparent()
            parent.text = (parent.text or "") + tail


def replace_with(old: HtmlElement, new: HtmlElement) -> None:
    """Put ``new`` where ``old`` is; ``old``'s tail stays in place after ``new``."""
    detach_tail(new)
    new.tail, old.tail = old.tail, None
    old.getparent().replace(old, new)


def next_node(node: HtmlElement, ignore_self_and_kids: bool = False) -> HtmlElement | None:
    """Readability's ``_getNextNode``: depth-first walk over elements."""
    if not ignore_self_and_kids and len(node):
        return node[0]
    sibling = node.getnext()
    if sibling is not None:
        return sibling
    node = node.getparent()
    while node is not None:
        sibling = node.getnext()
        if sibling is not None:
            return sibling
        node = node.getparent()
    return None


def remove_and_get_next(node: HtmlElement) -> HtmlElement | None:
    following = next_node(node, ignore_self_and_kids=True)
    remove_keeping_tail(node)
    return following


def ancestors(node: HtmlElement, max_depth: int = 0) -> list[HtmlElement]:
    """Parents of ``node``, nearest first, at most ``max_depth`` of them (0: all)."""
    found = []
    parent = node.getparent()
    while parent is not None:
        found.append(parent)
        if max_depth and len(found) == max_depth:
            break
        parent = parent.getparent()
    return found


def has_ancestor_tag(node: HtmlElement, tag: str, max_depth: int = 3, accept=None) -> bool:
    """Readability's ``_hasAncestorTag`` (``max_depth`` <= 0: any depth)."""
    depth = 0
    parent = node.getparent()
    while parent is not None:
        if max_depth > 0 and depth > max_depth:
            return False
        if parent.tag == tag and (accept is None or accept(parent)):
            return True
        parent = parent.getparent()
        depth += 1
    return False


def child_text_nodes(el: HtmlElement) -> Iterator[str]:
    """The DOM text-node children of ``el``: its ``text`` and each child's ``tail``."""
    if el.text:
        yield el.text
    for child in el:
        if child.tail:
            yield child.tail


def text_similarity(text_a: str, text_b: str) -> float:
    """Readability's ``_textSimilarity``: 1 when every word of B is in A, 0 when none is."""
    tokens_a = [t for t in TOKENIZE.split(text_a.lower()) if t]
    tokens_b = [t for t in TOKENIZE.split(text_b.lower()) if t]
    if not tokens_a or not tokens_b:
        return 0.0
    known = set(tokens_a)
    unique_b = [t for t in tokens_b if t not in known]
    return 1 - len(" ".join(unique_b)) / len(" ".join(tokens_b))


def source_position(el: HtmlElement) -> str:
    """Where ``el`` is in the page: its source line and a short CSS-like path, for ``--explain``."""
    path = css_path(el)
    return f"line {el.sourceline}: {path}" if el.sourceline else path


def css_path(el: HtmlElement, depth: int = 4) -> str:
    """A short CSS-like path (``div#main > aside.related``) so a removal can be found in the source."""
    parts: list[str] = []
    node: HtmlElement | None = el
    while node is not None and len(parts) < depth and node.tag not in ("html", "body"):
        part = node.tag
        ident = (node.get("id") or "").split()
        if ident:
            part += "#" + ident[0]
        else:
            part += "".join("." + c for c in (node.get("class") or "").split()[:2])
        parts.append(part)
        node = node.getparent()
    return " > ".join(reversed(parts))
