#include "services/institution_setup.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "domain/job_ad/placeholders.hpp"
#include "domain/job_ad/rich_text.hpp"
#include "domain/job_ad/screening_question.hpp"
#include "domain/merge_fields.hpp"
#include "services/audit_log.hpp"
#include "store/database.hpp"
#include "store/setup_store.hpp"

namespace rekrut::services {
namespace {

using core::msgid;

std::string trimmed(std::string_view text)
{
    return std::string(core::trim(text));
}

const char* table_of(SetupList which)
{
    return which == SetupList::collective_agreements ? "collective_agreements" : "position_categories";
}

core::Error invalid(std::vector<core::FieldError> fields)
{
    return core::Error::invalid(msgid("Check the marked fields."), std::move(fields));
}

constexpr std::size_t k_name_limit = 200;
constexpr const char* k_name_message = msgid("Enter a name (at most 200 characters).");

bool valid_name(const std::string& name)
{
    return !name.empty() && name.size() <= k_name_limit;
}

/// Names compare without regard to ASCII case ("IT" and "it" are the same list entry).
bool same_name(std::string_view left, std::string_view right)
{
    return left.size() == right.size() &&
           std::equal(left.begin(), left.end(), right.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) ==
                      std::tolower(static_cast<unsigned char>(b));
           });
}

const char* yes_no(bool value)
{
    return value ? "yes" : "no";
}

std::string hours_text(double hours)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", hours);
    return text;
}

std::string mandatory_text_json(const domain::MandatoryTextRecord& text)
{
    return json_object({{"name", text.name},
                        {"kind", text.kind},
                        {"language", text.language},
                        {"required", yes_no(text.required)},
                        {"locked", yes_no(text.locked)},
                        {"position", std::to_string(text.position)},
                        {"body", text.body_source}});
}

std::string ad_template_json(const domain::AdTemplateRecord& ad_template)
{
    return json_object({{"name", ad_template.name},
                        {"language", ad_template.language},
                        {"title", ad_template.title},
                        {"salary_text", ad_template.salary_text},
                        {"collective_agreement", ad_template.collective_agreement},
                        {"employment_form", ad_template.employment_form},
                        {"employment_basis", ad_template.employment_basis},
                        {"full_time", yes_no(ad_template.full_time)},
                        {"weekly_hours", hours_text(ad_template.weekly_hours)},
                        {"body", ad_template.body_source}});
}

std::string question_json(const domain::QuestionTemplateRecord& question)
{
    return json_object({{"text", question.text}, {"kind", question.kind}, {"options", question.options}});
}

/// Whether another unit under the same parent already has the name.
bool sibling_has_name(const std::vector<domain::OrganisationUnitRecord>& units,
                      std::optional<std::int64_t> parent, const std::string& name, std::int64_t except_id)
{
    return std::any_of(units.begin(), units.end(), [&](const domain::OrganisationUnitRecord& unit) {
        return unit.id != except_id && unit.parent_id == parent && same_name(unit.name, name);
    });
}

} // namespace

std::vector<core::FieldError> check_mandatory_text(domain::MandatoryTextRecord& text)
{
    static const std::set<std::string> kinds = {"encouragement", "salary", "presentation", "other"};
    text.name = trimmed(text.name);
    std::vector<core::FieldError> problems;
    if (!valid_name(text.name))
        problems.push_back({"name", k_name_message});
    if (!kinds.count(text.kind))
        problems.push_back({"kind", msgid("Choose a kind.")});
    if (text.language != "da" && text.language != "en")
        problems.push_back({"language", msgid("Choose a language.")});
    if (trimmed(text.body_source).empty() || text.body_source.size() > 20000)
        problems.push_back({"body", msgid("Write the text (at most 20,000 characters).")});
    if (text.position < 0 || text.position > 9999)
        problems.push_back({"position", msgid("Enter the order as a whole number from 0 to 9999.")});
    return problems;
}

