"""The data-quality checks run before a return (DOMAIN §5.3), as a table and pure predicates.

`CHECKS` lists every check with its stable code, its level — ``B`` blocks the export unless
overridden (recorded in the run), ``W`` warns — and the French short title the Contrôles sheet
and the GUI show. Each predicate below judges one record from plain values, so the rules (the
thresholds, what counts as late) are tested without a database; `services.report_quality`
loads the columns of a scope and applies them.

Decisions where DOMAIN.md is silent, kept here so the return, the GUI and the tests agree:

- **The judged day** of every "late" rule is ``min(today, P.end)`` (`judged_on`): a return for a
  past period judges the records as they stood at its end, one made during the period judges
  them today. Only "dates in the future" compare with today itself, and a quittance's month is
  judged on the ledger as it is today (as `services.receipts` flags it).
- **Exit without destination** counts the exits of P only (the exits this return reports).
- **Contacts with the household** are every kind but a missed appointment, indirect work and a
  partner contact (`people_figures.NOT_WITH_HOUSEHOLD`), as for the delay to the first contact.
- **Active measure without contact**: the days of P the measure ran up to the judged day, not
  suspended all along; a diagnostic counts too (it is made of interviews).
- **Possible missed exit**: a stay still open on the judged day, entered at least 90 days
  before, with neither a household payment nor a contact in the 90 days ending on that day.
- **Person without birth date**: a member present during P, visiting children excepted (they
  are not counted in the returns).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from desktop_app.domain.counting import (
    DIAGNOSTIC,
    VISITING_CHILD,
    Interval,
    MeasureSpan,
    active_days,
    is_active,
)
from desktop_app.domain.figures import BLOCKING, WARNING, Finding
from desktop_app.domain.periods import Period, add_months

# Stable check codes (the Contrôles sheet, report runs and the GUI key on them).
EXIT_WITHOUT_DESTINATION: Final = "exit_without_destination"
FUTURE_DATE: Final = "future_date"
STAY_WITHOUT_CONTRACT: Final = "stay_without_contract"
MEASURE_OVERDUE: Final = "measure_overdue"
PERSON_WITHOUT_BIRTH_DATE: Final = "person_without_birth_date"
TIERS_PAYANT_WITHOUT_ALLOCATAIRE: Final = "tiers_payant_without_allocataire"
MEASURE_WITHOUT_CONTACT: Final = "measure_without_contact"
POSSIBLE_MISSED_EXIT: Final = "possible_missed_exit"
EXPIRED_INSURANCE: Final = "expired_insurance"
CONTRACT_RENEWAL_OVERDUE: Final = "contract_renewal_overdue"
APPLICATION_NOT_RENEWED: Final = "application_not_renewed"
SUPPORT_CONTRACT_UNSIGNED: Final = "support_contract_unsigned"
HOUSE_RULES_UNSIGNED: Final = "house_rules_unsigned"
QUITTANCE_UNSETTLED: Final = "quittance_unsettled"

# Thresholds of DOMAIN §5.3.
CONTRACT_DAYS: Final = 30
"""An IML stay needs its contract within this many days of the entry."""
OVERDUE_DAYS: Final = 60
"""Days past its planned end a measure may stay without end nor renewal."""
SILENCE_DAYS: Final = 90
"""Days without payment nor contact that make an open stay look left."""
SUPPORT_CONTRACT_MONTHS: Final = 1
"""Months after its start by which a measure's support contract is signed."""

# Codes of vocabulary.PROGRAMME_KIND, CONTRACT_STATE and APPLICATION_STATUS (pinned by tests).
IML_KINDS: Final = frozenset({"iml_sublease", "iml_mandate", "sliding_lease"})
PENSION_KINDS: Final = frozenset({"boarding_house", "reception_residence"})
ACTIVE: Final = "active"

_ONE_DAY: Final = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """One check of DOMAIN §5.3: stable code, level (``B`` or ``W``), French short title."""

    code: str
    level: str
    label: str


