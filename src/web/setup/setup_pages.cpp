#include "web/setup/setup_pages.hpp"

#include <ctemplate/template.h>

#include "services/institution_setup.hpp"
#include "web/app_context.hpp"
#include "web/error_pages.hpp"
#include "web/forms.hpp"
#include "web/i18n.hpp"
#include "web/views.hpp"

namespace rekrut::web {
namespace {

using Dictionary = ctemplate::TemplateDictionary;

std::int64_t institution_of(const Request& request) { return request.actor().data_institution().value_or(0); }

bool allowed(const AppContext& context, const Request& request)
{
    return context.setup.allowed(request.actor(), institution_of(request));
}

Response page(AppContext& context, const Request& request, const std::string& name, const char* title,
              const std::function<void(Dictionary&)>& fill, unsigned status = 200)
{
    return Response::html(
        context.views.render_page(request, name, context.translator.translate(request.language, title), fill), status);
}

void notice_if_saved(AppContext& context, const Request& request, Dictionary& dictionary)
{
    if (request.query_value("saved"))
        dictionary.SetValueAndShowSection(
            "NOTICE", context.translator.translate(request.language, msgid("Your changes have been saved.")),
            "HAS_NOTICE");
}

/// The form partial of a set-up page. Included templates see only their own values (and the
/// template-global ones such as the CSRF token), so the form gets its values and errors itself.
Dictionary& form_of(Dictionary& page, const Request& request, const char* partial)
{
    auto* form = page.AddIncludeDictionary("FORM");
    form->SetFilename(request.language + "/setup/" + partial + ".tpl");
    return *form;
}

void show_choice(Dictionary& dictionary, const std::string& prefix, const std::string& value)
{
    std::string key = prefix + "_";
    for (char ch : value)
        key += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    dictionary.ShowSection(key);
}

/// Where a form that failed goes: the same page with the errors, or the error page.
template <typename Render>
Response after_save(AppContext& context, Request& request, const core::Status& result, const std::string& success,
                    Render render)
{
    if (result)
        return Response::redirect(success);
    if (result.error().kind == core::ErrorKind::invalid)
        return render(result.error());
    return error_response(context, request, result.error());
}

core::Status status_of(const core::Result<std::int64_t>& result)
{
    if (result)
        return core::success();
    return result.error();
}

} // namespace

Response show_setup(AppContext& context, Request& request)
{
    if (!allowed(context, request))
        return error_page(context, request, 404);
    return page(context, request, "setup/index", msgid("Institution set-up"), [](Dictionary&) {});
}

namespace {

Response units_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto units = context.setup.units(institution_of(request));
    return page(
        context, request, "setup/units", msgid("Units"),
        [&](Dictionary& dictionary) {
            notice_if_saved(context, request, dictionary);
            for (const auto& unit : units) {
                auto* row = dictionary.AddSectionDictionary("UNIT");
                row->SetValue("UNIT_ID", std::to_string(unit.id));
                row->SetValue("NAME", unit.name);
                row->SetValue("INDENT", std::to_string(unit.depth * 2));
                auto* option = dictionary.AddSectionDictionary("PARENT_OPTION");
                option->SetValue("VALUE", std::to_string(unit.id));
                option->SetValue("LABEL", std::string(unit.depth * 2, ' ') + unit.name);
            }
            if (units.empty())
                dictionary.ShowSection("NO_UNITS");
            keep_value(dictionary, "name", request.method == "POST" ? request.form_or("name") : "");
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        error ? 400 : 200);
}

} // namespace

Response show_units(AppContext& context, Request& request)
{
    if (!allowed(context, request))
        return error_page(context, request, 404);
    return units_page(context, request, std::nullopt);
}

Response submit_unit(AppContext& context, Request& request)
{
    auto result = context.setup.add_unit(request.actor(), institution_of(request), request.form_or("parent_id"),
                                         request.form_or("name"), request.origin());
    return after_save(context, request, status_of(result), "/setup/units?saved=1",
                      [&](const core::Error& error) { return units_page(context, request, error); });
}

Response submit_unit_rename(AppContext& context, Request& request)
{
    auto result = context.setup.rename_unit(request.actor(), institution_of(request),
                                            parse_id(request.param("unit_id")), request.form_or("name"),
                                            request.origin());
    return after_save(context, request, result, "/setup/units?saved=1",
                      [&](const core::Error& error) { return units_page(context, request, error); });
}

namespace {

store::MandatoryTextRecord mandatory_text_from(const Request& request)
{
    store::MandatoryTextRecord text;
    text.id = parse_id(request.param("text_id"));
    text.name = request.form_or("name");
    text.kind = request.form_or("kind");
    text.language = request.form_or("language");
    text.body_source = request.form_or("body");
    text.required = !request.form_or("required").empty();
    text.locked = !request.form_or("locked").empty();
    text.position = static_cast<int>(parse_id(request.form_or("position", "0")));
    return text;
}

void fill_mandatory_text(Dictionary& dictionary, const store::MandatoryTextRecord& text)
{
    keep_value(dictionary, "name", text.name);
    keep_value(dictionary, "body", text.body_source);
    keep_value(dictionary, "position", std::to_string(text.position));
    show_choice(dictionary, "KIND", text.kind);
    show_choice(dictionary, "LANGUAGE", text.language);
    if (text.required)
        dictionary.ShowSection("REQUIRED");
    if (text.locked)
        dictionary.ShowSection("LOCKED");
}

Response mandatory_texts_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto texts = context.setup.mandatory_texts(institution_of(request));
    return page(
        context, request, "setup/mandatory_texts", msgid("Mandatory texts"),
        [&](Dictionary& dictionary) {
            notice_if_saved(context, request, dictionary);
            for (const auto& text : texts) {
                auto* row = dictionary.AddSectionDictionary("TEXT");
                row->SetValue("TEXT_ID", std::to_string(text.id));
                row->SetValue("NAME", text.name);
                row->SetValue("LANGUAGE", text.language);
                row->SetValue("KIND", text.kind);
                if (text.required)
                    row->ShowSection("REQUIRED");
                if (text.locked)
                    row->ShowSection("LOCKED");
            }
            store::MandatoryTextRecord blank;
            auto& form = form_of(dictionary, request, "_mandatory_text_form");
            fill_mandatory_text(form, request.method == "POST" ? mandatory_text_from(request) : blank);
            form.SetValue("ACTION", "/setup/mandatory-texts");
            if (error) {
                show_form_errors(dictionary, *error, context.translator, request);
                show_form_errors(form, *error, context.translator, request);
            }
        },
        error ? 400 : 200);
}

Response mandatory_text_page(AppContext& context, Request& request, const store::MandatoryTextRecord& text,
                             const std::optional<core::Error>& error)
{
    return page(
        context, request, "setup/mandatory_text", msgid("Mandatory text"),
        [&](Dictionary& dictionary) {
            keep_value(dictionary, "name", text.name);
            // Sanitized when saved (rich-text format → allow-listed HTML); shown as HTML on purpose.
            dictionary.SetValue("PREVIEW", text.body_html);
            auto& form = form_of(dictionary, request, "_mandatory_text_form");
            fill_mandatory_text(form, text);
            form.SetValue("ACTION", "/setup/mandatory-texts/" + std::to_string(text.id));
            if (error) {
                show_form_errors(dictionary, *error, context.translator, request);
                show_form_errors(form, *error, context.translator, request);
            }
        },
        error ? 400 : 200);
}

} // namespace

