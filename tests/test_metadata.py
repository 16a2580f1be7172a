"""Metadata a listener hears: the visible headline, the title without the site's name, the shown date,
and an author field without dates or template leftovers."""

from __future__ import annotations

import pytest

from readaloud.extract.html import parse_document
from readaloud.extract.metadata import clean_byline, parse_day, read_metadata


def metadata_of(head: str, body: str):
    return read_metadata(parse_document(f"<html><head>{head}</head><body>{body}</body></html>"))


def test_the_site_name_is_left_out_when_the_headline_is_clean() -> None:
    found = metadata_of(
        '<title>Library plans delayed again - The Town Crier</title>'
        '<meta property="og:title" content="Library plans delayed again - The Town Crier">',
        "<header><h1 class='site-title'>The Town Crier</h1></header><article><h1>Library plans delayed again</h1>"
        "<p>The council met on Tuesday.</p></article>",
    )
    assert found.title == "Library plans delayed again"


def test_the_site_name_is_stripped_by_its_declared_name_without_a_headline() -> None:
    found = metadata_of(
        '<meta property="og:title" content="Best free certificate courses | Alison">'
        '<meta property="og:site_name" content="Alison">',
        "<p>No headline element on this page.</p>",
    )
    assert found.title == "Best free certificate courses"


def test_the_canonical_address_names_the_site() -> None:
    found = metadata_of(
        '<title>Weekend Coding Agent | TheFocus.AI Labs</title><link rel="canonical" href="https://thefocus.ai/posts/x">',
        "<p>No headline element on this page.</p>",
    )
    assert found.title == "Weekend Coding Agent"


def test_the_visible_headline_wins_when_it_names_the_same_article() -> None:
    found = metadata_of(
        '<meta property="og:title" content="Health And Nutrition Trends For 2026 - Tastewise">',
        "<h1>Top 10 Health and Nutrition Trends to Watch</h1><p>Text.</p>",
    )
    assert found.title == "Top 10 Health and Nutrition Trends to Watch"


def test_a_headline_about_something_else_does_not_replace_the_title() -> None:
    found = metadata_of(
        '<meta property="og:title" content="Minecraft 1.8 - The Bountiful Update">',
        "<h1>Game studio blog</h1><p>Text.</p>",
    )
    assert found.title == "Minecraft 1.8 - The Bountiful Update"


def test_the_shown_date_wins_over_the_head_when_they_disagree() -> None:
    found = metadata_of(
        '<meta property="article:published_time" content="2025-05-19T22:12:02Z">',
        "<article><h1>Title</h1><p class='article-byline__pub-dates'>Updated August 14, 2025</p>"
        "<aside><time datetime='2020-01-01'>Jan 1, 2020</time></aside><p>Text.</p></article>",
    )
    assert found.published == "2025-08-14"


def test_a_day_apart_is_the_head_dates_time_zone() -> None:
    head = '<meta property="article:published_time" content="2024-12-06T22:00:40.000Z">'
    found = metadata_of(head, "<time datetime='2024-12-07'>7 December 2024</time><p>Text.</p>")
    assert found.published == "2024-12-06T22:00:40.000Z"


def test_teaser_dates_are_not_the_articles() -> None:
    found = metadata_of("", "<ul class='related'><li><time datetime='2020-01-01'>x</time></li></ul><p>Text.</p>")
    assert found.published == ""


@pytest.mark.parametrize(
    ("text", "day"),
    [("2025-02-22T10:00:00Z", "2025-02-22"), ("Updated August 14, 2025", "2025-08-14"), ("14 Sept 2025", "2025-09-14"),
     ("Feb 30, 2025", ""), ("no date", "")],
)
def test_parse_day(text: str, day: str) -> None:
    assert parse_day(text) == day


@pytest.mark.parametrize(
    ("byline", "clean"),
    [
        ("Jeffrey Gettleman", "Jeffrey Gettleman"),
        ("By Jane Doe", "By Jane Doe"),
        ("undefined", ""),
        ("By", ""),
        ("DECEMBER 27, 2024", ""),
        ("Written By Feb 11, 2019 · 3 min read", ""),
        ("Alan Woinski and Kim Woinski | 3 days ago", "Alan Woinski and Kim Woinski"),
    ],
)
def test_clean_byline(byline: str, clean: str) -> None:
    assert clean_byline(byline) == clean
