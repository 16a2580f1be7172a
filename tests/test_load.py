"""load: decoding (BOM, declared charset, detection), refusing non-documents, reading files and URLs."""

from __future__ import annotations

import os
import random

import pytest
from local_http import cut_short, endless, gzipped, page, redirect, serve, slow, status

from readaloud import __version__
from readaloud.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    FetchError,
    InputError,
    TooLargeError,
)
from readaloud.load import decode, fetch, fetch_url, looks_like_html, read_file, read_source

RUSSIAN = "Президент России заявил в пятницу, что встреча прошла в конструктивной атмосфере и принесла результаты."
JAPANESE = "東京都は月曜日、新しい条例を発表しました。市民の生活に大きな影響があると見られています。"
FRENCH = "Le président a déclaré vendredi que la réunion s'était déroulée dans une atmosphère très constructive, à l'été."


def html_page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


# --- encodings -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
)
def test_byte_order_mark_wins_over_a_wrong_declaration(encoding: str, bom: bytes) -> None:
    markup = html_page(FRENCH, head='<meta charset="windows-1252">')
    document = decode(bom + markup.encode(encoding))
    assert FRENCH in document.text
    assert not document.text.startswith("\ufeff")
    assert document.is_html


@pytest.mark.parametrize(
    "declaration",
    [
        '<meta charset="windows-1251">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    ],
)
def test_declared_charset_is_honoured(declaration: str) -> None:
    document = decode(html_page(RUSSIAN, head=declaration).encode("cp1251"))
    assert RUSSIAN in document.text
    assert document.encoding == "cp1251"


def test_xml_declaration_is_honoured() -> None:
    xhtml = f'<?xml version="1.0" encoding="koi8-r"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{RUSSIAN}</p></body></html>'
    document = decode(xhtml.encode("koi8-r"))
    assert RUSSIAN in document.text
    assert document.encoding == "koi8-r"


def test_latin1_declaration_means_windows_1252_as_in_browsers() -> None:
    text = "“Smart quotes” and a café – the bytes 0x93/0x94 are quotes only in windows-1252."
    document = decode(html_page(text, head='<meta charset="iso-8859-1">').encode("cp1252"))
    assert text in document.text


def test_wrong_declaration_falls_back_to_detection() -> None:
    document = decode(html_page(RUSSIAN, head='<meta charset="utf-8">').encode("cp1251"))
    assert RUSSIAN in document.text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(RUSSIAN, "cp1251"), (JAPANESE, "shift_jis"), (FRENCH, "cp1252"), (RUSSIAN, "koi8-r")],
)
def test_undeclared_legacy_encodings_are_detected(text: str, encoding: str) -> None:
    document = decode(text.encode(encoding))
    assert document.text == text
    assert not document.is_html


def test_a_stray_invalid_byte_in_utf8_is_replaced_not_refused() -> None:
    text = html_page(FRENCH * 20, head='<meta charset="utf-8">').encode("utf-8")
    broken = text.replace("réunion".encode(), b"r\xe9union", 1)
    document = decode(broken)
    assert "\ufffd" in document.text
    assert document.text.count("réunion") == 19


def test_text_input_is_taken_as_is() -> None:
    document = decode("Plain words. Nothing else.")
    assert document.text == "Plain words. Nothing else."
    assert document.encoding == "unicode"
    assert not document.is_html


# --- refusals --------------------------------------------------------------------------------------


@pytest.mark.parametrize("source", [b"", b" \n\t\r\n ", "   ", "\ufeff\n", "\ufeff".encode("utf-8") + b"   "])
def test_empty_or_whitespace_input_is_refused(source: str | bytes) -> None:
    with pytest.raises(EmptyInputError, match="empty"):
        decode(source)


NOISE = random.Random(7).randbytes(4096)


@pytest.mark.parametrize(
    ("header", "described"),
    [
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"%PDF-1.7\n", "a PDF file"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\xff\xd8\xff\xe0", "a JPEG image"),
        (b"GIF89a", "a GIF image"),
        (b"\x1f\x8b\x08", "a gzip-compressed file"),
        (b"\x7fELF", "a Linux program"),
        (b"ID3\x04", "an MP3 audio file"),
    ],
)
def test_binary_files_are_named_in_the_refusal(header: bytes, described: str) -> None:
    with pytest.raises(BinaryInputError, match=f"this looks like {described}"):
        decode(header + NOISE)


def test_random_bytes_are_refused_as_binary() -> None:
    with pytest.raises(BinaryInputError, match="binary"):
        decode(NOISE)


def test_undecodable_high_bytes_are_an_encoding_error() -> None:
    garbage = bytes(byte | 0x80 for byte in random.Random(3).randbytes(5000))
    with pytest.raises(EncodingError, match="encoding"):
        decode(garbage)


