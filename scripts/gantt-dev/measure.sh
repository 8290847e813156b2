#!/usr/bin/env bash
# Measures the Gantt chart in headless Chromium using the dev page's own instrumentation
# (index.html?measure=1, see measure.js) and prints, one a line:
#
#   first_render_ms=...        dev page script start to the second animation frame after
#                              createGantt() (includes generating the project)
#   scroll_p95_frame_ms=...    95th percentile of frame intervals while scrolling for 3 s
#
# then the other figures (component-only render time, mean and worst frame, frames over 17 ms,
# DOM size) and the machine's load average. With RUNS > 1 each figure is the median over the runs
# and every run's line is printed to stderr. Usage:
#
#   scripts/gantt-dev/measure.sh [tasks] [links]      (default 10000 15000; RUNS=3 by default)
#
# Needs python3 and Chromium (/usr/bin/chromium, or set CHROMIUM). Serves the repository on a free
# loopback port for the duration of the run; nothing leaves the machine.
set -euo pipefail

tasks="${1:-10000}"
links="${2:-15000}"
runs="${RUNS:-3}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
repo_root="$(cd "$(dirname "$0")/../.." && pwd)"
work_dir="$(mktemp -d)"
server_pid=""
browser_pid=""

stop_browser() {
  if [ -n "$browser_pid" ]; then
    kill "$browser_pid" 2>/dev/null || true
    wait "$browser_pid" 2>/dev/null || true
    browser_pid=""
  fi
}

cleanup() {
  stop_browser
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

measure_once() {
  local log="$work_dir/chromium-$1.log"
  # A background renderer would be throttled; frame timing is what we measure.
  "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$work_dir/profile-$1" \
    --disable-renderer-backgrounding --disable-background-timer-throttling \
    --disable-backgrounding-occluded-windows --window-size=1400,900 \
    --enable-logging=stderr --v=0 "$url" 2>"$log" &
  browser_pid=$!
  local result=""
  for _ in $(seq 600); do
    result="$(grep -o 'GANTT_MEASURE[^"]*' "$log" | head -n 1 || true)"
    [ -n "$result" ] && break
    kill -0 "$browser_pid" 2>/dev/null || break
    sleep 0.1
  done
  stop_browser
  if [ -z "$result" ]; then
    echo "measure.sh: the page reported no result; Chromium's log follows" >&2
    grep -v dbus "$log" | tail -n 30 >&2
    exit 1
  fi
  echo "${result#GANTT_MEASURE }"
}

results=()
for run in $(seq "$runs"); do
  results+=("$(measure_once "$run")")
  [ "$runs" -gt 1 ] && echo "run $run: ${results[-1]}" >&2
done

# Median of each field over the runs, the two headline figures first.
printf '%s\n' "${results[@]}" | python3 -c '
import statistics, sys
runs = [dict(field.split("=", 1) for field in line.split()) for line in sys.stdin if line.strip()]
keys = ["first_render_ms", "scroll_p95_frame_ms"] + [k for k in runs[0] if k not in ("first_render_ms", "scroll_p95_frame_ms")]
for key in keys:
    value = statistics.median(float(run[key]) for run in runs)
    print(f"{key}={value:g}")
'
echo "runs=$runs"
echo "load_average=$(cut -d ' ' -f 1-3 /proc/loadavg | tr ' ' ',')"
