#include <filesystem>
#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "store/database.hpp"
#include "store/prepared_statements.hpp"

namespace rekrut::store {
namespace {

namespace fs = std::filesystem;

/// A group with one statement that reads the first of several rows, so a run leaves rows unread.
struct FirstPerson {
    static inline int prepared = 0;
    static inline int destroyed = 0;
    long long id = 0;
    KeptStatement statement;

    explicit FirstPerson(soci::session& sql)
        : statement(sql, (sql.prepare << "SELECT id FROM people ORDER BY id", soci::into(id)))
    {
        ++prepared;
    }
    ~FirstPerson() { ++destroyed; }
};

/// A group that reads every row.
struct EveryPerson {
    long long after = 0;
    long long id = 0;
    KeptStatement statement;

    explicit EveryPerson(soci::session& sql)
        : statement(sql, (sql.prepare << "SELECT id FROM people WHERE id > :after ORDER BY id",
                          soci::use(after), soci::into(id)))
    {
    }
};

/// A group kept once per query text: the people above a bound id, in the order the text names.
struct PeopleInOrder {
    static inline int prepared = 0;
    static inline int destroyed = 0;
    long long after = 0;
    long long id = 0;
    KeptStatement statement;

    PeopleInOrder(soci::session& sql, const std::string& direction)
        : statement(sql, (sql.prepare << "SELECT id FROM people WHERE id > :after ORDER BY id " + direction,
                          soci::use(after), soci::into(id)))
    {
        ++prepared;
    }
    ~PeopleInOrder() { ++destroyed; }
};

std::string people_in_order_text(const std::string& direction)
{
    return "people " + direction;
}

struct KeptStatementsFixture : ::testing::Test {
    fs::path dir = fs::path(::testing::TempDir()) / ("rekrut_kept_" + core::random_hex(6));
    std::unique_ptr<Database> database;

    void SetUp() override
    {
        core::init_crypto();
        fs::create_directories(dir);
        FirstPerson::prepared = 0;
        FirstPerson::destroyed = 0;
        PeopleInOrder::prepared = 0;
        PeopleInOrder::destroyed = 0;
        database = Database::open("sqlite:" + (dir / "test.db").string(), 2);
        database->read([&](Session& session) {
            database->execute_script(session, "CREATE TABLE people (id INTEGER PRIMARY KEY);"
                                              "INSERT INTO people (id) VALUES (1), (2);");
        });
    }
    void TearDown() override
    {
        database.reset();
        fs::remove_all(dir);
    }

    long long count_people(soci::session& sql)
    {
        long long count = 0;
        sql << "SELECT COUNT(*) FROM people", soci::into(count);
        return count;
    }
};

} // namespace

TEST_F(KeptStatementsFixture, a_group_is_prepared_once_per_session_and_runs_again)
{
    for (int round = 0; round < 3; ++round) {
        database->read([&](Session& first) {
            auto& group = kept_statements<FirstPerson>(first);
            ASSERT_TRUE(group.statement.first_row());
            EXPECT_EQ(group.id, 1);
            // A second session, leased while the first is held, keeps a group of its own.
            database->read([&](Session& second) {
                auto& other = kept_statements<FirstPerson>(second);
                EXPECT_NE(&other, &group);
                EXPECT_TRUE(other.statement.first_row());
            });
        });
    }
    EXPECT_EQ(FirstPerson::prepared, 2);
}

TEST_F(KeptStatementsFixture, a_run_sees_the_values_bound_then)
{
    database->read([&](Session& session) {
        auto& group = kept_statements<EveryPerson>(session);
        std::vector<long long> found;
        group.after = 0;
        group.statement.each_row([&] { found.push_back(group.id); });
        EXPECT_EQ(found, (std::vector<long long>{1, 2}));
        found.clear();
        group.after = 1;
        group.statement.each_row([&] { found.push_back(group.id); });
        EXPECT_EQ(found, (std::vector<long long>{2}));
    });
}

TEST_F(KeptStatementsFixture, a_keyed_group_is_prepared_once_per_text)
{
    database->read([&](Session& session) {
        auto read = [&](const std::string& direction) {
            auto& group = kept_statements<PeopleInOrder>(session, people_in_order_text(direction), direction);
            std::vector<long long> found;
            group.after = 0;
            group.statement.each_row([&] { found.push_back(group.id); });
            return found;
        };
        for (int round = 0; round < 3; ++round) {
            EXPECT_EQ(read("ASC"), (std::vector<long long>{1, 2}));
            EXPECT_EQ(read("DESC"), (std::vector<long long>{2, 1}));
        }
        EXPECT_EQ(PeopleInOrder::prepared, 2);
        EXPECT_EQ(PeopleInOrder::destroyed, 0);
    });
}

TEST_F(KeptStatementsFixture, a_session_keeps_a_bounded_number_of_texts_and_drops_the_oldest)
{
    database->read([&](Session& session) {
        auto run = [&](std::size_t text) {
            auto& group = kept_statements<PeopleInOrder>(session, "text " + std::to_string(text), "ASC");
            group.after = 1;
            EXPECT_TRUE(group.statement.first_row());
            EXPECT_EQ(group.id, 2);
        };
        for (std::size_t text = 0; text < k_kept_texts_per_group; ++text)
            run(text);
        EXPECT_EQ(PeopleInOrder::destroyed, 0);
        run(k_kept_texts_per_group); // one more text: the first one is dropped
        EXPECT_EQ(PeopleInOrder::destroyed, 1);
        run(1); // still kept
        EXPECT_EQ(PeopleInOrder::prepared, static_cast<int>(k_kept_texts_per_group) + 1);
        run(0); // prepared again, dropping text 1
        EXPECT_EQ(PeopleInOrder::prepared, static_cast<int>(k_kept_texts_per_group) + 2);
        EXPECT_EQ(PeopleInOrder::destroyed, 2);
        // A group kept once per session is not counted against the texts.
        EXPECT_TRUE(kept_statements<FirstPerson>(session).statement.first_row());
        EXPECT_EQ(PeopleInOrder::destroyed, 2);
    });
}

TEST_F(KeptStatementsFixture, a_run_that_leaves_rows_unread_keeps_no_old_snapshot)
{
    database->read([&](Session& reader) {
        ASSERT_TRUE(kept_statements<FirstPerson>(reader).statement.first_row());
        (void)database->transact([&](Transaction& writer) -> core::Status {
            writer.sql() << "INSERT INTO people (id) VALUES (3)";
            return core::success();
        });
        // Had the first run been left open, the reader's connection would still read the database as
        // it was before the insert.
        EXPECT_EQ(count_people(reader), 3);
    });
}

TEST_F(KeptStatementsFixture, closing_the_database_finalizes_the_statements_before_the_connections)
{
    std::size_t before = sessions_with_kept_statements();
    database->read([&](Session& session) { kept_statements<FirstPerson>(session).statement.first_row(); });
    EXPECT_EQ(sessions_with_kept_statements(), before + 1);
    database.reset();
    EXPECT_EQ(FirstPerson::destroyed, 1);
    EXPECT_EQ(sessions_with_kept_statements(), before);
    // SQLite removes the write-ahead log when the last connection closes; a connection with unfinalized
    // statements would have stayed open.
    EXPECT_FALSE(fs::exists(dir / "test.db-wal"));
}

} // namespace rekrut::store
