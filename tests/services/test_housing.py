"""The housing stock and the occupancy view, on real databases (DOMAIN §2, §5.6)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, insert, select
from sqlalchemy.orm import Session

from desktop_app.domain import messages
from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.permissions import Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services import housing as svc
from desktop_app.services.housing import DwellingInput
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
SOURCE = Path(svc.__file__).read_text(encoding="utf-8")
GL = Actor(user_id=None, login="gl", grants=(Grant("rental_manager"),))
SW = Actor(user_id=None, login="sw", grants=(Grant("social_worker"),))


@pytest.fixture(autouse=True)
def _codes_not_yet_in_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stand in for the texts the catalogue lacks (see test_contracts)."""
    used = set(re.findall(r'"(housing\.[a-z_]+)"', SOURCE))
    missing = {code: code for code in used if code not in messages.MESSAGES}
    monkeypatch.setattr(messages, "MESSAGES", {**messages.MESSAGES, **missing})


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


@dataclass
class Scene:
    database: Database
    iml: int
    pension: int
    other_pension: int

    def dwelling(self, reference: str, **changes: Any) -> svc.DwellingInfo:
        data = DwellingInput(
            reference=reference,
            address="3 rue des Lilas",
            commune="Lyon",
            postcode="69003",
            programme_id=self.iml,
            captured_on=date(2024, 1, 1),
        )
        return svc.add_dwelling(self.database, actor=GL, data=replace(data, **changes))

    def contract(self, dwelling_id: int, household: str, start: date, end: date | None) -> None:
        with self.database.begin_write() as c:
            household_id = add(c, m.Household, reference=household)
            add(
                c,
                m.OccupancyContract,
                household_id=household_id,
                dwelling_id=dwelling_id,
                kind="sublease",
                start_date=start,
                end_date=end,
                state="active" if end is None else "ended",
            )


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    workspace = open_workspace(database_target)
    with workspace.database.begin_write() as c:
        iml = add(c, m.Programme, name="IML", kind="iml_sublease")
        pension = add(c, m.Programme, name="PENSION", kind="boarding_house")
        other = add(c, m.Programme, name="RA", kind="reception_residence")
    yield Scene(workspace.database, iml, pension, other)
    workspace.close()


def codes(error: pytest.ExceptionInfo[InvalidInput]) -> set[tuple[str, str]]:
    return {(issue.field, issue.code) for issue in error.value.issues}


def test_landlords(scene: Scene) -> None:
    db = scene.database
    landlord = svc.add_landlord(db, actor=GL, name=" Habitat Solidaire ", kind="social")
    assert landlord.name == "Habitat Solidaire"
    updated = svc.update_landlord(
        db, actor=GL, landlord_id=landlord.landlord_id, name="HS", kind="private", phone="04"
    )
    assert (updated.name, updated.kind, updated.phone) == ("HS", "private", "04")
    assert [row.name for row in svc.list_landlords(db, actor=SW)] == ["HS"]
    with pytest.raises(InvalidInput) as error:
        svc.add_landlord(db, actor=GL, name=" ", kind="hlm")
    assert codes(error) == {("name", "housing.required"), ("kind", "housing.code_unknown")}
    with pytest.raises(RefusedError, match="droits"):
        svc.add_landlord(db, actor=SW, name="X", kind="social")

    def history(session: Session) -> list[tuple[str | None, str | None]]:
        rows = session.execute(
            select(m.ChangeHistory.old_value, m.ChangeHistory.new_value).where(
                m.ChangeHistory.entity == "landlord"
            )
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]

    assert db.run_read(history) == [("social", "private")]


