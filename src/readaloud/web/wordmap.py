"""Which displayed word is being heard: spoken words mapped back onto a sentence's displayed text.

The engines time the words of the speech text ("forty-nine dollars"), the reader sees the displayed
text ("$49"). Both are cut into tokens and aligned monotonically: tokens equal once casefolded and
stripped of punctuation ("U.S." and "U.S", "GDP" and "G.D.P") anchor the alignment, then, between two
anchors, an abbreviation and its expansion ("Jan." and "January") and chunks ending in the same
punctuation ("5," and "fifth,") anchor it further, and the spoken words left between anchors share
out the displayed words left between them: one each when there are as many, else in proportion to
their length. A displayed word the voice skips ("[1]", "—") gets no time and is left out; a spoken
word with no displayed word left beside it belongs to the displayed word before it; a spoken word the
engine gave no time of its own gets one from its place between the words around it.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Block, Sentence, WordMark

# A token is a run of non-space characters without the brackets, quotes and sentence punctuation
# around it: "(about" -> "about", "40%)." -> "40%", while "$49", "p.m", "me@example.com" stay whole.
# The marks: ASCII, the Unicode quotation marks (Pi/Pf), dashes, CJK brackets, full-width punctuation.
_EDGE = "\"'()[]{}<>«»‹›“”„‟‘’‚‛–—「」『』（）.,;:!?¡¿…。、，；：！？"
# Punctuation that closes a clause in both texts, so a chunk ending in it lines up with its reading.
_CLAUSE_ENDS = ",;:)]"
_CHUNK = re.compile(r"\S+")
_WORD_CHARS = re.compile(r"\w+")
MIN_ABBREVIATION = 2  # one letter ("a", "I") would match any word with that initial


@dataclass(frozen=True)
class Token:
    """A word of one text: where it sits, its comparison key, and the punctuation right after it."""

    start: int
    end: int
    key: str
    closes: str


@dataclass(frozen=True)
class DisplayWord:
    """A displayed word, its character range in ``Sentence.text``, and when its reading starts."""

    sentence: str
    start: int
    end: int
    ms: int

    def to_json(self) -> dict[str, object]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end, "ms": self.ms}


def tokens(text: str) -> list[Token]:
    """The text's words with their keys: casefolded word characters only ("U.S." -> "us")."""
    found = []
    for chunk in _CHUNK.finditer(text):
        word = chunk.group().strip(_EDGE)
        if not word:
            continue  # punctuation alone: nothing to hear
        start = chunk.start() + len(chunk.group()) - len(chunk.group().lstrip(_EDGE))
        end = start + len(word)
        after = text[end : end + 1]
        key = "".join(_WORD_CHARS.findall(word.casefold())) or word
        found.append(Token(start, end, key, after if after and after in _CLAUSE_ENDS else ""))
    return found


def _abbreviates(short: str, long: str) -> bool:
    """``short`` is a written abbreviation of ``long``: same initial, its letters in order ("dr", "doctor")."""
    if len(short) < MIN_ABBREVIATION or len(long) <= len(short) or not short.isalpha() or short[0] != long[0]:
        return False
    letters = iter(long)
    return all(letter in letters for letter in short)


def _proportional(display: list[Token], speech: list[Token]) -> list[int]:
    """Each spoken token's displayed token (as an index into ``display``) by relative length."""
    display_total = sum(t.end - t.start for t in display) or 1
    speech_total = sum(t.end - t.start for t in speech) or 1
    bounds, running = [], 0
    for token in display:
        running += token.end - token.start
        bounds.append(running / display_total)
    chosen, running = [], 0
    for token in speech:
        middle = (running + (token.end - token.start) / 2) / speech_total
        running += token.end - token.start
        chosen.append(min(bisect.bisect_left(bounds, middle), len(display) - 1))
    return chosen


def _inner_anchor(display: list[Token], speech: list[Token]) -> tuple[int, int] | None:
    """The first pair inside a gap that is an abbreviation and its reading, or shares a closing mark."""
    for i, shown in enumerate(display):
        for j, spoken in enumerate(speech):
            if _abbreviates(shown.key, spoken.key) or (shown.closes and shown.closes == spoken.closes):
                return i, j
    return None


