"""Batch throughput and worker memory: ``readaloud batch`` with 1 and 2 workers against a shell loop.

The set: the bundled samples plus real pages of the Readability.js corpus (``../shared/corpora``,
read in place), 40 articles by default. Each configuration starts from a fresh, empty audio cache
and a fresh output folder, so every sentence is really synthesised and encoded (MP3):

* **shell loop**: what a librarian would write without ``batch``, one ``readaloud FILE -o OUT.mp3``
  process per article, one after another;
* **batch --jobs 1** and **batch --jobs 2**: ``readaloud batch`` (run in this process via
  :func:`run_batch`, so worker figures can be collected from the results).

It prints articles per minute side by side, the speed-up of 2 workers over 1 (target: >= 1.8x on a
2-core machine), the cores each configuration kept busy (CPU s / wall s: a batch worker is
single-threaded, so ``--jobs N`` keeps N cores busy; the single-file command overlaps encoding with
synthesis and so uses more than one), and each worker's resident memory after its first and its last article.
``--long`` converts 500 articles (the corpus pages again as distinct copies, each with its own
numbered paragraph so no two are the same source) with 2 workers and reports worker memory at start
vs end (target: flat, no growth with the number of articles converted).

Run:  .venv/bin/python benchmarks/batch.py [--articles 40] [--no-loop] [--long]
The machine is shared with other work: wall times move with the load; CPU times are the steadier figure.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from readaloud.batch.orchestrator import run_batch  # noqa: E402
from readaloud.batch.report import Report  # noqa: E402
from readaloud.batch.runner import LocalPool  # noqa: E402
from readaloud.batch.settings import BatchSettings  # noqa: E402
from readaloud.batch.sources import expand_sources  # noqa: E402

SAMPLES = REPO / "samples"
CORPUS = REPO.parent / "shared" / "corpora" / "readability-test-pages"
# Corpus pages smaller than this are synthetic one-rule fixtures, not articles (corpora/README.md).
MIN_REAL_PAGE_BYTES = 8 * 1024
TARGET_SPEEDUP = 1.8
LONG_ARTICLES = 500
ITEM_TIMEOUT_S = 1800


@dataclass
class Outcome:
    label: str
    seconds: float
    cpu_s: float
    converted: int
    failed: int
    listening_s: float
    workers: int = 1
    report: Report | None = None

    @property
    def per_minute(self) -> float:
        return self.converted / self.seconds * 60

    @property
    def busy(self) -> float | None:
        """Share of the wall time the workers spent converting (1.0: never idle), to tell the pool's own
        overhead apart from a machine whose cores are busy with other work."""
        if self.report is None:
            return None
        return sum(r.seconds for r in self.report.results.values()) / (self.seconds * self.workers)


def article_set(count: int) -> list[Path]:
    """The samples (HTML) then real corpus pages in name order: the same set on every machine."""
    samples = sorted(SAMPLES.glob("*.html"))
    pages = sorted(p for p in CORPUS.glob("*/source.html") if p.stat().st_size >= MIN_REAL_PAGE_BYTES)
    if not pages:
        sys.exit(f"the shared corpus is missing: {CORPUS}")
    return (samples + pages)[:count]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_pool(label: str, sources: list[Path], workers: int, work: Path) -> Outcome:
    slug = "".join(c for c in label if c.isalnum())
    os.environ["READALOUD_CACHE_DIR"] = str(work / f"cache-{slug}")  # fresh, inherited by the workers
    cpu = children_cpu()
    started = time.monotonic()
    report = run_batch(expand_sources(map(str, sources)), work / f"out-{slug}", BatchSettings(format="mp3"),
                       LocalPool(workers, ITEM_TIMEOUT_S))
    seconds = time.monotonic() - started
    summary = report.summary
    return Outcome(label, seconds, children_cpu() - cpu, summary.converted, summary.failed,
                   summary.listening_ms / 1000, workers, report)


def run_shell_loop(sources: list[Path], work: Path) -> Outcome:
    """One ``readaloud FILE`` process per article, sequentially, as a shell loop would."""
    env = {**os.environ, "READALOUD_CACHE_DIR": str(work / "cache-loop")}
    out = work / "out-loop"
    out.mkdir()
    cpu = children_cpu()
    started = time.monotonic()
    converted = failed = 0
    for index, source in enumerate(sources):
        done = subprocess.run([sys.executable, "-m", "readaloud", str(source), "-o", str(out / f"{index}.mp3"), "-q"],
                              env=env, capture_output=True)
        converted, failed = converted + (done.returncode == 0), failed + (done.returncode != 0)
    return Outcome("shell loop", time.monotonic() - started, children_cpu() - cpu, converted, failed, 0.0)


def worker_memory(report: Report) -> dict[int, list[int]]:
    """RSS (kB) each worker reported after each article, in the order the articles finished."""
    by_worker: dict[int, list[int]] = defaultdict(list)
    for result in report.results.values():  # a dict keeps insertion order: the order they finished
        if result.worker_pid:
            by_worker[result.worker_pid].append(result.worker_rss_kb)
    return by_worker


def print_throughput(outcomes: list[Outcome], articles: int) -> None:
    print(f"\n{articles} articles, MP3, fresh audio cache each; {os.cpu_count()} CPU cores")
    print(f"{'':<16}{'wall s':>9}{'CPU s':>9}{'cores used':>12}{'articles/min':>14}{'converted':>11}{'failed':>8}"
          f"{'workers busy':>14}")
    for o in outcomes:
        busy = f"{o.busy:.0%}" if o.busy is not None else "-"
        print(f"{o.label:<16}{o.seconds:>9.1f}{o.cpu_s:>9.1f}{o.cpu_s / o.seconds:>12.2f}{o.per_minute:>14.1f}"
              f"{o.converted:>11}{o.failed:>8}{busy:>14}")
    print(f"load average now: {' '.join(f'{x:.1f}' for x in os.getloadavg())} (other work on the machine slows every row)")
    by_label = {o.label: o for o in outcomes}
    if "batch --jobs 1" in by_label and "batch --jobs 2" in by_label:
        speedup = by_label["batch --jobs 2"].per_minute / by_label["batch --jobs 1"].per_minute
        verdict = "meets" if speedup >= TARGET_SPEEDUP else "misses"
        print(f"speed-up with 2 workers: {speedup:.2f}x ({verdict} the {TARGET_SPEEDUP}x target)")
        listening_h = by_label["batch --jobs 2"].listening_s / 3600
        print(f"listening time converted: {listening_h:.1f} h")


# Articles after which each worker's memory is shown. Memory grows while a worker meets new kinds of
# article (voices and language profiles load on first use, the allocator's arenas grow to the longest
# article) and has no trend after that: measured in one process going over the corpus three times, it
# moved between 164 and 232 MB from the 100th to the 300th article (197 MB after the 100th, 190 after
# the 300th). A leak shows as steady growth over the second half of a long run.
MEMORY_CHECKPOINTS = (1, 10, 25, 50, 100, 150, 200, 250)


def print_memory(report: Report) -> None:
    """Each worker's RSS after its n-th article, and the change over the second half of its articles."""
    by_worker = worker_memory(report)
    counts = max(len(rss) for rss in by_worker.values())
    shown = [n for n in MEMORY_CHECKPOINTS if n <= counts]
    print("\nworker RSS (MB) after its n-th article")
    print(f"{'worker pid':<12}" + "".join(f"{n:>8}" for n in shown) + f"{'last':>8}{'max':>8}{'2nd half':>10}")
    for pid, rss in by_worker.items():
        cells = "".join(f"{rss[n - 1] / 1024:>8.0f}" if n <= len(rss) else f"{'':>8}" for n in shown)
        change = (rss[-1] - rss[len(rss) // 2]) / 1024
        print(f"{pid:<12}{cells}{rss[-1] / 1024:>8.0f}{max(rss) / 1024:>8.0f}{change:>+10.0f}")


def long_set(work: Path) -> list[Path]:
    """500 distinct sources: corpus pages copied with a numbered paragraph, so none is a repeat."""
    pages = article_set(10_000)
    folder = work / "long-set"
    folder.mkdir()
    sources = []
    for index in range(LONG_ARTICLES):
        page = pages[index % len(pages)].read_bytes()
        marker = f"<p>Library copy number {index + 1} of this article.</p></body>".encode()
        path = folder / f"{index:03d}.html"
        path.write_bytes(page.replace(b"</body>", marker, 1) if b"</body>" in page else page + marker)
        sources.append(path)
    return sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--no-loop", action="store_true", help="skip the shell-loop baseline")
    parser.add_argument("--long", action="store_true", help=f"{LONG_ARTICLES} articles, worker memory start vs end")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="readaloud-batch-bench-") as temp:
        work = Path(temp)
        if args.long:
            outcome = run_pool("long", long_set(work), 2, work)
            print_throughput([outcome], LONG_ARTICLES)
            print_memory(outcome.report)
            return
        sources = article_set(args.articles)
        outcomes = [] if args.no_loop else [run_shell_loop(sources, work)]
        outcomes += [run_pool("batch --jobs 1", sources, 1, work), run_pool("batch --jobs 2", sources, 2, work)]
        print_throughput(outcomes, len(sources))
        print_memory(outcomes[-1].report)


if __name__ == "__main__":
    main()
