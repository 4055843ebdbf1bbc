"""The whole database written as the import workbook (DOMAIN §10): ``export-workbook``.

The file is the one `services.imports` reads, so an association can take its data out, correct
it in a spreadsheet and bring it back, or move it into another database: importing the export
into an empty database gives the same households, balances and arrears levels.

Everything is read in one transaction with one query per table (never one per row), then the
file is rendered and written after the transaction, under a temporary name replaced at the end
(never a half-written file under the name asked for).

Decisions where DOMAIN.md is silent, kept here so the export and the import agree:

- **Sheets**: a row per programme, per stay (Ménages), per membership period (Personnes), per
  dwelling, per contract (with the rate in force at its start), per later rate (Loyers), per
  benefit status, per ledger or deposit movement. Dispositifs give the places of the latest
  dated capacity and every funder (``; `` between names), as the import reads them back; a
  household's Adresse ends with ``, <postcode> <commune>`` when both are known.
- **Movements** keep their `import_reference` (the Référence of the row that imported them);
  others get a stable generated one: ``E-<entry id>`` for a ledger entry, ``D-<id>`` for a
  deposit movement. The charges of one contract-month from one origin (generated, imported,
  or posted together, as a departure's correction posts the prorated month) are written as ONE
  ``Appel`` row when they are exactly the components of the rate (what importing an ``Appel``
  creates), with their Motif. Otherwise (the month a termination cut into rent and indemnity,
  a part reversed on its own, a charge posted alone) each is a ``Régularisation (débit)`` of
  its nature and month: the
  workbook has no partial ``Appel``, and the balances and arrears come out the same. The
  ``deposit_applied`` credit a deposit movement created is the ``Dépôt imputé`` row itself.
  Signed kinds take their Type from their sign (amounts are always positive in the workbook):
  a negative housing-benefit line (indu, retenue) is a ``Régularisation (débit)`` too.
- **Référent** and **Intervenant**: the account's display name, or the login when two
  accounts share it.
- **Mesures**: a row per measure; its ``Phase`` is the latest one and its ``Durée prévue``
  includes the renewals granted (the import reads it so), so the planned end comes back the
  same. Renewal decisions, suspensions, goals and reviews have no sheet: they stay out.
- **Entretiens**: a row per contact, its themes in one cell (`` ; `` between them); the rows
  of contacts sharing a key follow their order of recording, as the import matches them.
- **Candidatures**: a household known only by a candidature (no stay yet: waiting, refused)
  has no Ménages row, so neither it nor its members are written; the workbook has no sheet
  for candidatures, applications, offers and rehousings yet.
- **Audit**: one ``export`` event naming the number of households.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final, NamedTuple, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from desktop_app.domain import workbook as wb
from desktop_app.domain.charges import RATE_NATURES, RateSpan, month_charges, rate_on
from desktop_app.domain.errors import RefusedError
from desktop_app.domain.permissions import ACTIONS, TABLE, Actor
from desktop_app.domain.progress import TaskControl
from desktop_app.domain.text import normalise, with_de
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import (
    BenefitStatus,
    Contact,
    ContactTheme,
    DepositEntry,
    Dwelling,
    Funder,
    Household,
    Landlord,
    LedgerEntry,
    MeasurePhase,
    MeasureRenewal,
    Membership,
    OccupancyContract,
    Person,
    Programme,
    ProgrammeCapacity,
    ProgrammeFunder,
    RentRate,
    Residence,
    SlidingPlan,
    Stay,
    SupportMeasure,
    UserAccount,
)
from desktop_app.reports.xlsx.workbook import write_workbook
from desktop_app.services.authz import audit_identity, service_action

log = logging.getLogger(__name__)

EXPORT: Final = "exports.nominative"
# The Motif of the rows the workbook can only write as a Régularisation (débit).
PARTIAL_CALL_REASON: Final = "Échéance partielle du mois (hors appel complet)"
BENEFIT_CLAWBACK_REASON: Final = "Indu ou retenue d'aide au logement"
_DEFAULT_REASONS: Final = {
    "charge": PARTIAL_CALL_REASON,
    "housing_benefit": BENEFIT_CLAWBACK_REASON,
}
FUNDER_SEPARATOR: Final = "; "  # several funders in the one Financeur cell
STEPS: Final = len(wb.SHEETS) + 1  # progress: each sheet read, then the file written
Row = dict[str, object]
Sheets = dict[str, list[Row]]

# The components an ``Appel`` stands for (an occupation indemnity has a Type of its own).
_CALL_NATURES: Final = RATE_NATURES - {"occupation_indemnity"}
# Ledger kinds with a Mouvements Type of their own (the sign of signed kinds chooses it).
_KIND_TYPES: Final[Mapping[str, str]] = {
    "household_payment": "household_payment",
    "fsl_aid": "fsl_aid",
    "other_aid": "other_aid",
    "remission": "remission",
    "irrecoverable": "irrecoverable",
    "debt_erased": "debt_erased",
    "deposit_applied": "deposit_applied",
    "opening_balance": "opening_balance",
    "reversal": "reversal",
}
# Charges of a nature that has a Type of its own.
_NATURE_TYPES: Final[Mapping[str, str]] = {
    "damage": "damage",
    "fees": "fees",
    "occupation_indemnity": "occupation_indemnity",
}
_DEPOSIT_TYPES: Final[Mapping[str, str]] = {
    "received": "deposit_received",
    "applied": "deposit_applied",
    "refunded": "deposit_refunded",
}


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export wrote: the file, and the rows of each sheet (in `SHEETS` order)."""

    path: Path
    sheets: tuple[tuple[str, int], ...]
    households: int
    left_out: int = 0
    """Deposit movements the workbook cannot express (a deposit transferred to a landlord)."""

    def rows(self, sheet: str) -> int:
        """The rows written in ``sheet``."""
        return dict(self.sheets).get(sheet, 0)

    @property
    def total(self) -> int:
        """Rows written in every sheet."""
        return sum(count for _, count in self.sheets)


