#!/usr/bin/env bash
# Runs every test: unit tests, integration tests on embedded PostgreSQL, and browser tests in
# headless Chromium. Installs Debian's Chromium first when it is missing (browser tests need it).
# Extra arguments go to Maven, e.g. ./test.sh -Poracles to add the suites that read ../shared/oracles.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Playwright drives Debian's Chromium; it must never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec mvn -B verify "$@"
