"""Symbols, units, currencies and the small words a reader puts around numbers, as data per language.

Sources: unit names from the SI brochure (BIPM, 9th edition) and NIST SP 811 for US customary units, with
the German/French/Spanish names from the Unicode CLDR "units" data; currency names from CLDR "currencies";
symbol names from the Unicode character names, shortened the way screen readers (NVDA's symbol
dictionaries, ``locale/*/symbols.dic``) say them at their "some" punctuation level.
"""

from __future__ import annotations

from types import MappingProxyType

LANGUAGES = ("en", "de", "fr", "es")


def _frozen(table: dict) -> MappingProxyType:
    return MappingProxyType({key: MappingProxyType(value) if isinstance(value, dict) else value
                             for key, value in table.items()})


# The little words of number reading. ``fraction_as_number``: French and Spanish read "3,14" as
# "trois virgule quatorze"; English and German read the digits after the mark one by one.
WORDS = _frozen({
    "en": {"point": "point", "minus": "minus", "to": "to", "percent": "percent", "permille": "per mille",
           "and": "and", "plus": "plus", "equals": "equals", "number": "number", "hashtag": "hashtag",
           "at": "at", "degrees": "degrees", "degree": "degree", "times": "times", "about": "about",
           "plus_minus": "plus or minus", "section": "section", "link": "link to", "email": "email address at",
           "per": "per", "o_clock": "o'clock", "the": "the", "of": "of", "fraction_as_number": False},
    "de": {"point": "Komma", "minus": "minus", "to": "bis", "percent": "Prozent", "permille": "Promille",
           "and": "und", "plus": "plus", "equals": "gleich", "number": "Nummer", "hashtag": "Hashtag",
           "at": "at", "degrees": "Grad", "degree": "Grad", "times": "mal", "about": "etwa",
           "plus_minus": "plus minus", "section": "Paragraf", "link": "Link zu", "email": "E-Mail-Adresse bei",
           "per": "pro", "o_clock": "Uhr", "the": "", "of": "", "fraction_as_number": False},
    "fr": {"point": "virgule", "minus": "moins", "to": "à", "percent": "pour cent", "permille": "pour mille",
           "and": "et", "plus": "plus", "equals": "égale", "number": "numéro", "hashtag": "hashtag",
           "at": "arobase", "degrees": "degrés", "degree": "degré", "times": "fois", "about": "environ",
           "plus_minus": "plus ou moins", "section": "paragraphe", "link": "lien vers",
           "email": "adresse e-mail chez", "per": "par", "o_clock": "heures", "the": "", "of": "",
           "fraction_as_number": True},
    "es": {"point": "coma", "minus": "menos", "to": "a", "percent": "por ciento", "permille": "por mil",
           "and": "y", "plus": "más", "equals": "igual a", "number": "número", "hashtag": "hashtag",
           "at": "arroba", "degrees": "grados", "degree": "grado", "times": "por", "about": "aproximadamente",
           "plus_minus": "más o menos", "section": "sección", "link": "enlace a",
           "email": "dirección de correo en", "per": "por", "o_clock": "en punto", "the": "", "of": "",
           "fraction_as_number": True},
})

