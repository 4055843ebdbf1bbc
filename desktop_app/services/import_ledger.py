"""The import workbook's ledger sheets: Contrats, Loyers, Statut APL, Mouvements (DOMAIN §10).

Each importer receives its parsed sheet from `services.imports`, inside the import's one write
transaction (`import_context.ImportContext`): it matches the rows to the database on the keys
of §10, reports every problem it finds (never stopping at the first), creates what is missing,
updates what changed with its business history, and counts created / updated / unchanged rows.
The rules are those of the services a person uses (`services.contracts`, `services.ledger`):
the same checks, the same messages, the same rows written.

Decisions where DOMAIN.md is silent, kept here so the import, the export and the tests agree:

- **Contracts**: empty rate cells take `contracts.RateInput`'s defaults (0, no tiers payant,
  due day 5), in Contrats and Loyers alike. A contract with a ``Fin`` before the day of the
  import is ``ended``; a later ``Fin`` is a planned end (``active``, as `create_contract`
  records it). The contract is linked to the household's stay in the dwelling's programme
  covering its start when there is exactly one (a warning otherwise). A sliding sublease gets
  its convention de glissement with the parameters in force on its start.
- **Date de glissement** records what `contracts.slide` records: the plan ``slid`` on that
  date, the sublease ending the day before (a ``Fin`` must be empty or that day), and — when
  they are still open — the stay closed with the destination ``slid``, the dwelling returned
  and its main lease ended on that day. A stay or a dwelling already closed on another day is
  a blocking error naming the date to write in the Ménages or Logements sheet. The deposit is
  not settled here: the file's Mouvements carry the deposit's whole history. A glissement
  already recorded is never changed nor undone by an import.
- **Loyers** rows are rate changes *after* the start (the rate in force at ``Début`` is the
  Contrats row's); **Statut APL** rows may start on the contract's first day. Turning tiers
  payant on records the benefit as paid from that day, as `contracts.change_rate` does.
- **Mouvements**: every imported entry keeps its row's ``Référence`` (``import_reference``);
  an ``Appel`` row gives one charge per component of the rate in force for its month
  (prorated as the monthly generation does, an occupation indemnity after a termination), an
  ``Annulation`` one reversal per entry of the movement it cancels, a ``Dépôt imputé`` a deposit
  movement and its ``deposit_applied`` credit. ``Réparations locatives``, ``Frais`` and
  ``Indemnité d'occupation`` without ``Mois concerné`` concern the month of their ``Date``.
  A second import compares each row with what its reference wrote: identical → unchanged;
  different in any way → a blocking error asking for an ``Annulation`` row (entries are never
  edited). Like the generated charges, imported entries are their own business history: no
  old → new line is written for them (hundreds of thousands of rows at migration).
- **Contract of a movement**: the household's only contract (in the ``Référence logement``
  when given), else the one running in the ``Mois concerné``, else on the ``Date``.
- **Go-live date** (§3.2, "an import sets the go-live date when it is empty"): the first day of
  the month following the file's latest ``Appel`` month (the import's month when the file has
  no ``Appel``), so that the daily catch-up never charges a month the file covers and charges
  every later month; the security log records the setting.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import groupby
from typing import Final

from sqlalchemy import insert, select, update

from desktop_app.domain import vocabulary as v
from desktop_app.domain import workbook as wb
from desktop_app.domain.charges import RATE_NATURES, RateSpan, month_charges
from desktop_app.domain.errors import ValidationIssue
from desktop_app.domain.households import check_occupancy
from desktop_app.domain.ledger import DepositMovement, deposit_available, month_start
from desktop_app.domain.money import format_eur
from desktop_app.domain.parameters import PLAIN_SETTING_DATE
from desktop_app.domain.periods import add_months, format_date
from desktop_app.domain.reminders import go_live_date
from desktop_app.persistence import audit
from desktop_app.persistence.history import HistoryValue, history_values
from desktop_app.persistence.models import (
    BenefitStatus,
    DepositEntry,
    Dwelling,
    LedgerEntry,
    MainLease,
    OccupancyContract,
    Parameter,
    Programme,
    RentRate,
    SlidingPlan,
    Stay,
)
from desktop_app.services.contracts import (
    KINDS_BY_PROGRAMME,
    RESIDENCE_AGREEMENT,
    SLIDING,
    RateInput,
)
from desktop_app.services.import_context import ImportContext, key_of
from desktop_app.services.ledger import (
    Posting,
    closed_month_starts,
    deposit_movements,
    period_issues,
    posting_date_issues,
)
from desktop_app.services.parameters import parameters_in

_ONE_DAY: Final = timedelta(days=1)
_LAST_DUE_DAY: Final = 31
_REASON_MAX: Final = 300  # LedgerEntry.reason
_RATE_FIELDS: Final = (
    "rent",
    "charges",
    "mandatory_services",
    "optional_services",
    "expected_benefit",
    "tiers_payant",
    "due_day",
)
_GO_LIVE: Final = "go_live_date"

# Where a service's issue is shown: its field → the sheet's column key.
_CONTRACT_FIELDS: Final = {
    "kind": "kind",
    "start": "start",
    "end": "end",
    "due_day": "due_day",
    "dwelling": "dwelling",
    "slid_on": "glissement_on",
    "stay": "household",
}
_DATED_FIELDS: Final = {"valid_from": "effective_from", "due_day": "due_day", "status": "status"}
_MOVEMENT_FIELDS: Final = {
    "posted_on": "posted_on",
    "period_month": "period_month",
    "nature": "nature",
    "reason": "reason",
    "first_default_on": "first_default_on",
    "amount": "amount",
    "kind": "type",
    "reversed_reference": "reversed_reference",
}

# What each Mouvements type posts: a ledger kind, or a deposit movement (``deposit_<kind>``).
_LEDGER_KIND: Final[Mapping[str, str]] = {
    "call": "charge",
    "housing_benefit": "housing_benefit",
    "household_payment": "household_payment",
    "fsl_aid": "fsl_aid",
    "other_aid": "other_aid",
    "adjustment_debit": "adjustment",
    "adjustment_credit": "adjustment",
    "remission": "remission",
    "irrecoverable": "irrecoverable",
    "debt_erased": "debt_erased",
    "damage": "charge",
    "fees": "charge",
    "occupation_indemnity": "charge",
    "reversal": "reversal",
    "opening_balance": "opening_balance",
}
_DEPOSIT_KIND: Final[Mapping[str, str]] = {
    "deposit_received": "received",
    "deposit_applied": "applied",
    "deposit_refunded": "refunded",
}
_CHARGE_NATURE: Final[Mapping[str, str]] = {
    "damage": "damage",
    "fees": "fees",
    "occupation_indemnity": "occupation_indemnity",
}
_REASON_REQUIRED: Final = frozenset(
    {"adjustment_debit", "adjustment_credit", "remission", "irrecoverable", "debt_erased"}
)
_PERIOD_REQUIRED: Final = frozenset({"call", "housing_benefit"})


# ------------------------------------------------------------------ shared helpers


def _key(text: str) -> str:
    """`import_context.key_of`, with a shortcut for plain ASCII (most references).

    For ASCII text `domain.text.normalise` only lowers the case, straightens the back-quote
    and collapses spaces: the same result, without the Unicode work that would dominate the
    import of hundreds of thousands of movements.
    """
    if text.isascii():
        return " ".join(text.lower().replace("`", "'").split())
    return key_of(text)


def _heading(spec: wb.SheetSpec, key: str) -> str:
    return spec.column(key).heading


def _report(
    ctx: ImportContext,
    spec: wb.SheetSpec,
    row: wb.ParsedRow,
    issues: Iterable[ValidationIssue],
    fields: Mapping[str, str],
) -> None:
    """The issues of a service rule, each under the column its field comes from."""
    for issue in issues:
        key = fields.get(issue.field)
        column = _heading(spec, key) if key is not None else None
        ctx.error(spec.name, row.number, column, issue.code, **issue.params)


def _duplicate(
    ctx: ImportContext,
    spec: wb.SheetSpec,
    row: wb.ParsedRow,
    key: tuple[object, ...],
    seen: dict[tuple[object, ...], int],
) -> bool:
    """Whether the row repeats the key of an earlier row of the sheet (reported once)."""
    first = seen.setdefault(key, row.number)
    if first == row.number:
        return False
    shown = []
    for name in spec.key:
        value = row.values.get(name)
        shown.append(format_date(value) if isinstance(value, date) else str(value))
    ctx.error(
        spec.name,
        row.number,
        _heading(spec, spec.key[0]),
        "import.duplicate_key",
        first=first,
        key=" / ".join(shown),
    )
    return True


def _household(ctx: ImportContext, spec: wb.SheetSpec, row: wb.ParsedRow) -> int | None:
    """The row's household, reported as unknown when neither the database nor the file has it."""
    reference = row.text("household")
    if reference is None:
        return None
    household_id = ctx.households.get(_key(reference))
    if household_id is None:
        ctx.error(
            spec.name,
            row.number,
            _heading(spec, "household"),
            "import.household_unknown",
            reference=reference,
        )
    return household_id


