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
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from desktop_app.domain.errors import ValidationIssue
from desktop_app.domain.permissions import ALL, RESIDENTS, TABLE, Actor, Grant

DEFAULT_HORIZON_DAYS: Final = 30
MAX_HORIZON_DAYS: Final = 366

# Codes of the French catalogue (the bail glissant's are `sliding.REVIEW` and its siblings).
CONTRACT_RENEWAL: Final = "reminder.contract_renewal"
MAIN_LEASE_END: Final = "reminder.main_lease_end"
MAIN_LEASE_NOTICE: Final = "reminder.main_lease_notice"
RESIDENCE_PERMIT: Final = "reminder.residence_permit"
INSURANCE: Final = "reminder.insurance"
# The same reminder when the person's name is hidden (protected file outside its circle).
RESIDENCE_PERMIT_MASKED: Final = "reminder.residence_permit_masked"
HORIZON_INVALID: Final = "reminder.horizon_invalid"

# The kind of record behind a reminder (the table it is computed from).
SLIDING_PLAN: Final = "sliding_plan"
CONTRACT: Final = "occupancy_contract"
MAIN_LEASE: Final = "main_lease"
PERSON: Final = "person"
DOCUMENT: Final = "document"

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


def _acts_beyond_caseload(grant: Grant) -> bool:
    rules = TABLE.get(grant.role, {})
    return any(rules.get(action) in (ALL, RESIDENTS) for action in TEAM_ACTIONS)


def team_grants(actor: Actor) -> tuple[Grant, ...]:
    """The actor's grants that give the team view (each keeps its own scope)."""
    return tuple(grant for grant in actor.grants if _acts_beyond_caseload(grant))


def sees_team(actor: Actor) -> bool:
    """Whether the actor sees more than their own caseload (the "mine / team" choice)."""
    return actor.system or bool(team_grants(actor))
