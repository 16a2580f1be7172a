"""``readaloud --help``: the real command's overview is the main command's full help plus the sub-commands.

Before, ``readaloud --help`` printed only an overview; -o, --voice, --rate and --lang appeared only
under ``readaloud FILE --help``, which the overview spelled with a literal "FILE".
"""

from __future__ import annotations

import subprocess
import sys

import pytest

MAIN_OPTIONS = ("-o OUT", "--format", "--voice", "--rate", "--lang", "--transcript", "--lexicon", "--list-voices", "--json", "--quiet")


def readaloud(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "readaloud", *args], capture_output=True, text=True, timeout=120)


def help_text(*args: str) -> str:
    result = readaloud(*args)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return result.stdout


def test_help_shows_every_option_of_the_main_command_and_lists_the_commands():
    text = help_text("--help")
    assert text.startswith("usage: readaloud FILE|URL|- [-o OUT]")
    for option in MAIN_OPTIONS:
        assert option in text, option
    commands = text[text.index("\ncommands:\n") :].splitlines()[2:5]
    assert [line.split()[0] for line in commands] == ["extract", "serve", "batch"]
    assert all(len(line.split()) > 3 for line in commands)  # each with a line saying what it does
    assert "FILE --help" not in text


@pytest.mark.parametrize("args", [("-h",), ("help",), ("article.html", "--help")])
def test_every_way_of_asking_gives_the_same_help(args):
    assert help_text(*args) == help_text("--help")


@pytest.mark.parametrize("command", ["extract", "serve", "batch"])
def test_a_command_keeps_its_own_help(command):
    text = help_text(command, "--help")
    assert text.startswith(f"usage: readaloud {command}")
    assert "\ncommands:\n" not in text
    assert help_text("help", command) == text


def test_a_bare_readaloud_shows_the_usage_and_says_what_is_missing():
    result = readaloud()
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("usage: readaloud FILE|URL|-")
    assert lines[-1].startswith("readaloud: name an article to read") and "Traceback" not in result.stderr


def test_version_is_listed_and_answers():
    from readaloud.version import __version__

    assert "--version" in help_text("--help")
    assert help_text("--version") == f"readaloud {__version__}\n"
