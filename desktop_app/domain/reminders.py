"""Reminders: which due dates raise one, in what order, and who sees the team's (DOMAIN §7).

A reminder is computed from the record that causes it and closed by the record that answers
it; nothing here is stored. The service finds the due dates; these rules decide:

- **The window**: a due date raises a reminder when it falls on or before the horizon's last
  day (``today + horizon_days``, inclusive as every interval, DOMAIN §0) and not before the
  go-live date (*param*: imported history stays quiet). Overdue ones therefore stay listed,
  however old, until the answering record closes them.
- **Overdue** [En retard] means due before today; due today or later is **soon** [Bientôt], as
  in `sliding.Reminder`.
- **Order**: by due date, then code, then the reference shown (household or dwelling), so a
  list never reshuffles between two readings.
- **Who sees the team's**: a household's reminders are work for those who act on the
  household. A role acting only on its caseload (a social worker, an intern) sees its
  caseload's reminders; a role acting on every household in its scope (coordinator, rental
  manager, secretariat…) or on its residents (a host) sees those. The housing stock's
  reminders go with the same team view, to those who may read the stock.
- **The agenda** (issue 8) adds the reminders of the accompaniment: the next appointment
  fixed at a contact, the reviews (bilans) to write or to send, the planned end of a measure
  (to renew or to end; a diagnostic to conclude), the arrears ladder's steps (CAF report,
  plan to the CAF, CCAPEX referral, the next instalment of a repayment plan), the answer due
  to the SIAO, the préfet's DALO time limit, the renewal of a social-housing application and
  the manual to-dos. Each reminder belongs
  to one **kind** (`kind_of`), the column the agenda sorts its work by.
- **The week** runs from Monday to Sunday. A reminder sits on the day it is due; in the week
  that holds today, the reminders overdue since an earlier week sit on today's column (still
  to be done today), so the week shown never hides late work (`week_column`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from desktop_app.domain.errors import ValidationIssue
from desktop_app.domain.permissions import ALL, RESIDENTS, TABLE, Actor, Grant

DEFAULT_HORIZON_DAYS: Final = 30
MAX_HORIZON_DAYS: Final = 366
WEEK_DAYS: Final = 7

# Codes of the French catalogue (the bail glissant's are `sliding.REVIEW` and its siblings).
CONTRACT_RENEWAL: Final = "reminder.contract_renewal"
MAIN_LEASE_END: Final = "reminder.main_lease_end"
MAIN_LEASE_NOTICE: Final = "reminder.main_lease_notice"
RESIDENCE_PERMIT: Final = "reminder.residence_permit"
INSURANCE: Final = "reminder.insurance"
# The same reminder when the person's name is hidden (protected file outside its circle).
RESIDENCE_PERMIT_MASKED: Final = "reminder.residence_permit_masked"
HORIZON_INVALID: Final = "reminder.horizon_invalid"
# The agenda's (issue 8): accompaniment and manual to-dos.
APPOINTMENT: Final = "reminder.appointment"
REVIEW_DUE: Final = "reminder.review_due"
FINAL_REVIEW_DUE: Final = "reminder.final_review_due"
REVIEW_TO_SEND: Final = "reminder.review_to_send"
MEASURE_END: Final = "reminder.measure_end"
DIAGNOSTIC_END: Final = "reminder.diagnostic_end"
TODO: Final = "reminder.todo"
# Admissions and rehousing (issue 9)
SIAO_ANSWER: Final = "reminder.siao_answer"
DALO_LIMIT: Final = "reminder.dalo_limit"
APPLICATION_RENEWAL: Final = "reminder.application_renewal"

# The kind of record behind a reminder (the table it is computed from).
SLIDING_PLAN: Final = "sliding_plan"
CONTRACT: Final = "occupancy_contract"
MAIN_LEASE: Final = "main_lease"
PERSON: Final = "person"
DOCUMENT: Final = "document"
CONTACT: Final = "contact"
MEASURE: Final = "support_measure"
REVIEW: Final = "support_review"
TODO_RECORD: Final = "todo"
CANDIDATURE: Final = "candidature"
APPLICATION: Final = "housing_application"

# The kinds of work in the agenda, each a group of codes (`kind_of`).
KIND_APPOINTMENT: Final = "appointment"
KIND_REVIEW: Final = "review"
KIND_MEASURE: Final = "measure"
KIND_TODO: Final = "todo"
KIND_SLIDING: Final = "sliding"
KIND_CONTRACT: Final = "contract"
KIND_PERMIT: Final = "residence_permit"
KIND_INSURANCE: Final = "insurance"
KIND_MAIN_LEASE: Final = "main_lease"
KIND_ARREARS: Final = "arrears"
KIND_ADMISSION: Final = "admission"
KIND_REHOUSING: Final = "rehousing"
KINDS: Final[Mapping[str, str]] = {
    APPOINTMENT: KIND_APPOINTMENT,
    REVIEW_DUE: KIND_REVIEW,
    FINAL_REVIEW_DUE: KIND_REVIEW,
    REVIEW_TO_SEND: KIND_REVIEW,
    MEASURE_END: KIND_MEASURE,
    DIAGNOSTIC_END: KIND_MEASURE,
    TODO: KIND_TODO,
    CONTRACT_RENEWAL: KIND_CONTRACT,
    RESIDENCE_PERMIT: KIND_PERMIT,
    RESIDENCE_PERMIT_MASKED: KIND_PERMIT,
    INSURANCE: KIND_INSURANCE,
    MAIN_LEASE_END: KIND_MAIN_LEASE,
    MAIN_LEASE_NOTICE: KIND_MAIN_LEASE,
    SIAO_ANSWER: KIND_ADMISSION,
    DALO_LIMIT: KIND_REHOUSING,
    APPLICATION_RENEWAL: KIND_REHOUSING,
}
_SLIDING_PREFIX: Final = "sliding."
# The arrears ladder's reminders (`domain.arrears`, §4.8) share one kind.
_ARREARS_PREFIX: Final = "arrears."

OVERDUE: Final = "overdue"
SOON: Final = "soon"

# Acting on households beyond one's caseload, in any of these, gives the team view.
TEAM_ACTIONS: Final = ("household.edit", "household.edit_identity", "contract.edit")


def horizon_issues(horizon_days: int) -> list[ValidationIssue]:
    """The horizon is a whole number of days from 0 (today and overdue only) to a year."""
    if isinstance(horizon_days, bool) or not 0 <= horizon_days <= MAX_HORIZON_DAYS:
        return [
            ValidationIssue(
                "horizon_days",
                HORIZON_INVALID,
                {"value": horizon_days, "maximum": MAX_HORIZON_DAYS},
            )
        ]
    return []


def go_live_date(value: object) -> date | None:
    """The ``go_live_date`` parameter as stored (a date, an ISO text, or nothing)."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        return date.fromisoformat(value)
    return None


