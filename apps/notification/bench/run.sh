#!/usr/bin/env bash
# Notification benchmark (`npm run bench -- notification`, or alone from the repository root):
# compiles notification.bench.ts with tsc + tsc-alias into dist/bench/notification and runs it.
# Needs PostgreSQL and Kafka; starts its own private maildev on free ports (the shared one is left alone).
# Usage: bash apps/notification/bench/run.sh [events=2000] [writers=8]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
OUT=dist/bench/notification
rm -rf "$OUT" && mkdir -p "$OUT"
# The build's tsconfig is generated next to its output, with tsconfig.base.json's path aliases made
# relative to it: tsc-alias resolves an inherited `paths` against the extending config's folder.
node -e '
const base = require("./tsconfig.base.json");
const paths = Object.fromEntries(Object.entries(base.compilerOptions.paths).map(([k, v]) => [k, v.map((p) => "../../../" + p.replace(/^\.\//, ""))]));
require("fs").writeFileSync(process.argv[1], JSON.stringify({
  extends: "../../../tsconfig.base.json",
  compilerOptions: { outDir: ".", rootDir: "../../..", types: ["node"], sourceMap: false, paths },
  files: ["../../../apps/notification/bench/notification.bench.ts"],
}, null, 2));
' "$OUT/tsconfig.json"
npx tsc -p "$OUT/tsconfig.json"
npx tsc-alias -p "$OUT/tsconfig.json"
KAFKAJS_NO_PARTITIONER_WARNING=1 NODE_ENV=production UNSUBSCRIBE_SECRET="${UNSUBSCRIBE_SECRET:-bench-only-unsubscribe-secret-0123456789abcdef}" \
  node "$OUT/apps/notification/bench/notification.bench.js" "$@"
