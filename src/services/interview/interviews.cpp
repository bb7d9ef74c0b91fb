#include "services/interview/interviews.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "domain/access/policy.hpp"
#include "domain/application/application_records.hpp"
#include "integrations/calendar.hpp"
#include "services/applications/application_support.hpp"
#include "services/assessment/committee_facts.hpp"
#include "store/application_store.hpp"
#include "store/assessment_store.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/institution_store.hpp"
#include "store/interview_store.hpp"
#include "store/ranking_store.hpp"

namespace rekrut::services {

using core::msgid;
using domain::Action;

namespace {

/// The reader's standing on the case: the case and whether they manage its interviews.
struct Standing {
    domain::CaseRecord case_record;
    domain::Resource resource;
    bool can_manage = false;
};

core::Result<Standing> standing(store::Session& session, const domain::Actor& actor,
                                std::int64_t institution_id, std::int64_t case_id, bool to_manage)
{
    // A case of another institution, or one the reader has nothing to do with, is not found.
    if (!domain::can(actor, Action::view_case, {institution_id, case_id, {}, false, {}}))
        return core::Error::not_found();
    auto record = store::cases::find(session, institution_id, case_id);
    if (!record)
        return core::Error::not_found();
    auto resource = committee_resource(session, actor, institution_id, case_id);
    const bool can_manage = domain::can(actor, Action::manage_interviews, resource);
    if (to_manage && !can_manage)
        return core::Error{
            core::ErrorKind::forbidden,
            msgid("Only the case's Projektleder and the administration manage its interviews."),
            {}};
    if (!can_manage && !domain::can(actor, Action::view_interview_schedule, resource)) {
        if (resource.declarations_pending)
            return core::Error{
                core::ErrorKind::forbidden,
                msgid("Declare on every application of the case, a conflict of interest or none, "
                      "before you see the interview schedule."),
                {}};
        return core::Error::forbidden();
    }
    return Standing{*record, resource, can_manage};
}

/// The case's applicants as the reader may see them.
std::unordered_map<std::int64_t, InterviewApplicant> visible_applicants(store::Session& session,
                                                                        const domain::Actor& actor,
                                                                        std::int64_t institution_id,
                                                                        const Standing& standing)
{
    const auto case_id = standing.case_record.id;
    const bool anonymous = store::assessment::methods(session, institution_id, case_id).anonymous;
    const auto conflicts =
        is_member(actor, institution_id, case_id)
            ? store::assessment::conflicts_of(session, institution_id, case_id, actor.user_id)
            : std::set<std::int64_t>{};
    std::unordered_map<std::int64_t, InterviewApplicant> found;
    for (const auto& application : store::rankings::applications(session, institution_id, case_id)) {
        auto resource = standing.resource;
        resource.conflict_of_interest = conflicts.contains(application.id);
        resource.anonymous_round =
            anonymous && !store::assessment::anonymity_lifted(session, institution_id, application.id);
        InterviewApplicant applicant;
        applicant.application_id = application.id;
        applicant.named = domain::can(actor, Action::see_applicant_identity, resource);
        applicant.final_status = application.withdrawn;
        if (applicant.named) {
            applicant.label = application.full_name;
        } else {
            domain::ApplicationRecord record;
            record.id = application.id;
            record.received_at = application.received_at;
            applicant.label = domain::application_reference(record);
        }
        found.emplace(application.id, std::move(applicant));
    }
    return found;
}

ScheduledSlot scheduled(const domain::InterviewSlotRecord& slot, const domain::InterviewRoundRecord& round,
                        const std::vector<domain::CommitteeMemberRecord>& committee)
{
    ScheduledSlot shown{slot, slot.place.empty() ? round.default_place : slot.place, {}, std::nullopt};
    for (auto member : slot.member_ids) {
        auto found = std::find_if(committee.begin(), committee.end(),
                                  [&](const auto& record) { return record.user_id == member; });
        if (found != committee.end())
            shown.member_names.push_back(found->name);
    }
    return shown;
}

core::Error slot_taken()
{
    return core::Error::conflict(msgid("That time was just taken, pick another."));
}

core::Error past_cutoff()
{
    return core::Error::conflict(
        msgid("The time can no longer be booked, changed or cancelled here. Contact the employer if you need "
              "to change it."));
}

void audit_staff(store::Transaction& transaction, const Origin& origin, std::int64_t institution_id,
                 const std::string& action, const std::string& object_type, std::int64_t object_id,
                 std::initializer_list<std::pair<std::string, std::string>> after)
{
    record_audit(transaction, origin,
                 {institution_id, action, object_type, std::to_string(object_id), "{}", json_object(after)});
}

/// The round behind the link that the application is invited to.
std::optional<domain::InterviewRoundRecord>
own_round(store::Session& session, const domain::ApplicationRecord& application, std::int64_t round_id)
{
    for (auto& round :
         store::interviews::rounds_of_application(session, application.institution_id, application.id))
        if (round.id == round_id && round.case_id == application.case_id)
            return round;
    return std::nullopt;
}

Origin applicant_origin(const Origin& origin)
{
    return Origin{std::nullopt, "Applicant", origin.request_id, origin.ip};
}

} // namespace

Interviews::Interviews(store::Database& database, std::string sender)
    : m_database(database), m_sender(std::move(sender))
{
}

core::Result<InterviewOverview> Interviews::overview(const domain::Actor& actor, std::int64_t institution_id,
                                                     std::int64_t case_id)
{
    return m_database.read([&](store::Session& session) -> core::Result<InterviewOverview> {
        auto reader = standing(session, actor, institution_id, case_id, false);
        if (!reader)
            return reader.error();
        return InterviewOverview{reader->case_record,
                                 store::interviews::rounds(session, institution_id, case_id),
                                 reader->can_manage};
    });
}

core::Result<std::int64_t> Interviews::create_round(const domain::Actor& actor, std::int64_t institution_id,
                                                    std::int64_t case_id, const domain::RoundForm& form,
                                                    const Origin& origin)
{
    auto fields = domain::check_round(form);
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<std::int64_t> {
        auto reader = standing(transaction, actor, institution_id, case_id, true);
        if (!reader)
            return reader.error();
        if (!fields)
            return fields.error();
        domain::InterviewRoundRecord round{0,
                                           institution_id,
                                           case_id,
                                           fields->name,
                                           fields->default_place,
                                           fields->cutoff_hours,
                                           actor.user_id,
                                           core::now()};
        auto id = store::interviews::create_round(transaction, round);
        audit_staff(
            transaction, origin, institution_id, "interview.round_created", "interview_round", id,
            {{"case_id", std::to_string(case_id)}, {"cutoff_hours", std::to_string(fields->cutoff_hours)}});
        return id;
    });
}

