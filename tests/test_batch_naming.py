"""Output names: readable, portable, stable and unique."""

from __future__ import annotations

import pytest

from readaloud.batch.naming import MAX_STEM_LENGTH, identity_suffix, safe_stem, unique_name


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Trump Wants Russia to Interfere for Him Again", "Trump-Wants-Russia-to-Interfere-for-Him-Again"),
        ("Ärger über Café: «Tout» est—là?", "Arger-uber-Cafe-Tout-est-la"),
        ("Straße & Œuvre", "Strasse-OEuvre"),
        ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"),
        ("  ...hidden. ", "hidden"),
    ],
)
def test_titles_become_ascii_names_without_reserved_characters(title: str, expected: str) -> None:
    assert safe_stem(title) == expected


@pytest.mark.parametrize("title", ["CON", "nul", "Com1", "LPT9.report"])
def test_windows_device_names_are_avoided(title: str) -> None:
    stem = safe_stem(title)
    assert stem.split(".")[0].lower() not in {"con", "nul", "com1", "lpt9"}
    assert stem.lower().startswith(title.split(".")[0].lower())


def test_long_titles_are_cut_at_a_word_boundary() -> None:
    title = "A very long headline " * 12
    stem = safe_stem(title)
    assert len(stem) <= MAX_STEM_LENGTH
    assert title.replace(" ", "-").startswith(stem + "-")


def test_unique_name_is_bare_until_taken_then_suffixed_from_the_source() -> None:
    assert unique_name("Budget news", "/lib/a.html", ".mp3", set()) == "Budget-news.mp3"
    taken = {"budget-news.mp3"}
    first = unique_name("Budget news", "/lib/b.html", ".mp3", taken)
    assert first == f"Budget-news-{identity_suffix('/lib/b.html')}.mp3"
    # the same source gets the same name on every run; another source gets another one
    assert unique_name("Budget news", "/lib/b.html", ".mp3", taken) == first
    assert unique_name("Budget news", "/lib/c.html", ".mp3", taken) != first


def test_collisions_are_case_insensitive() -> None:
    assert unique_name("budget NEWS", "/lib/b.html", ".epub", {"budget-news.epub"}) != "budget-NEWS.epub"


def test_titles_with_no_ascii_form_fall_back_to_the_source_name() -> None:
    assert unique_name("東京のニュース", "/lib/tokyo-news.html", ".mp3", set()) == "tokyo-news.mp3"
    assert unique_name("Ειδήσεις", "https://example.org/a/athens.html?x=1", "", set()) == "athens"
    assert unique_name("東京", "https://example.org/", ".mp3", set()) == "article.mp3"
