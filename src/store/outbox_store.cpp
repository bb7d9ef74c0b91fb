#include "store/outbox_store.hpp"

#include <soci/soci.h>

#include "store/database.hpp"

namespace rekrut::store::outbox {
namespace {

constexpr const char* k_columns =
    "SELECT id, institution_id, recipient, subject, body_text, body_html, created_at,"
    " attempts, next_attempt_at, sent_at, last_error FROM outbox ";

struct OutboxRow {
    long long id = 0, institution = 0, created = 0, next = 0, sent = 0;
    int attempts = 0;
    soci::indicator institution_null = soci::i_ok, sent_null = soci::i_ok;
    OutboxMessage message;
    template <typename Statement> void bind(Statement& statement)
    {
        statement, soci::into(id), soci::into(institution, institution_null), soci::into(message.recipient),
            soci::into(message.subject), soci::into(message.body_text), soci::into(message.body_html),
            soci::into(created), soci::into(attempts), soci::into(next), soci::into(sent, sent_null),
            soci::into(message.last_error);
    }
    OutboxMessage record() const
    {
        OutboxMessage copy = message;
        copy.id = id;
        copy.institution_id =
            institution_null == soci::i_ok ? std::optional<std::int64_t>(institution) : std::nullopt;
        copy.created_at = created;
        copy.attempts = attempts;
        copy.next_attempt_at = next;
        copy.sent_at = sent_null == soci::i_ok ? std::optional<core::UnixTime>(sent) : std::nullopt;
        return copy;
    }
};

} // namespace

std::int64_t enqueue(Transaction& transaction, const OutboxMessage& message)
{
    soci::session& sql = transaction;
    const auto& key = transaction.secret_key();
    std::string text = key.seal(message.body_text), html = key.seal(message.body_html);
    long long id = 0, institution = message.institution_id.value_or(0), created = message.created_at;
    soci::indicator institution_null = message.institution_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO outbox (institution_id, recipient, subject, body_text, body_html, created_at,"
           " next_attempt_at) VALUES (:institution, :recipient, :subject, :text, :html, :created, :next) "
           "RETURNING id",
        soci::use(institution, institution_null), soci::use(message.recipient), soci::use(message.subject),
        soci::use(text), soci::use(html), soci::use(created), soci::use(created), soci::into(id);
    return id;
}

std::vector<OutboxMessage> claim_due(Transaction& transaction, core::UnixTime now, int limit,
                                     int lease_seconds)
{
    soci::session& sql = transaction;
    std::vector<OutboxMessage> due;
    {
        long long at = now;
        OutboxRow row;
        auto prepared =
            (sql.prepare << std::string(k_columns) +
                                "WHERE sent_at IS NULL AND next_attempt_at <= :now AND claimed_until < :now2"
                                " ORDER BY id LIMIT :limit",
             soci::use(at), soci::use(at), soci::use(limit));
        row.bind(prepared);
        soci::statement statement(prepared);
        statement.execute();
        while (statement.fetch())
            due.push_back(row.record());
    }
    std::vector<OutboxMessage> claimed;
    for (auto& message : due) {
        long long id = message.id, at = now, until = now + lease_seconds;
        soci::statement claim = (sql.prepare << "UPDATE outbox SET claimed_until = :until WHERE id = :id AND"
                                                " sent_at IS NULL AND claimed_until < :now",
                                 soci::use(until), soci::use(id), soci::use(at));
        claim.execute(true);
        if (claim.get_affected_rows() != 1)
            continue;
        auto text = transaction.secret_key().open(message.body_text);
        auto html = transaction.secret_key().open(message.body_html);
        message.body_unreadable = !text || !html;
        message.body_text = text.value_or("");
        message.body_html = html.value_or("");
        claimed.push_back(std::move(message));
    }
    return claimed;
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
           ":error"
           " WHERE id = :id",
        soci::use(attempts), soci::use(next), soci::use(error), soci::use(key);
}

std::vector<OutboxMessage> recent(soci::session& sql, int limit)
{
    std::vector<OutboxMessage> found;
    OutboxRow row;
    auto prepared =
        (sql.prepare << "SELECT id, institution_id, recipient, subject, '', '', created_at, attempts,"
                        " next_attempt_at, sent_at, last_error FROM outbox ORDER BY id DESC LIMIT :limit",
         soci::use(limit));
    row.bind(prepared);
    soci::statement statement(prepared);
    statement.execute();
    while (statement.fetch())
        found.push_back(row.record());
    return found;
}

int purge_bodies(soci::session& sql, core::UnixTime delivered_before, core::UnixTime undelivered_before)
{
    long long delivered = delivered_before, undelivered = undelivered_before;
    soci::statement purge =
        (sql.prepare << "UPDATE outbox SET body_text = '', body_html = '' WHERE body_text <> '' AND"
                        " ((sent_at IS NOT NULL AND sent_at < :delivered) OR"
                        " (sent_at IS NULL AND created_at < :undelivered))",
         soci::use(delivered), soci::use(undelivered));
    purge.execute(true);
    return static_cast<int>(purge.get_affected_rows());
}

} // namespace rekrut::store::outbox
