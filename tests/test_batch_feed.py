"""``readaloud batch --feed URL``: a podcast feed beside the MP3s, read back as a podcast app reads it."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse
from pathlib import Path

import feedparser
from book_support import STRUCTURED_PAGE
from mutagen.mp3 import MP3

BASE = "http://127.0.0.1:8000/talking-books/"
SECOND_PAGE = """<html lang="en"><head><title>Winter opening hours</title></head><body><article>
<h1>Winter opening hours</h1><p>From November the central library opens at ten and closes at five on
weekdays, and the branches close on Mondays. The reading room keeps its usual hours until the spring.</p>
<h2>Holidays</h2><p>On public holidays every branch is closed, but the book drop outside stays open.</p>
</article></body></html>"""


def batch(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "readaloud", "batch", *args], capture_output=True, text=True,
                          timeout=600, cwd=cwd)


def test_the_feed_lists_every_mp3_with_its_length_duration_and_chapters(tmp_path: Path) -> None:
    (tmp_path / "lending.html").write_text(STRUCTURED_PAGE, encoding="utf-8")
    (tmp_path / "hours.html").write_text(SECOND_PAGE, encoding="utf-8")
    out = tmp_path / "out"
    done = batch("lending.html", "hours.html", "-o", str(out), "--feed", BASE, "--quiet", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title and feed.feed.language == "en" and len(feed.entries) == 2
    assert feed.feed.link == BASE and feed.feed.description == "2 articles read aloud by readaloud."
    for entry in feed.entries:
        (enclosure,) = entry.enclosures
        name = urllib.parse.unquote(enclosure.href.removeprefix(BASE))
        audio = out / name
        assert enclosure.href.startswith(BASE) and audio.is_file()
        assert int(enclosure.length) == audio.stat().st_size and enclosure.type == "audio/mpeg"
        assert abs(int(entry.itunes_duration) - MP3(audio).info.length) <= 1
        chapters_url = entry.podcast_chapters["url"]
        chapters = json.loads((out / urllib.parse.unquote(chapters_url.removeprefix(BASE))).read_text(encoding="utf-8"))
        assert chapters["version"] == "1.2.0" and chapters["chapters"][0]["startTime"] == 0
        assert chapters["chapters"][0]["title"] == entry.title
    titles = {entry.title for entry in feed.entries}
    assert titles == {"How the Library Lends Talking Books", "Winter opening hours"}

    again = batch("lending.html", "hours.html", "-o", str(out), "--feed", BASE, "--quiet", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert len(feedparser.parse((out / "feed.xml").read_bytes()).entries) == 2, "unchanged articles stay in the feed"


def test_a_feed_of_talking_books_or_without_a_web_address_is_refused_before_converting(tmp_path: Path) -> None:
    (tmp_path / "hours.html").write_text(SECOND_PAGE, encoding="utf-8")
    for args, reason in (((BASE, "--format", "epub3"), "not one"), (("out/",), "http(s) address")):
        done = batch("hours.html", "-o", str(tmp_path / "out"), "--feed", *args, cwd=tmp_path)
        assert done.returncode == 2 and reason in done.stderr and done.stderr.count("\n") == 1, done.stderr
        assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
