"""Output names a librarian can read and every file system accepts.

A name comes from the article's title: accents folded to ASCII (so FAT-formatted players and Windows
shares take it), characters reserved on Windows/macOS/Linux removed, device names avoided, length
limited. When two sources share a title, the later one gets a short suffix derived from its source
identity, so the same source always gets the same name on every run.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import PurePosixPath
from urllib.parse import urlsplit

# Characters no portable file name may hold: Windows forbids <>:"/\|?* and control characters,
# POSIX forbids "/" and NUL; we also drop characters shells and URLs make awkward (#%&{}$!'`@=+;).
_UNSAFE_CHARS = re.compile(r"""[<>:"/\\|?*\x00-\x1f\x7f#%&{}$!'`@=+;,\[\]^~]""")
_SPACES = re.compile(r"[\s_]+")
_DASHES = re.compile(r"-{2,}")

# Names Windows reserves for devices, with or without an extension (learn.microsoft.com,
# "Naming Files, Paths, and Namespaces").
_RESERVED_NAMES = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)

# Letters that NFKD does not decompose into ASCII but have a customary ASCII spelling.
_ASCII_SPELLINGS = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
     "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i",
     "‘": "", "’": "", "“": "", "”": "", "–": "-", "—": "-"}
)

# 80 characters keeps the longest name (stem + suffix + ".daisy202" style extensions) well under
# the 255-byte limit of ext4/NTFS and readable in a player's file list.
MAX_STEM_LENGTH = 80
SUFFIX_LENGTH = 8
FALLBACK_STEM = "article"


def ascii_fold(text: str) -> str:
    """``Ärger über Café`` -> ``Arger uber Cafe``; scripts with no ASCII form simply drop out."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_SPELLINGS))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def safe_stem(title: str, max_length: int = MAX_STEM_LENGTH) -> str:
    """A file-name stem from a title: ASCII, no reserved characters or names, at most ``max_length``.

    Empty when nothing of the title survives ASCII folding.
    """
    text = _UNSAFE_CHARS.sub(" ", ascii_fold(title))
    text = _SPACES.sub("-", text.strip())
    text = _DASHES.sub("-", text).strip("-.")
    text = _truncate_at_word(text, max_length)
    device, dot, rest = text.partition(".")
    if device.lower() in _RESERVED_NAMES:  # "CON" and "CON.anything" are both devices on Windows
        text = f"{device}-{FALLBACK_STEM}{dot}{rest}"
    return text


def readable_stem(title: str, identity: str) -> str:
    """The title's stem; for a title with no ASCII form (Japanese, Greek...), the source's file name."""
    source_name = PurePosixPath(urlsplit(identity).path if "://" in identity else identity.replace("\\", "/")).stem
    return safe_stem(title) or safe_stem(source_name) or FALLBACK_STEM


def _truncate_at_word(text: str, max_length: int) -> str:
    """Cut at the last dash before the limit so a name never ends mid-word (unless one word is too long)."""
    if len(text) <= max_length:
        return text
    cut = text[:max_length]
    if "-" in cut[max_length // 2 :]:
        cut = cut[: cut.rindex("-")]
    return cut.strip("-.")


def identity_suffix(identity: str) -> str:
    """A short, stable suffix from a source's identity (its absolute path or URL)."""
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:SUFFIX_LENGTH]


def unique_name(title: str, identity: str, extension: str, taken: set[str]) -> str:
    """The readable name for ``title``, suffixed from ``identity`` only when another source holds it.

    ``taken`` holds names in lower case (case-insensitive file systems collide on case alone);
    ``extension`` includes its dot (``.mp3``) or is empty for a folder.
    """
    stem = readable_stem(title, identity)
    name = f"{stem}{extension}"
    if name.lower() not in taken:
        return name
    name = f"{stem}-{identity_suffix(identity)}{extension}"
    counter = 2
    while name.lower() in taken:  # only if two identities share a hash prefix: vanishingly rare
        name = f"{stem}-{identity_suffix(identity)}-{counter}{extension}"
        counter += 1
    return name
