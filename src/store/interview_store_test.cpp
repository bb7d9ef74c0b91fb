#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <soci/soci.h>
#include <thread>

#include "core/crypto.hpp"
#include "store/database.hpp"
#include "store/interview_store.hpp"
#include "store/migrations.hpp"

// Bookings of interview slots on a migrated SQLite database and, when REKRUT_TEST_POSTGRES_URL names
// one, on PostgreSQL: many clients booking at the same instant never share a slot, an applicant
// never holds two slots of a round, a slot is found only through its round and institution, and a
// booking goes with its application.

namespace rekrut::store {
namespace {
namespace fs = std::filesystem;

constexpr int k_applications = 40;
constexpr int k_slots = 10;

struct InterviewStoreTest : ::testing::TestWithParam<Dialect> {
    fs::path dir;
    std::unique_ptr<Database> database;
    std::int64_t institution_id = 0;
    std::int64_t other_institution_id = 0;
    std::int64_t case_id = 0;
    std::int64_t user_id = 0;
    std::int64_t round_id = 0;
    std::int64_t other_round_id = 0;
    std::vector<std::int64_t> applications;
    std::vector<std::int64_t> slot_ids;

    void SetUp() override
    {
        core::init_crypto();
        std::string url;
        const bool sqlite = GetParam() == Dialect::sqlite;
        if (sqlite) {
            dir = fs::path(::testing::TempDir()) / ("rekrut_interviews_" + core::random_hex(6));
            fs::create_directories(dir);
            url = "sqlite:" + (dir / "test.db").string();
        } else {
            const char* postgres = std::getenv("REKRUT_TEST_POSTGRES_URL");
            if (postgres == nullptr || *postgres == '\0')
                GTEST_SKIP() << "REKRUT_TEST_POSTGRES_URL is not set";
            url = postgres;
        }
        database = Database::open(url, 8);
        auto migrated = migrate(*database, read_migrations(REKRUT_MIGRATIONS_DIR, sqlite));
        ASSERT_TRUE(migrated.ok()) << migrated.error().message;
        write([&](soci::session& sql) {
            institution_id = institution(sql);
            other_institution_id = institution(sql);
            long long id = 0, owner = institution_id;
            sql << "INSERT INTO recruitment_cases (title, institution_id, created_at) VALUES ('Stilling',"
                   " :institution, 0) RETURNING id",
                soci::use(owner), soci::into(id);
            case_id = id;
            const auto email = core::random_hex(6) + "@example.test";
            sql << "INSERT INTO users (institution_id, email, name, rights_changed_at, created_at)"
                   " VALUES (:institution, :email, 'HR Anna', 0, 0) RETURNING id",
                soci::use(owner), soci::use(email), soci::into(id);
            user_id = id;
            for (int index = 0; index < k_applications; ++index) {
                long long case_key = case_id;
                const auto key = core::random_hex(8);
                sql << "INSERT INTO applications (idempotency_key, institution_id, case_id, full_name, email,"
                       " received_at, created_at, updated_at) VALUES (:key, :institution, :case_id,"
                       " 'Ansøger', 'a@example.test', 0, 0, 0) RETURNING id",
                    soci::use(key), soci::use(owner), soci::use(case_key), soci::into(id);
                applications.push_back(id);
            }
            domain::InterviewRoundRecord round{0,  institution_id, case_id, "1. samtale", "Lokale 1",
                                               24, user_id,        0};
            round_id = interviews::create_round(sql, round);
            other_round_id = interviews::create_round(sql, round);
            const auto nine = *core::parse_copenhagen("2026-12-10", "09:00");
            for (int index = 0; index < k_slots; ++index) {
                domain::InterviewSlotRecord slot;
                slot.round_id = round_id;
                slot.starts_at = nine + core::UnixTime{index} * 45 * 60;
                slot.minutes = 45;
                slot.member_ids = {user_id};
                slot_ids.push_back(interviews::add_slot(sql, institution_id, slot, 0));
            }
        });
    }
    void TearDown() override
    {
        database.reset();
        if (!dir.empty())
            fs::remove_all(dir);
    }
    static std::int64_t institution(soci::session& sql)
    {
        long long id = 0;
        const auto cvr = core::random_hex(8);
        sql << "INSERT INTO institutions (cvr, name, address, created_at) VALUES (:cvr, 'Test', '', 0) "
               "RETURNING id",
            soci::use(cvr), soci::into(id);
        return id;
    }
    template <typename Work> void write(Work&& work)
    {
        auto done = database->transact([&](Transaction& transaction) {
            work(transaction.sql());
            return core::success();
        });
        ASSERT_TRUE(done.ok());
    }
    std::optional<std::int64_t> book(std::int64_t slot, std::int64_t application, std::int64_t round = 0)
    {
        auto booked = database->transact([&](Transaction& transaction) -> core::Result<std::int64_t> {
            auto id = interviews::book(transaction, institution_id, round ? round : round_id, slot,
                                       application, domain::BookedBy::applicant, 1);
            if (!id)
                return core::Error::conflict("taken");
            return *id;
        });
        if (!booked)
            return std::nullopt;
        return *booked;
    }
};

TEST_P(InterviewStoreTest, many_clients_booking_at_once_never_share_a_slot)
{
    std::atomic<int> ready{0};
    std::atomic<int> succeeded{0};
    std::vector<std::thread> clients;
    clients.reserve(k_applications);
    for (int index = 0; index < k_applications; ++index)
        clients.emplace_back([&, index] {
            ready.fetch_add(1);
            while (ready.load() < k_applications)
                std::this_thread::yield();
            if (book(slot_ids[index % k_slots], applications[index]))
                succeeded.fetch_add(1);
        });
    for (auto& client : clients)
        client.join();
    EXPECT_EQ(succeeded.load(), k_slots);
    auto slots = database->read(
        [&](Session& session) { return interviews::slots(session, institution_id, round_id); });
    std::set<std::int64_t> holders;
    for (const auto& slot : slots) {
        ASSERT_TRUE(slot.booking) << "slot " << slot.id;
        EXPECT_TRUE(holders.insert(slot.booking->application_id).second);
        EXPECT_EQ(slot.member_ids, std::vector<std::int64_t>{user_id});
    }
}

TEST_P(InterviewStoreTest, one_applicant_booking_every_slot_at_once_gets_one)
{
    std::atomic<int> succeeded{0};
    std::vector<std::thread> clients;
    clients.reserve(k_slots);
    for (int index = 0; index < k_slots; ++index)
        clients.emplace_back([&, index] {
            if (book(slot_ids[index], applications[0]))
                succeeded.fetch_add(1);
        });
    for (auto& client : clients)
        client.join();
    EXPECT_EQ(succeeded.load(), 1);
    auto held = database->read([&](Session& session) {
        return interviews::booked_slot(session, institution_id, round_id, applications[0]);
    });
    ASSERT_TRUE(held);
    // The same application may hold a slot in another round.
    std::int64_t other_slot = 0;
    write([&](soci::session& sql) {
        domain::InterviewSlotRecord slot;
        slot.round_id = other_round_id;
        slot.starts_at = 2000000000;
        slot.minutes = 30;
        other_slot = interviews::add_slot(sql, institution_id, slot, 0);
    });
    EXPECT_TRUE(book(other_slot, applications[0], other_round_id));
}

TEST_P(InterviewStoreTest, a_slot_is_found_only_through_its_round_and_institution)
{
    database->read([&](Session& session) {
        EXPECT_TRUE(interviews::find_slot(session, institution_id, round_id, slot_ids[0]));
        EXPECT_FALSE(interviews::find_slot(session, institution_id, other_round_id, slot_ids[0]));
        EXPECT_FALSE(interviews::find_slot(session, other_institution_id, round_id, slot_ids[0]));
        EXPECT_FALSE(interviews::find_round(session, other_institution_id, case_id, round_id));
        EXPECT_TRUE(interviews::rounds(session, other_institution_id, case_id).empty());
        return 0;
    });
}

TEST_P(InterviewStoreTest, cancelling_frees_the_slot_and_deleting_the_application_takes_its_booking)
{
    ASSERT_TRUE(book(slot_ids[0], applications[0]));
    EXPECT_FALSE(book(slot_ids[0], applications[1]));
    write([&](soci::session& sql) {
        EXPECT_TRUE(interviews::cancel(sql, institution_id, round_id, applications[0]));
        EXPECT_FALSE(interviews::cancel(sql, institution_id, round_id, applications[0]));
    });
    ASSERT_TRUE(book(slot_ids[0], applications[1]));
    write([&](soci::session& sql) {
        EXPECT_TRUE(interviews::invite(sql, institution_id, round_id, applications[1], user_id, 0));
        EXPECT_FALSE(interviews::invite(sql, institution_id, round_id, applications[1], user_id, 0));
        long long application = applications[1];
        sql << "DELETE FROM applications WHERE id = :id", soci::use(application);
    });
    database->read([&](Session& session) {
        EXPECT_FALSE(interviews::find_slot(session, institution_id, round_id, slot_ids[0])->booking);
        EXPECT_TRUE(interviews::invitations(session, institution_id, round_id).empty());
        return 0;
    });
}

INSTANTIATE_TEST_SUITE_P(Dialects, InterviewStoreTest,
                         ::testing::Values(Dialect::sqlite, Dialect::postgresql), [](const auto& info) {
                             return std::string(info.param == Dialect::sqlite ? "sqlite" : "postgresql");
                         });

} // namespace
} // namespace rekrut::store
