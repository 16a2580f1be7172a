"""The player's downloads (the whole article's MP3 and transcript) and its podcast feed, with real
synthesis, checked as a podcast app and a player would: audio as audio, the feed parsed back."""

from __future__ import annotations

import io
import time
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


MAKING_SECONDS = 600  # the whole slate article synthesised by espeak on a slow machine
WALK_PARAGRAPHS = 30  # espeak makes them in about a second: long enough to watch the parts go by
SHORT_ARTICLE = ("""<!doctype html><html lang="en"><head><title>A short walk</title></head><body><article>
<h1>A short walk</h1><p>We left the house early and walked to the river.</p>
<h2>At the river</h2><p>The water was cold. We sat on the bank and ate.</p>"""
                 + "".join(f"<p>Stone {n}: we walked on to the next stone.</p>" for n in range(3, WALK_PARAGRAPHS + 1))
                 + "</article></body></html>")


def only_article(app) -> str:
    (listing,) = app.extensions["readaloud"].library.entries()
    return listing.id


def downloaded(client, article: str, suffix: str = "mp3"):
    """The file as a reader gets it: the first request starts the making and shows its page, whose
    progress is followed until the file is made, then asked for again."""
    first = client.get(f"/articles/{article}/download.{suffix}")
    if first.status_code == 200:
        return first
    assert first.status_code == 202 and first.mimetype == "text/html", first.status_code
    deadline = time.monotonic() + MAKING_SECONDS
    while client.get(f"/articles/{article}/download-progress.json?file={suffix}").get_json()["state"] != "ready":
        assert time.monotonic() < deadline, "the file was never made"
        time.sleep(0.2)
    return client.get(f"/articles/{article}/download.{suffix}")


def test_download_mp3_is_the_whole_article_with_chapters_made_once(app, tmp_path: Path) -> None:
    client = app.test_client()
    article = only_article(app)
    response = downloaded(client, article)
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
    audio = downloaded(client, article).data
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


@pytest.fixture
def short_app(tmp_path: Path):
    article = tmp_path / "walk.html"
    article.write_text(SHORT_ARTICLE, encoding="utf-8")
    return create_app({"READALOUD_PATHS": [article], "READALOUD_CACHE_DIR": str(tmp_path / "cache"),
                       "TESTING": True, "SERVER_NAME": "127.0.0.1:5000"})


def test_the_first_download_shows_its_making_part_by_part_then_the_file(short_app, tmp_path: Path) -> None:
    client = short_app.test_client()
    article = only_article(short_app)
    page = client.get(f"/articles/{article}/download.mp3")
    assert page.status_code == 202 and page.mimetype == "text/html", "the request does not wait for the file"
    html = page.get_data(as_text=True)
    assert 'role="status"' in html and "<progress" in html
    assert "Making the MP3" in html or "Waiting to start making the MP3" in html
    assert f'href="/articles/{article}/download.mp3"' in html, "without scripts: a link to check again"
    assert client.get(f"/articles/{article}/download.mp3").status_code == 202, "the making goes on"
    transcript_page = client.get(f"/articles/{article}/download.vtt")
    assert transcript_page.status_code == 202, "the transcript is made with the MP3: the same making's page"
    assert "making the transcript" in transcript_page.get_data(as_text=True).lower()
    seen: list[tuple[int, int]] = []
    deadline = time.monotonic() + 120
    while True:
        progress = client.get(f"/articles/{article}/download-progress.json").get_json()
        if progress["state"] == "ready":
            break
        if progress["parts"]:
            seen.append((progress["part"], progress["parts"]))
            assert progress["sentence"] == f"Making the MP3: part {progress['part']} of {progress['parts']}."
        assert progress["state"] in ("waiting", "making"), progress
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert seen, "the parts were never reported"
    assert {parts for _, parts in seen} == {WALK_PARAGRAPHS + 2}, "the title, the heading and the paragraphs"
    assert [part for part, _ in seen] == sorted(part for part, _ in seen) and len({part for part, _ in seen}) > 1
    made = list((tmp_path / "cache" / "downloads-v1").glob("*.mp3"))
    assert len(made) == 1, "one making however many requests"
    response = client.get(f"/articles/{article}/download.mp3")
    assert response.status_code == 200 and response.mimetype == "audio/mpeg"
    assert int(response.headers["Content-Length"]) == len(response.data) == made[0].stat().st_size
    assert 'filename="A short walk.mp3"' in response.headers["Content-Disposition"]
    assert 30 < MP3(io.BytesIO(response.data)).info.length < 600
    transcript = client.get(f"/articles/{article}/download.vtt")
    assert transcript.status_code == 200 and transcript.mimetype == "text/vtt"
    assert "We sat on the bank" in transcript.get_data(as_text=True)


