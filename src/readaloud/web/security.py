"""Headers and checks that keep pasted pages inert and other sites out.

The player never shows a page as it came, only extracted text escaped by Jinja; the Content Security
Policy is the second wall: scripts and styles only from our own static files, nothing inline, no
frames, no plugins, forms posting only to us.
"""

from __future__ import annotations

from http import HTTPStatus
from urllib.parse import urlsplit

from flask import Response, abort, request

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "media-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def add_security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def refuse_cross_site_posts() -> None:
    """A page on another site must not add articles to this library: browsers send Origin on POST."""
    if request.method not in UNSAFE_METHODS:
        return
    origin = request.headers.get("Origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.host:
        abort(HTTPStatus.FORBIDDEN, description="Forms from other sites cannot add articles to this library.")
