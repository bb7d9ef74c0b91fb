#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/assessment/ranking.hpp"
#include "domain/recruitment_case/case_records.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
} // namespace rekrut::store

namespace rekrut::services {

/// An applicant as a ranking list shows them to the member: by name where the member may see who
/// the applicant is, otherwise by the application's reference.
struct RankedApplicant {
    std::int64_t application_id = 0;
    std::string label;
    bool named = false;
    bool withdrawn = false;
};

/// The case's ranking lists.
struct RankingOverview {
    domain::CaseRecord case_record;
    std::vector<domain::RankingListRecord> lists;
};

/// A list as the member sees it: the entries a conflict of interest hides from them left out, the
/// others numbered from 1 in their order.
struct RankingView {
    domain::CaseRecord case_record;
    domain::RankingListRecord list;
    std::vector<RankedApplicant> entries;
    /// The case's applications the member can see that are not on the list (not withdrawn).
    std::vector<RankedApplicant> candidates;
};

struct RankingVersions {
    domain::CaseRecord case_record;
    domain::RankingListRecord list;
    std::vector<domain::RankingVersionRecord> versions;
};

struct RankingComparisonRow {
    RankedApplicant applicant;
    domain::RankComparison comparison;
};

/// Two versions of a list compared, as the member sees them.
struct RankingComparison {
    domain::CaseRecord case_record;
    domain::RankingListRecord list;
    domain::RankingVersionRecord from;
    domain::RankingVersionRecord to;
    std::vector<RankingComparisonRow> rows;
};

/// What a save changes, one of: a whole new order, typed position numbers, one applicant moved up or
/// down, applicants added at the end.
struct RankingChange {
    std::optional<domain::RankingOrder> order;
    std::map<std::int64_t, long long> positions;
    std::optional<std::pair<std::int64_t, domain::Move>> move;
    std::vector<std::int64_t> additions;
    /// The version the member's page showed; a save on top of a newer one is refused as a conflict.
    std::optional<int> based_on;
};

/// The committee's internal ranking lists per round. Only a member of the case who has declared on
/// every application ranks (domain Action::rank_applications); an applicant the member declared a
/// conflict of interest with is left out of everything they see, and keeps their place when the
/// member saves (domain::merge_hidden). Every save is a new version. Audit events name ids only.
class RankingLists {
public:
    explicit RankingLists(store::Database& database);

    core::Result<RankingOverview> overview(const domain::Actor& actor, std::int64_t institution_id,
                                           std::int64_t case_id);
    /// Makes an empty list; returns its id.
    core::Result<std::int64_t> create(const domain::Actor& actor, std::int64_t institution_id,
                                      std::int64_t case_id, const std::string& name, const std::string& round,
                                      const Origin& origin);
    core::Result<RankingView> show(const domain::Actor& actor, std::int64_t institution_id,
                                   std::int64_t case_id, std::int64_t ranking_id);
    /// Saves the changed order as a new version; returns its number.
    core::Result<int> save(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                           std::int64_t ranking_id, const RankingChange& change, const Origin& origin);
    core::Result<RankingVersions> versions(const domain::Actor& actor, std::int64_t institution_id,
                                           std::int64_t case_id, std::int64_t ranking_id);
    core::Result<RankingComparison> compare(const domain::Actor& actor, std::int64_t institution_id,
                                            std::int64_t case_id, std::int64_t ranking_id, int from, int to);

private:
    store::Database& m_database;
};

} // namespace rekrut::services
