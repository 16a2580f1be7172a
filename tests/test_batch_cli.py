"""``readaloud batch`` end to end, as a librarian runs it: mixed good and bad sources, report, reruns."""

from __future__ import annotations

import json
import os
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from book_support import STRUCTURED_PAGE
from local_http import page, serve, slow
from render_support import decode, rms

SPEECH_RMS = 300  # as in the render tests: speech, not silence
EXIT_SOME_FAILED = 12


def closed_port() -> int:
    """A port on 127.0.0.1 nobody listens on: bind, note it, close."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return {**os.environ, "READALOUD_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    routes = {"/story": page(STRUCTURED_PAGE.encode("utf-8")), "/slow": slow(4, STRUCTURED_PAGE.encode("utf-8"))}
    with serve(routes) as running:
        yield running.url


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path, server: str) -> Path:
    """A night's selection: two good files, a good URL, and every kind of bad source."""
    root = tmp_path_factory.mktemp("library")
    bad = root / "bad"
    bad.mkdir()
    (bad / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (bad / "empty.html").write_bytes(b"")
    (bad / "home.html").write_text(
        "<html><body><nav><a href='/a'>News</a> <a href='/b'>Sport</a> <a href='/c'>Weather</a></nav></body></html>",
        encoding="utf-8",
    )
    (root / "tonight.list").write_text(
        "\n".join([
            "# tonight's articles",
            str(samples_dir / "multilingual-quote.html"),
            str(samples_dir / "de-stadtbibliothek.html"),
            f"{server}/story",
            "bad/",
            "missing.html",
            f"{server}/gone",
            f"http://127.0.0.1:{closed_port()}/closed",
            f"{server}/slow",
        ]) + "\n",
        encoding="utf-8",
    )
    return root


def batch(readaloud_bin: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(readaloud_bin), "batch", *args], capture_output=True, text=True, env=env, timeout=600)


def report(outdir: Path) -> dict:
    return json.loads((outdir / "report.json").read_text(encoding="utf-8"))


def rows_by_name(outdir: Path) -> dict[str, dict]:
    return {row["source"].rstrip("/").rsplit("/", 1)[-1]: row for row in report(outdir)["items"]}


def junk(outdir: Path) -> list[str]:
    """Anything a finished run must not leave behind: temporary folders, partial files."""
    return [p.name for p in outdir.rglob("*") if p.name.startswith(".") and p.name not in (
        ".readaloud-batch.json", ".readaloud-batch.lock")]


@pytest.fixture(scope="module")
def first_run(readaloud_bin: Path, env: dict[str, str], library: Path, tmp_path_factory: pytest.TempPathFactory):
    outdir = tmp_path_factory.mktemp("out") / "talking-books"
    done = batch(readaloud_bin, env, f"@{library / 'tonight.list'}", "-o", str(outdir), "--jobs", "2",
                 "--fetch-timeout", "1")
    return outdir, done


def test_bad_sources_fail_alone_with_one_sentence_each(first_run) -> None:
    outdir, done = first_run
    assert done.returncode == EXIT_SOME_FAILED, done.stderr
    rows = rows_by_name(outdir)
    assert {name: row["status"] for name, row in rows.items()} == {
        "multilingual-quote.html": "converted", "de-stadtbibliothek.html": "converted", "story": "converted",
        "empty.html": "failed", "home.html": "failed", "photo.html": "failed", "missing.html": "failed",
        "gone": "failed", "closed": "failed", "slow": "failed",
    }
    errors = {name: row["error"] for name, row in rows.items() if row["status"] == "failed"}
    assert "empty" in errors["empty.html"]
    assert "no article" in errors["home.html"]
    assert "binary" in errors["photo.html"] or "image" in errors["photo.html"]
    assert "no file or folder" in errors["missing.html"]
    assert "404" in errors["gone"]
    assert "connect" in errors["closed"] or "refused" in errors["closed"]
    assert "did not answer within 1 seconds" in errors["slow"]
    for error in errors.values():
        assert error.endswith(".") and "\n" not in error and "Traceback" not in error


def test_outputs_are_real_speech_named_from_titles(first_run) -> None:
    outdir, _ = first_run
    rows = rows_by_name(outdir)
    assert rows["story"]["output"] == "How-the-Library-Lends-Talking-Books.mp3"
    assert rows["de-stadtbibliothek.html"]["language"] == "de"
    for name in ("multilingual-quote.html", "de-stadtbibliothek.html", "story"):
        row = rows[name]
        samples, rate = decode(outdir / row["output"])
        assert len(samples) / rate == pytest.approx(row["duration_seconds"], abs=0.5)
        assert rms(samples) > SPEECH_RMS
        assert row["title"] and row["words"] > 100
    assert junk(outdir) == []


def test_summary_is_printed_and_in_the_json(first_run) -> None:
    outdir, done = first_run
    summary = report(outdir)["summary"]
    assert (summary["sources"], summary["converted"], summary["failed"]) == (10, 3, 7)
    assert summary["complete"] is True
    assert done.stdout.startswith(f"3 converted, 0 skipped (unchanged), 7 failed of 10; {summary['listening_time']}")
    assert "failed: " in done.stderr and "missing.html" in done.stderr


