"""The shared player under load: a real `readaloud serve` on 127.0.0.1, started by this script.

Side by side in one run, each figure printed beside its target (issue 11):

* cold: 50 concurrent listeners on 50 different, never-seen articles (built from the samples' text
  with shuffled paragraphs and numbered titles, so every block misses the audio cache): p95 time to
  first audio, from pressing Play (the request for the first spoken block's audio) to its first bytes;
* warm: the same on the bundled samples once their first blocks are made;
* while 8 fetches trickle (a second local server sends one byte every 2 s): p95 of `GET /` and of
  block audio;
* memory: the server's RSS after the first 50 uploads of real pages (the samples, each made unique
  by one extra paragraph) and over the next 500 (older uploads deleted, so the library stays under
  its quota): flat within 10 %?

Run:  .venv/bin/python benchmarks/serve.py [--quick]     (--quick: 20 listeners, 20 + 100 uploads)
"""

from __future__ import annotations

import argparse
import http.client
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from lxml import html as lxml_html

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SERVING_LINE = re.compile(r"serving \d+ articles at (http://\S+?)/? ")
TARGET_COLD_S = 1.0
TARGET_WARM_S = 0.3
TARGET_TRICKLE_S = 0.5
TARGET_MEMORY_GROWTH = 0.10
BOUNDARY = "readaloud-benchmark"


# -- the server and a reader's session ----------------------------------------------------------------


def start_server(workdir: Path, fetch_timeout: float) -> tuple[subprocess.Popen, str]:
    command = [sys.executable, "-m", "readaloud", "serve", "--port", "0", "--cache-dir", str(workdir / "cache"),
               "--data-dir", str(workdir / "data"), "--allow-private-urls", "--fetch-timeout", str(fetch_timeout),
               str(SAMPLES)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    match = SERVING_LINE.search(process.stdout.readline())
    if not match:
        process.kill()
        raise SystemExit("readaloud serve did not start")
    return process, match.group(1)


class Reader:
    """One browser session: its cookie jar and the library's CSRF token."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        self.token = re.search(r'name="csrf_token" value="([^"]+)"', self.get("/").decode()).group(1)

    def get(self, path: str) -> bytes:
        with self.opener.open(self.base + path, timeout=120) as response:
            return response.read()

    def post(self, path: str, body: bytes, content_type: str) -> tuple[int, str]:
        request = urllib.request.Request(self.base + path, data=body, headers={"Content-Type": content_type})
        try:
            with self.opener.open(request, timeout=120) as response:
                response.read()
                return response.status, response.url
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def upload(self, name: str, data: bytes) -> str:
        """The new article's path (/articles/<id>), after waiting for it to be ready."""
        body = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{self.token}\r\n"
                f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
                "Content-Type: text/html\r\n\r\n").encode() + data + f"\r\n--{BOUNDARY}--\r\n".encode()
        status, url = self.post("/articles/upload", body, f"multipart/form-data; boundary={BOUNDARY}")
        if status not in (200, 202):  # the player, or the page following its preparation
            raise RuntimeError(f"upload of {name} answered {status}: {url[:200]}")
        path = urllib.parse.urlsplit(url).path
        while b'"state":"ready"' not in self.get(path + "/progress.json").replace(b" ", b""):
            time.sleep(0.2)  # a slow one is still being prepared in the background
        return path

    def delete(self, path: str) -> None:
        data = urllib.parse.urlencode({"csrf_token": self.token}).encode()
        self.post(path + "/delete", data, "application/x-www-form-urlencoded")

    def fetch(self, url: str) -> int:
        data = urllib.parse.urlencode({"url": url, "csrf_token": self.token}).encode()
        return self.post("/articles/fetch", data, "application/x-www-form-urlencoded")[0]


def first_block(reader: Reader, article: str) -> str:
    """The first spoken block of the player page: what Play asks for first."""
    return lxml_html.fromstring(reader.get(article)).cssselect("[data-speak]")[0].get("id")


