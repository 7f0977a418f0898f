#!/bin/sh
# The command-line tools' messages and exit codes that issue 16 asked for:
# signaal-verify tells "module not found" from a mismatch (exit 2, --content
# named), signaal-check --help lists the graph analyses, and --graph shows a
# choice's condition and its label in the module's language.
# Usage: cli_test.sh BIN_DIR REPO_DIR
set -u
bin=$1 repo=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A finished record of the example, then the same record naming a module nobody has.
mkdir -p "$tmp/rec"
yes 1 | head -50 | "$bin/signaal" --text "$repo/content/example/example.xml" --trainee T --venue V --role R \
    --records "$tmp/rec" --lang en >/dev/null 2>&1
rec=$(ls "$tmp/rec"/*.json | head -1)
[ -f "$rec" ] || fail "the terminal player wrote no record"
"$bin/signaal-verify" --content "$repo/content" "$rec" >/dev/null || fail "the fresh record does not verify"
sed 's/"example-night-shift"/"gone-module"/' "$rec" > "$tmp/gone.json"
out=$("$bin/signaal-verify" --content "$repo/content" "$tmp/gone.json"); rc=$?
[ $rc -eq 2 ] || fail "module not found: exit $rc, want 2"
echo "$out" | grep -q "MODULE NOT FOUND: module 'gone-module'" || fail "no MODULE NOT FOUND line: $out"
echo "$out" | grep -q -- "--content" || fail "the message does not say how to point at the module: $out"
echo "$out" | grep -q MISMATCH && fail "a missing module reads as a mismatch: $out"

help=$("$bin/signaal-check" --help)
echo "$help" | grep -q "Graph analyses" || fail "signaal-check --help does not list the graph analyses"
echo "$help" | grep -q "choice never offered" || fail "signaal-check --help does not name the condition warnings"

dot=$("$bin/signaal-check" --graph "$repo/content/example/example.xml" --lang en) || fail "--graph failed"
echo "$dot" | grep -q "offered when" || fail "--graph shows no choice condition"
nl=$("$bin/signaal-check" --graph "$repo/content/example/example.xml" --lang nl)
[ "$dot" != "$nl" ] || fail "--graph labels do not follow --lang"
# Module prerequisites (issue 19 item 3). The terminal player refuses the final
# assessment before modules 1 to 4 are passed (exit 6), names them, writes nothing.
mkdir -p "$tmp/empty"
out=$("$bin/signaal" --text hotel-5-assessment --content "$repo/content" --trainee T --venue V \
      --records "$tmp/empty" --lang en </dev/null 2>&1); rc=$?
[ $rc -eq 6 ] || fail "locked assessment: exit $rc, want 6: $out"
echo "$out" | grep -q "passed these modules first: Hotels and parks 1" || fail "the refusal does not name module 1: $out"
[ -z "$(ls "$tmp/empty")" ] || fail "the locked assessment wrote a record: $(ls "$tmp/empty")"
# The terminal's module list (no module named) tells which module opens only
# after others, by their numbers in the same list (lines joined: it wraps).
out=$("$bin/signaal" --text --content "$repo/content" --lang en </dev/null 2>&1 | tr '\n' ' ' | tr -s ' ')
echo "$out" | grep -q "5\. Hotels and parks 5: final assessment ([0-9]* min · nl, en, pl · opens after 1, 2, 3, 4)" \
    || fail "the module list does not say the assessment opens after modules 1 to 4: $out"
echo "$out" | grep -q "1\. Hotels and parks 1: why you make the difference ([0-9]* min · nl, en, pl)" \
    || fail "the module list marks a module that requires nothing: $out"
# signaal-check of the assessment alone notes what it cannot see, and passes --strict.
out=$("$bin/signaal-check" --strict "$repo/content/hotel/hotel-5-assessment.xml"); rc=$?
[ $rc -eq 0 ] || fail "signaal-check --strict of hotel-5 alone: exit $rc: $out"
echo "$out" | grep -q "hotel-5-assessment.xml:6:19: note: could not check the required module 'hotel-1-intro'" \
    || fail "no note at the id for what a single file cannot check: $out"
# The requirements corpus: every mistake, at the id, and exit 2.
out=$("$bin/signaal-check" -q "$repo/tests/corpus/requires"); rc=$?
[ $rc -eq 2 ] || fail "requirements corpus: exit $rc, want 2: $out"
echo "$out" | grep -q "typo.xml:2:119: error: requires module 'intr'.*did you mean 'intro'" || fail "no did-you-mean: $out"
echo "$out" | grep -q "require each other in a cycle" || fail "no cycle: $out"
echo "cli tests passed"
