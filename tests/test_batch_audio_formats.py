"""A batch writes every audio format the single-file command writes (it offered mp3 and m4b only)."""

from __future__ import annotations

from pathlib import Path

import pytest
import soundfile
from book_support import STRUCTURED_PAGE

from readaloud.batch.job import JobSpec, WorkerTools, run_job
from readaloud.batch.report import Status
from readaloud.batch.settings import BatchSettings
from readaloud.batch.sources import Source


@pytest.mark.parametrize("fmt", ["wav", "ogg", "flac"])
def test_a_batch_job_writes_the_audio_format_asked_for(tmp_path: Path, fmt: str) -> None:
    page = tmp_path / "story.html"
    page.write_text(STRUCTURED_PAGE, encoding="utf-8")
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    settings = BatchSettings(format=fmt)
    spec = JobSpec(Source(str(page)), settings, settings.fingerprint(), str(tmp_path), str(run_dir), None)
    result = run_job(spec, WorkerTools(str(tmp_path / "cache")))
    assert result.status == Status.CONVERTED, result.message
    built = Path(result.built)
    assert built.suffix == f".{fmt}"
    info = soundfile.info(str(built))
    assert abs(info.duration * 1000 - result.duration_ms) < 200 and info.duration > 10
