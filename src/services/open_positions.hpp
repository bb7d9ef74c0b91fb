#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "domain/recruitment_case/open_position.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// The public list of open positions, read from the database by a background job every second and
/// served from memory, so the busiest page never waits for the database. Each server instance keeps
/// its own copy; a newly published ad appears on every instance within a second.
class OpenPositions {
public:
    explicit OpenPositions(store::Database& database) : m_database(database) {}

    /// Reads the list again (the background job calls this).
    void refresh();
    /// The latest list; positions whose deadline has passed since the last refresh are still in it,
    /// so readers filter by the current time.
    std::shared_ptr<const std::vector<domain::OpenPosition>> current() const;

private:
    store::Database& m_database;
    mutable std::mutex m_mutex;
    std::shared_ptr<const std::vector<domain::OpenPosition>> m_positions =
        std::make_shared<const std::vector<domain::OpenPosition>>();
};

} // namespace rekrut::services
