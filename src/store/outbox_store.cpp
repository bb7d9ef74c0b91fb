#include "store/outbox_store.hpp"

#include <soci/soci.h>
#include <stdexcept>

#include "core/crypto.hpp"
#include "core/secret_stream.hpp"
#include "core/text.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"

namespace rekrut::store::outbox {
namespace {

constexpr const char* k_columns =
    "SELECT id, institution_id, recipient, subject, body_text, body_html, created_at, attempts,"
    " next_attempt_at, sent_at, last_error, kind, case_id, application_id, mailing_id, message_id,"
    " sets_status, attachment_name, attachment_type, attachment, cancelled_at FROM outbox ";
/// The same without the bodies and the attachment, for delivery metadata.
constexpr const char* k_metadata_columns =
    "SELECT id, institution_id, recipient, subject, '', '', created_at, attempts,"
    " next_attempt_at, sent_at, last_error, kind, case_id, application_id, mailing_id, message_id,"
    " sets_status, attachment_name, attachment_type, '', cancelled_at FROM outbox ";

/// Bodies of mails about an application: "app1:" + hex(sealed under the application's data key).
constexpr std::string_view k_application_sealed = "app1:";

struct Optional {
    long long value = 0;
    soci::indicator indicator = soci::i_ok;
    std::optional<std::int64_t> get() const
    {
        return indicator == soci::i_ok ? std::optional<std::int64_t>(value) : std::nullopt;
    }
};

struct OutboxRow {
    long long id = 0, created = 0, next = 0;
    int attempts = 0;
    Optional institution, sent, case_id, application, mailing, cancelled;
    OutboxMessage message;
    template <typename Statement> void bind(Statement& statement)
    {
        statement, soci::into(id), soci::into(institution.value, institution.indicator),
            soci::into(message.recipient), soci::into(message.subject), soci::into(message.body_text),
            soci::into(message.body_html), soci::into(created), soci::into(attempts), soci::into(next),
            soci::into(sent.value, sent.indicator), soci::into(message.last_error), soci::into(message.kind),
            soci::into(case_id.value, case_id.indicator),
            soci::into(application.value, application.indicator),
            soci::into(mailing.value, mailing.indicator), soci::into(message.message_id),
            soci::into(message.sets_status), soci::into(message.attachment_name),
            soci::into(message.attachment_type), soci::into(message.attachment),
            soci::into(cancelled.value, cancelled.indicator);
    }
    OutboxMessage record() const
    {
        OutboxMessage copy = message;
        copy.id = id;
        copy.institution_id = institution.get();
        copy.created_at = created;
        copy.attempts = attempts;
        copy.next_attempt_at = next;
        copy.sent_at = sent.get();
        copy.case_id = case_id.get();
        copy.application_id = application.get();
        copy.mailing_id = mailing.get();
        copy.cancelled_at = cancelled.get();
        return copy;
    }
};

template <typename Bind>
std::vector<OutboxMessage> fetch_all(soci::session& sql, const std::string& query, Bind bind)
{
    std::vector<OutboxMessage> found;
    OutboxRow row;
    auto prepared = (sql.prepare << query);
    bind(prepared);
    row.bind(prepared);
    soci::statement statement(prepared);
    statement.execute();
    while (statement.fetch())
        found.push_back(row.record());
    return found;
}

std::string seal_for_application(const std::string& key, const std::string& plaintext)
{
    if (plaintext.empty())
        return {};
    return std::string(k_application_sealed) + core::to_hex(core::seal_with_key(key, plaintext));
}

/// Opens the bodies and attachment of `message` in place; false when one cannot be opened.
bool open_message(Session& session, OutboxMessage& message)
{
    std::optional<std::string> key;
    bool readable = true;
    auto open = [&](std::string& value) {
        if (value.empty())
            return;
        std::optional<std::string> opened;
        if (std::string_view(value).starts_with(k_application_sealed)) {
            if (!key && message.application_id)
                key = application_keys::load(session, *message.application_id);
            auto bytes = core::from_hex(std::string_view(value).substr(k_application_sealed.size()));
            if (key && bytes)
                opened = core::open_with_key(*key, *bytes);
        } else {
            opened = session.secret_key().open(value);
        }
        readable = readable && opened.has_value();
        value = opened.value_or("");
    };
    open(message.body_text);
    open(message.body_html);
    open(message.attachment);
    return readable;
}

} // namespace

std::int64_t enqueue(Transaction& transaction, const OutboxMessage& message)
{
    soci::session& sql = transaction;
    std::string text, html, attachment;
    if (message.application_id) {
        auto key = application_keys::load(transaction, *message.application_id);
        if (!key)
            throw std::runtime_error("the application's data key is gone; its mail cannot be stored");
        text = seal_for_application(*key, message.body_text);
        html = seal_for_application(*key, message.body_html);
        attachment = seal_for_application(*key, message.attachment);
    } else {
        const auto& key = transaction.secret_key();
        text = key.seal(message.body_text);
        html = key.seal(message.body_html);
        attachment = message.attachment.empty() ? std::string() : key.seal(message.attachment);
    }
    std::string message_id = message.message_id.empty() ? core::random_hex(16) : message.message_id;
    long long id = 0, created = message.created_at;
    Optional institution{message.institution_id.value_or(0),
                         message.institution_id ? soci::i_ok : soci::i_null};
    Optional case_id{message.case_id.value_or(0), message.case_id ? soci::i_ok : soci::i_null};
    Optional application{message.application_id.value_or(0),
                         message.application_id ? soci::i_ok : soci::i_null};
    Optional mailing{message.mailing_id.value_or(0), message.mailing_id ? soci::i_ok : soci::i_null};
    Optional cancelled{message.cancelled_at.value_or(0), message.cancelled_at ? soci::i_ok : soci::i_null};
    sql << "INSERT INTO outbox (institution_id, recipient, subject, body_text, body_html, created_at,"
           " next_attempt_at, last_error, kind, case_id, application_id, mailing_id, message_id, sets_status,"
           " attachment_name, attachment_type, attachment, cancelled_at) VALUES (:institution, :recipient,"
           " :subject, :text, :html, :created, :next, :error, :kind, :case_id, :application, :mailing,"
           " :message_id, :sets_status, :attachment_name, :attachment_type, :attachment, :cancelled)"
           " RETURNING id",
        soci::use(institution.value, institution.indicator), soci::use(message.recipient),
        soci::use(message.subject), soci::use(text), soci::use(html), soci::use(created), soci::use(created),
        soci::use(message.last_error), soci::use(message.kind), soci::use(case_id.value, case_id.indicator),
        soci::use(application.value, application.indicator), soci::use(mailing.value, mailing.indicator),
        soci::use(message_id), soci::use(message.sets_status), soci::use(message.attachment_name),
        soci::use(message.attachment_type), soci::use(attachment),
        soci::use(cancelled.value, cancelled.indicator), soci::into(id);
    return id;
}

std::vector<OutboxMessage> claim_due(Transaction& transaction, core::UnixTime now, int limit,
                                     int lease_seconds)
{
    soci::session& sql = transaction;
    long long at = now;
    auto due = fetch_all(sql,
                         std::string(k_columns) +
                             "WHERE sent_at IS NULL AND cancelled_at IS NULL AND next_attempt_at <= :now AND"
                             " claimed_until < :now2 ORDER BY id LIMIT :limit",
                         [&](auto& prepared) { prepared, soci::use(at), soci::use(at), soci::use(limit); });
    std::vector<OutboxMessage> claimed;
    for (auto& message : due) {
        long long id = message.id, until = now + lease_seconds;
        soci::statement claim =
            (sql.prepare << "UPDATE outbox SET claimed_until = :until WHERE id = :id AND"
                            " sent_at IS NULL AND cancelled_at IS NULL AND claimed_until < :now",
             soci::use(until), soci::use(id), soci::use(at));
        claim.execute(true);
        if (claim.get_affected_rows() != 1)
            continue;
        message.body_unreadable = !open_message(transaction, message);
        claimed.push_back(std::move(message));
    }
    return claimed;
}

void release_claims(soci::session& sql, const std::vector<std::int64_t>& ids, core::UnixTime claimed_until)
{
    long long until = claimed_until, id = 0;
    soci::statement release =
        (sql.prepare << "UPDATE outbox SET claimed_until = 0 WHERE id = :id AND sent_at IS NULL AND"
                        " claimed_until = :until",
         soci::use(id), soci::use(until));
    for (auto message : ids) {
        id = message;
        release.execute(true);
    }
}

void mark_sent(soci::session& sql, std::int64_t id, core::UnixTime now)
{
    long long key = id, at = now;
    sql << "UPDATE outbox SET sent_at = :at, attempts = attempts + 1, last_error = '' WHERE id = :id",
        soci::use(at), soci::use(key);
}

void mark_failed(soci::session& sql, std::int64_t id, int attempts, core::UnixTime next_attempt_at,
                 const std::string& error)
{
    long long key = id, next = next_attempt_at;
    sql << "UPDATE outbox SET attempts = :attempts, next_attempt_at = :next, claimed_until = 0, last_error = "
           ":error WHERE id = :id",
        soci::use(attempts), soci::use(next), soci::use(error), soci::use(key);
}

std::vector<OutboxMessage> recent(soci::session& sql, int limit)
{
    return fetch_all(sql, std::string(k_metadata_columns) + "ORDER BY id DESC LIMIT :limit",
                     [&](auto& prepared) { prepared, soci::use(limit); });
}

int purge_bodies(soci::session& sql, core::UnixTime delivered_before, core::UnixTime undelivered_before)
{
    long long delivered = delivered_before, undelivered = undelivered_before;
    soci::statement purge =
        (sql.prepare
             << "UPDATE outbox SET body_text = '', body_html = '', attachment = '' WHERE body_text <> ''"
                " AND application_id IS NULL AND ((sent_at IS NOT NULL AND sent_at < :delivered) OR"
                " (sent_at IS NULL AND created_at < :undelivered))",
         soci::use(delivered), soci::use(undelivered));
    purge.execute(true);
    return static_cast<int>(purge.get_affected_rows());
}

std::vector<OutboxMessage> for_application(Session& session, std::int64_t institution_id,
                                           std::int64_t application_id)
{
    long long institution = institution_id, application = application_id;
    auto found =
        fetch_all(session,
                  std::string(k_columns) +
                      "WHERE institution_id = :institution AND application_id = :application ORDER BY id",
                  [&](auto& prepared) { prepared, soci::use(institution), soci::use(application); });
    for (auto& message : found)
        message.body_unreadable = !open_message(session, message);
    return found;
}

std::optional<OutboxMessage> find(Session& session, std::int64_t institution_id, std::int64_t id)
{
    long long institution = institution_id, key = id;
    auto found =
        fetch_all(session, std::string(k_columns) + "WHERE institution_id = :institution AND id = :id",
                  [&](auto& prepared) { prepared, soci::use(institution), soci::use(key); });
    if (found.empty())
        return std::nullopt;
    found.front().body_unreadable = !open_message(session, found.front());
    return found.front();
}

std::vector<OutboxMessage> for_mailing(soci::session& sql, std::int64_t institution_id,
                                       std::int64_t mailing_id)
{
    long long institution = institution_id, mailing = mailing_id;
    return fetch_all(sql,
                     std::string(k_metadata_columns) +
                         "WHERE institution_id = :institution AND mailing_id = :mailing ORDER BY id",
                     [&](auto& prepared) { prepared, soci::use(institution), soci::use(mailing); });
}

int cancel_mailing(soci::session& sql, std::int64_t institution_id, std::int64_t mailing_id,
                   core::UnixTime now)
{
    long long institution = institution_id, mailing = mailing_id, at = now;
    soci::statement cancel =
        (sql.prepare << "UPDATE outbox SET cancelled_at = :at WHERE institution_id = :institution AND"
                        " mailing_id = :mailing AND sent_at IS NULL AND cancelled_at IS NULL",
         soci::use(at), soci::use(institution), soci::use(mailing));
    cancel.execute(true);
    return static_cast<int>(cancel.get_affected_rows());
}

bool is_cancelled(soci::session& sql, std::int64_t id)
{
    long long key = id, cancelled = 0;
    soci::indicator cancelled_null = soci::i_null;
    sql << "SELECT cancelled_at FROM outbox WHERE id = :id", soci::into(cancelled, cancelled_null),
        soci::use(key);
    return sql.got_data() && cancelled_null == soci::i_ok;
}

} // namespace rekrut::store::outbox

