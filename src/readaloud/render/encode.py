"""Stream mono 16-bit PCM into an audio file (mp3, wav, ogg, flac, m4b) that appears only when complete.

:class:`AudioWriter` takes PCM chunks as they are synthesised and hands them to the format's encoder on
a worker thread (lameenc, libsndfile and PyAV release the GIL while encoding, so encoding overlaps
synthesis on a second core); memory holds a few chunks, never the whole article. The file is written
under a hidden temporary name in the target folder and renamed over the target only once it is complete
and tagged: an error or Ctrl-C deletes the temporary file and leaves any existing file untouched.
"""

from __future__ import annotations

import importlib.util
import os
import queue
import threading
import wave
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Protocol

from ..errors import OutputError
from ..files import staged_write, write_error
from .chapters import Chapter, add_id3_chapters, av_chapters, close_chapters, vorbis_chapter_comments
from .tags import AudioMetadata


@dataclass(frozen=True)
class FormatSpec:
    """An output format: its file extension, the Python module that encodes it and how to install that."""

    name: str
    extension: str
    module: str
    install: str


# Every format ``--format`` accepts. The install hints are what a user must run when the module is missing.
FORMATS: dict[str, FormatSpec] = {
    "mp3": FormatSpec("mp3", ".mp3", "lameenc", "pip install lameenc"),
    "wav": FormatSpec("wav", ".wav", "wave", ""),
    "ogg": FormatSpec("ogg", ".ogg", "soundfile", "pip install soundfile"),
    "flac": FormatSpec("flac", ".flac", "soundfile", "pip install soundfile"),
    "m4b": FormatSpec("m4b", ".m4b", "av", "pip install 'readaloud[m4b]' (PyAV, which bundles ffmpeg's AAC encoder)"),
}

# MP3 for speech: 64 kbps constant bit rate, mono, at the voice's own sample rate (espeak and piper give
# 22,050 Hz, i.e. MPEG-2 layer III). CBR keeps seeking exact without a Xing table. Quality 5 ("good")
# measured 2x faster than 2 ("high") on 32 minutes of espeak speech (4.9 s vs 9.1 s) with no audible
# difference on speech at this bit rate.
MP3_BITRATE_KBPS = 64
MP3_QUALITY = 5
# Samples of silence a decoder puts before the first written sample: LAME's encoder delay (576) plus the
# MP3 decoder delay (528 + 1). lameenc writes no LAME/Xing info tag that would let a gapless decoder trim
# it, so every decoder plays it; chapter and transcript times add it. Measured: a tone written at sample
# 22,050 decodes (libsndfile/mpg123) with its onset at 23,155-23,157.
MP3_PRIMING_SAMPLES = 576 + 529
# AAC in M4B: ffmpeg's encoder writes an edit list that hides its priming, so decoded time 0 is our sample 0.
M4B_BITRATE = 64_000
# libsndfile's Vorbis encoder has crashed on very large single writes; 4,096 frames is its own block size.
SOUNDFILE_BLOCK_FRAMES = 4096
# Chunks (one sentence of speech, at most about 5 MB, or one pause each) queued for the encoder
# thread: bounds memory, keeps it busy.
QUEUE_DEPTH = 8


def format_spec(fmt: str) -> FormatSpec:
    """The format named ``fmt``, after checking its encoder is installed (else an OutputError saying what to install)."""
    spec = FORMATS.get(fmt)
    if spec is None:
        raise OutputError(f"unknown audio format '{fmt}'; choose one of {', '.join(FORMATS)}.")
    if importlib.util.find_spec(spec.module) is None:
        raise OutputError(f"writing {fmt} needs the Python package '{spec.module}', which is not installed: {spec.install}.")
    _check_codec(spec)
    return spec


