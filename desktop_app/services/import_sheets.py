"""The reference sheets of the import workbook: Dispositifs, Ménages, Personnes, Logements.

Each importer receives the parsed sheet (None when the file has no such sheet) and the shared
`ImportContext`; it matches every row to the database on the sheet's key (DOMAIN §10, keys
compared in their normalised form), creates what is missing, updates what changed (business
history old → new for dates, statuses and amounts) and counts each row as created, updated or
unchanged. Problems are reported on their sheet, row and column; a row with a problem is not
written, the others are (so the later sheets find them), and the orchestrator rolls the whole
transaction back when any blocking problem was found.

Decisions where DOMAIN §10 is silent, kept here so the export, the GUI and the tests agree:

- **Absent column, empty cell**: a column missing from the sheet leaves the stored value alone;
  a column present with an empty cell clears an optional value (or restores its default:
  ``Non renseigné``, ``Non DALO``, one lot…). Exceptions: the household's Référent and Adresse,
  repeated on every stay row, are taken from the latest stay (by entry date) whose cell is
  filled, and an empty column there changes nothing.
- **Dispositifs**: ``Financeur`` may name several funders separated by ``;``; the programme's
  funders become exactly those named. ``Places`` is the capacity in force: the latest dated
  capacity row is corrected, or a first one created from ``Début`` (or "since always").
- **Ménages**: ``Adresse`` is one cell; a trailing ``<5-digit postcode> <commune>`` (as in
  ``12 rue des Lilas, 69003 Lyon``) fills the postcode and commune.
- **Personnes**: a person is matched within the household on last name, first name and birth
  date; two rows of the same person with different ``Arrivée`` are two periods of membership.
  An empty ``Arrivée`` is the household's first entry; an empty ``Lien`` makes a lone person the
  head. A ``N° allocataire`` without a known agency is taken as a CAF number. Exactly one head
  on every day of the household's presence (its stays and its members' periods).
- **Logements**: a landlord or residence named but unknown is created (a landlord's kind
  follows the dwelling's sector; a residence belongs to the dwelling's programme, which must
  be a pension). Restitution mirrors `housing.return_dwelling`: no contract may run past it,
  and the open vacancy ends that day.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Final, cast

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from desktop_app.domain.duplicates import PersonCandidate, find_duplicates
from desktop_app.domain.errors import ValidationIssue
from desktop_app.domain.households import (
    HEAD,
    MemberSpan,
    StaySpan,
    check_heads,
    check_member,
    check_occupancy,
    check_stay,
)
from desktop_app.domain.messages import message
from desktop_app.domain.parameters import PLAIN_SETTING_DATE
from desktop_app.domain.periods import format_date
from desktop_app.domain.text import household_search_text, normalise, search_tokens
from desktop_app.domain.vocabulary import FUNDER_KIND
from desktop_app.domain.workbook import ParsedRow, ParsedSheet, SheetSpec
from desktop_app.persistence.history import HistoryValue
from desktop_app.persistence.models import (
    Dwelling,
    Funder,
    Household,
    Landlord,
    Membership,
    OccupancyContract,
    Person,
    Programme,
    ProgrammeCapacity,
    ProgrammeFunder,
    Residence,
    ResidencePlaces,
    Stay,
    VacancyPeriod,
)
from desktop_app.services.household_edit import phone_issues
from desktop_app.services.housing import RESIDENCE_PROGRAMMES
from desktop_app.services.import_context import ImportContext, key_of
from desktop_app.services.import_rows import (
    RowKeys,
    Workers,
    chunks,
    column_heading,
    has_column,
    insert_many,
)

_POSTCODE: Final = re.compile(r"\d{5}")
_ADDRESS: Final = re.compile(r"^(?P<street>.*?)[,\s]+(?P<postcode>\d{5})\s+(?P<commune>\D.*)$")
_SURFACE: Final = re.compile(r"^(\d{1,5}(?:[.,]\d+)?)\s*(?:m2|m²)?$", re.IGNORECASE)
_SURFACE_STEP: Final = Decimal("0.01")
_DIGITS: Final = re.compile(r"\d+")
_MIN_NAME_TOKEN: Final = 3
_FUNDER_SEPARATOR: Final = ";"
_DEFAULT_AGENCY: Final = "caf"
_SECTOR_LANDLORD: Final = {"social": "social", "private": "private"}

# Stay attribute ← Ménages column: (column key, value of an empty cell / of a new stay).
_STAY_FIELDS: Final[Mapping[str, tuple[str, object]]] = {
    "exit_date": ("exit_date", None),
    "destination": ("destination", None),
    "exit_reason": ("exit_reason", None),
    "entry_situation": ("entry_situation", "unknown"),
    "referrer": ("referrer", None),
    "dalo_status": ("dalo_status", "non_dalo"),
    "siao_reference": ("siao_reference", None),
}
# Stay fields kept in the business history (dates and codes; the SI-SIAO reference is text).
_STAY_HISTORY: Final = (
    "exit_date",
    "destination",
    "exit_reason",
    "entry_situation",
    "referrer",
    "dalo_status",
)
# Where a stay problem of `check_stay` is shown (its field → Ménages column key).
_STAY_COLUMNS: Final = {"entry": "entry_date", "exit": "exit_date", "destination": "destination"}
# Dwelling fields kept in the business history, as `housing` keeps them (plus the return).
_DWELLING_HISTORY: Final = (
    "typology",
    "sector",
    "landlord_id",
    "programme_id",
    "residence_id",
    "lots",
    "places",
    "captured_on",
    "returned_on",
)


# ------------------------------------------------------------------ shared helpers


def _report(
    ctx: ImportContext,
    spec: SheetSpec,
    row: ParsedRow,
    problems: Iterable[ValidationIssue],
    columns: Mapping[str, str],
) -> bool:
    """Report a service rule's issues on the row, each in its column; True when any."""
    found = False
    for problem in problems:
        key = columns.get(problem.field)
        heading = column_heading(spec, key) if key is not None else None
        ctx.error(spec.name, row.number, heading, problem.code, **problem.params)
        found = True
    return found


def _programme_of(ctx: ImportContext, spec: SheetSpec, row: ParsedRow) -> int | None:
    """The programme named in the row's ``programme`` column (reported when unknown)."""
    name = row.text("programme")
    if name is None:
        return None
    programme_id = ctx.programmes.get(key_of(name))
    if programme_id is None:
        ctx.error(
            spec.name,
            row.number,
            column_heading(spec, "programme"),
            "import.programme_unknown",
            name=name,
        )
    return programme_id


def _history_value(value: object) -> HistoryValue:
    if value is None or isinstance(value, date | int | bool | str):
        return value
    return str(value)


# ------------------------------------------------------------------ Dispositifs


def import_programmes(ctx: ImportContext, sheet: ParsedSheet | None) -> None:
    """Programmes by name: kind, funders (created if unknown), capacity in places, start."""
    if sheet is None:
        return
    importer = _Programmes(ctx, sheet.spec)
    keys = RowKeys(ctx, sheet.spec)
    for row in sheet.rows:
        name = row.text("name")
        if name is None or not keys.first(row, (key_of(name),), name):
            continue
        places = row.cents("places")
        if places is not None and places < 0:
            heading = column_heading(sheet.spec, "places")
            ctx.error(
                sheet.spec.name, row.number, heading, "import.number_negative", heading=heading
            )
            continue
        programme_id = ctx.programmes.get(key_of(name))
        if programme_id is None:
            importer.create(row, name, places)
        else:
            importer.update(row, programme_id, places)


