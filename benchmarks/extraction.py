"""Extraction quality and speed on both shared corpora: readaloud beside trafilatura and readability-lxml.

Usage (from the repository root)::

    .venv/bin/python benchmarks/extraction.py                    # both corpora, all pages (a few minutes)
    .venv/bin/python benchmarks/extraction.py --corpus wcxb --limit 100 --types article,forum
    .venv/bin/python benchmarks/extraction.py --corpus wcxb --part calibrate --pages   # readaloud's worst
    .venv/bin/python benchmarks/extraction.py --corpus readability --only readaloud --pages
    .venv/bin/python benchmarks/extraction.py --corpus readability --leaks   # each page's leaked captions and credits

Each corpus is scored with its own metric (``benchmarks/scoring.py``): the Readability test pages with
the 4-gram shingle F1 (harmonic mean of mean precision and mean recall), WCXB with its bag-of-words F1
(means over pages) and its ``with``/``without`` snippet rates. WCXB is split by page number
(``benchmarks/wcxb.py``): tune on *calibrate* (even numbers), judge on *check* (odd); both are printed
side by side, and ``--pages`` lists calibrate pages only so nobody tunes on the check part.

What is scored is the body: readaloud's spoken blocks (no title, dek or byline, no captions),
trafilatura's text (``include_comments=False``), readability-lxml's summary HTML turned into text
like the truth is. Every tool gets the same decoded text.

- *refused*: readaloud raising NoArticleError (no spoken block, or nothing that reads as prose: the test
  :func:`readaloud.extract.reads_as_article` applies), the others returning nothing. WCXB pages whose
  truth is empty (21, pages the reviewers found no main text in) are left out of F1 and refusals.
- *cap* / *cred*: captions and credits the source marks up (``figcaption``, a class with the word
  ``caption``, ``credit`` or ``copyright``, ``itemprop=caption``; 4 to 80 words; no cards holding a
  heading, no text the page also has outside them: the rules in ``scoring.py``) found whole in the body
  text, out of the total on the scored pages.
- *ms*: median wall-clock time per page, one page per call, fastest of ``--repeat`` runs, after a
  warm-up page in each process. With ``--jobs 2`` two processes share the cores: compare tools within
  one run, not across runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "src"))

from scoring import (  # noqa: E402
    PageScore,
    bag_of_words_score,
    caption_and_credit_texts,
    corpus_dir,
    html_blocks_text,
    leaked_texts,
    load_corpus,
    mean,
    same_byline,
    same_date,
    same_title,
    score_page,
    snippet_rates,
    summarise,
)
from wcxb import PAGE_TYPES, PARTS, load_wcxb, wcxb_dir  # noqa: E402

TOOLS = ("readaloud", "trafilatura", "readability-lxml")


# --- the extractors: body text, and whether the page was refused -------------------------------------


@dataclass(frozen=True)
class Output:
    body: str
    refused: bool
    everything: str = ""  # readaloud: all blocks, captions and credits too
    title: str = ""
    byline: str = ""
    published: str = ""


def readaloud_output(html: str) -> Output:
    from readaloud.errors import ReadaloudError
    from readaloud.extract import reads_as_article
    from readaloud.extract.html import html_to_article

    try:
        article = html_to_article(html)
    except ReadaloudError:  # a page readaloud declines to read (over a size or nesting limit): refused too
        return Output("", True)
    if not article.spoken_blocks or not reads_as_article(article):
        # extract_article raises NoArticleError: the listener hears nothing
        return Output("", True, title=article.title, byline=article.byline, published=article.published)
    body = "\n".join(b.text for b in article.blocks if b.spoken)
    everything = "\n".join(b.text for b in article.blocks)
    return Output(body, False, everything, article.title, article.byline, article.published)


def trafilatura_metadata(html: str) -> Output:
    """trafilatura's title, author and date (its own metadata pass, not timed), to compare readaloud's with."""
    import trafilatura

    found = trafilatura.extract_metadata(html)
    if found is None:
        return Output("", False)
    return Output("", False, title=found.title or "", byline=found.author or "", published=found.date or "")


def trafilatura_output(html: str) -> Output:
    import trafilatura

    body = trafilatura.extract(html, include_comments=False) or ""
    return Output(body, not body.strip())


def readability_lxml_output(html: str) -> Output:
    from readability import Document

    try:
        body = html_blocks_text(Document(html).summary())
    except Exception:  # readability-lxml raises on pages it cannot parse; that page scores zero
        body = ""
    return Output(body, not body.strip())


# Who reports a title, author and date: readaloud with its extraction, trafilatura in a pass of its own.
METADATA_TOOLS: dict[str, Callable[[str], Output]] = {"readaloud": readaloud_output, "trafilatura": trafilatura_metadata}

EXTRACTORS: dict[str, Callable[[str], Output]] = {
    "readaloud": readaloud_output,
    "trafilatura": trafilatura_output,
    "readability-lxml": readability_lxml_output,
}


# --- one page, every tool (runs in a worker process) -----------------------------------------------


@dataclass(frozen=True)
class PageResult:
    """One tool on one page. ``shingles`` for the Readability pages; P/R/F1 are WCXB's for WCXB pages."""

    corpus: str
    name: str
    page_type: str
    part: str
    tool: str
    precision: float
    recall: float
    f1: float
    shingles: PageScore | None
    with_rate: float | None
    without_rate: float | None
    refused: bool
    caption_leaks: int
    credit_leaks: int
    captions: int
    credits: int
    ms: float
    has_truth: bool = True  # False for the WCXB pages whose reviewed main text is empty
    metadata: Metadata | None = None
    url: str = ""
    truth_title: str = ""
    truth_author: str = ""
    all_blocks: PageScore | None = None  # readaloud on the Readability pages, captions included
    leaked: tuple[str, ...] = ()  # the leaked captions and credits' texts ("caption: ..."), for --leaks


