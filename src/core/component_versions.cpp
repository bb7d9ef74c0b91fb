#include "core/component_versions.hpp"

#include <sodium.h>
#include <spdlog/version.h>

namespace rekrut::core {

std::vector<ComponentVersion> core_component_versions()
{
    return {
        {"libsodium", sodium_version_string(), true},
        {"spdlog",
         std::to_string(SPDLOG_VER_MAJOR) + "." + std::to_string(SPDLOG_VER_MINOR) + "." +
             std::to_string(SPDLOG_VER_PATCH),
         false},
    };
}

} // namespace rekrut::core
