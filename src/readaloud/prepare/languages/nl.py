"""Dutch: how numbers, dates, times, money, units and abbreviations are written and said.

Readings follow the Taalunie's Taaladvies ("getallen", "tijd", "afkortingen") and the Woordenlijst
Nederlandse Taal: numbers up to a million are one word ("tweeduizendeenentwintig"), "één" carries its
accents only standing alone, dates are read with a cardinal day ("21 mei" -> "eenentwintig mei"), "14.30
uur" is "veertien uur dertig", "€ 12,50" is "twaalf euro vijftig". Number words are num2words'.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ... import patterns
from .. import numbers
from ..numbers import NumberStyle, num2words
from .rules import LanguageRules, frozen, with_capitals

CODE = "nl"

# The little words of number reading, symbols and links.
WORDS = {
    "point": "komma", "minus": "min", "to": "tot", "percent": "procent", "permille": "promille", "and": "en",
    "plus": "plus", "equals": "is gelijk aan", "number": "nummer", "hashtag": "hashtag", "at": "apenstaartje",
    "degrees": "graden", "degree": "graad", "times": "keer", "about": "ongeveer", "plus_minus": "plus min",
    "section": "paragraaf", "link": "link naar", "email": "e-mailadres bij", "per": "per", "o_clock": "uur",
    "the": "", "of": "", "or": "of", "cents_and": "", "out_of": "op", "by": "bij", "dot": "punt",
    "ratio": "op",
}

# Month names (CLDR nl "format wide"), lower-case as Dutch writes them.
_MONTH_NAMES = "januari februari maart april mei juni juli augustus september oktober november december".split()
MONTHS = {**{name: number for number, name in enumerate(_MONTH_NAMES, start=1)},
          **{name.capitalize(): number for number, name in enumerate(_MONTH_NAMES, start=1)}}

# Currency symbol or code -> (one, many, minor one, minor many), from CLDR "currencies" (nl). Dutch says
# "twaalf euro vijftig": the cents are a bare number after the unit (names_minor_unit off).
CURRENCIES = {
    "$": ("dollar", "dollar", "cent", "cent"), "US$": ("Amerikaanse dollar", "Amerikaanse dollar", "cent", "cent"),
    "€": ("euro", "euro", "cent", "cent"), "£": ("pond", "pond", "pence", "pence"),
    "¥": ("yen", "yen", None, None), "₹": ("roepie", "roepie", None, None), "₽": ("roebel", "roebel", None, None),
    "CHF": ("Zwitserse frank", "Zwitserse frank", "rappen", "rappen"),
}

# Scale words after a number: written form -> power of ten ("3,5 mln.", "2 mld."; Woordenlijst).
SCALE_SUFFIXES = {
    "mln.": 6, "mln": 6, "miljoen": 6, "mld.": 9, "mld": 9, "miljard": 9, "biljoen": 12,
}
SCALE_WORDS = {3: ("duizend", "duizend"), 6: ("miljoen", "miljoen"), 9: ("miljard", "miljard"),
               12: ("biljoen", "biljoen")}
SCALED_PATTERN = r"\s(mln\.?|mld\.?)(?!\w)"

# Unit symbol -> (one, many): SI brochure symbols with the Dutch names of CLDR "units" (nl); Dutch keeps
# most measure words singular after a number ("vijf kilo", "tien meter"; Taalunie, "maateenheden").
UNITS = {
    "MP": ("megapixel", "megapixel"),  # a camera's megapixels ("48 MP"; Van Dale: megapixel)
    # the inch of screens and wheels ("een 55\"-tv", the double prime) and tyre pressure in psi
    # (CLDR nl: inch, pond per vierkante inch)
    "″": ("inch", "inch"), "psi": ("pond per vierkante inch", "pond per vierkante inch"),
    "km": ("kilometer", "kilometer"), "m": ("meter", "meter"), "cm": ("centimeter", "centimeter"),
    "mm": ("millimeter", "millimeter"), "µm": ("micrometer", "micrometer"), "nm": ("nanometer", "nanometer"),
    "mi": ("mijl", "mijl"), "ft": ("voet", "voet"), "yd": ("yard", "yard"), "kg": ("kilo", "kilo"),
    "g": ("gram", "gram"), "mg": ("milligram", "milligram"), "lb": ("pond", "pond"), "lbs": ("pond", "pond"),
    "oz": ("ons", "ons"), "l": ("liter", "liter"), "L": ("liter", "liter"), "ml": ("milliliter", "milliliter"),
    "mL": ("milliliter", "milliliter"), "km/h": ("kilometer per uur", "kilometer per uur"),
    "km/u": ("kilometer per uur", "kilometer per uur"), "kph": ("kilometer per uur", "kilometer per uur"),
    "mph": ("mijl per uur", "mijl per uur"), "m/s": ("meter per seconde", "meter per seconde"),
    "m²": ("vierkante meter", "vierkante meter"), "km²": ("vierkante kilometer", "vierkante kilometer"),
    "m³": ("kubieke meter", "kubieke meter"), "ha": ("hectare", "hectare"), "°C": ("graad Celsius", "graden Celsius"),
    "°F": ("graad Fahrenheit", "graden Fahrenheit"), "°": ("graad", "graden"), "kW": ("kilowatt", "kilowatt"),
    "kWh": ("kilowattuur", "kilowattuur"), "MW": ("megawatt", "megawatt"), "GW": ("gigawatt", "gigawatt"),
    "Hz": ("hertz", "hertz"), "kHz": ("kilohertz", "kilohertz"), "MHz": ("megahertz", "megahertz"),
    "GHz": ("gigahertz", "gigahertz"), "KB": ("kilobyte", "kilobyte"), "kB": ("kilobyte", "kilobyte"),
    "MB": ("megabyte", "megabyte"), "GB": ("gigabyte", "gigabyte"), "TB": ("terabyte", "terabyte"),
    "ms": ("milliseconde", "milliseconden"), "sec": ("seconde", "seconden"), "min": ("minuut", "minuten"),
    "u": ("uur", "uur"),
}

# Vulgar fractions written out (Taalunie, "breuken").
VULGAR_FRACTIONS = {
    "½": "een half", "⅓": "een derde", "⅔": "twee derde", "¼": "een kwart", "¾": "drie kwart",
    "⅕": "een vijfde", "⅛": "een achtste",
}

# Symbols said when they stand alone between words: NVDA's ``locale/nl/symbols.dic`` at level "some".
SYMBOL_WORDS = {
    "&": "en", "=": "is", "+": "plus", "×": "keer", "±": "plus min", "≈": "ongeveer", "≤": "kleiner dan of gelijk aan",
    "≥": "groter dan of gelijk aan", "<": "kleiner dan", ">": "groter dan", "§": "paragraaf", "©": "copyright",
    "%": "procent", "‰": "promille", "→": "naar",
}

ROMAN_CARDINAL_CONTEXT = frozenset("Artikel Bijlage Boek Deel Fase Hoofdstuk Klasse Seizoen Titel".split())
REGNAL_TITLES = frozenset("Koning koning Koningin koningin Keizer keizer Paus paus Prins prins Tsaar tsaar".split())

# Sentence splitting: CLDR segmentation suppressions (nl "standard") and the Woordenlijst's abbreviations.
NEVER_FINAL = frozenset("""
    bijv blz ca d.w.z dhr Dhr dr Dr drs Drs ing Ing ir Ir mevr Mevr mr Mr nr Nr o.a prof Prof t.o.v m.b.t i.p.v
    z.g.a.n vs
