"""The listener's own voice for each language, kept in a settings file so every run uses it.

``~/.config/readaloud/settings.toml`` (or ``$XDG_CONFIG_HOME/readaloud/settings.toml``, or the file
``$READALOUD_SETTINGS`` names) holds a ``[voices]`` table, language tag -> voice id or name, of any
installed engine; batch settings files take the same table::

    [voices]
    en = "en_US-joe-medium"   # piper's natural voice for English
    de = "gmw/de"             # espeak-ng for German
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import ReadaloudError, UsageError
from ..langtags import normalise_tag

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

SETTINGS_VARIABLE = "READALOUD_SETTINGS"
MAX_SETTINGS_BYTES = 1024 * 1024  # a settings file is a few lines; anything bigger was named by mistake

# (language tag, voice id or name) pairs, most specific tag first: what SpeechOptions carries.
VoiceDefaults = tuple[tuple[str, str], ...]


def settings_path(environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    explicit = environ.get(SETTINGS_VARIABLE, "").strip()
    if explicit:
        return Path(explicit).expanduser()
    config_home = environ.get("XDG_CONFIG_HOME", "").strip() or str(Path.home() / ".config")
    return Path(config_home) / "readaloud" / "settings.toml"


def voice_defaults(table: Any, source: str) -> VoiceDefaults:
    """A ``[voices]`` table checked: every key a language tag, every value a voice's id or name."""
    if not isinstance(table, dict):
        raise UsageError(f'{source}: "voices" must be a table of language = "voice id" lines.')
    pairs = []
    for key, value in table.items():
        tag = normalise_tag(str(key))
        if not tag:
            raise UsageError(f"{source}: {key!r} in [voices] is not a language tag (such as en, de or pt-BR).")
        if not isinstance(value, str) or not value.strip() or "\0" in value:
            raise UsageError(f"{source}: the voice for {key!r} must be a voice id or name in quotes.")
        pairs.append((tag, value.strip()))
    return tuple(sorted(pairs, key=lambda pair: -pair[0].count("-")))


def user_voice_defaults(environ: Mapping[str, str] | None = None) -> VoiceDefaults:
    """The listener's ``[voices]``, or none when there is no settings file."""
    from ..load import read_file

    path = settings_path(environ)
    if not path.is_file():
        return ()
    try:
        table = tomllib.loads(read_file(path, max_bytes=MAX_SETTINGS_BYTES).decode("utf-8"))
    except ReadaloudError as error:
        raise UsageError(f"cannot read the settings file: {str(error).rstrip('.')}.") from None
    except UnicodeDecodeError:
        raise UsageError(f"the settings file {path} is not UTF-8 text.") from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"the settings file {path} is not valid TOML: {error}.") from None
    return voice_defaults(table.get("voices", {}), str(path))
