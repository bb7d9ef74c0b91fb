#include "services/sealed_text.hpp"

#include "core/secret_stream.hpp"
#include "core/text.hpp"

namespace rekrut::services {

std::string seal_text(const std::optional<std::string>& key, const std::string& text)
{
    if (text.empty() || !key)
        return {};
    return core::to_hex(core::seal_with_key(*key, text));
}

std::string open_text(const std::optional<std::string>& key, const std::string& sealed)
{
    if (sealed.empty() || !key)
        return {};
    auto bytes = core::from_hex(sealed);
    if (!bytes)
        return {};
    return core::open_with_key(*key, *bytes).value_or("");
}

} // namespace rekrut::services
