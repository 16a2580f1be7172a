"""Plain text -> :class:`Article`: a page saved as text ("Save as text", copy-paste, a reader dump).

Such text keeps the page's chrome as lines (browser notices, skip links, photo credits, share rows,
related links) and its structure only as layout: blank lines between paragraphs, short lines as
headings, ``-``/``1.`` list markers, ``#``/underlined headings when the text is Markdown-ish. The rules:

* a line is chrome if :mod:`.textrules` names a reason for it, if it continues a chrome line
  (a lower-case continuation of an unfinished notice), if it follows a chrome section heading
  ("Related stories") without reading as prose, or if it is one of a run of menu-like short lines;
* the body is the densest run of prose lines (long sentences count, other lines cost), extended
  over its own tail of short sentences, marked-up lists/quotes and headings; lines outside it are
  "outside the article" (a whole page saved as text has menus, teasers and footers around it);
* the title is the headline just before the body (the one a byline or date follows, else the
  nearest), or the first headline-like line at the top; the dek is a standfirst sentence right
  after the title, set off from the body by a credit, byline or date, as news pages lay it out;
* a short line that does not read as a sentence, between prose, is a heading; a line that reads as
  a sentence (capitalised, ends in terminal punctuation) is a paragraph however short it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from ..model import Article, Block, BlockKind, Removal
from .textrules import (
    NAVIGATION,
    PHOTO_CREDIT,
    SECTION_REASONS,
    SENTENCE_END,
    SENTENCE_START,
    classify_line,
    reads_as_prose,
    reads_as_sentence,
    word_count,
)

CLAUSE_END = re.compile(r"[,;:\-–—]$")
LIST_MARKER = re.compile(r"^(?P<indent>\s*)(?:(?P<bullet>[-*•·▪‣◦])|(?P<number>\d{1,3}|[a-z])[.)])\s+(?P<text>\S.*)$")
MARKDOWN_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
SETEXT_UNDERLINE = re.compile(r"^(?:=+|-+)\s*$")
QUOTE_MARKER = re.compile(r"^>\s?(?P<text>.*)$")
BYLINE = re.compile(r"^(?:by|von|par|por|di|door|av|af)\s+\S.{0,80}$", re.IGNORECASE)

# Layout thresholds, calibrated on text renderings of the Readability test pages and the seed page.
TITLE_MIN_WORDS = 3  # "Obituary" alone is a label, not a headline
TITLE_MAX_WORDS = 30
TITLE_MAX_CHARS = 250
LABEL_MAX_WORDS = 4  # site names and section labels above a headline
HEADING_MAX_WORDS = 14
DEK_MAX_WORDS = 60
DEK_MAX_SENTENCES = 2
MENU_LINE_MAX_WORDS = 5
MENU_RUN_MIN_LINES = 3  # three or more menu-like short lines in a row are navigation
WRAP_MIN_WIDTH = 50  # hard-wrapped text: lines of similar width, at least this wide
# The body is the densest run of prose (jusText's idea, applied to lines): prose units of at least
# BODY_PROSE_MIN_WORDS count their words, every other unit costs NON_PROSE_COST, and the run with the
# highest total is the article. Calibrated as a pair with benchmarks/plaintext_corpus.py (the 94 real
# Readability pages rendered as text): F1 0.827 without the span, 0.885 with (15, 5) and the tail
# extension below; the grid 10-20 words x 3-8 cost ranged 0.85-0.886. The HTML extractor, with the
# markup to go by, scores 0.98 on the same pages.
BODY_PROSE_MIN_WORDS = 15
NON_PROSE_COST = 5
TITLE_LOOKBACK = 8  # non-chrome units before the body searched for its headline
OUTSIDE = "outside the article"

DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d", "%d.%m.%Y")
DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted|last updated|modified)[:\s]+)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})"
    r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\.?$",
    re.IGNORECASE,
)


@dataclass
class Unit:
    """One candidate block of the text: a paragraph, a line, a list item; with what it turned out to be."""

    text: str
    line: int  # 1-based line of its first line, for --explain
    group: int  # index of the blank-line-separated group it came from
    role: str = ""  # chrome, title, dek, byline, date, credit, heading, paragraph, list_item, quote
    reason: str = ""  # why it is chrome
    level: int = 0
    ordered: bool = False
    marked: bool = False  # its structure came from explicit markup (#, -, >), not from layout
    indent: int = 0  # leading spaces of its first line (list nesting)


def text_to_article(text: str) -> Article:
    """Build an article from a plain-text page: chrome dropped (and recorded), title/dek found, blocks typed."""
    units = split_units(text)
    mark_chrome(units)
    body = body_span(units)
    find_title_and_dek(units, body)
    if body:
        mark_outside_body(units, body)
    type_body(units)
    return _assemble(units)


# --- splitting -------------------------------------------------------------------------------------


def split_units(text: str) -> list[Unit]:
    """Split into units: blank lines separate groups; inside a group, wrapped lines join, other lines stay apart."""
    units: list[Unit] = []
    for group_index, group in enumerate(_groups(text)):
        units.extend(_units_of_group(group, group_index))
    return units


def _groups(text: str) -> list[list[tuple[int, str]]]:
    groups: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = raw.replace("\t", "    ").replace("\u00a0", " ").rstrip()
        if line.strip():
            current.append((number, line))
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _units_of_group(group: list[tuple[int, str]], group_index: int) -> list[Unit]:
    group = _apply_setext_headings(group)
    if _is_hard_wrapped(group):
        text = " ".join(line.strip() for _, line in group)
        return [Unit(text=text, line=group[0][0], group=group_index)]
    units: list[Unit] = []
    for number, line in group:
        if units and _continues(units[-1].text, line):
            units[-1].text = f"{units[-1].text} {line.strip()}"
        else:
            indent = len(line) - len(line.lstrip())
            units.append(Unit(text=line.strip(), line=number, group=group_index, indent=indent))
    return units


def _apply_setext_headings(group: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Turn a line underlined with === or --- into a Markdown heading, so one rule handles both."""
    result: list[tuple[int, str]] = []
    for number, line in group:
        if result and SETEXT_UNDERLINE.match(line.strip()) and not LIST_MARKER.match(result[-1][1]):
            previous_number, previous = result[-1]
            hashes = "#" if line.strip().startswith("=") else "##"
            result[-1] = (previous_number, f"{hashes} {previous.strip()}")
        else:
            result.append((number, line))
    return result


