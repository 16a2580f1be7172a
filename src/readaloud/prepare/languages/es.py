"""Spanish: how numbers, dates, money, units and abbreviations are written and said.

Readings follow the RAE's "Ortografía" and "Diccionario panhispánico de dudas" ("1.º", "21 de mayo",
"veintiún euros"); number words are num2words'.
"""

from __future__ import annotations

import re

from ... import patterns
from .. import numbers
from ..numbers import NumberStyle, WrittenNumber
from .rules import LanguageRules, frozen, with_capitals, with_lower_case

CODE = "es"

# The little words of number reading, symbols and links.
WORDS = {
    "month_of_year": "de",
    "point": "coma", "minus": "menos", "to": "a", "percent": "por ciento", "permille": "por mil", "and": "y",
    "plus": "más", "equals": "igual a", "number": "número", "hashtag": "hashtag", "at": "arroba",
    "degrees": "grados", "degree": "grado", "times": "por", "about": "aproximadamente",
    "plus_minus": "más o menos", "section": "sección", "link": "enlace a", "email": "dirección de correo en",
    "per": "por", "o_clock": "en punto", "the": "", "of": "",
    "or": "o", "cents_and": "", "fraction_of": "de", "ratio": "a", "out_of": "de", "by": "por", "dot": "punto",
}

# Month names as written in dates (CLDR "format wide", es; "setiembre" is an RAE-accepted variant).
MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}

# Day names (CLDR es day names), for ranges such as "Monday–Friday".
WEEKDAYS = frozenset("lunes martes miércoles jueves viernes sábado domingo".split())

# Currency symbol or code -> (one, many, minor one, minor many), from CLDR "currencies" (es).
CURRENCIES = {
    "$": ("dólar", "dólares", "centavo", "centavos"),
    "US$": ("dólar estadounidense", "dólares estadounidenses", "centavo", "centavos"),
    "€": ("euro", "euros", "céntimo", "céntimos"), "£": ("libra", "libras", "penique", "peniques"),
    "¥": ("yen", "yenes", None, None), "₹": ("rupia", "rupias", None, None),
    "₽": ("rublo", "rublos", None, None), "CHF": ("franco suizo", "francos suizos", None, None),
    "₩": ("won", "wones", None, None), "₡": ("colón", "colones", "céntimo", "céntimos"),
    "₧": ("peseta", "pesetas", None, None),
    "kr": ("corona", "coronas", None, None),  # the Nordic crowns (CLDR es "corona")
}
# Spain's nine-digit numbers as they are written (first digit 6 or 7 for mobiles, 8 or 9 for landlines;
# CNMC numbering plan): "91 123 45 67", "612 34 56 78", "900 123 456", "912345678".
LOCAL_PHONE_PATTERN = (r"(?<![\w.,+-])(?:[6-9]\d{2}(?:\s\d{2}){3}|[89]\d\s\d{3}(?:\s\d{2}){2}"
                       r"|[6-9]\d{2}\s\d{3}\s\d{3}|[6-9]\d{8})(?![\w]|[.,]\d)")
PHONE_CUES = frozenset({"tel", "tel.", "tel.:", "tel:", "teléfono", "teléfono:", "teléfonos", "al", "móvil",
                        "móvil:", "fax", "fax:", "whatsapp", "llamar", "llame", "llama", "número"})
