"""The import orchestrator and the reference sheets, on real workbooks and real databases."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.orm import Session

from desktop_app.domain import messages
from desktop_app.domain.errors import Cancelled, RefusedError
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.domain.progress import TaskControl
from desktop_app.domain.workbook import PROGRAMMES, SHEETS, ParsedSheet
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services import import_sheets, imports
from desktop_app.services.households import HouseholdQuery, household_history, search_households
from desktop_app.services.import_context import ImportContext
from desktop_app.services.imports import (
    IMPORTERS,
    ImportReport,
    describe_issue,
    import_workbook,
    write_issues_file,
)
from desktop_app.services.system import open_workspace
from desktop_app.services.users import RoleSpec, add_user
from tests.services.import_builders import (
    TODAY,
    Row,
    reference_sheets,
    row_of,
    small_association,
    workbook,
)

pytestmark = pytest.mark.db
Issue = tuple[str | None, int | None, str | None, str]


@pytest.fixture
def database(database_target: DatabaseTarget) -> Iterator[Database]:
    workspace = open_workspace(database_target)
    yield workspace.database
    workspace.close()


def run(
    database: Database,
    path: Path,
    sheets: dict[str, list[Row]],
    *,
    actor: Actor = SYSTEM_ACTOR,
    **options: Any,
) -> ImportReport:
    return import_workbook(
        database, actor=actor, path=workbook(path, sheets), today=TODAY, **options
    )


def table_counts(database: Database) -> dict[str, int]:
    """Rows of every table of the schema."""

    def read(session: Session) -> dict[str, int]:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in m.Base.metadata.sorted_tables
        }

    return database.run_read(read)


def counts(report: ImportReport) -> dict[str, tuple[int, int, int, int, int]]:
    return {
        s.sheet: (s.created, s.updated, s.unchanged, s.errors, s.warnings) for s in report.sheets
    }


def issues(report: ImportReport) -> list[Issue]:
    return [(i.sheet, i.row, i.column, i.code) for i in report.issues]


def history(database: Database, entity: str) -> set[tuple[str, str | None, str | None]]:
    def read(session: Session) -> set[tuple[str, str | None, str | None]]:
        rows = session.execute(
            select(
                m.ChangeHistory.field, m.ChangeHistory.old_value, m.ChangeHistory.new_value
            ).where(m.ChangeHistory.entity == entity)
        )
        return {(f, old, new) for f, old, new in rows}

    return database.run_read(read)


def pairs(session: Session, query: Any) -> dict[Any, Any]:
    return {key: value for key, value in session.execute(query)}


def scalar(database: Database, query: Any) -> Any:
    return database.run_read(lambda session: session.scalar(query))


def household_id(database: Database, reference: str) -> int:
    found = scalar(database, select(m.Household.id).where(m.Household.reference == reference))
    assert found is not None
    return int(found)


def residence_places(database: Database) -> dict[str, list[tuple[date, int]]]:
    """Each residence's dated places."""

    def read(session: Session) -> dict[str, list[tuple[date, int]]]:
        found: dict[str, list[tuple[date, int]]] = {}
        for name, valid_from, places in session.execute(
            select(m.Residence.name, m.ResidencePlaces.valid_from, m.ResidencePlaces.places)
            .join(m.ResidencePlaces, m.ResidencePlaces.residence_id == m.Residence.id)
            .order_by(m.Residence.name, m.ResidencePlaces.valid_from)
        ):
            found.setdefault(name, []).append((valid_from, places))
        return found

    result: dict[str, list[tuple[date, int]]] = database.run_read(read)
    return result


# ------------------------------------------------------------------ the reference sheets


