#!/usr/bin/env bash
# Installs the dependencies, builds with the ci preset (warnings are errors) and runs every test with ctest.
# Exits with ctest's status; ctest's own summary is the last thing printed. Tests that need a display start
# their own Xvfb (xvfb-run), and integration tests start a private PostgreSQL cluster (scripts/pg-cluster.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh
cmake --preset ci
log=build/ci/build.log
if ! cmake --build --preset ci -j2 2>&1 | tee "$log"; then
  {
    echo "test.sh: the build failed; no tests were run. Failed steps and first errors (full log: $log):"
    grep '^FAILED:' "$log" || true
    grep -m 5 'error:' "$log" || true
  } >&2
  exit 1
fi
set +e
ctest --preset ci --output-on-failure
exit $?
