"""Funders' grids: kept with their versions, inspected, filled for a period (issue 11).

Each DDETS, FNAVDL call or Département sends its own Excel grid and changes it from one
convention to the next. A coordinator keeps it here under a name (a new file under the same
name is version n + 1), sees which ``{{…}}`` placeholders Seuil recognises, and fills it for a
period: every placeholder gets the value of its code, computed by the same figure modules as
the built-in returns (`reporting.compute_report`), and the filled file is kept in a report run
of kind ``grid`` like any return (drill-down, freeze, SHA-256).

Decisions where the issue is silent, kept here so the GUI, the command line and the tests agree:

- A placeholder's return is the one it names (``{{iml:places}}``), else the ``kind`` given
  (``--return``), else every programme of the association (``all``). A code only exists in the
  return it belongs to: ``{{iml:places}}`` is refused when ``places`` is not an IML code
  (`domain.grid.check_reference`). The ES-DS codes (``esds.*``) are in no return and go in any
  grid: they are computed over every programme of the association (narrowed by ``programme=``
  or the fill's programme) on their observation day (``on=``, default the period's end).
- Placeholders are grouped by (return, programme, observation day), one computation each,
  all in one read unit of work; the run is then written in one write unit of work.
- Every bad placeholder (syntax, unknown code, code outside its return, unknown programme) is
  listed at once, with its sheet, cell and the nearest codes, before anything is computed or
  written.
- The findings of every group are merged (deduplicated); blocking ones stop the fill unless
  forced, as for a return, and the override is recorded in the run.
- The run's figures are those of the main group (the one without filters, else the first one
  met) under their codes, plus every other placeholder's figure under its placeholder text,
  each with the households behind it. Its options name the grid, its version and every
  placeholder with the value written.
- Adding the very same file again under a grid's name adds no version (the latest one is it).
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.figures import (
    BLOCKING,
    CATALOGUE,
    ESDS,
    GROUP_OF,
    RETURNS,
    Figure,
    Finding,
    Report,
    codes_of,
)
from desktop_app.domain.grid import (
    GridFileError,
    GridIssue,
    Reference,
    check_reference,
    located,
    nearest_codes,
    parse_reference,
)
from desktop_app.domain.messages import message
from desktop_app.domain.periods import Period
from desktop_app.domain.permissions import Actor
from desktop_app.domain.progress import TaskControl
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import record_change
from desktop_app.persistence.models import (
    DocumentContent,
    Funder,
    FunderGrid,
    FunderGridVersion,
    Programme,
    UserAccount,
)
from desktop_app.reports.xlsx.grid import (
    FillValue,
    Placeholder,
    fill_placeholders,
    read_placeholders,
)
from desktop_app.services.authz import record_event, require, service_action
from desktop_app.services.documents import clean_file_name, store_content
from desktop_app.services.report_runs import record_run
from desktop_app.services.report_scope import ALL_PROGRAMMES, resolve_scope
from desktop_app.services.reporting import MEDIA_TYPES, XLSX, compute_report

NAME_MAX: Final = 200
SUGGESTIONS: Final = 3
_UNSAFE: Final = re.compile(r"[^\w.-]+")
_PLAIN_SHEET: Final = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


# ------------------------------------------------------------------ DTOs


@dataclass(frozen=True, slots=True)
class GridInfo:
    """A kept grid with its latest version (the list of grids)."""

    id: int
    name: str
    funder: str | None
    version: int
    """The latest version's number (1, 2, …)."""
    version_id: int
    """The latest version's id (what `grid_file` and `fill_grid` take)."""
    file_name: str
    added_at: datetime
    """When the latest version was added."""
    versions: int
    """How many versions are kept."""
    created_at: datetime


@dataclass(frozen=True, slots=True)
class GridVersionInfo:
    """One file of a grid (metadata; `grid_file` gives the bytes)."""

    id: int
    grid_id: int
    version: int
    file_name: str
    size: int
    sha256: str
    added_at: datetime
    added_by: str
    """The display name of whoever added it (the system's French name without accounts)."""


@dataclass(frozen=True, slots=True)
class PlaceholderCheck:
    """One placeholder of a grid, recognised or not.

    ``label`` is the French label of its code (or of the special value) when recognised;
    ``error`` the French reason otherwise, with the nearest codes in ``suggestions``.
    """

    sheet: str
    cell: str
    text: str
    recognised: bool
    label: str
    error: str | None
    suggestions: tuple[str, ...]
    code: str | None = None
    special: str | None = None
    kind: str | None = None
    """The return the placeholder names (``{{iml:…}}``), None when it names none."""
    programme: str | None = None
    on: date | None = None

    @property
    def location(self) -> str:
        """``Pension!C7`` (the sheet quoted as Excel does when it has spaces or accents)."""
        return location(self.sheet, self.cell)