def _check_codec(spec: FormatSpec) -> None:
    """The module may be present but built without the codec (a system libsndfile without Vorbis, say)."""
    if spec.module == "soundfile":
        import soundfile

        container, subtype = _SOUNDFILE_FORMATS[spec.name]
        if not soundfile.check_format(container, subtype):
            raise OutputError(
                f"the installed libsndfile cannot write {spec.name}; reinstall soundfile from PyPI, whose wheel bundles one that can: pip install --force-reinstall soundfile."
            )
    elif spec.module == "av":
        import av
        from av.container import OutputContainer

        if "aac" not in av.codecs_available or not hasattr(OutputContainer, "set_chapters"):
            raise OutputError(f"m4b needs a PyAV with an AAC encoder and chapter support (PyAV 14 or newer): {spec.install}.")


def check_output_path(path: str | os.PathLike[str]) -> Path:
    """Fail before any synthesis if ``path`` cannot be written, with one sentence saying why."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise OutputError(f"{target} is a folder; give a file name to write, such as {target / 'article.mp3'}.")
    staged_write(target).discard()  # a probe: the same temporary the real write will make
    return target


class _Sink(Protocol):
    """One format's encoder writing to the temporary file."""

    delay_samples: int

    def write(self, pcm: bytes) -> None: ...

    def finish(self, chapters: list[Chapter]) -> None:
        """Flush the encoder, close the file and write the tags (metadata and chapters)."""

    def abort(self) -> None:
        """Release the file without completing it."""


def _fill_id3(tags, metadata: AudioMetadata, chapters: list[Chapter]) -> None:
    from mutagen.id3 import TALB, TDRC, TIT2, TLAN, TPE1

    frames = [(TIT2, metadata.title), (TPE1, metadata.artist), (TALB, metadata.album), (TLAN, metadata.language_code), (TDRC, metadata.date)]
    for frame, value in frames:
        if value:
            tags.add(frame(encoding=3, text=[value]))
    add_id3_chapters(tags, chapters)


def _import_id3() -> None:
    """Import the ID3 tagger while the encoder thread finishes the last audio: lameenc releases the
    GIL, so the 7-9 ms of importing mutagen run beside it instead of after it (short articles)."""
    import mutagen.id3  # noqa: F401


class _Mp3Sink:
    delay_samples = MP3_PRIMING_SAMPLES

    def __init__(self, path: Path, sample_rate: int, metadata: AudioMetadata) -> None:
        import lameenc

        self._path, self._metadata = path, metadata
        self._encoder = lameenc.Encoder()
        self._encoder.set_bit_rate(MP3_BITRATE_KBPS)
        self._encoder.set_in_sample_rate(sample_rate)
        self._encoder.set_out_sample_rate(sample_rate)  # no resampling: keeps the priming delay exact
        self._encoder.set_channels(1)
        self._encoder.set_quality(MP3_QUALITY)
        self._file = open(path, "wb")
        self._encoded = False  # lameenc's flush raises "Not currently encoding" before any encode

    def write(self, pcm: bytes) -> None:
        self._file.write(self._encoder.encode(pcm))
        self._encoded = True

    def finish(self, chapters: list[Chapter]) -> None:
        from mutagen.id3 import ID3

        if self._encoded:
            self._file.write(self._encoder.flush())
        self._file.close()
        tags = ID3()
        _fill_id3(tags, self._metadata, chapters)
        tags.save(self._path)

    def abort(self) -> None:
        self._file.close()


class _WavSink:
    delay_samples = 0

    def __init__(self, path: Path, sample_rate: int, metadata: AudioMetadata) -> None:
        self._path, self._metadata = path, metadata
        self._file = wave.open(str(path), "wb")
        self._file.setnchannels(1)
        self._file.setsampwidth(2)
        self._file.setframerate(sample_rate)

    def write(self, pcm: bytes) -> None:
        self._file.writeframesraw(pcm)

    def finish(self, chapters: list[Chapter]) -> None:
        """WAV carries tags and chapters in an ``id3 `` chunk (read by mutagen, foobar2000, Mp3tag)."""
        from mutagen.wave import WAVE

        self._file.close()
        audio = WAVE(self._path)
        audio.add_tags()
        _fill_id3(audio.tags, self._metadata, chapters)
        audio.save()

    def abort(self) -> None:
        self._file.close()


