#!/usr/bin/env bash
# Load test of a running Gantry server (run by hand, not in CI). Seeds a fresh project of 2,000 tasks
# through the REST API, then drives three scenarios with 16 concurrent clients for 20 s each and prints
# one line per scenario: <scenario> rps=<n> p50_ms=<n> p99_ms=<n> errors=<n>
#
#   scripts/load-test.sh --url http://localhost:8080 --email admin@example.com --password '...'
#
# GANTRY_URL, GANTRY_ADMIN_EMAIL and GANTRY_ADMIN_PASSWORD work instead of the options. More options:
# --tasks 2000 --clients 16 --seconds 20 --warm-up 5 (uncounted seconds before each scenario).
set -euo pipefail
exec java -Xmx512m "$(dirname "$0")/load-test/LoadTest.java" "$@"
