#include "store/ranking_store.hpp"

#include <soci/soci.h>

namespace rekrut::store::rankings {
namespace {

constexpr const char* k_list_columns =
    "SELECT id, institution_id, case_id, name, round, versions, created_by, created_at FROM ranking_lists ";

std::vector<domain::RankingListRecord> fetch_lists(soci::session& sql, const std::string& where,
                                                   long long institution, long long case_key,
                                                   long long ranking)
{
    std::vector<domain::RankingListRecord> found;
    long long id = 0, row_institution = 0, row_case = 0, created_by = 0, created_at = 0;
    int versions = 0;
    std::string name, round;
    soci::statement statement =
        (sql.prepare << std::string(k_list_columns) + where, soci::into(id), soci::into(row_institution),
         soci::into(row_case), soci::into(name), soci::into(round), soci::into(versions),
         soci::into(created_by), soci::into(created_at), soci::use(institution, "institution"),
         soci::use(case_key, "case_id"), soci::use(ranking, "ranking"));
    statement.execute();
    while (statement.fetch())
        found.push_back(
            {id, row_institution, row_case, name,
             domain::ranking_round_from_string(round).value_or(domain::RankingRound::first_interview),
             versions, created_by, created_at});
    return found;
}

constexpr const char* k_version_columns =
    "SELECT v.id, v.ranking_list_id, v.number, v.saved_by, COALESCE(u.name, ''), v.saved_at,"
    " (SELECT COUNT(*) FROM ranking_entries e WHERE e.version_id = v.id)"
    " FROM ranking_versions v LEFT JOIN users u ON u.id = v.saved_by"
    " WHERE v.institution_id = :institution AND v.ranking_list_id = :ranking ";

std::vector<domain::RankingVersionRecord> fetch_versions(soci::session& sql, const std::string& rest,
                                                         long long institution, long long ranking, int number)
{
    std::vector<domain::RankingVersionRecord> found;
    domain::RankingVersionRecord row;
    long long id = 0, list = 0, saved_by = 0, saved_at = 0;
    soci::statement statement =
        (sql.prepare << std::string(k_version_columns) + rest, soci::into(id), soci::into(list),
         soci::into(row.number), soci::into(saved_by), soci::into(row.saved_by_name), soci::into(saved_at),
         soci::into(row.entries), soci::use(institution, "institution"), soci::use(ranking, "ranking"),
         soci::use(number, "number"));
    statement.execute();
    while (statement.fetch()) {
        auto record = row;
        record.id = id;
        record.ranking_list_id = list;
        record.saved_by = saved_by;
        record.saved_at = saved_at;
        found.push_back(std::move(record));
    }
    return found;
}

} // namespace

std::int64_t create(soci::session& sql, const domain::RankingListRecord& list)
{
    long long institution = list.institution_id, case_key = list.case_id, user = list.created_by,
              at = list.created_at, id = 0;
    const std::string round(domain::to_string(list.round));
    sql << "INSERT INTO ranking_lists (institution_id, case_id, name, round, versions, created_by, "
           "created_at)"
           " VALUES (:institution, :case_id, :name, :round, 0, :user, :at) RETURNING id",
        soci::use(institution), soci::use(case_key), soci::use(list.name), soci::use(round), soci::use(user),
        soci::use(at), soci::into(id);
    return id;
}

std::vector<domain::RankingListRecord> lists(soci::session& sql, std::int64_t institution_id,
                                             std::int64_t case_id)
{
    return fetch_lists(
        sql, "WHERE institution_id = :institution AND case_id = :case_id AND :ranking = 0 ORDER BY id",
        institution_id, case_id, 0);
}

std::optional<domain::RankingListRecord> find(soci::session& sql, std::int64_t institution_id,
                                              std::int64_t case_id, std::int64_t ranking_id)
{
    auto found =
        fetch_lists(sql, "WHERE institution_id = :institution AND case_id = :case_id AND id = :ranking",
                    institution_id, case_id, ranking_id);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

std::vector<domain::RankingVersionRecord> versions(soci::session& sql, std::int64_t institution_id,
                                                   std::int64_t ranking_id)
{
    return fetch_versions(sql, "AND :number = 0 ORDER BY v.number DESC", institution_id, ranking_id, 0);
}

std::optional<domain::RankingVersionRecord> version(soci::session& sql, std::int64_t institution_id,
                                                    std::int64_t ranking_id, int number)
{
    auto found = fetch_versions(sql, "AND v.number = :number", institution_id, ranking_id, number);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

domain::RankingOrder entries(soci::session& sql, std::int64_t institution_id, std::int64_t version_id)
{
    domain::RankingOrder order;
    long long institution = institution_id, version_key = version_id, application = 0;
    soci::statement statement =
        (sql.prepare
             << "SELECT e.application_id FROM ranking_entries e JOIN ranking_versions v ON v.id = "
                "e.version_id"
                " WHERE v.institution_id = :institution AND e.version_id = :version ORDER BY e.position",
         soci::into(application), soci::use(institution), soci::use(version_key));
    statement.execute();
    while (statement.fetch())
        order.push_back(application);
    return order;
}

domain::RankingOrder order_at(soci::session& sql, std::int64_t institution_id, std::int64_t ranking_id,
                              int number)
{
    domain::RankingOrder order;
    long long institution = institution_id, ranking = ranking_id, application = 0;
    soci::statement statement =
        (sql.prepare << "SELECT e.application_id FROM ranking_versions v JOIN ranking_entries e ON "
                        "e.version_id = v.id"
                        " WHERE v.institution_id = :institution AND v.ranking_list_id = :ranking AND "
                        "v.number = :number"
                        " ORDER BY e.position",
         soci::into(application), soci::use(institution), soci::use(ranking), soci::use(number));
    statement.execute();
    while (statement.fetch())
        order.push_back(application);
    return order;
}

domain::RankingOrder current_order(soci::session& sql, std::int64_t institution_id, std::int64_t ranking_id)
{
    domain::RankingOrder order;
    long long institution = institution_id, ranking = ranking_id, application = 0;
    soci::statement statement =
        (sql.prepare << "SELECT e.application_id FROM ranking_lists l"
                        " JOIN ranking_versions v ON v.ranking_list_id = l.id AND v.number = l.versions"
                        " JOIN ranking_entries e ON e.version_id = v.id"
                        " WHERE l.institution_id = :institution AND l.id = :ranking ORDER BY e.position",
         soci::into(application), soci::use(institution), soci::use(ranking));
    statement.execute();
    while (statement.fetch())
        order.push_back(application);
    return order;
}

std::optional<int> next_version(soci::session& sql, std::int64_t institution_id, std::int64_t ranking_id,
                                std::optional<int> expected)
{
    long long institution = institution_id, ranking = ranking_id;
    int number = 0, at_version = expected.value_or(-1);
    sql << "UPDATE ranking_lists SET versions = versions + 1 WHERE institution_id = :institution AND id = "
           ":ranking"
           " AND (:expected < 0 OR versions = :expected) RETURNING versions",
        soci::use(institution, "institution"), soci::use(ranking, "ranking"),
        soci::use(at_version, "expected"), soci::into(number);
    if (!sql.got_data())
        return std::nullopt;
    return number;
}

void save_version(soci::session& sql, std::int64_t institution_id, std::int64_t ranking_id, int number,
                  const domain::RankingOrder& order, std::int64_t user_id, core::UnixTime now)
{
    long long institution = institution_id, ranking = ranking_id, user = user_id, at = now, version_id = 0;
    sql << "INSERT INTO ranking_versions (ranking_list_id, institution_id, number, saved_by, saved_at)"
           " VALUES (:ranking, :institution, :number, :user, :at) RETURNING id",
        soci::use(ranking), soci::use(institution), soci::use(number), soci::use(user), soci::use(at),
        soci::into(version_id);
    // The entries go in batches of literal rows: every value is a number of ours, and one statement
    // per batch keeps a long list's save to a few round trips.
    constexpr std::size_t k_batch = 250;
    for (std::size_t start = 0; start < order.size(); start += k_batch) {
        std::string statement = "INSERT INTO ranking_entries (version_id, position, application_id) VALUES ";
        statement.reserve(statement.size() + k_batch * 40);
        const auto end = std::min(order.size(), start + k_batch);
        for (std::size_t index = start; index < end; ++index) {
            if (index > start)
                statement += ',';
            statement += '(' + std::to_string(version_id) + ',' + std::to_string(index + 1) + ',' +
                         std::to_string(order[index]) + ')';
        }
        sql << statement;
    }
}

std::vector<RankedApplication> applications(soci::session& sql, std::int64_t institution_id,
                                            std::int64_t case_id)
{
    std::vector<RankedApplication> found;
    long long institution = institution_id, case_key = case_id, id = 0, received = 0;
    std::string name, status;
    soci::statement statement =
        (sql.prepare
             << "SELECT id, full_name, received_at, status FROM applications"
                " WHERE institution_id = :institution AND case_id = :case_id ORDER BY received_at, id",
         soci::into(id), soci::into(name), soci::into(received), soci::into(status), soci::use(institution),
         soci::use(case_key));
    statement.execute();
    while (statement.fetch())
        found.push_back({id, name, received, status == "withdrawn"});
    return found;
}

} // namespace rekrut::store::rankings
