#!/usr/bin/env bash
# Measures the board of a 2,000-task project (issue 13: it must open in under 1 s and a card move answer in
# under 100 ms) and prints medians and 95th percentiles beside a same-run baseline, the GET of one task
# (scripts/board-measure.py says how). Starts the built jar (gantry-server/target/gantry-server.jar, as
# `mvn verify` leaves it) with a throw-away embedded database unless GANTRY_URL, GANTRY_ADMIN_EMAIL and
# GANTRY_ADMIN_PASSWORD name a running server; TASKS (2000), LINKS (2000), RUNS (30) and PROJECT as in
# gantt-measure.sh; CHROMIUM (/usr/bin/chromium) for the page load in a browser, BROWSER=0 to skip it;
# JAR names another built jar (to measure an earlier build beside this one in the same sitting).
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
server_pid=""
work_dir="$(mktemp -d)"
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work_dir"
}
trap cleanup EXIT

if [ -z "${GANTRY_URL:-}" ]; then
  jar="${JAR:-$repo_root/gantry-server/target/gantry-server.jar}"
  [ -f "$jar" ] || { echo "board-measure.sh: build the server first (no $jar)" >&2; exit 1; }
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  export GANTRY_URL="http://127.0.0.1:$port"
  export GANTRY_ADMIN_EMAIL="admin@measure.test"
  export GANTRY_ADMIN_PASSWORD="measure-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
  java -Xmx1g -jar "$jar" --server.port="$port" --server.address=127.0.0.1 --gantry.db.url= \
    --gantry.db.ephemeral=true --gantry.demo=false --gantry.admin.email="$GANTRY_ADMIN_EMAIL" \
    --gantry.admin.password="$GANTRY_ADMIN_PASSWORD" >"$work_dir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 240); do
    curl -s -o /dev/null "$GANTRY_URL/login" && break
    kill -0 "$server_pid" 2>/dev/null || { tail -n 40 "$work_dir/server.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "server started at $GANTRY_URL" >&2
fi
TASKS="${TASKS:-2000}" LINKS="${LINKS:-2000}" python3 "$repo_root/scripts/board-measure.py"
