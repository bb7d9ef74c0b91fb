#include <functional>
#include <gtest/gtest.h>

#include "domain/recruitment_case/case_fields.hpp"

namespace rekrut::domain {
namespace {

CaseFields valid_fields()
{
    CaseFields fields;
    fields.title = "Fuldmægtig til kontoret for tilskud";
    fields.languages.danish = true;
    fields.contacts.push_back({"Hr Anna Holm", "Kontorchef", "33 92 00 00", "hr.anna@example.test"});
    return fields;
}

std::vector<std::string> fields_of(const std::vector<core::FieldError>& problems)
{
    std::vector<std::string> fields;
    fields.reserve(problems.size());
    for (const auto& problem : problems)
        fields.push_back(problem.field);
    return fields;
}

TEST(CaseFields, valid_fields_have_no_problems)
{
    EXPECT_TRUE(check_case_fields(valid_fields()).empty());
}

TEST(CaseFields, each_rule_names_its_field)
{
    struct Case {
        const char* name;
        std::function<void(CaseFields&)> change;
        const char* field;
    };
    const Case cases[] = {
        {"empty title", [](CaseFields& f) { f.title.clear(); }, "title"},
        {"long title", [](CaseFields& f) { f.title = std::string(201, 'a'); }, "title"},
        {"two-digit municipality", [](CaseFields& f) { f.municipality_code = "10"; }, "municipality_code"},
        {"letters in municipality", [](CaseFields& f) { f.municipality_code = "1a1"; }, "municipality_code"},
        {"non-ASCII municipality", [](CaseFields& f) { f.municipality_code = "\xb2\xb2\xb2"; },
         "municipality_code"},
        {"part time of 37 hours",
         [](CaseFields& f) {
             f.full_time = false;
             f.weekly_hours = 37;
         },
         "weekly_hours"},
        {"part time of no hours",
         [](CaseFields& f) {
             f.full_time = false;
             f.weekly_hours = 0;
         },
         "weekly_hours"},
        {"no positions", [](CaseFields& f) { f.positions = 0; }, "positions"},
        {"too many positions", [](CaseFields& f) { f.positions = 501; }, "positions"},
        {"no language", [](CaseFields& f) { f.languages = {}; }, "ad_languages"},
        {"contact without name", [](CaseFields& f) { f.contacts[0].name.clear(); }, "contact_name_1"},
        {"contact with bad e-mail", [](CaseFields& f) { f.contacts[0].email = "anna@@example.test"; },
         "contact_email_1"},
        {"long place of work", [](CaseFields& f) { f.place_of_work = std::string(2001, 'a'); },
         "place_of_work"},
        {"long collective agreement", [](CaseFields& f) { f.collective_agreement = std::string(201, 'a'); },
         "collective_agreement"},
        {"long salary", [](CaseFields& f) { f.salary_text = std::string(2001, 'a'); }, "salary_text"},
        {"long period", [](CaseFields& f) { f.fixed_term_text = std::string(2001, 'a'); }, "fixed_term_text"},
        {"long occupation code", [](CaseFields& f) { f.occupation_code = std::string(2001, '1'); },
         "occupation_code"},
        {"long position category", [](CaseFields& f) { f.position_category = std::string(2001, 'a'); },
         "position_category"},
        {"long contact name", [](CaseFields& f) { f.contacts[0].name = std::string(201, 'a'); },
         "contact_name_1"},
        {"long contact title", [](CaseFields& f) { f.contacts[0].title = std::string(201, 'a'); },
         "contact_title_1"},
        {"long contact phone", [](CaseFields& f) { f.contacts[0].phone = std::string(201, '1'); },
         "contact_phone_1"},
        {"long contact e-mail",
         [](CaseFields& f) { f.contacts[0].email = std::string(250, 'a') + "@example.test"; },
         "contact_email_1"},
        {"contact e-mail with a header after it",
         [](CaseFields& f) { f.contacts[0].email = "anna@example.test\r\nBcc: bo@example.test"; },
         "contact_email_1"},
        {"a third contact person",
         [](CaseFields& f) {
             f.contacts.push_back({"Bo", "", "33 00 00 00", ""});
             f.contacts.push_back({"Carl", "", "33 00 00 01", ""});
         },
         "contact_name_3"},
    };
    for (const auto& test : cases) {
        CaseFields fields = valid_fields();
        test.change(fields);
        EXPECT_EQ(fields_of(check_case_fields(fields)), std::vector<std::string>{test.field}) << test.name;
    }
}

TEST(CaseFields, a_blank_contact_is_ignored_and_the_next_keeps_its_number)
{
    CaseFields fields = valid_fields();
    fields.contacts = {{}, {"", "Kontorchef", "", ""}};
    EXPECT_EQ(fields_of(check_case_fields(fields)), std::vector<std::string>{"contact_name_2"});
}

TEST(CaseFields, part_time_under_37_hours_is_accepted)
{
    CaseFields fields = valid_fields();
    fields.full_time = false;
    fields.weekly_hours = 18.5;
    EXPECT_TRUE(check_case_fields(fields).empty());
}

TEST(CaseFields, languages_round_trip_through_the_stored_form)
{
    EXPECT_EQ(AdLanguages::parse("da,en").to_string(), "da,en");
    EXPECT_EQ(AdLanguages::parse("en").to_string(), "en");
    EXPECT_TRUE(AdLanguages::parse("").empty());
    EXPECT_TRUE(AdLanguages::parse("dan,eng").empty());
}

TEST(CaseFields, employment_values_parse_only_known_words)
{
    EXPECT_EQ(employment_form_from_string("aaremaal"), EmploymentForm::aaremaal);
    EXPECT_FALSE(employment_form_from_string("Permanent"));
    EXPECT_EQ(employment_basis_from_string("civil_servant"), EmploymentBasis::civil_servant);
    EXPECT_FALSE(employment_basis_from_string(""));
}

} // namespace
} // namespace rekrut::domain
