#!/usr/bin/env bash
# Keeps the interface's translation catalogues in step with the code.
#
#   tools/i18n/update-po.sh          rewrites po/signaal.pot, po/nl.po and merges
#                                    the template into every other po/<lang>.po
#   tools/i18n/update-po.sh --check  writes nothing; fails (exit 1) when a
#                                    catalogue lacks or has not translated a
#                                    string the code uses, or po/nl.po is not
#                                    the code's Dutch (ctest i18n_catalogues)
#
# The code writes every interface string as w("Dutch", "English") (w_ in the
# terminal player; platform/translate.h). The English is the msgid, as gettext
# expects, so xgettext takes the 2nd argument; with the 1st as msgctxt the same
# run yields the Dutch, from which po/nl.po is written (translators see the
# Dutch beside the English in Poedit or Weblate). A count's words go through
# w.plural(n, "stap", "stappen", "step", "steps"): msgid and msgid_plural are
# the English forms, and Polish gives its three.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
check=0
[[ ${1:-} == --check ]] && check=1
python=${SIGNAAL_PYTHON:-/usr/bin/python3}  # Debian's, which has python3-polib

# The sources whose strings are the interface's: the window, the terminal player,
# the certificates (player/report/certificate.cpp) and the phone voting page (player/phone/).
mapfile -t sources < <(find player/app player/text player/report player/phone -name '*.cpp' -o -name '*.h' | LC_ALL=C sort)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

extract() {  # $1: output, $2...: keyword specs
  local out=$1; shift
  local kw=()
  for k in "$@"; do kw+=(--keyword="$k"); done
  xgettext --from-code=UTF-8 --language=C++ --keyword= "${kw[@]}" --add-location=file \
    --package-name=Signaal --copyright-holder="the Signaal authors" --no-wrap \
    -o "$out" "${sources[@]}"
}
extract "$tmp/signaal.pot" w:2 w_:2 say:2 plural:4,5
extract "$tmp/pairs.pot" w:1c,2 w_:1c,2 say:1c,2 plural:2c,4,5
extract "$tmp/pairs-many.pot" plural:3c,4,5
# Dates and the charset placeholder would make every run a change.
sed -i -e '/^"POT-Creation-Date:/d' -e 's/charset=CHARSET/charset=UTF-8/' "$tmp/signaal.pot"
"$python" tools/i18n/dutch_po.py "$tmp/pairs.pot" "$tmp/pairs-many.pot" "$tmp/nl.po"

status=0
if [[ $check == 1 ]]; then
  if ! diff -q <(grep -v '^#:' po/nl.po) <(grep -v '^#:' "$tmp/nl.po") >/dev/null; then
    echo "po/nl.po is not the Dutch of the code: run tools/i18n/update-po.sh" >&2
    diff <(grep -v '^#:' po/nl.po) <(grep -v '^#:' "$tmp/nl.po") | head -20 >&2
    status=1
  fi
  for po in po/*.po; do
    msgfmt --check -o /dev/null "$po" || status=1
    # msgcmp counts a message that is untranslated or fuzzy in $po as missing.
    msgcmp "$po" "$tmp/signaal.pot" || { echo "$po: lacks strings the code uses (above): run tools/i18n/update-po.sh and translate them" >&2; status=1; }
  done
  exit $status
fi

cp "$tmp/signaal.pot" po/signaal.pot
cp "$tmp/nl.po" po/nl.po
for po in po/*.po; do
  [[ $po == po/nl.po ]] && continue
  msgmerge --quiet --update --backup=none --no-wrap --add-location=file "$po" po/signaal.pot
  msgfmt --statistics -o /dev/null "$po"
done
