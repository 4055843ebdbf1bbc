"""Rent documents issued from the ledger (DOMAIN §3.6): avis, quittance, reçu, invoice, statement.

The figures come from the ledger's own replay (`services.ledger` loads a contract,
`domain.ledger` allocates its credits): nothing here recomputes a rule, it only reads which
part of a month's term is settled, by what and when. Each issued document is numbered in
``issued_document`` with a yearly sequence per kind (``Q-2026-000123``); a number is never
reused, and the PDF's SHA-256 is kept with it.

Decisions where DOMAIN.md is silent, kept here so the GUI, the command line and the tests agree:

- **Which document for a month** (per contract, on the day of issue), what a rental manager
  sends: the month fully settled by money received (housing benefit included) → a
  **quittance**; partly paid by the household (or an aid, an advance) → a **reçu** saying what
  remains; nothing paid yet → an **avis d'échéance** (the same run made before the due date
  calls every household's share). When the household has paid its whole share but the housing
  benefit is still expected, nothing is issued: the quittance waits for the benefit.
- **Pension de famille** (contract kind ``residence_agreement``): the quittance (or reçu, avis)
  covers the redevance (rent-equivalent, charges, mandatory services); optional services,
  when charged, get their own invoice every month, with what is already paid of them.
- **Issued stays issued** (§3.7): issuing again the same kind for the same contract, month and
  amount reprints the document under its first number and date (no new number). A quittance
  whose month is no longer settled (a later reversal) is **flagged**: a run issues nothing
  more for that month (the rental manager acts first), and the account tab shows the flag.
- **Payments shown** on a quittance or a reçu are the days the month's settled part grew, each
  with the kinds of credit posted that day (« Avance imputée » when the month was settled by
  money received earlier); the housing benefit naming the month is shown deducted.
- **Protected files**: outside the household's circle the recipient is « Ménage <référence> »
  (the dwelling's address is housing-stock data and stays).
- **Keeping a copy** in the household's Documents stores the PDF as a ``letter`` [Courrier]
  (it is correspondence sent to the household), dated on the day of issue, once per content.
- **Permissions**: avis, quittances, reçus and invoices are issued with ``ledger.post`` (DOMAIN
  §1: receipts belong to rental management); a statement is a reading of the account
  (``ledger.read_amounts``), numbered too so that what left the association is traceable.
- **A run** (`run_receipts`) covers every contract of the actor's scope running in the month,
  in one write transaction that numbers and renders every document (cancellable: nothing is
  then issued); the files are written after the commit, each to a temporary name renamed once
  all are written, so a cancelled or failed run leaves no partial file.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any, Final

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from desktop_app.domain import vocabulary as v
from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.ledger import (
    CREDIT_KINDS,
    Book,
    TermState,
    account_on,
    allocate,
    month_start,
)
from desktop_app.domain.ledger import deposit_held as held_on
from desktop_app.domain.messages import message
from desktop_app.domain.parameters import Parameters
from desktop_app.domain.periods import days_in_month, format_date
from desktop_app.domain.permissions import AccessContext, Actor, decide
from desktop_app.domain.progress import TaskControl
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import record_change
from desktop_app.persistence.models import (
    Document,
    DocumentContent,
    Dwelling,
    Household,
    IssuedDocument,
    Landlord,
    Membership,
    OccupancyContract,
    Organisation,
    Person,
)
from desktop_app.reports.pdf.common import Letterhead, Recipient
from desktop_app.reports.pdf.receipts import (
    BenefitDeducted,
    DueNoticeData,
    Payment,
    ReceiptData,
    ReceiptLine,
    ServiceLine,
    ServicesInvoiceData,
    StatementData,
    StatementLine,
    render_boarding_house_quittance,
    render_due_notice,
    render_partial_receipt,
    render_quittance,
    render_services_invoice,
    render_statement,
)
from desktop_app.services.authz import audit_identity, require, service_action
from desktop_app.services.documents import record_document_history, store_content
from desktop_app.services.households import household_access
from desktop_app.services.ledger import (
    POST,
    READ,
    LoadedAccount,
    account_context,
    contract_for,
    entry_effect,
    entry_label,
    load_accounts,
)
from desktop_app.services.parameters import parameters_in

log = logging.getLogger(__name__)

NOTICE: Final = "notice"
QUITTANCE: Final = "quittance"
RECEIPT: Final = "receipt"
INVOICE: Final = "services_invoice"
STATEMENT: Final = "statement"
# Number prefixes (a yearly sequence each) and file-name suffixes, by ISSUED_KIND code.
PREFIXES: Final[Mapping[str, str]] = {
    NOTICE: "AE",
    QUITTANCE: "Q",
    RECEIPT: "R",
    INVOICE: "F",
    STATEMENT: "RC",
}
SUFFIXES: Final[Mapping[str, str]] = {
    NOTICE: "avis",
    QUITTANCE: "quittance",
    RECEIPT: "recu",
    INVOICE: "facture",
    STATEMENT: "releve",
}
KEPT_AS: Final = "letter"  # DOCUMENT_KIND of a copy kept in the household's Documents
BOARDING_HOUSE: Final = "residence_agreement"
MANDATE: Final = "lease_mandate"
OPTIONAL: Final = "optional_services"
PARTIAL_SUFFIX: Final = ".partiel"
_NUMBER_DIGITS: Final = 6
_UNSAFE: Final = re.compile(r'[<>:"/\\|?*\x00-\x1f\s]+')
_CIVILITY: Final[Mapping[str, str]] = {"f": "Mme ", "h": "M. "}


# ------------------------------------------------------------------ DTOs


@dataclass(frozen=True, slots=True)
class IssuedFile:
    """A document issued (or reprinted under its first number), with its PDF bytes."""

    issued_id: int
    household_id: int
    household_reference: str
    contract_id: int
    dwelling_reference: str
    kind: str  # ISSUED_KIND code
    number: str
    period_month: date | None
    issued_on: date
    amount: int
    file_name: str
    content: bytes = field(repr=False)
    reprint: bool
    document_id: int | None = None  # the copy kept in the household's Documents


@dataclass(frozen=True, slots=True)
class SkippedContract:
    """A contract of the month for which no document was issued, and why (French text)."""

    contract_id: int
    household_id: int
    household_reference: str
    dwelling_reference: str
    reason: str  # a message code
    text: str


@dataclass(frozen=True, slots=True)
class IssuedInfo:
    """A document issued from a household's account; ``unsettled`` flags a quittance (§3.7).

    ``unsettled`` is True for a quittance whose month is no longer settled on the day asked
    (a reversal came after it): the household holds a quittance the ledger no longer supports.
    """

    issued_id: int
    contract_id: int
    household_id: int
    dwelling_reference: str
    kind: str
    number: str
    period_month: date | None
    period_end: date | None
    amount: int
    issued_on: date
    unsettled: bool


@dataclass(frozen=True, slots=True)
class MonthDocuments:
    """What one household's month gave: the documents, and the contracts left without one."""

    household_id: int
    month: date
    files: tuple[IssuedFile, ...]
    skipped: tuple[SkippedContract, ...]
    flagged: tuple[IssuedInfo, ...]


