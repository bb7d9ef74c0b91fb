#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace rekrut::store {

class Session;
class Transaction;

/// A file to be stored for an application: its metadata and where the HTTP layer spooled it.
struct NewFile {
    std::int64_t institution_id = 0;
    std::int64_t application_id = 0;
    std::string kind; ///< cover_letter | cv | other
    std::string filename;
    std::string media_type;
    std::string source_path;
    std::int64_t created_at = 0; ///< Unix seconds; 0 for now.
};

/// Where the bytes of applications' files live, encrypted (XChaCha20-Poly1305 secretstream) under
/// each application's data key. Services see only this interface, so that an object store can take
/// the database's place without touching them.
class FileStore {
public:
    virtual ~FileStore() = default;
    /// Streams the file at `source_path` into storage, encrypted under `data_key`, inside the
    /// caller's transaction; returns the attachment's id. Never holds the whole file in memory.
    virtual core::Result<std::int64_t> put(Transaction& transaction, const NewFile& file,
                                           std::string_view data_key) = 0;
    /// Streams the decrypted bytes of one attachment to `sink`, piece by piece. An error when the
    /// attachment is not the institution's, the key is wrong or a chunk was altered or is missing.
    virtual core::Status read(Session& session, std::int64_t institution_id, std::int64_t attachment_id,
                              std::string_view data_key,
                              const std::function<void(std::string_view)>& sink) = 0;
    /// Deletes one attachment (its bytes and its text).
    virtual void remove(Transaction& transaction, std::int64_t institution_id,
                        std::int64_t attachment_id) = 0;
    /// Deletes every file of the application (bytes and texts).
    virtual void remove_all(Transaction& transaction, std::int64_t institution_id,
                            std::int64_t application_id) = 0;
    /// Stores the text extracted from an attachment, encrypted under the data key (replacing any).
    virtual void put_text(Transaction& transaction, std::int64_t attachment_id, std::string_view text,
                          std::string_view data_key) = 0;
    /// The extracted text; nullopt when there is none or it cannot be decrypted.
    virtual std::optional<std::string> read_text(Session& session, std::int64_t attachment_id,
                                                 std::string_view data_key) = 0;

    /// Decrypts one attachment into the file at `path` (created or truncated, mode 0600), for the
    /// text extractor. On any error the file is removed and the error returned.
    core::Status copy_to_file(Session& session, std::int64_t institution_id, std::int64_t attachment_id,
                              std::string_view data_key, const std::string& path);
};

/// The default file store: the database itself, in rows of 256 KiB of ciphertext
/// (attachment_chunks), so that an application and its files commit, back up and are deleted together.
class DatabaseFileStore final : public FileStore {
public:
    static constexpr std::size_t k_chunk_bytes = std::size_t{256} * 1024;

    core::Result<std::int64_t> put(Transaction& transaction, const NewFile& file,
                                   std::string_view data_key) override;
    core::Status read(Session& session, std::int64_t institution_id, std::int64_t attachment_id,
                      std::string_view data_key, const std::function<void(std::string_view)>& sink) override;
    void remove(Transaction& transaction, std::int64_t institution_id, std::int64_t attachment_id) override;
    void remove_all(Transaction& transaction, std::int64_t institution_id,
                    std::int64_t application_id) override;
    void put_text(Transaction& transaction, std::int64_t attachment_id, std::string_view text,
                  std::string_view data_key) override;
    std::optional<std::string> read_text(Session& session, std::int64_t attachment_id,
                                         std::string_view data_key) override;
};

/// Replaces an attachment's bytes, name and media type in place (same id), encrypted under `data_key`
/// (for an anonymised copy, whose files become synthetic ones). The extracted text is left to
/// put_text and mark_text.
void replace_attachment_content(Transaction& transaction, std::int64_t attachment_id,
                                const std::string& filename, const std::string& media_type,
                                std::string_view bytes, std::string_view data_key);

/// The per-application data keys, stored wrapped by a key derived from the installation's secret key.
namespace application_keys {
/// Makes a random 32-byte data key for the application, stores it wrapped and returns it.
std::string create(Transaction& transaction, std::int64_t application_id);
/// The application's data key; nullopt when it was destroyed (the application is being erased) or
/// was wrapped under another installation key.
std::optional<std::string> load(Session& session, std::int64_t application_id);
/// Deletes the wrapped key: from then on the application's files and texts cannot be decrypted.
void destroy(Transaction& transaction, std::int64_t application_id);
} // namespace application_keys

/// An attachment's metadata (application_attachments without its bytes).
struct AttachmentInfo {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::int64_t application_id = 0;
    std::string kind;
    std::string filename;
    std::string media_type;
    std::int64_t size = 0;
    int chunk_count = 0;
    std::string text_status; ///< pending | done | failed | none
    std::string text_error;
    std::int64_t created_at = 0;
};

/// The institution's attachment; nullopt when there is none of that id in the institution.
std::optional<AttachmentInfo> find_attachment(Session& session, std::int64_t institution_id,
                                              std::int64_t attachment_id);
/// The application's attachments in the order they were stored.
std::vector<AttachmentInfo> list_attachments(Session& session, std::int64_t institution_id,
                                             std::int64_t application_id);

/// Attachments whose text is still to be extracted (text_status pending), oldest first, across
/// institutions, as (attachment id, application id). Those of an application whose key was
/// destroyed are left out: they are about to be deleted and cannot be decrypted.
std::vector<std::pair<std::int64_t /*attachment*/, std::int64_t /*application*/>>
pending_texts(Session& session, int limit);
/// The same, with each attachment's metadata (institution and media type, for the extractor).
std::vector<AttachmentInfo> pending_text_attachments(Session& session, int limit);
/// Whether the attachment still exists; on PostgreSQL it then cannot be removed until the
/// transaction ends (a removal in progress is waited for, and then it is gone). For storing an
/// extracted text, which is read outside any transaction while the applicant may replace the file.
bool attachment_present(Transaction& transaction, std::int64_t attachment_id);
/// Records the outcome of extracting an attachment's text: `status` done | failed | none, `error` the
/// reason of a failure ("" otherwise). put_text does not change the status; call this after it.
void mark_text(Transaction& transaction, std::int64_t attachment_id, const std::string& status,
               const std::string& error);

} // namespace rekrut::store
