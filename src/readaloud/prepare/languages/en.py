"""English: how numbers, dates, money, units and abbreviations are written and said.

Readings follow US news usage (AP Stylebook) with en-GB day-first dates; number words are num2words'.
"""

from __future__ import annotations

import re

from ... import patterns
from .. import numbers
from ..numbers import NumberStyle
from .rules import LanguageRules, frozen, with_capitals

CODE = "en"

# The little words of number reading, symbols and links.
WORDS = {
    "point": "point", "minus": "minus", "to": "to", "percent": "percent", "permille": "per mille",
    "and": "and", "plus": "plus", "equals": "equals", "number": "number", "hashtag": "hashtag", "at": "at",
    "degrees": "degrees", "degree": "degree", "times": "times", "about": "about",
    "plus_minus": "plus or minus", "section": "section", "link": "link to", "email": "email address at",
    "per": "per", "o_clock": "o'clock", "the": "the", "of": "of",
    "or": "or", "cents_and": "and", "out_of": "out of", "by": "by", "dot": "dot", "ratio": "to",
    "version_point": "point", "slash": "slash",
}

# Month names as written in dates (CLDR "format wide" month names).
MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7, "August": 8,
    "September": 9, "October": 10, "November": 11, "December": 12,
}

# Day names (CLDR "format wide" day names), for ranges such as "Monday–Friday".
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())

# Currency symbol or code -> (one, many, minor one, minor many), from CLDR "currencies" display names.
CURRENCIES = {
    "$": ("dollar", "dollars", "cent", "cents"), "US$": ("US dollar", "US dollars", "cent", "cents"),
    "€": ("euro", "euros", "cent", "cents"), "£": ("pound", "pounds", "penny", "pence"),
    "¥": ("yen", "yen", None, None), "₹": ("rupee", "rupees", "paisa", "paise"),
    "₽": ("rouble", "roubles", None, None), "¢": ("cent", "cents", None, None),
    # the other dollars by their own signs (CLDR en symbols: A$, CA$, NZ$, HK$; "AU$", "C$" as press writes)
    **dict.fromkeys(("A$", "AU$"), ("Australian dollar", "Australian dollars", "cent", "cents")),
    **dict.fromkeys(("C$", "CA$"), ("Canadian dollar", "Canadian dollars", "cent", "cents")),
    "NZ$": ("New Zealand dollar", "New Zealand dollars", "cent", "cents"),
    "HK$": ("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"), "₩": ("won", "won", None, None), "CHF": ("Swiss franc", "Swiss francs", None, None),
}

# Scale words after a number ("3.5 million", "$1.2bn"): written form -> power of ten (AP Stylebook
# "millions, billions"; "bn"/"tn" as in The Economist and Reuters).
SCALE_SUFFIXES = {
    "thousand": 3, "k": 3, "K": 3, "million": 6, "m": 6, "mn": 6, "M": 6, "billion": 9, "bn": 9, "b": 9,
    "B": 9, "trillion": 12, "tn": 12, "T": 12,
}
# How each scale is said, singular and plural.
SCALE_WORDS = {
    3: ("thousand", "thousand"), 6: ("million", "million"), 9: ("billion", "billion"),
    12: ("trillion", "trillion"),
}

