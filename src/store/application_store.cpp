#include "store/application_store.hpp"

#include <soci/soci.h>

namespace rekrut::store::applications {
namespace {

using domain::ApplicationRecord;

constexpr const char* k_columns =
    "SELECT id, institution_id, case_id, status, channel, language, full_name, email, phone, address,"
    " postal_code, city, cover_letter, consent_processing, keep_until, consent_contact, priority_access,"
    " exclude_from_list, knocked_out, received_at, on_time, registered_by, idempotency_key, created_at,"
    " updated_at, withdrawn_at, deletion_requested_at FROM applications ";

template <typename T> struct Nullable {
    T value{};
    soci::indicator indicator = soci::i_ok;
    std::optional<T> get() const { return indicator == soci::i_ok ? std::optional<T>(value) : std::nullopt; }
};

/// An optional input value with its NULL indicator, kept alive for the statement.
struct Optional {
    long long value = 0;
    soci::indicator indicator = soci::i_null;
    explicit Optional(std::optional<std::int64_t> given)
        : value(given.value_or(0)), indicator(given ? soci::i_ok : soci::i_null)
    {
    }
};

struct ApplicationRow {
    long long id = 0, institution_id = 0, case_id = 0, received_at = 0, created_at = 0, updated_at = 0;
    int consent_processing = 0, consent_contact = 0, priority_access = 0, exclude = 0, knocked_out = 0,
        on_time = 1;
    std::string status, channel, language, full_name, email, phone, address, postal_code, city, letter, key;
    Nullable<long long> keep_until, registered_by, withdrawn_at, deletion_requested_at;

    template <typename Statement> void bind(Statement& statement)
    {
        statement, soci::into(id), soci::into(institution_id), soci::into(case_id), soci::into(status),
            soci::into(channel), soci::into(language), soci::into(full_name), soci::into(email),
            soci::into(phone), soci::into(address), soci::into(postal_code), soci::into(city),
            soci::into(letter), soci::into(consent_processing),
            soci::into(keep_until.value, keep_until.indicator), soci::into(consent_contact),
            soci::into(priority_access), soci::into(exclude), soci::into(knocked_out),
            soci::into(received_at), soci::into(on_time),
            soci::into(registered_by.value, registered_by.indicator), soci::into(key), soci::into(created_at),
            soci::into(updated_at), soci::into(withdrawn_at.value, withdrawn_at.indicator),
            soci::into(deletion_requested_at.value, deletion_requested_at.indicator);
    }

