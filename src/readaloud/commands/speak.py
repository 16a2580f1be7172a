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

from .. import pipeline
from ..errors import OutputError, SpeechError, UsageError
from ..render import FORMATS, AudioResult, check_output_path, format_spec, transcript_path_for, write_article_audio
from ..speak import DEFAULT_RATE, MAX_RATE, MIN_RATE, Narrator, SpeechOptions
from ..speak.registry import ENGINE_CLASSES
from ..version import __version__

if TYPE_CHECKING:
    from ..model import PreparedArticle
    from ..prepare import Lexicon
    from ..speak.base import Engine, Voice

DEFAULT_FORMAT = "mp3"
STDIN = "-"

USAGE = """\
readaloud FILE|URL|- [-o OUT] [--format FORMAT] [--voice V] [--rate WPM] [--lang LANG] [options]
       readaloud --list-voices [--engine E] [--lang LANG] [--json] [--bench]
       readaloud {extract,serve,batch} ...   (the commands listed below)"""
DESCRIPTION = (
    f"readaloud {__version__}: turn article pages into clean text and speech, offline.\n\n"
    "Read an article (a saved web page, a URL or plain text) aloud into an audio file with chapters."
)
EPILOG = f"""\
output:
  Without -o, FILE's audio goes beside it with the format's extension (story.html -> story.mp3);
  a URL's or stdin's ('-') goes in the current folder, named from the article's title
  (article.mp3 when it has none). '-o DIR/' (a trailing slash) or an existing folder writes into
  that folder, made when missing, with the same name (story.html -> DIR/story.mp3); any other -o
  is the file itself. Without --format, a known extension of a file -o picks the format, else
  {DEFAULT_FORMAT}. --transcript writes the .vtt beside the audio (talk.mp3 -> talk.vtt).
  The file appears only once complete, with chapters (the opening, then one per section heading);
  an error or Ctrl-C leaves no partial file and any older file of that name untouched.

voices:
  'readaloud --list-voices' shows a table of every installed engine's voices (--engine E or
  --lang LANG narrow it, --json prints it for scripts, adding licence and size; --bench times each
  voice here): id, language, name, engine, kind (formant or neural), and speech rules: 'full' where
  readaloud reads that language's numbers, dates, money and abbreviations itself, 'neutral' where
  it reads only links, e-mail and symbols and leaves digits to the voice. '*' marks the voice used
  for a language given without a region (a page's 'en', --lang de); --voice overrides it.
  ~/.config/readaloud/settings.toml can set a voice per language: [voices] en = "en_US-joe-medium".
  Default speed: {DEFAULT_RATE} words per minute ({MIN_RATE}-{MAX_RATE}).
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readaloud",
        usage=USAGE,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", nargs="?", metavar="FILE|URL|-", help="the article: a file, an http(s) URL, or - for stdin")
    parser.add_argument("-o", "--output", metavar="OUT", help="the audio file to write, or DIR/ to write into (see output below)")
    parser.add_argument("--format", choices=list(FORMATS), help=f"audio format (default: from OUT's extension, else {DEFAULT_FORMAT})")
    parser.add_argument("--voice", metavar="V", help="voice id, name or language as --list-voices shows it")
    parser.add_argument("--rate", type=int, default=DEFAULT_RATE, metavar="WPM", help=f"speed in words per minute (default {DEFAULT_RATE})")
    parser.add_argument("--engine", choices=list(ENGINE_CLASSES), help="speech engine (default: espeak)")
    add_voices_dir_option(parser)
    parser.add_argument("--lang", metavar="LANG", help="read the article as this language (e.g. en, de-DE), overriding the page")
    parser.add_argument("--transcript", action="store_true", help="also write a WebVTT transcript (OUT with .vtt), one cue per sentence")
    parser.add_argument("--lexicon", metavar="FILE", help="pronunciation lexicon: 'word = how to say it' per line (docs/lexicon.md)")
    parser.add_argument("--list-voices", action="store_true", help="show the installed voices as a table and exit (see voices below)")
    parser.add_argument("--json", action="store_true", help="with --list-voices: a JSON array of voices instead of the table")
    parser.add_argument("--bench", action="store_true", help="with --list-voices: time every voice on this machine (kept in the cache) and show its speed")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    parser.add_argument("--version", action="version", version=f"readaloud {__version__}")
    return parser


def run(args: argparse.Namespace) -> int:
    use_voices_folder(args.voices_dir)
    if args.list_voices:
        return list_voices(args.engine, args.lang, args.json, args.bench)
    if args.bench:
        raise UsageError("--bench goes with --list-voices: readaloud --list-voices --bench times every voice on this machine.")
    if args.json:
        raise UsageError("--json goes with --list-voices; for the article itself as JSON, run 'readaloud extract FILE --json'.")
    if not args.source:
        raise UsageError("name an article to read: readaloud FILE|URL|- (see readaloud --help).")
    fmt = choose_format(args.format, args.output)
    format_spec(fmt)
    from ..speak.preferences import user_voice_defaults

    options = SpeechOptions(engine=args.engine, voice=args.voice, rate=args.rate, lang=args.lang,
                            voices=user_voice_defaults())
    narrator = make_narrator(options)
    lexicon = load_lexicon(args.lexicon)
    # Fail fast, before fetching or synthesising anything (a URL's final name waits for its title).
    checked_output(args.source, args.output, fmt, "", args.transcript)
    article = pipeline.read(args.source, lang=args.lang)
    out = checked_output(args.source, args.output, fmt, article.title, args.transcript)
    stop_on_terminate()
    result = speak_with_progress(pipeline.prepare(article, lexicon), out, fmt, narrator, args)
    report(result, args.quiet)
    return 0


def stop_on_terminate() -> None:
    """Treat SIGTERM (a service manager, ``kill``, a batch runner's timeout) like Ctrl-C, so the
    temporary audio file is deleted on the way out instead of being left behind."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, signal.default_int_handler)


def choose_format(explicit: str | None, output: str | None) -> str:
    """``--format`` wins; else a known extension of a file ``-o``; else mp3. A contradiction is a usage error.

    A folder ``-o`` says nothing about the format (``-o talks.ogg/`` is a folder of that name).
    """
    suffix = Path(output).suffix.lower().lstrip(".") if output and not names_folder(output) else ""
    if explicit:
        if suffix in FORMATS and suffix != explicit:
            raise UsageError(f"the output name ends in .{suffix} but --format is {explicit}; make them agree.")
        return explicit
    return suffix if suffix in FORMATS else DEFAULT_FORMAT


def names_folder(output: str) -> bool:
    """``-o DIR/`` (a trailing slash) or an existing folder: write inside it, not a file of that name."""
    separators = tuple(sep for sep in (os.sep, os.altsep) if sep)
    return output.endswith(separators) or Path(output).expanduser().is_dir()


def output_path(source: str, output: str | None, fmt: str, title: str) -> Path:
    """Where the audio goes (see the --help epilog): OUT itself, or inside the folder OUT named as without -o."""
    extension = FORMATS[fmt].extension
    if output and not names_folder(output):
        return Path(output).expanduser()
    folder = Path(output).expanduser() if output else None
    if source != STDIN and not _is_url(source):
        source_path = Path(source)
        return (folder or source_path.parent) / (source_path.stem + extension)
    from ..batch.naming import readable_stem

    return (folder or Path.cwd()) / (readable_stem(title, "" if source == STDIN else source) + extension)


def checked_output(source: str, output: str | None, fmt: str, title: str, transcript: bool) -> Path:
    """The audio path, with the folder of ``-o DIR/`` made when missing, and the audio and its transcript
    both checked (writable, not a device or FIFO) before anything is fetched or spoken."""
    if output and names_folder(output):
        make_output_folder(Path(output).expanduser())
    out = check_output_path(refuse_special_output(output_path(source, output, fmt, title)))
    if transcript:
        vtt = transcript_path_for(out)
        if vtt == out:
            raise UsageError(f"the transcript would be written over the audio ({out}); give the audio another extension.")
        check_output_path(refuse_special_output(vtt))
    return out


def make_output_folder(folder: Path) -> None:
    """``-o DIR/``: create DIR (and missing parents); a file in the way or no permission is one sentence."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"cannot write into {folder}: it exists and is not a folder.") from None
    except OSError as error:
        from ..files import os_reason

        raise OutputError(f"cannot create the folder {folder} ({os_reason(error)}).") from None


def refuse_special_output(path: Path) -> Path:
    """An existing output (the audio or its transcript) that is a device or FIFO is refused: the finished
    file is renamed over its name, and as root that would replace /dev/null itself."""
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

    try:
        return Narrator(options, cache=AudioCache())
    except SpeechError as error:
        if not options.voice:
            raise
        raise SpeechError(f"{str(error).rstrip('.')}; run '{_list_voices_command(options.engine)}' to see the installed voices.") from None


def _list_voices_command(engine: str | None) -> str:
    return f"readaloud --list-voices --engine {engine}" if engine else "readaloud --list-voices"


def load_lexicon(path: str | None) -> Lexicon | None:
    if not path:
        return None
    from ..load import require_regular_file
    from ..prepare import Lexicon

    require_regular_file(Path(path))  # a FIFO named names.lexicon would block the read forever
    return Lexicon.load(path)


def speak_with_progress(
    prepared: PreparedArticle, out: Path, fmt: str, narrator: Narrator, args: argparse.Namespace
) -> AudioResult:
    """Write the audio with a progress bar on stderr when it is a terminal (and not --quiet)."""
    from ..progress import progress_bar

    bar = progress_bar("speaking", quiet=args.quiet)
    try:
        return write_article_audio(prepared, out, narrator, fmt, progress=bar, transcript=args.transcript)
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


VOICE_COLUMNS = (("id", "id"), ("language", "language"), ("name", "name"), ("engine", "engine"), ("kind", "kind"),
                 ("speech rules", "speech_rules"))
DEFAULT_MARK = "*"
DEFAULT_LEGEND = (
    f"{DEFAULT_MARK} the voice for a page (or --lang) that gives only the language, such as 'en' or 'de';",
    "  a region such as en-GB picks its own voice, and --voice overrides both.",
)
KIND_LEGEND = (
    "kind: formant = espeak-ng, quick and crisp (as many screen readers speak); neural = natural-sounding,",
    "  slower to make. --json adds licence and size on disk; --bench times each voice here (speed: x real time).",
)
SPEED_COLUMN = ("speed", "speed")


VOICES_DIR_HELP = ("a folder of your own Piper voices (*.onnx, each with its .onnx.json) "
                   "(default: $READALOUD_VOICES_DIR, else ~/.local/share/readaloud/voices)")


def add_voices_dir_option(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """--voices-dir, the same on every command that speaks (readaloud FILE, batch, serve)."""
    parser.add_argument("--voices-dir", metavar="DIR", help=VOICES_DIR_HELP)


def use_voices_folder(folder: str | None) -> None:
    """--voices-dir is handed on as the environment variable the piper engine reads, so the worker
    processes it starts (and a batch's workers) look in the same folder. A folder that is not there
    is a usage error: a misspelt name would otherwise just leave the voices out."""
    if folder:
        from ..speak.piper_engine import VOICES_DIR_VARIABLE

        path = Path(folder).expanduser().resolve()
        if not path.is_dir():
            raise UsageError(f"--voices-dir {folder}: no such folder (it should hold *.onnx voices, each with its .onnx.json).")
        os.environ[VOICES_DIR_VARIABLE] = str(path)


def list_voices(engine_name: str | None, lang: str | None, as_json: bool = False, measure: bool = False) -> int:
    """Every installed engine's voices (or one engine's) as an aligned table, or as JSON for scripts.

    "speech rules" says whether readaloud has that language's own number, date, money and
    abbreviation readings ("full") or only the language-neutral ones ("neutral": links, e-mail,
    symbols; digits are left to the voice); ``default`` marks what a page in that language gets.
    ``measure`` (--bench) times every voice not timed yet on this machine and keeps the figures.
    """
    from ..files import default_cache_directory
    from ..speak.catalogue import bench, installed_engines, load_speeds

    engines = installed_engines(engine_name)
    voices = [voice for engine in engines for voice in engine.voices() if _speaks(voice, lang)]
    if not voices:
        raise SpeechError(f"{_engines_phrase(engines)} no voice for {lang!r}.")
    speeds = bench(engines, voices, default_cache_directory()) if measure else load_speeds(default_cache_directory())
    rows = voice_rows(engines, voices, speeds, default_voices(engine_name, voices))
    for engine in engines:
        for problem in getattr(engine, "voice_problems", list)():
            print(f"readaloud: warning: {problem}", file=sys.stderr)
    if as_json:
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print("\n".join(voice_table(rows)))
    return 0


def _speaks(voice: Voice, lang: str | None) -> bool:
    from ..langtags import primary

    return not lang or primary(voice.lang) == primary(lang)


def _engines_phrase(engines: list[Engine]) -> str:
    names = [engine.name for engine in engines]
    return f"the {names[0]} engine has" if len(names) == 1 else f"the {', '.join(names[:-1])} and {names[-1]} engines have"


def default_voices(engine_name: str | None, voices: list[Voice]) -> set[tuple[str, str]]:
    """(engine, id) of the voice ``readaloud FILE`` gives a page that names only the language, for each
    language listed: the listener's settings.toml first, as the narrator itself chooses."""
    from ..langtags import primary
    from ..speak.preferences import user_voice_defaults

    narrator = Narrator(SpeechOptions(engine=engine_name, voices=user_voice_defaults()), cache=None)
    chosen = [narrator.voice_for_language(language) for language in sorted({primary(voice.lang) for voice in voices})]
    return {(voice.engine, voice.id) for voice in chosen}


def voice_rows(engines: list[Engine], voices: list[Voice], speeds: dict[str, float], defaults: set[tuple[str, str]]) -> list[dict[str, object]]:
    """One dict per voice (the catalogue's fields, speech_rules, default), sorted by language, then engine."""
    from ..prepare.languages import rules_for
    from ..speak.catalogue import catalogue

    wanted = {voice.id for voice in voices}
    entries = [entry for entry in catalogue(engines, speeds) if entry.id in wanted]
    rows = [
        {**entry.to_dict(), "speech_rules": "full" if rules_for(entry.language) else "neutral",
         "default": (entry.engine, entry.id) in defaults}
        for entry in entries
    ]
    return sorted(rows, key=lambda row: (str(row["language"]), str(row["engine"]), str(row["id"])))


def voice_table(rows: list[dict[str, object]]) -> list[str]:
    """Header, one aligned line per voice (the default of its language marked), then the legend; a
    speed column once --bench has measured any."""
    columns = VOICE_COLUMNS + ((SPEED_COLUMN,) if any(row["speed"] for row in rows) else ())
    cells = [[header for header, _key in columns]] + [[_cell(row[key]) for _header, key in columns] for row in rows]
    widths = [max(len(line[column]) for line in cells) for column in range(len(columns))]
    marks = [" "] + [DEFAULT_MARK if row["default"] else " " for row in rows]
    lines = [
        f"{mark} " + "  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip()
        for mark, line in zip(marks, cells)
    ]
    return [*lines, "", *DEFAULT_LEGEND, *KIND_LEGEND]


def _cell(value: object) -> str:
    if isinstance(value, float):  # a speed: "1190x" for espeak, "14.2x" for a neural voice
        return f"{value:.0f}x" if value >= 100 else f"{value:.1f}x"
    return "-" if value is None else str(value)