@dataclass(frozen=True, slots=True)
class GridInspection:
    """Every placeholder of a grid in sheet order, and whether Seuil recognises it."""

    placeholders: tuple[PlaceholderCheck, ...]

    @property
    def recognised(self) -> tuple[PlaceholderCheck, ...]:
        """The placeholders a fill would replace."""
        return tuple(p for p in self.placeholders if p.recognised)

    @property
    def unknown(self) -> tuple[PlaceholderCheck, ...]:
        """The placeholders that stop a fill until they are corrected."""
        return tuple(p for p in self.placeholders if not p.recognised)


@dataclass(frozen=True, slots=True)
class FilledGrid:
    """A grid filled for a period, or refused for its blocking findings.

    ``data`` is the filled file (empty when ``blocked``); ``run_id`` the report run recorded
    (None when blocked); ``values`` maps each placeholder's text to the value written.
    """

    data: bytes
    run_id: int | None
    blocked: bool
    forced: bool
    findings: tuple[Finding, ...]
    values: Mapping[str, FillValue]
    file_name: str = ""
    """The name the run keeps the filled file under."""
    cells: int = 0
    """How many cells were filled (a placeholder may stand in several cells)."""

    @property
    def blocking(self) -> tuple[Finding, ...]:
        """The findings that block the fill unless overridden."""
        return tuple(f for f in self.findings if f.level == BLOCKING)


class GridPlaceholderError(RefusedError):
    """A grid whose placeholders cannot all be filled: each bad one, where, and why."""

    def __init__(self, problems: Sequence[PlaceholderCheck]) -> None:
        super().__init__(
            "funder_grid.refused",
            count=len(problems),
            lines="\n".join(_problem_line(problem) for problem in problems),
        )
        self.problems = tuple(problems)


# ------------------------------------------------------------------ helpers


def location(sheet: str, cell: str) -> str:
    """``Feuil1!B7``, or ``'Bilan IML'!B7`` for a sheet name Excel would quote."""
    if _PLAIN_SHEET.match(sheet):
        return f"{sheet}!{cell}"
    escaped = sheet.replace("'", "''")
    return f"'{escaped}'!{cell}"


def _problem_line(problem: PlaceholderCheck) -> str:
    reason = problem.error or ""
    if problem.suggestions and problem.suggestions[0] not in reason:
        reason += message("funder_grid.suggestions", codes=", ".join(problem.suggestions))
    return "– " + located(reason, sheet=problem.sheet, cell=problem.cell)


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _default_kind(kind: str | None) -> str:
    if kind is None or kind == ALL_PROGRAMMES:
        return ALL_PROGRAMMES
    if kind not in RETURNS:
        raise ValueError(f"unknown return {kind!r}")
    return kind


def _special_label(special: str) -> str:
    return message(f"funder_grid.special.{special}")


def _close(word: str, choices: Sequence[str]) -> tuple[str, ...]:
    return tuple(difflib.get_close_matches(word, choices, n=SUGGESTIONS))


def _described(
    placeholder: Placeholder,
    reference: Reference | None,
    *,
    label: str = "",
    error: str | None = None,
    suggestions: tuple[str, ...] = (),
) -> PlaceholderCheck:
    return PlaceholderCheck(
        sheet=placeholder.sheet,
        cell=placeholder.cell,
        text=placeholder.text,
        recognised=error is None,
        label=label,
        error=error,
        suggestions=suggestions,
        code=reference.code if reference else None,
        special=reference.special if reference else None,
        kind=reference.kind if reference else None,
        programme=reference.programme if reference else None,
        on=reference.on if reference else None,
    )


