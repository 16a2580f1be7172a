"""Russian: numbers that agree with their noun in gender and case, dates, years, money, units, abbreviations.

Russian numbers change with what follows and what comes before: "1 рубль / 2 рубля / 5 рублей",
"две тысячи", "21 мая" -> "двадцать первое мая", "с 5 до 10 лет" -> "с пяти до десяти лет",
"в 1999 году" -> "в тысяча девятьсот девяносто девятом году". The rules are those of D. E. Rosental's
"Справочник по правописанию и литературной правке" (§ on numerals) and Gramota.ru's answers on reading
numerals; number words (with case and gender) are num2words'. These phrases are read by
:func:`read_number_phrases`, which the engine runs before its own number rules (the ``read_phrases``
hook); what it leaves (digits glued to letters, codes such as "2-б-34") gets the engine's generic reading.
Where the tables cannot tell (a noun they do not know, a verb's case), the nominative is read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from ... import patterns
from .. import numbers
from ..numbers import NumberStyle, num2words
from .rules import LanguageRules, alternation, frozen

CODE = "ru"
CASES = ("n", "g", "d", "a", "i", "p")

WORDS = {
    "point": "целых", "minus": "минус", "to": "до", "percent": "процентов", "permille": "промилле",
    "and": "и", "plus": "плюс", "equals": "равно", "number": "номер", "hashtag": "хештег", "at": "собака",
    "degrees": "градусов", "degree": "градус", "times": "на", "about": "около", "plus_minus": "плюс-минус",
    "section": "параграф", "link": "ссылка на", "email": "адрес почты на", "per": "в", "o_clock": "часов",
    "the": "", "of": "", "or": "или", "cents_and": "",
}

# Month names in the genitive, as dates write them ("21 мая"); CLDR ru "format wide".
MONTHS = {
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
    "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}

# --- Nouns: how a noun after a number is declined --------------------------------------------------


@dataclass(frozen=True)
class Noun:
    """A noun's twelve forms: singular then plural, in the order of :data:`CASES`; and its gender.

    ``animate`` matters for the accusative ("вижу двух человек").
    """

    gender: str
    singular: tuple[str, ...]
    plural: tuple[str, ...]
    animate: bool = False
    few: str = ""  # after 2-4 when it is not the genitive singular ("два квадратных метра")

    def form(self, case: str, plural: bool) -> str:
        return (self.plural if plural else self.singular)[CASES.index(case)]


def _hard(stem: str, gen_plural: str = "") -> Noun:
    """Masculine, hard stem: метр, метра, метру, метр, метром, метре; метры, метров, ..."""
    ending_y = "и" if stem[-1] in "кгхжшчщ" else "ы"
    return Noun("m", (stem, stem + "а", stem + "у", stem, stem + "ом", stem + "е"),
                (stem + ending_y, gen_plural or stem + "ов", stem + "ам", stem + ending_y, stem + "ами",
                 stem + "ах"))


def _soft(stem: str, gen_plural_ending: str = "ей") -> Noun:
    """Masculine, soft stem: рубль, рубля, ...; рубли, рублей, ... (юань, юаня)."""
    nominative = stem + ("ь" if not stem.endswith("й") else "")
    base = stem[:-1] if stem.endswith("й") else stem
    return Noun("m", (nominative, base + "я", base + "ю", nominative, base + "ем", base + "е"),
                (base + "и", base + gen_plural_ending, base + "ям", base + "и", base + "ями", base + "ях"))


def _feminine(stem: str, gen_plural: str) -> Noun:
    """Feminine in -а: минута, минуты, минуте, минуту, минутой, минуте; минуты, минут, ..."""
    ending_y = "и" if stem[-1] in "кгхжшчщ" else "ы"
    return Noun("f", (stem + "а", stem + ending_y, stem + "е", stem + "у", stem + "ой", stem + "е"),
                (stem + ending_y, gen_plural, stem + "ам", stem + ending_y, stem + "ами", stem + "ах"))


def _invariable(word: str, gender: str = "m") -> Noun:
    """An indeclinable noun (евро) or a fixed phrase whose head is declined elsewhere."""
    return Noun(gender, (word,) * 6, (word,) * 6)


def _with_tail(noun: Noun, tail: str) -> Noun:
    """ "километр" + " в час": the tail after the declined noun never changes."""
    return Noun(noun.gender, tuple(f + tail for f in noun.singular), tuple(f + tail for f in noun.plural),
                noun.animate)


def _with_adjective(adjective_stem: str, noun: Noun) -> Noun:
    """ "квадратный метр": a hard-stem adjective declined with its masculine noun."""
    singular = ("ый", "ого", "ому", "ый", "ым", "ом")
    plural = ("ые", "ых", "ым", "ые", "ыми", "ых")
    return Noun(noun.gender,
                tuple(f"{adjective_stem}{e} {f}" for e, f in zip(singular, noun.singular, strict=True)),
                tuple(f"{adjective_stem}{e} {f}" for e, f in zip(plural, noun.plural, strict=True)),
                few=f"{adjective_stem}ых {noun.singular[1]}")


_RUBLE = _soft("рубл")
_DOLLAR = _hard("доллар")
_EURO = _invariable("евро")
_KOPECK = _feminine("копейк", "копеек")
_CENT = _hard("цент")
_THOUSAND = Noun("f", ("тысяча", "тысячи", "тысяче", "тысячу", "тысячей", "тысяче"),
                 ("тысячи", "тысяч", "тысячам", "тысячи", "тысячами", "тысячах"))
_MILLION, _BILLION, _TRILLION = _hard("миллион"), _hard("миллиард"), _hard("триллион")
_PERSON = Noun("m", ("человек", "человека", "человеку", "человека", "человеком", "человеке"),
               ("человек", "человек", "людям", "человек", "людьми", "людях"), animate=True)
_YEAR_NOUN = Noun("m", ("год", "года", "году", "год", "годом", "году"),  # locative "в году"
             ("годы", "лет", "годам", "годы", "годами", "годах"))
_HOUR, _MINUTE, _SECOND = _hard("час"), _feminine("минут", "минут"), _feminine("секунд", "секунд")
_METRE, _GRAM = _hard("метр"), _hard("грамм")
_PERCENT = _hard("процент")
_DEGREE = _hard("градус")

# Currency symbols and the way Russian news abbreviates them -> the noun (Rosental; CLDR ru "currencies").
CURRENCY_NOUNS: Mapping[str, Noun] = {
    "₽": _RUBLE, "руб": _RUBLE, "р": _RUBLE, "RUB": _RUBLE, "$": _DOLLAR, "долл": _DOLLAR, "USD": _DOLLAR,
    "€": _EURO, "EUR": _EURO, "£": _with_tail(_hard("фунт"), " стерлингов"), "GBP": _with_tail(_hard("фунт"),
                                                                                          " стерлингов"),
    "¥": Noun("f", ("иена", "иены", "иене", "иену", "иеной", "иене"),
              ("иены", "иен", "иенам", "иены", "иенами", "иенах")),
    "CNY": _soft("юан"), "юан": _soft("юан"), "₴": _feminine("гривн", "гривен"), "грн": _feminine("гривн", "гривен"),
    "CHF": _with_tail(_hard("франк"), " швейцарских"),
}
# The minor unit that follows the main one ("6 руб. 35 коп.").
MINOR_NOUNS: Mapping[str, Noun] = {"коп": _KOPECK, "ц": _CENT}

# Scale words after a number, as Russian news abbreviates them ("2,5 млн руб.", "3 тыс.").
SCALE_NOUNS: Mapping[str, Noun] = {
    "тыс": _THOUSAND, "млн": _MILLION, "млрд": _BILLION, "трлн": _TRILLION,
}

# Unit symbols (SI brochure; Russian symbols per ГОСТ 8.417-2002) -> the noun.
UNIT_NOUNS: Mapping[str, Noun] = {
    "км": _hard("километр"), "м": _METRE, "см": _hard("сантиметр"), "мм": _hard("миллиметр"),
    "кг": _hard("килограмм"), "г": _GRAM, "мг": _hard("миллиграмм"), "т": _feminine("тонн", "тонн"),
    "л": _hard("литр"), "мл": _hard("миллилитр"), "га": _hard("гектар"),
    "км/ч": _with_tail(_hard("километр"), " в час"), "м/с": _with_tail(_METRE, " в секунду"),
    "м²": _with_adjective("квадратн", _METRE), "км²": _with_adjective("квадратн", _hard("километр")),
    "м³": _with_adjective("кубическ", _METRE),
    "°C": _with_tail(_DEGREE, " Цельсия"), "°С": _with_tail(_DEGREE, " Цельсия"), "°": _DEGREE,
    "%": _PERCENT, "ч": _HOUR, "мин": _MINUTE, "сек": _SECOND,
    "кВт": _hard("киловатт"), "МВт": _hard("мегаватт"), "ГВт": _hard("гигаватт"),
    "экз": _hard("экземпляр"), "шт": _feminine("штук", "штук"), "Гб": _hard("гигабайт"),
    "ГБ": _hard("гигабайт"), "Мб": _hard("мегабайт"), "МБ": _hard("мегабайт"),
    "ГГц": _hard("гигагерц"), "МГц": _hard("мегагерц"), "чел": _PERSON,
}

# Year nouns after a year number, and how "г." is read by the preposition before the year.
YEAR_WORDS: Mapping[str, tuple[str, bool]] = {
    "год": ("n", False), "года": ("g", False), "году": ("p", False), "годом": ("i", False),
    "годы": ("n", True), "годов": ("g", True), "годах": ("p", True), "годам": ("d", True),
    "годами": ("i", True),
}

# The case a preposition gives the number after it (Rosental, § "Управление"). "в" and "на" take the
# accusative, which for inanimate nouns reads as the nominative; "с" before a number is nearly always
# "from" (genitive: "с 5 мая", "с 2010 года").
PREPOSITION_CASE: Mapping[str, str] = {
    **dict.fromkeys("""до от из с со около более менее свыше больше меньше после для без у кроме вокруг среди
        порядка против вместо возле накануне ради помимо""".split(), "g"),
    **dict.fromkeys("к ко благодаря согласно вопреки навстречу".split(), "d"),
    **dict.fromkeys("о об обо при".split(), "p"),
    **dict.fromkeys("между над перед".split(), "i"),
}
# A date after these words is named, not placed in time: "Сегодня 21 мая" -> "двадцать первое мая".
NOMINATIVE_DATE_BEFORE = frozenset({"сегодня", "завтра", "вчера", "наступило", "наступает", "это", ":"})

# Denominators of decimal fractions, by the number of digits after the comma (Rosental: "две целых
# пять десятых").
DECIMAL_DENOMINATORS = ("десят", "сот", "тысячн", "десятитысячн", "стотысячн", "миллионн")
# Feminine adjective endings (целая, десятая): singular and plural, by case.
_FEMININE_ADJECTIVE = {"n": ("ая", "ых"), "g": ("ой", "ых"), "d": ("ой", "ым"), "a": ("ую", "ых"),
                       "i": ("ой", "ыми"), "p": ("ой", "ых")}

# Ordinal suffixes as Russian writes them after digits ("1-й", "2-го", "90-х", "3-ем"); a cardinal's
# case ending is written the same way ("5-ти", "3-х").
ORDINAL_SUFFIX = r"(?:[а-яё]{1,3})"
CARDINAL_SUFFIXES = frozenset({"х", "ух", "ёх", "ех", "ти", "ми", "ьми", "и"})

# The forms tried for an ordinal's written ending, most frequent first.
_ORDINAL_FORMS = (
    ("n", "m", False), ("n", "f", False), ("n", "n", False), ("g", "m", False), ("p", "m", False),
    ("d", "m", False), ("i", "m", False), ("a", "f", False), ("g", "f", False), ("n", "m", True),
    ("g", "m", True), ("i", "m", True), ("d", "m", True),
)


# --- Number words --------------------------------------------------------------------------------


def plural_form(value: int) -> str:
    """ "one" (1, 21, 101), "few" (2-4, 22-24) or "many" (0, 5-20, 25-30): which noun form follows."""
    if value % 10 == 1 and value % 100 != 11:
        return "one"
    if 2 <= value % 10 <= 4 and not 12 <= value % 100 <= 14:
        return "few"
    return "many"


@lru_cache(maxsize=4096)  # pure, and every Russian number passes through it (num2words is slow per call)
def cardinal(value: int, case: str = "n", gender: str = "m", animate: bool = False) -> str:
    """ "21" -> "двадцать один"; in a case and gender: "двух", "одной"; "тысяча", not "одна тысяча"."""
    if len(str(abs(value))) > numbers.MAX_CARDINAL_DIGITS:
        return numbers.digits(str(abs(value)), CODE)
    words = num2words(value, lang=CODE, case=case, gender=gender, animate=animate).replace(",", "")
    return _ONE_THOUSAND.sub(r"\1", words)


# "одна тысяча сто" is the form of documents; said aloud it is "тысяча сто" (Gramota.ru).
_ONE_THOUSAND = patterns.compile(r"^одн\w* (тысяч\w*)")


@lru_cache(maxsize=4096)
def ordinal(value: int, case: str = "n", gender: str = "m", plural: bool = False) -> str:
    """ "1974" in the prepositional -> "тысяча девятьсот семьдесят четвёртом"."""
    if len(str(abs(value))) > numbers.MAX_CARDINAL_DIGITS:
        return numbers.digits(str(abs(value)), CODE)
    return num2words(value, lang=CODE, to="ordinal", case=case, gender=gender, plural=plural,
                     animate=False).replace(",", "")


def with_noun(value: int, noun: Noun, case: str = "n") -> str:
    """ "2 рубля", "5 рублей", "21 тысяча"; in an oblique case both decline: "более двух тысяч"."""
    number = cardinal(value, case, noun.gender, noun.animate)
    if case in ("n", "a") and not (case == "a" and noun.animate):
        form = plural_form(value)
        if form == "one":
            return f"{number} {noun.form(case, False)}"
        if form == "few" and noun.few:
            return f"{number} {noun.few}"
        return f"{number} {noun.form('g', form == 'many')}"
    return f"{number} {noun.form(case, plural_form(value) != 'one')}"


def feminine_adjective(stem: str, case: str, value: int) -> str:
    """ "целая"/"целых", "десятая"/"десятых" after a number in ``case``."""
    one, many = _FEMININE_ADJECTIVE[case]
    return stem + (one if plural_form(value) == "one" else many)


def decimal(integer: int, fraction: str, case: str = "n") -> str:
    """ "2,5" -> "две целых пять десятых"; more than six decimals are read digit by digit."""
    if len(fraction) > len(DECIMAL_DENOMINATORS):
        return f"{cardinal(integer, case)} {WORDS['point']} {numbers.digits(fraction, CODE)}"
    numerator = int(fraction)
    whole = f"{cardinal(integer, case, 'f')} {feminine_adjective('цел', case, integer)}"
    denominator = feminine_adjective(DECIMAL_DENOMINATORS[len(fraction) - 1], case, numerator)
    part = f"{cardinal(numerator, case, 'f')} {denominator}"
    return f"{whole} {part}"


def amount(integer: int, fraction: str, noun: Noun, case: str = "n") -> str:
    """A number and its noun; after a decimal the noun is in the genitive singular ("2,5 литра")."""
    if fraction:
        return f"{decimal(integer, fraction, case)} {noun.form('g', False)}"
    return with_noun(integer, noun, case)


def ordinal_by_suffix(value: int, suffix: str) -> str:
    """ "2-й" -> "второй", "8-го" -> "восьмого", "84-м" -> "восемьдесят четвёртом", "90-е" -> "девяностые".

    The written ending picks the form; "5-ти" and "3-х" are a cardinal's case ending ("пяти", "трёх").
    """
    if suffix in CARDINAL_SUFFIXES:
        genitive = cardinal(value, "g")
        if genitive.endswith(suffix):
            return genitive
    decade = value % 10 == 0 and value >= 20 and suffix in ("е", "х", "ые", "ых", "ми")
    forms = _ORDINAL_FORMS[-4:] + _ORDINAL_FORMS if decade else _ORDINAL_FORMS
    for case, gender, plural in forms:
        words = ordinal(value, case, gender, plural)
        if words.endswith(suffix):
            return words
    return ordinal(value)


# --- Reading the phrases -------------------------------------------------------------------------

_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)|\d+"
_DECIMAL = rf"(?:{_NUMBER})(?:,\d+)?"
_BEFORE = r"(?<![\w.,/:])"
_SIGN = r"(?:(?:(?<=^)|(?<=[\s(]))([-−+]))?"
_WORD_BEFORE = patterns.compile(r"([^\s\d]+)\s*$")


_CURRENCY_KEYS = alternation(CURRENCY_NOUNS)
_SCALE_KEYS = alternation(SCALE_NOUNS)
_UNIT_KEYS = alternation(UNIT_NOUNS)
_MONTH_KEYS = alternation(MONTHS)
_AFTER_ABBREVIATION = r"(?:\.(?=\s|$|[,;:!?)])|(?![\w²³]))"

# "21 мая 2021 года", "21 мая", "06.03.2006", "6/3/1006г."
_DAY_MONTH = patterns.compile(
    rf"{_BEFORE}(\d{{1,2}})\s({_MONTH_KEYS})\b(?:\s(\d{{1,4}})(?:\s?(г\.|года\b))?)?")
_FIRST_DAY = patterns.compile(
    rf"{_BEFORE}(\d{{1,2}})(?:\s?([-–—])\s?|(?=\s?(?:по|и|или|,)\s?))"
    rf"(?=\d{{1,2}}\s(?:{_MONTH_KEYS})\b|\s?(?:по|и|или|,)\s?\d{{1,2}}\s(?:{_MONTH_KEYS})\b)")
_NUMERIC_DATE = patterns.compile(
    r"(?<![\w/.,-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:\s?(г\.|года\b))?(?![\w/]|[.,-]\d)")
# "13:05", "9:00"
_TIME = patterns.compile(r"(?<![\w.,:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")
# "в 1999 году", "1990-х годах", "2021 г."
_YEAR = patterns.compile(rf"{_BEFORE}(\d{{3,4}})(?:-([а-я]{{1,3}}))?\s?(г\.|гг\.|{'|'.join(YEAR_WORDS)})(?!\w)")
_YEAR_RANGE = patterns.compile(
    rf"{_BEFORE}(\d{{4}})\s?([-–—]|по|до)\s?(\d{{4}})\s?(г\.|гг\.|{'|'.join(YEAR_WORDS)})(?!\w)")
# "1-й", "2-го", "1990-е"
_ORDINAL = patterns.compile(rf"{_BEFORE}(\d+)-({ORDINAL_SUFFIX})(?![\w-])")
# "$5", "€2,5 млн": a currency symbol before the amount
_MONEY_PREFIX = patterns.compile(rf"(?<![\w$€£¥₽])([$€£¥₽])\s?({_DECIMAL})(?:\s?({_SCALE_KEYS}){_AFTER_ABBREVIATION})?")
# "5 млн руб.", "6 руб. 35 коп.", "12 кг", "2,5 тыс руб.", "15%"
_AMOUNT = patterns.compile(
    rf"{_SIGN}{_BEFORE}({_DECIMAL})(?:\s?({_SCALE_KEYS}){_AFTER_ABBREVIATION})?"
    rf"(?:\s?({_CURRENCY_KEYS}|{_UNIT_KEYS}){_AFTER_ABBREVIATION}(?:\s(США))?)?"
    rf"(?:\s(\d{{1,2}})\s?(коп|ц){_AFTER_ABBREVIATION})?")
# "5–7 дней", "10-15%": two counts joined by a dash (not a date, a phone number or a code).
_RANGE = patterns.compile(r"(?<![\w.,/:+-])(\d{1,3})\s?[-–—]\s?(\d{1,3})(?![\w.,/:-]|\s?[-–—]\s?\d)")
_PER_UNIT = patterns.compile(rf"\s?/\s?({_UNIT_KEYS})(?![\w²³])")
_NEXT_WORD = patterns.compile(r"\s+([а-яё]+)")
# "1/2", "3/4": a common fraction (not a date, not a rate per unit).
_FRACTION = patterns.compile(r"(?<![\w/.,])(\d{1,3})/(\d{1,3})(?![\w/]|[.,]\d)")
# Russian phone numbers are read in their written groups, as cardinals ("восемь девятьсот тринадцать
# ... ноль один"); the leading "8" or "+7" is the trunk or country code.
_PHONE = patterns.compile(r"(?<![\w+])(\+7|8)([\s-]?)\(?(\d{3})\)?[\s-]?(\d{3})[\s-]?(\d{2})[\s-]?(\d{2})(?![\w-]|[.,]\d)")
# Centuries in Roman numerals: "XX век", "в XXI веке", "в конце XIX в.".
CENTURY_WORDS: Mapping[str, tuple[str, bool]] = {
    "век": ("n", False), "века": ("g", False), "веку": ("d", False), "веком": ("i", False),
    "веке": ("p", False), "веков": ("g", True), "веках": ("p", True),
}
_CENTURY_NOUN = Noun("m", ("век", "века", "веку", "век", "веком", "веке"),
                     ("века", "веков", "векам", "века", "веками", "веках"))
_CENTURY = patterns.compile(r"(?<![\w.])([IVXLC]+)(?:\s?[-–—]\s?([IVXLC]+))?\s(век[а-я]*|вв?\.)(?!\w)")


def _case_before(text: str, position: int, end: int | None = None) -> str:
    """The case a preposition right before ``position`` gives the number ("до 5" -> genitive).

    "в", "на", "за", "через", "про" take the accusative ("на 1 неделю" -> "на одну неделю"); "в" and "на"
    take the prepositional when the noun after the number (at ``end``) has its ending ("в 21 регионе").
    """
    before = _word_before(text, position)
    if before in PREPOSITION_CASE:
        return PREPOSITION_CASE[before]
    if before not in ACCUSATIVE_PREPOSITIONS:
        return "n"
    following = _NEXT_WORD.match(text, end) if end is not None else None
    word = following.group(1) if following else ""
    if before in ("в", "во", "на") and len(word) > 2 and word.endswith(PREPOSITIONAL_ENDINGS):
        return "p"
    return "a"


ACCUSATIVE_PREPOSITIONS = frozenset("в во на за про через сквозь".split())
# Prepositional endings of nouns after a number ("в 21 регионе", "в 5 странах").
PREPOSITIONAL_ENDINGS = ("е", "ах", "ях")


def _word_before(text: str, position: int) -> str:
    """The word before ``position``, lower-case; a bounded window keeps long number runs linear."""
    match = _WORD_BEFORE.search(text[max(0, position - _WINDOW):position])
    return match.group(1).lower() if match else ""


_WINDOW = 40


def _parse(written: str) -> tuple[int, str]:
    integer, _, fraction = written.partition(",")
    return int(re.sub(r"\D", "", integer) or "0"), fraction


# A grouped number too long for a cardinal ("999 999 999 ..."), read digit by digit before anything
# parses it (Python refuses int() of more than 4,300 digits).
_LONG_GROUPED = patterns.compile(r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}){5,}(?!\d)")


def _read_long_grouped(match: re.Match) -> str:
    written = re.sub(r"\D", "", match.group())
    return match.group() if len(written) <= numbers.MAX_CARDINAL_DIGITS else numbers.digits(written, CODE)


def _date_case(text: str, start: int, end: int) -> str:
    """ "с 21 мая" genitive, "к 21 мая" dative, "на/по 21 мая" accusative; a date standing alone or after
    "сегодня" is named (nominative); a date in running text says when (genitive: "21 мая он приехал")."""
    before = _word_before(text, start)
    if before in PREPOSITION_CASE:
        return PREPOSITION_CASE[before]
    if before in ("на", "по", "в"):
        return "a"
    rest = text[end:end + 3].strip(" .!?")
    if rest.startswith(("—", "–", "-")):
        return "n"  # a dateline or a name: "Москва, 15 мая — РИА Новости", "12 июня — День России"
    if not before.strip(",.") or before in NOMINATIVE_DATE_BEFORE:
        return "n" if not rest or before else "g"
    return "g"


def _say_date(day: int, month: int, year: str, year_word: str, case: str) -> str:
    """A two-digit year is read as written, as an ordinal ("01.01.86" -> "... восемьдесят шестого",
    "06" -> "ноль шестого")."""
    spoken = f"{ordinal(day, case, 'n')} {next(m for m, n in MONTHS.items() if n == month)}"
    if year:
        zero = "ноль " if len(year) == 2 and year.startswith("0") else ""
        spoken += f" {zero}{ordinal(int(year), 'g')}"
        if year_word:
            spoken += " года"
    return spoken


def _read_first_day(match: re.Match) -> str:
    """ "с 1 по 10 мая": the first day of a range is an ordinal too; "1–3 июня" is said
    "с первого по третье июня" (Gramota.ru)."""
    day, dash = int(match.group(1)), match.group(2)
    if not 1 <= day <= 31:
        return match.group()
    if dash and _word_before(match.string, match.start()) not in PREPOSITION_CASE:
        return f"с {ordinal(day, 'g', 'n')} по "
    return ordinal(day, _date_case(match.string, match.start(), match.end()), "n") + (" — " if dash else "")


def _read_day_month(match: re.Match) -> str:
    day = int(match.group(1))
    if not 1 <= day <= 31:
        return match.group()
    case = _date_case(match.string, match.start(), match.end())
    spoken = _say_date(day, MONTHS[match.group(2)], match.group(3) or "", match.group(4) or "", case)
    return _keep_final_dot(match, spoken)


def _read_numeric_date(match: re.Match) -> str:
    day, month = int(match.group(1)), int(match.group(3))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return match.group()
    case = _date_case(match.string, match.start(), match.end())
    return _keep_final_dot(match, _say_date(day, month, match.group(4), match.group(5) or "", case))


def _read_time(match: re.Match) -> str:
    """ "13:05" -> "тринадцать часов пять минут"; "до 18:00" -> "до восемнадцати часов"."""
    hour, minutes = int(match.group(1)), int(match.group(2))
    case = _case_before(match.string, match.start())  # "в 7:45" is the accusative, whatever follows
    spoken = with_noun(hour, _HOUR, case)
    return spoken + (f" {with_noun(minutes, _MINUTE, case)}" if minutes else "")


def _stop_kept(match: re.Match, spoken: str) -> str:
    """ "в 2020 г." at the sentence's end: the abbreviation's dot was its full stop too, and stays one."""
    ends = match.group().endswith(".") and not match.string[match.end():].strip(" )]”’\"'»")
    return spoken + "." if ends and not spoken.endswith(".") else spoken


def _read_year(match: re.Match) -> str:
    """ "в 1999 году" -> "в тысяча девятьсот девяносто девятом году"; "2021 г." by the preposition."""
    return _stop_kept(match, _year_words(match))


def _year_words(match: re.Match) -> str:
    value, suffix, word = int(match.group(1)), match.group(2), match.group(3)
    if word in ("г.", "гг."):
        plural = word == "гг."
        before = _word_before(match.string, match.start())
        # "в 2021 г." -> "году"; after a noun ("выборы 2024 г.", "21 мая 2021 г.") -> "года"; alone -> "год".
        case = "p" if before in ("в", "во") else PREPOSITION_CASE.get(before, "g" if before else "n")
        if value < 1000 and before not in ("в", "во"):
            return match.group()  # "200 г." is grams
        word = _YEAR_NOUN.form(case, plural)
    else:
        case, plural = YEAR_WORDS[word]
        if word == "году" and _case_before(match.string, match.start()) == "d":
            case = "d"  # "к 2030 году": the same form is dative after "к", "по"
    if suffix:
        return f"{ordinal_by_suffix(value, suffix)} {word}"
    # The years of a plural "годы" are each singular ordinals ("сорок первый — сорок пятый годы").
    return f"{ordinal(value, case)} {word}"


def _read_year_range(match: re.Match) -> str:
    """ "в 1941–1945 гг." -> "в ... сорок первом — ... сорок пятом годах"; "с 2014 по 2020 год"."""
    return _stop_kept(match, _year_range_words(match))


def _year_range_words(match: re.Match) -> str:
    first, separator, second, word = match.groups()
    before = _word_before(match.string, match.start())
    if separator in ("по", "до"):
        first_case = PREPOSITION_CASE.get(before, "g")
        if word in ("г.", "гг."):
            second_case = "g" if separator == "до" else "n"
            word = _YEAR_NOUN.form(second_case, word == "гг.")
        else:
            second_case = YEAR_WORDS[word][0]
        return f"{ordinal(int(first), first_case)} {separator} {ordinal(int(second), second_case)} {word}"
    if word in ("г.", "гг."):
        case = "p" if before in ("в", "во") else PREPOSITION_CASE.get(before, "n")
        word = _YEAR_NOUN.form(case, True)
    else:
        case = YEAR_WORDS[word][0]
    return f"{ordinal(int(first), case)} — {ordinal(int(second), case)} {word}"


def _read_amount(match: re.Match) -> str:
    sign, written, scale, name, usa, minor, minor_name = match.groups()
    if not (scale or name):
        return match.group()
    integer, fraction = _parse(written)
    case = _case_before(match.string, match.start(), match.end())
    noun = CURRENCY_NOUNS.get(name) or UNIT_NOUNS.get(name) if name else None
    spoken = _amount_words(integer, fraction, SCALE_NOUNS.get(scale), noun, case)
    if usa:
        spoken += " США"
    if minor:
        spoken += " " + with_noun(int(minor), MINOR_NOUNS[minor_name], case)
    elif noun is not None and fraction and len(fraction) == 2 and not scale and noun in (_RUBLE, _DOLLAR, _EURO):
        spoken = f"{with_noun(integer, noun, case)} {with_noun(int(fraction), _minor(noun), case)}"
    return _keep_final_dot(match, _signed(sign, spoken))


def _keep_final_dot(match: re.Match, spoken: str) -> str:
    """An abbreviation's dot that was also the sentence's full stop stays a full stop."""
    rest = match.string[match.end():match.end() + 4]
    if match.group().endswith(".") and len(match.string) - match.end() <= 4 and not rest.strip(" )»\"”"):
        return spoken + "."
    return spoken


def _minor(noun: Noun) -> Noun:
    return _KOPECK if noun is _RUBLE else _CENT


def _amount_words(integer: int, fraction: str, scale: Noun | None, noun: Noun | None, case: str) -> str:
    """ "2,5 млн руб." -> "две целых пять десятых миллиона рублей"."""
    if scale is not None:
        spoken = amount(integer, fraction, scale, case)
        return spoken + (f" {noun.form('g', True)}" if noun is not None else "")
    assert noun is not None, "an amount without a scale word has its noun (the patterns require one)"
    return amount(integer, fraction, noun, case)


def _read_money_prefix(match: re.Match) -> str:
    symbol, written, scale = match.groups()
    integer, fraction = _parse(written)
    case = _case_before(match.string, match.start(), match.end())
    noun = CURRENCY_NOUNS[symbol]
    if fraction and len(fraction) == 2 and not scale:
        return f"{with_noun(integer, noun, case)} {with_noun(int(fraction), _minor(noun), case)}"
    return _keep_final_dot(match, _amount_words(integer, fraction, SCALE_NOUNS.get(scale), noun, case))


def _read_ordinal(match: re.Match) -> str:
    """ "2-е место" -> "второе место" (a neuter noun follows), "2-е классы", "90-е" -> plural "вторые"."""
    value, suffix = int(match.group(1)), match.group(2)
    if suffix == "е":
        following = _NEXT_WORD.match(match.string, match.end())
        if following and following.group(1).endswith(_NEUTER_AFTER_ONE + ("мя",)):
            return ordinal(value, "n", "n")
        return ordinal(value, "n", "m", True)
    return ordinal_by_suffix(value, suffix)


def _read_per_unit(match: re.Match) -> str:
    """ "4 кг/кг" -> "... на килограмм": a rate per unit is read with "на" and the accusative."""
    return f" на {UNIT_NOUNS[match.group(1)].form('a', False)}"


def _read_range(match: re.Match) -> str:
    """ "5–7 дней" -> "от пяти до семи дней" (Gramota.ru). The second number is read by the later rules,
    in the case "до" gives it; so only where the noun after it is already in the genitive plural (after
    5-20): "2–3 дня" stays "два, три дня", and after a preposition ("на 10–15%") the dash is a pause."""
    first, second = int(match.group(1)), int(match.group(2))
    if first >= second:
        return match.group()  # a score ("2–1") or a code, not a range
    before = _word_before(match.string, match.start())
    if before in PREPOSITION_CASE or before in ACCUSATIVE_PREPOSITIONS or plural_form(second) != "many":
        return f"{cardinal(first, _case_before(match.string, match.start()))} — {match.group(2)}"
    return f"от {cardinal(first, 'g')} до {match.group(2)}"


def _read_ratio(match: re.Match) -> str:
    """ "со счётом 2:1" -> "два один"; "в соотношении 1:3" -> "один к трём" (Gramota.ru)."""
    first, second = int(match.group(1)), int(match.group(2))
    if _word_before(match.string, match.start()) in SCORE_WORDS:
        return f"{cardinal(first)} {cardinal(second)}"
    return f"{cardinal(first)} к {cardinal(second, 'd')}"


# Words before "2:1" that make it a score, not a ratio.
SCORE_WORDS = frozenset("счётом счетом счёт счет ничья поражение победа матч".split())
# "2:1", "1:100": not a clock time (those have two-digit minutes and are read first).
_RATIO = patterns.compile(r"(?<![\w.,:])(\d{1,3}):(\d{1,4})(?![\d:])")


def _read_fraction(match: re.Match) -> str:
    """ "3/4" -> "три четвёртых", "1/2" -> "одна вторая" (numerator feminine, denominator ordinal)."""
    top, bottom = int(match.group(1)), int(match.group(2))
    if bottom < 2:
        return match.group()
    one = plural_form(top) == "one"
    return f"{cardinal(top, 'n', 'f')} {ordinal(bottom, 'n', 'f') if one else ordinal(bottom, 'g', 'm', True)}"


def _read_phone(match: re.Match) -> str:
    code, _, *groups = match.groups()
    spoken = ["плюс семь" if code == "+7" else "восемь"]
    for group in groups:
        zeros = len(group) - len(group.lstrip("0"))
        rest = group.lstrip("0")
        spoken.append(" ".join(["ноль"] * zeros + ([cardinal(int(rest))] if rest else [])))
    return " ".join(spoken)


def _read_century(match: re.Match) -> str:
    """ "в XXI веке" -> "в двадцать первом веке"; "XIX в." -> "девятнадцатого века"."""
    first, second, word = match.groups()
    values = [numbers.roman_value(first)] + ([numbers.roman_value(second)] if second else [])
    if not all(values):
        return match.group()
    if word in ("в.", "вв."):
        plural = word == "вв." or bool(second)
        before = _word_before(match.string, match.start())
        case = "p" if before in ("в", "во") else PREPOSITION_CASE.get(before, "g")
        word = _CENTURY_NOUN.form(case, plural)
    else:
        case, plural = CENTURY_WORDS.get(word, ("n", False))
    ordinals = [ordinal(value, case) for value in values]
    return _keep_final_dot(match, f"{' — '.join(ordinals)} {word}")


def _read_roman_after_word(match: re.Match) -> str:
    """ "Пётр I" -> "Пётр первый", "Екатерина II" -> "Екатерина вторая", "Глава III" -> "Глава третья":
    Russian reads a Roman numeral after a name or a noun as an ordinal agreeing with it."""
    word, numeral = match.group(1), match.group(2)
    value = numbers.roman_value(numeral)
    if not value:
        return match.group()
    feminine = word.endswith(("а", "я")) or word in FEMININE_IN_SOFT_SIGN or word.startswith(QUEENS)
    gender = "f" if feminine else "m"
    return f"{word} {ordinal(value, _case_before(match.string, match.start()), gender)}"


# Feminine nouns in -ь that take a Roman numeral ("Часть II" -> "часть вторая").
FEMININE_IN_SOFT_SIGN = frozenset({"Часть", "часть", "Ступень", "ступень", "Степень", "степень"})
# Stems of queens' and empresses' names, so "при Екатерине II" is "второй" in every case.
QUEENS = ("Екатерин", "Елизавет", "Анн", "Мари", "Виктори", "Изабелл", "Маргарит", "Кристин", "Жанн")
_ROMAN_AFTER_WORD = patterns.compile(r"(?<![\w.])([А-ЯЁ]?[а-яё]+)\s((?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))(?![\w-]|\.\w)")


def _read_bare_number(match: re.Match) -> str:
    """A number before a word: its gender (and case after a preposition) from what surrounds it."""
    sign, written = match.group(1), match.group(2)
    integer, fraction = _parse(written)
    case = _case_before(match.string, match.start(), match.end())
    noun = _noun_after(match.string, match.end())
    gender = _gender_of(noun, integer, case) if noun else "m"
    if case == "n" and gender == "f" and noun.endswith(_FEMININE_ACCUSATIVE):
        case = "a"  # "займёт 1 неделю" -> "одну неделю"
    if fraction:
        spoken = decimal(integer, fraction, case)
    else:
        spoken = cardinal(integer, case, gender)
    return _signed(sign, spoken)


# Adjective endings after a number ("2 новые книги", "3 крупных банка"): the noun comes after them.
_ADJECTIVE_ENDINGS = ("ые", "ие", "ых", "их", "ая", "яя", "ое", "ее", "ый", "ий", "ой", "ую", "юю")


def _noun_after(text: str, end: int) -> str:
    """The noun after a number, past at most two adjectives; "" when no lower-case word follows."""
    word = ""
    for _ in range(3):
        following = _NEXT_WORD.match(text, end)
        if not following:
            return word
        word, end = following.group(1), following.end()
        if not word.endswith(_ADJECTIVE_ENDINGS) or word in NOT_NOUNS:
            return word
    return word


def _signed(sign: str | None, spoken: str) -> str:
    """ "-15" -> "минус пятнадцать", "+25" -> "плюс двадцать пять"."""
    if not sign:
        return spoken
    return f"{WORDS['plus'] if sign == '+' else WORDS['minus']} {spoken}"


# A noun after a number ending in 1 is in the nominative singular, after 2-4 in the genitive singular:
# its ending tells the gender (Rosental: "одна неделя", "две недели", "одно место", "два дня").
_FEMININE_AFTER_ONE = ("а", "я")
_NEUTER_AFTER_ONE = ("о", "е", "ё")
_FEMININE_AFTER_FEW = ("ы", "и")
_FEMININE_ACCUSATIVE = ("у", "ю")  # "одну неделю", "за 1 минуту"
# Masculine nouns in -а/-я and feminine ones in -ь that break that rule (Rosental, "Род существительных").
MASCULINE_IN_A = frozenset("мужчина юноша папа дедушка судья слуга коллега".split())


# Short words after a number that are not its noun ("1 на килограмм", "2 и 3").
NOT_NOUNS = frozenset(PREPOSITION_CASE) | frozenset("в во на за по и а но или же ли не".split())


def _gender_of(word: str, value: int, case: str = "n") -> str:
    if word in NOT_NOUNS:
        return "m"
    form = plural_form(value)
    if form == "one" and word not in MASCULINE_IN_A:
        if word.endswith(_FEMININE_AFTER_ONE) or (case in ("n", "a") and word.endswith(_FEMININE_ACCUSATIVE)):
            return "f"
        if word.endswith(_NEUTER_AFTER_ONE):
            return "n"
    if form == "few" and word.endswith(_FEMININE_AFTER_FEW):
        return "f"
    return "m"


_BARE_NUMBER = patterns.compile(rf"{_SIGN}{_BEFORE}({_DECIMAL})(?![\w]|[.,]\d)")


# Unit symbols with no number before them ("цена за м²") are read in the nominative singular.
BARE_UNITS = ("м²", "км²", "м³", "°C", "°С", "°")
_BARE_UNIT = patterns.compile(r"(?<![\w°])(" + alternation(BARE_UNITS) + r")(?![\w²³])")


def read_number_phrases(text: str) -> str:
    """Russian number phrases in words: dates, times, years, ordinals, money, units, numbers before nouns.

    Runs before the engine's number rules; what is left (digits in codes, phone numbers) is theirs.
    """
    if "в" in text:
        text = _CENTURY.sub(_read_century, text)
    if "." in text:
        text = _PLACE.sub(_read_place, text)
    if "I" in text or "V" in text or "X" in text:
        text = _ROMAN_AFTER_WORD.sub(_read_roman_after_word, text)
    if len(text) > 20:
        text = _LONG_GROUPED.sub(_read_long_grouped, text)
    if "№" in text:
        text = text.replace("№", " номер ")
    if not any(ch.isdigit() for ch in text):
        return _read_bare_units(text)
    text = _PHONE.sub(_read_phone, text)
    if BEFORE_NUMBER_PATTERN.search(text):
        text = BEFORE_NUMBER_PATTERN.sub(lambda m: BEFORE_NUMBER[m.group(1)] + " ", text)
    text = _FIRST_DAY.sub(_read_first_day, text)
    text = _DAY_MONTH.sub(_read_day_month, text)
    text = _NUMERIC_DATE.sub(_read_numeric_date, text)
    text = _TIME.sub(_read_time, text)
    if ":" in text:
        text = _RATIO.sub(_read_ratio, text)
    text = _YEAR_RANGE.sub(_read_year_range, text)
    text = _YEAR.sub(_read_year, text)
    text = _ORDINAL.sub(_read_ordinal, text)
    if "-" in text or "–" in text or "—" in text:
        text = _RANGE.sub(_read_range, text)
    text = _MONEY_PREFIX.sub(_read_money_prefix, text)
    text = _AMOUNT.sub(_read_amount, text)
    if "/" in text:
        text = _PER_UNIT.sub(_read_per_unit, text)
        text = _FRACTION.sub(_read_fraction, text)
    text = _BARE_NUMBER.sub(_read_bare_number, text)
    if "втор" in text:
        text = _V_BEFORE_CLUSTER.sub(r"\1о ", text)
    return _read_bare_units(text)


# "в" becomes "во" before "втор-" ("во втором туре"; Rosental, "Предлоги в/во").
_V_BEFORE_CLUSTER = patterns.compile(r"(?<![\w-])([Вв]) (?=втор)")


def _read_bare_units(text: str) -> str:
    if "²" in text or "³" in text or "°" in text:
        return _BARE_UNIT.sub(lambda m: UNIT_NOUNS[m.group(1)].form("n", False), text)
    return text


def say_year(value: int) -> str:
    """A bare year with no "год" after it is read as a cardinal; "в 1999 году" is read by the phrases."""
    return cardinal(value)


# Abbreviations expanded wherever they occur with their full stop (Rosental, "Сокращения";
# ГОСТ Р 7.0.12-2011; Gramota.ru). Number-bound ones ("руб.", "тыс.", "г.") are read with their number
# by :func:`read_number_phrases`; these are the readings left when no number goes with them.
EXPANSIONS = {
    "т. е": "то есть", "т. д": "так далее", "т. п": "тому подобное", "т. к": "так как",
    "т. н": "так называемый", "т. ч": "том числе", "н. э": "нашей эры", "др": "другие", "пр": "прочие",
    "см": "смотри", "См": "смотри", "ул": "улица", "пл": "площадь", "просп": "проспект", "пер": "переулок",
    "обл": "область",
    "им": "имени", "акад": "академик", "проф": "профессор", "доц": "доцент", "ок": "около",
    "напр": "например", "руб": "рублей", "коп": "копеек", "тыс": "тысяч", "долл": "долларов",
    "чел": "человек", "рис": "рисунок", "табл": "таблица", "англ": "английский", "св": "святой",
    "гг": "годы", "вв": "века", "пос": "посёлок", "дер": "деревня", "р-н": "район",
}
# One abbreviation, two readings: before a name ("г. Москва" -> "город"), after a word ("год").
CONTEXTUAL = {"г": ("город", "год")}
# Before a number only: "д. 5" -> "дом пять", "с. 12" -> "страница двенадцать".
BEFORE_NUMBER = {
    "д": "дом", "кв": "квартира", "с": "страница", "стр": "страница", "п": "пункт", "ст": "статья",
    "ч": "часть", "гл": "глава", "т": "том", "корп": "корпус",
}
def _soft_feminine(nominative: str) -> Noun:
    """Feminine in -ь: площадь, площади, площади, площадь, площадью, площади."""
    stem = nominative[:-1]
    return Noun("f", (nominative, stem + "и", stem + "и", nominative, stem + "ью", stem + "и"),
                (stem + "и", stem + "ей", stem + "ям", stem + "и", stem + "ями", stem + "ях"))


def _fleeting(nominative: str, stem: str) -> Noun:
    """Masculine with a fleeting vowel: посёлок, посёлка, ...; переулок, переулка, ..."""
    return Noun("m", (nominative, stem + "а", stem + "у", nominative, stem + "ом", stem + "е"),
                (stem + "и", stem + "ов", stem + "ам", stem + "и", stem + "ами", stem + "ах"))


# Place abbreviations before a name, declined after a preposition ("в г. Москва" -> "в городе Москва",
# "по ул. Ленина" -> "по улице Ленина"; ГОСТ Р 7.0.12-2011 for the abbreviations).
PLACE_NOUNS: Mapping[str, Noun] = {
    "г": _hard("город"), "ул": _feminine("улиц", "улиц"), "д": _hard("дом"), "пл": _soft_feminine("площадь"),
    "обл": _soft_feminine("область"), "просп": _hard("проспект"), "пос": _fleeting("посёлок", "посёлк"),
    "пер": _fleeting("переулок", "переулк"), "р-н": _hard("район"),
    # and the ones before a number: "по ст. 228" -> "по статье", "в п. 3" -> "в пункте", "в гл. 2"
    "ст": _feminine("стать", "статей"), "п": _hard("пункт"), "ч": _soft_feminine("часть"),
    "гл": _feminine("глав", "глав"), "стр": _feminine("страниц", "страниц"),
}
_PLACE = patterns.compile(r"(?<![\w.-])((?i:в|во|на|о|об|при|по|к|ко|из|с|со|до|у|от|около|согласно))\s(" + "|".join(
    sorted(PLACE_NOUNS, key=len, reverse=True)) + r")\.\s?(?=[А-ЯЁ\d])")


def _read_place(match: re.Match) -> str:
    preposition = match.group(1)
    lower = preposition.lower()
    case = "p" if lower in ("в", "во", "на", "о", "об", "при") else PREPOSITION_CASE.get(lower, "d")
    return f"{preposition} {PLACE_NOUNS[match.group(2)].form(case, False)} "


BEFORE_NUMBER_PATTERN = patterns.compile(
    r"(?<![\w.])(" + "|".join(sorted(BEFORE_NUMBER, key=len, reverse=True)) + r")\.\s?(?=\d)")
# Russian acronyms said as words (Gramota.ru: "ООН", "НАТО", "МИД", "вуз" are read, not spelled).
ACRONYM_READINGS = {"ООН": "оон", "НАТО": "нато", "МИД": "мид", "ВОЗ": "воз", "ВУЗ": "вуз", "ГОСТ": "гост"}
# Short capitalised words that are ordinary words when shouted (frequency list of the Russian National Corpus).
SHORT_WORDS = frozenset("""
    В ВО ВСЕ ВЫ ДА ДО ЕГО ЕЁ ЕЕ ЖЕ ЗА ИЗ ИХ КАК НА НЕ НО ОН ОНА ОНИ ОТ ПО ТАК ТЫ ЧТО ЭТО МЫ