std::vector<core::FieldError> check_ad_template(domain::AdTemplateRecord& ad_template)
{
    static const std::set<std::string> forms = {"permanent", "fixed_term", "aaremaal"};
    static const std::set<std::string> bases = {"collective_agreement", "civil_servant"};
    ad_template.name = trimmed(ad_template.name);
    ad_template.title = trimmed(ad_template.title);
    ad_template.salary_text = trimmed(ad_template.salary_text);
    ad_template.collective_agreement = trimmed(ad_template.collective_agreement);
    std::vector<core::FieldError> problems;
    if (!valid_name(ad_template.name))
        problems.push_back({"name", k_name_message});
    if (ad_template.language != "da" && ad_template.language != "en")
        problems.push_back({"language", msgid("Choose a language.")});
    if (ad_template.title.size() > 200)
        problems.push_back({"title", msgid("The title can be at most 200 characters.")});
    if (ad_template.salary_text.size() > 2000)
        problems.push_back({"salary_text", msgid("The salary placement can be at most 2,000 characters.")});
    if (ad_template.collective_agreement.size() > 200)
        problems.push_back(
            {"collective_agreement", msgid("The collective agreement can be at most 200 characters.")});
    if (!forms.count(ad_template.employment_form))
        problems.push_back({"employment_form", msgid("Choose the form of employment.")});
    if (!bases.count(ad_template.employment_basis))
        problems.push_back({"employment_basis", msgid("Choose the form of employment.")});
    if (ad_template.full_time)
        ad_template.weekly_hours = 37;
    else if (!std::isfinite(ad_template.weekly_hours) || ad_template.weekly_hours <= 0 ||
             ad_template.weekly_hours >= 37)
        problems.push_back({"weekly_hours", msgid("Enter the weekly hours as a number under 37.")});
    if (ad_template.body_source.size() > 50000) {
        problems.push_back({"body", msgid("The ad text can be at most 50,000 characters.")});
        return problems;
    }
    // Every {{...}} must be one of the placeholders the case fills in; anything else would be
    // published as it stands.
    if (auto unknown = domain::first_unknown_field(ad_template.body_source, domain::is_placeholder)) {
        if (*unknown == "{{")
            problems.push_back({"body", msgid("A placeholder is missing its closing }}.")});
        else
            problems.push_back({"body",
                                msgid("{{{detail}}} is not a placeholder. Use only the placeholders listed "
                                      "under the field, written exactly as shown."),
                                *unknown});
    }
    return problems;
}

std::vector<core::FieldError> check_question(domain::QuestionTemplateRecord& question)
{
    domain::ScreeningQuestion checked{question.text, question.kind, question.options};
    auto problems = domain::check_screening_question(checked);
    question.text = std::move(checked.text);
    question.options = std::move(checked.options);
    return problems;
}

bool InstitutionSetup::allowed(const domain::Actor& actor, std::int64_t institution_id) const
{
    return institution_id > 0 &&
           domain::can(actor, domain::Action::edit_institution_setup, {institution_id, {}, {}, false, {}});
}

core::Result<std::vector<domain::OrganisationUnitRecord>> InstitutionSetup::units(const domain::Actor& actor,
                                                                                  std::int64_t institution_id)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    return m_database.read(
        [&](store::Session& session) { return store::organisation_units::list(session, institution_id); });
}

core::Result<std::int64_t> InstitutionSetup::add_unit(const domain::Actor& actor, std::int64_t institution_id,
                                                      const std::string& parent_text,
                                                      const std::string& name_input, const Origin& origin)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    std::string name = trimmed(name_input);
    std::vector<core::FieldError> problems;
    if (!valid_name(name))
        problems.push_back({"name", k_name_message});
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<std::int64_t> {
        auto units = store::organisation_units::list(transaction, institution_id);
        std::optional<std::int64_t> parent;
        if (!trimmed(parent_text).empty()) {
            std::int64_t parent_id = std::atoll(parent_text.c_str());
            bool known =
                std::any_of(units.begin(), units.end(),
                            [&](const domain::OrganisationUnitRecord& unit) { return unit.id == parent_id; });
            if (parent_id <= 0 || std::to_string(parent_id) != trimmed(parent_text) || !known)
                problems.push_back({"parent_id", msgid("Choose one of the units.")});
            else
                parent = parent_id;
        }
        if (problems.empty() && sibling_has_name(units, parent, name, 0))
            problems.push_back({"name", msgid("A unit with this name already exists at this level.")});
        if (!problems.empty())
            return invalid(problems);
        auto id = store::organisation_units::insert(transaction, institution_id, parent, name, core::now());
        record_audit(transaction, origin,
                     {institution_id, "setup.unit_created", "organisation_unit", std::to_string(id), "{}",
                      json_object({{"name", name}, {"parent_id", parent ? std::to_string(*parent) : ""}})});
        return id;
    });
}

