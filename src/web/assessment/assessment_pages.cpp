#include "web/assessment/assessment_pages.hpp"

#include <ctemplate/template.h>

#include "core/display_format.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "services/applications/applications.hpp"
#include "services/assessment/assessment.hpp"
#include "web/app_context.hpp"
#include "web/applications/application_labels.hpp"
#include "web/applications/application_pages.hpp"
#include "web/audit/audit_labels.hpp"
#include "web/forms.hpp"

namespace rekrut::web {

using core::msgid;

namespace {

std::string case_path(std::int64_t case_id)
{
    return "/cases/" + std::to_string(case_id);
}

std::string application_path(std::int64_t case_id, std::int64_t application_id)
{
    return case_path(case_id) + "/applications/" + std::to_string(application_id);
}

const char* mark_label(domain::Mark mark)
{
    switch (mark) {
    case domain::Mark::yes: return msgid("Yes");
    case domain::Mark::maybe: return msgid("Maybe");
    case domain::Mark::no: return msgid("No");
    }
    return msgid("Maybe");
}

/// A score in hundredths as the language writes it, with two decimals at most ("3,75").
std::string score_text(int hundredths, const std::string& language)
{
    return core::format_number(static_cast<double>(hundredths) / 100.0, language);
}

/// After a form about one application: back to it on success, the page again with the problem when
/// the input was refused, the declarations for a member who owes some, else the error page.
Response after_application_form(AppContext& context, Request& request, const core::Status& result,
                                const std::string& anchor, const std::string& note_text = {})
{
    const auto case_id = parse_id(request.param("case_id"));
    const auto application_id = parse_id(request.param("application_id"));
    if (result)
        return Response::redirect(application_path(case_id, application_id) + "?saved=1#" + anchor);
    if (auto redirect = redirect_to_declarations(result.error(), case_id))
        return *redirect;
    if (result.error().kind == core::ErrorKind::invalid)
        return application_page(context, request, result.error(), note_text);
    return error_response(context, request, result.error());
}

std::vector<std::int64_t> ids_in(const Request& request, const std::string& field)
{
    std::vector<std::int64_t> ids;
    for (const auto& [name, value] : request.form)
        if (name == field)
            if (auto id = parse_id(value); id > 0)
                ids.push_back(id);
    return ids;
}

} // namespace

std::optional<Response> redirect_to_declarations(const core::Error& error, std::int64_t case_id)
{
    if (!services::is_declarations_pending(error))
        return std::nullopt;
    return Response::redirect(case_path(case_id) + "/declarations");
}

Response declarations_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto form = context.assessment.declaration_form(request.actor(), institution_of(request), case_id);
    if (!form)
        return error_response(context, request, form.error());
    return page(
        context, request, "assessment/declarations",
        tr(context, request, msgid("Conflict of interest")) + ": " + form->case_record.title,
        [&](Dictionary& dictionary) {
            dictionary.SetIntValue("CASE_ID", case_id);
            dictionary.SetValue("CASE_TITLE", form->case_record.title);
            dictionary.SetIntValue("PENDING_COUNT", static_cast<long>(form->pending.size()));
            dictionary.ShowSection(form->pending.empty() ? "NOTHING_PENDING" : "HAS_PENDING");
            for (const auto& pending : form->pending) {
                auto* row = dictionary.AddSectionDictionary("PENDING");
                row->SetIntValue("APPLICATION_ID", pending.application_id);
                row->SetValue("NAME", pending.name);
                row->SetValue("RECEIVED", core::format_date(pending.received_at, request.language));
            }
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        form_status(error));
}

Response show_declarations(AppContext& context, Request& request)
{
    return declarations_page(context, request, std::nullopt);
}

Response submit_declarations(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    std::vector<std::int64_t> conflicts;
    std::vector<std::int64_t> none;
    const bool all_none = request.form_or("all_none") == "1";
    for (const auto& [name, value] : request.form) {
        if (!name.starts_with("declaration_"))
            continue;
        const auto id = parse_id(name.substr(std::string_view("declaration_").size()));
        if (id <= 0)
            continue;
        if (value == "conflict")
            conflicts.push_back(id);
        else if (value == "none" || all_none)
            none.push_back(id);
    }
    // "No conflict with any of them" declares none for every applicant shown, unless one was marked.
    if (all_none)
        for (auto id : ids_in(request, "shown"))
            if (std::find(conflicts.begin(), conflicts.end(), id) == conflicts.end() &&
                std::find(none.begin(), none.end(), id) == none.end())
                none.push_back(id);
    auto result = context.assessment.declare(request.actor(), institution_of(request), case_id, conflicts,
                                             none, request.origin());
    if (result)
        return Response::redirect(case_path(case_id) + "/applications?declared=1");
    if (result.error().kind == core::ErrorKind::invalid)
        return declarations_page(context, request, result.error());
    return error_response(context, request, result.error());
}

Response show_conflict_overview(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto overview = context.assessment.declarations(request.actor(), institution_of(request), case_id);
    if (!overview)
        return error_response(context, request, overview.error());
    return page(
        context, request, "assessment/conflicts",
        tr(context, request, msgid("Declarations of conflict of interest")), [&](Dictionary& dictionary) {
            dictionary.SetIntValue("CASE_ID", case_id);
            dictionary.SetValue("CASE_TITLE", overview->case_record.title);
            dictionary.ShowSection(overview->conflicts.empty() ? "NO_CONFLICTS" : "HAS_CONFLICTS");
            for (const auto& conflict : overview->conflicts) {
                auto* row = dictionary.AddSectionDictionary("CONFLICT");
                row->SetValue("MEMBER", conflict.member_name);
                row->SetValue("APPLICANT", overview->labels[conflict.application_id]);
                row->SetValue("DECLARED", core::format_date_time(conflict.declared_at, request.language));
            }
            for (const auto& [member, count] : overview->declared_none) {
                auto* row = dictionary.AddSectionDictionary("NONE");
                row->SetValue("MEMBER", member);
                row->SetIntValue("COUNT", count);
            }
            if (!overview->pending_members.empty())
                dictionary.ShowSection("HAS_PENDING_MEMBERS");
            for (const auto& member : overview->pending_members)
                dictionary.AddSectionDictionary("PENDING_MEMBER")->SetValue("MEMBER", member);
        });
}

namespace {

/// Blank rows for new criteria below the existing ones.
constexpr int k_blank_criteria = 3;

Response screening_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto settings = context.assessment.screening(request.actor(), institution_of(request), case_id);
    if (!settings)
        return error_response(context, request, settings.error());
    return page(
        context, request, "assessment/screening", tr(context, request, msgid("Screening methods")),
        [&](Dictionary& dictionary) {
            dictionary.SetIntValue("CASE_ID", case_id);
            dictionary.SetValue("CASE_TITLE", settings->case_record.title);
            auto methods = settings->methods;
            if (error) {
                methods = {request.form_or("individual") == "1", request.form_or("scorecard") == "1",
                           request.form_or("knockout") == "1", request.form_or("anonymous") == "1"};
                show_form_errors(dictionary, *error, context.translator, request);
            }
            if (settings->can_configure)
                dictionary.ShowSection("CAN_CONFIGURE");
            else
                dictionary.ShowSection("READ_ONLY");
            auto check = [&](const char* section, bool on) {
                if (on)
                    dictionary.ShowSection(section);
            };
            check("INDIVIDUAL_CHECKED", methods.individual);
            check("SCORECARD_CHECKED", methods.scorecard);
            check("KNOCKOUT_CHECKED", methods.knockout);
            check("ANONYMOUS_CHECKED", methods.anonymous);
            const auto rows = static_cast<int>(settings->criteria.size()) + k_blank_criteria;
            for (int index = 0; index < rows; ++index) {
                auto* row = dictionary.AddSectionDictionary("CRITERION");
                const auto field = "criterion_" + std::to_string(index + 1);
                row->SetValue("FIELD", field);
                row->SetIntValue("NUMBER", index + 1);
                if (index < static_cast<int>(settings->criteria.size())) {
                    const auto& criterion = settings->criteria[static_cast<std::size_t>(index)];
                    row->SetIntValue("ID", criterion.id);
                    row->SetValue("NAME", criterion.name);
                    row->SetIntValue("WEIGHT", criterion.weight);
                } else {
                    row->SetValue("WEIGHT", "1");
                }
                if (error) {
                    row->SetValue("NAME", request.form_or(field));
                    row->SetValue("WEIGHT", request.form_or(field + "_weight"));
                    for (const auto& problem : error->fields)
                        if (problem.field == field || problem.field == field + "_weight") {
                            row->ShowSection("HAS_ERROR");
                            row->SetValue("ERROR", tr(context, request, problem.message));
                        }
                }
            }
        },
        form_status(error));
}

} // namespace

