"""Preparing what readers add off the request thread, with a state the reader's page can follow.

An upload, paste or fetched page becomes a :class:`Job` run by a small pool of background workers
(one per preparation slot, sharing the app's preparation gate with articles opened from the store).
The request waits a few seconds for it, so a typical article still opens at once; a large one, or one
that waits for a slot, shows a page that follows the job (waiting, reading, preparing, ready or
failed) instead of holding a waitress thread for a minute. A download's MP3 is made the same way, by
its own single worker (synthesis of a whole article takes minutes), its job counting the parts written. At most ``max_queued`` jobs wait, each
holding its source bytes, so memory stays bounded; finished jobs are forgotten (the library has the
article) and failed ones are kept, a bounded few, only so their page can say why.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field

from ..errors import ReadaloudError
from .library import Library, article_id, prepare_entry
from .limits import Gate

JOBS_KEPT = 32  # finished jobs whose page still has something to say: a failure, a fetch's article
LOG = logging.getLogger(__name__)

# What each state tells the reader, and how far along it is (for the page's progress bar).
STAGES = {
    "waiting": (0, "Waiting for a free place: the player is preparing other articles first."),
    "fetching": (1, "Fetching the page from its site."),
    "reading": (2, "Reading the page and finding the article in it."),
    "preparing": (3, "Preparing the text for speech: numbers, dates, abbreviations."),
    "making": (0, "Making the file."),  # a download: the page counts parts instead of steps
    "ready": (4, "Ready: the article is prepared. Open it with the link below."),
    "failed": (4, "The article could not be prepared."),
}
STEPS = 4
FETCH_PREFIX = "fetch-"  # a fetch's job has no article id until its page has arrived
DOWNLOAD_PREFIX = "download-"  # a download's job beside the article's own preparation
DOWNLOAD_WORKERS = 1  # whole articles synthesised at once: each keeps a processor busy for minutes
# Called by a download's maker with (parts written, parts in all): render.audio's ProgressCallback.
PartsCallback = Callable[[int, int], None]


class QueueFullError(ReadaloudError):
    """Every worker is busy and the queue is full: the reader is asked to try again."""


@dataclass
class Job:
    """One article being prepared; its fields change only under the owner's lock."""

    id: str
    name: str
    kind: str = "prepare"  # or "fetch" or "download": what a waiting job waits for
    stage: str = "waiting"
    error: str = ""
    article: str = ""  # the article's id once known (a fetch learns it when the page arrives)
    part: int = 0  # a download: parts (blocks) written so far, of ``parts``
    parts: int = 0
    added: float = field(default_factory=time.monotonic)
    done: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def finished(self) -> bool:
        return self.stage in ("ready", "failed")


