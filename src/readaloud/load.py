"""load: turn a file, stdin or URL into decoded text, refusing what is not a document.

The order of evidence for the character encoding follows the HTML standard's "determining the
character encoding" (BOM, then the declared charset, then sniffing), with WHATWG's label table
(encoding_labels.py) so that ``iso-8859-1`` means windows-1252 as it does in every browser and a label
browsers do not know (``utf-7``, ``x\\0y``) is no declaration; a BOM counts only when the bytes after it
agree. Control characters are removed from the decoded text. Binary files (images, PDFs, archives)
are recognised by their magic numbers or by control bytes that text never has, and refused with a
sentence that says what the file looks like. Only regular files (and stdin) are read: a FIFO or a
device is refused before it can block.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import unicodedata
import urllib.parse
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING

from .encoding_labels import BYTE_ORDER_MARKS, declared_codec, detected_codec
from .errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    FetchError,
    InputError,
    TooLargeError,
)
from .version import __version__

if TYPE_CHECKING:
    import urllib.request

MEGABYTE = 1024 * 1024
# The biggest real article pages measured (long-reads with inlined data, Wikipedia's longest articles)
# are 5-15 MB; 50 MB leaves room for those while refusing a mistaken video or disk image at once.
DEFAULT_MAX_BYTES = 50 * MEGABYTE
DEFAULT_TIMEOUT = 20  # seconds per connect/read, as browsers' "server not responding" feel
# A server that drips a byte just inside every read timeout would never end; cap the whole transfer.
TOTAL_TIMEOUT_FACTOR = 15
USER_AGENT = f"readaloud/{__version__} (+offline reader)"

# Magic numbers: (offset, bytes, what the file looks like). From the file formats' own specs and
# file(1)'s magic database; only formats people plausibly hand to a reader by mistake.
MAGIC_NUMBERS: tuple[tuple[int, bytes, str], ...] = (
    (0, b"%PDF-", "a PDF file"),
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"II*\x00", "a TIFF image"),
    (0, b"MM\x00*", "a TIFF image"),
    (8, b"WEBP", "a WebP image"),
    (8, b"WAVE", "a WAV audio file"),
    (8, b"AVI ", "an AVI video"),
    (4, b"ftyp", "an MP4/M4A media file"),
    (0, b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
    (0, b"ID3", "an MP3 audio file"),
    (0, b"OggS", "an Ogg audio file"),
    (0, b"fLaC", "a FLAC audio file"),
    (0, b"PK\x03\x04", "a ZIP archive (or a .docx/.epub document, which are ZIP files)"),
    (0, b"PK\x05\x06", "an empty ZIP archive"),
    (0, b"\x1f\x8b", "a gzip-compressed file"),
    (0, b"BZh", "a bzip2-compressed file"),
    (0, b"\xfd7zXZ\x00", "an xz-compressed file"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"Rar!\x1a\x07", "a RAR archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (0, b"{\\rtf", "an RTF document"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
    (0, b"\x7fELF", "a Linux program"),
    (0, b"\x00asm", "a WebAssembly module"),
    (0, b"wOFF", "a web font"),
    (0, b"wOF2", "a web font"),
)

# Control bytes that text in any encoding we read does not contain (tab, newlines, form feed and
# ESC, which ISO-2022-JP uses, are allowed). Real pages occasionally carry a stray one; random or
# compressed data has about 10% of them, so 1% separates the two with a wide margin.
BINARY_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1B)) | frozenset(range(0x1C, 0x20))
MAX_CONTROL_RATIO = 0.01
# The same characters in decoded text, found in one pass (a Python loop over the 64 K sample cost 1-7 ms a page).
BINARY_CONTROL_CHARACTERS = re.compile("[" + "".join(re.escape(chr(byte)) for byte in sorted(BINARY_CONTROL_BYTES)) + "]")
SNIFF_BYTES = 64 * 1024  # how much of the start we inspect for magic, control bytes and markup

# A declared or guessed encoding is still right if only a few bytes fail to decode (a stray
# Latin-1 byte in a UTF-8 page is common); browsers show U+FFFD for those, and so do we.
MAX_REPLACEMENT_RATIO = 0.001
# Decoded text where more than this share of characters are unassigned/private/control code points is
# not text in the guessed encoding: refuse it rather than read out noise.
MAX_UNPRINTABLE_RATIO = 0.05

# Control characters that are never text (C0 but tab, newlines and form feed; DEL; C1). A stray
# one survives the binary check (under 1%); read aloud or printed it is noise, so it is removed.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Line breaks that are not newlines: Word's manual line break (VT) and the C1 "next line" (NEL).
LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x85": "\n"})

# How a document reveals itself as HTML: it starts with markup, or has several well-known tags early.
HTML_START = re.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|div|p|article|main|section|h[1-6]|table|ul|ol|span|a\s)",
    re.IGNORECASE | re.DOTALL,
)
HTML_TAG = re.compile(
    r"</?(?:html|head|body|p|div|span|a|br|h[1-6]|li|ul|ol|table|tr|td|article|section|main|header|footer|nav|meta|script|style|img|em|strong|blockquote|figure)\b[^<>]*>",
    re.IGNORECASE,
)
MIN_TAGS_FOR_HTML = 4


@dataclass
class Document:
    """Decoded input: the text, the encoding it was decoded from, and whether it is markup."""

    text: str
    encoding: str
    is_html: bool


def decode(source: str | bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode a page (bytes or already-decoded text) after checking it is a text document at all."""
    _check_size(len(source), max_bytes)
    if isinstance(source, str):
        text, encoding = source, "unicode"
        _check_not_binary_text(text)
    else:
        _check_not_empty(source)
        _check_not_binary(source)
        text, encoding = _decode_bytes(source)
    text = remove_control_characters(text.lstrip("\ufeff"))
    if not text or text.isspace():
        raise EmptyInputError("the input is empty (it holds nothing but whitespace)")
    return Document(text=text, encoding=encoding, is_html=looks_like_html(text))


