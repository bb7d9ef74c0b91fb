#pragma once

// Announcements of the platform operator to everyone who uses the service: incidents (something is
// wrong now) and service windows (planned work, announced ahead). Service description section 4.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace rekrut::domain {

enum class NoticeKind { incident, service_window };

std::string to_string(NoticeKind kind);
std::optional<NoticeKind> notice_kind_from_string(const std::string& text);

/// One later word on a notice: what was done since, what is expected.
struct NoticeUpdate {
    std::int64_t id = 0;
    std::int64_t notice_id = 0;
    std::string text;
    core::UnixTime created_at = 0;
};

struct ServiceNotice {
    std::int64_t id = 0;
    NoticeKind kind = NoticeKind::incident;
    std::string title;
    std::string affected; ///< What is affected: the whole service, the career site, mails, ...
    std::string actions;  ///< The actions taken (incident) or the work to be done (window).
    core::UnixTime starts_at = 0;
    /// The end of a service window, or the expected time horizon of an incident (when known).
    std::optional<core::UnixTime> ends_at;
    std::optional<core::UnixTime> resolved_at;
    core::UnixTime created_at = 0;
    core::UnixTime updated_at = 0;
    std::vector<NoticeUpdate> updates; ///< Oldest first.
};

/// What the operator types to announce a notice. Times are already parsed (Copenhagen local time in
/// the form); an empty start of an incident means "now".
struct NoticeInput {
    NoticeKind kind = NoticeKind::incident;
    std::string title;
    std::string affected;
    std::string actions;
    std::optional<core::UnixTime> starts_at;
    std::optional<core::UnixTime> ends_at;
};

/// A service window lasts at most this long.
constexpr core::UnixTime k_longest_window = core::UnixTime{7} * 86400;
/// The banner shows a service window this long before it starts.
constexpr core::UnixTime k_banner_lead = core::UnixTime{3} * 86400;
/// A notice carries at most this many updates.
constexpr std::size_t k_most_updates = 100;

/// Checks a new notice against the rules and the field limits; the field errors name title,
/// affected, actions, starts and ends. `now` decides what is in the past.
core::Status check_notice(const NoticeInput& input, core::UnixTime now);
/// Checks the text of an update (required, UTF-8, bounded).
core::Status check_update_text(const std::string& text);

/// Whether the notice is in force now: an unresolved incident that has started, or a service
/// window between its start and end that has not been ended early.
bool notice_is_current(const ServiceNotice& notice, core::UnixTime now);
/// Whether the notice is a service window still ahead (announced, not cancelled).
bool notice_is_ahead(const ServiceNotice& notice, core::UnixTime now);
/// Whether the application's banner shows the notice: current, or a window starting within
/// `k_banner_lead`.
bool notice_shows_banner(const ServiceNotice& notice, core::UnixTime now);

} // namespace rekrut::domain
