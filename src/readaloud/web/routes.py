"""The player's pages and endpoints, as three blueprints: library, player, audio.

Nothing a client sends is trusted: article and block ids are looked up (unknown -> 404), a voice must
be one the engine lists, an uploaded file's name is only shown (escaped), never used as a path, and
uploaded or pasted pages are shown only as the extracted text, escaped by Jinja.
"""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus
from typing import TYPE_CHECKING

from flask import Blueprint, Response, abort, current_app, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from werkzeug.wrappers import Response as Redirect  # what redirect() gives (flask's Response is a subclass)

from ..errors import ReadaloudError
from ..langtags import direction, primary
from ..model import Block
from .audio import BlockAudio, part_timings, timings, wav_bytes
from .fetching import check_scheme, fetch_for_player
from .jobs import Job, Preparations, QueueFullError, describe
from .library import Library, LibraryEntry, Listing, article_id
from .limits import Gate
from .view import UI_LANG, player_view

if TYPE_CHECKING:
    from ..speak.base import Voice

library_pages = Blueprint("library", __name__)
player_pages = Blueprint("player", __name__)
audio_files = Blueprint("audio", __name__)

PASTED_SOURCE_NAME = "Pasted text"
AUDIO_MAX_AGE = 3600  # seconds; a block's audio never changes for a given article id and voice
# Block audio is WAV: no encoding step, so the first sound comes soonest; on localhost its size does not
# matter (a 30 s block is about 1.3 MB at 22 kHz).
BLOCK_AUDIO_EXT = "wav"

# Names for the language column, for the languages espeak-ng speaks best and readers open most;
# anything else shows its BCP 47 tag, which is still correct.
LANGUAGE_NAMES = {
    "ar": "Arabic", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew",
    "hi": "Hindi", "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese", "ko": "Korean",
    "nb": "Norwegian", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese", "zh": "Chinese",
}


@dataclass(frozen=True)
class State:
    """What the app keeps: the library, the audio maker, its gates and its background preparations
    (``app.extensions["readaloud"]``)."""

    library: Library
    audio: BlockAudio
    fetches: Gate
    preparations: Gate
    jobs: Preparations


def state() -> State:
    return current_app.extensions["readaloud"]


NOT_IN_LIBRARY = "There is no article with this address in the library."


def entry_or_404(article_id: str) -> LibraryEntry:
    """The prepared article; one not in memory is prepared now, holding a preparation slot."""
    library = state().library
    entry = library.prepared(article_id)
    if entry is None:
        if library.get(article_id) is None:
            abort(HTTPStatus.NOT_FOUND, description=NOT_IN_LIBRARY)
        with state().preparations.held():
            entry = library.open(article_id)
    if entry is None:  # a served file that changed or vanished since it was listed
        abort(HTTPStatus.NOT_FOUND, description=NOT_IN_LIBRARY)
    return entry


@dataclass(frozen=True)
class VoiceChoice:
    id: str
    label: str


def voice_groups(voices: list[Voice]) -> list[tuple[str, list[VoiceChoice]]]:
    """The voice menu: one group per language variant ("English (en-us)"), natural-sounding (neural)
    voices first and said to be so, then the rest in the catalogue's order."""
    from ..speak.catalogue import is_neural

    groups: dict[str, list[tuple[bool, VoiceChoice]]] = {}
    for voice in voices:
        natural = is_neural(voice.engine)
        label = f"{voice.name} (natural voice)" if natural else voice.name
        groups.setdefault(voice.lang, []).append((not natural, VoiceChoice(voice.id, label)))
    return [
        (f"{language_name(lang)} ({lang})", [choice for _rest, choice in sorted(members, key=lambda m: m[0])])
        for lang, members in groups.items()
    ]


def language_name(tag: str) -> str:
    return LANGUAGE_NAMES.get(primary(tag), tag or "Unknown")


def listening_minutes(words: int, rate: int) -> int:
    return max(1, round(words / max(1, rate)))


# -- library -------------------------------------------------------------------------------------


