#!/usr/bin/env bash
# Career benchmark (called by `npm run bench -- career`, or run alone from the repository root):
# builds the service, then on the scratch database capaian_career_bench registers 5,000 people at
# once for 20 sessions, approves the seat holders at once against a budget that affords fewer, and
# measures the per-OPD JP compliance report on a 12,000-employee city.
# Needs PostgreSQL and Kafka (`bash infra/infra.sh up`). Extra arguments go to the script, e.g.
# `bash apps/career/bench/run.sh --employees 2400 --registrations 1000`.
set -euo pipefail
cd "$(dirname "$0")/../../.."
export NX_DAEMON=false KAFKAJS_NO_PARTITIONER_WARNING=1
npx nx build career --output-style=static >/dev/null
exec node dist/apps/career/apps/career/bench/career.bench.js "$@"