# Unit symbol -> (one, many): SI brochure (BIPM, 9th edition) and NIST SP 811 for US customary units.
# Only symbols that are unambiguous after a number in running text ("in", "h", "t" and "s" are left out
# on purpose: "5 in a row").
UNITS = {
    "km": ("kilometer", "kilometers"), "m": ("meter", "meters"), "cm": ("centimeter", "centimeters"),
    "mm": ("millimeter", "millimeters"), "µm": ("micrometer", "micrometers"),
    "nm": ("nanometer", "nanometers"), "mi": ("mile", "miles"), "ft": ("foot", "feet"),
    "yd": ("yard", "yards"), "kg": ("kilogram", "kilograms"), "g": ("gram", "grams"),
    "mg": ("milligram", "milligrams"), "lb": ("pound", "pounds"), "lbs": ("pound", "pounds"),
    "oz": ("ounce", "ounces"), "l": ("liter", "liters"), "L": ("liter", "liters"),
    "ml": ("milliliter", "milliliters"), "mL": ("milliliter", "milliliters"),
    "km/h": ("kilometer per hour", "kilometers per hour"),
    "kph": ("kilometer per hour", "kilometers per hour"), "mph": ("mile per hour", "miles per hour"),
    "m/s": ("meter per second", "meters per second"), "m²": ("square meter", "square meters"),
    "km²": ("square kilometer", "square kilometers"), "m³": ("cubic meter", "cubic meters"),
    "ha": ("hectare", "hectares"), "°C": ("degree Celsius", "degrees Celsius"),
    "°F": ("degree Fahrenheit", "degrees Fahrenheit"), "°": ("degree", "degrees"),
    "kW": ("kilowatt", "kilowatts"), "kWh": ("kilowatt hour", "kilowatt hours"),
    "MW": ("megawatt", "megawatts"), "GW": ("gigawatt", "gigawatts"), "Hz": ("hertz", "hertz"),
    "kHz": ("kilohertz", "kilohertz"), "MHz": ("megahertz", "megahertz"), "GHz": ("gigahertz", "gigahertz"),
    "KB": ("kilobyte", "kilobytes"), "kB": ("kilobyte", "kilobytes"), "MB": ("megabyte", "megabytes"),
    "GB": ("gigabyte", "gigabytes"), "TB": ("terabyte", "terabytes"), "ms": ("millisecond", "milliseconds"),
    "sec": ("second", "seconds"), "min": ("minute", "minutes"), "hrs": ("hour", "hours"),
    "mAh": ("milliamp hour", "milliamp hours"),
    # Kitchen, audio, screen and data units (NIST SP 811 Appendix B; US cooking measures).
    "tbsp": ("tablespoon", "tablespoons"), "Tbsp": ("tablespoon", "tablespoons"), "tsp": ("teaspoon", "teaspoons"),
    "fl oz": ("fluid ounce", "fluid ounces"), "gal": ("gallon", "gallons"), "qt": ("quart", "quarts"),
    "kcal": ("kilocalorie", "kilocalories"), "ppi": ("pixel per inch", "pixels per inch"),
    "dpi": ("dot per inch", "dots per inch"), "dB": ("decibel", "decibels"), "dBA": ("decibel", "decibels"),
    "dBa": ("decibel", "decibels"), "Mbps": ("megabit per second", "megabits per second"),
    "mbps": ("megabit per second", "megabits per second"), "Gbps": ("gigabit per second", "gigabits per second"),
    "kbps": ("kilobit per second", "kilobits per second"), "fps": ("frame per second", "frames per second"),
    "mpg": ("mile per gallon", "miles per gallon"), "bhp": ("brake horsepower", "brake horsepower"),
    "rpm": ("revolution per minute", "revolutions per minute"), "psi": ("pound per square inch",
    "pounds per square inch"), "hp": ("horsepower", "horsepower"), "Wh": ("watt hour", "watt hours"),
    "mV": ("millivolt", "millivolts"), "kV": ("kilovolt", "kilovolts"), "mA": ("milliamp", "milliamps"),
    "μm": ("micrometer", "micrometers"), "cm²": ("square centimeter", "square centimeters"),
    "km³": ("cubic kilometer", "cubic kilometers"), "cm³": ("cubic centimeter", "cubic centimeters"),
    "ft²": ("square foot", "square feet"), "sq ft": ("square foot", "square feet"), "m2": ("square meter",
    "square meters"), "hr": ("hour", "hours"), "mins": ("minute", "minutes"), "secs": ("second", "seconds"),
    "yrs": ("year", "years"), "µg": ("microgram", "micrograms"), "mcg": ("microgram", "micrograms"),
    # sports and science pages (NIST SP 811; the clinical mg/dL of US labs)
    "yds": ("yard", "yards"), "ppm": ("part per million", "parts per million"),
    "ppb": ("part per billion", "parts per billion"),
    # a player's line in a box score ("30 pts, 10 reb and 8 ast"; ESPN and NBA.com abbreviations)
    "pts": ("point", "points"), "reb": ("rebound", "rebounds"), "ast": ("assist", "assists"),
    # basis points of rate and bond news ("raised rates by 25 bps", "a 50bp cut"; Reuters and FT style)
    "bps": ("basis point", "basis points"), "bp": ("basis point", "basis points"), "dL": ("deciliter", "deciliters"),
    "″": ("inch", "inches"),  # the double prime (a straight quote after a number may close a quotation)
    "m/s²": ("meter per second squared", "meters per second squared"),
    # more SI and customary symbols (SI brochure, 9th edition, tables 2-4; NIST SP 811 Appendix B): pressure,
    # energy, dose, amount, resistance, and the areas and volumes US pages write with "sq" and "cu"
    "bar": ("bar", "bars"), "Pa": ("pascal", "pascals"), "hPa": ("hectopascal", "hectopascals"),
    "kPa": ("kilopascal", "kilopascals"), "MPa": ("megapascal", "megapascals"), "atm": ("atmosphere", "atmospheres"),
    "kJ": ("kilojoule", "kilojoules"), "MJ": ("megajoule", "megajoules"),
    "MWh": ("megawatt hour", "megawatt hours"), "GWh": ("gigawatt hour", "gigawatt hours"),
    "TWh": ("terawatt hour", "terawatt hours"), "kN": ("kilonewton", "kilonewtons"),
    "mol": ("mole", "moles"), "Sv": ("sievert", "sieverts"), "mSv": ("millisievert", "millisieverts"),
    "Ω": ("ohm", "ohms"), "kΩ": ("kilohm", "kilohms"), "ng": ("nanogram", "nanograms"),
    "ns": ("nanosecond", "nanoseconds"), "µs": ("microsecond", "microseconds"), "μs": ("microsecond", "microseconds"),
    "dm": ("decimeter", "decimeters"), "dm³": ("cubic decimeter", "cubic decimeters"),
    "℃": ("degree Celsius", "degrees Celsius"), "℉": ("degree Fahrenheit", "degrees Fahrenheit"),
    "cm2": ("square centimeter", "square centimeters"), "cm3": ("cubic centimeter", "cubic centimeters"),
    "km2": ("square kilometer", "square kilometers"), "km3": ("cubic kilometer", "cubic kilometers"),
    "m3": ("cubic meter", "cubic meters"), "mm²": ("square millimeter", "square millimeters"),
    "mm2": ("square millimeter", "square millimeters"), "mi²": ("square mile", "square miles"),
    "sq. ft": ("square foot", "square feet"), "sq mi": ("square mile", "square miles"),
    "sq. mi": ("square mile", "square miles"), "sq in": ("square inch", "square inches"),
    "sq km": ("square kilometer", "square kilometers"), "sq m": ("square meter", "square meters"),
    "sq yd": ("square yard", "square yards"), "cu ft": ("cubic foot", "cubic feet"),
    "cu. ft": ("cubic foot", "cubic feet"), "cu in": ("cubic inch", "cubic inches"),
    "cu yd": ("cubic yard", "cubic yards"), "cu mi": ("cubic mile", "cubic miles"),
    # "in." with its full stop is inches (NIST SP 811 writes "in"; without the stop "5 in a row" is a word)
    "in.": ("inch", "inches"),
    # durations as listings and forms abbreviate them ("2 wks", "6 mos", "1 yr")
    "kgs": ("kilogram", "kilograms"), "ltr": ("liter", "liters"), "ltrs": ("liter", "liters"),
    "V": ("volt", "volts"),  # "a 12 V battery" (spaced, as the SI brochure writes it; "Henry V" has no number)
    "wk": ("week", "weeks"), "wks": ("week", "weeks"), "mos": ("month", "months"), "yr": ("year", "years"),
}
# Only written onto the number ("75C", "87W"): spaced, these letters are words or grades ("5 C").
ATTACHED_UNITS = {"C": ("degree Celsius", "degrees Celsius"), "F": ("degree Fahrenheit", "degrees Fahrenheit"),
                  "W": ("watt", "watts"), "V": ("volt", "volts"), "Ah": ("amp hour", "amp hours"),
                  # "a 12MP camera" (megapixels: camera makers' spec sheets; spaced, "12 MPs" are members
                  # of parliament); "rose 10pc" (per cent: the Telegraph and Times style guides' short form)
                  "MP": ("megapixel", "megapixels"), "pc": ("percent", "percent"),
                  # "rose 0.5pp": percentage points (the Financial Times' and the ONS's short form)
                  "pp": ("percentage point", "percentage points")}

