"""Measuring audio for the render tests: decode a file and find where speech starts after silence.

Decoding goes through real decoders (libsndfile, whose bundled build reads MP3 via mpg123; PyAV for
M4B), so the tests hear what a player hears, codec delays included.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

# Speech onset: the first 5 ms window whose RMS passes 300 (of 32,767). espeak's quietest onsets
# (fricatives) pass it within 10-25 ms of the synthesis start; encoder noise in silence stays under 50.
ONSET_WINDOW_MS = 5
ONSET_RMS = 300


def decode(path: str | Path) -> tuple[np.ndarray, int]:
    """Mono int16 samples and their rate, for any format readaloud writes."""
    path = Path(path)
    if path.suffix == ".m4b":
        import av

        with av.open(str(path)) as container:
            stream = container.streams.audio[0]
            frames = [frame.to_ndarray().reshape(-1) for frame in container.decode(stream)]
            rate = stream.rate
        samples = np.concatenate(frames)
        if samples.dtype.kind == "f":
            samples = np.clip(samples * 32767, -32768, 32767)
        return samples.astype(np.int16), rate
    import soundfile

    samples, rate = soundfile.read(str(path), dtype="int16", always_2d=False)
    return samples, rate


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples.astype(np.float64) ** 2))) if len(samples) else 0.0


def _window_width(rate: int) -> int:
    return max(1, rate * ONSET_WINDOW_MS // 1000)


def window_rms(samples: np.ndarray, rate: int) -> np.ndarray:
    """RMS of consecutive windows of :func:`_window_width` samples (window i starts at sample i * width)."""
    width = _window_width(rate)
    usable = len(samples) // width * width
    blocks = samples[:usable].astype(np.float64).reshape(-1, width)
    return np.sqrt(np.mean(blocks**2, axis=1))


def _window_at(ms: float, rate: int) -> int:
    return int(ms * rate / 1000) // _window_width(rate)


def onset_after(samples: np.ndarray, rate: int, from_ms: float) -> float:
    """The ms of the first speech window at or after ``from_ms`` (where silence turns into speech)."""
    levels = window_rms(samples, rate)
    first = _window_at(from_ms, rate)
    loud = np.flatnonzero(levels[first:] > ONSET_RMS)
    if not len(loud):
        raise AssertionError(f"no speech after {from_ms} ms")
    return (first + int(loud[0])) * _window_width(rate) * 1000 / rate


def silent_until(samples: np.ndarray, rate: int, from_ms: float, to_ms: float) -> bool:
    """True when nothing between the two times is loud enough to be speech."""
    levels = window_rms(samples, rate)
    return bool(np.all(levels[_window_at(from_ms, rate) : _window_at(to_ms, rate)] <= ONSET_RMS))
