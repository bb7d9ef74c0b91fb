#include "store/binary.hpp"

#include <libpq-fe.h>
#include <memory>
#include <soci/postgresql/soci-postgresql.h>
#include <stdexcept>
#include <vector>

#include "core/text.hpp"

namespace rekrut::store::binary {

namespace {

constexpr Oid k_bytea_oid = 17;

/// A result of libpq, cleared when it goes.
using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

/// Runs `sql` on the session's PostgreSQL connection with the integers as text parameters $1…$n and,
/// when given, the bytes as the binary parameter $n+1; the result is asked for in binary format. A
/// failure is thrown as SOCI throws it, with its SQLSTATE, so that callers classify it the same way.
Result run(const Session& session, const std::string& sql, Integers integers, const std::string_view* bytes,
           int expected)
{
    auto* backend = static_cast<soci::postgresql_session_backend*>(session.sql().get_backend());
    std::vector<std::string> texts;
    texts.reserve(integers.size());
    for (const auto& [name, value] : integers)
        texts.push_back(std::to_string(value));
    std::vector<const char*> values;
    std::vector<int> lengths, formats;
    std::vector<Oid> types;
    for (const auto& text : texts) {
        values.push_back(text.c_str());
        lengths.push_back(0);
        formats.push_back(0);
        types.push_back(0);
    }
    if (bytes) {
        values.push_back(bytes->data() != nullptr ? bytes->data() : ""); // a null pointer would be NULL
        lengths.push_back(static_cast<int>(bytes->size()));
        formats.push_back(1);
        types.push_back(k_bytea_oid);
    }
    Result result(PQexecParams(backend->conn_, sql.c_str(), static_cast<int>(values.size()), types.data(),
                               values.data(), lengths.data(), formats.data(), 1),
                  &PQclear);
    if (!result) // not even sent (the connection is gone, or no memory)
        throw soci::postgresql_soci_error(PQerrorMessage(backend->conn_), "08006");
    if (PQresultStatus(result.get()) != expected) {
        const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
        throw soci::postgresql_soci_error(PQresultErrorMessage(result.get()), state ? state : "XX000");
    }
    return result;
}

/// "a = $1 AND b = $2" or "a = :a AND b = :b".
std::string where(Integers key, Dialect dialect)
{
    std::string text;
    int number = 0;
    for (const auto& [name, value] : key) {
        text += (text.empty() ? "" : " AND ") + std::string(name) + " = ";
        text += dialect == Dialect::postgresql ? "$" + std::to_string(++number) : ":" + std::string(name);
    }
    return text;
}

} // namespace

Value::Value(const Session& session, std::string_view bytes) : m_dialect(session.dialect())
{
    if (m_dialect == Dialect::postgresql) {
        m_hex = core::to_hex(bytes);
        return;
    }
    m_blob.emplace(session.sql());
    if (!bytes.empty())
        m_blob->write(0, bytes.data(), bytes.size());
}

std::string Value::sql(std::string_view name) const
{
    std::string placeholder = ":" + std::string(name);
    if (m_dialect == Dialect::postgresql)
        return "decode(" + placeholder + ", 'hex')";
    // SOCI binds an empty soci::blob as NULL; the value is never meant to be NULL.
    return "coalesce(" + placeholder + ", x'')";
}

soci::details::use_type_ptr Value::use()
{
    if (m_dialect == Dialect::postgresql)
        return soci::details::use_type_ptr(new soci::details::use_type<std::string>(m_hex));
    return soci::details::use_type_ptr(new soci::details::use_type<soci::blob>(*m_blob));
}

Column::Column(const Session& session) : m_dialect(session.dialect())
{
    if (m_dialect == Dialect::sqlite)
        m_blob.emplace(session.sql());
}

std::string Column::sql(std::string_view column) const
{
    if (m_dialect == Dialect::postgresql)
        return "encode(" + std::string(column) + ", 'hex')";
    return std::string(column);
}

soci::details::into_type_ptr Column::into()
{
    if (m_dialect == Dialect::postgresql)
        return soci::details::into_type_ptr(new soci::details::into_type<std::string>(m_hex, m_indicator));
    return soci::details::into_type_ptr(new soci::details::into_type<soci::blob>(*m_blob, m_indicator));
}

std::optional<std::string> Column::bytes()
{
    if (m_indicator == soci::i_null)
        return std::nullopt;
    if (m_dialect == Dialect::postgresql) {
        auto decoded = core::from_hex(m_hex);
        if (!decoded)
            throw std::runtime_error("encode(..., 'hex') returned something that is not hex");
        return decoded;
    }
    std::string bytes(m_blob->get_len(), '\0');
    if (!bytes.empty() && m_blob->read(0, bytes.data(), bytes.size()) != bytes.size())
        throw std::runtime_error("a BLOB could not be read whole");
    return bytes;
}

void insert_row(const Session& session, std::string_view table, Integers integers, std::string_view column,
                std::string_view bytes)
{
    std::string names, placeholders;
    int number = 0;
    for (const auto& [name, value] : integers) {
        names += std::string(name) + ", ";
        placeholders += session.dialect() == Dialect::postgresql ? "$" + std::to_string(++number) + ", "
                                                                 : ":" + std::string(name) + ", ";
    }
    std::string sql = "INSERT INTO " + std::string(table) + " (" + names + std::string(column) + ") VALUES (";
    if (session.dialect() == Dialect::postgresql) {
        run(session, sql + placeholders + "$" + std::to_string(number + 1) + ")", integers, &bytes,
            PGRES_COMMAND_OK);
        return;
    }
    Value value(session, bytes);
    soci::statement statement(session.sql());
    std::vector<long long> numbers;
    numbers.reserve(integers.size());
    for (const auto& [name, number_value] : integers)
        numbers.push_back(number_value);
    for (auto& number_value : numbers)
        statement.exchange(soci::use(number_value));
    statement.exchange(value.use());
    statement.alloc();
    statement.prepare(sql + placeholders + value.sql(column) + ")");
    statement.define_and_bind();
    statement.execute(true);
}

std::optional<std::optional<std::string>> select_bytes(const Session& session, std::string_view table,
                                                       std::string_view column, Integers key)
{
    std::string sql = "SELECT " + std::string(column) + " FROM " + std::string(table) + " WHERE " +
                      where(key, session.dialect());
    if (session.dialect() == Dialect::postgresql) {
        auto result = run(session, sql, key, nullptr, PGRES_TUPLES_OK);
        if (PQntuples(result.get()) == 0)
            return std::nullopt;
        if (PQgetisnull(result.get(), 0, 0))
            return std::optional<std::string>();
        return std::optional<std::string>(
            std::string(PQgetvalue(result.get(), 0, 0), PQgetlength(result.get(), 0, 0)));
    }
    Column data(session);
    soci::statement statement(session.sql());
    std::vector<long long> numbers;
    numbers.reserve(key.size());
    for (const auto& [name, value] : key)
        numbers.push_back(value);
    statement.exchange(data.into());
    for (auto& value : numbers)
        statement.exchange(soci::use(value));
    statement.alloc();
    statement.prepare(sql);
    statement.define_and_bind();
    if (!statement.execute(true))
        return std::nullopt;
    return data.bytes();
}

} // namespace rekrut::store::binary
