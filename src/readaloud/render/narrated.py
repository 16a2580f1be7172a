"""A narrated article, ready to package as a talking book (EPUB 3 Media Overlays, DAISY 2.02).

Both library formats need the same three things: the text in reading order with an id on every
sentence, the audio, and for each spoken sentence the file and time span where it is heard. This
module produces them once: the article is cut into sections at its headings (the title opens the
first), each section's spoken blocks are narrated into one MP3 with :class:`AudioWriter`, streamed
sentence by sentence (:meth:`Narrator.pieces`, as the MP3 renderer does, so a 40,000-word paragraph
never sits in memory whole), and the narrator's sentence marks become clips within that file.

Clips are contiguous within a file (each runs until the next one starts, the last to the end of
the file) so a reading system that plays clip after clip keeps the pauses between sentences and
paragraphs instead of cutting them out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import FRONT_MATTER_IDS, TITLE_ID, Article, Block, BlockKind, PreparedArticle
from ..speak import Narrator
from ..speak.base import SAMPLE_WIDTH
from ..speak.narrator import Piece
from .audio import PAUSE_BEFORE_HEADING_MS, pause_between
from .encode import AudioWriter
from .tags import AudioMetadata


@dataclass(frozen=True)
class BookResult:
    """What writing a talking book (EPUB 3 or DAISY 2.02) gives back: where it is, how long, warnings."""

    path: Path
    duration_ms: int
    warnings: list[str]

UNTITLED = "Untitled article"

# Pauses between blocks are the audio renderer's (render/audio.py, calibrated by ear), so a talking
# book sounds like the MP3 of the same article. A section's file ends with the pause a heading gets
# before it, so moving on to the next file sounds like turning to a new section.
SECTION_END_PAUSE_MS = PAUSE_BEFORE_HEADING_MS

AUDIO_FORMAT = "mp3"  # what every DAISY 2.02 player and EPUB 3 reading system plays
AUDIO_NAME = "s{index:04d}.mp3"

# Characters XML 1.0 forbids (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/F).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML cannot hold (they do turn up in scraped pages)."""
    return _XML_INVALID.sub("", text)


@dataclass(frozen=True)
class Clip:
    """Where one sentence is heard: ``audio`` (a file name) from ``begin_ms`` to ``end_ms``."""

    sentence_id: str
    block_id: str
    audio: str
    begin_ms: int
    end_ms: int


@dataclass
class Section:
    """A heading (or the title) and the blocks up to the next heading, with one audio file."""

    index: int
    heading: Block
    blocks: list[Block]
    audio: str = ""
    clips: list[Clip] = field(default_factory=list)

    @property
    def duration_ms(self) -> int:
        return sum(clip.end_ms - clip.begin_ms for clip in self.clips)

    @property
    def first_clip(self) -> Clip | None:
        """Where navigation to this section lands: its heading if spoken, else its first sentence."""
        return self.clips[0] if self.clips else None


@dataclass
class NarratedArticle:
    """Everything a talking-book writer needs; audio files already written to ``audio_dir``."""

    article: Article
    sections: list[Section]
    levels: dict[str, int]  # outline level of every heading block, title = 1 (see outline_levels)
    narrator: str  # the voice that read the article's language, for the books' narrator metadata
    warnings: list[str]

    @property
    def duration_ms(self) -> int:
        return sum(section.duration_ms for section in self.sections)

    @property
    def blocks(self) -> list[Block]:
        return [block for section in self.sections for block in section.blocks]

    @property
    def headings(self) -> list[Block]:
        return [section.heading for section in self.sections]

    @property
    def audio_files(self) -> list[str]:
        return [section.audio for section in self.sections]

    def clip_for(self, sentence_id: str) -> Clip | None:
        return next((c for s in self.sections for c in s.clips if c.sentence_id == sentence_id), None)


def narrate_article(prepared: PreparedArticle, narrator: Narrator, audio_dir: Path) -> NarratedArticle:
    """Narrate a prepared article into ``audio_dir`` (one MP3 per section)."""
    article = prepared.article
    spoken = {block.id: block for block in prepared.spoken}
    body = article.blocks
    display = _front_blocks(article, spoken, body) + body
    sections = _merge_silent_sections(split_sections(display), spoken)
    metadata = AudioMetadata.from_article(article)
    for section in sections:
        section.audio = AUDIO_NAME.format(index=section.index)
        section.clips = _narrate_section(section, spoken, narrator, audio_dir / section.audio, metadata, article.lang)
    voice = narrator.voice_for_language(article.lang or "en")
    return NarratedArticle(
        article=article,
        sections=sections,
        levels=outline_levels(block for block in display if block.kind == BlockKind.HEADING),
        narrator=f"{voice.name} ({voice.engine} synthetic voice)",
        warnings=list(narrator.warnings),
    )


