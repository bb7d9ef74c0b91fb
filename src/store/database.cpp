#include "store/database.hpp"

#include <chrono>
#include <condition_variable>
#include <libpq-fe.h>
#include <mutex>
#include <set>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <stdexcept>
#include <thread>

#include "store/danish_tokenizer.hpp"

namespace rekrut::store {

/// Turns for SQLite's single writer, first come first served. SQLite's own busy handler lets
/// waiting writers poll with growing sleeps (up to 100 ms each), so under load a writer could miss
/// many free moments and the slowest ones ran into the busy timeout (SQLITE_BUSY, an error page);
/// here a waiting writer is woken as soon as its turn comes.
class WriterTurns {
public:
    /// Waits for the caller's turn; false when it did not come within `wait`.
    bool acquire(std::chrono::milliseconds wait)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        std::uint64_t ticket = m_next++;
        if (m_changed.wait_for(lock, wait, [&] { return m_serving == ticket; }))
            return true;
        m_abandoned.insert(ticket);
        return false;
    }
    void release()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            ++m_serving;
            while (m_abandoned.erase(m_serving) > 0)
                ++m_serving;
        }
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::uint64_t m_next = 0;
    std::uint64_t m_serving = 0;
    std::set<std::uint64_t> m_abandoned;
};

namespace {

/// The write-ahead log's size in pages after each commit, for checkpoint_when_due. Installing it
/// replaces SQLite's automatic checkpoint, which would run inside the committing writer's turn.
int record_wal_pages(void* pages, sqlite_api::sqlite3* /*connection*/, const char* /*schema*/, int count)
{
    static_cast<std::atomic<int>*>(pages)->store(count);
    return 0;
}

constexpr int k_checkpoint_pages = 1000;

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
    : m_dialect(dialect), m_pool_size(pool_size), m_pool(std::make_unique<soci::connection_pool>(pool_size)),
      m_writers(std::make_unique<WriterTurns>())
{
}

Database::~Database() = default;

const core::SecretKey& Database::secret_key() const
{
    if (!m_key)
        throw std::logic_error("the database's secret key was not set");
    return *m_key;
}

namespace {

/// Switches a SQLite database to write-ahead logging, once per database file. The switch needs the
/// file to itself, which the busy timeout does not wait for: a process that opens the database while
/// another one migrates it (nodes starting together) would be refused. So a database already in WAL
/// mode is left as it is, and the switch is tried again for a while when the file is busy.
void use_write_ahead_log(soci::session& session)
{
    for (int attempt = 0;; ++attempt) {
        try {
            std::string mode;
            session << "PRAGMA journal_mode", soci::into(mode);
            if (mode == "wal")
                return;
            session << "PRAGMA journal_mode=WAL";
            return;
        } catch (const soci::soci_error& error) {
            if (attempt >= 300 || std::string(error.what()).find("locked") == std::string::npos)
                throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
}

} // namespace

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
                use_write_ahead_log(session);
                session << "PRAGMA synchronous=NORMAL";
                session << "PRAGMA foreign_keys=ON";
                // Freed pages are overwritten with zeros, so deleted personal data leaves no trace.
                session << "PRAGMA secure_delete=ON";
                session << "PRAGMA busy_timeout=5000";
                // Before any migration or query touches the application search table, which uses it.
                auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
                register_danish_tokenizer(reinterpret_cast<::sqlite3*>(backend->conn_));
                sqlite_api::sqlite3_wal_hook(backend->conn_, record_wal_pages, &database->m_wal_pages);
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
    const bool sqlite = m_dialect == Dialect::sqlite;
    // The turn before the session: writers waiting for their turn leave the pool to readers.
    if (sqlite && !m_writers->acquire(std::chrono::milliseconds(k_sqlite_writer_wait_ms)))
        throw DatabaseUnavailable("no turn to write came within " + std::to_string(k_sqlite_writer_wait_ms) +
                                  " ms");
    struct Turn {
        WriterTurns* writers;
        ~Turn()
        {
            if (writers != nullptr)
                writers->release();
        }
        void end()
        {
            if (writers != nullptr)
                writers->release();
            writers = nullptr;
        }
    } turn{sqlite ? m_writers.get() : nullptr};
    Lease lease(*m_pool, m_in_use);
    soci::session& sql = lease.session();
    sql << (sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    try {
        Transaction transaction(sql, m_dialect, m_key ? &*m_key : nullptr);
        const bool commit = work(transaction);
        // By index: a step may register another (an audit event recorded by a step), which runs too.
        for (std::size_t i = 0; commit && i < transaction.m_before_commit.size(); ++i) {
            auto step = std::move(transaction.m_before_commit[i]);
            step(transaction);
        }
        sql << (commit ? "COMMIT" : "ROLLBACK");
    } catch (...) {
        try {
            sql << "ROLLBACK";
        } catch (...) {
            // The connection is gone; the database rolled back on its side.
        }
        throw;
    }
    turn.end();
    if (sqlite)
        checkpoint_when_due(sql);
}

void Database::checkpoint_when_due(soci::session& sql)
{
    if (m_wal_pages.load() < k_checkpoint_pages || m_checkpointing.exchange(true))
        return;
    try {
        // PASSIVE: copies what no reader still needs and waits for nobody; writers go on meanwhile.
        sql << "PRAGMA wal_checkpoint(PASSIVE)";
        m_wal_pages.store(0);
    } catch (const std::exception&) {
        // The transaction has committed; a checkpoint that failed is tried again after the next one.
    }
    m_checkpointing.store(false);
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
