#include "services/recruitment_case/recruitment_cases.hpp"

#include <algorithm>
#include <map>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "domain/field_limits.hpp"
#include "domain/job_ad/rich_text.hpp"
#include "services/audit_log.hpp"
#include "services/jobnet/jobnet_transfer.hpp"
#include "services/recruitment_case/ad_assembly.hpp"
#include "services/recruitment_case/case_frame.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/setup_store.hpp"

namespace rekrut::services {
namespace {

using core::msgid;
using domain::Action;
using recruitment_case::ad_languages;
using recruitment_case::blocks_for;
using recruitment_case::case_facts;
using recruitment_case::case_json;
using recruitment_case::CaseEdit;
using recruitment_case::change_case;
using recruitment_case::text_ids;
using recruitment_case::version_texts;

core::Error title_problem()
{
    return core::Error::invalid(msgid("Check the marked fields."),
                                {{"title", msgid("Give the position a title (at most 200 characters).")}});
}

/// A new case's first ad version, from its template's body.
void add_template_ad(store::Transaction& transaction, std::int64_t actor_user_id,
                     const domain::CaseRecord& record, const std::string& body)
{
    domain::AdVersionRecord ad;
    ad.language = record.ad_languages;
    ad.body_source = body;
    ad.body_html = domain::rich_text_to_html(body);
    ad.created_at = record.created_at;
    auto texts = version_texts(blocks_for(transaction, record.institution_id, ad.language, std::nullopt));
    ad.mandatory_text_ids = text_ids(texts);
    store::cases::add_ad_version(transaction, record.institution_id, record.id, ad, texts, actor_user_id);
}

/// Copies the committee (but external members, whose accounts belong to one case), the latest ad
/// of each language with its adapted texts, the contacts and the questions.
void copy_content(store::Transaction& transaction, std::int64_t actor_user_id,
                  const domain::CaseRecord& source, const domain::CaseRecord& copy)
{
    std::int64_t institution_id = source.institution_id;
    store::cases::replace_contacts(transaction, institution_id, copy.id,
                                   store::cases::contacts(transaction, institution_id, source.id));
    for (const auto& member : store::cases::committee(transaction, institution_id, source.id))
        if (!member.external)
            store::cases::add_member(transaction, institution_id, copy.id, member.user_id, member.role,
                                     actor_user_id, copy.created_at);
    for (const auto& language : ad_languages(source.ad_languages)) {
        auto ad = store::cases::latest_ad(transaction, institution_id, source.id, language);
        if (!ad)
            continue;
        auto blocks = blocks_for(transaction, institution_id, language, ad);
        std::map<std::int64_t, std::string> adapted;
        for (const auto& block : blocks)
            adapted[block.text.id] = block.body_source;
        auto texts = version_texts(blocks, adapted);
        ad->created_at = copy.created_at;
        ad->mandatory_text_ids = text_ids(texts);
        store::cases::add_ad_version(transaction, institution_id, copy.id, *ad, texts, actor_user_id);
    }
    for (const auto& question : store::cases::questions(transaction, institution_id, source.id))
        store::cases::add_question(transaction, institution_id, copy.id, question);
}

/// The checks on case fields that need the institution's own lists.
std::vector<core::FieldError> check_against_institution(store::Session& session, std::int64_t institution_id,
                                                        const domain::CaseFields& fields)
{
    std::vector<core::FieldError> problems;
    if (fields.unit_id && !store::organisation_units::find(session, institution_id, *fields.unit_id))
        problems.push_back({"unit_id", msgid("Choose one of the units.")});
    if (!fields.position_category.empty()) {
        auto categories = store::named_lists::list(session, "position_categories", institution_id);
        if (std::none_of(categories.begin(), categories.end(), [&](const domain::NamedRecord& category) {
                return category.name == fields.position_category;
            }))
            problems.push_back({"position_category", msgid("Choose one of the position categories.")});
    }
    return problems;
}

void apply(domain::CaseRecord& record, const domain::CaseFields& fields)
{
    record.title = fields.title;
    record.unit_id = fields.unit_id;
    record.place_of_work = fields.place_of_work;
    record.work_postcode = fields.work_postcode;
    record.work_city = fields.work_city;
    record.municipality_code = fields.municipality_code;
    record.occupation_code = fields.occupation_code;
    record.employment_form = std::string(domain::to_string(fields.employment_form));
    record.employment_basis = std::string(domain::to_string(fields.employment_basis));
    record.fixed_term_text = fields.fixed_term_text;
    record.full_time = fields.full_time;
    record.weekly_hours = fields.full_time ? 37 : fields.weekly_hours;
    record.salary_text = fields.salary_text;
    record.collective_agreement = fields.collective_agreement;
    record.position_category = fields.position_category;
    record.positions = fields.positions;
    record.application_deadline = fields.application_deadline;
    record.expected_start = fields.expected_start;
    record.readvertisement = fields.readvertisement;
    record.ad_languages = fields.languages.to_string();
}

} // namespace

bool sees_all_cases(const domain::Actor& actor)
{
    domain::Resource scope{actor.data_institution(), {}, {}, false, {}};
    // Administrators and Superbrugere see every case of the institution; others their own.
    return actor.data_institution() &&
           (domain::can(actor, Action::create_case, scope) || domain::can(actor, Action::view_users, scope));
}

CaseList RecruitmentCases::list(const domain::Actor& actor, domain::CaseListFilter filter)
{
    auto institution = actor.data_institution();
    if (!institution)
        return {};
    filter.institution_id = *institution;
    if (!sees_all_cases(actor))
        filter.member_user_id = actor.user_id;
    filter.limit = std::clamp(filter.limit, 1, 200);
    filter.offset = std::max(filter.offset, 0);
    bool sees_units = domain::can(actor, Action::view_institution_lists, {*institution, {}, {}, false, {}});
    return m_database.read([&](store::Session& session) {
        auto page = store::cases::page(session, filter);
        // An empty page read no version; read it now, before the count and the units.
        std::int64_t version = page.list_version ? *page.list_version
                                                 : store::cases::list_version(session, filter.institution_id);
        CaseList list{std::move(page.cases), m_list_cache.count(session, filter, version), {}};
        if (sees_units)
            list.units = m_list_cache.units(session, filter.institution_id, version);
        return list;
    });
}

core::Result<std::int64_t> RecruitmentCases::create(const domain::Actor& actor, std::int64_t institution_id,
                                                    std::optional<std::int64_t> template_id,
                                                    const std::string& title, const Origin& origin)
{
    if (!domain::can(actor, Action::create_case, {institution_id, {}, {}, false, {}}))
        return core::Error::forbidden();
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<std::int64_t> {
        domain::CaseRecord record;
        record.institution_id = institution_id;
        record.title = std::string(core::trim(title));
        record.created_at = record.updated_at = core::now();
        std::string body;
        if (template_id) {
            auto ad_template = store::ad_templates::find(transaction, institution_id, *template_id);
            if (!ad_template)
                return core::Error::invalid(msgid("Check the marked fields."),
                                            {{"template_id", msgid("Choose one of the templates.")}});
            record.template_id = ad_template->id;
            if (record.title.empty())
                record.title = ad_template->title;
            record.salary_text = ad_template->salary_text;
            record.collective_agreement = ad_template->collective_agreement;
            record.employment_form = ad_template->employment_form;
            record.employment_basis = ad_template->employment_basis;
            record.full_time = ad_template->full_time;
            record.weekly_hours = ad_template->weekly_hours;
            record.ad_languages = ad_template->language;
            body = ad_template->body_source;
        }
        if (record.title.empty() || record.title.size() > domain::limits::name)
            return title_problem();
        record.id = store::cases::insert(transaction, record);
        if (!body.empty())
            add_template_ad(transaction, actor.user_id, record, body);
        record_audit(transaction, origin,
                     {institution_id, "case.created", "recruitment_case", std::to_string(record.id), "{}",
                      case_json(record, {})});
        return record.id;
    });
}

