#!/usr/bin/env bash
# Starts and stops the real servers the project runs against (docs/architecture.md §8, docs/infra.md):
#   postgres  the machine's PostgreSQL on 127.0.0.1:5432 (not started by us unless it is down);
#             we only ensure the roles and databases of infra/postgres/init.sql
#   kafka     Apache Kafka 4.1.1, KRaft single node, 127.0.0.1:9092 (controller 9093), jars from Maven Central
#   keycloak  Keycloak 26.7.3 (keycloak-quarkus-dist from Maven Central), http://127.0.0.1:8180,
#             management 9180, realm `capaian` imported from infra/keycloak/capaian-realm.json
#   mail      maildev from node_modules, SMTP 127.0.0.1:1025, web + REST API http://127.0.0.1:1080
#   s3        S3Proxy 3.0.0 (org.gaul:s3proxy jar-with-dependencies from Maven Central), the S3 API on
#             http://127.0.0.1:9000 over a filesystem backend in .infra/s3-data (evidence, certificates)
#
# Usage:
#   infra/infra.sh up     [--caller NAME] [component...]   start (default: all), wait until really ready
#   infra/infra.sh down   [--caller NAME] [component...]   stop what the pid files under .run/ name
#   infra/infra.sh status [component...]                  exit 0 only if all named components run
#   infra/infra.sh logs   <component> [-f]                 last 100 lines of its log (-f: follow)
#   infra/infra.sh topics                                  (re)create the Kafka topics (idempotent)
#   infra/infra.sh wipe kafka                              delete Kafka's data (topics, events, committed
#                                                          offsets); refused while the broker runs
#
# `up` prints one line per component and, ALWAYS as its last line on stdout:
#     started: kafka keycloak          (the components this call actually started; may be empty)
# Errors and log tails go to stderr. Exit status is non-zero if any component failed.
#
# Callers that must stop only what they started (e.g. `npm test`) have two equivalent ways:
#   INFRA_STARTED_FILE=path infra.sh up      `up` adds the names of the components it started to
#                                            that file (one line, space-separated; not created if
#                                            it started nothing); later: infra.sh down $(cat path)
#   infra.sh up --caller NAME                the same with path = .run/started-by-NAME; later
#   infra.sh down --caller NAME              stops exactly the components listed there, deletes it.
# Any `down X` also removes X from every .run/started-by-* file, so that a caller never stops a
# server that someone else restarted in the meantime (unless INFRA_KEEP_CLAIMS=1: a deliberate
# stop-and-start inside a caller's run, such as the Kafka outage test during npm test).
#
# Everything lives relative to the repository root (computed from this file's location):
# runtime files (pid, logs, data) in .run/<component>/, downloads in .infra/ (both git-ignored).
# Environment overrides: KEYCLOAK_JAVA_HOME (default Temurin 25), KAFKA_JAVA (default `java`, 17).
# A second, private Kafka (reliability tests that stop and kill a broker must not touch the shared
# one): INFRA_RUN_DIR (default .run: pid, log, data, lock and started-by files), KAFKA_PORT (9092),
# KAFKA_CONTROLLER_PORT (9093), KAFKA_HEAP (-Xms256m -Xmx768m), KAFKA_READY_TIMEOUT (90 s), e.g.
#   INFRA_RUN_DIR=/tmp/k2 KAFKA_PORT=19092 KAFKA_CONTROLLER_PORT=19093 infra/infra.sh up kafka
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="${INFRA_RUN_DIR:-$ROOT/.run}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
CACHE="$ROOT/.infra"
ALL=(postgres kafka keycloak mail s3)
export LC_ALL=C   # decimal point in $EPOCHREALTIME and awk output

KEYCLOAK_VERSION=26.7.3
KC_HOME="$CACHE/keycloak-$KEYCLOAK_VERSION"
KC_TARBALL="$CACHE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
KAFKA_LIBS="$CACHE/kafka-libs"
MAILDEV="$ROOT/node_modules/.bin/maildev"
S3PROXY_VERSION=3.0.0
S3PROXY_JAR="$CACHE/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar"
# The objects stay across restarts (evidence files must outlive a reboot of the dev machine).
S3_DATA="$CACHE/s3-data"
PG_ARGS=(-h 127.0.0.1 -p 5432 -U postgres)

