#!/usr/bin/env bash
# Builds and runs the outbox throughput benchmark (outbox-throughput.ts) with plain tsc + tsc-alias
# (no ts-node/swc-node in the project): compiled to dist/bench/messaging, then run with node.
# Needs PostgreSQL and Kafka running (bash infra/infra.sh up postgres kafka).
# Usage: bash libs/shared/messaging/bench/run.sh [events=5000] [writers=8]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
cd "$ROOT"
OUT=dist/bench/messaging
rm -rf "$OUT"
npx tsc -p libs/shared/messaging/bench/tsconfig.json
npx tsc-alias -p libs/shared/messaging/bench/tsconfig.json
KAFKAJS_NO_PARTITIONER_WARNING=1 NODE_ENV=production node "$OUT/libs/shared/messaging/bench/outbox-throughput.js" "$@"