def _dwelling(ctx: ImportContext, spec: wb.SheetSpec, row: wb.ParsedRow) -> int | None:
    """The row's dwelling, reported as unknown when neither the database nor the file has it."""
    reference = row.text("dwelling")
    if reference is None:
        return None
    dwelling_id = ctx.dwellings.get(_key(reference))
    if dwelling_id is None:
        ctx.error(
            spec.name,
            row.number,
            _heading(spec, "dwelling"),
            "import.dwelling_unknown",
            reference=reference,
        )
    return dwelling_id


def _rate_input(row: wb.ParsedRow) -> RateInput | None:
    """The rate columns of a Contrats or Loyers row (None without a readable Loyer)."""
    rent = row.cents("rent")
    if rent is None:
        return None
    tiers = row.values.get("third_party_payment")
    return RateInput(
        rent=rent,
        charges=row.cents("charges") or 0,
        mandatory_services=row.cents("mandatory_services") or 0,
        optional_services=row.cents("optional_services") or 0,
        expected_benefit=row.cents("expected_benefit") or 0,
        tiers_payant=tiers is True,
        due_day=row.cents("due_day") or 5,
    )


def _due_day_issues(rate: RateInput) -> list[ValidationIssue]:
    if 1 <= rate.due_day <= _LAST_DUE_DAY:
        return []
    return [ValidationIssue("due_day", "rate.due_day_invalid", {"value": rate.due_day})]


def _rate_values(rate: RateInput | RentRate | None) -> dict[str, HistoryValue]:
    return {name: None if rate is None else getattr(rate, name) for name in _RATE_FIELDS}


def _contract_state(end: date | None, previous: str | None, today: date) -> str:
    """``ended`` once the last day has passed; a planned end keeps the contract running."""
    if end is not None and end < today:
        return "ended"
    return "terminated_occupant" if previous == "terminated_occupant" else "active"


def _lines(
    ctx: ImportContext,
    entity: str,
    entity_id: int,
    household_id: int | None,
    changes: Iterable[tuple[str, HistoryValue, HistoryValue]],
) -> None:
    """Old → new lines of the business history (dates, statuses, amounts; never free text)."""
    for name, old, new in changes:
        ctx.history(
            entity=entity,
            entity_id=entity_id,
            household_id=household_id,
            field=name,
            old=old,
            new=new,
        )


def _paid_from(ctx: ImportContext, contract_id: int, day: date) -> None:
    """The benefit paid from ``day``, recorded by the import itself (tiers payant starts)."""
    status = BenefitStatus(contract_id=contract_id, valid_from=day, status="paid")
    ctx.session.add(status)
    ctx.session.flush()
    ctx.implied_statuses.add(status.id)


# ------------------------------------------------------------------ Contrats


@dataclass(slots=True)
class _ContractRow:
    """A Contrats row once resolved and checked."""

    row: wb.ParsedRow
    household_id: int
    household: str
    dwelling: Dwelling
    programme: Programme
    kind: str
    start: date
    end: date | None
    rate: RateInput
    slid_on: date | None
    existing: OccupancyContract | None
    stay: Stay | None = None
    contract: OccupancyContract | None = None
    changed: bool = False


