"""German: how numbers, dates, money, units and abbreviations are written and said.

Readings follow the Duden (ordinals inflected after articles and prepositions, "am dritten Oktober");
number words are num2words'.
"""

from __future__ import annotations

import re

from ... import patterns
from .. import numbers
from ..numbers import NumberStyle, WrittenNumber
from .rules import LanguageRules, frozen, with_capitals, with_lower_case

CODE = "de"

# The little words of number reading, symbols and links.
WORDS = {
    "point": "Komma", "minus": "minus", "to": "bis", "percent": "Prozent", "permille": "Promille",
    "and": "und", "plus": "plus", "equals": "gleich", "number": "Nummer", "hashtag": "Hashtag", "at": "at",
    "degrees": "Grad", "degree": "Grad", "times": "mal", "about": "etwa", "plus_minus": "plus minus",
    "section": "Paragraf", "link": "Link zu", "email": "E-Mail-Adresse bei", "per": "pro", "o_clock": "Uhr",
    "the": "", "of": "",
    "or": "oder", "cents_and": "", "ratio": "zu", "out_of": "von", "by": "mal", "dot": "Punkt",
}

# Month names as written in dates (CLDR "format wide"; "Jänner" is Austrian usage).
MONTHS = {
    "Januar": 1, "Jänner": 1, "Februar": 2, "März": 3, "April": 4, "Mai": 5, "Juni": 6, "Juli": 7, "August": 8,
    "September": 9, "Oktober": 10, "November": 11, "Dezember": 12,
}

# Day names (CLDR de day names), for ranges such as "Monday–Friday".
WEEKDAYS = frozenset("Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag".split())
# Opening hours write them with two letters ("Mo-Fr", "Sa–So"; DIN 5008 and Duden, Wochentage).
WEEKDAY_ABBREVIATIONS = {"Mo": "Montag", "Di": "Dienstag", "Mi": "Mittwoch", "Do": "Donnerstag", "Fr": "Freitag",
                         "Sa": "Samstag", "So": "Sonntag"}
# After a slash following an amount ("80 €/Nacht", "5 Euro/Stück"): per, and how the word is said.
PER_WORDS = {word.lower(): word for word in "Nacht Tag Monat Jahr Woche Stunde Stück Person Kopf Kilo".split()}
PER_WORDS.update({"std": "Stunde", "h": "Stunde", "kg": "Kilogramm", "min": "Minute", "l": "Liter",
                  "kwh": "Kilowattstunde"})

# Currency symbol or code -> (one, many, minor one, minor many), from CLDR "currencies" (de).
CURRENCIES = {
    "$": ("Dollar", "Dollar", "Cent", "Cent"), "US$": ("US-Dollar", "US-Dollar", "Cent", "Cent"),
    "€": ("Euro", "Euro", "Cent", "Cent"), "£": ("Pfund", "Pfund", "Penny", "Pence"),
    "¥": ("Yen", "Yen", None, None), "₹": ("Rupie", "Rupien", None, None), "₽": ("Rubel", "Rubel", None, None),
    "CHF": ("Franken", "Franken", "Rappen", "Rappen"),
    "kr": ("Krone", "Kronen", None, None),  # the Nordic crowns (CLDR de "Krone")
}

# Scale words after a number ("3,5 Mio."): written form -> power of ten (Duden abbreviations).
SCALE_SUFFIXES = {
    "Tsd.": 3, "Tausend": 3, "Mio.": 6, "Million": 6, "Millionen": 6, "Mrd.": 9, "Milliarde": 9,
    "Milliarden": 9, "Bio.": 12, "Billion": 12, "Billionen": 12,
    # in lower case too, as chats and forums write them ("2 millionen euro")
    "million": 6, "millionen": 6, "milliarde": 9, "milliarden": 9,
}
# How each scale is said, singular and plural.
SCALE_WORDS = {
    3: ("Tausend", "Tausend"), 6: ("Million", "Millionen"), 9: ("Milliarde", "Milliarden"),
    12: ("Billion", "Billionen"),
}

