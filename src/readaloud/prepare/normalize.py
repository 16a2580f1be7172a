"""Speech text: what a good human reader says for one sentence of displayed text.

``speech_text(text, lang, lexicon)`` runs an ordered list of rules. Each rule is one compiled regex (built
once per language, at import) and a small function; the vocabularies live in :mod:`.abbreviations`,
:mod:`.symbols` and :mod:`.numbers`. The order matters and is the order a reader resolves things in:
user lexicon first (the user knows best), then things that contain digits and dots (links, phone numbers,
dates, times, money, units, years, plain numbers), then abbreviations, Roman numerals and acronyms, then
symbols and punctuation the engine should not read out.

Output is written for libespeak-ng (checked against its phonemiser, version 1.52): spelled acronyms are
letters joined by full stops ("F.B.I"), quotes are dropped, dashes become commas (a short pause).
Text a rule has finished with (a lexicon entry, a link) is *protected*: swapped for a private-use
character so no later rule touches it, and restored at the end.

Emoji: English speech says the emoji's Unicode name once ("🔥🔥🔥" -> "fire"), as screen readers do;
other languages drop emoji, because the only names at hand are English.
Languages other than en/de/fr/es get the language-neutral rules only (links, footnotes, emoji,
quotes, dashes); their numbers are left to the engine's own voice rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from . import numbers
from .abbreviations import (
    ACRONYM_READINGS,
    ACRONYM_READINGS_BY_LANG,
    BEFORE_NUMBER,
    CONTEXTUAL,
    EXPANSIONS,
    SHORT_WORDS,
    UNDOTTED_EXPANSIONS,
)
from .symbols import (
    APOSTROPHES,
    CURRENCIES,
    CURRENCY_CODES,
    DENOMINATORS_EN,
    DROPPED_QUOTES,
    FOOTNOTE_PHRASES,
    FRACTIONS,
    LANGUAGES,
    MONTHS,
    REGNAL_ARTICLE,
    REGNAL_NAMES,
    REGNAL_TITLES,
    ROMAN_CARDINAL_CONTEXT,
    SCALE_CURRENCY_LINK,
    SCALE_SUFFIXES,
    SCALE_WORDS,
    SILENT_CHARS,
    SYMBOL_WORDS,
    UNITS,
    WORDS,
)

if TYPE_CHECKING:
    from .lexicon import Lexicon

# Private-use code points stand in for protected text; no rule's pattern matches them.
_PROTECT_BASE = 0xE000
_PROTECT_LIMIT = 0xF8FF
_PROTECTED = re.compile("[\ue000-\uf8ff]")

# en-GB and friends write day/month/year; en-US month/day/year (CLDR short date patterns).
DAY_FIRST_ENGLISH = frozenset({"en-gb", "en-au", "en-nz", "en-ie", "en-in", "en-za", "en-sg", "en-uk"})

# Words before a four-digit number that make it a year (news usage; "in 2018", "since 1999").
YEAR_CUES = MappingProxyType({
    "en": frozenset("""in since by until till from to through between and or of before after during around
        circa c. early late mid end summer spring autumn fall winter year fiscal FY season class election
        elections census vintage the The a A his her its their our my this that""".split()),
    "de": frozenset("""im Jahr Jahre Jahres Jahren seit bis von vom ab um vor nach Anfang Ende Mitte
        Frühjahr Sommer Herbst Winter zwischen und oder in anno Saison""".split()),
})
# Lower-case words after a four-digit number that still leave it a year ("in 2018 and", "2018 was").
YEAR_FOLLOWERS_EN = frozenset("""to and or was were is are saw had has when as the a an at in on for with
    after before until through during election elections season budget census campaign law report edition
    model version world cup olympics games midterms""".split())

_DASHES = "–—―"
# After an amount these words leave the currency plural ("$5 in cash", "$3 billion last year"); any other
# lower-case word makes the amount an adjective ("a $19 billion acquisition" -> "dollar").
_AMOUNT_FOLLOWERS_EN = frozenset("""a an the in on at of for from to by with and or but as than is was are were
    be been being has had have will would could should can may might must each per apiece more less last this
    next that which who annually worth into over under after before during since until plus minus off back
    so too yet now then there here it its their his her they he she we you i total overall""".split())
# After a measurement these describe it rather than being described by it ("20km away", "5ft tall").
_UNIT_FOLLOWERS_EN = frozenset("""away long wide tall high deep old thick ahead apart north south east west
    above below across behind beneath up down higher lower faster slower""".split())
_NEXT_WORD = re.compile(r"\s+([^\s,.;:!?)]+)")
_VOWELS = frozenset("AEIOUYÀÂÄÁÉÈÊËÍÌÎÏÓÒÔÖÚÙÛÜ")
# English consonant clusters that may open or close a syllable; used to tell "NASA" from "NYPD".
_ONSETS = frozenset("""BL BR CH CL CR DR DW FL FR GL GN GR KL KN KR PH PL PR QU SC SH SK SL SM SN SP ST SW TH
    TR TW WH WR SCH SCR SHR SPL SPR STR THR""".split())
_CODAS = frozenset("""CH CK CT FT LD LF LK LM LP LT MP ND NG NK NT PT RB RD RK RM RN RP RT SH SK SP ST TH NS
    RS LS TS DS KS PS MS GS NZ RL LL SS FF ZZ TT WN WL WS WK WT XT RF RG RC NC SM GH PH NTS RST NDS""".split())


# --- The work area a rule sees ---------------------------------------------------------------------


@dataclass
class _Context:
    """One sentence being normalised: its language, rule set, and the protected pieces."""

    lang: str
    tag: str
    rules: _Rules
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

    @property
    def words(self) -> MappingProxyType:
        return WORDS[self.lang]


def _at_end(text: str, position: int) -> bool:
    """True when only closing quotes/brackets and spaces follow: a dot there also ends the sentence."""
    return not text[position:].strip(" )]”’\"'»")


def _keep_final_dot(match: re.Match, spoken: str) -> str:
    """An abbreviation's dot that was also the sentence's full stop stays a full stop."""
    if match.group().endswith(".") and _at_end(match.string, match.end()):
        return spoken + "."
    return spoken


def _alternation(keys) -> str:
    """Longest keys first, so "km/h" wins over "km" and "Mrs" over "Mr"."""
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


def _abbreviation_pattern(keys) -> str:
    """Keys like "z. B" match "z. B." and "z.B."; every key is followed by its dot."""
    parts = []
    for key in sorted(keys, key=len, reverse=True):
        parts.append(r"\.\s?".join(re.escape(piece) for piece in re.split(r"\.\s?", key)))
    return "|".join(parts)


# --- Compiled rules per language -------------------------------------------------------------------


@dataclass(frozen=True)
class _Rules:
    """Every regex of one language, compiled once at import."""

    lang: str
    number_re: re.Pattern
    before_number: re.Pattern | None
    month_day: re.Pattern | None
    day_month: re.Pattern | None
    numeric_date: re.Pattern
    iso_date: re.Pattern
    time: re.Pattern | None
    time_ampm: re.Pattern | None
    money_prefix: re.Pattern
    money_suffix: re.Pattern
    percent: re.Pattern
    units: re.Pattern
    scaled: re.Pattern | None
    decade: re.Pattern | None
    ordinal: re.Pattern | None
    year: re.Pattern | None
    range_: re.Pattern
    expansions: re.Pattern | None
    undotted: re.Pattern | None
    contextual: re.Pattern | None
    acronyms: re.Pattern
    roman: re.Pattern


_NUM_BOUNDARY_BEFORE = r"(?<![\w.,])"
_NUM_BOUNDARY_AFTER = r"(?!\w|[.,]\d)"
_ROMAN = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"
# French writes ordinal centuries and regnal "first" with a suffix: "XIXe siècle", "François Ier".
_FRENCH_ROMAN_ORDINAL = re.compile(r"(?<![\w.,])(?!(?:L|C)(?:e|er|re)\b)((?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))(er|re|ère|e|ème)\b")
_CURRENCY_PREFIXES = ["US$", "C$", "A$", "NZ$", "HK$", "$", "€", "£", "¥", "₹", "₽"]


def _build_rules(lang: str) -> _Rules:
    number = numbers.STYLES[lang].pattern
    months = MONTHS[lang]
    month_names = _alternation(months)
    scale_keys = SCALE_SUFFIXES[lang]
    scale = _alternation(scale_keys)
    units = _alternation(UNITS)
    before = BEFORE_NUMBER[lang]
    expansions = EXPANSIONS[lang]
    acronym_keys = set(ACRONYM_READINGS) | set(ACRONYM_READINGS_BY_LANG[lang])
    codes = _alternation(CURRENCY_CODES)
    prefixes = _alternation(_CURRENCY_PREFIXES)
    return _Rules(
        lang=lang,
        number_re=re.compile(rf"{_NUM_BOUNDARY_BEFORE}({number}){_NUM_BOUNDARY_AFTER}"),
        before_number=re.compile(
            rf"(?<![\w.])(?:({_abbreviation_pattern(before)})\.|([Nn][°º]|#))\s?(?=\d)") if before else None,
        month_day=re.compile(
            rf"\b({month_names}|(?:{_abbreviation_pattern(_month_abbreviations(lang))})\.)\s(\d{{1,2}})"
            rf"(?:st|nd|rd|th)?\b(?:,?\s(\d{{4}})\b)?") if lang == "en" else None,
        day_month=re.compile(
            rf"(?<![\w.,])(\d{{1,2}})(?:st|nd|rd|th|\.)?\s(?:of\s)?({month_names})\b(?:,?\s(\d{{4}})\b)?")
        if lang in ("en", "de") else None,
        numeric_date=re.compile(r"(?<![\w/.,-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/]|[.,-]\d)"),
        iso_date=re.compile(r"(?<![\w/.-])(\d{4})-(\d{2})-(\d{2})(?![\w/-]|\.\d)"),
        time=_compiled(TIME_PATTERNS, lang),
        time_ampm=re.compile(
            r"(?<![\w.,:])(\d{1,2})(?::(\d{2}))?\s?([AaPp])\.?\s?[Mm]\b\.?") if lang == "en" else None,
        money_prefix=re.compile(
            rf"(?<![\w$€£¥₹₽])(?:({prefixes})\s?|({codes})\s)({number})(?:\s?({scale})(?![\w]))?"
            rf"{_NUM_BOUNDARY_AFTER}"),
        money_suffix=re.compile(
            rf"{_NUM_BOUNDARY_BEFORE}({number})(?:\s?({scale}))?\s?({prefixes}|{codes})(?!\w)"),
        percent=re.compile(rf"{_NUM_BOUNDARY_BEFORE}({number})\s?([%‰])"),
        units=re.compile(rf"{_NUM_BOUNDARY_BEFORE}(?<!\w-)({number})(\s?)({units})(?![\w/²³])"),
        scaled=re.compile(rf"{_NUM_BOUNDARY_BEFORE}({number})\s?(bn|tn)\b") if lang == "en" else (
            re.compile(rf"{_NUM_BOUNDARY_BEFORE}({number})\s(Mio|Mrd|Tsd|Bio)\.") if lang == "de" else None),
        decade=re.compile(r"(?<![\w'’])(?:(1\d|20)(\d)0|['’]?(\d)0)['’]?s\b") if lang == "en" else (
            re.compile(r"(?<![\w])(\d{2}|1\d\d0|20\d0)er\b") if lang == "de" else None),
        ordinal=_compiled(ORDINAL_PATTERNS, lang),
        year=re.compile(rf"(?<![\w.,$€£¥-])(1[1-9]\d\d|20\d\d)(?!\w|[.,]\d|\s?(?:{units})\b|\s?%)")
        if lang in ("en", "de") else None,
        range_=re.compile(
            rf"{_NUM_BOUNDARY_BEFORE}(\d+(?:[.,]\d+)?)(?:\s?[{_DASHES}]\s?|-)(\d+(?:[.,]\d+)?)(?![\w/]|[.,-]\d)"),
        expansions=re.compile(rf"(?<![\w.-])(?:{_abbreviation_pattern(expansions)})\.") if expansions else None,
        undotted=re.compile(rf"(?<![\w.])({_alternation(UNDOTTED_EXPANSIONS[lang])})(?=\s+[A-ZÀ-Þ])")
        if UNDOTTED_EXPANSIONS[lang] else None,
        contextual=re.compile(rf"(?<![\w.])({_alternation(CONTEXTUAL[lang])})\.") if CONTEXTUAL[lang] else None,
        acronyms=re.compile(rf"(?<![\w&])({_alternation(acronym_keys)})(s|['’]s)?(?![\w&])"),
        roman=re.compile(rf"(?<![\w])([A-ZÀ-Þ][\w'’-]*)(\s+)({_ROMAN})(?![\w'’])(\.(?=\s+\w))?"),
    )


def _month_abbreviations(lang: str) -> list[str]:
    return [key for key, value in EXPANSIONS[lang].items() if value in MONTHS[lang]]


# Clock times and ordinals as each language writes them; a language not listed has none of its own.
TIME_PATTERNS = {
    "en": r"(?<![\w.,:])([01]?\d|2[0-4]):([0-5]\d)(?::[0-5]\d)?(?![\d:]|\s?[AaPp]\.?\s?[Mm]\b)",
    "de": r"(?<![\w.,:])([01]?\d|2[0-4])(?::([0-5]\d)(?::[0-5]\d)?|\.([0-5]\d)(?=\s?Uhr))(?![\d:])(\s?Uhr)?",
    "fr": r"(?<![\w.,:])([01]?\d|2[0-4])(?:\s?h\s?([0-5]\d)?(?!\w)|:([0-5]\d)(?![\d:]))",
    "es": r"(?<![\w.,:])([01]?\d|2[0-4]):([0-5]\d)(?![\d:])",
}
ORDINAL_PATTERNS = {
    "en": r"(?<![\w.,])(\d+)(st|nd|rd|th)\b",
    # A number with a full stop inside a sentence is an ordinal ("am 3. Oktober", "der 2. Weltkrieg"):
    # the sentence splitter has already cut where such a dot ends a sentence.
    "de": r"(?<![\w.,])(?:(\w+)\s)?(\d{1,3})\.(?=\s+[\w\ue000-\uf8ff])",
    "fr": r"(?<![\w.,])(\d+)(er|re|ère|e|ème|è|nd|nde)\b",
    "es": r"(?<![\w.,])(\d+)\.?([ºª])",
}


def _compiled(patterns: dict[str, str], lang: str) -> re.Pattern | None:
    return re.compile(patterns[lang]) if lang in patterns else None


RULES: MappingProxyType[str, _Rules] = MappingProxyType({lang: _build_rules(lang) for lang in LANGUAGES})

# --- Language-neutral patterns ---------------------------------------------------------------------

_URL = re.compile(r"(?<![\w@])(?:https?://|www\.)[^\s<>\"“”]+[^\s<>\"“”.,;:!?)\]’']")
_URL_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/:?#]+)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@([\w-]+(?:\.[\w-]+)+)(?<!\.)")
_FOOTNOTE = re.compile(
    r"\s?\[\s*(?:\d+(?:\s*[,–-]\s*\d+)*|(?-i:[a-z])|(?:note|n|Anm\.?)\s*\d+|"
    + "|".join(re.escape(p) for p in FOOTNOTE_PHRASES) + r")\s*\](?!\w)", re.IGNORECASE)
_SUPERSCRIPT_FOOTNOTE = re.compile(r"(?<=[^\W\d])(?<![mk])[¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?<=[.,;:!?)”\"’])[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_EMOJI_RUN = re.compile(
    "(?:[\U0001F300-\U0001FAFF\U0001F000-\U0001F2FF\u2600-\u27BF\u2B50\u2B55\u2B1B\u2B1C]"
    "[\U0001F3FB-\U0001F3FF\uFE0F\uFE0E\u20E3]*(?:\u200D[\U0001F300-\U0001FAFF\u2600-\u27BF][\uFE0F]?)*\\s?)+")
_EMOJI_CLUSTER = re.compile(
    "[\U0001F300-\U0001FAFF\U0001F000-\U0001F2FF\u2600-\u27BF\u2B50\u2B55\u2B1B\u2B1C]"
    "[\U0001F3FB-\U0001F3FF\uFE0F\uFE0E\u20E3]*(?:\u200D[\U0001F300-\U0001FAFF\u2600-\u27BF][\uFE0F]?)*")
_FLAG = re.compile("[\U0001F1E6-\U0001F1FF]{2}")
_KEYCAP = re.compile("([0-9#*])\uFE0F?\u20E3")
# Unicode names of the dingbat range carry typographic words a listener does not need ("HEAVY BLACK HEART").
_EMOJI_NAME_NOISE = frozenset({"BLACK", "WHITE", "HEAVY", "SUIT", "SIGN", "MEDIUM", "LARGE", "SMALL"})
_ANY_DROPPED = re.compile("[" + re.escape(SILENT_CHARS + DROPPED_QUOTES) + "]")
_ANY_APOSTROPHE = re.compile("[" + re.escape(APOSTROPHES) + "]")
_ANY_SUPERSCRIPT = re.compile("[¹²³⁴⁵⁶⁷⁸⁹⁰]")
_PHONE = re.compile(
    r"(?<![\w+.,/-])(?:\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){1,4}"
    r"|\(\d{3}\)\s?\d{3}[-.\s]\d{4}|\d{3}[-.]\d{3}[-.]\d{4}|\d{3}-\d{4})(?![\w-]|[.,]\d)")
_FRACTION = re.compile(r"(?<![\w/.,])(\d{1,2})/(\d{1,2})(?![\w/]|[.,]\d)")
_UNICODE_FRACTION = re.compile(r"(?<![\w.,])(?:(\d+)\s?)?([½⅓⅔¼¾⅕⅛])")
_NEGATIVE = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))([-−+])(?=\d)")
_DOTTED_ACRONYM = re.compile(r"(?<![\w.])((?:[A-Z]\.){1,}[A-Z])(\.?)(?=[\s,;:!?)\]’'\"-]|$)")
_TWO_CAPITALS = re.compile(r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ&a-z]*[A-ZÀ-ÖØ-Þ]")
_CAPS_WORD = re.compile(r"(?<![\w.&'’])([A-ZÀ-ÖØ-Þ]{2,})(s|['’]s?)?(?![\w&'’])")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_HANDLE = re.compile(r"(?<![\w@])@([A-Za-z_]\w*)")
_HASHTAG = re.compile(r"(?<![\w&#])#([^\W\d]\w*)")
_SHARP = re.compile(r"(?<=\b[A-GJ])#(?!\w)")
_PLUSPLUS = re.compile(r"(?<=\w)\+\+")
_TRAILING_PLUS = re.compile(r"(?<=\w)\+(?!\w)")
_AMPERSAND = re.compile(r"\s*&\s*")
_SPACED_SYMBOL = re.compile(r"\s?([=×±≈≤≥→§©%‰])\s?|(?<=\s)([<>+])(?=\s)")
_ANY_SYMBOL = re.compile(r"[=×±≈≤≥→§©%‰<>+]")
_ANY_DASH = re.compile(r"[-–—―]")
_SLASH = re.compile(r"(?<=[^\W\d_])/(?=[^\W\d_])")
_TILDE_ABOUT = re.compile(r"~\s?(?=\d)")
_DASH_PAUSE = re.compile(r"\s*[—―]\s*|\s+[–-]\s+|\s*--\s*|\s+[–-]$|^[–-]\s+")
_DASH_BETWEEN_WORDS = re.compile(r"(?<=[^\W\d])–(?=[^\W\d])")
_ELLIPSIS = re.compile(r"\.\s\.\s\.")
_LEFTOVER = re.compile(r"[|_\\^{}~]")
_BRACKETS = re.compile(r"[\[\]]")
_SPACE_BEFORE_PUNCT = re.compile(r" (?=[,.;:!?)])")
_REPEATED_COMMAS = re.compile(r"(?:,\s*){2,}|,\s*(?=[.;:!?])|(?<=[.;:!?]),")
_OPEN_SPACE = re.compile(r"\(\s+")
_LEADING_PUNCT = re.compile(r"^[\s,;:]+|[\s,]+$")


# --- Rules -----------------------------------------------------------------------------------------


def _rule_links(text: str, ctx: _Context) -> str:
    """A URL is said as "link to example.com"; an email as "email address at example.org"."""
    words = WORDS.get(ctx.lang)

    def link(match: re.Match) -> str:
        host = _URL_HOST.match(match.group()).group(1)
        return ctx.protect(f"{words['link']} {host}" if words else host)

    def email(match: re.Match) -> str:
        return ctx.protect(f"{words['email']} {match.group(1)}" if words else match.group(1))

    if "@" in text:
        text = _EMAIL.sub(email, text)
    if "www." in text or "://" in text:
        text = _URL.sub(link, text)
    return text


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


def _rule_emoji(text: str, ctx: _Context) -> str:
    """English: each different emoji's name once; other languages: dropped."""
    if max(text, default="") < "\u20e3":
        return text
    text = _KEYCAP.sub(r"\1", text)
    if _FLAG.search(text):
        text = _FLAG.sub(" flag " if ctx.lang == "en" else " ", text)

    def name_run(match: re.Match) -> str:
        if ctx.lang != "en":
            return " "
        names = list(dict.fromkeys(_emoji_name(c) for c in _EMOJI_CLUSTER.findall(match.group())))
        return " " + ", ".join(n for n in names if n) + " "

    return _EMOJI_RUN.sub(name_run, text)


