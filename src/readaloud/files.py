"""Writing files so that nothing half-written ever sits under a final name.

Shared by every stage that writes small files whole (the audio cache, the batch report and state);
streaming writers (audio, transcripts) use the same temp-then-rename discipline in render/encode.py.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so a reader (or a power cut) sees the old file or the new one, whole.

    The temporary file is created with mode 0666 minus the umask, like any file the user writes, so
    colleagues reading a report on shared storage can open it (tempfile's 0600 would lock them out).
    ``durable=False`` skips the fsync, for caches whose loss only costs recomputation.
    """
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def default_cache_directory() -> Path:
    """``$READALOUD_CACHE_DIR``, else ``$XDG_CACHE_HOME/readaloud``, else ``~/.cache/readaloud``: the audio
    cache and the compiled language profiles live there (here, so extraction never imports speak)."""
    if explicit := os.environ.get("READALOUD_CACHE_DIR"):
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "readaloud"
