#!/usr/bin/env bash
# Backup and restore as docs/operations.md tells provincial IT: pg_dump in custom format, the database dropped,
# pg_restore into a new one. Then every table has the same number of rows, the audit trail's hash chain still
# verifies (motcua-server audit verify), the schema is current (migrate has nothing to do), and the restored database
# serves: the demo clerk signs in and sees the same inbox.
# Usage: backup_restore.sh MOTCUA_SERVER MOTCUA_SIMULATOR   (MOTCUA_TEST_PG: the cluster's admin conninfo)
set -euo pipefail
server=${1:?motcua-server}; simulator=${2:?motcua-simulator}
server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=
}
. "$(dirname "${BASH_SOURCE[0]}")/fresh_database.sh" motcua_backup 60 >/dev/null
sql() { psql "$admin dbname=$db" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }

start_server() {
  launch_server "$work/server.log"
  server_pid=$launched_pid
}
# The clerk's inbox as the staff API gives it (sign-in and inbox are audited acts, so the trail grows too).
inbox() {
  python3 - "$port" <<'PY'
import json, sys, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}/staff/v1"
login = urllib.request.Request(base + "/login", method="POST", headers={"Content-Type": "application/json"},
                               data=json.dumps({"username": "demo.clerk", "password": "demo"}).encode())
token = json.load(urllib.request.urlopen(login, timeout=10))["token"]
inbox = json.load(urllib.request.urlopen(urllib.request.Request(base + "/inbox?limit=200",
                  headers={"Authorization": "Bearer " + token}), timeout=10))
print(" ".join(sorted(item["code"] for item in inbox["items"])))
PY
}
# Every table's row count, one "table count" line each, in name order.
counts() {
  local tables
  tables=$(sql "SELECT format('%I.%I', schemaname, relname) FROM pg_stat_user_tables
                WHERE schemaname = 'public' ORDER BY 1")
  for t in $tables; do echo "$t $(sql "SELECT count(*) FROM $t")"; done
}

# Some life before the backup: citizen submissions through the API, a clerk reading, the trail sealed.
start_server
"$simulator" --server "http://127.0.0.1:$port" --rate 20 --count 8 --bad-share 0 --seed 3 >/dev/null
inbox >"$work/inbox.before"
stop_server
"$server" audit verify --db "$app" >"$work/verify.before"
counts >"$work/counts.before"
audit_rows=$(sql "SELECT count(*) FROM audit_event")
dossiers=$(sql "SELECT count(*) FROM dossier")
[ "$audit_rows" -gt 0 ] || { echo "no audit rows to carry over" >&2; exit 1; }

pg_dump --format=custom --file="$work/motcua.dump" "$admin dbname=$db"
psql "$admin" -qX -v ON_ERROR_STOP=1 -c "DROP DATABASE $db WITH (FORCE)" -c "CREATE DATABASE $db OWNER motcua_owner"
[ "$(sql "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" = 0 ]
pg_restore --exit-on-error --dbname="$admin dbname=$db" "$work/motcua.dump"

counts >"$work/counts.after"
if ! diff -u "$work/counts.before" "$work/counts.after" >&2; then echo "row counts differ after restore" >&2; exit 1; fi
"$server" audit verify --db "$app" >"$work/verify.after" ||
  { cat "$work/verify.after" >&2; echo "the restored audit trail does not verify" >&2; exit 1; }
"$server" migrate --db "$owner" >"$work/migrate.after"
grep -q "^migrate: 0 migration(s) applied" "$work/migrate.after" ||
  { cat "$work/migrate.after" >&2; echo "migrate found work to do on the restored database" >&2; exit 1; }
start_server
inbox >"$work/inbox.after"
stop_server
diff -u "$work/inbox.before" "$work/inbox.after" >&2 || { echo "the clerk's inbox differs after restore" >&2; exit 1; }
echo "restored: $(wc -l <"$work/counts.after") tables, $dossiers dossiers, $audit_rows audit rows, chain verified;" \
  "inbox of $(wc -w <"$work/inbox.after") dossiers unchanged; dump $(stat -c %s "$work/motcua.dump") bytes"
