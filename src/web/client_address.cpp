#include "web/client_address.hpp"

#include <algorithm>
#include <strings.h>

#include "core/text.hpp"

namespace rekrut::web {
namespace {

/// Splits at `separator` outside double quotes.
std::vector<std::string_view> split_outside_quotes(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    bool quoted = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"')
            quoted = !quoted;
        else if (text[i] == '\\' && quoted)
            ++i;
        else if (text[i] == separator && !quoted) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    parts.push_back(text.substr(start));
    return parts;
}

/// One node as proxies write it: an address, optionally quoted, an IPv6 address in brackets,
/// either with a port ("192.0.2.1:4711", "[2001:db8::1]:4711").
std::optional<core::IpAddress> parse_node(std::string_view node)
{
    node = core::trim(node);
    if (node.size() >= 2 && node.front() == '"' && node.back() == '"')
        node = node.substr(1, node.size() - 2);
    std::string_view port;
    if (!node.empty() && node.front() == '[') {
        auto close = node.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        std::string_view after = node.substr(close + 1);
        if (!after.empty() && after.front() != ':')
            return std::nullopt;
        port = after.empty() ? after : after.substr(1);
        node = node.substr(1, close - 1);
    } else if (std::count(node.begin(), node.end(), ':') == 1) {
        auto colon = node.find(':');
        port = node.substr(colon + 1);
        node = node.substr(0, colon);
    }
    if (!port.empty() && !core::is_ascii_digits(port))
        return std::nullopt;
    return core::IpAddress::parse(node);
}

/// The `for=` parameter of one element of a Forwarded header (RFC 7239).
std::optional<core::IpAddress> forwarded_for(std::string_view element)
{
    for (std::string_view pair : split_outside_quotes(element, ';')) {
        pair = core::trim(pair);
        auto equals = pair.find('=');
        if (equals == std::string_view::npos)
            continue;
        std::string name(core::trim(pair.substr(0, equals)));
        if (strcasecmp(name.c_str(), "for") == 0)
            return parse_node(pair.substr(equals + 1));
    }
    return std::nullopt;
}

} // namespace

bool TrustedProxies::trusts(const core::IpAddress& address) const
{
    return std::any_of(m_ranges.begin(), m_ranges.end(),
                       [&address](const core::AddressRange& range) { return range.contains(address); });
}

const char* TrustedProxies::header_name() const
{
    return m_header == core::ForwardedHeader::forwarded ? "Forwarded" : "X-Forwarded-For";
}

std::vector<std::optional<core::IpAddress>> forwarded_hops(std::string_view value,
                                                           core::ForwardedHeader header)
{
    std::vector<std::optional<core::IpAddress>> hops;
    for (std::string_view element : split_outside_quotes(value, ','))
        hops.push_back(header == core::ForwardedHeader::forwarded ? forwarded_for(element)
                                                                  : parse_node(element));
    return hops;
}

core::IpAddress client_address(const core::IpAddress& peer, const std::optional<std::string>& header_value,
                               const TrustedProxies& proxies)
{
    if (!header_value || !proxies.trusts(peer))
        return peer;
    auto hops = forwarded_hops(*header_value, proxies.header());
    core::IpAddress client = peer;
    for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
        if (!proxies.trusts(client) || !*hop)
            break;
        client = **hop;
    }
    return client;
}

} // namespace rekrut::web
