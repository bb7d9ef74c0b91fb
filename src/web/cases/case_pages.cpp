#include "web/cases/case_pages.hpp"

#include <ctemplate/template.h>
#include <set>

#include "domain/access/policy.hpp"
#include "domain/access/role_rules.hpp"
#include "services/open_positions.hpp"
#include "services/recruitment_case/case_lifecycle.hpp"
#include "services/recruitment_case/committee.hpp"
#include "services/recruitment_case/recruitment_cases.hpp"
#include "services/recruitment_case/screening_questions.hpp"
#include "web/app_context.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_page.hpp"
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

void fill_case_facts(Dictionary& dictionary, const CasePageView& view)
{
    const auto& record = view.overview.record;
    dictionary.SetValue("CASE_ID", std::to_string(record.id));
    dictionary.SetValue("STATE", view.tr(state_label(record.state)));
    dictionary.SetValue("UNIT", record.unit_name);
    dictionary.SetValue("DEADLINE", deadline_text(record.application_deadline));
    dictionary.SetValue("PLACE", record.place_of_work);
    dictionary.SetValue("SALARY", record.salary_text);
    dictionary.SetValue("AGREEMENT", record.collective_agreement);
    dictionary.SetValue("POSITIONS", std::to_string(record.positions));
    std::string languages;
    for (const char* code : {"da", "en"})
        if (record.ad_languages.find(code) != std::string::npos)
            languages += (languages.empty() ? "" : ", ") + view.tr(language_label(code));
    dictionary.SetValue("LANGUAGES", languages);
    if (!record.position_category.empty())
        dictionary.SetValueAndShowSection("CATEGORY", record.position_category, "HAS_CATEGORY");
    if (view.can_edit)
        dictionary.ShowSection("CAN_EDIT");
}

void fill_ad_state(Dictionary& dictionary, const CasePageView& view)
{
    const auto& record = view.overview.record;
    for (const auto& language : {std::string("da"), std::string("en")})
        if (record.ad_languages.find(language) != std::string::npos) {
            auto* ad = dictionary.AddSectionDictionary("AD_LANGUAGE");
            ad->SetValue("LANGUAGE", language);
            ad->SetValue("LANGUAGE_NAME", view.tr(language_label(language)));
            if (view.can_edit)
                ad->ShowSection("CAN_EDIT");
        }
    if (view.overview.ad_problems.empty()) {
        dictionary.ShowSection("AD_COMPLETE");
        return;
    }
    auto* problems = dictionary.AddSectionDictionary("AD_PROBLEMS");
    for (const auto& problem : view.overview.ad_problems)
        problems->AddSectionDictionary("AD_PROBLEM")->SetValue("MESSAGE", view.tr(problem.message));
}

void fill_transitions(Dictionary& dictionary, const CasePageView& view, bool may_transition)
{
    if (!may_transition)
        return;
    for (auto transition : view.overview.transitions) {
        auto* button = dictionary.AddSectionDictionary("TRANSITION");
        button->SetValue("VALUE", std::string(domain::to_string(transition)));
        button->SetValue("LABEL", view.tr(transition_label(transition)));
        button->ShowSection(transition == CaseTransition::cancel ? "SECONDARY" : "PRIMARY");
    }
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
        if (view.can_manage && member.user_id != actor.user_id)
            row->ShowSection("CAN_REMOVE");
    }
    if (view.overview.committee.empty())
        dictionary.ShowSection("NO_MEMBERS");
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
    return page(
        context, request, "cases/show", record.title,
        [&](Dictionary& dictionary) {
            fill_case_facts(dictionary, view);
            if (domain::can(actor, Action::create_case, resource))
                dictionary.ShowSection("CAN_COPY");
            fill_ad_state(dictionary, view);
            fill_transitions(dictionary, view, may_edit);
            fill_committee(dictionary, view);
            fill_questions(dictionary, view);
            if (request.query_value("saved"))
                show_notice(dictionary, context, request, msgid("Your changes have been saved."));
            if (error)
                show_form_errors(dictionary, *error, context.translator, request,
                                 [&](const std::string& field) { return case_field_link(record, field); });
        },
        form_status(error));
}

} // namespace

Response after_change(AppContext& context, Request& request, const core::Status& result,
                      const std::string& anchor)
{
    if (result)
        return Response::redirect("/cases/" + request.param("case_id") + "?saved=1" + anchor);
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
    auto result =
        context.lifecycle.transition(request.actor(), institution_of(request),
                                     parse_id(request.param("case_id")), *transition, request.origin());
    if (result)
        context.open_positions.refresh(); // this instance shows the change at once; others within a second
    return after_change(context, request, result, "");
}

} // namespace rekrut::web
