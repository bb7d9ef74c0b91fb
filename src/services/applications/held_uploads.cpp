#include "services/applications/held_uploads.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "core/crypto.hpp"

namespace rekrut::services {

namespace fs = std::filesystem;

namespace {

bool is_hex(const std::string& text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

/// "kind\nsize\nfilename": the file name last, since it is the only free text.
std::string metadata(const IncomingFile& file)
{
    return std::string(domain::to_string(file.kind)) + "\n" + std::to_string(file.size) + "\n" +
           file.filename;
}

std::optional<IncomingFile> read_metadata(const fs::path& meta, const fs::path& data)
{
    std::ifstream in(meta);
    std::string kind, size;
    IncomingFile file;
    if (!std::getline(in, kind) || !std::getline(in, size) || !std::getline(in, file.filename))
        return std::nullopt;
    auto parsed = domain::attachment_kind_from_string(kind);
    if (!parsed || size.empty() || size.size() > 12 || !std::all_of(size.begin(), size.end(), ::isdigit))
        return std::nullopt;
    file.kind = *parsed;
    file.size = std::stoll(size);
    file.path = data.string();
    return file;
}

} // namespace

HeldUploads::HeldUploads(std::string directory) : m_directory(std::move(directory)) {}

bool HeldUploads::valid_key(const std::string& form_key)
{
    return form_key.size() >= 32 && form_key.size() <= 64 && is_hex(form_key);
}

std::optional<HeldFile> HeldUploads::hold(const std::string& form_key, const IncomingFile& file)
{
    if (!valid_key(form_key))
        return std::nullopt;
    std::error_code error;
    fs::path folder = fs::path(m_directory) / form_key;
    fs::create_directories(folder, error);
    fs::permissions(m_directory, fs::perms::owner_all, fs::perm_options::replace, error);
    HeldFile held{core::random_hex(8), file};
    fs::path data = folder / (held.handle + ".bin");
    fs::rename(file.path, data, error);
    if (error) {
        fs::copy_file(file.path, data, error);
        if (error)
            return std::nullopt;
    }
    std::ofstream(folder / (held.handle + ".meta")) << metadata(file);
    held.file.path = data.string();
    return held;
}

std::vector<HeldFile> HeldUploads::list(const std::string& form_key) const
{
    std::vector<HeldFile> files;
    if (!valid_key(form_key))
        return files;
    std::error_code error;
    fs::path folder = fs::path(m_directory) / form_key;
    std::vector<std::pair<fs::file_time_type, fs::path>> metas;
    for (const auto& entry : fs::directory_iterator(folder, error))
        if (entry.path().extension() == ".meta")
            metas.emplace_back(entry.last_write_time(error), entry.path());
    std::sort(metas.begin(), metas.end());
    for (const auto& [time, meta] : metas) {
        auto data = fs::path(meta).replace_extension(".bin");
        if (auto file = read_metadata(meta, data); file && fs::exists(data, error))
            files.push_back({meta.stem().string(), *file});
    }
    return files;
}

void HeldUploads::remove(const std::string& form_key, const std::string& handle)
{
    if (!valid_key(form_key) || handle.size() != 16 || !is_hex(handle))
        return;
    std::error_code error;
    fs::path folder = fs::path(m_directory) / form_key;
    fs::remove(folder / (handle + ".bin"), error);
    fs::remove(folder / (handle + ".meta"), error);
}

void HeldUploads::release(const std::string& form_key)
{
    if (!valid_key(form_key))
        return;
    std::error_code error;
    fs::remove_all(fs::path(m_directory) / form_key, error);
}

int HeldUploads::purge(core::UnixTime before)
{
    int removed = 0;
    std::error_code error;
    const auto cutoff = fs::file_time_type::clock::now() - std::chrono::seconds(core::now() - before);
    for (const auto& entry : fs::directory_iterator(m_directory, error)) {
        if (!entry.is_directory(error) || entry.last_write_time(error) >= cutoff)
            continue;
        fs::remove_all(entry.path(), error);
        ++removed;
    }
    return removed;
}

} // namespace rekrut::services
