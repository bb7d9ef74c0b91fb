#include "domain/retention/retention.hpp"

#include <algorithm>

#include "domain/application/application_form.hpp"

namespace rekrut::domain {

std::vector<core::FieldError> check_retention_settings(const RetentionSettings& settings)
{
    std::vector<core::FieldError> problems;
    if (settings.applications_months < 1 || settings.applications_months > 60)
        problems.push_back(
            {"applications_months", core::msgid("Enter the months applications are kept, from 1 to 60.")});
    if (settings.access_log_months < 6 || settings.access_log_months > 60)
        problems.push_back(
            {"access_log_months", core::msgid("Enter the months the access log is kept, from 6 to 60.")});
    if (settings.users_months < 1 || settings.users_months > 60)
        problems.push_back({"users_months",
                            core::msgid("Enter the months before ended accounts are erased, from 1 to 60.")});
    return problems;
}

core::UnixTime consent_renewed_until(core::UnixTime now)
{
    return add_months(now, k_keep_for_future_months);
}

core::UnixTime add_months(core::UnixTime time, int months)
{
    constexpr core::UnixTime k_day = 86400;
    std::int64_t days = time >= 0 ? time / k_day : (time - k_day + 1) / k_day;
    core::UnixTime second_of_day = time - days * k_day;
    int year = 0;
    unsigned month = 0, day = 0;
    core::civil_from_days(days, year, month, day);
    int index = static_cast<int>(month) - 1 + months;
    int new_year = year + (index >= 0 ? index / 12 : (index - 11) / 12);
    auto new_month = static_cast<unsigned>(index - (new_year - year) * 12 + 1);
    // The last day of the new month: the day before the first of the next.
    std::int64_t next_first = new_month == 12 ? core::days_from_civil(new_year + 1, 1, 1)
                                              : core::days_from_civil(new_year, new_month + 1, 1);
    auto last_day = static_cast<unsigned>(next_first - core::days_from_civil(new_year, new_month, 1));
    return core::days_from_civil(new_year, new_month, std::min(day, last_day)) * k_day + second_of_day;
}

std::optional<core::UnixTime> deletion_due(const RetentionFacts& facts, const RetentionSettings& settings)
{
    if (facts.hired || facts.on_hold)
        return std::nullopt;
    if (facts.deletion_requested_at && (facts.withdrawn || facts.case_closed_at))
        return facts.deletion_requested_at;
    if (!facts.case_closed_at)
        return std::nullopt;
    core::UnixTime due = add_months(*facts.case_closed_at, settings.applications_months);
    if (facts.keep_until)
        due = std::max(due, *facts.keep_until);
    return due;
}

} // namespace rekrut::domain
