#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, and opens the
# course on the bundled content (the window; the terminal player when there is
# no display). Extra arguments go to the player, e.g. `bash tools/run.sh --lang en`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIGNAAL_TESTS=OFF >/dev/null
ninja -C build signaal signaal-check signaal-verify
exec ./build/bin/signaal "$@"
