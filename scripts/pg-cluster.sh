#!/usr/bin/env bash
# Starts or stops a private PostgreSQL 15 cluster in a folder of ours, listening on 127.0.0.1 only.
# Usage: pg-cluster.sh start DIR PORT [--test]   (--test: fsync off, for throwaway test clusters only)
#        pg-cluster.sh stop DIR
#        pg-cluster.sh status DIR
# As root, the cluster runs as the postgres user (initdb refuses root). Local connections use trust auth on
# loopback and the cluster's own socket folder; the cluster is never reachable from another machine.
set -euo pipefail
cmd=${1:?start|stop|status}; dir=${2:?data folder}
# The real path: as root the server runs as postgres, which may not be able to follow a path through /root.
dir=$(readlink -m "$dir")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/pg_ctl" ] || { echo "pg-cluster: PostgreSQL server binaries not found (install postgresql-15)" >&2; exit 2; }
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    port=${3:?port}; mode=${4:-}
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    chmod 700 "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      mkdir -p "$dir/data" "$dir/run"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/data" "$dir/run"
      as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
      {
        echo "listen_addresses = '127.0.0.1'"
        echo "port = $port"
        echo "unix_socket_directories = '$dir/run'"
        echo "max_connections = 100"
        if [ "$mode" = --test ]; then echo "fsync = off"; echo "synchronous_commit = off"; echo "full_page_writes = off"; fi
      } >>"$dir/data/postgresql.conf"
    fi
    if as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      echo "pg-cluster: already running in $dir"
      exit 0
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
      || { tail -n 30 "$dir/server.log" >&2; exit 1; }
    echo "pg-cluster: running on 127.0.0.1:$port ($dir)"
    ;;
  stop)
    if [ -f "$dir/data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null \
        || { echo "pg-cluster: could not stop the cluster in $dir" >&2; exit 1; }
      echo "pg-cluster: stopped ($dir)"
    else
      echo "pg-cluster: not running ($dir)"
    fi
    ;;
  status)
    as_owner "$bin/pg_ctl" -D "$dir/data" status
    ;;
  *) echo "pg-cluster: unknown command $cmd" >&2; exit 2 ;;
esac
