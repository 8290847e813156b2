#!/usr/bin/env bash
# What notifications and live updates together cost the load test's create scenario: starts the built jar
# on a fresh throw-away database with both off (GANTRY_NOTIFICATIONS=false GANTRY_LIVE=false), then both on,
# ROUNDS times alternating so both see the same machine, and runs scripts/load-test.sh against each. With
# them on, VIEWERS live streams (curl, as browsers would hold them) follow the load test's project from the
# moment it is seeded, so every create is numbered, NOTIFYed, LISTENed to and sent to them. Prints every
# run's create_task line (and how many events the viewers received, and the CPU the server's JVM and its
# PostgreSQL used per created task during the create scenario, which a busy machine disturbs less than the
# rate) and the medians per mode. LIVE_ONLY=1 keeps notifications on in both modes (live updates alone).
# Run by hand after `mvn -B -DskipTests package`.
#
#   scripts/live-cost.sh [ROUNDS=2] [VIEWERS=4] [extra load-test options, e.g. --seconds 20]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-2}"
viewers="${2:-4}"
shift 2 || shift $# || true
jar=gantry-server/target/gantry-server.jar
[ -f "$jar" ] || { echo "Build first: mvn -B -DskipTests package" >&2; exit 2; }
port="${GANTRY_PORT:-18091}"
email=load@gantry.test
password=load-test-password-1
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

cpu_ticks() { # $1 = the JVM's pid, $2 = its data folder: user+system clock ticks of the JVM and its PostgreSQL
  local pids="$1" postmaster
  postmaster="$(pgrep -f -- "$2/postgres" | head -1 || true)"
  [ -n "$postmaster" ] && pids="$pids $postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')"
  local total=0 pid
  for pid in $pids; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  echo "$total"
}

run() { # $1 = true|false
  local mode="$1"
  shift
  local data="$work/data-$mode-$RANDOM"
  GANTRY_PORT="$port" GANTRY_DATA_DIR="$data" GANTRY_ADMIN_EMAIL="$email" GANTRY_ADMIN_PASSWORD="$password" \
    GANTRY_NOTIFICATIONS="$([ "${LIVE_ONLY:-0}" = 1 ] && echo true || echo "$mode")" GANTRY_LIVE="$mode" java -Xmx1g -jar "$jar" > "$work/server-$mode.log" 2>&1 &
  local server=$!
  for _ in $(seq 1 180); do
    grep -q "Gantry is ready" "$work/server-$mode.log" && break
    sleep 1
  done
  scripts/load-test.sh --url "http://localhost:$port" --email "$email" --password "$password" "$@" \
    > "$work/load-$mode.out" 2> "$work/load-$mode.err" &
  local load=$!
  local streams=()
  if [ "$mode" = true ] && [ "$viewers" -gt 0 ]; then
    local token key
    token="$(curl -s -X POST "http://localhost:$port/api/v1/auth/tokens" -H 'Content-Type: application/json' \
      -d "{\"email\":\"$email\",\"password\":\"$password\",\"name\":\"viewers\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')"
    for _ in $(seq 1 600); do
      key="$(sed -n 's/^Seeded project \([A-Z0-9]*\) .*/\1/p' "$work/load-$mode.err")"
      [ -n "$key" ] && break
      sleep 0.5
    done
    for i in $(seq 1 "$viewers"); do
      curl -sN -H "Authorization: Bearer $token" "http://localhost:$port/api/v1/projects/$key/events" \
        > "$work/viewer-$i.txt" 2>/dev/null &
      streams+=($!)
    done
  fi
  # CPU of the JVM and of PostgreSQL (postmaster and backends) while the create scenario runs.
  for _ in $(seq 1 1200); do
    grep -q '^read_task_with_links' "$work/load-$mode.out" && break
    sleep 0.25
  done
  local before after
  before="$(cpu_ticks "$server" "$data")"
  wait "$load" || true
  after="$(cpu_ticks "$server" "$data")"
  local line events=0
  line="$(grep '^create_task' "$work/load-$mode.out" || echo 'create_task rps=0 failed')"
  local rps seconds
  rps="$(echo "$line" | sed 's/.*rps=\([0-9]*\).*/\1/')"
  seconds=25 # the scenario's 20 s and its 5 s of warm-up (the defaults)
  line="$line cpu_ms_per_create=$(awk -v b="$before" -v a="$after" -v r="$rps" -v s="$seconds" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { if (r > 0) printf "%.1f", (a - b) * 1000 / hz / (r * s); else print "n/a" }')"
  for pid in "${streams[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ "$mode" = true ] && [ "$viewers" -gt 0 ]; then
    events="$(cat "$work"/viewer-*.txt | grep -cE '^event: ?changed' || true)"
    line="$line viewers=$viewers changed_events_received=$events"
  fi
  kill "$server"
  wait "$server" || true
  echo "live+notifications=$mode $line"
}

results=()
for round in $(seq 1 "$rounds"); do
  order="false true"
  [ $((round % 2)) = 0 ] && order="true false"
  for mode in $order; do
    line="$(run "$mode" "$@")"
    echo "$line"
    results+=("$line")
  done
done
for mode in false true; do
  for figure in rps cpu_ms_per_create; do
    printf '%s\n' "${results[@]}" | grep "notifications=$mode " | sed "s/.* $figure=\([0-9.]*\).*/\1/" | sort -n \
      | awk -v mode="$mode" -v figure="$figure" '{ v[NR] = $1 }
          END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
                printf "median create_task %s with live updates and notifications=%s: %s over %d runs\n", figure, mode, m, NR }'
  done
done
