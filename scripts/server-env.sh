# Sourced by the scripts that start the server for a test or a measurement
# (end2end/serve.sh, scripts/api-contract.sh, scripts/lighthouse.sh): one answer to which
# binary they run and where it listens.

# The server binary: $SERVER_BIN (the Makefile sets it), else the release build in the shared
# target directory. When there is none it says so, naming the calling script ($1), and
# fails, which stops a caller under `set -e` at `BIN="$(server_bin …)"`.
server_bin() {
  local bin="${SERVER_BIN:-${CARGO_TARGET_DIR:-$HOME/.cache/v2mom/target}/release/v2mom}"
  if [[ ! -x "$bin" ]]; then
    echo "$1: no server binary at $bin: run \`make build\` first (or set SERVER_BIN)" >&2
    return 1
  fi
  printf '%s\n' "$bin"
}

# A TCP port on 127.0.0.1 that nothing listens on now.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