core::Status InstitutionSetup::rename_unit(const domain::Actor& actor, std::int64_t institution_id,
                                           std::int64_t unit_id, const std::string& name_input,
                                           const Origin& origin)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    std::string name = trimmed(name_input);
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        // A unit of another institution reads as not found, before anything about the input is said.
        auto unit = store::organisation_units::find(transaction, institution_id, unit_id);
        if (!unit)
            return core::Error::not_found();
        if (!valid_name(name))
            return invalid({{"name", k_name_message}});
        if (unit->name == name)
            return core::success(); // nothing changes, so nothing is audited
        if (sibling_has_name(store::organisation_units::list(transaction, institution_id), unit->parent_id,
                             name, unit_id))
            return invalid({{"name", msgid("A unit with this name already exists at this level.")}});
        store::organisation_units::rename(transaction, institution_id, unit_id, name);
        record_audit(transaction, origin,
                     {institution_id, "setup.unit_renamed", "organisation_unit", std::to_string(unit_id),
                      json_object({{"name", unit->name}}), json_object({{"name", name}})});
        return core::success();
    });
}

core::Result<std::vector<domain::MandatoryTextRecord>>
InstitutionSetup::mandatory_texts(const domain::Actor& actor, std::int64_t institution_id)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    return m_database.read(
        [&](store::Session& session) { return store::mandatory_texts::list(session, institution_id); });
}

core::Result<domain::MandatoryTextRecord> InstitutionSetup::mandatory_text(const domain::Actor& actor,
                                                                           std::int64_t institution_id,
                                                                           std::int64_t text_id)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) -> core::Result<domain::MandatoryTextRecord> {
        auto found = store::mandatory_texts::find(session, institution_id, text_id);
        if (!found)
            return core::Error::not_found();
        return *found;
    });
}

core::Result<std::int64_t> InstitutionSetup::save_mandatory_text(const domain::Actor& actor,
                                                                 std::int64_t institution_id,
                                                                 domain::MandatoryTextRecord text,
                                                                 const Origin& origin)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    // A record of another institution reads as not found, before anything about the input is said.
    if (text.id != 0 && !mandatory_text(actor, institution_id, text.id))
        return core::Error::not_found();
    if (auto problems = check_mandatory_text(text); !problems.empty())
        return invalid(problems);
    text.body_html = domain::rich_text_to_html(text.body_source);
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<std::int64_t> {
        core::UnixTime now = core::now();
        if (text.id == 0) {
            auto id = store::mandatory_texts::insert(transaction, institution_id, text, now);
            record_audit(transaction, origin,
                         {institution_id, "setup.mandatory_text_created", "mandatory_text",
                          std::to_string(id), "{}", mandatory_text_json(text)});
            return id;
        }
        auto existing = store::mandatory_texts::find(transaction, institution_id, text.id);
        if (!existing)
            return core::Error::not_found();
        store::mandatory_texts::update(transaction, institution_id, text, now);
        record_audit(transaction, origin,
                     {institution_id, "setup.mandatory_text_changed", "mandatory_text",
                      std::to_string(text.id), mandatory_text_json(*existing), mandatory_text_json(text)});
        return text.id;
    });
}

core::Result<std::vector<domain::AdTemplateRecord>>
InstitutionSetup::ad_templates(const domain::Actor& actor, std::int64_t institution_id)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    return m_database.read(
        [&](store::Session& session) { return store::ad_templates::list(session, institution_id); });
}

core::Result<domain::AdTemplateRecord> InstitutionSetup::ad_template(const domain::Actor& actor,
                                                                     std::int64_t institution_id,
                                                                     std::int64_t template_id)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) -> core::Result<domain::AdTemplateRecord> {
        auto found = store::ad_templates::find(session, institution_id, template_id);
        if (!found)
            return core::Error::not_found();
        return *found;
    });
}

