"""Parameters: dated values, scopes, defaults of DOMAIN §9."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.parameters import (
    CATALOGUE,
    PLAIN_SETTING_DATE,
    Parameters,
    ParameterValue,
    UnknownParameterError,
    default_values,
)


def test_defaults_of_domain_section_9() -> None:
    params = Parameters.defaults()
    day = date(2026, 6, 1)
    assert params.int("arrears.grace_days", day) == 10
    assert params.int("arrears.alert_floor", day) == 5_000
    assert params.int("arrears.ccapex_floor", day) == 10_000
    assert params.int("benefit.expected_payment_day", day) == 10
    assert params.int("review.period_months", day) == 3
    assert params.int("sliding.review_months", day) == 6
    assert params.int("sliding.max_months", day) == 24
    assert params.int("retention.archive_months", day) == 24
    assert params.int("retention.delete_years", day) == 5
    assert params.int("security.idle_lock_minutes", day) == 15
    assert params.int("siao.answer_days", day) == 15
    assert params.int("import.confirmation_percent", day) == 20
    assert params.get("host.sees_arrears_amounts", day) is False
    assert params.get("go_live_date", day) is None
    assert params.get("permanent_housing.destinations", day) == [
        "social_housing",
        "private_housing",
        "slid",
    ]


def test_caf_regime_switches_on_1_january_2027() -> None:
    params = Parameters.defaults()
    assert params.get("arrears.caf_fixed_threshold", date(2026, 12, 31)) is None
    assert params.get("arrears.caf_fixed_threshold", date(2027, 1, 1)) == 45_000


def test_scope_falls_back_to_the_association_value() -> None:
    params = Parameters.defaults()
    assert params.int("dalo.time_limit_months", date(2026, 1, 1), scope="idf") == 6
    assert params.int("dalo.time_limit_months", date(2026, 1, 1), scope="other") == 3
    assert params.int("dalo.time_limit_months", date(2026, 1, 1)) == 3


def test_dated_values_apply_from_their_date() -> None:
    params = Parameters(
        [
            *default_values(),
            ParameterValue("measure.planned_months", "fnavdl", date(2026, 7, 1), 9),
        ]
    )
    assert params.int("measure.planned_months", date(2026, 6, 30), scope="fnavdl") == 6
    assert params.int("measure.planned_months", date(2026, 7, 1), scope="fnavdl") == 9


def test_unknown_keys_are_programming_errors() -> None:
    with pytest.raises(UnknownParameterError):
        Parameters.defaults().get("no.such.key", date(2026, 1, 1))
    with pytest.raises(UnknownParameterError):
        Parameters([ParameterValue("typo", "", PLAIN_SETTING_DATE, 1)])


def test_catalogue_keys_unique_and_labelled() -> None:
    keys = [spec.key for spec in CATALOGUE]
    assert len(keys) == len(set(keys))
    assert all(spec.label for spec in CATALOGUE)


def test_changes_lists_the_days_a_dated_rule_moves() -> None:
    params = Parameters.defaults()
    assert date(2027, 1, 1) in params.changes("arrears.caf_fixed_threshold")
    assert params.get("arrears.caf_fixed_threshold", date(2026, 12, 31)) is None
    assert params.get("arrears.caf_fixed_threshold", date(2027, 1, 1)) == 45_000


def test_accompaniment_defaults() -> None:
    params = Parameters.defaults()
    day = date(2026, 6, 1)
    assert params.int("measure.planned_months", day, scope="fnavdl") == 6
    assert params.int("measure.max_months", day) == 12
    assert params.get("measure.month_method", day, scope="fnavdl") == "prorata_days"
    assert params.int("review.period_months", day) == 3
    assert params.int("residence.guest_max_months", day) == 3
    assert params.int("liaison.keep_months", day) == 12