@dataclass(frozen=True, slots=True)
class WrittenFile:
    """A document of a run and where it was written (the single file for ``--single``)."""

    path: Path
    kind: str
    number: str
    household_reference: str
    dwelling_reference: str
    amount: int
    reprint: bool


@dataclass(frozen=True, slots=True)
class ReceiptsRun:
    """A month's run over the actor's scope: files written, contracts skipped, flags."""

    month: date
    files: tuple[WrittenFile, ...]
    skipped: tuple[SkippedContract, ...]
    flagged: tuple[IssuedInfo, ...]
    single: Path | None

    def count(self, kind: str) -> int:
        """How many documents of one ISSUED_KIND code."""
        return sum(1 for written in self.files if written.kind == kind)


# ------------------------------------------------------------------ small helpers


def safe_name(text: str) -> str:
    """A reference usable in a file name on every desktop (unsafe characters become ``_``)."""
    return _UNSAFE.sub("_", text).strip("._") or "document"


def file_name(household_reference: str, month: date, kind: str, extra: str = "") -> str:
    """``<référence>_<YYYY-MM>_quittance.pdf`` (``extra``, a dwelling, told apart if needed)."""
    tail = f"_{safe_name(extra)}" if extra else ""
    return f"{safe_name(household_reference)}_{month:%Y-%m}_{SUFFIXES[kind]}{tail}.pdf"


def _month_text(month: date) -> str:
    return month.strftime("%m/%Y")


def _issued_at(day: date) -> datetime:
    """The moment of issue, on the day of issue (the day a run is told is « today »)."""
    return datetime.combine(day, datetime.now(UTC).time(), tzinfo=UTC)


def _day_of(moment: datetime) -> date:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).date()


def _letterhead(session: Session) -> Letterhead:
    """The association as documents show it.

    Raises:
        RefusedError: the association is not recorded yet.
    """
    organisation = session.scalars(select(Organisation).order_by(Organisation.id).limit(1)).first()
    if organisation is None:
        raise RefusedError("receipts.no_association")
    lines = [line.strip() for line in (organisation.address or "").splitlines() if line.strip()]
    town = " ".join(part for part in (organisation.postcode, organisation.commune) if part)
    if town:
        lines.append(town)
    logo = None
    if organisation.logo_sha256:
        logo = session.scalar(
            select(DocumentContent.content).where(
                DocumentContent.sha256 == organisation.logo_sha256
            )
        )
    return Letterhead(
        name=organisation.name,
        address_lines=tuple(lines),
        siret=organisation.siret or "",
        city=organisation.commune or "",
        logo=logo,
    )


@dataclass(frozen=True, slots=True)
class _Household:
    reference: str
    names: tuple[str, ...]
    agency: str


def _households(
    session: Session, actor: Actor, household_ids: Iterable[int], on: date
) -> dict[int, _Household]:
    """Reference, the names documents are addressed to, and the benefit agency, by household."""
    ids = sorted(set(household_ids))
    if not ids:
        return {}
    households = {
        row.id: row for row in session.scalars(select(Household).where(Household.id.in_(ids)))
    }
    members: dict[int, list[tuple[int, str, str | None]]] = defaultdict(list)
    rows = session.execute(
        select(Membership.household_id, Membership.role, Person)
        .join(Person, Person.id == Membership.person_id)
        .where(
            Membership.household_id.in_(ids),
            Membership.role.in_(("head", "partner")),
            Membership.joined_on <= on,
            or_(Membership.left_on.is_(None), Membership.left_on >= on),
        )
        .order_by(Membership.household_id, Membership.id)
    )
    for household_id, role, person in rows:
        name = f"{_CIVILITY.get(person.sex, '')}{person.first_name} {person.last_name}".strip()
        members[household_id].append((0 if role == "head" else 1, name, person.benefit_agency))
    result: dict[int, _Household] = {}
    for household_id in ids:
        household = households[household_id]
        people = sorted(members[household_id], key=lambda item: item[0])
        hidden = (
            household.protected
            and not actor.system
            and not household_access(session, actor, household_id).caseload
        )
        names = tuple(name for _, name, _ in people)
        if hidden or not names:
            names = (message("receipts.recipient", reference=household.reference),)
        agency = next((a for _, _, a in people if a), "caf")
        result[household_id] = _Household(
            household.reference, names, v.BENEFIT_AGENCY.label(agency)
        )
    return result


@dataclass(frozen=True, slots=True)
class _Place:
    """A contract's dwelling and contract facts, as documents print them."""

    dwelling_id: int
    address: tuple[str, ...]
    contract_reference: str
    landlord: str


def _places(session: Session, items: Sequence[LoadedAccount]) -> dict[int, _Place]:
    ids = sorted({item.dwelling_id for item in items})
    if not ids:
        return {}
    rows = session.execute(
        select(Dwelling, Landlord.name)
        .outerjoin(Landlord, Landlord.id == Dwelling.landlord_id)
        .where(Dwelling.id.in_(ids))
    ).all()
    dwellings = {dwelling.id: (dwelling, landlord) for dwelling, landlord in rows}
    places: dict[int, _Place] = {}
    for item in items:
        dwelling, landlord = dwellings[item.dwelling_id]
        town = " ".join(part for part in (dwelling.postcode, dwelling.commune) if part)
        places[item.contract_id] = _Place(
            dwelling_id=dwelling.id,
            address=tuple(part for part in (dwelling.address, town) if part),
            contract_reference=message(
                "receipts.contract_reference",
                dwelling=dwelling.reference,
                kind=v.CONTRACT_KIND.label(item.kind),
                start=format_date(item.start),
            ),
            landlord=(landlord or "") if item.kind == MANDATE else "",
        )
    return places


