"""The WCXB development split (``../shared/corpora/wcxb-dev``), read in place for the benchmark and tests.

1,497 real pages of seven types with human-reviewed main text (README there). Pages are split in two
by their number so rules can be tuned on one half and checked on the other: *calibrate* holds the
even numbers, *check* the odd ones. Pages are decoded as readaloud decodes any page
(:func:`readaloud.load.decode`: BOM, declared charset, detection), and every extractor gets that text.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

PAGE_TYPES = ("article", "service", "product", "collection", "forum", "listing", "documentation")
PARTS = ("calibrate", "check")


@dataclass(frozen=True)
class WcxbPage:
    number: int
    page_type: str
    url: str
    source: str
    truth: str
    with_snippets: list[str]
    without_snippets: list[str]
    title: str
    author: str
    published: str

    @property
    def name(self) -> str:
        return f"{self.number:04d}"

    @property
    def part(self) -> str:
        return part_of(self.number)


def part_of(number: int) -> str:
    """Even page numbers calibrate, odd ones check."""
    return "calibrate" if number % 2 == 0 else "check"


def wcxb_dir(repo_root: Path) -> Path:
    """Beside the checkout, like the other shared corpora."""
    return repo_root.parent / "shared" / "corpora" / "wcxb-dev"


def decode_page(raw: bytes) -> str:
    """The page's text as readaloud would read it; replacement characters if even detection fails."""
    from readaloud.errors import ReadaloudError
    from readaloud.load import decode

    try:
        return decode(raw, max_bytes=max(len(raw), 1) * 2).text
    except ReadaloudError:
        return raw.decode("utf-8", errors="replace")


def page_numbers(directory: Path) -> list[int]:
    return sorted(int(p.name.split(".")[0]) for p in (directory / "ground-truth").glob("*.json"))


def load_wcxb(
    directory: Path,
    types: tuple[str, ...] = PAGE_TYPES,
    part: str = "all",
    limit: int | None = None,
    numbers: tuple[int, ...] | None = None,
    with_source: bool = True,
) -> list[WcxbPage]:
    """The pages of ``types`` in ``part`` (calibrate, check or all); ``limit`` pages of each part at most,
    taken evenly across the corpus so a short run still sees every type. ``numbers`` picks pages by
    number; without ``with_source`` the HTML is not read (a worker process reads it)."""
    selected = []
    for number in numbers if numbers is not None else page_numbers(directory):
        if part != "all" and part_of(number) != part:
            continue
        truth = json.loads((directory / "ground-truth" / f"{number:04d}.json").read_text(encoding="utf-8"))
        if truth["page_type"] in types:
            selected.append((number, truth))
    if limit is not None:
        selected = _evenly(selected, limit, part)
    return [_page(directory, number, truth, with_source) for number, truth in selected]


def _evenly(selected: list[tuple[int, dict]], limit: int, part: str) -> list[tuple[int, dict]]:
    parts = PARTS if part == "all" else (part,)
    kept = []
    for name in parts:
        members = [item for item in selected if part_of(item[0]) == name]
        step = max(1, len(members) / max(1, limit))
        kept += [members[int(i * step)] for i in range(min(limit, len(members)))]
    return sorted(kept, key=lambda item: item[0])


def _page(directory: Path, number: int, truth: dict, with_source: bool) -> WcxbPage:
    source = ""
    if with_source:
        source = decode_page(gzip.decompress((directory / "html" / f"{number:04d}.html.gz").read_bytes()))
    return WcxbPage(
        number=number,
        page_type=truth["page_type"],
        url=truth.get("url") or "",
        source=source,
        truth=truth.get("main_content") or "",
        with_snippets=list(truth.get("with") or []),
        without_snippets=list(truth.get("without") or []),
        title=truth.get("title") or "",
        author=truth.get("author") or "",
        published=truth.get("publish_date") or "",
    )
