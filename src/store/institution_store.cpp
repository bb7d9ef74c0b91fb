#include "store/institution_store.hpp"

#include <soci/soci.h>

#include "core/clock.hpp"
#include "store/database.hpp"

namespace rekrut::store {

std::int64_t InstitutionStore::create(const std::string& cvr, const std::string& name,
                                      const std::string& address)
{
    return m_database
        .transact([&](Transaction& transaction) -> core::Result<std::int64_t> {
            return insert_in(transaction, cvr, name, address, core::now());
        })
        .value();
}

std::int64_t InstitutionStore::insert_in(soci::session& sql, const std::string& cvr, const std::string& name,
                                         const std::string& address, std::int64_t now)
{
    long long id = 0, at = now;
    sql << "INSERT INTO institutions (cvr, name, address, created_at) VALUES (:cvr, :name, :address, :now)"
           " RETURNING id",
        soci::use(cvr), soci::use(name), soci::use(address), soci::use(at), soci::into(id);
    return id;
}

bool InstitutionStore::cvr_taken_in(soci::session& sql, const std::string& cvr)
{
    long long existing = 0;
    sql << "SELECT COUNT(*) FROM institutions WHERE cvr = :cvr", soci::use(cvr), soci::into(existing);
    return existing > 0;
}

namespace {

template <typename Key>
std::optional<InstitutionRecord> find_where(Database& database, const char* query, const Key& key)
{
    return database.read([&](Session& session) -> std::optional<InstitutionRecord> {
        soci::session& sql = session;
        InstitutionRecord record;
        long long id = 0;
        soci::indicator address_indicator = soci::i_ok;
        sql << query, soci::use(key), soci::into(id), soci::into(record.cvr), soci::into(record.name),
            soci::into(record.address, address_indicator);
        if (!sql.got_data())
            return std::nullopt;
        record.id = id;
        return record;
    });
}

} // namespace

std::optional<InstitutionRecord> InstitutionStore::find(std::int64_t id)
{
    long long key = id;
    return find_where(m_database, "SELECT id, cvr, name, address FROM institutions WHERE id = :id", key);
}

std::optional<InstitutionRecord> InstitutionStore::find_by_cvr(const std::string& cvr)
{
    return find_where(m_database, "SELECT id, cvr, name, address FROM institutions WHERE cvr = :cvr", cvr);
}

std::vector<InstitutionRecord> InstitutionStore::list()
{
    return m_database.read([](Session& session) {
        std::vector<InstitutionRecord> institutions;
        InstitutionRecord record;
        long long id = 0;
        int offboarded = 0;
        soci::statement statement =
            (session.sql().prepare << "SELECT id, cvr, name, address,"
                                      " CASE WHEN offboarded_at IS NULL THEN 0 ELSE 1 END"
                                      " FROM institutions ORDER BY name",
             soci::into(id), soci::into(record.cvr), soci::into(record.name), soci::into(record.address),
             soci::into(offboarded));
        statement.execute();
        while (statement.fetch()) {
            record.id = id;
            record.offboarded = offboarded != 0;
            institutions.push_back(record);
        }
        return institutions;
    });
}

std::int64_t InstitutionStore::count()
{
    return m_database.read([](Session& session) -> std::int64_t {
        long long count = 0;
        session.sql() << "SELECT COUNT(*) FROM institutions", soci::into(count);
        return count;
    });
}

std::optional<InstitutionRecord> InstitutionStore::find_in(soci::session& sql, std::int64_t id)
{
    InstitutionRecord record;
    long long key = id, found_id = 0;
    sql << "SELECT id, cvr, name, address FROM institutions WHERE id = :id", soci::use(key),
        soci::into(found_id), soci::into(record.cvr), soci::into(record.name), soci::into(record.address);
    if (!sql.got_data())
        return std::nullopt;
    record.id = found_id;
    return record;
}

} // namespace rekrut::store