core::Result<RoundSchedule> Interviews::schedule(const domain::Actor& actor, std::int64_t institution_id,
                                                 std::int64_t case_id, std::int64_t round_id)
{
    return m_database.read([&](store::Session& session) -> core::Result<RoundSchedule> {
        auto reader = standing(session, actor, institution_id, case_id, false);
        if (!reader)
            return reader.error();
        auto round = store::interviews::find_round(session, institution_id, case_id, round_id);
        if (!round)
            return core::Error::not_found();
        RoundSchedule schedule{reader->case_record, *round, {}, reader->can_manage, {}, {}};
        const auto committee = store::cases::committee(session, institution_id, case_id);
        auto applicants = visible_applicants(session, actor, institution_id, *reader);
        for (const auto& slot : store::interviews::slots(session, institution_id, round_id)) {
            auto shown = scheduled(slot, *round, committee);
            if (slot.booking) {
                auto found = applicants.find(slot.booking->application_id);
                if (found != applicants.end())
                    shown.applicant = found->second;
                applicants[slot.booking->application_id].booked = true;
            }
            schedule.slots.push_back(std::move(shown));
        }
        if (reader->can_manage) {
            for (auto id : store::interviews::invitations(session, institution_id, round_id))
                if (auto found = applicants.find(id); found != applicants.end())
                    found->second.invited = true;
            for (const auto& application : store::rankings::applications(session, institution_id, case_id))
                if (auto found = applicants.find(application.id); found != applicants.end())
                    schedule.applicants.push_back(found->second);
            schedule.committee = committee;
        }
        return schedule;
    });
}

