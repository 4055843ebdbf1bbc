"""The arrears ladder, its statuses and reminders on scenarios written by hand (DOMAIN §4).

Unless a test says otherwise, the contract is DOMAIN §4's contract A: rent 400 € + charges
40 €, benefit 260 € paid to the association (household share 180 €), rent posted on the 1st and
due the 5th, benefit received the 10th of the next month. Defaults: grace 10 days, alert floor
50 €, CCAPEX floor 100 €, from 01/01/2027 a fixed CAF threshold of 450 €, truce 1 Nov – 31 Mar.
Each comment shows the hand computation the assertion checks.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.arrears import (
    ARREARS_LEVEL,
    CAF_PLAN,
    CAF_REPORT,
    CCAPEX_REFERRAL,
    INSTALMENT,
    LEVELS,
    MANDATE_CCAPEX,
    OVERINDEBTEDNESS,
    PLAN_BROKEN,
    PLAN_KEPT,
    RESIDENCE_TERMINATION,
    STATUSES,
    WINTER_TRUCE,
    in_winter_truce,
    level_rank,
    next_reminder,
)
from desktop_app.domain.messages import MESSAGES, message
from tests.domain.ledger_builders import PARAMS, Ledger, params_with

D = date
OCTOBER_2026 = date(2026, 10, 1)


def contract_a() -> Ledger:
    """Contract A: 400 € + 40 €, benefit 260 € in tiers payant: share 180 €."""
    return Ledger(40_000, 4_000, 26_000)


def a_unpaid_from_july_2026(last: date = OCTOBER_2026) -> Ledger:
    """Contract A, June 2026 paid, nothing paid from July."""
    ledger = contract_a()
    ledger.months(D(2026, 6, 1), last)
    ledger.pay(D(2026, 6, 8), 18_000)
    return ledger


# ------------------------------------------------------------------ partial payments


def test_a_partial_payment_below_the_share_is_a_first_default() -> None:
    ledger = a_unpaid_from_july_2026()
    ledger.pay(D(2026, 7, 8), 10_000)
    # 15/07 = 05/07 + 10 days: July owes 440 − 260 expected − 100 paid = 80 €
    # 0 < 80 < max(share 180, floor 50): first default
    result = ledger.assess(D(2026, 7, 15)).ladder
    assert (result.level, result.debt, result.episode_start) == (
        "first_default",
        8_000,
        D(2026, 7, 15),
    )
    assert ledger.level(D(2026, 7, 14)) == "none"  # still in the grace


@pytest.mark.parametrize(
    ("day", "level", "debt"),
    [
        (D(2026, 7, 15), "first_default", 8_000),  # 180 − 100 = 80
        (D(2026, 8, 15), "first_default", 16_000),  # 2 × 80 = 160 < 180
        (D(2026, 9, 15), "alert", 24_000),  # 240 ≥ 180
        (D(2026, 10, 15), "alert", 32_000),  # 320 < 2 × 180
        (D(2026, 11, 15), "caf_threshold", 40_000),  # 400 ≥ 360 (rule until 2026)
    ],
)
def test_paying_100_of_180_every_month_climbs_one_step_at_a_time(
    day: date, level: str, debt: int
) -> None:
    ledger = contract_a()
    ledger.months(D(2026, 6, 1), D(2026, 11, 1))
    ledger.pay(D(2026, 6, 8), 18_000)
    ledger.pay_monthly(D(2026, 7, 1), D(2026, 11, 1), 10_000)
    # each month leaves 80 € more. On 08/08 the 100 € settle July's 80 (the oldest): for a
    # week nothing is in default, so the episode that counts began on 15/08 (first due 05/08);
    # from then on something always stays in default.
    result = ledger.assess(day).ladder
    assert (result.level, result.debt) == (level, debt)
    if day >= D(2026, 8, 15):
        assert (result.episode_start, result.first_due) == (D(2026, 8, 15), D(2026, 8, 5))


def test_a_payment_naming_its_month_keeps_the_old_month_in_default() -> None:
    ledger = contract_a()
    ledger.months(D(2027, 6, 1), D(2027, 10, 1))
    ledger.pay(D(2027, 6, 8), 18_000)
    for month in (8, 9, 10):  # July unpaid; each later month paid by name on the 8th
        ledger.pay(D(2027, month, 8), 18_000, period=D(2027, month, 1))
    # July's 180 € stays in default from 15/07 without a break: first due 05/07
    # 04/10: 180 ≤ 450 and 05/07 + 3 months not reached → alert (180 ≥ 180)
    # 05/10: 05/07 + 3 months → impayé constitué under the rule from 2027
    assert ledger.level(D(2027, 10, 4)) == "alert"
    result = ledger.assess(D(2027, 10, 5)).ladder
    assert (result.level, result.debt, result.first_due) == (
        "caf_threshold",
        18_000,
        D(2027, 7, 5),
    )


def test_the_same_payments_naming_no_month_start_a_new_episode_each_month() -> None:
    ledger = contract_a()
    ledger.months(D(2027, 6, 1), D(2027, 10, 1))
    ledger.pay(D(2027, 6, 8), 18_000)
    ledger.pay_monthly(D(2027, 8, 1), D(2027, 10, 1), 18_000)
    # 08/08: 180 € settle July (the oldest): nothing in default → the episode ends;
    # 15/08 August is in default: a new episode, and so on every month.
    # 05/10: episode from 15/09, first due 05/09 + 3 months = 05/12 → still alert
    result = ledger.assess(D(2027, 10, 5)).ladder
    assert (result.level, result.episode_start, result.first_due) == (
        "alert",
        D(2027, 9, 15),
        D(2027, 9, 5),
    )


def test_small_partial_payments_reach_the_2027_threshold_after_three_months() -> None:
    ledger = contract_a()
    ledger.months(D(2027, 1, 1), D(2027, 5, 1))
    ledger.pay_monthly(D(2027, 1, 1), D(2027, 5, 1), 10_000)
    # 15/01: 80. 08/02: the 100 € settle January's 80: nothing in default, the episode ends;
    # a new one begins 15/02 (first due 05/02): 160, 15/03 240 ≥ 180 → alert, 15/04 320
    # 04/05: 320 ≤ 450 € → alert; 05/05 = first due 05/02 + 3 months → caf_threshold
    assert ledger.level(D(2027, 2, 15)) == "first_default"
    assert ledger.level(D(2027, 5, 4)) == "alert"
    result = ledger.assess(D(2027, 5, 5)).ladder
    assert (result.level, result.debt, result.first_due) == (
        "caf_threshold",
        32_000,
        D(2027, 2, 5),
    )
    assert (result.reached_on("alert"), result.reached_on("caf_threshold")) == (
        D(2027, 3, 15),
        D(2027, 5, 5),
    )


def test_a_debt_slowly_going_down_never_reaches_ccapex() -> None:
    ledger = a_unpaid_from_july_2026(D(2026, 12, 1))
    ledger.pay_monthly(D(2026, 9, 1), D(2026, 12, 1), 19_000)  # the share + 10 €
    # 15/08: 360 → caf_threshold (d₂), housing debt 360
    # 15/09: 360 − 190 + 180 = 350; 15/10: 340 < 360 → two months after d₂ the debt is lower
    # 15/12: 320; 6 × 180 = 1 080 never reached
    result = ledger.assess(D(2026, 12, 20)).ladder
    assert (result.level, result.debt) == ("caf_threshold", 32_000)
    assert result.reached_on("ccapex") is None


# ------------------------------------------------------------------ back-dated entries


def test_a_back_dated_payment_replays_the_past() -> None:
    ledger = a_unpaid_from_july_2026()
    # before the cheque is entered: 180 € in default on 20/07 → alert
    assert ledger.level(D(2026, 7, 20)) == "alert"
    # GIVEN the cheque of 08/07 entered in September with its own date
    ledger.pay(D(2026, 7, 8), 18_000)
    # THEN July was never in default
    assert ledger.level(D(2026, 7, 20)) == "none"
    assert ledger.assess(D(2026, 7, 20)).reminders == ()


def test_a_back_dated_partial_payment_moves_the_caf_threshold_and_its_reminder() -> None:
    ledger = a_unpaid_from_july_2026()
    assert ledger.assess(D(2026, 9, 20)).ladder.reached_on("caf_threshold") == D(2026, 8, 15)
    assert ledger.reminders(D(2026, 9, 20)) == [(CAF_REPORT, D(2026, 10, 15))]
    ledger.pay(D(2026, 8, 8), 10_000)  # entered late
    # 15/08: 180 + 180 − 100 = 260 < 360 → alert; 15/09: 260 + 180 = 440 ≥ 360 → d₂ = 15/09
    result = ledger.assess(D(2026, 9, 20)).ladder
    assert result.reached_on("caf_threshold") == D(2026, 9, 15)
    assert ledger.reminders(D(2026, 9, 20)) == [(CAF_REPORT, D(2026, 11, 15))]


def test_a_reversed_payment_is_in_default_from_the_reversal() -> None:
    ledger = a_unpaid_from_july_2026()
    ledger.pay(D(2026, 7, 8), 18_000, cancelled_on=D(2026, 7, 25))  # the cheque bounced
    # until 24/07 July is paid; from 25/07 its 180 € are in default (180 ≥ 180: alert)
    assert ledger.level(D(2026, 7, 24)) == "none"
    result = ledger.assess(D(2026, 7, 25)).ladder
    assert (result.level, result.episode_start, result.first_due) == (
        "alert",
        D(2026, 7, 25),
        D(2026, 7, 5),
    )


# ------------------------------------------------------------------ the housing benefit


@pytest.mark.parametrize(
    ("day", "level", "debt"),
    [
        (D(2026, 8, 31), "none", 0),  # August: 260 expected + 180 paid
        (D(2026, 9, 1), "first_default", 26_000),  # 260 no longer expected; share now 440
        (D(2026, 9, 15), "alert", 52_000),  # August 260 − 180 paid 08/09 + September 440
        (D(2026, 10, 15), "alert", 78_000),  # 1 140 owed − 360 paid < 2 × 440
        (D(2026, 11, 15), "caf_threshold", 104_000),  # 1 580 − 540 = 1 040 ≥ 880
    ],
)
def test_a_suspended_benefit_becomes_the_households_debt(day: date, level: str, debt: int) -> None:
    ledger = contract_a()
    ledger.suspend(D(2026, 9, 1))  # July's benefit arrived 10/08; August's never comes
    ledger.months(D(2026, 6, 1), D(2026, 11, 1))
    ledger.pay_monthly(D(2026, 6, 1), D(2026, 11, 1), 18_000)  # the household pays its 180 €
    result = ledger.assess(day).ladder
    assert (result.level, result.debt) == (level, debt)


def test_a_suspended_benefit_still_calls_for_the_caf_report() -> None:
    ledger = contract_a()
    ledger.suspend(D(2026, 9, 1))
    ledger.months(D(2026, 6, 1), D(2026, 11, 1))
    ledger.pay_monthly(D(2026, 6, 1), D(2026, 11, 1), 18_000)
    # d₂ = 15/11/2026, the association is still the payee: report by 15/01/2027
    assert ledger.reminders(D(2026, 11, 20)) == [(CAF_REPORT, D(2027, 1, 15))]


def test_a_benefit_expected_but_late_is_not_the_households_debt() -> None:
    ledger = contract_a()
    # the CAF stops paying after July's benefit (received 10/08): later ones stay expected
    ledger.months(D(2026, 6, 1), D(2026, 10, 1), received_until=D(2026, 8, 31))
    ledger.pay_monthly(D(2026, 6, 1), D(2026, 10, 1), 18_000)
    # "APL attendue non reçue": shown apart, never in the household's debt
    result = ledger.assess(D(2026, 10, 20)).ladder
    assert (result.level, result.debt) == ("none", 0)


# ------------------------------------------------------------------ opening balances


def test_a_large_opening_balance_is_at_ccapex_from_its_first_default() -> None:
    ledger = contract_a()
    ledger.opening(D(2025, 11, 15), 150_000)  # due 05/11/2025 = first default − grace
    ledger.months(D(2026, 1, 1), D(2026, 3, 1))
    ledger.pay_monthly(D(2026, 1, 1), D(2026, 3, 1), 18_000)
    # 1 500 € ≥ 6 × max(180, 100) = 1 080 on 15/11/2025: every level reached that day
    result = ledger.assess(D(2026, 1, 20)).ladder
    assert (result.level, result.debt, result.housing_debt) == ("ccapex", 150_000, 150_000)
    assert (result.episode_start, result.first_due) == (D(2025, 11, 15), D(2025, 11, 5))
    assert result.reached == tuple((level, D(2025, 11, 15)) for level in LEVELS[1:])
    # reminders: CAF report by 15/01/2026, CCAPEX referral from 15/11/2025
    assert ledger.reminders(D(2026, 1, 20)) == [
        (CCAPEX_REFERRAL, D(2025, 11, 15)),
        (CAF_REPORT, D(2026, 1, 15)),
    ]


def test_imported_history_before_go_live_raises_no_reminder() -> None:
    ledger = contract_a()
    ledger.opening(D(2025, 11, 15), 150_000)
    ledger.months(D(2026, 1, 1), D(2026, 3, 1))
    params = params_with(("go_live_date", D(2026, 1, 1)))
    # the CCAPEX referral was due 15/11/2025, before go-live: quiet; the CAF report is not
    assert ledger.reminders(D(2026, 1, 20), params) == [(CAF_REPORT, D(2026, 1, 15))]


def test_a_small_opening_balance_is_constituted_on_01_01_2027() -> None:
    ledger = contract_a()
    ledger.opening(D(2025, 12, 15), 30_000)  # due 05/12/2025
    ledger.months(D(2026, 1, 1), D(2027, 3, 1))
    ledger.pay_monthly(D(2026, 1, 1), D(2027, 3, 1), 18_000)  # the current share, each month
    # the payments settle the oldest first, but 300 € stay in default on every 15th and
    # never less than 120 € between: one episode since 15/12/2025
    # until 2026: 300 ≥ 180 → alert, 300 < 2 × 180 → not constituted
    assert ledger.level(D(2026, 12, 31)) == "alert"
    # 01/01/2027: 300 ≤ 450 but first due 05/12/2025 + 3 months is long past
    result = ledger.assess(D(2027, 1, 1)).ladder
    assert (result.level, result.reached_on("caf_threshold")) == ("caf_threshold", D(2027, 1, 1))
    # 01/03/2027 = d₂ + 2 months, housing debt 300 ≥ 300 on d₂ → ccapex
    assert ledger.level(D(2027, 2, 28)) == "caf_threshold"
    assert ledger.level(D(2027, 3, 1)) == "ccapex"


def test_an_fsl_aid_clears_an_opening_balance() -> None:
    ledger = contract_a()
    ledger.opening(D(2025, 12, 15), 30_000)
    ledger.months(D(2026, 1, 1), D(2026, 3, 1))
    ledger.pay_monthly(D(2026, 1, 1), D(2026, 3, 1), 18_000)
    ledger.aid(D(2026, 2, 10), 30_000)  # FSL maintien, not the household's money
    # 09/02: 120 € in default (300 − 180 paid 08/01 − 180 08/02 + January 180) → alert
    assert ledger.level(D(2026, 2, 9)) == "alert"
    # 10/02: 120 settled, 180 left as an advance that settles February: nothing in default
    assert ledger.level(D(2026, 2, 20)) == "none"


# ------------------------------------------------------------------ a résiliation


def terminated_a() -> Ledger:
    """Contract A terminated on 31/08/2026: an occupant without title until 31/10/2026."""
    ledger = contract_a()
    ledger.months(D(2026, 6, 1), D(2026, 10, 1), indemnity_from=D(2026, 9, 1))
    ledger.pay_monthly(D(2026, 6, 1), D(2026, 8, 1), 18_000)
    return ledger


def test_an_occupation_indemnity_is_housing_debt() -> None:
    ledger = terminated_a()
    # September: indemnity 440 − 260 expected = 180 → alert; it is a housing nature
    result = ledger.assess(D(2026, 9, 15)).ladder
    assert (result.level, result.debt, result.housing_debt) == ("alert", 18_000, 18_000)
    # 15/10: 360 ≥ 2 × 180 → constituted
    assert ledger.level(D(2026, 10, 15)) == "caf_threshold"


def test_a_debt_stays_and_climbs_after_the_departure() -> None:
    ledger = terminated_a()
    # no term after October; 15/12 = d₂ 15/10 + 2 months, 360 ≥ 360 → ccapex
    assert ledger.level(D(2026, 12, 14)) == "caf_threshold"
    result = ledger.assess(D(2027, 1, 20)).ladder
    assert (result.level, result.debt, result.reached_on("ccapex")) == (
        "ccapex",
        36_000,
        D(2026, 12, 15),
    )


# ------------------------------------------------------------------ a contrat de résidence


def residence() -> Ledger:
    """A pension de famille: redevance 350 + 50 + services 30, APL foyer 250: share 180 €.

    Housing share (net of the APL foyer) 150 €; gross rent-equivalent + charges 400 €.
    Nothing paid from May 2026 (outside the truce).
    """
    ledger = Ledger(35_000, 5_000, 25_000, services=3_000, kind="residence_agreement")
    ledger.months(D(2026, 5, 1), D(2026, 9, 1))
    return ledger


def test_residence_rule_net_debt_twice_the_net_housing_share() -> None:
    ledger = residence()
    # 14/06: 180 (May) < 2 × 150; one month unpaid → not yet
    assert ledger.statuses(D(2026, 6, 14)) == []
    # 15/06: 360 ≥ 300 → termination with one month's notice possible
    assert ledger.statuses(D(2026, 6, 15)) == [RESIDENCE_TERMINATION]


def test_residence_rule_gross_three_months_with_nothing_paid() -> None:
    ledger = residence()
    gross = params_with(("residence.arrears_rule", "gross"))
    # gross: 2 × 400 = 800. 15/06: 360, two months unpaid → not yet
    assert ledger.statuses(D(2026, 6, 15), gross) == []
    # 15/07: 540 < 800, but May, June and July with nothing paid → possible
    assert ledger.statuses(D(2026, 7, 15), gross) == [RESIDENCE_TERMINATION]


def test_residence_rule_small_payments_go_to_the_oldest_month() -> None:
    ledger = residence()
    ledger.pay_monthly(D(2026, 5, 1), D(2026, 8, 1), 1_000)  # 10 € on each 8th
    gross = params_with(("residence.arrears_rule", "gross"))
    # 15/07: May 180 − 30 = 150 (something paid), June 180, July 180 → 2 months; 510 < 800
    assert ledger.statuses(D(2026, 7, 15), gross) == []
    # 15/08: the 10 € of 08/08 went to May too; June, July, August unpaid → 3 months
    # (each payment is imputed to the oldest term, as the Code civil does); 680 < 800
    assert ledger.statuses(D(2026, 8, 15), gross) == [RESIDENCE_TERMINATION]


def test_the_residence_rule_concerns_only_a_contrat_de_residence() -> None:
    ledger = residence()
    ledger.kind = "sublease"
    assert ledger.statuses(D(2026, 8, 15)) == []


# ------------------------------------------------------------------ mandat de gestion


def mandate() -> Ledger:
    """A lease under mandat de gestion: rent 600 + charges 50, benefit paid to the tenant."""
    ledger = Ledger(60_000, 5_000, kind="lease_mandate", tiers_payant=False)
    ledger.months(D(2026, 3, 1), D(2026, 5, 1))
    return ledger


def test_mandate_rule_two_months_in_arrears() -> None:
    ledger = mandate()
    ledger.pay(D(2026, 4, 8), 60_000, period=D(2026, 4, 1))
    ledger.pay(D(2026, 5, 8), 60_000, period=D(2026, 5, 1))
    # March unpaid (650 ≥ 650: alert), April and May paid 600 by name: 50 € more each
    # 04/05: 700 < 2 × 600 and first due 05/03 + 2 months not reached
    assert ledger.statuses(D(2026, 5, 4)) == []
    # 05/05: in arrears without interruption since 05/03 → the order is to be reported
    assert ledger.statuses(D(2026, 5, 5)) == [MANDATE_CCAPEX]


def test_mandate_rule_debt_twice_the_rent_without_charges() -> None:
    ledger = mandate()
    # nothing paid: 14/04 650 < 1 200; 15/04 1 300 ≥ 2 × 600
    assert ledger.statuses(D(2026, 4, 14)) == []
    assert ledger.statuses(D(2026, 4, 15)) == [MANDATE_CCAPEX]
    ledger.kind = "sublease"  # the same debt under a sublease: no such rule
    assert ledger.statuses(D(2026, 4, 15)) == []


# ------------------------------------------------------------------ the winter truce


def test_the_truce_is_a_status_and_never_changes_the_level() -> None:
    ledger = a_unpaid_from_july_2026(D(2027, 4, 1))
    # level ccapex since 15/10/2026 (d₂ 15/08 + 2 months, debt not lower)
    assert ledger.statuses(D(2026, 10, 31)) == []
    assert ledger.statuses(D(2026, 11, 1)) == [WINTER_TRUCE]
    assert ledger.statuses(D(2027, 3, 31)) == [WINTER_TRUCE]
    assert ledger.statuses(D(2027, 4, 1)) == []
    assert {ledger.level(day) for day in (D(2026, 10, 31), D(2026, 11, 1))} == {"ccapex"}


def test_an_extended_truce_is_a_dated_parameter() -> None:
    extended = params_with(("winter_truce.end", "05-31", D(2027, 1, 1)))
    assert not in_winter_truce(D(2026, 5, 15), extended)  # "03-31" in force then
    assert in_winter_truce(D(2027, 5, 15), extended)
    assert not in_winter_truce(D(2027, 6, 1), extended)
    assert in_winter_truce(D(2027, 11, 1), extended)


# ------------------------------------------------------------------ repayment plans


def a_with_plan(*monthly: int) -> Ledger:
    """July and August 2026 unpaid (360 €, constituted on 15/08), a plan agreed on 20/08.

    Six instalments of 60 € from 05/09/2026; the household pays ``monthly`` on the 8th of
    September, October…
    """
    ledger = a_unpaid_from_july_2026(D(2027, 2, 1))
    ledger.plan(D(2026, 8, 20), D(2026, 9, 5), 6, 6_000)
    for index, amount in enumerate(monthly):
        ledger.pay(D(2026, 9, 8).replace(month=9 + index), amount)
    return ledger


def test_a_plan_kept_stops_the_climb_and_ends_the_episode() -> None:
    ledger = a_with_plan(24_000, 24_000, 24_000, 24_000)
    ledger.pay(D(2027, 1, 8), 24_000)
    ledger.pay(D(2027, 2, 8), 24_000)
    # 20/10: due since the plan: instalments 05/09, 05/10 (120) + shares of Sept, Oct (360)
    # = 480; paid 2 × 240 = 480 → kept. Debt 720 − 480 = 240 < 360: no ccapex on 15/10
    assessment = ledger.assess(D(2026, 10, 20))
    assert assessment.ladder.level == "caf_threshold"
    assert [s.code for s in assessment.statuses] == [PLAN_KEPT]
    # 15/02/2027: six instalments paid, 8 × 180 owed = 1 440 paid → no debt, no status
    assert ledger.level(D(2027, 2, 20)) == "none"
    assert ledger.statuses(D(2027, 2, 20)) == []


def test_a_plan_broken_by_a_missed_instalment() -> None:
    ledger = a_with_plan(24_000, 18_000)  # October: only the current share
    # 14/10: due 60 + 180 (September); paid 240 + 180 → kept
    assert ledger.statuses(D(2026, 10, 14)) == [PLAN_KEPT]
    # 15/10: due 120 + 360 = 480 > 420 paid → broken; debt 720 − 420 = 300 < 360: no ccapex
    assert ledger.statuses(D(2026, 10, 15)) == [PLAN_BROKEN]
    assert ledger.level(D(2026, 10, 15)) == "caf_threshold"


def test_a_plan_broken_when_the_current_rent_is_not_paid() -> None:
    ledger = a_with_plan(6_000, 6_000)  # the instalments only
    # 20/09: due 60 + 180 = 240 > 60 paid → broken
    assert ledger.statuses(D(2026, 9, 20)) == [PLAN_BROKEN]
    # 15/10: debt 720 − 120 = 600 ≥ 360 two months after d₂ → ccapex
    assessment = ledger.assess(D(2026, 10, 20))
    assert assessment.ladder.level == "ccapex"
    # the first instalment (05/09) is still unpaid: 120 paid < 60 + September's 180
    assert [(r.code, r.due) for r in assessment.reminders] == [
        (INSTALMENT, D(2026, 9, 5)),
        (CAF_REPORT, D(2026, 10, 15)),
        (CCAPEX_REFERRAL, D(2026, 10, 15)),
    ]


def test_the_next_instalment_is_reminded_until_it_is_paid() -> None:
    ledger = a_with_plan()
    # 20/08, the plan's day: the first instalment, 05/09, is the one to come (not overdue)
    assessment = ledger.assess(D(2026, 8, 20))
    assert [(r.code, r.due, r.overdue) for r in assessment.reminders if r.code == INSTALMENT] == [
        (INSTALMENT, D(2026, 9, 5), False)
    ]
    assert any("05/09/2026" in r.text for r in assessment.reminders if r.code == INSTALMENT)
    # 08/09: 240 paid ≥ 60 + September's share 180: the next one, 05/10, is reminded
    ledger.pay(D(2026, 9, 8), 24_000)
    assert (INSTALMENT, D(2026, 10, 5)) in ledger.reminders(D(2026, 9, 10))
    # 20/10 without an October payment: 05/10 is overdue (240 < 120 + 360)
    overdue = [r for r in ledger.assess(D(2026, 10, 20)).reminders if r.code == INSTALMENT]
    assert [(r.due, r.overdue) for r in overdue] == [(D(2026, 10, 5), True)]


def test_a_plan_paid_in_full_raises_no_instalment_reminder() -> None:
    ledger = a_with_plan(24_000, 24_000, 24_000, 24_000)
    ledger.pay(D(2027, 1, 8), 24_000)
    ledger.pay(D(2027, 2, 8), 24_000)
    assert all(code != INSTALMENT for code, _due in ledger.reminders(D(2027, 2, 20)))


def test_a_bounced_cheque_breaks_the_plan() -> None:
    ledger = a_unpaid_from_july_2026(D(2026, 12, 1))
    ledger.plan(D(2026, 8, 20), D(2026, 9, 5), 6, 6_000)
    ledger.pay(D(2026, 9, 8), 24_000, cancelled_on=D(2026, 9, 20))
    # 15/09: due 240, paid 240 → kept; from 20/09 the cheque no longer counts → broken
    assert ledger.statuses(D(2026, 9, 19)) == [PLAN_KEPT]
    assert ledger.statuses(D(2026, 9, 20)) == [PLAN_BROKEN]


def test_a_plan_of_an_earlier_episode_is_not_shown() -> None:
    ledger = contract_a()
    ledger.months(D(2026, 6, 1), D(2027, 5, 1))
    ledger.pay(D(2026, 6, 8), 18_000)
    ledger.plan(D(2026, 7, 20), D(2026, 8, 5), 2, 9_000)  # July in two halves
    # nothing due yet under the plan on 20/07: kept
    assert ledger.statuses(D(2026, 7, 20)) == [PLAN_KEPT]
    ledger.pay(D(2026, 8, 8), 36_000)  # July and August at once: the episode ends
    ledger.pay_monthly(D(2026, 9, 1), D(2027, 4, 1), 18_000)  # then May 2027 unpaid
    # 20/05/2027: a new episode from 15/05; the plan ended 05/09/2026, before it
    assessment = ledger.assess(D(2027, 5, 20))
    assert (assessment.ladder.level, assessment.ladder.episode_start) == (
        "alert",
        D(2027, 5, 15),
    )
    assert assessment.statuses == ()


# ------------------------------------------------------------------ overindebtedness


def test_overindebtedness_pauses_the_ccapex_referral_only() -> None:
    ledger = a_unpaid_from_july_2026()
    # 20/10: ccapex since 15/10; d₂ 15/08 → CAF report by 15/10
    assert ledger.reminders(D(2026, 10, 20)) == [
        (CAF_REPORT, D(2026, 10, 15)),
        (CCAPEX_REFERRAL, D(2026, 10, 15)),
    ]
    ledger.act("overindebtedness", D(2026, 10, 1), "filed")
    assert ledger.statuses(D(2026, 9, 30)) == []
    assert ledger.statuses(D(2026, 10, 20)) == [OVERINDEBTEDNESS]
    assert ledger.level(D(2026, 10, 20)) == "ccapex"  # the level itself is unchanged
    assert ledger.reminders(D(2026, 10, 20)) == [(CAF_REPORT, D(2026, 10, 15))]


def test_overindebtedness_ends_when_the_debt_is_erased() -> None:
    ledger = a_unpaid_from_july_2026(D(2027, 5, 1))
    ledger.pay_monthly(D(2026, 11, 1), D(2027, 4, 1), 18_000)  # the current share again
    ledger.act("overindebtedness", D(2026, 10, 1), "filed")
    ledger.act("overindebtedness", D(2027, 1, 15), "admissible")
    # 31/03/2027: owed July 2026 – March 2027 = 9 × 180 = 1 620, paid 5 × 180 → 720
    assert ledger.assess(D(2027, 3, 31)).ladder.debt == 72_000
    assert ledger.statuses(D(2027, 3, 15)) == [OVERINDEBTEDNESS, WINTER_TRUCE]
    ledger.aid(D(2027, 4, 1), 72_000)  # effacement de la dette
    ledger.act("overindebtedness", D(2027, 4, 1), "erased")
    assert ledger.level(D(2027, 4, 20)) == "none"
    # May 2027 unpaid: a new episode, and no procedure running any more
    assessment = ledger.assess(D(2027, 5, 20))
    assert (assessment.ladder.level, assessment.statuses) == ("alert", ())


# ------------------------------------------------------------------ both regimes


@pytest.mark.parametrize(
    ("day", "level"),
    [
        (D(2026, 12, 15), "alert"),  # Nov 60 + Dec 180 = 240 ≥ 180
        (D(2027, 1, 1), "alert"),  # new rule: 240 ≤ 450, 05/11/2026 + 3 months not reached
        (D(2027, 1, 15), "alert"),  # 360: constituted under the old rule, not the new one
        (D(2027, 2, 4), "alert"),
        (D(2027, 2, 5), "caf_threshold"),  # first due 05/11/2026 + 3 months
    ],
)
def test_an_episode_across_01_01_2027_is_judged_by_the_rule_of_each_day(
    day: date, level: str
) -> None:
    ledger = contract_a()
    ledger.months(D(2026, 11, 1), D(2027, 2, 1))
    ledger.pay_monthly(D(2026, 11, 1), D(2027, 2, 1), 6_000)  # 60 € of 180 each month
    assert ledger.level(day) == level


def tenant_paid(first: date, last: date) -> Ledger:
    """Benefit paid to the tenant: rent 500 + charges 50, share 550 € gross, nothing paid."""
    ledger = Ledger(50_000, 5_000, tiers_payant=False)
    ledger.months(first, last)
    return ledger


def test_until_2026_the_caf_report_is_due_only_in_tiers_payant() -> None:
    ledger = tenant_paid(D(2026, 11, 1), D(2027, 1, 1))
    # 15/12/2026: 1 100 ≥ 2 × 550 → constituted under the old rule, benefit to the tenant
    result = ledger.assess(D(2026, 12, 20)).ladder
    assert (result.level, result.reached_on("caf_threshold")) == (
        "caf_threshold",
        D(2026, 12, 15),
    )
    assert ledger.reminders(D(2026, 12, 20)) == []
    assert ledger.reminders(D(2027, 1, 20)) == []  # constituted under the old rule


def test_from_2027_the_caf_report_is_due_in_every_case() -> None:
    ledger = tenant_paid(D(2027, 11, 1), D(2027, 12, 1))
    # 15/11/2027: 550 > 450 → constituted at once; report by 15/01/2028
    assert ledger.level(D(2027, 11, 15)) == "caf_threshold"
    assert ledger.reminders(D(2027, 11, 20)) == [(CAF_REPORT, D(2028, 1, 15))]


def test_a_report_made_in_2026_calls_for_a_plan_to_the_caf() -> None:
    ledger = a_unpaid_from_july_2026(D(2027, 1, 1))
    ledger.act("caf_report", D(2026, 10, 1))
    # the report closes its reminder; the plan is due within 6 months: 01/04/2027
    assert ledger.reminders(D(2026, 10, 5)) == [(CAF_PLAN, D(2027, 4, 1))]
    assert ledger.reminders(D(2026, 10, 20)) == [
        (CCAPEX_REFERRAL, D(2026, 10, 15)),
        (CAF_PLAN, D(2027, 4, 1)),
    ]
    ledger.act("repayment_plan", D(2027, 1, 15))
    assert ledger.reminders(D(2027, 1, 20)) == [(CCAPEX_REFERRAL, D(2026, 10, 15))]


def test_a_report_made_in_2027_calls_for_no_plan_to_the_caf() -> None:
    ledger = contract_a()
    ledger.months(D(2026, 10, 1), D(2027, 1, 1))
    ledger.pay(D(2026, 10, 8), 18_000)
    # 15/12/2026: 360 ≥ 360 → constituted under the old rule, in tiers payant
    assert ledger.reminders(D(2027, 1, 5)) == [(CAF_REPORT, D(2027, 2, 15))]
    ledger.act("caf_report", D(2027, 1, 10))
    # reported under the rules from 2027: the CCAPEX decides, no plan to send to the CAF
    assert ledger.reminders(D(2027, 1, 20)) == []


# ------------------------------------------------------------------ reminders


def test_the_next_reminder_is_the_earliest_still_open() -> None:
    ledger = a_unpaid_from_july_2026()
    on = D(2026, 10, 20)
    # CAF report and CCAPEX referral both due 15/10: the code decides the order
    first = ledger.assess(on).next_reminder
    assert first is not None
    assert (first.code, first.due, first.overdue) == (CAF_REPORT, D(2026, 10, 15), True)
    assert first.text == "Signaler l'impayé à la CAF au plus tard le 15/10/2026."
    ledger.act("caf_report", D(2026, 10, 16))
    second = ledger.assess(on).next_reminder
    assert second is not None
    assert second.code == CCAPEX_REFERRAL
    ledger.act("ccapex_referral", D(2026, 10, 18))
    third = ledger.assess(on).next_reminder
    assert third is not None
    assert (third.code, third.due, third.overdue) == (CAF_PLAN, D(2027, 4, 16), False)
    ledger.act("repayment_plan", D(2026, 10, 19))
    assert ledger.assess(on).next_reminder is None
    assert next_reminder(()) is None


def test_an_action_of_an_earlier_episode_closes_nothing() -> None:
    ledger = contract_a()
    ledger.months(D(2026, 6, 1), D(2027, 7, 1))
    ledger.pay(D(2026, 6, 8), 18_000)
    ledger.act("caf_report", D(2026, 9, 1))  # July and August unpaid, reported
    ledger.pay(D(2026, 9, 8), 54_000)  # July, August, September: the episode ends
    ledger.pay_monthly(D(2026, 10, 1), D(2027, 4, 1), 18_000)  # then May–July 2027 unpaid
    # 15/07/2027: 540 > 450 → constituted; the 2026 report answered another episode
    assert ledger.reminders(D(2027, 7, 20)) == [(CAF_REPORT, D(2027, 9, 15))]


# ------------------------------------------------------------------ the floors


def test_the_alert_floor_when_the_share_is_tiny() -> None:
    ledger = Ledger(40_000, 4_000, 41_000)  # share 30 €
    ledger.months(D(2027, 5, 1), D(2027, 7, 1))
    # 15/05: 30 < max(30, 50) → first default; 15/06: 60 ≥ 50 → alert
    # (60 ≤ 450 and under 3 months: not constituted under the rule from 2027)
    assert ledger.level(D(2027, 5, 15)) == "first_default"
    assert ledger.level(D(2027, 6, 15)) == "alert"


def test_an_advance_settles_the_months_it_covers() -> None:
    ledger = contract_a()
    ledger.months(D(2026, 5, 1), D(2026, 8, 1))
    ledger.pay(D(2026, 5, 8), 54_000)  # May, June and July at once
    assert ledger.level(D(2026, 7, 20)) == "none"
    result = ledger.assess(D(2026, 8, 15)).ladder  # August unpaid: 180 ≥ 180
    assert (result.level, result.first_due) == ("alert", D(2026, 8, 5))


# ------------------------------------------------------------------ labels and texts


def test_every_level_status_and_reminder_has_its_french_text() -> None:
    assert list(ARREARS_LEVEL) == list(LEVELS)
    assert ARREARS_LEVEL["caf_threshold"] == "Impayé constitué – CAF"
    assert [level_rank(level) for level in LEVELS] == [0, 1, 2, 3, 4]
    assert set(STATUSES) | {CAF_REPORT, CAF_PLAN, CCAPEX_REFERRAL} <= set(MESSAGES)
    ledger = residence()
    status = ledger.assess(D(2026, 6, 15)).statuses[0]
    assert status.text == message(RESIDENCE_TERMINATION)
    assert status.text.startswith("Contrat de résidence")
    assert ledger.assess(D(2026, 6, 15)).ladder.label == "Impayé constitué – CAF"


def test_no_debt_means_no_status_and_no_reminder() -> None:
    ledger = contract_a()
    ledger.months(D(2026, 11, 1), D(2026, 12, 1))
    ledger.pay_monthly(D(2026, 11, 1), D(2026, 12, 1), 18_000)
    ledger.act("overindebtedness", D(2026, 11, 2), "filed")
    assessment = ledger.assess(D(2026, 12, 20), PARAMS)  # in the truce, with a procedure
    assert (assessment.ladder.level, assessment.statuses, assessment.reminders) == (
        "none",
        (),
        (),
    )
