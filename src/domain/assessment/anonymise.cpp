#include "domain/assessment/anonymise.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "core/text.hpp"
#include "domain/free_text/sensitive_text.hpp"
#include "domain/free_text/text_scan.hpp"

namespace rekrut::domain {

namespace {

constexpr std::size_t k_npos = std::string_view::npos;

// Lower case; a space matches any run of spaces. Longer forms are listed for phrases only: the
// matcher keeps the longest match at each word start.
constexpr std::array<std::string_view, 33> k_gender_words{
    "han",     "hun",     "ham",     "hende", "hans",    "hendes",  "mand",     "kvinde", "manden",
    "kvinden", "mor til", "far til", "pige",  "dreng",   "hustru",  "ægtemand", "he",     "she",
    "him",     "her",     "his",     "hers",  "himself", "herself", "mother",   "father", "woman",
    "female",  "male",    "husband", "wife",  "girl",    "boy",
};

// Particles of names that are also everyday words ("af" and "de" in Danish); masking them everywhere
// would garble the text while telling little about who the applicant is.
constexpr std::array<std::string_view, 16> k_name_particles{
    "af", "al", "bin", "da", "de", "del", "den", "der", "di", "dos", "du", "la", "le", "van", "von", "zu",
};

constexpr std::array<std::string_view, 7> k_titles{"mr", "mrs", "ms", "miss", "hr", "fru", "frk"};

constexpr std::array<std::string_view, 14> k_birth_cues{
    "født den", "født d.", "født",          "f.",         "fødselsdato", "fødselsdag", "born on",
    "born in",  "born",    "date of birth", "birth date", "birthdate",   "d.o.b.",     "dob",
};

constexpr std::array<std::string_view, 32> k_month_names{
    "januar",  "january",  "februar",  "february", "marts", "march",  "april",     "maj",
    "may",     "juni",     "june",     "juli",     "july",  "august", "september", "oktober",
    "october", "november", "december", "jan",      "feb",   "mar",    "apr",       "jun",
    "jul",     "aug",      "sep",      "sept",     "okt",   "oct",    "nov",       "dec",
};

bool is_ascii_digit(char byte)
{
    return byte >= '0' && byte <= '9';
}

std::size_t digit_run_end(std::string_view text, std::size_t position)
{
    while (position < text.size() && is_ascii_digit(text[position]))
        ++position;
    return position;
}

int number_value(std::string_view digits)
{
    int value = 0;
    for (char digit : digits)
        value = value * 10 + (digit - '0');
    return value;
}

/// The end of the spaces at `position` (none is fine).
std::size_t skip_spaces(std::string_view text, std::size_t position)
{
    for (TextCharacter next = character_at(text, position); is_space_character(next.code);
         next = character_at(text, position))
        position += next.length;
    return position;
}

/// A phrase to mask wherever it stands as whole words.
struct WholeWords {
    std::string folded;
    enum class Possessive { no, allowed } possessive = Possessive::no;
};

/// After a name: "s", "'s" or "’s", when the word then ends.
std::size_t possessive_end(std::string_view text, std::size_t end)
{
    for (const std::string_view ending : {"s", "'s", "\u2019s"}) {
        const std::size_t after = match_folded(text, end, ending);
        if (after != k_npos && is_word_end(text, after))
            return after;
    }
    return end;
}

/// Where the whole-word phrase ends at `position`, or npos.
std::size_t whole_words_end(std::string_view text, std::size_t position, const WholeWords& phrase)
{
    const std::size_t end = match_folded(text, position, phrase.folded);
    if (end == k_npos)
        return k_npos;
    if (is_word_end(text, end))
        return phrase.possessive == WholeWords::Possessive::allowed ? possessive_end(text, end) : end;
    if (phrase.possessive == WholeWords::Possessive::allowed) {
        const std::size_t after = possessive_end(text, end);
        return after != end ? after : k_npos;
    }
    // A phrase that ends with punctuation ("th.") needs no word end after it.
    return is_word_character(character_before(text, end).code) ? k_npos : end;
}

void add_name_parts(std::string_view full_name, std::vector<WholeWords>& phrases)
{
    std::size_t position = 0;
    while (position < full_name.size()) {
        const TextCharacter character = character_at(full_name, position);
        if (!is_word_character(character.code)) {
            position += character.length;
            continue;
        }
        const std::size_t end = end_of_word(full_name, position);
        std::size_t letters = 0;
        for (std::size_t at = position; at < end; at += character_at(full_name, at).length)
            ++letters;
        std::string part = fold_text(full_name.substr(position, end - position));
        const bool is_particle =
            std::find(k_name_particles.begin(), k_name_particles.end(), part) != k_name_particles.end();
        if (letters >= 2 && !is_particle)
            phrases.push_back({std::move(part), WholeWords::Possessive::allowed});
        position = end;
    }
}

void add_phrase(std::string_view value, std::vector<WholeWords>& phrases)
{
    std::string folded = fold_text(value);
    if (!folded.empty())
        phrases.push_back({std::move(folded), WholeWords::Possessive::no});
}

void add_address(const ApplicantIdentity& applicant, std::vector<WholeWords>& phrases)
{
    const std::string_view address = core::trim(applicant.street_address);
    add_phrase(address, phrases);
    add_phrase(address.substr(0, address.find(',')), phrases);
    std::size_t first_digit = 0;
    while (first_digit < address.size() && !is_ascii_digit(address[first_digit]))
        ++first_digit;
    const std::string street = fold_text(address.substr(0, first_digit));
    if (street.size() >= 3 && first_digit < address.size())
        phrases.push_back({street, WholeWords::Possessive::no});

    const std::string city = fold_text(applicant.city);
    const std::string postal_code = fold_text(applicant.postal_code);
    // A district of one or two letters ("København Ø", "Aarhus C", "Odense NØ") is often left out.
    std::string city_without_district;
    const std::size_t last_space = city.rfind(' ');
    if (last_space != std::string::npos) {
        std::size_t district_letters = 0;
        for (std::size_t at = last_space + 1; at < city.size(); at += character_at(city, at).length)
            ++district_letters;
        if (district_letters <= 2)
            city_without_district = city.substr(0, last_space);
    }
    for (const std::string& name : {city, city_without_district}) {
        if (name.empty())
            continue;
        phrases.push_back({name, WholeWords::Possessive::allowed});
        if (!postal_code.empty()) {
            std::string postal_code_and_city = postal_code;
            postal_code_and_city += ' ';
            postal_code_and_city += name;
            phrases.push_back({std::move(postal_code_and_city), WholeWords::Possessive::no});
        }
    }
    if (!postal_code.empty())
        phrases.push_back({"dk-" + postal_code, WholeWords::Possessive::no});
}

/// A title counts when a period follows or it is not written in capitals alone ("HR", "MS Office").
std::size_t title_end(std::string_view text, std::size_t position)
{
    for (const std::string_view title : k_titles) {
        const std::size_t end = match_folded(text, position, title);
        if (end == k_npos || !is_word_end(text, end))
            continue;
        if (end < text.size() && text[end] == '.')
            return end + 1;
        const std::string_view written = text.substr(position, end - position);
        if (std::any_of(written.begin(), written.end(), [](char byte) { return byte >= 'a' && byte <= 'z'; }))
            return end;
    }
    return k_npos;
}

/// The end of a month name (or its abbreviation, with or without a period) at `position`, or npos.
std::size_t month_end(std::string_view text, std::size_t position)
{
    for (const std::string_view month : k_month_names) {
        const std::size_t end = match_folded(text, position, month);
        if (end == k_npos || !is_word_end(text, end))
            continue;
        return end < text.size() && text[end] == '.' ? end + 1 : end;
    }
    return k_npos;
}

/// The end of a one- or two-digit day, with "." or an English ordinal ending, or npos.
std::size_t day_end(std::string_view text, std::size_t position)
{
    const std::size_t end = digit_run_end(text, position);
    if (end == position || end - position > 2)
        return k_npos;
    const int day = number_value(text.substr(position, end - position));
    if (day < 1 || day > 31)
        return k_npos;
    if (end < text.size() && text[end] == '.')
        return end + 1;
    for (const std::string_view ordinal : {"st", "nd", "rd", "th"}) {
        const std::size_t after = match_folded(text, end, ordinal);
        if (after != k_npos && is_word_end(text, after))
            return after;
    }
    return is_word_end(text, end) ? end : k_npos;
}

/// The end of a four-digit year that ends a word, or npos.
std::size_t year_end(std::string_view text, std::size_t position)
{
    const std::size_t end = digit_run_end(text, position);
    if (end - position != 4 || !is_word_end(text, end))
        return k_npos;
    const int year = number_value(text.substr(position, 4));
    return year >= 1900 && year <= 2099 ? end : k_npos;
}

bool is_date_separator(char byte)
{
    return byte == '.' || byte == '-' || byte == '/';
}

/// The end of a date at `position`: 3.5.1990, 03-05-90, 3/5-1990, 3. maj 1990, 3rd of May 1990,
/// May 3, 1990, or a year alone; npos when there is none.
std::size_t date_end(std::string_view text, std::size_t position)
{
    const std::size_t first_end = digit_run_end(text, position);
    if (first_end > position && first_end - position <= 2 && first_end < text.size() &&
        is_date_separator(text[first_end])) {
        const std::size_t month_start = first_end + 1;
        const std::size_t month_digits_end = digit_run_end(text, month_start);
        const int month = number_value(text.substr(month_start, month_digits_end - month_start));
        if (month_digits_end > month_start && month_digits_end - month_start <= 2 && month >= 1 &&
            month <= 12 && month_digits_end < text.size() && is_date_separator(text[month_digits_end])) {
            const std::size_t year_start = month_digits_end + 1;
            const std::size_t end = digit_run_end(text, year_start);
            if ((end - year_start == 2 || end - year_start == 4) && is_word_end(text, end))
                return end;
        }
    }
    const std::size_t day = day_end(text, position);
    if (day != k_npos) {
        std::size_t at = skip_spaces(text, day);
        const std::size_t after_of = match_folded(text, at, "of ");
        if (after_of != k_npos)
            at = after_of;
        const std::size_t month = month_end(text, at);
        if (month != k_npos) {
            const std::size_t year = year_end(text, skip_spaces(text, month));
            if (year != k_npos)
                return year;
        }
    }
    const std::size_t month = month_end(text, position);
    if (month != k_npos) {
        const std::size_t day_of_month = day_end(text, skip_spaces(text, month));
        if (day_of_month != k_npos) {
            std::size_t at = day_of_month;
            if (at < text.size() && text[at] == ',')
                ++at;
            const std::size_t year = year_end(text, skip_spaces(text, at));
            if (year != k_npos)
                return year;
        }
    }
    return year_end(text, position);
}

/// The end of a birth statement starting with a cue at `position` ("født den 3. maj 1990"), or npos.
std::size_t birth_statement_end(std::string_view text, std::size_t position)
{
    for (const std::string_view cue : k_birth_cues) {
        std::size_t at = match_folded(text, position, cue);
        if (at == k_npos)
            continue;
        if (is_word_character(character_before(text, at).code) && !is_word_end(text, at))
            continue;
        if (at < text.size() && text[at] == ':')
            ++at;
        at = skip_spaces(text, at);
        for (const std::string_view filler : {"the ", "den "}) {
            const std::size_t after = match_folded(text, at, filler);
            if (after != k_npos)
                at = after;
        }
        const std::size_t end = date_end(text, at);
        if (end != k_npos)
            return end;
    }
    return k_npos;
}

/// The word just before `position`, skipping spaces and a colon, folded; empty when there is none.
std::pair<std::size_t, std::string> previous_word(std::string_view text, std::size_t position)
{
    while (position > 0) {
        const TextCharacter before = character_before(text, position);
        if (!is_space_character(before.code) && before.code != ':')
            break;
        position -= before.length;
    }
    std::size_t start = position;
    while (start > 0) {
        const TextCharacter before = character_before(text, start);
        if (!is_word_character(before.code))
            break;
        start -= before.length;
    }
    return {start, fold_text(text.substr(start, position - start))};
}

/// The span of an age statement around the number at `position` (15 to 99), or an empty span.
TextSpan age_statement(std::string_view text, std::size_t position)
{
    const std::size_t number_end = digit_run_end(text, position);
    if (number_end - position != 2)
        return {};
    const int age = number_value(text.substr(position, 2));
    if (age < 15)
        return {};
    for (const std::string_view ending : {"-årig", "årig", " årig", " år gammel", " år gamle", " years old",
                                          " year old", "-year-old", "-years-old", " yo"}) {
        const std::size_t end = match_folded(text, number_end, ending);
        if (end != k_npos && (ending.back() == 'g' ? true : is_word_end(text, end)))
            return {position, end_of_word(text, end) - position};
    }
    const auto [word_start, word] = previous_word(text, position);
    if (word == "aged" || word == "age" || word == "alder")
        return {word_start, number_end - word_start};
    const std::size_t years_end = match_folded(text, number_end, " år");
    if (word == "er" && years_end != k_npos && is_word_end(text, years_end))
        return {position, years_end - position};
    return {};
}

/// A Danish phone number at `position`: an optional +45 or 0045, then eight digits grouped by single
/// spaces, the first 2-9. Returns its end or npos.
std::size_t danish_phone_end(std::string_view text, std::size_t position)
{
    std::size_t at = position;
    for (const std::string_view prefix : {"+45", "0045", "(+45)"}) {
        const std::size_t after = match_folded(text, position, prefix);
        if (after != k_npos && after < text.size() && (text[after] == ' ' || is_ascii_digit(text[after]))) {
            at = after < text.size() && text[after] == ' ' ? after + 1 : after;
            break;
        }
    }
    if (at >= text.size() || text[at] < '2' || text[at] > '9')
        return k_npos;
    std::size_t digits = 0;
    while (true) {
        const std::size_t group_end = digit_run_end(text, at);
        digits += group_end - at;
        if (digits > 8)
            return k_npos;
        if (digits == 8)
            return is_word_end(text, group_end) ? group_end : k_npos;
        if (group_end + 1 >= text.size() || text[group_end] != ' ' || !is_ascii_digit(text[group_end + 1]))
            return k_npos;
        at = group_end + 1;
    }
}

bool is_phone_separator(char byte)
{
    return byte == ' ' || byte == '-' || byte == '.' || byte == '(' || byte == ')' || byte == '/';
}

/// The applicant's own phone number at `position`, whatever separates its digits, or npos.
std::size_t own_phone_end(std::string_view text, std::size_t position, std::string_view wanted_digits)
{
    std::size_t at = position;
    if (at < text.size() && text[at] == '+')
        ++at;
    std::size_t matched = 0;
    std::size_t separators = 0;
    while (at < text.size()) {
        const char byte = text[at];
        if (is_ascii_digit(byte)) {
            if (byte != wanted_digits[matched])
                return k_npos;
            ++matched;
            ++at;
            separators = 0;
            if (matched == wanted_digits.size())
                return is_word_end(text, at) ? at : k_npos;
        } else if (is_phone_separator(byte) && matched > 0 && separators < 2) {
            ++at;
            ++separators;
        } else {
            return k_npos;
        }
    }
    return k_npos;
}

bool is_email_local_character(char byte)
{
    return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || is_ascii_digit(byte) ||
           byte == '.' || byte == '_' || byte == '%' || byte == '+' || byte == '-';
}

bool is_email_domain_character(char byte)
{
    return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || is_ascii_digit(byte) ||
           byte == '.' || byte == '-';
}

void add_email_addresses(std::string_view text, std::vector<TextSpan>& spans)
{
    for (std::size_t at = text.find('@'); at != k_npos; at = text.find('@', at + 1)) {
        std::size_t start = at;
        while (start > 0 && is_email_local_character(text[start - 1]))
            --start;
        std::size_t end = at + 1;
        while (end < text.size() && is_email_domain_character(text[end]))
            ++end;
        while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-'))
            --end;
        const std::string_view domain = text.substr(at + 1, end - at - 1);
        const std::size_t last_dot = domain.rfind('.');
        if (start == at || last_dot == k_npos || last_dot == 0 || last_dot + 1 == domain.size())
            continue;
        spans.push_back({start, end - start});
    }
}

void add_own_email(std::string_view text, std::string_view email, std::vector<TextSpan>& spans)
{
    const std::string wanted = core::ascii_lower(core::trim(email));
    if (wanted.empty())
        return;
    const std::string lowered = core::ascii_lower(text);
    for (std::size_t at = lowered.find(wanted); at != std::string::npos; at = lowered.find(wanted, at + 1))
        spans.push_back({at, wanted.size()});
}

std::string digits_of(std::string_view value)
{
    std::string digits;
    for (char byte : value)
        if (is_ascii_digit(byte))
            digits += byte;
    return digits;
}

/// Spans in order, with overlapping and touching ones joined.
std::vector<TextSpan> joined(std::vector<TextSpan> spans)
{
    std::sort(spans.begin(), spans.end(),
              [](const TextSpan& left, const TextSpan& right) { return left.offset < right.offset; });
    std::vector<TextSpan> result;
    for (const TextSpan& span : spans) {
        if (span.length == 0)
            continue;
        if (!result.empty() && span.offset <= result.back().end()) {
            const std::size_t end = std::max(result.back().end(), span.end());
            result.back().length = end - result.back().offset;
        } else {
            result.push_back(span);
        }
    }
    return result;
}

} // namespace

AnonymisedText anonymise(std::string_view text, const ApplicantIdentity& applicant, std::string_view mask)
{
    std::vector<WholeWords> phrases;
    add_name_parts(applicant.full_name, phrases);
    add_address(applicant, phrases);
    for (const std::string_view word : k_gender_words)
        phrases.push_back({std::string(word), WholeWords::Possessive::no});

    std::vector<TextSpan> spans;
    for (const TextSpan& number : find_cpr_numbers(text))
        spans.push_back(number);
    add_email_addresses(text, spans);
    add_own_email(text, applicant.email, spans);
    // The applicant's own number in any grouping; a Danish one also without its country code.
    std::vector<std::string> own_phones;
    const std::string phone_digits = digits_of(applicant.phone);
    if (phone_digits.size() >= 6)
        own_phones.push_back(phone_digits);
    if ((phone_digits.size() == 10 && phone_digits.starts_with("45")) ||
        (phone_digits.size() == 12 && phone_digits.starts_with("0045")))
        own_phones.push_back(phone_digits.substr(phone_digits.size() - 8));

    std::size_t position = 0;
    while (position < text.size()) {
        const TextCharacter character = character_at(text, position);
        const bool starts_number =
            character.code == '+' || character.code == '(' || is_ascii_digit(text[position]);
        if (!is_word_character(character.code) && !starts_number) {
            position += character.length;
            continue;
        }
        if (is_word_character(character_before(text, position).code)) {
            // Inside a word ("a+b", "x(1)"): nothing starts here.
            position += character.length;
            continue;
        }
        std::size_t end = k_npos;
        auto keep_longest = [&end](std::size_t candidate) {
            if (candidate != k_npos && (end == k_npos || candidate > end))
                end = candidate;
        };
        std::size_t start = position;
        if (starts_number) {
            keep_longest(danish_phone_end(text, position));
            for (const std::string& own_phone : own_phones)
                keep_longest(own_phone_end(text, position, own_phone));
            if (is_ascii_digit(text[position])) {
                const TextSpan age = age_statement(text, position);
                if (age.length > 0) {
                    start = age.offset;
                    keep_longest(age.end());
                }
            }
        }
        if (is_word_character(character.code)) {
            for (const WholeWords& phrase : phrases)
                keep_longest(whole_words_end(text, position, phrase));
            keep_longest(title_end(text, position));
            keep_longest(birth_statement_end(text, position));
        }
        if (end != k_npos) {
            spans.push_back({start, end - start});
            position = end;
        } else {
            position = is_word_character(character.code) ? end_of_word(text, position) : position + 1;
        }
    }

    AnonymisedText result;
    result.text.reserve(text.size());
    std::size_t copied = 0;
    for (const TextSpan& span : joined(std::move(spans))) {
        result.text.append(text.substr(copied, span.offset - copied));
        result.text.append(mask);
        copied = span.end();
        ++result.masked_count;
    }
    result.text.append(text.substr(copied));
    return result;
}

} // namespace rekrut::domain
