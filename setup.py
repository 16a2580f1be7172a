"""Build step for the web player's assets (everything else is in pyproject.toml).

The design keeps ``templates/``, ``static/`` and ``samples/`` at the top of the repository, outside the
package. A wheel must still carry them, so ``build_py`` copies them into ``readaloud/web/`` where
:func:`readaloud.web.config.asset_dir` looks when readaloud runs from an installed wheel. Editable
installs need no copy: the app finds the checkout's folders directly.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

# top-level folder -> where it goes inside the built package
WEB_ASSETS = {
    "templates": "readaloud/web/templates",
    "static": "readaloud/web/static",
    "samples": "readaloud/web/samples",
}


class BuildPyWithWebAssets(build_py):
    """``build_py`` plus a copy of the player's top-level asset folders into the package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        root = Path(__file__).resolve().parent
        for source, target in WEB_ASSETS.items():
            if not (root / source).is_dir():
                continue
            destination = Path(self.build_lib) / target
            shutil.rmtree(destination, ignore_errors=True)
            shutil.copytree(root / source, destination, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildPyWithWebAssets})
