"""`readaloud serve` as a user runs it: a real waitress server in a subprocess on 127.0.0.1."""

from __future__ import annotations

import os
import re
import socket
import struct
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

SERVING_LINE = re.compile(r"serving (\d+) articles at (http://\S+?)/? ")


@pytest.fixture
def served(samples_dir: Path, tmp_path: Path):
    command = [sys.executable, "-m", "readaloud", "serve", "--port", "0", "--cache-dir", str(tmp_path), str(samples_dir)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    match = SERVING_LINE.search(line)
    assert match, line
    yield process, match.group(2)
    process.terminate()
    process.wait(timeout=10)


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def test_a_listener_leaving_mid_download_does_not_stop_the_server(served):
    process, base = served
    library = get(base + "/").decode()
    article = re.search(r'href="(/articles/[0-9a-f]+)"', library).group(1)
    player = get(base + article).decode()
    longest = max(re.findall(r'data-block="(b\d+)"', player), key=lambda b: len(get(f"{base}{article}/blocks/{b}.json")))
    host, port = base.removeprefix("http://").split(":")
    request = f"GET {article}/blocks/{longest}.wav HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
    for _ in range(3):  # hang up (TCP reset) after the first bytes, as a closing tab does
        with socket.socket() as connection:
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            connection.connect((host, int(port)))
            # pipelined requests: more audio than the socket buffers hold, so waitress is still writing
            connection.sendall(request * 20)
            connection.recv(64)
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    assert get(base + "/").startswith(b"<!doctype html>")
    assert process.poll() is None


def test_a_missing_path_is_one_sentence_and_its_exit_code(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "readaloud", "serve", "--port", "0", str(tmp_path / "nowhere.html")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 3
    assert result.stderr.strip() == f"readaloud: {tmp_path / 'nowhere.html'} does not exist."


def start(*options: str, cwd: Path | None = None) -> tuple[subprocess.Popen, str]:
    command = [sys.executable, "-m", "readaloud", "serve", "--port", "0", *options]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd)
    line = process.stdout.readline()
    match = SERVING_LINE.search(line)
    assert match, line + process.stderr.read()
    return process, match.group(2)


def status_with_host(port: str, host: str) -> int:
    """GET / on 127.0.0.1 with the given Host header, as a browser sent by a rebinding name would."""
    with socket.create_connection(("127.0.0.1", int(port)), timeout=30) as connection:
        connection.sendall(f"GET / HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
        return int(connection.recv(64).split()[1])


def test_listening_on_every_interface_warns_and_names_the_allowed_hosts(samples_dir, tmp_path):
    process, base = start("--host", "0.0.0.0", "--allowed-host", "Reader.Example.org", "--cache-dir", str(tmp_path),
                          str(samples_dir / "multilingual-quote.html"))
    try:
        port = base.rsplit(":", 1)[1]
        assert status_with_host(port, f"reader.example.org:{port}") == 200
        assert status_with_host(port, f"127.0.0.1:{port}") == 200
        assert status_with_host(port, f"rebound.example:{port}") == 400
    finally:
        process.terminate()
        _, errors = process.communicate(timeout=10)
    assert "reachable from the network" in errors
    assert "localhost, 127.0.0.1, ::1, reader.example.org" in errors and "--allowed-host" in errors


def test_loopback_serving_does_not_warn(samples_dir, tmp_path):
    process, base = start("--cache-dir", str(tmp_path), str(samples_dir / "multilingual-quote.html"))
    try:
        assert status_with_host(base.rsplit(":", 1)[1], "evil.example") == 400
    finally:
        process.terminate()
        _, errors = process.communicate(timeout=10)
    assert "warning" not in errors


@pytest.mark.parametrize("name", ["https://reader.example.org", "", "user@host"])
def test_an_allowed_host_must_be_a_host_name(name):
    result = subprocess.run([sys.executable, "-m", "readaloud", "serve", "--port", "0", "--allowed-host", name],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "--allowed-host takes a host name" in result.stderr


@pytest.mark.parametrize("timeout", ["0", "nan", "-1", "1e9"])
def test_a_bad_fetch_timeout_is_a_usage_sentence(timeout):
    result = subprocess.run([sys.executable, "-m", "readaloud", "serve", "--port", "0", "--fetch-timeout", timeout],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "--fetch-timeout must be" in result.stderr


def test_the_wsgi_app_is_built_from_the_environment(samples_dir, tmp_path):
    """What gunicorn imports: `readaloud.web.wsgi:app`, configured by environment variables."""
    script = (
        "from readaloud.web.wsgi import app\n"
        "c = app.config\n"
        "print(c['READALOUD_ALLOW_PRIVATE_URLS'], c['READALOUD_FETCH_TIMEOUT'], c['SECRET_KEY'], ','.join(c['READALOUD_ALLOWED_HOSTS']))\n"
        "client = app.test_client()\n"
        "print(client.get('/', headers={'Host': 'reader.example.org'}).status_code, len(app.extensions['readaloud'].library.entries()))\n"
    )
    environment = {
        **os.environ, "READALOUD_PATHS": str(samples_dir / "multilingual-quote.html"), "READALOUD_ALLOWED_HOSTS": "reader.example.org",
        "READALOUD_ALLOW_PRIVATE_URLS": "yes", "READALOUD_FETCH_TIMEOUT": "7.5", "READALOUD_SECRET_KEY": "shared-by-workers",
        "READALOUD_CACHE_DIR": str(tmp_path),
    }
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=environment)
    assert result.returncode == 0, result.stderr
    settings, served = result.stdout.splitlines()
    assert settings == "True 7.5 shared-by-workers localhost,127.0.0.1,::1,reader.example.org"
    assert served == "200 1"


def multipart(token: str, name: str, data: bytes) -> tuple[str, bytes]:
    boundary = "readaloud-test-boundary"
    body = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{token}\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
        "Content-Type: text/html\r\n\r\n"
    ).encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", body


def test_a_server_killed_mid_upload_keeps_every_finished_upload(samples_dir, tmp_path):
    """kill -9 while a second upload is half sent: after a restart the first is there, whole."""
    import http.client

    story = (b"<html lang='en'><head><title>Kept</title></head><body><article><h1>Kept across a crash</h1>"
             + b"<p>The harbour reopened on Monday and the first ferries carried families across the bay.</p>" * 6
             + b"</article></body></html>")
    options = ("--data-dir", str(tmp_path / "data"), "--cache-dir", str(tmp_path / "cache"), str(samples_dir / "multilingual-quote.html"))
    process, base = start(*options)
    try:
        host, port = base.removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        connection.request("GET", "/")
        library = connection.getresponse()
        cookie = "; ".join(c.split(";")[0] for c in library.headers.get_all("Set-Cookie"))  # session and reader
        token = re.search(r'name="csrf_token" value="([^"]+)"', library.read().decode()).group(1)
        content_type, body = multipart(token, "kept.html", story)
        connection.request("POST", "/articles/upload", body=body, headers={"Content-Type": content_type, "Cookie": cookie})
        finished = connection.getresponse()
        assert finished.status == 303
        kept_path = finished.getheader("Location")
        finished.read()
        _, second = multipart(token, "half.html", story.replace(b"Kept", b"Half"))
        with socket.create_connection((host, int(port)), timeout=30) as half:
            half.sendall(f"POST /articles/upload HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\n"
                         f"Content-Type: {content_type}\r\nContent-Length: {len(second)}\r\n\r\n".encode() + second[: len(second) // 2])
            process.kill()  # SIGKILL: no cleanup of any kind
            process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
    restarted, base = start(*options)
    try:
        library = get(base + "/").decode()
        assert len(set(re.findall(r'href="(/articles/[0-9a-f]+)"', library))) == 2  # the sample and the kept upload
        assert "Kept across a crash" in get(base + kept_path).decode()
        assert "Half across" not in library
    finally:
        restarted.terminate()
        restarted.wait(timeout=10)


def test_the_default_data_folder_follows_the_platform_and_the_environment(tmp_path):
    from readaloud.web.config import default_data_dir

    assert default_data_dir({"READALOUD_DATA_DIR": str(tmp_path / "mine")}) == tmp_path / "mine"
    if sys.platform.startswith("linux"):
        assert default_data_dir({"XDG_DATA_HOME": str(tmp_path / "xdg")}) == tmp_path / "xdg" / "readaloud"
        assert default_data_dir({"XDG_DATA_HOME": "relative"}) == Path.home() / ".local" / "share" / "readaloud"
        assert default_data_dir({}) == Path.home() / ".local" / "share" / "readaloud"


def test_the_test_suite_never_uses_the_real_data_folder(tmp_path_factory):
    """conftest.py points READALOUD_DATA_DIR at a temporary folder for every test and subprocess."""
    data_dir = Path(os.environ["READALOUD_DATA_DIR"]).resolve()
    assert data_dir.is_relative_to(tmp_path_factory.getbasetemp().resolve())
    assert not any(data_dir.iterdir()), "a fresh, empty folder for each test"


def test_serve_keeps_the_library_in_the_default_data_folder(samples_dir, tmp_path):
    """Without --data-dir an upload still survives a restart: it lives in $READALOUD_DATA_DIR."""
    options = ("--cache-dir", str(tmp_path / "cache"), str(samples_dir / "multilingual-quote.html"))
    story = (b"<html lang='en'><head><title>Default</title></head><body><article><h1>Kept by default</h1>"
             + b"<p>The library opened a new reading room on Monday, with long tables and quiet lamps for all.</p>" * 6
             + b"</article></body></html>")
    process, base = start(*options)
    try:
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        token = re.search(r'name="csrf_token" value="([^"]+)"', opener.open(base + "/", timeout=30).read().decode()).group(1)
        content_type, body = multipart(token, "default.html", story)
        request = urllib.request.Request(base + "/articles/upload", data=body, headers={"Content-Type": content_type})
        assert b"Kept by default" in opener.open(request, timeout=60).read()
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert (Path(os.environ["READALOUD_DATA_DIR"]) / "library.sqlite3").is_file()
    restarted, base = start(*options)
    try:
        assert "Kept by default" in get(base + "/").decode()
    finally:
        restarted.terminate()
        restarted.wait(timeout=10)
