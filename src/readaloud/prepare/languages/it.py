"""Italian: how numbers, dates, times, money, units and abbreviations are written and said.

Readings follow Treccani's "Enciclopedia dell'italiano" and "Dizionario" (numerali, abbreviazioni) and the
Accademia della Crusca's answers (the hour "16.30" written with a dot, "il primo maggio" but "il due
maggio", "ventitré" with its accent). Number words are num2words', joined the way Italian writes them:
one word up to the thousands ("duemilaventuno"), "milioni" and "miliardi" apart ("tre miliardi
quattrocentocinquantatré milioni"), and -tré accented at the end of every number word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ... import patterns
from .. import numbers
from ..numbers import NumberStyle, WrittenNumber, num2words
from .rules import LanguageRules, frozen, with_capitals

CODE = "it"

# The little words of number reading, symbols and links.
WORDS = {
    "per_number": "ogni",  # "5 l/100 km": "cinque litri ogni cento chilometri"
    "point": "virgola", "minus": "meno", "to": "a", "percent": "per cento", "permille": "per mille", "and": "e",
    "plus": "più", "equals": "uguale a", "number": "numero", "hashtag": "hashtag", "at": "chiocciola",
    "degrees": "gradi", "degree": "grado", "times": "per", "about": "circa", "plus_minus": "più o meno",
    "section": "paragrafo", "link": "link a", "email": "indirizzo email su", "per": "al", "o_clock": "in punto",
    "the": "", "of": "", "or": "o", "cents_and": "e", "out_of": "su", "by": "per", "dot": "punto",
    "ratio": "a",
}

# Month names (CLDR it "format wide"); written lower-case, capitalised at the start of a sentence.
_MONTH_NAMES = ("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
                "dicembre").split()
MONTHS = {**{name: number for number, name in enumerate(_MONTH_NAMES, start=1)},
          **{name.capitalize(): number for number, name in enumerate(_MONTH_NAMES, start=1)}}

# Currency symbol or code -> (one, many, minor one, minor many), from CLDR "currencies" (it) and Treccani
# ("copeco", pl. "copechi"; "penny" is invariable in Italian).
CURRENCIES = {
    "$": ("dollaro", "dollari", "centesimo", "centesimi"),
    "US$": ("dollaro statunitense", "dollari statunitensi", "centesimo", "centesimi"),
    "€": ("euro", "euro", "centesimo", "centesimi"), "£": ("sterlina", "sterline", "penny", "penny"),
    "¥": ("yen", "yen", None, None), "₹": ("rupia", "rupie", None, None), "₽": ("rublo", "rubli", "copeco", "copechi"),
    "CHF": ("franco svizzero", "franchi svizzeri", "centesimo", "centesimi"),
}

# Scale words after a number ("3,5 mln di euro", "4 miliardi"): written form -> power of ten
# (Treccani, abbreviazioni: "mln", "mld", "mrd").
SCALE_SUFFIXES = {
    "mila": 3, "mln": 6, "milioni": 6, "milione": 6, "mld": 9, "mrd": 9, "miliardi": 9, "miliardo": 9,
}
SCALE_WORDS = {3: ("mila", "mila"), 6: ("milione", "milioni"), 9: ("miliardo", "miliardi"),
               12: ("bilione", "bilioni")}
SCALED_PATTERN = r"\s(mln|mld|mrd)\.?(?!\w)"

# Unit symbol -> (one, many): SI brochure symbols with the Italian names of CLDR "units" (it); rates are
# read "al secondo", "all'ora", as Italian names them (Treccani: "metro al secondo").
UNITS = {
    "MP": ("megapixel", "megapixel"),  # a camera's megapixels ("48 MP"; Treccani: megapixel)
    # the inch of screens and wheels ("un televisore da 55\"", the double prime) and tyre pressure in psi
    # (CLDR it: pollice, libbra per pollice quadrato)
    "″": ("pollice", "pollici"), "psi": ("libbra per pollice quadrato", "libbre per pollice quadrato"),
    "km": ("chilometro", "chilometri"), "m": ("metro", "metri"), "cm": ("centimetro", "centimetri"),
    "mm": ("millimetro", "millimetri"), "µm": ("micrometro", "micrometri"), "nm": ("nanometro", "nanometri"),
    "mi": ("miglio", "miglia"), "ft": ("piede", "piedi"), "yd": ("iarda", "iarde"),
    "kg": ("chilogrammo", "chilogrammi"), "g": ("grammo", "grammi"), "mg": ("milligrammo", "milligrammi"),
    "lb": ("libbra", "libbre"), "lbs": ("libbra", "libbre"), "oz": ("oncia", "once"), "l": ("litro", "litri"),
    "L": ("litro", "litri"), "ml": ("millilitro", "millilitri"), "mL": ("millilitro", "millilitri"),
    "km/h": ("chilometro all'ora", "chilometri all'ora"), "kph": ("chilometro all'ora", "chilometri all'ora"),
    "mph": ("miglio all'ora", "miglia all'ora"), "m/s": ("metro al secondo", "metri al secondo"),
    "km/s": ("chilometro al secondo", "chilometri al secondo"),
    "m²": ("metro quadrato", "metri quadrati"), "mq": ("metro quadrato", "metri quadrati"),
    "km²": ("chilometro quadrato", "chilometri quadrati"), "m³": ("metro cubo", "metri cubi"),
    "ha": ("ettaro", "ettari"), "°C": ("grado Celsius", "gradi Celsius"),
    "°F": ("grado Fahrenheit", "gradi Fahrenheit"), "°": ("grado", "gradi"), "kW": ("chilowatt", "chilowatt"),
    "kWh": ("chilowattora", "chilowattora"), "MW": ("megawatt", "megawatt"), "GW": ("gigawatt", "gigawatt"),
    "Hz": ("hertz", "hertz"), "kHz": ("chilohertz", "chilohertz"), "MHz": ("megahertz", "megahertz"),
    "GHz": ("gigahertz", "gigahertz"), "KB": ("kilobyte", "kilobyte"), "kB": ("kilobyte", "kilobyte"),
    "MB": ("megabyte", "megabyte"), "GB": ("gigabyte", "gigabyte"), "TB": ("terabyte", "terabyte"),
    "ms": ("millisecondo", "millisecondi"), "sec": ("secondo", "secondi"), "min": ("minuto", "minuti"),
    "hrs": ("ora", "ore"), "mAh": ("milliampere ora", "milliampere ora"), "A": ("ampere", "ampere"),
    "V": ("volt", "volt"), "W": ("watt", "watt"), "t": ("tonnellata", "tonnellate"),
}
# Unit and currency names that take "una" (Treccani: feminine nouns).
FEMININE_NOUNS = frozenset({"sterlina", "rupia", "libbra", "oncia", "iarda", "tonnellata", "ora"})

# Vulgar fractions written out (Treccani, "frazioni").
VULGAR_FRACTIONS = {
    "½": "un mezzo", "⅓": "un terzo", "⅔": "due terzi", "¼": "un quarto", "¾": "tre quarti", "⅕": "un quinto",
    "⅛": "un ottavo",
}
# "1/2" is "un mezzo"; other denominators are ordinals, singular after one and plural otherwise
# ("tre quarti", "un centesimo"; Treccani, "frazioni").
HALF = ("mezzo", "mezzi")

# Symbols said when they stand alone between words: NVDA's ``locale/it/symbols.dic`` at level "some".
SYMBOL_WORDS = {
    "&": "e", "=": "uguale", "+": "più", "×": "per", "±": "più o meno", "≈": "circa", "≤": "minore o uguale a",
    "≥": "maggiore o uguale a", "<": "minore di", ">": "maggiore di", "§": "paragrafo", "©": "copyright",
    "%": "per cento", "‰": "per mille", "→": "verso",
}

# Words before a Roman numeral that make it a cardinal ("Capitolo II" -> "due").
ROMAN_CARDINAL_CONTEXT = frozenset("""
    Allegato Articolo Atto Capitolo Classe Fase Libro Livello Parte Sezione Stagione Titolo Tomo Volume
    allegato articolo atto capitolo classe fase libro livello parte sezione stagione titolo tomo volume
