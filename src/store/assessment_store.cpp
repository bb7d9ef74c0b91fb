#include "store/assessment_store.hpp"

#include <algorithm>
#include <map>
#include <soci/soci.h>

#include "core/text.hpp"
#include "store/prepared_statements.hpp"

namespace rekrut::store::assessment {
namespace {

using domain::ApplicationSort;

/// A value stored as NULL reads as this sentinel through COALESCE in the queries below.
constexpr int k_none = -1;

std::optional<int> unless_none(int value)
{
    return value == k_none ? std::nullopt : std::optional<int>(value);
}

int or_none(std::optional<int> value)
{
    return value.value_or(k_none);
}

/// Whether the viewer scored the application. A scalar subquery with LIMIT rather than EXISTS: in the
/// select list PostgreSQL would plan EXISTS as a hashed subplan that reads every score the viewer ever
/// gave before the page's LIMIT, where this looks up only the rows of the page.
constexpr const char* k_viewer_scored = "(SELECT 1 FROM assessment_scores o WHERE o.application_id = a.id"
                                        " AND o.user_id = :viewer LIMIT 1) IS NOT NULL";

/// The column a sort orders by, as the viewer may see it: a member sees the committee's judgement of
/// an applicant only where they gave their own, so only there may it order their list.
std::string sort_key(const domain::ApplicationListQuery& query)
{
    switch (query.sort) {
    case ApplicationSort::received: return "a.received_at";
    case ApplicationSort::name: return "a.full_name";
    case ApplicationSort::committee:
        return query.member ? "(CASE WHEN m.mark IS NULL THEN -1 ELSE COALESCE(s.mark_points, -1) END)"
                            : "COALESCE(s.mark_points, -1)";
    case ApplicationSort::score:
        return query.member ? "(CASE WHEN " + std::string(k_viewer_scored) +
                                  " THEN COALESCE(s.score_mean, -1) ELSE -1 END)"
                            : "COALESCE(s.score_mean, -1)";
    }
    return "a.received_at";
}

/// The committee's judgement sorts the best first; the others ascend.
bool descending(ApplicationSort sort)
{
    return sort == ApplicationSort::committee || sort == ApplicationSort::score;
}

constexpr const char* k_from =
    " FROM applications a"
    " LEFT JOIN assessment_marks m ON m.application_id = a.id AND m.user_id = :viewer"
    " LEFT JOIN assessment_summaries s ON s.application_id = a.id"
    " LEFT JOIN anonymity_lifts l ON l.application_id = a.id";

/// The case's screening methods, kept prepared: every committee page reads them.
struct ScreeningOfCase {
    long long institution = 0, case_key = 0;
    int individual = 1, scorecard = 0, knockout = 1, anonymous = 0;
    KeptStatement statement;

    explicit ScreeningOfCase(soci::session& sql)
        : statement(sql,
                    (sql.prepare << "SELECT individual, scorecard, knockout, anonymous FROM case_screening"
                                    " WHERE institution_id = :institution AND case_id = :case_id",
                     soci::into(individual), soci::into(scorecard), soci::into(knockout),
                     soci::into(anonymous), soci::use(institution), soci::use(case_key)))
    {
    }
};

/// The tags used in a case, for the list's filter, kept prepared: every committee page shows them.
struct TagsOfCase {
    long long institution = 0, case_key = 0;
    std::string tag;
    KeptStatement statement;

    explicit TagsOfCase(soci::session& sql)
        : statement(sql, (sql.prepare << "SELECT DISTINCT tag FROM application_tags WHERE institution_id ="
                                         " :institution AND case_id = :case_id ORDER BY tag",
                          soci::into(tag), soci::use(institution), soci::use(case_key)))
    {
    }
};

/// The member's declaration tally (see declaration_tally), read from the counts that triggers keep
/// (migration 0028) and kept prepared: every committee page asks.
struct DeclarationCount {
    long long institution = 0, case_key = 0, user = 0, applications = 0, declared = 0, conflicts = 0;
    KeptStatement statement;

