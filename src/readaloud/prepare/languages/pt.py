"""Portuguese: how numbers, dates, times, money, units and abbreviations are written and said.

Readings follow the Dicionário Priberam and the Ciberdúvidas da Língua Portuguesa ("1.º de maio" ->
"primeiro de maio", "duas horas", "R$ 10,50" -> "dez reais e cinquenta centavos"). Number words are
num2words' Brazilian Portuguese (``pt_BR``: "dezesseis", "um bilhão"), the variety of CLDR's "pt" locale
and of most Portuguese pages; they agree in gender with a feminine noun after them ("duas pessoas",
"duzentas toneladas").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ... import patterns
from .. import numbers
from ..numbers import NumberStyle, WrittenNumber, num2words
from .rules import LanguageRules, frozen, with_capitals

CODE = "pt"
WORDS_LANG = "pt_BR"  # num2words' variety

# The little words of number reading, symbols and links.
WORDS = {
    "month_of_year": "de",
    "point": "vírgula", "minus": "menos", "to": "a", "percent": "por cento", "permille": "por mil", "and": "e",
    "plus": "mais", "equals": "igual a", "number": "número", "hashtag": "hashtag", "at": "arroba",
    "degrees": "graus", "degree": "grau", "times": "vezes", "about": "cerca de", "plus_minus": "mais ou menos",
    "section": "parágrafo", "link": "link para", "email": "endereço de e-mail em", "per": "por",
    "o_clock": "horas", "the": "", "of": "", "or": "ou", "cents_and": "e", "out_of": "de", "by": "por",
    "dot": "ponto", "ratio": "a",
}

# Month names (CLDR pt "format wide"), lower-case as Portuguese writes them.
_MONTH_NAMES = "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split()
MONTHS = {**{name: number for number, name in enumerate(_MONTH_NAMES, start=1)},
          **{name.capitalize(): number for number, name in enumerate(_MONTH_NAMES, start=1)}}

# Currency symbol or code -> (one, many, minor one, minor many), from CLDR "currencies" (pt).
CURRENCIES = {
    "$": ("dólar", "dólares", "centavo", "centavos"),
    "US$": ("dólar americano", "dólares americanos", "centavo", "centavos"),
    "€": ("euro", "euros", "cêntimo", "cêntimos"), "£": ("libra", "libras", "pêni", "pence"),
    "¥": ("iene", "ienes", None, None), "₹": ("rupia", "rupias", None, None), "₽": ("rublo", "rublos", None, None),
    "CHF": ("franco suíço", "francos suíços", None, None),
}
# The Brazilian real, written before the amount ("R$ 10,50"), is read by :func:`read_phrases`.
REAL = ("real", "reais", "centavo", "centavos")

# Scale words after a number: written form -> power of ten ("R$ 2 bi", "3,5 mi": Brazilian press).
SCALE_SUFFIXES = {
    "mil": 3, "milhão": 6, "milhões": 6, "mi": 6, "bilhão": 9, "bilhões": 9, "bi": 9, "trilhão": 12,
    "trilhões": 12, "tri": 12,
}
SCALE_WORDS = {3: ("mil", "mil"), 6: ("milhão", "milhões"), 9: ("bilhão", "bilhões"), 12: ("trilhão", "trilhões")}

# Unit symbol -> (one, many): SI brochure symbols with the Portuguese names of CLDR "units" (pt).
UNITS = {
    "MP": ("megapixel", "megapixels"),  # a camera's megapixels ("48 MP"; Priberam: megapíxel)
    # the inch of screens and wheels ("uma TV de 55\"", the double prime) and tyre pressure in psi
    # (CLDR pt: polegada, libra por polegada quadrada)
    "″": ("polegada", "polegadas"), "psi": ("libra por polegada quadrada", "libras por polegada quadrada"),
    "km": ("quilômetro", "quilômetros"), "m": ("metro", "metros"), "cm": ("centímetro", "centímetros"),
    "mm": ("milímetro", "milímetros"), "µm": ("micrômetro", "micrômetros"), "nm": ("nanômetro", "nanômetros"),
    "mi": ("milha", "milhas"), "ft": ("pé", "pés"), "yd": ("jarda", "jardas"), "kg": ("quilo", "quilos"),
    "g": ("grama", "gramas"), "mg": ("miligrama", "miligramas"), "lb": ("libra", "libras"),
    "lbs": ("libra", "libras"), "oz": ("onça", "onças"), "l": ("litro", "litros"), "L": ("litro", "litros"),
    "ml": ("mililitro", "mililitros"), "mL": ("mililitro", "mililitros"),
    "km/h": ("quilômetro por hora", "quilômetros por hora"), "kph": ("quilômetro por hora", "quilômetros por hora"),
    "mph": ("milha por hora", "milhas por hora"), "m/s": ("metro por segundo", "metros por segundo"),
    "m²": ("metro quadrado", "metros quadrados"), "km²": ("quilômetro quadrado", "quilômetros quadrados"),
    "m³": ("metro cúbico", "metros cúbicos"), "ha": ("hectare", "hectares"), "°C": ("grau Celsius", "graus Celsius"),
    "°F": ("grau Fahrenheit", "graus Fahrenheit"), "°": ("grau", "graus"), "kW": ("quilowatt", "quilowatts"),
    "kWh": ("quilowatt-hora", "quilowatts-hora"), "MW": ("megawatt", "megawatts"), "GW": ("gigawatt", "gigawatts"),
    "Hz": ("hertz", "hertz"), "kHz": ("quilohertz", "quilohertz"), "MHz": ("megahertz", "megahertz"),
    "GHz": ("gigahertz", "gigahertz"), "KB": ("kilobyte", "kilobytes"), "kB": ("kilobyte", "kilobytes"),
    "MB": ("megabyte", "megabytes"), "GB": ("gigabyte", "gigabytes"), "TB": ("terabyte", "terabytes"),
    "ms": ("milissegundo", "milissegundos"), "min": ("minuto", "minutos"), "t": ("tonelada", "toneladas"),
}
# Unit and currency names that take the feminine "uma" (Priberam): the others are masculine.
FEMININE_NOUNS = frozenset({"libra", "rupia", "milha", "jarda", "onça", "tonelada", "polegada", "hora", "caloria",
                            "quilocaloria"})

# Vulgar fractions written out (Priberam, "meio", "terço", "quarto").
VULGAR_FRACTIONS = {
    "½": "meio", "⅓": "um terço", "⅔": "dois terços", "¼": "um quarto", "¾": "três quartos", "⅕": "um quinto",
    "⅛": "um oitavo",
}
DENOMINATOR_NAMES = {2: "meio", 3: "terço", 4: "quarto", 5: "quinto", 6: "sexto", 7: "sétimo", 8: "oitavo",
                     9: "nono", 10: "décimo", 100: "centésimo", 1000: "milésimo"}

# Symbols said when they stand alone between words: NVDA's ``locale/pt_BR/symbols.dic`` at level "some".
SYMBOL_WORDS = {
    "&": "e", "=": "igual", "+": "mais", "×": "vezes", "±": "mais ou menos", "≈": "aproximadamente",
    "≤": "menor ou igual a", "≥": "maior ou igual a", "<": "menor que", ">": "maior que", "§": "parágrafo",
    "©": "copyright", "%": "por cento", "‰": "por mil", "→": "para",
}

# Words before a Roman numeral that make it a cardinal ("Capítulo II" -> "dois").
ROMAN_CARDINAL_CONTEXT = frozenset("Anexo Artigo Ato Capítulo Classe Fase Livro Parte Seção Secção Título Tomo Volume"
                                   .split())
REGNAL_TITLES = frozenset("Papa papa Rei rei Rainha rainha Dom dom Dona dona Imperador imperador Imperatriz imperatriz "
                          "Príncipe príncipe Princesa princesa".split())

# Sentence splitting: CLDR segmentation suppressions (pt "standard") and Priberam's abbreviations.
NEVER_FINAL = frozenset("Av Dr Dra Eng Exmo Exma Pe Prof Profa Sr Sra Srta art cap fig n nº p pág vol".split())
MAY_END = frozenset("Ltda S.A a.C d.C etc".split())
SENTENCE_STARTERS = frozenset("""
    A Ainda Além As Com Como Depois E Ela Ele Eles Em Mas Na No Nos Não O Os Para Por Segundo Se Também Um Uma