def _is_hard_wrapped(group: list[tuple[int, str]]) -> bool:
    """Lines of one paragraph broken at a fixed width (e-mail, RFC style): all but the last fill the width."""
    if len(group) < 2 or any(_structural(line) for _, line in group):
        return False
    widths = [len(line) for _, line in group[:-1]]
    return min(widths) >= WRAP_MIN_WIDTH and min(widths) >= 0.75 * max(widths)


def _continues(previous: str, line: str) -> bool:
    """A line that carries on an unfinished one: previous has no final punctuation, this starts lower-case."""
    stripped = line.strip()
    if _structural(line) or _structural(previous):
        return False
    return bool(stripped[:1].islower()) and not SENTENCE_END.search(previous)


def _structural(line: str) -> bool:
    stripped = line.strip()
    return bool(LIST_MARKER.match(line) or MARKDOWN_HEADING.match(stripped) or QUOTE_MARKER.match(stripped))


# --- chrome ----------------------------------------------------------------------------------------


def mark_chrome(units: list[Unit]) -> None:
    """Mark chrome units: phrase rules, their continuations, chrome sections and menu runs."""
    for index, unit in enumerate(units):
        reason = classify_line(unit.text)
        if reason is None and index and _continues_chrome(units[index - 1], unit):
            reason = units[index - 1].reason
        if reason:
            unit.role = PHOTO_CREDIT if reason == PHOTO_CREDIT else "chrome"
            unit.reason = reason
    _mark_chrome_sections(units)
    _mark_menu_runs(units)


def _continues_chrome(previous: Unit, unit: Unit) -> bool:
    """'and improve your visit to our site.' after 'Please upgrade your browser' is the same notice."""
    return (
        previous.role == "chrome"
        and previous.group == unit.group
        and not SENTENCE_END.search(previous.text)
        and unit.text[:1].islower()
    )


