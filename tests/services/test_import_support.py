"""The accompaniment sheets of the import workbook (Mesures, Entretiens), on real databases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services import support
from desktop_app.services.imports import ImportReport, describe_issue, import_workbook
from desktop_app.services.system import open_workspace
from desktop_app.services.users import RoleSpec, add_user
from tests.services.import_builders import TODAY, Row, reference_sheets, workbook

pytestmark = pytest.mark.db
Issue = tuple[str | None, int | None, str | None, str]


@pytest.fixture
def database(database_target: DatabaseTarget) -> Iterator[Database]:
    workspace = open_workspace(database_target)
    for login, name in (("sami", "Sami Accompagnement"), ("lea", "Léa Martin")):
        add_user(
            workspace.database,
            actor=SYSTEM_ACTOR,
            login=login,
            display_name=name,
            roles=[RoleSpec("social_worker")],
            password="un mot de passe assez long",
        )
    yield workspace.database
    workspace.close()


def measure(household: str, kind: str, start: date, **more: Any) -> Row:
    return {"Référence ménage": household, "Type": kind, "Début": start, **more}


def contact(household: str, day: date, kind: str, **more: Any) -> Row:
    return {"Référence ménage": household, "Date": day, "Type": kind, **more}


def association() -> dict[str, list[Row]]:
    """The small association's reference sheets, an AVDL programme and a household in it."""
    sheets = reference_sheets()
    sheets["Dispositifs"].append(
        {"Nom": "AVDL Rhône", "Type": "AVDL", "Financeur": "FNAVDL", "Début": date(2024, 1, 1)}
    )
    sheets["Ménages"].append(
        {"Référence": "M-005", "Dispositif": "AVDL Rhône", "Date d'entrée": date(2025, 2, 1)}
    )
    sheets["Personnes"].append(
        {
            "Référence ménage": "M-005",
            "Nom": "Traoré",
            "Prénom": "Fatou",
            "Date de naissance": date(1992, 3, 3),
            "Lien": "Personne de référence",
        }
    )
    sheets["Mesures"] = [
        measure(
            "M-005",
            "Diagnostic social logement",
            date(2025, 2, 1),
            Fin=date(2025, 2, 9),
            **{"Conclusion du diagnostic": "Accompagnement proposé"},
        ),
        measure(
            "M-005",
            "AVDL – hors DALO",
            date(2025, 2, 10),
            Phase="Vers le logement",
            Public="Sortants d'hébergement",
            Prescripteur="SIAO",
            Financeur="fnavdl",
            **{"Date de prescription": date(2025, 2, 1), "Durée prévue (mois)": 6},
        ),
        measure(
            "m-001",
            "Accompagnement IML",
            date(2025, 1, 15),
            Fin=date(2026, 1, 14),
            Issue="Objectifs atteints",
            Financeur="Conseil départemental du Rhône",
            **{"Situation de logement à la fin": "Logement social – bail direct"},
        ),
    ]
    sheets["Entretiens"] = [
        contact(
            "M-005",
            date(2025, 2, 20),
            "Visite à domicile",
            Intervenant="sami",
            **{"Durée (min)": 60, "Thèmes": "Accès au logement ; budget / DETTES"},
        ),
        contact("M-005", date(2025, 3, 5), "Rendez-vous non honoré", Intervenant="Léa Martin"),
        contact("M-001", date(2025, 3, 1), "Entretien téléphonique", **{"Durée (min)": 10}),
        contact("M-001", date(2025, 3, 1), "Entretien téléphonique", **{"Durée (min)": 15}),
    ]
    return sheets


def run(database: Database, path: Path, sheets: dict[str, list[Row]]) -> ImportReport:
    return import_workbook(database, actor=SYSTEM_ACTOR, path=workbook(path, sheets), today=TODAY)


def counts(report: ImportReport) -> dict[str, tuple[int, int, int, int, int]]:
    return {
        s.sheet: (s.created, s.updated, s.unchanged, s.errors, s.warnings)
        for s in report.sheets
        if s.sheet in {"Mesures", "Entretiens"}
    }


def issues(report: ImportReport) -> list[Issue]:
    return [(i.sheet, i.row, i.column, i.code) for i in report.issues]


def table_counts(database: Database) -> dict[str, int]:
    def read(session: Session) -> dict[str, int]:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in m.Base.metadata.sorted_tables
        }

    return database.run_read(read)


