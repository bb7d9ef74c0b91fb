#include <array>
#include <gtest/gtest.h>

#include "domain/free_text/text_scan.hpp"

namespace rekrut::domain {
namespace {

TEST(TextScan, capitals_fold_to_small_letters_in_latin_alphabets)
{
    struct Case {
        char32_t capital;
        char32_t small;
    };
    const std::array cases{
        Case{U'A', U'a'}, Case{U'Z', U'z'}, Case{U'Æ', U'æ'}, Case{U'Ø', U'ø'}, Case{U'Å', U'å'},
        Case{U'É', U'é'}, Case{U'Ł', U'ł'}, Case{U'Ř', U'ř'}, Case{U'Ž', U'ž'}, Case{U'Ÿ', U'ÿ'},
        Case{U'ß', U'ß'}, Case{U'×', U'×'}, Case{U'1', U'1'}, Case{U'æ', U'æ'}, Case{U'ł', U'ł'},
    };
    for (const auto& test_case : cases) {
        SCOPED_TRACE(static_cast<unsigned>(test_case.capital));
        EXPECT_EQ(fold_case(test_case.capital), test_case.small);
    }
}

TEST(TextScan, letters_and_digits_are_word_characters_and_punctuation_is_not)
{
    for (const char32_t code : {U'a', U'Q', U'7', U'æ', U'Ø', U'é', U'ł', U'ß'})
        EXPECT_TRUE(is_word_character(code)) << static_cast<unsigned>(code);
    for (const char32_t code :
         {U' ', U'-', U'.', U'\'', U'«', U'×', U'–', U'’', U'…', U'€', U'\uFFFD', U'\u00A0'})
        EXPECT_FALSE(is_word_character(code)) << static_cast<unsigned>(code);
}

TEST(TextScan, malformed_bytes_read_as_one_replacement_character_each)
{
    const std::string text = "a\xC3(\xE2\x82\xFF\x80ø";
    std::vector<char32_t> codes;
    for (std::size_t position = 0; position < text.size();) {
        const TextCharacter character = character_at(text, position);
        ASSERT_GT(character.length, 0U);
        codes.push_back(character.code);
        position += character.length;
    }
    EXPECT_EQ(codes, (std::vector<char32_t>{U'a', 0xFFFD, U'(', 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, U'ø'}));
    EXPECT_EQ(character_before(text, text.size()).code, U'ø');
    EXPECT_EQ(character_before(text, text.size() - 2).code, 0xFFFDU);
    EXPECT_EQ(character_before(text, 0).length, 0U);
}

TEST(TextScan, overlong_forms_and_surrogates_are_malformed)
{
    EXPECT_EQ(character_at("\xC0\xAF", 0).code, 0xFFFDU);
    EXPECT_EQ(character_at("\xE0\x80\xAF", 0).code, 0xFFFDU);
    EXPECT_EQ(character_at("\xED\xA0\x80", 0).code, 0xFFFDU);
    EXPECT_EQ(character_at("\xF4\x90\x80\x80", 0).code, 0xFFFDU);
    EXPECT_EQ(character_at("\xF0\x9F\x98\x80", 0).code, 0x1F600U);
}

TEST(TextScan, a_folded_pattern_matches_any_case_and_any_run_of_spaces)
{
    const std::string_view text = "FØDT\n  Den 3. maj";
    EXPECT_EQ(match_folded(text, 0, "født den"), 11U);
    EXPECT_EQ(match_folded(text, 0, "født  den"), std::string_view::npos);
    EXPECT_EQ(match_folded(text, 0, "født de"), 10U);
    EXPECT_EQ(match_folded(text, 0, "fødte"), std::string_view::npos);
    EXPECT_EQ(match_folded("abc", 1, "bcd"), std::string_view::npos);
    EXPECT_EQ(fold_text("  Søren \t ÆRØ\nØstergård  "), "søren ærø østergård");
}

TEST(TextScan, word_starts_and_ends_follow_word_characters)
{
    const std::string_view text = "«Åse»-Ærø";
    EXPECT_FALSE(is_word_start(text, 0));
    EXPECT_TRUE(is_word_start(text, 2));
    EXPECT_FALSE(is_word_start(text, 4));
    EXPECT_EQ(end_of_word(text, 2), 6U);
    EXPECT_TRUE(is_word_end(text, 6));
    EXPECT_TRUE(is_word_start(text, 9));
    EXPECT_TRUE(is_word_end(text, text.size()));
}

} // namespace
} // namespace rekrut::domain
