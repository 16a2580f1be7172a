"""A content-addressed cache of synthesised audio, shared by every process of one user.

Key: sha256 of (engine name, engine version, voice id, rate, speech text): anything that changes the
audio changes the key, so entries never go stale, they only age out. One file per entry holds the PCM,
its sample rate and word marks, written to a temporary file and renamed into place, so a reader in
another process sees either nothing or a whole entry and two writers of one key just race to
identical contents. Size is bounded: least recently used entries (by mtime, touched on every hit) are
deleted when the total passes ``max_bytes``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import struct
import threading
from pathlib import Path

from ..files import atomic_write_bytes, default_cache_directory
from ..model import WordMark
from .base import Synthesis

log = logging.getLogger(__name__)

MAGIC = b"RAC1"  # readaloud audio cache, format 1; a new layout gets a new magic and a new directory
HEADER = struct.Struct("<4sI")  # magic, length of the JSON header that follows; then raw PCM
SUBDIRECTORY = "audio-v1"
SUFFIX = ".rac"

# 1 GiB holds about 6.5 hours of 22,050 Hz mono speech: a few dozen long articles.
DEFAULT_MAX_BYTES = 1 << 30
# Pruning lists the whole cache, so do it on the first write of a process, then every so often.
PRUNE_EVERY_WRITES = 200
PRUNE_TO_FRACTION = 0.9  # leave headroom so the next few writes do not prune again at once


class AudioCache:
    """Synthesis results on disk, keyed by :meth:`key`. Failures to write only log: a cache is optional."""

    def __init__(self, directory: str | os.PathLike[str] | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.root = Path(directory).expanduser() if directory is not None else default_cache_directory()
        self.directory = self.root / SUBDIRECTORY
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0
        self._writes = 0
        self._write_failed = False
        self._lock = threading.Lock()  # guards the counters; files need no lock (atomic renames)

    @staticmethod
    def key(engine: str, version: str, voice_id: str, rate: int, text: str) -> str:
        """The content hash naming an entry; JSON keeps the fields unambiguous (no separator games)."""
        blob = json.dumps([engine, version, voice_id, rate, text], ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}{SUFFIX}"

    def get(self, key: str) -> Synthesis | None:
        """The cached synthesis, or None (a missing, unreadable or corrupt entry is a miss)."""
        path = self._path(key)
        try:
            data = path.read_bytes()
            synthesis = _decode(data)
        except (OSError, ValueError, KeyError, TypeError) as error:
            if not isinstance(error, FileNotFoundError):
                log.warning("ignoring unreadable audio cache entry %s: %s", path, error)
            self._count(hit=False)
            return None
        try:
            os.utime(path)  # recently used: pruning keeps it
        except OSError:
            pass
        self._count(hit=True)
        return synthesis

    def put(self, key: str, synthesis: Synthesis) -> None:
        """Store atomically; no fsync: a lost entry only costs synthesising it again."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, _encode(synthesis), durable=False)
        except OSError as error:
            if not self._write_failed:
                log.warning("audio cache %s is not writable, continuing without it: %s", self.directory, error)
            self._write_failed = True
            return
        if self._note_write():
            self.prune()

    def _count(self, *, hit: bool) -> None:
        with self._lock:
            if hit:
                self.hits += 1
            else:
                self.misses += 1

    def _note_write(self) -> bool:
        """Count a write; True when it is time to prune."""
        with self._lock:
            self._writes += 1
            return self._writes % PRUNE_EVERY_WRITES == 1

    def size_bytes(self) -> int:
        return sum(size for _, size, _ in self._entries())

    def _entries(self) -> list[tuple[float, int, Path]]:
        """(mtime, size, path) of every entry; entries vanishing meanwhile (another process) are skipped."""
        found = []
        for path in self.directory.glob(f"*/*{SUFFIX}"):
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append((stat.st_mtime, stat.st_size, path))
        return found

    def prune(self) -> None:
        """Delete the least recently used entries until the cache fits in ``max_bytes`` again."""
        entries = self._entries()
        total = sum(size for _, size, _ in entries)
        if total <= self.max_bytes:
            return
        target = self.max_bytes * PRUNE_TO_FRACTION
        for _, size, path in sorted(entries):
            if total <= target:
                break
            path.unlink(missing_ok=True)
            total -= size


def _encode(synthesis: Synthesis) -> bytes:
    header = json.dumps(
        {
            "sample_rate": synthesis.sample_rate,
            "estimated_timings": synthesis.estimated_timings,
            "words": [[w.start, w.length, w.ms] for w in synthesis.words],
        }
    ).encode("utf-8")
    return HEADER.pack(MAGIC, len(header)) + header + synthesis.pcm


def _decode(data: bytes) -> Synthesis:
    """Inverse of :func:`_encode`; ValueError for anything that is not a whole entry."""
    if len(data) < HEADER.size:
        raise ValueError("truncated entry")
    magic, header_length = HEADER.unpack_from(data)
    if magic != MAGIC or HEADER.size + header_length > len(data):
        raise ValueError("not an audio cache entry")
    header = json.loads(data[HEADER.size : HEADER.size + header_length])
    pcm = data[HEADER.size + header_length :]
    if len(pcm) % 2:
        raise ValueError("odd PCM length")
    return Synthesis(
        pcm=pcm,
        sample_rate=int(header["sample_rate"]),
        words=[WordMark(int(s), int(n), int(ms)) for s, n, ms in header["words"]],
        estimated_timings=bool(header.get("estimated_timings", False)),
    )
