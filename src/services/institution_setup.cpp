#include "services/institution_setup.hpp"

#include <algorithm>
#include <set>
#include <soci/soci.h>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "domain/job_ad/rich_text.hpp"
#include "store/database.hpp"

namespace rekrut::services {
namespace {

using core::msgid;

std::string trimmed(const std::string& text) { return std::string(core::trim(text)); }

const char* table_of(SetupList which)
{
    return which == SetupList::collective_agreements ? "collective_agreements" : "position_categories";
}

core::Error invalid(std::vector<core::FieldError> fields)
{
    return core::Error::invalid(msgid("Check the marked fields."), std::move(fields));
}

bool valid_name(const std::string& name) { return !name.empty() && name.size() <= 200; }

} // namespace

bool InstitutionSetup::allowed(const domain::Actor& actor, std::int64_t institution_id) const
{
    return domain::can(actor, domain::Action::edit_institution_setup, {institution_id, {}, {}, false, {}});
}

std::vector<store::OrganisationUnitRecord> InstitutionSetup::units(std::int64_t institution_id)
{
    std::vector<store::OrganisationUnitRecord> found;
    m_database.with_session([&](soci::session& sql) { found = store::organisation_units::list(sql, institution_id); });
    return found;
}

core::Result<std::int64_t> InstitutionSetup::add_unit(const domain::Actor& actor, std::int64_t institution_id,
                                                      const std::string& parent_text, const std::string& name_input,
                                                      const Origin& origin)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    std::string name = trimmed(name_input);
    if (!valid_name(name))
        return invalid({{"name", msgid("Enter a name (at most 200 characters).")}});
    std::optional<core::Error> refusal;
    std::int64_t id = 0;
    m_database.with_transaction([&](soci::session& sql) {
        std::optional<std::int64_t> parent;
        if (!trimmed(parent_text).empty()) {
            std::int64_t parent_id = std::atoll(parent_text.c_str());
            if (parent_id <= 0 || !store::organisation_units::find(sql, institution_id, parent_id)) {
                refusal = invalid({{"parent_id", msgid("Choose one of the units.")}});
                return;
            }
            parent = parent_id;
        }
        id = store::organisation_units::insert(sql, institution_id, parent, name, core::now());
        record_audit(m_database, sql, origin,
                     {institution_id, "setup.unit_created", "organisation_unit", std::to_string(id), "{}",
                      json_object({{"name", name}, {"parent_id", parent ? std::to_string(*parent) : ""}})});
    });
    if (refusal)
        return *refusal;
    return id;
}

core::Status InstitutionSetup::rename_unit(const domain::Actor& actor, std::int64_t institution_id,
                                           std::int64_t unit_id, const std::string& name_input, const Origin& origin)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    std::string name = trimmed(name_input);
    bool exists = false;
    m_database.with_session(
        [&](soci::session& sql) { exists = store::organisation_units::find(sql, institution_id, unit_id).has_value(); });
    if (!exists)
        return core::Error::not_found();
    if (!valid_name(name))
        return invalid({{"name", msgid("Enter a name (at most 200 characters).")}});
    std::optional<core::Error> refusal;
    m_database.with_transaction([&](soci::session& sql) {
        auto unit = store::organisation_units::find(sql, institution_id, unit_id);
        if (!unit) {
            refusal = core::Error::not_found();
            return;
        }
        store::organisation_units::rename(sql, institution_id, unit_id, name);
        record_audit(m_database, sql, origin,
                     {institution_id, "setup.unit_renamed", "organisation_unit", std::to_string(unit_id),
                      json_object({{"name", unit->name}}), json_object({{"name", name}})});
    });
    if (refusal)
        return *refusal;
    return core::success();
}

std::vector<store::MandatoryTextRecord> InstitutionSetup::mandatory_texts(std::int64_t institution_id)
{
    std::vector<store::MandatoryTextRecord> found;
    m_database.with_session([&](soci::session& sql) { found = store::mandatory_texts::list(sql, institution_id); });
    return found;
}

