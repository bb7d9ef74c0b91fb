#include "store/decision_store.hpp"

#include <soci/soci.h>

namespace rekrut::store::decisions {
namespace {

constexpr const char* k_select =
    "SELECT d.id, d.institution_id, d.case_id, d.kind, d.status, d.application_id, d.sealed_justification,"
    " d.sealed_comment, d.reason, d.comment, d.proposed_by, p.name, d.proposed_at, d.decided_by,"
    " COALESCE(a.name, ''), d.decided_at FROM case_decisions d JOIN users p ON p.id = d.proposed_by"
    " LEFT JOIN users a ON a.id = d.decided_by WHERE d.institution_id = :institution AND d.case_id = "
    ":case_id";

std::vector<std::int64_t> reserves_of(soci::session& sql, std::int64_t decision_id)
{
    std::vector<std::int64_t> found;
    long long decision = decision_id, application = 0;
    soci::statement statement = (sql.prepare << "SELECT application_id FROM decision_reserves"
                                                " WHERE decision_id = :decision ORDER BY position",
                                 soci::into(application), soci::use(decision));
    statement.execute();
    while (statement.fetch())
        found.push_back(application);
    return found;
}

std::vector<StoredDecision> select(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                                   const std::string& condition)
{
    std::vector<StoredDecision> found;
    long long institution = institution_id, case_key = case_id, id = 0, inst = 0, owner = 0, application = 0,
              proposed_by = 0, proposed_at = 0, decided_by = 0, decided_at = 0;
    soci::indicator application_null = soci::i_ok, decided_by_null = soci::i_ok, decided_at_null = soci::i_ok;
    std::string kind, status, sealed_justification, sealed_comment, reason, comment, proposer, decider;
    soci::statement statement =
        (sql.prepare << std::string(k_select) + condition, soci::into(id), soci::into(inst),
         soci::into(owner), soci::into(kind), soci::into(status), soci::into(application, application_null),
         soci::into(sealed_justification), soci::into(sealed_comment), soci::into(reason),
         soci::into(comment), soci::into(proposed_by), soci::into(proposer), soci::into(proposed_at),
         soci::into(decided_by, decided_by_null), soci::into(decider),
         soci::into(decided_at, decided_at_null), soci::use(institution), soci::use(case_key));
    statement.execute();
    while (statement.fetch()) {
        StoredDecision row;
        auto& decision = row.decision;
        decision.id = id;
        decision.institution_id = inst;
        decision.case_id = owner;
        decision.kind = domain::decision_kind_from_string(kind).value_or(domain::DecisionKind::hire);
        decision.status =
            domain::decision_status_from_string(status).value_or(domain::DecisionStatus::returned);
        if (application_null == soci::i_ok)
            decision.application_id = application;
        decision.justification = reason;
        decision.comment = comment;
        decision.proposed_by = proposed_by;
        decision.proposed_by_name = proposer;
        decision.proposed_at = proposed_at;
        if (decided_by_null == soci::i_ok)
            decision.decided_by = decided_by;
        decision.decided_by_name = decider;
        if (decided_at_null == soci::i_ok)
            decision.decided_at = decided_at;
        row.sealed_justification = sealed_justification;
        row.sealed_comment = sealed_comment;
        found.push_back(std::move(row));
    }
    for (auto& row : found)
        row.decision.reserves = reserves_of(sql, row.decision.id);
    return found;
}

} // namespace

std::optional<StoredDecision> latest(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                                     domain::DecisionKind kind)
{
    auto found = select(sql, institution_id, case_id,
                        std::string(" AND d.kind = '") + std::string(domain::to_string(kind)) +
                            "' ORDER BY d.id DESC LIMIT 1");
    if (found.empty())
        return std::nullopt;
    return std::move(found.front());
}

std::vector<StoredDecision> history(soci::session& sql, std::int64_t institution_id, std::int64_t case_id)
{
    return select(sql, institution_id, case_id, " ORDER BY d.id DESC");
}

std::int64_t propose(soci::session& sql, const StoredDecision& proposal)
{
    const auto& decision = proposal.decision;
    long long institution = decision.institution_id, case_key = decision.case_id,
              application = decision.application_id.value_or(0), by = decision.proposed_by,
              at = decision.proposed_at;
    soci::indicator application_null = decision.application_id ? soci::i_ok : soci::i_null;
    std::string kind(domain::to_string(decision.kind));
    std::string sealed = proposal.sealed_justification, reason = decision.justification;
    long long id = 0;
    sql << "INSERT INTO case_decisions (institution_id, case_id, kind, status, application_id,"
           " sealed_justification, reason, proposed_by, proposed_at) VALUES (:institution, :case_id, :kind,"
           " 'proposed', :application, :sealed, :reason, :by, :at) RETURNING id",
        soci::use(institution), soci::use(case_key), soci::use(kind),
        soci::use(application, application_null), soci::use(sealed), soci::use(reason), soci::use(by),
        soci::use(at), soci::into(id);
    int position = 0;
    for (auto reserve : decision.reserves) {
        long long reserve_id = reserve;
        ++position;
        sql << "INSERT INTO decision_reserves (decision_id, position, application_id)"
               " VALUES (:decision, :position, :application)",
            soci::use(id), soci::use(position), soci::use(reserve_id);
    }
    return id;
}

bool decide(soci::session& sql, std::int64_t institution_id, std::int64_t decision_id,
            domain::DecisionStatus status, std::int64_t decided_by, const std::string& sealed_comment,
            const std::string& comment, core::UnixTime now)
{
    long long institution = institution_id, id = decision_id, by = decided_by, at = now;
    std::string state(domain::to_string(status));
    soci::statement statement =
        (sql.prepare << "UPDATE case_decisions SET status = :status, decided_by = :by, decided_at = :at,"
                        " sealed_comment = :sealed, comment = :comment WHERE institution_id = :institution"
                        " AND id = :id AND status = 'proposed'",
         soci::use(state), soci::use(by), soci::use(at), soci::use(sealed_comment), soci::use(comment),
         soci::use(institution), soci::use(id));
    statement.execute(true);
    return statement.get_affected_rows() == 1;
}

std::vector<Standing> standings(soci::session& sql, std::int64_t institution_id, std::int64_t case_id)
{
    std::vector<Standing> found;
    long long institution = institution_id, case_key = case_id, id = 0, received = 0;
    std::string name, status;
    int priority = 0, invited = 0, waived = 0, excluded = 0;
    soci::statement statement =
        (sql.prepare
             << "SELECT a.id, a.full_name, a.status, a.priority_access, CASE WHEN a.status IN ('invited',"
                " 'offered', 'hired') OR EXISTS (SELECT 1 FROM interview_invitations i WHERE "
                "i.application_id ="
                " a.id) OR EXISTS (SELECT 1 FROM outbox o WHERE o.application_id = a.id AND o.kind IN"
                " ('interview_invitation', 'interview_booking') AND o.cancelled_at IS NULL) THEN 1 ELSE 0 "
                "END,"
                " CASE WHEN w.application_id IS NULL THEN 0 ELSE 1 END, a.exclude_from_list, a.received_at"
                " FROM applications a LEFT JOIN priority_access_waivers w ON w.application_id = a.id"
                " WHERE a.institution_id = :institution AND a.case_id = :case_id ORDER BY a.received_at, "
                "a.id",
         soci::into(id), soci::into(name), soci::into(status), soci::into(priority), soci::into(invited),
         soci::into(waived), soci::into(excluded), soci::into(received), soci::use(institution),
         soci::use(case_key));
    statement.execute();
    while (statement.fetch())
        found.push_back(
            {id, name,
             domain::application_status_from_string(status).value_or(domain::ApplicationStatus::received),
             priority != 0, invited != 0, waived != 0, excluded != 0, received});
    return found;
}

void waive_priority(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                    std::int64_t application_id, const std::string& sealed_reason, std::int64_t user_id,
                    core::UnixTime now)
{
    long long institution = institution_id, case_key = case_id, application = application_id, user = user_id,
              at = now;
    sql << "DELETE FROM priority_access_waivers WHERE institution_id = :institution AND application_id = :id",
        soci::use(institution), soci::use(application);
    sql << "INSERT INTO priority_access_waivers (application_id, institution_id, case_id, sealed_reason,"
           " recorded_by, recorded_at) VALUES (:application, :institution, :case_id, :reason, :user, :at)",
        soci::use(application), soci::use(institution), soci::use(case_key), soci::use(sealed_reason),
        soci::use(user), soci::use(at);
}

std::vector<std::pair<std::int64_t, std::string>>
priority_waivers(soci::session& sql, std::int64_t institution_id, std::int64_t case_id)
{
    std::vector<std::pair<std::int64_t, std::string>> found;
    long long institution = institution_id, case_key = case_id, application = 0;
    std::string sealed;
    soci::statement statement =
        (sql.prepare << "SELECT application_id, sealed_reason FROM priority_access_waivers"
                        " WHERE institution_id = :institution AND case_id = :case_id ORDER BY application_id",
         soci::into(application), soci::into(sealed), soci::use(institution), soci::use(case_key));
    statement.execute();
    while (statement.fetch())
        found.emplace_back(application, sealed);
    return found;
}

void set_contract_signed(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                         const std::string& date, core::UnixTime now)
{
    long long institution = institution_id, id = case_id, at = now;
    sql << "UPDATE recruitment_cases SET contract_signed_on = :date, updated_at = :at"
           " WHERE institution_id = :institution AND id = :id",
        soci::use(date), soci::use(at), soci::use(institution), soci::use(id);
}

bool close(soci::session& sql, std::int64_t institution_id, std::int64_t case_id, core::UnixTime now)
{
    long long institution = institution_id, id = case_id, at = now;
    soci::statement statement =
        (sql.prepare << "UPDATE recruitment_cases SET closed_at = :at, updated_at = :at2"
                        " WHERE institution_id = :institution AND id = :id AND closed_at IS NULL",
         soci::use(at), soci::use(at), soci::use(institution), soci::use(id));
    statement.execute(true);
    return statement.get_affected_rows() == 1;
}

} // namespace rekrut::store::decisions