def test_reference_sheets_are_created_as_written(database: Database, tmp_path: Path) -> None:
    report = run(database, tmp_path / "a.xlsx", reference_sheets())

    assert report.applied, [describe_issue(i) for i in report.issues]
    assert report.issues == ()
    assert counts(report) == {
        "Dispositifs": (2, 0, 0, 0, 0),
        "Ménages": (4, 0, 0, 0, 0),
        "Personnes": (7, 0, 0, 0, 0),
        "Logements": (4, 0, 0, 0, 0),
    }
    assert (report.households_touched, report.households_before) == (4, 0)
    assert not report.threshold_exceeded  # an empty association never needs a confirmation

    def read(session: Session) -> dict[str, Any]:
        programmes = pairs(session, select(m.Programme.name, m.Programme.kind))
        funders = pairs(session, select(m.Funder.name, m.Funder.kind))
        iml = session.scalar(select(m.Programme).where(m.Programme.name == "IML Lyon"))
        assert iml is not None
        capacity = [(c.valid_from, c.places) for c in iml.capacities]
        stays = {
            ref: (
                s.entry_date,
                s.exit_date,
                s.entry_situation,
                s.referrer,
                s.dalo_status,
                s.siao_reference,
                s.destination,
                s.exit_reason,
            )
            for s, ref in session.execute(
                select(m.Stay, m.Household.reference).join(
                    m.Household, m.Household.id == m.Stay.household_id
                )
            )
        }
        addresses = {
            h.reference: (h.address, h.postcode, h.commune)
            for h in session.scalars(select(m.Household))
        }
        members = {
            (p.last_name, p.first_name): (
                ref,
                ms.role,
                ms.joined_on,
                p.sex,
                p.phone,
                p.allocataire_number,
                p.benefit_agency,
            )
            for ms, p, ref in session.execute(
                select(m.Membership, m.Person, m.Household.reference)
                .join(m.Person, m.Person.id == m.Membership.person_id)
                .join(m.Household, m.Household.id == m.Membership.household_id)
            )
        }
        landlords = pairs(session, select(m.Landlord.name, m.Landlord.kind))
        dwellings = {
            d.reference: (d.typology, d.surface_m2, d.sector, d.lots, d.places, d.captured_on)
            for d in session.scalars(select(m.Dwelling))
        }
        residence = session.execute(
            select(m.Residence.name, m.Programme.name).join(
                m.Programme, m.Programme.id == m.Residence.programme_id
            )
        ).one()
        return {
            "programmes": programmes,
            "funders": funders,
            "iml_funders": sorted(f.name for f in iml.funders),
            "capacity": capacity,
            "stays": stays,
            "addresses": addresses,
            "members": members,
            "landlords": landlords,
            "dwellings": dwellings,
            "residence": tuple(residence),
        }

    found = database.run_read(read)
    assert found["programmes"] == {
        "IML Lyon": "iml_sublease",
        "Pension des Lilas": "boarding_house",
    }
    assert found["funders"] == {
        "État – DDETS / DRIHL (BOP 177)": "state_p177",
        "Métropole de Lyon": "other",
    }
    assert found["iml_funders"] == ["Métropole de Lyon", "État – DDETS / DRIHL (BOP 177)"]
    assert found["capacity"] == [(date(2024, 1, 1), 12)]
    assert found["stays"]["M-001"] == (
        date(2025, 1, 1),
        None,
        "hotel_115",
        "siao",
        "dalo_priority",
        "SIAO-2025-0001",
        None,
        None,
    )
    assert found["stays"]["M-002"][1:] == (
        date(2026, 8, 31),
        "third_party",
        None,
        "non_dalo",
        None,
        "social_housing",
        "project_achieved",
    )
    assert found["addresses"]["M-001"] == ("12 rue des Lilas", "69003", "Lyon")
    assert found["addresses"]["M-003"] == (None, None, None)
    assert found["members"][("Martin", "Sophie")] == (
        "M-001",
        "head",
        date(2025, 1, 1),  # no Arrivée: the household's first entry
        "f",
        "06 12 34 56 78",
        "1234567",
        "caf",
    )
    assert found["members"][("Martin", "Paul")][1:4] == ("partner", date(2025, 3, 1), "h")
    assert found["members"][("Martin", "Lucas")][1:4] == ("child", date(2025, 1, 1), "h")
    assert found["members"][("Diallo", "Aminata")][:3] == ("M-002", "head", date(2024, 3, 1))
    assert found["members"][("Benali", "Yasmina")][1] == "partner"
    assert found["landlords"] == {"M. Durand": "private", "Lyon Métropole Habitat": "social"}
    assert found["dwellings"]["L-01"] == (
        "t3",
        Decimal("62.50"),
        "private",
        1,
        4,
        date(2024, 12, 1),
    )
    assert found["dwellings"]["L-03"][:3] == ("t2", Decimal("45.00"), "social")
    assert found["dwellings"]["P-01"][0] == "room"
    assert found["residence"] == ("Maison des Lilas", "Pension des Lilas")
    # The only residence of its programme takes the programme's places (Dispositifs).
    assert residence_places(database) == {"Maison des Lilas": [(date(2023, 6, 1), 20)]}

    # What search-as-you-type looks into was filled: names, phones, SI-SIAO reference.
    for text, expected in (("aminata", "M-002"), ("0612345678", "M-001"), ("siao-2025", "M-001")):
        page = search_households(
            database, actor=SYSTEM_ACTOR, query=HouseholdQuery(text=text, status="all"), on=TODAY
        )
        assert [row.reference for row in page.rows] == [expected], text
    # One security-log event per sheet, with its count; the chain holds.
    events = database.run_read(
        lambda s: [
            (e.entity, e.count)
            for e in s.scalars(select(m.AuditEvent).where(m.AuditEvent.action == "import"))
        ]
    )
    assert events == [("programme", 2), ("stay", 4), ("person", 7), ("dwelling", 4)]
    assert database.run_read(audit.verify).ok
    assert ("entry_date", None, "2025-01-01") in history(database, "stay")
    assert ("role", None, "head") in history(database, "membership")
    assert ("lots", None, "1") in history(database, "dwelling")


