"""Block audio for the player: synthesis through the Narrator, once per block, shared by requests.

The browser asks for a block twice in quick succession (its timings, then its audio, then byte ranges
of the audio), often on different waitress threads. Each block is synthesised once: the first request
does the work, the others wait for its result, and recent segments stay in memory so the follow-up
requests cost nothing. The Narrator's own disk cache keeps them across restarts.

A slow engine's block comes in parts (issue 14): piper speaks about 14x real time on one core, so a
paragraph of eight sentences would keep the listener waiting 2-3 s for its whole audio. Its blocks are
cut into parts of 1, 2, 4, ... sentences (:func:`part_plan`); the first part is one sentence, and each
part takes less time to make than the one before it takes to hear. One :class:`_Production` per block
synthesises its sentences in order on a thread of its own, ahead of the part asked for; a request for
another block of the same voice takes the engine over between two sentences, unless someone is waiting
for this block's next part. A fast engine's block stays one part: its audio is what it was before.
"""

from __future__ import annotations

import io
import threading
import time
import wave
from collections import OrderedDict
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from typing import Any

from ..langtags import primary
from ..model import Block, Segment, WordMark
from ..speak.base import Voice
from ..speak.narrator import SENTENCE_GAP_MS, Piece, join_pieces, sentences_to_speak, speech_parts
from .wordmap import block_words, sentence_words

SYNTHESIS_WAIT_SECONDS = 120  # a request waiting on another thread's synthesis of the same block
# The voice list is looked at again after this long, so a Piper voice dropped into the voices folder
# shows in the menu without a restart (listing reads every engine's voice data: not per request).
VOICE_LIST_SECONDS = 30.0
SAMPLE_WIDTH = 2  # mono signed 16-bit PCM, as every engine produces

SegmentKey = tuple[str, str, str]  # (article id, block id, voice id or "")
PartKey = tuple[str, str, str, int]  # (article id, block id, voice id or "", part number)

# Engines whose blocks the player gets in parts, with the number of sentences in the first part and
# the factor each next part grows by. piper: 11-14x real time on one core (benchmarks/voices.py), so one
# sentence (3-10 s of speech) is ready in 0.1-0.7 s and the next two are made while it plays. espeak-ng
# and pyttsx3 (espeak on Linux) make a paragraph in milliseconds: one part, as before parts existed.
PARTED_ENGINES = {"piper": (1, 2)}
# A production keeps making sentences while nobody waits until it is this many parts ahead of the
# furthest part asked for: the next part is ready when the player asks for it, and a 40,000-word
# paragraph is not synthesised (and held) to its end because its first sentence was played.
PARTS_AHEAD = 2
# Productions (blocks being made or recently made, with their sentences' audio) kept per server.
PRODUCTIONS_IN_MEMORY = 8


def wav_bytes(segment: Segment) -> bytes:
    """The segment as a complete WAV file: no encoder involved, so the first sound comes soonest."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(SAMPLE_WIDTH)
        out.setframerate(segment.sample_rate)
        out.writeframes(segment.pcm)
    return buffer.getvalue()


def timings(segment: Segment, block: Block | None = None) -> dict[str, Any]:
    """What the player needs to highlight and seek: each sentence's start and end in the block's audio,
    and, given the block the segment reads, each heard displayed word's range and start (wordmap.py)."""
    return {
        "block": segment.block_id,
        "duration_ms": segment.duration_ms,
        "sentences": [
            {"id": mark.sentence_id, "start_ms": mark.start_ms, "end_ms": mark.end_ms}
            for mark in segment.sentences
        ],
        "words": [word.to_json() for word in block_words(block, segment.words)] if block else [],
    }


def part_plan(block: Block, engine: str | None) -> list[tuple[int, int]]:
    """The block's parts as (first, end) sentence index ranges: one part for a fast engine, 1, 2, 4...
    sentences for a slow one (:data:`PARTED_ENGINES`). A block with nothing to say is one empty part."""
    count = len(sentences_to_speak(block))
    first, growth = PARTED_ENGINES.get(engine or "", (count, 1))
    parts, start, size = [], 0, max(1, first)
    while start < count:
        parts.append((start, min(count, start + size)))
        start, size = start + size, size * growth
    return parts or [(0, 0)]


