#!/usr/bin/env bash
# Measures the Gantt chart in headless Chromium using the dev page's own instrumentation
# (index.html?measure=1, see measure.js) and prints one figure a line:
#
#   first_render_ms=...        script start to the second animation frame after createGantt()
#   scroll_p95_frame_ms=...    95th percentile of frame intervals while scrolling for 3 s
#
# followed by the other figures the page reports. Usage:
#
#   scripts/gantt-dev/measure.sh [tasks] [links]      (default 10000 15000)
#
# Needs python3 and Chromium (/usr/bin/chromium, or set CHROMIUM). Serves the repository on a free
# loopback port for the duration of the run; nothing leaves the machine.
set -euo pipefail

tasks="${1:-10000}"
links="${2:-15000}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
repo_root="$(cd "$(dirname "$0")/../.." && pwd)"
work_dir="$(mktemp -d)"
server_pid=""
browser_pid=""

cleanup() {
  [ -n "$browser_pid" ] && kill "$browser_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  # Chromium's helper processes may still be closing files in the profile for a moment.
  rm -rf "$work_dir" 2>/dev/null || { sleep 1; rm -rf "$work_dir"; }
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$repo_root" >"$work_dir/http.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
  sleep 0.1
done

url="http://127.0.0.1:$port/scripts/gantt-dev/index.html?tasks=$tasks&links=$links&measure=1"
# The renderer must not be throttled as a background page: frame timing is what we measure.
"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$work_dir/profile" \
  --disable-renderer-backgrounding --disable-background-timer-throttling \
  --disable-backgrounding-occluded-windows --window-size=1400,900 \
  --enable-logging=stderr --v=0 "$url" 2>"$work_dir/chromium.log" &
browser_pid=$!

result=""
for _ in $(seq 600); do
  result="$(grep -o 'GANTT_MEASURE[^"]*' "$work_dir/chromium.log" | head -n 1 || true)"
  [ -n "$result" ] && break
  if ! kill -0 "$browser_pid" 2>/dev/null; then break; fi
  sleep 0.1
done

if [ -z "$result" ]; then
  echo "measure.sh: the page reported no result; Chromium's log follows" >&2
  grep -v dbus "$work_dir/chromium.log" | tail -n 30 >&2
  exit 1
fi

fields="${result#GANTT_MEASURE }"
for field in $fields; do
  case "$field" in first_render_ms=* | scroll_p95_frame_ms=*) echo "$field" ;; esac
done
for field in $fields; do
  case "$field" in first_render_ms=* | scroll_p95_frame_ms=*) ;; *) echo "$field" ;; esac
done