    explicit DeclarationCount(soci::session& sql)
        : statement(sql, (sql.prepare << "SELECT COALESCE(c.applications, 0), COALESCE(d.declared, 0),"
                                         " COALESCE(d.conflicts, 0) FROM (SELECT 1 AS one) o"
                                         " LEFT JOIN case_application_counts c ON c.case_id = :case_id"
                                         " AND c.institution_id = :institution"
                                         " LEFT JOIN declaration_counts d ON d.case_id = :declared_case"
                                         " AND d.user_id = :user",
                          soci::into(applications), soci::into(declared), soci::into(conflicts),
                          soci::use(case_key), soci::use(institution), soci::use(case_key), soci::use(user)))
    {
    }
};

/// The conditions of the query's filters (without paging), with named parameters bound by `bind`.
std::string conditions(const domain::ApplicationListQuery& query, bool hide_conflicts = true)
{
    std::string where = " WHERE a.institution_id = :institution AND a.case_id = :case_id";
    if (query.member && hide_conflicts)
        where += " AND NOT EXISTS (SELECT 1 FROM conflict_declarations d WHERE d.application_id = a.id"
                 " AND d.user_id = :viewer AND d.conflict = 1)";
    if (query.status)
        where += " AND a.status = :status";
    if (query.knocked_out)
        where += " AND a.knocked_out = :knocked_out";
    if (query.priority_access)
        where += " AND a.priority_access = :priority";
    if (query.own_mark == "none")
        where += " AND m.mark IS NULL";
    else if (!query.own_mark.empty())
        where += " AND m.mark = :own_mark";
    if (!query.tag.empty())
        where +=
            " AND EXISTS (SELECT 1 FROM application_tags t WHERE t.application_id = a.id AND t.tag = :tag)";
    return where;
}

/// What `conditions` names, bound to `prepared`; the values live in `Values`, which outlives it.
struct Values {
    long long institution = 0, case_id = 0, viewer = 0;
    std::string status, own_mark, tag;
    int knocked_out = 0, priority = 0;

    Values() = default;
    explicit Values(const domain::ApplicationListQuery& query) { assign(query); }

    void assign(const domain::ApplicationListQuery& query)
    {
        institution = query.institution_id;
        case_id = query.case_id;
        viewer = query.viewer_id;
        status = query.status ? std::string(domain::to_string(*query.status)) : "";
        own_mark = query.own_mark;
        tag = query.tag;
        knocked_out = query.knocked_out.value_or(false) ? 1 : 0;
        priority = query.priority_access.value_or(false) ? 1 : 0;
    }

    template <typename Prepared>
    void bind(Prepared& prepared, const domain::ApplicationListQuery& query, bool viewer_named) const
    {
        prepared, soci::use(institution, "institution"), soci::use(case_id, "case_id");
        if (viewer_named)
            prepared, soci::use(viewer, "viewer");
        if (query.status)
            prepared, soci::use(status, "status");
        if (query.knocked_out)
            prepared, soci::use(knocked_out, "knocked_out");
        if (query.priority_access)
            prepared, soci::use(priority, "priority");
        if (!query.own_mark.empty() && query.own_mark != "none")
            prepared, soci::use(own_mark, "own_mark");
        if (!query.tag.empty())
            prepared, soci::use(tag, "tag");
    }
};

/// The sort key of the row `id` as the viewer's list orders it: a number, or the name.
struct Key {
    long long number = 0;
    std::string text;
};

std::optional<Key> key_of(soci::session& sql, const domain::ApplicationListQuery& query, std::int64_t id)
{
    Key key;
    long long institution = query.institution_id, case_id = query.case_id, viewer = query.viewer_id, row = id;
    soci::indicator found = soci::i_null;
    const std::string text =
        "SELECT " + sort_key(query) + std::string(k_from) +
        " WHERE a.id = :row AND a.institution_id = :institution AND a.case_id = :case_id";
    if (query.sort == ApplicationSort::name)
        sql << text, soci::into(key.text, found), soci::use(viewer, "viewer"), soci::use(row, "row"),
            soci::use(institution, "institution"), soci::use(case_id, "case_id");
    else
        sql << text, soci::into(key.number, found), soci::use(viewer, "viewer"), soci::use(row, "row"),
            soci::use(institution, "institution"), soci::use(case_id, "case_id");
    if (!sql.got_data())
        return std::nullopt;
    return key;
}

/// The row's tags in one column, joined by commas: a tag never holds one (parse_tags splits on them),
/// and the page needs no second statement for its tags. SQLite does not promise the order in which
/// group_concat joins, so split_tags sorts (bytewise, as both databases compare the tags here).
std::string tags_column(bool postgresql)
{
    if (postgresql)
        return "COALESCE((SELECT string_agg(t.tag, ',' ORDER BY t.tag) FROM application_tags t"
               " WHERE t.application_id = a.id AND t.institution_id = :institution), '')";
    return "COALESCE((SELECT group_concat(t.tag, ',') FROM application_tags t"
           " WHERE t.application_id = a.id AND t.institution_id = :institution), '')";
}

std::vector<std::string> split_tags(const std::string& joined)
{
    std::vector<std::string> tags;
    for (auto tag : core::split(joined, ','))
        if (!tag.empty()) // no tags: the empty text
            tags.emplace_back(tag);
    std::sort(tags.begin(), tags.end());
    return tags;
}

/// A page of the application list for one shape of query (filters, sort, direction, paging anchor),
/// kept prepared on the session: the committee's list is what members open all day. The values of the
/// run are assigned to its members before each run.
struct ApplicationListStatement {
    Values values;
    Key anchor;
    long long anchor_id = 0;
    domain::ApplicationListRow row;
    long long id = 0, received = 0;
    std::string status, mark, tags;
    int knocked = 0, priority = 0, on_time = 0, scored = 0, points = 0, mean = 0, low = 0, high = 0,
        lifted = 0;
    KeptStatement statement;

