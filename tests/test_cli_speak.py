"""``readaloud FILE``: the real command in a subprocess, as a user runs it."""

from __future__ import annotations

import json
import os
import pty
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from mutagen.id3 import ID3
from render_support import decode, rms

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "samples" / "slate-trump-russia.html"
CORPUS = REPO.parent / "shared" / "corpora" / "readability-test-pages"
LOGIN_WALL = """<!DOCTYPE html><html><head><title>Sign in</title></head><body>
<form action="/login"><label>Email <input name="email"></label><label>Password <input type="password" name="p"></label>
<button>Sign in</button></form></body></html>"""


@pytest.fixture
def env(tmp_path_factory):
    """A private audio cache per test, so tests never touch the user's and never depend on each other."""
    return {**os.environ, "READALOUD_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}


def readaloud(*args: str, env: dict, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "readaloud", *args], env=env, cwd=cwd, input=stdin, capture_output=True, timeout=300
    )


def assert_one_clean_error(result: subprocess.CompletedProcess, code: int, phrase: str) -> None:
    stderr = result.stderr.decode()
    assert result.returncode == code, stderr
    assert "Traceback" not in stderr
    assert phrase in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr


def test_default_output_goes_beside_the_file(tmp_path, env):
    article = tmp_path / "story.html"
    shutil.copy(SAMPLE, article)
    result = readaloud(str(article), env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""  # no progress bar when stderr is not a terminal
    out = tmp_path / "story.mp3"
    summary = result.stdout.decode()
    assert summary.startswith(str(out)) and "chapter" in summary
    samples, rate = decode(out)
    assert 4 * 60 < len(samples) / rate < 8 * 60 and rms(samples) > 1000
    assert ID3(out)["TLAN"].text == ["eng"]


def test_format_from_the_output_name_and_a_transcript(tmp_path, env):
    result = readaloud(str(SAMPLE), "-o", str(tmp_path / "talk.ogg"), "--transcript", "-q", env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b""  # quiet
    samples, rate = decode(tmp_path / "talk.ogg")
    assert len(samples) / rate > 60
    assert (tmp_path / "talk.vtt").read_text(encoding="utf-8").startswith("WEBVTT")


def test_stdin_needs_no_name_it_is_named_from_the_title(tmp_path, env):
    result = readaloud("-", "--format", "wav", env=env, cwd=tmp_path, stdin=SAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    written = list(tmp_path.glob("*.wav"))
    assert [p.name for p in written] == ["Trump-Wants-Russia-to-Interfere-for-Him-Again.wav"]


def test_no_article_exits_8_and_writes_nothing(tmp_path, env):
    page = tmp_path / "login.html"
    page.write_text(LOGIN_WALL, encoding="utf-8")
    result = readaloud(str(page), env=env)
    assert_one_clean_error(result, 8, "no article")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["login.html"]


def test_unknown_voice_says_how_to_list_voices(tmp_path, env):
    result = readaloud(str(SAMPLE), "--voice", "no-such-voice", "-o", str(tmp_path / "x.mp3"), env=env)
    assert_one_clean_error(result, 10, "readaloud --list-voices")
    assert not list(tmp_path.iterdir())


def list_voices_json(*args: str, env: dict) -> list[dict]:
    result = readaloud("--list-voices", "--json", *args, env=env)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_list_voices_shows_id_language_and_name(env):
    voices = list_voices_json("--lang", "de", env=env)
    assert voices and all(voice["language"].startswith("de") and voice["id"] and voice["name"] for voice in voices)
    assert {voice["speech_rules"] for voice in voices} == {"full"}  # readaloud has German's own readings


def test_list_voices_says_which_languages_get_only_the_neutral_rules(env):
    voices = list_voices_json("--lang", "fi", env=env)
    assert voices and {voice["speech_rules"] for voice in voices} == {"neutral"}


@pytest.mark.parametrize(
    "output, phrase",
    [("missing-folder/x.mp3", "does not exist"), ("/proc/readaloud-x.mp3", "not writable")],
)
def test_unwritable_output_fails_fast_with_one_sentence(tmp_path, env, output, phrase):
    target = output if output.startswith("/") else str(tmp_path / output)
    result = readaloud(str(SAMPLE), "-o", target, env=env)
    assert_one_clean_error(result, 11, phrase)


def test_unknown_format_is_a_usage_error(env):
    result = readaloud(str(SAMPLE), "--format", "aiff", env=env)
    assert result.returncode == 2 and b"invalid choice" in result.stderr


def test_contradicting_format_and_extension_is_a_usage_error(tmp_path, env):
    result = readaloud(str(SAMPLE), "-o", str(tmp_path / "x.mp3"), "--format", "wav", env=env)
    assert_one_clean_error(result, 2, "make them agree")


FAILING_ENGINE = """
from readaloud.speak.espeak import EspeakEngine

class FailingEspeak(EspeakEngine):
    '''Failure injection: real espeak, but the 12th synthesis raises, as a crashing engine would.'''
    calls = 0

    def synthesize(self, text, voice, rate):
        FailingEspeak.calls += 1
        if FailingEspeak.calls == 12:
            raise RuntimeError("synthesiser crashed")
        return super().synthesize(text, voice, rate)
"""


def test_engine_failing_mid_article_leaves_no_partial_file(tmp_path, env):
    (tmp_path / "failing_engine.py").write_text(FAILING_ENGINE, encoding="utf-8")
    target = tmp_path / "story.mp3"
    target.write_bytes(b"the previous, complete file")
    launcher = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(tmp_path)!r})
        from readaloud.speak import registry
        registry.ENGINE_CLASSES["espeak"] = "failing_engine:FailingEspeak"
        from readaloud.cli import main
        sys.exit(main([{str(SAMPLE)!r}, "-o", {str(target)!r}, "--transcript"]))
        """
    )
    result = subprocess.run([sys.executable, "-c", launcher], env=env, capture_output=True, timeout=300)
    assert_one_clean_error(result, 10, "failed while reading block")
    assert target.read_bytes() == b"the previous, complete file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["failing_engine.py", "story.mp3"]


@pytest.mark.skipif(not (CORPUS / "wikipedia-2").is_dir(), reason="the shared corpus (../shared/corpora) is not present")
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_or_kill_leaves_no_half_file(tmp_path, env, stop):
    """Interrupt a long article once its temporary file exists: no partial file, the old one intact."""
    target = tmp_path / "long.mp3"
    target.write_bytes(b"old")
    process = subprocess.Popen(
        [sys.executable, "-m", "readaloud", str(CORPUS / "wikipedia-2" / "source.html"), "-o", str(target)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".long.mp3.*.part")):
        assert process.poll() is None and time.monotonic() < deadline, "never started writing"
        time.sleep(0.05)
    time.sleep(0.5)
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr.decode()
    assert b"Traceback" not in stderr and b"interrupted" in stderr
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["long.mp3"]


def test_progress_bar_only_on_a_terminal(tmp_path, env):
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "readaloud", str(SAMPLE), "-o", str(tmp_path / "x.mp3")],
        env=env, stdout=subprocess.PIPE, stderr=follower,
    )
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closes when the process exits
            break
        if not chunk:
            break
        drawn += chunk
    process.wait(timeout=300)
    os.close(leader)
    assert process.returncode == 0
    text = drawn.decode(errors="replace")
    assert "blocks" in text and "elapsed" in text and "left" in text
    assert "Traceback" not in text


def test_lexicon_changes_what_is_said(tmp_path, env):
    """The sample names Trump dozens of times: saying a long phrase instead makes the audio much longer."""
    lexicon = tmp_path / "names.txt"
    lexicon.write_text("Trump = the forty fifth president of the United States of America\n", encoding="utf-8")
    plain = readaloud(str(SAMPLE), "-o", str(tmp_path / "plain.wav"), "-q", env=env)
    spelled = readaloud(str(SAMPLE), "-o", str(tmp_path / "lexicon.wav"), "-q", "--lexicon", str(lexicon), env=env)
    assert plain.returncode == spelled.returncode == 0, spelled.stderr.decode()
    plain_s, spelled_s = (seconds(tmp_path / name) for name in ("plain.wav", "lexicon.wav"))
    assert spelled_s - plain_s > 30, (plain_s, spelled_s)


def seconds(path: Path) -> float:
    samples, rate = decode(path)
    return len(samples) / rate


def test_missing_lexicon_is_one_sentence(tmp_path, env):
    result = readaloud(str(SAMPLE), "-o", str(tmp_path / "x.mp3"), "--lexicon", str(tmp_path / "none.txt"), env=env)
    assert_one_clean_error(result, 3, "does not exist")
    assert not list(tmp_path.glob("*.mp3"))


def test_progress_line_counts_blocks_and_estimates_time_left():
    import io

    from readaloud.progress import ProgressBar

    now = [100.0]
    stream = io.StringIO()
    bar = ProgressBar("speaking", stream, clock=lambda: now[0])
    now[0] = 106.0
    bar(3, 10)
    assert stream.getvalue().endswith("3/10 blocks  0:06 elapsed, 0:14 left")
    bar.close()
    assert stream.getvalue().endswith("\r")


def test_lang_override_reaches_blocks_in_the_page_language(tmp_path, env):
    """--lang re-reads the page's own blocks: a language no voice speaks is a warning, and the tag follows it."""
    out = tmp_path / "klingon.mp3"
    result = readaloud(str(REPO / "samples" / "multilingual-quote.html"), "-o", str(out), "--lang", "tlh", env=env)
    assert result.returncode == 0, result.stderr
    assert b"No voice speaks the language 'tlh'" in result.stderr
    german = tmp_path / "german.mp3"
    assert readaloud(str(SAMPLE), "-o", str(german), "--lang", "de", "-q", env=env).returncode == 0
    assert str(ID3(german)["TLAN"]) == "deu"


@pytest.mark.timeout(60)
def test_a_lexicon_that_is_a_fifo_is_refused_not_waited_on(tmp_path, env):
    lexicon = tmp_path / "names.lexicon"
    os.mkfifo(lexicon)
    result = readaloud(str(SAMPLE), "-o", str(tmp_path / "x.mp3"), "--lexicon", str(lexicon), env=env)
    assert_one_clean_error(result, 3, "named pipe")
    assert not (tmp_path / "x.mp3").exists()


def test_an_output_that_is_a_device_or_fifo_is_refused(tmp_path, env):
    """The finished file is renamed over OUT; over /dev/null (as root) that would replace the device."""
    fifo = tmp_path / "out.mp3"
    os.mkfifo(fifo)
    for out in (fifo, Path("/dev/null")):
        result = readaloud(str(SAMPLE), "-o", str(out), env=env)
        assert_one_clean_error(result, 11, "not a regular file")
    assert Path("/dev/null").is_char_device() and fifo.is_fifo()
