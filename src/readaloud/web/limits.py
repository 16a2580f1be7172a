"""How much slow work the player does at once: fetches and article preparations, each behind a gate.

Each gate is a bounded semaphore with a short queue, made per app (``State.fetches`` and
``State.preparations``). A request that finds every slot busy waits its turn; when the queue is full
too it is told at once that the player is busy. So however many readers paste slow addresses, most
of waitress's threads stay free for pages and audio.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus

from flask import abort


class Gate:
    """At most ``slots`` holders at once and at most ``max_waiting`` waiting, each for ``wait_seconds``."""

    def __init__(self, slots: int, max_waiting: int, wait_seconds: float, busy_sentence: str) -> None:
        self._slots = threading.BoundedSemaphore(slots)
        self._waiting = 0
        self._lock = threading.Lock()
        self.max_waiting = max_waiting
        self.wait_seconds = wait_seconds
        self.busy_sentence = busy_sentence

    @property
    def waiting(self) -> int:
        with self._lock:
            return self._waiting

    def _join_queue(self) -> bool:
        with self._lock:
            if self._waiting >= self.max_waiting:
                return False
            self._waiting += 1
            return True

    def _leave_queue(self) -> None:
        with self._lock:
            self._waiting -= 1

    def acquire(self) -> bool:
        """A slot, at once or after waiting in the queue; False when the queue is full or the wait ran out."""
        if self._slots.acquire(blocking=False):
            return True
        if not self._join_queue():
            return False
        try:
            return self._slots.acquire(timeout=self.wait_seconds)
        finally:
            self._leave_queue()

    def release(self) -> None:
        self._slots.release()

    @contextmanager
    def slot(self) -> Iterator[None]:
        """A slot however long it takes: for background workers, which hold no reader's request."""
        self._slots.acquire()
        try:
            yield
        finally:
            self.release()

    @contextmanager
    def held(self) -> Iterator[None]:
        """Run the block with a slot held; a 503 page with the busy sentence when none comes."""
        if not self.acquire():
            abort(HTTPStatus.SERVICE_UNAVAILABLE, description=self.busy_sentence)
        try:
            yield
        finally:
            self.release()
