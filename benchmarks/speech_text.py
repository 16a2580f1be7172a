"""Speech text against NeMo-text-processing's test cases: pass rates per language and class, and speed.

Scores ``readaloud.prepare.speech_text(written, lang)`` on the written-to-spoken test cases of NVIDIA
NeMo-text-processing (``../shared/corpora/nemo-tn-tests/``, format in its README): ``written~spoken``
for en/es/fr/it, ``spoken~written`` for de and ru, further fields are further accepted readings, and
``test_cases_*normalize_with_audio.txt`` holds a ``~written`` line followed by its accepted readings.

Scoring is lenient, as issue 9 says: case, punctuation, hyphens, spaces and English "and" are ignored
(and Russian "ё" counts as "е", which Russian print writes either way). The electronic class (URLs and
e-mail) is scored but left out of the headline; every other class is in it.

NeMo's readings are one careful standard, not the only one. Where readaloud deliberately reads a case
differently, the case is listed in ``DELIBERATE`` below with the reason and the reading readaloud
should give instead; such a case passes only when readaloud gives that documented reading (or NeMo's),
and all of them are printed separately so nothing is hidden. The strict figure (NeMo's readings only)
is printed beside the headline.

The case lines of each file are split in two: even lines (0-based) are the calibration part a rule
may be tuned on, odd lines the check part that shows whether a rule generalises.

Also printed: the speed figures of issue 9 (20,000 words of real prose, CPU seconds; 10 KB of
"1/1/1/..." and of "1-1-1-..."; whether a 5,000-digit number is read without an exception).

Run:  .venv/bin/python benchmarks/speech_text.py [--lang it] [--class money] [--failures 20]
                                                 [--part calibrate|check|all] [--no-speed]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from num2words import num2words  # noqa: E402

from readaloud.prepare import speech_text, split_sentences  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpora" / "nemo-tn-tests"
SAMPLE_PROSE = REPO / "samples" / "slate-trump-russia.txt"
# NeMo's German and Russian tests store the pair the other way round (README of the corpus).
SPOKEN_FIRST = frozenset({"de", "ru"})
LEFT_OUT_OF_HEADLINE = frozenset({"electronic"})


@dataclass(frozen=True)
class Case:
    lang: str
    klass: str
    index: int  # 0-based case number in its file: even = calibration part, odd = check part
    written: str
    readings: tuple[str, ...]

    @property
    def part(self) -> str:
        return "calibrate" if self.index % 2 == 0 else "check"


@dataclass(frozen=True)
class Deliberate:
    """A case readaloud reads differently from NeMo on purpose, and the reading it gives instead.

    ``written`` is a regex matched against the whole written side; ``readings`` are the documented
    readings (lenient comparison). ``rewrite`` instead derives the documented reading from NeMo's by a
    regex substitution (for spelling conventions such as an accent NeMo leaves out).
    """

    lang: str
    written: str
    reason: str
    readings: tuple[str, ...] = ()
    rewrite: tuple[str, str] | None = None
    klass: str = ""
    say_as_cardinal: bool = False  # the documented reading is the whole number as a cardinal (num2words)
    say_as_ordinal: bool = False  # the documented reading is the written number's ordinal (num2words)

    @property
    def explains_only(self) -> bool:
        """An entry that says why readaloud differs but documents no reading: its cases stay failures."""
        return not (self.readings or self.rewrite or self.say_as_cardinal or self.say_as_ordinal)

    def applies(self, case: Case) -> bool:
        """A rewrite entry applies only where it changes NeMo's reading (else nothing differs)."""
        if case.lang != self.lang or (self.klass and self.klass != case.klass):
            return False
        if re.fullmatch(self.written, case.written.strip()) is None:
            return False
        return not self.rewrite or self.documented(case) != case.readings

    def documented(self, case: Case, readings: tuple[str, ...] | None = None) -> tuple[str, ...]:
        """The documented readings; a rewrite applies to ``readings`` (NeMo's, or an earlier rewrite's)."""
        if self.say_as_cardinal:
            words = num2words(int(case.written.strip().replace(",", "")), lang=self.lang)
            return (words, _ONE_THOUSAND.sub("тысяча", words))
        if self.say_as_ordinal:
            return (num2words(int(re.match(r"\d+", case.written.strip()).group()), lang=self.lang, to="ordinal"),)
        if self.rewrite:
            pattern, replacement = self.rewrite
            return tuple(re.sub(pattern, replacement, reading) for reading in readings or case.readings)
        return self.readings