class _Programmes:
    """The programmes, their funders and capacities as stored, for the Dispositifs rows."""

    def __init__(self, ctx: ImportContext, spec: SheetSpec) -> None:
        session = ctx.session
        self.ctx, self.spec, self.session = ctx, spec, session
        self.programmes = {row.id: row for row in session.scalars(select(Programme))}
        self.funders: dict[str, Funder] = {}
        for funder in session.scalars(select(Funder).order_by(Funder.id)):
            self.funders.setdefault(key_of(funder.name), funder)
        self.links: defaultdict[int, set[int]] = defaultdict(set)
        for programme_id, funder_id in session.execute(
            select(ProgrammeFunder.programme_id, ProgrammeFunder.funder_id)
        ):
            self.links[programme_id].add(funder_id)
        self.capacities: defaultdict[int, list[ProgrammeCapacity]] = defaultdict(list)
        for capacity in session.scalars(
            select(ProgrammeCapacity).order_by(ProgrammeCapacity.valid_from)
        ):
            self.capacities[capacity.programme_id].append(capacity)
        self.with_residences = set(
            session.scalars(
                select(Residence.programme_id).where(Residence.programme_id.is_not(None))
            )
        )

    def create(self, row: ParsedRow, name: str, places: int | None) -> None:
        """A new programme with its funders and first capacity."""
        kind, start = row.text("kind"), row.day("start")
        if kind is None:
            return
        programme = Programme(name=name, kind=kind, convention_start=start)
        self.session.add(programme)
        self.session.flush()
        self.ctx.programmes[key_of(name)] = programme.id
        self.programmes[programme.id] = programme
        if has_column(row, "funder"):
            self.session.add_all(
                ProgrammeFunder(programme_id=programme.id, funder_id=funder_id)
                for funder_id in sorted(self.named_funders(row))
            )
        if places is not None:
            self.capacity(programme, places, start)
        self.ctx.history(
            entity="programme",
            entity_id=programme.id,
            household_id=None,
            field="kind",
            old=None,
            new=kind,
        )
        self.ctx.created(self.spec.name)

    def update(self, row: ParsedRow, programme_id: int, places: int | None) -> None:
        """What changed of a stored programme; nothing written when a value is refused."""
        ctx, spec = self.ctx, self.spec
        programme = self.programmes[programme_id]
        kind, start = row.text("kind"), row.day("start")
        changes: list[tuple[str, HistoryValue, HistoryValue]] = []
        if kind is not None and kind != programme.kind:
            if programme_id in self.with_residences and kind not in RESIDENCE_PROGRAMMES:
                heading = column_heading(spec, "kind")
                ctx.error(spec.name, row.number, heading, "housing.residence_programme_kind")
                return
            changes.append(("kind", programme.kind, kind))
        if has_column(row, "start") and start != programme.convention_start:
            end = programme.convention_end
            if start is not None and end is not None and start > end:
                ctx.error(
                    spec.name,
                    row.number,
                    column_heading(spec, "start"),
                    "import.programme_start_after_end",
                    start=format_date(start),
                    end=format_date(end),
                )
                return
            changes.append(("convention_start", programme.convention_start, start))
        for attribute, old, new in changes:
            setattr(programme, attribute, new)
            ctx.history(
                entity="programme",
                entity_id=programme.id,
                household_id=None,
                field=attribute,
                old=old,
                new=new,
            )
        changed = bool(changes)
        if has_column(row, "funder"):
            changed |= self.relink(programme, self.named_funders(row))
        if places is not None:
            changed |= self.capacity(programme, places, start)
        if changed:
            ctx.updated(spec.name)
        else:
            ctx.unchanged(spec.name)

    def named_funders(self, row: ParsedRow) -> set[int]:
        """The funders named in the cell (``;`` between names), created when unknown."""
        ids: set[int] = set()
        for part in (row.text("funder") or "").split(_FUNDER_SEPARATOR):
            name = part.strip()
            if not name:
                continue
            funder = self.funders.get(key_of(name))
            if funder is None:
                funder = Funder(name=name, kind=FUNDER_KIND.parse(name) or "other")
                self.session.add(funder)
                self.session.flush()
                self.funders[key_of(name)] = funder
            ids.add(funder.id)
        return ids

    def relink(self, programme: Programme, wanted: set[int]) -> bool:
        """The programme's funders become exactly ``wanted``; whether that changed them."""
        current = self.links[programme.id]
        if wanted == current:
            return False
        self.session.execute(
            delete(ProgrammeFunder).where(
                ProgrammeFunder.programme_id == programme.id,
                ProgrammeFunder.funder_id.in_(current - wanted),
            )
        )
        self.session.add_all(
            ProgrammeFunder(programme_id=programme.id, funder_id=funder_id)
            for funder_id in sorted(wanted - current)
        )
        self.links[programme.id] = wanted
        return True

    def capacity(self, programme: Programme, places: int, start: date | None) -> bool:
        """The capacity in places in force: the latest dated row corrected, or a first one."""
        rows = self.capacities[programme.id]
        if not rows:
            capacity = ProgrammeCapacity(
                programme_id=programme.id, valid_from=start or PLAIN_SETTING_DATE, places=places
            )
            self.session.add(capacity)
            rows.append(capacity)
            old: int | None = None
        elif rows[-1].places != places:
            old = rows[-1].places
            rows[-1].places = places
        else:
            return False
        self.ctx.history(
            entity="programme",
            entity_id=programme.id,
            household_id=None,
            field="places",
            old=old,
            new=places,
        )
        return True


# ------------------------------------------------------------------ Ménages


@dataclass(slots=True)
class _StayPlan:
    """A Ménages row as it will be written: the stay's values and its span for the checks."""

    row: ParsedRow
    household_id: int
    programme_id: int
    entry: date
    values: dict[str, object]
    stay: Stay | None
    span: StaySpan
    valid: bool = True
    changed: bool = False


def _stay_values(row: ParsedRow, stay: Stay | None) -> dict[str, object]:
    values: dict[str, object] = {}
    for attribute, (key, default) in _STAY_FIELDS.items():
        if has_column(row, key):
            value = row.values[key]
            values[attribute] = default if value is None else value
        else:
            values[attribute] = default if stay is None else getattr(stay, attribute)
    return values


def _split_address(text: str) -> tuple[str, str | None, str | None]:
    """``12 rue des Lilas, 69003 Lyon`` → street, postcode, commune (else the text alone)."""
    found = _ADDRESS.match(text)
    if found is None or not found.group("street").strip():
        return text, None, None
    return found.group("street").strip(" ,"), found.group("postcode"), found.group("commune")


