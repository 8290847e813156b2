#!/usr/bin/env bash
# Builds Gantry when needed and starts it. Needs only Java 17 and Maven. Arguments go to the server,
# e.g. ./run.sh --demo  or  ./run.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f gantry-server/target/gantry-server.jar ] || [ "${GANTRY_REBUILD:-}" = "1" ]; then
  mvn -B -q -DskipTests package
fi
exec java -jar gantry-server/target/gantry-server.jar "$@"
