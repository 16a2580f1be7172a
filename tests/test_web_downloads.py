"""The player's downloads (the whole article's MP3 and transcript) and its podcast feed, with real
synthesis, checked as a podcast app and a player would: audio as audio, the feed parsed back."""

from __future__ import annotations

import io
from pathlib import Path

import feedparser
import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from readaloud.web import create_app


@pytest.fixture
def app(samples_dir: Path, tmp_path: Path):
    return create_app({"READALOUD_PATHS": [samples_dir / "slate-trump-russia.html"], "READALOUD_CACHE_DIR": str(tmp_path / "cache"),
                       "TESTING": True, "SERVER_NAME": "127.0.0.1:5000"})


def only_article(app) -> str:
    (listing,) = app.extensions["readaloud"].library.entries()
    return listing.id


def test_download_mp3_is_the_whole_article_with_chapters_made_once(app, tmp_path: Path) -> None:
    client = app.test_client()
    article = only_article(app)
    response = client.get(f"/articles/{article}/download.mp3")
    assert response.status_code == 200 and response.mimetype == "audio/mpeg"
    assert 'filename="Trump Wants Russia to Interfere for Him Again.mp3"' in response.headers["Content-Disposition"]
    audio = MP3(io.BytesIO(response.data))
    assert audio.info.length > 120, "the whole article, not a block"
    tags = ID3(io.BytesIO(response.data))
    assert tags.getall("CTOC") and tags.getall("CHAP"), "ID3 chapters, as readaloud FILE writes"
    made = list((tmp_path / "cache" / "downloads-v1").glob("*.mp3"))
    assert len(made) == 1
    before = made[0].stat().st_mtime_ns
    again = client.get(f"/articles/{article}/download.mp3")
    assert again.data == response.data and made[0].stat().st_mtime_ns == before, "made once, then served"
    transcript = client.get(f"/articles/{article}/download.vtt")
    assert transcript.status_code == 200 and transcript.get_data(as_text=True).startswith("WEBVTT")


def test_the_feed_lists_made_articles_with_exact_enclosures_and_chapters(app) -> None:
    client = app.test_client()
    article = only_article(app)
    empty = feedparser.parse(client.get("/feed.xml").data)
    assert not empty.bozo and empty.entries == [], "nothing made yet: nothing an app could play"
    audio = client.get(f"/articles/{article}/download.mp3").data
    response = client.get("/feed.xml")
    assert response.mimetype == "application/rss+xml"
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.bozo_exception
    (entry,) = feed.entries
    (enclosure,) = entry.enclosures
    assert int(enclosure.length) == len(audio) and enclosure.type == "audio/mpeg"
    assert enclosure.href.endswith(f"/articles/{article}/download.mp3")
    assert abs(int(entry.itunes_duration) - MP3(io.BytesIO(audio)).info.length) <= 1
    chapters = client.get(urlpath(entry.podcast_chapters["url"])).get_json()
    assert chapters["version"] == "1.2.0" and chapters["chapters"][0]["title"] == entry.title
    assert client.get(urlpath(entry.podcast_transcript["url"])).status_code == 200


def urlpath(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).path


def test_the_library_and_the_player_link_to_the_feed_and_the_downloads(app) -> None:
    client = app.test_client()
    article = only_article(app)
    library = client.get("/").get_data(as_text=True)
    assert 'type="application/rss+xml"' in library and "/feed.xml" in library
    player = client.get(f"/articles/{article}").get_data(as_text=True)
    assert f"/articles/{article}/download.mp3" in player and f"/articles/{article}/download.vtt" in player
