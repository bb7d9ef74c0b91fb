#include "domain/free_text/text_scan.hpp"

#include "core/text.hpp"

namespace rekrut::domain {

namespace {

constexpr char32_t k_replacement_character = 0xFFFD;

bool is_continuation_byte(unsigned char byte)
{
    return (byte & 0xC0U) == 0x80U;
}

} // namespace

TextCharacter character_at(std::string_view text, std::size_t position)
{
    if (position >= text.size())
        return {0, 0};
    const auto lead = static_cast<unsigned char>(text[position]);
    if (lead < 0x80U)
        return {lead, 1};
    std::size_t length = 0;
    char32_t code = 0;
    char32_t smallest = 0;
    if (lead >= 0xC2U && lead <= 0xDFU) {
        length = 2;
        code = lead & 0x1FU;
        smallest = 0x80;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
        length = 3;
        code = lead & 0x0FU;
        smallest = 0x800;
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
        length = 4;
        code = lead & 0x07U;
        smallest = 0x10000;
    } else {
        return {k_replacement_character, 1};
    }
    if (position + length > text.size())
        return {k_replacement_character, 1};
    for (std::size_t index = 1; index < length; ++index) {
        const auto byte = static_cast<unsigned char>(text[position + index]);
        if (!is_continuation_byte(byte))
            return {k_replacement_character, 1};
        code = (code << 6U) | (byte & 0x3FU);
    }
    if (code < smallest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return {k_replacement_character, 1};
    return {code, length};
}

TextCharacter character_before(std::string_view text, std::size_t position)
{
    if (position == 0 || position > text.size())
        return {0, 0};
    std::size_t start = position - 1;
    // A character has at most three continuation bytes; step back over them to its first byte.
    while (start > 0 && position - start < 4 && is_continuation_byte(static_cast<unsigned char>(text[start])))
        --start;
    const TextCharacter character = character_at(text, start);
    if (start + character.length == position)
        return character;
    return {k_replacement_character, 1};
}

bool is_word_character(char32_t code)
{
    if (code < 0x80)
        return (code >= '0' && code <= '9') || (code >= 'a' && code <= 'z') || (code >= 'A' && code <= 'Z');
    // Latin-1 below À holds symbols and punctuation; × and ÷ sit among its letters.
    if (code < 0xC0 || code == 0xD7 || code == 0xF7)
        return false;
    // General punctuation (dashes, quotes, spaces), currency, arrows, mathematical and other symbols.
    if (code >= 0x2000 && code <= 0x2BFF)
        return false;
    return code != 0x3000 && code != 0xFEFF && code != k_replacement_character;
}

bool is_space_character(char32_t code)
{
    return code == ' ' || code == '\t' || code == '\n' || code == '\r' || code == '\f' || code == '\v' ||
           code == 0xA0;
}

char32_t fold_case(char32_t code)
{
    if (code >= 'A' && code <= 'Z')
        return code + ('a' - 'A');
    if (code >= 0xC0 && code <= 0xDE && code != 0xD7)
        return code + 0x20;
    // Latin Extended-A (Polish, Czech, Baltic, Turkish names) pairs each capital with the small letter
    // after it; the pairs start on even code points below U+0138 and from U+014A, on odd ones between.
    // U+0130 (capital I with dot) and U+0149 have no such partner.
    if ((code >= 0x100 && code <= 0x137 && code != 0x130 && code % 2 == 0) ||
        (code >= 0x139 && code <= 0x148 && code % 2 == 1) ||
        (code >= 0x14A && code <= 0x177 && code % 2 == 0) ||
        (code >= 0x179 && code <= 0x17E && code % 2 == 1))
        return code + 1;
    if (code == 0x178)
        return 0xFF;
    return code;
}

bool is_word_start(std::string_view text, std::size_t position)
{
    return is_word_character(character_at(text, position).code) &&
           !is_word_character(character_before(text, position).code);
}

bool is_word_end(std::string_view text, std::size_t position)
{
    const TextCharacter next = character_at(text, position);
    return next.length == 0 || !is_word_character(next.code);
}

std::size_t end_of_word(std::string_view text, std::size_t position)
{
    while (position < text.size()) {
        const TextCharacter character = character_at(text, position);
        if (!is_word_character(character.code))
            break;
        position += character.length;
    }
    return position;
}

std::size_t match_folded(std::string_view text, std::size_t position, std::string_view pattern)
{
    std::size_t at = 0;
    while (at < pattern.size()) {
        const TextCharacter wanted = character_at(pattern, at);
        at += wanted.length;
        if (wanted.code == ' ') {
            const TextCharacter first = character_at(text, position);
            if (!is_space_character(first.code))
                return std::string_view::npos;
            position += first.length;
            for (TextCharacter next = character_at(text, position); is_space_character(next.code);
                 next = character_at(text, position))
                position += next.length;
            continue;
        }
        const TextCharacter found = character_at(text, position);
        if (found.length == 0 || fold_case(found.code) != wanted.code)
            return std::string_view::npos;
        position += found.length;
    }
    return position;
}

std::string fold_text(std::string_view text)
{
    std::string folded;
    folded.reserve(text.size());
    bool space_pending = false;
    for (std::size_t position = 0; position < text.size();) {
        const TextCharacter character = character_at(text, position);
        position += character.length;
        if (is_space_character(character.code)) {
            space_pending = !folded.empty();
            continue;
        }
        if (space_pending)
            folded += ' ';
        space_pending = false;
        core::append_utf8(folded, fold_case(character.code));
    }
    return folded;
}

} // namespace rekrut::domain
