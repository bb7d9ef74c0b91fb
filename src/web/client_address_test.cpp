#include <gtest/gtest.h>

#include "web/client_address.hpp"

namespace rekrut::web {
namespace {

using core::ForwardedHeader;

core::IpAddress ip(const char* text)
{
    auto parsed = core::IpAddress::parse(text);
    EXPECT_TRUE(parsed) << text;
    return parsed.value_or(core::IpAddress{});
}

TrustedProxies proxies(std::initializer_list<const char*> blocks,
                       ForwardedHeader header = ForwardedHeader::x_forwarded_for)
{
    std::vector<core::AddressRange> ranges;
    for (const char* block : blocks)
        ranges.push_back(*core::AddressRange::parse(block));
    return TrustedProxies(std::move(ranges), header);
}

std::vector<std::string> hop_texts(std::string_view value, ForwardedHeader header)
{
    std::vector<std::string> texts;
    for (const auto& hop : forwarded_hops(value, header))
        texts.push_back(hop ? hop->text() : "-");
    return texts;
}

std::string client(const char* peer, const std::optional<std::string>& header, const TrustedProxies& trusted)
{
    return client_address(ip(peer), header, trusted).text();
}

TEST(ForwardedHops, reads_x_forwarded_for_lists)
{
    using Texts = std::vector<std::string>;
    auto xff = ForwardedHeader::x_forwarded_for;
    EXPECT_EQ(hop_texts("203.0.113.9", xff), Texts{"203.0.113.9"});
    EXPECT_EQ(hop_texts("203.0.113.9, 10.0.0.2,10.0.0.3", xff),
              (Texts{"203.0.113.9", "10.0.0.2", "10.0.0.3"}));
    EXPECT_EQ(hop_texts("2001:db8::7, 192.0.2.1:4711, [2001:db8::8]:443", xff),
              (Texts{"2001:db8::7", "192.0.2.1", "2001:db8::8"}));
    EXPECT_EQ(hop_texts("unknown, , 192.0.2.1:http, 999.1.1.1, 192.0.2.2", xff),
              (Texts{"-", "-", "-", "-", "192.0.2.2"}));
}

TEST(ForwardedHops, reads_the_for_parameter_of_forwarded_elements)
{
    using Texts = std::vector<std::string>;
    auto forwarded = ForwardedHeader::forwarded;
    EXPECT_EQ(hop_texts("for=192.0.2.60;proto=http;by=203.0.113.43", forwarded), Texts{"192.0.2.60"});
    EXPECT_EQ(hop_texts(R"(For="[2001:db8:cafe::17]:4711", for=192.0.2.43;proto=https)", forwarded),
              (Texts{"2001:db8:cafe::17", "192.0.2.43"}));
    EXPECT_EQ(hop_texts("proto=https;for=198.51.100.17:8443", forwarded), Texts{"198.51.100.17"});
    EXPECT_EQ(hop_texts(R"(for=unknown, for=_hidden, by=192.0.2.1, for="[2001:db8::1")", forwarded),
              (Texts{"-", "-", "-", "-"}));
    // A comma inside a quoted value does not start a new element.
    EXPECT_EQ(hop_texts(R"(for="a,b";proto=http, for=192.0.2.5)", forwarded), (Texts{"-", "192.0.2.5"}));
}

TEST(ClientAddress, is_the_peer_when_no_proxy_is_trusted)
{
    TrustedProxies none;
    EXPECT_EQ(client("198.51.100.20", "203.0.113.9", none), "198.51.100.20");
    EXPECT_EQ(client("198.51.100.20", std::nullopt, none), "198.51.100.20");
}

TEST(ClientAddress, ignores_a_header_from_an_untrusted_peer)
{
    auto trusted = proxies({"10.0.0.0/8"});
    EXPECT_EQ(client("198.51.100.20", "203.0.113.9", trusted), "198.51.100.20");
    EXPECT_EQ(client("198.51.100.20", "10.0.0.5, 203.0.113.9", trusted), "198.51.100.20");
}

TEST(ClientAddress, takes_the_rightmost_untrusted_hop_behind_trusted_proxies)
{
    auto trusted = proxies({"10.0.0.0/8", "2001:db8:1::/48"});
    EXPECT_EQ(client("10.0.0.2", "203.0.113.9", trusted), "203.0.113.9");
    // The client put a false address first; the proxy appended the one it saw.
    EXPECT_EQ(client("10.0.0.2", "192.0.2.66, 203.0.113.9", trusted), "203.0.113.9");
    // Two proxies: the nearer one is skipped as trusted.
    EXPECT_EQ(client("10.0.0.2", "192.0.2.66, 203.0.113.9, 10.0.0.9", trusted), "203.0.113.9");
    EXPECT_EQ(client("10.0.0.2", "2001:db8:2::5, 2001:db8:1::3", trusted), "2001:db8:2::5");
    // Every hop trusted: the leftmost is the client.
    EXPECT_EQ(client("10.0.0.2", "10.0.0.7, 10.0.0.8", trusted), "10.0.0.7");
    // A hop without an address ends the walk at the last trusted hop, never at a spoofed one.
    EXPECT_EQ(client("10.0.0.2", "203.0.113.9, unknown", trusted), "10.0.0.2");
    EXPECT_EQ(client("10.0.0.2", "203.0.113.9, garbage, 10.0.0.8", trusted), "10.0.0.8");
    EXPECT_EQ(client("10.0.0.2", "", trusted), "10.0.0.2");
    EXPECT_EQ(client("10.0.0.2", std::nullopt, trusted), "10.0.0.2");
}

TEST(ClientAddress, reads_the_forwarded_header_when_configured)
{
    auto trusted = proxies({"127.0.0.1"}, ForwardedHeader::forwarded);
    EXPECT_EQ(client("127.0.0.1", "for=192.0.2.66, for=\"[2001:db8::9]:5000\";proto=https", trusted),
              "2001:db8::9");
    EXPECT_EQ(client("127.0.0.2", "for=203.0.113.9", trusted), "127.0.0.2");
    EXPECT_STREQ(trusted.header_name(), "Forwarded");
    EXPECT_STREQ(proxies({"127.0.0.1"}).header_name(), "X-Forwarded-For");
}

} // namespace
} // namespace rekrut::web