# The currencies of the Spanish-speaking press by their ISO 4217 codes ("MXN 500", "13 HKD") and the
# symbols that name a country's dollar or real ("R$ 20", "HK$ 5"); names from CLDR es (currency
# display names and their plurals), minor units as the issuing countries name them.
_PESO_MINOR = ("centavo", "centavos")
for _names, _keys in (
        (("peso mexicano", "pesos mexicanos", *_PESO_MINOR), ("MXN",)),
        (("peso argentino", "pesos argentinos", *_PESO_MINOR), ("ARS",)),
        (("peso colombiano", "pesos colombianos", *_PESO_MINOR), ("COP",)),
        (("peso chileno", "pesos chilenos", *_PESO_MINOR), ("CLP",)),
        (("peso uruguayo", "pesos uruguayos", "centésimo", "centésimos"), ("UYU",)),
        (("peso cubano", "pesos cubanos", *_PESO_MINOR), ("CUP",)),
        (("peso dominicano", "pesos dominicanos", *_PESO_MINOR), ("DOP", "RD$")),
        # with the signs Latin American pages write before the amount (CLDR es-PE, es-PA, es-DO, es-VE, es-PY
        # symbols: "S/ 20", "B/. 5", "RD$ 100", "Bs. 5", "₲ 1000")
        (("sol peruano", "soles peruanos", "céntimo", "céntimos"), ("PEN", "S/", "S/.")),
        (("boliviano", "bolivianos", *_PESO_MINOR), ("BOB",)),
        (("guaraní", "guaraníes", None, None), ("PYG", "₲")),
        (("quetzal", "quetzales", *_PESO_MINOR), ("GTQ",)),
        (("córdoba", "córdobas", *_PESO_MINOR), ("NIO",)),
        (("lempira", "lempiras", *_PESO_MINOR), ("HNL",)),
        (("balboa", "balboas", "centésimo", "centésimos"), ("PAB", "B/.")),
        (("bolívar", "bolívares", "céntimo", "céntimos"), ("VES", "Bs.")),
        (("real brasileño", "reales brasileños", *_PESO_MINOR), ("BRL", "R$")),
        (("dólar de Hong Kong", "dólares de Hong Kong", *_PESO_MINOR), ("HKD", "HK$")),
        (("dólar canadiense", "dólares canadienses", *_PESO_MINOR), ("CAD", "C$")),
        (("dólar australiano", "dólares australianos", *_PESO_MINOR), ("AUD", "A$")),
        (("florín arubeño", "florines arubeños", *_PESO_MINOR), ("AWG",)),
        (("colón costarricense", "colones costarricenses", "céntimo", "céntimos"), ("CRC",)),
        (("colón salvadoreño", "colones salvadoreños", *_PESO_MINOR), ("SVC",)),
        (("dólar guyanés", "dólares guyaneses", *_PESO_MINOR), ("GYD",)),
        (("dólar de Trinidad y Tobago", "dólares de Trinidad y Tobago", *_PESO_MINOR), ("TTD",)),
        (("won surcoreano", "wones surcoreanos", None, None), ("KRW",)),
        (("libra esterlina", "libras esterlinas", "penique", "peniques"), ("GBP",)),
        (("yuan", "yuanes", None, None), ("CNY",)),
):
    CURRENCIES.update(dict.fromkeys(_keys, _names))

# Scale words after a number: written form -> power of ten ("MM" is the financial press's "mil millones").
SCALE_SUFFIXES = {
    "mil": 3, "M": 6, "millón": 6, "millones": 6, "MM": 9, "mil millones": 9, "billón": 12, "billones": 12,
}
# How each scale is said, singular and plural.
SCALE_WORDS = {
    3: ("mil", "mil"), 6: ("millón", "millones"), 9: ("mil millones", "mil millones"),
    12: ("billón", "billones"),
}

# Unit symbol -> (one, many): SI brochure symbols with the Spanish names of CLDR "units" (es).
UNITS = {
    "MP": ("megapíxel", "megapíxeles"),  # a camera's megapixels ("48 MP"; Fundéu: megapíxel)
    # the inch of screens and wheels ("un televisor de 55\"", the double prime, CLDR es: pulgada); the
    # tyre pressure of imported gauges is said by its letters ("32 psi", "pe ese i", as workshops say it)
    "″": ("pulgada", "pulgadas"), "psi": ("p s i", "p s i"),
    "h": ("hora", "horas"),  # Spanish writes "3 h" for hours (RAE, símbolos); "14.30 h" is a time
    "km": ("kilómetro", "kilómetros"), "m": ("metro", "metros"), "cm": ("centímetro", "centímetros"),
    "mm": ("milímetro", "milímetros"), "µm": ("micrómetro", "micrómetros"), "nm": ("nanómetro", "nanómetros"),
    "mi": ("milla", "millas"), "ft": ("pie", "pies"), "yd": ("yarda", "yardas"),
    "kg": ("kilogramo", "kilogramos"), "g": ("gramo", "gramos"), "mg": ("miligramo", "miligramos"),
    "lb": ("libra", "libras"), "lbs": ("libra", "libras"), "oz": ("onza", "onzas"), "l": ("litro", "litros"),
    "L": ("litro", "litros"), "ml": ("mililitro", "mililitros"), "mL": ("mililitro", "mililitros"),
    "km/h": ("kilómetro por hora", "kilómetros por hora"),
    "kph": ("kilómetro por hora", "kilómetros por hora"), "mph": ("milla por hora", "millas por hora"),
    "m/s": ("metro por segundo", "metros por segundo"), "m²": ("metro cuadrado", "metros cuadrados"),
    "km²": ("kilómetro cuadrado", "kilómetros cuadrados"), "m³": ("metro cúbico", "metros cúbicos"),
    "ha": ("hectárea", "hectáreas"), "°C": ("grado Celsius", "grados Celsius"),
    # the tonne, horsepower and metres above sea level of Spanish news (RAE, símbolos; "msnm" in
    # Latin American geography)
    "t": ("tonelada", "toneladas"), "CV": ("caballo de vapor", "caballos de vapor"),
    "msnm": ("metro sobre el nivel del mar", "metros sobre el nivel del mar"),
    "°F": ("grado Fahrenheit", "grados Fahrenheit"), "°": ("grado", "grados"),
    "kW": ("kilovatio", "kilovatios"), "kWh": ("kilovatio hora", "kilovatios hora"),
    "MW": ("megavatio", "megavatios"), "GW": ("gigavatio", "gigavatios"), "Hz": ("hercio", "hercios"),
    "kHz": ("kilohercio", "kilohercios"), "MHz": ("megahercio", "megahercios"),
    "GHz": ("gigahercio", "gigahercios"), "KB": ("kilobyte", "kilobytes"), "kB": ("kilobyte", "kilobytes"),
    "MB": ("megabyte", "megabytes"), "GB": ("gigabyte", "gigabytes"), "TB": ("terabyte", "terabytes"),
    "ms": ("milisegundo", "milisegundos"), "sec": ("segundo", "segundos"), "min": ("minuto", "minutos"),
    "hrs": ("hora", "horas"), "mAh": ("miliamperio hora", "miliamperios hora"),
    "seg": ("segundo", "segundos"), "s": ("segundo", "segundos"), "μm": ("micrómetro", "micrómetros"),
    # the watt and the volt of appliance and grid news ("una bombilla de 100 W", "220 V"; RAE, símbolos:
    # vatio, voltio)
    "W": ("vatio", "vatios"), "V": ("voltio", "voltios"), "kV": ("kilovoltio", "kilovoltios"),
    # areas, volumes and capacities of recipes and labels, sound and data rates (SI brochure symbols with
    # the CLDR es unit names; RAE, símbolos: cl, dl, hl, dB)
    "cm²": ("centímetro cuadrado", "centímetros cuadrados"), "mm²": ("milímetro cuadrado", "milímetros cuadrados"),
    "cm³": ("centímetro cúbico", "centímetros cúbicos"), "km³": ("kilómetro cúbico", "kilómetros cúbicos"),
    "cl": ("centilitro", "centilitros"), "dl": ("decilitro", "decilitros"), "hl": ("hectolitro", "hectolitros"),
    "dB": ("decibelio", "decibelios"), "kcal": ("kilocaloría", "kilocalorías"), "cal": ("caloría", "calorías"),
    "Mbps": ("megabit por segundo", "megabits por segundo"), "Gbps": ("gigabit por segundo", "gigabits por segundo"),
    "kbps": ("kilobit por segundo", "kilobits por segundo"), "Gb": ("gigabit", "gigabits"), "Mb": ("megabit", "megabits"),
    "mA": ("miliamperio", "miliamperios"), "MWh": ("megavatio hora", "megavatios hora"),
    "ºC": ("grado Celsius", "grados Celsius"), "℃": ("grado Celsius", "grados Celsius"),
}

