#include "web/cases/case_pages.hpp"

#include <algorithm>
#include <ctemplate/template.h>
#include <set>

#include "core/display_format.hpp"
#include "domain/access/policy.hpp"
#include "domain/access/role_rules.hpp"
#include "services/open_positions.hpp"
#include "services/recruitment_case/case_lifecycle.hpp"
#include "services/recruitment_case/committee.hpp"
#include "services/recruitment_case/recruitment_cases.hpp"
#include "services/recruitment_case/screening_questions.hpp"
#include "web/app_context.hpp"
#include "web/applications/application_pages.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_page.hpp"
#include "web/cases/case_record.hpp"
#include "web/forms.hpp"
#include "web/page_kit.hpp"
#include "web/question_form.hpp"

namespace rekrut::web {
namespace {

using core::msgid;
using domain::Action;
using domain::CaseTransition;

/// Where a field named by a refused step on the case page is put right: the committee on the page
/// itself, the ad text in the ad editor, the other fields in the case form (or, once the case can
/// no longer be edited, the case facts on the page).
std::string case_field_link(const domain::CaseRecord& record, std::string field)
{
    std::string language = "da";
    if (field.starts_with("en_")) {
        language = "en";
        field = field.substr(3);
    }
    static const std::set<std::string> on_this_page = {
        "committee", "user_id", "role", "external_name", "external_email", "external_role", "template_id"};
    if (on_this_page.count(field))
        return "#" + field;
    std::string base = "/cases/" + std::to_string(record.id);
    if (!domain::is_editable(record.state))
        return "#case-facts";
    if (field == "body")
        return base + "/ad?language=" + language + "#body";
    if (field == "contact_name")
        field = "contact_name_1";
    return base + "/edit#" + field;
}

/// What the case page shows and what the actor may do there.
struct CasePageView {
    AppContext& context;
    const Request& request;
    const services::CaseOverview& overview;
    bool can_edit;   ///< may change the case (in a state that allows it)
    bool can_manage; ///< may change the committee
    std::vector<domain::UserRecord> candidates;
    std::vector<domain::QuestionTemplateRecord> question_templates;