def measures(database: Database) -> dict[tuple[str, str], dict[str, Any]]:
    """Every measure by (household reference, kind): its columns and related rows."""

    def read(session: Session) -> dict[tuple[str, str], dict[str, Any]]:
        found = {}
        for measure_row, reference, programme, funder, funder_kind in session.execute(
            select(
                m.SupportMeasure,
                m.Household.reference,
                m.Programme.name,
                m.Funder.name,
                m.Funder.kind,
            )
            .join(m.Household, m.Household.id == m.SupportMeasure.household_id)
            .join(m.Programme, m.Programme.id == m.SupportMeasure.programme_id)
            .outerjoin(m.Funder, m.Funder.id == m.SupportMeasure.funder_id)
        ):
            phases = session.execute(
                select(m.MeasurePhase.phase, m.MeasurePhase.from_date)
                .where(m.MeasurePhase.measure_id == measure_row.id)
                .order_by(m.MeasurePhase.from_date)
            ).all()
            found[(reference, measure_row.kind)] = {
                "id": measure_row.id,
                "programme": programme,
                "funder": (funder, funder_kind),
                "start": measure_row.start_date,
                "prescribed_on": measure_row.prescribed_on,
                "planned_months": measure_row.planned_months,
                "target_public": measure_row.target_public,
                "referrer": measure_row.referrer,
                "end": measure_row.end_date,
                "outcome": measure_row.outcome,
                "destination": measure_row.destination,
                "conclusion": measure_row.conclusion,
                "phases": [tuple(phase) for phase in phases],
                "version": measure_row.version,
            }
        return found

    return database.run_read(read)


def contacts(database: Database) -> list[tuple[Any, ...]]:
    """Every contact (household, date, kind, minutes, worker, measure kind, themes).

    By household and date, then in the order recorded (the rows of a key match it in order).
    """

    def read(session: Session) -> list[tuple[Any, ...]]:
        rows = []
        for row, reference, worker, measure_kind in session.execute(
            select(m.Contact, m.Household.reference, m.UserAccount.login, m.SupportMeasure.kind)
            .join(m.Household, m.Household.id == m.Contact.household_id)
            .outerjoin(m.UserAccount, m.UserAccount.id == m.Contact.worker_id)
            .outerjoin(m.SupportMeasure, m.SupportMeasure.id == m.Contact.measure_id)
            .order_by(m.Household.reference, m.Contact.held_on, m.Contact.id)
        ):
            themes = sorted(
                session.scalars(
                    select(m.ContactTheme.theme).where(m.ContactTheme.contact_id == row.id)
                )
            )
            rows.append(
                (reference, row.held_on, row.kind, row.minutes, worker, measure_kind, themes)
            )
        return rows

    return database.run_read(read)


def history(database: Database, entity: str) -> set[tuple[str, str | None, str | None]]:
    rows = database.run_read(
        lambda s: s.execute(
            select(
                m.ChangeHistory.field, m.ChangeHistory.old_value, m.ChangeHistory.new_value
            ).where(m.ChangeHistory.entity == entity)
        ).all()
    )
    return {(field, old, new) for field, old, new in rows}


def test_measures_and_contacts_are_created_as_written(database: Database, tmp_path: Path) -> None:
    report = run(database, tmp_path / "a.xlsx", association())

    assert report.applied, [describe_issue(i) for i in report.issues]
    assert counts(report) == {"Mesures": (3, 0, 0, 0, 0), "Entretiens": (4, 0, 0, 0, 1)}
    # The second phone call of M-001 that day is a contact of its own, with a warning.
    assert issues(report) == [("Entretiens", 5, None, "import.contact_repeated")]
    found = measures(database)
    assert set(found) == {
        ("M-005", "diagnostic"),
        ("M-005", "avdl_non_dalo"),
        ("M-001", "iml_support"),
    }
    avdl = found[("M-005", "avdl_non_dalo")]
    assert avdl["programme"] == "AVDL Rhône"  # the programme of the stay covering its start
    assert avdl["funder"] == ("FNAVDL", "fnavdl")  # named in another case: the same funder
    assert (avdl["prescribed_on"], avdl["planned_months"]) == (date(2025, 2, 1), 6)
    assert (avdl["target_public"], avdl["referrer"]) == ("shelter_leavers", "siao")
    assert avdl["phases"] == [("towards", date(2025, 2, 10))]
    assert (avdl["end"], avdl["outcome"]) == (None, None)
    diagnostic = found[("M-005", "diagnostic")]
    assert (diagnostic["end"], diagnostic["conclusion"]) == (date(2025, 2, 9), "support_proposed")
    assert diagnostic["planned_months"] == 6  # the parameter's default
    assert diagnostic["phases"] == []
    iml = found[("M-001", "iml_support")]
    assert iml["programme"] == "IML Lyon"
    assert iml["funder"] == ("Conseil départemental du Rhône", "other")  # created
    assert (iml["end"], iml["outcome"], iml["destination"]) == (
        date(2026, 1, 14),
        "goals_met",
        "social_housing",
    )
    assert contacts(database) == [
        ("M-001", date(2025, 3, 1), "phone", 10, None, "iml_support", []),
        ("M-001", date(2025, 3, 1), "phone", 15, None, "iml_support", []),
        (
            "M-005",
            date(2025, 2, 20),
            "home_visit",
            60,
            "sami",
            "avdl_non_dalo",  # the measure running that day (not the diagnostic)
            ["Accès au logement", "Budget / dettes"],  # as the parameter spells them
        ),
        ("M-005", date(2025, 3, 5), "no_show", None, "lea", "avdl_non_dalo", []),
    ]
    lines = history(database, "support_measure")
    assert {
        ("start_date", None, "2025-02-10"),
        ("kind", None, "avdl_non_dalo"),
        ("planned_months", None, "6"),
        ("phase", None, "towards"),
        ("end_date", None, "2026-01-14"),
        ("outcome", None, "goals_met"),
        ("conclusion", None, "support_proposed"),
    } <= lines
    assert ("held_on", None, "2025-03-05") in history(database, "contact")


