#include "store/audit_subject_store.hpp"

#include <soci/soci.h>

#include "core/crypto.hpp"
#include "core/secret_key.hpp"
#include "store/binary.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"

namespace rekrut::store::audit_subjects {
namespace {

constexpr std::size_t k_key_bytes = 32;
constexpr std::string_view k_application_prefix = "application:";

std::optional<std::int64_t> application_of(const std::string& subject)
{
    if (!subject.starts_with(k_application_prefix))
        return std::nullopt;
    try {
        std::size_t used = 0;
        auto id = std::stoll(subject.substr(k_application_prefix.size()), &used);
        if (used + k_application_prefix.size() != subject.size())
            return std::nullopt;
        return id;
    } catch (const std::logic_error&) {
        return std::nullopt;
    }
}

/// nullopt: no row; an empty optional inside: the row's key was destroyed.
std::optional<std::optional<std::string>> stored(Session& session, const std::string& subject)
{
    soci::session& sql = session;
    binary::Column wrapped(session);
    std::string found;
    sql << "SELECT subject, " + wrapped.sql("wrapped_key") +
               " FROM audit_subject_keys WHERE subject = :subject",
        soci::into(found), wrapped.into(), soci::use(subject);
    if (!sql.got_data())
        return std::nullopt;
    auto bytes = wrapped.bytes();
    if (!bytes)
        return std::optional<std::string>{};
    return session.secret_key().unwrap_data_key(*bytes);
}

} // namespace

std::optional<std::string> key_for_sealing(Transaction& transaction, const std::string& subject,
                                           core::UnixTime now)
{
    if (auto application = application_of(subject))
        return application_keys::load(transaction, *application);
    if (auto existing = stored(transaction, subject))
        return *existing;
    std::string key = core::random_bytes(k_key_bytes);
    binary::Value wrapped(transaction, transaction.secret_key().wrap_data_key(key));
    soci::session& sql = transaction;
    long long created = now;
    sql << "INSERT INTO audit_subject_keys (subject, wrapped_key, created_at) VALUES (:subject, " +
               wrapped.sql("wrapped") + ", :created)",
        soci::use(subject), wrapped.use(), soci::use(created);
    return key;
}

std::optional<std::string> key(Session& session, const std::string& subject)
{
    if (auto application = application_of(subject))
        return application_keys::load(session, *application);
    auto existing = stored(session, subject);
    return existing ? *existing : std::nullopt;
}

bool destroy(Transaction& transaction, const std::string& subject, core::UnixTime now)
{
    soci::session& sql = transaction;
    long long destroyed = now;
    // A subject that never had a key gets a destroyed one, so that no later event seals under a new key.
    long long present = 0;
    sql << "SELECT COUNT(*) FROM audit_subject_keys WHERE subject = :subject", soci::use(subject),
        soci::into(present);
    if (present == 0) {
        sql << "INSERT INTO audit_subject_keys (subject, wrapped_key, created_at, destroyed_at)"
               " VALUES (:subject, NULL, :created, :destroyed)",
            soci::use(subject), soci::use(destroyed), soci::use(destroyed);
        return false;
    }
    soci::statement update =
        (sql.prepare << "UPDATE audit_subject_keys SET wrapped_key = NULL, destroyed_at ="
                        " :destroyed WHERE subject = :subject AND wrapped_key IS NOT NULL",
         soci::use(destroyed), soci::use(subject));
    update.execute(true);
    return update.get_affected_rows() > 0;
}

std::vector<std::string> live_with_prefix(Session& session, const std::string& prefix)
{
    soci::session& sql = session;
    std::string pattern = prefix + "%";
    soci::rowset<std::string> rows =
        (sql.prepare << "SELECT subject FROM audit_subject_keys WHERE subject LIKE"
                        " :pattern AND wrapped_key IS NOT NULL ORDER BY subject",
         soci::use(pattern));
    return {rows.begin(), rows.end()};
}

} // namespace rekrut::store::audit_subjects
