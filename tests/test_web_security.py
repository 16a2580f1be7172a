"""The player served to several readers, tried as a security tester would, all on 127.0.0.1.

A second local HTTP server (tests/local_http.py) plays the sites: a "secret" on loopback, redirects to
it and to ftp://, pages that trickle bytes. Refusals use the default policy; allowances use
``READALOUD_ALLOW_PRIVATE_URLS`` (``readaloud serve --allow-private-urls``), since the test site
itself is on loopback.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from local_http import page, redirect, serve, slow
from lxml import html as lxml_html

from readaloud import load
from readaloud.errors import FetchError
from readaloud.netpolicy import REFUSED_IPV4, REFUSED_IPV6, Deadline, Guard, check_address, guarded_handlers, refusal
from readaloud.web import create_app
from readaloud.web.fetching import fetch_for_player
from readaloud.web.limits import Gate

ARTICLE = (
    b"<html lang='en'><head><title>Local news</title></head><body><article><h1>Harbour reopens</h1>"
    + b"".join(
        b"<p>The harbour reopened on Monday after a winter of repairs, and the first ferries of the season "
        b"carried families, cyclists and a brass band across the bay in the spring sunshine.</p>"
        for _ in range(6)
    )
    + b"</article></body></html>"
)
SECRET = b"<html><body><article><h1>Router admin</h1><p>password=hunter2 " + b"secret words " * 60 + b"</p></article></body></html>"


def trickle(interval: float, total_seconds: float = 60.0) -> object:
    """A page that sends one byte every ``interval`` seconds: each read is quick, the page never ends."""

    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        end = time.monotonic() + total_seconds
        try:
            while time.monotonic() < end:
                handler.wfile.write(b"<")
                handler.wfile.flush()
                time.sleep(interval)
        except OSError:
            pass  # the client hung up, as it should

    return respond


def trickled_headers(interval: float) -> object:
    """A server that dribbles its status line, so no response ever starts."""

    def respond(handler: BaseHTTPRequestHandler) -> None:
        try:
            for byte in b"HTTP/1.0 200 OK\r\nX-Slow: " + b"x" * 200:
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
                time.sleep(interval)
        except OSError:
            pass

    return respond


def make_app(tmp_path: Path, samples_dir: Path, **config: object):
    base = {"READALOUD_PATHS": [samples_dir / "multilingual-quote.html"], "READALOUD_CACHE_DIR": str(tmp_path / "cache")}
    return create_app({**base, **config})


def token_of(client) -> str:
    return lxml_html.fromstring(client.get("/").get_data(as_text=True)).cssselect("input[name=csrf_token]")[0].get("value")


def fetch_form(client, url: str):
    return client.post("/articles/fetch", data={"url": url, "csrf_token": token_of(client)})


def error_sentence(response) -> str:
    return lxml_html.fromstring(response.get_data(as_text=True)).get_element_by_id("error-summary").text_content()


# -- the address policy ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"), ("127.255.0.9", "loopback"), ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"), ("2002:7f00:1::", "loopback"), ("0.0.0.0", "unspecified"), ("::", "unspecified"),
        ("10.0.0.8", "private"), ("172.16.5.4", "private"), ("192.168.1.1", "private"), ("fd12::1", "private"),
        ("64:ff9b::c0a8:101", "private"), ("100.64.0.1", "shared"), ("169.254.169.254", "link-local"),
        ("fe80::1%eth0", "link-local"), ("224.0.0.251", "multicast"), ("ff02::1", "multicast"),
        ("255.255.255.255", "broadcast"), ("240.0.0.1", "reserved"), ("::127.0.0.1", "reserved"),
        ("192.0.2.10", "documentation"), ("2001:db8::1", "documentation"),
    ],
)
def test_non_public_addresses_are_refused_by_kind(address, kind):
    assert kind in refusal(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:93.184.215.14", "2a00:1450:4001::200e"])
def test_public_addresses_pass(address):
    assert refusal(address) is None


def test_every_refused_range_names_its_source():
    for network, name, source in (*REFUSED_IPV4, *REFUSED_IPV6):
        assert name and re.match(r"(RFC \d+|IANA )", source), network


# -- refusals through the player (default policy) -------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:{port}/secret",
        "http://localhost:{port}/secret",
        "http://0.0.0.0:{port}/secret",
        "http://2130706433:{port}/secret",  # 127.0.0.1 as one integer
        "http://0x7f.1:{port}/secret",  # and in hex with a short form
        "http://[::1]:{port}/secret",
        "http://[::ffff:127.0.0.1]:{port}/secret",
        "http://127.0.0.1:8000/",  # the player's own default address
        "http://LocalHost:{port}/secret",
    ],
)
def test_loopback_by_name_and_by_number_is_refused(tmp_path, samples_dir, address):
    with serve({"/secret": page(SECRET)}) as site:
        port = site.url.rsplit(":", 1)[1]
        client = make_app(tmp_path, samples_dir).test_client()
        response = fetch_form(client, address.format(port=port))
        assert response.status_code == 422
        sentence = error_sentence(response)
        assert "loopback" in sentence or "unspecified" in sentence or "this network" in sentence
        assert "--allow-private-urls" in sentence and sentence.count(". ") == 0
        assert site.user_agents == [], "nothing reached the secret server"
        assert b"hunter2" not in client.get("/").data


def test_a_redirect_to_loopback_is_refused_at_that_hop(tmp_path):
    """The first hop is let through by name (standing in for a public site); the hop it redirects to is
    resolved, found to be loopback and never contacted."""

    def public_first_hop(host: str, address: str) -> None:
        if host != "127.0.0.1":
            check_address(host, address)

    with serve({"/secret": page(SECRET)}) as site:
        port = site.url.rsplit(":", 1)[1]
        with serve({"/hop": redirect(f"http://localhost:{port}/secret")}) as first:
            with Deadline(5) as deadline, pytest.raises(FetchError, match=r"localhost \(127\.0\.0\.1\) is a loopback address"):
                load.fetch(f"{first.url}/hop", handlers=guarded_handlers(Guard(deadline, public_first_hop, refuse_own_machine=False)))
            assert len(first.user_agents) == 1
        assert site.user_agents == []


def test_the_machines_own_address_is_refused_even_when_the_table_passes_it():
    """A player listening on a public address would pass the table when asked to fetch itself; the
    connection gives it away (source address = destination address). Loopback shows the same."""
    with serve({"/": page(ARTICLE)}) as site, Deadline(5) as deadline:
        with pytest.raises(FetchError, match="127.0.0.1 is this machine's own address"):
            load.fetch(site.url + "/", handlers=guarded_handlers(Guard(deadline, check=lambda host, address: None)))
        assert site.user_agents == [], "refused before the request was sent"


def test_schemes_other_than_http_are_refused_also_on_redirect(tmp_path, samples_dir):
    client = make_app(tmp_path, samples_dir, READALOUD_ALLOW_PRIVATE_URLS=True).test_client()
    for address in ("ftp://127.0.0.1/x", "file:///etc/passwd", "gopher://127.0.0.1:70/", "http:///no-host", "javascript:alert(1)"):
        response = fetch_form(client, address)
        assert response.status_code == 422, address
        assert "http:// or https://" in error_sentence(response)
    with serve({"/ftp": redirect("ftp://127.0.0.1/x"), "/file": redirect("file:///etc/passwd")}) as site:
        ftp = fetch_form(client, site.url + "/ftp")
        assert ftp.status_code == 422 and "not an http(s) address" in error_sentence(ftp)
        file = fetch_form(client, site.url + "/file")  # urllib itself refuses this one, in its own words
        assert file.status_code == 422 and "not allowed" in error_sentence(file)
        assert b"root:" not in file.data


# -- allowances with --allow-private-urls ---------------------------------------------------------


def test_the_operator_can_allow_private_addresses(tmp_path, samples_dir):
    client = make_app(tmp_path, samples_dir, READALOUD_ALLOW_PRIVATE_URLS=True).test_client()
    with serve({"/story": page(ARTICLE)}) as site:
        port = site.url.rsplit(":", 1)[1]
        with serve({"/hop": redirect(f"http://localhost:{port}/story")}) as first:
            for address in (f"{site.url}/story", f"http://localhost:{port}/story", f"{first.url}/hop"):
                response = fetch_form(client, address)
                assert response.status_code == 303, address
                opened = client.get(response.headers["Location"])
                assert b"Harbour reopens" in opened.data


# -- one deadline per fetch -----------------------------------------------------------------------


@pytest.mark.parametrize("route", [trickle(0.2), trickled_headers(0.2)], ids=["body", "headers"])
def test_a_trickling_server_is_cut_off_at_the_deadline(route):
    with serve({"/drip": route}) as site:
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"did not send its page within 1\.5 seconds"):
            fetch_for_player(f"{site.url}/drip", max_bytes=1 << 20, seconds=1.5, allow_private=True)
        assert time.monotonic() - started < 2.5


def test_a_silent_tls_handshake_ends_at_the_deadline():
    """https through the guarded TLS connection: a server that accepts and never answers the hello."""
    import socket

    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"within 1\.5 seconds"):
            fetch_for_player(f"https://127.0.0.1:{port}/", max_bytes=1 << 20, seconds=1.5, allow_private=True)
        assert time.monotonic() - started < 2.5
        with pytest.raises(FetchError, match="loopback"):
            fetch_for_player(f"https://localhost:{port}/", max_bytes=1 << 20, seconds=1.5, allow_private=False)


def test_the_deadline_covers_every_redirect():
    """Three hops of 0.7 s each: every hop is quick enough alone, the whole is not."""
    routes = {
        "/a": lambda h: (time.sleep(0.7), redirect("/b")(h)),
        "/b": lambda h: (time.sleep(0.7), redirect("/end")(h)),
        "/end": slow(0.7, ARTICLE),
    }
    with serve(routes) as site:
        started = time.monotonic()
        with pytest.raises(FetchError, match="redirects included"):
            fetch_for_player(f"{site.url}/a", max_bytes=1 << 20, seconds=1.5, allow_private=True)
        assert time.monotonic() - started < 2.5
        fetched = fetch_for_player(f"{site.url}/a", max_bytes=1 << 20, seconds=5, allow_private=True)
        assert fetched.body == ARTICLE and fetched.url.endswith("/end")


# -- gates: at most N at a time -------------------------------------------------------------------


def test_a_gate_lets_n_run_queues_some_and_turns_the_rest_away():
    gate = Gate(slots=2, max_waiting=1, wait_seconds=5, busy_sentence="busy")
    assert gate.acquire() and gate.acquire()
    outcome: list[bool] = []
    waiter = threading.Thread(target=lambda: outcome.append(gate.acquire()))
    waiter.start()
    while gate.waiting == 0:
        time.sleep(0.01)
    assert gate.acquire() is False, "the queue is full: told at once"
    gate.release()
    waiter.join(timeout=5)
    assert outcome == [True]
    short = Gate(slots=1, max_waiting=1, wait_seconds=0.2, busy_sentence="busy")
    assert short.acquire() and short.acquire() is False  # waited 0.2 s, then gave up


def test_each_app_has_its_own_gates(tmp_path, samples_dir):
    first, second = make_app(tmp_path, samples_dir), make_app(tmp_path, samples_dir)
    assert first.extensions["readaloud"].fetches is not second.extensions["readaloud"].fetches


# -- requests: CSRF, Origin, Host -----------------------------------------------------------------


@pytest.fixture
def client(tmp_path, samples_dir):
    return make_app(tmp_path, samples_dir).test_client()


PASTE = {"text": "A title\n\n" + "A paragraph about the harbour and its ferries in the spring. " * 8}


def test_every_post_form_carries_the_session_token(client):
    doc = lxml_html.fromstring(client.get("/").get_data(as_text=True))
    forms = doc.cssselect("form[method=post]")
    assert len(forms) == 3
    tokens = {form.cssselect("input[type=hidden][name=csrf_token]")[0].get("value") for form in forms}
    assert len(tokens) == 1 and len(tokens.pop()) >= 32


def test_a_post_without_the_right_token_is_403_with_a_sentence(client, tmp_path, samples_dir):
    missing = client.post("/articles/paste", data=PASTE)
    assert missing.status_code == 403
    assert "reload the page" in lxml_html.fromstring(missing.data).cssselect("main p, p")[0].text_content()
    token_of(client)
    assert client.post("/articles/paste", data={**PASTE, "csrf_token": "x" * 43}).status_code == 403
    other = make_app(tmp_path, samples_dir).test_client()
    assert client.post("/articles/paste", data={**PASTE, "csrf_token": token_of(other)}).status_code == 403
    assert client.post("/articles/paste", data={**PASTE, "csrf_token": token_of(client)}).status_code == 303


def test_a_token_is_no_use_with_another_apps_secret(tmp_path, samples_dir):
    """The session cookie is signed with the app's key: a cookie forged elsewhere is no session."""
    forged = make_app(tmp_path, samples_dir).test_client()
    token = token_of(forged)
    cookie = forged.get_cookie("session")
    target = make_app(tmp_path, samples_dir).test_client()
    target.set_cookie("session", cookie.value)
    assert target.post("/articles/paste", data={**PASTE, "csrf_token": token}).status_code == 403


