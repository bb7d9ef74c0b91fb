#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <set>
#include <soci/soci.h>

#include "core/crypto.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/search_index.hpp"

// The same tests on a migrated SQLite database in a temporary folder and, when
// REKRUT_TEST_POSTGRES_URL names one, on PostgreSQL (each test makes institutions of its own there,
// so the database may be reused).

namespace rekrut::store {

void PrintTo(Dialect dialect, std::ostream* out) // for gtest's test names and messages
{
    *out << (dialect == Dialect::sqlite ? "sqlite" : "postgresql");
}

namespace {
namespace fs = std::filesystem;

using Ids = std::set<std::int64_t>;

struct SearchIndexTest : ::testing::TestWithParam<Dialect> {
    fs::path dir;
    std::unique_ptr<Database> database;

    void SetUp() override
    {
        core::init_crypto();
        std::string url;
        bool sqlite = GetParam() == Dialect::sqlite;
        if (sqlite) {
            dir = fs::path(::testing::TempDir()) / ("rekrut_search_" + core::random_hex(6));
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

    /// Runs an INSERT ... RETURNING id that takes a text and two numbers.
    std::int64_t insert_returning_id(const std::string& sql_text, const std::string& text, long long first,
                                     long long second)
    {
        return database
            ->transact([&](Transaction& transaction) -> core::Result<std::int64_t> {
                long long id = 0;
                transaction.sql() << sql_text, soci::use(text), soci::use(first), soci::use(second),
                    soci::into(id);
                return static_cast<std::int64_t>(id);
            })
            .value();
    }
    std::int64_t institution()
    {
        return insert_returning_id("INSERT INTO institutions (cvr, name, address, created_at)"
                                   " VALUES (:cvr, 'Test', :address, :at) RETURNING id",
                                   core::random_hex(8), 0, 0);
    }
    std::int64_t open_case(std::int64_t institution_id)
    {
        return insert_returning_id("INSERT INTO recruitment_cases (title, institution_id, created_at)"
                                   " VALUES (:title, :institution, :at) RETURNING id",
                                   "Stilling", institution_id, 0);
    }
    /// An application row, indexed with `text`.
    std::int64_t application(std::int64_t institution_id, std::int64_t case_id, const std::string& text)
    {
        std::int64_t id = insert_returning_id("INSERT INTO applications (idempotency_key, institution_id, "
                                              "case_id, full_name, email, received_at,"
                                              " created_at, updated_at) VALUES (:key, :institution, "
                                              ":case_id, 'Ansøger', 'a@example.dk', 0, 0, 0)"
                                              " RETURNING id",
                                              core::random_hex(8), institution_id, case_id);
        index(institution_id, case_id, id, text);
        return id;
    }
    void index(std::int64_t institution_id, std::int64_t case_id, std::int64_t application_id,
               const std::string& text)
    {
        write([&](Transaction& transaction) {
            search_index::index_application(transaction, institution_id, case_id, application_id, text);
        });
    }
    /// Runs `work(Transaction&)` in a transaction that commits unless it throws.
    template <typename Work> void write(Work&& work)
    {
        auto done = database->transact([&](Transaction& transaction) {
            work(transaction);
            return core::success();
        });
        ASSERT_TRUE(done.ok());
    }
    std::vector<SearchHit> hits(std::int64_t institution_id, const std::vector<std::int64_t>& case_ids,
                                std::string_view query, int limit = 20)
    {
        return database->read([&](Session& session) {
            return search_index::search(session, institution_id, case_ids, query, limit);
        });
    }
    Ids found(std::int64_t institution_id, const std::vector<std::int64_t>& case_ids, std::string_view query)
    {
        Ids ids;
        for (const auto& hit : hits(institution_id, case_ids, query))
            ids.insert(hit.application_id);
        return ids;
    }
};

TEST_P(SearchIndexTest, danish_words_find_their_inflections)
{
    auto institution_id = institution();
    auto case_id = open_case(institution_id);
    auto clerk = application(institution_id, case_id,
                             "Erfaren sagsbehandler med flere ansættelser i kommunen. Stærk i økonomi.");
    auto teacher = application(institution_id, case_id,
                               "Uddannet pædagog med kørekort og mange års erfaring fra børnehaven.");

    EXPECT_EQ(found(institution_id, {case_id}, "sagsbehandleren"), Ids{clerk});
    EXPECT_EQ(found(institution_id, {case_id}, "ansættelse"), Ids{clerk});
    EXPECT_EQ(found(institution_id, {case_id}, "økonomien"), Ids{clerk});
    EXPECT_EQ(found(institution_id, {case_id}, "pædagogerne"), Ids{teacher});
    EXPECT_EQ(found(institution_id, {case_id}, "PÆDAGOGER"), Ids{teacher});
    EXPECT_EQ(found(institution_id, {case_id}, "børnehave kørekortet"), Ids{teacher});
    EXPECT_EQ(found(institution_id, {case_id}, "uddannelser"), Ids{teacher});
    EXPECT_EQ(found(institution_id, {case_id}, "erfaringer"), Ids{teacher})
        << "erfaring and erfaren are different stems";
    EXPECT_EQ(found(institution_id, {case_id}, "sagsbehandlere, økonomi!"), Ids{clerk});
    EXPECT_TRUE(found(institution_id, {case_id}, "sagsbehandler pædagog").empty()) << "every word must match";
    EXPECT_TRUE(found(institution_id, {case_id}, "okonomi").empty()) << "ø is a letter of its own";
    EXPECT_TRUE(found(institution_id, {case_id}, "jurist").empty());

    auto contact =
        application(institution_id, case_id, "Anna Hansen, anna.hansen@example.dk, tlf. 12 34 56 78");
    EXPECT_EQ(found(institution_id, {case_id}, "anna.hansen@example.dk"), Ids{contact});
    EXPECT_EQ(found(institution_id, {case_id}, "Anna Hansen"), Ids{contact});
}

TEST_P(SearchIndexTest, finds_only_in_the_institution_and_the_cases_given)
{
    auto ours = institution(), theirs = institution();
    auto first = open_case(ours), second = open_case(ours), foreign = open_case(theirs);
    auto in_first = application(ours, first, "Sygeplejerske med speciale i anæstesi");
    auto in_second = application(ours, second, "Sygeplejerske fra intensiv afdeling");
    auto in_foreign = application(theirs, foreign, "Sygeplejerske og anæstesi, søger nye udfordringer");

    EXPECT_EQ(found(ours, {}, "sygeplejersker"), (Ids{in_first, in_second}));
    EXPECT_EQ(found(ours, {first}, "sygeplejersker"), Ids{in_first});
    EXPECT_EQ(found(ours, {second, second}, "sygeplejersker"), Ids{in_second});
    EXPECT_EQ(found(ours, {first, second}, "sygeplejersker"), (Ids{in_first, in_second}));
    EXPECT_EQ(found(theirs, {}, "sygeplejersker"), Ids{in_foreign});
    EXPECT_TRUE(found(ours, {foreign}, "sygeplejersker").empty()) << "another institution's case";
    EXPECT_TRUE(found(ours, {first, foreign}, "udfordringer").empty());
    EXPECT_TRUE(found(institution(), {}, "sygeplejersker").empty());
    // The scope is kept apart from the text: its tokens are not words one can search for.
    EXPECT_TRUE(found(ours, {}, "i" + std::to_string(ours)).empty());
    EXPECT_TRUE(found(ours, {}, "c" + std::to_string(first)).empty());

    std::vector<std::int64_t> many_cases;
    for (std::int64_t i = 1; i <= 500; ++i)
        many_cases.push_back(first + 100000 + i);
    many_cases.push_back(second);
    many_cases.push_back(foreign);
    EXPECT_EQ(found(ours, many_cases, "sygeplejerske"), Ids{in_second}) << "a long list of cases";
    EXPECT_TRUE(found(ours, many_cases, "udfordringer").empty())
        << "a long list with another institution's case";

    for (const auto& hit : hits(ours, {}, "sygeplejerske"))
        EXPECT_EQ(hit.case_id, hit.application_id == in_first ? first : second);
}

TEST_P(SearchIndexTest, entries_are_replaced_and_removed)
{
    auto ours = institution(), theirs = institution();
    auto case_id = open_case(ours);
    auto id = application(ours, case_id, "Bogholder med løn og regnskab");
    EXPECT_EQ(found(ours, {}, "bogholderen"), Ids{id});

    index(ours, case_id, id, "Revisor med skat");
    EXPECT_TRUE(found(ours, {}, "bogholder").empty());
    EXPECT_EQ(found(ours, {}, "revisoren"), Ids{id});

    write([&](Transaction& transaction) { search_index::remove_application(transaction, theirs, id); });
    EXPECT_EQ(found(ours, {}, "revisor"), Ids{id}) << "another institution removes nothing";
    write([&](Transaction& transaction) {
        search_index::remove_application(transaction, ours, id);
        search_index::remove_application(transaction, ours, id);
    });
    EXPECT_TRUE(found(ours, {}, "revisor").empty());

    // An entry goes with its application.
    auto other = application(ours, case_id, "Kok med erfaring fra storkøkken");
    EXPECT_EQ(found(ours, {}, "kokken"), Ids{other});
    write([&](Transaction& transaction) {
        long long key = other;
        transaction.sql() << "DELETE FROM applications WHERE id = :id", soci::use(key);
    });
    EXPECT_TRUE(found(ours, {}, "kok").empty());
}

TEST_P(SearchIndexTest, an_entry_must_agree_with_its_application)
{
    auto ours = institution(), theirs = institution();
    auto case_id = open_case(ours), other_case = open_case(ours), foreign = open_case(theirs);
    auto id = application(ours, case_id, "Tømrer");
    EXPECT_THROW(index(theirs, foreign, id, "Tømrer og murer"), std::logic_error);
    EXPECT_THROW(index(ours, other_case, id, "Tømrer og murer"), std::logic_error);
    EXPECT_THROW(index(ours, case_id, id + 1000000, "Tømrer og murer"), std::logic_error);
    EXPECT_TRUE(found(theirs, {}, "tømrer").empty());
    EXPECT_TRUE(found(ours, {}, "murer").empty());
    EXPECT_EQ(found(ours, {case_id}, "tømreren"), Ids{id}) << "the failed replacement rolled back";
}

TEST_P(SearchIndexTest, hostile_queries_find_nothing_extra_and_never_fail)
{
    auto ours = institution(), theirs = institution();
    auto case_id = open_case(ours), other_case = open_case(ours), foreign = open_case(theirs);
    auto id = application(ours, case_id, "Jurist med erfaring i udbud og kontrakter");
    application(ours, other_case, "Jurist x og NEAR a OR anden tekst");
    application(theirs, foreign, "Jurist x og NEAR a OR anden tekst");

    const std::vector<std::string> queries = {
        "\"a\" OR x* NEAR(",
        "\"",
        "\"\"",
        "*",
        "jurist OR",
        "jurist OR NOT x",
        "NEAR(jurist udbud, 2)",
        "{scope} : i1",
        "scope:i" + std::to_string(theirs),
        "body : jurist*",
        "jurist\" OR \"x",
        "^jurist",
        "jurist' OR '1'='1",
        "'); DROP TABLE applications; --",
        "!!! ??? ... ---",
        "\xF0\x9F\x98\x80\xF0\x9F\x98\x80",
        "\xCC\x81",
        "\xFF\xFE\xC3",
        std::string("jurist\0x", 8),
        std::string(10000, '('),
        std::string(5000, 'a'),
        [] {
            std::string many;
            for (int i = 0; i < 3000; ++i)
                many += "jurist ";
            return many;
        }(),
    };
    for (const auto& query : queries) {
        std::vector<SearchHit> result;
        ASSERT_NO_THROW(result = hits(ours, {case_id}, query)) << query.substr(0, 60);
        for (const auto& hit : result)
            EXPECT_EQ(hit.application_id, id) << query.substr(0, 60);
    }
    EXPECT_TRUE(found(ours, {case_id}, "\"a\" OR x* NEAR(").empty());
    EXPECT_TRUE(found(ours, {case_id}, "jurist OR x").empty()) << "OR is a word to look for, not an operator";
    EXPECT_TRUE(found(ours, {case_id}, "!!! ??? ... ---").empty());
    EXPECT_TRUE(found(ours, {case_id}, "").empty());
    EXPECT_EQ(found(ours, {case_id}, "\"jurist\""), Ids{id});
    EXPECT_EQ(found(ours, {case_id}, "jurist*"), Ids{id});
    EXPECT_EQ(hits(ours, {case_id}, "jurist", 0).size(), 0u);
    EXPECT_EQ(hits(ours, {case_id}, "jurist", -5).size(), 0u);
}

TEST_P(SearchIndexTest, snippets_mark_the_matches_and_escape_everything_else)
{
    auto ours = institution();
    auto case_id = open_case(ours);
    application(ours, case_id,
                "Jeg er <script>alert('x')</script> sagsbehandler & glad, og 5 < 6 > 4 \"citat\". "
                "Snyd: \x01<b>\x02 \x02</mark>\x01 <img src=x onerror=alert(1)> slut.");
    auto result = hits(ours, {case_id}, "sagsbehandleren");
    ASSERT_EQ(result.size(), 1u);
    const std::string& html = result[0].snippet_html;
    EXPECT_NE(html.find("<mark>sagsbehandler</mark>"), std::string::npos) << html;
    EXPECT_NE(html.find("&amp;"), std::string::npos) << html;
    EXPECT_EQ(html.find("<script"), std::string::npos) << html;
    EXPECT_EQ(html.find("<img"), std::string::npos) << html;
    EXPECT_EQ(html.find("<b>"), std::string::npos) << html;
    EXPECT_EQ(html.find('\x01'), std::string::npos) << html;
    EXPECT_EQ(html.find('\x02'), std::string::npos) << html;
    // Every '<' left opens or closes a mark, and they pair up.
    std::string rest = html;
    for (std::string_view tag : {"<mark>", "</mark>"})
        for (auto at = rest.find(tag); at != std::string::npos; at = rest.find(tag))
            rest.erase(at, tag.size());
    EXPECT_EQ(rest.find('<'), std::string::npos) << html;
    EXPECT_EQ(rest.find('>'), std::string::npos) << html;
    if (GetParam() == Dialect::sqlite) { // PostgreSQL's parser leaves tags out of a headline altogether.
        EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos) << html;
    }

    // A long text gives an excerpt around the match.
    std::string long_text;
    for (int i = 0; i < 400; ++i)
        long_text += "Almindelig tekst om ingenting. ";
    long_text += "Her står ordet tandlæge midt i det hele. ";
    for (int i = 0; i < 400; ++i)
        long_text += "Mere tekst om ingenting. ";
    application(ours, case_id, long_text);
    auto excerpt = hits(ours, {case_id}, "tandlæger");
    ASSERT_EQ(excerpt.size(), 1u);
    EXPECT_NE(excerpt[0].snippet_html.find("<mark>tandlæge</mark>"), std::string::npos)
        << excerpt[0].snippet_html;
    EXPECT_LT(excerpt[0].snippet_html.size(), 600u) << excerpt[0].snippet_html;
}

TEST_P(SearchIndexTest, the_best_match_comes_first_and_the_limit_holds)
{
    auto ours = institution();
    auto case_id = open_case(ours);
    std::string filler;
    for (int i = 0; i < 30; ++i)
        filler += "noget helt andet indhold her ";
    auto weak = application(ours, case_id, filler + "elektriker " + filler);
    auto strong = application(ours, case_id, "Elektriker, elektrikeren, elektrikere: elektriker.");
    for (int i = 0; i < 5; ++i)
        application(ours, case_id, filler + "elektriker");
    auto ranked = hits(ours, {case_id}, "elektrikerne");
    ASSERT_EQ(ranked.size(), 7u);
    EXPECT_EQ(ranked.front().application_id, strong);
    EXPECT_NE(ranked.front().application_id, weak);
    EXPECT_EQ(hits(ours, {case_id}, "elektriker", 3).size(), 3u);
    EXPECT_EQ(hits(ours, {case_id}, "elektriker", 100000).size(), 7u);
}

TEST_P(SearchIndexTest, only_the_newest_matches_are_ranked_and_equal_ranks_come_newest_first)
{
    auto ours = institution();
    auto case_id = open_case(ours), other_case = open_case(ours);
    std::string filler;
    for (int i = 0; i < 30; ++i)
        filler += "noget helt andet indhold her ";
    const std::string best_text = "Elektriker, elektrikeren, elektrikere: elektriker.";
    const std::string weak_text = filler + "elektriker";
    auto oldest_best = application(ours, case_id, best_text);
    // Weaker matches, all alike, in one transaction; with them the best one is the oldest of exactly
    // k_ranked_matches matches, so it is still ranked.
    std::vector<std::int64_t> weak;
    write([&](Transaction& transaction) {
        for (int i = 1; i < search_index::k_ranked_matches; ++i) {
            long long id = 0, institution_id = ours, case_key = i % 2 == 0 ? case_id : other_case;
            std::string key = core::random_hex(8);
            transaction.sql()
                << "INSERT INTO applications (idempotency_key, institution_id, case_id, full_name,"
                   " email, received_at, created_at, updated_at) VALUES (:key, :institution,"
                   " :case_id, 'Ansøger', 'a@example.dk', 0, 0, 0) RETURNING id",
                soci::use(key), soci::use(institution_id), soci::use(case_key), soci::into(id);
            search_index::index_application(transaction, ours, case_key, id, weak_text);
            weak.push_back(id);
        }
    });
    auto ranked = hits(ours, {}, "elektrikerne", 5);
    ASSERT_EQ(ranked.size(), 5u);
    EXPECT_EQ(ranked[0].application_id, oldest_best) << "the oldest of k_ranked_matches matches is ranked";
    for (std::size_t i = 1; i < ranked.size(); ++i)
        EXPECT_EQ(ranked[i].application_id, weak[weak.size() - i]) << "equal ranks, newest first";

    // One match more, and the best is no longer among the newest k_ranked_matches.
    auto newer_weak = application(ours, other_case, weak_text);
    ranked = hits(ours, {}, "elektrikerne", 5);
    ASSERT_EQ(ranked.size(), 5u);
    EXPECT_EQ(ranked[0].application_id, newer_weak);
    for (const auto& hit : hits(ours, {}, "elektriker", search_index::k_max_hits))
        EXPECT_NE(hit.application_id, oldest_best);
    // Within one case, fewer than k_ranked_matches match, and the best is ranked again.
    EXPECT_EQ(hits(ours, {case_id}, "elektriker", 1).at(0).application_id, oldest_best);

    // A new best match is ranked first, in every kind of scope.
    auto newest_best = application(ours, case_id, best_text);
    std::vector<std::int64_t> many_cases = {case_id, other_case};
    for (std::int64_t i = 1; i <= 20; ++i)
        many_cases.push_back(other_case + 100000 + i);
    for (const auto& scope :
         {std::vector<std::int64_t>{}, std::vector<std::int64_t>{case_id, other_case}, many_cases}) {
        ranked = hits(ours, scope, "elektrikerne", 3);
        ASSERT_EQ(ranked.size(), 3u);
        EXPECT_EQ(ranked[0].application_id, newest_best) << scope.size() << " cases";
        EXPECT_EQ(ranked[1].application_id, newer_weak) << scope.size() << " cases";
        EXPECT_EQ(ranked[2].application_id, weak.back()) << scope.size() << " cases";
    }
}

TEST(SearchQueryWords, words_are_letters_and_digits_bounded_in_number_and_length)
{
    using search_index::query_words;
    EXPECT_EQ(query_words("  Sagsbehandler, ØKONOMI-chef (2024)!"),
              (std::vector<std::string>{"Sagsbehandler", "ØKONOMI", "chef", "2024"}));
    EXPECT_EQ(query_words("\"a\" OR x* NEAR("), (std::vector<std::string>{"a", "OR", "x", "NEAR"}));
    EXPECT_TRUE(query_words("\"\" ** () {} : ^ + -").empty());
    EXPECT_TRUE(query_words("").empty());
    EXPECT_EQ(query_words("a b c d e f g h i j k l").size(), search_index::k_max_query_words);
    EXPECT_EQ(query_words("æble\xFFpære").size(), 2u) << "invalid UTF-8 separates";
    std::string long_query(300, 'x');
    auto words = query_words(long_query);
    ASSERT_EQ(words.size(), 1u);
    EXPECT_EQ(words[0].size(), search_index::k_max_query_chars);
    EXPECT_EQ(query_words(std::string(250, ' ') + "ord"), std::vector<std::string>{}) << "past the limit";
    EXPECT_EQ(query_words("anna.hansen@example.dk"),
              (std::vector<std::string>{"anna", "hansen", "example", "dk"}));
}

INSTANTIATE_TEST_SUITE_P(Dialects, SearchIndexTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql),
                         [](const ::testing::TestParamInfo<Dialect>& info) {
                             return info.param == Dialect::sqlite ? std::string("sqlite")
                                                                  : std::string("postgresql");
                         });

} // namespace
} // namespace rekrut::store
