"""The right-of-access file of one household: what it holds, who may, the log, the command."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import insert, select

from desktop_app.cli import parse, run
from desktop_app.domain.errors import RefusedError
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.domain.subject_access import (
    HEALTH_NOTICE,
    JUSTIFIED_REASON,
    REVIEW_NOTICE,
    export_file_name,
)
from desktop_app.paths import DatabaseTarget, resolve_database
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services import charges
from desktop_app.services.contacts import log_contact
from desktop_app.services.contracts import RateInput, create_contract
from desktop_app.services.documents import add_document
from desktop_app.services.households import MemberInput, create_household
from desktop_app.services.notes import add_note
from desktop_app.services.stays import open_stay
from desktop_app.services.subject_access import export_household
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
TODAY = date(2026, 11, 27)
SHEETS = [
    "Ménage",
    "Personnes",
    "Parcours",
    "Contrats",
    "Compte",
    "Accompagnement",
    "Entretiens",
    "Notes",
    "Documents",
    "Historique",
    "Consultations",
]
COORDINATOR = Actor(user_id=None, login="camille", grants=(Grant("coordinator"),))


@dataclass
class Scene:
    database: Database
    household_id: int
    reference: str


def first_id(database: Database, model: type[m.Programme] | type[m.Dwelling]) -> int:
    found = database.run_read(lambda s: s.scalar(select(model.id)))
    assert found is not None
    return int(found)


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    workspace = open_workspace(database_target)
    db = workspace.database
    with db.begin_write() as c:
        c.execute(insert(m.Programme).values(name="IML Lyon", kind="iml_sublease"))
    programme_id = first_id(db, m.Programme)
    created = create_household(
        db,
        actor=SYSTEM_ACTOR,
        start=date(2026, 9, 1),
        members=[
            MemberInput("Diallo", "Aminata", date(1988, 4, 12), "f", "head"),
            MemberInput("Diallo", "Moussa", date(2015, 9, 3), "h", "child"),
        ],
    )
    hid = created.household_id
    open_stay(
        db,
        actor=SYSTEM_ACTOR,
        household_id=hid,
        programme_id=programme_id,
        entry=date(2026, 9, 1),
        entry_situation="hotel_115",
        today=TODAY,
    )
    with db.begin_write() as c:
        c.execute(
            insert(m.Dwelling).values(
                reference="LOG-1",
                address="12 rue Paul Bert",
                commune="Lyon",
                programme_id=programme_id,
            )
        )
    dwelling_id = first_id(db, m.Dwelling)
    create_contract(
        db,
        actor=SYSTEM_ACTOR,
        household_id=hid,
        dwelling_id=dwelling_id,
        kind="sublease",
        start=date(2026, 9, 1),
        rate=RateInput(rent=40_000, charges=4_000),
    )
    charges.generate_month(db, actor=SYSTEM_ACTOR, month=date(2026, 9, 1), today=TODAY)
    for level, text in (
        ("shared", '=HYPERLINK("http://exemple.fr") Bail signé, très à l\'aise avec le quartier'),
        ("confidential", "Souhaite changer d'école pour Moussa"),
        ("health", "Suivi au CMP"),
    ):
        add_note(db, actor=SYSTEM_ACTOR, household_id=hid, level=level, text=text)
    log_contact(
        db,
        actor=SYSTEM_ACTOR,
        household_id=hid,
        kind="home_visit",
        held_on=date(2026, 10, 2),
        minutes=45,
        today=TODAY,
    )
    add_document(
        db,
        actor=SYSTEM_ACTOR,
        household_id=hid,
        content=b"%PDF-1.4 attestation",
        file_name="assurance.pdf",
        kind="insurance",
        title="Attestation d'assurance 2026",
        dated_on=date(2026, 9, 1),
        expires_on=date(2027, 8, 31),
    )
    yield Scene(db, hid, created.reference)
    workspace.close()


def exports(database: Database) -> list[tuple[str, int | None]]:
    return database.run_read(
        lambda s: [
            (e.actor, e.household_id)
            for e in s.scalars(select(m.AuditEvent).where(m.AuditEvent.action == "export"))
        ]
    )


def rows(sheet: object) -> list[tuple[object, ...]]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]  # type: ignore[attr-defined]


def test_the_file_holds_the_whole_household_but_health_notes(scene: Scene, tmp_path: Path) -> None:
    path = tmp_path / export_file_name(scene.reference, TODAY)
    result = export_household(
        scene.database, actor=COORDINATOR, household_id=scene.household_id, path=path
    )
    assert result.reference == scene.reference
    assert path.name == f"droit-acces-{scene.reference}-2026-11-27.xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == SHEETS
    household = rows(book["Ménage"])
    assert household[0] == (REVIEW_NOTICE, None)
    assert ("Référence", scene.reference) in household
    persons = rows(book["Personnes"])
    assert persons[0][:5] == ("Nom", "Prénom", "Date de naissance", "Sexe", "Lien")
    assert {(p[0], p[1], p[4]) for p in persons[1:]} == {
        ("Diallo", "Aminata", "Personne de référence"),
        ("Diallo", "Moussa", "Enfant"),
    }
    assert persons[1][2] == datetime(1988, 4, 12)
    assert book["Personnes"].cell(2, 3).number_format == "dd/mm/yyyy"
    path_rows = rows(book["Parcours"])
    assert str(path_rows[-1][1]).startswith("Entrée — IML Lyon")
    assert rows(book["Contrats"])[1][:2] == ("LOG-1", "12 rue Paul Bert")
    account = rows(book["Compte"])[1:]
    assert sorted((line[3], line[4], line[5]) for line in account) == [
        ("Échéance", "Charges", 40),
        ("Échéance", "Loyer / équivalent loyer", 400),
    ]
    assert book["Compte"].cell(2, 6).number_format == "#,##0.00 [$€-40C]"
    assert rows(book["Entretiens"])[1][1:3] == ("Visite à domicile", 45)
    notes = rows(book["Notes"])
    assert notes[0] == (HEALTH_NOTICE, None, None, None)
    texts = [line[3] for line in notes[2:]]
    assert len(texts) == 2
    assert "Souhaite changer d'école pour Moussa" in texts
    assert not any("CMP" in str(text) for sheet in book for line in rows(sheet) for text in line)
    # a note that looks like a formula stays a text, never a live formula
    formula_like = next(c for c in book["Notes"]["D"] if str(c.value).startswith("="))
    assert formula_like.data_type == "s"
    assert rows(book["Documents"])[1][1:4] == (
        "Attestation d'assurance",
        "Attestation d'assurance 2026",
        "assurance.pdf",
    )
    assert len(rows(book["Historique"])) > 5
    assert any(line[2] == "Création" for line in rows(book["Consultations"])[1:])
    # AND the export itself is in the security log, naming the household; reading the
    # confidential note is a justified access, shown to the key worker as in the file
    assert exports(scene.database) == [("camille", scene.household_id)]
    events = scene.database.run_read(
        lambda s: [
            (e.action, e.reason)
            for e in s.scalars(
                select(m.AuditEvent).where(
                    m.AuditEvent.household_id == scene.household_id,
                    m.AuditEvent.action.in_(["justified_access", "open_confidential"]),
                )
            )
        ]
    )
    assert events == [("justified_access", JUSTIFIED_REASON), ("open_confidential", None)]


def test_only_the_coordination_and_the_direction_may(scene: Scene, tmp_path: Path) -> None:
    path = tmp_path / "dossier.xlsx"
    for role in ("social_worker", "host", "rental_manager", "secretary"):
        actor = Actor(user_id=None, login=role, grants=(Grant(role),))
        with pytest.raises(RefusedError):
            export_household(
                scene.database, actor=actor, household_id=scene.household_id, path=path
            )
    assert not path.exists()
    assert exports(scene.database) == []
    director = Actor(user_id=None, login="dominique", grants=(Grant("director"),))
    export_household(scene.database, actor=director, reference=scene.reference, path=path)
    assert path.exists()


def test_an_unknown_reference_is_refused_in_french(scene: Scene, tmp_path: Path) -> None:
    path = tmp_path / "dossier.xlsx"
    with pytest.raises(RefusedError) as refused:
        export_household(scene.database, actor=COORDINATOR, reference="M-99999", path=path)
    assert refused.value.text == "Aucun ménage n'a la référence « M-99999 »."
    assert not path.exists()


def test_the_command_writes_the_file(tmp_path: Path) -> None:
    target = resolve_database(str(tmp_path / "seuil.db"))
    workspace = open_workspace(target)
    created = create_household(
        workspace.database,
        actor=SYSTEM_ACTOR,
        start=date(2026, 9, 1),
        members=[MemberInput("Petit", "Jean", None, "h", "head")],
    )
    workspace.close()
    path = tmp_path / "dossier.xlsx"
    out, err = io.StringIO(), io.StringIO()
    argv = ["export-household", created.reference.lower(), str(path), "--db", str(target.path)]
    code = run(parse(argv), out=out, err=err)
    assert code == 0, err.getvalue()
    assert out.getvalue().startswith(f"Dossier du ménage {created.reference} écrit : {path}")
    assert openpyxl.load_workbook(path).sheetnames == SHEETS
    # an unknown reference: refused, nothing written
    missing = tmp_path / "rien.xlsx"
    code = run(
        parse(["export-household", "M-404", str(missing), "--db", str(target.path)]),
        out=out,
        err=err,
    )
    assert code == 3
    assert "Aucun ménage n'a la référence « M-404 »." in err.getvalue()
    assert not missing.exists()
