"""One batch run: plan the jobs, hand them to a pool, and file each result as it comes back.

The pool (local processes or a Dask cluster) only converts; everything that touches the shared
record of the run happens here, in one process: choosing the readable output name, moving the
finished output into place, the state file and the report. So the two pools behave the same, and a
kill -9 at any moment leaves complete outputs, a consistent state and a report of what was done.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Protocol

from ..errors import OutputError, ReadaloudError
from ..files import os_reason, remove_path, replace_path
from ..version import __version__
from .job import HALTING_ERRNOS, JobSpec
from .naming import unique_name
from .report import ItemResult, Report, Status
from .settings import BatchSettings
from .sources import Source
from .state import BatchState, OutdirLock
from .storage import new_run_dir, remove_run_dir


class Pool(Protocol):
    def run(self, specs: Iterable[JobSpec]) -> Generator[ItemResult, None, None]:
        """Convert every spec, yielding results in the order they finish; closing it stops the workers."""


ProgressCallback = Callable[[Report, ItemResult], None]


class BatchWriteError(Exception):
    """A write the whole run depends on failed (report, state, temporary folder, an output folder that
    is full or read-only): the run stops, and a rerun finishes the job."""

    def __init__(self, clause: str) -> None:
        super().__init__(clause)
        self.clause = clause  # what failed, e.g. "the report could not be written (no space left on device)"


@contextmanager
def writing(what: str) -> Iterator[None]:
    """Turn an OS error while writing ``what`` into a :class:`BatchWriteError` that names it."""
    try:
        yield
    except OSError as error:
        raise BatchWriteError(f"{what} could not be written ({os_reason(error)})") from None


def run_batch(
    sources: list[Source],
    outdir: Path,
    settings: BatchSettings,
    pool: Pool,
    on_result: ProgressCallback | None = None,
) -> Report:
    """Convert ``sources`` into ``outdir``; the returned report is also on disk (json + csv).

    A failed write stops the run with an :class:`OutputError` (exit 11) after marking the sources not
    yet done as not attempted in the report; an interrupt leaves the report marked incomplete.
    """
    outdir = _prepare_outdir(outdir)
    with ExitStack() as stack:
        _lock(stack, outdir)
        state = BatchState(outdir)
        report = Report(outdir, [s.identity for s in sources], _settings_record(settings))
        try:
            _convert_all(sources, outdir, settings, pool, state, report, on_result)
        except BatchWriteError as failure:
            raise _stopped(report, outdir, failure) from None
        except ReadaloudError as error:  # the pool gave up (no scheduler, no workers left)
            report.mark_not_attempted(f"the batch stopped: {error}")
            _write_if_possible(report)
            raise
        except BaseException:
            _write_if_possible(report)  # Ctrl-C: what was done, marked incomplete
            raise
    return report


def _lock(stack: ExitStack, outdir: Path) -> None:
    """Hold the output folder's lock for the run; a folder that cannot even take the lock file is exit 11."""
    try:
        with writing("its lock file"):
            stack.enter_context(OutdirLock(outdir))
    except BatchWriteError as failure:
        raise OutputError(f"the batch cannot write in {outdir}: {failure.clause}.") from None


def _convert_all(
    sources: list[Source],
    outdir: Path,
    settings: BatchSettings,
    pool: Pool,
    state: BatchState,
    report: Report,
    on_result: ProgressCallback | None,
) -> None:
    """Plan, dispatch and file every source; raises :class:`BatchWriteError` when a write fails."""
    with writing("the temporary folder"):
        run_dir = new_run_dir(outdir)
    results = _results(sources, _plan(sources, outdir, run_dir, settings, state), pool)
    try:
        for outcome in results:
            result = _file_result(outcome, outdir, settings, state)
            report.add(result)
            if result.halt:
                raise BatchWriteError(f"{result.source} could not be written: {result.error.rstrip('.')}")
            with writing("the report"):
                report.write()
            if on_result:
                on_result(report, result)
        report.finish()
        with writing("the report"):
            report.write()
    finally:
        results.close()  # stops the pool's workers when the run ends early
        remove_run_dir(run_dir)


