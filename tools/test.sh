#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs every
# test twice — a normal build (with the window, tested under Xvfb) and a build
# with -fsanitize=address,undefined — then the Windows build under Wine, then a
# short fuzz run of the loader. Between the two Linux builds it builds the .deb,
# installs it, uses it and removes it.
#   bash tools/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh --test

jobs=$(nproc 2>/dev/null || echo 2)
echo "== build (RelWithDebInfo, with the window)"
# Every option the tests rely on is set here: `tools/run.sh` configures the same
# build/ folder without tests, and a cached SIGNAAL_TESTS=OFF once made this
# command run no tests and still pass.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIGNAAL_TESTS=ON -DSIGNAAL_GUI=ON >/dev/null
ninja -C build -j"$jobs"
# The xAPI conformance test uses Learning Locker's validator from npm (skipped without it).
if command -v npm >/dev/null && [[ ! -d build/npm/node_modules/xapi-validation ]]; then
  npm install --silent --no-audit --no-fund --prefix build/npm xapi-validation@2.1.4 ||
    echo "test.sh: could not install xapi-validation from npm; its test will be skipped"
fi
# ctest's last line, e.g. "100% tests passed, 0 tests failed out of 85", is kept
# for the summary; --no-tests=error fails a build that holds no tests.
run_ctest() {
  local dir=$1 log
  log=$(mktemp)
  shift
  set +e
  "$@" ctest --test-dir "$dir" --output-on-failure --no-tests=error -j"$jobs" | tee "$log"
  local rc=${PIPESTATUS[0]}
  set -e
  grep -E "tests passed|tests failed" "$log" | tail -n 1 >"$dir/ctest-summary.txt" || echo "no tests ran" >"$dir/ctest-summary.txt"
  rm -f "$log"
  return "$rc"
}

# A real LRS for the LRS test (Learning Locker's statement service, no database),
# kept in a cache outside the clone so only a cold machine pays for it.
npm_cache="${HOME}/.cache/signaal-npm"
if command -v npm >/dev/null && [[ ! -f "$npm_cache/node_modules/xapi-statements/dist/server.js" ]]; then
  mkdir -p "$npm_cache"
  npm install --silent --no-audit --no-fund --prefix "$npm_cache" xapi-statements@5.0.1 ||
    echo "test.sh: could not install xapi-statements from npm; the real-LRS test will be skipped"
fi

# The phone voting page in a real browser: playwright-core drives Debian's chromium.
if command -v npm >/dev/null && [[ ! -f "$npm_cache/node_modules/playwright-core/package.json" ]]; then
  mkdir -p "$npm_cache"
  npm install --silent --no-audit --no-fund --prefix "$npm_cache" playwright-core@1.49.1 ||
    echo "test.sh: could not install playwright-core from npm; the phone browser test will be skipped"
fi

echo "== tests"
run_ctest build env

# --- Linux package (issue 15): build the .deb, install it, use it, remove it. ---
# Its "deb: N passed, M failed" joins the final line; a failure stops the run,
# as a failing ctest does.
echo "== Linux package (tools/build-deb.sh, tests/packages/test-deb.sh)"
bash tools/build-deb.sh
deb_version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' build-deb/CMakeCache.txt)
bash tests/packages/test-deb.sh "dist/signaal_${deb_version}_$(dpkg --print-architecture).deb" | tee build-deb/test-log.txt ||
  { grep "^deb: " build-deb/test-log.txt || echo "deb: no result"; exit 1; }
grep "^deb: " build-deb/test-log.txt >build-deb/test-summary.txt
package_summaries=(build-deb/test-summary.txt)
# --- end of the Linux package block ---

echo "== build with -fsanitize=address,undefined (no window: Mesa's own leaks are not ours)"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSIGNAAL_SANITIZE=ON -DSIGNAAL_GUI=OFF -DSIGNAAL_TESTS=ON >/dev/null
ninja -C build-asan -j"$jobs"
echo "== tests under the sanitizers"
run_ctest build-asan env ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# Windows: the same programs cross-compiled with mingw-w64 and run under Wine
# against this Linux build (docs/windows-build.md). Counts join the summary.
echo "== Windows build (mingw-w64) and its tests under Wine"
win_summary="windows (wine): not run"
if bash tools/build-windows.sh; then
  set +e
  bash tests/windows/test-wine.sh build/bin dist | tee build/wine-test.log
  set -e
  win_summary=$(grep '^windows (wine): [0-9]* passed' build/wine-test.log | tail -n 1 || true)
  [[ -n $win_summary ]] || win_summary="windows (wine): 0 passed, 1 failed"
else
  win_summary="windows (wine): 0 passed, 1 failed"  # the cross build itself failed
fi

echo "== fuzz the loader for ${SIGNAAL_FUZZ_SECONDS:-60} s"
bash tests/fuzz/run-fuzz.sh "${SIGNAAL_FUZZ_SECONDS:-60}"

echo "== summary"
echo "normal build (with the window): $(cat build/ctest-summary.txt)"
echo "sanitizer build:                $(cat build-asan/ctest-summary.txt)"
echo "linux package:                  $(cat build-deb/test-summary.txt)"
echo "$win_summary"
# One plain line for both builds, the package and Windows together, the form CI reads.
total=0 failed=0
for f in build/ctest-summary.txt build-asan/ctest-summary.txt; do
  n=$(sed -n 's/.*out of \([0-9]*\).*/\1/p' "$f"); k=$(sed -n 's/.* \([0-9]*\) tests failed.*/\1/p' "$f")
  total=$((total + ${n:-0})); failed=$((failed + ${k:-0}))
done
# Package and Windows tests print "NAME: N passed, M failed" (tests/packages/,
# tests/windows/); each block adds its line to package_summaries.
echo "$win_summary" >build/wine-summary.txt
package_summaries+=(build/wine-summary.txt)
for f in "${package_summaries[@]}"; do
  p=$(sed -n 's/.*: \([0-9]*\) passed.*/\1/p' "$f"); k=$(sed -n 's/.* \([0-9]*\) failed.*/\1/p' "$f")
  total=$((total + ${p:-0} + ${k:-0})); failed=$((failed + ${k:-0}))
done
echo "tests: $((total - failed)) passed, $failed failed"
# A failed Windows or package check fails the run, as a failed ctest does.
((failed == 0))
