#include <array>
#include <gtest/gtest.h>
#include <string>

#include "domain/assessment/anonymise.hpp"
#include "domain/free_text/sensitive_text.hpp"

namespace rekrut::domain {
namespace {

constexpr std::string_view k_mask = "[skjult]";

/// The largest text the modules promise to scan in linear time: 100 KB.
constexpr std::size_t k_large_text_size = std::size_t{100} * 1024;

ApplicantIdentity soeren()
{
    return {"Søren Ærø Østergård",
            "soeren.ostergaard@eksempel.dk",
            "+45 21 43 65 87",
            "Eksempelvej 1, 2. th.",
            "2100",
            "København Ø"};
}

struct Case {
    std::string_view text;
    std::string_view expected;
};

void expect_masked(const ApplicantIdentity& applicant, const std::vector<Case>& cases)
{
    for (const auto& test_case : cases) {
        SCOPED_TRACE(test_case.text);
        EXPECT_EQ(anonymise(test_case.text, applicant, k_mask).text, test_case.expected);
    }
}

TEST(Anonymise, each_part_of_the_name_is_masked_in_any_case)
{
    expect_masked(soeren(),
                  {
                      {"Mit navn er Søren Ærø Østergård.", "Mit navn er [skjult] [skjult] [skjult]."},
                      {"SØREN ØSTERGÅRD", "[skjult] [skjult]"},
                      {"søren østergård", "[skjult] [skjult]"},
                      {"Sørens CV og Østergård's projekt", "[skjult] CV og [skjult] projekt"},
                      {"Sørensen og Søren-Peter", "Sørensen og [skjult]-Peter"},
                      {"Ærøskøbing er en by", "Ærøskøbing er en by"},
                  });
}

TEST(Anonymise, a_name_part_that_is_a_common_word_is_masked_wherever_it_stands_as_a_word)
{
    const ApplicantIdentity applicant{"Anne Skov", "", "", "", "", ""};
    expect_masked(applicant, {
                                 {"Anne arbejdede i en skov.", "[skjult] arbejdede i en [skjult]."},
                                 {"Annes skovtur i skoven", "[skjult] skovtur i skoven"},
                                 {"Anneberg og Annette", "Anneberg og Annette"},
                             });
}

TEST(Anonymise, one_letter_name_parts_are_not_masked)
{
    const ApplicantIdentity applicant{"Mette K. Lund", "", "", "", "", ""};
    expect_masked(applicant, {{"K. Lund og Mette skrev k", "K. [skjult] og [skjult] skrev k"}});
}

TEST(Anonymise, name_particles_stay_and_names_outside_latin_1_are_masked_in_any_case)
{
    const ApplicantIdentity applicant{"Marie-Louise af Ødegård de la Cour", "", "", "", "", ""};
    expect_masked(applicant, {{"Marie-Louise af Ødegård de la Cour er en af de bedste",
                               "[skjult]-[skjult] af [skjult] de la [skjult] er en af de bedste"}});
    const ApplicantIdentity polish{"Łukasz Dvořák", "", "", "", "", ""};
    expect_masked(polish, {{"ŁUKASZ DVOŘÁK og łukasz dvořák", "[skjult] [skjult] og [skjult] [skjult]"}});
}

TEST(Anonymise, email_addresses_are_masked)
{
    expect_masked(soeren(),
                  {
                      {"Skriv til SOEREN.OSTERGAARD@eksempel.dk.", "Skriv til [skjult]."},
                      {"Reference: anne.hansen+cv@firma-eksempel.co.uk, tak", "Reference: [skjult], tak"},
                      {"Følg @eksempel og skriv a@b", "Følg @eksempel og skriv a@b"},
                  });
}

TEST(Anonymise, phone_numbers_are_masked)
{
    const ApplicantIdentity foreign{"", "", "+46 70 123 45 67", "", "", ""};
    expect_masked(soeren(),
                  {
                      {"Ring 21436587", "Ring [skjult]"},
                      {"Ring 21 43 65 87 eller +4521436587", "Ring [skjult] eller [skjult]"},
                      {"Tlf.: +45 33 12 34 56, mobil 0045 4040 4040", "Tlf.: [skjult], mobil [skjult]"},
                      {"Mit nummer: (+45) 21 43 65 87.", "Mit nummer: [skjult]."},
                      {"Tlf. 21-43-65-87", "Tlf. [skjult]"},
                  });
    expect_masked(foreign, {{"Ring +46 70-123 45 67 eller 46.70.123.45.67", "Ring [skjult] eller [skjult]"}});
}

TEST(Anonymise, numbers_that_are_not_phone_numbers_stay)
{
    expect_masked(soeren(), {
                                {"Sag 2024-123456 og J.nr. 24/01234", "Sag 2024-123456 og J.nr. 24/01234"},
                                {"Dato 01 02 2024 og 12345678", "Dato 01 02 2024 og 12345678"},
                                {"Budget 123456789 kr.", "Budget 123456789 kr."},
                                {"Fra 2015 til 2019", "Fra 2015 til 2019"},
                            });
}

TEST(Anonymise, the_address_postal_code_and_city_are_masked)
{
    expect_masked(soeren(), {
                                {"Jeg bor på Eksempelvej 1, 2. th., 2100 København Ø.",
                                 "Jeg bor på [skjult], [skjult]."},
                                {"Adresse: eksempelvej 1", "Adresse: [skjult]"},
                                {"Jeg bor på Eksempelvej.", "Jeg bor på [skjult]."},
                                {"Jeg er vokset op i København og Københavns omegn",
                                 "Jeg er vokset op i [skjult] og [skjult] omegn"},
                                {"DK-2100 Kbh.", "[skjult] Kbh."},
                                {"I år 2100 og i 2100-tallet", "I år 2100 og i 2100-tallet"},
                            });
}

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

TEST(Anonymise, cpr_numbers_are_masked)
{
    const std::string number = cpr_passing_modulus_11("150585", '2');
    ASSERT_TRUE(is_cpr_number(number));
    const std::string text = "CPR: " + number.substr(0, 6) + "-" + number.substr(6) + " og " + number + ".";
    const auto result = anonymise(text, ApplicantIdentity{}, k_mask);
    EXPECT_EQ(result.text, "CPR: [skjult] og [skjult].");
    EXPECT_EQ(result.masked_count, 2U);
}

TEST(Anonymise, birth_dates_and_years_after_a_birth_word_are_masked)
{
    expect_masked(ApplicantIdentity{},
                  {
                      {"Jeg er født 1990 i Aalborg.", "Jeg er [skjult] i Aalborg."},
                      {"Født den 3. maj 1990, student 2009.", "[skjult], student 2009."},
                      {"Fødselsdato: 03.05.1990", "[skjult]"},
                      {"f. 3/5-1990", "[skjult]"},
                      {"I was born in 1990 and born on 3rd of May 1990.", "I was [skjult] and [skjult]."},
                      {"Date of birth: May 3, 1990", "[skjult]"},
                      {"DOB 3 Sept 1990", "[skjult]"},
                      {"Ansat 01.08.2015 - 31.07.2019", "Ansat 01.08.2015 - 31.07.2019"},
                      {"Født ind i en familie af lærere", "Født ind i en familie af lærere"},
                      {"f.eks. 2019", "f.eks. 2019"},
                  });
}

TEST(Anonymise, age_statements_are_masked_and_durations_stay)
{
    expect_masked(
        ApplicantIdentity{},
        {
            {"Jeg er 32 år og bor i Vejle.", "Jeg er [skjult] og bor i Vejle."},
            {"en 32-årig jurist", "en [skjult] jurist"},
            {"Som 45-årige har jeg", "Som [skjult] har jeg"},
            {"Jeg er 58 år gammel", "Jeg er [skjult]"},
            {"aged 32, I am 32 years old, a 32-year-old", "[skjult], I am [skjult], a [skjult]"},
            {"Alder: 41", "[skjult]"},
            {"Jeg har arbejdet i 20 år med 10 års erfaring", "Jeg har arbejdet i 20 år med 10 års erfaring"},
            {"en 3-årig uddannelse", "en 3-årig uddannelse"},
            {"Holdet er 25 personer", "Holdet er 25 personer"},
        });
}

TEST(Anonymise, gender_words_are_masked_as_whole_words_only)
{
    expect_masked(ApplicantIdentity{},
                  {
                      {"Han siger, at hun kender ham og hende.",
                       "[skjult] siger, at [skjult] kender [skjult] og [skjult]."},
                      {"Som kvinde og mor til to", "Som [skjult] og [skjult] to"},
                      {"min mand er far til tre", "min [skjult] er [skjult] tre"},
                      {"She said he gave her his book; it is hers.",
                       "[skjult] said [skjult] gave [skjult] [skjult] book; it is [skjult]."},
                      {"Mother and father", "[skjult] and [skjult]"},
                      {"Hanne mødte Hansen om mandagen", "Hanne mødte Hansen om mandagen"},
                      {"mandag, herre, hundred, these, shell, hunt, theme",
                       "mandag, herre, hundred, these, shell, hunt, theme"},
                  });
}

TEST(Anonymise, titles_are_masked_unless_written_as_capitals_alone)
{
    expect_masked(
        ApplicantIdentity{},
        {
            {"Hr. Hansen, Fru Jensen og frk. Berg", "[skjult] Hansen, [skjult] Jensen og [skjult] Berg"},
            {"Mr Smith, Mrs. Smith and Ms Jones", "[skjult] Smith, [skjult] Smith and [skjult] Jones"},
            {"Erfaring med HR og MS Office", "Erfaring med HR og MS Office"},
        });
}

TEST(Anonymise, empty_identifying_values_mask_nothing_of_their_own)
{
    const std::string_view text = "Kære udvalg, jeg søger stillingen som fuldmægtig i 2100 København.";
    const auto result = anonymise(text, ApplicantIdentity{}, k_mask);
    EXPECT_EQ(result.text, text);
    EXPECT_EQ(result.masked_count, 0U);
    const ApplicantIdentity blanks{"  ", " ", "-", " , ", "", " "};
    EXPECT_EQ(anonymise(text, blanks, k_mask).text, text);
    EXPECT_EQ(anonymise("", soeren(), k_mask).text, "");
}

TEST(Anonymise, the_count_is_of_separate_masked_places)
{
    const auto result = anonymise("Søren Østergård, Eksempelvej 1, 2. th., 2100 København Ø, tlf. 21436587",
                                  soeren(), "█████");
    EXPECT_EQ(result.text, "█████ █████, █████, █████, tlf. █████");
    EXPECT_EQ(result.masked_count, 5U);
    const auto touching = anonymise("SørenØstergård Søren/Østergård", soeren(), "*");
    EXPECT_EQ(touching.text, "SørenØstergård */*");
    EXPECT_EQ(touching.masked_count, 2U);
}

TEST(Anonymise, masks_never_split_a_utf8_character)
{
    const ApplicantIdentity applicant{"Åse Ørsted", "", "", "", "", ""};
    const auto result = anonymise("«Åse» og ÅSE’s og ørsted… Åsefjord \xC3 Ørsted", applicant, "#");
    EXPECT_EQ(result.text, "«#» og # og #… Åsefjord \xC3 #");
}

TEST(Anonymise, a_large_text_is_anonymised_in_linear_time)
{
    std::string text;
    while (text.size() < k_large_text_size)
        text +=
            "Søren Østergård (32 år) bor på Eksempelvej 1 og har tlf. 21 43 65 87 og skrev 1234567890123. ";
    const auto result = anonymise(text, soeren(), "#");
    EXPECT_GT(result.masked_count, 4000U);
    EXPECT_EQ(result.text.find("Søren"), std::string::npos);
    const std::string digits(k_large_text_size, '2');
    EXPECT_EQ(anonymise(digits, soeren(), "#").text, digits);
    const std::string pluses(k_large_text_size, '+');
    EXPECT_EQ(anonymise(pluses, soeren(), "#").text, pluses);
}

} // namespace
} // namespace rekrut::domain
