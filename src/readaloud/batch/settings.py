"""A library's house style in one TOML file: voice, rate, engine, lexicon, what to skip, format, jobs.

Example (every key optional; paths are relative to the settings file)::

    format = "daisy202"
    jobs = 4
    engine = "espeak"
    voice = "en-gb"
    rate = 160
    lexicon = "house-style.lexicon"
    skip = ["captions", "credits", "tables"]
    timeout = 1800      # seconds one article may take before its worker is stopped
    fetch_timeout = 20  # seconds a web server may stay silent before a URL source fails

    [voices]            # a voice per language, of any installed engine (as in ~/.config/readaloud/settings.toml)
    en = "en_US-joe-medium"

Command-line flags override the file. Unknown keys and wrong types are errors, so a typo never
silently falls back to a default over a night's run.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from ..errors import ReadaloudError, UsageError
from ..load import DEFAULT_TIMEOUT as DEFAULT_FETCH_TIMEOUT
from ..load import MEGABYTE, read_file
from ..model import BlockKind
from ..speak.registry import ENGINE_CLASSES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

# Output formats -> what the output is called on disk ("" = a folder, the DAISY 2.02 file set).
# Every audio format of ``readaloud FILE`` (render/encode.py FORMATS), then the two talking-book formats.
OUTPUT_FORMATS: dict[str, str] = {
    "mp3": ".mp3",
    "wav": ".wav",
    "ogg": ".ogg",
    "flac": ".flac",
    "m4b": ".m4b",
    "epub3": ".epub",
    "daisy202": "",
}

# Words a librarian uses in ``skip`` -> the block kinds they mean. Captions and credits are skipped by
# default because they are not body text (see design.md); ``skip = []`` reads them too.
SKIPPABLE_KINDS: dict[str, frozenset[BlockKind]] = {
    "captions": frozenset({BlockKind.CAPTION}),
    "credits": frozenset({BlockKind.CREDIT}),
    "headings": frozenset({BlockKind.HEADING}),
    "tables": frozenset({BlockKind.TABLE_CELL}),
    "lists": frozenset({BlockKind.LIST_ITEM}),
    "quotes": frozenset({BlockKind.QUOTE}),
    "code": frozenset({BlockKind.PREFORMATTED}),
}
DEFAULT_SKIP = ("captions", "credits")

# Rates outside this range are either a typo or unintelligible with espeak (measured by ear).
MIN_RATE, MAX_RATE = 80, 450

# Longest one article may take on a local worker before it is stopped and reported failed. Measured:
# the corpus's longest page (wikipedia, 33 minutes of audio) converts to MP3 in about 6 s with espeak;
# piper runs about 10x real time, so two hours of audio take some 12 minutes. Thirty minutes leaves
# room for that and still frees a stuck worker the same night.
DEFAULT_TIMEOUT_SECONDS = 1800
# The longest timeout accepted: a week is already "never" for one article, and far larger numbers
# overflow the clocks that sockets and process waits use (an OverflowError, not a sentence).
MAX_TIMEOUT_SECONDS = 7 * 24 * 3600
# A house-style file is a few lines; anything this big was named by mistake.
MAX_SETTINGS_BYTES = MEGABYTE


@dataclass(frozen=True)
class BatchSettings:
    """Everything that decides what a batch writes (``jobs`` and the timeouts only decide how it runs)."""

    format: str = "mp3"
    jobs: int | None = None
    engine: str | None = None
    voice: str | None = None
    lang: str | None = None
    rate: int = 175
    lexicon: str | None = None
    skip: tuple[str, ...] = DEFAULT_SKIP
    voices: tuple[tuple[str, str], ...] = ()  # [voices]: language -> voice, as in the listener's settings.toml
    timeout: int = DEFAULT_TIMEOUT_SECONDS
    fetch_timeout: int = DEFAULT_FETCH_TIMEOUT

    @property
    def extension(self) -> str:
        return OUTPUT_FORMATS[self.format]

    @property
    def worker_count(self) -> int:
        return self.jobs or os.cpu_count() or 1

    @property
    def skipped_kinds(self) -> frozenset[BlockKind]:
        return frozenset().union(*(SKIPPABLE_KINDS[name] for name in self.skip))

    def with_overrides(self, **overrides: Any) -> BatchSettings:
        """These settings with every override that is not None applied (the CLI wins over the file)."""
        chosen = {key: value for key, value in overrides.items() if value is not None}
        if "skip" in chosen:
            chosen["skip"] = tuple(chosen["skip"])
        return validate(replace(self, **chosen), source="the command line")

    def fingerprint(self) -> str:
        """A hash of everything that changes the output, so a rerun knows what must be redone.

        The lexicon counts by content, not by path: editing the house lexicon reconverts everything.
        """
        data = asdict(self)
        del data["jobs"], data["timeout"], data["fetch_timeout"]
        data["lexicon"] = _file_digest(self.lexicon) if self.lexicon else None
        encoded = json.dumps(data, sort_keys=True).encode("utf-8")
        return hashlib.sha256(encoded).hexdigest()


def load_settings(path: str | os.PathLike[str]) -> BatchSettings:
    """Read a settings file; a syntax error is reported with its line and column."""
    path = Path(path)
    try:
        raw = read_file(path, max_bytes=MAX_SETTINGS_BYTES)  # regular files only: a FIFO would block
    except ReadaloudError as error:
        raise UsageError(f"cannot read the settings file: {str(error).rstrip('.')}.") from None
    try:
        table = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UsageError(f"the settings file {path} is not UTF-8 text.") from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"the settings file {path} is not valid TOML: {error}.") from None
    return settings_from_table(table, base_dir=path.parent, source=str(path))


def settings_from_table(table: dict[str, Any], base_dir: Path, source: str) -> BatchSettings:
    """Settings from a parsed TOML table; relative lexicon paths resolve against ``base_dir``."""
    known = {f.name for f in fields(BatchSettings)}
    unknown = sorted(set(table) - known)
    if unknown:
        raise UsageError(
            f"{source}: unknown setting {unknown[0]!r} (known settings: {', '.join(sorted(known))})."
        )
    values = dict(table)
    for key in ("format", "engine", "voice", "lang", "lexicon"):
        if key in values and not isinstance(values[key], str):
            raise UsageError(f"{source}: setting {key!r} must be a string.")
        if key in values and "\0" in values[key]:
            raise UsageError(f"{source}: setting {key!r} contains a NUL character.")
    for key in ("rate", "jobs", "timeout", "fetch_timeout"):
        if key in values and (not isinstance(values[key], int) or isinstance(values[key], bool)):
            raise UsageError(f"{source}: setting {key!r} must be a whole number.")
    if "skip" in values:
        skip = values["skip"]
        if not isinstance(skip, list) or not all(isinstance(item, str) for item in skip):
            raise UsageError(f'{source}: setting "skip" must be a list of names such as ["captions", "tables"].')
        values["skip"] = tuple(skip)
    if "voices" in values:
        from ..speak.preferences import voice_defaults

        values["voices"] = voice_defaults(values["voices"], source)
    if values.get("lexicon"):
        values["lexicon"] = str((base_dir / values["lexicon"]).resolve())
    return validate(BatchSettings(**values), source=source)


def validate(settings: BatchSettings, source: str) -> BatchSettings:
    """Refuse values that would waste a night's run, naming where they came from."""
    if settings.format not in OUTPUT_FORMATS:
        raise UsageError(f"{source}: unknown format {settings.format!r} (choose from {', '.join(OUTPUT_FORMATS)}).")
    if settings.jobs is not None and settings.jobs < 1:
        raise UsageError(f"{source}: jobs must be 1 or more.")
    if not (1 <= settings.timeout <= MAX_TIMEOUT_SECONDS and 1 <= settings.fetch_timeout <= MAX_TIMEOUT_SECONDS):
        raise UsageError(f"{source}: timeouts must be between 1 second and {MAX_TIMEOUT_SECONDS:,} seconds (a week).")
    if settings.engine is not None and settings.engine not in ENGINE_CLASSES:
        raise UsageError(f"{source}: unknown engine {settings.engine!r} (choose from {', '.join(ENGINE_CLASSES)}).")
    if not MIN_RATE <= settings.rate <= MAX_RATE:
        raise UsageError(f"{source}: rate must be between {MIN_RATE} and {MAX_RATE} words per minute.")
    unknown = [name for name in settings.skip if name not in SKIPPABLE_KINDS]
    if unknown:
        raise UsageError(f"{source}: cannot skip {unknown[0]!r} (choose from {', '.join(SKIPPABLE_KINDS)}).")
    if settings.lexicon and not Path(settings.lexicon).is_file():
        raise UsageError(f"{source}: the lexicon {settings.lexicon} does not exist.")
    return settings


def _file_digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