std::optional<store::MandatoryTextRecord> InstitutionSetup::mandatory_text(std::int64_t institution_id,
                                                                          std::int64_t text_id)
{
    std::optional<store::MandatoryTextRecord> found;
    m_database.with_session(
        [&](soci::session& sql) { found = store::mandatory_texts::find(sql, institution_id, text_id); });
    return found;
}

core::Result<std::int64_t> InstitutionSetup::save_mandatory_text(const domain::Actor& actor,
                                                                 std::int64_t institution_id,
                                                                 store::MandatoryTextRecord text, const Origin& origin)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    // A record of another institution reads as not found, before anything about the input is said.
    if (text.id != 0 && !mandatory_text(institution_id, text.id))
        return core::Error::not_found();
    static const std::set<std::string> kinds = {"encouragement", "salary", "presentation", "other"};
    text.name = trimmed(text.name);
    std::vector<core::FieldError> problems;
    if (!valid_name(text.name))
        problems.push_back({"name", msgid("Enter a name (at most 200 characters).")});
    if (!kinds.count(text.kind))
        problems.push_back({"kind", msgid("Choose a kind.")});
    if (text.language != "da" && text.language != "en")
        problems.push_back({"language", msgid("Choose a language.")});
    if (trimmed(text.body_source).empty() || text.body_source.size() > 20000)
        problems.push_back({"body", msgid("Write the text (at most 20,000 characters).")});
    if (!problems.empty())
        return invalid(problems);
    text.body_html = domain::rich_text_to_html(text.body_source);
    std::optional<core::Error> refusal;
    std::int64_t id = text.id;
    m_database.with_transaction([&](soci::session& sql) {
        core::UnixTime now = core::now();
        std::string after = json_object({{"name", text.name},
                                         {"kind", text.kind},
                                         {"language", text.language},
                                         {"required", text.required ? "yes" : "no"},
                                         {"locked", text.locked ? "yes" : "no"},
                                         {"body", text.body_source}});
        if (id == 0) {
            id = store::mandatory_texts::insert(sql, institution_id, text, now);
            record_audit(m_database, sql, origin,
                         {institution_id, "setup.mandatory_text_created", "mandatory_text", std::to_string(id), "{}",
                          after});
            return;
        }
        auto existing = store::mandatory_texts::find(sql, institution_id, id);
        if (!existing) {
            refusal = core::Error::not_found();
            return;
        }
        store::mandatory_texts::update(sql, institution_id, text, now);
        record_audit(m_database, sql, origin,
                     {institution_id, "setup.mandatory_text_changed", "mandatory_text", std::to_string(id),
                      json_object({{"name", existing->name},
                                   {"kind", existing->kind},
                                   {"language", existing->language},
                                   {"required", existing->required ? "yes" : "no"},
                                   {"locked", existing->locked ? "yes" : "no"},
                                   {"body", existing->body_source}}),
                      after});
    });
    if (refusal)
        return *refusal;
    return id;
}

std::vector<store::AdTemplateRecord> InstitutionSetup::ad_templates(std::int64_t institution_id)
{
    std::vector<store::AdTemplateRecord> found;
    m_database.with_session([&](soci::session& sql) { found = store::ad_templates::list(sql, institution_id); });
    return found;
}

std::optional<store::AdTemplateRecord> InstitutionSetup::ad_template(std::int64_t institution_id,
                                                                    std::int64_t template_id)
{
    std::optional<store::AdTemplateRecord> found;
    m_database.with_session(
        [&](soci::session& sql) { found = store::ad_templates::find(sql, institution_id, template_id); });
    return found;
}

