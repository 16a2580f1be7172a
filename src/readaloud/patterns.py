"""Regular expressions compiled once per machine instead of once per run.

A one-shot ``readaloud page.html -o x.mp3`` compiles about 400 patterns (the chrome phrases, the
speech-text rules of the page's language): 60-70 ms of a 0.33 s run on the test machine, the largest
part of the start-up left after the language profiles (see ``extract/detector.py``). Python cannot
keep a compiled pattern between runs (pickling a ``Pattern`` stores its source and compiles it again),
so this keeps what CPython's regex compiler produces, the program: its flags, opcodes and groups. It
is rebuilt with ``_sre.compile``, the constructor ``re`` itself ends in, so a pattern from the cache
is equal (``==`` compares flags and opcodes) to a freshly compiled one. The file is named by the
interpreter and its regex engine's version and written atomically at exit when a run compiled
something new; anything unexpected (another Python, a damaged file) falls back to ``re.compile``.

Only modules whose patterns are fixed (rules as data) compile through :func:`compile`; a pattern made
from page text would only grow the file.
"""

from __future__ import annotations

import atexit
import logging
import marshal
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .files import atomic_write_bytes, default_cache_directory

log = logging.getLogger(__name__)

try:  # CPython's regex engine and compiler: the only implementation whose programs can be kept.
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another interpreter
    _sre = None

# Bump when the layout of an entry changes; the file name carries it.
FORMAT = 1
# A bound on the file, whatever calls compile(): the fixed rules are about 1,000 patterns; past it,
# the file keeps only what the run that overflowed it used.
MAX_PATTERNS = 5000

Key = tuple[str, int]
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def cache_path(directory: Path | None = None) -> Path:
    """One file per interpreter release and regex-engine version: a bug-fix release may compile a
    pattern differently without changing the engine's MAGIC."""
    implementation = sys.implementation.name + "-".join(str(part) for part in sys.version_info[:3])
    engine = getattr(_sre, "MAGIC", 0)
    return (directory or default_cache_directory()) / f"patterns-{implementation}-{engine}-v{FORMAT}.marshal"


def _program(pattern: str, flags: int) -> Program:
    """What ``re._compiler.compile`` computes before it calls ``_sre.compile`` (CPython 3.11-3.13)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # The opcodes are named ints; marshal keeps only plain ones.
    return flags | parsed.state.flags, [int(op) for op in code], parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _build(pattern: str, program: Program) -> re.Pattern[str]:
    return _sre.compile(pattern, *program)


@dataclass
class PatternStore:
    """The programs read from the cache file, and those this run added (saved at exit)."""

    path: Path | None
    _programs: dict[Key, Program] | None = field(default=None, repr=False)
    _added: bool = False
    _used: set[Key] = field(default_factory=set, repr=False)

    def _load(self) -> dict[Key, Program]:
        if self._programs is None:
            self._programs = {}
            if self.path is not None:
                try:
                    loaded = marshal.loads(self.path.read_bytes())
                    if isinstance(loaded, dict):
                        self._programs = loaded
                except FileNotFoundError:
                    pass
                except (OSError, ValueError, EOFError, TypeError) as error:
                    log.debug("pattern cache %s not read: %s", self.path, error)
        return self._programs

    def compile(self, pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
        key = (pattern, int(flags))
        self._used.add(key)
        return self._from_cache(key) or self._compile_and_keep(key)

    def _from_cache(self, key: Key) -> re.Pattern[str] | None:
        program = self._load().get(key)
        if program is None or _sre is None:
            return None
        try:
            return _build(key[0], program)
        except (TypeError, ValueError, RuntimeError, OverflowError):  # a damaged entry: compile afresh
            return None

    def _compile_and_keep(self, key: Key) -> re.Pattern[str]:
        pattern, flags = key
        programs = self._load()
        if _sre is None or flags & re.LOCALE:
            return re.compile(pattern, flags)
        if len(programs) >= MAX_PATTERNS:  # patterns of older versions pile up: keep what this run uses
            programs = self._programs = {used: programs[used] for used in self._used if used in programs}
        try:
            program = _program(pattern, flags)
            compiled = _build(pattern, program)
        except re.error:
            raise
        except Exception as error:  # noqa: BLE001 - an interpreter whose compiler differs: the normal way
            log.debug("pattern %r not kept: %s", pattern[:60], error)
            return re.compile(pattern, flags)
        programs[key] = program
        self._added = True
        return compiled

    def save(self) -> None:
        """Write the file if this run compiled something it lacked; a cache that cannot be written costs only time."""
        if not self._added or self.path is None or self._programs is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, marshal.dumps(self._programs), durable=False)
            self._added = False
        except (OSError, ValueError) as error:
            log.debug("pattern cache %s not written: %s", self.path, error)


def _process_store() -> PatternStore:
    store = PatternStore(cache_path())
    atexit.register(store.save)
    return store


# One per process, like ``re``'s own cache of compiled patterns.
_STORE = _process_store()


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's twin
    """``re.compile``, from the machine's cache of compiled programs when it has this pattern."""
    return _STORE.compile(pattern, flags)
