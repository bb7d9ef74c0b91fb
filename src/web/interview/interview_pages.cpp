#include "web/interview/interview_pages.hpp"

#include <ctemplate/template.h>

#include "core/display_format.hpp"
#include "services/interview/interviews.hpp"
#include "web/app_context.hpp"
#include "web/forms.hpp"
#include "web/page_kit.hpp"

namespace rekrut::web {

using core::msgid;

namespace {

std::string rounds_path(std::int64_t case_id)
{
    return "/cases/" + std::to_string(case_id) + "/interviews";
}

std::string round_path(std::int64_t case_id, std::int64_t round_id)
{
    return rounds_path(case_id) + "/" + std::to_string(round_id);
}

std::string own_interviews_path(const Request& request)
{
    return "/application/" + request.param("token") + "/interviews";
}

/// "10. december 2026 kl. 09.00–09.45" in the page's language.
std::string slot_time(const domain::InterviewSlotRecord& slot, const std::string& language)
{
    // The end is the time of day that ends the end's own date and time ("kl. 09.45", ", 09:45"), so
    // both ends read alike in either language.
    const auto end = core::format_date_time(slot.ends_at(), language);
    return core::format_date_time(slot.starts_at, language) + "–" + end.substr(end.rfind(' ') + 1);
}

void fill_slot(Dictionary& row, const services::ScheduledSlot& slot, const std::string& language)
{
    row.SetIntValue("SLOT_ID", slot.slot.id);
    row.SetValue("TIME", slot_time(slot.slot, language));
    row.SetIntValue("MINUTES", slot.slot.minutes);
    row.SetValue("PLACE", slot.place);
    std::string members;
    for (const auto& name : slot.member_names)
        members += (members.empty() ? "" : ", ") + name;
    row.SetValue("MEMBERS", members);
}

Response rounds_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto overview = context.interviews.overview(request.actor(), institution_of(request), case_id);
    if (!overview)
        return error_response(context, request, overview.error());
    return page(
        context, request, "interview/rounds", tr(context, request, msgid("Interviews")),
        [&](Dictionary& dictionary) {
            dictionary.SetIntValue("CASE_ID", case_id);
            dictionary.SetValue("CASE_TITLE", overview->case_record.title);
            dictionary.ShowSection(overview->rounds.empty() ? "NO_ROUNDS" : "HAS_ROUNDS");
            for (const auto& round : overview->rounds) {
                auto* row = dictionary.AddSectionDictionary("ROUND");
                row->SetValue("HREF", round_path(case_id, round.id));
                row->SetValue("NAME", round.name);
                row->SetValue("PLACE", round.default_place);
                row->SetIntValue("CUTOFF_HOURS", round.cutoff_hours);
            }
            if (overview->can_manage) {
                dictionary.ShowSection("CAN_MANAGE");
                keep_value(dictionary, "name", request.form_or("name"));
                keep_value(dictionary, "default_place", request.form_or("default_place"));
                keep_value(dictionary, "cutoff_hours", request.form_or("cutoff_hours", "24"));
            }
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        form_status(error));
}

Response round_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto schedule = context.interviews.schedule(request.actor(), institution_of(request), case_id,
                                                parse_id(request.param("round_id")));
    if (!schedule)
        return error_response(context, request, schedule.error());
    const auto& round = schedule->round;
    return page(
        context, request, "interview/round", round.name,
        [&](Dictionary& dictionary) {
            dictionary.SetIntValue("CASE_ID", case_id);
            dictionary.SetValue("CASE_TITLE", schedule->case_record.title);
            dictionary.SetValue("ROUNDS_PATH", rounds_path(case_id));
            dictionary.SetValue("ACTION", round_path(case_id, round.id));
            dictionary.SetValue("NAME", round.name);
            dictionary.SetValue("DEFAULT_PLACE", round.default_place);
            dictionary.SetIntValue("CUTOFF_HOURS", round.cutoff_hours);
            dictionary.ShowSection(schedule->slots.empty() ? "NO_SLOTS" : "HAS_SLOTS");
            for (const auto& slot : schedule->slots) {
                auto* row = dictionary.AddSectionDictionary("SLOT");
                fill_slot(*row, slot, request.language);
                if (slot.applicant) {
                    auto* booked = row->AddSectionDictionary("BOOKED");
                    booked->SetValue("APPLICANT", slot.applicant->label);
                    booked->SetIntValue("APPLICATION_ID", slot.applicant->application_id);
                    if (slot.slot.booking && slot.slot.booking->booked_by == domain::BookedBy::staff)
                        booked->ShowSection("BY_STAFF");
                    if (schedule->can_manage)
                        booked->ShowSection("CAN_MANAGE");
                } else {
                    row->ShowSection("FREE");
                }
            }
            if (!schedule->can_manage)
                return;
            dictionary.ShowSection("CAN_MANAGE");
            for (const auto& member : schedule->committee) {
                auto* item = dictionary.AddSectionDictionary("MEMBER");
                item->SetIntValue("USER_ID", member.user_id);
                item->SetValue("NAME", member.name);
            }
            std::string mail_href = "/cases/" + std::to_string(case_id) + "/mail?kind=interview_booking";
            bool any_invited = false;
            for (const auto& applicant : schedule->applicants) {
                if (applicant.final_status)
                    continue;
                auto* item = dictionary.AddSectionDictionary("APPLICANT");
                item->SetIntValue("APPLICATION_ID", applicant.application_id);
                item->SetValue("LABEL", applicant.label);
                if (applicant.invited) {
                    item->ShowSection("INVITED");
                    mail_href += "&application_id=" + std::to_string(applicant.application_id);
                    any_invited = true;
                }
                if (applicant.booked)
                    item->ShowSection("BOOKED");
                auto* option = dictionary.AddSectionDictionary("ASSIGN_APPLICANT");
                option->SetIntValue("APPLICATION_ID", applicant.application_id);
                option->SetValue("LABEL", applicant.label);
            }
            for (const auto& slot : schedule->slots) {
                auto* option = dictionary.AddSectionDictionary("ASSIGN_SLOT");
                option->SetIntValue("SLOT_ID", slot.slot.id);
                option->SetValue("TIME", slot_time(slot.slot, request.language));
                if (slot.applicant)
                    option->ShowSection("TAKEN");
            }
            if (any_invited)
                dictionary.SetValueAndShowSection("MAIL_HREF", mail_href, "HAS_INVITED");
            keep_value(dictionary, "date", request.form_or("date"));
            keep_value(dictionary, "start_time", request.form_or("start_time", "09:00"));
            keep_value(dictionary, "count", request.form_or("count", "6"));
            keep_value(dictionary, "minutes", request.form_or("minutes", "45"));
            keep_value(dictionary, "pause_minutes", request.form_or("pause_minutes", "0"));
            keep_value(dictionary, "place", request.form_or("place"));
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
            if (request.query_value("added"))
                show_notice(dictionary, context, request, msgid("The slots have been added."));
            if (request.query_value("invited"))
                show_notice(
                    dictionary, context, request,
                    msgid("The applicants are invited and can book a time through their personal link."));
            if (request.query_value("assigned"))
                show_notice(dictionary, context, request, msgid("The applicant has been given the time."));
            if (request.query_value("cancelled"))
                show_notice(dictionary, context, request, msgid("The booking has been cancelled."));
        },
        form_status(error));
}

/// After a change on the round page: back to it with the notice, or the page again with the refusal.
Response after_round_change(AppContext& context, Request& request, const core::Status& result,
                            const std::string& notice)
{
    const auto case_id = parse_id(request.param("case_id"));
    if (result)
        return Response::redirect(round_path(case_id, parse_id(request.param("round_id"))) + "?" + notice +
                                  "=1");
    if (result.error().kind == core::ErrorKind::invalid || result.error().kind == core::ErrorKind::conflict)
        return round_page(context, request, result.error());
    return error_response(context, request, result.error());
}

std::vector<std::int64_t> chosen_ids(const Request& request, const std::string& field)
{
    std::vector<std::int64_t> ids;
    for (const auto& [name, value] : request.form)
        if (name == field)
            if (auto id = parse_id(value); id > 0)
                ids.push_back(id);
    return ids;
}

Response own_interviews_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto own = context.interviews.own_interviews(request.param("token"));
    if (!own)
        return error_response(context, request, own.error());
    auto response = page(
        context, request, "interview/own", tr(context, request, msgid("Your interview")),
        [&](Dictionary& dictionary) {
            dictionary.SetValue("SELF_PATH", "/application/" + request.param("token"));
            dictionary.SetValue("POSITION_TITLE", own->case_title);
            dictionary.ShowSection(own->invitations.empty() ? "NO_INVITATIONS" : "HAS_INVITATIONS");
            for (const auto& invitation : own->invitations) {
                auto* round = dictionary.AddSectionDictionary("INVITATION");
                const auto path = own_interviews_path(request) + "/" + std::to_string(invitation.round.id);
                round->SetValue("NAME", invitation.round.name);
                round->SetValue("PATH", path);
                round->SetIntValue("ROUND_ID", invitation.round.id);
                round->SetIntValue("CUTOFF_HOURS", invitation.round.cutoff_hours);
                if (invitation.booking) {
                    auto* booked = round->AddSectionDictionary("BOOKED");
                    fill_slot(*booked, *invitation.booking, request.language);
                    booked->SetValue("PATH", path);
                    booked->SetValue("CALENDAR_HREF", path + "/calendar.ics");
                    if (invitation.can_change)
                        booked->ShowSection("CAN_CHANGE");
                    else
                        booked->ShowSection("PAST_CUTOFF");
                } else {
                    round->ShowSection("NOT_BOOKED");
                }
                if (!invitation.can_change)
                    continue;
                round->ShowSection(invitation.free_slots.empty() ? "NO_FREE_SLOTS" : "HAS_FREE_SLOTS");
                for (const auto& slot : invitation.free_slots) {
                    auto* row = round->AddSectionDictionary("FREE_SLOT");
                    fill_slot(*row, slot, request.language);
                }
            }
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
            if (request.query_value("booked"))
                show_notice(dictionary, context, request, msgid("Your interview time is booked."));
            if (request.query_value("cancelled"))
                show_notice(dictionary, context, request, msgid("Your interview time is cancelled."));
        },
        form_status(error));
    response.set_header("Cache-Control", "no-store");
    response.set_header("Referrer-Policy", "no-referrer");
    return response;
}

