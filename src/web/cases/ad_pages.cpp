#include <algorithm>
#include <ctemplate/template.h>
#include <map>

#include "core/display_format.hpp"
#include "domain/access/policy.hpp"
#include "domain/job_ad/placeholders.hpp"
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

/// The placeholders the ad text may use, named in the interface language, each with what it stands for.
void fill_placeholders(Dictionary& dictionary, AppContext& context, const Request& request)
{
    static constexpr const char* k_explanations[] = {
        msgid("The title of the position."),
        msgid("The place of work."),
        msgid("The salary as written in the case."),
        msgid("The application deadline, with date and time."),
        msgid("The contact persons, with their title, phone number and e-mail address."),
        msgid("Nothing: the institution's mandatory texts always follow the ad, so this only marks where "
              "the ad text ends."),
    };
    static_assert(std::size(k_explanations) == std::size(domain::k_placeholder_names));
    for (std::size_t i = 0; i < std::size(k_explanations); ++i) {
        const auto& name = domain::k_placeholder_names[i];
        auto* row = dictionary.AddSectionDictionary("PLACEHOLDER");
        row->SetValue("NAME",
                      "{{" + std::string(request.language == "da" ? name.danish : name.english) + "}}");
        row->SetValue("EXPLANATION", tr(context, request, k_explanations[i]));
    }
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
            dictionary.SetValue("AD_LANGUAGE_NAME", tr(context, request, language_label(language)));
            dictionary.SetValue("VERSION", std::to_string(draft->version));
            fill_placeholders(dictionary, context, request);
            keep_value(dictionary, "body", posted ? request.form_or("body") : draft->body_source);
            if (draft->record.state == domain::CaseState::published) {
                dictionary.ShowSection("CORRECTION");
                keep_value(dictionary, "correction_reason", request.form_or("correction_reason"));
            }
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
    // A published ad can be corrected, with a reason (JobAds::save).
    if (!overview || domain::is_editable(overview->record.state) ||
        overview->record.state == domain::CaseState::published)
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
    auto result = context.job_ads.save(
        request.actor(), institution_of(request), parse_id(request.param("case_id")), language,
        request.form_or("body"), chosen, adapted, request.origin(), request.form_or("correction_reason"));
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

/// The diff as readable text: one paragraph per line that has text, headings in bold, bullets as
/// bullets, each added or removed line marked (the template says how).
void fill_diff_lines(Dictionary& dictionary, const domain::LineDiff& diff)
{
    bool changed = false;
    auto* lines = dictionary.AddSectionDictionary("LINES");
    for (const auto& line : diff.lines) {
        std::string_view text = line.text;
        while (!text.empty() && (text.back() == ' ' || text.back() == '\r'))
            text.remove_suffix(1);
        if (text.empty())
            continue;
        auto* row = lines->AddSectionDictionary("LINE");
        if (text.starts_with("## ")) {
            text.remove_prefix(3);
            row->ShowSection("HEADING");
        } else if (text.size() > 2 && text.front() == '[' && text.back() == ']') {
            // A mandatory text's name, as comparable_text() writes it.
            text = text.substr(1, text.size() - 2);
            row->ShowSection("HEADING");
            row->ShowSection("MANDATORY");
        }
        row->SetValue("TEXT",
                      text.starts_with("- ") ? "• " + std::string(text.substr(2)) : std::string(text));
        changed = changed || line.kind != domain::DiffKind::same;
        row->ShowSection(line.kind == domain::DiffKind::added     ? "ADDED"
                         : line.kind == domain::DiffKind::removed ? "REMOVED"
                                                                  : "SAME");
    }
    if (!changed)
        dictionary.ShowSection("NO_CHANGES");
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
                    fill_diff_lines(dictionary, diff);
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