""".split())
# Titles before a regnal name: after them even a lone "I" is a numeral. Italian reads regnal numbers as
# ordinals at every value ("Luigi XIV" -> "Luigi quattordicesimo"; Treccani).
REGNAL_TITLES = frozenset("""
    Papa papa Re re Regina regina Imperatore imperatore Imperatrice imperatrice Principe principe Zar zar
""".split())

# Sentence splitting: CLDR segmentation suppressions (it "standard") and Treccani's list of abbreviations.
NEVER_FINAL = frozenset("""
    Avv Arch Dott Egr Gent Geom Ing On Prof Rag Sig Sigg art cap cfr dott es fig ing n pag pagg prof sig
    tel vol
""".split())
# A full stop after these ends a sentence only when a typical sentence opener follows.
MAY_END = frozenset("""
    a.C d.C ecc S.p.A S.r.l etc
""".split())
# Frequent first words of Italian sentences (Leipzig Corpora Collection, Italian news).
SENTENCE_STARTERS = frozenset("""
    Alla Anche Che Come Con Da Dal Dalla Dopo E Ed Gli I Il In La Le Lo Ma Mentre Nel Nella Non Oggi Per Però
    Poi Quando Questo Questa Se Secondo Si Su Sul Sulla Tra Un Una Uno
