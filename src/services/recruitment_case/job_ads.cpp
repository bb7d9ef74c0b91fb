#include "services/recruitment_case/job_ads.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "domain/field_limits.hpp"
#include "services/audit_log.hpp"
#include "services/jobnet/jobnet_transfer.hpp"
#include "services/recruitment_case/ad_assembly.hpp"
#include "services/recruitment_case/case_frame.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"

namespace rekrut::services {
namespace {

using core::msgid;
using domain::Action;
using recruitment_case::ad_languages;
using recruitment_case::blocks_for;
using recruitment_case::CaseEdit;
using recruitment_case::change_case;
using recruitment_case::is_ad_language;
using recruitment_case::join_ids;
using recruitment_case::text_ids;
using recruitment_case::version_texts;

bool may_view(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id)
{
    return domain::can(actor, Action::view_case, {institution_id, case_id, {}, false, {}});
}

/// Marks which texts the new version includes and checks the adapted wording of editable ones.
std::vector<core::FieldError> choose_texts(std::vector<AdBlock>& blocks,
                                           const std::vector<std::int64_t>& chosen,
                                           const std::map<std::int64_t, std::string>& adapted_texts)
{
    std::vector<core::FieldError> problems;
    for (auto& block : blocks) {
        block.included =
            block.text.required || std::find(chosen.begin(), chosen.end(), block.text.id) != chosen.end();
        auto adapted = adapted_texts.find(block.text.id);
        if (!block.included || block.text.locked || adapted == adapted_texts.end())
            continue;
        std::string field = "text_" + std::to_string(block.text.id);
        if (core::trim(adapted->second).empty())
            problems.push_back({field, block.text.required
                                           ? msgid("A required text cannot be left empty.")
                                           : msgid("Write the text, or leave it out of the ad.")});
        else if (adapted->second.size() > domain::limits::mandatory_text)
            problems.push_back({field, msgid("The text is too long.")});
    }
    return problems;
}

/// The ids of the texts whose wording in the version differs from the institution's.
std::vector<std::int64_t> adapted_ids(const std::vector<domain::AdVersionText>& texts,
                                      const std::vector<AdBlock>& blocks)
{
    std::vector<std::int64_t> ids;
    for (const auto& text : texts) {
        auto block = std::find_if(blocks.begin(), blocks.end(), [&](const AdBlock& candidate) {
            return candidate.text.id == text.mandatory_text_id;
        });
        if (block != blocks.end() && text.body_source != block->text.body_source)
            ids.push_back(text.mandatory_text_id);
    }
    return ids;
}

} // namespace

core::Result<AdDraft> JobAds::draft(const domain::Actor& actor, std::int64_t institution_id,
                                    std::int64_t case_id, const std::string& language)
{
    if (!may_view(actor, institution_id, case_id) || !is_ad_language(language))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) -> core::Result<AdDraft> {
        auto record = store::cases::find(session, institution_id, case_id);
        if (!record)
            return core::Error::not_found();
        auto version = store::cases::latest_ad(session, institution_id, case_id, language);
        return AdDraft{*record, version ? version->body_source : "",
                       blocks_for(session, institution_id, language, version),
                       version ? version->version : 0};
    });
}

