#pragma once

// Anonymised first screening: the committee reads cover letters, attachment texts and answers with
// what identifies the applicant, or tells age or gender, masked. Masking errs towards hiding: a
// harmless word that is masked costs little, a name that slips through defeats the round.

#include <cstddef>
#include <string>
#include <string_view>

namespace rekrut::domain {

/// What the application says about who the applicant is; each value may be empty. The views must
/// outlive the call to anonymise.
struct ApplicantIdentity {
    std::string_view full_name;
    std::string_view email;
    std::string_view phone;
    /// Street, number and floor as the applicant wrote them ("Eksempelvej 1, 2. th.").
    std::string_view street_address;
    std::string_view postal_code;
    std::string_view city;
};

/// A text with its identifying parts replaced.
struct AnonymisedText {
    std::string text;
    /// How many separate places were masked; overlapping or touching places count once.
    std::size_t masked_count = 0;
};

/// `text` with every one of these replaced by `mask`:
/// - each part of the applicant's name of at least two letters, as a whole word in any case, also
///   possessive ("Annes", "Anne's"); a name part that is also a common word ("Skov") is masked
///   wherever it stands as a word, except particles such as "af", "de" and "von";
/// - the applicant's e-mail address and any other; the applicant's phone number in any grouping and
///   any Danish phone number (eight digits, the first 2-9, optionally +45 or 0045, grouped by spaces);
/// - the street address (in full, up to its first comma, and the street name alone), the city (also
///   without a district letter, "København" for "København Ø") and the postal code where it stands
///   before the city or after "DK-", never alone, since a year such as 2000 may be a postal code too;
/// - CPR numbers, birth dates and years after "født", "f.", "fødselsdato", "born", "date of birth" and
///   the like, and ages of 15 to 99 ("32-årig", "er 32 år", "32 år gammel", "aged 32", "32 years old");
///   durations ("i 20 år", "3-årig uddannelse") are left alone;
/// - gender words as whole words (han, hun, ham, hende, hans, hendes, mand, kvinde, "mor til",
///   "far til", he, she, him, her, his, hers, mother, father, ...), and the titles Mr, Mrs, Ms, Miss,
///   Hr, Fru and Frk when they end with a period or are not all capitals, so "HR" and "MS Office" stay.
///   The Danish "her" (here) is masked along with the English pronoun.
/// Masked places never split a UTF-8 character. Linear in the text's length for identities of
/// ordinary size.
AnonymisedText anonymise(std::string_view text, const ApplicantIdentity& applicant, std::string_view mask);

} // namespace rekrut::domain
