#!/usr/bin/env bash
# Runs MotCua's benchmarks (motcua-bench, bench/): builds it if needed, starts a private PostgreSQL on 127.0.0.1,
# runs the submission, the receipt and the event-stream benchmark, prints their figures, and stops the cluster on exit.
#
# Usage: scripts/bench.sh [all|submissions|receipt|events] [options of that benchmark]   (default: all, default options)
#   e.g. scripts/bench.sh submissions --clients 8 --per-client 250;  motcua-bench help lists the options.
# Environment:
#   MOTCUA_BENCH_BUILD_DIR  build folder to use (default: build/ci, configured with `cmake --preset ci` if absent;
#                           RelWithDebInfo, because Debug figures say nothing about production)
#   MOTCUA_BENCH_PG_PORT    port of the private cluster (default 55460)
#   MOTCUA_BENCH_PG_DIR     its files, kept between runs (durable settings: fsync and synchronous_commit on); delete
#                           the folder to start over. Default /tmp/motcua-bench-pg, or /tmp/motcua-bench-pg-PORT for
#                           another port (a cluster keeps the port it was made with).
# Every loop of the benchmarks is bounded in count and time; the cluster listens on 127.0.0.1 only.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

what=${1:-all}
[ $# -gt 0 ] && shift
case "$what" in
  all|submissions|receipt|events) ;;
  -h|--help|help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "bench.sh: unknown benchmark '$what' (all, submissions, receipt, events)" >&2; exit 2 ;;
esac
if [ "$what" = all ] && [ $# -gt 0 ]; then
  echo "bench.sh: options go with one benchmark: bench.sh submissions|receipt|events [options]" >&2
  exit 2
fi

build=${MOTCUA_BENCH_BUILD_DIR:-$repo/build/ci}
pgport=${MOTCUA_BENCH_PG_PORT:-55460}
defaultPgdir=/tmp/motcua-bench-pg
[ "$pgport" = 55460 ] || defaultPgdir=$defaultPgdir-$pgport
pgdir=${MOTCUA_BENCH_PG_DIR:-$defaultPgdir}

say() { printf 'bench.sh: %s\n' "$*"; }

# --- build -------------------------------------------------------------------------------------------------------
if [ ! -f "$build/CMakeCache.txt" ]; then
  if [ -n "${MOTCUA_BENCH_BUILD_DIR:-}" ]; then
    echo "bench.sh: $build is not a configured build folder" >&2
    exit 2
  fi
  say "configuring build/ci (cmake --preset ci)…"
  cmake --preset ci >/dev/null
fi
say "building motcua-bench in $build…"
if ! log=$(cmake --build "$build" --target motcua-bench -j2 2>&1); then
  printf '%s\n' "$log" | grep -E '^FAILED:|error' | head -n 20 >&2
  echo "bench.sh: the build failed" >&2
  exit 1
fi
printf '%s\n' "$log" | tail -n 1
bench="$build/bench/motcua-bench"
[ -x "$bench" ] || { echo "bench.sh: $bench was not built" >&2; exit 1; }
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
if [ "$build_type" != RelWithDebInfo ] && [ "$build_type" != Release ]; then
  say "WARNING: $build is a '${build_type:-no type}' build; figures from it are not comparable"
fi

# --- receipt (no database) ---------------------------------------------------------------------------------------
status=0
say "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), build $build_type," \
    "commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ "$what" = all ] || [ "$what" = receipt ]; then
  echo
  timeout 900 "$bench" receipt "$@" || status=$?
fi

# --- submissions and event streams (private PostgreSQL) ----------------------------------------------------------
if [ "$what" = all ] || [ "$what" = submissions ] || [ "$what" = events ]; then
  stop_cluster() { bash "$repo/scripts/pg-cluster.sh" stop "$pgdir" >/dev/null || true; }
  trap stop_cluster EXIT
  bash "$repo/scripts/pg-cluster.sh" start "$pgdir" "$pgport"
  # TestDatabase reads the cluster's admin conninfo here, creates a throwaway migrated database and drops it.
  export MOTCUA_TEST_PG="host=127.0.0.1 port=$pgport user=postgres dbname=postgres"
  for one in submissions events; do
    if [ "$what" = all ] || [ "$what" = "$one" ]; then
      echo
      timeout 1800 "$bench" "$one" "$@" || status=$?
    fi
  done
fi
exit "$status"
