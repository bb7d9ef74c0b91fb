#pragma once

#include <vector>

#include "core/component_versions.hpp"

namespace rekrut::integrations {

/// libcurl, libxml2, libzip, poppler, cairo and pango, as each reports itself at run time.
std::vector<core::ComponentVersion> integration_component_versions();

} // namespace rekrut::integrations
