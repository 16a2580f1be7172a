"""Speech text: what a good human reader says for one sentence of displayed text.

``speech_text(text, lang, lexicon)`` runs an ordered list of rules. Each rule is one compiled regex (built
once per language, on that language's first sentence: see :func:`compiled_rules`) and a small function. This is the one engine for every language: what a
language writes and says (patterns, word lists, phrasing functions) comes from its module in
:mod:`.languages`, and a rule a language does not supply is skipped; :mod:`.neutral` holds what all
languages share. The order matters and is the order a reader resolves things in:
user lexicon first (the user knows best), then things that contain digits and dots (links, phone numbers,
dates, times, money, units, years, plain numbers), then abbreviations, Roman numerals and acronyms, then
symbols and punctuation the engine should not read out.

Output is written for libespeak-ng (checked against its phonemiser, version 1.52): spelled acronyms are
letters joined by full stops ("F.B.I"), quotes are dropped, dashes become commas (a short pause).
Text a rule has finished with (a lexicon entry, a link) is *protected*: swapped for a private-use
character so no later rule touches it, and restored at the end.

Emoji: English speech says the emoji's Unicode name once ("🔥🔥🔥" -> "fire"), as screen readers do;
other languages drop emoji, because the only names at hand are English.
Languages without a module get the language-neutral rules only (links, footnotes, emoji, quotes,
dashes); their numbers are left to the engine's own voice rules.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from .. import patterns
from ..langtags import primary, subtags
from . import numbers
from .languages import LANGUAGE_RULES, LanguageRules
from .languages.rules import alternation as _alternation
from .neutral import (
    ACRONYM_READINGS,
    APOSTROPHES,
    BIBLE_BOOKS,
    CURRENCY_CODES,
    CURRENCY_PREFIXES,
    DROPPED_QUOTES,
    DURATION_SYMBOLS,
    FOOTNOTE_PHRASES,
    QUEEN_NAMES,
    REGNAL_NAMES,
    SILENT_CHARS,
    TIME_ZONES,
)

if TYPE_CHECKING:
    from .lexicon import Lexicon

# Private-use code points stand in for protected text; no rule's pattern matches them.
_PROTECT_BASE = 0xE000
_PROTECT_LIMIT = 0xF8FF
_PROTECTED = patterns.compile("[\ue000-\uf8ff]")

_DASHES = "–—―"
_NEXT_WORD = patterns.compile(r"\s+([^\s,.;:!?)]+)")
_VOWELS = frozenset("AEIOUYÀÂÄÁÉÈÊËÍÌÎÏÓÒÔÖÚÙÛÜ")
# English consonant clusters that may open or close a syllable; used to tell "NASA" from "NYPD".
_ONSETS = frozenset("""BL BR CH CL CR DR DW FL FR GL GN GR KL KN KR PH PL PR QU SC SH SK SL SM SN SP ST SW TH
    TR TW WH WR SCH SCR SHR SPL SPR STR THR""".split())
_CODAS = frozenset("""CH CK CT FT LD LF LK LM LP LT MP ND NG NK NT PT RB RD RK RM RN RP RT SH SK SP ST TH NS
    RS LS TS DS KS PS MS GS NZ RL LL SS FF ZZ TT WN WL WS WK WT XT RF RG RC NC SM GH PH NTS RST NDS""".split())


# --- The work area a rule sees ---------------------------------------------------------------------


@dataclass(kw_only=True)
class _Context:
    """One sentence being normalised: its language, and the protected pieces. ``language`` is None for a
    language without a module, which gets the language-neutral rules only."""

    lang: str
    tag: str
    language: LanguageRules | None
    shouting: bool = False
    protected: list[str] = field(default_factory=list)

    def protect(self, spoken: str) -> str:
        """Swap finished text for a placeholder no later rule matches."""
        index = len(self.protected)
        if _PROTECT_BASE + index > _PROTECT_LIMIT:
            return spoken
        self.protected.append(spoken)
        return chr(_PROTECT_BASE + index)

    def restore(self, text: str) -> str:
        if not self.protected:
            return text
        return _PROTECTED.sub(lambda m: self._restore_one(m.group()), text)

    def _restore_one(self, char: str) -> str:
        index = ord(char) - _PROTECT_BASE
        return self.protected[index] if index < len(self.protected) else ""



@dataclass(kw_only=True)
class _LanguageContext(_Context):
    """A sentence in a language with a module: its data and compiled rules are always there, so the number
    and word rules need not check for a missing language."""

    language: LanguageRules
    rules: _Rules

    @property
    def words(self) -> Mapping[str, str]:
        return self.language.words


def _at_end(text: str, position: int) -> bool:
    """True when only closing quotes/brackets and spaces follow: a dot there also ends the sentence."""
    for char in text[position:position + 200]:
        if char not in " )]”’\"'»":
            return False
    return len(text) - position <= 200 or not text[position + 200:].strip(" )]”’\"'»")


def _keep_final_dot(match: re.Match, spoken: str) -> str:
    """An abbreviation's dot that was also the sentence's full stop stays a full stop."""
    if match.group().endswith(".") and _at_end(match.string, match.end()):
        return spoken + "."
    return spoken


def _abbreviation_pattern(keys) -> str:
    """Keys like "z. B" match "z. B." and "z.B."; every key is followed by its dot."""
    parts = []
    for key in sorted(keys, key=lambda k: (-len(k), k)):
        parts.append(r"\.\s?".join(re.escape(piece) for piece in re.split(r"\.\s?", key)))
    return "|".join(parts)


# --- Compiled rules per language -------------------------------------------------------------------


@dataclass(frozen=True)
class _Rules:
    """Every regex of one language, compiled on its first use (:func:`compiled_rules`)."""

    lang: str
    number_re: re.Pattern
    before_number: re.Pattern | None
    month_day: re.Pattern | None
    month_year: re.Pattern | None
    weekday_comma_date: re.Pattern | None
    weekday_before_date: re.Pattern | None
    dotted_day_range: re.Pattern | None
    day_month: re.Pattern | None
    month_hyphen: re.Pattern | None
    day_month_hyphen: re.Pattern | None
    date_range_dash: re.Pattern | None
    day_range_month: re.Pattern | None
    ambiguous_month_date: re.Pattern | None
    numeric_date: re.Pattern
    iso_date: re.Pattern
    time: re.Pattern | None
    time_ampm: re.Pattern | None
    money_prefix: re.Pattern
    address: re.Pattern | None
    local_phone: re.Pattern | None
    postal: re.Pattern | None
    region: re.Pattern | None
    fraction: re.Pattern
    bare_decimal: re.Pattern
    multiplier: re.Pattern | None
    money_range: re.Pattern
    scaled_amount: re.Pattern
    money_suffix: re.Pattern
    money_named: re.Pattern | None
    percent: re.Pattern
    units: re.Pattern
    units_attached: re.Pattern | None
    units_per: re.Pattern | None
    duration: re.Pattern | None
    unit_per_unit: re.Pattern | None
    scaled_unit: re.Pattern | None
    by: re.Pattern | None
    scaled: re.Pattern | None
    decade: re.Pattern | None
    ordinal: re.Pattern | None
    roman_ordinal: re.Pattern | None
    year: re.Pattern | None
    unit_range: re.Pattern | None
    unit_per_hundred: re.Pattern | None
    range_: re.Pattern
    unit_after: re.Pattern | None
    period_year: re.Pattern | None
    expansions: re.Pattern | None
    undotted: re.Pattern | None
    suffix: re.Pattern | None
    contextual: re.Pattern | None
    acronyms: re.Pattern
    roman: re.Pattern
    roman_lower: re.Pattern | None


_ISO_CODE = patterns.compile(r"[A-Z]{3}")
# Not inside a word or a written number ("1,000", "3.14"); after a comma or full stop that follows a
# word it may start ("yes,34"); not after a full stop ("H.264", a footnote "seconds.23").
_NUM_BOUNDARY_BEFORE = r"(?<![\w.])(?<!\d,)(?<!,,)"
_NUM_BOUNDARY_AFTER = r"(?!\w|[.,]\d)"
# "3/4", "1 1/2", "1/200th", "4.3/5": whole number, numerator, denominator, ordinal suffix.
# The whole number may be joined by a hyphen, as US measurements write it ("2-1/2 inches"); the suffix may be
# plural ("2/3rds").
_FRACTION = (r"(?<![\w/.,:-])(?:(\d{1,3})(?:\s+|-(?=\d/\d)))?(\d{1,6}(?:[.,]\d+)?)/(\d{1,9}(?:[.,]\d{3})*)"
             r"(st|nd|rd|th|ST|ND|RD|TH)?s?(?![\w/]|[.,]\d)")
# Up to 399; a lone "L" or "C" is a letter ("Type C"), never a numeral.
_ROMAN = r"(?=[IVXLC])(?![LC](?![IVXLC]))C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"


# Modifier letters French and Spanish typography use for abbreviations ("Mᵐᵉ", "Dʳ", "Mˡˡᵉ", "nᵒ").
_SUPERSCRIPT_LETTERS = "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"


def _optional(pattern: str | None) -> re.Pattern | None:
    return patterns.compile(pattern) if pattern else None


def _build_rules(language: LanguageRules) -> _Rules:
    number = language.number_style.pattern
    month_names = _month_alternation(language)
    scale = _alternation(language.scale_suffixes)
    units = _alternation(language.units)
    attached = _alternation(language.attached_units)
    durations = _alternation(DURATION_SYMBOLS & set(language.units))
    lower_cues = _alternation(w for w in language.roman_cardinal_context if w[:1].islower()) or "(?!)"
    before = language.before_number
    expansions = language.expansions
    acronym_keys = set(ACRONYM_READINGS) | set(language.acronym_readings)
    # the neutral codes and symbols, and those only this language names ("MXN", "R$" in Spanish)
    codes = _alternation(set(CURRENCY_CODES) | {key for key in language.currencies if _ISO_CODE.fullmatch(key)})
    # in lower case too ("brl 1", "13hkd", "100 usd", as shops and forums write them), but not a code that is
    # a word of the language (Spanish "ves", English "cup")
    iso_codes = set(CURRENCY_CODES) | set(language.currencies)
    lower_codes = _alternation({key.lower() for key in iso_codes if _ISO_CODE.fullmatch(key)} - language.code_words)
    neutral_codes = f"(?i:{_alternation(CURRENCY_CODES)})|{lower_codes}" if lower_codes else f"(?i:{_alternation(CURRENCY_CODES)})"
    # a sign with letters in any case ("us$5", "5 us$")
    prefixes = _alternation(set(CURRENCY_PREFIXES) | {key for key in language.currencies if not key.isalpha()})
    prefixes = f"(?i:{prefixes})"
    return _Rules(
        lang=language.code,
        number_re=patterns.compile(rf"{_NUM_BOUNDARY_BEFORE}({number}){_NUM_BOUNDARY_AFTER}"),
        before_number=patterns.compile(
            rf"(?<![\w.])(?:({_abbreviation_pattern(before)})\.|([Nn][°º]|#))\s?(?=\d|[A-Z]{{1,2}}\d{{3,}}\b)")
        if before else None,  # "#1", "order #A12345": the number sign
        month_day=patterns.compile(
            rf"\b({month_names}|(?i:{_abbreviation_pattern(_month_abbreviations(language))})\.?)\s(\d{{1,2}})"
            rf"(?i:st|nd|rd|th)?\b(?:,?\s(?:de\s)?(\d{{4}})\b)?"
            rf"(?:\s?[-–]\s?(\d{{1,2}})(?i:st|nd|rd|th)?\b(?![.,:/-]\d))?") if language.month_day_dates else None,
        # "1.–3. Juni": two days with their ordinal dots, as German writes a span of days
        dotted_day_range=patterns.compile(rf"(?<![\w.,])(\d{{1,2}})\.\s?[-–]\s?(\d{{1,2}})\.\s({month_names})\b(?:\s(\d{{4}})\b)?")
        if language.day_first and language.number_style.group == "." and language.say_day_month else None,
        weekday_before_date=patterns.compile(
            rf"(?<![\w.])({_alternation(k for k, v in language.range_abbreviations.items() if v in language.weekdays)})"
            rf"\.(,?\s)(?=\d{{1,2}}(?:\.|\s(?:{month_names})))")
        if any(v in language.weekdays for v in language.range_abbreviations.values()) else None,
        # "Mon, Jan 6", "Fri, 12 May 2023": a weekday's short name without its dot, before a comma and a date
        weekday_comma_date=patterns.compile(
            rf"(?<![\w.])({_alternation(k for k, v in _short_weekdays(language).items())})"
            rf"(?=,\s(?:\d{{1,2}}\.?\s)?(?:{month_names}|(?i:{_abbreviation_pattern(_month_abbreviations(language))}))\b)")
        if _short_weekdays(language) and _month_abbreviations(language) else None,
        # a dash before a month and year ("2021-March 2022"), or a short month name before a year
        period_year=patterns.compile(rf"(?<![\w.])({language.period_before_year})\s(1[5-9]\d\d|20\d\d)(?!\w|[.,]\d)")
        if language.period_before_year else None,
        month_year=patterns.compile(
            rf"(?<=\d)(\s?[-–]\s?)(?=(?:{month_names})\s\d{{4}}\b)"
            rf"|(?<![\w.])((?i:{_abbreviation_pattern(_month_abbreviations(language))}))\.?(?=\s\d{{4}}\b)")
        if language.months and _month_abbreviations(language) else None,
        day_month=patterns.compile(
            rf"(?<![\w.,])(\d{{1,2}})(?:st|nd|rd|th|\.|[°º])?\s(?:(?:of|de)\s)?"
            rf"({month_names}|(?i:{_abbreviation_pattern(_month_abbreviations(language))})\.?)(?!\w)"
            rf"(?:,?\s(?:de\s)?(\d{{4}})\b)?")
        if language.say_day_month else None,
        # "Jan-15", "Mar-2023" (a month and its day or year joined by a hyphen, as tables and listings write
        # them) and "15-Jan-2024" (the day-month-year of forms and logs): the hyphens are spaces
        month_hyphen=patterns.compile(rf"(?<![\w.-])((?i:{_abbreviation_pattern(_month_abbreviations(language))})|{month_names})"
                                rf"-(?=(?:\d{{1,2}}|\d{{4}})(?![\w-]|[.,]\d))")
        if language.months and _month_abbreviations(language) else None,
        day_month_hyphen=patterns.compile(rf"(?<![\w.-])(\d{{1,2}})-((?i:{_abbreviation_pattern(_month_abbreviations(language))})"
                                    rf"|{month_names})-(?=(?:\d{{2}}|\d{{4}})(?![\w-]|[.,]\d))")
        if language.months and _month_abbreviations(language) else None,
        # a dash between two dates with their months ("Dec. 24-Jan. 2", "1 Jan – 3 Feb") is "to", as
        # between two years (Chicago Manual of Style 6.78: the en dash stands for "to", "through")
        date_range_dash=_date_range_dash(language, month_names) if language.months else None,
        # "17 may 2010", "may 17, 2010": a month that is also a word ("may", "march") is a month in lower case
        # too where a day and a year hold it between them
        ambiguous_month_date=_ambiguous_month_date(language) if language.ambiguous_months else None,
        # "2-3 January", "14–16 Sept.": two days of one month, the first read as a day ("second to ...")
        day_range_month=patterns.compile(rf"(?<![\w.,/-])(\d{{1,2}})(?:st|nd|rd|th)?\s?[-–]\s?(?=(\d{{1,2}})(?:st|nd|rd|th)?\s"
                                   rf"(?:of\s)?(?:{month_names}|(?i:{_abbreviation_pattern(_month_abbreviations(language))})\.?)(?!\w))")
        if language.say_day and language.say_day_month and _month_abbreviations(language) else None,
        numeric_date=patterns.compile(r"(?<![\w/.,-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/]|[.,-]\d)"),
        # "2012-07-25", "2012/7/25", and "2012.07.25" (ISO order with dots, as East Asian and some European pages
        # write it; two-digit month and day only, so a version "2019.1.2" stays a version)
        iso_date=patterns.compile(r"(?<![\w/.-])(\d{4})(?:([-/])(\d{1,2})\2(\d{1,2})|(\.)(\d\d)\.(\d\d))(?![\w/-]|\.\d)"),
        time=_optional(language.time_pattern),
        local_phone=_optional(language.local_phone_pattern),
        time_ampm=_optional(language.ampm_pattern),
        bare_decimal=patterns.compile(rf"(?<![\w.,$€£¥₹₽]){re.escape(language.number_style.decimal)}(\d+)(?![\w]|[.,]\d)"),
        address=patterns.compile(rf"(?<![\w.,])(\d{{1,5}})((?:\s(?:{_alternation(language.compass_points)})\.?)?"
                           rf"(?:\s[A-Z0-9][\w'’-]*){{1,3}})\s({_alternation(language.street_suffixes)})\b\.?"
                           # a quadrant after the street type ("1600 Pennsylvania Ave NW", as DC writes it)
                           rf"(?:\s({_alternation(k for k in language.compass_points if len(k) == 2)})\b)?"
                           rf"(?:\s({_alternation(language.address_units) or '(?!)'})\.?(?=\s#?\d))?")
        if language.street_suffixes else None,
        # ", CA 95051", ", NY 10001-1234", ", FL, 95051": after a comma (a town), the region and its ZIP code
        postal=patterns.compile(rf"(?<![\w.])([A-Z][a-z][\w.'’-]*,\s)({_alternation(language.postal_regions)})(,)?\s"
                          # after a comma only where no word follows ("Austin, TX, 12000 people" is a count)
                          rf"(\d{{5}}(?:-\d{{4}})?)(?![\w-])(?(3)(?!\s+[a-z]))")
        if language.postal_regions else None,
        # "Albany, NY." or "in Austin, TX, on Monday": a town, then its region, then punctuation
        region=patterns.compile(rf"(?<![\w.])([A-Z][a-z][\w.'’-]*,\s)({_alternation(language.regions_after_town)})"
                          rf"(?=[,.;:!?)]|\s*$)") if language.regions_after_town else None,
        # "3x faster", "10x more", "a 2.5x." (not "10x content", an adjective said "ten-x")
        multiplier=patterns.compile(rf"{_NUM_BOUNDARY_BEFORE}({number})[x×](?![\w×])(?=\s+(?:\w+er|more|less|as|than|the|"
                              rf"over|zoom|speed|magnification|earnings|forward|sales|revenue|book)\b|\s*[^\w\s]|\s*$)")
        if "times" in language.words else None,
        fraction=patterns.compile(rf"{_FRACTION}(?:\s?({units})(?![\w/²³]))?" if units else _FRACTION),
        # "$75-$250", and "$5-10 million" with the sign once: both amounts are dollars; "$1,000-$2,000" and
        # "£20m-£30m" (a scale on each) too
        money_range=patterns.compile(
            rf"(?<![\w$€£¥₹₽])({prefixes})\s?({number})(?:\s?({scale})(?!\w)|{_NUM_BOUNDARY_AFTER})"
            rf"(?:\s?[{_DASHES}-]\s?\1?|\s(?:to|{re.escape(language.words['to'])})\s\1)(?=\s?\d)"),
        # what follows a range's first amount: "3 billion" makes "$2.5-3 billion" a count of billions
        scaled_amount=patterns.compile(rf"\s?\d+(?:[.,]\d+)?\s?(?:{scale})(?!\w)") if scale else patterns.compile("(?!)"),
        money_prefix=patterns.compile(
            rf"(?<![\w$€£¥₹₽])(?:({prefixes})\s?|({codes}|{lower_codes or '(?!)'})\s?)({number}|{re.escape(language.number_style.decimal)}\d+)"
            rf"(?:\s?({scale})(?![\w]))?"
            rf"{_NUM_BOUNDARY_AFTER}"),
        money_suffix=patterns.compile(
            rf"{_NUM_BOUNDARY_BEFORE}({number})(?:\s?({scale}))?\s?({prefixes}|{codes}|{neutral_codes})(?!\w)"),
        # "3.50 euros": an amount with cents before the currency's name (not "2.5 dollars", a decimal).
        money_named=patterns.compile(rf"{_NUM_BOUNDARY_BEFORE}(\d+{re.escape(language.number_style.decimal)}\d\d)"
                               rf"\s({_alternation(_currency_words(language))})(?!\w)")
        if _currency_words(language) else None,
        percent=patterns.compile(rf"{_NUM_BOUNDARY_BEFORE}({number})\s?([%‰])"),
        # (a hyphen before the symbol makes a compound adjective: "a 10-km run", "a 5-min walk")
        # a unit between hyphens inside a German compound ("ein 4.000-mAh-Akku", "5-km-Lauf") too
        units=patterns.compile(rf"{_NUM_BOUNDARY_BEFORE}(?<!\w-)({number})(\s?|-(?=[^\W\d]))({units})"
                         rf"(?![\w²³]|-(?![A-ZÄÖÜ])|/\d)(\.(?=\s+[a-z]))?"),
        units_attached=patterns.compile(rf"(?<![\w.,%#&=-])({number})()({attached})(?![\w/²³'’])()")
        if language.attached_units else None,
        # "100 million kg", "3 millones de km" (the language's "de" between scale and noun is kept)
        scaled_unit=patterns.compile(rf"(?<=\d\s)((?:{_alternation(_scale_names(language))})"
                               rf"(?:\s{re.escape(language.scale_currency_link)})?)"
                               rf"\s({units})(?![\w/²³])") if units and language.scale_words else None,
        # "5 mg/kg", "4 km/s", "2 g/L": a unit per a unit, where the table has no name for the pair
        unit_per_unit=patterns.compile(rf"{_NUM_BOUNDARY_BEFORE}({number})\s?({units})/"
                                 rf"({_alternation(set(language.units) | set(language.per_words))})(?![\w/²³])")
        if units else None,
        # "15 h 10 min 40 seg": two or more parts of a duration; the last is joined with "and"
        duration=patterns.compile(rf"{_NUM_BOUNDARY_BEFORE}((?:\d+\s?(?:{durations})\s+)+)(\d+\s?(?:{durations}))(?![\w/²³])")
        if durations else None,
        units_per=patterns.compile(rf"{_NUM_BOUNDARY_BEFORE}({number})\s?/\s?({units})(?![\w/²³])") if units else None,
        by=patterns.compile(rf"(?<![\w.,])(?!0[x×])(\d+(?:[.,]\d+)?(\s?(?:{units}))?)\s?([x×])\s?"
                      rf"(?=\d+(?:[.,]\d+)?(\s?(?:{units})(?![\w²³]))?)(?!\d+(?:[.,]\d+)?\s?=)")
        if units and "by" in language.words else None,
        scaled=patterns.compile(rf"{_NUM_BOUNDARY_BEFORE}({number}){language.scaled_pattern}")
        if language.scaled_pattern else None,
        decade=_optional(language.decade_pattern),
        ordinal=_optional(language.ordinal_pattern),
        roman_ordinal=_optional(language.roman_ordinal_pattern),
        year=patterns.compile(rf"(?:(?<=mid-)|(?<=pre-)|(?<=post-)|(?<![\w.$€£¥-])(?<!\d,))(1\d\d\d|20\d\d)(?!\w|[.,]\d|\s?(?:{units})\b|\s?%)")
        if language.year_cues is not None else None,
        # Not a link of a hyphenated chain ("1-413-te-b-1-5", "5-3-Ws", a part or serial number): not
        # after "x-", not before "-" and a capital or a one- or two-letter piece ("2-3-day" is a range).
        range_=patterns.compile(
            rf"{_NUM_BOUNDARY_BEFORE}(?<![^\W_]-)(?<![$€£¥₹₽])(\d+(?:[.,]\d+)?)(?:\s?[{_DASHES}]\s?|-|\s-\s)(\d+(?:[.,]\d+)?)"
            rf"(?!-(?:[A-ZÀ-Þ]|[^\W\d_]{{1,2}}(?![^\W\d_])))"
            rf"(?:(?![\w/]|[.,-]\d)|(?=(?:{units}{'|' + attached if attached else ''})(?![\w/²³]))|(?=[x×](?!\w)))"),  # "2-3x"
        # "5kg-10kg", "10 km – 15 km": the unit written on both ends of a range is said once, at the end
        unit_per_hundred=patterns.compile(rf"{_NUM_BOUNDARY_BEFORE}({number})\s?({units})\s?/\s?(100|1000|10)\s?({units})"
                                    rf"(?![\w/²³])") if units else None,
        unit_range=patterns.compile(rf"{_NUM_BOUNDARY_BEFORE}(\d+(?:[.,]\d+)?)\s?({units})\s?[-–]\s?"
                              rf"(?=\d+(?:[.,]\d+)?\s?\2(?![\w/²³]))") if units else None,
        unit_after=patterns.compile(rf"\s?(?:{units})(?![\w/²³])") if units else None,
        # Not before a letter: "dott.ssa", "sig.ra" are other abbreviations (undotted_expansions).
        expansions=patterns.compile(rf"(?<![\w.])(?<![^\W\d_]-)(?:{_abbreviation_pattern(expansions)})\.(?![^\W\d_])")
        if expansions else None,
        # Before a name; one set with superscript letters ("Mᵐᵉ", "Dʳ") is an abbreviation anywhere.
        undotted=patterns.compile(rf"(?<![\w.])({_alternation(language.undotted_expansions)})"
                            rf"(?:(?=\s+[A-ZÀ-Þ])|(?<=[{_SUPERSCRIPT_LETTERS}])(?!\w))")
        if language.undotted_expansions else None,
        suffix=patterns.compile(rf"(?<![\w.])([^\W\d_]{{3,}}?)({_alternation(language.suffix_expansions)})\.(?![^\W\d_])")
        if language.suffix_expansions else None,
        contextual=patterns.compile(rf"(?<![\w.])({_alternation(language.contextual)})\.")
        if language.contextual else None,
        acronyms=patterns.compile(rf"(?<![\w&])({_alternation(acronym_keys)})(s|['’]s)?(?![\w&])"),
        # after a capitalised word, or after a lower-case cardinal cue ("el siglo XIX", "chapter IV")
        roman=patterns.compile(rf"(?<![\w])([A-ZÀ-Þ][\w'’-]*|{lower_cues})(\s+)({_ROMAN})(?!\w|['’](?!s\b))"
                         rf"(\.(?=\s+\w))?"),
        # "el siglo xix": pages that set centuries in small capitals write the numeral in lower case
        # (RAE, Ortografía 2010, 4.2.4.1.2: versalitas for centuries); only after the language's century
        # word, since lower-case numerals are words elsewhere (Italian "ci", "vi", Spanish "vi"). A lone "i"
        # stays a word.
        roman_lower=patterns.compile(rf"(?<![\w])({_alternation(language.lower_roman_cues)})(\s+)((?!i\b){_ROMAN.lower()})"
                               rf"(?![\w'’])") if language.lower_roman_cues else None,
    )


def _ambiguous_month_date(language: LanguageRules) -> re.Pattern:
    """A lower-case month that is also a word, after a day and before a year, or before a day and a year."""
    months = _alternation(m.lower() for m in language.ambiguous_months)
    return patterns.compile(rf"(?:(?<=\d\s)|(?<=\d[snrt][tdh]\s))({months})(?=,?\s\d{{4}}\b)"
                      rf"|(?<![\w.])({months})(?=\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}\b)")


def _date_range_dash(language: LanguageRules, month_names: str) -> re.Pattern:
    """A dash between a day and the next month's name and day, or between a day and month and the next
    day and month ("Dec. 24-Jan. 2", "1 Jan – 3 Feb", "3. Mai – 5. Juni"); group ``dash`` is the dash."""
    abbreviations = _month_abbreviations(language)
    month = rf"(?:{month_names}|(?i:{_abbreviation_pattern(abbreviations)})\.?)" if abbreviations else f"(?:{month_names})"
    day = r"\d{1,2}(?:st|nd|rd|th|er|[.°º])?"
    return patterns.compile(rf"(?<![\w.,])(?:{month}\s{day}|{day}\s(?:(?:of|de)\s)?{month})(?P<dash>\s?[-–]\s?)"
                      rf"(?=(?:{month}\s\d{{1,2}}|{day}\s(?:(?:of|de)\s)?{month})(?!\w))")


def _scale_names(language: LanguageRules) -> set[str]:
    """Scale words as said and as written in full ("Millionen", "millionen"), not abbreviations ("Mio.")."""
    said = {word for pair in language.scale_words.values() for word in pair}
    return said | {word for word in language.scale_suffixes if word.isalpha() and len(word) > 3}


@functools.cache
def _currency_words_of(code: str) -> Mapping[str, tuple]:
    """:func:`_currency_words` of a known language, built once (the money rule asks on every sentence)."""
    return MappingProxyType(_currency_words(LANGUAGE_RULES[code]))


def _currency_words(language: LanguageRules) -> dict[str, tuple]:
    """Each currency's names ("euro", "euros") -> its names, for currencies that have cents; not a name
    that is also a unit's ("1.25 pounds of butter" is a weight)."""
    unit_names = {name for pair in language.units.values() for name in pair}
    return {name: names for names in language.currencies.values() if names[2] for name in names[:2]
            if name not in unit_names}


