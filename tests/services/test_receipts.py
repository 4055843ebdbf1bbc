"""Avis, quittances, reçus, invoices and statements issued from the ledger, PDFs read back."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import Connection, delete, func, insert, select

from desktop_app.domain.errors import Cancelled, InvalidInput, RefusedError
from desktop_app.domain.permissions import Actor, Grant
from desktop_app.domain.progress import TaskControl
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services import contracts, ledger
from desktop_app.services import receipts as svc
from desktop_app.services.contracts import RateInput
from desktop_app.services.documents import list_documents
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
NOW = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
POSTING_DAY = date(2027, 1, 15)  # the ledger's « today » while the story is written
SEP, OCT, NOV, DEC = (date(2026, month, 1) for month in (9, 10, 11, 12))
TIERS = RateInput(rent=40_000, charges=4_000, expected_benefit=26_000, tiers_payant=True)
PLAIN = RateInput(rent=50_000, charges=5_000)
PENSION = RateInput(rent=30_000, charges=5_000, mandatory_services=3_000, optional_services=4_000)


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def text_of(content: bytes) -> str:
    """The text of a PDF, read back as a reader would (every run of spaces made one space)."""
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


@dataclass
class Scene:
    database: Database
    actors: dict[str, Actor]
    dwellings: dict[str, int] = field(default_factory=dict)
    households: int = 0

    @property
    def gl(self) -> Actor:
        return self.actors["gl"]

    def household(self, *members: tuple[str, str, str], protected: bool = False) -> int:
        """A household M-n; members are (first name, last name, sex), the first the head."""
        self.households += 1
        with self.database.begin_write() as c:
            household = add(c, m.Household, reference=f"M-{self.households}", protected=protected)
            for index, (first, last, sex) in enumerate(members):
                person = add(
                    c, m.Person, first_name=first, last_name=last, sex=sex, benefit_agency="caf"
                )
                add(
                    c,
                    m.Membership,
                    household_id=household,
                    person_id=person,
                    role="head" if index == 0 else "partner",
                    joined_on=date(2020, 1, 1),
                )
        return household

    def contract(self, dwelling: str, rate: RateInput = TIERS, household: int | None = None) -> int:
        household = household or self.household(("Awa", "Diallo", "f"))
        return contracts.create_contract(
            self.database,
            actor=self.gl,
            household_id=household,
            dwelling_id=self.dwellings[dwelling],
            kind="residence_agreement" if dwelling.startswith("PF") else "sublease",
            start=SEP,
            rate=rate,
        ).contract_id

    def charge(self, contract_id: int, month: date, **natures: int) -> None:
        """The month's charges, as the monthly generation posts them on the 1st."""
        with self.database.begin_write() as c:
            for nature, amount in (natures or {"rent": 40_000, "charges": 4_000}).items():
                add(
                    c,
                    m.LedgerEntry,
                    contract_id=contract_id,
                    posted_on=month,
                    period_month=month,
                    kind="charge",
                    nature=nature,
                    amount=amount,
                    generated=True,
                    created_at=NOW,
                )

    def post(self, contract_id: int, kind: str, amount: int, posted_on: date, **kw: Any) -> Any:
        return ledger.post_entry(
            self.database,
            actor=self.gl,
            contract_id=contract_id,
            kind=kind,
            amount=amount,
            posted_on=posted_on,
            today=POSTING_DAY,
            **kw,
        )

    def month(self, household: int, month: date, on: date, **kw: Any) -> svc.MonthDocuments:
        return svc.month_documents(
            self.database,
            actor=kw.pop("actor", self.gl),
            household_id=household,
            month=month,
            today=on,
            **kw,
        )

    def household_of(self, contract_id: int) -> int:
        with self.database.read() as session:
            contract = session.get(m.OccupancyContract, contract_id)
            assert contract is not None
            return contract.household_id

    def issued_count(self) -> int:
        with self.database.read() as session:
            return int(session.scalar(select(func.count(m.IssuedDocument.id))) or 0)


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    workspace = open_workspace(database_target)
    db = workspace.database
    scene = Scene(db, {})
    logins = ("gl", "sw", "coord")
    ids: dict[str, int] = {}
    with db.begin_write() as c:
        for login in logins:
            ids[login] = add(c, m.UserAccount, login=login, display_name=login, created_at=NOW)
        add(
            c,
            m.Organisation,
            name="Habitat Solidaire Rhône",
            siret="12345678900014",
            address="3 rue Molière",
            postcode="69003",
            commune="Lyon",
        )
        iml = add(c, m.Programme, name="IML", kind="iml_sublease")
        pension = add(c, m.Programme, name="PENSION", kind="boarding_house")
        residence = add(c, m.Residence, name="Tilleuls", programme_id=pension)
        for reference, programme in (("IML-1", iml), ("IML-2", iml), ("PF-1", pension)):
            scene.dwellings[reference] = add(
                c,
                m.Dwelling,
                reference=reference,
                address="12 rue des Lilas",
                postcode="69008",
                commune="Lyon",
                programme_id=programme,
                residence_id=residence if programme == pension else None,
                lots=10,
                places=10,
                captured_on=date(2020, 1, 1),
            )
    grants = {
        "gl": Grant("rental_manager"),
        "sw": Grant("social_worker"),
        "coord": Grant("coordinator"),
    }
    scene.actors = {
        login: Actor(user_id=ids[login], login=login, grants=(grants[login],)) for login in logins
    }
    yield scene
    workspace.close()


