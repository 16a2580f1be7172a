"""readaloud: offline, accessible text-to-speech article reader.

Pipeline: load -> extract -> prepare -> speak -> render (see docs/architecture.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .model import Article


def extract(source: str | bytes, url: str | None = None) -> "Article":
    """HTML (or plain text) in, a clean :class:`~readaloud.model.Article` out.

    ``source`` is the page itself (``str`` or undecoded ``bytes``), not a path.
    """
    from .extract import extract_article

    return extract_article(source, url=url)


__all__ = ["extract", "__version__"]
