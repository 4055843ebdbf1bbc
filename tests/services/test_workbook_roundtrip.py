"""The round trip of DOMAIN §10 (issue 7, point 7): demo → workbook → empty database → same data.

The demonstration association (size S, a fixed today) is exported with `export_workbook`, the
file imported with `import_workbook` into an empty database that only has the same user
accounts (accounts are not in the workbook: an association creates them before migrating, and
the Référent column names them), then both databases are compared through the services on the
same day: the households (references, members, stays), each contract's balance and debt, the
arrears level of every contract in arrears, and the accompaniment: every household's measures
(dates, programme, funder, planned end, current phase, outcome) and contacts (date, kind,
duration, worker, themes). Exporting the imported database gives the same file again, and
importing that file into it changes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.paths import DatabaseTarget, resolve_database
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services.arrears import arrears_list
from desktop_app.services.demo import create_demo_database
from desktop_app.services.imports import ImportReport, describe_issue, import_workbook
from desktop_app.services.ledger import contract_balance
from desktop_app.services.system import open_workspace
from desktop_app.services.workbook_export import ExportSummary, export_workbook

pytestmark = pytest.mark.db
TODAY = date(2026, 11, 27)
ContractKey = tuple[str, str, date]


@dataclass(frozen=True)
class Trip:
    source: Database
    target: Database
    exported: ExportSummary
    report: ImportReport
    workbook: Path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("roundtrip") / "demo.db"
    create_demo_database(resolve_database(str(path)), size="S", today=TODAY)
    return path


@pytest.fixture
def trip(demo: Path, database_target: DatabaseTarget, tmp_path: Path) -> Iterator[Trip]:
    source = open_workspace(resolve_database(str(demo)), create=False)
    target = open_workspace(database_target)
    try:
        workbook = tmp_path / "demo.xlsx"
        exported = export_workbook(source.database, actor=SYSTEM_ACTOR, path=workbook)
        accounts = source.database.run_read(
            lambda s: s.execute(select(m.UserAccount.login, m.UserAccount.display_name)).all()
        )
        with target.database.begin_write() as connection:
            for login, name in accounts:
                connection.execute(
                    insert(m.UserAccount).values(
                        login=login, display_name=name, created_at=datetime.now(UTC)
                    )
                )
        started = time.perf_counter()
        report = import_workbook(target.database, actor=SYSTEM_ACTOR, path=workbook, today=TODAY)
        print(f"import of the demo workbook: {time.perf_counter() - started:.1f} s")
        yield Trip(source.database, target.database, exported, report, workbook)
    finally:
        target.close()
        source.close()


def _problems(report: ImportReport) -> list[str]:
    return [describe_issue(issue) for issue in report.issues if issue.blocking]


def _households(database: Database) -> dict[str, tuple[frozenset[object], frozenset[object]]]:
    """Per household reference: its members' periods and its stays, as plain values."""

    def read(session: Session) -> dict[str, tuple[frozenset[object], frozenset[object]]]:
        members: dict[str, set[object]] = {}
        for reference, person, membership in session.execute(
            select(m.Household.reference, m.Person, m.Membership)
            .join(m.Membership, m.Membership.household_id == m.Household.id)
            .join(m.Person, m.Person.id == m.Membership.person_id)
        ):
            members.setdefault(reference, set()).add(
                (
                    person.last_name,
                    person.first_name,
                    person.birth_date,
                    person.sex,
                    person.phone,
                    membership.role,
                    membership.joined_on,
                    membership.left_on,
                )
            )
        stays: dict[str, set[object]] = {}
        for reference, programme, stay in session.execute(
            select(m.Household.reference, m.Programme.name, m.Stay)
            .join(m.Stay, m.Stay.household_id == m.Household.id)
            .join(m.Programme, m.Programme.id == m.Stay.programme_id)
        ):
            stays.setdefault(reference, set()).add(
                (
                    programme,
                    stay.entry_date,
                    stay.exit_date,
                    stay.entry_situation,
                    stay.referrer,
                    stay.dalo_status,
                    stay.siao_reference,
                    stay.destination,
                    stay.exit_reason,
                )
            )
        # A household known only by a candidature (no stay) has no Ménages row: not exported.
        return {
            ref: (frozenset(members.get(ref, ())), frozenset(stays[ref])) for ref in sorted(stays)
        }

    return database.run_read(read)


def _contracts(database: Database) -> dict[ContractKey, int]:
    rows = database.run_read(
        lambda s: s.execute(
            select(
                m.Household.reference,
                m.Dwelling.reference,
                m.OccupancyContract.start_date,
                m.OccupancyContract.id,
            )
            .join(m.Household, m.Household.id == m.OccupancyContract.household_id)
            .join(m.Dwelling, m.Dwelling.id == m.OccupancyContract.dwelling_id)
        ).all()
    )
    return {(household, dwelling, start): cid for household, dwelling, start, cid in rows}


def _balances(database: Database) -> dict[ContractKey, tuple[int, int, int]]:
    """Per contract: balance, debt in default and housing debt, on the day."""
    result = {}
    for key, contract_id in _contracts(database).items():
        balance = contract_balance(database, actor=SYSTEM_ACTOR, contract_id=contract_id, on=TODAY)
        result[key] = (balance.balance, balance.debt, balance.housing_debt)
    return result


def _levels(database: Database) -> dict[tuple[str, str], str]:
    return {
        (line.household_reference, line.dwelling_reference): line.level
        for line in arrears_list(database, actor=SYSTEM_ACTOR, on=TODAY)
    }