def test_the_same_file_twice_changes_nothing(database: Database, tmp_path: Path) -> None:
    # GIVEN the file imported once
    sheets = association()
    assert run(database, tmp_path / "a.xlsx", sheets).applied
    before = table_counts(database)
    versions = {key: value["version"] for key, value in measures(database).items()}
    # WHEN it is imported again
    second = run(database, tmp_path / "b.xlsx", sheets)
    # THEN every row is matched and unchanged (both phone calls too): nothing new anywhere
    assert second.applied
    assert second.issues == ()
    assert counts(second) == {"Mesures": (0, 0, 3, 0, 0), "Entretiens": (0, 0, 4, 0, 0)}
    after = table_counts(database)
    assert after.pop("audit_event") == before.pop("audit_event") + len(second.sheets)
    assert after == before
    assert {key: value["version"] for key, value in measures(database).items()} == versions


def test_a_corrected_file_updates_what_changed(database: Database, tmp_path: Path) -> None:
    # GIVEN the file imported, then the AVDL measure renewed for 6 months in Seuil
    sheets = association()
    assert run(database, tmp_path / "a.xlsx", sheets).applied
    avdl = measures(database)[("M-005", "avdl_non_dalo")]
    support.renew_measure(
        database,
        actor=SYSTEM_ACTOR,
        measure_id=avdl["id"],
        version=avdl["version"],
        decided_on=date(2025, 7, 20),
        months=6,
        today=TODAY,
    )
    # WHEN the file says 12 months (renewal included): nothing to change
    sheets["Mesures"][1]["Durée prévue (mois)"] = 12
    report = run(database, tmp_path / "b.xlsx", sheets)
    assert counts(report)["Mesures"] == (0, 0, 3, 0, 0)
    # WHEN a corrected file ends the AVDL measure, moves its phase, shortens it by 2 months,
    # and changes a contact's duration and themes
    sheets["Mesures"][1].update(
        {
            "Durée prévue (mois)": 10,
            "Phase": "Dans le logement",
            "Fin": date(2026, 3, 31),
            "Issue": "Relogé",
            "Situation de logement à la fin": "Logement social – bail direct",
        }
    )
    sheets["Entretiens"][0].update({"Durée (min)": 75, "Thèmes": "Santé"})
    report = run(database, tmp_path / "c.xlsx", sheets)
    # THEN those rows are updated, with their history
    assert report.applied, [describe_issue(i) for i in report.issues]
    assert counts(report) == {"Mesures": (0, 1, 2, 0, 0), "Entretiens": (0, 1, 3, 0, 0)}
    after = measures(database)[("M-005", "avdl_non_dalo")]
    assert after["planned_months"] == 4  # 10 months, 6 of them renewed
    assert (after["end"], after["outcome"], after["destination"]) == (
        date(2026, 3, 31),
        "rehoused",
        "social_housing",
    )
    # The new phase starts on the measure's end (the day of the import is after it)
    assert after["phases"] == [("towards", date(2025, 2, 10)), ("in_home", date(2026, 3, 31))]
    assert after["version"] > avdl["version"]
    lines = history(database, "support_measure")
    assert {
        ("planned_months", "6", "4"),
        ("end_date", None, "2026-03-31"),
        ("outcome", None, "rehoused"),
        ("phase", "towards", "in_home"),
    } <= lines
    visit = contacts(database)[2]
    assert (visit[2], visit[3], visit[6]) == ("home_visit", 75, ["Santé"])
    # AND the corrected file imported again changes nothing more
    again = run(database, tmp_path / "d.xlsx", sheets)
    assert counts(again) == {"Mesures": (0, 0, 3, 0, 0), "Entretiens": (0, 0, 4, 0, 0)}