# Vulgar fractions (Unicode names, as screen readers say them).
VULGAR_FRACTIONS = {
    "½": "one half", "⅓": "one third", "⅔": "two thirds", "¼": "one quarter", "¾": "three quarters",
    "⅕": "one fifth", "⅛": "one eighth",
}
# Denominators with a name of their own; the others are ordinals ("thirty-seconds").
DENOMINATORS = {2: ("half", "halves"), 4: ("quarter", "quarters")}
# Beyond ten, a slash between numbers is a fraction only with these denominators (inches, percentages,
# per mille) or an ordinal suffix ("1/200th"); "9/11" and "24/7" are names, and "the 49/51 split" two
# shares, read as two numbers.
MEASURE_DENOMINATORS = frozenset({12, 16, 32, 64, 100, 128, 1000})
# A rating reads "out of": "a 7/10", "rated 4/5" (NeMo and news usage).
RATING_CUES = frozenset({"a", "an", "rated", "rating", "scored", "score", "scores", "gave", "give", "gives",
                         "got", "gets", "earns", "earned"})
# After a slash these are "per" ("$300/night", "$20/mo"); abbreviations said in full.
PER_WORDS = {"night": "night", "day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour",
             "minute": "minute", "second": "second", "person": "person", "head": "head", "share": "share",
             "unit": "unit", "mo": "month", "yr": "year", "hr": "hour", "wk": "week", "min": "minute",
             "sec": "second", "kg": "kilogram", "lb": "pound", "sqft": "square foot", "piece": "piece",
             "item": "item", "user": "user", "seat": "seat", "gallon": "gallon", "mile": "mile",
             # commodity prices ("$2,400/oz", "$85/bbl", "$700/t"), as market reports write them
             "oz": "ounce", "bbl": "barrel", "t": "tonne",
             # SI symbols of time after a unit's slash ("4 km/s", "3 cc/s"): per second, per hour
             "s": "second", "h": "hour"}

# Symbols said when they stand alone between words: NVDA's ``locale/en/symbols.dic`` at level "some".
SYMBOL_WORDS = {
    "&": "and", "=": "equals", "+": "plus", "×": "times", "±": "plus or minus", "≈": "approximately",
    "≤": "less than or equal to", "≥": "greater than or equal to", "<": "less than", ">": "greater than",
    "§": "section", "©": "copyright", "%": "percent", "‰": "per mille", "→": "to",
}

# Words before a Roman numeral that make it a cardinal ("World War II" -> "two"); after any other
# capitalised name it is a regnal ordinal ("Henry VIII" -> "Henry the Eighth").
ROMAN_CARDINAL_CONTEXT = frozenset("""
    Act Amendment Apollo Appendix Article Book Bowl Canto Category Chapter Class Division Episode Fantasy
    Figure Gemini Grade Level Mark Mk Model Part Phase Psalm Rocky Round Schedule Section Series Stage Table
    Tier Title Type Unit Vatican Vol Volume War Wars Zone
    chapter part volume phase act book
""".split())
# Titles before a regnal name: after them even a lone "I" is a numeral ("Queen Elizabeth I").
REGNAL_TITLES = frozenset("""
    Czar Duchess Duke Emperor Empress Kaiser King Pharaoh Pope Prince Princess Queen Saint Shah St. Sultan
    Tsar Tsarina
""".split())

# Sentence splitting. A full stop after these never ends a sentence (titles, "e.g.", "No. 5"): CLDR
# segmentation suppressions (en "standard") and the AP Stylebook's titles.
NEVER_FINAL = frozenset("""
    Adm Amb Apr Art Atty Aug Capt Ch Cmdr Col Cpt Dec Det Feb Fig Figs Fr Ft Gen Gov Hon Insp Jan Jul Jun Lt
    Maj Mar Messrs Mmes Mr Mrs Ms Msgr Mt Mx No Nos Nov Nr Oct Op Pres Prof Prop Pt Rep Rev Rt Sec Sen Sep Sept
    Sgt Supt Treas Vol approx c ca cf ch e.g est fig i.e no nos p pp v viz vol vs
    Apt apt Ext ext Bldg bldg
""".split())
# A full stop after these ends a sentence only when a typical sentence opener follows ("Apple Inc. The").
MAY_END = frozenset("""
    A.D A.M Ave B.C B.C.E Blvd Bros C.E Calif Co Corp D.C Dr E.U Esq Hwy Inc Jr Ln Ltd Mass P.M Ph.D PhD Pl
    Rd Sq Sr St U.K U.N U.S a.m etc p.m Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Dept dept Univ Assn
""".split())
# The most frequent first words of sentences on the readability test pages.
SENTENCE_STARTERS = frozenset("""
    A According After Also Although An And Another As At Because Before Both But Despite During Each Even
    Every For From He Her Here His How However I If In Instead It Its Last Many Meanwhile Most My Next No Nor
    Not Now On One Only Or Other Others Our Over She Since So Some Still Such That The Their Then There These
    They This Those Though Three Today Tomorrow Two Under Unless Until We What When Where Which While Who Why
    With Yesterday Yet You
""".split())

