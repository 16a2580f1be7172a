"""Main-content detection: a port of Mozilla Readability.js's ``_grabArticle`` over an lxml DOM.

The algorithm, step for step as Readability.js does it (Apache-2.0, mozilla/readability):

1. walk the document once, dropping hidden nodes, the byline, the headline repeated in the body and,
   on the first pass, nodes whose class/id/role says they are page chrome; divs holding only phrasing
   content become paragraphs;
2. score each paragraph-like element (commas, length) and give the score to its ancestors, halving it
   for the grandparent and dividing it further up; scale each candidate by its link density;
3. take the best candidate (or a shared ancestor of several close ones), then the siblings that score
   well or read like prose;
4. clean the result (forms, embeds, share bars, link-heavy or image-heavy blocks);
5. if fewer than 500 characters remain, restore the page and retry with one flag fewer (strip
   unlikelys, weight classes, clean conditionally), finally keeping the longest attempt.

What readaloud adds: every piece of chrome dropped is recorded as a :class:`Removal` with a human
reason (:func:`removal_reason`), so ``--explain`` can say what was left out and why.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from ..model import Removal
from .dom import (
    HtmlElement,
    ancestors,
    block_text,
    child_text_nodes,
    class_and_id,
    detach_tail,
    element_children,
    has_ancestor_tag,
    has_text,
    inner_text,
    next_node,
    remove_and_get_next,
    remove_keeping_tail,
    replace_with,
    source_position,
    text_content,
    text_length,
    text_similarity,
)
from .rules import (
    AD_WORDS,
    ALL_FLAGS,
    ALTER_TO_DIV_EXCEPTIONS,
    AUTHOR_BOX_ELEMENTS,
    AUTHOR_BOX_MAX_CHARS,
    B64_DATA_URL,
    BYLINE,
    BYLINE_MAX_CHARS,
    CHAR_THRESHOLD,
    CHROME_CLASS_REASONS,
    CLEAN_FORM_TAGS,
    CLEAN_TAGS,
    COMMAS,
    DATA_TABLE_DESCENDANTS,
    DISPLAY_NONE,
    DIV_TO_P_ELEMS,
    EMPTY_CONTAINER_TAGS,
    FLAG_CLEAN_CONDITIONALLY,
    FLAG_STRIP_UNLIKELYS,
    FLAG_WEIGHT_CLASSES,
    HAS_CONTENT,
    HASH_URL,
    HEADING_TAGS,
    IMAGE_URL,
    KICKER_CLASSES,
    KICKER_CLASSES_ANYWHERE,
    KICKER_MAX_WORDS,
    LOADING_WORDS,
    MAX_NESTING,
    N_TOP_CANDIDATES,
    NAMED_CHROME_REASONS,
    NEGATIVE,
    NEWSLETTER_ELEMENTS,
    NOT_NEGATIVE_TOKEN,
    OK_MAYBE_ITS_A_CANDIDATE,
    ORDER_FORM_FIELDS,
    ORDER_FORM_MIN_FIELDS,
    PHRASING_ELEMS,
    POSITIVE,
    PROSE_MAX_LINK_DENSITY,
    REASON_AUTHOR_BOX,
    REASON_BYLINE,
    REASON_COOKIE,
    REASON_DIALOG,
    REASON_FORM,
    REASON_HIDDEN,
    REASON_LOW_DENSITY,
    REASON_NEWSLETTER,
    REASON_OUTSIDE,
    REASON_SCRIPT,
    REASON_SECTION_LABEL,
    REASON_SHARE,
    REASON_TITLE,
    REASON_UNLIKELY,
    ROLE_REASONS,
    SHARE_ELEMENTS,
    TAG_BASE_SCORES,
    TAG_REASONS,
    TAGS_TO_SCORE,
    TITLE_SIMILARITY,
    TRANSPARENT_PHRASING,
    UNLIKELY_CANDIDATES,
    UNLIKELY_ROLES,
    VIDEOS,
    VISIBILITY_HIDDEN,
)
from .textrules import CONSENT_MAX_CHARS, CONSENT_NOTICE, CONSENT_PAGE_TITLE, classify_line

WORD = re.compile(r"\w")
# Elements with a text node of their own naming cookies, and the blocks that hold a consent sentence.
CONSENT_TEXT_HOLDERS = ".//*[text()[contains(translate(., 'COKIE', 'cokie'), 'cookie')]]"
# The same word, looked for node by node first: the body's whole text in one string (and its lower-
# cased copy) cost 100 MB more at the peak on a 49 MB page (benchmarks/limits.py).
CONSENT_WORD = re.compile("cookie", re.IGNORECASE)
CONSENT_BLOCK_TAGS = frozenset({"p", "div", "section", "aside", "form", "dialog", "li", "td"})
_DEPTH = etree.XPath("count(ancestor::*)")
TEXTISH_TAGS = ("span", "li", "td", *sorted(DIV_TO_P_ELEMS))
EMBED_TAGS = ("object", "embed", "iframe")
# A removal record shows this much of the removed text.
RECORD_CHARS = 200
# How many of the close runners-up must share an ancestor for it to replace the top candidate.
MINIMUM_TOP_CANDIDATES = 3
# Class/id of a post's author line in forum software (phpBB "postauthor"/"username", vBulletin
# "username", Discourse "creator"/"names", XenForo "message-name", Reddit "author", Stack Exchange
# "user-details"); the containers up to this many levels around it stay with it.
POST_AUTHOR = re.compile(r"author|username|user-name|user-details|poster|creator|message-name|(^|\s)names?(\s|$)", re.I)
POST_AUTHOR_LEVELS = 2
# A thread's posts: this many siblings alike (tag and class), searched this many levels above the top.
REPEATED_ITEM_MIN = 3
REPEATED_ITEM_LEVELS = 3


@dataclass
class Attempt:
    """One pass of the retry ladder: what it found and what it dropped on the way."""

    content: HtmlElement
    text_length: int
    removed: list[Removal]
    chrome: str = ""


@dataclass
class Extraction:
    """The article element (None if the page has no text at all) and what the walk learnt."""

    content: HtmlElement | None
    byline: str = ""
    shown_byline: str = ""  # the byline element's text when the head declared a byline too
    dir: str = ""
    removed: list[Removal] = field(default_factory=list)
    # The whole text of what was removed as page chrome by name (comments, related links, menus...), so a
    # second opinion on the page (html.second_opinion) can leave out what we know is not the article.
    chrome: str = ""
    # The body as it was before the walk (Readability keeps it for its retries): where the captions are.
    page: HtmlElement | None = None


def removal_reason(el: HtmlElement, default: str, text: str = "") -> str:
    """A human reason for dropping ``el``: what its class/id, role or tag says it is, or what its
    (short) text says it is ("Skip to main content"), else ``default``."""
    names = class_and_id(el).strip()
    if names:
        for reason, pattern in CHROME_CLASS_REASONS:
            if pattern.search(names):
                return reason
    role = (el.get("role") or "").strip().lower()
    if role in ROLE_REASONS:
        return ROLE_REASONS[role]
    if el.tag in TAG_REASONS:
        return TAG_REASONS[el.tag]
    return (classify_line(text) if text else None) or default


def is_probably_visible(el: HtmlElement) -> bool:
    """Readability's ``_isProbablyVisible``: not display:none, visibility:hidden, hidden or aria-hidden."""
    style = el.get("style")
    if style and (DISPLAY_NONE.search(style) or VISIBILITY_HIDDEN.search(style)):
        return False
    if el.get("hidden") is not None:
        return False
    return el.get("aria-hidden") != "true" or "fallback-image" in (el.get("class") or "")


