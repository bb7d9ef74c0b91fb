#include <gtest/gtest.h>
#include <set>
#include <string>

#include "web/cases/reference_data.hpp"

namespace rekrut::web {
namespace {

TEST(Municipalities, TheNinetyEightWithUniqueThreeDigitCodes)
{
    std::set<std::string_view> codes;
    std::set<std::string_view> names;
    for (const auto& municipality : municipalities()) {
        EXPECT_EQ(municipality.code.size(), 3U) << municipality.name;
        codes.insert(municipality.code);
        names.insert(municipality.name);
    }
    EXPECT_EQ(municipalities().size(), 98U);
    EXPECT_EQ(codes.size(), 98U);
    EXPECT_EQ(names.size(), 98U);
    EXPECT_EQ(municipality_by_code("101")->name, "København");
    EXPECT_EQ(municipality_by_code("147")->name, "Frederiksberg");
    EXPECT_EQ(municipality_by_code("461")->name, "Odense");
    EXPECT_EQ(municipality_by_code("751")->name, "Aarhus");
    EXPECT_EQ(municipality_by_code("851")->name, "Aalborg");
    EXPECT_EQ(municipality_by_code("411"), nullptr); // Christiansø is no municipality
    EXPECT_EQ(municipality_text("851"), "Aalborg (851)");
    EXPECT_EQ(municipality_text(""), "");
}

TEST(OccupationCodes, FourOrSixDigitsWithAnOptionalDot)
{
    for (const char* valid : {"2423", "241110", "2411.10", "9999"})
        EXPECT_TRUE(is_valid_occupation_code(valid)) << valid;
    for (const char* invalid : {"", "242", "24231", "2411.1", "2411-10", "24x3", "2411.100", " 2423"})
        EXPECT_FALSE(is_valid_occupation_code(invalid)) << invalid;
    EXPECT_EQ(occupation_text("2423", "da"), "2423 Personale- og karriererådgivning");
    EXPECT_EQ(occupation_text("2423", "en"), "2423 Personnel and careers professionals");
    EXPECT_EQ(occupation_text("2411.10", "da"), "2411.10 Revision og regnskab");
    EXPECT_EQ(occupation_text("9999", "da"), "9999");
}

} // namespace
} // namespace rekrut::web
