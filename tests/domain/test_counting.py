"""The counting rules of DOMAIN §5 against hand-computed tables, plus Hypothesis properties.

Unless a table says otherwise the period is P = Q1 2026: 01/01/2026 → 31/03/2026, 90 days
(January 31, February 28, March 31). 30.4375 = 487/16, so d days = 16·d/487 measure-months.
"""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import counting as c
from desktop_app.domain.counting import Interval, MeasureSpan, Member
from desktop_app.domain.periods import Period
from desktop_app.domain.vocabulary import (
    DIAGNOSTIC_CONCLUSION,
    MEASURE_KIND,
    MEMBER_ROLE,
    SEX,
)

D = date
P = Period.quarter(2026, 1)


def test_constants_belong_to_the_vocabularies() -> None:
    assert c.DIAGNOSTIC in MEASURE_KIND
    assert {c.HEAD, c.VISITING_CHILD} <= set(MEMBER_ROLE)
    assert c.UNKNOWN in SEX
    assert P.days == 90
    assert Fraction(304375, 10000) == c.DAYS_PER_MONTH


# ---------------------------------------------------------------- one span in P (§5.2)

# start, end, active, entry, exit, present at start, present at end, active days, why
SPAN_TABLE = [
    (
        D(2025, 10, 1),
        D(2025, 12, 31),
        False,
        False,
        False,
        False,
        False,
        0,
        "ends the day before P",
    ),
    (D(2025, 12, 1), D(2026, 1, 1), True, False, True, True, False, 1, "ends on P.start"),
    (D(2026, 1, 1), D(2026, 1, 1), True, True, True, False, False, 1, "one day, on P.start"),
    (D(2026, 3, 31), None, True, True, False, False, True, 1, "starts on P.end, open"),
    (D(2026, 3, 31), D(2026, 3, 31), True, True, True, False, False, 1, "one day, on P.end"),
    (D(2026, 4, 1), None, False, False, False, False, False, 0, "starts the day after P"),
    (D(2025, 6, 1), None, True, False, False, True, True, 90, "open, across the whole of P"),
    (D(2025, 6, 1), D(2026, 4, 30), True, False, False, True, True, 90, "ends after P"),
    (D(2026, 1, 10), D(2026, 2, 20), True, True, True, False, False, 42, "22 Jan + 20 Feb days"),
    (D(2026, 2, 15), D(2026, 6, 30), True, True, False, False, True, 45, "14 Feb + 31 Mar days"),
    (D(2025, 11, 1), D(2026, 2, 28), True, False, True, True, False, 59, "31 Jan + 28 Feb days"),
    (D(2025, 12, 31), D(2026, 3, 31), True, False, True, True, False, 90, "ends on P.end"),
]


@pytest.mark.parametrize("row", SPAN_TABLE, ids=lambda row: row[-1])
def test_span_in_period(row: tuple) -> None:
    start, end, act, entry, exit_, at_start, at_end, days, why = row
    span = Interval(start, end)
    got = (
        c.is_active(span, P),
        c.is_entry(span, P),
        c.is_exit(span, P),
        c.present_at_start(span, P),
        c.present_at_end(span, P),
        c.active_days(span, P),
    )
    assert got == (act, entry, exit_, at_start, at_end, days), why


def test_stock_identity_on_the_table() -> None:
    spans = [Interval(row[0], row[1], household_id=i) for i, row in enumerate(SPAN_TABLE)]
    # Present at start: rows 1, 6, 7, 10, 11 (5); entries: rows 2, 3, 4, 8, 9 (5);
    # exits: rows 1, 2, 4, 8, 10, 11 (6); present at end: rows 3, 6, 7, 9 (4).
    assert len(c.stock_start(spans, P)) == 5
    assert len(c.opened(spans, P)) == 5
    assert len(c.closed(spans, P)) == 6
    assert len(c.stock_end(spans, P)) == 4
    assert len(c.active(spans, P)) == 10
    assert [s.household_id for s in c.stock_end(spans, P)] == [3, 6, 7, 9]