Response show_screening(AppContext& context, Request& request)
{
    return screening_page(context, request, std::nullopt);
}

Response submit_screening(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    domain::ScreeningMethods methods{request.form_or("individual") == "1",
                                     request.form_or("scorecard") == "1", request.form_or("knockout") == "1",
                                     request.form_or("anonymous") == "1"};
    std::vector<domain::Criterion> criteria;
    for (int index = 1; index <= 40; ++index) {
        const auto field = "criterion_" + std::to_string(index);
        auto name = request.form_value(field);
        if (!name)
            break;
        if (core::trim(*name).empty())
            continue;
        const auto weight_text = request.form_or(field + "_weight");
        int weight = 0;
        if (core::is_ascii_digits(weight_text) && weight_text.size() <= 3)
            weight = std::stoi(weight_text);
        criteria.push_back({parse_id(request.form_or(field + "_id")), *name, weight});
    }
    auto result = context.assessment.save_screening(request.actor(), institution_of(request), case_id,
                                                    methods, std::move(criteria), request.origin());
    if (result)
        return Response::redirect(case_path(case_id) + "/screening?saved=1");
    if (result.error().kind == core::ErrorKind::invalid)
        return screening_page(context, request, result.error());
    return error_response(context, request, result.error());
}

Response submit_mark(AppContext& context, Request& request)
{
    auto mark = domain::mark_from_string(request.form_or("mark"));
    core::Status result =
        mark ? context.assessment.set_mark(request.actor(), institution_of(request),
                                           parse_id(request.param("case_id")),
                                           parse_id(request.param("application_id")), *mark,
                                           services::NoteInput{request.form_or("comment"),
                                                               request.form_or("confirm_sensitive") == "1"},
                                           request.origin())
             : core::Status(core::Error::invalid(msgid("The mark could not be saved."),
                                                 {{"mark", msgid("Choose Yes, Maybe or No.")}}));
    return after_application_form(context, request, result, "assessment");
}

