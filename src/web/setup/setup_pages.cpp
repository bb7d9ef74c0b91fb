#include "web/setup/setup_pages.hpp"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <ctemplate/template.h>
#include <map>

#include "core/text.hpp"
#include "domain/job_ad/screening_question.hpp"
#include "services/institution_setup.hpp"
#include "web/app_context.hpp"
#include "web/error_pages.hpp"
#include "web/forms.hpp"
#include "web/i18n.hpp"
#include "web/page_kit.hpp"
#include "web/question_form.hpp"
#include "web/views.hpp"

namespace rekrut::web {
namespace {

/// Without the right, and for records of another institution, the same page as for nothing at all.
Response refusal_page(AppContext& context, const Request& request, const core::Error& error)
{
    if (error.kind == core::ErrorKind::not_found)
        return error_page(context, request, 404);
    return error_response(context, request, error);
}

void notice_if_saved(AppContext& context, const Request& request, Dictionary& dictionary)
{
    if (request.query_value("saved"))
        show_notice(dictionary, context, request, msgid("Your changes have been saved."));
}

/// The form partial of a set-up page. Included templates see only their own values (and the
/// template-global ones such as the CSRF token), so the form gets its values and errors itself.
Dictionary& form_of(Dictionary& page, const Request& request, const char* partial)
{
    auto* form = page.AddIncludeDictionary("FORM");
    form->SetFilename(request.language + "/setup/" + partial + ".tpl");
    return *form;
}

void show_errors(AppContext& context, const Request& request, Dictionary& page, Dictionary* form,
                 const std::optional<core::Error>& error)
{
    if (!error)
        return;
    show_form_errors(page, *error, context.translator, request);
    if (form) {
        // The summary belongs to the page; the form needs only the sections that mark its fields.
        show_form_errors(*form, *error, context.translator, request);
    }
}

/// Shows the section PREFIX_VALUE (for example LANGUAGE_DA) that marks a chosen option.
void show_choice(Dictionary& dictionary, const std::string& prefix, const std::string& value)
{
    std::string key = prefix + "_";
    for (char ch : value)
        key += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    dictionary.ShowSection(key);
}

const char* language_label(const std::string& language)
{
    return language == "en" ? msgid("English") : msgid("Danish");
}

const char* text_kind_label(const std::string& kind)
{
    if (kind == "encouragement")
        return msgid("Encouragement to apply");
    if (kind == "salary")
        return msgid("Salary and employment");
    if (kind == "presentation")
        return msgid("Presentation of the institution");
    return msgid("Other");
}

core::Status status_of(const core::Result<std::int64_t>& result)
{
    if (result)
        return core::success();
    return result.error();
}

/// After a POST: 303 to `success`, the same page with the errors (400), or the error page.
template <typename Render>
Response after_save(AppContext& context, Request& request, const core::Status& result,
                    const std::string& success, Render render)
{
    if (result)
        return Response::redirect(success);
    if (result.error().kind == core::ErrorKind::invalid)
        return render(result.error());
    return refusal_page(context, request, result.error());
}

/// A whole number from a form field; -1 when it is not one (the service refuses that).
int whole_number_or_invalid(const std::string& text, int empty_value)
{
    if (text.empty())
        return empty_value;
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0)
        return -1;
    return value;
}

/// Weekly hours as typed ("30" or "32,5"); -1 when they are not a plain number.
double hours_or_invalid(std::string text)
{
    for (char& ch : text)
        if (ch == ',')
            ch = '.';
    // Digits with at most one point; from_chars alone would also take "1e1" and "inf".
    if (text.empty() || !std::isdigit(static_cast<unsigned char>(text.front())))
        return -1;
    for (char ch : text)
        if (!std::isdigit(static_cast<unsigned char>(ch)) && ch != '.')
            return -1;
    double value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return -1;
    return value;
}

std::string hours_text(double hours)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", hours);
    return text;
}

} // namespace