def test_the_same_file_twice_changes_nothing(database: Database, tmp_path: Path) -> None:
    # GIVEN the whole small association imported once
    sheets = small_association()
    first = run(database, tmp_path / "a.xlsx", sheets)
    assert first.applied, [describe_issue(i) for i in first.issues]
    before = table_counts(database)
    # WHEN the same file is imported again
    second = run(database, tmp_path / "b.xlsx", sheets)
    # THEN every row is unchanged, nothing is added anywhere but the run's own audit events
    assert second.applied
    assert second.issues == ()
    assert second.households_touched == 0
    assert {s.sheet for s in second.sheets} == {spec.name for spec in SHEETS}
    for sheet in second.sheets:
        assert (sheet.created, sheet.updated, sheet.errors) == (0, 0, 0), sheet
        assert sheet.unchanged == len(sheets[sheet.sheet])
    after = table_counts(database)
    assert after.pop("audit_event") == before.pop("audit_event") + len(SHEETS)
    assert after == before


def test_a_corrected_file_updates_what_changed(database: Database, tmp_path: Path) -> None:
    assert run(database, tmp_path / "a.xlsx", reference_sheets()).applied
    sheets = reference_sheets()
    row_of(sheets["Dispositifs"], Nom="IML Lyon").update(
        {"Places": 15, "Financeur": "État – DDETS / DRIHL (BOP 177)"}
    )
    row_of(sheets["Ménages"], Référence="M-001")["Statut DALO"] = "Non DALO"
    row_of(sheets["Ménages"], Référence="M-004").update(
        {
            "Date de sortie": date(2026, 10, 31),
            "Destination de sortie": "Logement privé – bail direct",
            "Motif de sortie": "Projet réalisé",
        }
    )
    row_of(sheets["Personnes"], Prénom="Yasmina")["Départ"] = date(2026, 6, 30)
    row_of(sheets["Personnes"], Prénom="Lucas")["Sexe"] = "X"
    row_of(sheets["Logements"], Référence_logement="L-02").update(
        {"Lots": 2, "Date de restitution": date(2026, 9, 30)}
    )

    # Two households of four touched: above the 20 % threshold, a confirmation is needed.
    refused = run(database, tmp_path / "b.xlsx", sheets)
    assert not refused.applied
    assert not refused.blocking
    assert refused.threshold_exceeded
    assert (refused.households_touched, refused.households_before) == (2, 4)
    assert scalar(database, select(m.Dwelling.lots).where(m.Dwelling.reference == "L-02")) == 1

    report = run(database, tmp_path / "c.xlsx", sheets, confirmed=True)
    assert report.applied
    assert counts(report) == {
        "Dispositifs": (0, 1, 1, 0, 0),
        "Ménages": (0, 2, 2, 0, 0),
        "Personnes": (0, 2, 5, 0, 0),
        "Logements": (0, 1, 3, 0, 0),
    }
    assert {
        ("dalo_status", "dalo_priority", "non_dalo"),
        ("exit_date", None, "2026-10-31"),
        ("destination", None, "private_housing"),
    } <= history(database, "stay")
    assert ("left_on", None, "2026-06-30") in history(database, "membership")
    assert ("sex", "h", "unknown") in history(database, "person")
    assert {("lots", "1", "2"), ("returned_on", None, "2026-09-30")} <= history(
        database, "dwelling"
    )
    assert ("places", "12", "15") in history(database, "programme")
    funders = database.run_read(
        lambda s: [
            f.name
            for f in s.scalars(select(m.Programme).where(m.Programme.name == "IML Lyon"))
            .one()
            .funders
        ]
    )
    assert funders == ["État – DDETS / DRIHL (BOP 177)"]
    lines = household_history(
        database, actor=SYSTEM_ACTOR, household_id=household_id(database, "M-004")
    )
    assert {(line.entity, line.field, line.new_value) for line in lines} >= {
        ("stay", "exit_date", "2026-10-31"),
        ("membership", "left_on", "2026-06-30"),
    }


