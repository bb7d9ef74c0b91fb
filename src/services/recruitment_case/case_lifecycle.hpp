#pragma once

#include <cstdint>
#include <string>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/recruitment_case/case_lifecycle.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// Moves cases through their states: the transitions users ask for, checked by the domain's state
/// machine against the case's content, and the automatic closing at the application deadline.
class CaseLifecycle {
public:
    /// `public_url` is where the committee's mails link to the case.
    CaseLifecycle(store::Database& database, std::string public_url)
        : m_database(database), m_public_url(std::move(public_url))
    {
    }

    /// `reason` is required when cancelling (at most 1,000 characters) and recorded in the audit event.
    core::Status transition(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                            domain::CaseTransition transition, const Origin& origin,
                            const std::string& reason = "");
    /// Closes published cases whose deadline has passed (across institutions: it is the platform's
    /// background job). Returns how many were closed.
    int close_due_cases();

private:
    store::Database& m_database;
    std::string m_public_url;
};

} // namespace rekrut::services
