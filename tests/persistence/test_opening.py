"""Opening a database: creation, refusal of damaged or foreign files, migration safety."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop_app.domain.errors import RefusedError
from desktop_app.paths import DatabaseTarget, resolve_database
from desktop_app.persistence import opening, schema
from desktop_app.persistence.location import Location, LocationKind
from desktop_app.persistence.opening import OpenedDatabase, open_database

pytestmark = pytest.mark.db


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def create(path: Path) -> Path:
    opened = open_database(resolve_database(str(path)))
    opened.database.run_write(
        lambda s: s.execute(
            text("insert into funder (name, kind, version) values ('CAF', 'caf', 1)")
        )
    )
    opened.database.dispose()
    return path


def test_new_database_created_at_head_with_parameters(tmp_path: Path) -> None:
    opened = open_database(resolve_database(str(tmp_path / "sub" / "seuil.db")))
    try:
        assert opened.created
        assert opened.warnings == ()
        db = opened.database
        revision = db.run_read(
            lambda s: s.execute(text("select version_num from alembic_version")).scalar_one()
        )
        assert revision == schema.HEAD
        assert (
            db.run_read(lambda s: s.execute(text("select count(*) from parameter")).scalar_one())
            >= 25
        )
        with db.read() as session:
            assert session.execute(text("PRAGMA user_version")).scalar_one() > 0
    finally:
        opened.database.dispose()


def test_reopening_changes_nothing_and_makes_no_backup(tmp_path: Path) -> None:
    path = create(tmp_path / "seuil.db")
    opened = open_database(resolve_database(str(path)))
    opened.database.dispose()
    assert not opened.created
    assert opened.backup is None
    assert opened.upgraded_from is None
    assert not (tmp_path / "backups").exists()


def test_missing_database_not_created_when_asked(tmp_path: Path) -> None:
    with pytest.raises(RefusedError, match="n'existe pas"):
        open_database(resolve_database(str(tmp_path / "absent.db")), create=False)
    assert not (tmp_path / "absent.db").exists()


# ------------------------------------------------------------------ damaged and foreign files


def _truncated(tmp_path: Path) -> Path:
    path = create(tmp_path / "seuil.db")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _random_bytes(tmp_path: Path) -> Path:
    path = tmp_path / "seuil.db"
    path.write_bytes(hashlib.sha512(b"seed").digest() * 200)
    return path


def _xlsx_renamed(tmp_path: Path) -> Path:
    workbook = openpyxl.Workbook()
    workbook.worksheets[0]["A1"] = "Ménages"
    path = tmp_path / "seuil.db"
    workbook.save(path)
    return path


def _zero_length(tmp_path: Path) -> Path:
    path = tmp_path / "seuil.db"
    path.touch()
    return path


def _directory(tmp_path: Path) -> Path:
    path = tmp_path / "seuil.db"
    path.mkdir()
    return path


def _read_only(tmp_path: Path) -> Path:
    path = create(tmp_path / "seuil.db")
    path.chmod(0o444)
    return path


def _foreign_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "seuil.db"
    connection = sqlite3.connect(path)
    connection.execute("create table contacts (name text)")
    connection.commit()
    connection.close()
    return path


def _header_only(tmp_path: Path) -> Path:
    path = tmp_path / "seuil.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)
    return path


DAMAGED: dict[str, tuple[Callable[[Path], Path], str]] = {
    "truncated": (_truncated, "est incomplet (tronqué"),
    "random bytes": (_random_bytes, "son contenu n'est pas celui d'une base SQLite"),
    "xlsx renamed": (_xlsx_renamed, "c'est un classeur Excel ou une archive ZIP"),
    "zero length": (_zero_length, "est vide (0 octet)"),
    "directory": (_directory, "est un dossier, pas un fichier"),
    "read-only": (_read_only, "est en lecture seule"),
    "foreign sqlite": (_foreign_sqlite, "base SQLite d'un autre logiciel"),
    "header only": (_header_only, "est incomplet (tronqué"),
}


@pytest.mark.parametrize("case", list(DAMAGED))
def test_damaged_or_foreign_file_refused_untouched(tmp_path: Path, case: str) -> None:
    make, expected = DAMAGED[case]
    path = make(tmp_path)
    before = None if path.is_dir() else digest(path)
    names_before = sidecars(path)
    with pytest.raises(RefusedError) as refused:
        open_database(resolve_database(str(path)))
    assert expected in refused.value.text
    assert refused.value.exit_code == 3
    if before is not None:
        assert digest(path) == before
    assert sidecars(path) - names_before <= {"seuil.db-shm"}, "no file written beside it"


def _wal_of_another_database(tmp_path: Path) -> tuple[Path, Path]:
    good = create(tmp_path / "a" / "seuil.db")
    other = tmp_path / "b" / "seuil.db"
    opened = open_database(resolve_database(str(other)))
    keeper = sqlite3.connect(other)  # keeps the -wal alive after the engine closes
    keeper.execute("select 1").fetchall()

    def add_funder(number: int) -> Callable[[Session], object]:
        return lambda s: s.execute(
            text("insert into funder (name, kind, version) values (:n, 'other', 1)"),
            {"n": f"F{number}"},
        )

    for i in range(5):
        opened.database.run_write(add_funder(i))
    wal = other.with_name("seuil.db-wal")
    assert wal.stat().st_size > 0
    shutil.copy(wal, good.with_name("seuil.db-wal"))
    opened.database.dispose()
    keeper.close()
    return good, good.with_name("seuil.db-wal")


def test_wal_of_another_database_refused(tmp_path: Path) -> None:
    good, wal = _wal_of_another_database(tmp_path)
    before, wal_before = digest(good), digest(wal)
    with pytest.raises(RefusedError) as refused:
        open_database(resolve_database(str(good)))
    assert "n'appartient pas à cette base" in refused.value.text
    assert digest(good) == before
    assert digest(wal) == wal_before


def test_own_wal_after_a_crash_is_replayed(tmp_path: Path) -> None:
    source = create(tmp_path / "a" / "seuil.db")
    opened = open_database(resolve_database(str(source)))
    keeper = sqlite3.connect(source)
    keeper.execute("select 1").fetchall()
    opened.database.run_write(
        lambda s: s.execute(
            text("insert into funder (name, kind, version) values ('FSL', 'department_fsl', 1)")
        )
    )
    crashed = tmp_path / "crash"
    crashed.mkdir()
    shutil.copy(source, crashed / "seuil.db")  # as if the machine stopped: db + its journal
    shutil.copy(source.with_name("seuil.db-wal"), crashed / "seuil.db-wal")
    opened.database.dispose()
    keeper.close()
    reopened = open_database(resolve_database(str(crashed / "seuil.db")))
    try:
        names = reopened.database.run_read(
            lambda s: set(s.execute(text("select name from funder")).scalars())
        )
        assert names == {"CAF", "FSL"}
    finally:
        reopened.database.dispose()


def test_database_from_a_newer_seuil_refused_without_a_write(tmp_path: Path) -> None:
    path = create(tmp_path / "seuil.db")
    connection = sqlite3.connect(path)
    connection.execute("update alembic_version set version_num = '9999_future'")
    connection.commit()
    connection.close()
    before = digest(path)
    with pytest.raises(RefusedError) as refused:
        open_database(resolve_database(str(path)))
    assert "version plus récente de Seuil" in refused.value.text
    assert digest(path) == before
    assert not (tmp_path / "backups").exists()


# ------------------------------------------------------------------ migrations


def test_pending_migration_backs_up_checks_and_upgrades(tmp_path: Path, monkeypatch) -> None:
    """The flow with a pretend older revision: backup API copy, integrity check, in-process."""
    path = create(tmp_path / "seuil.db")
    connection = sqlite3.connect(path)
    connection.execute("update alembic_version set version_num = '0000_older'")
    connection.commit()
    connection.close()
    monkeypatch.setattr(schema, "REVISIONS", ("0000_older", schema.HEAD))
    migrated: list[str] = []

    def fake_migrate(conn, *, seed: bool) -> None:
        assert not seed
        migrated.append(conn.execute(text("select version_num from alembic_version")).scalar_one())
        conn.execute(text("update alembic_version set version_num = :h"), {"h": schema.HEAD})

    monkeypatch.setattr(opening, "_migrate", fake_migrate)
    opened = open_database(
        resolve_database(str(path)), now=datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
    )
    opened.database.dispose()
    assert migrated == ["0000_older"]
    assert opened.upgraded_from == "0000_older"
    assert (
        opened.backup
        == tmp_path / "backups" / "seuil-avant-mise-a-jour-0000_older-20261127-093000.db"
    )
    copy = sqlite3.connect(opened.backup)
    assert copy.execute("select version_num from alembic_version").fetchone() == ("0000_older",)
    assert copy.execute("select name from funder").fetchall() == [("CAF",)]
    copy.close()


def test_failed_backup_check_stops_the_migration(tmp_path: Path, monkeypatch) -> None:
    path = create(tmp_path / "seuil.db")
    connection = sqlite3.connect(path)
    connection.execute("update alembic_version set version_num = '0000_older'")
    connection.commit()
    connection.close()
    before = digest(path)
    monkeypatch.setattr(schema, "REVISIONS", ("0000_older", schema.HEAD))

    class BadCopy(sqlite3.Connection):
        def execute(self, sql, *args):
            if "integrity_check" in sql:
                return super().execute("select 'row 3 missing from index'")
            return super().execute(sql, *args)

    real_connect = sqlite3.connect
    monkeypatch.setattr(
        sqlite3,
        "connect",
        lambda target, *a, **k: (
            real_connect(target, *a, **k) if k.get("uri") else real_connect(target, factory=BadCopy)
        ),
    )
    with pytest.raises(RefusedError, match="copie de sécurité"):
        open_database(resolve_database(str(path)))
    assert digest(path) == before
    assert list((tmp_path / "backups").iterdir()) == []


# ------------------------------------------------------------------ where the file lives


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (LocationKind.NETWORK, "partage réseau"),
        (LocationKind.CLOUD_SYNCED, "synchronisé par OneDrive"),
    ],
)
def test_network_and_cloud_refused_for_writing(tmp_path: Path, monkeypatch, kind, expected) -> None:
    monkeypatch.setattr(opening, "classify_path", lambda _p: Location(kind, "OneDrive"))
    with pytest.raises(RefusedError, match=expected):
        open_database(resolve_database(str(tmp_path / "seuil.db")))
    assert not (tmp_path / "seuil.db").exists()


def test_removable_drive_warned(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(
        opening, "classify_path", lambda _p: Location(LocationKind.REMOVABLE, "vfat")
    )
    opened: OpenedDatabase = open_database(resolve_database(str(tmp_path / "seuil.db")))
    opened.database.dispose()
    assert len(opened.warnings) == 1
    assert "support amovible" in opened.warnings[0]


# ------------------------------------------------------------------ both engines


def test_opening_any_target(database_target: DatabaseTarget) -> None:
    opened = open_database(database_target)
    try:
        assert opened.created
        count = opened.database.run_read(
            lambda s: s.execute(text("select count(*) from parameter")).scalar_one()
        )
        assert count >= 25
    finally:
        opened.database.dispose()
    again = open_database(database_target)
    again.database.dispose()
    assert not again.created


def test_folder_marked_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(RefusedError, match="n'autorise pas l'écriture"):
            open_database(resolve_database(str(folder / "seuil.db")))
    finally:
        os.chmod(folder, 0o755)
