"""Downloads and the podcast feed: the whole article as the MP3 ``readaloud FILE`` writes, its
transcript, and ``/feed.xml`` listing every article whose MP3 has been made.

Each article's MP3 (with ID3 chapters) and WebVTT transcript are made once, on the first download,
by the same pipeline stages and writer as the command line, into the cache folder; later downloads
and the feed serve the files. The making takes seconds to minutes, so it runs in the background as a
job of the app's :class:`~.jobs.Preparations` (one article at a time, one job per article) and the
first request answers with a page that follows it part by part and then offers the file. The feed lists the articles already made (an enclosure must give its
exact length), newest first, with podcastindex chapters and transcript links; a reader's queue has a
feed of its own, which starts the making of its articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request, send_file, url_for
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from ..errors import ReadaloudError
from .jobs import DOWNLOAD_PREFIX, Job, PartsCallback, Preparations, QueueFullError
from .library import Library, LibraryEntry, Listing
from .view import UI_LANG

if TYPE_CHECKING:
    from ..render.feed import Episode

downloads = Blueprint("downloads", __name__)
DOWNLOADS_FOLDER = "downloads-v1"  # inside the audio cache folder; v1: the file layout below
FEED_TITLE = "readaloud library"
# What a saved file is called: the title without characters file systems or browsers refuse.
_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
# The two files a reader downloads: (suffix, type, what the progress page calls it).
FILES = {
    "mp3": (".mp3", "audio/mpeg", "the MP3"),
    "vtt": (".vtt", "text/vtt", "the transcript"),
}


@dataclass
class Downloads:
    """Makes an article's MP3 and transcript and finds them. One making per article at a time is the
    download job's to ensure (web/jobs.py: one job per article, one worker), so no lock is kept here."""

    folder: Path
    engine: str | None
    rate: int
    cache_dir: str | None

    def audio_path(self, article_id: str) -> Path:
        return self.folder / f"{article_id}-{self.engine or 'default'}-{self.rate}.mp3"

    def made(self, article_id: str) -> Path | None:
        path = self.audio_path(article_id)
        return path if path.is_file() else None

    def make(self, entry: LibraryEntry, progress: PartsCallback | None = None) -> Path:
        """The article's MP3 (and .vtt beside it), made now if it never was; ``progress`` hears each
        block written."""
        return self.made(entry.id) or self._write(entry, progress)

    def _write(self, entry: LibraryEntry, progress: PartsCallback | None) -> Path:
        from ..render.audio import write_article_audio
        from ..speak import AudioCache, Narrator, SpeechOptions

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # the reader is told which folder, the log need not be searched
            raise ReadaloudError(f"the downloads folder {self.folder} cannot be made ({error.strerror})") from error
        narrator = Narrator(SpeechOptions(engine=self.engine, rate=self.rate), AudioCache(self.cache_dir))
        return write_article_audio(entry.prepared, self.audio_path(entry.id), narrator, "mp3", progress=progress,
                                   transcript=True).path


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


def _jobs() -> Preparations:
    return current_app.extensions["readaloud"].jobs


def file_name(title: str, extension: str) -> str:
    stem = _UNSAFE_IN_NAME.sub(" ", title).strip(" .")[:80].strip() or "article"
    return f"{stem}{extension}"


@downloads.get("/articles/<article_id>/download.mp3")
def download_audio(article_id: str) -> ResponseReturnValue:
    return _download(article_id, "mp3")


@downloads.get("/articles/<article_id>/download.vtt")
def download_transcript(article_id: str) -> ResponseReturnValue:
    return _download(article_id, "vtt")


def _download(article_id: str, kind: str) -> ResponseReturnValue:
    """The file when it is made; else the page following its making, which the first request starts."""
    listing = _listing_or_404(article_id)
    made = _downloads().made(article_id)
    if made is not None:
        suffix, mimetype, _ = FILES[kind]
        return send_file(made.with_suffix(suffix), mimetype=mimetype, as_attachment=True,
                         download_name=file_name(listing.title, suffix), conditional=True)
    job = _jobs().running(DOWNLOAD_PREFIX + article_id)
    if job is None:
        failed = _jobs().get(DOWNLOAD_PREFIX + article_id)
        job = failed if failed is not None and "again" not in request.args else _start(article_id, listing)
    return _progress_page(job, kind)


def _listing_or_404(article_id: str) -> Listing:
    from .routes import NOT_IN_LIBRARY

    listing = _library().get(article_id)
    if listing is None:
        abort(HTTPStatus.NOT_FOUND, description=NOT_IN_LIBRARY)
    return listing


def _start(article_id: str, listing: Listing) -> Job:
    """A new job making this article's files (the article is prepared first if it is not in memory)."""
    from .routes import entry_or_404

    entry = entry_or_404(article_id)
    maker = _downloads()
    try:
        return _jobs().download(article_id, listing.title, lambda progress: maker.make(entry, progress))
    except QueueFullError as error:
        abort(HTTPStatus.SERVICE_UNAVAILABLE, description=_sentence(str(error)))