Response after_own_change(AppContext& context, Request& request, const core::Status& result,
                          const std::string& notice)
{
    if (result)
        return Response::redirect(own_interviews_path(request) + "?" + notice + "=1");
    if (result.error().kind == core::ErrorKind::invalid || result.error().kind == core::ErrorKind::conflict)
        return own_interviews_page(context, request, result.error());
    return error_response(context, request, result.error());
}

} // namespace

Response show_interview_rounds(AppContext& context, Request& request)
{
    return rounds_page(context, request, std::nullopt);
}

Response submit_interview_round(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    domain::RoundForm form{request.form_or("name"), request.form_or("default_place"),
                           request.form_or("cutoff_hours", "24")};
    auto created = context.interviews.create_round(request.actor(), institution_of(request), case_id, form,
                                                   request.origin());
    if (created)
        return Response::redirect(round_path(case_id, *created));
    if (created.error().kind == core::ErrorKind::invalid)
        return rounds_page(context, request, created.error());
    return error_response(context, request, created.error());
}

Response show_interview_round(AppContext& context, Request& request)
{
    return round_page(context, request, std::nullopt);
}

Response submit_interview_slots(AppContext& context, Request& request)
{
    services::SlotRequest slots;
    slots.plan = {request.form_or("date"), request.form_or("start_time"), request.form_or("count"),
                  request.form_or("minutes"), request.form_or("pause_minutes", "0")};
    slots.place = request.form_or("place");
    slots.member_ids = chosen_ids(request, "member_id");
    auto added = context.interviews.add_slots(request.actor(), institution_of(request),
                                              parse_id(request.param("case_id")),
                                              parse_id(request.param("round_id")), slots, request.origin());
    return after_round_change(context, request, added ? core::success() : core::Status(added.error()),
                              "added");
}