def test_problems_block_the_whole_file(database: Database, tmp_path: Path) -> None:
    # GIVEN a first import, and two accounts sharing a display name
    assert run(database, tmp_path / "a.xlsx", association()).applied
    add_user(
        database,
        actor=SYSTEM_ACTOR,
        login="lea2",
        display_name="Léa Martin",
        roles=[RoleSpec("social_worker")],
        password="un mot de passe assez long",
    )
    before = table_counts(database)
    sheets = association()
    sheets["Mesures"] += [
        measure("M-999", "ASLL", date(2025, 1, 1)),  # row 5
        measure(  # 6
            "M-002",
            "ASLL",
            date(2025, 5, 1),
            Fin=date(2025, 4, 1),
            Issue="Relogé",
            **{"Situation de logement à la fin": "Logement social – bail direct"},
        ),
        measure(  # 7: a diagnostic ends with a conclusion, not an outcome
            "M-004",
            "Diagnostic social logement",
            date(2025, 6, 1),
            Fin=date(2025, 7, 1),
            Issue="Relogé",
        ),
        measure("M-004", "ASLL", date(2025, 7, 1), Issue="Relogé"),  # 8: no Fin
        measure("M-004", "AVDL – DALO", date(2025, 7, 1), Fin=date(2025, 9, 1)),  # 9
        measure("M-003", "Accompagnement bail glissant", date(2024, 1, 1)),  # 10: no stay
        measure("M-005", "AVDL – hors DALO", date(2025, 5, 1)),  # 11: overlaps row 3
        measure("M-001", "ASLL", date(2027, 1, 1)),  # 12
    ]
    sheets["Entretiens"] += [
        contact("M-005", date(2025, 4, 1), "Entretien au bureau", Intervenant="Personne"),  # 6
        contact("M-005", date(2025, 4, 2), "Entretien au bureau", Intervenant="Léa Martin"),
        contact("M-005", date(2025, 4, 3), "Entretien au bureau", Thèmes="Jardinage"),  # 8
        contact("M-005", date(2027, 1, 1), "Entretien au bureau", **{"Durée (min)": 2000}),
        contact("M-404", date(2025, 4, 3), "Entretien au bureau"),  # 10
    ]
    report = run(database, tmp_path / "b.xlsx", sheets)
    assert not report.applied
    assert [issue for issue in issues(report) if issue[0] in {"Mesures", "Entretiens"}] == [
        ("Mesures", 3, "Début", "measure.overlap"),
        ("Mesures", 5, "Référence ménage", "import.household_unknown"),
        ("Mesures", 6, "Fin", "measure.before_start"),
        ("Mesures", 7, "Issue", "measure.outcome_not_for_diagnostic"),
        ("Mesures", 7, "Conclusion du diagnostic", "measure.conclusion_required"),
        ("Mesures", 8, "Issue", "import.measure_details_without_end"),
        ("Mesures", 9, "Issue", "measure.outcome_required"),
        ("Mesures", 9, "Situation de logement à la fin", "measure.destination_required"),
        ("Mesures", 10, "Référence ménage", "import.measure_programme_unknown"),
        ("Mesures", 11, "Début", "measure.overlap"),
        ("Mesures", 12, "Début", "measure.future_start"),
        ("Entretiens", 3, "Intervenant", "import.worker_ambiguous"),
        ("Entretiens", 6, "Intervenant", "import.worker_unknown"),
        ("Entretiens", 7, "Intervenant", "import.worker_ambiguous"),
        ("Entretiens", 8, "Thèmes", "contact.theme_unknown"),
        ("Entretiens", 9, "Date", "contact.future"),
        ("Entretiens", 9, "Durée (min)", "contact.minutes_invalid"),
        ("Entretiens", 10, "Référence ménage", "import.household_unknown"),
    ]
    texts = [describe_issue(i) for i in report.issues if i.row == 7 and i.sheet == "Entretiens"]
    assert texts == [
        "Feuille Entretiens, ligne 7, colonne Intervenant : Plusieurs comptes s'appellent "
        "« Léa Martin » : écrivez plutôt l'identifiant du compte."
    ]
    after = table_counts(database)
    assert after == before  # nothing written, not even an audit event