class _Contracts:
    """The state of the Contrats sheet's import (one instance per call)."""

    def __init__(self, ctx: ImportContext, spec: wb.SheetSpec) -> None:
        session = ctx.session
        self.ctx, self.spec, self.session = ctx, spec, session
        self.dwellings = {row.id: row for row in session.scalars(select(Dwelling))}
        self.programmes = {row.id: row for row in session.scalars(select(Programme))}
        self.contracts = list(session.scalars(select(OccupancyContract)))
        self.by_key = {(c.household_id, c.dwelling_id, c.start_date): c for c in self.contracts}
        self.plans = {plan.contract_id: plan for plan in session.scalars(select(SlidingPlan))}
        self.rates: dict[int, list[RentRate]] = defaultdict(list)
        for rate in session.scalars(select(RentRate).order_by(RentRate.valid_from)):
            self.rates[rate.contract_id].append(rate)
        self.latest_status: dict[int, date] = {}
        for contract_id, valid_from in session.execute(
            select(BenefitStatus.contract_id, BenefitStatus.valid_from)
        ):
            latest = self.latest_status.get(contract_id, valid_from)
            self.latest_status[contract_id] = max(latest, valid_from)
        self.stays: dict[int, list[Stay]] = defaultdict(list)
        for stay in session.scalars(select(Stay)):
            self.stays[stay.household_id].append(stay)
        self.parameters = parameters_in(session)

    # -------------------------------------------------------------- reading a row

    def resolve(self, row: wb.ParsedRow) -> _ContractRow | None:
        """The row matched to the database and checked; None when it cannot be used."""
        ctx, spec = self.ctx, self.spec
        household_id = _household(ctx, spec, row)
        dwelling_id = _dwelling(ctx, spec, row)
        kind, start, rate = row.text("kind"), row.day("start"), _rate_input(row)
        household = row.text("household")
        if (
            household_id is None
            or dwelling_id is None
            or kind is None
            or start is None
            or rate is None
            or household is None
        ):
            return None
        dwelling = self.dwellings[dwelling_id]
        item = _ContractRow(
            row=row,
            household_id=household_id,
            household=household,
            dwelling=dwelling,
            programme=self.programmes[dwelling.programme_id],
            kind=kind,
            start=start,
            end=row.day("end"),
            rate=rate,
            slid_on=row.day("glissement_on"),
            existing=self.by_key.get((household_id, dwelling_id, start)),
        )
        issues = _due_day_issues(rate) + self._kind_issues(item) + self._glissement_issues(item)
        if item.end is not None and item.end < start:
            issues.append(
                ValidationIssue(
                    "end",
                    "contract.end_before_start",
                    {"start": format_date(start), "end": format_date(item.end)},
                )
            )
        if item.existing is None:
            issues += self._stock_issues(item)
            item.stay = self._stay_at_start(item)
        else:
            stay_id = item.existing.stay_id
            item.stay = next(
                (s for s in self.stays[household_id] if s.id == stay_id), None
            ) or self._stay_at_start(item)
            issues += self._update_issues(item)
        if item.slid_on is not None and not issues:
            issues += self._closing_issues(item)
        _report(ctx, spec, row, issues, _CONTRACT_FIELDS)
        return None if issues else item

    def _kind_issues(self, item: _ContractRow) -> list[ValidationIssue]:
        """The kind must fit the dwelling's programme (`services.contracts`' table)."""
        if item.kind == RESIDENCE_AGREEMENT and item.dwelling.residence_id is None:
            return [ValidationIssue("kind", "contract.residence_required")]
        allowed = KINDS_BY_PROGRAMME.get(item.programme.kind, frozenset())
        if item.dwelling.residence_id is not None:
            allowed = allowed & {RESIDENCE_AGREEMENT}
        if item.kind in allowed:
            return []
        params: dict[str, object] = {
            "kind": v.CONTRACT_KIND.label(item.kind),
            "programme": item.programme.name,
        }
        return [ValidationIssue("kind", "contract.kind_not_allowed", params)]

    def _glissement_issues(self, item: _ContractRow) -> list[ValidationIssue]:  # noqa: PLR0911
        """A glissement date fits a sliding sublease, after its start, not in the future."""
        existing = item.existing
        plan = self.plans.get(existing.id) if existing is not None else None
        if plan is not None and plan.outcome == "slid":
            assert plan.slid_on is not None
            if item.slid_on != plan.slid_on:
                slid = format_date(plan.slid_on)
                return [ValidationIssue("slid_on", "import.glissement_changed", {"slid_on": slid})]
        if item.slid_on is None:
            return []
        if item.kind != SLIDING:
            return [ValidationIssue("slid_on", "import.glissement_not_sliding")]
        if plan is not None and plan.outcome == "failed":
            return [ValidationIssue("slid_on", "sliding.already_failed")]
        if item.slid_on <= item.start:
            start = format_date(item.start)
            return [ValidationIssue("slid_on", "sliding.slid_before_start", {"start": start})]
        last_day = item.slid_on - _ONE_DAY
        if last_day > self.ctx.today:
            slid_on = format_date(item.slid_on)
            return [ValidationIssue("slid_on", "sliding.slid_in_future", {"slid_on": slid_on})]
        if item.end is not None and item.end != last_day:
            params: dict[str, object] = {
                "slid_on": format_date(item.slid_on),
                "last_day": format_date(last_day),
            }
            return [ValidationIssue("end", "import.glissement_end_mismatch", params)]
        item.end = last_day
        return []

    def _stock_issues(self, item: _ContractRow) -> list[ValidationIssue]:
        """A new contract starts while the dwelling is in the stock."""
        dwelling, issues = item.dwelling, []
        if dwelling.returned_on is not None and dwelling.returned_on < item.start:
            returned = format_date(dwelling.returned_on)
            issues.append(
                ValidationIssue("start", "contract.dwelling_returned", {"returned_on": returned})
            )
        if dwelling.captured_on is not None and dwelling.captured_on > item.start:
            captured = format_date(dwelling.captured_on)
            issues.append(
                ValidationIssue("start", "contract.before_capture", {"captured_on": captured})
            )
        return issues

    def _stay_at_start(self, item: _ContractRow) -> Stay | None:
        covering = [
            stay
            for stay in self.stays[item.household_id]
            if stay.programme_id == item.programme.id
            and stay.entry_date <= item.start
            and (stay.exit_date is None or stay.exit_date >= item.start)
        ]
        return covering[0] if len(covering) == 1 else None

    def _update_issues(self, item: _ContractRow) -> list[ValidationIssue]:
        """A changed end may not come before a dated row; a sliding plan keeps its kind."""
        existing = item.existing
        assert existing is not None
        issues: list[ValidationIssue] = []
        if existing.kind == SLIDING and item.kind != SLIDING and existing.id in self.plans:
            issues.append(ValidationIssue("kind", "import.contract_kind_sliding"))
        if item.end is not None and item.end != existing.end_date and item.end >= item.start:
            later_rates = [r.valid_from for r in self.rates[existing.id] if r.valid_from > item.end]
            if later_rates:
                valid_from = format_date(max(later_rates))
                issues.append(
                    ValidationIssue("end", "contract.end_before_rate", {"valid_from": valid_from})
                )
            status = self.latest_status.get(existing.id)
            if status is not None and status > item.end:
                issues.append(
                    ValidationIssue(
                        "end",
                        "contract.end_before_benefit_status",
                        {"valid_from": format_date(status)},
                    )
                )
        return issues

    def _closing_issues(self, item: _ContractRow) -> list[ValidationIssue]:
        """What a glissement closes must be open, or closed on the sublease's last day."""
        assert item.slid_on is not None
        plan = self.plans.get(item.existing.id) if item.existing is not None else None
        if plan is not None and plan.outcome == "slid":
            return []  # recorded by an earlier import or in Seuil: left as it is
        last_day = item.slid_on - _ONE_DAY
        dates: dict[str, object] = {
            "slid_on": format_date(item.slid_on),
            "last_day": format_date(last_day),
        }
        stay = item.stay
        if stay is None:
            return [ValidationIssue("stay", "sliding.stay_missing")]
        issues: list[ValidationIssue] = []
        if stay.exit_date is not None and stay.exit_date < last_day:
            exit_on = format_date(stay.exit_date)
            issues.append(ValidationIssue("slid_on", "sliding.stay_closed", {"exit": exit_on}))
        elif stay.exit_date is not None and stay.exit_date != last_day:
            exit_on = format_date(stay.exit_date)
            issues.append(
                ValidationIssue("slid_on", "import.glissement_stay_exit", dates | {"exit": exit_on})
            )
        if stay.entry_date > last_day:
            entry = format_date(stay.entry_date)
            issues.append(ValidationIssue("slid_on", "sliding.slid_before_entry", {"entry": entry}))
        returned = item.dwelling.returned_on
        if returned is not None and returned != last_day:
            params = dates | {"returned_on": format_date(returned)}
            issues.append(ValidationIssue("slid_on", "import.glissement_dwelling_returned", params))
        return issues

    # -------------------------------------------------------------- the whole sheet

    def occupancy_issues(self, items: Sequence[_ContractRow]) -> set[int]:
        """Dwellings taking more households than their lots, or shared past a glissement.

        Returns the numbers of the rows concerned (reported on the dwelling's first row).
        """
        by_dwelling: dict[int, list[_ContractRow]] = defaultdict(list)
        for item in items:
            by_dwelling[item.dwelling.id].append(item)
        refused: set[int] = set()
        for dwelling_id, rows in by_dwelling.items():
            if all(row.existing is not None and row.existing.end_date == row.end for row in rows):
                continue  # nothing new in this dwelling
            replaced = {row.existing.id for row in rows if row.existing is not None}
            spans: list[tuple[int | None, date, date | None]] = [
                (c.id, c.start_date, c.end_date)
                for c in self.contracts
                if c.dwelling_id == dwelling_id and c.id not in replaced
            ]
            spans += [
                (
                    row.existing.id if row.existing is not None else -row.row.number,
                    row.start,
                    row.end,
                )
                for row in rows
            ]
            issues = check_occupancy(
                [(start, end) for _, start, end in spans], lots=self.dwellings[dwelling_id].lots
            )
            for row in rows:
                if row.slid_on is None or (
                    row.existing is not None
                    and self.plans.get(row.existing.id) is not None
                    and self.plans[row.existing.id].outcome == "slid"
                ):
                    continue
                me = row.existing.id if row.existing is not None else -row.row.number
                last_day = row.slid_on - _ONE_DAY
                if any(ident != me and (end is None or end > last_day) for ident, _, end in spans):
                    issues = [*issues, ValidationIssue("slid_on", "sliding.dwelling_shared")]
            if issues:
                first = min(rows, key=lambda r: r.row.number)
                _report(self.ctx, self.spec, first.row, issues, _CONTRACT_FIELDS)
                refused.update(row.row.number for row in rows)
        return refused

    def write(self, items: Sequence[_ContractRow]) -> None:
        """Create and update the contracts, then record the glissements."""
        ctx, session, sheet = self.ctx, self.session, self.spec.name
        new = [item for item in items if item.existing is None]
        for item in new:
            item.contract = OccupancyContract(
                household_id=item.household_id,
                dwelling_id=item.dwelling.id,
                stay_id=item.stay.id if item.stay is not None else None,
                kind=item.kind,
                start_date=item.start,
                end_date=item.end,
                state=_contract_state(item.end, None, ctx.today),
            )
            session.add(item.contract)
        session.flush()
        for item in new:
            self._created(item)
        for item in items:
            if item.existing is not None:
                item.contract = item.existing
                self._update(item)
        session.flush()
        for item in items:
            if item.slid_on is not None:
                self._slide(item)
        session.flush()
        for item in items:
            if item.existing is None:
                ctx.created(sheet, item.household_id)
            elif item.changed:
                ctx.updated(sheet, item.household_id)
            else:
                ctx.unchanged(sheet)

    def _created(self, item: _ContractRow) -> None:
        """The new contract's history, first rate, benefit status and sliding plan."""
        ctx, contract = self.ctx, item.contract
        assert contract is not None
        if item.stay is None:
            ctx.warn(
                self.spec.name,
                item.row.number,
                _heading(self.spec, "start"),
                "import.contract_without_stay",
                household=item.household,
                programme=item.programme.name,
                start=format_date(item.start),
            )
        self._lines(
            "occupancy_contract",
            contract.id,
            item,
            [
                ("start_date", None, item.start),
                ("end_date", None, item.end),
                ("state", None, contract.state),
            ],
        )
        self.rates[contract.id].append(self._new_rate(contract.id, item.start, item.rate))
        if item.rate.tiers_payant:
            _paid_from(ctx, contract.id, item.start)
        if item.kind == SLIDING:
            self._new_plan(item)

    def _lines(
        self,
        entity: str,
        entity_id: int,
        item: _ContractRow,
        changes: Iterable[tuple[str, HistoryValue, HistoryValue]],
    ) -> None:
        _lines(self.ctx, entity, entity_id, item.household_id, changes)

    def _new_rate(self, contract_id: int, valid_from: date, rate: RateInput) -> RentRate:
        row = RentRate(contract_id=contract_id, valid_from=valid_from, **_rate_values(rate))
        self.session.add(row)
        return row

    def _new_plan(self, item: _ContractRow) -> SlidingPlan:
        """A convention de glissement with the parameters in force on the contract start."""
        contract = item.contract
        assert contract is not None
        plan = SlidingPlan(
            contract_id=contract.id,
            review_period_months=self.parameters.int("sliding.review_months", item.start),
            max_months=self.parameters.int("sliding.max_months", item.start),
            outcome="in_progress",
        )
        self.session.add(plan)
        self.session.flush()
        self.plans[contract.id] = plan
        self._lines("sliding_plan", plan.id, item, [("outcome", None, "in_progress")])
        return plan

    def _update(self, item: _ContractRow) -> None:
        """Old → new of the kind, the end (and state) and the rate at the start."""
        contract = item.contract
        assert contract is not None
        if contract.kind != item.kind:
            self._lines(
                "occupancy_contract", contract.id, item, [("kind", contract.kind, item.kind)]
            )
            contract.kind = item.kind
            item.changed = True
            if item.kind == SLIDING and contract.id not in self.plans:
                self._new_plan(item)
        if contract.end_date != item.end and item.slid_on is None:
            state = _contract_state(item.end, contract.state, self.ctx.today)
            self._lines(
                "occupancy_contract",
                contract.id,
                item,
                [("end_date", contract.end_date, item.end), ("state", contract.state, state)],
            )
            contract.end_date, contract.state = item.end, state
            item.changed = True
        at_start = next(
            (r for r in self.rates[contract.id] if r.valid_from == contract.start_date), None
        )
        if at_start is None:
            self.rates[contract.id].insert(0, self._new_rate(contract.id, item.start, item.rate))
            item.changed = True
            return
        old, new = _rate_values(at_start), _rate_values(item.rate)
        changed = [name for name in _RATE_FIELDS if old[name] != new[name]]
        self._lines("rent_rate", at_start.id, item, [(n, old[n], new[n]) for n in changed])
        for name in changed:
            setattr(at_start, name, new[name])
        if changed:
            item.changed = True
            if item.rate.tiers_payant and contract.id not in self.latest_status:
                _paid_from(self.ctx, contract.id, item.start)

    def _slide(self, item: _ContractRow) -> None:
        """Record the glissement as `contracts.slide` does (see the module docstring)."""
        contract, slid_on, stay = item.contract, item.slid_on, item.stay
        assert contract is not None
        assert slid_on is not None
        assert stay is not None
        plan = self.plans.get(contract.id) or self._new_plan(item)
        if plan.outcome == "slid":
            return
        last_day = slid_on - _ONE_DAY
        item.changed = True
        self._lines(
            "sliding_plan",
            plan.id,
            item,
            [("outcome", plan.outcome, "slid"), ("slid_on", plan.slid_on, slid_on)],
        )
        plan.outcome, plan.slid_on = "slid", slid_on
        state = _contract_state(last_day, contract.state, self.ctx.today)
        if item.existing is not None:
            self._lines(
                "occupancy_contract",
                contract.id,
                item,
                [("end_date", contract.end_date, last_day), ("state", contract.state, state)],
            )
        contract.end_date, contract.state = last_day, state
        contract.end_reason = contract.end_reason or v.SLIDING_OUTCOME.label("slid")
        if stay.exit_date is None:
            self._lines(
                "stay",
                stay.id,
                item,
                [
                    ("exit_date", None, last_day),
                    ("destination", stay.destination, "slid"),
                    ("exit_reason", stay.exit_reason, "project_achieved"),
                ],
            )
            stay.exit_date, stay.destination = last_day, "slid"
            stay.exit_reason = "project_achieved"
        dwelling = item.dwelling
        if dwelling.returned_on is None:
            _lines(self.ctx, "dwelling", dwelling.id, None, [("returned_on", None, last_day)])
            dwelling.returned_on = last_day
        for lease in self.session.scalars(
            select(MainLease).where(
                MainLease.dwelling_id == dwelling.id, MainLease.start_date <= last_day
            )
        ):
            if lease.end_date is None or lease.end_date > last_day:
                _lines(
                    self.ctx, "main_lease", lease.id, None, [("end_date", lease.end_date, last_day)]
                )
                lease.end_date = last_day


