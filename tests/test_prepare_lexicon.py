"""The user lexicon: parsing, sections, case rules, whole words, errors with line numbers."""

from __future__ import annotations

import pytest

from readaloud.errors import InputError, ReadaloudError
from readaloud.prepare import Lexicon, LexiconError, speech_text

SAMPLE = """\
# names the voice gets wrong
Nguyen = win
nginx = engine x
New York = the big apple
C++ = see plus plus

[de]
Chemnitz = Kemnitz
nginx = Engine Ix

[de-CH]
Chemnitz = Kemnitz in Sachsen
"""


@pytest.fixture()
def lexicon(tmp_path) -> Lexicon:
    path = tmp_path / "my.lexicon"
    path.write_text(SAMPLE, encoding="utf-8")
    return Lexicon.load(path)


def test_load_counts_entries_per_section(lexicon: Lexicon) -> None:
    assert len(lexicon) == 7
    assert lexicon.entries_for("en") == {"Nguyen": "win", "nginx": "engine x", "New York": "the big apple",
                                         "C++": "see plus plus"}
    assert lexicon.entries_for("de")["nginx"] == "Engine Ix"
    assert lexicon.entries_for("de-CH")["Chemnitz"] == "Kemnitz in Sachsen"


@pytest.mark.parametrize("text, lang, expected", [
    ("Nguyen runs nginx.", "en", "win runs engine x."),
    ("NGINX and Nginx", "en", "engine x and engine x"),  # lower-case entry: any capitalisation
    ("nguyen is lower case", "en", "nguyen is lower case"),  # capitalised entry: exact spelling only
    ("Nguyens and nginxes", "en", "Nguyens and nginxes"),  # whole words only
    ("I love New York and New  York.", "en", "I love the big apple and the big apple."),
    ("Written in C++ today", "en", "Written in see plus plus today"),
    ("Chemnitz und nginx", "de", "Kemnitz und Engine Ix"),
    ("Chemnitz und nginx", "de-CH", "Kemnitz in Sachsen und Engine Ix"),
    ("Chemnitz", "en", "Chemnitz"),  # [de] entries stay in German blocks
    ("Chemnitz", "fr", "Chemnitz"),
])
def test_replacement(lexicon: Lexicon, text: str, lang: str, expected: str) -> None:
    assert lexicon.replace(text, lang) == expected


def test_lexicon_wins_over_reading_rules_and_its_spoken_form_is_not_reinterpreted() -> None:
    lexicon = Lexicon.parse("NASA = N A S A\nDr. = Drive\n5K = five K run\n")
    assert speech_text("NASA said", "en") == "Nasa said"
    assert speech_text("NASA said", "en", lexicon) == "N A S A said"
    assert speech_text("Dr. Smith ran the 5K in 2018.", "en", lexicon) == "Drive Smith ran the five K run in twenty eighteen."


def test_applied_lists_replaced_words_as_written_once_in_order(lexicon: Lexicon) -> None:
    text = "Nguyen runs NGINX, nginx and Nguyen again in New York."
    assert lexicon.applied(text, "en") == ["Nguyen", "NGINX", "nginx", "New York"]
    assert lexicon.applied("nothing here", "en") == []
    assert Lexicon().applied("Nguyen", "en") == []


def test_explicit_default_section_and_bom_are_accepted(tmp_path) -> None:
    path = tmp_path / "bom.lexicon"
    path.write_bytes("\ufeff[de]\nHund = Wauwau\n[default]\nCat = kitty\n".encode("utf-8"))
    lexicon = Lexicon.load(path)
    assert lexicon.replace("Hund Cat", "de") == "Wauwau kitty"
    assert lexicon.replace("Hund Cat", "en") == "Hund kitty"


@pytest.mark.parametrize("content, message", [
    ("Nguyen win\n", "line 1: expected 'word = spoken form', got 'Nguyen win'"),
    ("# ok\n\n = win\n", "line 3: the word before '=' is missing"),
    ("Nguyen = \n", "line 1: the spoken form after '=' is missing for 'Nguyen'"),
    ("a = b\n[german\n", "line 2: '[german' is not a section header"),
    ("[]\n", "line 1: '[]' is not a section header"),
    ("SQL = sequel\nSQL = ess queue ell\n", "line 2: 'SQL' is already defined in the default section"),
    ("[fr]\nle = leu\nle = la\n", "line 3: 'le' is already defined in section [fr]"),
    ("x = " + "y" * 300 + "\n", "line 1: an entry is limited to 200 characters"),
])
def test_malformed_lines_raise_one_clear_sentence_with_the_line_number(tmp_path, content: str, message: str) -> None:
    path = tmp_path / "bad.lexicon"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        Lexicon.load(path)
    assert str(caught.value).startswith(f"{path} {message}")
    assert isinstance(caught.value, ReadaloudError)
    assert caught.value.exit_code == 2


def test_unreadable_files_are_input_errors(tmp_path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        Lexicon.load(tmp_path / "missing.lexicon")
    with pytest.raises(InputError, match="is a directory"):
        Lexicon.load(tmp_path)
    binary = tmp_path / "binary.lexicon"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(LexiconError, match="is not UTF-8 text"):
        Lexicon.load(binary)
