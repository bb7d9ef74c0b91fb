#pragma once

// Reference data the case form chooses from: the Danish municipalities with their official codes,
// and the DISCO-08 occupation codes most state positions use.

#include <span>
#include <string>
#include <string_view>

namespace rekrut::web {

struct Municipality {
    std::string_view code; ///< Three digits, e.g. "101".
    std::string_view name; ///< e.g. "København".
};

/// The 98 municipalities (kommuner), in Danish alphabetical order.
std::span<const Municipality> municipalities();

/// The municipality with this code, or nullptr.
const Municipality* municipality_by_code(std::string_view code);

struct OccupationCode {
    std::string_view code;    ///< DISCO-08, four digits.
    std::string_view danish;  ///< The title in Danish.
    std::string_view english; ///< The ISCO-08 title in English.
};

/// Common DISCO-08 codes for positions in the state, by code.
std::span<const OccupationCode> common_occupation_codes();

/// A DISCO-08 code: four digits, optionally followed by two more (with or without a dot), as in
/// "2423", "241110" or "2411.10".
bool is_valid_occupation_code(std::string_view code);

/// "2423 Personale- og karriererådgivning": the code with its title when it is one of the common
/// ones (by its first four digits), else the code alone; "" for "".
std::string occupation_text(std::string_view code, const std::string& language);

/// "København (101)", or the code alone when it names no municipality; "" for "".
std::string municipality_text(std::string_view code);

} // namespace rekrut::web
