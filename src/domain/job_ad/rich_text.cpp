#include "domain/job_ad/rich_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "core/text.hpp"

namespace rekrut::domain {
namespace {

void append_escaped(std::string& out, std::string_view text)
{
    out += core::html_escape(text);
}

void append_utf8(std::string& out, std::uint32_t code)
{
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        code = 0xFFFD;
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

/// Decodes character references so that text can be escaped once, uniformly.
std::string decode_entities(std::string_view text)
{
    static const std::array<std::pair<std::string_view, std::uint32_t>, 16> named = {{
        {"amp", '&'},
        {"lt", '<'},
        {"gt", '>'},
        {"quot", '"'},
        {"apos", '\''},
        {"nbsp", 0xA0},
        {"aelig", 0xE6},
        {"AElig", 0xC6},
        {"oslash", 0xF8},
        {"Oslash", 0xD8},
        {"aring", 0xE5},
        {"Aring", 0xC5},
        {"eacute", 0xE9},
        {"ndash", 0x2013},
        {"mdash", 0x2014},
        {"euro", 0x20AC},
    }};
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        std::size_t end = text.find(';', i);
        if (end == std::string_view::npos || end - i > 12) {
            out += '&';
            continue;
        }
        std::string_view name = text.substr(i + 1, end - i - 1);
        bool decoded = false;
        if (!name.empty() && name[0] == '#') {
            std::uint32_t code = 0;
            bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
            std::string_view digits = name.substr(hex ? 2 : 1);
            bool valid = !digits.empty();
            for (char ch : digits) {
                int value = std::isdigit(static_cast<unsigned char>(ch)) ? ch - '0'
                            : hex && std::isxdigit(static_cast<unsigned char>(ch))
                                ? (std::tolower(static_cast<unsigned char>(ch)) - 'a' + 10)
                                : -1;
                if (value < 0 || code > 0x10FFFF) {
                    valid = false;
                    break;
                }
                code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(value);
            }
            if (valid) {
                append_utf8(out, code);
                decoded = true;
            }
        } else {
            for (const auto& [entity, code] : named)
                if (entity == name) {
                    append_utf8(out, code);
                    decoded = true;
                }
        }
        if (decoded)
            i = end;
        else
            out += '&';
    }
    return out;
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return out;
}

constexpr std::array<std::string_view, 13> k_allowed = {"p",  "br",     "h2", "h3", "h4", "ul", "ol",
                                                        "li", "strong", "em", "b",  "i",  "a"};
/// Elements whose content is dropped along with them.
constexpr std::array<std::string_view, 11> k_dropped_with_content = {
    "script",   "style", "iframe",   "object", "embed", "template",
    "noscript", "title", "textarea", "svg",    "math"};

bool allowed(const std::string& name)
{
    return std::find(k_allowed.begin(), k_allowed.end(), name) != k_allowed.end();
}
bool dropped_with_content(const std::string& name)
{
    return std::find(k_dropped_with_content.begin(), k_dropped_with_content.end(), name) !=
           k_dropped_with_content.end();
}

/// An href is kept only with an explicit safe scheme; control characters and whitespace inside
/// the scheme (used to hide "javascript:") make it unsafe.
bool safe_href(const std::string& decoded)
{
    std::string compact;
    for (unsigned char ch : decoded)
        if (ch > 0x20 && ch != 0x7F)
            compact += static_cast<char>(ch);
    std::string scheme =
        lower(compact.substr(0, compact.find(':') == std::string::npos ? 0 : compact.find(':') + 1));
    if (scheme != "http:" && scheme != "https:" && scheme != "mailto:")
        return false;
    return decoded.find_first_of("\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\t\r\n") ==
           std::string::npos;
}

/// Reads attribute name/value pairs from the inside of a start tag; returns the href if present.
std::string find_href(std::string_view attributes)
{
    std::size_t i = 0;
    while (i < attributes.size()) {
        while (i < attributes.size() &&
               (std::isspace(static_cast<unsigned char>(attributes[i])) || attributes[i] == '/'))
            ++i;
        std::size_t name_start = i;
        while (i < attributes.size() && !std::isspace(static_cast<unsigned char>(attributes[i])) &&
               attributes[i] != '=' && attributes[i] != '/')
            ++i;
        std::string name = lower(attributes.substr(name_start, i - name_start));
        while (i < attributes.size() && std::isspace(static_cast<unsigned char>(attributes[i])))
            ++i;
        std::string value;
        if (i < attributes.size() && attributes[i] == '=') {
            ++i;
            while (i < attributes.size() && std::isspace(static_cast<unsigned char>(attributes[i])))
                ++i;
            if (i < attributes.size() && (attributes[i] == '"' || attributes[i] == '\'')) {
                char quote = attributes[i++];
                std::size_t end = attributes.find(quote, i);
                if (end == std::string_view::npos)
                    end = attributes.size();
                value = std::string(attributes.substr(i, end - i));
                i = end + 1;
            } else {
                std::size_t start = i;
                while (i < attributes.size() && !std::isspace(static_cast<unsigned char>(attributes[i])))
                    ++i;
                value = std::string(attributes.substr(start, i - start));
            }
        }
        if (name == "href")
            return value;
        if (name.empty() && i == name_start)
            ++i;
    }
    return "";
}

} // namespace

std::string sanitize_html(std::string_view html)
{
    std::string out;
    std::vector<std::string> open;
    std::size_t i = 0;
    auto close_to = [&](const std::string& name) {
        auto found = std::find(open.rbegin(), open.rend(), name);
        if (found == open.rend())
            return; // stray closing tag
        while (!open.empty()) {
            std::string top = open.back();
            open.pop_back();
            out += "</" + top + ">";
            if (top == name)
                break;
        }
    };
    while (i < html.size()) {
        std::size_t lt = html.find('<', i);
        std::string_view text =
            html.substr(i, lt == std::string_view::npos ? std::string_view::npos : lt - i);
        append_escaped(out, decode_entities(text));
        if (lt == std::string_view::npos)
            break;
        i = lt;
        // Comments, doctype and processing instructions vanish.
        if (html.substr(i, 4) == "<!--") {
            std::size_t end = html.find("-->", i + 4);
            i = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
            std::size_t end = html.find('>', i);
            i = end == std::string_view::npos ? html.size() : end + 1;
            continue;
        }
        bool closing = i + 1 < html.size() && html[i + 1] == '/';
        std::size_t name_start = i + (closing ? 2 : 1);
        std::size_t name_end = name_start;
        while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end])))
            ++name_end;
        if (name_end == name_start) {
            append_escaped(out, "<"); // a lone "<" is text
            ++i;
            continue;
        }
        // Find the end of the tag, respecting quoted attribute values.
        std::size_t end = name_end;
        char quote = 0;
        while (end < html.size() && (quote || html[end] != '>')) {
            if (quote && html[end] == quote)
                quote = 0;
            else if (!quote && (html[end] == '"' || html[end] == '\''))
                quote = html[end];
            ++end;
        }
        std::string name = lower(html.substr(name_start, name_end - name_start));
        std::string_view attributes = html.substr(name_end, end - name_end);
        i = end == html.size() ? end : end + 1;
        if (closing) {
            if (allowed(name) && name != "br")
                close_to(name);
            continue;
        }
        if (dropped_with_content(name)) {
            std::string closer = "</" + name;
            std::size_t search = i;
            for (;;) {
                std::size_t found = lower(html.substr(search)).find(closer);
                if (found == std::string::npos) {
                    i = html.size();
                    break;
                }
                std::size_t close_end = html.find('>', search + found);
                i = close_end == std::string_view::npos ? html.size() : close_end + 1;
                break;
            }
            continue;
        }
        if (!allowed(name))
            continue;
        if (name == "br") {
            out += "<br>";
            continue;
        }
        if (name == "a") {
            std::string href = decode_entities(find_href(attributes));
            if (!safe_href(href)) {
                out += "<a>";
            } else {
                out += "<a href=\"";
                append_escaped(out, href);
                out += "\" rel=\"noopener noreferrer\">";
            }
            open.push_back("a");
            continue;
        }
        // Block elements close an open paragraph, as a browser would.
        bool block =
            name == "p" || name == "h2" || name == "h3" || name == "h4" || name == "ul" || name == "ol";
        if (block && std::find(open.begin(), open.end(), "p") != open.end())
            close_to("p");
        if (name == "li" && !open.empty() && open.back() == "li")
            close_to("li");
        out += "<" + name + ">";
        open.push_back(name);
    }
    while (!open.empty()) {
        out += "</" + open.back() + ">";
        open.pop_back();
    }
    return out;
}