# ------------------------------------------------------------------ numbering and recording


class _Numbers:
    """The next number of each kind's yearly sequence, read once per transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._last: dict[tuple[str, int], int] = {}

    def next(self, kind: str, year: int) -> str:
        prefix = f"{PREFIXES[kind]}-{year}-"
        key = (kind, year)
        if key not in self._last:
            numbers = self._session.scalars(
                select(IssuedDocument.number).where(IssuedDocument.number.like(prefix + "%"))
            )
            self._last[key] = max(
                (int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()), default=0
            )
        self._last[key] += 1
        return f"{prefix}{self._last[key]:0{_NUMBER_DIGITS}d}"


@dataclass(frozen=True, slots=True)
class _Draft:
    """A document decided and shaped, not numbered yet: ``render`` takes its number and day."""

    item: LoadedAccount
    kind: str
    month: date | None
    period_end: date | None
    amount: int
    render: Callable[[str, date], bytes]


class _Issuer:
    """Numbers, renders and records documents in the caller's write transaction."""

    def __init__(self, session: Session, actor: Actor, today: date) -> None:
        self.session = session
        self.actor = actor
        self.today = today
        self.login, self.user_id = audit_identity(actor)
        self.numbers = _Numbers(session)

    def existing(self, contract_ids: Sequence[int], month: date) -> list[IssuedDocument]:
        """Documents already issued for these contracts and month (quittances, reçus…)."""
        if not contract_ids:
            return []
        return list(
            self.session.scalars(
                select(IssuedDocument)
                .where(
                    IssuedDocument.contract_id.in_(list(contract_ids)),
                    IssuedDocument.period_month == month,
                )
                .order_by(IssuedDocument.id)
            )
        )

    def issue(
        self,
        draft: _Draft,
        *,
        household_id: int,
        household_reference: str,
        dwelling_reference: str,
        name: str,
        previous: IssuedDocument | None = None,
    ) -> IssuedFile:
        """Render ``draft`` under a new number, or reprint it under ``previous``'s."""
        if previous is not None:
            day = _day_of(previous.issued_at)
            content = draft.render(previous.number, day)
            audit.record(
                self.session,
                actor=self.login,
                user_id=self.user_id,
                action="export",
                entity="issued_document",
                entity_id=previous.id,
                household_id=household_id,
            )
            return IssuedFile(
                issued_id=previous.id,
                household_id=household_id,
                household_reference=household_reference,
                contract_id=draft.item.contract_id,
                dwelling_reference=dwelling_reference,
                kind=draft.kind,
                number=previous.number,
                period_month=draft.month,
                issued_on=day,
                amount=previous.amount,
                file_name=name,
                content=content,
                reprint=True,
            )
        number = self.numbers.next(draft.kind, self.today.year)
        content = draft.render(number, self.today)
        row = IssuedDocument(
            contract_id=draft.item.contract_id,
            kind=draft.kind,
            number=number,
            period_month=draft.month,
            period_end=draft.period_end,
            amount=draft.amount,
            sha256=hashlib.sha256(content).hexdigest(),
            issued_at=_issued_at(self.today),
            issued_by=self.user_id,
        )
        self.session.add(row)
        self.session.flush()
        audit.record(
            self.session,
            actor=self.login,
            user_id=self.user_id,
            action="create",
            entity="issued_document",
            entity_id=row.id,
            household_id=household_id,
            fields=("amount", "kind", "number", "period_month", "period_end", "sha256"),
        )
        for name_, value in (
            ("kind", draft.kind),
            ("period_month", draft.month),
            ("period_end", draft.period_end),
            ("amount", draft.amount),
        ):
            record_change(
                self.session,
                user_id=self.user_id,
                household_id=household_id,
                entity="issued_document",
                entity_id=row.id,
                field=name_,
                old=None,
                new=value,
            )
        return IssuedFile(
            issued_id=row.id,
            household_id=household_id,
            household_reference=household_reference,
            contract_id=draft.item.contract_id,
            dwelling_reference=dwelling_reference,
            kind=draft.kind,
            number=number,
            period_month=draft.month,
            issued_on=self.today,
            amount=draft.amount,
            file_name=name,
            content=content,
            reprint=False,
        )

    def keep(self, issued: IssuedFile, dwelling_id: int) -> IssuedFile:
        """A copy in the household's Documents (once per content), as `documents` stores it."""
        digest = hashlib.sha256(issued.content).hexdigest()
        found = self.session.scalar(
            select(Document.id).where(
                Document.household_id == issued.household_id, Document.sha256 == digest
            )
        )
        if found is not None:
            return _with_document(issued, found)
        store_content(self.session, digest, issued.content)
        period = _month_text(issued.period_month) if issued.period_month else ""
        document = Document(
            household_id=issued.household_id,
            contract_id=issued.contract_id,
            dwelling_id=dwelling_id,
            kind=KEPT_AS,
            title=message(
                "receipts.document_title",
                kind=v.ISSUED_KIND.label(issued.kind),
                number=issued.number,
                period=period or format_date(issued.issued_on),
            ),
            file_name=issued.file_name,
            media_type="application/pdf",
            sha256=digest,
            size=len(issued.content),
            dated_on=issued.issued_on,
            added_at=datetime.now(UTC),
            added_by=self.user_id,
        )
        self.session.add(document)
        self.session.flush()
        audit.record(
            self.session,
            actor=self.login,
            user_id=self.user_id,
            action="create",
            entity="document",
            entity_id=document.id,
            household_id=issued.household_id,
            fields=("kind", "title", "file_name", "content", "dated_on", "contract_id"),
        )
        record_document_history(self.session, self.user_id, document, removed=False)
        return _with_document(issued, document.id)


def _with_document(issued: IssuedFile, document_id: int) -> IssuedFile:
    return IssuedFile(
        issued_id=issued.issued_id,
        household_id=issued.household_id,
        household_reference=issued.household_reference,
        contract_id=issued.contract_id,
        dwelling_reference=issued.dwelling_reference,
        kind=issued.kind,
        number=issued.number,
        period_month=issued.period_month,
        issued_on=issued.issued_on,
        amount=issued.amount,
        file_name=issued.file_name,
        content=issued.content,
        reprint=issued.reprint,
        document_id=document_id,
    )