# Unit symbol -> (one, many): SI brochure symbols with the German names of CLDR "units" (de).
UNITS = {
    "MP": ("Megapixel", "Megapixel"),  # a camera's megapixels ("48 MP"; Duden: Megapixel)
    # the cent of petrol and power prices ("32 ct/kWh"; Duden: ct)
    "ct": ("Cent", "Cent"),
    # the spoons of German recipes ("2 EL Öl", "1/2 TL Salz"; Duden: EL, TL)
    "EL": ("Esslöffel", "Esslöffel"), "TL": ("Teelöffel", "Teelöffel"),
    # the inch of screens and wheels ("ein 55\"-Fernseher", the double prime) and tyre pressure in psi
    # (CLDR de: Zoll, Pfund pro Quadratzoll)
    "″": ("Zoll", "Zoll"), "psi": ("Pfund pro Quadratzoll", "Pfund pro Quadratzoll"),
    "km": ("Kilometer", "Kilometer"), "m": ("Meter", "Meter"), "cm": ("Zentimeter", "Zentimeter"),
    "mm": ("Millimeter", "Millimeter"), "µm": ("Mikrometer", "Mikrometer"), "nm": ("Nanometer", "Nanometer"),
    "mi": ("Meile", "Meilen"), "ft": ("Fuß", "Fuß"), "yd": ("Yard", "Yards"), "kg": ("Kilogramm", "Kilogramm"),
    "g": ("Gramm", "Gramm"), "mg": ("Milligramm", "Milligramm"), "lb": ("Pfund", "Pfund"),
    "lbs": ("Pfund", "Pfund"), "oz": ("Unze", "Unzen"), "l": ("Liter", "Liter"), "L": ("Liter", "Liter"),
    "ml": ("Milliliter", "Milliliter"), "mL": ("Milliliter", "Milliliter"),
    "km/h": ("Kilometer pro Stunde", "Kilometer pro Stunde"),
    "kph": ("Kilometer pro Stunde", "Kilometer pro Stunde"), "mph": ("Meile pro Stunde", "Meilen pro Stunde"),
    "m/s": ("Meter pro Sekunde", "Meter pro Sekunde"), "m²": ("Quadratmeter", "Quadratmeter"),
    "km²": ("Quadratkilometer", "Quadratkilometer"), "m³": ("Kubikmeter", "Kubikmeter"),
    "ha": ("Hektar", "Hektar"), "°C": ("Grad Celsius", "Grad Celsius"),
    "°F": ("Grad Fahrenheit", "Grad Fahrenheit"), "°": ("Grad", "Grad"), "kW": ("Kilowatt", "Kilowatt"),
    "kWh": ("Kilowattstunde", "Kilowattstunden"), "MW": ("Megawatt", "Megawatt"),
    "GW": ("Gigawatt", "Gigawatt"), "Hz": ("Hertz", "Hertz"), "kHz": ("Kilohertz", "Kilohertz"),
    "MHz": ("Megahertz", "Megahertz"), "GHz": ("Gigahertz", "Gigahertz"), "KB": ("Kilobyte", "Kilobyte"),
    "kB": ("Kilobyte", "Kilobyte"), "MB": ("Megabyte", "Megabyte"), "GB": ("Gigabyte", "Gigabyte"),
    "TB": ("Terabyte", "Terabyte"), "ms": ("Millisekunde", "Millisekunden"), "sec": ("Sekunde", "Sekunden"), "s": ("Sekunde", "Sekunden"),
    "min": ("Minute", "Minuten"), "hrs": ("Stunde", "Stunden"),
    "mAh": ("Milliamperestunde", "Milliamperestunden"),
    "h": ("Stunde", "Stunden"), "μm": ("Mikrometer", "Mikrometer"), "mV": ("Millivolt", "Millivolt"),
}

# Vulgar fractions, as the Duden writes them out.
VULGAR_FRACTIONS = {
    "½": "einhalb", "⅓": "ein Drittel", "⅔": "zwei Drittel", "¼": "ein Viertel", "¾": "drei Viertel",
    "⅕": "ein Fünftel", "⅛": "ein Achtel",
}