# What a live process of each component has in its command line: a pid file whose process
# is gone or now belongs to something else (pid reuse after a reboot) counts as stale.
declare -A MARK=([kafka]='kafka\.Kafka' [keycloak]='kc\.sh|QuarkusEntryPoint' [mail]='maildev' [postgres]='postgres' [s3]='s3proxy')
# Seconds to wait for readiness / for a graceful stop.
declare -A READY_TIMEOUT=([postgres]=30 [kafka]=${KAFKA_READY_TIMEOUT:-90} [keycloak]=240 [mail]=30 [s3]=60)
declare -A STOP_TIMEOUT=([postgres]=30 [kafka]=30 [keycloak]=30 [mail]=10 [s3]=15)

say() { printf '%s\n' "$*"; }
err() { printf '%s\n' "$*" >&2; }
elapsed() { awk -v s="$1" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f", e - s }'; }
is_component() { local c; for c in "${ALL[@]}"; do [[ $c == "$1" ]] && return 0; done; return 1; }

pid_of() { [[ -f "$RUN/$1/pid" ]] && cat "$RUN/$1/pid" || true; }

# 0 if the pid file of $1 names a live process of that component.
alive() {
  local pid; pid="$(pid_of "$1")"
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -Eq -- "${MARK[$1]}"
}

# 0 if something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp: no nc needed).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Refuse to start when a port is taken by a process we do not know (an orphan of an earlier
# run whose pid file was deleted, or another program): starting anyway fails later and obscurely.
require_free_ports() {
  local comp=$1 p; shift
  for p in "$@"; do
    if port_open "$p"; then
      err "$comp: port $p is already in use by another process:"
      command -v ss >/dev/null && ss -ltnp "( sport = :$p )" >&2 || true
      err "$comp: stop it (see docs/infra.md, 'Port already taken') and retry"
      return 1
    fi
  done
}

# Keep the previous log next to the new one: after a crash and a restart it is the useful one.
rotate_log() { [[ -f $1 ]] && mv -f "$1" "$1.prev" || true; }

# Start "$@" as a daemon in its own session, so that `down` can signal its whole process group
# (kc.sh forks java) and a Ctrl-C in the caller's terminal does not reach it. stdin from
# /dev/null, output to the log, and fd 9 (our lock) closed, so that neither the caller's pipes
# nor the lock stay held by the daemon. Without job control the background child is not a
# group leader, so setsid does not fork again: $! is the daemon's pid and process group id.
spawn() {
  local comp=$1 log=$2; shift 2
  setsid "$@" </dev/null >"$log" 2>&1 9>&- &
  echo $! >"$RUN/$comp/pid"
}

# Stop process group $2 of component $1: TERM (graceful: Kafka and Keycloak have shutdown
# hooks), then KILL after the timeout.
stop_group() {
  local comp=$1 pid=$2 i
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < ${STOP_TIMEOUT[$comp]} * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || pgrep -g "$pid" >/dev/null || return 0
    sleep 0.1
  done
  err "$comp: no exit after ${STOP_TIMEOUT[$comp]} s, sending KILL"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

# Print the tail of a component's log on stderr (used whenever a start fails).
fail_tail() {
  local comp=$1 log=$2
  err "$comp: FAILED — last lines of ${log#"$ROOT/"}:"
  [[ -f $log ]] && tail -n 40 "$log" | sed "s/^/  [$comp] /" >&2 || true
}

# ---------------------------------------------------------------------------------------------
# Downloads (skipped when present, so a second start is fast; ~/.m2 caches the artifacts).

ensure_kafka_libs() {
  # The stamp holds the pom's checksum: changing infra/kafka/pom.xml (a version bump) re-resolves.
  local sum; sum="$(sha256sum "$ROOT/infra/kafka/pom.xml" | cut -d' ' -f1)"
  [[ -f $KAFKA_LIBS/.pom.sha256 && $(cat "$KAFKA_LIBS/.pom.sha256") == "$sum" ]] && return 0
  say "kafka: resolving broker jars from Maven Central (infra/kafka/pom.xml) ..."
  rm -rf "$KAFKA_LIBS.tmp"
  mvn -B -Dstyle.color=never -f "$ROOT/infra/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$KAFKA_LIBS.tmp" -DincludeScope=runtime >"$RUN/kafka/download.log" 2>&1 ||
    { fail_tail kafka "$RUN/kafka/download.log"; return 1; }
  echo "$sum" >"$KAFKA_LIBS.tmp/.pom.sha256" || return 1
  rm -rf "$KAFKA_LIBS" && mv "$KAFKA_LIBS.tmp" "$KAFKA_LIBS" || return 1   # no half-filled dir
}

ensure_keycloak_dist() {
  [[ -x $KC_HOME/bin/kc.sh ]] && return 0
  if [[ ! -f $KC_TARBALL ]]; then
    say "keycloak: downloading keycloak-quarkus-dist $KEYCLOAK_VERSION from Maven Central ..."
    mvn -B -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" -DoutputDirectory="$CACHE" \
      >"$RUN/keycloak/download.log" 2>&1 || { fail_tail keycloak "$RUN/keycloak/download.log"; return 1; }
  fi
  # Extract beside, then rename: an interrupted extraction must not look like a complete one.
  rm -rf "$CACHE/kc-extract.tmp" && mkdir -p "$CACHE/kc-extract.tmp" || return 1
  tar -xzf "$KC_TARBALL" -C "$CACHE/kc-extract.tmp" || { err "keycloak: cannot extract $KC_TARBALL"; return 1; }
  rm -rf "$KC_HOME" && mv "$CACHE/kc-extract.tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME" && rm -rf "$CACHE/kc-extract.tmp"
}

ensure_s3proxy_jar() {
  [[ -f $S3PROXY_JAR ]] && return 0
  say "s3: downloading org.gaul:s3proxy $S3PROXY_VERSION (jar-with-dependencies) from Maven Central ..."
  mvn -B -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" -DoutputDirectory="$CACHE" \
    >"$RUN/s3/download.log" 2>&1 || { fail_tail s3 "$RUN/s3/download.log"; return 1; }
}

keycloak_java_home() {
  local d
  for d in "${KEYCLOAK_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*-25-* /usr/lib/jvm/*-21-*; do
    [[ -n $d && -x $d/bin/java ]] && { echo "$d"; return 0; }
  done
  err "keycloak: no Java 25 (or 21) found; set KEYCLOAK_JAVA_HOME"; return 1
}

# ---------------------------------------------------------------------------------------------
# Each component has launch_X (start the process, return quickly; 2 = already running) and
# wait_X (block until ready or fail). `up` launches all first, Keycloak first because it is the
# slowest, then waits for each: the others come up while Keycloak boots.

launch_postgres() {
  mkdir -p "$RUN/postgres"
  pg_isready "${PG_ARGS[@]}" -q && return 2
  # It runs already on these machines; if it is down, start the Debian cluster ourselves.
  local ver; ver="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
  [[ -n $ver ]] || { err "postgres: not running on 127.0.0.1:5432 and no /etc/postgresql cluster to start"; return 1; }
  rotate_log "$RUN/postgres/postgres.log"
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start >"$RUN/postgres/postgres.log" 2>&1 9>&- ||
    { fail_tail postgres "$RUN/postgres/postgres.log"; return 1; }
  # The postmaster's pid, so that `down postgres` stops only a server that we started.
  head -n 1 "/var/run/postgresql/.s.PGSQL.5432.lock" >"$RUN/postgres/pid" 2>/dev/null || true
}

wait_postgres() {
  local t0=$1 i
  for ((i = 0; i < ${READY_TIMEOUT[postgres]} * 4; i++)); do
    pg_isready "${PG_ARGS[@]}" -q && break
    sleep 0.25
  done
  pg_isready "${PG_ARGS[@]}" -q || { err "postgres: not ready after ${READY_TIMEOUT[postgres]} s"; return 1; }
  # Roles and databases, every time (idempotent): a fresh machine or a dropped database is repaired.
  psql "${PG_ARGS[@]}" -d postgres -v ON_ERROR_STOP=1 -q -f "$ROOT/infra/postgres/init.sql" >"$RUN/postgres/init.log" 2>&1 ||
    { err "postgres: infra/postgres/init.sql failed"; fail_tail postgres "$RUN/postgres/init.log"; return 1; }
}

launch_kafka() {
  alive kafka && return 2
  rm -f "$RUN/kafka/pid"
  require_free_ports kafka "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" || return 1
  ensure_kafka_libs || return 1
  local d="$RUN/kafka"
  mkdir -p "$d/data" || return 1
  sed -e "s#@DATA@#$d/data#" -e "s#@PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
    "$ROOT/infra/kafka/server.properties" >"$d/server.properties" || return 1
  local java="${KAFKA_JAVA:-java}" cp="$KAFKA_LIBS/*"
  local log4j=(-Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2.properties" -Dkafka.logs.dir="$d")
  # The data survives restarts: acknowledged events and committed offsets must outlive a broker
  # restart. Format only a directory that was never formatted (meta.properties is written last by
  # the format); `infra.sh wipe kafka` is the explicit way to start empty.
  if [[ ! -f $d/data/kraft-logs/meta.properties ]]; then
    rm -rf "$d/data/kraft-logs"
    # A random cluster id as kafka-storage random-uuid makes it (16 random bytes, base64url, no
    # padding), without paying for one more JVM start. Not starting with '-', which CLI parsers
    # would take for an option (Kafka's own Uuid.randomUuid avoids it too).
    local cid=-
    while [[ $cid == -* ]]; do cid="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"; done
    "$java" "${log4j[@]}" -cp "$cp" kafka.tools.StorageTool format --standalone -t "$cid" -c "$d/server.properties" \
      >"$d/format.log" 2>&1 9>&- || { fail_tail kafka "$d/format.log"; return 1; }
  fi
  rotate_log "$d/kafka.log"
  # JVM flags of upstream kafka-run-class.sh, with a smaller heap than its 1 GB (tests run alongside).
  # shellcheck disable=SC2086 # KAFKA_HEAP holds several flags
  spawn kafka "$d/kafka.log" "$java" ${KAFKA_HEAP:--Xms256m -Xmx768m} -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true "${log4j[@]}" -cp "$cp" kafka.Kafka "$d/server.properties"
}

wait_kafka() {
  local log="$RUN/kafka/kafka.log" pid i ok=
  pid="$(pid_of kafka)"
  # Not an open port: the acceptors bind before request processing is enabled. This line is
  # logged by kafka.server.KafkaRaftServer once the broker is fully up.
  for ((i = 0; i < ${READY_TIMEOUT[kafka]} * 5; i++)); do
    grep -q 'Kafka Server started' "$log" 2>/dev/null && { ok=1; break; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  [[ -n $ok ]] || { err "kafka: no 'Kafka Server started' (process $(kill -0 "$pid" 2>/dev/null && echo alive || echo exited))"; return 1; }
  # Then a real client round trip with kafkajs (the client the services use).
  ok=
  for i in 1 2 3 4 5; do
    if node "$ROOT/infra/kafka/ready.js" "$KAFKA_BOOTSTRAP" >>"$log" 2>&1; then ok=1; break; fi
    sleep 1
  done
  [[ -n $ok ]] || { err "kafka: kafkajs admin listTopics failed 5 times"; return 1; }
  create_topics || return 1
}

create_topics() {
  # create-topics.js prints "topics: ..." (or a warning when libs/contracts/src/topics.json is missing).
  local out
  out="$(KAFKA_BROKERS="$KAFKA_BOOTSTRAP" node "$ROOT/infra/kafka/create-topics.js" 2>&1)" || { err "$out"; return 1; }
  TOPICS_NOTE="$(printf '%s' "$out" | tail -n 1)"
}

launch_keycloak() {
  alive keycloak && return 2
  rm -f "$RUN/keycloak/pid"
  require_free_ports keycloak 8180 9180 || return 1
  ensure_keycloak_dist || return 1
  local jh; jh="$(keycloak_java_home)" || return 1
  # start-dev imports every data/import/<realm>-realm.json at startup; with --db=dev-mem nothing
  # persists, so the realm file is re-imported on every start and edits to it take effect.
  rm -rf "$KC_HOME/data/import" && mkdir -p "$KC_HOME/data/import" || return 1
  cp "$ROOT/infra/keycloak/capaian-realm.json" "$KC_HOME/data/import/capaian-realm.json" || return 1
  rotate_log "$RUN/keycloak/keycloak.log"
  # start-dev, not `build` + `start --optimized`: measured on this machine, the optimized
  # production start is not faster (20–25 s vs 16–20 s) and needs more options (docs/infra.md).
  spawn keycloak "$RUN/keycloak/keycloak.log" env JAVA_HOME="$jh" JAVA_OPTS_KC_HEAP="-Xms256m -Xmx768m" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin "$KC_HOME/bin/kc.sh" start-dev \
      --http-host=127.0.0.1 --http-port=8180 --http-management-port=9180 \
      --hostname=http://127.0.0.1:8180 --db=dev-mem --health-enabled=true --import-realm
}

wait_keycloak() {
  local pid i
  pid="$(pid_of keycloak)"
  # Ready = the server says so AND the realm answers (which proves the import worked).
  for ((i = 0; i < ${READY_TIMEOUT[keycloak]} * 2; i++)); do
    curl -fsS -o /dev/null --max-time 2 http://127.0.0.1:9180/health/ready 2>/dev/null &&
      curl -fsS -o /dev/null --max-time 2 http://127.0.0.1:8180/realms/capaian/.well-known/openid-configuration 2>/dev/null &&
      return 0
    kill -0 "$pid" 2>/dev/null || { err "keycloak: process exited"; return 1; }
    sleep 0.5
  done
  err "keycloak: not ready after ${READY_TIMEOUT[keycloak]} s"; return 1
}

launch_mail() {
  alive mail && return 2
  rm -f "$RUN/mail/pid"
  [[ -x $MAILDEV ]] || { err "mail: $MAILDEV missing (node_modules not installed: npm ci)"; return 1; }
  require_free_ports mail 1025 1080 || return 1
  rotate_log "$RUN/mail/maildev.log"
  # Bound to 127.0.0.1 (its defaults are :: and 0.0.0.0); in memory; the newest 2000 mails kept
  # so a long-running dev session cannot grow without limit. Run from .run/mail: maildev looks
  # for a config file in the current directory and its parents.
  (cd "$RUN/mail" && spawn mail "$RUN/mail/maildev.log" "$MAILDEV" --smtp 1025 --ip 127.0.0.1 \
    --web 1080 --web-ip 127.0.0.1 --max-emails 2000)
}

launch_s3() {
  alive s3 && return 2
  rm -f "$RUN/s3/pid"
  require_free_ports s3 9000 || return 1
  ensure_s3proxy_jar || return 1
  mkdir -p "$S3_DATA" || return 1
  # Credentials of the development store only; production points S3_ENDPOINT at a real service.
  cat >"$RUN/s3/s3proxy.conf" <<CONF || return 1
s3proxy.endpoint=http://127.0.0.1:9000
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=capaian
s3proxy.credential=capaian-s3-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$S3_DATA
CONF
  rotate_log "$RUN/s3/s3proxy.log"
  spawn s3 "$RUN/s3/s3proxy.log" "${S3_JAVA:-java}" -Xms64m -Xmx256m -jar "$S3PROXY_JAR" --properties "$RUN/s3/s3proxy.conf"
}

wait_s3() {
  local pid i code
  pid="$(pid_of s3)"
  for ((i = 0; i < ${READY_TIMEOUT[s3]} * 5; i++)); do
    # An anonymous request is refused (403) once the S3 handler answers.
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 http://127.0.0.1:9000/ 2>/dev/null || true)"
    [[ $code == 403 || $code == 200 ]] && return 0
    kill -0 "$pid" 2>/dev/null || { err "s3: process exited"; return 1; }
    sleep 0.2
  done
  err "s3: not ready after ${READY_TIMEOUT[s3]} s"; return 1
}

wait_mail() {
  local pid i
  pid="$(pid_of mail)"
  for ((i = 0; i < ${READY_TIMEOUT[mail]} * 5; i++)); do
    # The REST API's health route; SMTP listens before the web server does.
    curl -fsS -o /dev/null --max-time 2 http://127.0.0.1:1080/api/healthz 2>/dev/null && port_open 1025 && return 0
    kill -0 "$pid" 2>/dev/null || { err "mail: process exited"; return 1; }
    sleep 0.2
  done
  err "mail: not ready after ${READY_TIMEOUT[mail]} s"; return 1
}

log_of() {
  case $1 in
    postgres) echo "$RUN/postgres/init.log" ;;
    kafka) echo "$RUN/kafka/kafka.log" ;;
    keycloak) echo "$RUN/keycloak/keycloak.log" ;;
    mail) echo "$RUN/mail/maildev.log" ;;
    s3) echo "$RUN/s3/s3proxy.log" ;;
  esac
}

