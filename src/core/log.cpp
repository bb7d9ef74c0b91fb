#include "core/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "core/text.hpp"

namespace rekrut::core {

void init_logging(const std::string& level)
{
    auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    for (const char* name : {"rekrut", "access"}) {
        if (spdlog::get(name))
            continue;
        auto logger = std::make_shared<spdlog::logger>(name, sink);
        logger->set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","logger":"%n",%v})",
                            spdlog::pattern_time_type::utc);
        logger->set_level(spdlog::level::from_str(level));
        spdlog::register_logger(logger);
    }
}

void log_event(const std::string& level, const std::string& event, const std::string& extra_json_fields)
{
    auto logger = spdlog::get("rekrut");
    if (!logger)
        return;
    std::string line = "\"event\":\"" + json_escape(event) + "\"";
    if (!extra_json_fields.empty())
        line += "," + extra_json_fields;
    logger->log(spdlog::level::from_str(level), "{}", line);
}

bool is_log_level(const std::string& level)
{
    for (const char* known : {"trace", "debug", "info", "warn", "error", "off"})
        if (level == known)
            return true;
    return false;
}

void set_log_level(const std::string& level)
{
    if (!is_log_level(level))
        return;
    for (const char* name : {"rekrut", "access"})
        if (auto logger = spdlog::get(name))
            logger->set_level(spdlog::level::from_str(level));
}

std::string log_level()
{
    auto logger = spdlog::get("rekrut");
    if (!logger)
        return "info";
    auto name = spdlog::level::to_string_view(logger->level());
    std::string level(name.data(), name.size());
    return level == "warning" ? "warn" : level;
}

} // namespace rekrut::core
