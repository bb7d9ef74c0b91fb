#include "domain/application/file_rules.hpp"

#include <algorithm>
#include <array>

#include "core/result.hpp"
#include "core/text.hpp"

namespace rekrut::domain {
namespace {

using core::msgid;

constexpr std::array<std::string_view, 1> k_pdf_extensions = {"pdf"};
constexpr std::array<std::string_view, 1> k_docx_extensions = {"docx"};
constexpr std::array<std::string_view, 1> k_odt_extensions = {"odt"};
constexpr std::array<std::string_view, 1> k_rtf_extensions = {"rtf"};
constexpr std::array<std::string_view, 2> k_text_extensions = {"txt", "text"};
constexpr std::array<std::string_view, 4> k_jpeg_extensions = {"jpg", "jpeg", "jpe", "jfif"};
constexpr std::array<std::string_view, 1> k_png_extensions = {"png"};

bool is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_ascii_alnum(char c)
{
    return is_ascii_letter(c) || (c >= '0' && c <= '9');
}

/// The name without a folder some browsers still send ("C:\Users\...\cv.pdf") and without the
/// trailing dots and spaces Windows drops when it saves a file.
std::string_view base_name(std::string_view filename)
{
    if (auto slash = filename.find_last_of("/\\"); slash != std::string_view::npos)
        filename.remove_prefix(slash + 1);
    while (!filename.empty() && (filename.back() == '.' || filename.back() == ' '))
        filename.remove_suffix(1);
    return filename;
}

/// The name's extension in lower case, or "" when it has none. An extension is what follows the
/// last dot when that is one to ten ASCII letters and digits with a letter among them; "Jens. Hansen"
/// and "rapport v1.2" have none, "cv.pdf.exe" has "exe".
std::string extension_of(std::string_view filename)
{
    std::string_view name = base_name(filename);
    auto dot = name.rfind('.');
    if (dot == std::string_view::npos)
        return {};
    std::string_view extension = name.substr(dot + 1);
    if (extension.empty() || extension.size() > 10 ||
        !std::all_of(extension.begin(), extension.end(), is_ascii_alnum) ||
        std::none_of(extension.begin(), extension.end(), is_ascii_letter))
        return {};
    return core::ascii_lower(extension);
}

/// The next code point of `text` from `i` (advancing it), or nullopt (advancing one byte) for a
/// malformed sequence.
std::optional<char32_t> next_code_point(std::string_view text, std::size_t& i)
{
    auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80             ? 1
                         : (lead & 0xE0) == 0xC0 ? 2
                         : (lead & 0xF0) == 0xE0 ? 3
                         : (lead & 0xF8) == 0xF0 ? 4
                                                 : 0;
    if (length == 0 || i + length > text.size() || !core::is_valid_utf8(text.substr(i, length))) {
        ++i;
        return std::nullopt;
    }
    char32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k)
        code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += length;
    return code;
}

/// Letters of the Latin, Greek and Cyrillic scripts beyond ASCII.
bool is_letter_beyond_ascii(char32_t code)
{
    if (code >= 0xC0 && code <= 0x24F)
        return code != 0xD7 && code != 0xF7; // × and ÷
    if (code >= 0x386 && code <= 0x3CE)
        return code != 0x387; // the Greek ano teleia is punctuation
    if (code >= 0x400 && code <= 0x4FF)
        return code < 0x482 || code > 0x489; // Cyrillic signs and combining marks
    return code >= 0x1E00 && code <= 0x1EFF; // Latin Extended Additional (Vietnamese among others)
}

/// Combining diacritical marks, as in decomposed names ("a" and a combining ring for "å", as macOS
/// writes them); kept after a letter.
bool is_combining_mark(char32_t code)
{
    return code >= 0x300 && code <= 0x36F;
}

/// The longest prefix of `text` of at most `max_bytes` that ends on a character boundary.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes)
{
    if (text.size() <= max_bytes)
        return text;
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end);
}

std::string_view trim_dots_and_spaces(std::string_view text)
{
    while (!text.empty() && (text.front() == '.' || text.front() == ' '))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == '.' || text.back() == ' '))
        text.remove_suffix(1);
    return text;
}

/// The ASCII spelling of a letter of Latin-1: æ ae, ø oe, å aa as Danish writes them without the
/// letters, others without their accent; "" for a combining mark; "_" for the rest.
std::string_view ascii_spelling(char32_t code)
{
    // U+00C0 to U+00FF.
    static constexpr std::array<std::string_view, 64> k_latin1 = {
        "A", "A", "A", "A", "A", "Aa", "Ae", "C", "E",  "E", "E", "E", "I", "I", "I",  "I",
        "D", "N", "O", "O", "O", "O",  "O",  "_", "Oe", "U", "U", "U", "U", "Y", "Th", "ss",
        "a", "a", "a", "a", "a", "aa", "ae", "c", "e",  "e", "e", "e", "i", "i", "i",  "i",
        "d", "n", "o", "o", "o", "o",  "o",  "_", "oe", "u", "u", "u", "u", "y", "th", "y"};
    if (code >= 0xC0 && code <= 0xFF)
        return k_latin1[code - 0xC0];
    if (is_combining_mark(code))
        return "";
    return "_";
}

} // namespace

