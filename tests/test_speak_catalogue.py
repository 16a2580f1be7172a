"""The voice catalogue (speak/catalogue.py) with stand-in engines: every engine's voices in one list with
kind, licence, size and measured speed; an engine that does not start is left out; speeds measured
once, the fastest of a few runs, and kept."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import readaloud.speak.catalogue as catalogue_module
from readaloud.errors import SpeechError
from readaloud.speak.base import Synthesis, Voice
from readaloud.speak.catalogue import (
    BENCH_RUNS,
    SPEED_FILE,
    bench,
    catalogue,
    installed_engines,
    measure_speed,
    speed_key,
)

RATE = 10_000  # samples a second: one second of speech is 20,000 bytes


@dataclass(frozen=True)
class FakeFile:
    voice_id: str
    licence: str
    size: int


@dataclass
class FakeEngine:
    """Speaks one second of silence per call; each call takes the next of ``costs`` seconds on ``clock``."""

    name: str
    listed: list[Voice]
    files: list[FakeFile] = field(default_factory=list)
    costs: list[float] = field(default_factory=list)
    clock: list[float] = field(default_factory=lambda: [0.0])
    calls: int = 0

    sample_rate = RATE

    def version(self) -> str:
        return "1.0"

    def voices(self) -> list[Voice]:
        return list(self.listed)

    def voice_for(self, lang: str) -> Voice | None:
        return self.listed[0] if self.listed else None

    def voice_files(self) -> list[FakeFile]:
        return list(self.files)

    def synthesize(self, text: str, voice: Voice, rate: int) -> Synthesis:
        self.clock[0] += self.costs[self.calls] if self.calls < len(self.costs) else 0.1
        self.calls += 1
        return Synthesis(b"\0\0" * RATE, RATE)


ESPEAK_VOICE = Voice("gmw/de", "German", "de", "espeak")
PIPER_VOICE = Voice("de_DE-thorsten-medium", "Thorsten (German, Germany; piper medium)", "de-de", "piper")


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    now = [0.0]
    monkeypatch.setattr(catalogue_module.time, "perf_counter", lambda: now[0])
    return now


def test_one_catalogue_over_every_engine_with_kind_licence_size_and_speed() -> None:
    espeak = FakeEngine("espeak", [ESPEAK_VOICE])
    piper = FakeEngine("piper", [PIPER_VOICE], files=[FakeFile(PIPER_VOICE.id, "CC0", 63_000_000)])
    speeds = {speed_key(piper, PIPER_VOICE): 9.5}
    rows = {entry.id: entry for entry in catalogue([espeak, piper], speeds)}
    assert (rows["gmw/de"].kind, rows["gmw/de"].licence, rows["gmw/de"].size, rows["gmw/de"].speed) == (
        "formant", "GPL-3.0-or-later", 0, None)
    assert (rows[PIPER_VOICE.id].kind, rows[PIPER_VOICE.id].licence, rows[PIPER_VOICE.id].size, rows[PIPER_VOICE.id].speed) == (
        "neural", "CC0", 63_000_000, 9.5)
    assert set(rows["gmw/de"].to_dict()) == {"id", "language", "name", "engine", "kind", "licence", "size", "speed"}


def test_an_engine_that_does_not_start_is_left_out_unless_it_was_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    espeak = FakeEngine("espeak", [ESPEAK_VOICE])

    def get_engine(name: str) -> FakeEngine:
        if name != "espeak":
            raise SpeechError(f"The {name} engine needs its extra.")
        return espeak

    monkeypatch.setattr(catalogue_module, "get_engine", get_engine)
    assert installed_engines(None) == [espeak]
    with pytest.raises(SpeechError, match="needs its extra"):
        installed_engines("piper")


def test_the_speed_is_the_fastest_of_a_few_warm_runs(clock: list[float]) -> None:
    """A run slowed by another process on a shared machine must not become the voice's figure for good."""
    engine = FakeEngine("piper", [PIPER_VOICE], clock=clock, costs=[3.0, 0.5, 0.1, 0.25][: BENCH_RUNS + 1])
    assert BENCH_RUNS >= 3
    assert measure_speed(engine, PIPER_VOICE) == 10.0  # 1 s of speech in 0.1 s; the 3 s warm-up is not counted
    assert engine.calls == BENCH_RUNS + 1


def test_bench_times_only_voices_not_timed_yet_and_keeps_the_figures(tmp_path: Path, clock: list[float]) -> None:
    espeak = FakeEngine("espeak", [ESPEAK_VOICE], clock=clock)
    piper = FakeEngine("piper", [PIPER_VOICE], clock=clock)
    speeds = bench([espeak, piper], [ESPEAK_VOICE], tmp_path)
    assert speeds == {speed_key(espeak, ESPEAK_VOICE): 10.0} and piper.calls == 0
    kept = tmp_path / SPEED_FILE
    assert json.loads(kept.read_text(encoding="utf-8")) == speeds
    written = kept.stat().st_mtime_ns
    calls = espeak.calls
    assert bench([espeak, piper], [ESPEAK_VOICE], tmp_path) == speeds
    assert espeak.calls == calls and kept.stat().st_mtime_ns == written, "nothing new: not timed again, not rewritten"
    both = bench([espeak, piper], [ESPEAK_VOICE, PIPER_VOICE], tmp_path)
    assert set(both) == {speed_key(espeak, ESPEAK_VOICE), speed_key(piper, PIPER_VOICE)} and espeak.calls == calls