def _check(
    placeholder: Placeholder, default_kind: str
) -> tuple[PlaceholderCheck, Reference | None]:
    """Whether ``placeholder`` can be filled, and its parsed reference when it can."""
    try:
        reference = parse_reference(placeholder.text)
    except GridIssue as issue:
        return _described(placeholder, None, error=issue.text), None
    if reference.special is not None:
        label = _special_label(reference.special)
        return _described(placeholder, reference, label=label), reference
    code = reference.code or ""
    applied = reference.kind or default_kind
    problems = check_reference(reference, kind=None if applied == ALL_PROGRAMMES else applied)
    if problems:
        if code not in CATALOGUE:
            near = tuple(nearest_codes(code, n=SUGGESTIONS))
        elif applied in RETURNS and code not in codes_of(applied):
            near = _close(code, codes_of(applied))
        else:
            near = ()
        error = " ".join(problems)
        return _described(placeholder, reference, error=error, suggestions=near), None
    return _described(placeholder, reference, label=CATALOGUE[code].label), reference


def inspect_grid(data: bytes, *, kind: str | None = None) -> GridInspection:
    """Every placeholder of the grid ``data``, recognised or not (nothing is read elsewhere).

    ``kind`` is the return a fill would use for placeholders naming none (None: every
    programme). Unknown programme names are only found by `fill_grid`, which knows them.

    Raises:
        RefusedError: the file is no xlsx workbook (an ``.xls``, encrypted, damaged…).
    """
    default = _default_kind(kind)
    return GridInspection(
        tuple(_check(placeholder, default)[0] for placeholder in read_placeholders(data))
    )


# ------------------------------------------------------------------ storing


def _names(session: Session, user_ids: set[int | None]) -> dict[int | None, str]:
    ids = [user_id for user_id in user_ids if user_id is not None]
    found: dict[int | None, str] = {
        user_id: name
        for user_id, name in session.execute(
            select(UserAccount.id, UserAccount.display_name).where(UserAccount.id.in_(ids))
        )
    }
    found[None] = message("report_run.system_author")
    return found


def _grid_infos(session: Session, grid_ids: Sequence[int] | None = None) -> list[GridInfo]:
    counts = (
        select(
            FunderGridVersion.grid_id,
            func.max(FunderGridVersion.version).label("latest"),
            func.count().label("versions"),
        )
        .group_by(FunderGridVersion.grid_id)
        .subquery()
    )
    statement = (
        select(FunderGrid, Funder.name, FunderGridVersion, counts.c.versions)
        .join(counts, counts.c.grid_id == FunderGrid.id)
        .join(
            FunderGridVersion,
            (FunderGridVersion.grid_id == FunderGrid.id)
            & (FunderGridVersion.version == counts.c.latest),
        )
        .outerjoin(Funder, Funder.id == FunderGrid.funder_id)
    )
    if grid_ids is not None:
        statement = statement.where(FunderGrid.id.in_(list(grid_ids)))
    infos = [
        GridInfo(
            id=grid.id,
            name=grid.name,
            funder=funder,
            version=latest.version,
            version_id=latest.id,
            file_name=latest.file_name,
            added_at=_utc(latest.added_at),
            versions=int(versions),
            created_at=_utc(grid.created_at),
        )
        for grid, funder, latest, versions in session.execute(statement)
    ]
    return sorted(infos, key=lambda info: (info.name.casefold(), info.id))


def _grid_info(session: Session, grid_id: int) -> GridInfo:
    [info] = _grid_infos(session, [grid_id])
    return info


