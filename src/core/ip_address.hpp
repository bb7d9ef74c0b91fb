#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace rekrut::core {

/// An IPv4 or IPv6 address. IPv4 is held as an IPv4-mapped IPv6 address (::ffff:a.b.c.d), so one
/// comparison serves both families and a mapped address matches an IPv4 range.
class IpAddress {
public:
    /// Dotted IPv4 or textual IPv6, nothing else: no brackets, port, zone or surrounding space.
    static std::optional<IpAddress> parse(std::string_view text);

    /// Dotted for IPv4 (mapped addresses included), the shortest RFC 5952 form for IPv6.
    std::string text() const;
    bool is_ipv4() const;
    const std::array<unsigned char, 16>& bytes() const { return m_bytes; }

    bool operator==(const IpAddress& other) const = default;

private:
    std::array<unsigned char, 16> m_bytes{};
};

/// A block of addresses in CIDR notation ("10.0.0.0/8", "2001:db8::/32") or a single address.
/// Bits below the prefix are ignored, so "10.1.2.3/8" is the same block as "10.0.0.0/8".
class AddressRange {
public:
    static std::optional<AddressRange> parse(std::string_view text);

    bool contains(const IpAddress& address) const;

private:
    IpAddress m_base;
    unsigned m_prefix_bits = 128; ///< Over the 16-byte form: an IPv4 /8 is 104 here.
};

} // namespace rekrut::core