def remove_control_characters(text: str) -> str:
    """Text without control characters (VT and NEL become newlines): nothing a listener should hear."""
    if CONTROL_CHARACTERS.search(text):
        text = CONTROL_CHARACTERS.sub("", text)
    if "\x0b" in text or "\x85" in text:
        text = text.translate(LINE_BREAKS)
    return text


def looks_like_html(text: str) -> bool:
    """True if the text is markup: it opens with a tag, or several real HTML tags appear early on."""
    head = text[:SNIFF_BYTES]
    if HTML_START.match(head):
        return True
    return len(HTML_TAG.findall(head)) >= MIN_TAGS_FOR_HTML


# --- size, emptiness and binary checks -------------------------------------------------------------


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise TooLargeError(
            f"the input is {_megabytes(size)}, over the {_megabytes(max_bytes)} limit "
            "(raise it with --max-size if this really is one article)"
        )


def _megabytes(size: int) -> str:
    return f"{size / MEGABYTE:.1f} MB" if size >= MEGABYTE else f"{size:,} bytes"


def _check_not_empty(data: bytes) -> None:
    if not data or data.isspace():
        raise EmptyInputError("the input is empty (it holds nothing but whitespace)")


def _check_not_binary(data: bytes) -> None:
    """Refuse images, PDFs, archives and random bytes before any decoding is attempted."""
    kind = describe_binary(data)
    if kind:
        raise BinaryInputError(f"this looks like {kind}, not a web page or text")
    if sniff_bom(data)[1] or _utf16_without_bom(data):
        return  # UTF-16/32 text is full of NUL bytes by design
    if _control_ratio(data[:SNIFF_BYTES]) > MAX_CONTROL_RATIO:
        raise BinaryInputError("this looks like a binary file (it is full of control bytes), not a web page or text")


