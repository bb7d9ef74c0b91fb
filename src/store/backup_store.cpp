#include "store/backup_store.hpp"

#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <soci/soci.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "store/database.hpp"

extern char** environ;

namespace rekrut::store::backup {
namespace {

namespace fs = std::filesystem;

std::string quoted_identifier(const std::string& name)
{
    std::string quoted = "\"";
    for (char ch : name) {
        quoted += ch;
        if (ch == '"')
            quoted += '"';
    }
    return quoted + "\"";
}

std::vector<std::string> table_names(Session& session)
{
    std::vector<std::string> names;
    std::string name;
    const char* query =
        session.dialect() == Dialect::sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
              "ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
              "AND table_type = 'BASE TABLE' ORDER BY table_name";
    soci::statement statement = (session.sql().prepare << query, soci::into(name));
    statement.execute();
    while (statement.fetch())
        names.push_back(name);
    return names;
}

bool has_table(const std::vector<std::string>& names, const std::string& table)
{
    for (const auto& name : names)
        if (name == table)
            return true;
    return false;
}

/// The last line a program wrote to its standard error, for the message of a failed run.
std::string last_line(const std::string& path)
{
    std::ifstream in(path);
    std::string line, last;
    while (std::getline(in, line))
        if (!line.empty())
            last = line;
    return last;
}

/// Writes a libpq password file for `password` into the temporary folder (mode 0600, created
/// anew); returns its path, or "" when it could not be written.
std::string write_password_file(const std::string& password)
{
    std::string path = (fs::temp_directory_path() / ("rekrut-pgpass-" + core::random_hex(8))).string();
    int descriptor = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (descriptor < 0)
        return "";
    const std::string line = password_file_line(password) + "\n";
    bool written = write(descriptor, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    written = close(descriptor) == 0 && written;
    if (!written) {
        std::error_code ignored;
        fs::remove(path, ignored);
        return "";
    }
    return path;
}

/// Runs a program (call.arguments[0] is its path), its output discarded and its error output kept
/// for the message; an error names the program and its last line of error output. A password goes
/// to the program through a password file named in its environment, never on its command line.
core::Status run_program(const ProgramCall& call)
{
    const auto& arguments = call.arguments;
    const std::string program = fs::path(arguments[0]).filename().string();
    std::vector<std::string> environment_entries;
    std::string password_path;
    if (!call.password.empty()) {
        password_path = write_password_file(call.password);
        if (password_path.empty())
            return core::Error::invalid(program + ": the password file could not be written in " +
                                        fs::temp_directory_path().string());
        for (char** entry = environ; *entry != nullptr; ++entry) {
            std::string_view text(*entry);
            if (!text.starts_with("PGPASSFILE=") && !text.starts_with("PGPASSWORD="))
                environment_entries.emplace_back(text);
        }
        environment_entries.push_back("PGPASSFILE=" + password_path);
    }
    std::vector<char*> environment;
    environment.reserve(environment_entries.size() + 1);
    for (auto& entry : environment_entries)
        environment.push_back(entry.data());
    environment.push_back(nullptr);

    std::string error_path = (fs::temp_directory_path() / ("rekrut-program-" + core::random_hex(8))).string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, error_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<char*> argv;
    argv.reserve(arguments.size() + 1);
    for (const auto& argument : arguments)
        argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    pid_t child = 0;
    int spawned = posix_spawn(&child, argv[0], &actions, nullptr, argv.data(),
                              call.password.empty() ? environ : environment.data());
    posix_spawn_file_actions_destroy(&actions);
    std::error_code ignored;
    if (spawned != 0) {
        fs::remove(error_path, ignored);
        if (!password_path.empty())
            fs::remove(password_path, ignored);
        return core::Error::invalid(program + " could not be started from " + arguments[0]);
    }
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (!password_path.empty())
        fs::remove(password_path, ignored);
    std::string detail = last_line(error_path);
    fs::remove(error_path, ignored);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return core::success();
    return core::Error::invalid(program + " failed" + (detail.empty() ? std::string() : ": " + detail));
}

int hex_value(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

std::string percent_decoded(std::string_view text)
{
    std::string decoded;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
            hex_value(text[i + 2]) >= 0) {
            decoded += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            decoded += text[i];
        }
    }
    return decoded;
}

/// The URL with its database name replaced: postgresql://user@host:port/NAME?options.
std::string with_database_name(const std::string& url, const std::string& name)
{
    auto scheme = url.find("://");
    auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    auto query = url.find('?');
    std::string options = query == std::string::npos ? "" : url.substr(query);
    if (slash == std::string::npos || (query != std::string::npos && slash > query))
        return url.substr(0, query) + "/" + name + options;
    return url.substr(0, slash) + "/" + name + options;
}

std::string database_name(const std::string& url)
{
    auto scheme = url.find("://");
    auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (slash == std::string::npos)
        return "";
    auto query = url.find('?', slash);
    return url.substr(slash + 1, query == std::string::npos ? std::string::npos : query - slash - 1);
}

} // namespace

ProgramCall postgresql_program_call(const std::string& program, std::vector<std::string> arguments,
                                    const std::string& url)
{
    ProgramCall call;
    std::string stripped = url;
    // postgresql://user:password@host:port/name?options: the password of the user information.
    auto scheme = stripped.find("://");
    if (scheme != std::string::npos) {
        auto authority = scheme + 3;
        auto end = stripped.find_first_of("/?", authority);
        auto at = stripped.rfind('@', end == std::string::npos ? std::string::npos : end);
        if (at != std::string::npos && at >= authority) {
            auto colon = stripped.find(':', authority);
            if (colon != std::string::npos && colon < at) {
                call.password = percent_decoded(std::string_view(stripped).substr(colon + 1, at - colon - 1));
                stripped.erase(colon, at - colon);
            }
        }
        // ?password=... among the options.
        auto query = stripped.find('?');
        if (query != std::string::npos) {
            std::string kept;
            std::string_view options = std::string_view(stripped).substr(query + 1);
            while (!options.empty()) {
                auto amp = options.find('&');
                std::string_view option = options.substr(0, amp);
                options = amp == std::string_view::npos ? std::string_view() : options.substr(amp + 1);
                if (option.starts_with("password=")) {
                    call.password = percent_decoded(option.substr(9));
                    continue;
                }
                if (!option.empty())
                    kept += (kept.empty() ? "" : "&") + std::string(option);
            }
            stripped = stripped.substr(0, query) + (kept.empty() ? "" : "?" + kept);
        }
    }
    call.arguments.reserve(arguments.size() + 2);
    call.arguments.push_back(program);
    call.arguments.push_back("--dbname=" + stripped);
    for (auto& argument : arguments)
        call.arguments.push_back(std::move(argument));
    return call;
}

std::string password_file_line(const std::string& password)
{
    std::string line = "*:*:*:*:";
    for (char ch : password) {
        if (ch == ':' || ch == '\\')
            line += '\\';
        line += ch;
    }
    return line;
}

DatabaseFacts read_facts(Session& session)
{
    DatabaseFacts facts;
    auto names = table_names(session);
    for (const auto& name : names) {
        long long count = 0;
        session.sql() << "SELECT COUNT(*) FROM " + quoted_identifier(name), soci::into(count);
        facts.row_counts.emplace_back(name, count);
    }
    if (has_table(names, "schema_migrations")) {
        soci::indicator present = soci::i_null;
        int version = 0;
        session.sql() << "SELECT MAX(version) FROM schema_migrations", soci::into(version, present);
        facts.schema_version = present == soci::i_ok ? version : 0;
    }
    if (has_table(names, "installation_key")) {
        std::string fingerprint;
        session.sql() << "SELECT fingerprint FROM installation_key WHERE id = 1", soci::into(fingerprint);
        if (session.sql().got_data())
            facts.key_fingerprint = fingerprint;
    }
    if (has_table(names, "audit_events")) {
        long long events = 0, head = 0;
        std::string hash;
        session.sql() << "SELECT COUNT(*) FROM audit_events", soci::into(events);
        session.sql() << "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1", soci::into(head),
            soci::into(hash);
        facts.audit_events = events;
        if (session.sql().got_data() && events > 0) {
            facts.audit_head_id = head;
            facts.audit_head_hash = hash;
        }
    }
    return facts;
}

std::vector<std::pair<int, std::string>> applied_migrations(Database& database)
{
    return database.read([](Session& session) {
        std::vector<std::pair<int, std::string>> applied;
        if (!has_table(table_names(session), "schema_migrations"))
            return applied;
        int version = 0;
        std::string checksum;
        soci::statement statement =
            (session.sql().prepare << "SELECT version, checksum FROM schema_migrations ORDER BY version",
             soci::into(version), soci::into(checksum));
        statement.execute();
        while (statement.fetch())
            applied.emplace_back(version, checksum);
        return applied;
    });
}

bool is_empty(Database& database)
{
    return database.read([](Session& session) { return table_names(session).empty(); });
}

core::Status copy_sqlite(const std::string& source_path, const std::string& destination_path)
{
    sqlite3* source = nullptr;
    sqlite3* destination = nullptr;
    auto close = [&] {
        sqlite3_close(source);
        sqlite3_close(destination);
    };
    if (sqlite3_open_v2(source_path.c_str(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
        sqlite3_open_v2(destination_path.c_str(), &destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
        close();
        return core::Error::invalid("the SQLite database " + source_path + " could not be opened");
    }
    sqlite3_busy_timeout(source, 5000);
    sqlite3_backup* copy = sqlite3_backup_init(destination, "main", source, "main");
    if (copy == nullptr) {
        std::string message = sqlite3_errmsg(destination);
        close();
        return core::Error::invalid("the SQLite backup could not start: " + message);
    }
    // All pages in one step: one consistent state, even while other connections write.
    int step = SQLITE_OK;
    do {
        step = sqlite3_backup_step(copy, -1);
        if (step == SQLITE_BUSY || step == SQLITE_LOCKED)
            sqlite3_sleep(100);
    } while (step == SQLITE_OK || step == SQLITE_BUSY || step == SQLITE_LOCKED);
    sqlite3_backup_finish(copy);
    int result = sqlite3_errcode(destination);
    close();
    if (step != SQLITE_DONE || result != SQLITE_OK)
        return core::Error::invalid("the SQLite backup failed (" + std::string(sqlite3_errstr(step)) + ")");
    return core::success();
}

core::Result<DatabaseFacts> dump_postgresql(Database& database, const std::string& url,
                                            const std::string& pg_dump, const std::string& destination_path)
{
    return database.read([&](Session& session) -> core::Result<DatabaseFacts> {
        // The exported snapshot lives as long as this transaction, so pg_dump runs inside it.
        session.sql() << "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";
        try {
            std::string snapshot;
            session.sql() << "SELECT pg_export_snapshot()", soci::into(snapshot);
            auto facts = read_facts(session);
            auto dumped = run_program(postgresql_program_call(
                pg_dump, {"--format=custom", "--snapshot=" + snapshot, "--file=" + destination_path}, url));
            session.sql() << "COMMIT";
            if (!dumped)
                return dumped.error();
            return facts;
        } catch (...) {
            session.sql() << "ROLLBACK";
            throw;
        }
    });
}

core::Status restore_postgresql(const std::string& pg_restore, const std::string& url,
                                const std::string& dump_path)
{
    return run_program(postgresql_program_call(
        pg_restore, {"--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", dump_path},
        url));
}

core::Result<std::string> create_scratch_postgresql(const std::string& url)
{
    const std::string name = "rekrut_verify_" + core::random_hex(6);
    try {
        auto server = Database::open(url, 1);
        server->read(
            [&](Session& session) { session.sql() << "CREATE DATABASE " + quoted_identifier(name); });
    } catch (const std::exception& error) {
        return core::Error::invalid("a scratch database could not be created on the server of " +
                                    database_name(url) + " (the role needs CREATEDB): " + error.what());
    }
    return with_database_name(url, name);
}

void drop_scratch_postgresql(const std::string& url, const std::string& scratch_url)
{
    const std::string name = database_name(scratch_url);
    if (name.rfind("rekrut_verify_", 0) != 0)
        return;
    auto server = Database::open(url, 1);
    server->read(
        [&](Session& session) { session.sql() << "DROP DATABASE IF EXISTS " + quoted_identifier(name); });
}

std::vector<AttachmentSample> sample_attachments(Session& session, int limit)
{
    std::vector<AttachmentSample> samples;
    if (!has_table(table_names(session), "application_attachments"))
        return samples;
    long long institution = 0, application = 0, attachment = 0, size = 0;
    int keys = 0;
    soci::statement statement =
        (session.sql().prepare
             << "SELECT a.institution_id, a.application_id, a.id, a.size, "
                "(SELECT COUNT(*) FROM application_keys k WHERE k.application_id = "
                "a.application_id) FROM application_attachments a ORDER BY RANDOM() LIMIT :limit",
         soci::use(limit), soci::into(institution), soci::into(application), soci::into(attachment),
         soci::into(size), soci::into(keys));
    statement.execute();
    while (statement.fetch())
        samples.push_back({institution, application, attachment, size, keys > 0});
    return samples;
}

bool claim_backup_slot(Database& database, std::int64_t slot, const std::string& node)
{
    bool claimed = false;
    (void)database.transact([&](Transaction& transaction) -> core::Status {
        long long at = slot, now = core::now();
        transaction.sql() << "INSERT INTO backup_runs (slot, node, claimed_at) VALUES (:slot, :node, :now) "
                             "ON CONFLICT (slot) DO NOTHING",
            soci::use(at), soci::use(node), soci::use(now);
        std::string owner;
        transaction.sql() << "SELECT node FROM backup_runs WHERE slot = :slot", soci::use(at),
            soci::into(owner);
        claimed = transaction.sql().got_data() && owner == node;
        return core::success();
    });
    return claimed;
}

} // namespace rekrut::store::backup