def _rule_typography(text: str, ctx: _Context) -> str:
    """Quotes are heard from the voice, not read out; invisible characters go."""
    if _ANY_DROPPED.search(text):
        text = _ANY_DROPPED.sub("", text)
    if _ANY_APOSTROPHE.search(text):
        text = _ANY_APOSTROPHE.sub("'", text)
    return _ELLIPSIS.sub("...", text) if ". . ." in text else text


def _rule_before_number(text: str, ctx: _Context) -> str:
    """ "No. 5" -> "number 5", "p. 12" -> "page 12", "#1" -> "number 1" (the number is read later)."""
    table = BEFORE_NUMBER[ctx.lang]

    def replace(match: re.Match) -> str:
        if match.group(1):
            return table[match.group(1)] + " "
        return ctx.words["number"] + " "

    return ctx.rules.before_number.sub(replace, text)


def _rule_phone(text: str, ctx: _Context) -> str:
    """Phone numbers are read digit by digit, group by group."""

    def replace(match: re.Match) -> str:
        raw = match.group()
        groups = re.findall(r"\d+", raw)
        spoken = ", ".join(numbers.digits(g, ctx.lang) for g in groups)
        if raw.startswith("+"):
            spoken = f"{ctx.words['plus']} {spoken}"
        return ctx.protect(spoken)

    return _PHONE.sub(replace, text)


