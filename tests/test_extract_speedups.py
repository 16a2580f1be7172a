"""The faster forms of extraction's checks decide exactly as the plain forms they replaced.

- ``rules.case_blind`` spells a case-insensitive word list out case-sensitively: same matches as
  ``re.compile(words, re.I)``, including the letters Python's case folding ties to i, k and s.
- ``budget.check_tags`` bounds ordinary tags' attribute counts by their length and counts exactly only
  when a bound could go over a limit: same verdict as counting every tag.
- ``load`` counts control characters with one regex pass: same count as looking at each character.
"""

from __future__ import annotations

import random
import re
import sys

import pytest

from readaloud.errors import BinaryInputError, TooLargeError
from readaloud.extract import budget, metadata, rules
from readaloud.load import BINARY_CONTROL_BYTES, BINARY_CONTROL_CHARACTERS, decode


def test_folded_letters_are_all_the_ones_re_ignorecase_equates():
    """Every code point re.IGNORECASE matches with an ASCII letter is in that letter's spellings."""
    any_letter = re.compile("[a-z]", re.I)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isascii() or not any_letter.fullmatch(char):
            continue
        letters = [letter for letter in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(letter, char, re.I)]
        assert letters and all(char in rules._spellings(letter) for letter in letters), hex(code)


def _respelled(word: str, rnd: random.Random) -> str:
    return "".join(rnd.choice(rules._spellings(c)) if rnd.random() < 0.5 else c for c in word)


@pytest.mark.parametrize("seed", range(40))
def test_case_blind_matches_what_ignorecase_matched(seed: int):
    """Random word lists (shared first letters and prefixes, anchored words, the folded letters) find
    the same matches, word for word, as the same list compiled with re.IGNORECASE."""
    rnd = random.Random(seed)
    letters = "aikscdex-_ 1"
    words = ["".join(rnd.choice(letters) for _ in range(rnd.randint(1, 4))) for _ in range(rnd.randint(1, 12))]
    if seed % 3 == 0:
        words = [("^" if rnd.random() < 0.3 else "") + word + ("$" if rnd.random() < 0.3 else "") for word in words]
    alternatives = "|".join(words)
    blind, plain = rules.case_blind(alternatives), re.compile(alternatives, re.I)
    pieces = [w.strip("^$") for w in words] + list(letters) + ["\u0130", "\u0131", "\u017f", "\u212a", "\n", "Z"]
    for _ in range(2000):
        text = "".join(_respelled(rnd.choice(pieces), rnd) for _ in range(rnd.randint(1, 6)))
        assert [m.span() for m in blind.finditer(text)] == [m.span() for m in plain.finditer(text)], (alternatives, text)


def test_the_rules_word_lists_still_match_their_words():
    """Spot checks on the converted rules: case, the folded letters, and a word that is not one."""
    assert rules.UNLIKELY_CANDIDATES.search("Main-SIDEBAR").span() == (5, 12)
    assert rules.CAPTION_CLASSES.search("wp-CAPT\u0130ON-text")
    assert rules.NEGATIVE.search("hid") and rules.NEGATIVE.search("x hid") and not rules.NEGATIVE.search("hidx")
    assert metadata.DATE_CLASSES.search("entry-Posted-On") and metadata.DATE_CLASSES.search("postedon")
    assert not rules.BYLINE.search("body-text")


def test_case_blind_refuses_what_it_cannot_spell():
    with pytest.raises(ValueError):
        rules.case_blind(r"posted-?on")


def _counted_exactly(text: str) -> str | None:
    try:
        budget._check_tags_exactly(text)
    except TooLargeError as error:
        return str(error)
    return None


def _checked(text: str) -> str | None:
    try:
        budget.check_tags(text)
    except TooLargeError as error:
        return str(error)
    return None


@pytest.mark.parametrize(
    "page",
    [
        "<p class='a b' id=c>text</p>" * 100,
        "<p" + " a" * 10_001 + ">",  # one tag over the per-tag limit
        ("<p" + " a" * 999 + ">") * 1_100,  # bounds over MAX_ATTRIBUTE_PAIRS, exact count too
        ("<p" + ' a="x y z"' * 400 + ">") * 1_000,  # bounds over, exact count under
        ("<p" + " a" * 3_000 + ">") * 200,
        "<script>" + "<p a b c>" * 10_000 + "</script><!-- <p a> -->",
    ],
    ids=["ordinary", "one-crowded-tag", "pairs-over", "bounds-only", "long-tags", "raw-text"],
)
def test_check_tags_decides_as_counting_every_tag(page: str):
    assert _checked(page) == _counted_exactly(page)


def test_control_characters_are_counted_as_before():
    rnd = random.Random(5)
    for _ in range(50):
        text = "".join(chr(rnd.randrange(0, 300)) for _ in range(rnd.randrange(1, 3000)))
        assert len(BINARY_CONTROL_CHARACTERS.findall(text)) == sum(ord(c) in BINARY_CONTROL_BYTES for c in text)
    with pytest.raises(BinaryInputError):
        decode("<p>" + "\x01" * 100 + "</p>")
