#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/mail/email_template.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
class Session;
} // namespace rekrut::store

namespace rekrut::services {

/// A template as a page lists it: the text in force and where it comes from.
struct EmailTemplateEntry {
    domain::EmailTemplateRecord record;
    /// The institution changed it (institution list), or the case has its own copy (case list).
    bool changed = false;
};

/// The institution's e-mail templates (Administrator) and the cases' own copies (Projektleder).
/// Every change is audited with the texts before and after; templates hold no personal data.
class EmailTemplates {
public:
    explicit EmailTemplates(store::Database& database);

    /// Every kind, with the institution's text or the built-in one.
    core::Result<std::vector<EmailTemplateEntry>> institution_templates(const domain::Actor& actor,
                                                                        std::int64_t institution_id);
    core::Result<EmailTemplateEntry>
    institution_template(const domain::Actor& actor, std::int64_t institution_id, const std::string& kind);
    core::Status save_institution_template(const domain::Actor& actor, std::int64_t institution_id,
                                           domain::EmailTemplateRecord email_template, const Origin& origin);

    /// Every kind as the case uses it: its own copy, or the institution's text.
    core::Result<std::vector<EmailTemplateEntry>>
    case_templates(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id);
    core::Result<EmailTemplateEntry> case_template(const domain::Actor& actor, std::int64_t institution_id,
                                                   std::int64_t case_id, const std::string& kind);
    /// Saves the case's own copy of a kind (made from the institution's text on the first save).
    core::Status save_case_template(const domain::Actor& actor, std::int64_t institution_id,
                                    std::int64_t case_id, domain::EmailTemplateRecord email_template,
                                    const Origin& origin);
    /// Drops the case's copy: the case uses the institution's text again.
    core::Status revert_case_template(const domain::Actor& actor, std::int64_t institution_id,
                                      std::int64_t case_id, const std::string& kind, const Origin& origin);

private:
    store::Database& m_database;
};

/// The template in force for a kind: the case's copy, else the institution's, else the built-in
/// text. `case_id` empty for the institution's. Throws std::out_of_range for an unknown kind.
EmailTemplateEntry effective_template(store::Session& session, std::int64_t institution_id,
                                      std::optional<std::int64_t> case_id, const std::string& kind);

} // namespace rekrut::services
