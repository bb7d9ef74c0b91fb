#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "core/crypto.hpp"
#include "services/audit_anchor.hpp"
#include "services/audit_log.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace rekrut::services {
namespace {

namespace fs = std::filesystem;

/// A migrated SQLite database and an anchor file in a temporary folder.
struct AuditAnchorFixture : ::testing::Test {
    fs::path dir = fs::path(::testing::TempDir()) / ("rekrut_audit_anchor_" + core::random_hex(6));
    std::unique_ptr<store::Database> database;
    std::string anchor_file;

    void SetUp() override
    {
        core::init_crypto();
        fs::create_directories(dir);
        anchor_file = (dir / "anchor.log").string();
        database = store::Database::open("sqlite:" + (dir / "test.db").string(), 1);
        database->set_secret_key(core::SecretKey::random());
        auto migrated = store::migrate(*database, store::read_migrations(REKRUT_MIGRATIONS_DIR, true));
        ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    }
    void TearDown() override
    {
        database.reset();
        fs::remove_all(dir);
    }

    void record(const std::string& action)
    {
        auto done = database->transact([&](store::Transaction& transaction) -> core::Status {
            record_audit(transaction, Origin::system("test"),
                         {std::nullopt, action, "test", "1", "{}", "{}"});
            return core::success();
        });
        ASSERT_TRUE(done.ok());
    }

    void remove_newest_event()
    {
        (void)database->transact([](store::Transaction& transaction) -> core::Status {
            soci::session& sql = transaction;
            // What someone with the database role can do: drop the guard, then cut the tail.
            sql << "DROP TRIGGER IF EXISTS audit_events_no_delete";
            sql << "DELETE FROM audit_events WHERE id = (SELECT MAX(id) FROM audit_events)";
            return core::success();
        });
    }
};

TEST_F(AuditAnchorFixture, marks_the_head_only_when_it_moved)
{
    AuditAnchor anchor(*database, anchor_file);
    auto empty = anchor.mark();
    ASSERT_TRUE(empty.ok());
    EXPECT_FALSE(*empty) << "an empty trail has no head to anchor";

    record("first");
    record("second");
    EXPECT_TRUE(*anchor.mark());
    EXPECT_FALSE(*anchor.mark()) << "nothing happened since the last mark";
    record("third");
    EXPECT_TRUE(*anchor.mark());

    auto latest = latest_anchor(anchor_file);
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->sequence, 3);
    EXPECT_EQ(latest->hash.size(), 64u);
    EXPECT_EQ(anchor_problem(*database, *latest), "");
    EXPECT_EQ(fs::status(anchor_file).permissions() & fs::perms::others_read, fs::perms::none);
}

TEST_F(AuditAnchorFixture, a_chain_that_ends_before_the_anchor_is_reported)
{
    record("first");
    record("second");
    AuditAnchor anchor(*database, anchor_file);
    ASSERT_TRUE(*anchor.mark());
    remove_newest_event();

    auto latest = latest_anchor(anchor_file);
    ASSERT_TRUE(latest);
    auto problem = anchor_problem(*database, *latest);
    EXPECT_NE(problem.find("no longer holds"), std::string::npos) << problem;

    // The same rows written again hash differently (time, chain key): still caught.
    record("second again");
    problem = anchor_problem(*database, *latest);
    EXPECT_NE(problem.find("another hash"), std::string::npos) << problem;
}

TEST_F(AuditAnchorFixture, the_latest_readable_line_counts_and_junk_is_skipped)
{
    std::string hash(64, 'a');
    {
        std::ofstream file(anchor_file);
        file << anchor_line({4, hash, 1000}) << "garbage line\n"
             << "Nov 30 10:00:00 host rekrut[1]: " << anchor_line({9, std::string(64, 'b'), 2000})
             << "rekrut-audit-anchor v1 at=3000 sequence=12 hash=not-hex\n";
    }
    auto latest = latest_anchor(anchor_file);
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->sequence, 9) << "a line copied from the system log parses; a malformed one does not";
    EXPECT_EQ(latest->at, 2000);
    EXPECT_FALSE(latest_anchor((dir / "missing.log").string()));
    EXPECT_FALSE(parse_anchor_line("rekrut-audit-anchor v1 at=1 sequence=0 hash=" + hash));
    EXPECT_FALSE(parse_anchor_line("rekrut-audit-anchor v1 at=1 sequence=-3 hash=" + hash));
}

TEST_F(AuditAnchorFixture, an_unwritable_destination_is_an_error_not_a_crash)
{
    record("first");
    AuditAnchor anchor(*database, (dir / "no-such-folder" / "anchor.log").string());
    auto marked = anchor.mark();
    ASSERT_FALSE(marked.ok());
    EXPECT_EQ(marked.error().kind, core::ErrorKind::unavailable);
}

} // namespace
} // namespace rekrut::services