def describe_binary(data: bytes) -> str | None:
    """What kind of binary file the bytes are, by magic number, or None if none matches."""
    for offset, magic, description in MAGIC_NUMBERS:
        if data[offset : offset + len(magic)] == magic:
            return description
    return None


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = sum(sample.count(bytes([byte])) for byte in BINARY_CONTROL_BYTES)
    return controls / len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """Spot BOM-less UTF-16 by its pattern: mostly-ASCII text leaves every other byte NUL."""
    sample = data[: SNIFF_BYTES]
    half = len(sample) // 2
    if half < 2:
        return None
    even_nuls = sample[0 : 2 * half : 2].count(0) / half
    odd_nuls = sample[1 : 2 * half : 2].count(0) / half
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _check_not_binary_text(text: str) -> None:
    sample = text[:SNIFF_BYTES]
    controls = len(BINARY_CONTROL_CHARACTERS.findall(sample))
    if sample and controls / len(sample) > MAX_CONTROL_RATIO:
        raise BinaryInputError("this looks like a binary file (it is full of control characters), not a web page or text")


# --- decoding --------------------------------------------------------------------------------------


def _decode_bytes(data: bytes) -> tuple[str, str]:
    """BOM, then declared charset, then UTF-8, then statistical detection; refuse if none fits."""
    data, bom_encoding = sniff_bom(data)
    if bom_encoding:
        return _decode_or_fail(data, bom_encoding), bom_encoding
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _decode_or_fail(data, utf16), utf16
    for candidate in _candidate_encodings(data):
        text = _decode_leniently(data, candidate)
        if text is not None and _is_plausible_text(text):
            return text, candidate
    raise EncodingError(
        "could not work out this file's character encoding (it is not valid UTF-8 and no known "
        "encoding fits); save it as UTF-8 or declare its charset"
    )


def sniff_bom(data: bytes) -> tuple[bytes, str | None]:
    """The bytes after a byte-order mark and its encoding, when the bytes agree with it.

    The HTML standard lets a BOM override everything; but a UTF-8 file behind a stray FF FE (an editor
    that prepended one) would then be read as CJK noise, so the rest must decode as the BOM says, and a
    UTF-16 BOM must not be followed by plain UTF-8. A BOM the bytes contradict is dropped and the rest
    decoded as if it were not there.
    """
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            body = data[len(mark) :]
            return body, (encoding if _bom_agrees(body, encoding) else None)
    return data, None


def _bom_agrees(body: bytes, encoding: str) -> bool:
    if encoding == "utf-8":
        return _decode_leniently(body, "utf-8") is not None
    if _utf16_without_bom(body) == encoding:
        return True  # markup or Latin text: every other byte NUL, on the side the BOM says
    if _is_valid_utf8(body):
        return False  # ASCII or UTF-8 (no NULs): a UTF-16 reading would be CJK noise
    text = _decode_leniently(body, encoding)
    return text is not None and _is_plausible_text(text)


def _candidate_encodings(data: bytes) -> Iterator[str]:
    """Encodings worth trying in order: valid UTF-8, declared (mapped as browsers do), UTF-8 with a few
    bad bytes, then detected.

    Bytes that are valid UTF-8 and not plain ASCII are UTF-8 whatever the page declares: legacy text
    essentially never forms valid multi-byte sequences, while pages saved from a browser keep their
    original ``<meta charset=gb2312>`` after being re-encoded as UTF-8 (the Readability test page
    ``qq`` is one; read as GB18030 it turns into private-use noise). Lazy, so detection (the only
    costly step) runs only when the cheap candidates failed.
    """
    if not data.isascii() and _is_valid_utf8(data):
        yield "utf-8"
        return
    declared = _declared_encoding(data)
    if declared:
        yield declared
    if declared != "utf-8":
        yield "utf-8"
    detected = _detect_encoding(data)
    if detected and detected not in (declared, "utf-8"):
        yield detected


def _is_valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _declared_encoding(data: bytes) -> str | None:
    """The codec a browser uses for the page's <meta charset> or XML declaration, if it names one.

    Only WHATWG labels count (encoding_labels.py): ``utf-7``, a label with a NUL in it or a Python-only
    codec name is no declaration, as in every browser.
    """
    try:
        label = find_declared_encoding(data)
    except (ValueError, LookupError):
        return None
    return declared_codec(label.strip("'\"")) if label else None


