"""The library's uploads on disk: one SQLite file (standard library ``sqlite3``, WAL) in the data folder.

What a reader adds (uploads, pastes, fetched pages) is kept as its source bytes, keyed by their hash,
so a restart finds the same articles under the same ids, and the same bytes added twice are one
entry. Articles from served folders are not stored: they are re-read from their files.

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
    source BLOB NOT NULL          -- the bytes as they came, prepared again on every start
);
"""


@dataclass(frozen=True)
class StoredArticle:
    id: str
    name: str
    url: str | None
    label: str | None
    source: bytes


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

    def add(self, article_id: str, name: str, url: str | None, source: bytes) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR IGNORE INTO articles (id, name, url, label, added, source) VALUES (?, ?, ?, NULL, ?, ?)",
                (article_id, name, url, time.time(), source),
            )

    def rename(self, article_id: str, label: str) -> None:
        with self._lock:
            self._db.execute("UPDATE articles SET label = ? WHERE id = ?", (label, article_id))

    def delete(self, article_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def articles(self) -> list[StoredArticle]:
        with self._lock:
            rows = self._db.execute("SELECT id, name, url, label, source FROM articles ORDER BY added, id").fetchall()
        return [StoredArticle(*row) for row in rows]

    def close(self) -> None:
        with self._lock:
            self._db.close()
