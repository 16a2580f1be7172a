"""Estimated word timings for engines that report none (pyttsx3, the espeak-ng command, piper).

Highlighting needs a time per word. Without engine events the best cheap guess is that speech time is
proportional to characters: spread the words over the span between the first and the last audible
sample. At article scale (one sentence at a time) the error stays within a word or two.
"""

from __future__ import annotations

import re

from ..model import WordMark

# A word: letters/digits joined by apostrophes, hyphens or dots ("don't", "e-mail", "3.5").
WORD = re.compile(r"\w+(?:['’.\-]\w+)*")

# A sample counts as audible above this fraction of the loudest one (calibrated by ear on espeak and
# piper output: their breath-free silences sit far below 1% of the peak).
AUDIBLE_FRACTION = 0.02


def audible_span(pcm: bytes, sample_rate: int) -> tuple[int, int]:
    """(first, last) audible moment in ms; (0, 0) for silence."""
    import numpy as np  # here, not at the top: numpy costs every start 0.1 s and libespeak-ng needs none of this

    samples = np.abs(np.frombuffer(pcm, dtype="<i2").astype(np.int32))
    if samples.size == 0 or samples.max() == 0:
        return 0, 0
    loud = np.flatnonzero(samples > samples.max() * AUDIBLE_FRACTION)
    return int(loud[0]) * 1000 // sample_rate, int(loud[-1]) * 1000 // sample_rate


def estimate_word_marks(text: str, pcm: bytes, sample_rate: int) -> list[WordMark]:
    """Word marks spread over the audible span in proportion to each word's character offset."""
    words = list(WORD.finditer(text))
    if not words:
        return []
    first_ms, last_ms = audible_span(pcm, sample_rate)
    spoken_from, spoken_to = words[0].start(), words[-1].end()
    chars = max(1, spoken_to - spoken_from)
    span = max(0, last_ms - first_ms)
    return [
        WordMark(start=w.start(), length=w.end() - w.start(), ms=first_ms + span * (w.start() - spoken_from) // chars)
        for w in words
    ]
