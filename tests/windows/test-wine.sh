#!/usr/bin/env bash
# The Windows programs, run under Wine, against the Linux build of the same
# tree (docs/windows-build.md):
#   bash tests/windows/test-wine.sh BINDIR DISTDIR
# BINDIR: the Linux build's bin/ (the reference); DISTDIR: what
# tools/build-windows.sh made (the zip, and setup.exe when built).
# Prints one line per check and, last, "windows (wine): N passed, N failed";
# exits 1 when a check failed, 77 when Wine is missing.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
linux=$(cd "$1" && pwd)
dist=$(cd "$2" && pwd)
command -v wine >/dev/null || { echo "windows (wine): wine not found, skipped"; exit 77; }

work=$(mktemp -d)
trap 'wineserver -k >/dev/null 2>&1; rm -rf "$work"' EXIT
# A fresh prefix: nothing from an earlier run or another program can help or hide a failure.
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# Answers are given by position: the module's order, not an attempt's shuffle (as tests/gui does).
export SIGNAAL_FIXED_ORDER=1
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1${2:+: $2}"; }
# Windows programs' output with the Linux path separator and line ends, so the
# two builds' texts compare byte for byte otherwise.
norm() { tr -d '\r' | sed 's|\\|/|g'; }

zip=$(ls "$dist"/signaal-*-windows-x64.zip 2>/dev/null | head -n1)
[[ -n $zip ]] || { bad "zip" "no signaal-*-windows-x64.zip in $dist"; echo "windows (wine): $passed passed, $failed failed"; exit 1; }
# The zip is what users get: test the programs unzipped from it, in a folder
# whose name is not ASCII.
unzip -q "$zip" -d "$work/Zoë-unzipped"
app=$(ls -d "$work"/Zoë-unzipped/signaal-*-windows-x64)
echo "windows (wine): creating a fresh Wine prefix"
start=$SECONDS
wineboot -i >/dev/null 2>&1
wineserver -w
echo "windows (wine): prefix ready in $((SECONDS - start)) s"
w() { (cd "$app" && wine "$@"); }
# A Linux path as the Windows programs take it (Z:\tmp\…): CLI11 on Windows
# reads an argument that starts with "/" as an option (/help).
wp() { winepath -w "$1" 2>/dev/null; }


# --- the window, under Wine and Xvfb ------------------------------------------------
if command -v xvfb-run >/dev/null; then
  shots=$work/shots
  mkdir -p "$shots"
  printf 'wait-frames 3\nscreenshot content-note.png\nkey F2\nwait-frames 2\nscreenshot settings.png\nkey Escape\nwait-frames 2\nkey Enter\nwait-frames 3\nscreenshot scene.png\nquit\n' >"$work/window.script"
  # winepath (above, in $(wp …)) started Wine's desktop process without a
  # display, and GLFW then cannot create its helper window: paths first, then
  # a Wine with nothing running, so the window's run starts it on Xvfb.
  args=(--records "$(wp "$work/window-records")" --settings "$(wp "$work/settings.json")"
        --script "$(wp "$work/window.script")" --screenshot-dir "$(wp "$shots")")
  wineserver -k >/dev/null 2>&1; wineserver -w
  (cd "$app" && xvfb-run -a -s "-screen 0 1366x768x24" wine signaal.exe "${args[@]}" \
     --first-frame-time content/example/example.xml --trainee "Zoë" --new </dev/null) >"$work/window.txt" 2>&1
  rc=$?
  first=$(sed -n 's/^signaal: first frame after \([0-9]*\) ms.*/\1/p' "$work/window.txt" | tail -n1)
  # The bundled Noto Sans must be the font (the built-in one has no ’ “ € —).
  if [[ $rc == 0 && -s $shots/scene.png ]] && ! grep -q "built-in font" "$work/window.txt"; then
    ok "signaal.exe opens its window under Wine and Xvfb, first frame after ${first:-?} ms"
  else
    bad "signaal.exe window" "exit $rc; $(head -n 5 "$work/window.txt")"
  fi
  # Kept for a person to look at (docs/windows-build.md says what they show).
  keep=${SIGNAAL_WINE_SHOTS:-$root/build-windows/wine-shots}
  mkdir -p "$keep" && cp "$shots"/*.png "$keep/" 2>/dev/null
  echo "windows (wine): screenshots in $keep"
  # Votes from phones (libmicrohttpd built for Windows): classroom mode with the
  # server on 127.0.0.1; curl opens the page as a phone, votes, tries a wrong
  # code; the class record must hold that one vote.
  printf 'wait-frames 3\ntext 7C\nkey Enter\nkey Enter\nkey Enter\nkey v\nwait-votes 1\nkey Enter\nkey Enter\nquit\n' >"$work/phones.script"
  args=(--records "$(wp "$work/phone-records")" --settings "$(wp "$work/settings.json")" --script "$(wp "$work/phones.script")")
  wineserver -k >/dev/null 2>&1; wineserver -w
  (cd "$app" && timeout 180 xvfb-run -a -s "-screen 0 1366x768x24" wine signaal.exe "${args[@]}" --class example-night-shift \
     --content content/example --lang nl --phone-bind 127.0.0.1 --phone-port 0 </dev/null) >"$work/phones.txt" 2>&1 &
  phones_run=$!
  for _ in $(seq 90); do grep -q "phone voting on" "$work/phones.txt" 2>/dev/null && break; sleep 1; done
  port=$(sed -n 's/.*(listening on 127\.0\.0\.1:\([0-9]*\)).*/\1/p' "$work/phones.txt")
  code=$(sed -n 's|.*phone voting on http://[^/]*/\([0-9]*\) .*|\1|p' "$work/phones.txt")
  page=$(curl -s -c "$work/jar" -w '%{http_code}' -o "$work/page.html" "http://127.0.0.1:$port/$code/")
  key=$(sed -n 's/.*name="q" value="\([^"]*\)".*/\1/p' "$work/page.html")
  vote=$(curl -s -b "$work/jar" -o /dev/null -w '%{http_code}' --data-urlencode "q=$key" --data "o=ask-girl&js=1" "http://127.0.0.1:$port/$code/vote")
  wrong=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/000000/")
  wait "$phones_run"
  rc=$?
  votes=$(cat "$work"/phone-records/class_*.json 2>/dev/null | tr -d ' \n' | grep -o '"votes":{[^}]*}')
  if [[ $rc == 0 && $page == 200 && $vote == 200 && $wrong == 404 && $votes == '"votes":{"ask-girl":1,"confront":0,"look-away":0,"register":0}' ]]; then
    ok "signaal.exe --class: a phone's vote over HTTP reaches the class record (wrong code: 404)"
  else
    bad "signaal.exe phone voting" "exit $rc, page $page, vote $vote, wrong code $wrong, ${votes:-no votes}; $(head -n 5 "$work/phones.txt")"
  fi
