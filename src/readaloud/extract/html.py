"""HTML -> :class:`Article`: metadata, main content, blocks, and the dek and byline set apart.

The steps, in Readability.js's order where it has one:

1. parse with lxml (comments and processing instructions dropped: they are never text);
2. read the metadata (JSON-LD, meta tags, <title>) while the scripts are still there;
3. remove scripts and styles, turn <br><br> runs into paragraphs (:meth:`ReadabilityExtractor.prepare`);
4. find the dek near the headline, before the content walk moves things about;
5. find and clean the main content (:mod:`.content`), turn it into blocks (:mod:`.blocks`); when that
   reads under DOUBTFUL_SHARE of the page's visible text (forum, product, listing pages), take
   trafilatura's main text as a second opinion, built into blocks by the same rules (imported then only);
6. drop from the start of the body what the Article already holds: the headline, the dek, the byline.
"""

from __future__ import annotations

import re

from lxml import etree

from ..model import Article, Block, BlockKind, Removal
from .blocks import element_to_blocks, mark_captions, page_captions
from .content import Extraction, ReadabilityExtractor, evidence_content, is_probably_visible
from .dom import (
    HtmlElement,
    ancestors,
    block_text,
    class_and_id,
    element_children,
    inner_text,
    text_length,
    text_similarity,
)
from .metadata import Metadata, clean_byline, read_metadata
from .rules import (
    BLOCK_TAGS,
    BYLINE_MAX_CHARS,
    BYLINE_TEXT,
    DATELINE_DATE,
    DATELINE_MAX_CHARS,
    DATELINE_WORDS,
    DEK_CLASSES,
    DEK_MAX_CHARS,
    DEK_MAX_DISTANCE_CHARS,
    DEK_MIN_CHARS,
    DEK_SIMILARITY,
    REASON_BYLINE,
    REASON_DATELINE,
    REASON_DEK,
    REASON_TITLE,
    TITLE_SIMILARITY,
)
from .textrules import CONSENT_MAX_CHARS, CONSENT_NOTICE, reads_as_prose

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Elements that hold one piece of text near the headline: where a dek can be.
_DEK_TAGS = frozenset({"p", "div", "span", "h2", "h3", "h4", "h5", "h6", "section", "header", "summary"})
# A paragraph followed by a paragraph this long is the story's first paragraph, not its dek.
LEDE_NEXT_MIN_CHARS = 80
# A heading that is this much of the title, word for word, is the title without the site's name.
TITLE_CONTAINED_SHARE = 0.5
# How many blocks at the start of the body may still be headline, dek or byline.
LEADING_BLOCKS = 4
# Words of a byline that are not names, left out when the head's and the shown byline are compared.
BYLINE_LINK_WORDS = frozenset({"and", "und", "von", "par", "por", "with", "written"})
# Lower-case words a list of names holds ("Jane Doe and Bo Li", "Michiel de Jong", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset({"and", "&", "und", "et", "y", "e", "de", "da", "di", "van", "von", "der", "den", "la", "le", "del", "dos", "du", "bin", "al"})
BYLINE_MAX_WORDS = 12
# Our extraction is doubtful when it reads less than this share of the page's visible text (characters),
# and trafilatura's is taken when it reads this many times more. Measured on the calibrate half of WCXB
# (even page numbers): 0.3-0.7 and 1.0-1.3 all score within 0.004 F1 of each other; 0.4 asks trafilatura
# on about a third of the pages, which keeps the median time per page near trafilatura's own.
DOUBTFUL_SHARE = 0.4
EVIDENCE_GAIN = 1.2
# When ours is longer than a few paragraphs it is usually the story, and what trafilatura reads beyond
# it is often what our walk named as chrome and removed (teaser lists, galleries, comments: the Yahoo,
# NYT and Independent pages of the Readability corpus): then trafilatura's blocks found in that removed
# text stay out. A short extraction (a forum's first post, a product's blurb) takes all of trafilatura's.
CONFIDENT_CHARS = 1000  # a few paragraphs (two of Readability's 500-character articles)
# A block of trafilatura's this long found in the text we removed as chrome is that chrome (a
# shorter one, "Reply" or a name, could be anywhere).
KNOWN_CHROME_MIN_CHARS = 20
_HIDDEN = (
    "@hidden or @aria-hidden='true' or contains(translate(@style, 'DISPLAYNOE: ', 'displaynoe'), 'display:none')"
)
_OUTERMOST_HIDDEN = etree.XPath(f".//*[({_HIDDEN}) and not(ancestor::*[{_HIDDEN}])]")
_HIDDEN_TEXT_LENGTH = etree.XPath("string-length(normalize-space())")