namespace {

/// Inline formatting of one line: **bold**, *italic*, [text](url). Everything else is text.
std::string inline_markup(std::string_view line)
{
    std::string out;
    std::size_t i = 0;
    while (i < line.size()) {
        if (line.substr(i, 2) == "**") {
            std::size_t end = line.find("**", i + 2);
            if (end != std::string_view::npos && end > i + 2) {
                out += "<strong>" + inline_markup(line.substr(i + 2, end - i - 2)) + "</strong>";
                i = end + 2;
                continue;
            }
        }
        if (line[i] == '*') {
            std::size_t end = line.find('*', i + 1);
            if (end != std::string_view::npos && end > i + 1) {
                out += "<em>" + inline_markup(line.substr(i + 1, end - i - 1)) + "</em>";
                i = end + 1;
                continue;
            }
        }
        if (line[i] == '[') {
            std::size_t close = line.find("](", i);
            // The URL ends at the parenthesis that balances the opening one.
            std::size_t end = std::string_view::npos;
            for (std::size_t k = close + 2, depth = 1; close != std::string_view::npos && k < line.size();
                 ++k) {
                if (line[k] == '(')
                    ++depth;
                else if (line[k] == ')' && --depth == 0) {
                    end = k;
                    break;
                }
            }
            if (close != std::string_view::npos && end != std::string_view::npos) {
                std::string href(line.substr(close + 2, end - close - 2));
                std::string label;
                append_escaped(label, line.substr(i + 1, close - i - 1));
                if (safe_href(href)) {
                    out += "<a href=\"";
                    append_escaped(out, href);
                    out += "\">" + label + "</a>";
                } else {
                    out += label;
                }
                i = end + 1;
                continue;
            }
        }
        append_escaped(out, line.substr(i, 1));
        ++i;
    }
    return out;
}

} // namespace

