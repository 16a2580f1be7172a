"""The Narrator: voices per block, segments with sentence and word marks, the cache, streaming."""

from __future__ import annotations

import numpy as np
import pytest

from readaloud.errors import SpeechError, UsageError
from readaloud.model import Block, BlockKind, Sentence
from readaloud.speak import (
    SENTENCE_GAP_MS,
    AudioCache,
    EngineRegistry,
    Narrator,
    SpeechOptions,
    get_engine,
    resample_pcm,
)
from readaloud.speak.narrator import speech_parts


def rms(pcm: bytes) -> float:
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
    return float(np.sqrt(np.mean(samples**2))) if samples.size else 0.0


def paragraph(block_id: str, lang: str, *sentences: tuple[str, str]) -> Block:
    """A prepared block built by hand: (displayed text, speech text) per sentence."""
    built, offset = [], 0
    for number, (text, speech) in enumerate(sentences, 1):
        built.append(Sentence(f"{block_id}.s{number}", text, speech, offset, offset + len(text)))
        offset += len(text) + 1
    return Block(block_id, BlockKind.PARAGRAPH, " ".join(t for t, _ in sentences), lang=lang, sentences=built)


ENGLISH = paragraph(
    "b1",
    "en",
    ("Dr. Smith arrived at 9 am.", "Doctor Smith arrived at nine A M."),
    ("The meeting lasted an hour.", "The meeting lasted an hour."),
    ("Then everyone went home.", "Then everyone went home."),
)


@pytest.fixture()
def narrator() -> Narrator:
    return Narrator(SpeechOptions())


def test_segment_has_audio_and_marks_for_every_sentence(narrator):
    segment = narrator.segment(ENGLISH, "en")
    assert segment.block_id == "b1" and segment.sample_rate == narrator.sample_rate
    assert rms(segment.pcm) > 500
    assert [m.sentence_id for m in segment.sentences] == ["b1.s1", "b1.s2", "b1.s3"]
    assert segment.sentences[0].start_ms == 0  # no gap before the block's first sentence
    for before, after in zip(segment.sentences, segment.sentences[1:]):
        assert before.start_ms < before.end_ms
        assert after.start_ms - before.end_ms == pytest.approx(SENTENCE_GAP_MS, abs=1)
    assert segment.sentences[-1].end_ms == pytest.approx(segment.duration_ms, abs=1)


def test_word_marks_index_each_sentences_speech_text(narrator):
    segment = narrator.segment(ENGLISH, "en")
    speech = {s.id: s.speech for s in ENGLISH.sentences}
    spans = {m.sentence_id: m for m in segment.sentences}
    words = [(w.sentence_id, speech[w.sentence_id][w.start : w.start + w.length]) for w in segment.words]
    assert words[:2] == [("b1.s1", "Doctor"), ("b1.s1", "Smith")]
    assert ("b1.s3", "home") in words
    times = [w.ms for w in segment.words]
    assert times == sorted(times)
    for word in segment.words:
        assert spans[word.sentence_id].start_ms <= word.ms < spans[word.sentence_id].end_ms


def test_unprepared_block_is_read_as_one_sentence(narrator):
    block = Block("b7", BlockKind.PARAGRAPH, "A block that prepare never saw.", lang="en")
    segment = narrator.segment(block, "en")
    assert [m.sentence_id for m in segment.sentences] == ["b7.s1"]
    assert segment.duration_ms > 1000


def test_voices_follow_block_language_then_article_language(narrator):
    german = Block("b2", BlockKind.PARAGRAPH, "Guten Tag.", lang="de")
    french = Block("b3", BlockKind.PARAGRAPH, "Bonjour.", lang="fr-FR")
    untagged = Block("b4", BlockKind.PARAGRAPH, "Hello.")
    assert narrator.voice_for_block(german, "en").lang == "de"
    assert narrator.voice_for_block(french, "en").lang.startswith("fr")
    assert narrator.voice_for_block(untagged, "de").lang == "de"
    assert narrator.voice_for_block(untagged, "").lang.startswith("en")
    assert narrator.warnings == []


