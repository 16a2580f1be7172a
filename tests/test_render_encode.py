"""AudioWriter with real speech from espeak, checked by decoding what it wrote."""

from __future__ import annotations

import errno
import os
import sys

import mutagen
import numpy as np
import pytest
from mutagen.id3 import ID3
from render_support import decode, onset_after, rms, silent_until

from readaloud.errors import OutputError
from readaloud.render.encode import FORMATS, MP3_PRIMING_SAMPLES, AudioWriter, check_output_path, format_spec
from readaloud.render.tags import AudioMetadata, iso639_2, tag_date
from readaloud.speak import get_engine

GAP_MS = 900


@pytest.fixture(scope="module")
def speech():
    """Two real utterances: what a heading and a paragraph sound like."""
    engine = get_engine("espeak")
    voice = engine.voice_for("en")
    first = engine.synthesize("The opening paragraph of a story.", voice, 175)
    second = engine.synthesize("Background and methods", voice, 175)
    return first, second


METADATA = AudioMetadata(title="A Title", artist="Jane Doe", album="Example News", language="de-DE", date="2021-03-04")


def write_two_parts(path, fmt, speech):
    """Speech, 900 ms silence, a chapter, speech: returns the writer (for positions) and the 2nd start in ms."""
    first, second = speech
    with AudioWriter(path, fmt, first.sample_rate, METADATA) as writer:
        writer.add_chapter("Opening", "title")
        writer.write(first.pcm)
        writer.write_silence(GAP_MS)
        chapter = writer.add_chapter("Background", "b3")
        writer.write(second.pcm)
    return writer, chapter.start_ms


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_decodes_to_the_speech_written(tmp_path, speech, fmt):
    path = tmp_path / f"out{FORMATS[fmt].extension}"
    writer, _ = write_two_parts(path, fmt, speech)
    samples, rate = decode(path)
    assert rate == speech[0].sample_rate
    written = writer.samples_written
    # Decoded length: what was written, plus codec priming/padding (under 100 ms for mp3 and AAC).
    assert written <= len(samples) <= written + rate // 10
    assert rms(samples) > 500, "the file is (nearly) silent"
    assert not list(tmp_path.glob(".*.part")), "temporary file left behind"


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_chapter_start_is_where_its_speech_starts(tmp_path, speech, fmt):
    path = tmp_path / f"out{FORMATS[fmt].extension}"
    _, chapter_ms = write_two_parts(path, fmt, speech)
    samples, rate = decode(path)
    # The pause before the chapter is silent in the decoded file, and speech starts within 50 ms after.
    assert silent_until(samples, rate, chapter_ms - GAP_MS + 150, chapter_ms - 5)
    assert 0 <= onset_after(samples, rate, chapter_ms - GAP_MS + 150) - chapter_ms <= 50


def test_mp3_positions_include_the_decoder_priming(tmp_path, speech):
    writer, chapter_ms = write_two_parts(tmp_path / "out.mp3", "mp3", speech)
    expected = (len(speech[0].pcm) // 2 + round(GAP_MS * writer.sample_rate / 1000) + MP3_PRIMING_SAMPLES) * 1000 / writer.sample_rate
    assert chapter_ms == round(expected)


def test_mp3_tags_and_ordered_table_of_contents(tmp_path, speech):
    path = tmp_path / "out.mp3"
    write_two_parts(path, "mp3", speech)
    tags = ID3(path)
    assert tags["TIT2"].text == ["A Title"]
    assert tags["TPE1"].text == ["Jane Doe"]
    assert tags["TALB"].text == ["Example News"]
    assert tags["TLAN"].text == ["deu"]
    assert str(tags["TDRC"].text[0]) == "2021-03-04"
    toc = tags.getall("CTOC")[0]
    assert toc.flags == 3  # top-level | ordered
    chapters = [tags[f"CHAP:{element_id}"] for element_id in toc.child_element_ids]
    assert [c.sub_frames["TIT2"].text[0] for c in chapters] == ["Opening", "Background"]
    assert chapters[0].start_time == 0 < chapters[1].start_time == chapters[0].end_time < chapters[1].end_time


@pytest.mark.parametrize("fmt", ["flac", "ogg"])
def test_vorbis_comments_carry_tags_and_chapters(tmp_path, speech, fmt):
    path = tmp_path / f"out.{fmt}"
    _, chapter_ms = write_two_parts(path, fmt, speech)
    tags = mutagen.File(path).tags
    assert tags["TITLE"] == ["A Title"] and tags["ARTIST"] == ["Jane Doe"] and tags["LANGUAGE"] == ["deu"]
    assert tags["CHAPTER001"] == ["00:00:00.000"] and tags["CHAPTER001NAME"] == ["Opening"]
    seconds, millis = divmod(chapter_ms, 1000)
    assert tags["CHAPTER002"] == [f"00:00:{seconds:02d}.{millis:03d}"] and tags["CHAPTER002NAME"] == ["Background"]


def test_wav_carries_id3_chapters(tmp_path, speech):
    path = tmp_path / "out.wav"
    write_two_parts(path, "wav", speech)
    tags = mutagen.File(path).tags
    assert tags["TIT2"].text == ["A Title"] and len(tags.getall("CHAP")) == 2


def test_m4b_metadata_and_chapters(tmp_path, speech):
    av = pytest.importorskip("av")
    path = tmp_path / "out.m4b"
    _, chapter_ms = write_two_parts(path, "m4b", speech)
    with av.open(str(path)) as container:
        chapters = container.chapters()
        assert container.metadata["title"] == "A Title"
        assert container.streams.audio[0].metadata["language"] == "deu"
    assert [c["metadata"]["title"] for c in chapters] == ["Opening", "Background"]
    assert abs(chapters[1]["start"] * chapters[1]["time_base"] * 1000 - chapter_ms) <= 1
    assert mutagen.File(path).tags["\xa9nam"] == ["A Title"]


@pytest.mark.parametrize("failure", [RuntimeError("encoder exploded"), KeyboardInterrupt()])
def test_a_failure_leaves_no_partial_file_and_keeps_the_old_one(tmp_path, speech, failure):
    path = tmp_path / "story.mp3"
    path.write_bytes(b"the listener's previous file")
    with pytest.raises(type(failure)):
        with AudioWriter(path, "mp3", speech[0].sample_rate, METADATA) as writer:
            writer.write(speech[0].pcm)
            raise failure
    assert path.read_bytes() == b"the listener's previous file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.mp3"]


