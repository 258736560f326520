#!/bin/bash
# Configures the desk-only build (as the Windows MSI's, without vcpkg) and checks its targets: motcua-desk is
# there, nothing of the server is.
# Usage: desk_only_configure.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$1 build=$2
rm -rf "$build"
cmake -S "$source_dir" -B "$build" -G Ninja -DMOTCUA_BUILD_SERVER=OFF -DMOTCUA_BUILD_TESTS=OFF >"$build.log" 2>&1 ||
    { cat "$build.log" >&2; echo "FAIL: the desk-only build does not configure" >&2; exit 1; }
targets=$(ninja -C "$build" -t targets all)
grep -q '^desktop/app/motcua-desk:' <<<"$targets" || { echo "FAIL: no motcua-desk target" >&2; exit 1; }
if grep -Eq '^(server/motcua-server|model/postgres/[^ ]*motcua_pg[^ ]*):' <<<"$targets"; then
    echo "FAIL: the desk-only build still builds server parts" >&2
    exit 1
fi
if grep -Eiq 'soci|libpq' "$build/CMakeCache.txt"; then
    echo "FAIL: the desk-only build looked for SOCI or PostgreSQL" >&2
    exit 1
fi
rm -rf "$build" "$build.log"
echo "installer_desk_only_configure: motcua-desk without the server"
