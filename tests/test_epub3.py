"""EPUB 3 with Media Overlays: valid (EPUBCheck), synchronised sentence by sentence, navigable, accessible."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
import soundfile
from book_support import CAPTION, STRUCTURED_HEADINGS, narrator, run_epubcheck, sample_article, structured_article
from lxml import etree
from render_support import rms
from test_render_layout import NESTED_LIST_PAGE

from readaloud.pipeline import extract_page, prepare
from readaloud.render.epub3 import ACTIVE_CLASS, book_identifier, write_epub3

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "smil": "http://www.w3.org/ns/SMIL",
    "epub": "http://www.idpf.org/2007/ops",
}
CLOCK = re.compile(r"^(\d+):(\d\d):(\d\d)\.(\d\d\d)$")
# RMS (of 32,767) above which a stretch of decoded audio holds speech; encoder noise in silence stays under 50.
SPEECH_RMS = 300


def clock_ms(value: str) -> int:
    hours, minutes, seconds, millis = (int(part) for part in CLOCK.match(value).groups())
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


class Epub:
    """An unpacked package: the zip's files, parsed where they are XML."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.zip = zipfile.ZipFile(path)
        self.opf = self.xml("EPUB/package.opf")
        self.text = self.xml("EPUB/article.xhtml")
        self.nav = self.xml("EPUB/nav.xhtml")
        self.smil = self.xml("EPUB/article.smil")

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    def meta(self, prop: str) -> list[etree._Element]:
        return self.opf.findall(f"opf:metadata/opf:meta[@property='{prop}']", NS)

    def meta_values(self, prop: str) -> list[str]:
        return [m.text for m in self.meta(prop)]

    def audio(self, src: str) -> tuple:
        data = self.zip.read(f"EPUB/{src}")
        return soundfile.read(io.BytesIO(data), dtype="int16")


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("audio-cache")


@pytest.fixture(scope="module")
def structured(tmp_path_factory: pytest.TempPathFactory, cache: Path) -> Epub:
    path = tmp_path_factory.mktemp("epub") / "library.epub"
    result = write_epub3(structured_article(), path, narrator(cache))
    assert result.path == path and result.duration_ms > 10_000
    return Epub(path)


