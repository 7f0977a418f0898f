# Where `cmake --install` (and so the .deb, cmake/package-deb.cmake) puts
# everything, in the Linux layout: programs in bin/, the course in
# share/signaal/content, the desktop entry, icons and AppStream metainfo where
# desktops and software centres look for them.
# The programs find the course through the compile-time SIGNAAL_CONTENT_DIR,
# so a build that is installed configures it to match:
#   -DCMAKE_INSTALL_PREFIX=/usr -DSIGNAAL_CONTENT_DIR=/usr/share/signaal/content
include(GNUInstallDirs)
set(SIGNAAL_APP_ID nl.signaal.Signaal)  # reverse DNS; docs/platforms.md says why this one
set(SIGNAAL_INSTALLED_CONTENT_DIR "${CMAKE_INSTALL_FULL_DATADIR}/signaal/content")

install(TARGETS signaal signaal-check signaal-verify signaal-report RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY content/ DESTINATION ${CMAKE_INSTALL_DATADIR}/signaal/content)

install(FILES assets/linux/${SIGNAAL_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES assets/linux/${SIGNAAL_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(DIRECTORY assets/icons/ DESTINATION ${CMAKE_INSTALL_DATADIR}/icons)
install(FILES assets/signaal.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${SIGNAAL_APP_ID}.svg)

# The Markdown only: the screenshots the window's guide shows are 1 MB and
# are read in the repository.
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md" PATTERN screenshots EXCLUDE)

if(NOT SIGNAAL_CONTENT_DIR STREQUAL SIGNAAL_INSTALLED_CONTENT_DIR)
  message(STATUS "SIGNAAL_CONTENT_DIR is ${SIGNAAL_CONTENT_DIR}: installed programs will not find "
                 "the installed course (${SIGNAAL_INSTALLED_CONTENT_DIR}) without --content; fine for a build run in place")
endif()
