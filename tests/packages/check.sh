# shellcheck shell=bash
# Counting checks for the package tests (sourced): `check DESCRIPTION COMMAND...`
# prints ok/FAIL per check, `finish NAME` the line tools/test.sh adds up,
# "NAME: N passed, M failed", and fails when any check did.
passed=0 failed=0
check() {
  local what=$1
  shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $what"; else failed=$((failed + 1)); echo "FAIL $what"; fi
}
finish() {
  echo "$1: $passed passed, $failed failed"
  ((failed == 0))
}