Response submit_scores(AppContext& context, Request& request)
{
    std::map<std::int64_t, int> scores;
    std::optional<core::Error> problem;
    for (const auto& [name, value] : request.form) {
        if (!name.starts_with("score_") || value.empty())
            continue;
        const auto criterion = parse_id(name.substr(6));
        if (criterion <= 0)
            continue;
        if (value.size() != 1 || !core::is_ascii_digits(value)) {
            problem = core::Error::invalid(msgid("The scores could not be saved."),
                                           {{name, msgid("A score is a whole number from 1 to 5.")}});
            break;
        }
        scores[criterion] = value[0] - '0';
    }
    if (!problem && scores.empty())
        problem = core::Error::invalid(msgid("The scores could not be saved."),
                                       {{"scores", msgid("Score at least one criterion.")}});
    core::Status result = problem ? core::Status(*problem)
                                  : context.assessment.set_scores(request.actor(), institution_of(request),
                                                                  parse_id(request.param("case_id")),
                                                                  parse_id(request.param("application_id")),
                                                                  scores, request.origin());
    return after_application_form(context, request, result, "scorecard");
}

Response submit_note(AppContext& context, Request& request)
{
    services::NoteInput note{request.form_or("note"), request.form_or("confirm_sensitive") == "1"};
    auto result = context.assessment.add_note(
        request.actor(), institution_of(request), parse_id(request.param("case_id")),
        parse_id(request.param("application_id")), note, request.origin());
    return after_application_form(context, request, result, "notes", note.text);
}

