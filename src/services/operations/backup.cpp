#include "services/operations/backup.hpp"

#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <array>
#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/secret_key.hpp"
#include "core/text.hpp"
#include "services/audit_log.hpp"
#include "store/backup_store.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"
#include "store/migrations.hpp"

namespace rekrut::services::operations {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr int k_format_version = 1;
constexpr const char* k_manifest_name = "manifest.json";
constexpr const char* k_signature_name = "manifest.mac";
constexpr std::size_t k_signature_chars = 64;
constexpr const char* k_sqlite_name = "database.sqlite3";
constexpr const char* k_postgresql_name = "database.pgdump";
constexpr std::size_t k_max_manifest_bytes = std::size_t{4} * 1024 * 1024;
constexpr std::size_t k_piece_bytes = std::size_t{64} * 1024;

/// A folder of its own for the work files, removed when it goes out of scope.
class WorkFolder {
public:
    explicit WorkFolder(const fs::path& parent)
    {
        std::error_code ignored;
        fs::create_directories(parent, ignored);
        std::string pattern = (parent / ".rekrut-backup-XXXXXX").string();
        if (mkdtemp(pattern.data()) != nullptr)
            m_path = pattern;
    }
    ~WorkFolder()
    {
        std::error_code ignored;
        if (!m_path.empty())
            fs::remove_all(m_path, ignored);
    }
    WorkFolder(const WorkFolder&) = delete;
    WorkFolder& operator=(const WorkFolder&) = delete;
    bool ok() const { return !m_path.empty(); }
    fs::path path() const { return m_path; }

private:
    fs::path m_path;
};

struct FileDigest {
    std::int64_t bytes = 0;
    std::string blake2b;
};

std::optional<FileDigest> digest_file(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
    std::string piece(k_piece_bytes, '\0');
    FileDigest digest;
    while (in) {
        in.read(piece.data(), static_cast<std::streamsize>(piece.size()));
        auto got = in.gcount();
        if (got <= 0)
            break;
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(piece.data()),
                                  static_cast<unsigned long long>(got));
        digest.bytes += got;
    }
    std::array<unsigned char, crypto_generichash_BYTES> hash{};
    crypto_generichash_final(&state, hash.data(), hash.size());
    std::array<char, crypto_generichash_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
    digest.blake2b = hex.data();
    return digest;
}

/// The manifest: what the backup holds and how to check it.
struct Manifest {
    std::string dialect;
    std::string database_file;
    std::int64_t database_bytes = 0;
    std::string database_blake2b;
    std::int64_t created_at = 0;
    store::DatabaseFacts facts;
};

std::string manifest_json(const Manifest& manifest)
{
    json counts = json::object();
    for (const auto& [table, rows] : manifest.facts.row_counts)
        counts[table] = rows;
    json document = {
        {"format", "rekrut-backup"},
        {"format_version", k_format_version},
        {"created_at", manifest.created_at},
        {"dialect", manifest.dialect},
        {"database_file", manifest.database_file},
        {"database_bytes", manifest.database_bytes},
        {"database_blake2b", manifest.database_blake2b},
        {"schema_version", manifest.facts.schema_version},
        {"key_fingerprint", manifest.facts.key_fingerprint},
        {"row_counts", counts},
        {"audit",
         {{"events", manifest.facts.audit_events},
          {"head_id", manifest.facts.audit_head_id},
          {"head_hash", manifest.facts.audit_head_hash}}},
        {"contains_key", false},
    };
    return document.dump(2) + "\n";
}

