"""The audio cache: content keys, whole entries only, several processes, bounded size."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from readaloud.model import WordMark
from readaloud.speak import AudioCache, Synthesis, default_cache_directory


def synthesis(seed: int, samples: int = 22050) -> Synthesis:
    pcm = bytes((seed + i) % 256 for i in range(2 * samples))
    return Synthesis(pcm, 22050, [WordMark(0, 5, 0), WordMark(6, 3, 400 + seed)], estimated_timings=bool(seed % 2))


def test_round_trip(tmp_path):
    cache = AudioCache(tmp_path)
    key = AudioCache.key("espeak", "1.52", "gmw/de", 175, "Guten Tag.")
    assert cache.get(key) is None
    cache.put(key, synthesis(3))
    assert cache.get(key) == synthesis(3)
    assert (cache.hits, cache.misses) == (1, 1)


def test_every_input_changes_the_key():
    base = ("espeak", "1.52", "gmw/de", 175, "Guten Tag.")
    variants = [
        ("pyttsx3", *base[1:]),
        (base[0], "1.53", *base[2:]),
        (*base[:2], "gmw/en", *base[3:]),
        (*base[:3], 176, base[4]),
        (*base[:4], "Guten Tag!"),
    ]
    keys = {AudioCache.key(*base)} | {AudioCache.key(*v) for v in variants}
    assert len(keys) == 6


def test_corrupt_or_truncated_entries_are_misses(tmp_path):
    cache = AudioCache(tmp_path)
    key = AudioCache.key("espeak", "1", "v", 175, "text")
    cache.put(key, synthesis(1))
    path = next(cache.directory.glob("*/*.rac"))
    path.write_bytes(path.read_bytes()[:20])
    assert cache.get(key) is None
    path.write_bytes(b"not a cache entry at all")
    assert cache.get(key) is None


def test_writes_leave_no_temporary_files(tmp_path):
    cache = AudioCache(tmp_path)
    for n in range(5):
        cache.put(AudioCache.key("e", "1", "v", 175, str(n)), synthesis(n))
    names = [p.name for p in cache.directory.rglob("*") if p.is_file()]
    assert len(names) == 5 and all(n.endswith(".rac") and not n.startswith(".tmp") for n in names)


def test_size_is_bounded_least_recently_used_first(tmp_path):
    entry_size = len(synthesis(0).pcm) + 200
    cache = AudioCache(tmp_path, max_bytes=entry_size * 4)
    keys = [AudioCache.key("e", "1", "v", 175, str(n)) for n in range(4)]
    for n, key in enumerate(keys):
        cache.put(key, synthesis(n))
        os.utime(cache._path(key), (1000 + n, 1000 + n))  # a clear age order
    assert cache.get(keys[0]) is not None  # touching the oldest makes it recent
    for n in range(4, 6):  # six entries: pruning keeps the three most recent
        cache.put(AudioCache.key("e", "1", "v", 175, str(n)), synthesis(n))
    cache.prune()
    assert cache.size_bytes() <= cache.max_bytes
    assert cache.get(keys[0]) is not None
    assert cache.get(keys[1]) is None


def test_unwritable_directory_only_disables_the_cache(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    cache = AudioCache(blocker)
    key = AudioCache.key("e", "1", "v", 175, "x")
    cache.put(key, synthesis(1))  # no exception
    assert cache.get(key) is None


def _hammer(directory: str, worker: int) -> None:
    cache = AudioCache(directory)
    for _round in range(30):
        for n in range(6):
            key = AudioCache.key("e", "1", "v", 175, str(n))
            found = cache.get(key)
            assert found is None or found == synthesis(n, 2000)
            cache.put(key, synthesis(n, 2000))


def test_several_processes_share_one_cache(tmp_path):
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_hammer, args=(str(tmp_path), w)) for w in range(3)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=60)
    assert [p.exitcode for p in workers] == [0, 0, 0]
    cache = AudioCache(tmp_path)
    for n in range(6):
        assert cache.get(AudioCache.key("e", "1", "v", 175, str(n))) == synthesis(n, 2000)


def test_default_directory_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("READALOUD_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_directory() == tmp_path / "mine"
    monkeypatch.delenv("READALOUD_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_directory() == tmp_path / "xdg" / "readaloud"
    assert AudioCache().root == tmp_path / "xdg" / "readaloud"


@pytest.mark.parametrize("rate", [175, 176])
def test_rate_is_part_of_the_key(tmp_path, rate):
    cache = AudioCache(tmp_path)
    cache.put(AudioCache.key("e", "1", "v", 175, "x"), synthesis(1))
    assert (cache.get(AudioCache.key("e", "1", "v", rate, "x")) is not None) == (rate == 175)
