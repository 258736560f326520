#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time over its committed seed corpus (registered by tests/fuzz/CMakeLists.txt).
# Usage: run_fuzzer.sh FUZZER SEED_FOLDER SECONDS ARTIFACT_FOLDER [DICTIONARY]
# The seeds are read, never written: new inputs go to a temporary folder removed at the end. A crashing input is kept
# in ARTIFACT_FOLDER and printed, so the test log alone is enough to reproduce it. Exits with the fuzzer's status.
set -euo pipefail
fuzzer=$1 seeds=$2 seconds=$3 artifacts=$4 dictionary=${5:-}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$artifacts"
mkdir -p "$artifacts" "$work/corpus"

options=(-max_total_time="$seconds" -rss_limit_mb=1024 -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts/")
if [ -n "$dictionary" ]; then options+=(-dict="$dictionary"); fi

set +e
"$fuzzer" "${options[@]}" "$work/corpus" "$seeds"
status=$?
set -e
if [ "$status" -ne 0 ]; then
  for input in "$artifacts"/*; do
    [ -f "$input" ] || continue
    echo "run_fuzzer: the input that failed, kept as $input (replay: $fuzzer $input):"
    od -A d -c "$input" | head -n 60
  done
fi
exit "$status"
