"""One voice catalogue over every installed engine: what ``--list-voices`` shows and ``--json`` prints.

A listener choosing a voice wants to know more than its id: which engine, whether it sounds natural
(a neural voice) or crisp and fast (formant synthesis, which many screen-reader users keep), under
what licence, how much disk it takes and how fast it speaks on this machine. Speeds are measured on
request (``--list-voices --bench``) and kept in the user cache, keyed by engine version and CPU count,
so later listings show them without measuring again.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import SpeechError
from .base import Engine, Voice
from .registry import get_engine

# What each engine's voices are, and their licence when the engine has one for all of them:
# espeak-ng is formant synthesis under GPL-3.0-or-later (its COPYING); pyttsx3 speaks the platform's
# own voices (SAPI5 on Windows, NSSpeechSynthesizer on macOS); piper is neural (VITS), each voice with
# its own licence (its MODEL_CARD, read by piper_engine).
ENGINE_KINDS = {"espeak": ("formant", "GPL-3.0-or-later"), "pyttsx3": ("platform", ""), "piper": ("neural", "")}
# The engines a full listing asks, in order. pyttsx3 on Linux drives espeak-ng itself (its espeak
# driver lists the very same voices), so it is asked only where it has voices of its own.
CATALOGUE_ENGINES = ("espeak", "piper", "pyttsx3") if sys.platform in ("darwin", "win32") else ("espeak", "piper")
# What --bench says, timed: about seven seconds of speech, enough to outweigh a call's fixed cost.
BENCH_TEXT = ("The library opens at nine every weekday and closes at six, except on Thursdays, "
              "when the reading room stays open until eight for readers who work during the day.")
SPEED_FILE = "voice-speeds.json"
# Timed runs per voice, the fastest kept: the machine is often shared, and a run slowed by another
# process says nothing about the voice (measured here, one run each: the piper voice at 3.4x and at
# 7.6-8.2x while others' jobs ran, 11.5-15.1x on a quiet machine). The figure is kept for good.
BENCH_RUNS = 3


def is_neural(engine_name: str | None) -> bool:
    """A natural-sounding voice, slow to make: what the player marks and a batch warns about."""
    return ENGINE_KINDS.get(engine_name or "", ("", ""))[0] == "neural"


@dataclass(frozen=True)
class VoiceEntry:
    """One row of the catalogue."""

    id: str
    language: str
    name: str
    engine: str
    kind: str
    licence: str
    size: int  # bytes on disk, when the voice is a file of its own (piper); 0 otherwise
    speed: float | None  # seconds of speech per second of synthesis on this machine, once measured

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def installed_engines(name: str | None) -> list[Engine]:
    """The engine asked for (its error is the user's to see), or every one of CATALOGUE_ENGINES that starts."""
    if name:
        return [get_engine(name)]
    engines = []
    for engine_name in CATALOGUE_ENGINES:
        try:
            engines.append(get_engine(engine_name))
        except SpeechError:
            continue  # not installed here (piper without the neural extra): nothing to list
    return engines


def catalogue(engines: Iterable[Engine], speeds: dict[str, float]) -> list[VoiceEntry]:
    entries = []
    for engine in engines:
        kind, licence = ENGINE_KINDS.get(engine.name, ("", ""))
        files = {f.voice_id: f for f in getattr(engine, "voice_files", list)()}
        for voice in engine.voices():
            file = files.get(voice.id)
            entries.append(VoiceEntry(
                id=voice.id, language=voice.lang, name=voice.name.strip(), engine=voice.engine or engine.name,
                kind=kind, licence=file.licence if file else licence, size=file.size if file else 0,
                speed=speeds.get(speed_key(engine, voice)),
            ))
    return entries


def speed_key(engine: Engine, voice: Voice) -> str:
    return f"{engine.name}|{engine.version()}|{voice.id}|{os.cpu_count()}"


def measure_speed(engine: Engine, voice: Voice, runs: int = BENCH_RUNS) -> float:
    """Seconds of speech per second of synthesis for BENCH_TEXT, warm (after a first short synthesis
    that loads the voice), the fastest of ``runs``."""
    engine.synthesize("Warming up.", voice, 175)
    return max(_timed_speed(engine, voice) for _ in range(max(1, runs)))


def _timed_speed(engine: Engine, voice: Voice) -> float:
    started = time.perf_counter()
    synthesis = engine.synthesize(BENCH_TEXT, voice, 175)
    elapsed = max(time.perf_counter() - started, 1e-6)
    return round(synthesis.duration_ms / 1000 / elapsed, 1)


def load_speeds(cache_dir: Path) -> dict[str, float]:
    try:
        data = json.loads((cache_dir / SPEED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): float(v) for k, v in data.items()} if isinstance(data, dict) else {}


def speed_of(engine: Engine, voice: Voice, cache_dir: Path) -> float:
    """This voice's measured speed, timing it now (and keeping the figure) if it never was."""
    return bench([engine], [voice], cache_dir)[speed_key(engine, voice)]


def bench(engines: Iterable[Engine], voices: Iterable[Voice], cache_dir: Path) -> dict[str, float]:
    """Measure every voice not measured yet and keep the figures; returns all known speeds."""
    from ..files import atomic_write_bytes

    speeds = load_speeds(cache_dir)
    known = len(speeds)
    by_name = {engine.name: engine for engine in engines}
    for voice in voices:
        engine = by_name[voice.engine]
        key = speed_key(engine, voice)
        if key not in speeds:
            speeds[key] = measure_speed(engine, voice)
    if len(speeds) == known:
        return speeds  # nothing new: every batch start asks, and the file stays as it is
    cache_dir.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(cache_dir / SPEED_FILE, json.dumps(speeds, indent=1, sort_keys=True).encode("utf-8"))
    return speeds
