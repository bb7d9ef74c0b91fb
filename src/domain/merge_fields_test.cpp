#include <gtest/gtest.h>

#include "domain/merge_fields.hpp"

namespace rekrut::domain {
namespace {

bool known(std::string_view name)
{
    return name == "title" || name == "titel";
}

TEST(MergeFields, splits_text_and_fields)
{
    auto pieces = split_fields("Kære {{title}}, {{titel}}!");
    ASSERT_EQ(pieces.size(), 5U);
    EXPECT_EQ(pieces[0].text, "Kære ");
    EXPECT_FALSE(pieces[0].is_field);
    EXPECT_EQ(pieces[1].text, "title");
    EXPECT_TRUE(pieces[1].is_field);
    EXPECT_EQ(pieces[3].text, "titel");
    EXPECT_EQ(pieces[4].text, "!");
}

TEST(MergeFields, an_unclosed_opening_stays_text)
{
    auto pieces = split_fields("Frist: {{deadline");
    ASSERT_EQ(pieces.size(), 1U);
    EXPECT_FALSE(pieces[0].is_field);
    EXPECT_EQ(first_unknown_field("Frist: {{deadline", known), "{{");
}

TEST(MergeFields, the_first_unknown_name_is_named)
{
    EXPECT_EQ(first_unknown_field("{{title}} og {{titlen}} og {{navn}}", known), "titlen");
    EXPECT_EQ(first_unknown_field("{{ title }}", known), " title ");
    EXPECT_EQ(first_unknown_field("{{}}", known), "");
    EXPECT_EQ(first_unknown_field("{{title}} og {{titel}}", known), std::nullopt);
    EXPECT_EQ(first_unknown_field("Ingen felter { } }}", known), std::nullopt);
}

} // namespace
} // namespace rekrut::domain
