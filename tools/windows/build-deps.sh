#!/usr/bin/env bash
# Builds the libraries the Windows programs link, from Debian's own source
# packages, with the mingw-w64 toolchain, into a cache outside the clone:
#   ${SIGNAAL_WINDOWS_CACHE:-$HOME/.cache/signaal-windows}/<package>-<version>
# A package already there is not built again, so a warm run takes seconds.
# Prints the prefixes, one a line, on standard output; the log goes to stderr.
#
# Which version: the one of the Linux -dev package installed on this machine
# (tools/install-deps.sh), so both builds use the same library code.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cache=${SIGNAAL_WINDOWS_CACHE:-$HOME/.cache/signaal-windows}
toolchain=$root/tools/windows/mingw-w64.cmake
triple=x86_64-w64-mingw32
jobs=${SIGNAAL_JOBS:-2}
mkdir -p "$cache"
log() { echo "build-deps: $*" >&2; }

# --- a private apt configuration that knows Debian's source packages -----------
# The machine's sources list only binary packages. Its own deb822 stanzas, with
# Types: deb-src, go into a file of ours; the system's configuration is not
# touched and no host name is written anywhere but in the cache.
apt_dir=$cache/apt
apt_opts=()
apt_ready=0
apt_setup() {
  [[ $apt_ready == 1 ]] && return
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
  local sources=/etc/apt/sources.list.d/debian.sources
  [[ -r $sources ]] || { log "no $sources: cannot find Debian's archive"; exit 2; }
  sed 's/^Types:.*/Types: deb-src/' "$sources" >"$apt_dir/deb-src.sources"
  apt_opts=(-o "Dir::Etc::sourcelist=$apt_dir/deb-src.sources" -o Dir::Etc::sourceparts=/nonexistent
            -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o APT::Sandbox::User=root)
  log "apt-get update (source indexes, private lists)"
  apt-get -qq "${apt_opts[@]}" update >&2
  apt_ready=1
}

# Source package name and version of an installed binary package.
src_of() { dpkg-query -W -f='${source:Package} ${source:Version}' "$1"; }