@service_action("returns.run")
def add_grid(
    database: Database,
    *,
    actor: Actor,
    name: str,
    funder: str | None,
    file_name: str,
    data: bytes,
    now: datetime | None = None,
) -> GridInfo:
    """Keep a funder's grid: a new name creates it, an existing name adds version n + 1.

    ``funder`` names one of the association's funders (None or empty: none, or keep the grid's
    own). The same bytes as the latest version add nothing.

    Raises:
        InvalidInput: no name (or too long), an unknown funder, or a file that is no xlsx
            grid (the French reason on ``file``).
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    clean = " ".join(name.split())
    funder_name = " ".join((funder or "").split()) or None
    issues: list[ValidationIssue] = []
    if not clean or len(clean) > NAME_MAX:
        issues.append(ValidationIssue("name", "funder_grid.name_required", {"maximum": NAME_MAX}))
    try:
        read_placeholders(data)
    except GridFileError as error:
        issues.append(ValidationIssue("file", error.code, dict(error.params)))
    stored_name = clean_file_name(file_name) or "grille.xlsx"
    digest = hashlib.sha256(data).hexdigest()

    def work(session: Session) -> GridInfo:
        require(actor, "returns.run")
        problems = list(issues)
        funder_id: int | None = None
        if funder_name is not None:
            funder_id = session.scalar(select(Funder.id).where(Funder.name == funder_name))
            if funder_id is None:
                problems.append(
                    ValidationIssue("funder", "funder_grid.funder_unknown", {"name": funder_name})
                )
        if problems:
            raise InvalidInput(problems)
        grid = session.scalars(select(FunderGrid).where(FunderGrid.name == clean)).first()
        if grid is None:
            grid = FunderGrid(
                name=clean, funder_id=funder_id, created_at=moment, created_by=actor.user_id
            )
            session.add(grid)
            session.flush()
            record_event(
                session,
                actor,
                action="create",
                entity="funder_grid",
                entity_id=grid.id,
                household_id=None,
                fields=("name", "funder_id"),
                at=moment,
            )
        elif funder_id is not None and funder_id != grid.funder_id:
            grid.funder_id = funder_id
            record_event(
                session,
                actor,
                action="update",
                entity="funder_grid",
                entity_id=grid.id,
                household_id=None,
                fields=("funder_id",),
                at=moment,
            )
        latest = session.scalars(
            select(FunderGridVersion)
            .where(FunderGridVersion.grid_id == grid.id)
            .order_by(FunderGridVersion.version.desc())
            .limit(1)
        ).first()
        if latest is not None and latest.sha256 == digest:
            session.flush()
            return _grid_info(session, grid.id)
        number = 1 if latest is None else latest.version + 1
        store_content(session, digest, data)
        version = FunderGridVersion(
            grid_id=grid.id,
            version=number,
            file_name=stored_name,
            sha256=digest,
            size=len(data),
            added_at=moment,
            added_by=actor.user_id,
        )
        session.add(version)
        session.flush()
        record_change(
            session,
            user_id=actor.user_id,
            household_id=None,
            entity="funder_grid",
            entity_id=grid.id,
            field="version",
            old=None if latest is None else latest.version,
            new=number,
            at=moment,
        )
        record_event(
            session,
            actor,
            action="create",
            entity="funder_grid_version",
            entity_id=version.id,
            household_id=None,
            fields=("grid_id", "version", "file_name", "sha256", "size"),
            at=moment,
        )
        return _grid_info(session, grid.id)

    return database.run_write(work)


@service_action("returns.run")
def funder_names(database: Database, *, actor: Actor) -> list[str]:
    """The association's funders, by name (the funder a grid may be kept under)."""
    return database.run_read(
        lambda session: list(session.scalars(select(Funder.name).order_by(Funder.name)))
    )


@service_action("returns.run")
def list_grids(database: Database, *, actor: Actor) -> list[GridInfo]:
    """Every kept grid with its latest version, by name."""

    def read(session: Session) -> list[GridInfo]:
        require(actor, "returns.run")
        return _grid_infos(session)

    return database.run_read(read)


@service_action("returns.run")
def grid_versions(database: Database, *, actor: Actor, grid_id: int) -> list[GridVersionInfo]:
    """The versions of a grid, newest first.

    Raises:
        RefusedError: no such grid.
    """

    def read(session: Session) -> list[GridVersionInfo]:
        require(actor, "returns.run")
        if session.get(FunderGrid, grid_id) is None:
            raise RefusedError("funder_grid.unknown")
        versions = list(
            session.scalars(
                select(FunderGridVersion)
                .where(FunderGridVersion.grid_id == grid_id)
                .order_by(FunderGridVersion.version.desc())
            )
        )
        names = _names(session, {version.added_by for version in versions})
        return [
            GridVersionInfo(
                id=version.id,
                grid_id=version.grid_id,
                version=version.version,
                file_name=version.file_name,
                size=version.size,
                sha256=version.sha256,
                added_at=_utc(version.added_at),
                added_by=names.get(version.added_by, ""),
            )
            for version in versions
        ]

    return database.run_read(read)


@service_action("returns.run")
def grid_file(database: Database, *, actor: Actor, version_id: int) -> bytes:
    """The bytes of a grid's version, checked against their SHA-256.

    Raises:
        RefusedError: no such version, or its bytes no longer match (restore a backup).
    """

    def read(session: Session) -> bytes:
        require(actor, "returns.run")
        found = session.execute(
            select(FunderGridVersion, FunderGrid.name, DocumentContent.content)
            .join(FunderGrid, FunderGrid.id == FunderGridVersion.grid_id)
            .join(DocumentContent, DocumentContent.sha256 == FunderGridVersion.sha256)
            .where(FunderGridVersion.id == version_id)
        ).first()
        if found is None:
            raise RefusedError("funder_grid.version_unknown")
        version, grid_name, content = found
        data = bytes(content)
        if hashlib.sha256(data).hexdigest() != version.sha256:
            raise RefusedError(
                "funder_grid.file_corrupted", name=grid_name, version=version.version
            )
        return data

    return database.run_read(read)


