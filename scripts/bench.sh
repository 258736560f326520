#!/usr/bin/env bash
# Runs MotCua's benchmarks (motcua-bench, bench/): builds it if needed, starts a private PostgreSQL on 127.0.0.1,
# runs the submission, the receipt, the signing and the event-stream benchmark, prints their figures, and stops the
# cluster on exit.
#
# Usage: scripts/bench.sh [all|submissions|receipt|sign|events] [options of that benchmark]   (default: all)
#   e.g. scripts/bench.sh submissions --clients 8 --per-client 250;  motcua-bench help lists the options.
#        scripts/bench.sh sign [--seconds 2] [--batch 300]   results generated and signed (file keys and a SoftHSM 2
#                                                       token in a temporary folder), no database
#        scripts/bench.sh generate --dossiers 1000000   fills the database motcua_bench (kept in the cluster) with
#                                                       generated dossiers and history (bench/generate_*.sql)
#        scripts/bench.sh queues [--rounds 30]          the desk's queues and search on that database
#        scripts/bench.sh desk [--rounds 5] [--pages 20] [--changes 10]   the desk itself (motcua-desk-bench, under
#                                                       xvfb-run without DISPLAY) against a motcua-server process
# Environment:
#   MOTCUA_BENCH_BUILD_DIR  build folder to use (default: build/ci, configured with `cmake --preset ci` if absent;
#                           RelWithDebInfo, because Debug figures say nothing about production)
#   MOTCUA_BENCH_PG_PORT    port of the private cluster (default 55460)
#   MOTCUA_BENCH_PG_DIR     its files, kept between runs (durable settings: fsync and synchronous_commit on); delete
#                           the folder to start over. Default /tmp/motcua-bench-pg, or /tmp/motcua-bench-pg-PORT for
#                           another port (a cluster keeps the port it was made with).
#   MOTCUA_BENCH_DB         the generated database that generate fills and queues and desk read (default
#                           motcua_bench), so that databases of two sizes can live in one cluster
# Every loop of the benchmarks is bounded in count and time; the cluster listens on 127.0.0.1 only.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

what=${1:-all}
[ $# -gt 0 ] && shift
case "$what" in
  all|submissions|receipt|sign|events|generate|queues|desk) ;;
  -h|--help|help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "bench.sh: unknown benchmark '$what' (all, submissions, receipt, sign, events, generate, queues, desk)" >&2
     exit 2 ;;
esac
if [ "$what" = all ] && [ $# -gt 0 ]; then
  echo "bench.sh: options go with one benchmark: bench.sh submissions|receipt|sign|events [options]" >&2
  exit 2
fi

build=${MOTCUA_BENCH_BUILD_DIR:-$repo/build/ci}
pgport=${MOTCUA_BENCH_PG_PORT:-55460}
defaultPgdir=/tmp/motcua-bench-pg
[ "$pgport" = 55460 ] || defaultPgdir=$defaultPgdir-$pgport
pgdir=${MOTCUA_BENCH_PG_DIR:-$defaultPgdir}
benchdb=${MOTCUA_BENCH_DB:-motcua_bench}
case "$benchdb" in ''|*[!a-z0-9_]*) echo "bench.sh: MOTCUA_BENCH_DB takes a lower-case name (a-z, 0-9, _)" >&2; exit 2 ;; esac

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
targets=(motcua-bench motcua-server)
[ "$what" = desk ] && targets+=(motcua-desk-bench)
say "building ${targets[*]} in $build…"
if ! log=$(cmake --build "$build" --target "${targets[@]}" -j2 2>&1); then
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

# --- receipt and sign (no database) -------------------------------------------------------------------------------
status=0
say "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), build $build_type," \
    "commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)," \
    "load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
for one in receipt sign; do
  if [ "$what" = all ] || [ "$what" = "$one" ]; then
    echo
    # sign makes its SoftHSM token in a temporary folder (SOFTHSM2_CONF is set for its process only).
    timeout 900 "$bench" "$one" "$@" || status=$?
  fi