Response show_setup(AppContext& context, Request& request)
{
    if (!context.setup.allowed(request.actor(), institution_of(request)))
        return error_page(context, request, 404);
    return page(context, request, "setup/index", tr(context, request, msgid("Institution set-up")),
                [](Dictionary&) {});
}

// -- Units

namespace {

/// Which unit form was sent, so that its errors and values are shown there.
struct UnitForm {
    std::int64_t renamed_unit = 0; ///< 0: the form for a new unit.
};

Response units_page(AppContext& context, Request& request, const std::optional<core::Error>& error,
                    UnitForm sent)
{
    auto units = context.setup.units(request.actor(), institution_of(request));
    if (!units)
        return refusal_page(context, request, units.error());
    bool renaming = error && sent.renamed_unit != 0;
    std::optional<core::Error> shown = error;
    if (renaming) {
        // The message belongs to the unit's own name field, not to the form for a new unit.
        for (auto& field : shown->fields)
            field.field = "unit_" + std::to_string(sent.renamed_unit);
    }
    return page(
        context, request, "setup/units", tr(context, request, msgid("Units")),
        [&](Dictionary& dictionary) {
            notice_if_saved(context, request, dictionary);
            if (units->empty())
                dictionary.ShowSection("NO_UNITS");
            else
                dictionary.ShowSection("HAS_UNITS");
            std::string chosen_parent = renaming ? "" : request.form_or("parent_id");
            std::map<std::int64_t, std::string> paths;
            const auto& list = *units;
            for (std::size_t i = 0; i < list.size(); ++i) {
                const auto& unit = list[i];
                auto* row = dictionary.AddSectionDictionary("UNIT");
                row->SetValue("UNIT_ID", std::to_string(unit.id));
                row->SetValue("NAME", unit.name);
                bool failed = renaming && unit.id == sent.renamed_unit;
                row->SetValue("VALUE", failed ? request.form_or("name") : unit.name);
                if (failed && !shown->fields.empty()) {
                    row->ShowSection("ROW_ERROR");
                    row->SetValue("ROW_MESSAGE", tr(context, request, shown->fields.front().message));
                }
                // Nested lists: a unit with children opens a list that its last descendant closes.
                int next_depth = i + 1 < list.size() ? list[i + 1].depth : 0;
                if (next_depth > unit.depth) {
                    row->ShowSection("OPEN_CHILDREN");
                } else {
                    row->ShowSection("END_ITEM");
                    for (int level = next_depth; level < unit.depth; ++level)
                        row->AddSectionDictionary("CLOSE_CHILDREN");
                }
                std::string path = unit.parent_id && paths.count(*unit.parent_id)
                                       ? paths[*unit.parent_id] + " › " + unit.name
                                       : unit.name;
                paths[unit.id] = path;
                auto* option = dictionary.AddSectionDictionary("PARENT_OPTION");
                option->SetValue("VALUE", std::to_string(unit.id));
                option->SetValue("LABEL", path);
                if (chosen_parent == std::to_string(unit.id))
                    option->ShowSection("SELECTED");
            }
            keep_value(dictionary, "name",
                       request.method == "POST" && !renaming ? request.form_or("name") : "");
            if (shown)
                show_form_errors(dictionary, *shown, context.translator, request);
        },
        error ? 400 : 200);
}

} // namespace

Response show_units(AppContext& context, Request& request)
{
    return units_page(context, request, std::nullopt, {});
}

Response submit_unit(AppContext& context, Request& request)
{
    auto result =
        context.setup.add_unit(request.actor(), institution_of(request), request.form_or("parent_id"),
                               request.form_or("name"), request.origin());
    return after_save(context, request, status_of(result), "/setup/units?saved=1",
                      [&](const core::Error& error) { return units_page(context, request, error, {}); });
}

Response submit_unit_rename(AppContext& context, Request& request)
{
    std::int64_t unit_id = parse_id(request.param("unit_id"));
    auto result = context.setup.rename_unit(request.actor(), institution_of(request), unit_id,
                                            request.form_or("name"), request.origin());
    return after_save(context, request, result, "/setup/units?saved=1", [&](const core::Error& error) {
        return units_page(context, request, error, {unit_id});
    });
}

