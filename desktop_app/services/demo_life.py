"""The demo households' life: stays, contracts and bails glissants, through the services.

`build_demo` writes the association's stock and its households with bulk inserts; this module
then gives those households three years of life the way a team would have recorded it, by
calling the same services as the GUI (`services.stays`, `services.contracts`) as the system
actor: every rule is checked (stay covering the contract's start, lots, sliding plan running…)
and every change lands in the audit chain and the business history.

Everything is planned in memory first from one ``random.Random(seed)``, households in id order
and dwellings allotted greedily (their occupancy and vacancy periods kept in memory), then
carried out call by call in the order of the contracts' starts or the entries (then of the
household ids). Nothing reads the clock: every date comes from ``today``, which is also passed
to the services that refuse dates in the future.

Each service call is its own transaction (about 5–15 ms on SQLite): ``share`` limits growth to
a deterministic part of the households for the largest demo (see `demo.create_demo_database`).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop_app.domain.households import check_occupancy
from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.domain.progress import TaskControl
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import (
    Dwelling,
    Household,
    MainLease,
    Membership,
    Programme,
    UserAccount,
    VacancyPeriod,
)
from desktop_app.services.contracts import (
    ContractInfo,
    RateInput,
    ReviewCriteria,
    change_rate,
    create_contract,
    end_contract,
    extend,
    fail,
    record_review,
    set_benefit_status,
    slide,
    terminate,
)
from desktop_app.services.stays import close_stay, open_stay

KEY_WORKER_LOGIN: Final = "travailleur.social"
"""The demo account that becomes the key worker of some households."""

_DAY: Final = timedelta(days=1)
_YEARS: Final = 3
_HOUSING_KINDS: Final = frozenset(
    {"iml_sublease", "iml_mandate", "sliding_lease", "boarding_house", "reception_residence"}
)
_SUPPORT_KINDS: Final = ("avdl", "asll")
_CONTRACT_KIND: Final[dict[str, str]] = {
    "iml_sublease": "sublease",
    "iml_mandate": "lease_mandate",
    "sliding_lease": "sliding_sublease",
    "boarding_house": "residence_agreement",
    "reception_residence": "residence_agreement",
}
# Share of the households oriented to each kind of programme (when the demo has one).
_KIND_WEIGHTS: Final = (
    ("iml_sublease", 30),
    ("iml_mandate", 12),
    ("sliding_lease", 12),
    ("boarding_house", 14),
    ("reception_residence", 3),
    ("avdl", 22),
    ("asll", 7),
)
_ENTRY_SITUATIONS: Final = (
    ("street", 9),
    ("emergency_shelter", 17),
    ("insertion_shelter", 18),
    ("asylum", 5),
    ("hotel_115", 10),
    ("temporary_housing", 10),
    ("third_party", 12),
    ("squat", 2),
    ("unfit_housing", 3),
    ("threatened_home", 5),
    ("prison_exit", 2),
    ("hospital_exit", 3),
    ("care_exit", 2),
    ("other", 1),
    ("unknown", 1),
)
_REFERRERS: Final = (
    ("siao", 46),
    ("social_services", 12),
    ("ccas", 9),
    ("shelter", 10),
    ("psychiatry", 5),
    ("spip", 2),
    ("ccapex", 4),
    ("fsl", 4),
    ("landlord", 3),
    ("action_logement", 2),
    ("state", 1),
    ("comed", 1),
    ("other", 1),
)
# Exits (DOMAIN §6.2 destinations) per kind of stay, then the reason (§6.3) of a destination.
_DESTINATIONS: Final[dict[str, tuple[tuple[str, int], ...]]] = {
    "housing": (
        ("social_housing", 38),
        ("private_housing", 9),
        ("supported_housing", 8),
        ("other_iml", 4),
        ("temporary_housing", 5),
        ("shelter", 6),
        ("third_party", 7),
        ("street", 2),
        ("medico_social", 1),
        ("hospital", 2),
        ("prison", 1),
        ("death", 1),
        ("unknown", 6),
    ),
    "residence": (
        ("social_housing", 30),
        ("supported_housing", 12),
        ("medico_social", 12),
        ("hospital", 10),
        ("third_party", 6),
        ("shelter", 6),
        ("death", 6),
        ("unknown", 8),
    ),
    "support": (
        ("social_housing", 40),
        ("private_housing", 10),
        ("supported_housing", 8),
        ("temporary_housing", 6),
        ("shelter", 5),
        ("third_party", 5),
        ("unknown", 12),
    ),
    "evicted": (("shelter", 30), ("third_party", 30), ("street", 15), ("unknown", 25)),
}
_REASONS: Final[dict[str, tuple[tuple[str, int], ...]]] = {
    "social_housing": (("project_achieved", 85), ("end_of_support", 15)),
    "private_housing": (("project_achieved", 80), ("household_choice", 20)),
    "supported_housing": (("reorientation", 80), ("household_choice", 20)),
    "other_iml": (("reorientation", 100),),
    "temporary_housing": (("reorientation", 60), ("household_choice", 40)),
    "shelter": (("reorientation", 40), ("lost_contact", 35), ("household_choice", 25)),
    "third_party": (("household_choice", 55), ("lost_contact", 45)),
    "street": (("lost_contact", 100),),
    "medico_social": (("reorientation", 100),),
    "hospital": (("reorientation", 70), ("other", 30)),
    "prison": (("other", 100),),
    "death": (("death", 100),),
    "kept_home": (("project_achieved", 100),),
    "unknown": (("lost_contact", 70), ("unknown", 30)),
}
_END_REASONS: Final[dict[str, str]] = {
    "project_achieved": "Relogement du ménage",
    "end_of_support": "Fin d'accompagnement",
    "household_choice": "Congé donné par le ménage",
    "reorientation": "Réorientation vers une autre solution",
    "lost_contact": "Abandon du logement",
    "death": "Décès de l'occupant",
    "other": "Départ du logement",
    "unknown": "Départ du logement",
}
_TERMINATION_REASONS: Final = (
    "Impayés de loyer persistants malgré le plan d'apurement",
    "Troubles de voisinage répétés",
    "Défaut d'occupation du logement",
)
_FAILURE_REASONS: Final = (
    ("household_not_ready", 55),
    ("landlord_refuses", 25),
    ("household_refuses", 20),
)
_PARTICIPANTS: Final = (
    "Ménage, bailleur, travailleur social",
    "Ménage, bailleur, travailleur social, chargée de gestion locative",
    "Ménage, travailleur social, conseillère ESF du bailleur",
)
# Monthly rent and charges in euros per typology (sous-loyer or redevance, plausible ranges).
_RENT_EUROS: Final[dict[str, tuple[int, int]]] = {
    "room": (300, 390),
    "studio": (320, 430),
    "t1": (350, 460),
    "t1bis": (400, 500),
    "t2": (450, 600),
    "t3": (520, 700),
    "t4": (600, 800),
    "t5plus": (680, 900),
}
_CHARGES_EUROS: Final[dict[str, tuple[int, int]]] = {
    "room": (40, 70),
    "studio": (40, 80),
    "t1": (45, 90),
    "t1bis": (50, 95),
    "t2": (60, 110),
    "t3": (70, 130),
    "t4": (85, 150),
    "t5plus": (100, 180),
}


@dataclass(frozen=True, slots=True)
class LifeSummary:
    """What `grow_demo` recorded, call by call."""

    households: int
    stays: int
    stays_closed: int
    contracts: int
    contracts_ended: int
    rate_changes: int
    benefit_statuses: int
    sliding_plans: int
    reviews: int
    glissements: int
    failures: int
    extensions: int
    terminations: int
    key_worker_households: int


# ------------------------------------------------------------------ what the demo holds


@dataclass(slots=True)
class _Dwelling:
    id: int
    programme_id: int
    residence: bool
    lots: int
    places: int
    typology: str
    captured: date
    returned: date | None
    lease_end: date | None  # of its last main lease; date.max when open-ended
    blocked: list[tuple[date, date | None]] = field(default_factory=list)  # vacancies
    contracts: list[tuple[date, date | None]] = field(default_factory=list)

    def free(self, start: date, end: date | None, *, sliding: bool) -> bool:
        """Whether a contract on ``start``…``end`` fits (stock, vacancies, lots, glissement)."""
        if self.captured > start:
            return False
        if self.returned is not None and (sliding or end is None or end > self.returned):
            return False
        if sliding and (self.lots != 1 or self.lease_end != date.max):
            return False
        last = date.max if end is None else end
        for first, final in self.blocked:
            if first <= last and (final is None or final >= start):
                return False
        return not check_occupancy([*self.contracts, (start, end)], lots=self.lots)


@dataclass(frozen=True, slots=True)
class _Stock:
    programmes: dict[str, list[tuple[int, date]]]  # kind → (id, convention start), id order
    dwellings: dict[int, list[_Dwelling]]  # programme id → dwellings in id order
    households: list[tuple[int, date, int]]  # (id, start, members) in id order
    key_worker_id: int | None


def _read_stock(session: Session) -> _Stock:
    programmes: dict[str, list[tuple[int, date]]] = {}
    for pid, kind, start in session.execute(
        select(Programme.id, Programme.kind, Programme.convention_start).order_by(Programme.id)
    ):
        programmes.setdefault(kind, []).append((pid, start or date.min))
    leases: dict[int, date] = {}
    for dwelling_id, end in session.execute(
        select(MainLease.dwelling_id, MainLease.end_date).order_by(MainLease.id)
    ):
        leases[dwelling_id] = end or date.max
    dwellings: dict[int, list[_Dwelling]] = {}
    by_id: dict[int, _Dwelling] = {}
    for row in session.execute(
        select(
            Dwelling.id,
            Dwelling.programme_id,
            Dwelling.residence_id,
            Dwelling.lots,
            Dwelling.places,
            Dwelling.typology,
            Dwelling.captured_on,
            Dwelling.returned_on,
        ).order_by(Dwelling.id)
    ):
        if row.programme_id is None or row.captured_on is None:
            continue
        dwelling = _Dwelling(
            id=row.id,
            programme_id=row.programme_id,
            residence=row.residence_id is not None,
            lots=row.lots,
            places=row.places or 1,
            typology=row.typology,
            captured=row.captured_on,
            returned=row.returned_on,
            lease_end=leases.get(row.id),
        )
        dwellings.setdefault(row.programme_id, []).append(dwelling)
        by_id[row.id] = dwelling
    for dwelling_id, start, end in session.execute(
        select(VacancyPeriod.dwelling_id, VacancyPeriod.start_date, VacancyPeriod.end_date)
    ):
        if dwelling_id in by_id:
            by_id[dwelling_id].blocked.append((start, end))
    households = [
        (hid, start, members)
        for hid, start, members in session.execute(
            select(
                Membership.household_id,
                func.min(Membership.joined_on),
                func.count(Membership.id),
            )
            .group_by(Membership.household_id)
            .order_by(Membership.household_id)
        )
    ]
    worker = session.scalar(select(UserAccount.id).where(UserAccount.login == KEY_WORKER_LOGIN))
    return _Stock(programmes, dwellings, households, worker)


# ------------------------------------------------------------------ the plan of one household


@dataclass(slots=True)
class _Exit:
    day: date
    destination: str
    reason: str


@dataclass(slots=True)
class _ContractPlan:
    dwelling: _Dwelling
    kind: str
    start: date
    rate: RateInput
    rate_changes: list[tuple[date, RateInput]]
    statuses: list[tuple[date, str]]
    sliding: str | None = None  # slide, fail, fail_end, extend, running
    slid_on: date | None = None
    deposit: str = "transferred"
    fail_on: date | None = None
    fail_reason: str = "household_not_ready"
    review_limit: date | None = None  # reviews strictly before this day
    terminate_on: date | None = None
    terminate_reason: str = ""
    end: date | None = None


@dataclass(slots=True)
class _Plan:
    household_id: int
    programme_id: int
    entry: date
    entry_situation: str
    referrer: str
    dalo_status: str
    siao_reference: str | None
    contract: _ContractPlan | None = None
    exit: _Exit | None = None


def _below(draw: float, probability: float) -> bool:
    return draw < probability


def _chance(rng: random.Random, probability: float) -> bool:
    return rng.random() < probability


def _spans(days: int, at_least: int) -> bool:
    return days >= at_least


def _pick(rng: random.Random, items: Sequence[tuple[str, int]]) -> str:
    return rng.choices([item for item, _ in items], weights=[w for _, w in items])[0]


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


class _Planner:
    """Draws every household's life from one generator, households in id order."""

    def __init__(self, stock: _Stock, seed: int, today: date) -> None:
        self.stock = stock
        self.rng = random.Random(seed)
        self.today = today
        self.last_day = today - _DAY
        self.first_day = _add_months(today, -12 * _YEARS)
        self.siao_number = 0

    def day(self, first: date, last: date) -> date:
        """A day of ``first``…``last`` (``first`` when the span is empty)."""
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def exit(self, day: date, table: str, *, mandate: bool = False) -> _Exit:
        rng = self.rng
        if mandate and _chance(rng, 0.35):
            destination = "kept_home"
        else:
            destination = _pick(rng, _DESTINATIONS[table])
        return _Exit(day, destination, _pick(rng, _REASONS[destination]))

    def rate(self, typology: str, kind: str) -> RateInput:
        rng = self.rng
        rent = rng.randint(*_RENT_EUROS.get(typology, _RENT_EUROS["t2"]))
        charges = rng.randint(*_CHARGES_EUROS.get(typology, _CHARGES_EUROS["t2"]))
        services = rng.randint(10, 25) * 100 if kind == "residence_agreement" else 0
        tiers_payant = rng.random() < (0.85 if kind == "residence_agreement" else 0.78)
        benefit = int(rent * rng.uniform(0.45, 0.85)) * 100 if tiers_payant else 0
        due_day = rng.choice((5, 5, 5, 1, 10))
        return RateInput(
            rent=rent * 100,
            charges=charges * 100,
            mandatory_services=services,
            expected_benefit=benefit,
            tiers_payant=tiers_payant,
            due_day=due_day,
        )

    def plan(self, household_id: int, start: date, members: int) -> _Plan:
        rng = self.rng
        kinds = [(k, w) for k, w in _KIND_WEIGHTS if self.stock.programmes.get(k)]
        kind = _pick(rng, kinds)
        entry = min(self.last_day, max(start, self.first_day) + timedelta(days=rng.randint(0, 30)))
        referrer = _pick(rng, _REFERRERS)
        dalo = "dalo_priority" if rng.random() < (0.25 if referrer == "comed" else 0.1) else None
        siao = None
        if rng.random() < (0.95 if referrer == "siao" else 0.12):
            self.siao_number += 1
            siao = f"SIAO69-{entry.year}-{self.siao_number:05d}"
        situation = _pick(rng, _ENTRY_SITUATIONS)
        if kind in _SUPPORT_KINDS and _chance(rng, 0.4):
            situation = "threatened_home"
        programme_id: int | None = None
        contract: _ContractPlan | None = None
        if kind in _HOUSING_KINDS:
            opened = [(p, s) for p, s in self.stock.programmes[kind] if s <= entry]
            if opened:
                programme_id = rng.choice(opened)[0]
                contract = self.contract(kind, programme_id, entry, members)
        if contract is None:  # no programme open yet or no free dwelling: support only
            support = [p for k in _SUPPORT_KINDS for p in self.stock.programmes.get(k, [])]
            support = support or [p for ps in self.stock.programmes.values() for p in ps]
            programme_id, opened_on = rng.choice(support)
            entry = max(entry, min(opened_on, self.last_day))
            kind = "avdl"
        assert programme_id is not None
        plan = _Plan(
            household_id=household_id,
            programme_id=programme_id,
            entry=entry,
            entry_situation=situation,
            referrer=referrer,
            dalo_status=dalo or "non_dalo",
            siao_reference=siao,
            contract=contract,
        )
        if contract is not None:
            plan.exit = self.contract_exit(contract, kind)
        elif _spans((self.last_day - entry).days, 90) and _chance(rng, 0.36):
            day = self.day(entry + timedelta(days=90), min(self.last_day, entry + _DAY * 720))
            plan.exit = self.exit(day, "support")
        return plan

    def contract(
        self, kind: str, programme_id: int, entry: date, members: int
    ) -> _ContractPlan | None:
        """A contract in a free dwelling of the programme, its outcome and its dated rows."""
        rng = self.rng
        start = min(self.last_day, entry + timedelta(days=rng.randint(0, 14)))
        available = (self.last_day - start).days
        contract_kind = _CONTRACT_KIND[kind]
        if kind == "iml_sublease" and _chance(rng, 0.12):
            contract_kind = "sliding_sublease"
        sliding = contract_kind == "sliding_sublease"
        end: date | None = None
        outcome: str | None = None
        slid_on = fail_on = None
        if sliding:
            draw = rng.random()
            if _spans(available, 240) and _below(draw, 0.42):
                outcome = "slide"
                slid_on = self.day(start + timedelta(days=210), start + timedelta(days=760))
                slid_on = min(slid_on, self.today)
            elif _spans(available, 200) and _below(draw, 0.60):
                fail_on = self.day(start + timedelta(days=190), self.last_day)
                outcome = "fail"
                if _spans((self.last_day - fail_on).days, 30) and _chance(rng, 0.6):
                    outcome = "fail_end"
                    end = self.day(fail_on + timedelta(days=30), self.last_day)
            elif _spans(available, 540) and _below(draw, 0.72):
                outcome = "extend"
            else:
                outcome = "running"
        elif _spans(available, 120) and _chance(rng, 0.36):
            end = self.day(start + timedelta(days=90), min(self.last_day, start + _DAY * 900))
        dwelling = self.dwelling(programme_id, start, end, members, sliding=sliding)
        if dwelling is None:
            return None
        dwelling.contracts.append((start, end))
        rate = self.rate(dwelling.typology, contract_kind)
        last = end or (slid_on - _DAY if slid_on else self.last_day)
        plan = _ContractPlan(
            dwelling=dwelling,
            kind=contract_kind,
            start=start,
            rate=rate,
            rate_changes=self.rate_changes(start, last, rate),
            statuses=self.statuses(start, last) if rate.tiers_payant else [],
            sliding=outcome,
            slid_on=slid_on,
            deposit="transferred" if _chance(rng, 0.7) else "refunded",
            fail_on=fail_on,
            fail_reason=_pick(rng, _FAILURE_REASONS),
            end=end,
        )
        if sliding:
            plan.review_limit = slid_on or fail_on or self.today
        elif end is not None and _chance(rng, 0.15) and _spans((end - start).days, 61):
            plan.terminate_on = self.day(max(start, end - timedelta(days=150)), end)
            plan.terminate_reason = rng.choice(_TERMINATION_REASONS)
        return plan

    def dwelling(
        self, programme_id: int, start: date, end: date | None, members: int, *, sliding: bool
    ) -> _Dwelling | None:
        """The first free dwelling from a random one, those with enough places first."""
        candidates = self.stock.dwellings.get(programme_id, [])
        if not candidates:
            return None
        offset = self.rng.randrange(len(candidates))
        rotated = candidates[offset:] + candidates[:offset]
        ordered = [d for d in rotated if d.places >= members] + [
            d for d in rotated if d.places < members
        ]
        for dwelling in ordered:
            if dwelling.free(start, end, sliding=sliding):
                return dwelling
        return None

    def rate_changes(
        self, start: date, last: date, rate: RateInput
    ) -> list[tuple[date, RateInput]]:
        """Yearly revisions on 1 January (IRL), most years."""
        rng = self.rng
        changes: list[tuple[date, RateInput]] = []
        rent, charges = rate.rent, rate.charges
        for year in range(start.year + 1, last.year + 1):
            if not _chance(rng, 0.7):
                continue
            rent = round(rent * rng.uniform(1.015, 1.035) / 100) * 100
            if _chance(rng, 0.5):
                charges = round(charges * rng.uniform(1.0, 1.08) / 100) * 100
            new = RateInput(
                rent=rent,
                charges=charges,
                mandatory_services=rate.mandatory_services,
                expected_benefit=rate.expected_benefit,
                tiers_payant=rate.tiers_payant,
                due_day=rate.due_day,
            )
            changes.append((date(year, 1, 1), new))
        return changes

    def statuses(self, start: date, last: date) -> list[tuple[date, str]]:
        """Some benefits suspended (and most paid again later), a few withheld for non-decency."""
        rng = self.rng
        if not _spans((last - start).days, 150):
            return []
        draw = rng.random()
        if _below(draw, 0.18):
            suspended = self.day(start + timedelta(days=60), last - timedelta(days=60))
            statuses = [(suspended, "suspended")]
            again = suspended + timedelta(days=rng.randint(30, 100))
            if again <= last and _chance(rng, 0.65):
                statuses.append((again, "paid"))
            return statuses
        if _below(draw, 0.21):
            return [(self.day(start + timedelta(days=60), last), "withheld_non_decency")]
        return []

    def contract_exit(self, contract: _ContractPlan, kind: str) -> _Exit | None:
        if contract.sliding == "slide":
            return None  # the glissement closes the stay itself
        if contract.end is None:
            return None
        if contract.terminate_on is not None:
            destination = _pick(self.rng, _DESTINATIONS["evicted"])
            reason = "eviction" if _chance(self.rng, 0.4) else "termination"
            return _Exit(contract.end, destination, reason)
        table = "residence" if contract.kind == "residence_agreement" else "housing"
        return self.exit(contract.end, table, mandate=kind == "iml_mandate")


