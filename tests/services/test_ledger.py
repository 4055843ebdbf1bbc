"""Postings, reversals, the deposit account, month closing and balances, on real databases."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.orm import Session

from desktop_app.domain.arrears import ladder
from desktop_app.domain.errors import Cancelled, InvalidInput, RefusedError
from desktop_app.domain.parameters import Parameters
from desktop_app.domain.permissions import Actor, Grant
from desktop_app.domain.progress import TaskControl
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services import contracts
from desktop_app.services import ledger as svc
from desktop_app.services.contracts import RateInput
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
NOW = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
TODAY = date(2027, 1, 15)
SEP, OCT, NOV, DEC = (date(2026, month, 1) for month in (9, 10, 11, 12))
TIERS = RateInput(rent=40_000, charges=4_000, expected_benefit=26_000, tiers_payant=True)
PLAIN = RateInput(rent=50_000, charges=5_000)


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


@dataclass
class Scene:
    database: Database
    actors: dict[str, Actor]
    programmes: dict[str, int] = field(default_factory=dict)
    dwellings: dict[str, int] = field(default_factory=dict)
    households: int = 0

    @property
    def gl(self) -> Actor:
        return self.actors["gl"]

    def contract(
        self,
        dwelling: str,
        rate: RateInput = TIERS,
        start: date = SEP,
        household: int | None = None,
    ) -> contracts.ContractInfo:
        """A new household (unless given) with a contract in ``dwelling`` from ``start``."""
        if household is None:
            self.households += 1
            with self.database.begin_write() as c:
                household = add(c, m.Household, reference=f"M-{self.households}")
        return contracts.create_contract(
            self.database,
            actor=self.gl,
            household_id=household,
            dwelling_id=self.dwellings[dwelling],
            kind="residence_agreement" if dwelling.startswith("PF") else "sublease",
            start=start,
            rate=rate,
        )

    def post(self, contract_id: int, kind: str, amount: int, posted_on: date, **kw: Any) -> Any:
        kw.setdefault("today", TODAY)
        return svc.post_entry(
            self.database,
            actor=kw.pop("actor", self.gl),
            contract_id=contract_id,
            kind=kind,
            amount=amount,
            posted_on=posted_on,
            **kw,
        )

    def charge_month(
        self, contract_id: int, month: date, rent: int = 40_000, charges: int = 4_000
    ) -> None:
        """The month's charges, as the monthly generation posts them on the 1st."""
        with self.database.begin_write() as c:
            for nature, amount in (("rent", rent), ("charges", charges)):
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

    def balance(
        self, contract_id: int, on: date, actor: Actor | None = None
    ) -> svc.ContractBalance:
        return svc.contract_balance(
            self.database, actor=actor or self.gl, contract_id=contract_id, on=on
        )

    def read(self, work: Callable[[Session], Any]) -> Any:
        return self.database.run_read(work)


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    workspace = open_workspace(database_target)
    db = workspace.database
    scene = Scene(db, {})
    logins = ("gl", "gl_pension", "sw", "coord", "host")
    ids: dict[str, int] = {}
    with db.begin_write() as c:
        for login in logins:
            ids[login] = add(c, m.UserAccount, login=login, display_name=login, created_at=NOW)
        scene.programmes["IML"] = add(c, m.Programme, name="IML", kind="iml_sublease")
        scene.programmes["PENSION"] = add(c, m.Programme, name="PENSION", kind="boarding_house")
        residence = add(c, m.Residence, name="Tilleuls", programme_id=scene.programmes["PENSION"])
        for reference, programme in (("IML-1", "IML"), ("IML-2", "IML"), ("IML-3", "IML"),
                                     ("IML-4", "IML"), ("PF-1", "PENSION")):  # fmt: skip
            scene.dwellings[reference] = add(
                c,
                m.Dwelling,
                reference=reference,
                address="1 rue du Test",
                commune="Lyon",
                programme_id=scene.programmes[programme],
                residence_id=residence if programme == "PENSION" else None,
                lots=1_000,
                places=1_000,
                captured_on=date(2020, 1, 1),
            )
    grants = {
        "gl": Grant("rental_manager"),
        "gl_pension": Grant("rental_manager", programme_id=scene.programmes["PENSION"]),
        "sw": Grant("social_worker"),
        "coord": Grant("coordinator"),
        "host": Grant("host", residence_id=residence),
    }
    scene.actors = {
        login: Actor(user_id=ids[login], login=login, grants=(grants[login],)) for login in logins
    }
    yield scene
    workspace.close()


def codes(error: pytest.ExceptionInfo[InvalidInput]) -> set[str]:
    return {issue.code for issue in error.value.issues}


# ------------------------------------------------------------------ amounts typed by a person


@pytest.mark.parametrize(
    "text", ["1 234,56", "1234.56", "1 234,56 €", "1\u202f234,56\u00a0€", " 1234,56 "]
)
def test_amounts_are_read_the_french_way(text: str) -> None:
    assert svc.parse_posting_amount(text) == 123_456


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("abc", "Montant illisible : « abc ». Exemples : 1 234,56 ou 1234.56 ou 1 234,56 €."),
        ("12,3,4", "Montant illisible : « 12,3,4 »."),
        ("1.234,56", "Montant illisible : « 1.234,56 »."),
        ("  ", "Indiquez le montant."),
    ],
)
def test_unreadable_amounts_are_refused_with_a_message(text: str, expected: str) -> None:
    with pytest.raises(InvalidInput) as error:
        svc.parse_posting_amount(text)
    [issue] = error.value.issues
    assert issue.field == "amount"
    assert issue.text.startswith(expected)


# ------------------------------------------------------------------ postings


