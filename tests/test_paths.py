from __future__ import annotations

from pathlib import Path

from desktop_app.paths import data_dir, migrations_dir, resolve_database, resources_dir


def test_default_database_is_in_the_data_folder(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SEUIL_DATA_DIR", str(tmp_path))
    target = resolve_database(None)
    assert target.path == tmp_path / "seuil.db"
    assert target.url == f"sqlite:///{tmp_path / 'seuil.db'}"
    assert data_dir() == tmp_path


def test_seuil_db_then_explicit_value(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SEUIL_DB", str(tmp_path / "env.db"))
    assert resolve_database(None).path == tmp_path / "env.db"
    assert resolve_database(str(tmp_path / "cli.db")).path == tmp_path / "cli.db"


def test_server_password_never_displayed() -> None:
    target = resolve_database("postgresql://seuil:s3cret@db.local:5432/asso")
    assert target.path is None
    assert "s3cret" not in target.display
    assert target.display == "postgresql://seuil:***@db.local:5432/asso"
    assert target.url.endswith("s3cret@db.local:5432/asso")


def test_sqlite_url_accepted() -> None:
    target = resolve_database("sqlite:////tmp/x.db")
    assert target.path == Path("/tmp/x.db")


def test_shipped_folders_found() -> None:
    assert (resources_dir() / "i18n" / "seuil_fr.ts").is_file()
    assert migrations_dir().is_dir()
