"""The default engine on Linux: libespeak-ng called directly through ctypes.

Why directly and not through pyttsx3: in ``AUDIO_OUTPUT_SYNCHRONOUS`` mode ``espeak_Synth`` returns only
when the text is spoken, calling our callback with PCM and events in the calling thread. That gives exact
word times (``espeakEVENT_WORD`` carries the sample position), no background thread to race with, no
length limit, and about 1,000x real time (see ``benchmarks/engines.py``).

Where the library comes from, in order:

1. the ``espeakng-loader`` wheel (library + voice data, no system package needed);
2. a system ``libespeak-ng.so.1`` with its compiled-in data path (Debian's ``libespeak-ng1``);
3. the ``espeak-ng`` command, one process per text. It reports no word times, so they are estimated
   from character offsets (:mod:`readaloud.speak.timing`) and marked ``estimated_timings``.

The C library keeps global state (one callback, one current voice, one set of parameters), so each
loaded library has exactly one :class:`EspeakLibrary` wrapper (see :func:`open_library`), whose lock
serialises every call. It is initialised lazily, and again in a forked child (the pid it was
initialised in is kept). A fork waits for a synthesis running in another thread to finish (an at-fork
hook takes the lock), so a child never inherits a held lock or a half-finished synthesis.
"""

from __future__ import annotations

import ctypes
import functools
import os
import shutil
import subprocess
import tempfile
import threading
import wave
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SpeechError
from ..model import WordMark
from .base import MAX_RATE, MIN_RATE, Synthesis, Voice
from .timing import estimate_word_marks
from .voices import match_voice

# Constants from espeak-ng's speak_lib.h (1.52).
AUDIO_OUTPUT_SYNCHRONOUS = 2
INITIALIZE_DONT_EXIT = 0x8000  # return an error instead of calling exit() when the data is missing
EVENT_LIST_TERMINATED = 0
EVENT_WORD = 1
EE_OK = 0
POS_CHARACTER = 1
CHARS_UTF8 = 1
PARAMETER_RATE = 1
GENDERS = ("", "male", "female")

SYSTEM_LIBRARY = "libespeak-ng.so.1"
COMMAND = "espeak-ng"
COMMAND_TIMEOUT_S = 600  # the command speaks one block; ten minutes means it hangs


class _Event(ctypes.Structure):
    """espeak_EVENT; the trailing union (number / name / 8-byte string) is read as raw bytes."""

    _fields_ = [
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),  # 1-based, in characters (code points) with espeakCHARS_UTF8
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),  # ms
        ("sample", ctypes.c_int),  # samples since the start of this espeak_Synth call
        ("user_data", ctypes.c_void_p),
        ("id", ctypes.c_char * 8),
    ]


class _VoiceStruct(ctypes.Structure):
    """espeak_VOICE; ``languages`` is a run of (priority byte, NUL-terminated tag), ended by a 0 byte."""

    _fields_ = [
        ("name", ctypes.c_char_p),
        ("languages", ctypes.c_void_p),
        ("identifier", ctypes.c_char_p),
        ("gender", ctypes.c_ubyte),
        ("age", ctypes.c_ubyte),
        ("variant", ctypes.c_ubyte),
        ("xx1", ctypes.c_ubyte),
        ("score", ctypes.c_int),
        ("spare", ctypes.c_void_p),
    ]


_SYNTH_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event))


@dataclass(frozen=True)
class LibraryLocation:
    """A libespeak-ng to try: the library file (or soname) and its voice data (None: compiled-in path)."""

    library: str
    data: str | None
    origin: str


def library_locations() -> list[LibraryLocation]:
    """Where to look for libespeak-ng, best first: the espeakng-loader wheel, then the system."""
    locations = []
    try:
        import espeakng_loader

        locations.append(
            LibraryLocation(espeakng_loader.get_library_path(), espeakng_loader.get_data_path(), "espeakng-loader")
        )
    except (ImportError, RuntimeError):  # not installed, or installed without its data
        pass
    locations.append(LibraryLocation(SYSTEM_LIBRARY, None, "system"))
    return locations


@dataclass
class _Capture:
    """What the callback collects during one espeak_Synth call."""

    chunks: list[bytes] = field(default_factory=list)
    words: list[tuple[int, int, int]] = field(default_factory=list)  # (text_position, length, sample)