# The XML declaration's and <meta charset>'s patterns and search windows, as in Beautiful Soup 4.15's
# EncodingDetector.find_declared_encoding (bs4/dammit.py), which this function used to call: importing
# bs4 for them cost every page 110-140 ms of start-up (python -X importtime).
XML_ENCODING = re.compile(rb"^\s*<\?.*encoding=['\"](.*?)['\"].*\?>", re.I)
HTML_META_CHARSET = re.compile(rb"<\s*meta[^>]+charset\s*=\s*[\"']?([^>]*?)[ /;'\">]", re.I)
XML_DECLARATION_WINDOW = 1024
HTML_DECLARATION_WINDOW = 2048  # or 5% of the page, whichever is more


def find_declared_encoding(data: bytes) -> str | None:
    """The label an HTML page's XML declaration or <meta charset> gives (lower case), or None."""
    match = XML_ENCODING.search(data, endpos=XML_DECLARATION_WINDOW) or HTML_META_CHARSET.search(
        data, endpos=max(HTML_DECLARATION_WINDOW, int(len(data) * 0.05))
    )
    label = match.group(1) if match else None
    return label.decode("ascii", "replace").lower() if label else None


# When detection finds several near-equal fits (short texts with a few accented letters), prefer the
# web's most common legacy encoding: windows-1252 is what browsers in Western locales fall back to.
# Margin calibrated on short French/German snippets, where cp1257 or cp1250 otherwise win by 0.1 chaos.
PREFERRED_LEGACY_ENCODING = "cp1252"
DETECTION_TIE_CHAOS = 0.1


def _detect_encoding(data: bytes) -> str | None:
    """charset-normalizer's best guess; it samples chunks itself, so this stays fast on big pages."""
    from charset_normalizer import (
        from_bytes as detect_encodings,  # lazy: 20-25 ms, only undeclared legacy bytes need it
    )

    matches = list(detect_encodings(data))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if (
            match.encoding == PREFERRED_LEGACY_ENCODING
            and match.chaos <= best.chaos + DETECTION_TIE_CHAOS
            and match.coherence >= best.coherence
        ):
            best = match
    return detected_codec(best.encoding)


