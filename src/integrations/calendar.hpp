#pragma once

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace rekrut::integrations {

/// One meeting (an interview) as sent to one attendee. Times are instants; the invitation states
/// them in Copenhagen local time, so a calendar shows 10:00 whichever side of a summer-time change
/// the meeting falls.
struct CalendarEvent {
    std::string
        uid; ///< Stable for the meeting across updates and its cancellation, e.g. "interview-42@host".
    core::UnixTime start = 0;
    int duration_minutes = 0;
    std::string summary; ///< Texts are UTF-8 and may hold commas, semicolons and line breaks.
    std::string location;
    std::string description;
    std::string organizer_name;
    std::string organizer_email;
    std::string attendee_name;
    std::string attendee_email;
    int sequence = 0;       ///< Raised on every change sent for the same uid, so calendars take the newest.
    bool cancelled = false; ///< METHOD:CANCEL: the attendee's calendar removes the meeting.
};

/// What a calendar program reads back from an invitation.
struct ParsedEvent {
    std::string method; ///< "REQUEST" or "CANCEL".
    std::string uid;
    core::UnixTime start = 0; ///< The instant, resolved through the invitation's own time zone.
    core::UnixTime end = 0;
    std::string local_start; ///< "2026-10-26 10:00", the start in Copenhagen time.
    std::string tzid;        ///< The TZID that DTSTART names.
    std::string summary;
    std::string location;
    std::string description;
    std::string organizer_email;
    std::string attendee_email;
    int sequence = 0;
    bool cancelled = false; ///< STATUS:CANCELLED.
};

/// An RFC 5545 iCalendar object (METHOD:REQUEST, or METHOD:CANCEL when `cancelled`) with one VEVENT
/// whose start and end are given in Europe/Copenhagen local time, and the VTIMEZONE that defines it.
/// Meant as a "text/calendar; charset=utf-8; method=REQUEST" (or CANCEL) mail attachment. Refused
/// (kind `invalid`) when the uid or an address is not usable or the duration is not positive; kind
/// `unavailable` when the time-zone data (tzdata) is missing.
core::Result<std::string> make_invitation(const CalendarEvent& event);

/// Reads the first VEVENT of an iCalendar object. Nothing when it has none, or when its start is
/// missing or names a time zone that the object does not define.
std::optional<ParsedEvent> parse_invitation(const std::string& ics);

} // namespace rekrut::integrations
