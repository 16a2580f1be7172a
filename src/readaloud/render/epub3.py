"""EPUB 3 with Media Overlays: the article's text and its narration, sentence by sentence in sync.

Layout of the package (EPUB 3.3, Media Overlays 3.3, EPUB Accessibility 1.1 metadata)::

    mimetype                      first entry, stored, no extra field (OCF)
    META-INF/container.xml
    EPUB/package.opf              metadata (incl. media:duration, accessibility), manifest, spine
    EPUB/nav.xhtml                table of contents from the headings
    EPUB/article.xhtml            the text; <span id="b3.s1"> per sentence
    EPUB/article.smil             one <par> per sentence: text id + audio clipBegin/clipEnd
    EPUB/audio/s0001.mp3 ...      one MP3 per section
    EPUB/style.css                including the media:active-class highlight

Reading systems (Thorium, Apple Books, VoiceDream) highlight each sentence as it is read and let the
listener navigate by heading. The file appears under its final name only once complete.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

from lxml import etree

from ..files import staged_write
from ..model import Article, BlockKind, PreparedArticle
from ..speak import Narrator
from ..version import __version__
from .book_text import XHTML_NS, XML_LANG, body_elements, set_lang, x
from .narrated import BookResult, NarratedArticle, Section, narrate_article, xml_text

EPUB_NS = "http://www.idpf.org/2007/ops"
OPF_NS = "http://www.idpf.org/2007/opf"
DC_NS = "http://purl.org/dc/elements/1.1/"
SMIL_NS = "http://www.w3.org/ns/SMIL"
CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"

CONTENT_DIR = "EPUB"
TEXT_FILE = "article.xhtml"
NAV_FILE = "nav.xhtml"
SMIL_FILE = "article.smil"
CSS_FILE = "style.css"
AUDIO_DIR = "audio"
SMIL_ID = "mo-article"

# The class a reading system puts on the sentence being read (media:active-class); style.css gives it
# a visible highlight that also survives forced-colours modes (outline, not only background).
ACTIVE_CLASS = "-epub-media-overlay-active"
STYLESHEET = f"""\
body {{ font-family: serif; line-height: 1.5; margin: 1em; }}
.dek {{ font-size: 1.15em; }}
.byline, .caption, .credit {{ font-style: italic; }}
table {{ border-collapse: collapse; }}
td {{ border: 1px solid; padding: 0.2em 0.4em; }}
.{ACTIVE_CLASS} {{ background-color: #ffef9f; color: #000; outline: 2px solid #b58900; }}
"""

# Accessibility metadata (EPUB Accessibility 1.1, schema.org vocabulary). Fixed features of every
# package this module writes; accessModeSufficient depends on whether everything shown is also read.
ACCESS_MODES = ("textual", "auditory")
ACCESSIBILITY_FEATURES = (
    "synchronizedAudioText",
    "structuralNavigation",
    "tableOfContents",
    "readingOrder",
    "displayTransformability",
)
ACCESSIBILITY_SUMMARY = (
    "The full text of the article with synthetic-speech narration synchronised sentence by sentence; "
    "headings give structure and a table of contents. {unread}"
)
UNREAD_NOTE = "Captions and other text marked as not read aloud are shown but not narrated."
ALL_READ_NOTE = "Every word shown is also read aloud."

# Stored rather than deflated: MP3 does not compress further, and players seek in stored entries faster.
STORED_SUFFIXES = (".mp3",)


def write_epub3(prepared: PreparedArticle, out_path: Path, narrator: Narrator) -> BookResult:
    """Narrate ``prepared`` and package it at ``out_path``, which appears (or is replaced) only when complete."""
    out_path = Path(out_path)
    # The staged file first: an unwritable folder is one sentence before any narration.
    with staged_write(out_path) as temp, tempfile.TemporaryDirectory(dir=out_path.parent, prefix=".epub-build-") as build:
        audio_dir = Path(build) / AUDIO_DIR
        audio_dir.mkdir()
        book = narrate_article(prepared, narrator, audio_dir)
        _write_zip(temp, _package_files(book), audio_dir)
    return BookResult(out_path, book.duration_ms, book.warnings)


def _package_files(book: NarratedArticle) -> dict[str, bytes]:
    """Every text file of the package, by path inside the zip (audio is added from disk)."""
    return {
        "META-INF/container.xml": _container_xml(),
        f"{CONTENT_DIR}/package.opf": _package_opf(book),
        f"{CONTENT_DIR}/{NAV_FILE}": _nav_xhtml(book),
        f"{CONTENT_DIR}/{TEXT_FILE}": _content_xhtml(book),
        f"{CONTENT_DIR}/{SMIL_FILE}": _smil(book),
        f"{CONTENT_DIR}/{CSS_FILE}": STYLESHEET.encode("utf-8"),
    }


def _write_zip(path: Path, files: dict[str, bytes], audio_dir: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        # OCF: "mimetype" first, uncompressed, so a reader can identify the file from its first bytes.
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for name, data in files.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
        for audio in sorted(audio_dir.iterdir()):
            compression = zipfile.ZIP_STORED if audio.suffix in STORED_SUFFIXES else zipfile.ZIP_DEFLATED
            archive.write(audio, f"{CONTENT_DIR}/{AUDIO_DIR}/{audio.name}", compress_type=compression)


def _serialise(root: etree._Element, doctype: str | None = None) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True, doctype=doctype)


def _container_xml() -> bytes:
    container = etree.Element(f"{{{CONTAINER_NS}}}container", nsmap={None: CONTAINER_NS}, version="1.0")
    rootfiles = etree.SubElement(container, f"{{{CONTAINER_NS}}}rootfiles")
    etree.SubElement(
        rootfiles,
        f"{{{CONTAINER_NS}}}rootfile",
        {"full-path": f"{CONTENT_DIR}/package.opf", "media-type": "application/oebps-package+xml"},
    )
    return _serialise(container)


def clock_value(ms: int) -> str:
    """SMIL full clock value ``h:mm:ss.fff`` (Media Overlays clipBegin/clipEnd, media:duration)."""
    seconds, millis = divmod(max(ms, 0), 1000)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.{millis:03d}"


def book_identifier(article: Article) -> str:
    """A urn:uuid derived from the article's content: the same article always gets the same id."""
    digest = hashlib.sha256(json.dumps(article.to_dict(), sort_keys=True).encode("utf-8")).hexdigest()
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'readaloud:' + digest)}"


