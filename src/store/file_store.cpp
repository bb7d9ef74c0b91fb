#include "store/file_store.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <soci/soci.h>
#include <unistd.h>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/secret_stream.hpp"
#include "core/text.hpp"
#include "store/binary.hpp"
#include "store/database.hpp"

namespace rekrut::store {
namespace {

constexpr std::size_t k_data_key_bytes = core::StreamEncryptor::key_bytes;
constexpr std::size_t k_chunk_bytes_of_replacement = DatabaseFileStore::k_chunk_bytes;

// Authenticated with every chunk and with the sealed text, so that bytes moved from one attachment
// to another (of the same application, under the same key) do not decrypt there.
std::string chunk_context(std::int64_t attachment_id)
{
    return "rekrut attachment " + std::to_string(attachment_id);
}

std::string text_context(std::int64_t attachment_id)
{
    return "rekrut attachment text " + std::to_string(attachment_id);
}

/// The file cannot be read back: its key is gone or wrong, or its bytes were altered or lost. The
/// message is for logs; pages show their own.
core::Error unreadable(std::int64_t attachment_id, const std::string& why)
{
    return core::Error{core::ErrorKind::unavailable,
                       "attachment " + std::to_string(attachment_id) + " cannot be decrypted: " + why,
                       {}};
}

/// One encrypted chunk of an attachment, bound as binary on both databases (the bulk of every upload).
void write_chunk(const Transaction& transaction, long long attachment_id, int seq,
                 std::string_view ciphertext)
{
    binary::insert_row(transaction, "attachment_chunks", {{"attachment_id", attachment_id}, {"seq", seq}},
                       "data", ciphertext);
}

/// Media types that hold no text to extract.
bool has_no_text(std::string_view media_type)
{
    std::string type = core::ascii_lower(core::trim(media_type));
    return type == "image/jpeg" || type == "image/png";
}

constexpr const char* k_attachment_columns =
    "SELECT id, institution_id, application_id, kind, filename, media_type, size, chunk_count, text_status,"
    " text_error, created_at FROM application_attachments ";

struct AttachmentRow {
    long long id = 0, institution = 0, application = 0, size = 0, created = 0;
    int chunks = 0;
    AttachmentInfo info;
    template <typename Statement> void bind(Statement& statement)
    {
        statement, soci::into(id), soci::into(institution), soci::into(application), soci::into(info.kind),
            soci::into(info.filename), soci::into(info.media_type), soci::into(size), soci::into(chunks),
            soci::into(info.text_status), soci::into(info.text_error), soci::into(created);
    }
    AttachmentInfo record() const
    {
        AttachmentInfo copy = info;
        copy.id = id;
        copy.institution_id = institution;
        copy.application_id = application;
        copy.size = size;
        copy.chunk_count = chunks;
        copy.created_at = created;
        return copy;
    }
};

template <typename Prepared> std::vector<AttachmentInfo> fetch_attachments(Prepared&& prepared)
{
    std::vector<AttachmentInfo> found;
    AttachmentRow row;
    row.bind(prepared);
    soci::statement statement(prepared);
    statement.execute();
    while (statement.fetch())
        found.push_back(row.record());
    return found;
}

/// On PostgreSQL, locks the attachment rows about to be removed before their texts are: the text
/// extraction may be storing a text for one of them at this moment (see attachment_present), and
/// the removal must either wait for that text and remove it too or make the extraction find the
/// attachment gone. (SQLite has one writer at a time.)
void lock_for_removal(Transaction& transaction, const std::string& owned, long long first, long long second)
{
    if (transaction.dialect() != Dialect::postgresql)
        return;
    soci::session& sql = transaction;
    long long count = 0;
    sql << "SELECT count(*) FROM (SELECT id FROM application_attachments WHERE id IN " + owned +
               " FOR UPDATE) AS locked",
        soci::use(first), soci::use(second), soci::into(count);
}

} // namespace

core::Result<std::int64_t> DatabaseFileStore::put(Transaction& transaction, const NewFile& file,
                                                  std::string_view data_key)
{
    if (data_key.size() != k_data_key_bytes)
        return core::Error{core::ErrorKind::invalid, "a data key has 32 bytes", {}};
    std::ifstream source(file.source_path, std::ios::binary);
    if (!source)
        return core::Error{
            core::ErrorKind::unavailable, "the spooled file " + file.source_path + " cannot be opened", {}};
    soci::session& sql = transaction;
    core::StreamEncryptor encryptor(data_key);

    // The row first, so that its id can be bound into every chunk; size and count follow at the end.
    long long id = 0, institution = file.institution_id, application = file.application_id;
    long long created = file.created_at != 0 ? file.created_at : core::now();
    std::string text_status = has_no_text(file.media_type) ? "none" : "pending";
    binary::Value header(transaction, encryptor.header());
    sql << "INSERT INTO application_attachments (institution_id, application_id, kind, filename, media_type, "
           "size,"
           " stream_header, chunk_count, text_status, created_at) VALUES (:institution, :application, :kind,"
           " :filename, :media_type, 0, " +
               header.sql("header") + ", 0, :text_status, :created) RETURNING id",
        soci::use(institution), soci::use(application), soci::use(file.kind), soci::use(file.filename),
        soci::use(file.media_type), header.use(), soci::use(text_status), soci::use(created), soci::into(id);

    // One plaintext piece in memory at a time; peeking one byte ahead tells whether it is the last.
    std::string piece(k_chunk_bytes, '\0');
    std::string context = chunk_context(id);
    long long size = 0;
    int seq = 0;
    for (bool last = false; !last; ++seq) {
        source.read(piece.data(), static_cast<std::streamsize>(piece.size()));
        auto got = static_cast<std::size_t>(source.gcount());
        if (source.bad())
            return core::Error{core::ErrorKind::unavailable,
                               "the spooled file " + file.source_path + " could not be read",
                               {}};
        last = source.eof() || source.peek() == std::char_traits<char>::eof();
        if (source.bad())
            return core::Error{core::ErrorKind::unavailable,
                               "the spooled file " + file.source_path + " could not be read",
                               {}};
        write_chunk(transaction, id, seq, encryptor.push(std::string_view(piece.data(), got), last, context));
        size += static_cast<long long>(got);
    }
    sql << "UPDATE application_attachments SET size = :size, chunk_count = :count WHERE id = :id",
        soci::use(size), soci::use(seq), soci::use(id);
    return static_cast<std::int64_t>(id);
}

void replace_attachment_content(Transaction& transaction, std::int64_t attachment_id,
                                const std::string& filename, const std::string& media_type,
                                std::string_view bytes, std::string_view data_key)
{
    soci::session& sql = transaction;
    core::StreamEncryptor encryptor(data_key);
    long long id = attachment_id;
    sql << "DELETE FROM attachment_chunks WHERE attachment_id = :id", soci::use(id);
    sql << "DELETE FROM attachment_texts WHERE attachment_id = :id", soci::use(id);
    int seq = 0;
    std::string context = chunk_context(attachment_id);
    for (std::size_t offset = 0; offset < bytes.size() || seq == 0; ++seq) {
        auto piece = bytes.substr(offset, k_chunk_bytes_of_replacement);
        offset += piece.size();
        write_chunk(transaction, id, seq, encryptor.push(piece, offset >= bytes.size(), context));
    }
    binary::Value header(transaction, encryptor.header());
    long long size = static_cast<long long>(bytes.size());
    sql << "UPDATE application_attachments SET filename = :filename, media_type = :media_type, size = :size,"
           " chunk_count = :count, stream_header = " +
               header.sql("header") + ", text_status = 'pending', text_error = '' WHERE id = :id",
        soci::use(filename), soci::use(media_type), soci::use(size), soci::use(seq), header.use(),
        soci::use(id);
}

core::Status DatabaseFileStore::read(Session& session, std::int64_t institution_id,
                                     std::int64_t attachment_id, std::string_view data_key,
                                     const std::function<void(std::string_view)>& sink)
{
    soci::session& sql = session;
    long long id = attachment_id, institution = institution_id, size = 0;
    int chunk_count = 0;
    binary::Column header(session);
    sql << "SELECT " + header.sql("stream_header") +
               ", chunk_count, size FROM application_attachments WHERE id = :id AND institution_id = "
               ":institution",
        header.into(), soci::into(chunk_count), soci::into(size), soci::use(id), soci::use(institution);
    if (!sql.got_data())
        return core::Error::not_found();
    auto stream_header = header.bytes();
    auto decryptor = core::StreamDecryptor::start(data_key, stream_header.value_or(""));
    if (!decryptor)
        return unreadable(attachment_id, "the key or the stream header has the wrong size");

    // One SELECT per chunk, in order: never more than a chunk at once.
    std::string context = chunk_context(attachment_id);
    long long total = 0;
    for (int seq = 0; seq < chunk_count; ++seq) {
        auto row =
            binary::select_bytes(session, "attachment_chunks", "data", {{"attachment_id", id}, {"seq", seq}});
        if (!row)
            return unreadable(attachment_id, "chunk " + std::to_string(seq) + " is missing");
        const auto& ciphertext = *row;
        if (!ciphertext)
            return unreadable(attachment_id, "chunk " + std::to_string(seq) + " is NULL");
        auto plaintext = decryptor->pull(*ciphertext, context);
        if (!plaintext)
            return unreadable(attachment_id, "chunk " + std::to_string(seq) + " does not authenticate");
        if (decryptor->finished() && seq + 1 < chunk_count)
            return unreadable(attachment_id, "the stream ends before chunk " + std::to_string(seq + 1));
        total += static_cast<long long>(plaintext->size());
        sink(*plaintext);
    }
    if (!decryptor->finished())
        return unreadable(attachment_id, "the stream was cut off (no final chunk)");
    if (total != size)
        return unreadable(attachment_id, "the size does not match");
    return core::success();
}

void DatabaseFileStore::remove(Transaction& transaction, std::int64_t institution_id,
                               std::int64_t attachment_id)
{
    soci::session& sql = transaction;
    long long id = attachment_id, institution = institution_id;
    const std::string owned =
        "(SELECT id FROM application_attachments WHERE id = :id AND institution_id = :i)";
    lock_for_removal(transaction, owned, id, institution);
    sql << "DELETE FROM attachment_chunks WHERE attachment_id IN " + owned, soci::use(id),
        soci::use(institution);
    sql << "DELETE FROM attachment_texts WHERE attachment_id IN " + owned, soci::use(id),
        soci::use(institution);
    sql << "DELETE FROM application_attachments WHERE id = :id AND institution_id = :i", soci::use(id),
        soci::use(institution);
}

void DatabaseFileStore::remove_all(Transaction& transaction, std::int64_t institution_id,
                                   std::int64_t application_id)
{
    soci::session& sql = transaction;
    long long application = application_id, institution = institution_id;
    const std::string owned =
        "(SELECT id FROM application_attachments WHERE application_id = :a AND institution_id = :i)";
    lock_for_removal(transaction, owned, application, institution);
    sql << "DELETE FROM attachment_chunks WHERE attachment_id IN " + owned, soci::use(application),
        soci::use(institution);
    sql << "DELETE FROM attachment_texts WHERE attachment_id IN " + owned, soci::use(application),
        soci::use(institution);
    sql << "DELETE FROM application_attachments WHERE application_id = :a AND institution_id = :i",
        soci::use(application), soci::use(institution);
}

void DatabaseFileStore::put_text(Transaction& transaction, std::int64_t attachment_id, std::string_view text,
                                 std::string_view data_key)
{
    soci::session& sql = transaction;
    long long id = attachment_id;
    binary::Value sealed(transaction, core::seal_with_key(data_key, text, text_context(attachment_id)));
    sql << "INSERT INTO attachment_texts (attachment_id, sealed_text) VALUES (:id, " + sealed.sql("sealed") +
               ") ON CONFLICT (attachment_id) DO UPDATE SET sealed_text = excluded.sealed_text",
        soci::use(id), sealed.use();
}

std::optional<std::string> DatabaseFileStore::read_text(Session& session, std::int64_t attachment_id,
                                                        std::string_view data_key)
{
    soci::session& sql = session;
    long long id = attachment_id;
    binary::Column sealed(session);
    sql << "SELECT " + sealed.sql("sealed_text") + " FROM attachment_texts WHERE attachment_id = :id",
        sealed.into(), soci::use(id);
    if (!sql.got_data())
        return std::nullopt;
    auto bytes = sealed.bytes();
    if (!bytes)
        return std::nullopt;
    return core::open_with_key(data_key, *bytes, text_context(attachment_id));
}

core::Status FileStore::copy_to_file(Session& session, std::int64_t institution_id,
                                     std::int64_t attachment_id, std::string_view data_key,
                                     const std::string& path)
{
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return core::Error{
            core::ErrorKind::unavailable, "cannot create " + path + ": " + std::strerror(errno), {}};
    std::string write_error;
    auto status = read(session, institution_id, attachment_id, data_key, [&](std::string_view piece) {
        while (write_error.empty() && !piece.empty()) {
            ssize_t written = ::write(fd, piece.data(), piece.size());
            if (written < 0 && errno == EINTR)
                continue;
            if (written <= 0) {
                write_error = "cannot write " + path + ": " + std::strerror(errno);
                break;
            }
            piece.remove_prefix(static_cast<std::size_t>(written));
        }
    });
    if (::close(fd) != 0 && write_error.empty())
        write_error = "cannot write " + path + ": " + std::strerror(errno);
    if (status && !write_error.empty())
        status = core::Error{core::ErrorKind::unavailable, write_error, {}};
    if (!status)
        ::unlink(path.c_str());
    return status;
}

namespace application_keys {

std::string create(Transaction& transaction, std::int64_t application_id)
{
    soci::session& sql = transaction;
    std::string data_key = core::random_bytes(k_data_key_bytes);
    binary::Value wrapped(transaction, transaction.secret_key().wrap_data_key(data_key));
    long long application = application_id;
    sql << "INSERT INTO application_keys (application_id, wrapped_key) VALUES (:application, " +
               wrapped.sql("wrapped") + ")",
        soci::use(application), wrapped.use();
    return data_key;
}

std::optional<std::string> load(Session& session, std::int64_t application_id)
{
    soci::session& sql = session;
    long long application = application_id;
    binary::Column wrapped(session);
    sql << "SELECT " + wrapped.sql("wrapped_key") +
               " FROM application_keys WHERE application_id = :application",
        wrapped.into(), soci::use(application);
    if (!sql.got_data())
        return std::nullopt;
    auto bytes = wrapped.bytes();
    if (!bytes)
        return std::nullopt;
    return session.secret_key().unwrap_data_key(*bytes);
}

void destroy(Transaction& transaction, std::int64_t application_id)
{
    soci::session& sql = transaction;
    long long application = application_id;
    sql << "DELETE FROM application_keys WHERE application_id = :application", soci::use(application);
}

} // namespace application_keys

std::optional<AttachmentInfo> find_attachment(Session& session, std::int64_t institution_id,
                                              std::int64_t attachment_id)
{
    soci::session& sql = session;
    long long id = attachment_id, institution = institution_id;
    auto found = fetch_attachments((sql.prepare << std::string(k_attachment_columns) +
                                                       "WHERE id = :id AND institution_id = :institution",
                                    soci::use(id), soci::use(institution)));
    if (found.empty())
        return std::nullopt;
    return std::move(found.front());
}

std::vector<AttachmentInfo> list_attachments(Session& session, std::int64_t institution_id,
                                             std::int64_t application_id)
{
    soci::session& sql = session;
    long long application = application_id, institution = institution_id;
    return fetch_attachments((sql.prepare << std::string(k_attachment_columns) +
                                                 "WHERE application_id = :application AND institution_id ="
                                                 " :institution ORDER BY id",
                              soci::use(application), soci::use(institution)));
}

std::vector<AttachmentInfo> pending_text_attachments(Session& session, int limit)
{
    soci::session& sql = session;
    return fetch_attachments(
        (sql.prepare << std::string(k_attachment_columns) +
                            "WHERE text_status = 'pending' AND EXISTS (SELECT 1 FROM"
                            " application_keys k WHERE k.application_id ="
                            " application_attachments.application_id) ORDER BY id LIMIT :limit",
         soci::use(limit)));
}

std::vector<std::pair<std::int64_t, std::int64_t>> pending_texts(Session& session, int limit)
{
    std::vector<std::pair<std::int64_t, std::int64_t>> pending;
    for (const auto& attachment : pending_text_attachments(session, limit))
        pending.emplace_back(attachment.id, attachment.application_id);
    return pending;
}

bool attachment_present(Transaction& transaction, std::int64_t attachment_id)
{
    soci::session& sql = transaction;
    long long id = attachment_id, found = 0;
    sql << std::string("SELECT id FROM application_attachments WHERE id = :id") +
               (transaction.dialect() == Dialect::postgresql ? " FOR KEY SHARE" : ""),
        soci::use(id), soci::into(found);
    return sql.got_data();
}

void mark_text(Transaction& transaction, std::int64_t attachment_id, const std::string& status,
               const std::string& error)
{
    soci::session& sql = transaction;
    long long id = attachment_id;
    sql << "UPDATE application_attachments SET text_status = :status, text_error = :error WHERE id = :id",
        soci::use(status), soci::use(error), soci::use(id);
}

} // namespace rekrut::store
