"""The library at scale: listed from stored summaries, prepared when opened (a bounded cache), added
articles prepared in the background with a progress page, served folders re-read when they change.
Flask's test client, a real SQLite file in a temporary data folder, real extraction and preparation."""

from __future__ import annotations

import io
import os
import sqlite3
import time
from pathlib import Path

from lxml import html as lxml_html

from readaloud.web import create_app
from readaloud.web.library import article_id


def story(topic: str, paragraphs: int = 6) -> bytes:
    return (
        f"<html lang='en'><head><title>{topic} news</title></head><body><article><h1>The {topic} returns</h1>"
        + "".join(f"<p>Paragraph {n}: the {topic} crossed the bay again this spring, carrying cyclists and a brass band.</p>"
                  for n in range(paragraphs))
        + "</article></body></html>"
    ).encode()


def make_app(tmp_path: Path, paths: list[Path], **config):
    base = {"READALOUD_PATHS": paths, "READALOUD_CACHE_DIR": str(tmp_path / "cache"), "READALOUD_DATA_DIR": str(tmp_path / "data")}
    return create_app({**base, **config})


def library(app):
    return app.extensions["readaloud"].library


def token(client) -> str:
    doc = lxml_html.fromstring(client.get("/").get_data(as_text=True))
    return doc.cssselect("input[name=csrf_token]")[0].get("value")


def upload(client, data: bytes, name: str = "story.html"):
    return client.post("/articles/upload", data={"file": (io.BytesIO(data), name), "csrf_token": token(client)},
                       content_type="multipart/form-data")


def listed_titles(client) -> list[str]:
    doc = lxml_html.fromstring(client.get("/").get_data(as_text=True))
    return [a.text_content() for a in doc.cssselect("table.articles tbody th a")]


# -- listed from summaries, prepared when opened ----------------------------------------------------


def test_a_restart_lists_stored_articles_without_preparing_them(samples_dir, tmp_path):
    served = [samples_dir / "multilingual-quote.html"]
    client = make_app(tmp_path, served).test_client()
    ids = [upload(client, story(topic), f"{topic}.html").headers["Location"].rsplit("/", 1)[1] for topic in ("ferry", "tram")]

    restarted = make_app(tmp_path, served)
    assert all(library(restarted).prepared(key) is None for key in ids), "listing must not prepare"
    rows = {listing.id: listing for listing in library(restarted).entries()}
    assert rows[ids[0]].title == "ferry news" and rows[ids[0]].summary.lang.startswith("en")
    assert rows[ids[0]].word_count > 60 and rows[ids[0]].summary.words == rows[ids[0]].word_count
    client = restarted.test_client()
    assert "ferry news" in listed_titles(client)
    opened = client.get(f"/articles/{ids[0]}")
    assert opened.status_code == 200 and b"The ferry returns" in opened.data
    assert library(restarted).prepared(ids[0]) is not None and library(restarted).prepared(ids[1]) is None
    assert client.get(f"/articles/{ids[1]}/blocks/title.json").status_code == 200  # audio prepares it too


def test_a_library_stored_before_summaries_is_filled_in_once(tmp_path):
    """A data folder from the first release (no summary columns) opens, lists, and keeps the summaries."""
    data = tmp_path / "data"
    data.mkdir()
    source = story("harbour")
    with sqlite3.connect(data / "library.sqlite3") as db:
        db.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, name TEXT NOT NULL, url TEXT, label TEXT,"
                   " added REAL NOT NULL, source BLOB NOT NULL)")
        db.execute("INSERT INTO articles VALUES (?, 'old.html', NULL, NULL, 1.0, ?)", (article_id(source), source))
    app = make_app(tmp_path, [])
    assert [listing.title for listing in library(app).entries()] == ["harbour news"]
    with sqlite3.connect(data / "library.sqlite3") as db:
        assert db.execute("SELECT title, words FROM articles").fetchone()[0] == "harbour news"
    again = make_app(tmp_path, [])
    assert library(again).prepared(article_id(source)) is None and library(again).entries()[0].title == "harbour news"


