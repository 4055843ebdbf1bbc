"""The schema's own guards: money in cents, codes, dates in order, named constraints."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import IntegrityError, StatementError

from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.persistence.opening import open_database

pytestmark = pytest.mark.db


@pytest.fixture
def database(database_target: DatabaseTarget):
    opened = open_database(database_target)
    with opened.database.begin_write() as connection:
        connection.execute(insert(m.Programme).values(name="IML", kind="iml_sublease"))
        connection.execute(insert(m.Household).values(reference="M-1"))
        connection.execute(
            insert(m.Dwelling).values(
                reference="L-1", address="1 rue A", commune="Lyon", programme_id=1
            )
        )
    yield opened.database
    opened.database.dispose()


def write(database, statement) -> None:
    with database.begin_write() as connection:
        connection.execute(statement)


@pytest.mark.parametrize(
    ("statement", "constraint"),
    [
        (insert(m.Funder).values(name="X", kind="bop177"), "ck_funder_kind_code"),
        (
            insert(m.Stay).values(
                household_id=1,
                programme_id=1,
                entry_date=date(2026, 3, 1),
                exit_date=date(2026, 2, 28),
            ),
            "ck_stay_exit_date_after_entry_date",
        ),
        (
            insert(m.Stay).values(
                household_id=1,
                programme_id=1,
                entry_date=date(2026, 3, 1),
                destination="social_housing",
            ),
            "ck_stay_exit_details_need_exit",
        ),
        (
            insert(m.Dwelling).values(
                reference="L-2", address="2 rue B", commune="Lyon", programme_id=1, lots=0
            ),
            "ck_dwelling_lots_positive",
        ),
        (
            insert(m.Dwelling).values(reference="L-1", address="x", commune="Lyon", programme_id=1),
            "uq_dwelling_reference",
        ),
        (
            insert(m.Membership).values(
                household_id=1, person_id=999, role="head", joined_on=date(2026, 1, 1)
            ),
            "fk_membership_person_id_person",
        ),
    ],
    ids=["code", "exit-before-entry", "destination-without-exit", "lots", "unique", "foreign-key"],
)
def test_constraints_refuse_bad_rows(database, statement, constraint: str) -> None:
    with pytest.raises(IntegrityError) as refused:
        write(database, statement)
    message = str(refused.value.orig)
    if database.dialect == "postgresql":
        assert constraint in message
    else:  # SQLite names CHECKs and UNIQUEs by their columns, FKs not at all
        assert any(word in message for word in ("CHECK", "UNIQUE", "FOREIGN KEY"))


def test_rent_rate_due_day_and_money(database) -> None:
    write(
        database,
        insert(m.OccupancyContract).values(
            household_id=1, dwelling_id=1, kind="sublease", start_date=date(2026, 1, 1)
        ),
    )
    with pytest.raises(IntegrityError):
        write(
            database,
            insert(m.RentRate).values(
                contract_id=1, valid_from=date(2026, 1, 1), rent=40_000, due_day=32
            ),
        )
    with pytest.raises(StatementError, match="integer cents"):
        write(
            database,
            insert(m.RentRate).values(contract_id=1, valid_from=date(2026, 1, 1), rent=400.5),
        )
    write(
        database,
        insert(m.RentRate).values(
            contract_id=1, valid_from=date(2026, 1, 1), rent=40_000, charges=4_000
        ),
    )
    with database.read() as session:
        row = session.execute(text("select rent, charges, mandatory_services from rent_rate")).one()
    assert tuple(row) == (40_000, 4_000, 0)


def test_version_defaults_to_one_for_bulk_inserts(database) -> None:
    write(database, insert(m.Funder).values(name="CAF du Rhône", kind="caf"))
    with database.read() as session:
        assert session.execute(text("select version from funder")).scalar_one() == 1
