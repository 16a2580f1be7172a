"""The audio cache as the README describes it: where it lives, its limit, and that deleting it is safe."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from readaloud.speak import cache

REPO = Path(__file__).resolve().parent.parent
SHORT = REPO / "samples" / "multilingual-quote.html"


def speak(out: Path, env: dict) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "readaloud", str(SHORT), "-o", str(out), "-q"], env=env, capture_output=True, timeout=300
    )
    assert result.returncode == 0 and result.stderr == b"", result.stderr.decode()


def entries(root: Path) -> list[Path]:
    return list((root / cache.SUBDIRECTORY).glob(f"*/*{cache.SUFFIX}"))


def test_without_the_variable_the_cache_follows_xdg_and_deleting_it_is_safe(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "READALOUD_CACHE_DIR"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "xdg")
    root = tmp_path / "xdg" / "readaloud"
    speak(tmp_path / "first.wav", env)
    assert entries(root)
    shutil.rmtree(root)  # "Clearing": the next run synthesises again and makes the folder again
    speak(tmp_path / "second.wav", env)
    assert entries(root)
    assert (tmp_path / "first.wav").read_bytes() == (tmp_path / "second.wav").read_bytes()


def test_the_readme_states_the_limit_the_code_keeps():
    section = (REPO / "README.md").read_text(encoding="utf-8").split("## The audio cache", 1)[1].split("\n## ", 1)[0]
    assert cache.DEFAULT_MAX_BYTES == 1 << 30 and "1 GiB" in section
    assert f"every {cache.PRUNE_EVERY_WRITES} writes" in section
    assert f"{round(cache.PRUNE_TO_FRACTION * 100)} %" in section
    assert re.search(r"`\$READALOUD_CACHE_DIR` when set, else `\$XDG_CACHE_HOME/readaloud`, else\s+`~/.cache/readaloud`", section)