# Symbols said when they stand alone between words: NVDA's ``locale/de/symbols.dic`` at level "some".
SYMBOL_WORDS = {
    "&": "und", "=": "gleich", "+": "plus", "×": "mal", "±": "plus minus", "≈": "ungefähr",
    "≤": "kleiner gleich", "≥": "größer gleich", "<": "kleiner als", ">": "größer als", "§": "Paragraf",
    "©": "Copyright", "%": "Prozent", "‰": "Promille", "→": "nach",
}

# Words before a Roman numeral that make it a cardinal ("Teil II" -> "zwei").
ROMAN_CARDINAL_CONTEXT = frozenset("""
    Abschnitt Akt Anhang Artikel Band Buch Division Folge Kapitel Kategorie Klasse Liga Phase Runde Staffel
    Stufe Teil Typ Vatikanum Weltkrieg
""".split())
# Titles before a regnal name: after them even a lone "I" is a numeral.
REGNAL_TITLES = frozenset("""
    Herzog Herzogin Kaiser Kaiserin Kurfürst König Königin Markgraf Papst Pharao Prinz Prinzessin Sultan Zar
    Zarin
""".split())

# Sentence splitting: CLDR segmentation suppressions (de "standard") and the Duden abbreviation list.
NEVER_FINAL = frozenset("""
    Abb Abs Apr Art Aug Bd Dez Dipl Dr Feb Fr Hr Hrn Ing Jan Jul Jun Kap Mär Nov Nr Okt Prof S Sep Sept St
    Str Tel allg bzgl bzw ca d. h d.h evtl exkl geb gem ggf i. d. R inkl max min o. g s. o s. u sog u. U u. a
    u.a urspr v. a vgl z. B z.B zzgl
    Mr Mrs Ms
""".split())
# A full stop after these ends a sentence only when a typical sentence opener follows.
MAY_END = frozenset("""
    Co GmbH Jh Min Mio Mrd Sek Std Tsd e. V e.V etc n. Chr o. Ä o. ä u. Ä u. ä usw v. Chr
""".split())
# The most frequent first words of sentences on the readability test pages.
SENTENCE_STARTERS = frozenset("""
    Aber Alle Als Am An Auch Auf Aus Außerdem Bei Dabei Daher Damals Damit Danach Dann Das Dem Den Denn Der
    Des Deshalb Die Dies Diese Dieser Dieses Doch Ein Eine Einem Einen Er Es Heute Ich Ihr Ihre Im In Jedoch
    Kein Keine Man Mit Nach Nicht Noch Nun Oder Sein Seine Seitdem Sie So Später Trotzdem Und Unser Viele Vor
    Warum Was Wenn Wer Wie Wir Wo Zudem Zuvor
""".split())
# A full stop after a number is an ordinal, not a sentence end, after these words ("am 3. Oktober").
ORDINAL_CONTEXT_WORDS = frozenset("""
    Ab Am Bis Das Dem Den Der Die Im Seit Vom Zum ab am beim bis das dem den der des die ihr ihre ihrem ihren
    im jedem jeden sein seine seinem seinen seit vom zum zur
""".split())

