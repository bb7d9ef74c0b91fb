#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "core/result.hpp"
#include "core/secret_key.hpp"

namespace soci {
class session;
class connection_pool;
} // namespace soci

namespace rekrut::store {

enum class Dialect { sqlite, postgresql };

/// The database did not answer in time (no free session, connection lost). The web layer shows the
/// "temporarily unavailable" page (503) for it.
class DatabaseUnavailable : public core::Unavailable {
public:
    using core::Unavailable::Unavailable;
};

/// A leased database session with what the store needs next to it: the dialect and the
/// installation's secret key. Store functions take `soci::session&`; a Session converts to it, so
/// services pass the Session straight through and never name a SOCI type.
class Session {
public:
    Session(soci::session& sql, Dialect dialect, const core::SecretKey* key)
        : m_sql(sql), m_dialect(dialect), m_key(key)
    {
    }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    operator soci::session&() const { return m_sql; } // NOLINT(google-explicit-constructor)
    soci::session& sql() const { return m_sql; }
    Dialect dialect() const { return m_dialect; }
    /// The installation's secret key (audit chain, sealed TOTP secrets); throws when it was not set.
    const core::SecretKey& secret_key() const;

private:
    soci::session& m_sql;
    Dialect m_dialect;
    const core::SecretKey* m_key;
};

/// A Session inside a write transaction. Only a Transaction can append to the audit trail, so an
/// audit event is always written together with the change it records.
class Transaction : public Session {
public:
    using Session::Session;

    /// Runs `step` just before the transaction commits (in the order given), and not at all when it
    /// rolls back. The audit chain is appended this way: its lock is then held from the append to
    /// the commit only, not while the rest of the transaction does its work.
    void before_commit(std::function<void(Transaction&)> step) { m_before_commit.push_back(std::move(step)); }

private:
    friend class Database;
    std::vector<std::function<void(Transaction&)>> m_before_commit;
};

class WriterTurns;

/// How long a writer on SQLite waits for its turn before the request fails as unavailable.
inline constexpr int k_sqlite_writer_wait_ms = 15000;

/// A pool of database sessions for either dialect. SOCI stays inside the store layer: callers
/// outside it use the per-aggregate stores, which take a Database.
class Database {
public:
    /// Opens `pool_size` sessions for a URL such as `sqlite:var/rekrut.db` or
    /// `postgresql://user@127.0.0.1:5432/rekrut`. Throws std::runtime_error if it cannot connect.
    static std::unique_ptr<Database> open(const std::string& url, unsigned pool_size);
    ~Database();

    Dialect dialect() const { return m_dialect; }
    unsigned pool_size() const { return m_pool_size; }
    unsigned sessions_in_use() const { return m_in_use.load(); }

    /// Runs `work(Transaction&)` in a write transaction and returns what it returns, a
    /// `core::Result<T>` or `core::Status`. The transaction commits when the result is a value and
    /// rolls back when it is an error or an exception passes through. On SQLite, which has one
    /// writer at a time, the process's writers take turns in the order they came (waiting at most
    /// k_sqlite_writer_wait_ms, then DatabaseUnavailable) before BEGIN IMMEDIATE, whose busy timeout
    /// is then left for other processes. Keep the work short: prepare what can be prepared before.
    template <typename Work> auto transact(Work&& work) -> std::invoke_result_t<Work&, Transaction&>
    {
        std::optional<std::invoke_result_t<Work&, Transaction&>> result;
        run_transaction([&](Transaction& transaction) {
            result.emplace(work(transaction));
            return result->ok();
        });
        return std::move(*result);
    }

    /// Runs `work(Session&)` on a pooled session in autocommit mode and returns what it returns.
    template <typename Work> auto read(Work&& work) -> std::invoke_result_t<Work&, Session&>
    {
        using Value = std::invoke_result_t<Work&, Session&>;
        if constexpr (std::is_void_v<Value>) {
            run_session([&](Session& session) { work(session); });
        } else {
            std::optional<Value> result;
            run_session([&](Session& session) { result.emplace(work(session)); });
            return std::move(*result);
        }
    }

    /// Executes a script of several statements through the native driver (migrations, tests).
    void execute_script(soci::session& session, const std::string& sql);

    /// True when a trivial query succeeds.
    bool ping();

    /// The installation's secret key, which keys the audit chain and seals TOTP secrets. Set once,
    /// before the database is used by more than one thread; using the key unset throws.
    void set_secret_key(const core::SecretKey& key) { m_key = key; }
    const core::SecretKey& secret_key() const;

private:
    Database(Dialect dialect, unsigned pool_size);
    /// Commits when `work` returns true, rolls back when it returns false or throws.
    void run_transaction(const std::function<bool(Transaction&)>& work);
    void run_session(const std::function<void(Session&)>& work);

    /// On SQLite, checkpoints the write-ahead log into the database file once it has grown past
    /// about 4 MB, on the caller's session and outside the writers' turns; at most one at a time.
    void checkpoint_when_due(soci::session& sql);

    Dialect m_dialect;
    unsigned m_pool_size;
    std::unique_ptr<soci::connection_pool> m_pool;
    std::unique_ptr<WriterTurns> m_writers;
    std::atomic<int> m_wal_pages{0};
    std::atomic<bool> m_checkpointing{false};
    std::atomic<unsigned> m_in_use{0};
    std::optional<core::SecretKey> m_key;
};

} // namespace rekrut::store