def test_invalid_spans_are_programming_errors() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        Interval(D(2026, 2, 1), D(2026, 1, 31))
    with pytest.raises(ValueError, match="before it starts"):
        MeasureSpan("asll", D(2026, 2, 1), D(2026, 1, 31))
    with pytest.raises(ValueError, match="suspension"):
        MeasureSpan("asll", D(2026, 1, 1), None, suspensions=((D(2026, 2, 2), D(2026, 2, 1)),))
    with pytest.raises(ValueError, match="measure kind"):
        MeasureSpan("avdl", D(2026, 1, 1), None)
    with pytest.raises(ValueError, match="conclusion"):
        MeasureSpan("diagnostic", D(2026, 1, 1), None, conclusion="maybe")
    with pytest.raises(ValueError, match="member role"):
        Member("boss", D(2026, 1, 1), None)


# ---------------------------------------------------------------- suspensions

# measure start, suspensions, active days in P, why
SUSPENSION_TABLE = [
    (D(2025, 12, 1), (), 90, "no suspension"),
    (D(2025, 12, 1), ((D(2026, 2, 1), D(2026, 2, 10)),), 80, "inside P: 10 days off"),
    (D(2025, 12, 1), ((D(2025, 12, 20), D(2026, 1, 5)),), 85, "over P.start: 01–05/01 off"),
    (D(2025, 12, 1), ((D(2026, 3, 25), D(2026, 4, 10)),), 83, "over P.end: 25–31/03 off"),
    (D(2025, 12, 1), ((D(2025, 12, 2), D(2025, 12, 10)),), 90, "before P: nothing off"),
    (D(2025, 12, 1), ((D(2026, 4, 2), None),), 90, "open, after P: nothing off"),
    (D(2025, 12, 1), ((D(2026, 3, 1), None),), 59, "open from 01/03: March off"),
    (
        D(2025, 12, 1),
        ((D(2026, 1, 10), D(2026, 1, 20)), (D(2026, 1, 15), D(2026, 1, 25))),
        74,
        "overlapping: 10–25/01 off once (16)",
    ),
    (
        D(2025, 12, 1),
        ((D(2026, 1, 10), D(2026, 1, 20)), (D(2026, 1, 21), D(2026, 1, 25))),
        74,
        "adjacent: 10–25/01 off (16)",
    ),
    (D(2025, 12, 1), ((D(2025, 12, 15), D(2026, 4, 15)),), 0, "all of P suspended"),
    (
        D(2026, 1, 15),
        ((D(2026, 1, 1), D(2026, 1, 20)),),
        70,
        "starts 15/01 (76 days), 15–20/01 off (6); days before the measure ignored",
    ),
]


@pytest.mark.parametrize(("start", "suspensions", "days", "why"), SUSPENSION_TABLE)
def test_active_days_minus_suspensions(start, suspensions, days, why) -> None:
    measure = MeasureSpan("asll", start, None, suspensions=suspensions)
    assert c.active_days(measure, P) == days, why


def test_suspended_on() -> None:
    measure = MeasureSpan("asll", D(2025, 1, 1), None, suspensions=((D(2026, 3, 1), None),))
    assert not c.is_suspended_on(measure, D(2026, 2, 28))
    assert c.is_suspended_on(measure, D(2026, 3, 1))
    assert not c.is_suspended_on(Interval(D(2025, 1, 1), None), D(2026, 3, 1))


# ---------------------------------------------------------------- February

# period, measure start, end, prorata (exact), rounded, started months, 15ths, why
FEBRUARY_TABLE = [
    (Period.quarter(2026, 1), D(2026, 2, 1), D(2026, 2, 28), Fraction(448, 487), 0.9, 1, 1, "28 d"),
    (Period.quarter(2028, 1), D(2028, 2, 1), D(2028, 2, 29), Fraction(464, 487), 1.0, 1, 1, "29 d"),
    (Period.month(2026, 2), D(2025, 6, 1), None, Fraction(448, 487), 0.9, 1, 1, "P = Feb only"),
    (Period.month(2026, 1), D(2025, 6, 1), None, Fraction(496, 487), 1.0, 1, 1, "31 d: 1.018"),
    (Period.quarter(2026, 1), D(2026, 2, 16), D(2026, 3, 14), Fraction(432, 487), 0.9, 2, 0, "27"),
]