core::Result<int> Interviews::add_slots(const domain::Actor& actor, std::int64_t institution_id,
                                        std::int64_t case_id, std::int64_t round_id,
                                        const SlotRequest& request, const Origin& origin)
{
    auto starts = domain::plan_slots(request.plan);
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<int> {
        auto reader = standing(transaction, actor, institution_id, case_id, true);
        if (!reader)
            return reader.error();
        auto round = store::interviews::find_round(transaction, institution_id, case_id, round_id);
        if (!round)
            return core::Error::not_found();
        if (!starts)
            return starts.error();
        const auto failed = msgid("The slots cannot be added. Correct the marked fields.");
        if (request.place.size() > domain::k_max_place)
            return core::Error::invalid(failed,
                                        {{"place", msgid("The place can be at most 500 characters long.")}});
        const auto committee = store::cases::committee(transaction, institution_id, case_id);
        std::set<std::int64_t> members;
        for (auto member : request.member_ids) {
            if (std::none_of(committee.begin(), committee.end(),
                             [&](const auto& record) { return record.user_id == member; }))
                return core::Error::invalid(
                    failed, {{"member_id", msgid("Choose the members among the case's committee.")}});
            members.insert(member);
        }
        const auto minutes = *domain::slot_minutes(request.plan.minutes);
        const auto existing = store::interviews::slots(transaction, institution_id, round_id);
        if (domain::first_overlap(*starts, minutes, existing))
            return core::Error::invalid(
                failed, {{"start_time", msgid("The new slots overlap slots the round has already.")}});
        const auto now = core::now();
        for (auto start : *starts) {
            domain::InterviewSlotRecord slot;
            slot.round_id = round_id;
            slot.starts_at = start;
            slot.minutes = minutes;
            slot.place = request.place;
            slot.member_ids.assign(members.begin(), members.end());
            store::interviews::add_slot(transaction, institution_id, slot, now);
        }
        audit_staff(transaction, origin, institution_id, "interview.slots_added", "interview_round", round_id,
                    {{"case_id", std::to_string(case_id)},
                     {"slots", std::to_string(starts->size())},
                     {"first_start", core::format_iso_utc(starts->front())},
                     {"minutes", std::to_string(minutes)}});
        return static_cast<int>(starts->size());
    });
}

core::Result<int> Interviews::invite(const domain::Actor& actor, std::int64_t institution_id,
                                     std::int64_t case_id, std::int64_t round_id,
                                     const std::vector<std::int64_t>& application_ids, const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<int> {
        auto reader = standing(transaction, actor, institution_id, case_id, true);
        if (!reader)
            return reader.error();
        if (!store::interviews::find_round(transaction, institution_id, case_id, round_id))
            return core::Error::not_found();
        if (application_ids.empty())
            return core::Error::invalid(msgid("Nobody was invited."),
                                        {{"application_id", msgid("Choose the applicants to invite.")}});
        int invited = 0;
        for (auto id : application_ids) {
            auto application = store::applications::find(transaction, institution_id, id);
            if (!application || application->case_id != case_id)
                return core::Error::not_found();
            if (domain::is_final(application->status))
                return core::Error::conflict(
                    msgid("A withdrawn, rejected or hired applicant cannot be invited."));
            if (store::interviews::invite(transaction, institution_id, round_id, id, actor.user_id,
                                          core::now())) {
                ++invited;
                audit_staff(transaction, origin, institution_id, "interview.invited", "application", id,
                            {{"case_id", std::to_string(case_id)}, {"round_id", std::to_string(round_id)}});
            }
        }
        return invited;
    });
}

