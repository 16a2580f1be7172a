"""Readers' positions in the library's SQLite file: per reader (browser), across a restart, checked."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from lxml import html as lxml_html

from readaloud.web import create_app
from readaloud.web.positions import READER_COOKIE


def make_app(samples_dir: Path, data: Path, cache: Path):
    return create_app({"READALOUD_PATHS": [samples_dir / "slate-trump-russia.html"], "READALOUD_CACHE_DIR": str(cache),
                       "READALOUD_DATA_DIR": str(data), "SECRET_KEY": "a fixed key so sessions survive the restart"})


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "data", tmp_path / "cache"


def article_id(app) -> str:
    (listing,) = app.extensions["readaloud"].library.entries()
    return listing.id


def player(client, article: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(client.get(f"/articles/{article}").get_data(as_text=True)).get_element_by_id("player")


def save(client, article: str, sentence: str, saved_ms: float | None = None, token: str | None = None):
    node = player(client, article)
    body = {"sentence": sentence, **({"saved": saved_ms} if saved_ms is not None else {})}
    return client.post(node.get("data-position-url"), json=body, headers={"X-CSRF-Token": token or node.get("data-csrf-token")})


def test_a_readers_place_is_kept_across_a_restart_and_is_theirs_alone(samples_dir, folders) -> None:
    data, cache = folders
    app = make_app(samples_dir, data, cache)
    article = article_id(app)
    reader = app.test_client()
    assert "data-saved-sentence" not in player(reader, article).attrib
    assert save(reader, article, "b5.s2").status_code == 204
    cookie = reader.get_cookie(READER_COOKIE)
    assert cookie is not None and cookie.http_only and len(cookie.value) >= 16

    restarted = make_app(samples_dir, data, cache)
    same_reader = restarted.test_client()
    same_reader.set_cookie(READER_COOKIE, cookie.value)
    node = player(same_reader, article)
    assert node.get("data-saved-sentence") == "b5.s2" and int(node.get("data-saved-at")) > 0
    stranger = restarted.test_client()
    assert "data-saved-sentence" not in player(stranger, article).attrib, "one reader's place is not another's"
    with sqlite3.connect(data / "library.sqlite3") as db:
        assert db.execute("SELECT sentence FROM positions").fetchall() == [("b5.s2",)]


def test_a_late_older_save_does_not_overwrite_a_newer_one(samples_dir, folders) -> None:
    app = make_app(samples_dir, *folders)
    article = article_id(app)
    client = app.test_client()
    now = time.time() * 1000
    assert save(client, article, "b9.s1", now).status_code == 204
    assert save(client, article, "b2.s1", now - 60_000).status_code == 204  # sent earlier, arrived later
    assert player(client, article).get("data-saved-sentence") == "b9.s1"


def test_positions_are_refused_without_the_token_or_with_a_made_up_sentence(samples_dir, folders) -> None:
    app = make_app(samples_dir, *folders)
    article = article_id(app)
    client = app.test_client()
    assert save(client, article, "b3.s1", token="forged").status_code == 403
    assert save(client, article, "<script>").status_code == 400
    token = player(client, article).get("data-csrf-token")
    missing = client.post("/articles/0123456789ab/position", json={"sentence": "b3.s1"}, headers={"X-CSRF-Token": token})
    assert missing.status_code == 404
