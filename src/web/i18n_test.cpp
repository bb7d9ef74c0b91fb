#include <gtest/gtest.h>

#include "web/i18n.hpp"

using rekrut::web::Translator;

TEST(Translator, cookie_wins_over_accept_language)
{
    std::string cookie = "en", header = "da";
    EXPECT_EQ(Translator::choose(&cookie, &header), "en");
}

TEST(Translator, accept_language_quality_decides)
{
    std::string header = "de-DE,en-GB;q=0.8,da;q=0.9";
    EXPECT_EQ(Translator::choose(nullptr, &header), "da");
    std::string english = "en-US,en;q=0.9";
    EXPECT_EQ(Translator::choose(nullptr, &english), "en");
}

TEST(Translator, unknown_values_fall_back_to_danish)
{
    std::string cookie = "xx<script>", header = "fr";
    EXPECT_EQ(Translator::choose(&cookie, &header), "da");
    EXPECT_EQ(Translator::choose(nullptr, nullptr), "da");
}

TEST(Translator, catalogs_translate_and_fall_back_to_the_message_id)
{
    Translator translator;
    ASSERT_EQ(translator.load(REKRUT_LOCALE_DIR), "");
    EXPECT_EQ(translator.translate("da", "Open positions"), "Ledige stillinger");
    EXPECT_EQ(translator.translate("en", "Open positions"), "Open positions");
    EXPECT_EQ(translator.translate("da", "A message nobody wrote"), "A message nobody wrote");
}
