#pragma once

// A fixture for service tests: a real, migrated SQLite database in a temporary folder, the real
// services on top of it, and helpers that set up synthetic institutions and people through those
// services. Nothing is mocked; the store is the one production uses.

#include <cstdint>
#include <filesystem>
#include <gtest/gtest.h>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/access/actor.hpp"
#include "domain/access/roles.hpp"
#include "domain/audit/audit_records.hpp"
#include "services/audit_log.hpp"
#include "services/identity.hpp"
#include "services/user_administration.hpp"
#include "store/database.hpp"

namespace rekrut::services::testing {

/// The public address the mails link to.
inline constexpr const char* k_public_url = "https://rekrut.example.test";

/// A person created by the fixture (all synthetic, addresses under @example.test).
struct Person {
    std::int64_t id = 0;
    std::string email;
    std::string name;
};

/// An institution with its first Superbruger, created by the platform operator.
struct Institution {
    std::int64_t id = 0;
    Person superbruger;
};

class ServiceFixture : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    /// The operator creates the institution and its first Superbruger (`<prefix>_superbruger`).
    /// With `seeded`, its set-up (units, mandatory texts, templates, lists) is the demo set-up.
    Institution add_institution(const std::string& prefix, const std::string& name, const std::string& cvr,
                                bool seeded = true);
    /// `by` creates the person in `institution_id` with `role` (if any), as on the users page. The
    /// address is `<handle>@example.test`; without a password the person is sent a welcome link.
    /// A Superbruger started by the operator is approved by the second operator, so that the person
    /// holds the role on return, as a new institution's first Superbruger does once approved.
    Person add_person(const domain::Actor& by, std::int64_t institution_id, const std::string& handle,
                      const std::string& name, std::optional<domain::InstitutionRole> role = std::nullopt,
                      const std::string& password = "");

    /// The Actor of `user_id` as a request would see it: a session is opened and resumed through the
    /// identity service, which loads every right the user holds now.
    domain::Actor actor(std::int64_t user_id);
    /// Opens a session for `user_id` as if it had been started (and last seen) at `started_at`, and
    /// returns its token. Lets tests look at sessions in the past without waiting.
    std::string open_session(std::int64_t user_id, core::UnixTime started_at,
                             bool second_factor_passed = true);

    /// Runs `write(store::Transaction&)` in a transaction of its own, which commits when it returns:
    /// for states the services do not make (a session seen at a given time, a deadline that has
    /// passed). Assertions may stop `write` early; what it wrote until then commits.
    template <typename Write> void write_directly(Write&& write)
    {
        (void)m_database->transact([&](store::Transaction& transaction) -> core::Status {
            write(transaction);
            return core::success();
        });
    }

    /// Where a change comes from, in the audit trail.
    static Origin origin_of(const domain::Actor& actor);
    /// Mails are written with their message ids as they are.
    static Translate untranslated();

    /// The institution's audit events (newest first) matching `action` (all when empty), read
    /// through the audit view as the institution's first Superbruger sees it.
    std::vector<domain::AuditEventRecord> audit_events(const Institution& institution,
                                                       const std::string& action = "");
    /// The plain text of the mails queued for `address`, newest first, opened as the sender opens them.
    std::vector<std::string> mail_texts_to(const std::string& address);

    std::filesystem::path m_dir;
    std::unique_ptr<store::Database> m_database;
    std::unique_ptr<UserAdministration> m_users;
    std::unique_ptr<IdentityService> m_identity;
    std::int64_t m_operator_id = 0;
    domain::Actor m_operator;
    /// The second operator, who carries out the first one's requests for the Superbruger role.
    domain::Actor m_second_operator;
};

/// The error kind of a failed result, for assertions; "ok" when it succeeded.
template <typename Result> std::string kind_of(const Result& result)
{
    if (result.ok())
        return "ok";
    switch (result.error().kind) {
    case core::ErrorKind::invalid: return "invalid";
    case core::ErrorKind::not_found: return "not_found";
    case core::ErrorKind::forbidden: return "forbidden";
    case core::ErrorKind::unauthorized: return "unauthorized";
    case core::ErrorKind::conflict: return "conflict";
    case core::ErrorKind::too_large: return "too_large";
    case core::ErrorKind::unavailable: return "unavailable";
    }
    return "?";
}

/// The fields a refusal names, in order.
std::vector<std::string> fields_of(const core::Error& error);

} // namespace rekrut::services::testing
