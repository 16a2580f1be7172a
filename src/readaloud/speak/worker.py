"""Engines that must not live in our process run in a worker process of their own instead.

pyttsx3 hangs a forked child and crashes when shared across threads; onnxruntime (piper) hangs a
forked child once its thread pool runs. A fresh interpreter (``python -m readaloud.speak.worker``)
owns the engine: our process (and any process forked from it) only holds one end of a socket pair.
Not ``multiprocessing``'s spawn: it re-runs the caller's main script in the child, which breaks any
script without an ``if __name__ == "__main__"`` guard (measured).

:class:`WorkerHandle` serialises requests with a lock, times them out, replaces a worker that crashed
or hung, and starts a fresh worker in a forked child instead of sharing the parent's. The worker side:
:func:`serve` calls a module-level ``setup`` function, named as ``"module:function"``, that returns
request handlers by name, then answers pickled ``(name, *arguments)`` messages with ``("ok", result)``
or ``("error", message)`` until the socket closes (so it also ends when our process dies).
"""

from __future__ import annotations

import importlib
import os
import socket
import subprocess
import sys
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ..errors import SpeechError

# How long a worker whose socket was closed gets to exit by itself before it is killed.
GRACEFUL_EXIT_S = 2.0
# Where the readaloud package lives, so the worker imports the same code even when it is not installed.
PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


class WorkerHandle:
    """Our side of one engine worker: lazily started, one request at a time, fork-aware."""

    def __init__(self, setup: str, name: str, startup_timeout: float) -> None:
        self.setup = setup  # "module:function" returning the handlers, run in the worker
        self.name = name
        self.startup_timeout = startup_timeout
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._connection: Connection | None = None
        self._owner_pid = 0
        os.register_at_fork(after_in_child=self._after_fork_in_child)

    def _after_fork_in_child(self) -> None:
        """The worker and its socket belong to the parent: forget them (never close or signal them)."""
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
        return self._process is not None and self._owner_pid == os.getpid() and self._process.poll() is None

    def _start(self) -> None:
        ours, theirs = socket.socketpair()
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [PACKAGE_ROOT, environment.get("PYTHONPATH")]))
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "readaloud.speak.worker", self.setup, str(theirs.fileno())],
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=environment,
            )
        except OSError as error:
            ours.close()
            raise SpeechError(f"The {self.name} engine could not start: {error}.") from error
        finally:
            theirs.close()
        self._connection, self._owner_pid = Connection(ours.detach()), os.getpid()
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
            code = self._process.wait(timeout=5) if self._process.poll() is None else self._process.returncode
            raise SpeechError(f"The {self.name} engine stopped unexpectedly (exit code {code}).") from error
        if status != "ok":
            raise SpeechError(f"The {self.name} engine failed: {payload}")
        return payload

    def _stop(self) -> None:
        if self._process is not None and self._owner_pid == os.getpid():
            if self._connection is not None:
                self._connection.close()
            # A worker that sees its socket close exits by itself and removes its temporary files
            # (atexit); only one stuck mid-request is killed.
            try:
                self._process.wait(timeout=GRACEFUL_EXIT_S)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=5)
        self._process = None
        self._connection = None


def serve(connection: Connection, setup: str) -> None:
    """The worker's main loop: build the handlers, then answer requests until the socket closes."""
    module_name, function_name = setup.split(":")
    try:
        handlers = {"ready": lambda: True, **getattr(importlib.import_module(module_name), function_name)()}
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


if __name__ == "__main__":
    serve(Connection(int(sys.argv[2])), sys.argv[1])