def time_to_first_audio(base: str, path: str) -> float:
    """Seconds from asking for a block's audio to its first bytes (a fresh connection, as a new tab)."""
    host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
    started = time.perf_counter()
    connection = http.client.HTTPConnection(host, port, timeout=120)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        if response.status != 200 or not response.read(1):
            raise RuntimeError(f"{path} answered {response.status}")
        elapsed = time.perf_counter() - started
        response.read()
    finally:
        connection.close()
    return elapsed


def timed_get(reader: Reader, path: str) -> float:
    started = time.perf_counter()
    reader.get(path)
    return time.perf_counter() - started


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# -- articles ---------------------------------------------------------------------------------------


def sample_paragraphs() -> list[str]:
    """Every paragraph of the English samples' text: real sentences for espeak to say."""
    paragraphs: list[str] = []
    for page in ("slate-trump-russia.html", "multilingual-quote.html"):
        doc = lxml_html.fromstring((SAMPLES / page).read_bytes())
        paragraphs += [p.text_content().strip() for p in doc.iter("p") if len(p.text_content().split()) >= 12]
    return paragraphs


def never_seen_article(number: int, pool: list[str], rng: random.Random) -> bytes:
    """A new article: a numbered title, 8-14 of the samples' paragraphs in a new order."""
    chosen = rng.sample(pool, k=min(len(pool), rng.randint(8, 14)))
    words = rng.sample("harbour library council river market station garden school bridge museum".split(), 3)
    title = f"Report {number}: the {words[0]}, the {words[1]} and the {words[2]}"
    body = "".join(f"<p>{paragraph}</p>" for paragraph in chosen)
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>").encode()


def unique_page(number: int, pages: list[bytes]) -> bytes:
    """A real sample page made new by one numbered paragraph before its end."""
    page = pages[number % len(pages)]
    extra = f"<p>Update {number}: this story was revised on day {number} with a correction to paragraph {number % 7 + 1}.</p>"
    marker = b"</article>" if b"</article>" in page else b"</body>"
    return page.replace(marker, extra.encode() + marker, 1)


# -- the trickling site -----------------------------------------------------------------------------


