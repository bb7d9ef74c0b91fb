#include "store/anonymised_copy_store.hpp"

#include <soci/soci.h>

#include "core/crypto.hpp"
#include "core/secret_key.hpp"
#include "store/binary.hpp"
#include "store/database.hpp"

namespace rekrut::store::anonymised_copy {

std::vector<TextCell> read_column(Session& session, const TextColumn& column)
{
    soci::session& sql = session;
    const bool two = !column.second_key.empty();
    std::string keys = column.key + (two ? ", " + column.second_key : ", 0") +
                       (column.related.empty() ? ", 0" : ", COALESCE(" + column.related + ", 0)");
    std::vector<TextCell> cells;
    long long key = 0, second = 0, related = 0;
    std::string value;
    soci::indicator value_null = soci::i_ok;
    soci::statement statement =
        (sql.prepare << "SELECT " + keys + ", " + column.column + " FROM " + column.table + " ORDER BY " +
                            column.key + (two ? ", " + column.second_key : ""),
         soci::into(key), soci::into(second), soci::into(related), soci::into(value, value_null));
    statement.execute();
    while (statement.fetch()) {
        TextCell cell{key, second, related, std::nullopt};
        if (value_null == soci::i_ok)
            cell.value = value;
        cells.push_back(std::move(cell));
    }
    return cells;
}

void write_cell(Transaction& transaction, const TextColumn& column, const TextCell& cell,
                const std::optional<std::string>& value)
{
    soci::session& sql = transaction;
    long long key = cell.key, second = cell.second_key;
    std::string text = value.value_or("");
    soci::indicator text_null = value ? soci::i_ok : soci::i_null;
    if (column.second_key.empty())
        sql << "UPDATE " + column.table + " SET " + column.column + " = :value WHERE " + column.key +
                   " = :key",
            soci::use(text, text_null), soci::use(key);
    else
        sql << "UPDATE " + column.table + " SET " + column.column + " = :value WHERE " + column.key +
                   " = :key AND " + column.second_key + " = :second",
            soci::use(text, text_null), soci::use(key), soci::use(second);
}

void delete_all(Transaction& transaction, const std::string& table)
{
    transaction.sql() << "DELETE FROM " + table;
}

void reset_second_factor_steps(Transaction& transaction)
{
    transaction.sql() << "UPDATE users SET totp_last_step = 0";
}

std::vector<std::pair<std::int64_t, std::string>> tags(Session& session)
{
    std::vector<std::pair<std::int64_t, std::string>> found;
    long long application = 0;
    std::string tag;
    soci::statement statement =
        (session.sql().prepare
             << "SELECT application_id, tag FROM application_tags ORDER BY application_id, tag",
         soci::into(application), soci::into(tag));
    statement.execute();
    while (statement.fetch())
        found.emplace_back(application, tag);
    return found;
}

void rename_tag(Transaction& transaction, std::int64_t application_id, const std::string& from,
                const std::string& to)
{
    long long application = application_id;
    transaction.sql()
        << "UPDATE application_tags SET tag = :to WHERE application_id = :application AND tag = :from",
        soci::use(to), soci::use(application), soci::use(from);
}

std::vector<std::pair<std::int64_t, std::int64_t>> applications_with_keys(Session& session)
{
    std::vector<std::pair<std::int64_t, std::int64_t>> found;
    long long institution = 0, application = 0;
    soci::statement statement =
        (session.sql().prepare << "SELECT a.institution_id, a.id FROM applications a"
                                  " JOIN application_keys k ON k.application_id = a.id ORDER BY a.id",
         soci::into(institution), soci::into(application));
    statement.execute();
    while (statement.fetch())
        found.emplace_back(institution, application);
    return found;
}

std::string replace_application_key(Transaction& transaction, std::int64_t application_id)
{
    std::string data_key = core::random_bytes(32);
    binary::Value wrapped(transaction, transaction.secret_key().wrap_data_key(data_key));
    long long application = application_id;
    transaction.sql() << "UPDATE application_keys SET wrapped_key = " + wrapped.sql("wrapped") +
                             " WHERE application_id = :application",
        wrapped.use(), soci::use(application);
    return data_key;
}

void drop_live_subject_keys(Transaction& transaction)
{
    transaction.sql() << "DELETE FROM audit_subject_keys WHERE wrapped_key IS NOT NULL";
}

std::vector<AttachmentRow> attachments(Session& session)
{
    std::vector<AttachmentRow> found;
    AttachmentRow row;
    long long id = 0, institution = 0, application = 0;
    soci::statement statement =
        (session.sql().prepare << "SELECT id, institution_id, application_id, kind, filename"
                                  " FROM application_attachments ORDER BY id",
         soci::into(id), soci::into(institution), soci::into(application), soci::into(row.kind),
         soci::into(row.filename));
    statement.execute();
    while (statement.fetch()) {
        row.id = id;
        row.institution_id = institution;
        row.application_id = application;
        found.push_back(row);
    }
    return found;
}

void replace_fingerprint(Transaction& transaction, core::UnixTime now)
{
    long long at = now;
    const std::string& fingerprint = transaction.secret_key().fingerprint();
    transaction.sql() << "DELETE FROM installation_key";
    transaction.sql()
        << "INSERT INTO installation_key (id, fingerprint, recorded_at) VALUES (1, :fingerprint, :at)",
        soci::use(fingerprint), soci::use(at);
}

void mark(Transaction& transaction, core::UnixTime now)
{
    long long at = now;
    const std::string& fingerprint = transaction.secret_key().fingerprint();
    transaction.sql() << "DELETE FROM anonymised_copy";
    transaction.sql()
        << "INSERT INTO anonymised_copy (id, anonymised_at, key_fingerprint) VALUES (1, :at, :fingerprint)",
        soci::use(at), soci::use(fingerprint);
}

std::optional<core::UnixTime> marked_at(Session& session)
{
    long long at = 0;
    try {
        session.sql() << "SELECT anonymised_at FROM anonymised_copy WHERE id = 1", soci::into(at);
    } catch (const soci::soci_error&) {
        return std::nullopt; // before migration 0024
    }
    if (!session.sql().got_data())
        return std::nullopt;
    return static_cast<core::UnixTime>(at);
}

void rebuild_search_index(Transaction& transaction)
{
    if (transaction.dialect() != Dialect::sqlite)
        return;
    transaction.sql() << "INSERT INTO application_search (application_search) VALUES ('rebuild')";
    transaction.sql() << "INSERT INTO application_search (application_search) VALUES ('optimize')";
}

void compact(Session& session)
{
    if (session.dialect() == Dialect::sqlite) {
        session.sql() << "VACUUM";
        session.sql() << "PRAGMA wal_checkpoint(TRUNCATE)";
    } else {
        session.sql() << "VACUUM FULL";
    }
}

} // namespace rekrut::store::anonymised_copy
