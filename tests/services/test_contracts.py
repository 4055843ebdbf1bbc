"""Contracts and the life of a bail glissant, on real databases (DOMAIN §2, §7)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, insert, select, update
from sqlalchemy.orm import Session

from desktop_app.domain import messages
from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services import charges, ledger
from desktop_app.services import contracts as svc
from desktop_app.services.contracts import RateInput, ReviewCriteria
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
NOW = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
SOURCE = Path(svc.__file__).read_text(encoding="utf-8")
RATE = RateInput(rent=45_000, charges=5_000, expected_benefit=20_000, tiers_payant=True)
PLAIN = RateInput(rent=40_000, charges=3_000)


@pytest.fixture(autouse=True)
def _codes_not_yet_in_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refusals format their French text at once: stand in for texts the catalogue lacks.

    Once the catalogue has them, this adds nothing and the real texts are formatted (so a
    missing placeholder parameter still fails here).
    """
    used = set(re.findall(r'"((?:contract|rate|sliding)\.[a-z_]+)"', SOURCE))
    missing = {code: code for code in used if code not in messages.MESSAGES}
    monkeypatch.setattr(messages, "MESSAGES", {**messages.MESSAGES, **missing})


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
    residences: dict[str, int] = field(default_factory=dict)
    dwellings: dict[str, int] = field(default_factory=dict)
    leases: dict[str, int] = field(default_factory=dict)

    def household(
        self, reference: str, programme: str | None = None, entry: date = date(2025, 1, 1)
    ) -> tuple[int, int | None]:
        """A household of sw's caseload, with a stay in ``programme`` from ``entry``."""
        with self.database.begin_write() as c:
            household_id = add(c, m.Household, reference=reference, key_worker_id=self.user("sw"))
            stay_id = None
            if programme is not None:
                stay_id = add(
                    c,
                    m.Stay,
                    household_id=household_id,
                    programme_id=self.programmes[programme],
                    entry_date=entry,
                )
        return household_id, stay_id

    def user(self, login: str) -> int:
        user_id = self.actors[login].user_id
        assert user_id is not None
        return user_id

    def create(
        self, household_id: int, dwelling: str, kind: str, **kwargs: Any
    ) -> svc.ContractInfo:
        kwargs.setdefault("start", date(2025, 1, 1))
        kwargs.setdefault("rate", RATE)
        return svc.create_contract(
            self.database,
            actor=kwargs.pop("actor", self.actors["sw"]),
            household_id=household_id,
            dwelling_id=self.dwellings[dwelling],
            kind=kind,
            **kwargs,
        )

    def read(self, work: Callable[[Session], Any]) -> Any:
        return self.database.run_read(work)


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    workspace = open_workspace(database_target)
    db = workspace.database
    grants = {
        "sw": Grant("social_worker"),
        "sw2": Grant("social_worker"),
        "gl": Grant("rental_manager"),
        "coord": Grant("coordinator"),
        "host": None,  # residence scoped below
        "host2": None,
        "volunteer": Grant("volunteer"),
    }
    ids: dict[str, int] = {}
    scene = Scene(db, {})
    with db.begin_write() as c:
        for login in grants:
            ids[login] = add(c, m.UserAccount, login=login, display_name=login, created_at=NOW)
        for name, kind in (
            ("IML", "iml_sublease"),
            ("BG", "sliding_lease"),
            ("MANDAT", "iml_mandate"),
            ("PENSION", "boarding_house"),
        ):
            scene.programmes[name] = add(c, m.Programme, name=name, kind=kind)
        for name in ("Tilleuls", "Acacias"):
            scene.residences[name] = add(
                c, m.Residence, name=name, programme_id=scene.programmes["PENSION"]
            )
        social = add(c, m.Landlord, name="Rhône Habitat Solidaire", kind="social")
        for reference, programme, residence, lots in (
            ("IML-1", "IML", None, 1),
            ("IML-2", "IML", None, 2),
            ("BG-1", "BG", None, 1),
            ("BG-2", "BG", None, 1),
            ("BG-3", "BG", None, 1),  # no main lease
            ("MAN-1", "MANDAT", None, 1),
            ("PF-1", "PENSION", "Tilleuls", 1),
            ("PF-2", "PENSION", "Acacias", 1),
            ("RET-1", "IML", None, 1),
        ):
            scene.dwellings[reference] = add(
                c,
                m.Dwelling,
                reference=reference,
                address="1 rue du Test",
                commune="Lyon",
                programme_id=scene.programmes[programme],
                residence_id=scene.residences[residence] if residence else None,
                lots=lots,
                places=lots,
                captured_on=date(2024, 1, 1),
                returned_on=date(2025, 6, 30) if reference == "RET-1" else None,
                # an HLM landlord informs the préfet: only BG-1's plan has that reminder
                landlord_id=social if reference == "BG-1" else None,
            )
        for reference in ("BG-1", "BG-2", "IML-1"):
            scene.leases[reference] = add(
                c,
                m.MainLease,
                dwelling_id=scene.dwellings[reference],
                start_date=date(2024, 1, 1),
                rent=50_000,
                charges=5_000,
                has_sliding_clause=reference.startswith("BG"),
            )
    grants["host"] = Grant("host", residence_id=scene.residences["Tilleuls"])
    grants["host2"] = Grant("host", residence_id=scene.residences["Acacias"])
    scene.actors = {
        login: Actor(user_id=ids[login], login=login, grants=(grant,))
        for login, grant in grants.items()
        if grant is not None
    }
    yield scene
    workspace.close()


