#include "services/open_positions.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "domain/job_ad/rich_text.hpp"
#include "domain/recruitment_case/position_search.hpp"
#include "services/recruitment_case/ad_assembly.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/position_store.hpp"

namespace rekrut::services {

const RenderedAd& PublicAd::in(const std::string& language) const
{
    for (const auto& version : versions)
        if (version.language == language)
            return version;
    return versions.front();
}

std::size_t CareerSiteSnapshot::expired_at(core::UnixTime now) const
{
    auto first_open = std::partition_point(positions.begin(), positions.end(), [now](const auto& position) {
        return position.application_deadline <= now;
    });
    return static_cast<std::size_t>(first_open - positions.begin());
}

const domain::OpenPosition* CareerSiteSnapshot::open_position(std::int64_t case_id, core::UnixTime now) const
{
    for (const auto& position : positions)
        if (position.case_id == case_id)
            return position.application_deadline > now ? &position : nullptr;
    return nullptr;
}

std::string CareerSiteSnapshot::presentation(std::int64_t institution_id, const std::string& language) const
{
    if (auto found = presentations.find({institution_id, language}); found != presentations.end())
        return found->second;
    if (auto danish = presentations.find({institution_id, "da"}); danish != presentations.end())
        return danish->second;
    return "";
}

namespace {

/// What the pages show of a position, so that a change of any of it changes the fingerprint.
std::string fingerprint_line(const domain::OpenPosition& position)
{
    return std::to_string(position.case_id) + '|' + std::to_string(position.institution_id) + '|' +
           position.institution_name + '|' + std::to_string(position.updated_at) + '|' +
           std::to_string(position.application_deadline) + '|' + std::to_string(position.published_at) + '\n';
}

} // namespace

void OpenPositions::refresh()
{
    std::lock_guard refreshing(m_refresh_mutex);
    store::PositionStore positions_store(m_database);
    auto positions = positions_store.list_open(core::now(), k_max_positions);
    auto presentations = positions_store.list_presentations();
    auto institutions = positions_store.list_institutions();

    std::string lines;
    core::UnixTime last_modified = 0;
    for (const auto& position : positions) {
        lines += fingerprint_line(position);
        last_modified = std::max({last_modified, position.updated_at, position.published_at});
    }
    for (const auto& presentation : presentations) {
        lines += std::to_string(presentation.institution_id) + '|' + presentation.language + '|' +
                 presentation.body_html + '\n';
        last_modified = std::max(last_modified, presentation.updated_at);
    }
    for (const auto& [id, name] : institutions)
        lines += std::to_string(id) + '|' + name + '\n';
    std::string fingerprint = core::blake2b_hex(lines).substr(0, 32);
    auto previous = current();
    if (previous->fingerprint == fingerprint)
        return;

    auto snapshot = std::make_shared<CareerSiteSnapshot>();
    snapshot->fingerprint = fingerprint;
    // A position that left the list (cancelled, closed) changes no remaining row's time, so the time of
    // this change counts too: a page never keeps its Last-Modified while its content changes.
    snapshot->last_modified = std::max(last_modified, core::now());
    snapshot->institutions.insert(institutions.begin(), institutions.end());
    for (const auto& presentation : presentations)
        snapshot->presentations.emplace(std::make_pair(presentation.institution_id, presentation.language),
                                        domain::sanitize_html(presentation.body_html)); // the first wins
    // Ads are rendered again only where the case or its institution changed.
    std::map<std::int64_t, std::string> previous_lines;
    for (const auto& position : previous->positions)
        previous_lines.emplace(position.case_id, fingerprint_line(position));
    std::vector<const domain::OpenPosition*> changed;
    for (const auto& position : positions) {
        auto before = previous_lines.find(position.case_id);
        auto ad = previous->ads.find(position.case_id);
        if (before != previous_lines.end() && ad != previous->ads.end() &&
            before->second == fingerprint_line(position))
            snapshot->ads.emplace(position.case_id, ad->second);
        else
            changed.push_back(&position);
    }
    if (!changed.empty()) {
        m_database.read([&](store::Session& session) {
            for (const auto* position : changed) {
                auto record = store::cases::find(session, position->institution_id, position->case_id);
                if (!record)
                    continue; // changed since the list was read; the next refresh sees it
                auto ad = std::make_shared<PublicAd>();
                for (const auto& language : recruitment_case::ad_languages(record->ad_languages))
                    ad->versions.push_back(recruitment_case::render(session, *record, language));
                snapshot->ads.emplace(position->case_id, std::move(ad));
            }
            return 0;
        });
    }
    // A position whose ad could not be read is left out until the next refresh.
    positions.erase(
        std::remove_if(positions.begin(), positions.end(),
                       [&](const auto& position) { return !snapshot->ads.count(position.case_id); }),
        positions.end());
    for (auto& position : positions) {
        std::string text = position.title + ' ' + position.institution_name + ' ' + position.place_of_work +
                           ' ' + position.position_category;
        for (const auto& version : snapshot->ads.at(position.case_id)->versions) {
            text += ' ' + version.title + ' ' + version.body_html;
            for (const auto& block : version.blocks_html)
                text += ' ' + block;
        }
        position.search_text = domain::fold_for_search(text);
    }
    snapshot->positions = std::move(positions);
    std::lock_guard lock(m_mutex);
    m_snapshot = std::move(snapshot);
}

std::shared_ptr<const CareerSiteSnapshot> OpenPositions::current() const
{
    std::lock_guard lock(m_mutex);
    return m_snapshot;
}

} // namespace rekrut::services