class Preparations:
    """The app's background work: preparations by article id, run by ``workers`` threads, and
    fetches (each its own job until its page arrives) by ``fetch_workers``."""

    def __init__(self, library: Library, gate: Gate, workers: int, max_queued: int,
                 fetch_gate: Gate | None = None, fetch_workers: int = 2) -> None:
        self._library = library
        self._gate = gate
        self._fetch_gate = fetch_gate
        self._max_queued = max_queued
        self._workers = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="readaloud-prepare")
        # Fetches wait on slow sites, not on the processor: their own workers, so a trickling site
        # never delays an upload's preparation.
        self._fetchers = ThreadPoolExecutor(max_workers=max(1, fetch_workers), thread_name_prefix="readaloud-fetch")
        self._makers = ThreadPoolExecutor(max_workers=DOWNLOAD_WORKERS, thread_name_prefix="readaloud-download")
        self._jobs: dict[str, Job] = {}
        self._kept: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()

    def submit(self, source: bytes, name: str, url: str | None) -> Job:
        """The job preparing these bytes (an existing one for the same bytes); QueueFullError when full."""

        def add(job: Job) -> None:
            with self._gate.slot():
                entry = prepare_entry(source, job.name, url, stage=lambda stage: self._set(job, stage))
                self._library.add_upload(entry, source, url)

        key = article_id(source)
        return self._queue(Job(key, name, article=key), add, self._workers)

    def reopen(self, key: str, name: str) -> Job:
        """The job preparing an article the library lists but no longer holds prepared (the gate was
        full when a reader opened it): the reader sees the waiting place instead of a busy page."""

        def prepare(job: Job) -> None:
            with self._gate.slot():
                self._set(job, "preparing")
                self._library.open(key)

        return self._queue(Job(key, name, article=key), prepare, self._workers)

    def fetch(self, url: str, get: Callable[[], tuple[bytes, str | None]]) -> Job:
        """The job fetching ``url`` (``get`` returns the page's bytes and final address) and preparing it.

        It waits for a fetch slot, then for a preparation slot, showing each wait; a page the library
        already has is opened, not prepared again.
        """

        def fetch_and_add(job: Job) -> None:
            with self._fetch_gate.slot() if self._fetch_gate else nullcontext():
                self._set(job, "fetching")
                source, final_url = get()
            key = article_id(source)
            if self._library.get(key) is None:
                with self._gate.slot():
                    entry = prepare_entry(source, url, final_url, stage=lambda stage: self._set(job, stage))
                    self._library.add_upload(entry, source, final_url)
            with self._lock:
                job.article = key

        return self._queue(Job(FETCH_PREFIX + secrets.token_hex(8), url, kind="fetch"), fetch_and_add, self._fetchers)

    def download(self, key: str, name: str, make: Callable[[PartsCallback], object]) -> Job:
        """The job making article ``key``'s download (the running one if there is one); ``make`` is
        called with a callback that records each part written."""

        def run(job: Job) -> None:
            self._set(job, "making")
            make(lambda part, parts: self._count(job, part, parts))

        return self._queue(Job(DOWNLOAD_PREFIX + key, name, kind="download", article=key), run, self._makers)

    def _count(self, job: Job, part: int, parts: int) -> None:
        with self._lock:
            job.part, job.parts = part, parts

    def _queue(self, job: Job, work: Callable[[Job], None], pool: ThreadPoolExecutor) -> Job:
        with self._lock:
            running = self._jobs.get(job.id)
            if running is not None:
                return running
            if sum(1 for other in self._jobs.values() if other.stage == "waiting" and other.kind == job.kind) >= self._max_queued:
                if job.kind == "fetch":
                    raise QueueFullError("the player is busy fetching other pages; try again in a minute")
                if job.kind == "download":
                    raise QueueFullError("the player is busy making other downloads; try again in a few minutes")
                raise QueueFullError("the player is busy preparing other articles; try again in a minute")
            self._kept.pop(job.id, None)
            self._jobs[job.id] = job
        pool.submit(self._run, job, work)
        return job

    def get(self, key: str) -> Job | None:
        with self._lock:
            return self._jobs.get(key) or self._kept.get(key)

    def running(self, key: str) -> Job | None:
        """The unfinished job for this article, if any."""
        with self._lock:
            return self._jobs.get(key)

    def ahead_of(self, job: Job) -> int:
        """How many unfinished jobs were added before this one: what a waiting reader waits for."""
        with self._lock:
            return sum(1 for other in self._jobs.values()
                       if other.kind == job.kind and other.added < job.added and not other.finished)

    def _set(self, job: Job, stage: str, error: str = "") -> None:
        with self._lock:
            job.stage, job.error = stage, error

    def _run(self, job: Job, work: Callable[[Job], None]) -> None:
        try:
            work(job)
            self._finish(job, "ready")
        except ReadaloudError as error:
            self._finish(job, "failed", str(error))
        except Exception:  # noqa: BLE001 - a worker must never die silently: log it, tell the reader
            LOG.exception("the %s job for %s failed", job.kind, job.name)
            self._finish(job, "failed", "the player hit a problem it did not expect; the details are in the server's log")

    def _finish(self, job: Job, stage: str, error: str = "") -> None:
        with self._lock:
            job.stage, job.error = stage, error
            del self._jobs[job.id]
            if stage == "failed" or job.kind == "fetch":  # a fetch's page must still find its article
                self._kept[job.id] = job
                while len(self._kept) > JOBS_KEPT:
                    self._kept.popitem(last=False)
        job.done.set()

    def shutdown(self) -> None:
        """Stop taking jobs and let the running ones end (the server is stopping)."""
        self._workers.shutdown(wait=False, cancel_futures=True)
        self._fetchers.shutdown(wait=False, cancel_futures=True)
        self._makers.shutdown(wait=False, cancel_futures=True)


def describe(job: Job, ahead: int) -> dict[str, object]:
    """The job as the progress page and its JSON show it: a state, one sentence, a step count."""
    step, sentence = STAGES[job.stage]
    if job.stage == "waiting" and job.kind == "fetch":
        sentence = "Waiting for a free place: the player is fetching other pages first."
    if job.stage == "waiting" and ahead:
        doing = "fetched" if job.kind == "fetch" else "prepared"
        sentence = f"Waiting for a free place: {ahead} {'page' if job.kind == 'fetch' else 'article'}{'s are' if ahead != 1 else ' is'} being {doing} first."
    if job.stage == "failed" and job.error:
        sentence = f"The article could not be prepared: {job.error[:1].upper()}{job.error[1:].rstrip('.')}."
    return {"state": job.stage, "sentence": sentence, "step": step, "steps": STEPS, "ahead": ahead,
            "article": f"/articles/{job.article}" if job.article else ""}