def render_library(error: str = "", pasted: str = "", url: str = "", status: int = HTTPStatus.OK) -> tuple[str, int]:
    rate = current_app.config["READALOUD_RATE"]
    listings = state().library.entries()
    rows = [library_row(listing, rate) for listing in listings]
    from .queue import queue_state

    page = render_template(
        "library.html",
        rows=rows,
        queue=queue_state(),
        problems=state().library.problems(),
        error=error,
        pasted=pasted,
        url=url,
        added=[listing for listing in listings if listing.uploaded],
        max_added=current_app.config["READALOUD_MAX_ARTICLES"],
        rate=rate,
        max_megabytes=current_app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024),
        ui_lang=UI_LANG,
    )
    return page, status


def library_row(listing: Listing, rate: int) -> dict[str, object]:
    summary = listing.summary
    return {
        "entry": listing,
        "title": listing.title,
        "site": summary.site,
        "language": language_name(summary.lang),
        "lang": summary.lang,
        "dir": direction(summary.lang, summary.dir) if summary.lang else "",
        "words": summary.words,
        "minutes": listening_minutes(summary.words, rate),
    }


@library_pages.get("/")
def index() -> tuple[str, int]:
    return render_library()


def add_and_open(source: bytes, name: str, url: str | None = None) -> Redirect:
    """Open the article these bytes make; bytes the library already has are opened, not prepared again.

    The preparation runs in the background; this request waits a little for it, so a typical article
    opens at once and a failure is the library page's sentence. A slower one opens its progress page
    (the article's own address, which becomes the player when it is ready).
    """
    library = state().library
    key = article_id(source)
    if library.get(key) is None:
        library.check_room()
        try:
            job = state().jobs.submit(source, name, url)
        except QueueFullError as error:
            abort(HTTPStatus.SERVICE_UNAVAILABLE, description=as_sentence(error))
        job.done.wait(current_app.config["READALOUD_PREPARATION_INLINE_SECONDS"])
        if job.stage == "failed":
            raise ReadaloudError(job.error)
    return redirect(url_for("player.article", article_id=key), code=HTTPStatus.SEE_OTHER)


@library_pages.post("/articles/upload")
def upload() -> ResponseReturnValue:
    sent = request.files.get("file")
    if sent is None or not sent.filename:
        return render_library(error="Choose an HTML or text file to upload.", status=HTTPStatus.BAD_REQUEST)
    # The client's path is only a label: keep its last part, never use it to touch the disk.
    name = sent.filename.replace("\\", "/").rsplit("/", 1)[-1] or "Uploaded file"
    try:
        return add_and_open(sent.read(), name)
    except ReadaloudError as error:
        return render_library(error=f"{name}: {error}", status=HTTPStatus.UNPROCESSABLE_ENTITY)


@library_pages.post("/articles/paste")
def paste() -> ResponseReturnValue:
    text = request.form.get("text", "")
    if not text.strip():
        return render_library(error="Paste the HTML or text of an article first.", status=HTTPStatus.BAD_REQUEST)
    try:
        return add_and_open(text.encode("utf-8"), PASTED_SOURCE_NAME)
    except ReadaloudError as error:
        return render_library(error=str(error), pasted=text, status=HTTPStatus.UNPROCESSABLE_ENTITY)


@library_pages.post("/articles/fetch")
def fetch() -> ResponseReturnValue:
    """Fetch and prepare in the background; a quick answer (or refusal) is handled like an upload's,
    a slow site shows the page that follows the fetch, with its place in line."""
    config = current_app.config
    url = request.form.get("url", "").strip()

    def get() -> tuple[bytes, str | None]:
        fetched = fetch_for_player(
            url,
            max_bytes=config["MAX_CONTENT_LENGTH"],
            seconds=config["READALOUD_FETCH_TIMEOUT"],
            allow_private=config["READALOUD_ALLOW_PRIVATE_URLS"],
        )
        return fetched.body, fetched.url

    try:
        check_scheme(url)
        state().library.check_room()
        try:
            job = state().jobs.fetch(url, get)
        except QueueFullError as error:
            abort(HTTPStatus.SERVICE_UNAVAILABLE, description=as_sentence(error))
        job.done.wait(config["READALOUD_PREPARATION_INLINE_SECONDS"])
        if job.stage == "failed":
            raise ReadaloudError(job.error)
    except ReadaloudError as error:
        return render_library(error=str(error), url=url, status=HTTPStatus.UNPROCESSABLE_ENTITY)
    return redirect(url_for("player.article", article_id=job.article or job.id), code=HTTPStatus.SEE_OTHER)


