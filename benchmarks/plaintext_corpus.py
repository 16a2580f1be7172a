"""How well the plain-text extractor cleans pages saved as text, on the Readability test pages.

    .venv/bin/python benchmarks/plaintext_corpus.py [--pages]

Each ``source.html`` is rendered the way a browser's innerText / "Save as text" renders it (blank
lines around paragraphs and headings, one line per other block, hidden elements and scripts left
out), then read by ``text_to_article``. Its body is scored against ``expected.html`` with the field's
metric (benchmarks/scoring.py), side by side with keeping every line of the rendering (no cleaning)
and with readaloud's own HTML extractor on the same page (what the markup is worth).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import lxml.etree
import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import corpus_dir, load_corpus, score_page, summarise  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
# innerText's rules, simplified: paragraphs and headings get a blank line around them, other block
# elements a line break, table cells a tab; these elements are not rendered at all.
PARAGRAPH_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "table", "ul", "ol"}
BLOCK_TAGS = {
    "div", "li", "tr", "section", "article", "header", "footer", "nav", "aside", "main", "form",
    "figcaption", "dd", "dt", "dl", "address", "hr", "br", "fieldset", "details", "summary", "caption",
}
UNRENDERED = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "select", "button")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def render_as_text(html: str) -> str:
    """The page's visible text with browser-like line breaks."""
    root = lxml.html.document_fromstring(html)
    for el in list(root.iter(*UNRENDERED)):
        el.drop_tree()
    for el in list(root.iter(lxml.etree.Element)):
        if el.getparent() is not None and (el.get("hidden") is not None or HIDDEN_STYLE.search(el.get("style", ""))):
            el.drop_tree()
    parts: list[str] = []
    _walk(root, parts)
    text = "".join(parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _walk(el: lxml.html.HtmlElement, parts: list[str]) -> None:
    if not isinstance(el.tag, str):
        return  # a comment or processing instruction: not rendered (its tail is the parent's business)
    tag = el.tag
    breaks = "\n\n" if tag in PARAGRAPH_TAGS else "\n" if tag in BLOCK_TAGS else ""
    parts.append(breaks)
    if tag in ("td", "th"):
        parts.append("\t")
    parts.append(el.text or "")
    for child in el:
        _walk(child, parts)
        parts.append(child.tail or "")
    parts.append(breaks)


def main(argv: list[str]) -> int:
    from readaloud.extract.html import html_to_article
    from readaloud.extract.plaintext import text_to_article

    pages = [page for page in load_corpus(corpus_dir(REPO)) if page.is_real]
    runs: dict[str, list] = {"every line (no cleaning)": [], "text_to_article": [], "html_to_article (markup)": []}
    per_page = []
    for page in pages:
        rendered = render_as_text(page.source)
        article = text_to_article(rendered)
        body = "\n".join(block.text for block in article.spoken_blocks)
        html_body = "\n".join(block.text for block in html_to_article(page.source).spoken_blocks)
        runs["every line (no cleaning)"].append(score_page(rendered, page.truth))
        runs["text_to_article"].append(score_page(body, page.truth))
        runs["html_to_article (markup)"].append(score_page(html_body, page.truth))
        per_page.append((runs["text_to_article"][-1].f1, page.name))
    print(f"{len(pages)} real pages of the Readability corpus, rendered as text")
    print(f"{'reader':<28} {'F1':>7} {'prec':>7} {'recall':>7}")
    for name, scores in runs.items():
        summary = summarise(scores)
        print(f"{name:<28} {summary.f1:7.3f} {summary.precision:7.3f} {summary.recall:7.3f}")
    if "--pages" in argv:
        for f1, name in sorted(per_page)[:25]:
            print(f"  {f1:.3f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