# ------------------------------------------------------------------ which document, when


def test_avis_then_recu_then_nothing_then_quittance_as_the_month_is_paid(scene: Scene) -> None:
    # GIVEN a tiers-payant contract: 440 € a month, 260 € of benefit, a share of 180 €
    contract = scene.contract("IML-1")
    household = scene.household_of(contract)
    scene.charge(contract, NOV)
    # WHEN nothing is paid yet: an avis d'échéance asks for the household's share
    [notice] = scene.month(household, NOV, date(2026, 11, 2)).files
    assert (notice.kind, notice.number, notice.amount) == ("notice", "AE-2026-000001", 18_000)
    assert notice.file_name == "M-1_2026-11_avis.pdf"
    text = text_of(notice.content)
    assert "Avis d'échéance" in text
    assert "Mme Awa Diallo" in text
    assert "Habitat Solidaire Rhône" in text
    assert "-260,00 €" in text  # the benefit shown deducted
    assert "180,00 €" in text
    # … the household pays 100 €: a reçu, not a quittance, saying what remains
    scene.post(contract, "household_payment", 10_000, date(2026, 11, 8))
    [receipt] = scene.month(household, NOV, date(2026, 11, 9)).files
    assert (receipt.kind, receipt.number, receipt.amount) == ("receipt", "R-2026-000001", 10_000)
    assert receipt.file_name == "M-1_2026-11_recu.pdf"
    text = text_of(receipt.content)
    assert "Ce reçu ne vaut pas quittance" in text
    assert "Règlement du ménage du 08/11/2026" in text
    assert "Il reste dû 80,00 €" in text
    # … the household pays the rest: the benefit alone is awaited, nothing is issued yet
    scene.post(contract, "household_payment", 8_000, date(2026, 11, 20))
    waiting = scene.month(household, NOV, date(2026, 11, 21))
    assert waiting.files == ()
    [skipped] = waiting.skipped
    assert skipped.reason == "receipts.skip.benefit_awaited"
    assert "aide au logement attendue" in skipped.text
    # THEN the CAF pays: the month is settled, a quittance with the benefit deducted
    scene.post(contract, "housing_benefit", 26_000, date(2026, 12, 9), period_month=NOV)
    [quittance] = scene.month(household, NOV, date(2026, 12, 10)).files
    assert (quittance.kind, quittance.number, quittance.amount) == (
        "quittance",
        "Q-2026-000001",
        44_000,
    )
    assert quittance.file_name == "M-1_2026-11_quittance.pdf"
    text = text_of(quittance.content)
    assert "Quittance de loyer" in text
    assert "440,00 €" in text
    assert "dont 260,00 € d'aide au logement versée directement par la CAF" in text
    assert "Règlement du ménage du 08/11/2026" in text
    assert "Règlement du ménage du 20/11/2026" in text
    assert "Reste dû pour ce mois 0,00 €" in text


