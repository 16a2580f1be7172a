"""``readaloud serve`` given addresses it cannot listen on: one sentence and exit 2, never a traceback."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest


@pytest.mark.parametrize("args", [["--host", "256.1.1.1"], ["--port", "99999"]])
def test_an_address_that_cannot_be_listened_on_is_one_sentence(readaloud_bin: Path, args: list[str]) -> None:
    result = subprocess.run([str(readaloud_bin), "serve", *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("readaloud: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