else
  echo "skip window: xvfb-run not found"
fi

# --- the installer, when there is one ---------------------------------------------
# tests/packages/test-installer.sh installs it silently into a prefix of its own,
# checks every file of the zip, the shortcut and the uninstall entry, and removes
# it again; its counts join this test's.
setup=$(ls "$dist"/signaal-*-setup.exe 2>/dev/null | head -n1)
if [[ -n $setup ]]; then
  inst_log=$work/installer.txt
  bash "$root/tests/packages/test-installer.sh" "$app" "$setup" >"$inst_log" 2>&1
  grep -v '^installer: [0-9]* passed' "$inst_log"
  inst=$(grep '^installer: [0-9]* passed' "$inst_log" | tail -n 1)
  if [[ -n $inst ]]; then
    passed=$((passed + $(sed -n 's/.*: \([0-9]*\) passed.*/\1/p' <<<"$inst")))
    failed=$((failed + $(sed -n 's/.* \([0-9]*\) failed.*/\1/p' <<<"$inst")))
  else
    bad "installer test" "it gave no result: $(tail -n 3 "$inst_log")"
  fi
else
  echo "skip installer: no setup.exe in $dist"
fi

# --- signaal-check: the bundled course, and every malformed module ------------------
(cd "$root" && "$linux/signaal-check" content) >"$work/check-linux.txt" 2>&1
rc_linux=$?
w signaal-check.exe content 2>&1 | norm >"$work/check-win.txt"
rc_win=${PIPESTATUS[0]}
(cd "$root" && sed 's|\\|/|g') <"$work/check-linux.txt" >"$work/check-linux-n.txt"
if [[ $rc_win == 0 && $rc_linux == 0 ]] && diff -u "$work/check-linux-n.txt" "$work/check-win.txt" >"$work/check.diff"; then
  ok "signaal-check.exe content: exit 0, the Linux build's words"
else
  bad "signaal-check.exe content" "exit $rc_win (Linux $rc_linux); $(head -c 600 "$work/check.diff")"
fi

