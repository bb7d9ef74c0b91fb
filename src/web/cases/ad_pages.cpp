#include <algorithm>
#include <ctemplate/template.h>
#include <map>

#include "core/display_format.hpp"
#include "domain/access/policy.hpp"
#include "domain/job_ad/text_diff.hpp"
#include "services/recruitment_case/job_ads.hpp"
#include "services/recruitment_case/recruitment_cases.hpp"
#include "web/app_context.hpp"
#include "web/cases/ad_view.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_pages.hpp"
#include "web/cases/case_record.hpp"
#include "web/forms.hpp"
#include "web/i18n.hpp"
#include "web/page_kit.hpp"

namespace rekrut::web {
namespace {

using core::msgid;
using domain::Action;

std::string language_param(const Request& request)
{
    std::string language = request.query_value("language").value_or(request.form_or("language", "da"));
    return language == "en" ? "en" : "da";
}

bool has_value(const Request& request, const std::string& field, const std::string& value)
{
    return std::any_of(request.form.begin(), request.form.end(),
                       [&](const auto& entry) { return entry.first == field && entry.second == value; });
}

Response ad_form(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    std::string language = language_param(request);
    auto draft = context.job_ads.draft(request.actor(), institution_of(request),
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
        form_status(error));
}

/// For a case that can no longer be edited: the ad as it stands, read-only, instead of the editor.
std::optional<Response> locked_ad_page(AppContext& context, Request& request)
{
    auto case_id = parse_id(request.param("case_id"));
    domain::Resource resource{institution_of(request), case_id, {}, false, {}};
    if (!domain::can(request.actor(), Action::edit_case, resource))
        return std::nullopt; // refused by the editor or the save, as before
    auto overview = context.cases.overview(request.actor(), institution_of(request), case_id);
    if (!overview || domain::is_editable(overview->record.state))
        return std::nullopt;
    auto ad =
        context.job_ads.render(request.actor(), institution_of(request), case_id, language_param(request));
    auto response =
        locked_case_page(context, request, *overview, LockedPart::ad, [&](Dictionary& dictionary) {
            if (!ad)
                return;
            auto* include = dictionary.AddSectionDictionary("HAS_AD")->AddIncludeDictionary("AD");
            include->SetFilename(request.language + "/cases/_ad.tpl");
            fill_ad(*include, *ad, request.language);
        });
    return response;
}

} // namespace

Response show_ad_editor(AppContext& context, Request& request)
{
    // As for the edit form: a committee member who may only look gets no editor they cannot save.
    domain::Resource resource{institution_of(request), parse_id(request.param("case_id")), {}, false, {}};
    if (!domain::can(request.actor(), Action::edit_case, resource))
        return error_page(context, request,
                          domain::can(request.actor(), Action::view_case, resource) ? 403 : 404);
    if (auto locked = locked_ad_page(context, request))
        return *locked;
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
    if (auto locked = locked_ad_page(context, request))
        return *locked; // a stale form against a case published meanwhile
    auto result =
        context.job_ads.save(request.actor(), institution_of(request), parse_id(request.param("case_id")),
                             language, request.form_or("body"), chosen, adapted, request.origin());
    return after_submit(context, request, result, ad_form,
                        "/cases/" + request.param("case_id") + "/ad/preview?language=" + language);
}

Response show_ad_versions(AppContext& context, Request& request)
{
    std::string language = language_param(request);
    auto case_id = parse_id(request.param("case_id"));
    auto versions = context.job_ads.versions(request.actor(), institution_of(request), case_id, language);
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
                        row->SetValue("AT", core::format_date_time(version.created_at, request.language));
                    }
                });
}

namespace {

/// The ad text followed by its mandatory texts, each under its name, for the diff between versions.
std::string comparable_text(const domain::AdVersionRecord& version)
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
    auto pair = context.job_ads.version_pair(request.actor(), institution_of(request), case_id,
                                             parse_id(request.param("version_id")));
    if (!pair)
        return error_response(context, request, pair.error());
    const auto& version = pair->version;
    const auto& previous = pair->previous;
    auto diff = domain::diff_lines(previous ? comparable_text(*previous) : "", comparable_text(version));
    return page(context, request, "cases/diff", tr(context, request, msgid("Changes in the ad")),
                [&](Dictionary& dictionary) {
                    dictionary.SetValue("ID", std::to_string(case_id));
                    dictionary.SetValue("AD_LANGUAGE", version.language);
                    dictionary.SetValue("VERSION", std::to_string(version.version));
                    dictionary.SetValue("PREVIOUS", previous ? std::to_string(previous->version) : "0");
                    if (diff.outcome == domain::DiffOutcome::too_different) {
                        dictionary.ShowSection("TOO_DIFFERENT");
                        return;
                    }
                    auto* lines = dictionary.AddSectionDictionary("LINES");
                    for (const auto& line : diff.lines) {
                        auto* row = lines->AddSectionDictionary("LINE");
                        row->SetValue("TEXT", line.text);
                        row->ShowSection(line.kind == domain::DiffKind::added     ? "ADDED"
                                         : line.kind == domain::DiffKind::removed ? "REMOVED"
                                                                                  : "SAME");
                    }
                });
}

Response show_ad_preview(AppContext& context, Request& request)
{
    auto case_id = parse_id(request.param("case_id"));
    auto ad =
        context.job_ads.render(request.actor(), institution_of(request), case_id, language_param(request));
    if (!ad)
        return error_response(context, request, ad.error());
    return page(context, request, "cases/preview", ad->title, [&](Dictionary& dictionary) {
        dictionary.SetValue("ID", std::to_string(case_id));
        auto* include = dictionary.AddIncludeDictionary("AD");
        include->SetFilename(request.language + "/cases/_ad.tpl");
        fill_ad(*include, *ad, request.language);
    });
}

} // namespace rekrut::web