@pytest.mark.parametrize(("origin", "expected"), [("null", 403), ("https://evil.example", 403), ("http://localhost", 303), (None, 303)])
def test_origin_null_and_foreign_origins_are_refused(client, origin, expected):
    headers = {"Origin": origin} if origin else {}
    response = client.post("/articles/paste", data={**PASTE, "csrf_token": token_of(client)}, headers=headers)
    assert response.status_code == expected


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.nip.io", "localhost.evil.example", ""])
def test_a_foreign_host_header_is_400_on_every_route(client, host):
    for path in ("/", "/articles/x", "/static/player.js"):
        response = client.get(path, headers={"Host": host})
        assert response.status_code == 400, (path, host)
        assert "--allowed-host" in response.get_data(as_text=True)
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert client.post("/articles/paste", data=PASTE, headers={"Host": host}).status_code == 400


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST."])
def test_local_names_are_allowed(client, host):
    assert client.get("/", headers={"Host": host}).status_code == 200


def test_the_operator_adds_host_names(tmp_path, samples_dir):
    client = make_app(tmp_path, samples_dir, READALOUD_ALLOWED_HOSTS=["reader.example.org"]).test_client()
    assert client.get("/", headers={"Host": "reader.example.org:443"}).status_code == 200
    assert client.get("/", headers={"Host": "localhost"}).status_code == 400


