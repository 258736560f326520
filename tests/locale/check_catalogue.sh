#!/usr/bin/env bash
# The translation inputs stay true to the code: locale/POTFILES lists exactly the product's C++ sources (no file that
# is gone, none left out), and locale/vi.po translates every msgid that xgettext finds in them (none missing, none
# fuzzy). Usage: check_catalogue.sh SOURCE_DIR
set -euo pipefail
cd "${1:?source dir}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

grep -v '^#' locale/POTFILES | sed -e 's/[[:space:]]*$//' -e '/^$/d' | sort >"$work/listed"
find model demo desktop reports server tools views -type f \( -name '*.cpp' -o -name '*.h' \) | sort >"$work/present"
status=0
if ! diff -u "$work/present" "$work/listed" >"$work/diff"; then
  echo "locale/POTFILES does not match the sources ('-' missing from POTFILES, '+' listed but not there):"
  grep '^[-+][^-+]' "$work/diff"
  status=1
fi

xgettext --language=C++ --from-code=UTF-8 -k_ -kN_ -kwxPLURAL:1,2 -kwxTRANSLATE -o "$work/motcua.pot" \
  $(cat "$work/listed")
msgmerge --quiet --no-fuzzy-matching -o "$work/vi.po" locale/vi.po "$work/motcua.pot"
# msgfmt counts entries, however their msgids are wrapped: "N translated messages[, N fuzzy …][, N untranslated …]."
stats=$(msgfmt --statistics -o /dev/null "$work/vi.po" 2>&1)
echo "vi.po against the sources: $stats"
if grep -Eq 'fuzzy|untranslated' <<<"$stats"; then
  msgattrib --untranslated --no-obsolete "$work/vi.po" | grep -A1 '^msgid' | grep -v '^--' || true
  msgattrib --only-fuzzy --no-obsolete "$work/vi.po" | grep -A1 '^msgid' | grep -v '^--' || true
  status=1
fi
exit $status
