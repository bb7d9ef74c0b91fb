#include "domain/free_text/sensitive_text.hpp"

#include <array>

namespace rekrut::domain {

namespace {

/// Whether a listed word may go on: `open` also finds the words it starts ("syg" finds "sygdom"),
/// `closed` only the word itself, for words that start too many harmless ones ("ill", "gay").
enum class WordEnd { open, closed };

struct SensitiveWord {
    std::string_view word;
    SensitiveKind kind;
    WordEnd end;
};

// Danish and English, lower case. A space matches any run of spaces. Deliberate choices:
// - "syg" also finds "sygeplejerske": a profession, but one word too many is cheap in a warning.
// - "stress" finds "stressede" and "stresset", which are about health as often as not.
// - "union" also finds "Den Europæiske Union"; "kriminalforsorg" (a state employer) is not listed,
//   only "kriminel" and "kriminalitet".
// - Names of parties, churches and unions (Venstre, DJØF) are left out: they are ordinary words or
//   employers too often; the generic words find most notes that go into these subjects.
// - "christian" and "kristen" are left out because they are common first names.
constexpr std::array k_sensitive_words{
    // Health, Danish.
    SensitiveWord{"syg", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"diagnose", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"handicap", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"depression", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"deprimer", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"stress", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"gravid", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"medicin", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"hospital", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"psykisk", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"psykiat", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"helbred", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"sundhedsoplysning", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"angst", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"kræft", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"diabet", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"misbrug", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"udbrændt", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"fleksjob", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"førtidspension", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"ordblind", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"adhd", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"autis", SensitiveKind::health, WordEnd::open},
    // Health, English ("stress", "hospital", "diagnos" and "depression" are shared with Danish).
    SensitiveWord{"health", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"illness", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"ill", SensitiveKind::health, WordEnd::closed},
    SensitiveWord{"sick", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"diagnos", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"disabilit", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"disabled", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"pregnan", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"depressed", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"anxiety", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"cancer", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"medical", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"medication", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"mental", SensitiveKind::health, WordEnd::open},
    SensitiveWord{"burnout", SensitiveKind::health, WordEnd::open},
    // Trade union membership.
    SensitiveWord{"fagforening", SensitiveKind::trade_union, WordEnd::open},
    SensitiveWord{"fagforbund", SensitiveKind::trade_union, WordEnd::open},
    SensitiveWord{"fagligt aktiv", SensitiveKind::trade_union, WordEnd::open},
    SensitiveWord{"tillidsrepræsentant", SensitiveKind::trade_union, WordEnd::open},
    SensitiveWord{"tillidsmand", SensitiveKind::trade_union, WordEnd::open},
    SensitiveWord{"union", SensitiveKind::trade_union, WordEnd::open},
    SensitiveWord{"trade union", SensitiveKind::trade_union, WordEnd::open},
    SensitiveWord{"shop steward", SensitiveKind::trade_union, WordEnd::open},
    // Religion.
    SensitiveWord{"religio", SensitiveKind::religion, WordEnd::open},
    SensitiveWord{"religiøs", SensitiveKind::religion, WordEnd::open},
    SensitiveWord{"troende", SensitiveKind::religion, WordEnd::open},
    SensitiveWord{"kristendom", SensitiveKind::religion, WordEnd::open},
    SensitiveWord{"christianity", SensitiveKind::religion, WordEnd::open},
    SensitiveWord{"muslim", SensitiveKind::religion, WordEnd::open},
    SensitiveWord{"islam", SensitiveKind::religion, WordEnd::open},
    SensitiveWord{"jøde", SensitiveKind::religion, WordEnd::open},
    SensitiveWord{"jødisk", SensitiveKind::religion, WordEnd::open},
    SensitiveWord{"jewish", SensitiveKind::religion, WordEnd::open},
    SensitiveWord{"jew", SensitiveKind::religion, WordEnd::closed},
    SensitiveWord{"hindu", SensitiveKind::religion, WordEnd::open},
    SensitiveWord{"buddhis", SensitiveKind::religion, WordEnd::open},
    SensitiveWord{"ateis", SensitiveKind::religion, WordEnd::open},
    SensitiveWord{"atheis", SensitiveKind::religion, WordEnd::open},
    SensitiveWord{"tørklæde", SensitiveKind::religion, WordEnd::open},
    SensitiveWord{"headscarf", SensitiveKind::religion, WordEnd::open},
    // Political opinion. The bare "politisk" is left out: "politisk ledelse" is daily work in a ministry.
    SensitiveWord{"politisk overbevisning", SensitiveKind::political_opinion, WordEnd::open},
    SensitiveWord{"politisk holdning", SensitiveKind::political_opinion, WordEnd::open},
    SensitiveWord{"politiske holdning", SensitiveKind::political_opinion, WordEnd::open},
    SensitiveWord{"partipolitisk", SensitiveKind::political_opinion, WordEnd::open},
    SensitiveWord{"partimedlem", SensitiveKind::political_opinion, WordEnd::open},
    SensitiveWord{"political opinion", SensitiveKind::political_opinion, WordEnd::open},
    SensitiveWord{"political view", SensitiveKind::political_opinion, WordEnd::open},
    SensitiveWord{"political affiliation", SensitiveKind::political_opinion, WordEnd::open},
    SensitiveWord{"party member", SensitiveKind::political_opinion, WordEnd::open},
    // Ethnic origin.
    SensitiveWord{"etnisk", SensitiveKind::ethnic_origin, WordEnd::open},
    SensitiveWord{"etnicitet", SensitiveKind::ethnic_origin, WordEnd::open},
    SensitiveWord{"ethnic", SensitiveKind::ethnic_origin, WordEnd::open},
    SensitiveWord{"hudfarve", SensitiveKind::ethnic_origin, WordEnd::open},
    SensitiveWord{"skin colo", SensitiveKind::ethnic_origin, WordEnd::open},
    SensitiveWord{"race", SensitiveKind::ethnic_origin, WordEnd::closed},
    SensitiveWord{"racial", SensitiveKind::ethnic_origin, WordEnd::open},
    // Sexual orientation.
    SensitiveWord{"seksuel", SensitiveKind::sexual_orientation, WordEnd::open},
    SensitiveWord{"seksualitet", SensitiveKind::sexual_orientation, WordEnd::open},
    SensitiveWord{"homoseks", SensitiveKind::sexual_orientation, WordEnd::open},
    SensitiveWord{"biseks", SensitiveKind::sexual_orientation, WordEnd::open},
    SensitiveWord{"heteroseks", SensitiveKind::sexual_orientation, WordEnd::open},
    SensitiveWord{"lesbisk", SensitiveKind::sexual_orientation, WordEnd::open},
    SensitiveWord{"bøsse", SensitiveKind::sexual_orientation, WordEnd::open},
    SensitiveWord{"sexual", SensitiveKind::sexual_orientation, WordEnd::open},
    SensitiveWord{"homosex", SensitiveKind::sexual_orientation, WordEnd::open},
    SensitiveWord{"bisex", SensitiveKind::sexual_orientation, WordEnd::open},
    SensitiveWord{"heterosex", SensitiveKind::sexual_orientation, WordEnd::open},
    SensitiveWord{"lesbian", SensitiveKind::sexual_orientation, WordEnd::open},
    SensitiveWord{"gay", SensitiveKind::sexual_orientation, WordEnd::closed},
    // Criminal offences.
    SensitiveWord{"straf", SensitiveKind::criminal_offence, WordEnd::open},
    SensitiveWord{"dømt", SensitiveKind::criminal_offence, WordEnd::open},
    SensitiveWord{"domfæld", SensitiveKind::criminal_offence, WordEnd::open},
    SensitiveWord{"fængsel", SensitiveKind::criminal_offence, WordEnd::open},
    SensitiveWord{"tiltalt", SensitiveKind::criminal_offence, WordEnd::open},
    SensitiveWord{"sigtet", SensitiveKind::criminal_offence, WordEnd::closed},
    SensitiveWord{"kriminel", SensitiveKind::criminal_offence, WordEnd::open},
    SensitiveWord{"kriminalitet", SensitiveKind::criminal_offence, WordEnd::open},
    SensitiveWord{"criminal", SensitiveKind::criminal_offence, WordEnd::open},
    SensitiveWord{"convict", SensitiveKind::criminal_offence, WordEnd::open},
    SensitiveWord{"prison", SensitiveKind::criminal_offence, WordEnd::open},
    SensitiveWord{"imprison", SensitiveKind::criminal_offence, WordEnd::open},
    SensitiveWord{"arrested", SensitiveKind::criminal_offence, WordEnd::open},
    SensitiveWord{"felon", SensitiveKind::criminal_offence, WordEnd::open},
};

bool is_ascii_digit(char byte)
{
    return byte >= '0' && byte <= '9';
}

int digit_value(char byte)
{
    return byte - '0';
}

int two_digits(std::string_view digits, std::size_t at)
{
    return digit_value(digits[at]) * 10 + digit_value(digits[at + 1]);
}

bool is_leap_year(int year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int days_in_month(int month, int year)
{
    constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year))
        return 29;
    return days.at(static_cast<std::size_t>(month - 1));
}

/// The full birth year from the two-digit year and the seventh digit of a CPR number.
int cpr_birth_year(int two_digit_year, int seventh_digit)
{
    if (seventh_digit <= 3)
        return 1900 + two_digit_year;
    if (seventh_digit == 4 || seventh_digit == 9)
        return (two_digit_year <= 36 ? 2000 : 1900) + two_digit_year;
    return (two_digit_year <= 57 ? 2000 : 1800) + two_digit_year;
}

bool passes_modulus_11(std::string_view digits)
{
    constexpr std::array<int, 10> weights{4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
    int sum = 0;
    for (std::size_t index = 0; index < weights.size(); ++index)
        sum += weights.at(index) * digit_value(digits[index]);
    return sum % 11 == 0;
}

std::size_t digit_run_end(std::string_view text, std::size_t position)
{
    while (position < text.size() && is_ascii_digit(text[position]))
        ++position;
    return position;
}

/// The end of a CPR number written from `start` (a run of digits that starts a word), or npos.
std::size_t cpr_number_end(std::string_view text, std::size_t start, std::size_t run_end)
{
    std::string digits;
    std::size_t end = std::string_view::npos;
    if (run_end - start == 10) {
        digits = text.substr(start, 10);
        end = run_end;
    } else if (run_end - start == 6 && run_end < text.size() &&
               (text[run_end] == '-' || text[run_end] == ' ') &&
               digit_run_end(text, run_end + 1) == run_end + 5) {
        digits = std::string(text.substr(start, 6)) + std::string(text.substr(run_end + 1, 4));
        end = run_end + 5;
    }
    if (end == std::string_view::npos || !is_word_end(text, end) || !is_cpr_number(digits))
        return std::string_view::npos;
    return end;
}

} // namespace

std::string_view to_string(SensitiveKind kind)
{
    switch (kind) {
    case SensitiveKind::cpr_number: return "cpr_number";
    case SensitiveKind::health: return "health";
    case SensitiveKind::trade_union: return "trade_union";
    case SensitiveKind::religion: return "religion";
    case SensitiveKind::political_opinion: return "political_opinion";
    case SensitiveKind::ethnic_origin: return "ethnic_origin";
    case SensitiveKind::sexual_orientation: return "sexual_orientation";
    case SensitiveKind::criminal_offence: return "criminal_offence";
    }
    return "unknown";
}

bool is_cpr_number(std::string_view digits)
{
    if (digits.size() != 10)
        return false;
    for (char digit : digits)
        if (!is_ascii_digit(digit))
            return false;
    const int day = two_digits(digits, 0);
    const int month = two_digits(digits, 2);
    const int year = cpr_birth_year(two_digits(digits, 4), digit_value(digits[6]));
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(month, year))
        return false;
    // Since 1 October 2007 numbers that fail modulus 11 are given out too; the check only tells real
    // numbers from typing errors for people born before then.
    const bool born_before_october_2007 = year < 2007 || (year == 2007 && month < 10);
    return !born_before_october_2007 || passes_modulus_11(digits);
}