def test_two_periods_of_one_person_are_two_memberships(database: Database, tmp_path: Path) -> None:
    sheets = reference_sheets()
    paul = row_of(sheets["Personnes"], Prénom="Paul")
    paul["Départ"] = date(2025, 6, 30)
    sheets["Personnes"].append({**paul, "Arrivée": date(2026, 1, 1), "Départ": None})
    assert run(database, tmp_path / "a.xlsx", sheets).applied
    periods = database.run_read(
        lambda s: sorted(
            (ms.joined_on, ms.left_on)
            for ms, p in s.execute(
                select(m.Membership, m.Person).join(m.Person, m.Person.id == m.Membership.person_id)
            )
            if p.first_name == "Paul"
        )
    )
    assert periods == [(date(2025, 3, 1), date(2025, 6, 30)), (date(2026, 1, 1), None)]
    assert (
        scalar(database, select(func.count(m.Person.id)).where(m.Person.first_name == "Paul")) == 1
    )
    again = run(database, tmp_path / "b.xlsx", sheets)
    assert counts(again)["Personnes"] == (0, 0, 8, 0, 0)


def test_key_workers_by_login_or_name(database: Database, tmp_path: Path) -> None:
    for login, name in (("julie", "Julie Morel"), ("marc", "Marc Petit"), ("marc2", "Marc Petit")):
        add_user(
            database,
            actor=SYSTEM_ACTOR,
            login=login,
            display_name=name,
            roles=[RoleSpec("social_worker")],
            password="un mot de passe assez long",
        )
    sheets = reference_sheets()
    row_of(sheets["Ménages"], Référence="M-001")["Référent"] = "JULIE"
    # An older stay of M-001 names another worker: the latest stay's Référent wins.
    sheets["Ménages"].append(
        {
            "Référence": "M-001",
            "Dispositif": "Pension des Lilas",
            "Date d'entrée": date(2024, 1, 1),
            "Date de sortie": date(2024, 12, 31),
            "Référent": "marc",
        }
    )
    row_of(sheets["Ménages"], Référence="M-002")["Référent"] = "Julie  Morel"
    row_of(sheets["Ménages"], Référence="M-004")["Référent"] = "Marc Petit"
    row_of(sheets["Ménages"], Référence="M-003")["Référent"] = "Jules"
    report = run(database, tmp_path / "a.xlsx", sheets)
    assert not report.applied
    found = {(i.row, i.code) for i in report.issues}
    assert found == {(5, "import.key_worker_ambiguous"), (4, "import.key_worker_unknown")}
    unknown = next(i for i in report.issues if i.code == "import.key_worker_unknown")
    assert "users list" in describe_issue(unknown)
    assert describe_issue(unknown).startswith("Feuille Ménages, ligne 4, colonne Référent : ")

    row_of(sheets["Ménages"], Référence="M-004")["Référent"] = "marc2"
    row_of(sheets["Ménages"], Référence="M-003")["Référent"] = None
    assert run(database, tmp_path / "b.xlsx", sheets).applied
    workers = database.run_read(
        lambda s: pairs(
            s,
            select(m.Household.reference, m.UserAccount.login).join(
                m.UserAccount, m.UserAccount.id == m.Household.key_worker_id
            ),
        )
    )
    assert workers == {"M-001": "julie", "M-002": "julie", "M-004": "marc2"}


# ------------------------------------------------------------------ all or nothing


