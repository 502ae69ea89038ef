#!/usr/bin/env bash
# The REST API's contract test: Schemathesis (pinned, in its own virtualenv under
# ~/.cache/v2mom/tools) runs every check (`--checks all`) over every operation of
# /api/v1/openapi.json against the real server, with an administrator's key, on a fresh SQLite
# database seeded with a period and a V2MOM. Zero failures or the stage fails.
#   scripts/api-contract.sh            the release build (make build first; make test runs its
#                                      own build, test-build)
#   SERVER_BIN=path scripts/api-contract.sh   another build of the server
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCHEMATHESIS_VERSION=4.32.5
TOOLS_DIR="${TOOLS_DIR:-$HOME/.cache/v2mom/tools}"
VENV="$TOOLS_DIR/schemathesis"
source "$ROOT/scripts/server-env.sh"
BIN="$(server_bin api-contract)"
EXAMPLES="${API_CONTRACT_EXAMPLES:-40}"
say() { printf '  api-contract: %s\n' "$*"; }
die() { printf 'api-contract: error: %s\n' "$*" >&2; exit 1; }

if [[ "$("$VENV/bin/schemathesis" --version 2>/dev/null | awk '{print $NF}')" != "$SCHEMATHESIS_VERSION" ]]; then
  say "installing schemathesis $SCHEMATHESIS_VERSION into $VENV"
  python3 -m venv "$VENV" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
  "$VENV/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION"
fi

DATA="$(mktemp -d)"
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
export V2MOM_DATA_DIR="$DATA" V2MOM_LOG_LEVEL=warn V2MOM_API_RATE_LIMIT_PER_MINUTE=1000000
unset DATABASE_URL
"$BIN" serve --addr "127.0.0.1:$PORT" >"$DATA/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$DATA/server.log" >&2; die "the server stopped"; }
  sleep 0.1
done

# An administrator (first-run setup signs this browser in), a current period, a key.
jar="$DATA/cookies"
post() { curl -fsS -b "$jar" -c "$jar" -H 'sec-fetch-site: same-origin' "$BASE/api/$1" "${@:2}"; }
post setup --data-urlencode 'organisation=Acme Corp' --data-urlencode 'name=Ada Admin' \
  --data-urlencode 'email=ada@acme.example' --data-urlencode 'password=quartz lantern meadow 42' >/dev/null
post periods/create -d name=FY2027 -d starts_on=2027-02-01 -d ends_on=2028-01-31 -d current=on >/dev/null
KEY="$("$BIN" api-key create --user ada@acme.example --name contract --scope read,write,admin 2>/dev/null)"
[[ -n "$KEY" ]] || die "v2mom api-key create printed no key"
curl -fsS -H "authorization: Bearer $KEY" -H 'content-type: application/json' \
  -d '{"owner_id": 1, "period_id": 1}' "$BASE/api/v1/v2moms" >/dev/null

# One worker: with two, CPython 3.11 can fail inside ast.parse in Hypothesis (a
# "recursion depth mismatch" SystemError) when both threads describe a strategy at once.
# GET /events is a stream that stays open for minutes by design: Schemathesis would only time
# out on it. tests/integration/live.rs checks it.
say "schemathesis run --checks all, $EXAMPLES examples per operation, against $BASE"
status=0
"$VENV/bin/schemathesis" --config-file "$ROOT/scripts/schemathesis.toml" run "$BASE/api/v1/openapi.json" --url "$BASE/api/v1" \
  -H "Authorization: Bearer $KEY" --checks all --max-examples "$EXAMPLES" --seed 1 \
  --workers 1 --request-timeout 10 --no-color --output-sanitize true --exclude-path /events \
  || status=$?
if grep -q ' ERROR ' "$DATA/server.log"; then
  echo "api-contract: the server logged errors:" >&2
  grep ' ERROR ' "$DATA/server.log" | head -20 >&2
  status=1
fi
exit "$status"
