"""Engines that must not live in our process run in a spawned worker process instead.

pyttsx3 hangs a forked child and crashes when shared across threads; onnxruntime (piper) hangs a
forked child once its thread pool runs. A worker started with the *spawn* method owns the engine: our
process (and any process forked from it) only holds a pipe. :class:`WorkerHandle` serialises requests
with a lock, times them out, replaces a worker that crashed or hung, and starts a fresh worker in a
forked child instead of sharing the parent's pipe.

The worker side: :func:`serve` calls a module-level ``setup`` function (picklable, so spawn can
start it) that returns request handlers by name, then answers ``(name, *arguments)`` messages with
``("ok", result)`` or ``("error", message)`` until the pipe closes.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from ..errors import SpeechError

Handlers = dict[str, Callable[..., Any]]


class WorkerHandle:
    """Our side of one engine worker: lazily started, one request at a time, fork-aware."""

    def __init__(self, setup: Callable[[], Handlers], name: str, startup_timeout: float) -> None:
        self.setup = setup
        self.name = name
        self.startup_timeout = startup_timeout
        self._lock = threading.Lock()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._connection: Connection | None = None
        self._owner_pid = 0
        os.register_at_fork(after_in_child=self._after_fork_in_child)

    def _after_fork_in_child(self) -> None:
        """The worker and its pipe belong to the parent: forget them (never close or signal them)."""
        self._lock = threading.Lock()
        self._process = None
        self._connection = None

    def request(self, *message: Any, timeout: float) -> Any:
        """Send one request and wait for its answer; SpeechError on failure, timeout or crash."""
        with self._lock:
            if not self._running():
                self._start()
            try:
                return self._exchange(message, timeout)
            except SpeechError:
                self._stop()  # a worker that failed mid-request is replaced on the next one
                raise

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _running(self) -> bool:
        return self._process is not None and self._owner_pid == os.getpid() and self._process.is_alive()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        parent_end, child_end = context.Pipe()
        process = context.Process(target=serve, args=(child_end, self.setup), name=self.name, daemon=True)
        process.start()
        child_end.close()
        self._process, self._connection, self._owner_pid = process, parent_end, os.getpid()
        try:
            self._exchange(("ready",), self.startup_timeout)
        except SpeechError:
            self._stop()
            raise

    def _exchange(self, message: tuple[Any, ...], timeout: float) -> Any:
        assert self._connection is not None and self._process is not None
        try:
            self._connection.send(message)
            if not self._connection.poll(timeout):
                raise SpeechError(f"The {self.name} engine did not answer within {timeout:.0f} seconds.")
            status, payload = self._connection.recv()
        except (EOFError, OSError) as error:
            self._process.join(timeout=1)
            raise SpeechError(
                f"The {self.name} engine stopped unexpectedly (exit code {self._process.exitcode})."
            ) from error
        if status != "ok":
            raise SpeechError(f"The {self.name} engine failed: {payload}")
        return payload

    def _stop(self) -> None:
        if self._process is not None and self._owner_pid == os.getpid():
            if self._connection is not None:
                self._connection.close()
            self._process.kill()
            self._process.join(timeout=5)
        self._process = None
        self._connection = None


def serve(connection: Connection, setup: Callable[[], Handlers]) -> None:
    """The worker's main loop (runs in the spawned process)."""
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - engines print progress ("Audio saved to ...")
    try:
        handlers = {"ready": lambda: True, **setup()}
    except Exception as error:  # noqa: BLE001 - reported to the parent as one sentence
        _answer_until_closed(connection, f"could not start: {error}")
        return
    while True:
        try:
            name, *arguments = connection.recv()
        except (EOFError, OSError):
            return
        try:
            connection.send(("ok", handlers[name](*arguments)))
        except Exception as error:  # noqa: BLE001
            connection.send(("error", str(error) or type(error).__name__))


def _answer_until_closed(connection: Connection, message: str) -> None:
    """Answer every request with the startup error, so the parent reports it instead of a crash."""
    while True:
        try:
            connection.recv()
            connection.send(("error", message))
        except (EOFError, OSError):
            return