def test_every_kind_is_posted_with_its_audit_event_and_history(scene: Scene) -> None:
    contract = scene.contract("IML-1").contract_id
    posted = [
        scene.post(contract, "charge", 40_000, SEP, period_month=date(2026, 9, 17), nature="rent"),
        scene.post(contract, "charge", 2_500, OCT, period_month=SEP, nature="damage"),
        scene.post(contract, "housing_benefit", 26_000, date(2026, 10, 9), period_month=SEP),
        scene.post(contract, "housing_benefit", -5_000, date(2026, 10, 9), period_month=SEP),
        scene.post(
            contract, "household_payment", 18_000, date(2026, 9, 8),
            payer="Mme Martin", method="cheque", reference="CHQ 42",
        ),
        scene.post(contract, "fsl_aid", 30_000, date(2026, 10, 2), reference="FSL-2026-7"),
        scene.post(contract, "other_aid", 5_000, date(2026, 10, 3), payer="CCAS"),
        scene.post(contract, "adjustment", 3_000, date(2026, 10, 4), nature="charges",
                   reason="Régularisation des charges 2025"),
        scene.post(contract, "adjustment", -1_000, date(2026, 10, 4), reason="Trop-perçu"),
        scene.post(contract, "remission", 2_000, date(2026, 10, 5), reason="Geste commercial"),
        scene.post(contract, "irrecoverable", 1_000, date(2026, 10, 5), reason="Créance ancienne"),
        scene.post(contract, "debt_erased", 1_500, date(2026, 10, 5), reason="Décision BDF"),
        scene.post(contract, "opening_balance", 12_000, SEP, first_default_on=date(2026, 6, 15)),
    ]  # fmt: skip
    first = posted[0]
    assert (first.kind, first.period_month, first.nature, first.generated) == (
        "charge",
        SEP,  # stored as the month's first day
        "rent",
        False,
    )
    assert posted[4].payer == "Mme Martin"
    assert (posted[4].method, posted[4].reference) == ("cheque", "CHQ 42")
    assert posted[3].amount == -5_000
    assert posted[-1].first_default_on == date(2026, 6, 15)

    def read(session: Session) -> tuple[list[tuple[str, int]], list[str | None], set[str]]:
        rows = session.execute(
            select(m.LedgerEntry.kind, m.LedgerEntry.amount).order_by(m.LedgerEntry.id)
        )
        fields = list(
            session.scalars(
                select(m.AuditEvent.fields)
                .where(m.AuditEvent.entity == "ledger_entry")
                .order_by(m.AuditEvent.id)
            )
        )
        history = set(
            session.scalars(
                select(m.ChangeHistory.field).where(m.ChangeHistory.entity == "ledger_entry")
            )
        )
        return [(kind, amount) for kind, amount in rows], fields, history

    rows, fields, history = scene.read(read)
    assert rows == [(info.kind, info.amount) for info in posted]
    assert len(fields) == len(posted)
    assert fields[4] is not None
    assert "payer" in fields[4]
    assert "Martin" not in "".join(f or "" for f in fields)  # names, never values
    assert history == {"kind", "amount", "posted_on", "period_month", "nature", "first_default_on"}
    assert scene.database.run_read(audit.verify).ok


def test_the_history_keeps_amounts_and_dates_never_free_text(scene: Scene) -> None:
    contract = scene.contract("IML-1").contract_id
    entry = scene.post(contract, "remission", 2_000, date(2026, 10, 5), reason="Motif libre")

    def read(session: Session) -> dict[str, str | None]:
        rows = session.execute(
            select(
                m.ChangeHistory.field, m.ChangeHistory.new_value, m.ChangeHistory.household_id
            ).where(
                m.ChangeHistory.entity == "ledger_entry",
                m.ChangeHistory.entity_id == entry.entry_id,
            )
        )
        return {name: value for name, value, household in rows if household == entry.household_id}

    assert scene.read(read) == {"kind": "remission", "amount": "2000", "posted_on": "2026-10-05"}


@pytest.mark.parametrize(
    ("kind", "amount", "extra", "code", "text"),
    [
        ("loyer", 100, {}, "ledger.kind_unknown", "Type d'écriture inconnu : « loyer »."),
        ("reversal", 100, {}, "ledger.kind_use_reversal", "Une annulation se passe depuis"),
        ("deposit_applied", 100, {}, "ledger.kind_use_deposit", "L'imputation du dépôt"),
        ("household_payment", 0, {}, "ledger.amount_zero", "Le montant ne peut pas être nul."),
        ("household_payment", -100, {}, "ledger.amount_negative", "Le montant est positif"),
        ("remission", -100, {"reason": "x"}, "ledger.amount_negative", "Le montant est positif"),
        ("charge", 100, {"period_month": SEP}, "ledger.nature_required", "Indiquez la nature"),
        ("charge", 100, {"period_month": SEP, "nature": "gaz"}, "ledger.nature_unknown",
         "Nature inconnue : « gaz »."),
        ("charge", 100, {"nature": "rent"}, "ledger.period_required", "Indiquez le mois concerné."),
        ("housing_benefit", 100, {}, "ledger.period_required", "Indiquez le mois concerné."),
        ("household_payment", 100, {"nature": "rent"}, "ledger.nature_not_allowed",
         "La nature ne s'indique que"),
        ("adjustment", 100, {"reason": "x"}, "ledger.nature_required", "Indiquez la nature"),
        ("adjustment", -100, {}, "ledger.reason_required", "Indiquez le motif."),
        ("remission", 100, {}, "ledger.reason_required", "Indiquez le motif."),
        ("irrecoverable", 100, {"reason": "  "}, "ledger.reason_required", "Indiquez le motif."),
        ("debt_erased", 100, {}, "ledger.reason_required", "Indiquez le motif."),
        ("remission", 100, {"reason": "x" * 301}, "ledger.reason_too_long",
         "Le motif ne peut dépasser 300 caractères."),
        ("household_payment", 100, {"payer": "x" * 101}, "ledger.text_too_long",
         "Ce texte ne peut dépasser 100 caractères."),
        ("opening_balance", 100, {}, "ledger.first_default_required",
         "Indiquez la date du premier impayé"),
        ("opening_balance", 100, {"first_default_on": date(2026, 11, 2)},
         "ledger.first_default_after_posting",
         "La date du premier impayé (02/11/2026) ne peut suivre la date d'écriture (01/11/2026)."),
        ("household_payment", 100, {"first_default_on": SEP}, "ledger.first_default_not_allowed",
         "La date du premier impayé ne s'indique que pour un solde de reprise."),
        ("household_payment", 100, {"method": "bitcoin"}, "ledger.method_unknown",
         "Mode de règlement inconnu : « bitcoin »."),
        ("household_payment", 100, {"period_month": date(2026, 8, 1)},
         "ledger.period_before_contract",
         "Le mois concerné (08/2026) précède le début du contrat (01/09/2026)."),
    ],
)  # fmt: skip
def test_refusals_name_the_field_in_french(  # noqa: PLR0917 - the parametrized case
    scene: Scene, kind: str, amount: int, extra: dict[str, Any], code: str, text: str
) -> None:
    contract = scene.contract("IML-1").contract_id
    with pytest.raises(InvalidInput) as error:
        scene.post(contract, kind, amount, NOV, **extra)
    assert code in codes(error)
    assert any(issue.text.startswith(text) for issue in error.value.issues if issue.code == code)
    assert scene.read(lambda s: s.scalar(select(m.LedgerEntry.id))) is None  # nothing saved