def test_a_month_settled_by_an_advance_says_so(scene: Scene) -> None:
    contract = scene.contract("IML-1", PLAIN)
    household = scene.household_of(contract)
    scene.charge(contract, OCT, rent=50_000, charges=5_000)
    scene.post(contract, "household_payment", 110_000, date(2026, 10, 5))  # two months at once
    scene.charge(contract, NOV, rent=50_000, charges=5_000)
    [quittance] = scene.month(household, NOV, date(2026, 11, 3)).files
    assert quittance.kind == "quittance"
    text = text_of(quittance.content)
    assert "Avance imputée du 01/11/2026" in text
    assert "550,00 €" in text


def test_numbers_follow_a_yearly_sequence_and_a_reprint_keeps_its_number(scene: Scene) -> None:
    first = scene.contract("IML-1", PLAIN)
    second = scene.contract("IML-2", PLAIN)
    for contract in (first, second):
        scene.charge(contract, DEC, rent=50_000, charges=5_000)
        scene.post(contract, "household_payment", 55_000, date(2026, 12, 3))
    one = scene.month(scene.household_of(first), DEC, date(2026, 12, 4)).files[0]
    two = scene.month(scene.household_of(second), DEC, date(2026, 12, 4)).files[0]
    assert (one.number, two.number) == ("Q-2026-000001", "Q-2026-000002")
    # Issuing again the same month reprints it: same number, same date, same bytes.
    again = scene.month(scene.household_of(first), DEC, date(2026, 12, 20)).files[0]
    assert (again.number, again.issued_on, again.reprint) == (one.number, date(2026, 12, 4), True)
    assert again.content == one.content
    assert scene.issued_count() == 2
    # A new year starts a new sequence; numbers are never reused.
    scene.charge(first, date(2027, 1, 1), rent=50_000, charges=5_000)
    scene.post(first, "household_payment", 55_000, date(2027, 1, 3))
    january = scene.month(scene.household_of(first), date(2027, 1, 1), date(2027, 1, 4)).files[0]
    assert january.number == "Q-2027-000001"
    with scene.database.read() as session:
        numbers = list(session.scalars(select(m.IssuedDocument.number)))
        sha = session.scalar(
            select(m.IssuedDocument.sha256).where(m.IssuedDocument.number == "Q-2026-000001")
        )
    assert len(numbers) == len(set(numbers)) == 3
    assert sha == hashlib.sha256(one.content).hexdigest()


def test_a_reversal_after_the_quittance_flags_it(scene: Scene) -> None:
    contract = scene.contract("IML-1", PLAIN)
    household = scene.household_of(contract)
    scene.charge(contract, NOV, rent=50_000, charges=5_000)
    cheque = scene.post(contract, "household_payment", 55_000, date(2026, 11, 6))
    [quittance] = scene.month(household, NOV, date(2026, 11, 7)).files
    assert quittance.kind == "quittance"
    # WHEN the cheque bounces and its payment is reversed
    ledger.reverse_entry(
        scene.database,
        actor=scene.gl,
        entry_id=cheque.entry_id,
        reason="Chèque impayé",
        posted_on=date(2026, 11, 25),
        today=POSTING_DAY,
    )
    # THEN the quittance stays issued, flagged, and nothing new is issued for the month
    listed = svc.issued_documents(
        scene.database, actor=scene.gl, household_id=household, on=date(2026, 11, 26)
    )
    assert [(i.number, i.unsettled) for i in listed] == [("Q-2026-000001", True)]
    before = svc.issued_documents(
        scene.database, actor=scene.gl, household_id=household, on=date(2026, 11, 24)
    )
    assert [(i.number, i.unsettled) for i in before] == [("Q-2026-000001", False)]
    again = scene.month(household, NOV, date(2026, 11, 26))
    assert again.files == ()
    assert [s.reason for s in again.skipped] == ["receipts.skip.flagged"]
    assert "Q-2026-000001" in again.skipped[0].text
    assert [f.number for f in again.flagged] == ["Q-2026-000001"]
    flagged = svc.unsettled_quittances(scene.database, actor=scene.gl, on=date(2026, 11, 26))
    assert [(f.number, f.household_id, f.period_month) for f in flagged] == [
        ("Q-2026-000001", household, NOV)
    ]
    assert scene.issued_count() == 1