bool is_accepted_media_type(std::string_view media_type)
{
    return !extensions_for(media_type).empty();
}

std::span<const std::string_view> extensions_for(std::string_view media_type)
{
    if (media_type == media_types::pdf)
        return k_pdf_extensions;
    if (media_type == media_types::docx)
        return k_docx_extensions;
    if (media_type == media_types::odt)
        return k_odt_extensions;
    if (media_type == media_types::rtf || media_type == "application/rtf")
        return k_rtf_extensions;
    if (media_type == media_types::text)
        return k_text_extensions;
    if (media_type == media_types::jpeg)
        return k_jpeg_extensions;
    if (media_type == media_types::png)
        return k_png_extensions;
    return {};
}

bool has_extractable_text(std::string_view media_type)
{
    return is_accepted_media_type(media_type) && media_type != media_types::jpeg &&
           media_type != media_types::png;
}

std::optional<std::string> file_problem(const FileFacts& file, const FileLimits& limits)
{
    if (file.size <= 0)
        return msgid("The file is empty.");
    if (file.size > limits.max_file_bytes)
        return msgid("The file is larger than {limit}.");
    if (file.executable)
        return msgid("The file is a program, and programs cannot be attached.");
    if (file.has_macros)
        return msgid(
            "The file contains macros or embedded objects. Save it without them, for example as PDF.");
    if (file.encrypted)
        return msgid(
            "The file is encrypted or protected by a password. Attach a copy without the protection.");
    if (!file.readable)
        return msgid("The file is damaged and cannot be opened.");
    if (file.polyglot)
        return msgid(
            "The file's content can be read as more than one type of file, so it cannot be attached.");
    auto extensions = extensions_for(file.media_type);
    if (extensions.empty())
        return msgid("This type of file is not accepted. Use PDF, Word (DOCX), OpenDocument text (ODT), RTF, "
                     "plain text, JPEG or PNG.");
    std::string extension = extension_of(file.filename);
    if (!extension.empty() && std::find(extensions.begin(), extensions.end(), extension) == extensions.end())
        return msgid("The file name's extension does not match the file's content.");
    return std::nullopt;
}

std::optional<std::string> total_problem(std::int64_t total_bytes, int file_count, const FileLimits& limits)
{
    if (file_count > limits.max_files)
        return msgid("An application can have at most {count} files.");
    if (total_bytes > limits.max_application_bytes)
        return msgid("The files are larger than {limit} together.");
    return std::nullopt;
}

std::string safe_download_name(std::string_view filename)
{
    std::string safe;
    bool after_letter = false;
    for (std::size_t i = 0; i < filename.size();) {
        std::optional<char32_t> code = next_code_point(filename, i);
        bool letter = code && (*code < 0x80 ? is_ascii_letter(static_cast<char>(*code))
                                            : is_letter_beyond_ascii(*code));
        bool kept_ascii = code && *code < 0x80 &&
                          (is_ascii_alnum(static_cast<char>(*code)) || *code == '.' || *code == '-' ||
                           *code == '_' || *code == ' ');
        if (letter || kept_ascii || (code && after_letter && is_combining_mark(*code)))
            core::append_utf8(safe, *code);
        else
            safe += '_';
        after_letter = letter || (after_letter && code && is_combining_mark(*code));
    }
    std::string_view name = trim_dots_and_spaces(safe);
    if (name.empty())
        return "file";
    if (name.size() <= k_max_download_name)
        return std::string(name);
    // Too long: keep a short extension and shorten what comes before it.
    auto dot = name.rfind('.');
    if (dot != std::string_view::npos && dot > 0 && name.size() - dot <= 16) {
        std::string_view extension = name.substr(dot);
        std::string_view stem = utf8_prefix(name.substr(0, dot), k_max_download_name - extension.size());
        return std::string(stem) + std::string(extension);
    }
    return std::string(utf8_prefix(name, k_max_download_name));
}

std::string content_disposition(std::string_view disposition, std::string_view filename)
{
    std::string safe = safe_download_name(filename);
    std::string ascii;
    for (std::size_t i = 0; i < safe.size();) {
        std::optional<char32_t> code = next_code_point(safe, i);
        if (code && *code < 0x80)
            ascii += static_cast<char>(*code);
        else if (code)
            ascii += ascii_spelling(*code);
    }
    std::string fallback(trim_dots_and_spaces(ascii));
    if (fallback.empty())
        fallback = "file";
    std::string kind = core::ascii_lower(disposition) == "inline" ? "inline" : "attachment";
    return kind + "; filename=\"" + fallback + "\"; filename*=UTF-8''" + core::url_encode(safe);
}

} // namespace rekrut::domain
