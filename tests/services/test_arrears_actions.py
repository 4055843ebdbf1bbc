"""Arrears actions and letters over a real ledger (DOMAIN §2 Actions, §4.8; issue 6 point 7).

The scene is DOMAIN §4's example A: rent 400 + charges 40, benefit 260 paid to the
association, the household pays June and nothing from July. On 20/10/2026 it owes 4 × 180 €.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import Connection, func, insert, select, update

from desktop_app.domain import arrears as rules
from desktop_app.domain import vocabulary as v
from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.periods import add_months
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services import arrears_actions as svc
from desktop_app.services.arrears import arrears_list
from desktop_app.services.arrears_actions import InstalmentInput
from desktop_app.services.charges import generate_month
from desktop_app.services.contracts import RateInput, create_contract
from desktop_app.services.documents import list_documents, read_document_content
from desktop_app.services.households import MemberInput, create_household
from desktop_app.services.ledger import post_entry
from desktop_app.services.organisation import create_association
from desktop_app.services.stays import open_stay
from desktop_app.services.system import Workspace, open_workspace
from tests.reports.test_pdf_receipts import pdf_text

pytestmark = pytest.mark.db

START = date(2026, 6, 1)
TODAY = date(2026, 11, 20)
ON = date(2026, 10, 20)
NOW = datetime(2026, 10, 20, 9, 30, tzinfo=UTC)


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def user(connection: Connection, login: str, name: str) -> int:
    return add(
        connection,
        m.UserAccount,
        login=login,
        display_name=name,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


@dataclass
class Scene:
    workspace: Workspace
    household: int
    contract: int
    programme: int
    head: int  # the head's person id
    manager: Actor  # rental management, every contract
    coordinator: Actor
    worker: Actor  # social worker, key worker of the household
    outsider: Actor  # a social worker who does not follow it
    secretary: Actor

    @property
    def database(self) -> Database:
        return self.workspace.database

    def record(self, **changes: Any) -> svc.ArrearsActionInfo:
        values: dict[str, Any] = {
            "contract_id": self.contract,
            "kind": "reminder_call",
            "action_date": date(2026, 10, 1),
            "today": TODAY,
            "now": NOW,
        }
        values.update(changes)
        actor = values.pop("actor", self.manager)
        return svc.record_action(self.database, actor=actor, **values)

    def letter(self, kind: str, **changes: Any) -> svc.LetterIssued:
        values: dict[str, Any] = {
            "contract_id": self.contract,
            "kind": kind,
            "written_on": ON,
            "today": TODAY,
            "now": NOW,
        }
        if kind == "formal_notice":
            values["deadline"] = date(2026, 11, 5)
        if kind == "repayment_plan":
            values["instalments"] = [
                InstalmentInput(date(2026, 11, 15), 24_000),
                InstalmentInput(date(2026, 12, 15), 24_000),
                InstalmentInput(date(2027, 1, 15), 24_000),
            ]
        values.update(changes)
        actor = values.pop("actor", self.manager)
        return svc.issue_letter(self.database, actor=actor, **values)

    def actions(self, actor: Actor | None = None) -> list[svc.ArrearsActionInfo]:
        return svc.list_actions(
            self.database, actor=actor or self.manager, contract_id=self.contract
        )

    def reminders(self, on: date = ON) -> set[str]:
        [line] = arrears_list(self.database, actor=SYSTEM_ACTOR, on=on)
        return {reminder.code for reminder in line.assessment.reminders}

    def protect_head(self) -> int:
        """The head is under curatelle renforcée, with the UDAF as mandataire."""
        with self.database.begin_write() as c:
            udaf = add(
                c,
                m.Partner,
                name="UDAF du Rhône",
                kind="legal_guardian",
                address="12 rue Servient",
                postcode="69003",
                commune="Lyon",
            )
            c.execute(
                update(m.Person)
                .where(m.Person.id == self.head)
                .values(legal_protection="reinforced_curatorship", mandataire_id=udaf)
            )
        return udaf


def build_scene(target: DatabaseTarget, *, association: bool = True) -> Scene:
    """Example A of DOMAIN §4 with an association, a few users and a key worker."""
    workspace = open_workspace(target)
    db = workspace.database
    with db.begin_write() as c:
        programme = add(c, m.Programme, name="IML Lyon", kind="iml_sublease")
        add(c, m.Programme, name="Pension Les Tilleuls", kind="boarding_house")
        dwelling = add(
            c,
            m.Dwelling,
            reference="LOG-A",
            address="1 rue des Lilas",
            postcode="69008",
            commune="Lyon",
            programme_id=programme,
        )
        ids = {
            login: user(c, login, name)
            for login, name in (
                ("paul", "Paul Girard"),
                ("claire", "Claire Martin"),
                ("sami", "Sami Haddad"),
                ("ines", "Inès Roux"),
                ("zoe", "Zoé Petit"),
            )
        }
    if association:
        create_association(
            db,
            actor=SYSTEM_ACTOR,
            name="Habitat Solidaire Rhône",
            address="3 place Bellecour",
            postcode="69002",
            commune="Lyon",
        )
    created = create_household(
        db,
        actor=SYSTEM_ACTOR,
        start=START,
        key_worker_id=ids["sami"],
        members=[
            MemberInput("Martin", "Léa", None, "f", "head"),
            MemberInput("Martin", "Karim", None, "h", "partner"),
        ],
    )
    household = created.household_id
    open_stay(
        db,
        actor=SYSTEM_ACTOR,
        household_id=household,
        programme_id=programme,
        entry=START,
        today=START,
    )
    contract = create_contract(
        db,
        actor=SYSTEM_ACTOR,
        household_id=household,
        dwelling_id=dwelling,
        kind="sublease",
        start=START,
        rate=RateInput(rent=40_000, charges=4_000, expected_benefit=26_000, tiers_payant=True),
    ).contract_id
    month = START
    while month <= date(2026, 11, 1):
        generate_month(db, actor=SYSTEM_ACTOR, month=month, today=TODAY)
        paid_on = add_months(month, 1).replace(day=10)
        if paid_on <= TODAY:
            post_entry(
                db,
                actor=SYSTEM_ACTOR,
                contract_id=contract,
                kind="housing_benefit",
                amount=26_000,
                posted_on=paid_on,
                period_month=month,
                payer="CAF",
                today=TODAY,
            )
        month = add_months(month, 1)
    post_entry(
        db,
        actor=SYSTEM_ACTOR,
        contract_id=contract,
        kind="household_payment",
        amount=18_000,
        posted_on=date(2026, 6, 8),
        today=TODAY,
    )
    with db.read() as session:
        head = session.scalar(
            select(m.Membership.person_id).where(
                m.Membership.household_id == household, m.Membership.role == "head"
            )
        )
    assert head is not None

    def actor(login: str, role: str) -> Actor:
        return Actor(user_id=ids[login], login=login, grants=(Grant(role),))

    return Scene(
        workspace=workspace,
        household=household,
        contract=contract,
        programme=programme,
        head=head,
        manager=actor("paul", "rental_manager"),
        coordinator=actor("claire", "coordinator"),
        worker=actor("sami", "social_worker"),
        outsider=actor("ines", "social_worker"),
        secretary=actor("zoe", "secretary"),
    )


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    built = build_scene(database_target)
    yield built
    built.workspace.close()


# ------------------------------------------------------------------ recording steps

STEPS: list[tuple[str, dict[str, Any]]] = [
    ("reminder_call", {"detail": "Message laissé, rappel promis jeudi"}),
    ("reminder_letter", {}),
    ("formal_notice", {"delivered_on": date(2026, 10, 3)}),
    (
        "repayment_plan",
        {
            "amount": 36_000,
            "instalments": [
                InstalmentInput(date(2026, 11, 10), 18_000),
                InstalmentInput(date(2026, 12, 10), 18_000),
            ],
        },
    ),
    ("caf_report", {}),
    ("caf_or_ccapex_decision", {"outcome": "benefit_maintained"}),
    ("fsl_application", {"outcome": "grant_and_loan", "amount": 45_000}),
    ("ccapex_referral", {}),
    ("payment_order", {"amount": 72_000, "delivered_on": date(2026, 10, 2)}),
    ("summons", {}),
    ("hearing", {"detail": "Renvoyée au 12/01/2027"}),
    ("judgment", {"outcome": "delays", "amount": 72_000}),
    ("order_to_leave", {}),
    ("police_assistance", {}),
    ("departure", {}),
    ("overindebtedness", {"outcome": "filed"}),
]


def test_every_kind_of_step_is_covered() -> None:
    assert [kind for kind, _ in STEPS] == list(v.ARREARS_ACTION.codes)
    for kind, outcomes in svc.OUTCOMES.items():
        assert kind in v.ARREARS_ACTION
        for outcome in outcomes:
            assert svc.outcome_label(kind, outcome)
    assert [svc.letter_label(kind) for kind in svc.LETTER_KINDS] == [
        "Courrier de rappel",
        "Mise en demeure",
        "Plan d'apurement amiable",
        "Courrier au mandataire",
    ]


@pytest.mark.parametrize(("kind", "extra"), STEPS, ids=[kind for kind, _ in STEPS])
def test_each_step_is_recorded_and_read_back(scene: Scene, kind: str, extra: dict) -> None:
    recorded = scene.record(kind=kind, **extra)

    [shown] = scene.actions()
    assert shown == recorded
    assert (shown.kind, shown.action_date, shown.created_by) == (
        kind,
        date(2026, 10, 1),
        "Paul Girard",
    )
    assert shown.label == v.ARREARS_ACTION.label(kind)
    assert shown.outcome == extra.get("outcome")
    assert shown.delivered_on == extra.get("delivered_on")
    if "amount" in extra:
        assert shown.amount == extra["amount"]
    if kind == "repayment_plan":
        assert [(i.due_on, i.amount) for i in shown.instalments] == [
            (date(2026, 11, 10), 18_000),
            (date(2026, 12, 10), 18_000),
        ]
    with scene.database.read() as session:
        events = session.scalar(
            select(func.count())
            .select_from(m.AuditEvent)
            .where(m.AuditEvent.entity == "arrears_action", m.AuditEvent.action == "create")
        )
        history = set(
            session.scalars(
                select(m.ChangeHistory.field).where(
                    m.ChangeHistory.entity == "arrears_action",
                    m.ChangeHistory.entity_id == recorded.action_id,
                )
            )
        )
    assert events == 1
    assert {"kind", "action_date"} <= history
    assert "detail" not in history  # free text never goes into the business history


def test_a_plan_without_its_amount_takes_the_sum_of_its_instalments(scene: Scene) -> None:
    plan = scene.record(
        kind="repayment_plan",
        instalments=[
            InstalmentInput(date(2026, 12, 10), 10_000),
            InstalmentInput(date(2026, 11, 10), 26_000),
        ],
    )
    assert plan.amount == 36_000
    assert [i.due_on for i in plan.instalments] == [date(2026, 11, 10), date(2026, 12, 10)]


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        (
            {"amount": 40_000, "instalments": [InstalmentInput(date(2026, 11, 10), 36_000)]},
            "amount",
            "arrears_action.plan_sum_differs",
        ),
        ({"instalments": []}, "instalments", "arrears_action.plan_needs_instalments"),
        (
            {"instalments": [InstalmentInput(date(2026, 11, 10), 0)]},
            "instalments",
            "arrears_action.instalment_not_positive",
        ),
        (
            {"instalments": [InstalmentInput(date(2026, 9, 10), 10_000)]},
            "instalments",
            "arrears_action.instalment_before_plan",
        ),
        (
            {
                "instalments": [
                    InstalmentInput(date(2026, 11, 10), 10_000),
                    InstalmentInput(date(2026, 11, 10), 5_000),
                ]
            },
            "instalments",
            "arrears_action.instalment_twice",
        ),
    ],
)
def test_plan_instalments_are_checked(scene: Scene, changes: dict, field: str, code: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        scene.record(kind="repayment_plan", **changes)
    assert (field, code) in {(i.field, i.code) for i in refused.value.issues}
    assert scene.actions() == []


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"kind": "visit"}, "kind", "arrears_action.kind_unknown"),
        ({"action_date": date(2026, 11, 21)}, "action_date", "arrears_action.date_in_future"),
        ({"action_date": date(2026, 5, 31)}, "action_date", "arrears_action.date_before_contract"),
        (
            {"kind": "formal_notice", "delivered_on": date(2026, 9, 30)},
            "delivered_on",
            "arrears_action.delivery_before_date",
        ),
        ({"outcome": "delays"}, "outcome", "arrears_action.outcome_not_allowed"),
        (
            {"kind": "judgment", "outcome": "won"},
            "outcome",
            "arrears_action.outcome_unknown",
        ),
        ({"amount": 1_000}, "amount", "arrears_action.amount_not_allowed"),
        ({"kind": "fsl_application", "amount": 0}, "amount", "arrears_action.amount_not_positive"),
        (
            {"instalments": [InstalmentInput(date(2026, 11, 10), 10_000)]},
            "instalments",
            "arrears_action.instalments_not_allowed",
        ),
        ({"detail": "x" * 2_001}, "detail", "arrears_action.detail_too_long"),
    ],
)
def test_refusals_name_their_field_and_write_nothing(
    scene: Scene, changes: dict, field: str, code: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        scene.record(**changes)
    assert [(i.field, i.code) for i in refused.value.issues] == [(field, code)]
    assert refused.value.issues[0].text  # a French sentence
    assert scene.actions() == []


def test_a_float_amount_is_a_programming_error(scene: Scene) -> None:
    with pytest.raises(TypeError):
        scene.record(kind="fsl_application", amount=450.0)


def test_proof_of_delivery_added_later_with_the_version_read(scene: Scene) -> None:
    notice = scene.record(kind="formal_notice")
    delivered = svc.record_delivery(
        scene.database,
        actor=scene.manager,
        action_id=notice.action_id,
        delivered_on=date(2026, 10, 4),
        version=notice.version,
        today=TODAY,
    )
    assert delivered.delivered_on == date(2026, 10, 4)
    assert scene.actions()[0].delivered_on == date(2026, 10, 4)

    with pytest.raises(RefusedError, match="modifiée par paul"):
        svc.record_delivery(
            scene.database,
            actor=scene.manager,
            action_id=notice.action_id,
            delivered_on=date(2026, 10, 5),
            version=notice.version,  # stale: read before the first update
            today=TODAY,
        )
    with pytest.raises(InvalidInput) as refused:
        svc.record_delivery(
            scene.database,
            actor=scene.manager,
            action_id=notice.action_id,
            delivered_on=date(2026, 9, 1),
            version=delivered.version,
            today=TODAY,
        )
    assert "précède" in refused.value.text
    assert scene.actions()[0].delivered_on == date(2026, 10, 4)


# ------------------------------------------------------------------ who may


def test_who_records_steps(scene: Scene) -> None:
    """Pinned: ``contract.edit`` — rental management, coordination, the key worker."""
    for actor in (scene.manager, scene.coordinator, scene.worker):
        scene.record(actor=actor)
    assert [a.created_by for a in scene.actions()] == [
        "Sami Haddad",
        "Claire Martin",
        "Paul Girard",
    ]
    with pytest.raises(RefusedError, match="Vos droits"):
        scene.record(actor=scene.outsider)  # not their caseload
    with pytest.raises(RefusedError, match="Vos droits"):
        scene.record(actor=scene.secretary)
    intern = Actor(user_id=None, login="stagiaire", grants=(Grant("intern"),))
    with pytest.raises(RefusedError, match="Vos droits"):
        scene.record(actor=intern)
    assert len(scene.actions()) == 3


def test_a_social_worker_lists_steps_without_amounts_and_writes_no_letter(scene: Scene) -> None:
    scene.record(kind="fsl_application", outcome="grant", amount=45_000)
    [seen] = scene.actions(scene.worker)
    assert (seen.kind, seen.outcome_label, seen.amount) == (
        "fsl_application",
        "Accordée – subvention",
        None,
    )
    assert not seen.amounts_visible
    with pytest.raises(RefusedError, match="montants du compte"):
        scene.letter("reminder", actor=scene.worker)
    assert len(scene.actions()) == 1


# ------------------------------------------------------------------ the ladder's reminders


def test_a_caf_report_closes_its_reminder_and_opens_the_plan_one(scene: Scene) -> None:
    assert scene.reminders() == {rules.CAF_REPORT, rules.CCAPEX_REFERRAL}

    scene.record(kind="caf_report", action_date=date(2026, 10, 2))

    assert scene.reminders() == {rules.CAF_PLAN, rules.CCAPEX_REFERRAL}
    [line] = arrears_list(scene.database, actor=SYSTEM_ACTOR, on=ON)
    plan = next(r for r in line.assessment.reminders if r.code == rules.CAF_PLAN)
    assert plan.due == date(2027, 4, 2)

    scene.record(kind="ccapex_referral", action_date=date(2026, 10, 16))
    assert scene.reminders() == {rules.CAF_PLAN}


def test_a_plan_kept_shows_beside_the_level(scene: Scene) -> None:
    scene.letter("repayment_plan")
    [line] = arrears_list(scene.database, actor=SYSTEM_ACTOR, on=ON)
    assert [status.code for status in line.assessment.statuses] == [rules.PLAN_KEPT]
    assert rules.CAF_REPORT in scene.reminders()  # a plan does not replace the report


# ------------------------------------------------------------------ letters


def test_a_reminder_letter_is_stored_in_the_file_and_read_back(scene: Scene) -> None:
    issued = scene.letter("reminder", pay_by=date(2026, 10, 31), detail="Envoyé par courrier")

    assert issued.title == "Courrier de rappel du 20/10/2026"
    assert issued.file_name == "M-00001_2026-10-20_rappel.pdf"
    assert (issued.action.kind, issued.action.document_id) == (
        "reminder_letter",
        issued.document_id,
    )
    stored = read_document_content(
        scene.database, actor=scene.manager, document_id=issued.document_id
    )
    assert stored.content == issued.content
    assert stored.media_type == "application/pdf"
    text = pdf_text(stored.content)
    for expected in (
        "Habitat Solidaire Rhône",
        "Mme Léa Martin",
        "M. Karim Martin",
        "1 rue des Lilas",
        "juillet 2026",
        "octobre 2026",
        "720,00 €",
        "Paul Girard",
        "avant le 31/10/2026",
    ):
        assert expected in text, expected
    [document] = list_documents(scene.database, actor=SYSTEM_ACTOR, household_id=scene.household)
    assert (document.kind, document.title, document.contract_id) == (
        "letter",
        issued.title,
        scene.contract,
    )
    [action] = scene.actions()
    assert (action.document_id, action.detail) == (issued.document_id, "Envoyé par courrier")


def test_a_formal_notice_recalls_the_earlier_letters_and_the_caf(scene: Scene) -> None:
    scene.letter("reminder", written_on=date(2026, 8, 20))
    scene.letter("reminder")  # the same day: not an earlier letter
    issued = scene.letter("formal_notice", actor=scene.coordinator)

    assert issued.action.kind == "formal_notice"
    text = pdf_text(issued.content)
    assert "Mise en demeure" in text
    assert "Malgré notre courrier du 20/08/2026" in text
    assert "avant le 05/11/2026" in text
    assert "signalons cet impayé à la CAF" in text
    assert "720,00 €" in text
    assert "Claire Martin Coordination" in text  # who signs, and as what


def test_a_repayment_plan_letter_records_the_plan_with_its_instalments(scene: Scene) -> None:
    issued = scene.letter("repayment_plan")

    plan = issued.action
    assert (plan.kind, plan.amount) == ("repayment_plan", 72_000)
    assert [i.amount for i in plan.instalments] == [24_000, 24_000, 24_000]
    text = pdf_text(issued.content)
    assert "Plan d'apurement amiable" in text
    assert "15/01/2027" in text
    assert "Lu et approuvé" in text


def test_a_plan_above_the_debt_is_refused(scene: Scene) -> None:
    with pytest.raises(InvalidInput) as refused:
        scene.letter("repayment_plan", instalments=[InstalmentInput(date(2026, 11, 15), 80_000)])
    [issue] = refused.value.issues
    assert issue.code == "arrears_letter.plan_exceeds_debt"
    assert "720,00\xa0€" in issue.text
    assert scene.actions() == []


def test_the_mandataire_receives_the_letter_and_copies_of_the_others(scene: Scene) -> None:
    with pytest.raises(InvalidInput) as refused:
        scene.letter("mandataire")
    assert "mandataire enregistré" in refused.value.text
    scene.protect_head()

    issued = scene.letter("mandataire")

    assert (issued.action.kind, issued.action.outcome) == ("reminder_letter", "to_mandataire")
    text = pdf_text(issued.content)
    assert "UDAF du Rhône" in text
    assert "12 rue Servient" in text
    assert "curatelle renforcée de Mme Léa Martin" in text
    reminder = pdf_text(scene.letter("reminder").content)
    assert "Copie : UDAF du Rhône (mandataire)" in reminder


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"written_on": date(2026, 7, 14)}, "written_on", "arrears_letter.no_debt"),
        (
            {"kind": "formal_notice", "deadline": None},
            "deadline",
            "arrears_letter.deadline_required",
        ),
        (
            {"kind": "formal_notice", "deadline": ON},
            "deadline",
            "arrears_letter.deadline_not_after",
        ),
        ({"pay_by": date(2026, 10, 1)}, "pay_by", "arrears_letter.pay_by_not_after"),
        ({"written_on": date(2026, 12, 1)}, "written_on", "arrears_action.date_in_future"),
        ({"kind": "poster"}, "kind", "arrears_letter.kind_unknown"),
    ],
)
def test_letter_refusals(scene: Scene, changes: dict, field: str, code: str) -> None:
    kind = changes.pop("kind", "reminder")
    with pytest.raises(InvalidInput) as refused:
        scene.letter(kind, **changes)
    assert (field, code) in {(i.field, i.code) for i in refused.value.issues}
    assert scene.actions() == []
    assert list_documents(scene.database, actor=SYSTEM_ACTOR, household_id=scene.household) == []


def test_a_protected_file_gets_its_letters_from_its_circle_only(scene: Scene) -> None:
    with scene.database.begin_write() as c:
        c.execute(
            update(m.Household).where(m.Household.id == scene.household).values(protected=True)
        )
    with pytest.raises(RefusedError, match="Dossier protégé"):
        scene.letter("reminder")
    assert scene.letter("reminder", actor=SYSTEM_ACTOR).action.kind == "reminder_letter"


def test_a_letter_needs_the_association(database_target: DatabaseTarget) -> None:
    bare = build_scene(database_target, association=False)
    try:
        with pytest.raises(RefusedError, match="Renseignez d'abord l'association"):
            bare.letter("reminder")
        assert bare.actions() == []
    finally:
        bare.workspace.close()


# ------------------------------------------------------------------ the screen's helpers


def test_programmes_of_the_contracts_in_scope(scene: Scene) -> None:
    assert svc.contract_programmes(
        scene.database, actor=scene.manager, contract_ids=[scene.contract]
    ) == {scene.contract: "IML Lyon"}
    scoped = Actor(user_id=None, login="x", grants=(Grant("social_worker", programme_id=0),))
    assert (
        svc.contract_programmes(scene.database, actor=scoped, contract_ids=[scene.contract]) == {}
    )


def test_an_export_is_in_the_security_log(scene: Scene) -> None:
    svc.record_arrears_export(scene.database, actor=scene.manager, count=3)
    with scene.database.read() as session:
        event = session.execute(
            select(m.AuditEvent.entity, m.AuditEvent.count, m.AuditEvent.actor).where(
                m.AuditEvent.action == "export"
            )
        ).one()
    assert tuple(event) == ("arrears", 3, "paul")
    with pytest.raises(RefusedError):
        svc.record_arrears_export(scene.database, actor=scene.worker, count=1)
