#pragma once

#include <functional>
#include <string>

#include "core/result.hpp"

namespace ctemplate {
class TemplateDictionary;
}

namespace rekrut::web {

struct Request;
class Translator;

/// Shows a DKFDS error summary (ERROR_SUMMARY include) and, for each field error, the section
/// ERROR_<FIELD> with MESSAGE, which templates use to mark the field and show the message.
/// The summary links each field to "#<field>" on the page, or to `field_link(field)` when the
/// field lives on another page (a refused step on the case page names fields of the case form).
void show_form_errors(ctemplate::TemplateDictionary& page, const core::Error& error,
                      const Translator& translator, const Request& request,
                      const std::function<std::string(const std::string&)>& field_link = {});

/// Fills a field's value back into the form after an error: VALUE_<FIELD>.
void keep_value(ctemplate::TemplateDictionary& page, const std::string& field, const std::string& value);

/// A local path to return to after login ("/x", never "//host" or a URL), or `fallback`.
std::string local_path_or(const std::string& candidate, const std::string& fallback);

/// Parses a positive id from a path parameter; 0 when it is not one.
std::int64_t parse_id(const std::string& text);

} // namespace rekrut::web
