"""The demo households' life: stays, contracts, bails glissants and their rent accounts.

`build_demo` writes the association's stock and its households with bulk inserts; this module
then gives those households three years of life the way a team would have recorded it, by
calling the same services as the GUI (`services.stays`, `services.contracts`,
`services.charges`, `services.ledger`, `services.arrears_actions`) as the system actor: every
rule is checked (stay covering the contract's start, lots, sliding plan running, a period month
within its contract, a deposit never below zero…) and every change lands in the audit chain and
the business history.

The rent ledger (issue 6) starts on a go-live date set at the start of the demo's history: the
charges of every month are generated in one `charges.catch_up` call. Most households then pay
their share on time every month and the CAF pays the housing benefit of tiers-payant contracts
on the 10th of the next month, by monthly bordereau; that routine flow (thousands of entries)
goes through the services' bulk actions as a team would record it: one
`benefit_batches.record_batch` per transfer (a line per contract and month, the transfer
reference) and one `ledger.post_entries` for the payments, each checked as a single posting
is and writing one audit event with its count and the history of every entry. What
is out of the routine goes through the services, one call each: late and partial payments and
their catching up, rejected direct debits (`reverse_entry`), arrears episodes and their steps
(reminder letters, formal notices, CAF reports, CCAPEX referrals, FSL applications), an FSL aid,
a remise gracieuse, a repayment plan and its instalments, deposits received, applied, refunded
or transferred at a glissement, irrecoverable debts after a departure. Benefits suspended then
paid again (`contracts.set_benefit_status`) leave a debt until the CAF's back payment. A few
contracts running on ``today`` are chosen to stand at each level of the arrears ladder.

Everything is planned in memory first from one ``random.Random(seed)``, households in id order
and dwellings allotted greedily (their occupancy and vacancy periods kept in memory), then
carried out call by call in the order of the contracts' starts or the entries (then of the
household ids). Nothing reads the clock: every date comes from ``today``, which is also passed
to the services that refuse dates in the future.

Each service call is its own transaction (about 5–15 ms on SQLite): ``share`` limits growth to
a deterministic part of the households for the largest demo (see `demo.create_demo_database`).
The ledger draws from its own generator (seeded from ``seed``), so the stays and contracts are
those the demo had before it kept accounts.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop_app.domain.charges import RateSpan, rate_on
from desktop_app.domain.households import check_occupancy
from desktop_app.domain.ledger import (
    BenefitSpan,
    due_date,
    expected_payment_day,
    month_benefit,
)
from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.domain.progress import TaskControl
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import (
    BenefitStatus,
    Dwelling,
    Household,
    MainLease,
    Membership,
    OccupancyContract,
    Parameter,
    Programme,
    RentRate,
    UserAccount,
    VacancyPeriod,
)
from desktop_app.services.arrears_actions import InstalmentInput, record_action
from desktop_app.services.benefit_batches import BatchLineInput, record_batch
from desktop_app.services.charges import catch_up
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
from desktop_app.services.ledger import (
    PostingInput,
    post_deposit,
    post_entries,
    post_entry,
    reverse_entry,
)
from desktop_app.services.parameters import load_parameters
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
    charges: int  # ledger entries generated by the monthly charges
    household_payments: int
    benefit_batches: int  # bordereaux CAF
    housing_benefits: int  # their entries
    aids: int  # FSL aids
    remissions: int
    irrecoverable: int
    reversals: int
    deposit_movements: int
    arrears_actions: int
    repayment_plans: int


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
    contract_id: int | None = None  # once created


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
    charges: int = 0
    household_payments: int = 0
    benefit_batches: int = 0
    housing_benefits: int = 0
    aids: int = 0
    remissions: int = 0
    irrecoverable: int = 0
    reversals: int = 0
    deposit_movements: int = 0
    arrears_actions: int = 0
    repayment_plans: int = 0


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
        plan.contract_id = contract_id
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


# ------------------------------------------------------------------ the rent ledger

_CAF: Final = "caf"
_CAF_PAYER: Final = "CAF"  # the agency's label, as `benefit_batches` names it
_FSL_PAYER: Final = "FSL de la Métropole de Lyon"
_METHODS: Final = (
    ("transfer", 38),
    ("direct_debit", 30),
    ("money_order", 10),
    ("cash", 8),
    ("cheque", 8),
    ("card", 6),
)
_REJECTED: Final = "Rejet de prélèvement : provision insuffisante"
_REMISSION: Final = "Remise gracieuse du solde après l'aide du FSL, accordée par la direction"
_IRRECOVERABLE: Final = "Ménage parti sans laisser d'adresse : créance irrécouvrable"
_UNPAID_TERMINATION: Final = _TERMINATION_REASONS[0]
# How the households of the contracts not chosen below pay (a share of the contracts each).
_HABITS: Final = (("regular", 90), ("late", 3), ("partial", 2), ("episode", 4), ("rejected", 1))
_DEPOSIT_SHARE: Final = 0.05
# Stories told by contracts chosen in id order from a shuffle, one of each per 1 000 contracts (at
# least one): a contract running on ``today`` at each level of the arrears ladder, a repayment
# plan kept, an episode closed by the FSL and a remise gracieuse, a rejected direct debit, and
# an ended contract whose deposit paid part of the debt left.
_STORIES: Final = (
    "ccapex",
    "caf_threshold",
    "alert",
    "first_default",
    "plan",
    "fsl",
    "rejected",
    "deposit",
)
_STORIES_PER: Final = 1_000
# Housing shares (cents) that keep the chosen levels under both legal regimes (DOMAIN §4.5):
# two months unpaid pass 450 € (2027 threshold), one month stays under it.
_TWO_MONTHS_OVER_450: Final = 23_000
_ONE_MONTH_UNDER_450: Final = 44_000
_PLAN_INSTALMENTS: Final = 12
# What each story needs: the months before the latest one in default (for ``deposit``: the
# months of the contract), and the household's least monthly share (cents).
_STORY_NEEDS: Final[dict[str, tuple[int, int]]] = {
    "ccapex": (6, 1),
    "caf_threshold": (2, 1),
    "alert": (1, 5_000),
    "first_default": (1, 4_000),
    "plan": (10, 3_000),
    "fsl": (16, 3_000),
    "rejected": (5, 1),
    "deposit": (6, 1),
}
_CATCH_UP_MONTHS: Final = 6  # a suspension never lifted: two months paid back over six


@dataclass(frozen=True, slots=True)
class _Account:
    """A contract as its account needs it, read once every contract has its final dates."""

    contract_id: int
    start: date
    end: date | None
    rates: tuple[RateSpan, ...]
    statuses: tuple[BenefitSpan, ...]


@dataclass(frozen=True, slots=True)
class _Month:
    """One period month of a contract: what it charged and what the CAF pays of it.

    ``benefit`` is what the CAF pays with the statuses recorded (``withheld`` what it keeps for
    non-decency); ``full_benefit`` what it would pay were the benefit paid all month, so the
    household's usual payment is ``charged - full_benefit`` and, after a suspension, the CAF
    pays back ``full_benefit - benefit - withheld``.
    """

    period: date
    due: date
    charged: int
    benefit: int
    withheld: int
    full_benefit: int

    @property
    def share(self) -> int:
        """What the household pays in a usual month."""
        return max(self.charged - self.full_benefit, 0)

    @property
    def suspended(self) -> int:
        """Benefit not paid this month because it was suspended."""
        return self.full_benefit - self.benefit - self.withheld


@dataclass(frozen=True, slots=True)
class _Post:
    """An entry `ledger.post_entry` posts (`post_entries` or a bordereau, the routine ones)."""

    day: date
    kind: str
    amount: int
    period: date | None = None
    method: str | None = None
    payer: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class _Reverse:
    """`ledger.reverse_entry` of an entry posted earlier in the same account."""

    day: date
    reason: str
    target: _Post


@dataclass(frozen=True, slots=True)
class _Deposit:
    """`ledger.post_deposit`: a movement of the security deposit."""

    day: date
    kind: str
    amount: int


@dataclass(frozen=True, slots=True)
class _Act:
    """`arrears_actions.record_action`: a step taken about the arrears."""

    day: date
    kind: str
    outcome: str | None = None
    amount: int | None = None
    delivered_on: date | None = None
    instalments: tuple[tuple[date, int], ...] = ()


_Call = _Post | _Reverse | _Deposit | _Act


@dataclass(slots=True)
class _Book:
    """One contract's account: routine entries posted in bulk, then service calls by date."""

    contract_id: int
    payments: list[_Post] = field(default_factory=list)
    benefits: list[_Post] = field(default_factory=list)
    calls: list[_Call] = field(default_factory=list)