// -- Mandatory texts

namespace {

domain::MandatoryTextRecord mandatory_text_from(const Request& request)
{
    domain::MandatoryTextRecord text;
    text.id = parse_id(request.param("text_id"));
    text.name = request.form_or("name");
    text.kind = request.form_or("kind");
    text.language = request.form_or("language");
    text.body_source = request.form_or("body");
    text.required = !request.form_or("required").empty();
    text.locked = !request.form_or("locked").empty();
    text.position = whole_number_or_invalid(std::string(core::trim(request.form_or("position"))), 0);
    return text;
}

void fill_mandatory_text(Dictionary& form, const domain::MandatoryTextRecord& text,
                         const std::string& position)
{
    keep_value(form, "name", text.name);
    keep_value(form, "body", text.body_source);
    keep_value(form, "position", position);
    show_choice(form, "KIND", text.kind);
    show_choice(form, "LANGUAGE", text.language);
    if (text.required)
        form.ShowSection("REQUIRED");
    if (text.locked)
        form.ShowSection("LOCKED");
}

Response mandatory_texts_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto texts = context.setup.mandatory_texts(request.actor(), institution_of(request));
    if (!texts)
        return refusal_page(context, request, texts.error());
    return page(
        context, request, "setup/mandatory_texts", tr(context, request, msgid("Mandatory texts")),
        [&](Dictionary& dictionary) {
            notice_if_saved(context, request, dictionary);
            bool danish_encouragement = false;
            for (const auto& text : *texts) {
                auto* row = dictionary.AddSectionDictionary("TEXT");
                row->SetValue("TEXT_ID", std::to_string(text.id));
                row->SetValue("NAME", text.name);
                row->SetValue("LANGUAGE", tr(context, request, language_label(text.language)));
                row->SetValue("KIND", tr(context, request, text_kind_label(text.kind)));
                row->ShowSection(text.required ? "REQUIRED" : "OPTIONAL");
                row->ShowSection(text.locked ? "LOCKED" : "EDITABLE");
                danish_encouragement =
                    danish_encouragement || (text.kind == "encouragement" && text.language == "da");
            }
            if (texts->empty())
                dictionary.ShowSection("NO_TEXTS");
            if (!danish_encouragement)
                dictionary.ShowSection("NO_ENCOURAGEMENT");
            domain::MandatoryTextRecord blank;
            bool sent = request.method == "POST";
            auto& form = form_of(dictionary, request, "_mandatory_text_form");
            fill_mandatory_text(form, sent ? mandatory_text_from(request) : blank,
                                sent ? request.form_or("position") : "0");
            form.SetValue("ACTION", "/setup/mandatory-texts");
            show_errors(context, request, dictionary, &form, error);
        },
        error ? 400 : 200);
}

Response mandatory_text_page(AppContext& context, Request& request, std::int64_t text_id,
                             const std::optional<core::Error>& error)
{
    auto stored = context.setup.mandatory_text(request.actor(), institution_of(request), text_id);
    if (!stored)
        return refusal_page(context, request, stored.error());
    bool sent = request.method == "POST";
    domain::MandatoryTextRecord shown = sent ? mandatory_text_from(request) : *stored;
    return page(
        context, request, "setup/mandatory_text", tr(context, request, msgid("Mandatory text")),
        [&](Dictionary& dictionary) {
            dictionary.SetValue("NAME", stored->name);
            // Sanitized when saved (rich-text format → allow-listed HTML); shown as HTML on purpose.
            dictionary.SetValue("PREVIEW", stored->body_html);
            auto& form = form_of(dictionary, request, "_mandatory_text_form");
            fill_mandatory_text(form, shown,
                                sent ? request.form_or("position") : std::to_string(shown.position));
            form.SetValue("ACTION", "/setup/mandatory-texts/" + std::to_string(text_id));
            show_errors(context, request, dictionary, &form, error);
        },
        error ? 400 : 200);
}

} // namespace

