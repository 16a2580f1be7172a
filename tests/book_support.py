"""Shared by the EPUB 3 and DAISY tests: a structured article through the real pipeline, and EPUBCheck."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from readaloud.model import PreparedArticle
from readaloud.pipeline import extract_page, prepare
from readaloud.speak import AudioCache, Narrator, SpeechOptions

# A page with what a talking book must keep navigable: title and byline, nested headings (h2, h3),
# a figure caption (shown, not read), a table, a list, and chrome (nav, footer) that must not appear.
STRUCTURED_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>How the Library Lends Talking Books | City News</title>
<meta name="author" content="Ada Reader"></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article>
<h1>How the Library Lends Talking Books</h1>
<p class="byline">By Ada Reader</p>
<p>The central library lent more talking books last year than ever before. Readers who cannot see print,
or who find reading tiring, now borrow audio editions of newspapers every morning. The service is free
for every member of the library.</p>
<figure><img src="shelf.jpg" alt="Shelves"><figcaption>The talking-book shelves on the second floor.</figcaption></figure>
<h2>Who borrows them</h2>
<p>Most borrowers are older readers, but students with dyslexia are the fastest-growing group. Teachers say
that hearing a text while following it on screen helps them keep their place.</p>
<h3>Numbers from the annual report</h3>
<table><tr><th>Year</th><th>Loans</th></tr><tr><td>2022</td><td>12,400</td></tr><tr><td>2023</td><td>15,900</td></tr></table>
<p>Loans grew by more than a quarter in one year, according to the report published in March.</p>
<h2>How to join</h2>
<ul><li>Bring proof of address to any branch.</li><li>Ask for the talking-book service at the desk.</li>
<li>Choose a player or use your own phone.</li></ul>
<p>A librarian put it simply: reading is for everyone, and the library will keep adding titles every week.</p>
</article></main><footer>Copyright City News</footer></body></html>
"""
STRUCTURED_HEADINGS = ["How the Library Lends Talking Books", "Who borrows them", "Numbers from the annual report",
                       "How to join"]
CAPTION = "The talking-book shelves on the second floor."


def structured_article() -> PreparedArticle:
    return prepare(extract_page(STRUCTURED_PAGE))


def sample_article(samples_dir: Path, name: str) -> PreparedArticle:
    return prepare(extract_page((samples_dir / name).read_bytes()))


def narrator(cache_dir: Path) -> Narrator:
    return Narrator(SpeechOptions(), cache=AudioCache(cache_dir))


def epubcheck_command() -> list[str]:
    """How to run EPUBCheck here: the Debian command, or its jar through java when binfmt is not set up."""
    program = shutil.which("epubcheck")
    if program is None:
        pytest.skip("EPUBCheck is not installed (Debian package 'epubcheck'; 'make test' installs it)")
    try:
        if subprocess.run([program, "--version"], capture_output=True, text=True).returncode == 0:
            return [program]
    except OSError:  # Debian's epubcheck is a jar run through binfmt_misc, which containers often lack
        pass
    java = shutil.which("java")
    if java is None:
        pytest.skip("EPUBCheck is installed but neither it nor java can be run")
    return [java, "-jar", str(Path(program).resolve())]


def run_epubcheck(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(epubcheck_command() + [str(path)], capture_output=True, text=True, timeout=300)
