#!/usr/bin/env bash
# Builds the Debian packages motcua-server and motcua-desk into build/packages/: a Release build of their own in
# build/package (no tests), compiled with Debian's hardening flags (dpkg-buildflags), packaged by CPack
# (installers/debian), then checked by lintian (errors fail). Install them with `apt install ./build/packages/*.deb`.
# Usage: scripts/package.sh   (MOTCUA_PACKAGE_JOBS: parallel compile jobs, default 2)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build=build/package
out=build/packages
# Fortify, stack protector, full RELRO and BIND_NOW, as Debian builds its own packages.
CXXFLAGS="$(dpkg-buildflags --get CXXFLAGS) $(dpkg-buildflags --get CPPFLAGS)"
LDFLAGS="$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get LDFLAGS)"
export CXXFLAGS LDFLAGS
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMOTCUA_BUILD_TESTS=OFF -DMOTCUA_WARNINGS_AS_ERRORS=OFF
cmake --build "$build" -j"${MOTCUA_PACKAGE_JOBS:-2}"
rm -rf "$build/cpack"
cpack --config "$build/CPackConfig.cmake" -B "$build/cpack"
mkdir -p "$out"
rm -f "$out"/motcua-server_*.deb "$out"/motcua-desk_*.deb
cp "$build"/cpack/motcua-server_*.deb "$build"/cpack/motcua-desk_*.deb "$out"/
if command -v lintian >/dev/null; then
  lintian --fail-on error "$out"/motcua-server_*.deb "$out"/motcua-desk_*.deb
else
  echo "package.sh: lintian is not installed: the packages were not checked (scripts/install-deps.sh installs it)" >&2
fi
ls -l "$out"
