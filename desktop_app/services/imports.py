"""Importing an association's workbook (DOMAIN §10): every sheet, all or nothing.

The file is read into raw cells (`reports.xlsx.workbook.read_workbook`, which refuses a file
it cannot read with a French message) and each known sheet is typed by
`domain.workbook.parse_sheet`. Then ONE write transaction: the sheet importers run in
`domain.workbook.SHEETS` order (`import_sheets` for the reference sheets, `import_ledger` for
contracts and ledger), each matching its rows to the database on the sheet's key and writing
what is new or changed, so a later sheet finds the rows of an earlier one. When any blocking
problem was found, for a dry run, or when the import touches more households than the
``import.confirmation_percent`` parameter allows without confirmation, the transaction is
rolled back: nothing is half-written and the report is exactly what the import would do.
Otherwise one security-log event per sheet (action ``import``, with the count of rows
created or updated) is written and the transaction commits.

The threshold compares the households created or changed with the households there were
before; an import into an association without households never needs a confirmation.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from desktop_app.domain.messages import message
from desktop_app.domain.permissions import Actor
from desktop_app.domain.progress import TaskControl
from desktop_app.domain.workbook import (
    BENEFIT_STATUSES,
    CONTACTS,
    CONTRACTS,
    DWELLINGS,
    HOUSEHOLDS,
    MEASURES,
    MOVEMENTS,
    PERSONS,
    PROGRAMMES,
    RATES,
    SHEETS,
    ParsedSheet,
    SheetSpec,
    WorkbookIssue,
    clean_text,
    heading_key,
    parse_sheet,
    spec_named,
)
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import Dwelling, Household, Programme
from desktop_app.reports.xlsx.workbook import (
    RawSheet,
    RawWorkbook,
    read_workbook,
    write_issues,
    write_template,
)
from desktop_app.services import import_ledger, import_sheets, import_support
from desktop_app.services.authz import audit_identity, require, service_action
from desktop_app.services.import_context import ImportContext, key_of
from desktop_app.services.parameters import parameters_in

log = logging.getLogger(__name__)

ACTION: Final = "import.run"
Importer = Callable[[ImportContext, ParsedSheet | None], None]

IMPORTERS: Final[tuple[tuple[SheetSpec, Importer, str], ...]] = (
    (PROGRAMMES, import_sheets.import_programmes, "programme"),
    (HOUSEHOLDS, import_sheets.import_households, "stay"),
    (PERSONS, import_sheets.import_persons, "person"),
    (DWELLINGS, import_sheets.import_dwellings, "dwelling"),
    (CONTRACTS, import_ledger.import_contracts, "occupancy_contract"),
    (RATES, import_ledger.import_rates, "rent_rate"),
    (BENEFIT_STATUSES, import_ledger.import_benefit_statuses, "benefit_status"),
    (MOVEMENTS, import_ledger.import_movements, "ledger_entry"),
    (MEASURES, import_support.import_measures, "support_measure"),
    (CONTACTS, import_support.import_contacts, "contact"),
)
"""Each sheet of `SHEETS`, in its order, with its importer and the record it audits."""

# Sheets of the template that hold no data (the notice written by `write_template`).
_NOTICE_SHEETS: Final = frozenset({heading_key("Notice")})
_HEADING_CODES: Final = frozenset(
    {"import.column_unknown", "import.column_repeated", "import.column_missing"}
)
_SHEET_ORDER: Final = {spec.name: index for index, spec in enumerate(SHEETS)}


@dataclass(frozen=True, slots=True)
class SheetCounts:
    """What the import did (or would do) with one sheet's rows, and its problems."""

    sheet: str
    created: int
    updated: int
    unchanged: int
    errors: int
    warnings: int


@dataclass(frozen=True, slots=True)
class ImportReport:
    """The outcome of an import, applied or not.

    ``applied`` is False for a dry run, when a blocking problem was found, and when the import
    touches more than ``threshold_percent`` % of the households there were and was not
    confirmed; the counts then say what the import would have done. ``issues`` are sorted by
    sheet (in the workbook's order), row and column.
    """

    sheets: tuple[SheetCounts, ...]
    issues: tuple[WorkbookIssue, ...]
    households_touched: int
    households_before: int
    threshold_exceeded: bool
    applied: bool
    threshold_percent: int = 20

    @property
    def blocking(self) -> bool:
        """Whether a blocking problem was found (then nothing is imported)."""
        return any(issue.blocking for issue in self.issues)

    @property
    def blocking_count(self) -> int:
        """How many blocking problems were found."""
        return sum(1 for issue in self.issues if issue.blocking)


