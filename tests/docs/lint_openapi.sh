#!/usr/bin/env bash
# Lints OpenAPI documents with Redocly's CLI from npm, installed once into the build tree (never the source tree).
# Usage: tests/docs/lint_openapi.sh <folder in the build tree> <document>…   Warnings pass; any error fails.
set -euo pipefail
version=1.34.20  # the 1.x line still runs on Debian 12's Node.js 18
prefix=$(realpath -m "$1")
shift
cli="$prefix/node_modules/.bin/redocly"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1

if [ ! -x "$cli" ] || [ ! -f "$prefix/.installed-$version" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "lint_openapi: npm is missing (scripts/install-deps.sh installs nodejs and npm)" >&2
    exit 1
  fi
  mkdir -p "$prefix"
  echo "lint_openapi: installing @redocly/cli@$version into $prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "@redocly/cli@$version" >&2
  touch "$prefix/.installed-$version"
fi

# From the prefix folder, so no redocly.yaml of the caller's folder changes the rules: the recommended set applies.
cd "$prefix"
"$cli" lint --format=stylish "$@"