def import_contracts(ctx: ImportContext, sheet: wb.ParsedSheet | None) -> None:
    """Contrats: one contract per (household, dwelling, start), with its rate at the start."""
    if sheet is None:
        return
    state = _Contracts(ctx, sheet.spec)
    seen: dict[tuple[object, ...], int] = {}
    items: list[_ContractRow] = []
    for row in sheet.rows:
        household, dwelling, start = row.text("household"), row.text("dwelling"), row.day("start")
        if household is not None and dwelling is not None and start is not None:
            key = (_key(household), _key(dwelling), start)
            if _duplicate(ctx, sheet.spec, row, key, seen):
                continue
        item = state.resolve(row)
        if item is not None:
            items.append(item)
    refused = state.occupancy_issues(items)
    state.write([item for item in items if item.row.number not in refused])


# ------------------------------------------------------------------ Loyers and Statut APL


class _Dated:
    """What the Loyers and Statut APL sheets share: finding the contract of a row."""

    def __init__(self, ctx: ImportContext, spec: wb.SheetSpec) -> None:
        self.ctx, self.spec, self.session = ctx, spec, ctx.session
        self.by_key = {
            (c.household_id, c.dwelling_id, c.start_date): c
            for c in self.session.scalars(select(OccupancyContract))
        }
        self.seen: dict[tuple[object, ...], int] = {}

    def contract(self, row: wb.ParsedRow) -> tuple[OccupancyContract, date] | None:
        """The row's contract and date of effect, or None (reported) when it cannot be used."""
        ctx, spec = self.ctx, self.spec
        household, dwelling = row.text("household"), row.text("dwelling")
        start, valid_from = row.day("contract_start"), row.day("effective_from")
        if household is None or dwelling is None or start is None or valid_from is None:
            return None
        key = (_key(household), _key(dwelling), start, valid_from)
        if _duplicate(ctx, spec, row, key, self.seen):
            return None
        household_id = _household(ctx, spec, row)
        dwelling_id = _dwelling(ctx, spec, row)
        if household_id is None or dwelling_id is None:
            return None
        contract = self.by_key.get((household_id, dwelling_id, start))
        if contract is None:
            ctx.error(
                spec.name,
                row.number,
                _heading(spec, "contract_start"),
                "import.contract_unknown",
                household=household,
                dwelling=dwelling,
                start=format_date(start),
            )
            return None
        return contract, valid_from


def _period_issue(
    contract: OccupancyContract, valid_from: date, before: str, after: str
) -> list[ValidationIssue]:
    if valid_from < contract.start_date:
        start = format_date(contract.start_date)
        return [ValidationIssue("valid_from", before, {"start": start})]
    if contract.end_date is not None and valid_from > contract.end_date:
        return [ValidationIssue("valid_from", after, {"end": format_date(contract.end_date)})]
    return []