def is_kicker(el: HtmlElement, match_string: str) -> bool:
    """A section label above the headline (readaloud addition: it is not part of the article)."""
    if not KICKER_CLASSES_ANYWHERE.search(match_string):
        return False
    if not any(KICKER_CLASSES.search(token) for token in match_string.split()):
        return False
    return len(text_content(el).split()) <= KICKER_MAX_WORDS


def is_phrasing_content(node: HtmlElement | str) -> bool:
    """Readability's ``_isPhrasingContent``; text (a ``str``) is always phrasing. a/del/ins are
    phrasing when all their children are (checked with a stack: they may nest deeply)."""
    if isinstance(node, str):
        return True
    pending = [node]
    while pending:
        el = pending.pop()
        if el.tag in PHRASING_ELEMS:
            continue
        if el.tag not in TRANSPARENT_PHRASING:
            return False
        pending.extend(el)
    return True


def is_whitespace_node(node: HtmlElement | str) -> bool:
    if isinstance(node, str):
        return not node.strip()
    return node.tag == "br"


def has_single_tag_inside(el: HtmlElement, tag: str) -> bool:
    """Exactly one element child, a ``tag``, and no text node ending in a non-space (Readability)."""
    if len(el) != 1 or el[0].tag != tag:
        return False
    return not any(HAS_CONTENT.search(text) for text in child_text_nodes(el))


def is_element_without_content(el: HtmlElement) -> bool:
    children = len(el)
    if children and children != sum(1 for _ in el.iterdescendants("br", "hr")):
        return False  # most elements: decided without collecting the text of the whole subtree
    return not has_text(el)


def has_child_block_element(el: HtmlElement) -> bool:
    return next(el.iterdescendants(*DIV_TO_P_ELEMS), None) is not None


def link_density(el: HtmlElement, link_lengths: dict[HtmlElement, float] | None = None) -> float:
    """Share of ``el``'s text inside links (in-page ``#`` links count 0.3). ``link_lengths`` keeps each
    link's weighted length for a caller that measures nested elements of an unchanging tree."""
    length = text_length(el)
    if not length:
        return 0.0
    linked = 0.0
    for link in el.iterdescendants("a"):
        weighted = link_lengths.get(link) if link_lengths is not None else None
        if weighted is None:
            coefficient = 0.3 if HASH_URL.match(link.get("href") or "") else 1.0
            weighted = text_length(link) * coefficient
            if link_lengths is not None:
                link_lengths[link] = weighted
        linked += weighted
    return linked / length


def text_density(el: HtmlElement, tags: tuple[str, ...]) -> float:
    length = text_length(el)
    if not length:
        return 0.0
    return sum(text_length(child) for child in el.iterdescendants(*tags)) / length


def is_data_table(table: HtmlElement) -> bool:
    """Readability's ``_markDataTables`` test (after Firefox's accessibility heuristics)."""
    if table.get("role") == "presentation" or table.get("datatable") == "0":
        return False
    if table.get("summary"):
        return True
    caption = next(table.iterdescendants("caption"), None)
    if caption is not None and (len(caption) or caption.text):
        return True
    if next(table.iterdescendants(*DATA_TABLE_DESCENDANTS), None) is not None:
        return True
    if next(table.iterdescendants("table"), None) is not None:
        return False
    rows, columns = row_and_column_count(table)
    if columns == 1 or rows == 1:
        return False
    if rows >= 10 or columns > 4:
        return True
    return rows * columns > 10


def row_and_column_count(table: HtmlElement) -> tuple[int, int]:
    rows = columns = 0
    for tr in table.iterdescendants("tr"):
        rows += _int_attribute(tr, "rowspan") or 1
        columns = max(columns, sum(_int_attribute(td, "colspan") or 1 for td in tr.iterdescendants("td")))
    return rows, columns


def _int_attribute(el: HtmlElement, name: str) -> int:
    value = (el.get(name) or "").strip()
    digits = ""
    for char in value:
        if not char.isdigit():
            break
        digits += char
    return int(digits) if digits else 0