""".split())
MAY_END = frozenset("a.s e.d enz etc jl mln mld n.Chr v.Chr".split())
SENTENCE_STARTERS = frozenset("""
    Al Alle Als Bij Daarna Daarom Dan Dat De Deze Die Dit Door Een Er Het Hij Hoe Ik In Maar Met Na Naar Niet
    Nu Om Ook Op Toch Toen Van Verder Volgens Voor Wat We Wij Zij Ze Zo
""".split())

# Abbreviations expanded wherever they occur with their full stop (Woordenlijst Nederlandse Taal,
# "afkortingen"; Taalunie).
EXPANSIONS = {
    "bijv": "bijvoorbeeld", "d.w.z": "dat wil zeggen", "o.a": "onder andere", "m.b.t": "met betrekking tot",
    "t.o.v": "ten opzichte van", "i.p.v": "in plaats van", "enz": "enzovoort", "etc": "et cetera",
    "dhr": "de heer", "mevr": "mevrouw", "mr": "meester", "dr": "doctor", "drs": "doctorandus",
    "ir": "ingenieur", "ing": "ingenieur", "prof": "professor", "blz": "bladzijde", "ca": "circa",
    "a.s": "aanstaande", "jl": "jongstleden", "vs": "versus", "n.Chr": "na Christus", "v.Chr": "voor Christus",
    "e.d": "en dergelijke", "z.g.a.n": "zo goed als nieuw", "incl": "inclusief", "excl": "exclusief",
    "Dhr": "de heer", "Mevr": "mevrouw", "Mr": "meester", "Dr": "doctor", "Drs": "doctorandus",
    "Ir": "ingenieur", "Ing": "ingenieur", "Prof": "professor",
    "afb": "afbeelding", "tel": "telefoon", "jan": "januari", "feb": "februari", "aug": "augustus",
    "sept": "september", "okt": "oktober", "nov": "november", "dec": "december",
}
CONTEXTUAL = {"St": ("Sint", "Sint")}
BEFORE_NUMBER = {"nr": "nummer", "art": "artikel", "blz": "bladzijde", "p": "pagina"}
ACRONYM_READINGS = {"NAVO": "Navo", "VN": "V.N", "EU": "E.U", "OK": "oké", "ANWB": "A.N.W.B", "NOS": "Nos"}
SHORT_WORDS = frozenset("""
    AL ALS AAN BIJ DAT DE DIE DIT EEN EN ER HET HIJ IK IN IS JA MET NA NEE NIET NOG NU OF OM OOK OP TE TOT UIT
    VAN VOOR WAS WAT WE ZE ZIJ
