"""``readaloud FILE|URL|-``: read an article aloud into an audio file with chapters.

The default command. Everything a user can get wrong (a missing file, an unknown voice, an unwritable
output folder, a missing encoder) is checked before any speech is synthesised, and the output file
appears only when it is complete: an error or Ctrl-C leaves nothing half-written behind.
"""

from __future__ import annotations

import argparse
import os
import signal
import stat
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import OutputError, SpeechError, UsageError
from ..render import FORMATS, AudioResult, check_output_path, format_spec, write_article_audio
from ..speak import DEFAULT_RATE, MAX_RATE, MIN_RATE, Narrator, SpeechOptions, find_voice, get_engine
from ..speak.registry import ENGINE_CLASSES
from . import read_as, require_words

if TYPE_CHECKING:
    from ..model import Article
    from ..prepare import Lexicon

DEFAULT_FORMAT = "mp3"
STDIN = "-"

DESCRIPTION = "Read an article (a saved web page, a URL or plain text) aloud into an audio file with chapters."
EPILOG = f"""\
output:
  Without -o, FILE's audio goes beside it with the format's extension (story.html -> story.mp3);
  a URL's or stdin's ('-') goes in the current folder, named from the article's title
  (article.mp3 when it has none). -o may also name a folder to write into. Without --format, a
  known extension of -o picks the format, else {DEFAULT_FORMAT}.
  The file appears only once complete, with chapters (the opening, then one per section heading);
  an error or Ctrl-C leaves no partial file and any older file of that name untouched.

voices:
  'readaloud --list-voices' lists every voice (add --engine E or --lang L to narrow it down):
  id, language, name, and 'full' where readaloud reads that language's numbers, dates, money and
  abbreviations itself ('neutral': only links, e-mail and symbols; digits are left to the voice).
  Default speed: {DEFAULT_RATE} words per minute ({MIN_RATE}-{MAX_RATE}).
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readaloud",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", nargs="?", metavar="FILE|URL|-", help="the article: a file, an http(s) URL, or - for stdin")
    parser.add_argument("-o", "--output", metavar="OUT", help="the audio file (or folder) to write")
    parser.add_argument("--format", choices=list(FORMATS), help=f"audio format (default: from OUT's extension, else {DEFAULT_FORMAT})")
    parser.add_argument("--voice", metavar="V", help="voice id or name (see --list-voices)")
    parser.add_argument("--rate", type=int, default=DEFAULT_RATE, metavar="WPM", help=f"speed in words per minute (default {DEFAULT_RATE})")
    parser.add_argument("--engine", choices=list(ENGINE_CLASSES), help="speech engine (default: espeak)")
    parser.add_argument("--lang", metavar="LANG", help="read the article as this language (e.g. en, de-DE), overriding the page")
    parser.add_argument("--transcript", action="store_true", help="also write a WebVTT transcript (OUT with .vtt), one cue per sentence")
    parser.add_argument("--lexicon", metavar="FILE", help="pronunciation lexicon: 'word = how to say it' per line (docs/lexicon.md)")
    parser.add_argument("--list-voices", action="store_true", help="list the installed voices (id, language, name, speech rules) and exit")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    return parser


def run(args: argparse.Namespace) -> int:
    if args.list_voices:
        return list_voices(args.engine, args.lang)
    if not args.source:
        raise UsageError("name an article to read: readaloud FILE|URL|- (see readaloud --help).")
    fmt = choose_format(args.format, args.output)
    format_spec(fmt)
    options = SpeechOptions(engine=args.engine, voice=args.voice, rate=args.rate, lang=args.lang)
    narrator = make_narrator(options)
    lexicon = load_lexicon(args.lexicon)
    # Fail fast, before fetching or synthesising anything (a URL's final name waits for its title).
    check_output_path(refuse_special_output(output_path(args.source, args.output, fmt, "")))
    article = read_article(args.source, args.lang)
    out = refuse_special_output(output_path(args.source, args.output, fmt, article.title))
    stop_on_terminate()
    result = speak_with_progress(article, out, fmt, options, narrator, args, lexicon)
    report(result, args.quiet)
    return 0


def stop_on_terminate() -> None:
    """Treat SIGTERM (a service manager, ``kill``, a batch runner's timeout) like Ctrl-C, so the
    temporary audio file is deleted on the way out instead of being left behind."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, signal.default_int_handler)


def choose_format(explicit: str | None, output: str | None) -> str:
    """``--format`` wins; else a known extension of ``-o``; else mp3. A contradiction is a usage error."""
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    if explicit:
        if suffix in FORMATS and suffix != explicit:
            raise UsageError(f"the output name ends in .{suffix} but --format is {explicit}; make them agree.")
        return explicit
    return suffix if suffix in FORMATS else DEFAULT_FORMAT


def output_path(source: str, output: str | None, fmt: str, title: str) -> Path:
    """Where the audio goes (see the --help epilog)."""
    extension = FORMATS[fmt].extension
    if output and not Path(output).expanduser().is_dir():
        return Path(output).expanduser()
    folder = Path(output).expanduser() if output else None
    if source != STDIN and not _is_url(source):
        source_path = Path(source)
        return (folder or source_path.parent) / (source_path.stem + extension)
    from ..batch.naming import readable_stem

    return (folder or Path.cwd()) / (readable_stem(title, "" if source == STDIN else source) + extension)


def refuse_special_output(path: Path) -> Path:
    """An existing -o that is a device or FIFO is refused: the finished file is renamed over its name,
    and as root that would replace /dev/null itself."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return path  # absent (the usual case) or unreachable: check_output_path says which
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise OutputError(f"{path} is not a regular file (a device, FIFO or socket); give a file name to write.")
    return path


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def make_narrator(options: SpeechOptions) -> Narrator:
    """The narrator with the user's cache; an unknown voice says how to list the real ones."""
    from ..speak import AudioCache

    engine = get_engine(options.engine)
    if options.voice:
        try:
            find_voice(engine.voices(), options.voice, engine.name)
        except SpeechError as error:
            raise SpeechError(f"{str(error).rstrip('.')}; run '{_list_voices_command(options.engine)}' to see the installed voices.") from None
    return Narrator(options, cache=AudioCache())


def _list_voices_command(engine: str | None) -> str:
    return f"readaloud --list-voices --engine {engine}" if engine else "readaloud --list-voices"


def load_lexicon(path: str | None) -> Lexicon | None:
    if not path:
        return None
    from ..load import require_regular_file
    from ..prepare import Lexicon

    require_regular_file(Path(path))  # a FIFO named names.lexicon would block the read forever
    return Lexicon.load(path)


def read_article(source: str, lang: str | None = None) -> Article:
    from ..extract import extract_article
    from ..load import read_source

    data, url = read_source(source)
    return read_as(require_words(extract_article(data, url=url)), lang)


def speak_with_progress(
    article: Article,
    out: Path,
    fmt: str,
    options: SpeechOptions,
    narrator: Narrator,
    args: argparse.Namespace,
    lexicon: Lexicon | None,
) -> AudioResult:
    """Write the audio with a progress bar on stderr when it is a terminal (and not --quiet)."""
    from ..progress import progress_bar

    bar = progress_bar("speaking", quiet=args.quiet)
    try:
        return write_article_audio(
            article, out, fmt, options, progress=bar, transcript=args.transcript, lexicon=lexicon, narrator=narrator
        )
    finally:
        if bar:
            bar.close()


def report(result: AudioResult, quiet: bool) -> None:
    """Warnings always (stderr); the output path and duration unless quiet (stdout, for scripts)."""
    for warning in result.warnings:
        print(f"readaloud: warning: {warning}", file=sys.stderr)
    if quiet:
        return
    from ..progress import clock_text

    chapters = len(result.chapters)
    print(f"{result.path}  ({clock_text(result.duration_ms / 1000)}, {chapters} chapter{'s' if chapters != 1 else ''})")
    if result.transcript_path:
        print(result.transcript_path)


def list_voices(engine_name: str | None, lang: str | None) -> int:
    """One voice per line: id, language, name, speech rules (tab-separated, so it sorts and greps).

    The last column says whether readaloud has that language's own number, date, money and
    abbreviation readings ("full") or only the language-neutral ones ("neutral": links, e-mail,
    symbols; digits are left to the voice).
    """
    from ..prepare.languages import rules_for
    from ..speak.voices import primary_language

    engine = get_engine(engine_name)
    voices = engine.voices()
    if lang:
        voices = [v for v in voices if primary_language(v.lang) == primary_language(lang)]
    for voice in sorted(voices, key=lambda v: (v.lang, v.id)):
        rules = "full" if rules_for(voice.lang) else "neutral"
        print(f"{voice.id}\t{voice.lang}\t{voice.name}\t{rules}")
    if not voices:
        raise SpeechError(f"the {engine.name} engine has no voice for {lang!r}.")
    return 0
