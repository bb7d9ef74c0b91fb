#pragma once

// Warnings for staff free text (notes on an application, comments in a committee): personal data
// that has no place there, namely CPR numbers and words that point to the special categories of GDPR
// article 9 or to criminal offences (article 10). The detector only warns; a person decides, so it
// prefers a warning too many over one too few, within reason (see the word list in the .cpp file).

#include <cstddef>
#include <string_view>
#include <vector>

#include "domain/free_text/text_scan.hpp"

namespace rekrut::domain {

/// What a finding in free text is.
enum class SensitiveKind {
    cpr_number,
    health,
    trade_union,
    religion,
    political_opinion,
    ethnic_origin,
    sexual_orientation,
    criminal_offence,
};

/// A stable name for the kind ("cpr_number", "health", ...), for message keys and logs.
std::string_view to_string(SensitiveKind kind);

/// One place in a text that should not be there. For a word, the span covers the whole word that
/// starts with the listed word ("Sygemeldt", not only "Syg").
struct SensitiveFinding {
    SensitiveKind kind = SensitiveKind::cpr_number;
    std::size_t offset = 0;
    std::size_t length = 0;

    bool operator==(const SensitiveFinding&) const = default;
};

/// True when `digits` (exactly ten ASCII digits, DDMMYYNNNN) can be a CPR number: a real calendar
/// date, the century taken from the seventh digit, and the modulus 11 check passing, which is required
/// only for birth dates before 1 October 2007 (numbers given out since then need not pass it).
bool is_cpr_number(std::string_view digits);

/// Every CPR number in `text`, written DDMMYY-NNNN, DDMMYY NNNN or DDMMYYNNNN, that does not stand
/// inside a longer run of letters or digits. In text order; linear in the text's length.
std::vector<TextSpan> find_cpr_numbers(std::string_view text);

/// Every CPR number and every sensitive word in `text`, in text order. Words match at the start of a
/// word regardless of case (æøå included), so compounds that start with a listed word are found and
/// compounds that end with one are not ("arbejdsstress"). Linear in the text's length.
std::vector<SensitiveFinding> find_sensitive_text(std::string_view text);

} // namespace rekrut::domain