""".split())

# Words before a four-digit number that make it a year ("in 1999", "sinds 2010"; Taalunie, "jaartallen").
YEAR_CUES = frozenset("""
    In in sinds Sinds tot Tot van Van vanaf Vanaf voor Voor na Na rond Rond begin eind midden jaar zomer winter
    lente herfst voorjaar najaar sedert anno en of
""".split())

# "14:30", "14.30 uur", "14 uur". Groups: hour, minutes after ":", minutes after "." (before "uur").
TIME_PATTERN = r"(?<![\w.,:])([01]?\d|2[0-4])(?::([0-5]\d)(?![\d:])|\.([0-5]\d)(?=\s?uur))(?:\s?uur\b)?"
# "1e", "2de", "3de", "8ste", "21ste" (Taalunie, "rangtelwoorden": the suffix as written).
ORDINAL_PATTERN = r"(?<![\w.,])(\d+)(?:e|de|ste|ste)\b"
# Dutch phone numbers (ACM numbering plan): 0 + area code + subscriber, ten digits ("020-1234567",
# "06-12345678", "0123 456 789"), or "+31" first. Read digit by digit, group by group.
PHONE_PATTERN = patterns.compile(r"(?<![\w+.,/-])(\+31[\s.-]?(?:\(0\))?|0)(\d{1,3})[\s.-](\d{2,4}(?:[\s.]?\d{2,4}){0,3})"
                           r"(?![\w-]|[.,]\d)")
_ACCENTED_ONE = patterns.compile(r"(?<=\w)één|één(?=\w)")


@lru_cache(maxsize=4096)  # num2words is slow per call; "1/1/1/..." would call it thousands of times
def say_cardinal(value: int) -> str:
    """ "101" -> "honderdeen" (num2words writes "honderdéén"; the accents only mark a stressed "één")."""
    if value < 0:
        return f"{WORDS['minus']} {say_cardinal(-value)}"
    if len(str(value)) > numbers.MAX_CARDINAL_DIGITS:
        return numbers.digits(str(value), CODE)
    return _ACCENTED_ONE.sub("een", num2words(value, lang=CODE).replace(",", ""))


def say_year(value: int) -> str:
    """ "1999" -> "negentienhonderdnegenennegentig", "2021" -> "tweeduizendeenentwintig"."""
    return _ACCENTED_ONE.sub("een", num2words(value, lang=CODE, to="year").replace(" ", ""))


def ordinal(value: int) -> str:
    """ "21" -> "eenentwintigste"."""
    return _ACCENTED_ONE.sub("een", numbers.ordinal(value, CODE))


def say_ordinal(match: re.Match) -> str:
    """ "de 3e plaats" -> "de derde plaats"."""
    return ordinal(int(match.group(1)))


def say_date(day: int, month: int, year: int | None, before: str = "") -> str:
    """ "21-5-2021" -> "eenentwintig mei tweeduizendeenentwintig" (a cardinal day; Taalunie)."""
    spoken = f"{say_cardinal(day)} {RULES.month_name(month)}"
    return spoken + (f" {say_year(year)}" if year else "")


def say_day_month(day: int, month: int, month_text: str, year: int | None, before: str,
                  dotted: bool) -> str:
    """ "21 mei 2021" -> "eenentwintig mei tweeduizendeenentwintig"."""
    return f"{say_cardinal(day)} {month_text}" + (f" {say_year(year)}" if year else "")


def say_time(hour: int, minutes: str) -> str:
    """ "14.30 uur" -> "veertien uur dertig", "9:00" -> "negen uur"."""
    spoken = f"{say_cardinal(hour)} uur"
    return spoken + (f" {say_cardinal(int(minutes))}" if minutes and minutes != "00" else "")


def say_fraction(top: int, bottom: int, whole: int | None, forced: bool) -> str | None:
    """ "1/3" -> "een derde", "3/4" -> "drie kwart", "1/2" -> "een half", "1 1/2" -> "anderhalf" (Taalunie,
    "breuken")."""
    if bottom < 2 or top >= bottom or bottom > 100:
        return None
    if whole == 1 and (top, bottom) == (1, 2):
        return "anderhalf"
    count = "een" if top == 1 else say_cardinal(top)
    fraction = "een half" if (top, bottom) == (1, 2) else f"{count} {ordinal(bottom)}"
    if (top, bottom) in ((1, 4), (3, 4)):
        fraction = f"{'een' if top == 1 else 'drie'} kwart"
    return fraction if whole is None else f"{say_cardinal(whole)} en {fraction}"


def _say_phone(match: re.Match) -> str:
    """ "020-1234567" -> "nul twee nul, een twee drie vier vijf zes zeven"."""
    prefix, area, rest = match.groups()
    digits = area + re.sub(r"\D", "", rest)
    if len(digits) != 9:
        return match.group()  # not a Dutch number: nine digits after the 0 or the +31
    spoken = [numbers.digits(prefix + area if prefix == "0" else area, CODE)]
    spoken += [numbers.digits(group, CODE) for group in re.findall(r"\d+", rest)]
    return ("plus eenendertig, " if prefix != "0" else "") + ", ".join(spoken)


def read_phrases(text: str) -> str:
    """Before the engine's rules: phone numbers, which the shared rule reads as arithmetic."""
    return PHONE_PATTERN.sub(_say_phone, text) if "0" in text or "+31" in text else text


