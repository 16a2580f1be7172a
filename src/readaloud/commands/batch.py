"""``readaloud batch SOURCE... -o OUTDIR``: convert many articles, unattended, with a report.

See docs/batch.md. The command only wires things together: settings (file, then flags), sources,
the pool (local processes or ``--scheduler``), a progress bar on a terminal, and the summary.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from ..batch.orchestrator import run_batch
from ..batch.report import ItemResult, Report
from ..batch.settings import OUTPUT_FORMATS, SKIPPABLE_KINDS, BatchSettings, load_settings
from ..batch.sources import Source, expand_sources
from ..errors import UsageError
from ..progress import BAR_WIDTH, ProgressBar, clock_text
from .speak import add_voices_dir_option, use_voices_folder

# Exit status beyond the ReadaloudError codes (1-11), so cron and scripts can tell the outcomes apart.
EXIT_OK = 0  # every source converted or skipped as unchanged
EXIT_SOME_FAILED = 12  # the batch ran; some sources failed (see report.csv)
EXIT_ALL_FAILED = 13  # the batch ran; every source failed (likely a set-up problem: voices, storage)
# Failures listed at the end of a run; the report has them all.
MAX_FAILURES_SHOWN = 20

EPILOG = f"""\
SOURCE is a file, a folder (searched recursively for .html/.htm/.xhtml/.txt), a glob pattern,
a list file (@list.txt or NAME.list: one path or URL per line, # comments) or an http(s) URL.

Outputs, report.json, report.csv and the state file .readaloud-batch.json go to OUTDIR. A rerun
skips sources whose content and settings are unchanged and whose output is complete.

exit status: {EXIT_OK} all converted or unchanged; {EXIT_SOME_FAILED} some sources failed; {EXIT_ALL_FAILED} every source
failed; 2 bad usage or settings; 11 the output folder cannot be written (a full disk, a read-only
folder: the run stops, the sources not attempted are marked so in the report, and rerunning the same
command finishes the job); 130 interrupted.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readaloud batch",
        description="Convert many articles to audio files or talking books, with a report.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="files, folders, globs, list files, URLs")
    parser.add_argument("-o", "--output", dest="outdir", required=True, metavar="OUTDIR", help="output folder")
    parser.add_argument("--format", choices=list(OUTPUT_FORMATS), help="output format (default mp3): an audio file with chapters as 'readaloud FILE' writes it, an EPUB 3 talking book, or a DAISY 2.02 folder")
    parser.add_argument(
        "--feed", metavar="URL",
        help="also write OUTDIR/feed.xml, a podcast feed of the audio files, for OUTDIR published at URL",
    )
    parser.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: one per CPU core)")
    parser.add_argument("--settings", metavar="FILE", help="house style in TOML; flags override it")
    parser.add_argument(
        "--scheduler", metavar="tcp://HOST:8786",
        help="run on a Dask cluster (shared OUTDIR); gives up if the cluster has no workers for 2 minutes",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar or summary (for cron); failures still listed")
    speech = parser.add_argument_group("house style (override the settings file)")
    speech.add_argument("--engine", help="speech engine (espeak, pyttsx3, piper)")
    speech.add_argument("--voice", help="voice id or name")
    add_voices_dir_option(speech)
    speech.add_argument("--rate", type=int, help="words per minute")
    speech.add_argument("--lang", help="read every article as this language")
    speech.add_argument("--lexicon", metavar="FILE", help="pronunciation lexicon")
    speech.add_argument(
        "--skip", metavar="KINDS", help=f"comma-separated kinds not to read: {', '.join(SKIPPABLE_KINDS)} ('' reads all)"
    )
    speech.add_argument("--timeout", type=int, metavar="SECONDS", help="longest one article may take (local workers)")
    speech.add_argument("--fetch-timeout", type=int, metavar="SECONDS", help="longest a web server may stay silent")
    return parser


def settings_from_args(args: argparse.Namespace) -> BatchSettings:
    """The settings file (if any), then every flag given on the command line."""
    settings = load_settings(args.settings) if args.settings else BatchSettings()
    skip = None if args.skip is None else [kind.strip() for kind in args.skip.split(",") if kind.strip()]
    lexicon = str(Path(args.lexicon).resolve()) if args.lexicon else None
    return settings.with_overrides(
        format=args.format, jobs=args.jobs, engine=args.engine, voice=args.voice, rate=args.rate,
        lang=args.lang, lexicon=lexicon, skip=skip, timeout=args.timeout, fetch_timeout=args.fetch_timeout,
    )


def run(args: argparse.Namespace) -> int:
    use_voices_folder(args.voices_dir)
    settings = settings_from_args(args)
    _check_encoder(settings)
    feed_base = _feed_base(args.feed, settings)
    outdir = Path(args.outdir)
    sources = expand_sources(args.sources, exclude=[outdir])
    if not args.quiet:
        _say_what_a_neural_voice_costs(settings, sources)
    pool = _pool(args, settings)
    bar = progress_for(args.quiet)
    try:
        report = run_batch(sources, outdir, settings, pool, on_result=bar.on_result if bar else None)
    finally:
        if bar:
            bar.close()
    if feed_base:
        _write_feed(outdir, report, feed_base, args.quiet)
    _print_outcome(report, quiet=args.quiet)
    return exit_status(report)


def _say_what_a_neural_voice_costs(settings: BatchSettings, sources: list[Source]) -> None:
    """Before a long night with a neural voice, how long this batch's synthesis should take here: the
    voice the articles will be read with, its speed measured on this machine (once, then kept with the
    voice catalogue's), the workers that share the work, and the listening time of the local files."""
    from ..files import default_cache_directory
    from ..speak import Narrator, SpeechOptions
    from ..speak.catalogue import is_neural, speed_of

    narrator = Narrator(SpeechOptions(engine=settings.engine, voice=settings.voice, rate=settings.rate,
                                      lang=settings.lang, voices=settings.voices), cache=None, lookahead=0)
    voice = narrator.explicit_voice or narrator.voice_for_language(settings.lang or "en")
    if not is_neural(voice.engine):
        return
    speed = max(speed_of(narrator.registry.get(voice.engine), voice, default_cache_directory()), 0.01)
    workers = max(1, min(settings.worker_count, os.cpu_count() or 1))
    listening = estimated_listening_seconds(sources, settings.rate)
    line = f"readaloud: {voice.name} is a neural voice: about {speed:.0f}x real time per worker on this machine"
    if listening is None:
        line += f", so every hour of speech takes about {60 / speed / workers:.0f} minutes with {workers} worker(s)."
    else:
        seconds, measured = listening
        line += (f"; these {measured} local article(s) hold {_hours_minutes(seconds)} of listening, so synthesis "
                 f"should take {_hours_minutes(seconds / speed / workers)} with {workers} worker(s)")
        web = sum(source.is_url for source in sources)
        line += f", plus the {web} web page(s)." if web else "."
    print(line, file=sys.stderr)


# Sampled, not read whole: a night's batch may name thousands of files, and this runs before the first.
ESTIMATE_SAMPLE = 12


def estimated_listening_seconds(sources: list[Source], rate: int) -> tuple[float, int] | None:
    """Listening time of the local files: words per byte from up to ESTIMATE_SAMPLE of them spread over
    the list (extracted as the batch will), times all their bytes; None without a readable local file."""
    from .. import pipeline

    files = [(source, size) for source in sources if not source.is_url and (size := _size(source.identity)) > 0]
    if not files:
        return None
    step = max(1, len(files) // ESTIMATE_SAMPLE)
    words = sampled_bytes = 0
    for source, size in files[::step][:ESTIMATE_SAMPLE]:
        try:
            article = pipeline.read(source.identity)
        except Exception:  # noqa: BLE001 - a bad file is the batch's to report; it just is not sampled
            continue
        words += sum(len(block.text.split()) for block in article.spoken_blocks) + len(article.title.split())
        sampled_bytes += size
    if not sampled_bytes:
        return None
    total_words = words / sampled_bytes * sum(size for _source, size in files)
    return total_words / max(rate, 1) * 60, len(files)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _hours_minutes(seconds: float) -> str:
    if seconds < 60:
        return "under a minute"
    minutes = round(seconds / 60)
    return f"about {minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"about {minutes} min"


def _feed_base(url: str | None, settings: BatchSettings) -> str:
    """--feed's base URL, checked before converting anything; a feed lists audio, not talking books."""
    if not url:
        return ""
    from ..batch.feed import check_feed_base
    from ..render.feed import AUDIO_TYPES

    if settings.extension not in AUDIO_TYPES:
        raise UsageError(f"--feed lists audio files for podcast apps; the {settings.format} format is not one (use mp3).")
    return check_feed_base(url)


def _write_feed(outdir: Path, report: Report, base: str, quiet: bool) -> None:
    from ..batch.feed import write_batch_feed

    ordered = sorted(report.results.values(), key=lambda result: report.order.get(result.source, 0))
    path = write_batch_feed(outdir, ordered, base)
    if not quiet:
        print(f"podcast feed: {path} (publish {outdir} at {base})")


def _check_encoder(settings: BatchSettings) -> None:
    """An audio format's encoder (M4B's AAC) is checked before converting anything rather than failing
    every article; the talking-book formats always write MP3 inside."""
    from ..render.encode import FORMATS, format_spec

    if settings.format in FORMATS:
        format_spec(settings.format)


def _pool(args: argparse.Namespace, settings: BatchSettings):
    if args.scheduler:
        from ..batch.distributed import DaskPool

        return DaskPool(args.scheduler)
    from ..batch.runner import LocalPool

    return LocalPool(settings.worker_count, settings.timeout)


class BatchProgressBar(ProgressBar):
    """The shared terminal bar, counting articles and failures instead of blocks."""

    def __init__(self, stream: TextIO | None = None) -> None:
        super().__init__("converting", stream)
        self.failed = 0

    def on_result(self, report: Report, result: ItemResult) -> None:
        self.failed = report.summary.failed
        self(report.summary.done, report.summary.total)

    def line(self, done: int, total: int, elapsed: float) -> str:
        """``converting [#####-----] 12/40 articles, 1 failed  0:03 elapsed, 0:07 left``."""
        filled = round(BAR_WIDTH * done / total) if total else BAR_WIDTH
        left = clock_text(elapsed / done * (total - done)) if done else "?"
        failures = f", {self.failed} failed" if self.failed else ""
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        return f"{self.label} [{bar}] {done}/{total} articles{failures}  {clock_text(elapsed)} elapsed, {left} left"


def progress_for(quiet: bool, stream: TextIO | None = None) -> BatchProgressBar | None:
    """A bar only on an interactive terminal and not with --quiet (same rule as ``progress_bar``)."""
    stream = stream if stream is not None else sys.stderr
    return None if quiet or not stream.isatty() else BatchProgressBar(stream)


def _print_outcome(report: Report, quiet: bool) -> None:
    """The summary on stdout (not with --quiet); failures on stderr, one line each."""
    if not quiet:
        print(report.summary.sentence())
        print(f"Report: {report.outdir / 'report.csv'}")
    failures = report.failures
    for result in failures[:MAX_FAILURES_SHOWN]:
        print(f"failed: {result.source}: {result.error}", file=sys.stderr)
    if len(failures) > MAX_FAILURES_SHOWN:
        print(f"... and {len(failures) - MAX_FAILURES_SHOWN} more failures in the report.", file=sys.stderr)


def exit_status(report: Report) -> int:
    summary = report.summary
    if summary.failed == 0:
        return EXIT_OK
    if summary.failed == summary.total:
        return EXIT_ALL_FAILED
    return EXIT_SOME_FAILED