def codes(error: pytest.ExceptionInfo[InvalidInput]) -> set[str]:
    return {issue.code for issue in error.value.issues}


def history(scene: Scene, entity: str, field_name: str) -> list[tuple[str | None, str | None]]:
    def read(session: Session) -> list[tuple[str | None, str | None]]:
        rows = session.execute(
            select(m.ChangeHistory.old_value, m.ChangeHistory.new_value)
            .where(m.ChangeHistory.entity == entity, m.ChangeHistory.field == field_name)
            .order_by(m.ChangeHistory.id)
        )
        return [(old, new) for old, new in rows]

    result: list[tuple[str | None, str | None]] = scene.read(read)
    return result


def events(scene: Scene, entity: str) -> list[tuple[str, str | None]]:
    def read(session: Session) -> list[tuple[str, str | None]]:
        rows = session.execute(
            select(m.AuditEvent.action, m.AuditEvent.fields)
            .where(m.AuditEvent.entity == entity)
            .order_by(m.AuditEvent.id)
        )
        return [(action, fields) for action, fields in rows]

    result: list[tuple[str, str | None]] = scene.read(read)
    return result


# ------------------------------------------------------------------ creation


def test_each_kind_in_its_programme(scene: Scene) -> None:
    h1, stay1 = scene.household("M-1", "IML")
    sublease = scene.create(h1, "IML-1", "sublease", rate=PLAIN, renewal_date=date(2026, 1, 1))
    assert (sublease.kind, sublease.state, sublease.end) == ("sublease", "active", None)
    assert sublease.dwelling_reference == "IML-1"
    assert sublease.stay_id == stay1  # the stay covering the start is linked
    assert sublease.rates == (svc.RateInfo(date(2025, 1, 1), 40_000, 3_000, 0, 0, 0, False, 5),)
    assert sublease.benefit_statuses == ()
    assert sublease.plan is None

    h2, _ = scene.household("M-2", "BG")
    sliding = scene.create(h2, "BG-1", "sliding_sublease")
    assert sliding.benefit_statuses == (svc.BenefitStatusInfo(date(2025, 1, 1), "paid"),)
    assert sliding.plan is not None
    assert (sliding.plan.outcome, sliding.plan.review_period_months) == ("in_progress", 6)
    assert sliding.plan.max_months == 24

    h3, _ = scene.household("M-3", "MANDAT")
    assert scene.create(h3, "MAN-1", "lease_mandate").kind == "lease_mandate"
    h4, _ = scene.household("M-4", "PENSION")
    agreement = scene.create(h4, "PF-1", "residence_agreement", rate=PLAIN)
    assert agreement.programme_kind == "boarding_house"

    # Decision: a sliding sublease is possible in an IML sous-location programme too.
    h5, _ = scene.household("M-5", "IML")
    assert scene.create(h5, "IML-2", "sliding_sublease").plan is not None
    assert {
        info.contract_id
        for info in svc.contract_file(scene.database, actor=scene.actors["sw"], household_id=h1)
    } == {sublease.contract_id}
    assert events(scene, "occupancy_contract")[0][0] == "create"
    assert ("create", "status,valid_from") in events(scene, "benefit_status")
    assert scene.database.run_read(audit.verify).ok


def test_plan_takes_the_parameters_in_force(scene: Scene) -> None:
    with scene.database.begin_write() as c:
        c.execute(
            update(m.Parameter).where(m.Parameter.key == "sliding.review_months").values(value="4")
        )
    household, _ = scene.household("M-1", "BG")
    plan = scene.create(household, "BG-1", "sliding_sublease").plan
    assert plan is not None
    assert plan.review_period_months == 4


@pytest.mark.parametrize(
    ("dwelling", "kind", "code"),
    [
        ("IML-1", "residence_agreement", "contract.residence_required"),
        ("PF-1", "sublease", "contract.kind_not_allowed"),
        ("BG-1", "lease_mandate", "contract.kind_not_allowed"),
        ("BG-1", "sublease", "contract.kind_not_allowed"),
        ("MAN-1", "sliding_sublease", "contract.kind_not_allowed"),
        ("IML-1", "lease", "contract.kind_unknown"),
    ],
)
def test_kind_must_fit_the_dwelling(scene: Scene, dwelling: str, kind: str, code: str) -> None:
    household, _ = scene.household("M-1")
    with pytest.raises(InvalidInput) as error:
        scene.create(household, dwelling, kind)
    assert codes(error) == {code}


def test_input_issues_are_collected_together(scene: Scene) -> None:
    household, _ = scene.household("M-1")
    with pytest.raises(InvalidInput) as error:
        scene.create(
            household,
            "IML-1",
            "sublease",
            rate=RateInput(rent=-1, charges=-2, due_day=0),
            end=date(2024, 12, 31),
            renewal_date=date(2024, 6, 1),
        )
    assert codes(error) == {
        "rate.amount_negative",
        "rate.due_day_invalid",
        "contract.end_before_start",
        "contract.renewal_before_start",
    }
    assert {issue.field for issue in error.value.issues} >= {"rent", "charges", "due_day"}
    with pytest.raises(TypeError, match="cents"):
        RateInput(rent=450.0)  # type: ignore[arg-type]