@dataclass(frozen=True, slots=True)
class WorkbookRows:
    """The rows of every sheet, keyed by `Column.key`, as `write_workbook` takes them."""

    sheets: Mapping[str, list[Row]]
    households: int
    left_out: int = 0


# ------------------------------------------------------------------ reading

K = TypeVar("K")
V = TypeVar("V")


def _pairs(session: Session, statement: Select[K, V]) -> dict[K, V]:
    """A two-column query as a dictionary (first column → second)."""
    return {key: value for key, value in session.execute(statement)}


@dataclass(frozen=True, slots=True)
class _Contract:
    id: int
    kind: str
    household: str
    dwelling: str
    start: date
    end: date | None
    rates: tuple[RateSpan, ...]


def _rate_row(rate: RateSpan) -> Row:
    return {
        "rent": rate.rent,
        "charges": rate.charges,
        "mandatory_services": rate.mandatory_services,
        "optional_services": rate.optional_services,
        "expected_benefit": rate.expected_benefit,
        "third_party_payment": rate.tiers_payant,
        "due_day": rate.due_day,
    }


def _opening_rate(contract: _Contract) -> RateSpan | None:
    """The rate in force at the contract's start (its first one if it starts later)."""
    return rate_on(contract.rates, contract.start) or (
        contract.rates[0] if contract.rates else None
    )


def _programmes(session: Session, programmes: Mapping[int, Programme]) -> list[Row]:
    capacities: dict[int, list[tuple[date, int | None]]] = defaultdict(list)
    for programme_id, valid_from, places in session.execute(
        select(
            ProgrammeCapacity.programme_id, ProgrammeCapacity.valid_from, ProgrammeCapacity.places
        )
    ):
        capacities[programme_id].append((valid_from, places))
    funders: dict[int, list[str]] = defaultdict(list)
    for programme_id, name in session.execute(
        select(ProgrammeFunder.programme_id, Funder.name).join(
            Funder, Funder.id == ProgrammeFunder.funder_id
        )
    ):
        funders[programme_id].append(name)
    rows: list[Row] = []
    for programme in sorted(programmes.values(), key=lambda p: (p.name, p.id)):
        dated = sorted(capacities[programme.id], key=lambda item: item[0])
        rows.append(
            {
                "name": programme.name,
                "kind": programme.kind,
                "places": dated[-1][1] if dated else None,
                "funder": FUNDER_SEPARATOR.join(sorted(funders[programme.id])) or None,
                "start": programme.convention_start,
            }
        )
    return rows


