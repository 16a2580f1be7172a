"""`readaloud serve` as a user runs it: a real waitress server in a subprocess on 127.0.0.1."""

from __future__ import annotations

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