def import_rates(ctx: ImportContext, sheet: wb.ParsedSheet | None) -> None:
    """Loyers: the rate of a contract from a date after its start (a row per change)."""
    if sheet is None:
        return
    spec, name = sheet.spec, sheet.spec.name
    dated = _Dated(ctx, spec)
    rates: dict[int, list[RentRate]] = defaultdict(list)
    for stored in ctx.session.scalars(select(RentRate).order_by(RentRate.valid_from)):
        rates[stored.contract_id].append(stored)
    with_status = set(ctx.session.scalars(select(BenefitStatus.contract_id).distinct()))
    ready: list[tuple[OccupancyContract, date, RateInput]] = []
    for row in sheet.rows:
        found = dated.contract(row)
        rate = _rate_input(row)
        if found is None or rate is None:
            continue
        contract, valid_from = found
        issues = _due_day_issues(rate) + _period_issue(
            contract, valid_from, "rate.before_start", "rate.after_end"
        )
        if valid_from == contract.start_date:
            start = format_date(contract.start_date)
            issues = [
                ValidationIssue("valid_from", "import.rate_at_contract_start", {"start": start})
            ]
        _report(ctx, spec, row, issues, _DATED_FIELDS)
        if not issues:
            ready.append((contract, valid_from, rate))
    for contract, valid_from, rate in sorted(ready, key=lambda r: (r[0].id, r[1])):
        held = rates[contract.id]
        previous = max(
            (r for r in held if r.valid_from <= valid_from),
            key=lambda r: r.valid_from,
            default=None,
        )
        old, new = _rate_values(previous), _rate_values(rate)
        changed = [key for key in _RATE_FIELDS if old[key] != new[key]]
        if previous is not None and previous.valid_from == valid_from:
            _lines(
                ctx,
                "rent_rate",
                previous.id,
                contract.household_id,
                [(key, old[key], new[key]) for key in changed],
            )
            for key in changed:
                setattr(previous, key, new[key])
            if not changed:
                ctx.unchanged(name)
                continue
            ctx.updated(name, contract.household_id)
        else:
            created = RentRate(contract_id=contract.id, valid_from=valid_from, **new)
            ctx.session.add(created)
            ctx.session.flush()
            held.append(created)
            _lines(
                ctx,
                "rent_rate",
                created.id,
                contract.household_id,
                [(key, old[key], new[key]) for key in changed],
            )
            ctx.created(name, contract.household_id)
        if rate.tiers_payant and contract.id not in with_status:
            _paid_from(ctx, contract.id, valid_from)
            with_status.add(contract.id)
    ctx.session.flush()


def import_benefit_statuses(ctx: ImportContext, sheet: wb.ParsedSheet | None) -> None:
    """Statut APL: the housing benefit's status of a contract from a date."""
    if sheet is None:
        return
    spec, name = sheet.spec, sheet.spec.name
    dated = _Dated(ctx, spec)
    statuses: dict[int, list[BenefitStatus]] = defaultdict(list)
    for stored in ctx.session.scalars(select(BenefitStatus)):
        statuses[stored.contract_id].append(stored)
    ready: list[tuple[OccupancyContract, date, str]] = []
    for row in sheet.rows:
        found = dated.contract(row)
        status = row.text("status")
        if found is None or status is None:
            continue
        contract, valid_from = found
        issues = _period_issue(
            contract, valid_from, "contract.benefit_before_start", "contract.benefit_after_end"
        )
        _report(ctx, spec, row, issues, _DATED_FIELDS)
        if not issues:
            ready.append((contract, valid_from, status))
    for contract, valid_from, status in sorted(ready, key=lambda r: (r[0].id, r[1])):
        held = statuses[contract.id]
        previous = max(
            (s for s in held if s.valid_from <= valid_from),
            key=lambda s: s.valid_from,
            default=None,
        )
        old = previous.status if previous is not None else None
        if previous is not None and previous.valid_from == valid_from:
            implied = previous.id in ctx.implied_statuses  # recorded by this import itself
            if old != status:
                _lines(
                    ctx,
                    "benefit_status",
                    previous.id,
                    contract.household_id,
                    [("status", old, status)],
                )
                previous.status = status
            if implied:
                ctx.created(name, contract.household_id)
            elif old == status:
                ctx.unchanged(name)
            else:
                ctx.updated(name, contract.household_id)
        else:
            created = BenefitStatus(contract_id=contract.id, valid_from=valid_from, status=status)
            ctx.session.add(created)
            ctx.session.flush()
            held.append(created)
            _lines(
                ctx, "benefit_status", created.id, contract.household_id, [("status", old, status)]
            )
            ctx.created(name, contract.household_id)
    ctx.session.flush()


# ------------------------------------------------------------------ Mouvements


@dataclass(slots=True)
class _Entry:
    """A ledger entry of a movement: already in the database (``entry_id``) or to insert."""

    contract_id: int
    kind: str
    amount: int
    posted_on: date
    period: date | None = None
    nature: str | None = None
    reason: str | None = None
    first_default_on: date | None = None
    entry_id: int | None = None
    reverses: _Entry | None = None
    reverses_key: str | None = None  # stored entries: the reference of the entry reversed


@dataclass(slots=True)
class _Deposit:
    """A deposit movement already imported."""

    contract_id: int
    kind: str
    amount: int
    posted_on: date


@dataclass(slots=True)
class _Stored:
    """What one reference wrote in an earlier import."""

    reference: str
    entries: list[_Entry] = field(default_factory=list)
    deposits: list[_Deposit] = field(default_factory=list)

    @property
    def contract_id(self) -> int:
        return self.deposits[0].contract_id if self.deposits else self.entries[0].contract_id

    @property
    def posted_on(self) -> date:
        return self.deposits[0].posted_on if self.deposits else self.entries[0].posted_on

    def fingerprint(self) -> tuple[object, ...]:
        """What the file row said, as far as the database can tell (see `_Movement`)."""
        if self.deposits:
            d = self.deposits[0]
            return (d.contract_id, f"deposit_{d.kind}", d.posted_on, d.amount)
        first = self.entries[0]
        total = sum(entry.amount for entry in self.entries)
        if first.kind == "reversal":
            return (
                first.contract_id,
                "reversal",
                first.posted_on,
                total,
                first.reason,
                first.reverses_key,
            )
        if first.kind == "charge":
            natures = {entry.nature for entry in self.entries}
            nature = "rate" if natures <= RATE_NATURES else first.nature
            return (
                first.contract_id,
                "charge",
                first.posted_on,
                first.period,
                total,
                nature,
                first.reason,
            )
        return (
            first.contract_id,
            first.kind,
            first.posted_on,
            first.period,
            first.amount,
            first.nature,
            first.reason,
            first.first_default_on,
        )


@dataclass(slots=True)
class _Movement:
    """A Mouvements row once read; ``entries`` and ``deposit`` once planned."""

    row: wb.ParsedRow
    reference: str
    key: str
    type: str
    household: str
    posted_on: date
    amount: int
    period: date | None
    nature: str | None
    reason: str | None
    first_default_on: date | None
    target: str | None
    household_id: int
    dwelling_id: int | None
    contract: OccupancyContract | None = None
    stored: _Stored | None = None
    entries: list[_Entry] = field(default_factory=list)
    deposit: str | None = None
    planned: bool = False

    @property
    def ledger_kind(self) -> str | None:
        return _LEDGER_KIND.get(self.type)

    def fingerprint(self) -> tuple[object, ...]:
        """The values that identify the movement: a second import compares them."""
        assert self.contract is not None
        contract_id = self.contract.id
        if self.type in _DEPOSIT_KIND:
            return (contract_id, f"deposit_{_DEPOSIT_KIND[self.type]}", self.posted_on, self.amount)
        if self.type == "reversal":
            return (contract_id, "reversal", self.posted_on, self.amount, self.reason, self.target)
        if self.ledger_kind == "charge":
            nature = _CHARGE_NATURE.get(self.type, "rent")
            shown = "rate" if nature in RATE_NATURES else nature
            return (
                contract_id,
                "charge",
                self.posted_on,
                self.period,
                self.amount,
                shown,
                self.reason,
            )
        signed = -self.amount if self.type == "adjustment_credit" else self.amount
        return (
            contract_id,
            self.ledger_kind,
            self.posted_on,
            self.period,
            signed,
            self.nature if self.type == "adjustment_debit" else None,
            self.reason,
            self.first_default_on,
        )