class EspeakLibrary:
    """One loaded libespeak-ng with its lock. Get it from :func:`open_library`, never construct twice."""

    def __init__(self, location: LibraryLocation) -> None:
        self.location = location
        self._dll = ctypes.CDLL(location.library)  # OSError when absent
        self._declare_prototypes()
        self._lock = threading.Lock()
        self._initialised_pid: int | None = None
        self._sample_rate = 0
        self._current_voice = ""
        self._capture: _Capture | None = None
        self._callback = _SYNTH_CALLBACK(self._on_synth)  # kept alive as long as the library
        os.register_at_fork(
            before=self._before_fork,
            after_in_parent=self._after_fork_in_parent,
            after_in_child=self._after_fork_in_child,
        )

    def _declare_prototypes(self) -> None:
        dll = self._dll
        dll.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        dll.espeak_Initialize.restype = ctypes.c_int
        dll.espeak_SetSynthCallback.argtypes = [_SYNTH_CALLBACK]
        dll.espeak_SetSynthCallback.restype = None
        dll.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        dll.espeak_SetVoiceByName.restype = ctypes.c_int
        dll.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        dll.espeak_SetParameter.restype = ctypes.c_int
        dll.espeak_ListVoices.argtypes = [ctypes.c_void_p]
        dll.espeak_ListVoices.restype = ctypes.POINTER(ctypes.POINTER(_VoiceStruct))
        dll.espeak_Info.argtypes = [ctypes.POINTER(ctypes.c_char_p)]
        dll.espeak_Info.restype = ctypes.c_char_p
        dll.espeak_Synth.argtypes = [
            ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
            ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
        ]  # fmt: skip
        dll.espeak_Synth.restype = ctypes.c_int

    def _before_fork(self) -> None:
        """Wait for a synthesis in another thread to finish: a child forked mid-synthesis inherits
        half-updated C state and crashes on its next call (measured: SIGSEGV in espeak_Synth)."""
        self._lock.acquire()

    def _after_fork_in_parent(self) -> None:
        self._lock.release()

    def _after_fork_in_child(self) -> None:
        """The inherited lock is held (by the fork); the child starts with a fresh one."""
        self._lock = threading.Lock()
        self._capture = None

    def _ensure_initialised(self) -> None:
        """Initialise once per process (call with the lock held)."""
        if self._initialised_pid == os.getpid():
            return
        data = self.location.data.encode() if self.location.data else None
        rate = self._dll.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, data, INITIALIZE_DONT_EXIT)
        if rate <= 0:
            raise SpeechError(f"libespeak-ng from {self.location.origin} could not load its voice data.")
        self._dll.espeak_SetSynthCallback(self._callback)
        self._sample_rate = rate
        self._current_voice = ""
        self._initialised_pid = os.getpid()

    def _on_synth(self, wav, numsamples, events) -> int:  # noqa: ANN001 (ctypes pointers)
        """Collect PCM and word events; runs in the thread that called espeak_Synth."""
        capture = self._capture
        if capture is None:
            return 0
        if numsamples > 0 and wav:
            capture.chunks.append(ctypes.string_at(wav, numsamples * 2))
        index = 0
        while events[index].type != EVENT_LIST_TERMINATED:
            event = events[index]
            if event.type == EVENT_WORD:
                capture.words.append((event.text_position, event.length, event.sample))
            index += 1
        return 0

    @property
    def sample_rate(self) -> int:
        with self._lock:
            self._ensure_initialised()
            return self._sample_rate

    def version(self) -> str:
        with self._lock:
            self._ensure_initialised()
            return self._dll.espeak_Info(None).decode()

    def data_path(self) -> Path | None:
        """The voice data folder the library really uses (its own, or the system's)."""
        with self._lock:
            self._ensure_initialised()
            path = ctypes.c_char_p()
            self._dll.espeak_Info(ctypes.byref(path))
            return Path(os.fsdecode(path.value)) if path.value else None

    def voices(self) -> list[Voice]:
        with self._lock:
            self._ensure_initialised()
            table = self._dll.espeak_ListVoices(None)
            found = []
            index = 0
            while table[index]:
                found.append(_voice_from_struct(table[index].contents))
                index += 1
            return found

    def synthesize(self, text: str, voice_id: str, rate: int) -> Synthesis:
        """PCM plus word marks indexing ``text`` (Python string indexes)."""
        # "replace" turns a lone surrogate (from badly decoded input) into one "?": indexes stay valid.
        encoded = ctypes.create_string_buffer(text.replace("\0", " ").encode("utf-8", "replace"))
        capture = _Capture()
        with self._lock:
            self._ensure_initialised()
            self._select_voice(voice_id)
            self._dll.espeak_SetParameter(PARAMETER_RATE, min(MAX_RATE, max(MIN_RATE, rate)), 0)
            self._capture = capture
            try:
                status = self._dll.espeak_Synth(encoded, len(encoded), 0, POS_CHARACTER, 0, CHARS_UTF8, None, None)
            finally:
                self._capture = None
            sample_rate = self._sample_rate
        if status != EE_OK:
            raise SpeechError(f"espeak-ng failed to synthesise the text (error {status}).")
        words = _word_marks(text, capture.words, sample_rate)
        return Synthesis(pcm=b"".join(capture.chunks), sample_rate=sample_rate, words=words)

    def _select_voice(self, voice_id: str) -> None:
        """Switching voice reloads its dictionary, so skip it when the voice is already current."""
        if voice_id == self._current_voice:
            return
        if self._dll.espeak_SetVoiceByName(voice_id.encode()) != EE_OK:
            raise SpeechError(f"espeak-ng has no voice {voice_id!r}.")
        self._current_voice = voice_id


