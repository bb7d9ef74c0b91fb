#include "web/cases/case_record.hpp"

#include <algorithm>
#include <ctemplate/template.h>

#include "core/clock.hpp"
#include "core/display_format.hpp"
#include "core/text.hpp"
#include "domain/recruitment_case/case_lifecycle.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/reference_data.hpp"

namespace rekrut::web {
namespace {

using core::msgid;
using domain::CaseState;
using domain::CaseTransition;

constexpr CaseState k_lifecycle[] = {CaseState::draft,      CaseState::ready_for_publication,
                                     CaseState::published,  CaseState::closed_for_applications,
                                     CaseState::assessment, CaseState::decision,
                                     CaseState::filled};

void replace_placeholder(std::string& text, const std::string& placeholder, const std::string& value)
{
    if (auto at = text.find(placeholder); at != std::string::npos)
        text.replace(at, placeholder.size(), value);
}

const char* employment_form_label(const std::string& form)
{
    if (form == "fixed_term")
        return msgid("Fixed term");
    if (form == "aaremaal")
        return msgid("Åremål (fixed-term senior post)");
    return msgid("Permanent");
}

std::string contact_text(const domain::ContactPerson& contact)
{
    std::string text;
    for (const auto* part : {&contact.name, &contact.title, &contact.phone, &contact.email})
        if (!part->empty())
            text += (text.empty() ? "" : ", ") + *part;
    return text;
}

SummaryGroup position_group(const std::function<std::string(const char*)>& tr,
                            const domain::CaseRecord& record, const std::string& language)
{
    SummaryGroup group{"facts-position", tr(msgid("The position")), "", {}};
    group.rows.push_back({tr(msgid("Title of the position")), record.title});
    group.rows.push_back({tr(msgid("Unit")), record.unit_name});
    group.rows.push_back({tr(msgid("Position category")), record.position_category});
    group.rows.push_back(
        {tr(msgid("Form of employment")), tr(employment_form_label(record.employment_form))});
    if (record.employment_form != "permanent")
        group.rows.push_back({tr(msgid("Period of a fixed-term position")), record.fixed_term_text});
    group.rows.push_back({tr(msgid("Employed as")), tr(record.employment_basis == "civil_servant"
                                                           ? msgid("Civil servant")
                                                           : msgid("Under a collective agreement"))});
    std::string working_time = record.full_time ? tr(msgid("Full-time (37 hours)"))
                                                : tr(msgid("Part-time")) + ", " +
                                                      core::format_hours(record.weekly_hours, language) +
                                                      " " + tr(msgid("a week"));
    group.rows.push_back({tr(msgid("Working time")), working_time});
    group.rows.push_back({tr(msgid("Number of positions")), std::to_string(record.positions)});
    return group;
}

} // namespace

void fill_case_lifecycle(Dictionary& dictionary, const AppContext& context, const Request& request,
                         const domain::CaseRecord& record)
{
    if (record.state == CaseState::cancelled) {
        dictionary.ShowSection("IS_CANCELLED");
        return;
    }
    std::vector<LifecycleStep> steps;
    bool reached = false;
    for (auto state : k_lifecycle) {
        StepState step = reached ? StepState::upcoming : StepState::done;
        if (state == record.state) {
            step = StepState::current;
            reached = true;
        }
        // A filled case has reached its end: the last step is done, not pending.
        if (state == CaseState::filled && record.state == CaseState::filled)
            step = StepState::done;
        steps.push_back({tr(context, request, state_label(state)), step});
    }
    dictionary.ShowSection("HAS_LIFECYCLE");
    add_step_indicator(dictionary, context, request, steps);
}

void fill_next_steps(Dictionary& dictionary, const AppContext& context, const Request& request,
                     const services::CaseOverview& overview, bool may_change, const FieldLink& field_link)
{
    if (!may_change || overview.transitions.empty())
        return;
    dictionary.ShowSection("HAS_NEXT");
    const auto& facts = overview.facts;
    auto now = core::now();
    for (auto transition : overview.transitions) {
        // The decision's steps are taken on the decision page, by two people.
        if (transition == CaseTransition::propose_decision || transition == CaseTransition::return_decision ||
            transition == CaseTransition::mark_filled) {
            dictionary.ShowSection("DECISION_STEP");
            continue;
        }
        if (transition == CaseTransition::cancel && facts.has_applications) {
            dictionary.ShowSection("CANCEL_BY_REQUEST");
            continue;
        }
        if (transition == CaseTransition::cancel) {
            dictionary.ShowSection("CAN_CANCEL");
            add_confirm_modal(dictionary, context, request,
                              cancel_confirmation(context, request, overview.record));
            continue;
        }
        auto checked = domain::check_transition(facts, transition, now);
        if (checked) {
            auto* button = dictionary.AddSectionDictionary("TRANSITION");
            button->SetValue("VALUE", std::string(domain::to_string(transition)));
            button->SetValue("LABEL", tr(context, request, transition_label(transition)));
            button->ShowSection(transition == CaseTransition::reopen_draft ? "SECONDARY" : "PRIMARY");
            continue;
        }
        auto* blocked = dictionary.AddSectionDictionary("BLOCKED");
        blocked->SetValue("LABEL", tr(context, request, transition_label(transition)));
        if (transition == CaseTransition::close_applications && overview.record.application_deadline) {
            blocked->SetValue(
                "EXPLANATION",
                tr(context, request, msgid("not yet. Applications close by themselves at the deadline:")) +
                    " " + deadline_text(overview.record.application_deadline, request.language) + ".");
            continue;
        }
        blocked->SetValue("EXPLANATION", tr(context, request, checked.error().message));
        if (checked.error().fields.empty())
            continue;
        auto* list = blocked->AddSectionDictionary("HAS_MISSING");
        for (const auto& missing : checked.error().fields) {
            auto* item = list->AddSectionDictionary("MISSING");
            item->SetValue("HREF", field_link(missing.field));
            item->SetValue("MESSAGE", tr(context, request, missing.message));
        }
    }
}

void fill_case_summary(Dictionary& dictionary, const AppContext& context, const Request& request,
                       const services::CaseOverview& overview, bool can_edit)
{
    const auto& record = overview.record;
    auto t = [&](const char* message) { return tr(context, request, message); };
    std::string edit = "/cases/" + std::to_string(record.id) + "/edit#";
    auto change = [&](const std::string& field) { return can_edit ? edit + field : std::string(); };

    SummaryGroup position = position_group(t, record, request.language);
    position.change_href = change("title");
    add_summary_group(dictionary, context, request, position);

    add_summary_group(dictionary, context, request,
                      {"facts-salary",
                       t(msgid("Salary")),
                       change("salary_text"),
                       {{t(msgid("Salary placement")), record.salary_text},
                        {t(msgid("Collective agreement")), record.collective_agreement}}});
    add_summary_group(dictionary, context, request,
                      {"facts-place",
                       t(msgid("Place of work")),
                       change("place_of_work"),
                       {{t(msgid("Address of the place of work")), record.place_of_work},
                        {t(msgid("Postcode and town")),
                         std::string(core::trim(record.work_postcode + " " + record.work_city))},
                        {t(msgid("Municipality")), municipality_text(record.municipality_code)},
                        {t(msgid("Occupation code (DISCO-08)")),
                         occupation_text(record.occupation_code, request.language)}}});
    add_summary_group(
        dictionary, context, request,
        {"facts-dates",
         t(msgid("Dates")),
         change("deadline_date"),
         {{t(msgid("Application deadline")), deadline_text(record.application_deadline, request.language)},
          {t(msgid("Expected start")),
           record.expected_start ? core::format_date(*record.expected_start, request.language) : ""},
          {t(msgid("Re-advertisement")), record.readvertisement ? t(msgid("Yes")) : t(msgid("No"))}}});

    SummaryGroup contacts{"facts-contacts", t(msgid("Contact persons")), change("contact_name_1"), {}};
    for (const auto& contact : overview.contacts)
        if (auto text = contact_text(contact); !text.empty())
            contacts.rows.push_back(
                {t(msgid("Contact person")) + " " + std::to_string(contacts.rows.size() + 1), text});
    if (contacts.rows.empty())
        contacts.rows.push_back({t(msgid("Contact person")), ""});
    add_summary_group(dictionary, context, request, contacts);

    std::string languages;
    for (const auto& [code, name] : {std::pair{"da", msgid("Danish")}, {"en", msgid("English")}})
        if (record.ad_languages.find(code) != std::string::npos)
            languages += (languages.empty() ? "" : ", ") + t(name);
    add_summary_group(
        dictionary, context, request,
        {"facts-ad", t(msgid("The ad")), change("language_da"), {{t(msgid("Ad languages")), languages}}});
}

Confirmation cancel_confirmation(const AppContext& context, const Request& request,
                                 const domain::CaseRecord& record)
{
    auto t = [&](const char* message) { return tr(context, request, message); };
    std::string base = "/cases/" + std::to_string(record.id);
    Confirmation confirmation;
    confirmation.id = "confirm-cancel";
    confirmation.heading = t(msgid("Cancel the case?"));
    confirmation.consequences = {
        t(msgid("The case is closed for good and can no longer be changed. A published ad is taken down at "
                "once, and external committee members lose their access.")),
        t(msgid("This cannot be undone. To recruit for the position later, copy the case."))};
    confirmation.action = base + "/transition";
    confirmation.fields = {{"transition", "cancel"}};
    confirmation.confirm_label = t(msgid("Yes, cancel the case"));
    confirmation.back_href = base;
    confirmation.ask_reason = true;
    confirmation.reason_label = t(msgid("Why is the case cancelled?"));
    confirmation.page_href = base + "/cancel";
    return confirmation;
}

Confirmation remove_member_confirmation(const AppContext& context, const Request& request,
                                        const domain::CaseRecord& record,
                                        const domain::CommitteeMemberRecord& member)
{
    auto t = [&](const char* message) { return tr(context, request, message); };
    std::string base = "/cases/" + std::to_string(record.id);
    std::string role(domain::to_string(member.role));
    Confirmation confirmation;
    confirmation.id = "confirm-remove-" + std::to_string(member.user_id) + "-" + role;
    confirmation.heading = t(msgid("Remove the member from the hiring committee?"));
    std::string sentence = t(msgid("{name} loses the role {role} on this case."));
    replace_placeholder(sentence, "{name}", member.name + " (" + member.email + ")");
    replace_placeholder(sentence, "{role}", t(role_label(member.role)));
    confirmation.consequences = {sentence, t(msgid("They can be added again later."))};
    confirmation.action = base + "/committee/remove";
    confirmation.fields = {{"user_id", std::to_string(member.user_id)}, {"role", role}};
    confirmation.confirm_label = t(msgid("Yes, remove the member"));
    confirmation.back_href = base + "#committee";
    confirmation.page_href =
        base + "/committee/remove?user_id=" + std::to_string(member.user_id) + "&role=" + role;
    return confirmation;
}

} // namespace rekrut::web
