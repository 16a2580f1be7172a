"""Configuration of the web player as data, and where its templates, static files and samples live.

Every setting has a default here; ``create_app(config)`` overlays the caller's dict, so tests and the
``serve`` command say what differs and nothing else. No setting is read from module state at request
time: handlers read ``current_app.config``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

MEGABYTE = 1024 * 1024

DEFAULT_CONFIG: dict[str, Any] = {
    # Article files or folders shown in the library at start; None means the bundled samples/.
    "READALOUD_PATHS": None,
    # Uploads and pastes larger than this get a 413 page. Saved article pages are typically
    # 50 KB - 2 MB of HTML; 10 MB admits the heaviest long-reads while keeping a bad upload cheap.
    "MAX_CONTENT_LENGTH": 10 * MEGABYTE,
    # Pasted text arrives as a form field, which Werkzeug limits separately from files.
    "MAX_FORM_MEMORY_SIZE": 10 * MEGABYTE,
    # Speech: engine (None = the platform default), server-side words per minute. The listener's
    # speed is applied in the browser (playbackRate with preservesPitch), so the audio cache is
    # shared by every speed and changing speed is instant.
    "READALOUD_ENGINE": None,
    "READALOUD_RATE": 175,
    # Audio cache directory; None means $READALOUD_CACHE_DIR or ~/.cache/readaloud.
    "READALOUD_CACHE_DIR": None,
    # How many synthesised blocks stay in memory for the few requests that follow synthesis
    # (timings, then audio, then range requests): a few screens of article per listener.
    "READALOUD_SEGMENTS_IN_MEMORY": 64,
    # Articles readers add (upload, paste, fetch) are kept in READALOUD_DATA_DIR/library.sqlite3, or
    # only in memory when it is None (`readaloud serve` and the WSGI app default to
    # default_data_dir()). At most this many: a full library says so, nothing is dropped.
    "READALOUD_MAX_ARTICLES": 200,
    "READALOUD_DATA_DIR": None,
    # Prepared articles kept in memory (the library lists summaries; an article is prepared when
    # opened): at most this many, and at most this many words together, since one long-read weighs
    # as much as dozens of short articles. The 1,050-word sample prepared holds about 60 KB
    # (tracemalloc), so the word bound is some 60 MB; 256 covers many readers at once.
    "READALOUD_PREPARED_IN_MEMORY": 256,
    "READALOUD_PREPARED_WORDS_IN_MEMORY": 1_000_000,
    # An upload, paste or fetched page is prepared by a background worker (one per preparation slot).
    # The reader's request waits this long for it: a typical article is ready and opens at once; a
    # large one (or one that waits for a slot) shows a page that follows its progress instead.
    "READALOUD_PREPARATION_INLINE_SECONDS": 5.0,
    # Background preparations that may wait for a slot; each holds its source (<= MAX_CONTENT_LENGTH).
    "READALOUD_MAX_QUEUED_PREPARATIONS": 8,
    # "Open a web address" refuses loopback, private, link-local, multicast and reserved addresses
    # (readaloud.netpolicy) unless this is True: `readaloud serve --allow-private-urls`, for one user
    # at home who wants to read pages from their own network.
    "READALOUD_ALLOW_PRIVATE_URLS": False,
    # One deadline for a whole fetch, redirects included: what a reader waits at most.
    "READALOUD_FETCH_TIMEOUT": 20.0,
    # At most this many fetches and this many article preparations run at once (each a gate per app).
    # Fetches and added articles run on background workers (web/jobs.py) and wait in line there
    # (READALOUD_MAX_QUEUED_PREPARATIONS of each kind); a stored article opened when it is no longer
    # prepared is prepared on its request thread, with up to READALOUD_MAX_WAITING requests waiting
    # for a slot (the rest go to the background line). Waitress has SERVER_THREADS threads: 2 + 4
    # busy still leaves the others for pages and audio.
    "READALOUD_MAX_FETCHES": 2,
    "READALOUD_MAX_PREPARATIONS": 2,
    "READALOUD_MAX_WAITING": 4,
    # Host names (no port) this player answers to; any other Host header is a 400 (DNS rebinding).
    # `readaloud serve` adds the address it listens on and every --allowed-host.
    "READALOUD_ALLOWED_HOSTS": ["localhost", "127.0.0.1", "::1"],
    # Signs the session cookie that holds the CSRF token. None: a fresh random key per app, which
    # is right for one process; several processes (gunicorn workers) must share one.
    "SECRET_KEY": None,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_HTTPONLY": True,
}


def repository_root() -> Path:
    """The checkout this package runs from (``src/readaloud/web`` -> the repository root)."""
    return Path(__file__).resolve().parents[3]


def asset_dir(name: str) -> Path:
    """``templates``/``static``/``samples``: the checkout's top-level folder, or the installed copy.

    The design puts these folders at the top level of the repository; ``setup.py`` copies them into
    the package when a wheel is built, so an installed readaloud finds them next to this module.
    """
    in_checkout = repository_root() / name
    if in_checkout.is_dir() and (repository_root() / "pyproject.toml").is_file():
        return in_checkout
    return Path(__file__).resolve().parent / name


def default_data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Where the library lives when the operator names no folder: ``$READALOUD_DATA_DIR``, else the
    platform's user data folder (the XDG rule on Linux, as ``platformdirs`` would say, written small
    so the player needs no extra package)."""
    environ = os.environ if environ is None else environ
    if explicit := environ.get("READALOUD_DATA_DIR", "").strip():
        return Path(explicit).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        return Path(environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "readaloud"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "readaloud"
    xdg = environ.get("XDG_DATA_HOME", "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"  # the spec ignores relative ones
    return base / "readaloud"


def merged_config(overrides: dict[str, Any] | None) -> dict[str, Any]:
    """The defaults with the caller's values on top; unknown keys pass through (Flask's own)."""
    config = dict(DEFAULT_CONFIG)
    config.update(overrides or {})
    return config


# What an environment variable may say for "on" (anything else is off).
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})