@pytest.mark.slow  # EPUBCheck (Java), a long synthesis or a trickling server: seconds each
def test_passes_epubcheck_without_errors_or_warnings(structured: Epub) -> None:
    checked = run_epubcheck(structured.path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 fatals / 0 errors / 0 warnings" in checked.stdout, checked.stdout


@pytest.mark.slow  # EPUBCheck (Java), a long synthesis or a trickling server: seconds each
def test_a_german_article_with_dek_and_byline_passes_epubcheck(tmp_path: Path, cache: Path, samples_dir: Path) -> None:
    article = sample_article(samples_dir, "de-stadtbibliothek.html")
    path = write_epub3(article, tmp_path / "de.epub", narrator(cache)).path
    checked = run_epubcheck(path)
    assert checked.returncode == 0 and "0 errors / 0 warnings" in checked.stdout, checked.stdout
    epub = Epub(path)
    assert epub.opf.find("opf:metadata/dc:language", NS).text == "de"
    assert epub.text.get("lang") == "de"


def test_ocf_container_mimetype_first_and_stored(structured: Epub) -> None:
    first = structured.zip.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED and not first.extra
    assert structured.zip.read("mimetype") == b"application/epub+zip"
    raw = structured.path.read_bytes()
    assert raw[30:38] == b"mimetype" and raw[38:58] == b"application/epub+zip"
    rootfile = structured.xml("META-INF/container.xml").find(".//{*}rootfile")
    assert rootfile.get("full-path") == "EPUB/package.opf"


def test_every_spoken_sentence_has_one_clip_and_every_clip_a_sentence(structured: Epub) -> None:
    ids = {element.get("id") for element in structured.text.iter() if element.get("id")}
    pars = structured.smil.findall(".//smil:par", NS)
    targets = [par.find("smil:text", NS).get("src").split("#")[1] for par in pars]
    assert all(target in ids for target in targets)
    assert len(targets) == len(set(targets))
    spans = [span.get("id") for span in structured.text.iterfind(".//x:span", NS)]
    caption = next(p for p in structured.text.iterfind(".//x:p[@class='caption']", NS))
    caption_spans = {span.get("id") for span in caption.iter(f"{{{NS['x']}}}span")}
    assert caption_spans, "the caption is shown with its sentence ids"
    assert set(targets) == set(spans) - caption_spans, "every sentence but the caption's is read, in a <par>"
    assert targets[0] == "title.s1"


def test_clips_tile_each_audio_file_and_hold_speech(structured: Epub) -> None:
    by_file: dict[str, list[tuple[int, int]]] = {}
    for audio in structured.smil.iterfind(".//smil:audio", NS):
        by_file.setdefault(audio.get("src"), []).append((clock_ms(audio.get("clipBegin")), clock_ms(audio.get("clipEnd"))))
    assert len(by_file) == 4, "one audio file per section (title + 3 headings)"
    for src, clips in by_file.items():
        samples, rate = structured.audio(src)
        duration_ms = len(samples) * 1000 / rate
        assert clips[0][0] == 0
        assert all(end == next_begin for (_, end), (next_begin, _) in zip(clips, clips[1:])), "contiguous"
        assert clips[-1][1] <= duration_ms + 1
        for begin, end in clips:
            assert begin < end
            assert rms(samples[begin * rate // 1000 : end * rate // 1000]) > SPEECH_RMS, f"{src} {begin}-{end} is silent"


def test_durations_in_metadata_add_up(structured: Epub) -> None:
    total = structured.opf.find("opf:metadata/opf:meta[@property='media:duration'][@refines]", NS)
    overall = [m for m in structured.meta("media:duration") if not m.get("refines")]
    assert total.get("refines") == "#mo-article" and len(overall) == 1
    clips = sum(
        clock_ms(a.get("clipEnd")) - clock_ms(a.get("clipBegin")) for a in structured.smil.iterfind(".//smil:audio", NS)
    )
    assert clock_ms(total.text) == clock_ms(overall[0].text) == clips
    item = structured.opf.find("opf:manifest/opf:item[@id='text']", NS)
    assert item.get("media-overlay") == "mo-article"


def test_active_class_is_declared_and_styled(structured: Epub) -> None:
    assert structured.meta_values("media:active-class") == [ACTIVE_CLASS]
    assert f".{ACTIVE_CLASS}" in structured.zip.read("EPUB/style.css").decode()


def test_accessibility_metadata(structured: Epub) -> None:
    assert structured.meta_values("schema:accessMode") == ["textual", "auditory"]
    assert structured.meta_values("schema:accessModeSufficient") == ["textual"], "the caption is shown, not read"
    features = structured.meta_values("schema:accessibilityFeature")
    assert {"synchronizedAudioText", "structuralNavigation", "tableOfContents"} <= set(features)
    assert structured.meta_values("schema:accessibilityHazard") == ["none"]
    assert "synchronised" in structured.meta_values("schema:accessibilitySummary")[0]
    modified = structured.meta_values("dcterms:modified")[0]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", modified)
    assert structured.opf.find("opf:metadata/dc:title", NS).text == STRUCTURED_HEADINGS[0]


def test_identifier_is_a_stable_uuid_from_the_content() -> None:
    article = structured_article().article
    identifier = book_identifier(article)
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", identifier)
    assert book_identifier(structured_article().article) == identifier
    assert book_identifier(replace(article, title="Another title")) != identifier


def test_nav_lists_the_headings_in_order_and_nested(structured: Epub) -> None:
    toc = structured.nav.find(".//x:nav[@epub:type='toc']", NS)
    links = toc.findall(".//x:a", NS)
    assert [a.text for a in links] == STRUCTURED_HEADINGS
    ids = {element.get("id"): element for element in structured.text.iter() if element.get("id")}
    assert [ids[a.get("href").split("#")[1]].tag.split("}")[1] for a in links] == ["h1", "h2", "h3", "h2"]
    # "Numbers..." (h3) sits in the list under "Who borrows them" (h2), which sits under the title
    numbers = links[2].getparent()
    assert numbers.getparent().getparent() is links[1].getparent()
    assert links[1].getparent().getparent().getparent() is links[0].getparent()


def test_text_keeps_structure_and_leaves_out_chrome(structured: Epub) -> None:
    body = structured.text.find("x:body", NS)
    text = etree.tostring(body, method="text", encoding="unicode")
    assert "Home" not in text.split() and "Copyright" not in text
    assert len(body.findall(".//x:table/x:tr", NS)) == 3
    assert len(body.findall(".//x:ul/x:li", NS)) == 3
    assert body.find(".//x:p[@class='caption']", NS) is not None and CAPTION in text
    assert body.find(".//x:p[@class='byline']", NS) is not None


@pytest.mark.slow  # EPUBCheck (Java), a long synthesis or a trickling server: seconds each
def test_a_nested_list_stays_nested_and_passes_epubcheck(tmp_path: Path, cache: Path) -> None:
    """The nested <ul> sits inside its item's <li>, as in the player, and the outer list goes on after it."""
    path = write_epub3(prepare(extract_page(NESTED_LIST_PAGE)), tmp_path / "nested.epub", narrator(cache)).path
    checked = run_epubcheck(path)
    assert checked.returncode == 0 and "0 errors / 0 warnings" in checked.stdout, checked.stdout
    body = Epub(path).text.find("x:body", NS)
    (outer,) = body.findall("x:ol", NS)
    assert [li.findtext("x:span", namespaces=NS) for li in outer.findall("x:li", NS)] == [
        "Sign the building contract.", "Order the shelving.", "Open the doors."]
    nested = outer.findall("x:li", NS)[1].find("x:ul", NS)
    assert [li.findtext("x:span", namespaces=NS) for li in nested.findall("x:li", NS)] == [
        "Oak for the reading room.", "Steel for the stacks."]
    assert body.find("x:ul", NS) is None, "the nested list is not also a list of its own"