def test_over_occupation_refused_with_its_message(scene: Scene) -> None:
    first, _ = scene.household("M-1")
    second, _ = scene.household("M-2")
    third, _ = scene.household("M-3")
    scene.create(first, "IML-1", "sublease")
    with pytest.raises(InvalidInput) as error:
        scene.create(second, "IML-1", "sublease", start=date(2025, 6, 1))
    [issue] = error.value.issues
    assert issue.code == "dwelling.over_occupied"
    assert issue.params == {"day": "01/06/2025", "count": 2, "lots": 1}
    # A dwelling of two lots takes two households, not three.
    scene.create(first, "IML-2", "sublease")
    scene.create(second, "IML-2", "sublease", start=date(2025, 2, 1))
    with pytest.raises(InvalidInput) as error:
        scene.create(third, "IML-2", "sublease", start=date(2025, 3, 1))
    assert codes(error) == {"dwelling.over_occupied"}


def test_next_household_after_the_departure(scene: Scene) -> None:
    first, _ = scene.household("M-1")
    second, _ = scene.household("M-2")
    contract = scene.create(first, "IML-1", "sublease")
    svc.end_contract(
        scene.database,
        actor=scene.actors["sw"],
        contract_id=contract.contract_id,
        end=date(2025, 5, 31),
        reason="Départ volontaire",
    )
    # Inclusive intervals: the next household may enter the day after the last day.
    assert scene.create(second, "IML-1", "sublease", start=date(2025, 6, 1)).state == "active"


def test_dwelling_outside_the_stock_refused(scene: Scene) -> None:
    household, _ = scene.household("M-1")
    with pytest.raises(InvalidInput) as error:
        scene.create(household, "RET-1", "sublease", start=date(2025, 7, 1))
    assert codes(error) == {"contract.dwelling_returned"}
    assert scene.create(household, "RET-1", "sublease", end=date(2025, 6, 30)).end == date(
        2025, 6, 30
    )
    with pytest.raises(InvalidInput) as error:
        scene.create(household, "IML-1", "sublease", start=date(2023, 12, 31))
    assert codes(error) == {"contract.before_capture"}
    with pytest.raises(RefusedError):
        svc.create_contract(
            scene.database,
            actor=scene.actors["sw"],
            household_id=household,
            dwelling_id=-1,
            kind="sublease",
            start=date(2025, 1, 1),
            rate=PLAIN,
        )


def test_stay_must_match(scene: Scene) -> None:
    household, stay = scene.household("M-1", "IML", entry=date(2025, 3, 1))
    _other, other_stay = scene.household("M-2", "IML")
    with pytest.raises(InvalidInput) as error:
        scene.create(household, "IML-1", "sublease", stay_id=other_stay)
    assert codes(error) == {"contract.stay_mismatch"}
    with pytest.raises(InvalidInput) as error:
        scene.create(household, "IML-1", "sublease", stay_id=stay)  # starts before the entry
    assert codes(error) == {"contract.outside_stay"}
    with pytest.raises(InvalidInput) as error:
        scene.create(household, "BG-1", "sliding_sublease", stay_id=stay)
    assert codes(error) == {"contract.stay_programme"}
    contract = scene.create(household, "IML-1", "sublease", stay_id=stay, start=date(2025, 3, 1))
    assert contract.stay_id == stay


# ------------------------------------------------------------------ rates, benefit, renewal


def test_rate_change_and_its_history(scene: Scene) -> None:
    household, _ = scene.household("M-1", "IML")
    contract = scene.create(household, "IML-1", "sublease", rate=PLAIN)
    changed = svc.change_rate(
        scene.database,
        actor=scene.actors["gl"],
        contract_id=contract.contract_id,
        valid_from=date(2025, 7, 1),
        rate=RateInput(rent=41_000, charges=3_000),
    )
    assert [(r.valid_from, r.rent) for r in changed.rates] == [
        (date(2025, 1, 1), 40_000),
        (date(2025, 7, 1), 41_000),
    ]
    assert history(scene, "rent_rate", "rent") == [("40000", "41000")]
    assert history(scene, "rent_rate", "charges") == []  # unchanged
    # The same date again is a correction: it replaces the row.
    corrected = svc.change_rate(
        scene.database,
        actor=scene.actors["gl"],
        contract_id=contract.contract_id,
        valid_from=date(2025, 7, 1),
        rate=RateInput(rent=41_500, charges=3_000, expected_benefit=10_000, tiers_payant=True),
    )
    assert [(r.valid_from, r.rent) for r in corrected.rates] == [
        (date(2025, 1, 1), 40_000),
        (date(2025, 7, 1), 41_500),
    ]
    assert history(scene, "rent_rate", "rent")[-1] == ("41000", "41500")
    assert history(scene, "rent_rate", "tiers_payant") == [("false", "true")]
    # Tiers payant from July: the benefit is expected as paid from then.
    assert corrected.benefit_statuses == (svc.BenefitStatusInfo(date(2025, 7, 1), "paid"),)
    assert [action for action, _ in events(scene, "rent_rate")] == ["create", "create", "update"]
    with pytest.raises(InvalidInput) as error:
        svc.change_rate(
            scene.database,
            actor=scene.actors["gl"],
            contract_id=contract.contract_id,
            valid_from=date(2024, 12, 1),
            rate=RateInput(rent=-5),
        )
    assert codes(error) == {"rate.before_start", "rate.amount_negative"}


