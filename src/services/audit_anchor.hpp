#pragma once

// Anchors of the audit trail outside the database. The chain in `audit_events` shows any edited,
// inserted or removed row, except the newest rows removed together: the remaining chain is still
// whole. An anchor records the chain's head (the newest event's id and hash) somewhere the database
// role cannot reach, at an interval and on shutdown; `rekrut audit verify` compares the chain with
// the latest anchor and reports a chain that ends before it, or that differs at the anchored event.

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// The chain's head as recorded at one moment.
struct AuditAnchorMark {
    std::int64_t sequence = 0; ///< the id of the newest event
    std::string hash;          ///< that event's hash (64 hex digits)
    core::UnixTime at = 0;
};

/// `destination` for an anchor that goes to the system log (facility authpriv) instead of a file.
inline constexpr std::string_view k_anchor_to_syslog = "syslog";

/// Writes anchors to an append-only file (one line each, flushed to disk) or to the system log.
class AuditAnchor {
public:
    /// `destination` is a file path or k_anchor_to_syslog.
    AuditAnchor(store::Database& database, std::string destination);

    /// Records the chain's head when it moved since the last mark. Returns whether it wrote one;
    /// an error when the destination cannot be written.
    core::Result<bool> mark();

private:
    store::Database& m_database;
    std::string m_destination;
    std::mutex m_mutex;
    std::optional<std::string> m_last_hash;
};

/// What is wrong with the chain measured against `mark`: it ends before the anchored event (newest
/// rows were removed) or holds another event there (rows were replaced). Empty when it agrees.
/// Checks the anchored event only; `verify_audit_chain` checks the links up to the head.
std::string anchor_problem(store::Database& database, const AuditAnchorMark& mark);

/// The line an anchor file holds for `mark`.
std::string anchor_line(const AuditAnchorMark& mark);
/// One anchor line (as written by AuditAnchor or copied from the system log); nullopt when the
/// text holds none.
std::optional<AuditAnchorMark> parse_anchor_line(std::string_view line);
/// The newest anchor in a file (lines that do not parse are skipped); nullopt when the file is
/// missing or holds none.
std::optional<AuditAnchorMark> latest_anchor(const std::string& path);

} // namespace rekrut::services