core::Result<std::int64_t> InstitutionSetup::save_ad_template(const domain::Actor& actor, std::int64_t institution_id,
                                                              store::AdTemplateRecord ad_template,
                                                              const Origin& origin)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    if (ad_template.id != 0 && !this->ad_template(institution_id, ad_template.id))
        return core::Error::not_found();
    static const std::set<std::string> forms = {"permanent", "fixed_term", "aaremaal"};
    static const std::set<std::string> bases = {"collective_agreement", "civil_servant"};
    ad_template.name = trimmed(ad_template.name);
    ad_template.title = trimmed(ad_template.title);
    std::vector<core::FieldError> problems;
    if (!valid_name(ad_template.name))
        problems.push_back({"name", msgid("Enter a name (at most 200 characters).")});
    if (ad_template.language != "da" && ad_template.language != "en")
        problems.push_back({"language", msgid("Choose a language.")});
    if (!forms.count(ad_template.employment_form))
        problems.push_back({"employment_form", msgid("Choose the form of employment.")});
    if (!bases.count(ad_template.employment_basis))
        problems.push_back({"employment_basis", msgid("Choose the form of employment.")});
    if (ad_template.title.size() > 200 || ad_template.salary_text.size() > 2000 ||
        ad_template.collective_agreement.size() > 200 || ad_template.body_source.size() > 50000)
        problems.push_back({"body", msgid("A field is too long.")});
    if (!problems.empty())
        return invalid(problems);
    std::optional<core::Error> refusal;
    std::int64_t id = ad_template.id;
    m_database.with_transaction([&](soci::session& sql) {
        core::UnixTime now = core::now();
        std::string after = json_object({{"name", ad_template.name},
                                         {"language", ad_template.language},
                                         {"title", ad_template.title},
                                         {"salary_text", ad_template.salary_text},
                                         {"collective_agreement", ad_template.collective_agreement},
                                         {"body", ad_template.body_source}});
        if (id == 0) {
            id = store::ad_templates::insert(sql, institution_id, ad_template, now);
            record_audit(m_database, sql, origin,
                         {institution_id, "setup.ad_template_created", "ad_template", std::to_string(id), "{}", after});
            return;
        }
        auto existing = store::ad_templates::find(sql, institution_id, id);
        if (!existing) {
            refusal = core::Error::not_found();
            return;
        }
        store::ad_templates::update(sql, institution_id, ad_template, now);
        record_audit(m_database, sql, origin,
                     {institution_id, "setup.ad_template_changed", "ad_template", std::to_string(id),
                      json_object({{"name", existing->name},
                                   {"language", existing->language},
                                   {"title", existing->title},
                                   {"salary_text", existing->salary_text},
                                   {"collective_agreement", existing->collective_agreement},
                                   {"body", existing->body_source}}),
                      after});
    });
    if (refusal)
        return *refusal;
    return id;
}

std::vector<store::QuestionTemplateRecord> InstitutionSetup::questions(std::int64_t institution_id)
{
    std::vector<store::QuestionTemplateRecord> found;
    m_database.with_session([&](soci::session& sql) { found = store::question_templates::list(sql, institution_id); });
    return found;
}

std::optional<store::QuestionTemplateRecord> InstitutionSetup::question(std::int64_t institution_id,
                                                                       std::int64_t question_id)
{
    std::optional<store::QuestionTemplateRecord> found;
    m_database.with_session(
        [&](soci::session& sql) { found = store::question_templates::find(sql, institution_id, question_id); });
    return found;
}

