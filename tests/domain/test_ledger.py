"""From entries to terms and credits (DOMAIN §3.1, §3.4, §3.5), shares, the account on a day."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.charges import RateSpan
from desktop_app.domain.ledger import BenefitSpan as Status
from desktop_app.domain.ledger import (
    Book,
    EntryLine,
    ShareSpan,
    account_on,
    build_account,
    debt_on,
    month_benefit,
    share_spans,
    shares_on,
    status_on,
)

START = date(2026, 1, 1)
GRACE = 10
PLAIN = (RateSpan(START, rent=40_000, charges=4_000, due_day=5),)
TIERS = (RateSpan(START, 40_000, 4_000, expected_benefit=26_000, tiers_payant=True, due_day=5),)
PAID = (Status(START, "paid"),)


def book(
    *entries: EntryLine,
    rates: tuple[RateSpan, ...] = PLAIN,
    statuses: tuple[Status, ...] = (),
    end: date | None = None,
) -> Book:
    return build_account(
        entries, rates=rates, statuses=statuses, start=START, end=end, grace_days=GRACE
    )


def charge(ref: int, month: int, nature: str, amount: int, posted: date | None = None) -> EntryLine:
    period = date(2026, month, 1)
    return EntryLine(ref, "charge", amount, posted or period, period=period, nature=nature)


def month_charges(first_ref: int, month: int) -> list[EntryLine]:
    return [
        charge(first_ref, month, "rent", 40_000),
        charge(first_ref + 1, month, "charges", 4_000),
    ]


def alive_terms(result: Book, on: date) -> list[tuple[date | None, tuple[tuple[str, int], ...]]]:
    return [
        (t.period, t.parts)
        for t in result.terms
        if (t.posted_on is None or t.posted_on <= on)
        and (t.cancelled_on is None or t.cancelled_on > on)
    ]


# ------------------------------------------------------------------ terms


def test_a_months_charges_form_one_term_settled_nature_by_nature() -> None:
    result = book(
        charge(2, 3, "charges", 4_000), charge(1, 3, "rent", 40_000), charge(3, 3, "damage", 1_500)
    )
    [term] = result.terms
    assert term.period == date(2026, 3, 1)
    assert term.due == date(2026, 3, 5)
    assert term.parts == (("rent", 40_000), ("charges", 4_000), ("damage", 1_500))
    assert result.sources[term.ref] == "month"
    # A payment of 420 € settles rent then charges, leaving 2 € of charges and the damage.
    paid = book(
        *month_charges(1, 3),
        charge(3, 3, "damage", 1_500),
        EntryLine(4, "household_payment", 42_000, date(2026, 3, 8)),
    )
    state = account_on(paid, date(2026, 3, 20), grace_days=GRACE, payment_day=10)
    [term_state] = state.allocation.terms
    assert term_state.remaining == (("rent", 0), ("charges", 2_000), ("damage", 1_500))
    assert (state.debt.debt, state.debt.housing_debt) == (3_500, 2_000)


def test_due_day_is_clamped_to_the_month() -> None:
    rates = (RateSpan(START, 40_000, due_day=31),)
    result = book(charge(1, 2, "rent", 40_000), rates=rates)
    assert result.terms[0].due == date(2026, 2, 28)


def test_a_charge_posted_later_changes_the_term_from_that_day() -> None:
    result = book(*month_charges(1, 3), charge(3, 3, "damage", 5_000, date(2026, 4, 15)))
    assert alive_terms(result, date(2026, 4, 14)) == [
        (date(2026, 3, 1), (("rent", 40_000), ("charges", 4_000)))
    ]
    assert alive_terms(result, date(2026, 4, 15)) == [
        (date(2026, 3, 1), (("rent", 40_000), ("charges", 4_000), ("damage", 5_000)))
    ]
    # Never two versions of a month alive on one day.
    for offset in range(0, 90):
        day = date(2026, 3, 1) + timedelta(days=offset)
        assert len(alive_terms(result, day)) == 1


def test_a_reversal_cancels_exactly_its_entry_from_its_posting_date() -> None:
    result = book(
        *month_charges(1, 3),
        charge(3, 3, "fees", 2_500),
        EntryLine(4, "reversal", 2_500, date(2026, 3, 20), reverses=3),
    )
    assert alive_terms(result, date(2026, 3, 19))[0][1][-1] == ("fees", 2_500)
    assert alive_terms(result, date(2026, 3, 20)) == [
        (date(2026, 3, 1), (("rent", 40_000), ("charges", 4_000)))
    ]
    # Reversed the day it was posted: it never existed on any day.
    same_day = book(
        charge(1, 3, "rent", 40_000), EntryLine(2, "reversal", 40_000, date(2026, 3, 1), reverses=1)
    )
    assert same_day.terms == ()
    # A reversed payment stops settling from the reversal's date.
    paid = book(
        *month_charges(1, 3),
        EntryLine(3, "household_payment", 44_000, date(2026, 3, 8)),
        EntryLine(4, "reversal", 44_000, date(2026, 3, 25), reverses=3),
    )
    assert debt_on(paid.terms, paid.credits, date(2026, 3, 24), GRACE).debt == 0
    assert debt_on(paid.terms, paid.credits, date(2026, 3, 25), GRACE).debt == 44_000


def test_adjustments_opening_balances_and_benefit_recoveries_are_terms_of_their_own() -> None:
    result = book(
        EntryLine(1, "adjustment", 3_000, date(2026, 2, 12), nature="charges"),
        EntryLine(2, "adjustment", -1_000, date(2026, 2, 13), period=date(2026, 2, 1)),
        EntryLine(
            3, "opening_balance", 90_000, date(2026, 1, 2), first_default_on=date(2025, 9, 15)
        ),
        EntryLine(4, "housing_benefit", -26_000, date(2026, 2, 20), period=date(2026, 1, 1)),
    )
    by_source = {result.sources[t.ref]: t for t in result.terms}
    adjustment = by_source["adjustment"]
    assert (adjustment.due, adjustment.parts, adjustment.period) == (
        date(2026, 2, 12),
        (("charges", 3_000),),
        None,
    )
    opening = by_source["opening_balance"]
    assert opening.due == date(2025, 9, 5)  # first default minus the grace
    assert opening.posted_on == date(2025, 9, 5)  # the debt exists since then
    assert opening.parts == (("rent", 90_000),)
    assert by_source["benefit_recovery"].parts == (("rent", 26_000),)
    [credit] = result.credits
    assert (credit.ref, credit.amount, credit.period) == (2, 1_000, date(2026, 2, 1))
    assert result.credit_kinds == {2: "adjustment"}
    # The opening balance is in default from its first-default date, as the ladder needs.
    assert debt_on(result.terms, result.credits, date(2025, 9, 14), GRACE).debt == 0
    assert debt_on(result.terms, result.credits, date(2025, 9, 15), GRACE).debt == 90_000


# ------------------------------------------------------------------ expected benefit (§3.5)


def test_expected_benefit_is_a_virtual_credit_until_the_benefit_is_received() -> None:
    result = book(
        *month_charges(1, 3),
        EntryLine(3, "housing_benefit", 26_000, date(2026, 4, 9), period=date(2026, 3, 1)),
        rates=TIERS,
        statuses=PAID,
    )
    virtual = [c for c in result.credits if c.virtual]
    assert [(c.period, c.amount, c.posted_on, c.cancelled_on) for c in virtual] == [
        (date(2026, 3, 1), 26_000, date(2026, 3, 1), date(2026, 4, 9))
    ]
    before = account_on(result, date(2026, 4, 8), grace_days=GRACE, payment_day=10)
    assert (before.owed, before.benefit_pending, before.debt.debt) == (18_000, 26_000, 18_000)
    after = account_on(result, date(2026, 4, 9), grace_days=GRACE, payment_day=10)
    assert (after.owed, after.benefit_pending) == (18_000, 0)
    assert after.credited == (("housing_benefit", 26_000),)


def test_a_reversed_benefit_does_not_end_the_expectation() -> None:
    result = book(
        *month_charges(1, 3),
        EntryLine(3, "housing_benefit", 26_000, date(2026, 4, 9), period=date(2026, 3, 1)),
        EntryLine(4, "reversal", 26_000, date(2026, 4, 12), reverses=3),
        rates=TIERS,
        statuses=PAID,
    )
    [virtual] = [c for c in result.credits if c.virtual]
    assert virtual.cancelled_on is None
    state = account_on(result, date(2026, 4, 20), grace_days=GRACE, payment_day=10)
    assert (state.owed, state.benefit_overdue, state.debt.debt) == (18_000, 26_000, 18_000)


def test_apl_expected_not_received_after_the_expected_payment_day() -> None:
    result = book(*month_charges(1, 3), rates=TIERS, statuses=PAID)
    on_the_10th = account_on(result, date(2026, 4, 10), grace_days=GRACE, payment_day=10)
    assert (on_the_10th.benefit_pending, on_the_10th.benefit_overdue) == (26_000, 0)
    on_the_11th = account_on(result, date(2026, 4, 11), grace_days=GRACE, payment_day=10)
    assert (on_the_11th.benefit_pending, on_the_11th.benefit_overdue) == (0, 26_000)
    assert on_the_11th.debt.debt == 18_000  # still not the household's debt


def test_expected_benefit_is_prorated_like_the_charges() -> None:
    rates = (
        *TIERS,
        RateSpan(date(2026, 4, 16), 40_000, 4_000, expected_benefit=32_000, tiers_payant=True),
    )
    april = month_benefit(date(2026, 4, 1), start=START, end=None, rates=rates, statuses=PAID)
    assert april.expected == 13_000 + 16_000  # 260 × 15/30 + 320 × 15/30
    # Paid from the 11th of a 31-day month only.
    statuses = (Status(START, "suspended"), Status(date(2026, 5, 11), "paid"))
    may = month_benefit(date(2026, 5, 1), start=START, end=None, rates=TIERS, statuses=statuses)
    assert (may.expected, may.first_paid) == (17_613, date(2026, 5, 11))  # 260 × 21/31
    # A first month from the 10th, a last month to the 15th.
    first = month_benefit(
        date(2026, 1, 1), start=date(2026, 1, 10), end=None, rates=TIERS, statuses=PAID
    )
    assert first.expected == 18_452  # 260 × 22/31
    last = month_benefit(
        date(2026, 6, 1), start=START, end=date(2026, 6, 15), rates=TIERS, statuses=PAID
    )
    assert last.expected == 13_000
    # Benefit paid to the tenant: nothing is expected by the association.
    tenant = (RateSpan(START, 40_000, 4_000, expected_benefit=26_000, tiers_payant=False),)
    assert month_benefit(START, start=START, end=None, rates=tenant, statuses=PAID).expected == 0


def test_a_suspension_makes_the_whole_amount_the_households() -> None:
    statuses = (Status(START, "paid"), Status(date(2026, 4, 20), "suspended"))
    result = book(
        *month_charges(1, 3), *month_charges(3, 4), *month_charges(5, 5), rates=TIERS,
        statuses=statuses,
    )  # fmt: skip
    virtual = {c.period: c for c in result.credits if c.virtual}
    assert virtual[date(2026, 3, 1)].cancelled_on == date(2026, 4, 20)
    assert virtual[date(2026, 4, 1)].amount == 16_467  # 260 × 19/30, paid until the 19th
    assert date(2026, 5, 1) not in virtual
    before = account_on(result, date(2026, 4, 19), grace_days=GRACE, payment_day=10)
    # March's share, and April's less the benefit expected for its first 19 days.
    assert before.debt.debt == 18_000 + 44_000 - 16_467
    after = account_on(result, date(2026, 4, 20), grace_days=GRACE, payment_day=10)
    assert after.debt.debt == 2 * 44_000  # the whole of March and April
    assert after.benefit_pending == after.benefit_overdue == 0


def test_withheld_for_non_decency_is_neither_expected_nor_owed() -> None:
    statuses = (Status(START, "withheld_non_decency"),)
    assert status_on(statuses, date(2026, 3, 1)) == "withheld_non_decency"
    result = book(*month_charges(1, 3), rates=TIERS, statuses=statuses)
    [virtual] = [c for c in result.credits if c.virtual]
    assert (virtual.withheld, virtual.cancelled_on, virtual.amount) == (True, None, 26_000)
    state = account_on(result, date(2027, 1, 1), grace_days=GRACE, payment_day=10)
    assert (state.benefit_withheld, state.benefit_pending, state.benefit_overdue) == (26_000, 0, 0)
    assert state.debt.debt == state.owed == 18_000
    [term] = state.allocation.terms
    assert (term.withheld, term.virtual) == (26_000, 0)


# ------------------------------------------------------------------ shares (§3.3, §4.4)


def test_shares_net_or_gross() -> None:
    services = (
        RateSpan(START, 40_000, 4_000, 3_000, 2_000, expected_benefit=26_000, tiers_payant=True),
    )
    day = date(2026, 2, 1)
    assert shares_on(services, PAID, day) == (21_000, 18_000)
    assert shares_on(services, (Status(START, "suspended"),), day) == (47_000, 44_000)
    assert shares_on(services, (Status(START, "withheld_non_decency"),), day) == (21_000, 18_000)
    assert shares_on(services, (), day) == (47_000, 44_000)  # no status: not paid
    assert shares_on(PLAIN, PAID, day) == (44_000, 44_000)  # paid to the tenant: gross
    assert shares_on(services, PAID, day, indemnity_from=day) == (18_000, 18_000)
    assert shares_on(services, PAID, date(2025, 12, 31)) == (0, 0)  # no rate yet


def test_share_spans_change_with_rates_statuses_and_termination() -> None:
    rates = (*TIERS, RateSpan(date(2026, 7, 1), 41_000, 4_000, 0, 0, 26_000, True))
    statuses = (*PAID, Status(date(2026, 3, 1), "suspended"), Status(date(2026, 5, 1), "paid"))
    spans = share_spans(rates, statuses, start=START, indemnity_from=date(2026, 9, 1))
    assert spans == (
        ShareSpan(START, 18_000, 18_000),
        ShareSpan(date(2026, 3, 1), 44_000, 44_000),
        ShareSpan(date(2026, 5, 1), 18_000, 18_000),
        ShareSpan(date(2026, 7, 1), 19_000, 19_000),
    )  # the indemnity equals rent + charges: no new span when there are no services


# ------------------------------------------------------------------ properties

KINDS = ("charge", "household_payment", "housing_benefit", "adjustment", "remission", "fsl_aid")


@st.composite
def ledgers(draw: st.DrawFn) -> tuple[list[tuple[object, ...]], list[int]]:
    """Entries as facts (without ids), reversals pointing at a fact, and an insertion order."""
    facts: list[tuple[object, ...]] = []
    for _ in range(draw(st.integers(1, 14))):
        kind = draw(st.sampled_from(KINDS))
        posted = START + timedelta(days=draw(st.integers(0, 200)))
        month = draw(st.integers(1, 7))
        amount = draw(st.integers(1, 60_000))
        if kind in ("adjustment", "housing_benefit") and draw(st.booleans()):
            amount = -amount
        named = kind in {"charge", "housing_benefit"} or draw(st.booleans())
        nature = draw(st.sampled_from(("rent", "charges", "damage"))) if kind == "charge" else None
        if kind == "adjustment":
            nature = "rent" if amount > 0 else None
        facts.append(
            ("entry", kind, amount, posted, date(2026, month, 1) if named else None, nature)
        )
    for target in draw(st.sets(st.integers(0, len(facts) - 1), max_size=3)):
        delay = timedelta(days=draw(st.integers(0, 60)))
        facts.append(("reversal", target, delay))
    order = draw(st.permutations(range(len(facts))))
    return facts, list(order)


def entries_of(facts: list[tuple[object, ...]], order: list[int]) -> list[EntryLine]:
    """Give each fact the id it gets when the facts are inserted in ``order``."""
    ids = {fact: position + 1 for position, fact in enumerate(order)}
    lines: list[EntryLine] = []
    for index, fact in enumerate(facts):
        if fact[0] == "entry":
            _, kind, amount, posted, period, nature = fact
            assert isinstance(kind, str)
            assert isinstance(amount, int)
            assert isinstance(posted, date)
            assert period is None or isinstance(period, date)
            assert nature is None or isinstance(nature, str)
            lines.append(EntryLine(ids[index], kind, amount, posted, period, nature))
        else:
            _, target, delay = fact
            assert isinstance(target, int)
            assert isinstance(delay, timedelta)
            original = facts[target]
            assert isinstance(original[2], int)
            assert isinstance(original[3], date)
            lines.append(
                EntryLine(
                    ids[index],
                    "reversal",
                    abs(original[2]),
                    original[3] + delay,
                    reverses=ids[target],
                )
            )
    return lines


def signed(entry: EntryLine) -> int:
    """What an entry adds to the balance the household owes, replayed naively."""
    if entry.kind in ("charge", "opening_balance"):
        return entry.amount
    if entry.kind in ("adjustment", "housing_benefit"):
        return entry.amount if entry.kind == "adjustment" else -entry.amount
    return -entry.amount


@settings(max_examples=150, deadline=None)
@given(ledger=ledgers(), on=st.integers(0, 260), tiers=st.booleans())
def test_the_account_is_the_same_whatever_the_insertion_order(
    ledger: tuple[list[tuple[object, ...]], list[int]], on: int, tiers: bool
) -> None:
    facts, order = ledger
    day = START + timedelta(days=on)
    rates, statuses = (TIERS, PAID) if tiers else (PLAIN, ())
    results = []
    for insertion in (sorted(order), order):
        entries = entries_of(facts, insertion)
        state = account_on(
            book(*entries, rates=rates, statuses=statuses), day, grace_days=GRACE, payment_day=10
        )
        months = sorted(
            (s.term.period, s.remaining, s.virtual)
            for s in state.allocation.terms
            if s.term.period is not None
        )
        results.append(
            (
                state.charged,
                state.credited,
                state.owed,
                state.advance,
                state.debt.debt,
                state.benefit_pending + state.benefit_overdue,
                months,
            )
        )
        if not tiers:
            # Balance = the naive replay of every live entry (nothing virtual to count).
            reversed_on = {e.reverses: e.posted_on for e in entries if e.kind == "reversal"}
            live = [
                e
                for e in entries
                if e.kind != "reversal"
                and e.posted_on <= day
                and (e.ref not in reversed_on or reversed_on[e.ref] > day)
            ]
            assert state.owed - state.advance == sum(signed(e) for e in live)
    assert results[0] == results[1]