def _key_workers(session: Session) -> dict[int, str]:
    """Each account as the Référent column names it: its display name, else its login.

    The login is used when the display name is shared by two accounts or is another one's
    login (the import looks logins up first, names compared in their normalised form).
    """
    rows = list(
        session.execute(select(UserAccount.id, UserAccount.login, UserAccount.display_name))
    )
    logins = {normalise(login) for _, login, _ in rows}
    names = Counter(normalise(name) for _, _, name in rows)
    return {
        user_id: name
        if name and names[normalise(name)] == 1 and normalise(name) not in logins
        else login
        for user_id, login, name in rows
    }


def _address(household: Household) -> str | None:
    """The one Adresse cell: the street, then ``, <postcode> <commune>`` when both are known."""
    if not household.address:
        return None
    if household.postcode and household.commune:
        return f"{household.address}, {household.postcode} {household.commune}"
    return household.address


def _households(
    session: Session, programmes: Mapping[int, str], workers: Mapping[int, str]
) -> list[Row]:
    households = {household.id: household for household in session.scalars(select(Household))}
    rows: list[Row] = []
    for stay in session.scalars(select(Stay)):
        household = households[stay.household_id]
        rows.append(
            {
                "reference": household.reference,
                "programme": programmes[stay.programme_id],
                "key_worker": (
                    workers.get(household.key_worker_id)
                    if household.key_worker_id is not None
                    else None
                ),
                "entry_date": stay.entry_date,
                "exit_date": stay.exit_date,
                "destination": stay.destination,
                "exit_reason": stay.exit_reason,
                "entry_situation": stay.entry_situation,
                "referrer": stay.referrer,
                "dalo_status": stay.dalo_status,
                "siao_reference": stay.siao_reference,
                "address": _address(household),
            }
        )
    rows.sort(
        key=lambda row: (str(row["reference"]), str(row["entry_date"]), str(row["programme"]))
    )
    return rows


def _persons(session: Session, references: Mapping[int, str]) -> list[Row]:
    """The members of the households with a stay (those the Ménages sheet names)."""
    rows: list[Row] = []
    with_stays = select(Stay.household_id)
    for membership, person in session.execute(
        select(Membership, Person)
        .join(Person, Person.id == Membership.person_id)
        .where(Membership.household_id.in_(with_stays))
    ):
        rows.append(
            {
                "household": references[membership.household_id],
                "last_name": person.last_name,
                "first_name": person.first_name,
                "birth_date": person.birth_date,
                "sex": person.sex,
                "role": membership.role,
                "arrival": membership.joined_on,
                "departure": membership.left_on,
                "phone": person.phone,
                "benefit_number": person.allocataire_number,
            }
        )
    rows.sort(key=lambda row: (str(row["household"]), str(row["arrival"]), str(row["last_name"])))
    return rows


def _surface(value: object) -> str | None:
    """A surface in m², written the French way (``45,5``)."""
    if value is None:
        return None
    text = format(value, "f").rstrip("0").rstrip(".") if "." in str(value) else str(value)
    return text.replace(".", ",")


def _dwellings(session: Session, programmes: Mapping[int, str]) -> list[Row]:
    return [
        {
            "reference": dwelling.reference,
            "address": dwelling.address,
            "postcode": dwelling.postcode,
            "town": dwelling.commune,
            "typology": dwelling.typology,
            "surface": _surface(dwelling.surface_m2),
            "sector": dwelling.sector,
            "landlord": landlord,
            "programme": programmes[dwelling.programme_id],
            "residence": residence,
            "lots": dwelling.lots,
            "places": dwelling.places,
            "captured_on": dwelling.captured_on,
            "returned_on": dwelling.returned_on,
        }
        for dwelling, landlord, residence in session.execute(
            select(Dwelling, Landlord.name, Residence.name)
            .outerjoin(Landlord, Landlord.id == Dwelling.landlord_id)
            .outerjoin(Residence, Residence.id == Dwelling.residence_id)
            .order_by(Dwelling.reference)
        )
    ]


