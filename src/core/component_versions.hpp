#pragma once

// The versions of the libraries linked into the binary, so that the operator can check security
// advisories against them (`rekrut version --components`, /operator/controls). Each layer reports the
// libraries it uses, as they report themselves at run time where they can.

#include <string>
#include <vector>

namespace rekrut::core {

struct ComponentVersion {
    std::string name;
    std::string version;
    bool at_run_time = true; ///< False: the version of the headers the binary was built with.
};

/// libsodium (run time) and spdlog (build time).
std::vector<ComponentVersion> core_component_versions();

} // namespace rekrut::core
