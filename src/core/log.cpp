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

} // namespace rekrut::core
