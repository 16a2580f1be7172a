"""Language-neutral data: what every language gets, spoken or not by one of the language modules.

Sources: symbol handling from NVDA's symbol dictionaries (``locale/*/symbols.dic``, level "some");
currency codes from ISO 4217; regnal names from Wikipedia's "List of monarchs" and "List of popes";
acronym readings from the AP Stylebook acronym entries and Wikipedia's "List of acronyms".
"""

from __future__ import annotations

from types import MappingProxyType

# Currency symbols written before an amount, longest first where one contains another.
CURRENCY_PREFIXES = ("US$", "C$", "A$", "NZ$", "HK$", "$", "€", "£", "¥", "₹", "₽", "₩", "₡", "₧")
# ISO codes and dollar variants -> the symbol whose names the language modules list.
CURRENCY_CODES = MappingProxyType({"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "RUB": "₽",
                                   "CHF": "CHF", "C$": "$", "A$": "$", "NZ$": "$", "HK$": "$",
                                   # the rupee's and the Nordic crowns' own abbreviations ("Rs 500", "100 kr")
                                   "Rs": "₹", "Rs.": "₹", "kr": "kr"})
# Symbols of hours, minutes and seconds as durations write them ("2 h 30 min", "15 h 10 min 40 seg"); a
# language's own unit table says which it reads (SI brochure: h, min, s; "seg", "sec", "hrs" as pages write).
DURATION_SYMBOLS = frozenset({"h", "hr", "hrs", "Std.", "min", "mins", "Min.", "s", "sec", "secs", "seg", "Sek."})
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
    Pablo Pío Benedicto León Gregorio Clemente Inocencio Urbano Bonifacio Sixto Adriano Julio Luis Ricardo
    Eduardo Jorge Guillermo Jacobo Paulo Paolo Giovanni Benedetto Pio Leone Gregorio Johannes Benedikt
    Jean Benoît Pie Léon Grégoire Henri Charles Jacques
""".split())  # the queens are listed below and joined in
# Queens and empresses regnant (same sources), so a language whose ordinals have a gender says "Isabel
# segunda", "Elisabeth die Zweite", "Marie première".
QUEEN_NAMES = frozenset("""
    Elizabeth Elisabeth Elisabetta Élisabeth Isabel Isabella Isabelle Mary Maria María Marie Anne Anna Ana
    Victoria Vittoria Catherine Katharina Caterina Catalina Christina Cristina Kristina Juliana Beatrix
    Wilhelmina Margrethe Margarita Margaret Margarete Juana Giovanna Jeanne Johanna Leonor Urraca Berenguela
    Blanca Cleopatra Theresia Teresa Amalia Luisa Louise Sophia Sofía Ulrika Eleonora
""".split())
REGNAL_NAMES = REGNAL_NAMES | QUEEN_NAMES
# The books of the Bible as German writes them in a citation ("Johannes 3,16" or "Joh 3:16"; Loccumer
# Richtlinien), for languages that capitalise every noun: there a capital before "3:1" is no citation
# unless it is one of these.
BIBLE_BOOKS = frozenset("""
    Genesis Exodus Levitikus Numeri Deuteronomium Josua Richter Rut Samuel Könige Chronik Esra Nehemia Ester
    Hiob Ijob Psalm Psalmen Sprüche Prediger Kohelet Hoheslied Jesaja Jeremia Klagelieder Ezechiel Hesekiel
    Daniel Hosea Joel Amos Obadja Jona Micha Nahum Habakuk Zefanja Haggai Sacharja Maleachi Matthäus Markus
    Lukas Johannes Apostelgeschichte Römer Korinther Galater Epheser Philipper Kolosser Thessalonicher
    Timotheus Titus Philemon Hebräer Jakobus Petrus Judas Offenbarung
    Gen Ex Lev Num Dtn Jos Ri Sam Kön Chr Neh Est Ps Spr Koh Jes Jer Ez Dan Hos Mi Sach Mal Mt Mk Lk Joh Apg
    Röm Kor Gal Eph Phil Kol Thess Tim Tit Hebr Jak Petr Jud Offb
""".split())
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

# Time-zone abbreviations written after a clock time, glued to it as listings do ("11:30EST"): the IANA tz
# database's abbreviations for the zones of the module languages' countries, and the US press's ET, CT, MT, PT.
TIME_ZONES = frozenset("""UTC GMT BST IST WET WEST CET CEST EET EEST MSK EST EDT CST CDT MST MDT PST PDT AKST AKDT
    HST AST ADT NST NDT JST KST HKT SGT AEST AEDT ACST ACDT AWST NZST NZDT ART BRT CLT COT PET ET CT MT PT""".split())