def test_explicit_voice_wins_for_the_article_language_only():
    narrator = Narrator(SpeechOptions(voice="en-GB-x-rp"))
    english = Block("b1", BlockKind.PARAGRAPH, "Hello.", lang="en-US")
    german = Block("b2", BlockKind.PARAGRAPH, "Hallo.", lang="de")
    assert narrator.voice_for_block(english, "en").id == "gmw/en-GB-x-rp"
    assert narrator.voice_for_block(german, "en").id == "gmw/de"


def test_lang_option_overrides_the_detected_article_language():
    narrator = Narrator(SpeechOptions(lang="de"))
    detected_english = Block("b1", BlockKind.PARAGRAPH, "Hallo zusammen.", lang="en")
    french_quote = Block("b2", BlockKind.QUOTE, "Bonjour.", lang="fr")
    assert narrator.voice_for_block(detected_english, "en").lang == "de"
    assert narrator.voice_for_block(french_quote, "en").lang.startswith("fr")


def test_unknown_language_falls_back_with_a_warning(narrator):
    klingon = Block("b5", BlockKind.PARAGRAPH, "nuqneH", lang="tlh")
    voice = narrator.voice_for_block(klingon, "en")
    assert voice.lang.startswith("en")
    assert len(narrator.warnings) == 1 and "'tlh'" in narrator.warnings[0]
    assert narrator.segment(klingon, "en").duration_ms > 0
    assert len(narrator.warnings) == 1  # said once, not per block


def test_bad_voice_and_bad_rate_and_bad_engine_are_user_errors():
    with pytest.raises(SpeechError, match="no voice called"):
        Narrator(SpeechOptions(voice="no-such-voice"))
    with pytest.raises(UsageError, match="between 80 and 450"):
        SpeechOptions(rate=1000)
    with pytest.raises(SpeechError, match="available engines: espeak, pyttsx3, piper"):
        get_engine("festival")


def test_registry_hands_out_one_instance_per_name():
    registry = EngineRegistry()
    assert registry.get("espeak") is registry.get("ESPEAK") is registry.get(None)
    assert get_engine("espeak") is get_engine("espeak")


def test_rate_changes_segment_duration():
    slow = Narrator(SpeechOptions(rate=120)).segment(ENGLISH, "en").duration_ms
    fast = Narrator(SpeechOptions(rate=300)).segment(ENGLISH, "en").duration_ms
    assert fast < slow * 0.6


def test_cache_hit_gives_identical_audio_without_the_engine(tmp_path):
    engine = get_engine("espeak")
    first = Narrator(SpeechOptions(), cache=AudioCache(tmp_path)).segment(ENGLISH, "en")
    calls = engine.synthesis_count
    cache = AudioCache(tmp_path)  # a fresh object: the hit comes from disk
    again = Narrator(SpeechOptions(), cache=cache).segment(ENGLISH, "en")
    assert engine.synthesis_count == calls
    assert cache.hits == 3 and cache.misses == 0
    assert again.pcm == first.pcm and again.words == first.words and again.sentences == first.sentences
    other_rate = Narrator(SpeechOptions(rate=200), cache=cache).segment(ENGLISH, "en")
    assert engine.synthesis_count == calls + 3 and other_rate.pcm != first.pcm


def test_segments_stream_in_order_and_match_single_segments(narrator):
    blocks = [paragraph(f"b{n}", "en", (f"Paragraph {n} is here.", f"Paragraph {n} is here.")) for n in range(1, 7)]
    streamed = list(narrator.segments(blocks, "en"))
    assert [s.block_id for s in streamed] == [b.id for b in blocks]
    single = [narrator.segment(b, "en") for b in blocks]
    for got, expected in zip(streamed, single):
        assert got.duration_ms == pytest.approx(expected.duration_ms, rel=0.02)


def test_closing_the_stream_early_stops_cleanly(narrator):
    blocks = [paragraph(f"b{n}", "en", ("Some words to say.", "Some words to say.")) for n in range(1, 20)]
    stream = narrator.segments(blocks, "en")
    assert next(stream).block_id == "b1"
    stream.close()


