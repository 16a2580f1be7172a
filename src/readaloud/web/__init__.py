"""The web player: a Flask app factory, its blueprints and the library store.

``create_app(config)`` builds a fresh app with its own library and audio maker (on
``app.extensions["readaloud"]``), so tests make one per test and nothing is shared between apps.
``readaloud serve`` runs it under waitress.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from flask import Flask

from .audio import BlockAudio
from .config import asset_dir, merged_config
from .downloads import downloads, downloads_for
from .errors import register_error_pages
from .jobs import Preparations
from .library import Library
from .limits import Gate
from .positions import positions, remember_new_reader
from .queue import queue_pages
from .routes import State, audio_files, library_pages, player_pages
from .security import (
    add_security_headers,
    csrf_token,
    refuse_cross_site_posts,
    require_allowed_host,
    require_csrf_token,
)
from .store import ArticleStore

# How long opening a stored article waits for a preparation slot: an article prepares in well under this.
PREPARATION_WAIT_SECONDS = 60.0


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """A player app: library from ``READALOUD_PATHS`` (default: the bundled samples) and the data
    folder, articles prepared when opened, audio on demand."""
    app = Flask(
        __name__,
        template_folder=str(asset_dir("templates")),
        static_folder=str(asset_dir("static")),
    )
    app.config.update(merged_config(config))
    data_dir = app.config["READALOUD_DATA_DIR"]
    store = ArticleStore(Path(data_dir)) if data_dir else None
    library = Library(
        max_articles=app.config["READALOUD_MAX_ARTICLES"],
        store=store,
        prepared_in_memory=app.config["READALOUD_PREPARED_IN_MEMORY"],
        prepared_words=app.config["READALOUD_PREPARED_WORDS_IN_MEMORY"],
    )
    paths = app.config["READALOUD_PATHS"]
    library.add_files([Path(p) for p in paths] if paths is not None else [asset_dir("samples")])
    library.load_stored()
    audio = BlockAudio(
        engine=app.config["READALOUD_ENGINE"],
        rate=app.config["READALOUD_RATE"],
        cache_dir=app.config["READALOUD_CACHE_DIR"],
        segments_in_memory=app.config["READALOUD_SEGMENTS_IN_MEMORY"],
    )
    app_gates = gates(app.config)
    preparations = Preparations(
        library, app_gates["preparations"], workers=app.config["READALOUD_MAX_PREPARATIONS"],
        max_queued=app.config["READALOUD_MAX_QUEUED_PREPARATIONS"],
        fetch_gate=app_gates["fetches"], fetch_workers=app.config["READALOUD_MAX_FETCHES"],
    )
    app.extensions["readaloud"] = State(library=library, audio=audio, jobs=preparations, **app_gates)
    app.extensions["readaloud-downloads"] = downloads_for(app.config)
    for blueprint in (library_pages, player_pages, audio_files, downloads, positions, queue_pages):
        app.register_blueprint(blueprint)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secrets.token_bytes(32)  # per app: sessions end with the process
    for check in (require_allowed_host, refuse_cross_site_posts, require_csrf_token):
        app.before_request(check)
    app.after_request(add_security_headers)
    app.after_request(remember_new_reader)
    app.jinja_env.globals["csrf_token"] = csrf_token
    register_error_pages(app)
    return app


def gates(config: dict[str, Any]) -> dict[str, Gate]:
    """The app's own fetch and preparation gates (never shared between apps)."""
    waiting = config["READALOUD_MAX_WAITING"]
    return {
        "fetches": Gate(
            config["READALOUD_MAX_FETCHES"], waiting, config["READALOUD_FETCH_TIMEOUT"],
            "The player is busy fetching other pages; try again in a minute.",
        ),
        "preparations": Gate(
            config["READALOUD_MAX_PREPARATIONS"], waiting, PREPARATION_WAIT_SECONDS,
            "The player is busy preparing other articles; try again in a minute.",
        ),
    }


__all__ = ["create_app"]
