#include "core/ip_address.hpp"

#include <arpa/inet.h>
#include <charconv>
#include <cstring>

namespace rekrut::core {
namespace {

constexpr std::array<unsigned char, 12> k_ipv4_mapped_prefix = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

} // namespace

std::optional<IpAddress> IpAddress::parse(std::string_view text)
{
    if (text.empty() || text.size() >= INET6_ADDRSTRLEN)
        return std::nullopt;
    const std::string terminated(text);
    IpAddress address;
    in_addr ipv4{};
    if (inet_pton(AF_INET, terminated.c_str(), &ipv4) == 1) {
        std::memcpy(address.m_bytes.data(), k_ipv4_mapped_prefix.data(), k_ipv4_mapped_prefix.size());
        std::memcpy(address.m_bytes.data() + 12, &ipv4, 4);
        return address;
    }
    in6_addr ipv6{};
    if (inet_pton(AF_INET6, terminated.c_str(), &ipv6) == 1) {
        std::memcpy(address.m_bytes.data(), &ipv6, 16);
        return address;
    }
    return std::nullopt;
}

bool IpAddress::is_ipv4() const
{
    return std::memcmp(m_bytes.data(), k_ipv4_mapped_prefix.data(), k_ipv4_mapped_prefix.size()) == 0;
}

std::string IpAddress::text() const
{
    char buffer[INET6_ADDRSTRLEN] = {};
    if (is_ipv4())
        inet_ntop(AF_INET, m_bytes.data() + 12, buffer, sizeof buffer);
    else
        inet_ntop(AF_INET6, m_bytes.data(), buffer, sizeof buffer);
    return buffer;
}

std::optional<AddressRange> AddressRange::parse(std::string_view text)
{
    auto slash = text.find('/');
    auto address = IpAddress::parse(text.substr(0, slash));
    if (!address)
        return std::nullopt;
    AddressRange range;
    range.m_base = *address;
    if (slash == std::string_view::npos)
        return range;
    std::string_view bits_text = text.substr(slash + 1);
    unsigned bits = 0;
    auto [end, error] = std::from_chars(bits_text.data(), bits_text.data() + bits_text.size(), bits);
    unsigned family_bits = address->is_ipv4() ? 32 : 128;
    if (bits_text.empty() || error != std::errc() || end != bits_text.data() + bits_text.size() ||
        bits > family_bits)
        return std::nullopt;
    range.m_prefix_bits = bits + (128 - family_bits);
    return range;
}

bool AddressRange::contains(const IpAddress& address) const
{
    const auto& wanted = m_base.bytes();
    const auto& given = address.bytes();
    unsigned whole_bytes = m_prefix_bits / 8;
    if (std::memcmp(wanted.data(), given.data(), whole_bytes) != 0)
        return false;
    unsigned rest = m_prefix_bits % 8;
    if (rest == 0)
        return true;
    auto mask = static_cast<unsigned char>(0xff << (8 - rest));
    return (wanted[whole_bytes] & mask) == (given[whole_bytes] & mask);
}

} // namespace rekrut::core
