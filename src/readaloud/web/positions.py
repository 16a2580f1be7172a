"""Where each reader is in each article, kept in the library's SQLite file beside the articles.

The browser keeps its place in localStorage as well (static/settings.js); the server's copy outlives
a cleared browser, a private window's end and a restart of the player, and the newer of the two wins
when the page opens. A reader is one browser: a random id in a long-lived cookie (the player has no
accounts). Without a data folder (``serve --data-dir ''``) positions stay in the browser only.
"""

from __future__ import annotations

import re
import secrets
import time
from http import HTTPStatus

from flask import Blueprint, Response, abort, current_app, g, request

from .library import Library

positions = Blueprint("positions", __name__)
READER_COOKIE = "readaloud_reader"
READER_COOKIE_DAYS = 400  # browsers cap a cookie's life at 400 days (RFC 6265bis)
_READER_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_SENTENCE_ID = re.compile(r"^(?:b\d+|title|dek|byline)\.s\d+$")


def valid_reader_id(text: str) -> bool:
    return bool(_READER_ID.match(text))


def reader_id() -> str:
    """This browser's reader id, made on its first visit (the response then sets the cookie)."""
    known = request.cookies.get(READER_COOKIE, "")
    if valid_reader_id(known):
        return known
    if "new_reader" not in g:
        g.new_reader = secrets.token_urlsafe(18)
    return str(g.new_reader)


def remember_new_reader(response: Response) -> Response:
    """after_request: a reader id handed out during this request goes into its cookie."""
    if "new_reader" in g:
        response.set_cookie(READER_COOKIE, g.new_reader, max_age=READER_COOKIE_DAYS * 86400, httponly=True,
                            samesite="Lax", secure=request.is_secure)
    return response


def saved_position(article_id: str) -> tuple[str, float] | None:
    """This reader's saved place in an article (sentence id, seconds since the epoch), if any."""
    store = _library().store
    return store.position(reader_id(), article_id) if store is not None else None


def _library() -> Library:
    return current_app.extensions["readaloud"].library


@positions.post("/articles/<article_id>/position")
def save(article_id: str) -> tuple[str, int]:
    """``{"sentence": "b12.s3", "saved": <ms since the epoch>}`` from the player, every few seconds."""
    library = _library()
    if library.get(article_id) is None:
        abort(HTTPStatus.NOT_FOUND, description="There is no article with this address in the library.")
    data = request.get_json(silent=True) or {}
    sentence = data.get("sentence") if isinstance(data, dict) else None
    if not isinstance(sentence, str) or not _SENTENCE_ID.match(sentence):
        abort(HTTPStatus.BAD_REQUEST, description="A position is a sentence id such as b12.s3.")
    saved_ms = data.get("saved")
    saved = min(float(saved_ms) / 1000, time.time()) if isinstance(saved_ms, (int, float)) else time.time()
    if library.store is not None:
        library.store.save_position(reader_id(), article_id, sentence, saved)
    return "", HTTPStatus.NO_CONTENT
