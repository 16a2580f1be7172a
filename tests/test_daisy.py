"""DAISY 2.02 full text and audio: every link resolves, every clip is real audio, the NCC is complete."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from book_support import CAPTION, STRUCTURED_HEADINGS, narrator, sample_article, structured_article
from lxml import etree
from render_support import decode, rms
from test_render_layout import NESTED_LIST_PAGE

from readaloud.errors import OutputError
from readaloud.pipeline import extract_page, prepare
from readaloud.render.daisy import write_daisy

X = "{http://www.w3.org/1999/xhtml}"
NPT = re.compile(r"^npt=(\d+\.\d{3})s$")
HMS = re.compile(r"^(\d\d):(\d\d):(\d\d)$")
SPEECH_RMS = 300  # as in test_epub3: speech, not encoder noise in silence

# Every metadata element the DAISY 2.02 tables call mandatory for an audioFullText book with no pages.
MANDATORY_NCC_METADATA = [
    "dc:title", "dc:creator", "dc:date", "dc:format", "dc:identifier", "dc:language", "dc:publisher",
    "ncc:charset", "ncc:pageFront", "ncc:pageNormal", "ncc:pageSpecial", "ncc:tocItems", "ncc:totalTime",
    "ncc:setInfo", "ncc:footnotes", "ncc:prodNotes", "ncc:sidebars",
]
RECOMMENDED_NCC_METADATA = ["ncc:generator", "ncc:depth", "ncc:files", "ncc:maxPageNormal", "ncc:multimediaType",
                            "ncc:narrator"]


def npt_ms(value: str) -> int:
    return round(float(NPT.match(value).group(1)) * 1000)


def hms_seconds(value: str) -> int:
    hours, minutes, seconds = (int(part) for part in HMS.match(value).groups())
    return (hours * 60 + minutes) * 60 + seconds


class Book:
    """A DAISY folder, parsed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.ncc = etree.parse(str(folder / "ncc.html")).getroot()
        self.content = etree.parse(str(folder / "content.html")).getroot()
        self.content_ids = {e.get("id"): e for e in self.content.iter() if e.get("id")}

    def meta(self, root: etree._Element | None = None) -> dict[str, str]:
        root = self.ncc if root is None else root
        return {m.get("name"): m.get("content") for m in root.iter(f"{X}meta", "meta") if m.get("name")}

    def ncc_headings(self) -> list[etree._Element]:
        return [e for e in self.ncc.find(f"{X}body") if re.fullmatch(rf"{re.escape(X)}h[1-6]", e.tag)]

    def smil(self, name: str) -> etree._Element:
        return etree.parse(str(self.folder / name)).getroot()


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("audio-cache")


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory, cache: Path) -> Book:
    folder = tmp_path_factory.mktemp("daisy") / "Library-Book"
    result = write_daisy(structured_article(), folder, narrator(cache))
    assert result.path == folder and result.duration_ms > 10_000
    return Book(folder)


def test_fileset_is_complete_and_nothing_else_is_left(book: Book) -> None:
    names = sorted(p.name for p in book.folder.iterdir())
    assert names == sorted(
        ["ncc.html", "content.html", "master.smil"] + [f"s000{i}.smil" for i in range(1, 5)]
        + [f"s000{i}.mp3" for i in range(1, 5)]
    )
    assert not [p for p in book.folder.parent.iterdir() if p.name.startswith(".")], "no build folder left behind"


def test_ncc_has_the_required_metadata(book: Book) -> None:
    meta = book.meta()
    missing = [name for name in MANDATORY_NCC_METADATA + RECOMMENDED_NCC_METADATA if not meta.get(name)]
    assert not missing
    assert meta["dc:format"] == "Daisy 2.02" and meta["ncc:multimediaType"] == "audioFullText"
    assert meta["ncc:charset"] == "utf-8" and meta["dc:language"] == "en"
    assert meta["dc:title"] == STRUCTURED_HEADINGS[0] and meta["dc:creator"] == "Ada Reader"
    assert meta["ncc:pageNormal"] == "0" and meta["ncc:setInfo"] == "1 of 1"
    assert int(meta["ncc:files"]) == len(list(book.folder.iterdir()))
    assert int(meta["ncc:tocItems"]) == len(book.ncc_headings()) == 4
    assert meta["ncc:depth"] == "3"
    assert meta["dc:identifier"].startswith("urn:uuid:")
    assert "espeak" in meta["ncc:narrator"]


