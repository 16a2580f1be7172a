"""Sentence splitting: abbreviations, initials, decimals, ellipses, quotes, ordinals, per language."""

from __future__ import annotations

import pytest

from readaloud.prepare import split_sentences
from readaloud.prepare.sentences import MAX_SENTENCE_CHARS


def _sentences(text: str, lang: str = "en") -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, lang)]


ENGLISH = [
    ("Dr. Smith went to Washington. He met Mr. Jones.",
     ["Dr. Smith went to Washington.", "He met Mr. Jones."]),
    ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
    ("He lives in the U.S. The weather is fine.", ["He lives in the U.S.", "The weather is fine."]),
    ("He lives in the U.S. and works at 9 a.m. every day.",
     ["He lives in the U.S. and works at 9 a.m. every day."]),
    ("It was 5 p.m. The sun set.", ["It was 5 p.m.", "The sun set."]),
    ("It costs 3.5 dollars. Really?! Yes.", ["It costs 3.5 dollars.", "Really?!", "Yes."]),
    ("J. R. R. Tolkien wrote it. Then he slept.", ["J. R. R. Tolkien wrote it.", "Then he slept."]),
    ("“Stop!” he said. “Why?” she asked.", ["“Stop!” he said.", "“Why?” she asked."]),
    ("…he said.” Then she left.", ["…he said.”", "Then she left."]),
    ("Wait... What happened? I don't know...", ["Wait...", "What happened?", "I don't know..."]),
    ("He paused… and went on.", ["He paused… and went on."]),
    ("Apple Inc. shares rose. Apple Inc. The company said so.",
     ["Apple Inc. shares rose.", "Apple Inc.", "The company said so."]),
    ("Fruit, e.g. Apples, is good. Eat it.", ["Fruit, e.g. Apples, is good.", "Eat it."]),
    ("1. Introduction", ["1. Introduction"]),
    ("IV. Results and discussion", ["IV. Results and discussion"]),
    ("She got a B. The teacher was happy.", ["She got a B.", "The teacher was happy."]),
    ("Visit example.com. It is nice.", ["Visit example.com.", "It is nice."]),
    ("He said (see Fig. 3). Then left.", ["He said (see Fig. 3).", "Then left."]),
    ("I was born in 1990. I moved in 2000.", ["I was born in 1990.", "I moved in 2000."]),
    ("(This is a sentence.) And another.", ["(This is a sentence.)", "And another."]),
    ("Ask Mr. T. He knows.", ["Ask Mr. T.", "He knows."]),
    ("Gen. Patton and Sen. Warren met St. Louis officials.",
     ["Gen. Patton and Sen. Warren met St. Louis officials."]),
    ("He lives on Elm St. The house is red.", ["He lives on Elm St.", "The house is red."]),
    ("Is it? no, it is not.", ["Is it? no, it is not."]),
    ("The vote was 5-4. Justice Roberts dissented.", ["The vote was 5-4.", "Justice Roberts dissented."]),
    ("No. 5 won. No one knew.", ["No. 5 won.", "No one knew."]),
    ("A heading without a full stop", ["A heading without a full stop"]),
    ("", []),
    ("   ", []),
]

GERMAN = [
    ("Das ist z. B. ein Test. Er kam am 3. Oktober an.", ["Das ist z. B. ein Test.", "Er kam am 3. Oktober an."]),
    ("Der 2. Weltkrieg war schrecklich. Dr. Müller sagt das.",
     ["Der 2. Weltkrieg war schrecklich.", "Dr. Müller sagt das."]),
    ("Er wurde 3. Das war gut.", ["Er wurde 3.", "Das war gut."]),
    ("Das kostet ca. 5 Euro usw. Dann gehen wir.", ["Das kostet ca. 5 Euro usw.", "Dann gehen wir."]),
    ("Nr. 5 ist gut. Prof. Weber auch.", ["Nr. 5 ist gut.", "Prof. Weber auch."]),
    ("Es geschah 300 v. Chr. Danach kam Rom.", ["Es geschah 300 v. Chr.", "Danach kam Rom."]),
    ("Es geschah 300 v. Chr. in Rom.", ["Es geschah 300 v. Chr. in Rom."]),
]

FRENCH = [
    ("M. Dupont est là. Il parle.", ["M. Dupont est là.", "Il parle."]),
    ("« C'est fini ! » dit-il. Puis il part.", ["« C'est fini ! » dit-il.", "Puis il part."]),
]

SPANISH = [
    ("¿Qué pasa? ¡Nada! El Sr. García llegó.", ["¿Qué pasa?", "¡Nada!", "El Sr. García llegó."]),
    ("Vive en EE. UU. desde 2010. Es feliz.", ["Vive en EE. UU. desde 2010.", "Es feliz."]),
]


CHINESE = [
    ("但是，很快普通人都会有机会。确实，火星之旅将是一次旅行！让我们来看看？好",
     ["但是，很快普通人都会有机会。", "确实，火星之旅将是一次旅行！", "让我们来看看？", "好"]),
    ("他说：“走吧。”然后离开了。", ["他说：“走吧。”", "然后离开了。"]),
]


@pytest.mark.parametrize("lang, cases", [("en", ENGLISH), ("de", GERMAN), ("fr", FRENCH), ("es", SPANISH),
                                         ("zh", CHINESE)])
def test_splitting(lang: str, cases: list[tuple[str, list[str]]]) -> None:
    failures = [(text, expected, _sentences(text, lang)) for text, expected in cases
                if _sentences(text, lang) != expected]
    assert not failures, "\n".join(f"{t!r}: expected {e}, got {g}" for t, e, g in failures)


def test_line_breaks_end_sentences() -> None:
    assert _sentences("Roses are red\nViolets are blue\n\nSugar is sweet") == [
        "Roses are red", "Violets are blue", "Sugar is sweet"]


def test_offsets_point_into_the_text_and_are_trimmed() -> None:
    text = "  First one.   Second one!\n  Third, “quoted.”  "
    spans = split_sentences(text, "en")
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one!", "Third, “quoted.”"]
    for start, end in spans:
        assert text[start:end] == text[start:end].strip()
    assert spans == sorted(spans) and all(b <= c for (_, b), (c, _) in zip(spans, spans[1:]))


def test_overlong_sentence_is_cut_at_clause_breaks_within_the_limit() -> None:
    clause = "this clause goes on and on without any full stop at all"
    text = ", ".join([clause] * 60) + "."
    spans = split_sentences(text, "en")
    assert len(spans) > 1
    assert all(end - start <= MAX_SENTENCE_CHARS for start, end in spans)
    assert " ".join(text[a:b] for a, b in spans) == text
    assert all(text[b - 1] == "," for _, b in spans[:-1])


def test_overlong_text_without_any_break_is_cut_hard() -> None:
    text = "x" * (MAX_SENTENCE_CHARS * 2 + 10)
    spans = split_sentences(text, "en")
    assert [b - a for a, b in spans] == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 10]


def test_prop_before_a_ballot_number_does_not_end_a_sentence() -> None:
    text = "Voters backed Prop. 22 in 2020. It passed."
    assert [text[a:b] for a, b in split_sentences(text, "en")] == ["Voters backed Prop. 22 in 2020.", "It passed."]
