#include "web/applications/application_form_view.hpp"

#include <ctemplate/template.h>
#include <map>

#include "core/clock.hpp"
#include "core/display_format.hpp"
#include "domain/job_ad/screening_question.hpp"
#include "services/applications/held_uploads.hpp"
#include "web/app_context.hpp"
#include "web/forms.hpp"
#include "web/i18n.hpp"

namespace rekrut::web {

using core::msgid;

namespace {

bool checked(const Request& request, const std::string& name)
{
    return request.form_value(name).has_value();
}

/// Every value the request carries for `name`, one per line (a multiple-choice answer).
std::string all_values(const Request& request, const std::string& name)
{
    std::string joined;
    for (const auto& [field, value] : request.form)
        if (field == name)
            joined += (joined.empty() ? "" : "\n") + value;
    return joined;
}

std::map<std::string, std::string> messages_by_field(const AppContext& context, const Request& request,
                                                     const std::optional<core::Error>& error)
{
    std::map<std::string, std::string> messages;
    if (error)
        for (const auto& field : error->fields)
            messages.emplace(field.field, context.translator.translate(request.language, field.message));
    return messages;
}

void mark_error(Dictionary& item, const std::map<std::string, std::string>& messages,
                const std::string& field)
{
    if (auto found = messages.find(field); found != messages.end())
        item.AddSectionDictionary("ERROR")->SetValue("MESSAGE", found->second);
}

struct TextField {
    const char* name;
    const char* label;
    const char* type;
    const char* autocomplete;
    const char* width;
    bool required;
};

void fill_text_fields(Dictionary& page, const AppContext& context, const Request& request,
                      const domain::ApplicationForm& form, const std::map<std::string, std::string>& messages)
{
    const TextField fields[] = {
        {"full_name", msgid("Full name"), "text", "name", "input-width-xl", true},
        {"email", msgid("E-mail address"), "email", "email", "input-width-xl", true},
        {"phone", msgid("Telephone"), "tel", "tel", "input-width-m", false},
        {"address", msgid("Address"), "text", "street-address", "input-width-xl", false},
        {"postal_code", msgid("Postal code"), "text", "postal-code", "input-width-xs", false},
        {"city", msgid("City"), "text", "address-level2", "input-width-l", false},
    };
    const std::string values[] = {form.full_name, form.email,       form.phone,
                                  form.address,   form.postal_code, form.city};
    for (std::size_t i = 0; i < std::size(fields); ++i) {
        auto* item = page.AddSectionDictionary("TEXT_FIELD");
        item->SetValue("NAME", fields[i].name);
        item->SetValue("LABEL", tr(context, request, fields[i].label));
        item->SetValue("TYPE", fields[i].type);
        item->SetValue("AUTOCOMPLETE", fields[i].autocomplete);
        item->SetValue("WIDTH", fields[i].width);
        item->SetValue("VALUE", values[i]);
        if (fields[i].required)
            item->ShowSection("REQUIRED");
        mark_error(*item, messages, fields[i].name);
    }
}

void fill_file_fields(Dictionary& page, const AppContext& context, const Request& request,
                      const services::ApplyContext&, const std::map<std::string, std::string>& messages)
{
    const auto& limits = context.config;
    auto megabytes = [](std::size_t bytes) { return std::to_string(bytes / (std::size_t{1024} * 1024)); };
    std::string hint =
        tr(context, request,
           msgid("PDF, Word (DOCX), OpenDocument (ODT), RTF, text, JPEG or PNG, at most {file} MB per "
                 "file and {total} MB in all."));
    for (const auto& [name, bytes] : {std::pair{std::string("{file}"), limits.max_file_bytes},
                                      std::pair{std::string("{total}"), limits.max_application_bytes}})
        if (auto at = hint.find(name); at != std::string::npos)
            hint.replace(at, name.size(), megabytes(bytes));
    const std::pair<const char*, const char*> fields[] = {
        {"cover_letter_file", msgid("Cover letter as a file")},
        {"cv_file", msgid("CV")},
        {"other_files", msgid("Other attachments (diplomas, references)")},
    };
    for (const auto& [name, label] : fields) {
        auto* item = page.AddSectionDictionary("FILE_FIELD");
        item->SetValue("NAME", name);
        item->SetValue("LABEL", tr(context, request, label));
        item->SetValue("HINT", hint);
        if (std::string(name) == "other_files")
            item->ShowSection("MULTIPLE");
        mark_error(*item, messages, name);
    }
}

std::string kind_label(const AppContext& context, const Request& request, domain::AttachmentKind kind)
{
    switch (kind) {
    case domain::AttachmentKind::cover_letter: return tr(context, request, msgid("Cover letter"));
    case domain::AttachmentKind::cv: return tr(context, request, msgid("CV"));
    case domain::AttachmentKind::other: return tr(context, request, msgid("Attachment"));
    }
    return "";
}

void fill_choice(Dictionary& question, const domain::CaseQuestionRecord& record, const std::string& answer,
                 const std::map<std::string, std::string>& messages)
{
    const auto field = domain::answer_field(record.id);
    auto* choice = question.AddSectionDictionary("CHOICE");
    choice->SetValue("FIELD", field);
    choice->SetValue("TEXT", record.text);
    mark_error(*choice, messages, field);
    const bool multiple = record.kind == "multiple_choice";
    int n = 0;
    for (const auto& option : domain::question_options(record.options)) {
        auto* item = choice->AddSectionDictionary("OPTION");
        item->SetValue("OPTION_ID", n == 0 ? field : field + "-" + std::to_string(n));
        item->SetValue("VALUE", option.text);
        item->SetValue("INPUT_TYPE", multiple ? "checkbox" : "radio");
        item->SetValue("INPUT_CLASS", multiple ? "form-checkbox" : "form-radio");
        if (("\n" + answer + "\n").find("\n" + option.text + "\n") != std::string::npos)
            item->ShowSection("CHECKED");
        ++n;
    }
}

void fill_questions(Dictionary& page, const std::vector<domain::CaseQuestionRecord>& questions,
                    const domain::ApplicationForm& form, const std::map<std::string, std::string>& messages)
{
    if (!questions.empty())
        page.ShowSection("HAS_QUESTIONS");
    for (const auto& record : questions) {
        auto* question = page.AddSectionDictionary("QUESTION");
        const auto field = domain::answer_field(record.id);
        mark_error(*question, messages, field);
        auto given = form.answers.find(record.id);
        const std::string answer = given == form.answers.end() ? "" : given->second;
        if (record.kind == "number" || record.kind == "short_text") {
            auto* free = question->AddSectionDictionary("FREE");
            free->SetValue("FIELD", field);
            free->SetValue("TEXT", record.text);
            free->SetValue("ANSWER", answer);
            mark_error(*free, messages, field);
            free->ShowSection(record.kind == "number" ? "NUMBER" : "TEXT_ANSWER");
        } else {
            fill_choice(*question, record, answer, messages);
        }
    }
}

} // namespace

/// Keeps the files that pass the rules for the next try. A new cover letter or CV replaces the one
/// held before. Returns the refused ones.
void fill_question_fields(Dictionary& page, const AppContext& context, const Request& request,
                          const std::vector<domain::CaseQuestionRecord>& questions,
                          const domain::ApplicationForm& form, const std::optional<core::Error>& error)
{
    fill_questions(page, questions, form, messages_by_field(context, request, error));
}

std::vector<services::RefusedFile> hold_uploads(AppContext& context, const std::string& form_key,
                                                const std::vector<services::IncomingFile>& files)
{
    std::vector<services::RefusedFile> refused;
    for (const auto& file : files) {
        auto problems = context.applications.check_files({file});
        if (!problems.empty()) {
            refused.push_back(problems.front());
            continue;
        }
        if (file.kind != domain::AttachmentKind::other)
            for (const auto& held : context.held_uploads.list(form_key))
                if (held.file.kind == file.kind)
                    context.held_uploads.remove(form_key, held.handle);
        context.held_uploads.hold(form_key, file);
    }
    return refused;
}

std::vector<services::IncomingFile> held_files(AppContext& context, const std::string& form_key)
{
    std::vector<services::IncomingFile> files;
    for (auto& held : context.held_uploads.list(form_key))
        files.push_back(std::move(held.file));
    return files;
}

/// All problems at once: the refused files and what the form rules say about the fields.
core::Error combined_errors(const AppContext& context, const Request& request,
                            const services::ApplyContext& apply, domain::ApplicationForm form,
                            const std::vector<services::RefusedFile>& refused,
                            const std::vector<services::IncomingFile>& files)
{
    for (const auto& file : files)
        form.has_cover_letter_file =
            form.has_cover_letter_file || file.kind == domain::AttachmentKind::cover_letter;
    auto fields = file_errors(context, request, refused);
    auto checked = domain::check_application(form, apply.questions, apply.civil_servant, core::now());
    if (!checked)
        fields.insert(fields.end(), checked.error().fields.begin(), checked.error().fields.end());
    return core::Error::invalid(msgid("The application could not be sent. Correct the fields marked."),
                                std::move(fields));
}

domain::ApplicationForm read_application_form(const Request& request,
                                              const std::vector<domain::CaseQuestionRecord>& questions)
{
    domain::ApplicationForm form;
    form.full_name = request.form_or("full_name");
    form.email = request.form_or("email");
    form.phone = request.form_or("phone");
    form.address = request.form_or("address");
    form.postal_code = request.form_or("postal_code");
    form.city = request.form_or("city");
    form.cover_letter = request.form_or("cover_letter");
    form.consent_processing = checked(request, "consent_processing");
    form.keep_for_future = checked(request, "keep_for_future");
    form.consent_contact = checked(request, "consent_contact");
    form.priority_access = checked(request, "priority_access");
    form.exclude_from_list = checked(request, "exclude_from_list");
    for (const auto& question : questions)
        form.answers[question.id] = all_values(request, domain::answer_field(question.id));
    return form;
}

std::vector<services::IncomingFile> uploaded_files(const Request& request)
{
    std::vector<services::IncomingFile> files;
    for (const auto& file : request.files) {
        if (file.filename.empty() && file.size == 0)
            continue; // a file input left empty
        domain::AttachmentKind kind = domain::AttachmentKind::other;
        if (file.field == "cover_letter_file")
            kind = domain::AttachmentKind::cover_letter;
        else if (file.field == "cv_file")
            kind = domain::AttachmentKind::cv;
        else if (file.field != "other_files" && file.field != "replacement")
            continue; // not a file field of these forms
        files.push_back({kind, file.filename, file.path, static_cast<std::int64_t>(file.size)});
    }
    return files;
}

std::vector<core::FieldError> file_errors(const AppContext& context, const Request& request,
                                          const std::vector<services::RefusedFile>& refused)
{
    std::vector<core::FieldError> errors;
    auto fill_in = [](std::string text, const std::string& name, const std::string& value) {
        if (auto at = text.find(name); at != std::string::npos)
            text.replace(at, name.size(), value);
        return text;
    };
    for (const auto& file : refused) {
        auto reason =
            fill_in(fill_in(tr(context, request, file.reason), "{limit}", file.limit), "{count}", file.count);
        errors.push_back({file.field, file.filename.empty() ? reason : file.filename + ": " + reason});
    }
    return errors;
}

void fill_application_form(Dictionary& page, const AppContext& context, const Request& request,
                           const services::ApplyContext& apply, const domain::ApplicationForm& form,
                           const std::vector<services::HeldFile>& held,
                           const std::optional<core::Error>& error)
{
    if (error)
        show_form_errors(page, *error, context.translator, request);
    auto messages = messages_by_field(context, request, error);
    page.SetIntValue("CASE_ID", apply.case_id);
    page.SetValue("POSITION_TITLE", apply.title);
    page.SetValue("INSTITUTION", apply.institution_name);
    page.SetValue("DEADLINE", core::format_date_time(apply.deadline, request.language));
    page.SetValue("DEADLINE_ISO", core::format_iso_utc(apply.deadline));
    fill_text_fields(page, context, request, form, messages);
    keep_value(page, "cover_letter", form.cover_letter);
    if (!held.empty())
        page.ShowSection("HAS_HELD");
    for (const auto& file : held) {
        auto* item = page.AddSectionDictionary("HELD");
        item->SetValue("HANDLE", file.handle);
        item->SetValue("FILENAME", file.file.filename);
        item->SetValue("KIND", kind_label(context, request, file.file.kind));
        item->SetValue("SIZE",
                       core::format_number(static_cast<double>(file.file.size) / 1024.0, request.language)
                           .append(" KB"));
    }
    fill_file_fields(page, context, request, apply, messages);
    fill_questions(page, apply.questions, form, messages);
    const std::pair<const char*, bool> boxes[] = {
        {"CONSENT_PROCESSING", form.consent_processing}, {"KEEP_FOR_FUTURE", form.keep_for_future},
        {"CONSENT_CONTACT", form.consent_contact},       {"PRIORITY_ACCESS", form.priority_access},
        {"EXCLUDE_FROM_LIST", form.exclude_from_list},
    };
    for (const auto& [name, on] : boxes)
        if (on)
            page.ShowSection(name);
    if (apply.civil_servant)
        page.ShowSection("CIVIL_SERVANT");
}

} // namespace rekrut::web
