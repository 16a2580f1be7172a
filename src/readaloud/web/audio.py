"""Block audio for the player: synthesis through the Narrator, once per block, shared by requests.

The browser asks for a block twice in quick succession (its timings, then its audio, then byte ranges
of the audio), often on different waitress threads. Each block is synthesised once: the first request
does the work, the others wait for its result, and recent segments stay in memory so the follow-up
requests cost nothing. The Narrator's own disk cache keeps them across restarts.
"""

from __future__ import annotations

import io
import threading
import time
import wave
from collections import OrderedDict
from concurrent.futures import Future
from typing import Any

from ..langtags import primary
from ..model import Block, Segment
from ..speak.base import Voice
from .wordmap import block_words

SYNTHESIS_WAIT_SECONDS = 120  # a request waiting on another thread's synthesis of the same block
# The voice list is looked at again after this long, so a Piper voice dropped into the voices folder
# shows in the menu without a restart (listing reads every engine's voice data: not per request).
VOICE_LIST_SECONDS = 30.0
SAMPLE_WIDTH = 2  # mono signed 16-bit PCM, as every engine produces

SegmentKey = tuple[str, str, str]  # (article id, block id, voice id or "")


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
            narrator, narrator_lock = self._narrator(voice_id)
            with narrator_lock:  # a Narrator is used by one thread at a time (its contract)
                segment = narrator.segment(block, article_lang)
        except BaseException as error:
            self._finish(key, pending, error=error)
            raise
        self._finish(key, pending, segment=segment)
        return segment

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
                self._narrators[voice_id] = (Narrator(options, AudioCache(self._cache_dir)), threading.Lock())
            return self._narrators[voice_id]


def _speaks(voice: Voice, language: str) -> bool:
    tags = [tag for tag, _priority in getattr(voice, "languages", ())] or [voice.lang]
    return any(primary(tag) == language for tag in tags)