def test_size_limit() -> None:
    with pytest.raises(TooLargeError, match="limit"):
        decode(b"<p>" + b"a" * 2000 + b"</p>", max_bytes=1000)
    assert decode(b"<p>" + b"a" * 500 + b"</p>", max_bytes=1000).is_html


# --- html or text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
        ("  \n<!-- saved page -->\n<html lang=en><p>x", True),
        ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', True),
        ("<p>One.</p><p>Two.</p><p>Three.</p>", True),
        ("Title\n\nSome text with one <br> tag mentioned in passing, which is still text.", False),
        ("Dear reader,\n\nuse a < b and b > c in your maths.", False),
    ],
)
def test_html_or_text_is_decided_by_the_markup(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


# --- reading files ---------------------------------------------------------------------------------


def test_read_file_and_its_errors_name_the_path(tmp_path) -> None:
    article = tmp_path / "a.html"
    article.write_bytes(b"<p>hello</p>")
    assert read_source(str(article)) == (b"<p>hello</p>", None)
    assert read_source(article.as_uri())[0] == b"<p>hello</p>"
    with pytest.raises(InputError, match=r"no such file: .*missing\.html"):
        read_source(str(tmp_path / "missing.html"))
    with pytest.raises(InputError, match="is a directory"):
        read_source(str(tmp_path))
    with pytest.raises(TooLargeError):
        read_file(article, max_bytes=5)
    with pytest.raises(InputError, match="only http and https"):
        read_source("ftp://example.com/a.html")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file, so permissions cannot be tested")
def test_unreadable_file_is_an_input_error(tmp_path) -> None:
    locked = tmp_path / "locked.html"
    locked.write_bytes(b"<p>x</p>")
    locked.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_source(str(locked))


# --- fetching URLs ---------------------------------------------------------------------------------

ARTICLE = html_page("Fetched over HTTP.").encode()


def test_fetch_follows_redirects_and_reports_the_final_url() -> None:
    routes = {"/a.html": page(ARTICLE), "/old": redirect("/moved"), "/moved": redirect("/a.html", 301)}
    with serve(routes) as server:
        body, final_url = read_source(f"{server.url}/old")
        assert body == ARTICLE
        assert final_url == f"{server.url}/a.html"
        assert server.user_agents[0] == f"readaloud/{__version__} (+offline reader)"


def test_fetch_undoes_gzip() -> None:
    with serve({"/z": gzipped(ARTICLE)}) as server:
        assert fetch_url(f"{server.url}/z") == ARTICLE


@pytest.mark.parametrize(("code", "words"), [(404, "404 Not Found"), (403, "403 Forbidden"), (500, "500")])
def test_http_errors_are_one_clear_sentence(code: int, words: str) -> None:
    with serve({"/x": status(code)}) as server:
        with pytest.raises(FetchError, match=words):
            fetch_url(f"{server.url}/x")


def test_slow_server_times_out() -> None:
    with serve({"/slow": slow(5)}) as server:
        with pytest.raises(FetchError, match="did not answer within 1 seconds"):
            fetch_url(f"{server.url}/slow", timeout=1)


def test_oversize_body_is_cut_off_while_streaming() -> None:
    with serve({"/endless": endless(), "/declared": endless(declared_length=10**9)}) as server:
        with pytest.raises(FetchError, match="over the 1.0 MB limit"):
            fetch(f"{server.url}/endless", max_bytes=1024 * 1024)
        with pytest.raises(FetchError, match="over the 1.0 MB limit"):
            fetch(f"{server.url}/declared", max_bytes=1024 * 1024)


def test_connection_closed_mid_body_is_a_fetch_error() -> None:
    with serve({"/cut": cut_short(b"<p>only half", declared_length=5000)}) as server:
        with pytest.raises(FetchError, match="closed the connection after 12 of 5,000 bytes"):
            fetch_url(f"{server.url}/cut")


def test_unreachable_host_is_a_fetch_error() -> None:
    with serve({}) as server:
        dead_url = server.url
    with pytest.raises(FetchError, match="could not reach 127.0.0.1"):
        fetch_url(f"{dead_url}/gone", timeout=2)


def test_valid_utf8_wins_over_a_stale_legacy_declaration() -> None:
    """Pages saved from a browser are re-encoded as UTF-8 but keep their old <meta charset>."""
    chinese = "转播到腾讯微博，新的研究表明人工智能可以回答问题。"
    document = decode(html_page(chinese, head='<meta charset="gb2312">').encode("utf-8"))
    assert chinese in document.text
    assert document.encoding == "utf-8"


# --- WHATWG decoding rules (issue 10) ---------------------------------------------------------------

PROSE = "<p>" + "The council met again on Monday and agreed to postpone the vote. " * 8 + "</p>"


@pytest.mark.parametrize("label", ["x\0y", "utf-7", "rot13", "cp037", "base64", "\0"])
def test_a_label_browsers_do_not_know_is_no_declaration(label: str) -> None:
    """Only WHATWG labels count: a NUL in the label, UTF-7 (forbidden by the HTML standard) or a
    Python-only codec name is read as if the page declared nothing."""
    markup = f'<html><head><meta charset="{label}"></head><body>{PROSE} 1 +- 1 = 2 +AGE-</body></html>'
    document = decode(markup.encode("utf-8"))
    assert document.encoding == "utf-8"
    assert "1 +- 1 = 2 +AGE-" in document.text  # UTF-7 would have turned "+AGE-" into "a"


def test_whatwg_labels_map_to_what_browsers_decode() -> None:
    from readaloud.encoding_labels import declared_codec, detected_codec

    assert declared_codec("  Latin1 ") == "cp1252"
    assert declared_codec("x-sjis") == "cp932"
    assert declared_codec("utf-16") == "utf-8"  # a <meta> readable as ASCII is not UTF-16
    assert declared_codec("x-user-defined") == "cp1252"
    assert declared_codec("iso-2022-kr") is None  # WHATWG's "replacement" encoding
    assert declared_codec("utf-7") is None
    assert detected_codec("latin_1") == "cp1252"
    assert detected_codec("cp949") == "cp949"
    assert detected_codec("utf_7") is None


def test_a_utf16_bom_before_utf8_bytes_is_not_utf16() -> None:
    """FF FE followed by UTF-8: decoding as UTF-16 would read out CJK noise."""
    document = decode(b"\xff\xfe" + html_page(FRENCH).encode("utf-8"))
    assert FRENCH in document.text
    assert document.encoding == "utf-8"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_bom_is_honoured_when_the_bytes_agree(encoding: str) -> None:
    bom = "\ufeff".encode(encoding)
    assert decode(bom + JAPANESE.encode(encoding)).text == JAPANESE  # no NUL pattern, still UTF-16
    assert FRENCH in decode(bom + html_page(FRENCH).encode(encoding)).text


def test_control_characters_are_removed_from_text() -> None:
    filler = "A long enough line of ordinary words, so that a few stray controls stay under one per cent. " * 3
    text = ("First line of the note.\x01 It goes on\x07 for a while\x7f, with a stray\x9b byte or two.\x0bNext line. " + filler) * 3
    document = decode(text.encode("utf-8"))
    assert not any(char in document.text for char in "\x01\x07\x7f\x9b\x0b")
    assert "It goes on for a while, with a stray byte or two.\nNext line." in document.text
    assert "\x00" not in decode("<p>" + "words " * 200 + "\x00</p>").text


# --- special files (issue 10) ------------------------------------------------------------------------


@pytest.mark.timeout(20)
def test_a_fifo_is_refused_at_once(tmp_path) -> None:
    fifo = tmp_path / "x.html"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"x\.html is a named pipe \(FIFO\), not a regular file"):
        read_source(str(fifo))