core::Result<Manifest> parse_manifest(const std::string& text)
{
    try {
        auto document = json::parse(text);
        if (document.value("format", "") != "rekrut-backup")
            return core::Error::invalid("the manifest is not a Rekrut backup's manifest");
        if (document.at("format_version").get<int>() != k_format_version)
            return core::Error::invalid("the backup's format version " +
                                        std::to_string(document.at("format_version").get<int>()) +
                                        " is not known to this binary");
        Manifest manifest;
        manifest.dialect = document.at("dialect").get<std::string>();
        manifest.database_file = document.at("database_file").get<std::string>();
        if (!(manifest.dialect == "sqlite" && manifest.database_file == k_sqlite_name) &&
            !(manifest.dialect == "postgresql" && manifest.database_file == k_postgresql_name))
            return core::Error::invalid("the manifest names an unknown database kind or file");
        manifest.database_bytes = document.at("database_bytes").get<std::int64_t>();
        manifest.database_blake2b = document.at("database_blake2b").get<std::string>();
        manifest.created_at = document.at("created_at").get<std::int64_t>();
        manifest.facts.schema_version = document.at("schema_version").get<int>();
        manifest.facts.key_fingerprint = document.at("key_fingerprint").get<std::string>();
        for (const auto& [table, rows] : document.at("row_counts").items())
            manifest.facts.row_counts.emplace_back(table, rows.get<std::int64_t>());
        const auto& audit = document.at("audit");
        manifest.facts.audit_events = audit.at("events").get<std::int64_t>();
        manifest.facts.audit_head_id = audit.at("head_id").get<std::int64_t>();
        manifest.facts.audit_head_hash = audit.at("head_hash").get<std::string>();
        return manifest;
    } catch (const json::exception&) {
        return core::Error::invalid("the manifest is not valid JSON with the expected fields");
    }
}

using WriteArchive = std::unique_ptr<archive, decltype(&archive_write_free)>;
using ReadArchive = std::unique_ptr<archive, decltype(&archive_read_free)>;

bool write_entry_header(archive* tar, const std::string& name, std::int64_t size, std::int64_t mtime)
{
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(),
                                                                        archive_entry_free);
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_size(entry.get(), size);
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0600);
    archive_entry_set_mtime(entry.get(), mtime, 0);
    return archive_write_header(tar, entry.get()) == ARCHIVE_OK;
}

/// Writes the tar (manifest first, then the dump) to the open file `fd`.
bool write_archive(int fd, const std::string& manifest, const std::string& signature, const fs::path& dump,
                   const std::string& dump_name, std::int64_t dump_bytes, std::int64_t mtime)
{
    WriteArchive tar(archive_write_new(), archive_write_free);
    archive_write_set_format_pax_restricted(tar.get());
    if (archive_write_open_fd(tar.get(), fd) != ARCHIVE_OK)
        return false;
    bool ok =
        write_entry_header(tar.get(), k_manifest_name, static_cast<std::int64_t>(manifest.size()), mtime) &&
        archive_write_data(tar.get(), manifest.data(), manifest.size()) >= 0 &&
        write_entry_header(tar.get(), k_signature_name, static_cast<std::int64_t>(signature.size()), mtime) &&
        archive_write_data(tar.get(), signature.data(), signature.size()) >= 0 &&
        write_entry_header(tar.get(), dump_name, dump_bytes, mtime);
    std::ifstream in(dump, std::ios::binary);
    std::string piece(k_piece_bytes, '\0');
    std::int64_t written = 0;
    while (ok && in) {
        in.read(piece.data(), static_cast<std::streamsize>(piece.size()));
        auto got = in.gcount();
        if (got <= 0)
            break;
        ok = archive_write_data(tar.get(), piece.data(), static_cast<std::size_t>(got)) == got;
        written += got;
    }
    ok = archive_write_close(tar.get()) == ARCHIVE_OK && ok && written == dump_bytes;
    return ok;
}