def test_dates_in_the_future_and_periods_after_the_end_are_refused(scene: Scene) -> None:
    contract = scene.contract("IML-1").contract_id
    with pytest.raises(InvalidInput) as error:
        scene.post(contract, "household_payment", 100, date(2026, 11, 2), today=date(2026, 11, 1))
    assert error.value.issues[0].text == "La date d'écriture (02/11/2026) est dans le futur."
    contracts.end_contract(
        scene.database,
        actor=scene.gl,
        contract_id=contract,
        end=date(2026, 10, 20),
        reason="Départ",
    )
    with pytest.raises(InvalidInput) as error:
        scene.post(contract, "household_payment", 100, NOV, period_month=NOV)
    assert error.value.issues[0].text == (
        "Le mois concerné (11/2026) suit la fin du contrat (20/10/2026)."
    )
    # A payment after the end, naming the last month, is welcome: the debt stays payable.
    assert scene.post(contract, "household_payment", 100, DEC, period_month=OCT).amount == 100


def test_a_float_amount_is_a_programming_error(scene: Scene) -> None:
    contract = scene.contract("IML-1").contract_id
    with pytest.raises(TypeError):
        scene.post(contract, "household_payment", 12.5, NOV)  # type: ignore[arg-type]


def test_only_who_may_post_on_that_contract_posts(scene: Scene) -> None:
    iml = scene.contract("IML-1").contract_id
    pension = scene.contract("PF-1", PLAIN).contract_id
    with pytest.raises(RefusedError, match="passer des écritures"):
        scene.post(iml, "household_payment", 100, NOV, actor=scene.actors["sw"])
    with pytest.raises(RefusedError, match="passer des écritures"):
        scene.post(iml, "household_payment", 100, NOV, actor=scene.actors["gl_pension"])
    assert scene.post(pension, "household_payment", 100, NOV, actor=scene.actors["gl_pension"])
    with pytest.raises(RefusedError, match="n'existe pas"):
        scene.post(10_000, "household_payment", 100, NOV)


def test_amounts_are_read_by_who_may_see_them(scene: Scene) -> None:
    pension = scene.contract("PF-1", PLAIN).contract_id
    host, sw = scene.actors["host"], scene.actors["sw"]
    with pytest.raises(RefusedError, match="voir les montants du compte"):
        scene.balance(pension, NOV, actor=sw)
    with pytest.raises(RefusedError, match="voir les montants du compte"):
        scene.balance(pension, NOV, actor=host)
    with scene.database.begin_write() as c:
        c.execute(
            update(m.Parameter)
            .where(m.Parameter.key == "host.sees_arrears_amounts")
            .values(value="true")
        )
    assert scene.balance(pension, NOV, actor=host).contract_id == pension
    assert scene.balance(pension, NOV, actor=scene.actors["coord"]).owed == 0


# ------------------------------------------------------------------ reversals


def test_a_reversal_cancels_exactly_its_entry_once(scene: Scene) -> None:
    contract = scene.contract("IML-1", PLAIN).contract_id
    scene.charge_month(contract, SEP, 50_000, 5_000)
    payment = scene.post(contract, "household_payment", 55_000, date(2026, 9, 8))
    fees = scene.post(contract, "charge", 3_000, date(2026, 9, 10), period_month=SEP, nature="fees")
    assert scene.balance(contract, date(2026, 9, 30)).owed == 3_000
    reversal = svc.reverse_entry(
        scene.database, actor=scene.gl, entry_id=payment.entry_id,
        reason="Chèque rejeté", posted_on=date(2026, 10, 2), today=TODAY,
    )  # fmt: skip
    assert (reversal.kind, reversal.amount, reversal.reverses_id) == (
        "reversal",
        55_000,
        payment.entry_id,
    )
    assert reversal.reason == "Chèque rejeté"
    assert scene.balance(contract, date(2026, 10, 1)).owed == 3_000  # not before its date
    assert scene.balance(contract, date(2026, 10, 2)).owed == 58_000
    svc.reverse_entry(
        scene.database, actor=scene.gl, entry_id=fees.entry_id,
        reason="Frais non dus", posted_on=date(2026, 10, 2), today=TODAY,
    )  # fmt: skip
    after = scene.balance(contract, date(2026, 10, 20))
    assert (after.owed, after.debt, after.charged) == (55_000, 55_000, 55_000)
    with pytest.raises(RefusedError, match="déjà annulée"):
        svc.reverse_entry(
            scene.database, actor=scene.gl, entry_id=payment.entry_id,
            reason="Encore", posted_on=date(2026, 10, 3), today=TODAY,
        )  # fmt: skip
    with pytest.raises(RefusedError, match="Une annulation ne s'annule pas"):
        svc.reverse_entry(
            scene.database, actor=scene.gl, entry_id=reversal.entry_id,
            reason="Erreur", posted_on=date(2026, 10, 3), today=TODAY,
        )  # fmt: skip
    with pytest.raises(RefusedError, match="Cette écriture n'existe pas"):
        svc.reverse_entry(
            scene.database, actor=scene.gl, entry_id=99_999,
            reason="x", posted_on=date(2026, 10, 3), today=TODAY,
        )  # fmt: skip