def test_a_full_disk_at_the_end_is_the_one_sentence_and_keeps_the_old_file(tmp_path, speech, monkeypatch):
    """The rename into place fails (ENOSPC here stands for any refusal): files.write_error's sentence."""
    path = tmp_path / "story.wav"
    path.write_bytes(b"old")

    def full(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(OutputError) as caught:
        with AudioWriter(path, "wav", speech[0].sample_rate) as writer:
            writer.write(speech[0].pcm)
            monkeypatch.setattr(os, "replace", full)
    assert str(caught.value) == f"cannot write {path}: no space left on device."
    assert path.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["story.wav"]


def test_a_new_file_replaces_the_old_one_only_when_complete(tmp_path, speech):
    path = tmp_path / "story.ogg"
    path.write_bytes(b"old")
    write_two_parts(path, "ogg", speech)
    assert decode(path)[0].size > 0


@pytest.mark.parametrize(
    "where, phrase",
    [
        ("missing/out.mp3", "does not exist"),
        ("a-file/out.mp3", "is not a folder"),
        (".", "is a folder"),
    ],
)
def test_unwritable_paths_fail_with_one_sentence(tmp_path, where, phrase):
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(OutputError, match=phrase):
        check_output_path(tmp_path / where)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_a_folder_the_system_refuses_is_reported_before_writing():
    with pytest.raises(OutputError, match="not writable"):
        AudioWriter("/proc/readaloud-test.mp3", "mp3", 22050)


def test_a_missing_encoder_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "av", None)  # how Python itself marks a module as absent
    with pytest.raises(OutputError, match=r"pip install 'readaloud\[m4b\]'"):
        format_spec("m4b")


def test_pcm_must_be_whole_samples(tmp_path):
    with pytest.raises(ValueError):
        with AudioWriter(tmp_path / "x.wav", "wav", 22050) as writer:
            writer.write(b"\x00\x01\x02")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "tag, code", [("en", "eng"), ("en-GB", "eng"), ("de", "deu"), ("fr-CA", "fra"), ("es", "spa"), ("pt_BR", "por"), ("zh-Hans", "zho"), ("xx", ""), ("", "")]
)
def test_three_letter_language_codes(tag, code):
    assert iso639_2(tag) == code


def test_metadata_from_article_prefers_the_byline_without_its_by():
    from readaloud.model import Article

    article = Article(title=" T ", byline="By Jane Doe", site="Slate", lang="en", published="2017-05-12T10:00:00Z")
    metadata = AudioMetadata.from_article(article)
    assert (metadata.title, metadata.artist, metadata.album, metadata.date) == ("T", "Jane Doe", "Slate", "2017-05-12")
    assert AudioMetadata.from_article(Article(site="Slate")).artist == "Slate"
    assert tag_date("May 12, 2017") == ""


def test_encoding_memory_does_not_hold_the_audio(tmp_path, speech):
    """Ten minutes of speech through the writer: the process grows by far less than the 26 MB of PCM."""
    psutil = pytest.importorskip("psutil")
    process = psutil.Process()
    pcm = speech[0].pcm
    repeats = (10 * 60 * speech[0].sample_rate * 2) // len(pcm)
    before = process.memory_info().rss
    with AudioWriter(tmp_path / "long.mp3", "mp3", speech[0].sample_rate) as writer:
        for _ in range(repeats):
            writer.write(pcm)
    grown = process.memory_info().rss - before
    assert grown < 8 * 1024 * 1024, f"grew by {grown / 1e6:.1f} MB"
    assert abs(decode(tmp_path / "long.mp3")[0].size / speech[0].sample_rate - 600) < 5


@pytest.mark.parametrize("fmt", ["mp3", "flac"])
def test_inline_encoding_writes_the_same_audio_as_background_encoding(tmp_path, speech, fmt):
    """Batch workers encode in their own thread (background=False); the file must not change."""
    first, second = speech
    decoded = []
    for background in (True, False):
        path = tmp_path / f"{background}{FORMATS[fmt].extension}"
        with AudioWriter(path, fmt, first.sample_rate, METADATA, background=background) as writer:
            writer.write(first.pcm)
            writer.write_silence(GAP_MS)
            writer.write(second.pcm)
        decoded.append(decode(path)[0])
    assert len(decoded[0]) == len(decoded[1]) and np.array_equal(decoded[0], decoded[1])
    assert rms(decoded[1]) > 500


@pytest.mark.parametrize("fmt", ["mp3", "wav"])
def test_a_file_with_no_audio_closes_cleanly(tmp_path, fmt):
    """lameenc's flush raised "Not currently encoding" when nothing was encoded: a traceback."""
    path = tmp_path / f"empty.{fmt}"
    with AudioWriter(path, fmt, 22050, METADATA) as writer:
        writer.add_chapter("Opening", "title")
    assert writer.samples_written == 0
    tags = ID3(path) if fmt == "mp3" else mutagen.File(path).tags  # no MPEG frame for mutagen.File to find
    assert tags["TIT2"].text == ["A Title"]
