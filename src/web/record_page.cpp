#include "web/record_page.hpp"

#include <ctemplate/template.h>

#include "web/app_context.hpp"
#include "web/forms.hpp"

namespace rekrut::web {
namespace {

/// Fills the form part shared by the modal and the confirmation page.
void fill_confirmation(Dictionary& dictionary, const Confirmation& confirmation)
{
    dictionary.SetValue("CONFIRM_ID", confirmation.id);
    dictionary.SetValue("CONFIRM_HEADING", confirmation.heading);
    dictionary.SetValue("CONFIRM_ACTION", confirmation.action);
    dictionary.SetValue("CONFIRM_LABEL", confirmation.confirm_label);
    dictionary.SetValue("BACK_HREF", confirmation.back_href);
    for (const auto& sentence : confirmation.consequences)
        dictionary.AddSectionDictionary("CONSEQUENCE")->SetValue("TEXT", sentence);
    dictionary.ShowSection(confirmation.action.empty() ? "SUBMITS_FORM" : "OWN_FORM");
    for (const auto& [name, value] : confirmation.fields) {
        auto* field = dictionary.AddSectionDictionary("HIDDEN");
        field->SetValue("NAME", name);
        field->SetValue("VALUE", value);
    }
    if (confirmation.ask_reason)
        dictionary.SetValueAndShowSection("REASON_LABEL", confirmation.reason_label, "ASK_REASON");
}

} // namespace

void add_summary_group(Dictionary& page, const AppContext& /*context*/, const Request& request,
                       const SummaryGroup& group)
{
    auto* section = page.AddSectionDictionary("SUMMARY_GROUPS");
    auto* include = section->AddIncludeDictionary("SUMMARY_GROUP");
    include->SetFilename(request.language + "/partials/_summary_group.tpl");
    include->SetValue("GROUP_ID", group.id);
    include->SetValue("HEADING", group.heading);
    if (!group.change_href.empty())
        include->SetValueAndShowSection("CHANGE_HREF", group.change_href, "CAN_CHANGE");
    for (const auto& row : group.rows) {
        auto* line = include->AddSectionDictionary("ROW");
        line->SetValue("LABEL", row.label);
        if (row.value.empty())
            line->ShowSection("NOT_GIVEN");
        else
            line->SetValueAndShowSection("VALUE", row.value, "GIVEN");
    }
}

void add_step_indicator(Dictionary& page, const AppContext& /*context*/, const Request& request,
                        const std::vector<LifecycleStep>& steps)
{
    auto* include = page.AddIncludeDictionary("STEP_INDICATOR");
    include->SetFilename(request.language + "/partials/_step_indicator.tpl");
    int number = 0;
    for (const auto& step : steps) {
        auto* item = include->AddSectionDictionary("STEP");
        item->SetValue("NUMBER", std::to_string(++number));
        item->SetValue("LABEL", step.label);
        item->ShowSection(step.state == StepState::done      ? "DONE"
                          : step.state == StepState::current ? "CURRENT"
                                                             : "UPCOMING");
    }
}

void add_confirm_modal(Dictionary& page, const AppContext& /*context*/, const Request& request,
                       const Confirmation& confirmation)
{
    auto* include = page.AddSectionDictionary("CONFIRM_MODALS")->AddIncludeDictionary("CONFIRM_MODAL");
    include->SetFilename(request.language + "/partials/_confirm_modal.tpl");
    fill_confirmation(*include, confirmation);
}

Response confirmation_page(AppContext& context, const Request& request, const Confirmation& confirmation,
                           const std::optional<core::Error>& error)
{
    return page(
        context, request, "partials/confirm", confirmation.heading,
        [&](Dictionary& dictionary) {
            fill_confirmation(dictionary, confirmation);
            if (confirmation.ask_reason)
                keep_value(dictionary, "reason", request.form_or("reason"));
            if (error)
                show_form_errors(dictionary, *error, context.translator, request);
        },
        form_status(error));
}

} // namespace rekrut::web