def _day_word(day: int, ctx: _Context, before: str = "") -> str:
    if ctx.lang == "en":
        return numbers.ordinal(day, "en")
    if ctx.lang == "de":
        return _german_ordinal(day, before, date=True)
    if ctx.lang == "fr":
        return "premier" if day == 1 else numbers.cardinal(day, "fr")
    return "primero" if day == 1 else numbers.cardinal(day, ctx.lang)


def _month_name(month: int, lang: str) -> str:
    return next(name for name, number in MONTHS[lang].items() if number == month)


def _say_date(day: int, month: int, year: str, ctx: _Context, before: str = "") -> str:
    """ "July seventh, twenty seventeen" / "dritter Oktober neunzehnhundertneunzig" / "sept juillet ..." ."""
    month_word = _month_name(month, ctx.lang)
    year_word = ""
    if year:
        value = int(year)
        if len(year) == 2:
            value += 2000 if value < 50 else 1900
        year_word = numbers.year(value, ctx.lang)
    day_word = _day_word(day, ctx, before)
    if ctx.lang == "en":
        return f"{month_word} {day_word}" + (f", {year_word}" if year_word else "")
    if ctx.lang == "es":
        return f"{day_word} de {month_word}" + (f" de {year_word}" if year_word else "")
    return f"{day_word} {month_word}" + (f" {year_word}" if year_word else "")


