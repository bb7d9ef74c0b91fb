#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/config.hpp"
#include "core/ip_address.hpp"

namespace rekrut::web {

/// The reverse proxies whose forwarding header is believed (`server.trusted_proxies`), and which
/// header they maintain (`server.forwarded_header`). Empty by default: the peer is the client.
class TrustedProxies {
public:
    TrustedProxies() = default;
    TrustedProxies(std::vector<core::AddressRange> ranges, core::ForwardedHeader header)
        : m_ranges(std::move(ranges)), m_header(header)
    {
    }

    bool trusts(const core::IpAddress& address) const;
    core::ForwardedHeader header() const { return m_header; }
    /// "X-Forwarded-For" or "Forwarded".
    const char* header_name() const;

private:
    std::vector<core::AddressRange> m_ranges;
    core::ForwardedHeader m_header = core::ForwardedHeader::x_forwarded_for;
};

/// The hops a forwarding header lists, leftmost (farthest from us) first. `X-Forwarded-For: a, b`
/// gives a and b; `Forwarded: for=a;proto=https, for="[b]:443"` gives the `for=` of each element.
/// A hop that names no address (`unknown`, an obfuscated `_name`, garbage, an element without
/// `for=`) is nullopt, so that a walk from the right stops there.
std::vector<std::optional<core::IpAddress>> forwarded_hops(std::string_view value,
                                                           core::ForwardedHeader header);

/// The client's address as the rest of the application sees it (throttles, audit trail, access
/// log). It is the peer, unless the peer is a trusted proxy: then the forwarding header is read
/// from the right, past every hop that is itself a trusted proxy, and the first other address is
/// the client. A hop without an address ends the walk at the last trusted hop; when every hop is
/// trusted, the leftmost is the client. A header from an untrusted peer is never read.
core::IpAddress client_address(const core::IpAddress& peer, const std::optional<std::string>& header_value,
                               const TrustedProxies& proxies);

} // namespace rekrut::web
