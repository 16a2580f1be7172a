"""The library: articles the player can open, each extracted and prepared once, addressed by id.

An article's id is a hash of its source bytes, so the same file gets the same id on every start and a
listener's remembered position (kept in the browser, keyed by id) survives a server restart. The store
lives on the app (``app.extensions["readaloud"].library``); waitress serves requests on several
threads, so every change happens under one lock.

What readers add is kept in an :class:`ArticleStore` when the app has a data folder (``--data-dir``),
so it survives a restart; without one it lives as long as the process. Either way the number of added
articles is bounded, and a full library says so instead of silently dropping the oldest (a reader in
the middle of one would get a 404).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ReadaloudError
from ..model import Article, Block
from .store import ArticleStore

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
    label: str | None = None  # the reader's own title, after a rename
    spoken_by_id: dict[str, Block] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.spoken_by_id = {block.id: block for block in self.speech}

    def speech_block(self, block_id: str) -> Block | None:
        """The spoken block with this id (title, dek, byline or a body block), or None."""
        return self.spoken_by_id.get(block_id)

    @property
    def title(self) -> str:
        """What the library lists: the reader's title, else the article's, else where it came from."""
        return self.label or self.article.title or self.source

    @property
    def word_count(self) -> int:
        return sum(len(block.text.split()) for block in self.speech)


@dataclass(frozen=True)
class Problem:
    """A file that could not be added, with the one-sentence reason the user sees."""

    source: str
    message: str


class LibraryFullError(ReadaloudError):
    """No room for another added article; deleting one makes room."""


class ReadOnlyError(ReadaloudError):
    """Articles from served folders are the operator's files: readers cannot rename or delete them."""


MAX_LABEL_CHARACTERS = 200


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
    """Articles by id, in the order they were added; at most ``max_articles`` added by readers."""

    def __init__(self, max_articles: int, store: ArticleStore | None = None) -> None:
        self._entries: OrderedDict[str, LibraryEntry] = OrderedDict()
        self._problems: list[Problem] = []
        self._max_articles = max_articles
        self._store = store
        self._lock = threading.Lock()

    def add(self, entry: LibraryEntry) -> LibraryEntry:
        """Keep ``entry`` from a served file (or the one already kept for the same source) and return it."""
        with self._lock:
            return self._entries.setdefault(entry.id, entry)

    def check_room(self) -> None:
        """Raise the full-library sentence before any work is done on a new article."""
        with self._lock:
            self._check_room()

    def _check_room(self) -> None:
        if sum(1 for kept in self._entries.values() if kept.uploaded) >= self._max_articles:
            raise LibraryFullError(
                f"the library is full (it keeps {self._max_articles} added articles); "
                "delete one you have finished to make room for this one"
            )

    def add_upload(self, entry: LibraryEntry, source: bytes, url: str | None) -> LibraryEntry:
        """Keep a reader's article (stored first, when there is a store) or return the one already kept."""
        with self._lock:
            existing = self._entries.get(entry.id)
            if existing is not None:
                return existing
            self._check_room()
            if self._store is not None:
                self._store.add(entry.id, entry.source, url, source)
            self._entries[entry.id] = entry
            return entry

    def load_stored(self) -> None:
        """Prepare every stored article again (the pipeline may have improved since it was added)."""
        if self._store is None:
            return
        for stored in self._store.articles():
            try:
                entry = prepare_entry(stored.source, stored.name, stored.url, uploaded=True)
            except ReadaloudError as error:
                with self._lock:
                    self._problems.append(Problem(stored.name, str(error)))
                continue
            with self._lock:
                self._entries.setdefault(entry.id, replace(entry, label=stored.label))

    def _uploaded_or_raise(self, entry_id: str) -> LibraryEntry | None:
        entry = self._entries.get(entry_id)
        if entry is not None and not entry.uploaded:
            raise ReadOnlyError("this article comes from the player's own folders, which readers cannot change")
        return entry

    def rename(self, entry_id: str, label: str) -> LibraryEntry | None:
        """Give an added article the reader's title; None if there is no such article."""
        label = " ".join(label.split())[:MAX_LABEL_CHARACTERS]
        with self._lock:
            entry = self._uploaded_or_raise(entry_id)
            if entry is None:
                return None
            if self._store is not None:
                self._store.rename(entry_id, label)
            renamed = self._entries[entry_id] = replace(entry, label=label or None)
            return renamed

    def delete(self, entry_id: str) -> bool:
        """Remove an added article (from the store too); False if there was none."""
        with self._lock:
            if self._uploaded_or_raise(entry_id) is None:
                return False
            if self._store is not None:
                self._store.delete(entry_id)
            del self._entries[entry_id]
            return True

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
