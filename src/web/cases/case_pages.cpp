#include "web/cases/case_pages.hpp"

#include <ctemplate/template.h>
#include <set>

#include "core/clock.hpp"
#include "domain/access/policy.hpp"
#include "domain/job_ad/text_diff.hpp"
#include "services/open_positions.hpp"
#include "services/recruitment_cases.hpp"
#include "web/app_context.hpp"
#include "web/error_pages.hpp"
#include "web/forms.hpp"
#include "web/i18n.hpp"
#include "web/question_form.hpp"
#include "web/views.hpp"

namespace rekrut::web {
namespace {

using Dictionary = ctemplate::TemplateDictionary;
using domain::Action;
using domain::CaseState;
using domain::CaseTransition;

const char* state_label(CaseState state)
{
    switch (state) {
    case CaseState::draft: return msgid("Draft");
    case CaseState::ready_for_publication: return msgid("Ready for publication");
    case CaseState::published: return msgid("Published");
    case CaseState::closed_for_applications: return msgid("Closed for applications");
    case CaseState::assessment: return msgid("Assessment");
    case CaseState::decision: return msgid("Decision");
    case CaseState::filled: return msgid("Filled");
    case CaseState::cancelled: return msgid("Cancelled");
    }
    return msgid("Draft");
}

const char* transition_label(CaseTransition transition)
{
    switch (transition) {
    case CaseTransition::mark_ready: return msgid("Mark as ready for publication");
    case CaseTransition::reopen_draft: return msgid("Back to draft");
    case CaseTransition::publish: return msgid("Publish");
    case CaseTransition::close_applications: return msgid("Close for applications");
    case CaseTransition::start_assessment: return msgid("Start assessment");
    case CaseTransition::propose_decision: return msgid("Move to decision");
    case CaseTransition::mark_filled: return msgid("Mark as filled");
    case CaseTransition::cancel: return msgid("Cancel the case");
    }
    return msgid("Publish");
}

const char* role_label(domain::CaseRole role)
{
    switch (role) {
    case domain::CaseRole::projektleder: return msgid("Projektleder");
    case domain::CaseRole::projektdeltager: return msgid("Projektdeltager");
    case domain::CaseRole::ansaettende_leder: return msgid("Ansættende leder");
    }
    return msgid("Projektdeltager");
}

std::string tr(const AppContext& context, const Request& request, const std::string& message)
{
    return context.translator.translate(request.language, message);
}

std::int64_t institution_of(const Request& request)
{
    return request.actor().data_institution().value_or(0);
}

Response page(AppContext& context, const Request& request, const std::string& name, const std::string& title,
              const std::function<void(Dictionary&)>& fill, unsigned status = 200)
{
    return Response::html(context.views.render_page(request, name, title, fill), status);
}

/// After a form's POST: 303 to `success`; the form again with the problems marked (400) when the input
/// was refused; otherwise the error page.
template <typename Form>
Response after_submit(AppContext& context, Request& request, const core::Status& result, Form form,
                      const std::string& success)
{
    if (result)
        return Response::redirect(success);
    if (result.error().kind == core::ErrorKind::invalid)
        return form(context, request, result.error());
    return error_response(context, request, result.error());
}

std::string deadline_text(const std::optional<core::UnixTime>& deadline)
{
    return deadline ? core::format_copenhagen(*deadline) : "";
}

std::string query_string(const Fields& query, const std::string& replace_key, const std::string& value)
{
    std::string out;
    auto append = [&out](const std::string& key, const std::string& text) {
        static const char digits[] = "0123456789ABCDEF";
        out += out.empty() ? "?" : "&";
        for (const auto* part : {&key, &text}) {
            for (unsigned char ch : *part) {
                if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.')
                    out += static_cast<char>(ch);
                else {
                    out += '%';
                    out += digits[ch >> 4];
                    out += digits[ch & 0xF];
                }
            }
            if (part == &key)
                out += '=';
        }
    };
    for (const auto& [key, text] : query)
        if (key != replace_key && key != "page")
            append(key, text);
    append(replace_key, value);
    return out;
}

std::string language_param(const Request& request)
{
    std::string language = request.query_value("language").value_or(request.form_or("language", "da"));
    return language == "en" ? "en" : "da";
}

} // namespace

Response show_case_list(AppContext& context, Request& request)
{
    const auto& actor = request.actor();
    if (!actor.data_institution())
        return error_page(context, request, 404);
    store::CaseListFilter filter;
    if (auto state = request.query_value("state"); state && !state->empty())
        filter.state = domain::case_state_from_string(*state);
    if (auto unit = request.query_value("unit"); unit && parse_id(*unit))
        filter.unit_id = parse_id(*unit);
    if (auto from = request.query_value("deadline_from"); from && !from->empty())
        filter.deadline_from = core::parse_copenhagen(*from, "00:00");
    if (auto to = request.query_value("deadline_to"); to && !to->empty())
        // Up to the end of that day in Danish time; a day is 23 or 25 hours when the clocks change.
        if (auto end = core::parse_copenhagen(*to, "23:59"))
            filter.deadline_to = *end + 60;
    filter.sort = request.query_value("sort").value_or("deadline");
    filter.descending = request.query_value("direction").value_or("") == "desc";
    const int per_page = 25;
    // Clamped before the int arithmetic below: ?page=100000000 overflowed (page - 1) * 25.
    int page_number = static_cast<int>(
        std::clamp<std::int64_t>(parse_id(request.query_value("page").value_or("1")), 1, 1000000));
    filter.limit = per_page;
    filter.offset = (page_number - 1) * per_page;
    auto list = context.cases.list(actor, filter);
    auto units = context.cases.units(institution_of(request));
    bool can_create = domain::can(actor, Action::create_case, {actor.data_institution(), {}, {}, false, {}});
    return page(
        context, request, "cases/list", tr(context, request, msgid("My cases")), [&](Dictionary& dictionary) {
            if (can_create)
                dictionary.ShowSection("CAN_CREATE");
            dictionary.SetValue("TOTAL", std::to_string(list.total));
            for (auto state : {CaseState::draft, CaseState::ready_for_publication, CaseState::published,
                               CaseState::closed_for_applications, CaseState::assessment, CaseState::decision,
                               CaseState::filled, CaseState::cancelled}) {
                auto* option = dictionary.AddSectionDictionary("STATE_OPTION");
                option->SetValue("VALUE", std::string(domain::to_string(state)));
                option->SetValue("LABEL", tr(context, request, state_label(state)));
                if (filter.state == state)
                    option->ShowSection("SELECTED");
            }
            for (const auto& unit : units) {
                auto* option = dictionary.AddSectionDictionary("UNIT_OPTION");
                option->SetValue("VALUE", std::to_string(unit.id));
                option->SetValue("LABEL", std::string(unit.depth * 2, ' ') + unit.name);
                if (filter.unit_id == unit.id)
                    option->ShowSection("SELECTED");
            }
            dictionary.SetValue("DEADLINE_FROM", request.query_value("deadline_from").value_or(""));
            dictionary.SetValue("DEADLINE_TO", request.query_value("deadline_to").value_or(""));
            for (const char* column : {"title", "state", "deadline", "created"}) {
                std::string key = std::string("SORT_") + (column[0] == 't'   ? "TITLE"
                                                          : column[0] == 's' ? "STATE"
                                                          : column[0] == 'd' ? "DEADLINE"
                                                                             : "CREATED");
                bool current = filter.sort == column;
                Fields query = request.query;
                std::erase_if(query, [](const auto& item) { return item.first == "direction"; });
                query.emplace_back("direction", current && !filter.descending ? "desc" : "asc");
                dictionary.SetValue(key, query_string(query, "sort", column));
                if (current)
                    dictionary.SetValue(key + "_ARIA", filter.descending ? "descending" : "ascending");
                else
                    dictionary.SetValue(key + "_ARIA", "none");
            }
            if (list.cases.empty())
                dictionary.ShowSection("EMPTY");
            else
                dictionary.ShowSection("HAS_CASES");
            for (const auto& record : list.cases) {
                auto* row = dictionary.AddSectionDictionary("CASE");
                row->SetValue("ID", std::to_string(record.id));
                row->SetValue("TITLE", record.title);
                row->SetValue("STATE", tr(context, request, state_label(record.state)));
                row->SetValue("UNIT", record.unit_name);
                row->SetValue("DEADLINE", deadline_text(record.application_deadline));
            }
            int pages = static_cast<int>((list.total + per_page - 1) / per_page);
            if (pages > 1) {
                auto* pager = dictionary.AddSectionDictionary("PAGER");
                pager->SetValue("PAGE", std::to_string(page_number));
                pager->SetValue("PAGES", std::to_string(pages));
                if (page_number > 1)
                    pager->SetValueAndShowSection(
                        "PREVIOUS_URL", query_string(request.query, "page", std::to_string(page_number - 1)),
                        "HAS_PREVIOUS");
                if (page_number < pages)
                    pager->SetValueAndShowSection(
                        "NEXT_URL", query_string(request.query, "page", std::to_string(page_number + 1)),
                        "HAS_NEXT");
            }
        });
}

namespace {

Response new_case_form(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto institution = institution_of(request);
    auto templates = context.cases.templates(institution);
    store::CaseListFilter everything;
    everything.limit = 200;
    auto existing = context.cases.list(request.actor(), everything);
    return page(
        context, request, "cases/new", tr(context, request, msgid("New recruitment case")),
        [&](Dictionary& dictionary) {
            keep_value(dictionary, "title", request.form_or("title"));
            for (const auto& ad_template : templates) {
                auto* option = dictionary.AddSectionDictionary("TEMPLATE");
                option->SetValue("VALUE", std::to_string(ad_template.id));
                option->SetValue("LABEL", ad_template.name + " (" + ad_template.language + ")");
            }
            for (const auto& record : existing.cases) {
                auto* option = dictionary.AddSectionDictionary("EXISTING");
                option->SetValue("VALUE", std::to_string(record.id));
                option->SetValue("LABEL", record.title);
            }
            if (!existing.cases.empty())
                dictionary.ShowSection("CAN_COPY");
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        error ? 400 : 200);
}

} // namespace

Response show_new_case(AppContext& context, Request& request)
{
    const auto& actor = request.actor();
    if (!domain::can(actor, Action::create_case, {actor.data_institution(), {}, {}, false, {}}))
        return error_page(context, request, 404);
    return new_case_form(context, request, std::nullopt);
}

Response submit_new_case(AppContext& context, Request& request)
{
    std::optional<std::int64_t> template_id;
    if (auto chosen = request.form_or("template_id"); !chosen.empty()) {
        template_id = parse_id(chosen);
        if (*template_id == 0)
            template_id = -1; // refused as "choose one of the templates"
    }
    auto created = context.cases.create(request.actor(), institution_of(request), template_id,
                                        request.form_or("title"), request.origin());
    if (!created) {
        if (created.error().kind == core::ErrorKind::invalid)
            return new_case_form(context, request, created.error());
        return error_response(context, request, created.error());
    }
    return Response::redirect("/cases/" + std::to_string(*created));
}

Response submit_copy_case(AppContext& context, Request& request)
{
    auto source =
        parse_id(request.param("case_id").empty() ? request.form_or("case_id") : request.param("case_id"));
    auto copied = context.cases.copy(request.actor(), institution_of(request), source, request.origin());
    if (!copied)
        return error_response(context, request, copied.error());
    return Response::redirect("/cases/" + std::to_string(*copied) + "/edit");
}

namespace {

/// Where a field named by a refused step on the case page is put right: the committee on the page
/// itself, the ad text in the ad editor, the other fields in the case form (or, once the case can
/// no longer be edited, the case facts on the page).
std::string case_field_link(const store::CaseRecord& record, std::string field)
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

Response case_page(AppContext& context, Request& request, const std::optional<core::Error>& error,
                   unsigned status = 200)
{
    auto case_id = parse_id(request.param("case_id"));
    auto institution = institution_of(request);
    auto overview = context.cases.overview(request.actor(), institution, case_id);
    if (!overview)
        return error_response(context, request, overview.error());
    const auto& actor = request.actor();
    domain::Resource resource{institution, case_id, {}, false, {}};
    bool can_edit = domain::can(actor, Action::edit_case, resource);
    bool can_manage = domain::can(actor, Action::manage_committee, resource);
    auto candidates =
        can_manage ? context.cases.candidates(actor, institution, case_id) : std::vector<store::UserRecord>{};
    auto questions = can_edit ? context.cases.question_templates(institution)
                              : std::vector<store::QuestionTemplateRecord>{};
    const auto& record = overview->record;
    return page(
        context, request, "cases/show", record.title,
        [&](Dictionary& dictionary) {
            dictionary.SetValue("CASE_ID", std::to_string(record.id));
            dictionary.SetValue("STATE", tr(context, request, state_label(record.state)));
            dictionary.SetValue("UNIT", record.unit_name);
            dictionary.SetValue("DEADLINE", deadline_text(record.application_deadline));
            dictionary.SetValue("PLACE", record.place_of_work);
            dictionary.SetValue("SALARY", record.salary_text);
            dictionary.SetValue("AGREEMENT", record.collective_agreement);
            dictionary.SetValue("POSITIONS", std::to_string(record.positions));
            std::string languages;
            for (const auto& [code, name] : {std::pair{"da", "Dansk"}, {"en", "English"}})
                if (record.ad_languages.find(code) != std::string::npos)
                    languages += (languages.empty() ? "" : ", ") + std::string(name);
            dictionary.SetValue("LANGUAGES", languages);
            if (!record.position_category.empty())
                dictionary.SetValueAndShowSection("CATEGORY", record.position_category, "HAS_CATEGORY");
            bool editable = domain::is_editable(record.state);
            if (can_edit && editable)
                dictionary.ShowSection("CAN_EDIT");
            if (domain::can(actor, Action::create_case, resource))
                dictionary.ShowSection("CAN_COPY");
            for (const auto& language : {std::string("da"), std::string("en")})
                if (record.ad_languages.find(language) != std::string::npos) {
                    auto* ad = dictionary.AddSectionDictionary("AD_LANGUAGE");
                    ad->SetValue("LANGUAGE", language);
                    ad->SetValue("LANGUAGE_NAME", language == "da" ? "Dansk" : "English");
                    if (can_edit && editable)
                        ad->ShowSection("CAN_EDIT");
                }
            if (overview->ad_problems.empty())
                dictionary.ShowSection("AD_COMPLETE");
            if (!overview->ad_problems.empty()) {
                auto* problems = dictionary.AddSectionDictionary("AD_PROBLEMS");
                for (const auto& problem : overview->ad_problems)
                    problems->AddSectionDictionary("AD_PROBLEM")
                        ->SetValue("MESSAGE", tr(context, request, problem.message));
            }
            if (can_edit)
                for (auto transition : overview->transitions) {
                    auto* button = dictionary.AddSectionDictionary("TRANSITION");
                    button->SetValue("VALUE", std::string(domain::to_string(transition)));
                    button->SetValue("LABEL", tr(context, request, transition_label(transition)));
                    if (transition == CaseTransition::cancel)
                        button->ShowSection("SECONDARY");
                    else
                        button->ShowSection("PRIMARY");
                }
            for (const auto& member : overview->committee) {
                auto* row = dictionary.AddSectionDictionary("MEMBER");
                row->SetValue("USER_ID", std::to_string(member.user_id));
                row->SetValue("NAME", member.name);
                row->SetValue("EMAIL", member.email);
                row->SetValue("ROLE", tr(context, request, role_label(member.role)));
                row->SetValue("ROLE_VALUE", std::string(domain::to_string(member.role)));
                if (member.external)
                    row->ShowSection("EXTERNAL");
                if (can_manage && member.user_id != actor.user_id)
                    row->ShowSection("CAN_REMOVE");
            }
            if (overview->committee.empty())
                dictionary.ShowSection("NO_MEMBERS");
            if (can_manage) {
                auto* add = dictionary.AddSectionDictionary("CAN_MANAGE");
                for (const auto& user : candidates) {
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
                    option->SetValue("LABEL", tr(context, request, role_label(role)));
                    if (role != domain::CaseRole::projektleder) {
                        auto* external = add->AddSectionDictionary("EXTERNAL_ROLE_OPTION");
                        external->SetValue("VALUE", std::string(domain::to_string(role)));
                        external->SetValue("LABEL", tr(context, request, role_label(role)));
                    }
                }
            }
            for (const auto& question : overview->questions) {
                auto* row = dictionary.AddSectionDictionary("QUESTION");
                row->SetValue("QUESTION_ID", std::to_string(question.id));
                row->SetValue("TEXT", question.text);
                row->SetValue("KIND", tr(context, request, answer_kind_label(question.kind)));
                std::string knockouts;
                for (const auto& option : domain::question_options(question.options))
                    if (option.disqualifies)
                        knockouts += (knockouts.empty() ? "" : ", ") + option.text;
                if (!knockouts.empty())
                    row->SetValueAndShowSection("KNOCKOUTS", knockouts, "HAS_KNOCKOUT");
                if (can_edit && editable)
                    row->ShowSection("CAN_REMOVE");
            }
            if (can_edit && editable && !questions.empty()) {
                auto* add = dictionary.AddSectionDictionary("CAN_ADD_QUESTION");
                for (const auto& question : questions) {
                    auto* option = add->AddSectionDictionary("QUESTION_OPTION");
                    option->SetValue("VALUE", std::to_string(question.id));
                    option->SetValue("LABEL", question.text);
                }
            }
            if (auto notice = request.query_value("saved"))
                dictionary.SetValueAndShowSection(
                    "NOTICE", tr(context, request, msgid("Your changes have been saved.")), "HAS_NOTICE");
            if (error)
                show_form_errors(dictionary, *error, context.translator, request,
                                 [&](const std::string& field) { return case_field_link(record, field); });
        },
        status);
}

Response after_change(AppContext& context, Request& request, const core::Status& result,
                      const std::string& anchor)
{
    if (result)
        return Response::redirect("/cases/" + request.param("case_id") + "?saved=1" + anchor);
    if (result.error().kind == core::ErrorKind::invalid || result.error().kind == core::ErrorKind::conflict)
        return case_page(context, request, result.error(),
                         result.error().kind == core::ErrorKind::conflict ? 409 : 400);
    return error_response(context, request, result.error());
}

} // namespace

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
    auto result = context.cases.transition(request.actor(), institution_of(request),
                                           parse_id(request.param("case_id")), *transition, request.origin());
    if (result)
        context.open_positions.refresh(); // this instance shows the change at once; others within a second
    return after_change(context, request, result, "");
}

Response submit_committee_add(AppContext& context, Request& request)
{
    auto role = domain::case_role_from_string(request.form_or("role"));
    if (!role)
        return after_change(
            context, request,
            core::Error::invalid(msgid("Check the marked fields."), {{"role", msgid("Choose a role.")}}), "");
    return after_change(
        context, request,
        context.cases.add_member(request.actor(), institution_of(request), parse_id(request.param("case_id")),
                                 parse_id(request.form_or("user_id")), *role, request.origin()),
        "#committee");
}

Response submit_committee_remove(AppContext& context, Request& request)
{
    auto role = domain::case_role_from_string(request.form_or("role"));
    if (!role)
        return error_page(context, request, 404);
    return after_change(context, request,
                        context.cases.remove_member(
                            request.actor(), institution_of(request), parse_id(request.param("case_id")),
                            parse_id(request.form_or("user_id")), *role, request.origin()),
                        "#committee");
}

Response submit_committee_external(AppContext& context, Request& request)
{
    auto role = domain::case_role_from_string(request.form_or("external_role"));
    if (!role)
        return after_change(context, request,
                            core::Error::invalid(msgid("Check the marked fields."),
                                                 {{"external_role", msgid("Choose a role.")}}),
                            "");
    auto language = request.language;
    auto translate = [&context, language](const std::string& message) {
        return context.translator.translate(language, message);
    };
    return after_change(
        context, request,
        context.cases.invite_external(request.actor(), institution_of(request),
                                      parse_id(request.param("case_id")), request.form_or("external_email"),
                                      request.form_or("external_name"), *role, request.origin(), translate),
        "#committee");
}

Response submit_question_add(AppContext& context, Request& request)
{
    return after_change(context, request,
                        context.cases.add_question(
                            request.actor(), institution_of(request), parse_id(request.param("case_id")),
                            parse_id(request.form_or("template_id")), request.origin()),
                        "#questions");
}

Response submit_question_remove(AppContext& context, Request& request)
{
    return after_change(context, request,
                        context.cases.remove_question(
                            request.actor(), institution_of(request), parse_id(request.param("case_id")),
                            parse_id(request.param("question_id")), request.origin()),
                        "#questions");
}

namespace {

Response question_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto case_id = parse_id(request.param("case_id"));
    auto question_id = parse_id(request.param("question_id"));
    auto stored = context.cases.question(request.actor(), institution_of(request), case_id, question_id);
    if (!stored)
        return error_response(context, request, stored.error());
    domain::ScreeningQuestion shown{stored->text, stored->kind, stored->options};
    if (request.method == "POST")
        shown = {request.form_or("text"), request.form_or("kind"), request.form_or("options")};
    return page(
        context, request, "cases/question", tr(context, request, msgid("Screening question")),
        [&](Dictionary& dictionary) {
            dictionary.SetValue("CASE_ID", std::to_string(case_id));
            dictionary.SetValue("TEXT", stored->text);
            auto& form = question_form(dictionary, request, shown,
                                       "/cases/" + std::to_string(case_id) + "/questions/" +
                                           std::to_string(question_id));
            if (error) {
                show_form_errors(dictionary, *error, context.translator, request);
                show_form_errors(form, *error, context.translator, request);
            }
        },
        error ? 400 : 200);
}

} // namespace

