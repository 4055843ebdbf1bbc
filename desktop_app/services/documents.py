"""Documents of a household's file: inventories, insurance certificates, contracts… (DOMAIN §2).

The bytes are stored in the database, content-addressed: one ``document_content`` row per
distinct SHA-256, so a file added twice (to two households, or twice to one) is stored once,
the one-file backup holds every document, team mode works the same and adding a document is
atomic with its row. Removing a document deletes its row, and its content once no other row
points at it.

Decisions where DOMAIN.md is silent, kept here so the GUI and the tests agree:

- A file is at most `MAX_SIZE` bytes (20 Mo); an empty file is refused.
- An insurance certificate needs its expiry date (the reminder of DOMAIN §7 reads it through
  `latest_insurance`; a newer certificate closes it). Other kinds may carry one.
- A document may name a contract of the household (its dwelling is then the contract's), or a
  dwelling of one of the household's contracts.
- Metadata is listed to whoever may read the household; the bytes of a protected file open
  only for its circle (key worker, co-key-workers, delegates), and every opening of a
  document's bytes is in the security log (personal data leaving the database).
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import PureWindowsPath
from typing import Any, Final, cast

from sqlalchemy import CursorResult, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import AccessContext, Actor
from desktop_app.domain.vocabulary import DOCUMENT_KIND
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import HistoryValue, record_change
from desktop_app.persistence.models import (
    Document,
    DocumentContent,
    FunderGridVersion,
    Household,
    OccupancyContract,
    ReportRunFile,
    UserAccount,
)
from desktop_app.services.authz import audit_identity, require, service_action
from desktop_app.services.dto import Changes
from desktop_app.services.households import household_access, scope_filter

MAX_SIZE: Final = 20 * 1024 * 1024
TITLE_MAX: Final = 200
FILE_NAME_MAX: Final = 255
FALLBACK_MEDIA_TYPE: Final = "application/octet-stream"
_HISTORY: Final = ("kind", "dated_on", "expires_on")


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A document as the file lists it (metadata only, never the bytes)."""

    document_id: int
    household_id: int
    kind: str
    title: str
    file_name: str
    media_type: str
    size: int
    sha256: str
    dated_on: date
    expires_on: date | None
    contract_id: int | None
    dwelling_id: int | None
    added_at: datetime
    added_by: str | None  # display name of the user who added it


@dataclass(frozen=True, slots=True)
class DocumentFile:
    """The bytes of one document, to be written to a file and opened."""

    document_id: int
    file_name: str
    media_type: str
    content: bytes


@dataclass(frozen=True, slots=True)
class InsuranceInfo:
    """The newest insurance certificate of a household (for the expiry reminder)."""

    household_id: int
    document_id: int
    title: str
    dated_on: date
    expires_on: date | None


def format_size(size: int) -> str:
    """A size in French units: ``850 o``, ``12 Ko``, ``1,4 Mo``."""
    if size < 1024:  # noqa: PLR2004 - one kilo-octet
        return f"{size} o"
    if size < 1024 * 1024:
        return f"{-(-size // 1024)} Ko"
    return f"{size / (1024 * 1024):.1f} Mo".replace(".", ",")


def size_issues(file_name: str, size: int) -> list[ValidationIssue]:
    """What is wrong with a file of ``size`` bytes (the GUI asks before reading a huge file)."""
    if size == 0:
        return [ValidationIssue("content", "document.empty", {"file": file_name})]
    if size > MAX_SIZE:
        return [
            ValidationIssue(
                "content",
                "document.too_large",
                {"file": file_name, "size": format_size(size), "limit": format_size(MAX_SIZE)},
            )
        ]
    return []


def clean_file_name(file_name: str) -> str:
    """The base name only (either separator), cut to the column's length, suffix kept."""
    name = PureWindowsPath(file_name.strip()).name.strip()
    if len(name) <= FILE_NAME_MAX:
        return name
    suffix = PureWindowsPath(name).suffix[:20]
    return name[: FILE_NAME_MAX - len(suffix)] + suffix


def _media_type(file_name: str) -> str:
    guessed, _ = mimetypes.guess_type(file_name, strict=False)
    return guessed or FALLBACK_MEDIA_TYPE


def _input_issues(
    *,
    file_name: str,
    size: int,
    kind: str,
    title: str,
    dated_on: date,
    expires_on: date | None,
) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    if not file_name:
        issues.append(ValidationIssue("file_name", "document.file_name_required"))
    issues += size_issues(file_name, size)
    if kind not in DOCUMENT_KIND:
        issues.append(ValidationIssue("kind", "document.kind_unknown", {"value": kind}))
    if not title:
        issues.append(ValidationIssue("title", "document.title_required"))
    elif len(title) > TITLE_MAX:
        issues.append(ValidationIssue("title", "document.title_too_long", {"maximum": TITLE_MAX}))
    if kind == "insurance" and expires_on is None:
        issues.append(ValidationIssue("expires_on", "document.expiry_required"))
    if expires_on is not None and expires_on < dated_on:
        issues.append(
            ValidationIssue(
                "expires_on",
                "document.expiry_before_date",
                {"expires_on": format_date(expires_on), "dated_on": format_date(dated_on)},
            )
        )
    return issues


