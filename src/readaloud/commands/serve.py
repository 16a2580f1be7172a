"""``readaloud serve [PATH ...]``: the web player on waitress, a production WSGI server.

Waitress serves each request on one of its threads, so a long synthesis never blocks the page or
another listener; the app itself holds no global state (see :mod:`readaloud.web`).
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from ..errors import InputError, UsageError

DEFAULT_HOST = "127.0.0.1"  # the player is for this machine's user; --host 0.0.0.0 shares it knowingly
DEFAULT_PORT = 8000
# Synthesis runs in request threads: one per core keeps espeak busy, the rest answer pages and the
# audio that is already made.
SERVER_THREADS = 8


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readaloud serve",
        description="Run the web player: a library of articles read aloud block by block, for keyboard and screen-reader users.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: the bundled samples)")
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default {DEFAULT_PORT}; 0 picks a free one)")
    parser.add_argument("--cache-dir", default=None, help="audio cache directory (default $READALOUD_CACHE_DIR or ~/.cache/readaloud)")
    parser.add_argument("--engine", default=None, help="speech engine (default: the platform's)")
    return parser


def check_paths(paths: list[str]) -> list[Path]:
    """Every PATH must exist: a typo should stop the server with one sentence, not show an empty library."""
    checked = [Path(p) for p in paths]
    for path in checked:
        if not path.exists():
            raise InputError(f"{path} does not exist.")
    return checked


def ignore_broken_pipes() -> None:
    """A listener who leaves a page mid-download closes the socket waitress is writing to.

    The CLI restores SIGPIPE's default (die quietly) so ``readaloud extract | head`` behaves; a server
    must instead get EPIPE as an error on that one connection, which waitress handles, and keep serving.
    """
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)


def run(args: argparse.Namespace) -> int:
    from waitress.server import create_server

    from ..web import create_app

    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535, not {args.port}.")
    config = {"READALOUD_PATHS": check_paths(args.paths) if args.paths else None}
    if args.cache_dir:
        config["READALOUD_CACHE_DIR"] = args.cache_dir
    if args.engine:
        config["READALOUD_ENGINE"] = args.engine
    app = create_app(config)
    try:
        server = create_server(app, host=args.host, port=args.port, threads=SERVER_THREADS)
    except OSError as error:
        raise UsageError(f"cannot listen on {args.host}:{args.port} ({error.strerror or error}).") from error
    ignore_broken_pipes()
    host, port = server.effective_host, server.effective_port
    shown = f"[{host}]" if ":" in str(host) else host
    print(f"readaloud: serving {len(app.extensions['readaloud'].library.entries())} articles at http://{shown}:{port}/ (Ctrl+C stops)", flush=True)
    for problem in app.extensions["readaloud"].library.problems():
        print(f"readaloud: skipped {problem.source}: {problem.message}", file=sys.stderr)
    try:
        server.run()
    finally:
        server.close()
    return 0
