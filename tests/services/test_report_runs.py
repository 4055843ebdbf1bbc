"""Report runs: stored, drilled down, frozen, compared — on real databases (issue 10 point 5)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Connection, func, insert, select, update

from desktop_app.domain.errors import RefusedError
from desktop_app.domain.figures import BLOCKING, WARNING, Figure, Finding, Report
from desktop_app.domain.periods import Period
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services import report_runs as svc
from desktop_app.services.documents import delete_unreferenced_contents
from desktop_app.services.households import MASK
from desktop_app.services.stays import close_stay
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
NOW = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
TODAY = date(2026, 1, 15)
PERIOD = Period(date(2025, 1, 1), date(2025, 12, 31))
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WORKBOOK = b"PK\x03\x04 bilan IML 2025"
PDF = b"%PDF-1.7 bilan IML 2025"


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


@dataclass
class Scene:
    database: Database
    lyon: int
    nord: int
    followed: int  # M-1, in IML Lyon, followed by `worker`
    protected: int  # M-2, in IML Lyon, a protected file followed by someone else
    elsewhere: int  # M-3, in IML Nord
    stays: dict[int, int]  # household → its stay
    coordinator: Actor
    worker: Actor  # social worker of IML Lyon, key worker of M-1
    secretary: Actor

    def report(self, **changes: Any) -> Report:
        every = (self.followed, self.protected, self.elsewhere)
        values: dict[str, Any] = {
            "kind": "iml",
            "period": PERIOD,
            "made_on": TODAY,
            "organisation": "Association Toit Partagé",
            "siret": None,
            "programme": None,
            "programmes": ("IML Lyon", "IML Nord"),
            "funder": "DDETS du Rhône",
            "method": "prorata_days",
            "permanent": ("social_housing", "private_housing", "slid"),
            "figures": (
                Figure("households", 3, every),
                Figure("households.exits", 1, (self.followed,)),
                Figure("stay.mean_days", Decimal("180.0"), (self.followed,)),
                Figure("occupancy_rate", None),
            ),
            "findings": (
                Finding("exit_without_destination", BLOCKING, self.followed, "M-1", "stay", 1, "…"),
                Finding("birth_date_missing", WARNING, self.protected, "M-2", "person", 2, "…"),
                Finding("birth_date_missing", WARNING, None, "", "household", None, "…"),
            ),
        }
        values.update(changes)
        return Report(**values)

    def record(self, report: Report | None = None, **changes: Any) -> svc.RunInfo:
        values: dict[str, Any] = {
            "actor": self.coordinator,
            "report": report or self.report(),
            "forced": True,
            "files": {"iml.xlsx": (XLSX, WORKBOOK), "iml.pdf": ("application/pdf", PDF)},
            "options": {"formats": ["xlsx", "pdf"]},
        }
        values.update(changes)
        return svc.record_run(self.database, **values)


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    workspace = open_workspace(database_target)
    with workspace.database.begin_write() as c:
        users = {
            login: add(c, m.UserAccount, login=login, display_name=name, created_at=NOW)
            for login, name in (
                ("claire", "Claire Martin"),
                ("sami", "Sami Haddad"),
                ("lea", "Léa Roux"),
                ("paul", "Paul Secrétariat"),
            )
        }
        lyon = add(c, m.Programme, name="IML Lyon", kind="iml_sublease")
        nord = add(c, m.Programme, name="IML Nord", kind="iml_sublease")
        households = {}
        stays = {}
        for reference, worker, protected, programme, last, first in (
            ("M-1", "sami", False, lyon, "Durand", "Alice"),
            ("M-2", "lea", True, lyon, "Caché", "Bruno"),
            ("M-3", "lea", False, nord, "Nordin", "Chloé"),
        ):
            household = add(
                c,
                m.Household,
                reference=reference,
                key_worker_id=users[worker],
                protected=protected,
            )
            person = add(c, m.Person, last_name=last, first_name=first)
            add(
                c,
                m.Membership,
                household_id=household,
                person_id=person,
                role="head",
                joined_on=date(2024, 1, 1),
            )
            households[reference] = household
            stays[household] = add(
                c,
                m.Stay,
                household_id=household,
                programme_id=programme,
                entry_date=date(2024, 3, 1),
                exit_date=date(2025, 6, 30) if reference == "M-1" else None,
                destination="social_housing" if reference == "M-1" else None,
            )
    yield Scene(
        database=workspace.database,
        lyon=lyon,
        nord=nord,
        followed=households["M-1"],
        protected=households["M-2"],
        elsewhere=households["M-3"],
        stays=stays,
        coordinator=Actor(users["claire"], "claire", (Grant("coordinator"),)),
        worker=Actor(users["sami"], "sami", (Grant("social_worker", programme_id=lyon),)),
        secretary=Actor(users["paul"], "paul", (Grant("secretary"),)),
    )
    workspace.close()


def test_households_are_stored_compactly_and_read_back() -> None:
    ids = list(range(10_000, 12_000, 2))
    blob = svc.encode_households([("households", reversed(ids)), ("empty", [])])
    assert svc.decode_households(blob) == {"households": tuple(ids)}
    assert len(blob) < len(json.dumps(ids)) // 20


def test_a_run_is_recorded_and_read_back(scene: Scene) -> None:
    # GIVEN a forced run of the IML return with two files
    info = scene.record(now=NOW)
    assert (info.kind, info.period, info.programme, info.forced) == ("iml", PERIOD, None, True)
    assert info.created_at == NOW
    assert info.frozen_at is None
    # THEN the list and the detail give back what was stored
    [row] = svc.list_runs(scene.database, actor=scene.coordinator)
    assert row.id == info.id
    assert (row.author, row.blocking, row.warnings, row.frozen_by) == ("Claire Martin", 1, 2, None)
    detail = svc.run_detail(scene.database, actor=scene.coordinator, run_id=info.id)
    assert detail.row == row
    assert [(f.code, f.value, f.households) for f in detail.figures] == [
        ("households", 3, 3),
        ("households.exits", 1, 1),
        ("stay.mean_days", Decimal("180.0"), 1),
        ("occupancy_rate", None, 0),
    ]
    assert isinstance(detail.figures[0].value, int)
    assert detail.figures[2].unit == "days"
    assert detail.options["funder"] == "DDETS du Rhône"
    assert detail.options["method"] == "prorata_days"
    assert detail.options["permanent"] == ["social_housing", "private_housing", "slid"]
    assert detail.options["programme"] is None
    assert detail.options["formats"] == ["xlsx", "pdf"]
    assert detail.findings[0] == svc.RunFinding(
        "exit_without_destination", BLOCKING, scene.followed, "stay", 1
    )
    assert [(f.name, f.media_type, f.size) for f in detail.files] == [
        ("iml.pdf", "application/pdf", len(PDF)),
        ("iml.xlsx", XLSX, len(WORKBOOK)),
    ]
    assert detail.files[1].sha256 == hashlib.sha256(WORKBOOK).hexdigest()
    assert svc.run_file(scene.database, actor=scene.coordinator, run_id=info.id, name="iml.xlsx")
    # AND one security-log event, the chain intact
    events = scene.database.run_read(
        lambda s: [
            (e.action, e.entity, e.entity_id, e.user_id, e.count)
            for e in s.scalars(select(m.AuditEvent).where(m.AuditEvent.entity == "report_run"))
        ]
    )
    assert events == [("report_run", "report_run", info.id, scene.coordinator.user_id, 2)]
    assert scene.database.run_read(audit.verify).ok


def test_a_run_stores_no_detail_text_and_shares_identical_contents(scene: Scene) -> None:
    first = scene.record()
    second = scene.database.run_write(
        lambda s: svc.record_run_in(
            s,
            SYSTEM_ACTOR,
            replace(scene.report(), kind="all"),
            forced=False,
            files={"grille.xlsx": (XLSX, WORKBOOK)},
        )
    )
    stored = scene.database.run_read(
        lambda s: {
            run.id: (run.kind, run.created_by, json.loads(run.findings)[0])
            for run in s.scalars(select(m.ReportRun))
        }
    )
    assert stored[first.id][0] == "iml"
    assert stored[second] == (
        "grid",
        None,
        {
            "check": "exit_without_destination",
            "level": "B",
            "household_id": scene.followed,
            "record": "stay",
            "record_id": 1,
        },
    )
    contents = scene.database.run_read(
        lambda s: s.scalar(select(func.count()).select_from(m.DocumentContent))
    )
    assert contents == 2  # the workbook is stored once for both runs
    # the documents' housekeeping keeps what a run points at
    removed = scene.database.run_write(delete_unreferenced_contents)
    assert removed == 0
    [row_all, _] = svc.list_runs(scene.database, actor=scene.coordinator)
    assert row_all.author == "Système"
    assert [r.id for r in svc.list_runs(scene.database, actor=scene.coordinator, kind="all")] == [
        second
    ]


def test_drill_down_shows_only_what_the_actor_may_see(scene: Scene) -> None:
    run = scene.record()
    everyone = svc.figure_households(
        scene.database, actor=scene.coordinator, run_id=run.id, code="households"
    )
    assert [(h.reference, h.head, h.programme, h.masked) for h in everyone] == [
        ("M-1", "Durand Alice", "IML Lyon", False),
        ("M-2", MASK, "IML Lyon", True),  # protected: outside its circle
        ("M-3", "Nordin Chloé", "IML Nord", False),
    ]
    # A social worker of IML Lyon: their own household, the protected one masked, the
    # household of another programme kept as a masked line (the count still matches).
    seen = svc.figure_households(
        scene.database, actor=scene.worker, run_id=run.id, code="households"
    )
    assert [(h.household_id, h.reference, h.head, h.programme, h.masked) for h in seen] == [
        (scene.followed, "M-1", "Durand Alice", "IML Lyon", False),
        (scene.protected, "M-2", MASK, "IML Lyon", True),
        (None, "Ménage hors de votre périmètre", "", None, True),
    ]
    exits = svc.figure_households(
        scene.database, actor=scene.worker, run_id=run.id, code="households.exits"
    )
    assert [h.household_id for h in exits] == [scene.followed]
    assert (
        svc.figure_households(
            scene.database, actor=scene.worker, run_id=run.id, code="occupancy_rate"
        )
        == []
    )
    with pytest.raises(RefusedError) as refused:
        svc.figure_households(scene.database, actor=scene.worker, run_id=run.id, code="nope")
    assert refused.value.code == "report_run.unknown_code"


def test_runs_of_other_programmes_stay_out_of_reach(scene: Scene) -> None:
    nord = scene.record(report=scene.report(programme="IML Nord", programmes=("IML Nord",)))
    lyon = scene.record(report=scene.report(programme="IML Lyon", programmes=("IML Lyon",)))
    assert lyon.programme == "IML Lyon"
    assert [r.id for r in svc.list_runs(scene.database, actor=scene.worker)] == [lyon.id]
    with pytest.raises(RefusedError) as refused:
        svc.run_detail(scene.database, actor=scene.worker, run_id=nord.id)
    assert refused.value.code == "auth.denied"
    with pytest.raises(RefusedError) as refused:
        svc.record_run(
            scene.database,
            actor=scene.coordinator,
            report=scene.report(programme="Inconnu"),
            forced=False,
        )
    assert refused.value.code == "report.unknown_programme"
    with pytest.raises(RefusedError) as refused:
        svc.run_detail(scene.database, actor=scene.coordinator, run_id=9999)
    assert refused.value.code == "report_run.unknown"


def test_freeze_once_by_whoever_may(scene: Scene) -> None:
    run = scene.record()
    for actor in (scene.secretary, scene.worker):
        with pytest.raises(RefusedError) as refused:
            svc.freeze_run(scene.database, actor=actor, run_id=run.id)
        assert refused.value.code == "auth.denied"
    frozen = svc.freeze_run(scene.database, actor=scene.coordinator, run_id=run.id, now=NOW)
    assert frozen.frozen_at == NOW
    with pytest.raises(RefusedError) as refused:
        svc.freeze_run(scene.database, actor=scene.coordinator, run_id=run.id)
    assert refused.value.code == "report_run.already_frozen"
    assert "10/01/2026" in refused.value.text
    assert "Claire Martin" in refused.value.text
    [row] = svc.list_runs(scene.database, actor=scene.coordinator)
    assert (row.frozen_at, row.frozen_by) == (NOW, "Claire Martin")
    history = scene.database.run_read(
        lambda s: [
            (h.entity, h.entity_id, h.field, h.old_value, h.new_value, h.household_id)
            for h in s.scalars(
                select(m.ChangeHistory).where(m.ChangeHistory.entity == "report_run")
            )
        ]
    )
    assert history == [("report_run", run.id, "frozen", "false", "true", None)]
    # Its files stay, byte for byte.
    assert (
        svc.run_file(scene.database, actor=scene.coordinator, run_id=run.id, name="iml.pdf") == PDF
    )
    assert scene.database.run_read(audit.verify).ok


def test_a_damaged_file_is_detected(scene: Scene) -> None:
    run = scene.record()
    digest = hashlib.sha256(WORKBOOK).hexdigest()
    with scene.database.begin_write() as c:
        c.execute(
            update(m.DocumentContent)
            .where(m.DocumentContent.sha256 == digest)
            .values(content=b"PK\x03\x04 altered")
        )
    with pytest.raises(RefusedError) as refused:
        svc.run_file(scene.database, actor=scene.coordinator, run_id=run.id, name="iml.xlsx")
    assert refused.value.code == "report_run.file_corrupted"
    assert "iml.xlsx" in refused.value.text
    assert (
        svc.run_file(scene.database, actor=scene.coordinator, run_id=run.id, name="iml.pdf") == PDF
    )
    with pytest.raises(RefusedError) as refused:
        svc.run_file(scene.database, actor=scene.coordinator, run_id=run.id, name="autre.csv")
    assert refused.value.code == "report_run.file_unknown"


def test_a_new_run_shows_what_changed_since_the_frozen_one(scene: Scene) -> None:
    # GIVEN a frozen run, and none to compare the first one with
    first = scene.record()
    assert svc.compare_with_frozen(scene.database, actor=scene.coordinator, run_id=first.id) is None
    svc.freeze_run(scene.database, actor=scene.coordinator, run_id=first.id)
    # WHEN M-1's exit date is corrected and M-2 leaves, both after the freeze
    for household, exit in (
        (scene.followed, date(2025, 7, 31)),
        (scene.protected, date(2025, 9, 30)),
    ):
        close_stay(
            scene.database,
            actor=SYSTEM_ACTOR,
            stay_id=scene.stays[household],
            exit=exit,
            destination="social_housing",
            exit_reason=None,
            today=TODAY,
        )
    # AND the return is produced again with the new values
    every = (scene.followed, scene.protected, scene.elsewhere)
    second = scene.record(
        report=scene.report(
            figures=(
                Figure("households", 3, every),
                Figure("households.exits", 2, (scene.followed, scene.protected)),
                Figure("stay.mean_days", Decimal("311.5"), (scene.followed, scene.protected)),
                Figure("occupancy_rate", None),
            )
        )
    )
    # THEN the comparison names each changed figure, both values and the households behind
    comparison = svc.compare_with_frozen(scene.database, actor=scene.coordinator, run_id=second.id)
    assert comparison is not None
    assert (comparison.run.id, comparison.frozen.id) == (second.id, first.id)
    assert [(c.code, c.old, c.new, c.added, c.removed) for c in comparison.changes] == [
        ("households.exits", 1, 2, 1, 0),
        ("stay.mean_days", Decimal("180.0"), Decimal("311.5"), 1, 0),
    ]
    exits = comparison.changes[0]
    assert [(h.reference, h.change) for h in exits.households] == [
        ("M-2", "added"),
        ("M-1", "kept"),
    ]
    added, kept = exits.households
    assert ("stay", "exit_date", None, "2025-09-30") in [
        (line.entity, line.field, line.old_value, line.new_value) for line in added.history
    ]
    assert ("stay", "exit_date", "2025-06-30", "2025-07-31") in [
        (line.entity, line.field, line.old_value, line.new_value) for line in kept.history
    ]
    assert all(line.at >= comparison.frozen.created_at for line in kept.history)
    # A social worker of IML Lyon sees the same households (both are in their programme),
    # and the comparison of the frozen run itself finds no other frozen run.
    theirs = svc.compare_with_frozen(scene.database, actor=scene.worker, run_id=second.id)
    assert theirs is not None
    assert [h.reference for h in theirs.changes[0].households] == ["M-2", "M-1"]
    assert svc.compare_with_frozen(scene.database, actor=scene.coordinator, run_id=first.id) is None


def test_comparison_masks_households_out_of_reach(scene: Scene) -> None:
    first = scene.record()
    svc.freeze_run(scene.database, actor=scene.coordinator, run_id=first.id)
    close_stay(
        scene.database,
        actor=SYSTEM_ACTOR,
        stay_id=scene.stays[scene.elsewhere],
        exit=date(2025, 10, 31),
        destination="shelter",
        exit_reason=None,
        today=TODAY,
    )
    second = scene.record(
        report=scene.report(
            figures=(
                Figure("households", 3, (scene.followed, scene.protected, scene.elsewhere)),
                Figure("households.exits", 2, (scene.followed, scene.elsewhere)),
                Figure("stay.mean_days", Decimal("180.0"), (scene.followed,)),
                Figure("occupancy_rate", None),
            )
        )
    )
    comparison = svc.compare_with_frozen(scene.database, actor=scene.worker, run_id=second.id)
    assert comparison is not None
    [change] = comparison.changes
    [household] = change.households
    assert (household.household_id, household.reference, household.change) == (
        None,
        "Ménage hors de votre périmètre",
        "added",
    )
    # A run of another period, or of one programme, is never compared with this one.
    other = scene.record(report=scene.report(period=Period(date(2025, 1, 1), date(2025, 3, 31))))
    assert svc.compare_with_frozen(scene.database, actor=scene.coordinator, run_id=other.id) is None
