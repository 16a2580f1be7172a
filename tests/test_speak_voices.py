"""Voice choice by language tag, shared by every engine."""

from __future__ import annotations

import pytest

from readaloud.errors import SpeechError
from readaloud.langtags import without_script as normalise_tag
from readaloud.speak import Voice, find_voice, match_voice


def voice(identifier: str, *languages: tuple[str, int]) -> Voice:
    return Voice(identifier, identifier.title(), languages[0][0], "test", languages=languages)


# Shaped like espeak-ng 1.52's own table (priorities as it lists them).
ESPEAK_LIKE = [
    voice("gmw/en", ("en-gb", 2), ("en", 2)),
    voice("gmw/en-us", ("en-us", 2), ("en", 3)),
    voice("gmw/de", ("de", 5)),
    voice("roa/pt", ("pt", 5), ("pt-pt", 5)),
    voice("roa/pt-br", ("pt-br", 5), ("pt", 6)),
    voice("sit/cmn", ("cmn", 5), ("zh-cmn", 5), ("zh", 5)),
    voice("sit/yue", ("yue", 5), ("zh-yue", 5), ("zh", 8)),
]
# Shaped like macOS/Windows or pyttsx3 lists: one regional tag per voice.
REGIONAL_ONLY = [voice("fr-ca", ("fr-ca", 5)), voice("fr-fr", ("fr-fr", 5)), voice("de-at", ("de-at", 5))]


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("en_GB", "en-gb"), (" EN-us ", "en-us"), ("zh-Hant-TW", "zh-tw"), ("iw", "he"), ("", "")],
)
def test_tags_are_normalised(tag, expected):
    assert normalise_tag(tag) == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("de", "gmw/de"),
        ("de-DE", "gmw/de"),  # region unknown -> primary language
        ("en", "gmw/en-us"),  # our documented choice for a bare "en"
        ("en-GB", "gmw/en"),
        ("en-AU", "gmw/en"),  # Commonwealth -> British
        ("en-US", "gmw/en-us"),
        ("pt-br", "roa/pt-br"),
        ("pt", "roa/pt"),  # espeak's priority decides
        ("zh", "sit/cmn"),
        ("zh-HK", "sit/yue"),
    ],
)
def test_espeak_like_matching(tag, expected):
    assert match_voice(ESPEAK_LIKE, tag).id == expected


def test_regional_only_lists_prefer_the_home_region():
    assert match_voice(REGIONAL_ONLY, "fr").id == "fr-fr"
    assert match_voice(REGIONAL_ONLY, "fr-CA").id == "fr-ca"
    assert match_voice(REGIONAL_ONLY, "de").id == "de-at"  # no de-de: any German beats none


def test_no_voice_for_an_unknown_language():
    assert match_voice(ESPEAK_LIKE, "tlh") is None
    assert match_voice(ESPEAK_LIKE, "") is None


def test_find_voice_by_id_name_or_short_id():
    assert find_voice(ESPEAK_LIKE, "GMW/DE", "test").id == "gmw/de"
    assert find_voice(ESPEAK_LIKE, "Sit/Cmn", "test").id == "sit/cmn"
    assert find_voice(ESPEAK_LIKE, "pt-br", "test").id == "roa/pt-br"


def test_unknown_voice_names_close_ones():
    with pytest.raises(SpeechError, match="no voice called 'gmw/dee'.*gmw/de"):
        find_voice(ESPEAK_LIKE, "gmw/dee", "test")


def test_find_voice_by_the_language_that_list_voices_shows():
    """'--voice en-gb' is what a user types after reading '--list-voices' (gmw/en  en-gb  English ...)."""
    assert find_voice(ESPEAK_LIKE, "en-gb", "espeak").id == "gmw/en"
    assert find_voice(ESPEAK_LIKE, "EN-GB", "espeak").id == "gmw/en"


def test_close_voices_are_named_as_listed():
    """The hint spells the ids as --list-voices shows them (a piper id has capitals: en_US-joe-medium)."""
    piper = [Voice("en_US-joe-medium", "Joe (English, United States; piper medium)", "en-us", "piper")]
    with pytest.raises(SpeechError, match=r"\(close: en_US-joe-medium\)"):
        find_voice(piper, "en_US-joe-mediun", "piper")
