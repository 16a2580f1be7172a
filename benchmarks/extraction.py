"""Extraction quality and speed on the Readability test corpus: readaloud beside the competitors.

Usage (from the repository root)::

    .venv/bin/python benchmarks/extraction.py            # the side-by-side table
    .venv/bin/python benchmarks/extraction.py --pages    # plus readaloud's per-page F1, worst first
    .venv/bin/python benchmarks/extraction.py --only readaloud --pages

Scores use the field's metric (``benchmarks/scoring.py``) on the body text: readaloud's spoken blocks
(what it reads aloud), trafilatura's text (``include_comments=False``), readability-lxml's summary
HTML turned into text like the truth is. Times are per page, one process, wall clock, the fastest of
``--repeat`` runs of each page (the machine is shared, so single runs are noisy), median over the corpus,
after one warm-up page; the HTML is already decoded, so every tool does the same work.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "src"))

from scoring import (  # noqa: E402
    CorpusPage,
    PageScore,
    corpus_dir,
    html_blocks_text,
    load_corpus,
    score_page,
    summarise,
)


def readaloud_texts(html: str) -> tuple[str, str]:
    """readaloud's spoken body text, and the text of all its blocks (captions and credits too)."""
    from readaloud.extract.html import html_to_article

    article = html_to_article(html)
    spoken = "\n".join(b.text for b in article.blocks if b.spoken)
    everything = "\n".join(b.text for b in article.blocks)
    return spoken, everything


def trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def readability_lxml_text(html: str) -> str:
    from readability import Document

    try:
        return html_blocks_text(Document(html).summary())
    except Exception:  # readability-lxml raises on pages it cannot parse; that page scores zero
        return ""


@dataclass
class Run:
    name: str
    scores: list[PageScore] = field(default_factory=list)
    times_ms: list[float] = field(default_factory=list)


def timed(function: Callable[[str], object], html: str) -> tuple[object, float]:
    start = time.perf_counter()
    result = function(html)
    return result, (time.perf_counter() - start) * 1000


def run_all(
    pages: list[CorpusPage], only: str | None, repeat: int
) -> tuple[dict[str, Run], list[tuple[str, PageScore]]]:
    tools: dict[str, Callable[[str], object]] = {
        "readaloud": readaloud_texts,
        "trafilatura": trafilatura_text,
        "readability-lxml": readability_lxml_text,
    }
    if only:
        tools = {only: tools[only]}
    runs = {name: Run(name) for name in tools}
    all_blocks = Run("readaloud (all blocks)")
    per_page: list[tuple[str, PageScore]] = []
    for function in tools.values():
        function(pages[0].source)  # warm-up: imports and caches
    for page in pages:
        for name, function in tools.items():
            result, ms = timed(function, page.source)
            for _ in range(repeat - 1):
                ms = min(ms, timed(function, page.source)[1])
            runs[name].times_ms.append(ms)
            text = result[0] if isinstance(result, tuple) else result
            runs[name].scores.append(score_page(text, page.truth))
            if name == "readaloud":
                all_blocks.scores.append(score_page(result[1], page.truth))
                per_page.append((page.name, runs[name].scores[-1]))
    if "readaloud" in runs:
        runs[all_blocks.name] = all_blocks
    return runs, per_page


def print_table(runs: dict[str, Run]) -> None:
    print(f"{'extractor':<24} {'F1':>7} {'prec':>7} {'recall':>7} {'median ms':>10} {'mean ms':>8}")
    for run in runs.values():
        summary = summarise(run.scores)
        median = f"{statistics.median(run.times_ms):10.1f}" if run.times_ms else f"{'':>10}"
        mean = f"{statistics.fmean(run.times_ms):8.1f}" if run.times_ms else f"{'':>8}"
        print(f"{run.name:<24} {summary.f1:7.4f} {summary.precision:7.4f} {summary.recall:7.4f} {median} {mean}")
    ours = runs.get("readaloud")
    if ours is None:
        return
    for other in ("trafilatura", "readability-lxml"):
        if other in runs:
            f1_ratio = summarise(ours.scores).f1 / summarise(runs[other].scores).f1
            time_ratio = statistics.median(ours.times_ms) / statistics.median(runs[other].times_ms)
            print(f"readaloud / {other}: F1 x{f1_ratio:.3f}, median time x{time_ratio:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="store_true", help="print readaloud's per-page scores, worst first")
    parser.add_argument("--only", choices=["readaloud", "trafilatura", "readability-lxml"])
    parser.add_argument("--real", action="store_true", help="only the real pages (source over 8 KB)")
    parser.add_argument("--repeat", type=int, default=3, help="time each page this many times, keep the fastest")
    args = parser.parse_args(argv)
    directory = corpus_dir(REPO)
    if not directory.is_dir():
        print(f"corpus not found at {directory}", file=sys.stderr)
        return 1
    pages = load_corpus(directory)
    if args.real:
        pages = [p for p in pages if p.is_real]
    warnings.filterwarnings("ignore")
    runs, per_page = run_all(pages, args.only, max(1, args.repeat))
    print(f"{len(pages)} pages from {directory}")
    print_table(runs)
    if args.pages:
        for name, score in sorted(per_page, key=lambda item: item[1].f1):
            print(f"{score.f1:6.3f}  P {score.precision or 0:6.3f}  R {score.recall or 0:6.3f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