core::Status JobAds::save(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                          const std::string& language, const std::string& body_source,
                          const std::vector<std::int64_t>& chosen_texts,
                          const std::map<std::int64_t, std::string>& adapted_texts, const Origin& origin,
                          const std::string& correction_reason)
{
    if (!is_ad_language(language))
        return core::Error::not_found();
    std::string reason(core::trim(correction_reason));
    recruitment_case::ChangeRules rules;
    rules.editable = recruitment_case::Editable::in_any_state;
    return change_case(
        m_database, actor, institution_id, case_id, rules, origin, [&](CaseEdit& edit) -> core::Status {
            bool correction = edit.record.state == domain::CaseState::published;
            if (!correction && !domain::is_editable(edit.record.state))
                return core::Error::conflict(msgid("A published case can no longer be edited here."));
            if (correction && (reason.empty() || !core::is_valid_utf8(reason) ||
                               std::count_if(reason.begin(), reason.end(), [](char byte) {
                                   return (static_cast<unsigned char>(byte) & 0xC0U) != 0x80U;
                               }) > 1000))
                return core::Error::invalid(
                    msgid("Check the marked fields."),
                    {{"correction_reason", msgid("Give the reason for correcting the published ad (at most "
                                                 "1,000 characters).")}});
            if (body_source.size() > domain::limits::ad_body)
                return core::Error::invalid(msgid("Check the marked fields."),
                                            {{"body", msgid("The ad text is too long.")}});
            auto previous = store::cases::latest_ad(edit.transaction, institution_id, case_id, language);
            auto blocks = blocks_for(edit.transaction, institution_id, language, previous);
            if (auto problems = choose_texts(blocks, chosen_texts, adapted_texts); !problems.empty())
                return core::Error::invalid(msgid("Check the marked fields."), std::move(problems));
            auto body_html = recruitment_case::render_body(
                body_source, edit.record, store::cases::contacts(edit.transaction, institution_id, case_id),
                language);
            if (!body_html)
                return core::Error::invalid(msgid("Check the marked fields."),
                                            {recruitment_case::rendered_ad_too_long()});
            auto texts = version_texts(blocks, adapted_texts);
            domain::AdVersionRecord ad;
            ad.language = language;
            ad.body_source = body_source;
            ad.body_html = std::move(*body_html);
            ad.mandatory_text_ids = text_ids(texts);
            ad.created_at = core::now();
            int version = store::cases::add_ad_version(edit.transaction, institution_id, case_id, ad, texts,
                                                       actor.user_id);
            if (correction) {
                // The case changed: the career site renders its ad again, and Jobnet receives it.
                // A second later at least: the open positions notice a change by updated_at, in seconds,
                // and a correction within the second of the last change must still be seen.
                domain::CaseRecord touched = edit.record;
                touched.updated_at = std::max(ad.created_at, edit.record.updated_at + 1);
                store::cases::update(edit.transaction, touched);
                jobnet::queue_update(edit.transaction, touched, ad.created_at);
            }
            edit.audit(correction ? "job_ad.corrected" : "job_ad.saved",
                       json_object({{"language", language},
                                    {"version", previous ? std::to_string(previous->version) : ""}}),
                       json_object({{"language", language},
                                    {"version", std::to_string(version)},
                                    {"mandatory_texts", ad.mandatory_text_ids},
                                    {"adapted_texts", join_ids(adapted_ids(texts, blocks))},
                                    {"reason", reason}}));
            return core::success();
        });
}

core::Result<std::vector<domain::AdVersionRecord>> JobAds::versions(const domain::Actor& actor,
                                                                    std::int64_t institution_id,
                                                                    std::int64_t case_id,
                                                                    const std::string& language)
{
    if (!may_view(actor, institution_id, case_id))
        return core::Error::not_found();
    return m_database.read(
        [&](store::Session& session) -> core::Result<std::vector<domain::AdVersionRecord>> {
            if (!store::cases::find(session, institution_id, case_id))
                return core::Error::not_found();
            return store::cases::ad_versions(session, institution_id, case_id, language);
        });
}

core::Result<AdVersionPair> JobAds::version_pair(const domain::Actor& actor, std::int64_t institution_id,
                                                 std::int64_t case_id, std::int64_t version_id)
{
    if (!may_view(actor, institution_id, case_id))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) -> core::Result<AdVersionPair> {
        auto version = store::cases::ad_version(session, institution_id, case_id, version_id);
        if (!version)
            return core::Error::not_found();
        version->texts = store::cases::ad_version_texts(session, institution_id, version->id);
        AdVersionPair pair{*version, std::nullopt};
        for (const auto& candidate :
             store::cases::ad_versions(session, institution_id, case_id, version->language))
            if (candidate.version == version->version - 1) {
                pair.previous = candidate;
                pair.previous->texts = store::cases::ad_version_texts(session, institution_id, candidate.id);
            }
        return pair;
    });
}

core::Result<RenderedAd> JobAds::render(const domain::Actor& actor, std::int64_t institution_id,
                                        std::int64_t case_id, const std::string& language)
{
    if (!may_view(actor, institution_id, case_id) || !is_ad_language(language))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) -> core::Result<RenderedAd> {
        auto record = store::cases::find(session, institution_id, case_id);
        if (!record)
            return core::Error::not_found();
        return recruitment_case::render(session, *record, language);
    });
}

} // namespace rekrut::services
