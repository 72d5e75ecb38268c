#!/usr/bin/env bash
# npm run bench: prints the platform's benchmark figures. Starts the infrastructure it needs and
# stops what it started. Figures go to stdout; record them in docs/benchmarks.md by hand.
# Pass names to run only some: npm run bench -- gateway messaging personnel appraisal
# (soak is never in the default list: npm run bench -- soak)
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export NX_DAEMON=false KAFKAJS_NO_PARTITIONER_WARNING=1
ensure_node_modules || exit 1
mkdir -p "$RUN_DIR"
started_file="$RUN_DIR/started-by-bench"
# The benches whose services publish events (appraisal's year-end, notification's hires, career's
# registrations) send them to a Kafka broker of this run's own, started once on free ports and deleted
# at the end: on the shared broker they stayed on the platform's topics, and a running or later
# `npm start` consumed the bench's made-up employees and evaluations into its read models.
# BENCH_SHARED_KAFKA=1 keeps them on the shared broker. (messaging starts its own broker.)
use_bench_kafka() {
  [ "${BENCH_SHARED_KAFKA:-0}" = 1 ] && return 0
  PRIVATE_KAFKA_HEAP='-Xms128m -Xmx384m' private_kafka_up bench
}
trap 'private_kafka_down; [ -s "$started_file" ] && bash infra/infra.sh down $(cat "$started_file") >/dev/null 2>&1; rm -f "$started_file"' EXIT
INFRA_STARTED_FILE="$started_file" bash infra/infra.sh up || exit 1


which=("$@")
[ ${#which[@]} -eq 0 ] && which=(gateway memory messaging personnel appraisal notification career)
rc=0
for b in "${which[@]}"; do
  case "$b" in
    gateway) log "gateway vs direct vs nginx (whoami and a page of employees, autocannon), latency added at a fixed rate"; bash apps/gateway/bench/run.sh || rc=1 ;;
    memory) log "idle memory of every service (RSS after start)"; node tools/bench/idle-memory.mjs || rc=1 ;;
    messaging) log "outbox → Kafka → consumer: bursts and 1,000 events/s paced"; bash libs/shared/messaging/bench/run.sh || rc=1 ;;
    soak)
      # Not in the default list: about 45 min. The reliability tests at 5× their size (private broker),
      # then 30 min of mixed load through the running platform (npm start first; SOAK_MINUTES shortens it).
      log "soak: reliability tests ×5, then mixed load through the gateway (tests/reliability/soak.mjs)"
      RELIABILITY_SCALE=5 npx jest tests/reliability --runInBand || rc=1
      node tests/reliability/soak.mjs || rc=1 ;;
    personnel)
      if [ -f apps/personnel/bench/run.sh ]; then log "personnel: import and hierarchy queries"; bash apps/personnel/bench/run.sh || rc=1; fi ;;
    appraisal) use_bench_kafka || { rc=1; continue; }; log "appraisal: year-end rating and finalizing of the city, dashboard, evidence uploads"; bash apps/appraisal/bench/run.sh || rc=1 ;;
    notification) use_bench_kafka || { rc=1; continue; }; log "notification: events into inbox items and queued mails, mails to the sink, commit → inbox latency"; bash apps/notification/bench/run.sh || rc=1 ;;
    career) use_bench_kafka || { rc=1; continue; }; log "career: 5,000 concurrent self-registrations for 20 sessions, concurrent approvals against a budget, JP compliance per OPD"; bash apps/career/bench/run.sh || rc=1 ;;
    *) log "unknown benchmark $b (gateway, memory, messaging, personnel, appraisal, notification, career)"; rc=1 ;;
  esac
done
exit $rc
