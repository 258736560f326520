#!/bin/bash
# Builds the desk's MSI from installers/windows with wixl over a stand-in install tree, then reads the MSI's tables
# back: per-machine, the upgrade rule, the Start-menu shortcut, the harvested libraries, the Vietnamese catalogue, and
# no per-user registry value (uninstalling must leave each user's settings).
# Usage: msi_smoke.sh SOURCE_DIR WORK_DIR VERSION [LOCALE_BUILD_DIR]
set -euo pipefail
source_dir=$1 work=$2 version=$3 locale_dir=${4:-}
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v wixl >/dev/null || fail "wixl is missing (Debian package wixl; scripts/install-deps.sh installs it)"

rm -rf "$work"
mkdir -p "$work/stage/bin" "$work/stage/share/locale/vi/LC_MESSAGES"
cd "$work"
# The contents do not matter to wixl; the names and the layout do (the installed tree of `cmake --install`).
echo "stand-in for motcua-desk.exe" > stage/bin/motcua-desk.exe
echo "stand-in library" > stage/bin/wxmsw32u_core_vc_x64.dll
echo "stand-in library" > stage/bin/libcrypto-3-x64.dll
if [[ -n $locale_dir && -f $locale_dir/vi/LC_MESSAGES/motcua.mo ]]; then
    cp "$locale_dir/vi/LC_MESSAGES/motcua.mo" stage/share/locale/vi/LC_MESSAGES/
else
    echo "stand-in catalogue" > stage/share/locale/vi/LC_MESSAGES/motcua.mo
fi

cmake -DSTAGE_DIR="$work/stage" -DOUTPUT=DeskRuntime.wxs -P "$source_dir/installers/windows/harvest_runtime.cmake"
cp "$source_dir/installers/windows/motcua-desk.wxs" .
# wixl resolves Source paths relative to the current folder: StageDir stays relative.
wixl -a x64 -D Version="$version" -D ProductName="MotCua Desk" -D StageDir=stage -o motcua-desk.msi \
    motcua-desk.wxs DeskRuntime.wxs
[[ -s motcua-desk.msi ]] || fail "wixl wrote no MSI"

table() { msiinfo export motcua-desk.msi "$1" | tr -d '\r' | tail -n +4; }
expect() { # expect TABLE REGEX WHAT
    table "$1" | grep -Eq "$2" || { table "$1" >&2; fail "$3"; }
}
expect Property $'^ALLUSERS\t1' "not a per-machine install (ALLUSERS)"
expect Property $'^ProductVersion\t'"$version"'$' "ProductVersion is not $version"
expect Upgrade 'WIX_UPGRADE_DETECTED' "no rule that replaces an older version"
expect Upgrade 'WIX_DOWNGRADE_DETECTED' "no rule that refuses a downgrade"
expect InstallExecuteSequence '^RemoveExistingProducts' "the old version is not removed on upgrade"
expect Shortcut $'^DeskShortcut\tMenuDir\t.*\\[BINDIR\\]motcua-desk.exe' "no Start-menu shortcut to the desk"
expect File $'\tmotcua-desk.exe\t' "motcua-desk.exe is not installed"
expect File $'\twxmsw32u_core_vc_x64.dll\t' "the harvested libraries are not installed"
expect File $'\tmotcua.mo\t' "the Vietnamese catalogue is not installed"
expect Directory $'^VIMESSAGESDIR\tVIDIR\tLC_MESSAGES' "the catalogue is not under share/locale/vi/LC_MESSAGES"
# Registry roots: 1 is HKCU. The MSI writes nothing there, so uninstalling leaves the user's settings alone.
if table Registry | awk -F'\t' '$2 == 1' | grep -q .; then
    table Registry >&2
    fail "the MSI writes per-user registry values"
fi
msiinfo suminfo motcua-desk.msi | grep -q '^Template: x64;' || fail "not an x64 package"
echo "installer_msi_smoke: motcua-desk.msi $(stat -c %s motcua-desk.msi) bytes, $(table File | wc -l) files"