core::Result<std::int64_t> RecruitmentCases::copy(const domain::Actor& actor, std::int64_t institution_id,
                                                  std::int64_t case_id, const Origin& origin)
{
    if (!domain::can(actor, Action::create_case, {institution_id, {}, {}, false, {}}))
        return core::Error::not_found();
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<std::int64_t> {
        auto source = store::cases::find(transaction, institution_id, case_id);
        if (!source)
            return core::Error::not_found();
        domain::CaseRecord copy = *source;
        copy.state = domain::CaseState::draft;
        copy.application_deadline.reset();
        copy.expected_start.reset();
        copy.published_at.reset();
        copy.copied_from = source->id;
        copy.created_at = copy.updated_at = core::now();
        copy.id = store::cases::insert(transaction, copy);
        copy_content(transaction, actor.user_id, *source, copy);
        record_audit(transaction, origin,
                     {institution_id, "case.copied", "recruitment_case", std::to_string(copy.id), "{}",
                      json_object({{"copied_from", std::to_string(case_id)}, {"title", copy.title}})});
        return copy.id;
    });
}

core::Result<CaseOverview> RecruitmentCases::overview(const domain::Actor& actor, std::int64_t institution_id,
                                                      std::int64_t case_id)
{
    if (!domain::can(actor, Action::view_case, {institution_id, case_id, {}, false, {}}))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) -> core::Result<CaseOverview> {
        auto record = store::cases::find(session, institution_id, case_id);
        if (!record)
            return core::Error::not_found();
        CaseOverview overview;
        overview.record = *record;
        overview.contacts = store::cases::contacts(session, institution_id, case_id);
        overview.committee = store::cases::committee(session, institution_id, case_id);
        overview.questions = store::cases::questions(session, institution_id, case_id);
        overview.transitions = domain::transitions_from(record->state);
        overview.facts = case_facts(session, *record);
        overview.ad_problems = overview.facts.ad_problems;
        overview.jobnet = jobnet::view(session, institution_id, case_id);
        return overview;
    });
}

