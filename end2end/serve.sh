#!/usr/bin/env bash
# Start the release binary for the browser tests with a fresh, empty database.
# Usage: serve.sh <sqlite|postgres|cluster|demo|demo-postgres> <port>   (Playwright's webServer calls this)
# `demo`, `demo-postgres`: SQLite or PostgreSQL filled by `v2mom demo` first, whose output
# (how to sign in) is kept in demo.txt in the data directory for the tests (tests/demo.ts).
# `cluster`: three processes on one PostgreSQL database behind HAProxy on <port>, configured
# by docs/haproxy.cfg, the processes on <port>+101..103 (`make test-cluster`).
set -euo pipefail

usage() { echo "usage: $0 <sqlite|postgres|cluster|demo|demo-postgres> <port>" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
BACKEND="$1"
PORT="$2"

# Resolve paths absolutely: Playwright may start us from any directory.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/.." && pwd)"

source "$REPO_ROOT/scripts/server-env.sh"
BIN="$(server_bin serve.sh)"

# Compiled CSS/JS/WASM that the server hands to the browser.
export V2MOM_SITE_ROOT="${V2MOM_SITE_ROOT:-$REPO_ROOT/target/site}"
if [[ ! -d "$V2MOM_SITE_ROOT/pkg" ]]; then
  echo "serve.sh: warning: $V2MOM_SITE_ROOT/pkg is missing; pages will not hydrate (run \`make build\`)" >&2
fi

# A data directory of its own per backend, emptied at every start (so nothing piles up).
export V2MOM_DATA_DIR="$REPO_ROOT/target/e2e-data/$BACKEND"
rm -rf "$V2MOM_DATA_DIR" && mkdir -p "$V2MOM_DATA_DIR"
# Open registration is off by default; on here so its page can be tested (nothing else
# depends on it being off).
export V2MOM_OPEN_REGISTRATION=true
# The webhook spec's receiver listens on this machine, which webhooks may not reach unless
# allowed.
export V2MOM_WEBHOOK_ALLOW_PRIVATE_TARGETS=true
# Request logs would drown the test report; warnings and errors still show.
export V2MOM_LOG_LEVEL="${V2MOM_LOG_LEVEL:-warn}"

# Single sign-on through the test issuer (oidc-issuer.mjs, started by playwright.config.ts on
# E2E_PORT_BASE + 10), configured the way a deployment would: a TOML file. Verified emails
# link to existing accounts; addresses at jit.example get an account on first sign-in.
ISSUER_URL="${E2E_ISSUER_URL:-http://127.0.0.1:$(( ${E2E_PORT_BASE:-3470} + 10 ))}"
export V2MOM_CONFIG="$V2MOM_DATA_DIR/e2e-config.toml"
cat > "$V2MOM_CONFIG" <<EOF
[[sso_providers]]
slug = "acme-id"
name = "Acme ID"
kind = "oidc"
issuer_url = "$ISSUER_URL"
client_id = "v2mom-e2e"
client_secret = "e2e-secret"
link_verified_emails = true
allowed_domains = ["jit.example"]
EOF

case "$BACKEND" in
  sqlite)
    unset DATABASE_URL
    ;;
  demo)
    unset DATABASE_URL
    "$BIN" demo >"$V2MOM_DATA_DIR/demo.txt"
    ;;
  postgres|cluster|demo-postgres)
    : "${TEST_DATABASE_URL:?serve.sh $BACKEND needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres}"
    if ! command -v psql >/dev/null; then
      echo "serve.sh: psql not found; install the PostgreSQL client (apt-get install postgresql-client)" >&2
      exit 1
    fi
    # Same server and credentials as TEST_DATABASE_URL, but database v2mom_e2e_<backend> (query string kept).
    database="v2mom_e2e_${BACKEND//-/_}"
    base="${TEST_DATABASE_URL%%\?*}"
    query="${TEST_DATABASE_URL#"$base"}"
    rest="${base#*://}"
    export DATABASE_URL="${base%%://*}://${rest%%/*}/$database${query}"
    PGOPTIONS='-c client_min_messages=warning' psql "$TEST_DATABASE_URL" -q -v ON_ERROR_STOP=1 \
      -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" \
      -c "CREATE DATABASE $database"
    # On PostgreSQL the server is given its keys (it makes no key file there).
    export V2MOM_ENCRYPTION_KEY="${V2MOM_ENCRYPTION_KEY:-$("$BIN" generate-key)}"
    if [[ "$BACKEND" == demo-postgres ]]; then
      "$BIN" demo >"$V2MOM_DATA_DIR/demo.txt"
    fi
    ;;
  *) usage ;;
esac

if [[ "$BACKEND" != cluster ]]; then
  # exec: Playwright's SIGTERM at the end of the run goes straight to the server.
  exec "$BIN" serve --addr "127.0.0.1:$PORT"
fi

# The cluster, run the way docs/haproxy.cfg says: the balancer is the public address, and
# the one proxy whose X-Forwarded-For is believed.
command -v haproxy >/dev/null || { echo "serve.sh: haproxy not found (make tools installs it)" >&2; exit 1; }
export V2MOM_PUBLIC_URL="http://127.0.0.1:$PORT" V2MOM_TRUSTED_PROXIES=127.0.0.1 V2MOM_SHUTDOWN_DRAIN_SECS=2
pids=()
stop_all() { kill -TERM "${pids[@]}" 2>/dev/null || true; wait || true; }
trap stop_all EXIT
trap 'exit 0' TERM INT
for i in 1 2 3; do
  "$BIN" serve --addr "127.0.0.1:$(( PORT + 100 + i ))" &
  pids+=("$!")
  export "APP${i}_ADDR=127.0.0.1:$(( PORT + 100 + i ))"
done
BALANCER_ADDR="127.0.0.1:$PORT" haproxy -db -f "$REPO_ROOT/docs/haproxy.cfg" &
pids+=("$!")
# Until any of them ends (or Playwright's SIGTERM ends the script: the trap stops the rest).
wait -n
echo "serve.sh: a cluster process ended early" >&2
exit 1
