"""Bad input through the real CLI: one 'readaloud: ' line on stderr, a documented exit code, no traceback."""

from __future__ import annotations

import json
import os
import random
import subprocess
from pathlib import Path

import pytest
from local_http import serve, status

from readaloud.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    FetchError,
    InputError,
    NoArticleError,
    TooLargeError,
)

HOME_PAGE = """<!DOCTYPE html><html lang="en"><head><title>The Daily Example: News, Sport, Opinion</title></head>
<body><header><a href="/">The Daily Example</a><nav><ul>
<li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li>
<li><a href="/culture">Culture</a></li><li><a href="/travel">Travel</a></li></ul></nav></header>
<main><section><h2><a href="/news">Top stories</a></h2><ul>
<li><a href="/news/1">Council approves new budget after long debate</a></li>
<li><a href="/news/2">Storm warning issued for the coast this weekend</a></li>
<li><a href="/news/3">Local team reaches the cup final for the first time</a></li>
<li><a href="/news/4">Museum reopens after two years of renovation</a></li></ul></section>
<section><h2><a href="/opinion">Opinion</a></h2><ul>
<li><a href="/opinion/1">Why the budget matters to you</a></li>
<li><a href="/opinion/2">In praise of small museums</a></li></ul></section></main>
<footer><a href="/about">About us</a> <a href="/privacy">Privacy policy</a> © 2024 The Daily Example</footer>
</body></html>"""

LOGIN_WALL = """<!DOCTYPE html><html lang="en"><head><title>Subscriber exclusive | The Daily Example</title></head>
<body><header><a href="/">The Daily Example</a> <a href="/login">Log in</a></header>
<main><div class="paywall">
<h1>This article is for subscribers only</h1>
<p>Subscribe now for unlimited access.</p>
<p>Already a subscriber? <a href="/login">Log in</a></p>
<form action="/login" method="post"><label>Email address <input type="email" name="email"></label>
<label>Password <input type="password" name="password"></label><button>Log in</button></form>
</div></main><footer><a href="/terms">Terms of use</a> <a href="/privacy">Privacy policy</a></footer></body></html>"""

MALFORMED = """<html><head><title>Broken but readable</title><body>
<div class=story><h1>Broken but readable<h1>
<p>The first paragraph never closes its tag and runs straight into <b>bold text <i>that nests badly</b></i>
<p>The second paragraph is still clearly a paragraph of the article, with enough words to count.
</div></div></span>
<p>A third paragraph sits outside the div that was closed twice, and it still belongs to the story.
<table><tr><td>stray cell</p></table>
"""

RUSSIAN_PARAGRAPHS = [
    "Президент России Владимир Путин заявил в пятницу, что встреча с американским коллегой прошла в конструктивной атмосфере.",
    "По его словам, стороны обсудили вопросы безопасности, торговли и сотрудничества в области энергетики.",
    "Эксперты отмечают, что переговоры продолжались более двух часов, хотя изначально планировался короткий разговор.",
]
JAPANESE_PARAGRAPHS = [
    "東京都は月曜日、新しい条例を発表しました。市民の生活に大きな影響があると見られています。",
    "条例は来年四月から施行される予定で、都は説明会を各地で開く方針です。",
    "専門家は、制度の周知が課題になると指摘しています。",
]