core::Status Interviews::assign(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                                std::int64_t round_id, std::int64_t application_id, std::int64_t slot_id,
                                const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto reader = standing(transaction, actor, institution_id, case_id, true);
        if (!reader)
            return reader.error();
        if (!store::interviews::find_round(transaction, institution_id, case_id, round_id))
            return core::Error::not_found();
        auto application = store::applications::find(transaction, institution_id, application_id);
        if (!application || application->case_id != case_id)
            return core::Error::not_found();
        if (domain::is_final(application->status))
            return core::Error::conflict(
                msgid("A withdrawn, rejected or hired applicant cannot be invited."));
        auto slot = store::interviews::find_slot(transaction, institution_id, round_id, slot_id);
        if (!slot)
            return core::Error::not_found();
        if (slot->booking && slot->booking->application_id == application_id)
            return core::success();
        if (slot->booking)
            return slot_taken();
        const auto now = core::now();
        store::interviews::invite(transaction, institution_id, round_id, application_id, actor.user_id, now);
        auto before = store::interviews::booked_slot(transaction, institution_id, round_id, application_id);
        if (before)
            store::interviews::cancel(transaction, institution_id, round_id, application_id);
        if (!store::interviews::book(transaction, institution_id, round_id, slot_id, application_id,
                                     domain::BookedBy::staff, now))
            return slot_taken();
        record_audit(transaction, origin,
                     {institution_id, before ? "interview.booking_moved" : "interview.booked", "application",
                      std::to_string(application_id),
                      before ? json_object({{"slot_id", std::to_string(before->id)}}) : "{}",
                      json_object({{"case_id", std::to_string(case_id)},
                                   {"round_id", std::to_string(round_id)},
                                   {"slot_id", std::to_string(slot_id)},
                                   {"booked_by", "staff"}})});
        return core::success();
    });
}

core::Status Interviews::cancel_booking(const domain::Actor& actor, std::int64_t institution_id,
                                        std::int64_t case_id, std::int64_t round_id,
                                        std::int64_t application_id, const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto reader = standing(transaction, actor, institution_id, case_id, true);
        if (!reader)
            return reader.error();
        if (!store::interviews::find_round(transaction, institution_id, case_id, round_id))
            return core::Error::not_found();
        auto before = store::interviews::booked_slot(transaction, institution_id, round_id, application_id);
        if (!before || !store::interviews::cancel(transaction, institution_id, round_id, application_id))
            return core::Error::not_found();
        record_audit(transaction, origin,
                     {institution_id, "interview.booking_cancelled", "application",
                      std::to_string(application_id), json_object({{"slot_id", std::to_string(before->id)}}),
                      json_object({{"case_id", std::to_string(case_id)},
                                   {"round_id", std::to_string(round_id)},
                                   {"cancelled_by", "staff"}})});
        return core::success();
    });
}

core::Result<OwnInterviews> Interviews::own_interviews(const std::string& token)
{
    return m_database.read([&](store::Session& session) -> core::Result<OwnInterviews> {
        auto application = applications::application_by_link(session, token);
        if (!application)
            return core::Error::not_found();
        auto record = store::cases::find(session, application->institution_id, application->case_id);
        if (!record)
            return core::Error::not_found();
        OwnInterviews own{record->title, {}};
        if (domain::is_final(application->status))
            return own;
        const auto now = core::now();
        for (const auto& round : store::interviews::rounds_of_application(
                 session, application->institution_id, application->id)) {
            if (round.case_id != application->case_id)
                continue;
            OwnInvitation invitation{round, std::nullopt, true, {}};
            // Applicants see where and when, never who else comes or which committee members attend.
            for (const auto& slot :
                 store::interviews::slots(session, application->institution_id, round.id)) {
                auto shown = scheduled(slot, round, {});
                if (slot.booking && slot.booking->application_id == application->id) {
                    invitation.booking = shown;
                    invitation.can_change = domain::before_cutoff(slot.starts_at, round.cutoff_hours, now);
                } else if (!slot.booking && domain::before_cutoff(slot.starts_at, round.cutoff_hours, now)) {
                    invitation.free_slots.push_back(std::move(shown));
                }
            }
            own.invitations.push_back(std::move(invitation));
        }
        return own;
    });
}

