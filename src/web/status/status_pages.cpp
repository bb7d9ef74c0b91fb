#include "web/status/status_pages.hpp"

#include <ctemplate/template.h>
#include <iomanip>
#include <sstream>

#include "core/clock.hpp"
#include "core/display_format.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "services/status/service_notices.hpp"
#include "services/system_status.hpp"
#include "web/app_context.hpp"
#include "web/forms.hpp"
#include "web/i18n.hpp"
#include "web/page_kit.hpp"
#include "web/public_site/public_site.hpp"
#include "web/views.hpp"

namespace rekrut::web {
namespace {

using domain::Action;

/// Months of availability on the operator's page.
constexpr int k_availability_months = 6;

services::ServiceNotices& notices(AppContext& context)
{
    return *context.notices;
}

const char* kind_label(domain::NoticeKind kind)
{
    return kind == domain::NoticeKind::incident ? msgid("Incident") : msgid("Service window");
}

std::string percent_text(double percent, const std::string& language)
{
    std::ostringstream text;
    text << std::fixed << std::setprecision(2) << percent;
    std::string number = text.str();
    if (language == "da")
        std::replace(number.begin(), number.end(), '.', ',');
    return number + " %";
}

std::string month_name(const AppContext& context, const Request& request, int year, unsigned month)
{
    static const char* names[] = {msgid("January"), msgid("February"), msgid("March"),
                                  msgid("April"),   msgid("May"),      msgid("June"),
                                  msgid("July"),    msgid("August"),   msgid("September"),
                                  msgid("October"), msgid("November"), msgid("December")};
    return tr(context, request, names[(month - 1) % 12]) + " " + std::to_string(year);
}

/// The values of one notice as the pages show it: kind, title, what is affected, the actions, the
/// times and the updates.
void fill_notice(Dictionary& row, const AppContext& context, const Request& request,
                 const domain::ServiceNotice& notice, core::UnixTime now)
{
    auto at = [&request](core::UnixTime time) { return core::format_date_time(time, request.language); };
    row.SetValue("ID", std::to_string(notice.id));
    row.SetValue("KIND", tr(context, request, kind_label(notice.kind)));
    row.SetValue("TITLE", notice.title);
    row.SetValue("AFFECTED", notice.affected);
    if (!notice.actions.empty())
        row.SetValueAndShowSection("ACTIONS", notice.actions, "HAS_ACTIONS");
    row.SetValue("STARTS", at(notice.starts_at));
    if (notice.ends_at)
        row.SetValueAndShowSection("ENDS", at(*notice.ends_at), "HAS_ENDS");
    else
        row.ShowSection("NO_ENDS");
    // How long it lasted: until it was resolved, or until the end it was announced with; a window
    // resolved before it began was cancelled.
    if (notice.resolved_at && *notice.resolved_at < notice.starts_at)
        row.ShowSection("IS_CANCELLED");
    else if (notice.resolved_at)
        row.SetValueAndShowSection("UNTIL", at(*notice.resolved_at), "HAS_UNTIL");
    else if (notice.ends_at)
        row.SetValueAndShowSection("UNTIL", at(*notice.ends_at), "HAS_UNTIL");
    if (notice.kind == domain::NoticeKind::incident)
        row.ShowSection("IS_INCIDENT");
    else
        row.ShowSection("IS_WINDOW");
    row.ShowSection(domain::notice_is_current(notice, now) ? "IS_CURRENT" : "NOT_CURRENT");
    if (notice.updates.empty())
        return;
    auto* updates = row.AddSectionDictionary("UPDATES");
    for (const auto& update : notice.updates) {
        auto* item = updates->AddSectionDictionary("UPDATE");
        item->SetValue("AT", at(update.created_at));
        item->SetValue("TEXT", update.text);
    }
}

void fill_notices(Dictionary& dictionary, const AppContext& context, const Request& request,
                  const std::vector<domain::ServiceNotice>& list, const char* section, const char* none,
                  core::UnixTime now)
{
    if (list.empty()) {
        dictionary.ShowSection(none);
        return;
    }
    auto* block = dictionary.AddSectionDictionary(section);
    for (const auto& notice : list)
        fill_notice(*block->AddSectionDictionary("NOTICE"), context, request, notice, now);
}

void fill_month(Dictionary& row, const AppContext& context, const Request& request,
                const domain::MonthAvailability& month)
{
    row.SetValue("MONTH", month_name(context, request, month.year, month.month));
    row.SetValue("TARGET", percent_text(domain::k_availability_target, request.language));
    row.SetValue("SERVICE_MINUTES", std::to_string(month.service_minutes));
    row.SetValue("WINDOW_MINUTES", std::to_string(month.window_minutes));
    row.SetValue("UP_MINUTES", std::to_string(month.up_minutes));
    row.SetValue("DOWN_MINUTES", std::to_string(month.down_minutes));
    row.SetValue("NOT_MEASURED", std::to_string(month.not_measured));
    if (!month.percent) {
        row.ShowSection("NOT_YET_MEASURED");
        return;
    }
    row.SetValueAndShowSection("PERCENT", percent_text(*month.percent, request.language), "MEASURED");
    row.ShowSection(month.meets_target() ? "MEETS_TARGET" : "BELOW_TARGET");
}

void fill_support(Dictionary& dictionary, const AppContext& context, const Request& request)
{
    const auto& config = context.config;
    if (!config.support_email.empty())
        dictionary.SetValueAndShowSection("SUPPORT_EMAIL", config.support_email, "HAS_SUPPORT_EMAIL");
    if (!config.support_phone.empty())
        dictionary.SetValueAndShowSection("SUPPORT_PHONE", config.support_phone, "HAS_SUPPORT_PHONE");
    dictionary.SetValue("SUPPORT_HOURS", config.support_hours.empty()
                                             ? tr(context, request, msgid("Weekdays 08:30–16:00"))
                                             : config.support_hours);
}

std::string xml(const std::string& text)
{
    return core::html_escape(text);
}

// ---------------------------------------------------------------------------------------------
// The operator's page

/// Parses a Copenhagen date and time from the form's `<field>_date` and `<field>_time`: none when
/// both are empty; an error for the field when they do not make a time.
core::Result<std::optional<core::UnixTime>> form_time(const Request& request, const std::string& field)
{
    std::string date(core::trim(request.form_or(field + "_date")));
    std::string time(core::trim(request.form_or(field + "_time")));
    if (date.empty() && time.empty())
        return std::optional<core::UnixTime>{};
    if (date.size() > 10 || time.size() > 5)
        return core::Error::invalid(
            msgid("Check the marked fields."),
            {{field, msgid("Enter a date and a time, such as 2026-12-01 and 14:00.")}});
    auto parsed = core::parse_copenhagen(date, time.empty() ? "00:00" : time);
    if (!parsed)
        return core::Error::invalid(
            msgid("Check the marked fields."),
            {{field, msgid("Enter a date and a time, such as 2026-12-01 and 14:00.")}});
    return std::optional<core::UnixTime>{*parsed};
}

Response operator_page(AppContext& context, Request& request, const std::optional<core::Error>& error,
                       std::int64_t error_notice = 0)
{
    const core::UnixTime now = core::now();
    auto overview = notices(context).overview(now);
    auto months = notices(context).availability(request.actor(), k_availability_months, now);
    const bool announce_error = error && error_notice == 0;
    return page(
        context, request, "operator/status", tr(context, request, msgid("Service status")),
        [&](Dictionary& dictionary) {
            static constexpr std::pair<const char*, const char*> k_notices[] = {
                {"announced", msgid("The notice has been announced.")},
                {"updated", msgid("The update has been added.")},
                {"resolved", msgid("The notice has been resolved.")},
            };
            for (const auto& [key, message] : k_notices)
                if (request.query_value(key)) {
                    show_notice(dictionary, context, request, message);
                    break;
                }
            std::vector<domain::ServiceNotice> open = overview.current;
            open.insert(open.end(), overview.ahead.begin(), overview.ahead.end());
            if (open.empty()) {
                dictionary.ShowSection("NO_OPEN");
            } else {
                auto* block = dictionary.AddSectionDictionary("OPEN");
                for (const auto& notice : open) {
                    auto* row = block->AddSectionDictionary("NOTICE");
                    fill_notice(*row, context, request, notice, now);
                    if (error && error_notice == notice.id) {
                        for (const auto& problem : error->fields)
                            row->SetValueAndShowSection(
                                "MESSAGE", context.translator.translate(request.language, problem.message),
                                "ERROR_TEXT");
                        row->SetValue("VALUE_TEXT", request.form_or("text"));
                    }
                }
            }
            fill_notices(dictionary, context, request, overview.history, "HISTORY", "NO_HISTORY", now);
            auto* table = dictionary.AddSectionDictionary("AVAILABILITY");
            for (const auto& month : months)
                fill_month(*table->AddSectionDictionary("MONTH_ROW"), context, request, month);
            const std::string kind = announce_error ? request.form_or("kind") : "incident";
            dictionary.ShowSection(kind == "service_window" ? "KIND_WINDOW" : "KIND_INCIDENT");
            if (announce_error) {
                for (const char* field :
                     {"title", "affected", "actions", "starts_date", "starts_time", "ends_date", "ends_time"})
                    keep_value(dictionary, field, request.form_or(field));
            }
            if (error)
                show_form_errors(dictionary, *error, context.translator, request,
                                 [error_notice](const std::string& field) {
                                     if (error_notice != 0)
                                         return "#text-" + std::to_string(error_notice);
                                     if (field == "starts" || field == "ends")
                                         return "#" + field + "_date";
                                     return "#" + field;
                                 });
        },
        form_status(error));
}

std::int64_t notice_from_path(AppContext& context, const Request& request)
{
    auto id = parse_id(request.param("notice_id"));
    if (id == 0 || !notices(context).notice(request.actor(), id))
        return 0;
    return id;
}

} // namespace

Response show_status(AppContext& context, Request& request)
{
    const core::UnixTime now = core::now();
    auto overview = notices(context).overview(now);
    auto month = notices(context).current_month(now);
    return page(
        context, request, "status/status", tr(context, request, msgid("Service status")),
        [&](Dictionary& dictionary) {
            fill_notices(dictionary, context, request, overview.current, "CURRENT", "NO_CURRENT", now);
            fill_notices(dictionary, context, request, overview.ahead, "AHEAD", "NO_AHEAD", now);
            fill_notices(dictionary, context, request, overview.history, "HISTORY", "NO_HISTORY", now);
            fill_month(*dictionary.AddSectionDictionary("THIS_MONTH"), context, request, month);
            dictionary.SetValue("UPDATED", core::format_date_time(now, request.language));
        });
}

Response show_status_feed(AppContext& context, Request& request)
{
    const core::UnixTime now = core::now();
    auto overview = notices(context).overview(now);
    std::vector<const domain::ServiceNotice*> entries;
    for (const auto* list : {&overview.current, &overview.ahead, &overview.history})
        for (const auto& notice : *list)
            entries.push_back(&notice);
    std::stable_sort(entries.begin(), entries.end(), [](const auto* left, const auto* right) {
        return left->updated_at != right->updated_at ? left->updated_at > right->updated_at
                                                     : left->id > right->id;
    });
    core::UnixTime updated = 0;
    for (const auto* entry : entries)
        updated = std::max(updated, entry->updated_at);
    const std::string feed_url = absolute_url(context, "/status/feed.atom");
    const std::string page_url = absolute_url(context, "/status");
    std::string body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                       "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
                       request.language + "\">\n";
    body += "<id>" + xml(feed_url) + "</id>\n";
    body += "<title>" + xml("Rekrut · " + tr(context, request, msgid("Service status"))) + "</title>\n";
    body += "<updated>" + core::format_iso_utc(updated) + "</updated>\n";
    body += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml(feed_url) + "\"/>\n";
    body += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml(page_url) + "\"/>\n";
    body += "<author><name>Rekrut</name></author>\n";
    auto at = [&request](core::UnixTime time) { return core::format_date_time(time, request.language); };
    for (const auto* entry : entries) {
        std::string url = page_url + "#notice-" + std::to_string(entry->id);
        std::string summary = tr(context, request, kind_label(entry->kind)) + ". " +
                              tr(context, request, msgid("Affected:")) + " " + entry->affected + ". " +
                              tr(context, request, msgid("From")) + " " + at(entry->starts_at);
        if (entry->ends_at)
            summary += " " + tr(context, request, msgid("until")) + " " + at(*entry->ends_at);
        summary += ".";
        if (!entry->actions.empty())
            summary += " " + entry->actions;
        for (const auto& update : entry->updates)
            summary += "\n" + at(update.created_at) + ": " + update.text;
        if (entry->resolved_at)
            summary += "\n" + tr(context, request, msgid("Resolved")) + " " + at(*entry->resolved_at) + ".";
        body += "<entry>\n<id>" + xml(url) + "</id>\n";
        body += "<title>" + xml(entry->title) + "</title>\n";
        body += "<updated>" + core::format_iso_utc(entry->updated_at) + "</updated>\n";
        body += "<published>" + core::format_iso_utc(entry->created_at) + "</published>\n";
        body += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml(url) + "\"/>\n";
        body += "<summary>" + xml(summary) + "</summary>\n</entry>\n";
    }
    body += "</feed>\n";
    Response response = Response::text(std::move(body));
    response.content_type = "application/atom+xml; charset=utf-8";
    return response;
}

Response show_help(AppContext& context, Request& request)
{
    return page(context, request, "status/help", tr(context, request, msgid("Help and support")),
                [&](Dictionary& dictionary) { fill_support(dictionary, context, request); });
}

Response show_operator_status(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), Action::manage_service_status))
        return not_found(context, request);
    return operator_page(context, request, std::nullopt);
}