def wrap_phrasing_runs(div: HtmlElement) -> None:
    """Put each run of phrasing content (text, inline elements) of a div into a new <p>."""
    tokens: list[HtmlElement | str] = []
    if div.text:
        tokens.append(div.text)
    for child in div:
        tokens.append(child)
        if child.tail:
            tokens.append(child.tail)
    if not any(is_phrasing_content(t) and not is_whitespace_node(t) for t in tokens):
        return
    div.text = None
    for child in list(div):
        child.tail = None
        div.remove(child)
    paragraph: HtmlElement | None = None
    for token in tokens:
        if is_phrasing_content(token):
            if paragraph is not None:
                _append_node(paragraph, token)
            elif not is_whitespace_node(token):
                paragraph = div.makeelement("p", {})
                div.append(paragraph)
                _append_node(paragraph, token)
            else:
                _append_node(div, token)
        else:
            if paragraph is not None:
                trim_trailing_whitespace(paragraph)
                paragraph = None
            _append_node(div, token)


def _append_node(parent: HtmlElement, node: HtmlElement | str) -> None:
    if isinstance(node, str):
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + node
        else:
            parent.text = (parent.text or "") + node
    else:
        parent.append(node)


def trim_trailing_whitespace(el: HtmlElement) -> None:
    """Drop trailing whitespace text and <br>s from ``el``, as Readability does to a new paragraph."""
    while True:
        if len(el):
            last = el[-1]
            if last.tail:
                if last.tail.strip():
                    return
                last.tail = None
                continue
            if last.tag == "br":
                el.remove(last)
                continue
            return
        if el.text and not el.text.strip():
            el.text = None
        return


def replace_brs(body: HtmlElement) -> None:
    """Readability's ``_replaceBrs``: two or more <br>s in a row end a paragraph; make them a <p>."""
    for br in list(body.iter("br")):
        if br.getparent() is None:
            continue
        replaced = False
        while not (br.tail and br.tail.strip()):
            following = br.getnext()
            if following is None or following.tag != "br":
                break
            replaced = True
            br.tail = (br.tail or "") + (following.tail or "")
            following.tail = None
            br.getparent().remove(following)
        if not replaced:
            continue
        paragraph = br.makeelement("p", {})
        paragraph.text = br.tail
        br.tail = None
        parent = br.getparent()
        parent.replace(br, paragraph)
        _fill_paragraph_from_siblings(paragraph)
        trim_trailing_whitespace(paragraph)
        if parent.tag == "p":
            parent.tag = "div"


def _fill_paragraph_from_siblings(paragraph: HtmlElement) -> None:
    """Move the phrasing siblings after a new paragraph into it, up to the next <br><br>."""
    sibling = paragraph.getnext()
    while sibling is not None:
        if sibling.tag == "br" and not (sibling.tail and sibling.tail.strip()):
            after = sibling.getnext()
            if after is not None and after.tag == "br":
                break
        if not is_phrasing_content(sibling):
            break
        following = sibling.getnext()
        paragraph.append(sibling)  # its tail (the text after it) comes along, as DOM siblings would
        sibling = following


