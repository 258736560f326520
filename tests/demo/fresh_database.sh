# Sourced by the demo's end-to-end scripts: a database of their own on the test cluster (MOTCUA_TEST_PG), migrated,
# seeded with `dossiers` demo dossiers and the demo client under a fresh client key; dropped on exit with the work
# folder, after `stop_server` (defined by the script) has stopped its server.
# Sets: admin, db, work, owner, app (conninfo strings), and the file "$work/client.key".
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
