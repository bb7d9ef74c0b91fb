#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "domain/recruitment_case/open_position.hpp"

namespace rekrut::store {

class Database;

/// Reads for the public career site. Published ads are public by nature, so this is the one
/// read that spans institutions; it returns only published cases whose deadline has not passed.
class PositionStore {
public:
    explicit PositionStore(Database& database) : m_database(database) {}

    /// Published cases whose deadline is after `now`, ordered by deadline (then id), at most `limit`.
    std::vector<domain::OpenPosition> list_open(core::UnixTime now, int limit);
    /// Every institution's presentation texts (required texts of the kind "presentation"), first
    /// by position per institution and language.
    std::vector<domain::InstitutionPresentation> list_presentations();
    /// Every institution's id and name, for the career site's page per institution.
    std::vector<std::pair<std::int64_t, std::string>> list_institutions();

private:
    Database& m_database;
};

} // namespace rekrut::store
