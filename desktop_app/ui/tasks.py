"""Run service calls off the GUI thread: one write worker, one read worker.

Every write goes through the single write worker, in order, so two saves never race on the
database; long read-only jobs (reports, exports, searches at scale) run on the read worker with
their own connection, so a report never blocks typing. Results, failures and progress come
back on the GUI thread as signals of a `TaskHandle`. There is no ``processEvents()`` loop.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop_app.domain.errors import Cancelled
from desktop_app.domain.progress import TaskControl

log = logging.getLogger(__name__)

Job = Callable[[TaskControl], Any]


class TaskHandle(QObject):
    """One submitted job, living on the GUI thread.

    Signals:
        finished(object): the job's return value.
        failed(object): the exception it raised (a `KnownError` or a bug).
        cancelled(): the job stopped at a checkpoint after `cancel`.
        progress(int, int): steps done and total, as reported by the job.
        done(): emitted last, whatever the outcome.
    """

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    progress = Signal(int, int)
    done = Signal()

    # Emitted from the worker thread; relayed on the GUI thread by the slots below.
    _result_from_worker = Signal(str, object)
    _progress_from_worker = Signal(int, int)

    def __init__(self, job: Job, name: str, kind: str) -> None:
        super().__init__()
        self.job = job
        self.name = name
        self.kind = kind
        self.control = TaskControl(self._progress_from_worker.emit)
        self._result_from_worker.connect(self._relay_result)
        self._progress_from_worker.connect(self.progress)

    def cancel(self) -> None:
        """Ask the job to stop at its next checkpoint (nothing it wrote is committed)."""
        self.control.cancel()

    @Slot(str, object)
    def _relay_result(self, outcome: str, payload: object) -> None:
        if outcome == "finished":
            self.finished.emit(payload)
        elif outcome == "failed":
            self.failed.emit(payload)
        else:
            self.cancelled.emit()
        self.done.emit()


class _Worker(QObject):
    """A QObject living on its own QThread, executing jobs one after the other."""

    _submit = Signal(object)

    def __init__(self, name: str) -> None:
        super().__init__()
        self._pending = 0
        self._idle = threading.Condition()
        self._thread = QThread()
        self._thread.setObjectName(name)
        self.moveToThread(self._thread)
        self._submit.connect(self._execute)
        self._thread.start()

    def submit(self, handle: TaskHandle) -> None:
        with self._idle:
            self._pending += 1
        self._submit.emit(handle)

    @Slot(object)
    def _execute(self, handle: TaskHandle) -> None:
        try:
            self._run(handle)
        finally:
            with self._idle:
                self._pending -= 1
                self._idle.notify_all()

    def _run(self, handle: TaskHandle) -> None:
        if handle.control.cancelled:
            handle._result_from_worker.emit("cancelled", None)
            return
        try:
            result = handle.job(handle.control)
        except Cancelled:
            handle._result_from_worker.emit("cancelled", None)
        except Exception as error:
            handle._result_from_worker.emit("failed", error)
        else:
            handle._result_from_worker.emit("finished", result)

    def drain(self, timeout: float) -> bool:
        """Wait until every submitted job has run; False if ``timeout`` seconds passed first."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout=timeout)

    def stop(self) -> None:
        self._thread.quit()
        self._thread.wait()


class TaskRunner(QObject):
    """The two workers and the jobs in flight.

    ``on_unhandled_error`` receives failures of jobs submitted without ``on_error`` (the
    application's error reporter), so no exception ever disappears silently.
    """

    def __init__(self, on_unhandled_error: Callable[[BaseException], None]) -> None:
        super().__init__()
        self._on_unhandled_error = on_unhandled_error
        self._writer = _Worker("seuil-write")
        self._reader = _Worker("seuil-read")
        self._in_flight: set[TaskHandle] = set()
        self._lock = threading.Lock()

    def write(
        self,
        job: Job,
        *,
        name: str,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> TaskHandle:
        """Queue a job that may write; jobs run one at a time, in submission order."""
        return self._submit(self._writer, job, name, on_done, on_error)

    def read(
        self,
        job: Job,
        *,
        name: str,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> TaskHandle:
        """Queue a read-only job on the read worker."""
        return self._submit(self._reader, job, name, on_done, on_error)

    def _submit(
        self,
        worker: _Worker,
        job: Job,
        name: str,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> TaskHandle:
        handle = TaskHandle(job, name, "write" if worker is self._writer else "read")
        if on_done is not None:
            handle.finished.connect(on_done)
        handle.failed.connect(on_error or self._on_unhandled_error)
        with self._lock:
            self._in_flight.add(handle)
        handle.done.connect(lambda: self._forget(handle))
        log.debug("task %s submitted", name)
        worker.submit(handle)
        return handle

    def _forget(self, handle: TaskHandle) -> None:
        with self._lock:
            self._in_flight.discard(handle)

    @property
    def busy(self) -> bool:
        """True while any job is queued or running."""
        with self._lock:
            return bool(self._in_flight)

    def shutdown(self, *, timeout: float = 30.0) -> None:
        """Stop both workers: reads are cancelled, every queued write is run to its end first.

        A save the user asked for is never dropped because the window closed.
        """
        with self._lock:
            pending = list(self._in_flight)
        for handle in pending:
            if handle.kind == "read":
                handle.cancel()
        if not self._writer.drain(timeout):
            log.error("write worker still busy after %.0f s at shutdown", timeout)
        self._reader.drain(timeout)
        self._writer.stop()
        self._reader.stop()