Response submit_service_notice(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), Action::manage_service_status))
        return not_found(context, request);
    auto kind = domain::notice_kind_from_string(request.form_or("kind"));
    if (!kind)
        return operator_page(
            context, request,
            core::Error::invalid(msgid("Check the marked fields."),
                                 {{"kind", msgid("Choose an incident or a service window.")}}));
    auto starts = form_time(request, "starts");
    if (!starts)
        return operator_page(context, request, starts.error());
    auto ends = form_time(request, "ends");
    if (!ends)
        return operator_page(context, request, ends.error());
    domain::NoticeInput input{
        *kind, request.form_or("title"), request.form_or("affected"), request.form_or("actions"), *starts,
        *ends};
    auto announced = notices(context).announce(request.actor(), input, request.origin());
    if (!announced) {
        if (announced.error().kind == core::ErrorKind::invalid)
            return operator_page(context, request, announced.error());
        return error_response(context, request, announced.error());
    }
    return Response::redirect("/operator/status?announced=1");
}

Response submit_service_notice_update(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), Action::manage_service_status))
        return not_found(context, request);
    auto id = notice_from_path(context, request);
    if (id == 0)
        return not_found(context, request);
    auto added = notices(context).add_update(request.actor(), id, request.form_or("text"), request.origin());
    if (!added) {
        if (added.error().kind == core::ErrorKind::invalid)
            return operator_page(context, request, added.error(), id);
        return error_response(context, request, added.error());
    }
    return Response::redirect("/operator/status?updated=1");
}

