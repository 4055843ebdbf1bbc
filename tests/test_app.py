"""The GUI entry point as a user starts it, and the screenshot script."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent


def test_gui_starts_headless_and_quits(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SEUIL_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--quit-after", "0.3"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert f"Base de données : {tmp_path / 'seuil.db'}" in result.stderr
    log = (tmp_path / "logs" / "seuil.log").read_text(encoding="utf-8")
    assert "GUI start" in log
    assert "ERROR" not in log


def test_without_a_display_one_clear_line(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    env["SEUIL_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Aucun écran n'est disponible pour ouvrir Seuil")


def test_screenshot_script_writes_every_screen(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    for name in (
        "accueil.png",
        "a-propos.png",
        "bienvenue.png",
        "creer-association.png",
        "premier-lancement.png",
        "demonstration.png",
        "import-classeur.png",
        "fiche-menage-accompagnement.png",
        "pension-de-famille.png",
        "agenda.png",
        "admissions.png",
        "tableau-de-bord.png",
        "rapports.png",
        "grilles-financeurs.png",
        "fiche-menage-relogement.png",
        "fiche-menage-parcours.png",
    ):
        image = QImage(str(tmp_path / name))
        assert not image.isNull(), name
        assert image.width() >= 300
        assert image.height() >= 150
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 3, f"{name} looks blank"
    committed = {p.name for p in (ROOT / "resources" / "screenshots").glob("*.png")}
    assert committed == {p.name for p in tmp_path.glob("*.png")}, "run `make screenshots`"