# Vulgar fractions written out.
VULGAR_FRACTIONS = {
    "½": "un medio", "⅓": "un tercio", "⅔": "dos tercios", "¼": "un cuarto", "¾": "tres cuartos",
    "⅕": "un quinto", "⅛": "un octavo",
}

# Symbols said when they stand alone between words: NVDA's ``locale/es/symbols.dic`` at level "some".
SYMBOL_WORDS = {
    "&": "y", "=": "igual a", "+": "más", "×": "por", "±": "más o menos", "≈": "aproximadamente",
    "≤": "menor o igual que", "≥": "mayor o igual que", "<": "menor que", ">": "mayor que", "§": "sección",
    "©": "copyright", "%": "por ciento", "‰": "por mil", "→": "a",
}

# Words before a Roman numeral that make it a cardinal ("Tomo II" -> "dos").
ROMAN_CARDINAL_CONTEXT = frozenset("""
    Acto Anexo Artículo Capítulo Categoría Clase División Episodio Fase Libro Nivel Parte Sección Temporada
    Tipo Tomo Título Vaticano
    siglo capítulo tomo volumen parte libro acto fase temporada
""".split())
# Titles before a regnal name: after them even a lone "I" is a numeral.
REGNAL_TITLES = frozenset("""
    Emperador Papa Reina Rey duque duquesa emperador emperatriz faraón papa princesa príncipe reina rey
    sultán zar
""".split())

# Sentence splitting: CLDR segmentation suppressions (es "standard") and the RAE list of abbreviations.
NEVER_FINAL = frozenset("""
    Av Avda D Dr Dra Dña EE Ing Lic Prof Sr Sra Sres Srta Sta Sto Ud Uds Vd Vds abr ago aprox art c cap dic
    ene feb fig jul jun nov nº núm oct p. ej pág págs sept vol
    sr sra srta dr dra esq pza Da
""".split())
# A full stop after these ends a sentence only when a typical sentence opener follows.
MAY_END = frozenset("""
    Cía EE. UU EE.UU Hnos S.A a. C d. C etc
""".split())
# The most frequent first words of sentences on the readability test pages.
SENTENCE_STARTERS = frozenset("""
    Además Así Aunque Ayer Como Con Cuando Desde Después El Ella Ellas Ellos Embargo En Esa Ese Esta Estas
    Este Estos Hoy La Las Lo Los Luego Mientras Nosotros O Para Pero Por Que Según Si Sin Su Sus También Un
    Una Unas Unos Y Yo Él
""".split())