def _decode_leniently(data: bytes, encoding: str) -> str | None:
    """Decode strictly, else accept a handful of U+FFFD replacements as browsers do, else None."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        pass
    except LookupError:
        return None
    text = data.decode(encoding, errors="replace")
    if text.count("\ufffd") <= max(2, len(text) * MAX_REPLACEMENT_RATIO):
        return text
    return None


def _decode_or_fail(data: bytes, encoding: str) -> str:
    text = _decode_leniently(data, encoding)
    if text is None:
        raise EncodingError(f"this file says it is {encoding} (by its byte-order mark) but is not valid {encoding}")
    return text


def _is_plausible_text(text: str) -> bool:
    """Reject decodings full of unassigned, private-use or control code points (noise, not words).

    Only non-ASCII characters can be such noise (ASCII controls were refused as binary already), so
    only they are looked up: mostly-ASCII markup costs next to nothing. Each distinct character is
    looked up once and the noisy ones counted in C (a Python step per character of the 64 K sample
    cost 1-5 ms a page of accented or non-Latin text).
    """
    sample = text[:SNIFF_BYTES]
    if not sample or sample.isascii():
        return True
    odd = sum(sample.count(char) for char in set(sample) if char > "\x7f" and _is_unprintable(char))
    return odd / len(sample) <= MAX_UNPRINTABLE_RATIO


def _is_unprintable(char: str) -> bool:
    if char in "\t\n\r\f\x0b\x1b":
        return False
    return unicodedata.category(char) in ("Cc", "Co", "Cn", "Cs") or char == "\ufffd"


# --- reading sources -------------------------------------------------------------------------------


def read_source(spec: str, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT) -> tuple[bytes, str | None]:
    """Read a path, ``-`` (stdin) or an http(s) URL; return the bytes and the final URL, if any."""
    scheme = urllib.parse.urlsplit(spec).scheme.lower()
    if spec == "-":
        return _read_limited(sys.stdin.buffer, max_bytes, "standard input"), None
    if scheme in WEB_SCHEMES:
        fetched = fetch(spec, timeout=timeout, max_bytes=max_bytes)
        return fetched.body, fetched.url
    if scheme == "file":
        from urllib.request import url2pathname  # lazy: with http.client 25-35 ms, only URLs need it

        return read_file(Path(url2pathname(urllib.parse.urlsplit(spec).path)), max_bytes), None
    if len(scheme) > 1 and "://" in spec:
        raise InputError(f"cannot read {spec}: only http and https URLs, files and '-' (stdin) are supported")
    return read_file(Path(spec), max_bytes), None


def require_regular_file(path: Path) -> None:
    """Refuse a FIFO, device, socket or folder by its name before anything opens it (an open would block)."""
    try:
        kind = _special_file_kind(os.stat(path).st_mode)
    except OSError:
        return  # missing or unreadable: the reader's own error says so
    if kind:
        raise InputError(f"{path} is {kind}, not a regular file")


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read one regular file with the size limit, turning OS errors into sentences that name the path.

    Opened without blocking and checked on the open descriptor: a FIFO named ``x.html`` would otherwise
    wait forever for a writer, and /dev/zero would never end.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except PermissionError:
        raise InputError(f"permission denied reading {path}") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not a file") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        info = os.fstat(descriptor)
        kind = _special_file_kind(info.st_mode)
        if kind:
            raise InputError(f"{path} is {kind}, not a regular file; only files and '-' (stdin) are read")
        _check_size(info.st_size, max_bytes)
    except BaseException:
        os.close(descriptor)
        raise
    with os.fdopen(descriptor, "rb") as handle:
        try:
            return _read_limited(handle, max_bytes, str(path), size_hint=info.st_size)
        except OSError as error:
            raise InputError(f"cannot read {path}: {error.strerror or error}") from None


# What a path that is not a regular file is, in the sentence that refuses it.
SPECIAL_FILE_KINDS: tuple[tuple[object, str], ...] = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _special_file_kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    for test, kind in SPECIAL_FILE_KINDS:
        if test(mode):  # type: ignore[operator]
            return kind
    return "not a regular file"


READ_CHUNK_BYTES = MEGABYTE


def _read_limited(handle, max_bytes: int, name: str, size_hint: int = READ_CHUNK_BYTES) -> bytes:
    """Read at most ``max_bytes``; one byte more means the source is over the limit (pipes have no size).

    A regular file is read in one call of its own size (plus one byte, to notice growth); anything
    else in chunks, so a huge --max-size never reserves that much memory up front.
    """
    first_size = min(max_bytes, max(size_hint, 0)) + 1
    data = handle.read(first_size)
    if len(data) < first_size:
        return data
    chunks, received = [data], len(data)
    while received <= max_bytes and (chunk := handle.read(min(READ_CHUNK_BYTES, max_bytes + 1 - received))):
        chunks.append(chunk)
        received += len(chunk)
    if received > max_bytes:
        raise TooLargeError(
            f"{name} is over the {_megabytes(max_bytes)} limit (raise it with --max-size if this really is one article)"
        )
    return b"".join(chunks)


# How many redirects a fetch follows, as browsers do (Chrome and Firefox give up after 20).
MAX_REDIRECTS = 20
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
WEB_SCHEMES = frozenset({"http", "https"})


@cache
def _redirect_handler() -> type[urllib.request.HTTPRedirectHandler]:
    """The redirect handler class, made on first fetch (urllib.request is imported only for URLs)."""
    import urllib.request  # lazy: with http.client 25-35 ms, only URLs need it

    class _RedirectHandler(urllib.request.HTTPRedirectHandler):
        """urllib's redirects with the browsers' limit, and never to anything but http(s) (urllib would
        follow a redirect to ftp:// or a file)."""

        max_redirections = MAX_REDIRECTS

        def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201 - urllib's signature
            if urllib.parse.urlsplit(newurl).scheme.lower() not in WEB_SCHEMES:
                raise FetchError(f"{req.full_url} redirects to {newurl}, which is not an http(s) address")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return _RedirectHandler


@dataclass
class Fetched:
    """A fetched page: the body, the URL after redirects, and the server's content type."""

    body: bytes
    url: str
    content_type: str


def fetch_url(
    url: str,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    user_agent: str = USER_AGENT,
) -> bytes:
    """The body of an http(s) URL (redirects followed), or a :class:`FetchError` saying what failed."""
    return fetch(url, timeout=timeout, max_bytes=max_bytes, user_agent=user_agent).body


def fetch(
    url: str,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    user_agent: str = USER_AGENT,
    handlers: Sequence[urllib.request.BaseHandler] = (),
) -> Fetched:
    """Like :func:`fetch_url`, also returning the final URL (the base for relative links).

    ``handlers`` replace urllib's defaults for every hop, redirects included: the web player passes
    its own http/https handlers, which check each resolved address (:mod:`readaloud.netpolicy`).
    """
    import http.client  # lazy: with urllib.request 25-35 ms, only URLs need them
    import urllib.error
    import urllib.request

    redirect_handler = _redirect_handler()
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": user_agent,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        },
    )
    deadline = monotonic() + timeout * TOTAL_TIMEOUT_FACTOR
    try:
        with urllib.request.build_opener(redirect_handler, *handlers).open(request, timeout=timeout) as response:
            _check_declared_length(response, url, max_bytes)
            raw = _stream_body(response, url, max_bytes, deadline)
            body = _decompress(raw, response.headers.get("Content-Encoding", ""), url, max_bytes)
            return Fetched(body=body, url=response.geturl(), content_type=response.headers.get("Content-Type", ""))
    except urllib.error.HTTPError as error:
        if error.code in REDIRECT_CODES and redirect_handler.inf_msg.strip() in str(error.reason):
            raise FetchError(f"{url} redirects in a loop (more than {MAX_REDIRECTS} redirects or back to itself)") from None
        raise FetchError(f"{url} answered HTTP {error.code} {' '.join(str(error.reason).split())}") from None
    except urllib.error.URLError as error:
        raise FetchError(_describe_url_error(url, error.reason, timeout)) from None
    except TimeoutError:
        raise FetchError(f"{url} did not answer within {timeout:g} seconds") from None
    except (OSError, ValueError, http.client.HTTPException) as error:
        # HTTPException: IncompleteRead when the server hangs up mid-body, BadStatusLine, ...
        raise FetchError(f"could not fetch {url}: {type(error).__name__} {error}".rstrip()) from None