def test_a_pension_gets_its_redevance_quittance_and_a_separate_invoice(scene: Scene) -> None:
    contract = scene.contract("PF-1", PENSION)
    household = scene.household_of(contract)
    scene.charge(
        contract, NOV, rent=30_000, charges=5_000, mandatory_services=3_000, optional_services=4_000
    )
    scene.post(contract, "household_payment", 38_000, date(2026, 11, 5))
    documents = scene.month(household, NOV, date(2026, 11, 6))
    assert [(f.kind, f.amount, f.file_name) for f in documents.files] == [
        ("quittance", 38_000, "M-1_2026-11_quittance.pdf"),
        ("services_invoice", 4_000, "M-1_2026-11_facture.pdf"),
    ]
    quittance, invoice = (text_of(f.content) for f in documents.files)
    assert "Quittance de redevance" in quittance
    assert "Prestations obligatoires" in quittance
    assert "Prestations facultatives" not in quittance
    assert "Facture" in invoice
    assert "Prestations facultatives" in invoice
    assert "40,00 €" in invoice
    assert documents.files[1].number == "F-2026-000001"


def test_a_protected_file_is_addressed_by_its_reference(scene: Scene) -> None:
    household = scene.household(("Léa", "Martin", "f"), protected=True)
    contract = scene.contract("IML-1", PLAIN, household=household)
    scene.charge(contract, NOV, rent=50_000, charges=5_000)
    [notice] = scene.month(household, NOV, date(2026, 11, 2)).files
    text = text_of(notice.content)
    assert "Ménage M-1" in text
    assert "Martin" not in text


# ------------------------------------------------------------------ statement, copies, rights


def test_a_statement_is_numbered_read_back_and_kept_in_the_documents(scene: Scene) -> None:
    contract = scene.contract("IML-1")
    household = scene.household_of(contract)
    scene.charge(contract, OCT)
    scene.post(contract, "household_payment", 18_000, date(2026, 10, 8))
    scene.charge(contract, NOV)
    statement = svc.issue_statement(
        scene.database,
        actor=scene.gl,
        contract_id=contract,
        start=OCT,
        end=date(2026, 11, 30),
        today=date(2026, 12, 1),
        keep=True,
    )
    assert (statement.kind, statement.number, statement.amount) == (
        "statement",
        "RC-2026-000001",
        44_000 + 44_000 - 18_000,
    )
    assert statement.file_name == "M-1_2026-10-01_2026-11-30_releve.pdf"
    text = text_of(statement.content)
    assert "Relevé de compte" in text
    assert "Loyer / équivalent loyer – 10/2026" in text
    assert "Règlement du ménage" in text
    assert "Aide au logement attendue mais pas encore reçue : 520,00 €" in text
    [kept] = list_documents(scene.database, actor=scene.gl, household_id=household)
    assert (kept.kind, kept.document_id, kept.title) == (
        "letter",
        statement.document_id,
        "Relevé de compte RC-2026-000001 – 01/12/2026",
    )
    with pytest.raises(InvalidInput):
        svc.issue_statement(
            scene.database, actor=scene.gl, contract_id=contract, start=NOV, end=OCT
        )


