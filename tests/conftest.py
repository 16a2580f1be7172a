"""Shared fixtures: where the repository, the shared data, the samples and the real CLI are."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"  # read in place, never copied into the repo
SAMPLES_DIR = REPO_ROOT / "samples"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DIR} (the seeds and corpora live beside the repo)")
    return SHARED_DIR


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES_DIR


@pytest.fixture(scope="session")
def readaloud_bin() -> Path:
    """The installed console script, so tests run the CLI exactly as a user does."""
    script = Path(sys.executable).parent / "readaloud"
    if not script.exists():
        pytest.skip(f"console script not installed at {script} (run 'make venv')")
    return script


@pytest.fixture(scope="session", autouse=True)
def fresh_audio_cache(tmp_path_factory: pytest.TempPathFactory):
    """Every test run synthesises afresh: a cache left by an earlier run (or the user's) would hide a
    broken engine behind cached audio. Subprocesses inherit the variable."""
    with pytest.MonkeyPatch.context() as session_patch:  # monkeypatch itself is per test
        session_patch.setenv("READALOUD_CACHE_DIR", str(tmp_path_factory.mktemp("audio-cache")))
        yield


@pytest.fixture(scope="session", autouse=True)
def session_data_dir(tmp_path_factory: pytest.TempPathFactory):
    """`readaloud serve` keeps its library in the user's data folder by default: never the real one in
    tests. Session-wide first, for session-scoped servers (tests/browser), which start before any
    function-scoped fixture."""
    with pytest.MonkeyPatch.context() as session_patch:
        session_patch.setenv("READALOUD_DATA_DIR", str(tmp_path_factory.mktemp("data-dir")))
        yield


@pytest.fixture(autouse=True)
def fresh_data_dir(session_data_dir, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Then one empty library per test: a server started by one test never shows another's uploads.
    Server subprocesses inherit the variable."""
    monkeypatch.setenv("READALOUD_DATA_DIR", str(tmp_path_factory.mktemp("data-dir")))
