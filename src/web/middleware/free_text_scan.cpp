#include "web/middleware/free_text_scan.hpp"

#include <algorithm>
#include <array>

namespace rekrut::web {
namespace {

bool contains(std::string_view name, std::string_view part)
{
    return name.find(part) != std::string_view::npos;
}

bool ends_with(std::string_view name, std::string_view suffix)
{
    return name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
}

} // namespace

std::string_view field_family(std::string_view name)
{
    auto end = name.size();
    while (end > 0 && name[end - 1] >= '0' && name[end - 1] <= '9')
        --end;
    if (end < name.size() && end > 1 && name[end - 1] == '_')
        return name.substr(0, end - 1);
    return name;
}

FieldScan field_scan(std::string_view name)
{
    constexpr std::array<std::string_view, 8> k_not_read{
        "csrf_token", "note", "comment", "code", "confirm_sensitive", "confirm_free_text", "form_key", "q"};
    if (std::find(k_not_read.begin(), k_not_read.end(), name) != k_not_read.end())
        return FieldScan::none;
    constexpr std::array<std::string_view, 4> k_secret_parts{"password", "passphrase", "secret", "token"};
    for (auto part : k_secret_parts)
        if (contains(name, part))
            return FieldScan::none;
    // Single-line identifiers: their names say what they hold.
    constexpr std::array<std::string_view, 19> k_identifier_parts{
        "email", "name",   "title",    "code",   "date",     "time", "phone",
        "cvr",   "url",    "address",  "postal", "postcode", "city", "municipality",
        "place", "status", "language", "role",   "kind"};
    for (auto part : k_identifier_parts)
        if (contains(name, part))
            return FieldScan::cpr_only;
    if (name == "id" || ends_with(name, "_id") || ends_with(field_family(name), "_id"))
        return FieldScan::cpr_only;
    return FieldScan::full;
}

std::vector<FieldFindings> free_text_findings(const Fields& form)
{
    std::vector<FieldFindings> found;
    for (const auto& field : form) {
        const std::string& name = field.first;
        const std::string& value = field.second;
        auto scan = field_scan(name);
        if (scan == FieldScan::none || value.empty())
            continue;
        std::vector<domain::SensitiveKind> kinds;
        if (scan == FieldScan::full) {
            for (const auto& finding : domain::find_sensitive_text(value))
                if (std::find(kinds.begin(), kinds.end(), finding.kind) == kinds.end())
                    kinds.push_back(finding.kind);
        } else if (!domain::find_cpr_numbers(value).empty()) {
            kinds.push_back(domain::SensitiveKind::cpr_number);
        }
        if (kinds.empty())
            continue;
        auto same =
            std::find_if(found.begin(), found.end(), [&](const FieldFindings& f) { return f.field == name; });
        if (same == found.end()) {
            found.push_back({name, std::move(kinds)});
            continue;
        }
        for (auto kind : kinds)
            if (std::find(same->kinds.begin(), same->kinds.end(), kind) == same->kinds.end())
                same->kinds.push_back(kind);
    }
    return found;
}

} // namespace rekrut::web