""".split())

# Abbreviations expanded wherever they occur with their full stop (Priberam, "abreviaturas").
EXPANSIONS = {
    "Sr": "senhor", "Sra": "senhora", "Srta": "senhorita", "Dr": "doutor", "Dra": "doutora", "Prof": "professor",
    "Profa": "professora", "Eng": "engenheiro", "Pe": "padre", "Exmo": "excelentíssimo",
    "Exma": "excelentíssima", "Av": "avenida", "pág": "página", "págs": "páginas", "cap": "capítulo",
    "vol": "volume", "fig": "figura", "etc": "etcetera", "a. C": "antes de Cristo", "d. C": "depois de Cristo",
    "aprox": "aproximadamente", "tel": "telefone", "séc": "século", "jan": "janeiro", "fev": "fevereiro",
    "mar": "março", "abr": "abril", "jun": "junho", "jul": "julho", "ago": "agosto", "set": "setembro",
    "out": "outubro", "nov": "novembro", "dez": "dezembro", "Ltda": "limitada",
}
BEFORE_NUMBER = {"n": "número", "nº": "número", "art": "artigo", "p": "página"}
ACRONYM_READINGS = {"ONU": "Onu", "OTAN": "Otan", "OK": "okay", "IBGE": "I.B.G.E"}
SHORT_WORDS = frozenset("""
    AO AS DA DAS DE DO DOS E EM ELA ELE ERA FOI HÁ MAS NA NAS NO NOS NÃO OS OU PARA POR QUE SE SEM SER SEU SUA UM UMA
