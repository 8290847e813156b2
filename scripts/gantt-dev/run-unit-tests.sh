#!/usr/bin/env bash
# Runs the Gantt chart's unit tests (unit-tests.js) in headless Chromium and prints the results;
# exits non-zero when a test fails. Needs python3 and Chromium (or set CHROMIUM).
set -euo pipefail

chromium="${CHROMIUM:-/usr/bin/chromium}"
repo_root="$(cd "$(dirname "$0")/../.." && pwd)"
work_dir="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
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

"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$work_dir/profile" \
  --dump-dom "http://127.0.0.1:$port/scripts/gantt-dev/unit-tests.html" 2>/dev/null \
  | python3 -c '
import html, re, sys
page = sys.stdin.read()
match = re.search(r"<pre id=\"results\">(.*?)</pre>", page, re.S)
text = html.unescape(match.group(1)) if match else "UNIT_TESTS did not run\n"
print(text, end="")
sys.exit(0 if re.search(r"UNIT_TESTS passed=\d+ failed=0", text) else 1)
'
