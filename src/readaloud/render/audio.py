"""Article -> one audio file with chapters (and optionally a WebVTT transcript), streamed block by block.

prepare (``speech_blocks``: sentences, speech text) -> :meth:`Narrator.segments` (synthesis a couple of blocks ahead, on a
worker thread) -> :class:`AudioWriter` (encoding on another): memory holds a few blocks of PCM whatever
the article's length. The title, dek and byline are read once at the start; blocks kept only for
display (``spoken=False``: captions, credits) are never read. Pauses between blocks carry the
structure a reader sees as white space.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import NoArticleError, ReadaloudError, SpeechError
from ..model import Article, Block, BlockKind, Segment
from ..speak import AudioCache, Narrator, SpeechOptions
from .chapters import Chapter
from .encode import AudioWriter, check_output_path, format_spec
from .tags import AudioMetadata
from .transcript import Cue, TranscriptWriter

if TYPE_CHECKING:
    from ..prepare import Lexicon

# Silence between two blocks, in ms. Calibrated by ear against espeak-ng at 175 wpm, whose own full stop
# is ~300 ms and the Narrator's gap between sentences 200 ms: a paragraph break must be clearly longer
# than a sentence break, a heading must stand apart from what precedes it more than from what it
# introduces (as it does on the page), and items of one list or table run closer together.
PAUSE_BETWEEN_PARAGRAPHS_MS = 500
PAUSE_BEFORE_HEADING_MS = 900
PAUSE_AFTER_HEADING_MS = 400
PAUSE_BETWEEN_ITEMS_MS = 350  # consecutive list items or table cells of one group
PAUSE_AFTER_OPENING_MS = 900  # title, dek and byline, then the body: like a heading boundary

# Blocks that make up the opening chapter (ids given by ``prepare.speech_blocks``).
OPENING_BLOCK_IDS = frozenset({"title", "dek", "byline"})
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
    article: Article,
    out_path: str | os.PathLike[str],
    fmt: str = "mp3",
    options: SpeechOptions | None = None,
    progress: ProgressCallback | None = None,
    transcript: bool = False,
    lexicon: Lexicon | None = None,
    *,
    narrator: Narrator | None = None,
) -> AudioResult:
    """Speak ``article`` into ``out_path``; nothing is left at ``out_path`` (or its .vtt) unless it all worked.

    ``narrator`` lets a caller share one (and its cache) across articles, and then its own options
    apply; by default one is made from ``options`` with the user's audio cache.
    """
    from ..prepare import speech_blocks

    format_spec(fmt)  # fail fast: a missing encoder or an unwritable path before any synthesis
    path = check_output_path(out_path)
    vtt_path = check_output_path(transcript_path_for(path)) if transcript else None
    narrator = narrator or Narrator(options or SpeechOptions(), cache=AudioCache())
    blocks = [block for block in speech_blocks(article, lexicon) if block.spoken and block.sentences]
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
            _narrate(article, blocks, lang, narrator, writer, cues, progress)
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
) -> None:
    """Write each block's audio after the pause its position calls for, marking chapters and cues."""
    previous: Block | None = None
    for index, (block, segment) in enumerate(_spoken_segments(narrator, blocks, lang)):
        if previous is not None:
            writer.write_silence(pause_between(previous, block))
        title = chapter_title(block, index, article)
        if title:
            writer.add_chapter(title, block.id)
        start_ms = writer.position_ms
        writer.write(segment.pcm)
        if cues:
            for cue in _sentence_cues(block, segment, start_ms):
                cues.add(cue)
        if progress:
            progress(index + 1, len(blocks))
        previous = block


def _spoken_segments(narrator: Narrator, blocks: list[Block], lang: str) -> Iterator[tuple[Block, Segment]]:
    """Pairs of block and its audio; an engine's own failure becomes one SpeechError sentence."""
    segments = narrator.segments(blocks, lang)
    try:
        for block in blocks:
            try:
                segment = next(segments)
            except ReadaloudError:
                raise
            except Exception as error:  # any engine failure: report it, never a traceback
                raise SpeechError(
                    f"the {narrator.engine.name} speech engine failed while reading block {block.id} ({error})."
                ) from error
            yield block, segment
    finally:
        segments.close()


def _sentence_cues(block: Block, segment: Segment, block_start_ms: float) -> Iterator[Cue]:
    """One cue per sentence, shown with the displayed text (not the speech text) at its audio time."""
    displayed = {sentence.id: sentence.text for sentence in block.sentences}
    for mark in segment.sentences:
        text = displayed.get(mark.sentence_id, "")
        if text.strip():
            yield Cue(mark.sentence_id, round(block_start_ms + mark.start_ms), round(block_start_ms + mark.end_ms), text)
