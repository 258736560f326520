#!/usr/bin/env bash
# Runs the MotCua demo on this machine: a private PostgreSQL, motcua-server with the demo province, the citizen-app
# simulator trickling new dossiers in, and motcua-desk logged in as demo.clerk when a display is available.
#
# Usage: scripts/demo.sh [start]   build, start everything, open the desk (if DISPLAY is set)
#        scripts/demo.sh stop      stop the simulator, the server and the database (data is kept)
#        scripts/demo.sh status    what is running, and where
#        scripts/demo.sh reset     stop everything and delete the demo database (the next start seeds afresh)
# Environment: MOTCUA_DEMO_DOSSIERS (default 3000), MOTCUA_DEMO_RATE (simulator, per second, default 0.2),
#              MOTCUA_DEMO_PORT (server port, default 8080 or the next free one), XDG_DATA_HOME.
#
# State lives in "${XDG_DATA_HOME:-$HOME/.local/share}/motcua": logs, process ids, the chosen ports, and pg/ (the
# cluster). As root, the postgres user that runs the cluster cannot enter /root (mode 700), so the cluster's files
# go to /var/lib/motcua/demo-pg and .../motcua/pg is a symbolic link to it; no permission under /root is changed.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state="${XDG_DATA_HOME:-$HOME/.local/share}/motcua"
pgdir="$state/pg"
build="$repo/build/dev"
env_file="$state/demo.env"
password=demo

