#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "core/crypto.hpp"
#include "store/application_store.hpp"
#include "store/assessment_store.hpp"
#include "store/backup_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

// The committee's list query on a migrated SQLite database and, when REKRUT_TEST_POSTGRES_URL names
// one, on PostgreSQL: keyset paging both ways in every sort, conflicts left out of list and count,
// and the committee's judgement ordering only the rows the member has judged.

namespace rekrut::store {
namespace {
namespace fs = std::filesystem;

using domain::ApplicationListQuery;
using domain::ApplicationSort;
using domain::Mark;

struct AssessmentStoreTest : ::testing::TestWithParam<Dialect> {
    fs::path dir;
    std::unique_ptr<Database> database;
    std::int64_t institution_id = 0;
    std::int64_t case_id = 0;
    std::int64_t member = 0;
    std::int64_t colleague = 0;
    std::vector<std::int64_t> applications; // received in this order, names Ansøger 09 … 00

    void SetUp() override
    {
        core::init_crypto();
        std::string url;
        const bool sqlite = GetParam() == Dialect::sqlite;
        if (sqlite) {
            dir = fs::path(::testing::TempDir()) / ("rekrut_assessment_" + core::random_hex(6));
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
        write([&](soci::session& sql) {
            long long id = 0;
            const auto cvr = core::random_hex(8);
            sql << "INSERT INTO institutions (cvr, name, address, created_at) VALUES (:cvr, 'Test', '', 0)"
                   " RETURNING id",
                soci::use(cvr), soci::into(id);
            institution_id = id;
            sql << "INSERT INTO recruitment_cases (title, institution_id, created_at) VALUES ('Stilling',"
                   " :institution, 0) RETURNING id",
                soci::use(id), soci::into(id);
            case_id = id;
            member = user(sql, "Medlem");
            colleague = user(sql, "Kollega");
            for (int index = 0; index < 10; ++index) {
                long long institution = institution_id, case_key = case_id, received = 1000 + index;
                const auto key = core::random_hex(8);
                const auto name = "Ansøger 0" + std::to_string(9 - index);
                sql << "INSERT INTO applications (idempotency_key, institution_id, case_id, full_name, email,"
                       " received_at, created_at, updated_at) VALUES (:key, :institution, :case_id, :name,"
                       " 'a@example.test', :received, 0, 0) RETURNING id",
                    soci::use(key), soci::use(institution), soci::use(case_key), soci::use(name),
                    soci::use(received), soci::into(id);
                applications.push_back(id);
            }
        });
    }
    void TearDown() override
    {
        database.reset();
        if (!dir.empty())
            fs::remove_all(dir);
    }
    std::int64_t user(soci::session& sql, const std::string& name)
    {
        long long id = 0, institution = institution_id;
        const auto email = core::random_hex(6) + "@example.test";
        sql << "INSERT INTO users (institution_id, email, name, rights_changed_at, created_at)"
               " VALUES (:institution, :email, :name, 0, 0) RETURNING id",
            soci::use(institution), soci::use(email), soci::use(name), soci::into(id);
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
    ApplicationListQuery query(ApplicationSort sort, int limit = 4)
    {
        ApplicationListQuery query;
        query.institution_id = institution_id;
        query.case_id = case_id;
        query.viewer_id = member;
        query.member = true;
        query.sort = sort;
        query.limit = limit;
        return query;
    }
    /// Every row of the list, reached page by page forwards; and the same backwards from the end.
    std::vector<std::int64_t> walk(ApplicationListQuery shape, bool backwards_too = true)
    {
        std::vector<std::int64_t> forwards;
        domain::ApplicationListPage page;
        int pages = 0;
        do {
            page = database->read([&](Session& session) { return assessment::list(session, shape); });
            for (const auto& row : page.rows)
                forwards.push_back(row.id);
            EXPECT_EQ(page.has_previous, pages > 0);
            if (!page.rows.empty())
                shape.after_id = page.rows.back().id;
            ++pages;
        } while (page.has_next && pages < 20);
        if (backwards_too && !forwards.empty()) {
            std::vector<std::int64_t> backwards(forwards.end() - static_cast<long>(page.rows.size()),
                                                forwards.end());
            auto back = shape;
            back.after_id.reset();
            back.before_id = backwards.front();
            while (true) {
                auto earlier =
                    database->read([&](Session& session) { return assessment::list(session, back); });
                std::vector<std::int64_t> ids;
                for (const auto& row : earlier.rows)
                    ids.push_back(row.id);
                backwards.insert(backwards.begin(), ids.begin(), ids.end());
                if (!earlier.has_previous || ids.empty())
                    break;
                back.before_id = ids.front();
            }
            EXPECT_EQ(backwards, forwards);
        }
        return forwards;
    }
};

TEST_P(AssessmentStoreTest, pages_cover_every_row_once_in_each_sort)
{
    EXPECT_EQ(walk(query(ApplicationSort::received)), applications);
    std::vector<std::int64_t> by_name(applications.rbegin(), applications.rend());
    EXPECT_EQ(walk(query(ApplicationSort::name)), by_name);
    // Nobody judged: the committee's order falls back on the ids.
    EXPECT_EQ(walk(query(ApplicationSort::committee)), applications);
}

TEST_P(AssessmentStoreTest, the_committee_orders_only_what_the_member_judged)
{
    write([&](soci::session& sql) {
        // The colleague says Yes to the first three; the member judges only the third, No.
        for (int index = 0; index < 3; ++index) {
            assessment::set_mark(sql, institution_id, case_id, applications[index], colleague, Mark::yes, "",
                                 0);
            assessment::save_summary(sql, institution_id, case_id, applications[index],
                                     domain::summarise({Mark::yes}, {}, {}));
        }
        assessment::set_mark(sql, institution_id, case_id, applications[2], member, Mark::no, "", 0);
        assessment::save_summary(sql, institution_id, case_id, applications[2],
                                 domain::summarise({Mark::yes, Mark::no}, {}, {}));
        assessment::set_mark(sql, institution_id, case_id, applications[5], member, Mark::yes, "", 0);
        assessment::save_summary(sql, institution_id, case_id, applications[5],
                                 domain::summarise({Mark::yes}, {}, {}));
    });
    auto order = walk(query(ApplicationSort::committee));
    ASSERT_EQ(order.size(), 10U);
    // The member's two judged rows first (Yes 200, then Yes+No 100); the colleague's Yes on rows the
    // member has not judged does not lift them.
    EXPECT_EQ(order[0], applications[5]);
    EXPECT_EQ(order[1], applications[2]);
    EXPECT_EQ(order[2], applications[0]);
    // The administration sees every judgement.
    auto administration = query(ApplicationSort::committee);
    administration.member = false;
    auto all = walk(administration);
    EXPECT_EQ(
        std::vector<std::int64_t>(all.begin(), all.begin() + 4),
        (std::vector<std::int64_t>{applications[0], applications[1], applications[5], applications[2]}));
    // The list in the order received (on PostgreSQL cut from the applications before the committee's
    // columns are looked up) carries the member's own mark and the committee's summary of each row.
    write([&](soci::session& sql) {
        assessment::replace_tags(sql, institution_id, case_id, applications[2],
                                 {"økonomi", "b-tag", "a-tag"});
    });
    auto received = database->read(
        [&](Session& session) { return assessment::list(session, query(ApplicationSort::received, 50)); });
    ASSERT_EQ(received.rows.size(), 10U);
    EXPECT_EQ(received.rows[2].own_mark, Mark::no);
    EXPECT_EQ(received.rows[5].own_mark, Mark::yes);
    EXPECT_FALSE(received.rows[0].own_mark) << "the colleague's mark is not the member's";
    EXPECT_EQ(received.rows[2].summary.yes, 1);
    EXPECT_EQ(received.rows[2].summary.no, 1);
    EXPECT_EQ(received.rows[0].summary.yes, 1);
    EXPECT_EQ(received.rows[9].summary.yes, 0);
    EXPECT_EQ(received.rows[2].summary.mark_points, 100);
    EXPECT_FALSE(received.rows[9].summary.mark_points);
    EXPECT_EQ(received.rows[2].tags, (std::vector<std::string>{"a-tag", "b-tag", "økonomi"}));
    EXPECT_TRUE(received.rows[0].tags.empty());
    // The case's tags for the filter, twice through the kept statement: once more after a change.
    auto case_tags = [&] {
        return database->read(
            [&](Session& session) { return assessment::case_tags(session, institution_id, case_id); });
    };
    EXPECT_EQ(case_tags(), (std::vector<std::string>{"a-tag", "b-tag", "økonomi"}));
    write([&](soci::session& sql) {
        assessment::replace_tags(sql, institution_id, case_id, applications[5], {"a-tag", "c-tag"});
    });
    EXPECT_EQ(case_tags(), (std::vector<std::string>{"a-tag", "b-tag", "c-tag", "økonomi"}));
    auto unmarked = query(ApplicationSort::received, 50);
    unmarked.own_mark = "none";
    EXPECT_EQ(walk(unmarked, false).size(), 8U);
    auto said_no = query(ApplicationSort::received, 50);
    said_no.own_mark = "no";
    EXPECT_EQ(walk(said_no, false), std::vector<std::int64_t>{applications[2]});
}

TEST_P(AssessmentStoreTest, a_conflict_leaves_the_applicant_out_of_list_and_count)
{
    EXPECT_TRUE(database->read([&](Session& session) {
        return assessment::has_undeclared(session, institution_id, case_id, member);
    }));
    write([&](soci::session& sql) {
        for (auto id : applications)
            assessment::declare(sql, institution_id, case_id, id, member, id == applications[4], 0);
        // A conflict is never declared away.
        assessment::declare(sql, institution_id, case_id, applications[4], member, false, 5);
    });
    EXPECT_FALSE(database->read([&](Session& session) {
        return assessment::has_undeclared(session, institution_id, case_id, member);
    }));
    auto rows = walk(query(ApplicationSort::received));
    EXPECT_EQ(rows.size(), 9U);
    EXPECT_EQ(std::count(rows.begin(), rows.end(), applications[4]), 0);
    EXPECT_EQ(database->read([&](Session& session) {
        return assessment::count(session, query(ApplicationSort::received));
    }),
              9);
    // The tally the policy reads counts the same: ten applications, ten declarations, one conflict;
    // the colleague has declared on none. A case of another institution counts no applications.
    auto tally = [&](std::int64_t institution, std::int64_t user) {
        return database->read([&](Session& session) {
            return assessment::declaration_tally(session, institution, case_id, user);
        });
    };
    const auto of_member = tally(institution_id, member);
    EXPECT_EQ(of_member.applications, 10);
    EXPECT_EQ(of_member.declared, 10);
    EXPECT_EQ(of_member.conflicts, 1);
    EXPECT_EQ(domain::whole_case_total(of_member), 9);
    const auto of_colleague = tally(institution_id, colleague);
    EXPECT_EQ(of_colleague.applications, 10);
    EXPECT_EQ(of_colleague.declared, 0);
    EXPECT_EQ(of_colleague.conflicts, 0);
    EXPECT_EQ(tally(institution_id + 1000, member).applications, 0);
    auto colleague_view = query(ApplicationSort::received);
    colleague_view.viewer_id = colleague;
    EXPECT_EQ(walk(colleague_view).size(), 10U);
    EXPECT_TRUE(database->read([&](Session& session) {
        return assessment::has_conflict(session, institution_id, applications[4], member);
    }));
}

TEST_P(AssessmentStoreTest, a_withdrawn_application_needs_no_declaration_and_filters_keep_conflicts_out)
{
    write([&](soci::session& sql) {
        applications::set_status(sql, institution_id, applications[9], domain::ApplicationStatus::withdrawn,
                                 0);
        for (std::size_t index = 0; index < 8; ++index)
            assessment::declare(sql, institution_id, case_id, applications[index], member, index == 3, 0);
    });
    // Two applications without a declaration: one withdrawn, one still open.
    EXPECT_TRUE(database->read([&](Session& session) {
        return assessment::has_undeclared(session, institution_id, case_id, member);
    }));
    write([&](soci::session& sql) {
        assessment::declare(sql, institution_id, case_id, applications[8], member, false, 0);
        assessment::set_mark(sql, institution_id, case_id, applications[0], member, Mark::yes, "", 0);
    });
    // Only the withdrawn one is left undeclared, which is no reason to stop the member.
    EXPECT_FALSE(database->read([&](Session& session) {
        return assessment::has_undeclared(session, institution_id, case_id, member);
    }));
    auto unmarked = query(ApplicationSort::received, 50);
    unmarked.own_mark = "none";
    const auto rows = walk(unmarked, false);
    EXPECT_EQ(std::count(rows.begin(), rows.end(), applications[3]), 0);
    EXPECT_EQ(database->read([&](Session& session) { return assessment::count(session, unmarked); }),
              static_cast<int>(rows.size()));
    EXPECT_EQ(rows.size(), 8U); // ten, less the conflict and the one marked
    auto withdrawn = query(ApplicationSort::received, 50);
    withdrawn.status = domain::ApplicationStatus::withdrawn;
    EXPECT_EQ(database->read([&](Session& session) { return assessment::count(session, withdrawn); }), 1);
}

TEST_P(AssessmentStoreTest, the_tally_follows_every_change_to_applications_and_declarations)
{
    // What the triggers keep, against the rows counted one by one.
    auto counted = [&](std::int64_t case_key, std::int64_t user) {
        return database->read([&](Session& session) {
            long long institution = institution_id, in_case = case_key, viewer = user, applications_count = 0,
                      declared = 0, conflicts = 0;
            session.sql() << "SELECT COUNT(*) FROM applications WHERE institution_id = :institution"
                             " AND case_id = :case_id",
                soci::use(institution), soci::use(in_case), soci::into(applications_count);
            session.sql() << "SELECT COUNT(*) FROM conflict_declarations WHERE case_id = :case_id"
                             " AND user_id = :user",
                soci::use(in_case), soci::use(viewer), soci::into(declared);
            session.sql() << "SELECT COUNT(*) FROM conflict_declarations WHERE case_id = :case_id"
                             " AND user_id = :user AND conflict = 1",
                soci::use(in_case), soci::use(viewer), soci::into(conflicts);
            return domain::DeclarationTally{applications_count, declared, conflicts};
        });
    };
    auto expect_tally = [&](std::int64_t case_key, std::int64_t user, domain::DeclarationTally expected) {
        const auto kept = database->read([&](Session& session) {
            return assessment::declaration_tally(session, institution_id, case_key, user);
        });
        const auto recounted = counted(case_key, user);
        EXPECT_EQ(kept.applications, expected.applications);
        EXPECT_EQ(kept.declared, expected.declared);
        EXPECT_EQ(kept.conflicts, expected.conflicts);
        EXPECT_EQ(recounted.applications, expected.applications);
        EXPECT_EQ(recounted.declared, expected.declared);
        EXPECT_EQ(recounted.conflicts, expected.conflicts);
    };
    expect_tally(case_id, member, {10, 0, 0});
    write([&](soci::session& sql) {
        for (std::size_t index = 0; index < 4; ++index)
            assessment::declare(sql, institution_id, case_id, applications[index], member, index == 1, 0);
    });
    expect_tally(case_id, member, {10, 4, 1});
    // A conflict raised on a declaration counts once more; declaring one away changes nothing.
    write([&](soci::session& sql) {
        assessment::declare(sql, institution_id, case_id, applications[2], member, true, 1);
        assessment::declare(sql, institution_id, case_id, applications[1], member, false, 1);
        assessment::declare(sql, institution_id, case_id, applications[0], member, false, 1);
        assessment::declare(sql, institution_id, case_id, applications[5], colleague, false, 1);
    });
    expect_tally(case_id, member, {10, 4, 2});
    expect_tally(case_id, colleague, {10, 1, 0});
    // An application deleted with its declarations (as the retention job deletes it).
    write([&](soci::session& sql) {
        long long id = applications[1];
        sql << "DELETE FROM conflict_declarations WHERE application_id = :id", soci::use(id);
        sql << "DELETE FROM applications WHERE id = :id", soci::use(id);
    });
    expect_tally(case_id, member, {9, 3, 1});
    // A transaction that fails leaves the counts as they were.
    auto failed = database->transact([&](Transaction& transaction) -> core::Status {
        long long institution = institution_id, case_key = case_id, id = 0;
        transaction.sql()
            << "INSERT INTO applications (idempotency_key, institution_id, case_id, full_name,"
               " email, received_at, created_at, updated_at) VALUES ('rolled-back', :institution,"
               " :case_id, 'Ansøger', 'b@example.test', 2000, 0, 0) RETURNING id",
            soci::use(institution), soci::use(case_key), soci::into(id);
        assessment::declare(transaction.sql(), institution_id, case_id, id, member, true, 2);
        return core::Error::invalid("rolled back");
    });
    EXPECT_FALSE(failed.ok());
    expect_tally(case_id, member, {9, 3, 1});
    // An application moved to another case counts there.
    std::int64_t other_case = 0;
    write([&](soci::session& sql) {
        long long institution = institution_id, id = 0, moved = applications[9];
        sql << "INSERT INTO recruitment_cases (title, institution_id, created_at) VALUES ('Anden stilling',"
               " :institution, 0) RETURNING id",
            soci::use(institution), soci::into(id);
        other_case = id;
        sql << "UPDATE applications SET case_id = :other WHERE id = :id", soci::use(id), soci::use(moved);
    });
    expect_tally(case_id, member, {8, 3, 1});
    expect_tally(other_case, member, {1, 0, 0});
}

INSTANTIATE_TEST_SUITE_P(Dialects, AssessmentStoreTest,
                         ::testing::Values(Dialect::sqlite, Dialect::postgresql),
                         [](const ::testing::TestParamInfo<Dialect>& info) {
                             return info.param == Dialect::sqlite ? std::string("sqlite")
                                                                  : std::string("postgresql");
                         });

// Migration 0028 fills in the counts for the applications and declarations that exist when it runs.
struct DeclarationCountMigrationTest : ::testing::TestWithParam<Dialect> {};

TEST_P(DeclarationCountMigrationTest, counts_what_was_there_before)
{
    core::init_crypto();
    const bool sqlite = GetParam() == Dialect::sqlite;
    std::string url, server_url;
    fs::path dir;
    if (sqlite) {
        dir = fs::path(::testing::TempDir()) / ("rekrut_counts_" + core::random_hex(6));
        fs::create_directories(dir);
        url = "sqlite:" + (dir / "test.db").string();
    } else {
        const char* postgres = std::getenv("REKRUT_TEST_POSTGRES_URL");
        if (postgres == nullptr || *postgres == '\0')
            GTEST_SKIP() << "REKRUT_TEST_POSTGRES_URL is not set";
        server_url = postgres;
        auto scratch = backup::create_scratch_postgresql(server_url);
        ASSERT_TRUE(scratch.ok()) << scratch.error().message;
        url = *scratch;
    }
    {
        auto database = Database::open(url, 1);
        auto migrations = read_migrations(REKRUT_MIGRATIONS_DIR, sqlite);
        auto before = migrations;
        std::erase_if(before, [](const Migration& migration) { return migration.version >= 28; });
        ASSERT_LT(before.size(), migrations.size());
        ASSERT_TRUE(migrate(*database, before).ok());
        long long institution = 0, case_key = 0, user = 0;
        std::vector<long long> ids;
        auto filled = database->transact([&](Transaction& transaction) -> core::Status {
            auto& sql = transaction.sql();
            sql << "INSERT INTO institutions (cvr, name, address, created_at) VALUES ('12345678', 'Test', "
                   "'', 0)"
                   " RETURNING id",
                soci::into(institution);
            sql << "INSERT INTO recruitment_cases (title, institution_id, created_at) VALUES ('Stilling',"
                   " :institution, 0) RETURNING id",
                soci::use(institution), soci::into(case_key);
            sql << "INSERT INTO users (institution_id, email, name, rights_changed_at, created_at)"
                   " VALUES (:institution, 'medlem@example.test', 'Medlem', 0, 0) RETURNING id",
                soci::use(institution), soci::into(user);
            for (int index = 0; index < 3; ++index) {
                long long id = 0;
                const auto key = "key-" + std::to_string(index);
                sql << "INSERT INTO applications (idempotency_key, institution_id, case_id, full_name, email,"
                       " received_at, created_at, updated_at) VALUES (:key, :institution, :case_id, "
                       "'Ansøger',"
                       " 'a@example.test', 1000, 0, 0) RETURNING id",
                    soci::use(key), soci::use(institution), soci::use(case_key), soci::into(id);
                ids.push_back(id);
            }
            for (std::size_t index = 0; index < 2; ++index)
                assessment::declare(sql, institution, case_key, ids[index], user, index == 0, 0);
            return core::success();
        });
        ASSERT_TRUE(filled.ok());
        ASSERT_TRUE(migrate(*database, migrations).ok());
        const auto tally = database->read([&](Session& session) {
            return assessment::declaration_tally(session, institution, case_key, user);
        });
        EXPECT_EQ(tally.applications, 3);
        EXPECT_EQ(tally.declared, 2);
        EXPECT_EQ(tally.conflicts, 1);
    }
    if (sqlite)
        fs::remove_all(dir);
    else
        backup::drop_scratch_postgresql(server_url, url);
}

INSTANTIATE_TEST_SUITE_P(Dialects, DeclarationCountMigrationTest,
                         ::testing::Values(Dialect::sqlite, Dialect::postgresql),
                         [](const ::testing::TestParamInfo<Dialect>& info) {
                             return info.param == Dialect::sqlite ? std::string("sqlite")
                                                                  : std::string("postgresql");
                         });

} // namespace
} // namespace rekrut::store