def _mark_chrome_sections(units: list[Unit]) -> None:
    """After 'Related stories' or 'Comments', lines that do not read as prose belong to that section."""
    section_reason = ""
    for unit in units:
        if unit.role == "chrome" and unit.reason in SECTION_REASONS:
            section_reason = unit.reason
        elif unit.role:
            continue
        elif section_reason and not reads_as_prose(unit.text):
            unit.role, unit.reason = "chrome", section_reason
        else:
            section_reason = ""


def _mark_menu_runs(units: list[Unit]) -> None:
    """Three or more short link-like lines in a row (a menu or tag list rendered as text) are navigation."""
    run: list[Unit] = []
    for unit in [*units, None]:
        if unit is not None and not unit.role and _menu_like(unit):
            run.append(unit)
            continue
        if len(run) >= MENU_RUN_MIN_LINES:
            for member in run:
                member.role, member.reason = "chrome", NAVIGATION
        run = []


def _menu_like(unit: Unit) -> bool:
    return (
        word_count(unit.text) <= MENU_LINE_MAX_WORDS
        and not SENTENCE_END.search(unit.text)
        and not _structural(unit.text)
    )


# --- the body: the densest run of prose ------------------------------------------------------------


def body_span(units: list[Unit]) -> range | None:
    """The article's units: the densest run of prose, extended over the body's own tail."""
    core = _densest_prose_run(units)
    return range(core.start, _extend_tail(units, core.stop)) if core else None


def _densest_prose_run(units: list[Unit]) -> range | None:
    """Indexes of the run of units with the most prose (maximum-sum run), or None without any prose."""
    best, best_span = 0, None
    total, start = 0, 0
    for index, unit in enumerate(units):
        if unit.role:
            continue  # chrome and credits neither add nor cost
        if total <= 0:
            total, start = 0, index
        total += _body_value(unit)
        if total > best:
            best, best_span = total, range(start, index + 1)
    return best_span


def _extend_tail(units: list[Unit], stop: int) -> int:
    """Short sentences, explicitly marked structure ('- item', '> quote', '## Heading'), lead-ins ending
    in a colon and headings followed by such text continue the body; the first other line ends it."""
    following = [index for index in range(stop, len(units)) if not units[index].role]
    for position, index in enumerate(following):
        text = units[index].text
        next_text = units[following[position + 1]].text if position + 1 < len(following) else ""
        if word_count(text) >= BODY_PROSE_MIN_WORDS and not _structural(text):
            return index  # long prose the densest run left out on purpose (a footer blurb, a teaser)
        continues = reads_as_sentence(text) or _structural(text) or text.endswith(":")
        heading = _short_heading(text) and bool(next_text) and (reads_as_sentence(next_text) or _structural(next_text))
        if not (continues or heading):
            return index
        stop = index + 1
    return stop


def _short_heading(text: str) -> bool:
    return word_count(text) <= HEADING_MAX_WORDS and not SENTENCE_END.search(text) and not CLAUSE_END.search(text)


def _body_value(unit: Unit) -> int:
    if _structural(unit.text):
        return 0  # '- item', '> quote', '## Heading': the author's own markup, neither proof nor noise
    words = word_count(unit.text)
    if words >= BODY_PROSE_MIN_WORDS and reads_as_prose(unit.text):
        return words
    return -NON_PROSE_COST


def mark_outside_body(units: list[Unit], body: range) -> None:
    """Units after the body are outside the article; so are non-sentences between the headline block
    and the body (a video teaser, a related headline), but not short real sentences."""
    for index, unit in enumerate(units):
        if unit.role:
            continue
        if index >= body.stop or (index < body.start and not reads_as_sentence(unit.text)):
            unit.role, unit.reason = "chrome", OUTSIDE


# --- title, dek, byline ----------------------------------------------------------------------------