Response show_mandatory_texts(AppContext& context, Request& request)
{
    if (!allowed(context, request))
        return error_page(context, request, 404);
    return mandatory_texts_page(context, request, std::nullopt);
}

Response show_mandatory_text(AppContext& context, Request& request)
{
    auto text = allowed(context, request)
                    ? context.setup.mandatory_text(institution_of(request), parse_id(request.param("text_id")))
                    : std::nullopt;
    if (!text)
        return error_page(context, request, 404);
    return mandatory_text_page(context, request, *text, std::nullopt);
}

Response submit_mandatory_text(AppContext& context, Request& request)
{
    auto text = mandatory_text_from(request);
    if (!request.param("text_id").empty() && text.id == 0)
        return error_page(context, request, 404);
    auto result = context.setup.save_mandatory_text(request.actor(), institution_of(request), text, request.origin());
    return after_save(context, request, status_of(result), "/setup/mandatory-texts?saved=1",
                      [&](const core::Error& error) {
                          return text.id == 0 ? mandatory_texts_page(context, request, error)
                                              : mandatory_text_page(context, request, text, error);
                      });
}

namespace {

store::AdTemplateRecord ad_template_from(const Request& request)
{
    store::AdTemplateRecord ad_template;
    ad_template.id = parse_id(request.param("template_id"));
    ad_template.name = request.form_or("name");
    ad_template.language = request.form_or("language");
    ad_template.title = request.form_or("title");
    ad_template.salary_text = request.form_or("salary_text");
    ad_template.collective_agreement = request.form_or("collective_agreement");
    ad_template.employment_form = request.form_or("employment_form");
    ad_template.employment_basis = request.form_or("employment_basis");
    ad_template.full_time = request.form_or("working_time") != "part_time";
    ad_template.weekly_hours = ad_template.full_time ? 37 : 30;
    ad_template.body_source = request.form_or("body");
    return ad_template;
}

void fill_ad_template(Dictionary& dictionary, const store::AdTemplateRecord& ad_template,
                      const std::vector<store::NamedRecord>& agreements)
{
    keep_value(dictionary, "name", ad_template.name);
    keep_value(dictionary, "title", ad_template.title);
    keep_value(dictionary, "salary_text", ad_template.salary_text);
    keep_value(dictionary, "collective_agreement", ad_template.collective_agreement);
    keep_value(dictionary, "body", ad_template.body_source);
    show_choice(dictionary, "LANGUAGE", ad_template.language);
    show_choice(dictionary, "FORM", ad_template.employment_form);
    show_choice(dictionary, "BASIS", ad_template.employment_basis);
    dictionary.ShowSection(ad_template.full_time ? "FULL_TIME" : "PART_TIME");
    for (const auto& agreement : agreements)
        dictionary.AddSectionDictionary("AGREEMENT")->SetValue("NAME", agreement.name);
}

Response ad_template_page(AppContext& context, Request& request, const store::AdTemplateRecord& ad_template,
                          const std::optional<core::Error>& error, bool with_list)
{
    auto institution = institution_of(request);
    auto templates = with_list ? context.setup.ad_templates(institution) : std::vector<store::AdTemplateRecord>{};
    auto agreements = context.setup.list(services::SetupList::collective_agreements, institution);
    return page(
        context, request, with_list ? "setup/ad_templates" : "setup/ad_template", msgid("Ad templates"),
        [&](Dictionary& dictionary) {
            notice_if_saved(context, request, dictionary);
            for (const auto& item : templates) {
                auto* row = dictionary.AddSectionDictionary("TEMPLATE");
                row->SetValue("TEMPLATE_ID", std::to_string(item.id));
                row->SetValue("NAME", item.name);
                row->SetValue("LANGUAGE", item.language);
            }
            keep_value(dictionary, "name", ad_template.name);
            auto& form = form_of(dictionary, request, "_ad_template_form");
            fill_ad_template(form, ad_template, agreements);
            form.SetValue("ACTION", ad_template.id ? "/setup/ad-templates/" + std::to_string(ad_template.id)
                                                   : std::string("/setup/ad-templates"));
            if (error) {
                show_form_errors(dictionary, *error, context.translator, request);
                show_form_errors(form, *error, context.translator, request);
            }
        },
        error ? 400 : 200);
}

} // namespace

