#include "store/binary.hpp"

#include <stdexcept>

#include "core/text.hpp"

namespace rekrut::store::binary {

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

} // namespace rekrut::store::binary
