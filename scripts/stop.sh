#!/usr/bin/env bash
# npm stop: stops the services started by npm start, then the infrastructure.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
# The gateway first so no new requests arrive, then the services; each drains on SIGTERM.
for svc in gateway notification career appraisal personnel; do
  pidfile="$RUN_DIR/services/$svc.pid"
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    log "$svc stopped"
  fi
  rm -f "$pidfile"
done
bash infra/infra.sh down
