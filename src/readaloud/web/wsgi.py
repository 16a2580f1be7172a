"""The player as a WSGI app for servers other than waitress: ``gunicorn 'readaloud.web.wsgi:app'``.

Settings come from environment variables (``READALOUD_PATHS``, ``READALOUD_ALLOWED_HOSTS``,
``READALOUD_SECRET_KEY``, ... : see ``ENVIRONMENT_SETTINGS`` in config.py and docs/deploy.md). The app
is built when this module is imported, because that is what a WSGI server imports; every other use
builds its own with :func:`readaloud.web.create_app`.
"""

from __future__ import annotations

import os

from . import create_app
from .config import config_from_environment

app = create_app(config_from_environment(os.environ))
