"""The engine interface: speech text + voice + rate in, PCM audio with word timings out.

Every engine (espeak via libespeak-ng, pyttsx3, piper) implements :class:`Engine`; the rest of
readaloud never knows which one it is talking to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from ..model import WordMark


@dataclass(frozen=True)
class Voice:
    """An installed voice. ``lang`` is a lower-case BCP 47 tag such as ``en``, ``en-us``, ``de``."""

    id: str
    name: str
    lang: str
    engine: str
    gender: str = ""


@dataclass
class Synthesis:
    """Mono signed 16-bit little-endian PCM. Word marks index the text that was synthesised."""

    pcm: bytes
    sample_rate: int
    words: list[WordMark] = field(default_factory=list)

    @property
    def duration_ms(self) -> int:
        return len(self.pcm) * 1000 // (2 * self.sample_rate)


@runtime_checkable
class Engine(Protocol):
    """A speech engine. Implementations must be safe to call from several threads."""

    name: str

    def version(self) -> str:
        """Engine and voice-data version: part of the audio cache key."""

    def voices(self) -> list[Voice]:
        """Every installed voice."""

    def voice_for(self, lang: str) -> Voice | None:
        """The best voice for a language tag (``de``, ``en-GB``), or None when none fits."""

    def synthesize(self, text: str, voice: Voice, rate: int) -> Synthesis:
        """Speak ``text`` with ``voice`` at ``rate`` words per minute."""