    ApplicationRecord record() const
    {
        ApplicationRecord record;
        record.id = id;
        record.institution_id = institution_id;
        record.case_id = case_id;
        record.status =
            domain::application_status_from_string(status).value_or(domain::ApplicationStatus::received);
        record.channel =
            domain::application_channel_from_string(channel).value_or(domain::ApplicationChannel::online);
        record.language = language;
        record.full_name = full_name;
        record.email = email;
        record.phone = phone;
        record.address = address;
        record.postal_code = postal_code;
        record.city = city;
        record.cover_letter = letter;
        record.consent_processing = consent_processing != 0;
        record.keep_until = keep_until.get();
        record.consent_contact = consent_contact != 0;
        record.priority_access = priority_access != 0;
        record.exclude_from_list = exclude != 0;
        record.knocked_out = knocked_out != 0;
        record.received_at = received_at;
        record.on_time = on_time != 0;
        record.registered_by = registered_by.get();
        record.idempotency_key = key;
        record.created_at = created_at;
        record.updated_at = updated_at;
        record.withdrawn_at = withdrawn_at.get();
        record.deletion_requested_at = deletion_requested_at.get();
        return record;
    }
};

void insert_answers(soci::session& sql, std::int64_t application_id,
                    const std::vector<domain::ApplicationAnswer>& answers)
{
    long long id = application_id;
    for (const auto& answer : answers) {
        long long question = answer.question_id;
        sql << "INSERT INTO application_answers (application_id, question_id, answer) VALUES (:a, :q, :text)",
            soci::use(id), soci::use(question), soci::use(answer.answer);
    }
}

std::vector<domain::ApplicationAnswer> answers_of(soci::session& sql, std::int64_t application_id)
{
    std::vector<domain::ApplicationAnswer> answers;
    long long id = application_id, question = 0;
    std::string text;
    soci::statement statement = (sql.prepare << "SELECT question_id, answer FROM application_answers"
                                                " WHERE application_id = :id ORDER BY question_id",
                                 soci::use(id), soci::into(question), soci::into(text));
    statement.execute();
    while (statement.fetch())
        answers.push_back({question, text});
    return answers;
}

} // namespace

namespace {

/// The row and its answers; nullopt when `once` and the case has a row with the key already.
std::optional<std::int64_t> insert_row(soci::session& sql, const ApplicationRecord& record, bool once)
{
    long long id = 0, institution = record.institution_id, case_id = record.case_id,
              received = record.received_at, created = record.created_at;
    Optional keep(record.keep_until), registered(record.registered_by);
    int consent = record.consent_processing ? 1 : 0, contact = record.consent_contact ? 1 : 0,
        priority = record.priority_access ? 1 : 0, exclude = record.exclude_from_list ? 1 : 0,
        knocked = record.knocked_out ? 1 : 0, on_time = record.on_time ? 1 : 0;
    std::string status(domain::to_string(record.status)), channel(domain::to_string(record.channel));
    sql << "INSERT INTO applications (institution_id, case_id, status, channel, language, full_name, email,"
           " phone, address, postal_code, city, cover_letter, consent_processing, keep_until, "
           "consent_contact,"
           " priority_access, exclude_from_list, knocked_out, received_at, on_time, registered_by,"
           " idempotency_key, created_at, updated_at) VALUES (:institution, :case_id, :status, :channel,"
           " :language, :name, :email, :phone, :address, :postal, :city, :letter, :consent, :keep, :contact,"
           " :priority, :exclude, :knocked, :received, :on_time, :registered, :key, :created, :updated)" +
               std::string(once ? " ON CONFLICT (case_id, idempotency_key) DO NOTHING" : "") +
               " RETURNING id",
        soci::use(institution), soci::use(case_id), soci::use(status), soci::use(channel),
        soci::use(record.language), soci::use(record.full_name), soci::use(record.email),
        soci::use(record.phone), soci::use(record.address), soci::use(record.postal_code),
        soci::use(record.city), soci::use(record.cover_letter), soci::use(consent),
        soci::use(keep.value, keep.indicator), soci::use(contact), soci::use(priority), soci::use(exclude),
        soci::use(knocked), soci::use(received), soci::use(on_time),
        soci::use(registered.value, registered.indicator), soci::use(record.idempotency_key),
        soci::use(created), soci::use(created), soci::into(id);
    if (!sql.got_data())
        return std::nullopt;
    insert_answers(sql, id, record.answers);
    return static_cast<std::int64_t>(id);
}

} // namespace

std::int64_t insert(soci::session& sql, const ApplicationRecord& record)
{
    return insert_row(sql, record, false).value();
}

std::optional<std::int64_t> insert_once(soci::session& sql, const ApplicationRecord& record)
{
    return insert_row(sql, record, true);
}

std::optional<std::int64_t> find_by_idempotency_key(soci::session& sql, std::int64_t institution_id,
                                                    std::int64_t case_id, const std::string& key)
{
    long long institution = institution_id, case_value = case_id;
    Nullable<long long> id;
    sql << "SELECT id FROM applications WHERE institution_id = :institution AND case_id = :case_id"
           " AND idempotency_key = :key",
        soci::use(institution), soci::use(case_value), soci::use(key), soci::into(id.value, id.indicator);
    if (!sql.got_data())
        return std::nullopt;
    return id.get();
}

std::optional<LinkTarget> find_by_form_key(soci::session& sql, std::int64_t case_id, const std::string& key)
{
    long long case_value = case_id, institution = 0, id = 0;
    sql << "SELECT institution_id, id FROM applications WHERE case_id = :case_id AND idempotency_key = :key",
        soci::use(case_value), soci::use(key), soci::into(institution), soci::into(id);
    if (!sql.got_data())
        return std::nullopt;
    return LinkTarget{institution, id};
}

std::optional<ApplicationRecord> find(soci::session& sql, std::int64_t institution_id,
                                      std::int64_t application_id)
{
    ApplicationRow row;
    long long institution = institution_id, id = application_id;
    auto prepared =
        (sql.prepare << std::string(k_columns) + "WHERE institution_id = :institution AND id = :id");
    row.bind(prepared);
    prepared, soci::use(institution), soci::use(id);
    soci::statement statement(prepared);
    statement.execute();
    if (!statement.fetch())
        return std::nullopt;
    auto record = row.record();
    record.answers = answers_of(sql, application_id);
    record.attachments = attachments(sql, institution_id, application_id);
    return record;
}

std::vector<ApplicationRecord> list_for_case(soci::session& sql, std::int64_t institution_id,
                                             std::int64_t case_id)
{
    std::vector<ApplicationRecord> records;
    ApplicationRow row;
    long long institution = institution_id, case_value = case_id;
    auto prepared =
        (sql.prepare << std::string(k_columns) + "WHERE institution_id = :institution AND case_id = :case_id"
                                                 " ORDER BY received_at, id");
    row.bind(prepared);
    prepared, soci::use(institution), soci::use(case_value);
    soci::statement statement(prepared);
    statement.execute();
    while (statement.fetch())
        records.push_back(row.record());
    return records;
}

Counts count_for_case(soci::session& sql, std::int64_t institution_id, std::int64_t case_id)
{
    long long institution = institution_id, case_value = case_id;
    int total = 0;
    Nullable<int> withdrawn;
    sql << "SELECT COUNT(*), SUM(CASE WHEN status = 'withdrawn' THEN 1 ELSE 0 END) FROM applications"
           " WHERE institution_id = :institution AND case_id = :case_id",
        soci::use(institution), soci::use(case_value), soci::into(total),
        soci::into(withdrawn.value, withdrawn.indicator);
    return {total, withdrawn.get().value_or(0)};
}

std::vector<domain::AttachmentRecord> attachments(soci::session& sql, std::int64_t institution_id,
                                                  std::int64_t application_id)
{
    std::vector<domain::AttachmentRecord> records;
    domain::AttachmentRecord record;
    long long institution = institution_id, application = application_id, id = 0, size = 0, created = 0;
    std::string kind;
    soci::statement statement =
        (sql.prepare << "SELECT id, kind, filename, media_type, size, text_status, text_error, created_at"
                        " FROM application_attachments WHERE institution_id = :institution"
                        " AND application_id = :application ORDER BY id",
         soci::use(institution), soci::use(application), soci::into(id), soci::into(kind),
         soci::into(record.filename), soci::into(record.media_type), soci::into(size),
         soci::into(record.text_status), soci::into(record.text_error), soci::into(created));
    statement.execute();
    while (statement.fetch()) {
        record.id = id;
        record.application_id = application_id;
        record.kind = domain::attachment_kind_from_string(kind).value_or(domain::AttachmentKind::other);
        record.size = size;
        record.created_at = created;
        records.push_back(record);
    }
    return records;
}

void set_status(soci::session& sql, std::int64_t institution_id, std::int64_t application_id,
                domain::ApplicationStatus status, core::UnixTime now)
{
    long long institution = institution_id, id = application_id, at = now;
    std::string value(domain::to_string(status));
    Optional withdrawn(status == domain::ApplicationStatus::withdrawn ? std::optional<std::int64_t>(now)
                                                                      : std::nullopt);
    sql << "UPDATE applications SET status = :status, updated_at = :at,"
           " withdrawn_at = COALESCE(:withdrawn, withdrawn_at)"
           " WHERE institution_id = :institution AND id = :id",
        soci::use(value), soci::use(at), soci::use(withdrawn.value, withdrawn.indicator),
        soci::use(institution), soci::use(id);
}

void update_content(soci::session& sql, const ApplicationRecord& record, core::UnixTime now)
{
    long long institution = record.institution_id, id = record.id, at = now;
    int knocked = record.knocked_out ? 1 : 0;
    sql << "UPDATE applications SET cover_letter = :letter, knocked_out = :knocked, updated_at = :at"
           " WHERE institution_id = :institution AND id = :id",
        soci::use(record.cover_letter), soci::use(knocked), soci::use(at), soci::use(institution),
        soci::use(id);
    sql << "DELETE FROM application_answers WHERE application_id = :id", soci::use(id);
    insert_answers(sql, record.id, record.answers);
}

void update_personal(soci::session& sql, std::int64_t institution_id, std::int64_t application_id,
                     const std::string& full_name, const std::string& email, const std::string& phone,
                     core::UnixTime now)
{
    long long institution = institution_id, id = application_id, at = now;
    sql << "UPDATE applications SET full_name = :name, email = :email, phone = :phone, updated_at = :at"
           " WHERE institution_id = :institution AND id = :id",
        soci::use(full_name), soci::use(email), soci::use(phone), soci::use(at), soci::use(institution),
        soci::use(id);
}

void mark_deletion_requested(soci::session& sql, std::int64_t institution_id, std::int64_t application_id,
                             core::UnixTime now)
{
    long long institution = institution_id, id = application_id, at = now;
    sql << "UPDATE applications SET deletion_requested_at = COALESCE(deletion_requested_at, :at)"
           " WHERE institution_id = :institution AND id = :id",
        soci::use(at), soci::use(institution), soci::use(id);
}

void lock(soci::session& sql, std::int64_t institution_id, std::int64_t application_id)
{
    long long institution = institution_id, id = application_id;
    // SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL locks the row.
    if (sql.get_backend_name() == "postgresql")
        sql << "SELECT id FROM applications WHERE institution_id = :institution AND id = :id FOR UPDATE",
            soci::use(institution), soci::use(id);
}

void add_link(soci::session& sql, std::int64_t application_id, const std::string& token_hash,
              core::UnixTime now, core::UnixTime expires_at)
{
    long long application = application_id, created = now, expires = expires_at;
    sql << "INSERT INTO application_links (application_id, token_hash, created_at, expires_at)"
           " VALUES (:application, :hash, :created, :expires)",
        soci::use(application), soci::use(token_hash), soci::use(created), soci::use(expires);
}

std::optional<LinkTarget> find_link(soci::session& sql, const std::string& token_hash, core::UnixTime now)
{
    long long institution = 0, application = 0, at = now;
    sql << "SELECT a.institution_id, a.id FROM application_links l JOIN applications a ON a.id = "
           "l.application_id"
           " WHERE l.token_hash = :hash AND l.expires_at > :now",
        soci::use(token_hash), soci::use(at), soci::into(institution), soci::into(application);
    if (!sql.got_data())
        return std::nullopt;
    return LinkTarget{institution, application};
}

std::vector<LinkTarget> by_email(soci::session& sql, const std::string& email)
{
    std::vector<LinkTarget> targets;
    long long institution = 0, application = 0;
    soci::statement statement =
        (sql.prepare << "SELECT institution_id, id FROM applications WHERE email = :email"
                        " AND status NOT IN ('withdrawn', 'hired', 'rejected') ORDER BY id LIMIT 20",
         soci::use(email), soci::into(institution), soci::into(application));
    statement.execute();
    while (statement.fetch())
        targets.push_back({institution, application});
    return targets;
}

void log_access(soci::session& sql, const domain::AccessLogEntry& entry)
{
    long long institution = entry.institution_id, case_id = entry.case_id, application = entry.application_id,
              at = entry.at;
    Optional attachment(entry.attachment_id), user(entry.user_id);
    sql << "INSERT INTO access_log (institution_id, case_id, application_id, attachment_id, user_id, action,"
           " client_ip, at) VALUES (:institution, :case_id, :application, :attachment, :user, :action, :ip, "
           ":at)",
        soci::use(institution), soci::use(case_id), soci::use(application),
        soci::use(attachment.value, attachment.indicator), soci::use(user.value, user.indicator),
        soci::use(entry.action), soci::use(entry.client_ip), soci::use(at);
}

std::vector<domain::AccessLogEntry> access_log(soci::session& sql, std::int64_t institution_id,
                                               std::optional<std::int64_t> application_id, int limit)
{
    std::vector<domain::AccessLogEntry> entries;
    domain::AccessLogEntry entry;
    long long institution = institution_id, id = 0, case_id = 0, application = 0, at = 0;
    long long wanted = application_id.value_or(0);
    Nullable<long long> attachment, user;
    int every = application_id ? 0 : 1;
    soci::statement statement =
        (sql.prepare
             << "SELECT l.id, l.case_id, l.application_id, l.attachment_id, l.user_id,"
                " COALESCE(u.name, ''), l.action, l.client_ip, l.at FROM access_log l"
                " LEFT JOIN users u ON u.id = l.user_id WHERE l.institution_id = :institution"
                " AND (l.application_id = :wanted OR :every = 1) ORDER BY l.at DESC, l.id DESC LIMIT :limit",
         soci::use(institution), soci::use(wanted), soci::use(every), soci::use(limit), soci::into(id),
         soci::into(case_id), soci::into(application), soci::into(attachment.value, attachment.indicator),
         soci::into(user.value, user.indicator), soci::into(entry.user_name), soci::into(entry.action),
         soci::into(entry.client_ip), soci::into(at));
    statement.execute();
    while (statement.fetch()) {
        entry.id = id;
        entry.institution_id = institution_id;
        entry.case_id = case_id;
        entry.application_id = application;
        entry.attachment_id = attachment.get();
        entry.user_id = user.get();
        entry.at = at;
        entries.push_back(entry);
    }
    return entries;
}

} // namespace rekrut::store::applications
