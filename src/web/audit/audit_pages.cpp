#include "web/audit/audit_pages.hpp"

#include <algorithm>
#include <cctype>
#include <ctemplate/template.h>
#include <map>
#include <string_view>

#include "core/clock.hpp"
#include "core/csv.hpp"
#include "core/display_format.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "services/audit_log.hpp"
#include "services/audit_personal.hpp"
#include "services/audit_trail.hpp"
#include "services/user_administration.hpp"
#include "web/app_context.hpp"
#include "web/audit/audit_labels.hpp"
#include "web/error_pages.hpp"
#include "web/forms.hpp"
#include "web/i18n.hpp"
#include "web/page_kit.hpp"
#include "web/views.hpp"

namespace rekrut::web {
namespace {

constexpr int k_page_size = 50;
/// The deepest page we go to; beyond it the offset would only make the database count rows.
constexpr int k_last_page = 100000;
/// An export holds at most this many events (the newest); a narrower filter gets older ones.
constexpr int k_export_limit = 100000;

/// The filters as entered (kept in the form and in the paging links) and what they mean.
struct AuditQuery {
    domain::AuditFilter filter;
    std::string institution;
    std::string user;
    std::string object_type;
    std::string object_id;
    std::string action;
    std::string from;
    std::string to;
    int page = 1;
    std::vector<core::FieldError> problems;
};

/// The query string that reproduces the filters, without the page number.
std::string filter_query(const AuditQuery& query)
{
    const std::pair<const char*, const std::string*> fields[] = {{"institution", &query.institution},
                                                                 {"user", &query.user},
                                                                 {"object_type", &query.object_type},
                                                                 {"object_id", &query.object_id},
                                                                 {"action", &query.action},
                                                                 {"from", &query.from},
                                                                 {"to", &query.to}};
    std::string out;
    for (const auto& [name, value] : fields) {
        if (value->empty())
            continue;
        if (!out.empty())
            out += '&';
        out += std::string(name) + "=" + core::url_encode(*value);
    }
    return out;
}

std::string page_link(const std::string& path, const AuditQuery& query, int page)
{
    std::string filters = filter_query(query);
    std::string link = path + "?" + filters;
    if (page > 1)
        link += (filters.empty() ? "" : "&") + std::string("page=") + std::to_string(page);
    if (link.back() == '?')
        link.pop_back();
    return link;
}

std::optional<core::UnixTime> start_of_day(const std::string& date)
{
    return core::parse_copenhagen(date, "00:00");
}

std::optional<core::UnixTime> start_of_next_day(const std::string& date)
{
    auto start = start_of_day(date);
    if (!start)
        return std::nullopt;
    // 36 hours on is always within the next calendar day, whatever the summer-time change does.
    return start_of_day(core::format_copenhagen_date(*start + 36L * 3600));
}

/// Reads the filters from the query string. The institution is the actor's own; only the platform
/// operator picks one (or none: every institution). Empty when the actor may not read the trail.
std::optional<AuditQuery> read_query(const Request& request)
{
    const domain::Actor& actor = request.actor();
    AuditQuery query;
    auto value = [&request](const char* name) {
        return std::string(core::trim(request.query_value(name).value_or("")));
    };
    if (actor.is_operator) {
        query.institution = value("institution");
        if (!query.institution.empty()) {
            if (auto id = parse_id(query.institution))
                query.filter.institution_id = id;
            else
                query.problems.push_back({"institution", msgid("Choose an institution from the list.")});
        }
    } else {
        // Never from input: a Superbruger or Administrator reads their own institution only.
        query.filter.institution_id = actor.data_institution();
        if (!query.filter.institution_id)
            return std::nullopt;
    }
    if (!domain::can(actor, domain::Action::view_audit, {query.filter.institution_id, {}, {}, false, {}}))
        return std::nullopt;

    query.user = value("user");
    if (!query.user.empty()) {
        if (auto id = parse_id(query.user))
            query.filter.actor_user_id = id;
        else
            query.problems.push_back({"user", msgid("Choose a user from the list.")});
    }
    query.object_type = value("object_type");
    query.object_id = value("object_id");
    query.action = value("action");
    if (!query.object_type.empty() && !audit::object_type_label(query.object_type))
        query.problems.push_back({"object_type", msgid("Choose an object type from the list.")});
    if (!query.object_id.empty() && !core::is_ascii_digits(query.object_id))
        query.problems.push_back({"object_id", msgid("Enter the object's number, for example 12.")});
    if (!query.action.empty() && !audit::action_label(query.action))
        query.problems.push_back({"action", msgid("Choose an action from the list.")});
    query.filter.object_type = query.object_type;
    query.filter.object_id = query.object_id;
    query.filter.action = query.action;

    query.from = value("from");
    query.to = value("to");
    const char* bad_date = msgid("Enter the date as YYYY-MM-DD, for example 2026-11-26.");
    if (!query.from.empty()) {
        query.filter.from = start_of_day(query.from);
        if (!query.filter.from)
            query.problems.push_back({"from", bad_date});
    }
    if (!query.to.empty()) {
        query.filter.to = start_of_next_day(query.to);
        if (!query.filter.to)
            query.problems.push_back({"to", bad_date});
    }
    if (query.filter.from && query.filter.to && *query.filter.from >= *query.filter.to)
        query.problems.push_back({"to", msgid("The period must end on or after the day it starts.")});

    if (auto page = parse_id(value("page")))
        query.page = static_cast<int>(std::min<std::int64_t>(page, k_last_page));
    query.filter.limit = k_page_size;
    query.filter.offset = (query.page - 1) * k_page_size;
    return query;
}

std::string institution_label(const std::map<std::int64_t, std::string>& names,
                              const std::optional<std::int64_t>& institution_id)
{
    if (!institution_id)
        return "—";
    auto found = names.find(*institution_id);
    return found == names.end() ? std::to_string(*institution_id) : found->second;
}

void add_option(ctemplate::TemplateDictionary& page, const char* section, const std::string& value,
                const std::string& label, bool selected)
{
    auto* option = page.AddSectionDictionary(section);
    option->SetValue("VALUE", value);
    option->SetValue("LABEL", label);
    if (selected)
        option->ShowSection("SELECTED");
}

void fill_access_log(ctemplate::TemplateDictionary& page, const AppContext& context, const Request& request,
                     const std::vector<domain::OperatorAccessRecord>& accesses)
{
    if (accesses.empty())
        return;
    auto* log = page.AddSectionDictionary("ACCESS_LOG");
    core::UnixTime now = core::now();
    for (const auto& access : accesses) {
        auto* row = log->AddSectionDictionary("ACCESS");
        row->SetValue("OPERATOR", access.operator_name);
        row->SetValue("REASON", access.reason);
        row->SetValue("STARTS", core::format_date_time(access.starts_at, request.language));
        row->SetValue("EXPIRES", core::format_date_time(access.expires_at, request.language));
        const char* state = access.ended_at            ? msgid("Ended")
                            : access.expires_at <= now ? msgid("Expired")
                                                       : msgid("Active");
        row->SetValue("STATE", tr(context, request, state));
        if (access.ended_at)
            row->SetValueAndShowSection("ENDED", core::format_date_time(*access.ended_at, request.language),
                                        "WAS_ENDED");
    }
}

/// What the page is built from besides the query: the request (for the language), the actor, the
/// search with its object names, and the institutions' names for the operator.
struct AuditView {
    const AppContext& context;
    const Request& request;
    const services::AuditSearch& search;
    /// Set for the operator, who sees every institution's events.
    const std::map<std::int64_t, std::string>* institution_names = nullptr;
    std::map<std::string, std::string> user_names;

