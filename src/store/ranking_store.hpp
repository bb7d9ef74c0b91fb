#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/assessment/ranking.hpp"

namespace soci {
class session;
}

/// The committee's ranking lists of a case and their saved versions. Every function takes the
/// institution first and finds nothing of another institution; a list is found only through its case.
namespace rekrut::store::rankings {

/// Adds an empty list (no version yet); returns its id.
std::int64_t create(soci::session& sql, const domain::RankingListRecord& list);
/// The case's lists, oldest first.
std::vector<domain::RankingListRecord> lists(soci::session& sql, std::int64_t institution_id,
                                             std::int64_t case_id);
std::optional<domain::RankingListRecord> find(soci::session& sql, std::int64_t institution_id,
                                              std::int64_t case_id, std::int64_t ranking_id);
/// The list's versions, newest first, with the names of those who saved them.
std::vector<domain::RankingVersionRecord> versions(soci::session& sql, std::int64_t institution_id,
                                                   std::int64_t ranking_id);
/// The list's version with that number (counted from 1).
std::optional<domain::RankingVersionRecord> version(soci::session& sql, std::int64_t institution_id,
                                                    std::int64_t ranking_id, int number);
/// The applications of a version in their order.
domain::RankingOrder entries(soci::session& sql, std::int64_t institution_id, std::int64_t version_id);
/// The order of the list's version `number`; empty when there is none (number 0: never saved).
domain::RankingOrder order_at(soci::session& sql, std::int64_t institution_id, std::int64_t ranking_id,
                              int number);
/// The order of the list's newest version; empty when none was saved.
domain::RankingOrder current_order(soci::session& sql, std::int64_t institution_id, std::int64_t ranking_id);
/// Claims the list's next version number, first in a save's transaction: the update locks the
/// list's row (PostgreSQL; SQLite has one writer anyway), so concurrent saves of a list take turns
/// and each reads the order the one before it saved. With `expected`, only while the list is at that
/// version; nullopt when it is not, or when there is no such list.
std::optional<int> next_version(soci::session& sql, std::int64_t institution_id, std::int64_t ranking_id,
                                std::optional<int> expected);
/// Saves `order` as version `number` of the list in a few statements (the entries in batched inserts).
void save_version(soci::session& sql, std::int64_t institution_id, std::int64_t ranking_id, int number,
                  const domain::RankingOrder& order, std::int64_t user_id, core::UnixTime now);

/// An application of the case as a list shows it.
struct RankedApplication {
    std::int64_t id = 0;
    std::string full_name;
    core::UnixTime received_at = 0;
    bool withdrawn = false;
};
/// Every application of the case, oldest first.
std::vector<RankedApplication> applications(soci::session& sql, std::int64_t institution_id,
                                            std::int64_t case_id);

} // namespace rekrut::store::rankings