def test_rate_after_the_end_refused(scene: Scene) -> None:
    household, _ = scene.household("M-1", "IML")
    contract = scene.create(household, "IML-1", "sublease", end=date(2025, 12, 31))
    with pytest.raises(InvalidInput) as error:
        svc.change_rate(
            scene.database,
            actor=scene.actors["gl"],
            contract_id=contract.contract_id,
            valid_from=date(2026, 1, 1),
            rate=PLAIN,
        )
    assert codes(error) == {"rate.after_end"}


def test_benefit_statuses(scene: Scene) -> None:
    household, _ = scene.household("M-1", "IML")
    contract = scene.create(household, "IML-1", "sublease")
    actor = scene.actors["gl"]
    set_status = svc.set_benefit_status
    set_status(
        scene.database,
        actor=actor,
        contract_id=contract.contract_id,
        valid_from=date(2025, 3, 1),
        status="suspended",
    )
    info = set_status(
        scene.database,
        actor=actor,
        contract_id=contract.contract_id,
        valid_from=date(2025, 3, 1),
        status="withheld_non_decency",
    )
    assert info.benefit_statuses == (
        svc.BenefitStatusInfo(date(2025, 1, 1), "paid"),
        svc.BenefitStatusInfo(date(2025, 3, 1), "withheld_non_decency"),
    )
    assert history(scene, "benefit_status", "status") == [
        ("paid", "suspended"),
        ("suspended", "withheld_non_decency"),
    ]
    with pytest.raises(InvalidInput) as error:
        set_status(
            scene.database,
            actor=actor,
            contract_id=contract.contract_id,
            valid_from=date(2024, 3, 1),
            status="lost",
        )
    assert codes(error) == {"contract.benefit_before_start", "contract.benefit_status_unknown"}


def test_renewal_date(scene: Scene) -> None:
    household, _ = scene.household("M-1", "IML")
    contract = scene.create(household, "IML-1", "sublease")
    info = svc.set_renewal_date(
        scene.database,
        actor=scene.actors["sw"],
        contract_id=contract.contract_id,
        renewal_date=date(2026, 1, 1),
    )
    assert info.renewal_date == date(2026, 1, 1)
    assert history(scene, "occupancy_contract", "renewal_date") == [(None, "2026-01-01")]
    with pytest.raises(InvalidInput) as error:
        svc.set_renewal_date(
            scene.database,
            actor=scene.actors["sw"],
            contract_id=contract.contract_id,
            renewal_date=date(2024, 1, 1),
        )
    assert codes(error) == {"contract.renewal_before_start"}
    with pytest.raises(RefusedError) as refused:
        svc.set_renewal_date(
            scene.database, actor=scene.actors["sw"], contract_id=-1, renewal_date=None
        )
    assert refused.value.code == "contract.unknown"


# ------------------------------------------------------------------ termination and end


def test_termination_then_departure(scene: Scene) -> None:
    household, _ = scene.household("M-1", "IML")
    contract = scene.create(household, "IML-1", "sublease")
    actor = scene.actors["sw"]
    terminated = svc.terminate(
        scene.database,
        actor=actor,
        contract_id=contract.contract_id,
        on=date(2025, 9, 15),
        reason="Résiliation judiciaire",
    )
    # Résilié – occupant sans titre: still open for the indemnité d'occupation.
    assert (terminated.state, terminated.end) == ("terminated_occupant", None)
    assert terminated.terminated_on == date(2025, 9, 15)
    assert terminated.end_reason == "Résiliation judiciaire"
    assert history(scene, "occupancy_contract", "state")[-1] == ("active", "terminated_occupant")
    with pytest.raises(RefusedError) as refused:
        svc.terminate(
            scene.database,
            actor=actor,
            contract_id=contract.contract_id,
            on=date(2025, 9, 16),
            reason="x",
        )
    assert refused.value.code == "contract.not_active"
    ended = svc.end_contract(
        scene.database, actor=actor, contract_id=contract.contract_id, end=date(2025, 11, 30)
    )
    assert (ended.state, ended.end) == ("ended", date(2025, 11, 30))
    assert ended.end_reason == "Résiliation judiciaire"  # kept: no new reason given
    assert ended.terminated_on == date(2025, 9, 15)
    assert history(scene, "occupancy_contract", "end_date") == [(None, "2025-11-30")]
    with pytest.raises(RefusedError) as refused:
        svc.end_contract(
            scene.database, actor=actor, contract_id=contract.contract_id, end=date(2025, 12, 1)
        )
    assert refused.value.code == "contract.already_ended"


def test_termination_issues(scene: Scene) -> None:
    household, _ = scene.household("M-1", "IML")
    contract = scene.create(household, "IML-1", "sublease")
    with pytest.raises(InvalidInput) as error:
        svc.terminate(
            scene.database,
            actor=scene.actors["sw"],
            contract_id=contract.contract_id,
            on=date(2024, 9, 15),
            reason="  ",
        )
    assert codes(error) == {"contract.terminated_before_start", "contract.reason_required"}


