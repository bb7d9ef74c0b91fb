#include <gtest/gtest.h>

#include "domain/assessment/ranking.hpp"

namespace rekrut::domain {
namespace {

TEST(Ranking, rounds_round_trip_and_unknown_text_is_refused)
{
    for (auto round : k_ranking_rounds)
        EXPECT_EQ(ranking_round_from_string(to_string(round)), round);
    EXPECT_EQ(ranking_round_from_string("Final"), std::nullopt);
    EXPECT_EQ(ranking_round_from_string(""), std::nullopt);
}

TEST(Ranking, a_new_order_names_each_visible_application_at_most_once)
{
    const std::set<std::int64_t> allowed = {1, 2, 3, 4};
    struct Row {
        RankingOrder order;
        bool accepted;
    };
    const std::vector<Row> table = {
        {{}, true},            // an empty list
        {{3, 1, 2}, true},     // a subset in any order
        {{1, 2, 3, 4}, true},  // all of them
        {{1, 1}, false},       // a duplicate
        {{1, 5}, false},       // not the case's (or hidden by a conflict)
        {{0}, false},          // not an application
        {{-2, 1}, false},      // not an application
        {{2, 3, 2, 4}, false}, // a duplicate further on
    };
    for (const auto& row : table)
        EXPECT_EQ(!check_order(row.order, allowed).has_value(), row.accepted)
            << ::testing::PrintToString(row.order);
}

TEST(Ranking, at_most_500_entries)
{
    std::set<std::int64_t> allowed;
    RankingOrder order;
    for (std::int64_t id = 1; id <= 501; ++id)
        allowed.insert(id), order.push_back(id);
    EXPECT_TRUE(check_order(order, allowed).has_value());
    order.pop_back();
    EXPECT_FALSE(check_order(order, allowed).has_value());
}

TEST(Ranking, a_typed_position_is_the_place_taken_and_ties_keep_the_current_order)
{
    const RankingOrder current = {10, 20, 30, 40};
    struct Row {
        std::map<std::int64_t, long long> typed;
        RankingOrder expected;
    };
    const std::vector<Row> table = {
        {{}, {10, 20, 30, 40}},                                   // nothing typed
        {{{10, 1}, {20, 2}, {30, 3}, {40, 4}}, {10, 20, 30, 40}}, // the numbers as shown
        {{{40, 1}}, {40, 10, 20, 30}},                            // typed 1: to the top
        {{{10, 4}}, {20, 30, 40, 10}},                            // typed 4: last (after the 4 kept)
        {{{30, 2}}, {10, 30, 20, 40}},                            // typed 2: before the 2 kept
        {{{10, 3}, {30, 1}}, {30, 20, 10, 40}},                   // two changed
        {{{10, 9}, {20, 9}}, {30, 40, 10, 20}},                   // a gap and a tie: current order
        {{{10, 2}, {20, 2}, {30, 2}, {40, 2}}, {30, 40, 20, 10}}, // all 2: raised, kept, lowered
        {{{10, 3}, {20, 1}, {30, 2}, {40, 4}}, {20, 30, 10, 40}}, // a full renumbering
        {{{99, 1}}, {10, 20, 30, 40}},                            // not on the list: ignored
        {{{20, 100}, {30, 100}}, {10, 40, 20, 30}},               // large numbers go last, in order
    };
    for (const auto& row : table)
        EXPECT_EQ(order_from_positions(current, row.typed), row.expected);
}

TEST(Ranking, up_and_down_move_one_place_and_stop_at_the_ends)
{
    const RankingOrder current = {1, 2, 3};
    struct Row {
        std::int64_t id;
        Move move;
        RankingOrder expected;
    };
    const std::vector<Row> table = {
        {2, Move::up, {2, 1, 3}},   {2, Move::down, {1, 3, 2}}, {1, Move::up, {1, 2, 3}},
        {3, Move::down, {1, 2, 3}}, {1, Move::down, {2, 1, 3}}, {3, Move::up, {1, 3, 2}},
        {9, Move::up, {1, 2, 3}},
    };
    for (const auto& row : table)
        EXPECT_EQ(move_entry(current, row.id, row.move), row.expected);
    EXPECT_EQ(move_entry({}, 1, Move::up), RankingOrder{});
}

TEST(Ranking, hidden_entries_follow_the_entry_above_them)
{
    // H1 and H2 are hidden from the member by a conflict of interest.
    constexpr std::int64_t h1 = 101, h2 = 102;
    const std::set<std::int64_t> hidden = {h1, h2};
    struct Row {
        RankingOrder stored;
        RankingOrder visible;
        RankingOrder expected;
    };
    const std::vector<Row> table = {
        // Nothing hidden on the list: the member's order is the list.
        {{1, 2, 3}, {3, 2, 1}, {3, 2, 1}},
        // H1 follows 1, wherever 1 goes.
        {{1, h1, 2, 3}, {2, 3, 1}, {2, 3, 1, h1}},
        {{1, h1, 2, 3}, {1, 2, 3}, {1, h1, 2, 3}},
        // Hidden entries at the top stay there.
        {{h1, 1, 2}, {2, 1}, {h1, 2, 1}},
        // Two hidden entries after one entry keep their order.
        {{1, h1, h2, 2}, {2, 1}, {2, 1, h1, h2}},
        // Hidden entries after different neighbours move separately.
        {{h2, 1, 2, h1, 3}, {3, 2, 1}, {h2, 3, 2, h1, 1}},
        // The entry above was taken off the list: they follow the next one above that stayed.
        {{1, 2, h1, 3}, {3, 1}, {3, 1, h1}},
        {{1, h1, 2}, {2}, {h1, 2}},
        // Everything visible taken off: the hidden entries remain.
        {{1, h1, 2, h2}, {}, {h1, h2}},
        // A new entry from the member has none following it.
        {{1, h1}, {4, 1}, {4, 1, h1}},
        // Nothing stored yet.
        {{}, {2, 1}, {2, 1}},
    };
    for (const auto& row : table) {
        auto merged = merge_hidden(row.stored, row.visible, hidden);
        EXPECT_EQ(merged, row.expected) << ::testing::PrintToString(row.stored);
        // The member's part is exactly what they saved.
        EXPECT_EQ(visible_part(merged, hidden), row.visible);
    }
}

TEST(Ranking, two_versions_compare_applicant_by_applicant)
{
    auto rows = compare_orders({1, 2, 3, 4}, {3, 1, 5, 2});
    struct Expected {
        std::int64_t id;
        std::optional<int> from;
        std::optional<int> to;
        RankChange change;
    };
    const std::vector<Expected> table = {
        {3, 3, 1, RankChange::up},
        {1, 1, 2, RankChange::down},
        {5, std::nullopt, 3, RankChange::added},
        {2, 2, 4, RankChange::down},
        {4, 4, std::nullopt, RankChange::removed},
    };
    ASSERT_EQ(rows.size(), table.size());
    for (std::size_t index = 0; index < table.size(); ++index) {
        EXPECT_EQ(rows[index].application_id, table[index].id);
        EXPECT_EQ(rows[index].from_position, table[index].from);
        EXPECT_EQ(rows[index].to_position, table[index].to);
        EXPECT_EQ(rows[index].change, table[index].change);
    }
    auto same = compare_orders({1, 2}, {1, 2});
    ASSERT_EQ(same.size(), 2U);
    EXPECT_EQ(same[0].change, RankChange::unchanged);
    EXPECT_EQ(same[1].change, RankChange::unchanged);
    EXPECT_TRUE(compare_orders({}, {}).empty());
}

} // namespace
} // namespace rekrut::domain