std::vector<TextSpan> find_cpr_numbers(std::string_view text)
{
    std::vector<TextSpan> numbers;
    std::size_t position = 0;
    while (position < text.size()) {
        if (!is_ascii_digit(text[position])) {
            ++position;
            continue;
        }
        const std::size_t run_end = digit_run_end(text, position);
        if (!is_word_character(character_before(text, position).code)) {
            const std::size_t end = cpr_number_end(text, position, run_end);
            if (end != std::string_view::npos) {
                numbers.push_back({position, end - position});
                position = end;
                continue;
            }
        }
        position = run_end;
    }
    return numbers;
}

std::vector<SensitiveFinding> find_sensitive_text(std::string_view text)
{
    std::vector<SensitiveFinding> findings;
    const std::vector<TextSpan> cpr_numbers = find_cpr_numbers(text);
    auto next_cpr_number = cpr_numbers.begin();
    auto add = [&](SensitiveKind kind, std::size_t offset, std::size_t length) {
        // CPR numbers are digits and words are letters, so the two never overlap; merge by offset.
        for (; next_cpr_number != cpr_numbers.end() && next_cpr_number->offset < offset; ++next_cpr_number)
            findings.push_back({SensitiveKind::cpr_number, next_cpr_number->offset, next_cpr_number->length});
        findings.push_back({kind, offset, length});
    };

    std::size_t position = 0;
    while (position < text.size()) {
        const TextCharacter character = character_at(text, position);
        if (!is_word_character(character.code)) {
            position += character.length;
            continue;
        }
        // `position` starts a word: the scan skips the rest of every word it looks at.
        std::size_t best_end = std::string_view::npos;
        SensitiveKind best_kind = SensitiveKind::health;
        for (const SensitiveWord& word : k_sensitive_words) {
            std::size_t end = match_folded(text, position, word.word);
            if (end == std::string_view::npos)
                continue;
            if (word.end == WordEnd::closed && !is_word_end(text, end))
                continue;
            end = end_of_word(text, end);
            if (best_end == std::string_view::npos || end > best_end) {
                best_end = end;
                best_kind = word.kind;
            }
        }
        if (best_end != std::string_view::npos) {
            add(best_kind, position, best_end - position);
            position = best_end;
        } else {
            position = end_of_word(text, position);
        }
    }
    for (; next_cpr_number != cpr_numbers.end(); ++next_cpr_number)
        findings.push_back({SensitiveKind::cpr_number, next_cpr_number->offset, next_cpr_number->length});
    return findings;
}

} // namespace rekrut::domain