def test_ncc_lists_every_heading_in_order_linked_to_its_smil(book: Book) -> None:
    headings = book.ncc_headings()
    assert [h.findtext(f"{X}a") for h in headings] == STRUCTURED_HEADINGS
    assert [h.tag[len(X):] for h in headings] == ["h1", "h2", "h3", "h2"]
    assert headings[0].get("class") == "title"
    for heading in headings:
        smil_name, fragment = heading.find(f"{X}a").get("href").split("#")
        text = book.smil(smil_name).find(f".//text[@id='{fragment}']")
        assert text is not None, f"{smil_name}#{fragment} does not exist"
        sentence = book.content_ids[text.get("src").split("#")[1]]
        target = sentence.getparent()
        assert target.tag == heading.tag, "the NCC entry lands on the same heading in the text"
        assert "".join(target.itertext()).strip() == heading.findtext(f"{X}a")


def test_every_clip_points_at_real_audio_and_existing_text(book: Book) -> None:
    master_refs = [ref.get("src") for ref in book.smil("master.smil").iter("ref")]
    assert master_refs == [f"s000{i}.smil" for i in range(1, 5)]
    elapsed_s = 0
    for name in master_refs:
        smil = book.smil(name)
        meta = book.meta(smil)
        assert meta["dc:format"] == "Daisy 2.02"
        assert hms_seconds(meta["ncc:totalElapsedTime"]) == pytest.approx(elapsed_s, abs=1)
        assert smil.find("head/layout/region").get("id") == "txtView"
        pars = smil.findall("body/seq/par")
        assert pars
        audio_cache: dict[str, tuple] = {}
        previous_end = 0
        for par in pars:
            text, audio = par.find("text"), par.find("audio")
            assert text.get("src").split("#")[0] == "content.html"
            assert text.get("src").split("#")[1] in book.content_ids
            src = audio.get("src")
            assert (book.folder / src).is_file()
            samples, rate = audio_cache.setdefault(src, decode(book.folder / src))
            begin, end = npt_ms(audio.get("clip-begin")), npt_ms(audio.get("clip-end"))
            assert begin == previous_end and begin < end <= len(samples) * 1000 / rate + 1
            assert rms(samples[begin * rate // 1000 : end * rate // 1000]) > SPEECH_RMS
            previous_end = end
        seq_dur = float(smil.find("body/seq").get("dur").rstrip("s"))
        assert seq_dur * 1000 == pytest.approx(previous_end, abs=1)
        assert hms_seconds(meta["ncc:timeInThisSmil"]) == pytest.approx(seq_dur, abs=1)
        elapsed_s += seq_dur
    assert hms_seconds(book.meta()["ncc:totalTime"]) == pytest.approx(elapsed_s, abs=1)


def test_content_has_every_sentence_and_the_unread_caption(book: Book) -> None:
    read = {
        par.find("text").get("src").split("#")[1]
        for name in (f"s000{i}.smil" for i in range(1, 5))
        for par in book.smil(name).iter("par")
    }
    spans = {e.get("id") for e in book.content.iter(f"{X}span")}
    caption = next(e for e in book.content.iter(f"{X}p") if e.get("class") == "caption")
    assert "".join(caption.itertext()) == CAPTION
    caption_spans = {e.get("id") for e in caption.iter(f"{X}span")}
    assert read == spans - caption_spans
    assert book.content.find(f"{X}body/{X}table") is not None and book.content.find(f"{X}body/{X}ul") is not None


def test_a_real_article_in_german(tmp_path: Path, cache: Path, samples_dir: Path) -> None:
    article = sample_article(samples_dir, "de-stadtbibliothek.html")
    book = Book(write_daisy(article, tmp_path / "de", narrator(cache)).path)
    meta = book.meta()
    assert meta["dc:language"] == "de" and meta["dc:title"] == article.title
    assert book.content.get("lang") == "de"
    assert book.ncc_headings()[0].findtext(f"{X}a") == article.title


def test_refuses_to_overwrite_an_existing_folder(tmp_path: Path, cache: Path) -> None:
    (tmp_path / "Book").mkdir()
    with pytest.raises(OutputError, match="already exists"):
        write_daisy(structured_article(), tmp_path / "Book", narrator(cache))


def test_a_page_without_title_opens_on_its_first_heading(tmp_path: Path, cache: Path) -> None:
    from readaloud.model import Article, Block, BlockKind
    from readaloud.pipeline import prepare

    article = prepare(Article(lang="en", blocks=[
        Block("b1", BlockKind.HEADING, "Opening hours", level=2),
        Block("b2", BlockKind.PARAGRAPH, "Every branch opens at nine and closes at six, Monday to Saturday."),
        Block("b3", BlockKind.HEADING, "Holidays", level=2),
        Block("b4", BlockKind.PARAGRAPH, "On public holidays only the central library opens, from ten to four."),
    ]))
    book = Book(write_daisy(article, tmp_path / "untitled", narrator(cache)).path)
    headings = book.ncc_headings()
    assert [h.findtext(f"{X}a") for h in headings] == ["Opening hours", "Holidays"]
    assert [h.tag[len(X):] for h in headings] == ["h1", "h2"] and headings[0].get("class") == "title"
    for heading in headings:
        smil_name, fragment = heading.find(f"{X}a").get("href").split("#")
        assert book.smil(smil_name).find(f".//text[@id='{fragment}']") is not None
    assert book.meta()["dc:title"] == "Opening hours"


def test_a_page_without_title_or_heading_opens_on_a_placeholder_title(tmp_path: Path, cache: Path) -> None:
    from readaloud.model import Article, Block, BlockKind
    from readaloud.pipeline import prepare

    article = prepare(Article(lang="en", blocks=[
        Block("b1", BlockKind.PARAGRAPH, "Every branch opens at nine and closes at six, Monday to Saturday."),
    ]))
    book = Book(write_daisy(article, tmp_path / "untitled", narrator(cache)).path)
    (heading,) = book.ncc_headings()
    smil_name, fragment = heading.find(f"{X}a").get("href").split("#")
    text = book.smil(smil_name).find(f".//text[@id='{fragment}']")
    assert text.get("src") == "content.html#b1.s1", "navigation lands on the first sentence that is heard"


def test_a_nested_list_stays_nested(tmp_path: Path, cache: Path) -> None:
    """The nested <ul> sits inside its item's <li>, as in the player, and every item's sentence is read."""
    book = Book(write_daisy(prepare(extract_page(NESTED_LIST_PAGE)), tmp_path / "nested", narrator(cache)).path)
    body = book.content.find(f"{X}body")
    (outer,) = body.findall(f"{X}ol")
    items = outer.findall(f"{X}li")
    assert [li.findtext(f"{X}span") for li in items] == ["Sign the building contract.", "Order the shelving.",
                                                          "Open the doors."]
    nested = items[1].find(f"{X}ul")
    assert [li.findtext(f"{X}span") for li in nested.findall(f"{X}li")] == ["Oak for the reading room.",
                                                                            "Steel for the stacks."]
    assert body.find(f"{X}ul") is None, "the nested list is not also a list of its own"
    read = {par.find("text").get("src").split("#")[1] for par in book.smil("s0001.smil").iter("par")}
    assert {span.get("id") for span in nested.iter(f"{X}span")} <= read


def test_narration_streams_piece_by_piece_and_a_long_sentence_is_one_clip(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No block is held whole (as in the MP3): a sentence longer than one synthesis is still one clip."""
    from readaloud.model import Article, Block, BlockKind
    from readaloud.speak import Narrator
    from readaloud.speak.narrator import MAX_SPEECH_CHARS

    def whole_block(*args: object, **kwargs: object) -> None:
        raise AssertionError("a whole block's audio was asked for")

    monkeypatch.setattr(Narrator, "segments", whole_block)
    monkeypatch.setattr(Narrator, "segment", whole_block)
    article = prepare(Article(title="Opening hours", lang="en", blocks=[
        Block("b1", BlockKind.PARAGRAPH, "The reading room stays open late. Then it closes. Then it opens again."),
    ]))
    first = next(block for block in article.spoken if block.id == "b1").sentences[0]
    clause = "the reading room stays open late on every weekday evening"
    first.speech = " ".join([clause] * (MAX_SPEECH_CHARS // len(clause) + 2))  # two syntheses, as a long number can
    book = Book(write_daisy(article, tmp_path / "long", narrator(cache)).path)
    pars = list(book.smil("s0001.smil").iter("par"))
    assert [par.find("text").get("src").split("#")[1] for par in pars] == ["title.s1", "b1.s1", "b1.s2", "b1.s3"]
    begins = [npt_ms(par.find("audio").get("clip-begin")) for par in pars]
    assert begins[2] - begins[1] > 5 * (begins[3] - begins[2]), "the long sentence's clip holds both its parts"
