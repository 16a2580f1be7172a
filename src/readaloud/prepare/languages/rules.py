"""What one language supplies to the speech engine: :class:`LanguageRules` and its small value types.

Kept apart from the registry in ``__init__`` so that a language module can import these while the
registry is still loading the modules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .. import numbers
from ..numbers import NumberStyle, WrittenNumber


def alternation(keys) -> str:
    """Longest keys first, so "km/h" wins over "km" and "Mrs" over "Mr"; ties in a fixed order, so the
    pattern is the same in every run (a set's order is not) and its compiled program can be kept."""
    return "|".join(re.escape(k) for k in sorted(keys, key=lambda k: (-len(k), k)))

# A money amount's names: (one, many, minor one, minor many); ``None`` minor names mean amounts with
# decimals are read as decimals ("zwanzig Komma fünf Euro").
CurrencyNames = tuple[str, str, "str | None", "str | None"]


def frozen(table: Mapping) -> MappingProxyType:
    """A read-only copy (nested dicts too), so no rule can change a language's data at run time."""
    return MappingProxyType({key: frozen(value) if isinstance(value, Mapping) else value
                             for key, value in table.items()})


def with_lower_case(units: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """``units`` plus each symbol's lower-case spelling ("kwh", "ghz", "mv"), as informal text writes them.

    Only where the lower-case form is not a unit already and every symbol sharing it means the same
    ("kb" for "KB"/"kB"); "MV"/"mV" would share "mv" with two meanings, so neither would get it.
    """
    by_lower: dict[str, set[tuple[str, str]]] = {}
    for symbol, names in units.items():
        if symbol.lower() != symbol and symbol.lower() not in units:
            by_lower.setdefault(symbol.lower(), set()).add(names)
    return {**units, **{lower: next(iter(names)) for lower, names in by_lower.items() if len(names) == 1}}


# Unit symbols that shop listings, spec sheets and signs print in capitals ("12KG", "5 KM", "500 ML",
# "16 OZ"): only those whose capital form is no common abbreviation after a number (so not "MS", "MIN",
# "HP", "BAR" or "PTS", which an all-caps heading or a brand may mean otherwise).
CAPITAL_UNIT_FORMS = ("KM", "CM", "MM", "KG", "MG", "ML", "LB", "LBS", "OZ", "MPH", "KPH", "YD")


def with_capitals(units: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """``units`` plus the capital spellings of :data:`CAPITAL_UNIT_FORMS` a language has in lower case."""
    return {**units, **{capital: units[capital.lower()] for capital in CAPITAL_UNIT_FORMS
                        if capital.lower() in units and capital not in units}}


@dataclass(frozen=True)
class LanguageRules:
    """Everything the engine needs to read one language; see the package docstring for each field."""

    code: str
    number_style: NumberStyle
    words: Mapping[str, str]
    months: Mapping[str, int]
    # --- numbers
    say_year: Callable[[int], str]
    fraction_as_number: bool = False
    fraction_pairs_from: int = 0  # a decimal fraction this long or longer is read in pairs of digits
    one_before_noun: tuple[str, str] = ("one", "one")
    feminine_nouns: frozenset[str] = frozenset()
    half_before_noun: tuple[str, str] | None = None  # "1/2 mm" as "half a millimetre" (masculine, feminine)
    # a fraction before its noun or unit: (top, bottom, fraction as read, the noun in the singular, the
    # word before) -> the words for the fraction ("half a" cup, "media" taza, "ein halber" Liter) or None
    fraction_before_noun: Callable[[int, int, str, str, str], str | None] | None = None
    # a whole number and a half before a noun said the language's way: (whole, noun) -> the phrase with
    # the noun ("1 1/2 tazas" -> "una taza y media"), or None
    whole_and_half: Callable[[int, str], str | None] | None = None
    # words after which a spaced unit before a noun is an adjective ("a 5 km run", "the 2,000 sq ft house")
    unit_determiners: frozenset[str] = frozenset()
    # nouns after an amount and a name that make the amount an adjective ("the $69bn Activision deal")
    deal_nouns: frozenset[str] = frozenset()
    number_before_word: Callable[[str, WrittenNumber, str], str] | None = None
    cardinal_before_noun: Callable[[str], str] | None = None
    currencies: Mapping[str, CurrencyNames] = field(default_factory=dict)
    # lower-case spellings of ISO currency codes that are words of the language ("ves"), never a currency
    code_words: frozenset[str] = frozenset()
    names_minor_unit: bool = False
    scale_suffixes: Mapping[str, int] = field(default_factory=dict)
    scale_words: Mapping[int, tuple[str, str]] = field(default_factory=dict)
    scale_currency_link: str = ""
    elided_link: str | None = None
    scaled_pattern: str | None = None
    units: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    attached_units: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    feminine_cardinal: Callable[[str], str] | None = None
    vulgar_fractions: Mapping[str, str] = field(default_factory=dict)
    and_a_half: str | None = None
    denominators: Mapping[int, tuple[str, str]] | None = None
    say_fraction: Callable[[int, int, int | None, bool], str | None] | None = None
    rating_cues: frozenset[str] = frozenset()
    rating_nouns: frozenset[str] = frozenset()  # "4/5 stars", "4/5 estrellas": a rating, "out of"
    rating_scales: frozenset[int] = frozenset()  # denominators that are always a mark ("15/20" in French)
    amount_followers: frozenset[str] | None = None
    unit_followers: frozenset[str] = frozenset()
    reads_short_year_ranges: bool = False
    # --- years and decades
    year_cues: frozenset[str] | None = None
    year_followers: frozenset[str] = frozenset()
    count_noun_case: str = "lower"
    decade_pattern: str | None = None
    say_decade: Callable[[re.Match], str] | None = None
    # --- dates and times
    weekdays: frozenset[str] = frozenset()
    day_first: bool = True
    day_first_tags: frozenset[str] = frozenset()
    # a date's two-digit year said as written ("01/07/98" -> "... ninety-eight"), with say_code_number
    short_year_as_written: bool = False
    month_day_dates: bool = False
    ambiguous_months: frozenset[str] = frozenset()
    say_day_month: Callable[..., str | None] | None = None
    say_date: Callable[..., str] | None = None
    say_day: Callable[[int], str] | None = None
    say_feet_inches: Callable[[int, int], str] | None = None
    time_pattern: str | None = None
    say_time: Callable[[int, str], str] | None = None
    say_time_seconds: Callable[[int, str, str], str] | None = None
    ampm_pattern: str | None = None
    say_time_ampm: Callable[[int, str, str], str | None] | None = None
    # --- ordinals and Roman numerals
    ordinal_pattern: str | None = None
    say_ordinal: Callable[[re.Match], str] | None = None
    roman_ordinal_pattern: str | None = None
    roman_cardinal_context: frozenset[str] = frozenset()
    # words after which a numeral in lower case is read too ("siglo xix", as small capitals are written)
    lower_roman_cues: frozenset[str] = frozenset()
    regnal_titles: frozenset[str] = frozenset()
    regnal_dot_in_number: bool = False
    say_regnal: Callable[[int], str] | None = None
    lone_i_is_pronoun: bool = False  # English "when Peter I saw it": "I" after a name is a regnal one only at the end
    feminine_regnal: Callable[[str], str] | None = None  # "segundo" -> "segunda" after a queen's name
    # --- abbreviations, acronyms, symbols
    never_final: frozenset[str] = frozenset()
    may_end: frozenset[str] = frozenset()
    sentence_starters: frozenset[str] = frozenset()
    ordinal_context_words: frozenset[str] = frozenset()
    expansions: Mapping[str, str] = field(default_factory=dict)
    undotted_expansions: Mapping[str, str] = field(default_factory=dict)
    contextual: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    before_number: Mapping[str, str] = field(default_factory=dict)
    acronym_readings: Mapping[str, str] = field(default_factory=dict)
    short_words: frozenset[str] = frozenset()
    symbol_words: Mapping[str, str] = field(default_factory=dict)
    slash_per: str = ""
    street_suffixes: Mapping[str, str] = field(default_factory=dict)
    # a unit after the street ("Ste 100" -> "Suite one hundred"), said in full
    address_units: Mapping[str, str] = field(default_factory=dict)
    compass_points: Mapping[str, str] = field(default_factory=dict)
    # region codes said in full before a five-digit postal code ("CA 95051" -> "California nine five ...")
    postal_regions: Mapping[str, str] = field(default_factory=dict)
    # those also said in full without a postal code, after a town and before punctuation ("Austin, TX.")
    regions_after_town: frozenset[str] = frozenset()
    # eight-digit local numbers written in two groups of four ("4567-8901": Argentina, Uruguay, Central America)
    four_four_phones: bool = False
    # the country's own phone numbers ("91 123 45 67"); a match of digit groups of three only ("900 123 456",
    # which could be a number grouped in thousands) is a phone number only after one of ``phone_cues``
    local_phone_pattern: str | None = None
    phone_cues: frozenset[str] = frozenset()
    country_code_as_number: bool = False  # a two-digit calling code as a number ("+49" -> "neunundvierzig")
    per_words: Mapping[str, str] = field(default_factory=dict)
    # short names of weekdays and months said in full in a range or before a date only ("Mo-Fr",
    # "Fr., 7. Juni": "Fr." alone is "Frau")
    range_abbreviations: Mapping[str, str] = field(default_factory=dict)
    # the dotted end of a compound and its full form ("Hauptstr." -> "Hauptstraße")
    suffix_expansions: Mapping[str, str] = field(default_factory=dict)
    # a quarter or half of a year written before the year ("Q3 2023", "H1 2024"): the year is a year
    # even before a noun ("H1 2024 sales"); a regex alternation of the period's written forms
    period_before_year: str = ""
    # words after which a day and month with a slash and no year are a date ("on 14/2"), not a fraction
    short_date_cues: frozenset[str] = frozenset()
    # words written with a slash and said in full ("y/y" -> "year on year"), keys in lower case
    slash_words: Mapping[str, str] = field(default_factory=dict)
    short_date_followers: frozenset[str] = frozenset()  # lower-case words that may follow such a date
    # hours, minutes and seconds written "1h 45m", "1m 30s" (two parts or more) are a duration
    letter_durations: bool = False
    emoji_names: bool = False
    final_pass: Callable[[str], str] | None = None
    say_code_number: Callable[[str], str] | None = None
    code_number_cues: frozenset[str] = frozenset()
    spoken_numbers: Mapping[str, tuple[str, bool]] = field(default_factory=dict)
    # --- a language's own number words and phrases, where num2words' or the engine's do not fit
    say_cardinal: Callable[[int], str] | None = None
    say_number: Callable[[WrittenNumber], str] | None = None
    read_phrases: Callable[[str], str] | None = None

    # Thin helpers so the engine and the phrasing functions need not pass the language around.

    def parse(self, text: str) -> WrittenNumber:
        return numbers.parse(text, self.number_style)

    def cardinal(self, value: int) -> str:
        if self.say_cardinal:
            return self.say_cardinal(value)
        return numbers.cardinal(value, self.code)

    def read(self, number: WrittenNumber) -> str:
        """A written number in words: "3,14" -> "drei Komma eins vier"."""
        if self.say_number:
            return self.say_number(number)
        return numbers.decimal(number, self.code, self.words["point"], self.fraction_as_number,
                               self.fraction_pairs_from, say_cardinal=self.say_cardinal)

    def month_name(self, month: int) -> str:
        """The first (full) name listed for a month number."""
        return next(name for name, number in self.months.items() if number == month)
