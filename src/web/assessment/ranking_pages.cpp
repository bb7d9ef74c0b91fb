#include "web/assessment/ranking_pages.hpp"

#include <charconv>
#include <ctemplate/template.h>

#include "core/display_format.hpp"
#include "core/text.hpp"
#include "services/assessment/ranking_lists.hpp"
#include "web/app_context.hpp"
#include "web/forms.hpp"
#include "web/page_kit.hpp"

namespace rekrut::web {

using core::msgid;

namespace {

std::string rankings_path(std::int64_t case_id)
{
    return "/cases/" + std::to_string(case_id) + "/rankings";
}

std::string ranking_path(std::int64_t case_id, std::int64_t ranking_id)
{
    return rankings_path(case_id) + "/" + std::to_string(ranking_id);
}

std::string round_name(const AppContext& context, const Request& request, domain::RankingRound round)
{
    return tr(context, request, domain::ranking_round_label(round));
}

/// A whole number as typed, or nullopt; a number too large for the type is refused too.
std::optional<long long> parse_number(const std::string& text)
{
    long long value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

const core::Error& unreadable_order()
{
    static const core::Error error = core::Error::invalid(
        msgid("The order cannot be saved."),
        {{"order", msgid("The order could not be read. Reload the page and try again.")}});
    return error;
}

/// The change the form asks for, or the error that refuses it as unreadable.
core::Result<services::RankingChange> change_from(const Request& request)
{
    services::RankingChange change;
    if (auto version = request.form_value("version"); version && !version->empty()) {
        auto number = parse_number(*version);
        if (!number || *number < 0 || *number > 1000000000)
            return unreadable_order();
        change.based_on = static_cast<int>(*number);
    }
    if (auto move = request.form_value("move_up").value_or(request.form_or("move_down")); !move.empty()) {
        auto id = parse_id(move);
        if (id == 0)
            return unreadable_order();
        change.move = {id, request.form_value("move_up") ? domain::Move::up : domain::Move::down};
        return change;
    }
    if (request.form_value("add")) {
        for (const auto& [name, value] : request.form)
            if (name == "application_id") {
                auto id = parse_id(value);
                if (id == 0)
                    return unreadable_order();
                change.additions.push_back(id);
            }
        if (change.additions.empty())
            return core::Error::invalid(
                msgid("Nothing was added."),
                {{"application_id", msgid("Choose the applicants to add to the list.")}});
        return change;
    }
    // The order field (filled by dragging, or sent by a client) wins over the position numbers.
    if (auto order = request.form_value("order"); order && !order->empty()) {
        domain::RankingOrder ids;
        for (auto field : core::split(*order, ',')) {
            auto id = parse_id(std::string(field));
            if (id == 0 || ids.size() > domain::k_max_ranking_entries)
                return unreadable_order();
            ids.push_back(id);
        }
        change.order = std::move(ids);
        return change;
    }
    for (const auto& [name, value] : request.form) {
        if (!name.starts_with("position_"))
            continue;
        auto id = parse_id(name.substr(9));
        auto number = parse_number(value);
        if (id == 0)
            return unreadable_order();
        if (!number)
            return core::Error::invalid(
                msgid("The order cannot be saved."),
                {{"order", msgid("Enter positions as whole numbers from 1 to 500.")}});
        change.positions[id] = *number;
    }
    if (change.positions.empty())
        return unreadable_order();
    return change;
}

void fill_list_heading(Dictionary& dictionary, const AppContext& context, const Request& request,
                       const domain::CaseRecord& case_record, const domain::RankingListRecord& list)
{
    // An included template sees only its own dictionary, so the heading gets the values as well.
    auto* heading = dictionary.AddIncludeDictionary("HEADING");
    heading->SetFilename(request.language + "/assessment/_ranking_heading.tpl");
    for (auto* target : {&dictionary, heading}) {
        target->SetIntValue("CASE_ID", case_record.id);
        target->SetValue("CASE_TITLE", case_record.title);
        target->SetIntValue("RANKING_ID", list.id);
        target->SetValue("NAME", list.name);
        target->SetValue("ROUND", round_name(context, request, list.round));
    }
    dictionary.SetIntValue("VERSION", list.versions);
}

Response rankings_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto overview = context.rankings.overview(request.actor(), institution_of(request), case_id);
    if (!overview)
        return error_response(context, request, overview.error());
    return page(
        context, request, "assessment/rankings", tr(context, request, msgid("Ranking lists")),
        [&](Dictionary& dictionary) {
            dictionary.SetIntValue("CASE_ID", case_id);
            dictionary.SetValue("CASE_TITLE", overview->case_record.title);
            if (overview->lists.empty())
                dictionary.ShowSection("NO_LISTS");
            else
                dictionary.ShowSection("HAS_LISTS");
            for (const auto& list : overview->lists) {
                auto* row = dictionary.AddSectionDictionary("LIST");
                row->SetValue("HREF", ranking_path(case_id, list.id));
                row->SetValue("NAME", list.name);
                row->SetValue("ROUND", round_name(context, request, list.round));
                row->SetIntValue("VERSIONS", list.versions);
            }
            const auto chosen = request.form_or("round", "first_interview");
            for (auto round : domain::k_ranking_rounds) {
                auto* option = dictionary.AddSectionDictionary("ROUND_OPTION");
                option->SetValue("VALUE", std::string(domain::to_string(round)));
                option->SetValue("LABEL", round_name(context, request, round));
                if (chosen == domain::to_string(round))
                    option->ShowSection("SELECTED");
            }
            if (error) {
                keep_value(dictionary, "name", request.form_or("name"));
                show_form_errors(dictionary, *error, context.translator, request);
            }
        },
        form_status(error));
}

Response ranking_page(AppContext& context, Request& request, const std::optional<core::Error>& error)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto view = context.rankings.show(request.actor(), institution_of(request), case_id,
                                      parse_id(request.param("ranking_id")));
    if (!view)
        return error_response(context, request, view.error());
    auto response = page(
        context, request, "assessment/ranking", view->list.name,
        [&](Dictionary& dictionary) {
            fill_list_heading(dictionary, context, request, view->case_record, view->list);
            dictionary.SetValue("ACTION", ranking_path(case_id, view->list.id));
            std::string order;
            const auto count = view->entries.size();
            for (std::size_t index = 0; index < count; ++index) {
                const auto& entry = view->entries[index];
                order += (index ? "," : "") + std::to_string(entry.application_id);
                auto* row = dictionary.AddSectionDictionary("ENTRY");
                row->SetIntValue("APPLICATION_ID", entry.application_id);
                row->SetIntValue("POSITION", static_cast<long>(index + 1));
                row->SetValue("LABEL", entry.label);
                if (entry.withdrawn)
                    row->ShowSection("WITHDRAWN");
                if (index > 0)
                    row->ShowSection("CAN_MOVE_UP");
                if (index + 1 < count)
                    row->ShowSection("CAN_MOVE_DOWN");
            }
            dictionary.SetValue("ORDER", order);
            dictionary.ShowSection(count == 0 ? "EMPTY" : "HAS_ENTRIES");
            if (!view->candidates.empty()) {
                auto* add = dictionary.AddSectionDictionary("HAS_CANDIDATES");
                add->SetIntValue("VERSION", view->list.versions);
                add->SetValue("ACTION", ranking_path(case_id, view->list.id));
                for (const auto& candidate : view->candidates) {
                    auto* row = add->AddSectionDictionary("CANDIDATE");
                    row->SetIntValue("APPLICATION_ID", candidate.application_id);
                    row->SetValue("LABEL", candidate.label);
                }
            }
            if (view->list.versions > 0)
                dictionary.ShowSection("HAS_VERSIONS");
            if (request.query_value("saved"))
                show_notice(dictionary, context, request,
                            msgid("The order has been saved as a new version."));
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        form_status(error));
    response.set_header("Cache-Control", "no-store");
    return response;
}

} // namespace

Response show_rankings(AppContext& context, Request& request)
{
    return rankings_page(context, request, std::nullopt);
}

Response submit_new_ranking(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto created =
        context.rankings.create(request.actor(), institution_of(request), case_id, request.form_or("name"),
                                request.form_or("round"), request.origin());
    if (created)
        return Response::redirect(ranking_path(case_id, *created));
    if (created.error().kind != core::ErrorKind::invalid)
        return error_response(context, request, created.error());
    return rankings_page(context, request, created.error());
}

Response show_ranking(AppContext& context, Request& request)
{
    return ranking_page(context, request, std::nullopt);
}

Response submit_ranking(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    const auto ranking_id = parse_id(request.param("ranking_id"));
    auto change = change_from(request);
    if (!change)
        return ranking_page(context, request, change.error());
    auto saved = context.rankings.save(request.actor(), institution_of(request), case_id, ranking_id, *change,
                                       request.origin());
    if (saved)
        return Response::redirect(ranking_path(case_id, ranking_id) + "?saved=" + std::to_string(*saved));
    if (saved.error().kind != core::ErrorKind::invalid)
        return error_response(context, request, saved.error());
    return ranking_page(context, request, saved.error());
}

Response show_ranking_versions(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto versions = context.rankings.versions(request.actor(), institution_of(request), case_id,
                                              parse_id(request.param("ranking_id")));
    if (!versions)
        return error_response(context, request, versions.error());
    return page(context, request, "assessment/ranking_versions",
                tr(context, request, msgid("Versions of the list")) + ": " + versions->list.name,
                [&](Dictionary& dictionary) {
                    fill_list_heading(dictionary, context, request, versions->case_record, versions->list);
                    if (versions->versions.empty())
                        dictionary.ShowSection("NO_VERSIONS");
                    else
                        dictionary.ShowSection("HAS_VERSIONS");
                    for (const auto& version : versions->versions) {
                        auto* row = dictionary.AddSectionDictionary("VERSION_ROW");
                        row->SetIntValue("NUMBER", version.number);
                        row->SetValue("BY", version.saved_by_name);
                        row->SetValue("AT", core::format_date_time(version.saved_at, request.language));
                        if (version.number > 1) {
                            auto* link = row->AddSectionDictionary("HAS_PREVIOUS");
                            link->SetValue("HREF", ranking_path(case_id, versions->list.id) +
                                                       "/compare?from=" + std::to_string(version.number - 1) +
                                                       "&to=" + std::to_string(version.number));
                        }
                    }
                    for (const bool is_from : {true, false}) {
                        for (std::size_t index = 0; index < versions->versions.size(); ++index) {
                            const auto& version = versions->versions[index];
                            auto* option =
                                dictionary.AddSectionDictionary(is_from ? "FROM_CHOICE" : "TO_CHOICE");
                            option->SetIntValue("NUMBER", version.number);
                            if ((is_from && index == 1) || (!is_from && index == 0))
                                option->ShowSection("SELECTED");
                        }
                    }
                    if (versions->versions.size() > 1)
                        dictionary.ShowSection("CAN_COMPARE");
                });
}

Response show_ranking_comparison(AppContext& context, Request& request)
{
    const auto case_id = parse_id(request.param("case_id"));
    auto from = parse_number(request.query_value("from").value_or(""));
    auto to = parse_number(request.query_value("to").value_or(""));
    if (!from || !to || *from < 1 || *to < 1 || *from > 1000000000 || *to > 1000000000)
        return not_found(context, request);
    auto comparison = context.rankings.compare(request.actor(), institution_of(request), case_id,
                                               parse_id(request.param("ranking_id")), static_cast<int>(*from),
                                               static_cast<int>(*to));
    if (!comparison)
        return error_response(context, request, comparison.error());
    auto response = page(
        context, request, "assessment/ranking_compare",
        tr(context, request, msgid("Compare versions")) + ": " + comparison->list.name,
        [&](Dictionary& dictionary) {
            fill_list_heading(dictionary, context, request, comparison->case_record, comparison->list);
            dictionary.SetIntValue("FROM", comparison->from.number);
            dictionary.SetIntValue("TO", comparison->to.number);
            dictionary.SetValue("FROM_BY", comparison->from.saved_by_name);
            dictionary.SetValue("TO_BY", comparison->to.saved_by_name);
            dictionary.SetValue("FROM_AT",
                                core::format_date_time(comparison->from.saved_at, request.language));
            dictionary.SetValue("TO_AT", core::format_date_time(comparison->to.saved_at, request.language));
            if (comparison->rows.empty())
                dictionary.ShowSection("NO_ROWS");
            for (const auto& row : comparison->rows) {
                auto* item = dictionary.AddSectionDictionary("ROW");
                item->SetValue("LABEL", row.applicant.label);
                item->SetValue("FROM_POSITION", row.comparison.from_position
                                                    ? std::to_string(*row.comparison.from_position)
                                                    : "–");
                item->SetValue("TO_POSITION", row.comparison.to_position
                                                  ? std::to_string(*row.comparison.to_position)
                                                  : "–");
                item->SetValue("CHANGE_KIND", std::string(domain::to_string(row.comparison.change)));
                const char* change = "";
                switch (row.comparison.change) {
                case domain::RankChange::unchanged: change = msgid("Unchanged"); break;
                case domain::RankChange::up: change = msgid("Moved up"); break;
                case domain::RankChange::down: change = msgid("Moved down"); break;
                case domain::RankChange::added: change = msgid("New on the list"); break;
                case domain::RankChange::removed: change = msgid("Taken off the list"); break;
                }
                item->SetValue("CHANGE", tr(context, request, change));
            }
        });
    response.set_header("Cache-Control", "no-store");
    return response;
}

} // namespace rekrut::web
