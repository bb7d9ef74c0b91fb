#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/interview/interview.hpp"
#include "domain/recruitment_case/case_records.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
} // namespace rekrut::store

namespace rekrut::services {

/// An applicant as the interview pages show them to the reader: by name where the reader may see who
/// the applicant is (not to a member with a conflict of interest, nor in an anonymised round), otherwise
/// by the application's reference.
struct InterviewApplicant {
    std::int64_t application_id = 0;
    std::string label;
    bool named = false;
    bool invited = false;
    bool booked = false;
    bool final_status = false;
};

/// A slot of the schedule with its place, the members present and who holds it.
struct ScheduledSlot {
    domain::InterviewSlotRecord slot;
    /// The slot's place, or the round's default.
    std::string place;
    std::vector<std::string> member_names;
    std::optional<InterviewApplicant> applicant;
};

/// The case's interview rounds.
struct InterviewOverview {
    domain::CaseRecord case_record;
    std::vector<domain::InterviewRoundRecord> rounds;
    bool can_manage = false;
};

/// One round's schedule; the case's applicants and committee only for those who manage the round.
struct RoundSchedule {
    domain::CaseRecord case_record;
    domain::InterviewRoundRecord round;
    std::vector<ScheduledSlot> slots;
    bool can_manage = false;
    std::vector<InterviewApplicant> applicants;
    std::vector<domain::CommitteeMemberRecord> committee;
};

/// One round an applicant is invited to, as their personal link shows it.
struct OwnInvitation {
    domain::InterviewRoundRecord round;
    std::optional<ScheduledSlot> booking;
    /// The applicant may still book, rebook or cancel (the cut-off of their slot has not passed).
    bool can_change = true;
    /// The free slots whose cut-off has not passed.
    std::vector<ScheduledSlot> free_slots;
};

/// The applicant's invitations behind a personal link.
struct OwnInterviews {
    std::string case_title;
    std::vector<OwnInvitation> invitations;
};

/// A new set of slots for a round, as typed on the round page.
struct SlotRequest {
    domain::SlotPlan plan;
    std::string place;
    std::vector<std::int64_t> member_ids;
};

/// Interview rounds with time slots. Those who lead the case (domain Action::manage_interviews) make
/// rounds and slots, invite applicants and give, move and cancel bookings; the committee reads the
/// schedule (view_interview_schedule). Applicants invited to a round book, rebook and cancel a slot
/// through their personal link until the round's cut-off before the slot. The database decides
/// between bookings made at the same instant; the loser is told the time was just taken. Every change
/// is audited with ids only.
class Interviews {
public:
    /// `sender` is the address mails come from ("Rekrut <noreply@example.test>"), the organiser of
    /// the calendar files.
    Interviews(store::Database& database, std::string sender);

    core::Result<InterviewOverview> overview(const domain::Actor& actor, std::int64_t institution_id,
                                             std::int64_t case_id);
    /// Makes a round; returns its id.
    core::Result<std::int64_t> create_round(const domain::Actor& actor, std::int64_t institution_id,
                                            std::int64_t case_id, const domain::RoundForm& form,
                                            const Origin& origin);
    core::Result<RoundSchedule> schedule(const domain::Actor& actor, std::int64_t institution_id,
                                         std::int64_t case_id, std::int64_t round_id);
    /// Adds the planned slots (none when any would overlap a slot of the round); returns how many.
    core::Result<int> add_slots(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                                std::int64_t round_id, const SlotRequest& request, const Origin& origin);
    /// Invites applications of the case to the round; returns how many were not invited before.
    core::Result<int> invite(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                             std::int64_t round_id, const std::vector<std::int64_t>& application_ids,
                             const Origin& origin);
    /// Gives the application the slot (inviting it to the round when it was not), moving any booking
    /// it holds in the round. A conflict when the slot is taken.
    core::Status assign(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                        std::int64_t round_id, std::int64_t application_id, std::int64_t slot_id,
                        const Origin& origin);
    /// Cancels the application's booking in the round.
    core::Status cancel_booking(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                                std::int64_t round_id, std::int64_t application_id, const Origin& origin);

    /// The applicant's invitations behind the personal link; not found for an unknown or expired link.
    core::Result<OwnInterviews> own_interviews(const std::string& token);
    /// Books (or rebooks to) a free slot of a round the applicant is invited to, until the cut-off.
    core::Status book_own(const std::string& token, std::int64_t round_id, std::int64_t slot_id,
                          const Origin& origin);
    /// Cancels the applicant's booking in the round, until the cut-off.
    core::Status cancel_own(const std::string& token, std::int64_t round_id, const Origin& origin);
    /// The applicant's booked interview as an iCalendar file.
    core::Result<std::string> own_calendar(const std::string& token, std::int64_t round_id);

private:
    store::Database& m_database;
    std::string m_sender;
};

} // namespace rekrut::services
