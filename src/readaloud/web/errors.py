"""Plain, accessible error pages: a heading that says what happened, one sentence, a way back."""

from __future__ import annotations

from http import HTTPStatus

from flask import Flask, current_app, render_template
from werkzeug.exceptions import HTTPException, InternalServerError

from .view import UI_LANG

# What each error means to a listener; the HTTP reason phrase is too terse to help anyone.
ERROR_TEXTS = {
    HTTPStatus.BAD_REQUEST: ("Something was missing", "The request could not be understood."),
    HTTPStatus.FORBIDDEN: ("Not allowed", "This request is not allowed."),
    HTTPStatus.NOT_FOUND: ("Not found", "There is nothing at this address."),
    HTTPStatus.METHOD_NOT_ALLOWED: ("Not allowed", "This address cannot be used that way."),
    HTTPStatus.REQUEST_ENTITY_TOO_LARGE: (
        "File too large",
        "The file or text you sent is larger than this player accepts ({limit} MB). Save just the article page and try again.",
    ),
    HTTPStatus.SERVICE_UNAVAILABLE: ("The player is busy", "The player is busy; try again in a minute."),
    HTTPStatus.INTERNAL_SERVER_ERROR: ("Something went wrong", "The player hit a problem it did not expect; the details are in the server's log."),
}


def error_page(error: HTTPException) -> tuple[str, int]:
    """The error as a page; a description given to ``abort`` (not Werkzeug's default) says it best."""
    status = HTTPStatus(error.code or HTTPStatus.INTERNAL_SERVER_ERROR)
    heading, sentence = ERROR_TEXTS.get(status, (status.phrase, status.description + "."))
    if error.description and error.description != type(error).description:
        sentence = error.description
    if status == HTTPStatus.REQUEST_ENTITY_TOO_LARGE:
        sentence = sentence.format(limit=current_app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024))
    page = render_template("error.html", status=status.value, heading=heading, detail=sentence, ui_lang=UI_LANG)
    return page, status.value


def register_error_pages(app: Flask) -> None:
    app.register_error_handler(HTTPException, error_page)
    app.register_error_handler(InternalServerError, error_page)