@pytest.mark.parametrize("row", FEBRUARY_TABLE, ids=lambda row: row[-1])
def test_measure_over_february(row: tuple) -> None:
    period, start, end, prorata, rounded, started, on_15th, why = row
    spans = [MeasureSpan("avdl_dalo", start, end)]
    assert c.measure_months(spans, period, c.PRORATA_DAYS) == prorata, why
    assert c.round_half_up(prorata) == rounded, why
    assert c.measure_months(spans, period, c.STARTED_MONTH) == started, why
    assert c.measure_months(spans, period, c.PRESENT_ON_15TH) == on_15th, why


# ---------------------------------------------------------------- six measures, three methods

# name, measure, active days in P, started months, 15ths, why
SIX_MEASURES = [
    (
        "M1",
        MeasureSpan("avdl_dalo", D(2025, 10, 1), None, renewals=(D(2026, 4, 1),)),
        90,
        3,
        3,
        "open, all of P; its renewal falls after P",
    ),
    (
        "M2",
        MeasureSpan("avdl_non_dalo", D(2026, 1, 16), D(2026, 3, 14)),
        58,
        3,
        1,
        "16 Jan + 28 Feb + 14 Mar days; 15/01 before it, 15/03 after it",
    ),
    (
        "M3",
        MeasureSpan("asll", D(2026, 1, 1), D(2026, 1, 15)),
        15,
        1,
        1,
        "01–15/01: ends on a 15th, which counts",
    ),
    (
        "M4",
        MeasureSpan(
            "iml_support",
            D(2025, 6, 1),
            None,
            suspensions=((D(2026, 2, 1), D(2026, 2, 28)),),
            renewals=(D(2025, 12, 1), D(2026, 3, 1)),
        ),
        62,
        2,
        2,
        "February wholly suspended: 90 − 28 days, February is no started month",
    ),
    (
        "M5",
        MeasureSpan("sliding_lease_support", D(2026, 3, 31), None),
        1,
        1,
        0,
        "starts on P.end: one day, a started March, no 15th",
    ),
    (
        "M6",
        MeasureSpan(
            "boarding_house_support",
            D(2026, 2, 10),
            D(2026, 5, 31),
            suspensions=((D(2026, 3, 10), D(2026, 3, 20)),),
            renewals=(D(2026, 3, 31),),
        ),
        39,
        2,
        1,
        "19 Feb + (31 − 11) Mar days; suspended on 15/03",
    ),
]
DIAG = MeasureSpan(
    "diagnostic",
    D(2026, 1, 5),
    D(2026, 2, 5),
    renewals=(D(2026, 1, 20),),
    conclusion="support_proposed",
)
MEASURES = [row[1] for row in SIX_MEASURES]


@pytest.mark.parametrize("row", SIX_MEASURES, ids=lambda row: row[0])
def test_each_measure(row: tuple) -> None:
    name, measure, days, started, on_15th, why = row
    assert c.active_days(measure, P) == days, f"{name}: {why}"
    assert c.months_of(measure, P, c.PRORATA_DAYS) == Fraction(16 * days, 487), name
    assert c.months_of(measure, P, c.STARTED_MONTH) == started, f"{name}: {why}"
    assert c.months_of(measure, P, c.PRESENT_ON_15TH) == on_15th, f"{name}: {why}"


def test_the_three_methods_on_the_six_measures() -> None:
    spans = [*MEASURES, DIAG]  # the diagnostic changes nothing
    # prorata: (90 + 58 + 15 + 62 + 1 + 39) = 265 days ÷ 30.4375 = 4240/487 = 8.706…
    assert c.measure_months(spans, P, c.PRORATA_DAYS) == Fraction(4240, 487)
    assert c.round_half_up(c.measure_months(spans, P, c.PRORATA_DAYS)) == 8.7
    # started months: 3 + 3 + 1 + 2 + 1 + 2
    assert c.measure_months(spans, P, c.STARTED_MONTH) == 12
    # present on the 15th: 3 + 1 + 1 + 2 + 0 + 1
    assert c.measure_months(spans, P, c.PRESENT_ON_15TH) == 8
    with pytest.raises(ValueError, match="method"):
        c.measure_months([], P, "calendar")


