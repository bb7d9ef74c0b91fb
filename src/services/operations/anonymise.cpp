#include "services/operations/anonymise.hpp"

#include <array>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <soci/soci.h>
#include <vector>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/secret_stream.hpp"
#include "core/text.hpp"
#include "integrations/pdf_document.hpp"
#include "services/applications/attachment_texts.hpp"
#include "services/audit_log.hpp"
#include "services/audit_personal.hpp"
#include "services/passwords.hpp"
#include "services/sealed_text.hpp"
#include "store/anonymised_copy_store.hpp"
#include "store/application_store.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"
#include "store/installation_key_store.hpp"
#include "store/migrations.hpp"

namespace rekrut::services::operations {
namespace {

namespace fs = std::filesystem;
namespace copy_store = store::anonymised_copy;
using Json = nlohmann::ordered_json;

constexpr std::array<std::string_view, 16> k_first_names{
    "Anna", "Bo",   "Carla", "Dennis", "Ella",  "Frej", "Gry",    "Holger",
    "Ida",  "Jens", "Karen", "Lasse",  "Maren", "Nils", "Olivia", "Palle"};
constexpr std::array<std::string_view, 16> k_last_names{
    "Testesen", "Prøvesen", "Eksempel", "Fiktivsen", "Dummysen",  "Skabelon", "Attrapsen",  "Modelsen",
    "Prototyp", "Øvelsen",  "Forsøg",   "Skitsesen", "Udkastsen", "Pilotsen", "Mønstersen", "Kladdesen"};

/// Synthetic values, the same for the same original everywhere in the copy: each is derived from a
/// keyed BLAKE2b of the original under a salt made for this run and kept nowhere, so nothing of the
/// original can be derived from the output.
class Pseudonyms {
public:
    Pseudonyms() : m_salt(core::random_bytes(32)) {}

    enum class Kind { email, name, phone, address, postcode, city, text, ip, tag };

    std::string replace(Kind kind, const std::string& original)
    {
        if (original.empty() || original == k_erased_value)
            return original;
        auto digest =
            core::blake2b_keyed_hex(std::to_string(static_cast<int>(kind)) + ":" + normal(original), m_salt);
        auto number = [&](std::size_t from, std::size_t digits) {
            std::string out;
            for (std::size_t i = 0; i < digits; ++i)
                out += static_cast<char>('0' + std::stoi(digest.substr(from + i, 1), nullptr, 16) % 10);
            return out;
        };
        std::string synthetic;
        switch (kind) {
        case Kind::email: synthetic = "testperson-" + digest.substr(0, 12) + "@example.test"; break;
        case Kind::name:
            synthetic = std::string(k_first_names[std::stoi(digest.substr(0, 1), nullptr, 16)]) + " " +
                        std::string(k_last_names[std::stoi(digest.substr(1, 1), nullptr, 16)]) + " " +
                        digest.substr(2, 4);
            break;
        case Kind::phone: synthetic = "+45 " + number(0, 8); break;
        case Kind::address:
            synthetic = "Testvej " + std::to_string(1 + std::stoi(digest.substr(0, 2), nullptr, 16));
            break;
        case Kind::postcode: synthetic = "9" + number(0, 3); break;
        case Kind::city: synthetic = "Testby"; break;
        case Kind::text:
            synthetic = "Syntetisk tekst " + digest.substr(0, 8) +
                        ". Denne tekst erstatter det oprindelige indhold i en anonymiseret testkopi.";
            break;
        case Kind::ip:
            synthetic = "192.0.2." + std::to_string(1 + std::stoi(digest.substr(0, 2), nullptr, 16) % 254);
            break;
        case Kind::tag: synthetic = "Mærke " + digest.substr(0, 4); break;
        }
        // Remembered for the audit trail, whose JSON may repeat a person's value or free text outside the
        // personal fields; not cities, postcodes and tags, which name places and categories there too.
        if (original.size() >= 4 &&
            (kind == Kind::email || kind == Kind::name || kind == Kind::address || kind == Kind::text))
            m_seen.emplace(original, synthetic);
        return synthetic;
    }

