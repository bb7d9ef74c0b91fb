#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace rekrut::core {

/// Encrypts a stream of pieces with libsodium's crypto_secretstream_xchacha20poly1305: each piece is
/// authenticated on its own and in its place in the stream, and the last one carries the final tag,
/// so that a reader notices a piece altered, dropped, reordered or cut off at the end.
///
///     StreamEncryptor encryptor(key);          // store encryptor.header() next to the pieces
///     encryptor.push(first, false) ... encryptor.push(last, true)
class StreamEncryptor {
public:
    static constexpr std::size_t key_bytes = 32;
    static constexpr std::size_t header_bytes = 24;
    /// What a piece grows by (tag byte and MAC).
    static constexpr std::size_t overhead_bytes = 17;

    /// Starts a stream under `key` (key_bytes); throws std::invalid_argument for another size.
    explicit StreamEncryptor(std::string_view key);
    ~StreamEncryptor();
    StreamEncryptor(StreamEncryptor&&) noexcept;
    StreamEncryptor& operator=(StreamEncryptor&&) noexcept;
    StreamEncryptor(const StreamEncryptor&) = delete;
    StreamEncryptor& operator=(const StreamEncryptor&) = delete;

    /// The stream's header (header_bytes, not secret); the decryptor needs it.
    const std::string& header() const { return m_header; }
    /// The ciphertext of the next piece (plaintext.size() + overhead_bytes). `last` marks the final
    /// piece; `associated` is authenticated but not encrypted and must be given again to decrypt.
    /// Throws std::logic_error after the final piece.
    std::string push(std::string_view plaintext, bool last, std::string_view associated = {});

private:
    struct State;
    std::unique_ptr<State> m_state;
    std::string m_header;
    bool m_finished = false;
};

/// Decrypts what a StreamEncryptor wrote, piece by piece and in order.
class StreamDecryptor {
public:
    /// Starts reading a stream; nullopt when the key or the header has the wrong size.
    static std::optional<StreamDecryptor> start(std::string_view key, std::string_view header);
    ~StreamDecryptor();
    StreamDecryptor(StreamDecryptor&&) noexcept;
    StreamDecryptor& operator=(StreamDecryptor&&) noexcept;
    StreamDecryptor(const StreamDecryptor&) = delete;
    StreamDecryptor& operator=(const StreamDecryptor&) = delete;

    /// The plaintext of the next piece; nullopt when it does not authenticate (wrong key, altered,
    /// out of order, other associated data) or comes after the final piece. After a failure the
    /// stream is unusable: every later pull fails too.
    std::optional<std::string> pull(std::string_view ciphertext, std::string_view associated = {});
    /// True once the piece with the final tag was read. A stream that ends without it was cut off.
    bool finished() const { return m_finished; }

private:
    StreamDecryptor();
    struct State;
    std::unique_ptr<State> m_state;
    bool m_finished = false;
    bool m_failed = false;
};

/// Encrypts `plaintext` under a 32-byte `key` (XChaCha20-Poly1305 IETF, random nonce) as raw bytes:
/// nonce ‖ ciphertext ‖ MAC. `associated` is authenticated, not stored. Throws std::invalid_argument
/// for a key of another size.
std::string seal_with_key(std::string_view key, std::string_view plaintext, std::string_view associated = {});
/// The plaintext of what seal_with_key returned; nullopt for another key, other associated data, a
/// key of the wrong size or altered bytes.
std::optional<std::string> open_with_key(std::string_view key, std::string_view sealed,
                                         std::string_view associated = {});

} // namespace rekrut::core
