"""Engines by name, one instance per name per process.

Engines are expensive to start (espeak loads its data, piper its model, pyttsx3 a worker process) and
some wrap process-wide C state, so each name is created once and shared. The instances live in an
:class:`EngineRegistry` object; :func:`get_engine` uses one registry per process (a one-slot
``lru_cache`` factory), which is what the command line and the web app want.
"""

from __future__ import annotations

import functools
import importlib
import os
import threading

from ..errors import SpeechError
from .base import Engine

# name -> "module:class", imported only when asked for: pyttsx3 and piper are slow or optional imports.
ENGINE_CLASSES = {
    "espeak": "readaloud.speak.espeak:EspeakEngine",
    "pyttsx3": "readaloud.speak.pyttsx3_engine:Pyttsx3Engine",
    "piper": "readaloud.speak.piper_engine:PiperEngine",
}

# Tried in order when no engine is named: espeak (exact word times, fastest), then pyttsx3 (which on
# macOS and Windows speaks through the system voices).
DEFAULT_ENGINES = ("espeak", "pyttsx3")


class EngineRegistry:
    """Creates each engine on first use and hands out the same instance afterwards."""

    def __init__(self, engine_classes: dict[str, str] | None = None) -> None:
        self.engine_classes = dict(engine_classes or ENGINE_CLASSES)
        self._engines: dict[str, Engine] = {}
        self._lock = threading.Lock()
        os.register_at_fork(after_in_child=self._after_fork_in_child)

    def _after_fork_in_child(self) -> None:
        self._lock = threading.Lock()  # a parent thread may have held it while creating an engine

    @property
    def names(self) -> list[str]:
        return list(self.engine_classes)

    def get(self, name: str | None = None) -> Engine:
        """The engine called ``name`` (None or "" picks the default); SpeechError when unknown or unusable."""
        if not name:
            return self.default()
        key = name.strip().lower()
        if key not in self.engine_classes:
            raise SpeechError(f"Unknown speech engine {name!r}; available engines: {', '.join(self.names)}.")
        with self._lock:
            if key not in self._engines:
                self._engines[key] = self._create(key)
            return self._engines[key]

    def default(self) -> Engine:
        """The first engine of :data:`DEFAULT_ENGINES` that starts."""
        failures = []
        for name in DEFAULT_ENGINES:
            try:
                return self.get(name)
            except SpeechError as error:
                failures.append(str(error))
        raise SpeechError(f"No speech engine is usable: {' '.join(failures)}")

    def _create(self, name: str) -> Engine:
        module_name, class_name = self.engine_classes[name].split(":")
        engine_class = getattr(importlib.import_module(module_name), class_name)
        return engine_class()


@functools.lru_cache(maxsize=1)
def process_registry() -> EngineRegistry:
    """The registry :func:`get_engine` uses: one per process, like the engines' own C state."""
    return EngineRegistry()


def get_engine(name: str | None = None) -> Engine:
    """The shared engine called ``name`` (default: espeak, else pyttsx3)."""
    return process_registry().get(name)