    /// The synthetic value of an original seen in a table, if any.
    std::optional<std::string> seen(const std::string& original) const
    {
        auto found = m_seen.find(original);
        return found == m_seen.end() ? std::nullopt : std::optional<std::string>(found->second);
    }

private:
    static std::string normal(const std::string& value)
    {
        std::string out;
        for (char c : value)
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        auto first = out.find_first_not_of(" \t\r\n");
        auto last = out.find_last_not_of(" \t\r\n");
        return first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
    }

    std::string m_salt;
    std::map<std::string, std::string> m_seen;
};

using Kind = Pseudonyms::Kind;

struct PlainColumn {
    copy_store::TextColumn where;
    Kind kind;
};

/// Every column that holds a person's data or free text in clear.
std::vector<PlainColumn> plain_columns()
{
    return {
        {{"users", "id", "", "email", ""}, Kind::email},
        {{"users", "id", "", "name", ""}, Kind::name},
        {{"case_contacts", "id", "", "name", ""}, Kind::name},
        {{"case_contacts", "id", "", "phone", ""}, Kind::phone},
        {{"case_contacts", "id", "", "email", ""}, Kind::email},
        {{"applications", "id", "", "full_name", ""}, Kind::name},
        {{"applications", "id", "", "email", ""}, Kind::email},
        {{"applications", "id", "", "phone", ""}, Kind::phone},
        {{"applications", "id", "", "address", ""}, Kind::address},
        {{"applications", "id", "", "postal_code", ""}, Kind::postcode},
        {{"applications", "id", "", "city", ""}, Kind::city},
        {{"applications", "id", "", "cover_letter", ""}, Kind::text},
        {{"application_answers", "application_id", "question_id", "answer", ""}, Kind::text},
        {{"outbox", "id", "", "recipient", ""}, Kind::email},
        {{"outbox", "id", "", "subject", ""}, Kind::text},
        {{"operator_access", "id", "", "reason", ""}, Kind::text},
        {{"institution_offboardings", "id", "", "reason", ""}, Kind::text},
        {{"access_log", "id", "", "client_ip", ""}, Kind::ip},
        {{"case_decisions", "id", "", "reason", ""}, Kind::text},
        {{"case_decisions", "id", "", "comment", ""}, Kind::text},
        {{"case_holds", "id", "", "reason", ""}, Kind::text},
        {{"administrator_rights_reviews", "id", "", "note", ""}, Kind::text},
    };
}

/// Columns sealed under an application's data key (hex), with where the application's id is.
struct SealedColumn {
    copy_store::TextColumn where;
    bool application_is_key; ///< else the `related` column names it
};

std::vector<SealedColumn> sealed_columns()
{
    return {
        {{"application_notes", "id", "", "sealed_text", "application_id"}, false},
        {{"assessment_marks", "application_id", "user_id", "sealed_comment", ""}, true},
        {{"case_decisions", "id", "", "sealed_justification", "application_id"}, false},
        {{"case_decisions", "id", "", "sealed_comment", "application_id"}, false},
        {{"priority_access_waivers", "application_id", "", "sealed_reason", ""}, true},
    };
}

/// Tables of secrets and tokens that a copy does not need (sessions, links, resets, throttles).
constexpr std::array<std::string_view, 7> k_emptied_tables{
    "sessions",          "recovery_codes", "password_resets", "email_changes",
    "application_links", "login_throttle", "backup_runs"};

/// `opened` (an event's JSON opened with the original keys) with every value that was stored sealed
/// in `stored` (a person's, ADR 0009) replaced by its synthetic value, and every other value that equals
/// a replaced original replaced by the same synthetic value.
std::string replace_json(Pseudonyms& pseudonyms, const std::string& stored, const std::string& opened)
{
    if (opened.size() <= 2)
        return opened;
    Json object = Json::parse(opened, nullptr, false);
    Json sealed = Json::parse(stored, nullptr, false);
    if (!object.is_object())
        return opened;
    for (auto& [field, value] : object.items()) {
        if (!value.is_string())
            continue;
        auto text = value.get<std::string>();
        auto original = sealed.is_object() ? sealed.find(field) : sealed.end();
        bool personal = sealed.is_object() && original != sealed.end() && original->is_string() &&
                        is_sealed_value(original->get<std::string>());
        if (personal) {
            Kind kind = field == "email" || field == "new_email"  ? Kind::email
                        : field == "name" || field == "full_name" ? Kind::name
                        : field == "phone"                        ? Kind::phone
                                                                  : Kind::text;
            value = pseudonyms.replace(kind, text);
        } else if (auto seen = pseudonyms.seen(text)) {
            value = *seen;
        }
    }
    return object.dump();
}

std::string synthetic_attachment_text(std::int64_t attachment_id, const std::string& kind)
{
    return "Syntetisk bilag " + std::to_string(attachment_id) + " (" + kind +
           "). Dette dokument erstatter en fil i en anonymiseret testkopi og indeholder ingen "
           "personoplysninger.";
}

std::string synthetic_pdf(const std::string& text)
{
    integrations::PdfDocument document;
    document.title = "Syntetisk bilag";
    document.blocks.push_back({integrations::PdfBlock::Kind::paragraph, text, {}});
    auto pdf = integrations::render_pdf(document);
    return pdf ? *pdf : text;
}

bool same_sqlite_file(const std::string& a, const std::string& b)
{
    std::error_code error;
    return fs::equivalent(a.substr(7), b.substr(7), error) && !error;
}

core::Status refuse_live(const std::string& copy_url, const std::string& live_url)
{
    const core::Error live = core::Error::invalid(
        "the database to anonymise is the configured database itself (database.url); anonymise a copy");
    if (copy_url == live_url)
        return live;
    bool copy_sqlite = copy_url.rfind("sqlite:", 0) == 0, live_sqlite = live_url.rfind("sqlite:", 0) == 0;
    if (copy_sqlite && live_sqlite && same_sqlite_file(copy_url, live_url))
        return live;
    if (!copy_sqlite && !live_sqlite) {
        // Another URL may name the same database: compare what both servers say about themselves.
        try {
            auto identity = [](const std::string& url) {
                auto database = store::Database::open(url, 1);
                return database->read([](store::Session& session) {
                    std::string name, started, port;
                    session.sql() << "SELECT current_database(), CAST(pg_postmaster_start_time() AS TEXT),"
                                     " COALESCE(CAST(inet_server_port() AS TEXT), '')",
                        soci::into(name), soci::into(started), soci::into(port);
                    return name + "|" + started + "|" + port;
                });
            };
            if (identity(copy_url) == identity(live_url))
                return live;
        } catch (const std::exception&) {
            // The live database cannot be reached: the URLs differ, which is what can be checked.
        }
    }
    return core::success();
}

} // namespace

core::Result<AnonymiseReport> anonymise_copy(const AnonymiseOptions& options)
{
    const bool sqlite = options.copy_url.rfind("sqlite:", 0) == 0;
    if (sqlite) {
        std::error_code error;
        if (!fs::is_regular_file(options.copy_url.substr(7), error))
            return core::Error::invalid("there is no database file " + options.copy_url.substr(7));
        if (fs::file_size(options.copy_url.substr(7), error) == 0 || error)
            return core::Error::invalid("the database file " + options.copy_url.substr(7) +
                                        " is empty: copy the database into it first");
    }
    if (auto live = refuse_live(options.copy_url, options.live_url); !live)
        return live.error();
    if (options.original_key->fingerprint() == options.new_key->fingerprint())
        return core::Error::invalid("the new key file holds the installation's own key; an anonymised copy "
                                    "needs a key of its own (a new file is made when none exists)");
    std::unique_ptr<store::Database> database;
    try {
        database = store::Database::open(options.copy_url, 1);
    } catch (const std::exception& error) {
        return core::Error::invalid(std::string("the copy cannot be opened: ") + error.what());
    }
    database->set_secret_key(*options.original_key);
    auto migrations = store::read_migrations(options.migrations_dir, sqlite);
    if (!store::migrations_current(*database, migrations))
        return core::Error::invalid("the copy's schema is not fully migrated (or has migrations this version "
                                    "does not know); run `rekrut migrate` on it with its own configuration "
                                    "first");
    auto recorded = store::installation_key::recorded_fingerprint(*database);
    if (recorded.empty() ? store::holds_keyed_data(*database)
                         : recorded != options.original_key->fingerprint())
        return core::Error::invalid("the copy was not written with the installation key (fingerprint " +
                                    options.original_key->fingerprint() + "; the copy records " +
                                    (recorded.empty() ? std::string("none") : recorded) +
                                    "); give the key file it was written with through the configuration "
                                    "(security.key_file)");

    // The audit trail opened with the original keys, before anything is replaced.
    std::vector<domain::AuditEventRecord> stored;
    auto events = database->read([&](store::Session& session) {
        store::audit_events::for_each(
            session, [&](const domain::AuditEventRecord& event) { stored.push_back(event); });
        auto opened = stored;
        open_personal_data(session, opened);
        return opened;
    });

    AnonymiseReport report;
    report.test_password = passwords::generate();
    report.totp_secret_hex = core::random_hex(20);
    const std::string password_hash = passwords::hash(report.test_password);
    database->set_secret_key(*options.new_key);
    Pseudonyms pseudonyms;
    store::DatabaseFileStore files;

    auto done = database->transact([&](store::Transaction& transaction) -> core::Result<AnonymiseReport> {
        for (auto table : k_emptied_tables)
            copy_store::delete_all(transaction, std::string(table));
        for (const auto& column : plain_columns())
            for (const auto& cell : copy_store::read_column(transaction, column.where))
                if (cell.value && !cell.value->empty())
                    copy_store::write_cell(transaction, column.where, cell,
                                           pseudonyms.replace(column.kind, *cell.value));
        for (const auto& [application, tag] : copy_store::tags(transaction))
            copy_store::rename_tag(transaction, application, tag, pseudonyms.replace(Kind::tag, tag));

        // Accounts: one test password and one second-factor secret for all, sealed under the new key.
        const copy_store::TextColumn password{"users", "id", "", "password_hash", ""};
        for (const auto& cell : copy_store::read_column(transaction, password)) {
            ++report.users;
            if (cell.value)
                copy_store::write_cell(transaction, password, cell, password_hash);
        }
        const copy_store::TextColumn totp{"users", "id", "", "totp_secret", ""};
        for (const auto& cell : copy_store::read_column(transaction, totp))
            if (cell.value && !cell.value->empty())
                copy_store::write_cell(transaction, totp, cell,
                                       transaction.secret_key().seal(report.totp_secret_hex));
        copy_store::reset_second_factor_steps(transaction);

        // New data keys for every application; what was sealed under the old ones is replaced.
        std::map<std::int64_t, std::string> keys;
        std::vector<std::pair<std::int64_t, std::int64_t>> keyed =
            copy_store::applications_with_keys(transaction);
        for (const auto& [institution, application] : keyed)
            keys[application] = copy_store::replace_application_key(transaction, application);
        report.applications = static_cast<std::int64_t>(keyed.size());
        auto key_of = [&](std::int64_t application) {
            auto found = keys.find(application);
            return found == keys.end() ? std::optional<std::string>()
                                       : std::optional<std::string>(found->second);
        };
        for (const auto& column : sealed_columns())
            for (const auto& cell : copy_store::read_column(transaction, column.where))
                if (cell.value && !cell.value->empty()) {
                    auto application = column.application_is_key ? cell.key : cell.related;
                    copy_store::write_cell(
                        transaction, column.where, cell,
                        seal_text(key_of(application), "Syntetisk tekst (" + column.where.table + " " +
                                                           std::to_string(cell.key) + ")."));
                }

        // Mails: synthetic bodies, sealed as the outbox seals them; no attachment.
        for (std::string body : {"body_text", "body_html"}) {
            const copy_store::TextColumn column{"outbox", "id", "", body, "application_id"};
            for (const auto& cell : copy_store::read_column(transaction, column)) {
                if (body == "body_text")
                    ++report.mails;
                if (!cell.value || cell.value->empty())
                    continue;
                std::string text = "Syntetisk mail " + std::to_string(cell.key) + ".";
                auto key = cell.related != 0 ? key_of(cell.related) : std::nullopt;
                copy_store::write_cell(transaction, column, cell,
                                       key ? "app1:" + core::to_hex(core::seal_with_key(*key, text))
                                           : transaction.secret_key().seal(text));
            }
        }
        for (std::string cleared : {"attachment", "attachment_name", "attachment_type", "last_error"}) {
            const copy_store::TextColumn column{"outbox", "id", "", cleared, ""};
            for (const auto& cell : copy_store::read_column(transaction, column))
                if (cell.value && !cell.value->empty())
                    copy_store::write_cell(transaction, column, cell, std::string());
        }

        // Files: a small synthetic PDF each, with its text as the extracted text.
        for (const auto& attachment : copy_store::attachments(transaction)) {
            ++report.attachments;
            auto key = key_of(attachment.application_id);
            if (!key)
                continue;
            auto text = synthetic_attachment_text(attachment.id, attachment.kind);
            store::replace_attachment_content(transaction, attachment.id,
                                              attachment.kind + "-" + std::to_string(attachment.id) + ".pdf",
                                              "application/pdf", synthetic_pdf(text), *key);
            files.put_text(transaction, attachment.id, text, *key);
            store::mark_text(transaction, attachment.id, "done", "");
        }

        // The search index from the synthetic values.
        for (const auto& [institution, application] : keyed)
            if (auto record = store::applications::find(transaction, institution, application))
                applications::reindex(transaction, files, *record);
        copy_store::rebuild_search_index(transaction);

        // The audit trail: synthetic values, sealed under new subject keys, chained under the new key.
        copy_store::drop_live_subject_keys(transaction);
        for (std::size_t i = 0; i < events.size(); ++i) {
            auto& event = events[i];
            if (event.actor_user_id)
                event.actor_name = pseudonyms.replace(Kind::name, event.actor_name);
            event.ip = pseudonyms.replace(Kind::ip, event.ip);
            event.before_json = replace_json(pseudonyms, stored[i].before_json, event.before_json);
            event.after_json = replace_json(pseudonyms, stored[i].after_json, event.after_json);
        }
        reseal_audit_trail(transaction, events);
        report.audit_events = static_cast<std::int64_t>(events.size());

        copy_store::replace_fingerprint(transaction, core::now());
        copy_store::mark(transaction, core::now());
        record_audit(transaction, Origin::system("anonymise"),
                     {std::nullopt, "audit.anonymised_copy", "database", "", "{}",
                      json_object({{"users", std::to_string(report.users)},
                                   {"applications", std::to_string(report.applications)},
                                   {"attachments", std::to_string(report.attachments)},
                                   {"mails", std::to_string(report.mails)},
                                   {"audit_events", std::to_string(report.audit_events)},
                                   {"key_fingerprint", transaction.secret_key().fingerprint()}})});
        return report;
    });
    if (!done)
        return done.error();
    // The values are replaced; what follows only frees the pages that held the old ones.
    try {
        database->read([](store::Session& session) { copy_store::compact(session); });
    } catch (const std::exception& error) {
        done->compaction_problem = error.what();
    }
    return done;
}

} // namespace rekrut::services::operations
