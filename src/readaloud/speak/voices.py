"""Choosing a voice for a language tag, the same way for every engine.

Pages declare languages as ``en``, ``en-GB``, ``en_US``, ``pt-br``, ``zh-Hant-TW`` or legacy codes
(``iw``); engines list voices with their own tags and priorities. :func:`match_voice` prefers the exact
tag, then a chosen regional default for a bare language, then the primary language, then its "home"
region (``fr-fr``), and finally any regional variant of it, breaking ties with the engine's priority.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from ..errors import SpeechError
from ..langtags import primary, without_script
from .base import Voice

# Which variant to use when a page gives only a language, or a region no engine has a voice for.
# Choices, not facts: "en" -> US English because most English-language web articles we read are
# American and espeak's own default ("en" = British) surprises US listeners; Commonwealth regions go
# to British English; Hong Kong Chinese is Cantonese. Extend when a voice package adds regions.
PREFERRED_VARIANTS = {
    "en": "en-us",
    "en-au": "en-gb",
    "en-nz": "en-gb",
    "en-ie": "en-gb",
    "en-za": "en-gb",
    "en-in": "en-gb",
    "en-ca": "en-us",
    "zh-hk": "yue",
    "zh-mo": "yue",
}

def _ranked(voices: Iterable[Voice], wanted: str, *, prefix: bool = False) -> Voice | None:
    """The voice that speaks ``wanted`` (or, with ``prefix``, a variant of it) at the best priority."""
    best: tuple[int, int, Voice] | None = None
    for order, voice in enumerate(voices):
        for tag, priority in voice.languages or ((voice.lang, 5),):
            hit = tag.startswith(wanted + "-") if prefix else tag == wanted
            if hit and (best is None or (priority, order) < best[:2]):
                best = (priority, order, voice)
    return best[2] if best else None


def match_voice(voices: list[Voice], lang: str) -> Voice | None:
    """The best voice for ``lang`` among ``voices``, or None when no voice speaks that language."""
    tag = without_script(lang)
    if not tag:
        return None
    preferred = PREFERRED_VARIANTS.get(tag)
    for wanted in (preferred, tag):
        if wanted and (voice := _ranked(voices, wanted)):
            return voice
    language = primary(tag)
    if language != tag:
        return match_voice(voices, language)
    # Only regional voices (macOS, Windows, pyttsx3's one-tag list): the "home" region (fr-fr, de-de) first.
    return _ranked(voices, f"{language}-{language}") or _ranked(voices, language, prefix=True)


def find_voice(voices: list[Voice], spec: str, engine_name: str) -> Voice:
    """The voice named by a user's ``--voice`` (its id, name or language as listed, any case); SpeechError when unknown."""
    wanted = spec.strip().lower()
    for voice in voices:
        if wanted in (voice.id.lower(), voice.name.lower()):
            return voice
    for voice in voices:  # "en-US" finds "gmw/en-US": the id without its family directory
        if voice.id.lower().rsplit("/", 1)[-1] == wanted:
            return voice
    for voice in voices:  # "en-gb" finds "gmw/en": the language column of --list-voices
        if voice.lang.lower() == wanted:
            return voice
    # Matched in lower case, shown as --list-voices spells them ("en_US-joe-medium", not "en_us-joe-medium").
    # An id wins over a name that reads the same.
    spelled = {label.lower(): label for label in [v.name for v in voices] + [v.id for v in voices]}
    close = [spelled[label] for label in difflib.get_close_matches(wanted, list(spelled), n=3)]
    hint = f" (close: {', '.join(close)})" if close else ""
    raise SpeechError(f"The {engine_name} engine has no voice called {spec!r}{hint}.")
