#include <gtest/gtest.h>

#include "domain/job_ad/placeholders.hpp"

namespace rekrut::domain {
namespace {

PlaceholderValues values()
{
    return {"Fuldmægtig", "Demovej 1, København", "Løntrin 6", "15.01.2030 12:00",
            "Kirsten Kontakt, 33 12 34 56"};
}

std::string repeated(std::string_view text, std::size_t times)
{
    std::string out;
    for (std::size_t i = 0; i < times; ++i)
        out += text;
    return out;
}

TEST(Placeholders, each_placeholder_takes_its_value)
{
    EXPECT_EQ(fill_placeholders("En {{title}} i {{place_of_work}}. {{salary}}. Frist {{deadline}}. "
                                "Kontakt {{contact}}.{{mandatory_texts}}",
                                values(), 1000),
              "En Fuldmægtig i Demovej 1, København. Løntrin 6. Frist 15.01.2030 12:00. "
              "Kontakt Kirsten Kontakt, 33 12 34 56.");
    EXPECT_EQ(fill_placeholders("{{unknown}} {{title} {{{title}}}}", values(), 1000),
              "{{unknown}} {{title} {Fuldmægtig}}");
}

TEST(Placeholders, the_danish_names_take_the_same_values)
{
    EXPECT_EQ(fill_placeholders("En {{titel}} i {{arbejdssted}}. {{løn}}. Frist {{ansøgningsfrist}}. "
                                "Kontakt {{kontaktperson}}.{{obligatoriske_tekster}}",
                                values(), 1000),
              "En Fuldmægtig i Demovej 1, København. Løntrin 6. Frist 15.01.2030 12:00. "
              "Kontakt Kirsten Kontakt, 33 12 34 56.");
    EXPECT_TRUE(is_placeholder("løn"));
    EXPECT_TRUE(is_placeholder("salary"));
    EXPECT_FALSE(is_placeholder("lon"));
}

TEST(Placeholders, a_value_goes_in_as_written)
{
    PlaceholderValues nested = values();
    nested.title = "{{contact}}{{contact}}";
    EXPECT_EQ(fill_placeholders("{{title}}", nested, 1000), "{{contact}}{{contact}}");
}

TEST(Placeholders, a_result_over_the_limit_is_refused)
{
    PlaceholderValues long_contact = values();
    long_contact.contact = std::string(1700, 'k');
    std::string body = repeated("{{contact}}", 1000);
    EXPECT_FALSE(fill_placeholders(body, long_contact, 500000));
    // Exactly at the limit is allowed, one octet more is not.
    std::string ten = repeated("{{contact}}", 10);
    ASSERT_TRUE(fill_placeholders(ten, long_contact, 17000));
    EXPECT_EQ(fill_placeholders(ten, long_contact, 17000)->size(), 17000u);
    EXPECT_FALSE(fill_placeholders(ten + "x", long_contact, 17000));
    EXPECT_FALSE(fill_placeholders("x" + ten, long_contact, 17000));
}

} // namespace
} // namespace rekrut::domain
