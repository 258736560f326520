#!/usr/bin/env bash
# Installs every Debian 12 package MotCua needs to build, test and run the demo; does nothing when all are present.
# Usage: scripts/install-deps.sh   (as root, or as a user with sudo)
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config gettext dpkg-dev file
  libwxgtk3.2-dev libsoci-dev libpq-dev libpoco-dev libhpdf-dev libssl-dev openssl
  libboost-test-dev libboost-locale-dev libicu-dev libqrencode-dev libxlsxwriter-dev
  postgresql-15 postgresql-contrib-15
  xvfb xauth fonts-noto-core poppler-utils qpdf libnss3-tools imagemagick python3-fonttools fonttools zbar-tools
  softhsm2 libengine-pkcs11-openssl opensc zlib1g-dev libpoppler-cpp-dev
  clang libclang-rt-14-dev
  nodejs npm
  wixl msitools
  lintian desktop-file-utils appstream xdotool curl adduser
)

# A package counts as present when it is installed or an installed package provides it (postgresql-contrib-15 is
# provided by postgresql-15 on Debian 12; npm by a Node.js that bundles it). Only missing ones are installed, so a
# Node.js from elsewhere is not replaced by Debian's.
provided=$(dpkg-query -W -f='${Status}\t${Provides}\n' 2>/dev/null | awk -F'\t' '$1 == "install ok installed" {print $2}' \
  | tr ',' '\n' | sed -e 's/(.*)//' -e 's/^ *//' -e 's/ *$//' | sort -u)
missing=()
for p in "${packages[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" = "install ok installed" ]; then continue; fi
  if grep -qxF "$p" <<<"$provided"; then continue; fi
  missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [ "$(id -u)" = 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps: missing packages and no root rights: ${missing[*]}" >&2
  echo "install-deps: run as root: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "install-deps: done"
