#pragma once

#include <cstdint>
#include <string>

namespace rekrut::store {
class Database;
class FileStore;
class Transaction;
} // namespace rekrut::store

namespace rekrut::domain {
struct ApplicationRecord;
}

namespace rekrut::services {

/// The background work on attachments: their text is extracted (PDF, DOCX, ODT, RTF, TXT), stored
/// encrypted beside the file, and the application's search entry is made anew with it. A file whose
/// text cannot be read is marked so, with the reason; the application is never affected.
class AttachmentTexts {
public:
    AttachmentTexts(store::Database& database, store::FileStore& files, std::string spool_dir);

    /// Extracts the text of up to `limit` waiting attachments; returns how many were handled.
    int extract_pending(int limit);

private:
    store::Database& m_database;
    store::FileStore& m_files;
    std::string m_spool_dir;
};

namespace applications {
/// Makes the application's search entry anew from its fields, answers and the texts extracted from
/// its attachments so far.
void reindex(store::Transaction& transaction, store::FileStore& files,
             const domain::ApplicationRecord& application);
} // namespace applications

} // namespace rekrut::services
