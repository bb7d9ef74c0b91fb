#include <filesystem>
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "core/crypto.hpp"
#include "store/backup_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

// The store's part of backups on a migrated SQLite database: one node claims a scheduled backup's
// slot, an online copy holds the same rows as the original, and a copy's facts describe it.

namespace rekrut::store {
namespace {
namespace fs = std::filesystem;

struct BackupStoreTest : ::testing::Test {
    fs::path dir;
    std::unique_ptr<Database> database;

    void SetUp() override
    {
        core::init_crypto();
        dir = fs::path(::testing::TempDir()) / ("rekrut_backup_store_" + core::random_hex(6));
        fs::create_directories(dir);
        database = Database::open("sqlite:" + (dir / "test.db").string(), 2);
        auto migrated = migrate(*database, read_migrations(REKRUT_MIGRATIONS_DIR, true));
        ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    }
    void TearDown() override
    {
        database.reset();
        fs::remove_all(dir);
    }
};

TEST_F(BackupStoreTest, one_node_claims_a_slot)
{
    EXPECT_TRUE(backup::claim_backup_slot(*database, 3600, "node-a:1"));
    EXPECT_FALSE(backup::claim_backup_slot(*database, 3600, "node-b:2"));
    EXPECT_TRUE(backup::claim_backup_slot(*database, 7200, "node-b:2"));
    EXPECT_FALSE(backup::claim_backup_slot(*database, 7200, "node-a:1"));
}

TEST_F(BackupStoreTest, online_copy_has_the_same_facts)
{
    ASSERT_TRUE(backup::claim_backup_slot(*database, 3600, "node-a:1"));
    auto original = database->read([](Session& session) { return backup::read_facts(session); });
    const auto copy_path = (dir / "copy.db").string();
    ASSERT_TRUE(backup::copy_sqlite((dir / "test.db").string(), copy_path).ok());
    auto copy = Database::open("sqlite:" + copy_path, 1);
    auto copied = copy->read([](Session& session) { return backup::read_facts(session); });
    EXPECT_EQ(copied.schema_version, original.schema_version);
    EXPECT_GT(copied.schema_version, 0);
    EXPECT_EQ(copied.row_counts, original.row_counts);
    bool found = false;
    for (const auto& [table, rows] : copied.row_counts)
        if (table == "backup_runs") {
            found = true;
            EXPECT_EQ(rows, 1);
        }
    EXPECT_TRUE(found);
    EXPECT_FALSE(backup::is_empty(*copy));
}

TEST_F(BackupStoreTest, copy_of_a_missing_database_is_an_error)
{
    EXPECT_FALSE(backup::copy_sqlite((dir / "absent.db").string(), (dir / "copy.db").string()).ok());
}

} // namespace
} // namespace rekrut::store
