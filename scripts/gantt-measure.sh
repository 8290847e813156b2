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
# measures an existing project instead of seeding one; JAR names another built jar (an earlier build, measured
# beside this one in the same sitting). Needs python3, Maven and /usr/bin/chromium (or
# CHROMIUM): the page is driven by Playwright for Java (scripts/gantt-dev/browser.py).
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=measured-server.sh
source "$repo_root/scripts/measured-server.sh"
measured_server_start gantt-measure.sh
python3 "$repo_root/scripts/gantt-measure.py"
