"""Language tags (BCP 47), read one way everywhere: pages, voices, speech rules, files and the player.

Pages write ``en_US``, ``EN-gb``, ``zh-Hant-TW`` or the retired ``iw``; engines list ``gmw/en-us``-style
ids with plain tags. Everything that compares or looks up a language goes through these functions.
"""

from __future__ import annotations

import re

# Codes ISO 639 retired, still found in pages and in Java-era locale data (ISO 639-1 change notices).
LEGACY_CODES = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro", "no": "nb"}
# BCP 47: language, optional script (4 letters), optional region (2 letters or 3 digits), then anything.
LANGUAGE_TAG = re.compile(r"^(?P<primary>[a-z]{2,3})(?:-(?P<script>[a-z]{4}))?(?:-(?P<region>[a-z]{2}|\d{3}))?(?:-.*)?$")
# Tags that name no language (ISO 639-2 special codes).
UNDETERMINED = frozenset({"und", "mul", "zxx", "mis"})
SCRIPT_SUBTAG_LENGTH = 4

# Direction by script (ISO 15924 codes of the scripts Unicode writes right to left), which wins over the
# language: ``ku-Arab`` (Sorani in Arabic script) is right to left, ``ku`` (Kurmanji, Latin) is not.
RTL_SCRIPTS = frozenset({"arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr", "mend"})
# Languages written right to left when no script is given: CLDR's characterOrder (and default script)
# for the languages espeak-ng can speak or that readers are likely to open.
RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "syr", "ug", "ur", "yi"})


def subtags(tag: str) -> list[str]:
    """``'EN_us'`` -> ``['en', 'us']``; a retired language code becomes its current one."""
    parts = [part for part in tag.strip().replace("_", "-").lower().split("-") if part]
    if parts:
        parts[0] = LEGACY_CODES.get(parts[0], parts[0])
    return parts


def primary(tag: str) -> str:
    """``'de-AT'`` -> ``'de'``; ``''`` for an empty tag."""
    parts = subtags(tag)
    return parts[0] if parts else ""


def normalise_tag(tag: str) -> str:
    """A page's tag as the article keeps it: ``'en_US'`` -> ``'en-us'``, ``'zh-Hant-TW'`` -> ``'zh-tw'``,
    junk or "undetermined" -> ``''``."""
    match = LANGUAGE_TAG.match("-".join(subtags(tag)))
    if not match or match.group("primary") in UNDETERMINED:
        return ""
    region = match.group("region")
    return f"{match.group('primary')}-{region}" if region else match.group("primary")


def without_script(tag: str) -> str:
    """Every subtag but the script, which says nothing about the voice (zh-Hant-TW is Mandarin in Taiwan)."""
    parts = subtags(tag)
    return "-".join(parts[:1] + [p for p in parts[1:] if not (len(p) == SCRIPT_SUBTAG_LENGTH and p.isalpha())])


def same_language(one: str, other: str) -> bool:
    return bool(one) and primary(one) == primary(other)


def direction(tag: str, declared: str = "") -> str:
    """``rtl`` or ``ltr``: a declared ``dir`` wins, then the tag's script, then its language."""
    if declared in ("rtl", "ltr"):
        return declared
    parts = subtags(tag)
    script = next((p for p in parts[1:] if len(p) == SCRIPT_SUBTAG_LENGTH and p.isalpha()), "")
    if script:
        return "rtl" if script in RTL_SCRIPTS else "ltr"
    return "rtl" if parts and parts[0] in RTL_LANGUAGES else "ltr"