def _fill_gap(display: list[Token], speech: list[Token]) -> list[int | None]:
    """Map the spoken tokens between two anchors onto the displayed ones between them (indices)."""
    if not speech:
        return []
    if not display:
        return [None] * len(speech)
    anchor = _inner_anchor(display, speech)
    if anchor is None:
        if len(display) == len(speech):  # as many words read as shown: one reads each ("&" -> "and")
            return list(range(len(display)))
        return list(_proportional(display, speech))
    i, j = anchor
    before = _fill_gap(display[:i], speech[:j])
    after = _fill_gap(display[i + 1 :], speech[j + 1 :])
    # spoken words before the inner anchor with no displayed word before it belong to the anchor's
    before = [i if index is None else index for index in before]
    return before + [i] + [None if index is None else index + i + 1 for index in after]


def align(display: list[Token], speech: list[Token]) -> list[int | None]:
    """For each spoken token, the index of the displayed token it reads (None: nothing before it)."""
    matcher = difflib.SequenceMatcher(None, [t.key for t in display], [t.key for t in speech], autojunk=False)
    mapping: list[int | None] = []
    shown_at = spoken_at = 0
    for block in matcher.get_matching_blocks():  # ends with a (len, len, 0) sentinel
        gap = _fill_gap(display[shown_at : block.a], speech[spoken_at : block.b])
        mapping += [None if index is None else index + shown_at for index in gap]
        mapping += list(range(block.a, block.a + block.size))
        shown_at, spoken_at = block.a + block.size, block.b + block.size
    return _attach_leading(mapping)


def _attach_leading(mapping: list[int | None]) -> list[int | None]:
    """A spoken token with no displayed token of its own joins the one before it (or after, at the start)."""
    result: list[int | None] = []
    for index in mapping:
        result.append(index if index is not None else (result[-1] if result else None))
    following = next((index for index in result if index is not None), None)
    return [following if index is None else index for index in result]


def spoken_times(speech: list[Token], marks: Iterable[WordMark]) -> list[int | None]:
    """Each spoken token's time: its first mark's; a token between two marked ones that got no mark
    of its own (espeak runs some short words into the next: "the", "of") by its place between them."""
    starts = [t.start for t in speech]
    times: list[int | None] = [None] * len(speech)
    for mark in marks:
        spoken = max(bisect.bisect_right(starts, mark.start) - 1, 0)  # the token holding the mark
        known = times[spoken]
        times[spoken] = mark.ms if known is None else min(known, mark.ms)
    marked = [(j, ms) for j, ms in enumerate(times) if ms is not None]
    for (before, ms_before), (after, ms_after) in zip(marked, marked[1:]):
        span = speech[after].start - speech[before].start
        for j in range(before + 1, after):
            times[j] = ms_before + (ms_after - ms_before) * (speech[j].start - speech[before].start) // span
    return times


def sentence_words(sentence: Sentence, marks: Iterable[WordMark]) -> list[DisplayWord]:
    """The displayed words of one sentence that are heard, each at its first spoken word's time."""
    display, speech = tokens(sentence.text), tokens(sentence.speech)
    if not display or not speech:
        return []
    mapping = align(display, speech)
    first_ms: dict[int, int] = {}
    for shown, ms in zip(mapping, spoken_times(speech, marks)):
        if shown is not None and ms is not None:
            first_ms[shown] = min(first_ms.get(shown, ms), ms)
    words, latest = [], 0
    for index in sorted(first_ms):
        latest = max(latest, first_ms[index])  # an engine's out-of-order mark must not move back in time
        token = display[index]
        words.append(DisplayWord(sentence.id, token.start, token.end, latest))
    return words


def block_words(block: Block, marks: Iterable[WordMark]) -> list[DisplayWord]:
    """Every heard displayed word of a block in reading order, from its segment's word marks."""
    by_sentence: dict[str, list[WordMark]] = {}
    for mark in marks:
        by_sentence.setdefault(mark.sentence_id, []).append(mark)
    words: list[DisplayWord] = []
    for sentence in block.sentences:
        words += sentence_words(sentence, by_sentence.get(sentence.id, []))
    return words
