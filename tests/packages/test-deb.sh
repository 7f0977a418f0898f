#!/usr/bin/env bash
# Installs the .deb that tools/build-deb.sh made and uses it as a user would:
# programs from PATH, no repository around (a fresh folder and HOME), the
# course and records in their installed places; then removes the package.
#   bash tests/packages/test-deb.sh dist/signaal_0.1.0_amd64.deb
# As root, or as a user who can run sudo. Prints "deb: N passed, N failed" and
# exits non-zero on any failure.
set -uo pipefail
if (($# != 1)) || [[ ! -f $1 ]]; then
  echo "usage: $0 DEB" >&2
  exit 2
fi
deb=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi

# shellcheck source=tests/packages/check.sh
source "$(dirname "$0")/check.sh"

work=$(mktemp -d)
# A program's output is shown only when it fails.
quiet() {
  "$@" >"$work/out.log" 2>&1 || { tail -n 20 "$work/out.log" | sed 's/^/     /'; return 1; }
}
cleanup() {
  DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y -qq signaal >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1
check "apt-get install of $(basename "$deb")" test $? -eq 0 || tail -n 20 "$work/apt.log"

# Nothing of the repository or of this shell's settings may help the programs.
mkdir -p "$work/home" "$work/cwd"
cd "$work/cwd" || exit 1
export HOME=$work/home SIGNAAL_FIXED_ORDER=1
unset SIGNAAL_CONTENT SIGNAAL_RECORDS XDG_DATA_HOME XDG_CONFIG_HOME DISPLAY WAYLAND_DISPLAY
records=$HOME/.local/share/signaal/records

for p in signaal signaal-check signaal-verify signaal-report; do
  check "$p on PATH in /usr/bin" test "$(command -v "$p")" = "/usr/bin/$p"
done
# The course must be the installed one, not a source tree that happens to be
# on this machine at the path a wrongly configured build compiled in.
check_default=$(signaal-check 2>&1)
check "signaal-check with no argument exits 0" test $? -eq 0
check "signaal-check with no argument reads /usr/share/signaal/content" grep -q "^/usr/share/signaal/content/" <<<"$check_default"
check "signaal-check --strict /usr/share/signaal/content" quiet signaal-check --strict /usr/share/signaal/content

# One answer per line when input is not a terminal (README); 1 to every question reaches an ending.
yes 1 | head -n 200 | signaal --text case-7-jim --trainee "Test Trainee" --venue "Test Venue" --role reception \
  --lang en >"$work/play.log" 2>&1
play_rc=${PIPESTATUS[2]}  # yes and head end on SIGPIPE; the player's own status counts
check "signaal --text case-7-jim finishes (exit 0)" test "$play_rc" -eq 0 || tail -n 20 "$work/play.log"
record=$(find "$records" -name '*.json' 2>/dev/null | head -n 1)
check "a score record in ~/.local/share/signaal/records" test -n "$record"
check "signaal-verify accepts the record" quiet signaal-verify "${record:-/nonexistent}"
report=$(signaal-report --table trainees "$records" 2>/dev/null)
check "signaal-report --table trainees exits 0" test $? -eq 0
check "the report names the trainee" grep -q "Test Trainee" <<<"$report"

# The window, from the installed binary with the installed course and fonts.
if command -v xvfb-run >/dev/null; then
  printf 'wait-frames 3\nscreenshot start.png\nquit\n' >"$work/quit.script"
  LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1280x800x24" \
    signaal --script "$work/quit.script" --screenshot-dir "$work/cwd" >"$work/window.log" 2>&1
  check "the window opens, draws and quits (Xvfb)" test $? -eq 0 -a -s "$work/cwd/start.png"
fi

app=nl.signaal.Signaal
desktop=/usr/share/applications/$app.desktop
metainfo=/usr/share/metainfo/$app.metainfo.xml
check "desktop entry installed" test -f "$desktop"
if command -v desktop-file-validate >/dev/null; then check "desktop entry valid" quiet desktop-file-validate "$desktop"; fi
check "desktop entry runs signaal with its icon" grep -qx "Icon=$app" "$desktop"
for n in 16 24 32 48 64 128 256; do
  check "icon ${n}x$n" test -f "/usr/share/icons/hicolor/${n}x$n/apps/$app.png"
done
check "scalable icon" test -f "/usr/share/icons/hicolor/scalable/apps/$app.svg"
check "AppStream metainfo installed" test -f "$metainfo"
if command -v appstreamcli >/dev/null; then check "AppStream metainfo valid" quiet appstreamcli validate --no-net "$metainfo"; fi
check "README in /usr/share/doc/signaal" test -f /usr/share/doc/signaal/README.md

outside=$(dpkg -L signaal | grep -v -x -e '/\.' -e '/usr' -e '/usr/.*')
check "dpkg -L signaal: nothing outside /usr" test -z "$outside"
depends=$(dpkg-query -W -f='${Depends}' signaal)
depends_complete() {
  local want
  for want in fonts-dejavu-core fontconfig libglfw3 libtinyxml2 libc6; do
    [[ $depends == *"$want"* ]] || { echo "     Depends lacks $want: $depends"; return 1; }
  done
}
check "Depends names the fonts and the libraries (shlibdeps)" depends_complete

finish deb
