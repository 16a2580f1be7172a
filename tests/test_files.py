"""files.staged_write: the target appears only when the write succeeds, and nothing else is ever left."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from readaloud.errors import OutputError
from readaloud.files import atomic_write_bytes, staged_write


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_target_appears_only_when_the_block_ends(tmp_path: Path) -> None:
    target = tmp_path / "story.mp3"
    with staged_write(target) as temp:
        temp.write_bytes(b"new")
        assert not target.exists()
        assert temp.parent == tmp_path and temp.name.startswith(".story.mp3.")
    assert target.read_bytes() == b"new"
    assert names(tmp_path) == ["story.mp3"]


def test_an_exception_leaves_no_temporary_and_the_old_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "story.mp3"
    target.write_bytes(b"the listener's previous file")
    with pytest.raises(RuntimeError):
        with staged_write(target) as temp:
            temp.write_bytes(b"half")
            raise RuntimeError("synthesis failed")
    assert target.read_bytes() == b"the listener's previous file"
    assert names(tmp_path) == ["story.mp3"]


def test_ctrl_c_is_handled_like_any_error(tmp_path: Path) -> None:
    target = tmp_path / "story.mp3"
    with pytest.raises(KeyboardInterrupt):
        with staged_write(target) as temp:
            temp.write_bytes(b"half")
            raise KeyboardInterrupt
    assert names(tmp_path) == []


def test_a_folder_is_staged_and_replaces_an_older_one_whole(tmp_path: Path) -> None:
    target = tmp_path / "Book"
    target.mkdir()
    (target / "stale.mp3").write_bytes(b"old")
    with staged_write(target, folder=True) as build:
        (build / "ncc.html").write_text("new", encoding="utf-8")
        assert (target / "stale.mp3").exists()
    assert names(target) == ["ncc.html"] and names(tmp_path) == ["Book"]


def test_a_failed_folder_is_removed_with_everything_in_it(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        with staged_write(tmp_path / "Book", folder=True) as build:
            (build / "s0001.mp3").write_bytes(b"half")
            raise ValueError
    assert names(tmp_path) == []


def test_the_temporary_has_the_permissions_of_any_file_the_user_writes(tmp_path: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    with staged_write(tmp_path / "report.json") as temp:
        assert temp.stat().st_mode & 0o777 == 0o666 & ~umask
    with staged_write(tmp_path / "Book", folder=True) as build:
        assert build.stat().st_mode & 0o777 == 0o777 & ~umask


@pytest.mark.parametrize(
    "where, sentence",
    [
        ("missing/out.mp3", "cannot write {target}: the folder {folder} does not exist."),
        ("a-file/out.mp3", "cannot write {target}: {folder} is not a folder."),
    ],
)
def test_a_folder_that_cannot_take_the_file_is_one_sentence(tmp_path: Path, where: str, sentence: str) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    target = tmp_path / where
    with pytest.raises(OutputError) as caught:
        staged_write(target)
    assert str(caught.value) == sentence.format(target=target, folder=target.parent)
    assert names(tmp_path) == ["a-file"]


def test_an_unwritable_folder_gives_the_reason_lower_cased(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root writes anywhere, so the refusal is the real OS error raised where the file is created."""

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(args[0]))

    monkeypatch.setattr(os, "open", refuse)
    target = tmp_path / "out.mp3"
    with pytest.raises(OutputError) as caught:
        staged_write(target)
    assert str(caught.value) == f"cannot write {target}: the folder {tmp_path} is not writable (permission denied)."


def test_a_rename_that_fails_is_one_sentence_and_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "story.mp3"
    target.write_bytes(b"old")

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(OutputError) as caught:
        with staged_write(target) as temp:
            temp.write_bytes(b"new")
            monkeypatch.setattr(os, "replace", full)
    assert str(caught.value) == f"cannot write {target}: no space left on device."
    assert target.read_bytes() == b"old" and names(tmp_path) == ["story.mp3"]


def test_raw_errors_leave_the_wording_to_the_caller(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write_bytes(tmp_path / "missing" / "report.json", b"{}")