def test_end_refused_before_start_or_a_dated_row(scene: Scene) -> None:
    household, _ = scene.household("M-1", "IML")
    contract = scene.create(household, "IML-1", "sublease")
    actor = scene.actors["gl"]
    svc.change_rate(
        scene.database,
        actor=actor,
        contract_id=contract.contract_id,
        valid_from=date(2025, 7, 1),
        rate=PLAIN,
    )
    svc.set_benefit_status(
        scene.database,
        actor=actor,
        contract_id=contract.contract_id,
        valid_from=date(2025, 8, 1),
        status="ended",
    )
    with pytest.raises(InvalidInput) as error:
        svc.end_contract(
            scene.database,
            actor=actor,
            contract_id=contract.contract_id,
            end=date(2024, 12, 31),
            reason="Départ",
        )
    assert codes(error) == {"contract.end_before_start"}
    with pytest.raises(InvalidInput) as error:
        svc.end_contract(
            scene.database, actor=actor, contract_id=contract.contract_id, end=date(2025, 6, 30)
        )
    assert codes(error) == {
        "contract.reason_required",
        "contract.end_before_rate",
        "contract.end_before_benefit_status",
    }


# ------------------------------------------------------------------ the bail glissant


def _file(scene: Scene, household: int, on: date) -> svc.SlidingPlanInfo:
    [info] = svc.contract_file(
        scene.database, actor=scene.actors["sw"], household_id=household, on=on
    )
    assert info.plan is not None
    return info.plan


def _reviews_and_extension(scene: Scene, household: int, cid: int) -> None:
    actor = scene.actors["sw"]
    plan = _file(scene, household, date(2025, 6, 15))
    assert (plan.schedule.review_number, plan.schedule.next_review) == (1, date(2025, 7, 1))
    assert plan.schedule.deadline == date(2027, 1, 1)
    assert [(r.code, r.due, r.overdue) for r in plan.reminders] == [
        ("sliding.landlord_bilan", date(2025, 4, 1), True),
        ("sliding.prefect_information", date(2025, 5, 1), True),
        ("sliding.review", date(2025, 7, 1), False),
        ("sliding.deadline", date(2027, 1, 1), False),
    ]
    svc.record_review(
        scene.database,
        actor=actor,
        contract_id=cid,
        review_date=date(2025, 6, 20),
        participants="Ménage, bailleur, référente",
        criteria=ReviewCriteria(True, True, True, False),
        opinion="favourable",
    )
    plan = _file(scene, household, date(2025, 7, 2))
    assert plan.schedule.next_review == date(2026, 1, 1)
    assert plan.reviews[0].criteria == ReviewCriteria(True, True, True, False)
    assert plan.reviews[0].participants == "Ménage, bailleur, référente"
    svc.record_review(
        scene.database,
        actor=actor,
        contract_id=cid,
        review_date=date(2026, 12, 15),
        participants=None,
        criteria=ReviewCriteria(rent_paid_regularly=True),
        opinion="extend",
    )
    extended = svc.extend(scene.database, actor=actor, contract_id=cid)
    assert extended.plan is not None
    assert extended.plan.outcome == "extended"
    plan = _file(scene, household, date(2027, 1, 10))
    assert "sliding.deadline" not in {r.code for r in plan.reminders}  # answered by extension
    svc.extend(scene.database, actor=actor, contract_id=cid)  # changes nothing
    assert history(scene, "sliding_plan", "outcome") == [
        (None, "in_progress"),
        ("in_progress", "extended"),
    ]


def _caleol_and_planning(scene: Scene, cid: int) -> None:
    actor = scene.actors["sw"]
    svc.set_caleol(
        scene.database,
        actor=actor,
        contract_id=cid,
        caleol_date=date(2027, 2, 10),
        decision="Attribution favorable",
    )
    with pytest.raises(InvalidInput) as refused:
        svc.set_convention(
            scene.database,
            actor=actor,
            contract_id=cid,
            signed_on=date(2027, 3, 1),
            today=date(2027, 2, 11),
        )
    assert [i.code for i in refused.value.issues] == ["sliding.convention_in_future"]
    signed = svc.set_convention(
        scene.database,
        actor=actor,
        contract_id=cid,
        signed_on=date(2025, 3, 3),
        today=date(2027, 2, 11),
    )
    assert signed.plan is not None
    assert signed.plan.convention_signed_on == date(2025, 3, 3)
    assert history(scene, "sliding_plan", "convention_signed_on")[-1] == (None, "2025-03-03")
    planned = svc.plan_glissement(
        scene.database, actor=actor, contract_id=cid, planned_on=date(2027, 3, 1)
    )
    assert planned.plan is not None
    assert (planned.plan.caleol_date, planned.plan.caleol_decision) == (
        date(2027, 2, 10),
        "Attribution favorable",
    )
    assert planned.plan.planned_on == date(2027, 3, 1)


def _stock_after(scene: Scene, stay: int | None) -> tuple[Any, ...]:
    def read(session: Session) -> tuple[Any, ...]:
        lease = session.get(m.MainLease, scene.leases["BG-1"])
        dwelling = session.get(m.Dwelling, scene.dwellings["BG-1"])
        stay_row = session.get(m.Stay, stay)
        assert lease is not None
        assert dwelling is not None
        assert stay_row is not None
        vacancies = session.scalars(
            select(m.VacancyPeriod.id).where(m.VacancyPeriod.dwelling_id == dwelling.id)
        ).all()
        return (
            lease.end_date,
            dwelling.returned_on,
            stay_row.exit_date,
            stay_row.destination,
            stay_row.exit_reason,
            len(vacancies),
        )

    result: tuple[Any, ...] = scene.read(read)
    return result