namespace rekrut::store::mailings {

std::int64_t create(soci::session& sql, const MailingRecord& mailing)
{
    long long id = 0, institution = mailing.institution_id, case_id = mailing.case_id,
              created_by = mailing.created_by, created = mailing.created_at;
    sql << "INSERT INTO mailings (institution_id, case_id, kind, created_by, created_at) VALUES "
           "(:institution,"
           " :case_id, :kind, :created_by, :created) RETURNING id",
        soci::use(institution), soci::use(case_id), soci::use(mailing.kind), soci::use(created_by),
        soci::use(created), soci::into(id);
    return id;
}

std::optional<MailingRecord> find(soci::session& sql, std::int64_t institution_id, std::int64_t case_id,
                                  std::int64_t mailing_id)
{
    long long id = 0, institution = institution_id, case_key = case_id, key = mailing_id, created_by = 0,
              created = 0, cancelled = 0;
    soci::indicator cancelled_null = soci::i_ok;
    MailingRecord mailing;
    sql << "SELECT id, kind, created_by, created_at, cancelled_at FROM mailings WHERE institution_id ="
           " :institution AND case_id = :case_id AND id = :id",
        soci::into(id), soci::into(mailing.kind), soci::into(created_by), soci::into(created),
        soci::into(cancelled, cancelled_null), soci::use(institution), soci::use(case_key), soci::use(key);
    if (!sql.got_data())
        return std::nullopt;
    mailing.id = id;
    mailing.institution_id = institution_id;
    mailing.case_id = case_id;
    mailing.created_by = created_by;
    mailing.created_at = created;
    if (cancelled_null == soci::i_ok)
        mailing.cancelled_at = cancelled;
    return mailing;
}

void mark_cancelled(soci::session& sql, std::int64_t institution_id, std::int64_t mailing_id,
                    core::UnixTime now)
{
    long long institution = institution_id, key = mailing_id, at = now;
    sql << "UPDATE mailings SET cancelled_at = :at WHERE institution_id = :institution AND id = :id AND"
           " cancelled_at IS NULL",
        soci::use(at), soci::use(institution), soci::use(key);
}

} // namespace rekrut::store::mailings