# Abbreviations expanded wherever they occur with their full stop (AP Stylebook titles, street suffixes
# and months; Latin abbreviations as style guides gloss them).
EXPANSIONS = {
    "Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Prof": "Professor", "Rev": "Reverend", "Hon": "Honorable",
    "Mt": "Mount", "Ft": "Fort", "Gen": "General", "Gov": "Governor", "Sen": "Senator",
    "Rep": "Representative", "Pres": "President", "Lt": "Lieutenant", "Col": "Colonel", "Capt": "Captain",
    "Sgt": "Sergeant", "Cmdr": "Commander", "Adm": "Admiral", "Maj": "Major", "Supt": "Superintendent",
    "Insp": "Inspector", "Det": "Detective", "Atty": "Attorney", "Amb": "Ambassador", "Messrs": "Messieurs",
    "Msgr": "Monsignor", "Jr": "Junior", "Sr": "Senior", "Bros": "Brothers", "Esq": "Esquire",
    "Inc": "Incorporated", "Corp": "Corporation", "Ltd": "Limited", "Ave": "Avenue", "Blvd": "Boulevard",
    "Rd": "Road", "Ln": "Lane", "Hwy": "Highway", "Sq": "Square", "vs": "versus", "v": "versus",
    "etc": "et cetera", "e.g": "for example", "i.e": "that is", "cf": "compare", "viz": "namely",
    "approx": "approximately", "ca": "circa", "est": "established", "Fig": "figure", "fig": "figure",
    "Figs": "figures", "Vol": "volume", "vol": "volume", "Jan": "January", "Feb": "February", "Mar": "March",
    "Apr": "April", "Jun": "June", "Jul": "July", "Aug": "August", "Sep": "September", "Sept": "September",
    "Oct": "October", "Nov": "November", "Dec": "December", "a.m": "A.M", "p.m": "P.M", "A.M": "A.M",
    "Mon": "Monday", "Tue": "Tuesday", "Tues": "Tuesday", "Wed": "Wednesday", "Thu": "Thursday",
    "Thur": "Thursday", "Thurs": "Thursday", "Fri": "Friday", "Sat": "Saturday", "Sun": "Sunday",
    "P.M": "P.M", "Ph.D": "P.H.D", "PhD": "P.H.D", "B.C": "B.C", "A.D": "A.D", "B.C.E": "B.C.E", "C.E": "C.E",
    # the abbreviations of addresses, letterheads and listings (Merriam-Webster's abbreviations list)
    "Dept": "Department", "dept": "department", "prof": "professor", "Bldg": "Building", "bldg": "building",
    "Apt": "Apartment", "apt": "apartment", "a.k.a": "also known as", "Univ": "University", "Assn": "Association",
}
# Expanded without a full stop too, before a capitalised name ("Mr Smith", British style).
UNDOTTED_EXPANSIONS = {
    "Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Dr": "Doctor", "St": "Saint",
    "Mt": "Mount", "Ft": "Fort",  # "Mt Everest", "Ft Worth" (Guardian and BBC style: no stop after contractions)
}
# One abbreviation, two readings: before a capitalised name, and after a name or number ("Elm Dr.",
# "5th St."). From the AP Stylebook's street rules.
CONTEXTUAL = {
    "St": ("Saint", "Street"), "Dr": ("Doctor", "Drive"),
}
# Before a number only: "No. 5" -> "number five", "p. 12" -> "page twelve" ("no" alone is a word).
BEFORE_NUMBER = {
    "No": "number", "no": "number", "Nos": "numbers", "nos": "numbers", "p": "page", "pp": "pages",
    "Ch": "chapter", "ch": "chapter", "Art": "article", "Op": "opus", "Pt": "part",
    "c": "circa", "ca": "circa",  # "c. 1850" (Chicago Manual of Style 10.7: c., ca., circa)
    "Prop": "Proposition",  # a California ballot measure ("Prop. 22"), as the state's voter guide writes it
    "Sec": "Section",  # "Sec. 230" (Chicago 10.43); after a title it is "Secretary" (never_final)
    "ext": "extension", "Ext": "extension",  # a phone extension ("555-1234 ext. 5")
}
# How English news readers say these capitalised abbreviations (AP Stylebook acronym entries).
ACRONYM_READINGS = {
    "FTSE": "Footsie",  # the index as its own site and the City say it
    "DARPA": "Darpa", "FEMA": "Fema", "OSHA": "Osha", "NOAA": "Noah", "SCUBA": "scuba", "PIN": "pin",
    "ZIP": "zip", "SIM": "sim", "LAN": "lan", "WAN": "wan", "RAM": "ram", "ROM": "rom", "PAC": "pac",
    "NIMBY": "nimby", "YOLO": "yolo", "ASAP": "A.S.A.P", "GOP": "G.O.P", "ESPN": "E.S.P.N", "OK": "okay",
    "TV": "T.V", "NYSE": "N.Y.S.E", "NAACP": "N double A.C.P", "AT&T": "A.T and T", "ACLU": "A.C.L.U",
    "UCLA": "U.C.L.A", "USAID": "U.S.aid", "CUNY": "cue knee", "SUNY": "sue knee", "IEEE": "I triple E",
    "NPR": "N.P.R", "WiFi": "wifi", "JPMorgan": "J.P.Morgan",
    # the world wars as written in short (Merriam-Webster: WWI, WWII), said in full
    "WWI": "World War One", "WWII": "World War Two",
    "AKA": "also known as", "aka": "also known as", "tv": "T.V",
}
# Short capitalised words that are ordinary words when shouted: the most frequent two- and
# three-letter words (Leipzig Corpora Collection, English news).
SHORT_WORDS = frozenset("""
    ALL AM AN AND ANY ARE AS AT BAD BE BIG BUT BY CAN DAY DID DO END FAR FEW FOR GET GO GOT HAD HAS HE HER
    HIM HIS HOT HOW IF IN IS IT ITS LET LOT MAN MAY ME MY NEW NO NOT NOW OF OFF OH OLD ON ONE OR OUR OUT OWN
    PUT RED SAW SAY SEE SHE SIX SO TEN THE TO TOO TOP TRY TWO UP USE WAR WAS WAY WE WHO WHY WIN WON YES YET
    YOU ZOO
""".split())

# Words before a four-digit number that make it a year (news usage; "in 2018", "since 1999").
YEAR_CUES = frozenset("""
    A FY The a after and around autumn before between by c. census circa class during early election
    elections end fall fiscal from her his in its late mid my of or our season since spring summer that the
    their this through till to until vintage winter year
""".split())
# A fiscal quarter or half before its year ("Q3 2023 revenue", "H1 2024 sales"), as company reports and
# the financial press write them (the SEC's EDGAR filings, Reuters and Bloomberg headlines).
PERIOD_BEFORE_YEAR = r"Q[1-4]|H[12]"
# Lower-case words after a four-digit number that still leave it a year ("in 2018 and", "2018 was").
YEAR_FOLLOWERS = frozenset("""to and or was were is are saw had has when as the a an at in on for with
    after before until through during election elections season budget census campaign law report edition
    model version world cup olympics games midterms
    millions thousands hundreds dozens many most some several few all both others more it they we he she
    there this these those its their his her""".split())  # a clause after a year: "until 1918 millions died"
# After an amount these words leave the currency plural ("$5 in cash", "$3 billion last year"); any other
# lower-case word makes the amount an adjective ("a $19 billion acquisition" -> "dollar").
AMOUNT_FOLLOWERS = frozenset("""a an the in on at of for from to by with and or but as than is was are were
    be been being has had have will would could should can may might must each per apiece more less last this
    next that which who annually worth into over under after before during since until plus minus off back
    so too yet now then there here it its their his her they he she we you i total overall if when while
    because though although unless whereas where whether
    vs versus v expected estimated forecast previously earlier ago apiece
    beat beats missed topped rose fell jumped dropped climbed slipped compared""".split())