def test_counts_of_the_six_measures_leave_the_diagnostic_apart() -> None:
    spans = [*MEASURES, DIAG]
    names = {id(row[1]): row[0] for row in SIX_MEASURES}

    def named(selected: tuple[MeasureSpan, ...]) -> list[str]:
        return [names[id(m)] for m in selected]

    assert named(c.opened(spans, P)) == ["M2", "M3", "M5", "M6"]
    assert named(c.active(spans, P)) == ["M1", "M2", "M3", "M4", "M5", "M6"]
    assert named(c.closed(spans, P)) == ["M2", "M3"]
    assert named(c.stock_start(spans, P)) == ["M1", "M4"]
    assert named(c.stock_end(spans, P)) == ["M1", "M4", "M5", "M6"]
    # M4 renewed on 01/03, M6 on 31/03; M1's is after P, M4's first before; the diagnostic's
    # is ignored.
    assert [(names[id(m)], day) for m, day in c.renewals(spans, P)] == [
        ("M4", D(2026, 3, 1)),
        ("M6", D(2026, 3, 31)),
    ]


def test_a_measure_renewed_twice_in_p_counts_twice() -> None:
    measure = MeasureSpan("avdl_dalo", D(2025, 1, 1), None, renewals=(D(2026, 3, 1), D(2026, 1, 1)))
    assert [day for _, day in c.renewals([measure], P)] == [D(2026, 1, 1), D(2026, 3, 1)]


# ---------------------------------------------------------------- diagnostics apart

# kind, start, end, conclusion, why
DIAGNOSTIC_TABLE = [
    ("diagnostic", D(2025, 12, 1), D(2026, 1, 10), "support_proposed", "done in P"),
    ("diagnostic", D(2026, 2, 1), D(2026, 3, 31), "no_measure", "done on P.end"),
    ("diagnostic", D(2026, 3, 1), D(2026, 3, 2), "refused", "done in P"),
    ("diagnostic", D(2026, 1, 1), D(2026, 1, 5), "support_proposed", "done in P"),
    ("diagnostic", D(2026, 2, 1), D(2026, 2, 3), None, "done in P, conclusion missing"),
    ("diagnostic", D(2025, 11, 1), D(2025, 12, 31), "refused", "done before P"),
    ("diagnostic", D(2026, 3, 15), None, None, "still going on"),
    ("asll", D(2026, 1, 1), D(2026, 1, 31), None, "a measure, not a diagnostic"),
]


def test_diagnostics_are_counted_apart() -> None:
    spans = [MeasureSpan(kind, s, e, conclusion=k) for kind, s, e, k, _ in DIAGNOSTIC_TABLE]
    assert len(c.diagnostics(spans)) == 7
    assert len(c.diagnostics_done(spans, P)) == 5
    by_conclusion = {
        code: len(found) for code, found in c.diagnostics_by_conclusion(spans, P).items()
    }
    assert by_conclusion == {"support_proposed": 2, "no_measure": 1, "refused": 1}
    assert set(by_conclusion) == set(DIAGNOSTIC_CONCLUSION)
    # measures.* see only the ASLL measure
    assert len(c.active(spans, P)) == 1
    assert len(c.opened(spans, P)) == 1
    assert len(c.closed(spans, P)) == 1
    assert c.measure_months(spans, P, c.STARTED_MONTH) == 1
    assert c.durations(spans, P) == (30,)


def test_no_diagnostic_gives_zeros_not_missing_codes() -> None:
    assert c.diagnostics_by_conclusion([], P) == {
        "support_proposed": (),
        "no_measure": (),
        "refused": (),
    }


# ---------------------------------------------------------------- durations (§5.4)

