#include "services/recruitment_case/committee.hpp"

#include "core/clock.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "domain/access/role_rules.hpp"
#include "domain/email_address.hpp"
#include "domain/field_limits.hpp"
#include "services/audit_log.hpp"
#include "services/recruitment_case/case_frame.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/identity_store.hpp"

namespace rekrut::services {
namespace {

using core::msgid;
using recruitment_case::CaseEdit;
using recruitment_case::change_case;
using recruitment_case::ChangeRules;
using recruitment_case::Editable;
using recruitment_case::Recheck;

/// Committee changes are open in every state of the case and leave its state alone.
ChangeRules committee_rules(std::optional<std::int64_t> target_user_id)
{
    return {domain::Action::manage_committee, Editable::in_any_state, Recheck::no, nullptr, target_user_id};
}

core::Error choose_a_user()
{
    return core::Error::invalid(msgid("Check the marked fields."),
                                {{"user_id", msgid("Choose a user of the institution.")}});
}

} // namespace

core::Status CaseCommittee::add_member(const domain::Actor& actor, std::int64_t institution_id,
                                       std::int64_t case_id, std::int64_t user_id, domain::CaseRole role,
                                       const Origin& origin)
{
    return change_case(
        m_database, actor, institution_id, case_id, committee_rules(user_id), origin,
        [&](CaseEdit& edit) -> core::Status {
            auto user = store::users::find(edit.transaction, institution_id, user_id);
            // An external member's account belongs to the one case it was invited to.
            if (!user || user->status != domain::UserStatus::active ||
                (user->external_case_id && *user->external_case_id != case_id))
                return choose_a_user();
            if (user->external_case_id && !domain::external_member_may_hold(role))
                return core::Error::invalid(msgid("Check the marked fields."),
                                            {{"role", msgid("An external member cannot be Projektleder.")}});
            for (const auto& member : store::cases::committee(edit.transaction, institution_id, case_id))
                if (member.user_id == user_id && member.role == role)
                    return core::Error::conflict(msgid("The person already has this role on the case."));
            core::UnixTime now = core::now();
            store::cases::add_member(edit.transaction, institution_id, case_id, user_id, role, actor.user_id,
                                     now);
            store::users::mark_rights_changed(edit.transaction, user_id, now);
            edit.audit("committee.member_added", "{}",
                       json_object({{"user_id", std::to_string(user_id)},
                                    {"name", user->name},
                                    {"role", std::string(domain::to_string(role))}}));
            return core::success();
        });
}

core::Status CaseCommittee::remove_member(const domain::Actor& actor, std::int64_t institution_id,
                                          std::int64_t case_id, std::int64_t user_id, domain::CaseRole role,
                                          const Origin& origin)
{
    return change_case(
        m_database, actor, institution_id, case_id, committee_rules(user_id), origin,
        [&](CaseEdit& edit) -> core::Status {
            if (!store::cases::remove_member(edit.transaction, institution_id, case_id, user_id, role))
                return core::Error::not_found();
            store::users::mark_rights_changed(edit.transaction, user_id, core::now());
            edit.audit("committee.member_removed",
                       json_object({{"user_id", std::to_string(user_id)},
                                    {"role", std::string(domain::to_string(role))}}),
                       "{}");
            return core::success();
        });
}

core::Status CaseCommittee::invite_external(const domain::Actor& actor, std::int64_t institution_id,
                                            std::int64_t case_id, const std::string& email_input,
                                            const std::string& name_input, domain::CaseRole role,
                                            const Origin& origin, const Translate& translate)
{
    return change_case(
        m_database, actor, institution_id, case_id, committee_rules(std::nullopt), origin,
        [&](CaseEdit& edit) -> core::Status {
            auto email = domain::normalize_email_address(email_input);
            std::string name(core::trim(name_input));
            std::vector<core::FieldError> problems;
            if (name.empty() || name.size() > domain::limits::name)
                problems.push_back({"external_name", msgid("Enter the person's name.")});
            if (!email)
                problems.push_back({"external_email",
                                    msgid("Enter a valid e-mail address, for example name@example.test.")});
            if (!domain::external_member_may_hold(role))
                problems.push_back({"external_role", msgid("An external member cannot be Projektleder.")});
            if (!problems.empty())
                return core::Error::invalid(msgid("Check the marked fields."), std::move(problems));
            if (store::users::email_taken(edit.transaction, *email))
                return core::Error::invalid(
                    msgid("Check the marked fields."),
                    {{"external_email", msgid("A user with this e-mail address exists.")}});
            core::UnixTime now = core::now();
            domain::UserRecord user;
            user.institution_id = institution_id;
            user.email = *email;
            user.name = name;
            user.created_at = now;
            user.external_case_id = case_id;
            user.id = store::users::insert(edit.transaction, user, actor.user_id);
            store::cases::add_member(edit.transaction, institution_id, case_id, user.id, role, actor.user_id,
                                     now);
            queue_password_link(edit.transaction, m_public_url, user, true, translate);
            edit.audit("committee.external_invited", "{}",
                       json_object({{"user_id", std::to_string(user.id)},
                                    {"role", std::string(domain::to_string(role))}}));
            return core::success();
        });
}

std::vector<domain::UserRecord> CaseCommittee::candidates(const domain::Actor& actor,
                                                          std::int64_t institution_id, std::int64_t case_id)
{
    if (!domain::can(actor, domain::Action::view_case, {institution_id, case_id, {}, false, {}}))
        return {};
    return m_database.read([&](store::Session& session) {
        std::vector<domain::UserRecord> users;
        for (auto& user : store::users::list(session, institution_id))
            if (user.status == domain::UserStatus::active &&
                (!user.external_case_id || *user.external_case_id == case_id))
                users.push_back(std::move(user));
        return users;
    });
}

} // namespace rekrut::services
