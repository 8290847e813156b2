#!/usr/bin/env bash
# Measures GET /api/v1/projects/{key}/dashboard on a 10,000-task, 15,000-link project and prints the
# median and 95th percentile of the request time and of the server's computation (scripts/dashboard-measure.py
# says how). Starts the built jar (gantry-server/target/gantry-server.jar, as `mvn verify` leaves it) with a
# throw-away embedded database unless GANTRY_URL, GANTRY_ADMIN_EMAIL and GANTRY_ADMIN_PASSWORD name a running
# server; TASKS, LINKS, RUNS and PROJECT as in gantt-measure.sh.
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=measured-server.sh
source "$repo_root/scripts/measured-server.sh"
measured_server_start dashboard-measure.sh
python3 "$repo_root/scripts/dashboard-measure.py"
