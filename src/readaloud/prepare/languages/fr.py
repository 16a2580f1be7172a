"""French: how numbers, dates, money, units and abbreviations are written and said.

Readings follow the Académie française and the Imprimerie nationale's "Lexique des règles
typographiques" ("XIXe siècle", "1er janvier", "14 h 30"); number words are num2words'.
"""

from __future__ import annotations

import re

from .. import numbers
from ..numbers import NumberStyle
from .rules import LanguageRules, frozen, with_capitals

CODE = "fr"

# The little words of number reading, symbols and links.
WORDS = {
    "point": "virgule", "minus": "moins", "to": "à", "percent": "pour cent", "permille": "pour mille",
    "and": "et", "plus": "plus", "equals": "égale", "number": "numéro", "hashtag": "hashtag", "at": "arobase",
    "degrees": "degrés", "degree": "degré", "times": "fois", "about": "environ", "plus_minus": "plus ou moins",
    "section": "paragraphe", "link": "lien vers", "email": "adresse e-mail chez", "per": "par",
    "o_clock": "heures", "the": "", "of": "",
    "or": "ou", "cents_and": "", "fraction_of": "de", "ratio": "contre", "out_of": "sur", "by": "par", "dot": "point",
}

# Month names as written in dates (CLDR "format wide", fr).
MONTHS = {
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
}

# Day names (CLDR fr day names), for ranges such as "Monday–Friday".
WEEKDAYS = frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche".split())

# Currency symbol or code -> (one, many, minor one, minor many), from CLDR "currencies" (fr).
CURRENCIES = {
    "$": ("dollar", "dollars", "cent", "cents"),
    "US$": ("dollar américain", "dollars américains", "cent", "cents"),
    "€": ("euro", "euros", "centime", "centimes"), "£": ("livre", "livres", "penny", "pence"),
    "¥": ("yen", "yens", None, None), "₹": ("roupie", "roupies", None, None),
    "₽": ("rouble", "roubles", None, None), "CHF": ("franc suisse", "francs suisses", "centime", "centimes"),
    "kr": ("couronne", "couronnes", None, None),  # the Nordic crowns (CLDR fr)
}

# Scale words after a number ("3 M€", "2 Mds"): written form -> power of ten.
SCALE_SUFFIXES = {
    "k": 3, "mille": 3, "M": 6, "million": 6, "millions": 6, "Md": 9, "Mds": 9, "milliard": 9, "milliards": 9,
}
# How each scale is said, singular and plural.
SCALE_WORDS = {
    3: ("mille", "mille"), 6: ("million", "millions"), 9: ("milliard", "milliards"),
    12: ("billion", "billions"),
}

# Unit symbol -> (one, many): SI brochure symbols with the French names of CLDR "units" (fr).
UNITS = {
    "MP": ("mégapixel", "mégapixels"),  # a camera's megapixels ("48 MP"; Larousse: mégapixel)
    # the inch of screens and wheels ("un téléviseur 55\"", the double prime) and tyre pressure in psi
    # (CLDR fr: pouce, livre-force par pouce carré, said "livre par pouce carré")
    "″": ("pouce", "pouces"), "psi": ("livre par pouce carré", "livres par pouce carré"),
    "km": ("kilomètre", "kilomètres"), "m": ("mètre", "mètres"), "cm": ("centimètre", "centimètres"),
    "mm": ("millimètre", "millimètres"), "µm": ("micromètre", "micromètres"),
    "nm": ("nanomètre", "nanomètres"), "mi": ("mile", "miles"), "ft": ("pied", "pieds"),
    "yd": ("yard", "yards"), "kg": ("kilogramme", "kilogrammes"), "g": ("gramme", "grammes"),
    "mg": ("milligramme", "milligrammes"), "lb": ("livre", "livres"), "lbs": ("livre", "livres"),
    "oz": ("once", "onces"), "l": ("litre", "litres"), "L": ("litre", "litres"),
    "ml": ("millilitre", "millilitres"), "mL": ("millilitre", "millilitres"),
    "km/h": ("kilomètre par heure", "kilomètres par heure"),
    "kph": ("kilomètre par heure", "kilomètres par heure"), "mph": ("mile par heure", "miles par heure"),
    "m/s": ("mètre par seconde", "mètres par seconde"), "m²": ("mètre carré", "mètres carrés"),
    "km²": ("kilomètre carré", "kilomètres carrés"), "m³": ("mètre cube", "mètres cubes"),
    "ha": ("hectare", "hectares"), "°C": ("degré Celsius", "degrés Celsius"),
    "°F": ("degré Fahrenheit", "degrés Fahrenheit"), "°": ("degré", "degrés"), "kW": ("kilowatt", "kilowatts"),
    "kWh": ("kilowattheure", "kilowattheures"), "MW": ("mégawatt", "mégawatts"),
    "GW": ("gigawatt", "gigawatts"), "Hz": ("hertz", "hertz"), "kHz": ("kilohertz", "kilohertz"),
    "MHz": ("mégahertz", "mégahertz"), "GHz": ("gigahertz", "gigahertz"), "KB": ("kilooctet", "kilooctets"),
    "kB": ("kilooctet", "kilooctets"), "MB": ("mégaoctet", "mégaoctets"), "GB": ("gigaoctet", "gigaoctets"),
    "TB": ("téraoctet", "téraoctets"), "ms": ("milliseconde", "millisecondes"), "sec": ("seconde", "secondes"),
    "min": ("minute", "minutes"), "hrs": ("heure", "heures"),
    "mAh": ("milliampère-heure", "milliampères-heure"),
}