# Abbreviations expanded wherever they occur with their full stop (Duden "Abkürzungen").
EXPANSIONS = {
    "Mr": "Mister", "Mrs": "Misses", "Ms": "Miss",  # English titles as German news keeps them
    "z. B": "zum Beispiel", "d. h": "das heißt", "u. a": "unter anderem", "s. o": "siehe oben",
    "s. u": "siehe unten", "v. a": "vor allem", "u. U": "unter Umständen", "i. d. R": "in der Regel",
    "o. g": "oben genannt", "u. Ä": "und Ähnliches", "o. Ä": "oder Ähnliches", "o. ä": "oder ähnlich",
    "u. ä": "und ähnlich", "v. Chr": "vor Christus", "n. Chr": "nach Christus", "e. V": "eingetragener Verein",
    "Dr": "Doktor", "Prof": "Professor", "Hr": "Herr", "Hrn": "Herrn", "Str": "Straße", "Nr": "Nummer",
    "vgl": "vergleiche", "bzw": "beziehungsweise", "ca": "circa", "evtl": "eventuell", "ggf": "gegebenenfalls",
    "inkl": "inklusive", "exkl": "exklusive", "bzgl": "bezüglich", "sog": "sogenannte", "Abb": "Abbildung",
    # the floors and rooms of flat listings (Duden: OG, EG, DG, UG; Zi., Whg.)
    "Zi": "Zimmer", "Whg": "Wohnung",
    "Bd": "Band", "Kap": "Kapitel", "Abs": "Absatz", "Tel": "Telefon", "gem": "gemäß", "geb": "geboren",
    "usw": "und so weiter", "etc": "et cetera", "Mio": "Millionen", "Mrd": "Milliarden", "Tsd": "Tausend",
    "Jh": "Jahrhundert", "Std": "Stunden", "Min": "Minuten", "Sek": "Sekunden", "zzgl": "zuzüglich", "allg": "allgemein", "Jan": "Januar",
    "Feb": "Februar", "Mär": "März", "Apr": "April", "Jun": "Juni", "Jul": "Juli", "Aug": "August",
    "Sep": "September", "Sept": "September", "Okt": "Oktober", "Nov": "November", "Dez": "Dezember",
}
# One abbreviation, two readings (before a name, after a name or number).
CONTEXTUAL = {
    "St": ("Sankt", "Sankt"),
}
# Before a number only: "S. 12" -> "Seite zwölf".
BEFORE_NUMBER = {
    "S": "Seite", "Art": "Artikel",
}
# How German speakers say these capitalised abbreviations.
ACRONYM_READINGS = {
    "USA": "U.S.A", "WHO": "W.H.O", "ADAC": "Adac", "DAX": "Dax", "NRW": "N.R.W", "GmbH": "G.m.b.H",
    "AfD": "A.f.D", "SPD": "S.P.D", "CDU": "C.D.U", "CSU": "C.S.U", "FDP": "F.D.P", "OK": "okay", "TV": "T.V",
    "AIDS": "Aids",
    # the floors of flat listings, said in full (Duden: OG Obergeschoss, EG, DG, UG)
    "OG": "Obergeschoss", "EG": "Erdgeschoss", "DG": "Dachgeschoss", "UG": "Untergeschoss",
}
# Short capitalised words that are ordinary words when shouted (Leipzig Corpora Collection, German news).
SHORT_WORDS = frozenset("""
    AB ALS AM AN AUF AUS BEI BIS DA DAS DEM DEN DER DES DIE DU EIN ER ES FÜR GUT HAT IM IN IST JA MAN MIT NEU
    NIE NUN OFT SIE SO UM UND VON VOR WAR WAS WER WIE WO ZU ZUM ZUR
""".split())

# Words before a four-digit number that make it a year ("im Jahr 1990", "seit 1998").
YEAR_CUES = frozenset("""
    Anfang Ende Frühjahr Herbst Jahr Jahre Jahren Jahres Mitte Saison Sommer Winter ab anno bis im in nach
    oder seit um und vom von vor zwischen
""".split())

# Case of an ordinal after these words (Duden, "Deklination der Ordnungszahlen"): dative/accusative
# "am dritten", nominative "der dritte"; on its own a date's day is "dritter Oktober".
# The "-en" forms: dative, genitive and masculine accusative after an article or a contraction
# ("am", "zum", "zur"), and after "ab", "bis", "seit" before a date ("seit dem dritten").
_EN_BEFORE = """am vom zum im beim dem den des zur seit ab bis ihrem seinem ihren seinen ihres seines ihrer
    seiner jeden jedem jedes einem einen einer eines unserem unseren unserer deren dessen""".split()
