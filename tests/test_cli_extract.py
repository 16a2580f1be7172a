"""``readaloud extract`` through the installed console script, as a user runs it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from local_http import page, redirect, serve

SLATE_TITLE = "Trump Wants Russia to Interfere for Him Again"


def run(readaloud_bin: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(readaloud_bin), "extract", *args], input=stdin, capture_output=True, timeout=120
    )


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    return result.stdout.decode("utf-8")


def test_plain_text_output(readaloud_bin, samples_dir) -> None:
    out = ok(run(readaloud_bin, str(samples_dir / "slate-trump-russia.html")))
    blocks = out.rstrip("\n").split("\n\n")
    assert blocks[0] == SLATE_TITLE
    assert blocks[1].startswith("Ahead of his meeting with Putin")
    assert blocks[2] == "Jordan Ellis"
    assert blocks[3].startswith("The last time President Donald Trump")
    assert blocks[-1].endswith("next year and in 2020.")
    assert "Getty Images" not in out  # credits are not spoken, so not printed
    assert "Skip Navigation" not in out and "Share" not in out


def test_json_output_is_the_article_model(readaloud_bin, samples_dir) -> None:
    data = json.loads(ok(run(readaloud_bin, "--json", str(samples_dir / "slate-trump-russia.txt"))))
    assert data["title"] == SLATE_TITLE
    assert data["lang"] == "en"
    assert [b["id"] for b in data["blocks"]] == [f"b{n}" for n in range(1, 16)]
    assert data["blocks"][0] == {
        "id": "b1",
        "kind": "credit",
        "text": "Alexander Shcherbak/TASS/Getty Images",
        "lang": "en",
        "spoken": False,
    }
    assert {r["reason"] for r in data["removed"]} == {"outdated-browser notice", "skip link"}


def test_json_keeps_unicode_unescaped(readaloud_bin, samples_dir) -> None:
    out = ok(run(readaloud_bin, "--json", str(samples_dir / "de-stadtbibliothek.html")))
    assert "öffnet künftig" in out and "\\u00f6" not in out


def test_markdown_output(readaloud_bin, samples_dir) -> None:
    out = ok(run(readaloud_bin, "--markdown", str(samples_dir / "de-stadtbibliothek.html")))
    assert out.startswith("# Stadtbibliothek öffnet künftig auch sonntags\n\n*Ab März")
    assert "\n## Kritik von der Gewerkschaft\n" in out
    quote = ok(run(readaloud_bin, "--markdown", str(samples_dir / "multilingual-quote.html")))
    assert "\n> Une librairie, ce n’est pas un magasin" in quote


def test_explain_lists_removals_after_the_text(readaloud_bin, samples_dir) -> None:
    out = ok(run(readaloud_bin, "--explain", str(samples_dir / "slate-trump-russia.txt")))
    text, _, explanation = out.partition("\nremoved: 3 items\n")
    assert text.startswith(SLATE_TITLE)
    assert explanation.splitlines() == [
        "- outdated-browser notice (line 1): You are using an outdated browser.",
        "- outdated-browser notice (line 2): Please upgrade your browser and improve your visit to our site.",
        "- skip link (line 4): Skip Navigation",
    ]


def test_stdin_and_base_url(readaloud_bin, samples_dir) -> None:
    html = (samples_dir / "multilingual-quote.html").read_bytes()
    data = json.loads(ok(run(readaloud_bin, "--json", "--url", "https://example.com/story", "-", stdin=html)))
    assert data["title"].startswith("A Paris Bookshop Turns 100")
    assert data["url"] == "https://example.com/story"


def test_url_source_after_a_redirect(readaloud_bin, samples_dir) -> None:
    html = (samples_dir / "slate-trump-russia.html").read_bytes()
    with serve({"/story.html": page(html), "/s": redirect("/story.html")}) as server:
        data = json.loads(ok(run(readaloud_bin, "--json", f"{server.url}/s")))
    assert data["title"] == SLATE_TITLE
    assert data["url"] in (f"{server.url}/story.html", "https://slate.example.com/news-and-politics/2017/07/trump-wants-russia-to-interfere-for-him-again.html")
    assert len([b for b in data["blocks"] if b["spoken"]]) == 14


def test_max_size_option(readaloud_bin, samples_dir) -> None:
    result = run(readaloud_bin, "--max-size", "0.01", str(samples_dir / "slate-trump-russia.html"))
    assert result.returncode == 7
    assert result.stderr.decode().startswith("readaloud: ")
    assert "limit" in result.stderr.decode()


def test_output_formats_are_exclusive(readaloud_bin, samples_dir) -> None:
    result = run(readaloud_bin, "--json", "--markdown", str(samples_dir / "slate-trump-russia.txt"))
    assert result.returncode == 2
    assert b"not allowed with" in result.stderr


def test_speech_script(readaloud_bin, samples_dir) -> None:
    out = ok(run(readaloud_bin, "--speech", str(samples_dir / "slate-trump-russia.txt")))
    assert "b2.s1" in out
    assert "This development pleased Kremlin flacks." in out


def test_speech_with_lang_previews_what_the_override_says(readaloud_bin, tmp_path) -> None:
    """--lang changes the speech text, not only the voice: numbers and dates are read in that language,
    and a quotation in a third language keeps its own."""
    page = tmp_path / "page.html"
    page.write_text(
        '<html lang="en"><head><title>Prices</title></head><body><article><h1>Prices</h1>'
        "<p>On 3 May 2021 the bakery sold 25 loaves of bread to the people who were waiting outside.</p>"
        '<p lang="fr">Le boulanger a dit que la farine coûte 12 euros le sac depuis le mois dernier.</p>'
        "</article></body></html>", encoding="utf-8")
    english = ok(run(readaloud_bin, "--speech", str(page)))
    german = ok(run(readaloud_bin, "--speech", "--lang", "de", str(page)))
    assert "twenty-five loaves" in english and "fünfundzwanzig" not in english
    assert "fünfundzwanzig" in german and "twenty-five" not in german
    assert "douze euros" in german  # the French block is still read as French
    data = json.loads(ok(run(readaloud_bin, "--json", "--lang", "de-AT", str(page))))
    assert data["lang"] == "de-at"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full (a device that is always full)")
def test_a_full_disk_behind_stdout_is_one_sentence_and_exit_11(readaloud_bin, samples_dir) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run([str(readaloud_bin), "extract", str(samples_dir / "slate-trump-russia.html")],
                                stdout=full, stderr=subprocess.PIPE, timeout=120)
    stderr = result.stderr.decode()
    assert result.returncode == 11, stderr
    assert stderr == "readaloud: cannot write to standard output: no space left on device.\n"


@pytest.fixture()
def keep_sigpipe():
    """cli.main restores SIGPIPE's default (die quietly), as a command should; in the test process that
    would let the next test's closed socket kill pytest itself, so the handler is put back."""
    import signal

    previous = signal.getsignal(signal.SIGPIPE)
    yield
    signal.signal(signal.SIGPIPE, previous)


def test_a_bug_is_one_sentence_not_a_traceback(monkeypatch, capsys, keep_sigpipe) -> None:
    """The one place errors become exit codes (cli.main) also catches what is not a ReadaloudError."""
    from readaloud import cli
    from readaloud.commands import extract

    def broken(args) -> int:
        raise TypeError("an example bug\nover two lines")

    monkeypatch.setattr(extract, "run", broken)
    monkeypatch.delenv(cli.DEBUG_VARIABLE, raising=False)
    assert cli.main(["extract", "page.html"]) == 1
    stderr = capsys.readouterr().err
    assert stderr.startswith("readaloud: internal error (TypeError: an example bug over two lines)")
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    monkeypatch.setenv(cli.DEBUG_VARIABLE, "1")
    with pytest.raises(TypeError):
        cli.main(["extract", "page.html"])
