#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rekrut::core {

/// The installation's secret key: 32 random bytes, kept as hex in a file of their own (created on
/// first use, readable by the owner only). Keys derived from it key the audit chain, so that only
/// the installation can extend or recompute it, encrypt TOTP secrets at rest and key the hashes of
/// recovery codes, so that a copy of the database alone does not allow guessing them offline. The file must
/// not travel with database backups; it is backed up on its own (losing it breaks the audit chain's
/// verification and every second factor).
class SecretKey {
public:
    /// Reads the key at `path`, or creates it there (with its folder) when there is none. Creation
    /// is atomic, so processes starting at once agree on one key.
    static Result<SecretKey> load_or_create(const std::string& path);
    /// A random key that is not stored (unit tests).
    static SecretKey random();

    /// The key for the audit chain's BLAKE2b (32 bytes).
    const std::string& audit_key() const { return m_audit; }
    /// The key for CSRF tokens bound to a session (32 bytes).
    const std::string& csrf_key() const { return m_csrf; }
    /// The key for the BLAKE2b of stored recovery codes (32 bytes).
    const std::string& recovery_code_key() const { return m_recovery_code; }
    /// The key for the BLAKE2b that signs a backup's manifest (32 bytes), so that a backup altered
    /// after it was made is refused before anything in it is restored.
    const std::string& backup_key() const { return m_backup; }
    /// A short name of this key (16 hex digits) that the database records, so that a node started
    /// with another key is refused. It is BLAKE2b of a subkey derived only for it, so it reveals
    /// nothing of the key or of the other subkeys.
    const std::string& fingerprint() const { return m_fingerprint; }
    /// Encrypts `plaintext` (XSalsa20-Poly1305 under the TOTP key) as "enc1:" + hex(nonce ‖ box).
    std::string seal(std::string_view plaintext) const;
    /// The plaintext of a sealed value; nullopt when it was sealed under another key or altered.
    /// A value without the "enc1:" prefix (written before sealing existed) is returned as it is.
    std::optional<std::string> open(std::string_view stored) const;
    static bool is_sealed(std::string_view stored);
    /// Wraps an application's data key (XChaCha20-Poly1305 under the key-wrapping subkey, random
    /// nonce) as raw bytes: nonce ‖ ciphertext ‖ MAC (72 bytes for a 32-byte key).
    std::string wrap_data_key(std::string_view data_key) const;
    /// The data key inside `wrapped`; nullopt when it was wrapped under another installation key or
    /// was altered.
    std::optional<std::string> unwrap_data_key(std::string_view wrapped) const;

private:
    explicit SecretKey(const std::string& master);
    std::string m_audit;
    std::string m_totp;
    std::string m_csrf;
    std::string m_recovery_code;
    std::string m_key_wrapping;
    std::string m_backup;
    std::string m_fingerprint;
};

/// BLAKE2b-256 of `data` keyed with `key`, as lower-case hex.
std::string blake2b_keyed_hex(std::string_view data, std::string_view key);

} // namespace rekrut::core
