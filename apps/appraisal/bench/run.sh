#!/usr/bin/env bash
# Appraisal benchmark (called by `npm run bench -- appraisal`, or run alone from the repository root):
# builds the service, then on the scratch database capaian_appraisal_bench rates and finalizes the
# year of a 12,000-employee city, publishes the events through the outbox to Kafka, measures the
# completion dashboard, and uploads 10 MB evidence files through the API to the S3 store.
# Needs PostgreSQL, Kafka, Keycloak and S3Proxy (`bash infra/infra.sh up`). Extra arguments go to
# the script, e.g. `bash apps/appraisal/bench/run.sh --employees 2400 --uploads 5`.
set -euo pipefail
cd "$(dirname "$0")/../../.."
export NX_DAEMON=false KAFKAJS_NO_PARTITIONER_WARNING=1
npx nx build appraisal --output-style=static >/dev/null
exec node dist/apps/appraisal/apps/appraisal/bench/appraisal.bench.js "$@"