def test_residences_and_dated_places(scene: Scene) -> None:
    db = scene.database
    residence = svc.add_residence(
        db,
        actor=GL,
        name="Les Tilleuls",
        programme_id=scene.pension,
        places=20,
        valid_from=date(2024, 1, 1),
        postcode="69007",
    )
    svc.set_residence_places(
        db, actor=GL, residence_id=residence.residence_id, valid_from=date(2025, 1, 1), places=22
    )
    after = svc.set_residence_places(
        db, actor=GL, residence_id=residence.residence_id, valid_from=date(2025, 1, 1), places=24
    )
    assert after.places == (
        svc.PlacesInfo(date(2024, 1, 1), 20),
        svc.PlacesInfo(date(2025, 1, 1), 24),
    )
    assert [r.name for r in svc.list_residences(db, actor=SW)] == ["Les Tilleuls"]
    with pytest.raises(InvalidInput) as error:
        svc.add_residence(
            db,
            actor=GL,
            name="Les Tilleuls",
            programme_id=scene.iml,
            places=-1,
            valid_from=date(2024, 1, 1),
            postcode="690",
        )
    assert codes(error) == {
        ("name", "housing.name_taken"),
        ("programme_id", "housing.residence_programme_kind"),
        ("places", "housing.places_negative"),
        ("postcode", "housing.postcode_invalid"),
    }


def test_dwelling_validation(scene: Scene) -> None:
    first = scene.dwelling("IML-1", surface_m2=Decimal("31.50"), typology="t2", dpe_class="D")
    assert first.surface_m2 == Decimal("31.50")
    with scene.database.begin_write() as c:
        residence = add(c, m.Residence, name="Acacias", programme_id=scene.other_pension)
    with pytest.raises(InvalidInput) as error:
        scene.dwelling(
            "IML-1",
            postcode="6900A",
            typology="f2",
            sector="hlm",
            dpe_class="H",
            lots=0,
            places=-1,
            surface_m2=Decimal(0),
            residence_id=residence,
            programme_id=scene.pension,
            landlord_id=first.dwelling_id + 1000,
        )
    assert codes(error) == {
        ("reference", "housing.reference_taken"),
        ("postcode", "housing.postcode_invalid"),
        ("typology", "housing.code_unknown"),
        ("sector", "housing.code_unknown"),
        ("dpe_class", "housing.code_unknown"),
        ("lots", "housing.lots_invalid"),
        ("places", "housing.places_negative"),
        ("surface_m2", "housing.surface_invalid"),
        ("residence_id", "housing.residence_programme"),
        ("landlord_id", "housing.landlord_unknown"),
    }
    in_residence = scene.dwelling("RA-1", programme_id=scene.other_pension, residence_id=residence)
    assert in_residence.residence_id == residence
    assert [d.reference for d in svc.list_dwellings(scene.database, actor=SW)] == [
        "IML-1",
        "RA-1",
    ]
    assert [
        d.reference for d in svc.list_dwellings(scene.database, actor=SW, programme_id=scene.iml)
    ] == ["IML-1"]
    host = Actor(user_id=None, login="h", grants=(Grant("host", residence_id=residence),))
    assert [d.reference for d in svc.list_dwellings(scene.database, actor=host)] == ["RA-1"]


def test_update_dwelling(scene: Scene) -> None:
    dwelling = scene.dwelling("IML-2", lots=2)
    scene.contract(dwelling.dwelling_id, "M-1", date(2024, 3, 1), None)
    scene.contract(dwelling.dwelling_id, "M-2", date(2024, 4, 1), None)
    data = DwellingInput(
        reference="IML-2b",
        address="4 rue",
        commune="Villeurbanne",
        programme_id=scene.iml,
        captured_on=date(2024, 3, 2),
        lots=1,
    )
    with pytest.raises(InvalidInput) as error:
        svc.update_dwelling(scene.database, actor=GL, dwelling_id=dwelling.dwelling_id, data=data)
    assert codes(error) == {
        ("captured_on", "housing.captured_after_contract"),
        ("lots", "dwelling.over_occupied"),
    }
    updated = svc.update_dwelling(
        scene.database,
        actor=GL,
        dwelling_id=dwelling.dwelling_id,
        data=replace(data, captured_on=date(2024, 2, 1), lots=2),
    )
    assert (updated.reference, updated.commune, updated.captured_on) == (
        "IML-2b",
        "Villeurbanne",
        date(2024, 2, 1),
    )