def _stopped(report: Report, outdir: Path, failure: BatchWriteError) -> OutputError:
    """Mark the rest as not attempted, save the report if the disk lets us, and say so in one sentence."""
    count = report.mark_not_attempted(f"the batch stopped because {failure.clause}.")
    saved = _write_if_possible(report)
    where = "" if saved else " (the report could not be updated either)"
    return OutputError(
        f"the batch in {outdir} stopped: {failure.clause}; "
        f"{count} of {report.summary.total} sources were not attempted{where}; "
        "make room or fix the folder, then rerun the same command to finish."
    )


def _write_if_possible(report: Report) -> bool:
    try:
        report.write()
    except OSError:
        return False
    return True


def _prepare_outdir(outdir: Path) -> Path:
    outdir = outdir.expanduser().resolve()
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create the output folder {outdir}: {os_reason(error)}.") from None
    if not outdir.is_dir():
        raise OutputError(f"the output path {outdir} exists and is not a folder.")
    return outdir


def _settings_record(settings: BatchSettings) -> dict:
    record = asdict(settings)
    record["skip"] = list(settings.skip)
    record["readaloud"] = __version__
    return record


def _plan(
    sources: list[Source], outdir: Path, run_dir: Path, settings: BatchSettings, state: BatchState
) -> list[JobSpec]:
    fingerprint = settings.fingerprint()
    return dispatch_order([
        JobSpec(
            source=source,
            settings=settings,
            fingerprint=fingerprint,
            outdir=str(outdir),
            run_dir=str(run_dir),
            previous=state.previous(source.identity),
            client_version=__version__,
        )
        for source in sources
        if not source.problem
    ])


def dispatch_order(specs: list[JobSpec]) -> list[JobSpec]:
    """Longest articles first, so the longest one never starts last and leaves the other workers idle
    at the end (with uneven lengths that alone cost a third of the speed-up of two workers). Source size
    stands in for length; a URL's size is unknown until fetched, so URLs go first, their fetch overlapping
    other work. Stable: equal sizes keep the order given. The report keeps the order given too."""
    return sorted(specs, key=_expected_work, reverse=True)


def _expected_work(spec: JobSpec) -> float:
    if spec.source.is_url:
        return float("inf")
    try:
        return float(os.stat(spec.source.identity).st_size)
    except OSError:
        return 0.0  # it will fail quickly


def _results(sources: list[Source], specs: list[JobSpec], pool: Pool) -> Generator[ItemResult, None, None]:
    """Sources known to be unreadable fail at once; the rest come back from the pool."""
    for source in sources:
        if source.problem:
            yield ItemResult.failure(source.identity, source.problem)
    if specs:
        yield from pool.run(specs)


def _file_result(result: ItemResult, outdir: Path, settings: BatchSettings, state: BatchState) -> ItemResult:
    """Give a converted output its readable name; fill a skipped row from the last conversion."""
    if result.status == Status.CONVERTED:
        try:
            _place(result, outdir, settings, state)
        except OSError as error:  # a permission changed mid-run: this item; a full or read-only disk: the batch
            remove_path(Path(result.built))
            reason = os_reason(error)
            halt = error.errno in HALTING_ERRNOS
            return ItemResult.failure(result.source, f"the finished output could not be moved into place ({reason}).", halt=halt)
    elif result.status == Status.SKIPPED:
        last = state.last_result(result.source)
        if last is None:  # only if the state file was edited by hand during the run
            return ItemResult.failure(result.source, "its earlier conversion record disappeared; rerun to redo it.")
        _copy_last(result, last)
        with writing("the batch state file"):
            state.remember_hashes(result)
    elif result.built:
        remove_path(Path(result.built))
    return result


def _place(result: ItemResult, outdir: Path, settings: BatchSettings, state: BatchState) -> None:
    previous = state.previous(result.source)
    name = unique_name(result.title, result.source, settings.extension, state.names_taken(outdir, result.source))
    replace_path(Path(result.built), outdir / name)
    if previous and previous.output and previous.output.lower() != name.lower():
        remove_path(outdir / previous.output)  # the title changed: the old name must not linger
    result.output, result.built = name, ""
    state.record(result)
    try:
        with writing("the batch state file"):
            state.save()
    except BatchWriteError:
        remove_path(outdir / name)  # unrecorded, it would take its own name from the rerun
        raise


def _copy_last(result: ItemResult, last: ItemResult) -> None:
    for attribute in ("output", "title", "language", "words", "duration_ms", "warnings", "size"):
        setattr(result, attribute, getattr(last, attribute))
