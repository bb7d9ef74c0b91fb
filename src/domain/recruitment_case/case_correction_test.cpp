#include <gtest/gtest.h>

#include "domain/recruitment_case/case_correction.hpp"

namespace rekrut::domain {
namespace {

constexpr core::UnixTime k_now = 1'800'000'000;
constexpr core::UnixTime k_day = 86400;

CaseRecord published_case()
{
    CaseRecord record;
    record.title = "Fuldmægtig";
    record.state = CaseState::published;
    record.application_deadline = k_now + 10 * k_day;
    return record;
}

CaseCorrection correction()
{
    return {k_now + 20 * k_day,
            {{"Kirsten Kontakt", "Kontorchef", "33 12 34 56", "kk@example.test"}},
            "Forlænget frist."};
}

std::vector<std::string> fields_of(const std::vector<core::FieldError>& problems)
{
    std::vector<std::string> fields;
    fields.reserve(problems.size());
    for (const auto& problem : problems)
        fields.push_back(problem.field);
    return fields;
}

TEST(CaseCorrection, ALaterDeadlineAndNewContactsWithAReasonAreAccepted)
{
    EXPECT_TRUE(check_case_correction(published_case(), correction(), k_now).empty());
    auto same = correction();
    same.application_deadline = published_case().application_deadline;
    EXPECT_TRUE(check_case_correction(published_case(), same, k_now).empty()) << "keeping the deadline";
}

TEST(CaseCorrection, TheDeadlineMovesLaterOnly)
{
    struct Row {
        std::optional<core::UnixTime> deadline;
        bool accepted;
    };
    const Row rows[] = {
        {k_now + 10 * k_day - 1, false}, // one second earlier than applicants were told
        {k_now + 10 * k_day, true},
        {k_now + 60 * k_day, true},
        {std::nullopt, false},
    };
    for (const auto& row : rows) {
        auto changed = correction();
        changed.application_deadline = row.deadline;
        auto problems = check_case_correction(published_case(), changed, k_now);
        EXPECT_EQ(problems.empty(), row.accepted) << (row.deadline ? *row.deadline - k_now : -1);
        if (!row.accepted) {
            EXPECT_EQ(fields_of(problems), std::vector<std::string>{"deadline_date"});
        }
    }
    // A case whose deadline has just passed (not yet closed by the job) cannot get one in the past.
    auto late = published_case();
    late.application_deadline = k_now - 10;
    auto changed = correction();
    changed.application_deadline = k_now - 5;
    EXPECT_EQ(fields_of(check_case_correction(late, changed, k_now)),
              std::vector<std::string>{"deadline_date"});
}

TEST(CaseCorrection, ContactsFollowTheFormsRulesAndOneMustBeReachable)
{
    auto changed = correction();
    changed.contacts = {{"", "Kontorchef", "33 12 34 56", ""}, {"Per", "", "", "not-an-address"}};
    auto fields = fields_of(check_case_correction(published_case(), changed, k_now));
    EXPECT_NE(std::find(fields.begin(), fields.end(), "contact_name_1"), fields.end());
    EXPECT_NE(std::find(fields.begin(), fields.end(), "contact_email_2"), fields.end());
    changed.contacts = {{"Kirsten Kontakt", "Kontorchef", "", ""}};
    EXPECT_EQ(fields_of(check_case_correction(published_case(), changed, k_now)),
              std::vector<std::string>{"contact_name_1"});
}

TEST(CaseCorrection, NeedsAReasonAndAPublishedCase)
{
    auto changed = correction();
    changed.reason = "   ";
    EXPECT_EQ(fields_of(check_case_correction(published_case(), changed, k_now)),
              std::vector<std::string>{"reason"});
    changed.reason = std::string(1001, 'x');
    EXPECT_EQ(fields_of(check_case_correction(published_case(), changed, k_now)),
              std::vector<std::string>{"reason"});
    changed.reason = std::string(1000, 'x');
    EXPECT_TRUE(check_case_correction(published_case(), changed, k_now).empty());
    auto closed = published_case();
    closed.state = CaseState::closed_for_applications;
    EXPECT_EQ(fields_of(check_case_correction(closed, correction(), k_now)),
              std::vector<std::string>{"state"});
}

} // namespace
} // namespace rekrut::domain