@pytest.mark.parametrize("last_sheet", ["Logements", "Mouvements"])
def test_one_bad_row_in_the_last_sheet_changes_nothing_anywhere(
    database: Database, tmp_path: Path, last_sheet: str
) -> None:
    # GIVEN an association already holding the reference sheets
    assert run(database, tmp_path / "a.xlsx", reference_sheets()).applied
    # AND a file changing them and adding every other sheet, with one bad row at the very end
    sheets = small_association() if last_sheet == "Mouvements" else reference_sheets()
    row_of(sheets["Ménages"], Référence="M-001")["Date de sortie"] = date(2026, 10, 31)
    row_of(sheets["Dispositifs"], Nom="IML Lyon")["Places"] = 30
    sheets["Logements"].append({**sheets["Logements"][0], "Référence logement": "L-99"})
    expected: Issue
    if last_sheet == "Mouvements":
        sheets["Mouvements"][-1]["Montant"] = "12,3,4"
        expected = ("Mouvements", len(sheets["Mouvements"]) + 1, "Montant", "import.amount_invalid")
    else:
        sheets["Logements"][-1]["Lots"] = 0
        expected = ("Logements", len(sheets["Logements"]) + 1, "Lots", "housing.lots_invalid")
    before = table_counts(database)
    # WHEN it is imported (confirmed: the threshold is not what stops it)
    report = run(database, tmp_path / "b.xlsx", sheets, confirmed=True)
    # THEN the problem is reported where it is, and not one row changed in any table
    assert not report.applied
    assert report.blocking
    assert issues(report) == [expected]
    assert table_counts(database) == before
    exit_date = scalar(
        database,
        select(m.Stay.exit_date)
        .join(m.Household, m.Household.id == m.Stay.household_id)
        .where(m.Household.reference == "M-001"),
    )
    assert exit_date is None
    # The report still says what the import would have done.
    assert counts(report)["Ménages"][:2] == (0, 1)
    if last_sheet == "Mouvements":
        assert counts(report)["Logements"][0] == 1
        assert counts(report)["Contrats"][0] == len(sheets["Contrats"])


def test_every_blocking_problem_is_listed_and_nothing_written(
    database: Database, tmp_path: Path
) -> None:
    before = table_counts(database)
    sheets = reference_sheets()
    households, personnes, logements = sheets["Ménages"], sheets["Personnes"], sheets["Logements"]
    row_of(households, Référence="M-002")["Dispositif"] = "IML Lion"  # row 3
    row_of(households, Référence="M-004")["Date de sortie"] = date(2025, 5, 1)  # row 5
    households.append(
        {"Référence": "M-003", "Dispositif": "Pension des Lilas", "Date d'entrée": date(2025, 1, 1)}
    )  # row 6: overlaps row 4
    households.append(dict(households[0]))  # row 7: same key as row 2
    households.append(
        {"Référence": "M-005", "Dispositif": "IML Lyon", "Date d'entrée": "31/02/2025"}
    )  # row 8
    personnes.append({"Référence ménage": "M-999", "Nom": "Personne", "Prénom": "Inconnue"})
    row_of(personnes, Prénom="Paul")["Départ"] = date(2025, 1, 1)  # row 4: before Arrivée
    row_of(personnes, Prénom="Karim")["Lien"] = "Enfant"  # M-004 (rows 7, 8): no head
    row_of(logements, Référence_logement="L-03")["Code postal"] = "6900"  # row 4
    row_of(logements, Référence_logement="L-02")["Surface"] = "grand"  # row 3
    row_of(logements, Référence_logement="P-01")["Dispositif"] = "IML Lyon"  # row 5

    report = run(database, tmp_path / "a.xlsx", sheets)

    assert not report.applied
    found = issues(report)
    for expected in (
        ("Ménages", 3, "Dispositif", "import.programme_unknown"),
        ("Ménages", 5, "Date de sortie", "stay.exit_before_entry"),
        ("Ménages", 4, "Date d'entrée", "stay.overlap"),
        ("Ménages", 6, "Date d'entrée", "stay.overlap"),
        ("Ménages", 7, "Référence", "import.duplicate_key"),
        ("Ménages", 8, "Date d'entrée", "import.date_invalid"),
        ("Personnes", 9, "Référence ménage", "import.household_unknown"),
        ("Personnes", 4, "Départ", "member.left_before_joined"),
        ("Personnes", 7, "Lien", "import.no_head"),
        ("Logements", 4, "Code postal", "housing.postcode_invalid"),
        ("Logements", 3, "Surface", "import.surface_invalid"),
        ("Logements", 5, "Résidence", "housing.residence_programme_kind"),
    ):
        assert expected in found, (expected, found)
    texts = [describe_issue(issue) for issue in report.issues]
    assert any("« M-004 » : aucune personne de référence le 01/06/2025" in t for t in texts)
    assert any("« IML Lion » inconnu" in t for t in texts)
    assert all(issue.blocking for issue in report.issues)
    assert counts(report)["Ménages"][3] == sum(1 for i in report.issues if i.sheet == "Ménages")
    assert table_counts(database) == before
    # The error report is a workbook listing every problem.
    errors = tmp_path / "erreurs.xlsx"
    write_issues_file(report, errors)
    assert errors.stat().st_size > 0
    assert not errors.with_name("erreurs.xlsx.partiel").exists()


