#include <gtest/gtest.h>

#include "domain/status/service_notice.hpp"

namespace rekrut::domain {
namespace {

constexpr core::UnixTime k_now = 1'800'000'000;

bool has_field(const core::Status& status, const std::string& field)
{
    if (status)
        return false;
    for (const auto& problem : status.error().fields)
        if (problem.field == field)
            return true;
    return false;
}

NoticeInput window(core::UnixTime starts, core::UnixTime ends)
{
    return {NoticeKind::service_window, "Opdatering", "Hele tjenesten", "", starts, ends};
}

TEST(ServiceNotice, WindowsAreCheckedForTheirTimes)
{
    struct Row {
        NoticeInput input;
        const char* field; // "" when accepted
    };
    const Row rows[] = {
        {window(k_now + 3600, k_now + 7200), ""},
        {window(k_now - 3600, k_now + 7200), "starts"},                           // in the past
        {window(k_now + 7200, k_now + 3600), "ends"},                             // ends before it starts
        {window(k_now + 3600, k_now + 3600), "ends"},                             // no length
        {window(k_now + 3600, k_now + 3600 + core::UnixTime{8} * 86400), "ends"}, // longer than 7 days
        {{NoticeKind::service_window, "x", "y", "", std::nullopt, k_now + 60}, "starts"},
        {{NoticeKind::service_window, "x", "y", "", k_now + 60, std::nullopt}, "ends"},
    };
    for (const auto& row : rows) {
        auto checked = check_notice(row.input, k_now);
        if (std::string(row.field).empty())
            EXPECT_TRUE(checked) << row.input.starts_at.value_or(0);
        else
            EXPECT_TRUE(has_field(checked, row.field)) << row.field;
    }
}

TEST(ServiceNotice, IncidentsStartNowOrEarlierAndExpectAnEndAhead)
{
    NoticeInput incident{NoticeKind::incident, "Langsomme sider", "Sagslisten",
                         "Vi undersøger",      std::nullopt,      std::nullopt};
    EXPECT_TRUE(check_notice(incident, k_now));
    incident.starts_at = k_now - 1800;
    incident.ends_at = k_now + 3600;
    EXPECT_TRUE(check_notice(incident, k_now));
    incident.ends_at = k_now - 60;
    EXPECT_TRUE(has_field(check_notice(incident, k_now), "ends"));
    incident.ends_at.reset();
    incident.starts_at = k_now + 86400;
    EXPECT_TRUE(has_field(check_notice(incident, k_now), "starts"));
}

TEST(ServiceNotice, TextsAreRequiredBoundedAndUtf8)
{
    NoticeInput input = window(k_now + 3600, k_now + 7200);
    input.title = "   ";
    EXPECT_TRUE(has_field(check_notice(input, k_now), "title"));
    input.title = std::string(201, 'a');
    EXPECT_TRUE(has_field(check_notice(input, k_now), "title"));
    input.title = "Gyldig";
    input.affected = "\xff\xfe";
    EXPECT_TRUE(has_field(check_notice(input, k_now), "affected"));
    input.affected = "Alt";
    input.actions = std::string(2001, 'b');
    EXPECT_TRUE(has_field(check_notice(input, k_now), "actions"));
    EXPECT_FALSE(check_update_text(""));
    EXPECT_FALSE(check_update_text(std::string(2001, 'c')));
    EXPECT_FALSE(check_update_text("\xc3"));
    EXPECT_TRUE(check_update_text("Vi genstarter databasen."));
}

TEST(ServiceNotice, BannerShowsCurrentNoticesAndWindowsWithinThreeDays)
{
    ServiceNotice incident;
    incident.kind = NoticeKind::incident;
    incident.starts_at = k_now - 60;
    EXPECT_TRUE(notice_shows_banner(incident, k_now));
    incident.resolved_at = k_now;
    EXPECT_FALSE(notice_shows_banner(incident, k_now));

    ServiceNotice planned;
    planned.kind = NoticeKind::service_window;
    planned.starts_at = k_now + core::UnixTime{2} * 86400;
    planned.ends_at = planned.starts_at + 3600;
    EXPECT_TRUE(notice_shows_banner(planned, k_now));
    EXPECT_TRUE(notice_is_ahead(planned, k_now));
    planned.starts_at = k_now + core::UnixTime{4} * 86400;
    planned.ends_at = planned.starts_at + 3600;
    EXPECT_FALSE(notice_shows_banner(planned, k_now));
    EXPECT_TRUE(notice_is_ahead(planned, k_now));
    // During the window, and not after it.
    EXPECT_TRUE(notice_is_current(planned, planned.starts_at + 10));
    EXPECT_FALSE(notice_is_current(planned, *planned.ends_at));
}

} // namespace
} // namespace rekrut::domain
