"""pyttsx3, the portable engine, made reliable by keeping it in a worker process of its own.

pyttsx3 2.99's Linux driver (libespeak-ng in asynchronous mode) has defects measured in design.md:
the first ``runAndWait()`` may return before the file is written, a text over ~13,000 characters
segfaults (upstream issue 448), audio is appended quadratically, sharing it across threads crashes,
a fork after init hangs the child, and a bad voice name is silently ignored. So:

- pyttsx3 only ever runs in a *spawned* worker process (never forked, never in our process): a crash
  there is a :class:`SpeechError` here, and a fork of our process is harmless (the child starts its own
  worker; see :mod:`readaloud.speak.worker`);
- one lock per engine serialises requests, one paragraph-sized chunk per call: texts longer than
  :data:`MAX_CHUNK_CHARS` are split at sentence, else word, boundaries;
- the worker waits for ``finished-utterance`` and checks the WAV is complete and stable, re-running
  the utterance if not;
- voices are checked against the worker's voice list before use.

On Linux the worker loads libespeak-ng from the ``espeakng-loader`` wheel before importing pyttsx3:
pyttsx3's driver ``dlopen``s ``libespeak-ng.so.1``, which the dynamic loader resolves to the already
loaded library of that soname, and finds the voice data through ``ESPEAK_DATA_PATH``; so no system
package is needed.

pyttsx3 reports no audio time for words: word marks are estimated by character offset within the
measured audio (:func:`readaloud.speak.timing.estimate_word_marks`), ``estimated_timings=True``.
"""

from __future__ import annotations

import importlib
import os
import re
import threading
import time
from typing import Any

from ..errors import SpeechError
from ..langtags import without_script
from ..model import WordMark
from .base import MAX_RATE, MIN_RATE, Synthesis, Voice
from .timing import estimate_word_marks
from .voices import match_voice
from .worker import WorkerHandle

# Longest text handed to pyttsx3 in one call: well under the ~13,000 characters that crash its driver,
# and short enough that its quadratic buffer appending stays in milliseconds.
MAX_CHUNK_CHARS = 4000
SENTENCE_END = re.compile(r"(?<=[.!?…。！？])\s+")

# How long one request may take before the worker counts as hung: pyttsx3's espeak driver polls every
# 10 ms and synthesises ~500x real time; a 4,000-character chunk takes well under 5 s.
REQUEST_TIMEOUT_S = 60.0
STARTUP_TIMEOUT_S = 60.0
# The worker re-runs an utterance whose WAV did not appear complete, this many times in all.
UTTERANCE_ATTEMPTS = 3
FILE_STABLE_POLL_S = 0.05
ESPEAK_IDLE_POLL_S = 0.005
ESPEAK_IDLE_TIMEOUT_S = 10.0


class Pyttsx3Engine:
    """pyttsx3 behind the Engine interface, through a spawned worker process."""

    name = "pyttsx3"

    def __init__(self) -> None:
        self._worker = WorkerHandle("readaloud.speak.pyttsx3_engine:pyttsx3_handlers", "pyttsx3", STARTUP_TIMEOUT_S)
        self._voice_list: list[Voice] | None = None
        self._sample_rate = 0
        self._version = ""
        self.synthesis_count = 0

    def _request(self, *message: Any) -> Any:
        return self._worker.request(*message, timeout=REQUEST_TIMEOUT_S)

    def close(self) -> None:
        """Stop the worker process (it is a daemon, so exiting the program stops it too)."""
        self._worker.close()

    @property
    def sample_rate(self) -> int:
        if not self._sample_rate:
            self._sample_rate = self._request("probe")
        return self._sample_rate

    def version(self) -> str:
        if not self._version:
            self._version = self._request("version")
        return self._version

    def voices(self) -> list[Voice]:
        if self._voice_list is None:
            self._voice_list = [_voice_from_fields(*fields) for fields in self._request("voices")]
        return self._voice_list

    def voice_for(self, lang: str) -> Voice | None:
        return match_voice(self.voices(), lang)

    def synthesize(self, text: str, voice: Voice, rate: int) -> Synthesis:
        """Chunk by chunk; word marks estimated per chunk (see the module docstring)."""
        if voice.id not in {v.id for v in self.voices()}:
            raise SpeechError(f"The pyttsx3 engine has no voice {voice.id!r}.")
        self.synthesis_count += 1
        if not text.strip():
            return Synthesis(pcm=b"", sample_rate=self.sample_rate, estimated_timings=True)
        rate = min(MAX_RATE, max(MIN_RATE, rate))
        parts: list[bytes] = []
        words: list[WordMark] = []
        duration_ms = 0
        sample_rate = self.sample_rate
        for offset, chunk in split_text(text, MAX_CHUNK_CHARS):
            chunk_rate, pcm = self._request("synthesize", chunk, voice.id, rate)
            if chunk_rate != sample_rate:
                raise SpeechError(f"pyttsx3 changed its sample rate from {sample_rate} to {chunk_rate} Hz.")
            words += [
                WordMark(offset + w.start, w.length, duration_ms + w.ms)
                for w in estimate_word_marks(chunk, pcm, sample_rate)
            ]
            parts.append(pcm)
            duration_ms += len(pcm) * 1000 // (2 * sample_rate)
        return Synthesis(pcm=b"".join(parts), sample_rate=sample_rate, words=words, estimated_timings=True)


