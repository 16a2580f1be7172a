"""Preparing what readers add off the request thread, with a state the reader's page can follow.

An upload, paste or fetched page becomes a :class:`Job` run by a small pool of background workers
(one per preparation slot, sharing the app's preparation gate with articles opened from the store).
The request waits a few seconds for it, so a typical article still opens at once; a large one, or one
that waits for a slot, shows a page that follows the job (waiting, reading, preparing, ready or
failed) instead of holding a waitress thread for a minute. At most ``max_queued`` jobs wait, each
holding its source bytes, so memory stays bounded; finished jobs are forgotten (the library has the
article) and failed ones are kept, a bounded few, only so their page can say why.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ..errors import ReadaloudError
from .library import Library, article_id, prepare_entry
from .limits import Gate

FAILED_JOBS_KEPT = 32
LOG = logging.getLogger(__name__)

# What each state tells the reader, and how far along it is (for the page's progress bar).
STAGES = {
    "waiting": (0, "Waiting for a free place: the player is preparing other articles first."),
    "reading": (1, "Reading the page and finding the article in it (step 1 of 2)."),
    "preparing": (2, "Preparing the text for speech: numbers, dates, abbreviations (step 2 of 2)."),
    "ready": (3, "Ready: the article is prepared. Open it with the link below."),
    "failed": (3, "The article could not be prepared."),
}
STEPS = 3


class QueueFullError(ReadaloudError):
    """Every worker is busy and the queue is full: the reader is asked to try again."""


@dataclass
class Job:
    """One article being prepared; its fields change only under the owner's lock."""

    id: str
    name: str
    stage: str = "waiting"
    error: str = ""
    added: float = field(default_factory=time.monotonic)
    done: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def finished(self) -> bool:
        return self.stage in ("ready", "failed")


class Preparations:
    """The app's background preparation: jobs by article id, run by ``workers`` threads."""

    def __init__(self, library: Library, gate: Gate, workers: int, max_queued: int) -> None:
        self._library = library
        self._gate = gate
        self._max_queued = max_queued
        self._workers = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="readaloud-prepare")
        self._jobs: dict[str, Job] = {}
        self._failed: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()

    def submit(self, source: bytes, name: str, url: str | None) -> Job:
        """The job preparing these bytes (an existing one for the same bytes); QueueFullError when full."""

        def add(job: Job) -> None:
            entry = prepare_entry(source, job.name, url, stage=lambda stage: self._set(job, stage))
            self._library.add_upload(entry, source, url)

        return self._queue(article_id(source), name, add)

    def reopen(self, key: str, name: str) -> Job:
        """The job preparing an article the library lists but no longer holds prepared (the gate was
        full when a reader opened it): the reader sees the waiting place instead of a busy page."""

        def prepare(job: Job) -> None:
            self._set(job, "preparing")
            self._library.open(key)

        return self._queue(key, name, prepare)

    def _queue(self, key: str, name: str, work: Callable[[Job], None]) -> Job:
        with self._lock:
            running = self._jobs.get(key)
            if running is not None:
                return running
            if sum(1 for job in self._jobs.values() if job.stage == "waiting") >= self._max_queued:
                raise QueueFullError("the player is busy preparing other articles; try again in a minute")
            self._failed.pop(key, None)
            job = self._jobs[key] = Job(key, name)
        self._workers.submit(self._run, job, work)
        return job

    def get(self, key: str) -> Job | None:
        with self._lock:
            return self._jobs.get(key) or self._failed.get(key)

    def running(self, key: str) -> Job | None:
        """The unfinished job for this article, if any."""
        with self._lock:
            return self._jobs.get(key)

    def ahead_of(self, job: Job) -> int:
        """How many unfinished jobs were added before this one: what a waiting reader waits for."""
        with self._lock:
            return sum(1 for other in self._jobs.values() if other.added < job.added and not other.finished)

    def _set(self, job: Job, stage: str, error: str = "") -> None:
        with self._lock:
            job.stage, job.error = stage, error

    def _run(self, job: Job, work: Callable[[Job], None]) -> None:
        try:
            with self._gate.slot():
                work(job)
            self._finish(job, "ready")
        except ReadaloudError as error:
            self._finish(job, "failed", str(error))
        except Exception:  # noqa: BLE001 - a worker must never die silently: log it, tell the reader
            LOG.exception("preparing %s failed", job.name)
            self._finish(job, "failed", "the player hit a problem it did not expect; the details are in the server's log")

    def _finish(self, job: Job, stage: str, error: str = "") -> None:
        with self._lock:
            job.stage, job.error = stage, error
            del self._jobs[job.id]
            if stage == "failed":
                self._failed[job.id] = job
                while len(self._failed) > FAILED_JOBS_KEPT:
                    self._failed.popitem(last=False)
        job.done.set()

    def shutdown(self) -> None:
        """Stop taking jobs and let the running ones end (the server is stopping)."""
        self._workers.shutdown(wait=False, cancel_futures=True)


def describe(job: Job, ahead: int) -> dict[str, object]:
    """The job as the progress page and its JSON show it: a state, one sentence, a step count."""
    step, sentence = STAGES[job.stage]
    if job.stage == "waiting" and ahead:
        sentence = f"Waiting for a free place: {ahead} article{'s are' if ahead != 1 else ' is'} being prepared first."
    if job.stage == "failed" and job.error:
        sentence = f"The article could not be prepared: {job.error[:1].upper()}{job.error[1:].rstrip('.')}."
    return {"state": job.stage, "sentence": sentence, "step": step, "steps": STEPS, "ahead": ahead}

