#pragma once

// What the free-text guard (middleware.hpp, free_text_guard_middleware) looks for in a staff form:
// which fields it reads, and how, and what it finds there. Pure, so that it is unit-tested.

#include <string>
#include <string_view>
#include <vector>

#include "domain/free_text/sensitive_text.hpp"
#include "web/request.hpp"

namespace rekrut::web {

/// How much of a field the guard reads.
enum class FieldScan {
    /// Not at all: the CSRF token, secrets, one-time codes, the confirmation itself, and the notes and
    /// comments whose handlers warn about CPR numbers and sensitive words themselves.
    none,
    /// CPR numbers only: single-line identifiers (e-mail addresses, names, titles, codes, dates,
    /// times, telephone numbers, addresses, ids, choices), where a word such as "Sygeplejerske" in a
    /// title or "Psykiatrisk Center" in a place of work is no finding about a person.
    cpr_only,
    /// CPR numbers and the words of the special categories: the free texts staff write.
    full,
};

/// The scan a form field gets, by its name.
FieldScan field_scan(std::string_view name);

/// One field with findings and the kinds found in it, each kind once in the order first found.
/// Never the text found: the guard names fields and kinds, in the page and in the audit trail alike.
struct FieldFindings {
    std::string field;
    std::vector<domain::SensitiveKind> kinds;
};

/// The fields of `form` that hold a CPR number or a sensitive word, each field once, in form order.
std::vector<FieldFindings> free_text_findings(const Fields& form);

/// The field name without a trailing "_<digits>" (text_12 → text), for looking its label up.
std::string_view field_family(std::string_view name);

} // namespace rekrut::web
