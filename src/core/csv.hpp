#pragma once

#include <string>
#include <vector>

namespace rekrut::core {

/// One CSV field (RFC 4180), always quoted. A cell that a spreadsheet would read as a formula gets
/// a leading apostrophe, so a text such as "=HYPERLINK(...)" stays text when opened in Excel.
std::string csv_field(const std::string& value);
/// Appends one CSV row, ended by CRLF.
void csv_row(std::string& out, const std::vector<std::string>& fields);

} // namespace rekrut::core