# format -> (libsndfile container, subtype)
_SOUNDFILE_FORMATS = {"flac": ("FLAC", "PCM_16"), "ogg": ("OGG", "VORBIS")}


class _SoundfileSink:
    delay_samples = 0

    def __init__(self, path: Path, sample_rate: int, metadata: AudioMetadata, fmt: str) -> None:
        import soundfile

        self._path, self._metadata, self._fmt = path, metadata, fmt
        container, subtype = _SOUNDFILE_FORMATS[fmt]
        self._file = soundfile.SoundFile(path, "w", samplerate=sample_rate, channels=1, format=container, subtype=subtype)

    def write(self, pcm: bytes) -> None:
        import numpy as np  # here, not at the top: the MP3 path and `readaloud extract` never need it

        samples = np.frombuffer(pcm, dtype="<i2")
        for start in range(0, len(samples), SOUNDFILE_BLOCK_FRAMES):
            self._file.write(samples[start : start + SOUNDFILE_BLOCK_FRAMES])

    def finish(self, chapters: list[Chapter]) -> None:
        from mutagen.flac import FLAC
        from mutagen.oggvorbis import OggVorbis

        self._file.close()
        audio = FLAC(self._path) if self._fmt == "flac" else OggVorbis(self._path)
        if audio.tags is None:
            audio.add_tags()
        tags = audio.tags
        assert tags is not None, "add_tags() gives the file its (empty) Vorbis comments"
        for key, value in {**self._metadata.vorbis_comments(), **vorbis_chapter_comments(chapters)}.items():
            tags[key] = value
        audio.save()

    def abort(self) -> None:
        self._file.close()


class _M4bSink:
    delay_samples = 0

    def __init__(self, path: Path, sample_rate: int, metadata: AudioMetadata) -> None:
        import av

        self._sample_rate, self._pts = sample_rate, 0
        # "ipod" is ffmpeg's MP4 flavour for .m4a/.m4b (audio-only brand); its moov atom, written at close,
        # carries the metadata and the chapters.
        self._container = av.open(str(path), "w", format="ipod")
        self._container.metadata.update(metadata.mp4_metadata())
        self._stream = self._container.add_stream("aac", rate=sample_rate, layout="mono")
        self._stream.bit_rate = M4B_BITRATE
        if metadata.language_code:
            self._stream.metadata["language"] = metadata.language_code

    def write(self, pcm: bytes) -> None:
        import av
        import numpy as np

        samples = np.frombuffer(pcm, dtype="<i2").reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
        frame.sample_rate, frame.pts = self._sample_rate, self._pts
        self._pts += samples.shape[1]
        self._container.mux(self._stream.encode(frame))

    def finish(self, chapters: list[Chapter]) -> None:
        self._container.mux(self._stream.encode(None))
        if chapters:
            self._container.set_chapters(av_chapters(chapters))
        self._container.close()

    def abort(self) -> None:
        self._container.close()


def _open_sink(fmt: str, path: Path, sample_rate: int, metadata: AudioMetadata) -> _Sink:
    if fmt == "mp3":
        return _Mp3Sink(path, sample_rate, metadata)
    if fmt == "wav":
        return _WavSink(path, sample_rate, metadata)
    if fmt in _SOUNDFILE_FORMATS:
        return _SoundfileSink(path, sample_rate, metadata, fmt)
    return _M4bSink(path, sample_rate, metadata)


