"""Report runs: what each édition of a return produced, kept inside Seuil (DOMAIN §5.8).

A run stores its options, author, time, the data-quality findings (without their sentence:
the codes and the record are enough to rebuild it), every figure's exact value and the
households behind every figure, so that double-clicking a figure lists them long after the
data moved. A coordinator may freeze a run: its files stay, stored by SHA-256 in
``document_content`` (once per content, as documents are), and it is never recomputed. A new
run of a frozen period is compared with the latest frozen one: which figures changed, which
households entered or left each figure, and the business history lines written since the
frozen run that explain it.

Decisions where DOMAIN.md is silent, kept here so the GUI and the tests agree:

- The households behind the figures are stored compactly: a JSON object code → sorted ids
  delta-encoded (first id, then differences), zlib-compressed. Figures without households are
  left out.
- A figure's value is kept as exact text (``"87.5"``, ``"12"``), ``null`` when empty; it is
  read back as ``int`` for counts and ``Decimal`` for every other unit.
- A grid of every programme (`report_scope.ALL_PROGRAMMES`) is recorded as kind ``grid``.
- Reading a run needs ``returns.run`` on the programmes it covered (their names are kept in
  the options); a household is shown by its reference only to whoever may list it, and by
  its head's name only outside a protected file or inside its circle (as the households list
  does). A household out of reach keeps its line, masked, so a figure's count still matches.
- Freezing writes one business-history line (``frozen`` false → true, on no household) and
  an ``update`` event in the security log; reading a run's file checks its SHA-256 again.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from itertools import pairwise
from types import MappingProxyType
from typing import Final

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, aliased

from desktop_app.domain import vocabulary as v
from desktop_app.domain.errors import RefusedError
from desktop_app.domain.figures import BLOCKING, CATALOGUE, COUNT, WARNING, Number, Report
from desktop_app.domain.messages import message
from desktop_app.domain.periods import Period, format_date
from desktop_app.domain.permissions import AccessContext, Actor, decide
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import record_change
from desktop_app.persistence.models import (
    ChangeHistory,
    DocumentContent,
    Household,
    HouseholdCoWorker,
    Membership,
    Person,
    Programme,
    ReportRun,
    ReportRunFile,
    Residence,
    Stay,
    UserAccount,
)
from desktop_app.services.authz import record_event, require, service_action
from desktop_app.services.documents import store_content
from desktop_app.services.households import MASK, scope_filter

GRID: Final = "grid"
_RUN_KIND: Final = {"all": GRID}  # report_scope.ALL_PROGRAMMES is recorded as a grid
_NO_FILES: Final[Mapping[str, tuple[str, bytes]]] = MappingProxyType({})
_NO_OPTIONS: Final[Mapping[str, object]] = MappingProxyType({})
_CHUNK: Final = 500  # ids per IN (…) list: well below SQLite's variable limit
ADDED: Final = "added"
REMOVED: Final = "removed"
KEPT: Final = "kept"


# ------------------------------------------------------------------ DTOs


@dataclass(frozen=True, slots=True)
class RunInfo:
    """A run as recorded or frozen."""

    id: int
    kind: str
    period: Period
    programme: str | None
    created_at: datetime
    forced: bool
    frozen_at: datetime | None


@dataclass(frozen=True, slots=True)
class RunRow:
    """One line of the list of runs.

    ``author`` is the user's display name (the system actor's French name for a run of the
    command line without accounts); ``blocking`` and ``warnings`` count the findings.
    """

    id: int
    kind: str
    period: Period
    programme: str | None
    author: str
    created_at: datetime
    forced: bool
    frozen_at: datetime | None
    frozen_by: str | None
    blocking: int
    warnings: int


@dataclass(frozen=True, slots=True)
class RunFigure:
    """A figure of a run: its value as recorded and how many households are behind it."""

    code: str
    label: str
    unit: str
    value: Number | None
    households: int


@dataclass(frozen=True, slots=True)
class RunFileInfo:
    """A file a run produced (metadata; `run_file` gives the bytes)."""

    name: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class RunFinding:
    """A data-quality finding as recorded (its sentence is rebuilt by whoever shows it)."""

    check: str
    level: str
    household_id: int | None
    record: str
    record_id: int | None


@dataclass(frozen=True, slots=True)
class RunDetail:
    """A run with its options, its figures in catalogue order, findings and files."""

    row: RunRow
    options: Mapping[str, object]
    figures: tuple[RunFigure, ...]
    findings: tuple[RunFinding, ...]
    files: tuple[RunFileInfo, ...]


@dataclass(frozen=True, slots=True)
class RunHousehold:
    """A household behind a figure, as the actor may see it.

    ``household_id`` is None when the actor may not open the file (out of their scope, or
    deleted since): ``reference`` then says so. ``masked`` hides the head's name of a
    protected file outside its circle.
    """

    household_id: int | None
    reference: str
    head: str
    programme: str | None
    masked: bool


@dataclass(frozen=True, slots=True)
class HistoryChange:
    """A business-history line written after the frozen run (old → new, stable forms)."""

    at: datetime
    user: str | None
    entity: str
    entity_id: int
    field: str
    old_value: str | None
    new_value: str | None


@dataclass(frozen=True, slots=True)
class ChangedHousehold:
    """A household that may explain a changed figure.

    ``change`` is ``added`` (behind the new value only), ``removed`` (the frozen value only)
    or ``kept`` (behind both, with history lines since the frozen run).
    """

    household_id: int | None
    reference: str
    change: str
    history: tuple[HistoryChange, ...]


@dataclass(frozen=True, slots=True)
class ChangedFigure:
    """A figure whose value differs from the frozen run's."""

    code: str
    label: str
    unit: str
    old: Number | None
    new: Number | None
    added: int
    removed: int
    households: tuple[ChangedHousehold, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """A run compared with the latest frozen run of the same return (or grid), period, programme."""

    run: RunRow
    frozen: RunRow
    changes: tuple[ChangedFigure, ...]


# ------------------------------------------------------------------ encoding


def encode_households(figures: Iterable[tuple[str, Iterable[int]]]) -> bytes:
    """Code → household ids, sorted and delta-encoded, as compressed JSON."""
    packed: dict[str, list[int]] = {}
    for code, ids in figures:
        ordered = sorted(set(ids))
        if ordered:
            packed[code] = [ordered[0]] + [b - a for a, b in pairwise(ordered)]
    return zlib.compress(json.dumps(packed, separators=(",", ":")).encode("ascii"), 9)


def decode_households(blob: bytes) -> dict[str, tuple[int, ...]]:
    """The inverse of `encode_households`."""
    packed: dict[str, list[int]] = json.loads(zlib.decompress(blob).decode("ascii"))
    result: dict[str, tuple[int, ...]] = {}
    for code, deltas in packed.items():
        total, ids = 0, []
        for delta in deltas:
            total += delta
            ids.append(total)
        result[code] = tuple(ids)
    return result


def _value_text(value: Number | None) -> str | None:
    return None if value is None else str(value)


def _value(code: str, text: str | None) -> Number | None:
    if text is None:
        return None
    known = CATALOGUE.get(code)
    if (known is not None and known.unit == COUNT) or (known is None and text.isdigit()):
        return int(text)
    return Decimal(text)


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _figure_order(codes: Iterable[str]) -> list[str]:
    """Catalogue order, then codes the catalogue no longer knows, as stored."""
    present = list(dict.fromkeys(codes))
    known = set(present)
    return [code for code in CATALOGUE if code in known] + [
        code for code in present if code not in CATALOGUE
    ]


def _chunks(ids: Collection[int]) -> Iterable[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


# ------------------------------------------------------------------ permissions


def _programme_ids(session: Session, run: ReportRun) -> frozenset[int]:
    names = json.loads(run.options).get("programmes") or []
    ids = set(session.scalars(select(Programme.id).where(Programme.name.in_(names))).all())
    if run.programme_id is not None:
        ids.add(run.programme_id)
    return frozenset(ids)


def _context(session: Session, actor: Actor, programme_ids: frozenset[int]) -> AccessContext:
    """The run's programmes, and whether a host hosts every pension among them."""
    residences = frozenset(
        session.scalars(select(Residence.id).where(Residence.programme_id.in_(programme_ids)))
    )
    hosted = {grant.residence_id for grant in actor.grants if grant.residence_id is not None}
    return AccessContext(
        programme_ids=programme_ids,
        residence_ids=residences,
        resident=bool(residences) and residences <= hosted,
    )


def _run_for(session: Session, actor: Actor, run_id: int, action: str) -> ReportRun:
    run = session.get(ReportRun, run_id)
    if run is None:
        raise RefusedError("report_run.unknown")
    require(actor, action, _context(session, actor, _programme_ids(session, run)))
    return run


# ------------------------------------------------------------------ recording


def _run_kind(kind: str) -> str:
    recorded = _RUN_KIND.get(kind, kind)
    if recorded not in v.REPORT_KIND.codes:
        raise ValueError(f"unknown return kind {kind!r}")
    return recorded


def record_run_in(
    session: Session,
    actor: Actor,
    report: Report,
    *,
    forced: bool,
    files: Mapping[str, tuple[str, bytes]] = _NO_FILES,
    options: Mapping[str, object] = _NO_OPTIONS,
    now: datetime | None = None,
) -> int:
    """Store a run of ``report`` in the caller's write unit of work; return its id.

    ``files`` maps a file name to its media type and bytes (stored once per SHA-256).

    Raises:
        RefusedError: ``returns.run`` refused on the report's programmes, or its programme
            is unknown.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    kind = _run_kind(report.kind)
    names = sorted({*report.programmes, *([report.programme] if report.programme else [])})
    known = {
        name: pid
        for name, pid in session.execute(
            select(Programme.name, Programme.id).where(Programme.name.in_(names))
        )
    }
    programme_id: int | None = None
    if report.programme is not None:
        if report.programme not in known:
            raise RefusedError("report.unknown_programme", name=report.programme)
        programme_id = known[report.programme]
    require(actor, "returns.run", _context(session, actor, frozenset(known.values())))
    stored_options: dict[str, object] = {
        "programme": report.programme,
        "programmes": list(report.programmes),
        "funder": report.funder,
        "method": report.method,
        "permanent": list(report.permanent),
        "made_on": report.made_on.isoformat(),
        **options,
    }
    findings = [
        {
            "check": finding.check,
            "level": finding.level,
            "household_id": finding.household_id,
            "record": finding.record,
            "record_id": finding.record_id,
        }
        for finding in report.findings
    ]
    run = ReportRun(
        kind=kind,
        period_start=report.period.start,
        period_end=report.period.end,
        programme_id=programme_id,
        options=json.dumps(stored_options, ensure_ascii=False, default=str),
        created_at=moment,
        created_by=actor.user_id,
        forced=forced,
        findings=json.dumps(findings),
        figures=json.dumps({f.code: _value_text(f.value) for f in report.figures}),
        households=encode_households((f.code, f.households) for f in report.figures),
    )
    session.add(run)
    session.flush()
    for name, (media_type, content) in sorted(files.items()):
        if not content:
            raise ValueError(f"empty file {name!r}")
        digest = hashlib.sha256(content).hexdigest()
        store_content(session, digest, content)
        session.add(
            ReportRunFile(
                run_id=run.id,
                name=name,
                media_type=media_type,
                sha256=digest,
                size=len(content),
            )
        )
    session.flush()
    record_event(
        session,
        actor,
        action="report_run",
        entity="report_run",
        entity_id=run.id,
        household_id=None,
        fields=("kind", "period_start", "period_end", "programme_id", "forced", "files"),
        at=moment,
        count=len(files),
    )
    return run.id


def _info(session: Session, run: ReportRun) -> RunInfo:
    programme = (
        session.scalar(select(Programme.name).where(Programme.id == run.programme_id))
        if run.programme_id is not None
        else None
    )
    created = _utc(run.created_at)
    assert created is not None
    return RunInfo(
        id=run.id,
        kind=run.kind,
        period=Period(run.period_start, run.period_end),
        programme=programme,
        created_at=created,
        forced=run.forced,
        frozen_at=_utc(run.frozen_at),
    )


@service_action("returns.run")
def record_run(
    database: Database,
    *,
    actor: Actor,
    report: Report,
    forced: bool,
    files: Mapping[str, tuple[str, bytes]] = _NO_FILES,
    options: Mapping[str, object] = _NO_OPTIONS,
    now: datetime | None = None,
) -> RunInfo:
    """Record a run of ``report`` (one write unit of work; see `record_run_in`)."""

    def work(session: Session) -> RunInfo:
        run_id = record_run_in(
            session, actor, report, forced=forced, files=files, options=options, now=now
        )
        run = session.get(ReportRun, run_id)
        assert run is not None
        return _info(session, run)

    return database.run_write(work)


# ------------------------------------------------------------------ reading


_author = aliased(UserAccount)
_freezer = aliased(UserAccount)


def _rows(session: Session, *conditions: ColumnElement[bool]) -> list[tuple[ReportRun, RunRow]]:
    rows = session.execute(
        select(ReportRun, Programme.name, _author.display_name, _freezer.display_name)
        .outerjoin(Programme, Programme.id == ReportRun.programme_id)
        .outerjoin(_author, _author.id == ReportRun.created_by)
        .outerjoin(_freezer, _freezer.id == ReportRun.frozen_by)
        .where(*conditions)
        .order_by(ReportRun.created_at.desc(), ReportRun.id.desc())
    ).all()
    system = message("report_run.system_author")
    result = []
    for run, programme, author, freezer in rows:
        levels = [finding["level"] for finding in json.loads(run.findings)]
        frozen_at = _utc(run.frozen_at)
        created = _utc(run.created_at)
        assert created is not None
        row = RunRow(
            id=run.id,
            kind=run.kind,
            period=Period(run.period_start, run.period_end),
            programme=programme,
            author=author or system,
            created_at=created,
            forced=run.forced,
            frozen_at=frozen_at,
            frozen_by=(freezer or system) if frozen_at is not None else None,
            blocking=levels.count(BLOCKING),
            warnings=levels.count(WARNING),
        )
        result.append((run, row))
    return result


def _row(session: Session, run_id: int) -> RunRow:
    [(_, row)] = _rows(session, ReportRun.id == run_id)
    return row


@service_action("returns.run")
def list_runs(database: Database, *, actor: Actor, kind: str | None = None) -> list[RunRow]:
    """The runs the actor may read (``returns.run`` on their programmes), newest first."""

    def read(session: Session) -> list[RunRow]:
        conditions = [] if kind is None else [ReportRun.kind == _RUN_KIND.get(kind, kind)]
        programmes = {
            name: pid for name, pid in session.execute(select(Programme.name, Programme.id))
        }
        residences: dict[int, set[int]] = {}
        for residence_id, programme_id in session.execute(
            select(Residence.id, Residence.programme_id).where(Residence.programme_id.is_not(None))
        ):
            if programme_id is not None:
                residences.setdefault(programme_id, set()).add(residence_id)
        hosted = {grant.residence_id for grant in actor.grants if grant.residence_id is not None}
        visible = []
        for run, row in _rows(session, *conditions):
            names = json.loads(run.options).get("programmes") or []
            ids = {programmes[name] for name in names if name in programmes}
            if run.programme_id is not None:
                ids.add(run.programme_id)
            houses = frozenset(r for pid in ids for r in residences.get(pid, ()))
            context = AccessContext(
                programme_ids=frozenset(ids),
                residence_ids=houses,
                resident=bool(houses) and houses <= hosted,
            )
            if decide(actor, "returns.run", context).allowed:
                visible.append(row)
        return visible

    return database.run_read(read)


def _figures(run: ReportRun) -> dict[str, Number | None]:
    stored: dict[str, str | None] = json.loads(run.figures)
    return {code: _value(code, text) for code, text in stored.items()}


def _label(code: str) -> tuple[str, str]:
    known = CATALOGUE.get(code)
    return (known.label, known.unit) if known is not None else (code, COUNT)


@service_action("returns.run")
def run_detail(database: Database, *, actor: Actor, run_id: int) -> RunDetail:
    """A run's options, figures (catalogue order), findings and files.

    Raises:
        RefusedError: no such run, or ``returns.run`` refused on its programmes.
    """

    def read(session: Session) -> RunDetail:
        run = _run_for(session, actor, run_id, "returns.run")
        values = _figures(run)
        behind = decode_households(run.households)
        figures = tuple(
            RunFigure(code, *_label(code), values[code], len(behind.get(code, ())))
            for code in _figure_order(values)
        )
        findings = tuple(
            RunFinding(f["check"], f["level"], f["household_id"], f["record"], f["record_id"])
            for f in json.loads(run.findings)
        )
        files = tuple(
            RunFileInfo(file.name, file.media_type, file.size, file.sha256)
            for file in session.scalars(
                select(ReportRunFile)
                .where(ReportRunFile.run_id == run.id)
                .order_by(ReportRunFile.name)
            )
        )
        return RunDetail(
            row=_row(session, run.id),
            options=MappingProxyType(json.loads(run.options)),
            figures=figures,
            findings=findings,
            files=files,
        )

    return database.run_read(read)


@dataclass(frozen=True, slots=True)
class _Seen:
    """What the actor may see of one household (references masked out of scope)."""

    household_id: int | None
    reference: str
    head: str
    masked: bool


def _visibility(
    session: Session, actor: Actor, ids: Collection[int], day: date
) -> dict[int, _Seen]:
    """The same masking as the households list: scope, then a protected file's circle."""
    circle = {actor.user_id, *actor.delegated_from} - {None}
    scope = scope_filter(actor)
    out_of_scope = message("report_run.out_of_scope")
    seen: dict[int, _Seen] = {}
    for chunk in _chunks(ids):
        households = session.execute(
            select(
                Household.id, Household.reference, Household.protected, Household.key_worker_id
            ).where(Household.id.in_(chunk))
        ).all()
        in_scope = (
            set(chunk)
            if scope is None
            else set(session.scalars(select(Household.id).where(Household.id.in_(chunk), scope)))
        )
        co_worked = (
            set(
                session.scalars(
                    select(HouseholdCoWorker.household_id).where(
                        HouseholdCoWorker.user_id == actor.user_id,
                        HouseholdCoWorker.household_id.in_(chunk),
                    )
                )
            )
            if actor.user_id is not None
            else set()
        )
        heads: dict[int, tuple[bool, date, str]] = {}
        for household_id, joined, left, last, first in session.execute(
            select(
                Membership.household_id,
                Membership.joined_on,
                Membership.left_on,
                Person.last_name,
                Person.first_name,
            )
            .join(Person, Person.id == Membership.person_id)
            .where(Membership.household_id.in_(chunk), Membership.role == "head")
        ):
            # The head on the run's last day, else the latest head who joined before it.
            rank = (
                joined <= day and (left is None or left >= day),
                joined if joined <= day else date.min,
                f"{last} {first}".strip(),
            )
            if household_id not in heads or rank > heads[household_id]:
                heads[household_id] = rank
        for household_id, reference, protected, worker in households:
            if not actor.system and household_id not in in_scope:
                seen[household_id] = _Seen(None, out_of_scope, "", True)
                continue
            visible = actor.system or not protected or worker in circle or household_id in co_worked
            head = heads[household_id][2] if household_id in heads else ""
            seen[household_id] = _Seen(
                household_id, reference, head if visible else MASK, not visible
            )
    deleted = message("report_run.deleted_household")
    for household_id in ids:
        seen.setdefault(household_id, _Seen(None, deleted, "", True))
    return seen


def _stay_programmes(
    session: Session, ids: Collection[int], programme_ids: frozenset[int], period: Period
) -> dict[int, str]:
    """The programme of each household's latest stay active in the period (in scope first)."""
    found: dict[int, tuple[bool, date, str]] = {}
    for chunk in _chunks(ids):
        for household_id, programme_id, entry, name in session.execute(
            select(Stay.household_id, Stay.programme_id, Stay.entry_date, Programme.name)
            .join(Programme, Programme.id == Stay.programme_id)
            .where(
                Stay.household_id.in_(chunk),
                Stay.entry_date <= period.end,
                or_(Stay.exit_date.is_(None), Stay.exit_date >= period.start),
            )
        ):
            key = (programme_id in programme_ids, entry, name)
            if household_id not in found or key > found[household_id]:
                found[household_id] = key
    return {household_id: key[2] for household_id, key in found.items()}


@service_action("returns.run")
def figure_households(
    database: Database, *, actor: Actor, run_id: int, code: str
) -> list[RunHousehold]:
    """The households behind one figure of a run (the drill-down of a double-click).

    Visible households by reference, then those the actor may not open (masked).

    Raises:
        RefusedError: no such run or code, or ``returns.run`` refused on its programmes.
    """

    def read(session: Session) -> list[RunHousehold]:
        run = _run_for(session, actor, run_id, "returns.run")
        if code not in json.loads(run.figures):
            raise RefusedError("report_run.unknown_code", run=run.id, figure=code)
        ids = decode_households(run.households).get(code, ())
        period = Period(run.period_start, run.period_end)
        seen = _visibility(session, actor, ids, period.end)
        programmes = _stay_programmes(session, ids, _programme_ids(session, run), period)
        rows = [
            RunHousehold(
                household_id=seen[hid].household_id,
                reference=seen[hid].reference,
                head=seen[hid].head,
                programme=programmes.get(hid) if seen[hid].household_id is not None else None,
                masked=seen[hid].masked,
            )
            for hid in ids
        ]
        return sorted(rows, key=lambda row: (row.household_id is None, row.reference))

    return database.run_read(read)


@service_action("returns.run")
def run_file(database: Database, *, actor: Actor, run_id: int, name: str) -> bytes:
    """The stored bytes of a run's file, checked against its SHA-256.

    Raises:
        RefusedError: no such run or file, ``returns.run`` refused, or the bytes no longer
            match their SHA-256 (a damaged database: restore a backup).
    """

    def read(session: Session) -> bytes:
        run = _run_for(session, actor, run_id, "returns.run")
        found = session.execute(
            select(ReportRunFile.sha256, DocumentContent.content)
            .join(DocumentContent, DocumentContent.sha256 == ReportRunFile.sha256)
            .where(ReportRunFile.run_id == run.id, ReportRunFile.name == name)
        ).first()
        if found is None:
            raise RefusedError("report_run.file_unknown", run=run.id, name=name)
        digest, content = found
        data = bytes(content)
        if hashlib.sha256(data).hexdigest() != digest:
            raise RefusedError("report_run.file_corrupted", run=run.id, name=name)
        return data

    return database.run_read(read)


# ------------------------------------------------------------------ freezing


@service_action("returns.freeze")
def freeze_run(
    database: Database, *, actor: Actor, run_id: int, now: datetime | None = None
) -> RunInfo:
    """Freeze a run: its files stay and it is never recomputed nor changed.

    Raises:
        RefusedError: no such run, ``returns.freeze`` refused, or the run is already frozen.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)

    def work(session: Session) -> RunInfo:
        run = _run_for(session, actor, run_id, "returns.freeze")
        if run.frozen_at is not None:
            row = _row(session, run.id)
            frozen_at = _utc(run.frozen_at)
            assert frozen_at is not None
            raise RefusedError(
                "report_run.already_frozen", date=format_date(frozen_at.date()), by=row.frozen_by
            )
        run.frozen_at, run.frozen_by = moment, actor.user_id
        record_change(
            session,
            user_id=actor.user_id,
            household_id=None,
            entity="report_run",
            entity_id=run.id,
            field="frozen",
            old=False,
            new=True,
            at=moment,
        )
        record_event(
            session,
            actor,
            action="update",
            entity="report_run",
            entity_id=run.id,
            household_id=None,
            fields=("frozen_at", "frozen_by"),
            at=moment,
        )
        session.flush()
        return _info(session, run)

    return database.run_write(work)


# ------------------------------------------------------------------ comparing


def _history(
    session: Session, ids: Collection[int], since: datetime
) -> dict[int, list[HistoryChange]]:
    lines: dict[int, list[HistoryChange]] = {}
    for chunk in _chunks(ids):
        rows = session.execute(
            select(ChangeHistory, UserAccount.display_name)
            .outerjoin(UserAccount, UserAccount.id == ChangeHistory.user_id)
            .where(ChangeHistory.household_id.in_(chunk), ChangeHistory.at > since)
            .order_by(ChangeHistory.at, ChangeHistory.id)
        ).all()
        for line, user in rows:
            at = _utc(line.at)
            assert at is not None
            assert line.household_id is not None
            lines.setdefault(line.household_id, []).append(
                HistoryChange(
                    at=at,
                    user=user,
                    entity=line.entity,
                    entity_id=line.entity_id,
                    field=line.field,
                    old_value=line.old_value,
                    new_value=line.new_value,
                )
            )
    return lines


def _changed_households(
    old: Sequence[int],
    new: Sequence[int],
    history: Mapping[int, list[HistoryChange]],
    seen: Mapping[int, _Seen],
) -> tuple[ChangedHousehold, ...]:
    before, after = set(old), set(new)
    result = []
    for household_id in sorted(before | after):
        if household_id in after and household_id not in before:
            change = ADDED
        elif household_id in before and household_id not in after:
            change = REMOVED
        elif household_id in history:
            change = KEPT
        else:
            continue
        shown = seen[household_id]
        result.append(
            ChangedHousehold(
                household_id=shown.household_id,
                reference=shown.reference,
                change=change,
                history=tuple(history.get(household_id, ())),
            )
        )
    order = {ADDED: 0, REMOVED: 1, KEPT: 2}
    return tuple(
        sorted(result, key=lambda h: (order[h.change], h.household_id is None, h.reference))
    )


@service_action("returns.run")
def compare_with_frozen(database: Database, *, actor: Actor, run_id: int) -> Comparison | None:
    """Compare a run with the latest frozen run of its return, period and programme.

    None when no other run of them is frozen. For every figure whose value differs: both
    values, the households added and removed, and the business history of the households
    behind either value written since the frozen run was made.

    Raises:
        RefusedError: no such run, or ``returns.run`` refused on its programmes.
    """

    def read(session: Session) -> Comparison | None:
        run = _run_for(session, actor, run_id, "returns.run")
        same_programme = (
            ReportRun.programme_id.is_(None)
            if run.programme_id is None
            else ReportRun.programme_id == run.programme_id
        )
        # A funder's grid is compared with a frozen fill of the same grid only.
        grid = json.loads(run.options).get("grid")
        frozen = next(
            (
                candidate
                for candidate in session.scalars(
                    select(ReportRun)
                    .where(
                        ReportRun.id != run.id,
                        ReportRun.kind == run.kind,
                        ReportRun.period_start == run.period_start,
                        ReportRun.period_end == run.period_end,
                        same_programme,
                        ReportRun.frozen_at.is_not(None),
                    )
                    .order_by(ReportRun.created_at.desc(), ReportRun.id.desc())
                )
                if json.loads(candidate.options).get("grid") == grid
            ),
            None,
        )
        if frozen is None:
            return None
        new_values, old_values = _figures(run), _figures(frozen)
        new_sets, old_sets = decode_households(run.households), decode_households(frozen.households)
        differing = [
            code
            for code in _figure_order([*new_values, *old_values])
            if new_values.get(code) != old_values.get(code)
        ]
        involved = {
            hid for code in differing for hid in (*new_sets.get(code, ()), *old_sets.get(code, ()))
        }
        since = _utc(frozen.created_at)
        assert since is not None
        history = _history(session, involved, since)
        seen = _visibility(session, actor, involved, run.period_end)
        changes = []
        for code in differing:
            old_ids, new_ids = old_sets.get(code, ()), new_sets.get(code, ())
            label, unit = _label(code)
            changes.append(
                ChangedFigure(
                    code=code,
                    label=label,
                    unit=unit,
                    old=old_values.get(code),
                    new=new_values.get(code),
                    added=len(set(new_ids) - set(old_ids)),
                    removed=len(set(old_ids) - set(new_ids)),
                    households=_changed_households(old_ids, new_ids, history, seen),
                )
            )
        return Comparison(
            run=_row(session, run.id), frozen=_row(session, frozen.id), changes=tuple(changes)
        )

    return database.run_read(read)
