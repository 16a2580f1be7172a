"""The ``readaloud`` command: a thin dispatcher over one module per sub-command.

``readaloud FILE`` (no sub-command) speaks an article to an audio file; ``extract``, ``serve`` and
``batch`` are sub-commands. ``readaloud --help`` is the default command's help (every option) with
the sub-commands listed after it; ``readaloud COMMAND --help`` (or ``readaloud help COMMAND``) is a
sub-command's own. Every command module offers ``build_parser()`` and ``run(args) -> int``;
user errors (:class:`~readaloud.errors.ReadaloudError`) become one sentence on stderr and their exit
code, never a traceback; this is the one place that mapping happens (a bug gets one sentence too).
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Sequence
from types import ModuleType

from .errors import ReadaloudError
from .version import __version__

# sub-command -> (module under readaloud.commands, its line in 'readaloud --help'); the default command
# (no sub-command) speaks FILE to audio, and its --help is the overview: every option, then these.
COMMANDS = {
    "extract": ("extract", "print the clean article: text, --json, --markdown, or --speech (what is said)"),
    "serve": ("serve", "run the web player for screen-reader and keyboard users (http://127.0.0.1:8000)"),
    "batch": ("batch", "convert many articles to MP3, M4B, EPUB 3 or DAISY books, with a report"),
}
DEFAULT_COMMAND = "speak"
# A bug (any exception that is not a ReadaloudError) exits 1 with one sentence; set this variable to
# get the traceback instead.
DEBUG_VARIABLE = "READALOUD_DEBUG"
INTERNAL_ERROR_EXIT = 1
MAX_DETAIL_CHARS = 300


def commands_help() -> str:
    """The sub-commands section closing 'readaloud --help', one line each."""
    width = max(len(name) for name in COMMANDS)
    lines = [f"  {name.ljust(width)}  {summary}" for name, (_module, summary) in COMMANDS.items()]
    return "\n".join(["commands:", *lines, "  Run 'readaloud COMMAND --help' for a command's own options."]) + "\n"


def _command_for(argv: Sequence[str]) -> tuple[str, list[str]]:
    """The command module and its arguments; 'help [COMMAND]' is that command's --help."""
    if argv and argv[0] == "help":
        return _command_for([*argv[1:2], "--help"])
    if argv and argv[0] in COMMANDS:
        return COMMANDS[argv[0]][0], list(argv[1:])
    return DEFAULT_COMMAND, list(argv)


def build_parser(module_name: str, module: ModuleType) -> argparse.ArgumentParser:
    """The command's parser; the default command's help also lists the sub-commands."""
    parser: argparse.ArgumentParser = module.build_parser()
    if module_name == DEFAULT_COMMAND:
        parser.epilog = f"{parser.epilog or ''}\n{commands_help()}"
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--version"]:  # without importing any command
        print(f"readaloud {__version__}")
        return 0
    signal.signal(signal.SIGPIPE, signal.SIG_DFL) if hasattr(signal, "SIGPIPE") else None
    module_name, rest = _command_for(argv)
    module = importlib.import_module(f"readaloud.commands.{module_name}")
    parser = build_parser(module_name, module)
    if not argv:  # a bare 'readaloud': the usage lines, then the one sentence saying what is missing
        parser.print_usage(sys.stderr)
    args = parser.parse_args(rest)
    try:
        return int(module.run(args) or 0)
    except ReadaloudError as error:
        print(f"readaloud: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("readaloud: interrupted; nothing half-written was left behind.", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - a bug still gets one sentence, never a traceback
        if os.environ.get(DEBUG_VARIABLE):
            raise
        print(f"readaloud: {internal_error_sentence(error)}", file=sys.stderr)
        return INTERNAL_ERROR_EXIT


def internal_error_sentence(error: BaseException) -> str:
    """What a bug looks like to the user: one line naming it, and how to see the traceback."""
    detail = " ".join(f"{type(error).__name__}: {error}".split())[:MAX_DETAIL_CHARS]
    return (
        f"internal error ({detail}); this is a bug in readaloud, please report it with the input that caused it "
        f"({DEBUG_VARIABLE}=1 shows the traceback)."
    )


if __name__ == "__main__":
    sys.exit(main())
