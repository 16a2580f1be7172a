"""Sentence splitting that knows abbreviations, initials, ordinals and quotes, per language.

A candidate boundary is terminal punctuation (". ! ? …", possibly followed by closing quotes or
brackets) followed by white space. It is a real boundary unless what follows starts in lower case, or
the word before the full stop is an abbreviation that never ends a sentence ("Dr.", "z. B."), an initial
("J. Smith"), a German ordinal ("am 3. Oktober"), a list number at the start ("1. Introduction"), or an
abbreviation that may end a sentence ("Inc.", "U.S.") without a typical sentence opener after it.
Line breaks inside a block always end a sentence (poems, addresses, preformatted text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import patterns
from ..langtags import primary
from .languages import LANGUAGE_RULES, LanguageRules

# A sentence longer than this is cut at a clause boundary: highlighting a whole screen at once helps
# nobody, and engines slow down on very long inputs (pyttsx3 crashes past about 13,000 characters).
MAX_SENTENCE_CHARS = 1000

# French sets a space before closing guillemets: "« C'est fini ! » dit-il."
# Chinese and Japanese full stops end a sentence with no space after them.
_CANDIDATE = patterns.compile(r"(?:\.{2,}|[.!?‽…]+)[\"'”’»)\]›]*(?:[ \u00a0\u202f][»›])?(?=\s)|[。！？]+[」』”’）)]*")
_LINE = patterns.compile(r"[^\n]+")
_WORD_BEFORE = patterns.compile(r"([^\s\"'“‘«(\[]+)$")
_NEXT_WORD = patterns.compile(r"\s*[\"'“‘«(\[¿¡]*([^\s]*)")
_DOTTED = patterns.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_NUMBER = patterns.compile(r"^\d{1,3}$")
_ROMAN = patterns.compile(r"^[IVXLC]+$")
_CLAUSE_BREAK = patterns.compile(r"[;:,]\s|\s[–—-]\s")
_SPACE = patterns.compile(r"\s")
# Characters after which a new sentence cannot start (continuations of the same sentence).
_CONTINUATION = frozenset(",;:)]}%»›”’")


def split_sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence in ``text``, trimmed of surrounding white space."""
    return list(sentence_spans(text, lang))


def sentence_spans(text: str, lang: str = "en") -> Iterator[tuple[int, int]]:
    """:func:`split_sentences` one at a time, with no copy of the text: a page-sized paragraph has
    hundreds of thousands of sentences, and a list of them beside the prepared ones was the run's
    memory peak (issue 10)."""
    base = primary(lang or "en") or "en"
    for line in _LINE.finditer(text):
        for start, end in _split_line(text, line.start(), line.end(), base):
            yield from _limit_length(text, start, end)


def _split_line(text: str, start: int, end: int, lang: str) -> Iterator[tuple[int, int]]:
    sentence_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        boundary = match.end()
        if _is_boundary(text, sentence_start, match.start(), boundary, end, lang):
            span = _trim(text, sentence_start, boundary)
            if span[1] > span[0]:
                yield span
            sentence_start = boundary
    span = _trim(text, sentence_start, end)
    if span[1] > span[0]:
        yield span


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_boundary(text: str, sentence_start: int, punct_start: int, boundary: int, line_end: int,
                 lang: str) -> bool:
    next_word = _NEXT_WORD.match(text, boundary, line_end)
    following = next_word.group(1) if next_word else ""  # the pattern matches the empty string too
    if not following:
        return True
    first = following[0]
    if first.islower() or first in _CONTINUATION:
        return False
    punctuation = text[punct_start:boundary]
    if not punctuation.startswith(".") or punctuation.startswith(".."):
        return True
    before = _WORD_BEFORE.search(text, sentence_start, punct_start)
    word = before.group(1) if before else ""
    return _full_stop_ends(text, word, before.start(1) if before else punct_start, sentence_start, following, lang)


def _full_stop_ends(text: str, word: str, word_start: int, sentence_start: int, following: str,
                    lang: str) -> bool:
    """Does the full stop after ``word`` end the sentence, given the ``following`` word?"""
    if not word:
        return True
    language = LANGUAGE_RULES.get(lang)
    never_final = language.never_final if language else frozenset()
    may_end = language.may_end if language else frozenset()
    starter = language is not None and following.strip("\"'”’»),.;:!?") in language.sentence_starters
    pair = _previous_word(text, sentence_start, word_start) + " " + word
    if word in never_final or pair in never_final:
        return False
    if word in may_end or pair in may_end or _DOTTED.match(word):
        return starter
    if len(word) == 1 and word.isalpha():
        return word.isupper() and starter and word != "I"
    if _NUMBER.match(word) or _ROMAN.match(word):
        if text[sentence_start:word_start].strip() == "":
            return False  # "1. Introduction", "IV. Results": a list or section number
        if language and language.ordinal_context_words and _NUMBER.match(word):
            return not _dotted_ordinal(text, sentence_start, word_start, following, language)
    return True


def _previous_word(text: str, sentence_start: int, word_start: int) -> str:
    match = _WORD_BEFORE.search(text, sentence_start, max(sentence_start, word_start - 1))
    return match.group(1) if match else ""


def _dotted_ordinal(text: str, sentence_start: int, word_start: int, following: str,
                    language: LanguageRules) -> bool:
    """ "am 3. Oktober", "der 2. Weltkrieg": a number's full stop that marks an ordinal (German)."""
    if following.rstrip(",.;:") in language.months:
        return True
    return _previous_word(text, sentence_start, word_start) in language.ordinal_context_words


def _limit_length(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an overlong sentence at the last clause break (else the last space) before the limit."""
    spans = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = _last_break(text, _CLAUSE_BREAK, start + MAX_SENTENCE_CHARS // 2, limit)
        cut = cut or _last_break(text, _SPACE, start + 1, limit) or limit
        spans.append(_trim(text, start, cut))
        start = _trim(text, cut, end)[0]
    spans.append((start, end))
    return [span for span in spans if span[1] > span[0]]


def _last_break(text: str, pattern: re.Pattern, low: int, high: int) -> int:
    ends = [match.end() for match in pattern.finditer(text, low, high)]
    return ends[-1] if ends else 0
