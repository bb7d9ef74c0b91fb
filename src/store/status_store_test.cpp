#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "core/crypto.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/status_store.hpp"

// The kept monthly availability figures and the pruning of samples on SQLite and, when
// REKRUT_TEST_POSTGRES_URL names a database, on PostgreSQL (a shared database: the minutes and the
// month are chosen at random, far from any real ones).

namespace rekrut::store {
namespace {
namespace fs = std::filesystem;

struct StatusStoreTest : ::testing::TestWithParam<Dialect> {
    fs::path dir;
    std::unique_ptr<Database> database;

    void SetUp() override
    {
        core::init_crypto();
        std::string url;
        const bool sqlite = GetParam() == Dialect::sqlite;
        if (sqlite) {
            dir = fs::path(::testing::TempDir()) / ("rekrut_status_store_" + core::random_hex(6));
            fs::create_directories(dir);
            url = "sqlite:" + (dir / "test.db").string();
        } else {
            const char* postgres = std::getenv("REKRUT_TEST_POSTGRES_URL");
            if (postgres == nullptr || *postgres == '\0')
                GTEST_SKIP() << "REKRUT_TEST_POSTGRES_URL is not set";
            url = postgres;
        }
        database = Database::open(url, 2);
        auto migrated = migrate(*database, read_migrations(REKRUT_MIGRATIONS_DIR, sqlite));
        ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    }
    void TearDown() override
    {
        database.reset();
        if (!dir.empty())
            fs::remove_all(dir);
    }
};

TEST_P(StatusStoreTest, a_kept_month_reads_back_once_and_pruning_spares_one_minute)
{
    const std::int64_t base =
        2'000'000'000 + static_cast<std::int64_t>(std::stoul(core::random_hex(3), nullptr, 16)) * 100;
    const int year = 3000 + static_cast<int>(std::stoul(core::random_hex(2), nullptr, 16));
    domain::MonthAvailability figures;
    figures.year = year;
    figures.month = 7;
    figures.service_minutes = 9900;
    figures.window_minutes = 120;
    figures.not_measured = 30;
    figures.up_minutes = 9700;
    figures.down_minutes = 50;

    auto kept_first = database->transact([&](Transaction& transaction) -> core::Result<bool> {
        for (std::int64_t minute = base; minute < base + 10; ++minute)
            status::record_sample(transaction, minute, minute % 2 == 0);
        return status::keep_month(transaction, figures, 1000);
    });
    ASSERT_TRUE(kept_first.ok());
    EXPECT_TRUE(*kept_first);
    figures.up_minutes = 1;
    auto kept_again = database->transact([&](Transaction& transaction) -> core::Result<bool> {
        return status::keep_month(transaction, figures, 2000);
    });
    EXPECT_FALSE(*kept_again) << "a month is kept once";

    auto read = database->read([&](Session& session) { return status::kept_month(session, year, 7); });
    ASSERT_TRUE(read.has_value());
    EXPECT_EQ(read->year, year);
    EXPECT_EQ(read->month, 7u);
    EXPECT_EQ(read->service_minutes, 9900);
    EXPECT_EQ(read->window_minutes, 120);
    EXPECT_EQ(read->not_measured, 30);
    EXPECT_EQ(read->up_minutes, 9700);
    EXPECT_EQ(read->down_minutes, 50);
    ASSERT_TRUE(read->percent.has_value());
    EXPECT_DOUBLE_EQ(*read->percent, 100.0 * 9700 / 9750);
    EXPECT_FALSE(database->read([&](Session& session) { return status::kept_month(session, year, 8); }))
        << "another month is not kept";

    auto deleted = database->transact([&](Transaction& transaction) -> core::Result<std::int64_t> {
        return status::delete_samples(transaction, base, base + 10, base + 3);
    });
    EXPECT_EQ(*deleted, 9);
    auto left =
        database->read([&](Session& session) { return status::samples(session, base - 10, base + 20); });
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left.begin()->first, base + 3);
    EXPECT_FALSE(left.begin()->second);
}

INSTANTIATE_TEST_SUITE_P(Dialects, StatusStoreTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql),
                         [](const ::testing::TestParamInfo<Dialect>& info) {
                             return info.param == Dialect::sqlite ? std::string("sqlite")
                                                                  : std::string("postgresql");
                         });

} // namespace
} // namespace rekrut::store