core::Status Interviews::book_own(const std::string& token, std::int64_t round_id, std::int64_t slot_id,
                                  const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto application = applications::application_by_link(transaction, token);
        if (!application)
            return core::Error::not_found();
        if (domain::is_final(application->status))
            return core::Error::conflict(
                msgid("The application is closed; an interview can no longer be booked."));
        const auto institution_id = application->institution_id;
        auto round = own_round(transaction, *application, round_id);
        if (!round)
            return core::Error::not_found();
        auto slot = store::interviews::find_slot(transaction, institution_id, round_id, slot_id);
        if (!slot)
            return core::Error::not_found();
        if (slot->booking && slot->booking->application_id == application->id)
            return core::success();
        const auto now = core::now();
        if (!domain::before_cutoff(slot->starts_at, round->cutoff_hours, now))
            return past_cutoff();
        if (slot->booking)
            return slot_taken();
        auto before = store::interviews::booked_slot(transaction, institution_id, round_id, application->id);
        if (before) {
            if (!domain::before_cutoff(before->starts_at, round->cutoff_hours, now))
                return past_cutoff();
            store::interviews::cancel(transaction, institution_id, round_id, application->id);
        }
        // The database decides between applicants booking this slot at the same instant; the one who
        // comes second gets nothing stored, and the rollback keeps any booking they held before.
        if (!store::interviews::book(transaction, institution_id, round_id, slot_id, application->id,
                                     domain::BookedBy::applicant, now))
            return slot_taken();
        record_audit(transaction, applicant_origin(origin),
                     {institution_id, before ? "interview.booking_moved" : "interview.booked", "application",
                      std::to_string(application->id),
                      before ? json_object({{"slot_id", std::to_string(before->id)}}) : "{}",
                      json_object({{"case_id", std::to_string(application->case_id)},
                                   {"round_id", std::to_string(round_id)},
                                   {"slot_id", std::to_string(slot_id)},
                                   {"booked_by", "applicant"}})});
        return core::success();
    });
}

core::Status Interviews::cancel_own(const std::string& token, std::int64_t round_id, const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto application = applications::application_by_link(transaction, token);
        if (!application)
            return core::Error::not_found();
        auto round = own_round(transaction, *application, round_id);
        if (!round)
            return core::Error::not_found();
        const auto institution_id = application->institution_id;
        auto before = store::interviews::booked_slot(transaction, institution_id, round_id, application->id);
        if (!before)
            return core::Error::not_found();
        if (!domain::before_cutoff(before->starts_at, round->cutoff_hours, core::now()))
            return past_cutoff();
        store::interviews::cancel(transaction, institution_id, round_id, application->id);
        record_audit(transaction, applicant_origin(origin),
                     {institution_id, "interview.booking_cancelled", "application",
                      std::to_string(application->id), json_object({{"slot_id", std::to_string(before->id)}}),
                      json_object({{"case_id", std::to_string(application->case_id)},
                                   {"round_id", std::to_string(round_id)},
                                   {"cancelled_by", "applicant"}})});
        return core::success();
    });
}

core::Result<std::string> Interviews::own_calendar(const std::string& token, std::int64_t round_id)
{
    auto found = m_database.read([&](store::Session& session) -> core::Result<integrations::CalendarEvent> {
        auto application = applications::application_by_link(session, token);
        if (!application)
            return core::Error::not_found();
        auto round = own_round(session, *application, round_id);
        if (!round)
            return core::Error::not_found();
        auto slot =
            store::interviews::booked_slot(session, application->institution_id, round_id, application->id);
        if (!slot)
            return core::Error::not_found();
        auto record = store::cases::find(session, application->institution_id, application->case_id);
        if (!record)
            return core::Error::not_found();
        std::string institution_name;
        if (auto institution = store::InstitutionStore::find_in(session, application->institution_id))
            institution_name = institution->name;
        integrations::CalendarEvent event;
        // Stable per round and application, so that a rebooked time replaces the old one in a calendar.
        event.uid =
            "interview-round-" + std::to_string(round_id) + "-" + std::to_string(application->id) + "@rekrut";
        event.start = slot->starts_at;
        event.duration_minutes = slot->minutes;
        event.summary = (application->language == "en" ? "Interview: " : "Samtale: ") + record->title;
        event.location = slot->place.empty() ? round->default_place : slot->place;
        event.description = institution_name;
        event.organizer_name = institution_name;
        event.attendee_name = application->full_name;
        event.attendee_email = application->email;
        // The booking's time is the sequence, so each rebooking is newer than the last.
        event.sequence = static_cast<int>(slot->booking ? slot->booking->booked_at % 1000000000 : 0);
        return event;
    });
    if (!found)
        return found.error();
    auto event = *found;
    const auto open = m_sender.find('<');
    const auto close = m_sender.rfind('>');
    event.organizer_email = open != std::string::npos && close != std::string::npos && close > open
                                ? m_sender.substr(open + 1, close - open - 1)
                                : m_sender;
    return integrations::make_invitation(event);
}

} // namespace rekrut::services
