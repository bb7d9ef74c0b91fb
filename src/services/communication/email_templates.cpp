#include "services/communication/email_templates.hpp"

#include "core/clock.hpp"
#include "domain/access/policy.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/email_template_store.hpp"

namespace rekrut::services {

namespace {

std::string template_json(const domain::EmailTemplateRecord& record)
{
    return json_object({{"kind", record.kind},
                        {"subject_da", record.subject_da},
                        {"body_da", record.body_da},
                        {"subject_en", record.subject_en},
                        {"body_en", record.body_en},
                        {"sets_status", record.sets_status}});
}

bool may_edit_institution(const domain::Actor& actor, std::int64_t institution_id)
{
    return domain::can(actor, domain::Action::edit_email_templates, {institution_id, {}, {}, false, {}});
}

bool may_edit_case(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id)
{
    return domain::can(actor, domain::Action::edit_case_email_templates,
                       {institution_id, case_id, {}, false, {}});
}

core::Error invalid_template(std::vector<core::FieldError> problems)
{
    return core::Error::invalid(core::msgid("The template cannot be saved. Correct the marked fields."),
                                std::move(problems));
}

} // namespace

EmailTemplateEntry effective_template(store::Session& session, std::int64_t institution_id,
                                      std::optional<std::int64_t> case_id, const std::string& kind)
{
    if (case_id)
        if (auto copy = store::email_templates::find(session, institution_id, case_id, kind))
            return {*copy, true};
    if (auto own = store::email_templates::find(session, institution_id, std::nullopt, kind))
        return {*own, !case_id};
    auto built_in = domain::default_email_template(kind);
    built_in.institution_id = institution_id;
    return {built_in, false};
}

EmailTemplates::EmailTemplates(store::Database& database) : m_database(database) {}

core::Result<std::vector<EmailTemplateEntry>>
EmailTemplates::institution_templates(const domain::Actor& actor, std::int64_t institution_id)
{
    if (!may_edit_institution(actor, institution_id))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) {
        std::vector<EmailTemplateEntry> entries;
        for (const auto& kind : domain::k_mail_kinds)
            entries.push_back(
                effective_template(session, institution_id, std::nullopt, std::string(kind.id)));
        return entries;
    });
}

core::Result<EmailTemplateEntry> EmailTemplates::institution_template(const domain::Actor& actor,
                                                                      std::int64_t institution_id,
                                                                      const std::string& kind)
{
    if (!may_edit_institution(actor, institution_id) || !domain::find_mail_kind(kind))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) {
        return effective_template(session, institution_id, std::nullopt, kind);
    });
}

core::Status EmailTemplates::save_institution_template(const domain::Actor& actor,
                                                       std::int64_t institution_id,
                                                       domain::EmailTemplateRecord email_template,
                                                       const Origin& origin)
{
    if (!may_edit_institution(actor, institution_id) || !domain::find_mail_kind(email_template.kind))
        return core::Error::not_found();
    email_template.institution_id = institution_id;
    email_template.case_id.reset();
    if (auto problems = domain::check_email_template(email_template); !problems.empty())
        return invalid_template(std::move(problems));
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto before = effective_template(transaction, institution_id, std::nullopt, email_template.kind);
        email_template.updated_at = core::now();
        store::email_templates::save(transaction, email_template, origin.user_id.value_or(0));
        record_audit(transaction, origin,
                     {institution_id, "email_template.changed", "email_template", email_template.kind,
                      template_json(before.record), template_json(email_template)});
        return core::success();
    });
}

core::Result<std::vector<EmailTemplateEntry>>
EmailTemplates::case_templates(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id)
{
    if (!may_edit_case(actor, institution_id, case_id))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) -> core::Result<std::vector<EmailTemplateEntry>> {
        if (!store::cases::find(session, institution_id, case_id))
            return core::Error::not_found();
        std::vector<EmailTemplateEntry> entries;
        for (const auto& kind : domain::k_mail_kinds)
            entries.push_back(effective_template(session, institution_id, case_id, std::string(kind.id)));
        return entries;
    });
}

core::Result<EmailTemplateEntry> EmailTemplates::case_template(const domain::Actor& actor,
                                                               std::int64_t institution_id,
                                                               std::int64_t case_id, const std::string& kind)
{
    if (!may_edit_case(actor, institution_id, case_id) || !domain::find_mail_kind(kind))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) -> core::Result<EmailTemplateEntry> {
        if (!store::cases::find(session, institution_id, case_id))
            return core::Error::not_found();
        return effective_template(session, institution_id, case_id, kind);
    });
}

core::Status EmailTemplates::save_case_template(const domain::Actor& actor, std::int64_t institution_id,
                                                std::int64_t case_id,
                                                domain::EmailTemplateRecord email_template,
                                                const Origin& origin)
{
    if (!may_edit_case(actor, institution_id, case_id) || !domain::find_mail_kind(email_template.kind))
        return core::Error::not_found();
    email_template.institution_id = institution_id;
    email_template.case_id = case_id;
    if (auto problems = domain::check_email_template(email_template); !problems.empty())
        return invalid_template(std::move(problems));
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        if (!store::cases::find(transaction, institution_id, case_id))
            return core::Error::not_found();
        auto before = effective_template(transaction, institution_id, case_id, email_template.kind);
        email_template.updated_at = core::now();
        store::email_templates::save(transaction, email_template, origin.user_id.value_or(0));
        record_audit(transaction, origin,
                     {institution_id, before.changed ? "email_template.changed" : "email_template.customised",
                      "recruitment_case", std::to_string(case_id), template_json(before.record),
                      template_json(email_template)});
        return core::success();
    });
}

core::Status EmailTemplates::revert_case_template(const domain::Actor& actor, std::int64_t institution_id,
                                                  std::int64_t case_id, const std::string& kind,
                                                  const Origin& origin)
{
    if (!may_edit_case(actor, institution_id, case_id) || !domain::find_mail_kind(kind))
        return core::Error::not_found();
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        if (!store::cases::find(transaction, institution_id, case_id))
            return core::Error::not_found();
        auto copy = store::email_templates::find(transaction, institution_id, case_id, kind);
        if (!copy || !store::email_templates::remove_case_copy(transaction, institution_id, case_id, kind))
            return core::success(); // already the institution's text: nothing to record
        auto institution = effective_template(transaction, institution_id, std::nullopt, kind);
        record_audit(transaction, origin,
                     {institution_id, "email_template.reverted", "recruitment_case", std::to_string(case_id),
                      template_json(*copy), template_json(institution.record)});
        return core::success();
    });
}

} // namespace rekrut::services