@dataclass(frozen=True)
class Metadata:
    """One tool's title, byline and date on a WCXB page against the reviewed ones (None: nothing to judge)."""

    title: bool
    byline: bool | None  # the page has an author: was it found?
    false_byline: bool | None  # the page has none: was one made up?
    date: bool | None
    false_date: bool | None
    predicted: tuple[str, str, str]


def judge_metadata(output: Output, page) -> Metadata:
    has_author, has_date = bool(page.author.strip()), bool(page.published.strip())
    return Metadata(
        title=same_title(output.title, page.title),
        byline=same_byline(output.byline, page.author) if has_author else None,
        false_byline=bool(output.byline.strip()) if not has_author else None,
        date=same_date(output.published, page.published) if has_date else None,
        false_date=bool(output.published.strip()) if not has_date else None,
        predicted=(output.title, output.byline, output.published),
    )


@dataclass(frozen=True)
class Task:
    corpus: str  # "readability" or "wcxb"
    key: str  # the page folder, or the WCXB page number
    tools: tuple[str, ...]
    repeat: int
    metadata: bool = False


_WARMED: set[str] = set()


def timed(function: Callable[[str], Output], html: str, repeat: int) -> tuple[Output, float]:
    best = float("inf")
    output = None
    for _ in range(repeat):
        start = time.perf_counter()
        output = function(html)
        best = min(best, (time.perf_counter() - start) * 1000)
    assert output is not None
    return output, best


def run_task(task: Task) -> list[PageResult]:
    warnings.filterwarnings("ignore")
    page = _load_one(task)
    for tool in task.tools:
        if tool not in _WARMED:  # imports and caches, once per process
            EXTRACTORS[tool]("<html><body><p>Warm-up text for every extractor, a sentence long.</p></body></html>")
            _WARMED.add(tool)
    marks = caption_and_credit_texts(page.source)
    results = []
    for tool in task.tools:
        output, ms = timed(EXTRACTORS[tool], page.source, task.repeat)
        leaked_captions, leaked_credits = leaked_texts(marks, output.body)
        common = dict(
            corpus=task.corpus, name=page.name, tool=tool, refused=output.refused, ms=ms,
            caption_leaks=len(leaked_captions), credit_leaks=len(leaked_credits),
            leaked=tuple(f"caption: {t}" for t in leaked_captions) + tuple(f"credit: {t}" for t in leaked_credits),
            captions=len(marks.captions), credits=len(marks.credits),
        )
        if task.corpus == "wcxb":
            words = bag_of_words_score(output.body, page.truth)
            with_rate, without_rate = snippet_rates(output.body, page.with_snippets, page.without_snippets)
            metadata = None
            if task.metadata and tool in METADATA_TOOLS:
                metadata = judge_metadata(METADATA_TOOLS[tool](page.source) if tool != "readaloud" else output, page)
            results.append(PageResult(
                page_type=page.page_type, part=page.part, precision=words.precision, recall=words.recall,
                f1=words.f1, shingles=None, with_rate=with_rate, without_rate=without_rate, url=page.url,
                has_truth=bool(page.truth.strip()), metadata=metadata,
                truth_title=page.title, truth_author=page.author, **common,
            ))
        else:
            score = score_page(output.body, page.truth)
            everything = score_page(output.everything, page.truth) if tool == "readaloud" else None
            results.append(PageResult(
                page_type="real" if page.is_real else "synthetic", part="all", precision=score.precision or 0.0,
                recall=score.recall or 0.0, f1=score.f1, shingles=score, with_rate=None, without_rate=None,
                all_blocks=everything, **common,
            ))
    return results


