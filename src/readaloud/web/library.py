"""The library: what the player lists (cheap summaries) and the articles it has prepared (a bounded cache).

An article's id is a hash of its source bytes, so the same file gets the same id on every start and a
listener's remembered position (kept in the browser, keyed by id) survives a server restart. The
library lives on the app (``app.extensions["readaloud"].library``); waitress serves requests on several
threads, so every change happens under one lock.

Listing needs only a summary (title, site, language, words). What readers add keeps its summary in
the :class:`ArticleStore` beside its bytes, so a start lists a large library without preparing
anything; an article is prepared when a reader opens it, and the last few prepared stay in memory
(bounded by count and by words), so a library of hundreds costs what a handful does.

Served folders are the operator's files: read-only to readers, and re-read when they change (each
listing compares the files' modification times and sizes with the last look: a few ``stat`` calls).

Without a data folder what readers add lives as long as the process. Either way the number of added
articles is bounded, and a full library says so instead of silently dropping the oldest (a reader in
the middle of one would get a 404).
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ReadaloudError
from ..model import Article, Block, PreparedArticle
from .store import ArticleStore, ArticleSummary, StoredArticle

# Files a folder contributes to the library: saved web pages and plain-text renderings of them.
ARTICLE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".txt"})
ID_HEX_DIGITS = 12  # 48 bits of SHA-256: unique among any library a person keeps, short in a URL
MAX_LABEL_CHARACTERS = 200
PREPARATION_WAIT_SECONDS = 300  # a request waiting on another thread's preparation of the same article

Stage = Callable[[str], None]  # told "reading" before extraction, "preparing" before preparation


@dataclass
class LibraryEntry:
    """One prepared article, ready to show and speak: the pipeline's PreparedArticle, with its article
    and its blocks in speaking order at hand.

    Entries are never changed after they are made, so request threads share them without locks.
    """

    id: str
    prepared: PreparedArticle
    source: str  # what the listener recognises: a file name, "Pasted text" or the URL
    article: Article = field(init=False, repr=False)
    speech: tuple[Block, ...] = field(init=False, repr=False)
    spoken_by_id: dict[str, Block] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.article = self.prepared.article
        self.speech = tuple(self.prepared.spoken)
        self.spoken_by_id = {block.id: block for block in self.speech}

    def speech_block(self, block_id: str) -> Block | None:
        """The spoken block with this id (title, dek, byline or a body block), or None."""
        return self.spoken_by_id.get(block_id)

    @property
    def word_count(self) -> int:
        return sum(len(block.text.split()) for block in self.speech)

    def summary(self) -> ArticleSummary:
        article = self.article
        return ArticleSummary(article.title or "", article.site or "", article.lang or "", article.dir or "", self.word_count)


@dataclass(frozen=True)
class Listing:
    """One row of the library: enough to list the article and to find its bytes again."""

    id: str
    source: str
    summary: ArticleSummary
    uploaded: bool = False
    label: str | None = None  # the reader's own title, after a rename
    url: str | None = None  # a fetched page's address: the base for its links
    path: Path | None = None  # a served file

    @property
    def title(self) -> str:
        """What the library lists: the reader's title, else the article's, else where it came from."""
        return self.label or self.summary.title or self.source

    @property
    def word_count(self) -> int:
        return self.summary.words


@dataclass(frozen=True)
class Problem:
    """A file that could not be added, with the one-sentence reason the user sees."""

    source: str
    message: str


class LibraryFullError(ReadaloudError):
    """No room for another added article; deleting one makes room."""


class ReadOnlyError(ReadaloudError):
    """Articles from served folders are the operator's files: readers cannot rename or delete them."""


def article_id(source: bytes) -> str:
    return hashlib.sha256(source).hexdigest()[:ID_HEX_DIGITS]


def prepare_entry(source: bytes, name: str, url: str | None = None, stage: Stage | None = None) -> LibraryEntry:
    """Extract and prepare one page; raises a ReadaloudError with one sentence when it holds no article."""
    from .. import pipeline

    tell = stage or (lambda _name: None)
    tell("reading")
    article = pipeline.extract_page(source, url=url)
    tell("preparing")
    prepared = pipeline.prepare(article)
    return LibraryEntry(id=article_id(source), prepared=prepared, source=name)