def test_return_dwelling(scene: Scene) -> None:
    db = scene.database
    dwelling = scene.dwelling("IML-3")
    scene.contract(dwelling.dwelling_id, "M-3", date(2024, 2, 1), date(2024, 6, 30))
    vacancy = svc.add_vacancy(
        db, actor=GL, dwelling_id=dwelling.dwelling_id, start=date(2024, 7, 1), reason="works"
    )
    with pytest.raises(InvalidInput) as error:
        svc.return_dwelling(
            db, actor=GL, dwelling_id=dwelling.dwelling_id, returned_on=date(2023, 12, 31)
        )
    assert codes(error) == {("returned_on", "housing.returned_before_capture")}
    with pytest.raises(RefusedError) as refused:
        svc.return_dwelling(
            db, actor=GL, dwelling_id=dwelling.dwelling_id, returned_on=date(2024, 6, 29)
        )
    assert refused.value.code == "housing.returned_while_occupied"
    returned = svc.return_dwelling(
        db, actor=GL, dwelling_id=dwelling.dwelling_id, returned_on=date(2024, 9, 30)
    )
    assert returned.returned_on == date(2024, 9, 30)
    [closed] = svc.list_vacancies(db, actor=SW, dwelling_id=dwelling.dwelling_id)
    assert (closed.vacancy_id, closed.end) == (vacancy.vacancy_id, date(2024, 9, 30))


def test_main_leases_do_not_overlap(scene: Scene) -> None:
    db = scene.database
    landlord = svc.add_landlord(db, actor=GL, name="Privé", kind="private")
    dwelling = scene.dwelling("IML-4", landlord_id=landlord.landlord_id)
    lease = svc.add_main_lease(
        db, actor=GL, dwelling_id=dwelling.dwelling_id, start=date(2024, 1, 1), rent=50_000
    )
    assert lease.landlord_id == landlord.landlord_id
    with pytest.raises(InvalidInput) as error:
        svc.add_main_lease(
            db, actor=GL, dwelling_id=dwelling.dwelling_id, start=date(2025, 1, 1), rent=-1
        )
    assert codes(error) == {("rent", "housing.amount_negative"), ("start", "housing.lease_overlap")}
    with pytest.raises(TypeError):
        svc.add_main_lease(
            db,
            actor=GL,
            dwelling_id=dwelling.dwelling_id,
            start=date(2025, 1, 1),
            rent=500.0,  # type: ignore[arg-type]
        )
    with pytest.raises(InvalidInput) as error:
        svc.end_main_lease(
            db,
            actor=GL,
            lease_id=lease.lease_id,
            end=date(2024, 12, 31),
            notice_date=date(2025, 1, 5),
        )
    assert codes(error) == {("notice_date", "housing.notice_after_end")}
    ended = svc.end_main_lease(
        db, actor=GL, lease_id=lease.lease_id, end=date(2024, 12, 31), notice_date=date(2024, 6, 30)
    )
    assert (ended.end, ended.notice_date) == (date(2024, 12, 31), date(2024, 6, 30))
    second = svc.add_main_lease(
        db, actor=GL, dwelling_id=dwelling.dwelling_id, start=date(2025, 1, 1), rent=52_000
    )
    assert second.start == date(2025, 1, 1)
    with pytest.raises(InvalidInput) as error:
        svc.end_main_lease(db, actor=GL, lease_id=lease.lease_id, end=date(2025, 1, 1))
    assert codes(error) == {("end", "housing.lease_overlap")}
    listed = svc.list_main_leases(db, actor=GL, dwelling_id=dwelling.dwelling_id)
    assert [(m.start, m.end, m.rent) for m in listed] == [
        (date(2024, 1, 1), date(2024, 12, 31), 50_000),
        (date(2025, 1, 1), None, 52_000),
    ]
    with pytest.raises(RefusedError):
        svc.list_main_leases(db, actor=GL, dwelling_id=9_999)


