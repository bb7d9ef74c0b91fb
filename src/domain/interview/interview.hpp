#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace rekrut::domain {

/// Limits of an interview round and its slots.
inline constexpr int k_min_slot_minutes = 5;
inline constexpr int k_max_slot_minutes = 480;
inline constexpr int k_max_slots_per_plan = 50;
inline constexpr int k_max_cutoff_hours = 24 * 14;
inline constexpr std::size_t k_max_round_name = 200;
inline constexpr std::size_t k_max_place = 500;

/// One interview round of a case (1st interview, 2nd interview, ...).
struct InterviewRoundRecord {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::int64_t case_id = 0;
    std::string name;
    /// The place or online link of slots that name none of their own.
    std::string default_place;
    /// Hours before a slot's start after which the applicant can no longer book, rebook or cancel it.
    int cutoff_hours = 24;
    std::int64_t created_by = 0;
    core::UnixTime created_at = 0;
};

/// Who made a booking: the applicant through the personal link, or staff giving a fixed slot.
enum class BookedBy { applicant, staff };
std::string_view to_string(BookedBy booked_by);
BookedBy booked_by_from_string(std::string_view text);

/// A slot's booking.
struct InterviewBooking {
    std::int64_t id = 0;
    std::int64_t application_id = 0;
    BookedBy booked_by = BookedBy::applicant;
    core::UnixTime booked_at = 0;
};

/// One time slot of a round.
struct InterviewSlotRecord {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::int64_t round_id = 0;
    core::UnixTime starts_at = 0;
    int minutes = 0;
    /// Empty: the round's default place.
    std::string place;
    /// The committee members present (user ids).
    std::vector<std::int64_t> member_ids;
    std::optional<InterviewBooking> booking;

    core::UnixTime ends_at() const { return starts_at + core::UnixTime{minutes} * 60; }
};

/// A bulk plan of slots as typed on the round page: "on 2026-12-10 from 09:00, 6 slots of 45
/// minutes with 15 minutes between them". Times are Copenhagen local time.
struct SlotPlan {
    std::string date;
    std::string start_time;
    std::string count = "1";
    std::string minutes = "45";
    std::string pause_minutes = "0";
};

/// The start instants of the planned slots, each `minutes` long, in Copenhagen local time (a slot
/// keeps its wall-clock time on a summer-time change). Refused with the fields at fault when the date
/// or time cannot be read, the length is outside 5..480 minutes, there are not 1..50 slots, or the
/// last slot would end after midnight.
core::Result<std::vector<core::UnixTime>> plan_slots(const SlotPlan& plan);

/// The slot length as typed, when it is a whole number of minutes within 5..480.
std::optional<int> slot_minutes(const std::string& text);

/// True when two slots share any minute (a slot ending when the next starts does not overlap).
bool overlaps(core::UnixTime first_start, int first_minutes, core::UnixTime second_start, int second_minutes);

/// The first of `starts` (each `minutes` long) that overlaps one of the `existing` slots, or nullopt.
std::optional<core::UnixTime> first_overlap(const std::vector<core::UnixTime>& starts, int minutes,
                                            const std::vector<InterviewSlotRecord>& existing);

/// Whether the applicant may still book, rebook or cancel a slot starting at `slot_start`: only until
/// `cutoff_hours` before it (the cut-off instant itself is too late).
bool before_cutoff(core::UnixTime slot_start, int cutoff_hours, core::UnixTime now);

/// The round's fields as typed; refused with the fields at fault.
struct RoundForm {
    std::string name;
    std::string default_place;
    std::string cutoff_hours = "24";
};
struct RoundFields {
    std::string name;
    std::string default_place;
    int cutoff_hours = 24;
};
core::Result<RoundFields> check_round(const RoundForm& form);

} // namespace rekrut::domain