def _info(document: Document, added_by: str | None) -> DocumentInfo:
    added_at = document.added_at
    return DocumentInfo(
        document_id=document.id,
        household_id=document.household_id,
        kind=document.kind,
        title=document.title,
        file_name=document.file_name,
        media_type=document.media_type,
        size=document.size,
        sha256=document.sha256,
        dated_on=document.dated_on,
        expires_on=document.expires_on,
        contract_id=document.contract_id,
        dwelling_id=document.dwelling_id,
        added_at=added_at if added_at.tzinfo else added_at.replace(tzinfo=UTC),
        added_by=added_by,
    )


def store_content(session: Session, digest: str, content: bytes) -> None:
    """Insert the bytes unless this SHA-256 is already stored (also under concurrent adds)."""
    values = {"sha256": digest, "size": len(content), "content": content}
    if session.get_bind().dialect.name == "postgresql":
        statement = postgresql.insert(DocumentContent).values(**values)
        session.execute(statement.on_conflict_do_nothing(index_elements=["sha256"]))
    else:
        lite = sqlite.insert(DocumentContent).values(**values)
        session.execute(lite.on_conflict_do_nothing(index_elements=["sha256"]))


def delete_unreferenced_contents(session: Session, digests: Collection[str] | None = None) -> int:
    """Delete stored contents nothing points at (all, or among ``digests``).

    For removals here and for retention, which deletes households (their documents cascade).
    The files of a report run (a frozen return) and a funder grid's versions share the store
    and are kept.
    """
    condition = DocumentContent.sha256.not_in(
        select(Document.sha256).union(
            select(ReportRunFile.sha256), select(FunderGridVersion.sha256)
        )
    )
    statement = delete(DocumentContent).where(condition)
    if digests is not None:
        statement = statement.where(DocumentContent.sha256.in_(list(digests)))
    result = cast("CursorResult[Any]", session.execute(statement))  # a DELETE's result
    return int(result.rowcount or 0)


def record_document_history(
    session: Session, user_id: int | None, document: Document, *, removed: bool
) -> None:
    """The business history of a document added (new values) or removed (old values)."""
    for field in _HISTORY:
        value: HistoryValue = getattr(document, field)
        record_change(
            session,
            user_id=user_id,
            household_id=document.household_id,
            entity="document",
            entity_id=document.id,
            field=field,
            old=value if removed else None,
            new=None if removed else value,
        )


def _linked_dwelling(
    session: Session, household_id: int, contract_id: int | None, dwelling_id: int | None
) -> int | None:
    """The dwelling a document concerns, checked against the household's contracts."""
    if contract_id is not None:
        contract = session.get(OccupancyContract, contract_id)
        if contract is None or contract.household_id != household_id:
            raise InvalidInput([ValidationIssue("contract_id", "document.contract_foreign")])
        if dwelling_id is not None and dwelling_id != contract.dwelling_id:
            raise InvalidInput([ValidationIssue("dwelling_id", "document.dwelling_foreign")])
        return contract.dwelling_id
    if dwelling_id is None:
        return None
    found = session.scalar(
        select(func.count(OccupancyContract.id)).where(
            OccupancyContract.household_id == household_id,
            OccupancyContract.dwelling_id == dwelling_id,
        )
    )
    if not found:
        raise InvalidInput([ValidationIssue("dwelling_id", "document.dwelling_foreign")])
    return dwelling_id


@service_action("household.edit")
def add_document(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    content: bytes,
    file_name: str,
    kind: str,
    title: str,
    dated_on: date,
    expires_on: date | None = None,
    contract_id: int | None = None,
    dwelling_id: int | None = None,
    now: datetime | None = None,
) -> DocumentInfo:
    """Attach a file (bytes read by the caller) to a household's file.

    Raises:
        InvalidInput: empty or too large file, unknown kind, missing title or expiry, a
            contract or dwelling of another household.
        RefusedError: the actor may not edit this household.
    """
    name = clean_file_name(file_name)
    clean_title = " ".join(title.split())
    issues = _input_issues(
        file_name=name,
        size=len(content),
        kind=kind,
        title=clean_title,
        dated_on=dated_on,
        expires_on=expires_on,
    )
    if issues:
        raise InvalidInput(issues)
    digest = hashlib.sha256(content).hexdigest()
    moment = (now or datetime.now(UTC)).astimezone(UTC)

    def work(session: Session) -> DocumentInfo:
        require(actor, "household.edit", household_access(session, actor, household_id))
        dwelling = _linked_dwelling(session, household_id, contract_id, dwelling_id)
        store_content(session, digest, content)
        document = Document(
            household_id=household_id,
            contract_id=contract_id,
            dwelling_id=dwelling,
            kind=kind,
            title=clean_title,
            file_name=name,
            media_type=_media_type(name),
            sha256=digest,
            size=len(content),
            dated_on=dated_on,
            expires_on=expires_on,
            added_at=moment,
            added_by=actor.user_id,
        )
        session.add(document)
        session.flush()
        login, user_id = audit_identity(actor)
        audit.record(
            session,
            actor=login,
            user_id=user_id,
            action="create",
            entity="document",
            entity_id=document.id,
            household_id=household_id,
            fields=(
                "kind",
                "title",
                "file_name",
                "content",
                "dated_on",
                "expires_on",
                "contract_id",
                "dwelling_id",
            ),
            at=moment,
        )
        record_document_history(session, user_id, document, removed=False)
        added_by = (
            session.scalar(select(UserAccount.display_name).where(UserAccount.id == user_id))
            if user_id is not None
            else None
        )
        return _info(document, added_by)

    return database.run_write(work)


