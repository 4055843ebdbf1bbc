"""What a return covers: its programmes, its period and the funder's parameters (DOMAIN §5.1).

Every figure module (`report_people`, `report_housing`, …) receives one `Scope` and the open
read-only session, and returns ``{code: Figure}`` for the codes it computes. The scope is
resolved once, here:

- FNAVDL: stays in programmes of kind ``avdl`` or funded by a funder of kind ``fnavdl``, and
  measures funded by such a funder or attached to those programmes;
- IML: programmes of kind ``iml_sublease``, ``iml_mandate``, ``sliding_lease``;
- pension: ``boarding_house``, ``reception_residence``;
- ``all`` (a funder's grid without a return): every programme of the association.

``programme`` narrows to one programme (by name): a programme outside the return's kinds gives
an empty scope, never another return's figures. The parameters (measure-month method,
permanent-housing destinations) are those of the funder named, else of the return's natural
funder kind (``fnavdl`` for the FNAVDL return, ``state_p177`` otherwise), read on the last day
of the period.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.errors import RefusedError
from desktop_app.domain.figures import FNAVDL, IML, PENSION
from desktop_app.domain.parameters import Parameters
from desktop_app.domain.periods import Period
from desktop_app.domain.vocabulary import FUNDER_KIND
from desktop_app.persistence.models import Funder, Programme, ProgrammeFunder
from desktop_app.services.parameters import parameters_in

ALL_PROGRAMMES: Final = "all"
KINDS: Final[Mapping[str, frozenset[str]]] = {
    FNAVDL: frozenset({"avdl"}),
    IML: frozenset({"iml_sublease", "iml_mandate", "sliding_lease"}),
    PENSION: frozenset({"boarding_house", "reception_residence"}),
}
NATURAL_FUNDER: Final = {FNAVDL: "fnavdl", IML: "state_p177", PENSION: "state_p177"}


@dataclass(frozen=True, slots=True)
class Scope:
    """The programmes, period and parameters one return is computed on."""

    kind: str
    """``fnavdl``, ``iml``, ``pension`` or ``all``."""
    period: Period
    programme_ids: frozenset[int]
    """Programmes whose stays, dwellings, residences and measures are counted."""
    programme_kinds: Mapping[int, str]
    """The kind of every programme of the scope."""
    programme_names: Mapping[int, str]
    measure_funder_ids: frozenset[int]
    """Funders whose measures count wherever they are attached (FNAVDL: the FNAVDL funders)."""
    funder_kind: str
    """The parameter scope: a code of `vocabulary.FUNDER_KIND`."""
    funder: str
    """The funder's name for the Définitions sheet (its kind's label when none is named)."""
    params: Parameters
    method: str
    """The measure-month method (`counting.METHODS`)."""
    permanent: frozenset[str]
    """Destinations counted as permanent housing."""
    on: date | None = None
    """The observation day of a snapshot (ES-DS), None otherwise."""
    programme: str | None = None
    """The programme the return was narrowed to, by name; None for every programme."""

    def covers_measures_of(self, programme_id: int, funder_id: int | None) -> bool:
        """Whether a measure attached to ``programme_id`` and funded by ``funder_id`` counts."""
        return programme_id in self.programme_ids or (
            funder_id is not None and funder_id in self.measure_funder_ids
        )


def _fnavdl_funders(session: Session) -> frozenset[int]:
    return frozenset(session.scalars(select(Funder.id).where(Funder.kind == "fnavdl")).all())


def programmes_of(session: Session, kind: str) -> dict[int, str]:
    """The programmes a return covers, id → name, ordered by name.

    The return's kinds, for FNAVDL also the programmes the FNAVDL funds; every programme for
    ``all``.
    """
    rows = session.execute(
        select(Programme.id, Programme.name, Programme.kind).order_by(Programme.name)
    ).all()
    if kind == ALL_PROGRAMMES:
        return {row.id: row.name for row in rows}
    funded: set[int] = set()
    if kind == FNAVDL:
        funded = set(
            session.scalars(
                select(ProgrammeFunder.programme_id).where(
                    ProgrammeFunder.funder_id.in_(_fnavdl_funders(session))
                )
            ).all()
        )
    return {row.id: row.name for row in rows if row.kind in KINDS[kind] or row.id in funded}


def resolve_scope(
    session: Session,
    *,
    kind: str,
    period: Period,
    programme: str | None = None,
    funder: str | None = None,
    on: date | None = None,
) -> Scope:
    """The scope of return ``kind`` for ``period`` (see the module's docstring).

    Raises:
        RefusedError: ``report.unknown_programme`` / ``report.unknown_funder`` when the name
            matches nothing.
    """
    programmes = session.execute(select(Programme.id, Programme.name, Programme.kind)).all()
    fnavdl_funders = _fnavdl_funders(session)
    chosen = set(programmes_of(session, kind))
    measure_funders = fnavdl_funders if kind == FNAVDL else frozenset()
    if programme is not None:
        named = [row.id for row in programmes if row.name == programme.strip()]
        if not named:
            raise RefusedError("report.unknown_programme", name=programme)
        chosen &= set(named)
        measure_funders = frozenset()
    funder_kind = NATURAL_FUNDER.get(kind, "state_p177")
    funder_name = FUNDER_KIND.label(funder_kind)
    if funder is not None:
        row = session.execute(
            select(Funder.name, Funder.kind).where(Funder.name == funder.strip())
        ).first()
        if row is None:
            raise RefusedError("report.unknown_funder", name=funder)
        funder_name, funder_kind = row.name, row.kind
    params = parameters_in(session)
    method = str(params.get("measure.month_method", period.end, funder_kind))
    permanent = params.get("permanent_housing.destinations", period.end, funder_kind)
    assert isinstance(permanent, list | tuple)
    return Scope(
        kind=kind,
        period=period,
        programme_ids=frozenset(chosen),
        programme_kinds={row.id: row.kind for row in programmes if row.id in chosen},
        programme_names={row.id: row.name for row in programmes if row.id in chosen},
        measure_funder_ids=measure_funders,
        funder_kind=funder_kind,
        funder=funder_name,
        params=params,
        method=method,
        permanent=frozenset(str(code) for code in permanent),
        on=on,
        programme=programme.strip() if programme is not None else None,
    )
