"""The import workbook's accompaniment sheets: Mesures and Entretiens (DOMAIN §10).

Each importer receives its parsed sheet from `services.imports`, inside the import's one write
transaction (`import_context.ImportContext`), after the households and their stays: it matches
the rows to the database on the keys of §10, reports every problem it finds, creates what is
missing, updates what changed (business history old → new for dates, statuses and codes) and
counts created / updated / unchanged rows. The rules are those of `services.support` and
`services.contacts`: the same checks and the same messages.

Decisions where DOMAIN.md is silent, kept here so the import, the export and the tests agree:

- **Absent column, empty cell** (as `import_sheets`): a column missing from the sheet leaves
  the stored value alone; a column present with an empty cell clears an optional value. An
  empty ``Phase`` never removes a phase already recorded.
- **Programme of a measure** (the sheet has no Dispositif column): the programme of the
  household's stay covering the measure's start (one of a kind suited to the measure first:
  AVDL for an AVDL measure or a diagnostic, ASLL, bail glissant…), else of its latest stay
  begun before, else the only programme of a suited kind; a stored measure keeps its own.
  Without any, the row is refused: its stay belongs in the Ménages sheet.
- **Durée prévue (mois)** is the whole planned length, renewals granted included (what the
  export writes): a stored measure's own planned months become the value minus its renewals.
  Empty, a new measure takes the ``measure.planned_months`` parameter of its funder's kind
  and a stored one keeps its own.
- **Phase** is the current phase: a new measure starts in it on its first day; when a stored
  measure's latest phase differs, the new one starts on the day of the import (its end for an
  ended measure), or replaces the latest when that is the same day (as `support.set_phase`).
- **Ending**: a ``Fin`` needs an ``Issue`` and a ``Situation de logement à la fin``, a
  diagnostic's its ``Conclusion du diagnostic`` instead; none of them without a ``Fin``. Two
  measures of one kind may not share a day in one household (stored or in the file).
- **Financeur**: a funder's name, created when unknown (its kind from DOMAIN §2 when the name
  is one of its labels), as in the Dispositifs sheet. The DALO status at prescription, the
  worker and the partner who prescribed are not in the sheet: kept, or the defaults of
  `support.open_measure` for a new measure.
- **Entretiens**: several contacts may share a key (two calls the same day): the rows of one
  key are matched in their order to the stored contacts of that key, oldest first; a row
  beyond them is a new contact (with a warning when the file repeats the key). ``Thèmes``
  holds labels of the ``contact.themes`` parameter separated by ``;`` (a theme a stored
  contact already has stays accepted after its removal from the list); a new contact belongs
  to the household's only measure (not a diagnostic) running that day, if any. Persons
  present, notes and the next appointment are not in the sheet: a stored contact keeps them.
- **Intervenant** and no Référent: a user account by login or display name, as the Référent
  column of the Ménages sheet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Final

from sqlalchemy import delete, func, insert, select, update

from desktop_app.domain import vocabulary as v
from desktop_app.domain.periods import format_date
from desktop_app.domain.workbook import THEME_SEPARATOR, ParsedRow, ParsedSheet, SheetSpec
from desktop_app.persistence.history import HistoryValue
from desktop_app.persistence.models import (
    Contact,
    ContactTheme,
    Funder,
    MeasurePhase,
    MeasureRenewal,
    MeasureSuspension,
    Programme,
    Stay,
    SupportMeasure,
)
from desktop_app.services.contacts import MAX_MINUTES
from desktop_app.services.import_context import ImportContext, key_of
from desktop_app.services.import_rows import (
    RowKeys,
    Workers,
    chunks,
    column_heading,
    has_column,
    insert_many,
)
from desktop_app.services.parameters import parameters_in

DIAGNOSTIC: Final = "diagnostic"
# The kinds of programme suited to each kind of measure (DOMAIN §2).
SUITED_PROGRAMMES: Final[Mapping[str, frozenset[str]]] = {
    "diagnostic": frozenset({"avdl", "asll"}),
    "avdl_dalo": frozenset({"avdl"}),
    "avdl_non_dalo": frozenset({"avdl"}),
    "sliding_lease_support": frozenset({"sliding_lease"}),
    "asll": frozenset({"asll"}),
    "iml_support": frozenset({"iml_sublease", "iml_mandate"}),
    "boarding_house_support": frozenset({"boarding_house", "reception_residence"}),
}
# SupportMeasure attribute ← Mesures column (the others are computed).
_MEASURE_COLUMNS: Final = {
    "target_public": "target_public",
    "referrer": "referrer",
    "prescribed_on": "prescribed_on",
    "end": "end_date",
    "outcome": "outcome",
    "destination": "destination",
    "conclusion": "conclusion",
}
# Where the end details of a measure are shown: attribute → Mesures column.
_END_DETAILS: Final = (("outcome", "outcome"), ("destination", "destination"))
_WORKER_CODES: Final = {
    "import.key_worker_unknown": "import.worker_unknown",
    "import.key_worker_ambiguous": "import.worker_ambiguous",
}
_CONTACT_KEY: Final = ("household_id", "held_on", "kind", "worker_id")


def _household(ctx: ImportContext, spec: SheetSpec, row: ParsedRow) -> int | None:
    """The row's household, reported when neither the database nor the file has it."""
    reference = row.text("household")
    if reference is None:
        return None
    household_id = ctx.households.get(key_of(reference))
    if household_id is None:
        ctx.error(
            spec.name,
            row.number,
            column_heading(spec, "household"),
            "import.household_unknown",
            reference=reference,
        )
    return household_id


