"""Limits of what extraction takes on, so a pathological page is refused in seconds instead of hanging.

Three guards, each against a cost that grows faster than the page:

- :func:`check_tags`, before parsing: libxml2's HTML parser checks each attribute of a tag against all
  the tag's earlier ones, so one tag with 200,000 attributes never finishes parsing (measured: 10,000
  attributes 0.16 s, 20,000 0.9 s, 40,000 4.8 s), and many crowded tags add up. The scan costs one
  regular-expression pass over the page.
- :func:`check_tree`, right after parsing: the content scoring walks the tree many times, so a page
  of a million elements takes minutes; counting with ``iter()`` takes 0.8 s for that million.
- :func:`flatten_deep_nesting`, when libxml2 stopped at its depth limit (2,048 with ``huge_tree``; it
  drops the rest of the page, reporting only in its error log): the tags below
  :data:`MAX_NESTING` are removed from the source so the text inside them is read, not lost.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterator

from lxml import etree

from .. import patterns
from ..errors import TooLargeError

log = logging.getLogger(__name__)

# Elements in one page. The largest of the 1,627 corpus pages (readability-test-pages and wcxb-dev)
# has 9,888; 100,000 paragraphs extract in about 14 s on the 2-core test machine under load, and time
# grows with the count, so 150,000 keeps any page within the 30 s promise with a margin for text.
MAX_ELEMENTS = 150_000
# Attributes in one page: the corpus's largest has 13,949. 3.3 million parse in 1.5 s and count in
# 0.1 s; they cost the extractor little beyond that, so the bound is generous.
MAX_ATTRIBUTES = 2_000_000
# Attributes on one element: the corpus's most is 72; libxml2 takes 0.16 s over 10,000 (quadratic).
MAX_ATTRIBUTES_PER_ELEMENT = 10_000
# What libxml2's duplicate check costs grows with the square of a tag's attributes: the sum of the
# squares over the page is bounded by this, about 3 s of parsing (from the timings above: 1.6-3 ns
# per pair). The corpus's largest page sums to 36,745; ten tags of 10,000 attributes fit.
MAX_ATTRIBUTE_PAIRS = 1_000_000_000
# Tags up to this long are counted by their spaces (cheap, and they cannot hold more than a few
# attributes); longer ones by a regular expression that skips quoted values.
SHORT_TAG_CHARS = 16
# Tags up to this long are not counted on the first pass: their length bounds their count (see
# check_tags). At 2,000 characters a page needs 1,000 such tags to reach MAX_ATTRIBUTE_PAIRS.
BOUNDED_TAG_CHARS = 2_000
# Depth kept when libxml2 gave up on a deeper page: below its 2,048 with room for the <html><body>
# and the wrappers the extractor adds; the extractor itself was measured to handle 2,040 levels.
MAX_NESTING = 1_000

# A start tag as an HTML tokenizer sees it: quoted values may hold ">" and "<". Possessive and atomic
# so that a quote left open never makes the expression backtrack.
_START_TAG = patterns.compile(r"""<[A-Za-z](?>[^"'>]++|"[^"]*+"|'[^']*+'|["'])*+>?""")
# What the scan of start tags passes over whole, as the parser does: comments, and the raw text of
# scripts, styles, textareas and titles (a script's "i <secondThumbnail..." is no tag). Counting inside
# them made two real WCXB pages look like tags of 13,000 and 28,000 attributes; with them skipped,
# the most any of the 1,627 corpus pages has is 6,353 (a tag whose quote is never closed).
# The bodies are read with possessive runs up to the next "<" or "-" (a lazy ``.*?`` tried the end
# pattern at every character: 70% of the scan on the Readability pages); what each alternative
# matches is the same, the first "-->" or "</script>", or the end of the page.
_RAW_TEXT_OR_TAG = patterns.compile(
    r"""<!--(?:[^-]++|-(?!->))*+(?:-->|\Z)|"""
    r"""<(script|style|textarea|title)\b(?>[^"'>]++|"[^"]*+"|'[^']*+'|["'])*+>?(?:[^<]++|<(?!/\1\s*>))*+(?:</\1\s*>|\Z)|"""
    + _START_TAG.pattern,
    re.S | re.I,
)
_TAG_START = patterns.compile(r"<[A-Za-z]")
_QUOTED = patterns.compile(r""""[^"]*"|'[^']*'""")
# An attribute name starts after white space or a closing quote (not after "/": unquoted base64 values).
_ATTRIBUTE_NAME = patterns.compile(r"""[\s"']+[^\s"'/>=]""")