def _word_before(text: str, position: int) -> str:
    match = re.search(r"(\S+)\s*$", text[:position])
    return match.group(1) if match else ""


def _rule_dates(text: str, ctx: _Context) -> str:
    """Month-name dates, numeric dates (d/m/y or m/d/y by language and region) and ISO dates."""
    rules = ctx.rules
    if rules.month_day:
        text = rules.month_day.sub(lambda m: _month_day(m, ctx), text)
    if rules.day_month:
        text = rules.day_month.sub(lambda m: _day_month(m, ctx), text)
    text = rules.iso_date.sub(lambda m: _numeric_date(m, int(m[3]), int(m[2]), m[1], ctx), text)
    return rules.numeric_date.sub(lambda m: _numeric_date_by_order(m, ctx), text)


def _month_day(match: re.Match, ctx: _Context) -> str:
    month_text, day, year = match.group(1), int(match.group(2)), match.group(3)
    month = MONTHS["en"].get(month_text) or MONTHS["en"].get(EXPANSIONS["en"].get(month_text.rstrip(".")))
    if not month or not 1 <= day <= 31:
        return match.group()
    spoken = f"{_month_name(month, 'en')} {numbers.ordinal(day, 'en')}"
    return spoken + (f", {numbers.year(int(year), 'en')}" if year else "")


def _day_month(match: re.Match, ctx: _Context) -> str:
    day, month_text, year = int(match.group(1)), match.group(2), match.group(3)
    if not 1 <= day <= 31:
        return match.group()
    month = MONTHS[ctx.lang][month_text]
    if ctx.lang == "en":
        article = "" if _word_before(match.string, match.start()).lower() == "the" else "the "
        spoken = f"{article}{numbers.ordinal(day, 'en')} of {month_text}"
        return spoken + (f" {numbers.year(int(year), 'en')}" if year else "")
    if "." not in match.group() and ctx.lang == "de":
        return match.group()  # "3 Oktober" without the ordinal dot: leave to the number rule
    return _say_date(day, month, year or "", ctx, before=_word_before(match.string, match.start()))