def _check_glissement(scene: Scene, result: svc.GlissementInfo, stay: int | None) -> None:
    # Pinned: the household's own lease starts on slid_on; everything the association held
    # ends the day before (inclusive intervals, DOMAIN §0).
    last_day = date(2027, 2, 28)
    assert result.last_day == last_day
    assert (result.contract.state, result.contract.end) == ("ended", last_day)
    assert result.deposit == "transferred"
    plan = result.contract.plan
    assert plan is not None
    assert (plan.outcome, plan.slid_on, plan.deposit) == ("slid", date(2027, 3, 1), "transferred")
    assert plan.reminders == ()
    assert result.main_lease_ids == (scene.leases["BG-1"],)
    assert result.changes.touches("dwelling", "main_lease", "stay")
    # Main lease ended, dwelling returned (not a vacancy), stay closed as slid.
    assert _stock_after(scene, stay) == (
        last_day,
        last_day,
        last_day,
        "slid",
        "project_achieved",
        0,
    )
    assert scene.database.run_read(audit.verify).ok
    assert history(scene, "main_lease", "end_date") == [(None, "2027-02-28")]
    assert history(scene, "dwelling", "returned_on") == [(None, "2027-02-28")]
    assert history(scene, "stay", "destination") == [(None, "slid")]
    assert history(scene, "occupancy_contract", "end_date")[-1] == (None, "2027-02-28")
    assert history(scene, "sliding_plan", "deposit") == [(None, "transferred")]
    assert history(scene, "sliding_plan", "outcome")[-1] == ("extended", "slid")
    assert ("update", "deposit.transferred,outcome,slid_on") in events(scene, "sliding_plan")
    assert events(scene, "dwelling") == [("update", "returned_on")]
    assert events(scene, "main_lease") == [("update", "end_date")]
    assert events(scene, "stay") == [("update", "destination,exit_date,exit_reason")]


def test_complete_life_of_a_bail_glissant(scene: Scene) -> None:
    household, stay = scene.household("M-1", "BG")
    actor = scene.actors["sw"]
    contract = scene.create(household, "BG-1", "sliding_sublease")
    cid = contract.contract_id
    assert contract.stay_id == stay
    _reviews_and_extension(scene, household, cid)
    _caleol_and_planning(scene, cid)
    ledger.post_deposit(
        scene.database,
        actor=SYSTEM_ACTOR,
        contract_id=cid,
        kind="received",
        amount=52_000,
        posted_on=date(2025, 3, 3),
        today=date(2027, 3, 1),
    )
    result = svc.slide(
        scene.database,
        actor=actor,
        contract_id=cid,
        slid_on=date(2027, 3, 1),
        deposit="transferred",
        today=date(2027, 3, 1),
    )
    _check_glissement(scene, result, stay)
    # the deposit left the association's account the sublease's last day
    assert (
        ledger.deposit_held(
            scene.database, actor=SYSTEM_ACTOR, contract_id=cid, on=date(2027, 3, 1)
        )
        == 0
    )
    moved = scene.database.run_read(
        lambda s: s.execute(
            select(m.DepositEntry.kind, m.DepositEntry.amount, m.DepositEntry.posted_on).order_by(
                m.DepositEntry.id
            )
        ).all()
    )
    assert [tuple(row) for row in moved] == [
        ("received", 52_000, date(2025, 3, 3)),
        ("transferred", 52_000, date(2027, 2, 28)),
    ]
    for call in (
        lambda: svc.slide(
            scene.database,
            actor=actor,
            contract_id=cid,
            slid_on=date(2027, 3, 1),
            deposit="refunded",
            today=date(2027, 3, 1),
        ),
        lambda: svc.record_review(
            scene.database,
            actor=actor,
            contract_id=cid,
            review_date=date(2027, 3, 2),
            participants=None,
            criteria=ReviewCriteria(),
            opinion="favourable",
        ),
    ):
        with pytest.raises(RefusedError) as refused:
            call()
        assert refused.value.code == "sliding.already_slid"


def test_failure_with_its_reason(scene: Scene) -> None:
    household, _ = scene.household("M-1", "BG")
    actor = scene.actors["sw"]
    cid = scene.create(household, "BG-1", "sliding_sublease").contract_id
    with pytest.raises(RefusedError) as refused:
        svc.end_contract(
            scene.database, actor=actor, contract_id=cid, end=date(2026, 6, 30), reason="Départ"
        )
    assert refused.value.code == "sliding.plan_running"
    with pytest.raises(RefusedError) as refused:
        svc.fail(
            scene.database,
            actor=actor,
            contract_id=cid,
            on=date(2026, 6, 1),
            reason="internal_transfer",
        )
    assert refused.value.code == "sliding.use_transfer"
    with pytest.raises(InvalidInput) as error:
        svc.fail(scene.database, actor=actor, contract_id=cid, on=date(2024, 6, 1), reason="bored")
    assert codes(error) == {"sliding.failed_before_start", "sliding.failure_reason_unknown"}
    failed = svc.fail(
        scene.database,
        actor=actor,
        contract_id=cid,
        on=date(2026, 6, 1),
        reason="landlord_refuses",
    )
    assert failed.plan is not None
    assert (failed.plan.outcome, failed.plan.failure_reason) == ("failed", "landlord_refuses")
    assert failed.plan.failed_on == date(2026, 6, 1)
    assert failed.state == "active"  # the sublease goes on until it is ended
    assert history(scene, "sliding_plan", "failure_reason") == [(None, "landlord_refuses")]
    with pytest.raises(RefusedError) as refused:
        svc.slide(
            scene.database,
            actor=actor,
            contract_id=cid,
            slid_on=date(2026, 7, 1),
            deposit="refunded",
            today=date(2026, 7, 1),
        )
    assert refused.value.code == "sliding.already_failed"
    ended = svc.end_contract(
        scene.database, actor=actor, contract_id=cid, end=date(2026, 6, 30), reason="Départ"
    )
    assert ended.state == "ended"


