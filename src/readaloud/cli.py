"""The ``readaloud`` command: a thin dispatcher over one module per sub-command.

``readaloud FILE`` (no sub-command) speaks an article to an audio file; ``extract``, ``serve`` and
``batch`` are sub-commands. Every command module offers ``build_parser()`` and ``run(args) -> int``;
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

from . import __version__
from .errors import ReadaloudError

# sub-command -> module under readaloud.commands; the default command speaks FILE to audio.
COMMANDS = {
    "extract": "extract",
    "serve": "serve",
    "batch": "batch",
}
DEFAULT_COMMAND = "speak"
# A bug (any exception that is not a ReadaloudError) exits 1 with one sentence; set this variable to
# get the traceback instead.
DEBUG_VARIABLE = "READALOUD_DEBUG"
INTERNAL_ERROR_EXIT = 1
MAX_DETAIL_CHARS = 300

USAGE = f"""\
readaloud {__version__}: turn article pages into clean text and speech, offline.

usage:
  readaloud FILE|URL [-o OUT] [--format mp3|wav|ogg|flac|m4b] [options]   write an audio file
  readaloud extract FILE|URL|- [--json|--markdown|--speech] [--explain]   print the clean article
  readaloud serve [PATH ...] [--host HOST] [--port PORT]                  run the web player
  readaloud batch SOURCE... -o OUTDIR [--format ...] [--jobs N]           convert many articles

Run 'readaloud COMMAND --help' (or 'readaloud FILE --help') for a command's options.
"""


def _command_for(argv: Sequence[str]) -> tuple[str, list[str]]:
    if argv and argv[0] in COMMANDS:
        return COMMANDS[argv[0]], list(argv[1:])
    return DEFAULT_COMMAND, list(argv)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        sys.stdout.write(USAGE)
        return 0 if argv else 2
    if argv[0] == "--version":
        print(f"readaloud {__version__}")
        return 0
    signal.signal(signal.SIGPIPE, signal.SIG_DFL) if hasattr(signal, "SIGPIPE") else None
    module_name, rest = _command_for(argv)
    module = importlib.import_module(f"readaloud.commands.{module_name}")
    parser: argparse.ArgumentParser = module.build_parser()
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
