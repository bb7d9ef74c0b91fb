#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "core/crypto.hpp"
#include "store/binary.hpp"
#include "store/database.hpp"

namespace rekrut::store {
namespace {
namespace fs = std::filesystem;

std::string every_byte_value()
{
    std::string bytes;
    for (int i = 0; i < 256; ++i)
        bytes.push_back(static_cast<char>(i));
    return bytes;
}

/// The values every backend must give back exactly.
std::vector<std::string> samples()
{
    return {"",
            std::string(1, '\0'),
            std::string("\0\0a\0", 4),
            every_byte_value(),
            every_byte_value() + every_byte_value().substr(0, 17) + std::string(3, '\0'),
            core::random_bytes(256 * 1024 + 17)};
}

/// Runs the round trips on one database; the table is the caller's (BLOB or BYTEA column `data`).
void expect_round_trips(Database& database, const std::string& table, const std::vector<std::string>& values)
{
    auto written = database.transact([&](Transaction& transaction) {
        soci::session& sql = transaction;
        for (std::size_t i = 0; i < values.size(); ++i) {
            int id = static_cast<int>(i);
            binary::Value value(transaction, values[i]);
            sql << "INSERT INTO " + table + " (id, data) VALUES (:id, " + value.sql("data") + ")",
                soci::use(id), value.use();
        }
        return core::success();
    });
    ASSERT_TRUE(written.ok());
    database.read([&](Session& session) {
        soci::session& sql = session;
        // One-shot statements.
        for (std::size_t i = 0; i < values.size(); ++i) {
            int id = static_cast<int>(i);
            binary::Column data(session);
            sql << "SELECT " + data.sql("data") + " FROM " + table + " WHERE id = :id", data.into(),
                soci::use(id);
            ASSERT_TRUE(sql.got_data());
            auto bytes = data.bytes();
            ASSERT_TRUE(bytes) << "value " << i;
            EXPECT_EQ(bytes->size(), values[i].size()) << "value " << i;
            EXPECT_TRUE(*bytes == values[i]) << "value " << i;
        }
        // Stored as bytes, not as text: the database itself sees the length.
        long long length = 0;
        int every = 3;
        sql << "SELECT length(data) FROM " + table + " WHERE id = :id", soci::into(length), soci::use(every);
        EXPECT_EQ(length, 256);
        // One prepared statement executed again for each row, as the file store reads chunks.
        int id = 0;
        binary::Column data(session);
        soci::statement statement(sql);
        statement.exchange(data.into());
        statement.exchange(soci::use(id));
        statement.alloc();
        statement.prepare("SELECT " + data.sql("data") + " FROM " + table + " WHERE id = :id");
        statement.define_and_bind();
        for (id = static_cast<int>(values.size()) - 1; id >= 0; --id) {
            ASSERT_TRUE(statement.execute(true));
            EXPECT_TRUE(data.bytes() == values[static_cast<std::size_t>(id)]) << "value " << id;
        }
        id = 999;
        EXPECT_FALSE(statement.execute(true));
        // NULL reads as nullopt.
        sql << "INSERT INTO " + table + " (id, data) VALUES (1000, NULL)";
        binary::Column null_data(session);
        sql << "SELECT " + null_data.sql("data") + " FROM " + table + " WHERE id = 1000", null_data.into();
        ASSERT_TRUE(sql.got_data());
        EXPECT_FALSE(null_data.bytes());
    });
}

/// The same values through insert_row and select_bytes (libpq's binary format on PostgreSQL), read
/// back both ways: rows written by one path are read by the other (`values` are those that
/// expect_round_trips wrote).
void expect_rows_round_trip(Database& database, const std::string& table,
                            const std::vector<std::string>& values)
{
    auto written = database.transact([&](Transaction& transaction) {
        for (std::size_t i = 0; i < values.size(); ++i)
            binary::insert_row(transaction, table, {{"id", 100 + static_cast<long long>(i)}}, "data",
                               values[i]);
        return core::success();
    });
    ASSERT_TRUE(written.ok());
    database.read([&](Session& session) {
        for (std::size_t i = 0; i < values.size(); ++i) {
            auto row =
                binary::select_bytes(session, table, "data", {{"id", 100 + static_cast<long long>(i)}});
            ASSERT_TRUE(row) << "value " << i;
            ASSERT_TRUE(*row) << "value " << i;
            EXPECT_TRUE(**row == values[i]) << "value " << i;
            // Written as bytes: the other path reads the same value, and the database sees its length.
            binary::Column data(session);
            int id = 100 + static_cast<int>(i);
            long long length = -1;
            session.sql() << "SELECT " + data.sql("data") + ", length(data) FROM " + table +
                                 " WHERE id = :id",
                data.into(), soci::into(length), soci::use(id);
            EXPECT_TRUE(data.bytes() == values[i]) << "value " << i;
            EXPECT_EQ(length, static_cast<long long>(values[i].size())) << "value " << i;
            // And rows written by binary::Value read the same through select_bytes.
            EXPECT_TRUE(binary::select_bytes(session, table, "data", {{"id", static_cast<long long>(i)}}) ==
                        std::optional<std::optional<std::string>>(values[i]))
                << "value " << i;
        }
        EXPECT_FALSE(binary::select_bytes(session, table, "data", {{"id", 999}})) << "no such row";
        auto null_row = binary::select_bytes(session, table, "data", {{"id", 1000}});
        ASSERT_TRUE(null_row);
        EXPECT_FALSE(*null_row) << "a NULL value";
    });
    // A failing statement throws as SOCI does, and its transaction changes nothing.
    auto duplicate = [&] {
        (void)database.transact([&](Transaction& transaction) {
            binary::insert_row(transaction, table, {{"id", 2000}}, "data", "first");
            binary::insert_row(transaction, table, {{"id", 100}}, "data", "again");
            return core::success();
        });
    };
    EXPECT_THROW(duplicate(), soci::soci_error);
    database.read([&](Session& session) {
        EXPECT_FALSE(binary::select_bytes(session, table, "data", {{"id", 2000}}));
        EXPECT_TRUE(binary::select_bytes(session, table, "data", {{"id", 100}}) ==
                    std::optional<std::optional<std::string>>(values[0]));
    });
}

TEST(BinaryTest, every_byte_value_round_trips_on_sqlite)
{
    ASSERT_TRUE(core::init_crypto());
    fs::path dir = fs::path(::testing::TempDir()) / ("rekrut_binary_" + core::random_hex(6));
    fs::create_directories(dir);
    {
        auto database = Database::open("sqlite:" + (dir / "test.db").string(), 1);
        database->read([](Session& session) {
            session.sql() << "CREATE TABLE bytes (id INTEGER PRIMARY KEY, data BLOB)";
        });
        auto values = samples();
        expect_round_trips(*database, "bytes", values);
        expect_rows_round_trip(*database, "bytes", values);
        database->read([](Session& session) {
            std::string type;
            session.sql() << "SELECT typeof(data) FROM bytes WHERE id = 1", soci::into(type);
            EXPECT_EQ(type, "blob");
            session.sql() << "SELECT typeof(data) FROM bytes WHERE id = 0", soci::into(type);
            EXPECT_EQ(type, "blob") << "the empty value is an empty BLOB, not NULL";
        });
    }
    fs::remove_all(dir);
}

TEST(BinaryTest, every_byte_value_round_trips_on_postgresql)
{
    const char* url = std::getenv("REKRUT_TEST_POSTGRES_URL");
    if (!url || !*url)
        GTEST_SKIP()
            << "set REKRUT_TEST_POSTGRES_URL (postgresql://user@host:port/database) to run this test";
    ASSERT_TRUE(core::init_crypto());
    auto database = Database::open(url, 1);
    std::string table = "rekrut_binary_test_" + core::random_hex(4);
    database->read([&](Session& session) {
        session.sql() << "CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, data BYTEA)";
    });
    auto values = samples();
    expect_round_trips(*database, table, values);
    expect_rows_round_trip(*database, table, values);
    database->read([&](Session& session) {
        std::string hex;
        session.sql() << "SELECT encode(data, 'hex') FROM " + table + " WHERE id = 2", soci::into(hex);
        EXPECT_EQ(hex, "00006100");
        session.sql() << "DROP TABLE " + table;
    });
}

} // namespace
} // namespace rekrut::store
