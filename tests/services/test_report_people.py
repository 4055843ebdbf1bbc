"""The scope of a return and the people figures read from a real database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from desktop_app.domain.errors import RefusedError
from desktop_app.domain.periods import Period
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services.report_people import people_figures
from desktop_app.services.report_scope import resolve_scope
from desktop_app.services.system import Workspace, open_workspace
from tests.services.support_builders import add

pytestmark = pytest.mark.db

Q1 = Period(date(2026, 1, 1), date(2026, 3, 31))
NOW = datetime(2026, 4, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def world(database_target: DatabaseTarget) -> Iterator[tuple[Workspace, dict[str, int]]]:
    """An IML programme, a pension and an AVDL programme; a measure funded by the FNAVDL
    attached to the IML programme; one household in each."""
    workspace = open_workspace(database_target)
    ids: dict[str, int] = {}
    with workspace.database.begin_write() as c:
        add(c, m.Organisation, name="Association Toit Partagé")
        ids["fnavdl"] = add(c, m.Funder, name="FNAVDL", kind="fnavdl")
        ids["iml"] = add(c, m.Programme, name="IML Lyon", kind="iml_sublease")
        ids["pension"] = add(c, m.Programme, name="Pension Les Tilleuls", kind="boarding_house")
        ids["avdl"] = add(c, m.Programme, name="AVDL Rhône", kind="avdl")
        for name in ("a", "b", "c"):
            ids[name] = add(c, m.Household, reference=f"M-{name}")
            person = add(
                c, m.Person, last_name=name, first_name="X", birth_date=date(1980, 1, 1), sex="f"
            )
            add(
                c,
                m.Membership,
                household_id=ids[name],
                person_id=person,
                role="head",
                joined_on=date(2020, 1, 1),
            )
        add(
            c,
            m.Stay,
            household_id=ids["a"],
            programme_id=ids["iml"],
            entry_date=date(2026, 2, 1),
            entry_situation="street",
        )
        add(
            c,
            m.Stay,
            household_id=ids["b"],
            programme_id=ids["pension"],
            entry_date=date(2025, 1, 1),
            exit_date=date(2026, 3, 1),
            destination="social_housing",
            exit_reason="project_achieved",
        )
        # an FNAVDL-funded measure of household c attached to the IML programme
        add(
            c,
            m.SupportMeasure,
            household_id=ids["c"],
            programme_id=ids["iml"],
            funder_id=ids["fnavdl"],
            kind="avdl_non_dalo",
            start_date=date(2026, 1, 15),
            planned_months=6,
            created_at=NOW,
        )
    yield workspace, ids
    workspace.close()


def figures(workspace: Workspace, kind: str, programme: str | None = None) -> dict[str, object]:
    with workspace.database.read() as session:
        scope = resolve_scope(session, kind=kind, period=Q1, programme=programme)
        return {code: f.value for code, f in people_figures(session, scope).items()}


def test_each_return_counts_its_own_programmes(world: tuple[Workspace, dict[str, int]]) -> None:
    workspace, _ids = world
    iml = figures(workspace, "iml")
    assert iml["households"] == 1
    assert iml["households.entries"] == 1
    assert iml["entry_situation.street"] == 1
    assert "measures.active" not in iml  # the FNAVDL bilan's code
    pension = figures(workspace, "pension")
    assert pension["households.exits"] == 1
    assert pension["exits.destination.social_housing"] == 1
    assert pension["exits.to_permanent_housing"] == 1


def test_the_fnavdl_bilan_counts_measures_funded_by_the_fnavdl_anywhere(
    world: tuple[Workspace, dict[str, int]],
) -> None:
    workspace, _ids = world
    fnavdl = figures(workspace, "fnavdl")
    assert fnavdl["measures.active"] == 1
    assert fnavdl["measures.opened"] == 1
    assert fnavdl["measures.active.avdl_non_dalo.non_dalo"] == 1
    assert fnavdl["households"] == 1  # household c, through its measure
    assert fnavdl["households.entries"] == 0  # no stay in an AVDL programme


def test_narrowing_to_a_programme_and_unknown_names(
    world: tuple[Workspace, dict[str, int]],
) -> None:
    workspace, _ids = world
    # a programme outside the return's kinds gives an empty return, not another's figures
    assert figures(workspace, "iml", "Pension Les Tilleuls")["households"] == 0
    assert figures(workspace, "iml", "IML Lyon")["households"] == 1
    # narrowed to the AVDL programme, the measure attached elsewhere is not counted
    assert figures(workspace, "fnavdl", "AVDL Rhône")["measures.active"] == 0
    with pytest.raises(RefusedError) as refused:
        figures(workspace, "iml", "Inconnu")
    assert "Inconnu" in refused.value.text