def test_a_reversal_needs_a_reason_and_a_date_after_its_entry(scene: Scene) -> None:
    contract = scene.contract("IML-1", PLAIN).contract_id
    payment = scene.post(contract, "household_payment", 10_000, date(2026, 10, 8))
    with pytest.raises(InvalidInput) as error:
        svc.reverse_entry(
            scene.database, actor=scene.gl, entry_id=payment.entry_id,
            reason=" ", posted_on=date(2026, 10, 7), today=TODAY,
        )  # fmt: skip
    assert {issue.text for issue in error.value.issues} == {
        "Indiquez le motif.",
        "L'annulation (07/10/2026) ne peut précéder l'écriture qu'elle annule (08/10/2026).",
    }
    with pytest.raises(RefusedError, match="passer des écritures"):
        svc.reverse_entry(
            scene.database, actor=scene.actors["coord"], entry_id=payment.entry_id,
            reason="x", posted_on=date(2026, 10, 9), today=TODAY,
        )  # fmt: skip


# ------------------------------------------------------------------ month closing (§3.7)


def close(scene: Scene, month: date, today: date = TODAY, actor: Actor | None = None) -> Any:
    return svc.close_month(scene.database, actor=actor or scene.gl, month=month, today=today)


def test_months_close_in_order_once_ended(scene: Scene) -> None:
    with pytest.raises(RefusedError) as error:
        close(scene, NOV, today=date(2026, 11, 30))
    assert error.value.text == (
        "Le mois 11/2026 n'est pas terminé : il pourra être clôturé à partir du 01/12/2026."
    )
    closing = close(scene, date(2026, 9, 14), today=date(2026, 10, 1))  # the first: any ended month
    assert closing.month == SEP
    assert closing.closed_by == scene.gl.user_id
    with pytest.raises(RefusedError, match="déjà clôturé"):
        close(scene, SEP)
    with pytest.raises(RefusedError) as error:
        close(scene, NOV)
    assert error.value.text == (
        "Les mois se clôturent dans l'ordre : le prochain mois à clôturer est 10/2026."
    )
    with pytest.raises(RefusedError, match="prochain mois à clôturer est 10/2026"):
        close(scene, date(2026, 8, 1))  # nor a month before the last closed one
    close(scene, OCT, actor=scene.actors["coord"])
    with pytest.raises(RefusedError, match="clôturer un mois"):
        close(scene, NOV, actor=scene.actors["sw"])
    assert [info.month for info in svc.closed_months(scene.database, actor=scene.gl)] == [SEP, OCT]

    def events(session: Session) -> list[int | None]:
        return list(
            session.scalars(
                select(m.AuditEvent.entity_id).where(m.AuditEvent.entity == "month_closing")
            )
        )

    assert scene.read(events) == [202609, 202610]


def test_a_closed_month_takes_no_posting_but_corrections_name_it(scene: Scene) -> None:
    contract = scene.contract("IML-1").contract_id
    scene.charge_month(contract, SEP)
    payment = scene.post(contract, "household_payment", 18_000, date(2026, 9, 8))
    close(scene, SEP)
    with pytest.raises(InvalidInput) as error:
        scene.post(contract, "household_payment", 100, date(2026, 9, 30))
    assert error.value.issues[0].text == (
        "Le mois 09/2026 est clôturé : datez l'écriture dans le mois ouvert "
        "(le mois concerné peut rester 09/2026)."
    )
    with pytest.raises(InvalidInput) as error:
        scene.post(contract, "charge", 2_000, date(2026, 10, 3), period_month=SEP, nature="fees")
    assert codes(error) == {"ledger.charge_in_closed_month"}
    with pytest.raises(InvalidInput, match="Saisie à corriger"):
        svc.reverse_entry(
            scene.database, actor=scene.gl, entry_id=payment.entry_id,
            reason="Erreur", posted_on=date(2026, 9, 30), today=TODAY,
        )  # fmt: skip
    # Dated in the open month, corrections may name the closed month: a late CAF payment must.
    late = scene.post(contract, "housing_benefit", 26_000, date(2026, 10, 12), period_month=SEP)
    assert late.period_month == SEP
    svc.reverse_entry(
        scene.database, actor=scene.gl, entry_id=payment.entry_id,
        reason="Chèque rejeté", posted_on=date(2026, 10, 12), today=TODAY,
    )  # fmt: skip
    assert scene.post(
        contract, "adjustment", 2_000, date(2026, 10, 12), period_month=SEP, nature="fees",
        reason="Frais de septembre",
    ).period_month == SEP  # fmt: skip
    # The balances up to the end of the closed month did not move.
    september = scene.balance(contract, date(2026, 9, 30))
    assert (september.owed, september.benefit_pending) == (0, 26_000)


# ------------------------------------------------------------------ the deposit account


def deposit(scene: Scene, contract: int, kind: str, amount: int, day: date) -> Any:
    return svc.post_deposit(
        scene.database, actor=scene.gl, contract_id=contract, kind=kind, amount=amount,
        posted_on=day, reference=f"DG {kind}", today=TODAY,
    )  # fmt: skip


def held(scene: Scene, contract: int, on: date) -> int:
    result: int = svc.deposit_held(scene.database, actor=scene.gl, contract_id=contract, on=on)
    return result


def test_the_deposit_is_received_applied_and_refunded(scene: Scene) -> None:
    contract = scene.contract("IML-1", PLAIN).contract_id
    scene.charge_month(contract, SEP, 50_000, 5_000)
    received = deposit(scene, contract, "received", 80_000, date(2026, 8, 25))
    assert (received.held, received.ledger_entry_id) == (80_000, None)
    applied = deposit(scene, contract, "applied", 30_000, date(2026, 10, 31))
    assert applied.held == 50_000
    assert applied.ledger_entry_id is not None

    def credit(session: Session) -> tuple[str, int, date]:
        entry = session.get(m.LedgerEntry, applied.ledger_entry_id)
        assert entry is not None
        return entry.kind, entry.amount, entry.posted_on

    assert scene.read(credit) == ("deposit_applied", 30_000, date(2026, 10, 31))
    balance = scene.balance(contract, date(2026, 11, 1))
    assert (balance.owed, balance.deposit_held) == (25_000, 50_000)
    assert balance.credited("deposit_applied") == 30_000
    assert held(scene, contract, date(2026, 10, 30)) == 80_000
    with pytest.raises(InvalidInput) as error:
        deposit(scene, contract, "refunded", 60_000, date(2026, 11, 5))
    assert error.value.issues[0].text == (
        "Le dépôt de garantie détenu (500,00\u00a0€) ne couvre pas ce montant (600,00\u00a0€)."
    )
    # Back-dated, a refund may not leave the deposit negative after the later imputation.
    with pytest.raises(InvalidInput, match="Saisie à corriger"):
        deposit(scene, contract, "refunded", 60_000, date(2026, 9, 1))
    refunded = deposit(scene, contract, "refunded", 50_000, date(2026, 11, 5))
    assert refunded.held == 0
    # Reversing the imputation puts the money back into the deposit.
    svc.reverse_entry(
        scene.database, actor=scene.gl, entry_id=applied.ledger_entry_id,
        reason="Imputation erronée", posted_on=date(2026, 11, 10), today=TODAY,
    )  # fmt: skip
    assert held(scene, contract, date(2026, 11, 9)) == 0
    assert held(scene, contract, date(2026, 11, 10)) == 30_000
    assert scene.balance(contract, date(2026, 11, 10)).owed == 55_000
    with pytest.raises(InvalidInput) as error:
        deposit(scene, contract, "lost", -5, date(2026, 11, 10))
    assert codes(error) == {"ledger.deposit_kind_unknown", "ledger.amount_negative"}

    def history(session: Session) -> set[str]:
        return set(
            session.scalars(
                select(m.ChangeHistory.field).where(m.ChangeHistory.entity == "deposit_entry")
            )
        )

    assert scene.read(history) == {"kind", "amount", "posted_on"}


