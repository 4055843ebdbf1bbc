"""A household's file as its members have a right to read it (RGPD right of access).

`export_household` gathers what Seuil holds about one household — identity and members, path,
contracts, account entries, support measures, contacts, notes, documents, the business history
of the file and the security-log events that name it (who read, changed or exported it) — and
writes it as an Excel workbook for the coordinator to review before giving it (a note may name
third parties). DOMAIN §1: only the coordination and the direction may
(``exports.nominative``), and every export is in the security log; health notes are never
exported, which the Notes sheet says.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from desktop_app.domain import vocabulary as v
from desktop_app.domain.errors import RefusedError
from desktop_app.domain.permissions import Actor, decide
from desktop_app.domain.subject_access import (
    CONFIDENTIAL_NOTICE,
    HEALTH_NOTICE,
    JUSTIFIED_REASON,
    REVIEW_NOTICE,
    ExportSheet,
    HouseholdExport,
    Value,
)
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import (
    AuditEvent,
    ChangeHistory,
    Contact,
    Document,
    Dwelling,
    Household,
    LedgerEntry,
    Membership,
    Note,
    OccupancyContract,
    Person,
    SupportMeasure,
    UserAccount,
)
from desktop_app.reports.xlsx.household_file import render_household_file
from desktop_app.services.authz import audit_identity, record_event, require, service_action
from desktop_app.services.households import household_access
from desktop_app.services.path import path_events
from desktop_app.services.workbook_export import write_atomically

EXPORT: Final = "exports.nominative"


def _label(vocabulary: v.Vocabulary, code: str | None) -> str:
    if code is None:
        return ""
    return vocabulary.label(code) if code in vocabulary else code


def _yes(flag: bool) -> str:
    return "Oui" if flag else "Non"


def _euros(cents: int) -> Decimal:
    return Decimal(cents) / 100


def _moment(at: datetime) -> datetime:
    """A stored moment in local time, without time zone (what a spreadsheet can hold)."""
    aware = at if at.tzinfo else at.replace(tzinfo=UTC)
    return aware.astimezone().replace(tzinfo=None)


def _household(session: Session, household: Household) -> ExportSheet:
    key_worker = (
        session.get(UserAccount, household.key_worker_id) if household.key_worker_id else None
    )
    rows: list[tuple[Value, ...]] = [
        ("Référence", household.reference),
        ("Adresse", household.address or ""),
        ("Code postal", household.postcode or ""),
        ("Commune", household.commune or ""),
        ("Domiciliation", household.domiciliation or ""),
        ("Dossier protégé", _yes(household.protected)),
        ("Référent", key_worker.display_name if key_worker else ""),
    ]
    return ExportSheet("Ménage", ("Donnée", "Valeur"), tuple(rows), REVIEW_NOTICE)


def _persons(session: Session, household_id: int) -> ExportSheet:
    rows = session.execute(
        select(Person, Membership)
        .join(Membership, Membership.person_id == Person.id)
        .where(Membership.household_id == household_id)
        .order_by(Membership.joined_on, Person.last_name, Person.first_name, Membership.id)
    ).all()
    return ExportSheet(
        "Personnes",
        (
            "Nom",
            "Prénom",
            "Date de naissance",
            "Sexe",
            "Lien",
            "Arrivée",
            "Départ",
            "Téléphone",
            "Courriel",
            "Langue",
            "Interprète",
            "Organisme",
            "N° allocataire",
            "Protection juridique",
            "Personne à prévenir",
        ),
        tuple(
            (
                person.last_name,
                person.first_name,
                person.birth_date,
                _label(v.SEX, person.sex),
                _label(v.MEMBER_ROLE, membership.role),
                membership.joined_on,
                membership.left_on,
                person.phone or "",
                person.email or "",
                person.language or "",
                _yes(person.interpreter_needed),
                _label(v.BENEFIT_AGENCY, person.benefit_agency),
                person.allocataire_number or "",
                _label(v.LEGAL_PROTECTION, person.legal_protection),
                person.emergency_contact or "",
            )
            for person, membership in rows
        ),
    )


def _path(session: Session, household_id: int) -> ExportSheet:
    events = path_events(session, household_id, admissions=True)
    return ExportSheet(
        "Parcours", ("Date", "Événement"), tuple((event.on, event.text) for event in events)
    )


def _contracts(session: Session, household_id: int) -> tuple[ExportSheet, ExportSheet]:
    contracts = session.execute(
        select(OccupancyContract, Dwelling)
        .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
        .where(OccupancyContract.household_id == household_id)
        .order_by(OccupancyContract.start_date, OccupancyContract.id)
    ).all()
    dwellings = {contract.id: dwelling.reference for contract, dwelling in contracts}
    contract_sheet = ExportSheet(
        "Contrats",
        ("Logement", "Adresse", "Commune", "Contrat", "Début", "Fin", "État", "Motif de fin"),
        tuple(
            (
                dwelling.reference,
                dwelling.address,
                dwelling.commune,
                _label(v.CONTRACT_KIND, contract.kind),
                contract.start_date,
                contract.end_date,
                _label(v.CONTRACT_STATE, contract.state),
                contract.end_reason or "",
            )
            for contract, dwelling in contracts
        ),
    )
    entries = session.scalars(
        select(LedgerEntry)
        .where(LedgerEntry.contract_id.in_(list(dwellings)))
        .order_by(LedgerEntry.posted_on, LedgerEntry.id)
    ).all()
    account_sheet = ExportSheet(
        "Compte",
        ("Logement", "Date", "Mois concerné", "Écriture", "Nature", "Montant (€)", "Motif"),
        tuple(
            (
                dwellings[entry.contract_id],
                entry.posted_on,
                entry.period_month.strftime("%m/%Y") if entry.period_month else "",
                _label(v.LEDGER_KIND, entry.kind),
                _label(v.CHARGE_NATURE, entry.nature),
                _euros(entry.amount),
                entry.reason or "",
            )
            for entry in entries
        ),
    )
    return contract_sheet, account_sheet


def _support(session: Session, household_id: int) -> tuple[ExportSheet, ExportSheet]:
    measures = session.scalars(
        select(SupportMeasure)
        .where(SupportMeasure.household_id == household_id)
        .order_by(SupportMeasure.start_date, SupportMeasure.id)
    ).all()
    measure_sheet = ExportSheet(
        "Accompagnement",
        ("Mesure", "Début", "Durée prévue (mois)", "Fin", "Issue"),
        tuple(
            (
                _label(v.MEASURE_KIND, m.kind),
                m.start_date,
                m.planned_months,
                m.end_date,
                _label(v.MEASURE_OUTCOME, m.outcome),
            )
            for m in measures
        ),
    )
    worker = aliased(UserAccount)
    contacts = session.execute(
        select(Contact, worker.display_name)
        .outerjoin(worker, worker.id == Contact.worker_id)
        .where(Contact.household_id == household_id)
        .order_by(Contact.held_on, Contact.id)
    ).all()
    contact_sheet = ExportSheet(
        "Entretiens",
        ("Date", "Type", "Durée (min)", "Intervenant"),
        tuple(
            (contact.held_on, _label(v.CONTACT_KIND, contact.kind), contact.minutes, name or "")
            for contact, name in contacts
        ),
    )
    return measure_sheet, contact_sheet


def _notes(session: Session, household_id: int, *, confidential: bool) -> ExportSheet:
    """Shared notes, and confidential ones when ``confidential``; health notes never."""
    levels = ["shared", "confidential"] if confidential else ["shared"]
    author = aliased(UserAccount)
    notes = session.execute(
        select(Note, author.display_name)
        .outerjoin(author, author.id == Note.author_id)
        .where(Note.household_id == household_id, Note.level.in_(levels))
        .order_by(Note.written_on, Note.id)
    ).all()
    return ExportSheet(
        "Notes",
        ("Date", "Niveau", "Auteur", "Texte"),
        tuple(
            (note.written_on, _label(v.NOTE_LEVEL, note.level), name or "", note.text)
            for note, name in notes
        ),
        HEALTH_NOTICE if confidential else f"{HEALTH_NOTICE} {CONFIDENTIAL_NOTICE}",
    )


def _confidential_read(
    session: Session, actor: Actor, household_id: int, needs_reason: bool, moment: datetime
) -> None:
    """Confidential notes exported: the events of reading them in the file (`read_notes`).

    A justified access with its reason when the actor needs one, then the read itself, so the
    key worker sees who read them and why.
    """
    if not session.scalar(
        select(Note.id).where(Note.household_id == household_id, Note.level == "confidential")
    ):
        return
    name, user_id = audit_identity(actor)
    actions = [("justified_access", JUSTIFIED_REASON)] if needs_reason else []
    for action, reason in [*actions, ("open_confidential", None)]:
        audit.record(
            session,
            actor=name,
            user_id=user_id,
            action=action,
            entity="household",
            entity_id=household_id,
            household_id=household_id,
            reason=reason,
            at=moment,
        )


def _documents(session: Session, household_id: int) -> ExportSheet:
    documents = session.scalars(
        select(Document)
        .where(Document.household_id == household_id)
        .order_by(Document.dated_on, Document.id)
    ).all()
    return ExportSheet(
        "Documents",
        ("Date", "Type", "Titre", "Fichier", "Expire le"),
        tuple(
            (d.dated_on, _label(v.DOCUMENT_KIND, d.kind), d.title, d.file_name, d.expires_on)
            for d in documents
        ),
    )


def _history(session: Session, household_id: int) -> tuple[ExportSheet, ExportSheet]:
    changes = session.execute(
        select(ChangeHistory, UserAccount.display_name)
        .outerjoin(UserAccount, UserAccount.id == ChangeHistory.user_id)
        .where(ChangeHistory.household_id == household_id)
        .order_by(ChangeHistory.id)
    ).all()
    history = ExportSheet(
        "Historique",
        ("Date et heure", "Par", "Donnée", "Champ", "Avant", "Après"),
        tuple(
            (
                _moment(line.at),
                name or "",
                v.record_label(line.entity),
                line.field,
                line.old_value or "",
                line.new_value or "",
            )
            for line, name in changes
        ),
    )
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.household_id == household_id).order_by(AuditEvent.id)
    ).all()
    log = ExportSheet(
        "Consultations",
        ("Date et heure", "Par", "Action", "Donnée"),
        tuple(
            (
                _moment(event.at),
                event.actor,
                _label(v.AUDIT_ACTION, event.action),
                v.record_label(event.entity),
            )
            for event in events
        ),
    )
    return history, log


def _id_of(session: Session, reference: str) -> int:
    """The household of ``reference`` (case and spaces ignored); refused when there is none."""
    wanted = " ".join(reference.split()).lower()
    found = session.scalar(select(Household.id).where(func.lower(Household.reference) == wanted))
    if found is None:
        raise RefusedError("export.household_unknown", reference=reference.strip())
    return found


def _gather(session: Session, actor: Actor, household_id: int, moment: datetime) -> HouseholdExport:
    """Every sheet, then the export's own events in the security log."""
    context = household_access(session, actor, household_id)
    private = decide(actor, "notes.confidential.read", context)
    household = session.get(Household, household_id)
    assert household is not None  # household_access refuses an unknown one
    contracts, account = _contracts(session, household_id)
    measures, contacts = _support(session, household_id)
    history, log = _history(session, household_id)  # before this export's own event
    sheets = (
        _household(session, household),
        _persons(session, household_id),
        _path(session, household_id),
        contracts,
        account,
        measures,
        contacts,
        _notes(session, household_id, confidential=private.allowed),
        _documents(session, household_id),
        history,
        log,
    )
    if private.allowed:
        _confidential_read(session, actor, household_id, private.needs_reason, moment)
    record_event(
        session,
        actor,
        action="export",
        entity="household",
        entity_id=household_id,
        household_id=household_id,
        fields=(),
        at=moment,
    )
    return HouseholdExport(household.reference, moment, actor.login, sheets)


@service_action(EXPORT)
def export_household(
    database: Database,
    *,
    actor: Actor,
    path: Path,
    household_id: int | None = None,
    reference: str | None = None,
) -> HouseholdExport:
    """The file of ``household_id`` (or of its ``reference``) written to ``path``.

    Read in one transaction that also logs the export; the file is written under a temporary
    name and renamed once complete.

    Raises:
        RefusedError: an unknown reference, a household outside the actor's rights or an actor
            who may not answer a right of access, or a file that cannot be written.
    """

    def work(session: Session) -> HouseholdExport:
        chosen = household_id if household_id is not None else _id_of(session, reference or "")
        require(actor, EXPORT, household_access(session, actor, chosen))
        return _gather(session, actor, chosen, datetime.now(UTC))

    export = database.run_write(work)
    write_atomically(path, render_household_file(export))
    return export