# ------------------------------------------------------------------ a month, as the ledger sees it


def _month_term(book: Book, states: Iterable[TermState], month: date) -> TermState | None:
    """The live term of a period month's charges (at most one version is alive on a day)."""
    return next(
        (
            state
            for state in states
            if state.term.period == month and book.sources.get(state.term.ref) == "month"
        ),
        None,
    )


@dataclass(frozen=True, slots=True)
class _Settled:
    """What of a month's document natures is settled on a day, and by what."""

    total: int  # the document's natures
    remaining: int
    expected: int  # housing benefit expected, not received
    withheld: int  # housing benefit withheld for non-decency
    benefit: int  # settled by the housing benefit naming the month
    household: int  # settled by every other credit (payments, aids, advance)


def _settled(
    state: TermState | None, natures: frozenset[str] | None, benefit_received: int
) -> _Settled:
    if state is None:
        return _Settled(0, 0, 0, 0, 0, 0)

    def kept(parts: Iterable[tuple[str, int]]) -> int:
        return sum(cents for nature, cents in parts if natures is None or nature in natures)

    total = kept(state.term.parts)
    remaining = kept(state.remaining)
    # Expected benefit settles the month nature by nature, rent first: the document's natures.
    expected = min(state.virtual, total - remaining)
    withheld = min(state.withheld, total - remaining - expected)
    paid = total - remaining - expected - withheld
    benefit = min(paid, benefit_received)
    return _Settled(total, remaining, expected, withheld, benefit, paid - benefit)


def _benefit_received(item: LoadedAccount, month: date, on: date) -> int:
    """Housing benefit naming ``month``, posted by ``on`` and not reversed by then."""
    reversed_on = {e.reverses: e.posted_on for e in item.entries if e.kind == "reversal"}
    return sum(
        e.amount
        for e in item.entries
        if e.kind == "housing_benefit"
        and e.amount > 0
        and e.period is not None
        and month_start(e.period) == month
        and e.posted_on <= on
        and not (e.ref in reversed_on and reversed_on[e.ref] <= on)
    )


def _payments(
    item: LoadedAccount, book: Book, month: date, natures: frozenset[str] | None, on: date
) -> list[Payment]:
    """The payments that settled the month: one per day its household part grew (LIFO undo)."""
    # Nothing settles the month before its first charge exists.
    first = min(
        (
            e.posted_on
            for e in item.entries
            if e.kind == "charge" and e.period is not None and month_start(e.period) == month
        ),
        default=on,
    )
    days = sorted({e.posted_on for e in item.entries if first <= e.posted_on <= on} | {first})
    credits_on: dict[date, list[str]] = defaultdict(list)
    for entry in item.entries:
        if entry.kind not in CREDIT_KINDS or entry.posted_on > on:
            continue
        if entry.kind == "adjustment" and entry.amount > 0:
            continue  # a charge of its own
        if entry.kind == "housing_benefit" and (
            entry.amount < 0 or (entry.period is not None and month_start(entry.period) == month)
        ):
            continue  # an indu is a charge; the month's own benefit is shown deducted
        label = v.LEDGER_KIND.label(entry.kind)
        if label not in credits_on[entry.posted_on]:
            credits_on[entry.posted_on].append(label)
    payments: list[Payment] = []
    before = 0
    for day in days:
        state = _month_term(book, allocate(book.terms, book.credits, day).terms, month)
        now = _settled(state, natures, _benefit_received(item, month, day)).household
        step, before = now - before, now
        if step > 0:
            labels = credits_on.get(day) or [message("receipts.payment.advance")]
            payments.append(Payment(on=day, label=", ".join(labels), amount=step))
        while step < 0 and payments:
            last = payments.pop()
            if last.amount + step > 0:
                payments.append(Payment(on=last.on, label=last.label, amount=last.amount + step))
            step += last.amount
    return payments


@dataclass(frozen=True, slots=True)
class _Month:
    """A contract's month on the day of issue: what is due, settled, and which documents."""

    item: LoadedAccount
    book: Book
    state: TermState
    boarding: bool
    natures: frozenset[str] | None  # None: every nature (a lease); else the redevance's
    settled: _Settled
    previous_balance: int

    @property
    def kind(self) -> str | None:
        """The main document's ISSUED_KIND code; None while the benefit alone is awaited."""
        settled = self.settled
        if settled.remaining == 0 and settled.expected == 0:
            return QUITTANCE
        if settled.household > 0 and settled.remaining > 0:
            return RECEIPT
        if settled.household == 0 and settled.remaining > 0:
            return NOTICE
        return None

    @property
    def optional(self) -> tuple[int, int]:
        """Optional services charged this month and what remains of them (pension only)."""
        if not self.boarding:
            return 0, 0
        charged = sum(c for n, c in self.state.term.parts if n == OPTIONAL)
        left = sum(c for n, c in self.state.remaining if n == OPTIONAL)
        return charged, left


def _month(
    item: LoadedAccount, parameters: Parameters, month: date, on: date
) -> tuple[_Month | None, str | None]:
    """The month as the ledger sees it on ``on``, or the reason there is nothing to issue."""
    grace = parameters.int("arrears.grace_days", on)
    book = item.book(grace)
    state = account_on(
        book,
        on,
        grace_days=grace,
        payment_day=parameters.int("benefit.expected_payment_day", on),
    )
    term = _month_term(book, state.allocation.terms, month)
    if term is None:
        return None, "receipts.skip.no_charges"
    boarding = item.kind == BOARDING_HOUSE
    natures = frozenset(n for n, _ in term.term.parts if n != OPTIONAL) if boarding else None
    previous = sum(
        other.unsettled
        for other in state.allocation.terms
        if other is not term and other.term.due <= term.term.due
    )
    found = _Month(
        item=item,
        book=book,
        state=term,
        boarding=boarding,
        natures=natures,
        settled=_settled(term, natures, _benefit_received(item, month, on)),
        previous_balance=previous - state.allocation.advance,
    )
    return found, None


# ------------------------------------------------------------------ documents of a month


@dataclass(frozen=True, slots=True)
class _Context:
    letterhead: Letterhead
    household: _Household
    place: _Place


def _lines(found: _Month) -> tuple[ReceiptLine, ...]:
    return tuple(
        ReceiptLine(v.CHARGE_NATURE.label(nature), cents, nature)
        for nature, cents in found.state.term.parts
        if cents and (found.natures is None or nature in found.natures)
    )


