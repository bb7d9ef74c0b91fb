#include "services/applications/applicant_export.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "core/clock.hpp"
#include "domain/application/file_rules.hpp"
#include "store/file_store.hpp"

namespace rekrut::services::applications {

namespace {

using Archive = std::unique_ptr<archive, decltype(&archive_write_free)>;

std::string optional_time(const std::optional<core::UnixTime>& at)
{
    return at ? core::format_iso_utc(*at) : "";
}

nlohmann::ordered_json summary(const domain::ApplicationRecord& application, const ExportContext& context)
{
    nlohmann::ordered_json json;
    json["reference"] = domain::application_reference(application);
    json["position"] = context.case_title;
    json["institution"] = context.institution_name;
    json["status"] = std::string(domain::to_string(application.status));
    json["received_at"] = core::format_iso_utc(application.received_at);
    json["received_by"] = std::string(domain::to_string(application.channel));
    json["full_name"] = application.full_name;
    json["email"] = application.email;
    json["phone"] = application.phone;
    json["address"] = {{"street", application.address},
                       {"postal_code", application.postal_code},
                       {"city", application.city}};
    json["cover_letter"] = application.cover_letter;
    json["consents"] = {{"processing", application.consent_processing},
                        {"keep_for_future_positions_until", optional_time(application.keep_until)},
                        {"contact_about_future_positions", application.consent_contact}};
    json["priority_access"] = application.priority_access;
    json["left_off_the_list_of_applicants"] = application.exclude_from_list;
    json["withdrawn_at"] = optional_time(application.withdrawn_at);
    json["deletion_requested_at"] = optional_time(application.deletion_requested_at);
    auto& answers = json["answers"] = nlohmann::ordered_json::array();
    for (const auto& [question, answer] : context.answers)
        answers.push_back({{"question", question}, {"answer", answer}});
    auto& files = json["files"] = nlohmann::ordered_json::array();
    for (const auto& attachment : application.attachments)
        files.push_back({{"name", attachment.filename},
                         {"path", "files/" + std::to_string(attachment.id) + "-" +
                                      domain::safe_download_name(attachment.filename)},
                         {"kind", std::string(domain::to_string(attachment.kind))},
                         {"media_type", attachment.media_type},
                         {"size", attachment.size}});
    return json;
}

bool add_entry(archive* zip, const std::string& name, std::int64_t size)
{
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(),
                                                                        archive_entry_free);
    archive_entry_set_pathname_utf8(entry.get(), name.c_str());
    archive_entry_set_size(entry.get(), size);
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    archive_entry_set_mtime(entry.get(), core::now(), 0);
    return archive_write_header(zip, entry.get()) == ARCHIVE_OK;
}

} // namespace

core::Result<std::string> write_export(store::Session& session, store::FileStore& files,
                                       const domain::ApplicationRecord& application,
                                       const ExportContext& context, const std::string& spool_dir)
{
    std::string path = spool_dir + "/rekrut-export-XXXXXX";
    int fd = ::mkstemp(path.data());
    if (fd < 0)
        throw core::Unavailable("cannot create a temporary file for an export");
    Archive zip(archive_write_new(), archive_write_free);
    archive_write_set_format_zip(zip.get());
    archive_write_set_options(zip.get(), "zip:compression=deflate");
    bool ok = archive_write_open_fd(zip.get(), fd) == ARCHIVE_OK;
    const auto json = summary(application, context).dump(2);
    ok = ok && add_entry(zip.get(), "application.json", static_cast<std::int64_t>(json.size())) &&
         archive_write_data(zip.get(), json.data(), json.size()) >= 0;
    auto key = store::application_keys::load(session, application.id);
    for (const auto& attachment : application.attachments) {
        if (!ok || !key)
            break;
        ok = add_entry(zip.get(),
                       "files/" + std::to_string(attachment.id) + "-" +
                           domain::safe_download_name(attachment.filename),
                       attachment.size);
        auto read =
            files.read(session, application.institution_id, attachment.id, *key, [&](std::string_view piece) {
                ok = ok && archive_write_data(zip.get(), piece.data(), piece.size()) >= 0;
            });
        ok = ok && read.ok();
    }
    ok = archive_write_close(zip.get()) == ARCHIVE_OK && ok && key.has_value();
    ::close(fd);
    if (!ok) {
        ::unlink(path.c_str());
        return core::Error::not_found();
    }
    return path;
}

} // namespace rekrut::services::applications
