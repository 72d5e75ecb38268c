#!/usr/bin/env bash
# npm test: every project's tests (unit and integration) against the real PostgreSQL, Kafka,
# Keycloak and SMTP server. Starts the infrastructure that is not running, stops only what it
# started, and ends with one line `tests: N passed, N failed` read from Jest's JSON results.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export NX_DAEMON=false KAFKAJS_NO_PARTITIONER_WARNING=1 NODE_ENV=test

ensure_node_modules || exit 1
mkdir -p "$RUN_DIR"

started_file="$RUN_DIR/started-by-test"
rm -f "$started_file"
stop_started() {
  private_kafka_down
  if [ -s "$started_file" ]; then
    log "stopping what the tests started: $(cat "$started_file")"
    bash infra/infra.sh down $(cat "$started_file") >/dev/null 2>&1 || true
  fi
  rm -f "$started_file"
}
trap stop_started EXIT

log "checking types"
if ! npx tsc -p tsconfig.all.json --noEmit; then
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

log "linting (module boundaries, framework-free domain code)"
if ! npx nx run-many -t lint --output-style=static --skip-nx-cache >"$RUN_DIR/lint.log" 2>&1; then
  grep -E "error|✖" "$RUN_DIR/lint.log" | head -40
  echo "lint failed: see $RUN_DIR/lint.log"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

log "starting the infrastructure the tests need"
# Every test's events go to a Kafka broker of this run's own (scripts/lib.sh, private_kafka_up), never to the
# shared one on 9092: the tests' demo people share the demo city's NIPs, and a platform running beside the
# tests, or started after them, consumed them into its read models. The shared broker is not needed.
if ! INFRA_STARTED_FILE="$started_file" bash infra/infra.sh up postgres keycloak mail s3 || ! private_kafka_up test; then
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

# The portal's end-to-end test (the Jest project apps/portal) drives Debian's Chromium against the
# built services and portal: install Chromium when missing and build what changed (nx cache).
if [ ! -x /usr/bin/chromium ]; then
  log "installing chromium (Debian package) for the portal's end-to-end test"
  { apt-get update && apt-get install -y chromium; } >"$RUN_DIR/apt-chromium.log" 2>&1 || log "chromium install failed: see $RUN_DIR/apt-chromium.log"
fi
log "building the services and the staff portal for the portal's end-to-end test"
npx nx run-many -t build --projects="$(IFS=,; echo "${SERVICES[*]}"),portal" --output-style=static >"$RUN_DIR/portal-build.log" 2>&1 ||
  log "a build failed: see $RUN_DIR/portal-build.log"

results="$RUN_DIR/jest-results.json"
rm -f "$results"
log "running jest"
npx jest --runInBand --json --outputFile="$results" "$@"
rc=$?

# The Docker build helper, the Kubernetes manifest checks and the dead-letter replay (plain
# .mjs/.js, no TypeScript) have node:test tests of their own; the replay's needs the running
# Kafka. The manifest checks need kubectl (Debian's package) for `kubectl kustomize`; install it
# when missing, like the other prerequisites.
if ! command -v kubectl >/dev/null 2>&1; then
  log "installing kubectl (Debian package) for the manifest checks"
  { apt-get update && apt-get install -y kubectl; } >"$RUN_DIR/apt-kubectl.log" 2>&1 || log "kubectl install failed: see $RUN_DIR/apt-kubectl.log"
fi
log "running tools/ and deploy/ tests (node --test)"
tools_out="$RUN_DIR/tools-tests.txt"
# Files, not folders, and the TAP reporter: Node 22+ no longer expands a folder given to --test
# and prints its own summary format, which the count below would miss.
node --test --test-reporter=tap tools/docker/*.test.mjs tools/k8s/*.test.mjs deploy/scripts/*.test.mjs >"$tools_out" 2>&1
tools_rc=$?
tail -8 "$tools_out"
[ $tools_rc -ne 0 ] && cat "$tools_out" && rc=1

log "running the staff portal's component tests (vitest)"
vitest_results="$RUN_DIR/vitest-results.json"
rm -f "$vitest_results"
npx vitest run --config apps/portal/vite.config.ts --reporter=default --reporter=json --outputFile.json="$vitest_results" || rc=1

node -e '
  const fs = require("fs");
  const [f, toolsOut, vitest] = process.argv.slice(1);
  const tools = fs.readFileSync(toolsOut, "utf8");
  const count = (name) => Number((tools.match(new RegExp(`^# ${name} (\\d+)`, "m")) || [0, 0])[1]);
  let passed = count("pass");
  let failed = count("fail") + (count("pass") + count("fail") === 0 ? 1 : 0);
  if (!fs.existsSync(f)) failed += 1;
  else {
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    // A suite that fails to load runs no test; count it as a failure so it cannot hide.
    passed += r.numPassedTests;
    failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  }
  if (!fs.existsSync(vitest)) failed += 1;
  else {
    const v = JSON.parse(fs.readFileSync(vitest, "utf8"));
    passed += v.numPassedTests;
    // A test file that fails to load has no test results: counted as one failure, as for Jest.
    failed += v.numFailedTests + v.testResults.filter((t) => t.status === "failed" && t.assertionResults.length === 0).length;
  }
  console.log(`tests: ${passed} passed, ${failed} failed`);
' "$results" "$tools_out" "$vitest_results"
exit $rc
