"""Saving a return's or a grid's files: never half-written, then offered to open.

The Rapports tabs and the funder grids all end the same way: the bytes are written off the GUI
thread under ``NAME.partiel`` then renamed, the user is told where and may open them, and a
disk error is said in French without losing anything already recorded (the run keeps them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.domain.progress import TaskControl
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.tasks import TaskRunner

PARTIAL_SUFFIX: Final = ".partiel"


def write_files(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write each file under ``NAME.partiel`` then rename it: never a half-written file.

    A failure removes what this call wrote, then raises.
    """
    written: list[Path] = []
    try:
        for path, data in files:
            partial = path.with_name(path.name + PARTIAL_SUFFIX)
            try:
                partial.write_bytes(data)
                partial.replace(path)
            finally:
                partial.unlink(missing_ok=True)
            written.append(path)
    except OSError:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written


def save_and_offer(
    owner: QWidget,
    *,
    title: str,
    tasks: TaskRunner,
    dialogs: DialogProvider,
    files: Callable[[TaskControl], Sequence[tuple[Path, bytes]]],
    name: str,
    on_written: Callable[[list[Path]], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Gather ``files`` and write them on the read worker, then offer to open them.

    ``on_written`` receives the paths once written; an `OSError` is said in French, any other
    error goes to ``on_error``.
    """

    def written(paths: list[Path]) -> None:
        on_written(paths)
        names = "\n".join(str(path) for path in paths)
        question = QCoreApplication.translate(
            "FileSaving", "Files written:\n{names}\n\nOpen them?"
        ).format(names=names)
        if dialogs.confirm(owner, title, question):
            for path in paths:
                if not dialogs.open_path(path):
                    dialogs.warn(
                        owner,
                        title,
                        QCoreApplication.translate(
                            "FileSaving", "No application could open {path}."
                        ).format(path=str(path)),
                    )

    def failed(error: BaseException) -> None:
        if isinstance(error, OSError):
            dialogs.warn(
                owner,
                title,
                QCoreApplication.translate(
                    "FileSaving", "The files could not be written: {error}"
                ).format(error=error.strerror or str(error)),
            )
            return
        on_error(error)

    tasks.read(
        lambda control: write_files(files(control)), name=name, on_done=written, on_error=failed
    )
