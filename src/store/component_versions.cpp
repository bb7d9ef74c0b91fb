#include "store/component_versions.hpp"

#include <libpq-fe.h>
#include <soci/version.h>
#include <sqlite3.h>

namespace rekrut::store {

std::vector<core::ComponentVersion> store_component_versions()
{
    // PQlibVersion gives major * 10000 + minor from PostgreSQL 10 on.
    const int libpq = PQlibVersion();
    std::string soci = SOCI_LIB_VERSION;
    for (auto& character : soci)
        if (character == '_')
            character = '.';
    return {
        {"SQLite", sqlite3_libversion(), true},
        {"libpq", std::to_string(libpq / 10000) + "." + std::to_string(libpq % 10000), true},
        {"SOCI", soci, false},
    };
}

} // namespace rekrut::store
