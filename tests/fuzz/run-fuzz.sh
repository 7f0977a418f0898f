#!/usr/bin/env bash
# Builds the loader fuzzer with clang and runs it for SECONDS (default 600),
# seeded with the bundled modules and the malformed corpus (deeply nested
# inputs among them), with a dictionary of the format's names and condition
# operators. The README's test command runs it for 60 s; for a longer run
# (maintainers, before a release):  bash tests/fuzz/run-fuzz.sh 3600
#   bash tests/fuzz/run-fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-600}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DSIGNAAL_FUZZ=ON -DSIGNAAL_GUI=OFF -DSIGNAAL_TESTS=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" >/dev/null
ninja -C build-fuzz fuzz_loader >/dev/null
seeds=build-fuzz/fuzz-seeds
work=build-fuzz/fuzz-corpus
mkdir -p "$seeds" "$work"
find content tests/corpus -name '*.xml' -exec cp {} "$seeds/" \;
cd build-fuzz
./bin/fuzz_loader -max_total_time="$secs" -max_len=131072 -dict=../tests/fuzz/module.dict -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 fuzz-corpus fuzz-seeds 2>&1 | tail -n 25
