#include "services/recruitment_cases.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <set>
#include <soci/soci.h>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "domain/job_ad/rich_text.hpp"
#include "store/database.hpp"
#include "store/identity_store.hpp"
#include "store/institution_store.hpp"

namespace rekrut::services {
namespace {

using core::msgid;
using domain::Action;

domain::Resource case_resource(std::int64_t institution_id, std::int64_t case_id)
{
    return {institution_id, case_id, {}, false, {}};
}

/// Editing needs edit_case; a committee member who may only look is told "forbidden", anyone else
/// sees "not found", as for a case that does not exist.
std::optional<core::Error> edit_refusal(const domain::Actor& actor, std::int64_t institution_id,
                                        std::int64_t case_id)
{
    if (domain::can(actor, Action::edit_case, case_resource(institution_id, case_id)))
        return std::nullopt;
    if (domain::can(actor, Action::view_case, case_resource(institution_id, case_id)))
        return core::Error::forbidden();
    return core::Error::not_found();
}

std::string trimmed(const std::string& text)
{
    return std::string(core::trim(text));
}

/// Every change of a case starts with this. Without it two saves of the ad took the same next
/// version number, and two equal committee additions both passed the duplicate check; the second
/// failed on the unique constraint with a 500.
void lock_case(soci::session& sql, std::int64_t institution_id, std::int64_t case_id)
{
    store::cases::lock(sql, institution_id, case_id);
}

/// A changed case must be checked again: one that was ready for publication goes back to draft.
void back_to_draft_if_ready(soci::session& sql, std::int64_t institution_id, std::int64_t case_id)
{
    auto record = store::cases::find(sql, institution_id, case_id);
    if (record && record->state == domain::CaseState::ready_for_publication)
        store::cases::set_state(sql, institution_id, case_id, domain::CaseState::draft, std::nullopt,
                                core::now());
}

using QuestionChange = std::function<std::optional<core::Error>(soci::session&)>;

/// Frames every change of a case's screening questions: for those who may edit the case, under the
/// case lock, until publication; after the change (which returns its refusal, if any) a case that was
/// ready for publication goes back to draft.
core::Status change_questions(store::Database& database, const domain::Actor& actor,
                              std::int64_t institution_id, std::int64_t case_id, const QuestionChange& change)
{
    if (auto refusal = edit_refusal(actor, institution_id, case_id))
        return *refusal;
    std::optional<core::Error> refusal;
    database.with_transaction([&](soci::session& sql) {
        lock_case(sql, institution_id, case_id);
        auto record = store::cases::find(sql, institution_id, case_id);
        if (!record)
            refusal = core::Error::not_found();
        else if (!domain::is_editable(record->state))
            refusal = core::Error::conflict(
                msgid("Screening questions can be changed only until the case is published."));
        else if (!(refusal = change(sql)))
            back_to_draft_if_ready(sql, institution_id, case_id);
    });
    if (refusal)
        return *refusal;
    return core::success();
}

std::vector<std::string> split_languages(const std::string& text)
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

std::vector<std::int64_t> parse_ids(const std::string& text)
{
    std::vector<std::int64_t> ids;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos)
            end = text.size();
        std::int64_t value = 0;
        auto [ptr, error] = std::from_chars(text.data() + start, text.data() + end, value);
        if (error == std::errc() && value > 0)
            ids.push_back(value);
        start = end + 1;
    }
    return ids;
}

std::string join_ids(const std::vector<std::int64_t>& ids)
{
    std::string text;
    for (auto id : ids)
        text += (text.empty() ? "" : ",") + std::to_string(id);
    return text;
}

