"""A reader's listen queue and heard marks, kept in the library's SQLite file: plain forms that work
by keyboard and without JavaScript, in the order the reader sets, per reader, across a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from readaloud.web import create_app
from readaloud.web.positions import READER_COOKIE


def make_app(samples_dir: Path, data: Path, cache: Path):
    return create_app({"READALOUD_PATHS": [samples_dir], "READALOUD_CACHE_DIR": str(cache), "READALOUD_DATA_DIR": str(data),
                       "SECRET_KEY": "fixed for the restart"})


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "data", tmp_path / "cache"


def doc(response) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(response.get_data(as_text=True))


def token(client) -> str:
    return doc(client.get("/")).cssselect("input[name=csrf_token]")[0].get("value")


def post(client, path: str, **fields):
    return client.post(path, data={**fields, "csrf_token": token(client)})


def queue_titles(client) -> list[str]:
    return [a.text_content() for a in doc(client.get("/queue")).cssselect(".queue-list li > a")]


def test_add_reorder_remove_and_mark_heard(samples_dir, folders) -> None:
    app = make_app(samples_dir, *folders)
    client = app.test_client()
    listings = app.extensions["readaloud"].library.entries()[:3]
    for listing in listings:
        assert post(client, "/queue/add", article=listing.id, next="/").status_code == 303
    post(client, "/queue/add", article=listings[0].id)  # already queued: stays where it is
    assert queue_titles(client) == [listing.title for listing in listings]
    post(client, "/queue/move", article=listings[2].id, step="up")
    assert queue_titles(client) == [listings[0].title, listings[2].title, listings[1].title]
    post(client, "/queue/remove", article=listings[0].id)
    assert queue_titles(client) == [listings[2].title, listings[1].title]
    post(client, "/queue/heard", article=listings[2].id)
    library = doc(client.get("/"))
    assert "(heard)" in library.text_content() and "Your queue (2)" in library.text_content()


def test_the_player_knows_what_comes_next_and_the_queue_outlives_a_restart(samples_dir, folders) -> None:
    app = make_app(samples_dir, *folders)
    client = app.test_client()
    first, second = app.extensions["readaloud"].library.entries()[:2]
    post(client, "/queue/add", article=first.id)
    post(client, "/queue/add", article=second.id)
    player = doc(client.get(f"/articles/{first.id}")).get_element_by_id("player")
    assert player.get("data-next-url") == f"/articles/{second.id}" and player.get("data-next-title") == second.title
    assert doc(client.get(f"/articles/{first.id}")).get_element_by_id("queue-toggle").text_content() == "Remove from queue"
    cookie = client.get_cookie(READER_COOKIE).value

    restarted = make_app(samples_dir, *folders).test_client()
    restarted.set_cookie(READER_COOKIE, cookie)
    assert queue_titles(restarted) == [first.title, second.title]
    assert queue_titles(make_app(samples_dir, *folders).test_client()) == [], "another reader has their own queue"


def test_forms_from_elsewhere_and_made_up_articles_are_refused(samples_dir, folders) -> None:
    app = make_app(samples_dir, *folders)
    client = app.test_client()
    listing = app.extensions["readaloud"].library.entries()[0]
    assert client.post("/queue/add", data={"article": listing.id}).status_code == 403
    assert post(client, "/queue/add", article="0123456789ab").status_code == 404
    response = post(client, "/queue/add", article=listing.id, next="//elsewhere.example/")
    assert response.headers["Location"] == "/queue", "only this player's own pages are gone back to"


def test_without_a_data_folder_there_is_no_queue(samples_dir, tmp_path) -> None:
    client = create_app({"READALOUD_PATHS": [samples_dir], "READALOUD_CACHE_DIR": str(tmp_path), "READALOUD_DATA_DIR": ""}).test_client()
    assert client.get("/queue").status_code == 404
    assert "Add to queue" not in client.get("/").get_data(as_text=True)