Response show_mandatory_texts(AppContext& context, Request& request)
{
    return mandatory_texts_page(context, request, std::nullopt);
}

Response show_mandatory_text(AppContext& context, Request& request)
{
    return mandatory_text_page(context, request, parse_id(request.param("text_id")), std::nullopt);
}

Response submit_mandatory_text(AppContext& context, Request& request)
{
    auto text = mandatory_text_from(request);
    if (!request.param("text_id").empty() && text.id == 0)
        return error_page(context, request, 404);
    auto result =
        context.setup.save_mandatory_text(request.actor(), institution_of(request), text, request.origin());
    return after_save(context, request, status_of(result), "/setup/mandatory-texts?saved=1",
                      [&](const core::Error& error) {
                          return text.id == 0 ? mandatory_texts_page(context, request, error)
                                              : mandatory_text_page(context, request, text.id, error);
                      });
}

// -- Ad templates

namespace {

domain::AdTemplateRecord ad_template_from(const Request& request)
{
    domain::AdTemplateRecord ad_template;
    ad_template.id = parse_id(request.param("template_id"));
    ad_template.name = request.form_or("name");
    ad_template.language = request.form_or("language");
    ad_template.title = request.form_or("title");
    ad_template.salary_text = request.form_or("salary_text");
    ad_template.collective_agreement = request.form_or("collective_agreement");
    ad_template.employment_form = request.form_or("employment_form");
    ad_template.employment_basis = request.form_or("employment_basis");
    ad_template.full_time = request.form_or("working_time") != "part_time";
    ad_template.weekly_hours =
        ad_template.full_time ? 37
                              : hours_or_invalid(std::string(core::trim(request.form_or("weekly_hours"))));
    ad_template.body_source = request.form_or("body");
    return ad_template;
}

void fill_ad_template(Dictionary& form, const domain::AdTemplateRecord& ad_template,
                      const std::string& weekly_hours, const std::vector<domain::NamedRecord>& agreements)
{
    keep_value(form, "name", ad_template.name);
    keep_value(form, "title", ad_template.title);
    keep_value(form, "salary_text", ad_template.salary_text);
    keep_value(form, "collective_agreement", ad_template.collective_agreement);
    keep_value(form, "weekly_hours", weekly_hours);
    keep_value(form, "body", ad_template.body_source);
    show_choice(form, "LANGUAGE", ad_template.language);
    show_choice(form, "FORM", ad_template.employment_form);
    show_choice(form, "BASIS", ad_template.employment_basis);
    form.ShowSection(ad_template.full_time ? "FULL_TIME" : "PART_TIME");
    for (const auto& agreement : agreements)
        form.AddSectionDictionary("AGREEMENT")->SetValue("NAME", agreement.name);
}

/// The list with the form for a new template (template_id 0), or one template's own page.
Response ad_template_page(AppContext& context, Request& request, std::int64_t template_id,
                          const std::optional<core::Error>& error)
{
    auto institution = institution_of(request);
    domain::AdTemplateRecord shown;
    std::string weekly_hours;
    std::vector<domain::AdTemplateRecord> templates;
    if (template_id != 0) {
        auto stored = context.setup.ad_template(request.actor(), institution, template_id);
        if (!stored)
            return refusal_page(context, request, stored.error());
        shown = *stored;
        weekly_hours = shown.full_time ? "" : hours_text(shown.weekly_hours);
    } else {
        auto listed = context.setup.ad_templates(request.actor(), institution);
        if (!listed)
            return refusal_page(context, request, listed.error());
        templates = std::move(*listed);
    }
    std::string heading = shown.name;
    if (request.method == "POST") {
        shown = ad_template_from(request);
        weekly_hours = request.form_or("weekly_hours");
    }
    auto agreements =
        context.setup.list(request.actor(), services::SetupList::collective_agreements, institution);
    return page(
        context, request, template_id ? "setup/ad_template" : "setup/ad_templates",
        template_id ? msgid("Ad template") : msgid("Ad templates"),
        [&](Dictionary& dictionary) {
            notice_if_saved(context, request, dictionary);
            dictionary.SetValue("NAME", heading);
            for (const auto& item : templates) {
                auto* row = dictionary.AddSectionDictionary("TEMPLATE");
                row->SetValue("TEMPLATE_ID", std::to_string(item.id));
                row->SetValue("NAME", item.name);
                row->SetValue("TITLE", item.title);
                row->SetValue("LANGUAGE", tr(context, request, language_label(item.language)));
            }
            if (template_id == 0 && templates.empty())
                dictionary.ShowSection("NO_TEMPLATES");
            auto& form = form_of(dictionary, request, "_ad_template_form");
            fill_ad_template(form, shown, weekly_hours,
                             agreements ? *agreements : std::vector<domain::NamedRecord>{});
            form.SetValue("ACTION", template_id ? "/setup/ad-templates/" + std::to_string(template_id)
                                                : std::string("/setup/ad-templates"));
            show_errors(context, request, dictionary, &form, error);
        },
        error ? 400 : 200);
}

} // namespace