void replace_all(std::string& text, const std::string& from, const std::string& to)
{
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

/// Mandatory texts of the language, with their inclusion and wording in the given version of the ad.
std::vector<AdBlock> blocks_for(soci::session& sql, std::int64_t institution_id, const std::string& language,
                                const std::optional<store::AdVersionRecord>& version)
{
    std::vector<AdBlock> blocks;
    std::vector<std::int64_t> chosen;
    std::vector<store::AdVersionText> kept;
    if (version) {
        chosen = parse_ids(version->mandatory_text_ids);
        kept = store::cases::ad_version_texts(sql, institution_id, version->id);
    }
    for (auto& text : store::mandatory_texts::list(sql, institution_id)) {
        if (text.language != language)
            continue;
        auto in_version = std::find_if(kept.begin(), kept.end(), [&](const store::AdVersionText& candidate) {
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

/// The wording of the included texts for a new version: locked texts as the institution has them,
/// editable ones as adapted (or as the institution has them when not adapted).
std::vector<store::AdVersionText> version_texts(const std::vector<AdBlock>& blocks,
                                                const std::map<std::int64_t, std::string>& adapted = {})
{
    std::vector<store::AdVersionText> texts;
    for (const auto& block : blocks) {
        if (!block.included)
            continue;
        // Locked texts take the institution's wording; an editable one keeps the ad's own unless adapted.
        store::AdVersionText text{block.text.id, block.text.name, block.text.body_source,
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

std::string text_ids(const std::vector<store::AdVersionText>& texts)
{
    std::vector<std::int64_t> ids;
    for (const auto& text : texts)
        ids.push_back(text.mandatory_text_id);
    return join_ids(ids);
}

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

/// The ad body with the case's values in place of the template placeholders, as safe HTML.
std::string render_body(const std::string& source, const store::CaseRecord& record,
                        const std::vector<domain::ContactPerson>& contacts)
{
    std::string text = source;
    replace_all(text, "{{title}}", record.title);
    replace_all(text, "{{place_of_work}}", record.place_of_work);
    replace_all(text, "{{salary}}", record.salary_text);
    replace_all(text, "{{deadline}}",
                record.application_deadline ? core::format_copenhagen(*record.application_deadline) : "");
    replace_all(text, "{{contact}}", contact_line(contacts));
    replace_all(text, "{{mandatory_texts}}", "");
    return domain::rich_text_to_html(text);
}

domain::JobAdContent ad_content(const store::CaseRecord& record,
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

/// Everything the state machine needs, read inside the caller's session.
domain::CaseFacts case_facts(soci::session& sql, const store::CaseRecord& record)
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
    // Different people: some Projektleder and some Ansættende leder must not be one and the same.
    facts.projektleder_is_ansaettende_leder = facts.has_projektleder && facts.has_ansaettende_leder &&
                                              leaders.size() == 1 && managers.size() == 1 &&
                                              *leaders.begin() == *managers.begin();
    auto contacts = store::cases::contacts(sql, record.institution_id, record.id);
    for (const auto& language : split_languages(record.ad_languages)) {
        auto version = store::cases::latest_ad(sql, record.institution_id, record.id, language);
        auto blocks = blocks_for(sql, record.institution_id, language, version);
        std::string body = version ? render_body(version->body_source, record, contacts) : "";
        for (auto& problem : domain::validate_job_ad(ad_content(record, contacts, body, blocks))) {
            if (language == "en")
                problem.field = "en_" + problem.field;
            facts.ad_problems.push_back(problem);
        }
    }
    return facts;
}

std::string case_json(const store::CaseRecord& record)
{
    return json_object(
        {{"title", record.title},
         {"state", std::string(domain::to_string(record.state))},
         {"place_of_work", record.place_of_work},
         {"salary_text", record.salary_text},
         {"collective_agreement", record.collective_agreement},
         {"position_category", record.position_category},
         {"employment_form", record.employment_form},
         {"weekly_hours", std::to_string(record.weekly_hours)},
         {"application_deadline",
          record.application_deadline ? core::format_iso_utc(*record.application_deadline) : ""},
         {"ad_languages", record.ad_languages}});
}

} // namespace

CaseList RecruitmentCases::list(const domain::Actor& actor, store::CaseListFilter filter)
{
    CaseList result;
    auto institution = actor.data_institution();
    if (!institution)
        return result;
    filter.institution_id = *institution;
    domain::Resource scope{institution, {}, {}, false, {}};
    // Administrators and Superbrugere see every case of the institution; others their own.
    if (!domain::can(actor, Action::create_case, scope) && !domain::can(actor, Action::view_users, scope))
        filter.member_user_id = actor.user_id;
    filter.limit = std::clamp(filter.limit, 1, 200);
    filter.offset = std::max(filter.offset, 0);
    m_database.with_session([&](soci::session& sql) {
        result.cases = store::cases::list(sql, filter);
        result.total = store::cases::count(sql, filter);
    });
    return result;
}

core::Result<std::int64_t> RecruitmentCases::create(const domain::Actor& actor, std::int64_t institution_id,
                                                    std::optional<std::int64_t> template_id,
                                                    const std::string& title_input, const Origin& origin)
{
    if (!domain::can(actor, Action::create_case, {institution_id, {}, {}, false, {}}))
        return core::Error::forbidden();
    std::optional<core::Error> refusal;
    std::int64_t id = 0;
    m_database.with_transaction([&](soci::session& sql) {
        store::CaseRecord record;
        record.institution_id = institution_id;
        record.title = trimmed(title_input);
        record.created_at = record.updated_at = core::now();
        std::string body;
        if (template_id) {
            auto ad_template = store::ad_templates::find(sql, institution_id, *template_id);
            if (!ad_template) {
                refusal = core::Error::invalid(msgid("Check the marked fields."),
                                               {{"template_id", msgid("Choose one of the templates.")}});
                return;
            }
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
        if (record.title.empty() || record.title.size() > 200) {
            refusal = core::Error::invalid(
                msgid("Check the marked fields."),
                {{"title", msgid("Give the position a title (at most 200 characters).")}});
            return;
        }
        id = store::cases::insert(sql, record);
        if (!body.empty()) {
            store::AdVersionRecord ad;
            ad.language = record.ad_languages;
            ad.body_source = body;
            ad.body_html = domain::rich_text_to_html(body);
            ad.created_at = record.created_at;
            auto texts = version_texts(blocks_for(sql, institution_id, ad.language, std::nullopt));
            ad.mandatory_text_ids = text_ids(texts);
            store::cases::add_ad_version(sql, institution_id, id, ad, texts, actor.user_id);
        }
        record.id = id;
        record_audit(m_database, sql, origin,
                     {institution_id, "case.created", "recruitment_case", std::to_string(id), "{}",
                      case_json(record)});
    });
    if (refusal)
        return *refusal;
    return id;
}

core::Result<std::int64_t> RecruitmentCases::copy(const domain::Actor& actor, std::int64_t institution_id,
                                                  std::int64_t case_id, const Origin& origin)
{
    if (!domain::can(actor, Action::create_case, {institution_id, {}, {}, false, {}}))
        return core::Error::not_found();
    std::optional<core::Error> refusal;
    std::int64_t id = 0;
    m_database.with_transaction([&](soci::session& sql) {
        auto source = store::cases::find(sql, institution_id, case_id);
        if (!source) {
            refusal = core::Error::not_found();
            return;
        }
        store::CaseRecord copy = *source;
        copy.state = domain::CaseState::draft;
        copy.application_deadline.reset();
        copy.expected_start.reset();
        copy.published_at.reset();
        copy.copied_from = source->id;
        copy.created_at = copy.updated_at = core::now();
        id = store::cases::insert(sql, copy);
        store::cases::replace_contacts(sql, institution_id, id,
                                       store::cases::contacts(sql, institution_id, case_id));
        for (const auto& member : store::cases::committee(sql, institution_id, case_id))
            if (!member.external)
                store::cases::add_member(sql, institution_id, id, member.user_id, member.role, actor.user_id,
                                         copy.created_at);
        for (const auto& language : split_languages(source->ad_languages))
            if (auto ad = store::cases::latest_ad(sql, institution_id, case_id, language)) {
                // The copy keeps the wording of the source's ad, adapted texts included.
                auto blocks = blocks_for(sql, institution_id, language, ad);
                std::map<std::int64_t, std::string> adapted;
                for (const auto& block : blocks)
                    adapted[block.text.id] = block.body_source;
                auto texts = version_texts(blocks, adapted);
                ad->created_at = copy.created_at;
                ad->mandatory_text_ids = text_ids(texts);
                store::cases::add_ad_version(sql, institution_id, id, *ad, texts, actor.user_id);
            }
        for (const auto& question : store::cases::questions(sql, institution_id, case_id))
            store::cases::add_question(sql, institution_id, id, question);
        record_audit(m_database, sql, origin,
                     {institution_id, "case.copied", "recruitment_case", std::to_string(id), "{}",
                      json_object({{"copied_from", std::to_string(case_id)}, {"title", copy.title}})});
    });
    if (refusal)
        return *refusal;
    return id;
}

core::Result<CaseOverview> RecruitmentCases::overview(const domain::Actor& actor, std::int64_t institution_id,
                                                      std::int64_t case_id)
{
    if (!domain::can(actor, Action::view_case, case_resource(institution_id, case_id)))
        return core::Error::not_found();
    std::optional<CaseOverview> overview;
    m_database.with_session([&](soci::session& sql) {
        auto record = store::cases::find(sql, institution_id, case_id);
        if (!record)
            return;
        CaseOverview result;
        result.record = *record;
        result.contacts = store::cases::contacts(sql, institution_id, case_id);
        result.committee = store::cases::committee(sql, institution_id, case_id);
        result.questions = store::cases::questions(sql, institution_id, case_id);
        result.transitions = domain::transitions_from(record->state);
        result.ad_problems = case_facts(sql, *record).ad_problems;
        overview = std::move(result);
    });
    if (!overview)
        return core::Error::not_found();
    return *overview;
}

core::Status RecruitmentCases::update(const domain::Actor& actor, std::int64_t institution_id,
                                      std::int64_t case_id, const CaseInput& input, const Origin& origin)
{
    if (auto refusal = edit_refusal(actor, institution_id, case_id))
        return *refusal;
    std::optional<core::Error> refusal;
    m_database.with_transaction([&](soci::session& sql) {
        lock_case(sql, institution_id, case_id);
        auto existing = store::cases::find(sql, institution_id, case_id);
        if (!existing) {
            refusal = core::Error::not_found();
            return;
        }
        if (!domain::is_editable(existing->state)) {
            refusal = core::Error::conflict(msgid("A published case can no longer be edited here."));
            return;
        }
        store::CaseRecord record = *existing;
        std::vector<core::FieldError> problems;
        record.title = trimmed(input.title);
        if (record.title.empty() || record.title.size() > 200)
            problems.push_back({"title", msgid("Give the position a title (at most 200 characters).")});
        record.unit_id.reset();
        if (!trimmed(input.unit_id).empty()) {
            std::int64_t unit = 0;
            std::from_chars(input.unit_id.data(), input.unit_id.data() + input.unit_id.size(), unit);
            if (unit <= 0 || !store::organisation_units::find(sql, institution_id, unit))
                problems.push_back({"unit_id", msgid("Choose one of the units.")});
            else
                record.unit_id = unit;
        }
        record.place_of_work = trimmed(input.place_of_work);
        record.municipality_code = trimmed(input.municipality_code);
        if (!record.municipality_code.empty() &&
            (record.municipality_code.size() != 3 ||
             !std::all_of(record.municipality_code.begin(), record.municipality_code.end(), ::isdigit)))
            problems.push_back({"municipality_code", msgid("The municipality code must be three digits.")});
        record.occupation_code = trimmed(input.occupation_code);
        static const std::set<std::string> forms = {"permanent", "fixed_term", "aaremaal"};
        static const std::set<std::string> bases = {"collective_agreement", "civil_servant"};
        if (!forms.count(input.employment_form))
            problems.push_back({"employment_form", msgid("Choose the form of employment.")});
        else
            record.employment_form = input.employment_form;
        if (!bases.count(input.employment_basis))
            problems.push_back({"employment_basis", msgid("Choose the form of employment.")});
        else
            record.employment_basis = input.employment_basis;
        record.fixed_term_text = trimmed(input.fixed_term_text);
        record.full_time = input.working_time != "part_time";
        record.weekly_hours = 37;
        if (!record.full_time) {
            std::string hours = trimmed(input.weekly_hours);
            std::replace(hours.begin(), hours.end(), ',', '.');
            // Digits with at most one decimal point: strtod alone also takes "nan", "1e1" and "0x10".
            bool plain = !hours.empty() && std::isdigit(static_cast<unsigned char>(hours.front())) &&
                         std::count(hours.begin(), hours.end(), '.') <= 1 &&
                         std::all_of(hours.begin(), hours.end(),
                                     [](unsigned char ch) { return std::isdigit(ch) || ch == '.'; });
            char* end = nullptr;
            double value = plain ? std::strtod(hours.c_str(), &end) : 0;
            if (!plain || *end != '\0' || value <= 0 || value >= 37)
                problems.push_back({"weekly_hours", msgid("Enter the weekly hours as a number under 37.")});
            else
                record.weekly_hours = value;
        }
        record.salary_text = trimmed(input.salary_text);
        record.collective_agreement = trimmed(input.collective_agreement);
        record.position_category = trimmed(input.position_category);
        if (!record.position_category.empty()) {
            auto categories = store::named_lists::list(sql, "position_categories", institution_id);
            if (std::none_of(categories.begin(), categories.end(), [&](const store::NamedRecord& category) {
                    return category.name == record.position_category;
                }))
                problems.push_back({"position_category", msgid("Choose one of the position categories.")});
        }
        int positions = 0;
        std::string positions_text = trimmed(input.positions);
        auto [ptr, error] =
            std::from_chars(positions_text.data(), positions_text.data() + positions_text.size(), positions);
        if (error != std::errc() || ptr != positions_text.data() + positions_text.size() || positions < 1 ||
            positions > 500)
            problems.push_back({"positions", msgid("Enter the number of positions (1 to 500).")});
        else
            record.positions = positions;
        record.application_deadline.reset();
        if (!trimmed(input.deadline_date).empty() || !trimmed(input.deadline_time).empty()) {
            auto deadline =
                core::parse_copenhagen(trimmed(input.deadline_date), trimmed(input.deadline_time));
            if (!deadline)
                problems.push_back(
                    {"deadline_date", msgid("Enter the deadline as a date and a time, for example "
                                            "2027-01-15 and 12:00.")});
            else
                record.application_deadline = deadline;
        }
        record.expected_start.reset();
        if (!trimmed(input.expected_start_date).empty()) {
            auto start = core::parse_copenhagen(trimmed(input.expected_start_date), "00:00");
            if (!start)
                problems.push_back({"expected_start_date", msgid("Enter the expected start as a date.")});
            else
                record.expected_start = start;
        }
        record.readvertisement = input.readvertisement;
        std::string languages;
        for (const auto& language : input.ad_languages)
            if (language == "da" || language == "en")
                languages += (languages.empty() ? "" : ",") + language;
        if (languages.empty())
            problems.push_back(
                {"language_da", msgid("Choose at least one ad language.")}); // the first checkbox
        else
            record.ad_languages = languages;
        std::vector<domain::ContactPerson> contacts;
        std::size_t contact_number = 0; // the form's fields are contact_name_1, contact_name_2, ...
        for (const auto& contact : input.contacts) {
            ++contact_number;
            domain::ContactPerson clean{trimmed(contact.name), trimmed(contact.title), trimmed(contact.phone),
                                        trimmed(contact.email)};
            if (clean.name.empty() && clean.title.empty() && clean.phone.empty() && clean.email.empty())
                continue;
            if (clean.name.empty())
                problems.push_back({"contact_name_" + std::to_string(contact_number),
                                    msgid("Each contact person needs a name.")});
            contacts.push_back(clean);
        }
        for (const auto& [field, text] : {std::pair{"place_of_work", &record.place_of_work},
                                          {"salary_text", &record.salary_text},
                                          {"collective_agreement", &record.collective_agreement},
                                          {"fixed_term_text", &record.fixed_term_text},
                                          {"occupation_code", &record.occupation_code}})
            if (text->size() > 2000)
                problems.push_back({field, msgid("The text is too long.")});
        if (!problems.empty()) {
            refusal = core::Error::invalid(msgid("Check the marked fields."), problems);
            return;
        }
        record.updated_at = core::now();
        store::cases::update(sql, record);
        store::cases::replace_contacts(sql, institution_id, case_id, contacts);
        // Editing a case that was ready sends it back to draft: it must be checked again.
        if (existing->state == domain::CaseState::ready_for_publication) {
            store::cases::set_state(sql, institution_id, case_id, domain::CaseState::draft, std::nullopt,
                                    record.updated_at);
            record.state = domain::CaseState::draft;
        }
        record_audit(m_database, sql, origin,
                     {institution_id, "case.changed", "recruitment_case", std::to_string(case_id),
                      case_json(*existing), case_json(record)});
    });
    if (refusal)
        return *refusal;
    return core::success();
}

core::Result<RecruitmentCases::AdDraft> RecruitmentCases::ad_draft(const domain::Actor& actor,
                                                                   std::int64_t institution_id,
                                                                   std::int64_t case_id,
                                                                   const std::string& language)
{
    if (!domain::can(actor, Action::view_case, case_resource(institution_id, case_id)) ||
        (language != "da" && language != "en"))
        return core::Error::not_found();
    std::optional<AdDraft> draft;
    m_database.with_session([&](soci::session& sql) {
        auto record = store::cases::find(sql, institution_id, case_id);
        if (!record)
            return;
        auto version = store::cases::latest_ad(sql, institution_id, case_id, language);
        draft = AdDraft{*record, version ? version->body_source : "",
                        blocks_for(sql, institution_id, language, version), version ? version->version : 0};
    });
    if (!draft)
        return core::Error::not_found();
    return *draft;
}

core::Status RecruitmentCases::save_ad(const domain::Actor& actor, std::int64_t institution_id,
                                       std::int64_t case_id, const std::string& language,
                                       const std::string& body_source,
                                       const std::vector<std::int64_t>& chosen_texts,
                                       const std::map<std::int64_t, std::string>& adapted_texts,
                                       const Origin& origin)
{
    if (auto refusal = edit_refusal(actor, institution_id, case_id))
        return *refusal;
    if (language != "da" && language != "en")
        return core::Error::not_found();
    if (body_source.size() > 50000)
        return core::Error::invalid(msgid("Check the marked fields."),
                                    {{"body", msgid("The ad text is too long.")}});
    std::optional<core::Error> refusal;
    m_database.with_transaction([&](soci::session& sql) {
        lock_case(sql, institution_id, case_id);
        auto record = store::cases::find(sql, institution_id, case_id);
        if (!record) {
            refusal = core::Error::not_found();
            return;
        }
        if (!domain::is_editable(record->state)) {
            refusal = core::Error::conflict(msgid("A published case can no longer be edited here."));
            return;
        }
        auto previous = store::cases::latest_ad(sql, institution_id, case_id, language);
        auto blocks = blocks_for(sql, institution_id, language, previous);
        std::vector<core::FieldError> problems;
        for (auto& block : blocks) {
            block.included = block.text.required || std::find(chosen_texts.begin(), chosen_texts.end(),
                                                              block.text.id) != chosen_texts.end();
            auto adapted = adapted_texts.find(block.text.id);
            if (!block.included || block.text.locked || adapted == adapted_texts.end())
                continue;
            std::string field = "text_" + std::to_string(block.text.id);
            if (core::trim(adapted->second).empty())
                problems.push_back({field, block.text.required
                                               ? msgid("A required text cannot be left empty.")
                                               : msgid("Write the text, or leave it out of the ad.")});
            else if (adapted->second.size() > 20000)
                problems.push_back({field, msgid("The text is too long.")});
        }
        if (!problems.empty()) {
            refusal = core::Error::invalid(msgid("Check the marked fields."), std::move(problems));
            return;
        }
        auto texts = version_texts(blocks, adapted_texts);
        store::AdVersionRecord ad;
        ad.language = language;
        ad.body_source = body_source;
        ad.body_html =
            render_body(body_source, *record, store::cases::contacts(sql, institution_id, case_id));
        ad.mandatory_text_ids = text_ids(texts);
        ad.created_at = core::now();
        int version = store::cases::add_ad_version(sql, institution_id, case_id, ad, texts, actor.user_id);
        if (record->state == domain::CaseState::ready_for_publication)
            store::cases::set_state(sql, institution_id, case_id, domain::CaseState::draft, std::nullopt,
                                    ad.created_at);
        std::vector<std::int64_t> adapted_ids;
        for (const auto& text : texts)
            if (text.body_source != std::find_if(blocks.begin(), blocks.end(), [&](const AdBlock& block) {
                                        return block.text.id == text.mandatory_text_id;
                                    })->text.body_source)
                adapted_ids.push_back(text.mandatory_text_id);
        record_audit(m_database, sql, origin,
                     {institution_id, "job_ad.saved", "recruitment_case", std::to_string(case_id),
                      json_object({{"language", language},
                                   {"version", previous ? std::to_string(previous->version) : ""}}),
                      json_object({{"language", language},
                                   {"version", std::to_string(version)},
                                   {"mandatory_texts", ad.mandatory_text_ids},
                                   {"adapted_texts", join_ids(adapted_ids)}})});
    });
    if (refusal)
        return *refusal;
    return core::success();
}

core::Result<std::vector<store::AdVersionRecord>> RecruitmentCases::ad_versions(const domain::Actor& actor,
                                                                                std::int64_t institution_id,
                                                                                std::int64_t case_id,
                                                                                const std::string& language)
{
    if (!domain::can(actor, Action::view_case, case_resource(institution_id, case_id)))
        return core::Error::not_found();
    std::optional<std::vector<store::AdVersionRecord>> versions;
    m_database.with_session([&](soci::session& sql) {
        if (store::cases::find(sql, institution_id, case_id))
            versions = store::cases::ad_versions(sql, institution_id, case_id, language);
    });
    if (!versions)
        return core::Error::not_found();
    return *versions;
}

core::Result<std::pair<store::AdVersionRecord, std::optional<store::AdVersionRecord>>>
RecruitmentCases::ad_version_pair(const domain::Actor& actor, std::int64_t institution_id,
                                  std::int64_t case_id, std::int64_t version_id)
{
    if (!domain::can(actor, Action::view_case, case_resource(institution_id, case_id)))
        return core::Error::not_found();
    std::optional<std::pair<store::AdVersionRecord, std::optional<store::AdVersionRecord>>> pair;
    m_database.with_session([&](soci::session& sql) {
        auto version = store::cases::ad_version(sql, institution_id, case_id, version_id);
        if (!version)
            return;
        version->texts = store::cases::ad_version_texts(sql, institution_id, version->id);
        std::optional<store::AdVersionRecord> previous;
        for (const auto& candidate :
             store::cases::ad_versions(sql, institution_id, case_id, version->language))
            if (candidate.version == version->version - 1) {
                previous = candidate;
                previous->texts = store::cases::ad_version_texts(sql, institution_id, candidate.id);
            }
        pair = std::make_pair(*version, previous);
    });
    if (!pair)
        return core::Error::not_found();
    return *pair;
}

namespace {

std::optional<RenderedAd> render(soci::session& sql, const store::CaseRecord& record,
                                 const std::string& language)
{
    auto version = store::cases::latest_ad(sql, record.institution_id, record.id, language);
    RenderedAd ad;
    ad.language = language;
    ad.title = record.title;
    ad.record = record;
    ad.contacts = store::cases::contacts(sql, record.institution_id, record.id);
    ad.body_html = version ? render_body(version->body_source, record, ad.contacts) : "";
    for (const auto& block : blocks_for(sql, record.institution_id, language, version))
        if (block.included)
            ad.blocks_html.push_back(domain::sanitize_html(block.body_html));
    if (auto institution = store::InstitutionStore::find_in(sql, record.institution_id))
        ad.institution_name = institution->name;
    return ad;
}

} // namespace

core::Result<RenderedAd> RecruitmentCases::render_ad(const domain::Actor& actor, std::int64_t institution_id,
                                                     std::int64_t case_id, const std::string& language)
{
    if (!domain::can(actor, Action::view_case, case_resource(institution_id, case_id)) ||
        (language != "da" && language != "en"))
        return core::Error::not_found();
    std::optional<RenderedAd> ad;
    m_database.with_session([&](soci::session& sql) {
        if (auto record = store::cases::find(sql, institution_id, case_id))
            ad = render(sql, *record, language);
    });
    if (!ad)
        return core::Error::not_found();
    return *ad;
}

std::optional<RenderedAd> RecruitmentCases::public_ad(std::int64_t case_id, const std::string& language)
{
    std::optional<RenderedAd> ad;
    m_database.with_session([&](soci::session& sql) {
        auto record = store::cases::find_published(sql, case_id);
        if (!record)
            return;
        auto languages = split_languages(record->ad_languages);
        std::string chosen = std::find(languages.begin(), languages.end(), language) != languages.end()
                                 ? language
                                 : languages.front();
        ad = render(sql, *record, chosen);
    });
    return ad;
}

core::Status RecruitmentCases::transition(const domain::Actor& actor, std::int64_t institution_id,
                                          std::int64_t case_id, domain::CaseTransition transition,
                                          const Origin& origin)
{
    if (auto refusal = edit_refusal(actor, institution_id, case_id))
        return *refusal;
    std::optional<core::Error> refusal;
    m_database.with_transaction([&](soci::session& sql) {
        lock_case(sql, institution_id, case_id);
        auto record = store::cases::find(sql, institution_id, case_id);
        if (!record) {
            refusal = core::Error::not_found();
            return;
        }
        core::UnixTime now = core::now();
        auto checked = domain::check_transition(case_facts(sql, *record), transition, now);
        if (!checked) {
            refusal = checked.error();
            return;
        }
        auto target = domain::target_state(transition);
        std::optional<core::UnixTime> published;
        if (target == domain::CaseState::published)
            published = now;
        store::cases::set_state(sql, institution_id, case_id, target, published, now);
        record_audit(m_database, sql, origin,
                     {institution_id, "case.state_changed", "recruitment_case", std::to_string(case_id),
                      json_object({{"state", std::string(domain::to_string(record->state))}}),
                      json_object({{"state", std::string(domain::to_string(target))},
                                   {"transition", std::string(domain::to_string(transition))}})});
    });
    if (refusal)
        return *refusal;
    return core::success();
}

int RecruitmentCases::close_due_cases()
{
    int closed = 0;
    std::vector<std::pair<std::int64_t, std::int64_t>> due;
    core::UnixTime now = core::now();
    m_database.with_session([&](soci::session& sql) { due = store::cases::due_for_closing(sql, now); });
    for (const auto& [institution_id, case_id] : due) {
        m_database.with_transaction([&](soci::session& sql) {
            if (!store::cases::close_if_published(sql, case_id, now))
                return;
            ++closed;
            record_audit(
                m_database, sql, Origin::system("application deadline"),
                {institution_id, "case.state_changed", "recruitment_case", std::to_string(case_id),
                 json_object({{"state", "published"}}),
                 json_object({{"state", "closed_for_applications"}, {"transition", "close_applications"}})});
        });
    }
    return closed;
}

core::Status RecruitmentCases::add_member(const domain::Actor& actor, std::int64_t institution_id,
                                          std::int64_t case_id, std::int64_t user_id, domain::CaseRole role,
                                          const Origin& origin)
{
    domain::Resource resource{institution_id, case_id, user_id, false, {}};
    if (!domain::can(actor, Action::view_case, case_resource(institution_id, case_id)))
        return core::Error::not_found();
    if (!domain::can(actor, Action::manage_committee, resource))
        return core::Error::forbidden();
    std::optional<core::Error> refusal;
    m_database.with_transaction([&](soci::session& sql) {
        lock_case(sql, institution_id, case_id);
        auto record = store::cases::find(sql, institution_id, case_id);
        auto user = store::users::find(sql, institution_id, user_id);
        // An external member's account belongs to the one case it was invited to.
        bool external_elsewhere = user && user->external_case_id && *user->external_case_id != case_id;
        if (!record || !user || user->status != domain::UserStatus::active || external_elsewhere) {
            refusal = core::Error::invalid(msgid("Check the marked fields."),
                                           {{"user_id", msgid("Choose a user of the institution.")}});
            return;
        }
        for (const auto& member : store::cases::committee(sql, institution_id, case_id))
            if (member.user_id == user_id && member.role == role) {
                refusal = core::Error::conflict(msgid("The person already has this role on the case."));
                return;
            }
        core::UnixTime now = core::now();
        store::cases::add_member(sql, institution_id, case_id, user_id, role, actor.user_id, now);
        store::users::mark_rights_changed(sql, user_id, now);
        record_audit(m_database, sql, origin,
                     {institution_id, "committee.member_added", "recruitment_case", std::to_string(case_id),
                      "{}",
                      json_object({{"user_id", std::to_string(user_id)},
                                   {"name", user->name},
                                   {"role", std::string(domain::to_string(role))}})});
    });
    if (refusal)
        return *refusal;
    return core::success();
}

core::Status RecruitmentCases::remove_member(const domain::Actor& actor, std::int64_t institution_id,
                                             std::int64_t case_id, std::int64_t user_id,
                                             domain::CaseRole role, const Origin& origin)
{
    domain::Resource resource{institution_id, case_id, user_id, false, {}};
    if (!domain::can(actor, Action::view_case, case_resource(institution_id, case_id)))
        return core::Error::not_found();
    if (!domain::can(actor, Action::manage_committee, resource))
        return core::Error::forbidden();
    bool removed = false;
    m_database.with_transaction([&](soci::session& sql) {
        lock_case(sql, institution_id, case_id);
        removed = store::cases::remove_member(sql, institution_id, case_id, user_id, role);
        if (!removed)
            return;
        core::UnixTime now = core::now();
        store::users::mark_rights_changed(sql, user_id, now);
        record_audit(m_database, sql, origin,
                     {institution_id, "committee.member_removed", "recruitment_case", std::to_string(case_id),
                      json_object({{"user_id", std::to_string(user_id)},
                                   {"role", std::string(domain::to_string(role))}}),
                      "{}"});
    });
    if (!removed)
        return core::Error::not_found();
    return core::success();
}

core::Status RecruitmentCases::invite_external(const domain::Actor& actor, std::int64_t institution_id,
                                               std::int64_t case_id, const std::string& email_input,
                                               const std::string& name_input, domain::CaseRole role,
                                               const Origin& origin, const Translate& translate)
{
    if (!domain::can(actor, Action::view_case, case_resource(institution_id, case_id)))
        return core::Error::not_found();
    if (!domain::can(actor, Action::manage_committee, {institution_id, case_id, std::nullopt, false, {}}))
        return core::Error::forbidden();
    std::string email = trimmed(email_input);
    std::transform(email.begin(), email.end(), email.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    std::string name = trimmed(name_input);
    std::vector<core::FieldError> problems;
    if (name.empty() || name.size() > 200)
        problems.push_back({"external_name", msgid("Enter the person's name.")});
    auto at = email.find('@');
    if (at == std::string::npos || at == 0 || email.find('.', at) == std::string::npos ||
        email.size() > 254 || email.find_first_of(" <>,;\"") != std::string::npos)
        problems.push_back(
            {"external_email", msgid("Enter a valid e-mail address, for example name@example.test.")});
    if (role == domain::CaseRole::projektleder)
        problems.push_back({"external_role", msgid("An external member cannot be Projektleder.")});
    if (!problems.empty())
        return core::Error::invalid(msgid("Check the marked fields."), problems);
    std::optional<core::Error> refusal;
    m_database.with_transaction([&](soci::session& sql) {
        lock_case(sql, institution_id, case_id);
        if (!store::cases::find(sql, institution_id, case_id)) {
            refusal = core::Error::not_found();
            return;
        }
        if (store::users::email_taken(sql, email)) {
            refusal =
                core::Error::invalid(msgid("Check the marked fields."),
                                     {{"external_email", msgid("A user with this e-mail address exists.")}});
            return;
        }
        core::UnixTime now = core::now();
        store::UserRecord user;
        user.institution_id = institution_id;
        user.email = email;
        user.name = name;
        user.created_at = now;
        user.external_case_id = case_id;
        user.id = store::users::insert(sql, user, actor.user_id);
        store::cases::add_member(sql, institution_id, case_id, user.id, role, actor.user_id, now);
        queue_password_link(sql, m_public_url, user, true, translate);
        record_audit(m_database, sql, origin,
                     {institution_id, "committee.external_invited", "recruitment_case",
                      std::to_string(case_id), "{}",
                      json_object({{"user_id", std::to_string(user.id)},
                                   {"name", name},
                                   {"email", email},
                                   {"role", std::string(domain::to_string(role))}})});
    });
    if (refusal)
        return *refusal;
    return core::success();
}

core::Status RecruitmentCases::add_question(const domain::Actor& actor, std::int64_t institution_id,
                                            std::int64_t case_id, std::int64_t template_id,
                                            const Origin& origin)
{
    return change_questions(
        m_database, actor, institution_id, case_id, [&](soci::session& sql) -> std::optional<core::Error> {
            auto question = store::question_templates::find(sql, institution_id, template_id);
            if (!question)
                return core::Error::invalid(msgid("Check the marked fields."),
                                            {{"template_id", msgid("Choose one of the questions.")}});
            auto existing = store::cases::questions(sql, institution_id, case_id);
            store::CaseQuestionRecord copy{0,
                                           question->id,
                                           question->text,
                                           question->kind,
                                           question->options,
                                           static_cast<int>(existing.size())};
            store::cases::add_question(sql, institution_id, case_id, copy);
            record_audit(m_database, sql, origin,
                         {institution_id, "case.question_added", "recruitment_case", std::to_string(case_id),
                          "{}", json_object({{"text", question->text}, {"kind", question->kind}})});
            return std::nullopt;
        });
}

core::Result<store::CaseQuestionRecord> RecruitmentCases::question(const domain::Actor& actor,
                                                                   std::int64_t institution_id,
                                                                   std::int64_t case_id,
                                                                   std::int64_t question_id)
{
    if (auto refusal = edit_refusal(actor, institution_id, case_id))
        return *refusal;
    std::optional<store::CaseQuestionRecord> found;
    m_database.with_session([&](soci::session& sql) {
        found = store::cases::find_question(sql, institution_id, case_id, question_id);
    });
    if (!found)
        return core::Error::not_found();
    return *found;
}

core::Status RecruitmentCases::update_question(const domain::Actor& actor, std::int64_t institution_id,
                                               std::int64_t case_id, std::int64_t question_id,
                                               domain::ScreeningQuestion changed, const Origin& origin)
{
    return change_questions(
        m_database, actor, institution_id, case_id, [&](soci::session& sql) -> std::optional<core::Error> {
            auto question = store::cases::find_question(sql, institution_id, case_id, question_id);
            if (!question)
                return core::Error::not_found();
            if (auto problems = domain::check_screening_question(changed); !problems.empty())
                return core::Error::invalid(msgid("Check the marked fields."), std::move(problems));
            auto before = json_object(
                {{"text", question->text}, {"kind", question->kind}, {"options", question->options}});
            question->text = changed.text;
            question->kind = changed.kind;
            question->options = changed.options;
            store::cases::update_question(sql, institution_id, case_id, *question);
            record_audit(m_database, sql, origin,
                         {institution_id, "case.question_changed", "recruitment_case",
                          std::to_string(case_id), before,
                          json_object({{"question_id", std::to_string(question_id)},
                                       {"text", changed.text},
                                       {"kind", changed.kind},
                                       {"options", changed.options}})});
            return std::nullopt;
        });
}

core::Status RecruitmentCases::remove_question(const domain::Actor& actor, std::int64_t institution_id,
                                               std::int64_t case_id, std::int64_t question_id,
                                               const Origin& origin)
{
    return change_questions(
        m_database, actor, institution_id, case_id, [&](soci::session& sql) -> std::optional<core::Error> {
            if (!store::cases::remove_question(sql, institution_id, case_id, question_id))
                return core::Error::not_found();
            record_audit(m_database, sql, origin,
                         {institution_id, "case.question_removed", "recruitment_case",
                          std::to_string(case_id),
                          json_object({{"question_id", std::to_string(question_id)}}), "{}"});
            return std::nullopt;
        });
}

std::vector<store::UserRecord> RecruitmentCases::candidates(const domain::Actor& actor,
                                                            std::int64_t institution_id, std::int64_t case_id)
{
    std::vector<store::UserRecord> users;
    if (actor.data_institution() != institution_id)
        return users;
    m_database.with_session([&](soci::session& sql) {
        for (auto& user : store::users::list(sql, institution_id))
            if (user.status == domain::UserStatus::active &&
                (!user.external_case_id || *user.external_case_id == case_id))
                users.push_back(std::move(user));
    });
    return users;
}

std::vector<store::AdTemplateRecord> RecruitmentCases::templates(std::int64_t institution_id)
{
    std::vector<store::AdTemplateRecord> found;
    m_database.with_session(
        [&](soci::session& sql) { found = store::ad_templates::list(sql, institution_id); });
    return found;
}

std::vector<store::NamedRecord> RecruitmentCases::collective_agreements(std::int64_t institution_id)
{
    std::vector<store::NamedRecord> found;
    m_database.with_session([&](soci::session& sql) {
        found = store::named_lists::list(sql, "collective_agreements", institution_id);
    });
    return found;
}

std::vector<store::NamedRecord> RecruitmentCases::position_categories(std::int64_t institution_id)
{
    std::vector<store::NamedRecord> found;
    m_database.with_session([&](soci::session& sql) {
        found = store::named_lists::list(sql, "position_categories", institution_id);
    });
    return found;
}

std::vector<store::OrganisationUnitRecord> RecruitmentCases::units(std::int64_t institution_id)
{
    std::vector<store::OrganisationUnitRecord> found;
    m_database.with_session(
        [&](soci::session& sql) { found = store::organisation_units::list(sql, institution_id); });
    return found;
}

std::vector<store::QuestionTemplateRecord> RecruitmentCases::question_templates(std::int64_t institution_id)
{
    std::vector<store::QuestionTemplateRecord> found;
    m_database.with_session(
        [&](soci::session& sql) { found = store::question_templates::list(sql, institution_id); });
    return found;
}

} // namespace rekrut::services