# Vulgar fractions written out.
VULGAR_FRACTIONS = {
    "½": "un demi", "⅓": "un tiers", "⅔": "deux tiers", "¼": "un quart", "¾": "trois quarts",
    "⅕": "un cinquième", "⅛": "un huitième",
}

# Symbols said when they stand alone between words: NVDA's ``locale/fr/symbols.dic`` at level "some".
SYMBOL_WORDS = {
    "&": "et", "=": "égale", "+": "plus", "×": "fois", "±": "plus ou moins", "≈": "environ",
    "≤": "inférieur ou égal à", "≥": "supérieur ou égal à", "<": "inférieur à", ">": "supérieur à",
    "§": "paragraphe", "©": "copyright", "%": "pour cent", "‰": "pour mille", "→": "vers",
}

# Words before a Roman numeral that make it a cardinal ("Tome II" -> "deux").
ROMAN_CARDINAL_CONTEXT = frozenset("""
    Acte Annexe Article Catégorie Chapitre Classe Division Livre Niveau Partie Phase Saison Section Titre
    Tome Type Vatican Épisode
    chapitre tome acte livre partie saison
""".split())
# Titles before a regnal name: after them even a lone "I" is a numeral.
REGNAL_TITLES = frozenset("""
    Empereur Pape Reine Roi duc duchesse empereur impératrice pape pharaon prince princesse reine roi sultan
    tsar
""".split())

# Sentence splitting: CLDR segmentation suppressions (fr "standard") and the Académie's abbreviations.
NEVER_FINAL = frozenset("""
    Dr M MM Me Mgr Mlle Mme Mmes Pr St Ste apr art av avr bd boul c.-à-d cf chap déc env fig févr janv juil n
    no nov oct p p. ex pp sept vol éd
""".split())
# A full stop after these ends a sentence only when a typical sentence opener follows.
MAY_END = frozenset("""
    Cie J.-C apr. J.-C av. J.-C cie etc
""".split())
# The most frequent first words of sentences on the readability test pages.
SENTENCE_STARTERS = frozenset("""
    Ainsi Alors Au Aujourd Aux Avec Car Ce Cependant Ces Cet Cette Comme Dans Depuis Des Donc Elle Elles En
    Et Hier Il Ils Je L La Le Les Leur Leurs Mais Ni Nous On Or Ou Par Pour Pourtant Puis Quand Que Qui Quoi
    Sa Sans Selon Ses Si Son Sur Un Une Vous
""".split())

