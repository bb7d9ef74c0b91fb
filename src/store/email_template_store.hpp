#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/mail/email_template.hpp"

namespace soci {
class session;
}

/// The institution's changed e-mail templates (case_id empty) and the cases' own copies. A kind
/// without a row uses the built-in text (domain::default_email_template).
namespace rekrut::store::email_templates {

/// The institution's templates (`case_id` empty) or the case's own copies, by kind order of storage.
std::vector<domain::EmailTemplateRecord> list(soci::session& sql, std::int64_t institution_id,
                                              std::optional<std::int64_t> case_id);
/// The stored template of that kind; nullopt when the institution (or the case) has none.
std::optional<domain::EmailTemplateRecord> find(soci::session& sql, std::int64_t institution_id,
                                                std::optional<std::int64_t> case_id, const std::string& kind);
/// Stores the template (inserting or replacing the row of its institution, case and kind).
void save(soci::session& sql, const domain::EmailTemplateRecord& email_template, std::int64_t user_id);
/// Deletes the case's copy of a kind; returns whether there was one.
bool remove_case_copy(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                      const std::string& kind);

} // namespace rekrut::store::email_templates