def _voice_from_fields(voice_id: str, name: str, languages: list[str], gender: str) -> Voice:
    tags = [without_script(tag) for tag in languages if tag and without_script(tag)]
    return Voice(
        id=voice_id,
        name=name,
        lang=tags[0] if tags else "",
        engine="pyttsx3",
        gender=(gender or "").lower(),
        languages=tuple((tag, 5) for tag in tags),
    )


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, chunk) pieces of at most ``limit`` characters, cut after sentences, else between words."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = _last_boundary(window, SENTENCE_END) or _last_boundary(window, re.compile(r"\s+")) or limit
        pieces.append((start, text[start : start + cut]))
        start += cut
    if text[start:].strip() or not pieces:
        pieces.append((start, text[start:]))
    return pieces


def _last_boundary(window: str, pattern: re.Pattern[str]) -> int:
    """End of the last match of ``pattern`` in ``window`` (past the whitespace), or 0."""
    ends = [m.end() for m in pattern.finditer(window) if m.start() > 0]
    return ends[-1] if ends else 0


# ---- inside the worker process -----------------------------------------------------------------


def pyttsx3_handlers() -> dict[str, Any]:
    """The worker's request handlers (see :mod:`readaloud.speak.worker`)."""
    speaker = _Speaker()
    return {
        "version": speaker.version,
        "voices": speaker.voices,
        "probe": speaker.probe_sample_rate,
        "synthesize": speaker.synthesize,
    }


def _load_bundled_espeak() -> None:
    """Make pyttsx3's espeak driver find the wheel's libespeak-ng and data (see the module docstring)."""
    import ctypes

    try:
        import espeakng_loader
    except ImportError:
        return  # fall back to a system libespeak-ng, if any
    os.environ.setdefault("ESPEAK_DATA_PATH", espeakng_loader.get_data_path())
    ctypes.CDLL(espeakng_loader.get_library_path(), mode=ctypes.RTLD_GLOBAL)


class _Speaker:
    """The pyttsx3 engine inside the worker, with the waits its driver needs."""

    def __init__(self) -> None:
        import sys

        if sys.platform.startswith("linux"):
            _load_bundled_espeak()
        import pyttsx3

        self._pyttsx3 = pyttsx3
        self._engine = pyttsx3.init()
        self._finished = threading.Event()
        self._engine.connect("finished-utterance", lambda name, completed: self._finished.set())
        driver = getattr(self._engine.proxy, "_driver", None)
        uses_espeak = type(driver).__name__ == "EspeakDriver"
        self._espeak = importlib.import_module("pyttsx3.drivers._espeak") if uses_espeak else None
        self._workdir = _private_directory()

    def _wait_until_espeak_idle(self) -> None:
        """Let espeak's command queue apply the new voice and rate before speaking.

        The espeak driver's parameters are queued commands in libespeak-ng's asynchronous mode, and
        ``runAndWait`` starts by cancelling whatever is queued: measured, one rate change in three was
        lost (the audio came out at the previous rate). Waiting for the queue to drain fixes that.
        """
        if self._espeak is None:
            return
        deadline = time.monotonic() + ESPEAK_IDLE_TIMEOUT_S
        while self._espeak.IsPlaying() and time.monotonic() < deadline:
            time.sleep(ESPEAK_IDLE_POLL_S)

    def version(self) -> str:
        from importlib.metadata import version

        driver = getattr(self._engine.proxy, "_driver", None)
        return f"pyttsx3 {version('pyttsx3')} {type(driver).__module__.rsplit('.', 1)[-1]}"

    def voices(self) -> list[tuple[str, str, list[str], str]]:
        voices = self._engine.getProperty("voices")
        return [(v.id, v.name or v.id, [_as_text(tag) for tag in (v.languages or [])], v.gender or "") for v in voices]

    def probe_sample_rate(self) -> int:
        return self.synthesize("a", None, 175)[0]

    def synthesize(self, text: str, voice_id: str | None, rate: int) -> tuple[int, bytes]:
        """(sample rate, PCM) of ``text``; re-runs the utterance until its WAV is whole."""
        if voice_id is not None:
            self._engine.setProperty("voice", voice_id)
        self._engine.setProperty("rate", rate)
        self._wait_until_espeak_idle()
        path = os.path.join(self._workdir, "utterance.wav")
        for _ in range(UTTERANCE_ATTEMPTS):
            if os.path.exists(path):
                os.unlink(path)
            self._finished.clear()
            self._engine.save_to_file(text, path)
            self._engine.runAndWait()
            self._finished.wait(REQUEST_TIMEOUT_S / (2 * UTTERANCE_ATTEMPTS))
            audio = _read_complete_wav(path)
            if audio is not None:
                return audio
        raise RuntimeError(f"no complete audio after {UTTERANCE_ATTEMPTS} attempts")


def _as_text(tag: Any) -> str:
    return tag.decode("utf-8", "replace") if isinstance(tag, bytes) else str(tag)


def _private_directory() -> str:
    import atexit
    import shutil
    import tempfile

    directory = tempfile.mkdtemp(prefix="readaloud-pyttsx3-")
    atexit.register(shutil.rmtree, directory, True)
    return directory


def _read_complete_wav(path: str) -> tuple[int, bytes] | None:
    """(rate, mono 16-bit PCM) once the file exists, stops growing and parses; None otherwise."""
    import wave

    try:
        size = os.path.getsize(path)
        time.sleep(FILE_STABLE_POLL_S)
        if os.path.getsize(path) != size or size == 0:
            return None
        with wave.open(path, "rb") as wav:
            if wav.getsampwidth() != 2:
                raise RuntimeError(f"pyttsx3 wrote {8 * wav.getsampwidth()}-bit audio; 16-bit expected")
            frames = wav.readframes(wav.getnframes())
            rate, channels = wav.getframerate(), wav.getnchannels()
    except (OSError, EOFError, wave.Error):
        return None
    if channels == 2:
        import numpy as np

        frames = np.frombuffer(frames, dtype="<i2").reshape(-1, 2).mean(axis=1).astype("<i2").tobytes()
    return rate, frames
