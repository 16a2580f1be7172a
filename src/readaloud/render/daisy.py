"""DAISY 2.02 full text and audio: the talking-book format every DAISY player and library system reads.

A book is a folder (the DAISY "file set")::

    ncc.html        navigation control centre: required metadata, one h1-h6 per heading -> SMIL
    content.html    the text (XHTML 1.0), an id on every sentence
    s0001.smil ...  one SMIL 1.0 file per section: <par> = <text src="content.html#b3.s1"> + <audio clip>
    s0001.mp3 ...   one MP3 per section
    master.smil     the SMIL files in reading order

Conventions follow the DAISY 2.02 Specification (2001) and its metadata tables: every mandatory
``dc:``/``ncc:`` element is written, page counts are 0 (articles have no print pages), and the
multimedia type is ``audioFullText``. The folder appears under its final name only when complete.
"""

from __future__ import annotations

import time
from pathlib import Path

from lxml import etree

from ..errors import OutputError
from ..files import staged_write
from ..model import PreparedArticle
from ..speak import Narrator
from ..version import __version__
from .book_text import XHTML_NS, body_elements, set_lang, x
from .epub3 import book_identifier
from .narrated import BookResult, NarratedArticle, Section, narrate_article, xml_text

NCC_FILE = "ncc.html"
CONTENT_FILE = "content.html"
MASTER_SMIL_FILE = "master.smil"
SMIL_NAME = "s{index:04d}.smil"

XHTML_DOCTYPE = (
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'
)
SMIL_DOCTYPE = '<!DOCTYPE smil PUBLIC "-//W3C//DTD SMIL 1.0//EN" "http://www.w3.org/TR/REC-smil/SMIL10.dtd">'
FORMAT_NAME = "Daisy 2.02"
GENERATOR = f"readaloud {__version__}"
UNKNOWN_CREATOR = "Unknown"  # what DAISY production guidelines say to write when there is no author

# ncc: counts that are always zero for a web article (no print pages, footnotes, sidebars, notes).
ZERO_COUNTS = ("ncc:footnotes", "ncc:maxPageNormal", "ncc:pageFront", "ncc:pageNormal", "ncc:pageSpecial",
               "ncc:prodNotes", "ncc:sidebars")


def write_daisy(prepared: PreparedArticle, out_dir: Path, narrator: Narrator) -> BookResult:
    """Narrate ``prepared`` into the DAISY 2.02 folder ``out_dir`` (which must not exist yet)."""
    out_dir = Path(out_dir)
    if out_dir.exists():
        raise OutputError(f"cannot write the DAISY book {out_dir}: something already exists there.")
    with staged_write(out_dir, folder=True) as build:
        book = narrate_article(prepared, narrator, build)
        for name, data in _text_files(book).items():
            (build / name).write_bytes(data)
    return BookResult(out_dir, book.duration_ms, book.warnings)


def _text_files(book: NarratedArticle) -> dict[str, bytes]:
    smil_names = [SMIL_NAME.format(index=section.index) for section in book.sections]
    file_count = 3 + len(smil_names) + len(book.audio_files)  # ncc, content, master + SMIL + audio
    files = {NCC_FILE: _ncc(book, smil_names, file_count), CONTENT_FILE: _content(book)}
    elapsed = 0
    for section, name in zip(book.sections, smil_names):
        files[name] = _section_smil(book, section, elapsed)
        elapsed += section.duration_ms
    files[MASTER_SMIL_FILE] = _master_smil(book, smil_names)
    return files


def hms(ms: int) -> str:
    """``hh:mm:ss`` (rounded to the second), the DAISY 2.02 format of ncc:totalTime and friends."""
    seconds = round(ms / 1000)
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def npt(ms: int) -> str:
    """SMIL 1.0 normal play time, as DAISY 2.02 clip-begin/clip-end use it: ``npt=12.345s``."""
    return f"npt={ms / 1000:.3f}s"


def _serialise(root: etree._Element, doctype: str) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True, doctype=doctype)


def _language(book: NarratedArticle) -> str:
    return book.article.lang or "en"


def _title(book: NarratedArticle) -> str:
    return book.article.title or book.headings[0].text


def _xhtml(book: NarratedArticle, meta: dict[str, str]) -> tuple[etree._Element, etree._Element]:
    html = etree.Element(x("html"), nsmap={None: XHTML_NS})
    set_lang(html, _language(book))
    head = etree.SubElement(html, x("head"))
    etree.SubElement(head, x("meta"), {"http-equiv": "Content-type", "content": "text/html; charset=utf-8"})
    etree.SubElement(head, x("title")).text = xml_text(_title(book))
    for name, content in meta.items():
        etree.SubElement(head, x("meta"), name=name, content=xml_text(content))
    return html, etree.SubElement(html, x("body"))


