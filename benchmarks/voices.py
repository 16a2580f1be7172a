"""Voices side by side in one run: how fast each engine speaks an article here, and how soon piper's
first audio of a block is ready (issue 14).

* throughput: ``readaloud SAMPLE --engine E -o out.mp3 -q`` in a subprocess with an empty audio cache,
  as seconds of speech per second of wall time, for espeak-ng and piper: as it ran before the pool (one
  worker process, onnxruntime on every core), one worker on one thread, and the pool;
* first audio: a warm piper engine (its workers started) and an empty cache, the time from asking
  :meth:`Narrator.pieces` for a paragraph to its first piece (what the player waits for).

Targets (issue 14): piper at least 18x real time on two cores; the first piece within 0.8 s.
Run:  .venv/bin/python benchmarks/voices.py [--article FILE]   (needs the neural extra)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "samples" / "slate-trump-russia.html"
PIPER_TARGET_X = 18.0
FIRST_PIECE_TARGET_S = 0.8
PARAGRAPH = ("The council met on Tuesday evening to decide the library's opening hours for the winter. "
             "After a long debate, it agreed to keep the reading room open until eight on weekdays.")


def audio_seconds(path: Path) -> float:
    from mutagen.mp3 import MP3

    return float(MP3(path).info.length)


def throughput(article: Path, engine: str, extra_env: dict[str, str]) -> tuple[float, float]:
    """(seconds of speech, wall seconds) for one cold-cache run of the command."""
    with tempfile.TemporaryDirectory(prefix="readaloud-voices-") as folder:
        out = Path(folder) / "out.mp3"
        env = {**os.environ, "READALOUD_CACHE_DIR": str(Path(folder) / "cache"), **extra_env}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "readaloud", str(article), "--engine", engine, "-o", str(out), "-q"],
                       check=True, env=env, timeout=3600)
        return audio_seconds(out), time.perf_counter() - started


def first_piece_seconds() -> float:
    from readaloud.model import Article, Block, BlockKind
    from readaloud.pipeline import prepare
    from readaloud.speak import Narrator, SpeechOptions

    narrator = Narrator(SpeechOptions(engine="piper"), cache=None)
    warm = prepare(Article(lang="en", blocks=[Block("b1", BlockKind.PARAGRAPH, "Warming up the voice.")]))
    for _piece in narrator.pieces(warm.spoken, "en"):
        pass
    block = prepare(Article(lang="en", blocks=[Block("b2", BlockKind.PARAGRAPH, PARAGRAPH)])).spoken[0]
    started = time.perf_counter()
    pieces = narrator.pieces([block], "en")
    next(pieces)
    elapsed = time.perf_counter() - started
    pieces.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=Path, default=SAMPLE)
    args = parser.parse_args()
    print(f"article: {args.article.name}; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
    print(f"{'engine':<28}{'speech':>10}{'wall':>9}{'x real time':>13}")
    rows = [("espeak", "espeak", {}),
            ("piper as before (1 worker)", "piper", {"READALOUD_PIPER_WORKERS": "1", "READALOUD_PIPER_THREADS": "0"}),
            ("piper, 1 worker, 1 thread", "piper", {"READALOUD_PIPER_WORKERS": "1"}),
            ("piper (pool)", "piper", {})]
    speeds = {}
    for label, engine, env in rows:
        speech, wall = throughput(args.article, engine, env)
        speeds[label] = speech / wall
        print(f"{label:<28}{speech:>9.1f}s{wall:>8.1f}s{speeds[label]:>12.1f}x")
    pool = speeds["piper (pool)"]
    print(f"target: piper at least {PIPER_TARGET_X:g}x real time: {'met' if pool >= PIPER_TARGET_X else 'NOT met'} "
          f"({pool:.1f}x; {pool / speeds['piper as before (1 worker)']:.2f}x piper as it ran before)")
    first = first_piece_seconds()
    print(f"piper first piece of a paragraph, warm engine, cold cache: {first:.2f} s "
          f"(target {FIRST_PIECE_TARGET_S} s: {'met' if first <= FIRST_PIECE_TARGET_S else 'NOT met'})")
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