# ------------------------------------------------------------------ carrying the plans out


@dataclass(slots=True)
class _Counts:
    households: int = 0
    stays: int = 0
    stays_closed: int = 0
    contracts: int = 0
    contracts_ended: int = 0
    rate_changes: int = 0
    benefit_statuses: int = 0
    sliding_plans: int = 0
    reviews: int = 0
    glissements: int = 0
    failures: int = 0
    extensions: int = 0
    terminations: int = 0
    key_worker_households: int = 0


class _Runner:
    """Calls the services for each plan, as the system actor."""

    def __init__(self, database: Database, rng: random.Random, today: date) -> None:
        self.database = database
        self.rng = rng
        self.today = today
        self.counts = _Counts()

    def run(self, plan: _Plan) -> None:
        db, actor, today, counts = self.database, SYSTEM_ACTOR, self.today, self.counts
        counts.households += 1
        stay = open_stay(
            db,
            actor=actor,
            household_id=plan.household_id,
            programme_id=plan.programme_id,
            entry=plan.entry,
            entry_situation=plan.entry_situation,
            referrer=plan.referrer,
            dalo_status=plan.dalo_status,
            siao_reference=plan.siao_reference,
            today=today,
        )
        counts.stays += 1
        if plan.contract is not None:
            self.contract(plan.household_id, stay.stay_id, plan.contract)
        if plan.exit is not None:
            close_stay(
                db,
                actor=actor,
                stay_id=stay.stay_id,
                exit=plan.exit.day,
                destination=plan.exit.destination,
                exit_reason=plan.exit.reason,
                today=today,
            )
            counts.stays_closed += 1

    def contract(self, household_id: int, stay_id: int, plan: _ContractPlan) -> None:
        db, actor, counts = self.database, SYSTEM_ACTOR, self.counts
        info = create_contract(
            db,
            actor=actor,
            household_id=household_id,
            dwelling_id=plan.dwelling.id,
            kind=plan.kind,
            start=plan.start,
            rate=plan.rate,
            stay_id=stay_id,
        )
        contract_id = info.contract_id
        counts.contracts += 1
        for valid_from, rate in plan.rate_changes:
            change_rate(db, actor=actor, contract_id=contract_id, valid_from=valid_from, rate=rate)
            counts.rate_changes += 1
        for valid_from, status in plan.statuses:
            set_benefit_status(
                db, actor=actor, contract_id=contract_id, valid_from=valid_from, status=status
            )
            counts.benefit_statuses += 1
        if plan.sliding is not None:
            counts.sliding_plans += 1
            self.sliding(info, plan)
        if plan.terminate_on is not None:
            terminate(
                db,
                actor=actor,
                contract_id=contract_id,
                on=plan.terminate_on,
                reason=plan.terminate_reason,
            )
            counts.terminations += 1
        if plan.end is not None:
            reason = None if plan.terminate_on is not None else self.end_reason(plan)
            end_contract(db, actor=actor, contract_id=contract_id, end=plan.end, reason=reason)
            counts.contracts_ended += 1

    def end_reason(self, plan: _ContractPlan) -> str:
        if plan.sliding == "fail_end":
            return "Départ du ménage après l'échec du glissement"
        return "Départ du ménage"

    def sliding(self, info: ContractInfo, plan: _ContractPlan) -> None:
        db, actor, counts, rng = self.database, SYSTEM_ACTOR, self.counts, self.rng
        contract_id = info.contract_id
        period = info.plan.review_period_months if info.plan is not None else 6
        limit = plan.review_limit or self.today
        days = [
            day
            for day in (_add_months(plan.start, period * k) for k in range(1, 4))
            if day < limit and day <= self.today
        ]
        if not days and _spans((limit - plan.start).days, 46):
            days = [limit - timedelta(days=30)]
        final = {"slide": "favourable", "fail": "unfavourable", "fail_end": "unfavourable"}
        for index, day in enumerate(days):
            last = index == len(days) - 1
            opinion = final.get(plan.sliding or "", "extend") if last else "extend"
            if last and plan.sliding == "running":
                opinion = rng.choice(("favourable", "extend"))
            good = opinion == "favourable"
            record_review(
                db,
                actor=actor,
                contract_id=contract_id,
                review_date=day,
                participants=rng.choice(_PARTICIPANTS),
                criteria=ReviewCriteria(
                    rent_paid_regularly=good or _chance(rng, 0.5),
                    peaceful_occupation=good or _chance(rng, 0.8),
                    tenant_obligations=good or _chance(rng, 0.6),
                    administrative_autonomy=good or (None if _chance(rng, 0.3) else False),
                ),
                opinion=opinion,
            )
            counts.reviews += 1
        if plan.sliding == "extend":
            extend(db, actor=actor, contract_id=contract_id)
            counts.extensions += 1
        elif plan.sliding in ("fail", "fail_end"):
            assert plan.fail_on is not None
            fail(db, actor=actor, contract_id=contract_id, on=plan.fail_on, reason=plan.fail_reason)
            counts.failures += 1
        elif plan.sliding == "slide":
            assert plan.slid_on is not None
            slide(
                db,
                actor=actor,
                contract_id=contract_id,
                slid_on=plan.slid_on,
                deposit=plan.deposit,
                today=self.today,
            )
            counts.glissements += 1
            counts.contracts_ended += 1
            counts.stays_closed += 1


