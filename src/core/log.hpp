#pragma once

#include <string>

namespace rekrut::core {

/// Sets up the process loggers: "rekrut" for events and "access" for one JSON line per request,
/// both on stderr. Messages are JSON objects so that log shippers need no parsing rules.
void init_logging(const std::string& level);

/// Logs an application event as a JSON line: {"time":…,"level":…,"event":…, extra}.
/// `extra_json_fields` is a pre-escaped fragment such as `"route":"/x","status":200` or "".
void log_event(const std::string& level, const std::string& event, const std::string& extra_json_fields = "");

/// The levels, most verbose first: trace, debug, info, warn, error, off.
bool is_log_level(const std::string& level);
/// Changes the level of both loggers at run time (the operator's control); unknown levels are ignored.
void set_log_level(const std::string& level);
/// The level now in force ("info" before init_logging).
std::string log_level();

} // namespace rekrut::core
