#include <gtest/gtest.h>
#include <memory>
#include <optional>
#include <string>
#include <zip.h>

#include "integrations/encrypted_zip.hpp"

namespace rekrut::integrations {
namespace {

struct ArchiveClose {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};

/// The contents of the entry `name` of the ZIP in `bytes`, read with `passphrase`, or nothing when
/// libzip cannot open or decrypt it.
std::optional<std::string> read_entry(const std::string& bytes, const std::string& name,
                                      const char* passphrase)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    std::unique_ptr<zip_t, ArchiveClose> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
    zip_error_fini(&error);
    if (!archive) {
        zip_source_free(source);
        return std::nullopt;
    }
    zip_stat_t stat;
    if (zip_stat(archive.get(), name.c_str(), 0, &stat) != 0 || stat.encryption_method != ZIP_EM_AES_256)
        return std::nullopt;
    zip_file_t* file = zip_fopen_encrypted(archive.get(), name.c_str(), 0, passphrase);
    if (file == nullptr)
        return std::nullopt;
    std::string out(stat.size, '\0');
    auto read = zip_fread(file, out.data(), out.size());
    zip_fclose(file);
    if (read != static_cast<zip_int64_t>(out.size()))
        return std::nullopt;
    return out;
}

TEST(EncryptedZip, every_entry_opens_with_the_passphrase_only)
{
    const std::string csv = "\"Ansøgere\",\"David Dahl\"\r\n";
    const std::string big(std::size_t{200} * 1024, 'x');
    auto zip = write_encrypted_zip({{"sag-1.csv", csv}, {"sag-1.pdf", big}}, "Kaffe-og-kage-2026");
    ASSERT_TRUE(zip.ok());
    EXPECT_EQ(zip->find("David Dahl"), std::string::npos) << "the contents are not encrypted";
    EXPECT_LT(zip->size(), big.size()) << "the entries are not compressed";
    EXPECT_EQ(read_entry(*zip, "sag-1.csv", "Kaffe-og-kage-2026"), csv);
    EXPECT_EQ(read_entry(*zip, "sag-1.pdf", "Kaffe-og-kage-2026"), big);
    EXPECT_EQ(read_entry(*zip, "sag-1.csv", "Forkert-adgangsfrase"), std::nullopt);
}

TEST(EncryptedZip, an_empty_passphrase_is_refused)
{
    auto zip = write_encrypted_zip({{"sag-1.csv", "x"}}, "");
    ASSERT_FALSE(zip.ok());
    EXPECT_EQ(zip.error().kind, core::ErrorKind::unavailable);
}

TEST(EncryptedZip, an_archive_without_entries_is_refused)
{
    // libzip writes nothing at all for an archive without entries, which no tool would open.
    EXPECT_FALSE(write_encrypted_zip({}, "Kaffe-og-kage-2026").ok());
}

} // namespace
} // namespace rekrut::integrations
