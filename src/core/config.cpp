#include "core/config.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <charconv>
#include <functional>
#include <map>
#include <toml++/toml.h>

#include "core/text.hpp"

namespace rekrut::core {
namespace {

using Setter = std::function<std::string(Config&, const std::string&)>; // returns error text or ""

std::string set_unsigned(unsigned& target, const std::string& text, unsigned min, unsigned max)
{
    unsigned value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
        return "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    target = value;
    return "";
}

std::string set_size(std::size_t& target, const std::string& text)
{
    std::size_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value == 0)
        return "must be a positive number of bytes";
    target = value;
    return "";
}

std::string set_bool(bool& target, const std::string& text)
{
    if (text == "true" || text == "1" || text == "yes") {
        target = true;
        return "";
    }
    if (text == "false" || text == "0" || text == "no") {
        target = false;
        return "";
    }
    return "must be true or false";
}

std::string check_listen(const std::string& text)
{
    auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0)
        return "must be host:port, for example 127.0.0.1:8080";
    unsigned port = 0;
    std::string port_text = text.substr(colon + 1);
    if (!set_unsigned(port, port_text, 0, 65535).empty())
        return "has a port that is not a number from 0 to 65535";
    in_addr address{};
    if (inet_pton(AF_INET, text.substr(0, colon).c_str(), &address) != 1)
        return "must name an IPv4 address, for example 127.0.0.1:8080";
    return "";
}

std::string check_database_url(const std::string& text)
{
    if (text.rfind("sqlite:", 0) == 0 && text.size() > 7)
        return "";
    if (text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0)
        return "";
    return "must start with sqlite: or postgresql://";
}

using Settings = std::map<std::string, Setter>;

std::string set_listen(std::string& target, const std::string& text)
{
    auto problem = check_listen(text);
    if (problem.empty())
        target = text;
    return problem;
}

/// A comma-separated list (a TOML array arrives joined with commas) of addresses and CIDR blocks.
std::string set_address_ranges(std::vector<AddressRange>& target, const std::string& text)
{
    std::vector<AddressRange> ranges;
    for (auto field : split(text, ',')) {
        std::string_view item = trim(field);
        if (item.empty())
            continue;
        auto range = AddressRange::parse(item);
        if (!range)
            return "has \"" + std::string(item) +
                   "\", which is not an IPv4 or IPv6 address or CIDR block (such as 10.0.0.0/8)";
        ranges.push_back(*range);
    }
    target = std::move(ranges);
    return "";
}

std::string set_forwarded_header(ForwardedHeader& target, const std::string& text)
{
    std::string name = ascii_lower(trim(text));
    if (name == "x-forwarded-for")
        target = ForwardedHeader::x_forwarded_for;
    else if (name == "forwarded")
        target = ForwardedHeader::forwarded;
    else
        return "must be X-Forwarded-For or Forwarded";
    return "";
}

/// [server]: where and how the server listens, and who stands in front of it.
void add_server_settings(Settings& table)
{
    table.insert({
        {"server.listen", [](Config& c, const std::string& v) { return set_listen(c.listen, v); }},
        {"server.metrics_listen",
         [](Config& c, const std::string& v) {
             return v.empty() ? (c.metrics_listen.clear(), std::string()) : set_listen(c.metrics_listen, v);
         }},
        {"server.io_threads",
         [](Config& c, const std::string& v) { return set_unsigned(c.io_threads, v, 1, 64); }},
        {"server.worker_threads",
         [](Config& c, const std::string& v) { return set_unsigned(c.worker_threads, v, 1, 256); }},
        {"server.job_interval_seconds",
         [](Config& c, const std::string& v) { return set_unsigned(c.job_interval_seconds, v, 1, 3600); }},
        {"server.shutdown_grace_seconds",
         [](Config& c, const std::string& v) { return set_unsigned(c.shutdown_grace_seconds, v, 0, 300); }},
        {"server.hashing_threads",
         [](Config& c, const std::string& v) { return set_unsigned(c.hashing_threads, v, 1, 16); }},
        {"server.secure_cookies",
         [](Config& c, const std::string& v) { return set_bool(c.secure_cookies, v); }},
        {"server.public_url",
         [](Config& c, const std::string& v) -> std::string {
             if (v.rfind("http://", 0) != 0 && v.rfind("https://", 0) != 0)
                 return "must start with http:// or https://";
             c.public_url = v;
             while (!c.public_url.empty() && c.public_url.back() == '/')
                 c.public_url.pop_back();
             return "";
         }},
        {"server.trusted_proxies",
         [](Config& c, const std::string& v) { return set_address_ranges(c.trusted_proxies, v); }},
        {"server.forwarded_header",
         [](Config& c, const std::string& v) { return set_forwarded_header(c.forwarded_header, v); }},
    });
}

