#!/usr/bin/env bash
# Makes sure the browser the end-to-end tests drive is there: Debian's chromium package at
# /usr/bin/chromium, or whatever CHROMIUM_PATH names. Never downloads a browser any other way
# (Playwright's own download cannot work on these machines).
set -euo pipefail

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [[ -x "$CHROMIUM_PATH" ]]; then
  exit 0
fi

if [[ "$CHROMIUM_PATH" != /usr/bin/chromium ]]; then
  echo "chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file" >&2
  exit 1
fi

if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  echo "  chromium: installing Debian's chromium package"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  [[ -x "$CHROMIUM_PATH" ]] || { echo "chromium: installed, but $CHROMIUM_PATH is still missing" >&2; exit 1; }
else
  echo "chromium: $CHROMIUM_PATH is missing: install Debian's chromium package (sudo apt-get install chromium)," >&2
  echo "          or point CHROMIUM_PATH at a Chromium binary" >&2
  exit 1
fi