# ------------------------------------------------------------------ balances


def tiers_payant_account(scene: Scene) -> int:
    """Rent 400 + charges 40, benefit 260 paid to the association (share 180), from September.

    September's benefit is received on 09/10, October's never; the household pays 180 on
    08/09 and 100 on 08/10 (naming no month), nothing in November.
    """
    contract = scene.contract("IML-1").contract_id
    for month in (SEP, OCT, NOV):
        scene.charge_month(contract, month)
    scene.post(contract, "household_payment", 18_000, date(2026, 9, 8))
    scene.post(contract, "household_payment", 10_000, date(2026, 10, 8))
    scene.post(contract, "housing_benefit", 26_000, date(2026, 10, 9), period_month=SEP)
    return contract


def test_balances_at_several_dates(scene: Scene) -> None:
    contract = tiers_payant_account(scene)
    september = scene.balance(contract, date(2026, 9, 20))
    assert (september.charged, september.owed, september.debt) == (44_000, 0, 0)
    assert september.credits == (("household_payment", 18_000),)
    assert (september.benefit_pending, september.benefit_overdue) == (26_000, 0)
    assert (september.household_share, september.housing_share) == (18_000, 18_000)
    [term] = september.terms
    assert (term.period_month, term.expected, term.paid, term.settled) == (
        SEP,
        26_000,
        18_000,
        False,
    )

    october = scene.balance(contract, date(2026, 10, 20))
    # 180 + 100 + the CAF's 260 for September: September settled, October short of 80.
    assert (october.charged, october.owed, october.debt, october.housing_debt) == (
        88_000, 8_000, 8_000, 8_000,
    )  # fmt: skip
    assert october.benefit_received == 26_000
    assert (october.benefit_pending, october.benefit_overdue) == (26_000, 0)
    assert [(t.period_month, t.settled, t.unsettled) for t in october.terms] == [
        (SEP, True, 0),
        (OCT, False, 8_000),
    ]

    on_the_10th = scene.balance(contract, date(2026, 11, 10))
    assert (on_the_10th.benefit_pending, on_the_10th.benefit_overdue) == (52_000, 0)
    # After the 10th of the next month, October's benefit is "APL attendue non reçue".
    november = scene.balance(contract, date(2026, 11, 11))
    assert (november.benefit_pending, november.benefit_overdue) == (26_000, 26_000)
    assert (november.owed, november.debt) == (8_000 + 18_000, 8_000)  # November not in default
    assert scene.balance(contract, date(2026, 11, 15)).debt == 26_000
    assert november.balance == 26_000
    assert november.advance == 0


def test_the_statement_replays_the_entries(scene: Scene) -> None:
    contract = tiers_payant_account(scene)
    lines = svc.account_lines(
        scene.database, actor=scene.gl, contract_id=contract, start=OCT, end=date(2026, 11, 30)
    )
    assert [(line.label, line.debit, line.credit, line.balance) for line in lines] == [
        ("Solde au 30/09/2026", 0, 0, 44_000 - 18_000),
        ("Loyer / équivalent loyer – 10/2026", 40_000, 0, 66_000),
        ("Charges – 10/2026", 4_000, 0, 70_000),
        ("Règlement du ménage", 0, 10_000, 60_000),
        ("Aide au logement – tiers payant – 09/2026", 0, 26_000, 34_000),
        ("Loyer / équivalent loyer – 11/2026", 40_000, 0, 74_000),
        ("Charges – 11/2026", 4_000, 0, 78_000),
    ]
    # What the statement shows owed = what is owed + the benefit still expected.
    end = scene.balance(contract, date(2026, 11, 30))
    assert lines[-1].balance == end.balance + end.benefit_pending + end.benefit_overdue
    opening = scene.post(
        contract, "opening_balance", 5_000, DEC, first_default_on=date(2026, 6, 20)
    )
    svc.reverse_entry(
        scene.database, actor=scene.gl, entry_id=opening.entry_id,
        reason="Doublon", posted_on=DEC, today=TODAY,
    )  # fmt: skip
    december = svc.account_lines(
        scene.database, actor=scene.gl, contract_id=contract, start=DEC, end=date(2026, 12, 31)
    )
    assert [(line.label, line.debit, line.credit, line.reversed_by) for line in december[1:]] == [
        ("Solde de reprise (premier impayé le 20/06/2026)", 5_000, 0, opening.entry_id + 1),
        ("Annulation : Solde de reprise (premier impayé le 20/06/2026)", 0, 5_000, None),
    ]
    with pytest.raises(InvalidInput, match="Saisie à corriger"):
        svc.account_lines(scene.database, actor=scene.gl, contract_id=contract, start=DEC, end=NOV)


