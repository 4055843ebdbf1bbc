"""Memberships, stays and occupancy (DOMAIN §2): inclusive intervals, sweeps, issues."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.errors import ValidationIssue
from desktop_app.domain.households import (
    HEAD,
    KEPT_HOME,
    KEPT_HOME_PROGRAMME_KINDS,
    MemberSpan,
    StaySpan,
    check_heads,
    check_member,
    check_occupancy,
    check_stay,
)
from desktop_app.domain.vocabulary import DESTINATION, MEMBER_ROLE, PROGRAMME_KIND

D = date


def head(joined: date, left: date | None = None, person: int = 1) -> MemberSpan:
    return MemberSpan(person, "head", joined, left)


def codes(issues: list[ValidationIssue]) -> list[str]:
    return [issue.code for issue in issues]


def test_codes_belong_to_the_vocabularies() -> None:
    assert HEAD in MEMBER_ROLE
    assert KEPT_HOME in DESTINATION
    assert set(PROGRAMME_KIND) >= KEPT_HOME_PROGRAMME_KINDS


# ---------------------------------------------------------------- members


def test_member_cannot_leave_before_joining() -> None:
    issues = check_member(MemberSpan(1, "child", D(2026, 3, 10), D(2026, 3, 9)))
    assert issues == [
        ValidationIssue(
            "left_on",
            "member.left_before_joined",
            {"joined_on": "10/03/2026", "left_on": "09/03/2026"},
        )
    ]


def test_member_leaving_the_day_they_joined_stayed_one_day() -> None:
    assert check_member(MemberSpan(1, "child", D(2026, 3, 10), D(2026, 3, 10))) == []
    assert check_member(MemberSpan(1, "head", D(2026, 3, 10), None)) == []


# ---------------------------------------------------------------- heads


def test_one_head_for_ever_is_fine() -> None:
    assert check_heads([head(D(2026, 1, 1))], start=D(2026, 1, 1), end=None) == []


def test_handover_the_next_day_is_fine() -> None:
    spans = [head(D(2026, 1, 1), D(2026, 3, 10)), head(D(2026, 3, 11), person=2)]
    assert check_heads(spans, start=D(2026, 1, 1), end=None) == []


def test_handover_on_the_same_day_makes_two_heads_that_day() -> None:
    spans = [head(D(2026, 1, 1), D(2026, 3, 10)), head(D(2026, 3, 10), person=2)]
    assert check_heads(spans, start=D(2026, 1, 1), end=None) == [
        ValidationIssue("members", "household.two_heads", {"day": "10/03/2026"})
    ]


def test_gap_between_heads_reports_its_first_day() -> None:
    spans = [head(D(2026, 1, 1), D(2026, 3, 10)), head(D(2026, 3, 13), person=2)]
    assert check_heads(spans, start=D(2026, 1, 1), end=None) == [
        ValidationIssue("members", "household.no_head", {"day": "11/03/2026"})
    ]


def test_head_arriving_after_the_household_starts() -> None:
    issues = check_heads([head(D(2026, 1, 5))], start=D(2026, 1, 1), end=None)
    assert issues == [ValidationIssue("members", "household.no_head", {"day": "01/01/2026"})]


def test_no_head_at_all() -> None:
    partner = MemberSpan(2, "partner", D(2026, 1, 1), None)
    issues = check_heads([partner], start=D(2026, 2, 1), end=D(2026, 2, 28))
    assert issues == [ValidationIssue("members", "household.no_head", {"day": "01/02/2026"})]


def test_head_leaving_before_an_open_household_ends() -> None:
    issues = check_heads([head(D(2026, 1, 1), D(2026, 6, 30))], start=D(2026, 1, 1), end=None)
    assert issues == [ValidationIssue("members", "household.no_head", {"day": "01/07/2026"})]


def test_head_must_stay_until_the_last_day() -> None:
    spans = [head(D(2026, 1, 1), D(2026, 5, 31))]
    assert check_heads(spans, start=D(2026, 1, 1), end=D(2026, 5, 31)) == []
    spans = [head(D(2026, 1, 1), D(2026, 5, 30))]
    assert check_heads(spans, start=D(2026, 1, 1), end=D(2026, 5, 31)) == [
        ValidationIssue("members", "household.no_head", {"day": "31/05/2026"})
    ]


def test_heads_outside_the_household_life_do_not_count() -> None:
    spans = [
        head(D(2020, 1, 1), D(2025, 12, 31), person=1),  # before start
        head(D(2026, 1, 1), D(2026, 12, 31), person=2),
        head(D(2027, 1, 1), None, person=3),  # after end
    ]
    assert check_heads(spans, start=D(2026, 1, 1), end=D(2026, 12, 31)) == []


def test_both_problems_are_reported_with_their_first_day() -> None:
    spans = [
        head(D(2026, 1, 1), D(2026, 2, 14), person=1),
        head(D(2026, 2, 20), None, person=2),
        head(D(2026, 4, 1), D(2026, 4, 2), person=3),
    ]
    assert check_heads(spans, start=D(2026, 1, 1), end=None) == [
        ValidationIssue("members", "household.no_head", {"day": "15/02/2026"}),
        ValidationIssue("members", "household.two_heads", {"day": "01/04/2026"}),
    ]


def test_other_roles_are_not_heads() -> None:
    spans = [
        head(D(2026, 1, 1)),
        MemberSpan(2, "partner", D(2026, 1, 1), None),
        MemberSpan(3, "child", D(2026, 1, 1), None),
        MemberSpan(4, "visiting_child", D(2026, 1, 1), None),
        MemberSpan(5, "other", D(2026, 1, 1), None),
    ]
    assert check_heads(spans, start=D(2026, 1, 1), end=None) == []


def test_a_membership_ending_before_it_starts_is_ignored() -> None:
    # check_member reports it; for the heads it covers no day.
    spans = [head(D(2026, 3, 10), D(2026, 3, 1))]
    assert codes(check_heads(spans, start=D(2026, 3, 1), end=D(2026, 3, 31))) == [
        "household.no_head"
    ]


def test_household_ending_before_it_starts_is_not_checked_here() -> None:
    assert check_heads([], start=D(2026, 3, 10), end=D(2026, 3, 9)) == []


def test_leap_day_without_head() -> None:
    spans = [head(D(2024, 1, 1), D(2024, 2, 28)), head(D(2024, 3, 1), person=2)]
    assert check_heads(spans, start=D(2024, 1, 1), end=None) == [
        ValidationIssue("members", "household.no_head", {"day": "29/02/2024"})
    ]
    spans = [head(D(2025, 1, 1), D(2025, 2, 28)), head(D(2025, 3, 1), person=2)]
    assert check_heads(spans, start=D(2025, 1, 1), end=None) == []


def test_handover_across_new_year() -> None:
    spans = [head(D(2025, 6, 1), D(2025, 12, 31)), head(D(2026, 1, 1), person=2)]
    assert check_heads(spans, start=D(2025, 6, 1), end=None) == []


def test_the_far_end_of_the_calendar() -> None:
    spans = [head(D(2026, 1, 1), date.max)]
    assert check_heads(spans, start=D(2026, 1, 1), end=None) == []
    assert check_heads(spans, start=D(2026, 1, 1), end=date.max) == []


BASE = D(2024, 2, 20)  # windows cross a leap day
HORIZON = 45  # every generated boundary is before BASE + HORIZON


def day(offset: int) -> date:
    return BASE + timedelta(days=offset)


spans_strategy = st.lists(
    st.builds(
        lambda person, role, joined, length: MemberSpan(
            person, role, day(joined), None if length is None else day(joined + length)
        ),
        st.integers(1, 5),
        st.sampled_from(["head", "head", "partner", "child"]),
        st.integers(0, 30),
        st.none() | st.integers(-2, 10),
    ),
    max_size=6,
)


def naive_heads(spans: list[MemberSpan], start: date, end: date | None) -> list[ValidationIssue]:
    last = end if end is not None else day(HORIZON)
    no_head = two_heads = None
    current = start
    while current <= last:
        count = sum(
            1
            for s in spans
            if s.role == "head"
            and s.joined_on <= current
            and (s.left_on is None or current <= s.left_on)
        )
        if count == 0 and no_head is None:
            no_head = current
        if count > 1 and two_heads is None:
            two_heads = current
        current += timedelta(days=1)
    issues = []
    if no_head is not None:
        issues.append(
            ValidationIssue("members", "household.no_head", {"day": no_head.strftime("%d/%m/%Y")})
        )
    if two_heads is not None:
        issues.append(
            ValidationIssue(
                "members", "household.two_heads", {"day": two_heads.strftime("%d/%m/%Y")}
            )
        )
    return issues


@given(spans_strategy, st.integers(0, 30), st.none() | st.integers(0, 12))
def test_heads_sweep_matches_a_day_by_day_walk(
    spans: list[MemberSpan], start: int, length: int | None
) -> None:
    end = None if length is None else day(start + length)
    assert check_heads(spans, start=day(start), end=end) == naive_heads(spans, day(start), end)


# ---------------------------------------------------------------- stays

TODAY = D(2026, 6, 15)


def stay(
    entry: date,
    exit_: date | None = None,
    *,
    stay_id: int | None = None,
    programme_id: int = 7,
    kind: str = "iml_sublease",
    destination: str | None = None,
    reason: str | None = None,
) -> StaySpan:
    return StaySpan(stay_id, programme_id, kind, entry, exit_, destination, reason)


def test_a_plain_stay_is_fine() -> None:
    assert check_stay(stay(D(2026, 1, 1)), [], today=TODAY) == []
    closed = stay(D(2026, 1, 1), D(2026, 5, 31), destination="social_housing", reason="other")
    assert check_stay(closed, [], today=TODAY) == []


def test_exit_before_entry() -> None:
    issues = check_stay(stay(D(2026, 3, 10), D(2026, 3, 9)), [], today=TODAY)
    assert issues == [
        ValidationIssue(
            "exit", "stay.exit_before_entry", {"entry": "10/03/2026", "exit": "09/03/2026"}
        )
    ]


def test_one_day_stay_is_fine() -> None:
    assert check_stay(stay(D(2026, 3, 10), D(2026, 3, 10)), [], today=TODAY) == []


def test_no_date_after_today() -> None:
    assert check_stay(stay(TODAY, TODAY), [], today=TODAY) == []
    assert check_stay(stay(D(2026, 6, 16)), [], today=TODAY) == [
        ValidationIssue("entry", "stay.future_entry", {"entry": "16/06/2026"})
    ]
    assert check_stay(stay(D(2026, 1, 1), D(2026, 6, 16)), [], today=TODAY) == [
        ValidationIssue("exit", "stay.future_exit", {"exit": "16/06/2026"})
    ]
    assert codes(check_stay(stay(D(2026, 7, 1), D(2026, 6, 30)), [], today=TODAY)) == [
        "stay.exit_before_entry",
        "stay.future_entry",
        "stay.future_exit",
    ]


def test_exit_details_need_an_exit_date() -> None:
    expected = [ValidationIssue("exit", "stay.exit_details_without_exit")]
    assert check_stay(stay(D(2026, 1, 1), destination="street"), [], today=TODAY) == expected
    assert check_stay(stay(D(2026, 1, 1), reason="death"), [], today=TODAY) == expected


def test_exit_without_destination_is_accepted_here() -> None:
    assert check_stay(stay(D(2026, 1, 1), D(2026, 2, 1)), [], today=TODAY) == []


def test_kept_home_only_under_a_management_mandate() -> None:
    exit_ = D(2026, 5, 31)
    mandate = stay(D(2026, 1, 1), exit_, kind="iml_mandate", destination="kept_home")
    assert check_stay(mandate, [], today=TODAY) == []
    for kind in ("iml_sublease", "sliding_lease", "boarding_house", "reception_residence"):
        other = stay(D(2026, 1, 1), exit_, kind=kind, destination="kept_home")
        assert check_stay(other, [], today=TODAY) == [
            ValidationIssue("destination", "stay.kept_home_not_allowed")
        ]


def test_two_open_stays_in_the_same_programme_overlap() -> None:
    issues = check_stay(stay(D(2026, 5, 1)), [stay(D(2026, 1, 1), stay_id=1)], today=TODAY)
    assert issues == [
        ValidationIssue("entry", "stay.overlap", {"programme_id": 7, "other_entry": "01/01/2026"})
    ]


def test_stays_in_other_programmes_may_overlap() -> None:
    other = stay(D(2026, 1, 1), stay_id=1, programme_id=8)
    assert check_stay(stay(D(2026, 5, 1)), [other], today=TODAY) == []


def test_a_stay_does_not_overlap_its_stored_self() -> None:
    stored = stay(D(2026, 1, 1), stay_id=4)
    edited = stay(D(2026, 1, 2), D(2026, 3, 1), stay_id=4)
    assert check_stay(edited, [stored], today=TODAY) == []


def test_same_programme_boundaries_are_inclusive() -> None:
    before = stay(D(2026, 1, 1), D(2026, 3, 10), stay_id=1)
    assert check_stay(stay(D(2026, 3, 11)), [before], today=TODAY) == []
    assert codes(check_stay(stay(D(2026, 3, 10)), [before], today=TODAY)) == ["stay.overlap"]


def test_open_stay_overlaps_a_later_closed_one() -> None:
    later = stay(D(2026, 4, 1), D(2026, 4, 30), stay_id=2)
    issues = check_stay(stay(D(2026, 1, 1)), [later], today=TODAY)
    assert issues == [
        ValidationIssue("entry", "stay.overlap", {"programme_id": 7, "other_entry": "01/04/2026"})
    ]
    assert check_stay(stay(D(2026, 1, 1), D(2026, 3, 31)), [later], today=TODAY) == []


def test_overlap_is_reported_once() -> None:
    others = [stay(D(2026, 1, 1), D(2026, 1, 31), stay_id=1), stay(D(2026, 2, 1), stay_id=2)]
    issues = check_stay(stay(D(2026, 1, 15)), others, today=TODAY)
    assert codes(issues) == ["stay.overlap"]
    assert issues[0].params["other_entry"] == "01/01/2026"


def test_malformed_stays_do_not_count_as_overlaps() -> None:
    broken = stay(D(2026, 3, 10), D(2026, 3, 1), stay_id=1)
    assert check_stay(stay(D(2026, 1, 1)), [broken], today=TODAY) == []
    issues = check_stay(stay(D(2026, 3, 10), D(2026, 3, 1)), [stay(D(2026, 1, 1))], today=TODAY)
    assert codes(issues) == ["stay.exit_before_entry"]


# ---------------------------------------------------------------- occupancy


def test_successive_contracts_in_a_single_lot() -> None:
    contracts = [(D(2026, 1, 1), D(2026, 3, 10)), (D(2026, 3, 11), None)]
    assert check_occupancy(contracts, lots=1) == []


def test_same_day_move_in_and_move_out_is_two_households() -> None:
    contracts = [(D(2026, 1, 1), D(2026, 3, 10)), (D(2026, 3, 10), None)]
    assert check_occupancy(contracts, lots=1) == [
        ValidationIssue(
            "dwelling", "dwelling.over_occupied", {"day": "10/03/2026", "count": 2, "lots": 1}
        )
    ]


def test_shared_flat_with_two_lots() -> None:
    contracts = [
        (D(2026, 1, 1), None),
        (D(2026, 2, 1), D(2026, 2, 28)),
        (D(2026, 3, 1), None),
        (D(2026, 2, 20), D(2026, 3, 5)),
    ]
    assert check_occupancy(contracts, lots=3) == []
    assert check_occupancy(contracts, lots=2) == [
        ValidationIssue(
            "dwelling", "dwelling.over_occupied", {"day": "20/02/2026", "count": 3, "lots": 2}
        )
    ]


def test_open_contracts_meet_on_the_later_start() -> None:
    contracts = [(D(2026, 5, 1), None), (D(2025, 1, 1), None)]
    assert check_occupancy(contracts, lots=1) == [
        ValidationIssue(
            "dwelling", "dwelling.over_occupied", {"day": "01/05/2026", "count": 2, "lots": 1}
        )
    ]


def test_empty_and_malformed_contracts() -> None:
    assert check_occupancy([], lots=1) == []
    assert check_occupancy([(D(2026, 3, 10), D(2026, 3, 1))], lots=0) == []
    assert check_occupancy([(D(2026, 1, 1), None), (D(2026, 3, 10), D(2026, 3, 1))], lots=1) == []


contracts_strategy = st.lists(
    st.tuples(st.integers(0, 30), st.none() | st.integers(-2, 10)).map(
        lambda pair: (day(pair[0]), None if pair[1] is None else day(pair[0] + pair[1]))
    ),
    max_size=6,
)


@given(contracts_strategy, st.integers(0, 3))
def test_occupancy_sweep_matches_a_day_by_day_walk(
    contracts: list[tuple[date, date | None]], lots: int
) -> None:
    expected: list[ValidationIssue] = []
    for offset in range(HORIZON):
        current = day(offset)
        count = sum(
            1
            for start, end in contracts
            if start <= current
            and (end is None or current <= end)
            and (end is None or start <= end)
        )
        if count > lots:
            params = {"day": current.strftime("%d/%m/%Y"), "count": count, "lots": lots}
            expected = [ValidationIssue("dwelling", "dwelling.over_occupied", params)]
            break
    assert check_occupancy(contracts, lots=lots) == expected


@pytest.mark.parametrize("lots", [1, 2])
def test_long_histories_cost_nothing(lots: int) -> None:
    # Forty years of one-year contracts, one after the other: a sweep, not 14 600 days.
    contracts = [(D(1990 + i, 1, 1), D(1990 + i, 12, 31)) for i in range(40)]
    assert check_occupancy(contracts, lots=lots) == []