def article_files(paths: Iterable[Path]) -> list[Path]:
    """The article files named by ``paths``: files as given, folders searched for article files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES))
        else:
            found.append(path)
    return found


FileStamp = tuple[int, int]  # (st_mtime_ns, st_size): what a changed file changes


def file_stamp(path: Path) -> FileStamp | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size)


class PreparedCache:
    """The last prepared articles, at most ``max_entries`` and ``max_words`` words together (LRU)."""

    def __init__(self, max_entries: int, max_words: int) -> None:
        self._entries: OrderedDict[str, LibraryEntry] = OrderedDict()
        self._words = 0
        self.max_entries = max(1, max_entries)
        self.max_words = max_words

    def get(self, entry_id: str) -> LibraryEntry | None:
        entry = self._entries.get(entry_id)
        if entry is not None:
            self._entries.move_to_end(entry_id)
        return entry

    def put(self, entry: LibraryEntry) -> None:
        self.drop(entry.id)
        self._entries[entry.id] = entry
        self._words += entry.word_count
        while len(self._entries) > 1 and (len(self._entries) > self.max_entries or self._words > self.max_words):
            _, oldest = self._entries.popitem(last=False)
            self._words -= oldest.word_count

    def drop(self, entry_id: str) -> None:
        entry = self._entries.pop(entry_id, None)
        if entry is not None:
            self._words -= entry.word_count

    def __len__(self) -> int:
        return len(self._entries)


class Library:
    """Served files and added articles by id, in order; at most ``max_articles`` added by readers."""

    def __init__(self, max_articles: int, store: ArticleStore | None = None, *,
                 prepared_in_memory: int = 256, prepared_words: int = 1_000_000) -> None:
        self._served: OrderedDict[str, Listing] = OrderedDict()
        self._served_roots: list[Path] = []
        # file -> (stamp, or None if it could not be looked at; its id, or None if it failed)
        self._served_stamps: dict[Path, tuple[FileStamp | None, str | None]] = {}
        self._served_problems: dict[Path, Problem] = {}
        self._added: OrderedDict[str, Listing] = OrderedDict()
        self._stored_problems: list[Problem] = []
        self._sources_in_memory: dict[str, bytes] = {}  # added articles' bytes when there is no store
        self._prepared = PreparedCache(prepared_in_memory, prepared_words)
        self._pending: dict[str, Future[LibraryEntry | None]] = {}
        self._max_articles = max_articles
        self._store = store
        self._lock = threading.Lock()
        self._scan_lock = threading.Lock()  # one look at the served files at a time

    # -- served folders ------------------------------------------------------------------------------

    def add_files(self, paths: Iterable[Path]) -> None:
        """Serve every article file under ``paths`` (read-only); files that fail are listed as problems."""
        self._served_roots.extend(paths)
        self.refresh_served()

    def refresh_served(self) -> None:
        """Look at the served files again: new or changed ones are read, vanished ones leave the list."""
        with self._scan_lock:
            files = article_files(self._served_roots)
            stamps = {path: file_stamp(path) for path in files}
            if all(path in self._served_stamps and self._served_stamps[path][0] == stamp for path, stamp in stamps.items()) \
                    and len(stamps) == len(self._served_stamps):
                return
            served: OrderedDict[str, Listing] = OrderedDict()
            known = {listing.path: listing for listing in self.served_listings()}
            for path, stamp in stamps.items():
                previous = self._served_stamps.get(path)
                if previous is not None and previous[0] == stamp:
                    listing = known.get(path)
                    if listing is not None:
                        served.setdefault(listing.id, listing)
                    continue
                listing = self._read_served(path)
                self._served_stamps[path] = (stamp, listing.id if listing else None)
                if listing is not None:
                    served.setdefault(listing.id, listing)
            for gone in set(self._served_stamps) - set(stamps):
                del self._served_stamps[gone]
                self._served_problems.pop(gone, None)
            with self._lock:
                for listing in set(self._served.values()) - set(served.values()):
                    self._prepared.drop(listing.id)
                self._served = served

    def _read_served(self, path: Path) -> Listing | None:
        from ..load import read_source

        try:
            source, _url = read_source(str(path))
            entry = prepare_entry(source, path.name)
        except ReadaloudError as error:
            with self._lock:
                self._served_problems[path] = Problem(path.name, str(error))
            return None
        with self._lock:
            self._served_problems.pop(path, None)
            self._prepared.put(entry)
        return Listing(entry.id, path.name, entry.summary(), path=path)

    def served_listings(self) -> list[Listing]:
        with self._lock:
            return list(self._served.values())

    # -- what readers add ------------------------------------------------------------------------------

    def check_room(self) -> None:
        """Raise the full-library sentence before any work is done on a new article."""
        with self._lock:
            self._check_room()

    def _check_room(self) -> None:
        if len(self._added) >= self._max_articles:
            raise LibraryFullError(
                f"the library is full (it keeps {self._max_articles} added articles); "
                "delete one you have finished to make room for this one"
            )

    def add_upload(self, entry: LibraryEntry, source: bytes, url: str | None) -> Listing:
        """Keep a reader's article (stored first, when there is a store) or return the one already kept."""
        with self._lock:
            existing = self._served.get(entry.id) or self._added.get(entry.id)
            if existing is not None:
                return existing
            self._check_room()
            listing = Listing(entry.id, entry.source, entry.summary(), uploaded=True, url=url)
            if self._store is not None:
                self._store.add(entry.id, entry.source, url, source, listing.summary)
            else:
                self._sources_in_memory[entry.id] = source
            self._added[entry.id] = listing
            self._prepared.put(entry)
            return listing

    def load_stored(self) -> None:
        """List the stored articles from their summaries; one without a summary is prepared once to make it."""
        store = self._store
        if store is None:
            return
        for stored in store.articles():
            summary = stored.summary
            if summary is None:
                summary = self._summarise_stored(store, stored)
                if summary is None:
                    continue
            listing = Listing(stored.id, stored.name, summary, uploaded=True, label=stored.label, url=stored.url)
            with self._lock:
                self._added.setdefault(stored.id, listing)

    def _summarise_stored(self, store: ArticleStore, stored: StoredArticle) -> ArticleSummary | None:
        try:
            entry = prepare_entry(store.source(stored.id) or b"", stored.name, stored.url)
        except ReadaloudError as error:
            with self._lock:
                self._stored_problems.append(Problem(stored.name, str(error)))
            return None
        store.set_summary(stored.id, entry.summary())
        return entry.summary()

    def _added_or_raise(self, entry_id: str) -> Listing | None:
        if entry_id in self._served:
            raise ReadOnlyError("this article comes from the player's own folders, which readers cannot change")
        return self._added.get(entry_id)

    def rename(self, entry_id: str, label: str) -> Listing | None:
        """Give an added article the reader's title; None if there is no such article."""
        label = " ".join(label.split())[:MAX_LABEL_CHARACTERS]
        with self._lock:
            listing = self._added_or_raise(entry_id)
            if listing is None:
                return None
            if self._store is not None:
                self._store.rename(entry_id, label)
            renamed = self._added[entry_id] = replace(listing, label=label or None)
            return renamed

    def delete(self, entry_id: str) -> bool:
        """Remove an added article (from the store and from memory too); False if there was none."""
        with self._lock:
            if self._added_or_raise(entry_id) is None:
                return False
            if self._store is not None:
                self._store.delete(entry_id)
            del self._added[entry_id]
            self._sources_in_memory.pop(entry_id, None)
            self._prepared.drop(entry_id)
            return True

    # -- reading ---------------------------------------------------------------------------------------

    @property
    def store(self) -> ArticleStore | None:
        """The SQLite file, when the player has a data folder (readers' positions live there too)."""
        return self._store

    def get(self, entry_id: str) -> Listing | None:
        """The listing with this id (no preparation, no look at the disk)."""
        with self._lock:
            return self._served.get(entry_id) or self._added.get(entry_id)

    def prepared(self, entry_id: str) -> LibraryEntry | None:
        """The prepared article if it is in memory now; None means :meth:`open` has work to do."""
        with self._lock:
            return self._prepared.get(entry_id)

    def open(self, entry_id: str) -> LibraryEntry | None:
        """The prepared article, preparing it from its bytes if needed (once, however many ask at once)."""
        with self._lock:
            entry = self._prepared.get(entry_id)
            if entry is not None:
                return entry
            listing = self._served.get(entry_id) or self._added.get(entry_id)
            if listing is None:
                return None
            waiting = self._pending.get(entry_id)
            if waiting is None:  # this request prepares it; any other asking meanwhile waits for it
                pending: Future[LibraryEntry | None] = Future()
                self._pending[entry_id] = pending
        if waiting is not None:
            return waiting.result(timeout=PREPARATION_WAIT_SECONDS)
        try:
            entry = self._prepare_listing(listing)
        except BaseException as error:
            with self._lock:
                del self._pending[entry_id]
            pending.set_exception(error)
            raise
        with self._lock:
            del self._pending[entry_id]
            if entry is not None and (entry_id in self._served or entry_id in self._added):
                self._prepared.put(entry)
        pending.set_result(entry)
        return entry

    def _prepare_listing(self, listing: Listing) -> LibraryEntry | None:
        source = self._source_of(listing)
        if source is None:
            return None
        return prepare_entry(source, listing.source, listing.url)

    def _source_of(self, listing: Listing) -> bytes | None:
        """The article's bytes; None when a served file changed or vanished since it was listed."""
        if listing.path is None:
            if self._store is not None:
                return self._store.source(listing.id)
            with self._lock:
                return self._sources_in_memory.get(listing.id)
        from ..load import read_source

        try:
            source, _url = read_source(str(listing.path))
        except ReadaloudError:
            source = b""
        if article_id(source) != listing.id:
            self.refresh_served()
            return None
        return source

    def entries(self) -> list[Listing]:
        """Every listing, served files first; the served files are looked at again first (cheaply)."""
        self.refresh_served()
        with self._lock:
            return [*self._served.values(), *(listing for key, listing in self._added.items() if key not in self._served)]

    def problems(self) -> list[Problem]:
        with self._lock:
            return [*self._served_problems.values(), *self._stored_problems]

    def prepared_count(self) -> int:
        with self._lock:
            return len(self._prepared)
