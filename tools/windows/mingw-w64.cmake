# CMake toolchain for Windows x86-64 with Debian's mingw-w64 compilers.
# The -posix variants are used because they give std::thread and std::mutex
# (the report's worker threads); the -win32 ones do not.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(triple x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${triple}-gcc-posix)
set(CMAKE_CXX_COMPILER ${triple}-g++-posix)
set(CMAKE_RC_COMPILER ${triple}-windres)
set(CMAKE_AR ${triple}-ar CACHE FILEPATH "")
set(CMAKE_RANLIB ${triple}-ranlib CACHE FILEPATH "")

# Look for libraries and headers only in the mingw sysroot and in the prefixes
# built by tools/windows/build-deps.sh (SIGNAAL_WINDOWS_PREFIXES, a ;- or
# :-separated list, from the cache or the environment), never in the build
# machine's /usr: a Linux library found there would link into nothing but errors.
if(NOT SIGNAAL_WINDOWS_PREFIXES)
  set(SIGNAAL_WINDOWS_PREFIXES "$ENV{SIGNAAL_WINDOWS_PREFIXES}")
endif()
string(REPLACE ":" ";" _signaal_prefixes "${SIGNAAL_WINDOWS_PREFIXES}")
set(CMAKE_FIND_ROOT_PATH /usr/${triple} ${_signaal_prefixes})
# try_compile projects read this file again without the cache: pass the list on.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES SIGNAAL_WINDOWS_PREFIXES)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config (tinyxml2, utf8proc) reads only the prefixes' .pc files, which
# name absolute paths inside the prefixes.
set(_signaal_pc "")
foreach(p IN LISTS _signaal_prefixes)
  string(APPEND _signaal_pc "${p}/lib/pkgconfig:")
endforeach()
set(ENV{PKG_CONFIG_LIBDIR} "${_signaal_pc}")
set(ENV{PKG_CONFIG_PATH} "")
