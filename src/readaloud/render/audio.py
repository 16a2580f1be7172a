"""Article -> one audio file with chapters (and optionally a WebVTT transcript), streamed block by block.

a :class:`PreparedArticle` (sentences, speech text) -> :meth:`Narrator.pieces` (synthesis a few sentences ahead,
on a worker thread) -> :class:`AudioWriter` (encoding on another): memory holds a few sentences of PCM
whatever the article's or the block's length (measured in benchmarks/limits.py). The title, dek and byline are read once at the start; blocks kept only for
display (``spoken=False``: captions, credits) are never read. Pauses between blocks carry the
structure a reader sees as white space.
"""

from __future__ import annotations

import array
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NoArticleError, ReadaloudError, SpeechError
from ..model import FRONT_MATTER_IDS, Article, Block, BlockKind, PreparedArticle, Segment
from ..speak import Narrator
from ..speak.narrator import Piece
from .chapters import Chapter
from .encode import AudioWriter, check_output_path, format_spec
from .tags import AudioMetadata
from .transcript import Cue, TranscriptWriter

# Silence between two blocks, in ms. Calibrated by ear against espeak-ng at 175 wpm, whose own full stop
# is ~300 ms and the Narrator's gap between sentences 200 ms: a paragraph break must be clearly longer
# than a sentence break, a heading must stand apart from what precedes it more than from what it
# introduces (as it does on the page), and items of one list or table run closer together.
PAUSE_BETWEEN_PARAGRAPHS_MS = 500
PAUSE_BEFORE_HEADING_MS = 900
PAUSE_AFTER_HEADING_MS = 400
PAUSE_BETWEEN_ITEMS_MS = 350  # consecutive list items or table cells of one group
PAUSE_AFTER_OPENING_MS = 900  # title, dek and byline, then the body: like a heading boundary

# Peak sample above which PCM counts as sound: espeak's speech peaks above 10,000 (measured on the
# samples); what it returns for "----------" or U+200B is all zeros.
AUDIBLE_PEAK = 64

# Blocks that make up the opening chapter.
OPENING_BLOCK_IDS = frozenset(FRONT_MATTER_IDS)
OPENING_CHAPTER_FALLBACK = "Introduction"  # when an article has no title
ITEM_KINDS = frozenset({BlockKind.LIST_ITEM, BlockKind.TABLE_CELL})

# Called with (blocks done, blocks in total) after each block is written.
ProgressCallback = Callable[[int, int], None]


@dataclass
class AudioResult:
    """What was written: the file, its playing time, its chapters, and anything the listener should know."""

    path: Path
    duration_ms: int
    chapters: list[Chapter]
    warnings: list[str] = field(default_factory=list)
    transcript_path: Path | None = None


