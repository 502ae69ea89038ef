#!/usr/bin/env bash
# Runs the Playwright tests in end2end/ against the release build (`make build` first; `make
# test-e2e` does both). The Playwright config starts the servers itself (end2end/serve.sh);
# TEST_DATABASE_URL, CARGO_TARGET_DIR and CHROMIUM_PATH pass through from the environment.
# Extra arguments go to `playwright test`, e.g. scripts/e2e.sh --grep login
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

bash "$ROOT/scripts/chromium.sh"

# The PostgreSQL browser tests make their database with psql (end2end/serve.sh).
if [[ -n "${TEST_DATABASE_URL:-}" ]] && ! command -v psql >/dev/null; then
  if [[ "$(id -u)" == 0 ]]; then
    echo "  e2e: installing Debian's postgresql-client (psql)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
  else
    echo "e2e: TEST_DATABASE_URL is set but psql is missing: sudo apt-get install postgresql-client" >&2
    exit 1
  fi
fi

cd "$ROOT/end2end"
[[ -f package-lock.json ]] || { echo "e2e: end2end/package-lock.json is missing (run 'npm install' in end2end/ and commit the lock file)" >&2; exit 1; }

# npm ci only when node_modules is missing or the lock file changed since the last install.
stamp=node_modules/.v2mom-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -d node_modules || ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "  e2e: npm ci (end2end/package-lock.json changed or node_modules missing)"
  npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
fi

exec npx --no-install playwright test "$@"