# The "-e" forms: nominative singular after a definite or possessive article ("der dritte Teil").
_E_BEFORE = "der die das ihre seine jede eine unsere diese".split()
DATIVE_BEFORE = frozenset(_EN_BEFORE + [w.capitalize() for w in _EN_BEFORE])
NOMINATIVE_BEFORE = frozenset(_E_BEFORE + [w.capitalize() for w in _E_BEFORE])
_ARTICLES_BEFORE = (DATIVE_BEFORE | NOMINATIVE_BEFORE) - {"seit", "ab", "bis", "im", "Seit", "Ab", "Bis", "Im"}

# "14:30", "14.30 Uhr", "14 Uhr"; groups: hour, minutes after ":", minutes after ".", "Uhr".
TIME_PATTERN = (r"(?<![\w.,:])([01]?\d|2[0-4])(?::([0-5]\d)(?::(?P<seconds>[0-5]\d))?|\.([0-5]\d)(?=\s?Uhr))"
                r"(?![\d:])(\s?Uhr)?")
# A number with a full stop inside a sentence is an ordinal ("am 3. Oktober", "der 2. Weltkrieg"): the
# sentence splitter has already cut where such a dot ends a sentence. Groups: word before, number.
# At the end of a sentence the dot is also the full stop; there it is an ordinal only after an article or
# a preposition that asks for one ("bis zum 3.", "am 3."), not in "Es waren 3.".
# A four-digit ordinal ("zum 1000. Mal") only after an article or a contraction with one: after "seit",
# "bis", "im" or a verb it is a year before the full stop ("seit 1990. Danach").
# Informal writing puts the ending on the digits ("am 3ten", "der 2te", "zum 100sten Mal"): groups 3, 4.
ORDINAL_PATTERN = (r"(?<![\w.,])(?:(\w+)\s)?(\d{1,4})(?:\.(?=\s+[\w\ue000-\uf8ff]|\s*$)"
                   r"|(s?te)([nmrs]?)\b)")
DECADE_PATTERN = r"(?<![\w])(\d{2}|1\d\d0|20\d0)er\b"
SCALED_PATTERN = r"\s((?:Mio|Mrd|Tsd|Bio)\.)"


def say_year(value: int) -> str:
    """ "1990" -> "neunzehnhundertneunzig"."""
    return numbers.year_words(value, CODE)


def ordinal(value: int, before: str, date: bool = False) -> str:
    """Inflected as a reader would: "am dritten", "der dritte", and "dritter Oktober" on its own."""
    base = numbers.ordinal(value, CODE)
    if before in DATIVE_BEFORE:
        return base + "n"
    if before in NOMINATIVE_BEFORE or not date:
        return base
    return base + "r"


_TEXT_END = patterns.compile(r"\s*\Z")
_NEXT_NOUN = patterns.compile(r"\s+([A-ZÄÖÜ][\wäöüß]*)")

# An ordinal that opens a heading or a list line with no article before its noun takes the strong ending of
# the nominative, which depends on the noun's gender (Duden, Grammatik: starke Deklination des Adjektivs:
# "Zweiter Weltkrieg", "Zweite Bundesliga", "Drittes Kapitel"). The nouns news pages number most often,
# by gender; a noun not listed keeps the plain form.
_STRONG_ENDINGS = {"m": "r", "f": "", "n": "s"}
_ORDINAL_NOUN_GENDER = {
    **dict.fromkeys("""Geburtstag Platz Rang Weltkrieg Tag Jahrestag Versuch Sieg Teil Band Stock Spieltag Durchgang
        Lauf Akt Satz Schritt Preis Bezirk Advent Sonntag Monat Abschnitt Artikel FC""".split(), "m"),
    **dict.fromkeys("""Bundesliga Liga Klasse Runde Auflage Ausgabe Etage Woche Staffel Folge Halbzeit Stufe Welle
        Mannschaft Reihe Lesung Sitzung Amtszeit Generation""".split(), "f"),
    **dict.fromkeys("""Jahr Mal Kapitel Spiel Tor Jahrhundert Jahrtausend Quartal Semester Rennen Treffen Album
        Buch Gebot Programm Konzert Halbjahr""".split(), "n"),
}


