// The committee's assessment at the size of a large case, for bench/assessment.sh.
//
//   rekrut_assessment_bench seed DATABASE_URL KEY_FILE APPLICATIONS MEMBERS
//   rekrut_assessment_bench list DATABASE_URL CASE_ID VIEWER_ID ROUNDS
//
// seed: on a database with the demo data (`rekrut seed-demo`), adds to the first demo institution one
// published case with a scorecard of 3 weighted criteria and APPLICATIONS applications (synthetic
// names, example.test addresses, each with its own data key), and MEMBERS committee members (new
// users without institution roles; the first projektleder, the others projektdeltager). Every member
// declares on every application, with a conflict on a few; marks every application they have no
// conflict with Yes, Maybe or No, scores it on the 3 criteria, and the application's summary is
// summed up by domain::summarise. Everything is written through the store functions the product
// uses, so the rows are the product's own. Last it creates a signed-in session for the first
// projektdeltager (no institution role, so no second factor), stored as a real login stores it.
// Prints "CASE <id>", "VIEWER <user id>", "TOKEN <session token>", "CONFLICTS <the viewer's>" and
// "SEEDED <seconds>".
//
// list: times store::assessment::list, the committee's list query with keyset paging, as the viewer
// (a member) meets it: the first page, a page in the middle (after the 1,000th row in the order) and
// the first page sorted by the committee's marks, ROUNDS times each after one untimed round, and
// store::assessment::count. Prints "RESULT <name> <rows> <p50 ms> <p99 ms> <max ms>".
//
// Built with the release preset only; results in docs/benchmarks.md.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <soci/soci.h>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/secret_key.hpp"
#include "domain/access/account_records.hpp"
#include "domain/application/application_records.hpp"
#include "domain/assessment/assessment.hpp"
#include "domain/assessment/assessment_records.hpp"
#include "domain/recruitment_case/case_records.hpp"
#include "store/application_store.hpp"
#include "store/assessment_store.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"
#include "store/identity_store.hpp"
#include "store/session_store.hpp"

namespace {

using rekrut::store::Database;
using rekrut::store::Session;
using rekrut::store::Transaction;
using Clock = std::chrono::steady_clock;
namespace domain = rekrut::domain;
namespace store = rekrut::store;

double seconds_since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// A fixed sequence, so that every run seeds the same marks, scores and conflicts.
class Sequence {
public:
    explicit Sequence(unsigned long long seed) : m_state(seed) {}
    unsigned next(unsigned bound)
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<unsigned>((m_state >> 33) % bound);
    }

private:
    unsigned long long m_state;
};

constexpr const char* k_first_names[] = {"Anne",  "Bo",  "Camilla", "Dorthe", "Emil", "Freja", "Gustav",
                                         "Hanne", "Ida", "Jens",    "Karen",  "Lars", "Mette", "Niels",
                                         "Ole",   "Pia", "Rasmus",  "Sofie",  "Tove", "Ulrik", "Vibeke"};
constexpr const char* k_last_names[] = {"Andersen", "Bech",      "Christensen", "Dahl",    "Eriksen",
                                        "Frandsen", "Holm",      "Iversen",     "Jensen",  "Kristensen",
                                        "Lund",     "Madsen",    "Nielsen",     "Olsen",   "Petersen",
                                        "Quist",    "Rasmussen", "Sørensen",    "Thomsen", "Vestergaard"};