url_of() {
  case $1 in
    postgres) echo "127.0.0.1:5432" ;;
    kafka) echo "$KAFKA_BOOTSTRAP, data in ${RUN#"$ROOT/"}/kafka/data" ;;
    keycloak) echo "http://127.0.0.1:8180/realms/capaian" ;;
    mail) echo "smtp 127.0.0.1:1025, http://127.0.0.1:1080" ;;
    s3) echo "http://127.0.0.1:9000, bucket data in .infra/s3-data" ;;
  esac
}

# ---------------------------------------------------------------------------------------------
# Who started what: INFRA_STARTED_FILE / --caller (see the header)

STARTED_FILE="${INFRA_STARTED_FILE:-}"

record_started() {   # component: add it to $STARTED_FILE (a set of names on one line)
  [[ -n $STARTED_FILE ]] || return 0
  local have=""
  [[ -f $STARTED_FILE ]] && have="$(cat "$STARTED_FILE")"
  [[ " $have " == *" $1 "* ]] && return 0
  echo $have "$1" >"$STARTED_FILE"   # $have unquoted on purpose: normalises the spaces
}

forget_everywhere() {   # component: it was stopped; no started-by file under .run/ claims it any more
  local f rest
  for f in "$RUN"/started-by-*; do
    [[ -f $f ]] || continue
    rest="$(tr -s ' \n' '\n\n' <"$f" | grep -vx -- "$1" | tr '\n' ' ' | sed 's/ *$//')" || true
    if [[ -n $rest ]]; then echo "$rest" >"$f"; else rm -f "$f"; fi
  done
}

