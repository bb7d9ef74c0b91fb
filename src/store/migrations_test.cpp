#include <atomic>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <thread>

#include "core/crypto.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace rekrut::store {
namespace {
namespace fs = std::filesystem;

struct MigrationsFixture : ::testing::Test {
    fs::path dir = fs::path(::testing::TempDir()) / ("rekrut_migrations_" + rekrut::core::random_hex(6));
    void SetUp() override
    {
        rekrut::core::init_crypto();
        fs::create_directories(dir / "sql");
        write("0001_people.sql", "CREATE TABLE people (id {{id}}, name TEXT NOT NULL);\nCREATE INDEX "
                                 "people_name ON people(name);\n");
    }
    void TearDown() override { fs::remove_all(dir); }
    void write(const std::string& name, const std::string& sql) { std::ofstream(dir / "sql" / name) << sql; }
    std::unique_ptr<Database> open() { return Database::open("sqlite:" + (dir / "test.db").string(), 1); }
};

TEST_F(MigrationsFixture, applies_pending_migrations_once_in_order)
{
    write("0002_more.sql", "ALTER TABLE people ADD COLUMN email TEXT;");
    auto database = open();
    auto migrations = read_migrations((dir / "sql").string(), true);
    ASSERT_EQ(migrations.size(), 2u);
    auto first = migrate(*database, migrations);
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_EQ(first->applied, (std::vector<std::string>{"0001_people", "0002_more"}));
    auto second = migrate(*database, migrations);
    ASSERT_TRUE(second.ok());
    EXPECT_TRUE(second->applied.empty());
    EXPECT_TRUE(migrations_current(*database, migrations));
}

TEST_F(MigrationsFixture, changed_applied_migration_is_refused_by_name)
{
    auto database = open();
    ASSERT_TRUE(migrate(*database, read_migrations((dir / "sql").string(), true)).ok());
    write("0001_people.sql", "CREATE TABLE people (id {{id}}, name TEXT);\n");
    write("0002_more.sql", "CREATE TABLE pets (id {{id}});");
    auto changed = read_migrations((dir / "sql").string(), true);
    auto refused = migrate(*database, changed);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("0001_people was changed"), std::string::npos)
        << refused.error().message;
    EXPECT_FALSE(migrations_current(*database, changed));
    bool pets_exists = database->read([&](Session& session) {
        int count = 0;
        session.sql() << "SELECT COUNT(*) FROM sqlite_master WHERE name = 'pets'", soci::into(count);
        return count > 0;
    });
    EXPECT_FALSE(pets_exists) << "nothing after a refusal is applied";
}

TEST_F(MigrationsFixture, failing_migration_rolls_back_and_is_not_recorded)
{
    write("0002_broken.sql", "CREATE TABLE ok_table (id {{id}});\nTHIS IS NOT SQL;");
    auto database = open();
    auto result = migrate(*database, read_migrations((dir / "sql").string(), true));
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("0002_broken failed"), std::string::npos);
    int count = database->read([&](Session& session) {
        int tables = -1;
        session.sql() << "SELECT COUNT(*) FROM sqlite_master WHERE name = 'ok_table'", soci::into(tables);
        return tables;
    });
    EXPECT_EQ(count, 0);
}

TEST_F(MigrationsFixture, processes_migrating_one_file_at_once_both_succeed_and_apply_each_once)
{
    for (int version = 2; version <= 80; ++version) {
        std::string number = std::to_string(version);
        write(std::string(4 - number.size(), '0') + number + "_table.sql",
              "CREATE TABLE table_" + number + " (id {{id}});");
    }
    auto migrations = read_migrations((dir / "sql").string(), true);
    // Two processes are two Databases with sessions of their own on the same file.
    auto first = open();
    auto second = open();
    std::optional<core::Result<MigrationReport>> first_report, second_report;
    std::atomic<int> ready{0};
    auto start_together = [&ready] {
        ready.fetch_add(1);
        while (ready.load() < 2)
            std::this_thread::yield();
    };
    std::thread other([&] {
        start_together();
        second_report.emplace(migrate(*second, migrations));
    });
    start_together();
    first_report.emplace(migrate(*first, migrations));
    other.join();
    ASSERT_TRUE(first_report->ok()) << first_report->error().message;
    ASSERT_TRUE(second_report->ok()) << second_report->error().message;
    EXPECT_EQ((*first_report)->applied.size() + (*second_report)->applied.size(), migrations.size())
        << "each migration is reported by the process that applied it";
    EXPECT_TRUE(migrations_current(*first, migrations));
}

} // namespace
} // namespace rekrut::store