""".split())

# Abbreviations expanded wherever they occur with their full stop (Treccani, "abbreviazioni"; Crusca).
# Titles before a name drop their final vowel as Italian says them ("il signor Rossi", "il dottor Bianchi").
EXPANSIONS = {
    "sig": "signor", "Sig": "signor", "sigg": "signori", "Sigg": "signori", "dott": "dottor",
    "Dott": "dottor", "prof": "professor", "Prof": "professor", "avv": "avvocato", "Avv": "avvocato",
    "ing": "ingegner", "Ing": "ingegner", "arch": "architetto", "Arch": "architetto", "geom": "geometra",
    "rag": "ragionier", "on": "onorevole", "On": "onorevole", "gent": "gentile", "Gent": "gentile",
    "egr": "egregio", "Egr": "egregio", "ecc": "eccetera", "etc": "eccetera", "pag": "pagina", "pagg": "pagine",
    "tel": "telefono", "cfr": "confronta", "vol": "volume", "cap": "capitolo", "sec": "secolo",
    "a. C": "avanti Cristo", "d. C": "dopo Cristo", "ca": "circa", "art": "articolo", "dip": "dipartimento",
    "p. es": "per esempio", "ad es": "ad esempio", "es": "esempio", "fig": "figura", "N. B": "nota bene",
    "gen": "gennaio", "feb": "febbraio", "apr": "aprile", "giu": "giugno", "lug": "luglio", "ago": "agosto",
    "sett": "settembre", "ott": "ottobre", "nov": "novembre", "dic": "dicembre", "S. p. A": "esse pi a",
    "S. r. l": "esse erre elle", "univ": "università", "min": "ministro", "lun": "lunedì", "mer": "mercoledì",
    "gio": "giovedì", "ven": "venerdì", "sab": "sabato", "dom": "domenica", "cell": "cellulare",
    "Cell": "cellulare", "Tel": "telefono",
}
# Abbreviations written with a letter after their inner dot ("sig.ra", "dott.ssa", "p.za"), read before
# the name they go with (Treccani, "abbreviazioni").
UNDOTTED_EXPANSIONS = {
    "sig.ra": "signora", "Sig.ra": "signora", "sig.na": "signorina", "Sig.na": "signorina",
    "dott.ssa": "dottoressa", "Dott.ssa": "dottoressa", "prof.ssa": "professoressa",
    "Prof.ssa": "professoressa", "avv.ssa": "avvocatessa", "p.za": "piazza", "P.za": "piazza",
    "p.zza": "piazza", "P.zza": "piazza", "v.le": "viale", "V.le": "viale", "c.so": "corso", "C.so": "corso",
}
# Before a number only: "n. 5" -> "numero cinque", "p. 12" -> "pagina dodici".
BEFORE_NUMBER = {"n": "numero", "nr": "numero", "p": "pagina", "pp": "pagine", "art": "articolo"}
# How Italian speakers say these capitalised abbreviations (Treccani: read as words).
ACRONYM_READINGS = {
    "ONU": "Onu", "NATO": "Nato", "FIAT": "Fiat", "ANSA": "Ansa", "RAI": "Rai", "ISTAT": "Istat",
    "INPS": "Inps", "IVA": "Iva", "UE": "U.E", "USA": "Usa", "OK": "okay", "TV": "tivù",
}
# Short capitalised words that are ordinary words when shouted (Leipzig Corpora Collection, Italian news).
SHORT_WORDS = frozenset("""
    AD AI AL CHE CHI CON DA DAI DAL DEI DEL DI E ED GLI HA HO IL IN LA LE LO MA MI NE NEL NO NON PER PIÙ SE SI
    SU SUL TRA TU UN UNA UNO VIA