int seed(const std::string& url, const std::string& key_file, int applications, int members)
{
    auto database = Database::open(url, 1);
    auto key = rekrut::core::SecretKey::load_or_create(key_file);
    if (!key) {
        std::fprintf(stderr, "rekrut_assessment_bench: the key file cannot be read\n");
        return 1;
    }
    database->set_secret_key(*key);

    long long institution = 0, administrator = 0;
    database->read([&](Session& session) {
        session.sql()
            << "SELECT institution_id, id FROM users WHERE email = 'administrator@styrelsen.example.test'",
            soci::into(institution), soci::into(administrator);
    });
    if (institution == 0) {
        std::fprintf(stderr, "rekrut_assessment_bench: the demo data is missing (run rekrut seed-demo)\n");
        return 1;
    }

    const auto now = rekrut::core::now();
    const auto start = Clock::now();
    long long case_id = 0;
    std::vector<std::int64_t> member_ids;
    std::vector<std::int64_t> application_ids;
    std::vector<domain::Criterion> criteria;
    // Setup first: the case, its scorecard, its committee and the applications.
    auto set_up = database->transact([&](Transaction& transaction) -> rekrut::core::Status {
        domain::CaseRecord record;
        record.institution_id = institution;
        record.title = "Specialkonsulent til vurderingsbenchmark";
        record.state = domain::CaseState::published;
        record.place_of_work = "København K";
        record.application_deadline = now + 86400;
        record.published_at = now - 30 * 86400;
        record.created_at = record.updated_at = now - 31 * 86400;
        case_id = store::cases::insert(transaction, record);

        domain::ScreeningMethods methods;
        methods.scorecard = true;
        store::assessment::save_methods(transaction, institution, case_id, methods, administrator, now);
        store::assessment::save_criteria(
            transaction, institution, case_id,
            {{0, "Erfaring med offentlig forvaltning", 3}, {0, "Analytiske evner", 2}, {0, "Samarbejde", 1}});
        criteria = store::assessment::criteria(transaction, institution, case_id);

        for (int n = 0; n < members; ++n) {
            domain::UserRecord user;
            user.institution_id = institution;
            user.email = "udvalg" + std::to_string(n + 1) + "@styrelsen.example.test";
            user.name =
                std::string("Udvalgsmedlem ") + k_first_names[n % 21] + " " + k_last_names[(n * 7) % 20];
            user.rights_changed_at = user.created_at = now - 31 * 86400;
            const auto user_id = store::users::insert(transaction, user, administrator);
            store::cases::add_member(transaction, institution, case_id, user_id,
                                     n == 0 ? domain::CaseRole::projektleder
                                            : domain::CaseRole::projektdeltager,
                                     administrator, now - 30 * 86400);
            member_ids.push_back(user_id);
        }

        Sequence names(17);
        for (int n = 0; n < applications; ++n) {
            domain::ApplicationRecord record;
            record.institution_id = institution;
            record.case_id = case_id;
            record.full_name = std::string(k_first_names[names.next(21)]) + " " +
                               k_last_names[names.next(20)] + " " + k_last_names[names.next(20)];
            record.email = "ansoeger" + std::to_string(n + 1) + "@example.test";
            record.cover_letter = "Jeg søger stillingen som specialkonsulent.";
            record.consent_processing = true;
            record.priority_access = n % 97 == 0;
            // Received over the 30 days the case has been published, in order.
            record.received_at = now - 30 * 86400 + static_cast<long long>(n) * 29 * 86400 / applications;
            record.idempotency_key = rekrut::core::random_hex(16);
            record.created_at = record.updated_at = record.received_at;
            record.id = store::applications::insert(transaction, record);
            store::application_keys::create(transaction, record.id);
            application_ids.push_back(record.id);
        }
        return rekrut::core::success();
    });
    if (!set_up) {
        std::fprintf(stderr, "rekrut_assessment_bench: the case could not be set up\n");
        return 1;
    }

    // The committee's work, in batches of 100 applications a transaction (as members would save it,
    // in many small transactions; one huge one would be unlike anything the product does).
    Sequence judgement(42);
    int viewer_conflicts = 0;
    const std::int64_t viewer = member_ids.size() > 1 ? member_ids[1] : member_ids[0];
    for (std::size_t first = 0; first < application_ids.size(); first += 100) {
        auto saved = database->transact([&](Transaction& transaction) -> rekrut::core::Status {
            const auto last = std::min(application_ids.size(), first + 100);
            for (auto index = first; index < last; ++index) {
                const auto application = application_ids[index];
                std::vector<domain::Mark> marks;
                std::vector<domain::MemberScores> scores;
                for (std::size_t member = 0; member < member_ids.size(); ++member) {
                    // A few real conflicts: each member knows about one applicant in 400.
                    const bool conflict = (index * 7 + member * 131) % 400 == 0;
                    store::assessment::declare(transaction, institution, case_id, application,
                                               member_ids[member], conflict, now);
                    if (conflict) {
                        viewer_conflicts += member_ids[member] == viewer ? 1 : 0;
                        continue;
                    }
                    const unsigned roll = judgement.next(10);
                    const auto mark = roll < 3   ? domain::Mark::yes
                                      : roll < 7 ? domain::Mark::maybe
                                                 : domain::Mark::no;
                    store::assessment::set_mark(transaction, institution, case_id, application,
                                                member_ids[member], mark, "", now);
                    marks.push_back(mark);
                    domain::MemberScores member_scores;
                    member_scores.user_id = member_ids[member];
                    for (const auto& criterion : criteria)
                        member_scores.scores[criterion.id] = 1 + static_cast<int>(judgement.next(5));
                    store::assessment::set_scores(transaction, institution, case_id, application,
                                                  member_scores, now);
                    scores.push_back(member_scores);
                }
                store::assessment::save_summary(transaction, institution, case_id, application,
                                                domain::summarise(marks, criteria, scores));
            }
            return rekrut::core::success();
        });
        if (!saved) {
            std::fprintf(stderr, "rekrut_assessment_bench: the committee's work could not be saved\n");
            return 1;
        }
    }

    // A session for the viewer, stored as a real login stores it: only the hash of the token.
    const auto token = rekrut::core::random_hex(32);
    auto signed_in = database->transact([&](Transaction& transaction) -> rekrut::core::Status {
        store::sessions::create(transaction, rekrut::core::blake2b_hex("session:" + token), viewer, false,
                                now, now + 12 * 3600, "127.0.0.1");
        return rekrut::core::success();
    });
    if (!signed_in) {
        std::fprintf(stderr, "rekrut_assessment_bench: the session could not be created\n");
        return 1;
    }
    std::printf("CASE %lld\nVIEWER %lld\nTOKEN %s\nCONFLICTS %d\nSEEDED %.1f\n", case_id,
                static_cast<long long>(viewer), token.c_str(), viewer_conflicts, seconds_since(start));
    return 0;
}

