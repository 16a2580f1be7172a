"""The espeak engine keeps its promises: real libespeak-ng, audio checked as audio."""

from __future__ import annotations

import ctypes.util
import multiprocessing
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from readaloud.errors import SpeechError
from readaloud.speak import Voice, get_engine
from readaloud.speak.espeak import EspeakCommand, EspeakEngine, parse_voice_listing

ENGLISH = "The committee met on Tuesday. It approved the budget after a long debate about the new library."


def rms(pcm: bytes) -> float:
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
    return float(np.sqrt(np.mean(samples**2))) if samples.size else 0.0


@pytest.fixture(scope="module")
def engine() -> EspeakEngine:
    return get_engine("espeak")


def test_audio_is_speech_not_silence(engine):
    synthesis = engine.synthesize(ENGLISH, engine.voice_for("en"), 175)
    assert synthesis.sample_rate == engine.sample_rate == 22050
    assert 3000 < synthesis.duration_ms < 12000
    assert rms(synthesis.pcm) > 500


def test_word_marks_follow_the_text_in_order_inside_the_audio(engine):
    synthesis = engine.synthesize(ENGLISH, engine.voice_for("en"), 175)
    words = [ENGLISH[w.start : w.start + w.length] for w in synthesis.words]
    assert words[:4] == ["The", "committee", "met", "on"]
    assert words[-1] == "library"
    times = [w.ms for w in synthesis.words]
    assert times == sorted(times) and len(set(times)) == len(times)
    assert 0 <= times[0] and times[-1] < synthesis.duration_ms
    assert not synthesis.estimated_timings


def test_positions_are_string_indexes_with_non_ascii_text(engine):
    text = "Über das Café: naïve Größe 😀 und Ärger. Schluss!"
    synthesis = engine.synthesize(text, engine.voice_for("de"), 175)
    words = [text[w.start : w.start + w.length] for w in synthesis.words]
    assert words[:6] == ["Über", "das", "Café", "naïve", "Größe", "😀"]
    assert words[-3:] == ["und", "Ärger", "Schluss"]


def test_duration_grows_with_text_and_falls_with_rate(engine):
    voice = engine.voice_for("en")
    short = engine.synthesize("The committee met.", voice, 175).duration_ms
    long = engine.synthesize(ENGLISH, voice, 175).duration_ms
    fast = engine.synthesize(ENGLISH, voice, 350).duration_ms
    assert short < long / 2
    assert fast < long * 0.7


def test_voices_by_language(engine):
    assert engine.voice_for("de").id == "gmw/de"
    assert engine.voice_for("fr").id == "roa/fr"
    assert engine.voice_for("fr-CA").lang.startswith("fr")
    assert engine.voice_for("en").id == "gmw/en-US"  # our choice for bare "en", see voices.PREFERRED_VARIANTS
    assert engine.voice_for("en-GB").id == "gmw/en"
    assert engine.voice_for("pt-br").id == "roa/pt-BR"
    assert engine.voice_for("pt_PT").id == "roa/pt"
    assert engine.voice_for("zz") is None


def test_german_voice_sounds_different_from_english(engine):
    text = "Guten Morgen, wie geht es dir heute?"
    german = engine.synthesize(text, engine.voice_for("de"), 175).pcm
    english = engine.synthesize(text, engine.voice_for("en"), 175).pcm
    assert german != english


def test_unknown_voice_is_a_speech_error(engine):
    with pytest.raises(SpeechError):
        engine.synthesize("Hello.", Voice("xx/none", "None", "xx", "espeak"), 175)


def test_empty_text_gives_empty_audio(engine):
    assert engine.synthesize("  ", engine.voice_for("en"), 175).pcm == b""


