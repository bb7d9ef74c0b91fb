#include "services/assessment/ranking_lists.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/clock.hpp"
#include "domain/access/policy.hpp"
#include "domain/application/application_records.hpp"
#include "services/assessment/committee_facts.hpp"
#include "store/assessment_store.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/ranking_store.hpp"

namespace rekrut::services {

using core::msgid;
using domain::Action;

namespace {

/// The member's standing on the case: refused, or allowed with what is hidden from them.
struct Standing {
    domain::CaseRecord case_record;
    domain::Resource resource;
    std::set<std::int64_t> hidden;
};

core::Result<Standing> standing(store::Session& session, const domain::Actor& actor,
                                std::int64_t institution_id, std::int64_t case_id)
{
    if (!domain::can(actor, Action::view_case, {institution_id, case_id, {}, false, {}}))
        return core::Error::not_found();
    auto record = store::cases::find(session, institution_id, case_id);
    if (!record)
        return core::Error::not_found();
    auto resource = committee_resource(session, actor, institution_id, case_id);
    if (!domain::can(actor, Action::rank_applications, resource)) {
        if (resource.declarations_pending)
            return core::Error{
                core::ErrorKind::forbidden,
                msgid("Declare on every application of the case, a conflict of interest or none, "
                      "before you take part in the ranking."),
                {}};
        return core::Error{core::ErrorKind::forbidden,
                           msgid("Only the case's committee members rank its applications."),
                           {}};
    }
    return Standing{*record, resource,
                    store::assessment::conflicts_of(session, institution_id, case_id, actor.user_id)};
}

/// The case's applications the member can see, as the lists show them.
std::unordered_map<std::int64_t, RankedApplicant> visible_applicants(store::Session& session,
                                                                     const domain::Actor& actor,
                                                                     std::int64_t institution_id,
                                                                     const Standing& standing)
{
    const auto case_id = standing.case_record.id;
    const bool anonymous = store::assessment::methods(session, institution_id, case_id).anonymous;
    std::unordered_map<std::int64_t, RankedApplicant> found;
    for (const auto& application : store::rankings::applications(session, institution_id, case_id)) {
        if (standing.hidden.contains(application.id))
            continue;
        auto resource = standing.resource;
        resource.anonymous_round =
            anonymous && !store::assessment::anonymity_lifted(session, institution_id, application.id);
        RankedApplicant applicant{application.id, "",
                                  domain::can(actor, Action::see_applicant_identity, resource),
                                  application.withdrawn};
        if (applicant.named) {
            applicant.label = application.full_name;
        } else {
            domain::ApplicationRecord record;
            record.id = application.id;
            record.received_at = application.received_at;
            applicant.label = domain::application_reference(record);
        }
        found.emplace(application.id, std::move(applicant));
    }
    return found;
}

RankedApplicant applicant_of(const std::unordered_map<std::int64_t, RankedApplicant>& applicants,
                             std::int64_t id)
{
    auto found = applicants.find(id);
    return found == applicants.end() ? RankedApplicant{id, std::to_string(id), false, false} : found->second;
}

core::Error invalid_order(const std::string& message)
{
    return core::Error::invalid(msgid("The order cannot be saved."), {{"order", message}});
}

} // namespace

RankingLists::RankingLists(store::Database& database) : m_database(database) {}

core::Result<RankingOverview> RankingLists::overview(const domain::Actor& actor, std::int64_t institution_id,
                                                     std::int64_t case_id)
{
    return m_database.read([&](store::Session& session) -> core::Result<RankingOverview> {
        auto member = standing(session, actor, institution_id, case_id);
        if (!member)
            return member.error();
        return RankingOverview{member->case_record, store::rankings::lists(session, institution_id, case_id)};
    });
}

core::Result<std::int64_t> RankingLists::create(const domain::Actor& actor, std::int64_t institution_id,
                                                std::int64_t case_id, const std::string& name,
                                                const std::string& round, const Origin& origin)
{
    const auto trimmed = [&] {
        auto first = name.find_first_not_of(" \t\r\n");
        auto last = name.find_last_not_of(" \t\r\n");
        return first == std::string::npos ? std::string() : name.substr(first, last - first + 1);
    }();
    std::vector<core::FieldError> problems;
    if (trimmed.empty())
        problems.push_back({"name", msgid("Enter a name for the list.")});
    else if (trimmed.size() > domain::k_max_ranking_name)
        problems.push_back({"name", msgid("The name can be at most 200 characters long.")});
    auto parsed_round = domain::ranking_round_from_string(round);
    if (!parsed_round)
        problems.push_back({"round", msgid("Choose the round the list is for.")});
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<std::int64_t> {
        auto member = standing(transaction, actor, institution_id, case_id);
        if (!member)
            return member.error();
        if (!problems.empty())
            return core::Error::invalid(msgid("The list cannot be made. Correct the marked fields."),
                                        problems);
        domain::RankingListRecord list{0, institution_id, case_id,    trimmed, *parsed_round,
                                       0, actor.user_id,  core::now()};
        auto id = store::rankings::create(transaction, list);
        record_audit(transaction, origin,
                     {institution_id, "ranking.created", "ranking_list", std::to_string(id), "{}",
                      json_object({{"case_id", std::to_string(case_id)},
                                   {"round", std::string(domain::to_string(*parsed_round))}})});
        return id;
    });
}