def _euros(cents: int) -> int:
    """Cents rounded down to whole euros."""
    return cents // 100 * 100


class _LedgerPlanner:
    """Draws every account's payments and episodes from its own generator, contracts in id order."""

    def __init__(self, seed: int, today: date, *, grace_days: int, payment_day: int) -> None:
        self.rng = random.Random(f"{seed}:ledger")
        self.today = today
        self.last_day = today - _DAY
        self.grace = timedelta(days=grace_days)
        self.payment_day = payment_day

    # ---------------------------------------------------------------- months and routine

    def months(self, account: _Account, charged: dict[date, int]) -> list[_Month]:
        """The period months charged, with the benefit the CAF pays of each (§3.5)."""
        always_paid = (BenefitSpan(account.start, "paid"),)
        paid_throughout = all(status.status == "paid" for status in account.statuses)
        months = []
        for period in sorted(charged):
            rate = rate_on(account.rates, max(account.start, period)) or account.rates[0]
            actual = month_benefit(
                period,
                start=account.start,
                end=account.end,
                rates=account.rates,
                statuses=account.statuses,
            )
            full = actual
            if not paid_throughout:
                full = month_benefit(
                    period,
                    start=account.start,
                    end=account.end,
                    rates=account.rates,
                    statuses=always_paid,
                )
            months.append(
                _Month(
                    period=period,
                    due=due_date(period, rate.due_day),
                    charged=charged[period],
                    benefit=actual.expected,
                    withheld=actual.withheld,
                    full_benefit=full.expected,
                )
            )
        return months

    def latest(self, months: Sequence[_Month]) -> int:
        """The index of the latest month in default on ``today`` if unpaid (-1: none)."""
        late = [i for i, month in enumerate(months) if month.due + self.grace <= self.today]
        return late[-1] if late else -1

    def on_time(self, start: date, month: _Month, habit: int, method: str) -> _Post | None:
        """The household's payment of a month, around its due day and before the grace ends."""
        if month.share <= 0:
            return None
        shift = min(habit + self.rng.randint(-2, 2), 4)
        day = max(start, month.due + timedelta(days=shift))
        return _Post(day, "household_payment", month.share, month.period, method)

    def benefits(self, account: _Account, months: Sequence[_Month]) -> list[_Post]:
        """The CAF's lines: each month on the 10th of the next, back payments after a suspension."""
        lines = []
        resumed = sorted(s.valid_from for s in account.statuses if s.status == "paid")[1:]
        for month in months:
            if month.benefit > 0:
                day = expected_payment_day(month.period, self.payment_day)
                lines.append(self.caf_line(day, month.benefit, month.period))
            again = next((day for day in resumed if day > month.period), None)
            if month.suspended > 0 and again is not None:
                day = expected_payment_day(again.replace(day=1), self.payment_day)
                lines.append(self.caf_line(day, month.suspended, month.period))
        return lines

    def caf_line(self, day: date, amount: int, period: date) -> _Post:
        return _Post(day, "housing_benefit", amount, period, "transfer", _CAF_PAYER)

    def suspensions(
        self, account: _Account, months: Sequence[_Month], paid: list[_Post | None]
    ) -> None:
        """A benefit suspended for good: from the third month the household pays it all.

        It also pays back, over six months, the two months it could not (a suspension
        followed by a back payment of the CAF needs nothing: the debt waits for it).
        """
        if any(s.status == "paid" and s.valid_from > account.start for s in account.statuses):
            return
        gaps = [i for i, month in enumerate(months) if month.suspended > 0]
        owed = sum(months[i].suspended for i in gaps[:2])
        for rank, index in enumerate(gaps[2:]):
            post = paid[index]
            if post is None:
                continue
            extra = months[index].suspended
            if rank < _CATCH_UP_MONTHS:
                extra += owed // _CATCH_UP_MONTHS
                extra += owed % _CATCH_UP_MONTHS if rank == _CATCH_UP_MONTHS - 1 else 0
            paid[index] = _Post(post.day, post.kind, post.amount + extra, post.period, post.method)

    # ---------------------------------------------------------------- the plan of each account

    def plan(
        self,
        accounts: Sequence[_Account],
        charged: dict[int, dict[date, int]],
        contracts: dict[int, _ContractPlan],
    ) -> list[_Book]:
        """Every account's book, contracts in id order."""
        items = [
            (account, self.months(account, charged.get(account.contract_id, {})))
            for account in accounts
        ]
        stories = self.stories(items, contracts)
        return [
            self.book(account, months, contracts.get(account.contract_id), stories)
            for account, months in items
        ]

    def stories(
        self, items: Sequence[tuple[_Account, list[_Month]]], contracts: dict[int, _ContractPlan]
    ) -> dict[int, str]:
        """The contracts chosen to tell each story (`_STORIES`)."""
        count = 1 + len(items) // _STORIES_PER

        def plain(account: _Account) -> bool:
            plan = contracts.get(account.contract_id)
            return (
                plan is not None
                and plan.terminate_on is None
                and plan.sliding != "slide"
                and all(status.status == "paid" for status in account.statuses)
            )

        running = [item for item in items if item[0].end is None and plain(item[0])]
        ended = [
            item
            for item in items
            if item[0].end is not None
            and item[0].end + timedelta(days=90) <= self.today
            and plain(item[0])
        ]
        self.rng.shuffle(running)
        self.rng.shuffle(ended)
        chosen: dict[int, str] = {}
        for story in _STORIES:
            pool = ended if story == "deposit" else running
            fitting = [
                account.contract_id
                for account, months in pool
                if account.contract_id not in chosen and self.fits(story, account, months)
            ]
            chosen.update((contract_id, story) for contract_id in fitting[:count])
        return chosen

    def fits(self, story: str, account: _Account, months: Sequence[_Month]) -> bool:
        """Whether a contract can tell ``story`` (enough months, shares that reach the level)."""
        history, least = _STORY_NEEDS[story]
        if story == "deposit":
            return _spans(len(months), history) and min(m.share for m in months[-2:]) >= least
        latest = self.latest(months)
        if not _spans(latest, history) or months[latest].share < least:
            return False
        month = months[latest]
        rate = rate_on(account.rates, month.period) or account.rates[0]
        housing = rate.rent + rate.charges - month.full_benefit
        if story in ("ccapex", "caf_threshold"):
            return housing >= _TWO_MONTHS_OVER_450
        if story == "alert":
            return 0 < housing <= _ONE_MONTH_UNDER_450
        return True

    def book(
        self,
        account: _Account,
        months: list[_Month],
        contract: _ContractPlan | None,
        stories: dict[int, str],
    ) -> _Book:
        rng = self.rng
        book = _Book(account.contract_id)
        method = _pick(rng, _METHODS)
        habit = rng.randint(-6, 2)
        paid = [self.on_time(account.start, month, habit, method) for month in months]
        book.benefits = self.benefits(account, months)
        self.suspensions(account, months, paid)
        story = stories.get(account.contract_id)
        debt = 0  # left unpaid when the contract ends
        if story is not None:
            debt = self.story(story, book, months, paid)
        elif contract is not None and contract.terminate_reason == _UNPAID_TERMINATION:
            debt = self.termination(book, months, paid, contract)
        else:
            self.habit(_pick(rng, _HABITS), book, months, paid)
        if story == "deposit" or _chance(rng, _DEPOSIT_SHARE):
            self.deposit(book, account, contract, debt)
        book.payments = [post for post in paid if post is not None and post.day <= self.last_day]
        book.benefits = [post for post in book.benefits if post.day <= self.last_day]
        book.calls = sorted(
            (call for call in book.calls if call.day <= self.last_day), key=lambda c: c.day
        )
        return book

    # ---------------------------------------------------------------- stories and habits

    def unpaid(self, paid: list[_Post | None], first: int, last: int) -> int:
        """Leave months ``first``…``last`` unpaid; return what they would have paid."""
        owed = 0
        for index in range(max(first, 0), min(last, len(paid) - 1) + 1):
            post = paid[index]
            owed += post.amount if post is not None else 0
            paid[index] = None
        return owed

    def default_day(self, month: _Month) -> date:
        return month.due + self.grace

    def story(self, story: str, book: _Book, months: list[_Month], paid: list[_Post | None]) -> int:
        """Tell a story (`_STORIES`); return the debt left at the end of an ended contract."""
        latest = self.latest(months)
        end = len(months) - 1
        if story == "ccapex":  # six months unpaid: a referral to the CCAPEX is due
            first = self.default_day(months[latest - 5])
            self.unpaid(paid, latest - 5, end)
            book.calls += [
                _Act(first + timedelta(days=3), "reminder_letter"),
                _Act(
                    first + timedelta(days=33),
                    "formal_notice",
                    delivered_on=first + timedelta(days=35),
                ),
                _Act(first + timedelta(days=50), "caf_report"),
            ]
        elif story == "caf_threshold":  # two months unpaid
            self.unpaid(paid, latest - 1, end)
            first = self.default_day(months[latest - 1])
            book.calls.append(_Act(first + timedelta(days=4), "reminder_letter"))
        elif story == "alert":  # this month unpaid
            self.unpaid(paid, latest, end)
            first = self.default_day(months[latest])
            book.calls.append(_Act(first + timedelta(days=2), "reminder_call"))
        elif story == "first_default":  # this month paid in part
            post = paid[latest]
            assert post is not None
            short = max(100, _euros(min(post.amount // 4, 4_000)))
            paid[latest] = None
            book.calls.append(
                _Post(post.day, post.kind, post.amount - short, post.period, post.method)
            )
        elif story == "plan":
            self.plan_story(book, months, paid, latest - 9)
        elif story == "fsl":
            self.episode(book, months, paid, latest - 15, 3, fsl=True, remission=True)
        elif story == "rejected":
            self.rejected(book, paid, latest - 4)
        elif story == "deposit":  # the last two months left unpaid at the departure
            return self.unpaid(paid, end - 1, end)
        return 0

    def plan_story(
        self, book: _Book, months: list[_Month], paid: list[_Post | None], first: int
    ) -> None:
        """Three months unpaid, reported to the CAF, then a plan over twelve months, kept."""
        debt = self.unpaid(paid, first, first + 2)
        default = self.default_day(months[first])
        each = _euros(debt // _PLAN_INSTALMENTS)
        start = first + 4
        dues = [_add_months(months[start].due, k) for k in range(_PLAN_INSTALMENTS)]
        amounts = [each] * (_PLAN_INSTALMENTS - 1) + [debt - each * (_PLAN_INSTALMENTS - 1)]
        book.calls += [
            _Act(default + timedelta(days=4), "reminder_letter"),
            _Act(self.default_day(months[first + 1]) + timedelta(days=6), "caf_report"),
            _Act(
                self.default_day(months[first + 3]),
                "repayment_plan",
                instalments=tuple(zip(dues, amounts, strict=True)),
            ),
        ]
        for k, amount in enumerate(amounts):
            index = start + k
            post = paid[index] if index < len(paid) else None
            if post is None:
                break
            paid[index] = None
            book.calls.append(
                _Post(post.day, post.kind, post.amount + amount, post.period, post.method)
            )

    def episode(
        self,
        book: _Book,
        months: list[_Month],
        paid: list[_Post | None],
        first: int,
        length: int,
        *,
        fsl: bool,
        remission: bool = False,
    ) -> None:
        """Some months unpaid, then the debt paid back by the household or with the FSL."""
        rng = self.rng
        debt = self.unpaid(paid, first, first + length - 1)
        if debt <= 0:
            return
        default = self.default_day(months[first])
        book.calls.append(_Act(default + timedelta(days=3), "reminder_letter"))
        after = first + length  # the first month paid again
        if fsl:
            aid = _euros(debt * rng.randint(60, 90) // 100)
            granted = default + timedelta(days=rng.randint(30, 45))
            book.calls += [
                _Act(granted, "fsl_application", outcome="grant", amount=aid),
                _Post(
                    granted + timedelta(days=rng.randint(15, 30)),
                    "fsl_aid",
                    aid,
                    method="transfer",
                    payer=_FSL_PAYER,
                ),
            ]
            rest = debt - aid
            forgiven = min(rest, _euros(rest // 3)) if remission else 0
            last = granted + timedelta(days=45)
            if forgiven > 0:
                book.calls.append(_Post(last, "remission", forgiven, reason=_REMISSION))
            if rest - forgiven > 0:
                book.calls.append(_Post(last, "household_payment", rest - forgiven, method="cash"))
            return
        parts = [debt // 3, debt // 3, debt - 2 * (debt // 3)]
        for k, amount in enumerate(parts):
            index = after + 1 + k
            post = paid[index] if index < len(paid) else None
            if post is not None and amount > 0:
                book.calls.append(
                    _Post(post.day + timedelta(days=1), post.kind, amount, method=post.method)
                )

    def rejected(self, book: _Book, paid: list[_Post | None], index: int) -> None:
        """A direct debit rejected by the bank, paid again by transfer ten days later."""
        post = paid[index]
        if post is None:
            return
        paid[index] = None
        debit = _Post(post.day, post.kind, post.amount, post.period, "direct_debit")
        book.calls += [
            debit,
            _Reverse(post.day + timedelta(days=5), _REJECTED, debit),
            _Post(post.day + timedelta(days=12), post.kind, post.amount, post.period, "transfer"),
        ]

    def habit(
        self, habit: str, book: _Book, months: list[_Month], paid: list[_Post | None]
    ) -> None:
        """How a household not chosen for a story pays: mostly on time, some late or in part."""
        rng = self.rng
        count = len(months)
        if habit == "late":
            for index in range(1, count):
                post = paid[index]
                if post is not None and _chance(rng, 0.3):
                    paid[index] = None
                    late = self.default_day(months[index]) + timedelta(days=rng.randint(3, 25))
                    book.calls.append(_Post(late, post.kind, post.amount, post.period, post.method))
        elif habit == "partial":
            index = 1
            while index < count - 1:
                post, following = paid[index], paid[index + 1]
                if post is not None and following is not None and _chance(rng, 0.25):
                    part = _euros(post.amount * rng.randint(50, 90) // 100)
                    if 0 < part < post.amount:
                        paid[index] = None
                        book.calls += [
                            _Post(post.day, post.kind, part, post.period, post.method),
                            _Post(
                                following.day + timedelta(days=rng.randint(0, 3)),
                                post.kind,
                                post.amount - part,
                                method=post.method,
                            ),
                        ]
                        index += 1
                index += 1
        elif habit == "episode" and _spans(count, 9):
            length = rng.randint(2, 3)
            first = rng.randint(1, count - length - 5)
            self.episode(book, months, paid, first, length, fsl=_chance(rng, 0.4))
        elif habit == "rejected" and _spans(count, 4):
            self.rejected(book, paid, rng.randint(1, count - 3))

    def termination(
        self, book: _Book, months: list[_Month], paid: list[_Post | None], plan: _ContractPlan
    ) -> int:
        """Rent unpaid for months before a résiliation for arrears, and its steps."""
        assert plan.terminate_on is not None
        if not months:
            return 0
        stop = plan.terminate_on - timedelta(days=150)
        first = next((i for i, m in enumerate(months) if m.due >= stop), len(months) - 1)
        first = min(max(first, 1), len(months) - 1)  # the first month is paid at the signing
        debt = self.unpaid(paid, first, len(months) - 1)
        default = self.default_day(months[first])
        steps = (
            (3, "reminder_letter"),
            (33, "formal_notice"),
            (50, "caf_report"),
            (75, "ccapex_referral"),
        )
        for after, kind in steps:
            day = default + timedelta(days=after)
            if day < plan.terminate_on:
                delivered = day + timedelta(days=2) if kind == "formal_notice" else None
                book.calls.append(_Act(day, kind, delivered_on=delivered))
        return debt

    def deposit(
        self, book: _Book, account: _Account, plan: _ContractPlan | None, debt: int
    ) -> None:
        """A deposit received at the start; at the end applied to the debt, refunded or moved."""
        rng = self.rng
        amount = _euros(account.rates[0].rent)
        book.calls.append(_Deposit(account.start, "received", amount))
        if account.end is None:
            return
        if plan is not None and plan.sliding == "slide":
            fate = "transferred" if plan.deposit == "transferred" else "refunded"
            book.calls.append(_Deposit(account.end + _DAY, fate, amount))
            return
        applied = min(amount, debt)
        if applied > 0:
            book.calls.append(_Deposit(account.end + timedelta(days=20), "applied", applied))
        if amount > applied:
            day = account.end + timedelta(days=rng.randint(21, 45))
            book.calls.append(_Deposit(day, "refunded", amount - applied))
        if debt > applied:
            book.calls.append(
                _Post(
                    account.end + timedelta(days=150),
                    "irrecoverable",
                    debt - applied,
                    reason=_IRRECOVERABLE,
                )
            )


# ------------------------------------------------------------------ writing the ledger


def _set_go_live(database: Database, day: date) -> None:
    """The ledger starts with the demo's history: nothing before it is charged."""

    def work(session: Session) -> None:
        session.execute(
            update(Parameter)
            .where(Parameter.key == "go_live_date", Parameter.scope == "")
            .values(value=json.dumps(day.isoformat()))
        )
        audit.record(
            session,
            actor=SYSTEM_ACTOR.login,
            user_id=None,
            action="settings",
            entity="parameter",
            fields=("go_live_date",),
        )

    database.run_write(work)


def _read_accounts(session: Session) -> list[_Account]:
    rates: dict[int, list[RateSpan]] = defaultdict(list)
    for rate in session.scalars(select(RentRate).order_by(RentRate.valid_from, RentRate.id)):
        rates[rate.contract_id].append(
            RateSpan(
                rate.valid_from,
                rate.rent,
                rate.charges,
                rate.mandatory_services,
                rate.optional_services,
                rate.expected_benefit,
                rate.tiers_payant,
                rate.due_day,
            )
        )
    statuses: dict[int, list[BenefitSpan]] = defaultdict(list)
    for row in session.scalars(
        select(BenefitStatus).order_by(BenefitStatus.valid_from, BenefitStatus.id)
    ):
        statuses[row.contract_id].append(BenefitSpan(row.valid_from, row.status))
    return [
        _Account(
            contract_id=contract_id,
            start=start,
            end=end,
            rates=tuple(rates[contract_id]),
            statuses=tuple(statuses[contract_id]),
        )
        for contract_id, start, end in session.execute(
            select(
                OccupancyContract.id, OccupancyContract.start_date, OccupancyContract.end_date
            ).order_by(OccupancyContract.id)
        )
        if rates[contract_id]
    ]


def _post_routine(database: Database, books: Sequence[_Book], today: date) -> tuple[int, int, int]:
    """The routine flow, through the services' bulk actions, as the system.

    The CAF's monthly bordereaux (`benefit_batches.record_batch`, one per transfer day: one
    line per contract and month, the transfer reference the CAF gives), then the household
    payments made on time (`ledger.post_entries`, one call): each with its audit event
    counting its entries (DOMAIN §8 bulk operations) and the history of every entry.

    Returns:
        The number of household payments, of bordereaux and of housing-benefit entries.
    """
    lines: dict[date, list[BatchLineInput]] = defaultdict(list)
    for book in books:
        for post in book.benefits:
            assert post.period is not None  # the CAF names the month it pays
            lines[post.day].append(BatchLineInput(book.contract_id, post.amount, (post.period,)))
    benefits = 0
    for day in sorted(lines):
        detail = record_batch(
            database,
            actor=SYSTEM_ACTOR,
            agency=_CAF,
            received_on=day,
            transfer_reference=f"CAF69-VIR-{day:%Y%m%d}",
            lines=lines[day],
            today=today,
        )
        benefits += detail.batch.entries
    payments = sorted(
        ((book.contract_id, post) for book in books for post in book.payments),
        key=lambda item: (item[1].day, item[0]),
    )
    posted = post_entries(
        database,
        actor=SYSTEM_ACTOR,
        postings=[
            PostingInput(
                contract_id=contract_id,
                kind=post.kind,
                amount=post.amount,
                posted_on=post.day,
                period_month=post.period,
                payer=post.payer,
                method=post.method,
                reason=post.reason,
            )
            for contract_id, post in payments
        ],
        today=today,
    )
    return posted.entries, len(lines), benefits


class _LedgerRunner:
    """Calls the services for what is out of the routine, account by account, as the system."""

    def __init__(self, database: Database, today: date, counts: _Counts) -> None:
        self.database = database
        self.today = today
        self.counts = counts

    def run(self, book: _Book) -> None:
        db, actor, today, counts = self.database, SYSTEM_ACTOR, self.today, self.counts
        posted: dict[int, int] = {}  # id() of a planned entry → the entry posted
        for call in book.calls:
            if isinstance(call, _Post):
                info = post_entry(
                    db,
                    actor=actor,
                    contract_id=book.contract_id,
                    kind=call.kind,
                    amount=call.amount,
                    posted_on=call.day,
                    period_month=call.period,
                    method=call.method,
                    payer=call.payer,
                    reason=call.reason,
                    today=today,
                )
                posted[id(call)] = info.entry_id
                self.count(call.kind)
            elif isinstance(call, _Reverse):
                reverse_entry(
                    db,
                    actor=actor,
                    entry_id=posted[id(call.target)],
                    reason=call.reason,
                    posted_on=call.day,
                    today=today,
                )
                counts.reversals += 1
            elif isinstance(call, _Deposit):
                post_deposit(
                    db,
                    actor=actor,
                    contract_id=book.contract_id,
                    kind=call.kind,
                    amount=call.amount,
                    posted_on=call.day,
                    today=today,
                )
                counts.deposit_movements += 1
            else:
                record_action(
                    db,
                    actor=actor,
                    contract_id=book.contract_id,
                    kind=call.kind,
                    action_date=call.day,
                    outcome=call.outcome,
                    amount=call.amount,
                    delivered_on=call.delivered_on,
                    instalments=[InstalmentInput(due, cents) for due, cents in call.instalments],
                    today=today,
                )
                counts.arrears_actions += 1
                counts.repayment_plans += call.kind == "repayment_plan"

    def count(self, kind: str) -> None:
        counts = self.counts
        if kind == "household_payment":
            counts.household_payments += 1
        elif kind == "fsl_aid":
            counts.aids += 1
        elif kind == "remission":
            counts.remissions += 1
        elif kind == "irrecoverable":
            counts.irrecoverable += 1


def _grow_ledger(
    database: Database,
    contracts: dict[int, _ContractPlan],
    *,
    seed: int,
    today: date,
    go_live: date,
    counts: _Counts,
    progress: tuple[int, int],
    control: TaskControl,
) -> None:
    """Charges, payments, benefits and arrears of every contract (module docstring)."""
    _set_go_live(database, go_live)
    reports = catch_up(database, actor=SYSTEM_ACTOR, today=today)
    charged: dict[int, dict[date, int]] = defaultdict(dict)
    for report in reports:
        counts.charges += report.entries
        for created in report.created:
            charged[created.contract_id][report.month] = created.total
    parameters = load_parameters(database, actor=SYSTEM_ACTOR)
    planner = _LedgerPlanner(
        seed,
        today,
        grace_days=parameters.int("arrears.grace_days", today),
        payment_day=parameters.int("benefit.expected_payment_day", today),
    )
    accounts = database.run_read(_read_accounts)
    books = planner.plan(accounts, charged, contracts)
    payments, batches, lines = _post_routine(database, books, today)
    counts.household_payments += payments
    counts.benefit_batches += batches
    counts.housing_benefits += lines
    done, total = progress
    runner = _LedgerRunner(database, today, counts)
    for index, book in enumerate(books):
        if index % 50 == 0:
            control.checkpoint()
            control.report(done + index, total)
        runner.run(book)


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
    """Give the demo households three years of stays, contracts and rent accounts.

    Args:
        database: a demo database filled by `build_demo` (with its accounts, for the key
            worker; without the ``travailleur.social`` account no key worker is set).
        seed: the seed of the only random generator used.
        today: the life ends the day before; no date after it is recorded.
        share: the part of the households (drawn deterministically, in id order) that get a
            life; the others keep no stay.
        control: progress (households given their stays and contracts, then contracts given
            their accounts) and cancellation.

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
    total = len(plans) + sum(plan.contract is not None for plan in plans)
    runner = _Runner(database, planner.rng, today)
    for done, plan in enumerate(plans):
        if done % 50 == 0:
            control.checkpoint()
            control.report(done, total)
        runner.run(plan)
    counts = runner.counts
    if stock.key_worker_id is not None:
        followed = [plan.household_id for plan in plans if _chance(planner.rng, 0.35)]
        if followed:
            _assign_key_worker(database, stock.key_worker_id, followed)
        counts.key_worker_households = len(followed)
    contracts = {
        plan.contract.contract_id: plan.contract
        for plan in plans
        if plan.contract is not None and plan.contract.contract_id is not None
    }
    _grow_ledger(
        database,
        contracts,
        seed=seed,
        today=today,
        go_live=planner.first_day,
        counts=counts,
        progress=(len(plans), total),
        control=control,
    )
    control.report(total, total)
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
        charges=counts.charges,
        household_payments=counts.household_payments,
        benefit_batches=counts.benefit_batches,
        housing_benefits=counts.housing_benefits,
        aids=counts.aids,
        remissions=counts.remissions,
        irrecoverable=counts.irrecoverable,
        reversals=counts.reversals,
        deposit_movements=counts.deposit_movements,
        arrears_actions=counts.arrears_actions,
        repayment_plans=counts.repayment_plans,
    )