/// [server]: what one client and one request may use.
void add_limit_settings(Settings& table)
{
    table.insert({
        {"server.max_body_bytes",
         [](Config& c, const std::string& v) { return set_size(c.max_body_bytes, v); }},
        {"applications.max_file_bytes",
         [](Config& c, const std::string& v) { return set_size(c.max_file_bytes, v); }},
        {"applications.max_application_bytes",
         [](Config& c, const std::string& v) { return set_size(c.max_application_bytes, v); }},
        {"server.max_header_bytes",
         [](Config& c, const std::string& v) { return set_size(c.max_header_bytes, v); }},
        {"server.max_connections",
         [](Config& c, const std::string& v) { return set_unsigned(c.max_connections, v, 1, 100000); }},
        {"server.max_connections_per_ip",
         [](Config& c, const std::string& v) {
             return set_unsigned(c.max_connections_per_ip, v, 1, 100000);
         }},
        {"server.max_queued_requests",
         [](Config& c, const std::string& v) { return set_unsigned(c.max_queued_requests, v, 1, 100000); }},
        {"server.connection_timeout_seconds",
         [](Config& c, const std::string& v) {
             return set_unsigned(c.connection_timeout_seconds, v, 1, 3600);
         }},
    });
}

/// [database], [paths] and [security]: where data and files are kept.
void add_storage_settings(Settings& table)
{
    table.insert({
        {"database.url",
         [](Config& c, const std::string& v) {
             auto problem = check_database_url(v);
             if (problem.empty())
                 c.database_url = v;
             return problem;
         }},
        {"database.migration_url",
         [](Config& c, const std::string& v) {
             auto problem = v.empty() ? std::string() : check_database_url(v);
             if (problem.empty())
                 c.database_migration_url = v;
             return problem;
         }},
        {"database.runtime_role",
         [](Config& c, const std::string& v) { return c.database_runtime_role = v, std::string(); }},
        {"database.pool_size",
         [](Config& c, const std::string& v) { return set_unsigned(c.database_pool_size, v, 1, 256); }},
        {"paths.resources",
         [](Config& c, const std::string& v) { return c.resource_dir = v, std::string(); }},
        {"paths.locale", [](Config& c, const std::string& v) { return c.locale_dir = v, std::string(); }},
        {"paths.uploads", [](Config& c, const std::string& v) { return c.upload_dir = v, std::string(); }},
        {"security.key_file",
         [](Config& c, const std::string& v) {
             return v.empty() ? "must name a file" : (c.key_file = v, std::string());
         }},
    });
}

/// [smtp], [log] and [dev].
/// A line of the support contact: UTF-8 without control characters, at most 200 bytes.
std::string set_support_text(std::string& field, const std::string& value)
{
    if (value.size() > 200 || !is_valid_utf8(value))
        return "must be one line of UTF-8 text of at most 200 bytes";
    for (unsigned char c : value)
        if (c < 0x20 || c == 0x7f)
            return "must be one line of UTF-8 text of at most 200 bytes";
    field = value;
    return "";
}

