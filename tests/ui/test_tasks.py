"""The write and read workers: off the GUI thread, results by signal, nothing lost."""

from __future__ import annotations

import threading

import pytest

from desktop_app.domain.errors import RefusedError
from desktop_app.ui.tasks import TaskRunner

TIMEOUT = 5000


@pytest.fixture
def failures() -> list[BaseException]:
    return []


@pytest.fixture
def runner(qtbot, failures):
    tasks = TaskRunner(on_unhandled_error=failures.append)
    yield tasks
    tasks.shutdown()


def test_write_job_runs_off_the_gui_thread(qtbot, runner) -> None:
    gui = threading.current_thread()

    def job(_control):
        return threading.current_thread()

    handle = runner.write(job, name="w")
    with qtbot.waitSignal(handle.finished, timeout=TIMEOUT) as blocker:
        pass
    assert blocker.args[0] is not gui
    assert blocker.args[0].name != gui.name


def test_result_delivered_on_the_gui_thread(qtbot, runner) -> None:
    received: list[tuple[object, threading.Thread]] = []
    handle = runner.read(
        lambda _c: 42,
        name="r",
        on_done=lambda value: received.append((value, threading.current_thread())),
    )
    qtbot.waitSignal(handle.done, timeout=TIMEOUT).wait()
    assert received == [(42, threading.main_thread())]


def test_reads_and_writes_use_two_threads(qtbot, runner) -> None:
    threads: dict[str, str] = {}
    w = runner.write(lambda _c: threads.setdefault("w", threading.current_thread().name), name="w")
    r = runner.read(lambda _c: threads.setdefault("r", threading.current_thread().name), name="r")
    with qtbot.waitSignals([w.done, r.done], timeout=TIMEOUT):
        pass
    assert threads["w"] != threads["r"]


def test_writes_run_in_submission_order(qtbot, runner) -> None:
    order: list[int] = []
    handles = [runner.write(lambda _c, i=i: order.append(i), name=f"w{i}") for i in range(20)]
    with qtbot.waitSignals([h.done for h in handles], timeout=TIMEOUT):
        pass
    assert order == list(range(20))


def test_failure_goes_to_on_error_or_to_the_reporter(qtbot, runner, failures) -> None:
    caught: list[BaseException] = []

    def fail(_c):
        raise RefusedError("db.busy")

    first = runner.write(fail, name="f1", on_error=caught.append)
    second = runner.write(fail, name="f2")
    with qtbot.waitSignals([first.done, second.done], timeout=TIMEOUT):
        pass
    assert [type(e) for e in caught] == [RefusedError]
    assert [type(e) for e in failures] == [RefusedError]
    assert not runner.busy


def test_progress_and_cancellation(qtbot, runner) -> None:
    started, proceed = threading.Event(), threading.Event()
    progress: list[tuple[int, int]] = []

    def long_job(control):
        for step in range(1, 4):
            control.report(step, 3)
            if step == 1:
                started.set()
                proceed.wait(5)
            control.checkpoint()
        return "should not finish"

    handle = runner.read(long_job, name="long")
    handle.progress.connect(lambda done, total: progress.append((done, total)))
    finished: list[object] = []
    handle.finished.connect(finished.append)
    assert started.wait(5)
    handle.cancel()
    proceed.set()
    qtbot.waitSignal(handle.cancelled, timeout=TIMEOUT).wait()
    assert finished == []
    qtbot.waitUntil(lambda: (1, 3) in progress, timeout=TIMEOUT)


def test_shutdown_runs_queued_writes_to_the_end(qtbot, failures) -> None:
    tasks = TaskRunner(on_unhandled_error=failures.append)
    gate = threading.Event()
    written: list[int] = []
    tasks.write(lambda _c: gate.wait(5), name="slow")

    def save(number: int):
        return lambda _control: written.append(number)

    for i in range(5):
        tasks.write(save(i), name=f"save{i}")
    gate.set()
    tasks.shutdown()
    assert written == [0, 1, 2, 3, 4]
    assert failures == []
