#pragma once

// The contingency bundle (service description section 7): when the service is out of reach for a
// long time, an institution carries on by hand from an export it made beforehand or made as soon
// as the service came back. For each active case (not closed) the bundle holds a PDF to print and a
// CSV to open in a spreadsheet with the case's facts, its ad, committee and contact persons, the
// applicants with status and contact data, the interview schedule and the deadlines. Everything is
// in one ZIP whose entries are encrypted with AES-256 under a passphrase the user chooses; the
// passphrase is used for the encryption only and is never stored, logged or audited.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/access/roles.hpp"
#include "domain/application/application_status.hpp"
#include "domain/recruitment_case/case_state.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// The most active cases one bundle holds; beyond it the export is refused (and the limit named).
constexpr std::size_t k_contingency_max_cases = 200;
/// The most applications, over all the bundle's cases, one bundle holds.
constexpr std::size_t k_contingency_max_applications = 4000;
/// The shortest passphrase, in characters.
constexpr std::size_t k_contingency_min_passphrase = 12;
/// The longest passphrase, in bytes.
constexpr std::size_t k_contingency_max_passphrase = 256;

/// How the bundle's texts are worded: its language and the names of states, statuses and roles,
/// given by the caller so that the service stays free of the interface's catalogs.
struct ContingencyWording {
    std::string language = "da";
    std::function<std::string(const std::string&)> translate;
    std::function<std::string(domain::CaseState)> case_state;
    std::function<std::string(domain::ApplicationStatus)> application_status;
    std::function<std::string(domain::CaseRole)> case_role;
};

/// The ZIP made for download, with what it holds.
struct ContingencyBundle {
    std::string filename;
    std::string bytes;
    int cases = 0;
    int applications = 0;
};

class ContingencyExport {
public:
    explicit ContingencyExport(store::Database& database) : m_database(database) {}

    /// The bundle of `institution_id`'s active cases, encrypted under `passphrase`. The actor needs
    /// Action::export_contingency_bundle (else forbidden). A passphrase that is empty, shorter than
    /// k_contingency_min_passphrase characters, longer than k_contingency_max_passphrase bytes, not
    /// UTF-8, or not the same as `repeated` is refused as invalid on the fields `passphrase` and
    /// `passphrase_repeat`; more cases or applications than the limits above is a conflict naming the
    /// limit. A bundle made is audited as `contingency.exported` with its counts only.
    core::Result<ContingencyBundle> export_bundle(const domain::Actor& actor, std::int64_t institution_id,
                                                  const std::string& passphrase, const std::string& repeated,
                                                  const ContingencyWording& wording, const Origin& origin);

private:
    store::Database& m_database;
};

/// What a passphrase lacks, as an invalid error on the form's fields, or nothing when it will do.
std::optional<core::Error> check_contingency_passphrase(const std::string& passphrase,
                                                        const std::string& repeated);

} // namespace rekrut::services
