# The Debian package, made by CPack from the same install rules as `cmake --install`:
#   cpack -G DEB   (in a build folder; scripts/package-deb.sh does it all)
set(DCS_PACKAGE_MAINTAINER "DCS Console developers <dcsconsole@users.noreply.github.com>"
    CACHE STRING "Maintainer named in the packages")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME dcs-console)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "DCS Console developers")
set(CPACK_PACKAGE_CONTACT "${DCS_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${DCS_HOMEPAGE}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop console for Huawei Cloud DCS (managed Redis)")
set(CPACK_PACKAGE_DESCRIPTION "\
DCS Console lists the cache instances of a Huawei Cloud Distributed Cache
Service project and the backups of each instance, restores an instance from a
chosen backup with a remark, and follows the restore to its end. A restore is
posted once and never repeated. Secrets are kept in the system keychain. The
interface speaks Simplified Chinese and English.

The package also contains dcs-sim, a local simulator of the DCS API, which the
console starts for its Demo profile so that it can be tried without an
account.")
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${DCS_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# Libraries from the binaries (dpkg-shlibdeps), plus the packages of what Qt loads as plugins,
# which no binary names: the platform plugins (without them no window opens at all) and the SVG
# icon engine (every icon of the console is an SVG).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6 (>= 6.4)")
# A keychain service for the secrets (without one they live in memory for the session), a CJK
# font for the Chinese interface, and Qt's own translations for its standard dialogs.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "gnome-keyring | kwalletmanager | keepassxc, fonts-noto-cjk | fonts-wqy-microhei, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Debian's documentation files: the machine-readable copyright instead of the licence text (which
# Debian keeps in /usr/share/common-licenses) and a changelog.
set(CPACK_DCS_DEBIAN_COPYRIGHT "${CMAKE_SOURCE_DIR}/packaging/debian/copyright")
set(CPACK_DCS_DOCDIR "${CMAKE_INSTALL_DOCDIR}")
set(CPACK_PRE_BUILD_SCRIPTS "${CMAKE_SOURCE_DIR}/cmake/DcsDebianDocs.cmake")

set(CPACK_SOURCE_GENERATOR TXZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/\\\\.git$" "/build[^/]*/" "/\\\\.cache/")

include(CPack)
