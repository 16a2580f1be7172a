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

# What counts as a caption or a photo credit of the source page, for every tool alike:
# - a <figcaption>, or an element with itemprop=caption (captions) / copyrightHolder, creditText (credits);
# - an element one of whose classes has "caption" ("credit", "copyright") as a whole word of the class
#   name, words being split at "-" and "_": WordPress's wp-caption-text, image-caption, figure__caption,
#   Arc's "credit" count; "_titleNoCredit_" or "navFooterCopyright" do not (a substring match counted them);
# - not an element holding a heading or a form control: that is a teaser or product card (Bootstrap's
#   .thumbnail > .caption wraps a card's <h3> and buttons), not a caption;
# - not inside <footer> or <nav> (the site's copyright line, a cast list);
# - LEAK_MIN_WORDS to LEAK_MAX_WORDS words long: a shorter one could be in the body by chance ("Getty
#   Images"), a longer "caption" element is a wrapper around the article;
# - its text is not also in the page's other text: a caption that repeats a sentence of the body
#   ("There are various styles of wine, each with unique characteristics.") would count the body
#   sentence as a leak.
# A leak is such a caption or credit found whole (case and spacing aside) in a tool's spoken body text.
CAPTION_WORDS = frozenset({"caption", "captions", "figcaption"})
CREDIT_WORDS = frozenset({"credit", "credits", "copyright"})
CAPTION_ITEMPROPS = frozenset({"caption"})
CREDIT_ITEMPROPS = frozenset({"copyrightholder", "credittext"})
LEAK_MIN_WORDS = 4
LEAK_MAX_WORDS = 80
_CLASS_WORD = re.compile(r"[-_]+")
_NOT_A_FIGURE = frozenset({"footer", "nav"})
_NEVER_A_CAPTION = frozenset({"html", "body", "article", "main", "script", "style"})
_CARD_PARTS = ("h1", "h2", "h3", "h4", "h5", "h6", "button", "input", "select", "form")


@dataclass(frozen=True)
class PageMarks:
    """The caption and credit texts of one source page, whitespace collapsed, lower case."""

    captions: tuple[str, ...]
    credits: tuple[str, ...]


def _class_words(el: lxml.etree._Element) -> set[str]:
    """The words of ``el``'s class names: "wp-caption-text figure__credit" gives wp, caption, text, figure,
    credit."""
    return {w for name in (el.get("class") or "").lower().split() for w in _CLASS_WORD.split(name) if w}


def _mark(el: lxml.etree._Element) -> str:
    """"caption", "credit" or "" for one element, by its tag, class words and itemprop."""
    if el.tag == "figcaption":
        return "caption"
    words = _class_words(el)
    itemprop = (el.get("itemprop") or "").lower()
    if itemprop in CAPTION_ITEMPROPS or words & CAPTION_WORDS:
        return "caption"
    if itemprop in CREDIT_ITEMPROPS or words & CREDIT_WORDS:
        return "credit"
    return ""


def caption_and_credit_texts(html: str) -> PageMarks:
    """The texts the page marks as a caption or a credit (the rules above the module's PageMarks)."""
    try:
        root = lxml.etree.fromstring(html, lxml.etree.HTMLParser(remove_comments=True, huge_tree=True))
    except (lxml.etree.ParserError, ValueError):
        return PageMarks((), ())
    if root is None:
        return PageMarks((), ())
    for el in root.iter("script", "style", "noscript", "template"):
        el.text = None
    found: dict[str, dict[str, None]] = {"caption": {}, "credit": {}}
    marked: list[lxml.etree._Element] = []
    for el in root.xpath("//figcaption | //*[@class or @itemprop]"):
        kind = _mark(el)
        if not kind or el.tag in _NEVER_A_CAPTION or any(a.tag in _NOT_A_FIGURE for a in el.iterancestors()):
            continue
        if next(el.iter(*_CARD_PARTS), None) is not None:
            continue
        marked.append(el)
        text = _flat("".join(el.itertext()))
        if LEAK_MIN_WORDS <= len(text.split()) <= LEAK_MAX_WORDS:
            found[kind][text] = None
    other = _flat(" ".join(_text_outside(root, set(marked))))
    captions = tuple(t for t in found["caption"] if t not in other)
    credits = tuple(t for t in found["credit"] if t not in found["caption"] and t not in other)
    return PageMarks(captions, credits)


def _text_outside(root: lxml.etree._Element, marked: set[lxml.etree._Element]) -> list[str]:
    """The page's text outside the marked elements, one piece per text node (no recursion: pages can nest
    thousands of levels deep)."""
    parts: list[str] = []
    stack: list[tuple[lxml.etree._Element, bool]] = [(root, False)]
    while stack:
        el, done = stack.pop()
        if done:
            parts.append(el.tail or "")
            continue
        stack.append((el, True))
        if el not in marked:
            parts.append(el.text or "")
            stack.extend((child, False) for child in reversed(el))
    return parts


def leaks(marks: PageMarks, spoken: str) -> tuple[int, int]:
    """How many of the page's captions and credits appear whole in the spoken body text."""
    caption_texts, credit_texts = leaked_texts(marks, spoken)
    return len(caption_texts), len(credit_texts)


def leaked_texts(marks: PageMarks, spoken: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The captions and credits that :func:`leaks` counts, to see how the leaking pages mark them up."""
    flat = _flat(spoken)
    return tuple(c for c in marks.captions if c in flat), tuple(c for c in marks.credits if c in flat)


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