def test_a_suspended_benefit_makes_the_whole_amount_the_households(scene: Scene) -> None:
    contract = tiers_payant_account(scene)
    contracts.set_benefit_status(
        scene.database, actor=scene.gl, contract_id=contract,
        valid_from=date(2026, 11, 20), status="suspended",
    )  # fmt: skip
    before = scene.balance(contract, date(2026, 11, 19))
    # October short of 80 and its 260 not received; November less 260 × 19/30 expected.
    assert (before.debt, before.benefit_overdue) == (8_000 + 44_000 - 16_467, 26_000)
    after = scene.balance(contract, date(2026, 11, 20))
    assert (after.debt, after.benefit_pending, after.benefit_overdue) == (
        8_000 + 26_000 + 44_000,
        0,
        0,
    )
    assert (after.household_share, after.housing_share) == (44_000, 44_000)


def test_a_benefit_withheld_for_non_decency_is_owed_by_nobody(scene: Scene) -> None:
    contract = scene.contract("IML-1").contract_id
    contracts.set_benefit_status(
        scene.database, actor=scene.gl, contract_id=contract, valid_from=SEP,
        status="withheld_non_decency",
    )  # fmt: skip
    scene.charge_month(contract, SEP)
    scene.charge_month(contract, OCT)
    scene.post(contract, "household_payment", 18_000, date(2026, 9, 8))
    balance = scene.balance(contract, date(2027, 1, 1))
    assert (balance.benefit_withheld, balance.benefit_pending, balance.benefit_overdue) == (
        52_000, 0, 0,
    )  # fmt: skip
    assert (balance.owed, balance.debt, balance.household_share) == (18_000, 18_000, 18_000)
    assert [term.withheld for term in balance.terms] == [26_000, 26_000]


def test_a_debt_stays_visible_after_the_contract_ends(scene: Scene) -> None:
    old = scene.contract("IML-1", PLAIN, start=SEP)
    household = old.household_id
    scene.charge_month(old.contract_id, SEP, 50_000, 5_000)
    scene.charge_month(old.contract_id, OCT, 50_000, 5_000)
    scene.post(old.contract_id, "household_payment", 55_000, date(2026, 9, 8))
    contracts.end_contract(
        scene.database, actor=scene.gl, contract_id=old.contract_id, end=date(2026, 10, 31),
        reason="Mutation",
    )  # fmt: skip
    new = scene.contract("IML-2", TIERS, start=NOV, household=household).contract_id
    scene.charge_month(new, NOV)
    scene.post(new, "household_payment", 18_000, date(2026, 11, 8), period_month=NOV)
    deposit(scene, new, "received", 40_000, NOV)
    total = svc.household_balance(
        scene.database, actor=scene.gl, household_id=household, on=date(2027, 1, 5)
    )
    assert [c.contract_id for c in total.contracts] == [old.contract_id, new]
    ended = total.contracts[0]
    assert (ended.state, ended.debt, ended.household_share) == ("ended", 55_000, 0)
    assert (total.debt, total.owed, total.household_share) == (55_000, 55_000, 18_000)
    assert total.charged == 110_000 + 44_000
    assert total.credits == (("household_payment", 73_000),)
    assert total.deposit_held == 40_000
    assert total.benefit_overdue == 26_000  # November's benefit never came
    # The debt is still payable on the ended contract, and then settled.
    scene.post(old.contract_id, "household_payment", 55_000, date(2027, 1, 6))
    settled = svc.household_balance(
        scene.database, actor=scene.gl, household_id=household, on=date(2027, 1, 6)
    )
    assert (settled.debt, settled.contracts[0].terms[-1].settled) == (0, True)


def test_an_advance_settles_terms_as_they_fall_due(scene: Scene) -> None:
    contract = scene.contract("IML-1", PLAIN).contract_id
    scene.post(contract, "household_payment", 80_000, date(2026, 8, 28))
    scene.charge_month(contract, SEP, 50_000, 5_000)
    august = scene.balance(contract, date(2026, 8, 31))
    assert (august.advance, august.owed, august.balance) == (80_000, 0, -80_000)
    september = scene.balance(contract, date(2026, 9, 30))
    assert (september.advance, september.owed, september.balance) == (25_000, 0, -25_000)


# ------------------------------------------------------------------ the arrears ladder's input


def test_contract_account_feeds_the_arrears_ladder(scene: Scene) -> None:
    contract = scene.contract("IML-1", RateInput(40_000, 4_000, 3_000, 0, 26_000, True)).contract_id
    for month in (SEP, OCT, NOV):
        scene.charge_month(contract, month)
    contracts.terminate(
        scene.database, actor=scene.gl, contract_id=contract, on=date(2026, 11, 1),
        reason="Résiliation judiciaire",
    )  # fmt: skip
    account = scene.database.run_read(lambda s: svc.contract_account(s, contract, NOV))
    assert account.household_id == scene.balance(contract, NOV).household_id
    assert [(s.start, s.share, s.housing_share) for s in account.shares] == [
        (SEP, 21_000, 18_000),  # rent + charges + services − benefit
        (NOV, 18_000, 18_000),  # an occupant without title owes the indemnity: no services
    ]
    assert [t.period for t in account.terms] == [SEP, OCT, NOV]
    assert sum(1 for c in account.credits if c.virtual) == 3
    assert account.kind == "sublease"
    payment = scene.post(contract, "household_payment", 5_000, date(2026, 10, 8))
    aid = scene.post(contract, "fsl_aid", 5_000, date(2026, 10, 9))
    later = scene.database.run_read(lambda s: svc.contract_account(s, contract, NOV))
    assert later.household_refs == {payment.entry_id}
    assert later.credit_kinds == {payment.entry_id: "household_payment", aid.entry_id: "fsl_aid"}
    level = ladder(account.terms, account.credits, account.shares, date(2026, 10, 15),
                   Parameters.defaults())  # fmt: skip
    assert (level.level, level.debt) == ("caf_threshold", 36_000)  # 2 × the housing share
    with pytest.raises(RefusedError, match="n'existe pas"):
        scene.database.run_read(lambda s: svc.contract_account(s, 99_999))


def test_reading_a_balance_costs_the_same_whatever_the_entries(
    scene: Scene, count_statements: Callable[..., Any]
) -> None:
    small = tiers_payant_account(scene)
    big = scene.contract("IML-2").contract_id
    for month in range(9, 13):
        scene.charge_month(big, date(2026, month, 1))
        for day in range(1, 10):
            scene.post(big, "household_payment", 1_000, date(2026, month, day))
    counts = []
    for contract in (small, big):
        with count_statements(scene.database.engine) as counter:
            scene.balance(contract, date(2026, 12, 31))
        counts.append(counter.count)
    assert counts[0] == counts[1]