def html_to_article(text: str, url: str | None = None) -> Article:
    """The clean article in an HTML page; an Article with no blocks if the page holds no text."""
    doc = parse_document(text)
    if doc is None:
        return Article(url=url or "")
    metadata = read_metadata(doc)
    extractor = ReadabilityExtractor(doc, metadata.title, metadata.byline)
    extractor.prepare()
    dek = find_dek(doc, metadata)
    page_length = visible_text_length(doc.find("body"))
    extraction = extractor.extract()
    blocks: list[Block] = []
    removed = list(extraction.removed)
    if extraction.content is not None:
        blocks, dropped_lines = element_to_blocks(extraction.content)
        removed += dropped_lines
    if is_doubtful(blocks, page_length):
        blocks, removed = second_opinion(text, blocks, removed, extraction)
    byline = " ".join((shown_byline(metadata.byline, extraction.shown_byline) or extraction.byline).split())
    blocks, found_byline = drop_leading_matter(blocks, metadata.title, dek, byline, removed)
    if not any(reads_as_prose(block.text) for block in blocks if block.spoken):
        blocks += description_as_body(metadata.excerpt, dek)
    for number, block in enumerate(blocks, start=1):
        block.id = f"b{number}"
    return Article(
        title=" ".join(metadata.title.split()),
        dek=dek,
        byline=clean_byline(byline or found_byline),
        published=metadata.published,
        site=metadata.site_name,
        url=url or "",
        lang=metadata.lang,
        dir=extraction.dir,
        blocks=blocks,
        removed=removed,
    )


# --- the body: our extraction, or trafilatura's when ours looks wrong ---------------------------------


def spoken_length(blocks: list[Block]) -> int:
    return sum(len(block.text) for block in blocks if block.spoken)


def visible_text_length(body: HtmlElement) -> int:
    """The length of the text a reader sees in the body: hidden elements (hidden, aria-hidden, inline
    display:none) do not count, as a menu's copy for small screens is not more page to read."""
    hidden = sum(int(_HIDDEN_TEXT_LENGTH(el)) for el in _OUTERMOST_HIDDEN(body))
    return text_length(body) - hidden


def is_doubtful(blocks: list[Block], page_length: int) -> bool:
    """Readability's scoring finds one article column; on forum threads, product, listing and service
    pages the text is spread over many boxes and it keeps one of them (or nothing). Reading a small
    share of the page's visible text is the sign (see DOUBTFUL_SHARE)."""
    return spoken_length(blocks) < DOUBTFUL_SHARE * page_length or not blocks


def second_opinion(
    html: str, blocks: list[Block], removed: list[Removal], extraction: Extraction
) -> tuple[list[Block], list[Removal]]:
    """trafilatura's main text, built into blocks by our own rules, when it reads clearly more than
    ours (EVIDENCE_GAIN). Its text has no classes, so its blocks are matched to the page's captions and
    credits (kept unspoken) and, when ours was already a story, to what our walk removed as chrome
    (comments, related links, menus: left out); the removal record keeps what neither kept."""
    content = evidence_content(html)
    if content is None:
        return blocks, removed
    evidence, dropped_lines = element_to_blocks(content)
    if extraction.page is not None:
        mark_captions(evidence, page_captions(extraction.page))
    # A consent banner's paragraph is chrome whatever trafilatura thinks (content._remove_consent_notices).
    evidence = [block for block in evidence if not _is_consent_notice(block)]
    if spoken_length(blocks) >= CONFIDENT_CHARS:
        evidence = [block for block in evidence if not _is_known_chrome(block, extraction.chrome)]
    if spoken_length(evidence) <= EVIDENCE_GAIN * spoken_length(blocks):
        return blocks, removed
    kept_text = " ".join(" ".join(block.text.split()) for block in evidence)
    still_removed = [r for r in removed if " ".join(r.text.split()) not in kept_text]
    return evidence, still_removed + dropped_lines


def _is_consent_notice(block: Block) -> bool:
    return len(block.text) <= CONSENT_MAX_CHARS and bool(CONSENT_NOTICE.search(block.text))