Response show_case_question(AppContext& context, Request& request)
{
    return question_page(context, request, std::nullopt);
}

Response submit_case_question(AppContext& context, Request& request)
{
    auto case_id = parse_id(request.param("case_id"));
    auto result = context.cases.update_question(
        request.actor(), institution_of(request), case_id, parse_id(request.param("question_id")),
        {request.form_or("text"), request.form_or("kind"), request.form_or("options")}, request.origin());
    return after_submit(context, request, result, question_page,
                        "/cases/" + std::to_string(case_id) + "?saved=1#questions");
}

namespace {

std::string date_part(const std::optional<core::UnixTime>& time)
{
    return time ? core::format_copenhagen_date(*time) : "";
}

std::string time_part(const std::optional<core::UnixTime>& time)
{
    return time ? core::format_copenhagen(*time).substr(11) : "";
}

Response edit_form(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto case_id = parse_id(request.param("case_id"));
    auto institution = institution_of(request);
    domain::Resource resource{institution, case_id, {}, false, {}};
    if (!domain::can(request.actor(), Action::edit_case, resource))
        return error_page(context, request,
                          domain::can(request.actor(), Action::view_case, resource) ? 403 : 404);
    auto overview = context.cases.overview(request.actor(), institution, case_id);
    if (!overview)
        return error_response(context, request, overview.error());
    auto units = context.cases.units(institution);
    auto agreements = context.cases.collective_agreements(institution);
    auto categories = context.cases.position_categories(institution);
    const auto& record = overview->record;
    bool posted = request.method == "POST";
    auto value = [&](const std::string& field, const std::string& stored) {
        return posted ? request.form_or(field) : stored;
    };
    return page(
        context, request, "cases/edit", record.title,
        [&](Dictionary& dictionary) {
            dictionary.SetValue("ID", std::to_string(record.id));
            keep_value(dictionary, "title", value("title", record.title));
            keep_value(dictionary, "place_of_work", value("place_of_work", record.place_of_work));
            keep_value(dictionary, "municipality_code", value("municipality_code", record.municipality_code));
            keep_value(dictionary, "occupation_code", value("occupation_code", record.occupation_code));
            keep_value(dictionary, "fixed_term_text", value("fixed_term_text", record.fixed_term_text));
            keep_value(dictionary, "salary_text", value("salary_text", record.salary_text));
            keep_value(dictionary, "collective_agreement",
                       value("collective_agreement", record.collective_agreement));
            keep_value(dictionary, "positions", value("positions", std::to_string(record.positions)));
            char hours[16];
            std::snprintf(hours, sizeof hours, "%g", record.weekly_hours);
            keep_value(dictionary, "weekly_hours", value("weekly_hours", record.full_time ? "" : hours));
            keep_value(dictionary, "deadline_date",
                       value("deadline_date", date_part(record.application_deadline)));
            keep_value(dictionary, "deadline_time",
                       value("deadline_time", time_part(record.application_deadline)));
            keep_value(dictionary, "expected_start_date",
                       value("expected_start_date", date_part(record.expected_start)));
            std::string form = value("employment_form", record.employment_form);
            std::string basis = value("employment_basis", record.employment_basis);
            std::string working = value("working_time", record.full_time ? "full_time" : "part_time");
            dictionary.ShowSection("FORM_" + std::string(form == "fixed_term" ? "FIXED_TERM"
                                                         : form == "aaremaal" ? "AAREMAAL"
                                                                              : "PERMANENT"));
            dictionary.ShowSection(basis == "civil_servant" ? "BASIS_CIVIL_SERVANT" : "BASIS_AGREEMENT");
            dictionary.ShowSection(working == "part_time" ? "PART_TIME" : "FULL_TIME");
            bool readvertisement =
                posted ? !request.form_or("readvertisement").empty() : record.readvertisement;
            if (readvertisement)
                dictionary.ShowSection("READVERTISEMENT");
            std::string languages = record.ad_languages;
            if (posted) {
                languages.clear();
                for (const auto& [key, text] : request.form)
                    if (key == "ad_languages")
                        languages += text + ",";
            }
            if (languages.find("da") != std::string::npos)
                dictionary.ShowSection("LANGUAGE_DA");
            if (languages.find("en") != std::string::npos)
                dictionary.ShowSection("LANGUAGE_EN");
            std::string unit = value("unit_id", record.unit_id ? std::to_string(*record.unit_id) : "");
            for (const auto& candidate : units) {
                auto* option = dictionary.AddSectionDictionary("UNIT_OPTION");
                option->SetValue("VALUE", std::to_string(candidate.id));
                option->SetValue("LABEL", std::string(candidate.depth * 2, ' ') + candidate.name);
                if (unit == std::to_string(candidate.id))
                    option->ShowSection("SELECTED");
            }
            for (const auto& agreement : agreements)
                dictionary.AddSectionDictionary("AGREEMENT_OPTION")->SetValue("NAME", agreement.name);
            std::string category = value("position_category", record.position_category);
            for (const auto& candidate : categories) {
                auto* option = dictionary.AddSectionDictionary("CATEGORY_OPTION");
                option->SetValue("NAME", candidate.name);
                if (candidate.name == category)
                    option->ShowSection("SELECTED");
            }
            for (std::size_t i = 0; i < 2; ++i) {
                auto* contact = dictionary.AddSectionDictionary("CONTACT");
                std::string n = std::to_string(i + 1);
                domain::ContactPerson stored =
                    i < overview->contacts.size() ? overview->contacts[i] : domain::ContactPerson{};
                contact->SetValue("N", n);
                contact->SetValue("NAME", value("contact_name_" + n, stored.name));
                contact->SetValue("CONTACT_TITLE", value("contact_title_" + n, stored.title));
                contact->SetValue("PHONE", value("contact_phone_" + n, stored.phone));
                contact->SetValue("EMAIL", value("contact_email_" + n, stored.email));
            }
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        error ? 400 : 200);
}

} // namespace

Response show_case_edit(AppContext& context, Request& request)
{
    return edit_form(context, request, std::nullopt);
}

Response submit_case_edit(AppContext& context, Request& request)
{
    services::CaseInput input;
    input.title = request.form_or("title");
    input.unit_id = request.form_or("unit_id");
    input.place_of_work = request.form_or("place_of_work");
    input.municipality_code = request.form_or("municipality_code");
    input.occupation_code = request.form_or("occupation_code");
    input.employment_form = request.form_or("employment_form");
    input.employment_basis = request.form_or("employment_basis");
    input.fixed_term_text = request.form_or("fixed_term_text");
    input.working_time = request.form_or("working_time");
    input.weekly_hours = request.form_or("weekly_hours");
    input.salary_text = request.form_or("salary_text");
    input.collective_agreement = request.form_or("collective_agreement");
    input.position_category = request.form_or("position_category");
    input.positions = request.form_or("positions", "1");
    input.deadline_date = request.form_or("deadline_date");
    input.deadline_time = request.form_or("deadline_time");
    input.expected_start_date = request.form_or("expected_start_date");
    input.readvertisement = !request.form_or("readvertisement").empty();
    for (const auto& [key, text] : request.form)
        if (key == "ad_languages")
            input.ad_languages.push_back(text);
    for (int i = 1; i <= 2; ++i) {
        std::string n = std::to_string(i);
        input.contacts.push_back({request.form_or("contact_name_" + n), request.form_or("contact_title_" + n),
                                  request.form_or("contact_phone_" + n),
                                  request.form_or("contact_email_" + n)});
    }
    auto result = context.cases.update(request.actor(), institution_of(request),
                                       parse_id(request.param("case_id")), input, request.origin());
    return after_submit(context, request, result, edit_form,
                        "/cases/" + request.param("case_id") + "?saved=1");
}

namespace {

bool has_value(const Request& request, const std::string& field, const std::string& value)
{
    return std::any_of(request.form.begin(), request.form.end(),
                       [&](const auto& entry) { return entry.first == field && entry.second == value; });
}

Response ad_form(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    std::string language = language_param(request);
    auto draft = context.cases.ad_draft(request.actor(), institution_of(request),
                                        parse_id(request.param("case_id")), language);
    if (!draft)
        return error_response(context, request, draft.error());
    bool posted = request.method == "POST";
    return page(
        context, request, "cases/ad", draft->record.title,
        [&](Dictionary& dictionary) {
            dictionary.SetValue("ID", std::to_string(draft->record.id));
            dictionary.SetValue("AD_LANGUAGE", language);
            dictionary.SetValue("AD_LANGUAGE_NAME", language == "da" ? "Dansk" : "English");
            dictionary.SetValue("VERSION", std::to_string(draft->version));
            keep_value(dictionary, "body", posted ? request.form_or("body") : draft->body_source);
            for (const auto& block : draft->blocks) {
                auto* row = dictionary.AddSectionDictionary("BLOCK");
                std::string id = std::to_string(block.text.id);
                row->SetValue("BLOCK_ID", id);
                row->SetValue("NAME", block.text.name);
                // A required text is part of the next version even if the institution made it required
                // after the saved one.
                if (block.text.required ||
                    (posted ? has_value(request, "mandatory_text", id) : block.included))
                    row->ShowSection("CHECKED");
                if (block.text.required)
                    row->ShowSection("REQUIRED");
                if (block.text.locked) {
                    // Sanitized through the allow-list; shown as HTML on purpose.
                    row->SetValueAndShowSection("BODY", block.text.body_html, "LOCKED");
                    continue;
                }
                auto* editable = row->AddSectionDictionary("EDITABLE");
                editable->SetValue("SOURCE", posted ? request.form_or("text_" + id) : block.body_source);
                if (error)
                    for (const auto& field : error->fields)
                        if (field.field == "text_" + id)
                            editable->SetValueAndShowSection(
                                "MESSAGE", context.translator.translate(request.language, field.message),
                                "ERROR_TEXT");
            }
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        error ? 400 : 200);
}

} // namespace

Response show_ad_editor(AppContext& context, Request& request)
{
    // As for the edit form: a committee member who may only look gets no editor they cannot save.
    domain::Resource resource{institution_of(request), parse_id(request.param("case_id")), {}, false, {}};
    if (!domain::can(request.actor(), Action::edit_case, resource))
        return error_page(context, request,
                          domain::can(request.actor(), Action::view_case, resource) ? 403 : 404);
    return ad_form(context, request, std::nullopt);
}

Response submit_ad(AppContext& context, Request& request)
{
    std::vector<std::int64_t> chosen;
    std::map<std::int64_t, std::string> adapted;
    for (const auto& [key, text] : request.form) {
        if (key == "mandatory_text")
            chosen.push_back(parse_id(text));
        else if (key.starts_with("text_"))
            adapted[parse_id(key.substr(5))] = text;
    }
    std::string language = language_param(request);
    auto result =
        context.cases.save_ad(request.actor(), institution_of(request), parse_id(request.param("case_id")),
                              language, request.form_or("body"), chosen, adapted, request.origin());
    return after_submit(context, request, result, ad_form,
                        "/cases/" + request.param("case_id") + "/ad/preview?language=" + language);
}

Response show_ad_versions(AppContext& context, Request& request)
{
    std::string language = language_param(request);
    auto case_id = parse_id(request.param("case_id"));
    auto versions = context.cases.ad_versions(request.actor(), institution_of(request), case_id, language);
    if (!versions)
        return error_response(context, request, versions.error());
    return page(context, request, "cases/versions", tr(context, request, msgid("Versions of the ad")),
                [&](Dictionary& dictionary) {
                    dictionary.SetValue("ID", std::to_string(case_id));
                    dictionary.SetValue("AD_LANGUAGE", language);
                    if (versions->empty())
                        dictionary.ShowSection("NO_VERSIONS");
                    for (const auto& version : *versions) {
                        auto* row = dictionary.AddSectionDictionary("VERSION");
                        row->SetValue("VERSION_ID", std::to_string(version.id));
                        row->SetValue("VERSION", std::to_string(version.version));
                        row->SetValue("BY", version.created_by_name);
                        row->SetValue("AT", core::format_copenhagen(version.created_at));
                    }
                });
}

namespace {

/// The ad text followed by its mandatory texts, each under its name, for the diff between versions.
std::string comparable_text(const store::AdVersionRecord& version)
{
    std::string text = version.body_source;
    for (const auto& block : version.texts)
        text += "\n\n[" + block.name + "]\n" + block.body_source;
    return text;
}

} // namespace

Response show_ad_diff(AppContext& context, Request& request)
{
    auto case_id = parse_id(request.param("case_id"));
    auto pair = context.cases.ad_version_pair(request.actor(), institution_of(request), case_id,
                                              parse_id(request.param("version_id")));
    if (!pair)
        return error_response(context, request, pair.error());
    const auto& [version, previous] = *pair;
    auto diff = domain::diff_lines(previous ? comparable_text(*previous) : "", comparable_text(version));
    return page(context, request, "cases/diff", tr(context, request, msgid("Changes in the ad")),
                [&](Dictionary& dictionary) {
                    dictionary.SetValue("ID", std::to_string(case_id));
                    dictionary.SetValue("AD_LANGUAGE", version.language);
                    dictionary.SetValue("VERSION", std::to_string(version.version));
                    dictionary.SetValue("PREVIOUS", previous ? std::to_string(previous->version) : "0");
                    for (const auto& line : diff) {
                        auto* row = dictionary.AddSectionDictionary("LINE");
                        row->SetValue("TEXT", line.text);
                        row->ShowSection(line.kind == domain::DiffKind::added     ? "ADDED"
                                         : line.kind == domain::DiffKind::removed ? "REMOVED"
                                                                                  : "SAME");
                    }
                });
}

namespace {

void fill_ad(const AppContext& context, const Request& request, Dictionary& dictionary,
             const services::RenderedAd& ad)
{
    dictionary.SetValue("AD_TITLE", ad.title);
    dictionary.SetValue("AD_LANG", ad.language);
    dictionary.SetValue("INSTITUTION", ad.institution_name);
    // Sanitized through the allow-list in domain/job_ad/rich_text.cpp; shown as HTML on purpose.
    dictionary.SetValue("AD_BODY", ad.body_html);
    for (const auto& block : ad.blocks_html)
        dictionary.AddSectionDictionary("AD_BLOCK")->SetValue("HTML", block);
    dictionary.SetValue("PLACE", ad.record.place_of_work);
    dictionary.SetValue("SALARY", ad.record.salary_text);
    dictionary.SetValue("AGREEMENT", ad.record.collective_agreement);
    dictionary.SetValue("DEADLINE", deadline_text(ad.record.application_deadline));
    if (ad.record.application_deadline)
        dictionary.SetValue("DEADLINE_ISO", core::format_iso_utc(*ad.record.application_deadline));
    if (!ad.record.full_time) {
        char hours[16];
        std::snprintf(hours, sizeof hours, "%g", ad.record.weekly_hours);
        dictionary.SetValueAndShowSection("HOURS", hours, "PART_TIME");
    }
    if (ad.record.employment_form != "permanent")
        dictionary.SetValueAndShowSection("FIXED_TERM", ad.record.fixed_term_text, "IS_FIXED_TERM");
    if (ad.record.readvertisement)
        dictionary.ShowSection("READVERTISEMENT");
    for (const auto& contact : ad.contacts) {
        auto* row = dictionary.AddSectionDictionary("AD_CONTACT");
        row->SetValue("NAME", contact.name);
        row->SetValue("CONTACT_TITLE", contact.title);
        row->SetValue("PHONE", contact.phone);
        row->SetValue("EMAIL", contact.email);
    }
    (void)context;
    (void)request;
}

} // namespace

Response show_ad_preview(AppContext& context, Request& request)
{
    auto case_id = parse_id(request.param("case_id"));
    auto ad =
        context.cases.render_ad(request.actor(), institution_of(request), case_id, language_param(request));
    if (!ad)
        return error_response(context, request, ad.error());
    return page(context, request, "cases/preview", ad->title, [&](Dictionary& dictionary) {
        dictionary.SetValue("ID", std::to_string(case_id));
        auto* include = dictionary.AddIncludeDictionary("AD");
        include->SetFilename(request.language + "/cases/_ad.tpl");
        fill_ad(context, request, *include, *ad);
    });
}

Response show_public_ad(AppContext& context, Request& request)
{
    auto case_id = parse_id(request.param("case_id"));
    auto ad = case_id ? context.cases.public_ad(case_id, request.language) : std::nullopt;
    if (!ad)
        return error_page(context, request, 404);
    return page(context, request, "public_site/position", ad->title, [&](Dictionary& dictionary) {
        auto* include = dictionary.AddIncludeDictionary("AD");
        include->SetFilename(request.language + "/cases/_ad.tpl");
        fill_ad(context, request, *include, *ad);
    });
}

} // namespace rekrut::web
