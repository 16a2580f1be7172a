"""Downloads and the podcast feed: the whole article as the MP3 ``readaloud FILE`` writes, its
transcript, and ``/feed.xml`` listing every article whose MP3 has been made.

Each article's MP3 (with ID3 chapters) and WebVTT transcript are made once, on the first download,
by the same pipeline stages and writer as the command line, into the cache folder; later downloads
and the feed serve the files. The feed lists the articles already made (an enclosure must give its
exact length), newest first, with podcastindex chapters and transcript links.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from http import HTTPStatus
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, request, send_file, url_for

from .library import Library, LibraryEntry

downloads = Blueprint("downloads", __name__)
DOWNLOADS_FOLDER = "downloads-v1"  # inside the audio cache folder; v1: the file layout below
FEED_TITLE = "readaloud library"
# What a saved file is called: the title without characters file systems or browsers refuse.
_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass
class Downloads:
    """Makes each article's MP3 and transcript once (however many readers ask at once) and finds them."""

    folder: Path
    engine: str | None
    rate: int
    cache_dir: str | None

    def __post_init__(self) -> None:
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def audio_path(self, article_id: str) -> Path:
        return self.folder / f"{article_id}-{self.engine or 'default'}-{self.rate}.mp3"

    def made(self, article_id: str) -> Path | None:
        path = self.audio_path(article_id)
        return path if path.is_file() else None

    def make(self, entry: LibraryEntry) -> Path:
        """The article's MP3 (and .vtt beside it), made now if it never was."""
        with self._lock:
            lock = self._locks.setdefault(entry.id, threading.Lock())
        with lock:
            made = self.made(entry.id)
            if made:
                return made
            return self._write(entry)

    def _write(self, entry: LibraryEntry) -> Path:
        from ..render.audio import write_article_audio
        from ..speak import AudioCache, Narrator, SpeechOptions

        self.folder.mkdir(parents=True, exist_ok=True)
        narrator = Narrator(SpeechOptions(engine=self.engine, rate=self.rate), AudioCache(self.cache_dir))
        return write_article_audio(entry.prepared, self.audio_path(entry.id), narrator, "mp3", transcript=True).path


def downloads_for(config: dict[str, object]) -> Downloads:
    from ..files import default_cache_directory

    cache_dir = config.get("READALOUD_CACHE_DIR")
    root = Path(str(cache_dir)) if cache_dir else default_cache_directory()
    engine = config.get("READALOUD_ENGINE")
    return Downloads(root / DOWNLOADS_FOLDER, str(engine) if engine else None, int(str(config["READALOUD_RATE"])),
                     str(cache_dir) if cache_dir else None)


def _downloads() -> Downloads:
    return current_app.extensions["readaloud-downloads"]


def _library() -> Library:
    return current_app.extensions["readaloud"].library


def file_name(title: str, extension: str) -> str:
    stem = _UNSAFE_IN_NAME.sub(" ", title).strip(" .")[:80].strip() or "article"
    return f"{stem}{extension}"


@downloads.get("/articles/<article_id>/download.mp3")
def download_audio(article_id: str) -> Response:
    from .routes import entry_or_404

    entry = entry_or_404(article_id)
    path = _downloads().make(entry)
    title = entry.article.title or entry.source
    return send_file(path, mimetype="audio/mpeg", as_attachment=True, download_name=file_name(title, ".mp3"),
                     conditional=True)


@downloads.get("/articles/<article_id>/download.vtt")
def download_transcript(article_id: str) -> Response:
    from .routes import entry_or_404

    entry = entry_or_404(article_id)
    path = _downloads().make(entry).with_suffix(".vtt")
    title = entry.article.title or entry.source
    return send_file(path, mimetype="text/vtt", as_attachment=True, download_name=file_name(title, ".vtt"))


@downloads.get("/articles/<article_id>/chapters.json")
def chapters(article_id: str) -> Response:
    from mutagen.id3 import ID3

    from ..render.chapters import read_id3_chapters
    from ..render.feed import CHAPTERS_TYPE, chapters_json

    made = _downloads().made(article_id)
    if made is None:
        abort(HTTPStatus.NOT_FOUND, description="This article's audio has not been made yet.")
    return Response(chapters_json(read_id3_chapters(ID3(made))), mimetype=CHAPTERS_TYPE.replace("+chapters", ""))


@downloads.get("/feed.xml")
def feed() -> Response:
    from ..render.feed import Channel, Episode, podcast_feed

    made = _downloads()
    episodes = []
    for listing in _library().entries():
        path = made.made(listing.id)
        if path is None:
            continue
        stat = path.stat()
        episodes.append(Episode(
            guid=listing.id, title=listing.title, audio_url=url_for("downloads.download_audio", article_id=listing.id, _external=True),
            audio_bytes=stat.st_size, audio_type="audio/mpeg", duration_s=_duration_s(path),
            description=f"{listing.title} ({listing.word_count} words), read aloud.", language=listing.summary.lang,
            published=datetime.fromtimestamp(stat.st_mtime, timezone.utc),
            chapters_url=url_for("downloads.chapters", article_id=listing.id, _external=True),
            transcript_url=url_for("downloads.download_transcript", article_id=listing.id, _external=True),
        ))
    channel = Channel(title=FEED_TITLE, link=url_for("library.index", _external=True), feed_url=request.url,
                      description=f"The articles of this readaloud library whose audio has been made ({len(episodes)}).")
    return Response(podcast_feed(channel, episodes), mimetype="application/rss+xml")


def _duration_s(path: Path) -> int:
    from mutagen.mp3 import MP3

    info = MP3(path).info
    return round(info.length) if info else 0
