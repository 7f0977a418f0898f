# `cpack` in a configured build makes a Debian package of what
# cmake/install.cmake installs: dist/signaal_<version>_amd64.deb by
# tools/build-deb.sh, tested by tests/packages/test-deb.sh.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME signaal)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline scenario-training player")
# Debian shows the long description as it is: lines kept under 80 columns.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
  "Signaal plays scenario-based training modules written in XML. It branches on"
  "the trainee's choices, explains every choice and records scores that a"
  "trainer can verify."
  ""
  "The bundled course, in Dutch and English, teaches staff of hotels and holiday"
  "parks, and other professionals, to recognise and act on signals of sexual"
  "exploitation and trafficking of children."
  ""
  "Programs: signaal (window and terminal player), signaal-check,"
  "signaal-verify and signaal-report (the trainer's report).")
# No address is written in the repository; a release sets its own.
set(SIGNAAL_DEB_MAINTAINER "Signaal maintainers" CACHE STRING "Maintainer field of the .deb")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SIGNAAL_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # signaal_0.1.0_amd64.deb
# Library packages come from dpkg-shlibdeps over the programs. Fonts are read
# from files, so no linker sees them: the window asks fontconfig (fc-match) for
# Noto Sans, else DejaVu Sans (player/app/fonts.cpp), and certificates are set
# in DejaVu Sans (player/report/certificate.h).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, fontconfig")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-core")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_STRIP_FILES ON)
set(CPACK_OUTPUT_FILE_PREFIX ${CMAKE_SOURCE_DIR}/dist)
include(CPack)
