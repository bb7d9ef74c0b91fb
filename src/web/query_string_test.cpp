#include <gtest/gtest.h>

#include "web/query_string.hpp"

namespace rekrut::web {
namespace {

TEST(QueryString, decodes_fields_in_order)
{
    auto fields = parse_query("next=%2Fcases%2F7&q=r%C3%B8d+bil&flag&empty=&q=again");
    ASSERT_TRUE(fields);
    EXPECT_EQ(*fields,
              (Fields{{"next", "/cases/7"}, {"q", "rød bil"}, {"flag", ""}, {"empty", ""}, {"q", "again"}}));
}

TEST(QueryString, keeps_broken_escapes_and_skips_empty_fields)
{
    auto fields = parse_query("&&a=%&b=%4&c=%zz&%41%42=%3d&&");
    ASSERT_TRUE(fields);
    EXPECT_EQ(*fields, (Fields{{"a", "%"}, {"b", "%4"}, {"c", "%zz"}, {"AB", "="}}));
    EXPECT_EQ(parse_query("")->size(), 0u);
    // Bytes are decoded as they are; whether they are UTF-8 is checked by the caller.
    EXPECT_EQ(parse_query("q=%FF")->front().second, "\xff");
}

TEST(QueryString, refuses_more_fields_than_allowed)
{
    std::string query;
    for (int i = 0; i < 5; ++i)
        query += "a&";
    EXPECT_TRUE(parse_query(query, 5));
    EXPECT_FALSE(parse_query(query + "b", 5));
    // Empty fields do not count.
    EXPECT_TRUE(parse_query(query + "&&&&", 5));

    std::string many;
    for (std::size_t i = 0; i <= k_max_fields; ++i)
        many += "a&";
    EXPECT_FALSE(parse_query(many));
    EXPECT_TRUE(parse_query(many.substr(2)));
}

} // namespace
} // namespace rekrut::web