class _EncoderThread:
    """Feeds a sink from a bounded queue on a worker thread; re-raises the worker's error in the caller.

    After a failure the worker keeps draining (and dropping) chunks, so the producer can never block
    on a full queue; the error surfaces at the next ``put`` or at ``drain``.
    """

    _STOP = None

    def __init__(self, sink: _Sink) -> None:
        self._sink = sink
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=QUEUE_DEPTH)
        self._error: BaseException | None = None
        self._cancelled = threading.Event()
        self._thread = threading.Thread(target=self._run, name="readaloud-encoder", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (chunk := self._queue.get()) is not self._STOP:
            if self._error is None and not self._cancelled.is_set():
                try:
                    self._sink.write(chunk)
                except BaseException as error:  # re-raised in the producer's thread
                    self._error = error

    def put(self, chunk: bytes) -> None:
        self._raise_error()
        self._queue.put(chunk)

    def drain(self) -> None:
        """Wait until every queued chunk is encoded."""
        self._queue.put(self._STOP)
        self._thread.join()
        self._raise_error()

    def cancel(self) -> None:
        """Stop after the chunk being encoded; queued chunks are dropped."""
        self._cancelled.set()
        if self._thread.is_alive():
            self._queue.put(self._STOP)
            self._thread.join()

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error


class _InlineEncoder:
    """The same interface as :class:`_EncoderThread`, encoding in the caller's thread."""

    def __init__(self, sink: _Sink) -> None:
        self._sink = sink

    def put(self, chunk: bytes) -> None:
        self._sink.write(chunk)

    def drain(self) -> None:
        pass

    def cancel(self) -> None:
        pass


class AudioWriter:
    """Write one audio file from mono s16le PCM chunks; use as a context manager.

    ``position_ms`` is where the next chunk will be heard when the finished file is played (including
    the codec's priming silence), which is what chapter marks and transcript cues need.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        fmt: str,
        sample_rate: int,
        metadata: AudioMetadata | None = None,
        background: bool = True,
    ) -> None:
        """``background=False`` encodes in the caller's thread, for workers of a process pool."""
        self.spec = format_spec(fmt)
        self.path = check_output_path(path)
        self.sample_rate = sample_rate
        self.metadata = metadata or AudioMetadata()
        self.chapters: list[Chapter] = []
        self._samples = 0
        self._closed = False
        self._staged = staged_write(self.path)
        try:
            self._sink = _open_sink(fmt, self._staged.temp, sample_rate, self.metadata)
        except BaseException:
            self._staged.discard()
            raise
        self._encoder = _EncoderThread(self._sink) if background else _InlineEncoder(self._sink)

    @property
    def samples_written(self) -> int:
        return self._samples

    @property
    def position_ms(self) -> float:
        return (self._samples + self._sink.delay_samples) * 1000 / self.sample_rate

    def write(self, pcm: bytes) -> None:
        """Queue PCM (whole 16-bit samples) for encoding."""
        if len(pcm) % 2:
            raise ValueError("PCM must hold whole 16-bit samples")
        if pcm:
            self._samples += len(pcm) // 2
            self._put(pcm)

    def write_silence(self, ms: float) -> None:
        self.write(bytes(2 * round(ms * self.sample_rate / 1000)))

    def add_chapter(self, title: str, block_id: str = "") -> Chapter:
        """Start a chapter at the current position; the first chapter also covers the codec's priming."""
        start_ms = round(self.position_ms) if self._samples else 0
        chapter = Chapter(title=title, start_ms=start_ms, block_id=block_id)
        self.chapters.append(chapter)
        return chapter

    def close(self) -> Path:
        """Finish encoding, write tags and chapters, and move the file into place."""
        if self._closed:
            return self.path
        try:
            if isinstance(self._sink, (_Mp3Sink, _WavSink)):
                _import_id3()
            self._encoder.drain()
            close_chapters(self.chapters, round(self.position_ms))
            self._sink.finish(self.chapters)
        except OSError as error:
            self.abort()
            raise write_error(self.path, error) from None
        except BaseException:
            self.abort()
            raise
        self._closed = True
        return self._staged.commit()

    def abort(self) -> None:
        """Stop encoding and delete the temporary file; the target path is left as it was."""
        if self._closed:
            return
        self._closed = True
        self._encoder.cancel()
        try:
            self._sink.abort()
        except Exception:
            pass  # the partial file is being deleted; a failure to close it cleanly changes nothing
        self._staged.discard()

    def _put(self, pcm: bytes) -> None:
        try:
            self._encoder.put(pcm)
        except OSError as error:
            self.abort()
            raise write_error(self.path, error) from None

    def __enter__(self) -> AudioWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()
