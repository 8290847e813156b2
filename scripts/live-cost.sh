#!/usr/bin/env bash
# What notifications and live updates together cost the load test's create scenario: starts the built jar
# on a fresh throw-away database with both off (GANTRY_NOTIFICATIONS=false GANTRY_LIVE=false), then both on,
# ROUNDS times alternating so both see the same machine, and runs scripts/load-test.sh against each. With
# them on, VIEWERS live streams (curl, as browsers would hold them) follow the load test's project from the
# moment it is seeded, so every create is numbered, NOTIFYed, LISTENed to and sent to them. Prints every
# run's create_task line (and how many events the viewers received) and the median rate per mode.
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

run() { # $1 = true|false
  local mode="$1"
  shift
  local data="$work/data-$mode-$RANDOM"
  GANTRY_PORT="$port" GANTRY_DATA_DIR="$data" GANTRY_ADMIN_EMAIL="$email" GANTRY_ADMIN_PASSWORD="$password" \
    GANTRY_NOTIFICATIONS="$mode" GANTRY_LIVE="$mode" java -Xmx1g -jar "$jar" > "$work/server-$mode.log" 2>&1 &
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
  wait "$load" || true
  local line events=0
  line="$(grep '^create_task' "$work/load-$mode.out" || echo 'create_task rps=0 failed')"
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
for _ in $(seq 1 "$rounds"); do
  for mode in false true; do
    line="$(run "$mode" "$@")"
    echo "$line"
    results+=("$line")
  done
done
for mode in false true; do
  printf '%s\n' "${results[@]}" | grep "notifications=$mode " | sed 's/.*create_task rps=\([0-9]*\).*/\1/' | sort -n \
    | awk -v mode="$mode" '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "median create_task rps with live updates and notifications=%s: %s over %d runs\n", mode, m, NR }'
done