# Abbreviations expanded wherever they occur with their full stop (RAE "Lista de abreviaturas").
EXPANSIONS = {
    # lower-case forms, as news text also writes them ("el dr. García"), and street abbreviations (RAE list)
    "sr": "señor", "sra": "señora", "srta": "señorita", "dr": "doctor", "dra": "doctora", "esq": "esquina",
    "pza": "plaza", "ee. uu": "Estados Unidos", "Da": "doña", "a. c": "antes de Cristo", "d. c": "después de Cristo",
    "Sr": "señor", "Sra": "señora", "Srta": "señorita", "Sres": "señores", "Dr": "doctor", "Dra": "doctora",
    "Lic": "licenciado", "Ing": "ingeniero", "Prof": "profesor", "Ud": "usted", "Uds": "ustedes",
    "Vd": "usted", "Vds": "ustedes", "Dña": "doña", "Sto": "santo", "Sta": "santa", "p. ej": "por ejemplo",
    "núm": "número", "pág": "página", "págs": "páginas", "cap": "capítulo", "aprox": "aproximadamente",
    "Avda": "avenida", "etc": "etcétera", "EE. UU": "Estados Unidos", "EE.UU": "Estados Unidos",
    "a. C": "antes de Cristo", "d. C": "después de Cristo", "ene": "enero", "feb": "febrero", "abr": "abril",
    "jun": "junio", "jul": "julio", "ago": "agosto", "sept": "septiembre", "oct": "octubre",
    "nov": "noviembre", "dic": "diciembre", "Cía": "compañía",
    # more of the RAE's list of abbreviations (Ortografía 2010, apéndice 2), capitalised and in lower case
    "lic": "licenciado", "ing": "ingeniero", "prof": "profesor", "avda": "avenida", "Av": "avenida",
    "av": "avenida", "arq": "arquitecto", "Arq": "arquitecto", "Gral": "general", "gral": "general",
    "Excmo": "excelentísimo", "Excma": "excelentísima", "Ilmo": "ilustrísimo", "Ilma": "ilustrísima",
    "Mons": "monseñor", "Pdte": "presidente", "pdte": "presidente", "Ctra": "carretera", "ctra": "carretera",
    "dpto": "departamento", "Dpto": "departamento", "depto": "departamento", "tel": "teléfono", "Tel": "teléfono",
    "tfno": "teléfono", "Tfno": "teléfono", "atte": "atentamente", "Atte": "atentamente", "cía": "compañía",
    # Day names (RAE, Ortografía 2010, apéndice de abreviaturas; "mar." is left to "marzo").
    "lun": "lunes", "miérc": "miércoles", "mié": "miércoles", "juev": "jueves", "jue": "jueves",
    "vier": "viernes", "vie": "viernes", "sáb": "sábado", "dom": "domingo",
    "Lun": "lunes", "Miérc": "miércoles", "Mié": "miércoles", "Juev": "jueves", "Jue": "jueves",
    "Vier": "viernes", "Vie": "viernes", "Sáb": "sábado", "Dom": "domingo",
}
# Before a number only: "art. 5" -> "artículo cinco".
BEFORE_NUMBER = {
    "art": "artículo", "c": "calle",
}
# How Spanish speakers say these capitalised abbreviations (OTAN and ONU as words).
ACRONYM_READINGS = {
    "OTAN": "Otan", "ONU": "Onu", "OK": "okay",
    # acronyms of Spanish news read as words, and the two parties' names as said (RAE, DPD "sigla": "la
    # ONG" [oenegé]; Fundéu BBVA on PIB, IVA, ERE, PSOE, PP)
    "PIB": "pib", "IVA": "iva", "INE": "ine", "BOE": "boe", "NIF": "nif", "CIF": "cif", "ERE": "ere",
    "SEPE": "sepe", "PSOE": "pesoe", "PP": "pepé", "ONG": "oenegé", "ONGs": "oenegés",
}
# Short capitalised words that are ordinary words when shouted (Leipzig Corpora Collection, Spanish news).
SHORT_WORDS = frozenset("""
    AL DE DEL EL EN ERA ES FUE HA HAY LA LAS LE LES LO LOS MAS ME MI MUY MÁS NO NOS POR QUE QUÉ SE SER SI SIN
    SU SUS TAN TU UN UNA VER YA YO
""".split())

# "14:30", "14.30", "14.30 h", "14:30:15" (RAE: "las 14.30 h"); groups: hour, minutes after ":" or ".".
TIME_PATTERN = (r"(?<![\w.,:])([01]?\d|2[0-4])(?::([0-5]\d)(?::(?P<seconds>[0-5]\d))?|\.([0-5]\d)(?![\d.,]))(?![\d:])"
                r"(?:\s?(?:h|horas|hrs)\b)?")  # "a las 20.30 horas": the hour is said once
