"""``readaloud --list-voices``: a table for people, ``--json`` for scripts, the defaults marked.

Before, it printed bare tab-separated rows: no header, no engine, no sign of which voice a page in
that language gets.
"""

from __future__ import annotations

import json
import subprocess
import sys

FIELDS = {"id", "language", "name", "engine", "speech_rules", "default"}
HEADER = ["id", "language", "name", "engine", "speech rules"]


def readaloud(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "readaloud", *args], capture_output=True, text=True, timeout=120)


def voices_json(*args: str) -> list[dict]:
    result = readaloud("--list-voices", "--json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def table(*args: str) -> list[str]:
    result = readaloud("--list-voices", *args)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return result.stdout.splitlines()


def test_json_has_every_field_and_one_default_per_language():
    voices = voices_json()
    assert len(voices) > 50 and all(set(voice) == FIELDS for voice in voices)
    assert {voice["engine"] for voice in voices} == {"espeak"}
    assert {voice["speech_rules"] for voice in voices} == {"full", "neutral"}
    defaults = {voice["id"] for voice in voices if voice["default"]}
    assert {"gmw/en-US", "gmw/de", "roa/pt"} <= defaults  # en is US English by choice (speak/voices.py)
    assert not {"gmw/en", "roa/pt-BR"} & defaults


def test_the_table_has_a_header_aligned_columns_and_a_legend():
    lines = table("--lang", "en")
    header, rows = lines[0], lines[1 : lines.index("")]
    assert header.split() == ["id", "language", "name", "engine", "speech", "rules"]
    starts = [header.index(column) for column in HEADER]
    for row in rows:  # every column starts under its heading
        assert all(row[start - 2 : start] == "  " and row[start] != " " for start in starts[1:]), row
    marked = [row.split()[1] for row in rows if row.startswith("* ")]
    assert marked == ["gmw/en-US"]
    assert len(rows) == len(voices_json("--lang", "en"))
    assert lines[len(rows) + 2].startswith("* the voice for a page")


def test_engine_and_lang_still_narrow_it():
    voices = voices_json("--engine", "espeak", "--lang", "fr")
    assert voices and all(voice["language"].startswith("fr") for voice in voices)
    assert [voice["id"] for voice in voices if voice["default"]] == ["roa/fr"]


def test_a_language_without_voices_is_one_sentence():
    for args in (("--lang", "tlh"), ("--lang", "tlh", "--json")):
        result = readaloud("--list-voices", *args)
        assert result.returncode == 10 and result.stdout == ""
        assert result.stderr.strip() == "readaloud: the espeak engine has no voice for 'tlh'."


def test_json_without_list_voices_is_a_usage_error():
    result = readaloud("article.html", "--json")
    assert result.returncode == 2 and "goes with --list-voices" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