def import_households(ctx: ImportContext, sheet: ParsedSheet | None) -> None:
    """Households by reference (created at their first row) and their stays, one per row."""
    if sheet is None:
        return
    spec, session = sheet.spec, ctx.session
    created = _create_households(ctx, sheet)
    ids = {ctx.households[key_of(ref)] for row in sheet.rows if (ref := row.text("reference"))}
    households: dict[int, Household] = {}
    stays: defaultdict[int, list[Stay]] = defaultdict(list)
    for chunk in chunks(ids):
        households.update(
            (row.id, row)
            for row in session.scalars(select(Household).where(Household.id.in_(chunk)))
        )
        for stay in session.scalars(select(Stay).where(Stay.household_id.in_(chunk))):
            stays[stay.household_id].append(stay)
    kinds = {pid: kind for pid, kind in session.execute(select(Programme.id, Programme.kind))}
    plans = _stay_plans(ctx, sheet, stays, kinds)
    changed_rows = _household_fields(ctx, sheet, households)
    _check_stays(ctx, spec, plans, stays, kinds)
    _write_stays(ctx, plans)
    # A row is counted once, by its stay; a row without a valid stay has its problem listed.
    for plan in plans:
        if not plan.valid:
            continue
        household_id = plan.household_id
        if plan.stay is None:
            ctx.created(spec.name, household_id)
            ctx.households_to_check.add(household_id)
        elif plan.changed or plan.row.number in changed_rows:
            ctx.updated(spec.name, household_id)
            if plan.changed:
                ctx.households_to_check.add(household_id)
        else:
            ctx.unchanged(spec.name)
    for household_id in created:
        ctx.touched_households.add(household_id)
        ctx.households_to_check.add(household_id)


def _create_households(ctx: ImportContext, sheet: ParsedSheet) -> set[int]:
    """Every household named for the first time, created at once; their ids."""
    new: dict[str, tuple[str, int]] = {}
    for row in sheet.rows:
        reference = row.text("reference")
        if reference is None:
            continue
        key = key_of(reference)
        if key not in ctx.households and key not in new:
            new[key] = (reference, row.number)
        household_id = ctx.households.get(key)
        if household_id is not None:
            ctx.household_rows.setdefault(household_id, (sheet.spec.name, row.number))
    rows = [{"reference": ref, "search_text": normalise(ref)} for ref, _ in new.values()]
    ids = insert_many(ctx.session, Household, rows, match=("reference",))
    for (key, (_, number)), household_id in zip(new.items(), ids, strict=True):
        ctx.households[key] = household_id
        ctx.household_rows[household_id] = (sheet.spec.name, number)
    return set(ids)


def _stay_plans(
    ctx: ImportContext,
    sheet: ParsedSheet,
    stays: Mapping[int, list[Stay]],
    kinds: Mapping[int, str],
) -> list[_StayPlan]:
    spec = sheet.spec
    keys = RowKeys(ctx, spec)
    plans: list[_StayPlan] = []
    for row in sheet.rows:
        reference = row.text("reference")
        if reference is None:
            continue
        household_id = ctx.households[key_of(reference)]
        programme_id = _programme_of(ctx, spec, row)
        entry = row.day("entry_date")
        if entry is not None:
            earliest = ctx.household_starts.get(household_id)
            ctx.household_starts[household_id] = entry if earliest is None else min(earliest, entry)
        if programme_id is None or entry is None:
            continue
        shown = f"{reference}, {row.text('programme')}, {format_date(entry)}"
        if not keys.first(row, (household_id, programme_id, entry), shown):
            continue
        stay = next(
            (
                s
                for s in stays.get(household_id, ())
                if s.programme_id == programme_id and s.entry_date == entry
            ),
            None,
        )
        values = _stay_values(row, stay)
        span = StaySpan(
            stay.id if stay is not None else -row.number,
            programme_id,
            kinds[programme_id],
            entry,
            values["exit_date"] if isinstance(values["exit_date"], date) else None,
            values["destination"] if isinstance(values["destination"], str) else None,
            values["exit_reason"] if isinstance(values["exit_reason"], str) else None,
        )
        plans.append(_StayPlan(row, household_id, programme_id, entry, values, stay, span))
    return plans


def _household_fields(
    ctx: ImportContext, sheet: ParsedSheet, households: Mapping[int, Household]
) -> set[int]:
    """Référent and Adresse from each household's latest filled row; the rows that changed."""
    spec = sheet.spec
    workers = Workers(ctx.session)
    latest: dict[tuple[int, str], ParsedRow] = {}
    for row in sheet.rows:
        reference = row.text("reference")
        if reference is None:
            continue
        household_id = ctx.households[key_of(reference)]
        for key in ("key_worker", "address"):
            if row.text(key) is None:
                continue
            earlier = latest.get((household_id, key))
            if earlier is None or (row.day("entry_date") or date.min) >= (
                earlier.day("entry_date") or date.min
            ):
                latest[(household_id, key)] = row
    changed: set[int] = set()
    for (household_id, key), row in latest.items():
        household = households[household_id]
        text = row.text(key)
        assert text is not None
        if key == "key_worker":
            worker_id, problem = workers.find(text)
            if problem is not None:
                ctx.error(spec.name, row.number, column_heading(spec, key), problem, name=text)
            elif worker_id != household.key_worker_id:
                household.key_worker_id = worker_id
                changed.add(row.number)
        else:
            street, postcode, commune = _split_address(text)
            if (household.address, household.postcode, household.commune) != (
                street,
                postcode,
                commune,
            ):
                household.address, household.postcode, household.commune = (
                    street,
                    postcode,
                    commune,
                )
                changed.add(row.number)
    return changed


def _check_stays(
    ctx: ImportContext,
    spec: SheetSpec,
    plans: Sequence[_StayPlan],
    stays: Mapping[int, list[Stay]],
    kinds: Mapping[int, str],
) -> None:
    """The rules of `stays.open_stay`/`close_stay` on each household's stays as they will be."""
    by_household: defaultdict[int, list[_StayPlan]] = defaultdict(list)
    for plan in plans:
        by_household[plan.household_id].append(plan)
    for household_id, group in by_household.items():
        matched = {plan.stay.id for plan in group if plan.stay is not None}
        others = [
            StaySpan(
                stay.id,
                stay.programme_id,
                kinds[stay.programme_id],
                stay.entry_date,
                stay.exit_date,
                stay.destination,
                stay.exit_reason,
            )
            for stay in stays.get(household_id, ())
            if stay.id not in matched
        ] + [plan.span for plan in group]
        for plan in group:
            problems = check_stay(plan.span, others, today=ctx.today)
            if _report(ctx, spec, plan.row, problems, _STAY_COLUMNS):
                plan.valid = False


def _write_stays(ctx: ImportContext, plans: Sequence[_StayPlan]) -> None:
    new: list[_StayPlan] = []
    for plan in plans:
        if not plan.valid:
            continue
        if plan.stay is None:
            new.append(plan)
            continue
        stay = plan.stay
        changed = False
        for attribute, value in plan.values.items():
            old = getattr(stay, attribute)
            if old == value:
                continue
            changed = True
            setattr(stay, attribute, value)
            if attribute in _STAY_HISTORY:
                ctx.history(
                    entity="stay",
                    entity_id=stay.id,
                    household_id=plan.household_id,
                    field=attribute,
                    old=_history_value(old),
                    new=_history_value(value),
                )
        plan.changed = changed
    rows = [
        {
            "household_id": plan.household_id,
            "programme_id": plan.programme_id,
            "entry_date": plan.entry,
            **plan.values,
        }
        for plan in new
    ]
    for plan, stay_id in zip(new, insert_many(ctx.session, Stay, rows), strict=True):
        lines: list[tuple[str, HistoryValue]] = [("entry_date", plan.entry)]
        lines += [
            (attribute, _history_value(plan.values[attribute]))
            for attribute in ("exit_date", "destination", "exit_reason")
        ]
        for attribute, value in lines:
            ctx.history(
                entity="stay",
                entity_id=stay_id,
                household_id=plan.household_id,
                field=attribute,
                old=None,
                new=value,
            )