Response show_ad_templates(AppContext& context, Request& request)
{
    return ad_template_page(context, request, 0, std::nullopt);
}

Response show_ad_template(AppContext& context, Request& request)
{
    std::int64_t template_id = parse_id(request.param("template_id"));
    if (template_id == 0)
        return error_page(context, request, 404);
    return ad_template_page(context, request, template_id, std::nullopt);
}

Response submit_ad_template(AppContext& context, Request& request)
{
    auto ad_template = ad_template_from(request);
    if (!request.param("template_id").empty() && ad_template.id == 0)
        return error_page(context, request, 404);
    auto result = context.setup.save_ad_template(request.actor(), institution_of(request), ad_template,
                                                 request.origin());
    return after_save(
        context, request, status_of(result), "/setup/ad-templates?saved=1",
        [&](const core::Error& error) { return ad_template_page(context, request, ad_template.id, error); });
}

// -- Screening-question templates

namespace {

domain::QuestionTemplateRecord question_from(const Request& request)
{
    return {parse_id(request.param("question_template_id")), request.form_or("text"), request.form_or("kind"),
            request.form_or("options")};
}

/// The list with the form for a new question (question_id 0), or one question's own page.
Response question_page(AppContext& context, Request& request, std::int64_t question_id,
                       const std::optional<core::Error>& error)
{
    auto institution = institution_of(request);
    domain::QuestionTemplateRecord shown;
    std::vector<domain::QuestionTemplateRecord> questions;
    if (question_id != 0) {
        auto stored = context.setup.question(request.actor(), institution, question_id);
        if (!stored)
            return refusal_page(context, request, stored.error());
        shown = *stored;
    } else {
        auto listed = context.setup.questions(request.actor(), institution);
        if (!listed)
            return refusal_page(context, request, listed.error());
        questions = std::move(*listed);
    }
    std::string heading = shown.text;
    if (request.method == "POST")
        shown = question_from(request);
    return page(
        context, request, question_id ? "setup/question" : "setup/questions",
        question_id ? msgid("Screening question") : msgid("Screening questions"),
        [&](Dictionary& dictionary) {
            notice_if_saved(context, request, dictionary);
            dictionary.SetValue("TEXT", heading);
            for (const auto& item : questions) {
                auto* row = dictionary.AddSectionDictionary("QUESTION");
                row->SetValue("QUESTION_ID", std::to_string(item.id));
                row->SetValue("TEXT", item.text);
                row->SetValue("KIND", tr(context, request, answer_kind_label(item.kind)));
                std::string knockouts;
                for (const auto& option : domain::question_options(item.options))
                    if (option.disqualifies)
                        knockouts += (knockouts.empty() ? "" : ", ") + option.text;
                if (knockouts.empty())
                    row->ShowSection("NO_KNOCKOUT");
                else
                    row->SetValueAndShowSection("KNOCKOUTS", knockouts, "HAS_KNOCKOUT");
            }
            if (question_id == 0 && questions.empty())
                dictionary.ShowSection("NO_QUESTIONS");
            auto& form = question_form(dictionary, request, {shown.text, shown.kind, shown.options},
                                       question_id ? "/setup/questions/" + std::to_string(question_id)
                                                   : std::string("/setup/questions"));
            show_errors(context, request, dictionary, &form, error);
        },
        error ? 400 : 200);
}

} // namespace