def test_resampling_keeps_duration_and_pitch():
    rate_in, rate_out, seconds, frequency = 22050, 16000, 1.0, 440.0
    t = np.arange(int(rate_in * seconds)) / rate_in
    tone = (np.sin(2 * np.pi * frequency * t) * 10000).astype("<i2").tobytes()
    out = np.frombuffer(resample_pcm(tone, rate_in, rate_out), dtype="<i2").astype(np.float64)
    assert len(out) == pytest.approx(rate_out * seconds, abs=1)
    spectrum = np.abs(np.fft.rfft(out))
    assert np.fft.rfftfreq(len(out), 1 / rate_out)[spectrum.argmax()] == pytest.approx(frequency, abs=2)


def test_badly_decoded_text_is_still_spoken(narrator):
    """A lone surrogate (surrogateescape decoding) becomes U+FFFD; word marks keep their indexes."""
    block = paragraph("b9", "en", ("Bad \udcc3 byte here.", "Bad \udcc3 byte here."))
    segment = narrator.segment(block, "en")
    speech = block.sentences[0].speech
    assert [speech[w.start : w.start + w.length] for w in segment.words] == ["Bad", "byte", "here"]
    assert rms(segment.pcm) > 500


def test_pieces_stream_a_block_sentence_by_sentence_and_join_to_its_segment(narrator):
    pieces = list(narrator.pieces([ENGLISH], "en"))
    assert [(p.first, p.last) for p in pieces] == [(True, False), (False, False), (False, True)]
    assert [[m.sentence_id for m in p.segment.sentences] for p in pieces] == [["b1.s1"], ["b1.s2"], ["b1.s3"]]
    assert pieces[0].segment.sentences[0].start_ms == 0
    assert pieces[1].segment.sentences[0].start_ms == pytest.approx(SENTENCE_GAP_MS, abs=1)
    whole = narrator.segment(ENGLISH, "en")
    # espeak's samples vary a little between runs (its state carries over), their count does not.
    assert sum(len(p.segment.pcm) for p in pieces) == pytest.approx(len(whole.pcm), rel=0.02)
    assert sum(len(p.segment.words) for p in pieces) == len(whole.words)


def test_a_block_with_nothing_to_say_is_one_empty_piece(narrator):
    empty = Block("b8", BlockKind.PARAGRAPH, "   ", lang="en")
    pieces = list(narrator.pieces([empty, ENGLISH], "en", lookahead=0))
    assert (pieces[0].block.id, pieces[0].first, pieces[0].last, pieces[0].segment.pcm) == ("b8", True, True, b"")
    assert pieces[1].block.id == "b1" and pieces[1].first


def test_an_overlong_speech_text_is_synthesised_in_parts_but_marked_as_one_sentence(narrator):
    speech = " ".join(["one two three four five six seven"] * 700)  # 24,500 characters
    block = paragraph("b6", "en", ("1 2 3 4 5 6 7 (and so on)", speech))
    pieces = list(narrator.pieces([block], "en"))
    assert len(pieces) == len(speech_parts(speech)) > 1
    segment = narrator.segment(block, "en")
    assert [m.sentence_id for m in segment.sentences] == ["b6.s1"]
    assert segment.sentences[0].end_ms == pytest.approx(segment.duration_ms, abs=1)
    spoken = [speech[w.start : w.start + w.length] for w in segment.words]
    assert spoken[-7:] == ["one", "two", "three", "four", "five", "six", "seven"]
    assert len(spoken) == 4900
    times = [w.ms for w in segment.words]
    assert times == sorted(times)


def test_speech_parts_cut_at_spaces_and_cover_the_text():
    text = "word " * 2000
    parts = speech_parts(text, limit=1000)
    assert "".join(part for _offset, part in parts) == text
    assert all(len(part) <= 1000 for _offset, part in parts)
    assert all(text[offset - 1] == " " for offset, _part in parts[1:])
    assert speech_parts("x" * 2500, limit=1000) == [(0, "x" * 1000), (1000, "x" * 1000), (2000, "x" * 500)]
