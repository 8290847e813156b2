# Sourced by the *-measure.sh scripts: starts the built jar for a measurement and stops it on exit.
#
# Without GANTRY_URL, starts JAR (default gantry-server/target/gantry-server.jar, as `mvn verify` leaves it)
# on a free loopback port with a throw-away embedded database and exports GANTRY_URL, GANTRY_ADMIN_EMAIL and
# GANTRY_ADMIN_PASSWORD for the measuring script; with GANTRY_URL (and the admin's e-mail and password) it
# measures that running server and starts nothing. JAR lets an earlier build be measured beside this one in
# the same sitting. The caller names itself in $1 for the error messages.
measured_server_pid=""
measured_server_dir="$(mktemp -d)"
measured_server_stop() {
  if [ -n "$measured_server_pid" ]; then
    kill "$measured_server_pid" 2>/dev/null || true
    wait "$measured_server_pid" 2>/dev/null || true
  fi
  rm -rf "$measured_server_dir"
}
trap measured_server_stop EXIT

measured_server_start() {
  local caller="$1"
  [ -n "${GANTRY_URL:-}" ] && return 0
  local jar="${JAR:-$repo_root/gantry-server/target/gantry-server.jar}"
  [ -f "$jar" ] || { echo "$caller: build the server first (no $jar)" >&2; exit 1; }
  local port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  export GANTRY_URL="http://127.0.0.1:$port"
  export GANTRY_ADMIN_EMAIL="admin@measure.test"
  export GANTRY_ADMIN_PASSWORD="measure-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
  java -Xmx1g -jar "$jar" --server.port="$port" --server.address=127.0.0.1 --gantry.db.url= \
    --gantry.db.ephemeral=true --gantry.demo=false --gantry.admin.email="$GANTRY_ADMIN_EMAIL" \
    --gantry.admin.password="$GANTRY_ADMIN_PASSWORD" >"$measured_server_dir/server.log" 2>&1 &
  measured_server_pid=$!
  for _ in $(seq 240); do
    curl -s -o /dev/null "$GANTRY_URL/login" && break
    kill -0 "$measured_server_pid" 2>/dev/null || { tail -n 40 "$measured_server_dir/server.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "server started at $GANTRY_URL" >&2
}