# Tokens that change the nesting depth, for flatten_deep_nesting. Comments and the raw text of
# scripts and styles are matched whole, so a "<div>" inside them counts for nothing.
_TOKEN = patterns.compile(
    r"""<!--.*?(?:-->|\Z)|<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)|</?([A-Za-z][^\s/>]*)(?>[^"'>]++|"[^"]*+"|'[^']*+'|["'])*+>?""",
    re.S | re.I,
)
# Elements that never have an end tag, and those an opening sibling closes (simplified from the HTML
# standard's "implied end tags"): enough to count depth the way libxml2 does on real pages.
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SELF_CLOSING_SIBLINGS = frozenset("p li dt dd option tr td th".split())
# Elements whose tag, when removed, must still separate the words either side of it.
_BLOCKS = frozenset(
    "address article aside blockquote dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)


def check_tags(text: str) -> None:
    """Refuse, before libxml2 sees it, a page whose attributes would take it minutes to parse.

    libxml2's cost grows with the square of each tag's attribute count, so the sum of the squares is
    bounded (:data:`MAX_ATTRIBUTE_PAIRS`), as are one tag's count and the page's total. One pass of a
    regular expression over the page: 1.8 s for a million tags on a loaded 2-core machine, 0.05 s for
    the corpus's largest page.

    Counting every tag's attributes was half the cost of this check on ordinary pages (a substitution
    and a scan per tag), so a first pass bounds the ordinary tags' counts by their length (see
    :func:`attribute_count_bound`) and counts only the long ones; only a page whose bounds go over a
    limit is counted exactly, and the exact counts decide.
    """
    if _over_limits(_tag_counts(text, bounded=True)) is not None:
        _check_tags_exactly(text)


def _check_tags_exactly(text: str) -> None:
    if (total := _over_limits(_tag_counts(text, bounded=False))) is not None:
        raise TooLargeError(
            f"this page has {total:,} attributes, in tags too crowded to read in reasonable time "
            f"(at most {MAX_ATTRIBUTES:,} attributes, a few thousand per tag)."
        )


def _start_tags(text: str) -> Iterator[tuple[int, int]]:
    """Start and end of every start tag the parser will see, comments and raw text passed over."""
    for match in _RAW_TEXT_OR_TAG.finditer(text):
        # match.group() of a script or comment would copy its whole body: look at the page in place
        if match.group(1):
            tag_match = _START_TAG.match(text, match.start())
            if tag_match is not None:
                yield tag_match.start(), tag_match.end()
        elif not text.startswith("<!--", match.start()):
            yield match.start(), match.end()


def _tag_counts(text: str, bounded: bool) -> Iterator[int]:
    """Each start tag's attribute count; with ``bounded``, ordinary tags' counts are bounded by their
    length instead (an upper bound, so a page under the limits by these is under them for certain).
    A tag over :data:`MAX_ATTRIBUTES_PER_ELEMENT` is refused either way (its count is exact)."""
    for start, end in _start_tags(text):
        length = end - start
        if length <= SHORT_TAG_CHARS:
            yield text.count(" ", start, end)
        elif bounded and length <= BOUNDED_TAG_CHARS:
            yield attribute_count_bound(length)
        else:
            yield _checked_count(text[start:end])


def _over_limits(counts: Iterator[int]) -> int | None:
    """The total of ``counts`` if they go over a page's limits, else None."""
    total = pairs = 0
    for count in counts:
        total += count
        pairs += count * count
    return total if total > MAX_ATTRIBUTES or pairs > MAX_ATTRIBUTE_PAIRS else None


def _checked_count(tag: str) -> int:
    count = attribute_count(tag)
    if count > MAX_ATTRIBUTES_PER_ELEMENT:
        raise TooLargeError(
            f"this page has a tag with over {MAX_ATTRIBUTES_PER_ELEMENT:,} attributes, more than readaloud "
            "reads in one tag; it cannot be an ordinary article."
        )
    return count


def attribute_count_bound(length: int) -> int:
    """The most attributes :func:`attribute_count` can find in a tag of ``length`` characters: each
    name it counts takes two characters at least (a space or quote, then the name's first letter), the
    tag's opening "<" is never one, and quoted values only get shorter in its substitution."""
    return (length - 1) // 2


def attribute_count(tag: str, limit: int = MAX_ATTRIBUTES_PER_ELEMENT) -> int:
    """Attributes in one start tag (its name excluded), quoted values skipped; counting stops past
    ``limit``, so a 50 MB tag of one-letter attributes never becomes a list of millions."""
    names = _ATTRIBUTE_NAME.finditer(_QUOTED.sub('""', tag))
    return sum(1 for _name in itertools.islice(names, limit + 1))


def check_tree(doc: etree._Element) -> None:
    """Refuse a parsed page with more elements or attributes than extraction can finish in seconds."""
    elements = attributes = 0
    for element in doc.iter():
        elements += 1
        attributes += len(element.attrib)
    if elements > MAX_ELEMENTS:
        raise TooLargeError(
            f"this page has {elements:,} elements, more than readaloud reads (at most {MAX_ELEMENTS:,}); "
            "split it into smaller pages."
        )
    if attributes > MAX_ATTRIBUTES:
        raise TooLargeError(
            f"this page has {attributes:,} attributes, more than readaloud reads (at most {MAX_ATTRIBUTES:,})."
        )


def stopped_too_deep(error_log: etree._ListErrorLog) -> bool:
    """Did libxml2 stop at its nesting limit (and silently drop the rest of the page)?"""
    return any(error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT or "Excessive depth" in error.message for error in error_log)


def flatten_deep_nesting(text: str, max_depth: int = MAX_NESTING) -> tuple[str, int]:
    """``text`` without the tags nested deeper than ``max_depth``, and how many tags were removed.

    The text inside them stays, where it was; a removed block element's tag becomes a line break so
    words either side stay apart. Depth is counted as a browser would, roughly: void elements do not
    nest, an end tag closes up to its open element, a ``<p>`` or ``<li>`` closes an open sibling.
    """
    pieces: list[str] = []
    depth = _Depth()
    removed = 0
    position = 0
    broken = False  # a <br> stands for the removed tags since the last text kept
    for match in _TOKEN.finditer(text):
        name = (match.group(2) or "").lower()
        if not name:
            continue  # a comment or raw text: copied as it is
        closing = text.startswith("</", match.start())
        level = depth.close(name) if closing else depth.open(name)
        if level > max_depth:
            between = text[position : match.start()]
            broken = broken and not between.strip()
            pieces.append(between)
            if name in _BLOCKS and not broken:
                pieces.append("<br>")  # one per run of removed tags: 100,000 of them made 100,000 elements
                broken = True
            position = match.end()
            removed += 1
    pieces.append(text[position:])
    return "".join(pieces), removed


class _Depth:
    """The open elements while tokenizing; every step amortised O(1), so a million levels stay linear."""

    def __init__(self) -> None:
        self._stack: list[str] = []
        self._open: dict[str, int] = {}  # name -> how many are on the stack

    def open(self, name: str) -> int:
        """The level of a start tag (1 = top; 0 for a void element)."""
        if name in _SELF_CLOSING_SIBLINGS and self._stack and self._stack[-1] == name:
            self._pop()
        if name in _VOID:
            return 0  # never nests, so never removed (a <br> keeps its line break)
        self._stack.append(name)
        self._open[name] = self._open.get(name, 0) + 1
        return len(self._stack)

    def close(self, name: str) -> int:
        """The level of the element an end tag closes (0 for a stray end tag, which parsers ignore)."""
        if not self._open.get(name):
            return 0
        while self._stack[-1] != name:
            self._pop()
        level = len(self._stack)
        self._pop()
        return level

    def _pop(self) -> None:
        name = self._stack.pop()
        self._open[name] -= 1


def reparse_flattened(text: str, parser: etree.HTMLParser) -> etree._Element | None:
    """Parse ``text`` again with its too deep tags removed (logged), so none of its text is lost.

    The first parse stopped early, so its tree cannot be counted: start tags in the source are, and a
    page over budget is refused before the (slower, 0.5 s per million tags) flattening.
    """
    tags = len(_TAG_START.findall(text))
    if tags > MAX_ELEMENTS:
        raise TooLargeError(
            f"this page has {tags:,} tags, more than readaloud reads (at most {MAX_ELEMENTS:,}); split it into smaller pages."
        )
    flattened, removed = flatten_deep_nesting(text)
    doc = etree.fromstring(flattened, parser=parser)
    if stopped_too_deep(parser.error_log):
        log.warning("the page nests elements too deeply to read it all; the end of it was left out")
    else:
        log.warning("the page nests elements over %s deep; %s tags below that were removed, their text kept", f"{MAX_NESTING:,}", f"{removed:,}")
    return doc