def _heading_ordinal(match: re.Match, value: int) -> str | None:
    """ "2. Weltkrieg" at the start of a heading -> "zweiter Weltkrieg"; None when the noun is not known."""
    if match.group(1) or match.string[:match.start()].strip():
        return None
    noun = _NEXT_NOUN.match(match.string, match.end())
    gender = _ORDINAL_NOUN_GENDER.get(noun.group(1)) if noun else None
    return numbers.ordinal(value, CODE) + _STRONG_ENDINGS[gender] if gender else None


# Prepositions with the dative (Duden): after them "der" is a feminine dative ("in der 2. Runde" ->
# "zweiten"), not a nominative.
_DATIVE_PREPOSITIONS = frozenset("in an auf bei mit nach von vor zu aus unter über hinter neben zwischen "
                                 "gegenüber während wegen trotz".split())


def _case_marker(match: re.Match, before: str) -> str:
    """ "der" after a dative preposition takes the dative's "-en", as "dem" does."""
    if before not in ("der", "Der"):
        return before
    words = match.string[max(0, match.start(1) - 30):match.start(1)].split()
    return "dem" if words and words[-1].lower() in _DATIVE_PREPOSITIONS else before


def say_ordinal(match: re.Match) -> str:
    """ "am 3." -> "am dritten" (the word before is kept)."""
    before = _case_marker(match, match.group(1) or "")
    prefix = match.group()[: match.start(2) - match.start()]
    if match.group(3):  # "3ten" -> "dritten", "1ter" -> "erster": the ending as written
        return prefix + numbers.ordinal(int(match.group(2)), CODE) + match.group(4)
    if len(match.group(2)) == 4 and before not in _ARTICLES_BEFORE:
        return match.group()  # "1990. Danach": a year, and the sentence's full stop
    if _TEXT_END.match(match.string, match.end()):  # the sentence's own full stop
        if not before and not match.string[:match.start()].strip():
            # "2." on its own (a ranking's cell, a podium list): German writes the rank so and reads it
            # as the noun "Zweiter" (Duden: "er wurde Zweiter"); the dot is no sentence's end.
            return ordinal(int(match.group(2)), "", date=True) + "."
        if before not in DATIVE_BEFORE and before not in NOMINATIVE_BEFORE:
            return match.group()
        return prefix + ordinal(int(match.group(2)), before) + "."
    heading = _heading_ordinal(match, int(match.group(2)))
    return heading if heading else prefix + ordinal(int(match.group(2)), before)


def say_date(day: int, month: int, year: int | None, before: str = "") -> str:
    """ "am 3.10.1990" -> "am dritten Oktober neunzehnhundertneunzig"."""
    spoken = f"{ordinal(day, before, date=True)} {RULES.month_name(month)}"
    return spoken + (f" {say_year(year)}" if year else "")


def say_day_month(day: int, month: int, month_text: str, year: int | None, before: str,
                  dotted: bool) -> str | None:
    """ "3. Oktober" is a date; "3 Oktober" without the ordinal dot is left to the number rule."""
    return say_date(day, month, year, before) if dotted else None


def say_time(hour: int, minutes: str) -> str:
    """ "14:30" -> "vierzehn Uhr dreißig", "1:00" -> "ein Uhr"."""
    hour_word = "ein" if hour == 1 else numbers.cardinal(hour, CODE)
    minute_word = f" {numbers.cardinal(int(minutes), CODE)}" if minutes and minutes != "00" else ""
    return f"{hour_word} Uhr{minute_word}"


def say_time_seconds(hour: int, minutes: str, seconds: str) -> str:
    """ "01:01:01 Uhr" -> "ein Uhr eine Minute eine Sekunde"."""
    def count(value: int, one: str, many: str) -> str:
        return f"eine {one}" if value == 1 else f"{numbers.cardinal(value, CODE)} {many}"
    return (f"{say_time(hour, '')} {count(int(minutes), 'Minute', 'Minuten')} "
            f"{count(int(seconds), 'Sekunde', 'Sekunden')}")