# ------------------------------------------------------------------ Personnes


_PersonKey = tuple[int, str, str, date | None]


@dataclass(slots=True)
class _MemberRow:
    """A Personnes row: its household, the person it names and the membership it describes."""

    row: ParsedRow
    household_id: int
    reference: str
    person_key: _PersonKey
    last_name: str
    first_name: str
    birth_date: date | None
    role: str | None = None
    joined_on: date | None = None
    left_on: date | None = None
    person: Person | None = None
    membership: Membership | None = None
    valid: bool = True
    created: bool = False
    changed: bool = False


@dataclass(slots=True)
class _Household:
    """What the Personnes importer knows of one household."""

    reference: str
    memberships: list[Membership] = field(default_factory=list)
    persons: dict[int, Person] = field(default_factory=dict)
    start: date | None = None


def import_persons(ctx: ImportContext, sheet: ParsedSheet | None) -> None:
    """Persons and their membership of a household; then one head on every day.

    Runs even without a Personnes sheet: households created or changed by the Ménages sheet
    are checked (a new household without any person has no head), and their search text is
    refreshed.
    """
    session = ctx.session
    rows = _member_rows(ctx, sheet) if sheet is not None else []
    household_ids = {member.household_id for member in rows} | ctx.households_to_check
    known = _load_households(session, household_ids)
    for household_id, start in ctx.household_starts.items():
        household = known.get(household_id)
        if household is not None and (household.start is None or start < household.start):
            household.start = start
    if sheet is not None:
        _match_members(ctx, sheet.spec, rows, known)
        _write_members(ctx, sheet.spec, rows, known)
        for member in rows:
            if not member.valid:
                continue
            if member.created:
                ctx.created(sheet.spec.name, member.household_id)
            elif member.changed:
                ctx.updated(sheet.spec.name, member.household_id)
            else:
                ctx.unchanged(sheet.spec.name)
    touched = {member.household_id for member in rows if member.created or member.changed}
    ctx.households_to_check |= touched
    _check_compositions(ctx, sheet, rows, known)
    refresh_search_texts(session, ctx.touched_households)


def _member_rows(ctx: ImportContext, sheet: ParsedSheet) -> list[_MemberRow]:
    spec = sheet.spec
    members: list[_MemberRow] = []
    for row in sheet.rows:
        reference = row.text("household")
        if reference is None:
            continue
        household_id = ctx.households.get(key_of(reference))
        if household_id is None:
            ctx.error(
                spec.name,
                row.number,
                column_heading(spec, "household"),
                "import.household_unknown",
                reference=reference,
            )
            continue
        last, first = row.text("last_name"), row.text("first_name")
        if last is None or first is None:
            continue
        birth = row.day("birth_date")
        key = (household_id, key_of(last), key_of(first), birth)
        members.append(_MemberRow(row, household_id, reference, key, last, first, birth))
    return members


def _load_households(session: Session, household_ids: set[int]) -> dict[int, _Household]:
    known: dict[int, _Household] = {}
    for chunk in chunks(household_ids):
        for household_id, reference in session.execute(
            select(Household.id, Household.reference).where(Household.id.in_(chunk))
        ):
            known[household_id] = _Household(reference)
        for membership, person in session.execute(
            select(Membership, Person)
            .join(Person, Person.id == Membership.person_id)
            .where(Membership.household_id.in_(chunk))
            .order_by(Membership.id)
        ):
            known[membership.household_id].memberships.append(membership)
            known[membership.household_id].persons[person.id] = person
        for household_id, entry in session.execute(
            select(Stay.household_id, Stay.entry_date).where(Stay.household_id.in_(chunk))
        ):
            current = known[household_id].start
            known[household_id].start = entry if current is None else min(current, entry)
    return known


def _match_members(
    ctx: ImportContext,
    spec: SheetSpec,
    rows: list[_MemberRow],
    known: Mapping[int, _Household],
) -> None:
    """Find each row's person and membership; settle its role and dates; check the row."""
    keys = RowKeys(ctx, spec)
    people: defaultdict[int, set[tuple[str, str, date | None]]] = defaultdict(set)
    for member in rows:
        people[member.household_id].add(member.person_key[1:])
    for member in rows:
        row, household = member.row, known[member.household_id]
        arrival = row.day("arrival")
        shown = f"{member.reference}, {member.last_name} {member.first_name}" + (
            f", {format_date(member.birth_date)}" if member.birth_date else ""
        )
        if not keys.first(row, (*member.person_key, arrival), shown):
            member.valid = False
            continue
        member.person = next(
            (
                person
                for person in household.persons.values()
                if (key_of(person.last_name), key_of(person.first_name), person.birth_date)
                == member.person_key[1:]
            ),
            None,
        )
        others = {
            (key_of(person.last_name), key_of(person.first_name), person.birth_date)
            for person in household.persons.values()
        } | people[member.household_id]
        lone = len(others) == 1
        member.role = row.text("role") or (HEAD if lone else None)
        member.joined_on = arrival or household.start
        member.left_on = row.day("departure")
    _pair_memberships(rows, known)
    for member in rows:
        if member.valid:
            member.valid = not _member_problems(ctx, spec, member)


def _pair_memberships(rows: list[_MemberRow], known: Mapping[int, _Household]) -> None:
    """Pair the rows of a person with their stored periods: same arrival, or one each."""
    groups: defaultdict[tuple[int, int], list[_MemberRow]] = defaultdict(list)
    for member in rows:
        if member.valid and member.person is not None:
            groups[(member.household_id, member.person.id)].append(member)
    for (household_id, person_id), group in groups.items():
        stored = [m for m in known[household_id].memberships if m.person_id == person_id]
        free = list(stored)
        for member in group:
            same = next((m for m in free if m.joined_on == member.joined_on), None)
            if same is not None:
                member.membership = same
                free.remove(same)
        unpaired = [member for member in group if member.membership is None]
        if len(unpaired) == 1 and len(free) == 1:
            unpaired[0].membership = free[0]
    for member in rows:
        if member.membership is None or member.valid is False:
            continue
        row = member.row
        if not has_column(row, "arrival"):
            member.joined_on = member.membership.joined_on
        if not has_column(row, "departure"):
            member.left_on = member.membership.left_on
        if not has_column(row, "role"):
            member.role = member.membership.role


def _member_problems(ctx: ImportContext, spec: SheetSpec, member: _MemberRow) -> bool:
    row, reference = member.row, member.reference
    problems: list[tuple[str, str, dict[str, object]]] = []
    if member.role is None:
        problems.append(("role", "import.role_missing", {"household": reference}))
    if member.joined_on is None:
        problems.append(("arrival", "import.arrival_unknown", {"household": reference}))
    elif member.role is not None:
        for issue in check_member(MemberSpan(0, member.role, member.joined_on, member.left_on)):
            problems.append(("departure", issue.code, issue.params))
    if member.birth_date is not None and member.birth_date > ctx.today:
        problems.append(
            (
                "birth_date",
                "household_edit.birth_in_future",
                {"day": format_date(member.birth_date)},
            )
        )
    phone = row.text("phone")
    for issue in phone_issues(phone):
        problems.append(("phone", issue.code, issue.params))
    number = row.text("benefit_number")
    if number is not None and not _DIGITS.fullmatch(number.replace(" ", "")):
        problems.append(("benefit_number", "household_edit.allocataire_invalid", {"value": number}))
    for key, code, params in problems:
        ctx.error(spec.name, row.number, column_heading(spec, key), code, **params)
    return bool(problems)