def _benefit(found: _Month, agency: str) -> BenefitDeducted | None:
    settled = found.settled
    amount = settled.expected + settled.withheld + settled.benefit
    if amount <= 0:
        return None
    label = message("receipts.benefit_withheld", agency=agency) if settled.withheld else ""
    return BenefitDeducted(amount=amount, agency=agency, label=label)


def _month_drafts(found: _Month, month: date, on: date, context: _Context) -> list[_Draft]:
    """The main document of the month (if any) and, in a pension, the services invoice."""
    drafts: list[_Draft] = []
    kind = found.kind
    recipient = Recipient(names=context.household.names, address_lines=context.place.address)
    common: dict[str, Any] = {
        "letterhead": context.letterhead,
        "recipient": recipient,
        "contract_reference": context.place.contract_reference,
        "dwelling_address": context.place.address,
        "period_month": month,
        "lines": _lines(found),
        "benefit": _benefit(found, context.household.agency),
        "boarding_house": found.boarding,
        "on_behalf_of": context.place.landlord,
    }
    if kind == NOTICE:
        due_on = found.state.term.due
        previous = found.previous_balance

        def notice(number: str, day: date) -> bytes:
            return render_due_notice(
                DueNoticeData(
                    **common, number=number, issued_on=day, due_on=due_on, previous_balance=previous
                )
            )

        probe = DueNoticeData(
            **common, number="", issued_on=on, due_on=due_on, previous_balance=previous
        )
        drafts.append(_Draft(found.item, NOTICE, month, None, probe.to_pay, notice))
    elif kind in (QUITTANCE, RECEIPT):
        payments = tuple(_payments(found.item, found.book, month, found.natures, on))
        indemnity = any(n == "occupation_indemnity" for n, _ in found.state.term.parts)
        render: Callable[[ReceiptData], bytes] = render_partial_receipt
        if kind == QUITTANCE:
            render = render_boarding_house_quittance if found.boarding else render_quittance

        def receipt(number: str, day: date) -> bytes:
            return render(
                ReceiptData(
                    **common,
                    number=number,
                    issued_on=day,
                    payments=payments,
                    occupation_indemnity=indemnity,
                )
            )

        amount = found.settled.total if kind == QUITTANCE else sum(p.amount for p in payments)
        drafts.append(_Draft(found.item, kind, month, None, amount, receipt))
    charged, left = found.optional
    if charged:
        due_on = found.state.term.due

        def invoice(number: str, day: date) -> bytes:
            return render_services_invoice(
                ServicesInvoiceData(
                    letterhead=context.letterhead,
                    recipient=recipient,
                    number=number,
                    issued_on=day,
                    contract_reference=context.place.contract_reference,
                    dwelling_address=context.place.address,
                    period_month=month,
                    lines=(ServiceLine(v.CHARGE_NATURE.label(OPTIONAL), charged),),
                    due_on=due_on,
                    paid=charged - left,
                )
            )

        drafts.append(_Draft(found.item, INVOICE, month, None, charged, invoice))
    return drafts


def quittance_unsettled(item: LoadedAccount, parameters: Parameters, month: date, on: date) -> bool:
    """Whether a quittance issued for ``month`` no longer matches the ledger on ``on``.

    DOMAIN §3.7: the month, read again, would now give another document than a quittance.
    """
    found, _ = _month(item, parameters, month, on)
    return found is not None and found.kind != QUITTANCE


def _issued_info(
    row: IssuedDocument, item: LoadedAccount, parameters: Parameters, on: date
) -> IssuedInfo:
    """An issued document; a quittance is ``unsettled`` when its month no longer is (§3.7)."""
    unsettled = (
        row.kind == QUITTANCE
        and row.period_month is not None
        and quittance_unsettled(item, parameters, row.period_month, on)
    )
    return IssuedInfo(
        issued_id=row.id,
        contract_id=row.contract_id,
        household_id=item.household_id,
        dwelling_reference=item.dwelling_reference,
        kind=row.kind,
        number=row.number,
        period_month=row.period_month,
        period_end=row.period_end,
        amount=row.amount,
        issued_on=_day_of(row.issued_at),
        unsettled=unsettled,
    )


@dataclass(frozen=True, slots=True)
class _Planned:
    """A contract's month once decided: drafts to issue (or reprint), or why not."""

    item: LoadedAccount
    drafts: tuple[tuple[_Draft, IssuedDocument | None], ...] = ()
    skipped: str | None = None
    flagged: tuple[IssuedInfo, ...] = ()


def _plan(
    item: LoadedAccount,
    *,
    parameters: Parameters,
    month: date,
    on: date,
    context: _Context,
    existing: Sequence[IssuedDocument],
) -> _Planned:
    """Decide a contract's documents of ``month``: new, reprinted, or none (and why)."""
    found, reason = _month(item, parameters, month, on)
    if found is None:
        return _Planned(item, skipped=reason)
    quittances = [row for row in existing if row.kind == QUITTANCE]
    if quittances and found.kind != QUITTANCE:
        flags = tuple(_issued_info(row, item, parameters, on) for row in quittances)
        return _Planned(item, skipped="receipts.skip.flagged", flagged=flags)
    drafts = _month_drafts(found, month, on, context)
    if not drafts:
        nothing = found.settled.total == 0
        return _Planned(
            item,
            skipped="receipts.skip.no_charges" if nothing else "receipts.skip.benefit_awaited",
        )
    chosen = []
    for draft in drafts:
        previous = next(
            (row for row in existing if row.kind == draft.kind and row.amount == draft.amount),
            None,
        )
        chosen.append((draft, previous))
    return _Planned(item, drafts=tuple(chosen))


def _skipped(planned: _Planned, household: _Household) -> SkippedContract:
    assert planned.skipped is not None
    params: dict[str, object] = {}
    if planned.flagged:
        params["number"] = ", ".join(info.number for info in planned.flagged)
    return SkippedContract(
        contract_id=planned.item.contract_id,
        household_id=planned.item.household_id,
        household_reference=household.reference,
        dwelling_reference=planned.item.dwelling_reference,
        reason=planned.skipped,
        text=message(planned.skipped, **params),
    )