def has_dictionary(voice: Voice, data: Path, dictionaries: frozenset[str]) -> bool:
    """Whether the voice's pronunciation dictionary is installed. Some builds list voices whose
    dictionary they leave out (espeakng-loader 0.2: Faroese, Karakalpak, xextan): those read every
    text as silence, so they are not offered. ``dictionaries`` names the ``*_dict`` files present. The
    dictionary is its language's primary subtag, else the voice file's ``dictionary`` line (Norwegian
    "nb" reads "no"); a voice whose file is not found is kept. Files are read only for the few voices
    whose language has no dictionary of its own name (this runs at every start)."""
    if voice.lang.split("-")[0] in dictionaries:
        return True
    try:
        lines = (data / "lang" / voice.id).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return True
    first: dict[str, str] = {}  # keyword -> its first value's first word ("language en-gb  2" -> "en-gb")
    for words in (line.split() for line in lines):
        if len(words) > 1:
            first.setdefault(words[0], words[1])
    dictionary = first.get("dictionary") or first.get("language", "").split("-")[0]
    return not dictionary or dictionary in dictionaries


def installed_dictionaries(data: Path) -> frozenset[str]:
    try:
        return frozenset(name.removesuffix("_dict") for name in os.listdir(data) if name.endswith("_dict"))
    except OSError:
        return frozenset()


def _voice_from_struct(struct: _VoiceStruct) -> Voice:
    languages = []
    address = struct.languages
    while address and (priority := ctypes.string_at(address, 1)[0]):
        tag = ctypes.string_at(address + 1)
        languages.append((tag.decode("ascii", "replace").lower(), priority))
        address += len(tag) + 2
    identifier = (struct.identifier or b"").decode()
    return Voice(
        id=identifier,
        name=(struct.name or b"").decode(),
        lang=languages[0][0] if languages else "",
        engine="espeak",
        gender=GENDERS[struct.gender] if struct.gender < len(GENDERS) else "",
        languages=tuple(languages),
    )