AMPM_PATTERN = r"(?<![\w.,:])(\d{1,2})(?:[:.]([0-5]\d))?\s?([AaPp])\.?\s?[Mm]\b\.?"
# "1.º", "2.ª", "1.er", "1.ᵉʳ", "1.000.º", and the Latin American "1ro", "2da" (RAE: the ordinal indicator,
# with or without its full stop; "er" for the shortened "primer", "tercer").
ORDINAL_PATTERN = (r"(?<![\w.,])(\d{1,3}(?:[.\u00a0 ]\d{3})+|\d+)(?:\.?([ºªᵒᵃ])|\.?(ᵉʳ|er\b)"
                   r"|(ro|do|to|vo|no|mo|ra|da|ta|va|na|ma)\b)")


def say_year(value: int) -> str:
    """Spanish reads years as cardinals: "mil novecientos noventa"."""
    return numbers.cardinal(value, CODE)


def before_noun(words: str) -> str:
    """ "veintiuno" -> "veintiún", "treinta y uno" -> "treinta y un": the apocope before a noun (RAE)."""
    if words.endswith("uno"):
        return words[:-3] + ("ún" if words.endswith("veintiuno") else "un")
    return words


def feminine_cardinal(words: str) -> str:
    """ "doscientos veintiuno" -> "doscientas veintiuna" before a feminine noun (RAE); a "millones"
    in the number is a noun of its own, so what comes before it stays masculine."""
    head, sep, tail = words.rpartition("millones" if "millones" in words else "millón")
    tail = re.sub(r"ientos\b", "ientas", tail)
    tail = re.sub(r"uno\b", "una", tail)
    return head + sep + tail


# Words after a number that are not the noun it counts ("1 de cada 3", "en 2001 se fue"): the RAE's
# apocope ("un", "veintiún") is only for a following noun. Prepositions, articles, pronouns, conjunctions
# and the commonest verbs.
NOT_NOUNS = frozenset("""a al ante bajo con contra de del desde durante en entre hacia hasta para por según sin
    sobre tras y e o u ni que se le lo la las los me te nos les es son fue fueron era ha han había hay será
    está están estaba como cuando donde más menos muy ya no sí también pero sino aunque mientras porque""".split())
_NEXT = patterns.compile(r"\s+([^\W\d]+)")


# Feminine nouns news counts most often (RAE, Diccionario; frequencies from the CORPES XXI press): before
# them the number agrees ("veintiuna personas", "doscientas viviendas", RAE, Nueva gramática 21.2).
# Endings that are feminine by rule ("-ción", "-sión", "-dad", "-tud", "-umbre") need no entry.
_FEMININE_COUNTED = frozenset("""persona víctima vivienda tonelada casa página semana hora vez empresa
    familia mujer niña especie obra cama escuela calle plaza palabra cosa parte noche tarde mañana imagen
    línea carta canción película serie temporada jornada etapa vuelta victoria derrota carrera medalla
    planta prueba vacuna dosis tienda mesa botella arma bomba nave isla región provincia zona hectárea
    milla libra peseta caloría copia foto muerte hermana hija madre alumna trabajadora plantilla fábrica
    unidad hoja entrada cabeza mascarilla pieza gota taza cucharada cucharadita""".split())
_FEMININE_ENDINGS = ("ción", "sión", "dad", "tud", "umbre", "ciones", "siones", "dades", "tudes", "umbres")


def _feminine_noun(word: str) -> bool:
    """ "personas", "viviendas", "naciones", "veces": a feminine noun (singular or plural)."""
    word = word.lower()
    if word.endswith(_FEMININE_ENDINGS):
        return True
    singulars = {word, word[:-1], word[:-2], word[:-3] + "z"} if word.endswith("s") else {word}
    return not singulars.isdisjoint(_FEMININE_COUNTED)


def number_before_word(spoken: str, number: WrittenNumber, following: str) -> str:
    """ "1 libro" -> "un libro", "21 libros" -> "veintiún libros", "21 personas" -> "veintiuna personas";
    "1 de 3" and years keep "uno"."""
    nxt = _NEXT.match(following)
    if not nxt or nxt.group(1).lower() in NOT_NOUNS or number.fraction:
        return spoken
    if spoken.endswith(("millón", "millones", "billón", "billones")) and nxt.group(1)[:1].islower():
        return f"{spoken} de"  # "3.000.000 euros" -> "tres millones de euros" (RAE: millón is a noun)
    if _feminine_noun(nxt.group(1)):
        return "una" if number.is_one else feminine_cardinal(spoken)  # "1500 personas" is no year
    if len(number.integer) == 4 and 1100 <= int(number.integer) <= 2099:
        return spoken  # a year: "en 2001 Madrid ..."
    return "un" if number.is_one else before_noun(spoken)


