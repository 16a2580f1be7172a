"""A reader's listen queue and what they have heard, kept in the library's SQLite file.

Add to it from the library or the player, reorder it by keyboard (Move up, Move down: plain forms that
work without JavaScript), and the player goes on to the next article when one ends, saying so. An
article that reaches its end is marked heard (and can be marked by hand). A reader is one browser, as
for positions (web/positions.py). Without a data folder there is nowhere to keep it: no queue is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from .library import Library, Listing
from .positions import reader_id
from .store import ArticleStore

queue_pages = Blueprint("queue", __name__)


@dataclass(frozen=True)
class QueueState:
    """What a page shows of this reader's queue: the articles in order, which are heard, what comes next."""

    listings: list[Listing]
    heard: set[str]

    def contains(self, article_id: str) -> bool:
        return any(listing.id == article_id for listing in self.listings)

    def after(self, article_id: str) -> Listing | None:
        """The article the player goes on to when ``article_id`` ends (the queue's first when it is not in it)."""
        ids = [listing.id for listing in self.listings]
        if article_id not in ids:
            return None
        index = ids.index(article_id)
        return self.listings[index + 1] if index + 1 < len(ids) else None


def _library() -> Library:
    return current_app.extensions["readaloud"].library


def _store() -> ArticleStore:
    store = _library().store
    if store is None:
        abort(HTTPStatus.NOT_FOUND, description="This player keeps no queue: it was started without a data folder.")
    return store


def queue_state() -> QueueState | None:
    """This reader's queue (articles no longer in the library left out), or None without a data folder."""
    library = _library()
    if library.store is None:
        return None
    reader = reader_id()
    return QueueState(queued_listings(library, reader), library.store.heard(reader))


def queued_listings(library: Library, reader: str) -> list[Listing]:
    """A reader's queue in order, leaving out articles no longer in the library."""
    store = library.store
    return [listing for article in store.queue(reader) if (listing := library.get(article))] if store else []


def _article_from_form() -> str:
    article = request.form.get("article", "")
    if _library().get(article) is None:
        abort(HTTPStatus.NOT_FOUND, description="There is no article with this address in the library.")
    return article


def _back() -> ResponseReturnValue:
    """To the page the form was on (a path on this player only), else the queue."""
    target = request.form.get("next", "")
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = url_for("queue.page")
    return redirect(target, code=HTTPStatus.SEE_OTHER)


@queue_pages.get("/queue")
def page() -> ResponseReturnValue:
    from .routes import UI_LANG

    state = queue_state()
    if state is None:
        abort(HTTPStatus.NOT_FOUND, description="This player keeps no queue: it was started without a data folder.")
    feed_url = url_for("downloads.feed", queue=reader_id(), _external=True)
    return render_template("queue.html", queue=state, feed_url=feed_url, ui_lang=UI_LANG)


@queue_pages.post("/queue/add")
def add() -> ResponseReturnValue:
    _store().enqueue(reader_id(), _article_from_form())
    return _back()


@queue_pages.post("/queue/remove")
def remove() -> ResponseReturnValue:
    _store().dequeue(reader_id(), _article_from_form())
    return _back()


@queue_pages.post("/queue/move")
def move() -> ResponseReturnValue:
    step = -1 if request.form.get("step") == "up" else 1
    _store().move_in_queue(reader_id(), _article_from_form(), step)
    return _back()


@queue_pages.post("/queue/heard")
def heard() -> ResponseReturnValue:
    _store().set_heard(reader_id(), _article_from_form(), request.form.get("heard", "1") != "0")
    return _back()
