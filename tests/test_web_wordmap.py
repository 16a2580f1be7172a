"""Spoken words mapped back to displayed words (web/wordmap.py), with espeak's own word times.

The sentence pairs are what readaloud's prepare stage makes of them (``readaloud extract --speech``),
written out so that these tests check the alignment and not the speech rules, which change often.
"""

from __future__ import annotations

import pytest

from readaloud.model import Block, BlockKind, Segment, Sentence, WordMark
from readaloud.pipeline import extract_page, prepare
from readaloud.speak import Narrator, SpeechOptions
from readaloud.web.audio import timings
from readaloud.web.wordmap import block_words, sentence_words, tokens

# (language, displayed text, speech text), as prepare/ made them in round 4.
MONEY_AND_DATES = (
    "en",
    "Dr. Smith paid $49 on Jan. 5, 2024 at 3:30 p.m. for 2.5 kg of apples (about 40%).",
    "Doctor Smith paid forty-nine dollars on January fifth, twenty twenty-four at three thirty P.M "
    "for two point five kilograms of apples (about forty percent).",
)
RUSSIAN = (
    "ru",
    "В 2024 году цены выросли на 15%, сказал д-р Иванов.",
    "В две тысячи двадцать четвёртом году цены выросли на пятнадцать процентов, сказал д-р Иванов.",
)
LINKS_AND_SYMBOLS = (
    "en",
    "Visit https://example.org/a-b or mail me@example.com — it's 1st-rate & free!",
    "Visit link to example.org or mail me at example dot com, it's first-rate and free!",
)
FOOTNOTE = (  # the footnote marker "[1]" is not read at all
    "en",
    "The U.S. GDP grew 3.2% in Q1; see fig. 3 [1].",
    "The U.S G.D.P grew three point two percent in Q one; see figure three.",
)
CASES = [MONEY_AND_DATES, RUSSIAN, LINKS_AND_SYMBOLS, FOOTNOTE]


@pytest.fixture(scope="module")
def narrator() -> Narrator:
    return Narrator(SpeechOptions(), cache=None)


def block_of(*sentences: tuple[str, str], lang: str = "en") -> Block:
    """A block of the given (text, speech) sentences, offsets as prepare/ sets them."""
    text, parts, position = "", [], 0
    for number, (shown, spoken) in enumerate(sentences, 1):
        if text:
            text += " "
            position += 1
        parts.append(Sentence(f"b1.s{number}", shown, spoken, position, position + len(shown)))
        text += shown
        position += len(shown)
    return Block(id="b1", kind=BlockKind.PARAGRAPH, text=text, lang=lang, sentences=parts)


def heard(narrator: Narrator, case: tuple[str, str, str]) -> tuple[Sentence, Segment, dict[str, int]]:
    """Synthesise one case; return its sentence, segment and displayed word -> ms."""
    lang, shown, spoken = case
    block = block_of((shown, spoken), lang=lang)
    segment = narrator.segment(block, lang)
    sentence = block.sentences[0]
    return sentence, segment, {sentence.text[w.start : w.end]: w.ms for w in block_words(block, segment.words)}


def ms_of_spoken(sentence: Sentence, segment: Segment, word: str, nth: int = 0) -> int:
    """The engine's time for the ``nth`` mark on a spoken word starting with ``word``."""
    times = [m.ms for m in segment.words if sentence.speech[m.start :].startswith(word)]
    assert len(times) > nth, f"espeak gave no mark on {word!r}: {segment.words}"
    return times[nth]


def test_numbers_money_and_abbreviations_get_the_time_of_their_first_spoken_word(narrator):
    sentence, segment, words = heard(narrator, MONEY_AND_DATES)
    assert words["$49"] == ms_of_spoken(sentence, segment, "forty-nine")
    assert words["Dr"] == ms_of_spoken(sentence, segment, "Doctor") == 0
    assert words["Jan"] == ms_of_spoken(sentence, segment, "January")
    assert words["5"] == ms_of_spoken(sentence, segment, "fifth")
    assert words["2024"] == ms_of_spoken(sentence, segment, "twenty")
    assert words["3:30"] == ms_of_spoken(sentence, segment, "three")
    assert words["2.5"] == ms_of_spoken(sentence, segment, "two point")
    assert words["kg"] == ms_of_spoken(sentence, segment, "kilograms")
    assert words["40%"] == ms_of_spoken(sentence, segment, "forty percent")
    # "dollars" belongs to "$49", not to the "on" after it
    assert words["on"] == ms_of_spoken(sentence, segment, "on")
    assert list(words) == ["Dr", "Smith", "paid", "$49", "on", "Jan", "5", "2024", "at", "3:30", "p.m", "for",
                           "2.5", "kg", "of", "apples", "about", "40%"]


def test_russian_numbers_and_abbreviations(narrator):
    sentence, segment, words = heard(narrator, RUSSIAN)
    assert words["2024"] == ms_of_spoken(sentence, segment, "две")
    assert words["15%"] == ms_of_spoken(sentence, segment, "пятнадцать")
    assert words["сказал"] == ms_of_spoken(sentence, segment, "сказал")
    assert words["д-р"] == ms_of_spoken(sentence, segment, "д-р")
    assert list(words) == ["В", "2024", "году", "цены", "выросли", "на", "15%", "сказал", "д-р", "Иванов"]


