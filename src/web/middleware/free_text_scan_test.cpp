#include <gtest/gtest.h>

#include "web/middleware/free_text_scan.hpp"

namespace rekrut::web {
namespace {

using domain::SensitiveKind;

TEST(FreeTextScan, free_texts_are_read_in_full_identifiers_for_cpr_numbers_and_secrets_not_at_all)
{
    struct Row {
        const char* field;
        FieldScan scan;
    };
    const Row rows[] = {
        {"body", FieldScan::full},
        {"body_da", FieldScan::full},
        {"subject_en", FieldScan::full},
        {"text_12", FieldScan::full},
        {"salary_text", FieldScan::full},
        {"reason", FieldScan::full},
        {"justification", FieldScan::full},
        {"tags", FieldScan::full},
        {"email", FieldScan::cpr_only},
        {"external_name", FieldScan::cpr_only},
        {"title", FieldScan::cpr_only},
        {"contact_phone_2", FieldScan::cpr_only},
        {"occupation_code", FieldScan::cpr_only},
        {"deadline_date", FieldScan::cpr_only},
        {"place_of_work", FieldScan::cpr_only},
        {"application_id", FieldScan::cpr_only},
        {"position_17_id", FieldScan::cpr_only},
        {"csrf_token", FieldScan::none},
        {"new_password", FieldScan::none},
        {"passphrase_repeat", FieldScan::none},
        {"code", FieldScan::none},
        {"note", FieldScan::none},
        {"comment", FieldScan::none},
        {"confirm_free_text", FieldScan::none},
    };
    for (const auto& row : rows)
        EXPECT_EQ(field_scan(row.field), row.scan) << row.field;
}

TEST(FreeTextScan, each_field_is_named_once_with_the_kinds_found_in_order)
{
    const Fields form{
        {"csrf_token", "0101701234"},
        {"title", "Sygeplejerske, CPR 070761-4285"},
        {"body", "Hun er sygemeldt og medlem af en fagforening. Sygdom igen."},
        {"body", "Født 070761-4285"},
        {"email", "syg@example.test"},
        {"place_of_work", "Psykiatrisk Center"},
        {"subject_da", "Om stillingen"},
        {"password", "070761-4285"},
    };
    auto found = free_text_findings(form);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].field, "title");
    EXPECT_EQ(found[0].kinds, std::vector<SensitiveKind>{SensitiveKind::cpr_number});
    EXPECT_EQ(found[1].field, "body");
    EXPECT_EQ(found[1].kinds, (std::vector<SensitiveKind>{SensitiveKind::health, SensitiveKind::trade_union,
                                                          SensitiveKind::cpr_number}));
}

TEST(FreeTextScan, harmless_text_has_no_findings)
{
    EXPECT_TRUE(free_text_findings({{"body", "Vi søger en engageret fuldmægtig. Telefon 1234567890."},
                                    {"name", "Anna Andersen"}})
                    .empty());
    EXPECT_TRUE(free_text_findings({}).empty());
}

TEST(FreeTextScan, a_numbered_field_is_looked_up_by_its_family)
{
    EXPECT_EQ(field_family("text_12"), "text");
    EXPECT_EQ(field_family("contact_name_2"), "contact_name");
    EXPECT_EQ(field_family("body"), "body");
    EXPECT_EQ(field_family("_7"), "_7");
    EXPECT_EQ(field_family("x7"), "x7");
}

} // namespace
} // namespace rekrut::web