CHECKS: Final[tuple[CheckSpec, ...]] = (
    CheckSpec(EXIT_WITHOUT_DESTINATION, BLOCKING, "Sortie sans destination"),
    CheckSpec(FUTURE_DATE, BLOCKING, "Date dans le futur"),
    CheckSpec(STAY_WITHOUT_CONTRACT, BLOCKING, "Séjour IML sans contrat après 30 jours"),
    CheckSpec(
        MEASURE_OVERDUE, BLOCKING, "Mesure ni terminée ni renouvelée 60 jours après sa fin prévue"
    ),
    CheckSpec(PERSON_WITHOUT_BIRTH_DATE, WARNING, "Personne sans date de naissance"),
    CheckSpec(TIERS_PAYANT_WITHOUT_ALLOCATAIRE, WARNING, "Tiers payant sans numéro d'allocataire"),
    CheckSpec(MEASURE_WITHOUT_CONTACT, WARNING, "Mesure active sans entretien dans la période"),
    CheckSpec(
        POSSIBLE_MISSED_EXIT, WARNING, "Sortie peut-être non saisie (90 jours sans nouvelles)"
    ),
    CheckSpec(EXPIRED_INSURANCE, WARNING, "Attestation d'assurance expirée"),
    CheckSpec(
        CONTRACT_RENEWAL_OVERDUE, WARNING, "Contrat dont la date de renouvellement est passée"
    ),
    CheckSpec(APPLICATION_NOT_RENEWED, WARNING, "Demande de logement social non renouvelée"),
    CheckSpec(
        SUPPORT_CONTRACT_UNSIGNED, WARNING, "Contrat d'accompagnement non signé après un mois"
    ),
    CheckSpec(HOUSE_RULES_UNSIGNED, WARNING, "Résident sans règlement intérieur signé"),
    CheckSpec(QUITTANCE_UNSETTLED, WARNING, "Quittance d'un mois qui n'est plus soldé"),
)
CHECK_OF: Final = {spec.code: spec for spec in CHECKS}


# ---------------------------------------------------------------- the judged day


def judged_on(period: Period, today: date) -> date:
    """The day the "late" rules judge on: ``min(today, P.end)``."""
    return min(today, period.end)


def _last_day(end: date | None, judged: date) -> date:
    """The last day a span ran up to the judged day."""
    return judged if end is None else min(end, judged)


# ---------------------------------------------------------------- blocking checks


def exit_without_destination(
    exit_date: date | None, destination: str | None, period: Period
) -> bool:
    """An exit of P recorded without its destination."""
    return exit_date is not None and exit_date in period and destination is None


def future_dates(
    dates: Iterable[tuple[str, date | None]], today: date
) -> tuple[tuple[str, date], ...]:
    """The ``(field, day)`` pairs whose day is after ``today``, in the order given."""
    return tuple((name, day) for name, day in dates if day is not None and day > today)


def stay_without_contract(
    programme_kind: str, entry: date, exit_date: date | None, contracted: bool, judged: date
) -> bool:
    """An IML stay with no contract more than `CONTRACT_DAYS` days after its entry.

    ``contracted``: a contract is linked to the stay, or the household holds one on a dwelling
    of the stay's programme while the stay runs. A stay that ended sooner needs none.
    """
    if programme_kind not in IML_KINDS or contracted:
        return False
    return (_last_day(exit_date, judged) - entry).days > CONTRACT_DAYS


def measure_overdue(planned_end: date, end: date | None, judged: date) -> bool:
    """A measure neither ended nor renewed more than `OVERDUE_DAYS` days past its planned end.

    ``planned_end`` already holds the months of the renewals granted
    (`services.support.planned_end`): a renewal moves it.
    """
    return end is None and (judged - planned_end).days > OVERDUE_DAYS


# ---------------------------------------------------------------- warnings


def present_in(joined_on: date, left_on: date | None, period: Period) -> bool:
    """A membership covering at least one day of P."""
    return is_active(Interval(joined_on, left_on), period)


def lacks_birth_date(
    role: str, birth_date: date | None, joined_on: date, left_on: date | None, period: Period
) -> bool:
    """A member present during P without birth date (visiting children are not counted)."""
    return birth_date is None and role != VISITING_CHILD and present_in(joined_on, left_on, period)


def tiers_payant_since(
    rates: Sequence[tuple[date, bool]], start: date, end: date | None, period: Period
) -> date | None:
    """The first day of P a tiers-payant rate is in force on a contract, None if none is.

    ``rates`` are the contract's ``(valid_from, tiers_payant)`` rows: each is in force from its
    date to the day before the next one, inside the contract.
    """
    ordered = sorted(rates)
    for index, (valid_from, tiers_payant) in enumerate(ordered):
        if not tiers_payant:
            continue
        following = ordered[index + 1][0] - _ONE_DAY if index + 1 < len(ordered) else None
        last = min(day for day in (following, end, period.end) if day is not None)
        first = max(valid_from, start, period.start)
        if first <= last:
            return first
    return None


