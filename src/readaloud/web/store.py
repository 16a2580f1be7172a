"""The library's uploads on disk: one SQLite file (standard library ``sqlite3``, WAL) in the data folder.

What a reader adds (uploads, pastes, fetched pages) is kept as its source bytes, keyed by their hash,
so a restart finds the same articles under the same ids, and the same bytes added twice are one
entry. Articles from served folders are not stored: they are re-read from their files.

Beside the bytes each row keeps what the library lists (title, site, language, words), so a start
lists a large library without preparing anything; an article is prepared when a reader opens it.
Rows from before those columns (or whose summary is missing) are prepared once and filled in.

Each addition is one transaction committed before the reader is sent to the article: a server
killed with -9 mid-upload loses at most that upload, never the file (SQLite's WAL journal).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

DATABASE_NAME = "library.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,          -- the first 12 hex digits of the source's SHA-256 (library.article_id)
    name TEXT NOT NULL,           -- what the reader recognises: a file name, "Pasted text" or the URL
    url TEXT,                     -- the page's address after redirects: the base for its links
    label TEXT,                   -- the reader's own title after a rename, else NULL
    added REAL NOT NULL,          -- seconds since the epoch: the library's order
    source BLOB NOT NULL          -- the bytes as they came, prepared when a reader opens the article
);
CREATE TABLE IF NOT EXISTS positions (
    reader TEXT NOT NULL,         -- the reader's browser (web/positions.py: a random id in a cookie)
    article TEXT NOT NULL,        -- an article id, stored or served from a folder
    sentence TEXT NOT NULL,       -- the sentence id to continue from (b12.s3)
    saved REAL NOT NULL,          -- seconds since the epoch, so the newer of this and the browser's wins
    PRIMARY KEY (reader, article)
);
CREATE TABLE IF NOT EXISTS queue (
    reader TEXT NOT NULL,         -- as in positions
    article TEXT NOT NULL,
    place REAL NOT NULL,          -- the order: moving an article swaps two places
    PRIMARY KEY (reader, article)
);
CREATE TABLE IF NOT EXISTS heard (
    reader TEXT NOT NULL,
    article TEXT NOT NULL,
    heard REAL NOT NULL,          -- when the reader reached the end (or marked it heard)
    PRIMARY KEY (reader, article)
);
"""
# What the library lists, added after the first release: NULL until known (old rows are filled in).
SUMMARY_COLUMNS = {"title": "TEXT", "site": "TEXT", "lang": "TEXT", "dir": "TEXT", "words": "INTEGER"}


@dataclass(frozen=True)
class ArticleSummary:
    """What the library page shows of an article, known without preparing it."""

    title: str
    site: str
    lang: str
    dir: str
    words: int


@dataclass(frozen=True)
class StoredArticle:
    id: str
    name: str
    url: str | None
    label: str | None
    summary: ArticleSummary | None  # None: stored before summaries were kept


