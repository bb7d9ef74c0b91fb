#pragma once

// The keys that seal personal data in the audit trail, one per subject (ADR 0009): "user:<id>",
// "case:<id>" (its contact persons) and "visitor:<YYYY-MM>" (addresses of visitors who were not signed
// in) live in audit_subject_keys, wrapped under the installation key; "application:<id>" is the
// application's own data key (application_keys), so erasing an application also erases what the
// trail holds about the applicant. Destroying a key erases every value sealed under it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace rekrut::store {

class Session;
class Transaction;

namespace audit_subjects {
/// The subject's key, made and stored when it has none; nullopt when the subject's key was destroyed
/// (an erased person gets no new key: their events are written without the value) or, for an
/// application, when the application has no key.
std::optional<std::string> key_for_sealing(Transaction& transaction, const std::string& subject,
                                           core::UnixTime now);
/// The subject's key; nullopt when it has none or it was destroyed.
std::optional<std::string> key(Session& session, const std::string& subject);
/// Destroys the subject's key (keeps the row, so no new key is made for it). Returns whether a key
/// was destroyed. Not for "application:" subjects: erase the application key instead.
bool destroy(Transaction& transaction, const std::string& subject, core::UnixTime now);
/// Subjects whose keys exist and start with `prefix`, in order, for the retention job
/// ("visitor:" keys older than the access-log period).
std::vector<std::string> live_with_prefix(Session& session, const std::string& prefix);
} // namespace audit_subjects

} // namespace rekrut::store