# measure, duration in days (None: not an exit of P), why
DURATION_TABLE = [
    (MeasureSpan("asll", D(2025, 10, 1), D(2026, 1, 31)), 122, "31 + 30 + 31 + 30: no suspension"),
    (
        MeasureSpan(
            "avdl_dalo",
            D(2026, 1, 5),
            D(2026, 3, 5),
            suspensions=((D(2026, 2, 1), D(2026, 2, 10)),),
        ),
        49,
        "59 days − 10 suspended",
    ),
    (
        MeasureSpan(
            "iml_support",
            D(2025, 12, 20),
            D(2026, 2, 15),
            suspensions=((D(2025, 12, 1), D(2025, 12, 31)),),
        ),
        45,
        "57 days − 12 (only 20–31/12 is inside the measure)",
    ),
    (MeasureSpan("asll", D(2026, 3, 31), D(2026, 3, 31)), 0, "one day lasts 0"),
    (MeasureSpan("asll", D(2026, 1, 1), D(2026, 4, 10)), None, "ends after P"),
    (MeasureSpan("asll", D(2026, 1, 1), None), None, "still going on"),
    (MeasureSpan("asll", D(2025, 1, 1), D(2025, 12, 31)), None, "ended before P"),
    (MeasureSpan("diagnostic", D(2026, 1, 1), D(2026, 1, 31)), None, "a diagnostic"),
]


def test_measure_durations() -> None:
    spans = [row[0] for row in DURATION_TABLE]
    expected = tuple(row[1] for row in DURATION_TABLE if row[1] is not None)
    assert c.durations(spans, P) == expected == (122, 49, 45, 0)
    assert c.mean_days(spans, P) == 54  # 216 / 4
    assert c.median_days(spans, P) == 47  # (45 + 49) / 2, the two middle values
    assert c.round_half_up(c.median_days(spans, P)) == 47.0


def test_stay_durations_odd_count() -> None:
    stays = [
        Interval(D(2026, 1, 1), D(2026, 1, 31)),  # 30 days
        Interval(D(2026, 2, 1), D(2026, 2, 11)),  # 10 days
        Interval(D(2025, 12, 15), D(2026, 1, 4)),  # 16 + 4 = 20 days
        Interval(D(2026, 3, 1), None),  # still present
    ]
    assert c.durations(stays, P) == (30, 10, 20)
    assert c.mean_days(stays, P) == 20
    assert c.median_days(stays, P) == 20


def test_duration_edges() -> None:
    whole = MeasureSpan("asll", D(2026, 1, 1), D(2026, 1, 10), suspensions=((D(2026, 1, 1), None),))
    assert c.duration_days(whole) == 0  # never negative
    with pytest.raises(ValueError, match="open"):
        c.duration_days(Interval(D(2026, 1, 1), None))
    assert c.mean_days([], P) is None
    assert c.median_days([], P) is None


@pytest.mark.parametrize(
    ("value", "rounded"),
    [
        (Fraction(5, 3), 1.7),
        (Fraction(1, 20), 0.1),  # 0.05: half-up, not half-even
        (Fraction(1, 4), 0.3),
        (Fraction(4240, 487), 8.7),
        (Fraction(47), 47.0),
        (None, None),
    ],
)
def test_round_half_up(value, rounded) -> None:
    assert c.round_half_up(value) == rounded


# ---------------------------------------------------------------- persons (§5.3)


def test_reference_date() -> None:
    assert c.reference_date(None, P) == D(2026, 3, 31)  # still present
    assert c.reference_date(D(2026, 2, 10), P) == D(2026, 2, 10)  # left during P
    assert c.reference_date(D(2026, 3, 31), P) == D(2026, 3, 31)
    assert c.reference_date(D(2026, 5, 1), P) == D(2026, 3, 31)  # leaves after P


@pytest.mark.parametrize(
    ("birth", "day", "age"),
    [
        (D(2008, 3, 31), D(2026, 3, 31), 18),  # birthday: the year is gained that day
        (D(2008, 3, 31), D(2026, 3, 30), 17),
        (D(2008, 2, 29), D(2026, 2, 28), 17),  # born on 29 February
        (D(2008, 2, 29), D(2026, 3, 1), 18),
    ],
)
def test_age_on(birth, day, age) -> None:
    assert c.age_on(birth, day) == age


REF = D(2026, 3, 31)


def born(age: int, *, days_before_birthday: int = 0) -> date:
    """A birth date giving ``age`` on REF (``days_before_birthday`` > 0: one day younger)."""
    return REF.replace(year=REF.year - age) + timedelta(days=days_before_birthday)


