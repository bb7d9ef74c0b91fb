#pragma once

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

    std::vector<domain::OpenPosition> list_open(core::UnixTime now, int limit);

private:
    Database& m_database;
};

} // namespace rekrut::store
