#pragma once

// Off-boarding of an institution (service description 2.3, docs/offboarding.md). A platform operator
// asks with a reason; a second operator approves or rejects (four eyes: never the one who asked).
// The approver then downloads, once, the export of all the institution's data for the institution:
// a ZIP encrypted with AES-256 under a passphrase they enter, which is never stored, logged or
// audited. Only after that can the approver delete the institution's data: its applications through
// the retention erasure (keys first), its accounts erased with their audit keys, its cases' audit
// keys destroyed, and every other row of it deleted; the institution's row stays as a tombstone
// marked off-boarded, and its audit events stay with their personal values unreadable. The
// deletion report (counts per kind, who asked and approved, when) is kept with the request. A
// hold on any case of the institution blocks both the request and the deletion.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/institution/offboarding_record.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
class FileStore;
} // namespace rekrut::store

namespace rekrut::services {

/// The archive's format version, written into its manifest.json.
inline constexpr int k_offboarding_format_version = 1;

/// The export made for download.
struct OffboardingArchive {
    std::string filename;
    std::string bytes;
};

/// One line of the deletion report.
struct OffboardingCount {
    std::string kind;
    int count = 0;
};

class Offboarding {
public:
    Offboarding(store::Database& database, store::FileStore& files) : m_database(database), m_files(files) {}

    /// Every request, newest first: the operator's alone (else empty).
    std::vector<domain::OffboardingRecord> list(const domain::Actor& actor);
    /// One request; nullopt for anyone but the operator, or when there is none.
    std::optional<domain::OffboardingRecord> find(const domain::Actor& actor, std::int64_t id);

    /// Asks for the institution to be off-boarded. Refuses an unknown or off-boarded institution
    /// (not found), an empty or too long reason (invalid, field `reason`), an institution with a
    /// request already open, or a case on hold (conflict). Audited as `offboarding.requested`.
    core::Result<std::int64_t> request(const domain::Actor& actor, std::int64_t institution_id,
                                       const std::string& reason, const Origin& origin);
    /// Approves or rejects a waiting request: an operator who did not ask. Audited.
    core::Status decide(const domain::Actor& actor, std::int64_t id, bool approve, const Origin& origin);
    /// The export of an approved request, made once, by the operator who approved it, encrypted under
    /// `passphrase` (as the contingency bundle's: at least 12 characters, repeated alike). Audited as
    /// `offboarding.exported` with counts only.
    core::Result<OffboardingArchive> export_archive(const domain::Actor& actor, std::int64_t id,
                                                    const std::string& passphrase,
                                                    const std::string& repeated, const Origin& origin);
    /// Deletes the institution's data once its export was taken, by the operator who approved it;
    /// `confirmation` must be the institution's CVR number. When the institution changed after the
    /// export was read (a newer audit event of it than the export covers), nothing is deleted: the
    /// request goes back to approved for a new export, and the answer is a conflict. Returns the
    /// deletion report, which is kept with the request and audited as `institution.offboarded`.
    /// While ads of the institution are (or may be) at Jobnet, nothing is deleted and their DeleteJobs
    /// are queued again, unless `leave_at_jobnet`: the operator closes them at Jobnet by hand, and the
    /// report counts them.
    core::Result<std::vector<OffboardingCount>> delete_data(const domain::Actor& actor, std::int64_t id,
                                                            const std::string& confirmation,
                                                            bool leave_at_jobnet, const Origin& origin);

    /// The deletion report kept with a request, parsed (empty before the deletion).
    static std::vector<OffboardingCount> report_of(const domain::OffboardingRecord& record);

private:
    store::Database& m_database;
    store::FileStore& m_files;
};

} // namespace rekrut::services
