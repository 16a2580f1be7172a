"""``readaloud serve [PATH ...]``: the web player on waitress, a production WSGI server.

Waitress serves each request on one of its threads, so a long synthesis never blocks the page or
another listener; the app itself holds no global state (see :mod:`readaloud.web`).
"""

from __future__ import annotations

import argparse
import ipaddress
import signal
import sqlite3
import sys
from pathlib import Path

from ..errors import InputError, UsageError
from .speak import add_voices_dir_option, use_voices_folder

DEFAULT_HOST = "127.0.0.1"  # the player is for this machine's user; --host 0.0.0.0 shares it knowingly
DEFAULT_PORT = 8000
# Synthesis runs in request threads: one per core keeps espeak busy, the rest answer pages and the
# audio that is already made. Fetches and uploads run on the app's background workers; preparing a
# stored article on opening holds at most 2 running + 4 waiting request threads (web/config.py), so
# 16 leaves at least 10 for pages and audio whatever readers paste.
SERVER_THREADS = 16
# The names a browser on this machine uses for it; always allowed as Host headers.
LOCAL_HOST_NAMES = ("localhost", "127.0.0.1", "::1")
# Addresses that mean "every interface": not a name anyone types, and a sign the player is shared.
ALL_INTERFACES = frozenset({"0.0.0.0", "::", ""})


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
    add_voices_dir_option(parser)
    parser.add_argument(
        "--allowed-host", action="append", default=[], metavar="NAME",
        help="a host name readers use to reach the player (repeatable; localhost and the listening address are always allowed)",
    )
    parser.add_argument(
        "--allow-private-urls", action="store_true",
        help="let 'open a web address' fetch loopback and private-network addresses (for a single user at home)",
    )
    parser.add_argument(
        "--data-dir", default=None, metavar="DIR",
        help="keep the articles readers add in DIR/library.sqlite3 across restarts "
        "(default $READALOUD_DATA_DIR, else the user's data folder: ~/.local/share/readaloud on Linux)",
    )
    parser.add_argument(
        "--fetch-timeout", type=float, default=None, metavar="SECONDS",
        help="the most one 'open a web address' fetch may take, redirects included (default 20)",
    )
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


def allowed_hosts(host: str, extra: list[str]) -> list[str]:
    """The Host names the player answers to: this machine's, the listening address, the operator's."""
    names = [*LOCAL_HOST_NAMES]
    if host not in ALL_INTERFACES:
        names.append(host)
    for name in (name.strip() for name in extra):
        if not name or any(char in name for char in "/@ "):
            raise UsageError(f"--allowed-host takes a host name such as reader.example.org, not {name!r}.")
        names.append(name)
    return list(dict.fromkeys(name.lower() for name in names))


def app_config(args: argparse.Namespace) -> dict[str, object]:
    """What differs from the app's defaults, from the command line."""
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535, not {args.port}.")
    config: dict[str, object] = {
        "READALOUD_PATHS": check_paths(args.paths) if args.paths else None,
        "READALOUD_ALLOWED_HOSTS": allowed_hosts(args.host, args.allowed_host),
        "READALOUD_ALLOW_PRIVATE_URLS": args.allow_private_urls,
    }
    if args.fetch_timeout is not None:
        if not 0 < args.fetch_timeout <= 3600:  # also refuses nan
            raise UsageError(f"--fetch-timeout must be more than 0 and at most 3600 seconds, not {args.fetch_timeout:g}.")
        config["READALOUD_FETCH_TIMEOUT"] = args.fetch_timeout
    if args.cache_dir:
        config["READALOUD_CACHE_DIR"] = args.cache_dir
    config["READALOUD_DATA_DIR"] = str(data_dir(args))
    if args.engine:
        config["READALOUD_ENGINE"] = args.engine
    return config


def data_dir(args: argparse.Namespace) -> Path:
    from ..web.config import default_data_dir

    return Path(args.data_dir).expanduser() if args.data_dir else default_data_dir()


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: it may well name a network interface


def warn_if_shared(host: str, hosts: list[str], allow_private: bool) -> None:
    """Listening beyond loopback puts the player on the network: say so, and what it answers to."""
    if not is_loopback(host):
        print(
            f"readaloud: warning: listening on {host or 'every address'} makes the player reachable from the network; "
            f"it answers only to the host names {', '.join(hosts)} (add the names readers use with --allowed-host)",
            file=sys.stderr,
        )
        if allow_private:
            print("readaloud: warning: --allow-private-urls lets every reader fetch addresses on this machine and its network", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from waitress.server import create_server

    from ..web import create_app

    use_voices_folder(args.voices_dir)
    config = app_config(args)
    try:
        app = create_app(config)
    except (OSError, sqlite3.Error) as error:  # the data folder: unwritable, or not our database
        raise UsageError(f"cannot keep the library in {data_dir(args)} ({getattr(error, 'strerror', None) or error}).") from error
    try:
        server = create_server(app, host=args.host, port=args.port, threads=SERVER_THREADS)
    except (OSError, ValueError) as error:  # ValueError: a host that is no address ("256.1.1.1")
        raise UsageError(f"cannot listen on {args.host}:{args.port} ({getattr(error, 'strerror', None) or error}).") from error
    ignore_broken_pipes()
    warn_if_shared(args.host, app.config["READALOUD_ALLOWED_HOSTS"], args.allow_private_urls)
    host, port = server.effective_host, server.effective_port
    shown = f"[{host}]" if ":" in str(host) else host
    print(f"readaloud: serving {len(app.extensions['readaloud'].library.entries())} articles at http://{shown}:{port}/ (Ctrl+C stops)", flush=True)
    for problem in app.extensions["readaloud"].library.problems():
        print(f"readaloud: skipped {problem.source}: {problem.message}", file=sys.stderr)
    try:
        server.run()
    finally:
        server.close()
        app.extensions["readaloud"].jobs.shutdown()
    return 0
