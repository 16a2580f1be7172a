"""The key map is data (static/keys.js); docs/keyboard.md must describe exactly that map, and the map
must keep off the keys screen readers and the browser own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
KEYS_JS = REPO / "static" / "keys.js"
KEYBOARD_DOC = REPO / "docs" / "keyboard.md"
# Keys NVDA/JAWS use as their modifier, and Chrome's own Alt+Shift shortcuts.
SCREEN_READER_KEYS = {"Insert", "CapsLock"}
CHROME_ALT_SHIFT = {"KeyA", "KeyB", "KeyI", "KeyT"}


def js_array(name: str) -> str:
    source = KEYS_JS.read_text(encoding="utf-8")
    match = re.search(rf"export const {name} = \[(.*?)\n\];", source, re.S)
    assert match, f"{name} not found in keys.js"
    return match.group(1)


def toolbar_keys() -> list[dict[str, str]]:
    entries = re.findall(r'keys: \[((?:"[^"]*",?\s*)*)\], label: "([^"]+)", action: "(\w+)"', js_array("TOOLBAR_KEYS"))
    return [{"keys": re.findall(r'"([^"]+)"', keys), "label": label, "action": action} for keys, label, action in entries]


def page_keys() -> list[dict[str, str]]:
    entries = re.findall(r'action: "(\w+)", code: "(\w+)"', js_array("PAGE_KEYS"))
    return [{"action": action, "code": code} for action, code in entries]


def action_labels() -> dict[str, str]:
    source = KEYS_JS.read_text(encoding="utf-8")
    block = re.search(r"export const ACTION_LABELS = \{(.*?)\n\};", source, re.S).group(1)
    return dict(re.findall(r'(\w+): "([^"]+)"', block))


def doc_table(heading_start: str) -> dict[str, str]:
    """First column -> second column of the table under the heading that starts with ``heading_start``."""
    text = KEYBOARD_DOC.read_text(encoding="utf-8")
    section = text.split(f"## {heading_start}", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| ([^|]+) \|", section, re.M)
    return {key: action.strip() for key, action in rows}


def character(code: str) -> str:
    return {"Slash": "/"}.get(code, code.removeprefix("Key").removeprefix("Digit"))


def test_keys_js_parses_into_complete_tables():
    assert len(toolbar_keys()) >= 12 and len(page_keys()) >= 12
    labels = action_labels()
    for binding in toolbar_keys() + page_keys():
        assert binding["action"] in labels


def test_doc_lists_every_toolbar_key_with_its_action():
    table = doc_table("While the player controls have focus")
    labels = action_labels()
    assert table == {b["label"]: labels[b["action"]] for b in toolbar_keys()}


def test_doc_lists_every_page_key_with_its_action():
    table = doc_table("Anywhere on the page")
    labels = action_labels()
    assert table == {character(k["code"]): labels[k["action"]] for k in page_keys()}


@pytest.mark.parametrize("scope", ["toolbar", "page"])
def test_keys_screen_readers_and_the_browser_own_are_left_alone(scope):
    if scope == "toolbar":
        keys = [key for binding in toolbar_keys() for key in binding["keys"]]
        assert not SCREEN_READER_KEYS & set(keys)
        assert len(keys) == len(set(keys)), "one key, one action"
    else:
        codes = [k["code"] for k in page_keys()]
        assert not CHROME_ALT_SHIFT & set(codes)
        assert len(codes) == len(set(codes)), "one key, one action"
