"""readaloud: offline, accessible text-to-speech article reader.

Pipeline: load -> extract -> prepare -> speak -> render (see docs/architecture.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .model import Article

# The subpackage readaloud.extract shares its name with the function below. Python sets the package
# attribute to the submodule whenever the submodule is first imported, which would replace the function
# as soon as anything imported readaloud.extract.*; importing it first and defining the function after
# keeps ``readaloud.extract(...)`` callable (``from readaloud.extract import ...`` still works).
from . import extract as _extract_package  # noqa: E402,F401


def extract(source: str | bytes, url: str | None = None) -> Article:
    """HTML (or plain text) in, a clean :class:`~readaloud.model.Article` out.

    ``source`` is the page itself (``str`` or undecoded ``bytes``), not a path.
    """
    from .extract import extract_article

    return extract_article(source, url=url)


__all__ = ["extract", "__version__"]