def as_sentence(error: ReadaloudError) -> str:
    """A ReadaloudError (lower case, no stop, as the CLI prints it) as a page's sentence."""
    text = str(error)
    return text[:1].upper() + text[1:].rstrip(".") + "."


def changed(result: object) -> Redirect:
    """Back to the library after a rename or delete; an unknown id is a 404 page."""
    if not result:
        abort(HTTPStatus.NOT_FOUND, description="There is no article with this address in the library.")
    return redirect(url_for("library.index", _anchor="added-heading"), code=HTTPStatus.SEE_OTHER)


@library_pages.post("/articles/<article_id>/rename")
def rename(article_id: str) -> ResponseReturnValue:
    title = request.form.get("title", "")
    if not title.strip():
        return render_library(error="Type the new title first.", status=HTTPStatus.BAD_REQUEST)
    try:
        return changed(state().library.rename(article_id, title))
    except ReadaloudError as error:
        abort(HTTPStatus.FORBIDDEN, description=as_sentence(error))


@library_pages.post("/articles/<article_id>/delete")
def delete(article_id: str) -> Redirect:
    try:
        return changed(state().library.delete(article_id))
    except ReadaloudError as error:
        abort(HTTPStatus.FORBIDDEN, description=as_sentence(error))


# -- player --------------------------------------------------------------------------------------


def background_job(article_id: str) -> Job | None:
    """The job whose progress this article's address shows: an added article being prepared, or one
    that failed (its sentence stays until the reader tries again)."""
    jobs = state().jobs
    return jobs.running(article_id) or (None if state().library.get(article_id) else jobs.get(article_id))


def preparing_page(job: Job) -> tuple[str, int]:
    jobs = state().jobs
    progress = describe(job, jobs.ahead_of(job))
    status = HTTPStatus.UNPROCESSABLE_ENTITY if job.stage == "failed" else HTTPStatus.ACCEPTED
    return render_template("preparing.html", job=job, progress=progress, ui_lang=UI_LANG), status


def open_or_wait(article_id: str) -> LibraryEntry | tuple[str, int]:
    """The prepared article for the player page. One not in memory is prepared on this request when a
    slot comes (at once, or after a short wait in line); when the line is full too it is prepared in
    the background and the reader sees the waiting place, never only a busy page."""
    library, gate = state().library, state().preparations
    entry = library.prepared(article_id)
    if entry is not None:
        return entry
    listing = library.get(article_id)
    if listing is None:
        abort(HTTPStatus.NOT_FOUND, description=NOT_IN_LIBRARY)
    if not gate.acquire():
        try:
            return preparing_page(state().jobs.reopen(article_id, listing.title))
        except QueueFullError as error:
            abort(HTTPStatus.SERVICE_UNAVAILABLE, description=as_sentence(error))
    try:
        entry = library.open(article_id)
    finally:
        gate.release()
    if entry is None:  # a served file that changed or vanished since it was listed
        abort(HTTPStatus.NOT_FOUND, description=NOT_IN_LIBRARY)
    return entry


@player_pages.get("/articles/<article_id>/progress.json")
def progress(article_id: str) -> Response:
    """What the progress page polls: the job's state, or ready once the library has the article."""
    if state().library.get(article_id) is not None and state().jobs.running(article_id) is None:
        return jsonify(state="ready", sentence="Ready: the article is prepared. Open it with the link below.", step=3, steps=3, ahead=0)
    job = state().jobs.get(article_id)
    if job is None:
        abort(HTTPStatus.NOT_FOUND, description=NOT_IN_LIBRARY)
    response = jsonify(describe(job, state().jobs.ahead_of(job)))
    response.cache_control.no_store = True
    return response