def _households_named(ctx: ImportContext, sheet: ParsedSheet) -> set[int]:
    return {
        ctx.households[key]
        for row in sheet.rows
        if (reference := row.text("household")) and (key := key_of(reference)) in ctx.households
    }


def _history_value(value: object) -> HistoryValue:
    if value is None or isinstance(value, date | int | bool | str):
        return value
    return str(value)


# ------------------------------------------------------------------ Mesures


@dataclass(slots=True)
class _StayRef:
    programme_id: int
    kind: str
    entry: date
    exit: date | None


@dataclass(slots=True)
class _MeasureRefs:
    """What the Mesures rows are matched and checked against, read in a few queries."""

    measures: dict[tuple[int, str, date], SupportMeasure] = field(default_factory=dict)
    renewed: dict[int, int] = field(default_factory=dict)  # measure id → months granted
    phases: defaultdict[int, list[MeasurePhase]] = field(default_factory=lambda: defaultdict(list))
    last_suspension: dict[int, date] = field(default_factory=dict)
    stays: defaultdict[int, list[_StayRef]] = field(default_factory=lambda: defaultdict(list))
    programme_kinds: dict[int, str] = field(default_factory=dict)
    funders: dict[str, tuple[int, str]] = field(default_factory=dict)  # key → (id, kind)
    funder_kinds: dict[int, str] = field(default_factory=dict)

    def programme_for(self, household_id: int, kind: str, start: date) -> int | None:
        """The programme of a new measure (module docstring), None when none fits."""
        suited = SUITED_PROGRAMMES.get(kind, frozenset())
        stays = self.stays.get(household_id, [])
        covering = [
            stay
            for stay in stays
            if stay.entry <= start and (stay.exit is None or stay.exit >= start)
        ]
        for candidates in (
            [stay for stay in covering if stay.kind in suited],
            covering,
            [stay for stay in stays if stay.entry <= start],
        ):
            if candidates:
                return max(candidates, key=lambda s: (s.entry, s.programme_id)).programme_id
        matching = [pid for pid, pkind in self.programme_kinds.items() if pkind in suited]
        return matching[0] if len(matching) == 1 else None


