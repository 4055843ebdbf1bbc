"""Golden tests of the funder returns (issue 10 point 7; QUALITY.md « Golden data »).

Each scenario of ``tests/fixtures`` is imported into a fresh database, completed through the
services (`tests.golden.scenarios`), and its return built for Q1 2026. Every code of the
return is compared with the value written BY HAND in ``golden_<return>.csv`` (the arithmetic,
household by household, is in ``tests/fixtures/README.md``). A difference names both sides'
households: those behind the computed figure (its drill-down) and those the CSV lists.

CSV format: ``code;attendu;commentaire``, ``;``-separated, UTF-8. ``attendu`` is an integer
for a count, a decimal with a dot (a French comma is accepted too) for rates, euros, days,
measure-months and FTE, and empty for an empty value (an empty denominator). The households
behind the expected value open the comment, between square brackets.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.figures import CATALOGUE, COUNT, Number, Report, codes_of
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services.reporting import build_report
from desktop_app.services.system import open_workspace
from tests.fixtures import build_golden
from tests.golden.scenarios import ACTOR, Q1_2026, SCENARIOS, TODAY, Scenario, build

_HOUSEHOLDS = re.compile(r"^\[([^\]]*)\]")


@dataclass(frozen=True, slots=True)
class Expected:
    """One line of a golden CSV."""

    code: str
    value: Number | None
    households: tuple[str, ...]
    comment: str


def parse_value(code: str, text: str) -> Number | None:
    """The CSV's ``attendu``: empty → None, an int for a count, else an exact Decimal."""
    text = text.strip()
    if not text:
        return None
    if CATALOGUE[code].unit == COUNT:
        return int(text)
    return Decimal(text.replace(",", "."))


def read_expected(path: Path) -> list[Expected]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == ["code", "attendu", "commentaire"], rows[0]
    result: list[Expected] = []
    for row in rows[1:]:
        assert len(row) == 3, row
        code, text, comment = row
        found = _HOUSEHOLDS.match(comment)
        households = tuple(found.group(1).split()) if found else ()
        result.append(Expected(code, parse_value(code, text), households, comment))
    return result


def _ids(scenario: Scenario) -> str:
    return scenario.name


# ------------------------------------------------------------------ the files themselves


@pytest.mark.parametrize("scenario", SCENARIOS, ids=_ids)
def test_csv_lists_exactly_the_codes_of_its_return(scenario: Scenario) -> None:
    expected = read_expected(scenario.expected)
    codes = [line.code for line in expected]
    assert codes == list(codes_of(scenario.kind))
    # Counts are always written (zeros included); only a mean or a rate may be empty.
    empty_counts = [
        line.code for line in expected if line.value is None and CATALOGUE[line.code].unit == COUNT
    ]
    assert empty_counts == []


def _cell(value: object) -> object:
    return value.date() if isinstance(value, datetime) else value


@pytest.mark.parametrize("scenario", SCENARIOS, ids=_ids)
def test_committed_workbook_is_the_builders_output(scenario: Scenario) -> None:
    sheets = build_golden.SCENARIOS[scenario.name]
    book = load_workbook(scenario.workbook, read_only=True)
    try:
        assert book.sheetnames == list(sheets)
        for name, rows in sheets.items():
            stored = [[_cell(v) for v in line] for line in book[name].iter_rows(values_only=True)]
            headings = list(dict.fromkeys(key for row in rows for key in row))
            assert stored[0] == headings, name
            assert stored[1:] == [[row.get(h) for h in headings] for row in rows], name
    finally:
        book.close()


# ------------------------------------------------------------------ the returns

STAYS: dict[str, dict[str, tuple[date, date | None, str | None, str | None]]] = {
    "golden_iml": {
        "I-01": (date(2025, 1, 1), None, None, None),
        "I-02": (date(2024, 6, 1), date(2026, 1, 31), "social_housing", "project_achieved"),
        "I-03": (date(2025, 3, 1), date(2026, 2, 28), "slid", "project_achieved"),
        "I-04": (date(2025, 7, 1), date(2026, 1, 1), "shelter", "lost_contact"),
        "I-05": (date(2026, 2, 15), date(2026, 3, 20), "third_party", "household_choice"),
        "I-06": (date(2026, 3, 31), None, None, None),
        "I-07": (date(2025, 9, 1), date(2026, 3, 15), "kept_home", "end_of_support"),
        "I-08": (date(2025, 1, 10), date(2025, 12, 31), "private_housing", "project_achieved"),
        "X-01": (date(2026, 2, 1), None, None, None),
    },
    "golden_fnavdl": {
        "A-01": (date(2025, 10, 1), date(2026, 2, 28), "private_housing", "project_achieved"),
        "A-02": (date(2025, 11, 1), date(2026, 2, 15), "other_iml", "reorientation"),
        "A-03": (date(2026, 1, 5), date(2026, 3, 20), "temporary_housing", "end_of_support"),
        "A-04": (date(2025, 6, 1), date(2026, 1, 1), "street", "eviction"),
        "A-05": (date(2025, 12, 1), date(2026, 3, 31), "prison", "other"),
        "A-06": (date(2025, 9, 1), date(2026, 2, 27), None, None),
        "A-07": (date(2026, 1, 12), date(2026, 2, 20), "third_party", "end_of_support"),
        "A-08": (date(2025, 7, 15), None, None, None),
        "A-09": (date(2026, 3, 2), None, None, None),
        "S-01": (date(2025, 4, 1), None, None, None),
        "S-02": (date(2025, 5, 1), None, None, None),
    },
    "golden_pension": {
        "T-01": (date(2023, 5, 1), None, None, None),
        "T-02": (date(2024, 10, 1), date(2026, 2, 10), "medico_social", "reorientation"),
        "T-03": (date(2025, 11, 15), date(2026, 3, 31), "hospital", "other"),
        "T-04": (date(2026, 1, 20), None, None, None),
        "T-05": (date(2026, 2, 1), None, None, None),
        "T-06": (date(2025, 6, 1), date(2026, 1, 15), "death", "death"),
        "T-07": (date(2022, 9, 1), date(2026, 3, 2), "supported_housing", "termination"),
        "T-08": (date(2026, 3, 10), None, None, None),
        "T-09": (date(2024, 1, 1), None, None, None),
        "O-01": (date(2025, 10, 1), None, None, None),
    },
}
"""Every stay of each scenario as the README describes it (the services close some)."""