def _load_one(task: Task):
    if task.corpus == "wcxb":
        return load_wcxb(wcxb_dir(REPO), numbers=(int(task.key),))[0]
    return next(p for p in load_corpus(corpus_dir(REPO), names=(task.key,)))


def run_tasks(tasks: list[Task], jobs: int) -> list[PageResult]:
    if jobs <= 1:
        return [r for task in tasks for r in run_task(task)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return [r for page in pool.map(run_task, tasks, chunksize=4) for r in page]


# --- tables -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    f1: float
    precision: float
    recall: float
    with_rate: float
    without_rate: float
    refused: int
    caption_leaks: int
    captions: int
    credit_leaks: int
    credits: int
    median_ms: float
    pages: int


def summarise_rows(results: list[PageResult], corpus: str) -> Row:
    scored = [r for r in results if r.has_truth]
    if corpus == "readability":
        summary = summarise([r.shingles for r in scored if r.shingles is not None])
        f1, precision, recall = summary.f1, summary.precision, summary.recall
    else:
        f1, precision, recall = (mean([getattr(r, k) for r in scored]) for k in ("f1", "precision", "recall"))
    return Row(
        f1=f1, precision=precision, recall=recall,
        with_rate=mean([r.with_rate for r in results]), without_rate=mean([r.without_rate for r in results]),
        refused=sum(r.refused for r in scored),
        caption_leaks=sum(r.caption_leaks for r in scored), captions=sum(r.captions for r in scored),
        credit_leaks=sum(r.credit_leaks for r in scored), credits=sum(r.credits for r in scored),
        median_ms=statistics.median(r.ms for r in results) if results else 0.0, pages=len(scored),
    )


HEADER = f"{'F1':>6} {'P':>6} {'R':>6} {'with':>5} {'w/o':>5} {'ref':>4} {'cap':>7} {'cred':>7} {'ms':>6}"


def format_row(row: Row, snippets: bool) -> str:
    with_rate = f"{row.with_rate:5.3f}" if snippets else f"{'':>5}"
    without_rate = f"{row.without_rate:5.3f}" if snippets else f"{'':>5}"
    return (
        f"{row.f1:6.4f} {row.precision:6.4f} {row.recall:6.4f} {with_rate} {without_rate} {row.refused:4d} "
        f"{f'{row.caption_leaks}/{row.captions}':>7} {f'{row.credit_leaks}/{row.credits}':>7} {row.median_ms:6.1f}"
    )


def print_readability(results: list[PageResult], tools: tuple[str, ...]) -> None:
    print(f"\nReadability test pages ({len({r.name for r in results})} pages), 4-gram shingle F1")
    print(f"{'extractor':<24} {HEADER}")
    for tool in tools:
        mine = [r for r in results if r.tool == tool]
        print(f"{tool:<24} {format_row(summarise_rows(mine, 'readability'), snippets=False)}")
        if tool == "readaloud":
            everything = summarise([r.all_blocks for r in mine if r.all_blocks is not None])
            print(f"{'readaloud (all blocks)':<24} {everything.f1:6.4f} {everything.precision:6.4f} {everything.recall:6.4f}")
    _print_ratios({t: summarise_rows([r for r in results if r.tool == t], "readability") for t in tools})


def print_wcxb(results: list[PageResult], tools: tuple[str, ...], parts: tuple[str, ...]) -> None:
    counts = " | ".join(f"{part} {len({r.name for r in results if r.part == part})}" for part in parts)
    print(f"\nWCXB dev ({counts} pages), bag-of-words F1 (means over pages)")
    print(f"{'extractor':<18} " + " | ".join(f"{part:<{len(HEADER)}}" for part in parts))
    print(f"{'':<18} " + " | ".join(HEADER for _ in parts))
    rows: dict[str, dict[str, Row]] = {}
    for tool in tools:
        rows[tool] = {p: summarise_rows([r for r in results if r.tool == tool and r.part == p], "wcxb") for p in parts}
        print(f"{tool:<18} " + " | ".join(format_row(rows[tool][p], snippets=True) for p in parts))
    for part in parts:
        print(f"[{part}]", end=" ")
        _print_ratios({t: rows[t][part] for t in tools})
    types = [t for t in PAGE_TYPES if any(r.page_type == t for r in results)]
    width = 13 * len(parts)
    print(f"\nper page type: F1 (pages refused), {' | '.join(parts)}")
    print(f"{'type':<14} {'pages':>9}  " + "  ".join(f"{tool:^{width}}" for tool in tools))
    for page_type in types:
        of_type = [r for r in results if r.page_type == page_type]
        sizes = "/".join(str(len({r.name for r in of_type if r.part == p})) for p in parts)
        cells = []
        for tool in tools:
            row_parts = [summarise_rows([r for r in of_type if r.tool == tool and r.part == p], "wcxb") for p in parts]
            cells.append(" ".join(f"{row.f1:5.3f} ({row.refused:3d})" if row.pages else f"{'-':^11}" for row in row_parts))
        print(f"{page_type:<14} {sizes:>9}  " + "  ".join(f"{cell:^{width}}" for cell in cells))


def _print_ratios(rows: dict[str, Row]) -> None:
    ours = rows.get("readaloud")
    texts = []
    for other in ("trafilatura", "readability-lxml"):
        if ours is not None and other in rows and rows[other].median_ms:
            texts.append(
                f"readaloud - {other}: F1 {ours.f1 - rows[other].f1:+.4f}, time x{ours.median_ms / rows[other].median_ms:.2f}"
            )
    if texts:
        print("; ".join(texts))


def print_metadata(results: list[PageResult], parts: tuple[str, ...]) -> None:
    """Title, byline and date right, against WCXB's reviewed ones; made-up ones where the page has none."""
    print("\nmetadata against the reviewed title/author/date: right (made up where the truth has none)")
    print(f"{'extractor':<14} " + " | ".join(f"{part:^36}" for part in parts))
    print(f"{'':<14} " + " | ".join(f"{'title':>8} {'byline':>13} {'date':>13}" for _ in parts))
    for tool in METADATA_TOOLS:
        cells = []
        for part in parts:
            judged = [r.metadata for r in results if r.tool == tool and r.part == part and r.metadata is not None]
            if not judged:
                continue
            cells.append(
                f"{_share([m.title for m in judged]):>8} "
                f"{_share([m.byline for m in judged]) + ' (' + _share([m.false_byline for m in judged]) + ')':>13} "
                f"{_share([m.date for m in judged]) + ' (' + _share([m.false_date for m in judged]) + ')':>13}"
            )
        if cells:
            print(f"{tool:<14} " + " | ".join(cells))


def _share(flags: list[bool | None]) -> str:
    judged = [f for f in flags if f is not None]
    return f"{sum(judged) / len(judged):.3f}" if judged else "-"


def print_wrong_metadata(results: list[PageResult], count: int) -> None:
    """readaloud's wrong titles and bylines on the calibrate part, to see how pages are built."""
    print("\nreadaloud's wrong titles and bylines (calibrate part only): page, field, found | reviewed")
    wrong = []
    for r in results:
        if r.tool != "readaloud" or r.part != "calibrate" or r.metadata is None:
            continue
        if not r.metadata.title:
            wrong.append(f"{r.name} title  {r.metadata.predicted[0]!r} | {r.truth_title!r}")
        if r.metadata.byline is False or r.metadata.false_byline:
            wrong.append(f"{r.name} byline {r.metadata.predicted[1]!r} | {r.truth_author!r}")
    print("\n".join(wrong[:count]))


def print_worst(results: list[PageResult], corpus: str, count: int) -> None:
    mine = [r for r in results if r.tool == "readaloud" and r.corpus == corpus and r.has_truth]
    if corpus == "wcxb":
        mine = [r for r in mine if r.part == "calibrate"]  # never list check pages: nobody tunes on them
    print(f"\nreadaloud's worst {corpus} pages" + (" (calibrate part only)" if corpus == "wcxb" else ""))
    for r in sorted(mine, key=lambda r: r.f1)[:count]:
        flags = " REFUSED" if r.refused else ""
        leaks_text = f" cap {r.caption_leaks} cred {r.credit_leaks}" if r.caption_leaks or r.credit_leaks else ""
        print(f"{r.f1:6.3f}  P {r.precision:5.3f}  R {r.recall:5.3f}  {r.page_type:<13} {r.name}  {r.url}{flags}{leaks_text}")


def print_leaks(results: list[PageResult], tools: tuple[str, ...]) -> None:
    """Each page's leaked captions and credits, per tool (WCXB: calibrate part only, as --pages)."""
    print("\nleaked captions and credits: tool, corpus page, text")
    for r in sorted(results, key=lambda r: (r.corpus, r.name, tools.index(r.tool))):
        if r.leaked and not (r.corpus == "wcxb" and r.part != "calibrate"):
            for text in r.leaked:
                print(f"{r.tool:<17} {r.corpus} {r.name:<28} {text[:160]}")


# --- command line ---------------------------------------------------------------------------------


def build_tasks(args: argparse.Namespace, tools: tuple[str, ...]) -> list[Task]:
    tasks = []
    if args.corpus in ("readability", "both"):
        pages = load_corpus(corpus_dir(REPO))
        if args.real:
            pages = [p for p in pages if p.is_real]
        tasks += [Task("readability", p.name, tools, args.repeat) for p in pages]
    if args.corpus in ("wcxb", "both"):
        pages = load_wcxb(wcxb_dir(REPO), types=args.types, part=args.part, limit=args.limit, with_source=False)
        tasks += [Task("wcxb", p.name, tools, args.wcxb_repeat, args.metadata) for p in pages]
    return tasks


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=["readability", "wcxb", "both"], default="both")
    parser.add_argument("--part", choices=["calibrate", "check", "all"], default="all",
                        help="WCXB pages with even (calibrate) or odd (check) numbers; both side by side by default")
    parser.add_argument("--types", default=",".join(PAGE_TYPES), help="WCXB page types, comma-separated")
    parser.add_argument("--limit", type=int, help="at most this many WCXB pages per part, spread over the corpus")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes")
    parser.add_argument("--pages", nargs="?", const=40, type=int, metavar="N",
                        help="list readaloud's N worst pages (WCXB: calibrate part only)")
    parser.add_argument("--metadata", action="store_true",
                        help="WCXB: also judge titles, bylines and dates (readaloud and trafilatura); with --pages, list wrong ones")
    parser.add_argument("--only", choices=TOOLS)
    parser.add_argument("--leaks", action="store_true",
                        help="list each page's leaked captions and credits (WCXB: calibrate part only)")
    parser.add_argument("--real", action="store_true", help="Readability corpus: only the real pages (over 8 KB)")
    parser.add_argument("--repeat", type=int, default=3, help="Readability corpus: time each page this many times")
    parser.add_argument("--wcxb-repeat", type=int, default=1, help="WCXB: time each page this many times")
    args = parser.parse_args(argv)
    args.types = tuple(t.strip() for t in args.types.split(",") if t.strip())
    unknown = set(args.types) - set(PAGE_TYPES)
    if unknown:
        parser.error(f"unknown page types: {', '.join(sorted(unknown))} (known: {', '.join(PAGE_TYPES)})")
    args.repeat, args.wcxb_repeat = max(1, args.repeat), max(1, args.wcxb_repeat)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    tools = (args.only,) if args.only else TOOLS
    for name, directory in (("readability", corpus_dir(REPO)), ("wcxb", wcxb_dir(REPO))):
        if args.corpus in (name, "both") and not directory.is_dir():
            print(f"corpus not found at {directory}", file=sys.stderr)
            return 1
    start = time.perf_counter()
    results = run_tasks(build_tasks(args, tools), args.jobs)
    print(f"{len(results)} page runs in {time.perf_counter() - start:.0f} s with {args.jobs} process(es)")
    if args.corpus in ("readability", "both"):
        print_readability([r for r in results if r.corpus == "readability"], tools)
    if args.corpus in ("wcxb", "both"):
        parts = PARTS if args.part == "all" else (args.part,)
        print_wcxb([r for r in results if r.corpus == "wcxb"], tools, parts)
        if args.metadata:
            print_metadata(results, parts)
            if args.pages and "readaloud" in tools:
                print_wrong_metadata(results, args.pages)
    if args.leaks:
        print_leaks(results, tools)
    if args.pages and "readaloud" in tools:
        for corpus in ("readability", "wcxb"):
            if args.corpus in (corpus, "both"):
                print_worst(results, corpus, args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
