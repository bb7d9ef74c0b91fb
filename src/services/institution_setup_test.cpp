#include <gtest/gtest.h>

#include "services/institution_setup.hpp"

namespace rekrut::services {
namespace {

std::vector<std::string> fields_of(const std::vector<core::FieldError>& problems)
{
    std::vector<std::string> fields;
    fields.reserve(problems.size());
    for (const auto& problem : problems)
        fields.push_back(problem.field);
    return fields;
}

domain::QuestionTemplateRecord question(const std::string& kind, const std::string& options)
{
    return {0, "Har du kørekort?", kind, options};
}

TEST(CheckQuestion, rules_per_kind_of_answer)
{
    struct Row {
        const char* kind;
        const char* options;
        bool valid;
    };
    const Row rows[] = {
        {"yes_no", "", true}, // Ja/Nej is filled in
        {"yes_no", "Ja\n!Nej", true},
        {"yes_no", "Ja\nNej\nMåske", false}, // exactly two
        {"yes_no", "!Ja\n!Nej", false},      // every answer disqualifies
        {"single_choice", "Jobnet", false},  // at least two
        {"single_choice", "Jobnet\n\nLinkedIn", true},
        {"single_choice", "Jobnet\n!", false},      // a "!" without text
        {"single_choice", "Jobnet\njobnet", false}, // the same option twice
        {"multiple_choice", "Dansk\nEngelsk\n!Intet", true},
        {"number", "", true},
        {"number", "1\n2", false}, // no options for a number
        {"short_text", "", true},
        {"essay", "", false}, // unknown kind
    };
    for (const auto& row : rows) {
        auto record = question(row.kind, row.options);
        auto problems = check_question(record);
        EXPECT_EQ(problems.empty(), row.valid) << row.kind << " / " << row.options;
    }
}

TEST(CheckQuestion, options_are_stored_normalised)
{
    auto record = question("single_choice", " Jobnet \r\n\n! Andet\n");
    EXPECT_TRUE(check_question(record).empty());
    EXPECT_EQ(record.options, "Jobnet\n!Andet");
    auto yes_no = question("yes_no", "  ");
    EXPECT_TRUE(check_question(yes_no).empty());
    EXPECT_EQ(yes_no.options, "Ja\nNej");
}

TEST(CheckQuestion, an_empty_question_names_the_text_field)
{
    domain::QuestionTemplateRecord record{0, "   ", "short_text", ""};
    EXPECT_EQ(fields_of(check_question(record)), std::vector<std::string>{"text"});
}

domain::AdTemplateRecord ad_template()
{
    domain::AdTemplateRecord record;
    record.name = " Fuldmægtig ";
    record.body_source =
        "Vi søger en {{title}} til {{place_of_work}}. {{salary}} {{deadline}} {{contact}}\n\n"
        "{{mandatory_texts}}";
    return record;
}

TEST(CheckAdTemplate, a_complete_template_is_valid_and_trimmed)
{
    auto record = ad_template();
    EXPECT_TRUE(check_ad_template(record).empty());
    EXPECT_EQ(record.name, "Fuldmægtig");
    EXPECT_EQ(record.weekly_hours, 37);
}

TEST(CheckAdTemplate, unknown_or_unclosed_placeholders_are_refused)
{
    for (const char* body : {"Vi søger en {{titlen}}.", "Frist: {{deadline", "{{ title }}", "{{}}"}) {
        auto record = ad_template();
        record.body_source = body;
        EXPECT_EQ(fields_of(check_ad_template(record)), std::vector<std::string>{"body"}) << body;
    }
}

TEST(CheckAdTemplate, placeholders_may_have_their_danish_names)
{
    auto record = ad_template();
    record.body_source = "Vi søger en {{titel}} til {{arbejdssted}}. {{løn}} Frist: {{ansøgningsfrist}}. "
                         "Kontakt {{kontaktperson}}.{{obligatoriske_tekster}}";
    EXPECT_TRUE(check_ad_template(record).empty());
}

TEST(CheckAdTemplate, part_time_needs_hours_under_37)
{
    auto record = ad_template();
    record.full_time = false;
    for (double hours : {-1.0, 0.0, 37.0, 40.0}) {
        record.weekly_hours = hours;
        EXPECT_EQ(fields_of(check_ad_template(record)), std::vector<std::string>{"weekly_hours"}) << hours;
    }
    record.weekly_hours = 30;
    EXPECT_TRUE(check_ad_template(record).empty());
}

TEST(CheckAdTemplate, each_bad_field_is_named)
{
    domain::AdTemplateRecord record;
    record.language = "de";
    record.employment_form = "forever";
    record.employment_basis = "x";
    record.title = std::string(201, 'x');
    EXPECT_EQ(fields_of(check_ad_template(record)),
              (std::vector<std::string>{"name", "language", "title", "employment_form", "employment_basis"}));
}

TEST(CheckMandatoryText, each_bad_field_is_named)
{
    domain::MandatoryTextRecord text;
    text.name = " ";
    text.kind = "bogus";
    text.language = "xx";
    text.body_source = "  ";
    text.position = -1;
    EXPECT_EQ(fields_of(check_mandatory_text(text)),
              (std::vector<std::string>{"name", "kind", "language", "body", "position"}));
    text = {};
    text.name = "Opfordring";
    text.kind = "encouragement";
    text.body_source = "Vi opfordrer alle interesserede uanset personlig baggrund til at søge stillingen.";
    EXPECT_TRUE(check_mandatory_text(text).empty());
}

} // namespace
} // namespace rekrut::services
