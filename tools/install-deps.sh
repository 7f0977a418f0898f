#!/usr/bin/env bash
# Installs the Debian packages Signaal needs that are missing (Debian 12, as root
# or with sudo). `--test` adds what the tests need (virtual X server, clang for
# the fuzzer, PDF and XML tools, sox to measure read-aloud's WAV files, validators for the desktop entry and AppStream
# metainfo, an X server with two monitors for the two-screen class test, chromium for the phone voting page)
# and the Windows cross build with Wine to test it; `--windows` adds only the
# latter (tools/build-windows.sh). Safe to run again: it installs only what is missing.
set -euo pipefail

build_pkgs=(build-essential cmake ninja-build pkg-config
  libtinyxml2-dev nlohmann-json3-dev libcli11-dev libssl-dev
  libimgui-dev libglfw3-dev libgl-dev python3-glad libstb-dev
  libhpdf-dev libcurl4-openssl-dev libutf8proc-dev libjemalloc-dev libsimdjson-dev
  libespeak-ng-dev espeak-ng-data libpcaudio-dev libmicrohttpd-dev libqrencode-dev
  fonts-noto-core fonts-dejavu-core fontconfig gettext)
test_pkgs=(catch2 xvfb xauth libgl1-mesa-dri xdotool clang libclang-rt-14-dev
  libxml2-utils poppler-utils python3 python3-polib procps appstream desktop-file-utils sox
  xserver-xorg-core xserver-xorg-video-dummy x11-xserver-utils x11-utils chromium curl)

# mingw-w64 (the Windows compilers), NSIS (setup.exe), zip; Wine runs the result
# (tests/windows/test-wine.sh). The libraries are built from source packages.
windows_pkgs=(gcc-mingw-w64-x86-64-posix g++-mingw-w64-x86-64-posix nsis zip unzip wine wine64)

pkgs=("${build_pkgs[@]}")
case "${1:-}" in
  --test) pkgs+=("${test_pkgs[@]}" "${windows_pkgs[@]}") ;;
  --windows) pkgs+=("${windows_pkgs[@]}") ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#pkgs[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