@dataclass(frozen=True, slots=True)
class Window:
    """The due dates that raise a reminder on ``today`` (module docstring)."""

    today: date
    last_day: date
    go_live: date | None = None

    def raises(self, due: date) -> bool:
        """Whether a reminder due on ``due`` is listed today."""
        return due <= self.last_day and (self.go_live is None or due >= self.go_live)

    def overdue(self, due: date) -> bool:
        """Due before today (due today is still "soon")."""
        return due < self.today


def window(today: date, horizon_days: int, go_live: date | None = None) -> Window:
    """The window of ``today`` with a horizon of ``horizon_days`` days.

    Raises:
        ValueError: for a horizon `horizon_issues` refuses (the service checks it first).
    """
    if horizon_issues(horizon_days):
        raise ValueError(f"invalid horizon {horizon_days!r}")
    return Window(today, today + timedelta(days=horizon_days), go_live)


def urgency(due: date, today: date) -> str:
    """``overdue`` before today, ``soon`` otherwise."""
    return OVERDUE if due < today else SOON


def sort_key(due: date, code: str, reference: str | None) -> tuple[date, str, str]:
    """The order of a list of reminders: due date, code, then the reference shown."""
    return (due, code, reference or "")


def kind_of(code: str) -> str:
    """The kind of work a reminder code belongs to.

    The bail glissant's codes are of kind ``sliding``, the arrears ladder's of ``arrears``.

    Raises:
        KeyError: for a code that is no reminder's (a programming error).
    """
    if code.startswith(_SLIDING_PREFIX):
        return KIND_SLIDING
    if code.startswith(_ARREARS_PREFIX):
        return KIND_ARREARS
    return KINDS[code]


def week_start(day: date) -> date:
    """The Monday of the week of ``day``."""
    return day - timedelta(days=day.weekday())


def week_days(day: date) -> tuple[date, ...]:
    """The seven days, Monday to Sunday, of the week of ``day``."""
    monday = week_start(day)
    return tuple(monday + timedelta(days=offset) for offset in range(WEEK_DAYS))


def week_column(due: date, monday: date, today: date) -> int | None:
    """The column (0 Monday … 6 Sunday) of a reminder due on ``due`` in the week of ``monday``.

    None when it is not shown that week. Overdue since an earlier week: today's column when
    the week holds today (module docstring).
    """
    offset = (due - monday).days
    if 0 <= offset < WEEK_DAYS:
        return offset
    today_offset = (today - monday).days
    if offset < 0 and due < today and 0 <= today_offset < WEEK_DAYS:
        return today_offset
    return None


def horizon_for_week(monday: date, today: date) -> int:
    """The horizon that lists every reminder of the week of ``monday``, read on ``today``.

    At least the default horizon, at most a year (a week further away shows what a year holds).
    """
    needed = (monday + timedelta(days=WEEK_DAYS - 1) - today).days
    return min(MAX_HORIZON_DAYS, max(DEFAULT_HORIZON_DAYS, needed))


def _acts_beyond_caseload(grant: Grant) -> bool:
    rules = TABLE.get(grant.role, {})
    return any(rules.get(action) in (ALL, RESIDENTS) for action in TEAM_ACTIONS)


def team_grants(actor: Actor) -> tuple[Grant, ...]:
    """The actor's grants that give the team view (each keeps its own scope)."""
    return tuple(grant for grant in actor.grants if _acts_beyond_caseload(grant))


def sees_team(actor: Actor) -> bool:
    """Whether the actor sees more than their own caseload (the "mine / team" choice)."""
    return actor.system or bool(team_grants(actor))
