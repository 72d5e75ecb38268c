#!/usr/bin/env bash
# Personnel benchmark (called by `npm run bench -- personnel`, or run alone from the repository root):
# builds the service, then imports 100,000 employees from one CSV into the database
# capaian_personnel_bench and measures the import (wall time, peak RSS) and the p50/p95/p99 of
# "direct reports" and "chain up". Needs only PostgreSQL. Extra arguments go to the script,
# e.g. `bash apps/personnel/bench/run.sh --employees 20000 --samples 500`.
set -euo pipefail
cd "$(dirname "$0")/../../.."
export NX_DAEMON=false
npx nx build personnel --output-style=static >/dev/null
exec node dist/apps/personnel/apps/personnel/bench/personnel.bench.js "$@"
