// Bulk mail under a realistic volume: adds APPLICATIONS applications (each with its own data key) to
// the demo case "Fuldmægtig til økonomienheden", closes the case for applications, then
//   1. times services::Mailings::send of one personalised rejection to all of them (one mailing: the
//      mails rendered, sealed under each application's key and queued in one transaction), and
//   2. times services::OutboxSender delivering them to the SMTP server at SMTP_URL, until none is
//      waiting (each mail recorded as sent, and the application's status set, in its own transaction).
// Built with the release preset only; run by bench/mail.sh, results in docs/benchmarks.md.
//
//   rekrut_mail_bench DATABASE_URL KEY_FILE SMTP_URL APPLICATIONS
//
// Prints "RESULT queue <mails> <seconds>" and "RESULT deliver <mails> <seconds>" for the script.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <soci/soci.h>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/secret_key.hpp"
#include "domain/access/actor.hpp"
#include "domain/application/application_records.hpp"
#include "integrations/smtp.hpp"
#include "services/communication/mailings.hpp"
#include "services/outbox_sender.hpp"
#include "store/application_store.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"

namespace {

using rekrut::store::Database;
using rekrut::store::Session;
using rekrut::store::Transaction;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 5) {
        std::fprintf(stderr, "usage: rekrut_mail_bench DATABASE_URL KEY_FILE SMTP_URL APPLICATIONS\n");
        return 2;
    }
    rekrut::core::init_crypto();
    rekrut::integrations::init_smtp();
    const long applications = std::atol(argv[4]);
    auto database = Database::open(argv[1], 2);
    auto key = rekrut::core::SecretKey::load_or_create(argv[2]);
    if (!key) {
        std::fprintf(stderr, "rekrut_mail_bench: the key file cannot be read\n");
        return 1;
    }
    database->set_secret_key(*key);

    long long institution = 0, case_id = 0, projektleder = 0;
    database->read([&](Session& session) {
        session.sql() << "SELECT institution_id, id FROM recruitment_cases"
                         " WHERE title = 'Fuldmægtig til økonomienheden' ORDER BY id",
            soci::into(institution), soci::into(case_id);
        session.sql() << "SELECT id FROM users WHERE email = 'projektleder@styrelsen.example.test'",
            soci::into(projektleder);
    });
    if (institution == 0 || projektleder == 0) {
        std::fprintf(stderr, "rekrut_mail_bench: the demo data is missing (run rekrut seed-demo)\n");
        return 1;
    }

    std::vector<std::int64_t> ids;
    const auto now = rekrut::core::now();
    auto added = database->transact([&](Transaction& transaction) -> rekrut::core::Status {
        for (long n = 0; n < applications; ++n) {
            rekrut::domain::ApplicationRecord record;
            record.institution_id = institution;
            record.case_id = case_id;
            record.full_name = "Bench Ansøger " + std::to_string(n);
            record.email = "bench" + std::to_string(n) + "@example.test";
            record.consent_processing = true;
            record.received_at = now;
            record.idempotency_key = rekrut::core::random_hex(16);
            record.created_at = record.updated_at = now;
            record.id = rekrut::store::applications::insert(transaction, record);
            rekrut::store::application_keys::create(transaction, record.id);
            ids.push_back(record.id);
        }
        transaction.sql() << "UPDATE recruitment_cases SET application_deadline = :deadline WHERE id = :id",
            soci::use(static_cast<long long>(now - 3600)), soci::use(case_id);
        return rekrut::core::success();
    });
    if (!added) {
        std::fprintf(stderr, "rekrut_mail_bench: the applications could not be added\n");
        return 1;
    }

    rekrut::domain::Actor actor;
    actor.user_id = projektleder;
    actor.institution_id = institution;
    actor.case_roles[case_id].insert(rekrut::domain::CaseRole::projektleder);
    rekrut::services::Mailings mailings(*database, "https://rekrut.example.test",
                                        "Rekrut <noreply@example.test>");
    rekrut::services::MailDraft draft;
    draft.kind = "rejection_before_interview";
    draft.application_ids = ids;
    auto queue_start = Clock::now();
    auto mailing = mailings.send(actor, institution, case_id, draft, {projektleder, "Bench", "", ""});
    const double queue_seconds = seconds_since(queue_start);
    if (!mailing) {
        std::fprintf(stderr, "rekrut_mail_bench: the mailing was refused: %s\n",
                     mailing.error().message.c_str());
        return 1;
    }
    std::printf("RESULT queue %ld %.3f\n", applications, queue_seconds);

    rekrut::services::OutboxSender sender(*database, {argv[3], "Rekrut <noreply@example.test>", "", "", 20});
    auto deliver_start = Clock::now();
    long delivered = 0;
    while (delivered < applications) {
        int sent = sender.deliver_due();
        if (sent == 0)
            break;
        delivered += sent;
    }
    const double deliver_seconds = seconds_since(deliver_start);
    std::printf("RESULT deliver %ld %.3f\n", delivered, deliver_seconds);
    return delivered == applications ? 0 : 1;
}