# (the last two lines: a comparison, and the participles and verbs of earnings and market reports, "EPS
# of $1.52 vs. $1.45 expected", "revenue of $3.2B beat estimates": the amount is no adjective before them)
# After a measurement these describe it rather than being described by it ("20km away", "5ft tall").
# After an amount and a company's or a product's name these nouns make the amount an adjective ("the
# $69bn Activision deal", "a $10 Netflix plan"; the nouns of deal and pricing news, Reuters and AP usage).
DEAL_NOUNS = frozenset("""deal acquisition purchase takeover merger bid offer contract package plan bill
    budget loan fund stake investment settlement fine lawsuit subscription upgrade order gift card voucher
    coupon ticket credit bonus refund fee tariff""".split())
# After these a spaced unit before a noun is an adjective: "a 5 km run", "the 2,000 sq ft house".
UNIT_DETERMINERS = frozenset("a an the this that its his her their our my your each every by".split())  # "3 by 5 cm cards"
UNIT_FOLLOWERS = frozenset("""away long wide tall high deep old thick ahead apart north south east west
    above below across behind beneath up down higher lower faster slower
    outside inside outdoors indoors today tomorrow yesterday tonight overnight daily weekly already again""".split())
# Street addresses: a house number, an optional compass point, one to three name words and the street
# type, written without its dot (USPS Publication 28, Appendix C1 street suffix abbreviations).
STREET_SUFFIXES = {"St": "Street", "Ave": "Avenue", "Blvd": "Boulevard", "Rd": "Road", "Dr": "Drive", "Ln": "Lane",
                   "Hwy": "Highway", "Expy": "Expressway", "Pkwy": "Parkway", "Ct": "Court", "Pl": "Place",
                   "Sq": "Square", "Ter": "Terrace", "Terr": "Terrace", "Cir": "Circle", "Plz": "Plaza",
                   "Aly": "Alley", "Trl": "Trail"}
# The case of the abbreviation does not matter after a house number and a street name ("15 Elm st",
# "12 S 1st st"): Publication 28 writes them in capitals, pages in any case.
STREET_SUFFIXES.update({short.lower(): name for short, name in STREET_SUFFIXES.items()})
# Written in full they make an address too ("221 Baker Street" -> "two twenty-one Baker Street").
STREET_SUFFIXES.update({name: name for name in [*STREET_SUFFIXES.values(), "Way"]})
# Secondary unit designators after a street ("450 Sutter St Ste 100", "Apt 4B"): USPS Publication 28,
# appendix C2.
ADDRESS_UNITS = {"Apt": "Apartment", "Ste": "Suite", "Fl": "Floor", "Rm": "Room", "Bldg": "Building",
                 "Unit": "Unit"}
# US state and territory codes before a ZIP code ("Santa Clara, CA 95051"): USPS Publication 28, app. B.
POSTAL_REGIONS = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "D.C", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii",
    "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky",
    "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska",
    "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "PR": "Puerto Rico",
}
# After a town without a ZIP code ("Albany, NY."), all but the codes that are also degrees or titles
# after a person's name ("Jane Roe, MD", "MA", "DO", "PA" for physician assistant) or a word ("ID").
REGIONS_AFTER_TOWN = frozenset(POSTAL_REGIONS) - {"MD", "MA", "DO", "PA", "ID"}
COMPASS_POINTS = {"N": "North", "S": "South", "E": "East", "W": "West", "NE": "Northeast", "NW": "Northwest",
                  "SE": "Southeast", "SW": "Southwest"}
# After these a number names something and is said like a code: "Room 101" -> "room one oh one",
# "Flight 370" -> "three seventy" (how rooms, flights, routes and gates are announced).
CODE_NUMBER_CUES = frozenset("""room flight route bus highway interstate suite gate platform channel track exit
    apartment apt unit studio terminal pier ward bay bug issue ticket order invoice account reference ref
    patent serial pr boeing resolution box extension seat row level deck berth locker aisle""".split())
# Numbers with a reading of their own after a word (US usage): the N11 service numbers always ("911
# calls"), the "introduction to" course number only when no word follows ("sewing 101", but "101 Dalmatians").
SPOKEN_NUMBERS = {"911": ("nine one one", True), "411": ("four one one", True), "311": ("three one one", True),
                  "101": ("one oh one", False)}
# en-GB and friends write day/month/year; en-US month/day/year (CLDR short date patterns).
DAY_FIRST_TAGS = frozenset({"en-gb", "en-au", "en-nz", "en-ie", "en-in", "en-za", "en-sg", "en-uk"})

TIME_PATTERN = (r"(?<![\w.,:])([01]?\d|2[0-4]):([0-5]\d)(?::(?P<seconds>[0-5]\d))?"
                r"(?![\d:]|\s?[AaPp]\.?\s?[Mm]\b)")
# "10:00:00 p.m.": seconds on the hour are not said
AMPM_PATTERN = r"(?<![\w.:])(?<!\d,)(\d{1,2})(?:[:.](\d{2})(?::00)?)?\s?([AaPp])\.?\s?[Mm]\b\.?"
ORDINAL_PATTERN = r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)((?i:st|nd|rd|th))\b"  # "1ST" in a shouted heading
DECADE_PATTERN = r"(?<![\w'’])(?:(1\d|20)(\d)0|['’]?(\d)0)['’]?s\b"
# "1.2bn", and a capital M, B or K (or a small k) after a decimal ("1.5M people", "2.5B users", "1.2k
# reviews"): "3M" or "10K" without a decimal is more often a name or a race than a count.
# "4.2m people", "10m viewers": British papers write "m" for million (Guardian and BBC News style guides);
# before a noun that counts people or things it is million, before any other word metres ("a 10m wall")
MILLION_M_NOUNS = """people viewers users visitors homes households jobs barrels votes voters customers
    subscribers children adults residents workers employees copies passengers patients cases deaths
    downloads followers members students tourists doses refugees migrants listeners readers fans
    reviews reviewers views likes streams""".split()
SCALED_PATTERN = (r"(?:\s?(bn|tn)|(?:(?<=\.\d)|(?<=\.\d\d))([MBKk])|(m)(?=\s(?:"
                  + "|".join(MILLION_M_NOUNS) + r")\b))\b")


def say_year(value: int) -> str:
    """ "1999" -> "nineteen ninety-nine", "2018" -> "twenty eighteen", "2005" -> "two thousand five".

    2001-2009 as "two thousand five" (not num2words' British "and"), 2010 onwards in pairs, as news
    readers do.
    """
    if 2000 <= value <= 2009:
        return numbers.cardinal(value, CODE).replace(" and ", " ")
    return numbers.year_words(value, CODE).replace("oh-", "oh ")


