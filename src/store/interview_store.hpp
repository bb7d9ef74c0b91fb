#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/interview/interview.hpp"

namespace soci {
class session;
}

/// Interview rounds of a case, their slots, the applications invited and the bookings. Every
/// function takes the institution first and finds nothing of another institution; a round is found
/// only through its case, a slot only through its round.
namespace rekrut::store::interviews {

/// Adds a round; returns its id.
std::int64_t create_round(soci::session& sql, const domain::InterviewRoundRecord& round);
/// The case's rounds, oldest first.
std::vector<domain::InterviewRoundRecord> rounds(soci::session& sql, std::int64_t institution_id,
                                                 std::int64_t case_id);
std::optional<domain::InterviewRoundRecord> find_round(soci::session& sql, std::int64_t institution_id,
                                                       std::int64_t case_id, std::int64_t round_id);

/// Adds a slot with the members present; returns its id.
std::int64_t add_slot(soci::session& sql, std::int64_t institution_id,
                      const domain::InterviewSlotRecord& slot, core::UnixTime now);
/// The round's slots by start time, each with its members and booking.
std::vector<domain::InterviewSlotRecord> slots(soci::session& sql, std::int64_t institution_id,
                                               std::int64_t round_id);
std::optional<domain::InterviewSlotRecord> find_slot(soci::session& sql, std::int64_t institution_id,
                                                     std::int64_t round_id, std::int64_t slot_id);

/// Invites an application of the round's case to the round; false when it was invited already.
bool invite(soci::session& sql, std::int64_t institution_id, std::int64_t round_id,
            std::int64_t application_id, std::int64_t user_id, core::UnixTime now);
bool is_invited(soci::session& sql, std::int64_t institution_id, std::int64_t round_id,
                std::int64_t application_id);
/// The applications invited to the round, in the order they were invited.
std::vector<std::int64_t> invitations(soci::session& sql, std::int64_t institution_id, std::int64_t round_id);
/// The rounds an application is invited to, oldest first.
std::vector<domain::InterviewRoundRecord>
rounds_of_application(soci::session& sql, std::int64_t institution_id, std::int64_t application_id);

/// Books the slot for the application. The database decides between bookings made at the same
/// instant (one booking per slot, one per application and round): nullopt when the slot is taken or
/// the application holds a slot of the round already, and nothing is stored. On PostgreSQL a
/// concurrent booking of the same slot waits for the other transaction to end.
std::optional<std::int64_t> book(soci::session& sql, std::int64_t institution_id, std::int64_t round_id,
                                 std::int64_t slot_id, std::int64_t application_id,
                                 domain::BookedBy booked_by, core::UnixTime now);
/// The slot the application holds in the round.
std::optional<domain::InterviewSlotRecord> booked_slot(soci::session& sql, std::int64_t institution_id,
                                                       std::int64_t round_id, std::int64_t application_id);
/// Removes the application's booking in the round; false when it had none.
bool cancel(soci::session& sql, std::int64_t institution_id, std::int64_t round_id,
            std::int64_t application_id);

} // namespace rekrut::store::interviews
