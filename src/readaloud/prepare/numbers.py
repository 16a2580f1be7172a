"""Numbers in words, per language: cardinals, decimals, ordinals, years, digit strings.

num2words does the word forms; this module knows how numbers are *written* in each language
("1,000.5" in English, "1.000,5" in German and Spanish, "1 000,5" in French) and how a reader says
years ("nineteen ninety-nine", "twenty eighteen") and decimals ("three point one four").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from num2words import num2words

from .symbols import WORDS

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
        return rf"(?:\d{{1,3}}(?:{groups}\d{{3}})+(?!\d)|\d+)(?:{dec}\d+)?"


# en: "1,234.5"; de/es: "1.234,5"; fr: "1 234,5" (CLDR number symbols of each locale).
STYLES: MappingProxyType[str, NumberStyle] = MappingProxyType({
    "en": NumberStyle(group=",", decimal="."),
    "de": NumberStyle(group=".", decimal=","),
    "fr": NumberStyle(group=" ", decimal=","),
    "es": NumberStyle(group=".", decimal=","),
})

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


def parse(text: str, lang: str) -> WrittenNumber:
    """Split a number matched by ``STYLES[lang].pattern`` into integer and fraction digits."""
    style = STYLES[lang]
    integer, _, fraction = text.partition(style.decimal)
    return WrittenNumber(integer=_NON_DIGITS.sub("", integer) or "0", fraction=fraction)


def cardinal(value: int, lang: str) -> str:
    """ "1234" -> "one thousand, two hundred and thirty-four" (num2words' wording, without commas)."""
    if len(str(abs(value))) > MAX_CARDINAL_DIGITS:
        return digits(str(abs(value)), lang)
    return num2words(value, lang=lang).replace(",", "")


def digits(text: str, lang: str) -> str:
    """ "0042" -> "zero zero four two": for phone numbers, codes and decimal places."""
    return " ".join(num2words(int(ch), lang=lang) for ch in text if ch.isdigit())


def decimal(number: WrittenNumber, lang: str) -> str:
    """ "3.14" -> "three point one four" (en, de) or "trois virgule quatorze" (fr, es)."""
    whole = cardinal(int(number.integer), lang)
    if not number.fraction:
        return whole
    words = WORDS[lang]
    fraction = number.fraction
    if words["fraction_as_number"]:
        zeros = len(fraction) - len(fraction.lstrip("0"))
        rest = fraction.lstrip("0")
        parts = [num2words(0, lang=lang)] * zeros + ([cardinal(int(rest), lang)] if rest else [])
        fraction_words = " ".join(parts)
    else:
        fraction_words = digits(fraction, lang)
    return f"{whole} {words['point']} {fraction_words}"


def read(number: WrittenNumber, lang: str) -> str:
    """Whatever the number is, in words."""
    return decimal(number, lang)


def ordinal(value: int, lang: str, feminine: bool = False) -> str:
    """ "21" -> "twenty-first"; French and Spanish feminine forms ("première", "primera")."""
    words = num2words(value, lang=lang, to="ordinal")
    if feminine and lang == "fr" and value == 1:
        return "première"
    if feminine and lang == "es":
        return " ".join(w[:-1] + "a" if w.endswith("o") else w for w in words.split())
    return words


def year(value: int, lang: str) -> str:
    """ "1999" -> "nineteen ninety-nine", "2018" -> "twenty eighteen", "2005" -> "two thousand five".

    English reads 2001-2009 as "two thousand five" (not num2words' British "and") and 2010 onwards
    in pairs ("twenty eighteen"), as news readers do.
    """
    if lang != "en":
        return num2words(value, lang=lang, to="year") if lang == "de" else cardinal(value, lang)
    if 2000 <= value <= 2009:
        return cardinal(value, lang).replace(" and ", " ")
    return num2words(value, lang="en", to="year").replace("oh-", "oh ")


def plural_decade(words: str) -> str:
    """ "nineteen ninety" -> "nineteen nineties"; "nineteen hundred" -> "nineteen hundreds"."""
    head, _, last = words.rpartition(" ")
    last = last[:-1] + "ies" if last.endswith("y") else last + "s"
    return f"{head} {last}".strip()