@player_pages.get("/articles/<article_id>")
def article(article_id: str) -> ResponseReturnValue:
    job = background_job(article_id)
    if job is not None and job.stage == "ready":  # a fetch that became this article
        return redirect(url_for("player.article", article_id=job.article), code=HTTPStatus.SEE_OTHER)
    if job is not None:
        return preparing_page(job)
    entry = open_or_wait(article_id)
    if not isinstance(entry, LibraryEntry):
        return entry  # the page that follows its preparation
    view = player_view(entry.article, list(entry.speech))
    audio = state().audio
    try:
        voices = audio.voices_for(view.lang) or audio.voices()
    except ReadaloudError:
        voices = []  # no engine: the page still shows the article and the screen-reader mode
    from .positions import saved_position
    from .queue import queue_state

    queue = queue_state()
    return render_template(
        "player.html",
        entry=entry,
        view=view,
        saved=saved_position(entry.id),
        queue=queue,
        next_in_queue=queue.after(entry.id) if queue else None,
        previous_in_queue=previous_in_queue(queue.listings, entry.id) if queue else None,
        voice_groups=voice_groups(voices),
        audio_ext=BLOCK_AUDIO_EXT,
        ui_lang=UI_LANG,
    )


def previous_in_queue(listings: list[Listing], article_id: str) -> Listing | None:
    """The article before ``article_id`` in the queue: where the "previous track" media key goes from its start."""
    ids = [listing.id for listing in listings]
    index = ids.index(article_id) if article_id in ids else 0
    return listings[index - 1] if index > 0 else None


# -- audio ---------------------------------------------------------------------------------------


def spoken_block_or_404(entry: LibraryEntry, block_id: str) -> Block:
    block = entry.speech_block(block_id)
    if block is None:
        abort(HTTPStatus.NOT_FOUND, description="This article has no spoken block with this address.")
    return block


def voice_or_404(audio: BlockAudio) -> str:
    voice = request.args.get("voice", "")
    if voice and not audio.knows_voice(voice):
        abort(HTTPStatus.NOT_FOUND, description="There is no voice with this name.")
    return voice


def speech_unavailable(error: ReadaloudError) -> tuple[Response, int]:
    # The page says this in its status region and stays usable; 503 = try again later.
    return jsonify(error=f"Speech could not be made for this part: {error}"), HTTPStatus.SERVICE_UNAVAILABLE


def cached_for_an_hour(response: Response) -> Response:
    response.cache_control.private = True
    response.cache_control.max_age = AUDIO_MAX_AGE
    return response


@audio_files.get("/articles/<article_id>/blocks/<block_id>/parts.json")
def block_parts(article_id: str, block_id: str) -> Response | tuple[Response, int]:
    """Which sentences ([first, end) indexes) each part of a block's audio holds with this voice (part_plan):
    what the player asks before playing from a sentence inside a block it has not heard yet."""
    entry = entry_or_404(article_id)
    block = spoken_block_or_404(entry, block_id)
    audio = state().audio
    try:
        plan = audio.plan(block, voice_or_404(audio))
    except ReadaloudError as error:
        return speech_unavailable(error)
    return cached_for_an_hour(jsonify(block=block.id, parts=[[start, end] for start, end in plan]))


@audio_files.get("/articles/<article_id>/blocks/<block_id>.<ext>")
def block_audio(article_id: str, block_id: str, ext: str) -> Response | tuple[Response, int]:
    """A block's audio or timings; with ``?part=N`` one part of it (web/audio.py), as the player asks."""
    entry = entry_or_404(article_id)
    block = spoken_block_or_404(entry, block_id)
    if ext not in ("json", BLOCK_AUDIO_EXT):
        abort(HTTPStatus.NOT_FOUND, description="This article has no spoken block with this address.")
    audio = state().audio
    part_text = request.args.get("part")
    try:
        voice = voice_or_404(audio)
        if part_text is None:
            segment = audio.segment(entry.id, block, entry.article.lang, voice)
        else:
            plan = audio.plan(block, voice)
            if not part_text.isdigit() or int(part_text) >= len(plan):
                abort(HTTPStatus.NOT_FOUND, description="This block's audio has no part with this number.")
            part = int(part_text)
            segment = audio.part(entry.id, block, entry.article.lang, voice, part)
    except ReadaloudError as error:
        return speech_unavailable(error)
    if ext == "json":
        response = jsonify(timings(segment, block) if part_text is None else part_timings(segment, block, plan, part))
    else:
        data = wav_bytes(segment)
        response = Response(data, mimetype="audio/wav")
        response.make_conditional(request, accept_ranges=True, complete_length=len(data))
    return cached_for_an_hour(response)