@pytest.mark.parametrize(
    ("birth", "band"),
    [
        (born(24), "lt25"),
        (born(25), "25_34"),
        (born(25, days_before_birthday=1), "lt25"),
        (born(34), "25_34"),
        (born(35), "35_44"),
        (born(45), "45_54"),
        (born(54), "45_54"),
        (born(55), "55_64"),
        (born(64), "55_64"),
        (born(65), "65p"),
        (born(90), "65p"),
        (None, "unknown"),
    ],
)
def test_age_bands(birth, band) -> None:
    assert c.age_band(birth, REF) == band
    assert band in c.AGE_BANDS


JOINED = D(2020, 1, 1)


def m(role: str, birth: date | None, *, joined: date = JOINED, left: date | None = None) -> Member:
    return Member(role, joined, left, birth)


# members, reference day, (persons, adults, children, unknown, composition, head band), why
PROFILE_TABLE = [
    ([m("head", D(1980, 5, 1))], REF, (1, 1, 0, 0, "single", "45_54"), "45 on 31/03/2026"),
    (
        [m("head", D(1990, 1, 1)), m("partner", D(1992, 6, 1))],
        REF,
        (2, 2, 0, 0, "couple", "35_44"),
        "two adults",
    ),
    (
        [m("head", D(2001, 4, 1)), m("child", D(2015, 1, 1))],
        REF,
        (2, 1, 1, 0, "single_parent", "lt25"),
        "head turns 25 the day after",
    ),
    (
        [
            m("head", D(1985, 1, 1)),
            m("partner", D(1986, 1, 1)),
            m("child", D(2012, 1, 1)),
            m("child", D(2016, 1, 1)),
        ],
        REF,
        (4, 2, 2, 0, "couple_children", "35_44"),
        "two adults, two children",
    ),
    (
        [m("head", D(1970, 1, 1)), m("child", D(2008, 3, 31))],
        REF,
        (2, 2, 0, 0, "couple", "55_64"),
        "the child turns 18 on the reference date: an adult (counts of adults decide)",
    ),
    (
        [m("head", D(1970, 1, 1)), m("child", D(2008, 3, 31))],
        D(2026, 3, 30),
        (2, 1, 1, 0, "single_parent", "55_64"),
        "the day before, still a child",
    ),
    (
        [m("head", D(1985, 1, 1)), m("other", None)],
        REF,
        (2, 1, 0, 1, "other", "35_44"),
        "a member without birth date: age unknown, composition other",
    ),
    (
        [m("head", None)],
        REF,
        (1, 0, 0, 1, "other", "unknown"),
        "a head without birth date",
    ),
    (
        [m("head", D(1980, 1, 1)), m("visiting_child", D(2018, 1, 1))],
        REF,
        (1, 1, 0, 0, "single", "45_54"),
        "visiting children excluded",
    ),
    (
        [
            m("head", D(1980, 1, 1)),
            m("partner", D(1980, 1, 1), left=D(2026, 3, 30)),
            m("child", D(2010, 1, 1), left=REF),
            m("child", D(2026, 4, 1), joined=D(2026, 4, 1)),
        ],
        REF,
        (2, 1, 1, 0, "single_parent", "45_54"),
        "left the day before: out; left on the day: in; joins after: out",
    ),
    (
        [m("head", D(1960, 1, 1)), m("partner", D(1962, 1, 1)), m("other", D(1990, 1, 1))],
        REF,
        (3, 3, 0, 0, "other", "65p"),
        "three adults",
    ),
    (
        [
            m("head", D(1960, 1, 1)),
            m("partner", D(1962, 1, 1)),
            m("other", D(1990, 1, 1)),
            m("child", D(2020, 1, 1)),
        ],
        REF,
        (4, 3, 1, 0, "other", "65p"),
        "three adults and a child",
    ),
    ([m("head", D(2009, 1, 1))], REF, (1, 0, 1, 0, "other", "lt25"), "a minor alone: (0, 1)"),
    ([], REF, (0, 0, 0, 0, "other", "unknown"), "nobody that day"),
]


@pytest.mark.parametrize(("members", "day", "expected", "why"), PROFILE_TABLE)
def test_household_profile(members, day, expected, why) -> None:
    profile = c.household_profile(members, day)
    got = (
        profile.persons,
        profile.adults,
        profile.children,
        profile.age_unknown,
        profile.composition,
        profile.head_age_band,
    )
    assert got == expected, why
    assert profile.adults + profile.children + profile.age_unknown == profile.persons


