"""The speak stage: prepared blocks in, :class:`~readaloud.model.Segment` audio with timings out.

A :class:`Narrator` picks a voice per block (the block's language, else the article's; an explicit
``--voice`` wins for the article's language; a language no voice speaks falls back to the default voice
with a warning), synthesises each sentence's speech text through the audio cache, and joins the
sentences with a short pause. Timings are in ms from the segment start; each :class:`WordMark` names
its sentence and indexes that sentence's speech text.

:meth:`Narrator.pieces` gives the same audio a sentence at a time (:class:`Piece`), which is what
writers stream to an encoder: a block of any length then costs a few sentences of memory, where a
whole :class:`~readaloud.model.Segment` of a 40,000-word paragraph is 600 MB of PCM.

One sample rate per Narrator, the main engine's (espeak and pyttsx3 on Linux: 22,050 Hz; piper's
medium voices: 22,050 Hz too): audio from a fallback engine at another rate is resampled, so the
renderer sees one rate throughout.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace

from ..errors import SpeechError, UsageError
from ..langtags import primary, same_language, without_script
from ..model import Block, Segment, Sentence, SentenceMark, WordMark
from .base import DEFAULT_RATE, MAX_RATE, MIN_RATE, SAMPLE_WIDTH, Engine, Synthesis, Voice
from .cache import AudioCache
from .registry import EngineRegistry, process_registry
from .voices import find_voice

log = logging.getLogger(__name__)

# Silence between two sentences of one block. 200 ms sits between espeak's own comma (~100 ms) and
# full-stop (~300 ms at 175 wpm) pauses: with it, sentences read as one paragraph rather than a list.
SENTENCE_GAP_MS = 200

# Pieces (sentences) synthesised ahead of the consumer by :meth:`Narrator.pieces`, on as many threads
# as the engine can use at once (its ``parallel``: espeak 1, as it serialises on its library lock and
# the gain is overlapping synthesis with the consumer's encoding, benchmarks/engines.py; piper one per
# worker process). Counted in sentences, not blocks, so memory stays bounded inside a 40,000-word
# paragraph (a block of it was 600 MB).
LOOKAHEAD_PIECES = 4

# One synthesis gets at most this much speech text; a longer sentence's speech (prepare cuts display
# sentences at 1,000 characters, but numbers and symbols expand: 10 KB of "1/1/1" is 45 KB to say)
# is synthesised in parts cut at spaces. 2,000 characters is about 2 minutes, 5 MB, of espeak speech;
# with 4,000, the lookahead and the encoder's queue of such parts made that page peak at 239 MB.
MAX_SPEECH_CHARS = 2000

# Used when neither the block, the article nor the options name a language.
FALLBACK_LANGUAGE = "en"

# Lone surrogates (text decoded with errors="surrogateescape") cannot be encoded for any engine;
# replacing each with U+FFFD keeps every character index, so word marks still fit the speech text.
SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class SpeechOptions:
    """What the listener chose: engine (None: default), voice id or name, words per minute, language,
    and a voice per language (settings files' ``[voices]``: any installed engine's voice)."""

    engine: str | None = None
    voice: str | None = None
    rate: int = DEFAULT_RATE
    lang: str | None = None
    voices: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if not MIN_RATE <= self.rate <= MAX_RATE:
            raise UsageError(f"The speech rate must be between {MIN_RATE} and {MAX_RATE} words per minute.")


def _voice_version(engine: Engine, voice: Voice) -> str:
    """The engine's version and, where a listener's voice file can be replaced under the same name
    (Piper's voices folder), that file's revision: a new file is never answered from the old audio."""
    revision = getattr(engine, "voice_revision", None)
    return f"{engine.version()} {revision(voice)}".rstrip() if revision else engine.version()


class Narrator:
    """Turns blocks into segments. Call from one thread; :meth:`segments` runs its own worker."""

    def __init__(
        self,
        options: SpeechOptions | None = None,
        cache: AudioCache | None = None,
        registry: EngineRegistry | None = None,
        lookahead: int = LOOKAHEAD_PIECES,
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
        self.explicit_voice = self._explicit_voice() if self.options.voice else None

    def _explicit_voice(self) -> Voice:
        """The --voice asked for: the main engine's; with no --engine, any installed engine's voice of
        that id or name (a Piper voice in the voices folder needs no --engine piper), which then reads."""
        assert self.options.voice is not None
        try:
            return find_voice(self.engine.voices(), self.options.voice, self.engine.name)
        except SpeechError:
            if self.options.engine is not None:
                raise
            found = self._voice_of_another_engine(self.options.voice)
            if found is None:
                if problem := self._voice_file_problem(self.options.voice):
                    raise SpeechError(f"The voice {self.options.voice!r} cannot be used: {problem}") from None
                raise
        self.engine = self.registry.get(found.engine)
        self.options = replace(self.options, engine=found.engine)
        return found

    def _voice_file_problem(self, spec: str) -> str:
        """Why a voices-folder file of that name was skipped (a broken or half-copied voice), if one was."""
        from .catalogue import CATALOGUE_ENGINES

        for name in CATALOGUE_ENGINES:
            try:
                problems: list[str] = getattr(self.registry.get(name), "voice_problems", list)()
            except SpeechError:
                continue
            if found := next((problem for problem in problems if f"{spec}.onnx" in problem), ""):
                return str(found)
        return ""

    def _voice_of_another_engine(self, spec: str) -> Voice | None:
        from .catalogue import CATALOGUE_ENGINES

        wanted = spec.strip().lower()
        for name in CATALOGUE_ENGINES:
            if name == self.engine.name:
                continue
            try:
                voices = self.registry.get(name).voices()
            except SpeechError:
                continue  # not installed here
            for voice in voices:
                if wanted in (voice.id.lower(), voice.name.strip().lower()):
                    return replace(voice, engine=voice.engine or name)
        return None

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
        if block.lang and article_lang and same_language(block.lang, article_lang):
            lang = article
        if self.explicit_voice and (not lang or same_language(lang, article or lang)):
            return self.explicit_voice
        return self.voice_for_language(lang or FALLBACK_LANGUAGE, article or FALLBACK_LANGUAGE)

    def voice_for_language(self, lang: str, article_lang: str = FALLBACK_LANGUAGE) -> Voice:
        """The main engine's voice for ``lang``, else espeak's, else the default voice with a warning."""
        if lang not in self._voices_by_lang:
            self._voices_by_lang[lang] = self._choose_voice(lang, article_lang)
        return self._voices_by_lang[lang]

    def _choose_voice(self, lang: str, article_lang: str) -> Voice:
        voice = self._preferred_voice(lang) or self.engine.voice_for(lang)
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

    def _preferred_voice(self, lang: str) -> Voice | None:
        """The voice the settings name for ``lang`` (its own tag first, then its language), looked for
        in the main engine, then in every other installed one; a voice not installed is a warning."""
        tag, language = without_script(lang), primary(lang)
        spec = next((voice for wanted, voice in self.options.voices if wanted in (tag, language)), None)
        if spec is None:
            return None
        from .catalogue import CATALOGUE_ENGINES

        # An --engine the listener named is kept: the settings choose among its voices only.
        engines = [self.engine.name] if self.options.engine else [self.engine.name, *CATALOGUE_ENGINES]
        for name in dict.fromkeys(engines):
            try:
                return find_voice(self.registry.get(name).voices(), spec, name)
            except SpeechError:
                continue  # not this engine's voice, or the engine is not installed
        self._warn(f"The voice {spec!r} set for {language!r} is not installed; reading that text with the default voice.")
        return None

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
        """Kept for the caller to show (the CLI's "readaloud: warning:", a batch report's row); logged
        at info only, or a program without logging set up prints it twice."""
        if message not in self.warnings:
            self.warnings.append(message)
            log.info("%s", message)

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
        key = AudioCache.key(engine.name, _voice_version(engine, voice), voice.id, self.options.rate, text)
        synthesis = self.cache.get(key)
        if synthesis is None:
            synthesis = engine.synthesize(text, voice, self.options.rate)
            self.cache.put(key, synthesis)
        return synthesis

    def segment(self, block: Block, article_lang: str) -> Segment:
        """The block's whole audio, sentence by sentence, with sentence and word marks.

        Holds the block's PCM at once (a 40,000-word paragraph is 600 MB): renderers use :meth:`pieces`.
        """
        voice = self.voice_for_block(block, article_lang)
        return join_pieces(list(self._assemble((job, self._synthesize_job(job)) for job in _jobs(block, voice))))

    def segments(
        self, blocks: Iterable[Block], article_lang: str, lookahead: int | None = None
    ) -> Iterator[Segment]:
        """Whole-block segments in block order (each block is held whole; see :meth:`pieces`)."""
        run: list[Piece] = []
        for piece in self.pieces(blocks, article_lang, lookahead):
            run.append(piece)
            if piece.last:
                yield join_pieces(run)
                run = []

    def pieces(self, blocks: Iterable[Block], article_lang: str, lookahead: int | None = None) -> Generator[Piece, None, None]:
        """Every block's audio in order, in pieces of at most one sentence (or :data:`MAX_SPEECH_CHARS`).

        Memory is bounded by ``lookahead`` pieces (synthesised ahead in a worker thread) whatever the
        block lengths. Every block yields at least one piece, so a renderer sees each block start and
        end. Voices are chosen here, in the caller's thread, so warnings and the voice memo are never
        touched by the worker. Closing the iterator early cancels the pieces not yet started.
        """
        lookahead = self.lookahead if lookahead is None else lookahead
        jobs = (job for block in blocks for job in _jobs(block, self.voice_for_block(block, article_lang)))
        if lookahead <= 0:
            yield from self._assemble((job, self._synthesize_job(job)) for job in jobs)
        else:
            yield from self._assemble(self._synthesized_ahead(jobs, lookahead))

    def sentence_pieces(
        self, block: Block, article_lang: str, start: int = 0, lookahead: int | None = None
    ) -> Generator[tuple[int, Piece], None, None]:
        """The block's sentences from index ``start`` on, each as its pieces with the sentence's index.

        What the player streams in parts (web/audio.py): no sentence gap is put in (the caller knows
        where a part starts), and a caller that stops early costs only the pieces already in flight,
        which the audio cache keeps. Synthesised ahead as :meth:`pieces` does.
        """
        lookahead = self.lookahead if lookahead is None else lookahead
        voice = self.voice_for_block(block, article_lang)
        handed: deque[int] = deque()  # the sentence index of each job handed out, in order

        def wanted() -> Iterator[_Job]:
            index = -1  # counted, not looked up: a page-sized paragraph has 675,000 sentence ids
            for job in _jobs(block, voice):
                index += job.new_sentence
                if job.sentence is not None and index >= start:
                    handed.append(index)
                    yield job

        jobs = wanted()
        rate = self.sample_rate
        # The first sentence alone: it is what a listener waits for, and on two cores a second sentence
        # made beside it (while the browser plays) slowed it: piper's first audio in the player, median
        # 827 ms with it, 658 ms without (benchmarks/voices.py --player-only).
        first = next(jobs, None)
        if first is None:
            return
        yield handed.popleft(), self._piece(first, self._synthesize_job(first), rate, gap=False)
        results = (
            self._synthesized_ahead(jobs, lookahead) if lookahead > 0 else ((job, self._synthesize_job(job)) for job in jobs)
        )
        try:
            for job, synthesis in results:
                yield handed.popleft(), self._piece(job, synthesis, rate, gap=False)
        finally:
            results.close()  # stopped early: cancel what has not started, wait for what has

    def _synthesized_ahead(
        self, jobs: Iterator[_Job], lookahead: int
    ) -> Generator[tuple[_Job, Synthesis | None], None, None]:
        """Each job with its synthesis, run up to ``lookahead`` jobs ahead on the engine's ``parallel`` threads."""
        pending: deque[tuple[_Job, Future[Synthesis | None]]] = deque()
        threads = max(1, min(lookahead, getattr(self.engine, "parallel", 1)))
        with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="readaloud-speak") as pool:
            try:
                for job in jobs:
                    pending.append((job, pool.submit(self._synthesize_job, job)))
                    if len(pending) > lookahead:
                        job, future = pending.popleft()
                        yield job, future.result()
                while pending:
                    job, future = pending.popleft()
                    yield job, future.result()
            finally:
                for _job, future in pending:
                    future.cancel()

    def _assemble(self, results: Iterable[tuple[_Job, Synthesis | None]]) -> Iterator[Piece]:
        """Pieces from syntheses in order; a sentence gap goes only after sound earlier in the block."""
        rate = self.sample_rate  # once: espeak answers it under the lock its synthesis holds
        said = False
        for job, synthesis in results:
            said = said and not job.first
            piece = self._piece(job, synthesis, rate, gap=said and job.new_sentence)
            said = said or bool(piece.segment.pcm)
            yield piece

    def _synthesize_job(self, job: _Job) -> Synthesis | None:
        return self.synthesize(job.text, job.voice) if job.sentence else None

    @staticmethod
    def _piece(job: _Job, synthesis: Synthesis | None, rate: int, gap: bool) -> Piece:
        """One job's audio as a piece, opening with the sentence gap when ``gap`` and it makes audio."""
        if synthesis is None or job.sentence is None:
            return Piece(job.block, Segment(job.block.id, b"", rate), job.first, job.last)
        silence = bytes(SAMPLE_WIDTH * (rate * SENTENCE_GAP_MS // 1000)) if gap and synthesis.pcm else b""
        start_ms = len(silence) * 1000 // (SAMPLE_WIDTH * rate)
        end_ms = (len(silence) + len(synthesis.pcm)) * 1000 // (SAMPLE_WIDTH * rate)
        sentence_id = job.sentence.id
        words = [WordMark(w.start + job.offset, w.length, start_ms + w.ms, sentence_id) for w in synthesis.words]
        segment = Segment(job.block.id, silence + synthesis.pcm, rate, [SentenceMark(sentence_id, start_ms, end_ms)], words)
        return Piece(job.block, segment, job.first, job.last)


@dataclass(frozen=True)
class Piece:
    """Consecutive audio of one block, at most one sentence: what renderers stream to an encoder.

    Marks are in ms from the piece's own start. A sentence longer than :data:`MAX_SPEECH_CHARS` comes
    in several pieces whose sentence marks share its id (join them by id). ``first`` and ``last``
    say where the block starts and ends; a block with nothing to say is one empty piece.
    """

    block: Block
    segment: Segment
    first: bool
    last: bool


@dataclass(frozen=True)
class _Job:
    """One synthesis to run: a sentence's speech text, or the part of it starting at ``offset``."""

    block: Block
    voice: Voice
    sentence: Sentence | None
    text: str
    offset: int
    first: bool
    last: bool
    new_sentence: bool  # False for the second and later parts of one sentence


def _jobs(block: Block, voice: Voice) -> Iterator[_Job]:
    """The syntheses that make ``block``: one per sentence, or per part of an overlong speech text.

    The gap between sentences depends on whether an earlier sentence made any sound, which only the
    synthesis knows; so ``new_sentence`` marks where a gap may go and :meth:`Narrator._assemble` decides.
    """
    # One part ahead (to know which is last), never the block's list of parts: a page-sized paragraph
    # has hundreds of thousands of sentences, and a tuple per part was 70 MB of the run's peak.
    parts = ((sentence, offset, text) for sentence in sentences_to_speak(block) for offset, text in speech_parts(sentence.speech))
    held = next(parts, None)
    if held is None:
        yield _Job(block, voice, None, "", 0, first=True, last=True, new_sentence=False)
        return
    first = True
    for following in parts:
        sentence, offset, text = held
        yield _Job(block, voice, sentence, text, offset, first, False, new_sentence=offset == 0)
        first, held = False, following
    sentence, offset, text = held
    yield _Job(block, voice, sentence, text, offset, first, True, new_sentence=offset == 0)


def speech_parts(speech: str, limit: int = MAX_SPEECH_CHARS) -> list[tuple[int, str]]:
    """(offset, text) parts of a speech text, each at most ``limit`` characters, cut at white space."""
    parts = []
    start = 0
    while len(speech) - start > limit:
        cut = speech.rfind(" ", start + limit // 2, start + limit)
        cut = cut + 1 if cut > 0 else start + limit
        parts.append((start, speech[start:cut]))
        start = cut
    parts.append((start, speech[start:]))
    return parts


def join_pieces(pieces: list[Piece]) -> Segment:
    """One block's pieces as one segment; sentence marks of one sentence's parts become one mark."""
    first = pieces[0].segment
    rate = first.sample_rate
    sentences: list[SentenceMark] = []
    words: list[WordMark] = []
    length = 0  # bytes of PCM before the current piece
    for piece in pieces:
        offset_ms = length * 1000 // (SAMPLE_WIDTH * rate)
        for mark in piece.segment.sentences:
            start, end = offset_ms + mark.start_ms, offset_ms + mark.end_ms
            if sentences and sentences[-1].sentence_id == mark.sentence_id:  # a later part of one sentence
                start = sentences.pop().start_ms
            sentences.append(SentenceMark(mark.sentence_id, start, end))
        words += [WordMark(w.start, w.length, offset_ms + w.ms, w.sentence_id) for w in piece.segment.words]
        length += len(piece.segment.pcm)
    pcm = b"".join(piece.segment.pcm for piece in pieces)
    return Segment(first.block_id, pcm, rate, sentences, words)


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
    import numpy as np  # only a fallback engine at another rate needs it; importing costs 0.1 s at start

    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
    count = max(1, round(len(samples) * to_rate / from_rate))
    positions = np.arange(count) * (from_rate / to_rate)
    resampled = np.interp(positions, np.arange(len(samples)), samples)
    return np.clip(np.round(resampled), -32768, 32767).astype("<i2").tobytes()