Response show_ad_templates(AppContext& context, Request& request)
{
    if (!allowed(context, request))
        return error_page(context, request, 404);
    store::AdTemplateRecord blank;
    return ad_template_page(context, request, blank, std::nullopt, true);
}

Response show_ad_template(AppContext& context, Request& request)
{
    auto ad_template = allowed(context, request)
                           ? context.setup.ad_template(institution_of(request), parse_id(request.param("template_id")))
                           : std::nullopt;
    if (!ad_template)
        return error_page(context, request, 404);
    return ad_template_page(context, request, *ad_template, std::nullopt, false);
}

Response submit_ad_template(AppContext& context, Request& request)
{
    auto ad_template = ad_template_from(request);
    if (!request.param("template_id").empty() && ad_template.id == 0)
        return error_page(context, request, 404);
    auto result = context.setup.save_ad_template(request.actor(), institution_of(request), ad_template,
                                                 request.origin());
    return after_save(context, request, status_of(result), "/setup/ad-templates?saved=1",
                      [&](const core::Error& error) {
                          return ad_template_page(context, request, ad_template, error, ad_template.id == 0);
                      });
}

namespace {

store::QuestionTemplateRecord question_from(const Request& request)
{
    return {parse_id(request.param("question_template_id")), request.form_or("text"), request.form_or("kind"),
            request.form_or("options")};
}

Response question_page(AppContext& context, Request& request, const store::QuestionTemplateRecord& question,
                       const std::optional<core::Error>& error, bool with_list)
{
    auto questions = with_list ? context.setup.questions(institution_of(request))
                               : std::vector<store::QuestionTemplateRecord>{};
    return page(
        context, request, with_list ? "setup/questions" : "setup/question", msgid("Screening questions"),
        [&](Dictionary& dictionary) {
            notice_if_saved(context, request, dictionary);
            for (const auto& item : questions) {
                auto* row = dictionary.AddSectionDictionary("QUESTION");
                row->SetValue("QUESTION_ID", std::to_string(item.id));
                row->SetValue("TEXT", item.text);
                row->SetValue("KIND", item.kind);
            }
            keep_value(dictionary, "text", question.text);
            auto& form = form_of(dictionary, request, "_question_form");
            keep_value(form, "text", question.text);
            keep_value(form, "options", question.options);
            show_choice(form, "KIND", question.kind.empty() ? "yes_no" : question.kind);
            form.SetValue("ACTION", question.id ? "/setup/questions/" + std::to_string(question.id)
                                                : std::string("/setup/questions"));
            if (error) {
                show_form_errors(dictionary, *error, context.translator, request);
                show_form_errors(form, *error, context.translator, request);
            }
        },
        error ? 400 : 200);
}

} // namespace

