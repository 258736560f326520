# Sourced by the demo's end-to-end scripts: a database of their own on the test cluster (MOTCUA_TEST_PG), migrated,
# seeded with `dossiers` demo dossiers and the demo client under a fresh client key; dropped on exit with the work
# folder, after `stop_server` (defined by the script) has stopped its server.
# Sets: admin, db, work, owner, app (conninfo strings), and the file "$work/client.key"; defines launch_server.
# Usage: . fresh_database.sh PREFIX DOSSIERS   (with $server the motcua-server binary)
admin=${MOTCUA_TEST_PG:?run through ctest: MOTCUA_TEST_PG is the test cluster}
db="${1:?prefix}_$$"
work=$(mktemp -d)

cleanup() {
  stop_server
  psql "$admin" -qXc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Test code may use SQL: the owner role as tests/support creates it, and a database of our own.
psql "$admin" -qX -v ON_ERROR_STOP=1 \
  -c "DO \$\$ BEGIN CREATE ROLE motcua_owner LOGIN NOSUPERUSER CREATEROLE; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$" \
  -c "CREATE DATABASE $db OWNER motcua_owner" >/dev/null
# In a conninfo string the last value of a keyword wins.
owner="$admin user=motcua_owner dbname=$db"
app="$admin user=motcua_app dbname=$db"

(umask 077; od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$work/client.key")
"$server" migrate --db "$owner" >/dev/null
"$server" seed --db "$app" --demo --dossiers "${2:?dossiers}" --kdf-cost 10 --client-key-file "$work/client.key"

# Starts a server of this database on a free loopback port, its log in the file $1; sets `port` and
# `launched_pid` (a child of the calling shell, so that the script can wait for it).
launch_server() {
  local log=$1
  "$server" serve --db "$app" --listen 127.0.0.1:0 --quiet --client-key-file "$work/client.key" >/dev/null 2>"$log" &
  launched_pid=$!
  port=
  for _ in $(seq 100); do
    port=$(sed -n 's/.*listening on [^:]*:\([0-9]*\).*/\1/p' "$log" | head -n 1)
    [ -n "$port" ] && return 0
    sleep 0.1
  done
  cat "$log" >&2
  echo "a server did not start" >&2
  exit 1
}