def _names(
    plans: Sequence[_Planned], households: Mapping[int, _Household], month: date
) -> dict[tuple[int, str], str]:
    """File names: the dwelling is added when a household has two documents of one kind."""
    counts: dict[tuple[int, str], int] = defaultdict(int)
    for planned in plans:
        for draft, _ in planned.drafts:
            counts[(planned.item.household_id, draft.kind)] += 1
    names: dict[tuple[int, str], str] = {}
    for planned in plans:
        for draft, _ in planned.drafts:
            household = planned.item.household_id
            extra = planned.item.dwelling_reference if counts[(household, draft.kind)] > 1 else ""
            names[(planned.item.contract_id, draft.kind)] = file_name(
                households[household].reference, month, draft.kind, extra
            )
    return names


@dataclass(frozen=True, slots=True)
class _Issued:
    files: list[IssuedFile]
    skipped: list[SkippedContract]
    flagged: list[IssuedInfo]


def _issue_month(
    session: Session,
    actor: Actor,
    items: Sequence[LoadedAccount],
    month: date,
    today: date,
    *,
    keep: bool = False,
    control: TaskControl | None = None,
) -> _Issued:
    """Plan, number, render and record the month's documents of ``items`` (one transaction)."""
    letterhead = _letterhead(session)
    parameters = parameters_in(session)
    households = _households(session, actor, (item.household_id for item in items), today)
    places = _places(session, items)
    issuer = _Issuer(session, actor, today)
    existing: dict[int, list[IssuedDocument]] = defaultdict(list)
    for row in issuer.existing([item.contract_id for item in items], month):
        existing[row.contract_id].append(row)
    ordered = sorted(
        items,
        key=lambda i: (households[i.household_id].reference, i.dwelling_reference, i.contract_id),
    )
    plans: list[_Planned] = []
    total = len(ordered)
    for item in ordered:
        if control is not None:
            control.checkpoint()
        context = _Context(letterhead, households[item.household_id], places[item.contract_id])
        plans.append(
            _plan(
                item,
                parameters=parameters,
                month=month,
                on=today,
                context=context,
                existing=existing[item.contract_id],
            )
        )
    names = _names(plans, households, month)
    result = _Issued([], [], [])
    for done, planned in enumerate(plans, start=1):
        household = households[planned.item.household_id]
        if planned.skipped is not None:
            result.skipped.append(_skipped(planned, household))
            result.flagged.extend(planned.flagged)
        for draft, previous in planned.drafts:
            if control is not None:
                control.checkpoint()
            issued = issuer.issue(
                draft,
                household_id=planned.item.household_id,
                household_reference=household.reference,
                dwelling_reference=planned.item.dwelling_reference,
                name=names[(planned.item.contract_id, draft.kind)],
                previous=previous,
            )
            if keep:
                issued = issuer.keep(issued, places[planned.item.contract_id].dwelling_id)
            result.files.append(issued)
        if control is not None:
            control.report(done, total)
    return result


def _running(month: date) -> ColumnElement[bool]:
    last = month.replace(day=days_in_month(month.year, month.month))
    return and_(
        OccupancyContract.start_date <= last,
        or_(OccupancyContract.end_date.is_(None), OccupancyContract.end_date >= month),
    )


# ------------------------------------------------------------------ public actions


@service_action(POST)
def month_documents(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    month: date,
    today: date | None = None,
    keep: bool = False,
) -> MonthDocuments:
    """Issue a household's documents of ``month``: one click from its account (module docstring).

    Every contract of the household with charges in the month gets its quittance, reçu or
    avis (and a pension's services invoice); ``keep`` also stores each PDF in the household's
    Documents.

    Raises:
        RefusedError: the association is not recorded, or the household's ledger is outside
            the actor's rights.
    """
    day = today or date.today()
    period = month_start(month)

    def work(session: Session) -> MonthDocuments:
        items = load_accounts(
            session, and_(OccupancyContract.household_id == household_id, _running(period))
        )
        dwellings = session.scalars(select(Dwelling).where(Dwelling.id.in_(_dwelling_ids(items))))
        require(actor, POST, account_context(session, actor, household_id, dwellings))
        issued = _issue_month(session, actor, items, period, day, keep=keep)
        return MonthDocuments(
            household_id=household_id,
            month=period,
            files=tuple(issued.files),
            skipped=tuple(issued.skipped),
            flagged=tuple(issued.flagged),
        )

    return database.run_write(work)


def _dwelling_ids(items: Sequence[LoadedAccount]) -> list[int]:
    return sorted({item.dwelling_id for item in items})


@service_action(READ)
def issue_statement(
    database: Database,
    *,
    actor: Actor,
    contract_id: int,
    start: date,
    end: date,
    today: date | None = None,
    keep: bool = False,
) -> IssuedFile:
    """A numbered account statement [relevé de compte] of a contract over start…end.

    The lines are those of `ledger.account_lines` (the balance brought forward, then each
    entry with its running balance); the housing benefit expected and the deposit held on
    ``end`` are said apart.

    Raises:
        InvalidInput: a period ending before it starts.
        RefusedError: no such contract, its amounts are outside the actor's rights, or the
            association is not recorded.
    """
    if end < start:
        raise InvalidInput(
            [
                ValidationIssue(
                    "end",
                    "ledger.statement_end_before_start",
                    {"start": format_date(start), "end": format_date(end)},
                )
            ]
        )
    day = today or date.today()

    def work(session: Session) -> IssuedFile:
        parameters = parameters_in(session)
        contract_for(session, actor, contract_id, READ, parameters)
        [item] = load_accounts(session, OccupancyContract.id == contract_id)
        letterhead = _letterhead(session)
        household = _households(session, actor, [item.household_id], day)[item.household_id]
        place = _places(session, [item])[item.contract_id]
        opening, lines = _statement_lines(item, start, end)
        grace = parameters.int("arrears.grace_days", end)
        state = account_on(
            item.book(grace),
            end,
            grace_days=grace,
            payment_day=parameters.int("benefit.expected_payment_day", end),
        )
        deposit = held_on(item.deposits, end) if item.deposits else None
        data = StatementData(
            letterhead=letterhead,
            recipient=Recipient(names=household.names, address_lines=place.address),
            issued_on=day,
            contract_reference=place.contract_reference,
            dwelling_address=place.address,
            start=start,
            end=end,
            opening_balance=opening,
            lines=tuple(lines),
            pending_benefit=state.benefit_pending + state.benefit_overdue,
            deposit_held=deposit,
        )
        closing = data.closing_balance

        def render(number: str, issued_on: date) -> bytes:
            return render_statement(_statement_copy(data, number, issued_on))

        draft = _Draft(item, STATEMENT, None, end, closing, render)
        issuer = _Issuer(session, actor, day)
        name = f"{safe_name(household.reference)}_{start:%Y-%m-%d}_{end:%Y-%m-%d}_releve.pdf"
        issued = issuer.issue(
            draft,
            household_id=item.household_id,
            household_reference=household.reference,
            dwelling_reference=item.dwelling_reference,
            name=name,
        )
        return issuer.keep(issued, place.dwelling_id) if keep else issued

    return database.run_write(work)


