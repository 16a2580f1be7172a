"""The render stage: spoken segments -> files people keep (audio with chapters, transcripts).

Public interface::

    write_article_audio(article, out_path, fmt="mp3", options=SpeechOptions(), progress=None,
                        transcript=False, lexicon=None) -> AudioResult(path, duration_ms, chapters, warnings)
    AudioWriter(path, fmt, sample_rate, metadata)   # context manager: .write(pcm), .add_chapter(title)
    FORMATS                                          # "mp3", "wav", "ogg", "flac", "m4b" -> FormatSpec
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .audio import AudioResult, pause_between, transcript_path_for, write_article_audio
    from .chapters import Chapter
    from .encode import FORMATS, AudioWriter, FormatSpec, check_output_path, format_spec
    from .tags import AudioMetadata, iso639_2
    from .transcript import Cue, TranscriptWriter, read_vtt

# Loaded on first use (PEP 562): `readaloud extract` imports render.text only, and the audio side
# (the speak stage, mutagen) cost it 60-130 ms of start-up, measured with python -X importtime.
_HOMES = {
    "AudioResult": "audio", "pause_between": "audio", "transcript_path_for": "audio", "write_article_audio": "audio",
    "Chapter": "chapters",
    "FORMATS": "encode", "AudioWriter": "encode", "FormatSpec": "encode", "check_output_path": "encode", "format_spec": "encode",
    "AudioMetadata": "tags", "iso639_2": "tags",
    "Cue": "transcript", "TranscriptWriter": "transcript", "read_vtt": "transcript",
}  # fmt: skip


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)

__all__ = [
    "FORMATS",
    "AudioMetadata",
    "AudioResult",
    "AudioWriter",
    "Chapter",
    "Cue",
    "FormatSpec",
    "TranscriptWriter",
    "check_output_path",
    "format_spec",
    "iso639_2",
    "pause_between",
    "read_vtt",
    "transcript_path_for",
    "write_article_audio",
]
