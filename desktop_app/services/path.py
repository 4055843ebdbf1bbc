"""The household's path (Parcours): one dated timeline from orientation to a home (DOMAIN §2).

Stays (entries, exits with their destination), candidatures (orientation, decision),
social-housing applications (filed, renewed, DALO recourse, COMED decision, appeal), offers and
their outcome, rehousings: newest first, each said in French from the catalogue. Whoever reads
the household (``household.read``) sees its stays; the admissions side is shown to those who
may read admissions for this household (``admissions.read``). Read in a constant number of
queries, whatever the length of the path.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain import vocabulary as v
from desktop_app.domain.messages import message
from desktop_app.domain.money import format_eur
from desktop_app.domain.permissions import Actor, decide
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import (
    Candidature,
    HousingApplication,
    HousingOffer,
    Programme,
    Rehousing,
    Stay,
)
from desktop_app.services.authz import require, service_action
from desktop_app.services.support import support_access

READ: Final = "household.read"
ADMISSIONS_READ: Final = "admissions.read"
# The order of events of one day, earliest first (the path shows the latest first).
KINDS: Final = (
    "orientation",
    "candidature_decision",
    "stay_entry",
    "application_filed",
    "application_renewed",
    "dalo_filed",
    "comed_decision",
    "dalo_appeal",
    "offer",
    "offer_outcome",
    "rehousing",
    "stay_exit",
)
_RANK: Final = {kind: rank for rank, kind in enumerate(KINDS)}


@dataclass(frozen=True, slots=True)
class PathEvent:
    """One dated step of the path: ``kind`` (see `KINDS`), the French ``text``, its record."""

    on: date
    kind: str
    text: str
    record: str
    record_id: int


def _sort_key(event: PathEvent) -> tuple[date, int, int]:
    return event.on, _RANK[event.kind], event.record_id


def _stays(session: Session, household_id: int) -> Iterator[PathEvent]:
    rows = session.execute(
        select(Stay, Programme.name)
        .join(Programme, Programme.id == Stay.programme_id)
        .where(Stay.household_id == household_id)
    ).all()
    for stay, programme in rows:
        referrer = f", {v.REFERRER.label(stay.referrer)}" if stay.referrer else ""
        yield PathEvent(
            stay.entry_date,
            "stay_entry",
            message(
                "path.stay_entry",
                programme=programme,
                situation=v.ENTRY_SITUATION.label(stay.entry_situation),
                referrer=referrer,
            ),
            "stay",
            stay.id,
        )
        if stay.exit_date is not None:
            yield PathEvent(
                stay.exit_date,
                "stay_exit",
                message(
                    "path.stay_exit",
                    programme=programme,
                    destination=v.DESTINATION.label(stay.destination or "unknown"),
                    reason=v.EXIT_REASON.label(stay.exit_reason or "unknown"),
                ),
                "stay",
                stay.id,
            )


def _candidatures(session: Session, household_id: int) -> Iterator[PathEvent]:
    rows = session.execute(
        select(Candidature, Programme.name)
        .join(Programme, Programme.id == Candidature.programme_id)
        .where(Candidature.household_id == household_id)
    ).all()
    for candidature, programme in rows:
        reference = f", SI-SIAO {candidature.siao_reference}" if candidature.siao_reference else ""
        yield PathEvent(
            candidature.oriented_on,
            "orientation",
            message("path.orientation", programme=programme, reference=reference),
            "candidature",
            candidature.id,
        )
        if candidature.decision is not None and candidature.decided_on is not None:
            reason = (
                f" ({v.REFUSAL_REASON.label(candidature.refusal_reason)})"
                if candidature.refusal_reason
                else ""
            )
            yield PathEvent(
                candidature.decided_on,
                "candidature_decision",
                message(
                    "path.candidature_decision",
                    programme=programme,
                    decision=v.CANDIDATURE_DECISION.label(candidature.decision),
                    reason=reason,
                ),
                "candidature",
                candidature.id,
            )


def _applications(session: Session, household_id: int) -> Iterator[PathEvent]:
    rows = session.scalars(
        select(HousingApplication).where(HousingApplication.household_id == household_id)
    ).all()
    for application in rows:
        number, key = application.number, application.id

        def event(
            on: date, kind: str, code: str, key: int = key, number: str = number
        ) -> PathEvent:
            return PathEvent(on, kind, message(code, number=number), "housing_application", key)

        yield event(application.filed_on, "application_filed", "path.application_filed")
        if application.renewed_on is not None:
            yield event(application.renewed_on, "application_renewed", "path.application_renewed")
        if application.dalo_filed_on is not None:
            yield event(application.dalo_filed_on, "dalo_filed", "path.dalo_filed")
        if application.comed_decision_on is not None:
            code = (
                "path.comed_decided"
                if application.dalo_recognised is None
                else "path.comed_recognised"
                if application.dalo_recognised
                else "path.comed_not_recognised"
            )
            yield PathEvent(
                application.comed_decision_on,
                "comed_decision",
                message(code),
                "housing_application",
                key,
            )
        if application.dalo_appeal_on is not None:
            yield PathEvent(
                application.dalo_appeal_on,
                "dalo_appeal",
                message("path.dalo_appeal"),
                "housing_application",
                key,
            )


def _offers(session: Session, household_id: int) -> Iterator[PathEvent]:
    rows = session.scalars(
        select(HousingOffer).where(HousingOffer.household_id == household_id)
    ).all()
    for offer in rows:
        details = "".join(
            f", {part}"
            for part in (
                v.TYPOLOGY.label(offer.typology) if offer.typology else None,
                format_eur(offer.rent) if offer.rent is not None else None,
            )
            if part
        )
        yield PathEvent(
            offer.offered_on,
            "offer",
            message("path.offer", landlord=offer.landlord, commune=offer.commune, details=details),
            "housing_offer",
            offer.id,
        )
        if offer.outcome is not None and offer.outcome_on is not None:
            yield PathEvent(
                offer.outcome_on,
                "offer_outcome",
                message(
                    "path.offer_outcome",
                    landlord=offer.landlord,
                    commune=offer.commune,
                    outcome=v.OFFER_OUTCOME.label(offer.outcome),
                    reason=f" ({offer.reason})" if offer.reason else "",
                ),
                "housing_offer",
                offer.id,
            )


def _rehousings(session: Session, household_id: int) -> Iterator[PathEvent]:
    rows = session.scalars(select(Rehousing).where(Rehousing.household_id == household_id)).all()
    for rehousing in rows:
        yield PathEvent(
            rehousing.signed_on,
            "rehousing",
            message(
                "path.rehousing",
                landlord=rehousing.landlord,
                commune=f", {rehousing.commune}" if rehousing.commune else "",
                sector=v.SECTOR.label(rehousing.sector),
            ),
            "rehousing",
            rehousing.id,
        )


def path_events(session: Session, household_id: int, *, admissions: bool) -> list[PathEvent]:
    """The path in the caller's transaction, newest first.

    ``admissions``: with candidatures, applications, offers and rehousings (the caller decided
    that the actor may read them).
    """
    events = list(_stays(session, household_id))
    if admissions:
        for source in (_candidatures, _applications, _offers, _rehousings):
            events.extend(source(session, household_id))
    events.sort(key=_sort_key, reverse=True)
    return events


@service_action(READ)
def household_path(database: Database, *, actor: Actor, household_id: int) -> list[PathEvent]:
    """The household's dated path, newest first (module docstring)."""

    def read(session: Session) -> list[PathEvent]:
        context = support_access(session, actor, household_id)
        require(actor, READ, context)
        admissions = decide(actor, ADMISSIONS_READ, context).allowed
        return path_events(session, household_id, admissions=admissions)

    return database.run_read(read)
