#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "domain/recruitment_case/open_position.hpp"
#include "services/recruitment_case/case_types.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// One open position's ad in each language it is offered in (the first is the case's main language).
struct PublicAd {
    std::vector<RenderedAd> versions;

    /// The version in `language`, else the first.
    const RenderedAd& in(const std::string& language) const;
};

/// Everything the public career site shows, read at one instant. Immutable once built.
struct CareerSiteSnapshot {
    /// Changes whenever anything the pages show changes (a position, its ad, an institution's name or
    /// presentation); the same data gives the same value on every server instance.
    std::string fingerprint;
    /// When it was read after a change (never before the latest change among its positions and
    /// presentations).
    core::UnixTime last_modified = 0;
    /// Published cases whose deadline had not passed when it was read, by deadline (then case id).
    std::vector<domain::OpenPosition> positions;
    std::map<std::int64_t, std::shared_ptr<const PublicAd>> ads; ///< By case id.
    std::map<std::int64_t, std::string> institutions;            ///< Every institution's name, by id.
    /// Presentation texts by institution and language.
    std::map<std::pair<std::int64_t, std::string>, std::string> presentations;

    /// How many of `positions` have a deadline at or before `now` (they come first, by deadline).
    std::size_t expired_at(core::UnixTime now) const;
    /// The open position of `case_id` at `now`, or nullptr.
    const domain::OpenPosition* open_position(std::int64_t case_id, core::UnixTime now) const;
    /// The institution's presentation in `language` (Danish as fallback); empty when it has none.
    std::string presentation(std::int64_t institution_id, const std::string& language) const;
};

/// The public list of open positions with their ads, read from the database by a background job every
/// second and served from memory, so the career site never waits for the database. Only what changed is
/// read again in full (an ad is rendered again when its case's `updated_at` or institution changes).
/// Each server instance keeps its own copy; a newly published ad appears on every instance within a
/// second, and on the instance that published it at once.
class OpenPositions {
public:
    /// The most positions held in memory (far above what Danish state institutions advertise at once).
    static constexpr int k_max_positions = 20000;

    explicit OpenPositions(store::Database& database) : m_database(database) {}

    /// Reads the list again (the background job and the publishing handler call this).
    void refresh();
    /// The latest snapshot; positions whose deadline has passed since the last refresh are still in it,
    /// so readers use `expired_at` / `open_position` with the current time.
    std::shared_ptr<const CareerSiteSnapshot> current() const;

private:
    store::Database& m_database;
    std::mutex m_refresh_mutex; ///< One refresh at a time (the job and a handler may both call it).
    mutable std::mutex m_mutex;
    std::shared_ptr<const CareerSiteSnapshot> m_snapshot = std::make_shared<const CareerSiteSnapshot>();
};

} // namespace rekrut::services