# ------------------------------------------------------------------ property


@st.composite
def postings(draw: st.DrawFn) -> list[tuple[str, int, date, date | None]]:
    """Payments, aids and adjustments over four months, to be inserted in any order."""
    items: list[tuple[str, int, date, date | None]] = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(("household_payment", "fsl_aid", "housing_benefit")))
        posted = SEP + timedelta(days=draw(st.integers(0, 110)))
        month = draw(st.sampled_from((SEP, OCT, NOV, DEC)))
        period = month if kind == "housing_benefit" or draw(st.booleans()) else None
        items.append((kind, draw(st.integers(1, 50_000)), posted, period))
    return items


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(items=postings(), order=st.randoms(use_true_random=False))
def test_the_balance_does_not_depend_on_the_insertion_order(
    scene: Scene, items: list[tuple[str, int, date, date | None]], order: Any
) -> None:
    shuffled = list(items)
    order.shuffle(shuffled)
    results = []
    for sequence in (sorted(items, key=lambda item: item[2]), shuffled):
        contract = scene.contract("IML-3").contract_id
        for month in (SEP, OCT, NOV, DEC):
            scene.charge_month(contract, month)
        for kind, amount, posted, period in sequence:
            scene.post(contract, kind, amount, posted, period_month=period)
        balance = scene.balance(contract, date(2027, 1, 5))
        results.append(
            (
                balance.owed,
                balance.advance,
                balance.debt,
                balance.credits,
                balance.benefit_overdue,
                [(t.period_month, t.unsettled, t.expected) for t in balance.terms],
            )
        )
        lines = svc.account_lines(
            scene.database, actor=scene.gl, contract_id=contract, start=SEP, end=date(2027, 1, 5)
        )
        expected = balance.benefit_pending + balance.benefit_overdue
        assert lines[-1].balance == balance.balance + expected
        contracts.end_contract(
            scene.database, actor=scene.gl, contract_id=contract, end=date(2026, 12, 31),
            reason="Fin",
        )  # fmt: skip
    assert results[0] == results[1]


# ------------------------------------------------------------------ bulk postings


def bulk(scene: Scene, postings: list[svc.PostingInput], **kw: Any) -> svc.PostingsResult:
    kw.setdefault("today", TODAY)
    return svc.post_entries(
        scene.database, actor=kw.pop("actor", scene.gl), postings=postings, **kw
    )


def ledger_rows(scene: Scene) -> list[tuple[Any, ...]]:
    def read(session: Session) -> list[tuple[Any, ...]]:
        rows = session.execute(
            select(
                m.LedgerEntry.contract_id,
                m.LedgerEntry.kind,
                m.LedgerEntry.amount,
                m.LedgerEntry.posted_on,
                m.LedgerEntry.period_month,
                m.LedgerEntry.nature,
                m.LedgerEntry.payer,
                m.LedgerEntry.method,
                m.LedgerEntry.reference,
                m.LedgerEntry.reason,
                m.LedgerEntry.first_default_on,
                m.LedgerEntry.generated,
                m.LedgerEntry.created_by,
            ).order_by(m.LedgerEntry.id)
        )
        return [tuple(row) for row in rows]

    found: list[tuple[Any, ...]] = scene.read(read)
    return found


def written_counts(scene: Scene) -> tuple[int, int, int]:
    """Ledger entries, their history lines and the audit events about them."""

    def read(session: Session) -> tuple[int, int, int]:
        history = select(func.count()).where(m.ChangeHistory.entity == "ledger_entry")
        events = select(func.count()).where(m.AuditEvent.entity == "ledger_entry")
        return (
            session.scalar(select(func.count()).select_from(m.LedgerEntry)) or 0,
            session.scalar(history.select_from(m.ChangeHistory)) or 0,
            session.scalar(events.select_from(m.AuditEvent)) or 0,
        )

    counts: tuple[int, int, int] = scene.read(read)
    return counts


def test_many_postings_go_in_at_once_as_post_entry_writes_them(scene: Scene) -> None:
    first = scene.contract("IML-1").contract_id
    second = scene.contract("IML-2").contract_id
    postings = [
        svc.PostingInput(first, "household_payment", 18_000, date(2026, 9, 8),
                         period_month=date(2026, 9, 20), payer=" Mme Martin ", method="cheque",
                         reference="CHQ 42"),
        svc.PostingInput(second, "charge", 2_500, OCT, period_month=SEP, nature="damage"),
        svc.PostingInput(first, "housing_benefit", -5_000, date(2026, 10, 9), period_month=SEP),
        svc.PostingInput(second, "opening_balance", 12_000, SEP,
                         first_default_on=date(2026, 6, 15)),
        svc.PostingInput(first, "remission", 2_000, date(2026, 10, 5), reason="Geste"),
    ]  # fmt: skip
    result = bulk(scene, postings)
    assert (result.entries, result.households) == (5, 2)
    bulk_rows = ledger_rows(scene)
    assert bulk_rows[0] == (
        first, "household_payment", 18_000, date(2026, 9, 8), SEP, None, "Mme Martin",
        "cheque", "CHQ 42", None, None, False, scene.gl.user_id,
    )  # fmt: skip
    assert bulk_rows[3][10] == date(2026, 6, 15)
    # The same postings one by one give the same rows and the same history lines.
    for posting in postings:
        scene.post(
            posting.contract_id, posting.kind, posting.amount, posting.posted_on,
            period_month=posting.period_month, nature=posting.nature, payer=posting.payer,
            method=posting.method, reference=posting.reference, reason=posting.reason,
            first_default_on=posting.first_default_on,
        )  # fmt: skip
    assert ledger_rows(scene) == bulk_rows * 2

    def read(session: Session) -> tuple[list[list[Any]], list[Any]]:
        ids = list(session.scalars(select(m.LedgerEntry.id).order_by(m.LedgerEntry.id)))
        history = [
            sorted(
                session.execute(
                    select(
                        m.ChangeHistory.household_id,
                        m.ChangeHistory.field,
                        m.ChangeHistory.old_value,
                        m.ChangeHistory.new_value,
                        m.ChangeHistory.user_id,
                    ).where(
                        m.ChangeHistory.entity == "ledger_entry",
                        m.ChangeHistory.entity_id == entry_id,
                    )
                ).all()
            )
            for entry_id in ids
        ]
        events = session.execute(
            select(
                m.AuditEvent.action,
                m.AuditEvent.entity_id,
                m.AuditEvent.household_id,
                m.AuditEvent.fields,
                m.AuditEvent.count,
            )
            .where(m.AuditEvent.entity == "ledger_entry")
            .order_by(m.AuditEvent.id)
        ).all()
        return history, list(events)

    history, events = scene.read(read)
    assert history[:5] == history[5:]
    assert {line[1] for line in history[3]} == {"kind", "amount", "posted_on", "first_default_on"}
    assert len(events) == 1 + len(postings)  # one for the bulk, one per entry posted alone
    assert events[0] == (
        "create", None, None,
        "amount,contract_id,first_default_on,kind,method,nature,payer,period_month,posted_on,"
        "reason,reference",
        5,
    )  # fmt: skip
    assert scene.database.run_read(audit.verify).ok
    balance = scene.balance(first, date(2026, 12, 31))
    assert balance.credited("household_payment") == 2 * 18_000


