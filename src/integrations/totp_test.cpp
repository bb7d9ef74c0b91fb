#include <gtest/gtest.h>

#include "integrations/totp.hpp"

namespace rekrut::integrations {
namespace {

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890".
const std::string k_rfc_secret_hex = "3132333435363738393031323334353637383930";

TEST(Totp, matches_the_rfc_6238_test_vectors)
{
    ASSERT_TRUE(totp::init());
    // The RFC lists 8-digit codes; the 6-digit code is their last six digits.
    EXPECT_EQ(totp::code_at(k_rfc_secret_hex, 59), "287082");
    EXPECT_EQ(totp::code_at(k_rfc_secret_hex, 1111111109), "081804");
    EXPECT_EQ(totp::code_at(k_rfc_secret_hex, 1234567890), "005924");
    EXPECT_EQ(totp::code_at(k_rfc_secret_hex, 2000000000), "279037");
}

TEST(Totp, accepts_one_step_of_drift_and_refuses_more)
{
    ASSERT_TRUE(totp::init());
    const long long now = 1234567890;
    auto current = totp::code_at(k_rfc_secret_hex, now);
    EXPECT_EQ(totp::matching_step(k_rfc_secret_hex, current, now), now / 30);
    EXPECT_TRUE(totp::matching_step(k_rfc_secret_hex, totp::code_at(k_rfc_secret_hex, now - 30), now));
    EXPECT_FALSE(totp::matching_step(k_rfc_secret_hex, totp::code_at(k_rfc_secret_hex, now - 90), now));
    EXPECT_FALSE(totp::matching_step(k_rfc_secret_hex, "12345x", now));
    EXPECT_FALSE(totp::matching_step(k_rfc_secret_hex, "", now));
}

TEST(Totp, provisioning_uri_and_qr_code)
{
    auto uri = totp::provisioning_uri(k_rfc_secret_hex, "hr.anna@example.test");
    EXPECT_EQ(
        uri,
        "otpauth://totp/Rekrut:hr.anna@example.test?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Rekrut"
        "&algorithm=SHA1&digits=6&period=30");
    auto svg = totp::qr_svg(uri);
    EXPECT_EQ(svg.rfind("<svg", 0), 0u);
    EXPECT_GT(svg.size(), 1000u);
}

} // namespace
} // namespace rekrut::integrations
