#pragma once

#include <string>

#include "core/result.hpp"
#include "domain/application/application_records.hpp"

namespace rekrut::store {
class Session;
class FileStore;
} // namespace rekrut::store

namespace rekrut::services::applications {

/// What the export says about the position beside the application itself.
struct ExportContext {
    std::string case_title;
    std::string institution_name;
    std::vector<std::pair<std::string, std::string>> answers; ///< Question and answer, in order.
};

/// Writes everything held about one application to a new ZIP file in `spool_dir`: application.json
/// (the fields, consents, answers, status and the files' metadata) and each file under files/, as
/// the applicant sent it. The files are decrypted piece by piece into the archive, never whole in
/// memory. Returns the ZIP's path; the caller removes it.
core::Result<std::string> write_export(store::Session& session, store::FileStore& files,
                                       const domain::ApplicationRecord& application,
                                       const ExportContext& context, const std::string& spool_dir);

} // namespace rekrut::services::applications