def say_decade(match: re.Match) -> str:
    """ "90er" -> "neunziger", "1980er" -> "neunzehnhundertachtziger"."""
    value = int(match.group(1))
    return (say_year(value) if value >= 1000 else numbers.cardinal(value, CODE)) + "er"


def say_fraction(top: int, bottom: int, whole: int | None, forced: bool) -> str | None:
    """ "3/4" -> "drei Viertel", "1/22" -> "ein Zweiundzwanzigstel", "1 1/2" -> "eineinhalb" (Duden)."""
    if bottom < 2 or (top >= bottom and bottom > 4):
        return None
    if bottom == 2:
        name = "halb" if top == 1 else "Halbe"
    else:
        ordinal_words = numbers.ordinal(bottom, CODE)
        name = ordinal_words[:1].upper() + ordinal_words[1:-1] + "el"  # "vierte" -> "Viertel"
    count = "ein" if top == 1 else numbers.cardinal(top, CODE)
    if whole is None:
        return f"{count} {name}"
    whole_words = "ein" if whole == 1 else numbers.cardinal(whole, CODE)
    if (top, bottom) == (1, 2):
        return f"{whole_words}einhalb"
    return f"{whole_words} {count} {name}"


def say_regnal(value: int) -> str:
    """ "Heinrich VIII." -> "Heinrich der Achte"."""
    words = numbers.ordinal(value, CODE)
    return f"der {words[:1].upper()}{words[1:]}"


# Feminine nouns a number counts, so one is "eine" (Duden): unit and currency names, the scale words
# ("eine Million", "eine Milliarde") and the nouns news counts most; endings that are feminine by rule
# (-ung, -heit, -keit, -schaft, -ion, -tät) need no entry.
FEMININE_NOUNS = frozenset("""Rupie Meile Unze Minute Sekunde Millisekunde Stunde Kilowattstunde
    Milliamperestunde Tonne Krone Million Milliarde Billion Billiarde Woche Frau Person Stadt Seite Stimme Katze
    Familie Firma Schule Straße Kirche Nacht Frage Antwort Tür Flasche Tasse Hand Idee Liga Runde Etappe
    Prise Dose Zehe Scheibe Zwiebel Zitrone Kartoffel Karotte Möhre Tomate Gurke Paprika Handvoll Messerspitze
    Kugel Portion Stange Schote Tüte Banane Birne Orange""".split())  # the last three lines: recipes
_FEMININE_ENDINGS = ("ung", "heit", "keit", "schaft", "ion", "tät")
_NEXT_NOUN = patterns.compile(r"\s+([A-ZÄÖÜ][\wäöüß]*)")


def number_before_word(spoken: str, number: WrittenNumber, following: str) -> str:
    """ "1 Mann" -> "ein Mann", "1 Million" -> "eine Million": a one before a (capitalised) noun is the
    article-like "ein", "eine" before a feminine one."""
    nxt = _NEXT_NOUN.match(following)
    if number.is_one and not number.fraction and nxt:
        noun = nxt.group(1)
        return "eine" if noun in FEMININE_NOUNS or noun.endswith(_FEMININE_ENDINGS) else "ein"
    return spoken



# The gender of the measures of recipes and shops, for "ein halber Liter", "eine halbe Tasse", "ein halbes
# Kilo" (Duden); a noun in -e or a feminine ending is feminine, in -chen neuter; others are not guessed.
_MASCULINE_MEASURES = frozenset("""Liter Milliliter Meter Kilometer Zentimeter Millimeter Löffel Teelöffel Esslöffel
    Becher Tag Monat Zentner Apfel Würfel""".split())
_NEUTER_MEASURES = frozenset("Kilo Kilogramm Gramm Pfund Glas Jahr Stück Dutzend Paket Brot Ei Bund".split())
_FEMININE_MEASURE_ENDINGS = ("e",) + _FEMININE_ENDINGS