def _statement_copy(data: StatementData, number: str, issued_on: date) -> StatementData:
    return StatementData(
        letterhead=data.letterhead,
        recipient=data.recipient,
        issued_on=issued_on,
        contract_reference=data.contract_reference,
        dwelling_address=data.dwelling_address,
        start=data.start,
        end=data.end,
        opening_balance=data.opening_balance,
        lines=data.lines,
        number=number,
        pending_benefit=data.pending_benefit,
        deposit_held=data.deposit_held,
    )


def _statement_lines(
    item: LoadedAccount, start: date, end: date
) -> tuple[int, list[StatementLine]]:
    """The balance before ``start`` and each movement of start…end, as `account_lines` says."""
    by_id = {entry.ref: entry for entry in item.entries}
    ordered = sorted(item.entries, key=lambda e: (e.posted_on, e.ref))
    opening = sum(entry_effect(e, by_id) for e in ordered if e.posted_on < start)
    lines = []
    for entry in ordered:
        if not start <= entry.posted_on <= end:
            continue
        effect = entry_effect(entry, by_id)
        lines.append(
            StatementLine(
                on=entry.posted_on,
                label=entry_label(entry, by_id),
                debit=max(effect, 0),
                credit=max(-effect, 0),
            )
        )
    return opening, lines


@service_action(READ)
def issued_documents(
    database: Database, *, actor: Actor, household_id: int, on: date
) -> list[IssuedInfo]:
    """The documents issued from a household's account, newest first, quittances flagged.

    Raises:
        RefusedError: the household's amounts are outside the actor's rights.
    """

    def read(session: Session) -> list[IssuedInfo]:
        parameters = parameters_in(session)
        items = load_accounts(session, OccupancyContract.household_id == household_id)
        dwellings = session.scalars(select(Dwelling).where(Dwelling.id.in_(_dwelling_ids(items))))
        require(actor, READ, account_context(session, actor, household_id, dwellings, parameters))
        by_contract = {item.contract_id: item for item in items}
        if not by_contract:
            return []
        rows = session.scalars(
            select(IssuedDocument)
            .where(IssuedDocument.contract_id.in_(list(by_contract)))
            .order_by(IssuedDocument.issued_at.desc(), IssuedDocument.id.desc())
        )
        return [_issued_info(row, by_contract[row.contract_id], parameters, on) for row in rows]

    return database.run_read(read)


def _in_scope(actor: Actor, action: str) -> Callable[[int, int | None], bool]:
    """Whether the actor may ``action`` on a dwelling's contracts (programme, residence)."""
    cache: dict[tuple[int, int | None], bool] = {}

    def allowed(programme_id: int, residence_id: int | None) -> bool:
        key = (programme_id, residence_id)
        if key not in cache:
            context = AccessContext(
                programme_ids=frozenset({programme_id}),
                residence_ids=frozenset() if residence_id is None else frozenset({residence_id}),
            )
            cache[key] = decide(actor, action, context).allowed
        return cache[key]

    return allowed


def _scoped(
    session: Session, actor: Actor, action: str, where: ColumnElement[bool]
) -> list[LoadedAccount]:
    """The contracts matching ``where`` whose dwelling is within the actor's ``action`` scope."""
    allowed = _in_scope(actor, action)
    rows = session.execute(
        select(OccupancyContract.id, Dwelling.programme_id, Dwelling.residence_id)
        .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
        .where(where)
    ).all()
    ids = [
        contract_id for contract_id, programme, residence in rows if allowed(programme, residence)
    ]
    return load_accounts(session, OccupancyContract.id.in_(ids)) if ids else []


@service_action(READ)
def unsettled_quittances(database: Database, *, actor: Actor, on: date) -> list[IssuedInfo]:
    """Every quittance of the actor's scope whose month is no longer settled on ``on`` (§3.7)."""

    def read(session: Session) -> list[IssuedInfo]:
        quittanced = select(IssuedDocument.contract_id).where(IssuedDocument.kind == QUITTANCE)
        items = _scoped(session, actor, READ, OccupancyContract.id.in_(quittanced))
        by_contract = {item.contract_id: item for item in items}
        if not by_contract:
            return []
        rows = list(
            session.scalars(
                select(IssuedDocument)
                .where(
                    IssuedDocument.contract_id.in_(list(by_contract)),
                    IssuedDocument.kind == QUITTANCE,
                )
                .order_by(IssuedDocument.period_month, IssuedDocument.id)
            )
        )
        parameters = parameters_in(session)
        infos = [_issued_info(row, by_contract[row.contract_id], parameters, on) for row in rows]
        return [info for info in infos if info.unsettled]

    return database.run_read(read)


# ------------------------------------------------------------------ a month's run, to files


@service_action(POST)
def run_receipts(
    database: Database,
    *,
    actor: Actor,
    month: date,
    out_dir: Path | None = None,
    single_file: Path | None = None,
    today: date | None = None,
    control: TaskControl | None = None,
) -> ReceiptsRun:
    """Issue the month's documents of every contract in the actor's scope, then write them.

    One PDF per document in ``out_dir`` (``<référence>_<YYYY-MM>_quittance.pdf``, ``_recu``,
    ``_avis``, ``_facture``), or all of them in ``single_file``. Progress is reported twice:
    contracts prepared (in the transaction), then files written.

    Raises:
        InvalidInput: neither or both of ``out_dir`` and ``single_file``.
        RefusedError: the association is not recorded, or the actor may not post.
        Cancelled: stopped by ``control``: nothing issued before the commit, no file after it.
    """
    if (out_dir is None) == (single_file is None):
        raise InvalidInput([ValidationIssue("out", "receipts.target_required")])
    day = today or date.today()
    period = month_start(month)
    task = control or TaskControl()

    def work(session: Session) -> _Issued:
        items = _scoped(session, actor, POST, _running(period))
        return _issue_month(session, actor, items, period, day, control=task)

    issued = database.run_write(work)
    written = _write(issued.files, out_dir, single_file, task)
    return ReceiptsRun(
        month=period,
        files=tuple(written),
        skipped=tuple(issued.skipped),
        flagged=tuple(issued.flagged),
        single=single_file,
    )