@service_action("household.read")
def list_documents(database: Database, *, actor: Actor, household_id: int) -> list[DocumentInfo]:
    """The household's documents, newest first (metadata only: the bytes stay stored).

    Newest is the latest document date, then the latest added, as in `latest_insurance`.
    """

    def read(session: Session) -> list[DocumentInfo]:
        require(actor, "household.read", household_access(session, actor, household_id))
        rows = session.execute(
            select(Document, UserAccount.display_name)
            .outerjoin(UserAccount, UserAccount.id == Document.added_by)
            .where(Document.household_id == household_id)
            .order_by(Document.dated_on.desc(), Document.id.desc())
        ).all()
        return [_info(document, added_by) for document, added_by in rows]

    return database.run_read(read)


def _document_for(
    session: Session, actor: Actor, document_id: int, action: str
) -> tuple[Document, AccessContext]:
    document = session.get(Document, document_id)
    if document is None:
        raise RefusedError("document.unknown")
    context = household_access(session, actor, document.household_id)
    require(actor, action, context)
    return document, context


@service_action("household.read")
def read_document_content(
    database: Database, *, actor: Actor, document_id: int, now: datetime | None = None
) -> DocumentFile:
    """The bytes of one document, for the GUI to open; the opening is in the security log.

    Raises:
        RefusedError: no such document, the household is out of reach, or a protected file
            outside its circle.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)

    def work(session: Session) -> DocumentFile:
        document, context = _document_for(session, actor, document_id, "household.read")
        household = session.get(Household, document.household_id)
        assert household is not None
        if household.protected and not (context.caseload or actor.system):
            raise RefusedError("document.protected")
        content = session.scalar(
            select(DocumentContent.content).where(DocumentContent.sha256 == document.sha256)
        )
        assert content is not None  # the foreign key keeps it
        login, user_id = audit_identity(actor)
        audit.record(
            session,
            actor=login,
            user_id=user_id,
            action="export",
            entity="document",
            entity_id=document.id,
            household_id=document.household_id,
            fields=("content",),
            at=moment,
        )
        return DocumentFile(document.id, document.file_name, document.media_type, bytes(content))

    return database.run_write(work)


@service_action("household.edit")
def remove_document(
    database: Database, *, actor: Actor, document_id: int, now: datetime | None = None
) -> Changes:
    """Delete a document, and its stored bytes when no other document shares them.

    Raises:
        RefusedError: no such document, or the actor may not edit its household.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)

    def work(session: Session) -> Changes:
        document, _ = _document_for(session, actor, document_id, "household.edit")
        login, user_id = audit_identity(actor)
        record_document_history(session, user_id, document, removed=True)
        audit.record(
            session,
            actor=login,
            user_id=user_id,
            action="delete",
            entity="document",
            entity_id=document.id,
            household_id=document.household_id,
            at=moment,
        )
        digest = document.sha256
        session.delete(document)
        session.flush()
        delete_unreferenced_contents(session, [digest])
        return Changes(frozenset({"document"}), frozenset({document_id}))

    return database.run_write(work)


@service_action("household.read")
def latest_insurance(
    database: Database, *, actor: Actor, household_ids: Collection[int] | None = None
) -> list[InsuranceInfo]:
    """The newest insurance certificate of each household the actor may read, by household.

    Newest is the latest document date (then the latest added): a newer certificate closes the
    expiry reminder of an older one (DOMAIN §7). Households without one are absent.
    """
    rank = (
        func.row_number()
        .over(
            partition_by=Document.household_id,
            order_by=(Document.dated_on.desc(), Document.id.desc()),
        )
        .label("rank")
    )
    ranked = select(
        Document.household_id,
        Document.id,
        Document.title,
        Document.dated_on,
        Document.expires_on,
        rank,
    ).where(Document.kind == "insurance")
    if household_ids is not None:
        ranked = ranked.where(Document.household_id.in_(list(household_ids)))
    scope = scope_filter(actor)
    if scope is not None:
        ranked = ranked.join(Household, Household.id == Document.household_id).where(scope)
    newest = ranked.subquery()
    query = (
        select(
            newest.c.household_id,
            newest.c.id,
            newest.c.title,
            newest.c.dated_on,
            newest.c.expires_on,
        )
        .where(newest.c.rank == 1)
        .order_by(newest.c.household_id)
    )

    def read(session: Session) -> list[InsuranceInfo]:
        return [InsuranceInfo(*row) for row in session.execute(query).all()]

    return database.run_read(read)
