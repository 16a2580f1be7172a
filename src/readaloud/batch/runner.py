"""The local process pool: N spawned workers, each converting whole articles one at a time.

Why not ``concurrent.futures.ProcessPoolExecutor``: when one worker dies (a segfault in a speech
engine, the out-of-memory killer) it marks *every* pending future broken and cannot say which article
did it. Here each worker holds exactly one article at a time over its own pipe, so a dead worker costs
exactly that article (a failed row) and is replaced; an article that runs past the time limit is
treated the same way. Workers use the spawn context because speech engines are not fork-safe
(design.md), ignore Ctrl-C (the coordinator decides), and exit when the coordinator disappears
(kill -9), so no orphan keeps writing into the output folder.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from .job import JobSpec, WorkerTools, failed_result, run_job
from .report import ItemResult

# How often an idle wait wakes to check time limits, and how often a worker checks its parent is alive.
POLL_SECONDS = 0.5
ORPHAN_CHECK_SECONDS = 0.2
# How long a worker asked to stop may take before it is killed.
STOP_GRACE_SECONDS = 5.0


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    spec: JobSpec | None = None
    deadline: float = float("inf")


class LocalPool:
    """Runs :func:`~readaloud.batch.job.run_job` for many specs on ``workers`` spawned processes."""

    def __init__(self, workers: int, item_timeout: float) -> None:
        self.size = max(1, workers)
        self.item_timeout = item_timeout
        self.context = multiprocessing.get_context("spawn")

    def run(self, specs: Iterable[JobSpec]) -> Generator[ItemResult, None, None]:
        """Yield an ``ItemResult`` per spec, in the order they finish."""
        pending = deque(specs)
        workers = [self._start_worker() for _ in range(min(self.size, len(pending)))]
        try:
            while pending or any(w.spec for w in workers):
                self._fill(workers, pending)
                finished = list(self._collect(workers))
                # Freed workers start their next article before the coordinator files these results
                # (moving outputs, fsyncing the state and report), so no worker waits on bookkeeping.
                self._fill(workers, pending)
                yield from finished
        finally:
            self._stop(workers)

    def _fill(self, workers: list[_Worker], pending: deque) -> None:
        for worker in workers:
            if worker.spec is None and pending:
                self._assign(worker, pending.popleft())

    def _start_worker(self) -> _Worker:
        parent_end, child_end = self.context.Pipe()
        process = self.context.Process(
            target=worker_main, args=(child_end, os.getpid()), name="readaloud-batch-worker", daemon=True
        )
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    def _assign(self, worker: _Worker, spec: JobSpec) -> None:
        worker.spec = spec
        worker.deadline = time.monotonic() + self.item_timeout
        worker.conn.send(spec)

    def _collect(self, workers: list[_Worker]) -> Iterator[ItemResult]:
        """Wait until some worker finishes, dies or overruns; yield what became of its article."""
        busy = [(w, w.spec) for w in workers if w.spec is not None]
        timeout = max(0.0, min(min(w.deadline for w, _ in busy) - time.monotonic(), POLL_SECONDS))
        ready = set(wait([w.conn for w, _ in busy] + [w.process.sentinel for w, _ in busy], timeout=timeout))
        for worker, spec in busy:
            if worker.conn in ready or worker.process.sentinel in ready:
                result = self._receive(worker)
                if result is not None:
                    worker.spec, worker.deadline = None, float("inf")
                    yield result
                    continue
                yield failed_result(spec, f"the worker process crashed ({_exit_reason(worker.process)}) while converting it.")
            elif time.monotonic() > worker.deadline:
                worker.process.kill()
                yield failed_result(spec, f"it took longer than the {self.item_timeout:.0f}-second limit for one article.")
            else:
                continue
            self._replace(workers, worker)

    def _receive(self, worker: _Worker) -> ItemResult | None:
        try:
            if worker.conn.poll():
                return worker.conn.recv()
        except (EOFError, OSError):
            pass
        return None

    def _replace(self, workers: list[_Worker], dead: _Worker) -> None:
        dead.process.join(timeout=STOP_GRACE_SECONDS)
        dead.conn.close()
        workers[workers.index(dead)] = self._start_worker()

    def _stop(self, workers: list[_Worker]) -> None:
        """Idle workers are asked to exit; busy ones (only on an interrupt) are killed."""
        for worker in workers:
            try:
                if worker.spec is None:
                    worker.conn.send(None)
                else:
                    worker.process.kill()
            except OSError:
                worker.process.kill()
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for worker in workers:
            worker.process.join(timeout=max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()


def _exit_reason(process: BaseProcess) -> str:
    process.join(timeout=STOP_GRACE_SECONDS)
    code = process.exitcode
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def worker_main(conn: Connection, parent_pid: int) -> None:
    """A worker's life: take a spec, convert it, send the result back; stop on None or a closed pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_when_orphaned(parent_pid)
    tools = WorkerTools()
    while True:
        try:
            spec = conn.recv()
        except (EOFError, OSError):
            return
        if spec is None:
            return
        result = run_job(spec, tools)
        try:
            conn.send(result)
        except OSError:
            return


def _exit_when_orphaned(parent_pid: int) -> None:
    """End this worker as soon as the coordinator is gone, so it writes nothing after a kill -9."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(ORPHAN_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()