core::Status RecruitmentCases::update(const domain::Actor& actor, std::int64_t institution_id,
                                      std::int64_t case_id, domain::CaseFields fields, const Origin& origin)
{
    return change_case(
        m_database, actor, institution_id, case_id, {}, origin, [&](CaseEdit& edit) -> core::Status {
            auto problems = domain::check_case_fields(fields);
            auto institution_problems = check_against_institution(edit.transaction, institution_id, fields);
            problems.insert(problems.end(), institution_problems.begin(), institution_problems.end());
            if (!problems.empty())
                return core::Error::invalid(msgid("Check the marked fields."), std::move(problems));
            domain::CaseRecord record = edit.record;
            apply(record, fields);
            record.updated_at = core::now();
            record.unit_name.clear();
            if (record.unit_id)
                if (auto unit =
                        store::organisation_units::find(edit.transaction, institution_id, *record.unit_id))
                    record.unit_name = unit->name;
            std::erase_if(fields.contacts, domain::is_blank);
            auto contacts_before = store::cases::contacts(edit.transaction, institution_id, case_id);
            // The case's values fill the placeholders of its saved ads, which must stay within bounds.
            if (!recruitment_case::ads_fit(edit.transaction, record, fields.contacts))
                return core::Error::invalid(recruitment_case::rendered_ad_too_long().message);
            store::cases::update(edit.transaction, record);
            store::cases::replace_contacts(edit.transaction, institution_id, case_id, fields.contacts);
            record.state = domain::state_after_change(record.state);
            edit.audit("case.changed", case_json(edit.record, contacts_before),
                       case_json(record, fields.contacts));
            return core::success();
        });
}

