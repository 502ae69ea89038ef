#!/usr/bin/env bash
# Times the stages of `make test` and prints a summary at the end.
#   scripts/stage.sh NAME -- CMD...   run CMD, append "NAME ok|FAILED SECONDS" to the summary file
#   scripts/stage.sh --reset          empty the summary file
#   scripts/stage.sh --summary        print the summary
# The summary file is $STAGE_SUMMARY (default: target/stages.txt in the repository).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUMMARY="${STAGE_SUMMARY:-$ROOT/target/stages.txt}"

case "${1:-}" in
  --reset)
    mkdir -p "$(dirname "$SUMMARY")"
    : >"$SUMMARY"
    ;;
  --summary)
    echo
    echo "==> stage times"
    total=0
    while read -r name result secs; do
      printf '  %-12s %-7s %4dm%02ds\n' "$name" "$result" $((secs / 60)) $((secs % 60))
      total=$((total + secs))
    done <"$SUMMARY"
    printf '  %-12s %-7s %4dm%02ds\n' total "" $((total / 60)) $((total % 60))
    ;;
  ""|--*)
    echo "usage: $0 NAME -- CMD... | --reset | --summary" >&2
    exit 2
    ;;
  *)
    name="$1"
    shift
    [[ "${1:-}" == "--" ]] && shift
    (( $# > 0 )) || { echo "usage: $0 NAME -- CMD..." >&2; exit 2; }
    mkdir -p "$(dirname "$SUMMARY")"
    start=$SECONDS
    status=0
    "$@" || status=$?
    result=ok
    (( status == 0 )) || result=FAILED
    echo "$name $result $((SECONDS - start))" >>"$SUMMARY"
    exit "$status"
    ;;
esac