core::Result<std::int64_t> InstitutionSetup::save_ad_template(const domain::Actor& actor,
                                                              std::int64_t institution_id,
                                                              domain::AdTemplateRecord ad_template,
                                                              const Origin& origin)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    if (ad_template.id != 0 && !this->ad_template(actor, institution_id, ad_template.id))
        return core::Error::not_found();
    if (auto problems = check_ad_template(ad_template); !problems.empty())
        return invalid(problems);
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<std::int64_t> {
        core::UnixTime now = core::now();
        if (ad_template.id == 0) {
            auto id = store::ad_templates::insert(transaction, institution_id, ad_template, now);
            record_audit(transaction, origin,
                         {institution_id, "setup.ad_template_created", "ad_template", std::to_string(id),
                          "{}", ad_template_json(ad_template)});
            return id;
        }
        auto existing = store::ad_templates::find(transaction, institution_id, ad_template.id);
        if (!existing)
            return core::Error::not_found();
        store::ad_templates::update(transaction, institution_id, ad_template, now);
        record_audit(transaction, origin,
                     {institution_id, "setup.ad_template_changed", "ad_template",
                      std::to_string(ad_template.id), ad_template_json(*existing),
                      ad_template_json(ad_template)});
        return ad_template.id;
    });
}

core::Result<std::vector<domain::QuestionTemplateRecord>>
InstitutionSetup::questions(const domain::Actor& actor, std::int64_t institution_id)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    return m_database.read(
        [&](store::Session& session) { return store::question_templates::list(session, institution_id); });
}

core::Result<domain::QuestionTemplateRecord>
InstitutionSetup::question(const domain::Actor& actor, std::int64_t institution_id, std::int64_t question_id)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) -> core::Result<domain::QuestionTemplateRecord> {
        auto found = store::question_templates::find(session, institution_id, question_id);
        if (!found)
            return core::Error::not_found();
        return *found;
    });
}

core::Result<std::int64_t> InstitutionSetup::save_question(const domain::Actor& actor,
                                                           std::int64_t institution_id,
                                                           domain::QuestionTemplateRecord question,
                                                           const Origin& origin)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    if (question.id != 0 && !this->question(actor, institution_id, question.id))
        return core::Error::not_found();
    if (auto problems = check_question(question); !problems.empty())
        return invalid(problems);
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<std::int64_t> {
        if (question.id == 0) {
            auto id = store::question_templates::insert(transaction, institution_id, question, core::now());
            record_audit(transaction, origin,
                         {institution_id, "setup.question_created", "question_template", std::to_string(id),
                          "{}", question_json(question)});
            return id;
        }
        auto existing = store::question_templates::find(transaction, institution_id, question.id);
        if (!existing)
            return core::Error::not_found();
        store::question_templates::update(transaction, institution_id, question);
        record_audit(transaction, origin,
                     {institution_id, "setup.question_changed", "question_template",
                      std::to_string(question.id), question_json(*existing), question_json(question)});
        return question.id;
    });
}

core::Result<std::vector<domain::NamedRecord>>
InstitutionSetup::list(const domain::Actor& actor, SetupList which, std::int64_t institution_id)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) {
        return store::named_lists::list(session, table_of(which), institution_id);
    });
}

core::Result<std::int64_t> InstitutionSetup::add_to_list(const domain::Actor& actor, SetupList which,
                                                         std::int64_t institution_id,
                                                         const std::string& name_input, const Origin& origin)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    std::string name = trimmed(name_input);
    const char* field = which == SetupList::collective_agreements ? "agreement_name" : "category_name";
    if (!valid_name(name))
        return invalid({{field, k_name_message}});
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<std::int64_t> {
        auto items = store::named_lists::list(transaction, table_of(which), institution_id);
        if (std::any_of(items.begin(), items.end(),
                        [&](const domain::NamedRecord& item) { return same_name(item.name, name); }))
            return invalid({{field, msgid("The list already has this name.")}});
        auto id = store::named_lists::insert(transaction, table_of(which), institution_id, name);
        record_audit(transaction, origin,
                     {institution_id, "setup.list_item_added", table_of(which), std::to_string(id), "{}",
                      json_object({{"name", name}})});
        return id;
    });
}

core::Status InstitutionSetup::remove_from_list(const domain::Actor& actor, SetupList which,
                                                std::int64_t institution_id, std::int64_t item_id,
                                                const Origin& origin)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        for (const auto& item : store::named_lists::list(transaction, table_of(which), institution_id)) {
            if (item.id != item_id)
                continue;
            store::named_lists::remove(transaction, table_of(which), institution_id, item_id);
            record_audit(transaction, origin,
                         {institution_id, "setup.list_item_removed", table_of(which), std::to_string(item_id),
                          json_object({{"name", item.name}}), "{}"});
            return core::success();
        }
        return core::Error::not_found();
    });
}

} // namespace rekrut::services
