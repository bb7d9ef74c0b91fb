#include <gtest/gtest.h>
#include <sstream>
#include <vector>

#include "integrations/calendar.hpp"

namespace rekrut::integrations {
namespace {

core::UnixTime utc(int year, unsigned month, unsigned day, int hour, int minute)
{
    return core::days_from_civil(year, month, day) * 86400 + core::UnixTime{hour} * 3600 +
           core::UnixTime{minute} * 60;
}

CalendarEvent interview(core::UnixTime start)
{
    CalendarEvent event;
    event.uid = "interview-17@rekrut.example.test";
    event.start = start;
    event.duration_minutes = 45;
    event.summary = "Samtale: Fuldmægtig i Styrelsen for Dataforsyning";
    event.location = "Mødelokale 2, Holsteinsgade 63, 2100 København Ø";
    event.description = "Medbring eksamensbevis.";
    event.organizer_name = "Hanne Holm";
    event.organizer_email = "hr-hanne@styrelsen.example.test";
    event.attendee_name = "Anna Ærø";
    event.attendee_email = "anna@example.test";
    return event;
}

std::string invitation(const CalendarEvent& event)
{
    auto made = make_invitation(event);
    EXPECT_TRUE(made) << (made ? "" : made.error().message);
    return made ? made.value() : std::string();
}

std::vector<std::string> lines_of(const std::string& ics)
{
    std::vector<std::string> lines;
    std::size_t from = 0;
    while (from < ics.size()) {
        auto end = ics.find("\r\n", from);
        if (end == std::string::npos)
            end = ics.size();
        lines.push_back(ics.substr(from, end - from));
        from = end + 2;
    }
    return lines;
}

/// True when `text` is well-formed UTF-8 (no sequence cut in two).
bool valid_utf8(const std::string& text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = byte < 0x80           ? 1
                             : (byte >> 5) == 0x6  ? 2
                             : (byte >> 4) == 0xE  ? 3
                             : (byte >> 3) == 0x1E ? 4
                                                   : 0;
        if (length == 0 || i + length > text.size())
            return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2)
                return false;
        i += length;
    }
    return true;
}

TEST(Calendar, an_invitation_reads_back_as_sent)
{
    CalendarEvent event = interview(utc(2026, 12, 3, 9, 30));
    event.sequence = 2;
    std::string ics = invitation(event);
    EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\n", 0), 0U) << ics;
    for (const char* line : {"VERSION:2.0\r\n", "PRODID:-//Rekrut//Rekrut//EN\r\n", "METHOD:REQUEST\r\n",
                             "BEGIN:VTIMEZONE\r\n", "TZID:Europe/Copenhagen\r\n", "BEGIN:VEVENT\r\n",
                             "DTSTAMP:", "SEQUENCE:2\r\n", "STATUS:CONFIRMED\r\n"})
        EXPECT_NE(ics.find(line), std::string::npos) << line << " is missing in\n" << ics;
    EXPECT_EQ(ics.find("freeassociation"), std::string::npos) << "libical's TZID prefix leaked out:\n" << ics;

    auto parsed = parse_invitation(ics);
    ASSERT_TRUE(parsed) << ics;
    EXPECT_EQ(parsed->method, "REQUEST");
    EXPECT_EQ(parsed->uid, event.uid);
    EXPECT_EQ(parsed->start, event.start);
    EXPECT_EQ(parsed->end, event.start + core::UnixTime{45} * 60);
    EXPECT_EQ(parsed->local_start, "2026-12-03 10:30");
    EXPECT_EQ(parsed->tzid, "Europe/Copenhagen");
    EXPECT_EQ(parsed->summary, event.summary);
    EXPECT_EQ(parsed->location, event.location);
    EXPECT_EQ(parsed->description, event.description);
    EXPECT_EQ(parsed->organizer_email, event.organizer_email);
    EXPECT_EQ(parsed->attendee_email, event.attendee_email);
    EXPECT_EQ(parsed->sequence, 2);
    EXPECT_FALSE(parsed->cancelled);
}

