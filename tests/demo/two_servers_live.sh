#!/usr/bin/env bash
# Scaling past one process: two motcua-server processes on one database, on two ports and behind nothing else. A
# clerk's live stream is open on the second; a dossier the citizen app submits through the first reaches that stream
# (the change feed crosses processes through the database: change_event rows and NOTIFY), and only once.
# Usage: two_servers_live.sh MOTCUA_SERVER MOTCUA_SIMULATOR   (MOTCUA_TEST_PG: the cluster's admin conninfo)
set -euo pipefail
server=${1:?motcua-server}; simulator=${2:?motcua-simulator}
pids=()
stream_pid=
stop_server() {
  [ -n "$stream_pid" ] && kill -TERM "$stream_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
}
. "$(dirname "${BASH_SOURCE[0]}")/fresh_database.sh" motcua_two 0 >/dev/null
sql() { psql "$admin dbname=$db" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }

# Starts one server on a free port (its pid kept for stop_server); sets `port`.
start_server() {
  launch_server "$1"
  pids+=("$launched_pid")
}
start_server "$work/a.log"; port_a=$port
start_server "$work/b.log"; port_b=$port
[ "$port_a" != "$port_b" ]

# The demo clerk's ward, and a session of the clerk on server B with its live stream open.
agency=$(sql "SELECT a.code FROM staff s JOIN agency a ON a.id = s.agency_id WHERE s.username = 'demo.clerk'")
[ -n "$agency" ] || { echo "no demo clerk" >&2; exit 1; }
python3 - "$port_b" "$work/events.log" <<'PY' &
import json, sys, urllib.request
port, out = sys.argv[1], sys.argv[2]
base = f"http://127.0.0.1:{port}/staff/v1"
login = urllib.request.Request(base + "/login", method="POST", headers={"Content-Type": "application/json"},
                               data=json.dumps({"username": "demo.clerk", "password": "demo"}).encode())
token = json.load(urllib.request.urlopen(login, timeout=10))["token"]
stream = urllib.request.urlopen(urllib.request.Request(base + "/events",
                                headers={"Authorization": "Bearer " + token}), timeout=30)
with open(out, "w", buffering=1) as log:
    log.write("open\n")
    for line in stream:
        log.write(line.decode())
PY
stream_pid=$!
for _ in $(seq 100); do [ -s "$work/events.log" ] && break; sleep 0.1; done
grep -q '^open$' "$work/events.log" || { echo "the clerk's stream on server B did not open" >&2; exit 1; }

# One dossier for the clerk's ward, through server A.
"$simulator" --server "http://127.0.0.1:$port_a" --rate 10 --count 1 --bad-share 0 --seed 5 --agency "$agency" \
  >"$work/simulator.log"
code=$(sed -n 's/^[0-9:]* 201 \([^ ]*\).*/\1/p' "$work/simulator.log")
[ -n "$code" ] || { cat "$work/simulator.log" >&2; echo "server A did not take the dossier" >&2; exit 1; }
[ "$(sql "SELECT count(*) FROM dossier WHERE code = '$code'")" = 1 ]

start=$(date +%s%N)
for _ in $(seq 50); do grep -q "\"code\":\"$code\"" "$work/events.log" && break; sleep 0.1; done
if ! grep -q "\"code\":\"$code\"" "$work/events.log"; then
  cat "$work/events.log" >&2
  echo "the dossier $code submitted through server A never reached the stream on server B" >&2
  exit 1
fi
waited=$((($(date +%s%N) - start) / 1000000))
grep "\"code\":\"$code\"" "$work/events.log" | grep -q '"what":"submit"' || { echo "not told as a submission" >&2; exit 1; }
[ "$(grep -c "\"code\":\"$code\"" "$work/events.log")" = 1 ] || { echo "the event came more than once" >&2; exit 1; }
echo "dossier $code: submitted through server A (port $port_a), live on server B (port $port_b) after ~${waited} ms"