def test_a_gap_without_head_while_the_stay_runs_is_refused(
    database: Database, tmp_path: Path
) -> None:
    sheets = reference_sheets()
    nguyen = row_of(sheets["Personnes"], Nom="Nguyen")
    nguyen.update({"Arrivée": date(2024, 9, 1), "Départ": date(2025, 3, 31)})
    sheets["Personnes"].append({**nguyen, "Arrivée": date(2025, 6, 1), "Départ": None})
    report = run(database, tmp_path / "a.xlsx", sheets)
    assert [(i.code, i.params.get("day")) for i in report.issues] == [
        ("import.no_head", "01/04/2025")
    ]
    # A new household without any person has no head either.
    lone = reference_sheets()
    lone["Personnes"] = [r for r in lone["Personnes"] if r["Référence ménage"] != "M-003"]
    report = run(database, tmp_path / "b.xlsx", lone)
    assert issues(report) == [("Ménages", 4, None, "import.no_head")]


def test_lien_is_needed_when_the_household_has_several_persons(
    database: Database, tmp_path: Path
) -> None:
    sheets = reference_sheets()
    row_of(sheets["Personnes"], Prénom="Yasmina")["Lien"] = None
    report = run(database, tmp_path / "a.xlsx", sheets)
    assert issues(report) == [("Personnes", 8, "Lien", "import.role_missing")]


def test_a_person_like_one_of_another_household_is_a_warning(
    database: Database, tmp_path: Path
) -> None:
    assert run(database, tmp_path / "a.xlsx", reference_sheets()).applied
    sheets: dict[str, list[Row]] = {
        "Ménages": [
            {"Référence": "M-005", "Dispositif": "IML Lyon", "Date d'entrée": date(2026, 2, 1)}
        ],
        "Personnes": [
            {
                "Référence ménage": "M-005",
                "Nom": "MARTIN",  # Martin Sophie of M-001, same birth date
                "Prénom": "Sophie",
                "Date de naissance": date(1985, 4, 12),
                "Lien": "Personne de référence",
            },
            {"Référence ménage": "M-005", "Nom": "Martin", "Prénom": "Noé", "Lien": "Enfant"},
        ],
    }
    report = run(database, tmp_path / "b.xlsx", sheets, confirmed=True)
    assert report.applied
    assert counts(report)["Personnes"] == (2, 0, 0, 0, 1)
    [warning] = report.issues
    assert (warning.sheet, warning.row, warning.code, warning.blocking) == (
        "Personnes",
        2,
        "import.possible_duplicate",
        False,
    )
    assert "M-001" in describe_issue(warning)
    assert describe_issue(warning).startswith("Avertissement – Feuille Personnes, ligne 2")


# ------------------------------------------------------------------ threshold, dry run, control


def test_the_threshold_asks_for_a_confirmation(database: Database, tmp_path: Path) -> None:
    assert run(database, tmp_path / "a.xlsx", reference_sheets()).applied
    sheets = reference_sheets()
    row_of(sheets["Ménages"], Référence="M-003")["Statut DALO"] = "PU DALO"
    report = run(database, tmp_path / "b.xlsx", sheets)
    assert (report.households_touched, report.households_before) == (1, 4)
    assert report.threshold_exceeded
    assert not report.applied
    assert report.threshold_percent == 20
    assert counts(report)["Ménages"] == (0, 1, 3, 0, 0)

    def raise_threshold(session: Session) -> None:
        session.execute(
            update(m.Parameter)
            .where(m.Parameter.key == "import.confirmation_percent")
            .values(value="30")
        )

    database.run_write(raise_threshold)
    report = run(database, tmp_path / "c.xlsx", sheets)
    assert report.applied
    assert not report.threshold_exceeded
    stay = scalar(
        database,
        select(m.Stay.dalo_status)
        .join(m.Household, m.Household.id == m.Stay.household_id)
        .where(m.Household.reference == "M-003"),
    )
    assert stay == "dalo_priority"


