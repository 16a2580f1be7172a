"""The engine interface: speech text + voice + rate in, PCM audio with word timings out.

Every engine (espeak via libespeak-ng, pyttsx3, piper) implements :class:`Engine`; the rest of
readaloud never knows which one it is talking to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from ..model import WordMark

# Speaking rates (words per minute) every engine accepts: libespeak-ng's espeakRATE_MINIMUM and
# espeakRATE_MAXIMUM from speak_lib.h; the other engines map the same range onto their own scale.
MIN_RATE = 80
MAX_RATE = 450
DEFAULT_RATE = 175

SAMPLE_WIDTH = 2  # bytes per sample: every engine produces mono signed 16-bit little-endian PCM


@dataclass(frozen=True)
class Voice:
    """An installed voice. ``lang`` is a lower-case BCP 47 tag such as ``en``, ``en-us``, ``de``.

    ``languages`` lists every tag the voice speaks with the engine's priority (lower is better),
    because one espeak voice serves several tags (``gmw/en`` speaks ``en-gb`` and ``en``).
    """

    id: str
    name: str
    lang: str
    engine: str
    gender: str = ""
    languages: tuple[tuple[str, int], ...] = ()


@dataclass
class Synthesis:
    """Mono signed 16-bit little-endian PCM. Word marks index the text that was synthesised.

    ``estimated_timings`` is True when the engine gave no word times and they were spread over the
    audio by character count (pyttsx3, the espeak-ng command, piper without alignments).
    """

    pcm: bytes
    sample_rate: int
    words: list[WordMark] = field(default_factory=list)
    estimated_timings: bool = False

    @property
    def duration_ms(self) -> int:
        return len(self.pcm) * 1000 // (SAMPLE_WIDTH * self.sample_rate)


@runtime_checkable
class Engine(Protocol):
    """A speech engine. Implementations must be safe to call from several threads and after a fork."""

    name: str

    @property
    def sample_rate(self) -> int:
        """The rate of the PCM :meth:`synthesize` returns, known before the first synthesis."""

    def version(self) -> str:
        """Engine and voice-data version: part of the audio cache key."""

    def voices(self) -> list[Voice]:
        """Every installed voice."""

    def voice_for(self, lang: str) -> Voice | None:
        """The best voice for a language tag (``de``, ``en-GB``), or None when none fits."""

    def synthesize(self, text: str, voice: Voice, rate: int) -> Synthesis:
        """Speak ``text`` with ``voice`` at ``rate`` words per minute."""