    [[nodiscard]] std::string tr(const std::string& message) const
    {
        return web::tr(context, request, message);
    }
};

void fill_ad_state(Dictionary& dictionary, const CasePageView& view)
{
    const auto& record = view.overview.record;
    bool can_correct = record.state == domain::CaseState::published &&
                       domain::can(view.request.actor(), Action::edit_case,
                                   {record.institution_id, record.id, {}, false, {}});
    for (const auto& language : {std::string("da"), std::string("en")})
        if (record.ad_languages.find(language) != std::string::npos) {
            auto* ad = dictionary.AddSectionDictionary("AD_LANGUAGE");
            ad->SetValue("LANGUAGE", language);
            ad->SetValue("LANGUAGE_NAME", view.tr(language_label(language)));
            if (view.can_edit)
                ad->ShowSection("CAN_EDIT");
            if (can_correct)
                ad->ShowSection("CAN_CORRECT");
        }
    if (can_correct)
        dictionary.ShowSection("CAN_CORRECT_CASE");
    if (view.overview.ad_problems.empty()) {
        dictionary.ShowSection("AD_COMPLETE");
        return;
    }
    auto* problems = dictionary.AddSectionDictionary("AD_PROBLEMS");
    for (const auto& problem : view.overview.ad_problems)
        problems->AddSectionDictionary("AD_PROBLEM")->SetValue("MESSAGE", view.tr(problem.message));
}

std::string jobnet_status_text(const CasePageView& view, const std::string& status)
{
    static const std::vector<std::pair<std::string, std::string>> texts{
        {"waiting", msgid("Waiting to be sent")},
        {"sent", msgid("Sent")},
        {"failing", msgid("Not delivered: Rekrut tries again")},
        {"refused", msgid("Refused by Jobnet")},
        {"Processed", msgid("Received by Jobnet, awaiting review (Processed)")},
        {"Publication", msgid("Published on Jobnet (Publication)")},
        {"NotApproved", msgid("Not approved by Jobnet (NotApproved)")},
        {"PublicationEnd", msgid("Publication ended (PublicationEnd)")},
        {"Closed", msgid("Closed on Jobnet (Closed)")},
        {"Deleted", msgid("Deleted from Jobnet")},
    };
    for (const auto& [known, text] : texts)
        if (known == status)
            return view.tr(text);
    return status;
}

/// Where the ad stands at Jobnet, once the case was published with the transfer on.
void fill_jobnet(Dictionary& dictionary, const CasePageView& view)
{
    if (!view.overview.jobnet)
        return;
    const auto& jobnet = *view.overview.jobnet;
    const std::string& language = view.request.language;
    auto* section = dictionary.AddSectionDictionary("JOBNET");
    section->SetValue("STATUS", jobnet.status);
    section->SetValue("STATUS_TEXT", jobnet_status_text(view, jobnet.status));
    if (!jobnet.reason.empty())
        section->SetValueAndShowSection("REASON", jobnet.reason, "HAS_REASON");
    if (!jobnet.last_error.empty())
        section->SetValueAndShowSection("ERROR", view.tr(jobnet.last_error), "HAS_ERROR");
    if (jobnet.next_attempt_at && jobnet.status == "failing")
        section->SetValueAndShowSection("NEXT", core::format_date_time(*jobnet.next_attempt_at, language),
                                        "HAS_NEXT");
    if (!jobnet.jobnet_id.empty())
        section->SetValueAndShowSection("JOBNET_ID", jobnet.jobnet_id, "HAS_JOBNET_ID");
    section->SetValue("LANGUAGE", view.tr(language_label(jobnet.language)));
    if (jobnet.sent_at) {
        section->SetValueAndShowSection("SENT", core::format_date_time(*jobnet.sent_at, language),
                                        "HAS_SENT");
        section->SetValue("OPERATION", jobnet.last_operation);
    }
    if (jobnet.status == "NotApproved" || jobnet.status == "refused")
        section->ShowSection("NEEDS_CORRECTION");
}

void fill_committee(Dictionary& dictionary, const CasePageView& view)
{
    const auto& actor = view.request.actor();
    for (const auto& member : view.overview.committee) {
        auto* row = dictionary.AddSectionDictionary("MEMBER");
        row->SetValue("USER_ID", std::to_string(member.user_id));
        row->SetValue("NAME", member.name);
        row->SetValue("EMAIL", member.email);
        row->SetValue("ROLE", view.tr(role_label(member.role)));
        row->SetValue("ROLE_VALUE", std::string(domain::to_string(member.role)));
        if (member.external)
            row->ShowSection("EXTERNAL");
        if (view.can_manage && member.user_id != actor.user_id) {
            row->ShowSection("CAN_REMOVE");
            add_confirm_modal(
                dictionary, view.context, view.request,
                remove_member_confirmation(view.context, view.request, view.overview.record, member));
        }
    }
    dictionary.ShowSection(view.overview.committee.empty() ? "NO_MEMBERS" : "HAS_MEMBERS");
    if (!view.can_manage)
        return;
    auto* add = dictionary.AddSectionDictionary("CAN_MANAGE");
    for (const auto& user : view.candidates) {
        if (user.id == actor.user_id)
            continue;
        auto* option = add->AddSectionDictionary("CANDIDATE");
        option->SetValue("VALUE", std::to_string(user.id));
        option->SetValue("LABEL", user.name + " (" + user.email + ")");
    }
    for (auto role : {domain::CaseRole::projektleder, domain::CaseRole::projektdeltager,
                      domain::CaseRole::ansaettende_leder}) {
        auto* option = add->AddSectionDictionary("ROLE_OPTION");
        option->SetValue("VALUE", std::string(domain::to_string(role)));
        option->SetValue("LABEL", view.tr(role_label(role)));
        if (domain::external_member_may_hold(role)) {
            auto* external = add->AddSectionDictionary("EXTERNAL_ROLE_OPTION");
            external->SetValue("VALUE", std::string(domain::to_string(role)));
            external->SetValue("LABEL", view.tr(role_label(role)));
        }
    }
}

void fill_questions(Dictionary& dictionary, const CasePageView& view)
{
    // A case that can no longer be changed and has no questions shows no empty section.
    if (view.overview.questions.empty() && !view.can_edit)
        return;
    dictionary.ShowSection("HAS_QUESTIONS_SECTION");
    dictionary.ShowSection(view.overview.questions.empty() ? "NO_QUESTIONS" : "HAS_QUESTIONS");
    for (const auto& question : view.overview.questions) {
        auto* row = dictionary.AddSectionDictionary("QUESTION");
        row->SetValue("QUESTION_ID", std::to_string(question.id));
        row->SetValue("TEXT", question.text);
        row->SetValue("KIND", view.tr(answer_kind_label(question.kind)));
        std::string knockouts;
        for (const auto& option : domain::question_options(question.options))
            if (option.disqualifies)
                knockouts += (knockouts.empty() ? "" : ", ") + option.text;
        if (!knockouts.empty())
            row->SetValueAndShowSection("KNOCKOUTS", knockouts, "HAS_KNOCKOUT");
        if (view.can_edit)
            row->ShowSection("CAN_REMOVE");
    }
    if (!view.can_edit || view.question_templates.empty())
        return;
    auto* add = dictionary.AddSectionDictionary("CAN_ADD_QUESTION");
    for (const auto& question : view.question_templates) {
        auto* option = add->AddSectionDictionary("QUESTION_OPTION");
        option->SetValue("VALUE", std::to_string(question.id));
        option->SetValue("LABEL", question.text);
    }
}

/// The notice after a change, chosen by the query string from a fixed list (never echoed).
void show_saved_notice(Dictionary& dictionary, const AppContext& context, const Request& request)
{
    static constexpr std::pair<const char*, const char*> k_notices[] = {
        {"1", msgid("Your changes have been saved.")},
        {"member", msgid("The member has been added to the hiring committee.")},
        {"invited", msgid("The invitation has been sent.")},
        {"mark_ready", msgid("The case is marked as ready for publication.")},
        {"reopen_draft", msgid("The case is back in draft.")},
        {"publish", msgid("The case has been published. The ad is on the public site.")},
        {"close_applications", msgid("The case has been closed for applications.")},
        {"start_assessment", msgid("The assessment has started.")},
        {"propose_decision", msgid("The case has moved to decision.")},
        {"mark_filled", msgid("The case is marked as filled.")},
    };
    if (request.query_value("cancelled")) {
        show_notice(dictionary, context, request, msgid("The case has been cancelled."));
        return;
    }
    if (request.query_value("removed")) {
        show_notice(dictionary, context, request,
                    msgid("The member has been removed from the hiring committee."));
        return;
    }
    auto saved = request.query_value("saved");
    for (const auto& [key, message] : k_notices)
        if (saved == key) {
            show_notice(dictionary, context, request, message);
            return;
        }
}

/// A form refused on the case page is shown open again, with what was entered.
void open_failed_form(Dictionary& dictionary, const Request& request)
{
    const std::string& path = request.path;
    if (path.ends_with("/committee"))
        dictionary.ShowSection("OPEN_ADD");
    else if (path.ends_with("/committee/external")) {
        dictionary.ShowSection("OPEN_EXTERNAL");
        keep_value(dictionary, "external_name", request.form_or("external_name"));
        keep_value(dictionary, "external_email", request.form_or("external_email"));
    } else if (path.ends_with("/questions"))
        dictionary.ShowSection("OPEN_QUESTION");
}

Response case_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto case_id = parse_id(request.param("case_id"));
    auto institution = institution_of(request);
    auto overview = context.cases.overview(request.actor(), institution, case_id);
    if (!overview)
        return error_response(context, request, overview.error());
    const auto& actor = request.actor();
    const auto& record = overview->record;
    domain::Resource resource{institution, case_id, {}, false, {}};
    bool may_edit = domain::can(actor, Action::edit_case, resource);
    CasePageView view{context,
                      request,
                      *overview,
                      may_edit && domain::is_editable(record.state),
                      domain::can(actor, Action::manage_committee, resource),
                      {},
                      {}};
    if (view.can_manage)
        view.candidates = context.committee.candidates(actor, institution, case_id);
    if (view.can_edit)
        view.question_templates = context.questions.templates(actor, institution);
    auto field_link = [&](const std::string& field) { return case_field_link(record, field); };
    return page(
        context, request, "cases/show", record.title,
        [&](Dictionary& dictionary) {
            dictionary.SetValue("CASE_ID", std::to_string(record.id));
            dictionary.SetValue("STATE", view.tr(state_label(record.state)));
            dictionary.SetValue("CASES_LABEL", view.tr(services::sees_all_cases(actor) ? msgid("All cases")
                                                                                       : msgid("My cases")));
            fill_case_lifecycle(dictionary, context, request, record);
            fill_next_steps(dictionary, context, request, *overview, may_edit, field_link);
            fill_case_summary(dictionary, context, request, *overview, view.can_edit);
            if (domain::can(actor, Action::create_case, resource))
                dictionary.ShowSection("CAN_COPY");
            // The case's history in the audit trail, for those who read the trail.
            if (domain::can(actor, Action::view_audit, {institution, {}, {}, false, {}}))
                dictionary.SetValueAndShowSection("HISTORY_LINK",
                                                  "/audit?object_type=recruitment_case&object_id=" +
                                                      std::to_string(case_id),
                                                  "CAN_SEE_HISTORY");
            fill_case_applications(dictionary, context, request, record);
            fill_ad_state(dictionary, view);
            fill_jobnet(dictionary, view);
            fill_committee(dictionary, view);
            fill_questions(dictionary, view);
            show_saved_notice(dictionary, context, request);
            if (error) {
                show_form_errors(dictionary, *error, context.translator, request, field_link);
                open_failed_form(dictionary, request);
            }
        },
        form_status(error));
}

} // namespace

