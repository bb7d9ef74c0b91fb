// Composition root: configuration → database → services → web. Each subcommand is a function here.
#include <CLI/CLI.hpp>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <malloc.h>
#include <memory>
#include <optional>
#include <pthread.h>
#include <unistd.h>

#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/secret_key.hpp"
#include "core/text.hpp"
#include "integrations/smtp.hpp"
#include "integrations/totp.hpp"
#include "services/applications/applications.hpp"
#include "services/applications/attachment_texts.hpp"
#include "services/applications/held_uploads.hpp"
#include "services/applications/self_service.hpp"
#include "services/assessment/assessment.hpp"
#include "services/assessment/ranking_lists.hpp"
#include "services/audit_anchor.hpp"
#include "services/audit_log.hpp"
#include "services/audit_personal.hpp"
#include "services/audit_trail.hpp"
#include "services/communication/email_templates.hpp"
#include "services/communication/mailings.hpp"
#include "services/decision/case_decisions.hpp"
#include "services/demo_seed.hpp"
#include "services/identity.hpp"
#include "services/institution_setup.hpp"
#include "services/interview/interviews.hpp"
#include "services/jobnet/jobnet_transfer.hpp"
#include "services/mail/mail_composer.hpp"
#include "services/open_positions.hpp"
#include "services/operations/anonymise.hpp"
#include "services/operations/backup.hpp"
#include "services/operations/contingency.hpp"
#include "services/operations/offboarding.hpp"
#include "services/outbox_sender.hpp"
#include "services/passwords.hpp"
#include "services/periodic_job.hpp"
#include "services/platform_operator.hpp"
#include "services/recruitment_case/case_lifecycle.hpp"
#include "services/recruitment_case/committee.hpp"
#include "services/recruitment_case/job_ads.hpp"
#include "services/recruitment_case/recruitment_cases.hpp"
#include "services/recruitment_case/screening_questions.hpp"
#include "services/retention/data_requests.hpp"
#include "services/retention/retention.hpp"
#include "services/status/operator_controls.hpp"
#include "services/status/service_notices.hpp"
#include "services/system_status.hpp"
#include "services/user_administration.hpp"
#include "simulators/jobnet_simulator.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"
#include "store/installation_key_store.hpp"
#include "store/institution_store.hpp"
#include "store/migrations.hpp"
#include "store/runtime_role.hpp"
#include "web/app_context.hpp"
#include "web/application.hpp"
#include "web/http_server.hpp"
#include "web/i18n.hpp"
#include "web/metrics.hpp"
#include "web/operations/operations.hpp"
#include "web/operator/controls_pages.hpp"
#include "web/public_site/career_cache.hpp"
#include "web/status/status_pages.hpp"
#include "web/views.hpp"

extern char** environ;