class ArticleStore:
    """The uploads table; one connection shared by waitress's threads under one lock."""

    def __init__(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / DATABASE_NAME
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # FULL: an upload the reader saw succeed survives a power cut too, not only a crash; uploads
        # are rare enough that the extra sync costs nothing a reader notices.
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(SCHEMA)
        self._add_summary_columns()

    def _add_summary_columns(self) -> None:
        """A library made before summaries were kept gains their columns (NULL until filled in)."""
        present = {row[1] for row in self._db.execute("PRAGMA table_info(articles)")}
        for column, kind in SUMMARY_COLUMNS.items():
            if column not in present:
                self._db.execute(f"ALTER TABLE articles ADD COLUMN {column} {kind}")

    def add(self, article_id: str, name: str, url: str | None, source: bytes, summary: ArticleSummary) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR IGNORE INTO articles (id, name, url, label, added, source, title, site, lang, dir, words)"
                " VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, name, url, time.time(), source, *summary_row(summary)),
            )

    def set_summary(self, article_id: str, summary: ArticleSummary) -> None:
        with self._lock:
            self._db.execute(
                "UPDATE articles SET title = ?, site = ?, lang = ?, dir = ?, words = ? WHERE id = ?",
                (*summary_row(summary), article_id),
            )

    def source(self, article_id: str) -> bytes | None:
        """The bytes of one article, read only when it is prepared (never the whole library at once)."""
        with self._lock:
            row = self._db.execute("SELECT source FROM articles WHERE id = ?", (article_id,)).fetchone()
        return bytes(row[0]) if row else None

    def rename(self, article_id: str, label: str) -> None:
        with self._lock:
            self._db.execute("UPDATE articles SET label = ? WHERE id = ?", (label, article_id))

    def delete(self, article_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            for table in ("positions", "queue", "heard"):
                self._db.execute(f"DELETE FROM {table} WHERE article = ?", (article_id,))

    def save_position(self, reader: str, article_id: str, sentence_id: str, saved: float) -> None:
        """Where a reader is in an article; an older save arriving late never overwrites a newer one."""
        with self._lock:
            self._db.execute(
                "INSERT INTO positions (reader, article, sentence, saved) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (reader, article) DO UPDATE SET sentence = excluded.sentence, saved = excluded.saved"
                " WHERE excluded.saved >= positions.saved",
                (reader, article_id, sentence_id, saved),
            )

    # -- a reader's listen queue and what they have heard ---------------------------------------------

    def queue(self, reader: str) -> list[str]:
        with self._lock:
            rows = self._db.execute("SELECT article FROM queue WHERE reader = ? ORDER BY place", (reader,)).fetchall()
        return [str(row[0]) for row in rows]

    def enqueue(self, reader: str, article_id: str) -> None:
        """At the end of the queue; an article already in it stays where it is."""
        with self._lock:
            self._db.execute(
                "INSERT OR IGNORE INTO queue (reader, article, place)"
                " SELECT ?, ?, COALESCE(MAX(place), 0) + 1 FROM queue WHERE reader = ?",
                (reader, article_id, reader),
            )

    def dequeue(self, reader: str, article_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM queue WHERE reader = ? AND article = ?", (reader, article_id))

    def move_in_queue(self, reader: str, article_id: str, step: int) -> None:
        """One place earlier (step -1) or later (+1): the article swaps places with its neighbour."""
        order = self.queue(reader)
        if article_id not in order:
            return
        index = order.index(article_id)
        other = index + (1 if step > 0 else -1)
        if not 0 <= other < len(order):
            return
        with self._lock:
            places = dict(self._db.execute(
                "SELECT article, place FROM queue WHERE reader = ? AND article IN (?, ?)", (reader, article_id, order[other])
            ).fetchall())
            self._db.execute("BEGIN")
            for article, place in ((article_id, places[order[other]]), (order[other], places[article_id])):
                self._db.execute("UPDATE queue SET place = ? WHERE reader = ? AND article = ?", (place, reader, article))
            self._db.execute("COMMIT")

    def set_heard(self, reader: str, article_id: str, heard: bool) -> None:
        with self._lock:
            if heard:
                self._db.execute("INSERT OR REPLACE INTO heard (reader, article, heard) VALUES (?, ?, ?)",
                                 (reader, article_id, time.time()))
            else:
                self._db.execute("DELETE FROM heard WHERE reader = ? AND article = ?", (reader, article_id))

    def heard(self, reader: str) -> set[str]:
        with self._lock:
            rows = self._db.execute("SELECT article FROM heard WHERE reader = ?", (reader,)).fetchall()
        return {str(row[0]) for row in rows}

    def position(self, reader: str, article_id: str) -> tuple[str, float] | None:
        with self._lock:
            row = self._db.execute(
                "SELECT sentence, saved FROM positions WHERE reader = ? AND article = ?", (reader, article_id)
            ).fetchone()
        return (str(row[0]), float(row[1])) if row else None

    def articles(self) -> list[StoredArticle]:
        """Every stored article's listing, without its bytes."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, name, url, label, title, site, lang, dir, words FROM articles ORDER BY added, id"
            ).fetchall()
        return [
            StoredArticle(id=row[0], name=row[1], url=row[2], label=row[3], summary=summary_from_row(row[4:]))
            for row in rows
        ]

    def close(self) -> None:
        with self._lock:
            self._db.close()


def summary_row(summary: ArticleSummary) -> tuple[str, str, str, str, int]:
    return (summary.title, summary.site, summary.lang, summary.dir, summary.words)


def summary_from_row(row: tuple) -> ArticleSummary | None:
    title, site, lang, direction, words = row
    if words is None:
        return None
    return ArticleSummary(title or "", site or "", lang or "", direction or "", int(words))
