"""Pathological inputs beside a normal article: peak memory and time, and start-up beside espeak-ng + lame.

Part 1, limits. Each input is written to a temporary folder and run as a user would, one child process
per command (wall time and the child's own peak RSS from ``wait4``; a child still running after
``--timeout`` seconds is killed and shown as such):

* ``readaloud extract FILE`` for every input;
* ``readaloud FILE -o x.mp3`` (fresh audio cache) for the inputs that have something to say.

The inputs: the bundled sample article (the normal case); one paragraph of 40,000 words (a 200 KB
page); one paragraph of 2 MB (minutes of synthesis: ``--skip-2mb`` leaves it out); one of 49 MB, just
under the size limit (spoken for 150 s only: prepared and speaking, past its peak; all of it would take
hours, so its row says "killed"); one tag with 200,000
attributes; 1,000,000 sibling elements; text nested 3,000 and 100,000 elements deep; 10 KB of
``1/1/1/...`` as plain text. Targets (issue 10): peak RSS of ``readaloud FILE -o x.mp3`` at most 350 MB
for any input under the size limit; extraction finishes or is refused within 30 s.

Part 2, start-up. ``readaloud extract page.html`` as a whole process against the extraction work itself
(timed inside a warm process): the overhead must stay within 0.3 s. ``readaloud page.html -o x.mp3``
against ``espeak-ng -w`` + ``lame`` on the same text (readaloud's MP3 settings) on a short article
(the first paragraphs of the sample, about 90 words) and the sample: target within 1.25x. Each figure
is the fastest of ``--repeat`` runs (a shared machine only ever slows a run down).

Run:  .venv/bin/python benchmarks/limits.py [--skip-2mb] [--repeat 3] [--timeout 180]
Needs: espeak-ng and lame for the start-up comparison (``sudo apt-get install espeak-ng lame``).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# The sample, the short article and the espeak-ng + lame pipeline are speech.py's, so both scripts
# compare readaloud with the same competitor on the same text.
from speech import ESPEAK_VOICE, LAME_ARGS, SAMPLE, build_short_article

REPO = Path(__file__).resolve().parent.parent
PEAK_TARGET_MB = 350
SPEAK_49MB_S = 150  # prepared (about 40 s) and speaking: the rest of the run holds no more
EXTRACT_TARGET_S = 30
STARTUP_OVERHEAD_TARGET_S = 0.3
PIPELINE_TARGET_RATIO = 1.25
VOCABULARY = "the council said on tuesday that its new plan for the river would open more paths and parks".split()


@dataclass
class Measure:
    """One child process: wall time, peak RSS, exit code (None: killed at the timeout)."""

    seconds: float
    peak_rss_mb: float
    exit_code: int | None

    def cell(self) -> str:
        status = "killed" if self.exit_code is None else f"exit {self.exit_code}"
        return f"{self.seconds:7.1f} s {self.peak_rss_mb:6.0f} MB  {status:<7}"


def run_measured(command: list[str], timeout: float, env: dict[str, str] | None = None) -> Measure:
    """Run ``command`` to the end or the timeout; ``wait4`` gives this child's own rusage."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return Measure(time.perf_counter() - started, usage.ru_maxrss / 1024, process.returncode)
        if time.perf_counter() - started > timeout:
            os.killpg(process.pid, signal.SIGKILL)
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = -9
            return Measure(time.perf_counter() - started, usage.ru_maxrss / 1024, None)
        time.sleep(0.02)


def best_of(repeat: int, measure: Callable[[], Measure]) -> Measure:
    return min((measure() for _ in range(repeat)), key=lambda m: m.seconds)


# -- inputs ---------------------------------------------------------------------------------------


def words_of(count: int, seed: int) -> str:
    """``count`` words in sentences of 8-20 words: a paragraph the sentence splitter cuts as prose."""
    rng = random.Random(seed)
    sentences, total = [], 0
    while total < count:
        length = rng.randint(8, 20)
        sentences.append(" ".join(rng.choice(VOCABULARY) for _ in range(length)).capitalize() + ".")
        total += length
    return " ".join(sentences)