Response show_questions(AppContext& context, Request& request)
{
    return question_page(context, request, 0, std::nullopt);
}

Response show_question(AppContext& context, Request& request)
{
    std::int64_t question_id = parse_id(request.param("question_template_id"));
    if (question_id == 0)
        return error_page(context, request, 404);
    return question_page(context, request, question_id, std::nullopt);
}

Response submit_question(AppContext& context, Request& request)
{
    auto question = question_from(request);
    if (!request.param("question_template_id").empty() && question.id == 0)
        return error_page(context, request, 404);
    auto result =
        context.setup.save_question(request.actor(), institution_of(request), question, request.origin());
    return after_save(
        context, request, status_of(result), "/setup/questions?saved=1",
        [&](const core::Error& error) { return question_page(context, request, question.id, error); });
}

// -- Collective agreements and position categories

namespace {

std::optional<services::SetupList> list_named(const std::string& name)
{
    if (name == "agreements")
        return services::SetupList::collective_agreements;
    if (name == "categories")
        return services::SetupList::position_categories;
    return std::nullopt;
}

const char* field_of(services::SetupList which)
{
    return which == services::SetupList::collective_agreements ? "agreement_name" : "category_name";
}

Response lists_page(AppContext& context, Request& request, const std::optional<core::Error>& error,
                    std::optional<services::SetupList> sent = std::nullopt)
{
    auto institution = institution_of(request);
    auto agreements =
        context.setup.list(request.actor(), services::SetupList::collective_agreements, institution);
    auto categories =
        context.setup.list(request.actor(), services::SetupList::position_categories, institution);
    if (!agreements)
        return refusal_page(context, request, agreements.error());
    if (!categories)
        return refusal_page(context, request, categories.error());
    return page(
        context, request, "setup/lists",
        tr(context, request, msgid("Collective agreements and position categories")),
        [&](Dictionary& dictionary) {
            notice_if_saved(context, request, dictionary);
            auto add_rows = [&](const std::vector<domain::NamedRecord>& items, const char* section,
                                const char* empty) {
                for (const auto& item : items) {
                    auto* row = dictionary.AddSectionDictionary(section);
                    row->SetValue("ITEM_ID", std::to_string(item.id));
                    row->SetValue("NAME", item.name);
                }
                if (items.empty())
                    dictionary.ShowSection(empty);
            };
            add_rows(*agreements, "AGREEMENT", "NO_AGREEMENTS");
            add_rows(*categories, "CATEGORY", "NO_CATEGORIES");
            if (sent)
                keep_value(dictionary, field_of(*sent), request.form_or(field_of(*sent)));
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        error ? 400 : 200);
}

} // namespace

Response show_lists(AppContext& context, Request& request)
{
    return lists_page(context, request, std::nullopt);
}

Response submit_list_item(AppContext& context, Request& request)
{
    auto which = list_named(request.param("list"));
    if (!which)
        return error_page(context, request, 404);
    auto result = context.setup.add_to_list(request.actor(), *which, institution_of(request),
                                            request.form_or(field_of(*which)), request.origin());
    return after_save(context, request, status_of(result), "/setup/lists?saved=1",
                      [&](const core::Error& error) { return lists_page(context, request, error, which); });
}

Response submit_list_item_removal(AppContext& context, Request& request)
{
    auto which = list_named(request.param("list"));
    if (!which)
        return error_page(context, request, 404);
    auto result = context.setup.remove_from_list(request.actor(), *which, institution_of(request),
                                                 parse_id(request.param("item_id")), request.origin());
    return after_save(context, request, result, "/setup/lists?saved=1",
                      [&](const core::Error& error) { return lists_page(context, request, error); });
}

} // namespace rekrut::web