def audible(pcm: bytes) -> bool:
    """Does this PCM make a sound? espeak answers text it does not speak (a dash, a zero-width space)
    with 154 zero samples, so a length test is not enough. Called only until the first sound, so
    plain ``array`` does (numpy would add 0.1 s to every start)."""
    samples = array.array("h", pcm[: len(pcm) // 2 * 2])
    if sys.byteorder == "big":
        samples.byteswap()  # PCM is little-endian
    return bool(samples) and max(max(samples), -min(samples)) > AUDIBLE_PEAK


def pause_between(previous: Block, following: Block) -> int:
    """The silence (ms) between two consecutive spoken blocks."""
    if following.kind == BlockKind.HEADING:
        return PAUSE_BEFORE_HEADING_MS
    if previous.id in OPENING_BLOCK_IDS and following.id not in OPENING_BLOCK_IDS:
        return PAUSE_AFTER_OPENING_MS
    if previous.kind == BlockKind.HEADING:
        return PAUSE_AFTER_HEADING_MS
    if previous.kind in ITEM_KINDS and following.kind == previous.kind and previous.group == following.group:
        return PAUSE_BETWEEN_ITEMS_MS
    return PAUSE_BETWEEN_PARAGRAPHS_MS


def chapter_title(block: Block, index: int, article: Article) -> str | None:
    """The chapter ``block`` starts, if any: the opening for the first block, then one per body heading."""
    if index == 0:
        return article.title.strip() or OPENING_CHAPTER_FALLBACK
    if block.kind == BlockKind.HEADING and block.id not in OPENING_BLOCK_IDS:
        return " ".join(block.text.split())
    return None


def transcript_path_for(audio_path: str | os.PathLike[str]) -> Path:
    """``talk.mp3`` -> ``talk.vtt``, beside the audio, as players look for it."""
    return Path(audio_path).with_suffix(".vtt")


def write_article_audio(
    prepared: PreparedArticle,
    out_path: str | os.PathLike[str],
    narrator: Narrator,
    fmt: str = "mp3",
    *,
    progress: ProgressCallback | None = None,
    transcript: bool = False,
) -> AudioResult:
    """Speak ``prepared`` into ``out_path``; nothing is left at ``out_path`` (or its .vtt) unless it all worked.

    The narrator (and its cache) may be shared across articles: a batch worker keeps one.
    """
    article = prepared.article
    format_spec(fmt)  # fail fast: a missing encoder or an unwritable path before any synthesis
    path = check_output_path(out_path)
    vtt_path = check_output_path(transcript_path_for(path)) if transcript else None
    blocks = [block for block in prepared.spoken if block.sentences]
    if not blocks:
        raise NoArticleError("the article has no text to read aloud.")
    # The narrator gets the page's language and applies a --lang override itself (it also moves blocks
    # tagged with that language); the file is tagged with the language it is read in.
    lang = article.lang or blocks[0].lang
    metadata = AudioMetadata.from_article(article)
    metadata.language = narrator.options.lang or lang
    with AudioWriter(path, fmt, narrator.sample_rate, metadata, background=narrator.lookahead > 0) as writer:
        cues = TranscriptWriter(vtt_path) if vtt_path else None
        try:
            if not _narrate(article, blocks, lang, narrator, writer, cues, progress):
                raise NoArticleError("the article's text makes no sound when read aloud (only symbols or invisible characters).")
        except BaseException:
            if cues:
                cues.abort()
            raise
    # The audio is in place; only now does its transcript appear.
    transcript_written = cues.close() if cues else None
    return AudioResult(path, round(writer.position_ms), writer.chapters, list(narrator.warnings), transcript_written)


def _narrate(
    article: Article,
    blocks: list[Block],
    lang: str,
    narrator: Narrator,
    writer: AudioWriter,
    cues: TranscriptWriter | None,
    progress: ProgressCallback | None,
) -> bool:
    """Write each block's audio, piece by piece, after the pause its position calls for, marking
    chapters and cues; False when nothing made a sound. No block is held whole: a 40,000-word
    paragraph streams sentence by sentence."""
    previous: Block | None = None
    sentence_cues = _CueJoiner(cues) if cues else None
    index = 0  # blocks started
    spoken = False
    for piece in _spoken_pieces(narrator, blocks, lang):
        block = piece.block
        if piece.first:
            if previous is not None:
                writer.write_silence(pause_between(previous, block))
            title = chapter_title(block, index, article)
            if title:
                writer.add_chapter(title, block.id)
            index += 1
            previous = block
        start_ms = writer.position_ms
        writer.write(piece.segment.pcm)
        spoken = spoken or audible(piece.segment.pcm)
        if sentence_cues:
            sentence_cues.add(block, piece.segment, start_ms)
        if piece.last and progress:
            progress(index, len(blocks))
    if sentence_cues:
        sentence_cues.flush()
    return spoken


def _spoken_pieces(narrator: Narrator, blocks: list[Block], lang: str) -> Iterator[Piece]:
    """The narrator's pieces; an engine's own failure becomes one SpeechError sentence naming the block."""
    pieces = narrator.pieces(blocks, lang)
    done = 0  # blocks whose last piece has been seen: the next failure is in blocks[done]
    try:
        while True:
            try:
                piece = next(pieces)
            except StopIteration:
                return
            except ReadaloudError:
                raise
            except Exception as error:  # any engine failure: report it, never a traceback
                block_id = blocks[min(done, len(blocks) - 1)].id
                raise SpeechError(
                    f"the {narrator.engine.name} speech engine failed while reading block {block_id} ({error})."
                ) from error
            done += piece.last
            yield piece
    finally:
        pieces.close()


class _CueJoiner:
    """Turns pieces' sentence marks into cues; a sentence spoken in several pieces becomes one cue.

    Holds at most one cue (the sentence still being spoken), so the transcript streams too.
    """

    def __init__(self, writer: TranscriptWriter) -> None:
        self._writer = writer
        self._pending: Cue | None = None
        self._block_id = ""
        self._displayed: dict[str, str] = {}

    def add(self, block: Block, segment: Segment, piece_start_ms: float) -> None:
        if block.id != self._block_id:  # once per block: a long block has thousands of pieces
            self._block_id, self._displayed = block.id, {sentence.id: sentence.text for sentence in block.sentences}
        for mark in segment.sentences:
            start, end = round(piece_start_ms + mark.start_ms), round(piece_start_ms + mark.end_ms)
            if self._pending and self._pending.id == mark.sentence_id:
                self._pending.end_ms = end
                continue
            self.flush()
            text = self._displayed.get(mark.sentence_id, "")
            if text.strip():
                self._pending = Cue(mark.sentence_id, start, end, text)

    def flush(self) -> None:
        if self._pending:
            self._writer.add(self._pending)
            self._pending = None