def test_internal_transfer_keeps_the_stay(scene: Scene) -> None:
    household, stay = scene.household("M-1", "BG")
    actor = scene.actors["sw"]
    old = scene.create(household, "BG-1", "sliding_sublease")
    moved = svc.transfer(
        scene.database,
        actor=actor,
        contract_id=old.contract_id,
        new_dwelling_id=scene.dwellings["BG-2"],
        start=date(2025, 9, 1),
        rate=PLAIN,
    )
    assert (moved.ended.state, moved.ended.end) == ("ended", date(2025, 8, 31))
    assert moved.ended.plan is not None
    assert (moved.ended.plan.outcome, moved.ended.plan.failure_reason) == (
        "failed",
        "internal_transfer",
    )
    assert moved.ended.plan.failed_on == date(2025, 9, 1)
    assert moved.created.stay_id == moved.ended.stay_id == stay
    assert (moved.created.kind, moved.created.start) == ("sliding_sublease", date(2025, 9, 1))
    assert moved.created.dwelling_reference == "BG-2"
    assert moved.created.plan is not None
    assert moved.created.plan.outcome == "in_progress"
    assert [
        c.contract_id
        for c in svc.contract_file(
            scene.database, actor=actor, household_id=household, on=date(2025, 9, 1)
        )
    ] == [moved.created.contract_id, old.contract_id]
    with pytest.raises(RefusedError) as refused:
        svc.transfer(
            scene.database,
            actor=actor,
            contract_id=moved.created.contract_id,
            new_dwelling_id=scene.dwellings["BG-2"],
            start=date(2025, 10, 1),
            rate=PLAIN,
        )
    assert refused.value.code == "contract.same_dwelling"


def test_transfer_refused_as_a_whole(scene: Scene) -> None:
    household, _ = scene.household("M-1", "BG")
    other, _ = scene.household("M-2", "BG")
    actor = scene.actors["sw"]
    old = scene.create(household, "BG-1", "sliding_sublease")
    scene.create(other, "BG-2", "sliding_sublease")
    with pytest.raises(InvalidInput) as error:  # BG-2 is taken
        svc.transfer(
            scene.database,
            actor=actor,
            contract_id=old.contract_id,
            new_dwelling_id=scene.dwellings["BG-2"],
            start=date(2025, 9, 1),
            rate=PLAIN,
        )
    assert codes(error) == {"dwelling.over_occupied"}
    [unchanged] = svc.contract_file(scene.database, actor=actor, household_id=household)
    assert (unchanged.state, unchanged.end) == ("active", None)
    assert unchanged.plan is not None
    assert unchanged.plan.outcome == "in_progress"
    with pytest.raises(InvalidInput) as error:
        svc.transfer(
            scene.database,
            actor=actor,
            contract_id=old.contract_id,
            new_dwelling_id=scene.dwellings["BG-3"],
            start=date(2025, 1, 1),
            rate=PLAIN,
        )
    assert codes(error) == {"contract.transfer_before_start"}


def test_glissement_refusals(scene: Scene) -> None:
    actor = scene.actors["sw"]

    def slide(contract_id: int, slid_on: date, deposit: str = "refunded") -> object:
        return svc.slide(
            scene.database,
            actor=actor,
            contract_id=contract_id,
            slid_on=slid_on,
            deposit=deposit,
            today=date(2026, 1, 1),
        )

    iml, _ = scene.household("M-1", "IML")
    sublease = scene.create(iml, "IML-1", "sublease")
    with pytest.raises(RefusedError) as refused:
        slide(sublease.contract_id, date(2025, 6, 1))
    assert refused.value.code == "sliding.not_sliding"

    household, _ = scene.household("M-2", "BG")
    cid = scene.create(household, "BG-1", "sliding_sublease").contract_id
    with pytest.raises(InvalidInput) as error:
        slide(cid, date(2025, 1, 1))
    assert codes(error) == {"sliding.slid_before_start"}
    with pytest.raises(InvalidInput) as error:
        slide(cid, date(2026, 3, 1), deposit="kept")
    assert codes(error) == {"sliding.slid_in_future", "sliding.deposit_unknown"}
    svc.terminate(
        scene.database, actor=actor, contract_id=cid, on=date(2025, 6, 1), reason="Résiliation"
    )
    with pytest.raises(RefusedError) as refused:
        slide(cid, date(2025, 9, 1))
    assert refused.value.code == "contract.not_active"

    no_lease, _ = scene.household("M-3", "BG")
    cid = scene.create(no_lease, "BG-3", "sliding_sublease").contract_id
    with pytest.raises(RefusedError) as refused:
        slide(cid, date(2025, 9, 1))
    assert refused.value.code == "sliding.main_lease_missing"

    no_stay, _ = scene.household("M-4")
    cid = scene.create(no_stay, "BG-2", "sliding_sublease").contract_id
    with pytest.raises(RefusedError) as refused:
        slide(cid, date(2025, 9, 1))
    assert refused.value.code == "sliding.stay_missing"
    assert scene.database.run_read(audit.verify).ok