    ApplicationListStatement(soci::session& sql, const std::string& text,
                             const domain::ApplicationListQuery& query, bool anchored)
        : statement(sql, prepared(sql, text, query, anchored, *this))
    {
    }

    static soci::details::prepare_temp_type prepared(soci::session& sql, const std::string& text,
                                                     const domain::ApplicationListQuery& query, bool anchored,
                                                     ApplicationListStatement& page)
    {
        auto prepared =
            (sql.prepare << text, soci::into(page.id), soci::into(page.row.full_name),
             soci::into(page.status), soci::into(page.row.channel), soci::into(page.knocked),
             soci::into(page.priority), soci::into(page.on_time), soci::into(page.received),
             soci::into(page.mark), soci::into(page.scored), soci::into(page.row.summary.yes),
             soci::into(page.row.summary.maybe), soci::into(page.row.summary.no), soci::into(page.points),
             soci::into(page.row.summary.scorers), soci::into(page.mean), soci::into(page.low),
             soci::into(page.high), soci::into(page.lifted), soci::into(page.tags));
        page.values.bind(prepared, query, true);
        if (anchored) {
            if (query.sort == ApplicationSort::name)
                prepared, soci::use(page.anchor.text, "anchor_key");
            else
                prepared, soci::use(page.anchor.number, "anchor_key");
            prepared, soci::use(page.anchor_id, "anchor_id");
        }
        return prepared;
    }

    /// The row just fetched.
    domain::ApplicationListRow fetched() const
    {
        auto copy = row;
        copy.id = id;
        copy.status =
            domain::application_status_from_string(status).value_or(domain::ApplicationStatus::received);
        copy.knocked_out = knocked != 0;
        copy.priority_access = priority != 0;
        copy.on_time = on_time != 0;
        copy.received_at = received;
        copy.own_mark = domain::mark_from_string(mark);
        copy.scored_by_viewer = scored != 0;
        copy.summary.mark_points = unless_none(points);
        copy.summary.score_mean = unless_none(mean);
        copy.summary.score_low = unless_none(low);
        copy.summary.score_high = unless_none(high);
        copy.anonymity_lifted = lifted != 0;
        copy.tags = split_tags(tags);
        return copy;
    }
};

/// The number of applications of the list for one shape of query, kept prepared beside it.
struct ApplicationCountStatement {
    Values values;
    long long total = 0;
    KeptStatement statement;

    ApplicationCountStatement(soci::session& sql, const std::string& text,
                              const domain::ApplicationListQuery& query, bool viewer_needed)
        : statement(sql, prepared(sql, text, query, viewer_needed, *this))
    {
    }

