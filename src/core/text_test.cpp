#include <gtest/gtest.h>

#include "core/text.hpp"

namespace rekrut::core {
namespace {

TEST(Text, utf8_validation_accepts_danish_and_rejects_malformed)
{
    EXPECT_TRUE(is_valid_utf8("Æblegrød på én gang"));
    EXPECT_TRUE(is_valid_utf8("😀"));
    EXPECT_FALSE(is_valid_utf8("\xC3"));             // truncated
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));     // surrogate
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80")); // above U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xFF"));
}

TEST(Text, json_escape_handles_quotes_and_control_characters)
{
    EXPECT_EQ(json_escape("a\"b\\c\n\x01"), "a\\\"b\\\\c\\n\\u0001");
}

TEST(Text, hex_and_trim)
{
    EXPECT_EQ(to_hex(std::string("\x00\xff", 2)), "00ff");
    EXPECT_EQ(trim("  x y \n"), "x y");
}

TEST(Text, split_keeps_every_field_empty_ones_included)
{
    using Fields = std::vector<std::string_view>;
    EXPECT_EQ(split("a,b,c", ','), (Fields{"a", "b", "c"}));
    EXPECT_EQ(split("a,,b", ','), (Fields{"a", "", "b"}));
    EXPECT_EQ(split(",a,", ','), (Fields{"", "a", ""}));
    EXPECT_EQ(split("", ','), (Fields{""}));
    EXPECT_EQ(split("æøå", ','), (Fields{"æøå"}));
    EXPECT_EQ(split("en da", ' '), (Fields{"en", "da"}));
}

TEST(Text, from_hex_reverses_to_hex_and_refuses_what_is_not_hex)
{
    EXPECT_EQ(from_hex("00ffA0"), std::optional<std::string>(std::string("\x00\xff\xa0", 3)));
    EXPECT_EQ(from_hex(""), std::optional<std::string>(""));
    EXPECT_FALSE(from_hex("abc")); // odd length
    EXPECT_FALSE(from_hex("0g"));  // not a hex digit
    EXPECT_FALSE(from_hex("0 "));
}

TEST(Text, ascii_lower_leaves_non_ascii_bytes_alone)
{
    EXPECT_EQ(ascii_lower("Anna.Holm@Example.TEST"), "anna.holm@example.test");
    EXPECT_EQ(ascii_lower("ÆØÅ"), "ÆØÅ");
}

TEST(Text, ascii_digits_refuse_empty_signs_and_non_ascii)
{
    EXPECT_TRUE(is_ascii_digits("101"));
    EXPECT_FALSE(is_ascii_digits(""));
    EXPECT_FALSE(is_ascii_digits("-1"));
    EXPECT_FALSE(is_ascii_digits("1 0"));
    EXPECT_FALSE(is_ascii_digits("١٢٣")); // Arabic-Indic digits
    EXPECT_FALSE(is_ascii_digits("\xb2"));
}

TEST(Text, html_escape_covers_text_and_attributes)
{
    EXPECT_EQ(html_escape(R"(<a href="x">'&'</a>)"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    EXPECT_EQ(html_escape("Søren"), "Søren");
}

TEST(Text, translation_markers_are_replaced_and_unclosed_ones_kept)
{
    auto upper = [](const std::string& message) { return "[" + message + "]"; };
    EXPECT_EQ(expand_translation_markers("<h1>{{_ Log in  }}</h1>{{NAME}}", upper),
              "<h1>[Log in]</h1>{{NAME}}");
    EXPECT_EQ(expand_translation_markers("a {{_ b}} c {{_ d", upper), "a [b] c {{_ d");
}

TEST(Text, url_encode_keeps_only_unreserved_characters)
{
    EXPECT_EQ(url_encode("a-b_c.d~e"), "a-b_c.d~e");
    EXPECT_EQ(url_encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
}

TEST(Text, append_utf8_encodes_every_length_and_replaces_what_is_not_a_character)
{
    std::string out;
    for (char32_t code : {U'a', U'\u00e6', U'\u20ac', U'\U0001F600'})
        append_utf8(out, code);
    EXPECT_EQ(out, "a\xc3\xa6\xe2\x82\xac\xf0\x9f\x98\x80");
    EXPECT_TRUE(is_valid_utf8(out));
    for (char32_t bad : {char32_t{0xD800}, char32_t{0xDFFF}, char32_t{0x110000}}) {
        std::string replaced;
        append_utf8(replaced, bad);
        EXPECT_EQ(replaced, "\xef\xbf\xbd") << static_cast<unsigned>(bad);
    }
}
} // namespace
} // namespace rekrut::core
