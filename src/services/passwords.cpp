#include "services/passwords.hpp"

#include <atomic>
#include <sodium.h>
#include <stdexcept>

#include "domain/field_limits.hpp"

namespace rekrut::services::passwords {
namespace {

std::atomic<std::uint64_t> g_verifications{0};

bool verify_against(const std::string& stored_hash, const std::string& password)
{
    g_verifications.fetch_add(1, std::memory_order_relaxed);
    return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& dummy_hash()
{
    static const std::string dummy = hash("rekrut dummy password for timing");
    return dummy;
}

} // namespace

core::Status check_strength(const std::string& password)
{
    std::size_t code_points = 0;
    for (unsigned char byte : password)
        if ((byte & 0xC0) != 0x80)
            ++code_points;
    if (code_points < 12)
        return core::Error::invalid(
            core::msgid("The password must be at least 12 characters long."),
            {{"password", core::msgid("The password must be at least 12 characters long.")}});
    if (password.size() > domain::limits::password)
        return core::Error::invalid(core::msgid("The password is too long."),
                                    {{"password", core::msgid("The password is too long.")}});
    return core::success();
}

std::string hash(const std::string& password)
{
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return out;
}

bool verify(const std::string& stored_hash, const std::string& password)
{
    if (stored_hash.empty()) {
        verify_dummy(password);
        return false;
    }
    return verify_against(stored_hash, password);
}

bool needs_rehash(const std::string& stored_hash)
{
    return crypto_pwhash_str_needs_rehash(stored_hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

void verify_dummy(const std::string& password)
{
    (void)verify_against(dummy_hash(), password);
}

std::uint64_t verifications_run()
{
    return g_verifications.load(std::memory_order_relaxed);
}

std::string generate()
{
    static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string password;
    for (int i = 0; i < 20; ++i)
        password += alphabet[randombytes_uniform(sizeof alphabet - 1)];
    return password;
}

} // namespace rekrut::services::passwords
