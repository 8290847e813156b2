#!/usr/bin/env bash
# Measures GET /api/v1/projects/{key}/dashboard on a 10,000-task, 15,000-link project and prints the
# median and 95th percentile of the request time and of the server's computation (scripts/dashboard-measure.py
# says how). Starts the built jar (gantry-server/target/gantry-server.jar, as `mvn verify` leaves it) with a
# throw-away embedded database unless GANTRY_URL, GANTRY_ADMIN_EMAIL and GANTRY_ADMIN_PASSWORD name a running
# server; TASKS, LINKS, RUNS and PROJECT as in gantt-measure.sh.
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
  jar="$repo_root/gantry-server/target/gantry-server.jar"
  [ -f "$jar" ] || { echo "gantt-measure.sh: build the server first (no $jar)" >&2; exit 1; }
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
python3 "$repo_root/scripts/dashboard-measure.py"