namespace rekrut {
namespace fs = std::filesystem;

namespace {

fs::path executable_dir()
{
    std::error_code error;
    fs::path self = fs::read_symlink("/proc/self/exe", error);
    return error ? fs::current_path() : self.parent_path();
}

/// The folder that holds templates/, migrations/ and web/: configured, or found by walking up
/// from the executable (build/<preset>/rekrut), or the working directory.
std::string find_resource_dir(const core::Config& config)
{
    if (!config.resource_dir.empty())
        return config.resource_dir;
    for (fs::path dir = executable_dir(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path())
        if (fs::exists(dir / "templates") && fs::exists(dir / "migrations"))
            return dir.string();
    return fs::current_path().string();
}

std::string find_locale_dir(const core::Config& config)
{
    return config.locale_dir.empty() ? (executable_dir() / "locale").string() : config.locale_dir;
}

void ensure_sqlite_folder(const std::string& url)
{
    if (url.rfind("sqlite:", 0) != 0)
        return;
    fs::path file = url.substr(7);
    if (file.has_parent_path())
        fs::create_directories(file.parent_path());
}

int fail(const std::string& message)
{
    std::cerr << "rekrut: " << message << "\n";
    return 1;
}

/// Compares the database's key with the fingerprint the database records, and records it on the first
/// start after migration 0018 (see store/installation_key_store.hpp). Throws std::runtime_error, naming
/// both fingerprints, when the key is not the installation's: a node with another key would write
/// audit events and second factors that the other nodes cannot read.
void check_installation_key(const core::Config& config, store::Database& database)
{
    using store::installation_key::Verdict;
    const std::string& ours = database.secret_key().fingerprint();
    auto check = store::installation_key::check_or_record(database);
    switch (check.verdict) {
    case Verdict::not_migrated:
    case Verdict::matches: return;
    case Verdict::recorded_now:
        core::log_event("info", "installation_key_recorded", "\"fingerprint\":\"" + ours + "\"");
        return;
    case Verdict::differs:
        throw std::runtime_error("the key file " + config.key_file + " holds the key with fingerprint " +
                                 ours +
                                 ", but this database belongs to the installation key with fingerprint " +
                                 check.recorded_fingerprint +
                                 "; every node must use the installation's key file: copy it from a node "
                                 "that runs (security.key_file)");
    case Verdict::opens_no_data:
        throw std::runtime_error("the key file " + config.key_file + " holds the key with fingerprint " +
                                 ours +
                                 ", which does not open the data in this database (its audit trail or second "
                                 "factors were written with another key); restore the installation's key "
                                 "file (security.key_file)");
    }
}

/// The database with the installation's secret key, which every command that writes audit events or
/// reads second factors needs. Throws std::runtime_error when the key file cannot be read or made, or
/// holds another key than the installation's.
std::unique_ptr<store::Database> open_database(const core::Config& config, const std::string& url,
                                               unsigned pool_size)
{
    ensure_sqlite_folder(url);
    auto database = store::Database::open(url, pool_size);
    // A new key is made only for a database that holds nothing written with one and has no key
    // recorded: a missing key file next to existing data is a restore gone wrong or a node set up
    // without the installation's key, and a new key would make that data unreadable.
    std::error_code ignored;
    if (!fs::exists(config.key_file, ignored)) {
        if (store::holds_keyed_data(*database))
            throw std::runtime_error("the key file " + config.key_file +
                                     " is missing, but the database holds data written with a key (the audit "
                                     "trail, second factors); restore the key file (security.key_file)");
        if (auto recorded = store::installation_key::recorded_fingerprint(*database); !recorded.empty())
            throw std::runtime_error("the key file " + config.key_file +
                                     " is missing, but this database belongs to the installation key with "
                                     "fingerprint " +
                                     recorded +
                                     "; copy the key file from a node that runs (security.key_file)");
    }
    auto key = core::SecretKey::load_or_create(config.key_file);
    if (!key)
        throw std::runtime_error(key.error().message);
    database->set_secret_key(*key);
    check_installation_key(config, *database);
    return database;
}

std::unique_ptr<store::Database> open_database(const core::Config& config)
{
    return open_database(config, config.database_url, config.database_pool_size);
}

/// Applies pending migrations as the owner role (database.migration_url when set), then grants the
/// runtime role its privileges.
core::Result<store::MigrationReport> migrate_database(const core::Config& config,
                                                      const std::string& resources)
{
    const auto& url =
        config.database_migration_url.empty() ? config.database_url : config.database_migration_url;
    auto owner = open_database(config, url, 1);
    auto migrations =
        store::read_migrations(resources + "/migrations", owner->dialect() == store::Dialect::sqlite);
    auto migrated = store::migrate(*owner, migrations);
    if (!migrated)
        return migrated.error();
    // A new database has its table for the key's fingerprint only now.
    check_installation_key(config, *owner);
    // Events written before personal data was sealed are sealed once, and the chain computed again
    // (ADR 0009); the anchor then records the new head, as the old one no longer exists.
    auto sealed = services::seal_existing_audit_events(*owner);
    if (!sealed)
        return sealed.error();
    if (sealed->events_changed > 0) {
        core::log_event("info", "audit_events_sealed",
                        "\"events\":" + std::to_string(sealed->events_changed));
        if (!config.audit_anchor.empty())
            if (auto marked = services::AuditAnchor(*owner, config.audit_anchor).mark(); !marked)
                return marked.error();
    }
    migrated->version = migrations.empty() ? 0 : migrations.back().version;
    if (!config.database_runtime_role.empty())
        if (auto granted = store::grant_runtime_role(*owner, config.database_runtime_role); !granted)
            return granted.error();
    return migrated;
}

int run_migrate(const core::Config& config, const std::string& resources)
{
    auto report = migrate_database(config, resources);
    if (!report)
        return fail(report.error().message);
    for (const auto& name : report->applied)
        std::cout << "applied " << name << "\n";
    std::cout << "database is at version " << report->version << "\n";
    return 0;
}

int run_seed_demo(const core::Config& config, const std::string& resources)
{
    auto database = open_database(config);
    auto migrations =
        store::read_migrations(resources + "/migrations", database->dialect() == store::Dialect::sqlite);
    if (!store::migrations_current(*database, migrations))
        return fail("the database is not migrated; run `rekrut migrate` first");
    auto report = services::seed_demo(*database);
    if (!report.seeded) {
        std::cout << "the database already has data; demo data not added\n";
        return 0;
    }
    std::cout << "demo data added\n";
    for (const auto& line : report.logins)
        std::cout << line << "\n";
    return 0;
}

/// Reads a password from stdin (first line) or, when stdin is a terminal or empty, generates one.
std::string password_from_stdin(bool& generated)
{
    generated = false;
    std::string password;
    if (!isatty(STDIN_FILENO))
        std::getline(std::cin, password);
    if (password.empty()) {
        password = services::passwords::generate();
        generated = true;
    }
    return password;
}

services::Origin command_line_origin()
{
    return services::Origin::system("command line");
}

domain::Actor command_line_operator()
{
    // The command line acts with the operator's rights; it is only available on the server itself.
    domain::Actor actor;
    actor.name = "command line";
    actor.is_operator = true;
    return actor;
}

int run_create_operator(const core::Config& config, const std::string& email, const std::string& name)
{
    auto database = open_database(config);
    bool generated = false;
    std::string password = password_from_stdin(generated);
    services::UserAdministration administration(*database, config.public_url);
    auto id = administration.create_operator(email, name, password, command_line_origin());
    if (!id)
        return fail(id.error().message);
    std::cout << "operator " << email << " created (id " << *id << ")\n";
    if (generated)
        std::cout << "password (shown once): " << password << "\n";
    std::cout << "the operator must set up two-step login at the first login\n";
    return 0;
}

int run_create_institution(const core::Config& config, const std::string& cvr, const std::string& name,
                           const std::string& address)
{
    auto database = open_database(config);
    services::UserAdministration administration(*database, config.public_url);
    auto id =
        administration.create_institution(command_line_operator(), cvr, name, address, command_line_origin());
    if (!id) {
        for (const auto& field : id.error().fields)
            std::cerr << "rekrut: " << field.field << ": " << field.message << "\n";
        return fail(id.error().message);
    }
    std::cout << "institution " << name << " created (id " << *id << ")\n";
    return 0;
}

int run_create_user(const core::Config& config, const std::string& cvr, const std::string& email,
                    const std::string& name, const std::string& role)
{
    auto database = open_database(config);
    auto institution = store::InstitutionStore(*database).find_by_cvr(cvr);
    if (!institution)
        return fail("no institution has CVR number " + cvr);
    std::optional<domain::InstitutionRole> institution_role;
    if (!role.empty()) {
        institution_role = domain::institution_role_from_string(role);
        if (!institution_role)
            return fail("--role must be administrator (or none)");
        // Nobody grants the Superbruger role alone, the command line included: one operator asks for
        // it on the institution's page and a second one carries it out.
        if (*institution_role == domain::InstitutionRole::superbruger)
            return fail("a Superbruger is created on the institution's page by an operator and approved by a "
                        "second operator");
    }
    bool generated = false;
    std::string password = password_from_stdin(generated);
    services::UserAdministration administration(*database, config.public_url);
    // Only a Superbruger grants other roles; the command line acts as the institution's.
    domain::Actor actor = command_line_operator();
    actor.is_operator = false;
    actor.institution_id = institution->id;
    actor.institution_roles = {domain::InstitutionRole::superbruger};
    auto id = administration.create_user(actor, institution->id, {email, name, institution_role, password},
                                         command_line_origin(), [](const std::string& text) { return text; });
    if (!id) {
        for (const auto& field : id.error().fields)
            std::cerr << "rekrut: " << field.field << ": " << field.message << "\n";
        return fail(id.error().message);
    }
    std::cout << "user " << email << " created (id " << *id << ")\n";
    if (generated)
        std::cout << "password (shown once): " << password << "\n";
    return 0;
}

/// Checks the hash chain, then the chain's end against the latest anchor: `anchor_text` (an anchor
/// line copied from the system log) or else the newest line of the configured anchor file.
int run_audit_verify(const core::Config& config, const std::string& anchor_text)
{
    auto database = open_database(config);
    auto report = services::verify_audit_chain(*database);
    if (report.first_broken_id) {
        std::cout << "audit trail BROKEN at event " << *report.first_broken_id << ": " << report.problem
                  << "\n";
        return 1;
    }
    std::optional<services::AuditAnchorMark> anchor;
    if (!anchor_text.empty()) {
        anchor = services::parse_anchor_line(anchor_text);
        if (!anchor)
            return fail("--anchor: not an anchor line (rekrut-audit-anchor v1 at=... sequence=... hash=...)");
    } else if (!config.audit_anchor.empty() && config.audit_anchor != services::k_anchor_to_syslog) {
        anchor = services::latest_anchor(config.audit_anchor);
    }
    if (anchor) {
        if (auto problem = services::anchor_problem(*database, *anchor); !problem.empty()) {
            std::cout << "audit trail TRUNCATED: " << problem << "\n";
            return 1;
        }
    }
    std::cout << "audit trail intact: " << report.events << " events"
              << (anchor ? ", up to and past the anchor at event " + std::to_string(anchor->sequence)
                         : std::string(", no anchor to compare with"))
              << "\n";
    return 0;
}

/// Prints the events `filter` selects as JSON lines, oldest first, with their personal data opened
/// where its key still exists: for auditors working from the command line, and for tests.
int run_audit_export(const core::Config& config, const domain::AuditFilter& filter)
{
    auto database = open_database(config);
    auto events = services::read_opened_audit_events(*database, filter);
    for (auto event = events.rbegin(); event != events.rend(); ++event) {
        auto text = [](const std::string& value) { return "\"" + core::json_escape(value) + "\""; };
        auto number = [](const std::optional<std::int64_t>& value) {
            return value ? std::to_string(*value) : std::string("null");
        };
        std::cout << "{\"id\":" << event->id << ",\"occurred_at\":" << event->occurred_at
                  << ",\"actor_user_id\":" << number(event->actor_user_id)
                  << ",\"actor_name\":" << text(event->actor_name)
                  << ",\"institution_id\":" << number(event->institution_id)
                  << ",\"action\":" << text(event->action) << ",\"object_type\":" << text(event->object_type)
                  << ",\"object_id\":" << text(event->object_id) << ",\"before\":" << event->before_json
                  << ",\"after\":" << event->after_json << ",\"request_id\":" << text(event->request_id)
                  << ",\"ip\":" << text(event->ip) << "}\n";
    }
    return 0;
}

services::operations::BackupTools backup_tools(const core::Config& config)
{
    return {config.backup_postgresql_bin_dir};
}

/// The installation key from the key file, never made anew: a backup is verified or restored with
/// the key it was made with, and a new key would open nothing in it.
core::SecretKey existing_key(const core::Config& config)
{
    std::error_code ignored;
    if (!fs::exists(config.key_file, ignored))
        throw std::runtime_error("the key file " + config.key_file +
                                 " is missing; a backup needs the installation's key file, which is kept "
                                 "apart from backups (security.key_file)");
    auto key = core::SecretKey::load_or_create(config.key_file);
    if (!key)
        throw std::runtime_error(key.error().message);
    return *key;
}

int run_backup(const core::Config& config, std::string output)
{
    if (output.empty()) {
        if (config.backup_directory.empty())
            return fail("name the backup file with --output, or set backup.directory");
        std::time_t now = core::now();
        std::tm utc{};
        gmtime_r(&now, &utc);
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
        output = (fs::path(config.backup_directory) / ("rekrut-backup-" + std::string(stamp) + "-manual.tar"))
                     .string();
    }
    auto database = open_database(config);
    auto written =
        services::operations::write_backup(*database, config.database_url, output, backup_tools(config));
    if (!written)
        return fail(written.error().message);
    std::cout << "backup written: " << written->path << " (" << written->bytes << " bytes, schema version "
              << written->schema_version << ", " << written->tables << " tables, " << written->rows
              << " rows, " << written->audit_events << " audit events; the key is not in it)\n";
    return 0;
}

int run_backup_verify(const core::Config& config, const std::string& resources, const std::string& file)
{
    auto key = existing_key(config);
    services::operations::VerifyOptions options;
    options.key = &key;
    options.migrations_dir = resources + "/migrations";
    options.postgresql_url =
        config.database_migration_url.empty() ? config.database_url : config.database_migration_url;
    options.tools = backup_tools(config);
    auto report = services::operations::verify_backup(file, options);
    std::cout << "verifying " << file << "\n";
    for (const auto& check : report.checks)
        std::cout << (check.passed ? "  ok      " : "  FAILED  ") << check.name << ": " << check.detail
                  << "\n";
    std::cout << (report.passed() ? "backup verified\n" : "backup NOT verified\n");
    return report.passed() ? 0 : 1;
}

int run_restore(const core::Config& config, const std::string& resources, const std::string& file)
{
    auto key = existing_key(config);
    const auto& url =
        config.database_migration_url.empty() ? config.database_url : config.database_migration_url;
    ensure_sqlite_folder(url);
    auto migrations = store::read_migrations(resources + "/migrations", url.rfind("sqlite:", 0) == 0);
    auto restored = services::operations::restore_backup(file, url, key, migrations, backup_tools(config));
    if (!restored)
        return fail(restored.error().message);
    // Newer migrations and the runtime role's grants, then the key's check (open_database).
    auto report = migrate_database(config, resources);
    if (!report)
        return fail(report.error().message);
    for (const auto& name : report->applied)
        std::cout << "applied " << name << "\n";
    auto database = open_database(config, url, 1);
    services::operations::record_restore(*database, *restored);
    std::cout << "restored " << file << "; the database is at version " << report->version
              << "; run `rekrut backup verify` on the next backup and `rekrut audit verify` now\n";
    return 0;
}

/// Turns the copy at `url` into test data under the key in `new_key_file` (made when missing); the
/// original key comes from the configuration.
int run_anonymise(const core::Config& config, const std::string& resources, const std::string& url,
                  const std::string& new_key_file)
{
    std::error_code ignored;
    if (!fs::exists(config.key_file, ignored))
        return fail("anonymise: the key file " + config.key_file +
                    " is missing; the copy is opened with the installation's key file it was written with "
                    "(security.key_file); nothing was changed");
    auto original = existing_key(config);
    auto fresh = core::SecretKey::load_or_create(new_key_file);
    if (!fresh)
        return fail(fresh.error().message);
    services::operations::AnonymiseOptions options;
    options.copy_url = url;
    options.live_url = config.database_url;
    options.original_key = &original;
    options.new_key = &*fresh;
    options.migrations_dir = resources + "/migrations";
    auto report = services::operations::anonymise_copy(options);
    if (!report)
        return fail("anonymise: " + report.error().message + "; nothing was changed");
    std::cout << "anonymised " << url << ": " << report->users << " users, " << report->applications
              << " applications, " << report->attachments << " files, " << report->mails << " mails, "
              << report->audit_events << " audit events sealed again; the copy's key is " << new_key_file
              << " (fingerprint " << fresh->fingerprint() << ")\n"
              << "every account's password is now (shown once): " << report->test_password << "\n"
              << "every account's second-factor secret is now (hex, shown once): " << report->totp_secret_hex
              << "\n";
    // The copy is anonymised, but freed pages may still hold old values: a failure for scripts to notice.
    if (!report->compaction_problem.empty())
        return fail("anonymise: the copy could not be compacted (" + report->compaction_problem +
                    "); run VACUUM (VACUUM FULL on PostgreSQL) on it before it leaves this machine");
    return 0;
}

void mark_audit_anchor(services::AuditAnchor& anchor)
{
    // The database may be gone (at shutdown too); the next mark, or the next start, catches up.
    try {
        auto marked = anchor.mark();
        if (!marked)
            core::log_event("error", "audit_anchor_failed",
                            "\"error\":\"" + core::json_escape(marked.error().message) + "\"");
    } catch (const std::exception& error) {
        core::log_event("error", "audit_anchor_failed",
                        "\"error\":\"" + core::json_escape(error.what()) + "\"");
    }
}

/// The public listener's settings from the configuration.
web::HttpServer::Options public_listener_options(const core::Config& config)
{
    web::HttpServer::Options options;
    auto colon = config.listen.rfind(':');
    options.host = config.listen.substr(0, colon);
    options.port = static_cast<std::uint16_t>(std::stoi(config.listen.substr(colon + 1)));
    options.io_threads = config.io_threads;
    options.worker_threads = config.worker_threads;
    options.hashing_threads = config.hashing_threads;
    options.max_body_bytes = config.max_body_bytes;
    options.max_header_bytes = config.max_header_bytes;
    options.max_connections = config.max_connections;
    options.max_connections_per_ip = config.max_connections_per_ip;
    options.connection_timeout_seconds = config.connection_timeout_seconds;
    options.max_queued_requests = config.max_queued_requests;
    options.upload_dir = config.upload_dir.empty() ? fs::temp_directory_path().string() : config.upload_dir;
    options.trusted_proxies = web::TrustedProxies(config.trusted_proxies, config.forwarded_header);
    return options;
}

/// The internal listener for Prometheus (`server.metrics_listen`): one thread, a few connections,
/// GET /metrics and nothing else, answered on the event loop.
std::unique_ptr<web::HttpServer> metrics_listener(const core::Config& config, web::AppContext& context)
{
    web::HttpServer::Options options;
    auto colon = config.metrics_listen.rfind(':');
    options.host = config.metrics_listen.substr(0, colon);
    options.port = static_cast<std::uint16_t>(std::stoi(config.metrics_listen.substr(colon + 1)));
    options.io_threads = 1;
    options.worker_threads = 1;
    options.hashing_threads = 1;
    options.max_connections = 16;
    options.max_connections_per_ip = 16;
    auto admit = [](web::Request&) {
        web::Admission admission;
        admission.execution = web::Execution::event_loop;
        return admission;
    };
    auto serve = [&context](web::Request& request) { return web::serve_metrics_listener(context, request); };
    return std::make_unique<web::HttpServer>(std::move(options), admit, admit, serve);
}

/// Waits up to `seconds` for another stop signal: the grace period in which a stopping node still
/// serves while load balancers notice its /readyz. A second Ctrl-C or SIGTERM ends it early.
void wait_for_grace_period(unsigned seconds, const sigset_t& stop_signals)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    for (;;) {
        auto left = deadline - std::chrono::steady_clock::now();
        if (left <= std::chrono::steady_clock::duration::zero())
            return;
        auto whole = std::chrono::duration_cast<std::chrono::seconds>(left);
        timespec timeout{};
        timeout.tv_sec = static_cast<time_t>(whole.count());
        timeout.tv_nsec =
            static_cast<long>(std::chrono::duration_cast<std::chrono::nanoseconds>(left - whole).count());
        int received = sigtimedwait(&stop_signals, nullptr, &timeout);
        if (received > 0) {
            core::log_event("info", "grace_period_cut_short", "\"signal\":" + std::to_string(received));
            return;
        }
        if (errno != EINTR)
            return; // EAGAIN: the time is up
    }
}

/// Serves until SIGINT or SIGTERM: the public listener, and the metrics listener when configured.
/// Then /readyz answers 503 while the server goes on serving for `server.shutdown_grace_seconds`,
/// so that load balancers send new requests to other nodes; then it stops accepting, drains and
/// stops both. Returns whether the drain completed, or nullopt when a listener could not start (the
/// reason is printed).
std::optional<bool> serve_until_stopped(const core::Config& config, web::AppContext& context,
                                        web::Application& application, const sigset_t& stop_signals)
{
    web::HttpServer server(
        public_listener_options(config), [&](web::Request& request) { return application.admit(request); },
        [&](web::Request& request) { return application.admit_session(request); },
        [&](web::Request& request) { return application.handle(request); });
    context.server = &server;
    if (auto problem = server.start(); !problem.empty()) {
        fail(problem);
        return std::nullopt;
    }
    core::log_event("info", "listening", "\"url\":\"http://" + config.listen + "\"");
    std::unique_ptr<web::HttpServer> metrics_server;
    if (!config.metrics_listen.empty()) {
        metrics_server = metrics_listener(config, context);
        if (auto problem = metrics_server->start(); !problem.empty()) {
            fail(problem);
            return std::nullopt;
        }
        core::log_event("info", "metrics_listening",
                        "\"url\":\"http://" + config.metrics_listen + "/metrics\"");
    }
    std::cout << "Rekrut is running on http://" << config.listen << "/" << std::endl;

    int received = 0;
    sigwait(&stop_signals, &received);
    core::log_event("info", "stopping",
                    "\"signal\":" + std::to_string(received) +
                        ",\"grace_seconds\":" + std::to_string(config.shutdown_grace_seconds));
    server.begin_draining();
    wait_for_grace_period(config.shutdown_grace_seconds, stop_signals);
    server.stop_accepting();
    // A request whose body stalls holds the stop until libmicrohttpd's idle timeout ends it, or this.
    bool drained = server.drain(15000);
    server.stop();
    if (metrics_server)
        metrics_server->stop();
    context.server = nullptr;
    return drained;
}

/// Blocks SIGINT and SIGTERM in this thread and every thread started after it, so that only
/// serve_until_stopped receives them (with sigwait); ignores SIGPIPE.
sigset_t block_stop_signals()
{
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    return stop_signals;
}

/// Keeps freed memory in the process: by default glibc hands a request's freed memory back to the
/// kernel and the next request on that worker faults it in again, which cost more than the whole
/// session lookup (docs/benchmarks.md). Blocks of 32 MiB and more (argon2id's 64 MiB) are still
/// mapped and returned on their own.
void keep_freed_memory()
{
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
}

/// The first line of a file that holds a secret, such as the Jobnet password; empty when there is no
/// such file (the connector then sends an empty password, and Jobnet refuses it visibly).
std::string read_secret_file(const std::string& path)
{
    if (path.empty())
        return {};
    std::ifstream file(path);
    std::string line;
    std::getline(file, line);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

/// The server's background threads: mail delivery and the purge of old mail bodies, the list of open
/// positions, the closing of cases at their deadline and the audit chain's anchor.
class BackgroundWork {
public:
    BackgroundWork(const core::Config& config, store::Database& database, services::IdentityService& identity,
                   services::OpenPositions& positions, services::CaseLifecycle& lifecycle,
                   services::AttachmentTexts& texts, services::HeldUploads& held,
                   services::Retention& retention)
        : m_outbox(database,
                   {config.smtp_url, config.smtp_from, config.smtp_username, config.smtp_password, 20},
                   {config.smtp_max_per_second, config.smtp_retry_seconds, config.smtp_lease_seconds}),
          m_outbox_purge("outbox_purge", std::chrono::hours(1),
                         [this] { m_outbox.purge_old_bodies(core::now()); }),
          m_identity_purge("identity_purge", std::chrono::minutes(10),
                           [&identity] { identity.purge_expired(core::now()); }),
          // Applications close by themselves at the deadline.
          m_positions("open_positions", std::chrono::seconds(1), [&positions] { positions.refresh(); }),
          m_deadlines("close_due_cases", std::chrono::seconds(config.job_interval_seconds),
                      [&lifecycle] { lifecycle.close_due_cases(); }),
          // Attachments' texts for search, a few at a time so that a large batch never blocks others.
          m_texts("attachment_texts", std::chrono::seconds(2), [&texts] { texts.extract_pending(20); }),
          // Files held between tries of a form live a day at most.
          m_held_purge("held_uploads_purge", std::chrono::hours(1),
                       [&held] { held.purge(core::now() - 86400); }),
          // Personal data deleted on time (each deletion its own transaction, safe on several nodes).
          m_retention("retention", std::chrono::seconds(config.job_interval_seconds),
                      [&retention] { retention.run(core::now()); })
    {
        m_outbox.start();
        if (!config.jobnet_endpoint.empty()) {
            integrations::jobnet::Settings jobnet{
                config.jobnet_endpoint, config.jobnet_username, read_secret_file(config.jobnet_password_file),
                config.jobnet_namespace.empty() ? std::string(integrations::jobnet::k_default_namespace)
                                                : config.jobnet_namespace,
                20};
            m_jobnet.emplace(database, std::move(jobnet), config.jobnet_retry_seconds, config.public_url,
                             config.jobnet_lease_seconds);
            m_jobnet->start();
        }
        if (!config.backup_directory.empty()) {
            // Every node looks each minute; the first to claim a slot in the database makes its backup.
            m_backup_schedule = {config.backup_directory, config.backup_interval_hours, config.backup_keep,
                                 config.database_url, backup_tools(config)};
            m_backup_job.emplace("scheduled_backup", std::chrono::seconds(60), [this, &database] {
                const auto now = core::now();
                const std::int64_t slot = now - now % (std::int64_t{m_backup_schedule.interval_hours} * 3600);
                if (slot == m_backup_slot)
                    return;
                m_backup_slot = slot;
                services::operations::run_scheduled_backup(database, m_backup_schedule, now);
            });
        }
        if (!config.audit_anchor.empty()) {
            m_anchor.emplace(database, config.audit_anchor);
            m_anchor_job.emplace("audit_anchor", std::chrono::seconds(config.audit_anchor_interval_seconds),
                                 [this] { mark_audit_anchor(*m_anchor); });
        }
    }

    /// Stops every thread; the audit chain's head is anchored once more on the way out.
    void stop()
    {
        m_outbox.stop();
        if (m_jobnet)
            m_jobnet->stop();
        m_outbox_purge.stop();
        m_identity_purge.stop();
        m_deadlines.stop();
        m_positions.stop();
        m_texts.stop();
        m_held_purge.stop();
        m_retention.stop();
        if (m_backup_job)
            m_backup_job->stop();
        if (m_anchor) {
            m_anchor_job->stop();
            mark_audit_anchor(*m_anchor);
        }
    }

private:
    services::OutboxSender m_outbox;
    services::PeriodicJob m_outbox_purge;
    services::PeriodicJob m_identity_purge;
    services::PeriodicJob m_positions;
    services::PeriodicJob m_deadlines;
    services::PeriodicJob m_texts;
    services::PeriodicJob m_held_purge;
    services::PeriodicJob m_retention;
    std::optional<services::jobnet::Sender> m_jobnet;
    std::optional<services::AuditAnchor> m_anchor;
    std::optional<services::PeriodicJob> m_anchor_job;
    services::operations::BackupSchedule m_backup_schedule;
    std::int64_t m_backup_slot = -1;
    std::optional<services::PeriodicJob> m_backup_job;
};

int run_serve(const core::Config& config, const std::string& resources)
{
    const sigset_t stop_signals = block_stop_signals();
    keep_freed_memory();

    web::Translator translator;
    if (auto problem = translator.load(find_locale_dir(config)); !problem.empty())
        return fail(problem);
    web::Views views;
    if (auto problem = views.load(resources + "/templates", translator, !config.reload_templates);
        !problem.empty())
        return fail(problem);
    services::mail::MailComposer mail_composer;
    if (auto problem = mail_composer.load(resources + "/templates/mail"); !problem.empty())
        return fail(problem);
    services::mail::install_composer(mail_composer);
    services::mail::log_links_for_demo(config.mail_log_links);
    services::jobnet::enable(!config.jobnet_endpoint.empty());
    if (config.mail_log_links)
        core::log_event("warn", "mail_links_logged", "\"why\":\"mail.log_links is on (demo only)\"");

    auto report = migrate_database(config, resources);
    if (!report)
        return fail(report.error().message);
    for (const auto& name : report->applied)
        core::log_event("info", "migration_applied", "\"name\":\"" + name + "\"");
    auto database = open_database(config);

    web::Metrics metrics;
    services::IdentityService identity(*database, config.public_url);
    if (int sealed = identity.seal_stored_secrets())
        core::log_event("info", "totp_secrets_sealed", "\"count\":" + std::to_string(sealed));
    if (int keyed = identity.key_stored_recovery_codes())
        core::log_event("info", "recovery_codes_keyed", "\"count\":" + std::to_string(keyed));
    services::UserAdministration administration(*database, config.public_url);
    services::RecruitmentCases cases(*database);
    services::JobAds job_ads(*database);
    services::CaseCommittee committee(*database, config.public_url);
    services::ScreeningQuestions questions(*database);
    services::CaseLifecycle lifecycle(*database, config.public_url);
    services::InstitutionSetup setup(*database);
    services::OpenPositions open_positions(*database);
    open_positions.refresh();
    services::AuditTrail audit_trail(*database);
    services::PlatformOperator platform_operator(*database);
    services::SystemStatus status(
        *database,
        store::read_migrations(resources + "/migrations", database->dialect() == store::Dialect::sqlite));
    store::DatabaseFileStore file_store;
    const auto spool_dir = config.upload_dir.empty() ? fs::temp_directory_path().string() : config.upload_dir;
    services::Applications applications(*database, file_store,
                                        {static_cast<std::int64_t>(config.max_file_bytes),
                                         static_cast<std::int64_t>(config.max_application_bytes)},
                                        config.public_url, spool_dir);
    services::HeldUploads held_uploads(spool_dir + "/rekrut-held-uploads");
    services::SelfService self_service(*database, file_store, config.public_url, spool_dir);
    services::EmailTemplates email_templates(*database);
    services::Mailings mailings(*database, config.public_url, config.smtp_from);
    services::Assessment assessment(*database);
    services::RankingLists rankings(*database);
    services::CaseDecisions decisions(*database, config.public_url);
    services::Interviews interviews(*database, config.smtp_from);
    services::Retention retention(*database, config.public_url);
    services::DataRequests data_requests(*database, file_store, spool_dir);
    services::ContingencyExport contingency(*database);
    web::CareerPageCache career_pages;
    web::AppContext context{config,
                            translator,
                            views,
                            metrics,
                            identity,
                            administration,
                            cases,
                            job_ads,
                            committee,
                            questions,
                            lifecycle,
                            setup,
                            open_positions,
                            audit_trail,
                            platform_operator,
                            status,
                            applications,
                            held_uploads,
                            self_service,
                            email_templates,
                            mailings,
                            assessment,
                            rankings,
                            decisions,
                            interviews,
                            retention,
                            data_requests,
                            contingency,
                            resources + "/web/node_modules/dkfds/dist",
                            resources + "/web/static",
                            nullptr,
                            &career_pages};
    services::AttachmentTexts attachment_texts(*database, file_store, spool_dir);
    BackgroundWork background(config, *database, identity, open_positions, lifecycle, attachment_texts,
                              held_uploads, retention);
    services::ServiceNotices notices(*database);
    context.notices = &notices;
    services::OperatorControls controls(*database);
    context.controls = &controls;
    services::Offboarding offboarding(*database, file_store);
    context.offboarding = &offboarding;
    web::install_page_surroundings(context);
    // The status page's notices are read again every few seconds (changes made through other nodes),
    // and once a minute the probe records whether this node could serve: the database answered and
    // every migration of this build is applied (docs/operations-status.md).
    services::PeriodicJob notices_refresh("service_notices",
                                          std::chrono::seconds(services::ServiceNotices::k_refresh_seconds),
                                          [&notices, &controls] {
                                              notices.refresh(core::now());
                                              controls.apply_stored_settings();
                                          });
    services::PeriodicJob availability_probe(
        "availability_probe", std::chrono::seconds(60), [&notices, &status] {
            const core::UnixTime now = core::now();
            notices.record_probe(status.database_reachable() && status.migrations_current(), now);
            // Raw samples older than 13 months give way to their months' figures (once an hour).
            notices.prune_samples(now);
        });
    web::Application application(context);

    auto drained = serve_until_stopped(config, context, application, stop_signals);
    background.stop();
    availability_probe.stop();
    notices_refresh.stop();
    if (!drained)
        return 1;
    core::log_event("info", "stopped", std::string("\"drained\":") + (*drained ? "true" : "false"));
    return 0;
}

/// Parses the command line and runs the chosen subcommand; returns the process exit code.
int run_command_line(int argc, char** argv)
{
    CLI::App cli{"Rekrut: e-recruitment for Danish state institutions"};
    cli.require_subcommand(1);
    std::string config_path;
    cli.add_option("--config", config_path, "TOML configuration file")->check(CLI::ExistingFile);
    auto* serve = cli.add_subcommand("serve", "Migrate the database and serve HTTP");
    auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations");
    auto* seed = cli.add_subcommand("seed-demo", "Add synthetic demo data to an empty database");
    auto* version = cli.add_subcommand("version", "Print the version");
    bool version_components = false;
    version->add_flag(
        "--components", version_components,
        "Also list the linked libraries' versions (as they report themselves at run time where they can)");
    auto* admin =
        cli.add_subcommand("admin", "Create the operator, institutions and users from the command line");
    admin->require_subcommand(1);
    std::string email, name, cvr, address, role;
    auto* create_operator = admin->add_subcommand("create-operator", "Create a platform operator account");
    create_operator->add_option("--email", email, "E-mail address")->required();
    create_operator->add_option("--name", name, "Full name")->default_val("Platform operator");
    auto* create_institution = admin->add_subcommand("create-institution", "Create an institution");
    create_institution->add_option("--cvr", cvr, "CVR number (8 digits)")->required();
    create_institution->add_option("--name", name, "Name")->required();
    create_institution->add_option("--address", address, "Address");
    auto* create_user = admin->add_subcommand("create-user", "Create a user in an institution");
    create_user->add_option("--institution-cvr", cvr, "The institution's CVR number")->required();
    create_user->add_option("--email", email, "E-mail address")->required();
    create_user->add_option("--name", name, "Full name")->required();
    create_user->add_option("--role", role,
                            "administrator (none: a user for case roles); Superbrugere are created on the "
                            "operator's institution page");
    auto* audit = cli.add_subcommand("audit", "Work with the audit trail");
    audit->require_subcommand(1);
    auto* audit_verify =
        audit->add_subcommand("verify", "Check the hash chain and its end; exit 1 at the first problem");
    std::string anchor;
    audit_verify->add_option("--anchor", anchor,
                             "An anchor line from the system log (default: the anchor file)");
    auto* audit_export = audit->add_subcommand(
        "export",
        "Print events as JSON lines, oldest first, with personal data opened where it still can be");
    domain::AuditFilter audit_filter;
    audit_filter.limit = 1000;
    std::int64_t audit_institution = 0;
    audit_export->add_option("--institution", audit_institution, "Only this institution's events");
    audit_export->add_option("--action", audit_filter.action, "Only events with this action");
    audit_export->add_option("--object-type", audit_filter.object_type,
                             "Only events about this kind of object");
    audit_export->add_option("--object-id", audit_filter.object_id, "Only events about this object");
    audit_export->add_option("--limit", audit_filter.limit, "At most this many of the newest events")
        ->check(CLI::Range(1, 100000));
    std::string backup_output, backup_file;
    auto* backup =
        cli.add_subcommand("backup", "Write a backup of the database (never the key), or verify one");
    backup->require_subcommand(0, 1);
    backup->add_option("-o,--output", backup_output,
                       "The backup file to write (default: a new file in backup.directory)");
    auto* backup_verify = backup->add_subcommand(
        "verify", "Restore a backup into a scratch database and check it; exit 1 when a check fails");
    backup_verify->add_option("file", backup_file, "The backup file")->required();
    auto* restore = cli.add_subcommand("restore", "Restore a backup into the configured, empty database");
    restore->add_option("file", backup_file, "The backup file")->required();
    std::string anonymise_url, anonymise_key;
    auto* anonymise = cli.add_subcommand(
        "anonymise", "Turn a copy of a production database into test data under a key file of its own");
    anonymise->add_option("--database", anonymise_url, "The copy (sqlite:PATH or a PostgreSQL URL)")
        ->required();
    anonymise->add_option("--key-file", anonymise_key, "The copy's new key file (made when missing)")
        ->required();
    simulators::JobnetSimulatorOptions simulator;
    std::string simulator_listen = "127.0.0.1:8090";
    auto* jobnet_sim = cli.add_subcommand(
        "jobnet-sim", "Run a stand-in for Jobnet's job-ad web service (development and tests)");
    jobnet_sim->add_option("--listen", simulator_listen, "IPv4 address and port")
        ->default_val("127.0.0.1:8090");
    jobnet_sim->add_option("--database", simulator.database, "The simulator's own SQLite file")
        ->default_val("var/jobnet-sim.sqlite3");
    jobnet_sim->add_option("--username", simulator.username, "The username it accepts")
        ->default_val("rekrut");
    jobnet_sim->add_option("--password", simulator.password, "The password it accepts (a test value)")
        ->default_val("rekrut-demo");
    CLI11_PARSE(cli, argc, argv);

    if (jobnet_sim->parsed()) {
        auto colon = simulator_listen.rfind(':');
        if (colon == std::string::npos)
            return fail("jobnet-sim: --listen takes ADDRESS:PORT");
        simulator.address = simulator_listen.substr(0, colon);
        simulator.port = std::atoi(simulator_listen.c_str() + colon + 1);
        const sigset_t stop_signals = block_stop_signals();
        return simulators::run_jobnet_simulator(simulator, stop_signals);
    }
    if (version->parsed()) {
        std::cout << "rekrut 0.1.0\n";
        if (version_components) {
            auto components = services::OperatorControls::linked_components();
            for (auto& component : web::web_component_versions())
                components.push_back(std::move(component));
            for (const auto& component : components)
                std::cout << component.name << " " << component.version
                          << (component.at_run_time ? "" : " (built with)") << "\n";
        }
        return 0;
    }
    auto load = core::load_config(config_path, environ);
    if (!load.problems.empty()) {
        for (const auto& problem : load.problems)
            std::cerr << "rekrut: configuration: " << problem.key << " " << problem.message << "\n";
        return 2;
    }
    if (!core::init_crypto() || !integrations::totp::init() || !integrations::init_smtp())
        return fail("libsodium, liboath or libcurl could not be initialised");
    core::init_logging(load.config.log_level);
    std::string resources = find_resource_dir(load.config);
    if (serve->parsed())
        return run_serve(load.config, resources);
    if (migrate->parsed())
        return run_migrate(load.config, resources);
    if (seed->parsed())
        return run_seed_demo(load.config, resources);
    if (create_operator->parsed())
        return run_create_operator(load.config, email, name);
    if (create_institution->parsed())
        return run_create_institution(load.config, cvr, name, address);
    if (create_user->parsed())
        return run_create_user(load.config, cvr, email, name, role);
    if (audit_verify->parsed())
        return run_audit_verify(load.config, anchor);
    if (audit_export->parsed()) {
        if (audit_institution > 0)
            audit_filter.institution_id = audit_institution;
        return run_audit_export(load.config, audit_filter);
    }
    if (backup_verify->parsed())
        return run_backup_verify(load.config, resources, backup_file);
    if (backup->parsed())
        return run_backup(load.config, backup_output);
    if (restore->parsed())
        return run_restore(load.config, resources, backup_file);
    if (anonymise->parsed())
        return run_anonymise(load.config, resources, anonymise_url, anonymise_key);
    return 0;
}

} // namespace
} // namespace rekrut

int main(int argc, char** argv)
{
    // Anything a subcommand cannot go on from (database gone, key file unreadable) ends the command
    // with its message and exit code 1, never with an exception escaping main.
    try {
        return rekrut::run_command_line(argc, argv);
    } catch (const std::exception& error) {
        return rekrut::fail(error.what());
    }
}
