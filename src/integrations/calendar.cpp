#include "integrations/calendar.hpp"

#include <cstdio>
#include <cstdlib>
#include <libical/ical.h>
#include <memory>
#include <mutex>

#include "integrations/smtp.hpp"

namespace rekrut::integrations {
namespace {

constexpr const char* k_copenhagen = "Europe/Copenhagen";

/// libical expands a zone's transitions lazily into the zone itself and keeps its loaded zones
/// in process-wide tables, so every use of it here is serialised. Invitations are made one at a
/// time and take well under a millisecond, so nothing waits for long.
std::mutex& libical_mutex()
{
    static std::mutex mutex;
    return mutex;
}

struct ComponentFree {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

struct StringFree {
    void operator()(char* text) const { std::free(text); }
};

/// Copenhagen as libical reads it from the system's tzdata (/usr/share/zoneinfo on Debian), with
/// libical's own "/freeassociation.sourceforge.net/" prefix in its TZID. Null when tzdata is
/// missing. The zone belongs to libical and lives as long as the process.
icaltimezone* copenhagen_zone()
{
    return icaltimezone_get_builtin_timezone(k_copenhagen);
}

/// The VTIMEZONE written into an invitation: Copenhagen's rules from the meeting's year on (older
/// history only makes the file longer), under the plain TZID "Europe/Copenhagen" that calendar
/// programs recognise, rather than libical's prefixed one.
Component copenhagen_vtimezone(icaltimezone* zone, core::UnixTime from)
{
    Component vtimezone{icalcomponent_new_clone(icaltimezone_get_component(zone))};
    constexpr core::UnixTime k_year = core::UnixTime{366} * 86400;
    icaltimezone_truncate_vtimezone(
        vtimezone.get(), icaltime_from_timet_with_zone(from - k_year, 0, icaltimezone_get_utc_timezone()),
        icaltime_null_time(), 1);
    icalproperty* tzid = icalcomponent_get_first_property(vtimezone.get(), ICAL_TZID_PROPERTY);
    if (tzid)
        icalproperty_set_tzid(tzid, k_copenhagen);
    else
        icalcomponent_add_property(vtimezone.get(), icalproperty_new_tzid(k_copenhagen));
    return vtimezone;
}

/// A DTSTART or DTEND in Copenhagen wall-clock time with TZID=Europe/Copenhagen.
icalproperty* local_time_property(icalproperty* property, icaltimezone* zone, core::UnixTime instant)
{
    icaltimetype local = icaltime_from_timet_with_zone(static_cast<time_t>(instant), 0, zone);
    local.zone = nullptr; // written as wall-clock digits; the TZID parameter below names the zone
    icalproperty_set_value(property, icalvalue_new_datetime(local));
    icalproperty_add_parameter(property, icalparameter_new_tzid(k_copenhagen));
    return property;
}

/// TEXT values: libical escapes commas, semicolons, backslashes and line breaks itself. Line breaks
/// are made LF only (a lone CR would survive as a raw byte), and other control characters, which
/// RFC 5545 does not allow in TEXT, are dropped.
std::string text_value(const std::string& text)
{
    std::string clean;
    clean.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n')
                continue;
            clean += '\n';
        } else if (byte == '\n' || byte == '\t' || (byte >= 0x20 && byte != 0x7F)) {
            clean += static_cast<char>(byte);
        }
    }
    return clean;
}

/// A CN parameter value: quoted by libical when it holds ',', ';' or ':', but a parameter value can
/// hold neither a double quote nor a line break, so those become an apostrophe and a space.
std::string common_name(const std::string& name)
{
    std::string clean;
    clean.reserve(name.size());
    for (char ch : name) {
        auto byte = static_cast<unsigned char>(ch);
        if (ch == '"')
            clean += '\'';
        else if (byte < 0x20 || byte == 0x7F)
            clean += ' ';
        else
            clean += ch;
    }
    return clean;
}

icalproperty* person(icalproperty* property, const std::string& name)
{
    if (!name.empty())
        icalproperty_add_parameter(property, icalparameter_new_cn(common_name(name).c_str()));
    return property;
}

core::Error refused(const char* reason)
{
    return core::Error{core::ErrorKind::invalid, reason, {}};
}

bool usable_uid(const std::string& uid)
{
    if (uid.empty() || uid.size() > 255)
        return false;
    for (char ch : uid) {
        auto byte = static_cast<unsigned char>(ch);
        if (byte <= 0x20 || byte == 0x7F)
            return false;
    }
    return true;
}

std::string text_of(const char* text)
{
    return text ? std::string(text) : std::string();
}

/// "mailto:anna@example.test" → "anna@example.test" (the scheme is case-insensitive).
std::string address_of_uri(const char* uri)
{
    std::string value = text_of(uri);
    if (value.size() >= 7 && (value.compare(0, 7, "mailto:") == 0 || value.compare(0, 7, "MAILTO:") == 0))
        value.erase(0, 7);
    return value;
}

std::string format_local(const icaltimetype& time)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d", time.year, time.month, time.day,
                  time.hour, time.minute);
    return buffer;
}

