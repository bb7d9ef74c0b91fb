#include <filesystem>
#include <fstream>
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

TEST(BackupProgramCall, the_password_leaves_the_command_line)
{
    auto call =
        backup::postgresql_program_call("/usr/bin/pg_dump", {"--format=custom"},
                                        "postgresql://rekrut:s%40cret:pw@db.example.test:5432/rekrut");
    EXPECT_EQ(call.password, "s@cret:pw");
    EXPECT_EQ(call.arguments,
              (std::vector<std::string>{"/usr/bin/pg_dump",
                                        "--dbname=postgresql://rekrut@db.example.test:5432/rekrut",
                                        "--format=custom"}));

    auto option = backup::postgresql_program_call(
        "pg_restore", {},
        "postgresql://rekrut@127.0.0.1/rekrut?sslmode=require&password=hemmelig&connect_timeout=5");
    EXPECT_EQ(option.password, "hemmelig");
    EXPECT_EQ(option.arguments.back(),
              "--dbname=postgresql://rekrut@127.0.0.1/rekrut?sslmode=require&connect_timeout=5");

    auto none = backup::postgresql_program_call("pg_dump", {}, "postgresql://postgres@127.0.0.1:5432/rekrut");
    EXPECT_EQ(none.password, "");
    EXPECT_EQ(none.arguments.back(), "--dbname=postgresql://postgres@127.0.0.1:5432/rekrut");

    EXPECT_EQ(backup::password_file_line("a:b\\c"), "*:*:*:*:a\\:b\\\\c");
}

TEST_F(BackupStoreTest, a_program_gets_the_password_from_a_private_file_removed_after)
{
    // A stand-in for pg_restore records its command line, its password file and that file's mode.
    const auto script = dir / "fake_pg_restore";
    const auto record = dir / "record.txt";
    {
        std::ofstream out(script);
        out << "#!/bin/sh\n"
            << "{ echo \"ARGS $*\"; echo \"FILE $PGPASSFILE\"; echo \"MODE $(stat -c %a \"$PGPASSFILE\")\";"
            << " echo \"LINE $(cat \"$PGPASSFILE\")\"; } > '" << record.string() << "'\n";
    }
    fs::permissions(script, fs::perms::owner_all);
    auto restored = backup::restore_postgresql(script.string(), "postgresql://rekrut:topsecret@127.0.0.1:1/x",
                                               (dir / "dump").string());
    ASSERT_TRUE(restored.ok()) << restored.error().message;
    std::ifstream in(record);
    std::string args, file, mode, line;
    std::getline(in, args);
    std::getline(in, file);
    std::getline(in, mode);
    std::getline(in, line);
    EXPECT_EQ(args.find("topsecret"), std::string::npos) << args;
    EXPECT_NE(args.find("--dbname=postgresql://rekrut@127.0.0.1:1/x"), std::string::npos) << args;
    EXPECT_EQ(mode, "MODE 600");
    EXPECT_EQ(line, "LINE *:*:*:*:topsecret");
    ASSERT_GT(file.size(), 5u);
    EXPECT_FALSE(fs::exists(file.substr(5))) << "the password file is removed after the run";
}

} // namespace
} // namespace rekrut::store
