#include "core/secret_key.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/crypto.hpp"
#include "core/secret_stream.hpp"
#include "core/text.hpp"

namespace rekrut::core {
namespace {

constexpr char k_context[crypto_kdf_CONTEXTBYTES + 1] = "rekrut01";
constexpr std::uint64_t k_audit_subkey = 1;
constexpr std::uint64_t k_totp_subkey = 2;
constexpr std::uint64_t k_csrf_subkey = 3;
constexpr std::uint64_t k_recovery_code_subkey = 4;
constexpr std::uint64_t k_key_wrapping_subkey = 5;
constexpr std::uint64_t k_fingerprint_subkey = 6;
constexpr std::uint64_t k_backup_subkey = 7;
constexpr std::size_t k_fingerprint_bytes = 8;
// Authenticated with every wrapped data key, so that nothing else sealed under the subkey passes for one.
constexpr std::string_view k_wrapped_key_context = "rekrut data key 1";
constexpr std::string_view k_sealed_prefix = "enc1:";

std::string derive(const std::string& master, std::uint64_t id)
{
    std::string subkey(32, '\0');
    crypto_kdf_derive_from_key(reinterpret_cast<unsigned char*>(subkey.data()), subkey.size(), id, k_context,
                               reinterpret_cast<const unsigned char*>(master.data()));
    return subkey;
}

std::optional<std::string> read_key(const std::string& path)
{
    std::ifstream file(path);
    std::string hex;
    if (!(file >> hex))
        return std::nullopt;
    auto bytes = from_hex(hex);
    if (!bytes || bytes->size() != crypto_kdf_KEYBYTES)
        return std::nullopt;
    return bytes;
}

/// The first k_fingerprint_bytes of BLAKE2b-128 of the fingerprint subkey, as hex.
std::string fingerprint_of(const std::string& master)
{
    std::string subkey = derive(master, k_fingerprint_subkey);
    unsigned char hash[crypto_generichash_BYTES_MIN];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(subkey.data()),
                       subkey.size(), nullptr, 0);
    sodium_memzero(subkey.data(), subkey.size());
    return to_hex(std::string_view(reinterpret_cast<const char*>(hash), k_fingerprint_bytes));
}

} // namespace

SecretKey::SecretKey(const std::string& master)
    : m_audit(derive(master, k_audit_subkey)), m_totp(derive(master, k_totp_subkey)),
      m_csrf(derive(master, k_csrf_subkey)), m_recovery_code(derive(master, k_recovery_code_subkey)),
      m_key_wrapping(derive(master, k_key_wrapping_subkey)), m_backup(derive(master, k_backup_subkey)),
      m_fingerprint(fingerprint_of(master))
{
}

SecretKey SecretKey::random()
{
    std::string master(crypto_kdf_KEYBYTES, '\0');
    crypto_kdf_keygen(reinterpret_cast<unsigned char*>(master.data()));
    return SecretKey(master);
}

Result<SecretKey> SecretKey::load_or_create(const std::string& path)
{
    namespace fs = std::filesystem;
    std::error_code ignored;
    if (!fs::exists(path, ignored)) {
        fs::path target(path);
        if (target.has_parent_path())
            fs::create_directories(target.parent_path(), ignored);
        // Written whole to a private temporary file, then linked into place: link() does not replace
        // an existing file, so of two processes creating the key at once one wins and both read it.
        std::string temporary = path + ".new." + random_hex(8); // never one a crashed start left behind
        int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0)
            return Error{ErrorKind::unavailable,
                         "cannot create the key file " + temporary + ": " + std::strerror(errno),
                         {}};
        std::string master(crypto_kdf_KEYBYTES, '\0');
        crypto_kdf_keygen(reinterpret_cast<unsigned char*>(master.data()));
        std::string line = to_hex(master) + "\n";
        bool written =
            ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
        ::close(fd);
        if (written && ::link(temporary.c_str(), path.c_str()) != 0 && errno != EEXIST)
            written = false;
        ::unlink(temporary.c_str());
        if (!written)
            return Error{ErrorKind::unavailable, "cannot create the key file " + path, {}};
    }
    auto master = read_key(path);
    if (!master)
        return Error{
            ErrorKind::unavailable, "the key file " + path + " does not hold a key (64 hex digits)", {}};
    return SecretKey(*master);
}

std::string SecretKey::seal(std::string_view plaintext) const
{
    std::string nonce(crypto_secretbox_NONCEBYTES, '\0');
    randombytes_buf(nonce.data(), nonce.size());
    std::string box(plaintext.size() + crypto_secretbox_MACBYTES, '\0');
    crypto_secretbox_easy(reinterpret_cast<unsigned char*>(box.data()),
                          reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                          reinterpret_cast<const unsigned char*>(nonce.data()),
                          reinterpret_cast<const unsigned char*>(m_totp.data()));
    return std::string(k_sealed_prefix) + to_hex(nonce + box);
}

bool SecretKey::is_sealed(std::string_view stored)
{
    return stored.substr(0, k_sealed_prefix.size()) == k_sealed_prefix;
}

std::optional<std::string> SecretKey::open(std::string_view stored) const
{
    if (!is_sealed(stored))
        return std::string(stored);
    auto bytes = from_hex(stored.substr(k_sealed_prefix.size()));
    if (!bytes || bytes->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
        return std::nullopt;
    std::string_view nonce(bytes->data(), crypto_secretbox_NONCEBYTES);
    std::string_view box(bytes->data() + crypto_secretbox_NONCEBYTES,
                         bytes->size() - crypto_secretbox_NONCEBYTES);
    std::string plaintext(box.size() - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plaintext.data()),
                                   reinterpret_cast<const unsigned char*>(box.data()), box.size(),
                                   reinterpret_cast<const unsigned char*>(nonce.data()),
                                   reinterpret_cast<const unsigned char*>(m_totp.data())) != 0)
        return std::nullopt;
    return plaintext;
}

std::string SecretKey::wrap_data_key(std::string_view data_key) const
{
    return seal_with_key(m_key_wrapping, data_key, k_wrapped_key_context);
}

std::optional<std::string> SecretKey::unwrap_data_key(std::string_view wrapped) const
{
    return open_with_key(m_key_wrapping, wrapped, k_wrapped_key_context);
}

std::string blake2b_keyed_hex(std::string_view data, std::string_view key)
{
    unsigned char hash[32];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                       reinterpret_cast<const unsigned char*>(key.data()), key.size());
    return to_hex(std::string_view(reinterpret_cast<const char*>(hash), sizeof hash));
}

} // namespace rekrut::core