def _measure_refs(ctx: ImportContext, household_ids: Iterable[int]) -> _MeasureRefs:
    session = ctx.session
    refs = _MeasureRefs()
    refs.programme_kinds = {
        pid: kind for pid, kind in session.execute(select(Programme.id, Programme.kind))
    }
    for funder_id, name, kind in session.execute(
        select(Funder.id, Funder.name, Funder.kind).order_by(Funder.id)
    ):
        refs.funders.setdefault(key_of(name), (funder_id, kind))
        refs.funder_kinds[funder_id] = kind
    for chunk in chunks(household_ids):
        measure_ids: list[int] = []
        for measure in session.scalars(
            select(SupportMeasure).where(SupportMeasure.household_id.in_(chunk))
        ):
            refs.measures[(measure.household_id, measure.kind, measure.start_date)] = measure
            measure_ids.append(measure.id)
        for stay_row in session.execute(
            select(Stay.household_id, Stay.programme_id, Stay.entry_date, Stay.exit_date).where(
                Stay.household_id.in_(chunk)
            )
        ):
            household_id, programme_id, entry, exit_ = stay_row
            refs.stays[household_id].append(
                _StayRef(programme_id, refs.programme_kinds[programme_id], entry, exit_)
            )
        for measures in chunks(measure_ids):
            refs.renewed.update(
                (measure_id, int(months))
                for measure_id, months in session.execute(
                    select(MeasureRenewal.measure_id, func.sum(MeasureRenewal.months))
                    .where(
                        MeasureRenewal.measure_id.in_(measures),
                        MeasureRenewal.decision == "granted",
                    )
                    .group_by(MeasureRenewal.measure_id)
                )
            )
            for phase in session.scalars(
                select(MeasurePhase)
                .where(MeasurePhase.measure_id.in_(measures))
                .order_by(MeasurePhase.measure_id, MeasurePhase.from_date)
            ):
                refs.phases[phase.measure_id].append(phase)
            for measure_id, last in session.execute(
                select(MeasureSuspension.measure_id, func.max(MeasureSuspension.start_date))
                .where(MeasureSuspension.measure_id.in_(measures))
                .group_by(MeasureSuspension.measure_id)
            ):
                refs.last_suspension[measure_id] = last
    return refs


@dataclass(slots=True)
class _MeasurePlan:
    """A Mesures row as it will be written."""

    row: ParsedRow
    household_id: int
    kind: str
    start: date
    values: dict[str, object]  # SupportMeasure attribute → value
    phase: str | None  # the phase named in the row (None: phases left alone)
    measure: SupportMeasure | None
    programme_id: int | None = None
    valid: bool = True


def import_measures(ctx: ImportContext, sheet: ParsedSheet | None) -> None:
    """Support measures by household, kind and start: their prescription, phase and end."""
    if sheet is None:
        return
    spec = sheet.spec
    refs = _measure_refs(ctx, _households_named(ctx, sheet))
    keys = RowKeys(ctx, spec)
    plans: list[_MeasurePlan] = []
    for row in sheet.rows:
        household_id = _household(ctx, spec, row)
        kind, start = row.text("kind"), row.day("start")
        if household_id is None or kind is None or start is None:
            continue
        key = (household_id, kind, start)
        shown = f"{row.text('household')}, {v.MEASURE_KIND.label(kind)}, {format_date(start)}"
        if not keys.first(row, key, shown):
            continue
        measure = refs.measures.get(key)
        plans.append(_measure_plan(ctx, spec, row, refs, measure_key=key, measure=measure))
    _check_overlaps(ctx, spec, plans, refs)
    _write_measures(ctx, spec, [plan for plan in plans if plan.valid], refs)


def _measure_plan(  # noqa: PLR0912, PLR0915 - one check per column, in the sheet's order
    ctx: ImportContext,
    spec: SheetSpec,
    row: ParsedRow,
    refs: _MeasureRefs,
    *,
    measure_key: tuple[int, str, date],
    measure: SupportMeasure | None,
) -> _MeasurePlan:
    household_id, kind, start = measure_key
    plan = _MeasurePlan(row, household_id, kind, start, {}, None, measure)

    def error(key: str, code: str, **params: object) -> None:
        plan.valid = False
        ctx.error(spec.name, row.number, column_heading(spec, key), code, **params)

    values = plan.values
    for key, attribute in _MEASURE_COLUMNS.items():
        if has_column(row, key):
            values[attribute] = row.values[key]
        else:
            values[attribute] = getattr(measure, attribute) if measure is not None else None
    if has_column(row, "funder"):
        name = row.text("funder")
        values["funder_id"] = _funder(ctx, refs, name) if name is not None else None
    else:
        values["funder_id"] = measure.funder_id if measure is not None else None
    renewed = refs.renewed.get(measure.id, 0) if measure is not None else 0
    months = row.cents("planned_months") if has_column(row, "planned_months") else None
    if months is None:
        values["planned_months"] = measure.planned_months if measure is not None else None
    elif months < 1:
        error("planned_months", "measure.months_invalid", value=months)
    elif months - renewed < 1:
        error("planned_months", "import.measure_months_renewed", renewed=renewed)
    else:
        values["planned_months"] = months - renewed
    plan.phase = row.text("phase") if has_column(row, "phase") else None
    today = ctx.today
    if start > today:
        error("start", "measure.future_start", today=format_date(today))
    prescribed = values["prescribed_on"]
    if isinstance(prescribed, date) and prescribed > start:
        error("prescribed_on", "measure.prescribed_after_start")
    end = values["end_date"]
    if isinstance(end, date):
        latest = _latest_record(refs, measure)
        if end < start:
            error("end", "measure.before_start", start=format_date(start))
        elif end > today:
            error("end", "measure.future_end", today=format_date(today))
        elif latest is not None and end < latest:
            error("end", "measure.end_before_record", day=format_date(latest))
    if kind == DIAGNOSTIC:
        if plan.phase is not None:
            error("phase", "measure.not_for_diagnostic")
        given = [key for attribute, key in _END_DETAILS if values[attribute] is not None]
        if given:
            error(given[0], "measure.outcome_not_for_diagnostic")
        if end is not None and values["conclusion"] is None:
            error("conclusion", "measure.conclusion_required")
        elif end is None and values["conclusion"] is not None:
            error("conclusion", "import.measure_details_without_end")
    else:
        if values["conclusion"] is not None:
            error("conclusion", "measure.conclusion_only_diagnostic")
        for attribute, key in _END_DETAILS:
            if end is not None and values[attribute] is None:
                error(key, f"measure.{attribute}_required")
            elif end is None and values[attribute] is not None:
                error(key, "import.measure_details_without_end")
    if measure is None:
        plan.programme_id = refs.programme_for(household_id, kind, start)
        if plan.programme_id is None:
            error("household", "import.measure_programme_unknown", reference=row.text("household"))
    return plan