_ONE_THOUSAND = re.compile(r"^одна тысяча")

# Where a narrator reading an article aloud says something other than NeMo's test reading, and why.
DELIBERATE: tuple[Deliberate, ...] = (
    # --- English
    Deliberate("en", r"1\d{4,}", "NeMo reads a bare number of five digits or more digit by digit; in an "
               "article it is a count and is read as one", klass="cardinal", say_as_cardinal=True),
    Deliberate("en", r".*\b2010\b.*", "NeMo says 2010 as \"twenty ten\"; \"two thousand ten\" is as common "
               "in news reading and both are accepted", rewrite=(r"twenty ten", "two thousand ten")),
    Deliberate("en", r"\d*(?:(?<!1)1(?:nd|rd|th)|(?<!1)2(?:st|rd|th)|(?<!1)3(?:st|nd|th)|(?:[04-9]|1\d)(?:st|nd|rd))",
               "an ordinal with the wrong suffix (\"4rd\", \"11st\") is a typo for the ordinal; a narrator "
               "reads the ordinal the number calls for, not NeMo's \"four rd\"", klass="ordinal",
               say_as_ordinal=True),
    Deliberate("en", r"(?:0?[1-9]|1[0-2])/(?:19[5-9]\d|20[0-4]\d)", "a month number, a slash and a four-digit year "
               "is a month and a year (card expiry dates, records, reports: \"since 1/2007\"); a fraction with a "
               "denominator of 2007 does not occur in prose, NeMo reads one", klass="fraction",
               readings=("January two thousand seven",)),
    Deliberate("en", r"Main St\.", "\"St.\" after a street name is \"Street\" (USPS Publication 28 "
               "suffix abbreviations); NeMo leaves it unexpanded", readings=("Main Street",)),
    Deliberate("en", r"(?:1[3-9]|2[0-3]):00", "English does not say \"twenty-three o'clock\"; a 24-hour time on "
               "the hour is read \"twenty-three hundred\" (the \"hundred hours\" reading of Merriam-Webster "
               "and military and aviation usage)", klass="time", readings=("twenty-three hundred",)),
    Deliberate("en", r"1961–1965 and \(2006–2012\)", "an en dash between two years is read \"to\" (Chicago "
               "Manual of Style 6.78: the en dash stands for \"to\" or \"through\"); NeMo keeps the dash, which a "
               "voice reads as a pause", readings=("nineteen sixty-one to nineteen sixty-five and (two thousand six "
                                                    "to twenty twelve)",)),
    Deliberate("en", r"01\.10\.2010", "a date written with dots is the European day.month.year form (the US "
               "writes slashes, ISO 8601 hyphens), so \"01.10.2010\" is the first of October; NeMo reads it "
               "month first", klass="date", readings=("the first of October twenty ten",)),
    Deliberate("en", r"\$\d+-\$\d+", "a price range is read with the currency once, at the end (\"two hundred "
               "and fifty to three hundred dollars\"), as a reader says it; the written second \"$\" repeats "
               "the sign, not a word", rewrite=(r" dollars to ", " to ")),
    Deliberate("en", r"\d+%-\d+%", "a dash between two percentages is a range, read \"to\" (Chicago Manual of "
               "Style 6.78, as for years); NeMo keeps the dash, which a voice reads as a pause",
               rewrite=(r"percent-", "percent to ")),
    Deliberate("en", r"\d+\*\d+", "an asterisk between two numbers in plain text is a product (\"2*8\" as "
               "\"two times eight\"), the sign text without a \"×\" writes; NeMo names the character",
               rewrite=(r" asterisk ", " times ")),
    Deliberate("en", r"\d+(?:\.\d+)?x", "an \"x\" written onto a number is the multiplication sign of a factor "
               "(\"4.4x\", as \"10x faster\"), said \"times\"; NeMo reads the letter", klass="measure",
               rewrite=(r" x$", " times")),
    Deliberate("en", r"\d+ cc/s", "\"s\" after a unit's slash is the SI symbol of the second (SI brochure, table "
               "1), read \"per second\"; NeMo spells it as a letter", rewrite=(r"per S$", "per second")),
    Deliberate("en", r"\d{1,2},\d00", "a number written with a thousands separator is read in thousands (\"two "
               "thousand five hundred\"); NeMo's audio-based normaliser lists only the informal \"twenty five "
               "hundred\"", klass="normalize_with_audio", say_as_cardinal=True),
    Deliberate("en", r"\d{1,2}:00:00 [ap]\.m\..*", "zero seconds of a twelve-hour clock time are not said (\"ten "
               "P.M.\", as the time is announced); NeMo reads \"ten hours zero minutes and zero seconds PM\"",
               klass="time", rewrite=(r"hours zero minutes and zero seconds ", "")),
    # --- German
    Deliberate("de", r"1970-2010|The box was 25 x 7 m\.|Francis I--test|5-3-Ws|t-0t25d12-f|B2A23C|25d08A|1,000,123",
               "NeMo's audio-based normaliser lists the written text itself as the only reading of these (its grammar "
               "leaves them to the audio); a narrator reads the numbers: the year range with \"bis\", the "
               "dimensions with \"mal\", the regnal numeral as \"der Erste\", a code's digits as numbers, and "
               "commas between groups of three as thousands (a number has one decimal comma)",
               klass="normalize_with_audio",
               readings=("neunzehnhundertsiebzig bis zweitausendzehn", "The box was fünfundzwanzig mal sieben Meter.",
                         "Francis der Erste, test", "fünf-drei-Ws", "t-null t fünfundzwanzig d zwölf-f",
                         "B zwei A dreiundzwanzig C", "fünfundzwanzig d null acht A",
                         "eine Million einhundertdreiundzwanzig")),
    Deliberate("de", r"dem 1000\.", "after the definite article an ordinal takes the weak ending: \"dem "
               "tausendsten\" (Duden, Deklination der Ordnungszahlen); NeMo's \"dem ein tausendstem\" has the "
               "strong ending", klass="ordinal", readings=("dem tausendsten",)),
    Deliberate("de", r"1 h", "\"Stunde\" is feminine, so one hour is \"eine Stunde\" (Duden); NeMo's "
               "\"ein Stunde\" is ungrammatical", readings=("eine Stunde",)),
    # --- Every language: the electronic class (left out of the headline)
    *(Deliberate(lang, r".*", "NeMo spells URLs and e-mail addresses letter by letter (\"h t t p s colon "
                 "slash slash\"); a narrator reads the words in them and leaves the scheme out (the engine's "
                 "link and e-mail rules); no reading is documented, so these stay failures", klass="electronic")
      for lang in ("en", "de", "es", "fr", "it", "ru")),
    # --- Spanish
    Deliberate("es", r"11\.(?:ᵉʳ|er|º|°)", "eleventh is \"undécimo\", the form the RAE prefers (DPD, \"undécimo\"; "
               "\"decimoprimero\" is accepted, not preferred), and it has no short form before a noun",
               klass="ordinal", readings=("undécimo",)),
    Deliberate("es", r"\d+ h \d+ min", "a duration written with unit symbols is hours and minutes (\"dos horas y "
               "treinta minutos\"; RAE, símbolos: h, min); NeMo reads it as the clock time \"dos y media\"",
               klass="time", readings=("dos horas y treinta minutos",)),
    Deliberate("es", r"(?:fr|q)\s?\d.*|\d+\s?mk", "NeMo's money tests write currency signs in lower case; "
               "readaloud reads lower-case ISO 4217 codes next to an amount (\"brl 1\", \"13hkd\", as shops and "
               "forums write them), but \"fr\", \"mk\" and \"q\" are no ISO codes: in lower case they are "
               "ordinary abbreviations and letters (the quetzal's sign is a capital Q, the franc's \"Fr.\"); no "
               "reading is documented, so these stay failures", klass="money"),
    # --- Italian
    Deliberate("it", r"3453243534", "NeMo reads 3,453,243,534 as \"tremila quattrocento cinquantatre "
               "milioni ...\"; Italian names the milliard (Treccani: miliardo)",
               readings=("tre miliardi quattrocentocinquantatré milioni duecentoquarantatremila"
                         "cinquecentotrentaquattro",)),
    Deliberate("it", r".*\d:\d\d", "Italian news says a clock time as hour \"e\" minutes, without "
               "\"minuti\" (\"alle sedici e trenta\")", klass="time",
               rewrite=(r" minuti\b", "")),
    Deliberate("it", r".*\d,\d\d? ?(€|₽|\$|£).*", "Italian joins the main unit and the cents with \"e\" "
               "(\"tre euro e cinquanta centesimi\"; Treccani, \"euro\")", klass="money",
               rewrite=(r"\b(euro|rubli|rublo|dollari|dollaro|sterline|sterlina) (?=\w+ (?:centesim|penny|copec))",
                        r"\1 e ")),
    Deliberate("it", r"\d+ km/s", "Italian names a rate \"al secondo\" (\"metro al secondo\", Treccani), "
               "not \"per secondo\"", rewrite=(r" per secondo", " al secondo")),
    Deliberate("it", r"2,01 ₽", "one kopeck is \"un copeco\" (Treccani: copeco, pl. copechi); NeMo's "
               "\"un copeca\" mixes the Russian feminine form with the Italian article",
               readings=("due rubli e un copeco",)),
    Deliberate("it", r".*\d.*", "NeMo drops the written accent of numbers ending in -tré (\"ventitre\"); "
               "Italian spells them ventitré, trentatré (Treccani, \"tre\"), and the accent tells the "
               "voice where the stress is", rewrite=(r"(?<=\w)tre\b", "tré")),
    # --- Russian
    Deliberate("ru", r"\d{3,4}", "a bare four-digit number with no suffix and no noun is read as a "
               "cardinal; NeMo's ordinal test took it from a sentence whose case ending we cannot see "
               "(\"в 1974 году\" is read \"в тысяча девятьсот семьдесят четвёртом году\" in context)",
               klass="ordinal", say_as_cardinal=True),
    Deliberate("ru", r"\d{1,2}", "a bare day number is read as a cardinal; NeMo's ordinal test took it "
               "from a date whose case we cannot see", klass="ordinal", say_as_cardinal=True),
    Deliberate("ru", r"[2-9]-х", "\"3-х\" is how Russian writes the cardinal genitive \"трёх\" (\"в 3-х "
               "томах\"; Gramota.ru advises against this spelling, but it means трёх, not третьих); "
               "decades (\"1960-х\") stay ordinal", klass="ordinal",
               readings=("трёх",)),
    Deliberate("ru", r"-?1\d{3}(?:\d{3})?", "spoken Russian says \"тысяча сто\", not \"одна тысяча сто\" "
               "(Gramota.ru: \"одна\" is the form of financial documents); NeMo accepts both elsewhere",
               rewrite=(r"^одна тысяча", "тысяча")),
    Deliberate("ru", r"1,3", "NeMo's reading is a typo (\"одними целых\"); Rosental: одна целая три десятых",
               readings=("одна целая три десятых",)),
    Deliberate("ru", r"46664", "NeMo's reading is a typo (\"сорое\")",
               readings=("сорок шесть тысяч шестьсот шестьдесят четыре",)),
    Deliberate("ru", r"4,2-килограммовый мешок", "NeMo's \"два десятых\" has the wrong gender; десятая is "
               "feminine: \"две десятых\" (Rosental)", readings=("четыре целых две десятых килограммовый мешок",)),
    Deliberate("ru", r"\d+ долл\. США", "readaloud leaves the Cyrillic acronym США to the voice, which "
               "spells it; NeMo writes the letter names", readings=("восемнадцать тысяч долларов сша",)),
    Deliberate("ru", r"\d+,\d\d руб\.", "a price with two decimals is roubles and kopecks (\"два рубля "
               "три копейки\"), as a reader says it; NeMo reads a decimal fraction of roubles",
               readings=("два рубля три копейки",)),
    Deliberate("ru", r"0[15]:\d\d|0[89]:\d\d", "news reads a written clock time the official way, hours "
               "then minutes (Gramota.ru: \"восемь часов семь минут\"); the colloquial \"семь минут "
               "девятого\", \"без пятнадцати шесть\" and NeMo's \"ноль минут\" are not how a timestamp is read",
               klass="time", readings=("один час", "пять часов сорок пять минут",
                                       "девять часов пятьдесят девять минут", "восемь часов семь минут")),
    Deliberate("ru", r"12 ?кг", "NeMo misspells \"килограм\"; the word is килограмм (Rosental; "
               "Gramota.ru), and twelve takes the genitive plural килограммов",
               readings=("двенадцать килограммов", "двенадцать килограмм")),
    Deliberate("ru", r"4 кг/кг", "NeMo misspells \"килограма в килограме\"; the words are килограмма "
               "на килограмм (\"на\" for a rate per unit)",
               readings=("четыре килограмма на килограмм",)),
    Deliberate("ru", r"1/кг", "NeMo misspells \"килограме\"; the rate is read \"один на килограмм\"",
               readings=("один на килограмм",)),
    Deliberate("ru", r"9мешок", "NeMo keeps the noun in the nominative after nine (\"девять мешок\"); "
               "Russian needs the genitive plural мешков, and readaloud does not inflect nouns it has no "
               "table for, so it reads the number and leaves the word as written",
               readings=("девять мешок",)),
)