""".split())

# "14h30", "14h", "14:30" (Brazilian and European press). Groups: hour, minutes after "h", minutes after ":".
TIME_PATTERN = r"(?<![\w.,:])([01]?\d|2[0-4])(?:h([0-5]\d)?(?!\w)|:([0-5]\d)(?![\d:]))"
# "1.º", "2.ª", "3º" (Priberam: the ordinal indicator, with or without its full stop).
# Read by :func:`read_phrases`, before the unit rule would make "1° lugar" one degree; "°" (the degree
# sign, often typed for "º") is an ordinal only before a noun ("35° no verão" stays degrees).
ORDINAL_PATTERN = patterns.compile(r"(?<![\w.,])(\d{1,4})\.?([ºª°])(?=\s+([a-zà-ú]+)|\s*$|[.,;:!?)])")
# Words after "35°" that show it is a temperature or an angle, not an ordinal.
DEGREE_FOLLOWERS = frozenset("a ao à e em no na nos nas de do da com para por sob acima abaixo".split())
# The Brazilian real before its amount: "R$ 10,50", "R$ 2 bilhões".
REAL_PATTERN = patterns.compile(r"(?<!\w)R\$\s?(\d{1,3}(?:\.\d{3})+(?!\d)|\d+)(?:,(\d{1,2}))?(?:\s?(mil|milhões|milhão|mi|"
                          r"bilhões|bilhão|bi|trilhões|trilhão|tri)\b)?")
# "R$ 5-10 mil": the sign is written once before a range; both amounts are reais.
REAL_RANGE_PATTERN = patterns.compile(r"(?<!\w)R\$\s?(\d+)\s?[-–]\s?(?=\d)")
DAY_ONE_PATTERN = patterns.compile(r"(?<![\w.,])1\.?[ºª°]?(?=\s(?:de\s)?(?:" + "|".join(MONTHS) + r")\b)")
# Phone numbers: Brazilian "(11) 98765-4321", "+55 21 3456-7890" (Anatel numbering plan) and Portuguese
# "+351 212 345 678" (ANACOM). Read digit by digit, group by group.
PHONE_PATTERN = patterns.compile(r"(?<![\w+.,/-])(?:(\+55|\+351)[\s.-]?)?(\(\d{2}\)\s?\d{4,5}-\d{4}"
                           r"|(?<=55 )\d{2}\s\d{4,5}-\d{4}|(?<=351 )\d{3}\s\d{3}\s\d{3})(?![\w-]|[.,]\d)")
_COUNTRY_CODES = {"+55": "mais cinquenta e cinco", "+351": "mais trezentos e cinquenta e um"}
# Masculine nouns in -a (Priberam): "dois dias", "um problema".
MASCULINE_IN_A = frozenset("dia dias problema problemas sistema sistemas programa programas tema temas mapa mapas "
                           "clima planeta planetas idioma idiomas".split())
# Short words in -a after a number that are not its noun ("2 a 1", "3 para 2").
NOT_NOUNS = frozenset("a da na para contra sobra fora agora ainda".split())
# Feminine forms of the cardinal words that have them ("duas", "duzentas"; Priberam).
_FEMININE_WORDS = {"um": "uma", "dois": "duas", "duzentos": "duzentas", "trezentos": "trezentas",
                   "quatrocentos": "quatrocentas", "quinhentos": "quinhentas", "seiscentos": "seiscentas",
                   "setecentos": "setecentas", "oitocentos": "oitocentas", "novecentos": "novecentas"}


@lru_cache(maxsize=4096)  # num2words is slow per call; "1/1/1/..." would call it thousands of times
def say_cardinal(value: int) -> str:
    """ "1234" -> "mil duzentos e trinta e quatro" (num2words' pt_BR without its commas)."""
    if value < 0:
        return f"{WORDS['minus']} {say_cardinal(-value)}"
    if len(str(value)) > numbers.MAX_CARDINAL_DIGITS:
        return numbers.digits(str(value), CODE)
    return num2words(value, lang=WORDS_LANG).replace(",", "")


def feminine(words: str) -> str:
    """ "dois mil duzentos e um" -> "duas mil duzentas e uma": before a feminine noun. The millions do
    not agree ("dois milhões de pessoas"), so only the words after the last of them change."""
    parts = words.split()
    last_scale = max((i for i, w in enumerate(parts) if w.startswith(("milh", "bilh", "trilh"))), default=-1)
    return " ".join(parts[: last_scale + 1] + [_FEMININE_WORDS.get(w, w) for w in parts[last_scale + 1:]])


def say_year(value: int) -> str:
    """Portuguese reads years as cardinals: "dois mil e vinte e um"."""
    return say_cardinal(value)


def ordinal(value: int, feminine_form: bool = False) -> str:
    """ "1" -> "primeiro", "21" -> "vigésimo primeiro"; feminine "primeira"."""
    words = num2words(value, lang=WORDS_LANG, to="ordinal")
    if feminine_form:
        return " ".join(w[:-1] + "a" if w.endswith("o") else w for w in words.split())
    return words


def say_ordinal(match: re.Match) -> str:
    """ "1.º lugar" -> "primeiro lugar", "2.ª edição" -> "segunda edição"; "35° no verão" stays degrees."""
    if match.group(2) == "°" and (match.group(3) is None or match.group(3) in DEGREE_FOLLOWERS):
        return match.group()
    return ordinal(int(match.group(1)), feminine_form=match.group(2) == "ª")


def say_date(day: int, month: int, year: int | None, before: str = "") -> str:
    """ "1/5/2021" -> "primeiro de maio de dois mil e vinte e um" (the first is an ordinal; Priberam)."""
    day_word = "primeiro" if day == 1 else say_cardinal(day)
    spoken = f"{day_word} de {RULES.month_name(month)}"
    return spoken + (f" de {say_year(year)}" if year else "")


def say_time(hour: int, minutes: str) -> str:
    """ "14h30" -> "catorze e trinta", "14h" -> "catorze horas", "1:15" -> "uma e quinze" (hora is feminine)."""
    hour_word = feminine(say_cardinal(hour))
    if not minutes or minutes == "00":
        return f"{hour_word} {'hora' if hour == 1 else 'horas'}"
    return f"{hour_word} e {say_cardinal(int(minutes))}"


def say_fraction(top: int, bottom: int, whole: int | None, forced: bool) -> str | None:
    """ "3/4" -> "três quartos", "1/2" -> "meio", "1 1/2" -> "um e meio"."""
    name = DENOMINATOR_NAMES.get(bottom)
    if name is None or top >= bottom:
        return None
    fraction = name if (top, bottom) == (1, 2) else f"{say_cardinal(top)} {name}{'s' if top > 1 else ''}"
    return fraction if whole is None else f"{say_cardinal(whole)} e {fraction}"


def say_regnal(value: int) -> str:
    """ "Dom Pedro II" -> "Dom Pedro segundo"; from eleven on, cardinals ("Luís catorze"; Priberam)."""
    return ordinal(value) if value <= 10 else say_cardinal(value)


def number_before_word(spoken: str, number: WrittenNumber, following: str) -> str:
    """ "2 pessoas" -> "duas pessoas", "1 hora" -> "uma hora": a noun in -a(s) is feminine."""
    if number.fraction:
        return spoken
    # "32 mil pessoas": the noun after "mil" decides ("trinta e duas mil pessoas").
    word = re.match(r"\s+(?:mil\s+)?([^\W\d]+)", following)
    if not word or not word.group(1).islower():
        return spoken
    noun = word.group(1)
    if noun.endswith(("a", "as")) and noun not in MASCULINE_IN_A and noun not in NOT_NOUNS:
        return feminine(spoken)
    return spoken


def _say_real(match: re.Match) -> str:
    """ "R$ 10,50" -> "dez reais e cinquenta centavos", "R$ 2 bilhões" -> "dois bilhões de reais"."""
    written = match.group(1).replace(".", "")
    if len(written) > numbers.MAX_CARDINAL_DIGITS:  # too long for int(): digit by digit
        return f"{numbers.digits(written, CODE)} {REAL[1]}"
    integer = int(written)
    cents, scale = match.group(2), match.group(3)
    one, many, minor_one, minor_many = REAL
    if scale:
        exponent = SCALE_SUFFIXES[scale]
        singular, plural = SCALE_WORDS[exponent]
        amount = RULES.read(WrittenNumber(str(integer), cents or ""))
        scale_word = singular if integer == 1 and not cents else plural
        return f"{amount} {scale_word} de {many}" if exponent > 3 else f"{amount} mil {many}"
    count = say_cardinal(integer)
    if count.endswith(("milhão", "milhões", "bilhão", "bilhões", "trilhão", "trilhões")):
        count += " de"  # "R$ 3.000.000" -> "três milhões de reais" (a million is a noun; Priberam)
    spoken = f"{count} {one if integer == 1 else many}" if integer or not cents else ""
    if cents and int(cents):
        value = int(cents.ljust(2, "0"))
        cents_words = f"{say_cardinal(value)} {minor_one if value == 1 else minor_many}"
        spoken = f"{spoken} e {cents_words}" if spoken else cents_words
    return spoken


def _say_phone(match: re.Match) -> str:
    """ "(11) 98765-4321" -> "um um, nove oito sete seis cinco, quatro três dois um"."""
    spoken = ", ".join(numbers.digits(group, CODE) for group in re.findall(r"\d+", match.group(2)))
    return f"{_COUNTRY_CODES[match.group(1)]}, {spoken}" if match.group(1) else spoken


def read_phrases(text: str) -> str:
    """Before the engine's rules: the Brazilian real ("R$"), which the shared currency symbols lack, the
    first of a month ("1 de maio" -> "primeiro de maio") and ordinals ("2.ª posição")."""
    if "R$" in text:
        text = REAL_RANGE_PATTERN.sub(lambda m: f"{say_cardinal(int(m.group(1)))} a R$ ", text)
        text = REAL_PATTERN.sub(_say_real, text)
    if "-" in text or "+" in text:
        text = PHONE_PATTERN.sub(_say_phone, text)
    if "1" in text:
        text = DAY_ONE_PATTERN.sub("primeiro", text)
    if "º" in text or "ª" in text or "°" in text:
        text = ORDINAL_PATTERN.sub(say_ordinal, text)
    return text


def feminine_regnal(said: str) -> str:
    """ "primeiro" -> "primeira", "segundo" -> "segunda": the ordinal agrees with a queen ("Maria I")."""
    return said[:-1] + "a" if said.endswith("o") else said



def _feminine_noun(noun: str) -> bool:
    """By the ending, with the recipe's feminine nouns in -r ("a colher"; Priberam)."""
    return (noun.endswith(("a", "as")) and noun not in MASCULINE_IN_A and noun not in NOT_NOUNS) or noun in (
        "colher", "colheres")


def fraction_before_noun(top: int, bottom: int, spoken: str, noun: str, before: str) -> str | None:
    """ "1/2 xícara" -> "meia xícara", "1/2 copo" -> "meio copo" (Priberam, "meio": it agrees with its
    noun); "3/4 xícara" -> "três quartos de xícara"."""
    if top >= bottom or not noun.isalpha() or not noun.islower() or noun in NOT_NOUNS or noun in ("de", "do", "da"):
        return None
    if (top, bottom) == (1, 2):
        return "meia" if _feminine_noun(noun) else "meio"
    return f"{spoken} de"


def whole_and_half(whole: int, noun: str) -> str | None:
    """ "1 1/2 xícara" -> "uma xícara e meia", "2 1/2 horas" -> "duas horas e meia" (Ciberdúvidas)."""
    if not noun.islower() or noun in NOT_NOUNS or noun in ("de", "do", "da"):
        return None
    singular = noun[:-1] if noun.endswith("s") else noun
    if whole == 1 and noun.endswith("s") and (noun.endswith(("es", "ns")) or singular[-1:] not in ("a", "o", "e")):
        return None  # "1 1/2 colheres": the singular "colher" is not derived by rule
    fem = _feminine_noun(noun)
    if whole == 1:
        return f"{'uma' if fem else 'um'} {singular} e {'meia' if fem else 'meio'}"
    words = say_cardinal(whole)
    return f"{feminine(words) if fem else words} {noun} e {'meia' if fem else 'meio'}"


# After a slash following an amount ("R$ 5,89/litro", "R$ 200/noite"): "por" (Priberam).
PER_WORDS = {word: word for word in "noite dia mês ano semana hora pessoa unidade litro quilo".split()}
PER_WORDS.update({"l": "litro", "kg": "quilo", "h": "hora", "kwh": "quilowatt-hora"})


RULES = LanguageRules(
    fraction_before_noun=fraction_before_noun,
    whole_and_half=whole_and_half,
    per_words=frozen(PER_WORDS),
    rating_nouns=frozenset({"estrelas", "pontos"}),  # a review's "4/5 stars": out of
    feminine_regnal=feminine_regnal,
    code=CODE,
    number_style=NumberStyle(group=".", decimal=","),  # CLDR pt: "1.234,5"
    words=frozen(WORDS),
    months=frozen(MONTHS),
    say_year=say_year,
    say_cardinal=say_cardinal,
    read_phrases=read_phrases,
    four_four_phones=True,  # "2345-6789", "98765-4321" without the area code's brackets (Anatel)
    fraction_as_number=True,
    one_before_noun=("um", "uma"),
    feminine_nouns=FEMININE_NOUNS,
    feminine_cardinal=feminine,  # "duas libras", "duzentas milhas" before a feminine unit (Priberam)
    number_before_word=number_before_word,
    currencies=frozen(CURRENCIES),
    names_minor_unit=True,  # "dez euros e cinquenta cêntimos"
    scale_suffixes=frozen(SCALE_SUFFIXES),
    scale_words=frozen(SCALE_WORDS),
    scale_currency_link="de",  # "dois milhões de dólares"
    units=frozen(with_capitals(UNITS)),  # also "12KG", "500 ML", as listings print them
    vulgar_fractions=frozen(VULGAR_FRACTIONS),
    say_fraction=say_fraction,
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
    before_number=frozen(BEFORE_NUMBER),
    acronym_readings=frozen(ACRONYM_READINGS),
    short_words=SHORT_WORDS,
    symbol_words=frozen(SYMBOL_WORDS),
    slash_per="por",
)