def test_links_and_symbols_map_to_the_chunk_they_were_read_from(narrator):
    sentence, segment, words = heard(narrator, LINKS_AND_SYMBOLS)
    assert words["https://example.org/a-b"] == ms_of_spoken(sentence, segment, "link")
    assert words["me@example.com"] == ms_of_spoken(sentence, segment, "me at")
    assert words["&"] == ms_of_spoken(sentence, segment, "and")
    assert "—" not in words  # a dash is not heard, and not a word


def test_a_word_the_voice_skips_gets_no_time_and_the_rest_keep_theirs(narrator):
    sentence, segment, words = heard(narrator, FOOTNOTE)
    assert "1" not in words and "[1]" not in words  # the footnote marker
    assert words["fig"] == ms_of_spoken(sentence, segment, "figure")
    assert words["3"] == ms_of_spoken(sentence, segment, "three", nth=1)
    assert words["GDP"] == ms_of_spoken(sentence, segment, "G.D.P")
    # an engine that gives a spoken word no mark of its own (espeak does, for some short words): it
    # gets a time between its neighbours', which keep theirs
    without_grew = [m for m in segment.words if not sentence.speech[m.start :].startswith("grew")]
    again = {sentence.text[w.start : w.end]: w.ms for w in sentence_words(sentence, without_grew)}
    assert again["GDP"] == words["GDP"] < again["grew"] < again["3.2%"] == words["3.2%"]


def test_a_sentence_with_nothing_to_say_has_no_words():
    silent = Sentence("b1.s2", "[1]", "", 0, 3)
    assert sentence_words(silent, []) == []
    assert sentence_words(Sentence("b1.s1", "", "", 0, 0), []) == []
    assert tokens("— … !") == []


def test_a_block_with_a_silent_sentence_keeps_the_words_of_the_others(narrator):
    block = block_of(("Prices rose.", "Prices rose."), ("[2]", ""), ("They fell.", "They fell."))
    segment = narrator.segment(block, "en")
    words = block_words(block, segment.words)
    assert [(w.sentence, block.sentences[int(w.sentence[-1]) - 1].text[w.start : w.end]) for w in words] == [
        ("b1.s1", "Prices"), ("b1.s1", "rose"), ("b1.s3", "They"), ("b1.s3", "fell")]


def test_ranges_lie_inside_the_text_and_times_never_decrease(narrator):
    block = block_of(*[(shown, spoken) for _lang, shown, spoken in CASES if _lang == "en"])
    segment = narrator.segment(block, "en")
    words = block_words(block, segment.words)
    texts = {s.id: s.text for s in block.sentences}
    assert {w.sentence for w in words} == set(texts)
    for word in words:
        text = texts[word.sentence]
        assert 0 <= word.start < word.end <= len(text)
        assert text[word.start : word.end].strip() == text[word.start : word.end]
    times = [w.ms for w in words]
    assert times == sorted(times) and times[-1] <= segment.duration_ms
    # and within a sentence, words run left to right without overlapping
    for sentence_id in texts:
        ranges = [(w.start, w.end) for w in words if w.sentence == sentence_id]
        assert all(a[1] <= b[0] for a, b in zip(ranges, ranges[1:]))


def test_an_out_of_order_mark_does_not_move_the_time_back():
    sentence = Sentence("b1.s1", "one two three", "one two three", 0, 13)
    marks = [WordMark(0, 3, 0, "b1.s1"), WordMark(4, 3, 500, "b1.s1"), WordMark(8, 5, 400, "b1.s1")]
    assert [w.ms for w in sentence_words(sentence, marks)] == [0, 500, 500]


def test_the_timings_json_carries_the_words_for_the_player(narrator):
    _lang, shown, spoken = MONEY_AND_DATES
    block = block_of((shown, spoken))
    segment = narrator.segment(block, "en")
    body = timings(segment, block)
    assert body["words"][3] == {"sentence": "b1.s1", "start": shown.index("$49"), "end": shown.index("$49") + 3,
                                "ms": ms_of_spoken(block.sentences[0], segment, "forty-nine")}
    assert [s["id"] for s in body["sentences"]] == ["b1.s1"]
    assert timings(segment)["words"] == []  # no block given: sentence timings only


@pytest.mark.parametrize("name", ["slate-trump-russia.html", "de-stadtbibliothek.html", "multilingual-quote.html"])
def test_real_articles_every_displayed_word_is_timed_in_order(narrator, samples_dir, name):
    """The samples as the player serves them (extraction, speech rules, espeak): nearly every displayed
    word of a sentence that is read gets a time (all of them when this was written), inside its text."""
    prepared = prepare(extract_page((samples_dir / name).read_bytes()))
    timed = total = 0
    for block in prepared.spoken:
        segment = narrator.segment(block, prepared.article.lang)
        words = block_words(block, segment.words)
        texts = {s.id: s.text for s in block.sentences}
        assert all(0 <= w.start < w.end <= len(texts[w.sentence]) for w in words)
        times = [w.ms for w in words]
        assert times == sorted(times) and (not times or times[-1] <= segment.duration_ms)
        starts = {(w.sentence, w.start) for w in words}
        for sentence in block.sentences:
            if sentence.speech.strip():
                shown = [t for t in tokens(sentence.text) if any(c.isalnum() for c in sentence.text[t.start : t.end])]
                total += len(shown)
                timed += sum((sentence.id, t.start) in starts for t in shown)
    assert total > 200 and timed / total >= 0.97, f"{timed} of {total} displayed words timed"
