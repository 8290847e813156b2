#!/usr/bin/env bash
# Measures the Gantt view of a 10,000-task, 15,000-link project and prints, one a line:
#
#   first_render_ms=...       navigation start to the chart's first full frame in headless Chromium
#                             (page, fetch of GET /api/v1/projects/{key}/gantt, drawing)
#   scroll_p95_frame_ms=...   95th percentile of frame intervals while scrolling 2,400 px/s for 3 s
#   reschedule_ms=...         server time to reschedule and store the project after one duration edit
#                             (median over 7 tasks drawn across the project, from the answer's
#                             Server-Timing header)
#   reschedule_worst_case_ms  the same for an edit of the first task, which moves nearly every task
#
# With GANTRY_URL, GANTRY_ADMIN_EMAIL and GANTRY_ADMIN_PASSWORD it measures that running server
# (and seeds a new project there through the CSV import API). Without GANTRY_URL it starts the
# built jar (gantry-server/target/gantry-server.jar; build it with
# `mvn -B -pl gantry-server -am install -DskipTests`) on a free loopback port with a throw-away
# embedded database, and stops it afterwards. TASKS, LINKS and EDITS change the size; PROJECT
# measures an existing project instead of seeding one. Needs python3, Maven and /usr/bin/chromium (or
# CHROMIUM): the page is driven by Playwright for Java (scripts/gantt-dev/browser.py).
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
python3 "$repo_root/scripts/gantt-measure.py"