def _latest_record(refs: _MeasureRefs, measure: SupportMeasure | None) -> date | None:
    """The latest phase or suspension start of a stored measure (its end may not precede it)."""
    if measure is None:
        return None
    days = [phase.from_date for phase in refs.phases.get(measure.id, [])]
    if measure.id in refs.last_suspension:
        days.append(refs.last_suspension[measure.id])
    return max(days, default=None)


def _funder(ctx: ImportContext, refs: _MeasureRefs, name: str) -> int:
    """The funder named, created when unknown (its kind from its label when it is one)."""
    found = refs.funders.get(key_of(name))
    if found is not None:
        return found[0]
    funder = Funder(name=name, kind=v.FUNDER_KIND.parse(name) or "other")
    ctx.session.add(funder)
    ctx.session.flush()
    refs.funders[key_of(name)] = (funder.id, funder.kind)
    refs.funder_kinds[funder.id] = funder.kind
    return funder.id


def _check_overlaps(
    ctx: ImportContext, spec: SheetSpec, plans: Sequence[_MeasurePlan], refs: _MeasureRefs
) -> None:
    """Two measures of one kind may not share a day in one household (stored or in the file)."""
    matched = {plan.measure.id for plan in plans if plan.measure is not None}
    spans: defaultdict[tuple[int, str], list[tuple[int, date, date | None]]] = defaultdict(list)
    for (household_id, kind, start), measure in refs.measures.items():
        if measure.id not in matched:
            spans[(household_id, kind)].append((-measure.id, start, measure.end_date))
    for plan in plans:
        end = plan.values["end_date"]
        spans[(plan.household_id, plan.kind)].append(
            (plan.row.number, plan.start, end if isinstance(end, date) else None)
        )
    for plan in plans:
        end = plan.values["end_date"]
        last = end if isinstance(end, date) else date.max
        for other, start, other_end in spans[(plan.household_id, plan.kind)]:
            if other == plan.row.number:
                continue
            if start <= last and plan.start <= (other_end or date.max):
                plan.valid = False
                ctx.error(
                    spec.name,
                    plan.row.number,
                    column_heading(spec, "start"),
                    "measure.overlap",
                    start=format_date(start),
                )
                break


