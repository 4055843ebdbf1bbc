"""Documents of a household's file, stored once per content, on real databases (DOMAIN §2)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import Connection, delete, func, insert, select, update

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services import documents as svc
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
PDF = b"%PDF-1.4\n% attestation\n%%EOF\n"


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


@dataclass
class Scene:
    database: Database
    household: int
    other_household: int
    contract: int
    other_contract: int
    dwelling: int
    worker: Actor  # key worker of `household`
    outsider: Actor  # a social worker who does not follow it
    intern: Actor

    def add(self, **changes: Any) -> svc.DocumentInfo:
        values: dict[str, Any] = {
            "household_id": self.household,
            "content": PDF,
            "file_name": "attestation.pdf",
            "kind": "insurance",
            "title": "Attestation MAIF",
            "dated_on": date(2026, 1, 5),
            "expires_on": date(2026, 12, 31),
            "now": NOW,
        }
        values.update(changes)
        actor = values.pop("actor", self.worker)
        return svc.add_document(self.database, actor=actor, **values)

    def count(self, model: type[m.Base]) -> int:
        return self.database.run_read(
            lambda s: s.scalar(select(func.count()).select_from(model)) or 0
        )


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    workspace = open_workspace(database_target)
    with workspace.database.begin_write() as c:
        users = {
            login: add(c, m.UserAccount, login=login, display_name=name, created_at=NOW)
            for login, name in (("sami", "Sami Haddad"), ("lea", "Léa Roux"), ("tom", "Tom"))
        }
        programme = add(c, m.Programme, name="IML Lyon", kind="iml_sublease")
        dwelling = add(
            c,
            m.Dwelling,
            reference="LOG-1",
            address="1 rue",
            commune="Lyon",
            programme_id=programme,
        )
        other_dwelling = add(
            c,
            m.Dwelling,
            reference="LOG-2",
            address="2 rue",
            commune="Lyon",
            programme_id=programme,
        )
        household = add(c, m.Household, reference="M-1", key_worker_id=users["sami"])
        other = add(c, m.Household, reference="M-2", key_worker_id=users["lea"])
        contracts = [
            add(
                c,
                m.OccupancyContract,
                household_id=hid,
                dwelling_id=did,
                kind="sublease",
                start_date=date(2025, 1, 1),
                state="active",
            )
            for hid, did in ((household, dwelling), (other, other_dwelling))
        ]
    yield Scene(
        database=workspace.database,
        household=household,
        other_household=other,
        contract=contracts[0],
        other_contract=contracts[1],
        dwelling=dwelling,
        worker=Actor(user_id=users["sami"], login="sami", grants=(Grant("social_worker"),)),
        outsider=Actor(user_id=users["lea"], login="lea", grants=(Grant("social_worker"),)),
        intern=Actor(user_id=users["tom"], login="tom", grants=(Grant("intern"),)),
    )
    workspace.close()


def codes(error: pytest.ExceptionInfo[InvalidInput]) -> set[tuple[str, str]]:
    return {(issue.field, issue.code) for issue in error.value.issues}


def test_add_list_and_read_back(scene: Scene) -> None:
    # GIVEN an inventory linked to the household's contract, then an insurance certificate
    inventory = scene.add(
        content=b"inventory bytes",
        file_name=r"C:\Users\sami\Scans\EDL entree.pdf",
        kind="inventory_in",
        title="  État des lieux   d'entrée ",
        dated_on=date(2025, 1, 2),
        expires_on=None,
        contract_id=scene.contract,
    )
    insurance = scene.add()
    # THEN the list shows their metadata, newest first, with who added them
    listed = svc.list_documents(scene.database, actor=scene.worker, household_id=scene.household)
    assert [d.document_id for d in listed] == [insurance.document_id, inventory.document_id]
    assert listed[1] == inventory
    assert inventory.file_name == "EDL entree.pdf"
    assert inventory.title == "État des lieux d'entrée"
    assert inventory.media_type == "application/pdf"
    assert inventory.dwelling_id == scene.dwelling
    assert inventory.size == len(b"inventory bytes")
    assert inventory.sha256 == hashlib.sha256(b"inventory bytes").hexdigest()
    assert listed[0].added_by == "Sami Haddad"
    assert listed[0].added_at == NOW
    assert listed[0].expires_on == date(2026, 12, 31)
    # AND the bytes come back whole, the opening written in the security log
    opened = svc.read_document_content(
        scene.database, actor=scene.worker, document_id=insurance.document_id
    )
    assert opened.content == PDF
    assert opened.file_name == "attestation.pdf"
    events = scene.database.run_read(
        lambda s: [
            (e.action, e.entity, e.entity_id, e.fields)
            for e in s.scalars(select(m.AuditEvent).order_by(m.AuditEvent.id))
        ]
    )
    assert ("export", "document", insurance.document_id, "content") in events
    assert [e[0] for e in events if e[1] == "document"] == ["create", "create", "export"]
    assert scene.database.run_read(audit.verify).ok
    history = scene.database.run_read(
        lambda s: {
            (h.entity_id, h.field, h.old_value, h.new_value)
            for h in s.scalars(select(m.ChangeHistory).where(m.ChangeHistory.entity == "document"))
        }
    )
    assert (insurance.document_id, "expires_on", None, "2026-12-31") in history
    assert (inventory.document_id, "kind", None, "inventory_in") in history


def test_identical_content_is_stored_once(scene: Scene) -> None:
    first = scene.add()
    second = scene.add(title="Copie", kind="other", expires_on=None)
    elsewhere = scene.add(actor=scene.outsider, household_id=scene.other_household)
    assert first.sha256 == second.sha256 == elsewhere.sha256
    assert scene.count(m.Document) == 3
    assert scene.count(m.DocumentContent) == 1
    scene.add(content=PDF + b"\n")
    assert scene.count(m.DocumentContent) == 2


def test_size_limits(scene: Scene) -> None:
    with pytest.raises(InvalidInput) as empty:
        scene.add(content=b"")
    assert codes(empty) == {("content", "document.empty")}
    with pytest.raises(InvalidInput) as huge:
        scene.add(content=b"x" * (svc.MAX_SIZE + 1))
    assert codes(huge) == {("content", "document.too_large")}
    assert "20,0 Mo" in huge.value.text
    assert scene.count(m.Document) == 0
    assert scene.count(m.DocumentContent) == 0
    largest = scene.add(content=b"x" * svc.MAX_SIZE)
    assert largest.size == svc.MAX_SIZE
    opened = svc.read_document_content(
        scene.database, actor=scene.worker, document_id=largest.document_id
    )
    assert len(opened.content) == svc.MAX_SIZE


def test_input_refusals_name_their_fields(scene: Scene) -> None:
    with pytest.raises(InvalidInput) as error:
        scene.add(kind="insurance", expires_on=None, title=" ", file_name="")
    assert codes(error) == {
        ("expires_on", "document.expiry_required"),
        ("title", "document.title_required"),
        ("file_name", "document.file_name_required"),
    }
    with pytest.raises(InvalidInput) as error:
        scene.add(kind="passport", expires_on=date(2025, 1, 1), title="x" * 201)
    assert codes(error) == {
        ("kind", "document.kind_unknown"),
        ("title", "document.title_too_long"),
        ("expires_on", "document.expiry_before_date"),
    }
    assert "(01/01/2025) précède la date du document (05/01/2026)" in error.value.text
    with pytest.raises(InvalidInput) as error:
        scene.add(contract_id=scene.other_contract)
    assert codes(error) == {("contract_id", "document.contract_foreign")}
    with pytest.raises(InvalidInput) as error:
        scene.add(dwelling_id=scene.dwelling + 1)
    assert codes(error) == {("dwelling_id", "document.dwelling_foreign")}
    assert scene.count(m.Document) == 0
    assert scene.count(m.DocumentContent) == 0


def test_access_outside_the_caseload(scene: Scene) -> None:
    document = scene.add()
    # A social worker who does not follow the household may not add nor remove…
    with pytest.raises(RefusedError, match="Vos droits ne permettent pas"):
        scene.add(actor=scene.outsider)
    with pytest.raises(RefusedError, match="Vos droits ne permettent pas"):
        svc.remove_document(scene.database, actor=scene.outsider, document_id=document.document_id)
    # … an intern may not edit any household…
    with pytest.raises(RefusedError, match="Vos droits ne permettent pas"):
        scene.add(actor=scene.intern)
    # … and a protected file opens its documents only to its circle.
    with scene.database.begin_write() as c:
        c.execute(
            update(m.Household).where(m.Household.id == scene.household).values(protected=True)
        )
    listed = svc.list_documents(scene.database, actor=scene.outsider, household_id=scene.household)
    assert [d.document_id for d in listed] == [document.document_id]
    with pytest.raises(RefusedError, match="Dossier protégé"):
        svc.read_document_content(
            scene.database, actor=scene.outsider, document_id=document.document_id
        )
    opened = svc.read_document_content(
        scene.database, actor=scene.worker, document_id=document.document_id
    )
    assert opened.content == PDF
    assert scene.count(m.Document) == 1


def test_removal_keeps_shared_content(scene: Scene) -> None:
    first = scene.add()
    second = scene.add(title="Copie", kind="letter", expires_on=None)
    changes = svc.remove_document(scene.database, actor=scene.worker, document_id=first.document_id)
    assert changes.touches("document")
    assert first.document_id in changes.ids
    assert scene.count(m.DocumentContent) == 1
    kept = svc.read_document_content(
        scene.database, actor=scene.worker, document_id=second.document_id
    )
    assert kept.content == PDF
    with pytest.raises(RefusedError, match="Ce document n'existe pas"):
        svc.read_document_content(scene.database, actor=scene.worker, document_id=first.document_id)
    svc.remove_document(scene.database, actor=scene.worker, document_id=second.document_id)
    assert scene.count(m.Document) == 0
    assert scene.count(m.DocumentContent) == 0
    history = scene.database.run_read(
        lambda s: [
            (h.field, h.old_value, h.new_value)
            for h in s.scalars(
                select(m.ChangeHistory).where(m.ChangeHistory.entity_id == first.document_id)
            )
        ]
    )
    assert ("kind", "insurance", None) in history
    assert scene.database.run_read(audit.verify).ok


def test_deleting_a_household_leaves_contents_for_retention(scene: Scene) -> None:
    scene.add(actor=scene.outsider, household_id=scene.other_household)
    scene.add(content=b"only here")
    with scene.database.begin_write() as c:
        c.execute(
            delete(m.OccupancyContract).where(m.OccupancyContract.household_id == scene.household)
        )
        c.execute(delete(m.Household).where(m.Household.id == scene.household))
    assert scene.count(m.Document) == 1
    assert scene.count(m.DocumentContent) == 2
    removed = scene.database.run_write(svc.delete_unreferenced_contents)
    assert removed == 1
    assert scene.count(m.DocumentContent) == 1


def test_latest_insurance_per_household(scene: Scene) -> None:
    scene.add(title="2025", dated_on=date(2025, 1, 3), expires_on=date(2025, 12, 31))
    newest = scene.add(title="2026", content=b"2026", expires_on=date(2026, 12, 31))
    scene.add(title="Courrier", kind="letter", dated_on=date(2026, 6, 1), expires_on=None)
    other = scene.add(
        actor=scene.outsider,
        household_id=scene.other_household,
        dated_on=date(2026, 2, 1),
        expires_on=date(2027, 1, 31),
    )
    found = svc.latest_insurance(scene.database, actor=SYSTEM_ACTOR)
    assert found == [
        svc.InsuranceInfo(
            scene.household, newest.document_id, "2026", date(2026, 1, 5), date(2026, 12, 31)
        ),
        svc.InsuranceInfo(
            scene.other_household,
            other.document_id,
            "Attestation MAIF",
            date(2026, 2, 1),
            date(2027, 1, 31),
        ),
    ]
    only = svc.latest_insurance(
        scene.database, actor=scene.worker, household_ids=[scene.other_household]
    )
    assert [i.document_id for i in only] == [other.document_id]
    # A host sees the residents of their house only: none here.
    host = Actor(user_id=None, login="host", grants=(Grant("host"),))
    assert svc.latest_insurance(scene.database, actor=host) == []


def test_format_size() -> None:
    assert svc.format_size(850) == "850 o"
    assert svc.format_size(1024) == "1 Ko"
    assert svc.format_size(12_500) == "13 Ko"
    assert svc.format_size(1_468_006) == "1,4 Mo"