@pytest.mark.timeout(20)
def test_a_device_is_refused_at_once() -> None:
    with pytest.raises(InputError, match="/dev/zero is a character device"):
        read_source("/dev/zero")


def test_a_huge_limit_reserves_nothing_up_front(tmp_path) -> None:
    article = tmp_path / "a.html"
    article.write_bytes(b"<p>hello</p>")
    assert read_file(article, max_bytes=2**62) == b"<p>hello</p>"


# --- redirects (issue 10) ------------------------------------------------------------------------------


def test_a_redirect_loop_is_one_sentence() -> None:
    chain = {f"/hop{n}": redirect(f"/hop{n + 1}") for n in range(30)}
    with serve({"/a": redirect("/b"), "/b": redirect("/a"), "/self": redirect("/self"), **chain}) as server:
        for path in ("/a", "/self", "/hop0"):
            with pytest.raises(FetchError, match="redirects in a loop") as caught:
                fetch(f"{server.url}{path}")
            assert "\n" not in str(caught.value)


def test_a_redirect_away_from_the_web_is_refused() -> None:
    with serve({"/away": redirect("file:///etc/passwd"), "/ftp": redirect("ftp://127.0.0.1/x")}) as server:
        with pytest.raises(FetchError, match="file:///etc/passwd' is not allowed"):
            fetch(f"{server.url}/away")
        with pytest.raises(FetchError, match="which is not an http\\(s\\) address"):
            fetch(f"{server.url}/ftp")