def _numeric_date_by_order(match: re.Match, ctx: _Context) -> str:
    first, second = int(match.group(1)), int(match.group(3))
    separator = match.group(2)
    day_first = ctx.lang != "en" or ctx.tag in DAY_FIRST_ENGLISH or separator == "."
    if first > 12 >= second:
        day_first = True
    elif second > 12 >= first:
        day_first = False
    day, month = (first, second) if day_first else (second, first)
    if separator == "-" and len(match.group(4)) == 2:
        return match.group()  # "3-4-17" is more likely a score or code than a date
    return _numeric_date(match, day, month, match.group(4), ctx)


def _numeric_date(match: re.Match, day: int, month: int, year: str, ctx: _Context) -> str:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return match.group()
    if ctx.lang not in RULES:
        return match.group()
    return _say_date(day, month, year, ctx, before=_word_before(match.string, match.start()))


def _rule_times(text: str, ctx: _Context) -> str:
    """ "9:30 a.m." -> "nine thirty A.M"; "14:00 Uhr" -> "vierzehn Uhr"; "14h30" -> "quatorze heures trente"."""
    rules = ctx.rules
    if rules.time_ampm:
        text = rules.time_ampm.sub(lambda m: _time_ampm(m, ctx), text)
    if rules.time:
        text = rules.time.sub(lambda m: _time_24(m, ctx), text)
    return text


def _time_ampm(match: re.Match, ctx: _Context) -> str:
    hour, minutes, half = int(match.group(1)), match.group(2), match.group(3).upper()
    if not 1 <= hour <= 12:
        return match.group()
    spoken = numbers.cardinal(hour, "en")
    if minutes and minutes != "00":
        spoken += " " + _minutes_en(minutes)
    return _keep_final_dot(match, f"{spoken} {half}.M")


def _minutes_en(minutes: str) -> str:
    if minutes.startswith("0"):
        return "oh " + numbers.cardinal(int(minutes), "en")
    return numbers.cardinal(int(minutes), "en")


def _time_24(match: re.Match, ctx: _Context) -> str:
    lang = ctx.lang
    hour = int(match.group(1))
    minutes = next((g for g in match.groups()[1:3] if g and g.isdigit()), "")
    if lang == "en":
        if minutes == "00":
            if hour == 0:
                return "zero"  # "0:00" on a media player: a duration, not midnight
            return f"{numbers.cardinal(hour, 'en')} " + ("hundred" if hour > 12 else "o'clock")
        return f"{numbers.cardinal(hour, 'en')} {_minutes_en(minutes)}"
    if lang == "de":
        hour_word = "ein" if hour == 1 else numbers.cardinal(hour, "de")
        minute_word = f" {numbers.cardinal(int(minutes), 'de')}" if minutes and minutes != "00" else ""
        return f"{hour_word} Uhr{minute_word}"
    if lang == "fr":
        hour_word = "une heure" if hour == 1 else f"{numbers.cardinal(hour, 'fr')} heures"
        minute_word = f" {numbers.cardinal(int(minutes), 'fr')}" if minutes and minutes != "00" else ""
        return hour_word + minute_word
    hour_word = "una" if hour == 1 else numbers.cardinal(hour, lang)
    return hour_word + (f" y {numbers.cardinal(int(minutes), lang)}" if minutes and minutes != "00" else "")


def _currency_key(symbol: str) -> str:
    return CURRENCY_CODES.get(symbol, symbol) if symbol not in CURRENCIES else symbol


def _attributive(text: str, end: int, lang: str, followers: frozenset[str] = frozenset()) -> bool:
    """ "a $19 billion acquisition": an amount before a noun is said in the singular ("dollar")."""
    if lang != "en":
        return False
    following = _NEXT_WORD.match(text, end)
    word = following.group(1) if following else ""
    return word.isalpha() and word.islower() and word not in _AMOUNT_FOLLOWERS_EN and word not in followers


def _say_money(number_text: str, scale_text: str | None, symbol: str, ctx: _Context,
               attributive: bool = False) -> str:
    """ "$3.5 million" -> "three point five million dollars"; "$5.50" -> "five dollars and fifty cents"."""
    lang = ctx.lang
    one, many, minor_one, minor_many = CURRENCIES[_currency_key(symbol)][lang]
    if attributive:
        many, minor_many = one, minor_one
    number = numbers.parse(number_text, lang)
    if scale_text:
        exponent = SCALE_SUFFIXES[lang][scale_text]
        scale_one, scale_many = SCALE_WORDS[lang][exponent]
        scale_word = scale_one if number.is_one else scale_many
        link = SCALE_CURRENCY_LINK[lang]
        if link:
            link = "d'" if many[0] in "aeiouéè" and lang == "fr" else f"{link} "
        return f"{numbers.read(number, lang)} {scale_word} {link}{many}".replace("' ", "'")
    if number.fraction and len(number.fraction) == 2 and minor_one and number.fraction != "00":
        cents = int(number.fraction)
        cents_words = f"{numbers.cardinal(cents, lang)} {minor_one if cents == 1 else minor_many}"
        if number.integer.strip("0") == "":
            return cents_words
        whole = _money_whole(int(number.integer), one, many, lang)
        joiner = {"en": " and ", "es": " con "}.get(lang, " ")
        return whole + joiner + (cents_words if lang == "en" else numbers.cardinal(cents, lang))
    if number.fraction.strip("0"):
        return f"{numbers.read(number, lang)} {many}"
    return _money_whole(int(number.integer), one, many, lang)


def _money_whole(value: int, one: str, many: str, lang: str) -> str:
    if value == 1:
        return f"{_one_before_noun(lang, feminine=one in ('livre', 'libra', 'roupie', 'rupia', 'Rupie'))} {one}"
    words = numbers.cardinal(value, lang)
    if lang == "es" and words.endswith("uno"):
        words = words[:-3] + ("ún" if words.endswith("veintiuno") else "un")
    return f"{words} {many}"


def _one_before_noun(lang: str, feminine: bool = False) -> str:
    return {"en": "one", "de": "ein", "fr": "une" if feminine else "un", "es": "una" if feminine else "un"}[lang]