def _check_declared_length(response, url: str, max_bytes: int) -> None:
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise FetchError(f"{url} is {_megabytes(int(length))}, over the {_megabytes(max_bytes)} limit")


def _stream_body(response, url: str, max_bytes: int, deadline: float) -> bytes:
    """Read in chunks so an oversized or endless body is cut off as soon as it crosses the limit."""
    chunks: list[bytes] = []
    received = 0
    while chunk := response.read(64 * 1024):
        received += len(chunk)
        if received > max_bytes:
            raise FetchError(f"{url} is over the {_megabytes(max_bytes)} limit; stopped downloading")
        if monotonic() > deadline:
            raise FetchError(f"{url} is sending too slowly; gave up after {deadline:.0f} seconds")
        chunks.append(chunk)
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and received < int(declared):
        # urllib returns a short body silently when the server hangs up; half a page is not the page.
        raise FetchError(f"{url} closed the connection after {received:,} of {int(declared):,} bytes")
    return b"".join(chunks)


def _decompress(raw: bytes, content_encoding: str, url: str, max_bytes: int) -> bytes:
    """Undo gzip/deflate transfer compression with the same size limit (a zip bomb stays small)."""
    encoding = content_encoding.strip().lower()
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return raw
    wbits = zlib.MAX_WBITS | 32  # auto-detect gzip or zlib header
    try:
        decompressor = zlib.decompressobj(wbits)
        body = decompressor.decompress(raw, max_bytes + 1)
    except zlib.error:
        raise FetchError(f"{url} sent a corrupt {encoding}-compressed body") from None
    if len(body) > max_bytes:
        raise FetchError(f"{url} is over the {_megabytes(max_bytes)} limit once decompressed")
    return body


def _describe_url_error(url: str, reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return f"{url} did not answer within {timeout:g} seconds"
    host = urllib.parse.urlsplit(url).hostname or url
    if isinstance(reason, OSError) and reason.strerror:
        return f"could not reach {host}: {reason.strerror}"
    return f"could not reach {host}: {reason}"
