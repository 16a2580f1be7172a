"""langdetect's language profiles, compiled once per machine instead of once per run.

langdetect reads 55 JSON profiles into a dict of 87,598 n-grams, each with a dense list of 55
probabilities: 0.95 s on every run (measured on the test machine), most of a one-shot command's
time. Pickling that dict does not help (loading it takes 1.7 s: 4.8 million floats, 96% of them
zero). So the profiles are kept sparse, in four flat arrays (n-grams, how many languages each has,
those languages' indexes, their probabilities) that load in 10-20 ms, and each n-gram's dense list
is built the first time a text contains it. The compiled file lives in the user's cache folder, named
by the installed profiles (see :func:`compiled_path`), and is written atomically; a missing or
unreadable one is rebuilt.

Detection is unchanged: the same probabilities reach the same langdetect ``Detector`` code.
"""

from __future__ import annotations

import array
import bisect
import itertools
import logging
import marshal
import os
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

from ..files import atomic_write_bytes, default_cache_directory

log = logging.getLogger(__name__)

# Bump when the layout of the compiled file changes; the file name carries it.
FORMAT = 2
MAGIC = b"RALD"  # readaloud langdetect profiles


class SparseProfiles(Mapping[str, list[float]]):
    """n-gram -> probability per language, as langdetect's ``word_lang_prob_map`` expects.

    ``Detector`` only asks ``word in map`` and ``map[word][i]``. The n-grams are a sorted list
    searched by bisection: a dict of all 87,598 took 60 ms to build on every start, longer than
    reading the file. Dense lists are made on first use and kept (a page touches a few thousand).
    """

    def __init__(self, languages: int, words: list[str], counts: bytes, indexes: bytes, probabilities: array.array) -> None:
        self._languages = languages
        self._words = words  # sorted
        self._starts = [0, *itertools.accumulate(counts)]
        self._indexes = indexes
        self._probabilities = probabilities
        self._dense: dict[str, list[float]] = {}

    def _number(self, word: object) -> int:
        """The n-gram's place in the sorted list, or -1."""
        if not isinstance(word, str):
            return -1
        at = bisect.bisect_left(self._words, word)
        return at if at < len(self._words) and self._words[at] == word else -1

    def __contains__(self, word: object) -> bool:
        return word in self._dense or self._number(word) >= 0

    def __getitem__(self, word: str) -> list[float]:
        dense = self._dense.get(word)
        if dense is None:
            number = self._number(word)
            if number < 0:
                raise KeyError(word)
            dense = [0.0] * self._languages
            for at in range(self._starts[number], self._starts[number + 1]):
                dense[self._indexes[at]] = self._probabilities[at]
            self._dense[word] = dense
        return dense

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


def compile_profiles(factory: DetectorFactory) -> bytes:
    """A loaded factory's profiles in the compiled layout (see the module docstring)."""
    words = sorted(factory.word_lang_prob_map)
    counts, indexes, probabilities = bytearray(), bytearray(), array.array("d")
    for word in words:
        present = [(index, p) for index, p in enumerate(factory.word_lang_prob_map[word]) if p]
        counts.append(len(present))
        indexes.extend(index for index, _p in present)
        probabilities.extend(p for _index, p in present)
    body = marshal.dumps((list(factory.langlist), "\n".join(words), bytes(counts), bytes(indexes), probabilities.tobytes()))
    return MAGIC + body


def read_profiles(data: bytes) -> tuple[list[str], SparseProfiles]:
    """Languages and profiles from a compiled file; ValueError if it is not one."""
    if not data.startswith(MAGIC):
        raise ValueError("not a compiled profile file")
    try:
        languages, words, counts, indexes, probabilities = marshal.loads(data[len(MAGIC) :])
    except (EOFError, TypeError) as error:
        raise ValueError(f"damaged compiled profile file ({error})") from error
    values = array.array("d")
    values.frombytes(probabilities)
    word_list = words.split("\n")
    if len(word_list) != len(counts) or sum(counts) != len(indexes) or len(indexes) != len(values):
        raise ValueError("inconsistent compiled profile file")
    return languages, SparseProfiles(len(languages), word_list, counts, indexes, values)


def load_factory(seed: int, cache_directory: Path | None = None) -> DetectorFactory:
    """A langdetect factory with every profile, from the compiled file (made on first use)."""
    path = compiled_path(cache_directory or default_cache_directory())
    factory = DetectorFactory()
    try:
        factory.langlist, factory.word_lang_prob_map = read_profiles(path.read_bytes())
    except (OSError, ValueError) as error:
        if not isinstance(error, FileNotFoundError):
            log.info("rebuilding the language profiles (%s)", error)
        factory.load_profile(PROFILES_DIRECTORY)
        _save(path, compile_profiles(factory))
    factory.set_seed(seed)
    return factory


def compiled_path(directory: Path, profiles: str = PROFILES_DIRECTORY) -> Path:
    """Named by the installed profiles: their folder, its modification time and its file count.

    Any install or upgrade of langdetect rewrites that folder, so new profiles are compiled again;
    cheaper than asking importlib.metadata for langdetect's version (36 ms measured, a tenth of the
    start-up budget).
    """
    stat = os.stat(profiles)
    key = f"{zlib.crc32(os.fsencode(profiles)):08x}-{stat.st_mtime_ns:x}-{len(os.listdir(profiles))}"
    return directory / f"langdetect-profiles-v{FORMAT}-{key}.bin"


def _save(path: Path, data: bytes) -> None:
    """Best effort: without a writable cache folder every run just loads the JSON profiles."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data, durable=False)
    except OSError as error:
        log.info("could not keep the compiled language profiles in %s: %s", path.parent, error)
