#include "domain/interview/interview.hpp"

#include <charconv>

namespace rekrut::domain {

using core::msgid;

namespace {

std::optional<long long> whole_number(const std::string& text)
{
    long long value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string two_digits(long long value)
{
    return (value < 10 ? "0" : "") + std::to_string(value);
}

} // namespace

std::string_view to_string(BookedBy booked_by)
{
    return booked_by == BookedBy::staff ? "staff" : "applicant";
}

BookedBy booked_by_from_string(std::string_view text)
{
    return text == "staff" ? BookedBy::staff : BookedBy::applicant;
}

std::optional<int> slot_minutes(const std::string& text)
{
    auto value = whole_number(trimmed(text));
    if (!value || *value < k_min_slot_minutes || *value > k_max_slot_minutes)
        return std::nullopt;
    return static_cast<int>(*value);
}

core::Result<std::vector<core::UnixTime>> plan_slots(const SlotPlan& plan)
{
    std::vector<core::FieldError> problems;
    const auto date = trimmed(plan.date);
    const auto time = trimmed(plan.start_time);
    auto first = core::parse_copenhagen(date, time);
    if (!core::parse_copenhagen(date, "00:00"))
        problems.push_back({"date", msgid("Enter the date as YYYY-MM-DD.")});
    else if (!first)
        problems.push_back({"start_time", msgid("Enter the time as HH:MM.")});
    auto count = whole_number(trimmed(plan.count));
    if (!count || *count < 1 || *count > k_max_slots_per_plan)
        problems.push_back({"count", msgid("Enter a number of slots from 1 to 50.")});
    auto minutes = slot_minutes(plan.minutes);
    if (!minutes)
        problems.push_back({"minutes", msgid("Enter the length of a slot in minutes, from 5 to 480.")});
    auto pause = whole_number(trimmed(plan.pause_minutes.empty() ? std::string("0") : plan.pause_minutes));
    if (!pause || *pause < 0 || *pause > k_max_slot_minutes)
        problems.push_back(
            {"pause_minutes", msgid("Enter the pause between slots in minutes, from 0 to 480.")});
    if (!problems.empty())
        return core::Error::invalid(msgid("The slots cannot be added. Correct the marked fields."), problems);

    // Each slot's start is computed as a wall-clock time of the day, so that the slots keep their
    // local times on the day summer time begins or ends.
    const core::UnixTime local_start = *first + core::copenhagen_offset(*first);
    const long long start_minute = (local_start % 86400) / 60;
    std::vector<core::UnixTime> starts;
    for (long long index = 0; index < *count; ++index) {
        const long long minute = start_minute + index * (*minutes + *pause);
        if (minute + *minutes > 24LL * 60)
            return core::Error::invalid(msgid("The slots cannot be added. Correct the marked fields."),
                                        {{"count", msgid("The last slot would end after midnight.")}});
        auto start = core::parse_copenhagen(date, two_digits(minute / 60) + ":" + two_digits(minute % 60));
        if (!start)
            return core::Error::invalid(msgid("The slots cannot be added. Correct the marked fields."),
                                        {{"start_time", msgid("Enter the time as HH:MM.")}});
        starts.push_back(*start);
    }
    return starts;
}

bool overlaps(core::UnixTime first_start, int first_minutes, core::UnixTime second_start, int second_minutes)
{
    return first_start < second_start + core::UnixTime{second_minutes} * 60 &&
           second_start < first_start + core::UnixTime{first_minutes} * 60;
}

std::optional<core::UnixTime> first_overlap(const std::vector<core::UnixTime>& starts, int minutes,
                                            const std::vector<InterviewSlotRecord>& existing)
{
    for (auto start : starts)
        for (const auto& slot : existing)
            if (overlaps(start, minutes, slot.starts_at, slot.minutes))
                return start;
    return std::nullopt;
}

bool before_cutoff(core::UnixTime slot_start, int cutoff_hours, core::UnixTime now)
{
    return now < slot_start - core::UnixTime{cutoff_hours} * 3600;
}

core::Result<RoundFields> check_round(const RoundForm& form)
{
    std::vector<core::FieldError> problems;
    RoundFields fields{trimmed(form.name), trimmed(form.default_place), 24};
    if (fields.name.empty())
        problems.push_back({"name", msgid("Enter a name for the round.")});
    else if (fields.name.size() > k_max_round_name)
        problems.push_back({"name", msgid("The name can be at most 200 characters long.")});
    if (fields.default_place.size() > k_max_place)
        problems.push_back({"default_place", msgid("The place can be at most 500 characters long.")});
    auto hours = whole_number(trimmed(form.cutoff_hours));
    if (!hours || *hours < 0 || *hours > k_max_cutoff_hours)
        problems.push_back({"cutoff_hours", msgid("Enter the cut-off in hours, from 0 to 336.")});
    else
        fields.cutoff_hours = static_cast<int>(*hours);
    if (!problems.empty())
        return core::Error::invalid(msgid("The round cannot be saved. Correct the marked fields."), problems);
    return fields;
}

} // namespace rekrut::domain
