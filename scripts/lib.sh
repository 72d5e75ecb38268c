# Helpers shared by the scripts in this folder. Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$ROOT/.run"
SERVICES=(personnel appraisal career notification gateway)
DB_SERVICES=(personnel appraisal career notification)
# V8 flags of every service process (start.sh; the image sets the same in NODE_OPTIONS): a young generation
# of at most 2 × 2 MB instead of up to 2 × 16 MB keeps an idle service's resident memory low (docs/benchmarks.md).
SERVICE_NODE_FLAGS="${SERVICE_NODE_FLAGS:---max-semi-space-size=2}"
# A heap bound for every service that consumes events or imports: with V8's default limit (about 4 GB
# here) the old space grows lazily, so a busy service (personnel's bulk import, a consumer catching up
# thousands of events) piles up 200–300 MB of garbage before a full collection, while what is live after
# one stays at 60–90 MB (--trace-gc; docs/benchmarks.md, "Idle memory" and "Import").
declare -A SERVICE_HEAP_MB=([personnel]=128 [appraisal]=128 [career]=128 [notification]=128)
# The young generation of the two processes every read goes through: with 2 MB, the state of the requests
# in flight (a page of employees is 16 KB of JSON plus its rows) outlives scavenges and is copied and
# promoted — a quarter of the gateway's CPU and 30 % of personnel's under load. 8 MB for the gateway costs
# about 5-11 MB of idle RSS; 16 MB for personnel took the page of employees from ≈1,200 to ≈1,850 req/s
# (docs/benchmarks.md, "Gateway" and "Personnel: reads"). The later flag wins over the one in SERVICE_NODE_FLAGS.
declare -A SERVICE_SEMI_SPACE_MB=([gateway]=8 [personnel]=16)
# glibc's malloc serves a block of 128 KiB or more with its own mmap, returned to the system when freed, but
# after the first such free it raises that threshold up to 32 MiB, so kafkajs' fetched batches and large
# responses then come from the heap arenas and their pages stay resident. Fixing the threshold kept 10-20 MB
# less RSS in each consumer after a catch-up (docs/benchmarks.md, "Idle memory"); the image sets the same.
# Empty: glibc's default.
SERVICE_MALLOC_MMAP_THRESHOLD="${SERVICE_MALLOC_MMAP_THRESHOLD-131072}"
# The node flags of one service: the common ones plus its heap bound and young generation, if any.
service_node_flags() {
  local flags="$SERVICE_NODE_FLAGS"
  [ -n "${SERVICE_HEAP_MB[$1]:-}" ] && flags="$flags --max-old-space-size=${SERVICE_HEAP_MB[$1]}"
  [ -n "${SERVICE_SEMI_SPACE_MB[$1]:-}" ] && flags="$flags --max-semi-space-size=${SERVICE_SEMI_SPACE_MB[$1]}"
  printf '%s' "$flags"
}
declare -A SERVICE_PORT=([gateway]=3000 [personnel]=3001 [appraisal]=3002 [career]=3003 [notification]=3004)

log() { printf '\033[1m[capaian]\033[0m %s\n' "$*"; }

# Installs the pinned dependencies when node_modules is missing or older than the lock file.
ensure_node_modules() {
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "installing npm dependencies (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

service_entry() { echo "$ROOT/dist/apps/$1/apps/$1/src/$2.js"; }

# A Kafka broker of one run's own (npm test, the benches), started with infra.sh on two free ports and a
# data folder under /tmp, deleted by private_kafka_down. The shared broker on 9092 holds the platform's
# topics and its consumers' positions: events written there by tests or benches (made-up employees with the
# demo people's NIPs, evaluations, pings) were consumed into the read models of a platform running beside
# them, or started later. Exports KAFKA_BROKERS, which every service, test and bench reads.
PRIVATE_KAFKA_DIR=""
private_kafka_up() {
  [ -n "$PRIVATE_KAFKA_DIR" ] && return 0
  PRIVATE_KAFKA_DIR="$(mktemp -d "/tmp/capaian-kafka-$1-XXXXXX")"
  local ports
  ports="$(node -e 'const n=require("net");const p=()=>new Promise(r=>{const s=n.createServer();s.listen(0,"127.0.0.1",()=>{const x=s.address().port;s.close(()=>r(x))})});(async()=>{const a=await p();let b=await p();while(b===a)b=await p();console.log(a,b)})()')"
  log "a Kafka broker of this run's own (127.0.0.1:${ports% *}, data in $PRIVATE_KAFKA_DIR)"
  INFRA_RUN_DIR="$PRIVATE_KAFKA_DIR" KAFKA_PORT="${ports% *}" KAFKA_CONTROLLER_PORT="${ports#* }" \
    KAFKA_HEAP="${PRIVATE_KAFKA_HEAP:-${KAFKA_HEAP:-}}" INFRA_STARTED_FILE= bash "$ROOT/infra/infra.sh" up kafka >/dev/null || return 1
  export KAFKA_BROKERS="127.0.0.1:${ports% *}"
}
private_kafka_down() {
  [ -n "$PRIVATE_KAFKA_DIR" ] || return 0
  INFRA_RUN_DIR="$PRIVATE_KAFKA_DIR" INFRA_STARTED_FILE= bash "$ROOT/infra/infra.sh" down kafka >/dev/null 2>&1
  rm -rf "$PRIVATE_KAFKA_DIR"
  PRIVATE_KAFKA_DIR=""
}
