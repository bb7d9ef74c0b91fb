#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/institution/setup_records.hpp"
#include "domain/recruitment_case/case_records.hpp"

namespace rekrut::store {
class Session;
}

namespace rekrut::services {

/// What the case list shows besides its page, kept in memory under the institution's case list
/// version (`store::cases::list_version`): the number of cases a filter selects and the
/// institution's organisation units. Triggers change the version with every change to the
/// institution's cases, case roles and units, so a page reads that one number instead of counting
/// thousands of cases, and counts again after any change, made by any node. The version passed in
/// must have been read before (or with) anything it is compared for, and outside a write transaction:
/// a version seen inside one may be rolled back.
class CaseListCache {
public:
    /// How many cases `filter` selects (its sort and page do not matter).
    std::int64_t count(store::Session& session, const domain::CaseListFilter& filter, std::int64_t version);
    /// The institution's organisation units, as `store::organisation_units::list` gives them.
    std::vector<domain::OrganisationUnitRecord> units(store::Session& session, std::int64_t institution_id,
                                                      std::int64_t version);

    /// At most this many counts are kept; when full, all are forgotten.
    static constexpr std::size_t k_max_counts = 10000;

private:
    struct Count {
        std::int64_t version = 0;
        std::int64_t count = 0;
    };
    struct Units {
        std::int64_t version = 0;
        std::vector<domain::OrganisationUnitRecord> units;
    };
    std::mutex m_mutex;
    std::unordered_map<std::string, Count> m_counts;
    std::unordered_map<std::int64_t, Units> m_units;
};

} // namespace rekrut::services
