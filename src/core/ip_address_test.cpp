#include <gtest/gtest.h>

#include "core/ip_address.hpp"

namespace rekrut::core {
namespace {

IpAddress address(const char* text)
{
    auto parsed = IpAddress::parse(text);
    EXPECT_TRUE(parsed) << text;
    return parsed.value_or(IpAddress{});
}

TEST(IpAddress, parses_both_families_and_prints_them_canonically)
{
    EXPECT_EQ(address("192.0.2.7").text(), "192.0.2.7");
    EXPECT_TRUE(address("192.0.2.7").is_ipv4());
    EXPECT_EQ(address("2001:DB8:0:0::1").text(), "2001:db8::1");
    EXPECT_FALSE(address("2001:db8::1").is_ipv4());
    // An IPv4-mapped IPv6 address is the IPv4 address.
    EXPECT_EQ(address("::ffff:192.0.2.7"), address("192.0.2.7"));
    EXPECT_EQ(address("::ffff:192.0.2.7").text(), "192.0.2.7");
}

TEST(IpAddress, refuses_anything_but_a_bare_address)
{
    for (const char* text : {"", " 192.0.2.7", "192.0.2.7 ", "192.0.2.7:80", "[2001:db8::1]",
                             "[2001:db8::1]:443", "192.0.2", "192.0.2.256", "0x7f.0.0.1", "fe80::1%eth0",
                             "unknown", "_hidden", "2001:db8::1::2", "example.test"})
        EXPECT_FALSE(IpAddress::parse(text)) << '"' << text << '"';
}

TEST(AddressRange, matches_cidr_blocks_of_either_family)
{
    auto private_block = AddressRange::parse("10.0.0.0/8");
    ASSERT_TRUE(private_block);
    EXPECT_TRUE(private_block->contains(address("10.255.1.2")));
    EXPECT_TRUE(private_block->contains(address("::ffff:10.0.0.1")));
    EXPECT_FALSE(private_block->contains(address("11.0.0.1")));
    EXPECT_FALSE(private_block->contains(address("2001:db8::1")));

    auto odd_prefix = AddressRange::parse("192.0.2.128/25");
    ASSERT_TRUE(odd_prefix);
    EXPECT_TRUE(odd_prefix->contains(address("192.0.2.200")));
    EXPECT_FALSE(odd_prefix->contains(address("192.0.2.127")));

    auto documentation = AddressRange::parse("2001:db8::/32");
    ASSERT_TRUE(documentation);
    EXPECT_TRUE(documentation->contains(address("2001:db8:ffff::1")));
    EXPECT_FALSE(documentation->contains(address("2001:db9::1")));
    EXPECT_FALSE(documentation->contains(address("10.0.0.1")));
}

TEST(AddressRange, single_addresses_and_edge_prefixes)
{
    auto one = AddressRange::parse("127.0.0.1");
    ASSERT_TRUE(one);
    EXPECT_TRUE(one->contains(address("127.0.0.1")));
    EXPECT_FALSE(one->contains(address("127.0.0.2")));
    auto one_v6 = AddressRange::parse("::1");
    ASSERT_TRUE(one_v6);
    EXPECT_TRUE(one_v6->contains(address("::1")));
    EXPECT_FALSE(one_v6->contains(address("127.0.0.1")));

    auto every_ipv4 = AddressRange::parse("0.0.0.0/0");
    ASSERT_TRUE(every_ipv4);
    EXPECT_TRUE(every_ipv4->contains(address("203.0.113.9")));
    EXPECT_FALSE(every_ipv4->contains(address("2001:db8::1")));
    // Host bits below the prefix are ignored.
    auto loose = AddressRange::parse("10.1.2.3/8");
    ASSERT_TRUE(loose);
    EXPECT_TRUE(loose->contains(address("10.200.0.1")));
}

TEST(AddressRange, refuses_malformed_blocks)
{
    for (const char* text : {"10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/x", "10.0.0.0/8/8",
                             "10.0.0.0/-1", "10.0.0.0/ 8", "/8", "10.0.0/8"})
        EXPECT_FALSE(AddressRange::parse(text)) << text;
}

} // namespace
} // namespace rekrut::core