# ---------------------------------------------------------------------------------------------
# Commands

cmd_up() {
  local comps=("$@") c rc started=() failed=0
  declare -A t0=() launched=() already=()
  [[ ${#comps[@]} -gt 0 ]] || comps=("${ALL[@]}")
  # Launch Keycloak first (slowest: the others come up while it boots), but wait for it last,
  # so that each "ready in N s" is the component's own time, not the time spent waiting for another.
  local order=() waits=()
  for c in "${comps[@]}"; do [[ $c == keycloak ]] && order+=("$c"); done
  for c in "${comps[@]}"; do [[ $c != keycloak ]] && { order+=("$c"); waits+=("$c"); }; done
  for c in "${comps[@]}"; do [[ $c == keycloak ]] && waits+=("$c"); done

  for c in "${order[@]}"; do
    mkdir -p "$RUN/$c"
    t0[$c]=$EPOCHREALTIME
    rc=0; "launch_$c" || rc=$?
    case $rc in
      0) launched[$c]=1 ;;
      2) already[$c]=1 ;;
      *) err "$c: could not be started"; failed=1 ;;
    esac
  done

  for c in "${waits[@]}"; do
    TOPICS_NOTE=""
    if [[ -n ${already[$c]:-} ]]; then
      # Running already (maybe started by someone else a moment ago): still check that it is
      # ready, so that `up` returning 0 always means "usable now". For Kafka this also creates
      # topics added to topics.json since (idempotent).
      if "wait_$c" "${t0[$c]}"; then
        if [[ $c == postgres ]]; then say "postgres: already running (roles and databases ensured)"
        else say "$c: already running (pid $(pid_of "$c"))${TOPICS_NOTE:+, $TOPICS_NOTE}"; fi
      else
        err "$c: running but NOT ready"; [[ $c == postgres ]] || fail_tail "$c" "$(log_of "$c")"; failed=1
      fi
      continue
    fi
    [[ -n ${launched[$c]:-} ]] || continue
    if "wait_$c" "${t0[$c]}"; then
      local note=""; [[ -n $TOPICS_NOTE ]] && note=", $TOPICS_NOTE"
      say "$c: started, ready in $(elapsed "${t0[$c]}") s ($(url_of "$c")$note)"
      started+=("$c")
      record_started "$c"
    else
      [[ $c == postgres ]] || fail_tail "$c" "$(log_of "$c")"
      # Do not leave a half-started server behind.
      local pid; pid="$(pid_of "$c")"
      [[ -n $pid && $c != postgres ]] && stop_group "$c" "$pid"
      rm -f "$RUN/$c/pid"
      failed=1
    fi
  done
  say "started: ${started[*]:-}"
  return $failed
}