struct AroundChange {
    const char* local_date;
    int utc_hour; ///< 10:00 in Copenhagen is 08:00Z in summer time and 09:00Z in winter time.
    const char* dtstart;
};

TEST(Calendar, ten_o_clock_stays_ten_o_clock_on_both_sides_of_a_summer_time_change)
{
    // Summer time ends on 25 October 2026 and begins on 28 March 2027.
    const AroundChange meetings[] = {
        {"2026-10-23", 8, "DTSTART;TZID=Europe/Copenhagen:20261023T100000\r\n"},
        {"2026-10-26", 9, "DTSTART;TZID=Europe/Copenhagen:20261026T100000\r\n"},
        {"2027-03-26", 9, "DTSTART;TZID=Europe/Copenhagen:20270326T100000\r\n"},
        {"2027-03-29", 8, "DTSTART;TZID=Europe/Copenhagen:20270329T100000\r\n"},
    };
    for (const AroundChange& meeting : meetings) {
        std::string date = meeting.local_date;
        int year = std::stoi(date.substr(0, 4));
        auto month = static_cast<unsigned>(std::stoi(date.substr(5, 2)));
        auto day = static_cast<unsigned>(std::stoi(date.substr(8, 2)));
        core::UnixTime start = utc(year, month, day, meeting.utc_hour, 0);
        ASSERT_EQ(core::parse_copenhagen(date, "10:00"), start) << date;

        std::string ics = invitation(interview(start));
        EXPECT_NE(ics.find(meeting.dtstart), std::string::npos) << date << "\n" << ics;
        auto parsed = parse_invitation(ics);
        ASSERT_TRUE(parsed) << ics;
        EXPECT_EQ(parsed->start, start) << date;
        EXPECT_EQ(parsed->end, start + core::UnixTime{45} * 60) << date;
        EXPECT_EQ(parsed->local_start, date + " 10:00");
    }
}

TEST(Calendar, the_invitation_s_own_time_zone_decides_the_instant)
{
    // A reader that knows only what the file says (not the system's tzdata) must reach the same
    // instant: remove the daylight rules from the VTIMEZONE and the summer meeting moves by an hour.
    std::string ics = invitation(interview(utc(2026, 10, 23, 8, 0)));
    auto begin = ics.find("BEGIN:DAYLIGHT\r\n");
    ASSERT_NE(begin, std::string::npos) << ics;
    std::string without_summer_time = ics;
    while ((begin = without_summer_time.find("BEGIN:DAYLIGHT\r\n")) != std::string::npos) {
        auto end = without_summer_time.find("END:DAYLIGHT\r\n", begin);
        ASSERT_NE(end, std::string::npos);
        without_summer_time.erase(begin, end + 14 - begin);
    }
    auto parsed = parse_invitation(without_summer_time);
    ASSERT_TRUE(parsed) << without_summer_time;
    EXPECT_EQ(parsed->start, utc(2026, 10, 23, 9, 0));
}

TEST(Calendar, commas_semicolons_line_breaks_and_danish_letters_survive)
{
    CalendarEvent event = interview(utc(2027, 1, 12, 12, 0));
    event.summary = "Samtale; runde 2, Æble-kontoret";
    event.location = "Bygning A, 3. sal; lokale \"Ørsted\"\\nord";
    event.description = "Kære Anna,\nvelkommen til samtale.\r\nVenlig hilsen; HR – Åse Øberg\rSlut";
    event.organizer_name = "Holm, Hanne; HR";
    event.attendee_name = "Anna \"Ærø\" Ås";
    std::string ics = invitation(event);

    EXPECT_NE(ics.find("SUMMARY:Samtale\\; runde 2\\, Æble-kontoret\r\n"), std::string::npos) << ics;
    EXPECT_NE(ics.find("Kære Anna\\,\\nvelkommen"), std::string::npos) << ics;
    EXPECT_NE(ics.find("CN=\"Holm, Hanne; HR\""), std::string::npos) << ics;
    for (const std::string& line : lines_of(ics)) {
        EXPECT_LE(line.size(), 75U) << "longer than RFC 5545 allows: " << line;
        EXPECT_TRUE(valid_utf8(line)) << "a UTF-8 character is folded in two: " << line;
        EXPECT_EQ(line.find('\r'), std::string::npos) << line;
        EXPECT_EQ(line.find('\n'), std::string::npos) << line;
    }

    auto parsed = parse_invitation(ics);
    ASSERT_TRUE(parsed) << ics;
    EXPECT_EQ(parsed->summary, event.summary);
    EXPECT_EQ(parsed->location, event.location);
    EXPECT_EQ(parsed->description, "Kære Anna,\nvelkommen til samtale.\nVenlig hilsen; HR – Åse Øberg\nSlut");
    EXPECT_EQ(parsed->organizer_email, event.organizer_email);
    EXPECT_EQ(parsed->attendee_email, event.attendee_email);
}

