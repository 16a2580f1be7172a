"""A real HTTP server on 127.0.0.1 for tests of URL fetching (redirects, errors, slow and huge replies)."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[BaseHTTPRequestHandler], None]


def page(body: bytes, content_type: str = "text/html; charset=utf-8") -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return respond


def gzipped(body: bytes) -> Route:
    packed = gzip.compress(body)

    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Encoding", "gzip")
        handler.send_header("Content-Length", str(len(packed)))
        handler.end_headers()
        handler.wfile.write(packed)

    return respond


def redirect(location: str, status: int = 302) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return respond


def status(code: int) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_error(code)

    return respond


def slow(delay: float, body: bytes = b"<p>late</p>") -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(delay)
        page(body)(handler)

    return respond


def endless(chunk: bytes = b"<p>" + b"x" * 65536 + b"</p>\n", declared_length: int | None = None) -> Route:
    """A body with no end (or a huge declared length): the client must stop at its size limit."""

    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        if declared_length is not None:
            handler.send_header("Content-Length", str(declared_length))
        handler.end_headers()
        try:
            for _ in range(10_000):  # at most ~650 MB, far beyond any test limit
                handler.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    return respond


@dataclass
class LocalServer:
    """The running server's base URL and the User-Agent of every request it saw."""

    url: str
    user_agents: list[str] = field(default_factory=list)


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[LocalServer]:
    """Serve ``routes`` (path -> responder) on a free port of 127.0.0.1."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            seen.append(self.headers.get("User-Agent", ""))
            routes.get(self.path.split("?")[0], status(404))(self)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalServer(url=f"http://127.0.0.1:{server.server_address[1]}", user_agents=seen)
    finally:
        server.shutdown()
        server.server_close()


def cut_short(body: bytes, declared_length: int) -> Route:
    """Promise ``declared_length`` bytes, send fewer, hang up (a crashed or restarted server)."""

    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(declared_length))
        handler.end_headers()
        handler.wfile.write(body)

    return respond
