#!/usr/bin/env bash
# Personnel benchmark (called by `npm run bench -- personnel`, or run alone from the repository root):
# builds the service, then
#  1. imports 100,000 employees from one CSV into the database capaian_personnel_bench and measures
#     the import (wall time, peak RSS) and the p50/p95/p99 of "direct reports" and "chain up"
#     (needs only PostgreSQL; extra arguments go to this script, e.g. `--employees 20000 --samples 500`);
#  2. the page of employees, `GET /employees?size=20` as admin-bkpsdm, 50 connections, direct to
#     personnel on the 12,000-employee demo city (database capaian_personnel_bench_reads, loaded once;
#     needs Keycloak for the tokens).
# `--reads` runs only the second, `--import` only the first.
set -euo pipefail
cd "$(dirname "$0")/../../.."
export NX_DAEMON=false
npx nx build personnel --output-style=static >/dev/null
# The reads bench runs the service with the V8 flags npm start gives it (young generation, heap bound);
# PERSONNEL_NODE_FLAGS="..." compares others.
PERSONNEL_NODE_FLAGS="${PERSONNEL_NODE_FLAGS-$(source scripts/lib.sh; service_node_flags personnel)}"
export PERSONNEL_NODE_FLAGS
out=dist/apps/personnel/apps/personnel/bench
case "${1:-}" in
  --reads) shift; exec node "$out/employee-list.bench.js" "$@" ;;
  --import) shift; exec node "$out/personnel.bench.js" "$@" ;;
esac
node "$out/personnel.bench.js" "$@"
node "$out/employee-list.bench.js"