stop_one() {   # component
  local c=$1 pid
  pid="$(pid_of "$c")"
  # A test that stops a server on purpose and starts it again sets INFRA_KEEP_CLAIMS=1, so that
  # the caller who started it (npm test) still stops it at the end.
  [[ ${INFRA_KEEP_CLAIMS:-} == 1 ]] || forget_everywhere "$c"
  if [[ $c == postgres ]]; then
    # The machine's server: stopped only if this script started it (then the pid file exists).
    if [[ -z $pid ]]; then say "postgres: left running (not started by infra.sh)"; return 0; fi
    local ver; ver="$(ls /etc/postgresql | sort -V | tail -n 1)"
    pg_ctlcluster --skip-systemctl-redirect "$ver" main stop >>"$RUN/postgres/postgres.log" 2>&1 || true
    rm -f "$RUN/postgres/pid"; say "postgres: stopped"; return 0
  fi
  if [[ -z $pid ]]; then say "$c: not running"; return 0; fi
  if ! alive "$c"; then rm -f "$RUN/$c/pid"; say "$c: not running (stale pid file $pid removed)"; return 0; fi
  local t; t=$EPOCHREALTIME
  stop_group "$c" "$pid"
  rm -f "$RUN/$c/pid"
  say "$c: stopped in $(elapsed "$t") s"
}