def part_timings(segment: Segment, block: Block, plan: list[tuple[int, int]], part: int) -> dict[str, Any]:
    """:func:`timings` of one part (marks from the part's own start), with the block's plan as
    [first, end) sentence indexes per part, so the player knows which part holds a sentence (indexes,
    not ids: a few numbers however many sentences a page-sized paragraph has)."""
    sentences = sentences_to_speak(block)
    first, end = plan[part]
    marks: dict[str, list[WordMark]] = {}
    for word in segment.words:
        marks.setdefault(word.sentence_id, []).append(word)
    words = [word for sentence in sentences[first:end] for word in sentence_words(sentence, marks.get(sentence.id, []))]
    return {
        **timings(segment),
        "words": [word.to_json() for word in words],
        "part": part,
        "parts": [[start, stop] for start, stop in plan],
    }


class _Production:
    """One block's sentences being made in order for the player's parts, by a thread of its own."""

    def __init__(self, block: Block, article_lang: str) -> None:
        self.block = block
        self.article_lang = article_lang
        # pieces per sentence: one, or more for a speech text over the Narrator's MAX_SPEECH_CHARS
        self.piece_counts = [len(speech_parts(sentence.speech)) for sentence in sentences_to_speak(block)]
        self.pieces: dict[int, list[Piece]] = {}  # sentence index -> its pieces, once all are made
        self.changed = threading.Condition()
        self.running = False
        self.start_at = 0  # where the thread starts (again): the earliest sentence missing that is wanted
        self.position = 0  # the sentence the thread makes next
        self.restart = False  # a waiter wants a sentence before the thread's place
        self.waiting = 0  # requests waiting for a part of this block
        self.wanted_end = 0  # the end of the furthest part asked for
        self.error: BaseException | None = None

    def missing(self, first: int, end: int) -> int | None:
        """The first sentence in [first, end) not made yet."""
        return next((index for index in range(first, end) if index not in self.pieces), None)


def _ahead_end(production: _Production) -> int:
    """Where a production nobody waits for stops: :data:`PARTS_AHEAD` doubling parts past the furthest
    part asked for (parts grow twofold, so that is about four times as far)."""
    return max(production.wanted_end * 2 ** PARTS_AHEAD, production.wanted_end + PARTS_AHEAD)