def find_title_and_dek(units: list[Unit], body: range | None) -> None:
    """Find the headline (just before the body, or at the top), then a byline/date and a dek after it."""
    title = _title_before(units, body) if body else None
    if title is None:
        content = [unit for unit in units if not unit.role]
        title_index = _title_index(content)
        if title_index is None:
            return
        title = content[title_index]
    for label in units[: units.index(title)]:
        if not label.role:
            label.role, label.reason = "chrome", NAVIGATION if body is None else OUTSIDE
    title.role = "title"
    title.text = _strip_heading_marker(title.text)
    following = [unit for unit in units[units.index(title) + 1 :]]
    _mark_bylines_and_dates(following)
    _mark_dek(following)


def _title_before(units: list[Unit], body: range) -> Unit | None:
    """The headline among the few units before the body: the one a byline or date directly follows (past
    a photo credit), else the nearest."""
    window = [unit for unit in units[: body.start] if not unit.role][-TITLE_LOOKBACK:]
    candidates = [unit for unit in window if _headline_like(unit.text)]
    for candidate in candidates:
        after = next((unit for unit in units[units.index(candidate) + 1 :] if unit.role != PHOTO_CREDIT), None)
        if after is not None and (BYLINE.match(after.text) or DATE_LINE.match(after.text)):
            return candidate
    return candidates[-1] if candidates else None


def _title_index(content: list[Unit]) -> int | None:
    """The first headline-like unit, allowing only short labels (site, section) before it."""
    for index, unit in enumerate(content):
        if _headline_like(unit.text):
            return index
        if word_count(unit.text) > LABEL_MAX_WORDS or SENTENCE_END.search(unit.text):
            return None
    return None


def _headline_like(text: str) -> bool:
    text = _strip_heading_marker(text)
    words = word_count(text)
    return (
        TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS
        and len(text) <= TITLE_MAX_CHARS
        and not text.endswith((".", ",", ";", ":"))
        and bool(SENTENCE_START.match(text))
        and not LIST_MARKER.match(text)
    )


def _strip_heading_marker(text: str) -> str:
    match = MARKDOWN_HEADING.match(text)
    return match.group("text") if match else text


def _mark_bylines_and_dates(following: list[Unit]) -> None:
    """Bylines and datelines sit within the few units after the headline."""
    for unit in following[:5]:
        if unit.role:
            continue
        if BYLINE.match(unit.text) and word_count(unit.text) <= 12 and not SENTENCE_END.search(unit.text.rstrip(".")):
            unit.role = "byline"
        elif DATE_LINE.match(unit.text):
            unit.role = "date"


def _mark_dek(following: list[Unit]) -> None:
    """A standfirst: one or two sentences right after the title, set off by a credit/byline/date/chrome
    from the body that follows (with no body after it, the sentence is the body)."""
    if not following or following[0].role:
        return
    candidate = following[0]
    if not (reads_as_sentence(candidate.text) and word_count(candidate.text) <= DEK_MAX_WORDS):
        return
    if _sentence_count(candidate.text) > DEK_MAX_SENTENCES:
        return
    separator = following[1] if len(following) > 1 else None
    body_after = any(not unit.role and reads_as_prose(unit.text) for unit in following[2:])
    if separator is not None and separator.role in ("byline", "date", PHOTO_CREDIT, "chrome") and body_after:
        candidate.role = "dek"


# --- body ------------------------------------------------------------------------------------------


def type_body(units: list[Unit]) -> None:
    """Give every remaining unit its block kind: list item, quote, heading or paragraph."""
    body = [unit for unit in units if not unit.role]
    for unit in body:
        _type_marked(unit)
    for index, unit in enumerate(body):
        if unit.role:
            continue
        before = body[index - 1] if index else None
        after = body[index + 1] if index + 1 < len(body) else None
        unit.role = "heading" if _layout_heading(unit, before, after) else "paragraph"
        if unit.role == "heading":
            unit.level = 2
    _drop_trailing_fragments(body)


