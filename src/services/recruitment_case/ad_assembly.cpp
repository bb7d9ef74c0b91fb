#include "services/recruitment_case/ad_assembly.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>

#include "core/clock.hpp"
#include "core/display_format.hpp"
#include "core/text.hpp"
#include "domain/field_limits.hpp"
#include "domain/job_ad/placeholders.hpp"
#include "domain/job_ad/rich_text.hpp"
#include "services/audit_log.hpp"
#include "services/jobnet/jobnet_transfer.hpp"
#include "store/case_store.hpp"
#include "store/decision_store.hpp"
#include "store/institution_store.hpp"
#include "store/setup_store.hpp"

namespace rekrut::services::recruitment_case {
namespace {

std::vector<std::int64_t> parse_ids(const std::string& text)
{
    std::vector<std::int64_t> ids;
    for (auto field : core::split(text, ',')) {
        std::int64_t value = 0;
        auto [ptr, error] = std::from_chars(field.data(), field.data() + field.size(), value);
        if (error == std::errc() && value > 0)
            ids.push_back(value);
    }
    return ids;
}

domain::JobAdContent ad_content(const domain::CaseRecord& record,
                                const std::vector<domain::ContactPerson>& contacts,
                                const std::string& body_html, const std::vector<AdBlock>& blocks)
{
    domain::JobAdContent ad;
    ad.title = record.title;
    ad.place_of_work = record.place_of_work;
    ad.municipality_code = record.municipality_code;
    ad.salary_text = record.salary_text;
    ad.collective_agreement = record.collective_agreement;
    ad.employment_form = record.employment_form == "fixed_term" ? domain::EmploymentForm::fixed_term
                         : record.employment_form == "aaremaal" ? domain::EmploymentForm::aaremaal
                                                                : domain::EmploymentForm::permanent;
    ad.employment_basis = record.employment_basis == "civil_servant"
                              ? domain::EmploymentBasis::civil_servant
                              : domain::EmploymentBasis::collective_agreement;
    ad.fixed_term_text = record.fixed_term_text;
    ad.full_time = record.full_time;
    ad.weekly_hours = record.weekly_hours;
    ad.application_deadline = record.application_deadline;
    ad.contacts = contacts;
    ad.readvertisement = record.readvertisement;
    ad.body_html = body_html;
    ad.has_encouragement = std::any_of(blocks.begin(), blocks.end(), [](const AdBlock& block) {
        return block.included && block.text.kind == "encouragement";
    });
    return ad;
}

} // namespace

std::string contact_line(const std::vector<domain::ContactPerson>& contacts)
{
    std::string line;
    for (const auto& contact : contacts) {
        if (!line.empty())
            line += "; ";
        line += contact.name;
        if (!contact.title.empty())
            line += ", " + contact.title;
        if (!contact.phone.empty())
            line += ", " + contact.phone;
        if (!contact.email.empty())
            line += ", " + contact.email;
    }
    return line;
}

std::vector<std::string> ad_languages(const std::string& text)
{
    std::vector<std::string> languages;
    if (text.find("da") != std::string::npos)
        languages.push_back("da");
    if (text.find("en") != std::string::npos)
        languages.push_back("en");
    if (languages.empty())
        languages.push_back("da");
    return languages;
}

bool is_ad_language(const std::string& language)
{
    return language == "da" || language == "en";
}

std::string join_ids(const std::vector<std::int64_t>& ids)
{
    std::string text;
    for (auto id : ids)
        text += (text.empty() ? "" : ",") + std::to_string(id);
    return text;
}

std::vector<AdBlock> blocks_for(store::Session& sql, std::int64_t institution_id, const std::string& language,
                                const std::optional<domain::AdVersionRecord>& version)
{
    std::vector<AdBlock> blocks;
    std::vector<std::int64_t> chosen;
    std::vector<domain::AdVersionText> kept;
    if (version) {
        chosen = parse_ids(version->mandatory_text_ids);
        kept = store::cases::ad_version_texts(sql, institution_id, version->id);
    }
    for (auto& text : store::mandatory_texts::list(sql, institution_id)) {
        if (text.language != language)
            continue;
        auto in_version = std::find_if(kept.begin(), kept.end(), [&](const domain::AdVersionText& candidate) {
            return candidate.mandatory_text_id == text.id;
        });
        // A version that kept its texts is exactly those texts, whatever the institution has changed
        // or added since. Versions saved before texts were kept follow the institution's list.
        bool included = !kept.empty() ? in_version != kept.end()
                                      : text.required || !version ||
                                            std::find(chosen.begin(), chosen.end(), text.id) != chosen.end();
        AdBlock block{text, included, text.body_source, text.body_html};
        if (in_version != kept.end()) {
            block.body_source = in_version->body_source;
            block.body_html = in_version->body_html;
        }
        blocks.push_back(std::move(block));
    }
    return blocks;
}

std::vector<domain::AdVersionText> version_texts(const std::vector<AdBlock>& blocks,
                                                 const std::map<std::int64_t, std::string>& adapted)
{
    std::vector<domain::AdVersionText> texts;
    for (const auto& block : blocks) {
        if (!block.included)
            continue;
        // Locked texts take the institution's wording; an editable one keeps the ad's own unless adapted.
        domain::AdVersionText text{block.text.id, block.text.name, block.text.body_source,
                                   block.text.body_html, block.text.position};
        if (!block.text.locked) {
            text.body_source = block.body_source;
            text.body_html = block.body_html;
        }
        if (auto found = adapted.find(block.text.id); found != adapted.end() && !block.text.locked) {
            text.body_source = found->second;
            text.body_html = domain::rich_text_to_html(found->second);
        }
        texts.push_back(std::move(text));
    }
    return texts;
}

std::string text_ids(const std::vector<domain::AdVersionText>& texts)
{
    std::vector<std::int64_t> ids;
    ids.reserve(texts.size());
    for (const auto& text : texts)
        ids.push_back(text.mandatory_text_id);
    return join_ids(ids);
}

std::optional<std::string> render_body(const std::string& source, const domain::CaseRecord& record,
                                       const std::vector<domain::ContactPerson>& contacts,
                                       const std::string& language)
{
    domain::PlaceholderValues values{record.title, record.place_of_work, record.salary_text,
                                     core::format_date_time(record.application_deadline, language),
                                     contact_line(contacts)};
    auto text = domain::fill_placeholders(source, values, domain::limits::rendered_ad);
    if (!text)
        return std::nullopt;
    std::string html = domain::rich_text_to_html(*text);
    if (html.size() > domain::limits::rendered_ad)
        return std::nullopt;
    return html;
}

core::FieldError rendered_ad_too_long()
{
    return {"body",
            core::msgid("The ad would be longer than 500,000 characters once the case's values fill its "
                        "placeholders. Use fewer placeholders in the ad or shorter values in the case.")};
}

bool ads_fit(store::Session& sql, const domain::CaseRecord& record,
             const std::vector<domain::ContactPerson>& contacts)
{
    for (const char* language : {"da", "en"}) {
        auto version = store::cases::latest_ad(sql, record.institution_id, record.id, language);
        if (version && !render_body(version->body_source, record, contacts, language))
            return false;
    }
    return true;
}

namespace {

/// The facts of the steps that end a case: applications, priority access, decisions, the contract.
void add_decision_facts(store::Session& sql, const domain::CaseRecord& record, domain::CaseFacts& facts)
{
    if (domain::is_editable(record.state))
        return; // no applications before publication, no decisions
    std::vector<domain::PriorityApplicant> priority;
    for (const auto& standing : store::decisions::standings(sql, record.institution_id, record.id)) {
        bool withdrawn = standing.status == domain::ApplicationStatus::withdrawn;
        facts.has_applications = facts.has_applications || !withdrawn;
        if (standing.priority_access)
            priority.push_back({withdrawn, standing.invited, standing.waived});
    }
    facts.priority_applicants_not_invited = domain::priority_applicants_not_invited(priority);
    if (auto hire =
            store::decisions::latest(sql, record.institution_id, record.id, domain::DecisionKind::hire))
        facts.hiring_decision = hire->decision.status;
    auto cancel =
        store::decisions::latest(sql, record.institution_id, record.id, domain::DecisionKind::cancel);
    facts.cancellation_approved = cancel && cancel->decision.status == domain::DecisionStatus::approved;
    facts.contract_signed = !record.contract_signed_on.empty();
}

} // namespace

domain::CaseFacts case_facts(store::Session& sql, const domain::CaseRecord& record)
{
    domain::CaseFacts facts;
    facts.state = record.state;
    facts.application_deadline = record.application_deadline;
    auto committee = store::cases::committee(sql, record.institution_id, record.id);
    std::set<std::int64_t> leaders, managers;
    for (const auto& member : committee) {
        if (member.role == domain::CaseRole::projektleder)
            leaders.insert(member.user_id);
        if (member.role == domain::CaseRole::ansaettende_leder)
            managers.insert(member.user_id);
    }
    facts.has_projektleder = !leaders.empty();
    facts.has_ansaettende_leder = !managers.empty();
    // Different people: nobody holds both roles, however many hold each, so whoever proposes the
    // decision is never the one to approve it.
    for (auto leader : leaders)
        facts.projektleder_is_ansaettende_leder =
            facts.projektleder_is_ansaettende_leder || managers.count(leader) > 0;
    add_decision_facts(sql, record, facts);
    auto contacts = store::cases::contacts(sql, record.institution_id, record.id);
    for (const auto& language : ad_languages(record.ad_languages)) {
        auto version = store::cases::latest_ad(sql, record.institution_id, record.id, language);
        auto blocks = blocks_for(sql, record.institution_id, language, version);
        std::string body;
        bool too_long = false;
        if (version) {
            auto rendered = render_body(version->body_source, record, contacts, language);
            // An ad too long once filled in is checked as written, so that only its length is named.
            too_long = !rendered;
            body = rendered ? std::move(*rendered) : domain::rich_text_to_html(version->body_source);
        }
        auto problems = domain::validate_job_ad(ad_content(record, contacts, body, blocks));
        if (too_long)
            problems.push_back(rendered_ad_too_long());
        for (auto& problem : problems) {
            if (language == "en")
                problem.field = "en_" + problem.field;
            facts.ad_problems.push_back(problem);
        }
    }
    // Jobnet's own rules, where the installation transfers ads and the case is still to be published;
    // an item the ad's rules already name is not named twice.
    if (jobnet::enabled() && (record.state == domain::CaseState::draft ||
                              record.state == domain::CaseState::ready_for_publication))
        for (auto& problem : jobnet::problems_for(sql, record, core::now())) {
            bool named =
                std::any_of(facts.ad_problems.begin(), facts.ad_problems.end(),
                            [&](const core::FieldError& known) { return known.field == problem.field; });
            if (!named)
                facts.ad_problems.push_back(std::move(problem));
        }
    return facts;
}

std::string case_json(const domain::CaseRecord& record, const std::vector<domain::ContactPerson>& contacts)
{
    auto iso = [](const std::optional<core::UnixTime>& time) {
        return time ? core::format_iso_utc(*time) : "";
    };
    auto yes_no = [](bool value) { return std::string(value ? "true" : "false"); };
    char hours[32];
    std::snprintf(hours, sizeof hours, "%g", record.weekly_hours);
    return json_object({{"title", record.title},
                        {"state", std::string(domain::to_string(record.state))},
                        {"unit", record.unit_name},
                        {"place_of_work", record.place_of_work},
                        {"work_postcode", record.work_postcode},
                        {"work_city", record.work_city},
                        {"municipality_code", record.municipality_code},
                        {"occupation_code", record.occupation_code},
                        {"employment_form", record.employment_form},
                        {"employment_basis", record.employment_basis},
                        {"fixed_term_text", record.fixed_term_text},
                        {"full_time", yes_no(record.full_time)},
                        {"weekly_hours", hours},
                        {"salary_text", record.salary_text},
                        {"collective_agreement", record.collective_agreement},
                        {"position_category", record.position_category},
                        {"positions", std::to_string(record.positions)},
                        {"application_deadline", iso(record.application_deadline)},
                        {"expected_start", iso(record.expected_start)},
                        {"readvertisement", yes_no(record.readvertisement)},
                        {"ad_languages", record.ad_languages},
                        {"contacts", contact_line(contacts)}});
}

RenderedAd render(store::Session& sql, const domain::CaseRecord& record, const std::string& language)
{
    auto version = store::cases::latest_ad(sql, record.institution_id, record.id, language);
    RenderedAd ad;
    ad.language = language;
    ad.title = record.title;
    ad.record = record;
    ad.contacts = store::cases::contacts(sql, record.institution_id, record.id);
    if (version) {
        // An ad too long once filled in (saved before the limit, or from a template) is shown with
        // its placeholders as written; the case page names the problem.
        auto body = render_body(version->body_source, record, ad.contacts, language);
        ad.body_html = body ? *body : domain::rich_text_to_html(version->body_source);
    }
    for (const auto& block : blocks_for(sql, record.institution_id, language, version))
        if (block.included)
            ad.blocks_html.push_back(domain::sanitize_html(block.body_html));
    if (auto institution = store::InstitutionStore::find_in(sql, record.institution_id))
        ad.institution_name = institution->name;
    return ad;
}

} // namespace rekrut::services::recruitment_case