def say_decade(match: re.Match) -> str:
    """ "the 1990s" -> "the nineteen nineties"; "the '80s" -> "the eighties"."""
    if match.group(1):
        value = int(match.group(1) + match.group(2) + "0")
        if value == 1000:  # "1000s of fans": a count in the plural, not a decade
            return "thousands"
        return numbers.plural_decade(say_year(value))
    return numbers.plural_decade(numbers.cardinal(int(match.group(3) + "0"), CODE))


def say_date(day: int, month: int, year: int | None, before: str = "") -> str:
    """ "July seventh, twenty seventeen"."""
    spoken = f"{RULES.month_name(month)} {numbers.ordinal(day, CODE)}"
    return spoken + (f", {say_year(year)}" if year else "")


def say_day_month(day: int, month: int, month_text: str, year: int | None, before: str,
                  dotted: bool) -> str | None:
    """ "3 July 2012" -> "the third of July twenty twelve" (British order keeps its "the ... of")."""
    article = "" if before.lower() == "the" else "the "
    spoken = f"{article}{numbers.ordinal(day, CODE)} of {RULES.month_name(month)}"
    return spoken + (f" {say_year(year)}" if year else "")


def _minutes(minutes: str) -> str:
    if minutes.startswith("0"):
        return "oh " + numbers.cardinal(int(minutes), CODE)
    return numbers.cardinal(int(minutes), CODE)


def say_time(hour: int, minutes: str) -> str:
    """ "9:30" -> "nine thirty", "9:00" -> "nine o'clock", "14:00" -> "fourteen hundred"."""
    if minutes == "00":
        if hour == 0:
            return "zero"  # "0:00" on a media player: a duration, not midnight
        return f"{numbers.cardinal(hour, CODE)} " + ("hundred" if hour > 12 else "o'clock")
    return f"{numbers.cardinal(hour, CODE)} {_minutes(minutes)}"


def say_time_ampm(hour: int, minutes: str, half: str) -> str | None:
    """ "9:05 p.m." -> "nine oh five P.M"; None when the hour cannot be a 12-hour clock's."""
    if not 1 <= hour <= 12:
        return None
    spoken = numbers.cardinal(hour, CODE)
    if minutes and minutes != "00":
        spoken += " " + _minutes(minutes)
    return f"{spoken} {half.upper()}.M"


def _denominator(bottom: int, plural: bool) -> str:
    if bottom in DENOMINATORS:
        return DENOMINATORS[bottom][plural]
    words = numbers.ordinal(bottom, CODE)
    return words + "s" if plural else words


def say_day(day: int) -> str:
    """The day of a date on its own, as in the end of "Oct. 2-4": "fourth"."""
    return numbers.ordinal(day, CODE)


def say_feet_inches(feet: int, inches: int) -> str:
    """ "5'11"" -> "five foot eleven", as heights are said."""
    return f"{numbers.cardinal(feet, CODE)} foot {numbers.cardinal(inches, CODE)}"


def say_fraction(top: int, bottom: int, whole: int | None, forced: bool) -> str | None:
    """ "3/4" -> "three quarters", "7/32" -> "seven thirty-seconds", "1 1/2" -> "one and a half".

    None for a slash that is not a fraction ("24/7", "9/11"): the engine reads the two numbers.
    """
    if bottom < 2:
        return None
    proper = top < bottom or (bottom <= 4 and top < 100)
    if not forced and not (proper and (bottom <= 10 or bottom in MEASURE_DENOMINATORS)):
        return None
    fraction = f"{numbers.cardinal(top, CODE)} {_denominator(bottom, top != 1)}"
    if whole is None:
        return fraction
    if (top, bottom) == (1, 2):
        return f"{numbers.cardinal(whole, CODE)} and a half"
    return f"{numbers.cardinal(whole, CODE)} and {fraction}"


# Nouns of measure a fraction before them is said "half a" / "three quarters of a" with (recipes, DIY and
# sport as a narrator reads them: "half a cup", "a quarter of an hour"); "1/2 price" and "3/4 majority"
# are no measures and keep "one half". Units from the table always are.
MEASURE_NOUNS = frozenset("""cup teaspoon tablespoon spoonful inch foot yard mile pound ounce hour minute second
    gallon pint quart stick acre kilo liter litre meter metre day week month year lemon lime onion can pinch
    glass loaf batch bottle bag packet pack dozen sheet""".split())
_ARTICLE_BEFORE_FRACTION = frozenset({"a", "an"})
_UNIT_NAMES = frozenset(one for one, _many in UNITS.values())


def fraction_before_noun(top: int, bottom: int, spoken: str, noun: str, before: str) -> str | None:
    """ "1/2 cup" -> "half a cup", "3/4 in." -> "three quarters of an inch", "a 1/2 inch bolt" -> "a half
    inch bolt" (an adjective after "a"), "a 3/4 inch pipe" -> "a three-quarter inch pipe"."""
    if noun.startswith("-"):  # "a 3/4-mile loop", "1/4-inch thick": a compound adjective, singular
        if top >= bottom:
            return None
        if (top, bottom) == (1, 2):
            return "half"
        if top == 1 and before in _ARTICLE_BEFORE_FRACTION:  # "a quarter-inch", but "one-quarter-inch thick"
            return spoken.split(" ", 1)[1]
        return spoken.replace(" ", "-").removesuffix("s")
    if top >= bottom or before == "the" or (noun not in MEASURE_NOUNS and noun not in _UNIT_NAMES):
        return None
    if before in _ARTICLE_BEFORE_FRACTION:
        return "half" if (top, bottom) == (1, 2) else spoken.replace(" ", "-").removesuffix("s")
    article = "an" if noun[:1] in "aeiou" or noun.startswith("hour") else "a"
    if (top, bottom) == (1, 2):
        return f"half {article}"
    if top == 1:  # "a quarter of an hour", "an eighth of a teaspoon"
        part = spoken.split(" ", 1)[1]
        spoken = f"{'an' if part[:1] in 'aeiou' else 'a'} {part}"
    return f"{spoken} of {article}"