class _Abandon(Exception):  # noqa: N818 - control flow, never seen outside this module
    """Raised inside the unit of work to roll it back while keeping the report."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__("import not applied")
        self.report = report


@service_action(ACTION)
def import_workbook(
    database: Database,
    *,
    actor: Actor,
    path: Path,
    dry_run: bool = False,
    confirmed: bool = False,
    today: date | None = None,
    control: TaskControl | None = None,
) -> ImportReport:
    """Import the workbook at ``path``: everything, or nothing when a problem blocks it.

    Args:
        database: the association's database.
        actor: who imports (``import.run``).
        path: the .xlsx, .xlsm, .xls or .ods file.
        dry_run: check and count only; nothing is written.
        confirmed: import even when more households are touched than the threshold allows.
        today: the day of the import (nothing may be dated after it).
        control: progress (one step per sheet) and cancellation.

    Raises:
        RefusedError: the file cannot be read (French message naming it), or the actor may
            not import.
        Cancelled: cancelled through ``control``; nothing was written.
    """
    require(actor, ACTION)
    control = control or TaskControl()
    workbook = read_workbook(path)
    control.checkpoint()
    parsed, issues = parse_workbook(workbook)
    return _import(
        database,
        actor=actor,
        parsed=parsed,
        issues=issues,
        dry_run=dry_run,
        confirmed=confirmed,
        today=today or date.today(),
        control=control,
    )


def parse_workbook(workbook: RawWorkbook) -> tuple[dict[str, ParsedSheet], list[WorkbookIssue]]:
    """Type the known sheets of a raw workbook (pure: no database).

    Returns the parsed sheets by their specification's name and the issues found in the file
    as a whole (unknown or repeated sheets, no known sheet at all) and in the headings and
    cells of each sheet. An empty sheet counts as absent; the template's notice is ignored.
    """
    parsed: dict[str, ParsedSheet] = {}
    origins: dict[str, str] = {}
    issues: list[WorkbookIssue] = []
    for raw in workbook.sheets:
        spec = spec_named(raw.name)
        if spec is None:
            if heading_key(raw.name) in _NOTICE_SHEETS:
                continue
            if _blank(raw):
                continue
            expected = ", ".join(known.name for known in SHEETS)
            issues.append(
                WorkbookIssue(
                    raw.name,
                    None,
                    None,
                    "import.sheet_unknown",
                    {"sheet": raw.name, "expected": expected},
                    blocking=False,
                )
            )
            continue
        if spec.name in origins:
            issues.append(
                WorkbookIssue(
                    spec.name,
                    None,
                    None,
                    "import.sheet_repeated",
                    {"sheet": raw.name, "first": origins[spec.name], "name": spec.name},
                )
            )
            continue
        origins[spec.name] = raw.name
        if _blank(raw):
            continue
        sheet = parse_sheet(spec, raw.headings, raw.rows)
        sheet_issues = tuple(
            dataclasses.replace(issue, row=raw.heading_row)
            if issue.code in _HEADING_CODES
            else issue
            for issue in sheet.issues
        )
        parsed[spec.name] = dataclasses.replace(sheet, issues=sheet_issues)
        issues.extend(sheet_issues)
    if not origins:
        issues.append(
            WorkbookIssue(
                None,
                None,
                None,
                "import.no_sheet",
                {"expected": ", ".join(spec.name for spec in SHEETS)},
            )
        )
    return parsed, issues


def _blank(raw: RawSheet) -> bool:
    return not raw.rows and all(clean_text(cell) is None for cell in raw.headings)


def _import(
    database: Database,
    *,
    actor: Actor,
    parsed: Mapping[str, ParsedSheet],
    issues: Sequence[WorkbookIssue],
    dry_run: bool,
    confirmed: bool,
    today: date,
    control: TaskControl,
) -> ImportReport:
    steps = len(IMPORTERS)

    def work(session: Session) -> ImportReport:
        ctx = ImportContext(session=session, actor=actor, user_id=actor.user_id, today=today)
        ctx.issues.extend(issues)
        _preload(ctx)
        before = session.scalar(select(func.count(Household.id))) or 0
        percent = parameters_in(session).int("import.confirmation_percent", today)
        for done, (spec, importer, _) in enumerate(IMPORTERS):
            control.checkpoint()
            control.report(done, steps)
            try:
                importer(ctx, parsed.get(spec.name))
                ctx.write_history()
            except (IntegrityError, DataError) as error:
                # A value no check caught: the database refused it. Never a half import.
                log.warning("import: the database refused sheet %s (%s)", spec.name, error.code)
                ctx.error(spec.name, None, None, "import.rejected")
                raise _Abandon(_report(ctx, parsed, before, percent, applied=False)) from None
        control.checkpoint()
        report = _report(ctx, parsed, before, percent, applied=False)
        if report.blocking or dry_run or (report.threshold_exceeded and not confirmed):
            raise _Abandon(report)
        name, user_id = audit_identity(actor)
        for spec, _, entity in IMPORTERS:
            if spec.name not in parsed:
                continue
            tally = ctx.tallies[spec.name]
            audit.record(
                session,
                actor=name,
                user_id=user_id,
                action="import",
                entity=entity,
                count=tally.created + tally.updated,
            )
        return dataclasses.replace(report, applied=True)

    try:
        report = database.run_write(work)
    except _Abandon as abandoned:
        report = abandoned.report
    control.report(steps, steps)
    log.info(
        "import %s: %d household(s) touched, %d issue(s)",
        "applied" if report.applied else "not applied",
        report.households_touched,
        len(report.issues),
    )
    return report


def _preload(ctx: ImportContext) -> None:
    """Every key already in the database: programmes, households, dwellings."""
    session = ctx.session
    for table, query in (
        (ctx.programmes, select(Programme.id, Programme.name).order_by(Programme.id)),
        (ctx.households, select(Household.id, Household.reference).order_by(Household.id)),
        (ctx.dwellings, select(Dwelling.id, Dwelling.reference).order_by(Dwelling.id)),
    ):
        for row_id, text in session.execute(query):
            table.setdefault(key_of(text), row_id)


def _report(
    ctx: ImportContext,
    parsed: Mapping[str, ParsedSheet],
    before: int,
    percent: int,
    *,
    applied: bool,
) -> ImportReport:
    errors: Counter[str | None] = Counter()
    warnings: Counter[str | None] = Counter()
    for issue in ctx.issues:
        (errors if issue.blocking else warnings)[issue.sheet] += 1
    sheets = tuple(
        SheetCounts(
            sheet=spec.name,
            created=ctx.tallies[spec.name].created,
            updated=ctx.tallies[spec.name].updated,
            unchanged=ctx.tallies[spec.name].unchanged,
            errors=errors[spec.name],
            warnings=warnings[spec.name],
        )
        for spec in SHEETS
        if spec.name in parsed
    )
    touched = len(ctx.touched_households)
    ordered = sorted(
        enumerate(ctx.issues),
        key=lambda item: (
            -1 if item[1].sheet is None else _SHEET_ORDER.get(item[1].sheet, len(SHEETS)),
            item[1].row or 0,
            item[0],
        ),
    )
    return ImportReport(
        sheets=sheets,
        issues=tuple(issue for _, issue in ordered),
        households_touched=touched,
        households_before=before,
        threshold_exceeded=before > 0 and touched * 100 > percent * before,
        applied=applied,
        threshold_percent=percent,
    )


def describe_issue(issue: WorkbookIssue) -> str:
    """One French line: « Feuille X, ligne N, colonne C : message » (warnings marked)."""
    text = message(issue.code, **issue.params)
    if issue.sheet is None:
        line = message("cli.import.issue_file", text=text)
    elif issue.row is None:
        line = message("cli.import.issue_sheet", sheet=issue.sheet, text=text)
    elif issue.column is None:
        line = message("cli.import.issue_row", sheet=issue.sheet, row=issue.row, text=text)
    else:
        line = message(
            "cli.import.issue",
            sheet=issue.sheet,
            row=issue.row,
            column=issue.column,
            text=text,
        )
    return line if issue.blocking else message("cli.import.warning", text=line)


def write_template_file(path: Path) -> None:
    """Write the empty workbook with its notice (written beside, then renamed: never half)."""
    _write_atomically(path, write_template())


def write_issues_file(report: ImportReport, path: Path) -> None:
    """Write the report's problems as a workbook (sheet, row, column, severity, message)."""
    _write_atomically(path, write_issues(report.issues))


def _write_atomically(path: Path, content: bytes) -> None:
    partial = path.with_name(path.name + ".partiel")
    partial.write_bytes(content)
    partial.replace(path)