def _word_marks(text: str, events: list[tuple[int, int, int]], sample_rate: int) -> list[WordMark]:
    """Turn (1-based character position, length, sample) events into marks on ``text``.

    espeak reports some words twice at one position (each CJK character of a run) and reads an emoji's
    name as extra words pointing at the following space: keep one mark per visible word.
    """
    marks: list[WordMark] = []
    for position, length, sample in events:
        start = min(max(position - 1, 0), len(text))
        if (marks and marks[-1].start == start) or not text[start : start + max(length, 1)].strip():
            continue
        length = max(0, min(length, len(text) - start))
        marks.append(WordMark(start=start, length=length, ms=sample * 1000 // sample_rate))
    return marks


@functools.cache
def open_library(location: LibraryLocation) -> EspeakLibrary:
    """The one wrapper for a library file in this process.

    A cache rather than a registry object because the C library is itself a process-wide singleton:
    two wrappers would fight over its callback and current voice. Failures are not cached.
    """
    return EspeakLibrary(location)


class EspeakCommand:
    """The ``espeak-ng`` program as a last resort: one process per text, word times estimated."""

    def __init__(self, program: str) -> None:
        self.program = program
        self._voices: list[Voice] | None = None
        self._lock = threading.Lock()  # guards the voice list cache only; each synthesis is its own process

    sample_rate = 22050  # espeak-ng's fixed output rate

    def version(self) -> str:
        out = self._run(["--version"]).decode("utf-8", "replace")
        return out.split(":", 1)[-1].split("Data")[0].strip() or out.strip()

    def voices(self) -> list[Voice]:
        with self._lock:
            if self._voices is None:
                self._voices = parse_voice_listing(self._run(["--voices"]).decode("utf-8", "replace"))
            return self._voices

    def synthesize(self, text: str, voice_id: str, rate: int) -> Synthesis:
        with tempfile.TemporaryDirectory(prefix="readaloud-espeak-") as workdir:
            wav_path = Path(workdir) / "speech.wav"
            rate = min(MAX_RATE, max(MIN_RATE, rate))
            arguments = ["-v", voice_id, "-s", str(rate), "-b", "1", "-w", str(wav_path), "--stdin"]
            self._run(arguments, text.encode("utf-8", "replace"))
            with wave.open(str(wav_path), "rb") as wav:
                sample_rate, pcm = wav.getframerate(), wav.readframes(wav.getnframes())
        words = estimate_word_marks(text, pcm, sample_rate)
        return Synthesis(pcm=pcm, sample_rate=sample_rate, words=words, estimated_timings=True)

    def _run(self, arguments: list[str], stdin: bytes = b"") -> bytes:
        try:
            done = subprocess.run(
                [self.program, *arguments], input=stdin, capture_output=True, timeout=COMMAND_TIMEOUT_S, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SpeechError(f"The espeak-ng command failed to run: {error}.") from error
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise SpeechError(f"The espeak-ng command failed: {message[-1] if message else done.returncode}.")
        return done.stdout


def parse_voice_listing(listing: str) -> list[Voice]:
    """Parse ``espeak-ng --voices``: ``Pty Language Age/Gender VoiceName File Other Languages``."""
    voices = []
    for line in listing.splitlines()[1:]:
        fields = line.split()
        if len(fields) < 5 or not fields[0].isdigit():
            continue
        priority, lang, age_gender, name, identifier = fields[:5]
        languages = [(lang.lower(), int(priority))]
        others = " ".join(fields[5:]).replace("(", " ").replace(")", " ").split()
        languages += [(tag.lower(), int(p)) for tag, p in zip(others[::2], others[1::2]) if p.isdigit()]
        gender = {"M": "male", "F": "female"}.get(age_gender.rsplit("/", 1)[-1], "")
        voices.append(
            Voice(identifier, name.replace("_", " "), lang.lower(), "espeak", gender, languages=tuple(languages))
        )
    return voices


def open_backend() -> EspeakLibrary | EspeakCommand:
    """The first working libespeak-ng (wheel, system), else the espeak-ng command; SpeechError if none."""
    for location in library_locations():
        try:
            library = open_library(location)
            library.sample_rate  # noqa: B018 - loads the voice data now, so a broken install falls through
            return library
        except (OSError, SpeechError):
            continue
    program = shutil.which(COMMAND)
    if program:
        return EspeakCommand(program)
    raise SpeechError(
        "The espeak engine needs libespeak-ng: pip install espeakng-loader, or install Debian's espeak-ng."
    )


class EspeakEngine:
    """espeak-ng behind the :class:`~readaloud.speak.base.Engine` interface."""

    name = "espeak"

    def __init__(self, backend: EspeakLibrary | EspeakCommand | None = None) -> None:
        self.backend = backend or open_backend()
        self.synthesis_count = 0  # how many texts reached the backend (the cache tests read it)
        self._voice_list: list[Voice] | None = None

    @property
    def sample_rate(self) -> int:
        return self.backend.sample_rate

    def version(self) -> str:
        return f"espeak-ng {self.backend.version()}"

    def voices(self) -> list[Voice]:
        if self._voice_list is None:
            data = getattr(self.backend, "data_path", lambda: None)()
            voices = self.backend.voices()
            if data is not None and (dictionaries := installed_dictionaries(data)):
                voices = [voice for voice in voices if has_dictionary(voice, data, dictionaries)]
            self._voice_list = voices
        return self._voice_list

    def voice_for(self, lang: str) -> Voice | None:
        return match_voice(self.voices(), lang)

    def synthesize(self, text: str, voice: Voice, rate: int) -> Synthesis:
        self.synthesis_count += 1
        if not text.strip():
            return Synthesis(pcm=b"", sample_rate=self.sample_rate)
        return self.backend.synthesize(text, voice.id, rate)