# Unpacks source package $1 at version $2 into $3 (a fresh folder). When the
# Debian part of a source package cannot be fetched (libharu's debian.tar.xz
# once gave a 404), the upstream tarball that did arrive is unpacked instead.
fetch_source() {
  local pkg=$1 ver=$2 dest=$3 dl=$3.dl
  apt_setup
  rm -rf "$dest" "$dl"; mkdir -p "$dl"
  if ! (cd "$dl" && apt-get -qq "${apt_opts[@]}" source --download-only "$pkg=$ver" >&2); then
    log "$pkg=$ver: not every file downloaded; trying what arrived"
  fi
  local dsc
  dsc=$(ls "$dl"/*.dsc 2>/dev/null | head -n1 || true)
  if [[ -n $dsc ]] && dpkg-source --no-check -x "$dsc" "$dest" >&2 2>/dev/null; then
    :
  else
    local orig
    orig=$(ls "$dl"/*.orig.tar.* 2>/dev/null | head -n1 || true)
    [[ -n $orig ]] || { log "$pkg=$ver: no source downloaded"; exit 2; }
    log "$pkg: unpacking the upstream tarball $(basename "$orig") without Debian's patches"
    mkdir -p "$dest" && tar -xf "$orig" -C "$dest" --strip-components=1
  fi
  rm -rf "$dl"
}

# Configures, builds and installs a CMake project for Windows into $2.
cmake_install() {
  local src=$1 prefix=$2; shift 2
  cmake -S "$src" -B "$src/_build" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" -DBUILD_SHARED_LIBS=OFF -DSIGNAAL_WINDOWS_PREFIXES="${prefixes_so_far:-}" "$@" >&2
  cmake --build "$src/_build" -j"$jobs" >&2
  cmake --install "$src/_build" >&2
}

# --- one function per package: build "$src" into "$prefix" --------------------
build_glfw3() {
  cmake_install "$src" "$prefix" -DGLFW_BUILD_EXAMPLES=OFF -DGLFW_BUILD_TESTS=OFF -DGLFW_BUILD_DOCS=OFF
}
build_tinyxml2() { cmake_install "$src" "$prefix" -Dtinyxml2_BUILD_TESTING=OFF -DBUILD_TESTING=OFF; }
build_simdjson() { cmake_install "$src" "$prefix" -DSIMDJSON_DEVELOPER_MODE=OFF -DSIMDJSON_ENABLE_THREADS=ON; }
build_utf8proc() { cmake_install "$src" "$prefix" -DUTF8PROC_INSTALL=ON -DUTF8PROC_ENABLE_TESTING=OFF; }
# zlib: Debian's tarball has no win32/ makefile and its CMake file names the
# static library zlibstatic; its C files are compiled directly into libz.a.
build_zlib() {
  local f
  for f in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast inflate inftrees trees uncompr zutil; do
    $triple-gcc-posix -O2 -c "$src/$f.c" -o "$src/$f.o"
  done
  mkdir -p "$prefix/lib"
  $triple-ar rcs "$prefix/lib/libz.a" "$src"/*.o
  install -D -m644 -t "$prefix/include" "$src/zlib.h" "$src/zconf.h"
}
# libharu without libpng: the certificate draws text and lines, no images.
build_libharu() {
  cmake_install "$src" "$prefix" -DLIBHPDF_SHARED=OFF -DLIBHPDF_STATIC=ON -DLIBHPDF_EXAMPLES=OFF \
    -DCMAKE_DISABLE_FIND_PACKAGE_PNG=ON -DCMAKE_POLICY_DEFAULT_CMP0074=NEW
}
# GNU libintl (gettext-runtime/intl), static, for the interface catalogues
# (player/platform/translate_gettext.cpp). No iconv: the catalogues are UTF-8
# and are asked for as UTF-8, so nothing is converted.
build_gettext() {
  # Debian's patches leave configure.ac newer than configure, and make would
  # then call automake: one time stamp for every file says nothing changed.
  find "$src" -type f -exec touch -d '2020-01-01 00:00' {} +
  (cd "$src/gettext-runtime" &&
    ./configure --host=$triple --prefix="$prefix" --disable-shared --enable-static --disable-libasprintf \
      --disable-java --disable-csharp --disable-rpath --without-libiconv-prefix --enable-threads=windows \
      CC=$triple-gcc-posix >&2 &&
    make -C intl -j"$jobs" >&2 && make -C intl install >&2)
}
# libmicrohttpd, static, for phone voting in classroom mode (player/phone/):
# only the library and its header, no TLS (the page is served on the local
# network only) and no examples or documentation.
build_libmicrohttpd() {
  find "$src" -type f -exec touch -d '2020-01-01 00:00' {} +  # as for gettext: no autotools rerun
  (cd "$src" &&
    ./configure --host=$triple --prefix="$prefix" --disable-shared --enable-static --disable-doc --disable-examples \
      --disable-curl --disable-https --without-gnutls --disable-tools --enable-asserts=no CC=$triple-gcc-posix >&2 &&
    make -C src/microhttpd -j"$jobs" >&2 && make -C src/microhttpd install >&2 && make -C src/include install >&2 &&
    install -D -m644 libmicrohttpd.pc "$prefix/lib/pkgconfig/libmicrohttpd.pc")
}
# libqrencode, static, without its command-line tool (and so without libpng).
build_qrencode() { cmake_install "$src" "$prefix" -DWITH_TOOLS=OFF -DWITH_TESTS=OFF; }
# Dear ImGui is compiled into our own build: keep its sources and backends.
build_imgui() {
  mkdir -p "$prefix/src/imgui"
  cp "$src"/imgui*.cpp "$src"/imgui*.h "$src"/imconfig.h "$prefix/src/imgui/"
  cp "$src"/imstb_*.h "$prefix/src/imgui/" 2>/dev/null || true
  cp "$src"/backends/imgui_impl_glfw.* "$src"/backends/imgui_impl_opengl3* "$prefix/src/imgui/"
}

# Header-only libraries come from the installed -dev packages: only their own
# headers (and CMake package files) are copied, so /usr/include never reaches
# the mingw compiler's include path.
copy_headers_nlohmann() {
  mkdir -p "$prefix/include" "$prefix/share/cmake"
  cp -r /usr/include/nlohmann "$prefix/include/"
  cp -r /usr/share/cmake/nlohmann_json "$prefix/share/cmake/"
}
copy_headers_cli11() {
  mkdir -p "$prefix/include" "$prefix/share/cmake"
  cp -r /usr/include/CLI "$prefix/include/"
  cp -r /usr/share/cmake/CLI11 "$prefix/share/cmake/"
}
# stb: headers plus one static library with the parts we call (Debian's libstb
# is the same idea: the implementations compiled once). *_WINDOWS_UTF8: file
# names given to stbi_load and stbi_write_png are UTF-8, as everywhere in Signaal.
copy_headers_stb() {
  mkdir -p "$prefix/include/stb" "$prefix/lib"
  cp /usr/include/stb/stb_image.h /usr/include/stb/stb_image_write.h /usr/include/stb/stb_truetype.h \
     /usr/include/stb/stb_rect_pack.h "$prefix/include/stb/"
  local tmp; tmp=$(mktemp -d)
  printf '#define STBI_WINDOWS_UTF8\n#define STBIW_WINDOWS_UTF8\n#define STB_IMAGE_IMPLEMENTATION\n#define STB_IMAGE_WRITE_IMPLEMENTATION\n#define STB_TRUETYPE_IMPLEMENTATION\n#define STB_RECT_PACK_IMPLEMENTATION\n#include <stb_image.h>\n#include <stb_image_write.h>\n#include <stb_rect_pack.h>\n#include <stb_truetype.h>\n' >"$tmp/stb.c"
  $triple-gcc-posix -O2 -I"$prefix/include/stb" -c "$tmp/stb.c" -o "$tmp/stb.o"
  $triple-ar rcs "$prefix/lib/libstb.a" "$tmp/stb.o"
  rm -rf "$tmp"
}

# --- the list: binary package installed here, how its source is built, and
# (when not the binary's) the /usr/share/doc folder holding its copyright file
# Order matters: zlib before libharu (each build sees the prefixes before it).
packages=(
  "zlib1g-dev zlib"
  "libhpdf-dev libharu libhpdf-2.3.0"   # libhpdf-dev has no copyright file of its own
  "libglfw3-dev glfw3"
  "libimgui-dev imgui"
  "libtinyxml2-dev tinyxml2"
  "libsimdjson-dev simdjson"
  "libutf8proc-dev utf8proc"
  "gettext gettext"
  "nlohmann-json3-dev headers_nlohmann"
  "libcli11-dev headers_cli11"
  "libstb-dev headers_stb"
  "libmicrohttpd-dev libmicrohttpd"
  "libqrencode-dev qrencode"
)
# Bumped when a recipe above changes, so old cache entries are not reused.
recipe=2
prefixes_so_far=
for entry in "${packages[@]}"; do
  read -r binary how docdir <<<"$entry"
  read -r srcpkg version <<<"$(src_of "$binary" 2>/dev/null || true)"
  [[ -n $srcpkg && -n $version ]] || { log "$binary is not installed (bash tools/install-deps.sh)"; exit 2; }
  prefix=$cache/$srcpkg-${version//:/_}-r$recipe
  if [[ ! -f $prefix/.done ]]; then
    log "building $srcpkg $version"
    start=$SECONDS
    rm -rf "$prefix"; mkdir -p "$prefix"
    if [[ $how == headers_* ]]; then
      "copy_$how"
    else
      src=$cache/work/$srcpkg
      fetch_source "$srcpkg" "$version" "$src"
      "build_$how"
      rm -rf "$src"
    fi
    touch "$prefix/.done"
    log "$srcpkg done in $((SECONDS - start)) s"
  fi
  # The licence travels with the binaries built from it (the zip's licenses/):
  # Debian's copyright file of the same source version, installed on this machine.
  install -D -m644 "/usr/share/doc/${docdir:-$binary}/copyright" "$prefix/share/doc/$srcpkg/copyright"
  prefixes_so_far=${prefixes_so_far:+$prefixes_so_far;}$prefix
  echo "$prefix"
done