# -- the real server: pages stay fast while 8 fetches trickle ---------------------------------------

SERVING_LINE = re.compile(r"serving (\d+) articles at (http://\S+?)/? ")


class Reader:
    """A browser session against the real server: the session cookie and the form token."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        library = self.get("/").decode()
        self.token = re.search(r'name="csrf_token" value="([^"]+)"', library).group(1)
        self.article = re.search(r'href="(/articles/[0-9a-f]+)"', library).group(1)

    def get(self, path: str) -> bytes:
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.read()

    def post(self, path: str, fields: dict[str, str]) -> tuple[int, str]:
        data = urllib.parse.urlencode({**fields, "csrf_token": self.token}).encode()
        try:
            with self.opener.open(self.base + path, data=data, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


@pytest.mark.slow  # EPUBCheck (Java), a long synthesis or a trickling server: seconds each
def test_pages_and_audio_stay_fast_while_eight_fetches_trickle(samples_dir, tmp_path):
    command = [
        sys.executable, "-m", "readaloud", "serve", "--port", "0", "--cache-dir", str(tmp_path),
        "--allow-private-urls", "--fetch-timeout", "3", str(samples_dir / "multilingual-quote.html"),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        match = SERVING_LINE.search(process.stdout.readline())
        assert match
        reader = Reader(match.group(2))
        timing = f"{reader.article}/blocks/title.json"
        reader.get(timing)  # synthesised once, then served from memory
        with serve({"/drip": trickle(0.5)}) as site:
            results: list[tuple[int, str]] = []
            started = time.monotonic()
            fetchers = [
                threading.Thread(target=lambda: results.append(reader.post("/articles/fetch", {"url": f"{site.url}/drip"})))
                for _ in range(8)
            ]
            for thread in fetchers:
                thread.start()
            time.sleep(1.0)  # every fetch is now running, waiting or turned away
            waits = []
            for path in ["/", timing] * 5:
                before = time.monotonic()
                reader.get(path)
                waits.append(time.monotonic() - before)
            for thread in fetchers:
                thread.join(timeout=30)
            elapsed = time.monotonic() - started
            print(f"GET / and block timings while 8 fetches trickle: max {max(waits):.3f} s; all answered in {elapsed:.1f} s")
            assert max(waits) < 1.0  # the target is 0.5 s p95; 1 s leaves room for a loaded test machine
            codes = sorted(code for code, _body in results)
            # the first two are cut off at the deadline while their readers wait (the library page's sentence);
            # the others are shown the page that follows their fetch: fetching, or waiting in line
            assert len(codes) == 8 and set(codes) <= {422, 202}, codes
            assert codes.count(422) >= 2 and codes.count(202) >= 2, codes
            assert all("within 3 seconds" in body for code, body in results if code == 422)
            following = [body for code, body in results if code == 202]
            assert all(re.search(r"Waiting for a free place|Fetching the page", body) for body in following)
            assert elapsed < 12  # no reader's request is held for the whole line
            for body in following:  # every fetch in line gets its turn, and its deadline
                progress = re.search(r'data-progress="([^"]+)"', body).group(1)
                deadline = time.monotonic() + 60
                while (state := json.loads(reader.get(progress)))["state"] != "failed":
                    assert time.monotonic() < deadline, state
                    time.sleep(0.2)
                assert "within 3 seconds" in state["sentence"]
    finally:
        process.terminate()
        process.wait(timeout=10)
