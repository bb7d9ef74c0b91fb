#include "integrations/encrypted_zip.hpp"

#include <memory>
#include <zip.h>

namespace rekrut::integrations {

namespace {

struct SourceFree {
    void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using Source = std::unique_ptr<zip_source_t, SourceFree>;

core::Error failed(const char* what)
{
    return {core::ErrorKind::unavailable, std::string("the encrypted ZIP could not be written: ") + what, {}};
}

/// Reads the whole of an in-memory source that libzip has finished writing.
core::Result<std::string> contents(zip_source_t* source)
{
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_source_open(source) < 0)
        return failed("open");
    std::string bytes;
    if (zip_source_stat(source, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) != 0)
        bytes.reserve(stat.size);
    char buffer[65536];
    zip_int64_t read = 0;
    while ((read = zip_source_read(source, buffer, sizeof buffer)) > 0)
        bytes.append(buffer, static_cast<std::size_t>(read));
    zip_source_close(source);
    if (read < 0)
        return failed("read");
    return bytes;
}

} // namespace

core::Result<std::string> write_encrypted_zip(const std::vector<ZipEntry>& entries,
                                              const std::string& passphrase)
{
    if (passphrase.empty())
        return failed("no passphrase");
    // libzip writes nothing at all for an archive without entries.
    if (entries.empty())
        return failed("no entries");
    if (zip_encryption_method_supported(ZIP_EM_AES_256, 1) == 0)
        return failed("this libzip has no AES-256");
    zip_error_t error;
    zip_error_init(&error);
    Source target(zip_source_buffer_create(nullptr, 0, 0, &error));
    zip_error_fini(&error);
    if (!target)
        return failed("buffer");
    zip_error_init(&error);
    zip_t* archive = zip_open_from_source(target.get(), ZIP_TRUNCATE, &error);
    zip_error_fini(&error);
    if (archive == nullptr)
        return failed("open archive");
    // The archive owns the target from here; keep it alive past zip_close to read the result.
    zip_source_keep(target.get());
    bool ok = true;
    for (const auto& entry : entries) {
        zip_source_t* data = zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
        if (data == nullptr) {
            ok = false;
            break;
        }
        zip_int64_t index = zip_file_add(archive, entry.name.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(data);
            ok = false;
            break;
        }
        ok = zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0) == 0 &&
             zip_file_set_encryption(archive, static_cast<zip_uint64_t>(index), ZIP_EM_AES_256,
                                     passphrase.c_str()) == 0;
        if (!ok)
            break;
    }
    if (!ok) {
        zip_discard(archive);
        return failed("add entry");
    }
    if (zip_close(archive) < 0) {
        zip_discard(archive);
        return failed("close");
    }
    return contents(target.get());
}

} // namespace rekrut::integrations
