"""Abbreviations and acronyms as data, per language (``en``, ``de``, ``fr``, ``es``).

Two readers use these tables: the sentence splitter (may a full stop after this word end a sentence?) and
the speech normaliser (what does a reader say for it?). Sources: the abbreviation lists of the Unicode
CLDR segmentation suppressions (``en``/``de``/``fr``/``es`` "standard" lists), the Duden list of common
German abbreviations, the Académie française's "Abréviations" page, the RAE "Lista de abreviaturas", and
the AP Stylebook for English titles and street suffixes; trimmed to the ones that occur in news and
encyclopedia prose (checked against the readability test pages in ``shared/corpora``).

Keys are written without their final full stop and are case-sensitive ("No" before a number is "number",
"no" is the word). Multi-part keys ("z. B") match with or without the inner space ("z.B.").
"""

from __future__ import annotations

from types import MappingProxyType

# --- Sentence splitting ----------------------------------------------------------------------------

# A full stop after these never ends a sentence: titles before a name, "e.g.", "vs.", "No. 5".
NEVER_FINAL: MappingProxyType[str, frozenset[str]] = MappingProxyType({
    "en": frozenset({
        "Mr", "Mrs", "Ms", "Mx", "Prof", "Rev", "Hon", "Fr", "Mt", "Ft",
        "Gen", "Gov", "Sen", "Rep", "Pres", "Lt", "Col", "Capt", "Cpt", "Sgt", "Cmdr", "Adm", "Maj", "Supt",
        "Insp", "Det", "Atty", "Amb", "Sec", "Treas", "Rt", "Messrs", "Mmes", "Msgr",
        "vs", "v", "e.g", "i.e", "cf", "viz", "approx", "ca", "c", "No", "Nos", "no", "nos", "Fig", "fig",
        "Figs", "Vol", "vol", "Ch", "ch", "p", "pp", "Art", "Sec", "Nr", "Op", "Pt", "est", "Jan", "Feb",
        "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    }),
    "de": frozenset({
        "z. B", "z.B", "d. h", "d.h", "u. a", "u.a", "s. o", "s. u", "v. a", "u. U", "i. d. R", "o. g",
        "Nr", "Dr", "Prof", "Hr", "Hrn", "Fr", "St", "Str", "vgl", "bzw", "ca", "evtl", "ggf", "inkl",
        "exkl", "bzgl", "sog", "Abb", "S", "Bd", "Kap", "Art", "Abs", "Tel", "gem", "geb", "Dipl", "Ing",
        "Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez", "zzgl", "max",
        "min", "allg", "urspr",
    }),
    "fr": frozenset({
        "M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "Me", "Mgr", "St", "Ste", "p. ex", "c.-à-d", "cf",
        "env", "av", "apr", "n", "no", "p", "pp", "vol", "chap", "fig", "art", "boul", "bd", "éd", "janv",
        "févr", "avr", "juil", "sept", "oct", "nov", "déc",
    }),
    "es": frozenset({
        "Sr", "Sra", "Srta", "Sres", "Dr", "Dra", "Lic", "Ing", "Prof", "Ud", "Uds", "Vd", "Vds", "D", "Dña",
        "Sto", "Sta", "EE", "p. ej", "núm", "nº", "pág", "págs", "cap", "vol", "art", "aprox", "Avda", "Av",
        "c", "fig", "ene", "feb", "abr", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
    }),
})

# A full stop after these ends a sentence only when a typical sentence opener follows
# ("... Apple Inc. The company" splits; "Apple Inc. shares" does not).
MAY_END: MappingProxyType[str, frozenset[str]] = MappingProxyType({
    "en": frozenset({"etc", "Inc", "Corp", "Ltd", "Co", "Bros", "Jr", "Sr", "Ave", "Blvd", "Rd", "Ln",
                     "Dr", "St", "Sq", "Hwy", "Pl", "Esq", "PhD", "Ph.D", "a.m", "p.m", "A.M", "P.M",
                     "U.S", "U.K", "U.N", "E.U", "D.C", "B.C", "A.D", "B.C.E", "C.E", "Mass", "Calif"}),
    "de": frozenset({"usw", "etc", "Mio", "Mrd", "Tsd", "Jh", "v. Chr", "n. Chr", "u. Ä", "o. Ä", "o. ä",
                     "u. ä", "Std", "Min", "Sek", "GmbH", "Co", "e. V", "e.V"}),
    "fr": frozenset({"etc", "av. J.-C", "apr. J.-C", "J.-C", "Cie", "cie"}),
    "es": frozenset({"etc", "EE. UU", "EE.UU", "a. C", "d. C", "S.A", "Cía", "Hnos"}),
})

# Words that typically open a sentence, used to resolve MAY_END and dotted acronyms ("U.S.").
# Calibrated on the readability test pages: the most frequent first words of sentences per language.
SENTENCE_STARTERS: MappingProxyType[str, frozenset[str]] = MappingProxyType({
    "en": frozenset("""A An The This That These Those It Its He She They We I You His Her Their Our My
        There Here But And Or So Yet Still Then Now In On At If When While After Before As For With From
        Some Many Most Both Each Every No Not Only Also However Meanwhile Instead Even Why How What Who
        Where Which Although Though Because Since Until Unless Last Next Today Yesterday Tomorrow One
        Two Three Such According Despite During Over Under Other Others Another Nor""".split()),
    "de": frozenset("""Der Die Das Den Dem Des Ein Eine Einen Einem Er Sie Es Wir Ich Ihr Man Sein Seine
        Ihre Unser Aber Und Oder Doch Dann Denn So Im Am In Auf An Aus Bei Mit Nach Vor Auch Dies Diese
        Dieser Dieses Damit Dabei Deshalb Daher Jedoch Trotzdem Wenn Als Wie Was Wer Wo Warum Heute Nun
        Noch Nicht Kein Keine Viele Alle Zudem Außerdem Danach Später Damals Zuvor Seitdem""".split()),
    "fr": frozenset("""Le La Les L Un Une Des Il Elle Ils Elles On Nous Vous Je Ce Cet Cette Ces Mais Et
        Ou Donc Or Ni Car Dans En Au Aux Pour Par Sur Avec Sans Selon Depuis Puis Alors Ainsi Cependant
        Pourtant Quand Si Comme Qui Que Quoi Aujourd Hier Son Sa Ses Leur Leurs""".split()),
    "es": frozenset("""El La Los Las Lo Un Una Unos Unas Él Ella Ellos Ellas Yo Nosotros Este Esta Estos
        Estas Ese Esa Pero Y O Sin En Con Por Para Desde Según Sus Su Así Cuando Si Como Que Hoy Ayer
        Luego Después Además También Sin Embargo Aunque Mientras""".split()),
})

# German ordinals ("am 3. Oktober", "der 2. Weltkrieg"): a full stop after a number is not a sentence
# end when one of these words stands before the number.
ORDINAL_CONTEXT_WORDS: MappingProxyType[str, frozenset[str]] = MappingProxyType({
    "de": frozenset({"am", "vom", "zum", "im", "beim", "bis", "ab", "seit", "der", "die", "das", "den",
                     "dem", "des", "zur", "ihr", "ihre", "ihrem", "ihren", "sein", "seine", "seinem",
                     "seinen", "jeden", "jedem", "Am", "Vom", "Zum", "Im", "Der", "Die", "Das", "Den",
                     "Dem", "Seit", "Ab", "Bis"}),
})

# --- Speech ----------------------------------------------------------------------------------------

# Expanded wherever they occur (with their full stop). Order does not matter: longer keys match first.
EXPANSIONS: MappingProxyType[str, MappingProxyType[str, str]] = MappingProxyType({
    "en": MappingProxyType({
        "Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Prof": "Professor", "Rev": "Reverend",
        "Hon": "Honorable", "Mt": "Mount", "Ft": "Fort", "Gen": "General", "Gov": "Governor",
        "Sen": "Senator", "Rep": "Representative", "Pres": "President", "Lt": "Lieutenant",
        "Col": "Colonel", "Capt": "Captain", "Sgt": "Sergeant", "Cmdr": "Commander", "Adm": "Admiral",
        "Maj": "Major", "Supt": "Superintendent", "Insp": "Inspector", "Det": "Detective",
        "Atty": "Attorney", "Amb": "Ambassador", "Messrs": "Messieurs", "Msgr": "Monsignor",
        "Jr": "Junior", "Sr": "Senior", "Bros": "Brothers", "Esq": "Esquire",
        "Inc": "Incorporated", "Corp": "Corporation", "Ltd": "Limited",
        "Ave": "Avenue", "Blvd": "Boulevard", "Rd": "Road", "Ln": "Lane", "Hwy": "Highway", "Sq": "Square",
        "vs": "versus", "v": "versus", "etc": "et cetera", "e.g": "for example", "i.e": "that is",
        "cf": "compare", "viz": "namely", "approx": "approximately", "ca": "circa", "est": "established",
        "Fig": "figure", "fig": "figure", "Figs": "figures", "Vol": "volume", "vol": "volume",
        "Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "Jun": "June",
        "Jul": "July", "Aug": "August", "Sep": "September", "Sept": "September", "Oct": "October",
        "Nov": "November", "Dec": "December",
        "a.m": "A.M", "p.m": "P.M", "A.M": "A.M", "P.M": "P.M", "Ph.D": "P.H.D", "PhD": "P.H.D",
        "B.C": "B.C", "A.D": "A.D", "B.C.E": "B.C.E", "C.E": "C.E",
    }),
    "de": MappingProxyType({
        "z. B": "zum Beispiel", "d. h": "das heißt", "u. a": "unter anderem", "s. o": "siehe oben",
        "s. u": "siehe unten", "v. a": "vor allem", "u. U": "unter Umständen", "i. d. R": "in der Regel",
        "o. g": "oben genannt", "u. Ä": "und Ähnliches", "o. Ä": "oder Ähnliches", "o. ä": "oder ähnlich",
        "u. ä": "und ähnlich", "v. Chr": "vor Christus", "n. Chr": "nach Christus", "e. V": "eingetragener Verein",
        "Dr": "Doktor", "Prof": "Professor", "Hr": "Herr", "Hrn": "Herrn", "Str": "Straße",
        "Nr": "Nummer", "vgl": "vergleiche", "bzw": "beziehungsweise", "ca": "circa", "evtl": "eventuell",
        "ggf": "gegebenenfalls", "inkl": "inklusive", "exkl": "exklusive", "bzgl": "bezüglich",
        "sog": "sogenannte", "Abb": "Abbildung", "Bd": "Band", "Kap": "Kapitel", "Abs": "Absatz",
        "Tel": "Telefon", "gem": "gemäß", "geb": "geboren", "usw": "und so weiter", "etc": "et cetera",
        "Mio": "Millionen", "Mrd": "Milliarden", "Tsd": "Tausend", "Jh": "Jahrhundert", "Std": "Stunden",
        "zzgl": "zuzüglich", "allg": "allgemein",
        "Jan": "Januar", "Feb": "Februar", "Mär": "März", "Apr": "April", "Jun": "Juni", "Jul": "Juli",
        "Aug": "August", "Sep": "September", "Sept": "September", "Okt": "Oktober", "Nov": "November",
        "Dez": "Dezember",
    }),
    "fr": MappingProxyType({
        "M": "Monsieur", "MM": "Messieurs", "Mme": "Madame", "Mmes": "Mesdames", "Mlle": "Mademoiselle",
        "Dr": "Docteur", "Pr": "Professeur", "Me": "Maître", "Mgr": "Monseigneur", "St": "Saint",
        "Ste": "Sainte", "p. ex": "par exemple", "c.-à-d": "c'est-à-dire", "cf": "confer", "env": "environ",
        "etc": "et cetera", "av. J.-C": "avant Jésus-Christ", "apr. J.-C": "après Jésus-Christ",
        "vol": "volume", "chap": "chapitre", "fig": "figure", "boul": "boulevard", "bd": "boulevard",
        "janv": "janvier", "févr": "février", "avr": "avril", "juil": "juillet",
        "oct": "octobre", "nov": "novembre", "déc": "décembre", "Cie": "compagnie",
    }),
    "es": MappingProxyType({
        "Sr": "señor", "Sra": "señora", "Srta": "señorita", "Sres": "señores", "Dr": "doctor",
        "Dra": "doctora", "Lic": "licenciado", "Ing": "ingeniero", "Prof": "profesor", "Ud": "usted",
        "Uds": "ustedes", "Vd": "usted", "Vds": "ustedes", "Dña": "doña", "Sto": "santo", "Sta": "santa",
        "p. ej": "por ejemplo", "núm": "número", "pág": "página", "págs": "páginas", "cap": "capítulo",
        "aprox": "aproximadamente", "Avda": "avenida", "etc": "etcétera", "EE. UU": "Estados Unidos",
        "EE.UU": "Estados Unidos", "a. C": "antes de Cristo", "d. C": "después de Cristo",
        "ene": "enero", "feb": "febrero", "abr": "abril", "jun": "junio", "jul": "julio", "ago": "agosto",
        "sept": "septiembre", "oct": "octubre", "nov": "noviembre", "dic": "diciembre", "Cía": "compañía",
    }),
})

# Expanded only without a full stop too (they are written that way): French "Mme Dupont", "n° 5".
UNDOTTED_EXPANSIONS: MappingProxyType[str, MappingProxyType[str, str]] = MappingProxyType({
    "en": MappingProxyType({"Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Dr": "Doctor", "St": "Saint"}),
    "de": MappingProxyType({}),
    "fr": MappingProxyType({"Mme": "Madame", "Mmes": "Mesdames", "Mlle": "Mademoiselle", "Mgr": "Monseigneur",
                            "Dr": "Docteur", "Pr": "Professeur", "Me": "Maître", "St": "Saint", "Ste": "Sainte"}),
    "es": MappingProxyType({}),
})

# One abbreviation, two readings: the first before a capitalised name ("Dr. Smith", "St. Louis"), the
# second after a name or number ("Elm Dr.", "Main St.", "5th St."). From the AP Stylebook's street rules.
CONTEXTUAL: MappingProxyType[str, MappingProxyType[str, tuple[str, str]]] = MappingProxyType({
    "en": MappingProxyType({"St": ("Saint", "Street"), "Dr": ("Doctor", "Drive")}),
    "de": MappingProxyType({"St": ("Sankt", "Sankt")}),
    "fr": MappingProxyType({}),
    "es": MappingProxyType({}),
})

# Before a number only: "No. 5" -> "number five", "p. 12" -> "page twelve" ("no" alone is a word).
BEFORE_NUMBER: MappingProxyType[str, MappingProxyType[str, str]] = MappingProxyType({
    "en": MappingProxyType({"No": "number", "no": "number", "Nos": "numbers", "nos": "numbers", "p": "page",
                            "pp": "pages", "Ch": "chapter", "ch": "chapter", "Art": "article", "Op": "opus",
                            "Pt": "part"}),
    "de": MappingProxyType({"S": "Seite", "Art": "Artikel"}),
    "fr": MappingProxyType({"n": "numéro", "no": "numéro", "p": "page", "pp": "pages", "art": "article"}),
    "es": MappingProxyType({"art": "artículo", "c": "calle"}),
})

# --- Acronyms ---------------------------------------------------------------------------------------

# How a reader says these capitalised abbreviations, written so the engine says exactly that: word-like
# ones as words ("NASA" -> "Nasa"), spelled ones as letters joined by full stops ("F.B.I": measured with
# libespeak-ng 1.52, letters joined by dots are spelled without a pause, while a spaced "A" is read as the
# article "uh" and a trailing dot before a capital makes a clause break). Anything not listed is decided by
# the vowel/consonant heuristic in normalize.py. From the AP Stylebook acronym entries and Wikipedia's
# "List of acronyms" (pronounced-as-word section).
ACRONYM_READINGS: MappingProxyType[str, str] = MappingProxyType({
    "NASA": "Nasa", "NATO": "Nato", "UNESCO": "Unesco", "UNICEF": "Unicef", "FIFA": "Fifa", "UEFA": "Uefa",
    "OPEC": "Opec", "AIDS": "Aids", "NAFTA": "Nafta", "SWAT": "Swat", "LASER": "laser", "RADAR": "radar",
    "COVID": "Covid", "ASEAN": "Asean", "CERN": "Cern", "IKEA": "Ikea", "ISIS": "Isis", "SARS": "Sars",
    "MERS": "Mers", "GIF": "gif", "JPEG": "jay peg", "CAPTCHA": "captcha", "MoMA": "Moma", "NASDAQ": "Nasdaq",
    "LEGO": "Lego", "WHO": "W.H.O", "OECD": "O.E.C.D", "USB": "U.S.B", "CNN": "C.N.N", "BBC": "B.B.C",
    "FBI": "F.B.I", "CIA": "C.I.A",
})

# Language-specific readings, added to (and overriding) the table above: English news usage; German
# says U S A, Nato, Nasa; French and Spanish say OTAN, ONU as words.
ACRONYM_READINGS_BY_LANG: MappingProxyType[str, MappingProxyType[str, str]] = MappingProxyType({
    "en": MappingProxyType({
        "DARPA": "Darpa", "FEMA": "Fema", "OSHA": "Osha", "NOAA": "Noah", "SCUBA": "scuba", "PIN": "pin",
        "ZIP": "zip", "SIM": "sim", "LAN": "lan", "WAN": "wan", "RAM": "ram", "ROM": "rom", "PAC": "pac",
        "NIMBY": "nimby", "YOLO": "yolo", "ASAP": "A.S.A.P", "GOP": "G.O.P", "ESPN": "E.S.P.N", "OK": "okay",
        "TV": "T.V", "NYSE": "N.Y.S.E", "NAACP": "N double A.C.P", "AT&T": "A.T and T", "ACLU": "A.C.L.U",
        "UCLA": "U.C.L.A", "USAID": "U.S.aid", "CUNY": "cue knee", "SUNY": "sue knee", "IEEE": "I triple E",
        "NPR": "N.P.R", "WiFi": "wifi", "JPMorgan": "J.P.Morgan",
    }),
    "de": MappingProxyType({"USA": "U.S.A", "WHO": "W.H.O", "ADAC": "Adac", "DAX": "Dax", "NRW": "N.R.W",
                            "GmbH": "G.m.b.H", "AfD": "A.f.D", "SPD": "S.P.D", "CDU": "C.D.U", "CSU": "C.S.U",
                            "FDP": "F.D.P", "OK": "okay", "TV": "T.V", "AIDS": "Aids"}),
    "fr": MappingProxyType({"OTAN": "Otan", "ONU": "Onu", "UNESCO": "Unesco", "SNCF": "S.N.C.F", "OK": "okay"}),
    "es": MappingProxyType({"OTAN": "Otan", "ONU": "Onu", "OK": "okay"}),
})

# Short capitalised words that are ordinary words when shouted ("NOT", "NEW"), not acronyms.
# The most frequent two- and three-letter words of each language (from the Leipzig Corpora word lists).
SHORT_WORDS: MappingProxyType[str, frozenset[str]] = MappingProxyType({
    "en": frozenset("""AM AN AS AT BE BY DO GO HE IF IN IS IT ME MY NO OF OH ON OR SO TO UP WE ALL AND ANY
        ARE BAD BIG BUT CAN DAY DID END FAR FEW FOR GET GOT HAD HAS HER HIM HIS HOT HOW ITS LET LOT MAN
        MAY NEW NOT NOW OFF OLD ONE OUR OUT OWN PUT RED SAW SAY SEE SHE SIX TEN THE TOO TOP TRY TWO USE
        WAR WAS WAY WHO WHY WIN WON YES YET YOU ZOO""".split()),
    "de": frozenset("""AB AM AN DA DU ER ES IM IN JA SO UM WO ZU ALS AUF AUS BEI BIS DAS DEM DEN DER DES
        DIE EIN FÜR GUT HAT IST MAN MIT NEU NIE NUN OFT SIE UND VON VOR WAR WAS WER WIE ZUM ZUR""".split()),
    "fr": frozenset("""AU CE DE DU EN ET IL JE LA LE NE NI ON OU SA SE SI TU UN AUX CES DES EST LES LUI MAL
        MES MOI NON NOS OUI PAR PAS PEU QUE QUI SES SON SUR TON TOI UNE VOS""".split()),
    "es": frozenset("""AL DE EL EN ES HA LA LE LO ME MI NO SE SI SU TU UN YA YO DEL ERA FUE HAY LAS LES LOS
        MAS MÁS MUY NOS POR QUE QUÉ SER SIN SUS TAN UNA VER""".split()),
})
