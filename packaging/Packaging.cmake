# Install layout and the Debian package (`make deb`: cpack -G DEB in build/release; docs/deployment.md).
#   /usr/bin/rekrut                         the server
#   /usr/share/rekrut/{templates,migrations,web}  resources (paths.resources)
#   /usr/share/rekrut/locale                compiled catalogs (paths.locale)
#   /etc/rekrut/rekrut.toml                 configuration (a conffile)
#   /usr/lib/systemd/system/rekrut.service  the sandboxed unit
#   /var/lib/rekrut, /var/log/rekrut        state and logs, owned by the rekrut user (postinst)
# Only the targets the package holds are built before it (CMAKE_SKIP_INSTALL_ALL_DEPENDENCY), so
# `make deb` does not build the tests and benchmarks.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

install(TARGETS rekrut RUNTIME DESTINATION bin)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/templates ${CMAKE_SOURCE_DIR}/migrations DESTINATION share/rekrut)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/web/static DESTINATION share/rekrut/web)
# The design system's compiled assets (npm package dkfds), served under /dkfds/.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/web/node_modules/dkfds/dist/
        DESTINATION share/rekrut/web/node_modules/dkfds/dist)
install(DIRECTORY ${CMAKE_BINARY_DIR}/locale/ DESTINATION share/rekrut/locale)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/rekrut.toml DESTINATION /etc/rekrut)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/rekrut.service DESTINATION lib/systemd/system)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/docs/deployment.md
              ${CMAKE_SOURCE_DIR}/docs/operations.md ${CMAKE_SOURCE_DIR}/docs/deploy-behind-proxy.md
        DESTINATION share/doc/rekrut)
install(DIRECTORY DESTINATION /var/lib/rekrut)
install(DIRECTORY DESTINATION /var/lib/rekrut/spool)
install(DIRECTORY DESTINATION /var/log/rekrut)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rekrut)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Rekrut maintainers <rekrut@example.test>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "e-recruitment system for Danish state institutions")
set(CPACK_PACKAGE_DESCRIPTION
    "Rekrut is an applicant tracking system for Danish state institutions: one installation serves\n\
many institutions, each isolated from the others, with a public career site, recruitment cases,\n\
hiring committees and a hash-chained audit trail. SQLite for one node, PostgreSQL for several.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# The DEB generator stages absolute destinations (/etc, /var) below its own folder (DESTDIR), never
# in the build host's root; tests/package/check_deb.sh checks the file list.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Library dependencies come from the binary (dpkg-shlibdeps, in dpkg-dev).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "systemd, tzdata")
# pg_dump and pg_restore for backups on PostgreSQL (backup.postgresql_bin_dir); nginx in front.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-client-15, nginx, chrony | systemd-timesyncd")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_SOURCE_DIR}/packaging/conffiles ${CMAKE_SOURCE_DIR}/packaging/postinst
    ${CMAKE_SOURCE_DIR}/packaging/prerm ${CMAKE_SOURCE_DIR}/packaging/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