core::Result<std::int64_t> InstitutionSetup::save_question(const domain::Actor& actor, std::int64_t institution_id,
                                                           store::QuestionTemplateRecord question,
                                                           const Origin& origin)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    if (question.id != 0 && !this->question(institution_id, question.id))
        return core::Error::not_found();
    static const std::set<std::string> kinds = {"yes_no", "single_choice", "multiple_choice", "number",
                                                "short_text"};
    question.text = trimmed(question.text);
    std::vector<core::FieldError> problems;
    if (question.text.empty() || question.text.size() > 1000)
        problems.push_back({"text", msgid("Write the question (at most 1,000 characters).")});
    if (!kinds.count(question.kind))
        problems.push_back({"kind", msgid("Choose a kind of answer.")});
    std::size_t options = 0;
    for (std::size_t start = 0; start < question.options.size();) {
        std::size_t end = question.options.find('\n', start);
        if (end == std::string::npos)
            end = question.options.size();
        if (!core::trim(std::string_view(question.options).substr(start, end - start)).empty())
            ++options;
        start = end + 1;
    }
    if ((question.kind == "single_choice" || question.kind == "multiple_choice") && options < 2)
        problems.push_back({"options", msgid("A choice needs at least two options, one per line.")});
    if (question.options.size() > 5000)
        problems.push_back({"options", msgid("A field is too long.")});
    if (question.kind == "yes_no" && options == 0)
        question.options = "Ja\nNej";
    if (!problems.empty())
        return invalid(problems);
    std::optional<core::Error> refusal;
    std::int64_t id = question.id;
    m_database.with_transaction([&](soci::session& sql) {
        std::string after =
            json_object({{"text", question.text}, {"kind", question.kind}, {"options", question.options}});
        if (id == 0) {
            id = store::question_templates::insert(sql, institution_id, question, core::now());
            record_audit(m_database, sql, origin,
                         {institution_id, "setup.question_created", "question_template", std::to_string(id), "{}",
                          after});
            return;
        }
        auto existing = store::question_templates::find(sql, institution_id, id);
        if (!existing) {
            refusal = core::Error::not_found();
            return;
        }
        store::question_templates::update(sql, institution_id, question);
        record_audit(m_database, sql, origin,
                     {institution_id, "setup.question_changed", "question_template", std::to_string(id),
                      json_object({{"text", existing->text}, {"kind", existing->kind}, {"options", existing->options}}),
                      after});
    });
    if (refusal)
        return *refusal;
    return id;
}

std::vector<store::NamedRecord> InstitutionSetup::list(SetupList which, std::int64_t institution_id)
{
    std::vector<store::NamedRecord> found;
    m_database.with_session(
        [&](soci::session& sql) { found = store::named_lists::list(sql, table_of(which), institution_id); });
    return found;
}

core::Result<std::int64_t> InstitutionSetup::add_to_list(const domain::Actor& actor, SetupList which,
                                                         std::int64_t institution_id, const std::string& name_input,
                                                         const Origin& origin)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    std::string name = trimmed(name_input);
    const char* field = which == SetupList::collective_agreements ? "agreement_name" : "category_name";
    if (!valid_name(name))
        return invalid({{field, msgid("Enter a name (at most 200 characters).")}});
    std::int64_t id = 0;
    m_database.with_transaction([&](soci::session& sql) {
        id = store::named_lists::insert(sql, table_of(which), institution_id, name);
        record_audit(m_database, sql, origin,
                     {institution_id, "setup.list_item_added", table_of(which), std::to_string(id), "{}",
                      json_object({{"name", name}})});
    });
    return id;
}

core::Status InstitutionSetup::remove_from_list(const domain::Actor& actor, SetupList which,
                                                std::int64_t institution_id, std::int64_t item_id, const Origin& origin)
{
    if (!allowed(actor, institution_id))
        return core::Error::not_found();
    bool found = false;
    m_database.with_transaction([&](soci::session& sql) {
        for (const auto& item : store::named_lists::list(sql, table_of(which), institution_id)) {
            if (item.id != item_id)
                continue;
            found = true;
            store::named_lists::remove(sql, table_of(which), institution_id, item_id);
            record_audit(m_database, sql, origin,
                         {institution_id, "setup.list_item_removed", table_of(which), std::to_string(item_id),
                          json_object({{"name", item.name}}), "{}"});
        }
    });
    if (!found)
        return core::Error::not_found();
    return core::success();
}

} // namespace rekrut::services