say() { printf 'demo: %s\n' "$*"; }
die() { printf 'demo: %s\n' "$*" >&2; exit 1; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port_from() {
  local p=$1
  while ! port_free "$p"; do p=$((p + 1)); [ "$p" -lt $(($1 + 100)) ] || die "no free port from $1 to $p"; done
  echo "$p"
}
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
stop_pid() {  # stops a process we started, by the id we recorded
  local file=$1 name=$2
  if pid_alive "$file"; then
    kill -TERM "$(cat "$file")" 2>/dev/null || true
    for _ in $(seq 50); do pid_alive "$file" || break; sleep 0.1; done
    if pid_alive "$file"; then kill -KILL "$(cat "$file")" 2>/dev/null || true; fi
    say "stopped $name"
  fi
  rm -f "$file"
}
load_env() { if [ -f "$env_file" ]; then . "$env_file"; fi; }
conninfo() { echo "host=127.0.0.1 port=$PG_PORT dbname=motcua user=$1"; }

find_binary() {  # the freshly built binary of a target
  local path
  path=$(find "$build" -type f -name "$1" -perm -u+x 2>/dev/null | head -n 1)
  [ -n "$path" ] || die "$1 was not built (look for errors above)"
  echo "$path"
}

cmd_stop() {
  load_env
  stop_pid "$state/simulator.pid" "the simulator"
  stop_pid "$state/server.pid" "motcua-server"
  if [ -e "$pgdir/data/PG_VERSION" ]; then bash "$repo/scripts/pg-cluster.sh" stop "$pgdir"; fi
}

cmd_status() {
  load_env
  if pid_alive "$state/server.pid"; then say "motcua-server: running, http://127.0.0.1:${SERVER_PORT:-?} (pid $(cat "$state/server.pid"))"
  else say "motcua-server: not running"; fi
  if pid_alive "$state/simulator.pid"; then say "simulator: running (pid $(cat "$state/simulator.pid"), log $state/simulator.log)"
  else say "simulator: not running"; fi
  if [ -e "$pgdir/data/PG_VERSION" ] && bash "$repo/scripts/pg-cluster.sh" status "$pgdir" >/dev/null 2>&1; then
    say "PostgreSQL: running on 127.0.0.1:${PG_PORT:-?}, data in $(readlink -f "$pgdir")"
  else say "PostgreSQL: not running"; fi
}

cmd_reset() {
  cmd_stop
  local target
  target=$(readlink -f "$pgdir" 2>/dev/null || echo "$pgdir")
  rm -rf "$target" "$pgdir" "$env_file" "$state/seeded"
  say "deleted the demo database ($target)"
}

cmd_start() {
  bash "$repo/scripts/install-deps.sh"
  say "building (dev preset)…"
  cmake --preset dev >/dev/null
  cmake --build --preset dev -j2 --target motcua-server motcua-simulator motcua-desk motcua_locale
  local server simulator desk
  server=$(find_binary motcua-server)
  simulator=$(find_binary motcua-simulator)
  desk=$(find_binary motcua-desk)

  mkdir -p "$state"
  load_env
  # The cluster: its folder must be reachable by the postgres user when we are root (see the header).
  if [ "$(id -u)" = 0 ] && [ ! -e "$pgdir" ]; then
    mkdir -p /var/lib/motcua/demo-pg
    ln -s /var/lib/motcua/demo-pg "$pgdir"
    say "as root the cluster lives in /var/lib/motcua/demo-pg ($pgdir links to it)"
  fi
  if [ -z "${PG_PORT:-}" ]; then PG_PORT=$(free_port_from 55490); fi
  bash "$repo/scripts/pg-cluster.sh" start "$(readlink -f "$pgdir" 2>/dev/null || echo "$pgdir")" "$PG_PORT"
  local bin admin=(-h 127.0.0.1 -p "$PG_PORT" -U postgres)
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  # The schema owner may create the application role; the server itself runs as motcua_app (no DDL, no RLS bypass).
  "$bin/createuser" "${admin[@]}" --login --createrole motcua_owner 2>/dev/null || true
  "$bin/createdb" "${admin[@]}" --owner motcua_owner motcua 2>/dev/null || true
  "$server" migrate --db "$(conninfo motcua_owner)" --app-role motcua_app

  # The key that seals the citizen-app clients' secrets in the database; it lives beside the database, never in it.
  if [ ! -s "$state/client.key" ]; then
    (umask 077; od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$state/client.key")
  fi

  if [ ! -f "$state/seeded" ]; then
    say "seeding the demo province (${MOTCUA_DEMO_DOSSIERS:-3000} dossiers)…"
    local out
    if out=$("$server" seed --db "$(conninfo motcua_app)" --demo --dossiers "${MOTCUA_DEMO_DOSSIERS:-3000}" \
               --password "$password" --client-key-file "$state/client.key" 2>&1); then
      echo "$out"
    elif grep -q "already holds" <<<"$out"; then
      say "the database already holds the demo province"
    else
      echo "$out" >&2
      die "seeding failed"
    fi
    touch "$state/seeded"
  fi

  if ! pid_alive "$state/server.pid"; then
    SERVER_PORT=$(free_port_from "${MOTCUA_DEMO_PORT:-${SERVER_PORT:-8080}}")
    nohup "$server" serve --db "$(conninfo motcua_app)" --listen "127.0.0.1:$SERVER_PORT" \
      --public-url "http://127.0.0.1:$SERVER_PORT" --locale-dir "$build/locale" \
      --client-key-file "$state/client.key" >"$state/server.log" 2>&1 &
    echo $! >"$state/server.pid"
    for _ in $(seq 100); do port_free "$SERVER_PORT" || break; pid_alive "$state/server.pid" || break; sleep 0.1; done
    pid_alive "$state/server.pid" && ! port_free "$SERVER_PORT" \
      || { tail -n 20 "$state/server.log" >&2; die "motcua-server did not start (log: $state/server.log)"; }
  fi
  printf 'PG_PORT=%s\nSERVER_PORT=%s\n' "$PG_PORT" "$SERVER_PORT" >"$env_file"
  local url="http://127.0.0.1:$SERVER_PORT"
  say "motcua-server is running at $url (log: $state/server.log)"

  if ! pid_alive "$state/simulator.pid"; then
    nohup "$simulator" --server "$url" --rate "${MOTCUA_DEMO_RATE:-0.2}" >"$state/simulator.log" 2>&1 &
    echo $! >"$state/simulator.pid"
  fi
  say "the citizen-app simulator submits a dossier every $(awk "BEGIN{print 1/${MOTCUA_DEMO_RATE:-0.2}}") s (log: $state/simulator.log)"

  cat <<INFO

  Server      $url   (try: curl -s $url/ready)
  Citizen app client demo-app, secret demo-app-secret: every /citizen/v1 call is signed with them
              (X-MotCua-* headers, docs/api-contract.md; the simulator does it)
  Database    psql "$(conninfo postgres)"   (data: $(readlink -f "$pgdir"))
  Accounts    demo.clerk, demo.handler, demo.manager, demo.signer (UBND phường Phố Hiến), demo.admin — password "$password"
              demo.dept.handler, demo.dept.manager, demo.dept.signer (Sở Tư pháp: the ward's forwarded dossiers)
  Desk        $desk --server $url --user demo.clerk --password $password --lang vi
  Stop        bash scripts/demo.sh stop      (data is kept; "reset" deletes it)

INFO
  if [ -n "${DISPLAY:-}" ]; then
    say "opening motcua-desk as demo.clerk…"
    NO_AT_BRIDGE=1 "$desk" --server "$url" --user demo.clerk --password "$password" --lang vi \
      --locale-dir "$build/locale" || say "motcua-desk exited with status $?"
    say "the server, simulator and database keep running: bash scripts/demo.sh stop"
  else
    say "no DISPLAY: not opening motcua-desk. Run the Desk command above in a graphical session."
  fi
}

case "${1:-start}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  -h|--help|help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$1' (start, stop, status, reset)" ;;
esac