""".split())

# "16:30" anywhere; "16.30" after "le"/"ore" ("alle 16.30", "ore 9.15"), as the Crusca recommends
# writing the hour. Groups: hour, minutes after ":", minutes after ".".
TIME_PATTERN = (r"(?<![\w.,:])([01]?\d|2[0-4])(?::([0-5]\d)(?![\d:])"
                r"|(?:(?<=(?:le|re) \d)|(?<=(?:le|re) \d\d))\.([0-5]\d)(?![\d,]|\.\d))")
# "1°", "2ª", "3º" followed by a noun (not "20° C", "30° sotto zero": degrees): an ordinal. Read by
# :func:`read_phrases`, before the unit rule would make "2° posto" two degrees.
ORDINAL_PATTERN = patterns.compile(r"(?<![\w.,])(\d{1,4})\s?([°º]|ª)(?=\s+([a-zà-ù]+))")
# Words after "30°" that show it is an angle or a temperature, not an ordinal.
DEGREE_FOLLOWERS = frozenset("""
    a al all alla circa con da di fra in nord ovest per sopra sotto sud est su tra
""".split())
# Roman centuries: "XX secolo", "XXI sec." -> "ventesimo secolo" (Treccani: centuries are ordinals).
CENTURY_PATTERN = patterns.compile(r"(?<![\w.])([IVXLC]+)\s(secolo|sec\.)")
# and after it: "nel secolo XIX", "sec. XV" -> "secolo diciannovesimo"
CENTURY_AFTER_PATTERN = patterns.compile(r"(?<![\w.])(?:secolo|sec\.)\s([IVXLC]+)(?![\w'’])")
# "Giovanni Paolo II", "Elisabetta II", "Luigi XIV": after a given name (a capitalised word ending in a
# vowel, as Italian names do) a Roman numeral is a regnal ordinal; "Rocky IV", "Fase II" are not names.
REGNAL_PATTERN = patterns.compile(
    r"(?<![\w.])([A-Z][a-zà-ù]*[aeiouàèéìòù])\s((?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))(?![\w'’])")
# Italian phone numbers (AGCOM numbering plan): a landline starts with 0 and keeps its area code
# ("06 1234567", "02-12345678"), a mobile starts with 3 ("333 1234567"); "+39" may come first. Read digit
# by digit, group by group, as Italians dictate them.
PHONE_PATTERN = patterns.compile(r"(?<![\w+.,/-])(\+39[\s.-]?)?((?:0\d{1,3}|3\d{2})[\s./-]?\d{3,4}[\s.-]?\d{2,4})"
                           r"(?![\w-]|[.,]\d)")
PHONE_CUES = ("tel", "cell", "fax", "chiama", "numero", "whatsapp", "contatt")
# A number before an elided article is not a measure: "nel 2023 l'Istat" (not "litri").
BEFORE_ELISION = patterns.compile(r"(?<![\w.,])(\d+)(?=\s[lL]['’])")
TIME_WITH_SECONDS = patterns.compile(r"(?<![\w.,:])([01]?\d|2[0-4]):([0-5]\d):([0-5]\d)(?![\d:])")
# The ordinal of a date's first day: "1° maggio", "1 maggio" -> "primo maggio" (Crusca).
# also at the start of a span of days: "dal 1° al 3 giugno", "1 e 2 maggio"
DAY_ONE_PATTERN = patterns.compile(r"(?<![\w.,])1\s?[°º]?(?=\s(?:(?:al|e|-)\s\d{1,2}\s)?(?:" + "|".join(MONTHS) + r")\b)")

# Masculine nouns in -a (Treccani, "genere dei nomi"): "un problema", not "una problema".
MASCULINE_IN_A = frozenset("""
    problema sistema programma tema clima cinema dramma schema diploma pianeta poeta papa programma
    telegramma panorama