def _nature_issues(m: _Movement) -> list[ValidationIssue]:
    """A nature for a debit adjustment (required) or a charge of that nature, and only then."""
    if m.type == "adjustment_debit":
        return [] if m.nature is not None else [ValidationIssue("nature", "ledger.nature_required")]
    if m.nature is not None and m.nature != _CHARGE_NATURE.get(m.type):
        return [ValidationIssue("nature", "ledger.nature_not_allowed")]
    return []


def _runs_on(contract: OccupancyContract, day: date) -> bool:
    return contract.start_date <= day and (contract.end_date is None or contract.end_date >= day)


def _runs_in(contract: OccupancyContract, month: date) -> bool:
    last = add_months(month, 1) - _ONE_DAY
    return contract.start_date <= last and (contract.end_date is None or contract.end_date >= month)


class _Movements:
    """The state of the Mouvements sheet's import (one instance per call)."""

    def __init__(self, ctx: ImportContext, spec: wb.SheetSpec) -> None:
        session = ctx.session
        self.ctx, self.spec, self.session = ctx, spec, session
        self.contracts = {c.id: c for c in session.scalars(select(OccupancyContract))}
        self.by_household: dict[int, list[OccupancyContract]] = defaultdict(list)
        for contract in self.contracts.values():
            self.by_household[contract.household_id].append(contract)
        self.dwelling_refs = dict(session.execute(select(Dwelling.id, Dwelling.reference)).all())
        self.closed = closed_month_starts(session)
        self.stored = self._stored()
        self.reversed_ids: set[int] = set(
            session.scalars(
                select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
            )
        )
        self.seen: dict[tuple[object, ...], int] = {}
        self.calls: dict[tuple[int, date], int] = {}
        self.cancelled: set[str] = set()
        self.rates: dict[int, list[RateSpan]] = defaultdict(list)
        self.indemnity: dict[int, date] = {}
        self.charged: dict[tuple[int, date], set[str | None]] = defaultdict(set)

    def _stored(self) -> dict[str, _Stored]:
        """Every reference imported before, with its entries and deposit movements."""
        stored: dict[str, _Stored] = {}
        by_id: dict[int, _Entry] = {}
        keys: dict[int, str] = {}
        reverses: dict[int, int] = {}
        rows = self.session.execute(
            select(
                LedgerEntry.id,
                LedgerEntry.contract_id,
                LedgerEntry.kind,
                LedgerEntry.amount,
                LedgerEntry.posted_on,
                LedgerEntry.period_month,
                LedgerEntry.nature,
                LedgerEntry.reason,
                LedgerEntry.first_default_on,
                LedgerEntry.reverses_id,
                LedgerEntry.import_reference,
            )
            .where(LedgerEntry.import_reference.is_not(None))
            .order_by(LedgerEntry.id)
        )
        for entry_id, contract_id, kind, amount, posted_on, period, nature, *rest in rows:
            reason, first_default_on, reverses_id, reference = rest
            assert reference is not None
            entry = _Entry(
                contract_id, kind, amount, posted_on, period, nature, reason, first_default_on
            )
            entry.entry_id = entry_id
            key = _key(reference)
            held = stored.get(key)
            if held is None:
                held = stored[key] = _Stored(reference)
            held.entries.append(entry)
            by_id[entry_id], keys[entry_id] = entry, key
            if reverses_id is not None:
                reverses[entry_id] = reverses_id
        for entry_id, target in reverses.items():
            by_id[entry_id].reverses_key = keys.get(target)
        for deposit in self.session.execute(
            select(
                DepositEntry.contract_id,
                DepositEntry.kind,
                DepositEntry.amount,
                DepositEntry.posted_on,
                DepositEntry.import_reference,
            ).where(DepositEntry.import_reference.is_not(None))
        ):
            key = _key(deposit.import_reference)
            stored.setdefault(key, _Stored(deposit.import_reference)).deposits.append(
                _Deposit(deposit.contract_id, deposit.kind, deposit.amount, deposit.posted_on)
            )
        return stored

    def error(
        self, m: _Movement | wb.ParsedRow, column: str | None, code: str, **params: object
    ) -> None:
        row = m.row if isinstance(m, _Movement) else m
        heading = _heading(self.spec, column) if column is not None else None
        self.ctx.error(self.spec.name, row.number, heading, code, **params)

    # -------------------------------------------------------------- reading a row

    def read(self, row: wb.ParsedRow) -> _Movement | None:
        """The row's values and, but for a reversal, its contract; None when unusable."""
        reference, household = row.text("reference"), row.text("household")
        kind, posted_on, amount = row.text("type"), row.day("posted_on"), row.cents("amount")
        key = _key(reference) if reference is not None else None
        if key is not None and _duplicate(self.ctx, self.spec, row, (key,), self.seen):
            return None
        household_id = _household(self.ctx, self.spec, row)
        named = row.text("dwelling") is not None
        dwelling_id = _dwelling(self.ctx, self.spec, row) if named else None
        if (
            reference is None
            or key is None
            or household is None
            or household_id is None
            or kind is None
            or posted_on is None
            or amount is None
            or (named and dwelling_id is None)
        ):
            return None
        period = row.day("period_month")
        if period is None and kind in _CHARGE_NATURE:
            period = month_start(posted_on)  # a repair or a fee concerns the month it is dated
        target = row.text("reversed_reference")
        movement = _Movement(
            row=row,
            reference=reference,
            key=key,
            type=kind,
            household=household,
            posted_on=posted_on,
            amount=amount,
            period=period,
            nature=row.text("nature"),
            reason=row.text("reason"),
            first_default_on=row.day("first_default_on"),
            target=_key(target) if target is not None else None,
            household_id=household_id,
            dwelling_id=dwelling_id,
            stored=self.stored.get(key),
        )
        if kind == "reversal":
            return movement  # its contract is the one of the movement it cancels
        movement.contract = self._contract_of(movement, household_id, dwelling_id)
        return movement if movement.contract is not None else None

    def _contract_of(
        self, movement: _Movement, household_id: int, dwelling_id: int | None
    ) -> OccupancyContract | None:
        """The household's only contract, else the one running in the month or on the date."""
        candidates = self.by_household.get(household_id, [])
        if dwelling_id is not None:
            candidates = [c for c in candidates if c.dwelling_id == dwelling_id]
        if not candidates:
            if dwelling_id is not None:
                self.error(
                    movement,
                    "dwelling",
                    "import.movement_no_contract_dwelling",
                    household=movement.household,
                    dwelling=self.dwelling_refs.get(dwelling_id, ""),
                )
            else:
                self.error(
                    movement,
                    "household",
                    "import.movement_no_contract",
                    household=movement.household,
                )
            return None
        if len(candidates) == 1:
            return candidates[0]
        if movement.period is not None:
            running = [c for c in candidates if _runs_in(c, movement.period)]
            if len(running) > 1:
                running = [c for c in running if _runs_on(c, movement.posted_on)]
        else:
            running = [c for c in candidates if _runs_on(c, movement.posted_on)]
        if len(running) == 1:
            return running[0]
        dwellings = sorted({self.dwelling_refs.get(c.dwelling_id, "") for c in candidates})
        self.error(
            movement,
            "dwelling",
            "import.contract_ambiguous",
            household=movement.household,
            dwellings=", ".join(dwellings),
        )
        return None

    # -------------------------------------------------------------- reversals' targets

    def link_reversals(self, movements: Sequence[_Movement]) -> None:
        """Give each reversal the contract of the movement it cancels, or report why not."""
        in_file = {m.key: m for m in movements if m.type != "reversal"}
        reversals = {m.key for m in movements if m.type == "reversal"}
        for m in movements:
            if m.type != "reversal":
                continue
            if m.target is None:
                self.error(m, "reversed_reference", "import.reversed_reference_required")
                continue
            shown = m.row.text("reversed_reference") or ""
            target = in_file.get(m.target)
            stored = self.stored.get(m.target) if target is None else None
            if target is not None:
                contract, kind = target.contract, target.type
            elif stored is not None:
                contract = self.contracts[stored.contract_id]
                kind = (
                    f"deposit_{stored.deposits[0].kind}"
                    if stored.deposits
                    else (stored.entries[0].kind)
                )
            elif m.target in reversals:
                contract, kind = None, "reversal"
            else:
                self.error(m, "reversed_reference", "import.reversed_unknown", reference=shown)
                continue
            if kind == "reversal":
                self.error(m, "reversed_reference", "ledger.reversal_of_reversal")
            elif kind in ("deposit_received", "deposit_refunded"):
                self.error(m, "reversed_reference", "import.reversal_of_deposit")
            elif contract is not None and (
                contract.household_id != m.household_id
                or (m.dwelling_id is not None and contract.dwelling_id != m.dwelling_id)
            ):
                self.error(
                    m, "reversed_reference", "import.reversal_other_household", reference=shown
                )
            else:
                m.contract = contract

    def classify(self, movements: Sequence[_Movement]) -> list[_Movement]:
        """Rows imported before: unchanged, or refused when anything differs; the new ones."""
        new: list[_Movement] = []
        for m in movements:
            if m.contract is None:
                continue
            if m.stored is None:
                new.append(m)
            elif m.stored.fingerprint() == m.fingerprint():
                self.ctx.unchanged(self.spec.name)
            else:
                self.error(m, "reference", "import.movement_changed", reference=m.reference)
        return new

    # -------------------------------------------------------------- checking new rows

    def _rules(self, m: _Movement) -> list[ValidationIssue]:
        """What the ledger services ask of a posting of this kind (`services.ledger`)."""
        assert m.contract is not None
        issues: list[ValidationIssue] = []
        if m.amount == 0:
            issues.append(ValidationIssue("amount", "ledger.amount_zero"))
        if m.target is not None and m.type != "reversal":
            issues.append(
                ValidationIssue("reversed_reference", "import.reversed_reference_not_allowed")
            )
        if m.reason is None and (m.type in _REASON_REQUIRED or m.type == "reversal"):
            issues.append(ValidationIssue("reason", "ledger.reason_required"))
        elif m.reason is not None and len(m.reason) > _REASON_MAX:
            issues.append(
                ValidationIssue("reason", "ledger.reason_too_long", {"maximum": _REASON_MAX})
            )
        issues += _nature_issues(m)
        if m.type in _PERIOD_REQUIRED and m.period is None:
            issues.append(ValidationIssue("period_month", "ledger.period_required"))
        elif m.period is not None and m.type in _DEPOSIT_KIND:
            issues.append(ValidationIssue("period_month", "import.period_not_allowed"))
        if m.type == "opening_balance":
            if m.first_default_on is None:
                issues.append(ValidationIssue("first_default_on", "ledger.first_default_required"))
            elif m.first_default_on > m.posted_on:
                dates: dict[str, object] = {
                    "first_default": format_date(m.first_default_on),
                    "posted_on": format_date(m.posted_on),
                }
                issues.append(
                    ValidationIssue("first_default_on", "ledger.first_default_after_posting", dates)
                )
        elif m.first_default_on is not None:
            issues.append(ValidationIssue("first_default_on", "ledger.first_default_not_allowed"))
        issues += posting_date_issues(m.posted_on, self.ctx.today, self.closed)
        kind = m.ledger_kind
        if kind is not None and kind != "reversal":
            posting = Posting(
                kind=kind,
                amount=m.amount,
                posted_on=m.posted_on,
                period=m.period,
                nature=m.nature,
                payer=None,
                method=None,
                reference=None,
                reason=m.reason,
                first_default_on=m.first_default_on,
            )
            issues += period_issues(m.contract, posting, self.closed)
        return issues

    def load_rates(self, contract_ids: Iterable[int]) -> None:
        """The rates, terminations and charged months an ``Appel`` is checked against."""
        ids = sorted(set(contract_ids))
        for start in range(0, len(ids), 5_000):
            chunk = ids[start : start + 5_000]
            for rate in self.session.scalars(
                select(RentRate)
                .where(RentRate.contract_id.in_(chunk))
                .order_by(RentRate.valid_from)
            ):
                self.rates[rate.contract_id].append(
                    RateSpan(
                        rate.valid_from,
                        rate.rent,
                        rate.charges,
                        rate.mandatory_services,
                        rate.optional_services,
                        rate.expected_benefit,
                        rate.tiers_payant,
                        rate.due_day,
                    )
                )
            kept = history_values(self.session, "occupancy_contract", chunk, ("terminated_on",))
            for (contract_id, _), value in kept.items():
                if value:
                    self.indemnity[contract_id] = date.fromisoformat(value)
            for contract_id, month, reference in self.session.execute(
                select(
                    LedgerEntry.contract_id, LedgerEntry.period_month, LedgerEntry.import_reference
                )
                .where(
                    LedgerEntry.contract_id.in_(chunk),
                    LedgerEntry.kind == "charge",
                    LedgerEntry.nature.in_(sorted(RATE_NATURES)),
                )
                .distinct()
            ):
                if month is not None:
                    self.charged[(contract_id, month)].add(
                        _key(reference) if reference is not None else None
                    )

    def _call(self, m: _Movement) -> tuple[list[ValidationIssue], list[_Entry]]:
        """An ``Appel``: the components of the rate in force, summing to the file's amount."""
        contract, period = m.contract, m.period
        assert contract is not None
        if period is None:
            return [], []  # reported by the rules
        month = period.strftime("%m/%Y")
        charges = month_charges(
            period,
            start=contract.start_date,
            end=contract.end_date,
            rates=self.rates[contract.id],
            indemnity_from=self.indemnity.get(contract.id),
        )
        issues: list[ValidationIssue] = []
        if charges is None:
            issues.append(ValidationIssue("amount", "import.call_nothing_due", {"month": month}))
        elif charges.total != m.amount:
            params: dict[str, object] = {
                "month": month,
                "amount": format_eur(m.amount),
                "expected": format_eur(charges.total),
            }
            issues.append(ValidationIssue("amount", "import.call_amount_mismatch", params))
        if self.charged.get((contract.id, period), set()) - {m.key}:
            issues.append(
                ValidationIssue("period_month", "import.call_month_charged", {"month": month})
            )
        first = self.calls.setdefault((contract.id, period), m.row.number)
        if first != m.row.number:
            issues.append(
                ValidationIssue(
                    "period_month", "import.call_month_twice", {"month": month, "first": first}
                )
            )
        if issues or charges is None:
            return issues, []
        entries = [
            _Entry(contract.id, "charge", cents, m.posted_on, period, nature, m.reason)
            for nature, cents in charges.parts
        ]
        return [], entries

    def plan(self, m: _Movement) -> None:
        """Check a new row and, when it is right, the entries it will write."""
        contract = m.contract
        assert contract is not None
        issues = self._rules(m)
        entries: list[_Entry] = []
        kind = m.ledger_kind
        if m.type == "call":
            found, entries = self._call(m)
            issues += found
        elif m.type in _DEPOSIT_KIND:
            m.deposit = _DEPOSIT_KIND[m.type]
            if m.deposit == "applied":
                entries = [_Entry(contract.id, "deposit_applied", m.amount, m.posted_on)]
        elif kind is not None and kind != "reversal":
            entries = [
                _Entry(
                    contract.id,
                    kind,
                    -m.amount if m.type == "adjustment_credit" else m.amount,
                    m.posted_on,
                    m.period,
                    _CHARGE_NATURE.get(m.type, m.nature if m.type == "adjustment_debit" else None),
                    m.reason,
                    m.first_default_on,
                )
            ]
        _report(self.ctx, self.spec, m.row, issues, _MOVEMENT_FIELDS)
        if not issues:
            m.entries, m.planned = entries, True

    def check_deposits(self, movements: Sequence[_Movement]) -> None:
        """What leaves the deposit may not exceed what is held then (nor later), date by date."""
        rows = [m for m in movements if m.planned and m.deposit is not None]
        if not rows:
            return
        returns = {
            m.target: m.posted_on
            for m in movements
            if m.type == "reversal" and m.target is not None
        }
        assert all(m.contract is not None for m in rows)
        ids = sorted({m.contract.id for m in rows if m.contract is not None})
        held = deposit_movements(self.session, ids)
        by_contract: dict[int, list[_Movement]] = defaultdict(list)
        for m in rows:
            assert m.contract is not None
            by_contract[m.contract.id].append(m)
        for contract_id, moves in by_contract.items():
            current = list(held.get(contract_id, []))
            current += [
                DepositMovement(m.posted_on, "received", m.amount)
                for m in moves
                if m.deposit == "received"
            ]
            for m in sorted(moves, key=lambda m: (m.posted_on, m.row.number)):
                if m.deposit == "received":
                    continue
                available = deposit_available(current, m.posted_on)
                if m.amount > available:
                    params: dict[str, object] = {
                        "held": format_eur(max(available, 0)),
                        "amount": format_eur(m.amount),
                    }
                    _report(
                        self.ctx,
                        self.spec,
                        m.row,
                        [ValidationIssue("amount", "ledger.deposit_exceeds_held", params)],
                        _MOVEMENT_FIELDS,
                    )
                    m.planned = False
                    continue
                back = returns.get(m.key) if m.deposit == "applied" else None
                current.append(DepositMovement(m.posted_on, m.deposit or "", m.amount, back))

    def plan_reversal(self, m: _Movement, in_file: Mapping[str, _Movement]) -> None:
        """A new ``Annulation``: one reversal per entry of the movement it cancels."""
        assert m.target is not None
        issues = self._rules(m)
        target = in_file.get(m.target)
        stored = target.stored if target is not None else self.stored.get(m.target)
        entries: list[_Entry] | None = None
        if target is not None and stored is None:
            if target.planned:  # else the cancelled row has its own errors
                entries, posted_on = target.entries, target.posted_on
        elif stored is not None:
            entries, posted_on = stored.entries, stored.posted_on
        if entries is not None:
            if m.target in self.cancelled or any(
                e.entry_id is not None and e.entry_id in self.reversed_ids for e in entries
            ):
                issues.append(ValidationIssue("reversed_reference", "ledger.already_reversed"))
            total = abs(sum(entry.amount for entry in entries))
            if total != m.amount:
                params: dict[str, object] = {
                    "amount": format_eur(m.amount),
                    "expected": format_eur(total),
                }
                issues.append(ValidationIssue("amount", "import.reversal_amount_mismatch", params))
            months = {entry.period for entry in entries}
            if m.period is not None and months != {m.period}:
                shown = ", ".join(sorted(d.strftime("%m/%Y") for d in months if d is not None))
                issues.append(
                    ValidationIssue(
                        "period_month", "import.reversal_period_mismatch", {"month": shown or "–"}
                    )
                )
            if m.posted_on < posted_on:
                dates: dict[str, object] = {
                    "posted_on": format_date(m.posted_on),
                    "entry": format_date(posted_on),
                }
                issues.append(ValidationIssue("posted_on", "ledger.reversal_before_entry", dates))
            self.cancelled.add(m.target)
        _report(self.ctx, self.spec, m.row, issues, _MOVEMENT_FIELDS)
        if issues or entries is None:
            return
        m.entries = [
            _Entry(
                entry.contract_id,
                "reversal",
                abs(entry.amount),
                m.posted_on,
                entry.period,
                reason=m.reason,
                reverses=entry,
            )
            for entry in entries
        ]
        m.planned = True

    # -------------------------------------------------------------- writing

    def _insert(
        self, pairs: Sequence[tuple[_Movement, _Entry]], now: datetime, *, ids: bool
    ) -> None:
        """Insert entries in bulk (Core, not ORM); with ``ids`` each `_Entry` learns its id.

        Only the entries a reversal or a deposit movement points at need their ids back: the
        others go through the driver's plain ``executemany``, much faster.
        """
        if not pairs:
            return
        rows = [
            {
                "contract_id": entry.contract_id,
                "posted_on": entry.posted_on,
                "period_month": entry.period,
                "kind": entry.kind,
                "nature": entry.nature,
                "amount": entry.amount,
                "generated": False,
                "reason": entry.reason,
                "first_default_on": entry.first_default_on,
                "reverses_id": entry.reverses.entry_id if entry.reverses is not None else None,
                "import_reference": m.reference,
                "created_at": now,
                "created_by": self.ctx.user_id,
            }
            for m, entry in pairs
        ]
        table = LedgerEntry.metadata.tables["ledger_entry"]
        connection = self.session.connection()
        if not ids:
            connection.execute(insert(table), rows)
            return
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        new_ids = list(connection.execute(statement, rows).scalars())
        for (_, entry), entry_id in zip(pairs, new_ids, strict=True):
            entry.entry_id = entry_id

    def write(self, movements: Sequence[_Movement]) -> None:
        """Entries, deposit movements, then reversals (they need the ids they cancel)."""
        now = datetime.now(UTC)
        planned = [m for m in movements if m.planned]
        wanted = {
            id(entry.reverses)
            for m in planned
            if m.type == "reversal"
            for entry in m.entries
            if entry.reverses is not None
        }
        # In the file's order (allocation replays same-day entries in entry order), in runs:
        # those a reversal or a deposit movement points at come back with their ids.
        first = [(m, e) for m in planned if m.type != "reversal" for e in m.entries]
        for needs_id, run in groupby(
            first, key=lambda p: p[0].deposit is not None or id(p[1]) in wanted
        ):
            self._insert(list(run), now, ids=needs_id)
        deposits = [
            {
                "contract_id": m.contract.id,
                "posted_on": m.posted_on,
                "kind": m.deposit,
                "amount": m.amount,
                "ledger_entry_id": m.entries[0].entry_id if m.entries else None,
                "import_reference": m.reference,
                "created_at": now,
                "created_by": self.ctx.user_id,
            }
            for m in planned
            if m.deposit is not None and m.contract is not None
        ]
        if deposits:
            self.session.connection().execute(
                insert(DepositEntry.metadata.tables["deposit_entry"]), deposits
            )
        reversals = [(m, e) for m in planned if m.type == "reversal" for e in m.entries]
        self._insert(reversals, now, ids=False)
        for m in planned:
            assert m.contract is not None
            self.ctx.created(self.spec.name, m.contract.household_id)