void sync_folder(const fs::path& folder)
{
    int fd = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/// What an archive holds once taken apart: the manifest and the dump, written into `folder`.
struct Extracted {
    Manifest manifest;
    std::string manifest_text;
    std::string signature;
    fs::path database;
};

std::string manifest_signature(const std::string& manifest_text, const core::SecretKey& key)
{
    return core::blake2b_keyed_hex(manifest_text, key.backup_key());
}

/// Whether the manifest was signed with `key` (and so the dump's checksum in it is the one made).
bool signature_holds(const Extracted& extracted, const core::SecretKey& key)
{
    return extracted.signature.size() == k_signature_chars &&
           core::constant_time_equal(extracted.signature, manifest_signature(extracted.manifest_text, key));
}

core::Result<Extracted> extract(const std::string& path, const fs::path& folder)
{
    std::error_code error;
    if (!fs::is_regular_file(path, error))
        return core::Error::invalid("the backup file " + path + " does not exist or is not a file");
    ReadArchive tar(archive_read_new(), archive_read_free);
    archive_read_support_format_tar(tar.get());
    if (archive_read_open_filename(tar.get(), path.c_str(), 10240) != ARCHIVE_OK)
        return core::Error::invalid("the backup file " + path + " cannot be read");
    std::optional<Manifest> manifest;
    std::string manifest_text, signature;
    fs::path database;
    archive_entry* entry = nullptr;
    int status = ARCHIVE_OK;
    while ((status = archive_read_next_header(tar.get(), &entry)) == ARCHIVE_OK) {
        std::string name = archive_entry_pathname(entry);
        if (name == k_manifest_name && !manifest) {
            if (archive_entry_size(entry) > static_cast<la_int64_t>(k_max_manifest_bytes))
                return core::Error::invalid("the manifest is too large");
            std::string text(static_cast<std::size_t>(archive_entry_size(entry)), '\0');
            if (archive_read_data(tar.get(), text.data(), text.size()) !=
                static_cast<la_ssize_t>(text.size()))
                return core::Error::invalid("the backup file is damaged or truncated (in the manifest)");
            auto parsed = parse_manifest(text);
            if (!parsed)
                return parsed.error();
            manifest = std::move(*parsed);
            manifest_text = std::move(text);
        } else if (manifest && name == k_signature_name && signature.empty()) {
            if (archive_entry_size(entry) != static_cast<la_int64_t>(k_signature_chars))
                return core::Error::invalid("the manifest's signature has the wrong length");
            signature.assign(k_signature_chars, '\0');
            if (archive_read_data(tar.get(), signature.data(), signature.size()) !=
                static_cast<la_ssize_t>(signature.size()))
                return core::Error::invalid("the backup file is damaged or truncated (in the signature)");
        } else if (!signature.empty() && name == manifest->database_file && database.empty()) {
            database = folder / name;
            int fd = open(database.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (fd < 0)
                return core::Error::invalid("the work file " + database.string() + " cannot be written");
            int copied = archive_read_data_into_fd(tar.get(), fd);
            bool synced = fsync(fd) == 0;
            close(fd);
            if (copied != ARCHIVE_OK)
                return core::Error::invalid("the backup file is damaged or truncated (in the database)");
            if (!synced)
                return core::Error::invalid("the work file " + database.string() + " could not be written");
        } else {
            return core::Error::invalid("the backup file holds an unexpected entry (" + name +
                                        "); the manifest and its signature must come first");
        }
    }
    if (status != ARCHIVE_EOF)
        return core::Error::invalid(
            "the backup file is damaged or truncated (" +
            std::string(archive_error_string(tar.get()) ? archive_error_string(tar.get()) : "unreadable") +
            ")");
    if (!manifest)
        return core::Error::invalid("the backup file holds no manifest");
    if (database.empty())
        return core::Error::invalid("the backup file holds no database");
    return Extracted{std::move(*manifest), std::move(manifest_text), std::move(signature), database};
}

/// The dump's size and BLAKE2b against the manifest.
core::Status check_digest(const Extracted& extracted)
{
    auto digest = digest_file(extracted.database);
    if (!digest)
        return core::Error::invalid("the database in the backup cannot be read");
    if (digest->bytes != extracted.manifest.database_bytes ||
        !core::constant_time_equal(digest->blake2b, extracted.manifest.database_blake2b))
        return core::Error::invalid("the database in the backup does not match the manifest's checksum (" +
                                    std::to_string(digest->bytes) + " bytes, expected " +
                                    std::to_string(extracted.manifest.database_bytes) + ")");
    return core::success();
}

int newest_version(const std::vector<store::Migration>& migrations)
{
    return migrations.empty() ? 0 : migrations.back().version;
}

std::string program(const BackupTools& tools, const char* name)
{
    return (fs::path(tools.postgresql_bin_dir) / name).string();
}

std::string sqlite_path(const std::string& url)
{
    return url.substr(7);
}

/// A scratch PostgreSQL database for a verification, dropped when this goes out of scope (also when
/// a check throws).
class ScratchDatabase {
public:
    explicit ScratchDatabase(std::string server_url) : m_server_url(std::move(server_url)) {}
    ~ScratchDatabase()
    {
        if (m_url.empty())
            return;
        try {
            store::backup::drop_scratch_postgresql(m_server_url, m_url);
        } catch (const std::exception&) {
            core::log_event("warn", "scratch_database_not_dropped", "");
        }
    }
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;
    void set_url(std::string url) { m_url = std::move(url); }

private:
    std::string m_server_url;
    std::string m_url;
};

/// The differences between the manifest's facts and the restored database's, as one sentence.
std::string compare_facts(const store::DatabaseFacts& expected, const store::DatabaseFacts& found)
{
    std::vector<std::string> problems;
    if (expected.schema_version != found.schema_version)
        problems.push_back("schema version " + std::to_string(found.schema_version) + ", manifest " +
                           std::to_string(expected.schema_version));
    if (expected.key_fingerprint != found.key_fingerprint)
        problems.push_back("recorded key " + found.key_fingerprint + ", manifest " +
                           expected.key_fingerprint);
    if (expected.audit_head_id != found.audit_head_id || expected.audit_head_hash != found.audit_head_hash)
        problems.push_back("audit head " + std::to_string(found.audit_head_id) + ", manifest " +
                           std::to_string(expected.audit_head_id));
    std::map<std::string, std::int64_t> want(expected.row_counts.begin(), expected.row_counts.end());
    std::map<std::string, std::int64_t> have(found.row_counts.begin(), found.row_counts.end());
    for (const auto& [table, rows] : want) {
        auto it = have.find(table);
        if (it == have.end())
            problems.push_back("table " + table + " missing");
        else if (it->second != rows)
            problems.push_back("table " + table + " has " + std::to_string(it->second) + " rows, manifest " +
                               std::to_string(rows));
    }
    for (const auto& [table, rows] : have)
        if (want.find(table) == want.end())
            problems.push_back("table " + table + " not in the manifest");
    std::string text;
    for (std::size_t i = 0; i < problems.size() && i < 10; ++i)
        text += (i == 0 ? "" : "; ") + problems[i];
    if (problems.size() > 10)
        text += "; and " + std::to_string(problems.size() - 10) + " more";
    return text;
}

std::int64_t total_rows(const store::DatabaseFacts& facts)
{
    std::int64_t rows = 0;
    for (const auto& [table, count] : facts.row_counts)
        rows += count;
    return rows;
}

} // namespace

bool VerifyReport::passed() const
{
    return !checks.empty() &&
           std::all_of(checks.begin(), checks.end(), [](const BackupCheck& check) { return check.passed; });
}

core::Result<BackupSummary> write_backup(store::Database& database, const std::string& url,
                                         const std::string& path, const BackupTools& tools)
{
    const fs::path destination = fs::absolute(path);
    std::error_code error;
    if (fs::exists(destination, error))
        return core::Error::conflict("the file " + path +
                                     " already exists; a backup never overwrites a file");
    WorkFolder work(destination.parent_path());
    if (!work.ok())
        return core::Error::invalid("a work folder cannot be made in " + destination.parent_path().string());

    Manifest manifest;
    manifest.created_at = core::now();
    fs::path dump;
    if (database.dialect() == store::Dialect::sqlite) {
        manifest.dialect = "sqlite";
        manifest.database_file = k_sqlite_name;
        dump = work.path() / k_sqlite_name;
        if (auto copied = store::backup::copy_sqlite(sqlite_path(url), dump.string()); !copied)
            return copied.error();
        // The facts come from the copy itself, so they describe exactly what the backup holds.
        auto copy = store::Database::open("sqlite:" + dump.string(), 1);
        manifest.facts =
            copy->read([](store::Session& session) { return store::backup::read_facts(session); });
    } else {
        manifest.dialect = "postgresql";
        manifest.database_file = k_postgresql_name;
        dump = work.path() / k_postgresql_name;
        auto facts = store::backup::dump_postgresql(database, url, program(tools, "pg_dump"), dump.string());
        if (!facts)
            return facts.error();
        manifest.facts = std::move(*facts);
    }
    auto digest = digest_file(dump);
    if (!digest)
        return core::Error::invalid("the database copy cannot be read");
    manifest.database_bytes = digest->bytes;
    manifest.database_blake2b = digest->blake2b;

    const fs::path partial = work.path() / "backup.partial";
    int fd = open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return core::Error::invalid("the backup cannot be written in " + destination.parent_path().string());
    const std::string manifest_text = manifest_json(manifest);
    bool written = write_archive(fd, manifest_text, manifest_signature(manifest_text, database.secret_key()),
                                 dump, manifest.database_file, digest->bytes, manifest.created_at);
    written = fsync(fd) == 0 && written;
    close(fd);
    if (!written)
        return core::Error::invalid("the backup could not be written completely (disk full?)");
    fs::rename(partial, destination, error);
    if (error)
        return core::Error::invalid("the backup could not be moved into place: " + error.message());
    sync_folder(destination.parent_path());

    BackupSummary summary;
    summary.path = destination.string();
    summary.bytes = static_cast<std::int64_t>(fs::file_size(destination, error));
    summary.schema_version = manifest.facts.schema_version;
    summary.tables = static_cast<std::int64_t>(manifest.facts.row_counts.size());
    summary.rows = total_rows(manifest.facts);
    summary.audit_events = manifest.facts.audit_events;
    return summary;
}

VerifyReport verify_backup(const std::string& path, const VerifyOptions& options)
{
    VerifyReport report;
    auto add = [&report](std::string name, bool passed, std::string detail) {
        report.checks.push_back({std::move(name), passed, std::move(detail)});
        return passed;
    };
    WorkFolder work(fs::temp_directory_path());
    if (!work.ok()) {
        add("work folder", false, "no work folder can be made in " + fs::temp_directory_path().string());
        return report;
    }
    auto extracted = extract(path, work.path());
    if (!add("archive", extracted.ok(),
             extracted ? "complete: manifest and " + extracted->manifest.database_file
                       : extracted.error().message))
        return report;
    const Manifest& manifest = extracted->manifest;
    const std::string& ours = options.key->fingerprint();
    add("key", manifest.facts.key_fingerprint.empty() || manifest.facts.key_fingerprint == ours,
        manifest.facts.key_fingerprint == ours
            ? "the key file's fingerprint " + ours + " is the backup's"
            : (manifest.facts.key_fingerprint.empty()
                   ? "the backup records no installation key"
                   : "the backup belongs to the installation key with fingerprint " +
                         manifest.facts.key_fingerprint + ", but the key file holds " + ours +
                         "; use the installation's key file (security.key_file)"));

    // Nothing of a backup whose manifest does not carry this key's signature is restored: it was
    // altered after it was made, or belongs to another installation.
    const bool signed_with_key = signature_holds(*extracted, *options.key);
    if (!add("signature", signed_with_key,
             signed_with_key
                 ? "the manifest is signed with the installation key"
                 : "the manifest's signature does not hold with this key file: the backup was altered "
                   "after it was made or belongs to another key; nothing was restored"))
        return report;
    auto digest = check_digest(*extracted);
    if (!add("checksum", digest.ok(),
             digest ? "the database (" + std::to_string(manifest.database_bytes) +
                          " bytes) matches the manifest's BLAKE2b"
                    : digest.error().message))
        return report;
    const auto migrations = store::read_migrations(options.migrations_dir, manifest.dialect == "sqlite");
    const int known = newest_version(migrations);
    if (!add("schema version", manifest.facts.schema_version <= known,
             "the backup is at version " + std::to_string(manifest.facts.schema_version) +
                 ", this binary knows up to " + std::to_string(known)))
        return report;
    // Restore into a scratch database.
    ScratchDatabase scratch_postgresql(options.postgresql_url);
    std::unique_ptr<store::Database> scratch;
    if (manifest.dialect == "sqlite") {
        scratch = store::Database::open("sqlite:" + extracted->database.string(), 1);
        add("restore", true, "opened the SQLite copy as a scratch database");
    } else {
        if (options.postgresql_url.rfind("postgres", 0) != 0) {
            add("restore", false,
                "a PostgreSQL backup is restored on a PostgreSQL server; set database.url to one (a scratch "
                "database is made beside it)");
            return report;
        }
        auto created = store::backup::create_scratch_postgresql(options.postgresql_url);
        if (!add("restore", created.ok(), created ? "" : created.error().message))
            return report;
        const std::string scratch_url = *created;
        scratch_postgresql.set_url(scratch_url);
        auto restored = store::backup::restore_postgresql(program(options.tools, "pg_restore"), scratch_url,
                                                          extracted->database.string());
        report.checks.back().passed = restored.ok();
        report.checks.back().detail =
            restored ? "pg_restore into a scratch database" : restored.error().message;
        if (restored)
            scratch = store::Database::open(scratch_url, 1);
    }
    if (scratch) {
        scratch->set_secret_key(*options.key);
        // Migrations: every applied one is this binary's file, unchanged.
        auto applied = store::backup::applied_migrations(*scratch);
        std::string problem;
        for (const auto& [version, checksum] : applied) {
            auto it =
                std::find_if(migrations.begin(), migrations.end(),
                             [version = version](const store::Migration& m) { return m.version == version; });
            if (it == migrations.end())
                problem = "migration " + std::to_string(version) + " is unknown to this binary";
            else if (it->checksum != checksum)
                problem = "migration " + it->name + " differs from this binary's file";
            if (!problem.empty())
                break;
        }
        add("migrations", problem.empty() && !applied.empty(),
            problem.empty() ? (applied.empty() ? "no migration is applied"
                                               : std::to_string(applied.size()) +
                                                     " applied migrations match this binary's files")
                            : problem);
        // The manifest against what was restored.
        auto found =
            scratch->read([](store::Session& session) { return store::backup::read_facts(session); });
        auto differences = compare_facts(manifest.facts, found);
        add("manifest", differences.empty(),
            differences.empty()
                ? std::to_string(found.row_counts.size()) + " tables, " + std::to_string(total_rows(found)) +
                      " rows, the schema version, the recorded key and the audit head match"
                : differences);
        // The audit chain, with the key.
        auto audit = verify_audit_chain(*scratch);
        add("audit chain", !audit.first_broken_id.has_value(),
            audit.first_broken_id
                ? "broken at event " + std::to_string(*audit.first_broken_id) + ": " + audit.problem
                : std::to_string(audit.events) + " events, every link holds with the key");
        // A sample of attachments, decrypted with their applications' keys.
        int decrypted = 0, erased = 0, failed = 0;
        scratch->read([&](store::Session& session) {
            store::DatabaseFileStore files;
            for (const auto& sample : store::backup::sample_attachments(session, options.attachment_sample)) {
                if (!sample.key_present) {
                    ++erased;
                    continue;
                }
                auto data_key = store::application_keys::load(session, sample.application_id);
                std::int64_t bytes = 0;
                bool read =
                    data_key && files
                                    .read(session, sample.institution_id, sample.attachment_id, *data_key,
                                          [&bytes](std::string_view piece) {
                                              bytes += static_cast<std::int64_t>(piece.size());
                                          })
                                    .ok();
                if (read && bytes == sample.size)
                    ++decrypted;
                else
                    ++failed;
            }
        });
        std::string sampled =
            decrypted + failed + erased == 0
                ? "the backup holds no attachments"
                : std::to_string(decrypted) + " sampled attachments decrypted and of the recorded size";
        if (failed)
            sampled += ", " + std::to_string(failed) + " could not be decrypted";
        if (erased)
            sampled += ", " + std::to_string(erased) + " of erased applications skipped";
        add("attachments", failed == 0, sampled);
        scratch.reset();
    }
    return report;
}

core::Result<RestoredBackup> restore_backup(const std::string& path, const std::string& target_url,
                                            const core::SecretKey& key,
                                            const std::vector<store::Migration>& migrations,
                                            const BackupTools& tools)
{
    const bool target_sqlite = target_url.rfind("sqlite:", 0) == 0;
    const fs::path work_parent =
        target_sqlite ? fs::absolute(sqlite_path(target_url)).parent_path() : fs::temp_directory_path();
    WorkFolder work(work_parent);
    if (!work.ok())
        return core::Error::invalid("a work folder cannot be made in " + work_parent.string());
    auto extracted = extract(path, work.path());
    if (!extracted)
        return extracted.error();
    const Manifest& manifest = extracted->manifest;
    const RestoredBackup restored{manifest.database_blake2b, manifest.created_at, manifest.dialect,
                                  manifest.facts.schema_version, manifest.facts.audit_head_id};
    if (!manifest.facts.key_fingerprint.empty() && manifest.facts.key_fingerprint != key.fingerprint())
        return core::Error::invalid("the backup belongs to the installation key with fingerprint " +
                                    manifest.facts.key_fingerprint + ", but the key file holds " +
                                    key.fingerprint() +
                                    "; use the installation's key file (security.key_file)");
    if (!signature_holds(*extracted, key))
        return core::Error::invalid(
            "the backup's manifest is not signed with the installation key: the backup "
            "was altered after it was made; nothing was restored");
    if (auto digest = check_digest(*extracted); !digest)
        return digest.error();
    if (manifest.facts.schema_version > newest_version(migrations))
        return core::Error::invalid(
            "the backup's schema version " + std::to_string(manifest.facts.schema_version) +
            " is newer than this binary knows (" + std::to_string(newest_version(migrations)) +
            "); restore it with the release that made it");
    if ((manifest.dialect == "sqlite") != target_sqlite)
        return core::Error::invalid("a " + manifest.dialect + " backup restores only into a " +
                                    manifest.dialect + " database");
    if (target_sqlite) {
        const fs::path target = fs::absolute(sqlite_path(target_url));
        std::error_code error;
        if (fs::exists(target, error) && fs::file_size(target, error) > 0) {
            auto existing = store::Database::open(target_url, 1);
            if (!store::backup::is_empty(*existing))
                return core::Error::conflict("the database " + target.string() +
                                             " is not empty; restore only into an empty database");
        }
        for (const char* suffix : {"-wal", "-shm"})
            fs::remove(target.string() + suffix, error);
        fs::rename(extracted->database, target, error);
        if (error)
            return core::Error::invalid("the database could not be moved into place: " + error.message());
        chmod(target.c_str(), 0600);
        sync_folder(target.parent_path());
        return restored;
    }
    {
        auto existing = store::Database::open(target_url, 1);
        if (!store::backup::is_empty(*existing))
            return core::Error::conflict(
                "the target database is not empty; restore only into an empty database");
    }
    auto written = store::backup::restore_postgresql(program(tools, "pg_restore"), target_url,
                                                     extracted->database.string());
    if (!written)
        return written.error();
    return restored;
}

void record_restore(store::Database& database, const RestoredBackup& restored)
{
    database
        .transact([&](store::Transaction& transaction) -> core::Status {
            record_audit(transaction, Origin::system("command line"),
                         AuditEntry{std::nullopt, "backup.restored", "backup", restored.backup_id, "{}",
                                    json{{"created_at", restored.created_at},
                                         {"dialect", restored.dialect},
                                         {"schema_version", restored.schema_version},
                                         {"audit_head_id", restored.audit_head_id}}
                                        .dump()});
            return core::success();
        })
        .value();
}

int prune_backups(const std::string& directory, unsigned keep)
{
    std::vector<fs::path> backups;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(directory, error)) {
        auto name = entry.path().filename().string();
        if (entry.is_regular_file(error) && name.rfind("rekrut-backup-", 0) == 0 && name.size() > 4 &&
            name.compare(name.size() - 4, 4, ".tar") == 0)
            backups.push_back(entry.path());
    }
    // The names carry the slot's time (UTC, fixed width), so their order is their age.
    std::sort(backups.begin(), backups.end());
    int deleted = 0;
    while (backups.size() > keep) {
        if (fs::remove(backups.front(), error))
            ++deleted;
        backups.erase(backups.begin());
    }
    return deleted;
}