Response submit_interview_invitations(AppContext& context, Request& request)
{
    auto invited = context.interviews.invite(
        request.actor(), institution_of(request), parse_id(request.param("case_id")),
        parse_id(request.param("round_id")), chosen_ids(request, "application_id"), request.origin());
    return after_round_change(context, request, invited ? core::success() : core::Status(invited.error()),
                              "invited");
}

Response submit_interview_assignment(AppContext& context, Request& request)
{
    auto result = context.interviews.assign(
        request.actor(), institution_of(request), parse_id(request.param("case_id")),
        parse_id(request.param("round_id")), parse_id(request.form_or("application_id")),
        parse_id(request.form_or("slot_id")), request.origin());
    return after_round_change(context, request, result, "assigned");
}

Response submit_interview_cancellation(AppContext& context, Request& request)
{
    auto result = context.interviews.cancel_booking(
        request.actor(), institution_of(request), parse_id(request.param("case_id")),
        parse_id(request.param("round_id")), parse_id(request.form_or("application_id")), request.origin());
    return after_round_change(context, request, result, "cancelled");
}

Response show_own_interviews(AppContext& context, Request& request)
{
    return own_interviews_page(context, request, std::nullopt);
}

Response submit_own_booking(AppContext& context, Request& request)
{
    auto result = context.interviews.book_own(request.param("token"), parse_id(request.param("round_id")),
                                              parse_id(request.form_or("slot_id")), request.origin());
    return after_own_change(context, request, result, "booked");
}

Response submit_own_booking_cancellation(AppContext& context, Request& request)
{
    auto result = context.interviews.cancel_own(request.param("token"), parse_id(request.param("round_id")),
                                                request.origin());
    return after_own_change(context, request, result, "cancelled");
}

Response download_own_interview_calendar(AppContext& context, Request& request)
{
    auto calendar =
        context.interviews.own_calendar(request.param("token"), parse_id(request.param("round_id")));
    if (!calendar)
        return error_response(context, request, calendar.error());
    auto response = Response::text(*calendar);
    response.content_type = "text/calendar; charset=utf-8";
    response.set_header("Content-Disposition", "attachment; filename=\"interview.ics\"");
    response.set_header("Cache-Control", "no-store");
    response.set_header("Referrer-Policy", "no-referrer");
    return response;
}

} // namespace rekrut::web
