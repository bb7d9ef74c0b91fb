#include "services/recruitment_case/case_list_cache.hpp"

#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/setup_store.hpp"

namespace rekrut::services {
namespace {

/// The filter's selecting fields, each present or absent, as one key.
std::string key_of(const domain::CaseListFilter& filter)
{
    std::string key = std::to_string(filter.institution_id);
    auto add = [&](bool present, const std::string& value) {
        key += present ? "|" + value : std::string("|-");
    };
    add(filter.member_user_id.has_value(), std::to_string(filter.member_user_id.value_or(0)));
    add(filter.state.has_value(),
        filter.state ? std::string(domain::to_string(*filter.state)) : std::string());
    add(filter.unit_id.has_value(), std::to_string(filter.unit_id.value_or(0)));
    add(filter.deadline_from.has_value(), std::to_string(filter.deadline_from.value_or(0)));
    add(filter.deadline_to.has_value(), std::to_string(filter.deadline_to.value_or(0)));
    return key;
}

} // namespace

std::int64_t CaseListCache::count(store::Session& session, const domain::CaseListFilter& filter,
                                  std::int64_t version)
{
    std::string key = key_of(filter);
    {
        std::lock_guard lock(m_mutex);
        auto found = m_counts.find(key);
        if (found != m_counts.end() && found->second.version == version)
            return found->second.count;
    }
    // Counted after the version was read, so the count is at least as new as the version it is kept
    // under: a later change makes the version differ and the count is made again.
    std::int64_t counted = store::cases::count(session, filter);
    std::lock_guard lock(m_mutex);
    if (m_counts.size() >= k_max_counts)
        m_counts.clear();
    m_counts[key] = {version, counted};
    return counted;
}

std::vector<domain::OrganisationUnitRecord>
CaseListCache::units(store::Session& session, std::int64_t institution_id, std::int64_t version)
{
    {
        std::lock_guard lock(m_mutex);
        auto found = m_units.find(institution_id);
        if (found != m_units.end() && found->second.version == version)
            return found->second.units;
    }
    auto units = store::organisation_units::list(session, institution_id);
    std::lock_guard lock(m_mutex);
    m_units[institution_id] = {version, units};
    return units;
}

} // namespace rekrut::services