def _person_values(row: ParsedRow, person: Person | None) -> dict[str, object]:
    """Sex, phone and allocataire number as the row gives them (absent columns kept)."""
    values: dict[str, object] = {}
    if has_column(row, "sex"):
        values["sex"] = row.text("sex") or "unknown"
    elif person is None:
        values["sex"] = "unknown"
    if has_column(row, "phone"):
        values["phone"] = row.text("phone")
    if has_column(row, "benefit_number"):
        number = row.text("benefit_number")
        values["allocataire_number"] = number.replace(" ", "") if number else None
        agency = person.benefit_agency if person is not None else None
        if number and agency is None:
            values["benefit_agency"] = _DEFAULT_AGENCY
    return values


def _write_members(
    ctx: ImportContext,
    spec: SheetSpec,
    rows: list[_MemberRow],
    known: Mapping[int, _Household],
) -> None:
    _write_persons(ctx, spec, [member for member in rows if member.valid])
    _write_memberships(ctx, [member for member in rows if member.valid], known)


def _write_persons(ctx: ImportContext, spec: SheetSpec, valid: Sequence[_MemberRow]) -> None:
    """One person per (household, name, birth): the first row gives its values."""
    persons: dict[_PersonKey, tuple[_MemberRow, dict[str, object]]] = {}
    new_persons: list[tuple[_MemberRow, Person, dict[str, object]]] = []
    for member in valid:
        values = _person_values(member.row, member.person)
        first = persons.get(member.person_key)
        if first is not None:
            _conflicts(ctx, spec, member, first, values)
            member.person = first[0].person
            continue
        persons[member.person_key] = (member, values)
        if member.person is None:
            row: dict[str, object] = {
                "last_name": member.last_name,
                "first_name": member.first_name,
                "birth_date": member.birth_date,
                "search_name": normalise(f"{member.last_name} {member.first_name}"),
                "sex": "unknown",
                "phone": None,
                "allocataire_number": None,
                "benefit_agency": None,
                **values,
            }
            # A detached record of the person (inserted below with the others, in bulk).
            member.person = Person(**row)
            member.created = True
            new_persons.append((member, member.person, row))
            continue
        person = member.person
        for attribute, value in values.items():
            old = getattr(person, attribute)
            if old == value:
                continue
            setattr(person, attribute, value)
            member.changed = True
            if attribute in ("sex", "benefit_agency"):
                ctx.history(
                    entity="person",
                    entity_id=person.id,
                    household_id=member.household_id,
                    field=attribute,
                    old=_history_value(old),
                    new=_history_value(value),
                )
    if new_persons:
        _warn_duplicates(ctx, spec, [member for member, _, _ in new_persons])
        ids = insert_many(ctx.session, Person, [row for _, _, row in new_persons])
        for (_, person, _), person_id in zip(new_persons, ids, strict=True):
            person.id = person_id


def _write_memberships(
    ctx: ImportContext, valid: Sequence[_MemberRow], known: Mapping[int, _Household]
) -> None:
    new_memberships: list[_MemberRow] = []
    for member in valid:
        if not member.valid:
            continue
        assert member.person is not None
        assert member.role is not None
        assert member.joined_on is not None
        membership = member.membership
        if membership is None:
            membership = Membership(
                household_id=member.household_id,
                person_id=member.person.id,
                role=member.role,
                joined_on=member.joined_on,
                left_on=member.left_on,
            )
            member.membership = membership
            member.created = True
            new_memberships.append(member)
            known[member.household_id].memberships.append(membership)
            known[member.household_id].persons[member.person.id] = member.person
            continue
        for attribute, value in (
            ("role", member.role),
            ("joined_on", member.joined_on),
            ("left_on", member.left_on),
        ):
            old = getattr(membership, attribute)
            if old == value:
                continue
            setattr(membership, attribute, value)
            member.changed = True
            ctx.history(
                entity="membership",
                entity_id=membership.id,
                household_id=member.household_id,
                field=attribute,
                old=_history_value(old),
                new=_history_value(value),
            )
    rows = [
        {
            "household_id": m.household_id,
            "person_id": m.membership.person_id,
            "role": m.membership.role,
            "joined_on": m.membership.joined_on,
            "left_on": m.membership.left_on,
        }
        for m in new_memberships
        if m.membership is not None
    ]
    for member, membership_id in zip(
        new_memberships, insert_many(ctx.session, Membership, rows), strict=True
    ):
        assert member.membership is not None
        member.membership.id = membership_id
        for attribute in ("joined_on", "role", "left_on"):
            ctx.history(
                entity="membership",
                entity_id=member.membership.id,
                household_id=member.household_id,
                field=attribute,
                old=None,
                new=_history_value(getattr(member.membership, attribute)),
            )


def _conflicts(
    ctx: ImportContext,
    spec: SheetSpec,
    member: _MemberRow,
    first: tuple[_MemberRow, dict[str, object]],
    values: Mapping[str, object],
) -> None:
    """Two rows of one person must agree on the person's own values."""
    earlier, earlier_values = first
    columns = {"sex": "sex", "phone": "phone", "allocataire_number": "benefit_number"}
    for attribute, key in columns.items():
        if attribute not in values or attribute not in earlier_values:
            continue
        if values[attribute] != earlier_values[attribute]:
            member.valid = False
            ctx.error(
                spec.name,
                member.row.number,
                column_heading(spec, key),
                "import.person_conflict",
                name=f"{member.last_name} {member.first_name}",
                first=earlier.row.number,
                heading=column_heading(spec, key),
            )


