#include "core/csv.hpp"

#include <string_view>

namespace rekrut::core {

/// One CSV field (RFC 4180), always quoted. A cell that a spreadsheet would read as a formula gets
/// a leading apostrophe, so an event text such as "=HYPERLINK(...)" stays text when opened in Excel.
std::string csv_field(const std::string& value)
{
    std::string out = "\"";
    if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
        out += '\'';
    for (char ch : value) {
        if (ch == '"')
            out += '"';
        out += ch;
    }
    return out + "\"";
}

void csv_row(std::string& out, const std::vector<std::string>& fields)
{
    for (std::size_t index = 0; index < fields.size(); ++index) {
        if (index > 0)
            out += ',';
        out += csv_field(fields[index]);
    }
    out += "\r\n";
}

} // namespace rekrut::core