def _language(book: NarratedArticle) -> str:
    return book.article.lang or "en"


def _package_opf(book: NarratedArticle) -> bytes:
    article = book.article
    package = etree.Element(
        f"{{{OPF_NS}}}package",
        nsmap={None: OPF_NS},
        version="3.0",
        attrib={"unique-identifier": "pub-id", XML_LANG: _language(book)},
    )
    if article.dir in ("ltr", "rtl"):
        package.set("dir", article.dir)
    _metadata(etree.SubElement(package, f"{{{OPF_NS}}}metadata", nsmap={"dc": DC_NS}), book)
    _manifest(etree.SubElement(package, f"{{{OPF_NS}}}manifest"), book)
    spine = etree.SubElement(package, f"{{{OPF_NS}}}spine")
    etree.SubElement(spine, f"{{{OPF_NS}}}itemref", idref="text")
    return _serialise(package)


def _metadata(metadata: etree._Element, book: NarratedArticle) -> None:
    article = book.article

    def dc(name: str, text: str, **attributes: str) -> None:
        etree.SubElement(metadata, f"{{{DC_NS}}}{name}", attributes).text = xml_text(text)

    def meta(prop: str, text: str, **attributes: str) -> None:
        etree.SubElement(metadata, f"{{{OPF_NS}}}meta", {"property": prop, **attributes}).text = xml_text(text)

    dc("identifier", book_identifier(article), id="pub-id")
    dc("title", article.title or book.headings[0].text)
    dc("language", _language(book))
    if article.byline:
        dc("creator", article.byline)
    if article.site:
        dc("publisher", article.site)
    if article.url:
        dc("source", article.url)
    meta("dcterms:modified", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    meta("media:duration", clock_value(book.duration_ms))
    meta("media:duration", clock_value(book.duration_ms), refines=f"#{SMIL_ID}")
    meta("media:narrator", book.narrator)
    meta("media:active-class", ACTIVE_CLASS)
    for mode in ACCESS_MODES:
        meta("schema:accessMode", mode)
    for sufficient in _sufficient_modes(book):
        meta("schema:accessModeSufficient", sufficient)
    for feature in ACCESSIBILITY_FEATURES:
        meta("schema:accessibilityFeature", feature)
    meta("schema:accessibilityHazard", "none")
    meta("schema:accessibilitySummary", ACCESSIBILITY_SUMMARY.format(unread=_unread_note(book)))
    etree.SubElement(metadata, f"{{{OPF_NS}}}meta", name="generator", content=f"readaloud {__version__}")


def _everything_is_read(book: NarratedArticle) -> bool:
    return all(book.clip_for(s.id) for block in book.blocks for s in block.sentences) and all(
        block.sentences for block in book.blocks
    )


def _sufficient_modes(book: NarratedArticle) -> list[str]:
    """Text alone always suffices; audio alone only when nothing shown is left unread."""
    return ["textual", "auditory"] if _everything_is_read(book) else ["textual"]


def _unread_note(book: NarratedArticle) -> str:
    return ALL_READ_NOTE if _everything_is_read(book) else UNREAD_NOTE


def _manifest(manifest: etree._Element, book: NarratedArticle) -> None:
    def item(item_id: str, href: str, media_type: str, **extra: str) -> None:
        etree.SubElement(manifest, f"{{{OPF_NS}}}item", {"id": item_id, "href": href, "media-type": media_type, **extra})

    item("nav", NAV_FILE, "application/xhtml+xml", properties="nav")
    item("text", TEXT_FILE, "application/xhtml+xml", **{"media-overlay": SMIL_ID})
    item(SMIL_ID, SMIL_FILE, "application/smil+xml")
    item("css", CSS_FILE, "text/css")
    for section in book.sections:
        item(f"audio-{section.index:04d}", f"{AUDIO_DIR}/{section.audio}", "audio/mpeg")


def _xhtml_document(book: NarratedArticle, title: str) -> tuple[etree._Element, etree._Element]:
    html = etree.Element(x("html"), nsmap={None: XHTML_NS, "epub": EPUB_NS})
    set_lang(html, _language(book))
    if book.article.dir in ("ltr", "rtl"):
        html.set("dir", book.article.dir)
    head = etree.SubElement(html, x("head"))
    etree.SubElement(head, x("meta"), charset="utf-8")
    etree.SubElement(head, x("title")).text = xml_text(title)
    etree.SubElement(head, x("link"), rel="stylesheet", type="text/css", href=CSS_FILE)
    return html, etree.SubElement(html, x("body"))


def _content_xhtml(book: NarratedArticle) -> bytes:
    html, body = _xhtml_document(book, book.headings[0].text)
    body.extend(body_elements(book))
    return _serialise(html, doctype="<!DOCTYPE html>")


def _nav_xhtml(book: NarratedArticle) -> bytes:
    """The toc nav: headings nested by outline level, each linking to its place in the text."""
    html, body = _xhtml_document(book, book.headings[0].text)
    nav = etree.SubElement(body, x("nav"), {f"{{{EPUB_NS}}}type": "toc", "id": "toc"})
    etree.SubElement(nav, x("h1")).text = "Contents"
    lists = [etree.SubElement(nav, x("ol"))]  # lists[i] holds the items of outline level i + 1
    last_item: dict[int, etree._Element] = {}
    headings = [b for b in book.blocks if b.kind == BlockKind.HEADING]
    for number, heading in enumerate(headings, start=1):
        level = book.levels[heading.id]  # outline_levels guarantees at most one level deeper each time
        del lists[level:]
        if len(lists) < level:
            lists.append(etree.SubElement(last_item[level - 1], x("ol")))
        last_item[level] = etree.SubElement(lists[level - 1], x("li"))
        link = etree.SubElement(last_item[level], x("a"), href=f"{TEXT_FILE}#{heading.id}")
        link.text = xml_text(heading.text.strip()) or f"Section {number}"
    return _serialise(html, doctype="<!DOCTYPE html>")


def _smil(book: NarratedArticle) -> bytes:
    """One <seq> per section (pointing at its heading), one <par> per spoken sentence."""
    smil = etree.Element(f"{{{SMIL_NS}}}smil", nsmap={None: SMIL_NS, "epub": EPUB_NS}, version="3.0")
    body = etree.SubElement(smil, f"{{{SMIL_NS}}}body")
    for section in book.sections:
        _smil_section(body, section)
    return _serialise(smil)


def _smil_section(body: etree._Element, section: Section) -> None:
    seq = etree.SubElement(
        body,
        f"{{{SMIL_NS}}}seq",
        {"id": f"seq{section.index}", f"{{{EPUB_NS}}}textref": f"{TEXT_FILE}#{section.heading.id}"},
    )
    for number, clip in enumerate(section.clips, start=1):
        par = etree.SubElement(seq, f"{{{SMIL_NS}}}par", id=f"par{section.index}-{number}")
        etree.SubElement(par, f"{{{SMIL_NS}}}text", src=f"{TEXT_FILE}#{clip.sentence_id}")
        etree.SubElement(
            par,
            f"{{{SMIL_NS}}}audio",
            src=f"{AUDIO_DIR}/{clip.audio}",
            clipBegin=clock_value(clip.begin_ms),
            clipEnd=clock_value(clip.end_ms),
        )