def test_a_dry_run_counts_and_writes_nothing(database: Database, tmp_path: Path) -> None:
    before = table_counts(database)
    report = run(database, tmp_path / "a.xlsx", reference_sheets(), dry_run=True)
    assert not report.applied
    assert not report.blocking
    assert counts(report)["Personnes"] == (7, 0, 0, 0, 0)
    assert report.households_touched == 4
    assert table_counts(database) == before


def test_progress_then_cancel_writes_nothing(database: Database, tmp_path: Path) -> None:
    steps: list[tuple[int, int]] = []
    path = workbook(tmp_path / "a.xlsx", reference_sheets())
    report = import_workbook(
        database,
        actor=SYSTEM_ACTOR,
        path=path,
        today=TODAY,
        control=TaskControl(lambda done, total: steps.append((done, total))),
    )
    assert report.applied
    assert steps == [(done, len(SHEETS)) for done in range(len(SHEETS) + 1)]

    sheets = reference_sheets()
    sheets["Ménages"].append(
        {"Référence": "M-009", "Dispositif": "IML Lyon", "Date d'entrée": date(2026, 1, 1)}
    )
    sheets["Personnes"].append({"Référence ménage": "M-009", "Nom": "Zola", "Prénom": "Émile"})
    before = table_counts(database)
    controls: list[TaskControl] = []

    def cancel_on_third(done: int, _total: int) -> None:
        if done == 3:  # Dispositifs, Ménages and Personnes written: stop before Logements
            controls[0].cancel()

    control = TaskControl(cancel_on_third)
    controls.append(control)
    with pytest.raises(Cancelled):
        import_workbook(
            database,
            actor=SYSTEM_ACTOR,
            path=workbook(tmp_path / "b.xlsx", sheets),
            today=TODAY,
            confirmed=True,
            control=control,
        )
    assert table_counts(database) == before


# ------------------------------------------------------------------ the file as a whole


