#include "web/query_string.hpp"

namespace rekrut::web {
namespace {

int hex_value(char digit)
{
    if (digit >= '0' && digit <= '9')
        return digit - '0';
    if (digit >= 'a' && digit <= 'f')
        return digit - 'a' + 10;
    if (digit >= 'A' && digit <= 'F')
        return digit - 'A' + 10;
    return -1;
}

std::string decode(std::string_view text)
{
    std::string decoded;
    decoded.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        if (ch == '+') {
            decoded += ' ';
        } else if (ch == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
                   hex_value(text[i + 2]) >= 0) {
            decoded += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            decoded += ch;
        }
    }
    return decoded;
}

} // namespace

std::optional<Fields> parse_query(std::string_view query, std::size_t max_fields)
{
    Fields fields;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string_view::npos)
            end = query.size();
        std::string_view field = query.substr(start, end - start);
        start = end + 1;
        if (field.empty())
            continue;
        if (fields.size() == max_fields)
            return std::nullopt;
        auto equals = field.find('=');
        if (equals == std::string_view::npos)
            fields.emplace_back(decode(field), std::string());
        else
            fields.emplace_back(decode(field.substr(0, equals)), decode(field.substr(equals + 1)));
    }
    return fields;
}

} // namespace rekrut::web