std::string rich_text_to_html(std::string_view source)
{
    std::string html;
    std::string paragraph;
    std::string list; // "ul" or "ol" while a list is open
    auto flush_paragraph = [&] {
        if (!paragraph.empty())
            html += "<p>" + paragraph + "</p>";
        paragraph.clear();
    };
    auto close_list = [&] {
        if (!list.empty())
            html += "</" + list + ">";
        list.clear();
    };
    std::size_t start = 0;
    while (start <= source.size()) {
        std::size_t end = source.find('\n', start);
        if (end == std::string_view::npos)
            end = source.size();
        std::string_view line = source.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        std::size_t digits = 0;
        while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits])))
            ++digits;
        if (line.empty()) {
            flush_paragraph();
            close_list();
        } else if (line.rfind("## ", 0) == 0 || line.rfind("### ", 0) == 0) {
            flush_paragraph();
            close_list();
            bool second = line.rfind("## ", 0) == 0;
            const char* tag = second ? "h2" : "h3";
            html.append("<").append(tag).append(">");
            html.append(inline_markup(line.substr(second ? 3 : 4)));
            html.append("</").append(tag).append(">");
        } else if (line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0 ||
                   (digits > 0 && line.substr(digits, 2) == ". ")) {
            flush_paragraph();
            std::string kind = digits > 0 ? "ol" : "ul";
            if (list != kind) {
                close_list();
                html += "<" + kind + ">";
                list = kind;
            }
            html += "<li>" + inline_markup(line.substr(digits > 0 ? digits + 2 : 2)) + "</li>";
        } else {
            close_list();
            if (!paragraph.empty())
                paragraph += "<br>";
            paragraph += inline_markup(line);
        }
        start = end + 1;
    }
    flush_paragraph();
    close_list();
    // The output is built from escaped text; sanitizing again keeps the guarantee in one place.
    return sanitize_html(html);
}

} // namespace rekrut::domain
