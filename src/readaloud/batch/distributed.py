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

from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import UsageError
from .job import JobSpec, WorkerTools, failed_result, run_job
from .report import ItemResult

# How long the client waits to reach the scheduler before saying it cannot.
CONNECT_TIMEOUT = "20s"
PLUGIN_NAME = "readaloud-batch"

try:
    from distributed import WorkerPlugin
except ImportError:  # the distributed extra is not installed; DaskPool says how to install it
    WorkerPlugin = object  # type: ignore[assignment,misc]


class ReadaloudWorkerPlugin(WorkerPlugin):  # type: ignore[misc,valid-type]
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
    tools = plugin.tools if plugin is not None and plugin.tools is not None else WorkerTools()
    return run_job(spec, tools)


class DaskPool:
    """Submits one task per article to the scheduler at ``address`` and yields results as they finish."""

    def __init__(self, address: str, connect_timeout: str = CONNECT_TIMEOUT) -> None:
        self.address = address
        self.connect_timeout = connect_timeout

    def run(self, specs: Iterable[JobSpec]) -> Iterator[ItemResult]:
        client = self._connect()
        try:
            client.register_plugin(ReadaloudWorkerPlugin())
            yield from self._results(client, list(specs))
        finally:
            client.close()

    def _connect(self) -> Any:
        try:
            from distributed import Client
        except ImportError:
            raise UsageError(
                "--scheduler needs the Dask 'distributed' package: pip install 'readaloud[distributed]'."
            ) from None
        try:
            return Client(self.address, timeout=self.connect_timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as error:
            raise UsageError(f"cannot reach the Dask scheduler at {self.address} ({error}).") from None

    def _results(self, client: Any, specs: list[JobSpec]) -> Iterator[ItemResult]:
        from distributed import as_completed

        futures = {client.submit(run_dask_job, spec, pure=False, retries=0): spec for spec in specs}
        try:
            for future in as_completed(list(futures), loop=client.loop):
                spec = futures.pop(future)
                try:
                    result = future.result()
                except Exception as error:  # noqa: BLE001 - KilledWorker, a lost worker, a cancelled task
                    result = failed_result(spec, f"the cluster could not convert it ({type(error).__name__}: {error}).")
                finally:
                    future.release()
                yield result
        finally:
            if futures:  # interrupted: stop what has not run yet
                client.cancel(list(futures))
