#include "store/prepared_statements.hpp"

#include <algorithm>
#include <mutex>
#include <soci/sqlite3/soci-sqlite3.h>
#include <soci/version.h>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rekrut::store {

// A session's groups are destroyed from its query transformation (ForgetOnClose below), which relies on
// soci::session's destructor deleting the query transformation before the backend that holds the
// connection. SOCI 4.0.3 does. Later versions keep the transformation in a std::unique_ptr member,
// destroyed after the backend, where finalizing the statements would use a closed connection. Check
// that order again before allowing another version here.
static_assert(SOCI_VERSION == 400003, "kept statements rely on SOCI 4.0.3's order of destruction in "
                                      "soci::session (see prepared_statements.cpp)");

namespace {

struct KeptGroup {
    std::type_index type;
    std::string text; ///< Empty for a group kept once per session.
    std::shared_ptr<void> group;
};
/// A session's groups, the most recently added last.
using Groups = std::vector<KeptGroup>;

struct Registry {
    std::mutex mutex;
    std::unordered_map<const soci::session*, Groups> sessions;
};

Registry& registry()
{
    // Never destroyed, so that a session closing during static destruction still finds it.
    static auto* instance = new Registry;
    return *instance;
}

void forget(const soci::session* session)
{
    Groups groups;
    {
        std::lock_guard lock(registry().mutex);
        auto found = registry().sessions.find(session);
        if (found == registry().sessions.end())
            return;
        groups = std::move(found->second);
        registry().sessions.erase(found);
    }
    // Leaving this function destroys the groups, which finalizes their statements (SQLite) or
    // deallocates them (PostgreSQL) on the still open connection, outside the lock.
}

/// Passes every query through unchanged; it exists for its destruction. The session owns its query
/// transformation and deletes it first when it is destroyed, so the session's groups go before its
/// connection closes: on SQLite a connection with unfinalized statements does not close at all, and a
/// later session at the same address must not find the statements of this one. The closing part is
/// shared because SOCI copies the transformation it is given.
class ForgetOnClose {
public:
    explicit ForgetOnClose(const soci::session& session) : m_closing(std::make_shared<Closing>(&session)) {}
    std::string operator()(const std::string& query) const { return query; }

private:
    struct Closing {
        explicit Closing(const soci::session* session) : session(session) {}
        ~Closing() { forget(session); }
        Closing(const Closing&) = delete;
        Closing& operator=(const Closing&) = delete;
        const soci::session* session;
    };
    std::shared_ptr<Closing> m_closing;
};

} // namespace

KeptStatement::KeptStatement(soci::session& sql, const soci::details::prepare_temp_type& prepared)
    : m_statement(prepared), m_on_sqlite(sql.get_backend_name() == "sqlite3")
{
}

bool KeptStatement::first_row()
{
    Run run(*this);
    m_statement.execute(true);
    return m_statement.got_data();
}

KeptStatement::Run::~Run()
{
    // PostgreSQL has the whole result on the client once the statement has run; nothing stays open.
    if (!m_kept.m_on_sqlite)
        return;
    auto* backend = static_cast<soci::sqlite3_statement_backend*>(m_kept.m_statement.get_backend());
    if (backend->stmt_ != nullptr)
        sqlite_api::sqlite3_reset(backend->stmt_);
}

namespace detail {

void* kept_group(soci::session& sql, std::type_index type, std::string_view text, const PrepareGroup& prepare)
{
    bool first_group_of_session = false;
    {
        std::lock_guard lock(registry().mutex);
        auto found = registry().sessions.find(&sql);
        if (found == registry().sessions.end()) {
            first_group_of_session = true;
        } else {
            for (const auto& kept : found->second)
                if (kept.type == type && kept.text == text)
                    return kept.group.get();
        }
    }
    // The session is leased to this thread, so no other thread adds groups for it meanwhile, and the
    // statements are prepared without holding the lock that every session's lookups share.
    if (first_group_of_session)
        sql.set_query_transformation(ForgetOnClose(sql));
    std::shared_ptr<void> group = prepare(sql);
    std::shared_ptr<void> dropped; // destroyed after the lock is released: it deallocates statements
    std::lock_guard lock(registry().mutex);
    auto& groups = registry().sessions[&sql];
    if (!text.empty()) {
        std::size_t same_type = 0;
        for (const auto& kept : groups)
            same_type += kept.type == type && !kept.text.empty() ? 1 : 0;
        if (same_type >= k_kept_texts_per_group) {
            auto oldest = std::find_if(groups.begin(), groups.end(), [&](const KeptGroup& kept) {
                return kept.type == type && !kept.text.empty();
            });
            dropped = std::move(oldest->group);
            groups.erase(oldest);
        }
    }
    groups.push_back({type, std::string(text), group});
    return group.get();
}

} // namespace detail

std::size_t sessions_with_kept_statements()
{
    std::lock_guard lock(registry().mutex);
    return registry().sessions.size();
}

} // namespace rekrut::store
