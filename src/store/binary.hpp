#pragma once

// Binary values (BLOB on SQLite, BYTEA on PostgreSQL) through SOCI, the same way on both backends.
// Internal to the store: it names SOCI types.
//
// SOCI alone does not make this portable: it binds a std::string as text, which PostgreSQL ends at
// the first NUL, and its soci::blob is a BLOB on SQLite but a large object (an OID) on PostgreSQL.
// So on PostgreSQL the bytes travel as hex text, decoded and encoded in the SQL; on SQLite they
// are bound and fetched as a real BLOB (sqlite3_bind_blob / sqlite3_column_blob):
//
//     binary::Value header(transaction, bytes);
//     sql << "INSERT INTO t (id, data) VALUES (:id, " + header.sql("data") + ")", soci::use(id),
//     header.use();
//
//     binary::Column data(session);
//     sql << "SELECT " + data.sql("data") + " FROM t WHERE id = :id", data.into(), soci::use(id);
//     if (sql.got_data()) use(*data.bytes());
//
// Hex text doubles the bytes on the wire and costs an encoding on each side. For large values (the
// chunks of attachments) `insert_row` and `select_bytes` bind them in libpq's binary format instead,
// on the session's own connection (so inside its transaction), and as a BLOB on SQLite.

#include <initializer_list>
#include <optional>
#include <soci/soci.h>
#include <string>
#include <string_view>
#include <utility>

#include "store/database.hpp"

namespace rekrut::store::binary {

/// A binary value to write. It must outlive the statement that uses it.
class Value {
public:
    Value(const Session& session, std::string_view bytes);
    Value(const Value&) = delete;
    Value& operator=(const Value&) = delete;

    /// The SQL expression to write where the value goes, around the placeholder `:name`.
    std::string sql(std::string_view name) const;
    /// The binding, in the order of the placeholders: `sql << ..., value.use()` or
    /// `statement.exchange(value.use())`.
    soci::details::use_type_ptr use();

private:
    Dialect m_dialect;
    std::string m_hex;                // PostgreSQL
    std::optional<soci::blob> m_blob; // SQLite
};

/// A binary column to read. It must outlive the statement that fills it.
class Column {
public:
    explicit Column(const Session& session);
    Column(const Column&) = delete;
    Column& operator=(const Column&) = delete;

    /// The select-list expression that reads `column`.
    std::string sql(std::string_view column) const;
    /// The binding: `sql << ..., column.into()` or `statement.exchange(column.into())`.
    soci::details::into_type_ptr into();
    /// The bytes of the row fetched last; nullopt when it was NULL.
    std::optional<std::string> bytes();

private:
    Dialect m_dialect;
    soci::indicator m_indicator = soci::i_ok;
    std::string m_hex;                // PostgreSQL
    std::optional<soci::blob> m_blob; // SQLite
};

/// Integer columns and their values, naming a row or filling one. The names are the store's own.
using Integers = std::initializer_list<std::pair<std::string_view, long long>>;

/// INSERT INTO `table` (the integer columns, `column`) VALUES (their values, `bytes`).
void insert_row(const Session& session, std::string_view table, Integers integers, std::string_view column,
                std::string_view bytes);

/// The bytes of `column` in the row of `table` whose integer columns have the given values: nullopt
/// when there is no such row, an empty optional inside when the value is NULL.
std::optional<std::optional<std::string>> select_bytes(const Session& session, std::string_view table,
                                                       std::string_view column, Integers key);

} // namespace rekrut::store::binary
