#include <gtest/gtest.h>

#include "domain/application/application_form.hpp"

namespace rekrut::domain {
namespace {

constexpr core::UnixTime k_now = 1'800'000'000;

std::vector<CaseQuestionRecord> questions()
{
    return {
        {11, std::nullopt, "Har du kørekort?", "yes_no", "Ja\n!Nej", 0},
        {12, std::nullopt, "Sprog", "multiple_choice", "Dansk\nEngelsk\nTysk", 1},
        {13, std::nullopt, "Års erfaring", "number", "", 2},
        {14, std::nullopt, "Hvorfor?", "short_text", "", 3},
    };
}

ApplicationForm valid_form()
{
    ApplicationForm form;
    form.full_name = "  Bodil Testesen ";
    form.email = "Bodil@Example.test";
    form.phone = "+45 12 34 56 78";
    form.cover_letter = "Jeg søger stillingen.";
    form.consent_processing = true;
    form.answers = {{11, "Ja"}, {12, "Dansk\nTysk"}, {13, "4.5"}, {14, "Fordi"}};
    return form;
}

std::vector<std::string> fields_of(const core::Result<CheckedApplication>& result)
{
    std::vector<std::string> fields;
    if (!result.ok())
        for (const auto& error : result.error().fields)
            fields.push_back(error.field);
    return fields;
}

TEST(ApplicationForm, AcceptsAValidFormAndNormalises)
{
    auto result = check_application(valid_form(), questions(), false, k_now);
    ASSERT_TRUE(result.ok()) << result.error().message;
    const auto& record = result->record;
    EXPECT_EQ(record.full_name, "Bodil Testesen");
    EXPECT_EQ(record.email, "bodil@example.test");
    EXPECT_FALSE(record.knocked_out);
    EXPECT_FALSE(record.keep_until);
    ASSERT_EQ(record.answers.size(), 4U);
    EXPECT_EQ(record.answers[1].answer, "Dansk\nTysk");
}

TEST(ApplicationForm, KnockoutAnswerIsRecordedNotRefused)
{
    auto form = valid_form();
    form.answers[11] = "Nej";
    auto result = check_application(form, questions(), false, k_now);
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result->record.knocked_out);
}

struct BadField {
    const char* name;
    void (*spoil)(ApplicationForm&);
    const char* field;
};

TEST(ApplicationForm, EachProblemNamesItsField)
{
    const BadField cases[] = {
        {"no name", [](ApplicationForm& f) { f.full_name = "   "; }, "full_name"},
        {"long name", [](ApplicationForm& f) { f.full_name = std::string(201, 'a'); }, "full_name"},
        {"name with line break", [](ApplicationForm& f) { f.full_name = "A\nB"; }, "full_name"},
        {"no e-mail", [](ApplicationForm& f) { f.email = ""; }, "email"},
        {"bad e-mail", [](ApplicationForm& f) { f.email = "a@b\r\nBcc: x@example.test"; }, "email"},
        {"letters in phone", [](ApplicationForm& f) { f.phone = "call me"; }, "phone"},
        {"no cover letter", [](ApplicationForm& f) { f.cover_letter = ""; }, "cover_letter"},
        {"huge cover letter", [](ApplicationForm& f) { f.cover_letter = std::string(20001, 'x'); },
         "cover_letter"},
        {"NUL in cover letter", [](ApplicationForm& f) { f.cover_letter = std::string("a\0b", 3); },
         "cover_letter"},
        {"no consent", [](ApplicationForm& f) { f.consent_processing = false; }, "consent_processing"},
        {"unanswered", [](ApplicationForm& f) { f.answers.erase(11); }, "q11"},
        {"not an option", [](ApplicationForm& f) { f.answers[11] = "Måske"; }, "q11"},
        {"two for yes/no", [](ApplicationForm& f) { f.answers[11] = "Ja\nNej"; }, "q11"},
        {"unknown choice", [](ApplicationForm& f) { f.answers[12] = "Dansk\nFransk"; }, "q12"},
        {"repeated choice", [](ApplicationForm& f) { f.answers[12] = "Dansk\nDansk"; }, "q12"},
        {"not a number", [](ApplicationForm& f) { f.answers[13] = "fire"; }, "q13"},
        {"long short text", [](ApplicationForm& f) { f.answers[14] = std::string(1001, 'x'); }, "q14"},
    };
    for (const auto& c : cases) {
        auto form = valid_form();
        c.spoil(form);
        auto fields = fields_of(check_application(form, questions(), false, k_now));
        ASSERT_EQ(fields.size(), 1U) << c.name;
        EXPECT_EQ(fields.front(), c.field) << c.name;
    }
}

TEST(ApplicationForm, UploadedCoverLetterReplacesTheTypedOne)
{
    auto form = valid_form();
    form.cover_letter = "";
    form.has_cover_letter_file = true;
    EXPECT_TRUE(check_application(form, questions(), false, k_now).ok());
}

TEST(ApplicationForm, ConsentsAndListExclusion)
{
    auto form = valid_form();
    form.keep_for_future = true;
    form.exclude_from_list = true;
    form.priority_access = true;
    auto ordinary = check_application(form, questions(), false, k_now);
    ASSERT_TRUE(ordinary.ok());
    EXPECT_FALSE(ordinary->record.exclude_from_list) << "only civil-servant positions have the list";
    EXPECT_TRUE(ordinary->record.priority_access);
    ASSERT_TRUE(ordinary->record.keep_until);
    EXPECT_EQ(*ordinary->record.keep_until, k_now + core::UnixTime{365} * 86400);
    auto civil = check_application(form, questions(), true, k_now);
    ASSERT_TRUE(civil.ok());
    EXPECT_TRUE(civil->record.exclude_from_list);
}

RectificationForm valid_correction()
{
    return {"  Bodil Rettesen ", "Bodil.Ny@Example.test", "+45 87 65 43 21", "Navnet var stavet forkert."};
}

TEST(Rectification, AValidCorrectionIsTrimmedAndNormalised)
{
    auto checked = check_rectification(valid_correction());
    ASSERT_TRUE(checked.ok());
    EXPECT_EQ(checked->full_name, "Bodil Rettesen");
    EXPECT_EQ(checked->email, "bodil.ny@example.test");
    EXPECT_EQ(checked->phone, "+45 87 65 43 21");
    EXPECT_EQ(checked->reason, "Navnet var stavet forkert.");
    auto without_phone = valid_correction();
    without_phone.phone = "";
    EXPECT_TRUE(check_rectification(without_phone).ok());
}

TEST(Rectification, EachProblemNamesItsField)
{
    struct Bad {
        const char* what;
        void (*change)(RectificationForm&);
        const char* field;
    };
    const Bad cases[] = {
        {"no name", [](RectificationForm& f) { f.full_name = " "; }, "full_name"},
        {"long name", [](RectificationForm& f) { f.full_name = std::string(201, 'a'); }, "full_name"},
        {"name with line break", [](RectificationForm& f) { f.full_name = "A\nB"; }, "full_name"},
        {"no e-mail", [](RectificationForm& f) { f.email = ""; }, "email"},
        {"header injection", [](RectificationForm& f) { f.email = "a@b.test\r\nBcc: x@example.test"; },
         "email"},
        {"long e-mail", [](RectificationForm& f) { f.email = std::string(250, 'a') + "@example.test"; },
         "email"},
        {"letters in phone", [](RectificationForm& f) { f.phone = "ring til mig"; }, "phone"},
        {"long phone", [](RectificationForm& f) { f.phone = std::string(41, '1'); }, "phone"},
        {"no reason", [](RectificationForm& f) { f.reason = ""; }, "reason"},
        {"long reason", [](RectificationForm& f) { f.reason = std::string(1001, 'x'); }, "reason"},
        {"NUL in reason", [](RectificationForm& f) { f.reason = std::string("a\0b", 3); }, "reason"},
    };
    for (const auto& bad : cases) {
        auto form = valid_correction();
        bad.change(form);
        auto checked = check_rectification(form);
        ASSERT_FALSE(checked.ok()) << bad.what;
        ASSERT_EQ(checked.error().fields.size(), 1u) << bad.what;
        EXPECT_EQ(checked.error().fields.front().field, bad.field) << bad.what;
    }
}

} // namespace
} // namespace rekrut::domain