def test_a_failed_making_says_why_in_one_sentence(short_app, tmp_path: Path) -> None:
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "downloads-v1").write_text("a file where the folder should be")
    client = short_app.test_client()
    article = only_article(short_app)
    client.get(f"/articles/{article}/download.mp3")
    deadline = time.monotonic() + 60
    while (progress := client.get(f"/articles/{article}/download-progress.json").get_json())["state"] != "failed":
        assert time.monotonic() < deadline and progress["state"] != "ready"
        time.sleep(0.05)
    assert progress["sentence"].startswith("The MP3 could not be made: ") and progress["sentence"].count(". ") == 0
    page = client.get(f"/articles/{article}/download.mp3")
    assert page.status_code == 500 and progress["sentence"] in page.get_data(as_text=True)
    assert "?again=1" in page.get_data(as_text=True), "the reader can try again"


def test_a_queue_has_a_private_feed_that_makes_its_articles(tmp_path: Path) -> None:
    """A podcast app has no cookie: the queue page gives a feed address naming the queue. Asking for it
    starts the making of the queued articles; the next refresh lists them with exact enclosures, in the
    queue only (an article not queued stays out)."""
    from lxml import html as lxml_html

    for name in ("walk", "other"):
        (tmp_path / f"{name}.html").write_text(SHORT_ARTICLE.replace("A short walk", f"A {name} article"), encoding="utf-8")
    app = create_app({"READALOUD_PATHS": [tmp_path / "walk.html", tmp_path / "other.html"], "READALOUD_CACHE_DIR": str(tmp_path / "cache"),
                      "READALOUD_DATA_DIR": str(tmp_path / "data"), "TESTING": True, "SERVER_NAME": "127.0.0.1:5000"})
    client = app.test_client()
    walk = next(listing.id for listing in app.extensions["readaloud"].library.entries() if listing.title == "A walk article")
    page = lxml_html.fromstring(client.get("/").get_data(as_text=True))
    token = page.cssselect("input[name=csrf_token]")[0].get("value")
    client.post("/queue/add", data={"article": walk, "csrf_token": token})
    feed_url = lxml_html.fromstring(client.get("/queue").get_data(as_text=True)).cssselect("input.feed-url")[0].get("value")
    assert "queue=" in feed_url

    podcast_app = app.test_client()  # no cookie: the address alone names the queue
    first = feedparser.parse(podcast_app.get(urlpath(feed_url) + "?" + feed_url.split("?", 1)[1]).data)
    assert not first.bozo and first.entries == [] and "being made" in first.feed.subtitle
    deadline = time.monotonic() + MAKING_SECONDS
    while client.get(f"/articles/{walk}/download-progress.json?file=mp3").get_json()["state"] != "ready":
        assert time.monotonic() < deadline, "the queued article was never made"
        time.sleep(0.2)
    feed = feedparser.parse(podcast_app.get(urlpath(feed_url) + "?" + feed_url.split("?", 1)[1]).data)
    (entry,) = feed.entries
    audio = client.get(f"/articles/{walk}/download.mp3").data
    assert entry.title == "A walk article" and int(entry.enclosures[0].length) == len(audio)
    assert MP3(io.BytesIO(audio)).info.length > 10
    assert podcast_app.get("/feed.xml?queue=not-a-reader").status_code == 404
