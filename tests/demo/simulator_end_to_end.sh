#!/usr/bin/env bash
# End to end on the test cluster: migrate and seed a fresh database, serve it on a free port, and let the simulator
# send valid and deliberately invalid dossiers. The simulator exits 0 only if every valid one was created (201) and
# every invalid one was refused with a 4xx problem naming the spoiled field.
# Usage: simulator_end_to_end.sh MOTCUA_SERVER MOTCUA_SIMULATOR   (MOTCUA_TEST_PG: the cluster's admin conninfo)
set -euo pipefail
server=${1:?motcua-server}; simulator=${2:?motcua-simulator}
server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
}
. "$(dirname "${BASH_SOURCE[0]}")/fresh_database.sh" motcua_sim 40
"$server" serve --db "$app" --listen 127.0.0.1:0 --quiet --client-key-file "$work/client.key" 2>"$work/server.log" &
server_pid=$!
port=
for _ in $(seq 100); do
  port=$(sed -n 's/.*listening on [^:]*:\([0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/server.log" >&2; echo "the server did not start" >&2; exit 1; }

"$simulator" --server "http://127.0.0.1:$port" --rate 50 --count 24 --bad-share 0.4 --seed 7 | tee "$work/simulator.log"
# Both kinds were exercised (the seed is fixed, so this is deterministic).
grep -Eq 'created [1-9]' "$work/simulator.log"
grep -Eq 'refused as expected [1-9]' "$work/simulator.log"
# A request pinned to one agency lands there: the code starts with the agency's code.
"$simulator" --server "http://127.0.0.1:$port" --rate 50 --count 3 --bad-share 0 --seed 8 --agency 000.00.04.H41 \
  | tee "$work/pinned.log"
[ "$(grep -c ' 201 000.00.04.H41-' "$work/pinned.log")" = 3 ]

# Provincial IT registers another app: its secret is printed once, and the simulator signs with it.
out=$("$server" client --db "$app" --code other-app --name "Other app" --client-key-file "$work/client.key")
secret=$(sed -n 's/^secret (shown once[^:]*: //p' <<<"$out")
[ ${#secret} = 48 ] || { echo "client printed no secret: $out" >&2; exit 1; }
"$simulator" --server "http://127.0.0.1:$port" --rate 50 --count 2 --bad-share 0 --seed 9 --client other-app \
  --secret "$secret" | tee "$work/other.log"
[ "$(grep -c ' 201 ' "$work/other.log")" = 2 ]
# Updating keeps the secret; a wrong key file is refused before anything is written.
"$server" client --db "$app" --code other-app --callback-url http://127.0.0.1:9/cb --client-key-file "$work/client.key" \
  | grep -q "updated, callback http://127.0.0.1:9/cb"
(umask 077; od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$work/wrong.key")
if "$server" client --db "$app" --code other-app --name Changed --client-key-file "$work/wrong.key" 2>"$work/wrong.log"; then
  echo "a wrong client key was accepted" >&2; exit 1
fi
grep -q "cannot be opened with the configured key" "$work/wrong.log"
[ "$(psql "$admin dbname=$db" -qAtX -c "SELECT name FROM api_client WHERE code = 'other-app'")" = "Other app" ]
# Disabled, it is refused (a fresh server process: the running one caches a client for up to a minute).
"$server" client --db "$app" --code other-app --disable --client-key-file "$work/client.key" | grep -q disabled
