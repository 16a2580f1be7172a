"""Numbers in words: cardinals, decimals, ordinals, digit strings, Roman numerals.

num2words does the word forms; this module parses numbers written in a :class:`NumberStyle` ("1,000.5" in
English, "1.000,5" in German and Spanish, "1 000,5" in French). What differs by language beyond that
(years, ordinals with gender or case) lives in the language modules under ``languages/``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache


def num2words(value: object, lang: str, to: str = "cardinal", **options: object) -> str:
    """num2words, imported on first use: it builds converters for all its ~50 languages on import
    (15 ms), which a page without a number never needs."""
    from num2words import num2words as words

    return str(words(value, lang=lang, to=to, **options))


# Thin, narrow no-break and no-break spaces group thousands in every language (SI style).
_SPACE_GROUPS = "\u00a0\u202f\u2009"


@dataclass(frozen=True)
class NumberStyle:
    """How one language writes numbers: which characters group thousands and which one marks decimals."""

    group: str
    decimal: str

    @property
    def pattern(self) -> str:
        """A regex (no groups) for one written number in this style, without sign.

        A plain space also groups thousands in every language ("1 000 000", SI style), but only in
        groups of exactly three digits after a first group of at most three.
        """
        groups = f"[{re.escape(self.group)} {_SPACE_GROUPS}]"
        dec = re.escape(self.decimal)
        # Where the decimal mark is a comma, two commas or more between groups of three ("1,000,123", English
        # style in a German or Spanish text) can only group thousands: a number has one decimal mark.
        english_groups = r"\d{1,3}(?:,\d{3}){2,}(?![\d,])|" if self.decimal == "," else ""
        return rf"(?:{english_groups}\d{{1,3}}(?:{groups}\d{{3}})+(?!\d)|\d+)(?:{dec}\d+)?"


# Longer digit strings are read digit by digit: nobody says a 16-digit number as a cardinal.
MAX_CARDINAL_DIGITS = 15

_NON_DIGITS = re.compile(r"\D")


@dataclass(frozen=True)
class WrittenNumber:
    """A parsed number: its integer digits and the digits after the decimal mark ("" if none)."""

    integer: str
    fraction: str = ""

    @property
    def value(self) -> float:
        return float(f"{self.integer}.{self.fraction or 0}")

    @property
    def is_one(self) -> bool:
        return self.integer.lstrip("0") == "1" and not self.fraction.strip("0")


def parse(text: str, style: NumberStyle) -> WrittenNumber:
    """Split a number matched by ``style.pattern`` into integer and fraction digits."""
    if text.count(style.decimal) > 1:  # "1,000,123" where the decimal mark is a comma: thousands
        return WrittenNumber(integer=_NON_DIGITS.sub("", text) or "0")
    integer, _, fraction = text.partition(style.decimal)
    return WrittenNumber(integer=_NON_DIGITS.sub("", integer) or "0", fraction=fraction)


@lru_cache(maxsize=4096)  # pure; the same small numbers recur on every page
def cardinal(value: int, lang: str) -> str:
    """ "1234" -> "one thousand, two hundred and thirty-four" (num2words' wording, without commas)."""
    if len(str(abs(value))) > MAX_CARDINAL_DIGITS:
        return digits(str(abs(value)), lang)
    return num2words(value, lang=lang).replace(",", "")


def digits(text: str, lang: str) -> str:
    """ "0042" -> "zero zero four two": for phone numbers, codes and decimal places."""
    names = _digit_names(lang)
    return " ".join(names[int(ch)] for ch in text if ch.isdigit())


@lru_cache(maxsize=64)
def _digit_names(lang: str) -> tuple[str, ...]:
    return tuple(num2words(digit, lang=lang) for digit in range(10))


def cardinal_text(text: str, lang: str) -> str:
    """A digit string as a cardinal, without building an int too long for Python's str/int limit."""
    text = text.lstrip("0") or "0"
    if len(text) > MAX_CARDINAL_DIGITS:
        return digits(text, lang)
    return cardinal(int(text), lang)


def decimal(
    number: WrittenNumber,
    lang: str,
    point: str,
    fraction_as_number: bool,
    pairs_from: int = 0,
    say_cardinal: Callable[[int], str] | None = None,
) -> str:
    """ "3.14" -> "three point one four" (en, de) or "trois virgule quatorze" (fr, es).

    ``pairs_from``: a fraction of that many digits or more is read two digits at a time ("3,1415" ->
    "tres coma catorce quince"), as Spanish readers say long decimals; 0 never. ``say_cardinal``: the
    language's own cardinal words where num2words' need mending ("trentatré", Dutch "een").
    """
    def say(text: str) -> str:
        text = text.lstrip("0") or "0"
        if say_cardinal is None or len(text) > MAX_CARDINAL_DIGITS:
            return cardinal_text(text, lang)
        return say_cardinal(int(text))

    whole = say(number.integer)
    if not number.fraction:
        return whole
    fraction = number.fraction
    if pairs_from and len(fraction) >= pairs_from:
        fraction_words = " ".join(_pair(fraction[i:i + 2], lang) for i in range(0, len(fraction), 2))
    elif fraction_as_number:
        zeros = len(fraction) - len(fraction.lstrip("0"))
        rest = fraction.lstrip("0")
        parts = [_digit_names(lang)[0]] * zeros + ([say(rest)] if rest else [])
        fraction_words = " ".join(parts)
    else:
        fraction_words = digits(fraction, lang)
    return f"{whole} {point} {fraction_words}"


def _pair(pair: str, lang: str) -> str:
    """One group of a long decimal: "14" -> "catorce", "05" -> "cero cinco", "0" -> "cero"."""
    return digits(pair, lang) if pair.startswith("0") else cardinal(int(pair), lang)


@lru_cache(maxsize=1024)
def ordinal(value: int, lang: str) -> str:
    """ "21" -> "twenty-first" (num2words' masculine form; language modules inflect it)."""
    return num2words(value, lang=lang, to="ordinal")


@lru_cache(maxsize=1024)
def year_words(value: int, lang: str) -> str:
    """num2words' own year reading ("nineteen ninety-nine", "neunzehnhundertneunundneunzig")."""
    return num2words(value, lang=lang, to="year")


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(numeral: str) -> int:
    """ "XIV" -> 14; 0 when it is not a Roman numeral."""
    total, previous = 0, 0
    for char in reversed(numeral):
        value = _ROMAN_VALUES.get(char, 0)
        if not value:
            return 0
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def plural_decade(words: str) -> str:
    """ "nineteen ninety" -> "nineteen nineties"; "nineteen hundred" -> "nineteen hundreds"."""
    head, _, last = words.rpartition(" ")
    last = last[:-1] + "ies" if last.endswith("y") else last + "s"
    return f"{head} {last}".strip()
