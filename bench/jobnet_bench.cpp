// Jobnet delivery against the simulator: publishes CASES copies of the demo case "Fuldmægtig til
// økonomienheden" (each with its contacts and ad, its transfer queued as publishing queues it), then
//   1. times jobnet::Sender until every ad stands as Publication at the simulator (per ad: GetJob by
//      reference, AddJob, PublishJob, each transfer claimed and recorded in its own transactions with
//      its audit event), and
//   2. as the reference, times the connector alone making the same AddJob and PublishJob calls for as
//      many new references, with no database: what the simulator and the wire take.
// Built with the release preset only; run by bench/jobnet.sh, results in docs/benchmarks.md.
//
//   rekrut_jobnet_bench DATABASE_URL KEY_FILE ENDPOINT PASSWORD CASES
//
// Prints "RESULT transfer <ads> <seconds>" and "RESULT reference <ads> <seconds>" for the script.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <soci/soci.h>
#include <string>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/secret_key.hpp"
#include "integrations/jobnet_client.hpp"
#include "integrations/smtp.hpp"
#include "services/jobnet/jobnet_transfer.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"

namespace {

using rekrut::store::Database;
using rekrut::store::Session;
using rekrut::store::Transaction;
using Clock = std::chrono::steady_clock;
namespace jobnet = rekrut::services::jobnet;

double seconds_since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 6) {
        std::fprintf(stderr, "usage: rekrut_jobnet_bench DATABASE_URL KEY_FILE ENDPOINT PASSWORD CASES\n");
        return 2;
    }
    rekrut::core::init_crypto();
    rekrut::integrations::init_smtp(); // initialises libcurl
    const long cases = std::atol(argv[5]);
    auto database = Database::open(argv[1], 2);
    auto key = rekrut::core::SecretKey::load_or_create(argv[2]);
    if (!key) {
        std::fprintf(stderr, "rekrut_jobnet_bench: the key file cannot be read\n");
        return 1;
    }
    database->set_secret_key(*key);
    rekrut::integrations::jobnet::Settings settings{argv[3], "rekrut", argv[4],
                                                    std::string(rekrut::integrations::jobnet::k_default_namespace), 20};

    long long institution = 0, source_id = 0;
    database->read([&](Session& session) {
        session.sql() << "SELECT institution_id, id FROM recruitment_cases"
                         " WHERE title = 'Fuldmægtig til økonomienheden' ORDER BY id",
            soci::into(institution), soci::into(source_id);
    });
    if (institution == 0) {
        std::fprintf(stderr, "rekrut_jobnet_bench: the demo data is missing (run rekrut seed-demo)\n");
        return 1;
    }

    jobnet::enable(true);
    const auto now = rekrut::core::now();
    auto seeded = database->transact([&](Transaction& transaction) -> rekrut::core::Status {
        auto source = rekrut::store::cases::find(transaction, institution, source_id);
        auto contacts = rekrut::store::cases::contacts(transaction, institution, source_id);
        auto ad = rekrut::store::cases::latest_ad(transaction, institution, source_id, "da");
        if (!source || !ad)
            return rekrut::core::Error::not_found();
        for (long n = 0; n < cases; ++n) {
            auto record = *source;
            record.title = "Fuldmægtig " + std::to_string(n + 1);
            record.created_at = record.updated_at = now;
            record.id = rekrut::store::cases::insert(transaction, record);
            rekrut::store::cases::replace_contacts(transaction, institution, record.id, contacts);
            rekrut::store::cases::add_ad_version(transaction, institution, record.id, *ad, {}, 0);
            rekrut::store::cases::set_state(transaction, institution, record.id,
                                            rekrut::domain::CaseState::published, now, now);
            record.state = rekrut::domain::CaseState::published;
            record.published_at = now;
            jobnet::queue_publication(transaction, record, now);
        }
        return rekrut::core::success();
    });
    if (!seeded) {
        std::fprintf(stderr, "rekrut_jobnet_bench: the demo case could not be copied\n");
        return 1;
    }
    auto published = [&] {
        long long count = 0;
        database->read([&](Session& session) {
            session.sql() << "SELECT COUNT(*) FROM jobnet_jobs WHERE jobnet_status = 'Publication'",
                soci::into(count);
        });
        return count;
    };

    jobnet::Sender sender(*database, settings, 1, "https://rekrut.example.test");
    auto start = Clock::now();
    while (published() < cases && seconds_since(start) < 300)
        sender.transfer_due();
    double transfer_seconds = seconds_since(start);
    long long done = published();
    std::printf("RESULT transfer %lld %.3f\n", done, transfer_seconds);

    rekrut::integrations::jobnet::Client client(settings);
    rekrut::integrations::jobnet::JobAd ad;
    database->read([&](Session& session) {
        auto source = rekrut::store::cases::find(session, institution, source_id);
        ad = jobnet::job_ad_for(session, *source, now, "https://rekrut.example.test");
    });
    start = Clock::now();
    long reference_done = 0;
    for (long n = 0; n < cases; ++n) {
        ad.reference = "reference-run-" + std::to_string(n);
        auto added = client.add(ad);
        if (added && client.publish(added->job_id))
            ++reference_done;
    }
    std::printf("RESULT reference %ld %.3f\n", reference_done, seconds_since(start));
    return done == cases && reference_done == cases ? 0 : 1;
}
