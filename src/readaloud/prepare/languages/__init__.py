"""One module per language: the data and small phrasing functions the speech engine applies.

:data:`LANGUAGE_RULES` maps a base language code ("en") to that module's :class:`LanguageRules`. The engine
(``prepare/normalize.py``) and the sentence splitter (``prepare/sentences.py``) hold no per-language
branches: where a rule exists only in some languages, the field is ``None`` (or empty) elsewhere and the
rule is skipped. A language without a module gets the language-neutral rules only (links, e-mail,
footnotes, emoji, quotes, dashes); its digits are left to the voice.

How to add a language
---------------------
1. Create ``languages/<code>.py`` (``<code>`` as num2words and espeak-ng know it: "it", "ru", "pt", "nl").
   It must define ``RULES = LanguageRules(code="<code>", ...)``; the registry finds every module by its
   file name and imports it on first use, so no other file changes. Copy ``es.py`` (a small one) and translate its tables; give each table a comment
   naming its source (CLDR, the national academy or style guide, NVDA's ``locale/<code>/symbols.dic``).
2. Required fields:
   - ``code``: the num2words language code.
   - ``number_style``: ``NumberStyle(group=..., decimal=...)`` from CLDR's number symbols
     ("." and "," for it/pt/nl, " " and "," for ru). A plain or thin space always groups thousands too.
   - ``words``: a dict with the keys ``point minus to percent permille and plus equals number hashtag at
     degrees degree times about plus_minus section link email per o_clock the of or cents_and``, and
     for the newer rules ``out_of`` ("4.3/5"), ``by`` ("180mm x 60mm"), ``dot`` (e-mail, domains,
     addresses), ``ratio`` ("3:1" -> "three to one"), optionally ``fraction_of`` (es/fr "de" between a
     fraction and its unit) and ``version_point`` (en "point" in "1.10.11"; default ``dot``).
     (``link`` is said before a URL's host; ``cents_and`` joins "five dollars and fifty cents", "" for
     none.) A rule whose word is missing is skipped.
   - ``months``: written month name -> 1..12 (the full name first: :meth:`LanguageRules.month_name`
     returns the first listed name; add abbreviations through ``expansions`` instead).
   - ``say_year(value: int) -> str``: a year as said ("mille novecento novanta").
   - (optional) ``weekdays``: the day names, so "Monday–Friday" is read as a range ("to").
3. Optional fields (leave out what the language does not need; defaults switch the rule off):
   - numbers: ``fraction_as_number`` (True: "3,14" -> "three fourteen", False: digit by digit);
     ``fraction_pairs_from`` (a fraction at least this long is read in pairs: "3,1415" -> "catorce quince");
     ``one_before_noun`` (masculine, feminine "one" before a noun, "un"/"una");
     ``feminine_nouns`` (currency/unit names that take the feminine "one");
     ``postal_regions`` (region codes said in full before a postal code: "CA 95051"), and
     ``regions_after_town`` (those also said in full after a town without one: "Austin, TX,");
     phones: ``four_four_phones`` (eight-digit local numbers "4567-8901"), ``local_phone_pattern`` (the
     country's own number shapes, "91 123 45 67") with ``phone_cues`` (words before a shape that could also
     be a number in thousands, "llame al 900 123 456");
     ``country_code_as_number`` (a two-digit calling code said as a number: "+49" -> "neunundvierzig");
     ``half_before_noun`` (masculine, feminine "half" before a unit: "medio metro", "media milla");
     ``number_before_word(spoken: str, number: WrittenNumber, following: str) -> str`` (``spoken`` is the
     number in words, ``following`` the text after it; return the form before that word, e.g. "ein");
     ``cardinal_before_noun(words: str) -> str`` (cardinal words before a currency/unit name: "veintiún");
     ``feminine_cardinal(words: str) -> str`` (before a name in ``feminine_nouns``, judged by the name's
     first word: "doscientas millas", "vingt et une heures");
     ``say_cardinal(value) -> str`` / ``say_number(number) -> str`` replace num2words' words entirely,
     ``read_phrases(text) -> str`` runs before the engine's number rules for phrases it cannot know
     (Russian case agreement); ``say_code_number(digits: str) -> str`` reads the digits of a model
     number ("TB550"; default: a cardinal up to four digits, else digit by digit); after a word in
     ``code_number_cues`` ("room", "flight") a number is read that way too, and ``spoken_numbers``
     (digits -> (reading, even before a word)) holds set readings ("911" -> "nine one one").
   - money: ``currencies`` (symbol in ``neutral.CURRENCY_PREFIXES`` or "CHF" -> (one, many, minor one,
     minor many), minor ``None`` to read decimals as decimals); ``names_minor_unit`` (say "fifty cents"
     rather than "fifty" after the main unit); ``scale_suffixes`` (written scale word -> power of ten,
     "Mio." -> 6); ``scale_words`` (power -> (singular, plural)); ``scale_currency_link`` ("de" in
     "tres millones de euros") and ``elided_link`` ("d'" before a vowel); ``scaled_pattern`` (regex for
     a scale abbreviation right after a number, one group, e.g. ``r"\\s((?:Mio|Mrd)\\.)"``).
   - ``units``: unit symbol -> (one, many); use the same symbols as ``en.py``. ``attached_units``: symbols
     read only when written onto the number ("75C", "87W").
   - fractions: ``say_fraction(top: int, bottom: int, whole: int | None, forced: bool) -> str | None``
     reads "3/4", "1 1/2" (``whole`` 1) and "1/200th" (``forced``: an ordinal suffix); None leaves two
     numbers ("24/7"). Simpler: ``denominators`` (2..10 -> (one, many)). ``vulgar_fractions`` ("½" ->
     words) and ``and_a_half`` are used when there is no ``say_fraction``. ``rating_cues``: words before
     "7/10" that make it "out of".
   - ``amount_followers`` / ``unit_followers``: words after an amount that leave it a noun; any other
     lower-case word makes it an adjective ("a $5 bill"). ``None`` (default) never does that.
   - ``reads_short_year_ranges``: "2016-18" is a range (en) rather than left alone.
   - years: ``year_cues`` (words before a four-digit number that make it a year; ``None`` switches year
     detection off), ``year_followers``, ``count_noun_case`` ("upper" where nouns are capitalised).
   - decades: ``decade_pattern`` and ``say_decade(match) -> str``.
   - dates: ``day_first`` (numeric dates d/m/y), ``day_first_tags`` (regional tags that are when the
     language is not), ``month_day_dates`` ("July 4" order), ``ambiguous_months`` (names matched only as
     written, because in lower case they are words: en "May"), ``say_day_month(day, month, month_text,
     year, before, dotted) -> str | None`` ("3 July"; None leaves it), ``say_date(day: int, month: int,
     year: int | None, before: str) -> str`` for every recognised date (``before`` is the word before it,
     for case endings); ``say_day(day) -> str`` for the end of a range ("Oct. 2-4" -> "... to fourth");
     ``say_feet_inches(feet, inches) -> str`` for "5'11"" and "5 ft 11 in"; ``short_year_as_written``
     (a numeric date's two-digit year said as written, "01/07/98" -> "ninety-eight", by
     ``say_code_number``).
   - addresses: ``street_suffixes`` ("Ave" -> "Avenue") and ``compass_points`` ("E" -> "East") turn
     "1211 E Arques Ave" into an address; the house number is read by ``say_code_number``.
   - times: ``time_pattern`` (regex: group 1 the hour, group 2 or 3 the minutes) and
     ``say_time(hour: int, minutes: str) -> str`` (minutes "" or two digits); a group named ``seconds``
     in the pattern goes to ``say_time_seconds(hour, minutes, seconds) -> str`` when that is given;
     ``ampm_pattern`` and ``say_time_ampm(hour, minutes, half) -> str | None`` for 12-hour clocks.
   - ordinals: ``ordinal_pattern`` (regex) and ``say_ordinal(match) -> str``; ``roman_ordinal_pattern``
     (Roman numerals with an ordinal suffix, read by the same ``say_ordinal``).
   - Roman numerals: ``roman_cardinal_context`` (words before a numeral that make it a cardinal),
     ``regnal_titles``, ``regnal_dot_in_number`` ("Heinrich VIII."), ``say_regnal(value) -> str``;
     ``lower_roman_cues`` (words after which a lower-case numeral is read too: es "siglo xix").
   - abbreviations (keys without their final full stop): ``never_final``, ``may_end``,
     ``sentence_starters``, ``ordinal_context_words`` (sentence splitting); ``expansions``,
     ``undotted_expansions``, ``contextual`` (key -> (before a name, after a name)), ``before_number``
     ("S" -> "Seite"), ``acronym_readings`` (added to ``neutral.ACRONYM_READINGS``), ``short_words``;
     ``suffix_expansions`` (the dotted end of a compound: de "str" -> "straße" in "Hauptstr. 5");
     ``range_abbreviations`` (short day or month names said in full only in a range, "Mo-Fr": alone
     "Fr." is "Frau").
   - symbols: ``symbol_words`` (symbol -> word, same keys as ``en.py``), ``slash_per`` ("per" in
     "$300/night") with ``per_words`` (word after the slash -> as said, "mo" -> "month"), ``emoji_names``
     (say emoji by their English Unicode names).
   - ``final_pass(text) -> str``: last look at the whole spoken sentence (en: "a" -> "an" before a vowel
     sound the engine produced).
4. Add a test with real sentences to ``tests/`` and run ``benchmarks/speech_text.py``.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Iterator, Mapping

from ...langtags import primary
from .rules import LanguageRules, frozen

__all__ = ["LANGUAGE_RULES", "LanguageRules", "frozen", "rules_for"]


class _Registry(Mapping[str, LanguageRules]):
    """The language modules of this package by code, each imported on its first look-up.

    Importing all eight at start-up cost about 85 ms of every ``readaloud FILE``; a page in one language
    needs one module. The module's name is its code (``de.py`` holds ``RULES.code == "de"``).
    """

    def __init__(self) -> None:
        self._codes = tuple(sorted(info.name for info in pkgutil.iter_modules(__path__) if info.name != "rules"))

    def __getitem__(self, code: str) -> LanguageRules:
        if code not in self._codes:
            raise KeyError(code)
        return _module_rules(code)

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)


@functools.cache
def _module_rules(code: str) -> LanguageRules:
    """``RULES`` of module ``code``, imported once (the import system's cache; this one saves the checks)."""
    rules = getattr(importlib.import_module(f"{__name__}.{code}"), "RULES", None)
    if not isinstance(rules, LanguageRules) or rules.code != code:
        raise TypeError(f"languages/{code}.py must define RULES = LanguageRules(code={code!r}, ...)")
    return rules


LANGUAGE_RULES: Mapping[str, LanguageRules] = _Registry()


def rules_for(lang: str) -> LanguageRules | None:
    """The rules for a BCP 47 tag ("en-GB" -> en's), or None for a language without a module."""
    return LANGUAGE_RULES.get(primary(lang or "en"))
