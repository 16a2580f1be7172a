"""The render stage: spoken segments -> files people keep (audio with chapters, transcripts).

Public interface::

    write_article_audio(article, out_path, fmt="mp3", options=SpeechOptions(), progress=None,
                        transcript=False, lexicon=None) -> AudioResult(path, duration_ms, chapters, warnings)
    AudioWriter(path, fmt, sample_rate, metadata)   # context manager: .write(pcm), .add_chapter(title)
    FORMATS                                          # "mp3", "wav", "ogg", "flac", "m4b" -> FormatSpec
"""

from __future__ import annotations

from .audio import AudioResult, pause_between, transcript_path_for, write_article_audio
from .chapters import Chapter
from .encode import FORMATS, AudioWriter, FormatSpec, check_output_path, format_spec
from .tags import AudioMetadata, iso639_2
from .transcript import Cue, TranscriptWriter, read_vtt

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
