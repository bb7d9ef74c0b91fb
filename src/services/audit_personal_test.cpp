// Personal data in the audit trail (ADR 0009), against a real SQLite database: stored sealed, read
// through the audit view, unreadable once the person's key is destroyed, with the chain intact
// throughout; events written before sealing existed are sealed once and the chain computed again.

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "services/audit_personal.hpp"
#include "services/retention/retention.hpp"
#include "services/testing/service_fixture.hpp"
#include "store/audit_store.hpp"
#include "store/audit_subject_store.hpp"
#include "store/database.hpp"

namespace rekrut::services {
namespace {

using testing::ServiceFixture;

class AuditPersonalTest : public ServiceFixture {
protected:
    /// Every text the audit trail stores, as stored.
    std::string stored_trail()
    {
        std::string all;
        m_database->read([&](store::Session& session) {
            store::audit_events::for_each(session, [&](const domain::AuditEventRecord& event) {
                all += event.actor_name + "|" + event.ip + "|" + event.before_json + "|" + event.after_json +
                       "\n";
            });
            return 0;
        });
        return all;
    }

    bool chain_intact() { return !verify_audit_chain(*m_database).first_broken_id; }
};

TEST_F(AuditPersonalTest, names_and_addresses_are_stored_sealed_and_read_in_the_clear)
{
    auto institution = add_institution("sealed", "Styrelsen for Forsegling", "11111111");
    auto person =
        add_person(actor(institution.superbruger.id), institution.id, "sofie_sealed", "Sofie Forsegl");
    auto trail = stored_trail();
    EXPECT_EQ(trail.find("Sofie Forsegl"), std::string::npos);
    EXPECT_EQ(trail.find("sofie_sealed@example.test"), std::string::npos);
    EXPECT_NE(trail.find("sealed1:user:" + std::to_string(person.id) + ":"), std::string::npos);
    auto created = audit_events(institution, "user.created");
    ASSERT_FALSE(created.empty());
    EXPECT_NE(created.front().after_json.find("Sofie Forsegl"), std::string::npos)
        << created.front().after_json;
    EXPECT_NE(created.front().after_json.find("sofie_sealed@example.test"), std::string::npos);
    EXPECT_EQ(created.front().actor_name, institution.superbruger.name);
    EXPECT_TRUE(chain_intact());
}

TEST_F(AuditPersonalTest, a_destroyed_key_leaves_the_events_and_the_chain_and_nothing_readable)
{
    auto institution = add_institution("erase", "Styrelsen for Sletning", "22222222");
    auto person =
        add_person(actor(institution.superbruger.id), institution.id, "erik_erased", "Erik Slettes");
    write_directly([&](store::Transaction& transaction) {
        EXPECT_TRUE(store::audit_subjects::destroy(transaction, user_subject(person.id), core::now()));
    });
    auto created = audit_events(institution, "user.created");
    ASSERT_FALSE(created.empty());
    EXPECT_EQ(created.front().after_json.find("Erik Slettes"), std::string::npos);
    EXPECT_NE(created.front().after_json.find(std::string(k_erased_value)), std::string::npos)
        << created.front().after_json;
    EXPECT_NE(created.front().after_json.find("active"), std::string::npos) << "what happened still shows";
    EXPECT_TRUE(chain_intact());
    // No new key is made for an erased person: a later event about them carries no value.
    write_directly([&](store::Transaction& transaction) {
        record_audit(transaction, Origin::system("test"),
                     {institution.id, "user.changed", "user", std::to_string(person.id), "{}",
                      json_object({{"name", "Erik Slettes"}})});
    });
    EXPECT_EQ(stored_trail().find("Erik Slettes"), std::string::npos);
    EXPECT_TRUE(chain_intact());
}

TEST_F(AuditPersonalTest, events_are_chained_at_the_commit_in_the_order_recorded_and_never_on_a_rollback)
{
    auto institution = add_institution("chain", "Styrelsen for Kæder", "33333333");
    auto count_in = [](store::Session& session) {
        long long count = 0;
        session.sql() << "SELECT COUNT(*) FROM audit_events WHERE action LIKE 'test.%'", soci::into(count);
        return count;
    };
    long long inside = -1;
    write_directly([&](store::Transaction& transaction) {
        record_audit(transaction, Origin::system("test"), {institution.id, "test.first", "test", "1"});
        record_audit(transaction, Origin::system("test"), {institution.id, "test.second", "test", "2"});
        // The transaction's own work runs before the chain is touched.
        inside = count_in(transaction);
    });
    EXPECT_EQ(inside, 0);
    auto first = audit_events(institution, "test.first");
    auto second = audit_events(institution, "test.second");
    ASSERT_EQ(first.size(), 1U);
    ASSERT_EQ(second.size(), 1U);
    EXPECT_LT(first.front().id, second.front().id) << "chained in the order recorded";
    EXPECT_EQ(second.front().previous_hash, first.front().hash);

    // A transaction that ends in an error, or in an exception, leaves nothing in the trail.
    auto refused = m_database->transact([&](store::Transaction& transaction) -> core::Status {
        record_audit(transaction, Origin::system("test"), {institution.id, "test.refused", "test", "3"});
        return core::Error::invalid("refused");
    });
    EXPECT_FALSE(refused.ok());
    EXPECT_THROW((void)m_database->transact([&](store::Transaction& transaction) -> core::Status {
        record_audit(transaction, Origin::system("test"), {institution.id, "test.thrown", "test", "4"});
        throw std::runtime_error("the work failed");
    }),
                 std::runtime_error);
    EXPECT_EQ(m_database->read([&](store::Session& session) { return count_in(session); }), 2);
    EXPECT_TRUE(chain_intact());

    // A step may add a step, which runs too; a step that fails rolls back the whole transaction.
    write_directly([&](store::Transaction& transaction) {
        transaction.before_commit([&](store::Transaction& last) {
            record_audit(last, Origin::system("test"), {institution.id, "test.from_a_step", "test", "5"});
        });
    });
    EXPECT_EQ(audit_events(institution, "test.from_a_step").size(), 1U);
    EXPECT_THROW((void)m_database->transact([&](store::Transaction& transaction) -> core::Status {
        record_audit(transaction, Origin::system("test"),
                     {institution.id, "test.before_a_failure", "test", "6"});
        transaction.before_commit([](store::Transaction&) { throw std::runtime_error("the step failed"); });
        return core::success();
    }),
                 std::runtime_error);
    EXPECT_EQ(m_database->read([&](store::Session& session) { return count_in(session); }), 3);
    EXPECT_TRUE(chain_intact());
}

TEST_F(AuditPersonalTest, the_retention_job_erases_an_account_deactivated_long_ago)
{
    auto institution = add_institution("ended", "Styrelsen for Ophør", "33333333");
    auto person = add_person(actor(institution.superbruger.id), institution.id, "olga_ended", "Olga Ophørt");
    auto recent = add_person(actor(institution.superbruger.id), institution.id, "rita_recent", "Rita Ny");
    write_directly([&](store::Transaction& transaction) {
        soci::session& sql = transaction;
        long long long_ago = core::now() - 400LL * 86400, id = person.id, recent_id = recent.id;
        sql << "UPDATE users SET status = 'deactivated', status_changed_at = :at WHERE id = :id",
            soci::use(long_ago), soci::use(id);
        sql << "UPDATE users SET status = 'deactivated', status_changed_at = :at WHERE id = :id",
            soci::use(core::now()), soci::use(recent_id);
    });
    Retention retention(*m_database);
    EXPECT_EQ(retention.run(core::now()).users, 1);
    EXPECT_EQ(retention.run(core::now()).users, 0) << "erased once";
    auto names = m_database->read([](store::Session& session) {
        std::vector<std::string> found;
        soci::session& sql = session;
        soci::rowset<std::string> rows =
            (sql.prepare << "SELECT name || ' ' || email FROM users ORDER BY id");
        for (const auto& row : rows)
            found.push_back(row);
        return found;
    });
    std::string all;
    for (const auto& name : names)
        all += name + "\n";
    EXPECT_EQ(all.find("Olga"), std::string::npos) << all;
    EXPECT_EQ(all.find("olga_ended"), std::string::npos) << all;
    EXPECT_NE(all.find("Rita Ny"), std::string::npos) << "deactivated only now: kept";
    EXPECT_EQ(stored_trail().find("Olga"), std::string::npos);
    auto created = audit_events(institution, "user.created");
    std::string opened;
    for (const auto& event : created)
        opened += event.after_json;
    EXPECT_EQ(opened.find("Olga"), std::string::npos);
    EXPECT_NE(opened.find("Rita Ny"), std::string::npos);
    EXPECT_FALSE(audit_events(institution, "user.erased").empty());
    EXPECT_TRUE(chain_intact());
}

TEST_F(AuditPersonalTest, events_written_before_sealing_are_sealed_once_and_the_chain_still_verifies)
{
    auto institution = add_institution("legacy", "Styrelsen for Gamle Hændelser", "44444444");
    // An event as written before sealing existed: the name in the clear, appended without sealing.
    write_directly([&](store::Transaction& transaction) {
        domain::AuditEventRecord event;
        event.occurred_at = core::now();
        event.actor_user_id = institution.superbruger.id;
        event.actor_name = "Gamle Gerda";
        event.institution_id = institution.id;
        event.action = "user.created";
        event.object_type = "user";
        event.object_id = std::to_string(institution.superbruger.id);
        event.after_json = R"({"email":"gamle.gerda@example.test","name":"Gamle Gerda","status":"active"})";
        event.ip = "192.0.2.44";
        store::audit_events::append(transaction, transaction.dialect(), transaction.secret_key().audit_key(),
                                    event);
        soci::session& sql = transaction;
        sql << "UPDATE audit_sealing SET sealed_at = NULL, sealed_through = NULL WHERE id = 1";
    });
    ASSERT_TRUE(chain_intact());
    ASSERT_NE(stored_trail().find("Gamle Gerda"), std::string::npos);
    auto sealed = seal_existing_audit_events(*m_database);
    ASSERT_TRUE(sealed.ok());
    EXPECT_TRUE(sealed->done_now);
    EXPECT_GE(sealed->events_changed, 1);
    auto trail = stored_trail();
    EXPECT_EQ(trail.find("Gamle Gerda"), std::string::npos);
    EXPECT_EQ(trail.find("gamle.gerda@example.test"), std::string::npos);
    EXPECT_EQ(trail.find("192.0.2.44"), std::string::npos);
    EXPECT_TRUE(chain_intact());
    EXPECT_FALSE(audit_events(institution, "").empty());
    auto again = seal_existing_audit_events(*m_database);
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(again->done_now) << "sealing happens once";
    // The trail is append-only again.
    EXPECT_ANY_THROW((void)m_database->transact([](store::Transaction& transaction) -> core::Status {
        soci::session& sql = transaction;
        sql << "UPDATE audit_events SET actor_name = 'x' WHERE id = 1";
        return core::success();
    }));
}

} // namespace
} // namespace rekrut::services
