"""Progress and cancellation for long work, without any GUI type.

A long service (report, import, export) takes a `TaskControl`; the GUI's task runner gives one
that forwards progress to a progress bar and sets the cancel flag from a button; the command
line gives `TaskControl()`, which reports nowhere and is never cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from desktop_app.domain.errors import Cancelled

ProgressSink = Callable[[int, int], None]


class TaskControl:
    """Thread-safe progress reporting and cancellation request for one piece of work."""

    def __init__(self, sink: ProgressSink | None = None) -> None:
        self._sink = sink
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        """Say how far the work is (``done`` of ``total`` steps)."""
        if self._sink is not None:
            self._sink(done, total)

    def cancel(self) -> None:
        """Ask the work to stop at its next checkpoint."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """True once cancellation was asked."""
        return self._cancel.is_set()

    def checkpoint(self) -> None:
        """Raise `Cancelled` if cancellation was asked (call it between steps, before commit)."""
        if self._cancel.is_set():
            raise Cancelled