def _type_marked(unit: Unit) -> None:
    """Units whose kind is spelled out by Markdown-ish markers."""
    if match := MARKDOWN_HEADING.match(unit.text):
        unit.role, unit.text, unit.marked = "heading", match.group("text"), True
        unit.level = max(2, len(match.group("hashes")))
    elif match := LIST_MARKER.match(unit.text):
        unit.role, unit.text, unit.marked = "list_item", match.group("text").strip(), True
        unit.ordered = match.group("number") is not None
        unit.level = 1 + unit.indent // 2
    elif match := QUOTE_MARKER.match(unit.text):
        unit.role, unit.text, unit.marked = "quote", match.group("text").strip(), True


def _layout_heading(unit: Unit, before: Unit | None, after: Unit | None) -> bool:
    """A short non-sentence line followed by prose is a heading (before it: prose, a list, or nothing)."""
    if reads_as_sentence(unit.text) or reads_as_prose(unit.text):
        return False
    if word_count(unit.text) > HEADING_MAX_WORDS or CLAUSE_END.search(unit.text):
        return False
    return after is not None and reads_as_prose(after.text)


def _drop_trailing_fragments(body: list[Unit]) -> None:
    """Short non-sentences after the last prose are page furniture (a tag, a site name), not article.

    Only when prose exists before them: a text that is nothing but a short line is kept as it is.
    """
    prose = [i for i, unit in enumerate(body) if unit.role in ("paragraph", "list_item", "quote") and reads_as_prose(unit.text)]
    if not prose:
        return
    for unit in body[prose[-1] + 1 :]:
        if unit.role == "paragraph" or (unit.role == "heading" and not unit.marked):
            unit.role, unit.reason = "chrome", "footer"


# --- text shape ------------------------------------------------------------------------------------


def _sentence_count(text: str) -> int:
    return len(re.findall(r"[.!?…。！？](?:[\"'”’»)\]]*)(?:\s+|$)", text)) or 1


# --- assembling ------------------------------------------------------------------------------------

BLOCK_KINDS = {
    "heading": BlockKind.HEADING,
    "paragraph": BlockKind.PARAGRAPH,
    "list_item": BlockKind.LIST_ITEM,
    "quote": BlockKind.QUOTE,
    PHOTO_CREDIT: BlockKind.CREDIT,
}


def _assemble(units: list[Unit]) -> Article:
    article = Article()
    lists = _ListGrouper()
    for unit in units:
        if unit.role == "chrome":
            article.removed.append(Removal(reason=unit.reason, text=unit.text, where=f"line {unit.line}"))
        elif unit.role in ("title", "dek", "byline"):
            setattr(article, unit.role, unit.text if unit.role != "byline" else _clean_byline(unit.text))
        elif unit.role == "date":
            article.published = article.published or _iso_date(unit.text)
        elif unit.role in BLOCK_KINDS:
            number = len(article.blocks) + 1
            article.blocks.append(_block(unit, number, lists.group_for(unit, number)))
    return article


class _ListGrouper:
    """Gives consecutive items of one list a shared group id, so renderers can rebuild the list.

    As in CommonMark, a top-level item that switches between bullets and numbers starts a new list.
    """

    def __init__(self) -> None:
        self.group = ""
        self.ordered = False

    def group_for(self, unit: Unit, number: int) -> str:
        if unit.role != "list_item":
            self.group = ""
        elif not self.group or (unit.level == 1 and unit.ordered != self.ordered):
            self.group, self.ordered = f"list{number}", unit.ordered
        return self.group


def _block(unit: Unit, number: int, group: str) -> Block:
    kind = BLOCK_KINDS[unit.role]
    return Block(
        id=f"b{number}",
        kind=kind,
        text=unit.text,
        spoken=kind != BlockKind.CREDIT,
        level=unit.level,
        group=group,
        ordered=unit.ordered,
    )


def _clean_byline(text: str) -> str:
    return re.sub(r"\s*[|·•]\s*$", "", text.strip())


def _iso_date(text: str) -> str:
    """ISO date of a dateline when it parses, else the line as written (still better than nothing)."""
    match = re.search(
        r"\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}",
        text,
    )
    if match:
        candidate = match.group(0).replace(",", ", ").replace("  ", " ")
        for fmt in DATE_FORMATS:
            try:
                return datetime.strptime(candidate, fmt).date().isoformat()
            except ValueError:
                continue
    return text.strip()
