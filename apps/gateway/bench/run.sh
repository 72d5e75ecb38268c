#!/usr/bin/env bash
# Gateway benchmark (`npm run bench -- gateway`, or alone from the repository root):
# the same requests straight to the real personnel service, through the gateway and through nginx
# (Debian's nginx-light, installed here when missing), on GET whoami and on the first page of
# employees as admin-bkpsdm, then the latency the gateway adds at a fixed rate.
# Needs PostgreSQL, Kafka and Keycloak (infra/infra.sh up). Uses its own database
# capaian_personnel_gwbench (the 12,000-employee demo city, loaded once and kept).
# Extra arguments go to the script: --duration=10 --connections=50 --rounds=2 --rate=500 --redis --profile
# (first argument --no-build: reuse the last compilation). GATEWAY_NODE_FLAGS="..." replaces the gateway's V8 flags (to compare).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
OUT=dist/bench/gateway
# Both run with their flags under npm start (service_node_flags). Before 2026-12-04 22:30 personnel ran here
# with the common flags only (2 MB young generation, no heap bound); PERSONNEL_NODE_FLAGS="..." compares.
PERSONNEL_NODE_FLAGS="${PERSONNEL_NODE_FLAGS:-$(source scripts/lib.sh; service_node_flags personnel)}"
GATEWAY_NODE_FLAGS="${GATEWAY_NODE_FLAGS:-$(source scripts/lib.sh; service_node_flags gateway)}"
export PERSONNEL_NODE_FLAGS GATEWAY_NODE_FLAGS
DB=capaian_personnel_gwbench

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "[gateway bench] installing nginx-light (the reference proxy)"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq nginx-light >/dev/null; else sudo apt-get install -y -qq nginx-light >/dev/null; fi
  # The package's own server would take port 80; the benchmark starts its own with its own config.
  (systemctl disable --now nginx >/dev/null 2>&1 || service nginx stop >/dev/null 2>&1 || true)
fi

# Compiled here, not in dist/apps: another build may be replacing dist/apps meanwhile.
# --no-build reuses the last compilation (e.g. after changing only the benchmark's arguments).
if [ "${1:-}" = --no-build ]; then
  shift
else
  rm -rf "$OUT"
  npx tsc -p apps/gateway/tsconfig.bench.json
  npx tsc-alias -p tsconfig.base.json --outDir "$OUT"
  npx tsc -p apps/gateway/bench/tsconfig.personnel.json
  npx tsc-alias -p tsconfig.base.json --outDir "$OUT/personnel"
fi
PERSONNEL="$OUT/personnel/apps/personnel/src"

export DB_NAME=$DB DB_USER=postgres DB_PASSWORD=postgres LOG_LEVEL=warn KAFKAJS_NO_PARTITIONER_WARNING=1
if [ "$(psql -h 127.0.0.1 -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB"
fi
employees=$(psql -h 127.0.0.1 -U postgres -d $DB -Atc "SELECT count(*) FROM employee" 2>/dev/null || echo 0)
if [ "${employees:-0}" -lt 12000 ]; then
  echo "[gateway bench] loading the 12,000-employee demo city into $DB (once)"
  node "$PERSONNEL/seed.js" --employees 12000 --no-accounts >/dev/null
fi
node "$PERSONNEL/migrate.js" >/dev/null
# The demo's events stay here: the benchmark's service must not publish them to the shared topics.
# VACUUM: the deleted rows stay in the table until vacuumed, and the relay's poll (four times a second)
# walked 27,000 of them, 5 ms of PostgreSQL each time, counted in the page's database CPU.
psql -h 127.0.0.1 -U postgres -d $DB -qc "DELETE FROM outbox" -c "VACUUM outbox"

PERSONNEL_MAIN="$PERSONNEL/main.js" exec node "$OUT/apps/gateway/bench/gateway-vs-direct.js" "$@"
