"""``readaloud extract SOURCE``: print the clean article as text, JSON, Markdown or the speech script."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys

from .. import pipeline
from ..errors import OutputError, UsageError
from ..files import os_reason
from ..load import DEFAULT_MAX_BYTES, MEGABYTE
from ..model import Article
from ..render.text import render_markdown, render_removals, render_text

# The largest --max-size accepted (a terabyte): beyond it a limit means nothing, and byte counts
# would overflow the sizes that reads and decompression accept.
MAX_SIZE_MB = 1024 * 1024

DESCRIPTION = """\
Print the article found in FILE, URL or '-' (standard input): HTML pages and plain-text
renderings of pages are both understood. By default the text a listener would hear: title,
dek, byline, then the body, a blank line between blocks (captions and credits left out)."""

EPILOG = """\
--explain prints the text first, then a line 'removed: N items' and one line per piece of
page chrome that was dropped, with its reason (skip link, share bar, photo credit, ...) and
where it was (a line number or an element path). With --json the removals are already in
the "removed" field, so --explain adds nothing there.

Exit codes: 0 ok, 2 usage, 3 unreadable input (missing, directory, permission, a FIFO or
device), 4 empty input, 5 binary input (an image, PDF, archive), 6 undecodable text, 7 over
the size limit, 8 no article found (a home page, a login wall, text that says nothing), 9 URL
could not be fetched (including a redirect loop)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readaloud extract",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", metavar="FILE|URL|-", help="an HTML or text file, an http(s) URL, or - for stdin")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the whole article model as JSON")
    output.add_argument("--markdown", action="store_true", help="print Markdown (captions and credits in italics)")
    output.add_argument("--speech", action="store_true", help="print the speech script: each sentence as shown and as spoken")
    parser.add_argument("--explain", action="store_true", help="after the text, list every removed piece of chrome and why")
    parser.add_argument("--lang", metavar="LANG", help="read the article as this language (e.g. de, pt-BR), as 'readaloud FILE --lang' does: with --speech, what that override will say")
    parser.add_argument("--url", help="the page's address, for a saved file (resolves relative links, fills the url field)")
    parser.add_argument(
        "--max-size",
        type=float,
        default=DEFAULT_MAX_BYTES / MEGABYTE,
        metavar="MB",
        help=f"refuse input larger than this many megabytes (default {DEFAULT_MAX_BYTES // MEGABYTE})",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    max_bytes = max_size_bytes(args.max_size)
    article = pipeline.read(args.source, lang=args.lang, url=args.url, max_bytes=max_bytes)
    _write(_render(article, args))
    if args.explain and not args.json:
        _write("\n" + render_removals(article))
    return 0


def max_size_bytes(megabytes: float) -> int:
    """--max-size in bytes; nan, infinities, 1e999 and zero are usage errors, not tracebacks."""
    if not (0 < megabytes <= MAX_SIZE_MB):  # also False for nan
        raise UsageError(f"--max-size must be a number of megabytes above 0 and at most {MAX_SIZE_MB:,}.")
    return max(1, int(megabytes * MEGABYTE))


def _render(article: Article, args: argparse.Namespace) -> str:
    if args.json:
        return json.dumps(article.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if args.markdown:
        return render_markdown(article)
    if args.speech:
        from ..prepare import format_speech  # the prepare stage is only needed here

        return format_speech(pipeline.prepare(article))
    return render_text(article)


def _write(text: str) -> None:
    """Write text even to a terminal whose encoding cannot show every character (no UnicodeEncodeError)."""
    stream = sys.stdout
    # Only a TextIOWrapper can be reconfigured (an embedding caller's StringIO takes any character anyway).
    if isinstance(stream, io.TextIOWrapper) and (stream.encoding or "").lower().replace("-", "") != "utf8":
        stream.reconfigure(errors="replace")
    try:
        stream.write(text)
        stream.flush()
    except OSError as error:  # a full disk behind '> file', /dev/full
        _discard_stdout()
        raise OutputError(f"cannot write to standard output: {os_reason(error)}.") from None


def _discard_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's flush at exit does not fail (and print) again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
