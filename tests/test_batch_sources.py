"""SOURCE arguments: files, folders, globs, list files and URLs, each article once, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from readaloud.batch.sources import expand_sources
from readaloud.errors import UsageError


@pytest.fixture()
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("a.html", "b.htm", "sub/c.xhtml", "sub/deeper/d.txt", "sub/notes.pdf", ".hidden/e.html",
                 "sub/.f.html"):
        path = tmp_path / "lib" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<p>x</p>", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "lib"


def identities(sources) -> list[str]:
    return [s.identity for s in sources]


def test_a_folder_is_searched_recursively_for_article_files_only(library: Path) -> None:
    found = identities(expand_sources(["lib"]))
    assert found == [str(library / n) for n in ("a.html", "b.htm", "sub/c.xhtml", "sub/deeper/d.txt")]


def test_output_folder_inside_the_sources_is_never_searched(library: Path) -> None:
    (library / "out" / "Book").mkdir(parents=True)
    (library / "out" / "Book" / "ncc.html").write_text("<html/>", encoding="utf-8")
    assert not any("ncc.html" in i for i in identities(expand_sources(["lib"], exclude=[library / "out"])))


def test_globs_files_and_urls_keep_their_order_and_duplicates_go(library: Path) -> None:
    found = identities(expand_sources(["https://example.org/x", "lib/*.htm*", "lib/a.html", "lib/./b.htm"]))
    assert found == ["https://example.org/x", str(library / "a.html"), str(library / "b.htm")]


def test_list_files_with_comments_and_relative_paths(library: Path) -> None:
    (library / "tonight.list").write_text(
        "# tonight's batch\n\nsub/c.xhtml\nhttps://example.org/news/1  \n  # done: a.html\nmissing.html\n",
        encoding="utf-8",
    )
    (library / "more.txt").write_text("a.html\n", encoding="utf-8")
    sources = expand_sources([str(library / "tonight.list"), "@lib/more.txt"])
    assert identities(sources) == [
        str(library / "sub/c.xhtml"), "https://example.org/news/1", str(library / "missing.html"),
        str(library / "a.html"),
    ]
    assert sources[2].problem and "no file or folder" in sources[2].problem
    assert not sources[0].problem and sources[1].is_url


def test_missing_files_and_empty_patterns_become_failed_rows_not_a_stop(library: Path) -> None:
    sources = expand_sources(["nothing-here.html", "lib/*.docx", "lib/a.html"])
    assert [bool(s.problem) for s in sources] == [True, True, False]
    assert "matched no files" in sources[1].problem


def test_an_unreadable_list_file_stops_before_the_run(library: Path) -> None:
    with pytest.raises(UsageError, match="cannot read the list file"):
        expand_sources(["@lib/absent.list"])


def test_no_sources_at_all_is_a_usage_error(library: Path) -> None:
    (library / "empty.list").write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(UsageError, match="no sources"):
        expand_sources(["lib/empty.list"])


def test_a_folder_with_nothing_readable_is_a_failed_row(library: Path) -> None:
    (library / "empty").mkdir()
    (library / "scans").mkdir()
    (library / "scans" / "page.pdf").write_bytes(b"%PDF-1.7\n")
    sources = expand_sources(["lib/empty", "lib/scans", "lib/a.html"])
    assert identities(sources) == [str(library / "empty"), str(library / "scans"), str(library / "a.html")]
    assert "holds nothing readable" in sources[0].problem and "holds nothing readable" in sources[1].problem
    assert not sources[2].problem


def test_a_fifo_in_a_folder_is_a_source_that_will_fail_not_hang(library: Path) -> None:
    import os

    os.mkfifo(library / "pipe.html")
    assert str(library / "pipe.html") in identities(expand_sources(["lib"]))


@pytest.mark.timeout(20)
def test_a_list_file_that_is_a_fifo_is_refused_not_waited_on(library: Path) -> None:
    import os

    os.mkfifo(library / "tonight.list")
    with pytest.raises(UsageError, match="named pipe"):
        expand_sources(["@lib/tonight.list"])