def _rule_money(text: str, ctx: _Context) -> str:
    rules = ctx.rules

    def prefix(match: re.Match) -> str:
        symbol = match.group(1) or match.group(2)
        attributive = _attributive(match.string, match.end(), ctx.lang)
        return _say_money(match.group(3), match.group(4), symbol, ctx, attributive)

    def suffix(match: re.Match) -> str:
        attributive = _attributive(match.string, match.end(), ctx.lang)
        return _say_money(match.group(1), match.group(2), match.group(3), ctx, attributive)

    text = rules.money_prefix.sub(prefix, text)
    return rules.money_suffix.sub(suffix, text)


def _rule_percent(text: str, ctx: _Context) -> str:
    words = ctx.words

    def replace(match: re.Match) -> str:
        word = words["percent"] if match.group(2) == "%" else words["permille"]
        return f"{numbers.read(numbers.parse(match.group(1), ctx.lang), ctx.lang)} {word}"

    return ctx.rules.percent.sub(replace, text)


def _rule_units(text: str, ctx: _Context) -> str:
    """ "5 km" -> "five kilometers"; "20 °C" -> "twenty degrees Celsius"."""

    def replace(match: re.Match) -> str:
        number = numbers.parse(match.group(1), ctx.lang)
        one, many = UNITS[match.group(3)][ctx.lang]
        # "a 3.5mm headphone jack": a unit written onto its number before a noun is an adjective.
        attributive = (not match.group(2) and "°" not in match.group(3)
                       and _attributive(match.string, match.end(), ctx.lang, _UNIT_FOLLOWERS_EN))
        name = one if number.is_one or attributive else many
        count = _one_before_noun(ctx.lang) if number.is_one and ctx.lang != "en" else numbers.read(number, ctx.lang)
        if ctx.lang == "fr" and number.is_one and name in ("livre", "once", "mile"):
            count = "une"
        return f"{count} {name}"

    return ctx.rules.units.sub(replace, text)


def _rule_scaled(text: str, ctx: _Context) -> str:
    """ "1.2bn people" -> "one point two billion people"; "3,5 Mio." -> "drei Komma fünf Millionen"."""
    if not ctx.rules.scaled:
        return text

    def replace(match: re.Match) -> str:
        key = match.group(2) + ("." if ctx.lang == "de" else "")
        number = numbers.parse(match.group(1), ctx.lang)
        one, many = SCALE_WORDS[ctx.lang][SCALE_SUFFIXES[ctx.lang][key]]
        return f"{numbers.read(number, ctx.lang)} {one if number.is_one else many}"

    return ctx.rules.scaled.sub(replace, text)


def _rule_decades(text: str, ctx: _Context) -> str:
    """ "the 1990s" -> "the nineteen nineties"; "the '80s" -> "the eighties"; "90er" -> "neunziger"."""
    if not ctx.rules.decade:
        return text
    if ctx.lang == "de":
        return ctx.rules.decade.sub(lambda m: _german_decade(m.group(1)), text)

    def replace(match: re.Match) -> str:
        if match.group(1):
            return numbers.plural_decade(numbers.year(int(match.group(1) + match.group(2) + "0"), "en"))
        return numbers.plural_decade(numbers.cardinal(int(match.group(3) + "0"), "en"))

    return ctx.rules.decade.sub(replace, text)


def _german_decade(digits_text: str) -> str:
    value = int(digits_text)
    words = numbers.year(value, "de") if value >= 1000 else numbers.cardinal(value, "de")
    return words + "er"


_GERMAN_DATIVE = frozenset({"am", "vom", "zum", "im", "beim", "dem", "den", "zur", "seit", "ab", "bis", "ihrem",
                            "seinem", "ihren", "seinen", "jeden", "jedem", "Am", "Vom", "Zum", "Im", "Seit",
                            "Ab", "Bis", "Beim", "Dem", "Den"})
_GERMAN_NOMINATIVE = frozenset({"der", "die", "das", "Der", "Die", "Das", "ihre", "seine", "jede"})


def _german_ordinal(value: int, before: str, date: bool = False) -> str:
    """Inflected as a reader would: "am dritten", "der dritte", and "dritter Oktober" on its own."""
    base = numbers.ordinal(value, "de")
    if before in _GERMAN_DATIVE:
        return base + "n"
    if before in _GERMAN_NOMINATIVE or not date:
        return base
    return base + "r"


def _rule_ordinals(text: str, ctx: _Context) -> str:
    rules = ctx.rules
    if not rules.ordinal:
        return text
    if ctx.lang == "en":
        return rules.ordinal.sub(lambda m: numbers.ordinal(int(m.group(1)), "en"), text)
    if ctx.lang == "de":
        def german(match: re.Match) -> str:
            before = match.group(1) or ""
            prefix = match.group()[: match.start(2) - match.start()]
            return prefix + _german_ordinal(int(match.group(2)), before)
        return rules.ordinal.sub(german, text)
    if ctx.lang == "fr":
        return rules.ordinal.sub(_french_ordinal, text)
    return rules.ordinal.sub(
        lambda m: numbers.ordinal(int(m.group(1)), "es", feminine=m.group(2) == "ª"), text)


def _french_ordinal(match: re.Match) -> str:
    written, suffix = match.group(1), match.group(2)
    value = int(written) if written.isdigit() else _roman_value(written)
    if not value:
        return match.group()
    if value == 1:
        return "première" if suffix in ("re", "ère", "nde") else "premier"
    if value == 2 and suffix in ("nd", "nde"):
        return "seconde" if suffix == "nde" else "second"
    return numbers.ordinal(value, "fr")


def _rule_ranges(text: str, ctx: _Context) -> str:
    """ "2016-2018" -> "2016 to 2018" (the numbers are read by the later rules)."""
    to = ctx.words["to"]

    def replace(match: re.Match) -> str:
        first, second = match.group(1), match.group(2)
        if "-" in match.group() and len(first) == 4 and len(second) == 2 and ctx.lang != "en":
            return match.group()
        return f"{first} {to} {second}"

    return ctx.rules.range_.sub(replace, text)