def test_prepared_articles_in_memory_are_bounded(tmp_path):
    app = make_app(tmp_path, [], READALOUD_PREPARED_IN_MEMORY=2)
    client = app.test_client()
    ids = [upload(client, story(topic)).headers["Location"].rsplit("/", 1)[1] for topic in ("ferry", "tram", "bus", "boat")]
    assert library(app).prepared_count() == 2
    assert library(app).prepared(ids[0]) is None
    reopened = client.get(f"/articles/{ids[0]}")  # evicted, so prepared again from the stored bytes
    assert reopened.status_code == 200 and b"The ferry returns" in reopened.data
    assert library(app).prepared_count() == 2

    by_words = make_app(tmp_path / "words", [], READALOUD_PREPARED_WORDS_IN_MEMORY=150)
    client = by_words.test_client()
    for topic in ("ferry", "tram", "bus"):
        upload(client, story(topic))
    assert library(by_words).prepared_count() == 1  # each is ~100 words: two would pass the bound


# -- in the background, with progress ----------------------------------------------------------------


def hold_the_slot(app) -> None:
    """Take the app's one preparation slot (READALOUD_MAX_PREPARATIONS=1), as a long preparation would."""
    assert app.extensions["readaloud"].preparations.acquire()


def release(app) -> None:
    app.extensions["readaloud"].preparations.release()


def test_a_slow_preparation_shows_a_progress_page_that_follows_it(tmp_path):
    app = make_app(tmp_path, [], READALOUD_PREPARATION_INLINE_SECONDS=0.2, READALOUD_MAX_PREPARATIONS=1)
    client = app.test_client()
    hold_the_slot(app)  # every preparation slot busy: the upload must wait its turn
    try:
        response = upload(client, story("ferry"), "ferry.html")
        assert response.status_code == 303
        location = response.headers["Location"]
        waiting = client.get(location)
        assert waiting.status_code == 202
        doc = lxml_html.fromstring(waiting.get_data(as_text=True))
        status = doc.get_element_by_id("progress-status")
        assert status.get("role") == "status" and status.get("aria-live") == "polite"
        assert status.text_content().startswith("Waiting for a free place")
        assert doc.get_element_by_id("progress-ready").get("hidden") is not None
        assert doc.cssselect("main h1")[0].text_content() == "Preparing ferry.html"
        assert not doc.cssselect("[autofocus], meta[http-equiv]"), "no focus theft, no refresh that re-reads the page"
        assert [s.get("src") for s in doc.cssselect("script")] == ["/static/preparing.js"]
        assert client.get(location + "/progress.json").get_json()["state"] == "waiting"
    finally:
        release(app)
    job = app.extensions["readaloud"].jobs
    deadline = time.monotonic() + 60
    while client.get(location + "/progress.json").get_json()["state"] != "ready":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert job.get(location.rsplit("/", 1)[1]) is None, "a finished job is forgotten: the library has it"
    opened = client.get(location)
    assert opened.status_code == 200 and b"The ferry returns" in opened.data


def test_opening_a_stored_article_when_every_slot_is_busy_shows_its_waiting_place(tmp_path):
    """Not prepared since the restart, the line full: the article's address follows its preparation
    in the background instead of answering only 'busy'."""
    client = make_app(tmp_path, []).test_client()
    location = upload(client, story("ferry")).headers["Location"]
    app = make_app(tmp_path, [], READALOUD_MAX_PREPARATIONS=1, READALOUD_MAX_WAITING=0)
    client = app.test_client()
    hold_the_slot(app)
    try:
        waiting = client.get(location)
        assert waiting.status_code == 202
        status = lxml_html.fromstring(waiting.data).get_element_by_id("progress-status")
        assert status.text_content().startswith("Waiting for a free place") and status.get("aria-live") == "polite"
        assert client.get(location + "/progress.json").get_json()["state"] == "waiting"
    finally:
        release(app)
    deadline = time.monotonic() + 60
    while client.get(location + "/progress.json").get_json()["state"] != "ready":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    opened = client.get(location)
    assert opened.status_code == 200 and b"The ferry returns" in opened.data


def test_a_background_failure_is_said_on_the_progress_page(tmp_path):
    app = make_app(tmp_path, [], READALOUD_PREPARATION_INLINE_SECONDS=0, READALOUD_MAX_PREPARATIONS=1)
    client = app.test_client()
    hold_the_slot(app)
    try:
        response = upload(client, b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "menu.html")
        location = response.headers["Location"]
    finally:
        release(app)
    deadline = time.monotonic() + 60
    while (progress := client.get(location + "/progress.json").get_json())["state"] != "failed":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert progress["sentence"].startswith("The article could not be prepared: ")
    failed = client.get(location)
    assert failed.status_code == 422
    assert "could not be prepared" in lxml_html.fromstring(failed.data).get_element_by_id("progress-status").text_content()
    assert [e for e in library(app).entries() if e.uploaded] == []


