#!/usr/bin/env bash
# Set up a machine for Seuil, idempotently: Debian libraries, a venv, the package, translations.
#   scripts/setup.sh run    what `make run` needs (Qt + X11 libraries for a real window)
#   scripts/setup.sh test   what `make test` needs (Qt offscreen, PostgreSQL, LibreOffice, poppler)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-test}
PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

qt_libs=(libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core)
x11_libs=(libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-randr0
          libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1)
test_tools=(postgresql libreoffice-calc-nogui poppler-utils)

case "$mode" in
  run)  wanted=("${qt_libs[@]}" "${x11_libs[@]}"); extras="postgres" ;;
  test) wanted=("${qt_libs[@]}" "${test_tools[@]}"); extras="test" ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

# 1. Debian packages, checked first with dpkg-query, installed only when missing.
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "installed" ] || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  line="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "Il manque des paquets Debian. Installez-les avec :" >&2
    echo "  sudo sh -c '$line'" >&2
    exit 1
  fi
  echo "Installation des paquets Debian : ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. The venv, with a Python of at least 3.11.
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Seuil demande Python 3.11 ou plus récent (trouvé : $("$PYTHON" --version 2>&1))." >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi

# 3. The package and its pinned dependencies, again only when pyproject or constraints changed.
stamp="$VENV/.installed-$extras"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ]; then
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[$extras]"
  touch "$stamp"
fi

# 4. Translations: .ts → .qm (cheap, always redone so a changed .ts is never stale).
"$VENV/bin/python" scripts/i18n.py compile >/dev/null