class BlockAudio:
    """One Narrator per voice, one synthesis per block at a time, the latest segments kept in memory."""

    def __init__(self, engine: str | None, rate: int, cache_dir: str | None, segments_in_memory: int) -> None:
        self._engine_name = engine
        self._rate = rate
        self._cache_dir = cache_dir
        self._segments_in_memory = segments_in_memory
        self._narrators: dict[str, tuple[Any, threading.Lock]] = {}
        self._voices: list[Voice] | None = None
        self._voices_listed = 0.0
        self._segments: OrderedDict[SegmentKey, Segment] = OrderedDict()
        self._pending: dict[SegmentKey, Future[Segment]] = {}
        self._parts: OrderedDict[PartKey, Segment] = OrderedDict()
        self._productions: OrderedDict[SegmentKey, _Production] = OrderedDict()
        self._wanting: dict[str, int] = {}  # per voice: production threads waiting for its Narrator
        self._lock = threading.Lock()

    def voices(self) -> list[Voice]:
        """Every installed voice of every engine (the voice catalogue's), the server's engine first;
        asked once, as listing voices reads the voice data."""
        with self._lock:
            if self._voices is None or time.monotonic() - self._voices_listed > VOICE_LIST_SECONDS:
                from ..speak.catalogue import installed_engines

                engines = installed_engines(None)
                if self._engine_name:
                    engines.sort(key=lambda engine: engine.name != self._engine_name)
                self._voices = [voice for engine in engines for voice in
                                sorted(engine.voices(), key=lambda v: (v.name.lower(), v.id))]
                self._voices_listed = time.monotonic()
            return list(self._voices)

    def voices_for(self, lang: str) -> list[Voice]:
        """The voices that speak the primary language of ``lang`` (``de-AT`` -> every German voice)."""
        language = primary(lang)
        if not language:
            return []
        return [voice for voice in self.voices() if _speaks(voice, language)]

    def voice(self, voice_id: str) -> Voice | None:
        return next((voice for voice in self.voices() if voice.id == voice_id), None)

    def knows_voice(self, voice_id: str) -> bool:
        return self.voice(voice_id) is not None

    def segment(self, article_id: str, block: Block, article_lang: str, voice_id: str = "") -> Segment:
        """The block's audio and timings; synthesised at most once however many requests ask at once."""
        key = (article_id, block.id, voice_id)
        with self._lock:
            if key in self._segments:
                self._segments.move_to_end(key)
                return self._segments[key]
            waiting = self._pending.get(key)
            if waiting is None:  # this request makes it; any other asking meanwhile waits for it
                pending: Future[Segment] = Future()
                self._pending[key] = pending
        if waiting is not None:
            return waiting.result(timeout=SYNTHESIS_WAIT_SECONDS)
        try:
            narrator, _lock = self._narrator(voice_id)
            with self._narrator_held(voice_id):  # a Narrator is used by one thread at a time (its contract)
                segment = narrator.segment(block, article_lang)
        except BaseException as error:
            self._finish(key, pending, error=error)
            raise
        self._finish(key, pending, segment=segment)
        return segment

    def engine_of(self, voice_id: str) -> str | None:
        """The engine that speaks this voice ("" = the server's own engine)."""
        return str(self._narrator(voice_id)[0].engine.name)

    def plan(self, block: Block, voice_id: str = "") -> list[tuple[int, int]]:
        return part_plan(block, self.engine_of(voice_id))

    def part(self, article_id: str, block: Block, article_lang: str, voice_id: str, part: int) -> Segment:
        """One part of the block's audio (:func:`part_plan`); a one-part block is :meth:`segment`."""
        plan = self.plan(block, voice_id)
        if len(plan) == 1:
            return self.segment(article_id, block, article_lang, voice_id)
        key = (article_id, block.id, voice_id, part)
        with self._lock:
            if key in self._parts:
                self._parts.move_to_end(key)
                return self._parts[key]
            production = self._production((article_id, block.id, voice_id), block, article_lang)
        first, end = plan[part]
        self._wait_for(production, voice_id, first, end)
        segment = self._assemble(production, first, end)
        with self._lock:
            self._parts[key] = segment
            while len(self._parts) > self._segments_in_memory:
                self._parts.popitem(last=False)
        with production.changed:  # what is heard before this part is not held twice
            for index in [index for index in production.pieces if index < first]:
                del production.pieces[index]
        return segment

    def _production(self, key: SegmentKey, block: Block, article_lang: str) -> _Production:
        """The block's production, made on first use (call with ``self._lock`` held)."""
        if key not in self._productions:
            self._productions[key] = _Production(block, article_lang)
            while len(self._productions) > PRODUCTIONS_IN_MEMORY:
                self._productions.popitem(last=False)
        self._productions.move_to_end(key)
        return self._productions[key]

    def _wait_for(self, production: _Production, voice_id: str, first: int, end: int) -> None:
        """Until sentences [first, end) are made; starts (or turns back) the block's thread as needed."""
        deadline = time.monotonic() + SYNTHESIS_WAIT_SECONDS
        with production.changed:
            if not production.running:
                production.error = None  # a new request tries again after a failure
            production.wanted_end = max(production.wanted_end, end)
            production.waiting += 1
            try:
                while (missing := production.missing(first, end)) is not None:
                    if production.error is not None:
                        raise production.error
                    if not production.running:
                        production.running, production.start_at = True, missing
                        threading.Thread(target=self._produce, args=(production, voice_id),
                                         name="readaloud-parts", daemon=True).start()
                    elif missing < production.position:  # behind the thread: it turns back
                        production.start_at, production.restart = missing, True
                    left = deadline - time.monotonic()
                    if left <= 0:
                        from ..errors import SpeechError

                        raise SpeechError(f"the speech for this part took over {SYNTHESIS_WAIT_SECONDS} seconds")
                    production.changed.wait(left)
            finally:
                production.waiting -= 1

    def _produce(self, production: _Production, voice_id: str) -> None:
        """The production's thread: the block's sentences in order from ``start_at``, under the voice's
        Narrator, until the block is made, it is far enough ahead, or another block's request wants the
        Narrator while nobody waits here."""
        try:
            narrator, _lock = self._narrator(voice_id)
            with self._narrator_held(voice_id):
                while self._make_run(production, narrator, voice_id):
                    pass
        except BaseException as error:  # noqa: BLE001 - handed to the requests waiting for it
            with production.changed:
                production.error = error
        with production.changed:
            production.running = False
            production.changed.notify_all()

    @contextmanager
    def _narrator_held(self, voice_id: str) -> Iterator[None]:
        """The voice's Narrator lock, counted while waited for: a production that nobody waits for
        gives the Narrator up between two sentences when someone else wants it."""
        _narrator, lock = self._narrator(voice_id)
        with self._lock:
            self._wanting[voice_id] = self._wanting.get(voice_id, 0) + 1
        try:
            lock.acquire()
        finally:
            with self._lock:
                self._wanting[voice_id] -= 1
        try:
            yield
        finally:
            lock.release()

    def _make_run(self, production: _Production, narrator: Any, voice_id: str) -> bool:
        """One run of sentences from ``start_at``; True when it should run again from a new place."""
        with production.changed:
            start, production.restart = production.start_at, False
            production.position = start
        pieces = narrator.sentence_pieces(production.block, production.article_lang, start)
        made: list[Piece] = []
        try:
            for index, piece in pieces:
                made.append(piece)
                with production.changed:
                    if len(made) == production.piece_counts[index]:  # the sentence's last piece
                        production.pieces[index] = made
                        production.position = index + 1
                        made = []
                        production.changed.notify_all()
                        if production.restart:
                            return True
                        if production.waiting == 0 and (self._wanting.get(voice_id, 0) > 0 or index + 1 >= _ahead_end(production)):
                            return False
        finally:
            pieces.close()
        return False

    def _assemble(self, production: _Production, first: int, end: int) -> Segment:
        """Sentences [first, end) as one segment, a sentence gap before each that follows another."""
        with production.changed:
            sentences = [production.pieces[index] for index in range(first, end)]
        rate = sentences[0][0].segment.sample_rate if sentences and sentences[0] else 0
        joined: list[Piece] = []
        for index, pieces in zip(range(first, end), sentences):
            if index > 0 and any(piece.segment.pcm for piece in pieces):
                gap = bytes(SAMPLE_WIDTH * (rate * SENTENCE_GAP_MS // 1000))
                joined.append(Piece(production.block, Segment(production.block.id, gap, rate), False, False))
            joined += pieces
        if not joined:
            return Segment(production.block.id, b"", rate or 22050)
        return join_pieces(joined)

    def _finish(
        self, key: SegmentKey, pending: Future[Segment], segment: Segment | None = None, error: BaseException | None = None
    ) -> None:
        """Hand the segment (or the error) to every request waiting for it; keep the segment for a while."""
        with self._lock:
            del self._pending[key]
            if segment is not None:
                self._segments[key] = segment
                while len(self._segments) > self._segments_in_memory:
                    self._segments.popitem(last=False)
        if segment is not None:
            pending.set_result(segment)
        else:
            pending.set_exception(error)

    def _narrator(self, voice_id: str) -> tuple[Any, threading.Lock]:
        """The Narrator for a voice ("" = the article's own choice) and its lock, made on first use.

        espeak synthesises under one process-wide lock anyway, so serialising each Narrator costs
        nothing; different voices still overlap their cache reads and WAV building.
        """
        chosen = self.voice(voice_id) if voice_id else None  # a voice of any engine: that engine speaks
        engine = chosen.engine if chosen else self._engine_name
        with self._lock:
            if voice_id not in self._narrators:
                from ..speak import AudioCache, Narrator, SpeechOptions

                options = SpeechOptions(engine=engine, voice=voice_id or None, rate=self._rate)
                narrator = Narrator(options, AudioCache(self._cache_dir))
                self._narrators[voice_id] = (narrator, threading.Lock())
                start = getattr(narrator.engine, "start", None)  # a worker pool (piper): all of it, now
                if start is not None:
                    threading.Thread(target=start, args=(narrator.explicit_voice,), name="readaloud-engine-start", daemon=True).start()
            return self._narrators[voice_id]


def _speaks(voice: Voice, language: str) -> bool:
    tags = [tag for tag, _priority in getattr(voice, "languages", ())] or [voice.lang]
    return any(primary(tag) == language for tag in tags)
