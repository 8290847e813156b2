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
# shellcheck source=measured-server.sh
source "$repo_root/scripts/measured-server.sh"
measured_server_start board-measure.sh
TASKS="${TASKS:-2000}" LINKS="${LINKS:-2000}" python3 "$repo_root/scripts/board-measure.py"