# "your card ending in 8876", "account ending with 1234": the last digits of a card or account are read
# one by one, as banks' phone systems and people read them out.
_LAST_DIGITS = patterns.compile(r"\b((?:card|account|number|Visa|Mastercard|Amex|phone)\s+ending\s+(?:in|with)\s+)"
                          r"(\d{3,4})\b(?![.,]\d)")


# "50p", "a 20p coin": British pence written onto the amount (Royal Mint coin names; BBC News style); one
# or two digits only, since "720p" and "1080p" are video resolutions
_PENCE = patterns.compile(r"(?<![\w.,£$€-])(\d{1,2})p\b(?![\w'’])")


def _pence(match: re.Match) -> str:
    value = int(match.group(1))
    return "one penny" if value == 1 else f"{numbers.cardinal(value, CODE)} pence"


# A code given to be typed in ("your OTP is ab9453", "PIN: 4821", "area code 212", "zip code 10001") is read
# out character by character, as one reads a code aloud to be copied (banks' and carriers' voice systems).
_CODE_GIVEN = patterns.compile(r"\b((?:OTP|otp|PIN|pin|[Cc]ode|passcode|[Pp]assword)(?:\s(?:is|was|of))?:?\s)"
                         r"([A-Za-z]{0,4})(\d{3,})(?![\w.,]\w|[\w-])")


def _code_given(match: re.Match) -> str:
    letters = f"{match.group(2)} " if match.group(2) else ""
    return f"{match.group(1)}{letters}{numbers.digits(match.group(3), CODE)}"


# "the 747s", "rolled 3s and 4s": a number in the plural (not a decade: "the 1990s", "her 40s", read by the
# decade rule); the number's last word takes the plural, as "sixes", "twenties", "sevens". Only after a
# determiner or in a pair: after a bare number "s" is seconds ("a 5s delay"), after letters a code ("W26s").
_NUMBER_PLURAL = patterns.compile(r"(?<![\w.,'’$€£-])(\d{0,3}[1-9])s\b(?!['’])")
_PLURAL_DETERMINERS = frozenset("the those these all some his her their its our my your and or".split())
_PLURAL_PAIR = patterns.compile(r"\s(?:and|or|&)\s\d+s\b")


def _number_plural(match: re.Match) -> str:
    text, start = match.string, match.start()
    before = text[max(0, start - 40):start].rstrip().rpartition(" ")[2].lower()
    if before not in _PLURAL_DETERMINERS and not _PLURAL_PAIR.match(text, match.end()):
        return match.group()
    words = numbers.cardinal(int(match.group(1)), CODE)
    return words + "es" if words.endswith("x") else numbers.plural_decade(words)


# An oven temperature given in several scales, as British recipes write it ("180C/350F/gas 4", "200°C/
# fan 180°C/gas mark 6"): the slashes are pauses and "gas" is the gas mark (BBC Good Food style).
_OVEN_SLASH = patterns.compile(r"(?<=\d)(°?[CF])\s?/\s?(?=(?:fan\s)?\d+\s?°?[CF]\b|gas\b)")
_GAS_MARK = patterns.compile(r"\bgas\s(?:mark\s)?(?=\d\b)")


# "Text HOME to 741741", "text STOP to 88788": a short code to send a text to is typed digit by digit
# (the CTIA short-code format, five or six digits).
_TEXT_SHORT_CODE = patterns.compile(r"(\b[Tt]ext\s+[A-Z]{2,}\s+to\s+)(\d{5,6})\b(?![.,]\d)")


def read_phrases(text: str) -> str:
    """Number phrases English reads its own way before the engine's rules (the last digits of a card, pence,
    a code to type in, an oven's temperatures)."""
    if "ext" in text:
        text = _TEXT_SHORT_CODE.sub(lambda m: m.group(1) + numbers.digits(m.group(2), CODE), text)
    if "/" in text and ("C" in text or "F" in text):
        text = _OVEN_SLASH.sub(r"\1, ", text)
        text = _GAS_MARK.sub("gas mark ", text)
    if "p" in text:
        text = _PENCE.sub(_pence, text)
    if "s" in text:
        text = _NUMBER_PLURAL.sub(_number_plural, text)
    if "ode" in text or "PIN" in text or "pin" in text or "otp" in text or "OTP" in text or "ssword" in text:
        text = _CODE_GIVEN.sub(_code_given, text)
    if "ending" not in text:
        return text
    return _LAST_DIGITS.sub(lambda m: m.group(1) + numbers.digits(m.group(2), CODE), text)


def say_code_number(digits: str) -> str:
    """Digits in a model number as people say them: "37", "five fifty", "thirty eighty"; long runs digit
    by digit, a leading zero as "oh"."""
    if len(digits) > 4:
        return numbers.digits(digits, CODE)
    if digits.startswith("0"):
        return " ".join("oh" if d == "0" else numbers.cardinal(int(d), CODE) for d in digits)
    if len(digits) == 3 and digits[1:] != "00":
        return f"{numbers.cardinal(int(digits[0]), CODE)} {_minutes(digits[1:])}"
    if len(digits) == 4:
        return say_year(int(digits))  # in pairs: "thirty eighty", "ten eighty", "two thousand five"
    return numbers.cardinal(int(digits), CODE).replace(" and ", " ")


def say_ordinal(match: re.Match) -> str:
    """ "21st" -> "twenty-first", "1,000th" -> "one thousandth"."""
    return numbers.ordinal(int(match.group(1).replace(",", "")), CODE)


def say_time_seconds(hour: int, minutes: str, seconds: str) -> str:
    """ "14:10:30" -> "fourteen hours ten minutes and thirty seconds" (a duration or a precise time)."""
    parts = [(hour, "hour"), (int(minutes), "minute")]
    said = [f"{numbers.cardinal(value, CODE)} {name}{'' if value == 1 else 's'}" for value, name in parts]
    value = int(seconds)
    return f"{' '.join(said)} and {numbers.cardinal(value, CODE)} second{'' if value == 1 else 's'}"


def say_regnal(value: int) -> str:
    """ "Henry VIII" -> "Henry the Eighth"."""
    ordinal = numbers.ordinal(value, CODE)
    return f"the {ordinal[:1].upper()}{ordinal[1:]}"


# "a" before a vowel sound the engine produced: number words and spelled letters ("an eleven-hour
# shift", "an F.B.I agent"). Letters said with a leading vowel: A E F H I L M N O R S X.
_AN_BEFORE = patterns.compile(r"\b([Aa])(?=\s+(?:eight|eleven|eighteen|eighty)|\s+[AEFHILMNORSX]\.[A-Z])")