/// The instant a DTSTART or DTEND names: UTC as written, or local time in the zone its TZID names,
/// which must be defined in the calendar (as RFC 5545 requires) or be Copenhagen. Floating and
/// all-day times have no instant.
std::optional<core::UnixTime> instant_of(icalcomponent* calendar, icalproperty* property,
                                         std::string* tzid_out)
{
    if (!property)
        return std::nullopt;
    icaltimetype time = icalvalue_get_datetime(icalproperty_get_value(property));
    if (icaltime_is_null_time(time) || time.is_date)
        return std::nullopt;
    if (icaltime_is_utc(time))
        return static_cast<core::UnixTime>(
            icaltime_as_timet_with_zone(time, icaltimezone_get_utc_timezone()));
    icalparameter* tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
    if (!tzid)
        return std::nullopt;
    std::string name = text_of(icalparameter_get_tzid(tzid));
    if (tzid_out)
        *tzid_out = name;
    icaltimezone* zone = icalcomponent_get_timezone(calendar, name.c_str());
    if (!zone && name == k_copenhagen)
        zone = copenhagen_zone();
    if (!zone)
        return std::nullopt;
    return static_cast<core::UnixTime>(icaltime_as_timet_with_zone(time, zone));
}

} // namespace

core::Result<std::string> make_invitation(const CalendarEvent& event)
{
    if (!usable_uid(event.uid))
        return refused("The calendar invitation has no usable identifier.");
    if (event.duration_minutes <= 0)
        return refused("The meeting must last at least one minute.");
    if (!is_plain_address(event.organizer_email) || !is_plain_address(event.attendee_email))
        return refused(
            "The organiser and the attendee of a meeting must each have one plain e-mail address.");

    std::lock_guard lock(libical_mutex());
    icaltimezone* zone = copenhagen_zone();
    if (!zone)
        return core::Error{
            core::ErrorKind::unavailable,
            "The time-zone data for Europe/Copenhagen (Debian package tzdata) is missing, so no "
            "calendar invitation can be made.",
            {}};
    icaltimezone* utc = icaltimezone_get_utc_timezone();

    Component calendar{icalcomponent_new_vcalendar()};
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//Rekrut//Rekrut//EN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(
        calendar.get(), icalproperty_new_method(event.cancelled ? ICAL_METHOD_CANCEL : ICAL_METHOD_REQUEST));
    icalcomponent_add_component(calendar.get(), copenhagen_vtimezone(zone, event.start).release());

    icalcomponent* vevent = icalcomponent_new_vevent();
    icalcomponent_add_property(vevent, icalproperty_new_uid(event.uid.c_str()));
    icalcomponent_add_property(vevent, icalproperty_new_dtstamp(icaltime_from_timet_with_zone(
                                           static_cast<time_t>(core::now()), 0, utc)));
    icalcomponent_add_property(
        vevent, local_time_property(icalproperty_new(ICAL_DTSTART_PROPERTY), zone, event.start));
    icalcomponent_add_property(
        vevent, local_time_property(icalproperty_new(ICAL_DTEND_PROPERTY), zone,
                                    event.start + static_cast<core::UnixTime>(event.duration_minutes) * 60));
    icalcomponent_add_property(vevent, icalproperty_new_sequence(event.sequence));
    icalcomponent_add_property(
        vevent, icalproperty_new_status(event.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
    icalcomponent_add_property(vevent, icalproperty_new_summary(text_value(event.summary).c_str()));
    if (!event.location.empty())
        icalcomponent_add_property(vevent, icalproperty_new_location(text_value(event.location).c_str()));
    if (!event.description.empty())
        icalcomponent_add_property(vevent,
                                   icalproperty_new_description(text_value(event.description).c_str()));
    icalcomponent_add_property(vevent,
                               person(icalproperty_new_organizer(("mailto:" + event.organizer_email).c_str()),
                                      event.organizer_name));
    icalproperty* attendee =
        person(icalproperty_new_attendee(("mailto:" + event.attendee_email).c_str()), event.attendee_name);
    icalproperty_add_parameter(attendee, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
    icalproperty_add_parameter(attendee, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
    icalproperty_add_parameter(attendee,
                               icalparameter_new_rsvp(event.cancelled ? ICAL_RSVP_FALSE : ICAL_RSVP_TRUE));
    icalcomponent_add_property(vevent, attendee);
    icalcomponent_add_component(calendar.get(), vevent);

    std::unique_ptr<char, StringFree> text{icalcomponent_as_ical_string_r(calendar.get())};
    if (!text)
        return core::Error{core::ErrorKind::unavailable, "The calendar invitation could not be written.", {}};
    return std::string(text.get());
}

std::optional<ParsedEvent> parse_invitation(const std::string& ics)
{
    std::lock_guard lock(libical_mutex());
    Component calendar{icalparser_parse_string(ics.c_str())};
    if (!calendar)
        return std::nullopt;
    icalcomponent* root = calendar.get();
    if (icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT) {
        root = icalcomponent_get_first_component(calendar.get(), ICAL_VCALENDAR_COMPONENT);
        if (!root)
            return std::nullopt;
    }
    icalcomponent* vevent = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
    if (!vevent)
        return std::nullopt;

    ParsedEvent parsed;
    auto start =
        instant_of(root, icalcomponent_get_first_property(vevent, ICAL_DTSTART_PROPERTY), &parsed.tzid);
    if (!start)
        return std::nullopt;
    parsed.start = *start;
    parsed.end = instant_of(root, icalcomponent_get_first_property(vevent, ICAL_DTEND_PROPERTY), nullptr)
                     .value_or(parsed.start);
    if (icaltimezone* zone = copenhagen_zone())
        parsed.local_start =
            format_local(icaltime_from_timet_with_zone(static_cast<time_t>(parsed.start), 0, zone));

    if (icalproperty* method = icalcomponent_get_first_property(root, ICAL_METHOD_PROPERTY))
        parsed.method = text_of(icalproperty_method_to_string(icalproperty_get_method(method)));
    parsed.uid = text_of(icalcomponent_get_uid(vevent));
    parsed.summary = text_of(icalcomponent_get_summary(vevent));
    parsed.location = text_of(icalcomponent_get_location(vevent));
    parsed.description = text_of(icalcomponent_get_description(vevent));
    if (icalproperty* sequence = icalcomponent_get_first_property(vevent, ICAL_SEQUENCE_PROPERTY))
        parsed.sequence = icalproperty_get_sequence(sequence);
    if (icalproperty* status = icalcomponent_get_first_property(vevent, ICAL_STATUS_PROPERTY))
        parsed.cancelled = icalproperty_get_status(status) == ICAL_STATUS_CANCELLED;
    if (icalproperty* organizer = icalcomponent_get_first_property(vevent, ICAL_ORGANIZER_PROPERTY))
        parsed.organizer_email = address_of_uri(icalproperty_get_organizer(organizer));
    if (icalproperty* attendee = icalcomponent_get_first_property(vevent, ICAL_ATTENDEE_PROPERTY))
        parsed.attendee_email = address_of_uri(icalproperty_get_attendee(attendee));
    return parsed;
}

} // namespace rekrut::integrations
