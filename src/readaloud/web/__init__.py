"""The web player: a Flask app factory, its blueprints and the library store.

``create_app(config)`` builds a fresh app with its own library and audio maker (on
``app.extensions["readaloud"]``), so tests make one per test and nothing is shared between apps.
``readaloud serve`` runs it under waitress.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from .audio import BlockAudio
from .config import asset_dir, merged_config
from .errors import register_error_pages
from .library import Library
from .routes import State, audio_files, library_pages, player_pages
from .security import add_security_headers, refuse_cross_site_posts


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """A player app: library from ``READALOUD_PATHS`` (default: the bundled samples), audio on demand."""
    app = Flask(
        __name__,
        template_folder=str(asset_dir("templates")),
        static_folder=str(asset_dir("static")),
    )
    app.config.update(merged_config(config))
    library = Library(max_articles=app.config["READALOUD_MAX_ARTICLES"])
    paths = app.config["READALOUD_PATHS"]
    library.add_files([Path(p) for p in paths] if paths is not None else [asset_dir("samples")])
    audio = BlockAudio(
        engine=app.config["READALOUD_ENGINE"],
        rate=app.config["READALOUD_RATE"],
        cache_dir=app.config["READALOUD_CACHE_DIR"],
        segments_in_memory=app.config["READALOUD_SEGMENTS_IN_MEMORY"],
    )
    app.extensions["readaloud"] = State(library=library, audio=audio)
    for blueprint in (library_pages, player_pages, audio_files):
        app.register_blueprint(blueprint)
    app.before_request(refuse_cross_site_posts)
    app.after_request(add_security_headers)
    register_error_pages(app)
    return app


__all__ = ["create_app"]