def description_as_body(description: str, dek: str) -> list[Block]:
    """The page's own summary (meta description) when the body has no prose at all: a script-built page
    saved before its scripts ran (a Discourse thread's shell) says in its description what the page
    holds, and a summary is better than a refusal. Not when the dek already reads it."""
    text = " ".join(description.split())
    if not reads_as_prose(text) or (dek and same_text(text, dek, DEK_SIMILARITY)):
        return []
    return [Block(id="", kind=BlockKind.PARAGRAPH, text=text)]


def _is_known_chrome(block: Block, chrome: str) -> bool:
    text = " ".join(block.text.split())
    return len(text) >= KNOWN_CHROME_MIN_CHARS and text in chrome


def parse_document(text: str) -> HtmlElement | None:
    """lxml's HTML parser, made to accept what browsers accept (an XML declaration, stray controls)."""
    text = _CONTROL_CHARS.sub("", _XML_DECLARATION.sub("", text, count=1))
    if not text.strip():
        return None
    from . import budget  # a pathological page is refused in seconds, a too deep one read flattened

    budget.check_tags(text)
    # Plain etree elements, not lxml.html's: its per-element class lookup costs a tenth of the run.
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, no_network=True)
    try:
        doc = etree.fromstring(text, parser=parser)
        if doc is not None and budget.stopped_too_deep(parser.error_log):
            doc = budget.reparse_flattened(text, parser)
    except (etree.ParserError, ValueError):
        return None
    if doc is None:
        return None
    budget.check_tree(doc)
    etree.strip_elements(doc, etree.Entity, with_tail=False)
    if doc.find("body") is None:
        doc.append(doc.makeelement("body", {}))
    return doc


# --- dek -------------------------------------------------------------------------------------------


def find_dek(doc: HtmlElement, metadata: Metadata) -> str:
    """The standfirst under the headline: an element whose class says so, or the meta description
    when it is also visible text there. Searched from the headline down, a few lines at most."""
    body = doc.find("body")
    if body is None:
        return ""
    headline = _find_headline(body, metadata.title)
    distance = 0
    inside_headline = set(headline.iter()) if headline is not None else set()
    started = headline is None
    for el in body.iter():
        if not started:
            started = el is headline
            continue
        if el in inside_headline or not isinstance(el.tag, str) or el.tag not in _DEK_TAGS:
            continue
        by_class = bool(DEK_CLASSES.search(class_and_id(el)))
        is_leaf = next(el.iterdescendants(*BLOCK_TAGS), None) is None
        if not (by_class or is_leaf) or not is_probably_visible(el):
            continue  # containers are judged by their leaves; only their class can make them a dek
        length = text_length(el)
        if DEK_MIN_CHARS <= length <= DEK_MAX_CHARS:
            text = " ".join(block_text(el).split())
            if (by_class or _matches_description(text, metadata.excerpt)) and _shown(el) and not _is_lede(el):
                return text
        if is_leaf and el.tag != "span":
            distance += length
            if distance > DEK_MAX_DISTANCE_CHARS:
                return ""
    return ""


def _shown(el: HtmlElement) -> bool:
    """Neither ``el`` nor any element around it is hidden: a hidden summary is no dek."""
    return all(is_probably_visible(node) for node in (el, *ancestors(el)))


def _find_headline(body: HtmlElement, title: str) -> HtmlElement | None:
    """The visible <h1> that repeats the title (or the only <h1>)."""
    h1s = list(body.iter("h1"))
    for h1 in h1s:
        if title and text_similarity(title, block_text(h1)) > TITLE_SIMILARITY:
            return h1
    return h1s[0] if len(h1s) == 1 else None


def _is_lede(el: HtmlElement) -> bool:
    """The first paragraph of the story (which sites often copy into the description) is followed by
    more of the story; a dek is followed by the byline, a photo or nothing. A heading is never a lede."""
    if el.tag.startswith("h"):
        return False
    node = el
    parent = node.getparent()
    while parent is not None and len(element_children(parent)) == 1 and not (parent.text or "").strip():
        node, parent = parent, parent.getparent()
    following = node.getnext()
    while following is not None and not inner_text(following) and following.tag not in ("img", "figure"):
        following = following.getnext()
    if following is None:
        return False
    if following.tag in ("h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol"):
        return True  # the story goes on: a subheading, a quotation, a list
    return following.tag == "p" and len(inner_text(following)) > LEDE_NEXT_MIN_CHARS


def _matches_description(text: str, description: str) -> bool:
    return bool(description) and same_text(text, description, DEK_SIMILARITY)