done

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
# --- generate, queues and desk (private PostgreSQL, the generated database kept between runs) ---------------------
if [ "$what" = generate ] || [ "$what" = queues ] || [ "$what" = desk ]; then
  echo
  stop_cluster() { bash "$repo/scripts/pg-cluster.sh" stop "$pgdir" >/dev/null || true; }
  trap stop_cluster EXIT
  bash "$repo/scripts/pg-cluster.sh" start "$pgdir" "$pgport"
  psql_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/psql
  admin="host=127.0.0.1 port=$pgport user=postgres"
  sql() { "$psql_bin" "$admin dbname=${2:-$benchdb}" -v ON_ERROR_STOP=1 -qAt -c "$1"; }
  if [ "$what" = generate ]; then
    dossiers=1000000
    while [ $# -gt 0 ]; do
      case "$1" in
        --dossiers) dossiers=${2:?--dossiers N}; shift 2 ;;
        --dossiers=*) dossiers=${1#*=}; shift ;;
        *) echo "bench.sh generate: unknown option $1 (--dossiers N)" >&2; exit 2 ;;
      esac
    done
    case "$dossiers" in ''|*[!0-9]*) echo "bench.sh generate: --dossiers takes a number" >&2; exit 2 ;; esac
    [ "$dossiers" -ge 1000 ] && [ "$dossiers" -le 20000000 ] \
      || { echo "bench.sh generate: --dossiers from 1000 to 20000000" >&2; exit 2; }
    start=$(date +%s)
    sql "DROP DATABASE IF EXISTS $benchdb" postgres
    sql "CREATE DATABASE $benchdb" postgres
    "$build/server/motcua-server" migrate --db "$admin dbname=$benchdb" >/dev/null
    "$psql_bin" "$admin dbname=$benchdb" -v ON_ERROR_STOP=1 -q -f "$repo/bench/generate_catalogue.sql"
    # Secondary indexes are built once at the end (minutes), not maintained row by row (hours).
    sql "CREATE TABLE bench_saved_index AS SELECT indexname, indexdef FROM pg_indexes
         WHERE schemaname = 'public' AND tablename IN ('dossier', 'dossier_event')
           AND indexname NOT IN (SELECT conname FROM pg_constraint)"
    sql "DO \$\$ DECLARE i record; BEGIN FOR i IN SELECT indexname FROM bench_saved_index LOOP
         EXECUTE format('DROP INDEX %I', i.indexname); END LOOP; END \$\$"
    chunk=1000000
    for ((first = 1; first <= dossiers; first += chunk)); do
      last=$((first + chunk - 1)); [ "$last" -gt "$dossiers" ] && last=$dossiers
      "$psql_bin" "$admin dbname=$benchdb" -v ON_ERROR_STOP=1 -q -v first="$first" -v last="$last" \
        -v now='2026-11-27 09:30:00+07' -f "$repo/bench/generate_dossiers.sql"
      say "dossiers $first..$last loaded ($(( $(date +%s) - start )) s)"
    done
    sql "SELECT setval(pg_get_serial_sequence('dossier', 'id'), $dossiers)" >/dev/null
    sql "SELECT setval(pg_get_serial_sequence('dossier_event', 'id'), (SELECT max(id) FROM dossier_event))" >/dev/null
    say "building $(sql "SELECT count(*) FROM bench_saved_index") indexes…"
    sql "SET maintenance_work_mem = '1GB'; DO \$\$ DECLARE i record; BEGIN FOR i IN SELECT indexdef FROM bench_saved_index
         LOOP EXECUTE i.indexdef; END LOOP; END \$\$; DROP TABLE bench_saved_index"
    sql "VACUUM ANALYZE"
    say "generated $dossiers dossiers, $(sql "SELECT count(*) FROM dossier_event") history events," \
        "$(sql "SELECT count(*) FROM dossier_name") distinct names in $(( $(date +%s) - start )) s;" \
        "database $(sql "SELECT pg_size_pretty(pg_database_size('$benchdb'))")"
  else
    # A database generated by an older build gets the migrations since (new indexes included), as the server would.
    say "migrating $benchdb to this build's schema…"
    "$build/server/motcua-server" migrate --db "$admin dbname=$benchdb" >/dev/null
  fi
  if [ "$what" = queues ]; then
    timeout 1800 "$bench" queues --db "host=127.0.0.1 port=$pgport user=motcua_app dbname=$benchdb" "$@" \
      || status=$?
  elif [ "$what" = desk ]; then
    # The desk needs a display: Xvfb when there is none (as the GUI tests do); GTK's accessibility bus stays off.
    desk=("$build/bench/motcua-desk-bench" run --db "host=127.0.0.1 port=$pgport user=motcua_app dbname=$benchdb"
          --server "$build/server/motcua-server" --calendar "$repo/data/calendar/vietnam.conf" "$@")
    if [ -z "${DISPLAY:-}" ]; then
      command -v xvfb-run >/dev/null || { echo "bench.sh desk: DISPLAY is unset and xvfb-run is missing" >&2; exit 1; }
      desk=(xvfb-run -a -s '-screen 0 1280x800x24' "${desk[@]}")
    fi
    NO_AT_BRIDGE=1 timeout 1800 "${desk[@]}" || status=$?
  fi
fi
exit "$status"
