#!/usr/bin/env bash
# Cross-compiles every program for Windows x86-64 with Debian's mingw-w64
# compilers and packages them (docs/windows-build.md):
#   bash tools/build-windows.sh
# gives dist/signaal-<version>-windows-x64.zip (unzip anywhere and run) and,
# when assets/windows/installer.nsi is there, dist/signaal-<version>-setup.exe.
# The libraries come from Debian's source packages (tools/windows/build-deps.sh),
# built once into ~/.cache/signaal-windows.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh --windows  # the compilers, NSIS, zip (and Wine for the tests)
root=$PWD
version=$(sed -n 's/^project(signaal VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
build=${SIGNAAL_WINDOWS_BUILD:-$root/build-windows}
dist=$root/dist
jobs=${SIGNAAL_JOBS:-2}

echo "== Windows: libraries from Debian's source packages"
prefix_list=$(bash tools/windows/build-deps.sh)
prefixes=$(paste -sd';' <<<"$prefix_list")

echo "== Windows: build (mingw-w64, static)"
cmake -S . -B "$build" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$root/tools/windows/mingw-w64.cmake" -DCMAKE_BUILD_TYPE=Release \
  -DSIGNAAL_TESTS=OFF -DSIGNAAL_GUI=ON -DSIGNAAL_WINDOWS_PREFIXES="$prefixes" >/dev/null
ninja -C "$build" -j"$jobs"

echo "== Windows: package"
name=signaal-$version-windows-x64
stage=$dist/$name
rm -rf "$stage"
mkdir -p "$stage/fonts" "$stage/licenses"
cp "$build"/bin/signaal.exe "$build"/bin/signaal-check.exe "$build"/bin/signaal-verify.exe "$build"/bin/signaal-report.exe "$stage/"
cp -r content "$stage/content"
# The interface catalogues (po/*.po compiled by the build), where
# player/platform/translate_gettext.cpp looks: locale\<lang>\LC_MESSAGES\signaal.mo.
cp -r "$build/share/locale" "$stage/locale"
# The window's font (player/app/fonts.cpp) and the certificate's two
# (player/report/certificate.h), from Debian's font packages, with their terms.
cp /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf "$stage/fonts/"
cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf "$stage/fonts/"
cp /usr/share/doc/fonts-noto-core/copyright "$stage/licenses/fonts-noto-core.txt"
cp /usr/share/doc/fonts-dejavu-core/copyright "$stage/licenses/fonts-dejavu-core.txt"
# Every library linked into the programs: the ones built from source, and the
# compiler's runtime (libstdc++, libgcc, winpthreads, the mingw-w64 C runtime
# start-up code) and glad's generator, which wrote the OpenGL loader.
while read -r p; do
  for f in "$p"/share/doc/*/copyright; do
    cp "$f" "$stage/licenses/$(basename "$(dirname "$f")").txt"
  done
done <<<"$prefix_list"
cp /usr/share/doc/gcc-mingw-w64-base/copyright "$stage/licenses/gcc-runtime.txt"
cp /usr/share/doc/mingw-w64-common/copyright "$stage/licenses/mingw-w64.txt"
cp /usr/share/doc/python3-glad/copyright "$stage/licenses/glad.txt"
# Windows' own Notepad reads CRLF text best.
sed 's/$/\r/' >"$stage/README.txt" <<EOF
Signaal $version for Windows (x86-64)

signaal.exe          the player (window); signaal.exe --text plays in this console
signaal-check.exe    checks modules:         signaal-check.exe content
signaal-verify.exe   checks score records
signaal-report.exe   trainer's reports and certificates

content\\   the bundled course      fonts\\   fonts the window and certificates use
locale\\    the interface in other languages (Polish: signaal.exe --lang pl)
licenses\\  the terms of every library and font included

Score records are kept in %APPDATA%\\Signaal\\records, settings in
%LOCALAPPDATA%\\Signaal (SIGNAAL_RECORDS and SIGNAAL_CONTENT override them).
EOF

zip_file=$dist/$name.zip
rm -f "$zip_file"
(cd "$dist" && zip -qr -9 "$zip_file" "$name")
echo "windows: $zip_file ($(du -k "$zip_file" | cut -f1) KB)"

nsi=assets/windows/installer.nsi
setup=$dist/signaal-$version-setup.exe
if [[ -f $nsi ]]; then
  rm -f "$setup"
  makensis -V2 -DVERSION="$version" -DSTAGE="$stage" -DOUTFILE="$setup" "$nsi"
  echo "windows: $setup ($(du -k "$setup" | cut -f1) KB)"
else
  echo "windows: installer skipped ($nsi is not in this tree)"
fi
