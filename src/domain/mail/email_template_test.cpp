#include <gtest/gtest.h>

#include "domain/mail/email_template.hpp"

namespace rekrut::domain {
namespace {

std::vector<std::string> fields_of(const std::vector<core::FieldError>& problems)
{
    std::vector<std::string> fields;
    fields.reserve(problems.size());
    for (const auto& problem : problems)
        fields.push_back(problem.field);
    return fields;
}

TEST(EmailTemplate, every_kind_has_built_in_texts_that_pass_the_check)
{
    for (const auto& kind : k_mail_kinds) {
        auto record = default_email_template(kind.id);
        EXPECT_TRUE(check_email_template(record).empty()) << kind.id;
        EXPECT_EQ(record.sets_status, kind.default_status) << kind.id;
    }
    EXPECT_THROW(default_email_template("newsletter"), std::out_of_range);
}

TEST(EmailTemplate, an_unknown_merge_field_is_refused_by_name)
{
    auto record = default_email_template("rejection_before_interview");
    record.body_da = "Kære {{ansøgers_navn}} og {{ansøgernavn}}";
    auto problems = check_email_template(record);
    ASSERT_EQ(fields_of(problems), std::vector<std::string>{"body_da"});
    EXPECT_EQ(problems[0].detail, "ansøgernavn");

    record = default_email_template("offer");
    record.subject_en = "Offer for {{applicant}}";
    problems = check_email_template(record);
    ASSERT_EQ(fields_of(problems), std::vector<std::string>{"subject_en"});
    EXPECT_EQ(problems[0].detail, "applicant");

    record = default_email_template("offer");
    record.body_en = "Dear {{applicant_name";
    EXPECT_EQ(fields_of(check_email_template(record)), std::vector<std::string>{"body_en"});
}

TEST(EmailTemplate, subjects_are_one_line_and_texts_bounded)
{
    auto record = default_email_template("offer");
    record.subject_da = "Tilbud\r\nBcc: x@example.test";
    record.body_en = std::string(k_max_mail_body + 1, 'x');
    record.subject_en = "   ";
    EXPECT_EQ(fields_of(check_email_template(record)),
              (std::vector<std::string>{"subject_da", "subject_en", "body_en"}));
}

TEST(EmailTemplate, only_application_statuses_a_mail_can_set_are_accepted)
{
    auto record = default_email_template("free_message");
    for (const char* status : {"", "rejected", "invited", "offered", "in_assessment"}) {
        record.sets_status = status;
        EXPECT_TRUE(check_email_template(record).empty()) << status;
    }
    for (const char* status : {"hired", "withdrawn", "received", "archived"}) {
        record.sets_status = status;
        EXPECT_EQ(fields_of(check_email_template(record)), std::vector<std::string>{"sets_status"}) << status;
    }
    auto committee = default_email_template("deadline_passed");
    committee.sets_status = "rejected";
    EXPECT_EQ(fields_of(check_email_template(committee)), std::vector<std::string>{"sets_status"});
}

TEST(RenderMail, fills_both_parts_and_escapes_values_in_html)
{
    std::map<std::string, std::string> values = {
        {"applicant_name", "Ane <b>Hansen</b> & Co"},
        {"case_title", "Fuldmægtig"},
        {"self_service_link", "https://rekrut.example.test/application/abc?x=1&y=2"},
    };
    auto rendering = render_mail("Om {{stillingsbetegnelse}}",
                                 "Kære {{applicant_name}}\n\nSe {{selvbetjeningslink}}\nHilsen", values);
    ASSERT_TRUE(rendering.mail) << rendering.missing.size();
    EXPECT_EQ(rendering.mail->subject, "Om Fuldmægtig");
    EXPECT_EQ(
        rendering.mail->text,
        "Kære Ane <b>Hansen</b> & Co\n\nSe https://rekrut.example.test/application/abc?x=1&y=2\nHilsen");
    const auto& html = rendering.mail->html;
    EXPECT_NE(html.find("Kære Ane &lt;b&gt;Hansen&lt;/b&gt; &amp; Co</p>"), std::string::npos) << html;
    EXPECT_EQ(html.find("<b>"), std::string::npos);
    EXPECT_NE(html.find("<p>Se <a href=\"https://rekrut.example.test/application/abc?x=1&amp;y=2\">"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("<br>\nHilsen</p>"), std::string::npos) << html;
}

TEST(RenderMail, a_field_without_a_value_stops_the_mail_and_is_named)
{
    auto rendering =
        render_mail("Samtale", "Tid: {{interview_time}} Sted: {{samtalested}} {{interview_time}}",
                    {{"interview_time", ""}});
    EXPECT_FALSE(rendering.mail);
    EXPECT_EQ(rendering.missing, (std::vector<std::string>{"interview_time", "interview_place"}));
}

TEST(RenderMail, a_value_cannot_break_the_subject_into_header_lines)
{
    auto rendering =
        render_mail("Om {{applicant_name}}", "x", {{"applicant_name", "Ane\r\nBcc: y@example.test"}});
    ASSERT_TRUE(rendering.mail);
    EXPECT_EQ(rendering.mail->subject.find_first_of("\r\n"), std::string::npos);
}

} // namespace
} // namespace rekrut::domain
