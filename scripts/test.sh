#!/usr/bin/env bash
# Installs the dependencies, builds with the ci preset (warnings are errors) and the fuzz targets with the fuzz preset
# (clang), runs every test with ctest, then each fuzz target for a bounded time (MOTCUA_FUZZ_SECONDS, default 30).
# Exits non-zero when either fails; the fuzz run's ctest summary is the last thing printed. Tests that need a display
# start their own Xvfb (xvfb-run), and integration tests start a private PostgreSQL cluster (scripts/pg-cluster.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh

# build <preset>: builds it, and on failure names the failed steps and the first errors.
build() {
  local log="build/$1/build.log"
  if ! cmake --build --preset "$1" -j2 2>&1 | tee "$log"; then
    {
      echo "test.sh: the $1 build failed; no tests were run. Failed steps and first errors (full log: $log):"
      grep '^FAILED:' "$log" || true
      grep -m 5 'error:' "$log" || true
    } >&2
    exit 1
  fi
}

cmake --preset ci
build ci
cmake --preset fuzz -DMOTCUA_FUZZ_SECONDS="${MOTCUA_FUZZ_SECONDS:-30}"
build fuzz
set +e
ctest --preset ci --output-on-failure
tests=$?
echo "test.sh: fuzzing each target for ${MOTCUA_FUZZ_SECONDS:-30} s (tests/fuzz)"
ctest --preset fuzz --output-on-failure
fuzz=$?
[ "$tests" -eq 0 ] && [ "$fuzz" -eq 0 ]
