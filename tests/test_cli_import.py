"""The ``import-template`` and ``import`` commands: French report, exit codes, all or nothing."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app import cli
from tests.services.import_builders import reference_sheets, row_of, small_association, workbook
from tests.test_cli import run_cli

TODAY = ("--today", "27/11/2026")


def households(db: Path) -> list[str]:
    connection = sqlite3.connect(db)
    try:
        rows = connection.execute("select reference from household order by reference")
        return [row[0] for row in rows]
    finally:
        connection.close()


def test_template_is_written_and_imports_as_nothing(tmp_path: Path) -> None:
    template = tmp_path / "modele.xlsx"
    code, out, err = run_cli("import-template", str(template))
    assert code == cli.EXIT_OK, err
    assert out.strip() == f"Modèle de classeur écrit : {template}"
    assert "Base de données" not in err  # the template needs no database
    names = load_workbook(template, read_only=True).sheetnames
    assert names[0] == "Notice"
    assert {"Dispositifs", "Ménages", "Personnes", "Logements", "Mouvements"} <= set(names)
    db = tmp_path / "asso.db"
    code, out, err = run_cli("import", str(template), "--db", str(db), *TODAY)
    assert code == cli.EXIT_OK, err
    lines = out.splitlines()
    assert lines[0] == (
        "Dispositifs : 0 créé(s), 0 modifié(s), 0 inchangé(s), 0 erreur(s), 0 avertissement(s)"
    )
    assert lines[-1] == "Import terminé : 0 ménage(s) créé(s) ou modifié(s)."
    assert households(db) == []


def test_import_creates_the_database_then_changes_nothing(tmp_path: Path) -> None:
    book = workbook(tmp_path / "asso.xlsx", small_association())
    db = tmp_path / "nouvelle.db"
    code, out, err = run_cli("import", str(book), "--db", str(db), *TODAY)
    assert code == cli.EXIT_OK, err
    assert f"Base de données créée pour cet import : {db}" in err
    lines = out.splitlines()
    assert lines[0] == (
        "Dispositifs : 2 créé(s), 0 modifié(s), 0 inchangé(s), 0 erreur(s), 0 avertissement(s)"
    )
    assert lines[1].startswith("Ménages : 4 créé(s)")
    assert lines[-1] == "Import terminé : 4 ménage(s) créé(s) ou modifié(s)."
    assert households(db) == ["M-001", "M-002", "M-003", "M-004"]

    code, out, err = run_cli("import", str(book), "--db", str(db), *TODAY)
    assert code == cli.EXIT_OK, err
    assert "créée" not in err
    assert "Ménages : 0 créé(s), 0 modifié(s), 4 inchangé(s)" in out
    assert out.splitlines()[-1] == "Import terminé : 0 ménage(s) créé(s) ou modifié(s)."


def test_a_dry_run_leaves_no_database_behind(tmp_path: Path) -> None:
    book = workbook(tmp_path / "asso.xlsx", reference_sheets())
    db = tmp_path / "essai.db"
    code, out, err = run_cli("import", str(book), "--dry-run", "--db", str(db), *TODAY)
    assert code == cli.EXIT_OK, err
    assert "Personnes : 7 créé(s)" in out
    assert "Essai à blanc : rien n'a été enregistré" in out
    assert not db.exists()
    assert not Path(f"{db}-wal").exists()


def test_blocking_problems_exit_3_with_every_problem_listed(tmp_path: Path) -> None:
    sheets = reference_sheets()
    row_of(sheets["Ménages"], Référence="M-002")["Dispositif"] = "IML Lion"
    row_of(sheets["Logements"], Référence_logement="L-01")["Lots"] = 0
    book = workbook(tmp_path / "asso.xlsx", sheets)
    db = tmp_path / "asso.db"
    errors = tmp_path / "erreurs.xlsx"
    code, out, err = run_cli("import", str(book), "--db", str(db), "--errors", str(errors), *TODAY)
    assert code == cli.EXIT_REFUSED
    assert "Feuille Ménages, ligne 3, colonne Dispositif : Dispositif « IML Lion » inconnu" in err
    assert "Feuille Logements, ligne 2, colonne Lots : " in err
    assert "Import refusé : 2 problème(s) bloquant(s), rien n'a été enregistré." in err
    assert "Ménages : 3 créé(s), 0 modifié(s), 0 inchangé(s), 1 erreur(s)" in out
    assert f"Liste des problèmes écrite : {errors}" in out
    assert not db.exists()  # refused into a new file: no file is left
    sheet = load_workbook(errors, read_only=True).worksheets[0]
    cells = [
        " ".join(str(c) for c in row if c is not None) for row in sheet.iter_rows(values_only=True)
    ]
    assert any("IML Lion" in line for line in cells)
    assert len(cells) == 3  # the headings and the two problems


def test_above_the_threshold_the_import_needs_yes(tmp_path: Path) -> None:
    db = tmp_path / "asso.db"
    first = workbook(tmp_path / "a.xlsx", reference_sheets())
    assert run_cli("import", str(first), "--db", str(db), *TODAY)[0] == cli.EXIT_OK
    sheets = reference_sheets()
    row_of(sheets["Ménages"], Référence="M-004")["Date de sortie"] = date(2026, 10, 31)
    second = workbook(tmp_path / "b.xlsx", sheets)

    code, out, err = run_cli("import", str(second), "--db", str(db), "--dry-run", *TODAY)
    assert code == cli.EXIT_OK, err
    assert "toucherait 1 ménage(s) sur 4 (plus de 20 %)" in out

    code, _, err = run_cli("import", str(second), "--db", str(db), *TODAY)
    assert code == cli.EXIT_REFUSED
    assert "touche 1 ménage(s) sur 4 (plus de 20 %)" in err
    assert "--yes" in err

    code, out, err = run_cli("import", str(second), "--db", str(db), "--yes", *TODAY)
    assert code == cli.EXIT_OK, err
    assert out.splitlines()[-1] == "Import terminé : 1 ménage(s) créé(s) ou modifié(s)."


def test_an_unreadable_file_is_refused_in_french(tmp_path: Path) -> None:
    bad = tmp_path / "tableau.xlsx"
    bad.write_bytes(b"\x00" * 64)
    db = tmp_path / "asso.db"
    code, _, err = run_cli("import", str(bad), "--db", str(db))
    assert code == cli.EXIT_REFUSED
    assert "tableau.xlsx" in err
    assert "Traceback" not in err
    assert not db.exists()


def test_import_on_a_database_with_accounts_needs_a_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "asso.db"
    book = workbook(tmp_path / "a.xlsx", reference_sheets())
    assert run_cli("import", str(book), "--db", str(db), *TODAY)[0] == cli.EXIT_OK
    code, out, err = run_cli(
        "users", "add", "gl", "--name", "Gestion locative", "--role", "Gestion locative",
        "--db", str(db),
    )  # fmt: skip
    assert code == cli.EXIT_OK, err
    password = next(line.split(" : ", 1)[1] for line in out.splitlines() if "Mot de passe" in line)
    code, _, err = run_cli("import", str(book), "--db", str(db), *TODAY)
    assert code == cli.EXIT_REFUSED
    assert "--user" in err
    monkeypatch.setenv("SEUIL_PASSWORD", password)
    code, out, err = run_cli("import", str(book), "--db", str(db), "--user", "gl", *TODAY)
    assert code == cli.EXIT_OK, err
    assert "Personnes : 0 créé(s), 0 modifié(s), 7 inchangé(s)" in out


def test_wrong_usage_exits_2() -> None:
    assert run_cli("import")[0] == cli.EXIT_USAGE
    assert run_cli("import-template")[0] == cli.EXIT_USAGE