def test_sliding_actions_on_other_kinds_and_inputs(scene: Scene) -> None:
    actor = scene.actors["sw"]
    household, _ = scene.household("M-1", "IML")
    sublease = scene.create(household, "IML-1", "sublease")
    with pytest.raises(RefusedError) as refused:
        svc.extend(scene.database, actor=actor, contract_id=sublease.contract_id)
    assert refused.value.code == "sliding.not_sliding"
    sliding_household, _ = scene.household("M-2", "BG")
    cid = scene.create(sliding_household, "BG-1", "sliding_sublease").contract_id
    with pytest.raises(InvalidInput) as error:
        svc.record_review(
            scene.database,
            actor=actor,
            contract_id=cid,
            review_date=date(2024, 6, 1),
            participants="x" * 501,
            criteria=ReviewCriteria(),
            opinion="maybe",
        )
    assert codes(error) == {
        "sliding.review_before_start",
        "sliding.opinion_unknown",
        "sliding.participants_too_long",
    }
    with pytest.raises(InvalidInput) as error:
        svc.set_caleol(
            scene.database,
            actor=actor,
            contract_id=cid,
            caleol_date=date(2024, 6, 1),
            decision="y" * 301,
        )
    assert codes(error) == {"sliding.caleol_before_start", "sliding.decision_too_long"}
    with pytest.raises(InvalidInput) as error:
        svc.plan_glissement(
            scene.database, actor=actor, contract_id=cid, planned_on=date(2025, 1, 1)
        )
    assert codes(error) == {"sliding.planned_before_start"}


# ------------------------------------------------------------------ who may


def test_roles_that_may_not_edit_contracts(scene: Scene) -> None:
    household, _ = scene.household("M-1", "PENSION")
    for login in ("volunteer", "sw2", "host2"):
        with pytest.raises(RefusedError) as refused:
            scene.create(household, "PF-1", "residence_agreement", actor=scene.actors[login])
        assert refused.value.code == "auth.denied"
    # The host of the house and rental management may.
    info = scene.create(household, "PF-1", "residence_agreement", actor=scene.actors["host"])
    with pytest.raises(RefusedError):
        svc.terminate(
            scene.database,
            actor=scene.actors["sw2"],
            contract_id=info.contract_id,
            on=date(2025, 6, 1),
            reason="x",
        )
    svc.set_renewal_date(
        scene.database,
        actor=scene.actors["gl"],
        contract_id=info.contract_id,
        renewal_date=date(2026, 1, 1),
    )
    with pytest.raises(RefusedError):
        svc.contract_file(scene.database, actor=scene.actors["volunteer"], household_id=household)
    assert len(svc.contract_file(scene.database, actor=scene.actors["sw2"], household_id=household))


def test_file_costs_the_same_for_many_contracts(
    scene: Scene, count_statements: Callable[[Any], Any]
) -> None:
    household, _ = scene.household("M-1", "BG")
    actor = scene.actors["sw"]
    first = scene.create(household, "BG-1", "sliding_sublease")
    with count_statements(scene.database.engine) as one:
        svc.contract_file(scene.database, actor=actor, household_id=household)
    svc.transfer(
        scene.database,
        actor=actor,
        contract_id=first.contract_id,
        new_dwelling_id=scene.dwellings["BG-2"],
        start=date(2025, 9, 1),
        rate=RATE,
    )
    with count_statements(scene.database.engine) as two:
        svc.contract_file(scene.database, actor=actor, household_id=household)
    assert two.count == one.count


def test_prefect_reminder_only_with_an_hlm_landlord(scene: Scene) -> None:
    household, _ = scene.household("M-9", "BG")
    scene.create(household, "BG-2", "sliding_sublease")  # BG-2 has no social landlord
    plan = _file(scene, household, date(2025, 6, 15))
    codes = [reminder.code for reminder in plan.reminders]
    assert "sliding.landlord_bilan" in codes
    assert "sliding.prefect_information" not in codes


def test_a_transfer_within_a_generated_month_splits_its_charges(scene: Scene) -> None:
    household, _stay = scene.household("M-1", "BG")
    old = scene.create(household, "BG-1", "sliding_sublease", rate=PLAIN)
    charges.generate_month(
        scene.database, actor=scene.actors["gl"], month=date(2025, 9, 1), today=date(2025, 9, 2)
    )
    moved = svc.transfer(
        scene.database,
        actor=scene.actors["sw"],
        contract_id=old.contract_id,
        new_dwelling_id=scene.dwellings["BG-2"],
        start=date(2025, 9, 16),
        rate=PLAIN,
    )
    # The old dwelling owes 15 days of 30; the new one is charged by the next generation.
    account = ledger.contract_balance(
        scene.database, actor=scene.actors["gl"], contract_id=old.contract_id, on=date(2025, 9, 30)
    )
    assert account.charged == 20_000 + 1_500
    charges.generate_month(
        scene.database, actor=scene.actors["gl"], month=date(2025, 9, 1), today=date(2025, 9, 20)
    )
    new = ledger.contract_balance(
        scene.database,
        actor=scene.actors["gl"],
        contract_id=moved.created.contract_id,
        on=date(2025, 9, 30),
    )
    assert new.charged == 20_000 + 1_500
