#include <gtest/gtest.h>

#include "domain/assessment/assessment.hpp"
#include "domain/assessment/assessment_records.hpp"

namespace rekrut::domain {
namespace {

const std::vector<Criterion> k_criteria = {{1, "Faglighed", 3}, {2, "Samarbejde", 1}};

TEST(Assessment, only_a_query_without_filters_shows_the_whole_case)
{
    ApplicationListQuery query;
    query.sort = ApplicationSort::committee; // order and paging filter nothing
    query.after_id = 7;
    EXPECT_TRUE(shows_whole_case(query));
    const std::vector<void (*)(ApplicationListQuery&)> filters = {
        [](ApplicationListQuery& q) { q.status = ApplicationStatus::received; },
        [](ApplicationListQuery& q) { q.knocked_out = false; },
        [](ApplicationListQuery& q) { q.priority_access = true; },
        [](ApplicationListQuery& q) { q.own_mark = "none"; },
        [](ApplicationListQuery& q) { q.tag = "kort"; },
    };
    for (auto filter : filters) {
        ApplicationListQuery filtered;
        filter(filtered);
        EXPECT_FALSE(shows_whole_case(filtered));
    }
}

TEST(Assessment, the_whole_case_total_leaves_out_the_members_conflicts)
{
    EXPECT_EQ(whole_case_total({2000, 2000, 3}), 1997);
    EXPECT_EQ(whole_case_total({10, 4, 0}), 10); // declarations still owed change nothing
    EXPECT_EQ(whole_case_total({0, 0, 0}), 0);
    EXPECT_EQ(whole_case_total({1, 2, 2}), 0); // never below zero
}

MemberScores member(std::int64_t user, std::map<std::int64_t, int> scores)
{
    return {user, std::move(scores)};
}

TEST(Assessment, marks_round_trip_and_unknown_text_is_refused)
{
    for (auto mark : {Mark::yes, Mark::maybe, Mark::no})
        EXPECT_EQ(mark_from_string(to_string(mark)), mark);
    EXPECT_EQ(mark_from_string("YES"), std::nullopt);
    EXPECT_EQ(mark_from_string(""), std::nullopt);
}

TEST(Assessment, a_weighted_mean_weighs_each_criterion)
{
    struct Row {
        std::map<std::int64_t, int> scores;
        std::optional<int> mean;
    };
    const std::vector<Row> table = {
        {{{1, 5}, {2, 1}}, 400},         // (3·5 + 1·1) / 4 = 4.00
        {{{1, 1}, {2, 5}}, 200},         // (3·1 + 1·5) / 4 = 2.00
        {{{1, 4}}, 400},                 // only the criteria scored count
        {{{1, 4}, {2, 3}}, 375},         // 15 / 4 = 3.75
        {{{1, 2}, {2, 3}}, 225},         // 9 / 4 = 2.25
        {{}, std::nullopt},              // nothing scored
        {{{9, 5}}, std::nullopt},        // a criterion that was removed
        {{{1, 7}, {2, 0}}, std::nullopt} // out of range: not a score
    };
    for (const auto& row : table)
        EXPECT_EQ(weighted_mean(k_criteria, member(1, row.scores)), row.mean);
    // Thirds round half up: (1·5 + 1·4 + 1·4) / 3 = 4.333…
    const std::vector<Criterion> even = {{1, "A", 1}, {2, "B", 1}, {3, "C", 1}};
    EXPECT_EQ(weighted_mean(even, member(1, {{1, 5}, {2, 4}, {3, 4}})), 433);
    EXPECT_EQ(weighted_mean(even, member(1, {{1, 5}, {2, 5}, {3, 4}})), 467);
}

TEST(Assessment, the_summary_is_the_mean_of_members_with_its_spread)
{
    auto summary =
        summarise({}, k_criteria, {member(1, {{1, 5}, {2, 1}}), member(2, {{1, 1}, {2, 5}}), member(3, {})});
    EXPECT_EQ(summary.scorers, 2);
    EXPECT_EQ(summary.score_mean, 300);
    EXPECT_EQ(summary.score_low, 200);
    EXPECT_EQ(summary.score_high, 400);
    EXPECT_EQ(summary.mark_points, std::nullopt);
}

TEST(Assessment, marks_are_counted_and_pointed)
{
    struct Row {
        std::vector<Mark> marks;
        int yes, maybe, no;
        std::optional<int> points;
    };
    const std::vector<Row> table = {
        {{}, 0, 0, 0, std::nullopt},
        {{Mark::yes, Mark::yes}, 2, 0, 0, 200},
        {{Mark::no, Mark::no, Mark::no}, 0, 0, 3, 0},
        {{Mark::yes, Mark::maybe, Mark::no}, 1, 1, 1, 100},
        {{Mark::yes, Mark::maybe, Mark::maybe}, 1, 2, 0, 133},
        {{Mark::yes, Mark::yes, Mark::maybe}, 2, 1, 0, 167},
    };
    for (const auto& row : table) {
        auto summary = summarise(row.marks, {}, {});
        EXPECT_EQ(summary.yes, row.yes);
        EXPECT_EQ(summary.maybe, row.maybe);
        EXPECT_EQ(summary.no, row.no);
        EXPECT_EQ(summary.mark_points, row.points);
        EXPECT_EQ(summary.score_mean, std::nullopt);
    }
}

TEST(Assessment, a_member_sees_the_committee_only_after_judging)
{
    EXPECT_FALSE(sees_committee_judgement(true, false));
    EXPECT_TRUE(sees_committee_judgement(true, true));
    EXPECT_TRUE(sees_committee_judgement(false, false));
}

TEST(Assessment, nobody_is_rejected_before_the_deadline)
{
    EXPECT_FALSE(may_reject_now(1000, 999));
    EXPECT_TRUE(may_reject_now(1000, 1000));
    EXPECT_TRUE(may_reject_now(1000, 5000));
    EXPECT_FALSE(may_reject_now(std::nullopt, 5000));
}

TEST(Assessment, criteria_are_checked)
{
    EXPECT_TRUE(check_criteria({{0, " Faglighed ", 3}, {0, "Samarbejde", 10}}));
    EXPECT_EQ(check_criteria({{0, " Faglighed ", 3}})->front().name, "Faglighed");
    struct Row {
        std::vector<Criterion> criteria;
        std::string field;
    };
    const std::vector<Row> table = {
        {{{0, "", 1}}, "criterion_1"},
        {{{0, "A", 0}}, "criterion_1_weight"},
        {{{0, "A", 11}}, "criterion_1_weight"},
        {{{0, "A", 1}, {0, "a", 2}}, "criterion_2"},
        {{{0, std::string(201, 'x'), 1}}, "criterion_1"},
    };
    for (const auto& row : table) {
        auto result = check_criteria(row.criteria);
        ASSERT_FALSE(result);
        EXPECT_EQ(result.error().fields.front().field, row.field);
    }
    EXPECT_FALSE(check_criteria(std::vector<Criterion>(16, {0, "x", 1})));
}

TEST(Assessment, tags_are_trimmed_folded_and_bounded)
{
    auto tags = parse_tags(" stærk , Stærk,, erfaren ,");
    ASSERT_TRUE(tags);
    EXPECT_EQ(*tags, (std::vector<std::string>{"stærk", "erfaren"}));
    auto folded = parse_tags("Erfaren, erfaren");
    ASSERT_TRUE(folded);
    EXPECT_EQ(folded->size(), 1U);
    EXPECT_TRUE(parse_tags("")->empty());
    EXPECT_FALSE(parse_tags(std::string(41, 'x')));
    EXPECT_FALSE(parse_tags("a,b,c,d,e,f,g,h,i,j,k"));
    EXPECT_TRUE(parse_tags("a,b,c,d,e,f,g,h,i,j"));
}

} // namespace
} // namespace rekrut::domain
