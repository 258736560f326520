#!/usr/bin/env bash
# The Debian packages end to end: built with CPack from this build tree (or taken from MOTCUA_DEB_DIR, e.g.
# build/packages of scripts/package.sh), lintian-clean (errors fail), installed with dpkg, then the installed server
# migrates a fresh database (and refuses one migrated by a newer program, in migrate and in the postinst), serves it with
# the installed unit's command line as the unit's user, and the installed desk logs in under Xvfb and shows its main
# window. Everything is purged at the end, whatever happened.
# Usage: deb_install.sh SOURCE_DIR BUILD_DIR WORK_DIR   (as root; MOTCUA_TEST_PG: the test cluster's admin conninfo)
# Exit code 77 (skipped) only when not run as root: installing packages needs it.
set -euo pipefail
source_dir=${1:?source dir} build_dir=${2:?build dir} work=${3:?work dir}
admin=${MOTCUA_TEST_PG:?run through ctest: MOTCUA_TEST_PG is the test cluster}
fail() { echo "FAIL: $*" >&2; exit 1; }
say() { echo "deb_install: $*"; }
started=$SECONDS

if [ "$(id -u)" != 0 ]; then
    echo "SKIP: installing the packages (dpkg -i) needs root; run the test command as root to check them"
    exit 77
fi
for p in motcua-server motcua-desk; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q installed; then
        fail "$p is already installed on this machine: the test would replace and purge it; remove it first"
    fi
done
for tool in lintian desktop-file-validate appstreamcli xvfb-run xdotool curl psql; do
    command -v "$tool" >/dev/null || fail "$tool is missing (scripts/install-deps.sh installs it)"
done

rm -rf "$work"
mkdir -p "$work"
db="motcua_deb_$$"
user_existed=no
getent passwd motcua >/dev/null && user_existed=yes
server_pid=
lintian_pid=
cleanup() {
    local rc=$?
    if [ -n "$lintian_pid" ]; then kill "$lintian_pid" 2>/dev/null || true; fi
    if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    dpkg --purge motcua-desk motcua-server >"$work/purge.log" 2>&1 || { cat "$work/purge.log" >&2; rc=1; }
    if [ "$user_existed" = no ] && getent passwd motcua >/dev/null; then
        deluser --system motcua >/dev/null 2>&1 || true
        delgroup --system motcua >/dev/null 2>&1 || true
    fi
    psql "$admin" -qXc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
    say "done in $((SECONDS - started)) s"
    exit "$rc"
}
trap cleanup EXIT

# 1. The packages.
debs=${MOTCUA_DEB_DIR:-}
if [ -z "$debs" ]; then
    say "building the packages with CPack from $build_dir"
    cpack --config "$build_dir/CPackConfig.cmake" -B "$work/packages" >"$work/cpack.log" 2>&1 \
        || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
    debs="$work/packages"
fi
server_deb=$(find "$debs" -maxdepth 1 -name 'motcua-server_*_*.deb' | head -n 1)
desk_deb=$(find "$debs" -maxdepth 1 -name 'motcua-desk_*_*.deb' | head -n 1)
if [ -z "$server_deb" ] || [ -z "$desk_deb" ]; then fail "no motcua-server_*.deb and motcua-desk_*.deb in $debs"; fi
say "$(basename "$server_deb") $(basename "$desk_deb") ($((SECONDS - started)) s)"

# 2. lintian (errors fail; the rest is printed), in the background: the slowest step, it reads only the files.
lintian --fail-on error --tag-display-limit 0 "$server_deb" "$desk_deb" >"$work/lintian.log" 2>&1 &
lintian_pid=$!

# 3. Installed: the files where Debian expects them, the conffiles, the system user.
dpkg -i "$server_deb" "$desk_deb" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "dpkg -i failed"; }
for f in /usr/bin/motcua-server /usr/bin/motcua-desk /lib/systemd/system/motcua-server.service \
    /etc/motcua/server.conf /etc/default/motcua-server /usr/share/man/man8/motcua-server.8.gz \
    /usr/share/man/man1/motcua-desk.1.gz /usr/share/doc/motcua-server/copyright /usr/share/doc/motcua-desk/copyright \
    /usr/share/locale/vi/LC_MESSAGES/motcua.mo /usr/share/motcua/locale/vi/LC_MESSAGES/motcua.mo \
    /usr/share/motcua/calendar/vietnam.conf /usr/share/applications/org.motcua.desk.desktop \
    /usr/share/metainfo/org.motcua.desk.metainfo.xml /usr/share/icons/hicolor/scalable/apps/motcua-desk.svg; do
    [ -f "$f" ] || fail "$f is not installed"
