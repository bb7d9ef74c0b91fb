#include "web/operator/controls_pages.hpp"

#include <boost/version.hpp>
#include <ctemplate/template.h>

#include "core/display_format.hpp"
#include "domain/access/policy.hpp"
#include "services/status/operator_controls.hpp"
#include "services/user_administration.hpp"
#include "web/app_context.hpp"
#include "web/forms.hpp"
#include "web/http_server.hpp"
#include "web/i18n.hpp"
#include "web/operator/operator_pages.hpp"
#include "web/page_kit.hpp"

namespace rekrut::web {
namespace {

struct LevelInfo {
    const char* level;
    const char* description;
};

constexpr LevelInfo k_levels[] = {
    {"trace", msgid("Everything below, and the details of each step (for finding a fault; much output).")},
    {"debug", msgid("Everything below, and what background jobs and connections do.")},
    {"info",
     msgid("Everything below, start and stop, migrations, and one line per request (the access log).")},
    {"warn",
     msgid("Errors, and what went wrong but was handled: refused logins, retries, slow outside services.")},
    {"error", msgid("Only errors: failed requests, jobs and deliveries.")},
    {"off", msgid("Nothing.")},
};

constexpr int k_reviews_shown = 100;

constexpr std::pair<const char*, const char*> k_outcomes[] = {
    {"no_changes", msgid("No changes needed")},
    {"changes_made", msgid("Rights were changed")},
    {"changes_requested", msgid("Changes asked of the institution")},
};

const char* outcome_label(const std::string& outcome)
{
    for (const auto& [value, label] : k_outcomes)
        if (outcome == value)
            return label;
    return msgid("No changes needed");
}

void fill_reviews(Dictionary& dictionary, AppContext& context, Request& request,
                  const std::optional<core::Error>& review_error)
{
    const auto& actor = request.actor();
    auto reviews = context.controls->rights_reviews(actor, k_reviews_shown);
    auto institutions = context.administration.institutions();
    const std::int64_t chosen = review_error ? parse_id(request.form_or("institution_id")) : 0;
    const std::string chosen_outcome = review_error ? request.form_or("outcome") : "";
    fill_institution_options(dictionary, institutions, chosen);
    for (const auto& [value, label] : k_outcomes) {
        auto* option = dictionary.AddSectionDictionary("OUTCOME_OPTION");
        option->SetValue("VALUE", value);
        option->SetValue("LABEL", tr(context, request, label));
        if (chosen_outcome == value)
            option->ShowSection("CHECKED");
    }
    if (review_error)
        keep_value(dictionary, "note", request.form_or("note"));
    if (reviews.empty()) {
        dictionary.ShowSection("NO_REVIEWS");
        return;
    }
    auto* table = dictionary.AddSectionDictionary("REVIEWS");
    for (const auto& review : reviews) {
        auto* row = table->AddSectionDictionary("REVIEW");
        row->SetValue("INSTITUTION", review.institution_name);
        row->SetValue("REVIEWER", review.reviewer_name);
        row->SetValue("AT", core::format_date_time(review.reviewed_at, request.language));
        row->SetValue("OUTCOME", tr(context, request, outcome_label(review.outcome)));
        row->SetValue("NOTE", review.note);
    }
}

Response controls_page(AppContext& context, Request& request, const std::optional<core::Error>& error,
                       bool review_form = false)
{
    auto components = services::OperatorControls::linked_components();
    for (auto& component : web_component_versions())
        components.push_back(std::move(component));
    const std::string current = context.controls->log_level();
    return page(
        context, request, "operator/controls", tr(context, request, msgid("Operator controls")),
        [&](Dictionary& dictionary) {
            if (request.query_value("saved"))
                show_notice(dictionary, context, request,
                            msgid("The log level has been changed on every node."));
            else if (request.query_value("reviewed"))
                show_notice(dictionary, context, request, msgid("The review has been recorded."));
            fill_reviews(dictionary, context, request, review_form ? error : std::nullopt);
            dictionary.SetValue("CURRENT_LEVEL", current);
            for (const auto& info : k_levels) {
                auto* option = dictionary.AddSectionDictionary("LEVEL");
                option->SetValue("VALUE", info.level);
                option->SetValue("DESCRIPTION", tr(context, request, info.description));
                if (current == info.level)
                    option->ShowSection("CHECKED");
            }
            for (const auto& component : components) {
                auto* row = dictionary.AddSectionDictionary("COMPONENT");
                row->SetValue("NAME", component.name);
                row->SetValue("VERSION", component.version);
                row->SetValue("SOURCE", tr(context, request,
                                           component.at_run_time ? msgid("as it reports itself at run time")
                                                                 : msgid("the headers it was built with")));
            }
            if (error)
                show_form_errors(
                    dictionary, *error, context.translator, request, [review_form](const std::string& field) {
                        if (!review_form)
                            return std::string("#level-trace");
                        return field == "outcome" ? std::string("#outcome-no_changes") : "#" + field;
                    });
        },
        form_status(error));
}

} // namespace

std::vector<core::ComponentVersion> web_component_versions()
{
    std::string boost = BOOST_LIB_VERSION;
    for (auto& character : boost)
        if (character == '_')
            character = '.';
    return {
        {"libmicrohttpd", microhttpd_version(), true},
        {"ctemplate", REKRUT_CTEMPLATE_VERSION, false},
        {"Boost", boost, false},
    };
}

Response show_operator_controls(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), domain::Action::operate_service))
        return not_found(context, request);
    return controls_page(context, request, std::nullopt);
}

Response submit_log_level(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), domain::Action::operate_service))
        return not_found(context, request);
    auto changed =
        context.controls->change_log_level(request.actor(), request.form_or("level"), request.origin());
    if (!changed) {
        if (changed.error().kind == core::ErrorKind::invalid)
            return controls_page(context, request, changed.error());
        return error_response(context, request, changed.error());
    }
    return Response::redirect("/operator/controls?saved=1");
}

Response submit_rights_review(AppContext& context, Request& request)
{
    if (!domain::can(request.actor(), domain::Action::operate_service))
        return not_found(context, request);
    auto recorded = context.controls->record_rights_review(
        request.actor(), parse_id(request.form_or("institution_id")), request.form_or("outcome"),
        request.form_or("note"), request.origin());
    if (!recorded) {
        if (recorded.error().kind == core::ErrorKind::invalid)
            return controls_page(context, request, recorded.error(), true);
        return error_response(context, request, recorded.error());
    }
    return Response::redirect("/operator/controls?reviewed=1#rights-reviews");
}

} // namespace rekrut::web
