#!/bin/bash
# Every program answers --version ("NAME X.Y.Z", exit 0) and --help (its usage, exit 0) without a database, a server
# or a display. Usage: version_and_help.sh VERSION NAME=PROGRAM...
set -u
version=$1
shift
failed=0
for pair in "$@"; do
  name=${pair%%=*}
  program=${pair#*=}
  # No display: motcua-desk must answer before it opens one.
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$program" --version 2>&1) || { echo "FAIL: $name --version exits $?: $out"; failed=1; }
  [ "$out" = "$name $version" ] || { echo "FAIL: $name --version printed '$out', not '$name $version'"; failed=1; }
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$program" --help 2>&1) || { echo "FAIL: $name --help exits $?"; failed=1; }
  case "$out" in
    *"$name"*--version*) ;;
    *) echo "FAIL: $name --help does not show its usage with --version: $out"; failed=1 ;;
  esac
  echo "$name: --version and --help answered"
done
exit $failed