Response after_change(AppContext& context, Request& request, const core::Status& result,
                      const std::string& anchor, const std::string& notice)
{
    if (result)
        return Response::redirect("/cases/" + request.param("case_id") + "?saved=" + notice + anchor);
    if (result.error().kind == core::ErrorKind::invalid || result.error().kind == core::ErrorKind::conflict)
        return case_page(context, request, result.error());
    return error_response(context, request, result.error());
}

Response show_case(AppContext& context, Request& request)
{
    return case_page(context, request, std::nullopt);
}

Response submit_case_transition(AppContext& context, Request& request)
{
    auto transition = domain::case_transition_from_string(request.form_or("transition"));
    if (!transition)
        return after_change(
            context, request,
            core::Error::invalid(msgid("This step is not possible in the case's current state.")), "");
    auto case_id = parse_id(request.param("case_id"));
    auto result = context.lifecycle.transition(request.actor(), institution_of(request), case_id, *transition,
                                               request.origin(), request.form_or("reason"));
    if (result)
        context.open_positions.refresh(); // this instance shows the change at once; others within a second
    if (*transition != CaseTransition::cancel)
        return after_change(context, request, result, "", std::string(domain::to_string(*transition)));
    if (result)
        return Response::redirect("/cases/" + std::to_string(case_id) + "?cancelled=1");
    bool reason_refused = result.error().kind == core::ErrorKind::invalid && !result.error().fields.empty() &&
                          result.error().fields.front().field == "reason";
    if (!reason_refused)
        return after_change(context, request, result, "");
    auto overview = context.cases.overview(request.actor(), institution_of(request), case_id);
    if (!overview)
        return error_response(context, request, overview.error());
    return confirmation_page(context, request, cancel_confirmation(context, request, overview->record),
                             result.error());
}

