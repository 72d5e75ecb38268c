#!/usr/bin/env bash
# Builds and runs the outbox throughput benchmark (outbox-throughput.ts) with plain tsc + tsc-alias
# (no ts-node/swc-node in the project): compiled to dist/bench/messaging, then run with node.
# Needs PostgreSQL and Kafka running (bash infra/infra.sh up postgres kafka).
# Usage: bash libs/shared/messaging/bench/run.sh [events=5000] [writers=8]
# BENCH_OUT=<dir inside the repository, for node_modules> builds elsewhere (keep two builds for a back-to-back A/B); BENCH_NO_BUILD=1 runs
# the build already in BENCH_OUT.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
cd "$ROOT"
OUT="${BENCH_OUT:-dist/bench/messaging}"
if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  rm -rf "$OUT"
  npx tsc -p libs/shared/messaging/bench/tsconfig.json --outDir "$OUT"
  npx tsc-alias -p libs/shared/messaging/bench/tsconfig.json --outDir "$OUT"
fi
KAFKAJS_NO_PARTITIONER_WARNING=1 NODE_ENV=production node "$OUT/libs/shared/messaging/bench/outbox-throughput.js" "$@"