def _front_blocks(article: Article, spoken: dict[str, Block], body: list[Block]) -> list[Block]:
    """Title, dek and byline as prepare spoke them (the title always opens the book). A page without a
    title opens with its first heading if it starts with one, else with a display-only title (a book
    needs something to open on)."""
    front = [spoken[block_id] for block_id in FRONT_MATTER_IDS if block_id in spoken]
    starts_with_heading = bool(body) and body[0].kind == BlockKind.HEADING
    if TITLE_ID not in spoken and not (starts_with_heading and not front):
        title = Block(id=TITLE_ID, kind=BlockKind.HEADING, text=article.title or UNTITLED, level=1, spoken=False)
        front.insert(0, title)
    return front


def split_sections(blocks: list[Block]) -> list[Section]:
    """A new section at every heading; the first block (the title) opens the first."""
    sections: list[Section] = []
    for block in blocks:
        if not sections or block.kind == BlockKind.HEADING:
            sections.append(Section(index=len(sections) + 1, heading=block, blocks=[block]))
        else:
            sections[-1].blocks.append(block)
    return sections


def _merge_silent_sections(sections: list[Section], spoken: dict[str, Block]) -> list[Section]:
    """A section with nothing to say (its heading skipped, only captions) joins the one before it, and
    a silent opening (a page without a title) takes in the section after it: navigation must land on
    audio, and a file of silence is no section."""

    def silent(section: Section) -> bool:
        return not any(block.id in spoken for block in section.blocks)

    merged: list[Section] = []
    for section in sections:
        if merged and (silent(section) or silent(merged[-1])):
            merged[-1].blocks.extend(section.blocks)
        else:
            merged.append(section)
    for index, section in enumerate(merged, start=1):
        section.index = index
    return merged


def _narrate_section(
    section: Section,
    spoken: dict[str, Block],
    narrator: Narrator,
    path: Path,
    metadata: AudioMetadata,
    article_lang: str,
) -> list[Clip]:
    """Write the section's spoken blocks into one file, piece by piece (at most a sentence of PCM held,
    however long a block), with the audio renderer's pauses between blocks."""
    blocks = [block for block in section.blocks if block.id in spoken]
    marks = _SentenceMarks()
    with AudioWriter(path, AUDIO_FORMAT, narrator.sample_rate, metadata, background=narrator.lookahead > 0) as writer:
        pieces = narrator.pieces(blocks, article_lang)
        try:
            _write_pieces(pieces, writer, marks)
        finally:
            pieces.close()  # cancels the syntheses ahead when writing failed
        writer.write_silence(SECTION_END_PAUSE_MS)
        end_ms = round(writer.position_ms)
    return contiguous_clips(marks.marks, path.name, end_ms)


def _write_pieces(pieces: Iterable[Piece], writer: AudioWriter, marks: _SentenceMarks) -> None:
    """Each piece's PCM into the file, each block after the pause its place calls for, marking sentences."""
    previous: Block | None = None
    for piece in pieces:
        if piece.first:
            if previous is not None:
                writer.write_silence(pause_between(previous, piece.block))
            marks.start_block(writer.position_ms)
            previous = piece.block
        marks.add(piece)
        writer.write(piece.segment.pcm)


class _SentenceMarks:
    """Where each sentence begins in the file, from its pieces' marks: (sentence id, block id, ms).

    Counted as a block's whole segment would be (ms from the block's start in the file, plus each
    piece's offset in the block, in whole ms), so the clips are those the block-at-once narration
    gave; the later parts of a sentence too long for one synthesis add no mark of their own.
    """

    def __init__(self) -> None:
        self.marks: list[tuple[str, str, int]] = []
        self._block_start_ms = 0.0
        self._block_bytes = 0  # PCM of the current block before the next piece

    def start_block(self, position_ms: float) -> None:
        self._block_start_ms, self._block_bytes = position_ms, 0

    def add(self, piece: Piece) -> None:
        segment = piece.segment
        offset_ms = self._block_bytes * 1000 // (SAMPLE_WIDTH * segment.sample_rate)
        for mark in segment.sentences:
            if not (self.marks and self.marks[-1][0] == mark.sentence_id):
                begin = round(self._block_start_ms + offset_ms + mark.start_ms)
                self.marks.append((mark.sentence_id, piece.block.id, begin))
        self._block_bytes += len(segment.pcm)


def contiguous_clips(marks: list[tuple[str, str, int]], audio: str, end_ms: int) -> list[Clip]:
    """Clips that tile the file: the first from 0, each to the next one's start, the last to ``end_ms``."""
    starts = [0] + [begin for _, _, begin in marks[1:]]
    ends = starts[1:] + [end_ms]
    return [
        Clip(sentence_id, block_id, audio, begin, max(end, begin + 1))
        for (sentence_id, block_id, _), begin, end in zip(marks, starts, ends)
    ]


def outline_levels(headings: Iterable[Block]) -> dict[str, int]:
    """Heading levels a table of contents can nest: the title is 1, body headings 2-6, never a jump
    of more than one level down (a page's h4 straight after its title becomes 2)."""
    levels: dict[str, int] = {}
    previous = 0
    for heading in headings:
        if heading.id == TITLE_ID or not levels:
            level = 1
        else:
            level = max(2, min(heading.level or 2, previous + 1, 6))
        levels[heading.id] = previous = level
    return levels