# num2words' Spanish ordinals, corrected to the RAE's forms: one word from 11 to 29 ("decimotercero",
# "vigesimoprimero"), "undécimo" and "duodécimo", and the hundreds' spelling ("cuadringentésimo").
_ORDINAL_FIXES = (("quadragésim", "cuadragésim"), ("cuadrigentésim", "cuadringentésim"),
                  ("septigentésim", "septingentésim"), ("octigentésim", "octingentésim"))
_TEENS = {11: "undécimo", 12: "duodécimo"}


def ordinal(value: int) -> str:
    """ "13" -> "decimotercero", "21" -> "vigesimoprimero", "400" -> "cuadringentésimo"."""
    if value in _TEENS:
        return _TEENS[value]
    words = numbers.ordinal(value, CODE)
    for wrong, right in _ORDINAL_FIXES:
        words = words.replace(wrong, right)
    if 13 <= value <= 29:
        head, _, tail = words.partition(" ")
        words = (head.replace("é", "e") + tail).replace("oo", "o") if tail else words
    return words


def say_ordinal(match: re.Match) -> str:
    """ "1.º" -> "primero", "2.ª" -> "segunda", "1.er" -> "primer", "3ro" -> "tercero"."""
    words = ordinal(int(re.sub(r"\D", "", match.group(1))))
    mark = match.group(2) or match.group(3) or match.group(4)
    if mark in ("ª", "ᵃ") or mark.endswith("a"):
        return " ".join(w[:-1] + "a" if w.endswith("o") else w for w in words.split())
    if mark in ("ᵉʳ", "er"):
        return re.sub(r"(primer|tercer)o\b", r"\1", words)
    return words


def say_date(day: int, month: int, year: int | None, before: str = "") -> str:
    """ "1/5/2017" -> "primero de mayo de dos mil diecisiete"."""
    day_word = "primero" if day == 1 else numbers.cardinal(day, CODE)
    spoken = f"{day_word} de {RULES.month_name(month)}"
    return spoken + (f" de {say_year(year)}" if year else "")


def say_day_month(day: int, month: int, month_text: str, year: int | None, before: str,
                  dotted: bool) -> str | None:
    """A written day and month name ("21 de mayo", "1er juin") read as a date, the first day an ordinal."""
    return say_date(day, month, year, before)


# Quarter and half hours as said ("las dos y media"); the other minutes as numbers.
_MINUTE_WORDS = {"15": "cuarto", "30": "media"}


def say_time(hour: int, minutes: str) -> str:
    """ "14:30" -> "catorce y media", "1:05" -> "una y cinco", "1:00" -> "una"."""
    hour_word = feminine_cardinal(numbers.cardinal(hour, CODE))  # "la una", "las veintiuna" (la hora)
    if not minutes or minutes == "00":
        return hour_word
    return f"{hour_word} y {_MINUTE_WORDS.get(minutes) or numbers.cardinal(int(minutes), CODE)}"


def _count_of(value: int, one: str, many: str, feminine: bool = False) -> str:
    """ "una hora", "cinco minutos", "veintiún segundos": a count before its noun."""
    if value == 1:
        return f"{'una' if feminine else 'un'} {one}"
    words = numbers.cardinal(value, CODE)
    return f"{feminine_cardinal(words) if feminine else before_noun(words)} {many}"


def say_time_seconds(hour: int, minutes: str, seconds: str) -> str:
    """ "14:05:30" -> "catorce horas, cinco minutos y treinta segundos": a time to the second is read with
    its units, as a stopwatch or a timestamp (RAE, "hora": "las 14 h 5 min 30 s")."""
    return (f"{_count_of(hour, 'hora', 'horas', feminine=True)}, {_count_of(int(minutes), 'minuto', 'minutos')}"
            f" y {_count_of(int(seconds), 'segundo', 'segundos')}")


def say_time_ampm(hour: int, minutes: str, half: str) -> str | None:
    """ "1.00 p.m." -> "una de la tarde", "12.15 a.m." -> "doce y cuarto de la noche"."""
    if not 1 <= hour <= 12:
        return None
    if half.lower() == "a":
        period = "de la noche" if hour == 12 else "de la mañana"
    else:
        period = "del mediodía" if hour == 12 else "de la tarde" if hour < 8 else "de la noche"
    return f"{say_time(hour, minutes)} {period}"


# Denominators with a name of their own (RAE, "Ortografía", fraccionarios); from eleven to ninety-nine
# the cardinal takes "-avo" ("treceavo", "veintiunavo"), round hundreds and powers of ten the ordinal
# ("centésimo", "milésimo"), anything else "sobre" ("uno sobre ciento once").
DENOMINATORS = {2: "medio", 3: "tercio", 4: "cuarto", 5: "quinto", 6: "sexto", 7: "séptimo", 8: "octavo",
                9: "noveno", 10: "décimo"}
_UNACCENTED = str.maketrans("áéíóú", "aeiou")