Response show_cancel_confirmation(AppContext& context, Request& request)
{
    auto case_id = parse_id(request.param("case_id"));
    auto institution = institution_of(request);
    auto overview = context.cases.overview(request.actor(), institution, case_id);
    if (!overview)
        return error_response(context, request, overview.error());
    domain::Resource resource{institution, case_id, {}, false, {}};
    if (!domain::can(request.actor(), Action::edit_case, resource))
        return error_page(context, request, 403);
    const auto& transitions = overview->transitions;
    if (std::find(transitions.begin(), transitions.end(), CaseTransition::cancel) == transitions.end())
        return Response::redirect("/cases/" + std::to_string(case_id)); // filled or cancelled already
    return confirmation_page(context, request, cancel_confirmation(context, request, overview->record));
}

Response show_committee_remove_confirmation(AppContext& context, Request& request)
{
    auto case_id = parse_id(request.param("case_id"));
    auto institution = institution_of(request);
    auto overview = context.cases.overview(request.actor(), institution, case_id);
    if (!overview)
        return error_response(context, request, overview.error());
    domain::Resource resource{institution, case_id, {}, false, {}};
    if (!domain::can(request.actor(), Action::manage_committee, resource))
        return error_page(context, request, 403);
    auto user_id = parse_id(request.query_value("user_id").value_or(""));
    auto role = domain::case_role_from_string(request.query_value("role").value_or(""));
    for (const auto& member : overview->committee)
        if (role && member.user_id == user_id && member.role == *role)
            return confirmation_page(context, request,
                                     remove_member_confirmation(context, request, overview->record, member));
    return not_found(context, request);
}

} // namespace rekrut::web
