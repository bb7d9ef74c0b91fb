#include <array>
#include <gtest/gtest.h>
#include <string>

#include "domain/free_text/sensitive_text.hpp"

namespace rekrut::domain {
namespace {

/// The largest text the modules promise to scan in linear time: 100 KB.
constexpr std::size_t k_large_text_size = std::size_t{100} * 1024;

// Test numbers are computed here, never copied from anywhere: the first serial number for the date
// and century digit whose modulus 11 check digit exists.
std::string cpr_passing_modulus_11(std::string_view date, char century_digit)
{
    constexpr std::array<int, 9> weights{4, 3, 2, 7, 6, 5, 4, 3, 2};
    for (int serial = 0; serial < 100; ++serial) {
        std::string digits(date);
        digits += century_digit;
        digits += static_cast<char>('0' + serial / 10);
        digits += static_cast<char>('0' + serial % 10);
        int sum = 0;
        for (std::size_t index = 0; index < weights.size(); ++index)
            sum += weights.at(index) * (digits[index] - '0');
        const int check = (11 - sum % 11) % 11;
        if (check < 10)
            return digits + static_cast<char>('0' + check);
    }
    return {};
}

/// The same date and century with a check digit that fails modulus 11.
std::string cpr_failing_modulus_11(std::string_view date, char century_digit)
{
    std::string digits = cpr_passing_modulus_11(date, century_digit);
    digits.back() = digits.back() == '9' ? '0' : static_cast<char>(digits.back() + 1);
    return digits;
}

std::string with_dash(const std::string& digits)
{
    return digits.substr(0, 6) + "-" + digits.substr(6);
}

std::vector<SensitiveKind> kinds_in(std::string_view text)
{
    std::vector<SensitiveKind> kinds;
    for (const auto& finding : find_sensitive_text(text))
        kinds.push_back(finding.kind);
    return kinds;
}

std::string covered(std::string_view text, const SensitiveFinding& finding)
{
    return std::string(text.substr(finding.offset, finding.length));
}

TEST(SensitiveText, the_check_digit_helper_makes_numbers_that_pass_modulus_11)
{
    const std::string number = cpr_passing_modulus_11("150585", '1');
    ASSERT_EQ(number.size(), 10U);
    EXPECT_TRUE(is_cpr_number(number));
    EXPECT_FALSE(is_cpr_number(cpr_failing_modulus_11("150585", '1')));
}

TEST(SensitiveText, a_cpr_number_is_found_in_each_way_of_writing_it)
{
    const std::string digits = cpr_passing_modulus_11("150585", '1');
    const std::string leap_day = cpr_passing_modulus_11("290296", '2');
    const std::string leap_day_2000 = cpr_passing_modulus_11("290200", '4');
    struct Case {
        std::string text;
        TextSpan expected;
    };
    const std::vector<Case> cases{
        {with_dash(digits), {0, 11}},
        {digits, {0, 10}},
        {digits.substr(0, 6) + " " + digits.substr(6), {0, 11}},
        {"Ansøgerens CPR er " + with_dash(digits) + ", se bilag.", {19, 11}},
        {"(" + digits + ")", {1, 10}},
        {"Født på skuddag: " + with_dash(leap_day), {19, 11}},
        {"År 2000 var skudår: " + with_dash(leap_day_2000), {22, 11}},
    };
    for (const auto& test_case : cases) {
        SCOPED_TRACE(test_case.text);
        const auto numbers = find_cpr_numbers(test_case.text);
        ASSERT_EQ(numbers.size(), 1U);
        EXPECT_EQ(numbers[0], test_case.expected);
        const auto findings = find_sensitive_text(test_case.text);
        ASSERT_FALSE(findings.empty());
        EXPECT_EQ(findings[0].kind, SensitiveKind::cpr_number);
    }
}

TEST(SensitiveText, numbers_that_are_not_cpr_numbers_are_not_reported)
{
    const std::string valid = cpr_passing_modulus_11("150585", '1');
    const std::vector<std::string> texts{
        "Ring på +45 12 34 56 78 eller 12345678.",
        "Mødet er 01-02-2024 eller 1.2.2024.",
        "Sagsnummer 2024-123456, J.nr. 24/01234.",
        "Den 31. februar findes ikke: 310299-1234, 3102991234.",
        with_dash(cpr_passing_modulus_11("300290", '1')),
        with_dash(cpr_passing_modulus_11("290200", '0')), // 1900 was not a leap year.
        with_dash(cpr_passing_modulus_11("011385", '1')), // No month 13.
        with_dash(cpr_passing_modulus_11("000185", '1')), // No day 0.
        "Konto 12" + valid,
        valid + "12",
        "ID" + valid,
        valid + "abc",
        with_dash(valid) + "7",
        cpr_failing_modulus_11("150585", '1'),
        with_dash(cpr_failing_modulus_11("300907", '4')), // 30 September 2007: the check still applies.
        valid.substr(0, 6) + "--" + valid.substr(6),
    };
    for (const auto& text : texts) {
        SCOPED_TRACE(text);
        EXPECT_TRUE(find_cpr_numbers(text).empty());
        EXPECT_TRUE(find_sensitive_text(text).empty());
    }
}

TEST(SensitiveText, numbers_for_births_since_october_2007_need_not_pass_modulus_11)
{
    EXPECT_TRUE(is_cpr_number(cpr_failing_modulus_11("011007", '4')));
    EXPECT_TRUE(is_cpr_number(cpr_failing_modulus_11("150320", '5')));
    EXPECT_FALSE(is_cpr_number(cpr_failing_modulus_11("300907", '4')));
    const std::string text = "Barnets nummer " + with_dash(cpr_failing_modulus_11("011007", '4'));
    EXPECT_EQ(kinds_in(text), std::vector<SensitiveKind>{SensitiveKind::cpr_number});
}

TEST(SensitiveText, the_seventh_digit_decides_the_century)
{
    struct Case {
        std::string_view date;
        char century_digit;
        bool valid;
    };
    // 29 February tells the centuries apart: 2000 was a leap year, 1900 was not.
    const std::array leap_days{
        Case{"290200", '3', false}, // 1900
        Case{"290200", '4', true},  // 2000
        Case{"290236", '4', true},  // 2036
        Case{"290237", '4', false}, // 1937
        Case{"290200", '5', true},  // 2000
        Case{"290296", '9', true},  // 1996
        Case{"290258", '6', false}, // 1858
        Case{"290260", '7', true},  // 1860
    };
    for (const auto& test_case : leap_days) {
        SCOPED_TRACE(std::string(test_case.date) + test_case.century_digit);
        EXPECT_EQ(is_cpr_number(cpr_passing_modulus_11(test_case.date, test_case.century_digit)),
                  test_case.valid);
    }
    // Modulus 11 tells them apart too: 2057 is after October 2007, 1858 is not.
    EXPECT_TRUE(is_cpr_number(cpr_failing_modulus_11("011057", '5')));
    EXPECT_FALSE(is_cpr_number(cpr_failing_modulus_11("011058", '5')));
}

TEST(SensitiveText, sensitive_words_are_found_at_word_starts_in_either_language)
{
    struct Case {
        std::string_view text;
        SensitiveKind kind;
        std::string_view covered;
    };
    const std::array cases{
        Case{"Hun har været sygemeldt i to uger.", SensitiveKind::health, "sygemeldt"},
        Case{"SYGDOM i familien", SensitiveKind::health, "SYGDOM"},
        Case{"Ansøgeren virkede stressede", SensitiveKind::health, "stressede"},
        Case{"nævnte sin diagnose", SensitiveKind::health, "diagnose"},
        Case{"Er gravid og skal på barsel", SensitiveKind::health, "gravid"},
        Case{"Han tager medicin", SensitiveKind::health, "medicin"},
        Case{"medicinsk baggrund", SensitiveKind::health, "medicinsk"},
        Case{"Hun er sygeplejerske", SensitiveKind::health, "sygeplejerske"},
        Case{"Psykisk sårbar", SensitiveKind::health, "Psykisk"},
        Case{"on sick leave since May", SensitiveKind::health, "sick"},
        Case{"mentioned a disability", SensitiveKind::health, "disability"},
        Case{"She is pregnant", SensitiveKind::health, "pregnant"},
        Case{"was ill last year", SensitiveKind::health, "ill"},
        Case{"Medlem af en fagforening", SensitiveKind::trade_union, "fagforening"},
        Case{"Er tillidsrepræsentant", SensitiveKind::trade_union, "tillidsrepræsentant"},
        Case{"active in the trade union", SensitiveKind::trade_union, "trade union"},
        Case{"Hendes religion", SensitiveKind::religion, "religion"},
        Case{"Religiøs baggrund", SensitiveKind::religion, "Religiøs"},
        Case{"Hans politiske holdninger", SensitiveKind::political_opinion, "politiske holdninger"},
        Case{"Etnisk oprindelse", SensitiveKind::ethnic_origin, "Etnisk"},
        Case{"her ethnicity", SensitiveKind::ethnic_origin, "ethnicity"},
        Case{"seksuel orientering", SensitiveKind::sexual_orientation, "seksuel"},
        Case{"sexual orientation", SensitiveKind::sexual_orientation, "sexual"},
        Case{"Ren straffeattest", SensitiveKind::criminal_offence, "straffeattest"},
        Case{"Tidligere dømt for tyveri", SensitiveKind::criminal_offence, "dømt"},
        Case{"Er straffet", SensitiveKind::criminal_offence, "straffet"},
        Case{"has a criminal record", SensitiveKind::criminal_offence, "criminal"},
        Case{"was convicted", SensitiveKind::criminal_offence, "convicted"},
        Case{"Tørklæde", SensitiveKind::religion, "Tørklæde"},
    };
    for (const auto& test_case : cases) {
        SCOPED_TRACE(test_case.text);
        const auto findings = find_sensitive_text(test_case.text);
        ASSERT_EQ(findings.size(), 1U);
        EXPECT_EQ(findings[0].kind, test_case.kind);
        EXPECT_EQ(covered(test_case.text, findings[0]), test_case.covered);
    }
}

TEST(SensitiveText, ordinary_words_that_resemble_sensitive_ones_are_not_reported)
{
    const std::array<std::string_view, 14> texts{
        "Jeg synes, hun var god.",           // "synes" is not "syg".
        "Arbejdsstress er ikke nævnt.",      // Only word starts count.
        "Illustrerer godt, et illegalt tal", // "ill" is a closed word.
        "Gaya og Racerbilen",                // "gay" and "race" are closed words.
        "Kristian fra Kriminalforsorgen",    // Neither a name nor the employer.
        "God forståelse for politisk ledelse",
        "Stærke kompetencer i Excel",
        "Hospice", // Does not start with "hospital".
        "Erfaring med sagsbehandling og jura",
        "Unik profil",
        "Medarbejder i Styrelsen",
        "Prissætning og prisoverslag",
        "",
        "12345678",
    };
    for (const auto text : texts) {
        SCOPED_TRACE(text);
        EXPECT_TRUE(find_sensitive_text(text).empty());
    }
}

TEST(SensitiveText, capital_æøå_are_matched_as_lower_case)
{
    const std::string_view text = "DØMT og TØRKLÆDE og FAGFORENING";
    EXPECT_EQ(kinds_in(text),
              (std::vector<SensitiveKind>{SensitiveKind::criminal_offence, SensitiveKind::religion,
                                          SensitiveKind::trade_union}));
}

TEST(SensitiveText, findings_come_in_text_order_with_their_byte_offsets)
{
    const std::string number = with_dash(cpr_passing_modulus_11("010170", '0'));
    const std::string text = "Syg. CPR " + number + ", fagforening; stress";
    const auto findings = find_sensitive_text(text);
    ASSERT_EQ(findings.size(), 4U);
    EXPECT_EQ(findings[0], (SensitiveFinding{SensitiveKind::health, 0, 3}));
    EXPECT_EQ(findings[1], (SensitiveFinding{SensitiveKind::cpr_number, 9, 11}));
    EXPECT_EQ(findings[2].kind, SensitiveKind::trade_union);
    EXPECT_EQ(covered(text, findings[2]), "fagforening");
    EXPECT_EQ(findings[3].kind, SensitiveKind::health);
    EXPECT_EQ(covered(text, findings[3]), "stress");
}

TEST(SensitiveText, each_kind_has_a_stable_name)
{
    EXPECT_EQ(to_string(SensitiveKind::cpr_number), "cpr_number");
    EXPECT_EQ(to_string(SensitiveKind::health), "health");
    EXPECT_EQ(to_string(SensitiveKind::trade_union), "trade_union");
    EXPECT_EQ(to_string(SensitiveKind::religion), "religion");
    EXPECT_EQ(to_string(SensitiveKind::political_opinion), "political_opinion");
    EXPECT_EQ(to_string(SensitiveKind::ethnic_origin), "ethnic_origin");
    EXPECT_EQ(to_string(SensitiveKind::sexual_orientation), "sexual_orientation");
    EXPECT_EQ(to_string(SensitiveKind::criminal_offence), "criminal_offence");
}

TEST(SensitiveText, malformed_utf8_is_scanned_without_harm)
{
    const std::string text = "\xC3 syg \xFF\xFE stress \xE2\x82";
    EXPECT_EQ(kinds_in(text), (std::vector<SensitiveKind>{SensitiveKind::health, SensitiveKind::health}));
}

TEST(SensitiveText, a_large_text_is_scanned_in_linear_time)
{
    std::string text;
    const std::string number = with_dash(cpr_passing_modulus_11("150585", '1'));
    while (text.size() < k_large_text_size)
        text += "Sygeplejersken nævnte " + number + " og 1234567890123 ved mødet. ";
    const auto findings = find_sensitive_text(text);
    EXPECT_GT(findings.size(), 2000U);
    std::string digits_only(k_large_text_size, '7');
    EXPECT_TRUE(find_sensitive_text(digits_only).empty());
    std::string letters_only(k_large_text_size, 's');
    EXPECT_TRUE(find_sensitive_text(letters_only).empty());
}

} // namespace
} // namespace rekrut::domain