struct Timing {
    std::string name;
    std::size_t rows = 0;
    std::vector<double> milliseconds;
};

void report(Timing& timing)
{
    std::sort(timing.milliseconds.begin(), timing.milliseconds.end());
    const auto& times = timing.milliseconds;
    const auto at = [&](double share) {
        auto index = static_cast<std::size_t>(share * static_cast<double>(times.size()));
        return times[std::min(times.size() - 1, index == 0 ? 0 : index - 1)];
    };
    std::printf("RESULT %s %zu %.3f %.3f %.3f\n", timing.name.c_str(), timing.rows, at(0.5), at(0.99),
                times.back());
}

int list(const std::string& url, long long case_id, long long viewer, int rounds)
{
    auto database = Database::open(url, 1);
    long long institution = 0;
    database->read([&](Session& session) {
        session.sql() << "SELECT institution_id FROM recruitment_cases WHERE id = :id",
            soci::into(institution), soci::use(case_id);
    });
    if (institution == 0) {
        std::fprintf(stderr, "rekrut_assessment_bench: no case %lld\n", case_id);
        return 1;
    }
    domain::ApplicationListQuery first;
    first.institution_id = institution;
    first.case_id = case_id;
    first.viewer_id = viewer;
    first.member = true;

    // The id of the 1,000th row in the list's order, found by paging as a user would.
    auto middle = first;
    database->read([&](Session& session) {
        for (int page = 0; page < 20; ++page) {
            auto rows = store::assessment::list(session, middle).rows;
            if (rows.empty())
                break;
            middle.after_id = rows.back().id;
        }
    });
    auto committee = first;
    committee.sort = domain::ApplicationSort::committee;

    std::vector<Timing> timings;
    const auto time = [&](const std::string& name, const std::function<std::size_t(Session&)>& work) {
        Timing timing{name, 0, {}};
        database->read([&](Session& session) {
            timing.rows = work(session);
            for (int round = 0; round < rounds; ++round) {
                const auto start = Clock::now();
                work(session);
                timing.milliseconds.push_back(seconds_since(start) * 1000);
            }
        });
        report(timing);
    };
    time("list_first_page",
         [&](Session& session) { return store::assessment::list(session, first).rows.size(); });
    time("list_after_1000",
         [&](Session& session) { return store::assessment::list(session, middle).rows.size(); });
    time("list_sorted_committee",
         [&](Session& session) { return store::assessment::list(session, committee).rows.size(); });
    time("count", [&](Session& session) {
        return static_cast<std::size_t>(store::assessment::count(session, first));
    });
    time("has_undeclared", [&](Session& session) {
        return static_cast<std::size_t>(
            store::assessment::has_undeclared(session, institution, case_id, viewer));
    });
    std::printf("MIDDLE %lld\n", static_cast<long long>(middle.after_id.value_or(0)));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string> arguments(argv, argv + argc);
    if (argc == 6 && arguments[1] == "seed") {
        rekrut::core::init_crypto();
        return seed(arguments[2], arguments[3], std::atoi(argv[4]), std::atoi(argv[5]));
    }
    if (argc == 6 && arguments[1] == "list")
        return list(arguments[2], std::atoll(argv[3]), std::atoll(argv[4]), std::atoi(argv[5]));
    std::fprintf(stderr, "usage: rekrut_assessment_bench seed DATABASE_URL KEY_FILE APPLICATIONS MEMBERS\n"
                         "       rekrut_assessment_bench list DATABASE_URL CASE_ID VIEWER_ID ROUNDS\n");
    return 2;
}