def test_a_rerun_skips_what_is_unchanged_and_quiet_prints_only_failures(
    first_run, readaloud_bin: Path, env: dict[str, str], library: Path
) -> None:
    outdir, _ = first_run
    before = {p.name: p.stat().st_mtime_ns for p in outdir.glob("*.mp3")}
    again = batch(readaloud_bin, env, f"@{library / 'tonight.list'}", "-o", str(outdir), "--jobs", "2",
                  "--fetch-timeout", "1", "--quiet")
    assert again.returncode == EXIT_SOME_FAILED
    assert again.stdout == ""
    assert again.stderr.count("failed: ") == 7
    rows = rows_by_name(outdir)
    assert {rows[n]["status"] for n in ("multilingual-quote.html", "de-stadtbibliothek.html", "story")} == {
        "skipped-unchanged"}
    assert rows["story"]["duration_seconds"] > 10 and rows["story"]["title"], "skipped rows keep their details"
    assert {p.name: p.stat().st_mtime_ns for p in outdir.glob("*.mp3")} == before
    assert junk(outdir) == []


def test_changed_settings_reconvert(
    readaloud_bin: Path, env: dict[str, str], samples_dir: Path, tmp_path: Path
) -> None:
    source = str(samples_dir / "multilingual-quote.html")
    outdir = tmp_path / "out"
    assert batch(readaloud_bin, env, source, "-o", str(outdir)).returncode == 0
    slow_duration = report(outdir)["items"][0]["duration_seconds"]
    faster = batch(readaloud_bin, env, source, "-o", str(outdir), "--rate", "260")
    assert faster.returncode == 0
    row = report(outdir)["items"][0]
    assert row["status"] == "converted" and row["duration_seconds"] < slow_duration * 0.8
    assert [p.name for p in outdir.glob("*.mp3")] == [row["output"]]


def test_house_style_file_and_its_errors(
    readaloud_bin: Path, env: dict[str, str], samples_dir: Path, tmp_path: Path
) -> None:
    settings = tmp_path / "house.toml"
    settings.write_text('format = "m4b"\nrate = 200\nskip = ["captions", "credits", "quotes"]\n', encoding="utf-8")
    outdir = tmp_path / "out"
    done = batch(readaloud_bin, env, str(samples_dir / "multilingual-quote.html"), "-o", str(outdir),
                 "--settings", str(settings))
    assert done.returncode == 0, done.stderr
    output = outdir / report(outdir)["items"][0]["output"]
    assert output.suffix == ".m4b" and rms(decode(output)[0]) > SPEECH_RMS
    assert report(outdir)["settings"]["rate"] == 200
    settings.write_text('format = "m4b"\nrate = \n', encoding="utf-8")
    broken = batch(readaloud_bin, env, str(samples_dir / "multilingual-quote.html"), "-o", str(outdir),
                   "--settings", str(settings))
    assert broken.returncode == 2
    assert "not valid TOML" in broken.stderr and "line 2" in broken.stderr and "Traceback" not in broken.stderr


def test_epub_and_daisy_from_the_command(
    readaloud_bin: Path, env: dict[str, str], samples_dir: Path, tmp_path: Path
) -> None:
    source = str(samples_dir / "multilingual-quote.html")
    for fmt in ("epub3", "daisy202"):
        outdir = tmp_path / fmt
        assert batch(readaloud_bin, env, source, "-o", str(outdir), "--format", fmt).returncode == 0
        row = report(outdir)["items"][0]
        output = outdir / row["output"]
        if fmt == "epub3":
            assert output.suffix == ".epub" and output.read_bytes()[30:58] == b"mimetypeapplication/epub+zip"
        else:
            assert (output / "ncc.html").is_file() and len(list(output.glob("*.smil"))) >= 2
        assert junk(outdir) == []


def test_the_listening_time_of_a_batch_is_estimated_from_a_sample_of_its_files(tmp_path: Path) -> None:
    """What a neural batch's cost line is worked out from: 30 files of 600 words, extracted 12 at a time."""
    from readaloud.batch.sources import Source
    from readaloud.commands.batch import estimated_listening_seconds

    paragraph = " ".join(f"word{number}" for number in range(100)) + "."
    sources = []
    for number in range(30):
        page = tmp_path / f"page{number}.html"
        page.write_text(f"<html lang='en'><head><title>Page {number}</title></head><body><article>"
                        + f"<p>{paragraph}</p>" * 6 + "</article></body></html>", encoding="utf-8")
        sources.append(Source(str(page)))
    sources.append(Source("https://example.org/not-fetched"))  # web pages are not guessed at
    seconds, files = estimated_listening_seconds(sources, rate=150)
    assert files == 30
    expected = 30 * 602 / 150 * 60  # 600 words and a two-word title each, at 150 words a minute
    assert abs(seconds - expected) / expected < 0.05
    assert estimated_listening_seconds([Source("https://example.org/a")], rate=150) is None
