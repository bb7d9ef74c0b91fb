#pragma once

#include <vector>

#include "core/component_versions.hpp"

namespace rekrut::store {

/// SQLite and libpq (run time) and SOCI (build time).
std::vector<core::ComponentVersion> store_component_versions();

} // namespace rekrut::store