void add_mail_and_log_settings(Settings& table)
{
    table.insert({
        {"smtp.url",
         [](Config& c, const std::string& v) -> std::string {
             if (!v.empty() && v.rfind("smtp://", 0) != 0 && v.rfind("smtps://", 0) != 0)
                 return "must start with smtp:// or smtps://";
             c.smtp_url = v;
             return "";
         }},
        {"smtp.from", [](Config& c, const std::string& v) { return c.smtp_from = v, std::string(); }},
        {"smtp.username", [](Config& c, const std::string& v) { return c.smtp_username = v, std::string(); }},
        {"smtp.password", [](Config& c, const std::string& v) { return c.smtp_password = v, std::string(); }},
        {"smtp.max_per_second",
         [](Config& c, const std::string& v) { return set_unsigned(c.smtp_max_per_second, v, 0, 100000); }},
        {"smtp.retry_seconds",
         [](Config& c, const std::string& v) { return set_unsigned(c.smtp_retry_seconds, v, 1, 86400); }},
        {"smtp.lease_seconds",
         [](Config& c, const std::string& v) { return set_unsigned(c.smtp_lease_seconds, v, 60, 86400); }},
        {"audit.anchor", [](Config& c, const std::string& v) { return c.audit_anchor = v, std::string(); }},
        {"audit.anchor_interval_seconds",
         [](Config& c, const std::string& v) {
             return set_unsigned(c.audit_anchor_interval_seconds, v, 1, 86400);
         }},
        {"backup.directory",
         [](Config& c, const std::string& v) { return c.backup_directory = v, std::string(); }},
        {"backup.interval_hours",
         [](Config& c, const std::string& v) {
             return set_unsigned(c.backup_interval_hours, v, 1, 24 * 31);
         }},
        {"backup.keep",
         [](Config& c, const std::string& v) { return set_unsigned(c.backup_keep, v, 1, 10000); }},
        {"backup.postgresql_bin_dir",
         [](Config& c, const std::string& v) {
             return v.empty() ? "must name a folder" : (c.backup_postgresql_bin_dir = v, std::string());
         }},
        {"jobnet.endpoint",
         [](Config& c, const std::string& v) -> std::string {
             if (!v.empty() && v.rfind("https://", 0) != 0 && v.rfind("http://127.0.0.1", 0) != 0 &&
                 v.rfind("http://localhost", 0) != 0)
                 return "must start with https:// (http:// only on loopback, for the simulator)";
             c.jobnet_endpoint = v;
             return "";
         }},
        {"jobnet.username",
         [](Config& c, const std::string& v) { return c.jobnet_username = v, std::string(); }},
        {"jobnet.password_file",
         [](Config& c, const std::string& v) { return c.jobnet_password_file = v, std::string(); }},
        {"jobnet.namespace",
         [](Config& c, const std::string& v) { return c.jobnet_namespace = v, std::string(); }},
        {"jobnet.retry_seconds",
         [](Config& c, const std::string& v) { return set_unsigned(c.jobnet_retry_seconds, v, 1, 86400); }},
        {"jobnet.lease_seconds",
         [](Config& c, const std::string& v) { return set_unsigned(c.jobnet_lease_seconds, v, 150, 86400); }},
        {"mail.log_links", [](Config& c, const std::string& v) { return set_bool(c.mail_log_links, v); }},
        {"log.level",
         [](Config& c, const std::string& v) -> std::string {
             static const char* levels[] = {"trace", "debug", "info", "warn", "error", "off"};
             for (auto* level : levels)
                 if (v == level) {
                     c.log_level = v;
                     return "";
                 }
             return "must be one of trace, debug, info, warn, error, off";
         }},
        {"log.access", [](Config& c, const std::string& v) { return set_bool(c.access_log, v); }},
        {"support.email",
         [](Config& c, const std::string& v) { return set_support_text(c.support_email, v); }},
        {"support.phone",
         [](Config& c, const std::string& v) { return set_support_text(c.support_phone, v); }},
        {"support.hours",
         [](Config& c, const std::string& v) { return set_support_text(c.support_hours, v); }},
        {"dev.reload_templates",
         [](Config& c, const std::string& v) { return set_bool(c.reload_templates, v); }},
    });
}

