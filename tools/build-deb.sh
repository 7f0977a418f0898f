#!/usr/bin/env bash
# Builds the Debian package: a release build in build-deb/ (no tests) whose
# programs look for the course where the package puts it, then CPack.
#   bash tools/build-deb.sh        -> dist/signaal_<version>_amd64.deb
# Needs what tools/install-deps.sh installs, plus dpkg-dev (dpkg-shlibdeps
# works out the library Depends), which build-essential brings.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build-deb -G Ninja -DCMAKE_BUILD_TYPE=Release -DSIGNAAL_TESTS=OFF -DSIGNAAL_GUI=ON \
  -DCMAKE_INSTALL_PREFIX=/usr -DSIGNAAL_CONTENT_DIR=/usr/share/signaal/content >/dev/null
ninja -C build-deb -j"$jobs"
mkdir -p dist
(cd build-deb && cpack -G DEB >/dev/null)
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' build-deb/CMakeCache.txt)
deb=dist/signaal_${version}_$(dpkg --print-architecture).deb
[[ -f $deb ]] || { echo "build-deb: cpack made no $deb" >&2; exit 1; }
echo "build-deb: $deb ($(du -h "$deb" | cut -f1))"
