#include <gtest/gtest.h>

#include "domain/job_ad/screening_question.hpp"

namespace rekrut::domain {
namespace {

TEST(QuestionOptions, one_per_line_with_knockouts_marked)
{
    auto options = question_options("Ja\r\n\n  ! Nej  \n");
    ASSERT_EQ(options.size(), 2u);
    EXPECT_EQ(options[0].text, "Ja");
    EXPECT_FALSE(options[0].disqualifies);
    EXPECT_EQ(options[1].text, "Nej");
    EXPECT_TRUE(options[1].disqualifies);
    EXPECT_TRUE(question_options("").empty());
}

TEST(CheckScreeningQuestion, over_long_text_and_options_are_refused)
{
    ScreeningQuestion long_text{std::string(1001, 'x'), "short_text", ""};
    auto problems = check_screening_question(long_text);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, "text");
    ScreeningQuestion long_options{"Hvilket sprog?", "single_choice", "Dansk\n" + std::string(5000, 'x')};
    problems = check_screening_question(long_options);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, "options");
    ScreeningQuestion long_option{"Hvilket sprog?", "single_choice", "Dansk\n" + std::string(201, 'x')};
    problems = check_screening_question(long_option);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, "options");
}

} // namespace
} // namespace rekrut::domain
