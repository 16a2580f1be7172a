"""The output folder's file discipline: nothing half-written ever sits under a final name.

Workers build every output inside ``OUTDIR/.readaloud-tmp/<run>/`` (same file system, so the final
``os.replace`` is atomic, also on NFS); only the coordinating process moves finished outputs to their
readable names (with :func:`readaloud.files.replace_path`, the same move every staged write ends
with). A run removes the temporary folders of earlier, interrupted runs when it starts.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

TEMP_DIR_NAME = ".readaloud-tmp"
STATE_FILE_NAME = ".readaloud-batch.json"
LOCK_FILE_NAME = ".readaloud-batch.lock"
REPORT_JSON_NAME = "report.json"
REPORT_CSV_NAME = "report.csv"
# Names in OUTDIR that belong to the batch itself, which no article output may take.
RESERVED_NAMES = frozenset(
    name.lower() for name in (TEMP_DIR_NAME, STATE_FILE_NAME, LOCK_FILE_NAME, REPORT_JSON_NAME, REPORT_CSV_NAME)
)


def new_run_dir(outdir: Path) -> Path:
    """A fresh private folder for this run's unfinished outputs; earlier runs' leftovers are removed."""
    temp_root = outdir / TEMP_DIR_NAME
    if temp_root.exists():
        shutil.rmtree(temp_root, ignore_errors=True)
    run_dir = temp_root / uuid.uuid4().hex[:12]
    run_dir.mkdir(parents=True)
    return run_dir


def remove_run_dir(run_dir: Path) -> None:
    """Remove this run's temporary folder (and the parent when nothing else is in it)."""
    shutil.rmtree(run_dir, ignore_errors=True)
    try:
        run_dir.parent.rmdir()
    except OSError:
        pass


def output_size(path: Path) -> int | None:
    """Bytes in a finished output (a file, or every file of a folder such as a DAISY book); None if absent."""
    if path.is_file():
        return path.stat().st_size
    if path.is_dir():
        return sum(child.stat().st_size for child in path.rglob("*") if child.is_file())
    return None
