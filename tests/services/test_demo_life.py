"""The demo households' life, grown through the services: coherent, complete, repeatable."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from collections import defaultdict
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.arrears import LEVELS, PLAN_KEPT
from desktop_app.domain.households import check_occupancy
from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.paths import resolve_database
from desktop_app.persistence import audit
from desktop_app.persistence.opening import open_database
from desktop_app.services.arrears import ArrearsLine, arrears_list
from desktop_app.services.charges import catch_up
from desktop_app.services.demo import DemoResult, create_demo_database
from desktop_app.services.ledger import contract_balance

pytestmark = pytest.mark.db

TODAY = date(2026, 11, 27)


def create(path: Path, *, size: str = "S", seed: int = 1) -> DemoResult:
    return create_demo_database(resolve_database(str(path)), size=size, today=TODAY, seed=seed)


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def count(path: Path, sql: str) -> int:
    return int(rows(path, sql)[0][0])


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoResult]:
    path = tmp_path_factory.mktemp("life") / "d.db"
    return path, create(path)


@pytest.fixture(scope="module")
def arrears(demo: tuple[Path, DemoResult]) -> list[ArrearsLine]:
    """The Loyers & impayés list of the demo on its today, read through the service."""
    path, _result = demo
    opened = open_database(resolve_database(str(path)))
    try:
        return arrears_list(opened.database, actor=SYSTEM_ACTOR, on=TODAY)
    finally:
        opened.database.dispose()


def test_every_kind_of_record_exists(demo: tuple[Path, DemoResult]) -> None:
    path, result = demo
    life = result.life
    assert life.households == result.summary.households
    admitted = result.admissions  # stays and contracts opened by admissions (`demo_admissions`)
    assert life.stays == life.households
    assert count(path, "SELECT count(*) FROM stay") == life.stays + admitted.admitted
    contracts = life.contracts + admitted.contracts
    assert count(path, "SELECT count(*) FROM occupancy_contract") == contracts > 0
    assert count(path, "SELECT count(*) FROM rent_rate") == contracts + life.rate_changes
    assert life.rate_changes > 0
    assert count(path, "SELECT count(*) FROM benefit_status WHERE status = 'suspended'") > 0
    assert count(path, "SELECT count(*) FROM sliding_plan") == life.sliding_plans > 0
    assert count(path, "SELECT count(*) FROM sliding_review") == life.reviews > 0
    assert count(path, "SELECT count(*) FROM stay WHERE siao_reference IS NOT NULL") > 0
    assert count(path, "SELECT count(*) FROM stay WHERE dalo_status = 'dalo_priority'") > 0
    closed = count(path, "SELECT count(*) FROM stay WHERE exit_date IS NOT NULL")
    assert closed == life.stays_closed + admitted.rehousings
    assert 0.2 < closed / life.stays < 0.5
    assert count(path, "SELECT count(*) FROM stay WHERE exit_date > '2026-11-27'") == 0
    assert (
        count(path, "SELECT count(*) FROM household WHERE key_worker_id IS NOT NULL")
        == life.key_worker_households
        > 0
    )


def test_glissements_close_the_stay_as_slid(demo: tuple[Path, DemoResult]) -> None:
    path, result = demo
    slid = count(path, "SELECT count(*) FROM stay WHERE destination = 'slid'")
    assert slid == result.life.glissements >= 1
    assert count(path, "SELECT count(*) FROM sliding_plan WHERE outcome = 'slid'") == slid


def test_every_contract_has_a_stay_covering_its_start(demo: tuple[Path, DemoResult]) -> None:
    path, _result = demo
    uncovered = rows(
        path,
        "SELECT c.id FROM occupancy_contract c JOIN dwelling d ON d.id = c.dwelling_id "
        "WHERE NOT EXISTS (SELECT 1 FROM stay s WHERE s.household_id = c.household_id "
        "AND s.programme_id = d.programme_id AND s.entry_date <= c.start_date "
        "AND (s.exit_date IS NULL OR s.exit_date >= c.start_date))",
    )
    assert uncovered == []


def test_no_dwelling_is_over_occupied(demo: tuple[Path, DemoResult]) -> None:
    path, _result = demo
    spans: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    for dwelling_id, start, end in rows(
        path, "SELECT dwelling_id, start_date, end_date FROM occupancy_contract"
    ):
        spans[dwelling_id].append(
            (date.fromisoformat(start), date.fromisoformat(end) if end else None)
        )
    lots = dict(rows(path, "SELECT id, lots FROM dwelling"))
    assert spans
    for dwelling_id, contracts in spans.items():
        assert check_occupancy(contracts, lots=lots[dwelling_id]) == [], dwelling_id


def test_the_audit_chain_verifies(demo: tuple[Path, DemoResult]) -> None:
    path, _result = demo
    opened = open_database(resolve_database(str(path)))
    try:
        assert opened.database.run_read(audit.verify).ok
    finally:
        opened.database.dispose()


def kinds(path: Path, table: str) -> dict[str, int]:
    return dict(rows(path, f"SELECT kind, count(*) FROM {table} GROUP BY kind"))


def test_the_ledger_starts_with_the_history_and_stops_before_today(
    demo: tuple[Path, DemoResult],
) -> None:
    path, _result = demo
    [(value,)] = rows(path, "SELECT value FROM parameter WHERE key = 'go_live_date'")
    go_live = date.fromisoformat(json.loads(value))
    assert go_live == date(TODAY.year - 3, TODAY.month, TODAY.day)
    first, last = rows(path, "SELECT min(posted_on), max(posted_on) FROM ledger_entry")[0]
    assert go_live <= date.fromisoformat(first)
    assert date.fromisoformat(last) < TODAY
    [(deposits,)] = rows(path, "SELECT max(posted_on) FROM deposit_entry")
    assert date.fromisoformat(deposits) < TODAY
    outside = rows(
        path,
        "SELECT e.id FROM ledger_entry e JOIN occupancy_contract c ON c.id = e.contract_id "
        "WHERE e.period_month < date(c.start_date, 'start of month') "
        "OR (c.end_date IS NOT NULL AND e.period_month > c.end_date)",
    )
    assert outside == []


def test_the_ledger_has_entries_of_every_kind(demo: tuple[Path, DemoResult]) -> None:
    path, result = demo
    life = result.life
    entries = kinds(path, "ledger_entry")
    generated = count(path, "SELECT count(*) FROM ledger_entry WHERE kind = 'charge' AND generated")
    assert generated == life.charges + result.admissions.charges > 0
    # A rehousing recorded after its month was generated charges that month again, prorated.
    recharged = count(
        path,
        "SELECT count(*) FROM ledger_entry WHERE kind = 'charge' AND NOT generated "
        "AND reason LIKE 'Départ le %'",
    )
    corrections = count(
        path,
        "SELECT count(*) FROM ledger_entry r JOIN ledger_entry e ON e.id = r.reverses_id "
        "WHERE e.generated AND r.reason LIKE 'Départ le %'",
    )
    assert entries["charge"] == generated + recharged
    assert recharged <= corrections > 0
    assert entries["household_payment"] == life.household_payments > life.contracts
    assert entries["housing_benefit"] == life.housing_benefits > 0
    assert entries["fsl_aid"] == life.aids > 0
    assert entries["remission"] == life.remissions > 0
    assert entries["reversal"] == life.reversals + corrections
    assert life.reversals > 0
    assert entries.get("irrecoverable", 0) == life.irrecoverable
    assert entries["deposit_applied"] == kinds(path, "deposit_entry")["applied"] > 0
    assert {"received", "applied", "refunded"} <= set(kinds(path, "deposit_entry"))
    assert count(path, "SELECT count(*) FROM deposit_entry") == life.deposit_movements
    assert count(path, "SELECT count(*) FROM arrears_action") == life.arrears_actions > 0
    # Every month of every contract is charged once, from the go-live date to this month.
    assert (
        count(
            path,
            "SELECT count(*) FROM (SELECT contract_id, period_month, nature FROM ledger_entry e "
            "WHERE kind = 'charge' AND NOT EXISTS (SELECT 1 FROM ledger_entry r "
            "WHERE r.reverses_id = e.id) GROUP BY 1, 2, 3 HAVING count(*) > 1)",
        )
        == 0
    )
    uncharged = rows(
        path,
        "SELECT c.id FROM occupancy_contract c WHERE NOT EXISTS (SELECT 1 FROM ledger_entry e "
        "WHERE e.contract_id = c.id AND e.kind = 'charge')",
    )
    assert uncharged == []


def test_households_pay_mostly_on_time_some_late_or_in_part(
    demo: tuple[Path, DemoResult], arrears: list[ArrearsLine]
) -> None:
    path, _result = demo
    # Due days are the 1st, 5th or 10th and the grace is 10 days: after the 20th is late.
    timely, late = rows(
        path,
        "SELECT sum(julianday(posted_on) - julianday(period_month) < 20), "
        "sum(julianday(posted_on) - julianday(period_month) >= 20) "
        "FROM ledger_entry WHERE kind = 'household_payment' AND period_month IS NOT NULL "
        "AND posted_on >= period_month",
    )[0]
    assert late > 0
    assert timely > 10 * late
    # A month paid in part: settled partly by the household's money, the rest in default.
    opened = open_database(resolve_database(str(path)))
    try:
        partial = []
        for line in arrears:
            balance = contract_balance(
                opened.database, actor=SYSTEM_ACTOR, contract_id=line.contract_id, on=TODAY
            )
            partial += [t for t in balance.terms if t.in_default and 0 < t.paid < t.amount]
    finally:
        opened.database.dispose()
    assert partial


def test_the_caf_pays_by_monthly_bordereau_on_the_10th(demo: tuple[Path, DemoResult]) -> None:
    path, result = demo
    assert count(path, "SELECT count(*) FROM benefit_batch") == result.life.benefit_batches > 20
    assert rows(
        path,
        "SELECT DISTINCT strftime('%d', posted_on) FROM ledger_entry "
        "WHERE kind = 'housing_benefit'",
    ) == [("10",)]
    unbatched = (
        "SELECT count(*) FROM ledger_entry WHERE kind = 'housing_benefit' AND batch_id IS NULL"
    )
    assert count(path, unbatched) == 0
    totals = rows(
        path,
        "SELECT b.total, sum(e.amount) FROM benefit_batch b "
        "JOIN ledger_entry e ON e.batch_id = b.id GROUP BY b.id",
    )
    assert all(total == lines for total, lines in totals)
    # Only tiers-payant contracts receive it; a suspended benefit is paid back once resumed.
    paid_to_tenant = rows(
        path,
        "SELECT e.id FROM ledger_entry e WHERE e.kind = 'housing_benefit' AND NOT EXISTS "
        "(SELECT 1 FROM rent_rate r WHERE r.contract_id = e.contract_id AND r.tiers_payant)",
    )
    assert paid_to_tenant == []
    back_payments = count(
        path,
        "SELECT count(*) FROM ledger_entry WHERE kind = 'housing_benefit' "
        "AND julianday(posted_on) - julianday(period_month) > 45",
    )
    resumed = count(
        path,
        "SELECT count(*) FROM benefit_status s WHERE s.status = 'paid' AND EXISTS (SELECT 1 "
        "FROM benefit_status e WHERE e.contract_id = s.contract_id AND e.status = 'suspended' "
        "AND e.valid_from < s.valid_from)",
    )
    assert resumed > 0
    assert back_payments > 0


def test_contracts_stand_at_every_level_of_the_ladder(arrears: list[ArrearsLine]) -> None:
    levels = {line.level for line in arrears}
    assert levels == set(LEVELS) - {"none"}
    for line in arrears:
        assert line.debt is not None
        assert line.debt > 0
        assert line.assessment.ladder.episode_start is not None


def test_a_repayment_plan_is_kept(
    demo: tuple[Path, DemoResult], arrears: list[ArrearsLine]
) -> None:
    path, result = demo
    plans = rows(
        path,
        "SELECT a.id, a.contract_id, a.action_date, a.amount, count(i.id), sum(i.amount), "
        "min(i.due_on) FROM arrears_action a JOIN repayment_instalment i ON i.action_id = a.id "
        "WHERE a.kind = 'repayment_plan' GROUP BY a.id",
    )
    assert len(plans) == result.life.repayment_plans >= 1
    for _id, _contract, agreed, amount, instalments, total, first in plans:
        assert instalments == 12
        assert total == amount > 0
        assert first > agreed
    kept = [line for line in arrears if PLAN_KEPT in {s.code for s in line.assessment.statuses}]
    assert {line.contract_id for line in kept} <= {plan[1] for plan in plans}
    assert kept


def test_the_charges_are_complete(demo: tuple[Path, DemoResult], tmp_path: Path) -> None:
    path, _result = demo
    copy = tmp_path / "copy.db"
    shutil.copyfile(path, copy)
    opened = open_database(resolve_database(str(copy)))
    try:
        reports = catch_up(opened.database, actor=SYSTEM_ACTOR, today=TODAY)
    finally:
        opened.database.dispose()
    assert sum(report.entries for report in reports) == 0


def test_the_support_programmes_households_are_accompanied(
    demo: tuple[Path, DemoResult],
) -> None:
    path, result = demo
    accompaniment = result.support
    measures = kinds(path, "support_measure")
    assert sum(measures.values()) == accompaniment.measures + accompaniment.diagnostics
    assert measures["diagnostic"] == accompaniment.diagnostics > 0
    assert {"avdl_non_dalo", "avdl_dalo"} <= set(measures)  # S has no ASLL programme
    # Every household of an AVDL or ASLL programme has a measure there (but those just come).
    unaccompanied = rows(
        path,
        "SELECT s.household_id FROM stay s JOIN programme p ON p.id = s.programme_id "
        "WHERE p.kind IN ('avdl', 'asll') AND julianday('2026-11-27') - julianday(s.entry_date) "
        "> 30 AND (s.exit_date IS NULL OR julianday(s.exit_date) - julianday(s.entry_date) > 30) "
        "AND NOT EXISTS (SELECT 1 FROM support_measure m WHERE m.household_id = s.household_id)",
    )
    assert unaccompanied == []
    # A measure lies in the programme of its household's stay covering its start, which is
    # how the import finds it again (the Mesures sheet has no programme column).
    outside = rows(
        path,
        "SELECT m.id FROM support_measure m WHERE NOT EXISTS (SELECT 1 FROM stay s "
        "WHERE s.household_id = m.household_id AND s.programme_id = m.programme_id "
        "AND s.entry_date <= m.start_date "
        "AND (s.exit_date IS NULL OR s.exit_date >= m.start_date))",
    )
    assert outside == []
    assert count(path, "SELECT count(*) FROM measure_renewal") == accompaniment.renewals > 0
    assert count(path, "SELECT count(*) FROM measure_suspension") == accompaniment.suspensions > 0
    ended = count(path, "SELECT count(*) FROM support_measure WHERE end_date IS NOT NULL")
    assert ended == accompaniment.measures_ended + accompaniment.diagnostics
    assert (
        count(
            path,
            "SELECT count(*) FROM support_measure WHERE end_date IS NOT NULL AND "
            "CASE kind WHEN 'diagnostic' THEN conclusion IS NULL "
            "ELSE outcome IS NULL OR destination IS NULL END",
        )
        == 0
    )
    assert count(path, "SELECT count(*) FROM support_measure WHERE end_date IS NULL") > 0
    phases = count(path, "SELECT count(*) FROM measure_phase")
    assert phases == accompaniment.measures + accompaniment.phase_changes
    assert accompaniment.phase_changes > 0
    assert count(path, "SELECT count(*) FROM goal WHERE strengths <> ''") == accompaniment.goals
    assert count(path, "SELECT count(*) FROM goal WHERE status <> 'open'") == (
        accompaniment.goals_closed
    )
    assert accompaniment.goals_closed > 0
    reviews = rows(path, "SELECT document_id, sent_on FROM support_review")
    assert len(reviews) == accompaniment.reviews == 3
    assert all(document is not None for document, _ in reviews)
    assert sum(sent is not None for _, sent in reviews) == 2


def test_contacts_run_over_the_years_with_next_appointments(
    demo: tuple[Path, DemoResult],
) -> None:
    path, result = demo
    accompaniment = result.support
    contacts = kinds(path, "contact")
    assert sum(contacts.values()) == accompaniment.contacts
    assert {"office", "home_visit", "phone", "no_show"} <= set(contacts)
    first, last = rows(path, "SELECT min(held_on), max(held_on) FROM contact")[0]
    assert date.fromisoformat(first).year < TODAY.year - 1
    assert date.fromisoformat(last) < TODAY
    appointments = [
        date.fromisoformat(day)
        for (day,) in rows(
            path, "SELECT next_appointment_on FROM contact WHERE next_appointment_on IS NOT NULL"
        )
    ]
    assert len(appointments) == accompaniment.appointments
    assert any(day >= TODAY for day in appointments)  # still ahead: in the agenda
    assert count(path, "SELECT count(*) FROM contact_theme") > len(appointments)
    assert count(path, "SELECT count(*) FROM note WHERE contact_id IS NOT NULL") > 0
    # At most one contact of a kind per worker and day in a household (the workbook's key).
    repeated = rows(
        path,
        "SELECT household_id, held_on, kind, worker_id FROM contact GROUP BY 1, 2, 3, 4 "
        "HAVING count(*) > 1",
    )
    assert repeated == []
    todos = count(path, "SELECT count(*) FROM todo")
    assert todos == accompaniment.todos > 0
    assert count(path, "SELECT count(*) FROM todo WHERE done_on IS NOT NULL") == (
        accompaniment.todos_done
    )


def test_the_pension_de_famille_has_a_collective_life(demo: tuple[Path, DemoResult]) -> None:
    path, result = demo
    accompaniment = result.support
    activities = count(path, "SELECT count(*) FROM collective_activity")
    assert activities == accompaniment.activities > 5
    named = count(path, "SELECT count(DISTINCT activity_id) FROM activity_attendance")
    counted = count(path, "SELECT count(*) FROM collective_activity WHERE head_count IS NOT NULL")
    assert named > 0
    assert named + counted == activities
    # Every person who came lived in the residence that day.
    strangers = rows(
        path,
        "SELECT a.id, t.person_id FROM activity_attendance t "
        "JOIN collective_activity a ON a.id = t.activity_id "
        "WHERE NOT EXISTS (SELECT 1 FROM membership ms "
        "JOIN occupancy_contract c ON c.household_id = ms.household_id "
        "JOIN dwelling d ON d.id = c.dwelling_id "
        "WHERE ms.person_id = t.person_id AND d.residence_id = a.residence_id "
        "AND c.start_date <= a.held_on AND (c.end_date IS NULL OR c.end_date >= a.held_on))",
    )
    assert strangers == []
    entries = count(path, "SELECT count(*) FROM liaison_entry")
    assert entries == accompaniment.liaison_entries > 0


def test_admissions_and_rehousing_through_the_services(demo: tuple[Path, DemoResult]) -> None:
    path, result = demo
    grown = result.admissions
    decisions = dict(
        rows(path, "SELECT coalesce(decision, 'waiting'), count(*) FROM candidature GROUP BY 1")
    )
    assert decisions["waiting"] == 10  # five per programme in two waiting lists
    assert decisions["admitted"] == grown.admitted > 0
    refusals = ("refused_structure", "refused_household", "no_follow_up")
    assert sum(decisions[code] for code in refusals) == grown.refused
    assert all(decisions[code] > 0 for code in refusals)
    # Every refusal has its reason; every admission opened a stay with the candidature's data.
    assert (
        count(
            path,
            "SELECT count(*) FROM candidature WHERE decision IN "
            "('refused_structure', 'refused_household', 'no_follow_up') "
            "AND refusal_reason IS NULL",
        )
        == 0
    )
    mismatched = rows(
        path,
        "SELECT c.id FROM candidature c JOIN stay s ON s.id = c.stay_id "
        "WHERE s.programme_id <> c.programme_id OR s.siao_reference IS NOT c.siao_reference "
        "OR s.entry_situation IS NOT c.entry_situation",
    )
    assert mismatched == []
    assert (
        count(
            path, "SELECT count(*) FROM candidature WHERE decision = 'admitted' AND stay_id IS NULL"
        )
        == 0
    )
    assert grown.contracts > 0  # admitted into a free dwelling, contract signed the same day
    assert count(path, "SELECT count(*) FROM housing_application") == grown.applications > 0
    assert count(path, "SELECT count(*) FROM housing_application WHERE dalo_recognised") == 2
    assert grown.renewals > 0
    outcomes = dict(rows(path, "SELECT outcome, count(*) FROM housing_offer GROUP BY 1"))
    assert outcomes == {"refused_household": 1, "accepted": 2}
    # Each rehousing ended its stay on the lease signature with its destination.
    ended = rows(
        path,
        "SELECT r.destination, s.destination, s.exit_date IS NOT NULL FROM rehousing r "
        "JOIN stay s ON s.id = r.stay_id",
    )
    assert ended == [("social_housing", "social_housing", 1)] * grown.rehousings
    # ... and the contract running under it on the same last day: no charge after it.
    running = rows(
        path,
        "SELECT c.id FROM rehousing r JOIN stay s ON s.id = r.stay_id "
        "JOIN occupancy_contract c ON c.household_id = r.household_id "
        "WHERE c.state <> 'ended' OR c.end_date > s.exit_date",
    )
    assert running == []
    assert grown.rehousings == 2


_SNAPSHOT = (
    "SELECT * FROM stay ORDER BY id",
    "SELECT * FROM occupancy_contract ORDER BY id",
    "SELECT * FROM rent_rate ORDER BY id",
    "SELECT * FROM benefit_status ORDER BY id",
    "SELECT * FROM sliding_plan ORDER BY id",
    "SELECT * FROM sliding_review ORDER BY id",
    "SELECT id, key_worker_id FROM household ORDER BY id",
    # Everything but the moment it was written.
    "SELECT id, contract_id, posted_on, period_month, kind, nature, amount, generated, payer, "
    "method, reference, batch_id, reverses_id, reason, first_default_on, created_by "
    "FROM ledger_entry ORDER BY id",
    "SELECT id, agency, received_on, transfer_reference, total FROM benefit_batch ORDER BY id",
    "SELECT id, contract_id, posted_on, kind, amount, reference, ledger_entry_id "
    "FROM deposit_entry ORDER BY id",
    "SELECT id, contract_id, kind, action_date, outcome, amount, delivered_on, detail "
    "FROM arrears_action ORDER BY id",
    "SELECT * FROM repayment_instalment ORDER BY id",
    "SELECT value FROM parameter WHERE key = 'go_live_date'",
    # The accompaniment (`demo_support`), everything but the moment it was written.
    "SELECT id, household_id, programme_id, funder_id, kind, target_public, dalo_status, "
    "referrer, prescribed_on, start_date, contract_signed_on, planned_months, end_date, outcome, "
    "destination, conclusion, worker_id, version FROM support_measure ORDER BY id",
    "SELECT * FROM measure_renewal ORDER BY id",
    "SELECT * FROM measure_suspension ORDER BY id",
    "SELECT * FROM measure_phase ORDER BY id",
    "SELECT * FROM goal ORDER BY id",
    "SELECT id, measure_id, kind, period_start, period_end, due_on, written_on, sent_on, "
    "shared_on, next_steps, household_words, document_id FROM support_review ORDER BY id",
    "SELECT household_id, kind, title, file_name, sha256, size, dated_on FROM document ORDER BY id",
    "SELECT id, household_id, measure_id, kind, held_on, minutes, worker_id, "
    "next_appointment_on FROM contact ORDER BY id",
    "SELECT * FROM contact_theme ORDER BY contact_id, theme",
    "SELECT id, household_id, written_on, level, text, contact_id FROM note ORDER BY id",
    "SELECT id, household_id, due_on, text, assigned_to, done_on FROM todo ORDER BY id",
    "SELECT id, residence_id, held_on, kind, title, host_id, head_count "
    "FROM collective_activity ORDER BY id",
    "SELECT * FROM activity_attendance ORDER BY activity_id, person_id",
    "SELECT id, residence_id, written_at, author_id, text FROM liaison_entry ORDER BY id",
    "SELECT * FROM liaison_tag ORDER BY entry_id, person_id",
    # Admissions and rehousing (`demo_admissions`), everything but the moment it was written.
    "SELECT id, household_id, programme_id, dwelling_id, siao_reference, oriented_on, referrer, "
    "entry_situation, decision, decided_on, refusal_reason, siao_answered_on, stay_id "
    "FROM candidature ORDER BY id",
    "SELECT * FROM candidature_step ORDER BY id",
    "SELECT * FROM housing_application ORDER BY id",
    "SELECT * FROM housing_offer ORDER BY id",
    "SELECT id, household_id, offer_id, signed_on, landlord, sector, destination, stay_id "
    "FROM rehousing ORDER BY id",
)


def test_same_seed_and_day_give_the_same_life(
    demo: tuple[Path, DemoResult], tmp_path: Path
) -> None:
    path, result = demo
    again = tmp_path / "d.db"
    second = create(again)
    assert second.life == result.life
    assert second.support == result.support
    assert second.admissions == result.admissions
    for sql in _SNAPSHOT:
        assert rows(again, sql) == rows(path, sql), sql


@pytest.mark.slow
def test_m_grows_fully_within_a_minute(tmp_path: Path) -> None:
    # CPU time of this process: the CI runner has 2 cores shared by the xdist workers, so wall
    # time measures the neighbours as much as the demo (alone, wall time ≈ CPU time here).
    # The goal is a minute; the same code measured from 45 to 57 CPU seconds within one hour
    # on this machine, so the test fails only past 75 s, a regression rather than noise.
    began, wall = time.process_time(), time.perf_counter()
    result = create(tmp_path / "m.db", size="M")
    elapsed = time.process_time() - began
    print(f"M demo: {elapsed:.1f} s CPU, {time.perf_counter() - wall:.1f} s wall")
    assert result.life.households == result.summary.households
    assert result.life.glissements > 0
    assert elapsed < 75, (elapsed, time.perf_counter() - wall)


def test_progress_follows_the_households_and_cancel_removes_the_file(tmp_path) -> None:
    from desktop_app.domain.errors import Cancelled
    from desktop_app.domain.progress import TaskControl

    seen: list[tuple[int, int]] = []
    path = tmp_path / "progress.db"
    result = create_demo_database(
        resolve_database(str(path)),
        size="S",
        today=date(2026, 11, 27),
        control=TaskControl(lambda done, total: seen.append((done, total))),
    )
    contracts = count(path, "SELECT count(*) FROM occupancy_contract")
    total = 200 + contracts - result.admissions.contracts  # the life's households and contracts
    assert seen[-1] == (total, total)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    control = TaskControl()
    control.cancel()
    with pytest.raises(Cancelled):
        create_demo_database(
            resolve_database(str(tmp_path / "cancelled.db")),
            size="S",
            today=date(2026, 11, 27),
            control=control,
        )
    assert not (tmp_path / "cancelled.db").exists()
