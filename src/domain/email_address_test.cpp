#include <gtest/gtest.h>

#include "domain/email_address.hpp"

namespace rekrut::domain {
namespace {

TEST(EmailAddress, accepted_addresses_are_trimmed_and_lower_cased)
{
    EXPECT_EQ(normalize_email_address("  Hr.Anna@Styrelsen.Example.TEST "), "hr.anna@styrelsen.example.test");
    EXPECT_EQ(normalize_email_address("a+b@x.dk"), "a+b@x.dk");
}

TEST(EmailAddress, refused_addresses)
{
    const char* refused[] = {
        "",
        "anna",
        "@example.test",
        "anna@",
        "anna@localhost",
        "anna@example.",
        "anna@.example.test",
        "anna@example..test",
        "anna@@example.test",
        "anna@b@example.test",
        "anna holm@example.test",
        "anna\t@example.test",
        "anna@example.test\r\nBcc: x@example.test",
        "anna\n@example.test",
        "anna\x7f@example.test",
        "<anna@example.test>",
        "anna@example.test,bo@example.test",
        "anna;bo@example.test",
        "\"anna\"@example.test",
    };
    for (const char* text : refused)
        EXPECT_FALSE(normalize_email_address(text)) << text;
}

TEST(EmailAddress, at_most_254_octets)
{
    std::string domain_part = "@example.test";
    std::string fits = std::string(k_max_email_octets - domain_part.size(), 'a') + domain_part;
    EXPECT_TRUE(normalize_email_address(fits));
    EXPECT_FALSE(normalize_email_address("a" + fits));
}

} // namespace
} // namespace rekrut::domain