# Environment variables a WSGI server (gunicorn) passes instead of `readaloud serve`'s options:
# name -> (config key, how the text becomes the value).
ENVIRONMENT_SETTINGS: dict[str, tuple[str, Any]] = {
    "READALOUD_PATHS": ("READALOUD_PATHS", lambda text: [Path(part) for part in text.split(os.pathsep) if part]),
    "READALOUD_ALLOWED_HOSTS": (
        "READALOUD_ALLOWED_HOSTS",
        lambda text: [*DEFAULT_CONFIG["READALOUD_ALLOWED_HOSTS"], *(h.strip() for h in text.split(",") if h.strip())],
    ),
    "READALOUD_ALLOW_PRIVATE_URLS": ("READALOUD_ALLOW_PRIVATE_URLS", lambda text: text.strip().lower() in TRUE_WORDS),
    "READALOUD_FETCH_TIMEOUT": ("READALOUD_FETCH_TIMEOUT", float),
    "READALOUD_SECRET_KEY": ("SECRET_KEY", str),
    "READALOUD_ENGINE": ("READALOUD_ENGINE", str),
    # Behind a TLS reverse proxy: the session cookie (the CSRF token) only travels over https.
    "READALOUD_SECURE_COOKIES": ("SESSION_COOKIE_SECURE", lambda text: text.strip().lower() in TRUE_WORDS),
}


def config_from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """The settings given as environment variables (the cache folder is read by the audio cache itself);
    the library is kept in the data folder (``READALOUD_DATA_DIR`` or the user's data folder)."""
    config: dict[str, Any] = {"READALOUD_DATA_DIR": str(default_data_dir(environ))}
    for variable, (key, parse) in ENVIRONMENT_SETTINGS.items():
        text = environ.get(variable)
        if text is not None and text.strip():
            config[key] = parse(text)
    return config