# ------------------------------------------------------------------ filling


@dataclass(frozen=True, slots=True)
class _Group:
    """The placeholders computed on one scope: a return (or ``all``), a programme, a day."""

    kind: str
    programme: str | None
    on: date | None


class _Part(TaskControl):
    """The progress of one group's computation as a slice of the whole fill's."""

    def __init__(self, whole: TaskControl, index: int, count: int) -> None:
        super().__init__()
        self._whole, self._index, self._count = whole, index, count

    def report(self, done: int, total: int) -> None:
        """Forward as ``index × total + done`` of ``count × total``."""
        self._whole.report(self._index * total + done, self._count * total)

    def cancel(self) -> None:
        """Cancel the whole fill."""
        self._whole.cancel()

    @property
    def cancelled(self) -> bool:
        """Whether the whole fill was cancelled."""
        return self._whole.cancelled

    def checkpoint(self) -> None:
        """Stop when the whole fill was cancelled."""
        self._whole.checkpoint()


def _group_of(reference: Reference, default_kind: str, programme: str | None) -> _Group:
    """The ES-DS codes are in no return: always computed over every programme (or one)."""
    chosen = reference.programme or programme
    if ESDS in GROUP_OF[reference.code or ""].returns:
        return _Group(ALL_PROGRAMMES, chosen, reference.on)
    return _Group(reference.kind or default_kind, chosen, None)


def _programme_problems(
    checks: Sequence[tuple[PlaceholderCheck, Reference]], names: Sequence[str]
) -> list[PlaceholderCheck]:
    known = set(names)
    problems = []
    for check, reference in checks:
        if reference.programme is not None and reference.programme not in known:
            problems.append(
                replace(
                    check,
                    recognised=False,
                    label="",
                    error=message(
                        "funder_grid.unknown_programme",
                        text=reference.text,
                        name=reference.programme,
                    ),
                    suggestions=_close(reference.programme, names),
                )
            )
    return problems


def _run_file_name(grid_name: str | None, period: Period) -> str:
    stem = _UNSAFE.sub("_", grid_name or "").strip("._") or "grille"
    return f"{stem[:120]}_{period.start.isoformat()}_{period.end.isoformat()}.xlsx"


def _stored(value: FillValue) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _run_report(
    reports: Mapping[_Group, Report],
    main: _Group,
    others: Mapping[str, Figure],
    *,
    programme: str | None,
    findings: tuple[Finding, ...],
) -> Report:
    """The main group's report, the other placeholders' figures under their text."""
    base = reports[main]
    held = {figure.code for figure in base.figures}
    extra = tuple(figure for text, figure in others.items() if text not in held)
    names = sorted({name for report in reports.values() for name in report.programmes})
    return replace(
        base,
        kind="grid",
        programme=programme,
        programmes=tuple(names),
        figures=(*base.figures, *extra),
        findings=findings,
        series=(),
    )


@dataclass(frozen=True, slots=True)
class _Plan:
    """What a fill computes: every fillable placeholder and the groups, the main one first."""

    references: tuple[tuple[PlaceholderCheck, Reference], ...]
    groups: tuple[_Group, ...]
    kind: str
    programme: str | None

    @property
    def main(self) -> _Group:
        return self.groups[0]

    def group(self, reference: Reference) -> _Group:
        return _group_of(reference, self.kind, self.programme)


def _plan(data: bytes, kind: str | None, programme: str | None) -> _Plan:
    """Read and check every placeholder; refuse them all at once when one is wrong."""
    default_kind = _default_kind(kind)
    chosen = programme.strip() if programme and programme.strip() else None
    checked = [_check(placeholder, default_kind) for placeholder in read_placeholders(data)]
    problems = [check for check, reference in checked if reference is None]
    if problems:
        raise GridPlaceholderError(problems)
    references = tuple((check, ref) for check, ref in checked if ref is not None)
    groups = dict.fromkeys(
        _group_of(ref, default_kind, chosen) for _, ref in references if ref.code is not None
    )
    main = _Group(default_kind, chosen, None)
    if main not in groups:
        main = next(iter(groups), main)
    ordered = (main, *(group for group in groups if group != main))
    return _Plan(references, ordered, default_kind, chosen)