def ncc_metadata(book: NarratedArticle, file_count: int) -> dict[str, str]:
    """The NCC's metadata: every element the 2.02 tables call mandatory, plus the recommended ones."""
    article = book.article
    depth = max(book.levels[section.heading.id] for section in book.sections)
    meta = {
        "dc:title": _title(book),
        "dc:creator": article.byline or UNKNOWN_CREATOR,
        "dc:date": (article.published or time.strftime("%Y-%m-%d"))[:10],
        "dc:format": FORMAT_NAME,
        "dc:identifier": book_identifier(article),
        "dc:language": _language(book),
        "dc:publisher": article.site or GENERATOR,
        "ncc:charset": "utf-8",
        "ncc:depth": str(depth),
        "ncc:files": str(file_count),
        "ncc:generator": GENERATOR,
        "ncc:multimediaType": "audioFullText",
        "ncc:narrator": book.narrator,
        "ncc:producer": GENERATOR,
        "ncc:setInfo": "1 of 1",
        "ncc:tocItems": str(len(book.sections)),
        "ncc:totalTime": hms(book.duration_ms),
    }
    if article.url:
        meta["dc:source"] = article.url
    meta.update({name: "0" for name in ZERO_COUNTS})
    return dict(sorted(meta.items()))


def _ncc(book: NarratedArticle, smil_names: list[str], file_count: int) -> bytes:
    """One heading per section, in reading order, each linking to the SMIL text element it starts at."""
    html, body = _xhtml(book, ncc_metadata(book, file_count))
    for section, smil_name in zip(book.sections, smil_names):
        level = book.levels[section.heading.id]
        heading = etree.SubElement(body, x(f"h{level}"), id=f"ncc{section.index}")
        if section.index == 1:
            heading.set("class", "title")
        link = etree.SubElement(heading, x("a"), href=f"{smil_name}#{_text_id(section, 1)}")
        link.text = xml_text(section.heading.text.strip()) or f"Section {section.index}"
    return _serialise(html, XHTML_DOCTYPE)


def _content(book: NarratedArticle) -> bytes:
    html, body = _xhtml(book, {"dc:title": _title(book), "dc:format": FORMAT_NAME, "ncc:generator": GENERATOR})
    body.extend(body_elements(book))
    return _serialise(html, XHTML_DOCTYPE)


def _text_id(section: Section, number: int) -> str:
    return f"t{section.index}_{number}"


def _smil_head(smil: etree._Element, book: NarratedArticle, extra: dict[str, str]) -> None:
    head = etree.SubElement(smil, "head")
    meta = {"dc:format": FORMAT_NAME, "dc:title": _title(book), "dc:identifier": book_identifier(book.article),
            "ncc:generator": GENERATOR, **extra}
    for name, content in meta.items():
        etree.SubElement(head, "meta", name=name, content=xml_text(content))
    layout = etree.SubElement(head, "layout")
    etree.SubElement(layout, "region", id="txtView")


def _section_smil(book: NarratedArticle, section: Section, elapsed_ms: int) -> bytes:
    smil = etree.Element("smil")
    _smil_head(smil, book, {"ncc:totalElapsedTime": hms(elapsed_ms), "ncc:timeInThisSmil": hms(section.duration_ms)})
    body = etree.SubElement(smil, "body")
    seq = etree.SubElement(body, "seq", dur=f"{section.duration_ms / 1000:.3f}s")
    for number, clip in enumerate(section.clips, start=1):
        par = etree.SubElement(seq, "par", endsync="last", id=f"p{section.index}_{number}")
        etree.SubElement(par, "text", src=f"{CONTENT_FILE}#{clip.sentence_id}", id=_text_id(section, number))
        etree.SubElement(
            par,
            "audio",
            src=clip.audio,
            id=f"a{section.index}_{number}",
            **{"clip-begin": npt(clip.begin_ms), "clip-end": npt(clip.end_ms)},
        )
    return _serialise(smil, SMIL_DOCTYPE)


def _master_smil(book: NarratedArticle, smil_names: list[str]) -> bytes:
    smil = etree.Element("smil")
    _smil_head(smil, book, {"ncc:timeInThisSmil": hms(book.duration_ms)})
    body = etree.SubElement(smil, "body")
    for section, name in zip(book.sections, smil_names):
        title = xml_text(section.heading.text.strip()) or f"Section {section.index}"
        etree.SubElement(body, "ref", src=name, title=title, id=f"ms{section.index}")
    return _serialise(smil, SMIL_DOCTYPE)
