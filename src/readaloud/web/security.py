"""Headers and checks that keep pasted pages inert and other sites out.

The player never shows a page as it came, only extracted text escaped by Jinja; the Content Security
Policy is the second wall: scripts and styles only from our own static files, nothing inline, no
frames, no plugins, forms posting only to us.

Every request must name one of the allowed hosts (a page on evil.example whose name is re-pointed at
127.0.0.1, DNS rebinding, sends ``Host: evil.example``). Every state-changing request must carry the
session's CSRF token (a hidden field of each form): an Origin check alone misses browsers and
privacy tools that send no Origin, and ``Origin: null`` comes from sandboxed frames and
``data:`` pages, which any site can make, so it is refused.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable
from http import HTTPStatus
from urllib.parse import urlsplit

from flask import Response, abort, current_app, request, session

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
    # same-origin, not no-referrer: under no-referrer Chromium sends ``Origin: null`` with the
    # player's own form posts, which the Origin check must refuse (so no upload ever worked in it);
    # links to other sites still carry no referrer.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def add_security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


CSRF_FIELD = "csrf_token"  # the hidden form field, and the session key that holds the token
CSRF_HEADER = "X-CSRF-Token"  # the same token, for scripts that post without a form


def refuse_cross_site_posts() -> None:
    """A page on another site must not add articles to this library: browsers send Origin on POST."""
    if request.method not in UNSAFE_METHODS:
        return
    origin = request.headers.get("Origin")
    if origin is None:
        return  # no Origin (older browsers, privacy settings): the CSRF token still decides
    if origin == "null" or urlsplit(origin).netloc.lower() != request.host.lower():
        abort(HTTPStatus.FORBIDDEN, description="Forms from other sites cannot add articles to this library.")


def csrf_token() -> str:
    """This session's token, made on first use; templates put it in every form that posts."""
    token = session.get(CSRF_FIELD)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        session[CSRF_FIELD] = token
    return token


def require_csrf_token() -> None:
    """Every POST carries the session's token: a page elsewhere can make a browser post, not read it."""
    if request.method not in UNSAFE_METHODS:
        return
    expected = session.get(CSRF_FIELD)
    sent = request.headers.get(CSRF_HEADER) or request.form.get(CSRF_FIELD, "")
    if not isinstance(expected, str) or not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        abort(
            HTTPStatus.FORBIDDEN,
            description="This form has expired or did not come from this player; reload the page and send it again.",
        )


def host_name(host_header: str) -> str:
    """The name part of a Host header, lower case, without port, brackets or a final dot."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    if host.count(":") > 1:
        return host  # a bare IPv6 address, as an operator writes it in the allowed list
    name, _, port = host.rpartition(":")
    if name and port.isdigit():
        host = name
    return host.rstrip(".")


def normalised_hosts(hosts: Iterable[str]) -> frozenset[str]:
    return frozenset(host_name(host) for host in hosts)


def require_allowed_host() -> None:
    """Answer only to the names the operator gave: a foreign Host header is a 400 with a sentence."""
    allowed = current_app.config["READALOUD_ALLOWED_HOSTS"]
    if host_name(request.headers.get("Host", "")) not in normalised_hosts(allowed):
        abort(
            HTTPStatus.BAD_REQUEST,
            description="This player does not answer to this host name; its operator can add it with --allowed-host.",
        )
