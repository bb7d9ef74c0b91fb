#include "core/secret_stream.hpp"

#include <sodium.h>
#include <stdexcept>

namespace rekrut::core {
namespace {

static_assert(StreamEncryptor::key_bytes == crypto_secretstream_xchacha20poly1305_KEYBYTES);
static_assert(StreamEncryptor::header_bytes == crypto_secretstream_xchacha20poly1305_HEADERBYTES);
static_assert(StreamEncryptor::overhead_bytes == crypto_secretstream_xchacha20poly1305_ABYTES);

const unsigned char* bytes(std::string_view text)
{
    return reinterpret_cast<const unsigned char*>(text.data());
}

unsigned char* bytes(std::string& text)
{
    return reinterpret_cast<unsigned char*>(text.data());
}

/// The libsodium state, wiped when it goes.
struct SecretStreamState {
    crypto_secretstream_xchacha20poly1305_state state{};
    SecretStreamState() = default;
    SecretStreamState(const SecretStreamState&) = delete;
    SecretStreamState& operator=(const SecretStreamState&) = delete;
    ~SecretStreamState() { sodium_memzero(&state, sizeof state); }
};

} // namespace

struct StreamEncryptor::State : SecretStreamState {};
struct StreamDecryptor::State : SecretStreamState {};

StreamEncryptor::StreamEncryptor(std::string_view key)
    : m_state(std::make_unique<State>()), m_header(header_bytes, '\0')
{
    if (key.size() != key_bytes)
        throw std::invalid_argument("a secretstream key has 32 bytes");
    crypto_secretstream_xchacha20poly1305_init_push(&m_state->state, bytes(m_header), bytes(key));
}

StreamEncryptor::~StreamEncryptor() = default;
StreamEncryptor::StreamEncryptor(StreamEncryptor&&) noexcept = default;
StreamEncryptor& StreamEncryptor::operator=(StreamEncryptor&&) noexcept = default;

std::string StreamEncryptor::push(std::string_view plaintext, bool last, std::string_view associated)
{
    if (m_finished || !m_state)
        throw std::logic_error("the stream was already finished");
    std::string ciphertext(plaintext.size() + overhead_bytes, '\0');
    unsigned char tag = last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                             : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    crypto_secretstream_xchacha20poly1305_push(
        &m_state->state, bytes(ciphertext), nullptr, bytes(plaintext), plaintext.size(),
        associated.empty() ? nullptr : bytes(associated), associated.size(), tag);
    m_finished = last;
    return ciphertext;
}

StreamDecryptor::StreamDecryptor() : m_state(std::make_unique<State>()) {}
StreamDecryptor::~StreamDecryptor() = default;
StreamDecryptor::StreamDecryptor(StreamDecryptor&&) noexcept = default;
StreamDecryptor& StreamDecryptor::operator=(StreamDecryptor&&) noexcept = default;

std::optional<StreamDecryptor> StreamDecryptor::start(std::string_view key, std::string_view header)
{
    if (key.size() != StreamEncryptor::key_bytes || header.size() != StreamEncryptor::header_bytes)
        return std::nullopt;
    StreamDecryptor decryptor;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&decryptor.m_state->state, bytes(header),
                                                        bytes(key)) != 0)
        return std::nullopt;
    return decryptor;
}

std::optional<std::string> StreamDecryptor::pull(std::string_view ciphertext, std::string_view associated)
{
    if (m_failed || m_finished || !m_state || ciphertext.size() < StreamEncryptor::overhead_bytes) {
        m_failed = true;
        return std::nullopt;
    }
    std::string plaintext(ciphertext.size() - StreamEncryptor::overhead_bytes, '\0');
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(
            &m_state->state, bytes(plaintext), nullptr, &tag, bytes(ciphertext), ciphertext.size(),
            associated.empty() ? nullptr : bytes(associated), associated.size()) != 0) {
        m_failed = true;
        sodium_memzero(plaintext.data(), plaintext.size());
        return std::nullopt;
    }
    m_finished = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    return plaintext;
}

std::string seal_with_key(std::string_view key, std::string_view plaintext, std::string_view associated)
{
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        throw std::invalid_argument("an XChaCha20-Poly1305 key has 32 bytes");
    constexpr std::size_t nonce_bytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    std::string sealed(nonce_bytes + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    randombytes_buf(sealed.data(), nonce_bytes);
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(bytes(sealed) + nonce_bytes, &length, bytes(plaintext),
                                               plaintext.size(),
                                               associated.empty() ? nullptr : bytes(associated),
                                               associated.size(), nullptr, bytes(sealed), bytes(key));
    sealed.resize(nonce_bytes + length);
    return sealed;
}

std::optional<std::string> open_with_key(std::string_view key, std::string_view sealed,
                                         std::string_view associated)
{
    constexpr std::size_t nonce_bytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES ||
        sealed.size() < nonce_bytes + crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return std::nullopt;
    std::string_view box = sealed.substr(nonce_bytes);
    std::string plaintext(box.size() - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(bytes(plaintext), &length, nullptr, bytes(box), box.size(),
                                                   associated.empty() ? nullptr : bytes(associated),
                                                   associated.size(), bytes(sealed), bytes(key)) != 0)
        return std::nullopt;
    plaintext.resize(length);
    return plaintext;
}

} // namespace rekrut::core