def _measures(database: Database) -> dict[str, list[tuple[object, ...]]]:
    """Per household reference: its measures as the workbook carries them, sorted."""

    def read(session: Session) -> dict[str, list[tuple[object, ...]]]:
        renewed = {
            measure_id: months
            for measure_id, months in session.execute(
                select(m.MeasureRenewal.measure_id, func.sum(m.MeasureRenewal.months))
                .where(m.MeasureRenewal.decision == "granted")
                .group_by(m.MeasureRenewal.measure_id)
            )
        }
        phases: dict[int, str] = {}
        for measure_id, phase in session.execute(
            select(m.MeasurePhase.measure_id, m.MeasurePhase.phase).order_by(
                m.MeasurePhase.measure_id, m.MeasurePhase.from_date
            )
        ):
            phases[measure_id] = phase
        found: dict[str, list[tuple[object, ...]]] = {}
        for measure, reference, programme, funder in session.execute(
            select(m.SupportMeasure, m.Household.reference, m.Programme.name, m.Funder.name)
            .join(m.Household, m.Household.id == m.SupportMeasure.household_id)
            .join(m.Programme, m.Programme.id == m.SupportMeasure.programme_id)
            .outerjoin(m.Funder, m.Funder.id == m.SupportMeasure.funder_id)
        ):
            found.setdefault(reference, []).append(
                (
                    measure.kind,
                    measure.start_date,
                    measure.end_date,
                    programme,
                    funder,
                    measure.planned_months + int(renewed.get(measure.id) or 0),
                    phases.get(measure.id),
                    measure.target_public,
                    measure.referrer,
                    measure.prescribed_on,
                    measure.outcome,
                    measure.destination,
                    measure.conclusion,
                )
            )
        return {reference: sorted(rows, key=str) for reference, rows in found.items()}

    return database.run_read(read)


def _contacts(database: Database) -> dict[str, list[tuple[object, ...]]]:
    """Per household reference: its contacts (date, kind, duration, worker, themes), sorted."""

    def read(session: Session) -> dict[str, list[tuple[object, ...]]]:
        themes: dict[int, list[str]] = {}
        for contact_id, theme in session.execute(
            select(m.ContactTheme.contact_id, m.ContactTheme.theme)
        ):
            themes.setdefault(contact_id, []).append(theme)
        found: dict[str, list[tuple[object, ...]]] = {}
        for contact, reference, worker in session.execute(
            select(m.Contact, m.Household.reference, m.UserAccount.login)
            .join(m.Household, m.Household.id == m.Contact.household_id)
            .outerjoin(m.UserAccount, m.UserAccount.id == m.Contact.worker_id)
        ):
            found.setdefault(reference, []).append(
                (
                    contact.held_on,
                    contact.kind,
                    contact.minutes,
                    worker,
                    tuple(sorted(themes.get(contact.id, ()))),
                )
            )
        return {reference: sorted(rows, key=str) for reference, rows in found.items()}

    return database.run_read(read)


def _differences(left: dict[object, object], right: dict[object, object]) -> list[str]:
    keys = sorted(set(left) | set(right), key=str)
    return [
        f"{key}: {left.get(key)} ≠ {right.get(key)}"
        for key in keys
        if left.get(key) != right.get(key)
    ]


def test_demo_exported_then_imported_into_an_empty_database_is_the_same(
    trip: Trip, tmp_path: Path
) -> None:
    # THEN the file imports without a problem, every row created or already there (a tiers
    # payant contract records its benefit as paid from its start, as Statut APL repeats)
    assert _problems(trip.report) == []
    assert trip.report.applied
    rows = {sheet.sheet: sheet.created + sheet.unchanged for sheet in trip.report.sheets}
    assert rows == {name: count for name, count in trip.exported.sheets if count}
    assert [sheet.sheet for sheet in trip.report.sheets if sheet.updated] == []
    # AND the same households, with the same members and stays
    households = _households(trip.source)
    # the demo's 200 households and the 4 its admissions opened (`demo_admissions`)
    assert len(households) == trip.exported.households == 204
    assert _differences(households, _households(trip.target)) == []  # type: ignore[arg-type]
    # AND the same balance and debt on every contract
    # (the two rehousings included: their last month, charged again to the departure, is an
    # ``Appel`` of the prorated month)
    balances = _balances(trip.source)
    assert len(balances) == 91
    assert any(debt for _, debt, _ in balances.values())
    assert _differences(balances, _balances(trip.target)) == []  # type: ignore[arg-type]
    # AND the same arrears level for every contract in arrears
    levels = _levels(trip.source)
    assert len(set(levels.values())) > 1
    assert _differences(levels, _levels(trip.target)) == []  # type: ignore[arg-type]
    # AND the same measures and contacts in every household
    measures, contacts = _measures(trip.source), _contacts(trip.source)
    assert sum(len(rows) for rows in measures.values()) == trip.exported.rows("Mesures") > 50
    assert sum(len(rows) for rows in contacts.values()) == trip.exported.rows("Entretiens") > 100
    assert _differences(measures, _measures(trip.target)) == []  # type: ignore[arg-type]
    assert _differences(contacts, _contacts(trip.target)) == []  # type: ignore[arg-type]
    # WHEN the imported database is exported, and the first file imported into it again
    again = export_workbook(trip.target, actor=SYSTEM_ACTOR, path=tmp_path / "again.xlsx")
    report = import_workbook(trip.target, actor=SYSTEM_ACTOR, path=trip.workbook, today=TODAY)
    # THEN the same rows come out, and nothing changes
    assert again.sheets == trip.exported.sheets
    assert _problems(report) == []
    assert [(s.sheet, s.created, s.updated) for s in report.sheets if s.created or s.updated] == []
