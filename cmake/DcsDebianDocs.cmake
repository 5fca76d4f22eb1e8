# Runs inside CPack (CPACK_PRE_BUILD_SCRIPTS) once the files are staged, for the Debian package
# only: Debian wants /usr/share/doc/<package>/copyright in its own format instead of the licence
# text (which every Debian system has in /usr/share/common-licenses) and a changelog.Debian.gz.
set(doc "${CPACK_TEMPORARY_DIRECTORY}${CPACK_PACKAGING_INSTALL_PREFIX}/${CPACK_DCS_DOCDIR}")
if(NOT IS_DIRECTORY "${doc}")
    message(FATAL_ERROR "DcsDebianDocs: no ${doc} in the staged files")
endif()
file(REMOVE "${doc}/LICENSE")
file(COPY_FILE "${CPACK_DCS_DEBIAN_COPYRIGHT}" "${doc}/copyright")

# One entry for the package built from this version; SOURCE_DATE_EPOCH, when set, fixes its date.
string(TIMESTAMP when "%a, %d %b %Y %H:%M:%S +0000" UTC)
file(WRITE "${doc}/changelog.Debian"
"${CPACK_PACKAGE_NAME} (${CPACK_PACKAGE_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE}) unstable; urgency=medium

  * Package of DCS Console ${CPACK_PACKAGE_VERSION}, built with CPack from the
    project's sources.

 -- ${CPACK_DEBIAN_PACKAGE_MAINTAINER}  ${when}
")
execute_process(COMMAND gzip -9nf "${doc}/changelog.Debian" RESULT_VARIABLE gzipped)
if(NOT gzipped EQUAL 0)
    message(FATAL_ERROR "DcsDebianDocs: gzip failed")
endif()
file(CHMOD "${doc}/copyright" "${doc}/changelog.Debian.gz"
     FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
