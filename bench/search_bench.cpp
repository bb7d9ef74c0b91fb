// Application search under a realistic volume: fills a migrated database (demo data seeded) with
// generated applications and their search-index entries, then times store::search_index::search.
// Built with the release preset only; run by bench/applications.sh, results in docs/benchmarks.md.
//
//   rekrut_search_bench DATABASE_URL APPLICATIONS ROUNDS
//
// The applications go to the cases of one institution (that of the demo case "Fuldmægtig til
// økonomienheden"), spread evenly, each with about 2 KB of generated Danish text: words drawn from a
// fixed vocabulary with Zipf-like frequencies (function words most often), so that common words match
// many applications and rare ones few. They are written in transactions of 1,000 through the same
// store function the application service uses (index_application). Then ten queries, inflected
// differently from the indexed text so that stemming matters, run ROUNDS times in turn, once over the
// whole institution (an Administrator's search) and once scoped to the one case. It prints a line per
// query and lines "RESULT <scope> <queries> <p50 ms> <p95 ms> <max ms>" for the script.

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <soci/soci.h>
#include <string>
#include <vector>

#include "core/crypto.hpp"
#include "store/database.hpp"
#include "store/search_index.hpp"

namespace {

using rekrut::store::Database;
using rekrut::store::Session;
using rekrut::store::Transaction;
using Clock = std::chrono::steady_clock;

// Most frequent first: the weight of the word at rank r is 1 / (r + 8).
constexpr std::array k_function_words = {
    "og",    "i",    "at",    "jeg",  "det",  "en",    "som",   "til",    "på",   "med",   "har", "for",
    "er",    "de",   "af",    "den",  "om",   "min",   "mine",  "et",     "kan",  "mig",   "var", "også",
    "inden", "samt", "bl.a.", "hvor", "blev", "efter", "under", "gennem", "både", "meget", "god", "godt",
};
constexpr std::array k_stems = {
    "erfaring",
    "projekt",
    "ledelse",
    "økonomi",
    "analyse",
    "kommunikation",
    "formidling",
    "samarbejde",
    "regnskab",
    "budget",
    "sagsbehandling",
    "forvaltning",
    "uddannelse",
    "kandidat",
    "jura",
    "opgave",
    "kollega",
    "afdeling",
    "styrelse",
    "ministerium",
    "kommune",
    "region",
    "borger",
    "virksomhed",
    "lovgivning",
    "notat",
    "rapport",
    "møde",
    "proces",
    "udvikling",
    "strategi",
    "politik",
    "område",
    "ansvar",
    "kompetence",
    "resultat",
    "evaluering",
    "undersøgelse",
    "statistik",
    "data",
    "system",
    "løsning",
    "kvalitet",
    "service",
    "rådgivning",
    "vejledning",
    "koordinering",
    "planlægning",
    "implementering",
    "digitalisering",
    "forhandling",
    "kontrakt",
    "indkøb",
    "udbud",
    "personale",
    "rekruttering",
    "løn",
    "arbejdsmiljø",
    "sikkerhed",
    "beredskab",
    "miljø",
    "klima",
    "energi",
    "transport",
    "sundhed",
    "social",
    "beskæftigelse",
    "integration",
    "skole",
    "børn",
    "ældre",
    "handicap",
    "kultur",
    "idræt",
    "forskning",
    "universitet",
    "institut",
    "center",
    "sekretariat",
    "direktion",
    "bestyrelse",
    "udvalg",
    "høring",
    "tilsyn",
    "revision",
    "controlling",
    "bogføring",
    "likviditet",
    "finansiering",
    "tilskud",
    "bevilling",
    "ansøgning",
    "stilling",
    "fuldmægtig",
    "specialist",
    "konsulent",
    "chef",
    "leder",
    "medarbejder",
    "praktik",
    "studiejob",
    "eksamen",
    "speciale",
    "bachelor",
    "cand.polit",
    "cand.jur",
    "cand.scient",
    "cand.merc",
    "projektledelse",
    "ledelseserfaring",
    "samarbejdspartner",
    "interessent",
    "netværk",
    "præsentation",
    "skrivning",
    "sprog",
    "engelsk",
    "tysk",
    "excel",
    "sap",
    "navision",
    "power",
    "python",
    "programmering",
    "database",
    "arkiv",
    "journalisering",
    "dokumentation",
    "kvalitetssikring",
    "risiko",
    "compliance",
    "persondata",
};
constexpr std::array k_suffixes = {"", "en", "er", "erne", "et", "ens", "ende"};
constexpr std::array k_adjectives = {
    "offentlig",  "offentlige",  "juridisk",     "juridiske", "økonomisk", "økonomiske",    "faglig",
    "faglige",    "selvstændig", "struktureret", "analytisk", "engageret", "grundig",       "relevant",
    "relevante",  "bred",        "stor",         "store",     "ny",        "nye",           "tværgående",
    "strategisk", "politisk",    "politiske",    "digital",   "digitale",  "international", "kommunal",
};
constexpr std::array k_verbs = {
    "arbejdet",   "arbejder",  "ledet",     "udarbejdet", "analyseret", "koordineret",
    "gennemført", "håndteret", "formidlet", "rådgivet",   "ansvarlig",  "deltaget",
    "bidraget",   "udviklet",  "skrevet",   "fulgt",
};

/// The queries: plain words as a user types them, inflected otherwise than most of the text.
constexpr std::array k_queries = {
    "erfaringerne",        "projektledelse",
    "økonomiske analyser", "kommunikation og formidling",
    "samarbejdspartnere",  "regnskaberne",
    "sagsbehandlingen",    "juridisk uddannelse",
    "ledelseserfaringen",  "offentlige forvaltninger",
};

struct Vocabulary {
    std::vector<std::string> words;
    std::discrete_distribution<std::size_t> pick;
};

Vocabulary vocabulary(std::mt19937_64& random)
{
    Vocabulary result;
    for (const char* word : k_function_words)
        result.words.emplace_back(word);
    std::vector<std::string> content;
    for (const char* stem : k_stems)
        for (const char* suffix : k_suffixes)
            content.push_back(std::string(stem) + suffix);
    for (const char* word : k_adjectives)
        content.emplace_back(word);
    for (const char* word : k_verbs)
        content.emplace_back(word);
    std::shuffle(content.begin(), content.end(), random); // which content word is common is chance
    result.words.insert(result.words.end(), content.begin(), content.end());
    std::vector<double> weights;
    for (std::size_t rank = 0; rank < result.words.size(); ++rank)
        weights.push_back(1.0 / static_cast<double>(rank + 8));
    result.pick = std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
    return result;
}

std::string text_of(Vocabulary& words, std::mt19937_64& random, std::size_t bytes)
{
    std::string text;
    text.reserve(bytes + 64);
    std::size_t in_sentence = 0;
    while (text.size() < bytes) {
        std::string word = words.words[words.pick(random)];
        if (in_sentence == 0 && !word.empty() && word[0] >= 'a' && word[0] <= 'z')
            word[0] = static_cast<char>(word[0] - 'a' + 'A');
        text += word;
        if (++in_sentence >= 8 + random() % 10) {
            text += ". ";
            in_sentence = 0;
        } else {
            text += ' ';
        }
    }
    return text;
}

double percentile(std::vector<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: rekrut_search_bench DATABASE_URL APPLICATIONS ROUNDS\n");
        return 2;
    }
    rekrut::core::init_crypto();
    const std::string url = argv[1];
    const long applications = std::atol(argv[2]);
    const int rounds = std::atoi(argv[3]);
    auto database = Database::open(url, 1);