def test_one_household_names_the_event_and_an_empty_list_writes_nothing(scene: Scene) -> None:
    info = scene.contract("IML-1")
    assert bulk(scene, []) == svc.PostingsResult(entries=0, households=0)
    assert written_counts(scene) == (0, 0, 0)
    postings = [
        svc.PostingInput(info.contract_id, "household_payment", 1_000, date(2026, 9, day))
        for day in (1, 2)
    ]
    assert bulk(scene, postings) == svc.PostingsResult(entries=2, households=1)
    events = scene.read(
        lambda s: s.execute(
            select(m.AuditEvent.household_id, m.AuditEvent.count).where(
                m.AuditEvent.entity == "ledger_entry"
            )
        ).all()
    )
    assert events == [(info.household_id, 2)]


def test_a_failing_posting_among_many_writes_nothing(scene: Scene) -> None:
    contract = scene.contract("IML-1").contract_id
    postings = [
        svc.PostingInput(contract, "household_payment", 100 + i, SEP + timedelta(days=i % 90))
        for i in range(2_000)
    ]
    postings[1_234] = svc.PostingInput(contract, "household_payment", 0, NOV)
    postings[1_500] = svc.PostingInput(
        contract, "charge", 100, date(2027, 2, 1), period_month=date(2026, 8, 1)
    )
    with pytest.raises(InvalidInput) as error:
        bulk(scene, postings)
    assert {(issue.field, issue.code) for issue in error.value.issues} == {
        ("postings[1234].amount", "ledger.amount_zero"),
        ("postings[1500].nature", "ledger.nature_required"),
        ("postings[1500].posted_on", "ledger.posted_in_future"),
        ("postings[1500].period_month", "ledger.period_before_contract"),
    }
    texts = {issue.field: issue.text for issue in error.value.issues}
    assert texts["postings[1500].posted_on"] == "La date d'écriture (01/02/2027) est dans le futur."
    assert written_counts(scene) == (0, 0, 0)
    with pytest.raises(TypeError):
        bulk(scene, [svc.PostingInput(contract, "household_payment", 12.5, NOV)])  # type: ignore[arg-type]


def test_every_contract_of_the_postings_is_in_the_actors_scope(scene: Scene) -> None:
    iml = scene.contract("IML-1").contract_id
    pension = scene.contract("PF-1", PLAIN).contract_id
    mixed = [
        svc.PostingInput(pension, "household_payment", 100, NOV),
        svc.PostingInput(iml, "household_payment", 100, NOV),
    ]
    with pytest.raises(RefusedError, match="passer des écritures"):
        bulk(scene, mixed, actor=scene.actors["gl_pension"])
    with pytest.raises(RefusedError, match="n'existe pas"):
        bulk(scene, [*mixed, svc.PostingInput(10_000, "household_payment", 100, NOV)])
    assert written_counts(scene) == (0, 0, 0)
    result = bulk(scene, mixed[:1] * 3, actor=scene.actors["gl_pension"])
    assert (result.entries, result.households) == (3, 1)


def test_posting_in_bulk_costs_the_same_statements_whatever_the_number(
    scene: Scene, count_statements: Callable[..., Any]
) -> None:
    accounts = [scene.contract(f"IML-{n}").contract_id for n in (1, 2, 3)]
    statements = []
    for size in (30, 2_100):
        postings = [
            svc.PostingInput(
                accounts[i % 3],
                "household_payment",
                100 + i,
                SEP + timedelta(days=i % 120),
                period_month=SEP,
                method="transfer",
            )
            for i in range(size)
        ]
        with count_statements(scene.database.engine) as counter:
            result = bulk(scene, postings)
        assert (result.entries, result.households) == (size, 3)
        statements.append(counter.statements)
    small, big = ([s for s in run if not s.startswith("INSERT")] for run in statements)
    assert big == small  # the same reads: per household, never per posting
    inserts = [s for s in statements[1] if s.startswith("INSERT")]
    # Rows go in pages of at most 1 000 (SQLAlchemy's "insertmanyvalues"), never one by one:
    # 3 pages of entries, their 8 400 history lines, the one audit event.
    assert len(inserts) <= 3 + 9 + 1
    assert sum(s.startswith("INSERT INTO ledger_entry") for s in inserts) == 3
    assert written_counts(scene) == (2_130, 4 * 2_130, 2)


def test_bulk_progress_is_reported_and_a_cancelled_bulk_writes_nothing(scene: Scene) -> None:
    contract = scene.contract("IML-1").contract_id
    postings = [
        svc.PostingInput(contract, "household_payment", 100, SEP + timedelta(days=i % 60))
        for i in range(1_200)
    ]
    stopped = TaskControl()
    stopped.cancel()
    with pytest.raises(Cancelled):
        bulk(scene, postings, control=stopped)
    assert written_counts(scene) == (0, 0, 0)
    seen: list[tuple[int, int]] = []
    assert bulk(scene, postings, control=TaskControl(lambda *p: seen.append(p))).entries == 1_200
    assert seen == [(0, 1_200), (500, 1_200), (1_000, 1_200), (1_200, 1_200)]