class ReadabilityExtractor:
    """One extraction over one document. Holds the per-page state Readability.js keeps on ``this``."""

    def __init__(self, doc: HtmlElement, title: str, metadata_byline: str = "") -> None:
        self.doc = doc
        self.title = title
        self.metadata_byline = metadata_byline
        self.flags = ALL_FLAGS
        self.byline = ""
        self.shown_byline = ""
        self.dir = ""
        self.scores: dict[HtmlElement, float] = {}
        self.data_tables: set[HtmlElement] = set()
        self.removed: list[Removal] = []
        self.removal_lines: list[int] = []  # source line of each of self.removed, to list them in page order
        self.chrome: list[str] = []
        self.kept_authors: set[HtmlElement] = set()
        self.pristine: HtmlElement | None = None  # a thread's post authors and what holds them in a post
        self.prepared_removals: list[Removal] = []

    # --- preparation (Readability's parse() before _grabArticle) ----------------------------------

    def prepare(self) -> None:
        """Remove scripts and styles, turn <br><br> into paragraphs and <font> into <span>."""
        self._remove_placeholder_images()
        self._unwrap_page_noscript()
        self._place_streamed_content()
        scripts = list(self.doc.iter("script", "noscript", "style"))
        counted = sum(1 for el in scripts if el.tag != "noscript" and (el.text or "").strip())
        for el in scripts:
            remove_keeping_tail(el)
        if counted:
            self.prepared_removals.append(Removal(REASON_SCRIPT, f"{counted} script and style elements", "head, body"))
        body = self.doc.find("body")
        if body is not None:
            replace_brs(body)
        for font in self.doc.iter("font"):
            font.tag = "span"
        if body is not None:
            self._remove_consent_notices(body)

    def _remove_consent_notices(self, body: HtmlElement) -> None:
        """A cookie banner's text is never the article; on listing pages it outscored the items (issue 8).
        The nearest block around a consent sentence goes, with the reason, before anything is scored."""
        if CONSENT_PAGE_TITLE.search(self.title):
            return
        if not any(CONSENT_WORD.search(text) for text in body.itertext()):
            return  # no text node holds "cookie" (the XPath's translate() costs 1-3 ms a page)
        for holder in body.xpath(CONSENT_TEXT_HOLDERS):
            block = next((el for el in holder.iterancestors() if el.tag in CONSENT_BLOCK_TAGS), None)
            if holder.tag in CONSENT_BLOCK_TAGS:
                block = holder
            if block is None or block is body or block.getparent() is None or not any(a is body for a in block.iterancestors()):
                continue
            text = text_content(block)
            if len(text) <= CONSENT_MAX_CHARS and CONSENT_NOTICE.search(" ".join(text.split())):
                self.prepared_removals.append(Removal(REASON_COOKIE, " ".join(text.split())[:RECORD_CHARS], source_position(block)))
                remove_keeping_tail(block)

    def _unwrap_page_noscript(self) -> None:
        """Script-built pages (Discourse forums, single-page apps) ship their content a second time in a
        <noscript> for readers without JavaScript; a saved copy has little else. When a <noscript> holds
        blocks and most of the body's text, it is the page: keep its content, drop the wrapper."""
        body = self.doc.find("body")
        if body is None:
            return
        noscripts = list(body.iter("noscript"))
        if not noscripts:  # most pages: no need to measure the whole body's text
            return
        body_length = text_length(body)
        for noscript in noscripts:
            length = text_length(noscript)
            if (
                length >= CHAR_THRESHOLD
                and 2 * length > body_length
                and next(noscript.iterdescendants(*DIV_TO_P_ELEMS), None) is not None
            ):
                noscript.tag = "div"

    def _place_streamed_content(self) -> None:
        """React's streamed rendering (Next.js and other React 18 servers) sends the page's slow parts
        last, each in a ``<div hidden id="S:n">``, and leaves a ``<template id="B:n">`` (or ``P:n``) where
        a script moves it once it arrives. A saved page holds both and the script never ran: put each
        hidden part where its template stands, shown, as the reader saw it."""
        templates = [t for t in self.doc.iter("template") if STREAMED_PLACEHOLDER.match(t.get("id") or "")]
        if not templates:  # nearly every page
            return
        parts = {el.get("id"): el for el in self.doc.iterfind(".//div[@hidden][@id]")}
        for template in templates:
            part = parts.pop("S:" + (template.get("id") or "")[2:], None)
            if part is None or template.getparent() is None or any(a is part for a in ancestors(template)):
                continue
            del part.attrib["hidden"]
            replace_with(template, part)

    def _remove_placeholder_images(self) -> None:
        """Images with no source at all are lazy-loading placeholders (Readability's noscript step)."""
        for img in list(self.doc.iter("img")):
            attributes = img.attrib
            if any(name in attributes for name in ("src", "srcset", "data-src", "data-srcset")):
                continue
            if any(IMAGE_URL.search(value) for value in attributes.values()):
                continue
            remove_keeping_tail(img)

    # --- the retry ladder -------------------------------------------------------------------------

    def extract(self) -> Extraction:
        body = self.doc.find("body")
        if body is None:
            return Extraction(None)
        pristine = copy.deepcopy(body)
        self.pristine = pristine
        attempts: list[Attempt] = []
        while True:
            self.scores, self.data_tables, self.removed, self.removal_lines, self.chrome = {}, set(), [], [], []
            content = self._grab(body)
            length = text_length(content)
            removed = [r for _, r in sorted(zip(self.removal_lines, self.removed), key=lambda pair: pair[0])]
            if length >= CHAR_THRESHOLD:
                return self._finish(content, removed, "\n".join(self.chrome))
            attempts.append(Attempt(content, length, removed, "\n".join(self.chrome)))
            fresh = copy.deepcopy(pristine)
            self.doc.replace(body, fresh)
            body = fresh
            if self.flags & FLAG_STRIP_UNLIKELYS:
                self.flags &= ~FLAG_STRIP_UNLIKELYS
            elif self.flags & FLAG_WEIGHT_CLASSES:
                self.flags &= ~FLAG_WEIGHT_CLASSES
            elif self.flags & FLAG_CLEAN_CONDITIONALLY:
                self.flags &= ~FLAG_CLEAN_CONDITIONALLY
            else:
                best = max(attempts, key=lambda a: a.text_length)  # the first of equals, as a stable sort
                if not best.text_length:
                    return Extraction(None, byline=self.byline, removed=list(self.prepared_removals))
                return self._finish(best.content, best.removed, best.chrome)

    def _finish(self, content: HtmlElement, removed: list[Removal], chrome: str) -> Extraction:
        return Extraction(content, byline=self.byline, shown_byline=self.shown_byline, dir=self.dir, removed=self.prepared_removals + removed,
                          chrome=chrome, page=self.pristine)

    # --- one pass ---------------------------------------------------------------------------------

    def _grab(self, body: HtmlElement) -> HtmlElement:
        elements_to_score = self._walk_and_prune()
        candidates = self._score_paragraphs(elements_to_score)
        top_candidate, parent = self._choose_top_candidate(candidates, body)
        item = self._repeated_item(top_candidate, body)
        if item is not None:
            top_candidate, parent = item, item.getparent()
            if top_candidate not in self.scores:
                self._initialize(top_candidate)
        content = self._gather_siblings(top_candidate, parent, repeated=item is not None)
        self.kept_authors = post_authors(content)
        self._record_outside(parent, body)
        self._prep_article(content)
        self.dir = self._find_dir(top_candidate, parent)
        return content

    def _walk_and_prune(self) -> list[HtmlElement]:
        strip_unlikely = bool(self.flags & FLAG_STRIP_UNLIKELYS)
        elements_to_score: list[HtmlElement] = []
        should_remove_title_header = True
        node: HtmlElement | None = self.doc
        while node is not None:
            tag = node.tag
            if tag == "html":
                node = next_node(node)
                continue
            match_string = class_and_id(node)
            has_names = match_string != " "
            if not is_probably_visible(node):
                node = self._drop(node, REASON_HIDDEN, classify=False)
                continue
            if node.get("aria-modal") == "true" and node.get("role") == "dialog":
                node = self._drop(node, REASON_DIALOG, classify=False)
                continue
            if self._check_byline(node, match_string):
                node = self._drop(node, REASON_BYLINE, classify=False)
                continue
            if has_names and is_kicker(node, match_string):
                node = self._drop(node, REASON_SECTION_LABEL, classify=False)
                continue
            if should_remove_title_header and self._header_duplicates_title(node):
                should_remove_title_header = False
                node = self._drop(node, REASON_TITLE, classify=False)
                continue
            if strip_unlikely and tag != "body":
                if (
                    has_names
                    and UNLIKELY_CANDIDATES.search(match_string)
                    and not OK_MAYBE_ITS_A_CANDIDATE.search(match_string)
                    and tag != "a"
                    and not has_ancestor_tag(node, "table")
                    and not has_ancestor_tag(node, "code")
                ):
                    node = self._drop(node, REASON_UNLIKELY)
                    continue
                if node.get("role") in UNLIKELY_ROLES:
                    node = self._drop(node, REASON_UNLIKELY)
                    continue
            if tag == "table" and is_order_form(node):
                node = self._drop(node, REASON_FORM, classify=False)
                continue
            if tag in EMPTY_CONTAINER_TAGS and is_element_without_content(node):
                node = remove_and_get_next(node)
                continue
            if tag in TAGS_TO_SCORE:
                elements_to_score.append(node)
            if tag == "div":
                node = self._div_to_paragraph(node, elements_to_score)
            node = next_node(node)
        return elements_to_score

    def _div_to_paragraph(self, div: HtmlElement, elements_to_score: list[HtmlElement]) -> HtmlElement:
        """Divs used as paragraphs become paragraphs (Readability: "turn all divs ... into p's")."""
        wrap_phrasing_runs(div)
        if has_single_tag_inside(div, "p") and link_density(div) < 0.25:
            paragraph = div[0]
            # readaloud addition: the div's class and id name what the paragraph is (a div.photo-caption
            # around its text is still a caption once it is a paragraph), unless it has names of its own.
            if paragraph.get("class") is None and paragraph.get("id") is None:
                for name in ("class", "id"):
                    if div.get(name) is not None:
                        paragraph.set(name, div.get(name))
            replace_with(div, paragraph)
            elements_to_score.append(paragraph)
            return paragraph
        if not has_child_block_element(div):
            div.tag = "p"
            elements_to_score.append(div)
        return div

    def _drop(self, node: HtmlElement, reason: str, classify: bool = True) -> HtmlElement | None:
        self._record(node, reason, classify)
        return remove_and_get_next(node)

    def _record(self, node: HtmlElement, reason: str, classify: bool = True) -> None:
        """Note a removal; ``reason`` is the rule's, refined by what the node itself says it is."""
        text = " ".join(block_text(node, limit=RECORD_CHARS).split())
        if not WORD.search(text):
            return  # punctuation or nothing: not worth a line in --explain
        if classify:
            reason = removal_reason(node, reason, text)
        self.removed.append(Removal(reason, text[:RECORD_CHARS], source_position(node)))
        self.removal_lines.append(node.sourceline or 0)
        if reason in NAMED_CHROME_REASONS:
            self.chrome.append(" ".join(block_text(node).split()))

    def _check_byline(self, node: HtmlElement, match_string: str) -> bool:
        """Take the page's byline element out of the body. When the head declares a byline the element is
        left in place (html.drop_leading_matter removes it) but its text is kept as ``shown_byline``: the
        name the page shows wins over a head that disagrees (issue 8)."""
        if self.byline:
            return False
        rel, itemprop = node.get("rel"), node.get("itemprop")
        if rel == "author" or (itemprop and "author" in itemprop) or BYLINE.search(match_string):
            text = text_content(node).strip()
            if text and len(text) < BYLINE_MAX_CHARS:
                # A child marked itemprop="name" holds just the name, without "By" or a date.
                name = next((d for d in node.iterdescendants() if "name" in (d.get("itemprop") or "")), None)
                found = " ".join(block_text(name if name is not None else node).split())
                if self.metadata_byline:
                    if not self.shown_byline and not _in_page_chrome(node):
                        self.shown_byline = found
                    return False
                self.byline = found
                return True
        return False

    def _header_duplicates_title(self, node: HtmlElement) -> bool:
        if node.tag not in ("h1", "h2") or not self.title:
            return False
        return text_similarity(self.title, inner_text(node, normalize=False)) > TITLE_SIMILARITY

    def class_weight(self, el: HtmlElement) -> int:
        if not self.flags & FLAG_WEIGHT_CLASSES:
            return 0
        weight = 0
        for value in (el.get("class"), el.get("id")):
            if value:
                if NEGATIVE.search(value):
                    weight -= 25
                if POSITIVE.search(value):
                    weight += 25
        return weight

    def _initialize(self, el: HtmlElement) -> None:
        self.scores[el] = TAG_BASE_SCORES.get(el.tag, 0) + self.class_weight(el)

    def _score_paragraphs(self, elements: list[HtmlElement]) -> list[HtmlElement]:
        candidates: list[HtmlElement] = []
        for element in elements:
            if element.getparent() is None:
                continue
            text = inner_text(element)
            if len(text) < 25:
                continue
            parents = ancestors(element, 5)
            if not parents:
                continue
            pieces = 1 + sum(1 for _ in COMMAS.finditer(text))  # Readability's split(','), without the list
            score = 1 + pieces + min(len(text) // 100, 3)
            for level, ancestor in enumerate(parents):
                if ancestor.getparent() is None:
                    continue
                if ancestor not in self.scores:
                    self._initialize(ancestor)
                    candidates.append(ancestor)
                divider = 1 if level == 0 else 2 if level == 1 else level * 3
                self.scores[ancestor] += score / divider
        return candidates

    def _choose_top_candidate(
        self, candidates: list[HtmlElement], body: HtmlElement
    ) -> tuple[HtmlElement, HtmlElement]:
        top_candidates: list[HtmlElement] = []
        link_lengths: dict[HtmlElement, float] = {}  # candidates nest: each link is measured once
        for candidate in candidates:
            score = self.scores[candidate] * (1 - link_density(candidate, link_lengths))
            self.scores[candidate] = score
            for index in range(N_TOP_CANDIDATES):
                if index >= len(top_candidates) or score > self.scores[top_candidates[index]]:
                    top_candidates.insert(index, candidate)
                    del top_candidates[N_TOP_CANDIDATES:]
                    break

        top = top_candidates[0] if top_candidates else None
        if top is None or top.tag == "body":
            return self._body_as_candidate(body), body

        top = self._shared_ancestor_of_runners_up(top, top_candidates)
        if top not in self.scores:
            self._initialize(top)
        top = self._climb_while_score_rises(top)
        parent = top.getparent()
        while parent is not None and parent.tag != "body" and len(parent) == 1:
            top, parent = parent, parent.getparent()
        if top not in self.scores:
            self._initialize(top)
        return top, parent

    def _body_as_candidate(self, body: HtmlElement) -> HtmlElement:
        """No candidate: wrap everything in the body (text too) in one div and use that."""
        wrapper = body.makeelement("div", {})
        wrapper.text, body.text = body.text, None
        for child in list(body):
            wrapper.append(child)
        body.append(wrapper)
        self._initialize(wrapper)
        return wrapper

    def _shared_ancestor_of_runners_up(self, top: HtmlElement, top_candidates: list[HtmlElement]) -> HtmlElement:
        """If three or more close runners-up share an ancestor above the top candidate, use it."""
        top_score = self.scores[top]
        runner_up_ancestors = [
            set(ancestors(c)) for c in top_candidates[1:] if top_score and self.scores[c] / top_score >= 0.75
        ]
        if len(runner_up_ancestors) < MINIMUM_TOP_CANDIDATES:
            return top
        parent = top.getparent()
        while parent is not None and parent.tag != "body":
            sharing = sum(1 for chain in runner_up_ancestors if parent in chain)
            if sharing >= MINIMUM_TOP_CANDIDATES:
                return parent
            parent = parent.getparent()
        return top

    def _climb_while_score_rises(self, top: HtmlElement) -> HtmlElement:
        """Parents score half their children; a parent scoring *more* holds more content: use it."""
        parent = top.getparent()
        last_score = self.scores[top]
        threshold = last_score / 3
        while parent is not None and parent.tag != "body":
            if parent not in self.scores:
                parent = parent.getparent()
                continue
            parent_score = self.scores[parent]
            if parent_score < threshold:
                break
            if parent_score > last_score:
                return parent
            last_score = parent_score
            parent = parent.getparent()
        return top

    def _repeated_item(self, top: HtmlElement, body: HtmlElement) -> HtmlElement | None:
        """The post of a thread (or the review of a product, the answer of a Q&A page) holding the top
        candidate: an element, at most REPEATED_ITEM_LEVELS up, with REPEATED_ITEM_MIN - 1 or more siblings
        of its tag and class, several of which hold scored text too. Readability keeps the one post
        that scores best; a thread is read as all its posts, in order."""
        node = top
        for _ in range(REPEATED_ITEM_LEVELS + 1):
            parent = node.getparent()
            if parent is None or node is body:
                return None
            names = node.get("class")
            if names and names.strip():
                alike = [s for s in element_children(parent) if s.tag == node.tag and s.get("class") == names]
                with_text = sum(1 for s in alike if s is not node and any(d in self.scores for d in s.iter()))
                if len(alike) >= REPEATED_ITEM_MIN and with_text >= REPEATED_ITEM_MIN - 1:
                    return node
            if parent is body:
                return None
            node = parent
        return None

    def _gather_siblings(self, top: HtmlElement, parent: HtmlElement, repeated: bool = False) -> HtmlElement:
        """The top candidate plus siblings that score well or read like prose (Readability); with
        ``repeated``, every sibling of the top's tag and class too (the other posts of a thread)."""
        content = parent.makeelement("div", {})
        top_score = self.scores[top]
        threshold = max(10.0, top_score * 0.2)
        top_class = top.get("class") or ""
        for sibling in element_children(parent):
            alike = repeated and sibling.tag == top.tag and (sibling.get("class") or "") == top_class
            if sibling is top or alike or self._sibling_belongs(sibling, top_class, top_score, threshold):
                if sibling.tag not in ALTER_TO_DIV_EXCEPTIONS:
                    sibling.tag = "div"
                detach_tail(sibling)
                content.append(sibling)
        return content

    def _sibling_belongs(self, sibling: HtmlElement, top_class: str, top_score: float, threshold: float) -> bool:
        bonus = top_score * 0.2 if top_class and (sibling.get("class") or "") == top_class else 0.0
        if sibling in self.scores and self.scores[sibling] + bonus >= threshold:
            return True
        if sibling.tag != "p":
            return False
        density = link_density(sibling)
        text = inner_text(sibling)
        if len(text) > 80 and density < 0.25:
            return True
        return 0 < len(text) < 80 and density == 0 and _ends_sentence(text)

    def _record_outside(self, parent: HtmlElement, body: HtmlElement) -> None:
        """Record the big pieces of the page left out: the unchosen siblings at each level up to <body>."""
        path_child: HtmlElement | None = None
        level: HtmlElement | None = parent
        while level is not None:
            for sibling in element_children(level):
                if sibling is not path_child:
                    self._record(sibling, REASON_OUTSIDE)
            if level is body:
                break
            path_child, level = level, level.getparent()

    def _find_dir(self, top: HtmlElement, parent: HtmlElement) -> str:
        for el in [parent, top, *ancestors(parent)]:
            if el.get("dir"):
                return el.get("dir")
        return ""

    # --- cleaning the chosen content (Readability's _prepArticle) -----------------------------------

    def _prep_article(self, content: HtmlElement) -> None:
        self.data_tables = {t for t in content.iterdescendants("table") if is_data_table(t)}
        self._fix_lazy_figures(content)
        self._clean_conditionally(content, "form")
        self._clean_conditionally(content, "fieldset")
        for tag in CLEAN_TAGS:
            self._clean(content, tag)
        for child in element_children(content):
            self._clean_matched(child, lambda node: bool(SHARE_ELEMENTS.search(class_and_id(node)))
                                and len(text_content(node)) < CHAR_THRESHOLD, REASON_SHARE)
            self._clean_matched(child, lambda node: bool(NEWSLETTER_ELEMENTS.search(class_and_id(node)))
                                and len(text_content(node)) < CHAR_THRESHOLD, REASON_NEWSLETTER)
            self._clean_matched(child, lambda node: bool(AUTHOR_BOX_ELEMENTS.search(class_and_id(node)))
                                and len(text_content(node)) < AUTHOR_BOX_MAX_CHARS, REASON_AUTHOR_BOX)
        for tag in CLEAN_FORM_TAGS:
            self._clean(content, tag)
        for heading in reversed(list(content.iterdescendants("h1", "h2"))):
            if self.class_weight(heading) < 0:
                self._remove(heading, REASON_UNLIKELY)
        for tag in ("table", "ul", "div"):
            self._clean_conditionally(content, tag)
        for h1 in content.iterdescendants("h1"):
            h1.tag = "h2"
        for paragraph in reversed(list(content.iterdescendants("p"))):
            if next(paragraph.iterdescendants("img", "embed", "object", "iframe"), None) is None and not inner_text(
                paragraph, normalize=False
            ):
                remove_keeping_tail(paragraph)
        for br in list(content.iterdescendants("br")):
            if not (br.tail and br.tail.strip()):
                following = br.getnext()
                if following is not None and following.tag == "p":
                    remove_keeping_tail(br)
        self._unwrap_single_cell_tables(content)

    def _remove(self, node: HtmlElement, default_reason: str) -> None:
        self._record(node, default_reason)
        remove_keeping_tail(node)

    def _fix_lazy_figures(self, content: HtmlElement) -> None:
        """A <figure> with only a lazy-load URL gets an <img> (Readability's _fixLazyImages)."""
        for figure in content.iterdescendants("figure"):
            if next(figure.iterdescendants("img", "picture"), None) is not None:
                continue
            for name, value in figure.attrib.items():
                if name in ("src", "srcset", "alt"):
                    continue
                if IMAGE_URL.search(value) and not B64_DATA_URL.match(value):
                    figure.append(figure.makeelement("img", {"src": value.strip()}))
                    break

    def _clean(self, content: HtmlElement, tag: str) -> None:
        """Remove every ``tag`` (embeds of known video sites stay: people want to see those)."""
        is_embed = tag in EMBED_TAGS
        for node in reversed(list(content.iterdescendants(tag))):
            if node.getparent() is None:
                continue
            if is_embed and _is_allowed_video(node):
                continue
            self._remove(node, TAG_REASONS.get(tag, REASON_UNLIKELY))

    def _clean_matched(self, root: HtmlElement, matches: Callable[[HtmlElement], bool], reason: str) -> None:
        end = next_node(root, ignore_self_and_kids=True)
        node = next_node(root)
        while node is not None and node is not end:
            if matches(node):
                self._record(node, reason)
                node = remove_and_get_next(node)
            else:
                node = next_node(node)

    def _clean_conditionally(self, content: HtmlElement, tag: str) -> None:
        if not self.flags & FLAG_CLEAN_CONDITIONALLY:
            return
        for node in reversed(list(content.iterdescendants(tag))):
            if node.getparent() is not None and _DEPTH(node) <= MAX_NESTING and self._is_fishy(node, tag):
                self._remove(node, REASON_LOW_DENSITY)

    def _is_fishy(self, node: HtmlElement, tag: str) -> bool:
        """Readability's ``_cleanConditionally`` test: too few words for its links, images, inputs."""
        text = inner_text(node)
        is_list = tag in ("ul", "ol")
        if not is_list:
            list_length = sum(text_length(lst) for lst in node.iterdescendants("ul", "ol"))
            is_list = list_length > 0.9 * len(text) if text else list_length > 0
        if tag == "table" and node in self.data_tables:
            return False
        if self.data_tables and has_ancestor_tag(node, "table", -1, self.data_tables.__contains__):
            return False
        if has_ancestor_tag(node, "code") or node in self.kept_authors:
            return False
        if any(t in self.data_tables for t in node.iterdescendants("table")):
            return False
        weight = self.class_weight(node)
        if weight < 0 and not _is_prose_despite_names(node, text):
            return True
        if text.count(",") >= 10:
            return False
        counts = {"p": 0, "img": 0, "li": 0, "input": 0}
        for el in node.iterdescendants("p", "img", "li", "input"):
            counts[el.tag] += 1
        paragraphs, images, inputs = counts["p"], counts["img"], counts["input"]
        list_items = counts["li"] - 100
        embeds = 0
        for embed in node.iterdescendants(*EMBED_TAGS):
            if _is_allowed_video(embed):
                return False
            embeds += 1
        if AD_WORDS.match(text) or LOADING_WORDS.match(text):
            return True
        length = len(text)
        density = link_density(node)
        is_figure_child = has_ancestor_tag(node, "figure")
        remove = (
            (not is_figure_child and images > 1 and paragraphs / images < 0.5)
            or (not is_list and list_items > paragraphs)
            or (inputs > paragraphs // 3)
            or (
                not is_list
                and not is_figure_child
                and length < 25
                and (images == 0 or images > 2)
                and density > 0
                and text_density(node, HEADING_TAGS) < 0.9
            )
            or (not is_list and weight < 25 and density > 0.2)
            or (weight >= 25 and density > 0.5)
            or (embeds == 1 and length < 75)
            or embeds > 1
            or (images == 0 and not _has_textish_text(node))
        )
        if is_list and remove:
            # Simple lists of images stay: every item one image, nothing else.
            if any(len(child) > 1 for child in node):
                return True
            if images == sum(1 for _ in node.iterdescendants("li")):
                return False
        return remove

    def _unwrap_single_cell_tables(self, content: HtmlElement) -> None:
        for table in list(content.iterdescendants("table")):
            if table.getparent() is None:
                continue
            body = table[0] if has_single_tag_inside(table, "tbody") else table
            if not has_single_tag_inside(body, "tr"):
                continue
            row = body[0]
            if not has_single_tag_inside(row, "td"):
                continue
            cell = row[0]
            phrasing = all(is_phrasing_content(child) for child in cell)
            cell.tag = "p" if phrasing else "div"
            replace_with(table, cell)


def is_order_form(table: HtmlElement) -> bool:
    """A table of quantity fields (a shop's variant picker, quick-order list or cart): prices and buttons
    to fill in, not text to read. On a product page it outscored the description (issue 8)."""
    fields = table.xpath(ORDER_FORM_FIELDS)
    return len(fields) >= ORDER_FORM_MIN_FIELDS


def _in_page_chrome(node: HtmlElement) -> bool:
    """Inside a menu, sidebar or footer: a byline there is a widget's ("our authors"), not the article's."""
    return any(ancestor.tag in ("nav", "aside", "footer") for ancestor in node.iterancestors())


def post_authors(content: HtmlElement) -> set[HtmlElement]:
    """The author lines of a thread's posts (schema.org ``itemprop=author``, ``rel=author``, a class
    naming the poster) with their containers inside the post, which link density would otherwise
    clean away: a thread is read as each post's author, then its text. Only with several authors."""
    authors = [
        el for el in content.iterdescendants()
        if isinstance(el.tag, str)
        and ("author" in (el.get("itemprop") or "") or el.get("rel") == "author" or POST_AUTHOR.search(class_and_id(el)))
        and 0 < text_length(el) <= BYLINE_MAX_CHARS
    ]
    if len(authors) < REPEATED_ITEM_MIN:
        return set()  # one author (or two) is a story's byline, not a thread
    kept: set[HtmlElement] = set()
    for el in authors:
        kept.add(el)
        kept.update(a for a in ancestors(el, POST_AUTHOR_LEVELS) if text_length(a) <= BYLINE_MAX_CHARS * 2)
    return kept


def _is_prose_despite_names(node: HtmlElement, text: str) -> bool:
    """readaloud addition: a block of prose (an article's worth of text, few links) whose class is
    negative only for words that do not say what it is: "media" (a picture sits beside the text, as in
    Bootstrap's media object), or a ``-hidden`` modifier of a part or a property of it (Tailwind's
    "overflow-hidden", Drupal's "field--label-hidden", a lazy loader's "lazy-hidden"). Readability
    drops every negatively named node here; such a node is the article's own text."""
    if len(text) < CHAR_THRESHOLD or link_density(node) >= PROSE_MAX_LINK_DENSITY:
        return False
    names = [t for t in class_and_id(node).split() if not NOT_NEGATIVE_TOKEN.search(t)]
    return not NEGATIVE.search(" ".join(names))


def _has_textish_text(node: HtmlElement) -> bool:
    """Readability's "no useful content" test is textDensity(node, textish tags) == 0, which holds
    exactly when no textish descendant has text: stop at the first that has some instead of summing
    them all (quadratic on deeply nested divs)."""
    if not has_text(node):
        return False
    return any(has_text(child) for child in node.iterdescendants(*TEXTISH_TAGS))


def _ends_sentence(text: str) -> bool:
    """Readability's ``/\\.( |$)/`` test: a full stop followed by a space or the end."""
    return ". " in text or text.endswith(".")


def _is_allowed_video(node: HtmlElement) -> bool:
    if any(VIDEOS.search(value) for value in node.attrib.values()):
        return True
    return node.tag == "object" and bool(VIDEOS.search(etree.tostring(node, encoding="unicode")))


# The id of the template React's streamed rendering leaves where a late part of the page goes: a
# Suspense boundary ("B:0") or a segment placeholder ("P:0"); the part itself comes as "S:0".
STREAMED_PLACEHOLDER = re.compile(r"^[BP]:[0-9a-z]+$")


# --- a second opinion: trafilatura's main text, as an element our block builder reads ----------------

# Options for trafilatura's extraction (its own defaults otherwise): tables are content on product and
# documentation pages; images and links are not read aloud; comments are kept because on a forum
# thread the replies are the page (trafilatura files them as comments).


def evidence_content(html: str, include_comments: bool = False) -> HtmlElement | None:
    """trafilatura's main content for ``html`` as a simplified HTML <body> (p, h2-h6, ul/li, pre,
    blockquote, table), or None if it finds none. Imported here, not at module level: only pages our
    own extractor is unsure of pay for trafilatura's import and its run."""
    try:
        import trafilatura
        from trafilatura.htmlprocessing import convert_to_html
    except ImportError:  # an install without it reads our own extraction, as before
        return None
    try:
        document = trafilatura.bare_extraction(
            html, include_comments=include_comments, include_tables=True, include_images=False,
            include_links=False, include_formatting=False, with_metadata=False,
        )
    except (ValueError, TypeError, etree.LxmlError):  # trafilatura signals "nothing found" with ValueError
        return None
    # A Document unless as_dict is asked for (it is not); None when it finds nothing.
    if isinstance(document, dict) or document is None or document.body is None:
        return None
    body = document.body
    comments = getattr(document, "commentsbody", None)
    if include_comments and comments is not None and len(comments):
        for child in list(comments):
            body.append(child)
    return convert_to_html(body).find("body")