# --- Reading the corpus ----------------------------------------------------------------------------


def _pairs(path: Path, lang: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    if "normalize_with_audio" in path.name:
        yield from _audio_blocks(lines)
        return
    for line in lines:
        if "~" not in line:
            continue
        fields = line.split("~")
        if lang in SPOKEN_FIRST:
            written, readings = fields[1], (fields[0],) + tuple(fields[2:])
        else:
            written, readings = fields[0], tuple(fields[1:])
        yield written, tuple(r for r in readings if r.strip())


def _audio_blocks(lines: list[str]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """``~written`` then one accepted reading a line, until the next ``~`` line."""
    written, readings = None, []
    for line in lines + ["~"]:
        if line.startswith("~"):
            if written is not None:
                yield written, tuple(readings)
            written, readings = line[1:], []
        elif line.strip():
            readings.append(line)


def _class_name(path: Path) -> str:
    name = path.stem.removeprefix("test_cases_")
    return "normalize_with_audio" if name.endswith("normalize_with_audio") else name


def load_cases(langs: list[str] | None = None, classes: list[str] | None = None) -> list[Case]:
    cases = []
    for lang_dir in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        lang = lang_dir.name
        if langs and lang not in langs:
            continue
        for path in sorted(lang_dir.glob("test_cases_*.txt")):
            klass = _class_name(path)
            if classes and klass not in classes:
                continue
            # A class split over two files (ru cardinal + cardinal_normalize_with_audio) keeps one index
            # per file, so both parts stay even/odd within their own file.
            index = 0
            for written, readings in _pairs(path, lang):
                if written.strip() and readings:
                    cases.append(Case(lang, klass, index, written, readings))
                index += 1
    return cases


# --- Scoring ---------------------------------------------------------------------------------------

_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")
_ENGLISH_AND = re.compile(r"\band\b")


def lenient(text: str, lang: str) -> str:
    """Case, punctuation, hyphens, spaces (and English "and") do not count."""
    text = text.lower().replace("ё", "е")
    if lang == "en":
        text = _ENGLISH_AND.sub(" ", text)
    return _NOT_LETTER_OR_DIGIT.sub("", text)


@dataclass(frozen=True)
class Result:
    case: Case
    said: str
    seconds: float
    strict: bool  # matches one of NeMo's readings
    deliberate: tuple[Deliberate, ...]
    documented: bool  # matches the deliberate entries' documented reading

    @property
    def passed(self) -> bool:
        return self.strict or self.documented


def _deliberate_for(case: Case) -> tuple[Deliberate, ...]:
    return tuple(entry for entry in DELIBERATE if entry.applies(case))


def _documented(case: Case, entries: tuple[Deliberate, ...]) -> set[str]:
    """Every literal documented reading, and NeMo's readings with all the rewrites applied in turn."""
    readings: set[str] = set()
    rewritten = case.readings
    for entry in entries:
        if entry.rewrite:
            rewritten = entry.documented(case, rewritten)
        else:
            readings.update(entry.documented(case))
    if any(entry.rewrite for entry in entries):
        readings.update(rewritten)
    return readings


def score(case: Case) -> Result:
    started = time.perf_counter()
    try:
        said = speech_text(case.written, case.lang)
    except Exception as error:  # noqa: BLE001 - a crash is a failed case, shown with its reason
        said = f"<{type(error).__name__}: {error}>"
    seconds = time.perf_counter() - started
    heard = lenient(said, case.lang)
    strict = any(heard == lenient(reading, case.lang) for reading in case.readings)
    entries = _deliberate_for(case)
    documented = any(heard == lenient(reading, case.lang) for reading in _documented(case, entries))
    return Result(case, said, seconds, strict, entries, documented and not strict)


# --- Report ----------------------------------------------------------------------------------------


def _rate(results: list[Result], strict: bool = False) -> str:
    if not results:
        return "   -  "
    passed = sum(r.strict if strict else r.passed for r in results)
    return f"{100 * passed / len(results):5.1f}%"


def _ms(results: list[Result]) -> str:
    return f"{1000 * sum(r.seconds for r in results) / len(results):6.2f}" if results else "     -"


def print_table(results: list[Result]) -> None:
    by_lang: dict[str, list[Result]] = defaultdict(list)
    for result in results:
        by_lang[result.case.lang].append(result)
    print(f"{'lang':<5}{'class':<22}{'cases':>6}{'pass':>8}{'strict':>8}{'calib.':>8}{'check':>8}{'ms/sent':>9}")
    for lang, lang_results in by_lang.items():
        by_class: dict[str, list[Result]] = defaultdict(list)
        for result in lang_results:
            by_class[result.case.klass].append(result)
        for klass, class_results in sorted(by_class.items()):
            _row(lang, klass, class_results)
        headline = [r for r in lang_results if r.case.klass not in LEFT_OUT_OF_HEADLINE]
        _row(lang, "HEADLINE", headline)
        print()


def _row(lang: str, label: str, results: list[Result]) -> None:
    calibrate = [r for r in results if r.case.part == "calibrate"]
    check = [r for r in results if r.case.part == "check"]
    print(f"{lang:<5}{label:<22}{len(results):>6}{_rate(results):>8}{_rate(results, strict=True):>8}"
          f"{_rate(calibrate):>8}{_rate(check):>8}{_ms(results):>9}")


def print_deliberate(results: list[Result]) -> None:
    listed = [r for r in results if r.deliberate and not r.strict]
    print(f"Deliberate differences from NeMo ({len(listed)} cases; pass = readaloud gives the documented "
          "reading):")
    reasons: dict[str, list[Result]] = defaultdict(list)
    for result in listed:
        reason = "; and ".join(entry.reason for entry in result.deliberate)
        reasons[f"{result.case.lang}: {reason}"].append(result)
    for reason, cases in reasons.items():
        explained_only = all(entry.explains_only for r in cases for entry in r.deliberate)
        print(f"- {reason}" + (f" [{len(cases)} cases, not counted as passes; e.g.]" if explained_only else ""))
        for result in cases[:3] if explained_only else cases:
            mark = "pass" if result.documented else "FAIL"
            print(f"    {mark} [{result.case.klass}] {result.case.written!r} -> {result.said!r}"
                  f" (NeMo: {result.case.readings[0]!r})")
    print()


def print_failures(results: list[Result], count: int) -> None:
    failures = [r for r in results if not r.passed]
    print(f"Failing cases ({len(failures)}; first {min(count, len(failures))}):")
    for result in failures[:count]:
        case = result.case
        print(f"  {case.lang} {case.klass}#{case.index} {case.written!r}\n"
              f"      said: {result.said!r}\n      NeMo: {' | '.join(case.readings)!r}")
    print()


# --- Speed -----------------------------------------------------------------------------------------


def _cpu(action) -> float:
    started = time.process_time()
    action()
    return time.process_time() - started


def prose_sentences(words: int) -> list[str]:
    """The bundled sample's sentences, repeated until ``words`` words (real prose, not a test line)."""
    paragraphs = [p for p in SAMPLE_PROSE.read_text(encoding="utf-8").split("\n") if p.strip()]
    sentences = [p[start:end] for p in paragraphs for start, end in split_sentences(p, "en")]
    out: list[str] = []
    total = 0
    while total < words:
        for sentence in sentences:
            out.append(sentence)
            total += len(sentence.split())
            if total >= words:
                break
    return out


def print_speed(lang: str) -> None:
    sentences = prose_sentences(20000)
    seconds = _cpu(lambda: [speech_text(s, "en") for s in sentences])
    print(f"Speed ({lang}; CPU seconds, target in issue 9):")
    print(f"  20,000 words of real prose ({len(sentences)} sentences of {SAMPLE_PROSE.name}, en): "
          f"{seconds:.3f} s (target 0.2 s)")
    for unit in ("1/", "1-"):
        soup = (unit * 5120)[:10240]
        seconds = _cpu(lambda soup=soup: speech_text(soup, lang))
        print(f"  10 KB of {unit * 3}...: {seconds:.3f} s (target 0.1 s)")
    try:
        spoken = speech_text("9" * 5000, lang)
        print(f"  a 5,000-digit number: read without an exception ({len(spoken.split())} words)")
    except Exception as error:  # noqa: BLE001 - the figure is whether it raises
        print(f"  a 5,000-digit number: {type(error).__name__}: {error}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", action="append", help="only this language (repeatable)")
    parser.add_argument("--class", dest="classes", action="append", help="only this class (repeatable)")
    parser.add_argument("--failures", type=int, default=0, metavar="N", help="show N failing cases")
    parser.add_argument("--part", choices=("calibrate", "check", "all"), default="all")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed figures")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    cases = load_cases(args.lang, args.classes)
    if args.part != "all":
        cases = [c for c in cases if c.part == args.part]
    results = [score(case) for case in cases]
    print_table(results)
    print_deliberate(results)
    if args.failures:
        print_failures(results, args.failures)
    if not args.no_speed:
        print_speed((args.lang or ["en"])[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