def _set_go_live(ctx: ImportContext, movements: Sequence[_Movement]) -> None:
    """When it is empty, the go-live date follows the file's latest ``Appel`` month (§3.2)."""
    if not movements:
        return
    rows = ctx.session.execute(
        select(Parameter.id, Parameter.value).where(
            Parameter.key == _GO_LIVE, Parameter.scope == ""
        )
    ).all()
    if any(go_live_date(json.loads(value)) is not None for _, value in rows):
        return
    months = [m.period for m in movements if m.type == "call" and m.period is not None]
    day = add_months(max(months), 1) if months else month_start(ctx.today)
    value = json.dumps(day.isoformat())
    if rows:
        ctx.session.execute(
            update(Parameter).where(Parameter.id.in_([row.id for row in rows])).values(value=value)
        )
    else:
        ctx.session.add(
            Parameter(key=_GO_LIVE, scope="", valid_from=PLAIN_SETTING_DATE, value=value)
        )
    audit.record(
        ctx.session,
        actor=ctx.actor.login,
        user_id=ctx.user_id,
        action="settings",
        entity="parameter",
        fields=(_GO_LIVE,),
    )


def import_movements(ctx: ImportContext, sheet: wb.ParsedSheet | None) -> None:
    """Mouvements: every row a ledger or deposit movement, kept with its reference."""
    if sheet is None:
        return
    work = _Movements(ctx, sheet.spec)
    movements = [m for m in (work.read(row) for row in sheet.rows) if m is not None]
    work.link_reversals(movements)
    new = work.classify(movements)
    work.load_rates(m.contract.id for m in new if m.type == "call" and m.contract is not None)
    for m in new:
        if m.type != "reversal":
            work.plan(m)
    work.check_deposits(new)
    in_file = {m.key: m for m in movements if m.type != "reversal"}
    for m in new:
        if m.type == "reversal":
            work.plan_reversal(m, in_file)
    work.write(new)
    _set_go_live(ctx, [m for m in movements if m.contract is not None])
