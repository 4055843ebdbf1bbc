"""The people, stay, measure and admission figures on small tables counted by hand."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction

from desktop_app.domain import counting as c
from desktop_app.domain import people_figures as pf
from desktop_app.domain.figures import Figure, consistency
from desktop_app.domain.periods import Period

Q1 = Period(date(2026, 1, 1), date(2026, 3, 31))

STAYS = [
    # present all along
    pf.StayRow(1, 1, 10, date(2025, 6, 1), None, "street", "siao"),
    # in and out: 10/02 → 20/03 = 38 days, social housing
    pf.StayRow(
        2,
        2,
        10,
        date(2026, 2, 10),
        date(2026, 3, 20),
        "emergency_shelter",
        "siao",
        "social_housing",
        "project_achieved",
    ),
    # ends on the first day: present at start AND an exit (31 days), nothing said at exit
    pf.StayRow(3, 3, 10, date(2025, 12, 1), date(2026, 1, 1)),
    # after the period: not counted anywhere
    pf.StayRow(4, 4, 10, date(2026, 4, 1), None),
    # enters on the last day, no referrer
    pf.StayRow(5, 5, 10, date(2026, 3, 31), None, "hotel_115"),
]

MEMBERS = {
    # the child turns 18 on the reference date (31/03/2026): an adult, so a couple
    1: [
        c.Member("head", date(2020, 1, 1), None, date(1990, 5, 1), "f", 11),
        c.Member("child", date(2020, 1, 1), None, date(2008, 3, 31), "h", 12),
    ],
    # counted on its exit day (20/03); the partner has no birth date
    2: [
        c.Member("head", date(2026, 1, 1), None, date(2001, 1, 1), "h", 21),
        c.Member("partner", date(2026, 1, 1), None, None, "f", 22),
    ],
    # counted on 01/01/2026 (75 years old); a visiting child is never counted
    3: [
        c.Member("head", date(2025, 1, 1), None, date(1950, 6, 1), "unknown", 31),
        c.Member("visiting_child", date(2025, 1, 1), None, date(2015, 1, 1), "f", 32),
    ],
    5: [
        c.Member("head", date(2026, 3, 31), None, date(2003, 4, 1), "f", 51),
        c.Member("child", date(2026, 3, 31), None, date(2020, 5, 5), "f", 52),
    ],
}


def values(figures: Mapping[str, Figure]) -> dict[str, object]:
    return {code: figure.value for code, figure in figures.items()}


def test_public_counts_each_household_on_its_reference_date() -> None:
    figures = pf.public_figures(STAYS, [], MEMBERS, Q1)
    got = values(figures)
    assert got["households"] == 4
    assert (got["persons"], got["adults"], got["children"], got["persons.age_unknown"]) == (
        7,
        5,
        1,
        1,
    )
    assert got["composition.couple"] == 1  # household 1: the child is 18 that day
    assert got["composition.other"] == 1  # household 2: a person of unknown age
    assert got["composition.single"] == 1
    assert got["composition.single_parent"] == 1
    assert (got["head.sex.f"], got["head.sex.h"], got["head.sex.unknown"]) == (2, 1, 1)
    assert got["head.age.35_44"] == 1
    assert got["head.age.25_34"] == 1
    assert got["head.age.65p"] == 1
    assert got["head.age.lt25"] == 1
    assert figures["persons.age_unknown"].households == (2,)
    assert figures["households"].households == (1, 2, 3, 5)


def test_stays_entries_exits_and_durations() -> None:
    figures = pf.stay_figures(STAYS, Q1, frozenset({"social_housing", "private_housing", "slid"}))
    got = values(figures)
    assert got["households.stock_start"] == 2
    assert got["households.entries"] == 2
    assert got["households.exits"] == 2
    assert got["households.stock_end"] == 2
    assert got["entry_situation.emergency_shelter"] == 1
    assert got["entry_situation.hotel_115"] == 1
    assert got["referrer.siao"] == 1
    assert got["referrer.unknown"] == 1
    assert got["exits.destination.social_housing"] == 1
    assert got["exits.destination.unknown"] == 1
    assert got["exits.reason.project_achieved"] == 1
    assert got["exits.reason.unknown"] == 1
    assert got["exits.to_permanent_housing"] == 1
    assert got["stay.mean_days"] == Decimal("34.5")  # (38 + 31) / 2
    assert got["stay.median_days"] == Decimal("34.5")
    assert got["access.mean_days"] == Decimal("38.0")
    assert got["glissements"] == 0
    assert figures["exits.destination.unknown"].households == (3,)


def test_measures_with_a_suspension_a_renewal_and_a_diagnostic() -> None:
    measures = [
        pf.MeasureRow(
            c.MeasureSpan(
                "avdl_dalo",
                date(2026, 1, 16),
                None,
                suspensions=((date(2026, 2, 1), date(2026, 2, 10)),),
                household_id=1,
                measure_id=1,
            ),
            dalo_status="dalo_priority",
            target_public="street_hotel",
            prescribed_on=date(2026, 1, 10),
        ),
        pf.MeasureRow(
            c.MeasureSpan(
                "avdl_non_dalo",
                date(2025, 11, 1),
                date(2026, 2, 28),
                renewals=(date(2026, 1, 15),),
                household_id=2,
                measure_id=2,
            ),
            outcome="rehoused",
            destination="social_housing",
        ),
        pf.MeasureRow(
            c.MeasureSpan(
                "diagnostic",
                date(2026, 1, 5),
                date(2026, 1, 20),
                conclusion="support_proposed",
                household_id=3,
                measure_id=3,
            )
        ),
    ]
    figures = pf.measure_figures(measures, Q1, "prorata_days", {1: date(2026, 1, 20)})
    got = values(figures)
    assert got["diagnostics.done"] == 1
    assert got["diagnostics.conclusion.support_proposed"] == 1
    assert (got["measures.opened"], got["measures.active"], got["measures.closed"]) == (1, 2, 1)
    assert got["measures.stock_end"] == 1
    assert got["measures.renewals"] == 1
    assert got["measures.active.avdl_dalo.dalo_priority"] == 1
    assert got["measures.active.avdl_non_dalo.non_dalo"] == 1
    assert got["measures.public.street_hotel"] == 1
    assert got["measures.public.unknown"] == 1
    # (75 − 10 suspended) + 59 = 124 days ÷ 30.4375 = 4.07…
    assert got["measure_months"] == Decimal("4.1")
    assert got["measures.outcome.rehoused"] == 1
    assert got["measures.destination.social_housing"] == 1
    assert got["measures.mean_days"] == Decimal("119.0")  # 01/11/2025 → 28/02/2026
    assert got["delay_first_contact.mean_days"] == Decimal("10.0")
    checks = {r.rule.key: r.passed for r in consistency(figures)}
    assert checks["measures_active"] is True
    assert checks["measures_outcome"] is True
    assert checks["diagnostics"] is True


def test_admissions_refusals_delays_and_rehousings() -> None:
    candidatures = [
        pf.CandidatureRow(1, date(2025, 12, 1), "admitted", date(2026, 1, 5), None, 2),
        pf.CandidatureRow(
            6, date(2026, 1, 10), "refused_structure", date(2026, 1, 30), "incomplete_file", None
        ),
        pf.CandidatureRow(7, date(2026, 2, 10), None, None, None, None),
        pf.CandidatureRow(8, date(2026, 2, 11), "no_follow_up", date(2026, 3, 1), None, None),
    ]
    rehousings = [
        pf.RehousingRow(2, date(2026, 3, 21), "social"),
        pf.RehousingRow(9, date(2026, 4, 2), "private"),
    ]
    got = values(pf.admission_figures(candidatures, STAYS, rehousings, Q1))
    assert got["candidatures.received"] == 3
    assert got["candidatures.admitted"] == 1
    assert got["candidatures.refused"] == 1
    assert got["candidatures.refused.incomplete_file"] == 1
    # stay 2 entered 10/02/2026, oriented 01/12/2025: 71 days
    assert got["delay_orientation_entry.mean_days"] == Decimal("71.0")
    assert got["rehousings"] == 1
    assert got["rehousings.social"] == 1
    assert got["rehousings.private"] == 0


def test_esds_snapshot_by_sex_and_age() -> None:
    got = values(pf.esds_figures(STAYS, MEMBERS, date(2026, 3, 31), Q1))
    # on 31/03/2026: households 1 and 5 (2 persons each)
    assert got["esds.present.persons"] == 4
    assert (got["esds.present.f"], got["esds.present.h"]) == (3, 1)
    assert got["esds.present.age.18_24"] == 2  # the child turning 18 and the head born 2003
    assert got["esds.present.age.lt18"] == 1
    assert got["esds.present.age.35_44"] == 1
    assert got["esds.exits.destination.social_housing"] == 1


def test_exact_rounds_half_up_and_keeps_counts() -> None:
    assert pf.exact(3, "count") == 3
    assert pf.exact(None, "rate") is None
    assert pf.exact(Fraction(1, 20), "rate") == Decimal("0.1")
    assert pf.exact(Fraction(469, 200), "eur") == Decimal("2.35")