core::Result<RankingView> RankingLists::show(const domain::Actor& actor, std::int64_t institution_id,
                                             std::int64_t case_id, std::int64_t ranking_id)
{
    return m_database.read([&](store::Session& session) -> core::Result<RankingView> {
        auto member = standing(session, actor, institution_id, case_id);
        if (!member)
            return member.error();
        auto list = store::rankings::find(session, institution_id, case_id, ranking_id);
        if (!list)
            return core::Error::not_found();
        auto applicants = visible_applicants(session, actor, institution_id, *member);
        RankingView view{member->case_record, *list, {}, {}};
        std::set<std::int64_t> listed;
        for (auto id : domain::visible_part(
                 store::rankings::current_order(session, institution_id, ranking_id), member->hidden)) {
            view.entries.push_back(applicant_of(applicants, id));
            listed.insert(id);
        }
        for (const auto& application : store::rankings::applications(session, institution_id, case_id))
            if (!application.withdrawn && !listed.contains(application.id) &&
                applicants.contains(application.id))
                view.candidates.push_back(applicants.at(application.id));
        return view;
    });
}

core::Result<int> RankingLists::save(const domain::Actor& actor, std::int64_t institution_id,
                                     std::int64_t case_id, std::int64_t ranking_id,
                                     const RankingChange& change, const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<int> {
        auto member = standing(transaction, actor, institution_id, case_id);
        if (!member)
            return member.error();
        auto list = store::rankings::find(transaction, institution_id, case_id, ranking_id);
        if (!list)
            return core::Error::not_found();
        // First, so that a concurrent save of the list waits for this one and then reads the order it
        // saved; a page that showed an older version is refused.
        auto number = store::rankings::next_version(transaction, institution_id, ranking_id, change.based_on);
        if (!number)
            return core::Error::conflict(
                msgid("Someone saved the list while you were working on it. Your order "
                      "was not saved: look at the list as it is now and try again."));
        const auto stored = store::rankings::order_at(transaction, institution_id, ranking_id, *number - 1);
        const auto shown = domain::visible_part(stored, member->hidden);
        domain::RankingOrder wanted;
        if (change.order) {
            wanted = *change.order;
        } else if (change.move) {
            if (std::find(shown.begin(), shown.end(), change.move->first) == shown.end())
                return invalid_order(msgid("The applicant to move is not on the list."));
            wanted = domain::move_entry(shown, change.move->first, change.move->second);
        } else if (!change.positions.empty()) {
            for (const auto& [id, position] : change.positions) {
                if (std::find(shown.begin(), shown.end(), id) == shown.end())
                    return invalid_order(
                        msgid("A position was given for an applicant who is not on the list."));
                if (position < 1 || position > static_cast<long long>(domain::k_max_ranking_entries))
                    return invalid_order(msgid("Enter positions as whole numbers from 1 to 500."));
            }
            wanted = domain::order_from_positions(shown, change.positions);
        } else {
            wanted = shown;
            wanted.insert(wanted.end(), change.additions.begin(), change.additions.end());
        }
        std::set<std::int64_t> allowed;
        for (const auto& application : store::rankings::applications(transaction, institution_id, case_id))
            if (!member->hidden.contains(application.id))
                allowed.insert(application.id);
        if (auto problem = domain::check_order(wanted, allowed))
            return invalid_order(*problem);
        if (wanted.size() + (stored.size() - shown.size()) > domain::k_max_ranking_entries)
            return invalid_order(msgid("A ranking list holds at most 500 applicants."));
        auto merged = domain::merge_hidden(stored, wanted, member->hidden);
        store::rankings::save_version(transaction, institution_id, ranking_id, *number, merged, actor.user_id,
                                      core::now());
        record_audit(transaction, origin,
                     {institution_id, "ranking.saved", "ranking_list", std::to_string(ranking_id),
                      json_object({{"version", std::to_string(*number - 1)}}),
                      json_object({{"version", std::to_string(*number)},
                                   {"entries", std::to_string(merged.size())}})});
        return *number;
    });
}

core::Result<RankingVersions> RankingLists::versions(const domain::Actor& actor, std::int64_t institution_id,
                                                     std::int64_t case_id, std::int64_t ranking_id)
{
    return m_database.read([&](store::Session& session) -> core::Result<RankingVersions> {
        auto member = standing(session, actor, institution_id, case_id);
        if (!member)
            return member.error();
        auto list = store::rankings::find(session, institution_id, case_id, ranking_id);
        if (!list)
            return core::Error::not_found();
        return RankingVersions{member->case_record, *list,
                               store::rankings::versions(session, institution_id, ranking_id)};
    });
}

core::Result<RankingComparison> RankingLists::compare(const domain::Actor& actor, std::int64_t institution_id,
                                                      std::int64_t case_id, std::int64_t ranking_id, int from,
                                                      int to)
{
    return m_database.read([&](store::Session& session) -> core::Result<RankingComparison> {
        auto member = standing(session, actor, institution_id, case_id);
        if (!member)
            return member.error();
        auto list = store::rankings::find(session, institution_id, case_id, ranking_id);
        if (!list)
            return core::Error::not_found();
        auto from_version = store::rankings::version(session, institution_id, ranking_id, from);
        auto to_version = store::rankings::version(session, institution_id, ranking_id, to);
        if (!from_version || !to_version)
            return core::Error::not_found();
        auto applicants = visible_applicants(session, actor, institution_id, *member);
        RankingComparison comparison{member->case_record, *list, *from_version, *to_version, {}};
        // Positions as the member sees the versions: without the applicants hidden from them.
        for (const auto& row : domain::compare_orders(
                 domain::visible_part(store::rankings::entries(session, institution_id, from_version->id),
                                      member->hidden),
                 domain::visible_part(store::rankings::entries(session, institution_id, to_version->id),
                                      member->hidden)))
            comparison.rows.push_back({applicant_of(applicants, row.application_id), row});
        return comparison;
    });
}

} // namespace rekrut::services