def _write_measures(
    ctx: ImportContext, spec: SheetSpec, plans: Sequence[_MeasurePlan], refs: _MeasureRefs
) -> None:
    new = [plan for plan in plans if plan.measure is None]
    for plan in plans:
        if plan.measure is not None:
            if _update_measure(ctx, plan, refs):
                ctx.updated(spec.name, plan.household_id)
            else:
                ctx.unchanged(spec.name)
    if not new:
        return
    parameters = parameters_in(ctx.session)
    now = datetime.now(UTC)
    rows: list[dict[str, object]] = []
    for plan in new:
        funder_id = plan.values["funder_id"]
        months = plan.values["planned_months"]
        if months is None:
            scope = refs.funder_kinds.get(funder_id) if isinstance(funder_id, int) else None
            months = parameters.int("measure.planned_months", plan.start, scope)
            plan.values["planned_months"] = months
        rows.append(
            {
                "household_id": plan.household_id,
                "programme_id": plan.programme_id,
                "kind": plan.kind,
                "start_date": plan.start,
                "dalo_status": "non_dalo",
                "created_at": now,
                "created_by": ctx.user_id,
                **plan.values,
            }
        )
    ids = insert_many(
        ctx.session, SupportMeasure, rows, match=("household_id", "kind", "start_date")
    )
    phases = [
        {"measure_id": measure_id, "phase": plan.phase, "from_date": plan.start}
        for plan, measure_id in zip(new, ids, strict=True)
        if plan.phase is not None
    ]
    if phases:
        ctx.session.execute(insert(MeasurePhase), phases)
    for plan, measure_id in zip(new, ids, strict=True):
        lines: list[tuple[str, HistoryValue]] = [
            ("start_date", plan.start),
            ("kind", plan.kind),
            ("planned_months", _history_value(plan.values["planned_months"])),
        ]
        if plan.values["end_date"] is not None:
            lines += [
                (attribute, _history_value(plan.values[attribute]))
                for attribute in ("end_date", "outcome", "destination", "conclusion")
            ]
        if plan.phase is not None:
            lines.append(("phase", plan.phase))
        for attribute, value in lines:
            ctx.history(
                entity="support_measure",
                entity_id=measure_id,
                household_id=plan.household_id,
                field=attribute,
                old=None,
                new=value,
            )
        ctx.created(spec.name, plan.household_id)


def _update_measure(ctx: ImportContext, plan: _MeasurePlan, refs: _MeasureRefs) -> bool:
    """What changed of a stored measure, with its history; whether anything did."""
    measure = plan.measure
    assert measure is not None
    changed = False
    for attribute, value in plan.values.items():
        old = getattr(measure, attribute)
        if old == value:
            continue
        changed = True
        setattr(measure, attribute, value)
        ctx.history(
            entity="support_measure",
            entity_id=measure.id,
            household_id=plan.household_id,
            field=attribute,
            old=_history_value(old),
            new=_history_value(value),
        )
    phases = refs.phases.get(measure.id, [])
    current = phases[-1] if phases else None
    if plan.phase is not None and (current is None or current.phase != plan.phase):
        changed = True
        end = measure.end_date
        since = min(ctx.today, end) if end is not None else ctx.today
        old_phase: str | None
        if current is not None and since <= current.from_date:
            old_phase = current.phase
            current.phase = plan.phase
        else:
            old_phase = current.phase if current is not None else None
            row = MeasurePhase(
                measure_id=measure.id,
                phase=plan.phase,
                from_date=since if current is not None else measure.start_date,
            )
            ctx.session.add(row)
            phases.append(row)
        ctx.history(
            entity="support_measure",
            entity_id=measure.id,
            household_id=plan.household_id,
            field="phase",
            old=old_phase,
            new=plan.phase,
        )
    return changed


# ------------------------------------------------------------------ Entretiens


_ContactKey = tuple[int, date, str, int | None]


@dataclass(slots=True)
class _StoredContact:
    contact_id: int
    minutes: int | None
    themes: set[str]


@dataclass(slots=True)
class _NewContact:
    row: ParsedRow
    values: dict[str, object]
    themes: list[str]


def import_contacts(ctx: ImportContext, sheet: ParsedSheet | None) -> None:
    """Contacts by household, date, kind and worker: their duration and themes."""
    if sheet is None:
        return
    importer = _Contacts(ctx, sheet)
    for row in sheet.rows:
        importer.read(row)
    _create_contacts(ctx, sheet.spec, importer.new)


