#include "domain/email_address.hpp"

#include "core/text.hpp"
#include "domain/field_limits.hpp"

namespace rekrut::domain {

static_assert(limits::email == k_max_email_octets, "one limit for e-mail addresses");

std::optional<std::string> normalize_email_address(std::string_view text)
{
    std::string address = core::ascii_lower(core::trim(text));
    if (address.empty() || address.size() > k_max_email_octets)
        return std::nullopt;
    for (char byte : address) {
        auto ch = static_cast<unsigned char>(byte);
        if (ch <= 0x20 || ch == 0x7F)
            return std::nullopt;
    }
    if (address.find_first_of("<>,;\"()[]\\") != std::string::npos)
        return std::nullopt;
    auto at = address.find('@');
    if (at == std::string::npos || at == 0 || address.find('@', at + 1) != std::string::npos)
        return std::nullopt;
    std::string_view domain_part = std::string_view(address).substr(at + 1);
    auto dot = domain_part.find('.');
    if (dot == std::string_view::npos || dot == 0 || domain_part.back() == '.' ||
        domain_part.find("..") != std::string_view::npos)
        return std::nullopt;
    return address;
}

} // namespace rekrut::domain