# A hyphen between two spoken times or decades is a range: "two P.M-five P.M", "sixties-eighties".
_SPOKEN_RANGE = patterns.compile(r"\b([AP]\.M|noon|midnight|\w+ties|hundreds|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s?[-–]\s?"
                           r"(?=[a-z]|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)")


# Teams and generations named by a number and "-ers": "the 49ers" (forty-niners), "the 76ers" (seventy-sixers).
_NUMBER_ERS = patterns.compile(r"(?<![\w.,-])(\d{2})ers\b")


def _number_ers(match: re.Match) -> str:
    words = numbers.cardinal(int(match.group(1)), CODE)
    return words + ("rs" if words.endswith("e") else "ers")


# "100s of people", "1,000s of fans": the scale word in the plural.
_SCALE_PLURAL = patterns.compile(r"(?<![\w.,])(100|1,?000|1,?000,?000)s\b")
_SCALE_PLURALS = {"100": "hundreds", "1000": "thousands", "1000000": "millions"}


def fix_articles(text: str) -> str:
    """ "a 11-hour" was written for the eye; said, it is "an eleven-hour"; "2pm-5pm" is "to"."""
    if "ers" in text:
        text = _NUMBER_ERS.sub(_number_ers, text)
    if "00s" in text:
        text = _SCALE_PLURAL.sub(lambda m: _SCALE_PLURALS[m.group(1).replace(",", "")], text)
    if "-" in text or "–" in text:
        text = _SPOKEN_RANGE.sub(r"\1 to ", text)
    if "a " not in text and "A " not in text:
        return text
    # a capital "A" is an article only at the start ("Vitamin A 8 mg" keeps its letter)
    return _AN_BEFORE.sub(lambda m: m.group() if m.group(1) == "A" and m.start() else m.group(1) + "n", text)


RULES = LanguageRules(
    lone_i_is_pronoun=True,
    rating_nouns=frozenset({"stars", "points"}),  # a review's "4/5 stars": out of
    code=CODE,
    number_style=NumberStyle(group=",", decimal="."),  # CLDR en: "1,234.5"
    words=frozen(WORDS),
    months=frozen(MONTHS),
    weekdays=WEEKDAYS,
    say_year=say_year,
    currencies=frozen(CURRENCIES),
    names_minor_unit=True,
    scale_suffixes=frozen(SCALE_SUFFIXES),
    scale_words=frozen(SCALE_WORDS),
    scaled_pattern=SCALED_PATTERN,
    units=frozen(with_capitals(UNITS)),  # also "12KG", "500 ML", as listings print them
    attached_units=frozen(ATTACHED_UNITS),
    vulgar_fractions=frozen(VULGAR_FRACTIONS),
    say_fraction=say_fraction,
    rating_cues=RATING_CUES,
    amount_followers=AMOUNT_FOLLOWERS,
    unit_followers=UNIT_FOLLOWERS,
    unit_determiners=UNIT_DETERMINERS,
    deal_nouns=DEAL_NOUNS,
    reads_short_year_ranges=True,
    year_cues=YEAR_CUES,
    year_followers=YEAR_FOLLOWERS,
    period_before_year=PERIOD_BEFORE_YEAR,
    # "1h 45m", "2h 30min", "1m 30s": the running times of films, podcasts and race splits as English
    # pages write them (IMDb, Apple Podcasts); read "one hour and forty-five minutes"
    letter_durations=True,
    # "kick-off on 14/2", "the final on 3/4": a match or event day as UK and US sports and event pages write
    # it, in the region's order (CLDR short dates: d/M in en-GB, M/d in en-US); "on 3/4 of" stays a fraction
    short_date_cues=frozenset({"on"}),
    # the change against the period before, as economic releases and market reports write it (ONS,
    # Reuters: "y/y", "m/m", "q/q")
    slash_words=frozen({"y/y": "year on year", "m/m": "month on month", "q/q": "quarter on quarter",
                        "w/w": "week on week",
                        # the slashed abbreviations of notes and listings (Merriam-Webster: w/o, c/o; "A/C" is
                        # said as its letters)
                        "w/o": "without", "c/o": "care of"}),
    short_date_followers=frozenset("at in and or was is will when against after before from to with".split()),
    count_noun_case="lower",
    decade_pattern=DECADE_PATTERN,
    say_decade=say_decade,
    day_first=False,
    day_first_tags=DAY_FIRST_TAGS,
    month_day_dates=True,
    ambiguous_months=frozenset({"May", "March"}),  # "may 5" and "march 3" are verbs in lower case
    say_day_month=say_day_month,
    say_date=say_date,
    say_day=say_day,
    say_feet_inches=say_feet_inches,
    fraction_before_noun=fraction_before_noun,
    time_pattern=TIME_PATTERN,
    say_time=say_time,
    say_time_seconds=say_time_seconds,
    ampm_pattern=AMPM_PATTERN,
    say_time_ampm=say_time_ampm,
    ordinal_pattern=ORDINAL_PATTERN,
    say_ordinal=say_ordinal,
    roman_cardinal_context=ROMAN_CARDINAL_CONTEXT,
    regnal_titles=REGNAL_TITLES,
    say_regnal=say_regnal,
    never_final=NEVER_FINAL,
    may_end=MAY_END,
    sentence_starters=SENTENCE_STARTERS,
    expansions=frozen(EXPANSIONS),
    undotted_expansions=frozen(UNDOTTED_EXPANSIONS),
    contextual=frozen(CONTEXTUAL),
    before_number=frozen(BEFORE_NUMBER),
    acronym_readings=frozen(ACRONYM_READINGS),
    short_words=SHORT_WORDS,
    symbol_words=frozen(SYMBOL_WORDS),
    slash_per="per",  # "$300/night"
    street_suffixes=frozen(STREET_SUFFIXES),
    address_units=frozen(ADDRESS_UNITS),
    short_year_as_written=True,  # "01/07/98": "ninety-eight", "3/4/05": "oh five", as the date is read out
    postal_regions=frozen(POSTAL_REGIONS),
    regions_after_town=REGIONS_AFTER_TOWN,
    compass_points=frozen(COMPASS_POINTS),
    per_words=frozen(PER_WORDS),
    emoji_names=True,
    final_pass=fix_articles,
    read_phrases=read_phrases,
    say_code_number=say_code_number,
    code_number_cues=CODE_NUMBER_CUES,
    spoken_numbers=frozen(SPOKEN_NUMBERS),
)