def _progress_page(job: Job, kind: str) -> tuple[str, int]:
    progress = describe_download(job, kind, _jobs().ahead_of(job))
    status = HTTPStatus.INTERNAL_SERVER_ERROR if job.stage == "failed" else HTTPStatus.ACCEPTED
    return render_template("download.html", job=job, kind=kind, progress=progress, ui_lang=UI_LANG), status


@downloads.get("/articles/<article_id>/download-progress.json")
def download_progress(article_id: str) -> Response:
    """What the download page polls: the making's state and parts, or ready once the file is made."""
    kind = request.args.get("file", "mp3")
    if kind not in FILES:
        abort(HTTPStatus.NOT_FOUND)
    _listing_or_404(article_id)
    job = _jobs().get(DOWNLOAD_PREFIX + article_id)
    if _downloads().made(article_id) is not None:
        response = jsonify(state="ready", sentence=_ready_sentence(kind), part=1, parts=1, what=FILES[kind][2])
    elif job is None:
        abort(HTTPStatus.NOT_FOUND, description="Nothing is being made for this article.")
    else:
        response = jsonify(describe_download(job, kind, _jobs().ahead_of(job)))
    response.cache_control.no_store = True
    return response


def describe_download(job: Job, kind: str, ahead: int) -> dict[str, object]:
    """The making as its page and JSON say it: a state, one sentence, parts done of all."""
    what = FILES[kind][2]
    if job.stage == "failed":
        sentence = f"{what[:1].upper()}{what[1:]} could not be made: {_sentence(job.error or 'the speech engine stopped')}"
    elif job.stage == "ready":
        sentence = _ready_sentence(kind)
    elif job.stage == "waiting":
        sentence = (f"Waiting: the player is making {ahead} other download{'s' if ahead != 1 else ''} first."
                    if ahead else "Waiting to start making " + what + ".")
    elif job.parts:
        sentence = f"Making {what}: part {job.part} of {job.parts}."
    else:
        sentence = f"Making {what}: starting."
    return {"state": job.stage, "sentence": sentence, "part": job.part, "parts": job.parts, "what": what}


def _ready_sentence(kind: str) -> str:
    return f"Ready: {FILES[kind][2]} is made. Its download starts now, or use the link below."


def _sentence(text: str) -> str:
    """An error's text as one sentence: capital first, one full stop."""
    return f"{text[:1].upper()}{text[1:].rstrip('.')}." if text else text

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
    """The library's made articles; with ``?queue=READER``, that reader's queued ones.

    A podcast app has no browser cookie, so a queue's feed is addressed by the reader id (the queue
    page gives the link). Queued articles not made yet are started in the background and appear at the
    app's next refresh: an enclosure must give its exact length.
    """
    from ..render.feed import Channel, podcast_feed

    reader = request.args.get("queue")
    listings = _queued(reader) if reader is not None else list(_library().entries())
    made = _downloads()
    episodes = [_episode(listing, path) for listing in listings if (path := made.made(listing.id)) is not None]
    if reader is not None:
        waiting = [listing for listing in listings if made.made(listing.id) is None]
        for listing in waiting:
            _start_in_background(listing)
        description = (f"Your readaloud listen queue: {len(episodes)} ready"
                       + (f", {len(waiting)} being made (they appear at the next refresh)." if waiting else "."))
    else:
        description = f"The articles of this readaloud library whose audio has been made ({len(episodes)})."
    title = f"{FEED_TITLE}: your queue" if reader is not None else FEED_TITLE
    channel = Channel(title=title, link=url_for("library.index", _external=True), feed_url=request.url,
                      description=description)
    return Response(podcast_feed(channel, episodes), mimetype="application/rss+xml")


def _queued(reader: str) -> list[Listing]:
    from .positions import valid_reader_id
    from .queue import queued_listings

    library = _library()
    if library.store is None or not valid_reader_id(reader):
        abort(HTTPStatus.NOT_FOUND, description="There is no listen queue with this address.")
    return queued_listings(library, reader)


def _episode(listing: Listing, path: Path) -> Episode:
    from ..render.feed import Episode

    stat = path.stat()
    return Episode(
        guid=listing.id, title=listing.title, audio_url=url_for("downloads.download_audio", article_id=listing.id, _external=True),
        audio_bytes=stat.st_size, audio_type="audio/mpeg", duration_s=_duration_s(path),
        description=f"{listing.title} ({listing.word_count} words), read aloud.", language=listing.summary.lang,
        published=datetime.fromtimestamp(stat.st_mtime, timezone.utc),
        chapters_url=url_for("downloads.chapters", article_id=listing.id, _external=True),
        transcript_url=url_for("downloads.download_transcript", article_id=listing.id, _external=True),
    )


def _start_in_background(listing: Listing) -> None:
    """Start making a queued article's files unless that is under way; a full queue waits for the next refresh."""
    if _jobs().running(DOWNLOAD_PREFIX + listing.id) is None:
        try:
            _start(listing.id, listing)
        except HTTPException:
            pass  # the download queue is full: the app's next refresh asks again


def _duration_s(path: Path) -> int:
    from mutagen.mp3 import MP3

    info = MP3(path).info
    return round(info.length) if info else 0
