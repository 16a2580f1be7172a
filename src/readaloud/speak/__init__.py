"""The speak stage: speech text -> PCM audio with sentence and word timings.

Public interface (the render and web stages build on these names only)::

    options = SpeechOptions(engine=None, voice=None, rate=175, lang=None)
    narrator = Narrator(options, cache=AudioCache())          # AudioCache() = the default directory
    narrator.sample_rate                                      # every segment has this rate
    narrator.voice_for_block(block, article.lang) -> Voice
    narrator.segment(block, article.lang) -> Segment          # PCM + SentenceMarks + WordMarks (ms)
    narrator.segments(blocks, article.lang) -> Iterator[Segment]   # streaming, bounded lookahead
    narrator.warnings                                         # e.g. a language no voice speaks
    get_engine("espeak" | "pyttsx3" | "piper" | None) -> Engine

Engines: :mod:`.espeak` (default; exact word times), :mod:`.pyttsx3_engine` (portable, estimated word
times), :mod:`.piper_engine` (neural English; the ``neural`` extra).
"""

from __future__ import annotations

from .base import DEFAULT_RATE, MAX_RATE, MIN_RATE, Engine, Synthesis, Voice
from .cache import AudioCache, default_cache_directory
from .narrator import SENTENCE_GAP_MS, Narrator, SpeechOptions, resample_pcm, sentences_to_speak
from .registry import EngineRegistry, get_engine, process_registry
from .voices import find_voice, match_voice

__all__ = [
    "DEFAULT_RATE",
    "MAX_RATE",
    "MIN_RATE",
    "SENTENCE_GAP_MS",
    "AudioCache",
    "Engine",
    "EngineRegistry",
    "Narrator",
    "SpeechOptions",
    "Synthesis",
    "Voice",
    "default_cache_directory",
    "find_voice",
    "get_engine",
    "match_voice",
    "process_registry",
    "resample_pcm",
    "sentences_to_speak",
]
