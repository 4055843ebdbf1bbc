"""Broken workbooks through the whole import: a French refusal or a report, never a half import.

The reader and the parser are fuzzed on their own in tests/reports/test_workbook_fuzz.py; here
mutated copies of a real association's workbook go through `import_workbook` into a real
database. Whatever the mutation, the import either applies the whole file or changes nothing:
the row count of every table is compared before and after.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import KnownError
from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence.db import Database
from desktop_app.services.imports import import_workbook
from desktop_app.services.system import open_workspace
from tests.services.import_builders import TODAY, small_association, workbook
from tests.services.test_imports import table_counts

pytestmark = pytest.mark.db

_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_CELLS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=False, width=32),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),
    st.sampled_from(["31/02/2025", "12,3,4", "—", "\u00a0", "=1+1", "#REF!", "Oui", "F3"]),
)


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("fuzz") / "association.xlsx"
    return workbook(path, small_association()).read_bytes()


@pytest.fixture
def database(database_target: DatabaseTarget) -> Iterator[Database]:
    workspace = open_workspace(database_target)
    yield workspace.database
    workspace.close()


def _all_or_nothing(database: Database, path: Path) -> None:
    before = table_counts(database)
    refusal = ""
    try:
        report = import_workbook(database, actor=SYSTEM_ACTOR, path=path, today=TODAY)
    except KnownError as error:
        refusal = error.text  # a French sentence, never a traceback
    if refusal or not report.applied:
        assert refusal or report.blocking or report.threshold_exceeded
        assert table_counts(database) == before


@_SETTINGS
@given(cut=st.floats(min_value=0.0, max_value=0.999))
def test_truncated_workbooks(
    database: Database, original: bytes, tmp_path: Path, cut: float
) -> None:
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(original[: int(len(original) * cut)])
    _all_or_nothing(database, path)


@_SETTINGS
@given(seed=st.integers(min_value=0, max_value=2**32), flips=st.integers(1, 40))
def test_workbooks_with_flipped_bytes(
    database: Database, original: bytes, tmp_path: Path, seed: int, flips: int
) -> None:
    rng = random.Random(seed)
    damaged = bytearray(original)
    for _ in range(flips):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    path = tmp_path / "flipped.xlsx"
    path.write_bytes(bytes(damaged))
    _all_or_nothing(database, path)


@_SETTINGS
@given(data=st.data())
def test_workbooks_with_strange_cells(
    database: Database, tmp_path: Path, data: st.DataObject
) -> None:
    sheets: dict[str, list[dict[str, Any]]] = small_association()
    for _ in range(data.draw(st.integers(1, 6))):
        name = data.draw(st.sampled_from(sorted(sheets)))
        rows = sheets[name]
        if not rows:
            continue
        row = data.draw(st.sampled_from(rows))
        heading = data.draw(st.sampled_from(sorted(row)))
        row[heading] = data.draw(_CELLS)
    _all_or_nothing(database, workbook(tmp_path / "cells.xlsx", sheets))