cmd_down() {
  local comps=("$@") c listed
  if [[ -n $CALLER ]]; then
    [[ -s $STARTED_FILE ]] || { say "nothing started by '$CALLER'"; rm -f "$STARTED_FILE"; return 0; }
    listed=" $(cat "$STARTED_FILE") "
    for c in "${ALL[@]}"; do
      [[ $listed == *" $c "* ]] || continue
      [[ ${#comps[@]} -eq 0 || " ${comps[*]} " == *" $c "* ]] && down_list+=("$c")
    done
  else
    [[ ${#comps[@]} -gt 0 ]] && down_list=("${comps[@]}") || down_list=("${ALL[@]}")
  fi
  # Always in reverse dependency order (s3, mail, keycloak, kafka, postgres), whatever the order asked.
  for c in s3 mail keycloak kafka postgres; do
    [[ " ${down_list[*]:-} " == *" $c "* ]] && stop_one "$c"
  done
  return 0
}

rss_mb() {   # total RSS of process group $1, in MB
  ps -o rss= -g "$1" 2>/dev/null | awk '{ s += $1 } END { printf "%d", s / 1024 }'
}

cmd_status() {
  local comps=("$@") c pid state all_ok=0
  [[ ${#comps[@]} -gt 0 ]] || comps=("${ALL[@]}")
  for c in "${comps[@]}"; do
    pid="$(pid_of "$c")"
    case $c in
      postgres)
        if ! pg_isready "${PG_ARGS[@]}" -q; then state="DOWN"; all_ok=1
        elif [[ -n $pid ]]; then state="running (started by infra.sh, pid $pid)"
        else state="running (the machine's server)"; fi ;;
      *)
        if alive "$c"; then
          state="running, pid $pid, rss $(rss_mb "$pid") MB"
          case $c in
            kafka) port_open "$KAFKA_PORT" || state+=", NOT listening" ;;
            keycloak) curl -fsS -o /dev/null --max-time 2 http://127.0.0.1:9180/health/ready 2>/dev/null || state+=", NOT ready" ;;
            mail) curl -fsS -o /dev/null --max-time 2 http://127.0.0.1:1080/api/healthz 2>/dev/null || state+=", NOT ready" ;;
            s3) port_open 9000 || state+=", NOT listening" ;;
          esac
        elif [[ -n $pid ]]; then state="stopped (stale pid file $pid)"; all_ok=1
        else state="stopped"; all_ok=1; fi ;;
    esac
    printf '%-9s %s  [%s]\n' "$c" "$state" "$(url_of "$c")"
  done
  local f; for f in "$RUN"/started-by-*; do [[ -f $f ]] && say "${f##*/}: $(cat "$f")"; done
  return $all_ok
}

cmd_logs() {
  local c=${1:-} log
  is_component "$c" || { err "usage: infra.sh logs <${ALL[*]}> [-f]"; return 2; }
  log="$(log_of "$c")"
  [[ -f $log ]] || { err "no log yet: ${log#"$ROOT/"}"; return 1; }
  if [[ ${2:-} == -f ]]; then tail -n 100 -f "$log"; else tail -n 100 "$log"; fi
}

cmd_wipe() {   # component: delete its data, explicitly (up never does)
  [[ ${1:-} == kafka && $# -eq 1 ]] || { err "usage: infra.sh wipe kafka"; return 2; }
  if alive kafka; then
    err "kafka: running (pid $(pid_of kafka)); stop it first (infra.sh down kafka), then wipe"
    return 1
  fi
  rm -rf "$RUN/kafka/data"
  say "kafka: data deleted (${RUN#"$ROOT/"}/kafka/data); the next up formats a new, empty cluster"
}

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

CALLER=""
down_list=()

main() {
  local cmd=${1:-}; shift || true
  local args=() a
  while [[ $# -gt 0 ]]; do
    case $1 in
      --caller) CALLER=${2:?--caller needs a name}; shift 2 ;;
      --caller=*) CALLER=${1#--caller=}; shift ;;
      -f) args+=("$1"); shift ;;
      -*) err "unknown option: $1"; exit 2 ;;
      *) args+=("$1"); shift ;;
    esac
  done
  if [[ -n $CALLER ]]; then
    [[ $CALLER =~ ^[A-Za-z0-9._-]+$ ]] || { err "bad caller name: $CALLER"; exit 2; }
    STARTED_FILE="$RUN/started-by-$CALLER"
  fi
  if [[ $cmd == up || $cmd == down || $cmd == status ]]; then
    for a in "${args[@]+"${args[@]}"}"; do is_component "$a" || { err "unknown component: $a (${ALL[*]})"; exit 2; }; done
  fi
  mkdir -p "$RUN"
  case $cmd in
    up | down | topics | wipe)
      # One up/down at a time (two test runs starting together would both see "not running").
      # The lock is released when this script exits; spawn() keeps fd 9 out of the daemons.
      exec 9>"$RUN/.lock"
      flock 9 ;;
  esac
  case $cmd in
    up) cmd_up "${args[@]+"${args[@]}"}" ;;
    down) cmd_down "${args[@]+"${args[@]}"}" ;;
    status) cmd_status "${args[@]+"${args[@]}"}" ;;
    logs) cmd_logs "${args[@]+"${args[@]}"}" ;;
    topics)
      alive kafka || { err "kafka is not running (infra.sh up kafka)"; exit 1; }
      KAFKA_BROKERS="$KAFKA_BOOTSTRAP" node "$ROOT/infra/kafka/create-topics.js" ;;
    wipe) cmd_wipe "${args[@]+"${args[@]}"}" ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