    [[nodiscard]] std::string tr(const char* message) const { return web::tr(context, request, message); }
};

/// The filter form: the institutions (for the operator), the users, object types and actions to
/// choose from, and the values entered.
void fill_audit_filters(ctemplate::TemplateDictionary& page, const AuditView& view, const AuditQuery& query,
                        const std::vector<domain::InstitutionRecord>& institutions)
{
    if (view.request.actor().is_operator) {
        auto* filter = page.AddSectionDictionary("INSTITUTION_FILTER");
        for (const auto& institution : institutions)
            add_option(*filter, "INSTITUTION_OPTION", std::to_string(institution.id),
                       institution.name + " (" + institution.cvr + ")",
                       query.filter.institution_id == institution.id);
        page.ShowSection("INSTITUTION_HEADING");
    }
    for (const auto& user : view.search.users)
        add_option(page, "USER_OPTION", std::to_string(user.id), user.name + " <" + user.email + ">",
                   query.filter.actor_user_id == user.id);
    for (const auto& type : audit::known_object_types())
        add_option(page, "OBJECT_TYPE_OPTION", std::string(type.code), view.tr(type.label),
                   query.object_type == type.code);
    for (const auto& action : audit::known_actions())
        add_option(page, "ACTION_OPTION", std::string(action.code), view.tr(action.label),
                   query.action == action.code);
    keep_value(page, "object_id", query.object_id);
    keep_value(page, "from", query.from);
    keep_value(page, "to", query.to);
}

/// Where an object's own page is, for those who may open it; "" when it has none. The operator works
/// outside the institutions, so only an institution links to its page for the operator.
std::string object_link(const domain::Actor& actor, const std::string& type, const std::string& id)
{
    if (!core::is_ascii_digits(id))
        return "";
    if (actor.is_operator)
        return type == "institution" ? "/operator/institutions/" + id : "";
    if (type == "recruitment_case")
        return "/cases/" + id;
    if (type == "user")
        return "/users/" + id;
    if (type == "organisation_unit")
        return "/setup/units";
    if (type == "mandatory_text")
        return "/setup/mandatory-texts/" + id;
    if (type == "ad_template")
        return "/setup/ad-templates/" + id;
    if (type == "question_template")
        return "/setup/questions/" + id;
    return "";
}

/// The object an event is about: its type, and its current name linking to its page where it has
/// one, or its number when it has no name.
void fill_event_object(ctemplate::TemplateDictionary& row, const AuditView& view,
                       const domain::AuditEventRecord& event)
{
    const char* type_label = audit::object_type_label(event.object_type);
    row.SetValue("OBJECT_TYPE", type_label ? view.tr(type_label) : event.object_type);
    auto name = view.search.object_names.find({event.object_type, event.object_id});
    if (name != view.search.object_names.end()) {
        auto* named = row.AddSectionDictionary("OBJECT_NAMED");
        named->SetValue("OBJECT_NAME", name->second);
        std::string link = object_link(view.request.actor(), event.object_type, event.object_id);
        if (!link.empty())
            named->SetValueAndShowSection("OBJECT_LINK", link, "OBJECT_LINKED");
        else
            named->ShowSection("OBJECT_PLAIN");
    } else if (!event.object_id.empty()) {
        row.SetValueAndShowSection("OBJECT_ID", event.object_id, "OBJECT_NUMBERED");
    }
    if (!event.object_type.empty() && !event.object_id.empty())
        row.SetValueAndShowSection("HISTORY_LINK",
                                   "/audit?object_type=" + core::url_encode(event.object_type) +
                                       "&object_id=" + core::url_encode(event.object_id),
                                   "OBJECT_HISTORY");
}

/// The event's changes as a table of fields, with labels and values as people write them.
void fill_event_changes(ctemplate::TemplateDictionary& row, const AuditView& view,
                        const domain::AuditEventRecord& event)
{
    auto changes = audit::field_changes(event.before_json, event.after_json);
    if (changes.empty())
        return;
    auto* table = row.AddSectionDictionary("CHANGES");
    auto translate = [&view](const char* message) { return view.tr(message); };
    auto user_name = [&view](const std::string& id) {
        auto found = view.user_names.find(id);
        return found == view.user_names.end() ? std::string() : found->second;
    };
    const std::string& language = view.request.language;
    for (const auto& change : changes) {
        auto* line = table->AddSectionDictionary("CHANGE");
        line->SetValue("FIELD_CODE", change.field);
        const char* label = audit::field_label(change.field);
        line->SetValue("FIELD", label ? view.tr(label) : change.field);
        std::string before =
            audit::display_value(change.field, change.before, language, translate, user_name);
        std::string after = audit::display_value(change.field, change.after, language, translate, user_name);
        line->SetValue("BEFORE", before.empty() ? "—" : before);
        line->SetValue("AFTER", after.empty() ? "—" : after);
    }
}

void fill_audit_event(ctemplate::TemplateDictionary& row, const AuditView& view,
                      const domain::AuditEventRecord& event)
{
    row.SetValue("ID", std::to_string(event.id));
    row.SetValue("TIME", core::format_date_time(event.occurred_at, view.request.language));
    row.SetValue("TIME_ISO", core::format_iso_utc(event.occurred_at));
    row.SetValue("ACTOR", event.actor_name == services::k_erased_value ? view.tr(core::msgid("(erased)"))
                                                                       : event.actor_name);
    if (event.actor_user_id)
        row.SetValueAndShowSection("ACTOR_ID", std::to_string(*event.actor_user_id), "HAS_ACTOR_ID");
    if (view.institution_names)
        row.SetValueAndShowSection("INSTITUTION",
                                   institution_label(*view.institution_names, event.institution_id),
                                   "INSTITUTION_CELL");
    row.SetValue("ACTION_CODE", event.action);
    const char* action = audit::action_label(event.action);
    row.SetValue("ACTION", action ? view.tr(action) : event.action);
    fill_event_object(row, view, event);
    fill_event_changes(row, view, event);
    row.SetValue("REQUEST_ID", event.request_id.empty() ? "—" : event.request_id);
    row.SetValue("IP", event.ip.empty() ? "—" : event.ip);
}

/// One page of events with its position in the result and the links to the pages beside it.
/// `institution_names` is set for the operator, who sees every institution's events.
void fill_audit_results(ctemplate::TemplateDictionary& page, const AuditView& view, const AuditQuery& query)
{
    const auto& events = view.search.events;
    std::int64_t total = view.search.total;
    auto* results = page.AddSectionDictionary("RESULTS");
    auto last = query.filter.offset + static_cast<std::int64_t>(events.size());
    results->SetValue("TOTAL", std::to_string(total));
    results->SetValue("FIRST", std::to_string(query.filter.offset + 1));
    results->SetValue("LAST", std::to_string(last));
    if (view.institution_names)
        results->ShowSection("INSTITUTION_HEADING");
    for (const auto& event : events)
        fill_audit_event(*results->AddSectionDictionary("EVENT"), view, event);
    std::int64_t pages = (total + k_page_size - 1) / k_page_size;
    results->SetValue("PAGE", std::to_string(query.page));
    results->SetValue("PAGES", std::to_string(pages));
    if (query.page > 1)
        results->SetValueAndShowSection("PREVIOUS_LINK", page_link("/audit", query, query.page - 1),
                                        "PREVIOUS");
    if (last < total)
        results->SetValueAndShowSection("NEXT_LINK", page_link("/audit", query, query.page + 1), "NEXT");
}

/// The heading of one record's history (reached from the record's page), with the record's name.
void fill_history_heading(ctemplate::TemplateDictionary& page, const AuditView& view, const AuditQuery& query)
{
    if (query.object_type.empty() || query.object_id.empty())
        return;
    const char* type = audit::object_type_label(query.object_type);
    if (!type)
        return;
    auto* history = page.AddSectionDictionary("HISTORY");
    history->SetValue("OBJECT_TYPE", view.tr(type));
    auto name = view.search.object_names.find({query.object_type, query.object_id});
    history->SetValue("OBJECT_NAME", name != view.search.object_names.end() ? name->second : query.object_id);
    std::string link = object_link(view.request.actor(), query.object_type, query.object_id);
    if (!link.empty())
        history->SetValueAndShowSection("LINK", link, "HAS_LINK");
    else
        history->ShowSection("NO_LINK");
}

} // namespace

Response show_audit(AppContext& context, Request& request)
{
    auto query = read_query(request);
    if (!query)
        return error_page(context, request, 404);
    const domain::Actor& actor = request.actor();

    auto search = context.audit_trail.search(actor, query->filter, query->problems.empty());
    if (!search)
        return error_response(context, request, search.error());
    std::map<std::int64_t, std::string> institution_names;
    std::vector<domain::InstitutionRecord> institutions;
    if (actor.is_operator) {
        institutions = context.administration.institutions();
        for (const auto& institution : institutions)
            institution_names[institution.id] = institution.name;
    }
    std::vector<domain::OperatorAccessRecord> accesses;
    if (!actor.is_operator)
        accesses = context.administration.operator_access_log(actor, *query->filter.institution_id);

    AuditView view{context, request, *search, actor.is_operator ? &institution_names : nullptr, {}};
    for (const auto& user : search->users)
        view.user_names[std::to_string(user.id)] = user.name;
    auto fill = [&](ctemplate::TemplateDictionary& page) {
        fill_access_log(page, context, request, accesses);
        if (domain::can(request.actor(), domain::Action::view_access_log,
                        {institution_of(request), {}, {}, false, {}}))
            page.ShowSection("CAN_SEE_READS");
        fill_audit_filters(page, view, *query, institutions);
        fill_history_heading(page, view, *query);
        if (!query->problems.empty()) {
            show_form_errors(page, core::Error::invalid(msgid("Check the marked fields."), query->problems),
                             context.translator, request);
            return;
        }
        page.SetValue("EXPORT_LINK", page_link("/audit.csv", *query, 1));
        if (search->events.empty())
            page.ShowSection("NO_EVENTS");
        else
            fill_audit_results(page, view, *query);
    };
    return page(context, request, "audit/index", tr(context, request, msgid("Audit trail")), fill,
                query->problems.empty() ? 200 : status_for(core::ErrorKind::invalid));
}

namespace {

std::string optional_id(const std::optional<std::int64_t>& id)
{
    return id ? std::to_string(*id) : "";
}

} // namespace

Response export_audit_csv(AppContext& context, Request& request)
{
    auto query = read_query(request);
    if (!query)
        return error_page(context, request, 404);
    if (!query->problems.empty())
        return error_page(context, request, 400, query->problems.front().message);
    query->filter.limit = k_export_limit;
    query->filter.offset = 0;
    auto exported = context.audit_trail.export_events(request.actor(), query->filter,
                                                      {{"user", query->user},
                                                       {"object_type", query->object_type},
                                                       {"object_id", query->object_id},
                                                       {"action", query->action},
                                                       {"from", query->from},
                                                       {"to", query->to}},
                                                      request.origin());
    if (!exported)
        return error_response(context, request, exported.error());
    const auto& events = *exported;

    std::string csv = "\xEF\xBB\xBF"; // the byte order mark tells Excel that the file is UTF-8
    auto heading = [&](const char* message) { return tr(context, request, message); };
    core::csv_row(csv, {heading(msgid("Event")), heading(msgid("Time")), heading(msgid("Time (UTC)")),
                        heading(msgid("User ID")), heading(msgid("User")), heading(msgid("Institution ID")),
                        heading(msgid("Action")), heading(msgid("Object type")), heading(msgid("Object ID")),
                        heading(msgid("Before")), heading(msgid("After")), heading(msgid("Request ID")),
                        heading(msgid("IP address"))});
    // A value whose person was erased reads as the page shows it, "(slettet)", not as the marker.
    const std::string erased = tr(context, request, msgid("(erased)"));
    auto shown = [&](std::string text) {
        const std::string marker(services::k_erased_value);
        for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at + erased.size()))
            text.replace(at, marker.size(), erased);
        return text;
    };
    for (const auto& event : events)
        core::csv_row(csv, {std::to_string(event.id), core::format_copenhagen(event.occurred_at),
                            core::format_iso_utc(event.occurred_at), optional_id(event.actor_user_id),
                            shown(event.actor_name), optional_id(event.institution_id), event.action,
                            event.object_type, event.object_id, shown(event.before_json),
                            shown(event.after_json), event.request_id, shown(event.ip)});

    Response response;
    response.content_type = "text/csv; charset=utf-8";
    response.body = std::move(csv);
    response.set_header("Content-Disposition", "attachment; filename=\"revisionsspor-" +
                                                   core::format_copenhagen_date(core::now()) + ".csv\"");
    return response;
}

} // namespace rekrut::web
