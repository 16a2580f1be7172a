"""The speak stage: prepared blocks in, :class:`~readaloud.model.Segment` audio with timings out.

A :class:`Narrator` picks a voice per block (the block's language, else the article's; an explicit
``--voice`` wins for the article's language; a language no voice speaks falls back to the default voice
with a warning), synthesises each sentence's speech text through the audio cache, and joins the
sentences with a short pause. Timings are in ms from the segment start; each :class:`WordMark` names
its sentence and indexes that sentence's speech text.

One sample rate per Narrator, the main engine's (espeak and pyttsx3 on Linux: 22,050 Hz; piper's
medium voices: 22,050 Hz too): audio from a fallback engine at another rate is resampled, so the
renderer sees one rate throughout.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from ..errors import UsageError
from ..model import Block, Segment, Sentence, SentenceMark, WordMark
from .base import DEFAULT_RATE, MAX_RATE, MIN_RATE, SAMPLE_WIDTH, Engine, Synthesis, Voice
from .cache import AudioCache
from .registry import EngineRegistry, process_registry
from .voices import find_voice, primary_language

log = logging.getLogger(__name__)

# Silence between two sentences of one block. 200 ms sits between espeak's own comma (~100 ms) and
# full-stop (~300 ms at 175 wpm) pauses: with it, sentences read as one paragraph rather than a list.
SENTENCE_GAP_MS = 200

# Blocks synthesised ahead of the consumer by :meth:`Narrator.segments`. One worker thread suffices:
# espeak serialises on its library lock, so more threads cannot speed it up; the gain is overlapping
# synthesis with the consumer's encoding (benchmarks/engines.py measures it).
LOOKAHEAD_BLOCKS = 2

# Used when neither the block, the article nor the options name a language.
FALLBACK_LANGUAGE = "en"

# Lone surrogates (text decoded with errors="surrogateescape") cannot be encoded for any engine;
# replacing each with U+FFFD keeps every character index, so word marks still fit the speech text.
SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class SpeechOptions:
    """What the listener chose: engine (None: default), voice id or name, words per minute, language."""

    engine: str | None = None
    voice: str | None = None
    rate: int = DEFAULT_RATE
    lang: str | None = None

    def __post_init__(self) -> None:
        if not MIN_RATE <= self.rate <= MAX_RATE:
            raise UsageError(f"The speech rate must be between {MIN_RATE} and {MAX_RATE} words per minute.")


class Narrator:
    """Turns blocks into segments. Call from one thread; :meth:`segments` runs its own worker."""

    def __init__(
        self,
        options: SpeechOptions | None = None,
        cache: AudioCache | None = None,
        registry: EngineRegistry | None = None,
        lookahead: int = LOOKAHEAD_BLOCKS,
    ) -> None:
        """``lookahead=0`` makes a single-threaded narrator (and writers encode inline for it): what a
        worker of a process pool wants, where the pool, not threads, fills the cores."""
        self.options = options or SpeechOptions()
        self.lookahead = lookahead
        self.cache = cache
        self.registry = registry or process_registry()
        self.engine = self.registry.get(self.options.engine)
        self.warnings: list[str] = []
        self._voices_by_lang: dict[str, Voice] = {}
        # Checked now so a mistyped --voice fails before any audio is made.
        self.explicit_voice = (
            find_voice(self.engine.voices(), self.options.voice, self.engine.name) if self.options.voice else None
        )

    @property
    def sample_rate(self) -> int:
        """The rate of every segment this narrator returns."""
        return self.engine.sample_rate

    # -- voices -----------------------------------------------------------------------------------

    def voice_for_block(self, block: Block, article_lang: str) -> Voice:
        """The voice for ``block``: see the module docstring for the order of preference."""
        article = self.options.lang or article_lang or ""
        lang = block.lang or article
        # A block tagged with the article's detected language follows a --lang override too.
        if block.lang and article_lang and primary_language(block.lang) == primary_language(article_lang):
            lang = article
        if self.explicit_voice and (not lang or primary_language(lang) == primary_language(article or lang)):
            return self.explicit_voice
        return self.voice_for_language(lang or FALLBACK_LANGUAGE, article or FALLBACK_LANGUAGE)

    def voice_for_language(self, lang: str, article_lang: str = FALLBACK_LANGUAGE) -> Voice:
        """The main engine's voice for ``lang``, else espeak's, else the default voice with a warning."""
        if lang not in self._voices_by_lang:
            self._voices_by_lang[lang] = self._choose_voice(lang, article_lang)
        return self._voices_by_lang[lang]

    def _choose_voice(self, lang: str, article_lang: str) -> Voice:
        voice = self.engine.voice_for(lang)
        if voice:
            return voice
        if self.engine.name != "espeak":
            voice = self._espeak_voice(lang)
            if voice:
                self._warn(f"The {self.engine.name} engine has no {lang!r} voice; reading that text with espeak.")
                return voice
        default = self._default_voice(lang, article_lang)
        self._warn(f"No voice speaks the language {lang!r}; reading that text with {default.name}.")
        return default

    def _espeak_voice(self, lang: str) -> Voice | None:
        try:
            return self.registry.get("espeak").voice_for(lang)
        except Exception as error:  # noqa: BLE001 - any failure just means no fallback voice
            log.info("espeak is not available as a fallback: %s", error)
            return None

    def _default_voice(self, lang: str, article_lang: str) -> Voice:
        if self.explicit_voice:
            return self.explicit_voice
        for candidate in (article_lang, FALLBACK_LANGUAGE):
            if candidate != lang and (voice := self.engine.voice_for(candidate)):
                return voice
        return self.engine.voices()[0]

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)
            log.warning("%s", message)

    # -- audio ------------------------------------------------------------------------------------

    def synthesize(self, text: str, voice: Voice) -> Synthesis:
        """One text with one voice at the chosen rate, through the cache, at :attr:`sample_rate`."""
        engine = self._engine_for(voice)
        synthesis = self._cached_synthesis(engine, SURROGATES.sub("\ufffd", text), voice)
        if synthesis.sample_rate != self.sample_rate:
            synthesis = Synthesis(
                pcm=resample_pcm(synthesis.pcm, synthesis.sample_rate, self.sample_rate),
                sample_rate=self.sample_rate,
                words=synthesis.words,
                estimated_timings=synthesis.estimated_timings,
            )
        return synthesis

    def _engine_for(self, voice: Voice) -> Engine:
        return self.engine if voice.engine == self.engine.name else self.registry.get(voice.engine)

    def _cached_synthesis(self, engine: Engine, text: str, voice: Voice) -> Synthesis:
        if self.cache is None:
            return engine.synthesize(text, voice, self.options.rate)
        key = AudioCache.key(engine.name, engine.version(), voice.id, self.options.rate, text)
        synthesis = self.cache.get(key)
        if synthesis is None:
            synthesis = engine.synthesize(text, voice, self.options.rate)
            self.cache.put(key, synthesis)
        return synthesis

    def segment(self, block: Block, article_lang: str) -> Segment:
        """The block's audio, sentence by sentence, with sentence and word marks."""
        return self._segment_with_voice(block, self.voice_for_block(block, article_lang))

    def _segment_with_voice(self, block: Block, voice: Voice) -> Segment:
        rate = self.sample_rate
        gap = bytes(SAMPLE_WIDTH * (rate * SENTENCE_GAP_MS // 1000))
        parts: list[bytes] = []
        sentence_marks: list[SentenceMark] = []
        word_marks: list[WordMark] = []
        length = 0  # bytes of PCM so far
        for sentence in sentences_to_speak(block):
            synthesis = self.synthesize(sentence.speech, voice)
            if synthesis.pcm and length:
                parts.append(gap)
                length += len(gap)
            start_ms = length * 1000 // (SAMPLE_WIDTH * rate)
            parts.append(synthesis.pcm)
            length += len(synthesis.pcm)
            sentence_marks.append(SentenceMark(sentence.id, start_ms, length * 1000 // (SAMPLE_WIDTH * rate)))
            word_marks += [WordMark(w.start, w.length, start_ms + w.ms, sentence.id) for w in synthesis.words]
        return Segment(block.id, b"".join(parts), rate, sentence_marks, word_marks)

    def segments(
        self, blocks: Iterable[Block], article_lang: str, lookahead: int | None = None
    ) -> Iterator[Segment]:
        """Segments in block order, synthesising up to ``lookahead`` blocks ahead in a worker thread.

        Memory stays bounded by the lookahead whatever the article length. Voices are chosen here, in
        the caller's thread, so warnings and the voice memo are never touched by the worker. Closing
        the iterator early cancels the blocks not yet started.
        """
        lookahead = self.lookahead if lookahead is None else lookahead
        if lookahead <= 0:
            yield from (self.segment(block, article_lang) for block in blocks)
            return
        pending: deque[Future[Segment]] = deque()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="readaloud-speak") as pool:
            try:
                for block in blocks:
                    voice = self.voice_for_block(block, article_lang)
                    pending.append(pool.submit(self._segment_with_voice, block, voice))
                    if len(pending) > lookahead:
                        yield pending.popleft().result()
                while pending:
                    yield pending.popleft().result()
            finally:
                for future in pending:
                    future.cancel()


def sentences_to_speak(block: Block) -> list[Sentence]:
    """The block's prepared sentences; an unprepared block is read as one sentence ``<id>.s1``."""
    if block.sentences:
        return block.sentences
    if not block.text.strip():
        return []
    return [Sentence(id=f"{block.id}.s1", text=block.text, speech=block.text, start=0, end=len(block.text))]


def resample_pcm(pcm: bytes, from_rate: int, to_rate: int) -> bytes:
    """Linear-interpolation resampling of 16-bit mono PCM.

    Good enough for speech between the 16-24 kHz rates TTS engines use (little energy near Nyquist);
    not a general-purpose resampler.
    """
    if from_rate == to_rate or not pcm:
        return pcm
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
    count = max(1, round(len(samples) * to_rate / from_rate))
    positions = np.arange(count) * (from_rate / to_rate)
    resampled = np.interp(positions, np.arange(len(samples)), samples)
    return np.clip(np.round(resampled), -32768, 32767).astype("<i2").tobytes()