    long long institution = 0, first_case = 0;
    std::vector<std::int64_t> cases;
    database->read(
        [&](Session& session) {
            session.sql() << "SELECT institution_id, id FROM recruitment_cases"
                             " WHERE title = 'Fuldmægtig til økonomienheden' ORDER BY id",
                soci::into(institution), soci::into(first_case);
            soci::rowset<long long> rows =
                (session.sql().prepare
                     << "SELECT id FROM recruitment_cases WHERE institution_id = :i ORDER BY id",
                 soci::use(institution));
            for (long long id : rows)
                cases.push_back(id);
        });
    if (institution == 0 || cases.empty()) {
        std::fprintf(stderr, "rekrut_search_bench: the demo case is missing (run rekrut seed-demo)\n");
        return 1;
    }

    std::mt19937_64 random(20261130);
    Vocabulary words = vocabulary(random);
    auto fill_start = Clock::now();
    long long text_bytes = 0;
    constexpr long k_batch = 1000;
    for (long done = 0; done < applications; done += k_batch) {
        database
            ->transact([&](Transaction& transaction) -> rekrut::core::Status {
                for (long n = done; n < std::min(applications, done + k_batch); ++n) {
                    long long case_id = cases[static_cast<std::size_t>(n) % cases.size()], id = 0;
                    long long now = 1790000000 + n;
                    std::string name = "Ansøger " + std::to_string(n);
                    std::string email = "ansoger" + std::to_string(n) + "@example.test";
                    std::string key = "bench-" + std::to_string(n);
                    transaction.sql()
                        << "INSERT INTO applications (institution_id, case_id, full_name, email,"
                           " consent_processing, received_at, idempotency_key, created_at,"
                           " updated_at) VALUES (:i, :c, :n, :e, 1, :r, :k, :r2, :r3) RETURNING id",
                        soci::use(institution), soci::use(case_id), soci::use(name), soci::use(email),
                        soci::use(now), soci::use(key), soci::use(now), soci::use(now), soci::into(id);
                    std::string text = name + "\n" + email + "\n" + text_of(words, random, 2000);
                    text_bytes += static_cast<long long>(text.size());
                    rekrut::store::search_index::index_application(transaction, institution, case_id, id,
                                                                   text);
                }
                return rekrut::core::success();
            })
            .value();
    }
    if (database->dialect() == rekrut::store::Dialect::postgresql)
        database->read([](Session& session) { session.sql() << "VACUUM ANALYZE application_search"; });
    double fill_seconds = std::chrono::duration<double>(Clock::now() - fill_start).count();
    std::printf("filled %ld applications (%.1f MB of text) into institution %lld (%zu cases) in %.1f s\n",
                applications, static_cast<double>(text_bytes) / 1e6, institution, cases.size(), fill_seconds);
    std::printf("FILL %.1f\n", fill_seconds);

