#!/usr/bin/env bash
# `make test`: the whole contract of QUALITY.md "CI and the machine", a time per step.
# Every step runs even after a failure (to show everything at once); the exit code is non-zero
# when any step failed. pytest's "no tests collected" (exit 5) is a failure too.
set -uo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
VENV=${VENV:-.venv}
failed=()

step() {
  local name=$1; shift
  local start=$SECONDS
  echo "==> $name"
  "$@"
  local rc=$?
  echo "<== $name: $((SECONDS - start)) s (code $rc)"
  [ $rc -eq 0 ] || failed+=("$name")
  return $rc
}

step "set-up" bash scripts/setup.sh test || { echo "La préparation a échoué." >&2; exit 1; }
step "ruff" bash -c "\"$VENV/bin/ruff\" check . && \"$VENV/bin/ruff\" format --check ."
step "mypy" "$VENV/bin/mypy"
step "lint-imports" "$VENV/bin/lint-imports"
step "pytest (SQLite)" "$VENV/bin/pytest" -n 2 --durations=25 -m "not postgres and not slow"
# The slow tests build large demonstrations on SQLite and time them in CPU seconds: they run
# one at a time, so a neighbour sharing the two cores does not inflate what they measure.
step "pytest -m slow (SQLite, one at a time)" "$VENV/bin/pytest" --durations=10 -m "slow and not postgres"
# Each test gets its own database on the server, so two workers share it safely.
step "pytest -m db (PostgreSQL)" bash scripts/with_postgres.sh "$VENV/bin/pytest" -n 2 -m "db and not slow" --durations=10

if [ ${#failed[@]} -gt 0 ]; then
  echo "ÉCHEC : ${failed[*]}" >&2
  exit 1
fi
echo "Tout est passé."