def test_keeping_a_quittance_stores_it_once(scene: Scene) -> None:
    contract = scene.contract("IML-1", PLAIN)
    household = scene.household_of(contract)
    scene.charge(contract, NOV, rent=50_000, charges=5_000)
    scene.post(contract, "household_payment", 55_000, date(2026, 11, 5))
    first = scene.month(household, NOV, date(2026, 11, 6), keep=True).files[0]
    second = scene.month(household, NOV, date(2026, 11, 9), keep=True).files[0]
    assert first.document_id == second.document_id is not None
    [kept] = list_documents(scene.database, actor=scene.gl, household_id=household)
    assert kept.title == "Quittance Q-2026-000001 – 11/2026"
    assert kept.file_name == "M-1_2026-11_quittance.pdf"


def test_who_may_issue_what(scene: Scene) -> None:
    contract = scene.contract("IML-1", PLAIN)
    household = scene.household_of(contract)
    scene.charge(contract, NOV, rent=50_000, charges=5_000)
    for login in ("sw", "coord"):
        with pytest.raises(RefusedError, match="Vos droits ne permettent pas"):
            scene.month(household, NOV, date(2026, 11, 2), actor=scene.actors[login])
    # A coordinator reads the account: a statement, not a quittance.
    statement = svc.issue_statement(
        scene.database,
        actor=scene.actors["coord"],
        contract_id=contract,
        start=NOV,
        end=date(2026, 11, 30),
        today=date(2026, 12, 1),
    )
    assert statement.number == "RC-2026-000001"
    with pytest.raises(RefusedError):
        svc.issue_statement(
            scene.database, actor=scene.actors["sw"], contract_id=contract, start=NOV, end=NOV
        )


def test_documents_need_the_association(scene: Scene) -> None:
    contract = scene.contract("IML-1", PLAIN)
    scene.charge(contract, NOV, rent=50_000, charges=5_000)
    with scene.database.begin_write() as c:
        c.execute(delete(m.Organisation))
    with pytest.raises(RefusedError, match="Renseignez d'abord l'association"):
        scene.month(scene.household_of(contract), NOV, date(2026, 11, 2))


# ------------------------------------------------------------------ a month's run, to files


def _three_households(scene: Scene) -> None:
    """M-1 settled (quittance), M-2 partly paid (reçu), M-3 with a pension (quittance + invoice)."""
    paid = scene.contract("IML-1", PLAIN)
    partly = scene.contract("IML-2", PLAIN)
    pension = scene.contract("PF-1", PENSION)
    for contract in (paid, partly):
        scene.charge(contract, NOV, rent=50_000, charges=5_000)
    scene.charge(
        pension, NOV, rent=30_000, charges=5_000, mandatory_services=3_000, optional_services=4_000
    )
    scene.post(paid, "household_payment", 55_000, date(2026, 11, 5))
    scene.post(partly, "household_payment", 20_000, date(2026, 11, 5))
    scene.post(pension, "household_payment", 42_000, date(2026, 11, 5))


def test_a_run_writes_one_file_per_document_then_one_single_file(
    scene: Scene, tmp_path: Path
) -> None:
    _three_households(scene)
    out = tmp_path / "quittances"
    run = svc.run_receipts(
        scene.database, actor=scene.gl, month=NOV, out_dir=out, today=date(2026, 12, 2)
    )
    assert sorted(p.name for p in out.iterdir()) == [
        "M-1_2026-11_quittance.pdf",
        "M-2_2026-11_recu.pdf",
        "M-3_2026-11_facture.pdf",
        "M-3_2026-11_quittance.pdf",
    ]
    assert [(w.household_reference, w.kind, w.number) for w in run.files] == [
        ("M-1", "quittance", "Q-2026-000001"),
        ("M-2", "receipt", "R-2026-000001"),
        ("M-3", "quittance", "Q-2026-000002"),
        ("M-3", "services_invoice", "F-2026-000001"),
    ]
    assert (run.count("quittance"), run.count("receipt"), run.skipped) == (2, 1, ())
    assert "Reçu" in text_of((out / "M-2_2026-11_recu.pdf").read_bytes())
    # The same run into one file: the same documents (reprinted), every page in order.
    single = tmp_path / "novembre.pdf"
    again = svc.run_receipts(
        scene.database, actor=scene.gl, month=NOV, single_file=single, today=date(2026, 12, 3)
    )
    assert [w.reprint for w in again.files] == [True] * 4
    assert {w.path for w in again.files} == {single}
    reader = PdfReader(single)
    separate = sum(len(PdfReader(p).pages) for p in out.iterdir())
    assert len(reader.pages) == separate
    text = text_of(single.read_bytes())
    assert text.index("Q-2026-000001") < text.index("R-2026-000001") < text.index("F-2026-000001")
    assert not list(tmp_path.rglob("*.partiel"))
    with pytest.raises(InvalidInput):
        svc.run_receipts(scene.database, actor=scene.gl, month=NOV, today=date(2026, 12, 3))


