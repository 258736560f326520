#!/usr/bin/env bash
# Crash safety under load: the simulator submits signed dossiers with a PDF attachment (each with its own Idempotency-Key, resent on a
# connection failure) while the server is killed with SIGKILL several times and restarted on the same port. Then:
# every submission that got 201 is stored under the code it was told, no key made two dossiers (the dossiers of the
# app are exactly the keys that got 201, plus keys given up on whose first attempt had committed), the client saw
# only successes, clear 4xx errors or connection failures (the simulator exits 0), and the server starts clean.
# Usage: kill_under_load.sh MOTCUA_SERVER MOTCUA_SIMULATOR   (MOTCUA_TEST_PG: the cluster's admin conninfo)
set -euo pipefail
server=${1:?motcua-server}; simulator=${2:?motcua-simulator}
server_pid=
sim_pid=
stop_server() {
  [ -n "$sim_pid" ] && kill -TERM "$sim_pid" 2>/dev/null || true
  if [ -n "$server_pid" ]; then kill -KILL "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
}
. "$(dirname "${BASH_SOURCE[0]}")/fresh_database.sh" motcua_kill 0 >/dev/null
sql() { psql "$admin dbname=$db" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }

listen=127.0.0.1:0
start_server() {
  "$server" serve --db "$app" --listen "$listen" --quiet --client-key-file "$work/client.key" \
    2>>"$work/server.log" &
  server_pid=$!
  for _ in $(seq 200); do
    if [ "$listen" = 127.0.0.1:0 ]; then
      port=$(sed -n 's/.*listening on [^:]*:\([0-9]*\).*/\1/p' "$work/server.log" | tail -n 1)
      [ -n "$port" ] && { listen=127.0.0.1:$port; return 0; }
    elif (exec 3<>"/dev/tcp/127.0.0.1/${listen##*:}") 2>/dev/null; then
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.05
  done
  cat "$work/server.log" >&2
  echo "the server did not start" >&2
  exit 1
}
start_server
port=${listen##*:}

"$simulator" --server "http://127.0.0.1:$port" --rate 40 --count 320 --bad-share 0.1 --seed 11 --retries 40 \
  --attachment-bytes 20000 \
  >"$work/simulator.log" 2>&1 &
sim_pid=$!
kills=0
for pause in 1.2 1.7 0.9 1.4; do
  sleep "$pause"
  kill -KILL "$server_pid"; wait "$server_pid" 2>/dev/null || true
  kills=$((kills + 1))
  sleep 0.3
  start_server
done
status=0
wait "$sim_pid" || status=$?
sim_pid=
tail -n 1 "$work/simulator.log"
if [ "$status" != 0 ]; then
  grep -E 'UNEXPECTED|^[0-9:]+ ERR' "$work/simulator.log" | head -n 20 >&2
  echo "the simulator saw unexpected answers (exit $status)" >&2
  exit 1
fi

grep -E '^[0-9:]+ 201 ' "$work/simulator.log" | awk '{print $3}' | sort >"$work/told"
created=$(wc -l <"$work/told")
stored=$(sql "SELECT code FROM dossier ORDER BY code" | sort)
missing=$(comm -23 "$work/told" <(printf '%s\n' "$stored") | head -n 5)
[ -z "$missing" ] || { echo "answered 201 but not stored: $missing" >&2; exit 1; }
[ "$(sort -u "$work/told" | wc -l)" = "$created" ] || { echo "two submissions were told the same code" >&2; exit 1; }

# Keys given up on (no answer after every retry): their first attempt may have committed before a kill.
gave_up_committed=0
for key in $(grep -o 'gave up after .* key=[0-9a-f-]*' "$work/simulator.log" | sed 's/.*key=//'); do
  gave_up_committed=$((gave_up_committed + $(sql "SELECT count(*) FROM idempotent_answer WHERE key = '$key'")))
done
dossiers=$(sql "SELECT count(*) FROM dossier")
keys=$(sql "SELECT count(*) FROM idempotent_answer WHERE status = 201")
echo "kills $kills, told 201: $created, given up and committed: $gave_up_committed, dossiers: $dossiers, keys: $keys"
[ "$dossiers" = $((created + gave_up_committed)) ] || { echo "a retry made a duplicate or a 201 was lost" >&2; exit 1; }
[ "$dossiers" = "$keys" ] || { echo "dossiers and idempotency keys disagree" >&2; exit 1; }
[ "$created" -ge 100 ] || { echo "too few submissions went through ($created)" >&2; exit 1; }
# Every dossier is whole: its form, its documents, its submit event and its attachment (a PDF of about 20 kB, the
# bytes matching their stored SHA-256).
broken=$(sql "SELECT count(*) FROM dossier d WHERE NOT EXISTS (SELECT 1 FROM dossier_form f WHERE f.dossier_id = d.id)
              OR NOT EXISTS (SELECT 1 FROM dossier_document x WHERE x.dossier_id = d.id)
              OR NOT EXISTS (SELECT 1 FROM dossier_event e WHERE e.dossier_id = d.id)
              OR NOT EXISTS (SELECT 1 FROM dossier_attachment a WHERE a.dossier_id = d.id
                             AND length(a.bytes) > 19000 AND a.sha256 = sha256(a.bytes))")
[ "$broken" = 0 ] || { echo "$broken dossiers are missing parts" >&2; exit 1; }
echo "crash safety under load: ok"
