#!/usr/bin/env bash
# Frees the shared CARGO_TARGET_DIR when the disk runs low, before a test build.
# Every clone path builds its own copy of this crate's test binaries there (cargo hashes the
# path into their names) and they are never reused by another clone: when less than
# PRUNE_BELOW_GB (20) is free, delete this crate's debug artifacts and incremental state
# older than an hour. Dependencies stay, so the next build recompiles only v2mom.
set -euo pipefail

target="${CARGO_TARGET_DIR:?CARGO_TARGET_DIR is not set}"
below_gb="${PRUNE_BELOW_GB:-20}"
[[ -d "$target/debug" ]] || exit 0

free_gb() { echo $(( $(df -Pk "$target" | awk 'NR == 2 { print $4 }') / 1024 / 1024 )); }
free="$(free_gb)"
(( free < below_gb )) || exit 0

echo "prune-target: ${free} GB free (< ${below_gb} GB): removing old v2mom test builds from $target/debug"
find "$target/debug/deps" -maxdepth 1 -mmin +60 \
  \( -name 'v2mom-*' -o -name 'libv2mom-*' -o -name 'integration-*' -o -name 'pages-*' -o -name 'team_progress-*' -o -name 'v2mom_list-*' \) \
  -exec rm -rf {} +
find "$target/debug/incremental" -mindepth 1 -maxdepth 1 -mmin +60 -exec rm -rf {} + 2>/dev/null || true
echo "prune-target: $(free_gb) GB free now"
