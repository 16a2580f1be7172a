"""Speech engine speed: readaloud's engines beside plain pyttsx3, and what lookahead buys.

For the paragraphs of one real article (``quanta-1`` of the Readability.js corpus, ~3,000 words) it
prints, per engine, seconds of audio per second of wall clock ("x real time", higher is faster):

* espeak: libespeak-ng through ctypes, synchronous mode (readaloud's default);
* pyttsx3: readaloud's pyttsx3 engine (spawned worker, chunked, waits for complete audio);
* piper: readaloud's piper engine (the ``neural`` extra), on the first ``--piper-paragraphs``;
* plain pyttsx3 (the competitor): ``save_to_file`` + ``runAndWait`` per paragraph in a fresh process,
  as a script would use it; reported with the audio it actually wrote, which shows its lost audio.

Then it times ``Narrator.segments`` feeding an MP3 encoder (lameenc, 64 kbps as render uses) with
lookahead 0 (synthesise, then encode, in turn) against the default lookahead (a worker thread
synthesises ahead while the caller encodes).

Run:  .venv/bin/python benchmarks/engines.py [--piper-paragraphs 6] [--skip piper]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import textwrap
import time
import wave
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from readaloud.model import Block, BlockKind  # noqa: E402
from readaloud.speak import EngineRegistry, Narrator, SpeechOptions  # noqa: E402
from readaloud.speak.narrator import LOOKAHEAD_PIECES  # noqa: E402

ARTICLE = REPO.parent / "shared" / "corpora" / "readability-test-pages" / "quanta-1" / "expected.html"
RATE = 175


def paragraphs() -> list[str]:
    import lxml.html

    if not ARTICLE.exists():
        sys.exit(f"corpus not found: {ARTICLE}")
    document = lxml.html.fromstring(ARTICLE.read_bytes())
    return [text for p in document.iter("p") if (text := " ".join(p.text_content().split()))]


def engine_speed(registry: EngineRegistry, name: str, texts: list[str]) -> tuple[float, float]:
    """(audio seconds, wall seconds) for ``texts`` after one warm-up synthesis."""
    engine = registry.get(name)
    voice = engine.voice_for("en")
    engine.synthesize("Warming up.", voice, RATE)
    started = time.perf_counter()
    audio_ms = sum(engine.synthesize(text, voice, RATE).duration_ms for text in texts)
    return audio_ms / 1000, time.perf_counter() - started


PLAIN_PYTTSX3 = textwrap.dedent(
    """
    import ctypes, os, sys, wave
    import espeakng_loader
    os.environ["ESPEAK_DATA_PATH"] = espeakng_loader.get_data_path()
    ctypes.CDLL(espeakng_loader.get_library_path(), mode=ctypes.RTLD_GLOBAL)
    import pyttsx3
    engine = pyttsx3.init()
    engine.setProperty("voice", "gmw/en-us"); engine.setProperty("rate", %d)
    paragraphs = open(sys.argv[1], encoding="utf-8").read().split("\\n\\n")
    for number, paragraph in enumerate(paragraphs):
        engine.save_to_file(paragraph, os.path.join(sys.argv[2], f"{number:04d}.wav"))
        engine.runAndWait()
    """
    % RATE
)


def plain_pyttsx3(texts: list[str]) -> tuple[float, float, int]:
    """(audio seconds written, wall seconds, files missing) for pyttsx3 used plainly in a fresh process."""
    with tempfile.TemporaryDirectory() as workdir:
        source = Path(workdir) / "article.txt"
        source.write_text("\n\n".join(texts), encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", PLAIN_PYTTSX3, str(source), workdir], capture_output=True, timeout=600)
        wall = time.perf_counter() - started
        audio, missing = 0.0, 0
        for number in range(len(texts)):
            path = Path(workdir) / f"{number:04d}.wav"
            if not path.exists():
                missing += 1
                continue
            with wave.open(str(path)) as wav:
                audio += wav.getnframes() / wav.getframerate()
    return audio, wall, missing


def lookahead_speed(texts: list[str], lookahead: int) -> float:
    """Wall seconds to synthesise and MP3-encode every paragraph with ``Narrator.segments``."""
    import lameenc

    narrator = Narrator(SpeechOptions(engine="espeak", rate=RATE))
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(64)
    encoder.set_in_sample_rate(narrator.sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(5)
    blocks = [Block(f"b{n}", BlockKind.PARAGRAPH, text, lang="en") for n, text in enumerate(texts, 1)]
    started = time.perf_counter()
    size = 0
    for segment in narrator.segments(blocks, "en", lookahead=lookahead):
        size += len(encoder.encode(segment.pcm))
    size += len(encoder.flush())
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--piper-paragraphs", type=int, default=6)
    parser.add_argument("--skip", action="append", default=[], help="engine to leave out (repeatable)")
    args = parser.parse_args()
    texts = paragraphs()
    words = sum(len(t.split()) for t in texts)
    print(f"article: {ARTICLE.parent.name}, {len(texts)} paragraphs, {words} words, {RATE} wpm\n")
    print(f"{'engine':<28}{'audio s':>10}{'wall s':>10}{'x real time':>14}")
    registry = EngineRegistry()
    for name in ("espeak", "pyttsx3", "piper"):
        if name in args.skip:
            continue
        subset = texts[: args.piper_paragraphs] if name == "piper" else texts
        try:
            audio, wall = engine_speed(registry, name, subset)
        except Exception as error:  # noqa: BLE001 - a missing extra is a row, not a crash
            print(f"{name:<28}unavailable: {error}")
            continue
        label = f"{name} ({len(subset)} paragraphs)" if name == "piper" else name
        print(f"{label:<28}{audio:>10.1f}{wall:>10.2f}{audio / wall:>14.0f}")
    if "plain-pyttsx3" not in args.skip:
        audio, wall, missing = plain_pyttsx3(texts)
        print(f"{'plain pyttsx3 (competitor)':<28}{audio:>10.1f}{wall:>10.2f}{audio / wall:>14.0f}"
              f"   ({missing} of {len(texts)} files missing)")
    print("\nNarrator.segments -> MP3 encoder (espeak):")
    for lookahead in (0, LOOKAHEAD_PIECES):
        print(f"  lookahead {lookahead}: {lookahead_speed(texts, lookahead):.2f} s")


if __name__ == "__main__":
    main()
