"""``readaloud FILE -o ...``: where the audio (and its transcript) goes, with the real command.

``-o DIR/`` (a trailing slash) or an existing folder means "write inside it", named as without -o;
before, a missing ``newdir/`` became an MP3 *file* called ``newdir``, overwritten by the next run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from local_http import page, serve

REPO = Path(__file__).resolve().parent.parent
SHORT = REPO / "samples" / "multilingual-quote.html"  # a short article: seconds to speak, not minutes
SHORT_TITLE_STEM = "A-Paris-Bookshop-Turns-100-and-Its-Owner-Is-Not-Slowing-Down"


def readaloud(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """The real command; the session's fresh audio cache (conftest) is inherited, so reruns are quick."""
    return subprocess.run(
        [sys.executable, "-m", "readaloud", *args], cwd=cwd, input=stdin, capture_output=True, timeout=300, env=os.environ
    )


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def one_error(result: subprocess.CompletedProcess, code: int, phrase: str) -> None:
    stderr = result.stderr.decode()
    assert result.returncode == code, stderr
    assert phrase in stderr and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr


@pytest.fixture
def story(tmp_path: Path) -> Path:
    article = tmp_path / "story.html"
    shutil.copy(SHORT, article)
    return article


def test_a_trailing_slash_makes_the_folder_and_names_the_file_as_without_o(tmp_path, story):
    summary = ok(readaloud(str(story), "-o", f"{tmp_path}/newdir/deeper/"))
    out = tmp_path / "newdir" / "deeper" / "story.mp3"
    assert out.is_file() and out.stat().st_size > 1000
    assert summary.startswith(str(out))
    # Another format lands beside it instead of overwriting one file called newdir.
    ok(readaloud(str(story), "-o", f"{tmp_path}/newdir/deeper/", "--format", "wav", "--transcript", "-q"))
    assert sorted(p.name for p in out.parent.iterdir()) == ["story.mp3", "story.vtt", "story.wav"]


def test_an_existing_folder_without_a_slash_is_written_into(tmp_path, story):
    folder = tmp_path / "audio"
    folder.mkdir()
    ok(readaloud(str(story), "-o", str(folder), "--format", "ogg", "-q"))
    assert [p.name for p in folder.iterdir()] == ["story.ogg"]


def test_a_folder_named_like_a_format_does_not_choose_the_format(tmp_path, story):
    ok(readaloud(str(story), "-o", f"{tmp_path}/talks.wav/", "-q"))
    assert [p.name for p in (tmp_path / "talks.wav").iterdir()] == ["story.mp3"]


def test_stdin_into_a_folder_is_named_from_the_title(tmp_path):
    ok(readaloud("-", "-o", "out/", "--format", "wav", "-q", cwd=tmp_path, stdin=SHORT.read_bytes()))
    assert [p.name for p in (tmp_path / "out").iterdir()] == [f"{SHORT_TITLE_STEM}.wav"]


def test_a_url_into_a_folder_is_named_from_the_title(tmp_path):
    with serve({"/page": page(SHORT.read_bytes())}) as server:
        ok(readaloud(f"{server.url}/page", "-o", "out/", "-q", cwd=tmp_path))
    assert [p.name for p in (tmp_path / "out").iterdir()] == [f"{SHORT_TITLE_STEM}.mp3"]


def test_a_file_in_the_way_of_the_folder_is_one_sentence(tmp_path, story):
    one_error(readaloud(str(story), "-o", f"{story}/"), 11, "exists and is not a folder")
    assert story.is_file()


def test_a_folder_that_cannot_be_made_is_one_sentence(story):
    one_error(readaloud(str(story), "-o", "/proc/readaloud-no-such/"), 11, "cannot create the folder")


def test_a_transcript_that_is_a_fifo_is_refused_before_speaking(tmp_path, story):
    """The .vtt is renamed over its name like the audio: a FIFO (or /dev/null as root) must not be replaced."""
    fifo = tmp_path / "talk.vtt"
    os.mkfifo(fifo)
    one_error(readaloud(str(story), "-o", str(tmp_path / "talk.mp3"), "--transcript"), 11, "not a regular file")
    assert fifo.is_fifo() and not (tmp_path / "talk.mp3").exists()


def test_a_transcript_that_would_replace_the_audio_is_a_usage_error(tmp_path, story):
    one_error(readaloud(str(story), "-o", str(tmp_path / "talk.vtt"), "--transcript"), 2, "written over the audio")
    assert not (tmp_path / "talk.vtt").exists()
