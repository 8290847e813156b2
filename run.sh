#!/usr/bin/env bash
# Builds Gantry when needed and starts it. Needs only Java 17 and Maven. Arguments go to the server,
# e.g. ./run.sh --demo  or  ./run.sh --server.port=9090
#
# The first run after a build also prepares a class-data-sharing archive (a training start on a
# throw-away database, about 20 s), which halves the start-up time of every later start.
set -euo pipefail
cd "$(dirname "$0")"
JAR=gantry-server/target/gantry-server.jar
APP=gantry-server/target/app
if [ ! -f "$JAR" ] || [ "${GANTRY_REBUILD:-}" = "1" ]; then
  mvn -B -q -DskipTests package
fi
if [ ! -f "$APP/gantry.jsa" ] || [ "$JAR" -nt "$APP/gantry.jsa" ]; then
  echo "Preparing faster start-up (once per build)..."
  rm -rf "$APP"
  java -Djarmode=tools -jar "$JAR" extract --destination "$APP" >/dev/null
  if ! java -XX:ArchiveClassesAtExit="$APP/gantry.jsa" -Dspring.context.exit=onRefresh \
      -Dgantry.db.url= -Dgantry.db.ephemeral=true -Dserver.port=0 \
      -jar "$APP/gantry-server.jar" >"$APP/training.log" 2>&1; then
    echo "(could not prepare it, see $APP/training.log; starting without)"
    rm -f "$APP/gantry.jsa"
  fi
fi
if [ -f "$APP/gantry.jsa" ]; then
  exec java -XX:SharedArchiveFile="$APP/gantry.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$APP/gantry-server.jar" "$@"
fi
exec java -jar "$JAR" "$@"