    static soci::details::prepare_temp_type prepared(soci::session& sql, const std::string& text,
                                                     const domain::ApplicationListQuery& query,
                                                     bool viewer_needed, ApplicationCountStatement& count)
    {
        auto prepared = (sql.prepare << text, soci::into(count.total));
        count.values.bind(prepared, query, viewer_needed);
        return prepared;
    }
};

} // namespace

domain::ScreeningMethods methods(soci::session& sql, std::int64_t institution_id, std::int64_t case_id)
{
    domain::ScreeningMethods found;
    auto& lookup = kept_statements<ScreeningOfCase>(sql);
    lookup.institution = institution_id;
    lookup.case_key = case_id;
    if (!lookup.statement.first_row())
        return found;
    found.individual = lookup.individual != 0;
    found.scorecard = lookup.scorecard != 0;
    found.knockout = lookup.knockout != 0;
    found.anonymous = lookup.anonymous != 0;
    return found;
}

void save_methods(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                  const domain::ScreeningMethods& methods, std::int64_t user_id, core::UnixTime now)
{
    long long institution = institution_id, case_key = case_id, user = user_id, at = now;
    int individual = methods.individual ? 1 : 0, scorecard = methods.scorecard ? 1 : 0,
        knockout = methods.knockout ? 1 : 0, anonymous = methods.anonymous ? 1 : 0;
    sql << "INSERT INTO case_screening (case_id, institution_id, individual, scorecard, knockout, anonymous,"
           " updated_at, updated_by) VALUES (:case_id, :institution, :individual, :scorecard, :knockout,"
           " :anonymous, :at, :user) ON CONFLICT (case_id) DO UPDATE SET individual = excluded.individual,"
           " scorecard = excluded.scorecard, knockout = excluded.knockout, anonymous = excluded.anonymous,"
           " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        soci::use(case_key), soci::use(institution), soci::use(individual), soci::use(scorecard),
        soci::use(knockout), soci::use(anonymous), soci::use(at), soci::use(user);
}

std::vector<domain::Criterion> criteria(soci::session& sql, std::int64_t institution_id, std::int64_t case_id)
{
    std::vector<domain::Criterion> found;
    long long institution = institution_id, case_key = case_id, id = 0;
    std::string name;
    int weight = 0;
    soci::statement statement =
        (sql.prepare << "SELECT id, name, weight FROM assessment_criteria WHERE institution_id = :institution"
                        " AND case_id = :case_id ORDER BY position, id",
         soci::into(id), soci::into(name), soci::into(weight), soci::use(institution), soci::use(case_key));
    statement.execute();
    while (statement.fetch())
        found.push_back({id, name, weight});
    return found;
}

void save_criteria(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                   const std::vector<domain::Criterion>& wanted)
{
    long long institution = institution_id, case_key = case_id;
    auto existing = criteria(sql, institution_id, case_id);
    for (const auto& old : existing) {
        const bool kept = std::any_of(wanted.begin(), wanted.end(), [&](const domain::Criterion& criterion) {
            return criterion.id == old.id;
        });
        if (kept)
            continue;
        long long id = old.id;
        sql << "DELETE FROM assessment_scores WHERE criterion_id = :id AND institution_id = :institution",
            soci::use(id), soci::use(institution);
        sql << "DELETE FROM assessment_criteria WHERE id = :id AND institution_id = :institution",
            soci::use(id), soci::use(institution);
    }
    int position = 0;
    for (const auto& criterion : wanted) {
        ++position;
        const bool known = std::any_of(existing.begin(), existing.end(),
                                       [&](const domain::Criterion& old) { return old.id == criterion.id; });
        if (known) {
            long long id = criterion.id;
            sql << "UPDATE assessment_criteria SET name = :name, weight = :weight, position = :position"
                   " WHERE id = :id AND institution_id = :institution AND case_id = :case_id",
                soci::use(criterion.name), soci::use(criterion.weight), soci::use(position), soci::use(id),
                soci::use(institution), soci::use(case_key);
        } else {
            sql << "INSERT INTO assessment_criteria (institution_id, case_id, name, weight, position)"
                   " VALUES (:institution, :case_id, :name, :weight, :position)",
                soci::use(institution), soci::use(case_key), soci::use(criterion.name),
                soci::use(criterion.weight), soci::use(position);
        }
    }
}

std::vector<Undeclared> undeclared(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                                   std::int64_t user_id)
{
    std::vector<Undeclared> found;
    long long institution = institution_id, case_key = case_id, user = user_id, id = 0, received = 0;
    std::string name;
    soci::statement statement =
        (sql.prepare << "SELECT a.id, a.full_name, a.received_at FROM applications a"
                        " WHERE a.institution_id = :institution AND a.case_id = :case_id"
                        " AND a.status <> 'withdrawn' AND NOT EXISTS (SELECT 1 FROM conflict_declarations d"
                        " WHERE d.application_id = a.id AND d.user_id = :user) ORDER BY a.full_name, a.id",
         soci::into(id), soci::into(name), soci::into(received), soci::use(institution), soci::use(case_key),
         soci::use(user));
    statement.execute();
    while (statement.fetch())
        found.push_back({id, name, received});
    return found;
}

domain::DeclarationTally declaration_tally(soci::session& sql, std::int64_t institution_id,
                                           std::int64_t case_id, std::int64_t user_id)
{
    // Two rows looked up by key. The institution scopes the count of applications; a case of another
    // institution counts none (declarations name a case, and only a member of the case's own
    // institution declares on it).
    auto& count = kept_statements<DeclarationCount>(sql);
    count.institution = institution_id;
    count.case_key = case_id;
    count.user = user_id;
    domain::DeclarationTally tally;
    if (count.statement.first_row())
        tally = {count.applications, count.declared, count.conflicts};
    return tally;
}

bool has_undeclared(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                    std::int64_t user_id, const domain::DeclarationTally& tally)
{
    // A declaration names one application of the case, once per member. So when the member has as many
    // declarations in the case as the case has applications, every one is declared, without looking up
    // each application (the usual answer once the member has declared).
    if (tally.applications - tally.declared <= 0)
        return false;
    long long institution = institution_id, case_key = case_id, user = user_id, id = 0;
    sql << "SELECT a.id FROM applications a WHERE a.institution_id = :institution AND a.case_id = :case_id"
           " AND a.status <> 'withdrawn' AND NOT EXISTS (SELECT 1 FROM conflict_declarations d"
           " WHERE d.application_id = a.id AND d.user_id = :user) LIMIT 1",
        soci::into(id), soci::use(institution), soci::use(case_key), soci::use(user);
    return sql.got_data();
}

bool has_undeclared(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                    std::int64_t user_id)
{
    return has_undeclared(sql, institution_id, case_id, user_id,
                          declaration_tally(sql, institution_id, case_id, user_id));
}

void declare(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
             std::int64_t application_id, std::int64_t user_id, bool conflict, core::UnixTime now)
{
    long long institution = institution_id, case_key = case_id, application = application_id, user = user_id,
              at = now;
    int flag = conflict ? 1 : 0;
    // A conflict, once declared, is never declared away: the upsert only ever raises the flag.
    sql << "INSERT INTO conflict_declarations (application_id, user_id, institution_id, case_id, conflict,"
           " declared_at) VALUES (:application, :user, :institution, :case_id, :conflict, :at)"
           " ON CONFLICT (application_id, user_id) DO UPDATE SET conflict = excluded.conflict,"
           " declared_at = excluded.declared_at WHERE conflict_declarations.conflict = 0"
           " AND excluded.conflict = 1",
        soci::use(application), soci::use(user), soci::use(institution), soci::use(case_key), soci::use(flag),
        soci::use(at);
}

bool has_conflict(soci::session& sql, std::int64_t institution_id, std::int64_t application_id,
                  std::int64_t user_id)
{
    long long institution = institution_id, application = application_id, user = user_id;
    int conflict = 0;
    sql << "SELECT conflict FROM conflict_declarations WHERE institution_id = :institution"
           " AND application_id = :application AND user_id = :user",
        soci::into(conflict), soci::use(institution), soci::use(application), soci::use(user);
    return sql.got_data() && conflict != 0;
}

std::set<std::int64_t> conflicts_of(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                                    std::int64_t user_id)
{
    std::set<std::int64_t> found;
    long long institution = institution_id, case_key = case_id, user = user_id, id = 0;
    soci::statement statement =
        (sql.prepare << "SELECT application_id FROM conflict_declarations WHERE institution_id = :institution"
                        " AND case_id = :case_id AND user_id = :user AND conflict = 1",
         soci::into(id), soci::use(institution), soci::use(case_key), soci::use(user));
    statement.execute();
    while (statement.fetch())
        found.insert(id);
    return found;
}

std::vector<domain::ConflictDeclaration> declarations(soci::session& sql, std::int64_t institution_id,
                                                      std::int64_t case_id)
{
    std::vector<domain::ConflictDeclaration> found;
    long long institution = institution_id, case_key = case_id, application = 0, user = 0, at = 0;
    std::string name;
    int conflict = 0;
    soci::statement statement =
        (sql.prepare << "SELECT d.application_id, d.user_id, u.name, d.conflict, d.declared_at"
                        " FROM conflict_declarations d JOIN users u ON u.id = d.user_id"
                        " WHERE d.institution_id = :institution AND d.case_id = :case_id"
                        " ORDER BY d.conflict DESC, d.application_id, u.name",
         soci::into(application), soci::into(user), soci::into(name), soci::into(conflict), soci::into(at),
         soci::use(institution), soci::use(case_key));
    statement.execute();
    while (statement.fetch())
        found.push_back({application, user, name, conflict != 0, at});
    return found;
}

void set_mark(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
              std::int64_t application_id, std::int64_t user_id, domain::Mark mark,
              const std::string& sealed_comment, core::UnixTime now)
{
    long long institution = institution_id, case_key = case_id, application = application_id, user = user_id,
              at = now;
    const std::string text(domain::to_string(mark));
    sql << "INSERT INTO assessment_marks (application_id, user_id, institution_id, case_id, mark,"
           " sealed_comment, updated_at) VALUES (:application, :user, :institution, :case_id, :mark, "
           ":comment,"
           " :at) ON CONFLICT (application_id, user_id) DO UPDATE SET mark = excluded.mark,"
           " sealed_comment = excluded.sealed_comment, updated_at = excluded.updated_at",
        soci::use(application), soci::use(user), soci::use(institution), soci::use(case_key), soci::use(text),
        soci::use(sealed_comment), soci::use(at);
}

std::vector<domain::MarkRecord> marks(soci::session& sql, std::int64_t institution_id,
                                      std::int64_t application_id)
{
    std::vector<domain::MarkRecord> found;
    long long institution = institution_id, application = application_id, user = 0, at = 0;
    std::string name, mark, comment;
    soci::statement statement =
        (sql.prepare
             << "SELECT m.user_id, u.name, m.mark, m.sealed_comment, m.updated_at FROM assessment_marks m"
                " JOIN users u ON u.id = m.user_id WHERE m.institution_id = :institution"
                " AND m.application_id = :application ORDER BY u.name, m.user_id",
         soci::into(user), soci::into(name), soci::into(mark), soci::into(comment), soci::into(at),
         soci::use(institution), soci::use(application));
    statement.execute();
    while (statement.fetch()) {
        found.push_back(
            {user, name, domain::mark_from_string(mark).value_or(domain::Mark::maybe), comment, at});
    }
    return found;
}

void set_scores(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                std::int64_t application_id, const domain::MemberScores& scores, core::UnixTime now)
{
    long long institution = institution_id, case_key = case_id, application = application_id,
              user = scores.user_id, at = now;
    sql << "DELETE FROM assessment_scores WHERE institution_id = :institution AND application_id = "
           ":application"
           " AND user_id = :user",
        soci::use(institution), soci::use(application), soci::use(user);
    for (const auto& [criterion_id, score] : scores.scores) {
        long long criterion = criterion_id;
        int value = score;
        sql << "INSERT INTO assessment_scores (application_id, user_id, criterion_id, institution_id, "
               "case_id,"
               " score, updated_at) VALUES (:application, :user, :criterion, :institution, :case_id, :score,"
               " :at)",
            soci::use(application), soci::use(user), soci::use(criterion), soci::use(institution),
            soci::use(case_key), soci::use(value), soci::use(at);
    }
}

std::vector<domain::MemberScores> scores(soci::session& sql, std::int64_t institution_id,
                                         std::int64_t application_id)
{
    std::map<std::int64_t, domain::MemberScores> by_member;
    long long institution = institution_id, application = application_id, user = 0, criterion = 0;
    int score = 0;
    soci::statement statement =
        (sql.prepare << "SELECT user_id, criterion_id, score FROM assessment_scores"
                        " WHERE institution_id = :institution AND application_id = :application",
         soci::into(user), soci::into(criterion), soci::into(score), soci::use(institution),
         soci::use(application));
    statement.execute();
    while (statement.fetch()) {
        auto& member = by_member[user];
        member.user_id = user;
        member.scores[criterion] = score;
    }
    std::vector<domain::MemberScores> found;
    found.reserve(by_member.size());
    for (auto& [user_id, member] : by_member)
        found.push_back(std::move(member));
    return found;
}

void save_summary(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                  std::int64_t application_id, const domain::AssessmentSummary& summary)
{
    long long institution = institution_id, case_key = case_id, application = application_id;
    int yes = summary.yes, maybe = summary.maybe, no = summary.no, scorers = summary.scorers;
    int points = or_none(summary.mark_points), mean = or_none(summary.score_mean),
        low = or_none(summary.score_low), high = or_none(summary.score_high);
    soci::indicator points_null = summary.mark_points ? soci::i_ok : soci::i_null,
                    mean_null = summary.score_mean ? soci::i_ok : soci::i_null,
                    low_null = summary.score_low ? soci::i_ok : soci::i_null,
                    high_null = summary.score_high ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO assessment_summaries (application_id, institution_id, case_id, yes_count, "
           "maybe_count,"
           " no_count, mark_points, scorers, score_mean, score_low, score_high) VALUES (:application,"
           " :institution, :case_id, :yes, :maybe, :no, :points, :scorers, :mean, :low, :high)"
           " ON CONFLICT (application_id) DO UPDATE SET yes_count = excluded.yes_count,"
           " maybe_count = excluded.maybe_count, no_count = excluded.no_count,"
           " mark_points = excluded.mark_points, scorers = excluded.scorers, score_mean = "
           "excluded.score_mean,"
           " score_low = excluded.score_low, score_high = excluded.score_high",
        soci::use(application), soci::use(institution), soci::use(case_key), soci::use(yes), soci::use(maybe),
        soci::use(no), soci::use(points, points_null), soci::use(scorers), soci::use(mean, mean_null),
        soci::use(low, low_null), soci::use(high, high_null);
}

std::vector<std::int64_t> assessed_applications(soci::session& sql, std::int64_t institution_id,
                                                std::int64_t case_id)
{
    std::vector<std::int64_t> found;
    long long institution = institution_id, case_key = case_id, id = 0;
    soci::statement statement =
        (sql.prepare << "SELECT application_id FROM assessment_summaries WHERE institution_id = :institution"
                        " AND case_id = :case_id",
         soci::into(id), soci::use(institution), soci::use(case_key));
    statement.execute();
    while (statement.fetch())
        found.push_back(id);
    return found;
}

std::int64_t add_note(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                      std::int64_t application_id, std::int64_t user_id, const std::string& sealed_text,
                      bool sensitive_confirmed, core::UnixTime now)
{
    long long institution = institution_id, case_key = case_id, application = application_id, user = user_id,
              at = now, id = 0;
    int confirmed = sensitive_confirmed ? 1 : 0;
    sql << "INSERT INTO application_notes (institution_id, case_id, application_id, user_id, sealed_text,"
           " sensitive_confirmed, created_at) VALUES (:institution, :case_id, :application, :user, :text,"
           " :confirmed, :at) RETURNING id",
        soci::use(institution), soci::use(case_key), soci::use(application), soci::use(user),
        soci::use(sealed_text), soci::use(confirmed), soci::use(at), soci::into(id);
    return id;
}

std::vector<domain::NoteRecord> notes(soci::session& sql, std::int64_t institution_id,
                                      std::int64_t application_id)
{
    std::vector<domain::NoteRecord> found;
    long long institution = institution_id, application = application_id, id = 0, user = 0, at = 0;
    std::string name;
    int confirmed = 0;
    std::string text;
    soci::statement statement =
        (sql.prepare
             << "SELECT n.id, n.user_id, u.name, n.sealed_text, n.sensitive_confirmed, n.created_at"
                " FROM application_notes n JOIN users u ON u.id = n.user_id"
                " WHERE n.institution_id = :institution AND n.application_id = :application ORDER BY n.id",
         soci::into(id), soci::into(user), soci::into(name), soci::into(text), soci::into(confirmed),
         soci::into(at), soci::use(institution), soci::use(application));
    statement.execute();
    while (statement.fetch()) {
        found.push_back({id, user, name, text, confirmed != 0, at});
    }
    return found;
}

void replace_tags(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                  std::int64_t application_id, const std::vector<std::string>& tags)
{
    long long institution = institution_id, case_key = case_id, application = application_id;
    sql << "DELETE FROM application_tags WHERE institution_id = :institution AND application_id = "
           ":application",
        soci::use(institution), soci::use(application);
    for (const auto& tag : tags)
        sql << "INSERT INTO application_tags (application_id, institution_id, case_id, tag)"
               " VALUES (:application, :institution, :case_id, :tag)",
            soci::use(application), soci::use(institution), soci::use(case_key), soci::use(tag);
}

std::vector<std::string> tags(soci::session& sql, std::int64_t institution_id, std::int64_t application_id)
{
    std::vector<std::string> found;
    long long institution = institution_id, application = application_id;
    std::string tag;
    soci::statement statement =
        (sql.prepare << "SELECT tag FROM application_tags WHERE institution_id = :institution"
                        " AND application_id = :application ORDER BY tag",
         soci::into(tag), soci::use(institution), soci::use(application));
    statement.execute();
    while (statement.fetch())
        found.push_back(tag);
    return found;
}

std::vector<std::string> case_tags(soci::session& sql, std::int64_t institution_id, std::int64_t case_id)
{
    std::vector<std::string> found;
    auto& tags = kept_statements<TagsOfCase>(sql);
    tags.institution = institution_id;
    tags.case_key = case_id;
    tags.statement.each_row([&] { found.push_back(tags.tag); });
    return found;
}

bool lift_anonymity(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                    std::int64_t application_id, std::int64_t user_id, core::UnixTime now)
{
    long long institution = institution_id, case_key = case_id, application = application_id, user = user_id,
              at = now;
    soci::statement insert =
        (sql.prepare << "INSERT INTO anonymity_lifts (application_id, institution_id, case_id, lifted_by,"
                        " lifted_at) VALUES (:application, :institution, :case_id, :user, :at)"
                        " ON CONFLICT (application_id) DO NOTHING",
         soci::use(application), soci::use(institution), soci::use(case_key), soci::use(user), soci::use(at));
    insert.execute(true);
    return insert.get_affected_rows() > 0;
}

bool anonymity_lifted(soci::session& sql, std::int64_t institution_id, std::int64_t application_id)
{
    long long institution = institution_id, application = application_id, at = 0;
    sql << "SELECT lifted_at FROM anonymity_lifts WHERE institution_id = :institution"
           " AND application_id = :application",
        soci::into(at), soci::use(institution), soci::use(application);
    return sql.got_data();
}

domain::ApplicationListPage list(soci::session& sql, const domain::ApplicationListQuery& query)
{
    domain::ApplicationListPage page;
    const auto key = sort_key(query);
    const bool down = descending(query.sort);
    const bool backwards = !query.after_id && query.before_id.has_value();
    std::string where = conditions(query);
    std::optional<Key> anchor;
    long long anchor_id = 0;
    if (auto id = query.after_id ? query.after_id : query.before_id) {
        anchor = key_of(sql, query, *id);
        anchor_id = *id;
    }
    if (anchor) {
        // The rows after the anchor in the order (key, id), or before it when paging backwards. Where
        // key and id run the same way this is a row-value comparison, which both databases turn into
        // a range of the index on (case, received); the committee's orders descend by key while ids
        // ascend, and take the longer form.
        const bool key_greater = down == backwards;
        if (!down)
            where += " AND (" + key + ", a.id) " + (backwards ? "<" : ">") + " (:anchor_key, :anchor_id)";
        else
            where += " AND (" + key + (key_greater ? " > " : " < ") + ":anchor_key OR (" + key +
                     " = :anchor_key AND a.id " + (backwards ? "<" : ">") + " :anchor_id))";
    }
    const bool reverse = down != backwards;
    const std::string order =
        " ORDER BY " + key + (reverse ? " DESC" : " ASC") + ", a.id" + (backwards ? " DESC" : " ASC");
    const std::string limit = " LIMIT " + std::to_string(query.limit + 1);
    const std::string columns =
        "SELECT a.id, a.full_name, a.status, a.channel, a.knocked_out, a.priority_access, a.on_time,"
        " a.received_at, COALESCE(m.mark, ''), CASE WHEN " +
        std::string(k_viewer_scored) +
        " THEN 1 ELSE 0 END,"
        " COALESCE(s.yes_count, 0), COALESCE(s.maybe_count, 0), COALESCE(s.no_count, 0),"
        " COALESCE(s.mark_points, -1), COALESCE(s.scorers, 0), COALESCE(s.score_mean, -1),"
        " COALESCE(s.score_low, -1), COALESCE(s.score_high, -1), CASE WHEN l.application_id IS NULL THEN 0"
        " ELSE 1 END, " +
        tags_column(sql.get_backend_name() == "postgresql");
    // On PostgreSQL, where the order and the filters need the application's own columns only, the
    // page is cut from the case's applications first and the committee's columns are looked up for
    // its rows alone (LATERAL ... OFFSET 0 keeps them lookups). The plan's cost then no longer depends
    // on how many applications the planner guesses a case has, so PostgreSQL keeps one generic plan
    // for the kept statement instead of planning the page again on every run.
    const bool page_first = sql.get_backend_name() == "postgresql" && query.own_mark.empty() &&
                            (query.sort == ApplicationSort::received || query.sort == ApplicationSort::name);
    const std::string text =
        page_first
            ? columns +
                  " FROM (SELECT a.id, a.full_name, a.status, a.channel, a.knocked_out, a.priority_access,"
                  " a.on_time, a.received_at FROM applications a" +
                  where + order + limit +
                  ") a LEFT JOIN LATERAL (SELECT m.mark FROM assessment_marks m WHERE m.application_id = a.id"
                  " AND m.user_id = :viewer OFFSET 0) m ON true"
                  " LEFT JOIN LATERAL (SELECT s.* FROM assessment_summaries s WHERE s.application_id = a.id"
                  " OFFSET 0) s ON true"
                  " LEFT JOIN LATERAL (SELECT l.application_id FROM anonymity_lifts l"
                  " WHERE l.application_id = a.id OFFSET 0) l ON true" +
                  order
            : columns + std::string(k_from) + where + order + limit;

    auto& statement = kept_statements<ApplicationListStatement>(sql, text, text, query, anchor.has_value());
    statement.values.assign(query);
    if (anchor) {
        statement.anchor = *anchor;
        statement.anchor_id = anchor_id;
    }
    statement.statement.each_row([&] { page.rows.push_back(statement.fetched()); });
    const bool more = page.rows.size() > static_cast<std::size_t>(query.limit);
    if (more)
        page.rows.pop_back();
    if (backwards) {
        std::reverse(page.rows.begin(), page.rows.end());
        page.has_previous = more;
        page.has_next = true;
    } else {
        page.has_next = more;
        page.has_previous = anchor.has_value();
    }
    return page;
}

int count(soci::session& sql, const domain::ApplicationListQuery& query)
{
    // The viewer's own marks join in only when the own-mark filter needs them.
    const bool viewer_needed = query.member || !query.own_mark.empty();
    const std::string marks = query.own_mark.empty()
                                  ? ""
                                  : " LEFT JOIN assessment_marks m ON m.application_id = a.id"
                                    " AND m.user_id = :viewer";
    // A member's list leaves out the applications the member has a conflict with. Those are few, so
    // they are counted from the member's declarations and taken off the count of all, rather than the
    // declarations being looked up for every application.
    const std::string text =
        "SELECT (SELECT COUNT(*) FROM applications a" + marks + conditions(query, false) + ")" +
        (query.member ? " - (SELECT COUNT(*) FROM conflict_declarations d"
                        " JOIN applications a ON a.id = d.application_id" +
                            marks + conditions(query, false) +
                            " AND d.user_id = :viewer AND d.conflict = 1 AND d.case_id = a.case_id)"
                      : std::string());
    auto& statement = kept_statements<ApplicationCountStatement>(sql, text, text, query, viewer_needed);
    statement.values.assign(query);
    statement.total = 0;
    statement.statement.first_row();
    return static_cast<int>(statement.total);
}

} // namespace rekrut::store::assessment
