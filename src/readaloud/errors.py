"""Errors a user can cause, each with one clear sentence and its own exit code.

The CLI prints ``str(error)`` and exits with ``error.exit_code``; nothing else reaches the user.
Exit codes are data so scripts (and the batch report) can tell failures apart.
"""

from __future__ import annotations


class ReadaloudError(Exception):
    """Base of every error meant for the user: the message is one plain sentence."""

    exit_code = 1


class InputError(ReadaloudError):
    """The source cannot be read at all (missing, unreadable, a directory)."""

    exit_code = 3


class EmptyInputError(ReadaloudError):
    exit_code = 4


class BinaryInputError(ReadaloudError):
    exit_code = 5


class EncodingError(ReadaloudError):
    exit_code = 6


class TooLargeError(ReadaloudError):
    exit_code = 7


class NoArticleError(ReadaloudError):
    """The page decoded fine but holds no article (a home page, a login wall)."""

    exit_code = 8


class FetchError(ReadaloudError):
    """A URL could not be fetched (unreachable, timeout, HTTP error, too large)."""

    exit_code = 9


class SpeechError(ReadaloudError):
    """Synthesis failed or the requested engine/voice is unavailable."""

    exit_code = 10


class OutputError(ReadaloudError):
    """The output cannot be written (unwritable path, missing encoder)."""

    exit_code = 11


class UsageError(ReadaloudError):
    exit_code = 2
