#!/usr/bin/env bash
# Run a command against a private, throwaway PostgreSQL server.
# initdb into a temporary folder owned by the postgres user (runuser when we are root), start on
# 127.0.0.1 and a free port with fsync off, export SEUIL_TEST_POSTGRES_URL, run the command, and
# always stop and delete the server, whatever happens.
set -euo pipefail

pg_ctl_path=$(ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_ctl_path" ]; then
  echo "PostgreSQL n'est pas installé (paquet Debian postgresql)." >&2
  exit 1
fi
bin=$(dirname "$pg_ctl_path")
workdir=$(mktemp -d /tmp/seuil-pg.XXXXXX)

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$workdir"; fi

cleanup() {
  as_owner "$bin/pg_ctl" -D "$workdir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT INT TERM

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_owner "$bin/initdb" -D "$workdir/data" -U seuil --auth=trust -E UTF8 --locale=C.UTF-8 \
  --no-sync >"$workdir/initdb.log" 2>&1 || { cat "$workdir/initdb.log" >&2; exit 1; }
as_owner "$bin/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w \
  -o "-F -p $port -k $workdir -c listen_addresses=127.0.0.1" start >/dev/null \
  || { cat "$workdir/server.log" >&2; exit 1; }

export SEUIL_TEST_POSTGRES_URL="postgresql+psycopg://seuil@127.0.0.1:$port/postgres"
echo "PostgreSQL temporaire sur 127.0.0.1:$port"
"$@"
