#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/secret_key.hpp"

namespace soci {
class session;
class connection_pool;
} // namespace soci

namespace rekrut::store {

enum class Dialect { sqlite, postgresql };

/// The database did not answer in time (no free session, connection lost). The web layer shows the
/// "temporarily unavailable" page (503) for it.
class DatabaseUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

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

    /// Runs `work` with a pooled session (autocommit). Throws std::runtime_error when no session
    /// frees up within 5 s.
    void with_session(const std::function<void(soci::session&)>& work);

    /// Runs `work` inside a write transaction that commits when `work` returns and rolls back
    /// if it throws. On SQLite it starts with BEGIN IMMEDIATE so that concurrent writers queue on
    /// the busy timeout instead of failing half-way.
    void with_transaction(const std::function<void(soci::session&)>& work);

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

    Dialect m_dialect;
    unsigned m_pool_size;
    std::unique_ptr<soci::connection_pool> m_pool;
    std::atomic<unsigned> m_in_use{0};
    std::optional<core::SecretKey> m_key;
};

} // namespace rekrut::store
