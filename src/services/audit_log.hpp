#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace rekrut::store {
class Database;
class Transaction;
} // namespace rekrut::store

namespace rekrut::services {

/// Who caused a change and from where; every service call that writes takes one.
struct Origin {
    std::optional<std::int64_t> user_id;
    std::string user_name; ///< "System" for background work.
    std::string request_id;
    std::string ip;

    static Origin system(const std::string& what) { return {std::nullopt, "System (" + what + ")", "", ""}; }
};

/// One change for the audit trail. `before` and `after` are JSON objects of the changed fields.
struct AuditEntry {
    std::optional<std::int64_t> institution_id;
    std::string action;      ///< "user.created", "login.failed", ...
    std::string object_type; ///< "user", "institution", "session", ...
    std::string object_id;
    std::string before = "{}";
    std::string after = "{}";
};

/// Appends to the audit trail inside the caller's transaction, so the event commits or rolls back
/// with the change it records. The event is chained just before the commit (after the rest of the
/// transaction's work), in the order recorded.
void record_audit(store::Transaction& transaction, const Origin& origin, const AuditEntry& entry);

struct AuditVerification {
    std::int64_t events = 0;
    std::optional<std::int64_t> first_broken_id; ///< The first row whose link does not hold.
    std::string problem;                         ///< What is wrong with it.
};

/// Walks the whole chain and reports the first broken link: an edited row (its hash no longer
/// matches), an inserted or deleted row (the next row's previous hash no longer matches).
AuditVerification verify_audit_chain(store::Database& database);

/// `{"name":"A","email":"b"}` from pairs, with proper JSON escaping.
std::string json_object(std::initializer_list<std::pair<std::string, std::string>> fields);
std::string json_object(const std::vector<std::pair<std::string, std::string>>& fields);

} // namespace rekrut::services
