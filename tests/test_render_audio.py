"""write_article_audio end to end on real articles with the real espeak engine; audio checked as audio."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from mutagen.id3 import ID3
from render_support import decode, onset_after, rms, silent_until

from readaloud.errors import OutputError, SpeechError
from readaloud.extract import extract_article
from readaloud.pipeline import prepare
from readaloud.render import read_vtt, write_article_audio
from readaloud.render.audio import PAUSE_BEFORE_HEADING_MS, PAUSE_BETWEEN_PARAGRAPHS_MS, pause_between
from readaloud.speak import AudioCache, EngineRegistry, Narrator, SpeechOptions
from readaloud.speak.espeak import EspeakEngine

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
CORPUS = REPO.parent / "shared" / "corpora" / "readability-test-pages"
RATE = 175


def load(path: Path):
    return prepare(extract_article(path.read_bytes()))


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return AudioCache(tmp_path_factory.mktemp("audio-cache"))


@pytest.fixture
def narrator(cache):
    return Narrator(SpeechOptions(rate=RATE), cache=cache)


@pytest.fixture(scope="module")
def slate():
    return load(SAMPLES / "slate-trump-russia.html")


@pytest.fixture(scope="module")
def german():
    path = next(SAMPLES.glob("de-*.html"))
    return load(path)


class OneEngineRegistry(EngineRegistry):
    """Hands the narrator one given engine whatever it asks for."""

    def __init__(self, engine) -> None:
        super().__init__()
        self.engine = engine

    def get(self, name=None):
        return self.engine


class FailingEspeak(EspeakEngine):
    """Failure injection: the real espeak engine, except that its Nth synthesis raises (mid-article)."""

    def __init__(self, fail_on_call: int) -> None:
        super().__init__()
        self.fail_on_call = fail_on_call
        self.calls = 0

    def synthesize(self, text, voice, rate):
        self.calls += 1
        if self.calls == self.fail_on_call:
            raise RuntimeError("the synthesiser crashed")
        return super().synthesize(text, voice, rate)


def test_sample_article_to_mp3_sounds_like_the_article(tmp_path, slate, narrator):
    result = write_article_audio(slate, tmp_path / "slate.mp3", narrator, "mp3")
    samples, rate = decode(result.path)
    seconds = len(samples) / rate
    words = sum(len(b.text.split()) for b in slate.spoken)
    expected = words / RATE * 60
    assert 0.8 * expected < seconds < 1.3 * expected, f"{seconds:.0f} s for {words} words at {RATE} wpm"
    assert abs(seconds * 1000 - result.duration_ms) < 100
    assert rms(samples) > 1000, "the MP3 is (nearly) silent"
    tags = ID3(result.path)
    assert tags["TLAN"].text == ["eng"]
    assert tags["TIT2"].text == [slate.title]
    assert tags["TPE1"].text == [slate.article.byline]
    chapters = [tags[f"CHAP:{i}"] for i in tags.getall("CTOC")[0].child_element_ids]
    assert [c.sub_frames["TIT2"].text[0] for c in chapters] == [slate.title]  # no section headings in it
    assert chapters[0].start_time == 0 and chapters[0].end_time == result.duration_ms


def test_german_article_has_deu_and_a_chapter_per_heading_where_the_heading_is_heard(tmp_path, german, narrator):
    result = write_article_audio(german, tmp_path / "de.mp3", narrator, "mp3")
    tags = ID3(result.path)
    assert tags["TLAN"].text == ["deu"]
    headings = [b.text for b in german.article.blocks if b.kind.value == "heading" and b.spoken]
    assert headings, "the German sample should have a section heading"
    toc = [tags[f"CHAP:{i}"] for i in tags.getall("CTOC")[0].child_element_ids]
    assert [c.sub_frames["TIT2"].text[0] for c in toc] == [german.title, *headings]
    assert_chapters_start_at_speech(result.path, german, result, narrator)


def assert_chapters_start_at_speech(path: Path, article, result, narrator) -> None:
    """Before each heading's chapter: its pause (silence). At it: the heading's speech, measured in the
    decoded file, within 50 ms of the chapter start plus the heading audio's own lead-in (espeak starts
    a plosive with ~50 ms of closure silence), and never before the chapter starts."""
    samples, rate = decode(path)
    blocks = {block.id: block for block in article.spoken}
    previous = 0
    for chapter in result.chapters[1:]:
        start = chapter.start_ms
        assert start > previous
        assert silent_until(samples, rate, start - PAUSE_BEFORE_HEADING_MS + 100, start - 5), f"no pause before {start} ms"
        heading = narrator.segment(blocks[chapter.block_id], article.lang)
        lead_in = onset_after(np.frombuffer(heading.pcm, dtype="<i2"), heading.sample_rate, 0)
        onset = onset_after(samples, rate, start - PAUSE_BEFORE_HEADING_MS + 100)
        assert -5 <= onset - start, f"speech at {onset} ms before its chapter at {start} ms"
        assert abs(onset - (start + lead_in)) <= 50, f"chapter at {start} ms (+{lead_in} lead-in), speech at {onset} ms"
        previous = start


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus (../shared/corpora) is not present")
def test_many_headings_give_ordered_chapters_at_their_speech(tmp_path, narrator):
    article = load(CORPUS / "mozilla-1" / "source.html")
    headings = [b.text for b in article.article.blocks if b.kind.value == "heading" and b.spoken]
    assert len(headings) >= 3
    result = write_article_audio(article, tmp_path / "m.mp3", narrator, "mp3")
    tags = ID3(result.path)
    toc = [tags[f"CHAP:{i}"] for i in tags.getall("CTOC")[0].child_element_ids]
    assert [c.sub_frames["TIT2"].text[0] for c in toc][1:] == [" ".join(h.split()) for h in headings]
    assert [c.start_time for c in toc] == [c.start_ms for c in result.chapters]
    assert all(a.end_time == b.start_time for a, b in zip(toc, toc[1:]))
    assert_chapters_start_at_speech(result.path, article, result, narrator)


def test_transcript_has_every_spoken_sentence_in_time_order_and_no_credits(tmp_path, slate, narrator):
    result = write_article_audio(slate, tmp_path / "slate.mp3", narrator, "mp3", transcript=True)
    assert result.transcript_path == tmp_path / "slate.vtt"
    assert result.transcript_path.read_text(encoding="utf-8").startswith("WEBVTT\n\n")
    cues = read_vtt(result.transcript_path)
    spoken_ids = [s.id for b in slate.spoken for s in b.sentences if s.text.strip()]
    assert [c.id for c in cues] == spoken_ids
    assert all(c.end_ms > c.start_ms for c in cues)
    assert all(a.end_ms <= b.start_ms for a, b in zip(cues, cues[1:]))
    assert cues[-1].end_ms <= result.duration_ms
    unspoken = [b.text for b in slate.article.blocks if not b.spoken]
    assert unspoken, "the sample has a photo credit kept for display"
    text = result.transcript_path.read_text(encoding="utf-8")
    assert not any(credit in text for credit in unspoken)
    # The first body sentence is heard where its cue says (MP3 priming included).
    samples, rate = decode(result.path)
    first_body = next(c for c in cues if c.id.startswith("b"))
    assert 0 <= onset_after(samples, rate, first_body.start_ms - 300) - first_body.start_ms <= 50


@pytest.mark.parametrize("fmt", ["wav", "flac", "ogg", "m4b"])
def test_other_formats_decode_with_the_right_duration(tmp_path, german, narrator, fmt):
    result = write_article_audio(german, tmp_path / f"de.{fmt}", narrator, fmt)
    samples, rate = decode(result.path)
    decoded_ms = len(samples) * 1000 / rate
    assert result.duration_ms - 5 <= decoded_ms <= result.duration_ms + 100  # AAC pads its last frame
    assert rms(samples) > 1000
    assert len(result.chapters) == 2


def test_pauses_separate_paragraphs_and_headings():
    from readaloud.model import Block, BlockKind

    paragraph = Block("b1", BlockKind.PARAGRAPH, "x")
    heading = Block("b2", BlockKind.HEADING, "x", level=2)
    assert pause_between(paragraph, paragraph) == PAUSE_BETWEEN_PARAGRAPHS_MS
    assert pause_between(paragraph, heading) == PAUSE_BEFORE_HEADING_MS > pause_between(heading, paragraph)


def test_progress_reports_every_block(tmp_path, german, narrator):
    calls = []
    write_article_audio(german, tmp_path / "de.mp3", narrator, progress=lambda done, total: calls.append((done, total)))
    total = len(german.spoken)
    assert calls == [(n, total) for n in range(1, total + 1)]


def test_an_engine_failing_mid_article_leaves_nothing_and_keeps_the_old_file(tmp_path, slate):
    target = tmp_path / "slate.mp3"
    target.write_bytes(b"yesterday's audio")
    engine = FailingEspeak(fail_on_call=10)
    failing = Narrator(SpeechOptions(rate=RATE), cache=None, registry=OneEngineRegistry(engine))
    with pytest.raises(SpeechError, match="failed while reading block"):
        write_article_audio(slate, target, failing, transcript=True)
    assert engine.calls >= 10  # the lookahead worker may have started one more block
    assert target.read_bytes() == b"yesterday's audio"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slate.mp3"]


def test_unwritable_output_fails_before_any_synthesis(tmp_path, slate):
    engine = FailingEspeak(fail_on_call=0)  # never fails; counts calls
    counting = Narrator(SpeechOptions(rate=RATE), cache=None, registry=OneEngineRegistry(engine))
    with pytest.raises(OutputError, match="does not exist"):
        write_article_audio(slate, tmp_path / "missing" / "slate.mp3", counting)
    assert engine.calls == 0



def test_an_article_with_nothing_to_read_writes_nothing(tmp_path, narrator):
    from readaloud.errors import NoArticleError
    from readaloud.model import Article, Block, BlockKind

    only_credit = Article(blocks=[Block("b1", BlockKind.CREDIT, "Photo: Jane Doe/Agency", spoken=False)])
    with pytest.raises(NoArticleError):
        write_article_audio(prepare(only_credit), tmp_path / "x.mp3", narrator)
    assert not list(tmp_path.iterdir())


def test_an_article_whose_text_makes_no_sound_is_no_article_and_writes_nothing(tmp_path, narrator):
    """espeak answers a dash or a zero-width space with silence: that is no article, not a silent MP3."""
    from readaloud.errors import NoArticleError
    from readaloud.model import Article, Block, BlockKind, Sentence

    dashes = Block("b1", BlockKind.PARAGRAPH, "----------", sentences=[Sentence("b1.s1", "----------", "", 0, 10)])
    invisible = Block("b2", BlockKind.PARAGRAPH, "\u200b\u200b", sentences=[Sentence("b2.s1", "\u200b\u200b", "\u200b\u200b", 0, 2)])
    with pytest.raises(NoArticleError, match="makes no sound"):
        write_article_audio(prepare(Article(blocks=[dashes, invisible])), tmp_path / "x.mp3", narrator, transcript=True)
    assert not list(tmp_path.iterdir())
