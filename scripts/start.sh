#!/usr/bin/env bash
# npm start: installs what is missing, starts PostgreSQL databases, Kafka, Keycloak, the S3 store and the mail
# sink, builds every service, migrates its database, loads the Palembang demo data, starts the
# services in the background and prints where to go. `npm stop` stops everything again.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export NX_DAEMON=false KAFKAJS_NO_PARTITIONER_WARNING=1

ensure_node_modules
mkdir -p "$RUN_DIR/services"

log "starting infrastructure (PostgreSQL databases, Kafka, Keycloak, mail sink, S3 store)"
bash infra/infra.sh up

log "building services"
npx nx run-many -t build --projects="$(IFS=,; echo "${SERVICES[*]}")" --output-style=static

log "building the staff portal (served by the gateway at /)"
npx nx run portal:build --output-style=static
export PORTAL_DIR="$ROOT/dist/apps/portal"
# The gateway's rate-limit counters live in Redis, shared by every gateway replica (docs/deploy.md).
# Without a reachable Redis the gateway still serves, counting nothing until Redis is back.
export RATE_LIMIT_REDIS_URL="${RATE_LIMIT_REDIS_URL:-redis://127.0.0.1:6379}"

for svc in "${DB_SERVICES[@]}"; do
  log "migrating the $svc database"
  node "$(service_entry "$svc" migrate)"
done

# Demo data is loaded only when missing (each seed checks first), so what users changed through the
# platform is never imported over; a demo step that fails warns and the start goes on without it.
if [ -f "$(service_entry personnel seed)" ]; then
  log "demo data for Kota Palembang (loaded only when missing; the first run takes a while)"
  node "$(service_entry personnel seed)" || log "WARNING: personnel demo data not loaded; the platform starts without it. Retry: node $(service_entry personnel seed)"
fi

# Career's demo (partners, programs with sessions open for registration, budgets) needs no personnel data.
if [ -f "$(service_entry career seed)" ]; then
  log "career demo data (partners, programs with open sessions, budgets; loaded only when missing)"
  node "$(service_entry career seed)" || log "WARNING: career demo data not loaded; the platform starts without it. Retry: node $(service_entry career seed)"
fi

for svc in "${SERVICES[@]}"; do
  pidfile="$RUN_DIR/services/$svc.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    log "$svc already running (pid $(cat "$pidfile"))"
    continue
  fi
  # shellcheck disable=SC2086 # the flags are words
  ( [ -n "$SERVICE_MALLOC_MMAP_THRESHOLD" ] && export MALLOC_MMAP_THRESHOLD_="$SERVICE_MALLOC_MMAP_THRESHOLD"
    exec nohup node $(service_node_flags "$svc") "$(service_entry "$svc" main)" >"$RUN_DIR/services/$svc.log" 2>&1 ) &
  echo $! >"$pidfile"
done

for svc in "${SERVICES[@]}"; do
  port=${SERVICE_PORT[$svc]}
  for i in $(seq 1 60); do
    if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$(cat "$RUN_DIR/services/$svc.pid")" 2>/dev/null; then
      log "$svc failed to start; last lines of $RUN_DIR/services/$svc.log:"
      tail -30 "$RUN_DIR/services/$svc.log"
      exit 1
    fi
    if [ "$i" = 60 ]; then log "$svc is not ready after 60 s: see $RUN_DIR/services/$svc.log"; exit 1; fi
    sleep 1
  done
  log "$svc ready on http://127.0.0.1:$port"
done

# Appraisal's demo (cadence per OPD, the demo users' SKPs) needs personnel's demo people with their
# penilai in its projection, which the running appraisal service consumes from Kafka: when the SKPs
# are missing it waits for them (at most 180 s, printing its progress), and never stops the start.
if [ -f "$(service_entry appraisal seed)" ]; then
  log "appraisal demo data (cadences, SKPs of the demo users; loaded only when missing)"
  node "$(service_entry appraisal seed)" || log "WARNING: appraisal demo data not loaded; the platform runs without it. Retry: node $(service_entry appraisal seed)"
fi

cat <<INFO

Capaian is running.

  Staff portal     http://127.0.0.1:3000/            (sign in with a demo account below)
  API gateway      http://127.0.0.1:3000/api/v1/<layanan>/...
  API docs         http://127.0.0.1:3000/api/docs
  Health           http://127.0.0.1:3000/health
  Keycloak (SSO)   http://127.0.0.1:8180/admin   (admin / admin), realm "capaian"
  Mail sink        http://127.0.0.1:1080        (every e-mail the platform sends)
  Object store     http://127.0.0.1:9000        (S3 API, S3Proxy; files in .infra/s3-data)
  Logs             .run/services/<service>.log, .run/<component>/

Demo accounts (username = NIP, password: capaian-demo):
  197906012005011002  Hendra Saputra   admin-bkpsdm (BKPSDM)
  197512251998031001  Ahmad Fauzi      pimpinan (Kepala DISKOMINFO)
  198507222010012003  Siti Rahmawati   pimpinan (kepala bidang, atasan Dimas dan Putri)
  198811102012121001  Rudi Hartono     admin-opd (DISKOMINFO)
  199203152019031004  Dimas Pratama    pegawai (PNS)
  199505052023212005  Putri Lestari    pegawai (PPPK)

Try it:
  TOKEN=\$(curl -s http://127.0.0.1:8180/realms/capaian/protocol/openid-connect/token \\
    -d grant_type=password -d client_id=capaian-tests -d client_secret=capaian-tests-secret \\
    -d username=199203152019031004 -d password=capaian-demo | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')
  curl -s -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:3000/api/v1/personnel/whoami

Stop everything with: npm stop
INFO
