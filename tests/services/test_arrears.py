"""The arrears list over a real ledger: DOMAIN §4's example A through the services; the export."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert

from desktop_app import cli
from desktop_app.domain import reminders as rules
from desktop_app.domain.arrears import CAF_REPORT, CCAPEX_REFERRAL, INSTALMENT
from desktop_app.domain.periods import add_months
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import resolve_database
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services.arrears import arrears_list
from desktop_app.services.arrears_actions import InstalmentInput, record_action
from desktop_app.services.charges import generate_month
from desktop_app.services.contracts import RateInput, create_contract
from desktop_app.services.households import MemberInput, create_household
from desktop_app.services.ledger import post_entry
from desktop_app.services.reminders import list_reminders
from desktop_app.services.stays import open_stay
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db

START = date(2026, 6, 1)


@pytest.fixture
def ledger(database_target) -> Iterator[tuple[Database, int, object]]:
    """Example A of DOMAIN §4: rent 400 + charges 40, benefit 260 paid to the association.

    June is paid by the household on the 8th; from July, nothing; the CAF pays every month on
    the 10th of the next one.
    """
    workspace = open_workspace(database_target)
    db = workspace.database
    with db.begin_write() as c:
        c.execute(insert(m.Programme).values(name="IML Lyon", kind="iml_sublease"))
        c.execute(
            insert(m.Dwelling).values(
                reference="LOG-A", address="1 rue A", commune="Lyon", programme_id=1
            )
        )
    household = create_household(
        db,
        actor=SYSTEM_ACTOR,
        start=START,
        members=[MemberInput("Martin", "Léa", None, "f", "head")],
    ).household_id
    open_stay(
        db, actor=SYSTEM_ACTOR, household_id=household, programme_id=1, entry=START, today=START
    )
    contract = create_contract(
        db,
        actor=SYSTEM_ACTOR,
        household_id=household,
        dwelling_id=1,
        kind="sublease",
        start=START,
        rate=RateInput(rent=40_000, charges=4_000, expected_benefit=26_000, tiers_payant=True),
    ).contract_id
    today = date(2026, 11, 20)
    month = START
    while month <= date(2026, 11, 1):
        generate_month(db, actor=SYSTEM_ACTOR, month=month, today=today)
        paid_on = add_months(month, 1).replace(day=10)
        if paid_on <= today:
            post_entry(
                db,
                actor=SYSTEM_ACTOR,
                contract_id=contract,
                kind="housing_benefit",
                amount=26_000,
                posted_on=paid_on,
                period_month=month,
                payer="CAF",
                today=today,
            )
        month = add_months(month, 1)
    post_entry(
        db,
        actor=SYSTEM_ACTOR,
        contract_id=contract,
        kind="household_payment",
        amount=18_000,
        posted_on=date(2026, 6, 8),
        today=today,
    )
    yield db, contract, (database_target, workspace)
    workspace.close()  # disposing twice is harmless


@pytest.mark.parametrize(
    ("day", "level"),
    [
        (date(2026, 7, 14), None),
        (date(2026, 7, 15), "alert"),
        (date(2026, 8, 15), "caf_threshold"),
        (date(2026, 10, 14), "caf_threshold"),
        (date(2026, 10, 15), "ccapex"),
    ],
)
def test_example_a_through_the_services(ledger, day: date, level: str | None) -> None:
    db, contract, _ = ledger
    lines = arrears_list(db, actor=SYSTEM_ACTOR, on=day)
    if level is None:
        assert lines == []
        return
    [line] = lines
    assert (line.contract_id, line.level, line.household_reference) == (contract, level, "M-00001")
    assert line.head == "Martin Léa"


def test_the_ladder_says_what_to_do_next(ledger) -> None:
    db, _, _ = ledger
    [line] = arrears_list(db, actor=SYSTEM_ACTOR, on=date(2026, 10, 20))
    assert line.debt == 4 * 18_000  # July to October, 180 € each
    assert line.assessment.ladder.reached_on("caf_threshold") == date(2026, 8, 15)
    codes = {reminder.code for reminder in line.assessment.reminders}
    assert codes  # the CAF report and the CCAPEX referral are due
    assert line.assessment.next_reminder is not None


def test_a_social_worker_sees_the_level_not_the_amounts(ledger) -> None:
    db, _, _ = ledger
    worker = Actor(user_id=None, login="sw", grants=(Grant("social_worker"),))
    [line] = arrears_list(db, actor=worker, on=date(2026, 10, 20))
    assert line.level == "ccapex"
    assert (line.debt, line.housing_debt) == (None, None)


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(cli.parse(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_export_as_domain_4_9(ledger, tmp_path: Path) -> None:
    _, _, (target, workspace) = ledger
    workspace.close()  # the command line opens the file on its own, as a cron job would
    out = tmp_path / "impayes.xlsx"
    code, stdout, stderr = run_cli(
        "--db", target.url, "arrears", "--on", "20/10/2026", "--out", str(out)
    )
    assert code == 0, stderr
    assert "1 contrat(s)" in stdout
    sheet = load_workbook(out)["Impayés"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == (
        "Référence ménage",
        "Référence logement",
        "Niveau",
        "Code niveau",
        "Dette (€)",
    )
    assert rows[1][:2] == ("M-00001", "LOG-A")
    assert rows[1][3] == "ccapex"
    assert rows[1][4] == 720


def test_export_to_a_file_that_cannot_be_written_changes_nothing(tmp_path: Path) -> None:
    target = resolve_database(str(tmp_path / "empty.db"))
    open_workspace(target).close()
    code, _, _ = run_cli(
        "--db", str(target.path), "arrears", "--out", str(tmp_path / "nope" / "x.xlsx")
    )
    assert code != 0
    assert not (tmp_path / "nope").exists()


def test_the_rules_are_read_from_the_database_with_their_dates(ledger) -> None:
    from desktop_app.services.parameters import parameters_in

    db, _, _ = ledger
    params = db.run_read(parameters_in)
    assert params.get("arrears.caf_fixed_threshold", date(2026, 12, 31)) is None
    assert params.get("arrears.caf_fixed_threshold", date(2027, 1, 1)) == 45_000
    assert params.get("winter_truce.start", date(2027, 1, 1)) == "11-01"


def _arrears_reminders(db: Database, actor: Actor, today: date) -> list[tuple[str, date, bool]]:
    return [
        (reminder.code, reminder.due, reminder.overdue)
        for reminder in list_reminders(db, actor=actor, today=today)
        if rules.kind_of(reminder.code) == rules.KIND_ARREARS
    ]


def test_the_ladders_reminders_reach_the_agenda_until_their_action(ledger) -> None:
    db, contract, _ = ledger
    today = date(2026, 10, 20)
    # d₂ 15/08 (tiers payant): CAF report by 15/10; CCAPEX reached 15/10 (as the list says)
    [line] = arrears_list(db, actor=SYSTEM_ACTOR, on=today)
    expected = [(r.code, r.due, r.overdue) for r in line.assessment.reminders]
    assert expected == [
        (CAF_REPORT, date(2026, 10, 15), True),
        (CCAPEX_REFERRAL, date(2026, 10, 15), True),
    ]
    assert _arrears_reminders(db, SYSTEM_ACTOR, today) == expected
    [first] = [
        r for r in list_reminders(db, actor=SYSTEM_ACTOR, today=today) if r.code == CAF_REPORT
    ]
    assert (first.record, first.record_id, first.household_reference) == (
        rules.CONTRACT,
        contract,
        "M-00001",
    )
    assert first.dwelling_reference == "LOG-A"
    # the CAF report recorded closes its reminder, the referral stays
    record_action(
        db,
        actor=SYSTEM_ACTOR,
        contract_id=contract,
        kind="caf_report",
        action_date=date(2026, 10, 19),
        today=today,
    )
    assert _arrears_reminders(db, SYSTEM_ACTOR, today) == [
        (CCAPEX_REFERRAL, date(2026, 10, 15), True)
    ]


def test_an_instalment_is_reminded_until_the_household_pays(ledger) -> None:
    db, contract, _ = ledger
    today = date(2026, 10, 20)
    record_action(
        db,
        actor=SYSTEM_ACTOR,
        contract_id=contract,
        kind="repayment_plan",
        action_date=date(2026, 10, 20),
        instalments=[InstalmentInput(date(2026, 11, 5), 10_000)],
        today=today,
    )
    # the November share (180, due 05/11) and the instalment (100): 280 to pay by 05/11
    assert (INSTALMENT, date(2026, 11, 5), False) in _arrears_reminders(db, SYSTEM_ACTOR, today)
    post_entry(
        db,
        actor=SYSTEM_ACTOR,
        contract_id=contract,
        kind="household_payment",
        amount=28_000,
        posted_on=today,
        today=today,
    )
    assert all(code != INSTALMENT for code, *_ in _arrears_reminders(db, SYSTEM_ACTOR, today))


def test_the_ladders_reminders_need_the_payment_situation(ledger) -> None:
    db, _, _ = ledger
    today = date(2026, 10, 20)
    coordinator = Actor(user_id=None, login="co", grants=(Grant("coordinator"),))
    assert [code for code, *_ in _arrears_reminders(db, coordinator, today)] == [
        CAF_REPORT,
        CCAPEX_REFERRAL,
    ]
    secretary = Actor(user_id=None, login="sec", grants=(Grant("secretary"),))
    assert _arrears_reminders(db, secretary, today) == []
