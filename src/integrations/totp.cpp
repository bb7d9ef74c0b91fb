#include "integrations/totp.hpp"

#include <cstdlib>
#include <cstring>
#include <liboath/oath.h>
#include <qrencode.h>

#include "core/crypto.hpp"

namespace rekrut::integrations::totp {
namespace {

std::string from_hex(const std::string& hex)
{
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return bytes;
}

std::string percent_encode(const std::string& text)
{
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char ch : text) {
        if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '@') {
            out += static_cast<char>(ch);
        } else {
            out += '%';
            out += digits[ch >> 4];
            out += digits[ch & 0xF];
        }
    }
    return out;
}

} // namespace

bool init()
{
    return oath_init() == OATH_OK;
}

std::string new_secret()
{
    return core::random_hex(20);
}

std::string base32(const std::string& secret_hex)
{
    std::string bytes = from_hex(secret_hex);
    char* encoded = nullptr;
    size_t length = 0;
    if (oath_base32_encode(bytes.data(), bytes.size(), &encoded, &length) != OATH_OK)
        return "";
    std::string text(encoded, length);
    std::free(encoded);
    while (!text.empty() && text.back() == '=')
        text.pop_back();
    return text;
}

std::string code_at(const std::string& secret_hex, core::UnixTime at)
{
    std::string bytes = from_hex(secret_hex);
    char code[10] = {};
    if (oath_totp_generate(bytes.data(), bytes.size(), at, OATH_TOTP_DEFAULT_TIME_STEP_SIZE, 0, 6, code) !=
        OATH_OK)
        return "";
    return code;
}

std::optional<std::int64_t> matching_step(const std::string& secret_hex, const std::string& code,
                                          core::UnixTime now)
{
    if (code.size() != 6 || secret_hex.empty())
        return std::nullopt;
    for (char ch : code)
        if (ch < '0' || ch > '9')
            return std::nullopt;
    std::int64_t step = now / OATH_TOTP_DEFAULT_TIME_STEP_SIZE;
    for (std::int64_t candidate : {step, step - 1, step + 1}) {
        std::string expected = code_at(secret_hex, candidate * OATH_TOTP_DEFAULT_TIME_STEP_SIZE);
        if (!expected.empty() && core::constant_time_equal(expected, code))
            return candidate;
    }
    return std::nullopt;
}

std::string provisioning_uri(const std::string& secret_hex, const std::string& account)
{
    return "otpauth://totp/Rekrut:" + percent_encode(account) + "?secret=" + base32(secret_hex) +
           "&issuer=Rekrut&algorithm=SHA1&digits=6&period=30";
}

std::string qr_svg(const std::string& text)
{
    QRcode* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code)
        return "";
    const int border = 4;
    const int size = code->width + 2 * border;
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(size) +
                      " " + std::to_string(size) +
                      "\" width=\"240\" height=\"240\" shape-rendering=\"crispEdges\" role=\"img\">"
                      "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>";
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                svg += "<rect x=\"" + std::to_string(x + border) + "\" y=\"" + std::to_string(y + border) +
                       "\" width=\"1\" height=\"1\"/>";
    svg += "</svg>";
    QRcode_free(code);
    return svg;
}

} // namespace rekrut::integrations::totp
