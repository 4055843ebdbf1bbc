"""The whole database written as the import workbook: rows, file, audit, refusals, command."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, event, insert, select, update
from sqlalchemy.orm import Session

from desktop_app.cli import parse, run
from desktop_app.domain import workbook as wb
from desktop_app.domain.errors import Cancelled, RefusedError
from desktop_app.domain.permissions import Actor, Grant
from desktop_app.domain.progress import TaskControl
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services import charges, contracts, ledger
from desktop_app.services.contracts import RateInput
from desktop_app.services.passwords import hash_password
from desktop_app.services.system import open_workspace
from desktop_app.services.workbook_export import (
    BENEFIT_CLAWBACK_REASON,
    PARTIAL_CALL_REASON,
    WorkbookRows,
    export_workbook,
    workbook_rows,
)

pytestmark = pytest.mark.db
NOW = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
TODAY = date(2026, 7, 15)
JAN, FEB, MAR, APR, MAY, JUN = (date(2026, month, 1) for month in range(1, 7))
START = date(2026, 1, 5)
PASSWORD = "lanterne bateau ortie fenouil"


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


@dataclass
class Scene:
    database: Database
    coordinator: Actor
    contract_id: int
    entries: dict[str, int]
    deposits: dict[str, int]

    def rows(self) -> WorkbookRows:
        return self.database.run_read(workbook_rows)

    def sheet(self, name: str) -> list[dict[str, object]]:
        return self.rows().sheets[name]


def _build(database: Database) -> Scene:
    """Two programmes, a pension, three dwellings, two households, a contract with a life."""
    with database.begin_write() as c:
        coord = add(
            c,
            m.UserAccount,
            login="camille",
            display_name="Camille R",
            password_hash=hash_password(PASSWORD),
            created_at=NOW,
        )
        add(c, m.UserRole, user_id=coord, role="coordinator")
        twin_a = add(c, m.UserAccount, login="sam.a", display_name="Sam", created_at=NOW)
        add(c, m.UserAccount, login="sam.b", display_name="Sam", created_at=NOW)
        iml = add(
            c,
            m.Programme,
            name="IML Lyon",
            kind="iml_sublease",
            convention_start=date(2023, 1, 1),
        )
        pension = add(c, m.Programme, name="Pension Les Tilleuls", kind="boarding_house")
        for valid_from, places in ((date(2023, 1, 1), 10), (date(2026, 1, 1), 12)):
            add(c, m.ProgrammeCapacity, programme_id=iml, valid_from=valid_from, places=places)
        add(c, m.ProgrammeCapacity, programme_id=iml, valid_from=date(2027, 1, 1), places=20)
        for name, kind in (("FNAVDL", "fnavdl"), ("DDETS du Rhône", "state_p177")):
            funder = add(c, m.Funder, name=name, kind=kind)
            add(c, m.ProgrammeFunder, programme_id=iml, funder_id=funder)
        residence = add(c, m.Residence, name="Les Tilleuls", programme_id=pension)
        landlord = add(c, m.Landlord, name="SCI Soleil", kind="private")
        dwelling = add(
            c,
            m.Dwelling,
            reference="LOG-1",
            address="3 rue Paul Bert",
            postcode="69003",
            commune="Lyon",
            typology="t2",
            surface_m2=Decimal("45.50"),
            sector="private",
            landlord_id=landlord,
            programme_id=iml,
            lots=1,
            places=2,
            captured_on=date(2024, 1, 1),
        )
        add(
            c,
            m.Dwelling,
            reference="PF-1",
            address="8 allée des Tilleuls",
            commune="Vaulx-en-Velin",
            typology="room",
            programme_id=pension,
            residence_id=residence,
            lots=1,
            places=1,
            captured_on=date(2024, 1, 1),
            returned_on=date(2025, 12, 31),
        )
        first = add(
            c,
            m.Household,
            reference="M-1",
            key_worker_id=coord,
            address="3 rue Paul Bert",
            postcode="69003",
            commune="Lyon",
        )
        second = add(c, m.Household, reference="M-2", key_worker_id=twin_a)
        add(
            c,
            m.Stay,
            household_id=first,
            programme_id=pension,
            entry_date=date(2025, 1, 10),
            exit_date=date(2025, 6, 30),
            destination="private_housing",
            exit_reason="project_achieved",
            referrer="siao",
        )
        add(
            c,
            m.Stay,
            household_id=first,
            programme_id=iml,
            entry_date=START,
            entry_situation="hotel_115",
            dalo_status="dalo_priority",
            siao_reference="SIAO-12",
        )
        add(c, m.Stay, household_id=second, programme_id=iml, entry_date=date(2026, 2, 1))
        head = add(
            c,
            m.Person,
            last_name="Diallo",
            first_name="Aminata",
            birth_date=date(1988, 4, 12),
            sex="f",
            phone="06 39 98 12 34",
            allocataire_number="1234567",
        )
        child = add(c, m.Person, last_name="Diallo", first_name="Moussa", sex="h")
        lone = add(c, m.Person, last_name="Martin", first_name="Luc")
        add(
            c,
            m.Membership,
            household_id=first,
            person_id=head,
            role="head",
            joined_on=date(2025, 1, 10),
        )
        add(
            c,
            m.Membership,
            household_id=first,
            person_id=child,
            role="child",
            joined_on=date(2025, 1, 10),
            left_on=date(2025, 9, 1),
        )
        add(
            c,
            m.Membership,
            household_id=second,
            person_id=lone,
            role="head",
            joined_on=date(2026, 2, 1),
        )
    actor = Actor(user_id=coord, login="camille", grants=(Grant("coordinator"),))
    manager = Actor(user_id=coord, login="camille", grants=(Grant("rental_manager"),))
    contract = contracts.create_contract(
        database,
        actor=manager,
        household_id=first,
        dwelling_id=dwelling,
        kind="sublease",
        start=START,
        rate=RateInput(rent=50_000, charges=5_000, expected_benefit=30_000, tiers_payant=True),
    ).contract_id
    contracts.change_rate(
        database,
        actor=manager,
        contract_id=contract,
        valid_from=APR,
        rate=RateInput(rent=52_000, charges=5_000, expected_benefit=30_000, tiers_payant=True),
    )
    contracts.set_benefit_status(
        database, actor=manager, contract_id=contract, valid_from=MAY, status="suspended"
    )
    for month in (JAN, FEB, MAR, APR, MAY, JUN):
        charges.generate_month(database, actor=manager, month=month, today=TODAY)

    def post(kind: str, amount: int, posted_on: date, **kw: Any) -> int:
        return ledger.post_entry(
            database,
            actor=manager,
            contract_id=contract,
            kind=kind,
            amount=amount,
            posted_on=posted_on,
            today=TODAY,
            **kw,
        ).entry_id

    entries = {
        "payment": post("household_payment", 25_000, date(2026, 2, 10)),
        "benefit": post("housing_benefit", 30_000, date(2026, 2, 9), period_month=JAN),
        "indu": post("housing_benefit", -10_000, date(2026, 3, 9), period_month=FEB),
        "debit": post(
            "adjustment", 3_000, date(2026, 3, 2), nature="charges", reason="Régularisation"
        ),
        "credit": post("adjustment", -1_500, date(2026, 3, 3), reason="Geste"),
        "damage": post("charge", 8_000, date(2026, 4, 2), period_month=APR, nature="damage"),
        "opening": post(
            "opening_balance",
            12_000,
            date(2026, 1, 5),
            first_default_on=date(2025, 10, 5),
        ),
        "fsl": post("fsl_aid", 5_000, date(2026, 5, 20)),
    }
    march_charges = database.run_read(
        lambda s: s.scalar(
            select(m.LedgerEntry.id).where(
                m.LedgerEntry.period_month == MAR, m.LedgerEntry.nature == "charges"
            )
        )
    )
    assert march_charges is not None
    entries["march_charges"] = march_charges
    entries["march_reversal"] = ledger.reverse_entry(
        database,
        actor=manager,
        entry_id=march_charges,
        reason="Charges comptées deux fois",
        posted_on=date(2026, 3, 20),
        today=TODAY,
    ).entry_id

    def deposit(kind: str, amount: int, posted_on: date) -> int:
        return ledger.post_deposit(
            database,
            actor=manager,
            contract_id=contract,
            kind=kind,
            amount=amount,
            posted_on=posted_on,
            today=TODAY,
        ).movement_id

    deposits = {
        "received": deposit("received", 50_000, START),
        "applied": deposit("applied", 20_000, date(2026, 6, 1)),
        "transferred": deposit("transferred", 10_000, date(2026, 6, 2)),
    }
    applied_credit = database.run_read(
        lambda s: s.scalar(
            select(m.DepositEntry.ledger_entry_id).where(m.DepositEntry.id == deposits["applied"])
        )
    )
    assert applied_credit is not None
    entries["applied_reversal"] = ledger.reverse_entry(
        database,
        actor=manager,
        entry_id=applied_credit,
        reason="Imputation erronée",
        posted_on=date(2026, 6, 3),
        today=TODAY,
    ).entry_id
    with database.begin_write() as c:  # as if the payment had come from an imported row
        c.execute(
            update(m.LedgerEntry)
            .where(m.LedgerEntry.id == entries["payment"])
            .values(import_reference="VIR-2026-02")
        )
    return Scene(database, actor, contract, entries, deposits)


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    workspace = open_workspace(database_target)
    yield _build(workspace.database)
    workspace.close()


# ------------------------------------------------------------------ the rows of each sheet


def test_every_sheet_is_there_in_import_order_with_every_column(scene: Scene) -> None:
    rows = scene.rows()
    assert list(rows.sheets) == [spec.name for spec in wb.SHEETS]
    for spec in wb.SHEETS:
        for row in rows.sheets[spec.name]:
            assert list(row) == [column.key for column in spec.columns]
    assert rows.households == 2
    assert rows.left_out == 1  # the deposit transferred to a landlord has no Type


def test_programmes_give_the_latest_places_and_every_funder(scene: Scene) -> None:
    assert scene.sheet("Dispositifs") == [
        {
            "name": "IML Lyon",
            "kind": "iml_sublease",
            "places": 20,
            "funder": "DDETS du Rhône; FNAVDL",
            "start": date(2023, 1, 1),
        },
        {
            "name": "Pension Les Tilleuls",
            "kind": "boarding_house",
            "places": None,
            "funder": None,
            "start": None,
        },
    ]


def test_one_household_row_per_stay_with_its_key_worker(scene: Scene) -> None:
    rows = scene.sheet("Ménages")
    assert [(r["reference"], r["programme"], r["entry_date"]) for r in rows] == [
        ("M-1", "Pension Les Tilleuls", date(2025, 1, 10)),
        ("M-1", "IML Lyon", START),
        ("M-2", "IML Lyon", date(2026, 2, 1)),
    ]
    first, second, third = rows
    assert first["exit_date"] == date(2025, 6, 30)
    assert (first["destination"], first["exit_reason"], first["referrer"]) == (
        "private_housing",
        "project_achieved",
        "siao",
    )
    assert second["entry_situation"] == "hotel_115"
    assert (second["dalo_status"], second["siao_reference"]) == ("dalo_priority", "SIAO-12")
    assert second["key_worker"] == "Camille R"
    assert second["address"] == "3 rue Paul Bert, 69003 Lyon"  # as the import splits it
    assert third["key_worker"] == "sam.a"  # two accounts are called « Sam »: the login


def test_one_person_row_per_membership(scene: Scene) -> None:
    rows = scene.sheet("Personnes")
    assert [(r["household"], r["first_name"], r["role"]) for r in rows] == [
        ("M-1", "Aminata", "head"),
        ("M-1", "Moussa", "child"),
        ("M-2", "Luc", "head"),
    ]
    aminata, moussa, _ = rows
    assert aminata == {
        "household": "M-1",
        "last_name": "Diallo",
        "first_name": "Aminata",
        "birth_date": date(1988, 4, 12),
        "sex": "f",
        "role": "head",
        "arrival": date(2025, 1, 10),
        "departure": None,
        "phone": "06 39 98 12 34",
        "benefit_number": "1234567",
    }
    assert moussa["departure"] == date(2025, 9, 1)


def test_dwellings(scene: Scene) -> None:
    log, pf = scene.sheet("Logements")
    assert log == {
        "reference": "LOG-1",
        "address": "3 rue Paul Bert",
        "postcode": "69003",
        "town": "Lyon",
        "typology": "t2",
        "surface": "45,5",
        "sector": "private",
        "landlord": "SCI Soleil",
        "programme": "IML Lyon",
        "residence": None,
        "lots": 1,
        "places": 2,
        "captured_on": date(2024, 1, 1),
        "returned_on": None,
    }
    assert (pf["residence"], pf["programme"], pf["returned_on"]) == (
        "Les Tilleuls",
        "Pension Les Tilleuls",
        date(2025, 12, 31),
    )


def test_contract_with_its_opening_rate_later_rates_and_benefit_statuses(scene: Scene) -> None:
    [contract] = scene.sheet("Contrats")
    key = {"household": "M-1", "dwelling": "LOG-1"}
    assert contract == {
        **key,
        "kind": "sublease",
        "start": START,
        "end": None,
        "rent": 50_000,
        "charges": 5_000,
        "mandatory_services": 0,
        "optional_services": 0,
        "expected_benefit": 30_000,
        "third_party_payment": True,
        "due_day": 5,
        "glissement_on": None,
    }
    assert scene.sheet("Loyers") == [
        {
            **key,
            "contract_start": START,
            "effective_from": APR,
            "rent": 52_000,
            "charges": 5_000,
            "mandatory_services": 0,
            "optional_services": 0,
            "expected_benefit": 30_000,
            "third_party_payment": True,
            "due_day": 5,
        }
    ]
    assert [(r["effective_from"], r["status"]) for r in scene.sheet("Statut APL")] == [
        (START, "paid"),
        (MAY, "suspended"),
    ]


def _by_reference(scene: Scene) -> dict[str, dict[str, object]]:
    return {str(row["reference"]): row for row in scene.sheet("Mouvements")}


def test_generated_months_are_one_call_each_unless_a_part_was_reversed(scene: Scene) -> None:
    movements = scene.sheet("Mouvements")
    calls = [row for row in movements if row["type"] == "call" and row["nature"] is None]
    # January prorated from the 5th (27 days of 31), April at the new rate.
    assert [(row["period_month"], row["amount"]) for row in calls] == [
        (JAN, 43_548 + 4_355),
        (FEB, 55_000),
        (APR, 57_000),
        (MAY, 57_000),
        (JUN, 57_000),
    ]
    assert [row["posted_on"] for row in calls] == [START, FEB, APR, MAY, JUN]
    march = [row for row in movements if row["period_month"] == MAR and row["nature"]]
    assert sorted((row["type"], row["nature"], row["amount"], row["reason"]) for row in march) == [
        ("adjustment_debit", "charges", 5_000, PARTIAL_CALL_REASON),
        ("adjustment_debit", "rent", 50_000, PARTIAL_CALL_REASON),
    ]
    by_reference = _by_reference(scene)
    reversal = by_reference[f"E-{scene.entries['march_reversal']}"]
    assert reversal["type"] == "reversal"
    assert reversal["reversed_reference"] == f"E-{scene.entries['march_charges']}"
    assert reversal["reason"] == "Charges comptées deux fois"
    assert by_reference[str(reversal["reversed_reference"])]["nature"] == "charges"


def test_every_other_movement_gets_its_type_and_a_positive_amount(scene: Scene) -> None:
    by_reference = _by_reference(scene)
    e = scene.entries

    def of(name: str) -> tuple[object, ...]:
        row = by_reference[f"E-{e[name]}"]
        return row["type"], row["nature"], row["amount"], row["period_month"]

    assert of("benefit") == ("housing_benefit", None, 30_000, JAN)
    assert of("indu") == ("adjustment_debit", "rent", 10_000, FEB)
    assert by_reference[f"E-{e['indu']}"]["reason"] == BENEFIT_CLAWBACK_REASON
    assert of("debit") == ("adjustment_debit", "charges", 3_000, None)
    assert of("credit") == ("adjustment_credit", None, 1_500, None)
    assert of("damage") == ("damage", None, 8_000, APR)
    assert of("fsl") == ("fsl_aid", None, 5_000, None)
    opening = by_reference[f"E-{e['opening']}"]
    assert (opening["type"], opening["first_default_on"]) == ("opening_balance", date(2025, 10, 5))
    payment = by_reference["VIR-2026-02"]  # the Référence it was imported with
    assert (payment["type"], payment["amount"]) == ("household_payment", 25_000)
    assert all(int(row["amount"]) > 0 for row in by_reference.values())  # type: ignore[call-overload]
    assert {row["household"] for row in by_reference.values()} == {"M-1"}
    assert {row["dwelling"] for row in by_reference.values()} == {"LOG-1"}


def test_deposit_movements_and_the_credit_of_an_imputation_are_one_row(scene: Scene) -> None:
    by_reference = _by_reference(scene)
    received = by_reference[f"D-{scene.deposits['received']}"]
    applied = by_reference[f"D-{scene.deposits['applied']}"]
    assert (received["type"], received["amount"]) == ("deposit_received", 50_000)
    assert (applied["type"], applied["amount"]) == ("deposit_applied", 20_000)
    assert [row for row in by_reference.values() if row["type"] == "deposit_applied"] == [applied]
    reversal = by_reference[f"E-{scene.entries['applied_reversal']}"]
    assert reversal["reversed_reference"] == f"D-{scene.deposits['applied']}"
    assert f"D-{scene.deposits['transferred']}" not in by_reference


def test_the_export_reads_in_a_fixed_number_of_queries(scene: Scene) -> None:
    with scene.database.begin_write() as c:  # a year of payments more: no query more
        for day in range(1, 29):
            add(
                c,
                m.LedgerEntry,
                contract_id=scene.contract_id,
                posted_on=date(2026, 6, day),
                kind="household_payment",
                amount=1_000 + day,
                created_at=NOW,
            )
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    engine = scene.database.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        rows = scene.rows()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(rows.sheets["Mouvements"]) > 40
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 20


def test_cancelling_stops_between_two_sheets(scene: Scene) -> None:
    seen: list[tuple[int, int]] = []
    control = TaskControl(lambda done, total: seen.append((done, total)))

    def work(session: Session) -> WorkbookRows:
        control.cancel()
        return workbook_rows(session, control=control)

    with pytest.raises(Cancelled):
        scene.database.run_read(work)
    assert seen == [(0, len(wb.SHEETS) + 1), (1, len(wb.SHEETS) + 1)]


# ------------------------------------------------------------------ the service action


def _audit_exports(database: Database) -> list[tuple[str, str | None, int | None]]:
    return database.run_read(
        lambda s: [
            (row.actor, row.entity, row.count)
            for row in s.scalars(select(m.AuditEvent).where(m.AuditEvent.action == "export"))
        ]
    )


@pytest.mark.parametrize(
    "actor",
    [
        Actor(user_id=None, login="sw", grants=(Grant("social_worker"),)),
        Actor(user_id=None, login="gl", grants=(Grant("rental_manager"),)),
        Actor(user_id=None, login="scoped", grants=(Grant("coordinator", programme_id=1),)),
    ],
    ids=["social worker", "rental manager", "coordinator of one programme"],
)
def test_only_an_association_wide_right_exports(scene: Scene, tmp_path: Path, actor: Actor) -> None:
    with pytest.raises(RefusedError, match="exports nominatifs"):
        export_workbook(scene.database, actor=actor, path=tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
    assert _audit_exports(scene.database) == []


def test_a_cancelled_export_writes_no_file_and_logs_nothing(scene: Scene, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    control = TaskControl()
    control.cancel()
    with pytest.raises(Cancelled):
        export_workbook(
            scene.database,
            actor=scene.coordinator,
            path=out / "x.xlsx",
            control=control,
        )
    assert list(out.iterdir()) == []
    assert _audit_exports(scene.database) == []


def test_the_export_is_written_whole_and_logged(scene: Scene, tmp_path: Path) -> None:
    from desktop_app.reports.xlsx.workbook import read_workbook

    out = tmp_path / "out"
    out.mkdir()
    path = out / "seuil.xlsx"
    path.write_bytes(b"an older export")
    seen: list[tuple[int, int]] = []
    summary = export_workbook(
        scene.database,
        actor=scene.coordinator,
        path=path,
        control=TaskControl(lambda done, total: seen.append((done, total))),
    )
    assert summary.path == path
    assert summary.households == 2
    assert summary.rows("Ménages") == 3
    assert summary.rows("Mouvements") == len(scene.sheet("Mouvements"))
    assert summary.total == sum(len(rows) for rows in scene.rows().sheets.values())
    assert summary.left_out == 1
    assert seen[-1] == (len(wb.SHEETS) + 1, len(wb.SHEETS) + 1)
    assert sorted(p.name for p in out.iterdir()) == ["seuil.xlsx"]  # no partial file
    assert _audit_exports(scene.database) == [("camille", "workbook", 2)]
    raw = read_workbook(path)
    assert [sheet.name for sheet in raw.sheets if sheet.name != "Notice"] == [
        spec.name for spec in wb.SHEETS
    ]


def test_the_file_reads_back_as_the_rows(scene: Scene, tmp_path: Path) -> None:
    from desktop_app.reports.xlsx.workbook import read_workbook

    path = tmp_path / "seuil.xlsx"
    export_workbook(scene.database, actor=scene.coordinator, path=path)
    expected = scene.rows().sheets
    for raw in read_workbook(path).sheets:
        spec = wb.spec_named(raw.name)
        if spec is None:
            continue
        parsed = wb.parse_sheet(spec, raw.headings, raw.rows)
        assert [issue for issue in parsed.issues if issue.blocking] == [], raw.name
        assert [dict(row.values) for row in parsed.rows] == expected[spec.name], raw.name


def test_an_unwritable_file_is_refused_in_french(scene: Scene, tmp_path: Path) -> None:
    target = tmp_path / "missing folder" / "seuil.xlsx"
    with pytest.raises(RefusedError, match="n'a pas pu être écrit"):
        export_workbook(scene.database, actor=scene.coordinator, path=target)
    assert not target.parent.exists()


def test_the_command_writes_the_workbook(
    scene: Scene, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.reports.xlsx.workbook import read_workbook

    monkeypatch.setenv("SEUIL_PASSWORD", PASSWORD)
    url = scene.database.engine.url.render_as_string(hide_password=False)
    target = scene.database.target.path or url
    path = tmp_path / "export.xlsx"
    out, err = io.StringIO(), io.StringIO()
    scene.database.dispose()  # as when the GUI is closed: the command opens the file alone
    argv = ["export-workbook", str(path), "--db", str(target), "--user", "camille"]
    code = run(parse([*argv, "--today", "2026-07-15"]), out=out, err=err)
    assert code == 0, err.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[0] == f"Classeur écrit : {path} (2 ménage(s))."
    assert "  Ménages : 3 ligne(s)" in lines
    assert "transfert au bailleur" in err.getvalue()
    assert _audit_exports(scene.database) == [("camille", "workbook", 2)]
    assert any(sheet.name == "Mouvements" for sheet in read_workbook(path).sheets)


def test_the_command_refuses_a_social_worker(
    scene: Scene, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene.database.run_write(lambda s: s.execute(update(m.UserRole).values(role="social_worker")))
    monkeypatch.setenv("SEUIL_PASSWORD", PASSWORD)
    url = scene.database.engine.url.render_as_string(hide_password=False)
    target = scene.database.target.path or url
    path = tmp_path / "export.xlsx"
    out, err = io.StringIO(), io.StringIO()
    scene.database.dispose()
    code = run(
        parse(["export-workbook", str(path), "--db", str(target), "--user", "camille"]),
        out=out,
        err=err,
    )
    assert code == 3
    assert "exports nominatifs" in err.getvalue()
    assert not path.exists()
