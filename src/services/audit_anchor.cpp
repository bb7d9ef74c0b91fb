#include "services/audit_anchor.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <syslog.h>
#include <unistd.h>

#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace rekrut::services {
namespace {

constexpr std::string_view k_prefix = "rekrut-audit-anchor v1";

/// Appends `line` to `path`, created readable by the owner only, and flushes it to the disk.
core::Status append_line(const std::string& path, const std::string& line)
{
    int file = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (file < 0)
        return core::Error{
            core::ErrorKind::unavailable, "audit anchor " + path + ": " + std::strerror(errno), {}};
    bool written = ::write(file, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    bool synced = ::fsync(file) == 0;
    ::close(file);
    if (!written || !synced)
        return core::Error{
            core::ErrorKind::unavailable, "audit anchor " + path + ": could not be written", {}};
    return core::success();
}

std::optional<std::int64_t> number_after(std::string_view line, std::string_view name)
{
    auto at = line.find(name);
    if (at == std::string_view::npos)
        return std::nullopt;
    std::int64_t value = 0;
    const char* begin = line.data() + at + name.size();
    auto [end, error] = std::from_chars(begin, line.data() + line.size(), value);
    if (error != std::errc() || end == begin)
        return std::nullopt;
    return value;
}

} // namespace

AuditAnchor::AuditAnchor(store::Database& database, std::string destination)
    : m_database(database), m_destination(std::move(destination))
{
}

core::Result<bool> AuditAnchor::mark()
{
    std::lock_guard lock(m_mutex);
    auto head = m_database.read([](store::Session& session) { return store::audit_events::head(session); });
    if (!head || head->hash == m_last_hash)
        return false;
    std::string line = anchor_line({head->id, head->hash, core::now()});
    if (m_destination == k_anchor_to_syslog) {
        line.pop_back(); // the newline
        ::syslog(LOG_AUTHPRIV | LOG_NOTICE, "%s", line.c_str());
    } else if (auto written = append_line(m_destination, line); !written) {
        return written.error();
    }
    m_last_hash = head->hash;
    return true;
}

std::string anchor_problem(store::Database& database, const AuditAnchorMark& mark)
{
    auto hash = database.read(
        [&](store::Session& session) { return store::audit_events::hash_of(session, mark.sequence); });
    auto anchored =
        "the anchor of " + core::format_iso_utc(mark.at) + " records event " + std::to_string(mark.sequence);
    if (!hash)
        return anchored + ", which the database no longer holds: the newest events were removed";
    if (*hash != mark.hash)
        return anchored + " with another hash: the events up to it were replaced";
    return "";
}

std::string anchor_line(const AuditAnchorMark& mark)
{
    return std::string(k_prefix) + " at=" + std::to_string(mark.at) +
           " sequence=" + std::to_string(mark.sequence) + " hash=" + mark.hash + "\n";
}

std::optional<AuditAnchorMark> parse_anchor_line(std::string_view line)
{
    auto start = line.find(k_prefix);
    if (start == std::string_view::npos)
        return std::nullopt;
    line.remove_prefix(start + k_prefix.size());
    auto at = number_after(line, " at=");
    auto sequence = number_after(line, " sequence=");
    auto hash_at = line.find(" hash=");
    if (!at || !sequence || *sequence <= 0 || hash_at == std::string_view::npos)
        return std::nullopt;
    std::string_view hash = line.substr(hash_at + 6, 64);
    if (hash.size() != 64 || hash.find_first_not_of("0123456789abcdef") != std::string_view::npos)
        return std::nullopt;
    return AuditAnchorMark{*sequence, std::string(hash), *at};
}

std::optional<AuditAnchorMark> latest_anchor(const std::string& path)
{
    std::ifstream file(path);
    std::optional<AuditAnchorMark> latest;
    std::string line;
    while (std::getline(file, line))
        if (auto mark = parse_anchor_line(line))
            latest = std::move(mark);
    return latest;
}

} // namespace rekrut::services