""".split())
# Symbols said when they stand alone between words: NVDA's ``locale/ru/symbols.dic`` at level "some".
SYMBOL_WORDS = {
    "&": "и", "=": "равно", "+": "плюс", "×": "на", "±": "плюс-минус", "≈": "примерно",
    "≤": "меньше или равно", "≥": "больше или равно", "<": "меньше", ">": "больше", "§": "параграф",
    "©": "копирайт", "%": "процент", "‰": "промилле", "→": "в",
}
# Sentence splitting: CLDR segmentation suppressions (ru "standard") and Rosental's list of abbreviations.
# (Single lower-case letters, "д. 5", "с. 12", never end a sentence anyway; leaving them out lets the pair
# "т. д" below end one.)
NEVER_FINAL = frozenset("""
    акад бул доц им кв напр ок пер пл проф просп рис см ст стр т. е т. к т. н ул
""".split())
# A full stop after these ends a sentence only when a typical sentence opener follows.
MAY_END = frozenset("""
    вв г гг др коп млн млрд н. э пр руб т. д т. п тыс чел
""".split())
# Frequent first words of Russian sentences (frequency list of the Russian National Corpus, news).
SENTENCE_STARTERS = frozenset("""
    А В Во Вместе Все Всего Вы Где Для До Его Если Её Ее Затем За И Из Их К Как Когда Кроме Мы На Напомним Но
    О Однако Он Она Они Первый По Подробнее Позже После Потом Поэтому При Ранее Сегодня Сейчас С Также Так
    Тогда Теперь Это Этот Эта Эти Я
""".split())

RULES = LanguageRules(
    code=CODE,
    number_style=NumberStyle(group="\u00a0", decimal=","),  # CLDR ru: "1 234,5" with a no-break space
    words=frozen({**WORDS, "out_of": "из", "by": "на", "dot": "точка"}),
    months=frozen(MONTHS),
    say_year=say_year,
    say_cardinal=cardinal,
    read_phrases=read_number_phrases,
    fraction_as_number=True,
    never_final=NEVER_FINAL,
    may_end=MAY_END,
    sentence_starters=SENTENCE_STARTERS,
    expansions=frozen(EXPANSIONS),
    contextual=frozen(CONTEXTUAL),
    before_number=frozen(BEFORE_NUMBER),
    acronym_readings=frozen(ACRONYM_READINGS),
    short_words=SHORT_WORDS,
    symbol_words=frozen(SYMBOL_WORDS),
)
