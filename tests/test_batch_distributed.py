"""The same batch on a Dask cluster the test starts itself (two worker processes on 127.0.0.1)."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from render_support import decode, rms

from readaloud.batch.distributed import DaskPool
from readaloud.batch.orchestrator import run_batch
from readaloud.batch.settings import BatchSettings
from readaloud.batch.sources import expand_sources
from readaloud.errors import UsageError

distributed = pytest.importorskip("distributed", reason="the 'distributed' extra is not installed")

SPEECH_RMS = 300


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real scheduler and two single-threaded worker processes; workers inherit the cache location."""
    cache = tmp_path_factory.mktemp("cache")
    previous = os.environ.get("READALOUD_CACHE_DIR")
    os.environ["READALOUD_CACHE_DIR"] = str(cache)
    try:
        with distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as local:
            yield local.scheduler_address
    finally:
        if previous is None:
            os.environ.pop("READALOUD_CACHE_DIR", None)
        else:
            os.environ["READALOUD_CACHE_DIR"] = previous


@pytest.mark.slow
def test_cluster_converts_reports_and_isolates_failures(cluster: str, samples_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    sources = expand_sources([str(samples_dir / "multilingual-quote.html"), str(samples_dir / "de-stadtbibliothek.html"),
                              str(tmp_path / "empty.html")])
    outdir = tmp_path / "shared" / "out"
    report = run_batch(sources, outdir, BatchSettings(format="epub3"), DaskPool(cluster))
    rows = {r.source.rsplit("/", 1)[-1]: r for r in report.ordered()}
    assert rows["empty.html"].status.value == "failed" and "empty" in rows["empty.html"].error
    for name in ("multilingual-quote.html", "de-stadtbibliothek.html"):
        assert rows[name].status.value == "converted"
        assert (outdir / rows[name].output).suffix == ".epub"
    assert len({r.worker_pid for r in report.ordered()} - {os.getpid()}) >= 1, "converted on cluster workers"
    assert report.summary.to_dict()["complete"] is True
    assert not (outdir / ".readaloud-tmp").exists()


@pytest.mark.slow
def test_command_with_scheduler_resumes_like_a_local_run(
    cluster: str, readaloud_bin: Path, samples_dir: Path, tmp_path: Path
) -> None:
    outdir = tmp_path / "out"
    command = [str(readaloud_bin), "batch", str(samples_dir / "multilingual-quote.html"), "-o", str(outdir),
               "--scheduler", cluster]
    first = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    row = json.loads((outdir / "report.json").read_text(encoding="utf-8"))["items"][0]
    assert row["status"] == "converted"
    samples, _rate = decode(outdir / row["output"])
    assert rms(samples) > SPEECH_RMS
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0
    assert json.loads((outdir / "report.json").read_text(encoding="utf-8"))["items"][0]["status"] == "skipped-unchanged"


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path: Path, samples_dir: Path) -> None:
    sources = expand_sources([str(samples_dir / "multilingual-quote.html")])
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        run_batch(sources, tmp_path / "out", BatchSettings(), DaskPool("tcp://127.0.0.1:9", connect_timeout="2s"))


@pytest.mark.parametrize("address", ["notaurl", "tcp://host-without-port", "foo://a:1"])
def test_a_scheduler_address_that_is_not_one_is_refused_at_once(readaloud_bin: Path, samples_dir: Path, tmp_path: Path,
                                                                address: str) -> None:
    """One sentence, exit 2, no stray traceback from a half-made Client, no 40-second stall."""
    command = [str(readaloud_bin), "batch", str(samples_dir / "multilingual-quote.html"), "-o", str(tmp_path / "out"),
               "--scheduler", address]
    result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert result.returncode == UsageError.exit_code
    assert result.stderr.startswith("readaloud: ") and result.stderr.count("\n") == 1, result.stderr
    assert "not a Dask scheduler address" in result.stderr


@pytest.fixture()
def workerless_cluster() -> Iterator[str]:
    """A scheduler on 127.0.0.1 with no worker at all: every worker gone."""
    with distributed.LocalCluster(n_workers=0, host="127.0.0.1", dashboard_address=None) as local:
        yield local.scheduler_address


@pytest.mark.timeout(120)
def test_a_cluster_without_workers_gives_up_with_a_sentence(workerless_cluster: str, samples_dir: Path, tmp_path: Path) -> None:
    sources = expand_sources([str(samples_dir / "multilingual-quote.html"), str(samples_dir / "de-stadtbibliothek.html")])
    outdir = tmp_path / "out"
    with pytest.raises(UsageError, match="has had no workers for 3 seconds"):
        run_batch(sources, outdir, BatchSettings(), DaskPool(workerless_cluster, no_workers_timeout=3))
    items = json.loads((outdir / "report.json").read_text(encoding="utf-8"))["items"]
    assert [row["status"] for row in items] == ["not-attempted", "not-attempted"]
    assert not (outdir / ".readaloud-tmp").exists()
