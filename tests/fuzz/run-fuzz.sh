#!/usr/bin/env bash
# Builds the loader fuzzer with clang and runs it for SECONDS (default 600),
# seeded with the bundled modules and the malformed corpus.
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
./bin/fuzz_loader -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 fuzz-corpus fuzz-seeds 2>&1 | tail -n 25