def test_vacancies(scene: Scene) -> None:
    db = scene.database
    dwelling = scene.dwelling("IML-5")
    scene.contract(dwelling.dwelling_id, "M-5", date(2024, 3, 1), date(2024, 5, 31))
    add_vacancy = svc.add_vacancy
    first = add_vacancy(
        db,
        actor=GL,
        dwelling_id=dwelling.dwelling_id,
        start=date(2024, 1, 1),
        end=date(2024, 2, 29),
        reason="refurbishment",
        neutralised=True,
    )
    assert first.neutralised
    with pytest.raises(InvalidInput) as error:
        add_vacancy(
            db, actor=GL, dwelling_id=dwelling.dwelling_id, start=date(2024, 2, 1), reason="x"
        )
    assert codes(error) == {
        ("reason", "housing.code_unknown"),
        ("start", "housing.vacancy_overlap"),
        ("start", "housing.vacancy_occupied"),
    }
    with pytest.raises(InvalidInput) as error:
        add_vacancy(
            db,
            actor=GL,
            dwelling_id=dwelling.dwelling_id,
            start=date(2023, 12, 1),
            end=date(2023, 12, 31),
            reason="works",
        )
    assert codes(error) == {("start", "housing.vacancy_before_capture")}
    current = add_vacancy(
        db, actor=GL, dwelling_id=dwelling.dwelling_id, start=date(2024, 6, 1), reason="works"
    )
    assert current.end is None
    with pytest.raises(InvalidInput) as error:
        svc.end_vacancy(db, actor=GL, vacancy_id=current.vacancy_id, end=date(2024, 5, 31))
    assert codes(error) == {("end", "housing.end_before_start")}
    ended = svc.end_vacancy(db, actor=GL, vacancy_id=current.vacancy_id, end=date(2024, 6, 30))
    assert ended.end == date(2024, 6, 30)
    with pytest.raises(RefusedError):
        svc.add_vacancy(
            db, actor=SW, dwelling_id=dwelling.dwelling_id, start=date(2024, 8, 1), reason="works"
        )


def test_occupancy_view(scene: Scene, count_statements: Callable[[Any], Any]) -> None:
    db = scene.database
    on = date(2025, 3, 15)
    shared = scene.dwelling("A-SHARED", lots=2, places=3, typology="t3")
    scene.contract(shared.dwelling_id, "M-B", date(2025, 1, 1), None)
    scene.contract(shared.dwelling_id, "M-A", date(2024, 1, 1), date(2025, 3, 15))
    left = scene.dwelling("B-LEFT")
    scene.contract(left.dwelling_id, "M-C", date(2024, 1, 1), date(2025, 1, 31))
    svc.add_vacancy(
        db, actor=GL, dwelling_id=left.dwelling_id, start=date(2025, 2, 1), reason="works"
    )
    scene.dwelling("C-NEVER", captured_on=date(2025, 3, 1))
    scene.dwelling("D-LATER", captured_on=date(2025, 3, 16))
    gone = scene.dwelling("E-GONE")
    svc.return_dwelling(db, actor=GL, dwelling_id=gone.dwelling_id, returned_on=date(2025, 3, 14))
    scene.dwelling("F-OTHER", programme_id=scene.pension)

    with count_statements(db.engine) as counter:
        rows = svc.occupancy(db, actor=SW, programme_id=scene.iml, on=on)
    assert counter.count == 3  # dwellings, contracts, vacancies: none per dwelling

    assert [row.reference for row in rows] == ["A-SHARED", "B-LEFT", "C-NEVER"]
    a, b, c = rows
    assert (a.households, a.vacant_since, a.lots, a.places, a.typology) == (
        ("M-A", "M-B"),
        None,
        2,
        3,
        "t3",
    )
    assert (b.households, b.vacant_since, b.vacancy_reason) == ((), date(2025, 2, 1), "works")
    assert (c.households, c.vacant_since, c.vacancy_reason) == ((), date(2025, 3, 1), None)
    assert svc.occupancy(db, actor=SW, programme_id=scene.iml, on=date(2025, 3, 16))[
        0
    ].households == ("M-B",)