def _rule_fractions(text: str, ctx: _Context) -> str:
    """ "3/4" -> "three quarters", "1½" -> "one and a half", "24/7" -> "twenty-four seven"."""

    def unicode_fraction(match: re.Match) -> str:
        spoken = FRACTIONS[match.group(2)][ctx.lang] if ctx.lang in LANGUAGES else match.group(2)
        if not match.group(1):
            return spoken
        whole = numbers.cardinal(int(match.group(1)), ctx.lang) if ctx.lang in LANGUAGES else match.group(1)
        if ctx.lang == "en" and match.group(2) == "½":
            return f"{whole} and a half"
        return f"{whole} {ctx.words['and']} {spoken}"

    text = _UNICODE_FRACTION.sub(unicode_fraction, text)
    if ctx.lang != "en" or "/" not in text:
        return text

    def fraction(match: re.Match) -> str:
        top, bottom = int(match.group(1)), int(match.group(2))
        if not 1 <= top < bottom <= 10:
            return f"{numbers.cardinal(top, 'en')} {numbers.cardinal(bottom, 'en')}"
        one, many = DENOMINATORS_EN[bottom]
        return f"{numbers.cardinal(top, 'en')} {one if top == 1 else many}"

    return _FRACTION.sub(fraction, text)


def _rule_signs(text: str, ctx: _Context) -> str:
    """A sign directly before a number is said ("-5" -> "minus 5", "~5" -> "about 5")."""
    if "~" in text:
        text = _TILDE_ABOUT.sub(ctx.words["about"] + " ", text)
    return _NEGATIVE.sub(lambda m: ctx.words["plus" if m.group(1) == "+" else "minus"] + " ", text)


def _rule_years(text: str, ctx: _Context) -> str:
    """A four-digit number that stands for a year is said as one ("in 1999" -> "in nineteen ninety-nine")."""
    if not ctx.rules.year:
        return text
    cues = YEAR_CUES[ctx.lang]
    months = MONTHS[ctx.lang]

    def replace(match: re.Match) -> str:
        value = int(match.group(1))
        before = _word_before(match.string, match.start()).strip("(,")
        after = re.match(r"\s*([^\s,.;:!?)]*)", match.string[match.end():]).group(1)
        is_year = (before in cues or before.lower() in cues or before in months or before.endswith("'s")
                   or not after or not after[:1].islower() or (ctx.lang == "en" and after in YEAR_FOLLOWERS_EN))
        if ctx.lang == "de":
            # German writes counts over 999 with a dot ("1.500"); a bare 1100-1999 is a year unless a
            # noun follows ("1500 Menschen").
            is_year = before in cues or before in months or not after or not after[:1].isupper()
        return numbers.year(value, ctx.lang) if is_year else numbers.cardinal(value, ctx.lang)

    return ctx.rules.year.sub(replace, text)


def _rule_numbers(text: str, ctx: _Context) -> str:
    """Every other number, in the language's own way of writing them ("1,000" vs "1.000")."""

    def replace(match: re.Match) -> str:
        number = numbers.parse(match.group(1), ctx.lang)
        spoken = numbers.read(number, ctx.lang)
        if number.is_one and not number.fraction and ctx.lang in ("de", "es"):
            following = match.string[match.end():match.end() + 2].strip()
            if following[:1].isalpha() and (ctx.lang == "es" or following[:1].isupper()):
                spoken = "ein" if ctx.lang == "de" else "un"
        elif ctx.lang == "es" and spoken.endswith("uno") and re.match(r"\s+[^\W\d]", match.string[match.end():]):
            spoken = spoken[:-3] + ("ún" if spoken.endswith("veintiuno") else "un")
        return spoken

    return ctx.rules.number_re.sub(replace, text)


def _rule_abbreviations(text: str, ctx: _Context) -> str:
    """ "Dr. Smith" -> "Doctor Smith", "Main St." -> "Main Street", "z. B." -> "zum Beispiel"."""
    rules = ctx.rules
    if rules.contextual and "." in text:
        text = rules.contextual.sub(lambda m: _contextual(m, ctx), text)
    if rules.expansions and "." in text:
        table = EXPANSIONS[ctx.lang]
        text = rules.expansions.sub(lambda m: _keep_final_dot(m, _expansion(m.group(), table)), text)
    if rules.undotted:
        table = UNDOTTED_EXPANSIONS[ctx.lang]
        text = rules.undotted.sub(lambda m: table[m.group(1)], text)
    return text


def _expansion(written: str, table) -> str:
    key = written[:-1]
    if key in table:
        return table[key]
    return table.get(re.sub(r"\.\s?", ". ", key), table.get(re.sub(r"\.\s", ".", key), written))


def _contextual(match: re.Match, ctx: _Context) -> str:
    before_name, after_name = CONTEXTUAL[ctx.lang][match.group(1)]
    following = ctx.restore(match.string[match.end():].lstrip()[:1])  # a protected name counts as itself
    preceding = _word_before(match.string, match.start())
    if following[:1].isupper() and not _at_end(match.string, match.end()):
        return before_name
    if preceding[:1].isupper() or preceding[:1].isdigit() or preceding[-2:] in ("th", "st", "nd", "rd"):
        return _keep_final_dot(match, after_name)
    return _keep_final_dot(match, before_name)


_ANY_ROMAN = re.compile(r"(?:^|\s)[IVXLC]+(?:\b|e\b|er\b|re\b|ère\b|ème\b)")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman_value(numeral: str) -> int:
    total, previous = 0, 0
    for char in reversed(numeral):
        value = _ROMAN_VALUES.get(char, 0)
        if not value:
            return 0
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def _rule_roman(text: str, ctx: _Context) -> str:
    """ "Henry VIII" -> "Henry the Eighth", "World War II" -> "World War two"; a lone "I" stays a pronoun."""
    if ctx.lang not in LANGUAGES:
        return text
    cardinal_context = ROMAN_CARDINAL_CONTEXT[ctx.lang]

    def replace(match: re.Match) -> str:
        name, space, numeral, dot = match.group(1), match.group(2), match.group(3), match.group(4) or ""
        value = _roman_value(numeral)
        # German writes regnal numbers with a dot ("Heinrich VIII."): it is part of the number there.
        dot = "" if ctx.lang == "de" else dot
        if name in cardinal_context:
            return f"{name}{space}{numbers.cardinal(value, ctx.lang)}{dot}"
        titled = _word_before(match.string, match.start()) in REGNAL_TITLES.get(ctx.lang, ())
        regnal = titled or (name in REGNAL_NAMES and _regnal_numeral_fits(numeral, match))
        if regnal:
            return f"{name}{space}{_regnal(value, ctx.lang)}{dot}"
        if len(numeral) == 1 or (name.isupper() and len(name) > 1):
            return match.group()  # a lone "I" is a pronoun; "WWE II" is inside an acronym run
        return f"{name}{space}{numbers.cardinal(value, ctx.lang)}{dot}"  # "Grand Theft Auto IV"

    if not _ANY_ROMAN.search(text):
        return text
    if ctx.lang == "fr":
        text = _FRENCH_ROMAN_ORDINAL.sub(_french_ordinal, text)
    return ctx.rules.roman.sub(replace, text)


