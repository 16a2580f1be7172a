"""Small DOM operations over lxml with the browser DOM's semantics, which the Readability port relies on.

lxml keeps the text that follows an element in that element's ``tail``, so ``parent.remove(el)`` also
drops the text after it and ``new_parent.append(el)`` carries it along. In a browser DOM that text is a
separate node that stays put. The helpers here restore the DOM behaviour where it matters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree, html

from .rules import NORMALIZE_SPACES, TOKENIZE

_STRING = etree.XPath("string()")
_WHITESPACE_RUN = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\s*\n\s*")

HtmlElement = html.HtmlElement


def text_content(el: HtmlElement) -> str:
    """All descendant text, like the DOM's ``textContent`` (fast: one XPath call in C)."""
    return str(_STRING(el))


def inner_text(el: HtmlElement, normalize: bool = True) -> str:
    """Readability's ``_getInnerText``: trimmed text content with runs of whitespace collapsed."""
    text = text_content(el).strip()
    return NORMALIZE_SPACES.sub(" ", text) if normalize else text


def normalise_text(text: str) -> str:
    """Collapse spaces within lines and blank lines between them; keep single line breaks."""
    text = _WHITESPACE_RUN.sub(" ", text)
    return _BLANK_LINES.sub("\n", text).strip()


def is_element(node: object) -> bool:
    return isinstance(node, etree._Element) and isinstance(node.tag, str)


def element_children(el: HtmlElement) -> list[HtmlElement]:
    return [child for child in el if isinstance(child.tag, str)]


def has_attr(el: HtmlElement, name: str) -> bool:
    return el.get(name) is not None


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


def css_path(el: HtmlElement, depth: int = 4) -> str:
    """A short CSS-like path (``div#main > aside.related``) so a removal can be found in the source."""
    parts = []
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