@functools.cache
def _currency_nouns(code: str) -> frozenset[str]:
    """The currencies' nouns ("pesos" of "pesos mexicanos", "dollars"): written after an amount with a sign
    ("$1.200 pesos"), the name is said once."""
    currencies = LANGUAGE_RULES[code].currencies
    return frozenset(name.split()[0] for names in currencies.values() for name in names[:2] if name[:1].islower())


def _month_alternation(language: LanguageRules) -> str:
    """Month names in any case ("july 4", "SEPTEMBER"), except those that are also words ("may")."""
    names = sorted(language.months, key=len, reverse=True)
    return "|".join(re.escape(n) if n in language.ambiguous_months else f"(?i:{re.escape(n)})" for n in names)


def _month_number(written: str, language: LanguageRules) -> int | None:
    """ "July", "july", "Jul.", "sept." -> the month's number."""
    key = written.rstrip(".")
    for table in (language.months, {k.lower(): v for k, v in language.months.items()}):
        for candidate in (key, key.lower(), key.capitalize()):
            if candidate in table:
                return table[candidate]
    for abbreviation, name in language.expansions.items():
        if abbreviation.lower() == key.lower() and name in language.months:
            return language.months[name]
    return None


def _short_weekdays(language: LanguageRules) -> dict[str, str]:
    """The short names of weekdays a language lists (expansions, range abbreviations) and their full names."""
    return {short: name for table in (language.range_abbreviations, language.expansions)
            for short, name in table.items() if name in language.weekdays}


def _month_abbreviations(language: LanguageRules) -> list[str]:
    return [key for key, value in language.expansions.items() if value in language.months]


@functools.cache
def compiled_rules(code: str) -> _Rules | None:
    """The compiled rules of base language ``code``, or None for a language without a module.

    Built on first use, so a page in one language compiles that language only (compiling all eight at
    import cost about 0.2 s of every start). The cache is the only state: it is keyed by the few known
    codes, never changes a result and is safe to share between threads (a race compiles twice, no harm).
    """
    language = LANGUAGE_RULES.get(code)
    return _build_rules(language) if language is not None else None

# --- Language-neutral patterns ---------------------------------------------------------------------

_URL = patterns.compile(r"(?<![\w@])(?:https?://|www\.)[^\s<>\"“”]+[^\s<>\"“”.,;:!?)\]’']")
_URL_HOST = patterns.compile(r"^(?:https?://)?(?:www\.)?([^/:?#]+)")
_EMAIL = patterns.compile(r"(?<![\w+-])(?<![\w.]\.)([\w+-][\w.+-]*)@([\w-]+(?:\.[\w-]+)+)(?<!\.)")
# A bare domain in running text ("Trippy.com"): the common generic and country endings (IANA root zone).
_DOMAIN = patterns.compile(r"(?<![\w@./-])((?:[A-Za-z0-9][\w-]*\.)+(?:com|org|net|edu|gov|io|co|uk|de|fr|es|it|ru|nl|pt|"
                     r"info|biz|tv|me|app|ai|us|ca|au|eu|ch|at|be|jp|in|br|mx|ly|dev|news))(?![\w-]|\.\w)")
_FOOTNOTE = patterns.compile(
    r"\s?\[\s*(?:\d+(?:\s*[,–-]\s*\d+)*|(?-i:[a-z])|(?:note|n|Anm\.?)\s*\d+|"
    + "|".join(re.escape(p) for p in FOOTNOTE_PHRASES) + r")\s*\](?!\w)", re.IGNORECASE)
# Not after a unit's letter: "m²", "km³", and the Cyrillic "м²" of Russian pages are units, not notes.
_SUPERSCRIPT_FOOTNOTE = patterns.compile(r"(?<=[^\W\d])(?<![mkм])(?<!/s)[¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?<=[.,;:!?)”\"’])[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_EMOJI_RUN = patterns.compile(
    "(?:[\U0001F300-\U0001FAFF\U0001F000-\U0001F2FF\u2600-\u27BF\u2B50\u2B55\u2B1B\u2B1C]"
    "[\U0001F3FB-\U0001F3FF\uFE0F\uFE0E\u20E3]*(?:\u200D[\U0001F300-\U0001FAFF\u2600-\u27BF][\uFE0F]?)*\\s?)+")
_EMOJI_CLUSTER = patterns.compile(
    "[\U0001F300-\U0001FAFF\U0001F000-\U0001F2FF\u2600-\u27BF\u2B50\u2B55\u2B1B\u2B1C]"
    "[\U0001F3FB-\U0001F3FF\uFE0F\uFE0E\u20E3]*(?:\u200D[\U0001F300-\U0001FAFF\u2600-\u27BF][\uFE0F]?)*")
_FLAG = patterns.compile("[\U0001F1E6-\U0001F1FF]{2}")
_KEYCAP = patterns.compile("([0-9#*])\uFE0F?\u20E3")
# Unicode names of the dingbat range carry typographic words a listener does not need ("HEAVY BLACK HEART").
_EMOJI_NAME_NOISE = frozenset({"BLACK", "WHITE", "HEAVY", "SUIT", "SIGN", "MEDIUM", "LARGE", "SMALL"})
# A quotation mark between words: opening after a word ("said “yes"), closing before one ("yes” and").
# A quotation between words: an opening mark after a word, the quoted words, the closing mark.
_QUOTATION = patterns.compile("(?<=[\\w,;:])(\\s+)[“„«\"‹「『]\\s*([^“”„«»\"‹›「」『』]{1,400}?)\\s*[”“»\"›」』]"
                        "(?=(\\s+[\\w(])?)")
# Fewer words than this are a term or a scare quote ("the “stranger test”"): no pause around them.
_QUOTATION_PAUSE_WORDS = 4
_ANY_DROPPED = patterns.compile("[" + re.escape(SILENT_CHARS + DROPPED_QUOTES) + "]")
_ANY_APOSTROPHE = patterns.compile("[" + re.escape(APOSTROPHES) + "]")
_ANY_SUPERSCRIPT = patterns.compile("[¹²³⁴⁵⁶⁷⁸⁹⁰]")
_PHONE = patterns.compile(
    # (the subscriber's part in one run after a European area code: "+49 30 1234567", "(030) 1234567", DIN 5008)
    r"(?<![\w+.,/-])(?:\+\d{1,3}[\s.-]?(?:\(0\)\s?)?\d{1,5}[\s.-]\d{5,8}"
    r"|\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){1,4}"
    r"|\(\d{3}\)[\s-]?\d{3}[-.\s]\d{4}|\d{3} \d{3} \d{4}|\(0\d{2,4}\)\s?\d{3,4}[-\s]\d{3,4}|\(0\d{2,4}\)\s?\d{5,9}"
    r"|(?:1[-.])?\d{3}[-.]\d{3}[-.]\d{4}(?:-\d{1,4})?|\d{3}-\d{2}-\d{4}|\d{3}-\d{4})(?![\w-]|[.,]\d)")