def _contracts(
    session: Session, references: Mapping[int, str], dwellings: Mapping[int, str]
) -> dict[int, _Contract]:
    rates: dict[int, list[RateSpan]] = defaultdict(list)
    for rate in session.scalars(select(RentRate).order_by(RentRate.valid_from)):
        rates[rate.contract_id].append(
            RateSpan(
                valid_from=rate.valid_from,
                rent=rate.rent,
                charges=rate.charges,
                mandatory_services=rate.mandatory_services,
                optional_services=rate.optional_services,
                expected_benefit=rate.expected_benefit,
                tiers_payant=rate.tiers_payant,
                due_day=rate.due_day,
            )
        )
    return {
        contract.id: _Contract(
            contract.id,
            contract.kind,
            references[contract.household_id],
            dwellings[contract.dwelling_id],
            contract.start_date,
            contract.end_date,
            tuple(rates[contract.id]),
        )
        for contract in session.scalars(select(OccupancyContract))
    }


def _contract_key(contract: _Contract) -> tuple[str, str, date]:
    return contract.household, contract.dwelling, contract.start


def _contract_rows(
    session: Session, contracts: Mapping[int, _Contract]
) -> tuple[list[Row], list[Row], list[Row]]:
    """Contrats (the rate at the start), Loyers (the later rates) and Statut APL."""
    slid = _pairs(
        session,
        select(SlidingPlan.contract_id, SlidingPlan.slid_on).where(SlidingPlan.outcome == "slid"),
    )
    contract_rows: list[Row] = []
    rate_rows: list[Row] = []
    for contract in sorted(contracts.values(), key=_contract_key):
        opening = _opening_rate(contract)
        contract_rows.append(
            {
                "household": contract.household,
                "dwelling": contract.dwelling,
                "kind": contract.kind,
                "start": contract.start,
                "end": contract.end,
                **(_rate_row(opening) if opening is not None else {}),
                "glissement_on": slid.get(contract.id),
            }
        )
        rate_rows.extend(
            {
                "household": contract.household,
                "dwelling": contract.dwelling,
                "contract_start": contract.start,
                "effective_from": rate.valid_from,
                **_rate_row(rate),
            }
            for rate in contract.rates
            if rate is not opening
        )
    status_rows: list[Row] = []
    for contract_id, valid_from, status in session.execute(
        select(BenefitStatus.contract_id, BenefitStatus.valid_from, BenefitStatus.status)
    ):
        contract = contracts[contract_id]
        status_rows.append(
            {
                "household": contract.household,
                "dwelling": contract.dwelling,
                "contract_start": contract.start,
                "effective_from": valid_from,
                "status": status,
            }
        )
    status_rows.sort(
        key=lambda row: (
            str(row["household"]),
            str(row["dwelling"]),
            str(row["contract_start"]),
            str(row["effective_from"]),
        )
    )
    return contract_rows, rate_rows, status_rows


# ------------------------------------------------------------------ movements


class _Entry(NamedTuple):
    """The columns of a ledger entry the export writes (plain rows: fast at any size)."""

    id: int
    contract_id: int
    posted_on: date
    period_month: date | None
    kind: str
    nature: str | None
    amount: int
    generated: bool
    reverses_id: int | None
    reason: str | None
    first_default_on: date | None
    import_reference: str | None


class _Deposit(NamedTuple):
    """The columns of a deposit movement the export writes."""

    id: int
    contract_id: int
    posted_on: date
    kind: str
    amount: int
    ledger_entry_id: int | None
    import_reference: str | None


def _entries(session: Session) -> list[_Entry]:
    columns = [getattr(LedgerEntry, name) for name in _Entry._fields]
    return [_Entry(*row) for row in session.execute(select(*columns).order_by(LedgerEntry.id))]


def _deposits(session: Session) -> list[_Deposit]:
    columns = [getattr(DepositEntry, name) for name in _Deposit._fields]
    return [_Deposit(*row) for row in session.execute(select(*columns).order_by(DepositEntry.id))]


