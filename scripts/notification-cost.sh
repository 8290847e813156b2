#!/usr/bin/env bash
# What notifications cost the load test's create scenario: starts the built jar on a fresh throw-away
# database with notifications off, then on (GANTRY_NOTIFICATIONS=false/true), ROUNDS times alternating
# so both see the same machine, runs scripts/load-test.sh against each and prints every run's
# create_task line and the median rate per mode. Run by hand after `mvn -B -DskipTests package`.
#
#   scripts/notification-cost.sh [ROUNDS=2] [extra load-test options, e.g. --seconds 20]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-2}"
shift || true
jar=gantry-server/target/gantry-server.jar
[ -f "$jar" ] || { echo "Build first: mvn -B -DskipTests package" >&2; exit 2; }
port="${GANTRY_PORT:-18090}"
email=load@gantry.test
password=load-test-password-1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

run() { # $1 = true|false
  local data="$work/data-$1-$RANDOM"
  GANTRY_PORT="$port" GANTRY_DATA_DIR="$data" GANTRY_ADMIN_EMAIL="$email" GANTRY_ADMIN_PASSWORD="$password" \
    GANTRY_NOTIFICATIONS="$1" java -Xmx1g -jar "$jar" > "$work/server-$1.log" 2>&1 &
  local server=$!
  for _ in $(seq 1 180); do
    grep -q "Gantry is ready" "$work/server-$1.log" && break
    sleep 1
  done
  local line
  line="$(scripts/load-test.sh --url "http://localhost:$port" --email "$email" --password "$password" "$@" 2>/dev/null \
    | grep '^create_task' || echo 'create_task rps=0 failed')"
  kill "$server"
  wait "$server" || true
  echo "notifications=$1 $line"
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
  printf '%s\n' "${results[@]}" | grep "notifications=$mode " | sed 's/.*rps=\([0-9]*\).*/\1/' | sort -n \
    | awk -v mode="$mode" '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "median create_task rps with notifications=%s: %s over %d runs\n", mode, m, NR }'
done