class _Resemblance:
    """Persons already recorded, found by birth date or name word (`propose_duplicates`)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_birth: defaultdict[date, list[PersonCandidate]] = defaultdict(list)
        self.by_token: defaultdict[str, list[PersonCandidate]] = defaultdict(list)
        self.homes: defaultdict[int, set[int]] = defaultdict(set)
        self._next_new = -1
        for person_id, household_id in session.execute(
            select(Membership.person_id, Membership.household_id)
        ):
            self.homes[person_id].add(household_id)
        for row in session.execute(
            select(Person.id, Person.last_name, Person.first_name, Person.birth_date)
        ):
            self.add(PersonCandidate(*row))

    def add(self, candidate: PersonCandidate) -> None:
        if candidate.birth_date is not None:
            self.by_birth[candidate.birth_date].append(candidate)
        for token in _name_tokens(candidate.last_name, candidate.first_name):
            self.by_token[token].append(candidate)

    def add_new(self, last: str, first: str, birth: date | None, household_id: int) -> None:
        """A person this file creates: later rows of other households are compared to it."""
        candidate = PersonCandidate(self._next_new, last, first, birth)
        self._next_new -= 1
        self.homes[candidate.person_id].add(household_id)
        self.add(candidate)

    def candidates(self, last: str, first: str, birth: date | None) -> list[PersonCandidate]:
        if birth is not None:
            return self.by_birth.get(birth, [])
        found: dict[int, PersonCandidate] = {}
        for token in _name_tokens(last, first):
            for candidate in self.by_token.get(token, ()):
                found[candidate.person_id] = candidate
        return list(found.values())


def _name_tokens(last: str, first: str) -> set[str]:
    return {t for t in search_tokens(f"{last} {first}") if len(t) >= _MIN_NAME_TOKEN}


def _warn_duplicates(ctx: ImportContext, spec: SheetSpec, members: Sequence[_MemberRow]) -> None:
    """A warning for each new person who resembles a person of another household."""
    index = _Resemblance(ctx.session)
    references: dict[int, str] = {}
    for member in members:
        candidates = [
            candidate
            for candidate in index.candidates(
                member.last_name, member.first_name, member.birth_date
            )
            if member.household_id not in index.homes.get(candidate.person_id, set())
        ]
        found = find_duplicates(member.last_name, member.first_name, member.birth_date, candidates)
        if found:
            other, _score = found[0]
            homes = sorted(index.homes.get(other.person_id, set()))
            for household_id in homes:
                if household_id not in references:
                    household = ctx.session.get(Household, household_id)
                    references[household_id] = household.reference if household else "?"
            ctx.warn(
                spec.name,
                member.row.number,
                column_heading(spec, "last_name"),
                "import.possible_duplicate",
                name=f"{member.last_name} {member.first_name}",
                other=f"{other.last_name} {other.first_name}",
                birth=(
                    format_date(other.birth_date)
                    if other.birth_date
                    else message("import.birth_unknown")
                ),
                households=", ".join(references[h] for h in homes) or "—",
            )
        index.add_new(member.last_name, member.first_name, member.birth_date, member.household_id)


def _check_compositions(
    ctx: ImportContext,
    sheet: ParsedSheet | None,
    rows: Sequence[_MemberRow],
    known: Mapping[int, _Household],
) -> None:
    """One head on every day of each household's presence, nobody twice on one day.

    A household with a refused Personnes row is not checked: its composition is not the one
    the file means, and the row's own problem says what to correct.
    """
    first_rows: dict[int, int] = {}
    for member in rows:
        first_rows.setdefault(member.household_id, member.row.number)
    stays = _stay_spans(ctx.session, ctx.households_to_check)
    for household_id in sorted(ctx.households_to_check - _failed(ctx, sheet, rows)):
        household = known.get(household_id)
        if household is None:
            continue
        where: tuple[str, int, str | None]
        if sheet is not None and household_id in first_rows:
            where = (sheet.spec.name, first_rows[household_id], column_heading(sheet.spec, "role"))
        elif household_id in ctx.household_rows:
            origin = ctx.household_rows[household_id]
            where = (origin[0], origin[1], None)
        else:
            continue
        for code, params in _composition_problems(household, stays.get(household_id, [])):
            ctx.error(where[0], where[1], where[2], code, household=household.reference, **params)


def _failed(ctx: ImportContext, sheet: ParsedSheet | None, rows: Sequence[_MemberRow]) -> set[int]:
    """Households with a blocking problem on one of their Personnes rows."""
    failed = {member.household_id for member in rows if not member.valid}
    if sheet is None:
        return failed
    references = {
        row.number: ref for row in sheet.rows if (ref := row.text("household")) is not None
    }
    for issue in ctx.issues:
        if issue.sheet == sheet.spec.name and issue.blocking and issue.row in references:
            household_id = ctx.households.get(key_of(references[issue.row]))
            if household_id is not None:
                failed.add(household_id)
    return failed


def _composition_problems(
    household: _Household, stays: Sequence[tuple[date, date | None]]
) -> list[tuple[str, Mapping[str, object]]]:
    memberships = [
        MemberSpan(m.person_id, m.role, m.joined_on, m.left_on)
        for m in household.memberships
        if m.left_on is None or m.left_on >= m.joined_on
    ]
    periods = [(span.joined_on, span.left_on) for span in memberships] + list(stays)
    if not periods:
        return []
    start = min(first for first, _ in periods)
    ends = [last for _, last in periods]
    end = None if any(last is None for last in ends) else max(e for e in ends if e)
    problems: list[tuple[str, Mapping[str, object]]] = [
        (
            "import.no_head" if issue.code == "household.no_head" else "import.two_heads",
            issue.params,
        )
        for issue in check_heads(memberships, start=start, end=end)
    ]
    return problems + _twice(household, memberships)


def _twice(
    household: _Household, memberships: Sequence[MemberSpan]
) -> list[tuple[str, Mapping[str, object]]]:
    by_person: defaultdict[int, list[MemberSpan]] = defaultdict(list)
    for span in memberships:
        by_person[span.person_id].append(span)
    problems: list[tuple[str, Mapping[str, object]]] = []
    for person_id, own in by_person.items():
        own.sort(key=lambda span: span.joined_on)
        for before, after in itertools.pairwise(own):
            if before.left_on is None or before.left_on >= after.joined_on:
                person = household.persons.get(person_id)
                name = f"{person.last_name} {person.first_name}" if person else ""
                problems.append(
                    ("import.member_twice", {"name": name, "day": format_date(after.joined_on)})
                )
                break
    return problems


def _stay_spans(
    session: Session, household_ids: set[int]
) -> dict[int, list[tuple[date, date | None]]]:
    spans: defaultdict[int, list[tuple[date, date | None]]] = defaultdict(list)
    for chunk in chunks(household_ids):
        for household_id, entry, exit_date in session.execute(
            select(Stay.household_id, Stay.entry_date, Stay.exit_date).where(
                Stay.household_id.in_(chunk)
            )
        ):
            if exit_date is None or exit_date >= entry:
                spans[household_id].append((entry, exit_date))
    return spans


def refresh_search_texts(session: Session, household_ids: Iterable[int]) -> None:
    """`households.refresh_search_text` for many households, a few statements per 500.

    A household whose search text changes gets a new version, as `household_edit` gives one
    to a file whose composition changed.
    """
    table = cast(Table, Household.__table__)
    changed = (
        update(table)
        .where(table.c.id == bindparam("household_id"))
        .values(search_text=bindparam("text"), version=table.c.version + 1)
    )
    for chunk in chunks(set(household_ids)):
        names: defaultdict[int, list[str]] = defaultdict(list)
        phones: defaultdict[int, list[str]] = defaultdict(list)
        for household_id, last, first, phone in session.execute(
            select(Membership.household_id, Person.last_name, Person.first_name, Person.phone)
            .join(Person, Person.id == Membership.person_id)
            .where(Membership.household_id.in_(chunk))
        ):
            names[household_id].append(f"{last} {first}")
            if phone:
                phones[household_id].append(phone)
        siao: defaultdict[int, list[str]] = defaultdict(list)
        for household_id, reference in session.execute(
            select(Stay.household_id, Stay.siao_reference).where(
                Stay.household_id.in_(chunk), Stay.siao_reference.is_not(None)
            )
        ):
            if reference:
                siao[household_id].append(reference)
        updates = []
        for household_id, reference, address, postcode, commune, current in session.execute(
            select(
                Household.id,
                Household.reference,
                Household.address,
                Household.postcode,
                Household.commune,
                Household.search_text,
            ).where(Household.id.in_(chunk))
        ):
            text = household_search_text(
                reference=reference,
                address=address,
                postcode=postcode,
                commune=commune,
                names=names[household_id],
                phones=phones[household_id],
                siao_references=siao[household_id],
            )
            if text != current:
                updates.append({"household_id": household_id, "text": text})
        if updates:
            session.execute(changed, updates)


# ------------------------------------------------------------------ Logements


@dataclass(slots=True)
class _StockRefs:
    """Landlords and residences by normalised name; programme kinds."""

    landlords: dict[str, Landlord]
    residences: dict[str, Residence]
    kinds: dict[int, str]
    programme_names: dict[int, str]


def _stock_refs(session: Session) -> _StockRefs:
    landlords: dict[str, Landlord] = {}
    for landlord in session.scalars(select(Landlord).order_by(Landlord.id)):
        landlords.setdefault(key_of(landlord.name), landlord)
    residences = {key_of(r.name): r for r in session.scalars(select(Residence))}
    kinds: dict[int, str] = {}
    names: dict[int, str] = {}
    for programme_id, kind, name in session.execute(
        select(Programme.id, Programme.kind, Programme.name)
    ):
        kinds[programme_id], names[programme_id] = kind, name
    return _StockRefs(landlords, residences, kinds, names)


def _surface(ctx: ImportContext, spec: SheetSpec, row: ParsedRow) -> Decimal | bool | None:
    """The surface in m² (two decimals), None when empty, False when unreadable (reported)."""
    text = row.text("surface")
    if text is None:
        return None
    found = _SURFACE.match(text.replace(" ", ""))
    value: Decimal | None = None
    if found is not None:
        try:
            value = Decimal(found.group(1).replace(",", ".")).quantize(_SURFACE_STEP)
        except InvalidOperation:
            value = None
    if value is None:
        ctx.error(
            spec.name,
            row.number,
            column_heading(spec, "surface"),
            "import.surface_invalid",
            value=text,
        )
        return False
    if value <= 0:
        ctx.error(spec.name, row.number, column_heading(spec, "surface"), "housing.surface_invalid")
        return False
    return value


def import_dwellings(ctx: ImportContext, sheet: ParsedSheet | None) -> None:
    """Dwellings by reference, with their landlord and residence (created when unknown)."""
    if sheet is None:
        return
    spec = sheet.spec
    refs = _stock_refs(ctx.session)
    existing, contracts = _stored_dwellings(ctx, sheet)
    keys = RowKeys(ctx, spec)
    new: list[tuple[str, dict[str, object]]] = []
    for row in sheet.rows:
        reference = row.text("reference")
        if reference is None or not keys.first(row, (key_of(reference),), reference):
            continue
        dwelling_id = ctx.dwellings.get(key_of(reference))
        dwelling = existing.get(dwelling_id) if dwelling_id is not None else None
        values = _dwelling_values(ctx, spec, row, refs, dwelling)
        if values is None:
            continue
        if dwelling is None:
            values["reference"] = reference
            new.append((key_of(reference), values))
            continue
        spans = contracts.get(dwelling.id, [])
        if not _dwelling_rules(
            ctx, spec, row, dwelling=dwelling, values=values, spans=spans, refs=refs
        ):
            continue
        if _update_dwelling(ctx, dwelling, values):
            ctx.updated(spec.name)
        else:
            ctx.unchanged(spec.name)
    _create_dwellings(ctx, spec, new)
    _residence_places(ctx)


def _residence_places(ctx: ImportContext) -> None:
    """Places for every residence that has none yet: one the import created.

    A pension's occupancy counts the residence's places (DOMAIN §5 rule 6), which the
    workbook has no column for. The reading taken: the only residence of a programme gets the
    programme's capacity (Dispositifs' Places, with its dates); otherwise the places of its rooms
    (Logements' Places) added up, from the earliest capture date of a room, else the
    programme's start. Nothing is written when that makes no place at all.
    """
    session = ctx.session
    session.flush()
    residences = session.execute(
        select(Residence.id, Residence.programme_id).where(
            ~select(ResidencePlaces.id).where(ResidencePlaces.residence_id == Residence.id).exists()
        )
    ).all()
    if not residences:
        return
    per_programme: dict[int | None, int] = {
        programme_id: count
        for programme_id, count in session.execute(
            select(Residence.programme_id, func.count(Residence.id)).group_by(
                Residence.programme_id
            )
        )
    }
    for residence_id, programme_id in residences:
        dated: list[tuple[date, int]] = []
        if programme_id is not None and per_programme.get(programme_id) == 1:
            dated = [
                (c.valid_from, c.places)
                for c in session.scalars(
                    select(ProgrammeCapacity)
                    .where(ProgrammeCapacity.programme_id == programme_id)
                    .order_by(ProgrammeCapacity.valid_from)
                )
                if c.places is not None
            ]
        if not dated:
            places, captured = session.execute(
                select(func.sum(Dwelling.places), func.min(Dwelling.captured_on)).where(
                    Dwelling.residence_id == residence_id
                )
            ).one()
            start = session.scalar(
                select(Programme.convention_start).where(Programme.id == programme_id)
            )
            if places:
                dated = [(captured or start or PLAIN_SETTING_DATE, int(places))]
        for valid_from, places in dated:
            session.add(
                ResidencePlaces(residence_id=residence_id, valid_from=valid_from, places=places)
            )
            ctx.history(
                entity="residence",
                entity_id=residence_id,
                household_id=None,
                field="places",
                old=None,
                new=places,
            )


def _stored_dwellings(
    ctx: ImportContext, sheet: ParsedSheet
) -> tuple[dict[int, Dwelling], dict[int, list[tuple[date, date | None]]]]:
    """The stored dwellings the sheet names, and the (start, end) of their contracts."""
    ids = {
        ctx.dwellings[key]
        for row in sheet.rows
        if (ref := row.text("reference")) and (key := key_of(ref)) in ctx.dwellings
    }
    existing: dict[int, Dwelling] = {}
    contracts: defaultdict[int, list[tuple[date, date | None]]] = defaultdict(list)
    for chunk in chunks(ids):
        existing.update(
            (d.id, d) for d in ctx.session.scalars(select(Dwelling).where(Dwelling.id.in_(chunk)))
        )
        for dwelling_id, start, end in ctx.session.execute(
            select(
                OccupancyContract.dwelling_id,
                OccupancyContract.start_date,
                OccupancyContract.end_date,
            ).where(OccupancyContract.dwelling_id.in_(chunk))
        ):
            contracts[dwelling_id].append((start, end))
    return existing, contracts


def _create_dwellings(
    ctx: ImportContext, spec: SheetSpec, new: Sequence[tuple[str, dict[str, object]]]
) -> None:
    """The new dwellings in bulk (every row with the same keys), with their history lines."""
    keys = sorted({key for _, values in new for key in values})
    rows = [{key: values.get(key) for key in keys} for _, values in new]
    for (key, values), dwelling_id in zip(
        new, insert_many(ctx.session, Dwelling, rows, match=("reference",)), strict=True
    ):
        ctx.dwellings[key] = dwelling_id
        for attribute in _DWELLING_HISTORY:
            ctx.history(
                entity="dwelling",
                entity_id=dwelling_id,
                household_id=None,
                field=attribute,
                old=None,
                new=_history_value(values.get(attribute)),
            )
        ctx.created(spec.name)


def _dwelling_values(  # noqa: PLR0912 - one check per column, in the sheet's order
    ctx: ImportContext,
    spec: SheetSpec,
    row: ParsedRow,
    refs: _StockRefs,
    dwelling: Dwelling | None,
) -> dict[str, object] | None:
    """The values the row gives, absent columns left out for a stored dwelling.

    Returns None when a value is refused (the problem is reported).
    """
    ok = True
    values: dict[str, object] = {}

    def error(key: str, code: str, **params: object) -> None:
        nonlocal ok
        ok = False
        ctx.error(spec.name, row.number, column_heading(spec, key), code, **params)

    programme_id = _programme_of(ctx, spec, row)
    if programme_id is None:
        ok = False
    else:
        values["programme_id"] = programme_id
    for key, attribute in (("address", "address"), ("town", "commune")):
        text = row.text(key)
        if text is None:
            ok = False
        else:
            values[attribute] = text
    if has_column(row, "postcode"):
        postcode = row.text("postcode")
        if postcode is not None and not _POSTCODE.fullmatch(postcode):
            error("postcode", "housing.postcode_invalid", value=postcode)
        values["postcode"] = postcode
    for key in ("typology", "sector"):
        if has_column(row, key) or dwelling is None:
            values[key] = row.text(key)
    if has_column(row, "surface"):
        surface = _surface(ctx, spec, row)
        if surface is False:
            ok = False
        values["surface_m2"] = surface if isinstance(surface, Decimal) else None
    for key, minimum, code in (
        ("lots", 1, "housing.lots_invalid"),
        ("places", 0, "housing.places_negative"),
    ):
        if has_column(row, key) or dwelling is None:
            given = row.cents(key)
            number = 1 if given is None else given
            if number < minimum:
                error(key, code)
            values[key] = number
    for key in ("captured_on", "returned_on"):
        if has_column(row, key) or dwelling is None:
            values[key] = row.day(key)
    if has_column(row, "landlord") or dwelling is None:
        values["landlord_id"] = _landlord(ctx, row, refs, values.get("sector"))
    if has_column(row, "residence") or dwelling is None:
        residence_id = _residence(ctx, spec, row, refs, programme_id)
        if residence_id is False:
            ok = False
        values["residence_id"] = residence_id if isinstance(residence_id, int) else None
    captured = values.get("captured_on", dwelling.captured_on if dwelling else None)
    returned = values.get("returned_on", dwelling.returned_on if dwelling else None)
    if isinstance(captured, date) and isinstance(returned, date) and returned < captured:
        error(
            "returned_on",
            "housing.returned_before_capture",
            captured_on=format_date(captured),
        )
    return values if ok else None


def _landlord(ctx: ImportContext, row: ParsedRow, refs: _StockRefs, sector: object) -> int | None:
    """The landlord named (created when unknown, its kind from the dwelling's sector)."""
    name = row.text("landlord")
    if name is None:
        return None
    landlord = refs.landlords.get(key_of(name))
    if landlord is None:
        kind = _SECTOR_LANDLORD.get(sector, "other") if isinstance(sector, str) else "other"
        landlord = Landlord(name=name, kind=kind)
        ctx.session.add(landlord)
        ctx.session.flush()
        refs.landlords[key_of(name)] = landlord
    return landlord.id


def _residence(
    ctx: ImportContext,
    spec: SheetSpec,
    row: ParsedRow,
    refs: _StockRefs,
    programme_id: int | None,
) -> int | bool | None:
    """The residence named (created in the programme when unknown); False on a problem."""
    name = row.text("residence")
    if name is None:
        return None
    if programme_id is None:
        return False
    residence = refs.residences.get(key_of(name))
    heading = column_heading(spec, "residence")
    if residence is None:
        if refs.kinds.get(programme_id) not in RESIDENCE_PROGRAMMES:
            ctx.error(spec.name, row.number, heading, "housing.residence_programme_kind")
            return False
        residence = Residence(name=name, programme_id=programme_id)
        ctx.session.add(residence)
        ctx.session.flush()
        refs.residences[key_of(name)] = residence
    elif residence.programme_id != programme_id:
        ctx.error(
            spec.name,
            row.number,
            heading,
            "housing.residence_programme",
            residence=residence.name,
            programme=refs.programme_names.get(programme_id, ""),
        )
        return False
    return residence.id


def _dwelling_rules(
    ctx: ImportContext,
    spec: SheetSpec,
    row: ParsedRow,
    *,
    dwelling: Dwelling,
    values: Mapping[str, object],
    spans: Sequence[tuple[date, date | None]],
    refs: _StockRefs,
) -> bool:
    """`housing.update_dwelling` and `return_dwelling` rules on a stored dwelling."""
    problems: list[tuple[str, str, Mapping[str, object]]] = []
    programme_id = values.get("programme_id", dwelling.programme_id)
    if "residence_id" not in values and dwelling.residence_id is not None:
        residence = next(
            (r for r in refs.residences.values() if r.id == dwelling.residence_id), None
        )
        if residence is not None and residence.programme_id != programme_id:
            problems.append(
                (
                    "programme",
                    "housing.residence_programme",
                    {
                        "residence": residence.name,
                        "programme": refs.programme_names.get(residence.programme_id or 0, ""),
                    },
                )
            )
    captured = values.get("captured_on", dwelling.captured_on)
    first = min((start for start, _ in spans), default=None)
    if isinstance(captured, date) and first is not None and captured > first:
        problems.append(
            ("captured_on", "housing.captured_after_contract", {"start": format_date(first)})
        )
    lots = values.get("lots", dwelling.lots)
    if isinstance(lots, int) and 1 <= lots < dwelling.lots:
        problems += [("lots", i.code, i.params) for i in check_occupancy(spans, lots=lots)]
    returned = values.get("returned_on", dwelling.returned_on)
    if isinstance(returned, date) and returned != dwelling.returned_on:
        for start, end in spans:
            if end is None or end > returned:
                problems.append(
                    (
                        "returned_on",
                        "housing.returned_while_occupied",
                        {"start": format_date(start), "end": format_date(end) if end else "…"},
                    )
                )
                break
        for vacancy in ctx.session.scalars(
            select(VacancyPeriod).where(VacancyPeriod.dwelling_id == dwelling.id)
        ):
            if vacancy.start_date > returned:
                problems.append(
                    (
                        "returned_on",
                        "housing.vacancy_after_return",
                        {"start": format_date(vacancy.start_date)},
                    )
                )
                break
    for key, code, params in problems:
        ctx.error(spec.name, row.number, column_heading(spec, key), code, **params)
    return not problems


def _update_dwelling(ctx: ImportContext, dwelling: Dwelling, values: Mapping[str, object]) -> bool:
    changed = False
    for attribute, value in values.items():
        old = getattr(dwelling, attribute)
        if old == value:
            continue
        changed = True
        if attribute in _DWELLING_HISTORY:
            ctx.history(
                entity="dwelling",
                entity_id=dwelling.id,
                household_id=None,
                field=attribute,
                old=_history_value(old),
                new=_history_value(value),
            )
        if attribute == "returned_on" and isinstance(value, date):
            _end_vacancies(ctx, dwelling.id, value)
        setattr(dwelling, attribute, value)
    return changed


def _end_vacancies(ctx: ImportContext, dwelling_id: int, returned: date) -> None:
    """The open vacancy ends on the day of the return (`housing.return_dwelling`)."""
    for vacancy in ctx.session.scalars(
        select(VacancyPeriod).where(VacancyPeriod.dwelling_id == dwelling_id)
    ):
        if vacancy.end_date is None or vacancy.end_date > returned:
            ctx.history(
                entity="vacancy_period",
                entity_id=vacancy.id,
                household_id=None,
                field="end_date",
                old=vacancy.end_date,
                new=returned,
            )
            vacancy.end_date = returned
