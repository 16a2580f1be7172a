"""The user lexicon: a plain text file that overrides how words are said, per language.

Format (see docs/lexicon.md)::

    # comment
    Nguyen = win            <- before any section: applies to every language
    SQL = sequel
    [de]
    Chemnitz = Kemnitz      <- only for German blocks (de, de-AT, de-CH ...)

Entries match whole words; an entry written with a capital letter matches that exact spelling, an
all-lower-case entry matches any capitalisation. The most specific section wins ([de-CH] over [de]
over the default section).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import patterns
from ..errors import InputError, UsageError
from ..langtags import subtags

DEFAULT_SECTION = ""
_SECTION = patterns.compile(r"^\[\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*|default|\*)\s*\]$")
# Entries this long are surely a pasted paragraph, not a word.
MAX_ENTRY_CHARS = 200


class LexiconError(UsageError):
    """A lexicon file that cannot be used: the message names the file and line."""


def _language_key(tag: str) -> str:
    return "-".join(subtags(tag))


def _section_chain(tag: str) -> list[str]:
    """ "de-CH" -> ["", "de", "de-ch"]: the sections that apply, least specific first."""
    chain = [DEFAULT_SECTION]
    parts = subtags(tag)
    for index in range(1, len(parts) + 1):
        chain.append("-".join(parts[:index]))
    return chain


@dataclass
class Lexicon:
    """Entries per section (``""`` = all languages); matchers are compiled per language on first use."""

    sections: dict[str, dict[str, str]] = field(default_factory=dict)
    source: str = "<lexicon>"
    _compiled: dict[str, tuple[re.Pattern | None, dict[str, str], dict[str, str]]] = field(
        default_factory=dict, repr=False, compare=False)

    # --- loading -------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path) -> Lexicon:
        """Read a lexicon file; a missing file or a malformed line is a clear user error."""
        path = Path(path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise InputError(f"lexicon file {path} does not exist") from None
        except IsADirectoryError:
            raise InputError(f"lexicon path {path} is a directory, not a file") from None
        except OSError as error:
            raise InputError(f"lexicon file {path} cannot be read ({error.strerror})") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise LexiconError(f"lexicon file {path} is not UTF-8 text") from None
        return cls.parse(text, source=str(path))

    @classmethod
    def parse(cls, text: str, source: str = "<lexicon>") -> Lexicon:
        """Parse lexicon text; errors name ``source`` and the line number."""
        sections: dict[str, dict[str, str]] = {DEFAULT_SECTION: {}}
        section = DEFAULT_SECTION
        for number, line in enumerate(text.splitlines(), start=1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if stripped.startswith("["):
                section = _parse_section(stripped, source, number)
                sections.setdefault(section, {})
                continue
            word, spoken = _parse_entry(stripped, source, number)
            entries = sections[section]
            if word in entries:
                where = f"section [{section}]" if section else "the default section"
                raise LexiconError(f"{source} line {number}: '{word}' is already defined in {where}")
            entries[word] = spoken
        return cls(sections={k: v for k, v in sections.items() if v or k == DEFAULT_SECTION}, source=source)

    # --- use -----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return sum(len(entries) for entries in self.sections.values())

    def entries_for(self, lang: str) -> dict[str, str]:
        """Every entry that applies to ``lang``, the more specific section winning."""
        merged: dict[str, str] = {}
        for key in _section_chain(lang):
            merged.update(self.sections.get(key, {}))
        return merged

    def replace(self, text: str, lang: str = "", wrap: Callable[[str], str] | None = None) -> str:
        """``text`` with every entry's word replaced by its spoken form (passed through ``wrap``)."""
        pattern, exact, folded = self._matcher(lang)
        if pattern is None:
            return text

        def spoken(match: re.Match) -> str:
            word = " ".join(match.group().split())
            value = exact.get(word) or folded[word.casefold()]
            return wrap(value) if wrap else value

        return pattern.sub(spoken, text)

    def applied(self, text: str, lang: str = "") -> list[str]:
        """The words of ``text`` this lexicon replaces, as written, each once, in order of appearance."""
        pattern, _, _ = self._matcher(lang)
        if pattern is None:
            return []
        return list(dict.fromkeys(match.group() for match in pattern.finditer(text)))

    def _matcher(self, lang: str) -> tuple[re.Pattern | None, dict[str, str], dict[str, str]]:
        key = _language_key(lang)
        if key not in self._compiled:
            self._compiled[key] = _compile(self.entries_for(key))
        return self._compiled[key]


def _parse_section(line: str, source: str, number: int) -> str:
    match = _SECTION.match(line)
    if not match:
        raise LexiconError(
            f"{source} line {number}: '{line}' is not a section header; write a language tag such as [de] or [en-GB]")
    name = match.group(1)
    return DEFAULT_SECTION if name in ("default", "*") else _language_key(name)


def _parse_entry(line: str, source: str, number: int) -> tuple[str, str]:
    if "=" not in line:
        raise LexiconError(f"{source} line {number}: expected 'word = spoken form', got '{line[:60]}'")
    word, _, spoken = line.partition("=")
    word, spoken = word.strip(), spoken.strip()
    if not word:
        raise LexiconError(f"{source} line {number}: the word before '=' is missing")
    if not spoken:
        raise LexiconError(f"{source} line {number}: the spoken form after '=' is missing for '{word}'")
    if len(word) > MAX_ENTRY_CHARS or len(spoken) > MAX_ENTRY_CHARS:
        raise LexiconError(f"{source} line {number}: an entry is limited to {MAX_ENTRY_CHARS} characters")
    return word, spoken


def _compile(entries: dict[str, str]) -> tuple[re.Pattern | None, dict[str, str], dict[str, str]]:
    """One alternation for all entries: case-sensitive ones as written, the others under (?i:...)."""
    if not entries:
        return None, {}, {}
    exact = {w: s for w, s in entries.items() if w != w.lower()}
    folded = {w.casefold(): s for w, s in entries.items() if w == w.lower()}
    alternatives = []
    for word in sorted(entries, key=len, reverse=True):
        escaped = r"\s+".join(re.escape(part) for part in word.split())
        alternatives.append(escaped if word in exact else f"(?i:{escaped})")
    pattern = patterns.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
    return pattern, exact, folded