TEST(Calendar, a_long_danish_description_is_folded_between_characters)
{
    CalendarEvent event = interview(utc(2027, 2, 1, 8, 0));
    event.description.clear();
    for (int i = 0; i < 40; ++i)
        event.description += i == 0 ? "æøå ÆØÅ" : " æøå ÆØÅ";
    std::string ics = invitation(event);
    for (const std::string& line : lines_of(ics)) {
        EXPECT_LE(line.size(), 75U) << line;
        EXPECT_TRUE(valid_utf8(line)) << "a UTF-8 character is folded in two: " << line;
    }
    auto parsed = parse_invitation(ics);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->description, event.description);
}

TEST(Calendar, a_cancellation_says_cancel)
{
    CalendarEvent event = interview(utc(2026, 11, 4, 13, 0));
    event.cancelled = true;
    event.sequence = 1;
    std::string ics = invitation(event);
    EXPECT_NE(ics.find("METHOD:CANCEL\r\n"), std::string::npos) << ics;
    EXPECT_EQ(ics.find("METHOD:REQUEST"), std::string::npos) << ics;
    auto parsed = parse_invitation(ics);
    ASSERT_TRUE(parsed) << ics;
    EXPECT_EQ(parsed->method, "CANCEL");
    EXPECT_TRUE(parsed->cancelled);
    EXPECT_EQ(parsed->sequence, 1);
    EXPECT_EQ(parsed->uid, event.uid);
    EXPECT_EQ(parsed->start, event.start);
}

TEST(Calendar, unusable_events_are_refused)
{
    auto refused = [](const CalendarEvent& event) {
        auto made = make_invitation(event);
        return !made && made.error().kind == core::ErrorKind::invalid;
    };
    CalendarEvent event = interview(utc(2026, 11, 4, 13, 0));
    EXPECT_TRUE(make_invitation(event));
    CalendarEvent changed = event;
    changed.uid = "";
    EXPECT_TRUE(refused(changed));
    changed.uid = "interview-17\r\nATTENDEE:mailto:eve@example.test";
    EXPECT_TRUE(refused(changed));
    changed = event;
    changed.duration_minutes = 0;
    EXPECT_TRUE(refused(changed));
    changed = event;
    changed.attendee_email = "anna@example.test\r\nATTENDEE:mailto:eve@example.test";
    EXPECT_TRUE(refused(changed));
    changed = event;
    changed.organizer_email = "";
    EXPECT_TRUE(refused(changed));
}

TEST(Calendar, text_without_an_event_or_a_start_is_not_an_invitation)
{
    EXPECT_FALSE(parse_invitation(""));
    EXPECT_FALSE(parse_invitation("Hej Anna"));
    EXPECT_FALSE(parse_invitation("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"));
    EXPECT_FALSE(parse_invitation("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n"
                                  "SUMMARY:Ingen tid\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"));
    // A zone the file does not define cannot be resolved.
    EXPECT_FALSE(
        parse_invitation("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n"
                         "DTSTART;TZID=Mars/Olympus:20261023T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"));
    auto in_utc = parse_invitation("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n"
                                   "DTSTART:20261026T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    ASSERT_TRUE(in_utc);
    EXPECT_EQ(in_utc->start, utc(2026, 10, 26, 9, 0));
    EXPECT_EQ(in_utc->local_start, "2026-10-26 10:00");
}

} // namespace
} // namespace rekrut::integrations