def paragraph_of_bytes(size: int, seed: int) -> str:
    text = words_of(size // 5, seed)
    return text[:size].rsplit(" ", 1)[0] + "."


def html_page(title: str, body: str) -> str:
    return f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


def deep_page(depth: int) -> str:
    nested = "<div>" * depth + f"<p>{words_of(30, depth)}</p>" + "</div>" * depth
    return html_page(f"Nested {depth} deep", f"<p>{words_of(40, 1)}</p>{nested}<p>{words_of(40, 2)}</p>")


# (name, file, what it holds, speak it too: True, or for at most this many seconds). The texts are
# made in a child process (write_inputs): a child's peak RSS as wait4 reports it includes what its
# parent held when it forked, so a parent holding these 70 MB of pages made every row read 164 MB.
INPUTS: list[tuple[str, str, Callable[[], str], bool | float]] = [
    ("40k-word paragraph", "p40k.html", lambda: html_page("One long paragraph", f"<p>{words_of(40_000, 3)}</p>"), True),
    ("2 MB paragraph", "p2mb.html", lambda: html_page("One huge paragraph", f"<p>{paragraph_of_bytes(2_000_000, 4)}</p>"), True),
    # Just under the default 50 MB size limit. Speaking it all would take hours: it is stopped after
    # SPEAK_49MB_S, once it is prepared and speaking, where its peak is reached.
    ("49 MB paragraph", "p49mb.html", lambda: html_page("One page-sized paragraph", f"<p>{paragraph_of_bytes(49_000_000, 5)}</p>"), SPEAK_49MB_S),
    ("200k attributes", "attrs.html", lambda: html_page("Attributes", "<p " + " ".join(f"a{i}='x'" for i in range(200_000)) + ">Hello there.</p>"), False),
    ("1M siblings", "siblings.html", lambda: html_page("Siblings", "<span>x</span>" * 1_000_000), False),
    ("3,000 deep", "deep3k.html", lambda: deep_page(3_000), True),
    ("100,000 deep", "deep100k.html", lambda: deep_page(100_000), False),
    ("10 KB of 1/1/1", "slashes.txt", lambda: "1/" * 5_000 + "1\n", True),
]


def write_inputs(folder: Path) -> None:
    for _name, file_name, text, _speak in INPUTS:
        (folder / file_name).write_text(text(), encoding="utf-8")


def build_inputs(folder: Path, skip_2mb: bool) -> list[tuple[str, Path, bool | float]]:
    """(name, file, speak it too) for every input, the files written by a child process."""
    subprocess.run([sys.executable, __file__, "--write-inputs", str(folder)], check=True)
    built: list[tuple[str, Path, bool | float]] = [("sample article", SAMPLE, True)]
    for name, file_name, _text, speak in INPUTS:
        built.append((name, folder / file_name, False if skip_2mb and file_name == "p2mb.html" else speak))
    return built


# -- part 1 ---------------------------------------------------------------------------------------


def readaloud_command(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "readaloud", *arguments]


# What a machine compiles once and every later run reuses: the language profiles, the regex programs.
COMPILED_ONCE = ("langdetect-*", "patterns-*")


def compiled_files(folder: Path) -> list[Path]:
    return [path for pattern in COMPILED_ONCE for path in folder.glob(pattern)]


def fresh_cache_env(folder: Path) -> dict[str, str]:
    """An empty audio cache (every sentence synthesised) that keeps what is compiled once per machine."""
    cache = Path(tempfile.mkdtemp(prefix="cache-", dir=folder))
    profiles = folder / "profiles"
    profiles.mkdir(exist_ok=True)
    for compiled in compiled_files(profiles):
        shutil.copy(compiled, cache)
    return {**os.environ, "READALOUD_CACHE_DIR": str(cache)}


def keep_profiles(env: dict[str, str], folder: Path) -> None:
    for compiled in compiled_files(Path(env["READALOUD_CACHE_DIR"])):
        shutil.copy(compiled, folder / "profiles")
    shutil.rmtree(env["READALOUD_CACHE_DIR"])


def compile_profiles_once(folder: Path, timeout: float) -> None:
    """Every later run starts as a user's second run does, with the language profiles and patterns compiled."""
    env = fresh_cache_env(folder)
    run_measured(readaloud_command(str(SAMPLE), "-q", "-o", str(folder / "first-run.mp3")), timeout * 20, env)
    keep_profiles(env, folder)


def limits(inputs: list[tuple[str, Path, bool | float]], folder: Path, timeout: float) -> None:
    print(f"{'input':<20}{'size':>9}   {'readaloud extract':<31}{'readaloud FILE -o x.mp3':<31}{'mp3 vs sample':>14}")
    sample_peak = None
    for name, path, speak in inputs:
        env = fresh_cache_env(folder)
        extract = run_measured(readaloud_command("extract", str(path)), timeout, env)
        row = f"{name:<20}{path.stat().st_size / 1e3:>7.0f}KB   {extract.cell()}  "
        if speak:
            out = folder / "out.mp3"
            limit = timeout * 20 if speak is True else float(speak)
            spoken = run_measured(readaloud_command(str(path), "-q", "-o", str(out)), limit, env)
            sample_peak = sample_peak or spoken.peak_rss_mb
            row += f"{spoken.cell()}  {spoken.peak_rss_mb / sample_peak:>8.2f}x RSS"
            out.unlink(missing_ok=True)
        else:
            row += f"{'(not spoken)':<31}"
        keep_profiles(env, folder)
        print(row, flush=True)
    print(f"targets: extraction finishes or is refused within {EXTRACT_TARGET_S} s; speaking peaks at most {PEAK_TARGET_MB} MB")


# -- part 2 ---------------------------------------------------------------------------------------

_WORK_IN_PROCESS = r"""
import sys, time
from readaloud.extract import extract_article
from readaloud.render.text import render_text
data = open(sys.argv[1], "rb").read()
render_text(extract_article(data))  # warm: imports, language profiles
times = []
for _ in range(5):
    started = time.perf_counter()
    render_text(extract_article(data))
    times.append(time.perf_counter() - started)
print(min(times))
"""


def extraction_work_s(path: Path, env: dict[str, str]) -> float:
    done = subprocess.run([sys.executable, "-c", _WORK_IN_PROCESS, str(path)], env=env, capture_output=True, text=True, check=True)
    return float(done.stdout.strip())


def plain_text(path: Path) -> str:
    from readaloud.extract import extract_article

    article = extract_article(path.read_bytes())
    parts = [article.title, article.dek, article.byline] + [b.text for b in article.spoken_blocks]
    return "\n\n".join(p for p in parts if p.strip()) + "\n"


def plain_pipeline(text: Path, folder: Path, timeout: float) -> Measure:
    wav, mp3 = folder / "plain.wav", folder / "plain.mp3"
    synth = run_measured(["espeak-ng", "-v", ESPEAK_VOICE, "-w", str(wav), "-f", str(text)], timeout)
    encode = run_measured(["lame", *LAME_ARGS, str(wav), str(mp3)], timeout)
    return Measure(synth.seconds + encode.seconds, max(synth.peak_rss_mb, encode.peak_rss_mb), encode.exit_code)


def startup(folder: Path, repeat: int, timeout: float) -> None:
    articles = [("short (~90 words)", build_short_article(folder / "short.html")), ("sample", SAMPLE)]
    print(f"{'article':<20}{'extract: process':>17}{'work':>8}{'overhead':>10}   {'readaloud -o x.mp3':>19}{'espeak-ng+lame':>16}{'ratio':>8}")
    ratios, overheads = [], []
    for name, path in articles:
        env = fresh_cache_env(folder)
        work = extraction_work_s(path, env)
        process = best_of(repeat, lambda: run_measured(readaloud_command("extract", str(path)), timeout, env))
        text = folder / f"{path.stem}.txt"
        text.write_text(plain_text(path), encoding="utf-8")

        def speak() -> Measure:
            fresh = fresh_cache_env(folder)
            measure = run_measured(readaloud_command(str(path), "-q", "-o", str(folder / "ours.mp3")), timeout, fresh)
            keep_profiles(fresh, folder)
            return measure

        ours = best_of(repeat, speak)
        keep_profiles(env, folder)
        row = f"{name:<20}{process.seconds:>15.2f} s{work:>6.2f} s{process.seconds - work:>8.2f} s   {ours.seconds:>17.2f} s"
        overheads.append(process.seconds - work)
        if shutil.which("espeak-ng") and shutil.which("lame"):
            plain = best_of(repeat, lambda: plain_pipeline(text, folder, timeout))
            ratios.append(ours.seconds / plain.seconds)
            row += f"{plain.seconds:>14.2f} s{ratios[-1]:>7.2f}x"
        else:
            row += f"{'(espeak-ng or lame missing)':>30}"
        print(row, flush=True)
    print(f"target: extract overhead within {STARTUP_OVERHEAD_TARGET_S} s: {'met' if max(overheads) <= STARTUP_OVERHEAD_TARGET_S else 'NOT met'} (worst {max(overheads):.2f} s)")
    if ratios:
        verdict = "met" if max(ratios) <= PIPELINE_TARGET_RATIO else "NOT met"
        print(f"target: readaloud -o x.mp3 within {PIPELINE_TARGET_RATIO}x of espeak-ng + lame: {verdict} (worst {max(ratios):.2f}x)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-2mb", action="store_true", help="do not speak the 2 MB paragraph (minutes of synthesis)")
    parser.add_argument("--skip-limits", action="store_true", help="only the start-up comparison")
    parser.add_argument("--repeat", type=int, default=3, help="runs per start-up figure; the fastest is shown")
    parser.add_argument("--timeout", type=float, default=180, help="seconds before an extraction is killed (speaking: 20x)")
    parser.add_argument("--write-inputs", type=Path, help=argparse.SUPPRESS)  # the child that makes the pages
    args = parser.parse_args()
    if args.write_inputs:
        write_inputs(args.write_inputs)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="readaloud-limits-"))
    try:
        print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)\n")
        compile_profiles_once(folder, args.timeout)
        if not args.skip_limits:
            limits(build_inputs(folder, args.skip_2mb), folder, args.timeout)
            print()
        startup(folder, args.repeat, args.timeout)
        print(f"\nload average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    finally:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