Response show_questions(AppContext& context, Request& request)
{
    if (!allowed(context, request))
        return error_page(context, request, 404);
    return question_page(context, request, {}, std::nullopt, true);
}

Response show_question(AppContext& context, Request& request)
{
    auto question = allowed(context, request)
                        ? context.setup.question(institution_of(request), parse_id(request.param("question_template_id")))
                        : std::nullopt;
    if (!question)
        return error_page(context, request, 404);
    return question_page(context, request, *question, std::nullopt, false);
}

Response submit_question(AppContext& context, Request& request)
{
    auto question = question_from(request);
    if (!request.param("question_template_id").empty() && question.id == 0)
        return error_page(context, request, 404);
    auto result = context.setup.save_question(request.actor(), institution_of(request), question, request.origin());
    return after_save(context, request, status_of(result), "/setup/questions?saved=1",
                      [&](const core::Error& error) {
                          return question_page(context, request, question, error, question.id == 0);
                      });
}

namespace {

std::optional<services::SetupList> list_named(const std::string& name)
{
    if (name == "agreements")
        return services::SetupList::collective_agreements;
    if (name == "categories")
        return services::SetupList::position_categories;
    return std::nullopt;
}

Response lists_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto institution = institution_of(request);
    auto agreements = context.setup.list(services::SetupList::collective_agreements, institution);
    auto categories = context.setup.list(services::SetupList::position_categories, institution);
    return page(
        context, request, "setup/lists", msgid("Lists"),
        [&](Dictionary& dictionary) {
            notice_if_saved(context, request, dictionary);
            for (const auto& item : agreements) {
                auto* row = dictionary.AddSectionDictionary("AGREEMENT");
                row->SetValue("ITEM_ID", std::to_string(item.id));
                row->SetValue("NAME", item.name);
            }
            for (const auto& item : categories) {
                auto* row = dictionary.AddSectionDictionary("CATEGORY");
                row->SetValue("ITEM_ID", std::to_string(item.id));
                row->SetValue("NAME", item.name);
            }
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        error ? 400 : 200);
}

} // namespace

Response show_lists(AppContext& context, Request& request)
{
    if (!allowed(context, request))
        return error_page(context, request, 404);
    return lists_page(context, request, std::nullopt);
}

Response submit_list_item(AppContext& context, Request& request)
{
    auto which = list_named(request.param("list"));
    if (!which)
        return error_page(context, request, 404);
    std::string field = *which == services::SetupList::collective_agreements ? "agreement_name" : "category_name";
    auto result = context.setup.add_to_list(request.actor(), *which, institution_of(request),
                                            request.form_or(field), request.origin());
    return after_save(context, request, status_of(result), "/setup/lists?saved=1",
                      [&](const core::Error& error) { return lists_page(context, request, error); });
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