_FOUR_FOUR = patterns.compile(r"(?<![\w+.,/-])(\d{4,5})-(\d{4})(?![\w-]|[.,]\d|\s?[%€$])")
# A national number with its trunk zero and area code, as Europe writes it: "030 1234567", "030/1234567",
# "0800 123 456", "01 23 45 67 89", "020 7946 0958" (the area code starts with 0, then digit groups).
# Not a group of a number written in thousands ("3 000 000"), not a date ("02/03/2003").
_TRUNK_PHONE = patterns.compile(r"(?<![\w.,+/-])(?<!\d\s)(?:0\d{1,4}(?: \d{2,8}){1,4}|0\d{2,4}[/-]\d{3,8}(?:[ -]\d{2,5}){0,3})"
                          r"(?![\w-]|[.,:/]\d)")
# A toll-free number spelt with a word (US "1-800-", Latin American "0-800-"): its prefix before the word.
_TOLL_FREE = patterns.compile(r"(?<![\w+.-])([01])-(8\d\d)-(?=[^\W\d_])")
_VULGAR = MappingProxyType({"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5),
                            "⅖": (2, 5), "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8),
                            "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8)})
_UNICODE_FRACTION = patterns.compile(r"(?<![\w.,])(?:(\d{1,6})\s?)?([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])")
# (also straight after a question or exclamation mark run on without a space: "...?-34")
_NEGATIVE = patterns.compile(r"(?:(?<=^)|(?<=[\s(\[?!]))([-−+])(?=\d)")
_DOTTED_ACRONYM = patterns.compile(r"(?<![\w.])((?:[A-Z]\.){1,}[A-Z])(\.?)(?=[\s,;:!?)\]’'\"-]|$)")
_TWO_CAPITALS = patterns.compile(r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ&a-z]*[A-ZÀ-ÖØ-Þ]")
# also after an elided article or pronoun ("l’UE", "d’EDF", "qu’ONU")
_CAPS_WORD = patterns.compile(r"(?:(?<![\w.&'’])|(?<=\b[lLdDjJmMnNsStTcC]['’])|(?<=\b[qQ]u['’]))([A-ZÀ-ÖØ-Þ]{2,})(s|['’]s?)?(?![\w&'’])")
_LETTER_WORD = patterns.compile(r"[^\W\d_]{2,}")
_HANDLE = patterns.compile(r"(?<![\w@])@([A-Za-z_]\w*)")
_HASHTAG = patterns.compile(r"(?<![\w&#])#([^\W\d]\w*)")
_SHARP = patterns.compile(r"(?<=\b[A-GJ])#(?!\w)")
_PLUSPLUS = patterns.compile(r"(?<=\w)\+\+")
_TRAILING_PLUS = patterns.compile(r"(?<=\w)\+(?!\w)")
_AMPERSAND = patterns.compile(r"\s*&\s*")
_SPACED_SYMBOL = patterns.compile(r"\s?([=×±≈≤≥→§©%‰])\s?|(?<=\s)([<>+])(?=\s)")
_COMPARISON_BEFORE_NUMBER = patterns.compile(r"(?:(?<=^)|(?<=[\s(]))([<>≤≥])\s?(?=[\d$€£¥])")
_ANY_SYMBOL = patterns.compile(r"[=×±≈≤≥→§©%‰<>+]")
_ANY_DASH = patterns.compile(r"[-–—―]")
_SLASH = patterns.compile(r"(?<=[^\W\d_])/([^\W\d_]+)")
# A slash with a space on one side at least, not part of a word pair or a number pair (NVDA symbols.dic: "slash")
_LONE_SLASH = patterns.compile(r"(?<=[\w,.])\s*/(?=\s)|(?<=\s)/(?=\w)|(?<=\s)/(?=\s)")
# A height or length in feet and inches: "5'11"", "6′ 2″" (prime marks or the quotes that stand for them).
_ORDINAL_FOR_DEGREE = patterns.compile(r"(?<=\d)º(?=[CF]\b)|(?<=\d\s)º(?=[CF]\b)")
_FEET_INCHES_WORDS = patterns.compile(r"(?<![\w.,])(\d)\s?ft\.?\s(\d{1,2})\s?in\b\.?(?!\w)")
# A straight double quote right after a number is the inch mark typed for the double prime ("a 55" TV",
# "2.5" screen", "de 55" y 17"") when no quotation is open before it.
_STRAIGHT_QUOTE = patterns.compile('"')
_INCH_MARK = patterns.compile(r'(?<=\d)"(?![\w"])')
_INCH_HYPHEN = patterns.compile(r"-(?=[^\W\d])")
_FEET_INCHES = patterns.compile("(?<![\\w.,'’])(\\d)\\s?['′’]\\s?(\\d{1,2})\\s?(?:[\"″”]|'')(?!\\w)")
# "3:1", "16:9", "1:100": a ratio or a score; runs after the clock times have taken theirs.
_RATIO = patterns.compile(r"(?<![\w.,:])(\d{1,3}):(\d{1,3})(?![\w:]|[.,]\d)")
_PLUS_BETWEEN = patterns.compile(r"(?<=\d)\s?\+\s?(?=\d)")
_TIMES_BETWEEN = patterns.compile(r"(?<=\d)\s?\*\s?(?=\d)")
_TILDE_ABOUT = patterns.compile(r"~\s?(?=\d)")
_DASH_PAUSE = patterns.compile(r"\s*[—―]\s*|\s+[–-]\s+|\s*--\s*|\s+[–-]$|^[–-]\s+")
_NAME_RANGE = patterns.compile(r"\b([^\W\d]+)(\.?)\s?[–—-]\s?([^\W\d]+)\b(?(2)\.?)")  # "Mon-Fri", "Mo.–Fr."
_SENTENCE_GOES_ON = patterns.compile(r"\s+[A-ZÀ-Þ]")
_DASH_BETWEEN_WORDS = patterns.compile(r"(?<=[^\W\d])–(?=[^\W\d])")
_ELLIPSIS = patterns.compile(r"\.\s\.\s\.")
_LEFTOVER = patterns.compile(r"[|_\\^{}~]")
_BRACKETS = patterns.compile(r"[\[\]]")
_SPACE_BEFORE_PUNCT = patterns.compile(r" (?=[,.;:!?)])")
_REPEATED_COMMAS = patterns.compile(r"(?:,\s*){2,}|,\s*(?=[.;:!?])|(?<=[.;:!?]),")
_OPEN_SPACE = patterns.compile(r"\(\s+")
_LEADING_PUNCT = patterns.compile(r"^[\s,;:]+|[\s,]+$")


# --- Rules -----------------------------------------------------------------------------------------


def _rule_links(text: str, ctx: _Context) -> str:
    """A URL is "link to example.com"; an address "jane dot doe at example dot com"; "Trippy dot com"."""
    words = ctx.language.words if ctx.language else None

    def link(match: re.Match) -> str:
        host_match = _URL_HOST.match(match.group())
        host = host_match.group(1) if host_match else match.group()
        return ctx.protect(f"{words['link']} {host}" if words else host)

    def email(match: re.Match) -> str:
        if not words:
            return ctx.protect(match.group(2))
        user = " ".join(part for part in re.split(r"[_+-]+", match.group(1).replace(".", f" {words['dot']} ")))
        # a full stop just before it is the sentence's, not the address's (no local part starts with one,
        # RFC 5322 3.4.1): "test .b@gmail.com" is "test. b at gmail dot com"
        space = " " if match.start() and match.string[match.start() - 1] == "." else ""
        return space + ctx.protect(f"{user} {words['at']} {_say_domain(match.group(2), words)}")

    if "@" in text:
        text = _EMAIL.sub(email, text)
    if "www." in text or "://" in text:
        text = _URL.sub(link, text)
    if words and "." in text:
        text = _DOMAIN.sub(lambda m: ctx.protect(_say_domain(m.group(1), words)), text)
    return text


def _say_domain(domain: str, words: Mapping[str, str]) -> str:
    """ "example.co.uk" -> "example dot co dot uk"."""
    return f" {words['dot']} ".join(domain.split("."))


def _rule_footnotes(text: str, ctx: _Context) -> str:
    """Citation markers ("[12]", "[citation needed]", "¹²") are for the eye only."""
    if "[" in text:
        text = _FOOTNOTE.sub("", text)
    if _ANY_SUPERSCRIPT.search(text):
        text = _SUPERSCRIPT_FOOTNOTE.sub("", text)
    return text


def _emoji_name(cluster: str) -> str:
    base = cluster[0]
    name = unicodedata.name(base, "")
    if "\u2600" <= base <= "\u27bf":
        name = " ".join(w for w in name.split() if w not in _EMOJI_NAME_NOISE)
    return name.lower()


def _emoji_names(ctx: _Context) -> bool:
    return bool(ctx.language and ctx.language.emoji_names)


def _rule_emoji(text: str, ctx: _Context) -> str:
    """Where the language says emoji names (English): each different emoji's name once; else dropped."""
    if max(text, default="") < "\u20e3":
        return text
    text = _KEYCAP.sub(r"\1", text)
    if _FLAG.search(text):
        text = _FLAG.sub(" flag " if _emoji_names(ctx) else " ", text)

    def name_run(match: re.Match) -> str:
        if not _emoji_names(ctx):
            return " "
        names = list(dict.fromkeys(_emoji_name(c) for c in _EMOJI_CLUSTER.findall(match.group())))
        return " " + ", ".join(n for n in names if n) + " "

    return _EMOJI_RUN.sub(name_run, text)


def _rule_typography(text: str, ctx: _Context) -> str:
    """Quotes inside a sentence are a short pause (a comma), not read out; invisible characters go."""
    if "º" in text:  # "30 ºC": the ordinal indicator typed for the degree sign (Spanish and Portuguese pages)
        text = _ORDINAL_FOR_DEGREE.sub("°", text)
    say_feet_inches = ctx.language.say_feet_inches if ctx.language else None
    if say_feet_inches and _FEET_INCHES.search(text):
        text = _FEET_INCHES.sub(lambda m: say_feet_inches(int(m.group(1)), int(m.group(2))), text)
    if say_feet_inches and "ft" in text:  # "5 ft 11 in", "6ft 2in": "in" after feet is inches
        text = _FEET_INCHES_WORDS.sub(lambda m: say_feet_inches(int(m.group(1)), int(m.group(2))), text)
    if '"' in text and ctx.language and "″" in ctx.language.units:  # "a 55" TV": the inch mark
        text = _inch_marks(text, ctx.language.units["″"][0])
    if "*" in text and ctx.language and _TIMES_BETWEEN.search(text):
        text = _TIMES_BETWEEN.sub(f" {ctx.language.symbol_words.get('×', '*')} ", text)  # "2*8": a product
    if _ANY_DROPPED.search(text):
        text = _QUOTATION.sub(lambda m: _quotation(m, ctx.language), text)
        text = _ANY_DROPPED.sub("", text)
    if _ANY_APOSTROPHE.search(text):
        text = _ANY_APOSTROPHE.sub("'", text)
    return _ELLIPSIS.sub("...", text) if ". . ." in text else text


def _inch_marks(text: str, inch: str) -> str:
    """One pass over the straight quotes: an inch mark leaves a quotation's state as it was, any other
    quote opens or closes one. "ein 55"-Fernseher" takes the unit's name inside the compound."""
    pieces: list[str] = []
    start = 0
    quoting = False
    for quote in _STRAIGHT_QUOTE.finditer(text):
        at = quote.start()
        if not quoting and _INCH_MARK.match(text, at):
            pieces.append(text[start:at])
            pieces.append(f"-{inch}" if _INCH_HYPHEN.match(text, at + 1) else "″")
            start = at + 1
        else:
            quoting = not quoting
    return "".join(pieces) + text[start:] if pieces else text


def _quotation(match: re.Match, language: LanguageRules | None) -> str:
    """A quotation of several words gets a short pause (a comma) on each side, as a reader's voice marks it;
    not after a small word ("known as the tarot") and not around a term of a word or two."""
    space, quoted, continues = match.group(1), match.group(2), match.group(3)
    before = _word_before(match.string, match.start()).strip(",;:")
    small = language.short_words if language else frozenset()
    if not language or len(quoted.split()) < _QUOTATION_PAUSE_WORDS or before.upper() in small or len(before) < 3:
        return f"{space}{quoted}"
    return f", {quoted}" + ("," if continues and quoted[-1:] not in ",;:" else "")


def _rule_before_number(text: str, ctx: _LanguageContext) -> str:
    """ "No. 5" -> "number 5", "p. 12" -> "page 12", "#1" -> "number 1" (the number is read later)."""
    if not ctx.rules.before_number:
        return text
    table = ctx.language.before_number

    def replace(match: re.Match) -> str:
        if match.group(1):
            return table[match.group(1)] + " "
        return ctx.words["number"] + " "

    return ctx.rules.before_number.sub(replace, text)


def _rule_addresses(text: str, ctx: _LanguageContext) -> str:
    """ "1211 E Arques Ave" -> "twelve eleven East Arques Avenue": a house number is read like a code, the
    compass point and the street type in full."""
    language = ctx.language
    if ctx.rules.postal:  # "Santa Clara, CA 95051": the state in full, the ZIP code digit by digit
        text = ctx.rules.postal.sub(lambda m: m.group(1) + ctx.protect(  # ZIP+4 with a pause at its hyphen
            f"{language.postal_regions[m.group(2)]}{m.group(3) or ''} "
            + ", ".join(numbers.digits(part, language.code) for part in m.group(4).split("-"))), text)
    if not ctx.rules.address:
        return text

    def replace(match: re.Match) -> str:
        number, middle, suffix, quadrant, unit = match.groups()
        say = language.say_code_number or (lambda digits: language.cardinal(int(digits)))
        # "100 W. Main St.": the compass point may have its dot (AP style)
        words = [language.compass_points.get(w.rstrip("."), w) if i == 0 else w for i, w in enumerate(middle.split())]
        street = language.street_suffixes[suffix]
        next_word = _NEXT_WORD.match(match.string, match.end())
        ends = match.group().endswith(".") and (_at_end(match.string, match.end()) or (
            next_word is not None and next_word.group(1) in language.sentence_starters))
        quadrant = f" {language.compass_points[quadrant]}" if quadrant else ""
        unit = f" {language.address_units[unit]}" if unit else ""
        return f"{say(number)} {' '.join(words)} {street}{quadrant}{unit}" + ("." if ends else "")

    return ctx.rules.address.sub(replace, text)


_COMMA_CAPITALS = patterns.compile(r",\s[A-Z]{2}\b")


def _rule_regions(text: str, ctx: _LanguageContext) -> str:
    """ "Albany, NY." -> "Albany, New York.": a region code after its town is said in full."""
    if not ctx.rules.region or not _COMMA_CAPITALS.search(text):
        return text
    regions = ctx.language.postal_regions
    return ctx.rules.region.sub(lambda m: m.group(1) + regions[m.group(2)], text)


def _local_phone(match: re.Match, ctx: _LanguageContext) -> str:
    """ "91 123 45 67" -> digit by digit, group by group; "900 123 456" only after a cue ("llame al")."""
    groups = match.group().split()
    if all(len(group) % 3 == 0 for group in groups):  # could be thousands: a cue must say it is a phone
        if _word_before(match.string, match.start()).lower() not in ctx.language.phone_cues:
            return match.group()
    return ctx.protect(", ".join(numbers.digits(group, ctx.lang) for group in groups))


def _trunk_phone(match: re.Match, ctx: _LanguageContext) -> str:
    groups = re.findall(r"\d+", match.group())
    if not 7 <= sum(len(group) for group in groups) <= 13:
        return match.group()
    return ctx.protect(", ".join(numbers.digits(group, ctx.lang) for group in groups))


def _four_four(match: re.Match, ctx: _LanguageContext) -> str:
    """ "4567-8901", "98765-4321" are phone numbers; two years ("1990-2010") or two round counts ("3000-5000") a range."""
    first, second = match.group(1), match.group(2)
    years = len(first) == 4 and 1000 <= int(first) <= 2099 and 1000 <= int(second) <= 2099
    # a narrow step up is a range too ("2345-2350")
    if years or first[-1] == second[-1] == "0" or 0 < int(second) - int(first) < 100:
        return match.group()
    unit_after = ctx.rules.unit_after
    if unit_after and unit_after.match(match.string, match.end()):
        return match.group()  # "2345-3456 km": a range of a measure
    return ctx.protect(f"{numbers.digits(first, ctx.lang)}, {numbers.digits(second, ctx.lang)}")


def _rule_phone(text: str, ctx: _LanguageContext) -> str:
    """Phone numbers are read digit by digit, group by group."""

    def replace(match: re.Match) -> str:
        raw = match.group()
        groups = re.findall(r"\d+", raw)
        said = [numbers.digits(g, ctx.lang) for g in groups]
        if raw.startswith("+") and ctx.language.country_code_as_number and len(groups[0]) == 2:
            said[0] = ctx.language.cardinal(int(groups[0]))  # "+49" -> "plus neunundvierzig"
        spoken = ", ".join(said)
        if raw.startswith("+"):
            spoken = f"{ctx.words['plus']} {spoken}"
        return ctx.protect(spoken)

    if ctx.rules.local_phone:
        text = ctx.rules.local_phone.sub(lambda m: _local_phone(m, ctx), text)
    if "0" in text:  # "030 1234567", "0800 123 456", "020 7946 0958": an area code with its trunk zero
        text = _TRUNK_PHONE.sub(lambda m: _trunk_phone(m, ctx), text)
    if ctx.language.four_four_phones and "-" in text:
        text = _FOUR_FOUR.sub(lambda m: _four_four(m, ctx), text)
    if "-8" in text:  # "1-800-FLOWERS", "0-800-hermano": the prefix as it is said, the word as written
        text = _TOLL_FREE.sub(lambda m: ctx.protect(
            f"{numbers.digits(m.group(1), ctx.lang)}, {ctx.language.cardinal(int(m.group(2)))}, "), text)
    return _PHONE.sub(replace, text)


def _year_value(year: str) -> int | None:
    """ "2017" -> 2017, "17" -> 2017, "98" -> 1998, "" -> None."""
    if not year:
        return None
    value = int(year)
    if len(year) == 2:
        value += 2000 if value < 50 else 1900
    return value


def _date_before(text: str, position: int, language: LanguageRules) -> str:
    """The word that governs a date's case: the one before it, or before its weekday ("am Montag, 15.
    Januar" -> "am", so the day is "fünfzehnten", as after "am 15. Januar")."""
    before = _word_before(text, position)
    if before.endswith(",") and before[:-1] in language.weekdays:
        start = text.rfind(before, 0, position)
        governing = _word_before(text, start)
        return governing or before
    return before


def _word_before(text: str, position: int) -> str:
    """The last run of non-space characters before ``position``: a backwards scan, not a search of the
    whole prefix (that made long texts quadratic)."""
    end = position
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _rule_dates(text: str, ctx: _LanguageContext) -> str:
    """Month-name dates, numeric dates (d/m/y or m/d/y by language and region) and ISO dates."""
    rules = ctx.rules
    say_date = ctx.language.say_date
    if not say_date:
        return text
    if "/" in text and ctx.rules.year:  # "2019/20", "1985/86": a season or school year, two years
        text = _YEAR_SLASH_YEAR.sub(lambda m: _year_slash_year(m, ctx), text)
    if rules.weekday_comma_date and "," in text:  # "Mon, Jan 6": the weekday in full
        text = rules.weekday_comma_date.sub(lambda m: _short_weekdays(ctx.language)[m.group(1)], text)
    if rules.weekday_before_date:  # "Mo., 3. Juni", "lun. 3 juin": the weekday in full
        table = ctx.language.range_abbreviations
        text = rules.weekday_before_date.sub(lambda m: table[m.group(1)] + m.group(2), text)
    if "/" in text:  # "les 17/18/19 mars": a list of numbers, not a date and not "or" (the word rule's)
        text = _NUMBER_LIST.sub(lambda m: m.group() if _could_be_date(m.group())
                                else _SLASH_BETWEEN_NUMBERS.sub(lambda _: ctx.protect(" "), m.group()), text)
    if rules.month_hyphen and "-" in text:  # "Jan-15", "15-Jan-2024": the hyphens are spaces
        text = rules.month_hyphen.sub(r"\1 ", text)
        if rules.day_month_hyphen:
            text = rules.day_month_hyphen.sub(r"\1 \2 ", text)
    if rules.date_range_dash and ("-" in text or "–" in text):  # "Dec. 24-Jan. 2": the dash is "to"
        to = f" {ctx.words['to']} "
        text = rules.date_range_dash.sub(lambda m: m.group()[:m.start("dash") - m.start()] + to, text)
    if rules.ambiguous_month_date:  # "17 may 2010": the month as its name is written
        text = rules.ambiguous_month_date.sub(lambda m: (m.group(1) or m.group(2)).capitalize(), text)
    if rules.day_range_month and ctx.language.say_day and ("-" in text or "–" in text):
        say_day = ctx.language.say_day
        text = rules.day_range_month.sub(lambda m: _day_range_month(m, ctx, say_day), text)
    if rules.period_year:  # "Q3 2023", "H1 2024": a quarter or half of a year, then the year
        text = rules.period_year.sub(lambda m: f"{m.group(1)} {ctx.protect(ctx.language.say_year(int(m[2])))}", text)
    if rules.month_year and _FOUR_DIGITS.search(text):  # "Aug 2019"; "June 2021-March 2022": the dash is "to"
        spelled = rules.month_year.sub(lambda m: _month_year(m, ctx), text)
        if spelled != text:  # a second pass sees the dash before a month the first one spelled out
            spelled = rules.month_year.sub(lambda m: _month_year(m, ctx), spelled)
        text = spelled
    if "/" in text and ctx.language.months:  # "since 1/2007", "exp. 09/2027": a month and a year
        text = _NUMERIC_MONTH_YEAR.sub(lambda m: _numeric_month_year(m, ctx), text)
    if rules.dotted_day_range and (".–" in text or ".-" in text or ". –" in text):  # "vom 1.–3. Juni"
        text = rules.dotted_day_range.sub(lambda m: _dotted_day_range(m, ctx, say_date), text)
    if rules.month_day:
        text = rules.month_day.sub(lambda m: _month_day(m, ctx, say_date), text)
    say_day_month = ctx.language.say_day_month
    if rules.day_month and say_day_month:
        text = rules.day_month.sub(lambda m: _day_month(m, ctx, say_day_month), text)
    text = rules.iso_date.sub(lambda m: _numeric_date(m, int(m[4] or m[7]), int(m[3] or m[6]), m[1], ctx, say_date),
                              text)
    if ctx.language.day_first and ctx.language.number_style.group == "." and "." in text:
        text = _DAY_MONTH_DOTTED.sub(lambda m: m.group() if _word_before(m.string, m.start()).lower()
                                     in _VERSION_CUES else _numeric_date(m, int(m[1]), int(m[2]), "", ctx, say_date), text)
    if ctx.language.short_date_cues and "/" in text:  # "on 14/2": a day and month without a year
        text = _SHORT_DATE.sub(lambda m: _numeric_date_by_order(m, ctx, say_date)
                               if _short_date_fits(m, ctx.language) else m.group(), text)
    return rules.numeric_date.sub(lambda m: _numeric_date_by_order(m, ctx, say_date), text)


def _day_range_month(match: re.Match, ctx: _LanguageContext, say_day: Callable[[int], str]) -> str:
    """ "14-16 Sept." -> "the fourteenth to 16 Sept." (the second day is read with its month later)."""
    first, last = int(match.group(1)), int(match.group(2))
    if not first < last <= 31:
        return match.group()
    the = ctx.words.get("the", "")
    article = f"{the} " if the and _word_before(match.string, match.start()).lower() != the else ""
    return f"{article}{say_day(first)} {ctx.words['to']} "


def _short_date_fits(match: re.Match, language: LanguageRules) -> bool:
    """After a cue, and before no noun ("on 2/3 majority", "on 1/2 cup" are fractions)."""
    if _word_before(match.string, match.start()).lower() not in language.short_date_cues:
        return False
    after_match = _AFTER_WORD.match(match.string, match.end())
    after = after_match.group(1) if after_match else ""
    return not after[:1].islower() or after in language.short_date_followers


# "on 14/2", "on 3/4": a day and month (in the order the region writes them) after a cue, not before "of"
# ("on 3/4 of the land" is a fraction); groups as ``numeric_date``'s, with an empty year
_SHORT_DATE = patterns.compile(r"(?<![\w/.,-])(\d{1,2})(/)(\d{1,2})()(?![\w/]|[.,]\d|\s+of\b)")


# A month number and a four-digit year, as card expiry dates, reports and records write them ("1/2007",
# "09/2027"); not "1/2000" (a shutter speed), nor before "of", "th", "s" or "sec" ("1/2000th of a second")
_NUMERIC_MONTH_YEAR = patterns.compile(r"(?<![\w/.,:-])(0?[1-9]|1[0-2])/(19[5-9]\d|20(?!00)[0-4]\d)"
                                 r"(?![\w/]|[.,]\d|\s*(?:th|nd|rd|st|s|sec|second|seconds|of)\b)")


def _numeric_month_year(match: re.Match, ctx: _LanguageContext) -> str:
    month = ctx.language.month_name(int(match.group(1)))
    of = ctx.words.get("month_of_year", "")  # "enero de dos mil siete" (RAE: "en enero de 2007")
    return ctx.protect(f"{month} {of + ' ' if of else ''}{ctx.language.say_year(int(match.group(2)))}")


def _month_year(match: re.Match, ctx: _LanguageContext) -> str:
    if match.group(1):
        return f" {ctx.words['to']} "
    month = _month_number(match.group(2), ctx.language)
    return ctx.language.month_name(month) if month else match.group()


def _year_slash_year(match: re.Match, ctx: _LanguageContext) -> str:
    first, second = match.group(1), match.group(2)
    if int(second[-2:]) != (int(first) + 1) % 100 or (len(second) == 4 and int(second) != int(first) + 1):
        return match.group()  # not consecutive: a fraction or a code
    later = ctx.language.say_year(int(second)) if len(second) == 4 else ctx.language.cardinal(int(second))
    return ctx.protect(f"{ctx.language.say_year(int(first))} {later}")


def _dotted_day_range(match: re.Match, ctx: _LanguageContext, say_date: Callable[..., str]) -> str:
    """ "vom 1.–3. Juni" -> "vom ersten bis dritten Juni": both days take the case of the word before."""
    first, last, month_text = int(match.group(1)), int(match.group(2)), match.group(3)
    month = _month_number(month_text, ctx.language)
    if not month or not 1 <= first < last <= 31:
        return match.group()
    before = _word_before(match.string, match.start())
    name = ctx.language.month_name(month)
    opening = say_date(first, month, None, before)
    opening = opening[:-len(name)].rstrip() if opening.endswith(name) else opening
    year = int(match.group(4)) if match.group(4) else None
    return f"{opening} {ctx.words['to']} {say_date(last, month, year, before)}"


def _could_be_date(written: str) -> bool:
    """ "3/4/1998", "15/01/20" could be a date in some order; "17/18/19" and "1/2/3/4" cannot."""
    parts = written.split("/")
    if len(parts) == 3 and len(parts[0]) == 4:
        return True  # "2016/07/03": year first
    if len(parts) != 3 or len(parts[2]) not in (2, 4):
        return False
    first, second = int(parts[0]), int(parts[1])
    return (1 <= first <= 12 and 1 <= second <= 31) or (1 <= second <= 12 and 1 <= first <= 31)


def _month_day(match: re.Match, ctx: _LanguageContext, say_date: Callable[..., str]) -> str:
    language = ctx.language
    month_text, day, year = match.group(1), int(match.group(2)), match.group(3)
    month = _month_number(month_text, language)
    if not month or not 1 <= day <= 31:
        return match.group()
    spoken = say_date(day, month, _year_value(year or ""))
    last = match.group(4)
    if last and language.say_day and not year and day < int(last) <= 31:
        return f"{spoken} {language.words['to']} {language.say_day(int(last))}"  # "Oct. 2-4"
    if last:
        return f"{spoken} {language.words['to']} {language.cardinal(int(last))}"
    return spoken


def _day_month(match: re.Match, ctx: _LanguageContext, say_day_month: Callable[..., str | None]) -> str:
    day, month_text, year = int(match.group(1)), match.group(2), match.group(3)
    month = _month_number(month_text, ctx.language)
    if not month or not 1 <= day <= 31:
        return match.group()
    before = _date_before(match.string, match.start(), ctx.language)
    dotted = "." in match.group()
    spoken = say_day_month(day, month, month_text, _year_value(year or ""), before, dotted)
    return match.group() if spoken is None else spoken


def _numeric_date_by_order(match: re.Match, ctx: _LanguageContext, say_date: Callable[..., str]) -> str:
    first, second = int(match.group(1)), int(match.group(3))
    separator = match.group(2)
    day_first = ctx.language.day_first or ctx.tag in ctx.language.day_first_tags or separator == "."
    if first > 12 >= second:
        day_first = True
    elif second > 12 >= first:
        day_first = False
    day, month = (first, second) if day_first else (second, first)
    if separator == "-" and len(match.group(4)) == 2:
        return match.group()  # "3-4-17" is more likely a score or code than a date
    if separator == "." and len(match.group(4)) == 2 and not ctx.language.day_first:
        return match.group()  # English writes "1.10.11" for a version, not a date
    language = ctx.language
    if day_first and not language.day_first and language.say_day_month and 1 <= month <= 12 and 1 <= day <= 31:
        # said in the order written: "15/01/2020" -> "the fifteenth of January twenty twenty" (en-GB)
        short = _short_year(match.group(4), language)
        spoken = language.say_day_month(day, month, language.month_name(month),
                                        None if short else _year_value(match.group(4)),
                                        _word_before(match.string, match.start()), True)
        if spoken is not None:
            return f"{spoken} {short}" if short else spoken
    return _numeric_date(match, day, month, match.group(4), ctx, say_date)


def _short_year(year: str, language: LanguageRules) -> str | None:
    """A two-digit year as written ("98" -> "ninety-eight", "05" -> "oh five"), where the language says so."""
    if len(year) != 2 or not language.short_year_as_written or not language.say_code_number:
        return None
    return language.say_code_number(year)


def _numeric_date(match: re.Match, day: int, month: int, year: str, ctx: _LanguageContext,
                  say_date: Callable[..., str]) -> str:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return match.group()
    before = _date_before(match.string, match.start(), ctx.language)
    short = _short_year(year, ctx.language)
    if short:  # "01/07/98" -> "January seventh, ninety-eight"
        return f"{say_date(day, month, None, before)}, {short}"
    return say_date(day, month, _year_value(year), before)


# "UTC+5:30" is hours and minutes of an offset, not a clock time ("plus five thirty").
_ZONE_OFFSET = patterns.compile(r"(?<![\w])(GMT|UTC|gmt|utc)\s?([-−+])(\d{1,2})(?::([0-5]\d))?(?![\d:])")


def _zone_offset(match: re.Match, ctx: _LanguageContext) -> str:
    sign = ctx.words["minus" if match.group(2) in "-−" else "plus"]
    hours, minutes = match.group(3), match.group(4)
    spoken = ctx.language.cardinal(int(hours))
    if minutes and minutes != "00":
        spoken += f" {ctx.language.cardinal(int(minutes))}"
    return f"{match.group(1).upper()} {sign} {ctx.protect(spoken)}"
_GLUED_ZONE = patterns.compile(rf"(?<=\d[:.]\d\d)(?=(?:{_alternation(TIME_ZONES)})\b)")
_HOUR_RANGE_DASH = patterns.compile(r"(?<![\w.:,-])(1[0-2]|[1-9])\s?[-–]\s?(?=(?:1[0-2]|[1-9])(?::\d\d)?\s?[AaPp]\.?\s?[Mm]\b)")
_SPACED_AMPM_DASH = patterns.compile(r"(?<=[AaPp])([Mm]\b\.?)\s[-–]\s(?=\d{1,2}(?:[:.]\d\d)?\s?[AaPp]\.?\s?[Mm]\b)")
_H_TIME_RANGE_DASH = patterns.compile(r"(?:(?<=\dh)|(?<=\dh\d\d))\s?[-–]\s?(?=\d{1,2}h(?:\d\d)?\b)")
_TIME_RANGE_DASH = patterns.compile(r"(?<=\d:\d\d)(\s?[AaPp]\.?[Mm]\b\.?)?\s?[-–]\s?(?=\d{1,2}:\d\d(?![\d:]))")


def _rule_times(text: str, ctx: _LanguageContext) -> str:
    """ "9:30 a.m." -> "nine thirty A.M"; "14:00 Uhr" -> "vierzehn Uhr"; "14h30" -> "quatorze heures trente"."""
    text = _scale_ratios(text, ctx)
    rules = ctx.rules
    if ":" in text:  # "11:30EST": the zone glued to its time is a word of its own
        text = _GLUED_ZONE.sub(" ", text)
    if "GMT" in text or "UTC" in text or "gmt" in text or "utc" in text:  # "UTC+2", "GMT-3": the offset's sign
        text = _ZONE_OFFSET.sub(lambda m: _zone_offset(m, ctx), text)
    if rules.time and ":" in text:  # opening hours "9:00-17:30": the dash between two times is "to"
        text = _TIME_RANGE_DASH.sub(lambda m: f"{m.group(1) or ''} {ctx.words['to']} ", text)
    if rules.time and "h" in text and ("-" in text or "–" in text):  # "9h-17h", as French writes hours
        text = _H_TIME_RANGE_DASH.sub(f" {ctx.words['to']} ", text)
    say_time_ampm, say_time = ctx.language.say_time_ampm, ctx.language.say_time
    if rules.time_ampm and say_time_ampm and ("-" in text or "–" in text):  # "3-4 p.m.": the first hour too
        text = _HOUR_RANGE_DASH.sub(lambda m: f"{ctx.language.cardinal(int(m.group(1)))} {ctx.words['to']} ", text)
    if rules.time_ampm and say_time_ampm and (" - " in text or " – " in text):  # "9am - 5pm": "to"
        text = _SPACED_AMPM_DASH.sub(lambda m: f"{m.group(1)} {ctx.words['to']} ", text)
    if rules.time_ampm and say_time_ampm:
        text = rules.time_ampm.sub(lambda m: _time_ampm(m, say_time_ampm), text)
    if ctx.language.letter_durations and _LETTER_DURATION.search(text):
        text = _LETTER_DURATION.sub(lambda m: _letter_duration(m, ctx), text)
    if rules.time and ":" in text and ("min" in ctx.language.units and "sec" in ctx.language.units):
        text = _LAP_TIME.sub(lambda m: _lap_time(m, ctx), text)
    if rules.time and say_time:
        text = rules.time.sub(lambda m: _time_24(m, ctx, say_time), text)
    return text


# "1h 45m", "2h 30min", "1m 30s", "3h 2m 10s": hours, minutes and seconds in letters, two parts or more
# (one alone is ambiguous: "5m" is metres, "2h" a pencil); in order, so "m" after "h" can only be minutes
_LETTER_DURATION = patterns.compile(r"(?<![\w.,])(?:(\d{1,3})\s?h\s?(?=\d))?(?:(\d{1,2})\s?m(?:in)?\b\s?)?"
                              r"(?:(?<=[hm\s])(\d{1,2}(?:\.\d{1,3})?)\s?s(?:ec)?\b)?(?<=[hmnsc])(?!\w)")


def _letter_duration(match: re.Match, ctx: _LanguageContext) -> str:
    hours, minutes, seconds = match.groups()
    if sum(part is not None for part in (hours, minutes, seconds)) < 2:
        return match.group()
    language = ctx.language
    said = []
    for value, unit in ((hours, "hr"), (minutes, "min"), (seconds, "sec")):
        if value is not None:
            number = language.parse(value)
            one, many = language.units[unit]
            said.append(f"{_count_before(number, one, language)} {one if number.is_one else many}")
    return ctx.protect(" ".join(said[:-1]) + f" {language.words['and']} {said[-1]}")


# "3:43.13", "1:58,91": minutes, seconds and their hundredths, as race results and records are written
# (World Athletics results lists); a clock time never has a decimal, so this is a duration
_LAP_TIME = patterns.compile(r"(?<![\w.,:])(\d{1,2}):([0-5]\d)([.,]\d{1,3})(?![\d:]|[.,]\d)")


def _lap_time(match: re.Match, ctx: _LanguageContext) -> str:
    language = ctx.language
    if match.group(3)[0] != language.number_style.decimal:
        return match.group()
    minutes = int(match.group(1))
    minute_one, minute_many = language.units["min"]
    _second_one, second_many = language.units["sec"]
    seconds = language.read(language.parse(match.group(2).lstrip("0").rjust(1, "0") + match.group(3)))
    if minutes == 0:
        return ctx.protect(f"{seconds} {second_many}")
    count = _count_before(language.parse(match.group(1)), minute_one, language)  # "eine Minute"
    said_minutes = f"{count} {minute_one if minutes == 1 else minute_many}"
    return ctx.protect(f"{said_minutes} {language.words['and']} {seconds} {second_many}")


def _time_ampm(match: re.Match, say_time_ampm: Callable[[int, str, str], str | None]) -> str:
    spoken = say_time_ampm(int(match.group(1)), match.group(2) or "", match.group(3))
    return match.group() if spoken is None else _keep_final_dot(match, spoken)


def _time_24(match: re.Match, ctx: _LanguageContext, say_time: Callable[[int, str], str]) -> str:
    if ":" in match.group() and _word_before(match.string, match.start()) in BIBLE_BOOKS:
        return match.group()  # "Johannes 3:16": chapter and verse, read by the ratio rule
    seconds_group = match.re.groupindex.get("seconds", 0)
    minutes = next((g for i, g in enumerate(match.groups()[1:3 + bool(seconds_group)], start=2)
                    if g and g.isdigit() and i != seconds_group), "")
    seconds = match.groupdict().get("seconds")
    say_time_seconds = ctx.language.say_time_seconds
    if seconds and seconds != "00" and minutes and say_time_seconds:
        return say_time_seconds(int(match.group(1)), minutes, seconds)
    return say_time(int(match.group(1)), minutes)


_CODES_BY_CASE = MappingProxyType({code.upper(): code for code in CURRENCY_CODES})


def _currency_names(symbol: str, language: LanguageRules) -> tuple | None:
    if symbol not in language.currencies and symbol not in CURRENCY_CODES:
        upper = symbol.upper()
        symbol = upper if upper in language.currencies else _CODES_BY_CASE.get(upper, symbol)  # after its number: "5 chf", "20 usd", "2 rs"
    key = symbol if symbol in language.currencies else CURRENCY_CODES.get(symbol, symbol)
    return language.currencies.get(key)


def _attributive(text: str, end: int, language: LanguageRules, followers: frozenset[str] = frozenset()) -> bool:
    """ "a $19 billion acquisition": an amount before a noun is said in the singular ("dollar")."""
    if language.amount_followers is None:
        return False
    following = _NEXT_WORD.match(text, end)
    word = following.group(1) if following else ""
    return (word.isalpha() and word.islower() and word not in language.amount_followers
            and word not in followers)


def _acronym_noun_after(text: str, end: int, language: LanguageRules) -> bool:
    """ "a 55" TV", "a 100W LED bulb": a glued unit before an acronym noun is an adjective too."""
    if language.amount_followers is None:
        return False
    following = _NEXT_WORD.match(text, end)
    word = following.group(1) if following else ""
    return len(word) >= 2 and word.isalpha() and word.isupper()


_NAMES_THEN_NOUN = patterns.compile(r"\s+(?:[A-Z][\w'’&.-]*\s+){1,3}([a-z]+)\b")


def _before_named_deal(text: str, end: int, language: LanguageRules) -> bool:
    """ "Microsoft's $69bn Activision deal": an amount before a name and a deal's noun is an adjective."""
    if not language.deal_nouns:
        return False
    following = _NAMES_THEN_NOUN.match(text, end)
    return following is not None and following.group(1) in language.deal_nouns


def _say_money(number_text: str, scale_text: str | None, names: tuple, ctx: _LanguageContext,
               attributive: bool = False, tenths_as_cents: bool = True) -> str:
    """ "$3.5 million" -> "three point five million dollars"; "$5.50" -> "five dollars and fifty cents".

    ``tenths_as_cents`` False: one decimal stays a decimal (an ISO code's rate, "MXN 17,5 por dólar")."""
    language = ctx.language
    one, many, minor_one, minor_many = names
    if attributive:
        many, minor_many = one, minor_one
    number = language.parse(number_text)
    if len(number.integer) > numbers.MAX_CARDINAL_DIGITS:
        return f"{language.read(number)} {many}"
    if scale_text:
        exponent = language.scale_suffixes[scale_text]
        scale_one, scale_many = language.scale_words[exponent]
        scale_word = scale_one if number.is_one else scale_many
        if number.is_one and not number.fraction:  # "eine Million Euro", "un millón", not "eins", "uno"
            number_text = _one_before(scale_word, language)
        link = language.scale_currency_link
        if link:
            elided = language.elided_link if many[0] in "aeiouéè" else None
            link = elided or f"{link} "
        count = number_text if number.is_one and not number.fraction else language.read(number)
        return f"{count} {scale_word} {link}{many}".replace("' ", "'")
    # "$20.5", "$0.5/hr": one decimal of a sum of money is tens of cents, as a price is said
    fraction = number.fraction + "0" if len(number.fraction) == 1 and tenths_as_cents else number.fraction
    if len(fraction) > 2 and not fraction[2:].strip("0"):
        fraction = fraction[:2]  # "$2.50000", "$20.010": zeros after the cents add nothing to a price
    if len(fraction) == 2 and minor_one and fraction != "00":
        cents = int(fraction)
        count = _one_before(minor_one, language) if cents == 1 else language.cardinal(cents)  # "un centesimo"
        cents_words = f"{count} {minor_one if cents == 1 else minor_many}"
        if number.integer.strip("0") == "":
            return cents_words
        whole = _money_whole(int(number.integer), one, many, language)
        joiner = f" {language.words['cents_and']} " if language.words["cents_and"] else " "
        return whole + joiner + (cents_words if language.names_minor_unit else language.cardinal(cents))
    if number.fraction.strip("0"):
        return f"{language.read(number)} {many}"
    return _money_whole(int(number.integer), one, many, language, attributive)


def _money_whole(value: int, one: str, many: str, language: LanguageRules, attributive: bool = False) -> str:
    if value == 1:
        return f"{_one_before(one, language)} {one}"
    words = language.cardinal(value)
    link = language.scale_currency_link
    if link and words.rsplit(" ", 1)[-1] in _large_scale_words(language.code):  # "un millón de euros" (RAE)
        elided = language.elided_link if many[0] in "aeiouéè" else None
        return f"{words} {elided or link + ' '}{many}".replace("' ", "'")
    if language.feminine_cardinal and _feminine(one, language):
        words = language.feminine_cardinal(words)
    elif language.cardinal_before_noun:
        words = language.cardinal_before_noun(words)
    if attributive:
        return f"{words}-{one}"  # "the forty-nine-dollar adapter"
    return f"{words} {many}"


@functools.cache
def _large_scale_words(code: str) -> frozenset[str]:
    """The last words of the language's names of a million and up ("millón", "millones", "millions"): a
    currency after a round number of them takes the scale's link ("de", "d'")."""
    scales = LANGUAGE_RULES[code].scale_words
    return frozenset(name.rsplit(" ", 1)[-1] for power, pair in scales.items() if power >= 6 for name in pair)


def _one_before(noun: str, language: LanguageRules) -> str:
    """ "one", "ein", "un"/"une", "un"/"una": the word for one before this noun."""
    masculine, feminine = language.one_before_noun
    return feminine if _feminine(noun, language) else masculine


def _feminine(noun: str, language: LanguageRules) -> bool:
    """By the name's first word: "milla por hora" is feminine like "milla"."""
    return noun.split(" ", 1)[0] in language.feminine_nouns


def _money_range(match: re.Match, ctx: _LanguageContext) -> str:
    """ "$75-$250" -> "seventy-five to $250" (the currency is said once, at the end); with cents both."""
    symbol, first = match.group(1), match.group(2)
    names = _currency_names(symbol, ctx.language)
    if names is None:
        return match.group()
    number = ctx.language.parse(first)
    scaled = ctx.rules.scaled_amount.match(match.string, match.end())
    spoken = _say_money(first, None, names, ctx) if number.fraction and not scaled else ctx.language.read(number)
    if match.group(3):  # "£20m-£30m": the first amount's own scale word ("twenty million to thirty million pounds")
        scale_one, scale_many = ctx.language.scale_words[ctx.language.scale_suffixes[match.group(3)]]
        spoken = f"{ctx.language.read(number)} {scale_one if number.is_one else scale_many}"
    return f"{spoken} {ctx.words['to']} {symbol}"


def _rule_money(text: str, ctx: _LanguageContext) -> str:
    rules = ctx.rules

    def prefix(match: re.Match) -> str:
        names = _currency_names(match.group(1) or match.group(2), ctx.language)
        if names is None:
            return match.group()
        following = _NEXT_WORD.match(match.string, match.end())
        if following and not match.group(4) and following.group(1).lower() in _currency_nouns(ctx.language.code):
            return ctx.language.read(ctx.language.parse(match.group(3)))  # "$1.200 pesos": the name is written
        attributive = (_attributive(match.string, match.end(), ctx.language)
                       or _before_named_deal(match.string, match.end(), ctx.language))
        return _say_money(match.group(3), match.group(4), names, ctx, attributive,
                          tenths_as_cents=not match.group(2))

    def suffix(match: re.Match) -> str:
        names = _currency_names(match.group(3), ctx.language)
        if names is None:
            return match.group()
        attributive = _attributive(match.string, match.end(), ctx.language)
        return _say_money(match.group(1), match.group(2), names, ctx, attributive)

    if "$" in text or "€" in text or "£" in text or "¥" in text:
        text = rules.money_range.sub(lambda m: _money_range(m, ctx), text)
    text = rules.money_prefix.sub(prefix, text)
    text = rules.money_suffix.sub(suffix, text)
    if rules.money_named:
        named = _currency_words_of(ctx.language.code)
        text = rules.money_named.sub(lambda m: ctx.protect(_say_money(m.group(1), None, named[m.group(2)], ctx)),
                                     text)
    return text


def _rule_percent(text: str, ctx: _LanguageContext) -> str:
    words = ctx.words

    def replace(match: re.Match) -> str:
        word = words["percent"] if match.group(2) == "%" else words["permille"]
        return f"{ctx.language.read(ctx.language.parse(match.group(1)))} {word}"

    if "%-" in text or "%–" in text or "% -" in text:  # "52%-48%": each share, joined by "to"
        text = _PERCENT_DASH.sub(f"% {words['to']} ", text)
    return ctx.rules.percent.sub(replace, text)


_PERCENT_DASH = patterns.compile(r"(?<=\d)\s?%\s?[-–]\s?(?=\d+(?:[.,]\d+)?\s?%)")


# "9.58 s", "in 10.5s" (written onto it only after one or two decimals: "1,000s" is thousands)
_DECIMAL_SECONDS = patterns.compile(r"(?<![\w.,])(\d+[.,]\d+)(?: |(?<=[.,]\d)|(?<=[.,]\d\d))s\b(?![\w'’-])")


def _rule_units(text: str, ctx: _LanguageContext) -> str:
    """ "5 km" -> "five kilometers"; "75C" -> "seventy-five degrees Celsius"; "12/kg" -> "twelve per kilogram"."""
    language = ctx.language
    if not language.units:
        return text
    rules = ctx.rules
    if rules.duration:  # "2 h 30 min 5 s" -> "2 h 30 min and 5 s"; each part is read below
        text = rules.duration.sub(lambda m: f"{m.group(1)}{language.words['and']} {m.group(2)}", text)
    if rules.by and ("x" in text or "×" in text):
        text = rules.by.sub(lambda m: _by(m, language), text)  # "180mm x 60mm"
        if rules.multiplier:  # "3x faster", "a 2.5x zoom"
            text = rules.multiplier.sub(lambda m: f"{language.read(language.parse(m.group(1)))} "
                                        f"{language.words['times']}", text)
    if "/" in text and rules.unit_per_hundred:  # "5,2 l/100 km" -> "litri per cento chilometri"
        text = rules.unit_per_hundred.sub(lambda m: _unit_per_hundred(m, language), text)
    if "/" in text and rules.unit_per_unit:
        text = rules.unit_per_unit.sub(lambda m: _unit_per_unit(m, language), text)
    if "/" in text and rules.units_per:
        text = rules.units_per.sub(lambda m: _per_unit(m, language), text)
    if "s" not in language.units and "sec" in language.units and "s" in text:
        # "9.58 s", "3.1 s": after a decimal the SI symbol of the second cannot be a letter or a plural
        text = _DECIMAL_SECONDS.sub(lambda m: f"{language.read(language.parse(m.group(1)))} "
                                    f"{language.units['sec'][1]}", text)
    text = rules.units.sub(lambda m: _unit(m, language, language.units), text)
    if rules.scaled_unit:  # "100 million kg": the number is read later, the unit is plural
        text = rules.scaled_unit.sub(lambda m: f"{m.group(1)} {language.units[m.group(2)][1]}", text)
    if rules.units_attached:  # not after a code's cue word: "seat 14F", "gate 2C" are no temperatures
        text = rules.units_attached.sub(lambda m: m.group() if _word_before(m.string, m.start()).lower()
                                        in language.code_number_cues else _unit(m, language, language.attached_units),
                                        text)
    return text


# After "2 x" a measure and a noun in the plural: a count of packs ("2 x 400g tins", "4 x 250ml bottles").
_PACK_UNITS = frozenset({"g", "kg", "mg", "ml", "mL", "l", "L", "cl", "oz", "lb", "lbs"})  # not "3 x 5 cm cards"
_PACK_OF = patterns.compile(r"\d+(?:[.,]\d+)?\s?[^\W\d_]+\s+[a-z]+s\b")


def _by(match: re.Match, language: LanguageRules) -> str:
    """ "180mm x 60mm", "a 2x8 board": "by"; "5 × 3" without units stays a product ("times")."""
    if match.group(3) == "×" and not (match.group(2) or match.group(4)):
        return match.group()
    if (not match.group(2) and match.group(4) and match.group(4).strip().lower() in _PACK_UNITS
            and language.amount_followers is not None and _PACK_OF.match(match.string, match.end())):
        # "2 x 400g tins" -> "two four hundred gram tins": a count of packs, read now so that "2 400" is
        # not taken for one number grouped with a space
        return f"{language.read(language.parse(match.group(1)))} "
    return f"{match.group(1)} {language.words['by']} "


def _unit_per_hundred(match: re.Match, language: LanguageRules) -> str:
    """A consumption per a number of units: "6 l/100 km", "15 kWh/100 km" (EU fuel and energy labels)."""
    number = language.parse(match.group(1))
    one, many = language.units[match.group(2)]
    _per_one, per_many = language.units[match.group(4)]
    per = language.words.get("per_number", language.words["per"])  # Italian "ogni cento chilometri", not "al"
    return (f"{_count_before(number, one, language)} {one if number.is_one else many} {per} "
            f"{language.cardinal(int(match.group(3)))} {per_many}")


def _unit_per_unit(match: re.Match, language: LanguageRules) -> str:
    """ "5 mg/kg" -> "five milligrams per kilogram"; a pair the table names ("km/h") keeps that name."""
    pair = f"{match.group(2)}/{match.group(3)}"
    number = language.parse(match.group(1))
    if pair in language.units:
        one, many = language.units[pair]
        return f"{_count_before(number, one, language)} {one if number.is_one else many}"
    one, many = language.units[match.group(2)]
    per = match.group(3)
    per_one = language.units[per][0] if per in language.units else language.per_words[per]
    return f"{_count_before(number, one, language)} {one if number.is_one else many} {language.words['per']} {per_one}"


def _per_unit(match: re.Match, language: LanguageRules) -> str:
    one, _many = language.units[match.group(2)]
    return f"{language.read(language.parse(match.group(1)))} {language.words['per']} {one}"


def _unit(match: re.Match, language: LanguageRules, table: Mapping[str, tuple[str, str]]) -> str:
    number = language.parse(match.group(1))
    one, many = table[match.group(3)]
    if match.group(2) == "-" and language.amount_followers is not None:  # "a 10-km run" -> "a ten-kilometer
        return f"{language.read(number)}-{one}"  # run" (where the language makes amounts adjectives)
    if match.group(2) == "-" and match.string.startswith("-", match.end()):  # "4.000-mAh-Akku": a compound
        return f"{language.read(number)}-{one if number.is_one else many}"
    # "a 3.5mm headphone jack", "a 55" TV", "the 2,000 sq ft house": a unit written onto its number, or
    # after a determiner, before a noun is an adjective.
    glued = not match.group(2) or _word_before(match.string, match.start()).lower() in language.unit_determiners
    attributive = (glued and "°" not in match.group(3)
                   and (_attributive(match.string, match.end(), language, language.unit_followers)
                        or _acronym_noun_after(match.string, match.end(), language)))
    name = one if number.is_one or attributive else many
    ends = match.group(3).endswith(".") and _at_end(match.string, match.end())  # "12 in." also ends the sentence
    return f"{_count_before(number, one, language)} {name}" + ("." if ends else "")


def _count_before(number: numbers.WrittenNumber, noun: str, language: LanguageRules) -> str:
    """The number as said before a noun: "one"/"une"/"eine", "veintiún kilómetros", "doscientas millas"."""
    feminine_cardinal = language.feminine_cardinal
    if number.fraction:
        words = language.read(number)
        feminine = feminine_cardinal and _feminine(noun, language)
        return feminine_cardinal(words) if feminine_cardinal and feminine else words  # "una coma cero una millas"
    if number.is_one:
        return _one_before(noun, language)
    words = language.read(number)
    if language.feminine_cardinal and _feminine(noun, language):
        return language.feminine_cardinal(words)
    return language.cardinal_before_noun(words) if language.cardinal_before_noun else words


def _rule_scaled(text: str, ctx: _LanguageContext) -> str:
    """ "1.2bn people" -> "one point two billion people"; "3,5 Mio." -> "drei Komma fünf Millionen"."""
    if not ctx.rules.scaled:
        return text
    language = ctx.language

    def replace(match: re.Match) -> str:
        number = language.parse(match.group(1))
        suffix = next(group for group in match.groups()[1:] if group)
        one, many = language.scale_words[language.scale_suffixes[suffix]]
        if number.is_one and not number.fraction:
            return f"{_one_before(one, language)} {one}"  # "1 Mio." -> "eine Million"
        return f"{language.read(number)} {many}"

    return ctx.rules.scaled.sub(replace, text)


def _rule_decades(text: str, ctx: _LanguageContext) -> str:
    """ "the 1990s" -> "the nineteen nineties"; "the '80s" -> "the eighties"; "90er" -> "neunziger"."""
    if not ctx.rules.decade:
        return text
    if "-" in text or "–" in text:  # "1970s–80s", "the '60s - '70s": a dash between two decades is "to"
        text = _dash_between(ctx.rules.decade, text, f" {ctx.words['to']} ")
    return ctx.rules.decade.sub(ctx.language.say_decade, text)


_DASH_ONLY = patterns.compile(r"\s?[-–]\s?")


def _dash_between(pattern: re.Pattern, text: str, to: str) -> str:
    """``text`` with a dash (and its spaces) between two consecutive matches of ``pattern`` made ``to``."""
    pieces, last, previous_end = [], 0, -1
    for match in pattern.finditer(text):
        if previous_end >= 0 and _DASH_ONLY.fullmatch(text, previous_end, match.start()):
            pieces.append(text[last:previous_end] + to)
            last = match.start()
        previous_end = match.end()
    return "".join(pieces) + text[last:] if pieces else text


def _rule_ordinals(text: str, ctx: _LanguageContext) -> str:
    """ "21st" -> "twenty-first", "am 3." -> "am dritten", "1er" -> "premier", "2.ª" -> "segunda"."""
    if not ctx.rules.ordinal:
        return text
    if "-" in text or "–" in text:  # "1st-3rd", "the 5th–7th graders": a dash between two ordinals is "to"
        text = _dash_between(ctx.rules.ordinal, text, f" {ctx.words['to']} ")
    return ctx.rules.ordinal.sub(ctx.language.say_ordinal, text)


def _rule_ratios(text: str, ctx: _LanguageContext) -> str:
    """ "a 3:1 ratio" -> "a three to one ratio" (what the clock-time rule left is not a time)."""
    ratio = ctx.language.words.get("ratio")
    if not ratio or ":" not in text:
        return text
    nouns_capitalised = ctx.language.count_noun_case == "upper"
    return _RATIO.sub(lambda m: _ratio(m, ratio, nouns_capitalised), text)


def _scale_ratios(text: str, ctx: _LanguageContext) -> str:
    """ "a 1:50,000 map", "Maßstab 1:25.000": a map's scale, its number grouped the language's way (before
    the clock times, which would take "1:50")."""
    ratio = ctx.language.words.get("ratio")
    group = ctx.language.number_style.group
    if not ratio or not group or "1:" not in text:
        return text
    grouped = patterns.compile(rf"\d{{1,3}}(?:{re.escape(group)}\d{{3}})+")
    return _SCALE_RATIO.sub(lambda m: f"{m.group(1)} {ratio} {m.group(2)}" if grouped.fullmatch(m.group(2))
                            else m.group(), text)


_SCALE_RATIO = patterns.compile(r"(?<![\w.,:])(1):(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+)(?![\w:]|[.,]\d)")


def _ratio(match: re.Match, ratio: str, nouns_capitalised: bool = False) -> str:
    """After a capitalised name it is a citation ("Genesis 1:1", "John 3:16"): the two numbers. Where
    every noun is capitalised ("Endstand 3:1") only a book of the Bible makes one."""
    before = _word_before(match.string, match.start())
    if (before[:1].isupper() and match.start() > len(before) + 1
            and (not nouns_capitalised or before in BIBLE_BOOKS)):
        return f"{match.group(1)} {match.group(2)}"
    return f"{match.group(1)} {ratio} {match.group(2)}"


def _rule_versions(text: str, ctx: _LanguageContext) -> str:
    """ "version 1.10.11" -> "one point ten point eleven"; "192.168.0.1" -> digits with "dot" (an address)."""
    if "." not in text:
        return text
    language = ctx.language
    point = language.words.get("version_point") or language.words.get("dot")
    if not point:
        return text

    def replace(match: re.Match) -> str:
        parts = [p for p in match.groups() if p is not None]
        if all(len(p) == 3 for p in parts[1:]):
            return match.group()  # "1.000.000": thousands (written the German way), not a version
        if len(parts) == 4 and all(int(p) <= 255 for p in parts):
            dot = language.words.get("dot", point)
            return f" {dot} ".join(numbers.digits(p, language.code) for p in parts)
        return f" {point} ".join(language.cardinal(int(p)) for p in parts)

    text = _V_BEFORE_VERSION.sub(r"\1 ", text)  # "v2.1.3": the letter, then the version
    text = _NAMED_VERSION.sub(lambda m: f"{m.group(1)}{language.cardinal(int(m.group(2)))} {point} "
                              f"{language.cardinal(int(m.group(3)))}", text)
    text = _VERSION.sub(replace, text)
    if language.number_style.decimal == "," and "." in text:
        text = _SHORT_VERSION.sub(replace, text)
    return text


# A tax or legal code's section with its lettered subsections, as US pages write plans and charities.
_FOUR_DIGITS = patterns.compile(r"\d{4}")
_YEAR_SLASH_YEAR = patterns.compile(r"(?<![\w/.,])(1[5-9]\d\d|20\d\d)/(\d\d|\d{4})(?![\w/]|[.,]\d)")
_SLASH_BETWEEN_NUMBERS = patterns.compile(r"(?<=\d)/(?=\d)")
_NUMBER_LIST = patterns.compile(r"(?<![\w/.,])\d{1,4}(?:/\d{1,4}){2,}(?![\w/]|[.,]\d)")
_SECTION_CODE = patterns.compile(r"(?<![\w.,])(\d{3})((?:\([a-z0-9]\))+)(?![\w(])")
_SECTION_PARTS = patterns.compile(r"[a-z0-9]")


# A serial: pieces of letters and digits joined by hyphens or slashes ("MIG-25/235212-asdg", "4400-123456-B",
# "123/261788/2021"). A run of five digits or more in it is an identifier's digits, read one by one (as a
# part or case number is read out), never a count in thousands.
_SERIAL = patterns.compile(r"(?<![\w.,/$€£¥₹₽@#-])(?=[\w/-]*\d{5})[^\W_]+(?:[/-][^\W_]+)+(?![\w/@-]|[.,]\d)")
_LONG_RUN = patterns.compile(r"\d{5,}")
_SERIAL_PIECES = patterns.compile(r"[/-]")


# Where a comma groups thousands, a comma between digits that is not followed by a group of exactly three
# separates a list written without spaces ("2,3 and 4", "pages 5,7,9"): a pause, each number read alone.
# Not a European decimal in an English text: after a currency sign, or one comma before a scale word or a
# percent sign ("€2,99", "1,5 million", "2,5%"), which is left as written.
_LIST_COMMA = patterns.compile(r"(?<![\d.,])\d+(?:,\d+)+(?!\d|\.\d)")
_ONE_DECIMAL_COMMA = patterns.compile(r"\s?(?:%|[a-z]*illion\b|bn\b|m\b)")
_FIRST_GROUP_OK = patterns.compile(r"\d{1,3}(?:,\d{3})*")
_LAKH_GROUPS = patterns.compile(r"\d{1,2}(?:,\d\d)+,\d{3}")  # Indian English pages (CLDR en-IN: #,##,##0)


def _rule_number_lists(text: str, ctx: _LanguageContext) -> str:
    if ctx.language.number_style.group != "," or "," not in text:
        return text

    def replace(match: re.Match) -> str:
        written = match.group()
        if _FIRST_GROUP_OK.fullmatch(written):
            return written  # "1,000", "1,234,567": thousands
        if _LAKH_GROUPS.fullmatch(written):
            return written.replace(",", "")  # "1,23,456", "Rs 12,50,000": Indian grouping (lakh, crore)
        start = match.start()
        if start and match.string[start - 1] in "$€£¥₹₽" or (
                written.count(",") == 1 and _ONE_DECIMAL_COMMA.match(match.string, match.end())):
            return written
        return written.replace(",", ", ")

    return _LIST_COMMA.sub(replace, text)


def _rule_serials(text: str, ctx: _LanguageContext) -> str:
    """The long digit runs of serials digit by digit; the rest of the serial is read by the later rules."""
    if "-" not in text and "/" not in text:
        return text

    def replace(match: re.Match) -> str:
        serial = match.group()
        pieces = _SERIAL_PIECES.split(serial)
        if not any(char.isalpha() for char in serial):
            if "/" not in serial or len(pieces) < 3:
                return serial  # a range, a fraction, a phone or an identifier pair: their own rules
        elif sum(any(char.isdecimal() for char in piece) for piece in pieces) < 2 and not any(
                _CODE_PARTS.fullmatch(piece) is None for piece in pieces):
            return serial  # one number and words: "a 10000-meter race" is a compound, not a serial
        # a letter run on after the digits stays a word of its own ("i9-14900K" -> "... zero zero K")
        return _LONG_RUN.sub(lambda m: ctx.protect(numbers.digits(m.group(), ctx.language.code))
                             + (" " if m.string[m.end():m.end() + 1].isalpha() else ""), serial)

    return _SERIAL.sub(replace, text)


def _rule_codes(text: str, ctx: _LanguageContext) -> str:
    """Model numbers and codes ("TB550", "GX37", "B2A23C"): letters kept for spelling, digits as a reader
    says them ("five fifty", "thirty-seven"), long runs digit by digit."""
    language = ctx.language
    say = language.say_code_number or (lambda digits: _code_number(digits, language))
    # "221B", "4K", "5G", "3M", "401k": a number with a letter or two after it (units, ordinals, times and
    # decades were read before); the letters are spelled
    text = _NUMBER_LETTERS.sub(lambda m: f"{say(m.group(1))} {m.group(2).upper()}", text)

    def replace(match: re.Match) -> str:
        return " ".join(say(part) if part.isdecimal() else part for part in _CODE_PARTS.findall(match.group()))

    text = _CODE.sub(replace, text)
    say_code = language.say_code_number
    if say_code and "(" in text:  # "401(k)", "501(c)(3)": a code's section, not a product
        text = _SECTION_CODE.sub(lambda m: " ".join([say_code(m.group(1)),
                                                     *_SECTION_PARTS.findall(m.group(2))]), text)
    if say_code:  # "RTX 3080", "GTX 1080": a model number after its capitals
        text = _AFTER_CAPITALS.sub(lambda m: m.group(1) + say_code(m.group(2)), text)
        if "-" in text:  # "Blink-182", "XK-2201-B", "AB-12345-CD": a model's or part's number after its
            # name and a hyphen (five digits or more digit by digit); "CVE-2024-3094": each link of the chain
            text = _AFTER_NAME_HYPHEN.sub(lambda m: say_code(m.group(1)), text)
            text = _NAME_CHAIN.sub(lambda m: "-".join(say_code(part) for part in m.group().split("-")), text)
        if language.code_number_cues:  # "Room 101", "Flight 370": a number that names, not counts
            text = _AFTER_WORD_NUMBER.sub(lambda m: _named_number(m, language, say_code), text)
    return text


def _named_number(match: re.Match, language: LanguageRules, say_code: Callable[[str], str]) -> str:
    word, digits = match.group(1), match.group(2)
    if word in language.code_number_cues or word.lower() in language.code_number_cues:
        return f"{word} {say_code(digits)}"
    idiom, always = language.spoken_numbers.get(digits, ("", False))
    if idiom and (always or _WORD_AFTER.match(match.string, match.end()) is None):
        return f"{word} {idiom}"  # "call 911", "the 411"; "sewing 101" (but "101 Dalmatians")
    return match.group()


def _code_number(digits: str, language: LanguageRules) -> str:
    if len(digits) > 4 or digits.startswith("0"):
        return numbers.digits(digits, language.code)
    return language.cardinal(int(digits))


_EQUALS_AFTER = patterns.compile(r"\s?=")
_NUMBER_CHAIN = patterns.compile(r"(?<![\w.,-])\d+(?:-\d+){2,}(?![\w-]|[.,]\d|\s?=)")


def _number_chain(written: str, language: LanguageRules) -> str:
    """An identifier (ISBN, part number) digit by digit, group by group; short groups ("4-4-2") as numbers."""
    groups = written.split("-")
    if any(len(group) > 2 for group in groups):
        return ", ".join(numbers.digits(group, language.code) for group in groups)
    return " ".join(language.cardinal(int(group)) for group in groups)


def _is_identifier_pair(first: str, second: str) -> bool:
    """A case, docket or order number ("No. 23-10063"), not a range: the second part is a run of five or
    more digits without the thousands separator every style guide asks of a count that long (Chicago
    Manual of Style 9.56, AP: commas from 1,000), and far longer than the first (a range from "1" up to
    "10000" keeps its "to")."""
    return (first.isdecimal() and second.isdecimal() and len(second) >= 5
            and 2 <= len(first) <= len(second) - 2)


def _rule_ranges(text: str, ctx: _LanguageContext) -> str:
    """ "2016-2018" -> "2016 to 2018" (the numbers are read by the later rules)."""
    to = ctx.words["to"]
    if "-" in text:  # "978-3-16-148410-0", "4-4-2": three or more numbers in a chain (dates were read before)
        text = _NUMBER_CHAIN.sub(lambda m: ctx.protect(_number_chain(m.group(), ctx.language)), text)

    if ctx.rules.unit_range and ("-" in text or "–" in text):
        text = ctx.rules.unit_range.sub(lambda m: f"{m.group(1)} {to} ", text)
    say_code = ctx.language.say_code_number

    def replace(match: re.Match) -> str:
        first, second = match.group(1), match.group(2)
        short_year = "-" in match.group() and len(first) == 4 and len(second) == 2
        if short_year and not ctx.language.reads_short_year_ranges:
            return match.group()
        if "-" in match.group() and _EQUALS_AFTER.match(match.string, match.end()):
            return f"{first} {ctx.words['minus']} {second}"  # "1-4=5": arithmetic
        unit_after = ctx.rules.unit_after
        if (match.string[match.end():match.end() + 1].isalpha() and not (unit_after and unit_after.match(
                match.string, match.end())) and not ctx.language.parse(first).value < ctx.language.parse(second).value):
            return match.group()  # "747-8F": a unit glued to the last number ends a range only going up
        if unit_after and unit_after.match(match.string, match.end()):
            first = ctx.protect(ctx.language.read(ctx.language.parse(first)))  # "1200-1500 kg": no year
        elif say_code and "-" in match.group() and _is_identifier_pair(first, second):
            return ctx.protect(f"{say_code(first)}, {numbers.digits(second, ctx.language.code)}")
        elif (say_code and "-" in match.group() and first.isdecimal() and second.isdecimal()
              and _word_before(match.string, match.start()).lower() in ctx.language.code_number_cues):
            # "Boeing 787-9", "Boeing 737-800": a model and its variant, not a range
            return ctx.protect(f"{say_code(first)} {say_code(second)}")
        return f"{first} {to} {second}"

    return ctx.rules.range_.sub(replace, text)


_F_NUMBER = patterns.compile(r"(?<![\w/])f/(?=\d{1,2}(?:[.,]\d)?(?![\d/]))")
_HYPHEN_WORD = patterns.compile(r"-[^\W\d_]+")
_WHOLE_AND_HALF = patterns.compile(r"(?<![\w.,/-])(\d{1,3})\s1/2\s([^\W\d_]+)")


def _rule_fractions(text: str, ctx: _LanguageContext) -> str:
    """ "3/4" -> "three quarters", "1 1/2" -> "one and a half", "4.3/5" -> "four point three out of five"."""
    language = ctx.language

    def unicode_fraction(match: re.Match) -> str:
        whole = int(match.group(1)) if match.group(1) else None
        top, bottom = _VULGAR[match.group(2)]
        spoken = language.say_fraction(top, bottom, whole, True) if language.say_fraction else None
        if spoken:
            return spoken
        spoken = language.vulgar_fractions.get(match.group(2), match.group(2))
        if whole is None:
            return spoken
        if language.and_a_half and match.group(2) == "½":
            return f"{language.cardinal(whole)} {language.and_a_half}"
        return f"{language.cardinal(whole)} {language.words['and']} {spoken}"

    if max(text, default="") >= "\u00bc":
        text = _UNICODE_FRACTION.sub(unicode_fraction, text)
    if "/" not in text:
        return text
    if "f/" in text:  # "a 50mm f/1.8 lens": the f-number of an aperture, "f one point eight"
        text = _F_NUMBER.sub("f ", text)
    if language.whole_and_half and "1/2 " in text:  # "1 1/2 tazas" -> "una taza y media"
        whole_and_half = language.whole_and_half
        text = _WHOLE_AND_HALF.sub(lambda m: whole_and_half(int(m.group(1)), m.group(2)) or m.group(), text)
    text = ctx.rules.fraction.sub(lambda m: _fraction(m, language), text)
    # what is left between numbers is no fraction or date ("31/31/100"): a pause, not "or" (the word rule's)
    # (protected, so that "31 100" is not read as one number)
    return _SLASH_BETWEEN_NUMBERS.sub(lambda m: ctx.protect(" "), text) if "/" in text else text


def _denominator_fraction(top: int, bottom: int, whole: int | None, forced: bool,
                          language: LanguageRules) -> str | None:
    """For a language that lists ``denominators`` only: "3/4" -> "three quarters" up to tenths."""
    denominators = language.denominators
    if whole is not None or not 1 <= top < bottom <= 10 or not denominators or bottom not in denominators:
        return None
    one, many = denominators[bottom]
    return f"{language.cardinal(top)} {one if top == 1 else many}"


def _fraction(match: re.Match, language: LanguageRules) -> str:
    """A fraction with the unit after it, if any ("1/2 ft" -> "one half foot", "4 1/2 lbs" -> "... pounds")."""
    whole_text, top_text, bottom_text, suffix, unit = (match.groups() + (None,))[:5]
    spoken = _fraction_words(match, language, whole_text, top_text, bottom_text, suffix)
    plain = not whole_text and not suffix and top_text.isdigit() and bottom_text.isdigit() and spoken != match.group()
    before_noun = language.fraction_before_noun if plain else None
    if not unit:
        following = _NEXT_WORD.match(match.string, match.end()) if before_noun else None
        noun = following.group(1) if following else ""
        compound = _HYPHEN_WORD.match(match.string, match.end()) if before_noun else None
        if before_noun and compound:  # "a 3/4-mile loop" -> "three-quarter": the hook sees "-mile"
            said = before_noun(int(top_text), int(bottom_text), spoken, compound.group(),
                               _word_before(match.string, match.start()).lower())
            return said or spoken
        if before_noun and noun.isalpha() and noun not in language.rating_nouns:  # "1/2 taza" -> "media taza"
            said = before_noun(int(top_text), int(bottom_text), spoken, noun,
                               _word_before(match.string, match.start()).lower())
            return said or spoken
        return spoken
    one, many = language.units[unit]
    whole, top, bottom = int(whole_text or 0), language.parse(top_text), language.parse(bottom_text)
    whole_one_singular = whole == 1 and language.code != "en"  # "uno y medio metro", "ein ein halb Fuß"
    proper = not top.fraction and int(top.integer or 0) < int(bottom.integer or 1)
    if language.half_before_noun and not whole and top_text == "1" and bottom_text == "2":
        masculine, feminine = language.half_before_noun  # "1/2 mm" -> "medio milímetro", "media milla"
        return f"{feminine if _feminine(one, language) else masculine} {one}"
    if before_noun:  # "1/2 tsp" -> "half a teaspoon", "3/4 in." -> "three quarters of an inch"
        said = before_noun(int(top_text), int(bottom_text), spoken, one, _word_before(match.string, match.start()).lower())
        if said:
            return f"{said} {one}"
    link = language.words.get("fraction_of", "")
    if link and proper and not whole:  # "tres quintos de milla", "trois quarts de litre"
        return f"{spoken} {link} {one}"
    return f"{spoken} {one if proper and (not whole or whole_one_singular) else many}"


def _fraction_words(match: re.Match, language: LanguageRules, whole_text: str | None, top_text: str,
                    bottom_text: str, suffix: str | None) -> str:
    top, bottom = language.parse(top_text), language.parse(bottom_text)
    if bottom.fraction or len(bottom.integer) > 9:
        return match.group()
    bottom_value = int(bottom.integer)
    before = _word_before(match.string, match.start()).lower()
    after = _NEXT_WORD.match(match.string, match.end()) if language.rating_nouns else None
    rating = (top.fraction or (top.integer == bottom.integer and bottom_value in (5, 10, 100))
              or (before in language.rating_cues and bottom_value in (5, 10, 100))
              or (after is not None and after.group(1) in language.rating_nouns)
              or (bottom_value in language.rating_scales and int(top.integer or 0) <= bottom_value))
    if rating and not whole_text and not suffix and bottom_value:
        return f"{language.read(top)} {language.words['out_of']} {language.cardinal(bottom_value)}"
    if top.fraction or not (language.say_fraction or language.denominators):
        return match.group()
    whole = int(whole_text) if whole_text else None
    if not bottom_value:
        spoken = None
    elif language.say_fraction:
        spoken = language.say_fraction(int(top.integer), bottom_value, whole, bool(suffix))
    else:
        spoken = _denominator_fraction(int(top.integer), bottom_value, whole, bool(suffix), language)
    if spoken is None:
        prefix = f"{language.cardinal(whole)} " if whole is not None else ""
        return f"{prefix}{language.read(top)} {language.cardinal(bottom_value)}"  # "24/7", "9/11"
    return spoken


def _rule_signs(text: str, ctx: _LanguageContext) -> str:
    """A sign directly before a number is said ("-5" -> "minus 5", "~5" -> "about 5"); "2+3" is "plus";
    a decimal without its zero is "point five" (".5")."""
    if "~" in text:
        text = _TILDE_ABOUT.sub(ctx.words["about"] + " ", text)
    if "<" in text or ">" in text or "≤" in text or "≥" in text:  # ">90%" -> "greater than 90%"
        symbols = ctx.language.symbol_words
        text = _COMPARISON_BEFORE_NUMBER.sub(lambda m: f"{symbols.get(m.group(1), m.group(1))} ", text)
    if "+" in text:
        text = _PLUS_BETWEEN.sub(f" {ctx.words['plus']} ", text)
    if ctx.language.number_style.decimal in text:
        text = ctx.rules.bare_decimal.sub(
            lambda m: f"{ctx.words['point']} {numbers.digits(m.group(1), ctx.language.code)}", text)
    return _NEGATIVE.sub(lambda m: ctx.words["plus" if m.group(1) == "+" else "minus"] + " ", text)


_AFTER_WORD = patterns.compile(r"\s*([^\s,.;:!?)]*)")
_RANGE_WORDS = frozenset({"to", "and", "or", "through", "bis", "und", "oder", "-", "–"})
_RANGE_OPENERS = frozenset({"from", "between", "von", "zwischen", "de", "entre", "da", "tra", "van", "tussen"})
_DASH_SPLIT = patterns.compile(r"[-–]")  # "Jan-March 2024": a month range, the year after its last month
_PAIRED_COUNT = patterns.compile(r"\s*(?:to|and|or|bis|und|oder|auf|a|à|y|e|et|tot|en|[-–])\s*\d{4}\s+([^\W\d]+)")


_SECOND_OF_PAIR = patterns.compile(r"\s*(?:to|and|or|bis|und|oder|auf|a|à|y|e|et|tot|en|[-–])\s*(\d{4})\b")


def _second_no_later_year(match: re.Match, first: int) -> bool:
    """ "von 1900 auf 2400": the second number of a pair is no year after the first."""
    second = _SECOND_OF_PAIR.match(match.string, match.end())
    return second is not None and not first < int(second.group(1)) <= 2099


def _rule_years(text: str, ctx: _LanguageContext) -> str:
    """A four-digit number that stands for a year is said as one ("in 1999" -> "in nineteen ninety-nine")."""
    language = ctx.language
    cues = language.year_cues
    if not ctx.rules.year or cues is None:
        return text
    count_case = str.isupper if language.count_noun_case == "upper" else str.islower

    def replace(match: re.Match) -> str:
        value = int(match.group(1))
        before = _word_before(match.string, match.start()).strip("(,")
        after_match = _AFTER_WORD.match(match.string, match.end())
        after = after_match.group(1) if after_match else ""
        cued = (before in cues or before.lower() in cues or before.endswith("-") or before in language.months
                or before.endswith("'s") or _DASH_SPLIT.split(before)[-1] in language.months)
        # A following noun makes it a count ("1500 Menschen", "1200 people"), unless it goes with years.
        is_year = cued or not after or not count_case(after[:1]) or after in language.year_followers
        # "1200 to 1300 people", "from 1900 to 2400 residents", "von 1900 auf 2400 Einwohner": the second
        # number's noun makes both counts (after "from" only if the second cannot be a later year: "from
        # 2010 to 2015 prices rose")
        opened = cued and before.lower() in _RANGE_OPENERS and _second_no_later_year(match, value)
        if is_year and (not cued or opened):
            paired = _PAIRED_COUNT.match(match.string, match.end())
            if paired and count_case(paired.group(1)[:1]) and paired.group(1) not in language.year_followers:
                is_year = paired.group(1) in language.months
        elif cued and before.lower() in _RANGE_WORDS:  # "from 1061 to 1128": the range began with a count
            first = _word_before(match.string, match.start() - len(before) - 1)
            is_year = not (first.isdigit() and not 1100 <= int(first[:5]) <= 2099)
        if value < 1100 and is_year:  # "in 1066": a year only after a cue, not in a range ("from 1061 to 1128"
            # cases), and before no noun ("in 1050 cases")
            is_year = (cued and value != 1000 and before.lower() not in _RANGE_WORDS | _RANGE_OPENERS
                       and not _PAIRED_COUNT.match(match.string, match.end())
                       and (not after or not count_case(after[:1]) or after in language.year_followers))
        return language.say_year(value) if is_year else language.cardinal(value)

    return ctx.rules.year.sub(replace, text)


def _rule_numbers(text: str, ctx: _LanguageContext) -> str:
    """Every other number, in the language's own way of writing them ("1,000" vs "1.000")."""
    language = ctx.language

    def replace(match: re.Match) -> str:
        number = language.parse(match.group(1))
        if len(number.integer) > 1 and number.integer.startswith("0") and not number.fraction:
            if len(number.integer) == 2 and language.say_code_number:
                return language.say_code_number(number.integer)  # "MS-04": "oh four"
            return numbers.digits(number.integer, language.code)  # "004", "0063": a code, said digit by digit
        spoken = language.read(number)
        if language.number_before_word:
            # the next few words are enough, and a bounded slice keeps long texts linear
            spoken = language.number_before_word(spoken, number, match.string[match.end():match.end() + 80])
        if language.scale_currency_link and not number.fraction and spoken.endswith(big_scales):
            spoken = _scale_link(spoken, match, language)  # "3 000 000 euros" -> "trois millions d'euros"
        return spoken

    big_scales = tuple(word for exponent, pair in language.scale_words.items() if exponent >= 6 for word in pair)
    text = ctx.rules.number_re.sub(replace, text)
    return text.replace(_JOIN_NEXT + " ", "") if _JOIN_NEXT in text else text


_JOIN_NEXT = "\u2060"  # the word joiner: the text was cleaned of it before the rules ran

# Digits still glued to a letter after every other rule ("t-0t25d12-f"): a code's parts; after a letter,
# before a letter that more digits follow, or before a word run on without its space ("12text",
# "30somethings"), or a model's suffix after a hyphen ("H-1B", "747-8F"); "49ers", "100s" keep their
# own readings
_GLUED_DIGITS = patterns.compile(r"(?<=[^\W\d_])\d+|(?<![\w.,])\d+(?=[^\W\d_]+\d|(?!ers\b)[^\W\d_]{3,}\b)"
                           r"|(?<=-)\d+(?=[A-Z]{1,2}\b)")


def _rule_glued_digits(text: str, ctx: _LanguageContext) -> str:
    """The last number rule: digits left touching a letter are read as a code's number ("0t25d12" ->
    "zero t twenty-five d twelve"), not left for the voice to spell."""
    if not _GLUED_DIGITS.search(text):
        return text
    language = ctx.language
    say = language.say_code_number or (lambda digits: _code_number(digits, language))

    def replace(match: re.Match) -> str:
        digits, start, end = match.group(), match.start(), match.end()
        spoken = language.cardinal(0) if digits == "0" else say(digits)
        before = " " if start and match.string[start - 1].isalpha() else ""
        after = " " if end < len(match.string) and match.string[end].isalpha() else ""
        return f"{before}{spoken}{after}"

    return _GLUED_DIGITS.sub(replace, text)


def _scale_link(spoken: str, match: re.Match, language: LanguageRules) -> str:
    """A round number of millions before a currency or unit takes the language's "de"/"di" (a million is a
    noun in the Romance languages: RAE, "millón"; Grevisse; Treccani)."""
    following = _NEXT_WORD.match(match.string, match.end())
    word = following.group(1) if following else ""
    if word not in _amount_nouns(language.code) or spoken.endswith(f" {language.scale_currency_link}"):
        return spoken
    if language.elided_link and word[:1].lower() in "aeiouéèh":
        return f"{spoken} {language.elided_link}{_JOIN_NEXT}"  # "d'euros": joined to the word after it
    return f"{spoken} {language.scale_currency_link}"


def _rule_abbreviations(text: str, ctx: _LanguageContext) -> str:
    """ "Dr. Smith" -> "Doctor Smith", "Main St." -> "Main Street", "z. B." -> "zum Beispiel"."""
    rules = ctx.rules
    if rules.contextual and "." in text:
        text = rules.contextual.sub(lambda m: _contextual(m, ctx), text)
    if rules.expansions and "." in text:
        table = ctx.language.expansions
        text = rules.expansions.sub(lambda m: _keep_final_dot(m, _expansion(m.group(), table)), text)
    if rules.suffix and "." in text:  # "Hauptstr. 5" -> "Hauptstraße 5"
        table = ctx.language.suffix_expansions
        text = rules.suffix.sub(lambda m: _keep_final_dot(m, m.group(1) + table[m.group(2)]), text)
    if rules.undotted:
        table = ctx.language.undotted_expansions
        text = rules.undotted.sub(lambda m: table[m.group(1)], text)
    return text


def _expansion(written: str, table) -> str:
    key = written[:-1]
    if key in table:
        return table[key]
    return table.get(re.sub(r"\.\s?", ". ", key), table.get(re.sub(r"\.\s", ".", key), written))


def _contextual(match: re.Match, ctx: _LanguageContext) -> str:
    before_name, after_name = ctx.language.contextual[match.group(1)]
    following = ctx.restore(match.string[match.end():match.end() + 80].lstrip()[:1])  # a protected name counts
    preceding = _word_before(match.string, match.start())
    next_word = _NEXT_WORD.match(match.string, match.end())
    if preceding[:1].isupper() and next_word and next_word.group(1) in ctx.language.sentence_starters:
        return after_name + "."  # "1428 Elm St. It was": the street, and the sentence ends there
    if following[:1].isupper() and not _at_end(match.string, match.end()):
        return before_name
    if preceding[:1].isupper() or preceding[:1].isdigit() or preceding[-2:] in ("th", "st", "nd", "rd"):
        return _keep_final_dot(match, after_name)
    return _keep_final_dot(match, before_name)


_ANY_LOWER_ROMAN = patterns.compile(r"\s[ivxlc]+\b")
_ANY_ROMAN = patterns.compile(r"(?:^|\s)[IVXLC]+(?:\b|e\b|er\b|re\b|ère\b|ème\b)")


def _rule_roman(text: str, ctx: _LanguageContext) -> str:
    """ "Henry VIII" -> "Henry the Eighth", "World War II" -> "World War two"; a lone "I" stays a pronoun."""
    language = ctx.language
    say_regnal = language.say_regnal
    if not say_regnal:
        return text
    cardinal_context = language.roman_cardinal_context

    def replace(match: re.Match) -> str:
        name, space, numeral, dot = match.group(1), match.group(2), match.group(3), match.group(4) or ""
        value = numbers.roman_value(numeral)
        # German writes regnal numbers with a dot ("Heinrich VIII."): it is part of the number there.
        dot = "" if language.regnal_dot_in_number else dot
        if ctx.shouting and name.isupper():  # an all-caps heading: "PART XL" is "Part XL" shouted
            name = name[:1] + name[1:].lower()
        if name in cardinal_context:
            return f"{name}{space}{language.cardinal(value)}{dot}"
        before = _word_before(match.string, match.start())
        titled = before in language.regnal_titles
        regnal = titled or (name.rsplit("-", 1)[-1] in REGNAL_NAMES and _regnal_numeral_fits(numeral, match, language))
        # "Henry Ford II", "Davis Love III": a given name, a surname and a small numeral are a person's
        # generation, said as a monarch's ("the Second"), not a sequel's number
        regnal = regnal or (numeral in _GENERATION_NUMERALS and before in REGNAL_NAMES and name[:1].isupper()
                            and name[1:].islower())
        if regnal:
            said = say_regnal(value)
            if language.feminine_regnal and name in QUEEN_NAMES:  # "Isabel II" -> "Isabel segunda"
                said = language.feminine_regnal(said)
            return f"{name}{space}{said}{dot}"
        if len(numeral) == 1 or (name.isupper() and len(name) > 1) or "L" in numeral or "C" in numeral:
            return match.group()  # a lone "I" is a pronoun; "WWE II" is an acronym run; "Her CV" a word
        return f"{name}{space}{language.cardinal(value)}{dot}"  # "Grand Theft Auto IV"

    if ctx.rules.roman_lower and _ANY_LOWER_ROMAN.search(text):  # "siglo xix" -> "siglo diecinueve"
        text = ctx.rules.roman_lower.sub(
            lambda m: f"{m.group(1)}{m.group(2)}{language.cardinal(numbers.roman_value(m.group(3).upper()))}", text)
    if not _ANY_ROMAN.search(text):
        return text
    if ctx.rules.roman_ordinal:
        text = ctx.rules.roman_ordinal.sub(language.say_ordinal, text)
    return ctx.rules.roman.sub(replace, text)


_GENERATION_NUMERALS = frozenset({"II", "III", "IV"})


def _regnal_numeral_fits(numeral: str, match: re.Match, language: LanguageRules) -> bool:
    """ "Malcolm X" is a name; in English "Peter I" only when no word follows ("Peter I.", "Peter I of
    Russia"), since "when Peter I saw it" is a pronoun; elsewhere "Juan Carlos I y Felipe VI"."""
    if numeral == "X":
        return False
    if numeral != "I" or not language.lone_i_is_pronoun:
        return True
    rest = match.string[match.end():match.end() + 80].lstrip()
    return not rest or not rest[0].isalpha() or rest.startswith(("of ", "von ", "de ", "d'"))


def _spelled(letters: str) -> str:
    """ "FBI" -> "F.B.I": letters joined by dots are spelled by the engine without pauses."""
    return ".".join(letters)


def _pronounceable(word: str) -> bool:
    """Could a reader say this capitalised word as a word ("NASA", "UNESCO") rather than spell it ("NYPD")?"""
    runs = re.findall(r"[^AEIOUYÀÂÄÁÉÈÊËÍÌÎÏÓÒÔÖÚÙÛÜ]+|[AEIOUYÀÂÄÁÉÈÊËÍÌÎÏÓÒÔÖÚÙÛÜ]+", word)
    vowels = sum(len(r) for r in runs if r[0] in _VOWELS)
    if not vowels or vowels * 4 < len(word) or word[0] == "Y" and vowels == 1:
        return False
    for index, run in enumerate(runs):
        if run[0] in _VOWELS:
            continue
        if index == 0 and len(run) > 1 and run not in _ONSETS:
            return False
        if index == len(runs) - 1 and len(run) > 1 and run not in _CODAS:
            return False
        if len(run) > 3:
            return False
    return True


def _read_caps(word: str, ctx: _Context) -> str:
    """A word in capitals: shouted ordinary word, pronounceable acronym, or letters to spell."""
    if ctx.shouting:
        return word.capitalize()
    if len(word) <= 3:
        if len(word) == 3 and word in _short_words(ctx.language):
            return word.lower()
        return _spelled(word)
    return word.capitalize() if _pronounceable(word) else _spelled(word)


def _short_words(language: LanguageRules | None) -> frozenset[str]:
    return language.short_words if language else frozenset()


def _is_shouting(text: str, language: LanguageRules | None) -> bool:
    """Mostly capitals with small words among them ("THE END IS NEAR"): the capitals are ordinary words.

    A list of acronyms ("HTML, API, USB") is mostly capitals too, but has no small words in it.
    """
    words = _LETTER_WORD.findall(text)
    caps = [w for w in words if w.isupper()]
    if len(words) == len(caps) == 2:  # "JOE HILDEBRAND": a name in capitals, unless both look like acronyms
        return any(len(w) > 3 and _pronounceable(w) and w not in ACRONYM_READINGS for w in caps)
    if len(words) < 3:
        return False
    if len(caps) * 10 < len(words) * 7:
        return False
    small = (language or LANGUAGE_RULES["en"]).short_words
    if sum(1 for w in caps if w in small) * 5 >= len(caps):
        return True
    # "EASY PEAR JAM": a heading of ordinary words, most of them sayable and not known acronyms
    wordlike = [w for w in caps if len(w) > 3 and _pronounceable(w) and w not in ACRONYM_READINGS]
    return len(wordlike) * 2 >= len(caps) and len(wordlike) >= 2


def _rule_acronyms(text: str, ctx: _Context) -> str:
    """ "FBI" -> "F.B.I", "U.S." -> "U.S", "NASA" -> "Nasa", "REALLY" -> "Really"."""
    table = ctx.language.acronym_readings if ctx.language else {}

    def listed(match: re.Match) -> str:
        key = match.group(1)
        if ctx.shouting and key in _short_words(ctx.language):
            return key.lower() + (match.group(2) or "")  # "THE GIRL WHO LEAPT": a word, not the W.H.O
        spoken = table.get(key) or ACRONYM_READINGS[key]
        return ctx.protect(spoken + ("'s" if match.group(2) else ""))

    def dotted(match: re.Match) -> str:
        letters = match.group(1)
        final = "." if match.group(2) and _at_end(match.string, match.end()) else ""
        return ctx.protect(letters + final)

    def caps(match: re.Match) -> str:
        spoken = _read_caps(match.group(1), ctx)
        suffix = match.group(2) or ""
        plural = "'s" if suffix in ("s", "'s", "’s") and "." in spoken else suffix.lower().replace("’", "'")
        return spoken + plural

    has_caps = _TWO_CAPITALS.search(text) and isinstance(ctx, _LanguageContext)
    if has_caps and isinstance(ctx, _LanguageContext):
        text = ctx.rules.acronyms.sub(listed, text)
    if "." in text:
        text = _DOTTED_ACRONYM.sub(dotted, text)
    if has_caps:
        text = _CAPS_WORD.sub(caps, text)
    return text


# The word breaks of a hashtag written in camel case: "#BlackLivesMatter", "#NBAFinals", "#Euro2024".
_CAMEL_BREAK = patterns.compile(r"(?<=[^\W\d_])(?=\d)|(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])|(?<=[A-ZÀ-Þ])(?=[A-ZÀ-Þ][a-zß-ÿ])")


def _hashtag(match: re.Match, word: str) -> str:
    """ "#Foo" -> "hashtag Foo", but "the hashtag #Foo" says "hashtag" once; the words a hashtag runs
    together in camel case are said apart ("hashtag Black Lives Matter")."""
    tag = _CAMEL_BREAK.sub(" ", match.group(1)) if not match.group(1).islower() else match.group(1)
    if _word_before(match.string, match.start()).lower() == word.lower():
        return tag
    return f"{word} {tag}"


def _name_range(match: re.Match, language: LanguageRules) -> str:
    """ "Monday–Friday", "January–March": a range of days or months is "to"; opening hours write them short
    and undotted ("Mon-Fri", "Tue–Sat"), said in full."""
    names = language.weekdays | frozenset(language.months)
    first, second = (word if word in names else language.range_abbreviations.get(word)
                     or language.expansions.get(word, "") for word in match.group(1, 3))
    if first in names and second in names:
        spoken = f"{first} {language.words['to']} {second}"
        # "Mo.–Fr.": the last abbreviation's dot is the sentence's too before a capital or at the end
        if match.group(2) and match.group().endswith(".") and _SENTENCE_GOES_ON.match(match.string, match.end()):
            return spoken + "."
        return _keep_final_dot(match, spoken)
    if match.group(2) and match.group().endswith("."):  # not a range of names: the dot was not part of it
        return _NAME_RANGE.sub(lambda m: _name_range(m, language), match.group()[:-1]) + "."
    return match.group()


def _rule_symbols(text: str, ctx: _Context) -> str:
    """Symbols a reader says ("&" -> "and", "@name" -> "at name", "C#" -> "C sharp"); others go."""
    language = ctx.language
    if language:
        words = language.words
        symbol_words = language.symbol_words
        if "@" in text:
            text = _HANDLE.sub(lambda m: f"{words['at']} {m.group(1)}", text)
        if "#" in text:
            text = _HASHTAG.sub(lambda m: _hashtag(m, words["hashtag"]), text)
            text = _SHARP.sub(" sharp", text)
        if "+" in text:
            text = _PLUSPLUS.sub(" plus plus", text)
            text = _TRAILING_PLUS.sub(" plus", text)
        if "&" in text:
            text = _AMPERSAND.sub(f" {symbol_words['&']} ", text)
        if _ANY_SYMBOL.search(text):
            text = _SPACED_SYMBOL.sub(lambda m: f" {symbol_words[m.group(1) or m.group(2)]} ", text)
        if language.currencies and _LONE_CURRENCY.search(text):  # "$ and %", "test$": the sign's name
            text = _LONE_CURRENCY.sub(lambda m: _currency_sign(m, language), text)
        if "/" in text:
            if language.slash_words:  # "5.4% y/y": "year on year"
                text = _slash_words(language.code).sub(lambda m: language.slash_words[m.group().lower()], text)
            text = _SLASH.sub(lambda m: _slash(m, language), text)
            if "slash" in words:  # "upgrade / update", "14/ they": a slash standing apart is named
                text = _LONE_SLASH.sub(f" {words['slash']} ", text)
    if _ANY_DASH.search(text):
        text = _DASH_PAUSE.sub(", ", text)
        if language and (language.weekdays or language.months):
            text = _NAME_RANGE.sub(lambda m: _name_range(m, language), text)
        text = _DASH_BETWEEN_WORDS.sub(" ", text)
    if _LEFTOVER.search(text):
        text = _LEFTOVER.sub(" ", text)
    return _BRACKETS.sub("", text) if "[" in text or "]" in text else text


# A currency sign with no amount beside it (the money rules read every amount first): its name, as NVDA's
# symbols.dic says "$" ("$ and %", "test$"); before a capital it is a ticker's cashtag ("$AAPL"): not said.
_LONE_CURRENCY = patterns.compile(r"\s?([$€£¥₹₽₩])(?!\d)(?=([A-Z])?)")


def _currency_sign(match: re.Match, language: LanguageRules) -> str:
    """Between two letters the sign is a stylised letter of a name ("Ke$ha", "A$AP"): not said either."""
    names = language.currencies.get(match.group(1))
    text, start, end = match.string, match.start(1), match.end(1)
    inside_name = start > 0 and text[start - 1].isalpha() and text[end:end + 1].isalpha()
    if match.group(2) or not names or inside_name:
        return match.group()[:-1]
    return f" {names[0]} "


# "$300/night", "5 dollars/month": a slash before a unit of time or count is "per".
_AND_OR = frozenset({"and", "or", "und", "oder", "et", "ou", "y", "o"})


@functools.cache
def _slash_words(code: str) -> re.Pattern:
    """The language's words written with a slash ("y/y", "m/m"), in any case, as whole words."""
    return patterns.compile(rf"(?<![\w/])(?i:{_alternation(LANGUAGE_RULES[code].slash_words)})(?![\w/])")


def _slash(match: re.Match, language: LanguageRules) -> str:
    """ "his/her" -> "his or her"; "and/or" -> "and or"; "$300/night" -> "per night", "/mo" -> "per month"."""
    text = match.string
    start = match.start()
    while start > 0 and text[start - 1].isalnum():  # the word before, without searching the whole text
        start -= 1
    left, right = text[start:match.start()], match.group(1)
    per = language.per_words.get(right.lower())
    if per and (left.islower() or left in _amount_nouns(language.code)):  # "$300/night", "80 Euro/Nacht"
        return f" {language.slash_per} {per}" if language.slash_per else f" {right}"
    if {left.lower(), right.lower()} & _AND_OR or not (left.islower() and right.islower()):
        return f" {right}"  # "and/or"; names and credits ("Reuters/Getty Images") are read as a list
    return f" {language.words['or']} {right}"


@functools.cache
def _amount_nouns(code: str) -> frozenset[str]:
    """Names of currencies and units as said after a number ("Euro", "Kilometer"): before "/Nacht" a rate."""
    language = LANGUAGE_RULES[code]
    return frozenset(name for table in (language.currencies, language.units) for names in table.values()
                     for name in names[:2] if name)


def _tidy(text: str) -> str:
    """One space between words, no stray commas from removed pieces."""
    text = " ".join(text.split())
    text = _SPACE_BEFORE_PUNCT.sub("", text)
    if "," in text:
        text = _REPEATED_COMMAS.sub(_one_comma, text)
    if "(" in text:
        text = _OPEN_SPACE.sub("(", text).replace("()", "")
    return _LEADING_PUNCT.sub("", text) if text[:1] in ",;:" or text[-1:] == "," else text


def _one_comma(match: re.Match) -> str:
    """ ", ," -> ", "; ", ." -> ".": what is left where a piece was removed between punctuation."""
    return ", " if match.group().count(",") > 1 and not match.group().rstrip().endswith(tuple(".;:!?")) else ""


# The order a reader resolves a sentence in; language-neutral rules first and last.
_NUMBER_RULES: tuple[Callable[[str, _LanguageContext], str], ...] = (
    _rule_before_number, _rule_number_lists, _rule_addresses, _rule_phone, _rule_serials, _rule_dates, _rule_times, _rule_ratios, _rule_versions, _rule_ranges, _rule_signs,
    _rule_fractions, _rule_money, _rule_scaled, _rule_percent, _rule_units, _rule_decades, _rule_ordinals,
    _rule_codes, _rule_years, _rule_numbers, _rule_glued_digits,
)
_WORD_RULES: tuple[Callable[[str, _LanguageContext], str], ...] = (_rule_regions, _rule_abbreviations, _rule_roman)
# Three or four dot-separated numbers that are not a date: a version or an address.
_VERSION = patterns.compile(r"(?<![\w.,])(\d{1,4})\.(\d{1,4})\.(\d{1,4})(?:\.(\d{1,4}))?(?![\w]|[.,]\d)")
_V_BEFORE_VERSION = patterns.compile(r"(?<![\w.])([vV])(?=\d+(?:\.\d+){1,3}(?![\w.]))")  # "v2.1.3", "v3.2"
# Where the decimal mark is a comma, "5.3" and "10.10" are versions too (not thousands: those have three).
_SHORT_VERSION = patterns.compile(r"(?<![\w.,])(\d{1,4})\.(\d{1,2}|\d{4})(?![\w.]|,\d)")
# Words before a number that make it a version, in the languages of the modules.
_VERSION_CUES = frozenset({"version", "versión", "versione", "versie", "versão", "update", "release", "v"})
# A two-part version after a version word or a software product's name ("Python 3.11" is "three point
# eleven", not "three point one one"; the products' own release notes number them so): the names of
# widely written languages, systems and browsers. The minor part has two digits and no leading zero.
_SOFTWARE_NAMES = ("version|versión|versione|versie|versão|release|update|Python|Perl|PHP|Ruby|Java|Node|"
                   "Node\\.js|Kotlin|Scala|Julia|Django|Rails|React|Angular|Vue|Android|iOS|iPadOS|"
                   "macOS|OS X|watchOS|Windows|Linux|Ubuntu|Debian|Fedora|Firefox|Chrome|Safari|"
                   "Blender|Photoshop|WordPress|Drupal|Kubernetes|Docker|PostgreSQL|MySQL|Qt|GTK|"
                   "KDE|GNOME|Bluetooth|USB|HTML|CSS|Minecraft")
_NAMED_VERSION = patterns.compile(rf"(?<![\w.])((?:{_SOFTWARE_NAMES}|[vV])\s?)(\d{{1,3}})\.([1-9]\d)(?!\w|[.,]\d)")
# "am 3.10." : a day and month with their dots and no year (German writes dates so).
_DAY_MONTH_DOTTED = patterns.compile(r"(?<![\w.,])(\d{1,2})\.(\d{1,2})\.(?=\s|$)")
# A token of letters then digits (and maybe more of either): "TB550", "GX37", "B2A23C", "mp3".
# Any script's letters: "тест2" is Cyrillic letters and a digit.
_CODE = patterns.compile(r"(?<![\w.,'’@#-])[^\W\d_]+\d[^\W_]*(?![\w'’-]|[.,]\d)")
# (not a lower-case "s": "100s of people" is a plural)
_NUMBER_LETTERS = patterns.compile(r"(?<![\w.,'’@#-])(\d{1,4})([A-Z]{1,2}|[a-rt-z])(?![\w'’]|-\d)")
_CODE_PARTS = patterns.compile(r"[^\W\d_]+|\d+")
_AFTER_WORD_NUMBER = patterns.compile(r"(?<![\w.])([^\W\d]+)\s(\d{3,12})(?![\w%]|[.,:/-]\d|\s?[$€£%])")
_WORD_AFTER = patterns.compile(r"\s+\w")
_AFTER_NAME_HYPHEN = patterns.compile(r"(?<=[^\W\d_]-)(\d{3,})(?![\w%]|[.,]\d|-\d)")
_NAME_CHAIN = patterns.compile(r"(?<=[^\W\d_]-)\d{3,}(?:-\d+)+(?![\w%-]|[.,]\d)")
_AFTER_CAPITALS = patterns.compile(r"(?<![\w.])([A-Z]{2,5}\s)(\d{3,4})(?![\w%-]|[.,]\d|\s?[$€£%])")
_SHORT_YEAR_APOSTROPHE = patterns.compile(r"(?<![\w'’])['’](?=\d\d\b(?!['’]?s\b))")
_HAS_DIGIT = patterns.compile(r"[\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]")
# Digit runs too long for a cardinal: read digit by digit before any rule builds an int from them.
_LONG_DIGITS = patterns.compile(rf"(?<![\d.,])\d{{{numbers.MAX_CARDINAL_DIGITS + 1},}}")


def speech_text(text: str, lang: str, lexicon: Lexicon | None = None) -> str:
    """What a good reader says for ``text`` (one sentence) in language ``lang`` (a BCP 47 tag)."""
    tag = "-".join(subtags(lang or "en")) or "en"
    base = primary(tag)
    language = LANGUAGE_RULES.get(base)
    rules = compiled_rules(base) if language is not None else None
    shouting = _is_shouting(text, language)
    ctx: _Context
    if language is not None and rules is not None:
        ctx = _LanguageContext(lang=base, tag=tag, language=language, rules=rules, shouting=shouting)
    else:
        ctx = _Context(lang=base, tag=tag, language=None, shouting=shouting)
    text = unicodedata.normalize("NFC", text)
    if _PROTECTED.search(text):
        text = _PROTECTED.sub("", text)  # icon-font glyphs: nothing to say, and the placeholders' range
    if lexicon is not None:
        text = lexicon.replace(text, tag, wrap=ctx.protect)
    text = _rule_links(text, ctx)
    text = _rule_footnotes(text, ctx)
    text = _rule_emoji(text, ctx)
    text = _rule_typography(text, ctx)
    if language is not None and _LONG_DIGITS.search(text):
        text = _LONG_DIGITS.sub(lambda m: ctx.protect(numbers.digits(m.group(), base)), text)
    if language is not None and language.read_phrases:
        text = language.read_phrases(text)  # a language's own number phrases (Russian case agreement)
    if isinstance(ctx, _LanguageContext):
        if _HAS_DIGIT.search(text):
            if "'" in text or "’" in text:  # "the summer of '69": the apostrophe of a short year is not said
                text = _SHORT_YEAR_APOSTROPHE.sub("", text)
            for rule in _NUMBER_RULES:
                text = rule(text, ctx)
        for rule in _WORD_RULES:
            text = rule(text, ctx)
    text = _rule_acronyms(text, ctx)
    text = _rule_symbols(text, ctx)
    text = ctx.restore(text)
    if language is not None and language.final_pass:
        text = language.final_pass(text)
    return _tidy(text)
