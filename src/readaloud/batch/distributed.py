"""Run a batch on a Dask distributed cluster: one task per article, outputs on shared storage.

``readaloud batch ... --scheduler tcp://HOST:8786`` submits every job to the scheduler; each worker
converts whole articles into ``OUTDIR/.readaloud-tmp/<run>/`` on storage every machine mounts at the
same path, and returns a small result. The client (the machine that ran the command) then does
what it does locally: names and moves outputs, writes the state file and the report as results come
back. So resume, skip-unchanged and the report work exactly as with local workers.

Failure isolation: a job catches every error in its article and returns a failed row. A worker
process that dies (a segfault, the out-of-memory killer) is restarted by its nanny and the scheduler
retries the task on another worker up to ``distributed.scheduler.allowed-failures`` times (3 by
default) before giving up on it with ``KilledWorker``, which becomes that article's failed row.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Iterable, Iterator
from typing import Any

from ..errors import UsageError
from .job import JobSpec, WorkerTools, failed_result, run_job
from .report import ItemResult

# How long the client waits to reach the scheduler before saying it cannot.
CONNECT_TIMEOUT = "20s"
# How long the run may sit with no worker connected (all crashed, or none ever started) before the
# client gives up instead of waiting forever: long enough for nannies to restart workers and for an
# adaptive cluster to start its first ones, short enough that a cron job does not hang all night.
NO_WORKERS_TIMEOUT_SECONDS = 120.0
# How often the client wakes, while waiting for results, to check that some worker is still there.
POLL_SECONDS = 1.0
# How long closing the client may take when the scheduler is gone (distributed's default is 40 s).
CLOSE_TIMEOUT_SECONDS = 5
# Address schemes a scheduler listens on (distributed.comm's registered backends that cross machines).
SCHEDULER_SCHEMES = frozenset({"tcp", "tls", "ws", "wss", "ucx"})
PLUGIN_NAME = "readaloud-batch"

try:
    from distributed import WorkerPlugin
except ImportError:  # the distributed extra is not installed; DaskPool says how to install it
    WorkerPlugin = object  # type: ignore[assignment,misc]


class ReadaloudWorkerPlugin(WorkerPlugin):
    """Gives each Dask worker its own :class:`WorkerTools` (audio cache, lexicons), kept across tasks."""

    name = PLUGIN_NAME

    def __init__(self) -> None:
        self.tools: WorkerTools | None = None

    def setup(self, worker: Any) -> None:
        self.tools = WorkerTools()


def run_dask_job(spec: JobSpec) -> ItemResult:
    """The task each worker runs: :func:`run_job` with that worker's tools."""
    from distributed import get_worker

    plugin = get_worker().plugins.get(PLUGIN_NAME)
    tools = plugin.tools if isinstance(plugin, ReadaloudWorkerPlugin) and plugin.tools is not None else WorkerTools()
    return run_job(spec, tools)


class DaskPool:
    """Submits one task per article to the scheduler at ``address`` and yields results as they finish."""

    def __init__(
        self,
        address: str,
        connect_timeout: str = CONNECT_TIMEOUT,
        no_workers_timeout: float = NO_WORKERS_TIMEOUT_SECONDS,
    ) -> None:
        self.address = address
        self.connect_timeout = connect_timeout
        self.no_workers_timeout = no_workers_timeout
        try:
            check_address(address)  # before the output folder is touched
        except ImportError:
            pass  # run() says how to install the extra

    def run(self, specs: Iterable[JobSpec]) -> Generator[ItemResult, None, None]:
        client = self._connect()
        try:
            client.register_plugin(ReadaloudWorkerPlugin())
            yield from self._results(client, list(specs))
        finally:
            client.close(timeout=CLOSE_TIMEOUT_SECONDS)

    def _connect(self) -> Any:
        try:
            from distributed import Client
        except ImportError:
            raise UsageError(
                "--scheduler needs the Dask 'distributed' package: pip install 'readaloud[distributed]'."
            ) from None
        check_address(self.address)
        try:
            return Client(self.address, timeout=self.connect_timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as error:
            raise UsageError(f"cannot reach the Dask scheduler at {self.address} ({error}).") from None

    def _results(self, client: Any, specs: list[JobSpec]) -> Iterator[ItemResult]:
        futures = {client.submit(run_dask_job, spec, pure=False, retries=0): spec for spec in specs}
        try:
            for future in self._finished(client, futures):
                spec = futures.pop(future)
                try:
                    result = future.result()
                except Exception as error:  # noqa: BLE001 - KilledWorker, a lost worker, a cancelled task
                    result = failed_result(spec, f"the cluster could not convert it ({type(error).__name__}: {error}).")
                finally:
                    future.release()
                yield result
        finally:
            if futures:  # interrupted or given up: stop what has not run yet
                client.cancel(list(futures))

    def _finished(self, client: Any, futures: dict[Any, JobSpec]) -> Iterator[Any]:
        """Futures as they finish; a cluster left without workers for too long is an error, not a hang."""
        from distributed import wait

        pending = set(futures)
        deadline = None
        while pending:
            try:
                with client.as_current():  # wait() finds its client there (ours is not the default)
                    done, pending = wait(pending, timeout=POLL_SECONDS, return_when="FIRST_COMPLETED")
            except TimeoutError:
                done = set()
            yield from done
            deadline = None if done or _has_workers(client) else deadline or time.monotonic() + self.no_workers_timeout
            if deadline is not None and time.monotonic() > deadline:
                raise UsageError(
                    f"the Dask cluster at {self.address} has had no workers for {self.no_workers_timeout:g} seconds, "
                    "so the batch gave up waiting (start workers, then rerun the same command to finish)."
                )


def _has_workers(client: Any) -> bool:
    """Some worker is connected to the scheduler (False too when the scheduler itself is gone)."""
    if client.status != "running":
        return False
    try:
        return bool(client.scheduler_info().get("workers"))
    except (OSError, TimeoutError):
        return False


def check_address(address: str) -> None:
    """Refuse what is not a scheduler address before a Client is made: a Client that fails on a bad
    address spends 40 s closing itself and prints a stray traceback on the way out."""
    from distributed.comm import parse_address
    from distributed.comm.addressing import parse_host_port

    try:
        scheme, location = parse_address(address)
        if scheme not in SCHEDULER_SCHEMES:
            raise ValueError(f"unknown scheme {scheme}")
        parse_host_port(location)
    except (ValueError, TypeError):
        raise UsageError(
            f"--scheduler {address} is not a Dask scheduler address; give tcp://HOST:PORT, such as tcp://scheduler:8786."
        ) from None