# Abbreviations expanded wherever they occur with their full stop (Académie française, "Abréviations").
EXPANSIONS = {
    "M": "Monsieur", "MM": "Messieurs", "Mme": "Madame", "Mmes": "Mesdames", "Mlle": "Mademoiselle",
    "Dr": "Docteur", "Pr": "Professeur", "Me": "Maître", "Mgr": "Monseigneur", "St": "Saint", "Ste": "Sainte",
    "p. ex": "par exemple", "c.-à-d": "c'est-à-dire", "cf": "confer", "env": "environ", "etc": "et cetera",
    "av. J.-C": "avant Jésus-Christ", "apr. J.-C": "après Jésus-Christ", "vol": "volume", "chap": "chapitre",
    "fig": "figure", "boul": "boulevard", "bd": "boulevard", "janv": "janvier", "févr": "février",
    "avr": "avril", "juil": "juillet", "oct": "octobre", "nov": "novembre", "déc": "décembre",
    # the days of opening hours with their dot ("du lun. au ven.", "sam. 10h-13h"; Lexique de l'Imprimerie
    # nationale); not "mar.", "mer.", "jeu.", which end sentences as words ("la mer.", "un jeu.")
    "lun": "lundi", "ven": "vendredi", "sam": "samedi", "dim": "dimanche",
    "Cie": "compagnie",
}
# Expanded without a full stop too (French writes "Mme Dupont", "Dr Martin").
UNDOTTED_EXPANSIONS = {
    "Mme": "Madame", "Mmes": "Mesdames", "Mlle": "Mademoiselle", "Mgr": "Monseigneur", "Dr": "Docteur",
    "Pr": "Professeur", "Me": "Maître", "St": "Saint", "Ste": "Sainte",
    # with superscript letters, as French typography sets them (Imprimerie nationale)
    "Dʳ": "Docteur", "Mᵐᵉ": "Madame", "Mᵐᵉˢ": "Mesdames", "Mˡˡᵉ": "Mademoiselle", "Mˡˡᵉˢ": "Mesdemoiselles",
    "Mᵍʳ": "Monseigneur", "Mᵉ": "Maître",
}
# Before a number only: "n° 5" -> "numéro cinq", "p. 12" -> "page douze".
BEFORE_NUMBER = {
    "n": "numéro", "no": "numéro", "p": "page", "pp": "pages", "art": "article",
}
# How French speakers say these capitalised abbreviations (OTAN and ONU as words).
ACRONYM_READINGS = {
    "OTAN": "Otan", "ONU": "Onu", "UNESCO": "Unesco", "SNCF": "S.N.C.F", "OK": "okay",
}
# Short capitalised words that are ordinary words when shouted (Leipzig Corpora Collection, French news).
SHORT_WORDS = frozenset("""
    AU AUX CE CES DE DES DU EN EST ET IL JE LA LE LES LUI MAL MES MOI NE NI NON NOS ON OU OUI PAR PAS PEU QUE
    QUI SA SE SES SI SON SUR TOI TON TU UN UNE VOS
""".split())

# "14:30", "14h30", "14 h"; groups: hour, minutes after "h", minutes after ":". Not the minutes of a
# duration ("2 h 30 min": the minutes are read with their unit).
TIME_PATTERN = r"(?<![\w.,:])([01]?\d|2[0-4])(?:\s?h(?:\s?([0-5]\d)(?!\s?min\b))?(?!\w)|:([0-5]\d)(?![\d:]))"
ORDINAL_PATTERN = r"(?<![\w.,])(\d{1,3}(?:[\u00a0\u202f ]\d{3})+|\d+)(er|re|ère|e|ème|è|nd|nde)\b"
# Ordinal centuries and regnal "first" with a suffix: "XIXe siècle", "François Ier" (not "Le", "Ce").
ROMAN_ORDINAL_PATTERN = (r"(?<![\w.,])(?!(?:L|C)(?:e|er|re)\b)((?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})"
                         r"(?:IX|IV|V?I{0,3}))(er|re|ère|e|ème)\b")


def say_year(value: int) -> str:
    """French reads years as cardinals: "mille neuf cent quatre-vingt-dix"."""
    return numbers.cardinal(value, CODE)


def say_ordinal(match: re.Match) -> str:
    """ "1er" -> "premier", "1re" -> "première", "2nde" -> "seconde", "XIXe" -> "dix-neuvième"."""
    written, suffix = match.group(1), match.group(2)
    digits = re.sub(r"\s", "", written)  # "1 000e": grouped thousands
    value = int(digits) if digits.isdigit() else numbers.roman_value(written)
    if not value:
        return match.group()
    if value == 1:
        return "première" if suffix in ("re", "ère", "nde") else "premier"
    if value == 2 and suffix in ("nd", "nde"):
        return "seconde" if suffix == "nde" else "second"
    return numbers.ordinal(value, CODE)


def say_date(day: int, month: int, year: int | None, before: str = "") -> str:
    """ "1/7/2017" -> "premier juillet deux mille dix-sept" (only the first day is an ordinal)."""
    day_word = "premier" if day == 1 else numbers.cardinal(day, CODE)
    spoken = f"{day_word} {RULES.month_name(month)}"
    return spoken + (f" {say_year(year)}" if year else "")


def say_day_month(day: int, month: int, month_text: str, year: int | None, before: str,
                  dotted: bool) -> str | None:
    """A written day and month name ("21 de mayo", "1er juin") read as a date, the first day an ordinal."""
    return say_date(day, month, year, before)


def say_time(hour: int, minutes: str) -> str:
    """ "14h30" -> "quatorze heures trente", "1h" -> "une heure"."""
    # "zéro heure" is singular like "une heure" (Grevisse: the plural starts at two); 21 h is "vingt et une"
    if hour == 1:
        hour_word = "une heure"
    elif hour == 0:
        hour_word = "zéro heure"
    else:
        hour_word = f"{numbers.cardinal(hour, CODE)} heures".replace("et un heures", "et une heures")
    minute_word = f" {numbers.cardinal(int(minutes), CODE)}" if minutes and minutes != "00" else ""
    return hour_word + minute_word


# Denominators with a name of their own; the others are ordinals ("un sixième").
DENOMINATORS = {2: "demi", 3: "tiers", 4: "quart"}


