#include "web/forms.hpp"

#include <algorithm>
#include <charconv>
#include <ctemplate/template.h>

#include "web/i18n.hpp"
#include "web/request.hpp"

namespace rekrut::web {
namespace {

std::string upper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) { return std::toupper(ch); });
    return text;
}

} // namespace

void show_form_errors(ctemplate::TemplateDictionary& page, const core::Error& error,
                      const Translator& translator, const Request& request,
                      const std::function<std::string(const std::string&)>& field_link)
{
    auto* summary = page.AddIncludeDictionary("ERROR_SUMMARY");
    summary->SetFilename(request.language + "/partials/_error_summary.tpl");
    if (error.fields.empty()) {
        summary->SetValueAndShowSection("MESSAGE", translator.translate(request.language, error.message),
                                        "GENERAL");
        return;
    }
    auto* list = summary->AddSectionDictionary("FIELDS");
    for (const auto& field : error.fields) {
        std::string message = translator.translate(request.language, field.message);
        if (auto at = message.find("{detail}"); at != std::string::npos)
            message.replace(at, 8, field.detail);
        auto* item = list->AddSectionDictionary("FIELD");
        item->SetValue("HREF", field_link ? field_link(field.field) : "#" + field.field);
        item->SetValue("MESSAGE", message);
        page.AddSectionDictionary("ERROR_" + upper(field.field))->SetValue("MESSAGE", message);
    }
}

void keep_value(ctemplate::TemplateDictionary& page, const std::string& field, const std::string& value)
{
    page.SetValue("VALUE_" + upper(field), value);
}

std::string local_path_or(const std::string& candidate, const std::string& fallback)
{
    if (candidate.empty() || candidate[0] != '/' || candidate.size() > 2000)
        return fallback;
    if (candidate.size() > 1 && (candidate[1] == '/' || candidate[1] == '\\'))
        return fallback;
    for (unsigned char ch : candidate)
        if (ch < 0x20 || ch == 0x7F)
            return fallback; // browsers drop tabs and newlines, which would turn "/\t/x" into "//x"

    return candidate;
}

std::int64_t parse_id(const std::string& text)
{
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value <= 0)
        return 0;
    return value;
}

} // namespace rekrut::web