def test_a_run_reports_progress_and_a_cancel_leaves_no_file(scene: Scene, tmp_path: Path) -> None:
    _three_households(scene)
    out = tmp_path / "out"
    steps: list[tuple[int, int]] = []

    # WHEN cancelled while the documents are prepared: nothing issued, nothing written
    def cancel_at_second(done: int, total: int) -> None:
        steps.append((done, total))
        if done == 2:
            control.cancel()

    control = TaskControl(cancel_at_second)
    with pytest.raises(Cancelled):
        svc.run_receipts(
            scene.database,
            actor=scene.gl,
            month=NOV,
            out_dir=out,
            today=date(2026, 12, 2),
            control=control,
        )
    assert steps == [(1, 3), (2, 3)]
    assert scene.issued_count() == 0
    assert not out.exists() or not list(out.iterdir())

    # WHEN cancelled while the files are written: the numbers stay issued, no file is left
    calls: list[tuple[int, int]] = []

    def cancel_while_writing(done: int, total: int) -> None:
        calls.append((done, total))
        if len(calls) == 3 + 2:  # three contracts prepared, then two files written
            writing.cancel()

    writing = TaskControl(cancel_while_writing)
    with pytest.raises(Cancelled):
        svc.run_receipts(
            scene.database,
            actor=scene.gl,
            month=NOV,
            out_dir=out,
            today=date(2026, 12, 2),
            control=writing,
        )
    assert calls == [(1, 3), (2, 3), (3, 3), (1, 4), (2, 4)]
    assert list(out.iterdir()) == []
    assert scene.issued_count() == 4
    # A run afterwards reprints them under the same numbers.
    run = svc.run_receipts(
        scene.database, actor=scene.gl, month=NOV, out_dir=out, today=date(2026, 12, 2)
    )
    assert all(w.reprint for w in run.files)
    assert len(list(out.iterdir())) == 4


def test_merged_pdf_holds_every_page_of_every_document(scene: Scene) -> None:
    _three_households(scene)
    files = [
        f
        for household in (1, 2, 3)
        for f in scene.month(_household_id(scene, f"M-{household}"), NOV, date(2026, 12, 2)).files
    ]
    merged = svc.merge_pdfs([f.content for f in files])
    reader = PdfReader(io.BytesIO(merged))
    assert len(reader.pages) == sum(len(PdfReader(io.BytesIO(f.content)).pages) for f in files)
    for f in files:
        assert f.number in text_of(merged)
    assert svc.merge_pdfs([f.content for f in files]) == merged  # deterministic


def _household_id(scene: Scene, reference: str) -> int:
    with scene.database.read() as session:
        found = session.scalar(select(m.Household.id).where(m.Household.reference == reference))
        assert found is not None
        return int(found)


@pytest.mark.parametrize(
    ("reference", "kind", "extra", "expected"),
    [
        ("M-2026-0042", "quittance", "", "M-2026-0042_2026-11_quittance.pdf"),
        ("M 12/3", "receipt", "", "M_12_3_2026-11_recu.pdf"),
        ("M-1", "notice", "IML 4", "M-1_2026-11_avis_IML_4.pdf"),
    ],
)
def test_file_names(reference: str, kind: str, extra: str, expected: str) -> None:
    assert svc.file_name(reference, NOV, kind, extra) == expected