class _References:
    """The Référence of every movement: its import reference, else a generated one; unique."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, preferred: str | None, fallback: str) -> str:
        reference = preferred or fallback
        if reference in self.used:
            reference = f"{reference}-{fallback}"
        self.used.add(reference)
        return reference


def _call_groups(
    entries: list[_Entry], contracts: Mapping[int, _Contract], reversed_ids: set[int]
) -> tuple[list[list[_Entry]], set[int]]:
    """The groups of charges written as one ``Appel`` row, and the ids of their entries.

    A group is the charges of rate natures of one contract-month from one origin (the monthly
    generation, one imported ``Appel``, or posted together by hand or by a departure's
    correction), none reversed on its own, whose amounts are exactly what the rate charges for
    that month.
    """
    candidates: dict[tuple[int, date, str], list[_Entry]] = defaultdict(list)
    for entry in entries:
        if (
            entry.kind != "charge"
            or entry.nature not in _CALL_NATURES
            or entry.period_month is None
        ):
            continue
        origin = entry.import_reference or ("generated" if entry.generated else "posted")
        candidates[(entry.contract_id, entry.period_month, origin)].append(entry)
    groups: list[list[_Entry]] = []
    grouped: set[int] = set()
    for (contract_id, month, _), group in candidates.items():
        contract = contracts[contract_id]
        expected = month_charges(
            month, start=contract.start, end=contract.end, rates=contract.rates
        )
        parts = sorted((entry.nature or "", entry.amount) for entry in group)
        if (
            expected is None
            or parts != sorted(expected.parts)
            or len({entry.posted_on for entry in group}) != 1
            or any(entry.id in reversed_ids for entry in group)
        ):
            continue
        groups.append(group)
        grouped.update(entry.id for entry in group)
    return groups, grouped


def _entry_type(entry: _Entry) -> tuple[str, str | None, str | None]:
    """The Mouvements Type, Nature and Motif of a ledger entry written on its own row.

    A charge of a rate nature outside a whole ``Appel`` (the month a termination cut, a part
    reversed on its own) and a negative housing-benefit line become a ``Régularisation
    (débit)`` of that nature, with a Motif saying so when the entry had none.
    """
    movement_type, nature, reason = _KIND_TYPES.get(entry.kind, ""), None, entry.reason
    if entry.kind == "charge":
        nature = entry.nature or "rent"
        movement_type = _NATURE_TYPES.get(nature, "adjustment_debit")
        if movement_type != "adjustment_debit":
            nature = None
    elif entry.kind in {"housing_benefit", "adjustment"}:
        debit = entry.amount > 0 if entry.kind == "adjustment" else entry.amount < 0
        credit_type = "housing_benefit" if entry.kind == "housing_benefit" else "adjustment_credit"
        movement_type = "adjustment_debit" if debit else credit_type
        nature = (entry.nature or "rent") if debit else None
    if movement_type == "adjustment_debit" and reason is None:
        reason = _DEFAULT_REASONS.get(entry.kind)
    return movement_type, nature, reason


def _movements(
    session: Session, contracts: Mapping[int, _Contract], control: TaskControl
) -> tuple[list[Row], int]:
    """Every ledger and deposit movement; also the deposit movements left out."""
    entries = _entries(session)
    control.checkpoint()
    deposits = _deposits(session)
    reversed_ids = {entry.reverses_id for entry in entries if entry.reverses_id is not None}
    groups, grouped = _call_groups(entries, contracts, reversed_ids)
    by_deposit = {d.ledger_entry_id: d for d in deposits if d.ledger_entry_id is not None}
    references = _References()
    reference_of: dict[int, str] = {}  # ledger entry id → the movement standing for it
    rows: list[tuple[tuple[date, int, int], Row]] = []

    def base(contract_id: int, posted_on: date) -> Row:
        contract = contracts[contract_id]
        return {
            "household": contract.household,
            "dwelling": contract.dwelling,
            "posted_on": posted_on,
        }

    for group in groups:
        first = min(group, key=lambda entry: entry.id)
        reference = references.take(first.import_reference, f"E-{first.id}")
        reference_of.update({entry.id: reference for entry in group})
        row = base(first.contract_id, first.posted_on)
        row.update(
            reference=reference,
            period_month=first.period_month,
            type="call",
            amount=sum(entry.amount for entry in group),
            reason=first.reason,
        )
        rows.append(((first.posted_on, 0, first.id), row))
    left_out = 0
    for deposit in deposits:
        deposit_type = _DEPOSIT_TYPES.get(deposit.kind)
        if deposit_type is None:
            left_out += 1
            continue
        reference = references.take(deposit.import_reference, f"D-{deposit.id}")
        if deposit.ledger_entry_id is not None:
            reference_of[deposit.ledger_entry_id] = reference
        row = base(deposit.contract_id, deposit.posted_on)
        row.update(reference=reference, type=deposit_type, amount=deposit.amount)
        rows.append(((deposit.posted_on, 1, deposit.id), row))
    singles = [e for e in entries if e.id not in grouped and e.id not in by_deposit]
    for entry in singles:  # references first: a reversal may come before what it cancels
        reference_of[entry.id] = references.take(entry.import_reference, f"E-{entry.id}")
    for entry in singles:
        movement_type, nature, reason = _entry_type(entry)
        row = base(entry.contract_id, entry.posted_on)
        row.update(
            reference=reference_of[entry.id],
            period_month=entry.period_month,
            type=movement_type,
            nature=nature,
            amount=abs(entry.amount),
            reversed_reference=(
                reference_of.get(entry.reverses_id) if entry.reverses_id is not None else None
            ),
            reason=reason,
            first_default_on=entry.first_default_on,
        )
        rows.append(((entry.posted_on, 2, entry.id), row))
    rows.sort(key=lambda item: (str(item[1]["household"]), *item[0]))
    return [row for _, row in rows], left_out


# ------------------------------------------------------------------ accompaniment


def _measures(session: Session, references: Mapping[int, str]) -> list[Row]:
    """A row per measure: its latest phase, its planned months with the renewals granted."""
    renewed = (
        select(func.coalesce(func.sum(MeasureRenewal.months), 0))
        .where(MeasureRenewal.measure_id == SupportMeasure.id, MeasureRenewal.decision == "granted")
        .scalar_subquery()
    )
    phase = (
        select(MeasurePhase.phase)
        .where(MeasurePhase.measure_id == SupportMeasure.id)
        .order_by(MeasurePhase.from_date.desc())
        .limit(1)
        .scalar_subquery()
    )
    rows: list[Row] = []
    for measure, funder, months, current in session.execute(
        select(SupportMeasure, Funder.name, renewed, phase).outerjoin(
            Funder, Funder.id == SupportMeasure.funder_id
        )
    ):
        rows.append(
            {
                "household": references[measure.household_id],
                "kind": measure.kind,
                "phase": current,
                "target_public": measure.target_public,
                "referrer": measure.referrer,
                "prescribed_on": measure.prescribed_on,
                "start": measure.start_date,
                "planned_months": measure.planned_months + int(months or 0),
                "end": measure.end_date,
                "outcome": measure.outcome,
                "destination": measure.destination,
                "funder": funder,
                "conclusion": measure.conclusion,
            }
        )
    rows.sort(key=lambda row: (str(row["household"]), str(row["start"]), str(row["kind"])))
    return rows


def _contacts(
    session: Session, references: Mapping[int, str], workers: Mapping[int, str]
) -> list[Row]:
    """A row per contact, its themes in one cell; contacts of one key stay in id order."""
    contacts: dict[int, tuple[tuple[str, date, str, str, int], Row]] = {}
    themes: dict[int, list[str]] = defaultdict(list)
    for contact_id, household_id, held_on, kind, minutes, worker_id, theme in session.execute(
        select(
            Contact.id,
            Contact.household_id,
            Contact.held_on,
            Contact.kind,
            Contact.minutes,
            Contact.worker_id,
            ContactTheme.theme,
        )
        .outerjoin(ContactTheme, ContactTheme.contact_id == Contact.id)
        .order_by(Contact.id, ContactTheme.theme)
    ):
        if theme is not None:
            themes[contact_id].append(theme)
        if contact_id in contacts:
            continue
        worker = workers.get(worker_id) if worker_id is not None else None
        reference = references[household_id]
        contacts[contact_id] = (
            (reference, held_on, kind, worker or "", contact_id),
            {
                "household": reference,
                "held_on": held_on,
                "kind": kind,
                "minutes": minutes,
                "worker": worker,
            },
        )
    separator = f" {wb.THEME_SEPARATOR} "
    for contact_id, (_, row) in contacts.items():
        row["themes"] = separator.join(themes.get(contact_id, ())) or None
    return [row for _, row in sorted(contacts.values(), key=lambda item: item[0])]


def workbook_rows(session: Session, *, control: TaskControl | None = None) -> WorkbookRows:
    """Read the whole database into the rows of every sheet (bulk queries only).

    ``control`` is told the sheets done (of `STEPS`, the last being the file written by the
    caller) and may cancel between two of them.
    """
    control = control or TaskControl()
    total, done = STEPS, 0
    control.report(done, total)

    def step(sheets: int = 1) -> None:
        nonlocal done
        done += sheets
        control.report(done, total)
        control.checkpoint()

    stored = {p.id: p for p in session.scalars(select(Programme))}
    programmes = {programme_id: p.name for programme_id, p in stored.items()}
    references = _pairs(session, select(Household.id, Household.reference))
    dwellings = _pairs(session, select(Dwelling.id, Dwelling.reference))
    sheets: Sheets = {wb.PROGRAMMES.name: _programmes(session, stored)}
    step()
    workers = _key_workers(session)
    sheets[wb.HOUSEHOLDS.name] = _households(session, programmes, workers)
    step()
    sheets[wb.PERSONS.name] = _persons(session, references)
    step()
    sheets[wb.DWELLINGS.name] = _dwellings(session, programmes)
    step()
    contracts = _contracts(session, references, dwellings)
    (
        sheets[wb.CONTRACTS.name],
        sheets[wb.RATES.name],
        sheets[wb.BENEFIT_STATUSES.name],
    ) = _contract_rows(session, contracts)
    step(3)
    sheets[wb.MOVEMENTS.name], left_out = _movements(session, contracts, control)
    step()
    sheets[wb.MEASURES.name] = _measures(session, references)
    step()
    sheets[wb.CONTACTS.name] = _contacts(session, references, workers)
    step()
    ordered = {
        spec.name: [{c.key: row.get(c.key) for c in spec.columns} for row in sheets[spec.name]]
        for spec in wb.SHEETS
    }
    written = len({row["reference"] for row in sheets[wb.HOUSEHOLDS.name]})
    return WorkbookRows(ordered, written, left_out)


# ------------------------------------------------------------------ the service action


def write_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` under a temporary name beside ``path``, then replace ``path``."""
    partial = path.with_name(path.name + ".partiel")
    try:
        partial.write_bytes(content)
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise RefusedError(
            "export.file_unwritable", path=str(path), error=error.strerror or str(error)
        ) from error


