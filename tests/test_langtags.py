"""Language tags as pages, engines and users write them, read one way everywhere."""

from __future__ import annotations

import pytest

from readaloud.langtags import direction, normalise_tag, primary, same_language, without_script


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("de-AT", "de"), ("EN_us", "en"), ("iw", "he"), ("zh-Hant-TW", "zh"), ("", ""), ("  ", "")],
)
def test_primary_subtag(tag: str, expected: str) -> None:
    assert primary(tag) == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("en_US", "en-us"), ("zh-Hant-TW", "zh-tw"), ("und", ""), ("x", ""), ("in", "id"), ("pt-BR-x-custom", "pt-br")],
)
def test_an_articles_tag_keeps_language_and_region(tag: str, expected: str) -> None:
    assert normalise_tag(tag) == expected


def test_a_voice_tag_loses_only_its_script() -> None:
    assert without_script("sr-Latn-RS") == "sr-rs"
    assert without_script("en-GB-x-rp") == "en-gb-x-rp"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("ar", "rtl"), ("he-IL", "rtl"), ("iw", "rtl"), ("fa_IR", "rtl"), ("ur", "rtl"),
        ("ku", "ltr"),  # Kurmanji, written in Latin script
        ("ku-Arab", "rtl"),  # Sorani in Arabic script: the script decides
        ("pa-Arab-PK", "rtl"), ("az-Arab", "rtl"),
        ("ar-Latn", "ltr"),  # Arabic in Latin transliteration
        ("en", "ltr"), ("", "ltr"),
    ],
)
def test_direction_follows_the_script_then_the_language(tag: str, expected: str) -> None:
    assert direction(tag) == expected


def test_a_declared_direction_wins() -> None:
    assert direction("ar", "ltr") == "ltr" and direction("en", "rtl") == "rtl"
    assert direction("ar", "auto") == "rtl"


def test_same_language_compares_primary_subtags() -> None:
    assert same_language("de-AT", "de") and same_language("iw", "he-IL")
    assert not same_language("", "") and not same_language("en", "de")
