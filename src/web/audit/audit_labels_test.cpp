#include <gtest/gtest.h>
#include <set>

#include "web/audit/audit_labels.hpp"

namespace rekrut::web::audit {
namespace {

std::string same(const char* message)
{
    return message;
}

std::string no_user(const std::string&)
{
    return "";
}

TEST(AuditLabels, every_known_action_and_object_type_has_its_own_label)
{
    std::set<std::string_view> codes;
    for (const auto& action : known_actions()) {
        ASSERT_NE(action.label, nullptr) << action.code;
        EXPECT_TRUE(codes.insert(action.code).second) << "listed twice: " << action.code;
        EXPECT_EQ(action_label(action.code), action.label);
        EXPECT_NE(std::string_view(action.label), action.code);
    }
    for (const char* code :
         {"case.changed", "login.password_accepted", "user.created", "role.requested", "logout"})
        EXPECT_NE(action_label(code), nullptr) << code;
    EXPECT_EQ(action_label("no.such_action"), nullptr);
    EXPECT_STREQ(object_type_label("recruitment_case"), "Recruitment case");
    EXPECT_EQ(object_type_label("nothing"), nullptr);
}

TEST(AuditLabels, a_change_lists_only_the_fields_that_differ)
{
    auto changes = field_changes(R"({"title":"A","unit":"HR","weekly_hours":"37"})",
                                 R"({"title":"A","unit":"IT","weekly_hours":"30"})");
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_EQ(changes[0].field, "unit");
    EXPECT_EQ(changes[0].before, "HR");
    EXPECT_EQ(changes[0].after, "IT");
    EXPECT_EQ(changes[1].field, "weekly_hours");
}

TEST(AuditLabels, a_creation_lists_every_field_in_recorded_order)
{
    auto changes = field_changes("{}", R"({"name":"Anna","email":"anna@example.test","status":"active"})");
    ASSERT_EQ(changes.size(), 3u);
    EXPECT_EQ(changes[0].field, "name");
    EXPECT_EQ(changes[0].before, "");
    EXPECT_EQ(changes[2].after, "active");
    EXPECT_EQ(field_changes("{}", "{}").size(), 0u);
}

TEST(AuditLabels, a_value_that_is_not_an_object_is_shown_as_recorded)
{
    auto changes = field_changes("not json", "{}");
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].field, "");
    EXPECT_EQ(changes[0].before, "not json");
}

TEST(AuditLabels, recorded_values_read_as_people_write_them)
{
    struct Row {
        const char* field;
        const char* value;
        const char* language;
        const char* shown;
    };
    const Row rows[] = {
        {"weekly_hours", "37.000000", "da", "37 timer"},
        {"weekly_hours", "37.5", "da", "37,5 timer"},
        {"weekly_hours", "37.5", "en", "37.5 hours"},
        {"application_deadline", "2026-12-28T11:00:00Z", "da", "28. december 2026 kl. 12.00"},
        {"application_deadline", "2026-12-28T11:00:00Z", "en", "28 December 2026, 12:00"},
        {"expected_start", "2027-01-31T23:00:00Z", "da", "1. februar 2027"},
        {"state", "ready_for_publication", "en", "Ready for publication"},
        {"role", "projektleder", "da", "Projektleder"},
        {"full_time", "false", "en", "No"},
        {"employment_form", "fixed_term", "en", "Fixed term"},
        {"ad_languages", "da,en", "en", "Danish, English"},
        {"kinds", "cpr_number,health", "en", "CPR number, health"},
        {"kinds", "religion,unknown_kind", "en", "religion or belief, unknown_kind"},
        {"title", "Fuldmægtig", "da", "Fuldmægtig"},
        {"application_deadline", "not a time", "da", "not a time"},
        {"title", "", "da", ""},
    };
    for (const auto& row : rows)
        EXPECT_EQ(display_value(row.field, row.value, row.language, same, no_user), row.shown)
            << row.field << "=" << row.value;
    auto named = [](const std::string& id) { return id == "7" ? std::string("Anna Andersen") : ""; };
    EXPECT_EQ(display_value("user_id", "7", "da", same, named), "Anna Andersen");
    EXPECT_EQ(display_value("user_id", "8", "da", same, named), "8");
}

} // namespace
} // namespace rekrut::web::audit
