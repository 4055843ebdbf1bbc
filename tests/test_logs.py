from __future__ import annotations

import logging
from pathlib import Path

from desktop_app.logs import current_log_file, log_unexpected, scrubbed_traceback, setup_logging


def _fail() -> None:
    try:
        raise KeyError("Martin Hélène")
    except KeyError as error:
        raise RuntimeError("adresse: 3 impasse des Roses") from error


def test_scrubbed_traceback_keeps_frames_not_values() -> None:
    try:
        _fail()
    except RuntimeError as error:
        text = scrubbed_traceback(error)
    assert "_fail" in text
    assert "builtins.RuntimeError" in text
    assert "builtins.KeyError" in text
    assert "Roses" not in text
    assert "Hélène" not in text


def test_one_rotating_log_per_process(tmp_path: Path) -> None:
    first = setup_logging(tmp_path / "a")
    assert setup_logging(tmp_path / "a") == first
    second = setup_logging(tmp_path / "b")
    assert current_log_file() == second
    logger = logging.getLogger("test")
    try:
        _fail()
    except RuntimeError as error:
        log_unexpected(logger, error, where="test")
    content = second.read_text(encoding="utf-8")
    assert "Unexpected RuntimeError in test" in content
    assert "Roses" not in content