BLOCKING: dict[str, list[tuple[str, str]]] = {
    "golden_iml": [],
    "golden_fnavdl": [("exit_without_destination", "A-06")],
    "golden_pension": [],
}
"""The blocking findings of DOMAIN §5.3 each scenario has (README « Contrôles »)."""


@dataclass(frozen=True, slots=True)
class Built:
    scenario: Scenario
    database: Database


@pytest.fixture(params=SCENARIOS, ids=_ids)
def built(request: pytest.FixtureRequest, database_target: DatabaseTarget) -> Iterator[Built]:
    """A fresh database holding one scenario."""
    workspace = open_workspace(database_target)
    scenario: Scenario = request.param
    build(workspace.database, scenario)
    yield Built(scenario, workspace.database)
    workspace.close()


def _references(database: Database, ids: Sequence[int]) -> list[str]:
    if not ids:
        return []

    def read(session: Session) -> list[str]:
        return sorted(
            session.scalars(select(m.Household.reference).where(m.Household.id.in_(ids))).all()
        )

    return database.run_read(read)


def _stays(database: Database) -> dict[str, tuple[date, date | None, str | None, str | None]]:
    def read(session: Session) -> dict[str, tuple[date, date | None, str | None, str | None]]:
        rows = session.execute(
            select(
                m.Household.reference,
                m.Stay.entry_date,
                m.Stay.exit_date,
                m.Stay.destination,
                m.Stay.exit_reason,
            ).join(m.Household, m.Household.id == m.Stay.household_id)
        )
        return {row[0]: (row[1], row[2], row[3], row[4]) for row in rows}

    return database.run_read(read)


def _same(expected: Number | None, computed: object) -> bool:
    if expected is None or computed is None:
        return expected is None and computed is None
    if isinstance(expected, int):
        return type(computed) is int and computed == expected
    return isinstance(computed, int | Decimal) and Decimal(computed) == expected


def _differences(database: Database, report: Report, expected: Sequence[Expected]) -> list[str]:
    lines: list[str] = []
    for line in expected:
        figure = report.figure(line.code)
        if _same(line.value, figure.value):
            continue
        behind = ", ".join(_references(database, figure.households)) or "aucun"
        lines.append(
            f"{line.code}: attendu {line.value} (ménages du README : "
            f"{', '.join(line.households) or 'aucun'}) ; calculé {figure.value} "
            f"(ménages derrière le chiffre : {behind})"
        )
    return lines


@pytest.mark.db
def test_golden_return(built: Built) -> None:
    # GIVEN a scenario whose data is exactly what the README describes
    database, scenario = built.database, built.scenario
    assert _stays(database) == STAYS[scenario.name]
    expected = read_expected(scenario.expected)
    # WHEN its return is built for Q1 2026
    report = build_report(database, actor=ACTOR, kind=scenario.kind, period=Q1_2026, today=TODAY)
    # THEN every code equals the hand-computed value, and every consistency rule holds
    assert report.kind == scenario.kind
    assert report.period == Q1_2026
    differences = _differences(database, report, expected)
    assert not differences, f"{scenario.name}: {len(differences)} écart(s)\n" + "\n".join(
        differences
    )
    checks = report.checks
    assert checks, "no consistency rule ran"
    # No rule of these scenarios reads an empty value: each one is judged, and holds.
    failed = [
        f"{check.rule.key} ({check.rule.label}) : {check.left} / {check.right}"
        for check in checks
        if check.passed is not True
    ]
    assert not failed, failed
    blocking = sorted((f.check, f.household_reference) for f in report.blocking)
    assert blocking == BLOCKING[scenario.name]
