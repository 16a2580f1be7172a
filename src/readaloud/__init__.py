"""readaloud: offline, accessible text-to-speech article reader.

The stages (load -> extract -> prepare -> speak -> render) are composed in :mod:`readaloud.pipeline`;
its three entry points are also here::

    import readaloud
    article = readaloud.read("page.html")                 # a file, URL or "-" -> Article
    article = readaloud.extract_page(page_bytes, url=...)  # a page already in hand -> Article
    prepared = readaloud.prepare(article)                 # sentences and speech text -> PreparedArticle
"""

from __future__ import annotations

import importlib

from .version import __version__

_PIPELINE = frozenset({"read", "extract_page", "prepare"})


def __getattr__(name: str) -> object:
    """Loaded on first use (PEP 562), so ``readaloud --version`` does not import the extractor."""
    if name in _PIPELINE:
        return getattr(importlib.import_module(f"{__name__}.pipeline"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["__version__", "extract_page", "prepare", "read"]