@service_action(EXPORT)
def export_workbook(
    database: Database,
    *,
    actor: Actor,
    path: Path,
    control: TaskControl | None = None,
) -> ExportSummary:
    """Write the whole database to ``path`` in the import workbook's format.

    The whole association is exported: an actor whose right is limited to some programmes or
    residences is refused. ``control`` follows the reading and may cancel it (no file is
    written then, and no event is logged).

    Raises:
        RefusedError: the actor may not export everything, or the file cannot be written.
        Cancelled: the user stopped the export.
    """
    control = control or TaskControl()
    if not _association_wide(actor):
        raise RefusedError("auth.denied", what=with_de(ACTIONS[EXPORT]))

    def work(session: Session) -> WorkbookRows:
        rows = workbook_rows(session, control=control)
        login, user_id = audit_identity(actor)
        audit.record(
            session,
            actor=login,
            user_id=user_id,
            action="export",
            entity="workbook",
            count=rows.households,
        )
        return rows

    rows = database.run_write(work)
    write_atomically(path, write_workbook(rows.sheets))
    control.report(STEPS, STEPS)
    log.info("workbook exported: %d households", rows.households)
    return ExportSummary(
        path=path,
        sheets=tuple((name, len(sheet)) for name, sheet in rows.sheets.items()),
        households=rows.households,
        left_out=rows.left_out,
    )


def _association_wide(actor: Actor) -> bool:
    """Whether ``actor`` may export every household (a grant not limited to a programme)."""
    return actor.system or any(
        grant.programme_id is None
        and grant.residence_id is None
        and EXPORT in TABLE.get(grant.role, {})
        for grant in actor.grants
    )
