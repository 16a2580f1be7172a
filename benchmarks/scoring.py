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

import lxml.etree
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


def f1_of(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall; 0 where both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


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
        return f1_of(self.precision or 0.0, self.recall or 0.0)


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
        return f1_of(self.precision, self.recall)


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


def load_corpus(directory: Path, names: tuple[str, ...] | None = None) -> list[CorpusPage]:
    """Every page of the corpus, or the ones in ``names`` (folder names)."""
    folders = [directory / n for n in names] if names is not None else sorted(directory.iterdir())
    pages = []
    for folder in (p for p in folders if (p / "source.html").is_file()):
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


# --- WCXB's metric (../shared/corpora/wcxb-dev/README.md, "How WCXB scores") -------------------------


@dataclass(frozen=True)
class WordScore:
    """One page's bag-of-words precision, recall and F1; an empty prediction scores zero on all three."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)


def bag_of_words_score(predicted: str, truth: str) -> WordScore:
    """WCXB's per-page score: lower-cased ``\\w+`` tokens, multiset overlap over predicted and true counts."""
    pred = Counter(TOKEN.findall(predicted.lower()))
    true = Counter(TOKEN.findall(truth.lower()))
    overlap = sum((pred & true).values())
    n_pred, n_true = sum(pred.values()), sum(true.values())
    return WordScore(precision=overlap / n_pred if n_pred else 0.0, recall=overlap / n_true if n_true else 0.0)


def _flat(text: str) -> str:
    """Lower case, whitespace runs collapsed: block boundaries (newlines) must not hide a snippet."""
    return " ".join(text.lower().split())


def snippet_rates(predicted: str, with_snippets: list[str], without_snippets: list[str]) -> tuple[float | None, float | None]:
    """Share of the ``with`` snippets found in the output, and of the ``without`` ones (lower is better);
    None when the page lists none of that kind. Case-insensitive substring search, as WCXB does."""
    flat = _flat(predicted)

    def share(snippets: list[str]) -> float | None:
        wanted = [_flat(s) for s in snippets if s.strip()]
        return sum(s in flat for s in wanted) / len(wanted) if wanted else None

    return share(with_snippets), share(without_snippets)


def mean(values: list[float | None]) -> float:
    """Mean over the pages where a value is defined (0 when none is)."""
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else 0.0


# --- caption and credit leaks --------------------------------------------------------------------------

# Where pages put figure captions and photo credits: the elements HTML gives them and the class names
# the big publishing systems use (WordPress's .wp-caption-text, Drupal's field--name-field-caption,
# Arc's "credit", schema.org's itemprop=caption / copyrightHolder). Matched on lower-cased class and id.
CAPTION_CLASSES = ("caption",)  # also matches wp-caption-text, image-caption, figure__caption
CREDIT_CLASSES = ("credit", "copyright")
CAPTION_ITEMPROPS = frozenset({"caption"})
CREDIT_ITEMPROPS = frozenset({"copyrightholder", "credittext"})
# A caption or credit shorter than this could be in the body by chance ("Getty Images"); a "caption"
# element longer than the upper bound is a wrapper around the article, not a caption.
LEAK_MIN_WORDS = 4
LEAK_MAX_WORDS = 80
# Inside these, a "credit"/"copyright" element is the site's footer or a cast list, not a photo credit;
# these themselves are never a caption, whatever their class.
_NOT_A_FIGURE = frozenset({"footer", "nav"})
_NEVER_A_CAPTION = frozenset({"html", "body", "article", "main", "script", "style"})


@dataclass(frozen=True)
class PageMarks:
    """The caption and credit texts of one source page, whitespace collapsed, lower case."""

    captions: tuple[str, ...]
    credits: tuple[str, ...]


def _mark(el: lxml.etree._Element) -> str:
    """"caption", "credit" or "" for one element, by its tag, class and itemprop."""
    if el.tag == "figcaption":
        return "caption"
    classes = (el.get("class") or "").lower()
    itemprop = (el.get("itemprop") or "").lower()
    if itemprop in CAPTION_ITEMPROPS or any(c in classes for c in CAPTION_CLASSES):
        return "caption"
    if itemprop in CREDIT_ITEMPROPS or any(c in classes for c in CREDIT_CLASSES):
        return "credit"
    return ""


def caption_and_credit_texts(html: str) -> PageMarks:
    """The texts the page marks as a caption or a credit, LEAK_MIN_WORDS to LEAK_MAX_WORDS long."""
    try:
        root = lxml.etree.fromstring(html, lxml.etree.HTMLParser(remove_comments=True, huge_tree=True))
    except (lxml.etree.ParserError, ValueError):
        return PageMarks((), ())
    if root is None:
        return PageMarks((), ())
    found: dict[str, dict[str, None]] = {"caption": {}, "credit": {}}
    for el in root.xpath("//figcaption | //*[@class or @itemprop]"):
        kind = _mark(el)
        if not kind or el.tag in _NEVER_A_CAPTION or any(a.tag in _NOT_A_FIGURE for a in el.iterancestors()):
            continue
        text = _flat("".join(el.itertext()))
        if LEAK_MIN_WORDS <= len(text.split()) <= LEAK_MAX_WORDS:
            found[kind][text] = None
    captions = tuple(found["caption"])
    return PageMarks(captions, tuple(t for t in found["credit"] if t not in found["caption"]))


def leaks(marks: PageMarks, spoken: str) -> tuple[int, int]:
    """How many of the page's captions and credits appear whole in the spoken body text."""
    flat = _flat(spoken)
    return sum(c in flat for c in marks.captions), sum(c in flat for c in marks.credits)


# --- metadata against WCXB's reviewed title, author and date ---------------------------------------------

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def same_title(predicted: str, truth: str) -> bool:
    """Equal once case, spacing, typographic quotes and dashes are set aside."""
    def norm(text: str) -> str:
        return " ".join(text.translate(_QUOTES).casefold().split()).strip(" .:;'\"")

    return bool(predicted.strip()) and norm(predicted) == norm(truth)


def same_byline(predicted: str, truth: str) -> bool:
    """Half the names of the shorter of the two are in the other ("Dylan Bailey" for "Dylan Bailey, MS,
    RD"); "By" and "and" do not count."""
    def names(text: str) -> set[str]:
        return set(TOKEN.findall(text.lower())) - {"by", "and", "und", "et", "y", "e", "von", "par", "por", "di"}

    pred, true = names(predicted), names(truth)
    return bool(pred and true) and len(pred & true) >= 0.5 * min(len(pred), len(true))


def same_date(predicted: str, truth: str) -> bool:
    """The same calendar day, whatever the notation (ISO with time and zone, "4 September 2025")."""
    from datetime import date

    from dateutil import parser as date_parser

    def day(text: str) -> date | None:
        text = text.strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            pass
        try:
            return date_parser.parse(text, fuzzy=True).date()
        except (ValueError, OverflowError, TypeError, AttributeError):
            return None

    found, wanted = day(predicted), day(truth)
    return found is not None and found == wanted