def fraction_before_noun(top: int, bottom: int, spoken: str, noun: str, before: str) -> str | None:
    """ "1/2 Liter" -> "ein halber Liter", "1/2 Tasse" -> "eine halbe Tasse", "1/2 Kilo" -> "ein halbes
    Kilo" (Duden, "halb": an adjective before its noun, here in the nominative of a list or recipe)."""
    if not noun.isalpha():
        return None
    if (top, bottom) != (1, 2) or not noun[:1].isupper() or before in ("der", "die", "das", "ein", "eine"):
        return None
    if noun in _MASCULINE_MEASURES:
        return "ein halber"
    if noun in _NEUTER_MEASURES or noun.endswith(("chen", "lein")):
        return "ein halbes"
    return "eine halbe" if noun.endswith(_FEMININE_MEASURE_ENDINGS) else None


def feminine_regnal(said: str) -> str:
    """ "der Zweite" -> "die Zweite": the article agrees with a queen ("Elisabeth II.")."""
    return "die" + said[3:] if said.startswith("der ") else said


RULES = LanguageRules(
    rating_nouns=frozenset({"Sterne", "Sternen", "Punkte", "Punkten"}),  # a review's "4/5 stars": out of
    feminine_regnal=feminine_regnal,
    fraction_before_noun=fraction_before_noun,
    code=CODE,
    number_style=NumberStyle(group=".", decimal=","),  # CLDR de: "1.234,5"
    country_code_as_number=True,  # "+49" is said "plus neunundvierzig", as callers say the code
    words=frozen(WORDS),
    months=frozen(MONTHS),
    weekdays=WEEKDAYS,
    range_abbreviations=frozen(WEEKDAY_ABBREVIATIONS),
    suffix_expansions=frozen({"str": "straße"}),  # "Hauptstr. 5" (Duden, Abkürzungen: Str.)
    slash_per="pro",  # "80 €/Nacht" -> "achtzig Euro pro Nacht"
    per_words=frozen(PER_WORDS),
    say_year=say_year,
    one_before_noun=("ein", "eine"),
    feminine_nouns=FEMININE_NOUNS,
    number_before_word=number_before_word,
    currencies=frozen(CURRENCIES),
    scale_suffixes=frozen(SCALE_SUFFIXES),
    scale_words=frozen(SCALE_WORDS),
    scaled_pattern=SCALED_PATTERN,
    units=frozen(with_capitals(with_lower_case(UNITS))),  # also "2 kwh", "5 ghz", as forums and shops write them
    attached_units=frozen({"W": ("Watt", "Watt"), "V": ("Volt", "Volt")}),
    vulgar_fractions=frozen(VULGAR_FRACTIONS),
    say_fraction=say_fraction,
    year_cues=YEAR_CUES,
    # "Q3 2023", "H1 2024 Umsatz": a quarter or half before its year, as German company reports write
    # them (Quartalsbericht Q3 2023); the year is read as a year even before a noun
    period_before_year=r"Q[1-4]|H[12]",
    count_noun_case="upper",  # German nouns are capitalised: "1500 Menschen" is a count
    decade_pattern=DECADE_PATTERN,
    say_decade=say_decade,
    say_day_month=say_day_month,
    say_date=say_date,
    time_pattern=TIME_PATTERN,
    say_time=say_time,
    say_time_seconds=say_time_seconds,
    names_minor_unit=True,  # "zwei Euro zwanzig Cent"
    ordinal_pattern=ORDINAL_PATTERN,
    say_ordinal=say_ordinal,
    roman_cardinal_context=ROMAN_CARDINAL_CONTEXT,
    regnal_titles=REGNAL_TITLES,
    regnal_dot_in_number=True,  # "Heinrich VIII." writes the ordinal's dot
    say_regnal=say_regnal,
    never_final=NEVER_FINAL,
    may_end=MAY_END,
    sentence_starters=SENTENCE_STARTERS,
    ordinal_context_words=ORDINAL_CONTEXT_WORDS,
    expansions=frozen(EXPANSIONS),
    contextual=frozen(CONTEXTUAL),
    before_number=frozen(BEFORE_NUMBER),
    acronym_readings=frozen(ACRONYM_READINGS),
    short_words=SHORT_WORDS,
    symbol_words=frozen(SYMBOL_WORDS),
)
