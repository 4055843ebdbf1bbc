"""The security log: hash chain, tamper detection, purge, business history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert, text, update

from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence.history import record_change
from desktop_app.persistence.models import AuditEvent, ChangeHistory, Household
from desktop_app.persistence.opening import open_database

pytestmark = pytest.mark.db
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def database(database_target: DatabaseTarget):
    opened = open_database(database_target)
    yield opened.database
    opened.database.dispose()


def fill(database, count: int, start: datetime = T0) -> None:
    def work(session):
        for index in range(count):
            audit.record(
                session,
                actor="claire",
                user_id=None,
                action="update",
                entity="household",
                entity_id=index,
                household_id=index,
                fields=("address", "phone"),
                at=start + timedelta(days=index),
            )

    database.run_write(work)


def test_chain_verifies_and_links(database) -> None:
    fill(database, 5)
    report = database.run_read(audit.verify)
    assert report.ok
    assert report.checked == 5
    rows = database.run_read(
        lambda s: s.execute(text("select previous_hash, hash from audit_event order by id")).all()
    )
    assert rows[0][0] == audit.GENESIS
    assert all(rows[i][0] == rows[i - 1][1] for i in range(1, 5))


@pytest.mark.parametrize("column", ["actor", "fields", "entity_id", "at"])
def test_any_edit_breaks_the_chain_at_that_event(database, column: str) -> None:
    fill(database, 4)
    values = {
        "actor": "mallory",
        "fields": "nothing",
        "entity_id": 99,
        "at": T0 - timedelta(days=9),
    }
    database.run_write(
        lambda s: s.execute(
            update(AuditEvent).where(AuditEvent.id == 3).values({column: values[column]})
        )
    )
    report = database.run_read(audit.verify)
    assert not report.ok
    assert report.broken_at == 3
    assert report.checked == 2


def test_deleting_an_event_inside_the_chain_is_detected(database) -> None:
    fill(database, 4)
    database.run_write(lambda s: s.execute(text("delete from audit_event where id = 2")))
    assert database.run_read(audit.verify).broken_at == 3


def test_purge_keeps_the_rest_verifiable(database) -> None:
    fill(database, 10)
    purged = database.run_write(lambda s: audit.purge(s, before=T0 + timedelta(days=4)))
    assert purged == 4
    report = database.run_read(audit.verify)
    assert report.ok
    assert report.checked == 6
    fill(database, 2, start=T0 + timedelta(days=20))
    assert database.run_read(audit.verify).checked == 8
    assert database.run_write(lambda s: audit.purge(s, before=T0)) == 0


def test_values_never_pass_as_field_names(database) -> None:
    with pytest.raises(ValueError, match="names, never values"):
        database.run_write(
            lambda s: audit.record(
                s, actor="x", user_id=None, action="update", fields=("Hélène Dupont",)
            )
        )
    with pytest.raises(ValueError, match="unknown audit action"):
        database.run_write(lambda s: audit.record(s, actor="x", user_id=None, action="peek"))
    assert (
        database.run_read(
            lambda s: s.execute(text("select count(*) from audit_event")).scalar_one()
        )
        == 0
    )


def test_event_written_in_the_transaction_of_the_change(database) -> None:
    def change_then_fail(session):
        audit.record(session, actor="x", user_id=None, action="create", entity="funder")
        raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        database.run_write(change_then_fail)
    assert (
        database.run_read(
            lambda s: s.execute(text("select count(*) from audit_event")).scalar_one()
        )
        == 0
    )


def test_business_history_keeps_dates_statuses_amounts(database) -> None:
    database.run_write(lambda s: s.execute(insert(Household).values(reference="M-1")))

    def work(session):
        record_change(
            session,
            user_id=None,
            household_id=1,
            entity="stay",
            entity_id=1,
            field="exit_date",
            old=None,
            new=date(2026, 3, 31),
            at=T0,
        )
        record_change(
            session,
            user_id=None,
            household_id=1,
            entity="rent_rate",
            entity_id=1,
            field="rent",
            old=40_000,
            new=41_200,
            at=T0,
        )
        assert (
            record_change(
                session,
                user_id=None,
                household_id=1,
                entity="stay",
                entity_id=1,
                field="destination",
                old="slid",
                new="slid",
                at=T0,
            )
            is None
        )
        with pytest.raises(ValueError, match="never free text"):
            record_change(
                session,
                user_id=None,
                household_id=1,
                entity="note",
                entity_id=1,
                field="text",
                old=None,
                new="Mme X a dit que…",
                at=T0,
            )

    database.run_write(work)
    rows = database.run_read(
        lambda s: [
            (r.field, r.old_value, r.new_value)
            for r in s.query(ChangeHistory).order_by(ChangeHistory.id)
        ]
    )
    assert rows == [("exit_date", None, "2026-03-31"), ("rent", "40000", "41200")]