def test_every_composition_is_reached() -> None:
    reached = {row[2][4] for row in PROFILE_TABLE}
    assert reached == set(c.COMPOSITIONS)


def test_head_sex() -> None:
    members = [Member("head", JOINED, None, D(1980, 1, 1), "f"), Member("partner", JOINED, None)]
    assert c.household_profile(members, REF).head_sex == "f"
    assert c.household_profile([Member("child", JOINED, None)], REF).head_sex == "unknown"


@pytest.mark.parametrize(
    ("adults", "children", "unknown", "expected"),
    [
        (1, 0, 0, "single"),
        (2, 0, 0, "couple"),
        (1, 1, 0, "single_parent"),
        (1, 3, 0, "single_parent"),
        (2, 1, 0, "couple_children"),
        (2, 4, 0, "couple_children"),
        (0, 0, 0, "other"),
        (0, 2, 0, "other"),
        (3, 0, 0, "other"),
        (1, 0, 1, "other"),
    ],
)
def test_composition(adults, children, unknown, expected) -> None:
    assert c.composition(adults, children, unknown) == expected


# ---------------------------------------------------------------- properties

DAYS = st.dates(min_value=D(2024, 1, 1), max_value=D(2028, 12, 31))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    first = draw(DAYS)
    return Period(first, first + timedelta(days=draw(st.integers(0, 500))))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    first = draw(DAYS)
    length = draw(st.none() | st.integers(0, 800))
    return Interval(first, None if length is None else first + timedelta(days=length))


@st.composite
def measures(draw: st.DrawFn) -> MeasureSpan:
    span = draw(intervals())
    suspensions = []
    for _ in range(draw(st.integers(0, 3))):
        first = draw(DAYS)
        length = draw(st.none() | st.integers(0, 200))
        suspensions.append((first, None if length is None else first + timedelta(days=length)))
    kind = draw(st.sampled_from(MEASURE_KIND.codes))
    return MeasureSpan(kind, span.start, span.end, suspensions=tuple(suspensions))


@given(st.lists(intervals(), max_size=20), periods())
def test_stock_identity(spans: list[Interval], period: Period) -> None:
    for span in spans:
        assert c.present_at_start(span, period) + c.is_entry(span, period) - c.is_exit(
            span, period
        ) == c.present_at_end(span, period)
    assert len(c.stock_start(spans, period)) + len(c.opened(spans, period)) - len(
        c.closed(spans, period)
    ) == len(c.stock_end(spans, period))


@given(st.lists(measures(), max_size=10), periods())
def test_measure_months_bounds(spans: list[MeasureSpan], period: Period) -> None:
    counted = [s for s in spans if not s.is_diagnostic]
    prorata = c.measure_months(spans, period, c.PRORATA_DAYS)
    started = c.measure_months(spans, period, c.STARTED_MONTH)
    on_15th = c.measure_months(spans, period, c.PRESENT_ON_15TH)
    # months of P = its days ÷ 30.4375 (a whole 31-day month alone is 1.018 months)
    assert 0 <= prorata <= len(counted) * period.days / c.DAYS_PER_MONTH
    assert 0 <= on_15th <= started <= len(counted) * len(period.months())
    for span in counted:
        # a started month holds at most 31 active days
        assert (
            c.months_of(span, period, c.PRORATA_DAYS)
            <= c.months_of(span, period, c.STARTED_MONTH) * 31 / c.DAYS_PER_MONTH
        )


@given(measures(), periods())
def test_active_days_bounds_and_additivity(span: MeasureSpan, period: Period) -> None:
    days = c.active_days(span, period)
    assert 0 <= days <= period.days
    if days > 0:
        assert c.is_active(span, period)
    assert sum(c.active_days(span, part) for part in period.months()) == days
    plain = Interval(span.start, span.end)
    window = period.overlap(Period(span.start, span.end or date.max))
    assert days <= c.active_days(plain, period) == (window.days if window else 0)


@given(intervals().filter(lambda s: s.end is not None))
def test_duration_is_days_minus_one(span: Interval) -> None:
    assert span.end is not None
    assert c.duration_days(span) == c.active_days(span, Period(span.start, span.end)) - 1
