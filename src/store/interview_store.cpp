#include "store/interview_store.hpp"

#include <soci/soci.h>

namespace rekrut::store::interviews {
namespace {

constexpr const char* k_round_columns =
    "SELECT id, institution_id, case_id, name, default_place, cutoff_hours, created_by, created_at"
    " FROM interview_rounds ";

std::vector<domain::InterviewRoundRecord> fetch_rounds(soci::session& sql, const std::string& where,
                                                       long long institution, long long key, long long round)
{
    std::vector<domain::InterviewRoundRecord> found;
    domain::InterviewRoundRecord row;
    long long id = 0, row_institution = 0, row_case = 0, created_by = 0, created_at = 0;
    soci::statement statement =
        (sql.prepare << std::string(k_round_columns) + where, soci::into(id), soci::into(row_institution),
         soci::into(row_case), soci::into(row.name), soci::into(row.default_place),
         soci::into(row.cutoff_hours), soci::into(created_by), soci::into(created_at),
         soci::use(institution, "institution"), soci::use(key, "key"), soci::use(round, "round"));
    statement.execute();
    while (statement.fetch()) {
        auto record = row;
        record.id = id;
        record.institution_id = row_institution;
        record.case_id = row_case;
        record.created_by = created_by;
        record.created_at = created_at;
        found.push_back(std::move(record));
    }
    return found;
}

constexpr const char* k_slot_columns =
    "SELECT s.id, s.round_id, s.starts_at, s.minutes, s.place, COALESCE(b.id, 0), COALESCE(b.application_id, "
    "0),"
    " COALESCE(b.booked_by, ''), COALESCE(b.booked_at, 0)"
    " FROM interview_slots s LEFT JOIN interview_bookings b ON b.slot_id = s.id"
    " WHERE s.institution_id = :institution AND s.round_id = :round ";

std::vector<domain::InterviewSlotRecord> fetch_slots(soci::session& sql, const std::string& rest,
                                                     long long institution, long long round, long long key)
{
    std::vector<domain::InterviewSlotRecord> found;
    long long id = 0, round_id = 0, starts_at = 0, booking = 0, application = 0, booked_at = 0;
    int minutes = 0;
    std::string place, booked_by;
    soci::statement statement =
        (sql.prepare << std::string(k_slot_columns) + rest, soci::into(id), soci::into(round_id),
         soci::into(starts_at), soci::into(minutes), soci::into(place), soci::into(booking),
         soci::into(application), soci::into(booked_by), soci::into(booked_at),
         soci::use(institution, "institution"), soci::use(round, "round"), soci::use(key, "key"));
    statement.execute();
    while (statement.fetch()) {
        domain::InterviewSlotRecord slot;
        slot.id = id;
        slot.institution_id = institution;
        slot.round_id = round_id;
        slot.starts_at = starts_at;
        slot.minutes = minutes;
        slot.place = place;
        if (booking != 0)
            slot.booking = domain::InterviewBooking{booking, application,
                                                    domain::booked_by_from_string(booked_by), booked_at};
        found.push_back(std::move(slot));
    }
    for (auto& slot : found) {
        long long slot_id = slot.id, user = 0;
        soci::statement members =
            (sql.prepare
                 << "SELECT user_id FROM interview_slot_members WHERE slot_id = :slot ORDER BY user_id",
             soci::into(user), soci::use(slot_id));
        members.execute();
        while (members.fetch())
            slot.member_ids.push_back(user);
    }
    return found;
}

} // namespace

std::int64_t create_round(soci::session& sql, const domain::InterviewRoundRecord& round)
{
    long long institution = round.institution_id, case_key = round.case_id, user = round.created_by,
              at = round.created_at, id = 0;
    int cutoff = round.cutoff_hours;
    sql << "INSERT INTO interview_rounds (institution_id, case_id, name, default_place, cutoff_hours, "
           "created_by,"
           " created_at) VALUES (:institution, :case_id, :name, :place, :cutoff, :user, :at) RETURNING id",
        soci::use(institution), soci::use(case_key), soci::use(round.name), soci::use(round.default_place),
        soci::use(cutoff), soci::use(user), soci::use(at), soci::into(id);
    return id;
}

std::vector<domain::InterviewRoundRecord> rounds(soci::session& sql, std::int64_t institution_id,
                                                 std::int64_t case_id)
{
    return fetch_rounds(sql,
                        "WHERE institution_id = :institution AND case_id = :key AND :round = 0 ORDER BY id",
                        institution_id, case_id, 0);
}

std::optional<domain::InterviewRoundRecord> find_round(soci::session& sql, std::int64_t institution_id,
                                                       std::int64_t case_id, std::int64_t round_id)
{
    auto found = fetch_rounds(sql, "WHERE institution_id = :institution AND case_id = :key AND id = :round",
                              institution_id, case_id, round_id);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

std::int64_t add_slot(soci::session& sql, std::int64_t institution_id,
                      const domain::InterviewSlotRecord& slot, core::UnixTime now)
{
    long long institution = institution_id, round = slot.round_id, starts = slot.starts_at, at = now, id = 0;
    int minutes = slot.minutes;
    sql << "INSERT INTO interview_slots (institution_id, round_id, starts_at, minutes, place, created_at)"
           " VALUES (:institution, :round, :starts, :minutes, :place, :at) RETURNING id",
        soci::use(institution), soci::use(round), soci::use(starts), soci::use(minutes),
        soci::use(slot.place), soci::use(at), soci::into(id);
    for (auto member : slot.member_ids) {
        long long user = member;
        sql << "INSERT INTO interview_slot_members (slot_id, user_id) VALUES (:slot, :user)", soci::use(id),
            soci::use(user);
    }
    return id;
}

std::vector<domain::InterviewSlotRecord> slots(soci::session& sql, std::int64_t institution_id,
                                               std::int64_t round_id)
{
    return fetch_slots(sql, "AND :key = 0 ORDER BY s.starts_at, s.id", institution_id, round_id, 0);
}

std::optional<domain::InterviewSlotRecord> find_slot(soci::session& sql, std::int64_t institution_id,
                                                     std::int64_t round_id, std::int64_t slot_id)
{
    auto found = fetch_slots(sql, "AND s.id = :key", institution_id, round_id, slot_id);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

bool invite(soci::session& sql, std::int64_t institution_id, std::int64_t round_id,
            std::int64_t application_id, std::int64_t user_id, core::UnixTime now)
{
    long long institution = institution_id, round = round_id, application = application_id, user = user_id,
              at = now, inserted = 0;
    sql << "INSERT INTO interview_invitations (round_id, application_id, institution_id, invited_by, "
           "invited_at)"
           " VALUES (:round, :application, :institution, :user, :at) ON CONFLICT DO NOTHING RETURNING "
           "round_id",
        soci::use(round), soci::use(application), soci::use(institution), soci::use(user), soci::use(at),
        soci::into(inserted);
    return sql.got_data();
}

bool is_invited(soci::session& sql, std::int64_t institution_id, std::int64_t round_id,
                std::int64_t application_id)
{
    long long institution = institution_id, round = round_id, application = application_id, found = 0;
    sql << "SELECT COUNT(*) FROM interview_invitations WHERE institution_id = :institution AND round_id = "
           ":round"
           " AND application_id = :application",
        soci::use(institution), soci::use(round), soci::use(application), soci::into(found);
    return found > 0;
}

std::vector<std::int64_t> invitations(soci::session& sql, std::int64_t institution_id, std::int64_t round_id)
{
    std::vector<std::int64_t> found;
    long long institution = institution_id, round = round_id, application = 0;
    soci::statement statement =
        (sql.prepare << "SELECT application_id FROM interview_invitations WHERE institution_id = :institution"
                        " AND round_id = :round ORDER BY invited_at, application_id",
         soci::into(application), soci::use(institution), soci::use(round));
    statement.execute();
    while (statement.fetch())
        found.push_back(application);
    return found;
}

std::vector<domain::InterviewRoundRecord>
rounds_of_application(soci::session& sql, std::int64_t institution_id, std::int64_t application_id)
{
    return fetch_rounds(sql,
                        "WHERE institution_id = :institution AND :round = 0 AND id IN (SELECT round_id FROM"
                        " interview_invitations WHERE application_id = :key) ORDER BY id",
                        institution_id, application_id, 0);
}

std::optional<std::int64_t> book(soci::session& sql, std::int64_t institution_id, std::int64_t round_id,
                                 std::int64_t slot_id, std::int64_t application_id,
                                 domain::BookedBy booked_by, core::UnixTime now)
{
    long long institution = institution_id, round = round_id, slot = slot_id, application = application_id,
              at = now, id = 0;
    const std::string by(domain::to_string(booked_by));
    // Either UNIQUE constraint makes the insert do nothing; RETURNING then gives no row.
    sql << "INSERT INTO interview_bookings (institution_id, round_id, slot_id, application_id, booked_by, "
           "booked_at)"
           " VALUES (:institution, :round, :slot, :application, :by, :at) ON CONFLICT DO NOTHING RETURNING "
           "id",
        soci::use(institution), soci::use(round), soci::use(slot), soci::use(application), soci::use(by),
        soci::use(at), soci::into(id);
    if (!sql.got_data())
        return std::nullopt;
    return id;
}

std::optional<domain::InterviewSlotRecord> booked_slot(soci::session& sql, std::int64_t institution_id,
                                                       std::int64_t round_id, std::int64_t application_id)
{
    auto found = fetch_slots(sql, "AND b.application_id = :key", institution_id, round_id, application_id);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

bool cancel(soci::session& sql, std::int64_t institution_id, std::int64_t round_id,
            std::int64_t application_id)
{
    long long institution = institution_id, round = round_id, application = application_id, id = 0;
    sql << "DELETE FROM interview_bookings WHERE institution_id = :institution AND round_id = :round"
           " AND application_id = :application RETURNING id",
        soci::use(institution), soci::use(round), soci::use(application), soci::into(id);
    return sql.got_data();
}

} // namespace rekrut::store::interviews