    struct Scope {
        const char* name;
        std::vector<std::int64_t> case_ids;
    };
    const std::array scopes = {Scope{"institution", {}}, Scope{"case", {first_case}}};
    for (const Scope& scope : scopes) {
        std::vector<double> all;
        std::vector<std::vector<double>> per_query(k_queries.size());
        std::vector<std::size_t> hits(k_queries.size());
        for (int round = -1; round < rounds; ++round) { // round -1 warms the caches and is not counted
            for (std::size_t q = 0; q < k_queries.size(); ++q) {
                auto start = Clock::now();
                auto found = database->read([&](Session& session) {
                    return rekrut::store::search_index::search(session, institution, scope.case_ids,
                                                               k_queries[q], 20);
                });
                double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
                hits[q] = found.size();
                if (round >= 0) {
                    all.push_back(ms);
                    per_query[q].push_back(ms);
                }
            }
        }
        for (std::size_t q = 0; q < k_queries.size(); ++q) {
            std::printf("  %-12s %-28s p50 %8.2f ms  p95 %8.2f ms  (%zu hits shown)\n", scope.name,
                        k_queries[q], percentile(per_query[q], 0.5), percentile(per_query[q], 0.95), hits[q]);
        }
        std::printf("RESULT %s %zu %.2f %.2f %.2f\n", scope.name, all.size(), percentile(all, 0.5),
                    percentile(all, 0.95), percentile(all, 1.0));
    }
    return 0;
}
