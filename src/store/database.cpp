#include "store/database.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <stdexcept>

#include "store/danish_tokenizer.hpp"

namespace rekrut::store {
namespace {

class Lease {
public:
    Lease(soci::connection_pool& pool, std::atomic<unsigned>& in_use) : m_pool(pool), m_in_use(in_use)
    {
        if (!m_pool.try_lease(m_position, 5000))
            throw DatabaseUnavailable("no database session became free within 5 s");
        ++m_in_use;
    }
    ~Lease()
    {
        --m_in_use;
        m_pool.give_back(m_position);
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    soci::session& session() { return m_pool.at(m_position); }

private:
    soci::connection_pool& m_pool;
    std::atomic<unsigned>& m_in_use;
    std::size_t m_position = 0;
};

std::string postgres_conninfo(const std::string& url)
{
    // libpq takes URIs directly; quieten NOTICE messages that would otherwise go to stderr.
    std::string conninfo = url;
    conninfo += url.find('?') == std::string::npos ? "?" : "&";
    conninfo += "options=-c%20client_min_messages%3Dwarning";
    return conninfo;
}

} // namespace

Database::Database(Dialect dialect, unsigned pool_size)
    : m_dialect(dialect), m_pool_size(pool_size), m_pool(std::make_unique<soci::connection_pool>(pool_size))
{
}

Database::~Database() = default;

const core::SecretKey& Database::secret_key() const
{
    if (!m_key)
        throw std::logic_error("the database's secret key was not set");
    return *m_key;
}

std::unique_ptr<Database> Database::open(const std::string& url, unsigned pool_size)
{
    bool is_sqlite = url.rfind("sqlite:", 0) == 0;
    std::unique_ptr<Database> database(
        new Database(is_sqlite ? Dialect::sqlite : Dialect::postgresql, pool_size));
    try {
        for (unsigned i = 0; i < pool_size; ++i) {
            soci::session& session = database->m_pool->at(i);
            if (is_sqlite) {
                session.open(soci::sqlite3, "db=" + url.substr(7) + " timeout=5");
                session << "PRAGMA journal_mode=WAL";
                session << "PRAGMA synchronous=NORMAL";
                session << "PRAGMA foreign_keys=ON";
                session << "PRAGMA busy_timeout=5000";
                // Before any migration or query touches the application search table, which uses it.
                auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
                register_danish_tokenizer(reinterpret_cast<::sqlite3*>(backend->conn_));
            } else {
                session.open(soci::postgresql, postgres_conninfo(url));
            }
        }
    } catch (const std::exception& error) {
        throw std::runtime_error(std::string("cannot open the database: ") + error.what());
    }
    return database;
}

const core::SecretKey& Session::secret_key() const
{
    if (!m_key)
        throw std::logic_error("the database's secret key was not set");
    return *m_key;
}

void Database::run_session(const std::function<void(Session&)>& work)
{
    Lease lease(*m_pool, m_in_use);
    Session session(lease.session(), m_dialect, m_key ? &*m_key : nullptr);
    work(session);
}

void Database::run_transaction(const std::function<bool(Transaction&)>& work)
{
    Lease lease(*m_pool, m_in_use);
    soci::session& sql = lease.session();
    sql << (m_dialect == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    try {
        Transaction transaction(sql, m_dialect, m_key ? &*m_key : nullptr);
        sql << (work(transaction) ? "COMMIT" : "ROLLBACK");
    } catch (...) {
        try {
            sql << "ROLLBACK";
        } catch (...) {
            // The connection is gone; the database rolled back on its side.
        }
        throw;
    }
}

void Database::execute_script(soci::session& session, const std::string& sql)
{
    if (m_dialect == Dialect::sqlite) {
        auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
        char* message = nullptr;
        if (sqlite_api::sqlite3_exec(backend->conn_, sql.c_str(), nullptr, nullptr, &message) != 0) {
            std::string text = message ? message : "unknown error";
            sqlite_api::sqlite3_free(message);
            throw std::runtime_error(text);
        }
        return;
    }
    auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
    PGresult* result = PQexec(backend->conn_, sql.c_str());
    auto status = PQresultStatus(result);
    std::string text = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        throw std::runtime_error(text);
}

bool Database::ping()
{
    try {
        return read([](Session& session) {
            int one = 0;
            session.sql() << "SELECT 1", soci::into(one);
            return one == 1;
        });
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace rekrut::store