def _kept_version(session: Session, version_id: int | None) -> tuple[str, int] | None:
    """The name and number of the kept grid version being filled, if it is one."""
    if version_id is None:
        return None
    row = session.execute(
        select(FunderGrid.name, FunderGridVersion.version)
        .join(FunderGrid, FunderGrid.id == FunderGridVersion.grid_id)
        .where(FunderGridVersion.id == version_id)
    ).first()
    if row is None:
        raise RefusedError("funder_grid.version_unknown")
    return row.name, row.version


def _values(
    plan: _Plan, reports: Mapping[_Group, Report], period: Period, today: date
) -> tuple[dict[str, FillValue], dict[str, Figure]]:
    """Placeholder text → value written, and the figures outside the main group by text."""
    base = reports[plan.main]
    specials: dict[str, FillValue] = {
        "period.start": period.start,
        "period.end": period.end,
        "today": today,
        "association.name": base.organisation or None,
        "association.siret": base.siret or None,
    }
    values: dict[str, FillValue] = {}
    others: dict[str, Figure] = {}
    for check, reference in plan.references:
        if reference.special is not None:
            values[check.text] = specials[reference.special]
            continue
        group = plan.group(reference)
        figure = reports[group].figure(reference.code or "")
        values[check.text] = figure.value
        if group != plan.main:
            others[check.text] = Figure(check.text, figure.value, figure.households)
    return values, others


@service_action("returns.run")
def fill_grid(
    database: Database,
    *,
    actor: Actor,
    data: bytes,
    period: Period,
    today: date,
    kind: str | None = None,
    programme: str | None = None,
    force: bool = False,
    grid_name: str | None = None,
    version_id: int | None = None,
    control: TaskControl | None = None,
) -> FilledGrid:
    """Fill the grid ``data`` for ``period`` and record the run (see the module's docstring).

    ``kind`` (``fnavdl``, ``iml``, ``pension``; None or ``all``: every programme) and
    ``programme`` apply to placeholders that name none. ``grid_name`` and ``version_id`` say
    which kept grid this is (recorded in the run; the name also names the run's file).

    Nothing is written when a blocking finding is met without ``force``: the result says
    ``blocked`` and lists the findings.

    Raises:
        GridPlaceholderError: placeholders that cannot be filled (each one listed, with its
            sheet, cell and the nearest codes); nothing computed nor written.
        RefusedError: the file is no xlsx grid, an unknown programme or version, or
            ``returns.run`` refused on a programme.
    """
    control = control or TaskControl()
    plan = _plan(data, kind, programme)

    def read(session: Session) -> tuple[dict[_Group, Report], tuple[str, int] | None]:
        names = list(session.scalars(select(Programme.name).order_by(Programme.name)))
        unknown = _programme_problems(plan.references, names)
        if unknown:
            raise GridPlaceholderError(unknown)
        kept = _kept_version(session, version_id)
        reports: dict[_Group, Report] = {}
        for index, group in enumerate(plan.groups):
            control.checkpoint()
            scope = resolve_scope(
                session, kind=group.kind, period=period, programme=group.programme, on=group.on
            )
            part = _Part(control, index, len(plan.groups))
            reports[group] = compute_report(session, actor, scope, today=today, control=part)
        return reports, kept

    reports, kept = database.run_read(read)
    findings = tuple(
        dict.fromkeys(finding for group in plan.groups for finding in reports[group].findings)
    )
    values, others = _values(plan, reports, period, today)
    blocking = any(finding.level == BLOCKING for finding in findings)
    name = grid_name if grid_name is not None else (kept[0] if kept else None)
    file_name = _run_file_name(name, period)
    shown = MappingProxyType(values)
    cells = len(plan.references)
    if blocking and not force:
        return FilledGrid(b"", None, True, False, findings, shown, file_name, cells)
    filled = fill_placeholders(data, values)
    control.checkpoint()
    report = _run_report(reports, plan.main, others, programme=plan.programme, findings=findings)
    run = record_run(
        database,
        actor=actor,
        report=report,
        forced=blocking,
        files={file_name: (MEDIA_TYPES[XLSX], filled)},
        options={
            "grid": name,
            "grid_version": kept[1] if kept else None,
            "grid_version_id": version_id,
            "return": plan.kind,
            "placeholders": {text: _stored(value) for text, value in values.items()},
        },
    )
    return FilledGrid(filled, run.id, False, blocking, findings, shown, file_name, cells)