same=0 differ=()
cp -r "$root/tests/corpus/bad" "$work/bad"
for f in "$work"/bad/*.xml; do
  n=$(basename "$f")
  l=$(cd "$work/bad" && "$linux/signaal-check" "$n" 2>&1; echo "exit $?")
  x=$(cd "$work/bad" && wine "$app/signaal-check.exe" "$n" 2>&1 | norm; echo "exit ${PIPESTATUS[0]}")
  if [[ $l == "$x" ]]; then same=$((same + 1)); else differ+=("$n"); printf '%s\n--- linux\n%s\n--- windows\n%s\n' "$n" "$l" "$x" >>"$work/corpus.diff"; fi
done
if [[ ${#differ[@]} == 0 ]]; then
  ok "tests/corpus/bad: all $same malformed modules give the Linux build's message and exit code"
else
  bad "tests/corpus/bad: ${#differ[@]} differ (${differ[*]})" "$(head -c 1500 "$work/corpus.diff")"
fi

# --- the terminal player: a score record for Zoë in a folder named with ë ----------
recs_win=$work/Zoë-records
printf '1\n%.0s' $(seq 300) | w signaal.exe --text case-7-jim --trainee "Zoë" --venue "Hotel Zeezicht" \
  --records "$(wp "$recs_win")" --new >"$work/text-win.txt" 2>&1
rc=$?
rec_win=$(ls "$recs_win"/*.json 2>/dev/null | head -n1)
if [[ $rc == 0 && -n $rec_win ]] && grep -q '"Zoë"' "$rec_win"; then
  ok "signaal.exe --text case-7-jim: exit 0, a record for Zoë in Zoë-records (bundled content found next to the exe)"
else
  bad "signaal.exe --text case-7-jim" "exit $rc, record '${rec_win}'; $(tail -n 5 "$work/text-win.txt")"
fi

recs_linux=$work/linux-records
printf '1\n%.0s' $(seq 300) | (cd "$root" && "$linux/signaal" --text case-7-jim --trainee "Lin" --records "$recs_linux" --new) >/dev/null 2>&1
rec_linux=$(ls "$recs_linux"/*.json 2>/dev/null | head -n1)
if [[ -n $rec_win ]] && (cd "$root" && "$linux/signaal-verify" "$rec_win") >"$work/v1.txt" 2>&1; then
  ok "Linux signaal-verify accepts the Windows record"
else
  bad "Linux signaal-verify accepts the Windows record" "$(cat "$work/v1.txt")"
fi
if [[ -n $rec_linux ]] && w signaal-verify.exe "$(wp "$rec_linux")" >"$work/v2.txt" 2>&1; then
  ok "signaal-verify.exe accepts the Linux record"
else
  bad "signaal-verify.exe accepts the Linux record" "$(cat "$work/v2.txt")"
fi
if [[ -n $rec_win ]] && w signaal-verify.exe "$(wp "$recs_win")" >"$work/v3.txt" 2>&1; then
  ok "signaal-verify.exe accepts its own record (folder Zoë-records)"
else
  bad "signaal-verify.exe accepts its own record" "$(cat "$work/v3.txt")"
fi

# --- signaal-report: a CSV table and certificates -----------------------------------
w signaal-report.exe --quiet --table trainees --out "$(wp "$work/trainees.csv")" "$(wp "$recs_win")" "$(wp "$recs_linux")" >"$work/r1.txt" 2>&1
rc=$?
if [[ $rc == 0 ]] && grep -q 'Zoë' "$work/trainees.csv" && grep -q 'Lin' "$work/trainees.csv"; then
  ok "signaal-report.exe --table trainees: a CSV naming Zoë and Lin"
else
  bad "signaal-report.exe --table trainees" "exit $rc; $(cat "$work/r1.txt")"
fi
(cd "$root" && "$linux/signaal-report" --quiet --table trainees --out "$work/trainees-linux.csv" "$recs_win" "$recs_linux") >/dev/null 2>&1
if diff <(tr -d '\r' <"$work/trainees.csv") <(tr -d '\r' <"$work/trainees-linux.csv") >/dev/null; then
  ok "the CSV is the Linux build's, byte for byte"
else
  bad "the CSV is the Linux build's" "$(diff <(tr -d '\r' <"$work/trainees.csv") <(tr -d '\r' <"$work/trainees-linux.csv") | head -c 600)"
fi
# A certificate needs a whole course passed: the example course is one module.
printf '1\n%.0s' $(seq 300) | w signaal.exe --text example-night-shift --trainee "Zoë" --records "$(wp "$recs_win")" --new >/dev/null 2>&1
w signaal-report.exe --quiet --certificates "$(wp "$work/Zoë-certificates")" "$(wp "$recs_win")" >"$work/r2.txt" 2>&1
rc=$?
pdf=$(ls "$work"/Zoë-certificates/*.pdf 2>/dev/null | head -n1)
if [[ $rc == 0 && -n $pdf ]] && [[ $(head -c 4 "$pdf") == "%PDF" ]] && pdftotext "$pdf" - 2>/dev/null | grep -q 'Zoë'; then
  ok "signaal-report.exe --certificates: a PDF that names Zoë"
else
  bad "signaal-report.exe --certificates" "exit $rc, pdf '${pdf}'; $(cat "$work/r2.txt")"
fi

echo "windows (wine): $passed passed, $failed failed"
[[ $failed == 0 ]]
