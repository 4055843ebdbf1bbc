"""Build a return: one read-only transaction, every figure, the data-quality findings.

`build_report` is the first of the two steps the GUI and the command line share (ARCHITECTURE
« Reports »): it resolves the scope, runs every figure module (`report_people`,
`report_housing`), the data-quality checks (`report_quality`) and the series the charts draw,
and returns a plain `Report`. The renderers (`reports.xlsx.returns`, `reports.pdf.returns`)
are the second step; `report_runs` records what was produced.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain import counting as c
from desktop_app.domain.figures import CATALOGUE, Figure, Report, Series, codes_of
from desktop_app.domain.periods import Period
from desktop_app.domain.permissions import AccessContext, Actor
from desktop_app.domain.progress import TaskControl
from desktop_app.domain.quality import CHECKS
from desktop_app.domain.vocabulary import DESTINATION
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import Organisation, Residence
from desktop_app.reports.pdf.returns import render_return_pdf
from desktop_app.reports.xlsx.returns import render_return
from desktop_app.services.authz import require, service_action
from desktop_app.services.report_housing import housing_figures, housing_series
from desktop_app.services.report_people import load_stays, people_figures
from desktop_app.services.report_quality import quality_findings
from desktop_app.services.report_runs import record_run
from desktop_app.services.report_scope import ALL_PROGRAMMES, Scope, programmes_of, resolve_scope

STEPS: Final = 4


def _require_scope(session: Session, actor: Actor, scope: Scope) -> None:
    """``returns.run`` on every programme of the scope (a host: the pensions they host)."""
    residences = frozenset(
        session.scalars(
            select(Residence.id).where(Residence.programme_id.in_(scope.programme_ids))
        ).all()
    )
    hosted = {g.residence_id for g in actor.grants if g.residence_id is not None}
    require(
        actor,
        "returns.run",
        AccessContext(
            programme_ids=scope.programme_ids,
            residence_ids=residences,
            resident=bool(residences) and residences <= hosted,
        ),
    )


def movements(session: Session, scope: Scope) -> Series:
    """Entries and exits of stays per month of the period (the PDF's chart)."""
    stays = load_stays(session, scope, scope.period)
    months = scope.period.months()
    return Series(
        "movements",
        "Entrées et sorties par mois",
        "count",
        tuple(part.start.strftime("%m/%Y") for part in months),
        (
            ("Entrées", tuple(len(c.opened(stays, part)) for part in months)),
            ("Sorties", tuple(len(c.closed(stays, part)) for part in months)),
        ),
    )


def compute_report(
    session: Session,
    actor: Actor,
    scope: Scope,
    *,
    today: date,
    control: TaskControl | None = None,
) -> Report:
    """The `Report` of ``scope`` inside the caller's read unit of work."""
    control = control or TaskControl()
    _require_scope(session, actor, scope)
    control.report(0, STEPS)
    figures: dict[str, Figure] = people_figures(session, scope)
    control.checkpoint()
    control.report(1, STEPS)
    figures |= housing_figures(session, scope)
    control.checkpoint()
    control.report(2, STEPS)
    findings = quality_findings(session, scope, today=today)
    control.checkpoint()
    control.report(3, STEPS)
    series = (movements(session, scope), *housing_series(session, scope))
    wanted = tuple(CATALOGUE) if scope.kind == ALL_PROGRAMMES else codes_of(scope.kind)
    missing = [code for code in wanted if code not in figures]
    if missing:  # a figure module forgot a code: a programming error, never a silent zero
        raise AssertionError(f"codes not computed: {missing[:5]}")
    organisation = session.execute(select(Organisation.name, Organisation.siret)).first()
    report = Report(
        kind=scope.kind,
        period=scope.period,
        made_on=today,
        organisation=organisation.name if organisation else "",
        siret=organisation.siret if organisation else None,
        programme=scope.programme,
        programmes=tuple(sorted(scope.programme_names.values())),
        funder=scope.funder,
        method=scope.method,
        permanent=tuple(code for code in DESTINATION.codes if code in scope.permanent),
        figures=tuple(figures[code] for code in wanted),
        findings=findings,
        series=series,
    )
    control.report(STEPS, STEPS)
    return report


@service_action("returns.run")
def report_programmes(database: Database, *, actor: Actor, kind: str) -> tuple[str, ...]:
    """The names of the programmes return ``kind`` covers (the Rapports screen's choices)."""
    return database.run_read(lambda session: tuple(programmes_of(session, kind).values()))


@service_action("returns.run")
def build_report(
    database: Database,
    *,
    actor: Actor,
    kind: str,
    period: Period,
    today: date,
    programme: str | None = None,
    funder: str | None = None,
    on: date | None = None,
    control: TaskControl | None = None,
) -> Report:
    """Return ``kind`` (``fnavdl``, ``iml``, ``pension``, or ``all`` for a grid) for ``period``.

    One read-only unit of work; the figures, the findings of DOMAIN §5.3 and the series.
    """

    def read(session: Session) -> Report:
        scope = resolve_scope(
            session, kind=kind, period=period, programme=programme, funder=funder, on=on
        )
        return compute_report(session, actor, scope, today=today, control=control)

    return database.run_read(read)


XLSX: Final = "xlsx"
PDF: Final = "pdf"
MEDIA_TYPES: Final = {
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    PDF: "application/pdf",
}


@dataclass(frozen=True, slots=True)
class Produced:
    """A return produced, or refused for its blocking findings.

    ``files`` maps a format (``xlsx``, ``pdf``) to the file's bytes, empty when ``blocked``;
    ``run_id`` is the report run recorded (None when blocked).
    """

    report: Report
    files: Mapping[str, bytes]
    run_id: int | None
    blocked: bool
    forced: bool


def file_name(report: Report, fmt: str) -> str:
    """``fnavdl_2026-01-01_2026-03-31.xlsx``: the name a run keeps its file under."""
    return f"{report.kind}_{report.period.start.isoformat()}_{report.period.end.isoformat()}.{fmt}"


def render(report: Report, fmt: str, *, forced: bool) -> bytes:
    """The file of ``report`` in ``fmt`` (the renderers of `reports`)."""
    labels = {check.code: check.label for check in CHECKS}
    if fmt == XLSX:
        return render_return(report, forced=forced, check_labels=labels)
    return render_return_pdf(report, forced=forced, check_labels=labels)


@service_action("returns.run")
def publish_report(
    database: Database,
    *,
    actor: Actor,
    report: Report,
    formats: Sequence[str] = (XLSX,),
    force: bool = False,
    control: TaskControl | None = None,
) -> Produced:
    """Render a built report and record its run (the second step; one write).

    Nothing is written when it has blocking findings and ``force`` is not given: the
    result says ``blocked``. With ``force`` the override is recorded in the run.
    """
    if report.blocking and not force:
        return Produced(report, {}, None, blocked=True, forced=False)
    forced = bool(report.blocking)
    files = {fmt: render(report, fmt, forced=forced) for fmt in formats}
    if control is not None:
        control.checkpoint()
    run = record_run(
        database,
        actor=actor,
        report=report,
        forced=forced,
        files={file_name(report, fmt): (MEDIA_TYPES[fmt], data) for fmt, data in files.items()},
        options={"formats": list(formats)},
    )
    return Produced(report, files, run.id, blocked=False, forced=forced)


@service_action("returns.run")
def produce_return(
    database: Database,
    *,
    actor: Actor,
    kind: str,
    period: Period,
    today: date,
    formats: Sequence[str] = (XLSX,),
    programme: str | None = None,
    funder: str | None = None,
    force: bool = False,
    control: TaskControl | None = None,
) -> Produced:
    """`build_report` then `publish_report`: the command line's one call."""
    report = build_report(
        database,
        actor=actor,
        kind=kind,
        period=period,
        today=today,
        programme=programme,
        funder=funder,
        control=control,
    )
    return publish_report(
        database, actor=actor, report=report, formats=formats, force=force, control=control
    )