Response submit_service_notice_resolve(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), Action::manage_service_status))
        return not_found(context, request);
    auto id = notice_from_path(context, request);
    if (id == 0)
        return not_found(context, request);
    auto resolved = notices(context).resolve(request.actor(), id, request.origin());
    if (!resolved)
        return error_response(context, request, resolved.error());
    return Response::redirect("/operator/status?resolved=1");
}

void install_page_surroundings(AppContext& context)
{
    context.views.set_surroundings(
        [&context](const Request& request, Dictionary& banner, Dictionary& footer) {
            fill_support(footer, context, request);
            if (context.status.anonymised_copy())
                banner.ShowSection("ANONYMISED_COPY");
            const core::UnixTime now = core::now();
            auto shown = notices(context).banner(now);
            if (shown.empty())
                return;
            auto* block = banner.AddSectionDictionary("BANNER");
            for (const auto& notice : shown)
                fill_notice(*block->AddSectionDictionary("NOTICE"), context, request, notice, now);
        });
}

std::string banner_state(AppContext& context)
{
    const core::UnixTime now = core::now();
    std::string state;
    for (const auto& notice : notices(context).banner(now))
        state += std::to_string(notice.id) + ":" + std::to_string(notice.updated_at) +
                 (domain::notice_is_current(notice, now) ? "c" : "a") + ";";
    return state;
}

} // namespace rekrut::web