def test_four_threads_get_the_same_audio_as_one(engine):
    """espeak adds a little random jitter, so compare durations (within 2%) and word positions."""
    texts = [f"Thread number {n} reads this sentence about {w}." for n, w in enumerate(["cats", "rain", "maps", "tea"])]
    voices = [engine.voice_for(lang) for lang in ("en", "de", "fr", "en-GB")]
    alone = [engine.synthesize(t, v, 175) for t, v in zip(texts, voices)]
    results: dict[int, list] = {i: [] for i in range(4)}

    def speak(index: int) -> None:
        for _ in range(5):
            results[index].append(engine.synthesize(texts[index], voices[index], 175))

    threads = [threading.Thread(target=speak, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for index, expected in enumerate(alone):
        assert len(results[index]) == 5
        for got in results[index]:
            assert got.duration_ms == pytest.approx(expected.duration_ms, rel=0.02)
            assert [(w.start, w.length) for w in got.words] == [(w.start, w.length) for w in expected.words]


def _speak_in_child(queue) -> None:  # noqa: ANN001
    engine = get_engine("espeak")
    synthesis = engine.synthesize("The child process speaks too.", engine.voice_for("en"), 175)
    queue.put((synthesis.duration_ms, rms(synthesis.pcm)))


def test_fork_after_init_and_during_synthesis_does_not_hang(engine):
    engine.synthesize("Initialised in the parent.", engine.voice_for("en"), 175)
    context = multiprocessing.get_context("fork")
    voice = engine.voice_for("en")
    busy = threading.Thread(target=lambda: [engine.synthesize(ENGLISH * 20, voice, 175) for _ in range(3)])
    busy.start()  # the library lock is likely held while we fork
    try:
        queue = context.Queue()
        child = context.Process(target=_speak_in_child, args=(queue,))
        child.start()
        child.join(timeout=60)
        if child.is_alive():
            child.kill()
            pytest.fail("the forked child hung")
        assert child.exitcode == 0
        duration_ms, loudness = queue.get(timeout=5)
        assert duration_ms > 1000 and loudness > 500
    finally:
        busy.join(timeout=120)


def test_espeak_command_listing_is_parsed():
    listing = (
        "Pty Language       Age/Gender VoiceName          File                 Other Languages\n"
        " 2  en-gb           --/M      English_(Great_Britain) gmw/en           (en 2)\n"
        " 5  de              --/F      German             gmw/de\n"
    )
    voices = parse_voice_listing(listing)
    assert [v.id for v in voices] == ["gmw/en", "gmw/de"]
    assert voices[0].name == "English (Great Britain)"
    assert voices[0].languages == (("en-gb", 2), ("en", 2))
    assert voices[1].gender == "female"


SYSTEM_LIBRARY_PRESENT = ctypes.util.find_library("espeak-ng") is not None


@pytest.mark.skipif(not SYSTEM_LIBRARY_PRESENT, reason="no system libespeak-ng (Debian: apt-get install libespeak-ng1)")
def test_falls_back_to_the_system_library_without_the_wheel():
    """In a process where espeakng_loader cannot be imported, the system library speaks instead."""
    script = (
        "import sys; sys.modules['espeakng_loader'] = None\n"
        "from readaloud.speak.espeak import EspeakEngine\n"
        "engine = EspeakEngine()\n"
        "synthesis = engine.synthesize('Hallo Welt, wie geht es?', engine.voice_for('de'), 175)\n"
        "print(engine.backend.location.origin, synthesis.duration_ms, len(synthesis.words))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    origin, duration_ms, words = done.stdout.split()
    assert origin == "system" and int(duration_ms) > 800 and int(words) == 5


NO_COMMAND = "no espeak-ng command (Debian: apt-get install espeak-ng)"


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason=NO_COMMAND)
def test_espeak_ng_command_as_last_resort():
    engine = EspeakEngine(EspeakCommand(shutil.which("espeak-ng")))
    assert engine.version().startswith("espeak-ng 1.")
    assert engine.voice_for("de").id == "gmw/de"
    text = "Hallo Welt, wie geht es dir heute?"
    synthesis = engine.synthesize(text, engine.voice_for("de"), 175)
    assert synthesis.duration_ms > 800 and rms(synthesis.pcm) > 500
    assert synthesis.estimated_timings
    assert [text[w.start : w.start + w.length] for w in synthesis.words] == text.rstrip("?").replace(",", "").split()
    assert engine.synthesize(text, engine.voice_for("de"), 350).duration_ms < synthesis.duration_ms * 0.7


def test_every_voice_offered_makes_a_sound() -> None:
    """A voice listed without its dictionary reads every text as 0.15 s of silence (Faroese,
    Karakalpak and xextan in espeakng-loader 0.2): such voices are not offered."""
    engine = get_engine("espeak")
    silent = []
    for voice in engine.voices():
        pcm = np.frombuffer(engine.synthesize("1 2 3. A, B, C.", voice, 175).pcm, dtype=np.int16)
        loud = int(np.count_nonzero(np.abs(pcm.astype(np.int32)) > 1000))
        if len(pcm) < engine.sample_rate // 2 or loud < 500:
            silent.append(voice.id)
    assert silent == []


def test_a_voice_whose_dictionary_is_not_installed_is_not_offered(tmp_path: Path) -> None:
    from readaloud.speak.espeak import has_dictionary, installed_dictionaries

    (tmp_path / "lang" / "gmq").mkdir(parents=True)
    (tmp_path / "lang" / "gmq" / "fo").write_text("name Faroese\nlanguage fo\n", encoding="utf-8")
    (tmp_path / "lang" / "gmq" / "da").write_text("name Danish\nlanguage da  2\nlanguage da-dk 3\n", encoding="utf-8")
    (tmp_path / "lang" / "gmq" / "nb").write_text("name Norwegian\nlanguage nb\ndictionary no\n", encoding="utf-8")
    for dictionary in ("da", "no"):
        (tmp_path / f"{dictionary}_dict").write_bytes(b"\0")
    voice = lambda identifier: Voice(identifier, identifier, identifier.split("/")[-1], "espeak")  # noqa: E731
    dictionaries = installed_dictionaries(tmp_path)
    assert dictionaries == {"da", "no"}
    assert not has_dictionary(voice("gmq/fo"), tmp_path, dictionaries)
    assert has_dictionary(voice("gmq/da"), tmp_path, dictionaries)
    assert has_dictionary(voice("gmq/nb"), tmp_path, dictionaries)  # its own dictionary line
    assert has_dictionary(voice("gmq/xx"), tmp_path, dictionaries)  # no voice file found: kept