# Month names as written in dates (full and abbreviated forms map to the full name), per language.
MONTHS = _frozen({
    "en": {"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
           "August": 8, "September": 9, "October": 10, "November": 11, "December": 12},
    "de": {"Januar": 1, "Jänner": 1, "Februar": 2, "März": 3, "April": 4, "Mai": 5, "Juni": 6, "Juli": 7,
           "August": 8, "September": 9, "Oktober": 10, "November": 11, "Dezember": 12},
    "fr": {"janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
           "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12},
    "es": {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
           "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12},
})

# Currencies: symbol or ISO code -> per language (one, many, minor one, minor many).
# ``None`` for the minor unit means amounts with decimals are read as decimals ("zwanzig Komma fünf Euro").
CURRENCIES = _frozen({
    "$": {"en": ("dollar", "dollars", "cent", "cents"), "de": ("Dollar", "Dollar", "Cent", "Cent"),
          "fr": ("dollar", "dollars", "cent", "cents"), "es": ("dólar", "dólares", "centavo", "centavos")},
    "US$": {"en": ("US dollar", "US dollars", "cent", "cents"), "de": ("US-Dollar", "US-Dollar", "Cent", "Cent"),
            "fr": ("dollar américain", "dollars américains", "cent", "cents"),
            "es": ("dólar estadounidense", "dólares estadounidenses", "centavo", "centavos")},
    "€": {"en": ("euro", "euros", "cent", "cents"), "de": ("Euro", "Euro", "Cent", "Cent"),
          "fr": ("euro", "euros", "centime", "centimes"), "es": ("euro", "euros", "céntimo", "céntimos")},
    "£": {"en": ("pound", "pounds", "penny", "pence"), "de": ("Pfund", "Pfund", "Penny", "Pence"),
          "fr": ("livre", "livres", "penny", "pence"), "es": ("libra", "libras", "penique", "peniques")},
    "¥": {"en": ("yen", "yen", None, None), "de": ("Yen", "Yen", None, None), "fr": ("yen", "yens", None, None),
          "es": ("yen", "yenes", None, None)},
    "₹": {"en": ("rupee", "rupees", "paisa", "paise"), "de": ("Rupie", "Rupien", None, None),
          "fr": ("roupie", "roupies", None, None), "es": ("rupia", "rupias", None, None)},
    "₽": {"en": ("rouble", "roubles", None, None), "de": ("Rubel", "Rubel", None, None),
          "fr": ("rouble", "roubles", None, None), "es": ("rublo", "rublos", None, None)},
    "CHF": {"en": ("Swiss franc", "Swiss francs", None, None), "de": ("Franken", "Franken", "Rappen", "Rappen"),
            "fr": ("franc suisse", "francs suisses", "centime", "centimes"),
            "es": ("franco suizo", "francos suizos", None, None)},
})
CURRENCY_CODES = MappingProxyType({"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "RUB": "₽",
                                   "CHF": "CHF", "C$": "$", "A$": "$", "NZ$": "$", "HK$": "$"})

# Scale words after a number ("3.5 million", "$1.2bn", "3,5 Mio."): written form -> exponent.
SCALE_SUFFIXES = _frozen({
    "en": {"thousand": 3, "k": 3, "K": 3, "million": 6, "m": 6, "mn": 6, "M": 6, "billion": 9, "bn": 9,
           "b": 9, "B": 9, "trillion": 12, "tn": 12, "T": 12},
    "de": {"Tsd.": 3, "Tausend": 3, "Mio.": 6, "Million": 6, "Millionen": 6, "Mrd.": 9, "Milliarde": 9,
           "Milliarden": 9, "Bio.": 12, "Billion": 12, "Billionen": 12},
    "fr": {"k": 3, "mille": 3, "M": 6, "million": 6, "millions": 6, "Md": 9, "Mds": 9, "milliard": 9,
           "milliards": 9},
    "es": {"mil": 3, "M": 6, "millón": 6, "millones": 6, "MM": 9, "mil millones": 9},
})
# How each scale is said, singular and plural.
SCALE_WORDS = _frozen({
    "en": {3: ("thousand", "thousand"), 6: ("million", "million"), 9: ("billion", "billion"),
           12: ("trillion", "trillion")},
    "de": {3: ("Tausend", "Tausend"), 6: ("Million", "Millionen"), 9: ("Milliarde", "Milliarden"),
           12: ("Billion", "Billionen")},
    "fr": {3: ("mille", "mille"), 6: ("million", "millions"), 9: ("milliard", "milliards"),
           12: ("billion", "billions")},
    "es": {3: ("mil", "mil"), 6: ("millón", "millones"), 9: ("mil millones", "mil millones"),
           12: ("billón", "billones")},
})
# French and Spanish put "de" between a scale word and the currency ("trois millions d'euros").
SCALE_CURRENCY_LINK = MappingProxyType({"en": "", "de": "", "fr": "de", "es": "de"})

# Units after a number: symbol -> per language (one, many). Only symbols that are unambiguous after a
# number in running text ("in", "h", "t" and "s" are left out on purpose: "5 in a row", French "14 h").
_UNITS = {
    "km": ("kilometer", "kilometers", "Kilometer", "Kilometer", "kilomètre", "kilomètres", "kilómetro", "kilómetros"),
    "m": ("meter", "meters", "Meter", "Meter", "mètre", "mètres", "metro", "metros"),
    "cm": ("centimeter", "centimeters", "Zentimeter", "Zentimeter", "centimètre", "centimètres", "centímetro", "centímetros"),
    "mm": ("millimeter", "millimeters", "Millimeter", "Millimeter", "millimètre", "millimètres", "milímetro", "milímetros"),
    "µm": ("micrometer", "micrometers", "Mikrometer", "Mikrometer", "micromètre", "micromètres", "micrómetro", "micrómetros"),
    "nm": ("nanometer", "nanometers", "Nanometer", "Nanometer", "nanomètre", "nanomètres", "nanómetro", "nanómetros"),
    "mi": ("mile", "miles", "Meile", "Meilen", "mile", "miles", "milla", "millas"),
    "ft": ("foot", "feet", "Fuß", "Fuß", "pied", "pieds", "pie", "pies"),
    "yd": ("yard", "yards", "Yard", "Yards", "yard", "yards", "yarda", "yardas"),
    "kg": ("kilogram", "kilograms", "Kilogramm", "Kilogramm", "kilogramme", "kilogrammes", "kilogramo", "kilogramos"),
    "g": ("gram", "grams", "Gramm", "Gramm", "gramme", "grammes", "gramo", "gramos"),
    "mg": ("milligram", "milligrams", "Milligramm", "Milligramm", "milligramme", "milligrammes", "miligramo", "miligramos"),
    "lb": ("pound", "pounds", "Pfund", "Pfund", "livre", "livres", "libra", "libras"),
    "lbs": ("pound", "pounds", "Pfund", "Pfund", "livre", "livres", "libra", "libras"),
    "oz": ("ounce", "ounces", "Unze", "Unzen", "once", "onces", "onza", "onzas"),
    "l": ("liter", "liters", "Liter", "Liter", "litre", "litres", "litro", "litros"),
    "L": ("liter", "liters", "Liter", "Liter", "litre", "litres", "litro", "litros"),
    "ml": ("milliliter", "milliliters", "Milliliter", "Milliliter", "millilitre", "millilitres", "mililitro", "mililitros"),
    "mL": ("milliliter", "milliliters", "Milliliter", "Milliliter", "millilitre", "millilitres", "mililitro", "mililitros"),
    "km/h": ("kilometer per hour", "kilometers per hour", "Kilometer pro Stunde", "Kilometer pro Stunde",
             "kilomètre par heure", "kilomètres par heure", "kilómetro por hora", "kilómetros por hora"),
    "kph": ("kilometer per hour", "kilometers per hour", "Kilometer pro Stunde", "Kilometer pro Stunde",
            "kilomètre par heure", "kilomètres par heure", "kilómetro por hora", "kilómetros por hora"),
    "mph": ("mile per hour", "miles per hour", "Meile pro Stunde", "Meilen pro Stunde",
            "mile par heure", "miles par heure", "milla por hora", "millas por hora"),
    "m/s": ("meter per second", "meters per second", "Meter pro Sekunde", "Meter pro Sekunde",
            "mètre par seconde", "mètres par seconde", "metro por segundo", "metros por segundo"),
    "m²": ("square meter", "square meters", "Quadratmeter", "Quadratmeter", "mètre carré", "mètres carrés",
           "metro cuadrado", "metros cuadrados"),
    "km²": ("square kilometer", "square kilometers", "Quadratkilometer", "Quadratkilometer",
            "kilomètre carré", "kilomètres carrés", "kilómetro cuadrado", "kilómetros cuadrados"),
    "m³": ("cubic meter", "cubic meters", "Kubikmeter", "Kubikmeter", "mètre cube", "mètres cubes",
           "metro cúbico", "metros cúbicos"),
    "ha": ("hectare", "hectares", "Hektar", "Hektar", "hectare", "hectares", "hectárea", "hectáreas"),
    "°C": ("degree Celsius", "degrees Celsius", "Grad Celsius", "Grad Celsius", "degré Celsius", "degrés Celsius",
           "grado Celsius", "grados Celsius"),
    "°F": ("degree Fahrenheit", "degrees Fahrenheit", "Grad Fahrenheit", "Grad Fahrenheit",
           "degré Fahrenheit", "degrés Fahrenheit", "grado Fahrenheit", "grados Fahrenheit"),
    "°": ("degree", "degrees", "Grad", "Grad", "degré", "degrés", "grado", "grados"),
    "kW": ("kilowatt", "kilowatts", "Kilowatt", "Kilowatt", "kilowatt", "kilowatts", "kilovatio", "kilovatios"),
    "kWh": ("kilowatt hour", "kilowatt hours", "Kilowattstunde", "Kilowattstunden", "kilowattheure",
            "kilowattheures", "kilovatio hora", "kilovatios hora"),
    "MW": ("megawatt", "megawatts", "Megawatt", "Megawatt", "mégawatt", "mégawatts", "megavatio", "megavatios"),
    "GW": ("gigawatt", "gigawatts", "Gigawatt", "Gigawatt", "gigawatt", "gigawatts", "gigavatio", "gigavatios"),
    "Hz": ("hertz", "hertz", "Hertz", "Hertz", "hertz", "hertz", "hercio", "hercios"),
    "kHz": ("kilohertz", "kilohertz", "Kilohertz", "Kilohertz", "kilohertz", "kilohertz", "kilohercio", "kilohercios"),
    "MHz": ("megahertz", "megahertz", "Megahertz", "Megahertz", "mégahertz", "mégahertz", "megahercio", "megahercios"),
    "GHz": ("gigahertz", "gigahertz", "Gigahertz", "Gigahertz", "gigahertz", "gigahertz", "gigahercio", "gigahercios"),
    "KB": ("kilobyte", "kilobytes", "Kilobyte", "Kilobyte", "kilooctet", "kilooctets", "kilobyte", "kilobytes"),
    "kB": ("kilobyte", "kilobytes", "Kilobyte", "Kilobyte", "kilooctet", "kilooctets", "kilobyte", "kilobytes"),
    "MB": ("megabyte", "megabytes", "Megabyte", "Megabyte", "mégaoctet", "mégaoctets", "megabyte", "megabytes"),
    "GB": ("gigabyte", "gigabytes", "Gigabyte", "Gigabyte", "gigaoctet", "gigaoctets", "gigabyte", "gigabytes"),
    "TB": ("terabyte", "terabytes", "Terabyte", "Terabyte", "téraoctet", "téraoctets", "terabyte", "terabytes"),
    "ms": ("millisecond", "milliseconds", "Millisekunde", "Millisekunden", "milliseconde", "millisecondes",
           "milisegundo", "milisegundos"),
    "sec": ("second", "seconds", "Sekunde", "Sekunden", "seconde", "secondes", "segundo", "segundos"),
    "min": ("minute", "minutes", "Minute", "Minuten", "minute", "minutes", "minuto", "minutos"),
    "hrs": ("hour", "hours", "Stunde", "Stunden", "heure", "heures", "hora", "horas"),
    "mAh": ("milliamp hour", "milliamp hours", "Milliamperestunde", "Milliamperestunden", "milliampère-heure",
            "milliampères-heure", "miliamperio hora", "miliamperios hora"),
}
UNITS = MappingProxyType({
    symbol: MappingProxyType({lang: (names[2 * i], names[2 * i + 1]) for i, lang in enumerate(LANGUAGES)})
    for symbol, names in _UNITS.items()
})

# Vulgar fractions and the common written ones.
FRACTIONS = _frozen({
    "½": {"en": "one half", "de": "einhalb", "fr": "un demi", "es": "un medio"},
    "⅓": {"en": "one third", "de": "ein Drittel", "fr": "un tiers", "es": "un tercio"},
    "⅔": {"en": "two thirds", "de": "zwei Drittel", "fr": "deux tiers", "es": "dos tercios"},
    "¼": {"en": "one quarter", "de": "ein Viertel", "fr": "un quart", "es": "un cuarto"},
    "¾": {"en": "three quarters", "de": "drei Viertel", "fr": "trois quarts", "es": "tres cuartos"},
    "⅕": {"en": "one fifth", "de": "ein Fünftel", "fr": "un cinquième", "es": "un quinto"},
    "⅛": {"en": "one eighth", "de": "ein Achtel", "fr": "un huitième", "es": "un octavo"},
})
# English names of denominators for "3/4" -> "three quarters" (numerator < denominator <= 10).
DENOMINATORS_EN = MappingProxyType({2: ("half", "halves"), 3: ("third", "thirds"), 4: ("quarter", "quarters"),
                                    5: ("fifth", "fifths"), 6: ("sixth", "sixths"), 7: ("seventh", "sevenths"),
                                    8: ("eighth", "eighths"), 9: ("ninth", "ninths"), 10: ("tenth", "tenths")})

# Symbols said as words when they stand alone between words; key -> WORDS key or literal per language.
SYMBOL_WORDS = _frozen({
    "&": {"en": "and", "de": "und", "fr": "et", "es": "y"},
    "=": {"en": "equals", "de": "gleich", "fr": "égale", "es": "igual a"},
    "+": {"en": "plus", "de": "plus", "fr": "plus", "es": "más"},
    "×": {"en": "times", "de": "mal", "fr": "fois", "es": "por"},
    "±": {"en": "plus or minus", "de": "plus minus", "fr": "plus ou moins", "es": "más o menos"},
    "≈": {"en": "approximately", "de": "ungefähr", "fr": "environ", "es": "aproximadamente"},
    "≤": {"en": "less than or equal to", "de": "kleiner gleich", "fr": "inférieur ou égal à", "es": "menor o igual que"},
    "≥": {"en": "greater than or equal to", "de": "größer gleich", "fr": "supérieur ou égal à", "es": "mayor o igual que"},
    "<": {"en": "less than", "de": "kleiner als", "fr": "inférieur à", "es": "menor que"},
    ">": {"en": "greater than", "de": "größer als", "fr": "supérieur à", "es": "mayor que"},
    "§": {"en": "section", "de": "Paragraf", "fr": "paragraphe", "es": "sección"},
    "©": {"en": "copyright", "de": "Copyright", "fr": "copyright", "es": "copyright"},
    "%": {"en": "percent", "de": "Prozent", "fr": "pour cent", "es": "por ciento"},
    "‰": {"en": "per mille", "de": "Promille", "fr": "pour mille", "es": "por mil"},
    "→": {"en": "to", "de": "nach", "fr": "vers", "es": "a"},
})

# Characters that decorate text but are not said: trademark signs, bullets, daggers, asterisks, zero-width
# characters and the soft hyphen (screen readers skip them at their default punctuation level).
SILENT_CHARS = "®™℠•◦▪▸►‣⁃†‡*¶\u00ad\u200b\u200c\u200d\u2060\ufeff\ufe0f\ufe0e"

# Quotes are heard from the voice, not read out: double quotes and guillemets go, single curly quotes
# become the ASCII apostrophe (it is part of "don’t").
DROPPED_QUOTES = "\"“”„‟«»‹›「」『』"
APOSTROPHES = "‘’‚‛′`´"

# Bracketed editorial notes that are not part of the text (Wikipedia's inline templates).
FOOTNOTE_PHRASES = ("citation needed", "clarification needed", "better source needed", "who", "when", "where",
                    "which", "why", "by whom", "according to whom", "dubious", "dubious – discuss",
                    "discuss", "update", "needs update", "verification needed", "failed verification",
                    "original research", "page needed", "full citation needed", "not in citation given",
                    "sic", "edit", "Anmerkung", "Einzelnachweis", "réf. nécessaire", "réf. souhaitée",
                    "citation requise", "cita requerida", "nota")

# Words before a Roman numeral that make it a cardinal ("World War II" -> "two"); after any other
# capitalised name it is a regnal ordinal ("Henry VIII" -> "Henry the Eighth").
ROMAN_CARDINAL_CONTEXT = MappingProxyType({
    "en": frozenset("War Wars Part Chapter Phase Type Class Act Volume Book Section Article Title Stage Level "
                    "Grade Schedule Appendix Round Vatican Apollo Gemini Mark Mk Bowl Rocky Episode Division "
                    "Category Tier Series Model Amendment Vol Canto Psalm Figure Table Unit Zone Fantasy".split()),
    "de": frozenset("Teil Kapitel Band Phase Typ Klasse Akt Buch Abschnitt Artikel Stufe Weltkrieg Anhang "
                    "Runde Vatikanum Staffel Folge Liga Division Kategorie".split()),
    "fr": frozenset("Partie Chapitre Tome Phase Type Classe Acte Livre Section Article Titre Niveau Annexe "
                    "Vatican Saison Épisode Division Catégorie".split()),
    "es": frozenset("Parte Capítulo Tomo Fase Tipo Clase Acto Libro Sección Artículo Título Nivel Anexo "
                    "Vaticano Temporada Episodio División Categoría".split()),
})
# Names that take a regnal number ("Henry VIII" -> "Henry the Eighth"): the given names of English,
# French, German, Spanish, Scandinavian and Russian monarchs, popes and pharaohs, from Wikipedia's
# "List of monarchs" and "List of popes". After any other name a Roman numeral is a plain number
# ("Grand Theft Auto IV", "Tallon IV", "Metroid Prime III").
REGNAL_NAMES = frozenset("""
    Henry Edward George William Richard Elizabeth Charles James John Mary Anne Victoria Stephen Harold
    Edmund Edgar Alfred Ethelred Malcolm Duncan Robert David Alexander Constantine Kenneth
    Louis Philippe Philip Francis François Napoleon Hugh Lothair Pepin Carloman Clovis Childeric
    Frederick Friedrich Wilhelm Ludwig Heinrich Otto Karl Rudolf Maximilian Leopold Franz Joseph Ferdinand
    Sigismund Albert Albrecht Ernst August Johann Maximilian Konrad Conrad Lothar Wenzel
    Alfonso Fernando Felipe Carlos Juan Enrique Pedro Sancho Isabel Isabella Jaime Ramiro García Manuel
    João Afonso Sebastian Sebastião Miguel Luís
    Gustav Gustaf Carl Christian Frederik Haakon Olav Olaf Harald Magnus Eric Erik Valdemar Christina
    Margrethe Oscar Sverre
    Ivan Peter Pyotr Nicholas Nikolai Catherine Paul Vasili Dmitri Fyodor Boris Michael Mikhail
    Benedict Pius Leo Gregory Innocent Clement Urban Boniface Sixtus Alexander Adrian Hadrian Julius
    Celestine Honorius Nicholas Martin Eugene Callixtus Marcellus Sergius Felix Lucius Anastasius
    Ramesses Rameses Thutmose Amenhotep Seti Ptolemy Cleopatra Antiochus Seleucus Darius Xerxes
    Artaxerxes Cyrus Mehmed Murad Suleiman Selim Bayezid Mahmud Abdul Abdullah Hussein Mohammed Muhammad
    Faisal Hassan Rama Umberto Vittorio Emanuele Guillaume Willem Baudouin Albert Philippe Juliana Beatrix
    Wilhelmina Leopold Béla Władysław Bolesław Casimir Kazimierz Stanisław Sigismund Stefan Ladislaus
""".split())
# Titles before a regnal name: after them even a lone "I" is a numeral ("Queen Elizabeth I").
REGNAL_TITLES = MappingProxyType({
    "en": frozenset("King Queen Pope Emperor Empress Tsar Czar Tsarina Sultan Pharaoh Prince Princess Duke "
                    "Duchess Emperor Kaiser Shah Saint St.".split()),
    "de": frozenset("König Königin Papst Kaiser Kaiserin Zar Zarin Sultan Pharao Prinz Prinzessin Herzog "
                    "Herzogin Kurfürst Markgraf".split()),
    "fr": frozenset("roi reine pape empereur impératrice tsar sultan pharaon prince princesse duc duchesse "
                    "Roi Reine Pape Empereur".split()),
    "es": frozenset("rey reina papa emperador emperatriz zar sultán faraón príncipe princesa duque duquesa "
                    "Rey Reina Papa Emperador".split()),
})
# How the regnal ordinal is joined to the name: "Henry the Eighth", "Heinrich der Achte",
# "Henri huit" (French uses cardinals except for "premier"), "Enrique octavo".
REGNAL_ARTICLE = MappingProxyType({"en": "the", "de": "der", "fr": "", "es": ""})
