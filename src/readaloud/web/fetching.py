"""The player's "open a web address": the shared fetcher under the server's address policy and deadline.

``readaloud.load.fetch`` does the HTTP work for every front end; here it gets the guarded handlers
of :mod:`readaloud.netpolicy`, so each hop's resolved address is checked (unless the operator ran
``readaloud serve --allow-private-urls``) and the whole fetch, redirects included, ends by one
deadline.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .. import load
from ..errors import FetchError, UsageError
from ..netpolicy import Deadline, Guard, check_address, guarded_handlers


def check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in load.WEB_SCHEMES or not parts.hostname:
        raise UsageError("the address must start with http:// or https:// and name a site.")


def fetch_for_player(url: str, *, max_bytes: int, seconds: float, allow_private: bool) -> load.Fetched:
    """The page at ``url`` or a one-sentence FetchError: refused address, failure, or out of time."""
    check_scheme(url)
    with Deadline(seconds) as deadline:
        guard = Guard(deadline=deadline, check=None if allow_private else check_address)
        try:
            fetched = load.fetch(url, timeout=seconds, max_bytes=max_bytes, handlers=guarded_handlers(guard))
        except FetchError:
            if deadline.passed:
                raise out_of_time(url, seconds) from None
            raise
    if deadline.passed:  # the watchdog hung up: what arrived is only part of the page
        raise out_of_time(url, seconds)
    return fetched


def out_of_time(url: str, seconds: float) -> FetchError:
    return FetchError(f"{url} did not send its page within {seconds:g} seconds (redirects included); try again later")
