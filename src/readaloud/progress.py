"""A one-line terminal progress bar: items done / total, elapsed time and an estimate of time left.

Drawn on stderr only when it is a terminal (never into a pipe, a log or a screen reader's transcript of
piped output), redrawn in place with a carriage return, and at most a few times a second so a fast run
does not spend its time drawing.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

BAR_WIDTH = 24
REDRAW_INTERVAL_S = 0.1  # ten redraws a second looks smooth and costs nothing


def clock_text(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a duration in seconds."""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class ProgressBar:
    """Call it with ``(done, total)`` after each item; :meth:`close` clears the line."""

    def __init__(self, label: str = "", stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self._clock = clock
        self._started = clock()
        self._last_draw = float("-inf")
        self._width = 0

    def __call__(self, done: int, total: int) -> None:
        now = self._clock()
        if done < total and now - self._last_draw < REDRAW_INTERVAL_S:
            return
        self._last_draw = now
        self._draw(self.line(done, total, now - self._started))

    def line(self, done: int, total: int, elapsed: float) -> str:
        """The text of the bar, e.g. ``speaking [#####-----] 12/40 blocks  0:03 elapsed, 0:07 left``."""
        fraction = done / total if total else 1.0
        filled = round(BAR_WIDTH * fraction)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        remaining = elapsed / done * (total - done) if done else None
        eta = clock_text(remaining) if remaining is not None else "?"
        prefix = f"{self.label} " if self.label else ""
        return f"{prefix}[{bar}] {done}/{total} blocks  {clock_text(elapsed)} elapsed, {eta} left"

    def _draw(self, text: str) -> None:
        padding = " " * max(0, self._width - len(text))
        self.stream.write(f"\r{text}{padding}")
        self.stream.flush()
        self._width = len(text)

    def close(self) -> None:
        """Erase the bar so the next message starts on a clean line."""
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0


def progress_bar(label: str, quiet: bool = False, stream: TextIO | None = None) -> ProgressBar | None:
    """A bar on ``stream`` (stderr) when it is an interactive terminal and the user did not ask for quiet."""
    stream = stream if stream is not None else sys.stderr
    if quiet or not stream.isatty():
        return None
    return ProgressBar(label, stream)