def _denominator(bottom: int) -> str | None:
    if bottom in DENOMINATORS:
        return DENOMINATORS[bottom]
    if bottom < 100:
        words = numbers.cardinal(bottom, CODE).translate(_UNACCENTED)
        return (words[:-1] if words.endswith(("a", "o")) else words) + "avo"
    digits = str(bottom)
    if digits.rstrip("0") in ("1", "2", "3", "4", "5", "6", "7", "8", "9") and bottom % 100 == 0:
        return ordinal(bottom)  # with the RAE's spelling ("octingentésimo")
    return None


def say_fraction(top: int, bottom: int, whole: int | None, forced: bool) -> str | None:
    """ "1/4" -> "un cuarto", "2/100" -> "dos centésimos", "1 1/2" -> "uno y medio"."""
    if bottom < 2 or (top >= bottom and bottom > 4):
        return None
    name = _denominator(bottom)
    if name is None:
        fraction = f"{numbers.cardinal(top, CODE)} sobre {numbers.cardinal(bottom, CODE)}"
    else:
        count = "un" if top == 1 else before_noun(numbers.cardinal(top, CODE))
        fraction = f"{count} {name}{'s' if top > 1 else ''}"
    if whole is None:
        return fraction
    if (top, bottom) == (1, 2):
        return f"{numbers.cardinal(whole, CODE)} y medio"
    return f"{numbers.cardinal(whole, CODE)} y {fraction}"


def say_regnal(value: int) -> str:
    """ "Felipe VI" -> "Felipe sexto"; from eleven on, cardinals ("Alfonso doce")."""
    return numbers.ordinal(value, CODE) if value <= 10 else numbers.cardinal(value, CODE)



# Nouns in -a that are masculine ("medio día" is "mediodía", but "medio programa"; RAE, DPD "género").
_MASCULINE_IN_A = frozenset("día problema programa sistema tema mapa clima idioma planeta".split())
_ARTICLES = frozenset("el la los las un una unos unas".split())


_PART_ORDINALS = {"un": "una", "tercio": "tercera", "tercios": "terceras", "cuarto": "cuarta", "cuartos": "cuartas",
                  "quinto": "quinta", "quintos": "quintas", "sexto": "sexta", "sextos": "sextas",
                  "octavo": "octava", "octavos": "octavas", "décimo": "décima", "décimos": "décimas"}


def fraction_before_noun(top: int, bottom: int, spoken: str, noun: str, before: str) -> str | None:
    """ "1/2 taza" -> "media taza", "1/2 vaso" -> "medio vaso", "3/4 taza" -> "tres cuartos de taza"
    (RAE, "medio": an adjective that agrees; a fraction takes "de" before its noun)."""
    if noun in ("parte", "partes"):  # "3/4 partes" -> "tres cuartas partes" (RAE, DPD "partitivos")
        return " ".join(_PART_ORDINALS.get(word, word) for word in spoken.split())
    if not noun.isalpha():
        return None
    if top >= bottom or not noun.islower() or noun in NOT_NOUNS or before in _ARTICLES:
        return None
    if (top, bottom) == (1, 2):
        feminine = _feminine_noun(noun) or (noun.endswith("a") and noun not in _MASCULINE_IN_A)
        return "media" if feminine else "medio"
    return f"{spoken} de"


def feminine_regnal(said: str) -> str:
    """ "segundo" -> "segunda", "décimo" -> "décima": the ordinal agrees with a queen ("Isabel II")."""
    return said[:-1] + "a" if said.endswith("o") else said



def whole_and_half(whole: int, noun: str) -> str | None:
    """ "1 1/2 tazas" -> "una taza y media", "2 1/2 horas" -> "dos horas y media" (RAE, DPD "medio": the
    half follows the noun and agrees with it)."""
    if not noun.islower() or noun in NOT_NOUNS:
        return None
    singular = "" if noun.endswith("es") else noun[:-1] if noun.endswith("s") else noun
    if whole == 1 and singular[-1:] not in ("a", "o", "e"):
        return None  # "1 1/2 limones": "limón" is not derived by rule
    feminine = _feminine_noun(noun) or (singular.endswith("a") and singular not in _MASCULINE_IN_A)
    half = "media" if feminine else "medio"
    if whole == 1:
        return f"{'una' if feminine else 'un'} {singular} y {half}"
    words = numbers.cardinal(whole, CODE)
    return f"{feminine_cardinal(words) if feminine else before_noun(words)} {noun} y {half}"



# After a slash following an amount ("1,65 €/l", "80 €/noche", "12 €/hora"): "por", and how the word is
# said (RAE, símbolos; the unit names of CLDR es).
PER_WORDS = {word: word for word in "noche día mes año semana hora persona unidad litro kilo".split()}
PER_WORDS.update({"l": "litro", "kg": "kilo", "h": "hora", "kwh": "kilovatio hora", "ud": "unidad", "pax": "persona"})


