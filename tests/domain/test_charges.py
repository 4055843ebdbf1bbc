"""A month's charges and the generation's decisions: prorating, rate changes, catch-up (§3.2)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.charges import (
    ALREADY_CHARGED,
    ALREADY_GENERATED,
    BEFORE_GO_LIVE,
    BEFORE_LATEST_TERM,
    MONTH_CLOSED,
    NOTHING_DUE,
    ContractSchedule,
    EndCorrection,
    GeneratedCharge,
    LedgerMarks,
    MonthCharges,
    RateSpan,
    end_corrections,
    first_of_month,
    generation_decision,
    household_share,
    housing_share,
    latest_allowed_month,
    missing_months,
    month_charges,
    months_from,
    rate_on,
)
from desktop_app.domain.money import prorate
from desktop_app.domain.periods import days_in_month

RATE = RateSpan(date(2026, 1, 1), rent=40_000, charges=4_000, expected_benefit=26_000)


def test_a_full_month_charges_every_non_zero_component() -> None:
    result = month_charges(date(2026, 3, 1), start=date(2026, 1, 1), end=None, rates=[RATE])
    assert result is not None
    assert result.parts == (("rent", 40_000), ("charges", 4_000))
    assert (result.total, result.due_day) == (44_000, 5)


def test_a_first_month_is_prorated_by_days() -> None:
    # 17 days of a 30-day month: 400 € × 17/30 = 226,666… → 226,67 €
    result = month_charges(date(2026, 4, 1), start=date(2026, 4, 14), end=None, rates=[RATE])
    assert result is not None
    assert dict(result.parts) == {"rent": 22_667, "charges": 2_267}


def test_a_last_month_stops_at_the_departure() -> None:
    result = month_charges(
        date(2026, 2, 1), start=date(2025, 1, 1), end=date(2026, 2, 14), rates=[RATE]
    )
    assert result is not None
    assert dict(result.parts) == {"rent": 20_000, "charges": 2_000}  # 14/28


def test_a_rate_change_within_the_month() -> None:
    rates = [RATE, RateSpan(date(2026, 6, 16), rent=43_000, charges=4_000)]
    result = month_charges(date(2026, 6, 1), start=date(2026, 1, 1), end=None, rates=rates)
    assert result is not None
    assert dict(result.parts) == {"rent": 20_000 + 21_500, "charges": 4_000}
    assert rate_on(rates, date(2026, 6, 15)) == RATE


def test_an_occupant_without_title_owes_an_occupation_indemnity() -> None:
    result = month_charges(
        date(2026, 9, 1),
        start=date(2025, 1, 1),
        end=None,
        rates=[RATE],
        indemnity_from=date(2026, 9, 16),
    )
    assert result is not None
    assert dict(result.parts) == {"rent": 20_000, "charges": 2_000, "occupation_indemnity": 22_000}


def test_no_charges_outside_the_contract_or_without_a_rate() -> None:
    assert month_charges(date(2025, 12, 1), start=date(2026, 1, 1), end=None, rates=[RATE]) is None
    later = RateSpan(date(2026, 5, 1), rent=10_000)
    assert month_charges(date(2026, 4, 1), start=date(2026, 4, 1), end=None, rates=[later]) is None


def test_services_of_a_pension_de_famille() -> None:
    rate = RateSpan(
        date(2026, 1, 1), 35_000, 3_000, mandatory_services=2_000, optional_services=1_500
    )
    result = month_charges(date(2026, 1, 1), start=date(2025, 1, 1), end=None, rates=[rate])
    assert result is not None
    assert [nature for nature, _ in result.parts] == [
        "rent",
        "charges",
        "mandatory_services",
        "optional_services",
    ]


def test_shares_deduct_the_benefit_only_when_paid_to_the_association() -> None:
    paid = RateSpan(date(2026, 1, 1), 40_000, 4_000, 2_000, 0, 26_000, tiers_payant=True)
    assert household_share(paid, benefit_paid=True) == 20_000
    assert housing_share(paid, benefit_paid=True) == 18_000
    assert housing_share(paid, benefit_paid=False) == 44_000
    to_tenant = RateSpan(date(2026, 1, 1), 40_000, 4_000, 0, 0, 26_000, tiers_payant=False)
    assert household_share(to_tenant, benefit_paid=True) == 44_000


# ------------------------------------------------------------------ monthly generation


SCHEDULE = ContractSchedule(date(2026, 4, 14), None, (RATE,))


def test_posting_day_and_running_months() -> None:
    assert SCHEDULE.posted_on(date(2026, 4, 1)) == date(2026, 4, 14)
    assert SCHEDULE.posted_on(date(2026, 5, 1)) == date(2026, 5, 1)
    assert not SCHEDULE.runs_in(date(2026, 3, 1))
    assert SCHEDULE.runs_in(date(2026, 4, 1))
    ended = ContractSchedule(date(2025, 1, 1), date(2026, 2, 1), (RATE,))
    assert ended.runs_in(date(2026, 2, 1))
    assert not ended.runs_in(date(2026, 3, 1))


def test_month_helpers() -> None:
    assert first_of_month(date(2026, 2, 28)) == date(2026, 2, 1)
    assert months_from(date(2026, 11, 30), date(2027, 2, 3)) == [
        date(2026, 11, 1),
        date(2026, 12, 1),
        date(2027, 1, 1),
        date(2027, 2, 1),
    ]
    assert months_from(date(2026, 3, 1), date(2026, 2, 1)) == []
    assert latest_allowed_month(date(2026, 12, 31)) == date(2027, 1, 1)


def test_a_decision_gives_the_charges_or_the_first_reason_that_applies() -> None:
    april, may = date(2026, 4, 1), date(2026, 5, 1)
    decision = generation_decision(april, SCHEDULE, LedgerMarks(), go_live=None)
    assert isinstance(decision, MonthCharges)
    assert decision.parts == (("rent", 22_667), ("charges", 2_267))
    both = LedgerMarks(latest_term=may, generated=frozenset({may}), charged=frozenset({may}))
    assert generation_decision(may, SCHEDULE, both, go_live=None) == ALREADY_GENERATED
    imported = LedgerMarks(latest_term=may, charged=frozenset({may}))
    assert generation_decision(may, SCHEDULE, imported, go_live=None) == ALREADY_CHARGED
    assert generation_decision(april, SCHEDULE, imported, go_live=None) == BEFORE_LATEST_TERM
    # The go-live date is compared with the posting day: the start, when it is later.
    assert generation_decision(april, SCHEDULE, LedgerMarks(), go_live=date(2026, 4, 14)) != (
        BEFORE_GO_LIVE
    )
    late = date(2026, 4, 15)
    assert generation_decision(april, SCHEDULE, LedgerMarks(), go_live=late) == BEFORE_GO_LIVE
    closed = generation_decision(april, SCHEDULE, LedgerMarks(), go_live=None, closed=True)
    assert closed == MONTH_CLOSED
    free = ContractSchedule(date(2026, 1, 1), None, (RateSpan(date(2026, 1, 1), rent=0),))
    assert generation_decision(april, free, LedgerMarks(), go_live=None) == NOTHING_DUE


def test_the_months_a_catch_up_fills() -> None:
    old = ContractSchedule(date(2019, 3, 1), None, (RATE,))
    nov = date(2026, 11, 27)
    # From the go-live month, or after the latest term, up to the current month.
    assert missing_months(old, latest_term=None, go_live=date(2026, 9, 15), until=nov) == [
        date(2026, 9, 1),
        date(2026, 10, 1),
        date(2026, 11, 1),
    ]
    assert missing_months(
        old, latest_term=date(2026, 10, 1), go_live=date(2026, 1, 1), until=nov
    ) == [date(2026, 11, 1)]
    assert missing_months(old, latest_term=date(2026, 12, 1), go_live=None, until=nov) == []
    # Without a go-live date: the current month for a contract without any term.
    assert missing_months(old, latest_term=None, go_live=None, until=nov) == [date(2026, 11, 1)]
    assert missing_months(old, latest_term=date(2026, 8, 1), go_live=None, until=nov) == [
        date(2026, 9, 1),
        date(2026, 10, 1),
        date(2026, 11, 1),
    ]
    # Never before the start, never after the departure.
    ended = ContractSchedule(date(2026, 10, 20), date(2026, 10, 31), (RATE,))
    assert missing_months(ended, latest_term=None, go_live=date(2026, 1, 1), until=nov) == [
        date(2026, 10, 1)
    ]
    assert missing_months(ended, latest_term=None, go_live=None, until=nov) == []


# ------------------------------------------------------------------ properties

month_days = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)).map(first_of_month)
amounts = st.integers(0, 300_000)


rates = st.builds(RateSpan, st.just(date(2000, 1, 1)), amounts, amounts, amounts, amounts)


@given(month_days, st.data(), rates)
def test_property_consecutive_partial_periods_sum_to_the_month(
    month: date, data: st.DataObject, rate: RateSpan
) -> None:
    """Households following each other in a month owe the full month within a cent each."""
    length = days_in_month(month.year, month.month)
    cuts = sorted(data.draw(st.sets(st.integers(2, length), max_size=5)))
    starts = [month, *(month.replace(day=day) for day in cuts)]
    full = month_charges(month, start=month, end=None, rates=[rate])
    pieces = [
        month_charges(
            month,
            start=start,
            end=None if following is None else following - timedelta(days=1),
            rates=[rate],
        )
        for start, following in zip(starts, [*starts[1:], None], strict=True)
    ]
    summed: dict[str, int] = {}
    for piece in pieces:
        for nature, cents in piece.parts if piece else ():
            summed[nature] = summed.get(nature, 0) + cents
    expected = dict(full.parts) if full else {}
    for nature in set(expected) | set(summed):
        assert abs(summed.get(nature, 0) - expected.get(nature, 0)) <= len(pieces)


@given(month_days, st.integers(2, 28), amounts, amounts, amounts)
def test_property_a_rate_change_is_the_sum_of_its_two_segments(
    month: date, day: int, rent: int, charges: int, new_rent: int
) -> None:
    change = month.replace(day=day)
    rates = [RateSpan(date(2000, 1, 1), rent, charges), RateSpan(change, new_rent, charges)]
    result = month_charges(month, start=date(2000, 1, 1), end=None, rates=rates)
    length = days_in_month(month.year, month.month)
    before, after = day - 1, length - day + 1
    expected_rent = prorate(rent, before, length) + prorate(new_rent, after, length)
    parts = dict(result.parts) if result else {}
    assert parts.get("rent", 0) == expected_rent
    assert abs(parts.get("charges", 0) - charges) <= 1


# ------------------------------------------------------------------ the departure


def _generated(*months: date) -> list[GeneratedCharge]:
    """Full months of RATE generated on their first day, two entries a month."""
    charges: list[GeneratedCharge] = []
    for month in months:
        charges.append(GeneratedCharge(len(charges) + 1, month, "rent", 40_000, month))
        charges.append(GeneratedCharge(len(charges) + 1, month, "charges", 4_000, month))
    return charges


def test_a_departure_recharges_its_month_prorated_and_cancels_the_next() -> None:
    # Departure on 14/02/2026 recorded on 20/02, February and March already generated.
    schedule = ContractSchedule(date(2025, 1, 1), date(2026, 2, 14), (RATE,))
    january, february, march = date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)
    generated = _generated(january, february, march)
    corrections = end_corrections(schedule, generated, closed=set())
    assert [c.month for c in corrections] == [february, march]  # January is never touched
    partial, after = corrections
    assert partial.reversed == tuple(generated[2:4])
    assert partial.charges == (("rent", 20_000), ("charges", 2_000))  # 14/28
    assert partial.posted_on == date(2026, 2, 15)  # the day after the departure
    assert partial.credited == 22_000
    assert after.reversed == tuple(generated[4:6])
    assert after.charges == ()
    assert after.posted_on == march  # the charges' own date, later than the 15/02
    assert after.credited == 44_000


def test_a_departure_on_the_last_day_changes_nothing() -> None:
    schedule = ContractSchedule(date(2025, 1, 1), date(2026, 2, 28), (RATE,))
    assert end_corrections(schedule, _generated(date(2026, 2, 1)), closed=set()) == []
    open_ended = ContractSchedule(date(2025, 1, 1), None, (RATE,))
    assert end_corrections(open_ended, _generated(date(2026, 3, 1)), closed=set()) == []


def test_a_correction_in_a_closed_month_moves_to_the_next_open_one() -> None:
    # Departure on 10/01/2026 recorded in April, January to March closed.
    schedule = ContractSchedule(date(2025, 1, 1), date(2026, 1, 10), (RATE,))
    closed = {date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)}
    corrections = end_corrections(schedule, _generated(date(2026, 1, 1)), closed)
    assert corrections == [
        EndCorrection(
            date(2026, 1, 1),
            tuple(_generated(date(2026, 1, 1))),
            (("rent", 12_903), ("charges", 1_290)),  # 10/31
            date(2026, 4, 1),
        )
    ]


def test_an_occupant_without_title_is_recharged_an_indemnity_up_to_the_departure() -> None:
    # Termination on 01/03 after March was generated as rent; departure on 15/03.
    schedule = ContractSchedule(
        date(2025, 1, 1), date(2026, 3, 15), (RATE,), indemnity_from=date(2026, 3, 1)
    )
    [correction] = end_corrections(schedule, _generated(date(2026, 3, 1)), closed=set())
    assert correction.charges == (("occupation_indemnity", prorate(44_000, 15, 31)),)