core::Status RecruitmentCases::correct(const domain::Actor& actor, std::int64_t institution_id,
                                       std::int64_t case_id, domain::CaseCorrection correction,
                                       const Origin& origin)
{
    recruitment_case::ChangeRules rules;
    rules.editable = recruitment_case::Editable::in_any_state;
    rules.recheck = recruitment_case::Recheck::no;
    return change_case(
        m_database, actor, institution_id, case_id, rules, origin, [&](CaseEdit& edit) -> core::Status {
            core::UnixTime now = core::now();
            auto problems = domain::check_case_correction(edit.record, correction, now);
            bool published =
                std::none_of(problems.begin(), problems.end(),
                             [](const core::FieldError& problem) { return problem.field == "state"; });
            if (!published)
                return core::Error::conflict(msgid("Only a published case can be corrected."));
            if (!problems.empty())
                return core::Error::invalid(msgid("Check the marked fields."), std::move(problems));
            std::erase_if(correction.contacts, domain::is_blank);
            domain::CaseRecord record = edit.record;
            record.application_deadline = correction.application_deadline;
            record.updated_at = now;
            if (!recruitment_case::ads_fit(edit.transaction, record, correction.contacts))
                return core::Error::invalid(recruitment_case::rendered_ad_too_long().message);
            auto contacts_before = store::cases::contacts(edit.transaction, institution_id, case_id);
            store::cases::update(edit.transaction, record);
            store::cases::replace_contacts(edit.transaction, institution_id, case_id, correction.contacts);
            // Jobnet's rules for the corrected ad, counted from its publication; a refusal rolls back.
            if (jobnet::enabled()) {
                std::vector<core::FieldError> refused;
                for (auto& problem :
                     jobnet::problems_for(edit.transaction, record, record.published_at.value_or(now)))
                    if (problem.field == "deadline_date" || problem.field.rfind("contact_", 0) == 0)
                        refused.push_back(std::move(problem));
                if (!refused.empty())
                    return core::Error::invalid(msgid("Check the marked fields."), std::move(refused));
            }
            jobnet::queue_update(edit.transaction, record, now);
            auto iso = [](const std::optional<core::UnixTime>& time) {
                return time ? core::format_iso_utc(*time) : std::string();
            };
            edit.audit("case.corrected",
                       json_object({{"application_deadline", iso(edit.record.application_deadline)},
                                    {"contacts", recruitment_case::contact_line(contacts_before)}}),
                       json_object({{"application_deadline", iso(record.application_deadline)},
                                    {"contacts", recruitment_case::contact_line(correction.contacts)},
                                    {"reason", std::string(core::trim(correction.reason))}}));
            return core::success();
        });
}

std::vector<domain::AdTemplateRecord> RecruitmentCases::templates(const domain::Actor& actor,
                                                                  std::int64_t institution_id)
{
    if (!domain::can(actor, Action::view_institution_lists, {institution_id, {}, {}, false, {}}))
        return {};
    return m_database.read(
        [&](store::Session& session) { return store::ad_templates::list(session, institution_id); });
}

std::vector<domain::OrganisationUnitRecord> RecruitmentCases::units(const domain::Actor& actor,
                                                                    std::int64_t institution_id)
{
    if (!domain::can(actor, Action::view_institution_lists, {institution_id, {}, {}, false, {}}))
        return {};
    return m_database.read(
        [&](store::Session& session) { return store::organisation_units::list(session, institution_id); });
}

std::vector<domain::NamedRecord> RecruitmentCases::collective_agreements(const domain::Actor& actor,
                                                                         std::int64_t institution_id)
{
    if (!domain::can(actor, Action::view_institution_lists, {institution_id, {}, {}, false, {}}))
        return {};
    return m_database.read([&](store::Session& session) {
        return store::named_lists::list(session, "collective_agreements", institution_id);
    });
}

std::vector<domain::NamedRecord> RecruitmentCases::position_categories(const domain::Actor& actor,
                                                                       std::int64_t institution_id)
{
    if (!domain::can(actor, Action::view_institution_lists, {institution_id, {}, {}, false, {}}))
        return {};
    return m_database.read([&](store::Session& session) {
        return store::named_lists::list(session, "position_categories", institution_id);
    });
}

} // namespace rekrut::services