class _Contacts:
    """The Entretiens rows matched to the stored contacts, one row at a time."""

    def __init__(self, ctx: ImportContext, sheet: ParsedSheet) -> None:
        household_ids = _households_named(ctx, sheet)
        self.ctx, self.spec = ctx, sheet.spec
        self.stored = _stored_contacts(ctx, household_ids)
        self.measures = _running_measures(ctx, household_ids)
        self.workers = Workers(ctx.session)
        self.parameters = parameters_in(ctx.session)
        self.allowed: dict[date, dict[str, str]] = {}
        self.seen: defaultdict[_ContactKey, int] = defaultdict(int)
        self.first_rows: dict[_ContactKey, int] = {}
        self.new: list[_NewContact] = []

    def read(self, row: ParsedRow) -> None:
        """Check a row, then update its stored contact or keep it to create."""
        ctx, spec = self.ctx, self.spec
        household_id = _household(ctx, spec, row)
        held, kind = row.day("held_on"), row.text("kind")
        if household_id is None or held is None or kind is None:
            return
        problems: list[tuple[str, str, dict[str, object]]] = []
        if held > ctx.today:
            problems.append(("held_on", "contact.future", {"today": format_date(ctx.today)}))
        minutes = row.cents("minutes")
        if minutes is not None and not 0 <= minutes <= MAX_MINUTES:
            problems.append(("minutes", "contact.minutes_invalid", {"maximum": MAX_MINUTES}))
        worker_id: int | None = None
        name = row.text("worker")
        if name is not None:
            worker_id, problem = self.workers.find(name)
            if problem is not None:
                problems.append(("worker", _WORKER_CODES[problem], {"name": name}))
        match: _StoredContact | None = None
        key: _ContactKey = (household_id, held, kind, worker_id)
        occurrence = 0
        if name is None or worker_id is not None:
            occurrence = self.seen[key]
            self.seen[key] += 1
            self.first_rows.setdefault(key, row.number)
            matches = self.stored.get(key, [])
            match = matches[occurrence] if occurrence < len(matches) else None
        themes = self.themes(row, held, match, problems) if has_column(row, "themes") else None
        for column, code, params in problems:
            ctx.error(spec.name, row.number, column_heading(spec, column), code, **params)
        if problems:
            return
        if match is not None:
            if _update_contact(ctx, match, row, minutes, themes):
                ctx.updated(spec.name, household_id)
            else:
                ctx.unchanged(spec.name)
            return
        if occurrence > 0:
            first = self.first_rows[key]
            ctx.warn(spec.name, row.number, None, "import.contact_repeated", first=first)
        values: dict[str, object] = {
            "household_id": household_id,
            "held_on": held,
            "kind": kind,
            "worker_id": worker_id,
            "minutes": minutes,
            "measure_id": _measure_on(self.measures.get(household_id, ()), held),
        }
        self.new.append(_NewContact(row, values, themes or []))

    def themes(
        self,
        row: ParsedRow,
        held: date,
        match: _StoredContact | None,
        problems: list[tuple[str, str, dict[str, object]]],
    ) -> list[str]:
        """The labels of the Thèmes cell, each of the list in force that day (or already kept)."""
        allowed = self.allowed.get(held)
        if allowed is None:
            labels = _labels(self.parameters.get("contact.themes", held))
            allowed = self.allowed[held] = {key_of(label): label for label in labels}
        kept = {key_of(theme): theme for theme in (match.themes if match else ())}
        themes: list[str] = []
        for part in (row.text("themes") or "").split(THEME_SEPARATOR):
            text = " ".join(part.split())
            if not text:
                continue
            label = allowed.get(key_of(text)) or kept.get(key_of(text))
            if label is None:
                problems.append(("themes", "contact.theme_unknown", {"value": text}))
            elif label not in themes:
                themes.append(label)
        return themes


def _labels(value: object) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else []


def _stored_contacts(
    ctx: ImportContext, household_ids: Iterable[int]
) -> dict[_ContactKey, list[_StoredContact]]:
    """The stored contacts of these households by key, oldest first, with their themes."""
    found: defaultdict[_ContactKey, list[_StoredContact]] = defaultdict(list)
    by_id: dict[int, _StoredContact] = {}
    for chunk in chunks(household_ids):
        for contact_id, household_id, held, kind, worker_id, minutes in ctx.session.execute(
            select(
                Contact.id,
                Contact.household_id,
                Contact.held_on,
                Contact.kind,
                Contact.worker_id,
                Contact.minutes,
            )
            .where(Contact.household_id.in_(chunk))
            .order_by(Contact.id)
        ):
            contact = _StoredContact(contact_id, minutes, set())
            found[(household_id, held, kind, worker_id)].append(contact)
            by_id[contact_id] = contact
    for chunk in chunks(by_id):
        for contact_id, theme in ctx.session.execute(
            select(ContactTheme.contact_id, ContactTheme.theme).where(
                ContactTheme.contact_id.in_(chunk)
            )
        ):
            by_id[contact_id].themes.add(theme)
    return found


