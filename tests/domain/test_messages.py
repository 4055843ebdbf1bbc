"""The French catalogue: every code used exists, and every message formats."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop_app.domain.errors import KnownError, RefusedError, UsageError
from desktop_app.domain.messages import MESSAGES, message, placeholders

PACKAGE = Path(__file__).resolve().parents[2] / "desktop_app"
USE = re.compile(r"""(?:message|Error)\(\s*["']([a-z_]+\.[a-z_.]+)["']""")
ISSUE = re.compile(r"""ValidationIssue\(\s*["'][a-z_]+["'],\s*["']([a-z_]+\.[a-z_.]+)["']""")


def test_every_message_formats_with_its_placeholders() -> None:
    for code in MESSAGES:
        params = {name: "x" for name in placeholders(code)}
        assert message(code, **params)


def test_every_code_used_in_the_code_exists() -> None:
    used = {
        match
        for path in PACKAGE.rglob("*.py")
        for pattern in (USE, ISSUE)
        for match in pattern.findall(path.read_text(encoding="utf-8"))
    }
    assert "household.no_head" in used, "the ValidationIssue pattern finds nothing"
    assert used, "the scan found no message use: the pattern is wrong"
    assert used <= set(MESSAGES), used - set(MESSAGES)


def test_unknown_code_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        message("no.such.code")


def test_known_errors_carry_french_text_and_exit_codes() -> None:
    refused = RefusedError("db.missing", database="/tmp/a.db")
    assert refused.text == "La base de données « /tmp/a.db » n'existe pas."
    assert refused.exit_code == 3
    assert UsageError("cli.usage_error", detail="x").exit_code == 2
    assert isinstance(refused, KnownError)
