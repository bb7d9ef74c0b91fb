#include "core/crypto.hpp"

#include <sodium.h>
#include <vector>

#include "core/text.hpp"

namespace rekrut::core {

bool init_crypto()
{
    return sodium_init() >= 0;
}

std::string random_bytes(std::size_t n)
{
    std::string buffer(n, '\0');
    randombytes_buf(buffer.data(), buffer.size());
    return buffer;
}

std::string random_hex(std::size_t bytes)
{
    return to_hex(random_bytes(bytes));
}

std::string blake2b_hex(std::string_view data)
{
    unsigned char hash[32];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                       nullptr, 0);
    return to_hex(std::string_view(reinterpret_cast<const char*>(hash), sizeof hash));
}

bool constant_time_equal(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace rekrut::core