std::string run_scheduled_backup(store::Database& database, const BackupSchedule& schedule,
                                 core::UnixTime now)
{
    const std::int64_t interval = std::int64_t{schedule.interval_hours} * 3600;
    const std::int64_t slot = now - now % interval;
    std::array<char, 256> host{};
    gethostname(host.data(), host.size() - 1);
    const std::string node = std::string(host.data()) + ":" + std::to_string(getpid());
    if (!store::backup::claim_backup_slot(database, slot, node)) {
        core::log_event("info", "backup_slot_taken", "\"slot\":" + std::to_string(slot));
        return "";
    }
    std::time_t slot_time = slot;
    std::tm utc{};
    gmtime_r(&slot_time, &utc);
    std::array<char, 32> stamp{};
    std::strftime(stamp.data(), stamp.size(), "%Y%m%dT%H%M%SZ", &utc);
    std::error_code error;
    fs::create_directories(schedule.directory, error);
    const std::string path =
        (fs::path(schedule.directory) / ("rekrut-backup-" + std::string(stamp.data()) + ".tar")).string();
    auto written = write_backup(database, schedule.url, path, schedule.tools);
    if (!written) {
        core::log_event("error", "backup_failed",
                        "\"error\":\"" + core::json_escape(written.error().message) + "\"");
        return "";
    }
    int pruned = prune_backups(schedule.directory, schedule.keep);
    core::log_event("info", "backup_written",
                    "\"path\":\"" + core::json_escape(written->path) + "\",\"bytes\":" +
                        std::to_string(written->bytes) + ",\"pruned\":" + std::to_string(pruned));
    return written->path;
}

} // namespace rekrut::services::operations
