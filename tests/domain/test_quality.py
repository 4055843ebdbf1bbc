"""The data-quality rules of DOMAIN §5.3, judged from plain values (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain import quality as q
from desktop_app.domain import vocabulary as v
from desktop_app.domain.counting import MeasureSpan
from desktop_app.domain.figures import BLOCKING, WARNING, Finding
from desktop_app.domain.messages import MESSAGES
from desktop_app.domain.periods import Period

Q1 = Period.quarter(2026, 1)
END = Q1.end  # 31/03/2026


def finding(check: str, reference: str, record_id: int = 1) -> Finding:
    return Finding(
        check, q.CHECK_OF[check].level, record_id, reference, "stay", record_id, "détail"
    )


# ---------------------------------------------------------------- the table


def test_the_table_lists_every_check_of_the_domain_once_with_its_level() -> None:
    codes = [spec.code for spec in q.CHECKS]
    assert len(codes) == len(set(codes)) == 14
    blocking = {spec.code for spec in q.CHECKS if spec.level == BLOCKING}
    assert blocking == {
        q.EXIT_WITHOUT_DESTINATION,
        q.FUTURE_DATE,
        q.STAY_WITHOUT_CONTRACT,
        q.MEASURE_OVERDUE,
    }
    assert {spec.level for spec in q.CHECKS} == {BLOCKING, WARNING}
    assert all(spec.label and len(spec.label) <= 70 for spec in q.CHECKS)


def test_every_check_has_its_french_sentence() -> None:
    for spec in q.CHECKS:
        if spec.code == q.FUTURE_DATE:
            assert any(code.startswith("quality.future_date.") for code in MESSAGES)
        else:
            assert f"quality.{spec.code}" in MESSAGES


def test_the_codes_the_rules_name_are_vocabulary_codes() -> None:
    assert set(v.PROGRAMME_KIND.codes) >= q.IML_KINDS | q.PENSION_KINDS
    assert q.ACTIVE in v.CONTRACT_STATE
    assert q.ACTIVE in v.APPLICATION_STATUS


def test_judged_on_is_the_end_of_the_period_or_today() -> None:
    assert q.judged_on(Q1, date(2026, 4, 10)) == END
    assert q.judged_on(Q1, date(2026, 2, 10)) == date(2026, 2, 10)


# ---------------------------------------------------------------- blocking


def test_exit_without_destination_only_for_an_exit_of_the_period() -> None:
    assert q.exit_without_destination(date(2026, 2, 1), None, Q1)
    assert not q.exit_without_destination(date(2026, 2, 1), "street", Q1)
    assert not q.exit_without_destination(None, None, Q1)
    assert not q.exit_without_destination(date(2026, 4, 1), None, Q1)


def test_future_dates_keep_only_the_days_after_today() -> None:
    today = date(2026, 3, 15)
    dates = [("entry", date(2026, 3, 15)), ("exit", date(2026, 3, 16)), ("other", None)]
    assert q.future_dates(dates, today) == (("exit", date(2026, 3, 16)),)


def test_an_iml_stay_needs_its_contract_within_30_days() -> None:
    entry = date(2026, 1, 10)
    assert not q.stay_without_contract("iml_sublease", entry, None, False, date(2026, 2, 9))
    assert q.stay_without_contract("iml_sublease", entry, None, False, date(2026, 2, 10))
    assert not q.stay_without_contract("iml_sublease", entry, None, True, END)
    assert not q.stay_without_contract("avdl", entry, None, False, END)
    assert not q.stay_without_contract("sliding_lease", entry, date(2026, 1, 20), False, END)
    assert q.stay_without_contract("iml_mandate", entry, date(2026, 3, 1), False, END)


def test_a_measure_is_overdue_more_than_60_days_past_its_planned_end() -> None:
    planned = date(2026, 1, 15)
    assert not q.measure_overdue(planned, None, date(2026, 3, 16))  # 60 days
    assert q.measure_overdue(planned, None, date(2026, 3, 17))  # 61 days
    assert not q.measure_overdue(planned, date(2026, 3, 1), END)


# ---------------------------------------------------------------- warnings


def test_a_member_present_in_the_period_without_birth_date() -> None:
    assert q.lacks_birth_date("head", None, date(2020, 1, 1), None, Q1)
    assert not q.lacks_birth_date("head", date(1980, 1, 1), date(2020, 1, 1), None, Q1)
    assert not q.lacks_birth_date("visiting_child", None, date(2020, 1, 1), None, Q1)
    assert not q.lacks_birth_date("partner", None, date(2020, 1, 1), date(2025, 12, 31), Q1)
    assert q.lacks_birth_date("partner", None, date(2020, 1, 1), date(2026, 1, 1), Q1)


def test_tiers_payant_in_force_in_the_period() -> None:
    start = date(2025, 6, 1)
    rates = [(start, False), (date(2026, 2, 1), True)]
    assert q.tiers_payant_since(rates, start, None, Q1) == date(2026, 2, 1)
    # a tiers-payant rate replaced before the period is not in force in it
    replaced = [(start, True), (date(2025, 12, 1), False)]
    assert q.tiers_payant_since(replaced, start, None, Q1) is None
    # a rate from before the period, still in force: from the first day of the period
    assert q.tiers_payant_since([(start, True)], start, None, Q1) == Q1.start
    # the contract ended before its tiers-payant rate
    assert q.tiers_payant_since(rates, start, date(2026, 1, 31), Q1) is None
    assert q.tiers_payant_without_allocataire(rates, start, None, Q1, has_allocataire=True) is None
    assert q.tiers_payant_without_allocataire(
        rates, start, None, Q1, has_allocataire=False
    ) == date(2026, 2, 1)


def test_an_active_measure_without_contact_in_the_period() -> None:
    measure = MeasureSpan("avdl_dalo", date(2025, 11, 1), None)
    assert q.measure_without_contact(measure, [date(2025, 12, 20)], Q1, END) == Q1
    assert q.measure_without_contact(measure, [date(2026, 3, 31)], Q1, END) is None
    # judged during the period: the days up to today
    assert q.measure_without_contact(measure, [], Q1, date(2026, 2, 1)) == Period(
        Q1.start, date(2026, 2, 1)
    )
    ended = MeasureSpan("asll", date(2025, 11, 1), date(2026, 1, 20))
    assert q.measure_without_contact(ended, [date(2026, 2, 2)], Q1, END) == Period(
        Q1.start, date(2026, 1, 20)
    )
    suspended = MeasureSpan(
        "asll", date(2025, 11, 1), None, suspensions=((date(2025, 12, 1), None),)
    )
    assert q.measure_without_contact(suspended, [], Q1, END) is None


def test_a_silent_open_stay_may_be_a_missed_exit() -> None:
    window = q.silence_window(END)
    assert window.days == q.SILENCE_DAYS
    assert window.start == date(2026, 1, 1)
    old = date(2025, 6, 1)
    assert q.possible_missed_exit(old, None, [date(2025, 12, 31)], END)
    assert not q.possible_missed_exit(old, None, [date(2026, 1, 1)], END)
    assert not q.possible_missed_exit(date(2026, 1, 2), None, [], END)  # entered lately
    assert not q.possible_missed_exit(old, date(2026, 3, 1), [], END)  # exit recorded


def test_insurance_expired_while_a_contract_runs() -> None:
    running = [(date(2025, 1, 1), None)]
    assert q.insurance_expired(date(2026, 2, 28), running, END)
    assert not q.insurance_expired(date(2026, 3, 31), running, END)
    assert not q.insurance_expired(None, running, END)
    assert not q.insurance_expired(date(2026, 2, 28), [(date(2025, 1, 1), date(2026, 2, 28))], END)
    assert not q.insurance_expired(date(2026, 2, 28), [], END)


def test_a_running_contract_past_its_renewal_date() -> None:
    start = date(2025, 1, 1)
    assert q.renewal_overdue(date(2026, 3, 1), "active", start, None, END)
    assert not q.renewal_overdue(date(2026, 3, 31), "active", start, None, END)
    assert not q.renewal_overdue(None, "active", start, None, END)
    assert not q.renewal_overdue(date(2026, 3, 1), "ended", start, date(2026, 3, 15), END)
    assert not q.renewal_overdue(date(2026, 3, 1), "terminated_occupant", start, None, END)


def test_an_active_application_past_its_renewal_day() -> None:
    assert q.application_not_renewed("active", date(2026, 3, 30), END)
    assert not q.application_not_renewed("active", END, END)
    assert not q.application_not_renewed("lapsed", date(2026, 1, 1), END)


def test_a_support_contract_is_signed_within_a_month() -> None:
    start = date(2026, 1, 31)
    assert q.support_contract_deadline(start) == date(2026, 2, 28)
    assert not q.support_contract_unsigned("asll", start, None, None, date(2026, 2, 28))
    assert q.support_contract_unsigned("asll", start, None, None, date(2026, 3, 1))
    assert not q.support_contract_unsigned("asll", start, None, date(2026, 2, 3), END)
    assert not q.support_contract_unsigned("diagnostic", start, None, None, END)
    assert not q.support_contract_unsigned("asll", start, date(2026, 2, 20), None, END)


def test_a_pension_resident_signs_the_house_rules() -> None:
    entry = date(2025, 10, 1)
    assert q.house_rules_unsigned("boarding_house", entry, None, [], END)
    assert q.house_rules_unsigned("reception_residence", entry, None, [date(2026, 4, 2)], END)
    assert not q.house_rules_unsigned("boarding_house", entry, None, [date(2025, 10, 1)], END)
    assert not q.house_rules_unsigned("iml_sublease", entry, None, [], END)
    assert not q.house_rules_unsigned("boarding_house", entry, date(2026, 2, 1), [], END)


# ---------------------------------------------------------------- order and summary


def test_blocking_first_then_by_household_reference() -> None:
    found = [
        finding(q.PERSON_WITHOUT_BIRTH_DATE, "M-1"),
        finding(q.FUTURE_DATE, "M-3"),
        finding(q.EXIT_WITHOUT_DESTINATION, "M-3", 2),
        finding(q.EXPIRED_INSURANCE, "M-0"),
    ]
    assert [(f.check, f.household_reference) for f in q.ordered(found)] == [
        (q.EXIT_WITHOUT_DESTINATION, "M-3"),
        (q.FUTURE_DATE, "M-3"),
        (q.EXPIRED_INSURANCE, "M-0"),
        (q.PERSON_WITHOUT_BIRTH_DATE, "M-1"),
    ]


@pytest.mark.parametrize("findings", [(), (q.FUTURE_DATE, q.FUTURE_DATE, q.EXPIRED_INSURANCE)])
def test_summarise_counts_every_check_zeros_included(findings: tuple[str, ...]) -> None:
    summary = q.summarise(finding(code, "M-1", i) for i, code in enumerate(findings))
    assert [spec for spec, _count in summary] == list(q.CHECKS)
    counts = {spec.code: count for spec, count in summary}
    assert sum(counts.values()) == len(findings)
    assert counts[q.FUTURE_DATE] == findings.count(q.FUTURE_DATE)
    assert counts[q.QUITTANCE_UNSETTLED] == 0
