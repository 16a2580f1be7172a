"""The machine's cache of compiled regex programs: what it rebuilds is the pattern ``re`` would compile."""

from __future__ import annotations

import _sre
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from readaloud.patterns import PatternStore, cache_path

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "slate-trump-russia.html"

EXAMPLES = [
    (r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)((?i:st|nd|rd|th))\b", 0),
    (r"^(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation)\b", re.IGNORECASE),
    (r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})", 0),
    (r"""<[A-Za-z](?>[^"'>]++|"[^"]*+"|'[^']*+')*+>?""", 0),
]


def test_a_pattern_from_the_cache_is_the_pattern_re_compiles(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    first = PatternStore(path)
    for pattern, flags in EXAMPLES:
        assert first.compile(pattern, flags) == re.compile(pattern, flags)
    first.save()
    written = path.stat().st_mtime_ns

    second = PatternStore(path)
    for pattern, flags in EXAMPLES:
        rebuilt = second.compile(pattern, flags)
        assert rebuilt == re.compile(pattern, flags)  # == compares flags and opcodes
        assert rebuilt.groupindex == re.compile(pattern, flags).groupindex
    assert second.compile(EXAMPLES[2][0]).match("2/12/2026").group("month") == "12"
    second.save()  # nothing new: the file is not rewritten
    assert path.stat().st_mtime_ns == written


@pytest.mark.parametrize("content", [b"", b"not marshal at all \x00\xff", marshal.dumps([1, 2, 3]), marshal.dumps({("x", 0): (1, 2)})])
def test_a_damaged_cache_costs_only_a_compile(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "patterns.marshal"
    path.write_bytes(content)
    store = PatternStore(path)
    assert store.compile("x") == re.compile("x")
    assert store.compile(r"\d+").fullmatch("2026")
    store.save()
    assert PatternStore(path).compile(r"\d+") == re.compile(r"\d+")


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    store = PatternStore(blocker / "patterns.marshal")
    assert store.compile("a+b") == re.compile("a+b")
    store.save()  # logged, not raised


def test_a_bad_pattern_is_still_a_regex_error(tmp_path: Path) -> None:
    with pytest.raises(re.error):
        PatternStore(tmp_path / "p.marshal").compile("(unclosed")


def test_every_program_a_real_run_keeps_rebuilds_the_pattern_re_compiles(tmp_path: Path) -> None:
    """Two real runs: the first writes the cache, the second reads it and says the same."""
    env = {**os.environ, "READALOUD_CACHE_DIR": str(tmp_path)}
    command = [sys.executable, "-m", "readaloud", "extract", "--speech", str(SAMPLE)]
    first = subprocess.run(command, env=env, capture_output=True, check=True)
    path = cache_path(tmp_path)
    programs = marshal.loads(path.read_bytes())
    assert len(programs) > 200  # the chrome phrases and the speech rules of the page's language
    for (pattern, flags), program in programs.items():
        assert _sre.compile(pattern, *program) == re.compile(pattern, flags), pattern[:80]
    second = subprocess.run(command, env=env, capture_output=True, check=True)
    assert second.stdout == first.stdout


def test_the_file_stays_bounded_and_keeps_what_the_run_uses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("readaloud.patterns.MAX_PATTERNS", 5)
    path = tmp_path / "patterns.marshal"
    old = PatternStore(path)
    for number in range(5):
        old.compile(f"old{number}")
    old.save()
    run = PatternStore(path)
    run.compile("old1")  # from the file
    for number in range(3):
        run.compile(f"new{number}")
    run.save()
    kept = {pattern for pattern, _ in marshal.loads(path.read_bytes())}
    assert kept == {"old1", "new0", "new1", "new2"}


_EVERY_LANGUAGE = """
from readaloud.prepare.languages import LANGUAGE_RULES
from readaloud.prepare.normalize import speech_text
for language in LANGUAGE_RULES:
    speech_text("On 3 May 2026 at 10:30 CEST, 1,500 km/h and $4.5bn; Dr. Smith, p. 12.", language)
"""


def test_every_language_compiles_the_same_patterns_in_every_run(tmp_path: Path) -> None:
    """A pattern built from a set in hash order would differ per run: never found, the file growing."""
    kept = []
    for seed in ("1", "2"):
        folder = tmp_path / seed
        env = {**os.environ, "READALOUD_CACHE_DIR": str(folder), "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", _EVERY_LANGUAGE], env=env, check=True)
        kept.append(set(marshal.loads(cache_path(folder).read_bytes())))
    assert kept[0] == kept[1], sorted(pattern[:100] for pattern, _ in kept[0] ^ kept[1])
