#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <thread>

#include "core/crypto.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/installation_key_store.hpp"
#include "store/migrations.hpp"

// The installation key's fingerprint on a migrated SQLite database and, when REKRUT_TEST_POSTGRES_URL
// names one, on PostgreSQL: the first key is recorded, the same key matches, another key differs, and
// processes starting at once with different keys end with one fingerprint. All of it is one test per
// dialect, since the PostgreSQL database is shared by the tests that run at once and holds one row.

namespace rekrut::store {
namespace {
namespace fs = std::filesystem;

using installation_key::Verdict;

struct InstallationKeyTest : ::testing::TestWithParam<Dialect> {
    fs::path dir;
    std::string url;

    void SetUp() override
    {
        core::init_crypto();
        if (GetParam() == Dialect::sqlite) {
            dir = fs::path(::testing::TempDir()) / ("rekrut_installation_key_" + core::random_hex(6));
            fs::create_directories(dir);
            url = "sqlite:" + (dir / "test.db").string();
        } else {
            const char* postgres = std::getenv("REKRUT_TEST_POSTGRES_URL");
            if (postgres == nullptr || *postgres == '\0')
                GTEST_SKIP() << "REKRUT_TEST_POSTGRES_URL is not set";
            url = postgres;
        }
    }
    void TearDown() override
    {
        if (!dir.empty())
            fs::remove_all(dir);
    }
    std::unique_ptr<Database> open(const core::SecretKey& key) const
    {
        auto database = Database::open(url, 1);
        database->set_secret_key(key);
        return database;
    }
    static void migrate_all(Database& database)
    {
        auto migrated =
            migrate(database, read_migrations(REKRUT_MIGRATIONS_DIR, database.dialect() == Dialect::sqlite));
        ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    }
    static void forget_recorded_key(Database& database)
    {
        auto done = database.transact([](Transaction& transaction) {
            transaction.sql() << "DELETE FROM installation_key";
            return core::success();
        });
        ASSERT_TRUE(done.ok());
    }
};

TEST_P(InstallationKeyTest, first_key_is_recorded_once_and_another_key_is_refused)
{
    const auto first_key = core::SecretKey::random();
    const auto other_key = core::SecretKey::random();
    auto database = open(first_key);
    if (GetParam() == Dialect::sqlite) { // a new file; the PostgreSQL database may be migrated already
        EXPECT_EQ(installation_key::check_or_record(*database).verdict, Verdict::not_migrated);
    }
    migrate_all(*database);
    forget_recorded_key(*database);

    auto first = installation_key::check_or_record(*database);
    EXPECT_EQ(first.verdict, Verdict::recorded_now);
    EXPECT_EQ(first.recorded_fingerprint, first_key.fingerprint());
    EXPECT_EQ(installation_key::check_or_record(*database).verdict, Verdict::matches);

    auto other = installation_key::check_or_record(*open(other_key));
    EXPECT_EQ(other.verdict, Verdict::differs);
    EXPECT_EQ(other.recorded_fingerprint, first_key.fingerprint());
    EXPECT_EQ(installation_key::recorded_fingerprint(*database), first_key.fingerprint())
        << "a refused key leaves the record as it was";

    // Processes with keys of their own starting at once on a database without a record.
    forget_recorded_key(*database);
    constexpr int k_nodes = 6;
    std::vector<core::SecretKey> keys;
    std::vector<std::unique_ptr<Database>> nodes;
    keys.reserve(k_nodes);
    nodes.reserve(k_nodes);
    for (int index = 0; index < k_nodes; ++index) {
        keys.push_back(core::SecretKey::random());
        nodes.push_back(open(keys.back()));
    }
    std::vector<installation_key::Check> checks(k_nodes);
    std::atomic<int> ready{0};
    std::vector<std::thread> starts;
    starts.reserve(k_nodes);
    for (int index = 0; index < k_nodes; ++index)
        starts.emplace_back([&, index] {
            ready.fetch_add(1);
            while (ready.load() < k_nodes)
                std::this_thread::yield();
            checks[index] = installation_key::check_or_record(*nodes[index]);
        });
    for (auto& start : starts)
        start.join();
    const std::string winner = installation_key::recorded_fingerprint(*database);
    int recorded = 0;
    for (int index = 0; index < k_nodes; ++index) {
        EXPECT_EQ(checks[index].recorded_fingerprint, winner);
        if (checks[index].verdict == Verdict::recorded_now) {
            ++recorded;
            EXPECT_EQ(keys[index].fingerprint(), winner);
        } else {
            EXPECT_EQ(checks[index].verdict, Verdict::differs);
        }
    }
    EXPECT_EQ(recorded, 1);
}

INSTANTIATE_TEST_SUITE_P(Dialects, InstallationKeyTest,
                         ::testing::Values(Dialect::sqlite, Dialect::postgresql), [](const auto& info) {
                             return std::string(info.param == Dialect::sqlite ? "sqlite" : "postgresql");
                         });

TEST(InstallationKeyUpgradeTest, only_a_key_that_opens_the_existing_data_is_recorded)
{
    core::init_crypto();
    fs::path dir =
        fs::path(::testing::TempDir()) / ("rekrut_installation_key_upgrade_" + core::random_hex(6));
    fs::create_directories(dir);
    const auto key = core::SecretKey::random();
    const auto other_key = core::SecretKey::random();
    {
        auto database = Database::open("sqlite:" + (dir / "test.db").string(), 1);
        database->set_secret_key(key);
        ASSERT_TRUE(migrate(*database, read_migrations(REKRUT_MIGRATIONS_DIR, true)).ok());
        // An audit trail written before the fingerprint was recorded.
        auto written = database->transact([&](Transaction& transaction) {
            AuditEventRecord event;
            event.occurred_at = 1;
            event.actor_name = "command line";
            event.action = "institution.created";
            event.object_type = "institution";
            event.object_id = "1";
            audit_events::append(transaction, Dialect::sqlite, key.audit_key(), event);
            return core::success();
        });
        ASSERT_TRUE(written.ok());

        database->set_secret_key(other_key);
        EXPECT_EQ(installation_key::check_or_record(*database).verdict, Verdict::opens_no_data);
        EXPECT_EQ(installation_key::recorded_fingerprint(*database), "") << "nothing is recorded for it";
        database->set_secret_key(key);
        EXPECT_EQ(installation_key::check_or_record(*database).verdict, Verdict::recorded_now);
        EXPECT_EQ(installation_key::recorded_fingerprint(*database), key.fingerprint());
    }
    fs::remove_all(dir);
}

} // namespace
} // namespace rekrut::store
