#include "services/passwords.hpp"

#include <sodium.h>
#include <stdexcept>

namespace rekrut::services::passwords {

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
    if (password.size() > 1000)
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
    if (stored_hash.empty())
        return false;
    return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(const std::string& stored_hash)
{
    return crypto_pwhash_str_needs_rehash(stored_hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

void verify_dummy(const std::string& password)
{
    static const std::string dummy = hash("rekrut dummy password for timing");
    verify(dummy, password);
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