done
for size in 16 32 48 64 128 256; do
    [ -f "/usr/share/icons/hicolor/${size}x${size}/apps/motcua-desk.png" ] || fail "no ${size}x${size} icon"
done
conffiles=$(dpkg-query -W -f='${Conffiles}' motcua-server)
for f in /etc/motcua/server.conf /etc/default/motcua-server; do
    grep -q " $f " <<<"$conffiles " || fail "$f is not a conffile: $conffiles"
done
getent passwd motcua >/dev/null || fail "the postinst created no system user motcua"
desktop-file-validate /usr/share/applications/org.motcua.desk.desktop || fail "desktop-file-validate"
appstreamcli validate --no-net /usr/share/metainfo/org.motcua.desk.metainfo.xml >"$work/appstream.log" 2>&1 \
    || { cat "$work/appstream.log" >&2; fail "appstreamcli validate"; }
unit=/lib/systemd/system/motcua-server.service
cmp -s "$unit" "$source_dir/installers/debian/motcua-server.service" || fail "the installed unit is not this tree's"
for setting in NoNewPrivileges=yes ProtectSystem=strict ProtectHome=yes PrivateTmp=yes PrivateDevices=yes \
    CapabilityBoundingSet= RestrictAddressFamilies= SystemCallFilter=@system-service StateDirectory=motcua \
    LogsDirectory=motcua User=motcua; do
    grep -q "^$setting" "$unit" || fail "the unit lacks $setting"
done
say "installed ($((SECONDS - started)) s)"

# 4. A fresh database migrated by the installed server; the postinst migrates on upgrade when enabled.
psql "$admin" -qX -v ON_ERROR_STOP=1 \
    -c "DO \$\$ BEGIN CREATE ROLE motcua_owner LOGIN NOSUPERUSER CREATEROLE; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$" \
    -c "CREATE DATABASE $db OWNER motcua_owner" >/dev/null
owner="$admin user=motcua_owner dbname=$db"
app="$admin user=motcua_app dbname=$db"
/usr/bin/motcua-server migrate --db "$owner" | tee "$work/migrate.log"
grep -Eq 'migrate: [1-9][0-9]* migration' "$work/migrate.log" || fail "the installed server applied no migration"

# Without MIGRATE_ON_UPGRADE the reinstall (an upgrade to the same version) touches no database.
dpkg -i "$server_deb" >"$work/reinstall.log" 2>&1 || { cat "$work/reinstall.log" >&2; fail "reinstall failed"; }
if grep -q 'applying the database migrations' "$work/reinstall.log"; then fail "migrated without being asked to"; fi
cat >>/etc/default/motcua-server <<EOF
MIGRATE_ON_UPGRADE=yes
MIGRATE_DB="$owner"
EOF
dpkg -i "$server_deb" >"$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log" >&2; fail "upgrade with migrations failed"; }
grep -q 'migrate: 0 migration(s) applied' "$work/upgrade.log" || { cat "$work/upgrade.log" >&2; fail "the postinst did not migrate"; }
# A database migrated by a newer program: migrate refuses it, and so does the upgrade, with the reason.
psql "$admin dbname=$db" -qX -v ON_ERROR_STOP=1 \
    -c "INSERT INTO schema_migrations (version, name, checksum) VALUES (999999, '999999_future', 'x')" >/dev/null
if /usr/bin/motcua-server migrate --db "$owner" 2>"$work/newer.log"; then fail "migrate accepted a newer database"; fi
grep -q 'newer version of this program' "$work/newer.log" || { cat "$work/newer.log" >&2; fail "no clear refusal"; }
if dpkg -i "$server_deb" >"$work/downgrade.log" 2>&1; then fail "the postinst accepted a newer database"; fi
grep -q 'newer version of this program' "$work/downgrade.log" || { cat "$work/downgrade.log" >&2; fail "postinst: no reason"; }
psql "$admin dbname=$db" -qX -c "DELETE FROM schema_migrations WHERE version = 999999" >/dev/null
dpkg --configure -a >"$work/configure.log" 2>&1 || { cat "$work/configure.log" >&2; fail "dpkg --configure -a failed"; }
say "migrations: fresh, on upgrade, newer database refused ($((SECONDS - started)) s)"