def _regnal_numeral_fits(numeral: str, match: re.Match) -> bool:
    """ "Malcolm X" is a name; "Peter I" only when no word follows ("Peter I.", "Peter I of Russia"),
    since "when Peter I saw it" is a pronoun."""
    if numeral == "X":
        return False
    if numeral != "I":
        return True
    rest = match.string[match.end():].lstrip()
    return not rest or not rest[0].isalpha() or rest.startswith(("of ", "von ", "de ", "d'"))


def _regnal(value: int, lang: str) -> str:
    if lang == "fr":
        return "premier" if value == 1 else numbers.cardinal(value, "fr")
    if lang == "es":
        return numbers.ordinal(value, "es") if value <= 10 else numbers.cardinal(value, "es")
    ordinal = numbers.ordinal(value, lang)
    return f"{REGNAL_ARTICLE[lang]} {ordinal[:1].upper()}{ordinal[1:]}"


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
        if len(word) == 3 and word in SHORT_WORDS.get(ctx.lang, ()):
            return word.lower()
        return _spelled(word)
    return word.capitalize() if _pronounceable(word) else _spelled(word)


def _is_shouting(text: str, lang: str) -> bool:
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
    small = SHORT_WORDS.get(lang, SHORT_WORDS["en"])
    return sum(1 for w in caps if w in small) * 5 >= len(caps)


def _rule_acronyms(text: str, ctx: _Context) -> str:
    """ "FBI" -> "F.B.I", "U.S." -> "U.S", "NASA" -> "Nasa", "REALLY" -> "Really"."""
    table = ACRONYM_READINGS_BY_LANG.get(ctx.lang, {})

    def listed(match: re.Match) -> str:
        key = match.group(1)
        if ctx.shouting and key in SHORT_WORDS.get(ctx.lang, ()):
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

    has_caps = _TWO_CAPITALS.search(text)
    if ctx.lang in LANGUAGES and has_caps:
        text = ctx.rules.acronyms.sub(listed, text)
    if "." in text:
        text = _DOTTED_ACRONYM.sub(dotted, text)
    if ctx.lang in LANGUAGES and has_caps:
        text = _CAPS_WORD.sub(caps, text)
    return text


def _rule_symbols(text: str, ctx: _Context) -> str:
    """Symbols a reader says ("&" -> "and", "@name" -> "at name", "C#" -> "C sharp"); others go."""
    lang = ctx.lang if ctx.lang in LANGUAGES else ""
    if lang:
        words = ctx.words
        if "@" in text:
            text = _HANDLE.sub(lambda m: f"{words['at']} {m.group(1)}", text)
        if "#" in text:
            text = _HASHTAG.sub(lambda m: f"{words['hashtag']} {m.group(1)}", text)
            text = _SHARP.sub(" sharp", text)
        if "+" in text:
            text = _PLUSPLUS.sub(" plus plus", text)
            text = _TRAILING_PLUS.sub(" plus", text)
        if "&" in text:
            text = _AMPERSAND.sub(f" {SYMBOL_WORDS['&'][lang]} ", text)
        if _ANY_SYMBOL.search(text):
            text = _SPACED_SYMBOL.sub(lambda m: f" {SYMBOL_WORDS[m.group(1) or m.group(2)][lang]} ", text)
        if "/" in text:
            text = _SLASH.sub(lambda m: _slash(m, lang), text)
    if _ANY_DASH.search(text):
        text = _DASH_PAUSE.sub(", ", text)
        text = _DASH_BETWEEN_WORDS.sub(" ", text)
    if _LEFTOVER.search(text):
        text = _LEFTOVER.sub(" ", text)
    return _BRACKETS.sub("", text) if "[" in text or "]" in text else text


_OR_WORD = MappingProxyType({"en": " or ", "de": " oder ", "fr": " ou ", "es": " o "})
# "$300/night", "5 dollars/month": a slash before a unit of time or count is "per".
_PER_WORDS = frozenset("night day week month year hour minute second person head share unit mo yr hr wk".split())
_AND_OR = frozenset({"and", "or", "und", "oder", "et", "ou", "y", "o"})


def _slash(match: re.Match, lang: str) -> str:
    """ "his/her" -> "his or her"; "and/or" -> "and or"."""
    text = match.string
    left = re.search(r"\w+$", text[: match.start()]).group()
    right = re.match(r"\w+", text[match.end():]).group()
    if right.lower() in _PER_WORDS and left.islower():
        return " per " if lang == "en" else " "
    if {left.lower(), right.lower()} & _AND_OR or not (left.islower() and right.islower()):
        return " "  # "and/or"; names and credits ("Reuters/Getty Images") are read as a list
    return _OR_WORD[lang]


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
_NUMBER_RULES: tuple[Callable[[str, _Context], str], ...] = (
    _rule_before_number, _rule_phone, _rule_dates, _rule_times, _rule_ranges, _rule_signs, _rule_money,
    _rule_scaled, _rule_percent, _rule_units, _rule_decades, _rule_ordinals, _rule_fractions, _rule_years,
    _rule_numbers,
)
_WORD_RULES: tuple[Callable[[str, _Context], str], ...] = (_rule_abbreviations, _rule_roman)
_HAS_DIGIT = re.compile(r"[\d½⅓⅔¼¾⅕⅛]")


def speech_text(text: str, lang: str, lexicon: Lexicon | None = None) -> str:
    """What a good reader says for ``text`` (one sentence) in language ``lang`` (a BCP 47 tag)."""
    tag = (lang or "en").lower().replace("_", "-")
    base = tag.split("-")[0]
    rules = RULES.get(base)
    ctx = _Context(lang=base, tag=tag, rules=rules, shouting=_is_shouting(text, base))
    text = unicodedata.normalize("NFC", text)
    if _PROTECTED.search(text):
        text = _PROTECTED.sub("", text)  # icon-font glyphs: nothing to say, and the placeholders' range
    if lexicon is not None:
        text = lexicon.replace(text, tag, wrap=ctx.protect)
    text = _rule_links(text, ctx)
    text = _rule_footnotes(text, ctx)
    text = _rule_emoji(text, ctx)
    text = _rule_typography(text, ctx)
    if rules is not None:
        if _HAS_DIGIT.search(text):
            for rule in _NUMBER_RULES:
                text = rule(text, ctx)
        for rule in _WORD_RULES:
            text = rule(text, ctx)
    text = _rule_acronyms(text, ctx)
    text = _rule_symbols(text, ctx)
    return _tidy(ctx.restore(text))