def same_text(a: str, b: str, threshold: float) -> bool:
    """Both texts share nearly all their words (Readability's similarity, taken both ways)."""
    return text_similarity(a, b) >= threshold and text_similarity(b, a) >= threshold


# --- the start of the body ---------------------------------------------------------------------------


def drop_leading_matter(
    blocks: list[Block], title: str, dek: str, byline: str, removed: list[Removal]
) -> tuple[list[Block], str]:
    """Remove the headline, dek and byline from the first blocks: the Article reads them already.
    Returns the blocks left and a byline found in the body when the page declared none."""
    kept: list[Block] = []
    found_byline = ""
    title_seen = dek_seen = byline_seen = False
    spoken_seen = 0
    for block in blocks:
        leading = spoken_seen < LEADING_BLOCKS
        reason = None
        if leading and not title_seen and _repeats_title(block, title):
            reason, title_seen = REASON_TITLE, True
        elif leading and not dek_seen and dek and same_text(block.text, dek, DEK_SIMILARITY):
            reason, dek_seen = REASON_DEK, True
        elif leading and not byline_seen and _is_byline(block, byline):
            reason, byline_seen = REASON_BYLINE, True
            found_byline = found_byline or block.text
        elif leading and _is_dateline(block):
            reason = REASON_DATELINE
        if reason is not None:
            removed.append(Removal(reason, block.text[:200], "body start"))
            continue
        if block.spoken:
            spoken_seen += 1
        kept.append(block)
    return kept, found_byline


def _repeats_title(block: Block, title: str) -> bool:
    """A heading with the title's words, or the title without the site name around it. The heading
    must carry at least half of the title too: a section heading made of a few of the title's words
    ("Using standalone mode in Emscripten" under "Outside the web: standalone WebAssembly binaries
    using Emscripten") is the start of the story."""
    if block.kind != BlockKind.HEADING or not title:
        return False
    text = " ".join(block.text.split())
    if text_similarity(title, text) > TITLE_SIMILARITY and text_similarity(text, title) >= TITLE_CONTAINED_SHARE:
        return True
    return text in title and len(text) >= TITLE_CONTAINED_SHARE * len(title)


def _is_dateline(block: Block) -> bool:
    text = block.text
    if not block.spoken or len(text) > DATELINE_MAX_CHARS or not DATELINE_DATE.search(text):
        return False
    rest = DATELINE_WORDS.sub("", text)
    return not any(c.isalpha() for c in rest)


def shown_byline(declared: str, shown: str) -> str:
    """The byline the page shows ("By Jane Doe") when the head's disagrees with it (a head naming the site,
    a template's default author); the head's when they agree or nothing is shown, since it holds the name
    alone. Only a "By ..." line counts: byline-named elements without it were labels ("THE AUTHOR",
    "Full Bio") or other people's names on 5 of 6 WCXB calibrate pages where the two disagreed."""
    shown_names = clean_byline(shown)
    if not declared or not BYLINE_TEXT.match(shown_names) or not looks_like_names(shown_names):
        return declared
    if _name_words(shown_names) & _name_words(declared):
        return declared
    return shown_names


def looks_like_names(byline: str) -> bool:
    """Two to 12 words, capitalised but for joining words, no digits: "By Jane Doe and Bo Li", not a
    label ("AUTHORING", "作者："), a date or "on Deadspin" that byline-named elements also hold."""
    words = re.sub(r"^(?:written\s+)?by\s+", "", byline, flags=re.I).replace(",", " ").split()
    if not 2 <= len(words) <= BYLINE_MAX_WORDS or any(ch.isdigit() for ch in byline):
        return False
    return all(word[:1].isupper() or word.casefold() in NAME_PARTICLES for word in words)


def _name_words(byline: str) -> set[str]:
    return {word for word in re.findall(r"\w+", byline.casefold()) if len(word) > 2} - BYLINE_LINK_WORDS


def _is_byline(block: Block, byline: str) -> bool:
    if not block.spoken or len(block.text) >= BYLINE_MAX_CHARS or block.kind not in (
        BlockKind.PARAGRAPH, BlockKind.HEADING
    ):
        return False
    if byline and same_text(block.text, byline, 0.8):
        return True
    match = BYLINE_TEXT.match(block.text)
    if not match:
        return False
    words = block.text.split()
    # "By Jane Doe and John Smith": a capitalised name follows; "By the time ..." is prose.
    return len(words) <= 12 and words[1][:1].isupper() and not block.text.rstrip().endswith((".", "!", "?"))