def say_fraction(top: int, bottom: int, whole: int | None, forced: bool) -> str | None:
    """ "3/4" -> "trois quarts", "1/6" -> "un sixième", "1 1/2" -> "un et demi"."""
    if bottom < 2 or (top >= bottom and bottom > 4):
        return None
    name = DENOMINATORS.get(bottom) or numbers.ordinal(bottom, CODE)
    if top > 1 and not name.endswith(("s", "x")):
        name += "s"
    if whole is not None and (top, bottom) == (1, 2):
        return f"{numbers.cardinal(whole, CODE)} et demi"
    fraction = f"{numbers.cardinal(top, CODE)} {name}"
    return fraction if whole is None else f"{numbers.cardinal(whole, CODE)} et {fraction}"


def feminine_cardinal(words: str) -> str:
    """ "vingt et un" -> "vingt et une" before a feminine noun ("vingt et une heures")."""
    return words[:-2] + "une" if words.endswith("un") else words


def say_regnal(value: int) -> str:
    """ "Louis XIV" -> "Louis quatorze", "François I" -> "François premier"."""
    return "premier" if value == 1 else numbers.cardinal(value, CODE)


def feminine_regnal(said: str) -> str:
    """ "premier" -> "première" after a queen ("Marie Ire"); the cardinals from two on have no gender."""
    return "première" if said == "premier" else said



# Feminine measures of recipes and clocks, for "une demi-tasse", "une demi-heure" (Larousse, "demi":
# invariable and joined before its noun); any other noun takes "un demi-".
_FEMININE_MEASURES = frozenset("""tasse heure cuillère cuillerée pincée gousse tranche boîte bouteille livre
    once minute journée semaine tablette botte baguette douzaine portion part""".split())


def fraction_before_noun(top: int, bottom: int, spoken: str, noun: str, before: str) -> str | None:
    """ "1/2 tasse" -> "une demi tasse", "1/2 litre" -> "un demi litre" (Larousse, "demi")."""
    if (top, bottom) != (1, 2) or not noun.isalpha() or not noun.islower() or before in ("le", "la", "un", "une"):
        return None
    return "une demi" if noun in _FEMININE_MEASURES else "un demi"


RULES = LanguageRules(
    rating_scales=frozenset({20}),  # school and press marks out of twenty ("15/20": quinze sur vingt)
    fraction_before_noun=fraction_before_noun,
    rating_nouns=frozenset({"étoiles", "points"}),  # a review's "4/5 stars": out of
    feminine_regnal=feminine_regnal,
    code=CODE,
    number_style=NumberStyle(group=" ", decimal=","),  # CLDR fr: "1 234,5"
    country_code_as_number=True,  # "+33" is said "plus trente-trois"
    words=frozen(WORDS),
    months=frozen(MONTHS),
    weekdays=WEEKDAYS,
    # opening hours: "lun-ven", "mar.–sam." (Lexique des règles typographiques: lun., mar., ...)
    range_abbreviations=frozen({"lun": "lundi", "mar": "mardi", "mer": "mercredi", "jeu": "jeudi",
                                "ven": "vendredi", "sam": "samedi", "dim": "dimanche"}),
    slash_per="par",  # "50 €/nuit" -> "cinquante euros par nuit"
    per_words=frozen({word: word for word in "nuit jour mois an heure personne pièce semaine kilo".split()}
                     | {"h": "heure", "kg": "kilo"}),
    say_year=say_year,
    fraction_as_number=True,  # "3,14" -> "trois virgule quatorze"
    # "3,1416" -> "trois virgule quatorze seize": a long decimal two digits at a time, as French readers
    # say pi; up to three digits it is one number ("818,303" -> "... virgule trois cent trois").
    fraction_pairs_from=4,
    one_before_noun=("un", "une"),
    feminine_nouns=frozenset({"livre", "roupie", "couronne", "once", "mile", "heure", "minute", "seconde", "milliseconde",
                              "tonne"}),
    feminine_cardinal=feminine_cardinal,
    currencies=frozen(CURRENCIES),
    scale_suffixes=frozen(SCALE_SUFFIXES),
    scale_words=frozen(SCALE_WORDS),
    scale_currency_link="de",  # "trois millions d'euros"
    elided_link="d'",
    units=frozen(with_capitals(UNITS)),  # also "12KG", "500 ML", as listings print them
    vulgar_fractions=frozen(VULGAR_FRACTIONS),
    say_fraction=say_fraction,
    say_date=say_date,
    say_day_month=say_day_month,
    time_pattern=TIME_PATTERN,
    say_time=say_time,
    ordinal_pattern=ORDINAL_PATTERN,
    say_ordinal=say_ordinal,
    roman_ordinal_pattern=ROMAN_ORDINAL_PATTERN,
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
)