def test_a_full_queue_is_a_busy_page_and_holds_no_more_sources(tmp_path):
    app = make_app(tmp_path, [], READALOUD_PREPARATION_INLINE_SECONDS=0, READALOUD_MAX_QUEUED_PREPARATIONS=1,
                   READALOUD_MAX_PREPARATIONS=1)
    client = app.test_client()
    hold_the_slot(app)
    try:
        assert upload(client, story("ferry")).status_code == 303
        while app.extensions["readaloud"].jobs.get(article_id(story("ferry"))).stage != "waiting":
            time.sleep(0.01)
        again = upload(client, story("ferry"))  # the same bytes: the same job, not a second one
        assert again.status_code == 303
        busy = upload(client, story("tram"))
        assert busy.status_code == 503
        assert "busy preparing other articles" in busy.get_data(as_text=True)
    finally:
        release(app)


# -- served folders: read-only, re-read when they change ----------------------------------------------


def test_a_served_folder_is_read_again_when_its_files_change(tmp_path):
    folder = tmp_path / "served"
    folder.mkdir()
    (folder / "ferry.html").write_bytes(story("ferry"))
    app = make_app(tmp_path, [folder])
    client = app.test_client()
    assert listed_titles(client) == ["ferry news"]

    (folder / "tram.html").write_bytes(story("tram"))
    assert listed_titles(client) == ["ferry news", "tram news"]

    old_id = article_id(story("ferry"))
    (folder / "ferry.html").write_bytes(story("boat"))
    stamp = time.time() + 5
    os.utime(folder / "ferry.html", (stamp, stamp))  # a new modification time even on coarse clocks
    assert listed_titles(client) == ["boat news", "tram news"]
    assert client.get(f"/articles/{old_id}").status_code == 404

    (folder / "tram.html").unlink()
    (folder / "notes.txt").write_bytes(b"")
    assert listed_titles(client) == ["boat news"]
    assert "notes.txt" in client.get("/").get_data(as_text=True)  # listed as a problem, with its sentence
    served = library(app).entries()[0]
    rename = client.post(f"/articles/{served.id}/rename", data={"title": "Mine", "csrf_token": token(client)})
    assert rename.status_code == 403 and (folder / "ferry.html").read_bytes() == story("boat")


def test_listing_an_unchanged_folder_reads_no_file(tmp_path):
    """The check is the files' modification time and size: bytes changed behind an unchanged stamp are
    not seen (so nothing was read), and a listing costs a stat per file."""
    folder = tmp_path / "served"
    folder.mkdir()
    for topic in ("ferry", "tram", "bus"):
        (folder / f"{topic}.html").write_bytes(story(topic))
    app = make_app(tmp_path, [folder])
    before = library(app).entries()
    ferry = folder / "ferry.html"
    stamp = ferry.stat()
    ferry.write_bytes(story("barge"))  # the same length as "ferry"
    os.utime(ferry, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert library(app).entries() == before
    started = time.perf_counter()
    for _ in range(20):
        library(app).entries()
    assert (time.perf_counter() - started) / 20 < 0.05  # generous: a few stat calls, on a loaded machine


def test_a_slow_site_is_fetched_in_the_background_and_its_page_finds_the_article(tmp_path):
    """A second local server answers after 1.5 s: the reader's request is not held; the fetch's own
    address follows it and then leads to the article its page became."""
    from local_http import serve, slow

    app = make_app(tmp_path, [], READALOUD_PREPARATION_INLINE_SECONDS=0, READALOUD_ALLOW_PRIVATE_URLS=True)
    client = app.test_client()
    with serve({"/story": slow(1.5, story("ferry"))}) as site:
        started = time.monotonic()
        response = client.post("/articles/fetch", data={"url": f"{site.url}/story", "csrf_token": token(client)})
        assert response.status_code == 303 and time.monotonic() - started < 1.5
        location = response.headers["Location"]
        assert location.startswith("/articles/fetch-")
        following = client.get(location)
        assert following.status_code == 202
        status = lxml_html.fromstring(following.data).get_element_by_id("progress-status").text_content()
        assert status.startswith(("Fetching the page", "Waiting for a free place"))
        deadline = time.monotonic() + 60
        while (progress := client.get(location + "/progress.json").get_json())["state"] != "ready":
            assert time.monotonic() < deadline and progress["state"] != "failed", progress
            time.sleep(0.05)
    assert progress["article"] == f"/articles/{article_id(story('ferry'))}"
    opened = client.get(location)
    assert opened.status_code == 303 and opened.headers["Location"] == progress["article"]
    assert b"The ferry returns" in client.get(progress["article"]).data
