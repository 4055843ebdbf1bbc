"""Logging set-up shared by the GUI and the command line.

The log is for maintainers: it never holds personal values (names, addresses, amounts of a
household). Code logs identifiers and counts; unexpected errors are logged by
`log_unexpected`, which keeps the traceback frames but drops the exception's message, since
driver messages can quote the values of a row.
"""

from __future__ import annotations

import logging
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE_NAME = "seuil.log"
_MAX_BYTES = 1_000_000
_BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def setup_logging(folder: Path, *, level: int = logging.INFO) -> Path:
    """Send the root logger to a rotating file in ``folder``; return the file's path.

    One log file per process: calling it again with the same folder changes nothing, with
    another folder moves the log there (tests open many data folders in one process).
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler):
            if Path(handler.baseFilename) == path:
                return path
            root.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return path


def current_log_file() -> Path | None:
    """The rotating log file in use, if any."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def scrubbed_traceback(exc: BaseException) -> str:
    """The traceback of ``exc``: files, lines and functions only.

    Exception messages and source lines are left out: either may quote a person's data.
    """
    lines: list[str] = []
    current: BaseException | None = exc
    while current is not None:
        lines.append("Traceback (most recent call last):\n")
        lines.extend(
            f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
            for frame in traceback.extract_tb(current.__traceback__)
        )
        lines.append(f"{type(current).__module__}.{type(current).__qualname__}\n")
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
        if current is not None:
            lines.append("-- caused by --\n")
    return "".join(lines)


def log_unexpected(logger: logging.Logger, exc: BaseException, *, where: str) -> None:
    """Log a bug without personal values: where it happened, its type and its frames."""
    logger.error("Unexpected %s in %s\n%s", type(exc).__qualname__, where, scrubbed_traceback(exc))
