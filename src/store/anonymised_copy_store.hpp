#pragma once

// The store's part of `rekrut anonymise` (services/operations/anonymise.hpp): generic reads and
// writes of one text column, the rewriting of keys and attachments in place, and the marker that says
// a database is an anonymised copy (migration 0024). Table and column names come from the service's
// fixed list, never from input.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace rekrut::store {

class Session;
class Transaction;

namespace anonymised_copy {

/// Where one text value lives: a table, its integer key (one or two columns; `second_key` "" for one)
/// and the column.
struct TextColumn {
    std::string table;
    std::string key;
    std::string second_key;
    std::string column;
    std::string related; ///< An integer column read beside the value (its application), "" for none.
};

/// One value of a TextColumn with its row's key.
struct TextCell {
    std::int64_t key = 0;
    std::int64_t second_key = 0;
    std::int64_t related = 0;         ///< 0 when NULL or not asked for
    std::optional<std::string> value; ///< nullopt for NULL
};

/// Every value of the column, in key order.
std::vector<TextCell> read_column(Session& session, const TextColumn& column);
/// Writes `value` into the cell's row.
void write_cell(Transaction& transaction, const TextColumn& column, const TextCell& cell,
                const std::optional<std::string>& value);
/// Deletes every row of `table` (sessions, tokens and throttles, which a copy does not need).
void delete_all(Transaction& transaction, const std::string& table);

/// Forgets the last second-factor step of every account, which belonged to its old secret.
void reset_second_factor_steps(Transaction& transaction);

/// An application's tags, as (application id, tag).
std::vector<std::pair<std::int64_t, std::string>> tags(Session& session);
void rename_tag(Transaction& transaction, std::int64_t application_id, const std::string& from,
                const std::string& to);

/// Every application that has a data key, as (institution id, application id).
std::vector<std::pair<std::int64_t, std::int64_t>> applications_with_keys(Session& session);
/// Replaces the application's wrapped data key with a new random key wrapped under the transaction's
/// installation key, and returns the new key.
std::string replace_application_key(Transaction& transaction, std::int64_t application_id);
/// Deletes the audit subjects' live keys (a destroyed key's row stays, so an erased person stays
/// erased); they are made anew under the transaction's key when the trail is sealed again.
void drop_live_subject_keys(Transaction& transaction);

/// An attachment's row without its bytes.
struct AttachmentRow {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::int64_t application_id = 0;
    std::string kind;
    std::string filename;
};
std::vector<AttachmentRow> attachments(Session& session);

/// Records the transaction's installation key as the database's key.
void replace_fingerprint(Transaction& transaction, core::UnixTime now);
/// Marks the database as an anonymised copy (one row; a second run replaces it).
void mark(Transaction& transaction, core::UnixTime now);
/// When the database was anonymised; nullopt for a database that is not an anonymised copy (also
/// before migration 0024).
std::optional<core::UnixTime> marked_at(Session& session);

/// Rebuilds SQLite's full-text index from its stored texts and merges it, so that no segment keeps a
/// replaced word; nothing on PostgreSQL, whose tsvector is computed from the stored text.
void rebuild_search_index(Transaction& transaction);
/// Reclaims the space of replaced rows so that no old value stays in the file (SQLite: VACUUM and a
/// checkpoint of the write-ahead log; PostgreSQL: VACUUM FULL). Outside any transaction.
void compact(Session& session);

} // namespace anonymised_copy
} // namespace rekrut::store
