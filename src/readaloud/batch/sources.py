"""SOURCE arguments -> the ordered, de-duplicated list of articles a batch converts.

A SOURCE is a file, a folder (searched recursively for article files), a glob pattern, a list file
(``@list.txt`` or ``*.list``: one path or URL per line, ``#`` comments, paths relative to the list),
or an http(s) URL. A missing file or a pattern that matches nothing becomes a failed row in the
report rather than stopping the batch; only an unreadable list file stops it before it starts,
because then the librarian's whole selection is unknown.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReadaloudError, UsageError
from ..load import MEGABYTE, read_file

# File types a saved article comes in (browsers' "Save page as", wget, plain-text exports).
ARTICLE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".txt"})
LIST_SUFFIX = ".list"
URL_PREFIXES = ("http://", "https://")
GLOB_CHARS = frozenset("*?[")
COMMENT_PREFIX = "#"
# A night's list of paths and URLs; a bigger file was named by mistake.
MAX_LIST_BYTES = 16 * MEGABYTE


@dataclass(frozen=True)
class Source:
    """One article to convert. ``identity`` (absolute path or URL) keys the state file and report."""

    identity: str
    problem: str = ""  # set when expansion already knows the source cannot be read

    @property
    def is_url(self) -> bool:
        return self.identity.startswith(URL_PREFIXES)


def expand_sources(args: Iterable[str], exclude: Iterable[str | os.PathLike[str]] = ()) -> list[Source]:
    """Every article named by ``args``, in the order given, each once.

    ``exclude`` holds folders never searched (the output folder: DAISY books contain ``.html``).
    """
    excluded = [Path(path).resolve() for path in exclude]
    seen: set[str] = set()
    sources: list[Source] = []
    for arg in args:
        for source in _expand_one(arg, Path.cwd(), excluded, allow_lists=True):
            if source.identity not in seen:
                seen.add(source.identity)
                sources.append(source)
    if not sources:
        raise UsageError("no sources were given: name files, folders, patterns, list files or URLs.")
    return sources


def _expand_one(arg: str, base: Path, excluded: list[Path], allow_lists: bool) -> Iterator[Source]:
    if arg.startswith(URL_PREFIXES):
        yield Source(arg)
        return
    if allow_lists and arg.startswith("@"):
        yield from _read_list(_absolute(arg[1:], base), excluded)
        return
    path = _absolute(arg, base)
    if allow_lists and path.suffix.lower() == LIST_SUFFIX and path.is_file():
        yield from _read_list(path, excluded)
    elif path.is_dir():
        yield from _named_folder(path, excluded)
    elif path.exists():
        yield Source(str(path))
    elif GLOB_CHARS & set(arg):
        yield from _expand_glob(str(path), excluded)
    else:
        yield Source(str(path), problem=f"there is no file or folder at {path}.")


def _absolute(arg: str, base: Path) -> Path:
    """Absolute and with symlinks resolved, so one file named two ways is converted once."""
    return (base / Path(arg).expanduser()).resolve()


def _read_list(path: Path, excluded: list[Path]) -> Iterator[Source]:
    try:
        text = read_file(path, max_bytes=MAX_LIST_BYTES).decode("utf-8-sig")  # regular files only: a FIFO blocks
    except UnicodeDecodeError:
        raise UsageError(f"cannot read the list file {path}: it is not UTF-8 text.") from None
    except ReadaloudError as error:
        raise UsageError(f"cannot read the list file: {str(error).rstrip('.')}.") from None
    for line in text.splitlines():
        entry = line.strip()
        if entry and not entry.startswith(COMMENT_PREFIX):
            yield from _expand_one(entry, path.parent, excluded, allow_lists=False)


def _named_folder(folder: Path, excluded: list[Path]) -> Iterator[Source]:
    """A folder named as a source: its article files, or one failed row saying it held none, so a
    librarian's explicit choice never vanishes from the report."""
    found = False
    for source in _walk_folder(folder, excluded):
        found = True
        yield source
    if not found:
        yield Source(
            str(folder),
            problem=f"the folder {folder} holds nothing readable (no {', '.join(sorted(ARTICLE_SUFFIXES))} files).",
        )


def _walk_folder(folder: Path, excluded: list[Path]) -> Iterator[Source]:
    """Article files under ``folder`` in a stable (sorted) order, skipping hidden and excluded folders."""
    for root, dirs, files in os.walk(folder):
        root_path = Path(root)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and (root_path / d).resolve() not in excluded
        )
        for name in sorted(files):
            if Path(name).suffix.lower() in ARTICLE_SUFFIXES and not name.startswith("."):
                yield Source(str((root_path / name).resolve()))


def _expand_glob(pattern: str, excluded: list[Path]) -> Iterator[Source]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Source(pattern, problem=f"the pattern {pattern} matched no files.")
    for match in matches:
        path = Path(match).resolve()
        if path.is_dir():
            yield from _walk_folder(path, excluded)
        elif not any(path.is_relative_to(folder) for folder in excluded):
            yield Source(str(path))