""".split())

# Short words in -a after a number that are not its noun ("1 a 0", "1 da sola", "1 tra tanti").
NOT_NOUNS = frozenset("a da la tra fra ma sopra contro senza verso".split())

_ACCENTED_TRE = patterns.compile(r"(?<=\w)tre\b")


@lru_cache(maxsize=4096)  # num2words is slow per call; "1/1/1/..." would call it thousands of times
def say_cardinal(value: int) -> str:
    """ "3453243534" -> "tre miliardi quattrocentocinquantatré milioni duecentoquarantatremila..." ."""
    if value < 0:
        return f"{WORDS['minus']} {say_cardinal(-value)}"
    if len(str(value)) > numbers.MAX_CARDINAL_DIGITS:
        return numbers.digits(str(value), CODE)
    words = num2words(value, lang=CODE).replace(",", "")
    # num2words joins "un milione e trentaquattromila"; Italian writes the parts after the scale word apart.
    words = re.sub(r"\b(milion[ei]|miliard[oi]|bilion[ei]) e ", r"\1 ", words)
    # num2words elides the wrong vowel after a hundred: "centodicotto" for "centodiciotto" (118, 1918)
    words = words.replace("dicotto", "diciotto")
    return _ACCENTED_TRE.sub("tré", words)


def say_year(value: int) -> str:
    """Italian reads years as cardinals: "millenovecentonovanta", "duemilaventuno"."""
    return say_cardinal(value)


def ordinal(value: int, feminine: bool = False) -> str:
    """ "1" -> "primo", "21" -> "ventunesimo"; feminine "prima"."""
    words = numbers.ordinal(value, CODE).replace("dicott", "diciott")  # num2words' "centodicottesimo"
    return words[:-1] + "a" if feminine and words.endswith("o") else words


def say_ordinal(match: re.Match) -> str:
    """ "1° posto" -> "primo posto", "2ª classe" -> "seconda classe"; "30° sotto zero" stays degrees."""
    if match.group(2) == "°" and match.group(3) in DEGREE_FOLLOWERS:
        return match.group()
    return ordinal(int(match.group(1)), feminine=match.group(2) == "ª")


def _say_regnal_name(match: re.Match) -> str:
    """ "Elisabetta II" -> "Elisabetta seconda", "Benedetto XVI" -> "Benedetto sedicesimo"."""
    name, numeral = match.groups()
    value = numbers.roman_value(numeral)
    if not value or name in ROMAN_CARDINAL_CONTEXT or (value == 1 and numeral == "I" and not _titled(match)):
        return match.group()  # "Capitolo II" is "due" (the engine's rule); a lone "I" needs a title
    return f"{name} {ordinal(value, feminine=name.endswith('a'))}"


def _titled(match: re.Match) -> bool:
    before = match.string[max(0, match.start() - 20):match.start()].split()
    return bool(before) and before[-1] in REGNAL_TITLES


def _say_phone(match: re.Match) -> str:
    """ "06 1234567" -> "zero sei, uno due tre quattro cinque sei sette". An unseparated run of digits is
    a phone number only after "+39" or a word such as "tel." (else "3453243534" is a count)."""
    groups = re.findall(r"\d+", match.group(2))
    before = match.string[max(0, match.start() - 24):match.start()].lower()
    if len(groups) == 1 and not match.group(1) and not any(cue in before for cue in PHONE_CUES):
        return match.group()
    spoken = ", ".join(numbers.digits(group, CODE) for group in groups)
    return f"più trentanove, {spoken}" if match.group(1) else spoken


def _say_century(match: re.Match) -> str:
    value = numbers.roman_value(match.group(1))
    return f"{ordinal(value)} secolo" if value else match.group()


def _say_century_after(match: re.Match) -> str:
    value = numbers.roman_value(match.group(1))
    return f"secolo {ordinal(value)}" if value else match.group()


def say_date(day: int, month: int, year: int | None, before: str = "") -> str:
    """ "21/5/2021" -> "ventuno maggio duemilaventuno"; the first of the month is "primo" (Crusca)."""
    day_word = "primo" if day == 1 else say_cardinal(day)
    spoken = f"{day_word} {RULES.month_name(month)}"
    return spoken + (f" {say_year(year)}" if year else "")


def say_day_month(day: int, month: int, month_text: str, year: int | None, before: str,
                  dotted: bool) -> str:
    """ "21 maggio 2021" -> "ventuno maggio duemilaventuno" (the month as written)."""
    day_word = "primo" if day == 1 else say_cardinal(day)
    return f"{day_word} {month_text}" + (f" {say_year(year)}" if year else "")


def say_time(hour: int, minutes: str) -> str:
    """ "16:00" -> "sedici", "12:30" -> "dodici e trenta", "1:15" -> "una e quindici"."""
    hour_word = "una" if hour == 1 else say_cardinal(hour)
    if not minutes or minutes == "00":
        return hour_word
    return f"{hour_word} e {say_cardinal(int(minutes))}"


def say_fraction(top: int, bottom: int, whole: int | None, forced: bool) -> str | None:
    """ "3/4" -> "tre quarti", "1/100" -> "un centesimo", "1 1/2" -> "uno e mezzo"."""
    if bottom < 2 or (top >= bottom and bottom > 4) or bottom > 1000:
        return None
    one, many = HALF if bottom == 2 else (ordinal(bottom), ordinal(bottom)[:-1] + "i")
    fraction = f"{'un' if top == 1 else say_cardinal(top)} {one if top == 1 else many}"
    if whole is None:
        return fraction
    if (top, bottom) == (1, 2):
        return f"{say_cardinal(whole)} e mezzo"
    return f"{say_cardinal(whole)} e {fraction}"


def say_regnal(value: int) -> str:
    """ "Luigi XIV" -> "Luigi quattordicesimo", "Giovanni Paolo II" -> "Giovanni Paolo secondo"."""
    return ordinal(value)


def number_before_word(spoken: str, number: WrittenNumber, following: str) -> str:
    """ "1 giorno" -> "un giorno", "1 settimana" -> "una settimana" (a noun in -a is feminine)."""
    if not number.is_one or number.fraction:
        return spoken
    word = re.match(r"\s+([^\W\d]+)", following)
    if not word or not word.group(1).islower():
        return spoken
    noun = word.group(1)
    if noun in NOT_NOUNS or len(noun) < 3:
        return spoken  # "vinto 1 a 0", "3 a 1 e": a preposition or a conjunction, not the noun
    return "una" if noun.endswith("a") and noun not in MASCULINE_IN_A else "un"


def _say_time_with_seconds(match: re.Match) -> str:
    """ "17:15:26" -> "diciassette e quindici minuti e ventisei secondi": with seconds, units are named."""
    hour, minutes, seconds = (int(group) for group in match.groups())
    minute_words = "un minuto" if minutes == 1 else f"{say_cardinal(minutes)} minuti"
    second_words = "un secondo" if seconds == 1 else f"{say_cardinal(seconds)} secondi"
    return f"{'una' if hour == 1 else say_cardinal(hour)} e {minute_words} e {second_words}"


# The minute of a match as sports pages write it: "al 90'", "dal 45'" -> "al novantesimo" (Gazzetta dello
# Sport usage: the minute as an ordinal).
MATCH_MINUTE = patterns.compile(r"\b([Aa]l|[Dd]al|[Nn]el)\s(\d{1,3})['’′](?![\w'’])")


def read_phrases(text: str) -> str:
    """Before the engine's rules: the first of a month is an ordinal ("1° maggio" -> "primo maggio"), a
    time with seconds names its units, "2° posto" is an ordinal, "XX secolo" a Roman century, and a
    number before an elided article ("nel 2023 l'Istat") is no measure."""
    if "1" in text:
        text = DAY_ONE_PATTERN.sub("primo", text)
    if ":" in text:
        text = TIME_WITH_SECONDS.sub(_say_time_with_seconds, text)
    if "°" in text or "º" in text or "ª" in text:
        text = ORDINAL_PATTERN.sub(say_ordinal, text)
    if "sec" in text:
        text = CENTURY_PATTERN.sub(_say_century, text)
        text = CENTURY_AFTER_PATTERN.sub(_say_century_after, text)
    if "I" in text or "V" in text or "X" in text:
        text = REGNAL_PATTERN.sub(_say_regnal_name, text)
    if "'" in text or "’" in text or "′" in text:
        text = MATCH_MINUTE.sub(lambda m: f"{m.group(1)} {ordinal(int(m.group(2)))}", text)
        text = BEFORE_ELISION.sub(lambda m: say_cardinal(int(m.group(1))), text)
    if "0" in text or "3" in text:
        text = PHONE_PATTERN.sub(_say_phone, text)
    return text



# Nouns in -a that are masculine (Treccani, "nomi in -a maschili"); the rest in -a are feminine.
_MASCULINE_IN_A = frozenset("problema programma sistema tema clima pigiama cinema".split())
_ARTICLES = frozenset("il lo la i gli le un uno una l'".split())
_PREPOSITIONS = frozenset("di del della dello dei degli delle e o".split())


def fraction_before_noun(top: int, bottom: int, spoken: str, noun: str, before: str) -> str | None:
    """ "1/2 bicchiere" -> "mezzo bicchiere", "1/2 tazza" -> "mezza tazza", "3/4 tazza" -> "tre quarti di
    tazza" (Treccani, "mezzo": it agrees with the noun after it; a fraction takes "di")."""
    if not noun.isalpha() or noun in ("parte", "parti"):  # "3/4 partes": the fraction names its parts
        return None
    if top >= bottom or not noun.islower() or noun in NOT_NOUNS or noun in _PREPOSITIONS or before in _ARTICLES:
        return None
    if (top, bottom) == (1, 2):
        return "mezza" if noun.endswith("a") and noun not in _MASCULINE_IN_A else "mezzo"
    return f"{spoken} di"



