#pragma once

#include <functional>
#include <memory>
#include <soci/soci.h>
#include <string>
#include <string_view>
#include <typeindex>

namespace rekrut::store {

// Statements kept prepared on a pooled database session, for the queries that run on nearly every
// request (the session lookup, the signed-in user's record and roles). For such small queries the
// preparation costs more than the execution: SQLite parses and plans the text each time, PostgreSQL
// does too, and a statement that SOCI prepares by name on PostgreSQL takes a round trip to prepare and
// another to deallocate, besides the one that runs it.
//
// A group of kept statements is a class whose constructor prepares its KeptStatement members on the
// session it is given, bound to variables that are members of the same class (declared before the
// statements, so that they outlive them). `kept_statements<Group>(sql)` creates the group on its first
// use on a session and returns the same object from then on. A group belongs to its session: only
// the thread that holds the session (leased from `Database`) uses it, so it needs no lock, and it is
// destroyed when the session closes, while the connection is still open.
//
// A query whose text depends on its input (a list with optional filters and a chosen order) is kept
// once per text: `kept_statements<Group>(sql, text, args...)` creates `Group(sql, args...)` the first
// time that text is asked for on the session. At most k_kept_texts_per_group texts of one Group are
// kept per session; asking for another drops the one prepared longest ago, so a caller holds at most
// one group of a type at a time.

/// One statement kept prepared on a session and run again with the values its variables hold then.
class KeptStatement {
public:
    /// Prepares the statement. Its use() and into() elements must be bound to variables that live at
    /// least as long as this object.
    KeptStatement(soci::session& sql, const soci::details::prepare_temp_type& prepared);
    KeptStatement(const KeptStatement&) = delete;
    KeptStatement& operator=(const KeptStatement&) = delete;

    /// Runs the statement and fetches its first row into the bound variables; false when there is
    /// none. Any further rows are left unread.
    bool first_row();

    /// Runs the statement and calls `each` after fetching each row into the bound variables.
    template <typename Each> void each_row(Each&& each)
    {
        Run run(*this);
        m_statement.execute();
        while (m_statement.fetch())
            each();
    }

private:
    /// Leaves the statement ready for its next run when a run ends, also when reading a row throws. On
    /// SQLite a statement that has not been stepped to its end keeps the connection's read transaction
    /// open, and with it an old snapshot of the database for every later query on that connection,
    /// until the statement is reset. (A statement destroyed after one use never had this problem.)
    class Run {
    public:
        explicit Run(KeptStatement& kept) : m_kept(kept) {}
        ~Run();
        Run(const Run&) = delete;
        Run& operator=(const Run&) = delete;

    private:
        KeptStatement& m_kept;
    };

    soci::statement m_statement;
    bool m_on_sqlite = false;
};

/// How many texts of one keyed group a session keeps prepared.
inline constexpr std::size_t k_kept_texts_per_group = 32;

namespace detail {
using PrepareGroup = std::function<std::shared_ptr<void>(soci::session&)>;
/// The group of `type` (and `text`, for a keyed group) kept for the session, prepared with `prepare`
/// on first use.
void* kept_group(soci::session& sql, std::type_index type, std::string_view text,
                 const PrepareGroup& prepare);
} // namespace detail

/// The group of kept statements of type `Group` for this session, prepared with `Group(sql)` the first
/// time it is asked for on the session.
template <typename Group> Group& kept_statements(soci::session& sql)
{
    detail::PrepareGroup prepare = [](soci::session& session) -> std::shared_ptr<void> {
        return std::make_shared<Group>(session);
    };
    return *static_cast<Group*>(detail::kept_group(sql, typeid(Group), {}, prepare));
}

/// The group of type `Group` kept for this session and this query text, prepared with
/// `Group(sql, args...)` the first time the text is asked for on the session. `args` are used only
/// then; the group's statements must not refer to them afterwards.
template <typename Group, typename... Args>
Group& kept_statements(soci::session& sql, std::string_view text, const Args&... args)
{
    detail::PrepareGroup prepare = [&](soci::session& session) -> std::shared_ptr<void> {
        return std::make_shared<Group>(session, args...);
    };
    return *static_cast<Group*>(detail::kept_group(sql, typeid(Group), text, prepare));
}

/// How many sessions have kept statements now (for tests: a closed session's groups are gone).
std::size_t sessions_with_kept_statements();

} // namespace rekrut::store