def say_regnal(value: int) -> str:
    """ "Willem III" -> "Willem de Derde"."""
    words = ordinal(value)
    return f"de {words[:1].upper()}{words[1:]}"


RULES = LanguageRules(
    rating_nouns=frozenset({"sterren", "punten"}),  # a review's "4/5 stars": out of
    code=CODE,
    number_style=NumberStyle(group=".", decimal=","),  # CLDR nl: "1.234,5"
    words=frozen(WORDS),
    months=frozen(MONTHS),
    say_year=say_year,
    say_cardinal=say_cardinal,
    read_phrases=read_phrases,
    fraction_as_number=True,
    one_before_noun=("één", "één"),
    currencies=frozen(CURRENCIES),
    scale_suffixes=frozen(SCALE_SUFFIXES),
    scale_words=frozen(SCALE_WORDS),
    scaled_pattern=SCALED_PATTERN,
    units=frozen(with_capitals(UNITS)),  # also "12KG", "500 ML", as listings print them
    vulgar_fractions=frozen(VULGAR_FRACTIONS),
    say_fraction=say_fraction,
    year_cues=YEAR_CUES,
    say_day_month=say_day_month,
    say_date=say_date,
    time_pattern=TIME_PATTERN,
    say_time=say_time,
    ordinal_pattern=ORDINAL_PATTERN,
    say_ordinal=say_ordinal,
    roman_cardinal_context=ROMAN_CARDINAL_CONTEXT,
    regnal_titles=REGNAL_TITLES,
    say_regnal=say_regnal,
    never_final=NEVER_FINAL,
    may_end=MAY_END,
    sentence_starters=SENTENCE_STARTERS,
    expansions=frozen(EXPANSIONS),
    contextual=frozen(CONTEXTUAL),
    before_number=frozen(BEFORE_NUMBER),
    acronym_readings=frozen(ACRONYM_READINGS),
    short_words=SHORT_WORDS,
    symbol_words=frozen(SYMBOL_WORDS),
    slash_per="per",
)