def run_extract(readaloud_bin: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([str(readaloud_bin), "extract", *args], capture_output=True, timeout=timeout)


def assert_refused(result: subprocess.CompletedProcess, error: type, *words: str) -> str:
    """Exactly one line on stderr, starting 'readaloud: ', the error's exit code, nothing on stdout."""
    stderr = result.stderr.decode()
    assert result.returncode == error.exit_code, stderr
    assert "Traceback" not in stderr
    assert stderr.startswith("readaloud: ") and stderr.count("\n") == 1, stderr
    assert result.stdout == b""
    for word in words:
        assert word in stderr, stderr
    return stderr


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def test_exit_codes_are_distinct() -> None:
    errors = [InputError, EmptyInputError, BinaryInputError, EncodingError, TooLargeError, NoArticleError, FetchError]
    assert len({error.exit_code for error in errors}) == len(errors)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n"])
def test_empty_and_whitespace_files(readaloud_bin, tmp_path, content: bytes) -> None:
    assert_refused(run_extract(readaloud_bin, write(tmp_path, "empty.html", content)), EmptyInputError, "empty")


def test_png_file(readaloud_bin, tmp_path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(20000)
    assert_refused(run_extract(readaloud_bin, write(tmp_path, "photo.html", png)), BinaryInputError, "this looks like a PNG image")


def test_pdf_file(readaloud_bin, tmp_path) -> None:
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + random.Random(2).randbytes(5000)
    assert_refused(run_extract(readaloud_bin, write(tmp_path, "paper.pdf", pdf)), BinaryInputError, "this looks like a PDF file")


def test_random_bytes(readaloud_bin, tmp_path) -> None:
    assert_refused(run_extract(readaloud_bin, write(tmp_path, "noise.bin", random.Random(3).randbytes(50000))), BinaryInputError, "binary")


def test_home_page_without_an_article(readaloud_bin, tmp_path) -> None:
    assert_refused(run_extract(readaloud_bin, write(tmp_path, "home.html", HOME_PAGE)), NoArticleError, "no article")


def test_login_wall(readaloud_bin, tmp_path) -> None:
    assert_refused(run_extract(readaloud_bin, write(tmp_path, "wall.html", LOGIN_WALL)), NoArticleError, "no article")


def test_truncated_page_gives_what_is_there(readaloud_bin, tmp_path, samples_dir) -> None:
    html = (samples_dir / "slate-trump-russia.html").read_text(encoding="utf-8")
    cut = html.index("This development ")
    truncated = html[: html.rindex('<p class="slate-para', 0, cut) + len('<p class="slate-para')]
    result = run_extract(readaloud_bin, "--json", write(tmp_path, "cut.html", truncated))
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    texts = [block["text"] for block in data["blocks"] if block["spoken"]]
    assert data["title"] == "Trump Wants Russia to Interfere for Him Again"
    assert texts[0].startswith("The last time President Donald Trump")
    assert texts[-1].startswith("We learned that Trump continues")


def test_malformed_html(readaloud_bin, tmp_path) -> None:
    result = run_extract(readaloud_bin, write(tmp_path, "broken.html", MALFORMED))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "The second paragraph is still clearly a paragraph" in out
    assert "A third paragraph sits outside the div" in out


@pytest.mark.parametrize(
    ("paragraphs", "encoding"),
    [(RUSSIAN_PARAGRAPHS, "cp1251"), (JAPANESE_PARAGRAPHS, "shift_jis")],
)
def test_undeclared_legacy_encoding_is_detected(readaloud_bin, tmp_path, paragraphs: list[str], encoding: str) -> None:
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs * 3) + "</article></body></html>"
    result = run_extract(readaloud_bin, write(tmp_path, "legacy.html", html.encode(encoding)))
    assert result.returncode == 0, result.stderr.decode()
    assert paragraphs[1] in result.stdout.decode("utf-8")


def test_undecodable_bytes(readaloud_bin, tmp_path) -> None:
    garbage = bytes(byte | 0x80 for byte in random.Random(4).randbytes(20000))
    assert_refused(run_extract(readaloud_bin, write(tmp_path, "garbage.txt", garbage)), EncodingError, "encoding")


def test_directory(readaloud_bin, tmp_path) -> None:
    assert_refused(run_extract(readaloud_bin, str(tmp_path)), InputError, str(tmp_path), "is a directory")


def test_missing_file(readaloud_bin, tmp_path) -> None:
    missing = str(tmp_path / "nowhere.html")
    assert_refused(run_extract(readaloud_bin, missing), InputError, "no such file", missing)


def test_url_that_is_not_found(readaloud_bin) -> None:
    with serve({"/gone": status(404)}) as server:
        assert_refused(run_extract(readaloud_bin, f"{server.url}/gone"), FetchError, "404")


def test_file_over_the_size_limit_is_refused_without_reading_it(readaloud_bin, tmp_path) -> None:
    huge = tmp_path / "huge.html"
    with huge.open("wb") as handle:
        handle.truncate(51 * 1024 * 1024)  # sparse: no disk used, but stat() says 51 MB
    assert_refused(run_extract(readaloud_bin, str(huge), timeout=30), TooLargeError, "51.0 MB", "50.0 MB limit")


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_huge_pages_under_the_limit_still_extract(readaloud_bin, tmp_path, samples_dir) -> None:
    """~30 MB: a page with inlined app data, and a book-length page of 60,000 paragraphs."""
    html = (samples_dir / "slate-trump-russia.html").read_text(encoding="utf-8")
    data_blob = json.dumps([{"id": n, "headline": f"Story {n}", "body": "lorem ipsum dolor sit amet " * 20} for n in range(45000)])
    with_data = html.replace("</body>", f'<script type="application/json">{data_blob}</script></body>')
    paragraph = "<p>" + "The committee met again on Monday and agreed to postpone the vote until the figures are out. " * 5 + "</p>\n"
    body_start = '<div class="article__content" itemprop="articleBody">'
    book = html.replace(body_start, body_start + paragraph * (30_000_000 // len(paragraph)))
    for name, page in (("data.html", with_data), ("book.html", book)):
        assert len(page) > 25_000_000
        result = run_extract(readaloud_bin, write(tmp_path, name, page), timeout=200)
        assert result.returncode == 0, result.stderr.decode()
        assert b"This development pleased Kremlin flacks." in result.stdout


# --- issue 10: hostile input ---------------------------------------------------------------------------


def test_nul_in_a_declared_charset(readaloud_bin, tmp_path) -> None:
    page = b'<html><head><meta charset="x\0y"><title>Nul</title></head><body><article>' + MALFORMED.encode() + b"</article></body></html>"
    result = run_extract(readaloud_bin, write(tmp_path, "nul.html", page))
    assert result.returncode == 0, result.stderr.decode()
    assert b"The second paragraph is still clearly a paragraph" in result.stdout


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e999", "0", "-3"])
def test_max_size_that_is_not_a_size(readaloud_bin, tmp_path, value: str) -> None:
    from readaloud.errors import UsageError

    source = write(tmp_path, "page.html", MALFORMED)
    assert_refused(run_extract(readaloud_bin, f"--max-size={value}", source), UsageError, "--max-size")


@pytest.mark.parametrize("command", [["extract"], []])
def test_fifo_and_device_are_refused_at_once(readaloud_bin, tmp_path, command: list[str]) -> None:
    fifo = tmp_path / "x.html"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        args = [str(readaloud_bin), *command, str(path)] + ([] if command else ["-o", str(tmp_path / "x.mp3")])
        result = subprocess.run(args, capture_output=True, timeout=30)
        assert_refused(result, InputError, "not a regular file")
    assert not (tmp_path / "x.mp3").exists()


SILENT_PAGES = {
    "dashes.txt": "----------\n",
    "dashes.html": "<html><head><title>Hi</title></head><body><article><p>" + "- " * 300 + "</p></article></body></html>",
    "zero-width.txt": "\u200b\u200c\u200d\u2060" * 80 + "\n",
    "zero-width.html": "<html><body><article><p>" + "\u200b" * 300 + "</p><p>" + "\ufeff" * 50 + "</p></article></body></html>",
}


@pytest.mark.parametrize("name", sorted(SILENT_PAGES))
@pytest.mark.parametrize("command", ["extract", "speak"])
def test_a_page_that_says_nothing_is_exit_8_in_every_command(readaloud_bin, tmp_path, name: str, command: str) -> None:
    source = write(tmp_path, name, SILENT_PAGES[name])
    out = tmp_path / "x.mp3"
    args = ["extract", source] if command == "extract" else [source, "-o", str(out)]
    result = subprocess.run([str(readaloud_bin), *args], capture_output=True, timeout=120)
    stderr = assert_refused(result, NoArticleError)
    assert "says nothing" in stderr or "no article" in stderr, stderr
    assert not out.exists()


def test_redirect_loop(readaloud_bin) -> None:
    from local_http import redirect

    with serve({"/a": redirect("/b"), "/b": redirect("/a")}) as server:
        assert_refused(run_extract(readaloud_bin, f"{server.url}/a"), FetchError, "redirects in a loop")


def test_control_bytes_in_a_text_file_are_not_printed(readaloud_bin, tmp_path) -> None:
    note = ("A note saved from an old terminal session, with a bell\x07 and an escape\x1b[0m in it. " + "It goes on. " * 30) * 2
    result = run_extract(readaloud_bin, write(tmp_path, "note.txt", note))
    assert result.returncode == 0, result.stderr.decode()
    assert b"a bell and an escape[0m in it." in result.stdout
    assert not any(byte in result.stdout for byte in (b"\x07", b"\x1b"))


@pytest.mark.parametrize("case", ["ff-fe-then-utf8", "meta-utf7"])
def test_wrong_bom_and_utf7_through_the_cli(readaloud_bin, tmp_path, case: str) -> None:
    body = "<p>Le café a rouvert ses portes lundi matin, après deux ans de travaux et une longue attente. 1 +- 1</p>"
    if case == "ff-fe-then-utf8":
        data = b"\xff\xfe" + f"<html><body><article>{body * 3}</article></body></html>".encode()
    else:
        data = f'<html><head><meta charset="utf-7"></head><body><article>{body * 3}</article></body></html>'.encode()
    result = run_extract(readaloud_bin, write(tmp_path, f"{case}.html", data))
    assert result.returncode == 0, result.stderr.decode()
    assert "Le café a rouvert ses portes lundi matin" in result.stdout.decode("utf-8")
    assert "1 +- 1" in result.stdout.decode("utf-8")