# 5. The installed server, started with the unit's command line as the unit's user.
# A secret file only its user may read (the server refuses one the group or others can read): made by root for
# seed, then handed to the unit's user for serve, as IT would.
# It lives in the unit's state directory (WorkingDirectory, made by systemd at the unit's start, here by hand):
# the unit's user may not be able to reach the test's work folder (a private temporary folder's parent is 0700).
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
unit_user=$(sed -n 's/^User=//p' "$unit")
state=$(sed -n 's/^WorkingDirectory=//p' "$unit")
[ -n "$state" ] || fail "the unit names no WorkingDirectory"
install -d -o "$unit_user" -g "$unit_user" -m 750 "$state"
key="$state/client.key"
(umask 077; od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$key")
/usr/bin/motcua-server seed --db "$app" --demo --dossiers 20 --kdf-cost 10 --client-key-file "$key" \
    >"$work/seed.log"
chown "$unit_user" "$key"
read -r -a command <<<"$exec_start"
if [ "${command[0]}" != /usr/bin/motcua-server ] || [ "${command[1]}" != serve ]; then
    fail "unexpected ExecStart: $exec_start"
fi
# The configuration file is read once serve knows --config; until then its settings are options, given below.
if ! /usr/bin/motcua-server help | grep -q -- '--config'; then
    say "this serve has no --config yet: dropping it from the unit's line"
    kept=()
    for ((i = 0; i < ${#command[@]}; i++)); do
        if [ "${command[i]}" = --config ]; then i=$((i + 1)); continue; fi
        kept+=("${command[i]}")
    done
    command=("${kept[@]}")
fi
cd "$state"
runuser -u "$unit_user" -- "${command[@]}" --db "$app" --listen 127.0.0.1:0 --quiet \
    --client-key-file "$key" 2>"$work/server.log" &
server_pid=$!
cd "$work"
port=
for _ in $(seq 150); do
    port=$(sed -n 's/.*listening on [^:]*:\([0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.2
done
[ -n "$port" ] || { cat "$work/server.log" >&2; fail "the installed server did not start"; }
curl -fsS "http://127.0.0.1:$port/health" >"$work/health.json" || fail "/health did not answer"
say "server: ${command[*]} … as $unit_user on port $port, /health: $(head -c 200 "$work/health.json")"

# 6. The installed desk logs in as demo.clerk and shows its main window, titled in Vietnamese (the catalogue is found;
# the login dialog is "Đăng nhập MotCua").
mkdir -p "$work/home"
cat >"$work/desk.sh" <<EOF
set -u
HOME="$work/home" NO_AT_BRIDGE=1 /usr/bin/motcua-desk --server "http://127.0.0.1:$port" --user demo.clerk \
    --password demo --lang vi >"$work/desk.log" 2>&1 &
desk=\$!
for _ in \$(seq 120); do
    shown=no
    for w in \$(xdotool search --onlyvisible --classname motcua-desk 2>/dev/null); do
        case "\$(xdotool getwindowname "\$w")" in *"Bộ phận một cửa"*) shown=yes ;; esac
    done
    if [ "\$shown" = yes ]; then
        sleep 1
        import -window root "$work/desk.png" 2>/dev/null || true
        kill -TERM \$desk; wait \$desk 2>/dev/null
        exit 0
    fi
    kill -0 \$desk 2>/dev/null || exit 2
    sleep 0.5
done
import -window root "$work/desk.png" 2>/dev/null || true
kill -TERM \$desk; wait \$desk 2>/dev/null
exit 1
EOF
rc=0
xvfb-run -a -s "-screen 0 1280x800x24" bash "$work/desk.sh" || rc=$?
case $rc in
0) ;;
2) cat "$work/desk.log" >&2; fail "the installed desk exited before its main window showed" ;;
*) cat "$work/desk.log" >&2; fail "the installed desk's main window did not show within a minute (screenshot: $work/desk.png)" ;;
esac
if grep -q 'catalogue motcua.mo was not found' "$work/desk.log"; then fail "the desk did not find its catalogue"; fi
say "desk: main window shown (screenshot $work/desk.png) ($((SECONDS - started)) s)"

if ! wait "$lintian_pid"; then
    lintian_pid=
    cat "$work/lintian.log" >&2
    fail "lintian reports errors"
fi
lintian_pid=
grep -v 'running with root privileges' "$work/lintian.log" || true
say "lintian: no errors ($((SECONDS - started)) s)"

# 7. Purged (in cleanup), nothing of the packages may stay; checked here by a purge ahead of the trap's.
kill -TERM "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=
dpkg --purge motcua-desk motcua-server >"$work/purge.log" 2>&1 || { cat "$work/purge.log" >&2; fail "purge failed"; }
for f in /usr/bin/motcua-server /usr/bin/motcua-desk /etc/motcua /etc/default/motcua-server \
    /lib/systemd/system/motcua-server.service /usr/share/motcua /var/lib/motcua; do
    [ ! -e "$f" ] || fail "$f is left after the purge"
done
say "purged"
