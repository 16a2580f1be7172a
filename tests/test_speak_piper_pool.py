"""Piper's pool as issue 14 asks for it: one worker process per core (at most MAX_WORKERS), each
onnxruntime session on one thread. Checked with stand-in modules, so the test process never imports
onnxruntime (it is not fork-safe once it has run: see speak/piper_engine.py)."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

from readaloud.speak import piper_engine
from readaloud.speak.piper_engine import MAX_WORKERS, THREADS_PER_WORKER, THREADS_VARIABLE, VoiceFile, worker_count


@pytest.mark.parametrize(("cores", "workers"), [(1, 1), (2, 2), (MAX_WORKERS + 4, MAX_WORKERS), (None, 1)])
def test_the_pool_is_sized_to_the_cores(monkeypatch: pytest.MonkeyPatch, cores: int | None, workers: int) -> None:
    monkeypatch.setattr(piper_engine.os, "cpu_count", lambda: cores)
    assert worker_count({}) == workers


class Recorder:
    """Stand-ins for onnxruntime and piper that note how the session was made."""

    def __init__(self) -> None:
        self.sessions: list[dict[str, Any]] = []

    def modules(self) -> dict[str, types.ModuleType]:
        recorder = self
        onnxruntime = types.ModuleType("onnxruntime")

        class SessionOptions:
            intra_op_num_threads = 0
            inter_op_num_threads = 0

        def inference_session(model: str, sess_options: SessionOptions, providers: list[str]) -> str:
            recorder.sessions.append({"model": model, "intra": sess_options.intra_op_num_threads,
                                      "inter": sess_options.inter_op_num_threads, "providers": providers})
            return "session"

        onnxruntime.SessionOptions = SessionOptions  # type: ignore[attr-defined]
        onnxruntime.InferenceSession = inference_session  # type: ignore[attr-defined]
        piper = types.ModuleType("piper")
        piper.PiperVoice = lambda session, config: (session, config)  # type: ignore[attr-defined]
        config = types.ModuleType("piper.config")
        config.PiperConfig = types.SimpleNamespace(from_dict=lambda data: data)  # type: ignore[attr-defined]
        return {"onnxruntime": onnxruntime, "piper": piper, "piper.config": config}


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recorder = Recorder()
    for name, module in recorder.modules().items():
        monkeypatch.setitem(sys.modules, name, module)
    return recorder


def voice_file(tmp_path: Path) -> VoiceFile:
    config = tmp_path / "v.onnx.json"
    config.write_text('{"audio": {"sample_rate": 22050}}', encoding="utf-8")
    return VoiceFile("v", "V", "en-us", str(tmp_path / "v.onnx"), str(config), 22050)


def test_each_worker_runs_its_model_on_one_thread(recorder: Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(THREADS_VARIABLE, raising=False)
    assert piper_engine._load_model(voice_file(tmp_path)) == ("session", {"audio": {"sample_rate": 22050}})
    assert THREADS_PER_WORKER == 1
    assert recorder.sessions == [{"model": str(tmp_path / "v.onnx"), "intra": 1, "inter": 1, "providers": ["CPUExecutionProvider"]}]


def test_the_thread_count_can_be_set(recorder: Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(THREADS_VARIABLE, "0")  # onnxruntime's own default: every core
    piper_engine._load_model(voice_file(tmp_path))
    assert (recorder.sessions[0]["intra"], recorder.sessions[0]["inter"]) == (0, 0)
