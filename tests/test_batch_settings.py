"""The house-style settings file: parsed, validated, overridden by flags, fingerprinted."""

from __future__ import annotations

from pathlib import Path

import pytest

from readaloud.batch.settings import BatchSettings, load_settings
from readaloud.errors import UsageError
from readaloud.model import BlockKind


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "house.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_house_style_is_read(tmp_path: Path) -> None:
    (tmp_path / "house.lexicon").write_text("NATO = nay-toe\n", encoding="utf-8")
    settings = load_settings(write(tmp_path, """
        # Central library house style
        format = "daisy202"
        jobs = 3
        engine = "espeak"
        voice = "en-gb"
        rate = 160
        lexicon = "house.lexicon"
        skip = ["captions", "tables"]
    """))
    assert settings.format == "daisy202" and settings.extension == ""
    assert settings.jobs == 3 and settings.rate == 160 and settings.voice == "en-gb"
    assert settings.lexicon == str(tmp_path / "house.lexicon")  # relative to the settings file
    assert settings.skipped_kinds == {BlockKind.CAPTION, BlockKind.TABLE_CELL}


def test_bad_toml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'format = "mp3"\nrate = \n')
    with pytest.raises(UsageError, match=r"not valid TOML.*line 2"):
        load_settings(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('formt = "mp3"', "unknown setting 'formt'"),
        ('format = "aiff"', "unknown format 'aiff'"),
        ('rate = "fast"', "'rate' must be a whole number"),
        ("rate = 20", "rate must be between"),
        ('skip = "captions"', '"skip" must be a list'),
        ('skip = ["adverts"]', "cannot skip 'adverts'"),
        ('lexicon = "missing.lexicon"', "does not exist"),
        ("jobs = 0", "jobs must be 1 or more"),
    ],
)
def test_wrong_values_are_refused_with_one_sentence(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        load_settings(write(tmp_path, text))


def test_missing_settings_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot read the settings file"):
        load_settings(tmp_path / "nope.toml")


def test_command_line_flags_override_the_file(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, 'format = "epub3"\nrate = 150\njobs = 4'))
    overridden = settings.with_overrides(format="mp3", rate=None, jobs=2)
    assert (overridden.format, overridden.rate, overridden.jobs) == ("mp3", 150, 2)


def test_fingerprint_follows_what_changes_the_output(tmp_path: Path) -> None:
    lexicon = tmp_path / "house.lexicon"
    lexicon.write_text("NATO = nay-toe\n", encoding="utf-8")
    base = BatchSettings(lexicon=str(lexicon))
    assert base.fingerprint() == base.with_overrides(jobs=7).fingerprint()  # speed is not output
    assert base.fingerprint() != base.with_overrides(rate=200).fingerprint()
    assert base.fingerprint() != base.with_overrides(skip=["tables"]).fingerprint()
    before = base.fingerprint()
    lexicon.write_text("NATO = nato\n", encoding="utf-8")  # same path, new content
    assert base.fingerprint() != before


@pytest.mark.timeout(20)
def test_a_settings_file_that_is_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    import os

    from readaloud.batch.settings import load_settings

    os.mkfifo(tmp_path / "house.toml")
    with pytest.raises(UsageError, match="cannot read the settings file: .*named pipe"):
        load_settings(tmp_path / "house.toml")


@pytest.mark.parametrize("override", [{"timeout": 10**20}, {"fetch_timeout": 10**20}, {"timeout": 0}])
def test_timeouts_out_of_range_are_usage_errors(override: dict) -> None:
    with pytest.raises(UsageError, match="timeouts must be between 1 second and 604,800 seconds"):
        BatchSettings().with_overrides(**override)


@pytest.mark.parametrize(("line", "phrase"), [('lexicon = "a\\u0000b"', "contains a NUL character"),
                                              ('engine = "nonexistent"', "unknown engine 'nonexistent'")])
def test_settings_that_would_fail_every_article_are_refused_up_front(tmp_path: Path, line: str, phrase: str) -> None:
    (tmp_path / "house.toml").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(UsageError, match=phrase):
        load_settings(tmp_path / "house.toml")
