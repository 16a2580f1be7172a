"""A WebVTT transcript beside the audio: one cue per sentence, timed from the synthesis itself.

Cues are streamed to a temporary file as the audio is made and moved into place only when the audio
file is complete, so a transcript never describes audio that does not exist. Cue identifiers are the
sentence ids (``b12.s3``), the same ids the web player and library packages use.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from ..files import staged_write, write_error
from .encode import check_output_path

VTT_HEADER = "WEBVTT\n"


@dataclass
class Cue:
    """One sentence on screen from ``start_ms`` to ``end_ms`` (times in the audio file)."""

    id: str
    start_ms: int
    end_ms: int
    text: str


def vtt_time(ms: int) -> str:
    """``HH:MM:SS.mmm`` (WebVTT allows dropping the hours, but always writing them is simpler to read)."""
    seconds, millis = divmod(max(ms, 0), 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def cue_text(text: str) -> str:
    """Cue payload: one line, with the three characters WebVTT reserves escaped, and no "-->" inside."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def format_cue(cue: Cue) -> str:
    return f"\n{cue.id}\n{vtt_time(cue.start_ms)} --> {vtt_time(cue.end_ms)}\n{cue_text(cue.text)}\n"


class TranscriptWriter:
    """Writes cues in time order to ``path`` (via a temporary file); a context manager like AudioWriter."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = check_output_path(path)
        self._staged = staged_write(self.path)
        try:
            self._file = open(self._staged.temp, "w", encoding="utf-8", newline="\n")
        except OSError as error:
            self._staged.discard()
            raise write_error(self.path, error) from None
        self._file.write(VTT_HEADER)
        self._last_end_ms = 0
        self._closed = False
        self.count = 0

    def add(self, cue: Cue) -> None:
        """Add a cue; start times never go backwards (players require cues in start order)."""
        start = max(cue.start_ms, self._last_end_ms)
        end = max(cue.end_ms, start + 1)
        self._file.write(format_cue(Cue(cue.id, start, end, cue.text)))
        self._last_end_ms = end
        self.count += 1

    def close(self) -> Path:
        if self._closed:
            return self.path
        self._closed = True
        try:
            self._file.close()
        except OSError as error:
            self._staged.discard()
            raise write_error(self.path, error) from None
        return self._staged.commit()

    def abort(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._file.close()
        self._staged.discard()

    def __enter__(self) -> TranscriptWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()


def read_vtt(path: str | os.PathLike[str]) -> list[Cue]:
    """Parse a transcript this module wrote (used by tests and by the web player's import)."""
    text = Path(path).read_text(encoding="utf-8")
    if not text.startswith("WEBVTT"):
        raise ValueError(f"{path} is not a WebVTT file")
    cues = []
    for chunk in text.split("\n\n")[1:]:
        lines = chunk.strip("\n").split("\n")
        if len(lines) < 3 or " --> " not in lines[1]:
            raise ValueError(f"malformed cue in {path}: {chunk!r}")
        start, end = (parse_vtt_time(part) for part in lines[1].split(" --> "))
        cues.append(Cue(lines[0], start, end, "\n".join(lines[2:])))
    return cues


def parse_vtt_time(stamp: str) -> int:
    hours, minutes, seconds = stamp.strip().split(":")
    whole, millis = seconds.split(".")
    return ((int(hours) * 60 + int(minutes)) * 60 + int(whole)) * 1000 + int(millis)