def trickling_site(stop: threading.Event) -> tuple[ThreadingHTTPServer, str]:
    class Trickle(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                while not stop.is_set():
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    stop.wait(2.0)
            except OSError:
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/drip"


# -- the four measurements ------------------------------------------------------------------------------


def concurrently(count: int, work: Callable[[int], float]) -> list[float]:
    barrier = threading.Barrier(count)

    def run(index: int) -> float:
        barrier.wait()
        return work(index)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def cold_listeners(base: str, listeners: int) -> list[float]:
    reader = Reader(base)
    rng, pool = random.Random(11), sample_paragraphs()
    articles = [reader.upload(f"report-{n}.html", never_seen_article(n, pool, rng)) for n in range(listeners)]

    def listen(index: int) -> float:
        session = Reader(base)
        block = first_block(session, articles[index])  # the page is open; then the listener presses Play
        return time_to_first_audio(base, f"{articles[index]}/blocks/{block}.wav")

    return concurrently(listeners, listen)


def warm_listeners(base: str, listeners: int) -> list[float]:
    reader = Reader(base)
    samples = sorted(set(re.findall(r'href="(/articles/[0-9a-f]{12})"', reader.get("/").decode())))
    paths = [f"{article}/blocks/{first_block(reader, article)}.wav" for article in samples]
    for path in paths:
        time_to_first_audio(base, path)  # made once: warm
    return concurrently(listeners, lambda index: time_to_first_audio(base, paths[index % len(paths)]))


def while_trickling(base: str, rounds: int, fetch_timeout: float) -> tuple[list[float], list[float], list[int]]:
    reader = Reader(base)
    article = re.search(r'href="(/articles/[0-9a-f]{12})"', reader.get("/").decode()).group(1)
    audio = f"{article}/blocks/{first_block(reader, article)}.wav"
    reader.get(audio)
    stop = threading.Event()
    site, url = trickling_site(stop)
    codes: list[int] = []
    fetchers = [threading.Thread(target=lambda: codes.append(Reader(base).fetch(url))) for _ in range(8)]
    for thread in fetchers:
        thread.start()
    time.sleep(1.5)  # every fetch is running or waiting in line
    pages, blocks = [], []
    for _ in range(rounds):
        pages.append(timed_get(reader, "/"))
        blocks.append(time_to_first_audio(base, audio))
    for thread in fetchers:
        thread.join(timeout=fetch_timeout + 30)
    stop.set()
    site.shutdown()
    return pages, blocks, sorted(codes)


def memory_over_uploads(base: str, pid: int, first: int, more: int, kept: int = 100) -> tuple[float, list[float]]:
    """RSS after ``first`` uploads, then every 50 of the next ``more`` (two uploaders, as two readers)."""
    reader = Reader(base)
    pages = [(SAMPLES / name).read_bytes() for name in ("slate-trump-russia.html", "de-stadtbibliothek.html", "multilingual-quote.html")]
    uploaded: list[str] = []
    lock = threading.Lock()

    def add(number: int) -> None:
        path = reader.upload(f"page-{number}.html", unique_page(number, pages))
        with lock:
            uploaded.append(path)
            oldest = uploaded.pop(0) if len(uploaded) > kept else None
        if oldest:
            reader.delete(oldest)

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(add, range(first)))
        baseline = rss_mb(pid)
        readings = []
        for start in range(first, first + more, 50):
            list(pool.map(add, range(start, min(start + 50, first + more))))
            readings.append(rss_mb(pid))
    return baseline, readings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20 listeners and 20 + 100 uploads (about a minute)")
    args = parser.parse_args()
    listeners, first, more, fetch_timeout = (20, 20, 100, 8.0) if args.quick else (50, 50, 500, 20.0)
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as workdir:
        process, base = start_server(Path(workdir), fetch_timeout)
        try:
            started = time.monotonic()
            cold = cold_listeners(base, listeners)
            warm = warm_listeners(base, listeners)
            pages, blocks, codes = while_trickling(base, 20, fetch_timeout)
            baseline, readings = memory_over_uploads(base, process.pid, first, more)
            elapsed = time.monotonic() - started
        finally:
            process.terminate()
            process.wait(timeout=30)
    growth = (max(readings) - baseline) / baseline
    print(f"readaloud serve on 127.0.0.1, fresh audio cache and data folder; whole run {elapsed:.0f} s")
    print(f"{'measure':<58} {'p50':>8} {'p95':>8} {'target':>9}")
    rows = [
        (f"first audio, {listeners} listeners on {listeners} never-seen articles (cold)", cold, TARGET_COLD_S),
        (f"first audio, {listeners} listeners on the bundled samples (warm)", warm, TARGET_WARM_S),
        ("GET / while 8 fetches trickle", pages, TARGET_TRICKLE_S),
        ("block audio while 8 fetches trickle", blocks, TARGET_TRICKLE_S),
    ]
    for name, values, target in rows:
        verdict = "ok" if p95(values) <= target else "MISSED"
        print(f"{name:<58} {statistics.median(values):>7.3f}s {p95(values):>7.3f}s {'<= ' + format(target, 'g') + ' s':>9} {verdict}")
    print(f"  (trickling fetches answered {codes}: 422 = cut off at the {fetch_timeout:g} s deadline while the reader waited, "
          "202 = the page following a fetch in the background, 503 = turned away)")
    verdict = "ok" if growth <= TARGET_MEMORY_GROWTH else "MISSED"
    print(f"server RSS after {first} uploads {baseline:.0f} MB; after each further 50: "
          f"{', '.join(f'{r:.0f}' for r in readings)} MB; growth {growth:+.1%} (target within 10 %) {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
