"""Chapters: where each part of the article starts in the audio, in each container's convention.

An article becomes one chapter for its opening (title, dek, byline) and one per section heading, so a
listener can skip to "Methods" the way a reader scans headings. Start times come from the exact sample
counts written (see :class:`~readaloud.render.encode.AudioWriter`), never from estimates.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # PyAV is optional (the m4b extra) and slow to import: only its type here
    from av.container.core import Chapter as AvChapter
    from mutagen.id3 import ID3

# Element id of the one table of contents; CHAP ids are "ch1", "ch2", ... in spoken order.
TOC_ELEMENT_ID = "toc"


@dataclass
class Chapter:
    """One chapter: its title, its block (``title`` for the opening, else a heading's id) and its span."""

    title: str
    start_ms: int
    end_ms: int = 0
    block_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "start_ms": self.start_ms, "end_ms": self.end_ms, "block_id": self.block_id}


def close_chapters(chapters: list[Chapter], total_ms: int) -> list[Chapter]:
    """Each chapter ends where the next begins; the last ends with the audio."""
    for current, following in zip(chapters, chapters[1:]):
        current.end_ms = following.start_ms
    if chapters:
        chapters[-1].end_ms = max(total_ms, chapters[-1].start_ms)
    return chapters


def add_id3_chapters(tags: ID3, chapters: list[Chapter]) -> None:
    """ID3v2 chapters: a top-level, ordered CTOC listing CHAP frames, each titled by a TIT2 sub-frame.

    Readers must follow the CTOC's order (mutagen may store CHAP frames in any order). Byte offsets are
    "not used" (0xFFFFFFFF) as the ID3 chapter spec allows, since times are exact.
    """
    if not chapters:
        return
    from mutagen.id3 import CHAP, CTOC, TIT2, CTOCFlags  # imported while the encoder finishes (encode.py)

    element_ids = [f"ch{index}" for index in range(1, len(chapters) + 1)]
    tags.add(
        CTOC(
            element_id=TOC_ELEMENT_ID,
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=element_ids,
            sub_frames=[TIT2(encoding=3, text=["Contents"])],
        )
    )
    for element_id, chapter in zip(element_ids, chapters):
        tags.add(
            CHAP(
                element_id=element_id,
                start_time=chapter.start_ms,
                end_time=chapter.end_ms,
                start_offset=0xFFFFFFFF,
                end_offset=0xFFFFFFFF,
                sub_frames=[TIT2(encoding=3, text=[chapter.title])],
            )
        )


def vorbis_time(ms: int) -> str:
    """``HH:MM:SS.mmm``, the time format of the Vorbis chapter convention."""
    seconds, millis = divmod(max(ms, 0), 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def vorbis_chapter_comments(chapters: list[Chapter]) -> dict[str, str]:
    """``CHAPTER001=00:00:00.000`` / ``CHAPTER001NAME=...``: the de-facto chapter convention for Vorbis
    comments (from the Matroska/Ogg chapter proposal; read by foobar2000, VLC, mpv, Audiobookshelf)."""
    comments: dict[str, str] = {}
    for number, chapter in enumerate(chapters, start=1):
        comments[f"CHAPTER{number:03d}"] = vorbis_time(chapter.start_ms)
        comments[f"CHAPTER{number:03d}NAME"] = chapter.title
    return comments


def av_chapters(chapters: list[Chapter]) -> list[AvChapter]:
    """Chapters in the shape PyAV's ``OutputContainer.set_chapters`` takes (times in milliseconds)."""
    return [
        {
            "id": number,
            "start": chapter.start_ms,
            "end": chapter.end_ms,
            "time_base": Fraction(1, 1000),
            "metadata": {"title": chapter.title},
        }
        for number, chapter in enumerate(chapters, start=1)
    ]


def read_id3_chapters(tags: ID3) -> list[Chapter]:
    """The chapters :func:`add_id3_chapters` wrote, in the CTOC's order (a podcast feed lists them)."""
    tocs = tags.getall("CTOC")
    if not tocs:
        return []
    chapters = []
    for element_id in tocs[0].child_element_ids:
        frame = tags.get(f"CHAP:{element_id}")
        if frame is None:
            continue
        title = frame.sub_frames.get("TIT2")
        chapters.append(Chapter(str(title.text[0]) if title else "", frame.start_time, frame.end_time))
    return chapters
