"""The demo's admissions and rehousing: orientations, refusals, admissions, applications, offers.

After `demo_life.grow_demo` and `demo_support.grow_support`, this module records what a
coordinator running admissions would have recorded, by calling the services of the GUI:

- **Candidatures** (`admissions.record_candidature`, each with a new household: the person
  oriented by the SIAO is not known yet): a waiting list for the first programmes that take
  orientations (a pension de famille, a sous-location programme), some with an interview
  (`add_step`) — their answer to the SIAO comes due in the agenda —; refusals of both sides and
  candidatures without follow-up over the past year, each with its reason (`decide`); and
  admissions (`admit`) with an interview and the committee, which open the stay — and the
  contract when a free dwelling of the programme can be assigned.
- **Social-housing applications** (`rehousing.record_application`) of households housed today,
  renewed when older than a year (`renew_application`), two with a recognised DALO priority
  (`record_dalo`); **offers** (`record_offer`, `record_offer_outcome`): one refused by the
  household with its reason, one accepted; and the **rehousings** the accepted offers led to
  (`record_rehousing`), which end the household's stay with its destination and its contract.

Everything is drawn from one ``random.Random`` seeded from ``seed``; the same ``(seed, today)``
gives the same rows. The counts are small and the same at every size (each call is its own
transaction).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.permissions import Actor
from desktop_app.domain.progress import TaskControl
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import (
    Dwelling,
    OccupancyContract,
    Programme,
    Stay,
)
from desktop_app.services import admissions, charges, rehousing
from desktop_app.services.authz import service_action
from desktop_app.services.contracts import RateInput
from desktop_app.services.demo_data import (
    LAST_NAMES,
    MEN_FIRST_NAMES,
    SOCIAL_LANDLORDS,
    WOMEN_FIRST_NAMES,
)

_DAY: Final = timedelta(days=1)
# Programme kinds that take orientations, in the order the demo fills their waiting lists.
_ADMITTING: Final = ("boarding_house", "iml_sublease", "sliding_lease")
_HOUSED: Final = ("iml_sublease", "sliding_lease", "boarding_house", "iml_mandate")
_CONTRACT_KIND: Final = {
    "boarding_house": "residence_agreement",
    "iml_sublease": "sublease",
    "sliding_lease": "sliding_sublease",
}
_ENTRY_SITUATIONS: Final = (
    "emergency_shelter",
    "hotel_115",
    "street",
    "third_party",
    "insertion_shelter",
    "prison_exit",
)
_REFUSALS: Final = (
    ("refused_structure", "no_matching_place"),
    ("refused_household", "household_declined_location"),
    ("no_follow_up", "unreachable"),
    ("refused_structure", "needs_not_matching"),
    ("refused_household", "household_declined_other"),
    ("no_follow_up", "incomplete_file"),
)
_COMMUNES: Final = ("Vénissieux", "Villeurbanne", "Lyon 8e", "Bron", "Vaulx-en-Velin", "Lyon 9e")
_OFFER_REFUSAL: Final = "Trop loin du travail et de l'école des enfants"


@dataclass(frozen=True, slots=True)
class AdmissionsSummary:
    """What `grow_admissions` recorded, call by call."""

    candidatures: int = 0
    steps: int = 0
    refused: int = 0
    admitted: int = 0
    contracts: int = 0
    applications: int = 0
    renewals: int = 0
    dalo: int = 0
    offers: int = 0
    rehousings: int = 0
    charges: int = 0  # the charges of the contracts signed at admission (ledger entries)


@dataclass(frozen=True, slots=True)
class _Housed:
    household_id: int
    stay_id: int
    programme_kind: str
    entry: date


@dataclass(frozen=True, slots=True)
class _Scene:
    programmes: tuple[tuple[int, str], ...]  # id, kind: the programmes taking orientations
    housed: tuple[_Housed, ...]


def _read_scene(session: Session, today: date) -> _Scene:
    rank = {kind: index for index, kind in enumerate(_ADMITTING)}
    programmes = sorted(
        (
            (programme_id, kind)
            for programme_id, kind in session.execute(
                select(Programme.id, Programme.kind)
                .where(Programme.kind.in_(_ADMITTING))
                .order_by(Programme.id)
            )
        ),
        key=lambda row: (rank[row[1]], row[0]),
    )
    housed = tuple(
        _Housed(household_id, stay_id, kind, entry)
        for household_id, stay_id, kind, entry in session.execute(
            select(Stay.household_id, Stay.id, Programme.kind, Stay.entry_date)
            .join(Programme, Programme.id == Stay.programme_id)
            .where(
                Programme.kind.in_(_HOUSED),
                Stay.exit_date.is_(None),
                Stay.entry_date <= today - timedelta(days=400),
            )
            .order_by(Stay.household_id, Stay.id)
        )
    )
    return _Scene(tuple(programmes), housed)


def _free_dwellings(session: Session, programme_id: int, on: date) -> list[int]:
    """Dwellings of the programme in the stock on ``on`` without a contract running then."""
    busy = select(OccupancyContract.dwelling_id).where(
        OccupancyContract.start_date <= on,
        or_(OccupancyContract.end_date.is_(None), OccupancyContract.end_date >= on),
    )
    return list(
        session.scalars(
            select(Dwelling.id)
            .where(
                Dwelling.programme_id == programme_id,
                or_(Dwelling.captured_on.is_(None), Dwelling.captured_on <= on),
                or_(Dwelling.returned_on.is_(None), Dwelling.returned_on > on),
                Dwelling.id.not_in(busy),
            )
            .order_by(Dwelling.id)
        )
    )


class _Grower:
    def __init__(self, database: Database, actor: Actor, seed: int, today: date) -> None:
        self.database = database
        self.actor = actor
        self.rng = random.Random(f"{seed}:admissions")
        self.today = today
        self.counts: dict[str, int] = dict.fromkeys(AdmissionsSummary.__dataclass_fields__, 0)
        self.numbers = 0

    def count(self, key: str, by: int = 1) -> None:
        self.counts[key] += by

    def head(self) -> admissions.NewHousehold:
        woman = self.rng.random() < 0.5  # noqa: PLR2004 - as many women as men
        first = self.rng.choice(WOMEN_FIRST_NAMES if woman else MEN_FIRST_NAMES)
        return admissions.NewHousehold(
            last_name=self.rng.choice(LAST_NAMES), first_name=first, sex="f" if woman else "h"
        )

    def siao_number(self, day: date) -> str:
        self.numbers += 1
        return f"SIAO-69-{day.year}-{self.numbers:04d}"

    def candidature(self, programme_id: int, oriented_on: date) -> admissions.CandidatureInfo:
        info = admissions.record_candidature(
            self.database,
            actor=self.actor,
            programme_id=programme_id,
            oriented_on=oriented_on,
            new_household=self.head(),
            siao_reference=self.siao_number(oriented_on),
            referrer="siao",
            entry_situation=self.rng.choice(_ENTRY_SITUATIONS),
            today=self.today,
        )
        self.count("candidatures")
        return info

    def step(self, candidature_id: int, kind: str, held_on: date) -> admissions.CandidatureInfo:
        info = admissions.add_step(
            self.database,
            actor=self.actor,
            candidature_id=candidature_id,
            kind=kind,
            held_on=held_on,
            today=self.today,
        )
        self.count("steps")
        return info

    # ------------------------------------------------------------ candidatures

    def waiting(self, programme_id: int, count: int) -> None:
        for index in range(count):
            oriented = self.today - timedelta(days=3 + 9 * index)
            info = self.candidature(programme_id, oriented)
            if index % 2:
                self.step(info.candidature_id, "interview", oriented + 5 * _DAY)

    def refusals(self, programme_id: int, offset: int) -> None:
        for index, (decision, reason) in enumerate(_REFUSALS):
            oriented = self.today - timedelta(days=60 + 45 * index + offset)
            info = self.candidature(programme_id, oriented)
            if decision != "no_follow_up":
                info = self.step(info.candidature_id, "interview", oriented + 6 * _DAY)
            admissions.decide(
                self.database,
                actor=self.actor,
                candidature_id=info.candidature_id,
                decision=decision,
                decided_on=oriented + 12 * _DAY,
                version=info.version,
                refusal_reason=reason,
                today=self.today,
            )
            self.count("refused")

    def admitted(self, programme_id: int, kind: str, count: int) -> None:
        for index in range(count):
            oriented = self.today - timedelta(days=40 + 20 * index)
            info = self.candidature(programme_id, oriented)
            info = self.step(info.candidature_id, "interview", oriented + 5 * _DAY)
            info = self.step(info.candidature_id, "committee", oriented + 12 * _DAY)
            entry = oriented + 21 * _DAY
            if self.admit(info, programme_id, kind, entry):
                self.count("contracts")
            self.count("admitted")

    def admit(
        self, info: admissions.CandidatureInfo, programme_id: int, kind: str, entry: date
    ) -> bool:
        """Admit with a contract in a free dwelling when one can be signed, else the stay only."""
        free = self.database.run_read(lambda session: _free_dwellings(session, programme_id, entry))
        rent = 38_000 + 1_000 * self.rng.randrange(8)
        for dwelling_id in free[:3]:
            contract = admissions.ContractPart(
                kind=_CONTRACT_KIND[kind],
                dwelling_id=dwelling_id,
                rate=RateInput(
                    rent=rent,
                    charges=4_000,
                    expected_benefit=rent * 2 // 3,
                    tiers_payant=True,
                ),
            )
            try:
                admissions.admit(
                    self.database,
                    actor=self.actor,
                    candidature_id=info.candidature_id,
                    entry=entry,
                    version=info.version,
                    contract=contract,
                    today=self.today,
                )
            except InvalidInput:
                continue  # this dwelling cannot take the household: try another one
            return True
        admissions.admit(
            self.database,
            actor=self.actor,
            candidature_id=info.candidature_id,
            entry=entry,
            version=info.version,
            today=self.today,
        )
        return False

    # ------------------------------------------------------------ rehousing

    def applications(self, housed: Sequence[_Housed]) -> list[tuple[_Housed, int]]:
        made: list[tuple[_Housed, int]] = []
        for index, stay in enumerate(housed):
            filed = max(stay.entry + 30 * _DAY, self.today - timedelta(days=700 - 40 * index))
            if filed >= self.today:
                continue
            self.numbers += 1
            info = rehousing.record_application(
                self.database,
                actor=self.actor,
                household_id=stay.household_id,
                number=f"069{filed:%y}{self.numbers:010d}",
                filed_on=filed,
                today=self.today,
            )
            self.count("applications")
            renewal = filed + timedelta(days=340)
            while renewal < self.today:
                info = rehousing.renew_application(
                    self.database,
                    actor=self.actor,
                    application_id=info.application_id,
                    version=info.version,
                    renewed_on=renewal,
                    today=self.today,
                )
                self.count("renewals")
                renewal += timedelta(days=350)
            if index < 2:  # noqa: PLR2004 - two households recognised a DALO priority
                decision = min(filed + timedelta(days=150), self.today - 20 * _DAY)
                info = rehousing.record_dalo(
                    self.database,
                    actor=self.actor,
                    application_id=info.application_id,
                    version=info.version,
                    dalo_filed_on=decision - 60 * _DAY,
                    comed_decision_on=decision,
                    recognised=True,
                    appeal_on=None,
                    today=self.today,
                )
                self.count("dalo")
            made.append((stay, info.application_id))
        return made

    def signature(self, index: int) -> date:
        """A lease signed in the current month, so the contract ends within its last charge."""
        signed = self.today - timedelta(days=10 - index)
        first = self.today.replace(day=1)
        return signed if signed - _DAY >= first else max(self.today, first + _DAY)

    def offers(self, made: Sequence[tuple[_Housed, int]]) -> None:
        """One offer refused by the household, then accepted offers ending in a rehousing."""
        # Households in sous-location move out through an offer (a bail glissant slides, in
        # `demo_life`; a pension's residents stay in the collective life of their house).
        elsewhere = [item for item in made if item[0].programme_kind == "iml_sublease"]
        for index, (stay, application_id) in enumerate(elsewhere[:3]):
            offered = self.today - timedelta(days=40 - 5 * index)
            landlord = SOCIAL_LANDLORDS[index % len(SOCIAL_LANDLORDS)]
            commune = _COMMUNES[index % len(_COMMUNES)]
            offer = rehousing.record_offer(
                self.database,
                actor=self.actor,
                household_id=stay.household_id,
                offered_on=offered,
                landlord=landlord,
                commune=commune,
                typology="t2",
                rent=41_000 + 2_500 * index,
                application_id=application_id,
                today=self.today,
            )
            self.count("offers")
            refused = index == 0
            offer = rehousing.record_offer_outcome(
                self.database,
                actor=self.actor,
                offer_id=offer.offer_id,
                version=offer.version,
                outcome="refused_household" if refused else "accepted",
                outcome_on=offered + 8 * _DAY,
                reason=_OFFER_REFUSAL if refused else None,
                today=self.today,
            )
            if refused:
                continue
            rehousing.record_rehousing(
                self.database,
                actor=self.actor,
                household_id=stay.household_id,
                signed_on=self.signature(index),
                landlord=landlord,
                sector="social",
                commune=commune,
                offer_id=offer.offer_id,
                stay_id=stay.stay_id,
                today=self.today,
            )
            self.count("rehousings")


@service_action(admissions.EDIT)
def grow_admissions(
    database: Database,
    *,
    actor: Actor,
    seed: int,
    today: date,
    waiting: int = 5,
    applications: int = 8,
    control: TaskControl | None = None,
) -> AdmissionsSummary:
    """Record the demo's admissions and rehousing (module docstring).

    Args:
        database: a demo database whose households have their stays.
        actor: who records it all (the demo passes the system actor).
        seed: seeds the only random generator used.
        today: nothing is recorded after it.
        waiting: undecided candidatures per programme in the waiting lists.
        applications: households housed for more than a year given a social-housing application.
        control: cancellation (checked between the parts).

    Returns:
        The number of records of each kind.
    """
    control = control or TaskControl()
    scene = database.run_read(lambda session: _read_scene(session, today))
    grower = _Grower(database, actor, seed, today)
    for index, (programme_id, kind) in enumerate(scene.programmes[:2]):
        control.checkpoint()
        grower.waiting(programme_id, waiting)
        grower.refusals(programme_id, offset=7 * index)
        grower.admitted(programme_id, kind, 2)
    control.checkpoint()
    housed = sorted(
        scene.housed, key=lambda stay: (stay.programme_kind != "iml_sublease", stay.stay_id)
    )
    made = grower.applications(housed[:applications])
    control.checkpoint()
    grower.offers(made)
    # The contracts signed at admission are charged like the others, up to this month.
    reports = charges.catch_up(database, actor=actor, today=today)
    grower.count("charges", sum(report.entries for report in reports))
    return AdmissionsSummary(**grower.counts)