def tiers_payant_without_allocataire(
    rates: Sequence[tuple[date, bool]],
    start: date,
    end: date | None,
    period: Period,
    *,
    has_allocataire: bool,
) -> date | None:
    """The day tiers payant applies in P when no member has an allocataire number, else None."""
    return None if has_allocataire else tiers_payant_since(rates, start, end, period)


def measure_without_contact(
    measure: MeasureSpan, contact_days: Iterable[date], period: Period, judged: date
) -> Period | None:
    """The days of P a measure ran (to the judged day) without any contact, or None.

    None as well when it did not run in P before the judged day, or was suspended all along.
    """
    first = max(measure.start, period.start)
    last = _last_day(measure.end, min(judged, period.end))
    if first > last:
        return None
    window = Period(first, last)
    if active_days(measure, window) == 0:
        return None
    if any(day in window for day in contact_days):
        return None
    return window


def silence_window(judged: date) -> Period:
    """The `SILENCE_DAYS` days ending on the judged day."""
    return Period(judged - timedelta(days=SILENCE_DAYS - 1), judged)


def possible_missed_exit(
    entry: date, exit_date: date | None, activity_days: Iterable[date], judged: date
) -> bool:
    """An open stay, entered before the silence window, without payment nor contact in it.

    ``activity_days``: the days of the household's payments and contacts with it.
    """
    if exit_date is not None and exit_date <= judged:
        return False
    window = silence_window(judged)
    if entry > window.start:
        return False
    return not any(day in window for day in activity_days)


def insurance_expired(
    expires_on: date | None, contracts: Iterable[tuple[date, date | None]], judged: date
) -> bool:
    """The newest certificate expired before the judged day while a contract still ran.

    ``contracts``: the ``(start, end)`` of the household's contracts of the scope.
    """
    if expires_on is None or expires_on >= judged:
        return False
    return any(start <= judged and (end is None or end > expires_on) for start, end in contracts)


def renewal_overdue(
    renewal_date: date | None, state: str, start: date, end: date | None, judged: date
) -> bool:
    """A contract running on the judged day whose renewal date has passed."""
    return (
        renewal_date is not None
        and renewal_date < judged
        and state == ACTIVE
        and start <= judged
        and (end is None or end >= judged)
    )


def application_not_renewed(status: str, renewal_due_on: date, judged: date) -> bool:
    """A social-housing application still active after the day it was to be renewed."""
    return status == ACTIVE and renewal_due_on < judged


def support_contract_deadline(start: date) -> date:
    """The day a measure's support contract is due: its start + `SUPPORT_CONTRACT_MONTHS`."""
    return add_months(start, SUPPORT_CONTRACT_MONTHS)


def support_contract_unsigned(
    kind: str, start: date, end: date | None, signed_on: date | None, judged: date
) -> bool:
    """A measure (not a diagnostic) still running past its deadline without signed contract."""
    if kind == DIAGNOSTIC or signed_on is not None:
        return False
    return support_contract_deadline(start) < _last_day(end, judged)


def house_rules_unsigned(
    programme_kind: str,
    entry: date,
    exit_date: date | None,
    signed_days: Iterable[date],
    judged: date,
) -> bool:
    """A pension resident on the judged day with no signed house rules dated by then."""
    if programme_kind not in PENSION_KINDS:
        return False
    if entry > judged or (exit_date is not None and exit_date < judged):
        return False
    return not any(day <= judged for day in signed_days)


# ---------------------------------------------------------------- order and summary


def ordered(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Blocking findings first, then by household reference, check order and record."""
    rank = {spec.code: index for index, spec in enumerate(CHECKS)}
    return tuple(
        sorted(
            findings,
            key=lambda f: (
                f.level != BLOCKING,
                f.household_reference,
                rank.get(f.check, len(rank)),
                f.record,
                f.record_id or 0,
                f.detail,
            ),
        )
    )


def summarise(findings: Iterable[Finding]) -> tuple[tuple[CheckSpec, int], ...]:
    """Every check of `CHECKS` with its number of findings, zeros included (Contrôles)."""
    counts = Counter(finding.check for finding in findings)
    return tuple((spec, counts[spec.code]) for spec in CHECKS)
