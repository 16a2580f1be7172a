"""The article-extraction field's metric, in one place for the benchmark and the corpus test.

As described in ``../shared/corpora/README.md`` (the metric the published extraction benchmarks use):
tokens are ``\\w+`` matches; a page's text becomes a multiset of token 4-gram shingles (a text shorter
than four tokens is one shorter shingle); per page TP/FP/FN come from multiset overlap; precision and
recall are means over pages; F1 is the harmonic mean of those two means.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import lxml.html

TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4
# The block elements whose text forms the ground truth, one line each (README: "How the field scores").
TRUTH_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "figcaption")
# Pages over this size are real pages; smaller ones are synthetic single-rule fixtures (README).
REAL_PAGE_MIN_BYTES = 8 * 1024


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Token 4-gram multiset of ``text``; fewer than four tokens make one shorter shingle."""
    tokens = TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE_SIZE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + SHINGLE_SIZE]) for i in range(len(tokens) - SHINGLE_SIZE + 1))


@dataclass(frozen=True)
class PageScore:
    """Overlap of one page's predicted and true shingles."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def score_page(predicted: str, truth: str) -> PageScore:
    pred, true = shingles(predicted), shingles(truth)
    tp = sum(min(count, pred[key]) for key, count in true.items())
    fp = sum(max(0, count - true[key]) for key, count in pred.items())
    fn = sum(max(0, count - pred[key]) for key, count in true.items())
    return PageScore(tp, fp, fn)


@dataclass(frozen=True)
class Summary:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def summarise(scores: list[PageScore]) -> Summary:
    """Mean precision and recall over the pages where each is defined (the field's convention)."""
    precisions = [s.precision for s in scores if s.precision is not None]
    recalls = [s.recall for s in scores if s.recall is not None]
    return Summary(
        precision=sum(precisions) / len(precisions) if precisions else 0.0,
        recall=sum(recalls) / len(recalls) if recalls else 0.0,
    )


def html_blocks_text(html: str) -> str:
    """Text of each truth block element of an HTML fragment, one line each.

    Text inside nested block elements (a <p> in a <blockquote>, a <p> in an <li>) belongs to the
    innermost one only, so no text is counted twice. Read this way, readability-lxml scores F1 0.965
    on the corpus, the figure the corpus README quotes (0.966); counting nested text twice would
    reward an extractor for repeating quotations.
    """
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return "\n".join(" ".join(_own_text(el).split()) for el in root.iter(*TRUTH_TAGS))


def _own_text(el: lxml.html.HtmlElement) -> str:
    """``el``'s text without the text of the truth block elements nested in it."""
    parts = [el.text or ""]
    for child in el:
        if child.tag not in TRUTH_TAGS:
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


@dataclass(frozen=True)
class CorpusPage:
    name: str
    source: str
    truth: str
    metadata: dict
    is_real: bool


def corpus_dir(repo_root: Path) -> Path:
    """Where the shared corpus sits: ``../shared`` beside the checkout, as every test expects."""
    return repo_root.parent / "shared" / "corpora" / "readability-test-pages"


def load_corpus(directory: Path) -> list[CorpusPage]:
    pages = []
    for folder in sorted(p for p in directory.iterdir() if (p / "source.html").is_file()):
        raw = (folder / "source.html").read_bytes()
        pages.append(
            CorpusPage(
                name=folder.name,
                source=raw.decode("utf-8", errors="replace"),
                truth=html_blocks_text((folder / "expected.html").read_text(encoding="utf-8")),
                metadata=json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8")),
                is_real=len(raw) > REAL_PAGE_MIN_BYTES,
            )
        )
    return pages