# The minute of a match as sports pages write it ("en el 23'", "al 45+2'"; Marca, As): "el minuto
# veintitrés"; further minutes listed after it lose the mark ("en el 23', 45+2' y 89'").
_MATCH_MINUTE = patterns.compile(r"\b([Ee]l|[Aa]l|[Dd]el)\s(\d{1,3})(\+\d{1,2})?['′](?![\w'])")
_LISTED_MINUTE = patterns.compile(r"(?<![\w'])(\d{1,3})(\+\d{1,2})?['′](?![\w'])")


def _added_time(added: str | None) -> str:
    return f" más {added[1:]}" if added else ""


def read_phrases(text: str) -> str:
    """Before the engine's rules: the minutes of a match."""
    if ("'" in text or "′" in text) and _MATCH_MINUTE.search(text):
        text = _MATCH_MINUTE.sub(lambda m: f"{m.group(1)} minuto {m.group(2)}{_added_time(m.group(3))}", text)
        text = _LISTED_MINUTE.sub(lambda m: f"{m.group(1)}{_added_time(m.group(2))}", text)
    return text


RULES = LanguageRules(
    read_phrases=read_phrases,
    slash_per="por",  # "1,65 €/l" -> "un euro sesenta y cinco céntimos por litro"
    per_words=frozen(PER_WORDS),
    rating_nouns=frozenset({"estrellas", "puntos"}),  # a review's "4/5 stars": out of
    whole_and_half=whole_and_half,
    feminine_regnal=feminine_regnal,
    fraction_before_noun=fraction_before_noun,
    code=CODE,
    number_style=NumberStyle(group=".", decimal=","),  # CLDR es: "1.234,5"
    country_code_as_number=True,  # "+34" is said "más treinta y cuatro"
    words=frozen(WORDS),
    months=frozen(MONTHS),
    weekdays=WEEKDAYS,
    say_year=say_year,
    fraction_as_number=True,  # "3,14" -> "tres coma catorce"
    # "3,1415" -> "tres coma catorce quince": long decimals two digits at a time, as Spanish readers and
    # NeMo's Spanish grammar say them (RAE, Ortografía 2010, 8.2.3.3 allows reading the part after the
    # comma as numbers; "tres coma mil cuatrocientos quince" is hard to follow and wrong for "60,2400").
    fraction_pairs_from=4,
    one_before_noun=("un", "una"),
    half_before_noun=("medio", "media"),  # "1/2 kg" -> "medio kilogramo", "1/2 h" -> "media hora" (RAE, "medio")
    feminine_nouns=frozenset({"libra", "rupia", "corona", "milla", "onza", "yarda", "hectárea", "hora", "tonelada",
                              "peseta", "córdoba", "lempira", "caloría", "kilocaloría"}),
    feminine_cardinal=feminine_cardinal,
    number_before_word=number_before_word,
    cardinal_before_noun=before_noun,
    currencies=frozen(CURRENCIES),
    code_words=frozenset({"ves", "cup"}),  # "ves" (you see) and "cup" are words before a number, not bolívares or Cuban pesos
    local_phone_pattern=LOCAL_PHONE_PATTERN,
    phone_cues=PHONE_CUES,
    undotted_expansions=frozen({"C/": "calle", "c/": "calle"}),  # "C/ Alcalá 20" (RAE, abreviaturas: c/)
    four_four_phones=True,  # "4567-8901", as Argentina, Uruguay and Central America write local numbers
    names_minor_unit=True,  # "cinco euros cincuenta céntimos"
    scale_suffixes=frozen(SCALE_SUFFIXES),
    scale_words=frozen(SCALE_WORDS),
    scale_currency_link="de",  # "tres millones de euros"
    units=frozen(with_capitals(with_lower_case(UNITS))),  # also "2 kwh", "5 ghz", as forums and shops write them
    vulgar_fractions=frozen(VULGAR_FRACTIONS),
    say_fraction=say_fraction,
    say_date=say_date,
    month_day_dates=True,  # "junio 11 de 2000", as Latin American Spanish also writes dates
    say_day_month=say_day_month,
    time_pattern=TIME_PATTERN,
    say_time=say_time,
    say_time_seconds=say_time_seconds,
    ampm_pattern=AMPM_PATTERN,
    say_time_ampm=say_time_ampm,
    ordinal_pattern=ORDINAL_PATTERN,
    say_ordinal=say_ordinal,
    roman_cardinal_context=ROMAN_CARDINAL_CONTEXT,
    lower_roman_cues=frozenset({"siglo", "siglos"}),  # "siglo xix": centuries in small capitals (RAE)
    regnal_titles=REGNAL_TITLES,
    say_regnal=say_regnal,
    never_final=NEVER_FINAL,
    may_end=MAY_END,
    sentence_starters=SENTENCE_STARTERS,
    expansions=frozen(EXPANSIONS),
    before_number=frozen(BEFORE_NUMBER),
    acronym_readings=frozen(ACRONYM_READINGS),
    short_words=SHORT_WORDS,
    symbol_words=frozen(SYMBOL_WORDS),
)