Response submit_tags(AppContext& context, Request& request)
{
    auto result = context.assessment.save_tags(
        request.actor(), institution_of(request), parse_id(request.param("case_id")),
        parse_id(request.param("application_id")), request.form_or("tags"), request.origin());
    return after_application_form(context, request, result, "tags");
}

Response submit_conflict(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto result =
        context.assessment.declare_conflict(request.actor(), institution_of(request), case_id,
                                            parse_id(request.param("application_id")), request.origin());
    if (!result)
        return error_response(context, request, result.error());
    return Response::redirect(case_path(case_id) + "/applications?conflict=1");
}

Response submit_lift_anonymity(AppContext& context, Request& request)
{
    auto result = context.assessment.lift_anonymity(
        request.actor(), institution_of(request), parse_id(request.param("case_id")),
        parse_id(request.param("application_id")), request.origin());
    return after_application_form(context, request, result, "top");
}

Response show_attachment_text(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto text = context.applications.attachment_text(
        request.actor(), institution_of(request), case_id, parse_id(request.param("application_id")),
        parse_id(request.param("attachment_id")), request.origin());
    if (!text) {
        if (auto redirect = redirect_to_declarations(text.error(), case_id))
            return *redirect;
        return error_response(context, request, text.error());
    }
    auto response = page(
        context, request, "assessment/attachment_text",
        tr(context, request, attachment_kind_label(text->attachment.kind)), [&](Dictionary& dictionary) {
            dictionary.SetIntValue("CASE_ID", case_id);
            dictionary.SetIntValue("APPLICATION_ID", text->application.id);
            dictionary.SetValue("REFERENCE", domain::application_reference(text->application));
            dictionary.SetValue("KIND", tr(context, request, attachment_kind_label(text->attachment.kind)));
            if (!text->attachment.filename.empty())
                dictionary.SetValueAndShowSection("FILENAME", text->attachment.filename, "HAS_FILENAME");
            if (text->anonymised)
                dictionary.ShowSection("ANONYMISED");
            if (text->text.empty())
                dictionary.ShowSection("NO_TEXT");
            else
                dictionary.SetValueAndShowSection("TEXT", text->text, "HAS_TEXT");
        });
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response submit_bulk_action(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    const auto ids = ids_in(request, "application_id");
    const auto action = request.form_or("action");
    if (action == "mail") {
        std::string query = "?kind=" + core::url_encode(request.form_or("kind"));
        for (auto id : ids)
            query += "&application_id=" + std::to_string(id);
        return Response::redirect(case_path(case_id) + "/mail" + query);
    }
    auto status = domain::application_status_from_string(request.form_or("status"));
    const bool confirmed = request.form_or("confirm") == "1";
    auto result = context.assessment.change_status(request.actor(), institution_of(request), case_id, ids,
                                                   status.value_or(domain::ApplicationStatus::received),
                                                   confirmed, request.origin());
    if (result)
        return Response::redirect(case_path(case_id) +
                                  "/applications?changed=" + std::to_string(result->changed) +
                                  "&refused=" + std::to_string(result->refused));
    if (auto redirect = redirect_to_declarations(result.error(), case_id))
        return *redirect;
    if (result.error().kind != core::ErrorKind::invalid)
        return error_response(context, request, result.error());
    // A rejection waits for a person to confirm it, with the chosen applicants named.
    const bool asks_confirmation = status == domain::ApplicationStatus::rejected && !confirmed &&
                                   !result.error().fields.empty() &&
                                   result.error().fields.front().field == "confirm";
    if (!asks_confirmation)
        return show_case_applications_with(context, request, result.error());
    auto list = context.applications.list(request.actor(), institution_of(request), case_id);
    if (!list)
        return error_response(context, request, list.error());
    return page(context, request, "assessment/confirm_rejection",
                tr(context, request, msgid("Confirm the rejection")), [&](Dictionary& dictionary) {
                    dictionary.SetIntValue("CASE_ID", case_id);
                    dictionary.SetValue("CASE_TITLE", list->case_record.title);
                    int count = 0;
                    for (const auto& application : list->applications) {
                        if (std::find(ids.begin(), ids.end(), application.id) == ids.end())
                            continue;
                        auto* row = dictionary.AddSectionDictionary("CHOSEN");
                        row->SetIntValue("APPLICATION_ID", application.id);
                        row->SetValue("REFERENCE", domain::application_reference(application));
                        row->SetValue("STATUS", tr(context, request, status_label(application.status)));
                        if (application.knocked_out)
                            row->ShowSection("KNOCKED_OUT");
                        ++count;
                    }
                    dictionary.SetIntValue("COUNT", count);
                });
}

void fill_assessment_panel(Dictionary& dictionary, AppContext& context, const Request& request,
                           std::int64_t case_id, std::int64_t application_id,
                           const std::optional<core::Error>& error, const std::string& note_text)
{
    auto view =
        context.assessment.assessment_of(request.actor(), institution_of(request), case_id, application_id);
    if (!view)
        return;
    auto* panel = dictionary.AddIncludeDictionary("ASSESSMENT");
    panel->SetFilename(request.language + "/assessment/_panel.tpl");
    panel->SetIntValue("CASE_ID", case_id);
    panel->SetIntValue("APPLICATION_ID", application_id);
    if (error)
        show_form_errors(*panel, *error, context.translator, request);
    if (view->can_lift_anonymity)
        panel->ShowSection("CAN_LIFT");
    if (view->methods.individual) {
        auto* marks = panel->AddSectionDictionary("INDIVIDUAL");
        marks->SetIntValue("CASE_ID", case_id);
        marks->SetIntValue("APPLICATION_ID", application_id);
        if (view->can_assess) {
            auto* form = marks->AddSectionDictionary("CAN_MARK");
            form->SetIntValue("CASE_ID", case_id);
            form->SetIntValue("APPLICATION_ID", application_id);
            for (auto mark : {domain::Mark::yes, domain::Mark::maybe, domain::Mark::no}) {
                auto* option = form->AddSectionDictionary("MARK_OPTION");
                option->SetValue("VALUE", std::string(domain::to_string(mark)));
                option->SetValue("LABEL", tr(context, request, mark_label(mark)));
                if (view->own_mark == mark)
                    option->ShowSection("CHECKED");
            }
            const bool comment_refused =
                error && !error->fields.empty() && error->fields.front().field == "comment";
            form->SetValue("COMMENT", comment_refused ? request.form_or("comment") : view->own_comment);
            if (comment_refused && !request.form_or("comment").empty())
                form->ShowSection("ASK_CONFIRM_COMMENT");
        }
        if (view->committee_hidden)
            marks->ShowSection("COMMITTEE_HIDDEN");
        else if (view->committee_marks.empty())
            marks->ShowSection("NO_MARKS");
        else {
            auto* summary = marks->AddSectionDictionary("HAS_MARKS");
            summary->SetIntValue("YES", view->summary.yes);
            summary->SetIntValue("MAYBE", view->summary.maybe);
            summary->SetIntValue("NO", view->summary.no);
            for (const auto& mark : view->committee_marks) {
                auto* row = summary->AddSectionDictionary("MARK");
                row->SetValue("MEMBER", mark.member_name);
                row->SetValue("MARK", tr(context, request, mark_label(mark.mark)));
                if (!mark.comment.empty())
                    row->SetValueAndShowSection("COMMENT", mark.comment, "HAS_COMMENT");
            }
        }
    }
    if (view->methods.scorecard) {
        auto* card = panel->AddSectionDictionary("SCORECARD");
        card->SetIntValue("CASE_ID", case_id);
        card->SetIntValue("APPLICATION_ID", application_id);
        if (view->criteria.empty())
            card->ShowSection("NO_CRITERIA");
        if (view->can_assess && !view->criteria.empty())
            card->ShowSection("CAN_SCORE");
        for (const auto& criterion : view->criteria) {
            auto* row = card->AddSectionDictionary("CRITERION");
            row->SetIntValue("ID", criterion.id);
            row->SetValue("NAME", criterion.name);
            row->SetIntValue("WEIGHT", criterion.weight);
            auto own = view->own_scores.find(criterion.id);
            for (int score = domain::k_lowest_score; score <= domain::k_highest_score; ++score) {
                auto* option = row->AddSectionDictionary("SCORE_OPTION");
                option->SetIntValue("ID", criterion.id);
                option->SetIntValue("VALUE", score);
                if (own != view->own_scores.end() && own->second == score)
                    option->ShowSection("CHECKED");
            }
            if (view->can_assess)
                row->ShowSection("EDITABLE");
        }
        if (view->scores_hidden)
            card->ShowSection("SCORES_HIDDEN");
        else if (view->summary.score_mean) {
            auto* summary = card->AddSectionDictionary("HAS_SCORES");
            summary->SetValue("MEAN", score_text(*view->summary.score_mean, request.language));
            summary->SetValue("LOW", score_text(view->summary.score_low.value_or(0), request.language));
            summary->SetValue("HIGH", score_text(view->summary.score_high.value_or(0), request.language));
            summary->SetIntValue("SCORERS", view->summary.scorers);
        } else {
            card->ShowSection("NO_SCORES");
        }
    }
    if (view->can_assess || view->can_change_status) {
        auto* notes = panel->AddSectionDictionary("CAN_WRITE");
        notes->SetIntValue("CASE_ID", case_id);
        notes->SetIntValue("APPLICATION_ID", application_id);
        notes->SetValue("NOTE", note_text);
        if (error && !error->fields.empty() && error->fields.front().field == "note" && !note_text.empty())
            notes->ShowSection("ASK_CONFIRM");
        std::string tags;
        for (const auto& tag : view->tags)
            tags += (tags.empty() ? "" : ", ") + tag;
        notes->SetValue("TAGS", tags);
    }
    if (view->notes.empty())
        panel->ShowSection("NO_NOTES");
    for (const auto& note : view->notes) {
        auto* row = panel->AddSectionDictionary("NOTE_ROW");
        row->SetValue("AUTHOR", note.author_name);
        row->SetValue("TEXT", note.text);
        row->SetValue("WRITTEN", core::format_date_time(note.created_at, request.language));
        if (note.sensitive_confirmed)
            row->ShowSection("SENSITIVE_CONFIRMED");
    }
    for (const auto& tag : view->tags)
        panel->AddSectionDictionary("TAG")->SetValue("TAG", tag);
    if (view->tags.empty())
        panel->ShowSection("NO_TAGS");
    if (view->member && view->can_assess) {
        auto* conflict = panel->AddSectionDictionary("CAN_DECLARE_CONFLICT");
        conflict->SetIntValue("CASE_ID", case_id);
        conflict->SetIntValue("APPLICATION_ID", application_id);
    }
    for (const auto& event : view->history) {
        auto* row = panel->AddSectionDictionary("HISTORY");
        row->SetValue("WHEN", core::format_date_time(event.occurred_at, request.language));
        row->SetValue("WHO", event.actor_name);
        const char* label = audit::action_label(event.action);
        row->SetValue("WHAT", label ? tr(context, request, label) : event.action);
    }
    if (view->history.empty())
        panel->ShowSection("NO_HISTORY");
}

} // namespace rekrut::web
