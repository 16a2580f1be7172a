"""Cost of the stages around extraction: decoding, language assignment, and a 30 MB page end to end.

    .venv/bin/python benchmarks/load_and_language.py

Prints, for the Readability test pages in ../shared/corpora: decode time per page and language
assignment time per article (langdetect's profile load shown separately); then two generated ~30 MB
pages (inlined app data; 60,000 paragraphs) through readaloud, trafilatura and readability-lxml side by
side. Single process; the machine's other load shows in the figures, so compare columns, not runs.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "readability-test-pages"
SAMPLE = REPO / "samples" / "slate-trump-russia.html"


def timed(function: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def milliseconds(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1e3:7.1f} ms   mean {statistics.mean(values) * 1e3:7.1f} ms   max {max(values) * 1e3:7.1f} ms"


def corpus_figures() -> None:
    from readaloud.extract.html import html_to_article
    from readaloud.extract.language import LanguageDetector, assign_languages
    from readaloud.load import decode

    pages = sorted(CORPUS.glob("*/source.html"))
    load_time, detector = timed(LanguageDetector)
    decode_times, language_times, detected_times = [], [], []
    for page in pages:
        seconds, document = timed(lambda: decode(page.read_bytes()))
        decode_times.append(seconds)
        article = html_to_article(document.text)
        page_gave_lang = bool(article.lang)
        seconds, _ = timed(lambda: assign_languages(article, detector))
        language_times.append(seconds)
        if not page_gave_lang:
            detected_times.append(seconds)
    print(f"corpus: {len(pages)} pages")
    print(f"  decode                    {milliseconds(decode_times)}")
    print(f"  langdetect profile load   {load_time * 1e3:7.1f} ms (once per process)")
    print(f"  assign_languages          {milliseconds(language_times)}")
    print(f"    pages without a lang    {milliseconds(detected_times)}   ({len(detected_times)} pages)")


def huge_pages() -> dict[str, bytes]:
    html = SAMPLE.read_text(encoding="utf-8")
    blob = json.dumps([{"id": n, "headline": f"Story {n}", "body": "lorem ipsum dolor sit amet " * 20} for n in range(45000)])
    paragraph = "<p>" + "The committee met again on Monday and agreed to postpone the vote until the figures are out. " * 5 + "</p>\n"
    body_start = '<div class="article__content" itemprop="articleBody">'
    return {
        "inlined app data": html.replace("</body>", f'<script type="application/json">{blob}</script></body>').encode(),
        "60,000 paragraphs": html.replace(body_start, body_start + paragraph * (30_000_000 // len(paragraph))).encode(),
    }


def huge_page_figures() -> None:
    import trafilatura
    from readability import Document

    import readaloud

    extractors: dict[str, Callable[[bytes], object]] = {
        "readaloud (decode+extract+lang)": lambda data: readaloud.extract_page(data),
        "trafilatura": lambda data: trafilatura.extract(data.decode("utf-8"), include_comments=False),
        "readability-lxml": lambda data: Document(data.decode("utf-8")).summary(),
    }
    for name, data in huge_pages().items():
        print(f"{name}: {len(data) / 1e6:.1f} MB")
        for extractor, function in extractors.items():
            seconds, _ = timed(lambda: function(data))
            print(f"  {extractor:<34} {seconds:7.2f} s")


def main() -> int:
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    corpus_figures()
    huge_page_figures()
    return 0


if __name__ == "__main__":
    sys.exit(main())