/// Every setting: its TOML path ("section.key") and how to apply a textual value.
const Settings& settings()
{
    static const Settings table = [] {
        Settings all;
        add_server_settings(all);
        add_limit_settings(all);
        add_storage_settings(all);
        add_mail_and_log_settings(all);
        return all;
    }();
    return table;
}

/// REKRUT_DATABASE_URL → database.url; REKRUT_SERVER_IO_THREADS → server.io_threads. Short aliases
/// for the two most used settings: REKRUT_LISTEN and REKRUT_DATABASE_URL.
std::string env_name_for(const std::string& key)
{
    if (key == "server.listen")
        return "REKRUT_LISTEN";
    std::string name = "REKRUT_";
    for (char ch : key)
        name += ch == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return name;
}

std::string toml_value_text(const toml::node& node, bool& ok)
{
    ok = true;
    if (auto list = node.as_array()) {
        // A list of strings, such as server.trusted_proxies: joined with commas, as in the environment.
        std::string joined;
        for (const auto& item : *list) {
            auto text = item.as_string();
            if (!text) {
                ok = false;
                return "";
            }
            joined += (joined.empty() ? "" : ",") + text->get();
        }
        return joined;
    }
    if (auto s = node.as_string())
        return s->get();
    if (auto i = node.as_integer())
        return std::to_string(i->get());
    if (auto b = node.as_boolean())
        return b->get() ? "true" : "false";
    ok = false;
    return "";
}

} // namespace

ConfigLoad load_config(const std::string& toml_path, char** environment)
{
    ConfigLoad load;
    const auto& table = settings();

    if (!toml_path.empty()) {
        try {
            toml::table document = toml::parse_file(toml_path);
            for (auto&& [section_key, section_node] : document) {
                std::string section(section_key.str());
                auto* section_table = section_node.as_table();
                if (!section_table) {
                    load.problems.push_back({section, "is not a known section"});
                    continue;
                }
                for (auto&& [key, node] : *section_table) {
                    std::string full = section + "." + std::string(key.str());
                    auto setting = table.find(full);
                    if (setting == table.end()) {
                        load.problems.push_back({full, "is not a known setting"});
                        continue;
                    }
                    bool ok = false;
                    std::string text = toml_value_text(node, ok);
                    if (!ok) {
                        load.problems.push_back(
                            {full, "must be a string, number, boolean or list of strings"});
                        continue;
                    }
                    if (auto problem = setting->second(load.config, text); !problem.empty())
                        load.problems.push_back({full, problem});
                }
            }
        } catch (const toml::parse_error& error) {
            load.problems.push_back(
                {toml_path, std::string("could not be read: ") + std::string(error.description())});
        }
    }

    std::map<std::string, std::string> env_to_key;
    for (const auto& [key, setter] : table)
        env_to_key[env_name_for(key)] = key;
    // Variables that belong to the surrounding tooling, not to the server.
    static const char* ignored[] = {"REKRUT_BIN", "REKRUT_TEST_", "REKRUT_ADMIN_PASSWORD"};
    for (char** entry = environment; entry && *entry; ++entry) {
        std::string item(*entry);
        if (item.rfind("REKRUT_", 0) != 0)
            continue;
        auto equals = item.find('=');
        std::string name = item.substr(0, equals);
        std::string value = equals == std::string::npos ? "" : item.substr(equals + 1);
        bool skip = false;
        for (auto* prefix : ignored)
            skip = skip || name.rfind(prefix, 0) == 0;
        if (skip)
            continue;
        auto key = env_to_key.find(name);
        if (key == env_to_key.end()) {
            load.problems.push_back({name, "is not a known setting"});
            continue;
        }
        if (auto problem = table.at(key->second)(load.config, value); !problem.empty())
            load.problems.push_back({name, problem});
    }
    return load;
}

} // namespace rekrut::core