def _assign_key_worker(database: Database, worker_id: int, household_ids: list[int]) -> None:
    def work(session: Session) -> None:
        session.execute(
            update(Household)
            .where(Household.id.in_(household_ids))
            .values(key_worker_id=worker_id, version=Household.version + 1)
        )
        audit.record(
            session,
            actor=SYSTEM_ACTOR.login,
            user_id=None,
            action="update",
            entity="household",
            fields=("key_worker_id",),
            count=len(household_ids),
        )

    database.run_write(work)


def _chronology(plan: _Plan) -> tuple[date, int]:
    return (plan.contract.start if plan.contract else plan.entry, plan.household_id)


def grow_demo(
    database: Database,
    *,
    seed: int,
    today: date,
    share: float = 1.0,
    control: TaskControl | None = None,
) -> LifeSummary:
    """Give the demo households three years of stays and contracts, through the services.

    Args:
        database: a demo database filled by `build_demo` (with its accounts, for the key
            worker; without the ``travailleur.social`` account no key worker is set).
        seed: the seed of the only random generator used.
        today: the life ends the day before; no date after it is recorded.
        share: the part of the households (drawn deterministically, in id order) that get a
            life; the others keep no stay.
        control: progress (households done of those chosen) and cancellation.

    Returns:
        The number of records of each kind created or events recorded.

    Raises:
        ValueError: ``share`` outside 0–1.
        InvalidInput, RefusedError: a planned change the services refuse (a bug of the plan).
    """
    if not 0.0 <= share <= 1.0:
        raise ValueError(f"share must be within 0 and 1, not {share}")
    control = control or TaskControl()
    stock = database.run_read(_read_stock)
    planner = _Planner(stock, seed, today)
    chosen = [
        household for household in stock.households if share >= 1.0 or planner.rng.random() < share
    ]
    plans = [planner.plan(hid, start, members) for hid, start, members in chosen]
    # Recorded as life went: a contract is created once the earlier ones of its dwelling ended
    # (a contract is open until `end_contract`, and the services check the lots on every day).
    plans.sort(key=_chronology)
    runner = _Runner(database, planner.rng, today)
    for done, plan in enumerate(plans):
        if done % 50 == 0:
            control.checkpoint()
            control.report(done, len(plans))
        runner.run(plan)
    counts = runner.counts
    if stock.key_worker_id is not None:
        followed = [plan.household_id for plan in plans if _chance(planner.rng, 0.35)]
        if followed:
            _assign_key_worker(database, stock.key_worker_id, followed)
        counts.key_worker_households = len(followed)
    control.report(len(plans), len(plans))
    return LifeSummary(
        households=counts.households,
        stays=counts.stays,
        stays_closed=counts.stays_closed,
        contracts=counts.contracts,
        contracts_ended=counts.contracts_ended,
        rate_changes=counts.rate_changes,
        benefit_statuses=counts.benefit_statuses,
        sliding_plans=counts.sliding_plans,
        reviews=counts.reviews,
        glissements=counts.glissements,
        failures=counts.failures,
        extensions=counts.extensions,
        terminations=counts.terminations,
        key_worker_households=counts.key_worker_households,
    )
