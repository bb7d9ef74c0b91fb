#include <algorithm>
#include <ctemplate/template.h>

#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "services/recruitment_case/recruitment_cases.hpp"
#include "web/app_context.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_pages.hpp"
#include "web/forms.hpp"
#include "web/page_kit.hpp"

namespace rekrut::web {
namespace {

using core::msgid;
using domain::Action;
using domain::CaseState;

/// The current query with `key` set to `value` (and without the page number, which a changed
/// filter or order resets).
std::string query_string(const Fields& query, const std::string& key, const std::string& value)
{
    std::string out;
    auto append = [&out](const std::string& name, const std::string& text) {
        out += (out.empty() ? "?" : "&") + core::url_encode(name) + "=" + core::url_encode(text);
    };
    for (const auto& [name, text] : query)
        if (name != key && name != "page")
            append(name, text);
    append(key, value);
    return out;
}

constexpr int k_cases_per_page = 25;

/// The list's filter, sort and page from the query string; what does not parse is left out.
domain::CaseListFilter case_filter(const Request& request, int page_number)
{
    domain::CaseListFilter filter;
    if (auto state = request.query_value("state"); state && !state->empty())
        filter.state = domain::case_state_from_string(*state);
    if (auto unit = request.query_value("unit"); unit && parse_id(*unit))
        filter.unit_id = parse_id(*unit);
    if (auto from = request.query_value("deadline_from"); from && !from->empty())
        filter.deadline_from = core::parse_copenhagen(*from, "00:00");
    if (auto to = request.query_value("deadline_to"); to && !to->empty())
        // Up to the end of that day in Danish time; a day is 23 or 25 hours when the clocks change.
        if (auto end = core::parse_copenhagen(*to, "23:59"))
            filter.deadline_to = *end + 60;
    filter.sort = request.query_value("sort").value_or("deadline");
    filter.descending = request.query_value("direction").value_or("") == "desc";
    filter.limit = k_cases_per_page;
    filter.offset = (page_number - 1) * k_cases_per_page;
    return filter;
}

void fill_filter_options(Dictionary& dictionary, AppContext& context, const Request& request,
                         const domain::CaseListFilter& filter, const services::CaseList& list)
{
    for (auto state : {CaseState::draft, CaseState::ready_for_publication, CaseState::published,
                       CaseState::closed_for_applications, CaseState::assessment, CaseState::decision,
                       CaseState::filled, CaseState::cancelled}) {
        auto* option = dictionary.AddSectionDictionary("STATE_OPTION");
        option->SetValue("VALUE", std::string(domain::to_string(state)));
        option->SetValue("LABEL", tr(context, request, state_label(state)));
        if (filter.state == state)
            option->ShowSection("SELECTED");
    }
    for (const auto& unit : list.units) {
        auto* option = dictionary.AddSectionDictionary("UNIT_OPTION");
        option->SetValue("VALUE", std::to_string(unit.id));
        option->SetValue("LABEL", std::string(static_cast<std::size_t>(unit.depth) * 2, ' ') + unit.name);
        if (filter.unit_id == unit.id)
            option->ShowSection("SELECTED");
    }
    dictionary.SetValue("DEADLINE_FROM", request.query_value("deadline_from").value_or(""));
    dictionary.SetValue("DEADLINE_TO", request.query_value("deadline_to").value_or(""));
}

/// Column headings that sort by their column, and turn the direction round when already sorted by it.
void fill_sort_links(Dictionary& dictionary, const Request& request, const domain::CaseListFilter& filter)
{
    static constexpr std::pair<const char*, const char*> k_columns[] = {{"title", "SORT_TITLE"},
                                                                        {"state", "SORT_STATE"},
                                                                        {"deadline", "SORT_DEADLINE"},
                                                                        {"created", "SORT_CREATED"}};
    for (const auto& [column, key] : k_columns) {
        bool current = filter.sort == column;
        Fields query = request.query;
        std::erase_if(query, [](const auto& item) { return item.first == "direction"; });
        query.emplace_back("direction", current && !filter.descending ? "desc" : "asc");
        dictionary.SetValue(key, query_string(query, "sort", column));
        dictionary.SetValue(std::string(key) + "_ARIA", !current            ? "none"
                                                        : filter.descending ? "descending"
                                                                            : "ascending");
    }
}

void fill_pager(Dictionary& dictionary, const Request& request, std::int64_t total, int page_number)
{
    int pages = static_cast<int>((total + k_cases_per_page - 1) / k_cases_per_page);
    if (pages <= 1)
        return;
    auto* pager = dictionary.AddSectionDictionary("PAGER");
    pager->SetValue("PAGE", std::to_string(page_number));
    pager->SetValue("PAGES", std::to_string(pages));
    if (page_number > 1)
        pager->SetValueAndShowSection("PREVIOUS_URL",
                                      query_string(request.query, "page", std::to_string(page_number - 1)),
                                      "HAS_PREVIOUS");
    if (page_number < pages)
        pager->SetValueAndShowSection(
            "NEXT_URL", query_string(request.query, "page", std::to_string(page_number + 1)), "HAS_NEXT");
}

} // namespace

Response show_case_list(AppContext& context, Request& request)
{
    const auto& actor = request.actor();
    if (!actor.data_institution())
        return not_found(context, request);
    // Clamped before the int arithmetic of the offset: ?page=100000000 overflowed (page - 1) * 25.
    int page_number = static_cast<int>(
        std::clamp<std::int64_t>(parse_id(request.query_value("page").value_or("1")), 1, 1000000));
    auto filter = case_filter(request, page_number);
    auto list = context.cases.list(actor, filter);
    bool can_create = domain::can(actor, Action::create_case, {actor.data_institution(), {}, {}, false, {}});
    const std::string& language = request.language;
    bool sees_all = services::sees_all_cases(actor);
    return page(context, request, "cases/list",
                tr(context, request, sees_all ? msgid("All cases") : msgid("My cases")),
                [&](Dictionary& dictionary) {
                    dictionary.ShowSection(sees_all ? "SEES_ALL" : "SEES_OWN");
                    dictionary.ShowSection(can_create ? "CAN_CREATE" : "CANNOT_CREATE");
                    dictionary.SetValue("TOTAL", std::to_string(list.total));
                    fill_filter_options(dictionary, context, request, filter, list);
                    fill_sort_links(dictionary, request, filter);
                    dictionary.ShowSection(list.cases.empty() ? "EMPTY" : "HAS_CASES");
                    for (const auto& record : list.cases) {
                        auto* row = dictionary.AddSectionDictionary("CASE");
                        row->SetValue("ID", std::to_string(record.id));
                        row->SetValue("CASE_TITLE", record.title);
                        row->SetValue("STATE", tr(context, request, state_label(record.state)));
                        row->SetValue("UNIT", record.unit_name);
                        if (record.unit_name.empty())
                            row->ShowSection("NO_UNIT");
                        row->SetValue("DEADLINE", deadline_text(record.application_deadline, language));
                        if (!record.application_deadline)
                            row->ShowSection("NO_DEADLINE");
                    }
                    fill_pager(dictionary, request, list.total, page_number);
                });
}

namespace {

Response new_case_form(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    auto institution = institution_of(request);
    auto templates = context.cases.templates(request.actor(), institution);
    domain::CaseListFilter everything;
    everything.limit = 200;
    auto existing = context.cases.list(request.actor(), everything);
    return page(
        context, request, "cases/new", tr(context, request, msgid("New recruitment case")),
        [&](Dictionary& dictionary) {
            keep_value(dictionary, "title", request.form_or("title"));
            for (const auto& ad_template : templates) {
                auto* option = dictionary.AddSectionDictionary("TEMPLATE");
                option->SetValue("VALUE", std::to_string(ad_template.id));
                option->SetValue("LABEL", ad_template.name + " (" + ad_template.language + ")");
            }
            for (const auto& record : existing.cases) {
                auto* option = dictionary.AddSectionDictionary("EXISTING");
                option->SetValue("VALUE", std::to_string(record.id));
                option->SetValue("LABEL", record.title);
            }
            if (!existing.cases.empty())
                dictionary.ShowSection("CAN_COPY");
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        form_status(error));
}

} // namespace

Response show_new_case(AppContext& context, Request& request)
{
    const auto& actor = request.actor();
    if (!domain::can(actor, Action::create_case, {actor.data_institution(), {}, {}, false, {}}))
        return not_found(context, request);
    return new_case_form(context, request, std::nullopt);
}

Response submit_new_case(AppContext& context, Request& request)
{
    std::optional<std::int64_t> template_id;
    if (auto chosen = request.form_or("template_id"); !chosen.empty()) {
        template_id = parse_id(chosen);
        if (*template_id == 0)
            template_id = -1; // refused as "choose one of the templates"
    }
    auto created = context.cases.create(request.actor(), institution_of(request), template_id,
                                        request.form_or("title"), request.origin());
    if (!created) {
        if (created.error().kind == core::ErrorKind::invalid)
            return new_case_form(context, request, created.error());
        return error_response(context, request, created.error());
    }
    return Response::redirect("/cases/" + std::to_string(*created));
}

Response submit_copy_case(AppContext& context, Request& request)
{
    auto source =
        parse_id(request.param("case_id").empty() ? request.form_or("case_id") : request.param("case_id"));
    auto copied = context.cases.copy(request.actor(), institution_of(request), source, request.origin());
    if (!copied)
        return error_response(context, request, copied.error());
    return Response::redirect("/cases/" + std::to_string(*copied) + "/edit");
}

} // namespace rekrut::web
