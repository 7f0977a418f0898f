#!/usr/bin/env bash
# Installs a Signaal setup.exe (assets/windows/installer.nsi) silently under
# Wine in a fresh prefix, checks what a user would get — every staged file in
# %LOCALAPPDATA%\Programs\Signaal, the Start-menu shortcut, the uninstaller
# registered under HKCU — then uninstalls silently and checks all of it is gone.
#   bash tests/packages/test-installer.sh STAGE_DIR SETUP_EXE
# STAGE_DIR is the folder the installer was made from. Prints
# "installer: N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
if (($# != 2)) || [[ ! -d $1 || ! -f $2 ]]; then
  echo "usage: $0 STAGE_DIR SETUP_EXE" >&2
  exit 2
fi
stage=$(cd "$1" && pwd) setup=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
command -v wine >/dev/null || { echo "test-installer: wine is not installed" >&2; exit 2; }
# The installer is a Windows GUI program even when silent; without a display
# Wine cannot make its (hidden) windows. One virtual X server for the whole
# test, so it outlives the wineserver of each step.
if [[ -z ${DISPLAY:-} ]] && command -v xvfb-run >/dev/null && [[ -z ${SIGNAAL_UNDER_XVFB:-} ]]; then
  SIGNAAL_UNDER_XVFB=1 exec xvfb-run -a bash "$0" "$stage" "$setup"
fi

# shellcheck source=tests/packages/check.sh
source "$(dirname "$0")/check.sh"

WINEPREFIX=$(mktemp -d)
export WINEPREFIX WINEDEBUG=-all
# A fresh prefix would otherwise offer to download Mono and Gecko in a dialog.
export WINEDLLOVERRIDES="mscoree,mshtml="
trap 'wineserver -k 2>/dev/null; rm -rf "$WINEPREFIX"' EXIT
# Made first, apart, so its messages (a wine64-only machine has no 32-bit
# rundll32) do not mix with the installer's.
wineboot -i >/dev/null 2>&1
wineserver -w

# Wine never asks for elevation, so what Windows would do is read from the
# manifest: asInvoker runs with the user's own rights, no administrator prompt.
check "setup.exe asks for no administrator rights (asInvoker)" grep -q 'level="asInvoker"' <(strings "$setup")

wine "$setup" /S
check "setup.exe /S exits 0" test $? -eq 0
wineserver -w

inst=$(find "$WINEPREFIX/drive_c/users" -maxdepth 6 -type d -path '*/AppData/Local/Programs/Signaal' | head -n 1)
check "installed into AppData/Local/Programs/Signaal (per user)" test -n "$inst"
[[ -n $inst ]] || inst=$WINEPREFIX/missing
user_dir=${inst%/AppData/Local/Programs/Signaal}

same_files() { # every staged file is installed, byte for byte
  local f bad=0
  while IFS= read -r -d '' f; do
    cmp -s "$stage/$f" "$inst/$f" || { echo "     not installed as staged: $f"; bad=1; }
  done < <(cd "$stage" && find . -type f -print0)
  return $bad
}
check "every file of the stage installed ($(find "$stage" -type f | wc -l) files)" same_files
check "uninstall.exe installed" test -f "$inst/uninstall.exe"
shortcut="$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Signaal.lnk"
check "Start-menu shortcut" test -f "$shortcut"

key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Signaal'
query() { wine reg query "$key" /v "$1" 2>/dev/null | tr -d '\r'; }
check "uninstall key names Signaal" grep -q "DisplayName.*Signaal" <<<"$(query DisplayName)"
check "uninstall key's QuietUninstallString runs uninstall.exe /S" grep -q 'uninstall.exe" /S' <<<"$(query QuietUninstallString)"
check "uninstall key has a DisplayVersion" grep -q "DisplayVersion" <<<"$(query DisplayVersion)"

# The uninstaller copies itself to %TEMP% and returns at once; the copy does
# the work, so wait for every process of the prefix to end.
if [[ -f $inst/uninstall.exe ]]; then
  wine "$inst/uninstall.exe" /S
  check "uninstall.exe /S exits 0" test $? -eq 0
  wineserver -w
fi
check "install folder removed" test ! -e "$inst"
check "Start-menu shortcut removed" test ! -e "$shortcut"
check "uninstall key removed" bash -c "! wine reg query '$key' >/dev/null 2>&1"
check "the user's own folders are kept" test -d "$user_dir/AppData/Local"

finish installer