def test_an_unreadable_file_is_refused(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "classeur.xlsx"
    path.write_bytes(b"pas un classeur" * 100)
    before = table_counts(database)
    with pytest.raises(RefusedError) as refused:
        import_workbook(database, actor=SYSTEM_ACTOR, path=path, today=TODAY)
    assert "classeur.xlsx" in refused.value.text
    assert table_counts(database) == before


def test_sheets_unknown_repeated_empty_or_absent(database: Database, tmp_path: Path) -> None:
    sheets: dict[str, list[Row]] = {
        "Notice": [{"Comment remplir": "une ligne par séjour"}],
        **small_association("Dispositifs"),
        "Logements": [],  # an empty sheet is an absent sheet
        "Feuil1": [{"Notes": "à voir"}],
    }
    report = run(database, tmp_path / "a.xlsx", sheets)
    assert report.applied
    assert issues(report) == [("Feuil1", None, None, "import.sheet_unknown")]
    assert not report.issues[0].blocking
    assert [s.sheet for s in report.sheets] == ["Dispositifs"]

    nothing = run(database, tmp_path / "b.xlsx", {"Feuil1": [{"Nom": "x"}]})
    assert issues(nothing) == [
        (None, None, None, "import.no_sheet"),  # the file as a whole comes first
        ("Feuil1", None, None, "import.sheet_unknown"),
    ]
    assert not nothing.applied

    book = Workbook()
    assert book.active is not None
    book.active.title = "Ménages"
    book.create_sheet("menages")
    for sheet in book.worksheets:
        sheet.append(["Référence", "Dispositif", "Date d'entrée"])
    book.create_sheet("Personnes").append(["Référence ménage", "Nom"])  # Prénom missing
    book["Personnes"].insert_rows(1, 2)  # headings on row 3, after two blank rows
    book["Personnes"].append(["M-001", "Martin"])
    book.save(tmp_path / "c.xlsx")
    report = import_workbook(database, actor=SYSTEM_ACTOR, path=tmp_path / "c.xlsx", today=TODAY)
    assert ("Ménages", None, None, "import.sheet_repeated") in issues(report)
    assert ("Personnes", 3, "Prénom", "import.column_missing") in issues(report)
    assert not report.applied


def test_only_those_who_may_import(database: Database, tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", reference_sheets())
    worker = Actor(user_id=None, login="ts", grants=(Grant("social_worker"),))
    with pytest.raises(RefusedError, match="droits"):
        import_workbook(database, actor=worker, path=path, today=TODAY)
    manager = Actor(user_id=None, login="gl", grants=(Grant("rental_manager"),))
    assert import_workbook(database, actor=manager, path=path, today=TODAY).applied


# ------------------------------------------------------------------ the code itself


def test_the_importers_follow_the_sheets() -> None:
    assert [spec for spec, _, _ in IMPORTERS] == list(SHEETS)


def test_every_import_code_is_in_the_catalogue() -> None:
    used: set[str] = set()
    for module in (imports, import_sheets):
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        used |= set(re.findall(r'"((?:import|housing|household_edit|cli)\.[a-z_.]+)"', source))
    assert "import.no_head" in used
    used -= {"import.run", "import.confirmation_percent"}  # a permission and a parameter
    assert used <= set(messages.MESSAGES), used - set(messages.MESSAGES)


def test_a_value_the_database_refuses_is_a_problem_not_a_crash(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A value no check caught (a bug) still leaves the database as it was, and says so."""

    def careless(ctx: ImportContext, sheet: ParsedSheet | None) -> None:
        if sheet is not None:
            ctx.session.execute(insert(m.Programme).values(name="X", kind="not_a_kind"))

    before = table_counts(database)
    monkeypatch.setattr(imports, "IMPORTERS", ((PROGRAMMES, careless, "programme"), *IMPORTERS[1:]))
    report = run(database, tmp_path / "a.xlsx", reference_sheets())
    assert not report.applied
    assert ("Dispositifs", None, None, "import.rejected") in issues(report)
    assert table_counts(database) == before


def test_statements_do_not_grow_with_the_rows(
    database: Database, tmp_path: Path, count_statements: Callable[[Engine], Any]
) -> None:
    """Rows are matched and written in bulk: no statement per row (2 000 households < 20 s)."""

    def association(size: int) -> dict[str, list[Row]]:
        sheets = small_association("Dispositifs")
        sheets["Ménages"] = [
            {"Référence": f"H-{i}", "Dispositif": "IML Lyon", "Date d'entrée": date(2025, 1, 1)}
            for i in range(size)
        ]
        sheets["Personnes"] = [
            {
                "Référence ménage": f"H-{i}",
                "Nom": f"Nom{i}",
                "Prénom": "Prénom",
                "Date de naissance": date(1980, 1, 1) + timedelta(days=i),
            }
            for i in range(size)
        ]
        sheets["Logements"] = [
            {
                "Référence logement": f"D-{i}",
                "Adresse": f"{i} rue des Lilas",
                "Commune": "Lyon",
                "Dispositif": "IML Lyon",
            }
            for i in range(size)
        ]
        return sheets

    statements = []
    for size in (10, 40):
        path = workbook(tmp_path / f"{size}.xlsx", association(size))
        with count_statements(database.engine) as counter:
            report = import_workbook(
                database, actor=SYSTEM_ACTOR, path=path, today=TODAY, dry_run=True
            )
        assert not report.blocking
        assert counts(report)["Personnes"][0] == size
        statements.append(counter.count)
    assert statements[0] == statements[1], statements


def test_residences_of_a_shared_programme_count_their_rooms_places(
    database: Database, tmp_path: Path
) -> None:
    # GIVEN a pension programme without places and two residences, rooms of 1 and 2 places
    sheets = small_association()
    row_of(sheets["Dispositifs"], Nom="Pension des Lilas")["Places"] = None
    room = row_of(sheets["Logements"], **{"Référence logement": "P-01"})
    for reference, residence, places, captured in (
        ("P-02", "Maison des Lilas", 2, date(2023, 9, 1)),
        ("P-03", "Maison des Roses", 2, None),
        ("P-04", "Maison des Roses", 1, None),
    ):
        sheets["Logements"].append(
            {
                **room,
                "Référence logement": reference,
                "Résidence": residence,
                "Places": places,
                "Date de captation": captured,
            }
        )
    report = run(database, tmp_path / "a.xlsx", sheets)
    assert report.applied, [describe_issue(i) for i in report.issues]
    # THEN each residence has its rooms' places, from its first capture or the programme start
    assert residence_places(database) == {
        "Maison des Lilas": [(date(2023, 6, 1), 1 + 2)],
        "Maison des Roses": [(date(2023, 6, 1), 2 + 1)],
    }
    assert ("places", None, "3") in history(database, "residence")
    # AND a second import leaves them as they are
    run(database, tmp_path / "b.xlsx", sheets)
    assert residence_places(database)["Maison des Roses"] == [(date(2023, 6, 1), 3)]
