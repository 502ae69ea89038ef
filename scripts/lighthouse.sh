#!/usr/bin/env bash
# Lighthouse's performance score of the home page, a V2MOM page and the editor (`make
# lighthouse`, after `make build`): the release binary on a fresh SQLite database filled by
# `v2mom demo`, on a free port, read by Debian's Chromium (benches/lighthouse/run.mjs).
# Exits non-zero when a page scores under the target.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/server-env.sh"
BIN="$(server_bin lighthouse)"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
bash "$ROOT/scripts/chromium.sh"
npm ci --prefix "$ROOT/benches/lighthouse" --no-audit --no-fund --silent

DATA="$(mktemp -d)"
SERVER=
cleanup() { [[ -n "$SERVER" ]] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; rm -rf "$DATA"; }
trap cleanup EXIT
export V2MOM_DATA_DIR="$DATA" V2MOM_SITE_ROOT="$ROOT/target/site" V2MOM_LOG_LEVEL=warn
unset DATABASE_URL

password="$("$BIN" demo | sed -n 's/.* with the password \(.*\)$/\1/p')"
[[ -n "$password" ]] || { echo "lighthouse: v2mom demo printed no password" >&2; exit 1; }
PORT="$(free_port)"
"$BIN" serve --addr "127.0.0.1:$PORT" &
SERVER=$!
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { echo "lighthouse: the server stopped" >&2; exit 1; }
  sleep 0.1
done
node "$ROOT/benches/lighthouse/run.mjs" "http://127.0.0.1:$PORT" "$password"