def _write(
    files: Sequence[IssuedFile],
    out_dir: Path | None,
    single_file: Path | None,
    control: TaskControl,
) -> list[WrittenFile]:
    """Write every file under a temporary name, then rename them all (nothing partial left)."""
    targets: list[tuple[Path, bytes]]
    if single_file is not None:
        targets = [(single_file, merge_pdfs([issued.content for issued in files]))] if files else []
    else:
        assert out_dir is not None
        targets = [(out_dir / issued.file_name, issued.content) for issued in files]
    partial: list[Path] = []
    try:
        for done, (target, content) in enumerate(targets, start=1):
            control.checkpoint()
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(target.name + PARTIAL_SUFFIX)
            partial.append(temporary)
            temporary.write_bytes(content)
            control.report(done, len(targets))
        control.checkpoint()
    except BaseException:
        for temporary in partial:
            temporary.unlink(missing_ok=True)
        raise
    for (target, _), temporary in zip(targets, partial, strict=True):
        temporary.replace(target)
    return [
        WrittenFile(
            path=single_file if single_file is not None else targets[index][0],
            kind=issued.kind,
            number=issued.number,
            household_reference=issued.household_reference,
            dwelling_reference=issued.dwelling_reference,
            amount=issued.amount,
            reprint=issued.reprint,
        )
        for index, issued in enumerate(files)
        if single_file is not None or index < len(targets)
    ]


# ------------------------------------------------------------------ one PDF of many

_XREF: Final = re.compile(rb"startxref\s+(\d+)")
_ROOT: Final = re.compile(rb"/Root (\d+) 0 R")
_PAGES: Final = re.compile(rb"/Pages (\d+) 0 R")
_COUNT: Final = re.compile(rb"/Count (\d+)")
_HEADER: Final = re.compile(rb"^(\d+) 0 obj")
_REFERENCE: Final = re.compile(rb"(\d+) 0 R\b")
_STREAM: Final = re.compile(rb">>\s*stream\r?\n")
_INFO: Final = re.compile(rb"/Info (\d+) 0 R")


def _objects(pdf: bytes) -> tuple[dict[int, bytes], int]:
    """A PDF's objects by number (as written, ``N 0 obj`` … ``endobj``) and its root's number.

    Reads the classic cross-reference table reportlab writes (no object streams).
    """
    found = list(_XREF.finditer(pdf))
    if not found:
        raise ValueError("not a PDF written by reportlab: no startxref")
    xref = int(found[-1].group(1))
    lines = pdf[xref:].split(b"trailer", 1)[0].split(b"\n")
    offsets: dict[int, int] = {}
    number = 0
    for line in lines[1:]:
        parts = line.split()
        if len(parts) == 2:  # a subsection: first number, count  # noqa: PLR2004
            number = int(parts[0])
        elif len(parts) == 3:  # noqa: PLR2004 - offset, generation, n|f
            if parts[2] == b"n":
                offsets[number] = int(parts[0])
            number += 1
    starts = [*sorted(offsets.values()), xref]
    following = dict(pairwise(starts))
    objects = {n: pdf[start : following[start]].rstrip() for n, start in offsets.items()}
    root = _ROOT.search(pdf[xref:])
    if root is None:
        raise ValueError("not a PDF written by reportlab: no root")
    return objects, int(root.group(1))


def merge_pdfs(documents: Sequence[bytes]) -> bytes:
    """One PDF holding the pages of ``documents`` in order (for ``receipts --single``).

    Each document's page tree becomes a branch of the new one; its catalog and information
    dictionary are left out. Streams are copied byte for byte. Deterministic.
    """
    body: list[bytes] = []
    branches: list[int] = []
    pages_total = 0
    next_number = 3  # 1: the catalog, 2: the root of the page tree
    for pdf in documents:
        objects, root = _objects(pdf)
        pages_match = _PAGES.search(objects[root])
        if pages_match is None:
            raise ValueError("a PDF without its page tree")
        pages = int(pages_match.group(1))
        info = {int(m.group(1)) for m in _INFO.finditer(pdf[pdf.rindex(b"trailer") :])}
        kept = [n for n in sorted(objects) if n != root and n not in info]
        renumber = {old: next_number + index for index, old in enumerate(kept)}
        next_number += len(kept)

        def swap(match: re.Match[bytes], renumber: dict[int, int] = renumber) -> bytes:
            old = int(match.group(1))
            return b"%d 0 R" % renumber.get(old, old)

        for old in kept:
            text = objects[old]
            stream = _STREAM.search(text)
            head, tail = (text[: stream.start()], text[stream.start() :]) if stream else (text, b"")
            head = _HEADER.sub(b"%d 0 obj" % renumber[old], head, count=1)
            head = _REFERENCE.sub(swap, head)
            if old == pages:
                head = head.replace(b"<<", b"<<\n/Parent 2 0 R", 1)
                count = _COUNT.search(head)
                pages_total += int(count.group(1)) if count else 0
            body.append(head + tail)
        branches.append(renumber[pages])
    kids = b" ".join(b"%d 0 R" % branch for branch in branches)
    catalog = b"1 0 obj\n<<\n/Pages 2 0 R /Type /Catalog /Lang (fr-FR)\n>>\nendobj"
    root_pages = b"2 0 obj\n<<\n/Count %d /Kids [ %s ] /Type /Pages\n>>\nendobj" % (
        pages_total,
        kids,
    )
    info_number = next_number
    info_object = b"%d 0 obj\n<<\n/Creator (Seuil) /Producer (Seuil)\n>>\nendobj" % info_number
    out = bytearray(b"%PDF-1.4\n%\x93\x8c\x8b\x9e\n")
    offsets: list[int] = []
    for obj in [catalog, root_pages, *body, info_object]:
        offsets.append(len(out))
        out += obj + b"\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<<\n/Info %d 0 R /Root 1 0 R /Size %d\n>>\n" % (
        info_number,
        len(offsets) + 1,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