def whole_and_half(whole: int, noun: str) -> str | None:
    """ "2 1/2 tazze" -> "due tazze e mezza", "3 1/2 bicchieri" -> "tre bicchieri e mezzo" (Treccani,
    "mezzo": after the noun it agrees with it); a plural in -e is feminine, in -i masculine. After one the
    singular is not derived ("1 1/2 cucchiai"), so it is left to the general rule."""
    if whole < 2 or not noun.islower() or noun in NOT_NOUNS or noun[-1:] not in ("e", "i"):
        return None
    return f"{numbers.cardinal(whole, CODE)} {noun} e {'mezza' if noun.endswith('e') else 'mezzo'}"


# The days of the week (CLDR it), so "lun.-ven." is a range of days ("lunedì a venerdì").
WEEKDAYS = frozenset("lunedì martedì mercoledì giovedì venerdì sabato domenica".split())

RULES = LanguageRules(
    rating_nouns=frozenset({"stelle", "punti"}),  # a review's "4/5 stars": out of
    weekdays=WEEKDAYS,
    whole_and_half=whole_and_half,
    fraction_before_noun=fraction_before_noun,
    code=CODE,
    number_style=NumberStyle(group=".", decimal=","),  # CLDR it: "1.234,5"
    words=frozen(WORDS),
    months=frozen(MONTHS),
    say_year=say_year,
    say_cardinal=say_cardinal,
    read_phrases=read_phrases,
    fraction_as_number=True,
    one_before_noun=("un", "una"),
    feminine_nouns=FEMININE_NOUNS,
    number_before_word=number_before_word,
    currencies=frozen(CURRENCIES),
    names_minor_unit=True,  # "tre euro e ventitré centesimi"
    scale_suffixes=frozen(SCALE_SUFFIXES),
    scale_words=frozen(SCALE_WORDS),
    scale_currency_link="di",  # "tre milioni di euro"
    scaled_pattern=SCALED_PATTERN,
    units=frozen(with_capitals(UNITS)),  # also "12KG", "500 ML", as listings print them
    vulgar_fractions=frozen(VULGAR_FRACTIONS),
    say_fraction=say_fraction,
    say_day_month=say_day_month,
    say_date=say_date,
    time_pattern=TIME_PATTERN,
    say_time=say_time,
    roman_cardinal_context=ROMAN_CARDINAL_CONTEXT,
    regnal_titles=REGNAL_TITLES,
    say_regnal=say_regnal,
    never_final=NEVER_FINAL,
    may_end=MAY_END,
    sentence_starters=SENTENCE_STARTERS,
    expansions=frozen(EXPANSIONS),
    undotted_expansions=frozen(UNDOTTED_EXPANSIONS),
    before_number=frozen(BEFORE_NUMBER),
    acronym_readings=frozen(ACRONYM_READINGS),
    short_words=SHORT_WORDS,
    symbol_words=frozen(SYMBOL_WORDS),
    slash_per="al",
)
