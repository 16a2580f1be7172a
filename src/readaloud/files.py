"""Writing files so that nothing half-written ever sits under a final name.

Every writer goes through :func:`staged_write`: the output is built under a hidden temporary name
beside its target (same folder, so the final rename is atomic, also on NFS) and renamed over the target
only once complete; an error or Ctrl-C deletes the temporary and leaves any older output untouched.
The one sentence a listener reads when the system refuses a write is made here, by :func:`write_error`.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path
from types import TracebackType

from .errors import OutputError


def os_reason(error: OSError) -> str:
    """The system's reason, lower-cased to sit inside a sentence ("no space left on device")."""
    return (error.strerror or str(error)).lower()


def write_error(target: Path, error: OSError, *, creating: bool = False) -> OutputError:
    """The one sentence for a write the system refused; ``creating``: the temporary beside ``target``
    could not even be made, so the sentence names the folder and what is wrong with it."""
    if not creating:
        return OutputError(f"cannot write {target}: {os_reason(error)}.")
    folder = target.parent
    if not folder.exists():
        return OutputError(f"cannot write {target}: the folder {folder} does not exist.")
    if not folder.is_dir():
        return OutputError(f"cannot write {target}: {folder} is not a folder.")
    return OutputError(f"cannot write {target}: the folder {folder} is not writable ({os_reason(error)}).")


class StagedWrite:
    """A temporary file (or folder) beside ``target`` that replaces it only when complete.

    Use ``with staged_write(target) as temp:`` for a write that fits in one block; writers that stream
    over many calls (audio, transcripts) keep the object and call :meth:`commit` or :meth:`discard`.
    Errors raised while the caller writes into ``temp`` pass through unchanged (the temporary is
    removed); OS errors of the staging itself (creating, syncing, renaming) become one
    :class:`OutputError` sentence, unless ``raw_errors`` asks for the OSError, for callers that word
    their own (the batch's report and state, best-effort caches).
    """

    def __init__(self, target: Path, *, folder: bool = False, durable: bool = False, raw_errors: bool = False) -> None:
        """``durable`` fsyncs a file before the rename (the batch's records must survive a power cut)."""
        self.target = Path(target)
        self._folder, self._durable, self._raw_errors = folder, durable, raw_errors
        self._finished = False
        try:
            self.temp = self._create()
        except OSError as error:
            raise self._error(error, creating=True) from None

    def _create(self) -> Path:
        """Mode 0666/0777 minus the umask, like anything the user writes (tempfile's 0600/0700 would hide
        a report or a book from colleagues on shared storage)."""
        temp = self.target.with_name(f".{self.target.name}.{secrets.token_hex(4)}.part")
        if self._folder:
            os.mkdir(temp, 0o777)
        else:
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        return temp

    def commit(self) -> Path:
        """Move the finished temporary over the target; on failure it is removed and the target kept."""
        if self._finished:
            return self.target
        try:
            if self._durable and not self._folder:
                _fsync(self.temp)
            replace_path(self.temp, self.target)
        except OSError as error:
            self.discard()
            raise self._error(error) from None
        except BaseException:
            self.discard()
            raise
        self._finished = True
        return self.target

    def discard(self) -> None:
        """Remove the temporary; the target is left as it was."""
        if not self._finished:
            self._finished = True
            remove_path(self.temp)

    def _error(self, error: OSError, creating: bool = False) -> OSError | OutputError:
        return error if self._raw_errors else write_error(self.target, error, creating=creating)

    def __enter__(self) -> Path:
        return self.temp

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def staged_write(target: Path, *, folder: bool = False, durable: bool = False, raw_errors: bool = False) -> StagedWrite:
    """``with staged_write(path) as temp:`` write ``temp``; ``path`` appears (or is replaced) only on success."""
    return StagedWrite(target, folder=folder, durable=durable, raw_errors=raw_errors)


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def replace_path(built: Path, final: Path) -> None:
    """Move a finished file or folder to its final name, replacing an older version of it atomically.

    A file is one ``os.replace``. A folder cannot replace a non-empty folder in one step, so the old one
    is first renamed aside (beside ``built``), then the new one moved in, then the old deleted: at every
    instant the final name holds a complete output or nothing.
    """
    if built.is_dir() and final.exists():
        aside = built.with_name(f"{built.name}.old")
        os.replace(final, aside)
        os.replace(built, final)
        remove_path(aside)
    else:
        os.replace(built, final)


def remove_path(path: Path) -> None:
    """Delete a file or a whole folder, if it is there (an unfinished output, a superseded one)."""
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def atomic_write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so a reader (or a power cut) sees the old file or the new one, whole.

    OS errors propagate as they are: each caller says in its own words what could not be saved.
    ``durable=False`` skips the fsync, for caches whose loss only costs recomputation.
    """
    with staged_write(path, durable=durable, raw_errors=True) as temp:
        temp.write_bytes(data)


def default_cache_directory() -> Path:
    """``$READALOUD_CACHE_DIR``, else ``$XDG_CACHE_HOME/readaloud``, else ``~/.cache/readaloud``: the audio
    cache and the compiled language profiles live there (here, so extraction never imports speak)."""
    if explicit := os.environ.get("READALOUD_CACHE_DIR"):
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "readaloud"
