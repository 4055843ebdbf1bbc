"""The rules of reminders (DOMAIN §7): window, go-live, overdue, order, team view."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain import reminders as r
from desktop_app.domain.messages import MESSAGES, message, placeholders
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.domain.sliding import DEADLINE, LANDLORD_BILAN, PREFECT_INFORMATION, REVIEW

D = date
TODAY = D(2026, 3, 15)


def test_window_includes_the_horizon_last_day_and_every_overdue_date() -> None:
    days = r.window(TODAY, 30)
    assert days.last_day == D(2026, 4, 14)
    assert days.raises(D(2026, 4, 14))  # inclusive, as every interval (DOMAIN §0)
    assert not days.raises(D(2026, 4, 15))
    assert days.raises(TODAY)
    assert days.raises(D(2019, 1, 1))  # overdue: listed however old without a go-live date


def test_nothing_before_the_go_live_date() -> None:
    days = r.window(TODAY, 30, go_live=D(2026, 1, 1))
    assert not days.raises(D(2025, 12, 31))
    assert days.raises(D(2026, 1, 1))
    assert days.raises(D(2026, 4, 1))


def test_horizon_zero_lists_today_and_the_overdue_only() -> None:
    days = r.window(TODAY, 0)
    assert days.raises(TODAY)
    assert days.raises(D(2026, 3, 14))
    assert not days.raises(D(2026, 3, 16))


def test_overdue_means_before_today() -> None:
    days = r.window(TODAY, 30)
    assert days.overdue(D(2026, 3, 14))
    assert not days.overdue(TODAY)
    assert r.urgency(D(2026, 3, 14), TODAY) == r.OVERDUE
    assert r.urgency(TODAY, TODAY) == r.SOON
    assert r.urgency(D(2026, 4, 1), TODAY) == r.SOON


@pytest.mark.parametrize("horizon", [-1, r.MAX_HORIZON_DAYS + 1, True])
def test_invalid_horizons(horizon: int) -> None:
    [issue] = r.horizon_issues(horizon)
    assert (issue.field, issue.code) == ("horizon_days", r.HORIZON_INVALID)
    assert "366" in issue.text
    with pytest.raises(ValueError, match="horizon"):
        r.window(TODAY, horizon)


def test_valid_horizons() -> None:
    assert r.horizon_issues(0) == []
    assert r.horizon_issues(r.DEFAULT_HORIZON_DAYS) == []
    assert r.horizon_issues(r.MAX_HORIZON_DAYS) == []


def test_go_live_as_stored() -> None:
    assert r.go_live_date(None) is None
    assert r.go_live_date("") is None
    assert r.go_live_date("2026-01-01") == D(2026, 1, 1)
    assert r.go_live_date(D(2026, 1, 1)) == D(2026, 1, 1)


def test_order_by_due_date_then_code_then_reference() -> None:
    keys = [
        r.sort_key(D(2026, 4, 1), r.CONTRACT_RENEWAL, "M-2"),
        r.sort_key(D(2026, 3, 1), r.RESIDENCE_PERMIT, "M-9"),
        r.sort_key(D(2026, 4, 1), r.CONTRACT_RENEWAL, "M-1"),
        r.sort_key(D(2026, 4, 1), r.MAIN_LEASE_END, None),
    ]
    assert sorted(keys) == [
        (D(2026, 3, 1), r.RESIDENCE_PERMIT, "M-9"),
        (D(2026, 4, 1), r.CONTRACT_RENEWAL, "M-1"),
        (D(2026, 4, 1), r.CONTRACT_RENEWAL, "M-2"),
        (D(2026, 4, 1), r.MAIN_LEASE_END, ""),
    ]


def test_team_view_follows_who_acts_beyond_a_caseload() -> None:
    worker = Actor(1, "sw", (Grant("social_worker"),))
    intern = Actor(2, "intern", (Grant("intern"),))
    host = Grant("host", residence_id=4)
    coordinator = Grant("coordinator", programme_id=7)
    assert not r.sees_team(worker)
    assert not r.sees_team(intern)
    assert r.sees_team(SYSTEM_ACTOR)
    for role in ("coordinator", "director", "rental_manager", "secretary", "host"):
        assert r.sees_team(Actor(3, role, (Grant(role),))), role
    # Each grant keeps its scope; caseload-only grants do not widen the view.
    both = Actor(5, "both", (Grant("social_worker"), host, coordinator))
    assert r.team_grants(both) == (host, coordinator)
    assert not r.sees_team(Actor(6, "tech", (Grant("tech_admin"),)))


def test_every_reminder_code_has_its_french_text() -> None:
    params = {
        r.CONTRACT_RENEWAL: {"due", "dwelling"},
        r.MAIN_LEASE_END: {"due", "dwelling"},
        r.MAIN_LEASE_NOTICE: {"due", "dwelling", "notice"},
        r.RESIDENCE_PERMIT: {"due", "person"},
        r.RESIDENCE_PERMIT_MASKED: {"due"},
        REVIEW: {"due"},
        LANDLORD_BILAN: {"due"},
        PREFECT_INFORMATION: {"due"},
        DEADLINE: {"due"},
    }
    for code, names in params.items():
        assert code in MESSAGES
        assert placeholders(code) == names, code
    text = message(r.RESIDENCE_PERMIT, person="Aminata Diallo", due="31/03/2026")
    assert text == "Titre de séjour à renouveler : Aminata Diallo, expiration le 31/03/2026."


def test_the_agenda_codes_have_their_french_text_and_kind() -> None:
    params = {
        r.APPOINTMENT: ({"due", "held"}, r.KIND_APPOINTMENT),
        r.REVIEW_DUE: ({"due", "measure"}, r.KIND_REVIEW),
        r.FINAL_REVIEW_DUE: ({"due", "measure"}, r.KIND_REVIEW),
        r.REVIEW_TO_SEND: ({"due", "measure", "written"}, r.KIND_REVIEW),
        r.MEASURE_END: ({"due", "measure"}, r.KIND_MEASURE),
        r.DIAGNOSTIC_END: ({"due"}, r.KIND_MEASURE),
        r.TODO: ({"text"}, r.KIND_TODO),
    }
    for code, (names, kind) in params.items():
        assert placeholders(code) == names, code
        assert r.kind_of(code) == kind
    assert message(r.TODO, text="Appeler le CCAS", due="01/04/2026") == "Appeler le CCAS"


def test_every_reminder_has_a_kind() -> None:
    assert r.kind_of(REVIEW) == r.KIND_SLIDING
    assert r.kind_of(DEADLINE) == r.KIND_SLIDING
    assert r.kind_of(r.CONTRACT_RENEWAL) == r.KIND_CONTRACT
    assert r.kind_of(r.RESIDENCE_PERMIT_MASKED) == r.KIND_PERMIT
    assert r.kind_of(r.INSURANCE) == r.KIND_INSURANCE
    assert r.kind_of(r.MAIN_LEASE_NOTICE) == r.KIND_MAIN_LEASE
    assert all(code in MESSAGES for code in r.KINDS)
    with pytest.raises(KeyError):
        r.kind_of(r.HORIZON_INVALID)


def test_a_week_runs_from_monday_to_sunday() -> None:
    # 15/03/2026 is a Sunday.
    assert r.week_start(TODAY) == D(2026, 3, 9)
    assert r.week_start(D(2026, 3, 9)) == D(2026, 3, 9)
    days = r.week_days(TODAY)
    assert (days[0], days[-1], len(days)) == (D(2026, 3, 9), TODAY, 7)
    assert r.week_days(D(2026, 1, 1))[0] == D(2025, 12, 29)  # across the year


@pytest.mark.parametrize(
    ("due", "monday", "column"),
    [
        (D(2026, 3, 9), D(2026, 3, 9), 0),  # Monday of the week shown
        (D(2026, 3, 15), D(2026, 3, 9), 6),  # Sunday
        (D(2026, 3, 16), D(2026, 3, 9), None),  # next week
        (D(2026, 3, 2), D(2026, 3, 9), 6),  # overdue since last week: on today (Sunday)
        (D(2025, 1, 6), D(2026, 3, 9), 6),  # however old
        (D(2026, 3, 2), D(2026, 3, 16), None),  # a week without today: only its own days
        (D(2026, 3, 2), D(2026, 3, 2), 0),  # last week shown: on its own day
    ],
)
def test_the_column_of_a_reminder_in_a_week(due: D, monday: D, column: int | None) -> None:
    assert r.week_column(due, monday, TODAY) == column


def test_the_horizon_of_a_week() -> None:
    assert r.horizon_for_week(D(2026, 3, 9), TODAY) == r.DEFAULT_HORIZON_DAYS
    assert r.horizon_for_week(D(2026, 4, 13), TODAY) == 35  # to Sunday 19/04
    assert r.horizon_for_week(D(2028, 1, 3), TODAY) == r.MAX_HORIZON_DAYS
    assert r.horizon_for_week(D(2025, 1, 6), TODAY) == r.DEFAULT_HORIZON_DAYS
