"""``readaloud batch --feed URL``: a podcast feed of the batch's audio, to publish as static files.

Beside the batch's outputs in OUTDIR: ``feed.xml`` (render/feed.py) and one ``NAME.chapters.json``
per MP3 (its ID3 chapters); every URL is URL + the file's name, so copying OUTDIR to the web folder
that URL names publishes the feed. Rewritten after every run from the whole report, so an article
converted on an earlier night stays in the feed.
"""

from __future__ import annotations

import hashlib
import urllib.parse
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from ..errors import UsageError
from ..files import atomic_write_bytes
from ..render.feed import AUDIO_TYPES, Channel, Episode, chapters_json, podcast_feed
from .report import ItemResult, Status

FEED_NAME = "feed.xml"
CHAPTERS_SUFFIX = ".chapters.json"
DEFAULT_TITLE = "Articles read aloud"


def check_feed_base(url: str) -> str:
    """The base URL, ending in "/" so file names join under it; a usage error unless http(s)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"--feed needs the http(s) address the output folder will be published at, not {url!r}.")
    return url if url.endswith("/") else url + "/"


def write_batch_feed(outdir: Path, results: Iterable[ItemResult], base_url: str, title: str = DEFAULT_TITLE) -> Path:
    """Chapters files for the MP3s, then feed.xml listing every audio output that is in OUTDIR now."""
    episodes = [episode for result in results if (episode := _episode(outdir, result, base_url))]
    languages = {episode.language for episode in episodes if episode.language}
    channel = Channel(
        title=title, link=base_url, feed_url=base_url + FEED_NAME,
        description=f"{len(episodes)} article{'' if len(episodes) == 1 else 's'} read aloud by readaloud.",
        language=languages.pop() if len(languages) == 1 else "",
    )
    path = outdir / FEED_NAME
    atomic_write_bytes(path, podcast_feed(channel, episodes))
    return path


def _episode(outdir: Path, result: ItemResult, base_url: str) -> Episode | None:
    audio = outdir / result.output if result.output else None
    if result.status not in (Status.CONVERTED, Status.SKIPPED) or audio is None or not audio.is_file():
        return None
    audio_type = AUDIO_TYPES.get(audio.suffix.lower())
    if audio_type is None:  # an EPUB or a DAISY folder: not something a podcast app plays
        return None
    stat = audio.stat()
    transcript = audio.with_suffix(".vtt")
    return Episode(
        guid=hashlib.sha256(result.source.encode("utf-8")).hexdigest()[:32],
        title=result.title or audio.stem,
        audio_url=_url(base_url, audio.name),
        audio_bytes=stat.st_size,
        audio_type=audio_type,
        duration_s=round(result.duration_ms / 1000),
        description=f"{result.title or audio.stem} ({result.words} words), read aloud.",
        language=result.language,
        published=datetime.fromtimestamp(stat.st_mtime, timezone.utc),
        chapters_url=_url(base_url, _write_chapters(audio)) if audio.suffix.lower() == ".mp3" else "",
        transcript_url=_url(base_url, transcript.name) if transcript.is_file() else "",
    )


def _write_chapters(audio: Path) -> str:
    from mutagen.id3 import ID3, ID3NoHeaderError

    from ..render.chapters import read_id3_chapters

    try:
        chapters = read_id3_chapters(ID3(audio))
    except ID3NoHeaderError:
        chapters = []
    name = audio.stem + CHAPTERS_SUFFIX
    atomic_write_bytes(audio.with_name(name), chapters_json(chapters))
    return name


def _url(base_url: str, name: str) -> str:
    return base_url + urllib.parse.quote(name)
