"""The library: articles the player can open, each extracted and prepared once, addressed by id.

An article's id is a hash of its source bytes, so the same file gets the same id on every start and a
listener's remembered position (kept in the browser, keyed by id) survives a server restart. The store
lives on the app (``app.extensions["readaloud"].library``); waitress serves requests on several
threads, so every change happens under one lock.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ReadaloudError
from ..model import Article, Block

# Files a folder contributes to the library: saved web pages and plain-text renderings of them.
ARTICLE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".txt"})
ID_HEX_DIGITS = 12  # 48 bits of SHA-256: unique among any library a person keeps, short in a URL


@dataclass
class LibraryEntry:
    """One article, ready to show and speak: the prepared article and its blocks in speaking order.

    Entries are never changed after they are made, so request threads share them without locks.
    """

    id: str
    article: Article
    speech: tuple[Block, ...]
    source: str  # what the listener recognises: a file name, "Pasted text" or the URL
    uploaded: bool = False
    spoken_by_id: dict[str, Block] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.spoken_by_id = {block.id: block for block in self.speech}

    def speech_block(self, block_id: str) -> Block | None:
        """The spoken block with this id (title, dek, byline or a body block), or None."""
        return self.spoken_by_id.get(block_id)

    @property
    def word_count(self) -> int:
        return sum(len(block.text.split()) for block in self.speech)


@dataclass(frozen=True)
class Problem:
    """A file that could not be added, with the one-sentence reason the user sees."""

    source: str
    message: str


def article_id(source: bytes) -> str:
    return hashlib.sha256(source).hexdigest()[:ID_HEX_DIGITS]


def prepare_entry(source: bytes, name: str, url: str | None = None, *, uploaded: bool = False) -> LibraryEntry:
    """Extract and prepare one page; raises a ReadaloudError with one sentence when it holds no article."""
    from ..extract import extract_article
    from ..prepare import prepare_article, speech_blocks

    prepared = prepare_article(extract_article(source, url=url))
    return LibraryEntry(
        id=article_id(source),
        article=prepared,
        speech=tuple(speech_blocks(prepared)),
        source=name,
        uploaded=uploaded,
    )


def article_files(paths: Iterable[Path]) -> list[Path]:
    """The article files named by ``paths``: files as given, folders searched for article files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES))
        else:
            found.append(path)
    return found


class Library:
    """Articles by id, in the order they were added; uploads beyond ``max_articles`` push out the oldest."""

    def __init__(self, max_articles: int) -> None:
        self._entries: OrderedDict[str, LibraryEntry] = OrderedDict()
        self._problems: list[Problem] = []
        self._max_articles = max_articles
        self._lock = threading.Lock()

    def add(self, entry: LibraryEntry) -> LibraryEntry:
        """Keep ``entry`` (or the one already kept for the same source) and return it."""
        with self._lock:
            existing = self._entries.get(entry.id)
            if existing is not None:
                return existing
            self._entries[entry.id] = entry
            self._drop_oldest_uploads()
            return entry

    def _drop_oldest_uploads(self) -> None:
        uploads = [key for key, kept in self._entries.items() if kept.uploaded]
        while len(self._entries) > self._max_articles and uploads:
            del self._entries[uploads.pop(0)]

    def add_files(self, paths: Iterable[Path]) -> None:
        """Add every article file under ``paths``; files that fail are listed as problems, not raised."""
        from ..load import read_source

        for path in article_files(paths):
            try:
                source, _url = read_source(str(path))
                self.add(prepare_entry(source, path.name))
            except ReadaloudError as error:
                with self._lock:
                    self._problems.append(Problem(path.name, str(error)))

    def get(self, entry_id: str) -> LibraryEntry | None:
        with self._lock:
            return self._entries.get(entry_id)

    def entries(self) -> list[LibraryEntry]:
        with self._lock:
            return list(self._entries.values())

    def problems(self) -> list[Problem]:
        with self._lock:
            return list(self._problems)
