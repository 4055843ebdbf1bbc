"""The command-line skeleton: global options anywhere, SEUIL_DB, French messages, exit codes."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.logs import current_log_file

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        args = cli.parse(argv)
    except SystemExit as stop:
        return int(stop.code or 0), "", ""
    code = cli.run(args, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def make_sqlite(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("create table t (x integer)")
    connection.commit()
    connection.close()
    return path


def test_help_lists_the_commands_in_french() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--help"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("utilisation : ")
    assert "options générales" in result.stdout
    for command in cli.COMMANDS:
        assert command.name in result.stdout


def test_global_options_before_or_after_the_command(tmp_path: Path) -> None:
    db = make_sqlite(tmp_path / "asso.db")
    before = cli.parse(["--db", str(db), "--today", "31/03/2026", "check"])
    after = cli.parse(["check", "--db", str(db), "--today", "2026-03-31"])
    assert before.db == after.db == str(db)
    assert before.today == after.today
    assert run_cli("check", "--db", str(db))[0] == 0


def test_database_printed_on_stderr_and_seuil_db_used(tmp_path: Path, monkeypatch) -> None:
    db = make_sqlite(tmp_path / "from-env.db")
    monkeypatch.setenv("SEUIL_DB", str(db))
    code, out, err = run_cli("check")
    assert code == 0
    assert f"Base de données : {db}" in err
    assert out.startswith("Base intacte : SQLite ")


def test_explicit_db_wins_over_seuil_db(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SEUIL_DB", str(tmp_path / "absent.db"))
    db = make_sqlite(tmp_path / "chosen.db")
    code, _, err = run_cli("check", "--db", str(db))
    assert code == 0
    assert str(db) in err


def test_missing_database_is_refused_without_creating_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.db"
    code, _, err = run_cli("check", "--db", str(missing))
    assert code == cli.EXIT_REFUSED
    assert f"La base de données « {missing} » n'existe pas." in err
    assert not missing.exists()


def test_foreign_file_is_refused_with_a_french_message(tmp_path: Path) -> None:
    foreign = tmp_path / "tableur.db"
    foreign.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    before = foreign.read_bytes()
    code, _, err = run_cli("check", "--db", str(foreign))
    assert code == cli.EXIT_REFUSED
    assert "n'est pas une base de données Seuil (c'est un classeur Excel" in err
    assert foreign.read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check", "--today", "31/02/2026"], "Date invalide : « 31/02/2026 »"),
        (["frobnicate"], "choix invalide"),
        (["check", "--db"], "une valeur est attendue"),
    ],
)
def test_wrong_usage_exits_2_in_french(argv: list[str], expected: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", *argv],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == cli.EXIT_USAGE
    assert "Erreur d'utilisation" in result.stderr
    assert expected in result.stderr


def test_unexpected_error_exits_1_and_logs_without_values(tmp_path: Path, monkeypatch) -> None:
    def explode(_args, _context):
        raise ValueError("Hélène Dupont, 12 rue des Lilas")  # a personal value in a message

    broken = cli.Command("check", "cli.help.check", cli._no_arguments, explode)
    monkeypatch.setattr(cli, "COMMANDS", (broken,))
    code, _, err = run_cli("check", "--db", str(tmp_path / "x.db"))
    assert code == cli.EXIT_UNEXPECTED
    assert "Erreur inattendue (ValueError)" in err
    log_file = current_log_file()
    assert log_file is not None
    assert str(log_file) in err
    logged = log_file.read_text(encoding="utf-8")
    assert "ValueError" in logged
    assert "Hélène" not in logged
    assert "Lilas" not in logged


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--version"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert result.stdout.startswith("Seuil ")


def test_demo_command_builds_refuses_and_replaces(tmp_path: Path) -> None:
    demo = tmp_path / "demo.db"
    code, out, err = run_cli("demo", "--db", str(demo), "--today", "27/11/2026", "--seed", "3")
    assert code == 0, err
    assert out.startswith("Démonstration créée en ")
    assert "200 ménages" in out
    assert f"Base de données : {demo}" in err
    code, _, err = run_cli("demo", "--db", str(demo))
    assert code == cli.EXIT_REFUSED
    assert "ajoutez --force" in err
    assert run_cli("demo", "--db", str(demo), "--force", "--size", "s")[0] == 0


def test_demo_never_replaces_an_association(tmp_path: Path) -> None:
    from desktop_app.paths import resolve_database
    from desktop_app.services.organisation import create_association
    from desktop_app.services.system import open_workspace

    real = tmp_path / "seuil.db"
    workspace = open_workspace(resolve_database(str(real)))
    create_association(workspace.database, actor=SYSTEM_ACTOR, name="Toit Partagé")
    workspace.close()
    before = real.read_bytes()
    code, _, err = run_cli("demo", "--db", str(real), "--force")
    assert code == cli.EXIT_REFUSED
    assert "n'est pas une démonstration créée par Seuil" in err
    assert real.read_bytes() == before


def test_demo_ignores_seuil_db_and_uses_its_own_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SEUIL_DB", str(tmp_path / "real.db"))
    monkeypatch.setenv("SEUIL_DATA_DIR", str(tmp_path / "data"))
    code, _, err = run_cli("demo")
    assert code == 0
    assert str(tmp_path / "data" / "demo" / "seuil-demo.db") in err
    assert not (tmp_path / "real.db").exists()


def test_demo_unknown_size_is_wrong_usage() -> None:
    assert run_cli("demo", "--size", "XL")[0] == cli.EXIT_USAGE


def test_audit_verify_exit_codes(tmp_path: Path) -> None:
    from desktop_app.paths import resolve_database
    from desktop_app.services.organisation import create_association
    from desktop_app.services.system import open_workspace

    db = tmp_path / "seuil.db"
    workspace = open_workspace(resolve_database(str(db)))
    create_association(workspace.database, actor=SYSTEM_ACTOR, name="Toit Partagé")
    workspace.close()
    code, out, _ = run_cli("audit", "verify", "--db", str(db))
    assert code == 0
    assert out.strip() == "Traçabilité intacte : 1 événement(s) vérifié(s)."
    connection = sqlite3.connect(db)
    connection.execute("update audit_event set fields = 'name' where id = 1")
    connection.commit()
    connection.close()
    code, out, _ = run_cli("audit", "verify", "--db", str(db))
    assert code == cli.EXIT_REFUSED
    assert out.startswith("Traçabilité rompue à l'événement n° 1")
    assert run_cli("audit", "--db", str(db))[0] == cli.EXIT_USAGE


def _demo_with_accounts(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    demo = tmp_path / "demo.db"
    code, out, err = run_cli("demo", "--db", str(demo), "--today", "2026-11-27")
    assert code == 0, err
    passwords = {}
    for line in out.splitlines():
        parts = line.split()
        if line.startswith("  ") and len(parts) >= 3:
            passwords[parts[0]] = parts[-1]
    assert set(passwords) >= {"coordination", "admin", "direction", "travailleur.social"}
    return demo, passwords


def test_a_database_with_accounts_needs_a_user(tmp_path: Path, monkeypatch) -> None:
    demo, passwords = _demo_with_accounts(tmp_path)
    code, _, err = run_cli("audit", "verify", "--db", str(demo))
    assert code == cli.EXIT_REFUSED
    assert "indiquez le vôtre avec --user" in err
    monkeypatch.setenv("SEUIL_PASSWORD", "pas-le-bon")
    code, _, err = run_cli("audit", "verify", "--db", str(demo), "--user", "direction")
    assert code == cli.EXIT_REFUSED
    assert "Identifiant ou mot de passe incorrect." in err
    monkeypatch.setenv("SEUIL_PASSWORD", passwords["travailleur.social"])
    code, _, err = run_cli("audit", "verify", "--db", str(demo), "--user", "travailleur.social")
    assert code == cli.EXIT_REFUSED
    assert "Vos droits ne permettent pas de lire la traçabilité." in err
    monkeypatch.setenv("SEUIL_PASSWORD", passwords["direction"])
    code, out, _ = run_cli("--user", "direction", "audit", "verify", "--db", str(demo))
    assert code == 0
    assert out.startswith("Traçabilité intacte")


def test_users_add_list_disable(tmp_path: Path, monkeypatch) -> None:
    demo, passwords = _demo_with_accounts(tmp_path)
    monkeypatch.setenv("SEUIL_PASSWORD", passwords["admin"])
    base = ["--db", str(demo), "--user", "admin"]
    code, out, err = run_cli(
        "users",
        "add",
        "julie",
        "--name",
        "Julie Morel",
        "--role",
        "Travailleur social",
        "--until",
        "30/06/2027",
        *base,
    )
    assert code == 0, err
    assert "Compte « julie » prêt." in out
    assert "Mot de passe provisoire" in out
    code, out, _ = run_cli("users", "list", *base)
    assert code == 0
    [julie] = [line for line in out.splitlines() if line.startswith("julie")]
    assert "Julie Morel" in julie
    assert "jusqu'au 30/06/2027" in julie
    assert "Travailleur social" in julie
    assert run_cli("users", "disable", "julie", *base)[0] == 0
    code, out, _ = run_cli("users", "list", *base)
    assert "désactivé" in next(line for line in out.splitlines() if line.startswith("julie"))
    code, _, err = run_cli("users", "add", "x", "--role", "sorcier", *base)
    assert code == cli.EXIT_USAGE
    assert "Rôle inconnu" in err
    code, _, err = run_cli("users", "add", *base)
    assert code == cli.EXIT_USAGE


def test_first_administrator_and_reset_admin(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "seuil.db"
    from desktop_app.paths import resolve_database
    from desktop_app.services.system import open_workspace

    open_workspace(resolve_database(str(db))).close()
    code, out, err = run_cli(
        "users", "add", "awa", "--name", "Awa Traoré", "--role", "tech_admin", "--db", str(db)
    )
    assert code == 0, err
    recovery = out.split("(il ne sera plus affiché) : ")[1].strip()
    code, _, err = run_cli(
        "users", "reset-admin", "--code", "ABCD-EFGH-JKMN-PQRS-TUVW", "--db", str(db)
    )
    assert code == cli.EXIT_REFUSED
    assert "code de récupération n'est pas valide" in err
    monkeypatch.setenv("SEUIL_RECOVERY_CODE", recovery.lower())
    code, out, _ = run_cli("users", "reset-admin", "--db", str(db))
    assert code == 0
    assert "Compte « awa » prêt." in out
    assert "Mot de passe provisoire" in out
    assert "Code de récupération" in out
    code, _, err = run_cli("users", "list", "--db", str(db))
    assert code == cli.EXIT_REFUSED
    assert "--user" in err


def test_users_delegate(tmp_path: Path, monkeypatch) -> None:
    demo, passwords = _demo_with_accounts(tmp_path)
    monkeypatch.setenv("SEUIL_PASSWORD", passwords["travailleur.social"])
    base = ["--db", str(demo), "--user", "travailleur.social"]
    code, out, err = run_cli(
        "users",
        "delegate",
        "--to",
        "coordination",
        "--start",
        "01/12/2026",
        "--until",
        "24/12/2026",
        *base,
    )
    assert code == 0, err
    assert out.strip() == "Portefeuille confié à « coordination » du 01/12/2026 au 24/12/2026."
    assert run_cli("users", "delegate", "--to", "coordination", *base)[0] == cli.EXIT_USAGE


# ------------------------------------------------------------------ charges and daily


def _association_with_contracts(tmp_path: Path) -> Path:
    """A database without accounts (system actor) and two contracts of 440 € a month."""
    from datetime import date

    from sqlalchemy import Connection, insert

    from desktop_app.paths import resolve_database
    from desktop_app.persistence import models as m
    from desktop_app.services.contracts import RateInput, create_contract
    from desktop_app.services.system import open_workspace

    def add(connection: Connection, model: type[m.Base], **values: object) -> int:
        key = connection.execute(insert(model).values(**values)).inserted_primary_key
        assert key is not None
        return int(key[0])

    db = tmp_path / "seuil.db"
    workspace = open_workspace(resolve_database(str(db)))
    database = workspace.database
    for reference, start in (("M-1", date(2024, 1, 1)), ("M-2", date(2026, 11, 16))):
        with database.begin_write() as c:
            programme = add(c, m.Programme, name=f"IML {reference}", kind="iml_sublease")
            household = add(c, m.Household, reference=reference)
            dwelling = add(
                c,
                m.Dwelling,
                reference=f"D-{reference}",
                address="1 rue du Test",
                commune="Lyon",
                programme_id=programme,
                captured_on=date(2020, 1, 1),
            )
        create_contract(
            database,
            actor=SYSTEM_ACTOR,
            household_id=household,
            dwelling_id=dwelling,
            kind="sublease",
            start=start,
            rate=RateInput(rent=40_000, charges=4_000),
        )
    workspace.close()
    return db


def test_charges_command_prints_created_then_skipped(tmp_path: Path) -> None:
    from desktop_app.domain.money import format_eur

    db = _association_with_contracts(tmp_path)
    base = ["--db", str(db), "--today", "2026-11-27"]
    code, out, err = run_cli("charges", "--month", "2026-11", *base)
    assert code == cli.EXIT_OK, err
    lines = out.splitlines()
    assert lines[0] == "Échéances de 11/2026 :"
    assert lines[1] == (
        f"  Créé    M-1 – D-M-1 : {format_eur(44_000)} "
        f"(Loyer / équivalent loyer {format_eur(40_000)}, Charges {format_eur(4_000)})"
    )
    assert lines[2].startswith(f"  Créé    M-2 – D-M-2 : {format_eur(22_000)} ")  # 15 of 30
    assert lines[3] == (
        f"Total 11/2026 : 4 écriture(s) créée(s) pour 2 contrat(s), {format_eur(66_000)} ; "
        "0 contrat(s) ignoré(s)."
    )
    code, out, _ = run_cli("charges", "--month", "11/2026", *base)
    assert code == cli.EXIT_OK
    assert out.splitlines()[1:] == [
        "  Ignoré  M-1 – D-M-1 : échéances du mois déjà générées",
        "  Ignoré  M-2 – D-M-2 : échéances du mois déjà générées",
        f"Total 11/2026 : 0 écriture(s) créée(s) pour 0 contrat(s), {format_eur(0)} ; "
        "2 contrat(s) ignoré(s).",
    ]
    # Without --month: the current month of --today.
    code, out, _ = run_cli("charges", "--db", str(db), "--today", "2026-12-02")
    assert code == cli.EXIT_OK
    assert out.startswith("Échéances de 12/2026 :")


def test_charges_command_refusals_and_wrong_usage(tmp_path: Path) -> None:
    db = _association_with_contracts(tmp_path)
    code, out, err = run_cli(
        "charges", "--month", "2027-01", "--db", str(db), "--today", "2026-11-27"
    )
    assert code == cli.EXIT_REFUSED
    assert out == ""
    assert "Le mois 01/2027 est trop éloigné : on génère au plus le mois suivant (12/2026)." in err
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "charges", "--month", "13/2026", "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == cli.EXIT_USAGE
    assert "Mois invalide : « 13/2026 »" in result.stderr


def test_daily_command_catches_up_then_has_nothing_to_do(tmp_path: Path) -> None:
    db = _association_with_contracts(tmp_path)
    base = ["--db", str(db), "--today", "2026-11-27"]
    code, out, err = run_cli("daily", *base)
    assert code == cli.EXIT_OK, err
    lines = out.splitlines()
    assert lines[0] == "Rattrapage des échéances : 4 écriture(s) créée(s) sur 1 mois."
    assert lines[1] == "Échéances de 11/2026 :"
    assert lines[-1] == (
        "Date de mise en service non renseignée : 1 contrat(s) commencé(s) avant 11/2026 "
        "n'ont que ce mois-ci ; les mois précédents relèvent d'un solde de reprise."
    )
    code, out, _ = run_cli("daily", *base)
    assert code == cli.EXIT_OK
    assert out.strip() == "Rattrapage des échéances : Échéances à jour jusqu'à 11/2026."
    code, out, _ = run_cli("daily", "--db", str(db), "--today", "2027-01-05")
    assert code == cli.EXIT_OK
    assert out.startswith("Rattrapage des échéances : 8 écriture(s) créée(s) sur 2 mois.")
    assert "Échéances de 12/2026 :" in out
    assert "Échéances de 01/2027 :" in out


def test_daily_command_refused_for_a_user_who_may_not_post(tmp_path: Path, monkeypatch) -> None:
    demo, passwords = _demo_with_accounts(tmp_path)
    monkeypatch.setenv("SEUIL_PASSWORD", passwords["coordination"])
    code, out, err = run_cli("daily", "--db", str(demo), "--user", "coordination")
    assert code == cli.EXIT_REFUSED
    assert out == ""
    assert (
        "Rattrapage des échéances : non effectué : vos droits ne permettent pas de passer des "
        "écritures, quittances et bordereaux CAF."
    ) in err
    monkeypatch.setenv("SEUIL_PASSWORD", passwords["gestion.locative"])
    # The demonstration's ledger runs to its day (27/11/2026): the next month is what is due.
    code, out, err = run_cli(
        "daily", "--db", str(demo), "--user", "gestion.locative", "--today", "2026-12-01"
    )
    assert code == cli.EXIT_OK, err
    assert out.startswith("Rattrapage des échéances : ")
    assert "écriture(s) créée(s) sur 1 mois." in out.splitlines()[0]
    code, out, err = run_cli(
        "daily", "--db", str(demo), "--user", "gestion.locative", "--today", "2026-12-01"
    )
    assert code == cli.EXIT_OK, err
    assert "créée" not in out.splitlines()[0]  # nothing twice


# ------------------------------------------------------------------ receipts


def _association_with_rent_paid(tmp_path: Path, *, association: bool = True) -> Path:
    """Two contracts of 440 € (no benefit) charged for 11/2026: M-1 paid in full, M-2 partly."""
    from datetime import date

    from sqlalchemy import insert, select

    from desktop_app.paths import resolve_database
    from desktop_app.persistence import models as m
    from desktop_app.services.charges import generate_month
    from desktop_app.services.ledger import post_entry
    from desktop_app.services.system import open_workspace

    db = _association_with_contracts(tmp_path)
    workspace = open_workspace(resolve_database(str(db)))
    database = workspace.database
    if association:
        with database.begin_write() as c:
            c.execute(
                insert(m.Organisation).values(
                    name="Habitat Solidaire", address="3 rue Molière", postcode="69003",
                    commune="Lyon",
                )
            )  # fmt: skip
    generate_month(database, actor=SYSTEM_ACTOR, month=date(2026, 11, 1), today=date(2026, 11, 27))
    with database.read() as session:
        contracts = {
            reference: contract_id
            for reference, contract_id in session.execute(
                select(m.Household.reference, m.OccupancyContract.id).join(
                    m.Household, m.Household.id == m.OccupancyContract.household_id
                )
            )
        }
    for reference, amount in (("M-1", 44_000), ("M-2", 10_000)):
        post_entry(
            database,
            actor=SYSTEM_ACTOR,
            contract_id=contracts[reference],
            kind="household_payment",
            amount=amount,
            posted_on=date(2026, 11, 20),
            today=date(2026, 11, 27),
        )
    workspace.close()
    return db


def test_receipts_command_writes_one_file_per_household(tmp_path: Path) -> None:
    from pypdf import PdfReader

    db = _association_with_rent_paid(tmp_path)
    out = tmp_path / "novembre"
    base = ["--db", str(db), "--today", "2026-12-02"]
    code, stdout, err = run_cli("receipts", "--month", "2026-11", "--out", str(out), *base)
    assert code == cli.EXIT_OK, err
    assert stdout.splitlines() == [
        "  Quittance Q-2026-000001 — M-1 (D-M-1) : M-1_2026-11_quittance.pdf",
        "  Reçu R-2026-000001 — M-2 (D-M-2) : M-2_2026-11_recu.pdf",
        "Total 11/2026 : 2 document(s) — 1 quittance(s), 1 reçu(s), 0 avis d'échéance, "
        "0 facture(s) ; 0 contrat(s) sans document.",
    ]
    assert sorted(p.name for p in out.iterdir()) == [
        "M-1_2026-11_quittance.pdf",
        "M-2_2026-11_recu.pdf",
    ]
    text = PdfReader(out / "M-1_2026-11_quittance.pdf").pages[0].extract_text()
    assert "02/12/2026" in text  # --today is the day of issue
    # The same month again, in one file: reprints under the same numbers.
    single = tmp_path / "tout.pdf"
    code, stdout, err = run_cli("receipts", "--month", "11/2026", "--single", str(single), *base)
    assert code == cli.EXIT_OK, err
    assert stdout.splitlines()[0] == (
        "  Quittance Q-2026-000001 — M-1 (D-M-1) : tout.pdf (réédition)"
    )
    assert stdout.splitlines()[-1] == f"Documents réunis dans {single}."
    assert len(PdfReader(single).pages) == 2


def test_receipts_command_wrong_usage_and_refusal(tmp_path: Path) -> None:
    db = _association_with_rent_paid(tmp_path, association=False)
    base = ["--db", str(db), "--today", "2026-12-02"]
    code, stdout, err = run_cli("receipts", "--month", "2026-11", *base)
    assert code == cli.EXIT_USAGE
    assert "Indiquez soit un dossier (--out DOSSIER), soit un fichier unique" in err
    code, stdout, err = run_cli(
        "receipts", "--month", "2026-11", "--out", str(tmp_path / "a"), "--single",
        str(tmp_path / "b.pdf"), *base,
    )  # fmt: skip
    assert code == cli.EXIT_USAGE
    code, stdout, err = run_cli("receipts", "--month", "2026-11", "--out", str(tmp_path), *base)
    assert code == cli.EXIT_REFUSED
    assert stdout == ""
    assert "Renseignez d'abord l'association" in err
    assert not list(tmp_path.glob("*.pdf"))