def _running_measures(
    ctx: ImportContext, household_ids: Iterable[int]
) -> dict[int, list[tuple[int, date, date | None]]]:
    """The measures (not diagnostics) of these households: id, start, end."""
    found: defaultdict[int, list[tuple[int, date, date | None]]] = defaultdict(list)
    for chunk in chunks(household_ids):
        for measure_id, household_id, start, end in ctx.session.execute(
            select(
                SupportMeasure.id,
                SupportMeasure.household_id,
                SupportMeasure.start_date,
                SupportMeasure.end_date,
            ).where(SupportMeasure.household_id.in_(chunk), SupportMeasure.kind != DIAGNOSTIC)
        ):
            found[household_id].append((measure_id, start, end))
    return found


def _measure_on(measures: Iterable[tuple[int, date, date | None]], day: date) -> int | None:
    """The only measure running on ``day``, else None."""
    running = [mid for mid, start, end in measures if start <= day <= (end or date.max)]
    return running[0] if len(running) == 1 else None


def _update_contact(
    ctx: ImportContext,
    contact: _StoredContact,
    row: ParsedRow,
    minutes: int | None,
    themes: list[str] | None,
) -> bool:
    """The duration and themes of a stored contact as the row gives them; whether they changed."""
    session = ctx.session
    changed = False
    if has_column(row, "minutes") and minutes != contact.minutes:
        changed = True
        contact.minutes = minutes
        session.execute(
            update(Contact)
            .where(Contact.id == contact.contact_id)
            .values(minutes=minutes, version=Contact.version + 1)
        )
    if themes is not None and set(themes) != contact.themes:
        changed = True
        gone, added = contact.themes - set(themes), [t for t in themes if t not in contact.themes]
        if gone:
            session.execute(
                delete(ContactTheme).where(
                    ContactTheme.contact_id == contact.contact_id,
                    ContactTheme.theme.in_(sorted(gone)),
                )
            )
        if added:
            session.execute(
                insert(ContactTheme),
                [{"contact_id": contact.contact_id, "theme": theme} for theme in added],
            )
        if not (has_column(row, "minutes") and minutes != contact.minutes):
            session.execute(
                update(Contact)
                .where(Contact.id == contact.contact_id)
                .values(version=Contact.version + 1)
            )
        contact.themes = set(themes)
    return changed


def _create_contacts(ctx: ImportContext, spec: SheetSpec, new: Sequence[_NewContact]) -> None:
    """The new contacts in bulk, in the order of their rows, with their themes and history."""
    if not new:
        return
    now = datetime.now(UTC)
    rows = [{**contact.values, "created_at": now, "created_by": ctx.user_id} for contact in new]
    # The n-th new row of a key must become a later contact than the (n-1)-th, as a later
    # import matches the rows of a key to its contacts oldest first: rows are inserted in
    # rounds (one statement each, ids growing), a key at most once per round.
    rounds: defaultdict[int, list[int]] = defaultdict(list)
    seen: defaultdict[tuple[object, ...], int] = defaultdict(int)
    for index, row in enumerate(rows):
        key = tuple(row[column] for column in _CONTACT_KEY)
        rounds[seen[key]].append(index)
        seen[key] += 1
    ids = [0] * len(rows)
    for number in sorted(rounds):
        indexes = rounds[number]
        inserted = insert_many(
            ctx.session, Contact, [rows[index] for index in indexes], match=_CONTACT_KEY
        )
        for index, contact_id in zip(indexes, inserted, strict=True):
            ids[index] = contact_id
    themes = [
        {"contact_id": contact_id, "theme": theme}
        for contact, contact_id in zip(new, ids, strict=True)
        for theme in contact.themes
    ]
    if themes:
        ctx.session.execute(insert(ContactTheme), themes)
    for contact, contact_id in zip(new, ids, strict=True):
        household_id = contact.values["household_id"]
        assert isinstance(household_id, int)
        ctx.history(
            entity="contact",
            entity_id=contact_id,
            household_id=household_id,
            field="held_on",
            old=None,
            new=_history_value(contact.values["held_on"]),
        )
        ctx.created(spec.name, household_id)
